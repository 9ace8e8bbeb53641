r"""Independent checks of the hand labels of ``everyday_clipping_adam_steps.md`` (stop 50, scope50): notes on
clipping by norm, fp16 limits for loss scaling and Adam's first two steps worked by hand, with four deliberate slips.
Labelled as it was written, before Formulary was run on it.

Each entry names a block by ``(file, line)``, gives its role and label, says how it was checked and, for
``right``/``wrong``, carries a check written by hand with numpy (random vectors), sympy or mpmath that returns True
when the block's claim holds *as its author means it*.  Nothing from Formulary is imported.

    python3 tests/corpus/notes/check_labels_round67.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round67.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import sys
from pathlib import Path

import mpmath as mp
import numpy as np
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import check_entries, recorder, zero

ENTRIES, label, nonclaim = recorder()
F = "everyday_clipping_adam_steps.md"
RNG = np.random.default_rng(67)
SIZES = (1, 2, 3, 5, 8)
"""Vector lengths for the checks over samples."""
REL = 1e-12
"""Relative tolerance of the float64 checks (a few rounding errors of norms of at most 8 entries)."""


def at(snippet, nth=0):
    """The line (1-based) of the ``nth`` line of the file holding ``snippet`` (not the header comment)."""
    lines = (HERE / F).read_text(encoding="utf-8").splitlines()
    return [i + 1 for i, s in enumerate(lines) if snippet in s and not s.startswith("<!--")][nth]


def rounds_to(value, shown, places):
    """``value`` rounds to ``shown`` at ``places`` decimals (within half a unit of the last digit shown)."""
    return abs(mp.mpf(value) - mp.mpf(shown)) <= mp.mpf(10) ** -places / 2


def clip(g, c):
    return g * min(1.0, c / np.linalg.norm(g))


def big_gradients(holds):
    """``holds(g, c)`` for 20 random gradients per length with ||g|| > c > 0."""
    for d in SIZES:
        for _ in range(20):
            g = RNG.normal(size=d) * RNG.uniform(0.1, 10)
            c = RNG.uniform(0.01, 0.99) * np.linalg.norm(g)
            if not holds(g, c):
                return False
    return True


# ---------------------------------------------------------------- clipping by norm
nonclaim(F, at(r"With a threshold $c > 0$"), "condition", "a positive threshold")
nonclaim(F, at(r"$$\tilde g = g \cdot \min"), "definition", "the clipped gradient")
L = at(r"If $\|g\| > c$ then")
nonclaim(F, L, "condition", "the gradient is long", pick=r"\|g\| > c")
label(F, L, "claim", "right", "numpy: ||clip(g, c)|| = c for random g with ||g|| > c", "||g|| > c > 0",
      lambda: big_gradients(lambda g, c: abs(np.linalg.norm(clip(g, c)) - c) <= REL * c), pick=r"\|\tilde g\| = c")
label(F, L, "claim", "wrong", "numpy: ||clip(g, c)|| = c, not c/||g|| (g = (3, 4), c = 1: 1 against 0.2)",
      "||g|| > c > 0",
      lambda: big_gradients(lambda g, c: abs(np.linalg.norm(clip(g, c)) - c / np.linalg.norm(g)) <= REL * c),
      pick=r"\|\tilde g\| = \frac{c}{\|g\|}")
label(F, L, "claim", "right", "numpy: clip(g, c)/||clip(g, c)|| = g/||g|| for random g", "||g|| > c > 0",
      lambda: big_gradients(lambda g, c: np.allclose(clip(g, c) / np.linalg.norm(clip(g, c)),
                                                     g / np.linalg.norm(g), rtol=0, atol=REL)),
      pick=r"\frac{\tilde g}{\|\tilde g\|} = \frac{g}{\|g\|}")
nonclaim(F, at(r"Write $\hat g = "), "definition", "the unit direction")
label(F, at(r"$$\sum_{i} \hat g_i^2 = 1$$"), "claim", "right", "numpy: the squares of g/||g|| add to 1", "g != 0",
      lambda: big_gradients(lambda g, c: abs(np.sum((g / np.linalg.norm(g)) ** 2) - 1) <= REL))
L = at(r"For $g = (3, 4)$ and $c = 1$")
nonclaim(F, L, "example", "the worked gradient", pick=r"g = (3, 4)")
nonclaim(F, L, "example", "the worked threshold", pick=r"c = 1")
label(F, L, "claim", "right", "sympy: sqrt(9 + 16) = 5", "g = (3, 4)",
      lambda: sp.sqrt(3**2 + 4**2) == 5, pick=r"\|g\| = 5")
label(F, L, "claim", "right", "sympy: (3, 4) * min(1, 1/5) = (3/5, 4/5)", "g = (3, 4), c = 1",
      lambda: [sp.Rational(v) * sp.Min(1, sp.Rational(1, 5)) for v in (3, 4)] == [sp.Rational(3, 5),
                                                                                sp.Rational(4, 5)],
      pick=r"\tilde g = (0.6, 0.8)")
nonclaim(F, L, "example", "a second worked gradient", pick=r"g = (2, 2, 1)")
label(F, L, "claim", "wrong", "sympy: 4 + 4 + 1 = 9, not 5", "g = (2, 2, 1)",
      lambda: 2**2 + 2**2 + 1**2 == 5, pick=r"\|g\|^2 = 5")

# ---------------------------------------------------------------- fp16 and loss scaling
Sy, w = sp.symbols("S w", positive=True)
Lf = sp.Function("L")(w)
L = at(r"Scaling the loss by $S$")
label(F, L, "claim", "right", "sympy: d(S L(w))/dw = S L'(w) for a constant S", "",
      lambda: zero(sp.diff(Sy * Lf, w) - Sy * sp.diff(Lf, w)),
      pick=r"\frac{\partial (S L)}{\partial w} = S\frac{\partial L}{\partial w}")
L = at(r"The largest fp16 number")
label(F, L, "claim", "right", "sympy: (2 - 2^-10) 2^15 = 65536 - 32 = 65504 (also numpy's float16 max)", "",
      lambda: (2 - sp.Rational(1, 2**10)) * 2**15 == 65504 == float(np.finfo(np.float16).max),
      pick=r"(2 - 2^{-10}) \cdot 2^{15} = 65504")
label(F, L, "claim", "wrong", "mpmath: 2^-14 = 6.1035e-5, ten times smaller than 6.1e-4", "",
      lambda: rounds_to(mp.mpf(2) ** -14 * 10**4, "6.1", 1), pick=r"2^{-14} \approx 6.1 \times 10^{-4}")
label(F, L, "claim", "right", "mpmath: 2^-24 = 5.9605e-8, rounds to 5.96e-8", "",
      lambda: rounds_to(mp.mpf(2) ** -24 * 10**8, "5.96", 2), pick=r"2^{-24} \approx 5.96 \times 10^{-8}")

# ---------------------------------------------------------------- Adam
b1, b2 = sp.Rational(9, 10), sp.Rational(999, 1000)
nonclaim(F, at(r"$$m_t = \beta_1 m_{t-1}"), "definition", "the two moment recurrences (one display)")
L = at(r"with $m_0 = v_0 = 0$")
nonclaim(F, L, "definition", "the initial moments", pick=r"m_0 = v_0 = 0")
nonclaim(F, L, "definition", "the corrected first moment", pick=r"\hat m_t = \frac{m_t}{1 - \beta_1^t}")
nonclaim(F, L, "definition", "the corrected second moment", pick=r"\hat v_t = \frac{v_t}{1 - \beta_2^t}")
beta, g = sp.symbols("beta_1 g", real=True)


def unrolled_m(steps, grads, decay):
    m = 0
    for t in range(steps):
        m = decay * m + (1 - decay) * grads[t]
    return m


L = at(r"For a constant gradient")
nonclaim(F, L, "condition", "a constant gradient", pick=r"g_t = g")
label(F, L, "claim", "right", "sympy: the recurrence unrolled for t = 1..8 with g_t = g is (1 - beta_1^t) g", "g_t = g",
      lambda: all(zero(unrolled_m(n, [g] * n, beta) - (1 - beta**n) * g) for n in range(1, 9)),
      pick=r"m_t = (1 - \beta_1^t)\, g")
label(F, L, "claim", "right", "sympy: (1 - beta_1^t) g/(1 - beta_1^t) = g for t = 1..8", "g_t = g",
      lambda: all(zero(unrolled_m(n, [g] * n, beta) / (1 - beta**n) - g) for n in range(1, 9)),
      pick=r"\hat m_t = g")
L = at(r"Take $\beta_1 = 0.9$")
for pick, what in ((r"\beta_1 = 0.9", "first decay"), (r"\beta_2 = 0.999", "second decay"), (r"g_1 = 2", "gradient")):
    nonclaim(F, L, "example", f"the worked {what}", pick=pick)
m1, v1 = unrolled_m(1, [2], b1), unrolled_m(1, [4], b2)
label(F, L, "claim", "right", "sympy: 0.1 * 2 = 0.2", "beta_1 = 0.9, g_1 = 2",
      lambda: m1 == sp.Rational(1, 5), pick=r"m_1 = 0.2")
label(F, L, "claim", "right", "sympy: 0.001 * 4 = 0.004", "beta_2 = 0.999, g_1 = 2",
      lambda: v1 == sp.Rational(4, 1000), pick=r"v_1 = 0.004")
label(F, L, "claim", "right", "sympy: 0.2/0.1 = 2", "beta_1 = 0.9, g_1 = 2",
      lambda: m1 / (1 - b1) == 2, pick=r"\hat m_1 = 2")
label(F, L, "claim", "right", "sympy: 0.004/0.001 = 4", "beta_2 = 0.999, g_1 = 2",
      lambda: v1 / (1 - b2) == 4, pick=r"\hat v_1 = 4")
eta = sp.Symbol("eta", positive=True)
label(F, L, "claim", "right", "sympy: eta * 2/sqrt(4) = eta (epsilon = 0, as the note writes the step)", "",
      lambda: zero(eta * (m1 / (1 - b1)) / sp.sqrt(v1 / (1 - b2)) - eta),
      pick=r"\eta\frac{\hat m_1}{\sqrt{\hat v_1}} = \eta")
label(F, at(r"Without the correction"), "claim", "right", "mpmath: 0.2/sqrt(0.004) = 3.1623, rounds to 3.16", "",
      lambda: rounds_to(mp.mpf("0.2") / mp.sqrt(mp.mpf("0.004")), "3.16", 2))
L = at(r"Next $g_2 = 0$")
nonclaim(F, L, "example", "the second worked gradient", pick=r"g_2 = 0")
m2, v2 = unrolled_m(2, [2, 0], b1), unrolled_m(2, [4, 0], b2)
label(F, L, "claim", "right", "sympy: 0.9 * 0.2 = 0.18", "", lambda: m2 == sp.Rational(18, 100), pick=r"m_2 = 0.18")
label(F, L, "claim", "right", "sympy: 0.999 * 0.004 = 0.003996", "",
      lambda: v2 == sp.Rational(3996, 10**6), pick=r"v_2 = 0.003996")
label(F, L, "claim", "right", "sympy: 1 - 0.9^2 = 0.19 and 0.18/0.19 = 0.947368, rounds to 0.947", "",
      lambda: m2 / (1 - b1**2) == sp.Rational(18, 19) and rounds_to(sp.N(sp.Rational(18, 19), 30), "0.947", 3),
      pick=r"\hat m_2 = \frac{0.18}{0.19} \approx 0.947")
label(F, L, "claim", "wrong", "sympy: the correction at t = 2 divides by 1 - 0.9^2 = 0.19, not by 0.1", "",
      lambda: m2 / (1 - b1**2) == sp.Rational(18, 10), pick=r"\hat m_2 = \frac{0.18}{0.1} = 1.8")


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)
    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
