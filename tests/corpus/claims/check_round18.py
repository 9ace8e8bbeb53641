"""Independent mpmath checks (no sympy, no Formulary) of every round-18 label.

    python3 tests/corpus/claims/check_round18.py [--id ID]

It reuses round 12's checks (round 7's as-written walker over Python's ``ast``, the functions of rounds 8 to 11,
round 9's derivative that exists only where the forward, backward and central quotients agree, one-sided limits)
and checks by hand (``SPECIAL``) what its grid cannot reach:

* the harmonic-number bounds with a truncated Euler constant at n = 10^6 and 10^12 (mpmath's ``harmonic``, and the
  Euler-Maclaurin bracket H_n - log n - gamma - 1/(2n) in (-1/(12 n^2), 0) at every n <= 2000 by direct summation);
* the exponential series from j = 1 by nsum, cos(2 pi/5) against its 46-digit truncation at 120 digits;
* the second derivative of logsumexp by mpmath's numerical differentiation on a 13 x 7 grid;
* cosh(s)^2 - ab (sinh(s)/s)^2 = 1, s = sqrt(ab), at 2000 digits for ab up to 10^6 (beyond, it is cosh^2 - sinh^2 = 1
  since ab = s^2; the walker's ab = 1e300 cancels 10^149 digits);
* the claims with four to six parameters (Sherman-Morrison, a quadratic's minimum, two Bernoulli variables with a joint
  probability r within the Frechet bounds) exactly at 2000 random rational points that satisfy the assumptions
  (``fractions``): the walker's grid finds few such points.
"""
import json
import pathlib
import random
import sys
from fractions import Fraction as Fr

import mpmath as mp

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import check_round7 as r7  # the walker; it imports nothing from Formulary
import check_round12 as r12  # round 11's checks and round 12's hand-written ones

CLAIMS = [json.loads(line) for line in (HERE / "heldout_round18.jsonl").read_text().splitlines()]

def _harmonic_bracket():
    """H_n - log n - gamma - 1/(2n) lies in (-1/(12 n^2), 0) for n <= 2000 (H_n summed exactly)."""
    with mp.workdps(40):
        h = Fr(0)
        for n in range(1, 2001):
            h += Fr(1, n)
            e = mp.mpf(h.numerator) / h.denominator - mp.log(n) - mp.euler - mp.mpf(1) / (2 * n)
            if not -mp.mpf(1) / (12 * n * n) < e < 0:
                return False
    return True


def _harmonic_at(n, constant, rel):
    """H_n - log n against ``constant`` (+ 1/(2n) for '<') at n, by mpmath's harmonic at 60 digits."""
    with mp.workdps(60):
        gap = mp.harmonic(n) - mp.log(n)
        if rel == "<":
            return gap < mp.mpf(constant) + mp.mpf(1) / (2 * n)
        return gap > mp.mpf(constant)


def _expm_det():
    with mp.workdps(2000):
        for ab in ["1e-30", "1/3", "1", "2", "10", "1e3", "1e6"]:
            ab = mp.mpf(ab)
            s = mp.sqrt(ab)
            if abs(mp.cosh(s) ** 2 - ab * (mp.sinh(s) / s) ** 2 - 1) > mp.mpf(10) ** -100:
                return False
    return True


def _random_fr(rng):
    return Fr(rng.randint(-60, 60), rng.randint(1, 12))


def _sherman_morrison(sign, other_diag):
    rng = random.Random(18)
    for _ in range(2000):
        a, d = Fr(rng.randint(1, 40), rng.randint(1, 9)), Fr(rng.randint(1, 40), rng.randint(1, 9))
        p, q, r, s = (_random_fr(rng) for _ in range(4))
        det = a * d + a * q * s + d * p * r
        den = 1 + p * r / a + q * s / (a if other_diag else d)
        if det == 0 or den == 0:
            continue
        if (d + q * s) / det != 1 / a + sign * (p * r / a**2) / den:
            return False
    return True


