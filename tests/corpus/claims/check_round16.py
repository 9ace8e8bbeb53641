"""Independent mpmath checks (no sympy, no Formulary) of every round-16 label.

    python3 tests/corpus/claims/check_round16.py [--id ID]

It reuses round 12's checks (round 7's as-written walker over Python's ``ast``, the functions of rounds 8 to 11,
round 9's derivative that exists only where the forward, backward and central quotients agree, one-sided limits)
and checks by hand (``SPECIAL``) what its grid cannot reach:

* claims about a vector of any length ``n`` (the walker's draws stop at n = 4): the constant 5 in Cauchy-Schwarz and
  0.9 for the path graph against the all-ones vector at every n up to 40, the true bounds at random rational vectors
  of every length up to 12 (exact ``fractions``, and ``cos(pi/(n + 1))`` by mpmath at 50 digits);
* sums over ``floor(n/j)`` and dependent ranges exactly (integers) at every n up to 400;
* Fibonacci identities with the integers F_n themselves (no Binet: the walker's check uses Binet as written) at
  every n up to 300;
* limits with a parameter at offsets chosen against the parameter (the walker's fixed offsets are not small against
  1/n at n = 1e30, nor far enough for a = 1e3), and identities at points where the walker's tolerance is too tight
  for the digits its sides cancel (psi(x) + 1/x at x = 1e-300, x - sqrt(x^2 - 1) at x = 1e30), and a claim in four
  symbols whose assumption t != 0 the walker's grid never meets.
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

CLAIMS = [json.loads(line) for line in (HERE / "heldout_round16.jsonl").read_text().splitlines()]


def _vectors(n, count=40, seed=16):
    """Random rational vectors of length ``n`` (entries p/q with |p| <= 7, q <= 3), the all-ones vector first."""
    rng = random.Random(seed * 1000 + n)
    yield [Fr(1)] * n
    for _ in range(count):
        yield [Fr(rng.randint(-7, 7), rng.randint(1, 3)) for _ in range(n)]


def _cauchy_five(largest):
    """(sum x)^2 <= 5 sum x^2 at every n <= ``largest`` and vector drawn; the all-ones vector fails from n = 6."""
    return all(sum(x) ** 2 <= 5 * sum(v * v for v in x) for n in range(1, largest + 1) for x in _vectors(n))


def _cauchy_n():
    return all(sum(x) ** 2 <= n * sum(v * v for v in x) for n in range(1, 13) for x in _vectors(n))


def _path(bound, largest):
    """sum x_i x_(i+1) <= bound(n) sum x_i^2 at every n <= ``largest`` (mpmath at 50 digits for the cosine)."""
    with mp.workdps(50):
        for n in range(1, largest + 1):
            for x in _vectors(n):
                lhs = sum(x[i] * x[i + 1] for i in range(n - 1))
                squares = sum(v * v for v in x)
                if mp.mpf(lhs.numerator) / lhs.denominator > bound(n) * squares + mp.mpf(10) ** -40 * squares:
                    return False
            if n >= 2:  # the top eigenvector sin(pi i/(n + 1)) attains cos(pi/(n + 1))
                s = [mp.sin(mp.pi * i / (n + 1)) for i in range(1, n + 1)]
                if sum(s[i] * s[i + 1] for i in range(n - 1)) > bound(n) * sum(v * v for v in s) + mp.mpf(10) ** -40 * n:
                    return False
    return True


def _path_09_fails():
    """0.9 holds at n <= 5 (cos(pi/6) = 0.866) and fails at n = 11 with the all-ones vector (10 > 9.9)."""
    holds_small = _path(lambda n: mp.mpf("0.9"), 5)
    return holds_small and not (10 <= Fr(9, 10) * 11)


def _hyperbola(square):
    """sum_{j<=n} floor(n/j) against 2 sum_{j<=s} floor(n/j) - s^2 (or - s), s = isqrt(n), exactly for n <= 400."""
    def rhs(n):
        s = math.isqrt(n)
        return 2 * sum(n // j for j in range(1, s + 1)) - (s * s if square else s)
    return all(sum(n // j for j in range(1, n + 1)) == rhs(n) for n in range(1, 401))


def _swap_dependent():
    """#{(i, j): 1 <= i <= n, i <= j <= 2i} by j with i in [ceil(j/2), min(j, n)] is n(n + 3)/2, for n <= 200."""
    for n in range(1, 201):
        by_j = sum(max(0, min(j, n) - (j + 1) // 2 + 1) for j in range(1, 2 * n + 1))
        if 2 * by_j != n * (n + 3):
            return False
    return True


def _fib(count=310):
    f = [0, 1]
    while len(f) < count:
        f.append(f[-1] + f[-2])
    return f


def _fibonacci_sum():
    f = _fib()
    return all(sum(f[1:n + 1]) == f[n + 2] - 1 for n in range(0, 300))


def _cassini():
    f = _fib()
    return all(f[n + 1] * f[n - 1] - f[n] ** 2 == (-1) ** n for n in range(1, 300))


def _binet_round():
    """F_n = floor(phi^n/sqrt 5 + 1/2) for n <= 300 (mpmath at 120 digits, F_300 has 63)."""
    f = _fib()
    with mp.workdps(120):
        phi = (1 + mp.sqrt(5)) / 2
        return all(int(mp.floor(phi**n / mp.sqrt(5) + mp.mpf(1) / 2)) == f[n] for n in range(0, 300))


def _close(a, b, digits):
    return abs(a - b) <= mp.mpf(10) ** -digits * max(1, abs(b))


def _dirichlet_sign():
    """sin(n pi x)/sin(pi x) at x = 1 +- 1e-60 (200 digits) against (-1)^(n+1) n for every integer |n| <= 20 and
    n = +-1000 (the walker's offsets 1e-20 are not small against 1/n at n = 1e30)."""
    with mp.workdps(200):
        for n in list(range(-20, 21)) + [1000, -1000]:
            for h in (mp.mpf(10) ** -60, -mp.mpf(10) ** -60):
                x = 1 + h
                if not _close(mp.sin(n * mp.pi * x) / mp.sin(mp.pi * x), (-1) ** (n + 1) * n, 40):
                    return False
    return True


def _exp_param():
    """(1 + 1/x)^(a x^2) e^(-a x) = exp(a (x^2 log1p(1/x) - x)) at x = 1e20 (1 + |a|) (200 digits), where the
    exponent's next term a/(3x) is below 1e-20, against e^(-a/2), for a from -1000 to 1000."""
    with mp.workdps(200):
        for a in map(mp.mpf, ("-1000", "-709", "-3", "-1", "0", "1/3", "1", "2", "10", "709", "1000")):
            x = mp.mpf(10) ** 20 * (1 + abs(a))
            if not _close(mp.exp(a * (x**2 * mp.log1p(1 / x) - x)), mp.exp(-a / 2), 15):
                return False
    return True


def _lhopital_second():
    """(x^a - a x + a - 1)/(x - 1)^2 at x = 1 +- 1e-40 (300 digits) against a(a - 1)/2."""
    with mp.workdps(300):
        for a in map(mp.mpf, ("-1000", "-3", "-1/2", "0", "1/3", "1", "2", "5/2", "10", "1000")):
            for h in (mp.mpf(10) ** -40, -mp.mpf(10) ** -40):
                x = 1 + h
                if not _close((x**a - a * x + a - 1) / (x - 1) ** 2, a * (a - 1) / 2, 20):
                    return False
    return True


def _psi_shift():
    """psi(x + n) = psi(x) + sum_{j<n} 1/(x + j) at x in (1e-30 .. 1e6), n <= 12, at 100 digits (the walker's x = 1e-300
    cancels 300 digits between psi(x) and 1/x)."""
    with mp.workdps(100):
        for x in map(mp.mpf, ("1e-30", "1/3", "1", "5/2", "10", "1e6")):
            for n in range(13):
                if not _close(mp.digamma(x + n), mp.digamma(x) + sum(1 / (x + j) for j in range(n)), 50):
                    return False
    return True


def _cosh_acosh():
    """cosh(n acosh x) against the Chebyshev form at x in [1, 1e3] and real n (200 digits; the walker's x = 1e30 loses
    more digits in x - sqrt(x^2 - 1) than its tolerance allows)."""
    with mp.workdps(200):
        for x in map(mp.mpf, ("1", "1.0001", "2", "10", "1e3")):
            r = mp.sqrt(x**2 - 1)
            for n in map(mp.mpf, ("-2", "-1", "-1/2", "0", "1/3", "1", "2", "5", "25/2")):
                if not _close(mp.cosh(n * mp.acosh(x)), ((x + r) ** n + (x - r) ** n) / 2, 100):
                    return False
    return True


def _lse3_temperature():
    """t log(e^(x/t) + e^(y/t) + e^(z/t)) <= max(x, y, z) + t log 3 at t in +-{1/10, 1, 3, 100} and every x, y, z in
    {-2, -1/2, 0, 1/3, 1, 5} (50 digits; the walker's grid with four symbols never leaves t = 0)."""
    values = list(map(mp.mpf, ("-2", "-1/2", "0", "1/3", "1", "5")))
    with mp.workdps(50):
        for t in map(mp.mpf, ("1/10", "1", "3", "100", "-1/10", "-1", "-3", "-100")):
            for x in values:
                for y in values:
                    for z in values:
                        lhs = t * mp.log(mp.exp(x / t) + mp.exp(y / t) + mp.exp(z / t))
                        if lhs > max(x, y, z) + t * mp.log(3) + mp.mpf(10) ** -40:
                            return False
    return True


SPECIAL = {
    "lim-h16-dirichlet-sign-ok": _dirichlet_sign,
    "lim-h16-exp-param": _exp_param,
    "lim-h16-lhopital-2": _lhopital_second,
    "sf-h16-psi-shift": _psi_shift,
    "dm-h16-cosh-acosh": _cosh_acosh,
    "dl-h16-lse3-tlog3": _lse3_temperature,
    "mx-h16-cs-five": lambda: not _cauchy_five(6),
    "mx-h16-cs-five-bounded": lambda: _cauchy_five(5),
    "mx-h16-cs-n": _cauchy_n,
    "mx-h16-path-09": _path_09_fails,
    "mx-h16-path-cos": lambda: _path(lambda n: mp.cos(mp.pi / (n + 1)), 12),
    "sr-h16-hyperbola": lambda: _hyperbola(True),
    "sr-h16-hyperbola-nosq": lambda: not _hyperbola(False) and all(
        sum(n // j for j in range(1, n + 1)) == 2 * n - 1 for n in (1, 2, 3)),
    "sr-h16-swap-dep": _swap_dependent,
    "sr-h16-fib-sum": _fibonacci_sum,
    "sr-h16-cassini": _cassini,
    "sr-h16-binet-round": _binet_round,
}

check = r7.special_first(SPECIAL, r12.check)


def main(argv):
    return r7.run(CLAIMS, check, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
