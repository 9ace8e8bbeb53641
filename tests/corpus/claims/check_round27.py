"""Independent mpmath checks (no sympy, no Formulary) of every round-27 label.

    python3 tests/corpus/claims/check_round27.py [--id ID]

Round 12's checks (round 7's as-written walker on its grid, with the functions of rounds 8 to 11 and round 25's
polygamma) confirm most labels: a false claim at its witness (1200 and 2400 digits), a true one on the grid.  The grid
proves nothing between its points, so the true claims whose margin is thin are checked by hand (``SPECIAL``):

* Max(x, e^-x) >= 0.5671432904 and Max(x, cos x) >= 0.7390851332 (x >= 0): the crossing (Omega = W(1), the Dottie
  number) to 40 digits, above the bound, and the monotonicity in each ``why`` (e^-x and cos decrease where they are
  the larger argument);
* e^-x + x^2/2 >= 0.7279690453: convex, so its minimum is at Omega; the value there, above the bound;
* sin x/x >= -0.2172336292 (x != 0): even; on (0, 4.62] a cover by cells of width 1/10000 with |f''| <= 1/3
  (f(x) = int_0^1 cos(xt) dt, so |f''| <= int_0^1 t^2 dt): on a cell f >= its chord - (1/3) h^2/8; beyond 4.62,
  sin x/x >= -1/x > -0.2165;
* Gauss's triplication and psi(x + 1) - psi(1 - x) = 1/x - pi cot(pi x) at rationals and at far or tiny points with
  enough digits for their cancellation (the walker's 1e30 and 1e-300 cost more digits than it keeps);
* psi'(x) + psi'(1 - x) = pi^2/sin^2(pi x) at 96 rationals of (0, 1) and near both ends (120 digits);
* the nested radicals' sum on [1, 1e300] with the digits its cancellation needs;
* the Heaviside claims under each convention H(0) = 0, 1/2, 1 on the grid (true for all three);
* the sums with symbolic bounds exactly (``fractions``, ``math.comb``) for every n up to 60, and the trigamma sum
  against mpmath's polygamma at x in a grid of rationals, n up to 40;
* log-sum-exp at size 3 on a 9^3 grid of points besides the walker's (a, b, c from -7 to 7, the diagonal included).

Decimal bounds are read as the decimals written; the walker's float literals differ from them by < 1e-16, far below
every margin here (>= 5e-11).
"""
import fractions
import itertools
import json
import math
import pathlib
import sys

import mpmath as mp

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import check_round7 as r7  # the walker; it imports nothing from Formulary
import check_round8 as r8  # Heaviside's H(0), which the Heaviside claims vary
import check_round12 as r12  # round 11's checks and round 12's hand-written ones
import check_round25  # noqa: F401  (registers polygamma with the walker)

CLAIMS = [json.loads(line) for line in (HERE / "heldout_round27.jsonl").read_text().splitlines()]
BY_ID = {c["id"]: c for c in CLAIMS}
F = fractions.Fraction


def _crossing(g, start, bound):
    """The root of x = g(x) near ``start`` at 40 digits, checked by its residual, strictly above ``bound``."""
    with mp.workdps(40):
        r = mp.findroot(lambda x: x - g(x), start)
        return abs(r - g(r)) < mp.mpf(10) ** -35 and r > mp.mpf(bound)


def _omega_min():
    with mp.workdps(40):
        w = mp.lambertw(1).real
        return abs(w * mp.exp(w) - 1) < mp.mpf(10) ** -35 and mp.exp(-w) + w**2 / 2 > mp.mpf("0.7279690453")


def _sinc_min(end=mp.mpf("4.62"), cells=46200, bound=mp.mpf("-0.2172336292")):
    with mp.workdps(25):
        f = lambda x: mp.sin(x) / x
        h = end / cells
        lo = min(min(f(k * h), f((k + 1) * h)) for k in range(1, cells)) - h**2 / 24  # chord min - (1/3) h^2/8
        first = 1 - h**2 / 6  # on (0, h]: sin x/x >= 1 - x^2/6 (alternating series)
        return lo > bound and first > 0 and -1 / end > bound


def _heaviside_all(claim_id):
    def check():
        ok = True
        for at_zero in (mp.mpf(0), mp.mpf(1) / 2, mp.mpf(1)):
            r8.HEAVISIDE_AT_ZERO[0], saved = at_zero, r8.HEAVISIDE_AT_ZERO[0]
            try:
                answer, how = r12.check(BY_ID[claim_id])
                ok &= answer and "fails" not in how
            finally:
                r8.HEAVISIDE_AT_ZERO[0] = saved
        return ok
    return check


def _comb(n, k):
    return math.comb(n, k) if 0 <= k <= n else 0


def _kbinom(upto=60):
    return all(sum(k * _comb(n, k) for k in range(n + 1)) == F(n * 2**n, 2) for n in range(upto + 1))


def _alt_kbinom(upto=60):
    return all(sum((-1) ** k * k * _comb(n, k) for k in range(n + 1)) == 0 for n in range(2, upto + 1))


def _trigamma_sum(upto=40):
    with mp.workdps(40):
        ok = True
        for x in (mp.mpf(1) / 7, mp.mpf(1) / 2, mp.mpf(1), mp.mpf(5) / 3, mp.mpf(10), mp.mpf(1000)):
            s = mp.mpf(0)
            for n in range(1, upto + 1):
                s += 1 / (x + n - 1) ** 2
                ok &= abs(s - (mp.polygamma(1, x) - mp.polygamma(1, x + n))) < mp.mpf(10) ** -30
        return ok


