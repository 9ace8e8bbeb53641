"""Independent mpmath checks (no sympy, no Formulary) of every round-11 label.

    python3 tests/corpus/claims/check_round11.py [--id ID]

It reuses round 10's checks (round 7's as-written walker over Python's ``ast``, round 8's functions, round 9's
derivative that exists only where the forward, backward and central quotients agree, one-sided limits), adds the
functions round 11 writes (``sinh``, ``asinh``, ``acosh``, ``atanh``, ``asin``, ``atan2``, each undefined outside its
real domain, ``atan2(0, 0)`` included), and checks by hand (``SPECIAL``) what its grid cannot reach:

* the smoothed norm's gradient ``x/sqrt(x^2 + 1e-80)`` at x = 1e-30 (the walker refuses to differentiate there);
* a finite attention mask -1e4, whose weight e^-10000 = 10^-4343 needs more digits than the walker's 2400;
* the AM-GM gap ``(sqrt x - sqrt y)^2/2`` at y = 1e30, x - y = 1e-40, and the softplus tail ``log(1 + e^-x)``
  against 1e-300 from x = 691 (at points between the grid's);
* identities whose sides cancel more digits than the walker allows far out or near 0 (``log(e^x - 1)`` at 1e-300,
  softplus inverted at -1e300), re-checked with ``expm1``/``log1p``;
* the gradient of the Euclidean norm at (0, 1e-300) (the walker's step is far wider than the curvature), a masked
  key's weight ``e^-oo = 0`` (the walker reads an infinite argument as undefined), and three claims whose assumptions
  no point of the walker's 4-variable grid satisfies (checked at random rational points, exactly).
"""
import json
import pathlib
import sys

import mpmath as mp

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import check_round7 as r7  # the walker; it imports nothing from Formulary
import check_round10 as r10  # round 9's derivative and limit, round 8's functions, round 10's checks


def _domain(f, ok, what):
    def g(*a):
        if not ok(*a):
            raise r7.Undefined(what)
        return f(*a)
    return g


r7.FUNCS.update({
    "sinh": mp.sinh,
    "asinh": mp.asinh,
    "acosh": _domain(mp.acosh, lambda a: a >= 1, "acosh below 1"),
    "atanh": _domain(mp.atanh, lambda a: -1 < a < 1, "atanh outside (-1, 1)"),
    "asin": _domain(mp.asin, lambda a: -1 <= a <= 1, "asin outside [-1, 1]"),
    "atan2": _domain(mp.atan2, lambda y, x: not (x == 0 and y == 0), "atan2(0, 0)"),
})


def _smooth_norm_grad():
    """d/dx sqrt(x^2 + e) = x/sqrt(x^2 + e) (chain rule), checked against a central quotient at x = 1e-30 with step
    1e-50, and 1 - it at x = 1e-30, e = 1e-80 is e/(2x^2) ~ 5e-21 > 1e-30: the claim fails there."""
    with mp.workdps(200):
        e, x, h = mp.mpf(10) ** -80, mp.mpf(10) ** -30, mp.mpf(10) ** -50
        g = x / mp.sqrt(x**2 + e)
        q = (mp.sqrt((x + h) ** 2 + e) - mp.sqrt((x - h) ** 2 + e)) / (2 * h)
        return abs(g - q) < mp.mpf(10) ** -60 and not (abs(g) > 1 - mp.mpf(10) ** -30)


def _mask(bound, strict, label):
    """exp(x)/(exp(x) + exp(x - 10000)) = 1/(1 + e^-10000) for every x (divide by e^x > 0) against 1 - e^-bound,
    at 6000 digits (the sides differ near the 4300th)."""
    with mp.workdps(6000):
        v = 1 / (1 + mp.exp(-10000))
        b = 1 - mp.exp(-bound)
        return ((v > b) if strict else (v >= b)) is label


def _amgm_far():
    with mp.workdps(300):
        y = mp.mpf(10) ** 30
        x = y + mp.mpf(10) ** -40
        return not ((x + y) / 2 - mp.sqrt(x * y) >= mp.mpf(10) ** -100)


def _softplus_tail(start, label):
    """log(1 + e^x) - x = log(1 + e^-x) decreases in x; at ``start`` compare it with 1e-300 (and at points beyond)."""
    with mp.workdps(400):
        pts = [mp.mpf(start) + k for k in (0, mp.mpf(1) / 3, 1, 10, 10**6)]
        holds = all(mp.log(1 + mp.exp(x)) <= x + mp.mpf(10) ** -300 for x in pts)
        return holds is label


def _expm1_log():
    """log(e^x - 1) = x + log(1 - e^-x): for x > 0 both are log(expm1 x) (expm1 keeps the digits e^x - 1 cancels at
    1e-300); for x <= 0 both logs are of non-positive numbers."""
    with mp.workdps(100):
        pts = [mp.mpf(r7.value(v, {})) for v in r7.GRID]
        ok = all(abs(mp.log(mp.expm1(x)) - (x + mp.log(-mp.expm1(-x)))) < mp.mpf(10) ** -80 * max(1, abs(x))
                 for x in pts if x > 0)
        return ok and all(mp.expm1(x) <= 0 and -mp.expm1(-x) <= 0 for x in pts if x <= 0)


