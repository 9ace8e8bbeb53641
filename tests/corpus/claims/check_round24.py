"""Independent mpmath checks (no sympy, no Formulary) of every round-24 label.

    python3 tests/corpus/claims/check_round24.py [--id ID]

It reuses round 12's checks (round 7's as-written walker on its grid, the functions of rounds 8 to 11).  By hand
(``SPECIAL``), what that walker cannot read or reads slowly:

* the two-class label-smoothing identity through -log sigmoid z = softplus(-z), -log(1 - sigmoid z) = softplus(z)
  (as written, 1 - sigmoid(1e6) rounds to 0 at 1000 digits and 0 * log 0 is no value);
* (-1)^floor(n/2) = cos(pi n/2) + sin(pi n/2) at every integer in [-40, 40] (both sides have period 4 in n, so four
  consecutive integers prove it; the walker reads pi n/2 at n = 1e300 with too few digits);
* |x Phi(x) - GELU_tanh(x)| <= 1e-3 on a grid of step 1e-4 over [0, 10] (the difference is even): its maximum there
  plus half a step times 2.3 (each GELU's slope is below 1.13 in absolute value) stays below 1e-3; beyond 10 both
  terms are within x e^(-1.6 x) + phi(x) < 1e-6 of x;
* psi'(x) as mpmath's polygamma(1, x) (the walker differentiates digamma at 1000 digits), on a grid to 1e4, and
  beyond 1e4 by the enveloping Stirling series psi'(x) - 1/x - 1/(2x^2) > 1/(6x^3) - 1/(30x^5) > 0;
* sqrt(e^(2x) + e^x) - e^x < 1/2 - e^-x/9 for x >= 800 through the exact rewriting: with u = e^-x, the claim
  reads 1/(2 (sqrt(1 + u) + 1)^2) > 1/9, decreasing in u, checked at u = e^-800 and at the points beyond; its false
  partner (1/7: the left side is 1/2 - u/8 + O(u^2)) as written at x = 800 with 2000 and 4000 digits (e^1600 has 695 digits, and the gap 0.025 e^-800 is
  347 digits below 1), and through the same rewriting;
* e^x/(e^x + e^(x - 1/1000)) = 1/(1 + e^(-1/1000)) (divide by e^x > 0), compared with 1/2 + 1/4001 at 60 digits, and
  as written at x in [-1, 1000] (the walker reads a denominator below its working precision as 0: e^x at x = -1e300).
"""
import json
import pathlib
import sys

import mpmath as mp

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import check_round7 as r7  # the walker; it imports nothing from Formulary
import check_round12 as r12  # round 11's checks and round 12's hand-written ones

CLAIMS = [json.loads(line) for line in (HERE / "heldout_round24.jsonl").read_text().splitlines()]
BY_ID = {c["id"]: c for c in CLAIMS}

FAR = ["0", "1e-300", "1e-8", "1/2", "1", "2", "10", "20", "100", "709", "1000", "1e4", "1e6", "1e30", "1e300"]
SIGNED = FAR + ["-" + v for v in FAR[1:]]


def _softplus(t):
    return max(t, 0) + mp.log1p(mp.exp(-abs(t)))


def _smooth_bce():
    """The smoothed binary cross-entropy, rewritten without 1 - sigmoid, against softplus(-z) + s z/2 as written,
    at 60 digits: equal to a relative 1e-50 for s in {0, 1/4, 1/2, 1}; and as written for |z| <= 100 at 200 digits."""
    ok = True
    claim = BY_ID["dl-h24-smooth-bce"]
    for s_text in ("0", "1/4", "1/2", "1"):
        with mp.workdps(60):
            s = r7.value(s_text, {})
            for z_text in SIGNED:
                z = r7.value(z_text, {})
                left = (1 - s / 2) * _softplus(-z) + (s / 2) * _softplus(z)
                right = _softplus(-z) + s * z / 2
                ok &= abs(left - right) <= mp.mpf(10) ** -50 * max(1, abs(right))
        for z_text in ("-100", "-3", "0", "1/2", "20", "100"):
            l, r = _sides(claim, {"s": s_text, "z": z_text}, 200)
            with mp.workdps(200):
                ok &= abs(l - r) <= mp.mpf(10) ** -150 * max(1, abs(r))
    return ok


