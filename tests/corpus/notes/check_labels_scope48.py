r"""Independent checks of the hand labels of ``everyday_backprop_softmax.md`` (stop 48, branch scope48): a student's
notes on backpropagation through a two-layer tanh network with a softmax cross-entropy output, with five deliberate
slips.  Labelled as it was written, before Formulary was run on it.

Each entry names a block by ``(file, line)``, gives its role and label, says how it was checked and, for
``right``/``wrong``, carries a check written by hand with sympy that returns True when the block's claim holds *as
its author means it*.  The network is built at concrete sizes (3 inputs, 2 hidden units, 3 classes) with symbolic
weights, and the gradients are sympy's derivatives of the loss written out; a claim about entry ``k`` (``j``, ``i``)
must hold at every entry.  Nothing from Formulary is imported.

    python3 tests/corpus/notes/check_labels_scope48.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_scope48.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import sys
from pathlib import Path

import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import check_entries, recorder

ENTRIES, label, nonclaim = recorder()
NI, NH, NK = 3, 2, 3
"""Sizes of the network the checks build: inputs, hidden units, classes."""
X = sp.symbols(f"x0:{NI}", real=True)
W = sp.Matrix(NH, NI, lambda j, i: sp.Symbol(f"W{j}{i}", real=True))
B = sp.symbols(f"b0:{NH}", real=True)
V = sp.Matrix(NK, NH, lambda k, j: sp.Symbol(f"V{k}{j}", real=True))
C = sp.symbols(f"c0:{NK}", real=True)
Z = sp.symbols(f"z0:{NK}", real=True)  # the logits as free names, for the softmax facts
Y = sp.symbols(f"y0:{NK}", real=True)
LABELS = [{Y[k]: int(k == c) for k in range(NK)} for c in range(NK)]
S = sp.Symbol("s", real=True)


def softmax(z):
    total = sum(sp.exp(v) for v in z)
    return [sp.exp(v) / total for v in z]


def network():
    """``(a, h, z, p, L)`` of the forward pass, each entry an expression in the weights, inputs and labels."""
    a = [sum(W[j, i] * X[i] for i in range(NI)) + B[j] for j in range(NH)]
    h = [sp.tanh(v) for v in a]
    z = [sum(V[k, j] * h[j] for j in range(NH)) + C[k] for k in range(NK)]
    p = softmax(z)
    loss = -sum(Y[k] * sp.log(p[k]) for k in range(NK))
    return a, h, z, p, loss


A, H, ZN, P, LOSS = network()
POINT = {**{x: sp.Rational(i + 1, 3) for i, x in enumerate(X)}, **{w: sp.Rational(1 + n % 5, 4) - 1
                                                                      for n, w in enumerate(W)},
         **{b: sp.Rational(1, 5) * (n + 1) for n, b in enumerate(B)},
         **{v: sp.Rational(2 - n % 4, 3) for n, v in enumerate(V)}, **{c: sp.Rational(n, 7) for n, c in enumerate(C)}}
"""An exact point of the weights and inputs where the gradients are compared (numerically, to 30 digits)."""


def zero_at(expr, labels=LABELS, tol=sp.Float("1e-25")) -> bool:
    """``expr`` (an expression in the network's names) is 0 at ``POINT`` for every label in ``labels``: evaluated to
    40 digits, a round-off of 1e-40 against an O(0.01) slip."""
    return all(abs(sp.N(expr.xreplace(POINT).xreplace(y), 40)) < tol for y in labels)


def each(fn, *sizes) -> bool:
    """``fn(*index)`` holds at every index of the given sizes."""
    import itertools
    return all(fn(*ix) for ix in itertools.product(*(range(n) for n in sizes)))


def _lines(name):
    return (HERE / name).read_text(encoding="utf-8").splitlines()


def at(name, snippet, nth=0):
    """The line (1-based) of the ``nth`` line of ``name`` holding ``snippet`` (not the header comment)."""
    hits = [i + 1 for i, s in enumerate(_lines(name)) if snippet in s and not s.startswith(("<!--", "%"))]
    return hits[nth]


PZ = softmax(Z)
LZ = -sum(Y[k] * sp.log(PZ[k]) for k in range(NK))
LSE = sp.log(sum(sp.exp(v) for v in Z))
F = "everyday_backprop_softmax.md"

nonclaim(F, at(F, r"$$a_j = \sum_i W_{ji} x_i + b_j$$"), "definition", "the hidden pre-activation")
nonclaim(F, at(F, r"$$h_j = \tanh(a_j)$$"), "definition", "the hidden activation")
nonclaim(F, at(F, r"$$z_k = \sum_j V_{kj} h_j + c_k$$"), "definition", "the logits")
nonclaim(F, at(F, r"$$p_k = \frac{e^{z_k}}"), "definition", "the softmax")
nonclaim(F, at(F, r"so $\sum_k y_k = 1$"), "condition", "a one-hot label", pick=r"\sum_k y_k = 1")
nonclaim(F, at(F, r"$$L = -\sum_k y_k \log p_k$$"), "definition", "the cross-entropy")
label(F, at(F, r"$$\sum_k p_k = 1$$"), "claim", "right", "sympy: the softmax entries of 3 logits add to 1", "",
      lambda: sp.simplify(sum(PZ) - 1) == 0)
label(F, at(F, r"$$\log p_k = z_k - \log"), "claim", "right", "sympy: expand_log of log softmax, each k", "",
      lambda: each(lambda k: sp.simplify(sp.expand_log(sp.log(PZ[k]) - (Z[k] - LSE), force=True)) == 0, NK))
label(F, at(F, r"$$L = -\sum_k y_k z_k + \log"), "claim", "right",
      "sympy: the loss minus the log-sum-exp form, at each one-hot label", "sum_k y_k = 1",
      lambda: all(sp.simplify(sp.expand_log((LZ - (-sum(Y[k] * Z[k] for k in range(NK)) + LSE)).xreplace(y),
                                            force=True)) == 0 for y in LABELS))
label(F, at(F, r"$$L = -\sum_k y_k z_k - \log"), "claim", "wrong",
      "sympy: the log-sum-exp enters with +, not - (differs by 2 log-sum-exp)", "sum_k y_k = 1",
      lambda: all(sp.simplify(sp.expand_log((LZ - (-sum(Y[k] * Z[k] for k in range(NK)) - LSE)).xreplace(y),
                                            force=True)) == 0 for y in LABELS))
label(F, at(F, r"\frac{e^{z_k - s}}"), "claim", "right", "sympy: the shift cancels, each k", "",
      lambda: each(lambda k: sp.simplify(softmax([v - S for v in Z])[k] - PZ[k]) == 0, NK))
label(F, at(F, r"= p_k(\delta_{kl} - p_l)$$"), "claim", "right", "sympy: d p_k / d z_l, every k, l", "",
      lambda: each(lambda k, l: sp.simplify(sp.diff(PZ[k], Z[l]) - PZ[k] * (int(k == l) - PZ[l])) == 0, NK, NK))
label(F, at(F, r"= p_k(\delta_{kl} - p_k)$$"), "claim", "wrong", "sympy: fails off the diagonal (k = 0, l = 1)", "",
      lambda: each(lambda k, l: sp.simplify(sp.diff(PZ[k], Z[l]) - PZ[k] * (int(k == l) - PZ[k])) == 0, NK, NK))
label(F, at(F, r"$$\frac{\partial L}{\partial z_k} = p_k - y_k$$"), "claim", "right",
      "sympy: d L / d z_k - (p_k - y_k) at each one-hot label", "sum_k y_k = 1",
      lambda: each(lambda k: all(sp.simplify((sp.diff(LZ, Z[k]) - (PZ[k] - Y[k])).xreplace(y)) == 0
                                 for y in LABELS), NK))
label(F, at(F, r"$$\sum_k (p_k - y_k) = 0$$"), "claim", "right", "sympy: sum p = 1 = sum y", "sum_k y_k = 1",
      lambda: all(sp.simplify(sum(PZ[k] - Y[k] for k in range(NK)).xreplace(y)) == 0 for y in LABELS))
label(F, at(F, r"$$\frac{\partial L}{\partial c_k} = p_k - y_k$$"), "claim", "right",
      "sympy: derivative of the network's loss in c_k, at an exact point, 40 digits", "sum_k y_k = 1",
      lambda: each(lambda k: zero_at(sp.diff(LOSS, C[k]) - (P[k] - Y[k])), NK))
label(F, at(F, r"= (p_k - y_k)\, h_j$$"), "claim", "right", "sympy: d L / d V_kj at a point, every k, j",
      "sum_k y_k = 1", lambda: each(lambda k, j: zero_at(sp.diff(LOSS, V[k, j]) - (P[k] - Y[k]) * H[j]), NK, NH))
label(F, at(F, r"= (p_k - y_k)\, a_j$$"), "claim", "wrong", "sympy: h_j = tanh(a_j), not a_j, multiplies",
      "sum_k y_k = 1", lambda: each(lambda k, j: zero_at(sp.diff(LOSS, V[k, j]) - (P[k] - Y[k]) * A[j]), NK, NH))
DH = [sum((P[k] - Y[k]) * V[k, j] for k in range(NK)) for j in range(NH)]
"""The back-propagated signal at hidden unit j, as the notes write it: sum_k (p_k - y_k) V_kj."""
label(F, at(F, r"$$\frac{\partial L}{\partial h_j} = \sum_k"), "claim", "right",
      "sympy: the loss written in h (h as free names), derivative in h_j at the point", "sum_k y_k = 1",
      lambda: _by_hidden())


def _by_hidden() -> bool:
    hs = sp.symbols(f"h0:{NH}", real=True)
    z = [sum(V[k, j] * hs[j] for j in range(NH)) + C[k] for k in range(NK)]
    p = softmax(z)
    loss = -sum(Y[k] * sp.log(p[k]) for k in range(NK))
    at_h = dict(zip(hs, H))
    return each(lambda j: zero_at(sp.diff(loss, hs[j]).xreplace(at_h) - DH[j]), NH)


AV = sp.Symbol("a", real=True)
label(F, at(F, r"$$\frac{d}{da}\tanh(a) = 1 - \tanh^2(a)$$"), "claim", "right", "sympy: diff(tanh(a)) rewritten",
      "", lambda: sp.simplify(sp.diff(sp.tanh(AV), AV) - (1 - sp.tanh(AV) ** 2)) == 0)


def _by_preactivation(factor) -> bool:
    """d L / d a_j (a as free names, the network above them) against factor(h_j) * DH[j], at the point."""
    avs = sp.symbols(f"a0:{NH}", real=True)
    h = [sp.tanh(v) for v in avs]
    z = [sum(V[k, j] * h[j] for j in range(NH)) + C[k] for k in range(NK)]
    p = softmax(z)
    loss = -sum(Y[k] * sp.log(p[k]) for k in range(NK))
    at_a = dict(zip(avs, A))
    return each(lambda j: zero_at(sp.diff(loss, avs[j]).xreplace(at_a) - factor(H[j]) * DH[j]), NH)


label(F, at(F, r"= (1 - h_j^2)\sum_k (p_k - y_k) V_{kj}$$"), "claim", "right",
      "sympy: the loss in free pre-activations a_j, its derivative at the point", "sum_k y_k = 1",
      lambda: _by_preactivation(lambda h: 1 - h ** 2))
label(F, at(F, r"= (1 - h_j)\sum_k (p_k - y_k) V_{kj}$$"), "claim", "wrong",
      "sympy: tanh' = 1 - h^2, not 1 - h (differs where h_j != 0, 1)", "sum_k y_k = 1",
      lambda: _by_preactivation(lambda h: 1 - h))
label(F, at(F, r"$$\frac{\partial L}{\partial W_{ji}}"), "claim", "right", "sympy: d L / d W_ji at the point",
      "sum_k y_k = 1",
      lambda: each(lambda j, i: zero_at(sp.diff(LOSS, W[j, i]) - (1 - H[j] ** 2) * X[i] * DH[j]), NH, NI))
label(F, at(F, r"$$\frac{\partial L}{\partial b_j}"), "claim", "right", "sympy: d L / d b_j at the point",
      "sum_k y_k = 1", lambda: each(lambda j: zero_at(sp.diff(LOSS, B[j]) - (1 - H[j] ** 2) * DH[j]), NH))
label(F, at(F, r"$$\frac{e^{z_1}}{e^{z_1} + e^{z_2}}"), "claim", "right", "sympy: simplify the difference", "",
      lambda: sp.simplify(sp.exp(Z[1]) / (sp.exp(Z[1]) + sp.exp(Z[2])) - 1 / (1 + sp.exp(-(Z[1] - Z[2])))) == 0)
ZV, YV = sp.symbols("z y", real=True)
SIG = 1 / (1 + sp.exp(-ZV))
nonclaim(F, at(F, r"with $\sigma(z) ="), "definition", "the sigmoid", pick=r"\sigma(z) = \frac{1}{1 + e^{-z}}")
label(F, at(F, r"\log(1 - \sigma(z))\right] = \sigma(z) - y$$"), "claim", "right",
      "sympy: derivative of the binary cross-entropy minus (sigma - y), for every y", "",
      lambda: sp.simplify(sp.diff(-YV * sp.log(SIG) - (1 - YV) * sp.log(1 - SIG), ZV) - (SIG - YV)) == 0)
nonclaim(F, at(F, r"Take two classes with"), "example", "the logits of the worked number", pick=r"z_1 = z_2 = 0")
nonclaim(F, at(F, r"Take two classes with"), "example", "the label of the worked number", pick=r"y = (1, 0)")
label(F, at(F, r"= \log 2 \approx 0.693$$"), "claim", "right",
      "sympy: -log(1/2) = log 2 exactly, and log 2 = 0.6931 rounds to 0.693", "",
      lambda: sp.simplify(-sp.log(sp.Rational(1, 2)) - sp.log(2)) == 0
      and abs(sp.N(sp.log(2), 30) - sp.Rational(693, 1000)) < sp.Rational(5, 10000))
label(F, at(F, r"$$p_1 - y_1 = \frac{1}{2}$$"), "claim", "wrong",
      "exact: p_1 = 1/2 at equal logits, y_1 = 1, so p_1 - y_1 = -1/2", "z_1 = z_2 = 0, y = (1, 0)",
      lambda: softmax([0, 0])[0] - 1 == sp.Rational(1, 2))


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)
    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
