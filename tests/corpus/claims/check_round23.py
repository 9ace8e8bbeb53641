"""Independent mpmath checks (no sympy, no Formulary) of every round-23 label.

    python3 tests/corpus/claims/check_round23.py [--id ID]

It reuses round 12's checks (round 7's as-written walker, the functions of rounds 8 to 11).  Round 23 is about
cancellation that no fixed precision reaches, so the walker's 500 and 1000 digits cannot see most of it.  By hand
(``SPECIAL``):

* a false claim whose witness cancels thousands of digits (1 - sigmoid(20000), cosh - sinh at 30000, 1 - tanh(10000))
  is read as written at enough digits for the cancellation and the gap behind it (17,600, 26,300 and 15,400) and
  again at twice that (lhs - rhs of the failing sign at both, beyond ten times its change), and a second time
  through the exact rewriting without cancellation (1 - sigmoid x = e^-x/(1 + e^-x), cosh y - sinh y = e^-y,
  1 - tanh x = 2/(e^(2x) + 1)); both readings must fail;
* 1 - erf(4000) = erfc(4000) ~ 10^-6.9e6 is read through erfc only (as written it needs 7 million digits);
* a true claim whose side cancels beyond the walker's digits is read through the same rewritings on a grid out to
  1e300 (log erfc beyond 1e4 through erfc x < e^-x^2/(x sqrt pi)); (cosh - sinh)(1 + e^2y), the Taylor bound of
  sqrt(x^2 + 1) - x and the limit of (1 - sigmoid x) e^x also as written, at the digits their cancellation needs.
"""
import json
import pathlib
import sys

import mpmath as mp

sys.set_int_max_str_digits(0)  # sides of 13,000-digit magnitude are converted exactly
HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import check_round7 as r7  # the walker; it imports nothing from Formulary
import check_round12 as r12  # round 11's checks and round 12's hand-written ones

CLAIMS = [json.loads(line) for line in (HERE / "heldout_round23.jsonl").read_text().splitlines()]
BY_ID = {c["id"]: c for c in CLAIMS}

FAR = ["0", "1e-300", "1e-8", "1/2", "1", "2", "10", "20", "100", "709", "1000", "3000", "1e4", "2e4", "1e5", "1e30",
       "1e300"]
SIGNED = FAR + ["-" + v for v in FAR[1:]]
FAILS = {"<=": lambda d: d > 0, ">=": lambda d: d < 0, "<": lambda d: d >= 0, ">": lambda d: d <= 0}


def _sides(claim, point, dps):
    with mp.workdps(dps):
        pt = {k: r7.value(v, {}) for k, v in point.items()}
        return r7.value(claim["lhs"], pt), r7.value(claim["rhs"], pt)


def _witness_fails_as_written(claim_id, digits):
    """The sides as written at ``digits`` and at twice that: lhs - rhs of the failing sign at both, and apart from
    0 by more than ten times its change between the two precisions (what rounding could still move)."""
    claim = BY_ID[claim_id]
    (l1, r1), (l2, r2) = (_sides(claim, claim["witness"], d) for d in (digits, 2 * digits))
    with mp.workdps(2 * digits):
        d1, d2 = l1 - r1, l2 - r2
        return FAILS[claim["rel"]](d1) and FAILS[claim["rel"]](d2) and abs(d2) > 10 * abs(d2 - d1)


def _witness_fails(claim_id, digits, exact_test):
    """The false claim fails at its witness as written (``digits`` enough for its cancellation) and through the exact
    rewriting ``exact_test`` (True where the claim holds), read at 60 digits."""
    (text,) = BY_ID[claim_id]["witness"].values()
    with mp.workdps(60):
        rewritten = not exact_test(mp.mpf(text))
    return rewritten and _witness_fails_as_written(claim_id, digits)


def _all(values, test, digits=60):
    with mp.workdps(digits):
        return all(test(mp.mpf(v)) for v in values)


def _log1msig_lhs(x):  # log(1 - sigmoid x) + x = -log(1 + e^-x)
    return -mp.log1p(mp.exp(-x))


def _log1mtanh_lhs(x):  # log(1 - tanh x) = log 2 - log(e^(2x) + 1) = log 2 - 2x - log(1 + e^-2x)
    return mp.log(2) - 2 * x - mp.log1p(mp.exp(-2 * x)) if x >= 0 else mp.log(2) - mp.log1p(mp.exp(2 * x))


def _erfc_far():
    """log erfc(4000) + 4000^2 + log 4000 = -0.5723649... > -1 = -sigmoid(1000) (to 1e-400)."""
    with mp.workdps(60):
        x = mp.mpf(4000)
        left = mp.log(mp.erfc(x)) + x**2 + mp.log(x)
        return abs(left + mp.log(mp.sqrt(mp.pi))) < 1e-7 and left > -1 / (1 + mp.exp(-1000))


