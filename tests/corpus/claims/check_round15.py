"""Independent mpmath checks (no sympy, no Formulary) of every round-15 label.

    python3 tests/corpus/claims/check_round15.py [--id ID]

It reuses round 12's checks (round 7's as-written walker over Python's ``ast``, the functions of rounds 8 to 11,
round 9's derivative that exists only where the forward, backward and central quotients agree, one-sided limits)
and checks by hand (``SPECIAL``) what its grid cannot reach:

* binomial sums (binomial coefficients written as gamma quotients) exactly, with ``fractions`` and ``math.comb``, at
  every size up to 60 (the walker's 1000-digit sums at n = 1000 cancel more digits than it keeps);
* power series (generating functions) by their terms, built by the ratio of consecutive terms: inside the radius the
  partial sums to a tail below 1e-35; at the edge, terms that do not tend to 0 (a divergent series against a finite
  side), or alternating terms that decrease to 0 (mpmath's alternating-series acceleration against 2^-r), or positive
  terms whose partial sums stay within the tail bound 2/sqrt(pi N) of the claimed value;
* integrals with a parameter (Gamma, Mellin, Gaussian with a cosine, the tower rule, a memoryless and a
  truncated law, a derivative under the integral sign) by quadrature at chosen parameters, and divergent ones by
  partial integrals that grow without bound while the other side is finite;
* limits the walker's far points (1e8 to 1e16) cannot settle: log(x)^10/x^(1/10) at x = e^t for t up to 1e5, and
  n sin(2 pi e n!) from the exact fractional part of e n! (a tail of 1/(n+1) + 1/((n+1)(n+2)) + ...).
"""
import itertools
import json
import math
from fractions import Fraction as Fr
import pathlib
import sys

import mpmath as mp

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import check_round7 as r7  # the walker; it imports nothing from Formulary
import check_round12 as r12  # round 11's checks and round 12's hand-written ones

CLAIMS = [json.loads(line) for line in (HERE / "heldout_round15.jsonl").read_text().splitlines()]
BY_ID = {c["id"]: c for c in CLAIMS}


def _binomial_sum(claim_id, count=61):
    """The binomial claims exactly (``math.comb``, fractions) at every admissible size up to ``count - 1``."""
    sums = {
        "sr-h15-binom-alt": (lambda n: sum((-1) ** j * math.comb(n, j) for j in range(n + 1)) == 0, range(1, count)),
        "sr-h15-binom-mean-ok": (lambda n: sum(j * math.comb(n, j) for j in range(n + 1)) == n * Fr(2) ** (n - 1),
                                 range(count)),
        "sr-h15-binom-recip": (lambda n: sum(Fr((-1) ** j * math.comb(n, j), j + 1) for j in range(n + 1)) == Fr(1, n + 1),
                               range(count)),
    }
    holds, sizes = sums[claim_id]
    return all(holds(n) for n in sizes)


def _hockey():
    """sum_{j=k}^{n} C(j, k) = C(n + 1, k + 1) for 0 <= k <= n <= 40, exactly."""
    return all(sum(math.comb(j, k) for j in range(k, n + 1)) == math.comb(n + 1, k + 1)
               for n in range(41) for k in range(n + 1))


def _series(first, ratio, limit=200000, tail=mp.mpf(10) ** -35):
    """The partial sums of a power series from its first term and the ratio t_{j+1}/t_j = ratio(j), to a term below
    ``tail`` (None when it is not reached in ``limit`` terms)."""
    term, total = mp.mpf(first), mp.mpf(first)
    for j in range(limit):
        term *= ratio(j)
        total += term
        if abs(term) < tail and j > 10:
            return total
    return None


