"""Independent mpmath checks (no sympy, no Formulary) of every round-21 label.

    python3 tests/corpus/claims/check_round21.py [--id ID]

It reuses round 12's checks (round 7's as-written walker over Python's ``ast``, the functions of rounds 8 to 11,
one-sided derivatives and limits); a false claim is checked at its witness, a true one on the walker's grid.  By hand
(``SPECIAL``), what the walker cannot settle:

* Poisson moments: ``mp.nsum`` over k at seven rates (the walker's sum of gamma-quotients does not finish);
* x mod y is y-periodic: exact fractions on a grid of rationals (at y = 1e-300 the walker's floor of x/y + 1 sits on
  the boundary in binary);
* the exponential mean at rates 1e-300 .. 1e30: quadrature with breakpoints at 2^k/l, k = -3 .. 7 (the walker's fixed
  breakpoints miss the mass);
* acos(cos x), acos(2x^2 - 1) and atan(tan x) at 2000 digits, where 1e-300 and 1e300 need more than the walker's 1000.
"""
import json
import math
import pathlib
import sys

from fractions import Fraction as Fr

import mpmath as mp

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import check_round7 as r7  # the walker; it imports nothing from Formulary
import check_round12 as r12  # round 11's checks and round 12's hand-written ones

CLAIMS = [json.loads(line) for line in (HERE / "heldout_round21.jsonl").read_text().splitlines()]

def _poisson(moment, target, label):
    """sum_k moment(k) l^k e^-l / k! (k < 3000) against target(l) at seven rates: True when the label is confirmed."""
    with mp.workdps(50):
        rates = [mp.mpf(v) for v in ("0.001", "0.5", "1", "3", "10", "50", "200")]
        holds = all(abs(mp.fsum(moment(k) * l**k * mp.exp(-l) / mp.factorial(k) for k in range(3000)) - target(l))
                    < mp.mpf(10) ** -30 * (1 + target(l)) for l in rates)  # the tail past k = 3000 is below 1e-1000
    return holds is label


def _mod_period():
    values = [Fr(p, q) for p in range(-7, 8) for q in (1, 2, 3, 7)] + [Fr(1, 10**300), Fr(10**30)]
    mod = lambda a, b: a - b * math.floor(a / b)
    return all(mod(x + y, y) == mod(x, y) for x in values for y in values if y != 0)


def _exp_mean():
    with mp.workdps(30):
        rates = [mp.mpf(v) for v in ("1e-300", "1e-30", "0.001", "1", "7", "1e30")]
        cuts = [0] + [mp.mpf(2) ** k for k in range(-3, 8)] + [mp.inf]  # in units of the scale 1/l
        return all(abs(mp.quad(lambda x: x * l * mp.exp(-l * x), [c / l for c in cuts]) * l - 1) < 1e-8  # 7e-11 at 1e30
                   for l in rates)


def _at_2000_digits(relation, points):
    with mp.workdps(2000):
        return all(relation(mp.mpf(v)) for v in points)


SMALL = ["1e-300", "-1e-300", "1e-30", "0.001", "0.5", "1", "2", "3", "-0.5", "-2", "-3", "3.14159"]
SPECIAL = {
    "ds-h21-poisson-factorial-moment": lambda: _poisson(lambda k: k * (k - 1), lambda l: l**2, True),
    "ds-h21-poisson-second-moment": lambda: _poisson(lambda k: k**2, lambda l: l**2, False),
    "fl-h21-mod-period": _mod_period,
    "ds-h21-exp-rate-mean": _exp_mean,
    "bc-h21-acos-cos-abs": lambda: _at_2000_digits(
        lambda v: abs(mp.acos(mp.cos(v)) - abs(v)) <= mp.mpf(10) ** -1500 * (1 + abs(v)), SMALL),
    "bc-h21-acos-double-ok": lambda: _at_2000_digits(
        lambda v: v < 0 or v > 1 or abs(mp.acos(2 * v * v - 1) - 2 * mp.acos(v)) <= mp.mpf(10) ** -1000, SMALL),
    "bc-h21-atan-tan-round": lambda: _at_2000_digits(
        lambda v: abs(mp.atan(mp.tan(v)) - (v - mp.pi * mp.floor(v / mp.pi + mp.mpf(1) / 2))) <= mp.mpf(10) ** -1000,
        SMALL + ["1e30", "-1e30", "1e300", "-1e300", "7", "100"]),
}

check = r7.special_first(SPECIAL, r12.check)


def main(argv):
    return r7.run(CLAIMS, check, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
