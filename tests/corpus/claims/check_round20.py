"""Independent mpmath checks (no sympy, no Formulary) of every round-20 label.

    python3 tests/corpus/claims/check_round20.py [--id ID]

It reuses round 12's checks (round 7's as-written walker over Python's ``ast``, the functions of rounds 8 to 11,
round 9's derivative that exists only where the forward, backward and central quotients agree, one-sided limits)
and checks by hand (``SPECIAL``) what its grid cannot reach:

* the sum of cos(2 pi j/n) over j < n for n = 2 .. 300 at 50 digits (the walker's grid of n is mostly too large to sum);
* the same sum with cos(26 pi j/n) for n = 14 .. 300;
* (1 + 1/x)^x > e for x < -1 at 200 points of (-10^6, -1) (the walker settles only five);
* the limits H_n - log n (the Euler constant, mp.euler) and n (sum_{j<=n} 1/j^2 - pi^2/6) (through Hurwitz's zeta,
  -n zeta(2, n + 1)) at n = 10^6 .. 10^30, and (tan x/x)^(1/x^2) at x = 10^-5 .. 10^-40 at 200 digits (the walker's
  500 digits cannot reach x = 1e-30 through 1/x^2);
* asinh x = -log(sqrt(x^2 + 1) - x) and atanh x = acosh(1/sqrt(1 - x^2)) at 3000 digits, where the walker's 500 lose
  everything to cancellation at x = 1e300 (and at x = 1e-300, 1/sqrt(1 - x^2) = 1 + 5e-601);
* the three claims about complex x, at complex points by mpmath (the walker is real; the witness x = 2 pi i is in
  ``why``).
"""
import json
import pathlib
import sys

import mpmath as mp

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import check_round7 as r7  # the walker; it imports nothing from Formulary
import check_round12 as r12  # round 11's checks and round 12's hand-written ones
import check_round19 as r19  # its relation at seven complex points

CLAIMS = [json.loads(line) for line in (HERE / "heldout_round20.jsonl").read_text().splitlines()]


def _roots_of_unity():
    with mp.workdps(50):
        return all(abs(mp.fsum(mp.cos(2 * mp.pi * j / n) for j in range(n))) < mp.mpf(10) ** -40 for n in range(2, 301))


def _orthogonality_13():
    with mp.workdps(50):
        return all(abs(mp.fsum(mp.cos(26 * mp.pi * j / n) for j in range(n))) < mp.mpf(10) ** -40 for n in range(14, 301))


def _compound_negative():
    with mp.workdps(60):
        points = [-1 - mp.mpf(10) ** -k for k in range(1, 30)] + [-mp.mpf(k) / 7 for k in range(8, 180)]
        points += [-mp.mpf(10) ** k for k in range(1, 7)]
        return all((1 + 1 / v) ** v > mp.e for v in points)


def _limit_settles(values, target):
    target = target()  # at the caller's working precision
    gaps = [abs(v - target) for v in values]
    return all(b < a for a, b in zip(gaps, gaps[1:])) and gaps[-1] < mp.mpf(10) ** -20


def _euler_limit(target):
    with mp.workdps(80):
        values = [mp.harmonic(mp.mpf(10) ** k) - mp.log(mp.mpf(10) ** k) for k in (6, 12, 24, 30)]
        return _limit_settles(values, target)


def _basel_rate():
    with mp.workdps(80):
        values = [-mp.mpf(10) ** k * mp.zeta(2, mp.mpf(10) ** k + 1) for k in (6, 12, 24, 30)]
        return _limit_settles(values, lambda: mp.mpf(-1))


def _tanc_power(target):
    with mp.workdps(200):
        values = [(mp.tan(v) / v) ** (1 / v ** 2) for v in (mp.mpf(10) ** -k for k in (5, 10, 20, 40))]
        values += [(mp.tan(-v) / -v) ** (1 / v ** 2) for v in (mp.mpf(10) ** -k for k in (20, 40))]
        return _limit_settles(values[:4], target) and abs(values[-1] - target()) < mp.mpf(10) ** -20


def _at_3000_digits(relation):
    with mp.workdps(3000):
        points = [mp.mpf(v) for v in ("1e-300", "1e-30", "0.5", "0.999", "1", "7", "1e30", "1e300")]
        return all(relation(v) for v in points)


SPECIAL = {  # each returns True when the label is confirmed (a false claim: when it fails)
    "io-h20-roots-unity-2": _roots_of_unity,
    "in-h20-compound-neg-gt": _compound_negative,
    "io-h20-cos-orthogonality-13-ok": _orthogonality_13,
    "nm-h20-euler-gamma-float": lambda: not _euler_limit(lambda: mp.mpf("0.5772156649015329")),
    "nm-h20-euler-gamma-digamma": lambda: _euler_limit(lambda: -mp.digamma(1)),
    "lim-h20-basel-rate": _basel_rate,
    "lim-h20-tanc-power": lambda: _tanc_power(lambda: mp.exp(mp.mpf(1) / 3)),
    "hy-h20-asinh-conj": lambda: _at_3000_digits(
        lambda v: all(abs(mp.asinh(t) + mp.log(mp.sqrt(t * t + 1) - t)) < mp.mpf(10) ** -2000 * (1 + abs(mp.asinh(t)))
                      for t in (v, -v))),
    "hy-h20-atanh-acosh-pos": lambda: _at_3000_digits(
        lambda v: v >= 1 or abs(mp.atanh(v) - mp.acosh(1 / mp.sqrt(1 - v * v))) < mp.mpf(10) ** -1000 * abs(mp.atanh(v))),
    "dm-h20-sqrt-exp-complex": lambda: not r19._complex_all(lambda z: abs(mp.sqrt(mp.exp(z)) - mp.exp(z / 2)) < 1e-30),
    "dm-h20-cosh-sinh-complex": lambda: r19._complex_all(lambda z: abs(mp.cosh(z) ** 2 - mp.sinh(z) ** 2 - 1) < 1e-30),
}

check = r7.special_first(SPECIAL, r12.check)


def main(argv):
    return r7.run(CLAIMS, check, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
