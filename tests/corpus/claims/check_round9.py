"""Independent mpmath checks (no sympy, no Formulary) of every round-9 label.

    python3 tests/corpus/claims/check_round9.py [--id ID]

It reuses round 8's checker (round 7's as-written walker over Python's ``ast``, ``Heaviside(0)`` under the three
conventions 0, 1/2 and 1), and changes three things for what round 9 writes:

* a derivative exists only where the one-sided difference quotients agree: ``mp.diff`` is taken forward, backward
  and central, and a side whose derivative differs between them (a kink of ``|sin x|`` at pi, a jump of
  ``ceiling(x^2)`` at sqrt 2) is undefined there, as the corpus README reads a derivative that does not exist;
  round 7's walker took the central quotient only, which averages a kink away;
* points as small as 1e-21 are differentiated too (the walker refused below 1e-20; the steps mpmath takes at
  500 digits are far below that);
* a limit with a direction (``'+'`` or ``'-'``) is approached from that side only.

Claims the grid cannot reach are checked by hand-written mpmath or exact integers (``SPECIAL``).
"""
import itertools
import json
import pathlib
import sys

import mpmath as mp

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import check_round7 as r7  # the walker; it imports nothing from Formulary
import check_round8 as r8  # its functions (beta, lgamma, Heaviside, tan) and the Heaviside conventions


def _acos(a):
    if a < -1 or a > 1:
        raise r7.Undefined("acos outside [-1, 1]")
    return mp.acos(a)


r7.FUNCS.update({"acos": _acos})


def _diff(self, node):
    """The derivative where the forward, backward and central quotients agree; undefined where they do not."""
    body, var = node.args[:2]
    order = int(self(node.args[2])) if len(node.args) > 2 else 1
    x0 = self.point[var.id]
    if abs(x0) > 10**50:
        raise ValueError("numerical derivative too far out")
    f = lambda t: r7.real(r7.Walker(self.point | {var.id: t})(body))
    f(x0)  # undefined at the point: so is the derivative
    h = mp.mpf(10) ** (-(mp.mp.dps // 3))  # far above the point's own rounding (pi to 500 digits is off by 1e-500)
    values = [mp.diff(f, x0, order)] + [mp.diff(f, x0, order, direction=d, h=h) for d in (1, -1)]
    scale = max(1, *(abs(v) for v in values))
    if max(values) - min(values) > mp.mpf(10) ** (-(mp.mp.dps // 8)) * scale:  # O(h), O(sqrt h) at a cusp
        raise r7.Undefined(f"one-sided derivatives differ: {[mp.nstr(v, 8) for v in values]}")
    return values[0]


def _limit(self, node):
    """Round 7's limit, from one side when the claim names one."""
    body, var, at = node.args[:3]
    side = self(node.args[3]) if len(node.args) > 3 else "±"
    at = self(at)
    f = lambda t: r7.real(r7.Walker(self.point | {var.id: t})(body))
    if at in (mp.inf, -mp.inf):
        xs = [mp.sign(at) * mp.mpf(10) ** k for k in (8, 12, 16)]
    else:
        signs = {"+": (1,), "-": (-1,)}.get(side, (1, -1))
        xs = [at + s * mp.mpf(10) ** -k for k in (20, 30) for s in signs]
    values = [f(x) for x in xs]
    if max(values) - min(values) > mp.mpf(10) ** -6 * max(1, abs(values[-1])):
        raise r7.Undefined(f"limit does not settle: {[mp.nstr(v, 8) for v in values]}")
    return r7.Limit(values)


r7.Walker._diff = _diff
r7.Walker._limit = _limit


def _log_root_far():
    """log x < x^(1/100) for x > 1e300: it holds at 1e300 (690.8 < 1000), and log x - x^(1/100) decreases once
    x^(1/100) > 100 (its derivative is (1 - x^(1/100)/100)/x), that is for x > 1e200."""
    with mp.workdps(50):
        x = mp.mpf(10) ** 300
        return mp.log(x) < x ** (mp.mpf(1) / 100) and mp.mpf(10) ** 200 < x


def _n10_2n():
    """n^10 < 2^n for integers n >= 59: exact at 59..3000, and (1 + 1/n)^10 < 2 for n >= 15 keeps the ratio
    2^n/n^10 growing beyond."""
    exact = all(n**10 < 2**n for n in range(59, 3001))
    growth = all((n + 1) ** 10 < 2 * n**10 for n in range(15, 3001))
    return exact and growth and (58**10 < 2**58) is False


def _flat_over_power():
    """exp(-1/x^2)/x^100 -> 0 at 0 (the walker's zero test takes x^100 at 1e-30 for 0): its log,
    -1/x^2 - 100 log|x|, at x = +-10^-k falls without bound as k grows."""
    with mp.workdps(50):
        logs = [-mp.mpf(10) ** (2 * k) + 100 * k * mp.log(10) for k in range(1, 12)]
        return all(b < a for a, b in itertools.pairwise(logs)) and logs[-1] < -10**21


def _cos_pow():
    """cos(x)^(1/x^2) -> exp(-1/2): at x = +-10^-k (k = 5, 10, 20) at 200 digits (the closed check's 60 digits
    round cos(1e-30) to 1)."""
    with mp.workdps(200):
        gaps = [abs(mp.cos(s * mp.mpf(10) ** -k) ** (1 / mp.mpf(10) ** (-2 * k)) - mp.exp(-mp.mpf(1) / 2))
                for k in (5, 10, 20) for s in (1, -1)]
        return gaps[-1] < mp.mpf(10) ** -30 and gaps[0] > gaps[-1]


def _digamma_rec_neg():
    """psi(x + 1) = psi(x) + 1/x on (-1, 0) and (0, oo), at the grid's points at 2000 digits: at x = 1e-300 the
    right side cancels 300 digits, which the walker's 500 cannot spare."""
    with mp.workdps(2000):
        points = [mp.mpf(r7.value(v, {})) for v in r7.GRID]
        points = [p for p in points if p > -1 and p != 0] + [mp.mpf(-1) / 2, mp.mpf(-1) + mp.mpf(10) ** -30]
        return all(abs(mp.digamma(p + 1) - mp.digamma(p) - 1 / p) < mp.mpf(10) ** -1000 for p in points)


CLAIMS = [json.loads(line) for line in (HERE / "heldout_round9.jsonl").read_text().splitlines()]
SPECIAL = {
    "th-h9-log-root-far": _log_root_far,
    "io-h9-n10-2n": _n10_2n,
    "lim-h9-flat-over-power": _flat_over_power,
    "lim-h9-cos-pow": _cos_pow,
    "sf-h9-digamma-rec-neg": _digamma_rec_neg,
}


def check(claim):
    if claim["id"] in SPECIAL:
        return SPECIAL[claim["id"]](), "by hand (SPECIAL)"
    ok, how = r8.check(claim)
    if claim["truth"] is True and " 0 points settled" in how:
        return None, how  # no grid point inside the assumptions: not a confirmation
    return ok, how


def main(argv):
    return r7.run(CLAIMS, check, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