def _quad_min():
    rng = random.Random(18)
    for _ in range(2000):
        a = Fr(rng.randint(1, 40), rng.randint(1, 9))
        b, c, x = (_random_fr(rng) for _ in range(3))
        if a * x * x + b * x + c < c - b * b / (4 * a):
            return False
    return True


def _bernoulli_pairs(relation):
    """Every (p, q, r) on a grid of sixtieths with r in [max(0, p + q - 1), min(p, q)]."""
    grid = [Fr(k, 60) for k in range(61)]
    return all(relation(p, q, r) for p in grid for q in grid for r in grid if max(0, p + q - 1) <= r <= min(p, q))


def _lse_curvature():
    """d^2/dx^2 log(e^x + e^y) = s(1 - s), s = sigmoid(x - y), by mpmath's numerical differentiation at 40 digits on a
    grid of 13 x 7 points (the walker's second derivative at its whole grid takes minutes)."""
    sig = lambda v: 1 / (1 + mp.exp(-v))
    with mp.workdps(40):
        for x in map(mp.mpf, ("-30", "-7", "-1", "-0.5", "0", "0.3", "1", "2", "5", "7", "12", "30", "1e-8")):
            for y in map(mp.mpf, ("-5", "-1", "0", "0.5", "1", "3", "20")):
                got = mp.diff(lambda u: mp.log(mp.exp(u) + mp.exp(y)), x, 2)
                if abs(got - sig(x - y) * sig(y - x)) > mp.mpf(10) ** -25:
                    return False
    return True


def _exp_tail():
    """sum_{j >= 1} x^j/j! = e^x - 1 by mpmath's nsum at 40 digits at x from -20 to 20 and x = 0 (an empty-looking
    series of zeros), where the walker's grid of far points runs for minutes."""
    with mp.workdps(40):
        for x in map(mp.mpf, ("-20", "-3", "-1", "-0.001", "0", "1e-9", "0.5", "1", "7", "20")):
            got = mp.nsum(lambda j: x**j / mp.factorial(j), [1, mp.inf])
            if abs(got - (mp.exp(x) - 1)) > mp.mpf(10) ** -25 * (1 + abs(mp.exp(x))):
                return False
    return True


def _cos_2pi5_short(decimal):
    """cos(2 pi/5) = (sqrt 5 - 1)/4 exceeds ``decimal`` (a truncation), at 120 digits."""
    with mp.workdps(120):
        exact = (mp.sqrt(5) - 1) / 4
        return abs(mp.cos(2 * mp.pi / 5) - exact) < mp.mpf(10) ** -110 and exact > mp.mpf(decimal)


SPECIAL = {
    "sr-h18-exp-from1-ok": _exp_tail,
    "nm-h18-cos-2pi5-46": lambda: _cos_2pi5_short("0.3090169943749474241022934171828190588601545899"),
    "dl-h18-lse-curvature": _lse_curvature,
    "sf-h18-harm-upper": _harmonic_bracket,
    "sf-h18-harm-upper-trunc": lambda: not _harmonic_at(10**6, "0.5772156649", "<") and _harmonic_bracket(),
    "sf-h18-harm-lower-round": lambda: not _harmonic_at(10**12, "0.5772156650", ">"),
    "mx-h18-expm-det": _expm_det,
    "mx-h18-sherman-morrison": lambda: _sherman_morrison(-1, False),
    "mx-h18-sherman-morrison-sign": lambda: not _sherman_morrison(1, False),
    "mx-h18-sherman-morrison-inv": lambda: not _sherman_morrison(-1, True),
    "sn-h18-quad-min": _quad_min,
    "pr-h18-var-sum-two": lambda: _bernoulli_pairs(lambda p, q, r: p + q + 2 * r - (p + q) ** 2
                                                   <= 2 * (p * (1 - p) + q * (1 - q))),
    "pr-h18-cov-cs": lambda: _bernoulli_pairs(lambda p, q, r: (r - p * q) ** 2 <= p * (1 - p) * q * (1 - q)),
}

check = r7.special_first(SPECIAL, r12.check)


def main(argv):
    return r7.run(CLAIMS, check, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
