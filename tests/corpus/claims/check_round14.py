"""Independent mpmath checks (no sympy, no Formulary) of every round-14 label.

    python3 tests/corpus/claims/check_round14.py [--id ID]

It reuses round 12's checks (round 7's as-written walker over Python's ``ast``, the functions of rounds 8 to 11,
round 9's derivative that exists only where the forward, backward and central quotients agree, one-sided limits)
and checks by hand (``SPECIAL``) what its grid cannot reach:

* the Gaussian and exponential integrals with a scale parameter (the walker's quadrature does not follow the scale):
  the substitution ``x = s u`` (``x = u/lam``) leaves a fixed integral, checked by quadrature, times a power;
* the moment-generating function of Exp(lam) beyond ``s = lam``: the partial integrals in closed form grow without
  bound;
* the smooth maximum's limits in the temperature, which the walker's far points (t = 1e-20) overflow: the gap to
  ``max``/``min``/the mean in closed form, shrinking to 0 (or growing like ``t log 2``);
* the Huber gradient at its kinks and the mixed two-variable cases at their walls, by one-sided difference quotients
  at 60 digits;
* the claims whose free names outnumber the walker's grid (the 2x2 matrices): random rational points that satisfy
  the assumptions, exactly where the sides are rational.
"""
import itertools
import json
import pathlib
import random
import sys

import mpmath as mp

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import check_round7 as r7  # the walker; it imports nothing from Formulary
import check_round12 as r12  # round 11's checks and round 12's hand-written ones

CLAIMS = [json.loads(line) for line in (HERE / "heldout_round14.jsonl").read_text().splitlines()]
BY_ID = {c["id"]: c for c in CLAIMS}


def _random_points(claim_id, count=40, seed=14):
    """Random points (small rationals and a few large or tiny values) that satisfy the claim's assumptions."""
    claim = BY_ID[claim_id]
    rng = random.Random(seed)
    pool = ["-3", "-2", "-1", "-1/2", "-1/3", "0", "1/3", "1/2", "1", "2", "3", "5/7", "7/2", "10", "1e-8", "1e6"]
    free = [n for n in r7.names(claim) if not n.endswith("[]")]
    points, tries = [], 0
    while len(points) < count and tries < 20000:
        tries += 1
        p = {n: rng.choice(pool) for n in free}
        if r7.satisfies(claim, p):
            points.append(p)
    return points


def _holds_on_random(claim_id, count=40, digits=(60, 90)):
    """True when the claim holds at every random point it can settle (at least 10 settled)."""
    claim = BY_ID[claim_id]
    settled = 0
    for p in _random_points(claim_id, count):
        try:
            answer = r7.holds_at(claim, p, digits=digits, strict_tie_fails=False)
        except (ValueError, ZeroDivisionError, OverflowError, RuntimeError):
            continue
        if answer is False:
            return False
        settled += answer is True
    return settled >= 10


def _gauss_fourth():
    """int x^4 e^(-x^2/(2 s^2))/(s sqrt(2 pi)) dx = s^4 int u^4 e^(-u^2/2)/sqrt(2 pi) du (x = s u, s > 0) = 3 s^4."""
    with mp.workdps(40):
        q = mp.quad(lambda u: u**4 * mp.exp(-u**2 / 2) / mp.sqrt(2 * mp.pi), [-mp.inf, -5, 0, 5, mp.inf])
        return abs(q - 3) < mp.mpf(10) ** -30


def _gauss_fourth_negative():
    """At s = -1 the integrand is -x^4 e^(-x^2/2)/sqrt(2 pi): the integral is -3, the right side 3."""
    with mp.workdps(40):
        s = mp.mpf(-1)
        q = mp.quad(lambda x: x**4 * mp.exp(-x**2 / (2 * s**2)) / (s * mp.sqrt(2 * mp.pi)), [-mp.inf, 0, mp.inf])
        return abs(q + 3) < mp.mpf(10) ** -30 and abs(q - 3 * s**4) > 1


def _relu_mean(with_density):
    """E[max(X, 0)], X ~ N(m, 1), by quadrature from 0 (the kink) at m in a grid, against m Phi(m) (+ phi(m))."""
    with mp.workdps(40):
        for m in map(mp.mpf, ("-3", "-1", "0", "1/2", "2", "5")):
            q = mp.quad(lambda x: x * mp.exp(-(x - m)**2 / 2) / mp.sqrt(2 * mp.pi), [0, max(m, 0) + 1, mp.inf])
            rhs = m * mp.ncdf(m) + (mp.exp(-m**2 / 2) / mp.sqrt(2 * mp.pi) if with_density else 0)
            if (abs(q - rhs) < mp.mpf(10) ** -25) != with_density:
                return False
        return True