def _negbin_inside():
    """sum Gamma(j + r)/(Gamma(r) j!) x^j = (1 - x)^-r at r in {1/3, 1, 5/2, 7} and x in (-0.95, 0.95)."""
    with mp.workdps(50):
        for r in map(mp.mpf, ("1/3", "1", "5/2", "7")):
            for x in map(mp.mpf, ("-0.95", "-1/2", "-1e-6", "0", "1/3", "0.9", "0.95")):
                total = _series(1, lambda j: (j + r) / (j + 1) * x)
                if total is None or abs(total - (1 - x) ** -r) > mp.mpf(10) ** -30 * (1 - x) ** -r:
                    return False
        return True


def _terms_grow(term, other):
    """Terms |t_j| at j = 10, 100, 1000 that do not tend to 0 (the series diverges), and a finite other side."""
    sizes = [abs(term(j)) for j in (10, 100, 1000)]
    return sizes[0] <= sizes[1] <= sizes[2] and sizes[2] >= 1 and mp.isfinite(other)


def _negbin_small_r_edge():
    """At x = -1 and 0 < r < 1 the terms (-1)^j Gamma(j + r)/(Gamma(r) j!) alternate and decrease (ratio (j + r)/(j + 1)
    < 1) to 0: the series converges (Leibniz); mpmath's alternating-series acceleration gives 2^-r; inside, at x = -0.9,
    the direct sums agree with (1 - x)^-r as well."""
    with mp.workdps(40):
        for r in map(mp.mpf, ("1/3", "1/2", "0.9")):
            term = lambda j: (-1) ** int(j) * mp.gamma(j + r) / (mp.gamma(r) * mp.factorial(j))
            s = mp.nsum(term, [0, mp.inf], method="alternating")
            if abs(s - 2 ** -r) > mp.mpf(10) ** -15:
                return False
            inside = _series(1, lambda j: (j + r) / (j + 1) * mp.mpf("-0.9"))
            if abs(inside - mp.mpf("1.9") ** -r) > mp.mpf(10) ** -30:
                return False
        return True


def _catalan():
    """sum C_j x^j = (1 - sqrt(1 - 4x))/(2x) at x in (0, 0.24] (ratio t_{j+1}/t_j = 2(2j + 1)/(j + 2) x), and at
    x = 1/4 the partial sums S_N increase and 0 < 2 - S_N <= 2/sqrt(pi N) (C_j 4^-j <= 1/sqrt(pi j^3))."""
    with mp.workdps(50):
        for x in map(mp.mpf, ("1e-8", "1/10", "1/5", "0.24")):
            total = _series(1, lambda j: 2 * (2 * j + 1) / mp.mpf(j + 2) * x)
            if total is None or abs(total - (1 - mp.sqrt(1 - 4 * x)) / (2 * x)) > mp.mpf(10) ** -30:
                return False
        term, total, previous = mp.mpf(1), mp.mpf(1), mp.mpf(0)
        for j in range(20000):
            term *= 2 * (2 * j + 1) / mp.mpf(j + 2) / 4
            previous, total = total, total + term
            n = j + 1
            if n in (100, 1000, 20000) and not (0 < 2 - total <= 2 / mp.sqrt(mp.pi * n) and total > previous):
                return False
        return True


def _catalan_wide():
    """At x = -1/2 the terms C_j (-1/2)^j grow like 2^j j^(-3/2): divergent, against sqrt(3) - 1."""
    return _terms_grow(lambda j: mp.binomial(2 * j, j) / (j + 1) * mp.mpf(2) ** -j, mp.sqrt(3) - 1)


def _jxj_inside():
    """sum j x^j = x/(1 - x)^2 at x in (-0.95, 0.95)."""
    with mp.workdps(50):
        for x in map(mp.mpf, ("-0.95", "-1/2", "1/3", "0.9", "0.95")):
            total = _series(x, lambda j: (j + 2) / mp.mpf(j + 1) * x)
            if total is None or abs(total - x / (1 - x) ** 2) > mp.mpf(10) ** -30:
                return False
        return True


