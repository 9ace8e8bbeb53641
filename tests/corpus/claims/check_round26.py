"""Independent mpmath checks (no sympy, no Formulary) of every round-26 label.

    python3 tests/corpus/claims/check_round26.py [--id ID]

Round 12's checks (round 7's as-written walker on its grid, with the functions of rounds 8 to 11) confirm most labels:
a false claim at its witness (1200 and 2400 digits), a true one on the grid.  By hand (``SPECIAL``), where a grid
proves nothing between its points or reaches too few integers:

* |x Phi(x) - x sigmoid(1.702 x)| <= 0.0204: f(x) = x (Phi(x) - sigmoid(1.702 x)) is even, and |f'| <= 3/2 on R
  (|Phi - sigmoid| <= 1, |x phi(x)| <= 0.25, |1.702 x sigmoid'(1.702 x)| <= 0.23), so on a cell [a, b]
  |f| <= max(|f(a)|, |f(b)|) + 3/4 (b - a); a cover of [0, 12] by such cells (halved where the bound fails) with
  bound < 0.0204, and for x >= 12, |f| <= x (1 - sigmoid(1.702 x)) + x (1 - Phi(x)) <= 2 x e^(-1.702 x) < 1e-7;
* sqrt(x) <= 100 + log(x) on [1, 10000]: on [1, 4] sqrt x <= 2 <= 100 + log x; on [4, 10000] sqrt x - log x has
  derivative (sqrt x - 2)/(2x) >= 0, so it is at most its value at 10000, 100 - log(10000) < 100;
* the sums at every integer up to a few hundred, exactly (``fractions``), beside the proof sketch in each ``why``.
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

CLAIMS = [json.loads(line) for line in (HERE / "heldout_round26.jsonl").read_text().splitlines()]
F = fractions.Fraction


def _gelu_sigmoid_bound(bound=mp.mpf("0.0204"), lipschitz=mp.mpf(3) / 2, end=12, cells=1200, depth=40):
    with mp.workdps(30):
        f = lambda x: abs(x * mp.ncdf(x) - x / (1 + mp.exp(-mp.mpf("1.702") * x)))
        # the Lipschitz bound, sampled: |f'| stays below 3/2 (it is at most 1 + 0.25 + 0.23)
        if max(abs(mp.diff(lambda t: t * mp.ncdf(t) - t / (1 + mp.exp(-mp.mpf("1.702") * t)), mp.mpf(k) / 50))
               for k in range(-600, 601)) >= lipschitz:
            return False
        step = mp.mpf(end) / cells
        stack = [(k * step, (k + 1) * step, 0) for k in range(cells)]
        while stack:
            a, b, d = stack.pop()
            if max(f(a), f(b)) + lipschitz * (b - a) / 2 < bound:
                continue
            if d >= depth:
                return False
            m = (a + b) / 2
            stack += [(a, m, d + 1), (m, b, d + 1)]
        far = 2 * end * mp.exp(-mp.mpf("1.702") * end)  # x e^(-1.702 x) decreases for x >= 1
        return far < bound and mp.ncdf(-end) < mp.exp(-mp.mpf("1.702") * end)


def _sqrt_log_short():
    with mp.workdps(30):
        return mp.sqrt(10000) - mp.log(10000) < 100 and 2 <= 100 + mp.log(1)


def _tel_cubic(upto=400):
    s, ok = F(0), F(1, 4) - F(1, 2 * 1 * 2) == 0  # n = 0: the empty sum
    for n in range(1, upto + 1):
        s += F(1, n * (n + 1) * (n + 2))
        ok &= s == F(1, 4) - F(1, 2 * (n + 1) * (n + 2))
    return ok


def _tel_half(span=30, length=60):
    ok = True
    for m in range(-span, span + 1):
        s = F(0)
        for n in range(m, m + length):
            s += 1 / (F(n) ** 2 - F(1, 4))
            ok &= s == F(2, 2 * m - 1) - F(2, 2 * n + 1)
    return ok


def _zeta3_bound(upto=400):
    s, ok = F(0), True
    for n in range(1, upto + 1):
        s += F(1, n**3)
        ok &= s <= F(5, 4) - F(1, 2 * n * (n + 1))
    return ok


SPECIAL = {
    "dl-h26-gelu-sig-bound": _gelu_sigmoid_bound,
    "ie-h26-sqrt-log-short": _sqrt_log_short,
    "sr-h26-tel-cubic": _tel_cubic,
    "sr-h26-tel-half": _tel_half,
    "sr-h26-zeta3-bound": _zeta3_bound,
}

check = r7.special_first(SPECIAL, r12.check)


def main(argv):
    return r7.run(CLAIMS, check, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