def _exp_mgf():
    """lam int_0^oo e^((s - lam) x) dx = lam/(lam - s) for s < lam: quadrature after x = u/(lam - s)."""
    with mp.workdps(40):
        for lam, s in [("1", "0"), ("1", "-3"), ("2", "1"), ("1e-6", "-1e-6"), ("5", "4.999")]:
            lam, s = mp.mpf(lam), mp.mpf(s)
            q = lam / (lam - s) * mp.quad(lambda u: mp.exp(-u), [0, 1, 10, mp.inf])
            direct = mp.quad(lambda x: lam * mp.exp(-lam * x) * mp.exp(s * x), [0, 1 / (lam - s), 10 / (lam - s), mp.inf])
            if abs(q - lam / (lam - s)) > mp.mpf(10) ** -25 * q or abs(direct - q) > mp.mpf(10) ** -20 * q:
                return False
        return True


def _exp_mgf_diverges():
    """At lam = 1, s = 2 the partial integral int_0^T e^x dx = e^T - 1 grows without bound, against -1."""
    partial = [mp.exp(T) - 1 for T in (10, 100, 1000)]
    return partial[0] < partial[1] < partial[2] and partial[0] > 1000


def _lse_limit(kind):
    """t log(e^(x/t) + e^(y/t)) as t -> 0+ or 0-, and t log((e^(x/t) + e^(y/t))/2) as t -> oo, from the closed
    forms max + t log(1 + e^(-|x - y|/t)) (t > 0), min + t log(1 + e^(-|x - y|/|t|)) (t < 0) and the mean + O(1/t)."""
    with mp.workdps(60):
        pairs = [(mp.mpf(a), mp.mpf(b)) for a, b in [("1", "0"), ("-2", "3"), ("0", "0"), ("1/3", "1/3"), ("1e6", "-1")]]
        for x, y in pairs:
            if kind == "0+":
                gaps = [abs(t * mp.log(mp.exp((x - max(x, y)) / t) + mp.exp((y - max(x, y)) / t))) for t in
                        (mp.mpf(10) ** -5, mp.mpf(10) ** -10, mp.mpf(10) ** -20)]
            elif kind == "0-":  # the claim says max; the gap to min shrinks and the gap to max stays |x - y|
                ts = (-mp.mpf(10) ** -5, -mp.mpf(10) ** -10, -mp.mpf(10) ** -20)
                lo = min(x, y)
                vals = [lo + t * mp.log(mp.exp((x - lo) / t) + mp.exp((y - lo) / t)) for t in ts]
                if x != y and abs(vals[-1] - max(x, y)) < abs(x - y) / 2:
                    return False
                gaps = [abs(v - lo) for v in vals]
            elif kind == "oo-mean":  # the gap is about (x - y)^2/(8 t): t runs from 1e8 (x - y)^2 out
                scale = 1 + (x - y) ** 2
                gaps = [abs(t * mp.log((mp.exp(x / t) + mp.exp(y / t)) / 2) - (x + y) / 2) for t in
                        (mp.mpf(10) ** 8 * scale, mp.mpf(10) ** 12 * scale, mp.mpf(10) ** 20 * scale)]
            else:  # "oo-nohalf": t log(e^(x/t) + e^(y/t)) - (x + y)/2 grows like t log 2
                vals = [t * mp.log(mp.exp(x / t) + mp.exp(y / t)) - (x + y) / 2 for t in
                        (mp.mpf(10) ** 8, mp.mpf(10) ** 12, mp.mpf(10) ** 16)]
                if not vals[0] < vals[1] < vals[2] or vals[2] < 10**15:
                    return False
                continue
            shrinking = gaps[-1] <= gaps[0] or gaps[-1] < mp.mpf(10) ** -30  # below 1e-30: round-off at 60 digits
            if not (shrinking and gaps[-1] < mp.mpf(10) ** -15 * max(1, abs(x), abs(y))):
                return False
        return True


def _one_sided(f, x0, h=mp.mpf(10) ** -25):
    return (f(x0 + h) - f(x0)) / h, (f(x0) - f(x0 - h)) / h


def _huber():
    """Huber's derivative equals clip(x, -d, d) at random points and at the kinks x = +-d and 0, both one-sided
    quotients (h = 1e-25 at 60 digits) within 1e-20 of the clip."""
    with mp.workdps(60):
        for d in map(mp.mpf, ("1/3", "1", "2", "1e-6", "1e6")):
            f = lambda x: min(abs(x), d) * (abs(x) - min(abs(x), d) / 2)
            for x in [d, -d, mp.mpf(0), d / 2, -3 * d, 5 * d, d + mp.mpf(10) ** -10]:
                clip = max(-d, min(x, d))
                if any(abs(q - clip) > mp.mpf(10) ** -20 * max(1, d) for q in _one_sided(f, x)):
                    return False
        return True


