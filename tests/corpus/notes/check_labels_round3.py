r"""Independent checks of the hand labels of the round-3 sources of tests/corpus/notes (other authors and
styles: the ML Glossary, CS231n notes, labml.ai annotations; Markdown and LaTeX).

As in check_labels.py: each entry names a block by ``(file, line[, text that picks it among the blocks on that
line])``, gives its role and label, says how it was checked and, for ``right``/``wrong``, carries a check written
by hand with sympy, mpmath or numpy that returns True when the block's claim holds.  Nothing from the Formulary
code base is imported.

    python3 tests/corpus/notes/check_labels_round3.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round3.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import mpmath as mp
import numpy as np
import sympy as sp
from check_labels import check_entries, recorder, zero

HERE = Path(__file__).resolve().parent
mp.mp.dps = 30
RNG = np.random.default_rng(3)
TOL = 1e-9
"""Absolute tolerance for numpy comparisons of exact identities in double precision (values of order 1)."""

x, y, z, h, b, c, a, w = sp.symbols("x y z h b c a w", real=True)
ENTRIES, label, nonclaim = recorder()  # the first rounds' recorder and zero (check_labels)


# Test functions standing for the notes' arbitrary A, B, C, R, ...: smooth, with nonzero derivatives.
_A, _B, _C = sp.sin, lambda t: t**2 + 1, lambda t: sp.exp(t / 3)


# ---------------------------------------------------------------- mlglossary_calculus.tex
CA = "mlglossary_calculus.tex"
_f2 = lambda t: t**2
nonclaim(CA, 27, "definition", "defines f(x) = x^2 + 3 (the plotted example)")
label(CA, 31, "claim", "right", "exact: (12-4)/(3-1) = 4, and f(1) = 4, f(3) = 12 for f = x^2 + 3", "",
      lambda: sp.Rational(12 - 4, 3 - 1) == 4 and (1**2 + 3, 3**2 + 3) == (4, 12))
nonclaim(CA, 48, "definition", "defines f(x) = x^2")
label(CA, 54, "claim", "right", "sympy: f(x+h) with f = x^2 is (x+h)^2", "f(x) = x^2",
      lambda: zero(_f2(x + h) - (x + h)**2))
label(CA, 66, "claim", "right", "sympy: (2xh + h^2)/h - (2x + h) = 0 and the first row expands to it", "h != 0",
      lambda: zero((2*x*h + h**2) / h - (2*x + h)) and zero((x**2 + 2*x*h + h**2 - x**2) - (2*x*h + h**2)))
label(CA, 74, "claim", "right", "sympy: 2x + 0 = 2x", "", lambda: zero(2*x + 0 - 2*x))
nonclaim(CA, 78, "definition", "the function f(x) = x^2 named again in prose", pick="f(x) = x^2")
nonclaim(CA, 98, "definition", "defines f as the composite A(B(x))")
nonclaim(CA, 101, "no-claim", "words in \\mbox: the chain rule stated in prose")
nonclaim(CA, 107, "definition", "defines f(x) = h(g(x))")
label(CA, 113, "claim", "right", "sympy: d/dx h(g(x)) = h'(g(x)) g'(x) for h = sin, g = x^2 + 1", "",
      lambda: zero(sp.diff(_A(_B(x)), x) - sp.diff(_A(y), y).subs(y, _B(x)) * sp.diff(_B(x), x)))
nonclaim(CA, 119, "definition", "defines h(x) = x^3", pick="h(x) = x^3")
label(CA, 121, "claim", "right", "sympy: h(g(x)) = (x^2)^3 for h = x^3, g = x^2", "h(x) = x^3, g(x) = x^2",
      lambda: zero((x**2)**3 - (x**2)**3) and zero(sp.Lambda(y, y**3)(x**2) - (x**2)**3))
label(CA, 128, "claim", "right", "sympy: d/dx (x^2)^3 = 3(x^2)^2 * 2x = dh/d(x^2) dg/dx", "h(x) = x^3, g(x) = x^2",
      lambda: zero(sp.diff((x**2)**3, x) - 3*(x**2)**2 * 2*x))
label(CA, 137, "claim", "right", "sympy: d/dx x^2 = 2x", "g(x) = x^2", lambda: zero(sp.diff(x**2, x) - 2*x))
label(CA, 144, "claim", "right", "sympy: d/db b^3 = 3b^2", "h(b) = b^3", lambda: zero(sp.diff(b**3, b) - 3*b**2))
label(CA, 156, "claim", "right", "sympy: 3x^4 * 2x = 6x^5 (and equals d/dx (x^2)^3)", "",
      lambda: zero(3*x**4 * 2*x - 6*x**5) and zero(sp.diff((x**2)**3, x) - 6*x**5))
nonclaim(CA, 165, "definition", "defines f(x) = A(B(C(x)))")
label(CA, 171, "claim", "right", "sympy: chain rule for A = sin, B = t^2 + 1, C = exp(t/3)", "",
      lambda: zero(sp.diff(_A(_B(_C(x))), x) - sp.cos(_B(_C(x))) * 2*_C(x) * sp.diff(_C(x), x)))
label(CA, 177, "claim", "right", "sympy: f' = A'(B(C(x))) B'(C(x)) C'(x) for A = sin, B = t^2 + 1, C = exp(t/3) "
      "(one closing parenthesis is missing in the source)", "f(x) = A(B(C(x)))",
      lambda: zero(sp.diff(_A(_B(_C(x))), x)
                   - sp.diff(_A(y), y).subs(y, _B(_C(x))) * sp.diff(_B(y), y).subs(y, _C(x)) * sp.diff(_C(x), x)))
nonclaim(CA, 185, "definition", "defines A = sin, B = x^2, C = 4x")
label(CA, 193, "claim", "right", "sympy: derivatives of sin(x), x^2, 4x are cos(x), 2x, 4", "A = sin, B = x^2, C = 4x",
      lambda: zero(sp.diff(sp.sin(x), x) - sp.cos(x)) and zero(sp.diff(x**2, x) - 2*x) and sp.diff(4*x, x) == 4)
_fABC = sp.sin((4*x)**2)
label(CA, 201, "claim", "right", "sympy: d/dx sin((4x)^2) = cos((4x)^2) * 2(4x) * 4 = A'((4x)^2) B'(4x) C'(x)",
      "A = sin, B = x^2, C = 4x", lambda: zero(sp.diff(_fABC, x) - sp.cos((4*x)**2) * 2*(4*x) * 4))
label(CA, 207, "claim", "right", "sympy: each row equals d/dx sin(16x^2) = 32x cos(16x^2)", "A = sin, B = x^2, C = 4x",
      lambda: all(zero(sp.diff(_fABC, x) - e) for e in (sp.cos((4*x)**2) * 2*(4*x) * 4, sp.cos(16*x**2) * 8*x * 4,
                                                            sp.cos(16*x**2) * 32*x)))
nonclaim(CA, 231, "definition", "defines f(x, z) = 2 z^3 x^2")
nonclaim(CA, 243, "definition", "f rewritten with the constant b standing for 2z^3 (a renaming, stated in prose)")
_fb = lambda t: b * t**2
label(CA, 249, "claim", "right", "sympy: for f = b x^2 every row is the same difference quotient (h != 0) and its limit "
      "is 2bx = d/dx f", "f(x, z) = b x^2, b = 2z^3",
      lambda: all(zero(e - (_fb(x + h) - _fb(x)) / h) for e in (
          (b*(x + h)**2 - b*x**2) / h, (b*((x + h)*(x + h)) - b*x**2) / h, (b*(x**2 + x*h + h*x + h**2) - b*x**2) / h,
          (b*x**2 + 2*b*x*h + b*h**2 - b*x**2) / h, (2*b*x*h + b*h**2) / h, 2*b*x + b*h))
      and zero(sp.limit(2*b*x + b*h, h, 0) - sp.diff(_fb(x), x)))
label(CA, 266, "claim", "right", "sympy: d/dx 2z^3x^2 = 2(2z^3)x = 4z^3x", "f(x, z) = 2z^3x^2",
      lambda: zero(sp.diff(2*z**3*x**2, x) - 2*(2*z**3)*x) and zero(2*(2*z**3)*x - 4*z**3*x))
label(CA, 273, "claim", "right", "sympy: d/dz 2z^3x^2 = 6x^2z^2", "f(x, z) = 2z^3x^2",
      lambda: zero(sp.diff(2*z**3*x**2, z) - 6*x**2*z**2))
label(CA, 279, "claim", "right", "sympy: the gradient of 2z^3x^2 is (4z^3x, 6x^2z^2)", "f(x, z) = 2z^3x^2",
      lambda: zero(sp.diff(2*z**3*x**2, x) - 4*z**3*x) and zero(sp.diff(2*z**3*x**2, z) - 6*x**2*z**2))
nonclaim(CA, 300, "definition", "defines the direction vector v = (2, 3, -1)")
nonclaim(CA, 310, "no-claim", "the dot product written out, nothing asserted")
label(CA, 326, "claim", "right", "sympy: grad f . (2, 3, -1) = 2 f_x + 3 f_y - f_z for f = x^2 y + sin(z) y",
      "v = (2, 3, -1)",
      lambda: zero(sp.Matrix([sp.diff(x**2*y + sp.sin(z)*y, s) for s in (x, y, z)]).dot(sp.Matrix([2, 3, -1]))
                   - (2*sp.diff(x**2*y + sp.sin(z)*y, x) + 3*sp.diff(x**2*y + sp.sin(z)*y, y)
                      - 1*sp.diff(x**2*y + sp.sin(z)*y, z))))
nonclaim(CA, 338, "definition", "defines the area A(a, b) as an integral")
nonclaim(CA, 350, "definition", "defines the integral function F(c)")
label(CA, 367, "claim", "right", "sympy: int_a^b f = F(b) - F(a) with F(c) = int_0^c f, for f = x^2 + cos x",
      "F(c) = int_0^c f(x) dx",
      lambda: zero(sp.integrate(x**2 + sp.cos(x), (x, a, b))
                   - (sp.integrate(x**2 + sp.cos(x), (x, 0, b)) - sp.integrate(x**2 + sp.cos(x), (x, 0, a)))))


# ---------------------------------------------------------------- mlglossary_backprop_logistic.md
BP = "mlglossary_backprop_logistic.md"
_R = sp.tanh  # a stand-in activation R
_dR = lambda t: 1 - sp.tanh(t)**2
X_, W_, Wo, Wh, yy = sp.symbols("X W W_o W_h y", real=True)
_cost = lambda out: (out - yy)**2 / 2
"""The cost of the source's figure (removed with it): C = (y-hat - y)^2 / 2, so C'(y-hat) = y-hat - y."""
nonclaim(BP, 23, "definition", "defines f(x) = A(B(C(x)))")
label(BP, 29, "claim", "right", "sympy: with f = A(B(C(x))), df/dx = (df/dA = 1) A'(B) B'(C) C'(x), A = sin, "
      "B = t^2 + 1, C = exp(t/3)", "f(x) = A(B(C(x))); f'(A) means df/dA",
      lambda: zero(sp.diff(_A(_B(_C(x))), x)
                   - 1 * sp.cos(_B(_C(x))) * sp.diff(_B(y), y).subs(y, _C(x)) * sp.diff(_C(x), x)))
label(BP, 35, "claim", "right", "sympy: df/dB = df/dA * dA/dB with f = A(B): 1 * A'(B)", "f'(B) means df/dB",
      lambda: zero(sp.diff(_A(y), y) - 1 * sp.cos(y)))
nonclaim(BP, 45, "definition", "defines the cost of a single neuron as a composition")
label(BP, 51, "claim", "right", "sympy: d/dW (R(XW) - y)^2/2 = (R - y) R'(XW) X with R = tanh", "C = (y-hat - y)^2/2",
      lambda: zero(sp.diff(_cost(_R(X_*W_)), W_) - (_R(X_*W_) - yy) * _dR(X_*W_) * X_))
_H = sp.Symbol("H", real=True)
label(BP, 58, "claim", "right", "sympy: d/dW_o (R(H W_o) - y)^2/2 = (y-hat - y) R'(Z_o) H", "C = (y-hat - y)^2/2",
      lambda: zero(sp.diff(_cost(_R(_H*Wo)), Wo) - (_R(_H*Wo) - yy) * _dR(_H*Wo) * _H))
_yhat_h = _R(_R(X_*Wh) * Wo)
label(BP, 65, "claim", "right", "sympy: d/dW_h of (R(R(X W_h) W_o) - y)^2/2 = (y-hat - y) R'(Z_o) W_o R'(Z_h) X",
      "C = (y-hat - y)^2/2", lambda: zero(sp.diff(_cost(_yhat_h), Wh)
                                           - (_yhat_h - yy) * _dR(_R(X_*Wh)*Wo) * Wo * _dR(X_*Wh) * X_))


def _deep_chain():
    """An 11-layer scalar chain Z_k = W_k H_{k-1}, H_k = R(Z_k): the product of the local derivatives is
    the derivative of y-hat with respect to W_1 (checked at a random point)."""
    w_ = sp.symbols("w1:12", real=True)
    x0 = sp.Rational(7, 10)
    h_ = x0
    zs = []
    for k in range(11):
        zk = w_[k] * h_
        zs.append(zk)
        h_ = _R(zk)
    point = {s: sp.Rational(int(RNG.integers(2, 9)), 10) for s in w_}
    total = sp.diff(h_, w_[0]).subs(point)
    local = _dR(zs[10])  # dy-hat/dZ_11
    for k in range(10, 0, -1):  # dZ_{k+1}/dH_k * dH_k/dZ_k
        local *= w_[k] * _dR(zs[k - 1])
    local *= x0  # dZ_1/dW_1
    return abs(float(total - local.subs(point))) < TOL


label(BP, 72, "claim", "right", "sympy at a random point: an 11-layer chain's derivative is the product of the 22 "
      "local derivatives", "y-hat = R(Z_11), Z_k = W_k H_{k-1}, H_k = R(Z_k); dC/dy-hat factored out", _deep_chain)
label(BP, 82, "claim", "right", "sympy: d/dZ_o (R(Z_o) - y)^2/2 = (y-hat - y) R'(Z_o)", "C = (y-hat - y)^2/2",
      lambda: zero(sp.diff(_cost(_R(z)), z) - (_R(z) - yy) * _dR(z)))
nonclaim(BP, 88, "definition", "defines the output layer error E_o")
label(BP, 94, "claim", "right", "sympy: d/dZ_h (R(R(Z_h) W_o) - y)^2/2 = (y-hat - y) R'(Z_o) W_o R'(Z_h)",
      "C = (y-hat - y)^2/2", lambda: zero(sp.diff(_cost(_R(_R(z)*Wo)), z) - (_R(_R(z)*Wo) - yy) * _dR(_R(z)*Wo) * Wo * _dR(z)))
nonclaim(BP, 100, "definition", "defines the hidden layer error E_h")
label(BP, 108, "claim", "right", "same as line 58: (y-hat - y) R'(Z_O) H", "C = (y-hat - y)^2/2",
      lambda: zero(sp.diff(_cost(_R(_H*Wo)), Wo) - (_R(_H*Wo) - yy) * _dR(_H*Wo) * _H))
label(BP, 114, "claim", "right", "sympy: E_o H = (y-hat - y) R'(Z_o) H = dC/dW_o", "E_o = (y-hat - y) R'(Z_o)",
      lambda: zero(sp.diff(_cost(_R(_H*Wo)), Wo) - ((_R(_H*Wo) - yy) * _dR(_H*Wo)) * _H))
nonclaim(BP, 120, "no-claim", "a rule in words (CurrentLayerError times CurrentLayerInput)")
nonclaim(BP, 130, "definition", "defines the sigmoid S(z)")
nonclaim(BP, 142, "definition", "the decision rule: class 1 when p >= 0.5")
nonclaim(BP, 155, "definition", "defines z from the two features")
nonclaim(BP, 161, "definition", "defines P(class=1)")
_s = 1 / (1 + sp.exp(-z))
label(BP, 177, "claim", "right", "sympy: d/dz 1/(1+e^-z) = s(1 - s)", "s is the sigmoid",
      lambda: zero(sp.diff(_s, z) - _s * (1 - _s)))
_sw = 1 / (1 + sp.exp(-w * x))
label(BP, 185, "claim", "right", "sympy: d/dw of -(y log s + (1-y) log(1-s)) with s = sigmoid(w x) is x (s - y)",
      "cost = cross-entropy, z = w x",
      lambda: zero(sp.diff(-(yy * sp.log(_sw) + (1 - yy) * sp.log(1 - _sw)), w) - x * (_sw - yy)))
nonclaim(BP, 212, "condition", "M > 2: the multiclass case")


# ---------------------------------------------------------------- mlglossary_regression_optimizers.md
RG = "mlglossary_regression_optimizers.md"
m_, N_ = sp.symbols("m N", positive=True)
_xs, _ys = sp.symbols("x1:5", real=True), sp.symbols("y1:5", real=True)


def _mse_gradient():
    f = sum((yi - (m_*xi + b))**2 for xi, yi in zip(_xs, _ys)) / 4
    dm = sum(-2*xi*(yi - (m_*xi + b)) for xi, yi in zip(_xs, _ys)) / 4
    db = sum(-2*(yi - (m_*xi + b)) for xi, yi in zip(_xs, _ys)) / 4
    return zero(sp.diff(f, m_) - dm) and zero(sp.diff(f, b) - db)


for _line in (23, 29, 35, 45):
    nonclaim(RG, _line, "definition", "defines the model")
nonclaim(RG, 57, "definition", "defines MSE")
nonclaim(RG, 71, "definition", "defines the cost f(m, b)")
label(RG, 77, "claim", "right", "sympy with N = n = 4 data points: df/dm and df/db as stated", "N = n", _mse_gradient)
nonclaim(RG, 94, "definition", "the fitted model (the prose gives the bias as .25, the formula .025)")
nonclaim(RG, 104, "definition", "defines the multivariable model")
nonclaim(RG, 112, "definition", "defines MSE for three features (the summand does not depend on i)")
W1, W2, W3, x1, x2, x3 = sp.symbols("W_1 W_2 W_3 x_1 x_2 x_3", real=True)
_half = (yy - (W1*x1 + W2*x2 + W3*x3))**2 / 2
label(RG, 120, "claim", "right", "sympy: the MSE above is (1/2N) * n copies of one squared error, so with n = N it is "
      "(y - W.x)^2/2, whose derivatives are -x_k (y - W.x)", "n = N",
      lambda: all(zero(sp.diff(_half, Wk) - (-xk * (yy - (W1*x1 + W2*x2 + W3*x3))))
                  for Wk, xk in ((W1, x1), (W2, x2), (W3, x3))))


def _vectorized_gradient():
    """numpy: for X of shape (200, 3) the gradient of sum (t - Xw)^2 / 2 is -X^T (t - Xw), a (3, 1) vector;
    -X (t - Xw) (the formula as written) is not even defined for these shapes."""
    X = RNG.normal(size=(200, 3))
    t, wv = RNG.normal(size=(200, 1)), RNG.normal(size=(3, 1))
    eps = 1e-6
    numeric = np.array([[((np.sum((t - X @ (wv + eps * e))**2) - np.sum((t - X @ (wv - eps * e))**2)) / (4 * eps))]
                        for e in np.eye(3)[:, :, None]]).reshape(3, 1)
    assert np.allclose(numeric, -X.T @ (t - X @ wv), atol=1e-5)
    try:
        -X @ (t - X @ wv)
    except ValueError:
        return False
    return True


label(RG, 132, "claim", "wrong", "numpy: with X of shape (200, 3) the gradient is -X^T (targets - predictions) "
      "(finite differences agree); -X (targets - predictions) multiplies (200, 3) by (200, 1), which is undefined "
      "(the transpose is missing; the source's code uses X.T)", "X: (200, 3) features, targets (200, 1)",
      _vectorized_gradient)
nonclaim(RG, 144, "definition", "defines the cost f(m, b) again")
label(RG, 150, "claim", "right", "sympy with N = n = 4 data points: df/dm and df/db as stated", "N = n", _mse_gradient)
nonclaim(RG, 171, "update", "the momentum update rule (assignments)")


# ---------------------------------------------------------------- cs231n_linear_classify_backprop.md
CS = "cs231n_linear_classify_backprop.md"
nonclaim(CS, 22, "definition", "defines the linear score function")
nonclaim(CS, 30, "definition", "recalls the score function's definition")
nonclaim(CS, 36, "definition", "the score function after the bias trick")
nonclaim(CS, 46, "definition", "defines the multiclass SVM loss L_i")
label(CS, 52, "claim", "right", "exact: with scores [13, -7, 11], y_i = 0, Delta = 10 the loss is "
      "max(0, -7-13+10) + max(0, 11-13+10) = 0 + 8", "f = [13, -7, 11], y_i = 0, Delta = 10",
      lambda: sum(max(0, s - 13 + 10) for s in (-7, 11)) == max(0, -7 - 13 + 10) + max(0, 11 - 13 + 10) == 8)


def _svm_rows():
    W = RNG.normal(size=(5, 4))
    xi, yi, delta = RNG.normal(size=4), 2, 1.0
    f = W @ xi
    a_ = sum(max(0.0, f[j] - f[yi] + delta) for j in range(5) if j != yi)
    b_ = sum(max(0.0, W[j] @ xi - W[yi] @ xi + delta) for j in range(5) if j != yi)
    return abs(a_ - b_) < TOL


label(CS, 60, "claim", "right", "numpy: with f = W x_i and w_j the j-th row of W both forms agree (random W, x_i)",
      "f(x_i; W) = W x_i", _svm_rows)
nonclaim(CS, 68, "definition", "defines the L2 penalty R(W)")
nonclaim(CS, 74, "definition", "defines the full loss L (data plus regularization loss)")


def _full_svm():
    W = RNG.normal(size=(3, 4))
    X, ys, delta, lam = RNG.normal(size=(6, 4)), [0, 2, 1, 1, 0, 2], 1.0, 0.3
    li = [sum(max(0.0, (W @ X[i])[j] - (W @ X[i])[ys[i]] + delta) for j in range(3) if j != ys[i]) for i in range(6)]
    data_plus_reg = np.mean(li) + lam * np.sum(W**2)
    expanded = sum(sum(max(0.0, (W @ X[i])[j] - (W @ X[i])[ys[i]] + delta) for j in range(3) if j != ys[i])
                   for i in range(6)) / 6 + lam * sum(W[k, l]**2 for k in range(3) for l in range(4))
    return abs(data_plus_reg - expanded) < TOL


label(CS, 80, "claim", "right", "numpy: the expanded loss equals mean(L_i) + lambda R(W) (random W, data)",
      "L_i and R(W) as defined above", _full_svm)
nonclaim(CS, 88, "definition", "the binary SVM loss, recalled")


def _log_softmax():
    f = RNG.normal(size=5)
    return abs(-np.log(np.exp(f[1]) / np.sum(np.exp(f))) - (-f[1] + np.log(np.sum(np.exp(f))))) < TOL


label(CS, 98, "claim", "right", "numpy: -log(e^{f_y}/sum e^{f_j}) = -f_y + log sum e^{f_j} (random scores)", "",
      _log_softmax)
nonclaim(CS, 106, "definition", "defines the cross-entropy H(p, q)")
nonclaim(CS, 112, "definition", "defines the softmax probability of the correct class")


def _shift_invariance():
    f, C = RNG.normal(size=5), 0.37
    p = np.exp(f[2]) / np.sum(np.exp(f))
    return abs(p - C * np.exp(f[2]) / (C * np.sum(np.exp(f)))) < TOL and \
        abs(p - np.exp(f[2] + np.log(C)) / np.sum(np.exp(f + np.log(C)))) < TOL


label(CS, 120, "claim", "right", "numpy: all three fractions agree for random scores and C = 0.37", "C > 0",
      _shift_invariance)


def _softmax_example(scores, exps, probs):
    """Each written value within one unit of its last written digit of the exact one (rounded or truncated:
    2.71 for e = 2.718..., 0.7 for 0.705...)."""
    e = [mp.e**s for s in scores]
    p = [v / sum(e) for v in e]

    def near(exact, written):
        decimals = len(written.split(".")[1]) if "." in written else 0
        return abs(exact - mp.mpf(written)) <= mp.mpf(10)**-decimals

    return all(near(u, v) for u, v in zip(e + p, exps + probs))


label(CS, 132, "claim", "right", "mpmath: e^1 = 2.718 (written 2.71: truncated, within one unit of the last digit), e^-2 = 0.135, "
      "softmax = (0.705, 0.035, 0.260): each written value is within one unit of its last digit", "values rounded",
      lambda: _softmax_example((1, -2, 0), ("2.71", "0.14", "1"), ("0.7", "0.04", "0.26")))
label(CS, 138, "claim", "right", "mpmath: e^0.5 = 1.649, e^-1 = 0.368, softmax = (0.546, 0.122, 0.331)",
      "values rounded to two decimals", lambda: _softmax_example((mp.mpf("0.5"), -1, 0), ("1.65", "0.37", "1"), ("0.55", "0.12", "0.33")))
label(CS, 150, "claim", "right", "sympy: for f = xy, df/dx = y and df/dy = x", "",
      lambda: zero(sp.diff(x*y, x) - y) and zero(sp.diff(x*y, y) - x))
nonclaim(CS, 156, "definition", "the definition of the derivative")
label(CS, 162, "claim", "right", "sympy: for f = x + y both partial derivatives are 1", "",
      lambda: sp.diff(x + y, x) == 1 and sp.diff(x + y, y) == 1)
label(CS, 168, "claim", "right", "sympy: d/dx max(x, y) is 1 for x > y and 0 for x < y (checked at (2, 1) and (1, 2))",
      "x != y (a subgradient at x = y)",
      lambda: sp.diff(sp.Max(x, y), x).subs({x: 2, y: 1}) == 1 and sp.diff(sp.Max(x, y), x).subs({x: 1, y: 2}) == 0
      and sp.diff(sp.Max(x, y), y).subs({x: 1, y: 2}) == 1)
nonclaim(CS, 178, "definition", "defines the 2-d sigmoid neuron")
label(CS, 184, "claim", "right", "sympy: derivatives of 1/x, c + x, e^x, a x are -1/x^2, 1, e^x, a", "x != 0",
      lambda: zero(sp.diff(1/x, x) + 1/x**2) and sp.diff(c + x, x) == 1 and zero(sp.diff(sp.exp(x), x) - sp.exp(x))
      and sp.diff(a*x, x) == a)
_sig = 1 / (1 + sp.exp(-x))
label(CS, 206, "claim", "right", "sympy: d sigma/dx = e^-x/(1+e^-x)^2 = ((1+e^-x-1)/(1+e^-x)) (1/(1+e^-x)) "
      "= (1 - sigma) sigma", "",
      lambda: zero(sp.diff(_sig, x) - sp.exp(-x) / (1 + sp.exp(-x))**2)
      and zero(sp.exp(-x) / (1 + sp.exp(-x))**2 - ((1 + sp.exp(-x) - 1) / (1 + sp.exp(-x))) * (1 / (1 + sp.exp(-x))))
      and zero(sp.exp(-x) / (1 + sp.exp(-x))**2 - (1 - _sig) * _sig))
nonclaim(CS, 218, "definition", "defines the staged-computation example f(x, y)")


# ---------------------------------------------------------------- labml_normalization.md
LN = "labml_normalization.md"


def _variance_identity():
    """numpy: for a sample (the batch statistics) and for a discrete law (mpmath), Var = E[x^2] - E[x]^2."""
    v = RNG.normal(size=(64,)) * 3 + 1
    law = [(mp.mpf(-1), mp.mpf("0.2")), (mp.mpf(2), mp.mpf("0.5")), (mp.mpf(5), mp.mpf("0.3"))]
    mean = sum(p * t for t, p in law)
    return abs(np.var(v) - (np.mean(v**2) - np.mean(v)**2)) < 1e-9 and \
        abs(sum(p * (t - mean)**2 for t, p in law) - (sum(p * t**2 for t, p in law) - mean**2)) < 1e-25


nonclaim(LN, 42, "definition", "defines x-hat (mean subtraction)")
nonclaim(LN, 43, "definition", "x = u + b: the input as a sum with a trained bias")
nonclaim(LN, 61, "definition", "defines the normalized feature x-hat^(k)")
nonclaim(LN, 74, "definition", "defines the scaled and shifted output y^(k)")
label(LN, 105, "claim", "right", "numpy/mpmath: Var = E[x^2] - E[x]^2 for a sample and for a discrete law", "",
      _variance_identity)
nonclaim(LN, 107, "definition", "the normalization with epsilon")
nonclaim(LN, 109, "definition", "the scale and shift")
nonclaim(LN, 124, "condition", "shape of X", pick=r"X \in \mathbb{R}^{B \times C}")
nonclaim(LN, 127, "definition", "defines layer normalization LN(X)")
nonclaim(LN, 134, "definition", "defines layer normalization LN(X) for sequences")
nonclaim(LN, 142, "definition", "defines layer normalization LN(X) for images")
label(LN, 159, "claim", "right", "numpy/mpmath: Var = E[X^2] - E[X]^2 for a sample and for a discrete law", "",
      _variance_identity)
nonclaim(LN, 161, "definition", "the normalization X-hat")
nonclaim(LN, 163, "definition", "LN as scale and shift of X-hat")


# ---------------------------------------------------------------- running the checks
_OPEN = re.compile(r"\$\$|\\\[|\\begin\{(equation|align|gather|multline|eqnarray|displaymath)\*?\}|(?<!\\)\$")


def _masked(text: str, tex: bool) -> str:
    """Code fences, HTML comments and (in .tex) comments and the preamble replaced by spaces, lines kept."""
    blank = lambda m: re.sub(r"[^\n]", " ", m.group(0))
    text = re.sub(r"```.*?```|<!--.*?-->", blank, text, flags=re.S)
    if tex:
        text = re.sub(r"(?<!\\)%[^\n]*", blank, text)
        start = text.find("\\begin{document}")
        text = re.sub(r"[^\n]", " ", text[:start]) + text[start:] if start >= 0 else text
    return text


def _blocks(text: str, tex: bool):
    """(line, inner text) of every $...$, $$...$$, \\[...\\] and math environment."""
    masked, out, i = _masked(text, tex), [], 0
    while True:
        m = _OPEN.search(masked, i)
        if m is None:
            return out
        token, start = m.group(0), m.start()
        if token == "$$" or token == "\\[":
            closer = "$$" if token == "$$" else "\\]"
            j = masked.find(closer, m.end())
            out.append((masked.count("\n", 0, start) + 1, text[m.end():j]))
            i = j + 2
        elif token.startswith("\\begin"):
            j = masked.find("\\end{" + m.group(1), m.end())
            j = masked.find("}", j) + 1
            out.append((masked.count("\n", 0, start) + 1, text[start:j]))
            i = j
        else:
            j = m.end()
            while masked[j] != "$" or masked[j - 1] == "\\":
                j += 1
            out.append((masked.count("\n", 0, start) + 1, text[m.end():j]))
            i = j + 1


def _latex(entry) -> str:
    path = HERE / entry["file"]
    found = [inner for line, inner in _blocks(path.read_text(encoding="utf-8"), path.suffix == ".tex")
             if line == entry["line"]]
    if entry["pick"] is not None:
        found = [inner for inner in found if inner.strip() == entry["pick"]]
    elif len(found) > 1:  # several inline formulas on the line: the one that states something
        found = [inner for inner in found if re.search(r"[=<>]|\\in\b", inner)]
    if len(found) != 1:
        raise SystemExit(f"{entry['file']}:{entry['line']}: {len(found)} blocks match {entry['pick']!r}")
    return found[0]


def main(argv) -> int:
    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