def _sine_product():
    """prod (1 - 1/(9 j^2)) = sin(pi/3)/(pi/3) (mpmath's nprod), 0.8270, not 3/pi = 0.9549."""
    with mp.workdps(30):
        p = mp.nprod(lambda j: 1 - 1 / (9 * j**2), [1, mp.inf])
        return abs(p - 3 * mp.sqrt(3) / (2 * mp.pi)) < mp.mpf(10) ** -20 and abs(p - 3 / mp.pi) > mp.mpf(1) / 10


def _grows(partials, other):
    """Partial integrals (a list, cut-offs further out) that grow past 1e3 without bound, and a finite other side."""
    return all(abs(b) > abs(a) for a, b in itertools.pairwise(partials)) and abs(partials[-1]) > 1000 and mp.isfinite(other)


def _quad(f, points):
    return mp.quad(f, points)


def _close(a, b, digits=20):
    return abs(a - b) <= mp.mpf(10) ** -digits * max(1, abs(b))


def _gamma_integral():
    """int_0^oo x^(a-1) e^(-bx) dx = Gamma(a)/b^a by quadrature after x = u^(1/a), which leaves the smooth
    int_0^oo e^(-b u^(1/a)) du/a (no singularity at 0 for a < 1)."""
    with mp.workdps(30):
        for a in map(mp.mpf, ("1/3", "1/2", "1", "5/2", "7")):
            for b in map(mp.mpf, ("1/10", "1", "3", "100")):
                scale = b ** -a  # where b u^(1/a) = 1
                direct = _quad(lambda u: mp.exp(-b * u ** (1 / a)) / a, [0, scale, 10 * scale, 100 * scale, mp.inf])
                if not _close(direct, mp.gamma(a) / b**a, 15):
                    return False
        return True


def _gamma_integral_wide():
    """At a = -1/2, b = 1: int_eps^1 x^(-3/2) e^-x dx >= e^-1 (2/sqrt(eps) - 2) grows as eps -> 0; Gamma(-1/2) = -2 sqrt(pi)."""
    with mp.workdps(30):
        partials = [_quad(lambda x: x ** mp.mpf(-1.5) * mp.exp(-x), [mp.mpf(10) ** -k, 1]) for k in (2, 6, 10, 14)]
        return _grows(partials, mp.gamma(mp.mpf(-0.5)))


def _mellin():
    """int_0^oo x^(a-1)/(1 + x) dx = pi/sin(pi a) at a in (0, 1) (x = e^u: int e^(au)/(1 + e^u) du)."""
    with mp.workdps(30):
        for a in map(mp.mpf, ("1/10", "1/3", "1/2", "2/3", "9/10")):
            q = _quad(lambda u: mp.exp(a * u) / (1 + mp.exp(u)), [-mp.inf, -10, 0, 10, mp.inf])
            if not _close(q, mp.pi / mp.sin(mp.pi * a), 15):
                return False
        return True


def _mellin_wide():
    """At a = 3/2: int_0^T x^(1/2)/(1 + x) dx grows like 2 sqrt(T); the right side pi/sin(3pi/2) = -pi."""
    with mp.workdps(30):
        partials = [_quad(lambda x: mp.sqrt(x) / (1 + x), [0, 1, T]) for T in (10**2, 10**4, 10**6, 10**8)]
        return _grows(partials, mp.pi / mp.sin(3 * mp.pi / 2))


def _gauss_negative():
    """At a = -1: int_-T^T e^(x^2) dx grows without bound; sqrt(pi)/sqrt(|a|) = sqrt(pi)."""
    with mp.workdps(30):
        partials = [_quad(lambda x: mp.exp(x**2), [-T, 0, T]) for T in (2, 4, 8, 16)]
        return _grows(partials, mp.sqrt(mp.pi))


