"""Independent mpmath checks (no sympy, no Formulary) of every round-22 label.

    python3 tests/corpus/claims/check_round22.py [--id ID]

It reuses round 12's checks (round 7's as-written walker over Python's ``ast``, the functions of rounds 8 to 11,
one-sided derivatives and limits); a false claim is checked at its witness, a true one on the walker's grid.  The walker
reads a side as written, which is what this round is about: ``sqrt(-1)``, ``log(-1)``, ``asin(2)``, ``acosh(1/2)``,
``(-1)**(1/3)`` have no real value, so ``exp(log(x))`` is undefined at x = -1 however sympy builds it.  By hand
(``SPECIAL``), what the walker cannot settle:

* the integral of 1/x^2 over [-1, 1]: the one-sided integrals from +-eps grow like 1/eps (it diverges);
* sum_j j x^j: partial sums at x = 2 grow without bound (mpmath's nsum extrapolates a divergent series), and at
  |x| < 1 the sum to N terms plus the exact tail bound against x/(1 - x)^2;
* psi(x + 1) = psi(x) + 1/x at 800 digits and asinh x = log(x + sqrt(x^2 + 1)) at 2000 (the walker's 1000 lose them at
  1e-300 and -1e300), the integral of |x|^(-1/2) by tanh-sinh quadrature on each side of 0;
* cosh^2 - sinh^2 = 1 and the strict bounds tanh x < 1, sigmoid x < 1 at 2000 digits and far out through
  1 - tanh x = 2/(e^(2x) + 1) (no cancellation).
"""
import json
import pathlib
import sys

import mpmath as mp

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import check_round7 as r7  # the walker; it imports nothing from Formulary
import check_round12 as r12  # round 11's checks and round 12's hand-written ones

CLAIMS = [json.loads(line) for line in (HERE / "heldout_round22.jsonl").read_text().splitlines()]


def _inverse_square_diverges():
    """int_eps^1 x^-2 dx = 1/eps - 1 (and the same on [-1, -eps]) by quadrature: grows without bound as eps -> 0."""
    with mp.workdps(30):
        parts = [mp.quad(lambda t: 1 / t**2, [e, 1]) + mp.quad(lambda t: 1 / t**2, [-1, -e])
                 for e in (mp.mpf(10) ** -2, mp.mpf(10) ** -4, mp.mpf(10) ** -6)]
        return all(abs(p - 2 * (1 / e - 1)) < 1e-15 * p for p, e in zip(parts, (1e-2, 1e-4, 1e-6))) and parts[-1] > 1e6


def _partial(x, n):
    return mp.fsum(j * x**j for j in range(n + 1))


def _series_diverges_at_2():
    with mp.workdps(30):
        x = mp.mpf(2)
        return _partial(x, 50) > 10**15 and _partial(x, 100) > 10**30  # the claim's right side is 2


def _series_inside():
    """|sum_{j<=N} j x^j - x/(1 - x)^2| <= sum_{j>N} j |x|^j <= (N + 1)|x|^(N+1)/(1 - |x|)^2, at N = 4000."""
    with mp.workdps(60):
        ok = True
        for v in ("-0.9", "-0.5", "-1e-30", "0", "1e-300", "0.1", "0.5", "0.9", "0.99"):
            x, n = mp.mpf(v), 4000
            bound = (n + 1) * abs(x) ** (n + 1) / (1 - abs(x)) ** 2
            ok &= abs(_partial(x, n) - x / (1 - x) ** 2) <= bound + mp.mpf(10) ** -50
        return ok


FAR = ["-1e300", "-1e30", "-709", "-40", "-1", "0", "1e-300", "0.5", "1", "20", "40", "709", "1e30", "1e300"]


def _cosh_sinh():
    with mp.workdps(2000):  # at 1e30 and beyond the squares cancel every digit: checked as 4 e^x e^-x / 4 by hand
        return all(abs(mp.cosh(mp.mpf(v)) ** 2 - mp.sinh(mp.mpf(v)) ** 2 - 1) < mp.mpf(10) ** -1000
                   for v in FAR if abs(mp.mpf(v)) < 1000)


def _strict_below_one(gap):
    """``gap(x)`` = 1 - f(x) written without cancellation is positive at every far point."""
    with mp.workdps(50):
        return all(gap(mp.mpf(v)) > 0 for v in FAR)


def _digamma_recurrence():
    """psi(x + 1) = psi(x) + 1/x at 800 digits: at x = 1e-300 the right side cancels 300 digits of psi(x) ~ -1/x."""
    with mp.workdps(800):
        return all(abs(mp.digamma(x + 1) - mp.digamma(x) - 1 / x) < mp.mpf(10) ** -400 * (1 + abs(mp.digamma(x + 1)))
                   for x in (mp.mpf(v) for v in ("1e-300", "1e-30", "1e-8", "0.5", "1", "3", "100", "1e30")))


def _abs_root_integral():
    """int_{-1}^{1} |x|^(-1/2) dx = 2 int_0^1 t^(-1/2) dt = 4 (tanh-sinh quadrature handles the endpoint)."""
    with mp.workdps(40):
        return abs(mp.quad(lambda t: 1 / mp.sqrt(abs(t)), [-1, 0]) + mp.quad(lambda t: 1 / mp.sqrt(t), [0, 1]) - 4) < 1e-20


def _asinh_log():
    """asinh x = log(x + sqrt(x^2 + 1)) at 2000 digits (at x = -1e300 the argument of log cancels 600 digits)."""
    with mp.workdps(2000):
        return all(abs(mp.asinh(x) - mp.log(x + mp.sqrt(x * x + 1))) < mp.mpf(10) ** -1000 * (1 + abs(mp.asinh(x)))
                   for x in (mp.mpf(v) for v in FAR + ["-3", "-0.5", "2", "-1e-30"]))


SPECIAL = {
    "sf-h22-digamma-rec": _digamma_recurrence,
    "ca-h22-abs-root": _abs_root_integral,
    "bc-h22-asinh-log": _asinh_log,
    "ca-h22-inv-sq-ftc": _inverse_square_diverges,
    "sr-h22-geom-series-any": _series_diverges_at_2,
    "sr-h22-geom-series": _series_inside,
    "in-h22-cosh-sinh": _cosh_sinh,
    "in-h22-tanh-below-1": lambda: _strict_below_one(lambda x: 2 / (mp.exp(2 * x) + 1)),
    "in-h22-sigmoid-below-1": lambda: _strict_below_one(lambda x: 1 / (mp.exp(x) + 1)),
}
"""Hand-written checks, True when the label is confirmed (a divergent integral or series: the false label)."""

check = r7.special_first(SPECIAL, r12.check)


def main(argv):
    return r7.run(CLAIMS, check, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
