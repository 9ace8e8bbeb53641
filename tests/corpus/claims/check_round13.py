"""Independent mpmath checks (no sympy, no Formulary) of every round-13 label.

    python3 tests/corpus/claims/check_round13.py [--id ID]

It reuses round 12's checks (round 7's as-written walker over Python's ``ast``, the functions of rounds 8 to 11, round
9's derivative that exists only where the forward, backward and central quotients agree, one-sided limits) and checks
by hand (``SPECIAL``) what its grid cannot reach:

* ``cos(pi n + x) = (-1)^n cos x`` and ``acos((1 - x^2)/(1 + x^2)) = 2 atan x`` at the grid's far points (x = 1e300
  needs 300 digits of pi; 1 - 2e-600 needs 600 digits before acos sees it), at 2000 digits, the sides agreeing to 1000;
* the Exp(lambda) second moment at lambda = 1e-300 (the walker's quadrature does not follow the scale 1/lambda):
  quadrature with breakpoints at 1/lambda, 10/lambda, 100/lambda at moderate lambda, and the substitution x = u/lambda;
* ``int_1^oo x^a dx`` for a just below -1 (the tail decays like x^(-1e-7)): the partial integrals in closed form
  ``(T^(a + 1) - 1)/(a + 1)`` shown to approach ``-1/(a + 1)``, and quadrature at a = -2, -3, -3/2.
"""
import json
import pathlib
import sys

import mpmath as mp

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import check_round7 as r7  # the walker; it imports nothing from Formulary
import check_round12 as r12  # round 11's checks and round 12's hand-written ones

CLAIMS = [json.loads(line) for line in (HERE / "heldout_round13.jsonl").read_text().splitlines()]


def _far_grid(claim_id, points, digits=2000):
    """An equality at ``points`` (dicts of exact strings) evaluated by the walker at ``digits`` digits: True when the
    sides agree to half the digits at every point (the walker's own tolerance keeps all but 15 digits, while an
    argument of 1e300 costs 300 of them and acos near 1 amplifies by 1e300)."""
    claim = next(c for c in CLAIMS if c["id"] == claim_id)
    assert claim["rel"] == "=="
    with mp.workdps(digits):
        for p in points:
            pt = {k: r7.value(v, {}) for k, v in p.items()}
            r7.SPAN[0] = max([mp.mpf(1)] + [abs(v) for v in pt.values()])
            lhs, rhs = r7.value(claim["lhs"], pt), r7.value(claim["rhs"], pt)
            if abs(lhs - rhs) > mp.mpf(10) ** (-digits // 2) * max(1, abs(lhs)):
                return False
    return True


def _cos_shift():
    xs = ["0", "1", "-1", "1/3", "pi", "1e-30", "1e6", "-1e6", "1e30", "1e300", "-1e300"]
    return _far_grid("io-h13-cos-shift", [{"n": n, "x": x} for n in ("-3", "0", "1", "2", "7", "1000") for x in xs])


def _acos_atan():
    xs = ["0", "1e-300", "1e-30", "1e-8", "1/2", "1", "2", "pi", "1e6", "1e30", "1e300"]
    return _far_grid("dm-h13-acos-atan-ok", [{"x": x} for x in xs])


def _exp_second():
    """lam int_0^oo x^2 e^(-lam x) dx = 2/lam^2: by quadrature at lam from 1e-8 to 1e6 (relative 1e-20), and at every
    lam > 0 by the substitution x = u/lam, which leaves lam^-2 times the lam = 1 integral (checked by quadrature)."""
    with mp.workdps(40):
        for lam in map(mp.mpf, ("1e-8", "0.5", "1", "3", "1e6")):
            q = mp.quad(lambda x: x**2 * lam * mp.exp(-lam * x), [0, 1 / lam, 10 / lam, 100 / lam, mp.inf])
            if abs(q - 2 / lam**2) > mp.mpf(10) ** -20 * (2 / lam**2):
                return False
        return abs(mp.quad(lambda u: u**2 * mp.exp(-u), [0, 1, 10, 100, mp.inf]) - 2) < mp.mpf(10) ** -20


def _pow_tail():
    """For a < -1: (T^(a + 1) - 1)/(a + 1) -> -1/(a + 1) as T -> oo (T = 10^k, k up to 10^12 for a = -1 - 1e-7), and
    quadrature agrees at a = -2, -3, -3/2."""
    with mp.workdps(50):
        for a in map(mp.mpf, ("-1.0000001", "-1.001", "-1.5", "-2", "-10", "-1e6")):
            gaps = [abs((mp.power(10, k * (a + 1)) - 1) / (a + 1) + 1 / (a + 1)) for k in (10**6, 10**9, 10**12)]
            if not (gaps[0] >= gaps[1] >= gaps[2] and gaps[2] < mp.mpf(10) ** -20 * abs(1 / (a + 1))):
                return False
        return all(abs(mp.quad(lambda x: x**a, [1, 10, mp.inf]) + 1 / (a + 1)) < mp.mpf(10) ** -20
                   for a in map(mp.mpf, ("-2", "-3", "-1.5")))


SPECIAL = {
    "io-h13-cos-shift": _cos_shift,
    "dm-h13-acos-atan-ok": _acos_atan,
    "dl-h13-exp-second": _exp_second,
    "ca-h13-pow-tail": _pow_tail,
}

check = r7.special_first(SPECIAL, r12.check)


def main(argv):
    return r7.run(CLAIMS, check, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