def _gauss_cos(exponent_half):
    """int e^(-x^2/2) cos(t x) dx at t in {0, 1/2, 1, 3, 10} (quadrature on [-40, 40] in 160 pieces) against
    sqrt(2 pi) e^(-t^2/2); the claim with e^(-t^2) is checked at t = 1 only (its witness)."""
    with mp.workdps(30):
        cuts = [mp.mpf(k) / 2 - 40 for k in range(161)]
        ts = ("0", "1/2", "1", "3", "10") if exponent_half else ("1",)
        for t in map(mp.mpf, ts):
            q = _quad(lambda x: mp.exp(-x**2 / 2) * mp.cos(t * x), cuts)
            truth = mp.sqrt(2 * mp.pi) * mp.exp(-t**2 / 2)
            if not _close(q, truth, 15):
                return False
            if not exponent_half:
                return abs(q - mp.sqrt(2 * mp.pi) * mp.exp(-t**2)) > mp.mpf(1) / 10
        return True


def _diff_under_integral():
    """d/dt int_0^oo e^(-t x^2) dx by a central quotient of two quadratures (h = 1e-12 at 40 digits) against
    -sqrt(pi)/(4 t^(3/2)) at t in {1/3, 1, 4}."""
    with mp.workdps(40):
        for t in map(mp.mpf, ("1/3", "1", "4")):
            F = lambda s: _quad(lambda x: mp.exp(-s * x**2), [0, 1 / mp.sqrt(s), 10 / mp.sqrt(s), mp.inf])
            h = mp.mpf(10) ** -12
            if not _close((F(t + h) - F(t - h)) / (2 * h), -mp.sqrt(mp.pi) / (4 * t**1.5), 15):
                return False
        return True


def _tower_gauss():
    """int (a^2 x^2 + s^2) phi(x) dx = a^2 + s^2 at a in {0, 1/2, 3}, s in {1/10, 1, 5} (and E[a^2 X^2] = a^2 alone)."""
    with mp.workdps(30):
        for a, s in itertools.product(map(mp.mpf, ("0", "1/2", "3")), map(mp.mpf, ("1/10", "1", "5"))):
            q = _quad(lambda x: (a**2 * x**2 + s**2) * mp.npdf(x), [-mp.inf, -5, 0, 5, mp.inf])
            if not _close(q, a**2 + s**2, 20):
                return False
        return True


def _memoryless():
    """int_t^oo x lam e^(-lam x) dx / e^(-lam t) = t + 1/lam at lam in {1/3, 1, 5}, t in {-3, 0, 1/2, 2, 10}."""
    with mp.workdps(30):
        for lam, t in itertools.product(map(mp.mpf, ("1/3", "1", "5")), map(mp.mpf, ("-3", "0", "1/2", "2", "10"))):
            q = _quad(lambda x: x * lam * mp.exp(-lam * x), [t, t + 1 / lam, t + 10 / lam, mp.inf]) / mp.exp(-lam * t)
            if not _close(q, t + 1 / lam, 20):
                return False
        return True


def _truncated_normal():
    """int_c^oo x e^(-x^2/2) dx / int_c^oo e^(-x^2/2) dx = phi(c)/(1 - Phi(c)) at c in {-3, -1, 0, 1/2, 2, 5}."""
    with mp.workdps(30):
        for c in map(mp.mpf, ("-3", "-1", "0", "1/2", "2", "5")):
            pts = [c, c + 1, c + 10, mp.inf]
            q = _quad(lambda x: x * mp.exp(-x**2 / 2), pts) / _quad(lambda x: mp.exp(-x**2 / 2), pts)
            if not _close(q, mp.npdf(c) / (1 - mp.ncdf(c)), 20):
                return False
        return True


def _poisson_second():
    """sum j^2 e^-lam lam^j/j! = lam + lam^2 at lam in {1/3, 1, 9/2, 20} (terms built by their ratio)."""
    with mp.workdps(50):
        for lam in map(mp.mpf, ("1/3", "1", "9/2", "20")):
            term, total = mp.exp(-lam), mp.mpf(0)
            for j in range(1, 400):
                term *= lam / j
                total += j * j * term
            if not _close(total, lam + lam**2, 30):
                return False
        return True