def _huber_negative_d():
    """At d = -1 the function is -(|x| + 1/2): its derivative at x = 1 is -1, the clip max(1, min(1, -1)) = 1."""
    with mp.workdps(40):
        d = mp.mpf(-1)
        f = lambda x: min(abs(x), d) * (abs(x) - min(abs(x), d) / 2)
        right, left = _one_sided(f, mp.mpf(1))
        return abs(right + 1) < mp.mpf(10) ** -10 and abs(left + 1) < mp.mpf(10) ** -10 and max(-d, min(mp.mpf(1), d)) == 1


def _kinked(claim_id, x_name, kink_values):
    """A false derivative claim whose witness is a kink: the one-sided quotients there differ by more than 1/2."""
    claim = BY_ID[claim_id]
    w = claim["witness"]
    with mp.workdps(60):
        pt = {k: r7.value(v, {}) for k, v in w.items()}
        body = claim["lhs"][len("diff("):claim["lhs"].rindex(",")]
        f = lambda x: r7.value(body, pt | {x_name: x})
        right, left = _one_sided(f, pt[x_name])
        return abs(right - left) > mp.mpf(1) / 2 and r7.satisfies(claim, w) and pt[x_name] in kink_values(pt)


def _flat_between():
    """|x - a| + |x + a| is 2|a| wherever x^2 < a^2: its derivative is 0 at random such points (central quotient)."""
    with mp.workdps(60):
        rng = random.Random(3)
        for _ in range(200):
            a = mp.mpf(rng.choice([-7, -2, -1, 1, 3, 10])) / rng.choice([1, 2, 3])
            x = a * mp.mpf(rng.randint(-99, 99)) / 100
            h = mp.mpf(10) ** -30
            f = lambda t: abs(t - a) + abs(t + a)
            if abs((f(x + h) - f(x - h)) / (2 * h)) > mp.mpf(10) ** -20:
                return False
        return True


def _bce_logits():
    """-p log sigmoid(z) - (1 - p) log(1 - sigmoid(z)) = softplus(z) - p z on a grid of p and z (z up to 1e30): the
    walker's 1 - sigmoid(1e30) needs 1e30 digits, so it is taken as the exact 1/(1 + e^z) (the same number: 1 -
    1/(1 + e^-z) = e^-z/(1 + e^-z)), and both sides at 60 digits."""
    with mp.workdps(60):
        for p in map(mp.mpf, ("0", "1", "1/2", "-3", "7/2", "1e6")):
            for z in map(mp.mpf, ("0", "1", "-1", "1/3", "-20", "40", "1e3", "-1e3", "1e6", "1e30", "-1e30")):
                lhs = p * mp.log1p(mp.exp(-z)) + (1 - p) * -mp.log(1 / (1 + mp.exp(z)))
                rhs = mp.log1p(mp.exp(z)) - p * z
                if abs(lhs - rhs) > mp.mpf(10) ** -40 * max(1, abs(rhs)):
                    return False
        return True


SPECIAL = {
    "dl-h14-bce-logits": _bce_logits,
    "dl-h14-gauss-fourth": _gauss_fourth,
    "dl-h14-gauss-fourth-sign": _gauss_fourth_negative,
    "dl-h14-gauss-relu-mean": lambda: _relu_mean(True),
    "dl-h14-gauss-relu-mean-nophi": lambda: _relu_mean(False),
    "dl-h14-exp-mgf": _exp_mgf,
    "dl-h14-exp-mgf-wide": _exp_mgf_diverges,
    "dl-h14-lse-temp-pos-limit": lambda: _lse_limit("0+"),
    "dl-h14-lse-temp-neg-limit": lambda: _lse_limit("0-"),
    "dl-h14-lse-temp-inf-mean": lambda: _lse_limit("oo-mean"),
    "dl-h14-lse-temp-inf-nohalf": lambda: _lse_limit("oo-nohalf"),
    "pw-h14-huber-grad": _huber,
    "pw-h14-huber-grad-negd": _huber_negative_d,
    "pw-h14-minsq-grad-edge": lambda: _kinked("pw-h14-minsq-grad-edge", "x", lambda p: {mp.mpf(1), mp.mpf(-1)}),
    "pw-h14-two-abs-flat-closed": lambda: _kinked("pw-h14-two-abs-flat-closed", "x", lambda p: {p["a"], -p["a"]}),
    "pw-h14-two-abs-flat": _flat_between,
    "mx-h14-jacobi": lambda: _holds_on_random("mx-h14-jacobi"),
    "mx-h14-trinv-grad": lambda: _holds_on_random("mx-h14-trinv-grad"),
    "mx-h14-logdet-concave": lambda: _holds_on_random("mx-h14-logdet-concave", count=60),
    "mx-h14-lsq-grad": lambda: _holds_on_random("mx-h14-lsq-grad"),
    "mx-h14-quad-hess": lambda: _holds_on_random("mx-h14-quad-hess"),
}

check = r7.special_first(SPECIAL, r12.check)


def main(argv):
    return r7.run(CLAIMS, check, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
