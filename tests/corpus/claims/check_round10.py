"""Independent mpmath checks (no sympy, no Formulary) of every round-10 label.

    python3 tests/corpus/claims/check_round10.py [--id ID]

It reuses round 9's checks (round 7's as-written walker over Python's ``ast``, round 8's functions, a derivative
that exists only where the forward, backward and central quotients agree, one-sided limits from their side), and
checks by hand (``SPECIAL``) what its grid cannot reach:

* the extrema of GELU and SiLU, found as a root of the derivative at 50 digits and compared with the bound;
* ``(1 + 1/x)^x`` against ``2.7182818284`` and ``sqrt(x^2 + y) - x`` against ``(y/2x)(1 - 1e-20)``, whose failures
  lie at x = 2.3e10 and y/x^2 < 4e-20, far from any grid point;
* ``|x|^p`` for ``p > 1`` at x = 0, where a numerical quotient at p = 1 + 1e-7 cannot tell a derivative 0 from a kink;
* the Gibbs bound of label smoothing, whose equality lies at an irrational z.
"""
import json
import pathlib
import sys

import mpmath as mp

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import check_round7 as r7  # the walker; it imports nothing from Formulary
import check_round9 as r9  # round 9's derivative and limit, round 8's functions


def _extremum(f, start, bound, strict, label):
    """min f (a root of f' near ``start``, at 50 digits) against ``bound``: ``f > bound`` (or ``>=``) is ``label``."""
    with mp.workdps(50):
        x0 = mp.findroot(lambda t: mp.diff(f, t), start)
        low = f(x0)
        # and it is the global minimum: f is above it on a wide grid
        assert all(f(mp.mpf(k) / 50) >= low for k in range(-2000, 2001))
        holds = low > mp.mpf(bound) if strict else low >= mp.mpf(bound)
        return holds is label


def _euler_far():
    """(1 + 1/x)^x < 2.7182818284 fails at x = 1e12 (e(1 - 1/(2x)) is within 1.4e-12 of e there, at 60 digits)."""
    with mp.workdps(60):
        x = mp.mpf(10) ** 12
        return not ((1 + 1 / x) ** x < mp.mpf("2.7182818284"))


def _sqrt_scale(label):
    """sqrt(x^2 + y) - x against (y/2x)(1 - 1e-20) at the witness x = 1, y = 1e-30 (false) or, for the true
    version (bound y/(2x)), at scale pairs x, y = 10^a, 10^b with a, b in -40..40 (sqrt(x^2 + y) > x)."""
    with mp.workdps(400):
        if label is False:
            x, y = mp.mpf(1), mp.mpf(10) ** -30
            return not (mp.sqrt(x**2 + y) - x < (y / (2 * x)) * (1 - mp.mpf(10) ** -20))
        pts = [(mp.mpf(10) ** a, mp.mpf(10) ** b) for a in range(-40, 41, 4) for b in range(-40, 41, 4)]
        return all(mp.sqrt(x**2 + y) - x < y / (2 * x) for x, y in pts)


def _abs_p():
    """d/dx |x|^p = p sign(x)|x|^(p-1) for p > 1: away from 0 on the grid (the walker), and at 0 the quotient
    |h|^p/h = sign(h)|h|^(p-1) -> 0 for every p > 1 (at h = 10^-k it is 10^(-k(p-1)), shown for p = 1 + 1e-3)."""
    claim = next(c for c in CLAIMS if c["id"] == "pw-h10-abs-p-gt1")
    away = [p for p in r7.grid(claim) if mp.mpf(r7.value(p["x"], {})) != 0 and abs(mp.mpf(r7.value(p["x"], {}))) < 10**6]
    grid_ok = len(away) >= 20 and all(r7.holds_at(claim, p, strict_tie_fails=False) is not False for p in away)
    with mp.workdps(50):
        q = [mp.mpf(10) ** (-k * mp.mpf("1e-3")) for k in (10**3, 10**4, 10**5)]
        return grid_ok and q[0] > q[1] > q[2] and q[2] < mp.mpf(10) ** -99