def _lse(sign_ok):
    def check():
        with mp.workdps(30):
            vals = [mp.mpf(v) / 2 for v in range(-14, 15, 7)] + [mp.mpf("0.001"), mp.mpf(3)]
            return all(sign_ok(a, b, c) for a, b, c in itertools.product(vals, repeat=3))
    return check


def _lse_max(a, b, c):
    return mp.log(mp.exp(a) + mp.exp(b) + mp.exp(c)) <= max(a, b, c) + mp.log(3) + mp.mpf(10) ** -25


def _lse_mean(a, b, c):
    return mp.log(mp.exp(a) + mp.exp(b) + mp.exp(c)) >= (a + b + c) / 3 + mp.log(3) - mp.mpf(10) ** -25


def _triplication():
    """Gauss's multiplication formula at n = 3 (a theorem) at rationals and far points, 80 digits: the walker's grid
    point 1e30 costs more digits than it keeps (Gamma(3e30) against 3^(-3e30))."""
    with mp.workdps(80):
        xs = [mp.mpf(p) / q for p in range(1, 40) for q in (1, 2, 3, 7)] + [mp.mpf(10) ** k for k in range(-20, 7)]
        return all(abs(mp.loggamma(x) + mp.loggamma(x + mp.mpf(1) / 3) + mp.loggamma(x + mp.mpf(2) / 3)
                       - (mp.log(2 * mp.pi) + (mp.mpf(1) / 2 - 3 * x) * mp.log(3) + mp.loggamma(3 * x)))
                   < mp.mpf(10) ** -60 * max(1, abs(x * mp.log(x))) for x in xs)


def _psi_reflection_shift():
    """psi(x + 1) - psi(1 - x) against 1/x - pi cot(pi x) on (0, 1), down to x = 1e-30, with digits for the
    cancellation (both sides are about pi^2 x/3 near 0; the walker's grid point 1e-300 cancels 600 digits)."""
    ok = True
    for x in [mp.mpf(p) / 97 for p in range(1, 97)] + [mp.mpf(10) ** -k for k in (5, 10, 20, 30)]:
        with mp.workdps(150):
            x = +x
            lhs = mp.digamma(x + 1) - mp.digamma(1 - x)
            rhs = 1 / x - mp.pi * mp.cos(mp.pi * x) / mp.sin(mp.pi * x)
            ok &= abs(lhs - rhs) < mp.mpf(10) ** -50 * max(abs(lhs), mp.mpf(10) ** -40)
    return ok


def _nested_sum():
    """sqrt(x + sqrt(x^2 - 1)) + sqrt(x - sqrt(x^2 - 1)) against sqrt(2x + 2) on [1, 1e300], with twice the digits of
    x and 50 more (x - sqrt(x^2 - 1) = 1/(x + sqrt(x^2 - 1)) cancels about 2 log10 x digits; the walker keeps 500)."""
    ok = True
    xs = [1 + mp.mpf(p) / 16 for p in range(0, 160)] + [mp.mpf(10) ** k for k in (3, 10, 30, 100, 300)]
    for x in xs:
        with mp.workdps(int(2 * mp.log10(x)) + 60):
            x = +x
            r = mp.sqrt(x**2 - 1)
            ok &= abs(mp.sqrt(x + r) + mp.sqrt(x - r) - mp.sqrt(2 * x + 2)) < mp.mpf(10) ** -45 * mp.sqrt(x)
    return ok


def _trigamma_reflection():
    """psi'(x) + psi'(1 - x) against pi^2/sin^2(pi x) on (0, 1), down to 1e-30 from either end (the
    walker's grid has too few points in (0, 1) that it settles); 120 digits: sin(pi x) at x = 1 - 1e-30 cancels 30."""
    ok = True
    with mp.workdps(120):
        xs = [mp.mpf(p) / 97 for p in range(1, 97)] + [mp.mpf(10) ** -k for k in (5, 10, 30)]
        for x in xs + [1 - x for x in xs[-3:]]:
            lhs, rhs = mp.polygamma(1, x) + mp.polygamma(1, 1 - x), mp.pi**2 / mp.sin(mp.pi * x) ** 2
            ok &= abs(lhs - rhs) < mp.mpf(10) ** -45 * rhs
    return ok


SPECIAL = {
    "sf-h27-trigamma-refl": _trigamma_reflection,
    "rd-h27-nested-sum": _nested_sum,
    "sf-h27-triplication": _triplication,
    "sf-h27-psi-refl-shift": _psi_reflection_shift,
    "kk-h27-max-omega": lambda: _crossing(lambda x: mp.exp(-x), 0.5, "0.5671432904"),
    "kk-h27-max-dottie": lambda: _crossing(mp.cos, 0.7, "0.7390851332"),
    "cp-h27-omega-min": _omega_min,
    "cp-h27-sinc-min": _sinc_min,
    "st-h27-heav-prod-shift": _heaviside_all("st-h27-heav-prod-shift"),
    "st-h27-heav-window": _heaviside_all("st-h27-heav-window"),
    "sr-h27-trigamma-sum": _trigamma_sum,
    "sr-h27-kbinom-sum": _kbinom,
    "bd-h27-alt-kbinom-2": _alt_kbinom,
    "sm-h27-lse3-max": lambda: _lse(_lse_max)() and r12.check(BY_ID["sm-h27-lse3-max"])[0],
    "sm-h27-lse3-mean": lambda: _lse(_lse_mean)() and r12.check(BY_ID["sm-h27-lse3-mean"])[0],
}

check = r7.special_first(SPECIAL, r12.check)


def main(argv):
    return r7.run(CLAIMS, check, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