def _softplus_inverse():
    """log(e^softplus(x) - 1) = x: e^softplus(x) - 1 = expm1(log1p(e^x)) = e^x, at 100 digits without cancellation."""
    with mp.workdps(100):
        pts = [mp.mpf(r7.value(v, {})) for v in r7.GRID]
        return all(abs(mp.log(mp.expm1(mp.log1p(mp.exp(x)))) - x) < mp.mpf(10) ** -80 * max(1, abs(x)) for x in pts)


def _norm_grad():
    """d/dx sqrt(x^2 + y^2) = x/sqrt(x^2 + y^2): one-sided quotients with a step 1e-30 of the point's scale agree with
    it away from the origin (at x = 0, y = 1e-300 the walker's fixed step 1e-166 is far wider than the curvature);
    at the origin the quotients are -1 and 1 (no derivative) and the right side is 0/0: both undefined."""
    vals = [mp.mpf(r7.value(v, {})) for v in r7.GRID[:24]]
    with mp.workdps(120):
        f = lambda x, y: mp.sqrt(x**2 + y**2)
        for x in vals:
            for y in vals:
                if x == 0 and y == 0:
                    h = mp.mpf(10) ** -30
                    if (f(h, 0) - f(0, 0)) / h != 1 or (f(0, 0) - f(-h, 0)) / h != -1:
                        return False
                    continue
                h = mp.mpf(10) ** -30 * max(abs(x), abs(y))
                want = x / f(x, y)
                for q in ((f(x + h, y) - f(x, y)) / h, (f(x, y) - f(x - h, y)) / h):
                    if abs(q - want) > mp.mpf(10) ** -25:
                        return False
        return True


def _masked():
    """(e^a v + e^-oo w)/(e^a + e^-oo) = v with e^-oo = 0 (a masked key): (e^a v)/e^a at grid triples (the walker
    reads e^-oo as undefined: an infinite argument)."""
    vals = [mp.mpf(r7.value(v, {})) for v in r7.GRID[:24]]
    with mp.workdps(60):
        z = mp.exp(-mp.inf)
        return z == 0 and all(abs((mp.exp(a) * v + z * w) / (mp.exp(a) + z) - v) <= mp.mpf(10) ** -50 * max(1, abs(v))
                              for a in vals for v in vals[:8] for w in vals[:8])


def _exact_points(claim_id, count=400):
    """The claim at random rational points inside its assumptions, exactly (fractions), as Python comparisons."""
    import fractions
    import random
    rng = random.Random(11)
    claim = next(c for c in CLAIMS if c["id"] == claim_id)
    checks = {
        "ca-h11-complete-square": (lambda a, b, c, x: a != 0,
                                   lambda a, b, c, x: a * x**2 + b * x + c == a * (x + b / (2 * a)) ** 2 + c - b**2 / (4 * a)),
        "mx-h11-pd-quad": (lambda a, b, c, x, y: a > 0 and a * b > c**2 and x != 0,
                           lambda a, b, c, x, y: a * x**2 + 2 * c * x * y + b * y**2 > 0),
    }
    ok_point, holds = checks[claim_id]
    tried = 0
    for _ in range(20 * count):
        pt = [fractions.Fraction(rng.randint(-60, 60), rng.choice([1, 2, 3, 7, 1000])) for _ in range(holds.__code__.co_argcount)]
        if not ok_point(*pt):
            continue
        tried += 1
        if not holds(*pt):
            return False
        if tried >= count:
            break
    return tried >= count and claim is not None


def _ema_bias():
    """sum_(j=1..n) (1 - b) b^(n - j) g/(1 - b^n) = g exactly for n = 1..40 and b in (0, 1) rationals."""
    from fractions import Fraction as Fr
    for b in (Fr(1, 2), Fr(9, 10), Fr(999, 1000), Fr(1, 10**6)):
        for n in range(1, 41):
            if sum((1 - b) * b ** (n - j) for j in range(1, n + 1)) / (1 - b**n) != 1:
                return False
    return True


CLAIMS = [json.loads(line) for line in (HERE / "heldout_round11.jsonl").read_text().splitlines()]
SPECIAL = {
    "ca-h11-norm-grad-smooth-thin": _smooth_norm_grad,
    "th-h11-mask-finite-deep": lambda: _mask(10100, False, False),
    "th-h11-mask-finite-ok": lambda: _mask(9900, True, True),
    "th-h11-amgm-gap-far": _amgm_far,
    "th-h11-softplus-tail-thin": lambda: _softplus_tail(690, False),
    "th-h11-softplus-tail-ok": lambda: _softplus_tail(691, True),
    "dl-h11-expm1-log": _expm1_log,
    "dl-h11-softplus-inverse": _softplus_inverse,
    "ca-h11-norm-grad": _norm_grad,
    "dl-h11-mask-one-open": _masked,
    "ca-h11-complete-square": lambda: _exact_points("ca-h11-complete-square"),
    "mx-h11-pd-quad": lambda: _exact_points("mx-h11-pd-quad"),
    "sr-h11-ema-bias-corr": _ema_bias,
}


check = r7.special_first(SPECIAL, r10.check)


def main(argv):
    return r7.run(CLAIMS, check, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
