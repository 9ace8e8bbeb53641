r"""Independent checks of the hand labels of ``everyday_label_smoothing_bits.md`` (stop 50, scope50): notes on
label smoothing (targets, the cross-entropy and its gradient) and on a sequence loss in nats and bits with its
perplexity, with five deliberate slips.  Labelled as it was written, before Formulary was run on it.

Each entry names a block by ``(file, line)``, gives its role and label, says how it was checked and, for
``right``/``wrong``, carries a check written by hand with sympy (at K = 2..6 classes) or mpmath that returns True when
the block's claim holds *as its author means it*.  Nothing from Formulary is imported.

    python3 tests/corpus/notes/check_labels_round68.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round68.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import sys
from pathlib import Path

import mpmath as mp
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import check_entries, recorder, zero

ENTRIES, label, nonclaim = recorder()
F = "everyday_label_smoothing_bits.md"
CLASSES = (2, 3, 4, 6)
"""Numbers of classes K the symbolic checks run at (the true class is the first; by symmetry any other is alike)."""


def at(snippet, nth=0):
    """The line (1-based) of the ``nth`` line of the file holding ``snippet`` (not the header comment)."""
    lines = (HERE / F).read_text(encoding="utf-8").splitlines()
    return [i + 1 for i, s in enumerate(lines) if snippet in s and not s.startswith("<!--")][nth]


def rounds_to(value, shown, places):
    """``value`` rounds to ``shown`` at ``places`` decimals (within half a unit of the last digit shown)."""
    return abs(mp.mpf(value) - mp.mpf(shown)) <= mp.mpf(10) ** -places / 2


eps = sp.Symbol("epsilon", positive=True)


def targets(K, e=eps):
    return [1 - e + e / K] + [e / K] * (K - 1)


def model(K):
    """Logits, softmax, smoothed targets and the loss for K classes (true class 0)."""
    z = sp.symbols(f"z0:{K}", real=True)
    den = sum(sp.exp(zj) for zj in z)
    p = [sp.exp(zk) / den for zk in z]
    y = targets(K)
    return z, p, y, -sum(yk * sp.log(pk) for yk, pk in zip(y, p))


def every_K(holds):
    return all(holds(*model(K)) for K in CLASSES)


# ---------------------------------------------------------------- targets
L = at(r"With $K$ classes, true class $c$")
nonclaim(F, L, "condition", "the smoothing weight's range", pick=r"\epsilon \in (0, 1)")
nonclaim(F, L, "definition", "the true class's target", pick=r"y_c = 1 - \epsilon + \frac{\epsilon}{K}")
nonclaim(F, L, "definition", "the other targets", pick=r"y_k = \frac{\epsilon}{K}")
nonclaim(F, L, "condition", "the other classes", pick=r"k \ne c")
label(F, at(r"They still sum to one"), "claim", "right", "sympy: (1 - e + e/K) + (K - 1) e/K = 1 at K = 2..6", "",
      lambda: all(zero(sum(targets(K)) - 1) for K in CLASSES))
L = at(r"With $K = 10$ and $\epsilon = 0.1$")
for pick, what in ((r"K = 10", "class count"), (r"\epsilon = 0.1", "smoothing"), (r"K = 5", "second class count"),
                   (r"\epsilon = 0.2", "second smoothing")):
    nonclaim(F, L, "example", f"the worked {what}", pick=pick)
label(F, L, "claim", "right", "sympy: 0.9 + 0.01 = 0.91", "K = 10, eps = 0.1",
      lambda: targets(10, sp.Rational(1, 10))[0] == sp.Rational(91, 100), pick=r"y_c = 0.91")
label(F, L, "claim", "right", "sympy: 0.1/10 = 0.01", "K = 10, eps = 0.1",
      lambda: targets(10, sp.Rational(1, 10))[1] == sp.Rational(1, 100), pick=r"y_k = 0.01")
label(F, L, "claim", "wrong", "sympy: 0.8 + 0.2/5 = 0.84, not 0.8 (the eps/K share left out)", "K = 5, eps = 0.2",
      lambda: targets(5, sp.Rational(1, 5))[0] == sp.Rational(4, 5), pick=r"y_c = 0.8")

# ---------------------------------------------------------------- loss and gradient
nonclaim(F, at(r"$$p_k = \frac{e^{z_k}}"), "definition", "the softmax and the smoothed cross-entropy (one display)")
label(F, at(r"It splits as"), "claim", "right",
      "sympy: -sum y_k log p_k = (1 - e)(-log p_c) - e/K sum log p_k at K = 2..6", "",
      lambda: every_K(lambda z, p, y, L_: zero(sp.expand(L_ - ((1 - eps) * -sp.log(p[0])
                                                                - eps / len(z) * sum(sp.log(pk) for pk in p))))))
label(F, at(r"$$\frac{\partial L}{\partial z_k} = p_k - y_k$$"), "claim", "right",
      "sympy: dL/dz_k - (p_k - y_k) simplifies to 0 for every k at K = 2..6", "",
      lambda: every_K(lambda z, p, y, L_: all(zero(sp.diff(L_, z[k]) - (p[k] - y[k])) for k in range(len(z)))))
label(F, at(r"and the gradient's entries add up to zero"), "claim", "right",
      "sympy: sum_k dL/dz_k simplifies to 0 at K = 2..6", "",
      lambda: every_K(lambda z, p, y, L_: zero(sum(sp.diff(L_, zk) for zk in z))))
label(F, at(r"Wrong: $\frac{\partial L}"), "claim", "wrong",
      "sympy: the gradient is p_k - y_k; p_k - (1 - e) y_k differs by e y_k, which is not zero for e > 0", "",
      lambda: every_K(lambda z, p, y, L_: all(zero(sp.diff(L_, z[k]) - (p[k] - (1 - eps) * y[k]))
                                             for k in range(len(z)))))
L = at(r"If the model predicts uniformly")
nonclaim(F, L, "condition", "a uniform prediction", pick=r"p_k = \frac{1}{K}")
nonclaim(F, L, "no claim", "the index named", pick=r"k")
label(F, L, "claim", "right", "sympy: -sum y_k log(1/K) = log K since sum y_k = 1, at K = 2..6", "p_k = 1/K",
      lambda: all(zero(sp.expand_log(-sum(yk * sp.log(sp.Rational(1, K)) for yk in targets(K)) - sp.log(K)))
                  for K in CLASSES), pick=r"L = \log K")
L = at(r"At $p_k = y_k$ the gradient vanishes")
nonclaim(F, L, "condition", "the prediction equals the targets", pick=r"p_k = y_k")
label(F, L, "claim", "right", "sympy: with p_k = y_k the loss is -sum y_k log y_k, at K = 2..6", "p_k = y_k",
      lambda: all(zero(-sum(yk * sp.log(yk) for yk in targets(K)) + sum(yk * sp.log(yk) for yk in targets(K)))
                  for K in CLASSES), pick=r"L = -\sum_{k=1}^{K} y_k \log y_k")
label(F, L, "claim", "wrong", "mpmath: at p = y, K = 10, eps = 0.1 the loss is the targets' entropy 0.500, not 0",
      "p_k = y_k",
      lambda: abs(-mp.fsum(y * mp.log(y) for y in [mp.mpf("0.91")] + [mp.mpf("0.01")] * 9)) < mp.mpf("1e-30"),
      pick=r"L = 0")

# ---------------------------------------------------------------- nats, bits and perplexity
L = at(r"For a sequence of tokens")
nonclaim(F, L, "definition", "the sequence loss in nats", pick=r"\mathrm{CE} = -\frac{1}{T}\sum_{t=1}^{T} \log q_t")
nonclaim(F, L, "no claim", "the number of terms (tokens)", pick=r"T")
nonclaim(F, L, "definition", "the perplexity", pick=r"\mathrm{PP} = e^{\mathrm{CE}}")
CE = sp.Symbol("CE", real=True)
L = at(r"In bits the loss is")
nonclaim(F, L, "definition", "the loss in bits", pick=r"\mathrm{CE}_2 = \frac{\mathrm{CE}}{\ln 2}")
label(F, L, "claim", "right", "sympy: 2^(CE/ln 2) = e^CE", "",
      lambda: zero(sp.simplify(2 ** (CE / sp.log(2)) - sp.exp(CE))), pick=r"2^{\mathrm{CE}_2} = e^{\mathrm{CE}}")
L = at(r"A loss of 3 nats")
label(F, L, "claim", "right", "mpmath: 3/ln 2 = 4.328, rounds to 4.33", "",
      lambda: rounds_to(3 / mp.log(2), "4.33", 2), pick=r"\frac{3}{\ln 2} \approx 4.33")
label(F, L, "claim", "right", "mpmath: e^3 = 20.086, rounds to 20.1", "",
      lambda: rounds_to(mp.e ** 3, "20.1", 1), pick=r"e^3 \approx 20.1")
label(F, at(r"A loss of 2.5 bits"), "claim", "wrong", "mpmath: 2^2.5 = 5.657, not 6.2", "",
      lambda: rounds_to(mp.mpf(2) ** mp.mpf("2.5"), "6.2", 1))
L = at(r"One bit is")
label(F, L, "claim", "right", "mpmath: ln 2 = 0.69315, rounds to 0.693", "",
      lambda: rounds_to(mp.log(2), "0.693", 3), pick=r"\ln 2 \approx 0.693")
label(F, L, "claim", "wrong", "mpmath: log2 e = 1.4427, not 1.6", "",
      lambda: rounds_to(1 / mp.log(2), "1.6", 1), pick=r"\log_2 e \approx 1.6")


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)
    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