def _log_power_falls():
    """log(x)^10/x^(1/10) at x = e^t is t^10 e^(-t/10): 1e20 e^-10 at t = 100 (its maximum), then 1e30 e^-100, 1e40 e^-1000, 1e50 e^-10000:
    it falls to 0 (and is still growing at the walker's x = 1e16, t = 36.8): the limit is 0, so the claim "== 0"
    holds and the claim "== oo" fails."""
    with mp.workdps(30):
        values = [mp.mpf(t) ** 10 * mp.exp(-mp.mpf(t) / 10) for t in (10**3, 10**4, 10**5)]
        falls = values[0] > values[1] > values[2] and values[2] < mp.mpf(10) ** -300
        return falls


def _e_factorial():
    """e n! = (an integer) + r_n with r_n = sum_{k > n} n!/k! = 1/(n+1) + 1/((n+1)(n+2)) + ... (the terms k <= n of
    e = sum 1/k! give integers): checked directly at n = 5, 10, 20 with 200 digits; then n sin(2 pi r_n) at
    n = 1e3, 1e6, 1e9, 1e12 approaches 2 pi (the gap falls like 1/n^2)."""
    def r(n):
        term, total = mp.mpf(1), mp.mpf(0)
        for k in range(1, 60):
            term /= n + k
            total += term
            if term < mp.mpf(10) ** -80:
                break
        return total
    with mp.workdps(200):
        for n in (5, 10, 20):
            direct = mp.e * mp.factorial(n)
            if abs((direct - mp.floor(direct)) - r(n)) > mp.mpf(10) ** -75:  # r(n) stops at a term below 1e-80
                return False
    with mp.workdps(60):
        gaps = [abs(n * mp.sin(2 * mp.pi * r(n)) - 2 * mp.pi) for n in map(mp.mpf, ("1e3", "1e6", "1e9", "1e12"))]
        return gaps[0] > gaps[1] > gaps[2] > gaps[3] and gaps[3] < mp.mpf(10) ** -10


SPECIAL = {
    "sr-h15-binom-alt": lambda: _binomial_sum("sr-h15-binom-alt"),
    "sr-h15-binom-mean-ok": lambda: _binomial_sum("sr-h15-binom-mean-ok"),
    "sr-h15-binom-recip": lambda: _binomial_sum("sr-h15-binom-recip"),
    "sr-h15-hockey": _hockey,
    "sr-h15-negbin-gf": _negbin_inside,
    "sr-h15-negbin-gf-edge": lambda: _terms_grow(lambda j: mp.mpf(j + 1), mp.mpf(1) / 4),
    "sr-h15-negbin-gf-edge-small-r": _negbin_small_r_edge,
    "sr-h15-catalan-gf": _catalan,
    "sr-h15-catalan-gf-wide": _catalan_wide,
    "sr-h15-series-jxj-edge": lambda: _terms_grow(lambda j: mp.mpf(j), -mp.mpf(1) / 4),
    "sr-h15-series-jxj": _jxj_inside,
    "sr-h15-sine-prod": _sine_product,
    "ca-h15-gamma-int": _gamma_integral,
    "ca-h15-gamma-int-wide": _gamma_integral_wide,
    "ca-h15-mellin": _mellin,
    "ca-h15-mellin-wide": _mellin_wide,
    "ca-h15-gauss-abs": _gauss_negative,
    "ca-h15-gauss-cos": lambda: _gauss_cos(True),
    "ca-h15-gauss-cos-var": lambda: _gauss_cos(False),
    "ca-h15-diff-under-int": _diff_under_integral,
    "dl-h15-tower-gauss": _tower_gauss,
    "dl-h15-memoryless": _memoryless,
    "dl-h15-trunc-normal": _truncated_normal,
    "dl-h15-poisson-second": _poisson_second,
    "lim-h15-log-power": _log_power_falls,
    "lim-h15-log-power-oo": _log_power_falls,
    "lim-h15-e-factorial": _e_factorial,
}

check = r7.special_first(SPECIAL, r12.check)


def main(argv):
    return r7.run(CLAIMS, check, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
