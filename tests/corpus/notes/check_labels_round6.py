r"""Independent checks of the hand labels of the round-6 sources of tests/corpus/notes: a style not yet in the corpus,
a Jupyter notebook that lists a textbook's equations (Géron's Hands-On Machine Learning, book_equations.ipynb),
written as ``$`` on its own line, the formula, ``$`` on its own line, and inline ``$ ... $`` with spaces inside,
vectors as ``\mathbf``, matrix products with ``\cdot``, sums ranged with ``\atop``; and Sphinx documentation in
reStructuredText (scikit-learn's user guide on naive Bayes: ``:math:`` roles and ``.. math::`` directives).

As in the earlier rounds: each entry names a block by ``(file, line[, text that picks it on that line])``, gives
its role and label, says how it was checked and, for ``right``/``wrong``, carries a check written by hand with
sympy or numpy that returns True when the block's claim holds.  Nothing from the Formulary code base is imported.

    python3 tests/corpus/notes/check_labels_round6.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round6.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import check_entries, recorder, rst_blocks, zero  # noqa: E402

RNG = np.random.default_rng(6)
TOL = 1e-9
"""Absolute tolerance for numpy comparisons of exact identities in double precision (values of order 1-100)."""

ENTRIES, label, nonclaim = recorder()
R = sp.Rational


def _rational_matrix(rows, cols):
    """A small random matrix with rational entries (exact sympy arithmetic)."""
    return sp.Matrix(rows, cols, [R(int(v), 7) for v in RNG.integers(-9, 10, size=rows * cols)])


def _sigmoid(z):
    return 1 / (1 + sp.exp(-z))


# ---------------------------------------------------------------- handsonml_book_equations.md
HB = "handsonml_book_equations.md"


def _f1_chain():
    tp, fp, fn = sp.symbols("TP FP FN", positive=True)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    first = 2 / (1 / precision + 1 / recall)
    second = 2 * precision * recall / (precision + recall)
    third = tp / (tp + (fn + fp) / 2)
    return zero(first - second) and zero(second - third)


def _normal_equation():
    X, y = RNG.normal(size=(20, 4)), RNG.normal(size=20)
    return np.allclose(np.linalg.inv(X.T @ X) @ X.T @ y, np.linalg.lstsq(X, y, rcond=None)[0], atol=TOL, rtol=0)


_m, _n = 4, 3
_X, _y = _rational_matrix(_m, _n), _rational_matrix(_m, 1)
_theta = sp.Matrix(sp.symbols(f"theta0:{_n}", real=True))
_mse = sum(((_X.row(i) * _theta)[0] - _y[i]) ** 2 for i in range(_m)) / _m


def _mse_partials():
    return all(zero(sp.diff(_mse, _theta[j]) - R(2, _m) * sum(((_X.row(i) * _theta)[0] - _y[i]) * _X[i, j]
                                                              for i in range(_m))) for j in range(_n))


def _mse_gradient():
    gradient = sp.Matrix([sp.diff(_mse, t) for t in _theta])
    return all(zero(e) for e in gradient - R(2, _m) * _X.T * (_X * _theta - _y))


def _ridge_closed_form():
    """The minimiser of J = MSE + alpha/2 sum_{i>=1} theta_i^2 (theta_0, the bias, not penalised: A = diag(0, 1, 1))
    against (X^T X + alpha A)^{-1} X^T y: the gradient (2/m) X^T (X theta - y) + alpha A theta vanishes at
    (X^T X + (m alpha / 2) A)^{-1} X^T y, which is the written formula only when m = 2."""
    alpha = R(3, 2)
    A = sp.diag(0, *([1] * (_n - 1)))
    J = _mse + alpha / 2 * sum(t ** 2 for t in _theta[1:])
    minimiser = sp.solve([sp.diff(J, t) for t in _theta], list(_theta), dict=True)[0]
    written = (_X.T * _X + alpha * A).inv() * _X.T * _y
    return all(zero(minimiser[t] - w) for t, w in zip(_theta, written))


def _logistic_partials():
    m, n = 3, 2
    X = _rational_matrix(m, n)
    y = [1, 0, 1]
    theta = sp.Matrix(sp.symbols(f"w0:{n}", real=True))
    p = [_sigmoid((X.row(i) * theta)[0]) for i in range(m)]
    J = -sum(y[i] * sp.log(p[i]) + (1 - y[i]) * sp.log(1 - p[i]) for i in range(m)) / m
    point = {theta[0]: R(3, 10), theta[1]: R(-7, 10)}
    return all(abs(sp.N((sp.diff(J, theta[j]) - sum((p[i] - y[i]) * X[i, j] for i in range(m)) / m).subs(point),
                        30)) < 1e-25 for j in range(n))


def _softmax_argmax():
    for _ in range(200):
        theta, x = RNG.normal(size=(5, 3)), RNG.normal(size=3)
        s = theta @ x
        softmax = np.exp(s) / np.exp(s).sum()
        if not np.argmax(softmax) == np.argmax(s) == np.argmax([theta[k] @ x for k in range(5)]):
            return False
    return True


def _cross_entropy_gradient():
    """d/d theta^(k) of -1/m sum_i sum_k y_k log p_k, p = softmax(Theta x), one-hot y: (1/m) sum_i (p_k - y_k) x."""
    K, n, m = 3, 2, 2
    Theta = sp.Matrix(K, n, sp.symbols(f"t0:{K * n}", real=True))
    X = _rational_matrix(m, n)
    Y = [[1, 0, 0], [0, 0, 1]]
    p = []
    for i in range(m):
        s = Theta * X.row(i).T
        z = sum(sp.exp(s[j]) for j in range(K))
        p.append([sp.exp(s[j]) / z for j in range(K)])
    J = -sum(Y[i][k] * sp.log(p[i][k]) for i in range(m) for k in range(K)) / m
    point = dict(zip(Theta, [R(int(v), 5) for v in RNG.integers(-5, 6, size=K * n)]))
    for k in range(K):
        for j in range(n):
            diff = sp.diff(J, Theta[k, j]) - sum((p[i][k] - Y[i][k]) * X[i, j] for i in range(m)) / m
            if abs(sp.N(diff.subs(point), 30)) > 1e-25:
                return False
    return True


def _kernel_trick():
    a1, a2, b1, b2 = sp.symbols("a1 a2 b1 b2", real=True)
    phi_a = sp.Matrix([a1 ** 2, sp.sqrt(2) * a1 * a2, a2 ** 2])
    phi_b = sp.Matrix([b1 ** 2, sp.sqrt(2) * b1 * b2, b2 ** 2])
    dot = (phi_a.T * phi_b)[0]
    return zero(dot - (a1 ** 2 * b1 ** 2 + 2 * a1 * b1 * a2 * b2 + a2 ** 2 * b2 ** 2)) \
        and zero(dot - (a1 * b1 + a2 * b2) ** 2)


def _svm_setting():
    """A random kernelised SVM solution: feature vectors phi(x^(i)), dual weights alpha >= 0 (some zero),
    labels t = +-1, the bias b, and w = sum_i alpha_i t_i phi(x^(i)) (Equation 5-7 in feature space)."""
    m, d = 7, 5
    phi = RNG.normal(size=(m, d))
    alpha = np.abs(RNG.normal(size=m)) * (RNG.random(m) < 0.6)
    alpha[0] = 0.5
    t = RNG.choice([-1.0, 1.0], size=m)
    return phi, alpha, t, alpha * t @ phi, float(RNG.normal())


def _svm_prediction():
    phi, alpha, t, w, b = _svm_setting()
    new = RNG.normal(size=phi.shape[1])
    values = [w @ new + b, (alpha * t @ phi) @ new + b, sum(alpha[i] * t[i] * (phi[i] @ new) for i in range(len(t))) + b,
              sum(alpha[i] * t[i] * (phi[i] @ new) for i in range(len(t)) if alpha[i] > 0) + b]
    return np.allclose(values, values[0], atol=TOL, rtol=0)


def _svm_bias():
    phi, alpha, t, w, _ = _svm_setting()
    support = [i for i in range(len(t)) if alpha[i] > 0]
    ns = len(support)
    values = [sum(1 - t[i] * (w @ phi[i]) for i in support) / ns,
              sum(1 - t[i] * ((alpha * t @ phi) @ phi[i]) for i in support) / ns,
              sum(1 - t[i] * sum(alpha[j] * t[j] * (phi[i] @ phi[j]) for j in support) for i in support) / ns]
    return np.allclose(values, values[0], atol=TOL, rtol=0)


def _xavier_sigma():
    n = sp.Symbol("n", positive=True)
    return zero(sp.sqrt(R(2) / (n + n)) - 1 / sp.sqrt(n))


def _xavier_r():
    n = sp.Symbol("n", positive=True)
    return zero(sp.sqrt(R(6) / (n + n)) - sp.sqrt(3) / sp.sqrt(n))


nonclaim(HB, 16, "definition", "the linear model of life satisfaction (the model the chapter fits)")
nonclaim(HB, 24, "definition", "RMSE defined")
nonclaim(HB, 31, "example", "the first instance's feature vector, data")
nonclaim(HB, 41, "example", "the first instance's label, data")
nonclaim(HB, 46, "definition", "the data matrix X written out (rows are the instances)")
nonclaim(HB, 62, "definition", "MAE defined")
nonclaim(HB, 68, "definition", "the l_k norm defined")
nonclaim(HB, 73, "definition", "precision defined")
nonclaim(HB, 80, "definition", "recall defined")
label(HB, 87, "claim", "right", "sympy: with precision = TP/(TP+FP) and recall = TP/(TP+FN), the three forms of F1 "
      "simplify to the same value", "TP, FP, FN > 0 (precision and recall as defined above)", _f1_chain)
nonclaim(HB, 95, "definition", "the linear regression prediction defined")
nonclaim(HB, 102, "definition", "h_theta(x) = theta^T x, the vectorized prediction defined")
nonclaim(HB, 109, "definition", "the MSE cost defined")
label(HB, 116, "claim", "right", "numpy: (X^T X)^{-1} X^T y equals numpy.linalg.lstsq's least-squares solution "
      "(X 20 x 4 random)", "X^T X invertible; theta-hat minimises the MSE", _normal_equation)
nonclaim(HB, 123, "no-claim", "notation for a partial derivative")
label(HB, 128, "claim", "right", "sympy: d/d theta_j of (1/m) sum (theta^T x_i - y_i)^2 equals (2/m) sum (theta^T x_i - "
      "y_i) x_ij exactly (m = 4, n = 3, random rational X, y)", "MSE as in Equation 4-3", _mse_partials)
label(HB, 135, "claim", "right", "sympy: the gradient of the MSE equals (2/m) X^T (X theta - y) exactly (m = 4, n = 3)",
      "MSE as in Equation 4-3", _mse_gradient)
nonclaim(HB, 149, "update", "a gradient descent step")
nonclaim(HB, 154, "no-claim", "a convergence rate in big-O notation")
nonclaim(HB, 157, "example", "the fitted polynomial model, numbers from an experiment")
nonclaim(HB, 160, "definition", "how the data were generated (noise in words)")
nonclaim(HB, 163, "no-claim", "a count of features, an expression")
nonclaim(HB, 166, "no-claim", "the regularization term, an expression")
nonclaim(HB, 171, "definition", "the ridge cost defined")
label(HB, 178, "claim", "wrong", "sympy: with the ridge cost of Equation 4-8 (J = MSE + alpha/2 sum_{i>=1} theta_i^2, "
      "A the identity with a 0 in the top-left cell, as the book defines it), the minimiser solves "
      "(X^T X + (m alpha/2) A) theta = X^T y, not (X^T X + alpha A) theta = X^T y (m = 4, alpha = 3/2: they differ; "
      "the book's third edition writes the cost with alpha/m sum theta_i^2, for which the formula holds)",
      "theta-hat minimises the cost of Equation 4-8; X^T X + alpha A invertible", _ridge_closed_form)
nonclaim(HB, 185, "definition", "the lasso cost defined")
nonclaim(HB, 192, "definition", "a subgradient vector g defined, with sign(0) = 0")
nonclaim(HB, 210, "definition", "the elastic net cost defined")
nonclaim(HB, 217, "definition", "the logistic regression probability defined")
nonclaim(HB, 224, "definition", "the logistic function defined")
nonclaim(HB, 231, "definition", "the prediction rule, by cases")
nonclaim(HB, 242, "definition", "the cost of one instance, by cases")
nonclaim(HB, 253, "definition", "the log loss defined")
label(HB, 260, "claim", "right", "sympy: the partial derivatives of the log loss equal (1/m) sum (sigma(theta^T x_i) - y_i) "
      "x_ij at a rational point to 25 digits (m = 3, n = 2, labels 1, 0, 1)", "J the log loss of Equation 4-17",
      _logistic_partials)
nonclaim(HB, 267, "definition", "the softmax score defined")
nonclaim(HB, 274, "definition", "the softmax probability defined")
label(HB, 281, "claim", "right", "numpy, 200 random Theta (5 x 3) and x: argmax of softmax(s), of s and of theta_k^T x "
      "agree", "s_k(x) = theta_k^T x (Equation 4-19)", _softmax_argmax)
nonclaim(HB, 288, "definition", "the cross entropy cost defined")
nonclaim(HB, 294, "definition", "the cross entropy of two distributions defined")
label(HB, 299, "claim", "right", "sympy: d/d theta^(k)_j of the cross entropy equals (1/m) sum_i (p_k^(i) - y_k^(i)) "
      "x_j^(i) at a rational point to 25 digits (K = 3, n = 2, m = 2, one-hot labels)",
      "one-hot labels (sum_k y_k = 1); p the softmax of Equation 4-20", _cross_entropy_gradient)
nonclaim(HB, 306, "definition", "the Gaussian RBF defined")
nonclaim(HB, 313, "definition", "the linear SVM prediction rule, by cases")
nonclaim(HB, 323, "no-claim", "an optimisation problem (objective and constraints)")
nonclaim(HB, 333, "no-claim", "an optimisation problem (objective and constraints)")
nonclaim(HB, 343, "no-claim", "a quadratic programming problem, its symbols described in words")
nonclaim(HB, 361, "no-claim", "the dual optimisation problem")
nonclaim(HB, 376, "definition", "w-hat and b-hat computed from the dual solution")
nonclaim(HB, 386, "definition", "the second-degree polynomial mapping phi defined")
label(HB, 400, "claim", "right", "sympy: phi(a)^T phi(b) expands to a1^2 b1^2 + 2 a1 b1 a2 b2 + a2^2 b2^2 = "
      "(a1 b1 + a2 b2)^2", "phi the mapping of Equation 5-8", _kernel_trick)
nonclaim(HB, 422, "no-claim", "an expression in the text")
nonclaim(HB, 427, "definition", "the common kernels defined")
label(HB, 438, "claim", "right", "numpy: with w-hat = sum alpha_i t_i phi(x_i) (alpha >= 0, some zero), the four "
      "forms of the kernelised prediction agree (m = 7, 5 features)", "w-hat as in Equation 5-7 (in feature space); "
      "K(a, b) = phi(a)^T phi(b); alpha >= 0", _svm_prediction)
label(HB, 449, "claim", "right", "numpy: the three forms of b-hat agree over the support vectors (alpha > 0), "
      "n_s their number", "w-hat as in Equation 5-7; K(a, b) = phi(a)^T phi(b)", _svm_bias)
nonclaim(HB, 465, "definition", "the linear SVM cost defined")
nonclaim(HB, 473, "definition", "Gini impurity defined")
nonclaim(HB, 480, "definition", "the CART cost defined, its symbols described in words")
nonclaim(HB, 492, "no-claim", "a number written as an expression (the entropy of one node)")
nonclaim(HB, 497, "definition", "entropy defined")
nonclaim(HB, 504, "definition", "the CART regression cost defined")
nonclaim(HB, 517, "definition", "the weighted error rate defined")
nonclaim(HB, 524, "definition", "the predictor weight defined")
nonclaim(HB, 533, "update", "the weight update rule")
nonclaim(HB, 546, "no-claim", "an expression in the text")
nonclaim(HB, 551, "definition", "the AdaBoost prediction defined")
nonclaim(HB, 560, "definition", "the matrix of principal components, drawn")
nonclaim(HB, 572, "definition", "the projection defined")
nonclaim(HB, 579, "definition", "the inverse transformation defined")
nonclaim(HB, 584, "no-claim", "an expression")
nonclaim(HB, 589, "definition", "LLE step 1 as an argmin with constraints")
nonclaim(HB, 607, "definition", "LLE step 2 as an argmin")
nonclaim(HB, 615, "definition", "the ReLU unit defined")
nonclaim(HB, 623, "definition", "the step functions defined")
nonclaim(HB, 642, "update", "the perceptron learning rule")
nonclaim(HB, 649, "no-claim", "a standard deviation, an expression")
nonclaim(HB, 654, "definition", "Xavier initialization's sigma and r defined, in words and formulas")
label(HB, 666, "claim", "right", "sympy: sqrt(2/(n + n)) = 1/sqrt(n)", "n_inputs = n_outputs (the text's case)",
      _xavier_sigma, pick="\\sigma")
label(HB, 666, "claim", "right", "sympy: sqrt(6/(n + n)) = sqrt(3)/sqrt(n)", "n_inputs = n_outputs (the text's case)",
      _xavier_r, pick="r =")
for _line in (670, 671, 672, 673, 674, 675):
    nonclaim(HB, _line, "definition", "an initialization parameter in the table")
nonclaim(HB, 679, "definition", "ELU defined")
nonclaim(HB, 690, "update", "the batch normalization algorithm (assignments in order)")
nonclaim(HB, 703, "update", "a running average update")
for _line in (707, 721, 731, 749, 759):
    nonclaim(HB, _line, "update", "an optimizer's update steps")
nonclaim(HB, 740, "update", "an update of s_i", pick="\\gets")
nonclaim(HB, 744, "update", "an update of theta_i", pick="\\gets")
nonclaim(HB, 772, "update", "max-norm clipping as an update", pick="\\gets")


# ---------------------------------------------------------------- sklearn_naive_bayes.rst
NB = "sklearn_naive_bayes.rst"


def _naive_law():
    """A random joint law of (y, x_1, x_2, x_3), y in {0, 1, 2}, binary features independent given y:
    p[y, a, b, c] = P(y) P(x_1 = a | y) P(x_2 = b | y) P(x_3 = c | y)."""
    prior = RNG.random(3)
    prior /= prior.sum()
    theta = RNG.random((3, 3))  # P(x_i = 1 | y)
    p = np.zeros((3, 2, 2, 2))
    for yy in range(3):
        for a in range(2):
            for b in range(2):
                for c in range(2):
                    p[yy, a, b, c] = prior[yy] * np.prod([theta[yy, i] if v else 1 - theta[yy, i]
                                                          for i, v in enumerate((a, b, c))])
    return p, prior, theta


def _bayes_theorem():
    p = RNG.random((3, 2, 2, 2))
    p /= p.sum()
    for a, b, c in np.ndindex(2, 2, 2):
        px = p[:, a, b, c].sum()
        for yy in range(3):
            py = p[yy].sum()
            if not np.isclose(p[yy, a, b, c] / px, py * (p[yy, a, b, c] / py) / px, atol=TOL, rtol=0):
                return False
    return True


def _naive_posterior(proportional=False):
    p, prior, theta = _naive_law()
    for a, b, c in np.ndindex(2, 2, 2):
        px = p[:, a, b, c].sum()
        products = [prior[yy] * np.prod([theta[yy, i] if v else 1 - theta[yy, i] for i, v in enumerate((a, b, c))])
                    for yy in range(3)]
        posterior = p[:, a, b, c] / px
        if proportional:
            ratios = posterior / np.array(products)
            if not np.allclose(ratios, ratios[0], atol=TOL, rtol=0):
                return False
        elif not np.allclose(posterior, np.array(products) / px, atol=TOL, rtol=0):
            return False
    return True


def _bernoulli_rule():
    q = sp.Symbol("q", positive=True)
    return all(zero(q ** v * (1 - q) ** (1 - v) - (q * v + (1 - q) * (1 - v))) for v in (0, 1))


label(NB, 23, "claim", "right", "numpy, a random joint law of (y, x_1..x_3): P(y | x) = P(y) P(x | y) / P(x) at every "
      "point", "P(x) > 0", _bayes_theorem)
nonclaim(NB, 30, "condition", "the naive assumption: features independent given the class")
label(NB, 36, "claim", "right", "numpy, a random law with binary features independent given y: P(y | x) = P(y) prod "
      "P(x_i | y) / P(x) at every point", "the naive assumption (line 30)", _naive_posterior)
label(NB, 44, "claim", "right", "numpy, the same law: P(y | x) / (P(y) prod P(x_i | y)) is the same for every y "
      "(it is 1/P(x))", "the naive assumption; x fixed", lambda: _naive_posterior(proportional=True))
nonclaim(NB, 46, "no-claim", "an arrow between two rows")
nonclaim(NB, 48, "definition", "the MAP classification rule defined")
nonclaim(NB, 92, "definition", "the Gaussian likelihood assumed (a model)")
nonclaim(NB, 116, "definition", "the parameter vector theta_y named")
nonclaim(NB, 127, "definition", "the smoothed estimate defined")
nonclaim(NB, 129, "definition", "N_yi defined")
nonclaim(NB, 132, "definition", "N_y defined")
nonclaim(NB, 135, "condition", "alpha >= 0")
nonclaim(NB, 138, "example", "alpha = 1, Laplace smoothing")
nonclaim(NB, 139, "condition", "alpha < 1, Lidstone smoothing")
nonclaim(NB, 157, "definition", "the complement estimate defined")
nonclaim(NB, 160, "definition", "the weights defined")
nonclaim(NB, 162, "update", "the weights normalised in place (w is reassigned)")
nonclaim(NB, 167, "definition", "alpha defined as the sum of the alpha_i")
nonclaim(NB, 173, "definition", "the complement classification rule defined")
label(NB, 202, "claim", "right", "sympy: q^x (1 - q)^(1 - x) = q x + (1 - q)(1 - x) for x = 0 and x = 1 (the Bernoulli "
      "likelihood of a binary feature)", "x_i in {0, 1} (binary features, as the text says)", _bernoulli_rule)


# ---------------------------------------------------------------- finding the blocks
def _blocks(text: str):
    r"""(line, inner text) of every formula block of a Jupyter Markdown excerpt: ``$`` alone on a line opens a
    display that the next line holding only ``$`` closes; ``$...$`` on one line is inline (with or without spaces
    inside, as MathJax reads it); HTML comments are skipped."""
    text = re.sub(r"<!--.*?-->", lambda m: re.sub(r"[^\n]", " ", m.group(0)), text, flags=re.S)
    lines, out, k = text.split("\n"), [], 0
    while k < len(lines):
        if lines[k].strip() == "$":
            end = next(j for j in range(k + 1, len(lines)) if lines[j].strip() == "$")
            out.append((k + 1, "\n" + "\n".join(lines[k + 1:end]) + "\n"))
            k = end + 1
            continue
        for m in re.finditer(r"\$([^$\n]+)\$", lines[k]):
            out.append((k + 1, m.group(1)))
        k += 1
    return out


def _latex(entry) -> str:
    """The block an entry names: the one on its line (``pick``: the one whose text contains it)."""
    text = (HERE / entry["file"]).read_text(encoding="utf-8")
    found = [inner for line, inner in (rst_blocks(text) if entry["file"].endswith(".rst") else _blocks(text))
             if line == entry["line"]]
    if entry["pick"] is not None:
        found = [inner for inner in found if entry["pick"] in inner]
    elif len(found) > 1:
        found = [inner for inner in found if re.search(r"[=<>]|\\gets", inner)]
    if len(found) != 1:
        raise SystemExit(f"{entry['file']}:{entry['line']}: {len(found)} blocks match {entry['pick']!r}")
    return found[0]


def main(argv) -> int:
    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
