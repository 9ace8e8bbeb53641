r"""Independent checks of the hand labels of planted_mistakes_7.md (round 20): a seventh file of study notes with
planted mistakes, written and labelled for the corpus before Formulary was run on it and held out from tuning.

Seventeen sections on topics no earlier planted file uses (the loss at initialisation, the cost of a dense layer, the
receptive field of stacked and dilated convolutions, the number of proposals of rejection sampling, the scale of a
Laplace distribution, R^2 on three points, the larger of two uniform draws, the variance of an inverted-dropout mask,
the peak of the inverse-square-root schedule, the age of an exponential moving average, a binary symmetric channel,
the sigmoid's derivative bound, folding batch normalisation, the gradient of the Euclidean norm, the best constant
prediction under the log loss, class-balanced weights, gradient accumulation); five carry one deliberate slip (the
receptive field of three 3x3 layers counted as 9 for 7, a sign in the derivative of -S/b, the dropout variance
inverted to (1 - p)/p, the mean age of the moving average written 1/(1 - beta) for beta/(1 - beta), the folded bias
without gamma).  As in the earlier rounds each entry names a block by ``(file, line[, exact block text])``, gives its
role and label, says how it was checked and, for ``right``/``wrong``, carries a check written by hand with sympy,
mpmath or numpy that returns True when the block's claim holds.  A wrong label's check evaluates the claim as stated
(under the section's conditions) and finds it false at a concrete point that satisfies them.  Nothing from the
Formulary code base is imported.

    python3 tests/corpus/notes/check_labels_round20.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round20.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import sys
from pathlib import Path

import mpmath as mp
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import check_entries, recorder, zero

ENTRIES, label, nonclaim = recorder()
PM = "planted_mistakes_7.md"
x, w1, w2, wx, bb, mu_, ybar = sp.symbols("x w_1 w_2 w_x b mu ybar", real=True)
K, z, n, S, q, p, beta, w, gamma, var, eps, s = sp.symbols("K z n S q p beta w gamma var epsilon s", positive=True)


def mentions(line, *picks, role="no-claim", what="a name or expression mentioned in the prose"):
    for pick in picks:
        nonclaim(PM, line, role, what, pick=pick)


def rounds_to(value, stated: str) -> bool:
    """True when ``value`` (mpmath, 30 digits) is within one unit of the last digit of the decimal ``stated``."""
    places = len(stated.partition(".")[2])
    with mp.workdps(30):
        return abs(mp.mpf(value) - mp.mpf(stated)) <= mp.mpf(10) ** -places


# ---------------------------------------------------------------- 1. loss at initialisation
mentions(9, "K", "z")
label(PM, 11, "claim", "right", "sympy: e^z/(K e^z) - 1/K simplifies to 0", "K > 0",
      lambda: zero(sp.exp(z) / (K * sp.exp(z)) - 1 / K))
mentions(15, "\\log K")
label(PM, 17, "claim", "right", "mpmath: log 10 = 2.302585...", "", lambda: rounds_to(mp.log(10), "2.303"))
label(PM, 23, "claim", "right", "mpmath: log 1000 = 6.907755...", "", lambda: rounds_to(mp.log(1000), "6.908"))

# ---------------------------------------------------------------- 2. dense layer
mentions(31, "n", "m", "B", "2Bnm")
label(PM, 33, "claim", "right", "exact: 2 * 32 * 1024^2 = 67108864", "", lambda: 2 * 32 * 1024 * 1024 == 67108864)

# ---------------------------------------------------------------- 3. receptive field
mentions(39, "k", "k - 1", "L")
nonclaim(PM, 41, "definition", "the receptive field after L layers (stated as the formula the prose derives)")
mentions(45, "3 \\times 3")
label(PM, 47, "claim", "wrong", "exact: 1 + 3 * (3 - 1) = 7, not 9", "", lambda: 1 + 3 * (3 - 1) == 9)
mentions(51, "d_1, \\dots, d_L", "(k - 1) d_l")
label(PM, 53, "claim", "right", "exact: 1 + 2 * 7 = 15", "", lambda: 1 + (3 - 1) * (1 + 2 + 4) == 15)

# ---------------------------------------------------------------- 4. rejection sampling
mentions(59, "p(x) \\le M g(x)", role="condition", what="the envelope condition")
mentions(59, "q = 1/M", role="definition", what="the acceptance probability")
mentions(59, "0 < q < 1", role="condition", what="0 < q < 1")


def _geometric_mean() -> bool:
    """mpmath: the series summed numerically at q = 0.3 and 0.05 against 1/q; sympy: the closed form for symbolic q."""
    with mp.workdps(30):
        for qq in (mp.mpf("0.3"), mp.mpf("0.05")):
            total = mp.nsum(lambda k, qq=qq: k * qq * (1 - qq) ** (k - 1), [1, mp.inf])
            if abs(total - 1 / qq) > mp.mpf(10) ** -20:
                return False
    k = sp.Symbol("k", integer=True, positive=True)
    closed = sp.Sum(k * (1 - q) ** (k - 1), (k, 1, sp.oo)).doit()  # Piecewise: 1/q^2 where |q - 1| < 1
    (value, region), _ = closed.args
    return region.subs(q, sp.Rational(1, 2)) == sp.true and zero(q * value - 1 / q)


label(PM, 61, "claim", "right", "mpmath nsum at q = 0.3, 0.05 and sympy's closed form: the mean of a geometric "
      "count is 1/q", "0 < q < 1", _geometric_mean)
mentions(65, "M")

# ---------------------------------------------------------------- 5. Laplace scale
mentions(69, "\\mu")
mentions(69, "b > 0", role="condition", what="b > 0")
mentions(69, "\\frac{1}{2b} e^{-|x - \\mu|/b}", what="the Laplace density")
mentions(69, "S = \\sum_{i=1}^{n} |x_i - \\mu|", role="definition", what="the sum of absolute deviations")
mentions(69, "n")
nonclaim(PM, 71, "definition", "the log-likelihood (from the density: log of prod 1/(2b) e^{-|x_i - mu|/b})")
label(PM, 77, "claim", "wrong", "sympy: d/db (-n log(2b) - S/b) = -n/b + S/b^2; at n = 1, S = 1, b = 1 the left side "
      "is 0 and the right side -2", "b > 0, S >= 0",
      lambda: zero(sp.diff(-n * sp.log(2 * bb) - S / bb, bb) - (-n / bb - S / bb**2)))
mentions(81, "\\hat{b} = S/n", role="definition", what="the estimate (its derivation is the prose's)")

# ---------------------------------------------------------------- 6. R^2
mentions(85, "1, 2, 3", "1.5, 2, 2.5", role="example", what="the data")
label(PM, 87, "claim", "right", "exact: 1/4 + 0 + 1/4 = 1/2", "",
      lambda: (1 - sp.Rational(3, 2))**2 + 0 + (3 - sp.Rational(5, 2))**2 == sp.Rational(1, 2))
label(PM, 93, "claim", "right", "exact: 1 + 0 + 1 = 2", "", lambda: (1 - 2)**2 + (2 - 2)**2 + (3 - 2)**2 == 2)
label(PM, 99, "claim", "right", "exact: 1 - (1/2)/2 = 3/4 (R^2 as the definition 1 - SS_res/SS_tot, so also a "
      "definition of R^2; its value is the claim)", "", lambda: 1 - sp.Rational(1, 2) / 2 == sp.Rational(3, 4))

# ---------------------------------------------------------------- 7. maximum of two uniforms
mentions(105, "x", "x^2", "2x", "[0, 1]")
label(PM, 107, "claim", "right", "sympy: int_0^1 2x^2 dx = 2/3", "",
      lambda: sp.integrate(x * 2 * x, (x, 0, 1)) == sp.Rational(2, 3))
label(PM, 111, "claim", "right", "sympy: int_0^1 2x^3 dx = 1/2", "",
      lambda: sp.integrate(x**2 * 2 * x, (x, 0, 1)) == sp.Rational(1, 2))
label(PM, 117, "claim", "right", "exact: 1/2 - 4/9 = 1/18", "",
      lambda: sp.Rational(1, 2) - sp.Rational(2, 3)**2 == sp.Rational(1, 18))

# ---------------------------------------------------------------- 8. dropout mask
mentions(123, "m", "\\frac{1}{1 - p}", "1 - p", "0")
mentions(123, "0 < p < 1", role="condition", what="0 < p < 1")
label(PM, 125, "claim", "right", "sympy: (1 - p) / (1 - p) = 1", "0 < p < 1", lambda: zero((1 - p) / (1 - p) - 1))
label(PM, 131, "claim", "right", "sympy: (1 - p) / (1 - p)^2 - 1/(1 - p) simplifies to 0", "0 < p < 1",
      lambda: zero((1 - p) / (1 - p)**2 - 1 / (1 - p)))
label(PM, 137, "claim", "wrong", "sympy: 1/(1 - p) - 1 = p/(1 - p); at p = 1/4 the left side is 1/3 and the right "
      "side (1 - p)/p = 3", "0 < p < 1",
      lambda: zero((1 / (1 - p) - 1 - (1 - p) / p).subs(p, sp.Rational(1, 4))))

# ---------------------------------------------------------------- 9. inverse-square-root schedule
mentions(143, "\\eta(t) = d^{-1/2} \\min(t^{-1/2}, t w^{-3/2})", role="definition", what="the schedule")
mentions(143, "w")
mentions(143, "t = w", role="condition", what="where the branches meet")
mentions(143, "w > 0", role="condition", what="w > 0")
label(PM, 145, "claim", "right", "sympy: w * w^(-3/2) - w^(-1/2) is 0 for w > 0", "w > 0",
      lambda: zero(w * w**sp.Rational(-3, 2) - w**sp.Rational(-1, 2)))
mentions(149, "(d w)^{-1/2}", what="the peak rate")
label(PM, 151, "claim", "right", "mpmath: 1/sqrt(2048000) = 0.00069877...", "",
      lambda: rounds_to(1 / mp.sqrt(512 * 4000), "0.000699"))

# ---------------------------------------------------------------- 10. moving average
mentions(157, "\\beta", "k", "(1 - \\beta)\\beta^k")
mentions(157, "0 < \\beta < 1", role="condition", what="0 < beta < 1")


def _ema(weighted: bool) -> bool:
    """mpmath nsum at beta = 0.9 and 0.5 of (1 - beta) beta^k (times k when ``weighted``) against the stated side."""
    with mp.workdps(30):
        for bt in (mp.mpf("0.9"), mp.mpf("0.5")):
            total = mp.nsum(lambda k, bt=bt: (k if weighted else 1) * (1 - bt) * bt**k, [0, mp.inf])
            stated = 1 / (1 - bt) if weighted else 1
            if abs(total - stated) > mp.mpf(10) ** -20:
                return False
    return True


label(PM, 159, "claim", "right", "mpmath nsum at beta = 0.9, 0.5: the weights add up to 1", "0 < beta < 1",
      lambda: _ema(False))
label(PM, 165, "claim", "wrong", "mpmath nsum: sum_k k (1 - beta) beta^k = beta/(1 - beta): 9 at beta = 0.9, not 10",
      "0 < beta < 1", lambda: _ema(True))
mentions(169, "\\beta = 0.9", role="example", what="an example value")

# ---------------------------------------------------------------- 11. binary symmetric channel
mentions(173, "\\varepsilon")
mentions(173, "H(Y) = 1", role="claim", what="the entropy of a uniform bit (a fact stated in prose, 1 bit)")
mentions(173, "H(Y \\mid X)")


def _bsc() -> bool:
    """mpmath: I(X;Y) = H(Y) - H(Y|X) computed from the joint law of a uniform input and a flip with probability e,
    against 1 + e log2 e + (1 - e) log2 (1 - e), at e = 0.11, 0.3, 0.5."""
    with mp.workdps(30):
        for e in (mp.mpf("0.11"), mp.mpf("0.3"), mp.mpf("0.5")):
            joint = {(a, c): mp.mpf(1) / 2 * (e if a != c else 1 - e) for a in (0, 1) for c in (0, 1)}
            py = {c: joint[(0, c)] + joint[(1, c)] for c in (0, 1)}
            info = sum(v * mp.log(v / (mp.mpf(1) / 2 * py[c]), 2) for (a, c), v in joint.items())
            if abs(info - (1 + e * mp.log(e, 2) + (1 - e) * mp.log(1 - e, 2))) > mp.mpf(10) ** -20:
                return False
    return True


label(PM, 175, "claim", "right", "mpmath: the mutual information from the joint law at e = 0.11, 0.3, 0.5", "0 < e < 1",
      _bsc)
label(PM, 181, "claim", "right", "mpmath: 1 + 0.11 log2 0.11 + 0.89 log2 0.89 = 0.50008...", "",
      lambda: rounds_to(1 + mp.mpf("0.11") * mp.log(mp.mpf("0.11"), 2) + mp.mpf("0.89") * mp.log(mp.mpf("0.89"), 2),
                        "0.500"))

# ---------------------------------------------------------------- 12. sigmoid bound
mentions(187, "\\sigma(x)(1 - \\sigma(x))", what="the sigmoid's derivative")
mentions(187, "s = \\sigma(x)", role="definition", what="s")
label(PM, 189, "claim", "right", "sympy: s(1 - s) - 1/4 + (s - 1/2)^2 expands to 0", "",
      lambda: sp.expand(s * (1 - s) - sp.Rational(1, 4) + (s - sp.Rational(1, 2))**2) == 0)
label(PM, 195, "claim", "right", "exact: 4^-10 = 9.5367e-7, which is 9.54e-7 to the stated digits", "",
      lambda: abs(sp.Rational(1, 4**10) - sp.Rational(954, 10**9)) <= sp.Rational(1, 10**9))

# ---------------------------------------------------------------- 13. batch-norm folding
mentions(201, "\\mu", "\\sigma^2", "wx + b")
label(PM, 203, "claim", "wrong", "sympy: the difference is (gamma - 1)(b - mu)/sqrt(var + eps); at gamma = 2, b = 1, "
      "mu = 0, var = 1, eps = 1/100 it is 1/sqrt(1.01)", "sigma^2 + epsilon > 0",
      lambda: zero((gamma * (wx * x + bb - mu_) / sp.sqrt(var + eps) + beta
                    - (gamma * wx / sp.sqrt(var + eps) * x + (bb - mu_) / sp.sqrt(var + eps) + beta))
                   .subs({gamma: 2, bb: 1, mu_: 0, var: 1, eps: sp.Rational(1, 100)})))

# ---------------------------------------------------------------- 14. gradient of the norm
label(PM, 213, "claim", "right", "sympy: d/dw_1 sqrt(w_1^2 + w_2^2) - w_1/sqrt(w_1^2 + w_2^2) simplifies to 0",
      "w != 0", lambda: zero(sp.diff(sp.sqrt(w1**2 + w2**2), w1) - w1 / sp.sqrt(w1**2 + w2**2)))
mentions(217, "w_2")
label(PM, 219, "claim", "right", "sympy: the sum of the squared entries simplifies to 1", "w != 0",
      lambda: zero((w1 / sp.sqrt(w1**2 + w2**2))**2 + (w2 / sp.sqrt(w1**2 + w2**2))**2 - 1))

# ---------------------------------------------------------------- 15. best constant prediction
mentions(225, "p", "\\bar{y}")
mentions(225, "L(p) = -\\bar{y} \\log p - (1 - \\bar{y}) \\log(1 - p)", role="definition", what="the average log loss")
mentions(225, "0 < p < 1", role="condition", what="0 < p < 1")
label(PM, 227, "claim", "right", "sympy: the derivative minus (p - ybar)/(p(1 - p)) simplifies to 0", "0 < p < 1",
      lambda: zero(sp.diff(-ybar * sp.log(p) - (1 - ybar) * sp.log(1 - p), p) - (p - ybar) / (p * (1 - p))))
mentions(231, "p = \\bar{y}", role="condition", what="where the derivative vanishes")
label(PM, 233, "claim", "right", "mpmath: -0.2 log 0.2 - 0.8 log 0.8 = 0.50040...", "",
      lambda: rounds_to(-mp.mpf("0.2") * mp.log(mp.mpf("0.2")) - mp.mpf("0.8") * mp.log(mp.mpf("0.8")), "0.500"))

# ---------------------------------------------------------------- 16. class weights
mentions(239, "n", "K", "n_k", "k")
mentions(239, "\\frac{n}{K n_k}", what="the balanced weight")
label(PM, 241, "claim", "right", "sympy: sum over k = 1..K of n_k n/(K n_k) = n, for K = 1..6 with symbolic counts", "",
      lambda: all(zero(sum(c * n / (kk * c) for c in sp.symbols(f"c_1:{kk + 1}", positive=True)) - n)
                  for kk in range(1, 7)))
label(PM, 247, "claim", "right", "exact: 100/180 = 0.5555..., 0.556 to the stated digits", "",
      lambda: abs(sp.Rational(100, 180) - sp.Rational(556, 1000)) <= sp.Rational(1, 1000))
label(PM, 253, "claim", "right", "exact: 100/20 = 5", "", lambda: sp.Rational(100, 2 * 10) == 5)

# ---------------------------------------------------------------- 17. gradient accumulation
mentions(259, "A", "b", "g_{a,i}", "i", "a", "Ab")


def _accumulation() -> bool:
    """sympy: both sides for A, b = 1..4 with symbolic g_{a,i}."""
    for aa in range(1, 5):
        for b in range(1, 5):
            g = [[sp.Symbol(f"g_{i}_{j}") for j in range(b)] for i in range(aa)]
            left = sp.Rational(1, aa) * sum(sp.Rational(1, b) * sum(row) for row in g)
            right = sp.Rational(1, aa * b) * sum(sum(row) for row in g)
            if sp.expand(left - right) != 0:
                return False
    return True


label(PM, 261, "claim", "right", "sympy: both sides expanded for A, b = 1..4 with symbolic gradients", "",
      _accumulation)


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)

    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