def _log_erfc_below(x):
    """log erfc(x) <= -x^2 through erfc (1 - erf cancels): at 60 digits plus those a tiny x costs
    (log erfc(1e-300) = -1.13e-300); beyond 1e4 through erfc(x) < e^-x^2/(x sqrt pi) (mpmath's erfc overflows)."""
    if x > 10**4:
        return mp.log(x * mp.sqrt(mp.pi)) > 0
    with mp.workdps(60 + max(0, int(-mp.log10(x))) if x > 0 else 60):
        return mp.log(mp.erfc(x)) <= -x**2


def _cosh_sinh_times():
    """(cosh y - sinh y)(1 + e^(2y)) = 2 cosh y through e^-y (1 + e^2y) at 60 digits; as written at |y| <= 3000
    with 2|y|/ln 10 + 100 digits, relative difference below 1e-60."""
    ok = _all(SIGNED, lambda y: abs(mp.exp(-y) * (1 + mp.exp(2 * y)) - 2 * mp.cosh(y)) <= mp.mpf(10) ** -50 * mp.cosh(y))
    for v in ("0", "1/2", "-2", "20", "-100", "709", "3000"):
        dps = int(2 * abs(mp.mpf(v)) / mp.log(10)) + 100
        l, r = _sides(BY_ID["cc-h23-coshsinh-times"], {"y": v}, dps)
        with mp.workdps(dps):
            ok &= abs(l - r) < mp.mpf(10) ** -60 * abs(r)
    return ok


def _sqrt_gap_taylor2():
    """sqrt(x^2 + 1) - x > 1/(2x) - 1/(8x^3) as written at 2000 and 4000 digits (600 cancel at 1e300; the gap there
    is 1/(16 x^5) = 6e-1502), x from 1e-300 out: positive at both, and beyond ten times its change."""
    claim = BY_ID["cc-h23-sqrt-gap-taylor2"]
    ok = True
    for v in FAR[1:]:
        (l1, r1), (l2, r2) = (_sides(claim, {"x": v}, d) for d in (2000, 4000))
        with mp.workdps(4000):
            ok &= l2 - r2 > 0 and l1 - r1 > 0 and l2 - r2 > 10 * abs((l2 - r2) - (l1 - r1))
    return ok


def _sigmoid_tail_limit():
    """(1 - sigmoid x) e^x as written at x = 10, 100, 1000 with x/ln 10 + 60 digits: 1/(1 + e^-x) within 1e-40,
    and within 2 e^-x + 1e-40 of 1 (so it tends to 1)."""
    ok = True
    for x in (10, 100, 1000):
        with mp.workdps(int(x / mp.log(10)) + 60):
            v = (1 - 1 / (1 + mp.exp(-x))) * mp.exp(x)
            ok &= abs(v - 1 / (1 + mp.exp(-x))) < mp.mpf(10) ** -40 and abs(v - 1) < 2 * mp.exp(-x) + mp.mpf(10) ** -40
    return ok


SPECIAL = {
    "cc-h23-log1msig-half": lambda: _all(FAR, lambda x: _log1msig_lhs(x) <= -mp.exp(-x) / 2),
    "cc-h23-log1msig-far": lambda: _witness_fails(
        "cc-h23-log1msig-far", 17600, lambda x: _log1msig_lhs(x) <= -2 * x**2 * mp.exp(-x) / (x**2 + 15000**2)),
    "cc-h23-coshsinh-times": _cosh_sinh_times,
    "cc-h23-coshsinh-far": lambda: _witness_fails(
        "cc-h23-coshsinh-far", 26300, lambda y: mp.exp(-y) >= mp.exp(-y) * (1 + mp.tanh(y - 20000) / 1000)),
    "cc-h23-sqrt-gap-taylor2": _sqrt_gap_taylor2,
    "cc-h23-log1mtanh": lambda: _all(SIGNED, lambda x: _log1mtanh_lhs(x) <= mp.log(2) - 2 * x),
    "cc-h23-log1mtanh-far": lambda: _witness_fails(
        "cc-h23-log1mtanh-far", 15400, lambda x: mp.log1p(mp.exp(-2 * x)) >= 1 / (1 + mp.exp(25000 - x))),
    "cc-h23-log1merf-chernoff": lambda: _all(FAR, _log_erfc_below),
    "cc-h23-log1merf-far": _erfc_far,
    "lim-h23-sigmoid-tail": _sigmoid_tail_limit,
}

check = r7.special_first(SPECIAL, r12.check)


def main(argv):
    return r7.run(CLAIMS, check, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
