"""Independent mpmath checks (no sympy, no Formulary) of every round-17 label.

    python3 tests/corpus/claims/check_round17.py [--id ID]

It reuses round 12's checks (round 7's as-written walker over Python's ``ast``, the functions of rounds 8 to 11,
round 9's derivative that exists only where the forward, backward and central quotients agree, one-sided limits)
and checks by hand (``SPECIAL``) what its grid cannot reach:

* floor and ceiling identities at every multiple of 1/60 in [-5, 5] and at random rationals, exactly (``fractions``):
  the grid's round values miss the thin interval [1/3, 1/2) where Hermite's identity with x + 1/2 fails;
* sums of floor(j/3) and binomial sums exactly (integers) at every n up to 300 and 60;
* integrals with a parameter by quadrature at parameters of both signs, and the divergence of the odd Cauchy integral
  (its partial integrals from -A to B grow like log(B/A)/1 ... without bound as B/A does);
* limits by evaluation far out at 60 digits, with the rate the closed form predicts;
* the derivative of atan2 across its cut by one-sided quotients, and 2x2 singular values from an independent
  eigenvalue computation (mpmath's ``eig`` of A^T A).
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

CLAIMS = [json.loads(line) for line in (HERE / "heldout_round17.jsonl").read_text().splitlines()]


def _rationals(seed=17, count=400):
    """Every multiple of 1/60 in [-5, 5] and random rationals p/q (|p| <= 600, q <= 97)."""
    rng = random.Random(seed)
    yield from (Fr(k, 60) for k in range(-300, 301))
    for _ in range(count):
        yield Fr(rng.randint(-600, 600), rng.randint(1, 97))


def _floor(q):
    return q.numerator // q.denominator


def _ceil(q):
    return -((-q.numerator) // q.denominator)


def _everywhere(f):
    return all(f(x) for x in _rationals())


def _hermite3(offsets):
    return _everywhere(lambda x: _floor(3 * x) == sum(_floor(x + o) for o in offsets))


def _ceil_nested(ns):
    return all(_ceil(Fr(_ceil(x)) / n) == _ceil(x / n) for x in _rationals(count=100) for n in ns)


def _thirds(rhs):
    return _everywhere(lambda x: _floor(x / 3) + _floor((x + 1) / 3) + _floor((x + 2) / 3) == rhs(x))


def _sum_third(rhs, top=300):
    return all(sum(j // 3 for j in range(1, n + 1)) == rhs(n) for n in range(1, top + 1))


def _binomial_sums():
    """Vandermonde, the alternating sum and sum k^2 C(n, k) exactly for n <= 60."""
    for n in range(0, 61):
        row = [math.comb(n, k) for k in range(n + 1)]
        if sum(c * c for c in row) != math.comb(2 * n, n):
            return False
        if sum(k * k * c for k, c in enumerate(row)) * 4 != n * (n + 1) * 2**n:
            return False
        if n >= 1 and sum((-1) ** k * c for k, c in enumerate(row)) != 0:
            return False
    return True


def _central_bound(constant):
    """C(2n, n) <= 4^n/sqrt(constant n + 1) for n <= 2000 (both sides squared, exactly for 3; mpmath for pi)."""
    with mp.workdps(60):
        for n in range(1, 2001):
            c = math.comb(2 * n, n)
            if constant == 3:
                if c * c * (3 * n + 1) > 16**n:
                    return False
            elif mp.mpf(c) ** 2 * (mp.pi * n + 1) > mp.mpf(16) ** n:
                return False
    return True


def _quad_params(integrand, closed, params, lo=-mp.inf, hi=mp.inf):
    with mp.workdps(30):
        for p in map(mp.mpf, params):
            got = mp.quad(lambda x: integrand(x, p), [lo, 0, hi] if lo == -mp.inf else [lo, hi])
            if abs(got - closed(p)) > mp.mpf(10) ** -15 * (1 + abs(closed(p))):
                return False
    return True


def _gauss_scale():
    """int exp(-(x - m)^2/(2 s^2)) dx = sqrt(2 pi)|s| at s = +-1/3, +-1, +-4 and m in {-2, 0, 3/2}."""
    with mp.workdps(30):
        for s in map(mp.mpf, ("-4", "-1", "-1/3", "1/3", "1", "4")):
            for m in map(mp.mpf, ("-2", "0", "1.5")):
                got = mp.quad(lambda x: mp.exp(-(x - m) ** 2 / (2 * s**2)), [-mp.inf, m, mp.inf])
                if abs(got - mp.sqrt(2 * mp.pi) * abs(s)) > mp.mpf(10) ** -15:
                    return False
    return True


def _odd_cauchy_diverges():
    """int_-A^B x/(1 + x^2) dx = log((1 + B^2)/(1 + A^2))/2: with B = A^2 it grows like log A, so the two-sided
    improper integral has no value (only the symmetric principal value is 0)."""
    with mp.workdps(30):
        vals = [mp.quad(lambda x: x / (1 + x * x), [-a, 0, a * a]) for a in (mp.mpf(10), mp.mpf(10) ** 3)]
        return vals[1] - vals[0] > 2


def _gamma_integral_diverges():
    """int_e^oo x^(-3/2) e^(-x) dx grows like 2/sqrt(e) as e -> 0 at s = -1/2: no value, while gamma(-1/2) = -2 sqrt(pi)."""
    with mp.workdps(30):
        small = [mp.quad(lambda x: x**-1.5 * mp.exp(-x), [e, 1, mp.inf]) for e in (mp.mpf(10) ** -4, mp.mpf(10) ** -8)]
        return small[1] - small[0] > 100


def _leibniz(closed):
    """d/dx int_1^2 sin(x t)/t dt by a central quotient of quadratures (step 1e-10, 40 digits) at x = +-1/3, 1, 5."""
    with mp.workdps(40):
        for x in map(mp.mpf, ("-5", "-1", "-1/3", "1/3", "1", "5")):
            h = mp.mpf(10) ** -10
            f = lambda u: mp.quad(lambda t: mp.sin(u * t) / t, [1, 2])
            q = (f(x + h) - f(x - h)) / (2 * h)
            if abs(q - closed(x)) > mp.mpf(10) ** -12:
                return False
    return True


def _gauss_a_derivative():
    with mp.workdps(40):
        for a in map(mp.mpf, ("1/10", "1", "7")):
            h = mp.mpf(10) ** -12
            f = lambda u: mp.quad(lambda x: mp.exp(-u * x * x), [-mp.inf, 0, mp.inf])
            q = (f(a + h) - f(a - h)) / (2 * h)
            if abs(q + mp.sqrt(mp.pi) / (2 * a**1.5)) > mp.mpf(10) ** -12:
                return False
    return True


def _limit_far(f, target, exps=(6, 9, 12)):
    """f(10^k) approaches ``target``: the distances shrink and the last is below 1e-4."""
    with mp.workdps(80):
        d = [abs(f(mp.mpf(10) ** k) - target) for k in exps]
        return d[0] > d[1] > d[2] and d[2] < mp.mpf(10) ** -4


def _central_ratio(n):
    n = int(n)
    return mp.binomial(2 * n, n) * mp.sqrt(mp.pi * n) / mp.mpf(4) ** n


def _sum_root_checked():
    """sum_{j<=n} sqrt(j)/n^(3/2) at n = 10^2, 10^4, 10^6 by a compensated float sum (math.fsum): its distance to
    2/3 shrinks like 1/(2n) (Euler-Maclaurin's next term n^(1/2)/2), 0.0050, 0.00005, 0.0000005."""
    d = [abs(math.fsum(math.sqrt(j) for j in range(1, n + 1)) / n**1.5 - 2 / 3) for n in (10**2, 10**4, 10**6)]
    return d[0] > d[1] > d[2] and all(abs(v * 2 * n - 1) < 0.1 for v, n in zip(d, (10**2, 10**4, 10**6)))


def _singular_values(a, b, c, d):
    m = mp.matrix([[a, b], [c, d]])
    ev = mp.eig(m.T * m)[0]
    return sorted(mp.sqrt(max(mp.re(v), 0)) for v in ev)


def _matrices(seed=17, count=300):
    rng = random.Random(seed)
    yield (1, 0, 0, 1)
    yield (1, 1, 1, -1)
    yield (0, 0, 0, 0)
    for _ in range(count):
        yield tuple(rng.randint(-9, 9) / rng.randint(1, 5) for _ in range(4))


def _nuclear(bound):
    with mp.workdps(40):
        for a, b, c, d in _matrices():
            a, b, c, d = map(mp.mpf, (a, b, c, d))
            s = _singular_values(a, b, c, d)
            frob = mp.sqrt(sum(v * v for v in s))
            if s[0] + s[1] > bound * frob + mp.mpf(10) ** -30:
                return False
            closed = mp.sqrt(a * a + b * b + c * c + d * d + 2 * abs(a * d - b * c))
            if abs(closed - (s[0] + s[1])) > mp.mpf(10) ** -20:
                return False
    return True


def _spectral(lower):
    """The closed form (F + sqrt(F^2 - 4 det^2))/2 is the largest eigenvalue of A^T A; ``lower`` must not exceed it."""
    with mp.workdps(40):
        for a, b, c, d in _matrices():
            a, b, c, d = map(mp.mpf, (a, b, c, d))
            s = _singular_values(a, b, c, d)
            f = a * a + b * b + c * c + d * d
            closed = (f + mp.sqrt(f * f - 4 * (a * d - b * c) ** 2)) / 2
            if abs(closed - s[1] ** 2) > mp.mpf(10) ** -20 * (1 + f):
                return False
            if lower(a, b, c, d) > closed + mp.mpf(10) ** -25:
                return False
    return True


def _entropy_bits(p):
    return (-p * mp.log(p) - (1 - p) * mp.log(1 - p)) / mp.log(2)


def _topsoe(exponent):
    with mp.workdps(50):
        for k in range(1, 2000):
            p = mp.mpf(k) / 2000
            if _entropy_bits(p) > (4 * p * (1 - p)) ** exponent + mp.mpf(10) ** -40:
                return False
        for p in (mp.mpf(10) ** -k for k in (5, 10, 50, 300)):
            if _entropy_bits(p) > (4 * p * (1 - p)) ** exponent:
                return False
    return True


def _atan2_pair(x):
    """d/dy (atan2(y, x) + atan2(x, y)) by one-sided quotients: the sum is +-pi/2 away from the cuts."""
    with mp.workdps(50):
        x = mp.mpf(x)
        f = lambda y: mp.atan2(y, x) + mp.atan2(x, y)
        h = mp.mpf(10) ** -20
        for y in map(mp.mpf, ("-3", "-1/7", "0", "1/7", "3")):
            right, left = (f(y + h) - f(y)) / h, (f(y) - f(y - h)) / h
            if abs(right) > mp.mpf(10) ** -15 or abs(left) > mp.mpf(10) ** -15:
                return False
    return True


def _sinc2():
    """int_0^oo sin(a x)^2/x^2 dx = pi |a|/2: by the antiderivative F(T) = |a| (Si(2|a|T) - sin(|a|T)^2/(|a|T)) of
    the integrand on (0, T] (F(0+) = 0), whose derivative is checked against the integrand at sample points, and
    F(T) -> pi |a|/2 since Si(oo) = pi/2 and the second term is at most 1/T."""
    with mp.workdps(40):
        for a in map(mp.mpf, ("-2", "-1/2", "1/2", "3")):
            F = lambda T: abs(a) * (mp.si(2 * abs(a) * T) - mp.sin(abs(a) * T) ** 2 / (abs(a) * T))
            for T in map(mp.mpf, ("0.3", "1", "7.5")):
                if abs(mp.diff(F, T) - mp.sin(a * T) ** 2 / T**2) > mp.mpf(10) ** -25:
                    return False
            if abs(F(mp.mpf(10) ** -30)) > mp.mpf(10) ** -25 or abs(F(mp.mpf(10) ** 30) - mp.pi * abs(a) / 2) > mp.mpf(10) ** -25:
                return False
    return True


def _log_conjugates():
    """log(x + sqrt(x^2 - 1)) + log(x - sqrt(x^2 - 1)) = 0 for x >= 1 at 200 digits from x = 1 to 1e40 (the walker's
    x = 1e30 loses 60 digits in x - sqrt(x^2 - 1) = 1/(x + sqrt(x^2 - 1)))."""
    with mp.workdps(200):
        for x in map(mp.mpf, ("1", "1.0001", "2", "10", "1e3", "1e15", "1e30", "1e40")):
            r = mp.sqrt(x * x - 1)
            if abs(mp.log(x + r) + mp.log(x - r)) > mp.mpf(10) ** -100:
                return False
    return True


def _polar_euler():
    """x d/dx + y d/dy of log(x^2 + y^2)/2 is 1: the partial derivatives by central quotients (step 1e-30, 80 digits)
    at points from 1e-6 to 1e6 in each quadrant (the walker's quotient at (0, 1e-300) is far wider than the point)."""
    f = lambda x, y: mp.log(x * x + y * y) / 2
    values = [mp.mpf(v) for v in ("-1e6", "-3", "-1e-6", "0", "1e-6", "1/7", "2", "1e6")]
    with mp.workdps(80):
        h = mp.mpf(10) ** -30
        for x in values:
            for y in values:
                if x == 0 and y == 0:
                    continue
                fx = (f(x + h * max(1, abs(x)), y) - f(x - h * max(1, abs(x)), y)) / (2 * h * max(1, abs(x)))
                fy = (f(x, y + h * max(1, abs(y))) - f(x, y - h * max(1, abs(y)))) / (2 * h * max(1, abs(y)))
                if abs(x * fx + y * fy - 1) > mp.mpf(10) ** -20:
                    return False
    return True


SPECIAL = {
    "fl-h17-third": lambda: _hermite3((0, Fr(1, 3), Fr(2, 3))),
    "fl-h17-third-wrong": lambda: not _hermite3((0, Fr(1, 3), Fr(1, 2))) and _floor(Fr(6, 5)) == 1,
    "fl-h17-ceil-nested-int": lambda: _ceil_nested(range(1, 13)),
    "fl-h17-halves-floor": lambda: _thirds(_floor),
    "fl-h17-sum-third": lambda: _sum_third(lambda n: n * (n - 1) // 6),
    "fl-h17-sum-third-sq": lambda: _sum_third(lambda n: n * n // 6, 4) and not _sum_third(lambda n: n * n // 6, 5),
    "bn-h17-vandermonde": _binomial_sums,
    "bn-h17-alt-pos": _binomial_sums,
    "bn-h17-k2": _binomial_sums,
    "bn-h17-central-bound": lambda: _central_bound(3),
    "ig-h17-gauss-scale-abs": _gauss_scale,
    "ig-h17-gauss-linear": lambda: _quad_params(lambda x, b: mp.exp(-x * x + b * x),
                                                lambda b: mp.sqrt(mp.pi) * mp.exp(b * b / 4), ("-3", "-1/2", "0", "2", "5")),
    "ig-h17-sinc2-abs": lambda: _sinc2(),
    "ig-h17-odd-cauchy": _odd_cauchy_diverges,
    "ig-h17-gamma-range": _gamma_integral_diverges,
    "ig-h17-leibniz": lambda: _leibniz(lambda x: (mp.sin(2 * x) - mp.sin(x)) / x),
    "ig-h17-leibniz-slip": lambda: not _leibniz(lambda x: (mp.cos(x) - mp.cos(2 * x)) / x),
    "ig-h17-gauss-a-deriv": _gauss_a_derivative,
    "as-h17-pow-exp": lambda: _limit_far(lambda n: (1 - 1 / n) ** (n * n) * mp.exp(n), mp.exp(-0.5)),
    "as-h17-pow-exp-one": lambda: _limit_far(lambda n: (1 - 1 / n) ** (n * n) * mp.exp(n), mp.exp(-0.5))
    and abs(mp.exp(-0.5) - 1) > 0.3,
    "as-h17-central-ratio": lambda: _limit_far(_central_ratio, 1, (2, 3, 4)),
    "as-h17-sum-root": _sum_root_checked,
    "as-h17-sum-root-slip": _sum_root_checked,
    "mn-h17-nuclear-sqrt2": lambda: _nuclear(mp.sqrt(2)),
    "mn-h17-nuclear-14": lambda: not _nuclear(mp.mpf("1.4")),
    "mn-h17-spectral-frob": lambda: _spectral(lambda a, b, c, d: (a * a + b * b + c * c + d * d) / 2),
    "mn-h17-spectral-row": lambda: not _spectral(lambda a, b, c, d: a * a + b * b + c * c),
    "ce-h17-topsoe-07": lambda: _topsoe(mp.mpf(7) / 10),
    "ce-h17-topsoe-075": lambda: not _topsoe(mp.mpf(3) / 4),
    "mv-h17-atan2-pair-right": lambda: all(_atan2_pair(x) for x in ("1e-9", "1/3", "2", "1e9")),
    "mv-h17-atan2-pair-left": lambda: not _atan2_pair("-1"),
    "bc-h17-log-conj-pos": _log_conjugates,
    "mv-h17-chain-polar": _polar_euler,
}


check = r7.special_first(SPECIAL, r12.check)


def main(argv):
    return r7.run(CLAIMS, check, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