def _gibbs():
    """-(a log s(z) + b log s(-z)) >= -(a log a + b log b) with a = 1 - e/2, b = e/2: at e in (0, 1) and z on a grid,
    and at the minimiser z = log(a/b) (equality to 50 digits)."""
    with mp.workdps(50):
        ok = True
        for e in (mp.mpf(10) ** -8, mp.mpf(1) / 3, mp.mpf(1) / 2, 1 - mp.mpf(10) ** -8):
            a, b = 1 - e / 2, e / 2
            H = -(a * mp.log(a) + b * mp.log(b))
            L = lambda z, a=a, b=b: -(a * mp.log(1 / (1 + mp.exp(-z))) + b * mp.log(1 / (1 + mp.exp(z))))
            ok &= all(L(mp.mpf(k) / 7) >= H for k in range(-200, 201))
            ok &= abs(L(mp.log(a / b)) - H) < mp.mpf(10) ** -45
        return ok


def _temperature_limit():
    """exp(x/t)/(exp(x/t) + exp(y/t)) -> 1 as t -> 0+ for x > y: for t > 0 the ratio is 1/(1 + exp(-(x - y)/t))
    (divide by exp(x/t) > 0), within 1e-400 of 1 once t <= (x - y)/1000; at pairs x > y of the grid."""
    with mp.workdps(60):
        vals = [mp.mpf(r7.value(v, {})) for v in r7.GRID]
        pairs = [(a, b) for a in vals for b in vals if a > b]
        return all(abs(1 / (1 + mp.exp(-(a - b) / ((a - b) / mp.mpf(10) ** k))) - 1) < mp.mpf(10) ** -400
                   for a, b in pairs for k in (3, 6))


def _geom_limit():
    """(1 - r^(n+1))/(1 - r) = 1 + r + ... + r^n for r != 1, so its limit at r = 1 is n + 1: the quotient at
    r = 1 +- 10^-60 is within 1e-50 of n + 1 for n = 1 .. 200 (100 digits), and the polynomial identity holds at
    r = 3/7 exactly (rationals) for n = 1 .. 60."""
    from fractions import Fraction
    exact = all((1 - Fraction(3, 7) ** (n + 1)) / (1 - Fraction(3, 7)) == sum(Fraction(3, 7) ** k for k in range(n + 1))
                for n in range(1, 61))
    with mp.workdps(100):
        near = all(abs((1 - r ** (n + 1)) / (1 - r) - (n + 1)) < mp.mpf(10) ** -50
                   for n in range(1, 201) for r in (1 + mp.mpf(10) ** -60, 1 - mp.mpf(10) ** -60))
    return exact and near


def _polya():
    """erf x <= sqrt(1 - exp(-4x^2/pi)) for x >= 0, at 2000 digits (at x = 1e-300 both sides are 2x/sqrt(pi) to
    600 digits: the gap is 2x/sqrt(pi) (1/3 - 1/pi) x^2), on the grid's non-negative points and 1/7 .. 10."""
    with mp.workdps(2000):
        pts = [mp.mpf(r7.value(v, {})) for v in r7.GRID] + [mp.mpf(k) / 7 for k in range(1, 71)]
        return all(mp.erf(x) <= mp.sqrt(1 - mp.exp(-4 * x**2 / mp.pi)) for x in pts if 0 <= x < 10**6)


CLAIMS = [json.loads(line) for line in (HERE / "heldout_round10.jsonl").read_text().splitlines()]
_gelu = lambda t: t * mp.erfc(-t / mp.sqrt(2)) / 2
_silu = lambda t: t / (1 + mp.exp(-t))
SPECIAL = {
    "dl-h10-gelu-min-ok": lambda: _extremum(_gelu, -0.75, "-0.16997120748", True, True),
    "dl-h10-gelu-min-bad": lambda: _extremum(_gelu, -0.75, "-0.1699712074799", True, False),
    "dl-h10-silu-min-ok": lambda: _extremum(_silu, -1.28, "-0.2784645427610738", False, True),
    "dl-h10-silu-min-bad": lambda: _extremum(_silu, -1.28, "-0.27846454276107379", True, False),
    "th-h10-euler-limit-far": _euler_far,
    "th-h10-sqrt-scale-ok": lambda: _sqrt_scale(True),
    "th-h10-sqrt-scale-bad": lambda: _sqrt_scale(False),
    "pw-h10-abs-p-gt1": _abs_p,
    "dl-h10-ls-gibbs": _gibbs,
    "dl-h10-attn-temp-limit": _temperature_limit,
    "sr-h10-geom-limit-r1": _geom_limit,
    "sf-h10-polya-erf": _polya,
}


check = r7.special_first(SPECIAL, r9.check)


def main(argv):
    return r7.run(CLAIMS, check, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
