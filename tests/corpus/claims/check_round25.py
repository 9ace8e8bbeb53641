"""Independent mpmath checks (no sympy, no Formulary) of every round-25 label.

    python3 tests/corpus/claims/check_round25.py [--id ID]

It reuses round 12's checks (round 7's as-written walker on its grid, the functions of rounds 8 to 11) and adds the
functions this round reads, each straight from mpmath: ``LambertW`` (principal branch, real for x >= -1/e),
``polygamma(m, x)`` and ``uppergamma(s, x)`` (``mpmath.gammainc(s, x)``, the integral from x to infinity).

By hand (``SPECIAL``):

* the two inequalities between increasing functions on an interval, where the grid alone proves nothing between its
  points: for g, h increasing, g(x) <= h(x) on [a, b] follows from g(b) <= h(a), so a cover of [c, B] by cells on
  which g(right end) < h(left end) proves g < h there (cells are halved near the crossing, which lies beyond B).
  Near 0 both sides meet (equal at 0) and no cell works; there Taylor bounds do: tanh u >= u - u^3/3 for u >= 0
  (so sigmoid t - 1/2 = tanh(t/2)/2 >= t/4 - t^3/48), and erf, Phi - 1/2 are concave on x >= 0, below their
  tangents at 0:
  - Phi(x) <= sigmoid(3x) on [0, 49/10] (crossing at 4.97008): x/sqrt(2 pi) <= 3x/4 - 27x^3/48 for x <= 1/2;
  - erf(x) <= tanh(14x/5) on [0, 5] (crossing at 5.02296; the gap at 5 is 1.5e-13): 2x/sqrt(pi) <= u - u^3/3,
    u = 14x/5, for x <= 2/5;
* sums and products at integers n up to a few hundred, exactly (``fractions``; the walker's grid reaches too few
  integers above the bound n >= 2 or n >= 3);
* the polygamma recurrence and bound on the walker's grid at 1500 (and 3000) digits: at x = 1e-300, psi'(x) = 1e600 +
  1.64 and the walker's 500 digits lose the 1.64; the recurrence is compared to 1e-600.
"""
import fractions
import json
import pathlib
import sys

import mpmath as mp

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import check_round7 as r7  # the walker; it imports nothing from Formulary
import check_round12 as r12  # round 11's checks and round 12's hand-written ones


def _lambertw(a):
    if a < -1 / mp.e:
        raise r7.Undefined("LambertW below -1/e is not real")
    return mp.re(mp.lambertw(a))


def _polygamma(m, a):
    if m != int(m) or m < 0:
        raise ValueError("polygamma order must be a nonnegative integer")
    if a <= 0 and a == int(a):
        raise r7.Undefined("pole of polygamma")
    return mp.polygamma(int(m), a)


def _uppergamma(s, a):
    if a < 0:
        raise r7.Undefined("uppergamma at a negative point (not real in general)")
    return mp.gammainc(s, a)


r7.FUNCS.update({"LambertW": _lambertw, "polygamma": _polygamma, "uppergamma": _uppergamma})

CLAIMS = [json.loads(line) for line in (HERE / "heldout_round25.jsonl").read_text().splitlines()]


def _covered(low, high, start, end, cells=200, depth=30):
    """``low(x) < high(x)`` on [start, end] for ``low``, ``high`` increasing: every cell [a, b] of a cover has
    low(b) < high(a).  A cell where that fails is halved, ``depth`` times at most."""
    with mp.workdps(40):
        step = (end - start) / cells
        stack = [(start + k * step, start + (k + 1) * step, 0) for k in range(cells)]
        while stack:
            a, b, d = stack.pop()
            if low(b) < high(a):
                continue
            if d >= depth:
                return False
            m = (a + b) / 2
            stack += [(a, m, d + 1), (m, b, d + 1)]
    return True


def _phi_sigmoid():
    with mp.workdps(40):
        x = mp.mpf(1) / 2  # x/sqrt(2 pi) <= 3x/4 - 27x^3/48 holds on [0, x] when it holds at x (divide by x)
        near_zero = 1 / mp.sqrt(2 * mp.pi) < mp.mpf(3) / 4 - 27 * x**2 / 48
    return near_zero and _covered(mp.ncdf, lambda t: 1 / (1 + mp.exp(-3 * t)), mp.mpf(1) / 2, mp.mpf(49) / 10)


def _erf_tanh():
    with mp.workdps(40):
        x, k = mp.mpf(2) / 5, mp.mpf(14) / 5  # 2x/sqrt(pi) <= kx - (kx)^3/3: divide by x
        near_zero = 2 / mp.sqrt(mp.pi) < k - k**3 * x**2 / 3
    return near_zero and _covered(mp.erf, lambda t: mp.tanh(mp.mpf(14) / 5 * t), mp.mpf(2) / 5, mp.mpf(5))


def _abs3_sum():
    """sum_{j=1}^n |j - 3| = (n^2 - 5n + 12)/2 for 2 <= n <= 400, exactly."""
    return all(sum(abs(j - 3) for j in range(1, n + 1)) * 2 == n * n - 5 * n + 12 for n in range(2, 401))


def _square_gap():
    """prod_{j=1}^n (1 + 1/(j(j + 2))) < 2 - 1/n for 3 <= n <= 400, exactly; the product is 2 - 2/(n + 2)."""
    F = fractions.Fraction
    p, ok = F(1), True
    for n in range(1, 401):
        p *= 1 + F(1, n * (n + 2))
        ok &= p == 2 - F(2, n + 2) and (n < 3 or p < 2 - F(1, n))
    return ok


def _trigamma_rec():
    """psi'(x + 1) = psi'(x) - 1/x^2 on the walker's grid at 1500 digits, to 1e-600 (psi'(1e-300) - 1/(1e-300)^2
    keeps 900 of its 1500 digits; the walker's tolerance, 1e-1485, asks for all of them)."""
    claim = BY_ID["sf-h25-trigamma-rec"]
    with mp.workdps(1500):
        for p in r7.grid(claim):
            x = r7.value(p["x"], {})
            if abs(mp.polygamma(1, x + 1) - (mp.polygamma(1, x) - 1 / x**2)) > mp.mpf(10) ** -600:
                return False
    return True


def _deep_grid(claim_id):
    """Round 7's grid check with 1500 and 3000 digits."""
    def check():
        claim = BY_ID[claim_id]
        return all(r7.holds_at(claim, p, digits=(1500, 3000), strict_tie_fails=False) is True for p in r7.grid(claim))
    return check


BY_ID = {c["id"]: c for c in CLAIMS}

SPECIAL = {
    "sr-h25-abs3-sum": _abs3_sum,
    "pr-h25-square-gap": _square_gap,
    "sf-h25-trigamma-rec": _trigamma_rec,
    "sf-h25-tetragamma-bound": _deep_grid("sf-h25-tetragamma-bound"),
    "ie-h25-phi-sig3-short": _phi_sigmoid,
    "ie-h25-erf-tanh-short": _erf_tanh,
}

check = r7.special_first(SPECIAL, r12.check)


def main(argv):
    return r7.run(CLAIMS, check, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
