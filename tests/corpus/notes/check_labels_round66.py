r"""Independent checks of the hand labels of ``everyday_lr_schedules.md`` (stop 50, scope50): notes on cosine
annealing, step decay, exponential decay and linear warm-up, each schedule written as the same name
:math:`\eta_t` in its own section, with five deliberate slips.  Labelled as it was written, before Formulary was run
on it.

Each entry names a block by ``(file, line)``, gives its role and label, says how it was checked and, for
``right``/``wrong``, carries a check written by hand with sympy or mpmath that returns True when the block's claim
holds *as its author means it* (with the schedule of its own section).  Nothing from Formulary is imported.

    python3 tests/corpus/notes/check_labels_round66.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round66.py --write   # also merge these labels into labels.json
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
F = "everyday_lr_schedules.md"


def at(snippet, nth=0):
    """The line (1-based) of the ``nth`` line of the file holding ``snippet`` (not the header comment)."""
    lines = (HERE / F).read_text(encoding="utf-8").splitlines()
    return [i + 1 for i, s in enumerate(lines) if snippet in s and not s.startswith("<!--")][nth]


def rounds_to(value, shown, places):
    """``value`` rounds to ``shown`` at ``places`` decimals (within half a unit of the last digit shown)."""
    return abs(mp.mpf(value) - mp.mpf(shown)) <= mp.mpf(10) ** -places / 2


t, T, k, s, W = sp.symbols("t T k s W", positive=True)
hi, lo, eta0 = sp.symbols("eta_max eta_min eta_0", positive=True)


def cosine(step, peak=hi, floor=lo, total=T):
    return floor + sp.Rational(1, 2) * (peak - floor) * (1 + sp.cos(sp.pi * step / total))


def step_decay(step):
    return sp.Rational(1, 10) * sp.Rational(1, 2) ** sp.floor(sp.Rational(step, 30))


def exponential(step):
    return eta0 * sp.exp(-k * step)


# ---------------------------------------------------------------- cosine annealing
L = at(r"With a peak rate")
nonclaim(F, L, "no claim", "the peak rate named", pick=r"\eta_{\max}")
nonclaim(F, L, "no claim", "the floor named", pick=r"\eta_{\min}")
nonclaim(F, L, "no claim", "the number of steps named", pick=r"T")
nonclaim(F, at(r"$$\eta_t = \eta_{\min} + "), "definition", "the cosine schedule")
L = at(r"At the ends")
label(F, L, "claim", "right", "sympy: the cosine schedule at t = 0 is eta_max", "",
      lambda: zero(cosine(0) - hi), pick=r"\eta_0 = \eta_{\max}")
label(F, L, "claim", "right", "sympy: the cosine schedule at t = T is eta_min", "",
      lambda: zero(cosine(T) - lo), pick=r"\eta_T = \eta_{\min}")
label(F, L, "claim", "right", "sympy: the cosine schedule at t = T/2 is the mean of peak and floor", "",
      lambda: zero(cosine(T / 2) - (hi + lo) / 2), pick=r"\eta_{T/2} = \frac{\eta_{\max} + \eta_{\min}}{2}")
label(F, at(r"It is symmetric about the middle"), "claim", "right",
      "sympy: cos(pi (T - t)/T) = -cos(pi t/T), so the two values add to peak + floor", "",
      lambda: zero(sp.expand_trig(sp.simplify(cosine(t) + cosine(T - t) - hi - lo))))
label(F, at(r"$$\frac{d\eta_t}{dt} = -\frac{\pi}{2T}"), "claim", "right",
      "sympy: d/dt of the cosine schedule", "",
      lambda: zero(sp.diff(cosine(t), t) + sp.pi / (2 * T) * (hi - lo) * sp.sin(sp.pi * t / T)))
label(F, at(r"(my first try had"), "claim", "wrong",
      "sympy: the derivative has a minus sign; the two differ wherever sin(pi t/T) != 0 and peak != floor", "",
      lambda: zero(sp.diff(cosine(t), t) - sp.pi / (2 * T) * (hi - lo) * sp.sin(sp.pi * t / T)))
L = at(r"With $\eta_{\max} = 0.1$, $\eta_{\min} = 0$")
nonclaim(F, L, "example", "the peak of the worked example", pick=r"\eta_{\max} = 0.1")
nonclaim(F, L, "example", "the floor of the worked example", pick=r"\eta_{\min} = 0")
nonclaim(F, L, "example", "the length of the worked example", pick=r"T = 100")
EX = dict(peak=sp.Rational(1, 10), floor=0, total=100)
label(F, L, "claim", "right", "mpmath: 0.05 (1 + cos(pi/4)) = 0.085355, rounds to 0.0854", "eta_max = 0.1, T = 100",
      lambda: rounds_to(sp.N(cosine(25, **EX), 30), "0.0854", 4), pick=r"\eta_{25} \approx 0.0854")
label(F, L, "claim", "right", "sympy: 0.05 (1 + cos(pi/2)) = 1/20", "eta_max = 0.1, T = 100",
      lambda: zero(cosine(50, **EX) - sp.Rational(1, 20)), pick=r"\eta_{50} = 0.05")
label(F, L, "claim", "wrong", "mpmath: 0.05 (1 + cos(3 pi/4)) = 0.014645, not 0.0354 (0.05 cos(pi/4))",
      "eta_max = 0.1, T = 100", lambda: rounds_to(sp.N(cosine(75, **EX), 30), "0.0354", 4),
      pick=r"\eta_{75} \approx 0.0354")

# ---------------------------------------------------------------- step decay (eta_t redefined)
nonclaim(F, at(r"Here the rate is halved every"), "no claim", "the step length named", pick=r"s")
nonclaim(F, at(r"$$\eta_t = \eta_0 \cdot 0.5^"), "definition", "the step-decay schedule (shadows the cosine one)")
L = at(r"With $\eta_0 = 0.1$ and $s = 30$")
nonclaim(F, L, "example", "the base rate of the worked example", pick=r"\eta_0 = 0.1")
nonclaim(F, L, "example", "the step length of the worked example", pick=r"s = 30")
label(F, L, "claim", "right", "sympy: floor(29/30) = 0, so 0.1", "eta_0 = 0.1, s = 30",
      lambda: step_decay(29) == sp.Rational(1, 10), pick=r"\eta_{29} = 0.1")
label(F, L, "claim", "right", "sympy: floor(30/30) = 1, so 0.05", "eta_0 = 0.1, s = 30",
      lambda: step_decay(30) == sp.Rational(1, 20), pick=r"\eta_{30} = 0.05")
label(F, L, "claim", "right", "sympy: floor(95/30) = 3, so 0.1/8 = 0.0125", "eta_0 = 0.1, s = 30",
      lambda: step_decay(95) == sp.Rational(1, 80), pick=r"\eta_{95} = 0.0125")
label(F, L, "claim", "wrong", "sympy: floor(60/30) = 2, so 0.025, not 0.0125", "eta_0 = 0.1, s = 30",
      lambda: step_decay(60) == sp.Rational(1, 80), pick=r"\eta_{60} = 0.0125")

# ---------------------------------------------------------------- exponential decay (eta_t redefined)
nonclaim(F, at(r"$$\eta_t = \eta_0 e^{-kt}$$"), "definition", "the exponential schedule (shadows step decay)")
L = at(r"The rate halves after")
nonclaim(F, L, "definition", "the half-life named and given (ln 2/k solves e^{-kt} = 1/2: sympy below, as a check "
         "of the author's reading)", pick=r"t_{1/2} = \frac{\ln 2}{k}")
assert zero(exponential(sp.log(2) / k) - eta0 / 2)
nonclaim(F, L, "no claim", "a duration", pick=r"\frac{1}{k}")
label(F, L, "claim", "wrong", "sympy: eta_0 e^{-k (1/k)} = eta_0/e, not eta_0/2", "",
      lambda: zero(exponential(1 / k) - eta0 / 2), pick=r"\eta_{1/k} = \frac{\eta_0}{2}")
label(F, at(r"Each step multiplies it"), "claim", "right", "sympy: eta_{t+1}/eta_t = e^{-k}", "",
      lambda: zero(sp.simplify(exponential(t + 1) / exponential(t)) - sp.exp(-k)))

# ---------------------------------------------------------------- linear warm-up (eta_t redefined)
L = at(r"Over the first $W$ steps")
nonclaim(F, L, "no claim", "the warm-up length named", pick=r"W")
nonclaim(F, L, "definition", "the warm-up schedule (shadows the exponential one)",
         pick=r"\eta_t = \frac{t}{W}\eta_{\max}")
nonclaim(F, L, "example", "the warm-up length of the worked example", pick=r"W = 500")
nonclaim(F, L, "example", "the peak of the worked example", pick=r"\eta_{\max} = 3 \times 10^{-4}")
label(F, L, "claim", "right", "sympy: 100/500 * 3e-4 = 6e-5 exactly", "W = 500, eta_max = 3e-4",
      lambda: sp.Rational(100, 500) * sp.Rational(3, 10**4) == sp.Rational(6, 10**5),
      pick=r"\eta_{100} = 6 \times 10^{-5}")
tt = sp.Symbol("tt", integer=True, positive=True)
WARM_SUM = sp.summation(tt / W * hi, (tt, 1, W))
L = at(r"The total over the warm-up")
label(F, L, "claim", "right", "sympy: sum_{t=1}^{W} t/W eta_max = (W + 1)/2 eta_max", "",
      lambda: zero(WARM_SUM - (W + 1) / 2 * hi), pick=r"\sum_{t=1}^{W} \eta_t = \frac{W+1}{2}\eta_{\max}")
label(F, L, "claim", "wrong", "sympy: the sum is (W + 1)/2 eta_max; W/2 eta_max is short by eta_max/2", "",
      lambda: zero(WARM_SUM - W / 2 * hi), pick=r"\sum_{t=1}^{W} \eta_t = \frac{W}{2}\eta_{\max}")


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)
    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
