"""Independent mpmath checks (no sympy, no Formulary) of every round-28 label.

    python3 tests/corpus/claims/check_round28.py [--id ID]

Round 12's checks (round 7's as-written walker with the functions of rounds 8 to 11) confirm most labels: a false
claim at its witness, a true one on the grid.  What the walker cannot read as the label means is checked by hand
(``SPECIAL``):

* the floor/ceiling of an expression that is exactly an integer (cosh^2 - sinh^2 = 1, exp(log x) = x): the walker's
  last digit decides which side of the integer it lands; the identity under the floor is checked on the grid with
  digits for its cancellation (2 x / ln 10 + 60 for cosh^2 - sinh^2), to 1e-40 relative;
* asinh x = log(x + sqrt(x^2 + 1)) at x down to -1e300, with 2 log10|x| + 60 digits (the sum cancels that many);
* the partial sum of 1/j^2 to 10^6: pi^2/6 minus the Hurwitz tail zeta(2, 10^6 + 1), and the tail bounded by
  1/(N + 1) < tail < 1/N (N = 10^6) besides, so the sum is above pi^2/6 - 1e-6 by about 5e-13;
* psi(x + 1) = psi(x) + 1/x at x down to 1e-300 with 2 log10(1/x) + 60 digits (psi(x) ~ -1/x cancels that many);
* sum_{j=1}^{n} 1/(n + j) = psi(2n + 1) - psi(n + 1) against log 2 at n = 10^k, k = 1..15: within 1/(4n) + 1/n^2
  of log 2 and below it (the sum of the decreasing 1/(1 + t) at the right ends of n cells of [0, 1]).
"""
import json
import pathlib
import sys

import mpmath as mp

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import check_round7 as r7  # the walker; it imports nothing from Formulary
import check_round12 as r12  # round 11's checks and round 12's hand-written ones

CLAIMS = [json.loads(line) for line in (HERE / "heldout_round28.jsonl").read_text().splitlines()]
BY_ID = {c["id"]: c for c in CLAIMS}

GRID = [mp.mpf(v) for v in ("0", "1", "-1", "2", "-2", "1/2", "-1/2", "3/10", "39/10", "10", "-10")] + [
    mp.mpf(10) ** k * sign for k in (-300, -30, -8, 3, 6, 30, 300) for sign in (1, -1)]


def _identity(lhs, rhs, xs, digits):
    """|lhs(x) - rhs(x)| < 1e-40 max(1, |rhs|) at every x, at ``digits(x)`` working digits."""
    ok = True
    for x in xs:
        with mp.workdps(digits(x)):
            x = +x
            ok &= abs(lhs(x) - rhs(x)) < mp.mpf(10) ** -40 * max(1, abs(rhs(x)))
    return ok


def _basel(above):
    with mp.workdps(40):
        n = 10**6
        tail = mp.zeta(2, n + 1)
        partial = mp.pi**2 / 6 - tail
        bounds = mp.mpf(1) / (n + 1) < tail < mp.mpf(1) / n
        return bounds and (partial > mp.pi**2 / 6 - mp.mpf("1e-6")) == above


def _riemann_log2():
    with mp.workdps(60):
        ok = True
        for k in range(1, 16):
            n = mp.mpf(10) ** k
            value = mp.digamma(2 * n + 1) - mp.digamma(n + 1)
            ok &= mp.log(2) - 1 / (4 * n) - 1 / n**2 < value < mp.log(2)
        return ok


SPECIAL = {
    "sf-h28-digamma-shift": lambda: _identity(lambda x: mp.digamma(x + 1), lambda x: mp.digamma(x) + 1 / x,
                                              [x for x in GRID if x > 0],
                                              lambda x: int(2 * max(0, -mp.log10(x))) + 60),
    "lim-h28-riemann-log2": _riemann_log2,
    "ez-h28-ceil-hyper": lambda: _identity(lambda x: mp.cosh(x) ** 2 - mp.sinh(x) ** 2, lambda x: mp.mpf(1),
                                           [x for x in GRID if abs(x) <= 1000],
                                           lambda x: int(2 * abs(x) / mp.log(10)) + 60),
    "ez-h28-floor-exp-log": lambda: _identity(lambda x: mp.exp(mp.log(x)), lambda x: x, [x for x in GRID if x > 0],
                                              lambda x: 80),
    "bc-h28-asinh-log": lambda: _identity(mp.asinh, lambda x: mp.log(x + mp.sqrt(x**2 + 1)), GRID,
                                          lambda x: int(2 * max(0, mp.log10(abs(x) + 1))) + 60),
    "tc-h28-basel-1e6": lambda: _basel(True),
    "tc-h28-basel-1e6-lt": lambda: _basel(True),
}

check = r7.special_first(SPECIAL, r12.check)


def main(argv):
    return r7.run(CLAIMS, check, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