def _sides(claim, point, dps):
    with mp.workdps(dps):
        pt = {k: r7.value(v, {}) for k, v in point.items()}
        return r7.value(claim["lhs"], pt), r7.value(claim["rhs"], pt)


def _sign_floor():
    with mp.workdps(50):
        return all(abs((-1) ** (n // 2) - (mp.cospi(mp.mpf(n) / 2) + mp.sinpi(mp.mpf(n) / 2))) < mp.mpf(10) ** -40
                   for n in range(-40, 41))


def _gelu_gap(x):
    return x * mp.ncdf(x) - x * (1 + mp.tanh(mp.sqrt(2 / mp.pi) * (x + mp.mpf("0.044715") * x**3))) / 2


def _gelu_close():
    with mp.workdps(20):
        top = max(abs(_gelu_gap(mp.mpf(k) / 10**4)) for k in range(0, 10**5 + 1))
        return top < mp.mpf("4.74e-4") and top + mp.mpf("0.5e-4") * mp.mpf("2.3") < mp.mpf("1e-3")


def _trigamma_lower():
    with mp.workdps(60):
        pts = [mp.mpf(v) for v in FAR[1:12]]
        return all(mp.polygamma(1, x) > 1 / x + 1 / (2 * x**2) for x in pts)


def _trigamma_asym():
    with mp.workdps(60):
        x = mp.mpf(10)
        return mp.polygamma(1, x) - (1 / x + 1 / (2 * x**2) + 1 / (6 * x**3) - 1 / (20 * x**5)) > mp.mpf("1.6e-7")


def _sqrt_exp_true():
    with mp.workdps(60):
        return all(1 / (2 * (mp.sqrt(1 + u) + 1) ** 2) > mp.mpf(1) / 9
                   for u in (mp.exp(-800), mp.exp(-1000), mp.exp(-10**4), mp.exp(-mp.mpf(10) ** 300)))


def _sqrt_exp_false():
    claim = BY_ID["th-h24-sqrt-exp-false"]
    (l1, r1), (l2, r2) = (_sides(claim, claim["witness"], d) for d in (2000, 4000))
    with mp.workdps(4000):
        d1, d2 = l1 - r1, l2 - r2
        as_written = d1 > 0 and d2 > 0 and d2 > 10 * abs(d2 - d1)
    with mp.workdps(60):
        rewritten = 1 / (2 * (mp.sqrt(1 + mp.exp(-800)) + 1) ** 2) < mp.mpf(1) / 7
    return as_written and rewritten


def _sigma_constant():
    ok = True
    with mp.workdps(60):
        ok &= 1 / (1 + mp.exp(-mp.mpf(1) / 1000)) > mp.mpf(1) / 2 + mp.mpf(1) / 4001
    claim = BY_ID["th-h24-sigma-overflow-true"]
    for v in ("-1", "0", "1/2", "709", "1000"):
        l, r = _sides(claim, {"x": v}, 100)
        with mp.workdps(100):
            ok &= l > r
    return ok


SPECIAL = {
    "th-h24-sqrt-exp-false": _sqrt_exp_false,
    "th-h24-sigma-overflow-true": _sigma_constant,
    "dl-h24-smooth-bce": _smooth_bce,
    "io-h24-sign-floor": _sign_floor,
    "dl-h24-gelu-tanh-close": _gelu_close,
    "sf-h24-trigamma-lower": _trigamma_lower,
    "sf-h24-trigamma-asym": _trigamma_asym,
    "th-h24-sqrt-exp-true": _sqrt_exp_true,
}

check = r7.special_first(SPECIAL, r12.check)


def main(argv):
    return r7.run(CLAIMS, check, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
