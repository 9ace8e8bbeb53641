r"""Independent checks of the hand labels of ``everyday_regularisation_moments.md`` (stop 48, the lead): study notes
on dropout's moments, the variance argument behind scaled dot products, perplexity, the swish derivative, worked
logarithms and the binary entropy, with five deliberate slips.  Labelled as it was written, before Formulary was run
on it.

Each entry names a block by ``(file, line)``, gives its role and label, says how it was checked and, for
``right``/``wrong``, carries a check written by hand with sympy (``sympy.stats`` for the laws) or mpmath that returns
True when the block's claim holds *as its author means it*.  Nothing from Formulary is imported.

    python3 tests/corpus/notes/check_labels_round64.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round64.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import sys
from pathlib import Path

import mpmath as mp
import sympy as sp
from sympy import stats

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import check_entries, recorder, zero

ENTRIES, label, nonclaim = recorder()
p = sp.Symbol("p", positive=True)
a, x, V = sp.Symbol("a", real=True), sp.Symbol("x", real=True), sp.Symbol("V", positive=True)
N = sp.Symbol("N", integer=True, positive=True)
t = sp.Symbol("t", integer=True)
R = stats.Bernoulli("R", p)  # the mask entry r_j, for 0 < p < 1
A_TILDE = R * a / p
U, W = stats.Normal("U", 0, 1), stats.Normal("W", 0, 1)  # independent by construction in sympy.stats
S = 1 / (1 + sp.exp(-x))
H = -p * sp.log(p) - (1 - p) * sp.log(1 - p)
ROUNDING = mp.mpf("0.005")
"""A value written to two decimals is right when within half a unit of its last digit (3.52: |log2 10 - 3.52| =
0.198 is far outside; 2.303 is given to three, and ln 10 = 2.302585 is within 0.0005)."""


def _lines(name):
    return (HERE / name).read_text(encoding="utf-8").splitlines()


def at(name, snippet, nth=0):
    """The line (1-based) of the ``nth`` line of ``name`` holding ``snippet`` (not the header comment)."""
    hits = [i + 1 for i, s in enumerate(_lines(name)) if snippet in s and not s.startswith(("<!--", "%"))]
    return hits[nth]


def under_p(expr) -> bool:
    """``expr`` (a difference) is 0 for 0 < p < 1: simplified, and at three values of p as a second look."""
    return zero(expr) and all(zero(expr.subs(p, v)) for v in (sp.Rational(1, 10), sp.Rational(1, 2),
                                                               sp.Rational(9, 10)))


F = "everyday_regularisation_moments.md"
L = at(F, r"During training")
nonclaim(F, L, "definition", "the rescaled activation", pick=r"\tilde a_j = \frac{r_j a_j}{p}")
nonclaim(F, L, "condition", "the mask's law", pick=r"r_j \sim \mathrm{Bernoulli}(p)")
label(F, L, "claim", "right", "sympy.stats: E[Bernoulli(p)] = p", "",
      lambda: under_p(stats.E(R) - p), pick=r"\mathbb{E}[r_j] = p")
label(F, L, "claim", "right", "sympy.stats: Var[Bernoulli(p)] = p(1 - p)", "",
      lambda: under_p(stats.variance(R) - p * (1 - p)), pick=r"\mathrm{Var}(r_j) = p(1-p)")
label(F, at(F, r"$$\mathbb{E}[\tilde a_j] = a_j$$"), "claim", "right", "sympy.stats: E[R a / p] = a", "",
      lambda: under_p(stats.E(A_TILDE) - a))
label(F, at(F, r"$$\mathrm{Var}(\tilde a_j) ="), "claim", "right", "sympy.stats: Var(R a / p) = a^2 (1 - p)/p", "",
      lambda: under_p(stats.variance(A_TILDE) - (1 - p) / p * a ** 2))
label(F, at(F, r"Careful, this is not"), "claim", "wrong",
      "sympy.stats: Var(R a / p) = a^2 (1 - p)/p, not p(1 - p) a^2 (p = 1/2, a = 1: 1 against 1/4)", "",
      lambda: under_p(stats.variance(A_TILDE) - p * (1 - p) * a ** 2))
L = at(F, r"Let $u, v \sim")
nonclaim(F, L, "condition", "two independent standard normals", pick=r"u, v \sim \mathcal{N}(0, 1)")
label(F, L, "claim", "right", "sympy.stats: E[U W] for independent standard normals", "",
      lambda: zero(stats.E(U * W)), pick=r"\mathbb{E}[uv] = 0")
label(F, L, "claim", "right", "sympy.stats: Var(U W) = E[U^2] E[W^2] - 0 = 1", "",
      lambda: zero(stats.variance(U * W) - 1), pick=r"\mathrm{Var}(uv) = 1")
label(F, L, "claim", "right", "sympy.stats: Var(U + W) = 2", "",
      lambda: zero(stats.variance(U + W) - 2), pick=r"\mathrm{Var}(u + v) = 2")
label(F, L, "claim", "wrong", "sympy.stats: Var(U W) = 1, not 2", "",
      lambda: zero(stats.variance(U * W) - 2), pick=r"\mathrm{Var}(uv) = 2")
L = at(F, r"The perplexity of a model")
nonclaim(F, L, "definition", "perplexity", pick=r"\mathrm{PP} = \exp\left(-\frac{1}{N}\sum_{t=1}^{N}\log q_t\right)")
nonclaim(F, L, "example", "every prediction uniform", pick=r"q_t = \frac{1}{V}")
PP_UNIFORM = sp.exp(-sp.Sum(sp.log(1 / V), (t, 1, N)).doit() / N)
label(F, at(F, r"$$\mathrm{PP} = V$$"), "claim", "right", "sympy: exp(-(1/N) N log(1/V)) = V", "q_t = 1/V",
      lambda: zero(PP_UNIFORM - V))
label(F, at(F, r"I first wrote"), "claim", "wrong", "sympy: the perplexity is V, not 2V (V > 0)", "q_t = 1/V",
      lambda: zero(PP_UNIFORM - 2 * V))
label(F, at(F, r"\frac{d}{dx}\big(x\,s(x)\big)"), "claim", "right", "sympy: d/dx (x s) - s(1 + x(1 - s)) = 0",
      "s the sigmoid", lambda: zero(sp.diff(x * S, x) - S * (1 + x * (1 - S))))
nonclaim(F, at(F, r"where $s(x) ="), "definition", "the sigmoid")
label(F, at(F, r"\log_2 1024 = 10"), "claim", "wrong",
      "mpmath: log2 1024 = 10, ln 10 = 2.302585 (within 0.0005 of 2.303), but log2 10 = 3.321928, 0.198 from 3.52", "",
      lambda: mp.log(1024, 2) == 10 and abs(mp.log(10, 2) - mp.mpf("3.52")) < ROUNDING
      and abs(mp.log(10) - mp.mpf("2.303")) < mp.mpf("0.0005"))
L = at(F, r"peaks at")
nonclaim(F, L, "definition", "the binary entropy", pick=r"h(p) = -p\log p - (1-p)\log(1-p)")
nonclaim(F, L, "example", "the peak", pick=r"p = \frac{1}{2}")
label(F, L, "claim", "right", "sympy: h(1/2) = log 2", "",
      lambda: zero(H.subs(p, sp.Rational(1, 2)) - sp.log(2)), pick=r"h(\tfrac{1}{2}) = \log 2")
label(F, at(F, r"$$h'(p) ="), "claim", "right", "sympy: h'(p) - log((1 - p)/p) = 0 on 0 < p < 1", "",
      lambda: under_p(sp.expand_log(sp.diff(H, p) - sp.log((1 - p) / p), force=True)))
label(F, at(F, r"would be the wrong sign"), "claim", "wrong",
      "sympy: h'(p) = log((1 - p)/p) = -log(p/(1 - p)); they differ for p != 1/2 (p = 1/10)", "",
      lambda: under_p(sp.expand_log(sp.diff(H, p) - sp.log(p / (1 - p)), force=True)))


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)
    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
