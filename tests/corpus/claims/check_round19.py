"""Independent mpmath checks (no sympy, no Formulary) of every round-19 label.

    python3 tests/corpus/claims/check_round19.py [--id ID]

It reuses round 12's checks (round 7's as-written walker over Python's ``ast``, the functions of rounds 8 to 11,
round 9's derivative that exists only where the forward, backward and central quotients agree, one-sided limits)
and checks by hand (``SPECIAL``) what its grid cannot reach:

* acos(cos x) = |x| and lgamma(x + 1) - lgamma(x) = log x where the walker's digits run out (cos(1e-300) is 1 to 500
  digits; lgamma(1e300) has 303 digits before the point): at 2000 digits;
* Frullani's integral with atan and Dirichlet's sin(ax)/x over (0, oo), which plain quadrature cannot settle at
  extreme or oscillating parameters: mpmath's quadosc at moderate parameters, against the closed forms;
* gamma(x) gamma(-x) on (0, 1) at 60 points (the walker's grid holds 8 there);
* Titu's inequality at 4000 random rational points with a, b > 0 (exact), where the walker's grid finds none;
* the alternating binomial sum from j = 1 in exact integers (math.comb) for n = 0 .. 400;
* H_n <= 10 at n = 12366 and 12367 (exact fractions are too slow: mpmath's harmonic at 50 digits);
* the four claims about complex x, at complex points by mpmath (the walker is real; their witnesses, x = i, are in
  ``why``).
"""
import json
import math
import pathlib
import random
import sys
from fractions import Fraction as Fr

import mpmath as mp

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import check_round7 as r7  # the walker; it imports nothing from Formulary
import check_round12 as r12  # round 11's checks and round 12's hand-written ones

CLAIMS = [json.loads(line) for line in (HERE / "heldout_round19.jsonl").read_text().splitlines()]

def _acos_cos():
    with mp.workdps(2000):
        points = [mp.mpf(v) for v in ("1e-300", "-1e-300", "1e-30", "-1e-30", "0", "0.5", "-1", "2", "-2.9", "3")]
        return all(abs(mp.acos(mp.cos(v)) - abs(v)) <= mp.mpf(10) ** -1000 * abs(v) for v in points)


def _lgamma_step():
    with mp.workdps(2000):
        points = [mp.mpf(v) for v in ("1e-300", "1e-30", "0.5", "1", "7.5", "1e30", "1e300")]
        return all(abs(mp.loggamma(v + 1) - mp.loggamma(v) - mp.log(v)) < mp.mpf(10) ** -1000 * (1 + abs(mp.log(v)))
                   for v in points)


def _frullani_atan(sign):
    with mp.workdps(30):
        for a, b in (("2", "1"), ("1", "3"), ("0.1", "5"), ("7", "0.25")):
            a, b = mp.mpf(a), mp.mpf(b)
            got = mp.quad(lambda v: (mp.atan(a * v) - mp.atan(b * v)) / v, [0, 1, 10, 100, mp.inf])
            if abs(got - sign * mp.pi * mp.log(a / b) / 2) > mp.mpf(10) ** -15:
                return False
    return True


def _dirichlet_sign():
    with mp.workdps(30):
        for a in map(mp.mpf, ("1", "-1", "2", "-0.5", "3")):
            got = mp.quadosc(lambda v: mp.sin(a * v) / v, [0, mp.inf], omega=abs(a))
            if abs(got - mp.pi * mp.sign(a) / 2) > mp.mpf(10) ** -15:
                return False
    return True


def _gamma_neg_reflect():
    with mp.workdps(60):
        return all(abs(mp.gamma(v) * mp.gamma(-v) + mp.pi / (v * mp.sin(mp.pi * v))) < mp.mpf(10) ** -40
                   * abs(mp.pi / (v * mp.sin(mp.pi * v))) for v in mp_points_open(60))


def mp_points_open(count):
    return [mp.mpf(k) / (count + 1) for k in range(1, count + 1)] + [mp.mpf("1e-20"), 1 - mp.mpf("1e-20")]


def _titu():
    rng = random.Random(19)
    for _ in range(4000):
        a, b = (Fr(rng.randint(1, 60), rng.randint(1, 9)) for _ in range(2))
        x, y = (Fr(rng.randint(-60, 60), rng.randint(1, 9)) for _ in range(2))
        if x * x / a + y * y / b < (x + y) ** 2 / (a + b):
            return False
    return True


def _alt_binom_from1(first):
    return all(sum((-1) ** j * math.comb(n, j) for j in range(1, n + 1)) == -1 for n in range(first, 401))


def _harmonic_ten():
    with mp.workdps(50):
        return not mp.harmonic(12367) <= 10 and mp.harmonic(12366) <= 10


_I = mp.mpc(0, 1)
_COMPLEX = [_I, -_I, 1 + _I, mp.mpc("-0.5", "2"), mp.mpc(3, "-0.25"), mp.mpc("0.1", "0.1"), 2 * mp.pi * _I]


def _complex_all(relation):
    with mp.workdps(50):
        return all(relation(z) for z in _COMPLEX)


SPECIAL = {  # each returns True when the label is confirmed (a false claim: when it fails)
    "bc-h19-acos-cos-abs": _acos_cos,
    "pi-h19-frullani-atan": lambda: _frullani_atan(1),
    "pi-h19-dirichlet-sign-ok": _dirichlet_sign,
    "sf-h19-gamma-neg-reflect": _gamma_neg_reflect,
    "sf-h19-lgamma-step": _lgamma_step,
    "sr-h19-alt-binom-from1": lambda: _alt_binom_from1(1),
    "sr-h19-alt-binom-from1-n0": lambda: not _alt_binom_from1(0),
    "in-h19-titu": _titu,
    "ln-h19-harmonic-ten": _harmonic_ten,
    "dm-h19-abs-sq-complex": lambda: not _complex_all(lambda z: abs(abs(z) ** 2 - z * z) < 1e-30),
    "dm-h19-abs-exp-complex": lambda: not _complex_all(lambda z: abs(abs(mp.exp(z)) - mp.exp(z)) < 1e-30),
    "dm-h19-pythag-complex": lambda: _complex_all(lambda z: abs(mp.cos(z) ** 2 + mp.sin(z) ** 2 - 1) < 1e-30),
    "dm-h19-sin-bound-complex": lambda: not _complex_all(lambda z: abs(mp.sin(z)) <= 1),
}

check = r7.special_first(SPECIAL, r12.check)


def main(argv):
    return r7.run(CLAIMS, check, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
