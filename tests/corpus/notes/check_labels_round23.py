r"""Independent checks of the hand labels of planted_mistakes_8.md (round 23): an eighth file of study notes with
planted mistakes, written and labelled for the corpus before Formulary was run on it and held out from tuning.

Sixteen sections on topics no earlier planted file uses (the offset identity of rotary embeddings, the output size of
a transposed convolution, the shift invariance of layer normalisation, softsign, the descent lemma at step 1/L,
gradient descent on a one-dimensional quadratic, the log-derivative trick for a Bernoulli policy, temperature scaling
of two logits, the posterior mean of a coin, add-one smoothing, Hoeffding's sample size, the Wasserstein distance of
two Gaussians on the line, power iteration on a diagonal matrix, the parameters of an LSTM layer, the load-balancing
loss of a mixture of experts, polynomial learning-rate decay); five carry one deliberate slip (the sign of the sine
term of the rotary identity, the decrease of the descent lemma written g^2/L for g^2/(2L), the score of the outcome 0
written sigma for -sigma, the prior's beta left out of the posterior mean's denominator, Hoeffding's bound evaluated
with epsilon for epsilon^2).  As in the earlier rounds each entry names a block by ``(file, line[, exact block
text])``, gives its role and label, says how it was checked and, for ``right``/``wrong``, carries a check written by
hand with sympy, mpmath or numpy that returns True when the block's claim holds.  A wrong label's check evaluates the
claim as stated (under the section's conditions) and finds it false at a concrete point that satisfies them.
Nothing from the Formulary code base is imported.

    python3 tests/corpus/notes/check_labels_round23.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round23.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import sys
from pathlib import Path

import mpmath as mp
import numpy as np
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import check_entries, recorder, zero

ENTRIES, label, nonclaim = recorder()
PM = "planted_mistakes_8.md"
q1, q2, k1, k2, th, m, n, c, xr, mu_, z1, z2 = sp.symbols("q_1 q_2 k_1 k_2 theta m n c x mu z_1 z_2", real=True)
x, L, g, a, eta, T = sp.symbols("x L g a eta T", positive=True)


def mentions(line, *picks, role="no-claim", what="a name or expression mentioned in the prose"):
    for pick in picks:
        nonclaim(PM, line, role, what, pick=pick)


def rounds_to(value, stated: str) -> bool:
    """True when ``value`` (mpmath, 30 digits) is within one unit of the last digit of the decimal ``stated``."""
    places = len(stated.partition(".")[2])
    with mp.workdps(30):
        return abs(mp.mpf(value) - mp.mpf(stated)) <= mp.mpf(10) ** -places


# ---------------------------------------------------------------- 1. rotary embeddings
mentions(9, "(q_1, q_2)", "m", "(k_1, k_2)", "n")
mentions(9, "\\phi = (n - m)\\theta", role="definition", what="the angle of the offset")


def _rotary() -> bool:
    """sympy: both sides with phi = (n - m) theta, expanded through the addition formulas."""
    left = ((q1 * sp.cos(m * th) - q2 * sp.sin(m * th)) * (k1 * sp.cos(n * th) - k2 * sp.sin(n * th))
            + (q1 * sp.sin(m * th) + q2 * sp.cos(m * th)) * (k1 * sp.sin(n * th) + k2 * sp.cos(n * th)))
    phi = (n - m) * th
    right = (q1 * k1 + q2 * k2) * sp.cos(phi) + (q1 * k2 - q2 * k1) * sp.sin(phi)
    return sp.simplify(sp.expand_trig(sp.expand(left - right))) == 0


label(PM, 11, "claim", "wrong", "sympy: the rotated inner product is (q1 k1 + q2 k2) cos(phi) + (q2 k1 - q1 k2) "
      "sin(phi); at q = (1, 0), k = (0, 1), m = 0, n theta = pi/2 the left side is -1 and the right side +1", "",
      _rotary)

# ---------------------------------------------------------------- 2. transposed convolution
mentions(19, "s", "p", "k", "n")
nonclaim(PM, 21, "definition", "the output length of a transposed convolution (the formula the section uses)")
label(PM, 27, "claim", "right", "sympy: (n - 1) 2 - 2 + 4 - 2n expands to 0", "",
      lambda: sp.expand((n - 1) * 2 - 2 + 4 - 2 * n) == 0)

# ---------------------------------------------------------------- 3. layer norm shift
mentions(33, "x \\in \\mathbb{R}^d", role="condition", what="x a vector of R^d")


def _mean_shift() -> bool:
    """sympy: both sides written out for d = 1..5 with symbolic x_i."""
    for d in range(1, 6):
        xs = sp.symbols(f"x_1:{d + 1}", real=True)
        left = sp.Rational(1, d) * sum(xi + c for xi in xs)
        right = sp.Rational(1, d) * sum(xs) + c
        if sp.expand(left - right) != 0:
            return False
    return True


label(PM, 35, "claim", "right", "sympy: written out for d = 1..5", "", _mean_shift)
label(PM, 41, "claim", "right", "sympy: (x_i + c) - (mu + c) - (x_i - mu) expands to 0", "",
      lambda: sp.expand((xr + c) - (mu_ + c) - (xr - mu_)) == 0)

# ---------------------------------------------------------------- 4. softsign
mentions(47, "x/(1 + |x|)", "x/(1 + x)")
mentions(47, "x > 0", role="condition", what="x > 0")
label(PM, 49, "claim", "right", "sympy: d/dx x/(1 + x) - 1/(1 + x)^2 simplifies to 0", "x > 0",
      lambda: zero(sp.diff(x / (1 + x), x) - 1 / (1 + x) ** 2))
mentions(53, "\\pm 1")
label(PM, 55, "claim", "right", "sympy: 1 - x/(1 + x) - 1/(1 + x) simplifies to 0", "x > 0",
      lambda: zero(1 - x / (1 + x) - 1 / (1 + x)))

# ---------------------------------------------------------------- 5. descent lemma
mentions(61, "f", "L", "x - \\eta g", "g", "\\eta")
mentions(61, "f(x - \\eta g) \\le f(x) - \\eta g^2 + \\frac{L\\eta^2}{2} g^2", role="condition",
         what="the descent lemma (a consequence of the L-Lipschitz gradient, taken as given)")
mentions(61, "\\eta = 1/L", role="condition", what="the step size")
label(PM, 63, "claim", "wrong", "sympy: -g^2/L + (L/2) g^2 / L^2 = -g^2/(2L); at g = L = 1 the left side is -1/2 and "
      "the right side -1", "L > 0",
      lambda: zero(-g**2 / L + L / 2 * g**2 / L**2 + g**2 / L))
mentions(67, "\\eta = 1/L", role="condition", what="the step size")
mentions(67, "f")

# ---------------------------------------------------------------- 6. quadratic
mentions(71, "f(x) = \\frac{a}{2}x^2", role="definition", what="the quadratic")
mentions(71, "a > 0", role="condition", what="a > 0")
label(PM, 73, "claim", "right", "sympy: x_k - eta a x_k - (1 - eta a) x_k expands to 0 (the update, whose second link "
      "is an identity; x_k - eta f'(x_k) with f' = a x)", "", lambda: sp.expand(x - eta * a * x - (1 - eta * a) * x) == 0)
mentions(77, "x_0")


def _unrolled() -> bool:
    """sympy: the recurrence x_{k+1} = (1 - eta a) x_k run from a symbolic x_0 for k = 0..6 against the closed form."""
    x0 = sp.Symbol("x_0")
    value = x0
    for k in range(7):
        if sp.expand(value - (1 - eta * a) ** k * x0) != 0:
            return False
        value = (1 - eta * a) * value
    return True


label(PM, 79, "claim", "right", "sympy: the recurrence run for k = 0..6 from a symbolic x_0", "", _unrolled)
mentions(83, "|1 - \\eta a| < 1", "0 < \\eta < 2/a", role="condition", what="the range of stable steps")
mentions(83, "\\eta = 1/a", role="example", what="an example step")

# ---------------------------------------------------------------- 7. log-derivative trick
mentions(87, "x \\in \\{0, 1\\}", role="condition", what="x binary")
mentions(87, "P(x = 1) = \\sigma(\\theta)", role="definition", what="the policy")
sig = 1 / (1 + sp.exp(-th))
label(PM, 89, "claim", "right", "sympy: d/dtheta log sigma(theta) - (1 - sigma(theta)) simplifies to 0", "",
      lambda: zero(sp.diff(sp.log(sig), th) - (1 - sig)))
label(PM, 95, "claim", "wrong", "sympy: d/dtheta log(1 - sigma(theta)) = -sigma(theta); at theta = 0 the left side is "
      "-1/2 and the right side 1/2", "",
      lambda: zero(sp.diff(sp.log(1 - sig), th) - sig))
mentions(99, "f")
f1, f0 = sp.symbols("f_1 f_0", real=True)
label(PM, 101, "claim", "right", "sympy: s(1 - s) f(1) - (1 - s) s f(0) - s(1 - s)(f(1) - f(0)) expands to 0", "",
      lambda: sp.expand(sig * (1 - sig) * f1 - (1 - sig) * sig * f0 - sig * (1 - sig) * (f1 - f0)) == 0)

# ---------------------------------------------------------------- 8. temperature scaling
mentions(107, "T > 0", role="condition", what="T > 0")
mentions(107, "z_1, z_2")
nonclaim(PM, 109, "definition", "the loss of the label 1 at temperature T")


def _temperature() -> bool:
    """sympy: the derivative of the defined loss minus the stated one, at random rational points (exact)."""
    loss = -z1 / T + sp.log(sp.exp(z1 / T) + sp.exp(z2 / T))
    stated = (z1 - (z1 * sp.exp(z1 / T) + z2 * sp.exp(z2 / T)) / (sp.exp(z1 / T) + sp.exp(z2 / T))) / T**2
    diff = sp.diff(loss, T) - stated
    rng = np.random.default_rng(23)
    for _ in range(10):
        point = {z1: sp.Rational(int(rng.integers(-9, 10)), 4), z2: sp.Rational(int(rng.integers(-9, 10)), 4),
                 T: sp.Rational(int(rng.integers(1, 10)), 3)}
        if abs(sp.N(diff.subs(point), 40)) > 1e-30:
            return False
    return zero(diff)


label(PM, 115, "claim", "right", "sympy: d/dT of the loss of line 109 minus the stated derivative is 0 (exact at ten "
      "rational points, and simplified)", "T > 0", _temperature)

# ---------------------------------------------------------------- 9. posterior mean
mentions(121, "\\alpha, \\beta", "k", "n", "\\alpha + k", "\\beta + n - k")
nonclaim(PM, 123, "no-claim", "the posterior mean, an expression with no relation")
mentions(127, "\\alpha = \\beta = 2", "k = 7", "n = 10", role="example", what="the example's values")
label(PM, 129, "claim", "wrong", "exact: at alpha = beta = 2, k = 7, n = 10 the mean is 9/14, not (2 + 7)/(2 + 10) "
      "= 3/4 (the second link holds; the first fails)", "alpha = beta = 2, k = 7, n = 10",
      lambda: sp.Rational(2 + 7, 2 + 2 + 10) == sp.Rational(2 + 7, 2 + 10) == sp.Rational(3, 4))

# ---------------------------------------------------------------- 10. add-one smoothing
label(PM, 137, "claim", "right", "exact: 1/25 = 0.04", "", lambda: sp.Rational(1, 25) == sp.Rational(4, 100))
label(PM, 143, "claim", "right", "exact: 4/25 = 0.16", "", lambda: sp.Rational(4, 25) == sp.Rational(16, 100))

# ---------------------------------------------------------------- 11. Hoeffding
mentions(149, "[0, 1]", "\\delta")
mentions(149, "P(|\\bar X - \\mu| \\ge \\epsilon) \\le 2e^{-2n\\epsilon^2}", role="condition",
         what="Hoeffding's inequality, taken as given")
nonclaim(PM, 151, "condition", "the sample size that makes the bound at most delta (a requirement on n, not an "
         "identity)")
mentions(155, "\\epsilon = 0.1", "\\delta = 0.05", role="example", what="the example's values")
label(PM, 157, "claim", "wrong", "mpmath: log(40)/(2 * 0.01) = 184.44, not 18.4", "",
      lambda: rounds_to(mp.log(40) / (2 * mp.mpf("0.1") ** 2), "18.4"))

# ---------------------------------------------------------------- 12. Wasserstein


def _w2() -> bool:
    """mpmath: W_2^2 as the integral over u in (0, 1) of the squared difference of the two quantile functions
    (the 1-D optimal coupling), at three pairs of Gaussians, against the stated closed form."""
    with mp.workdps(20):
        for m1, s1, m2, s2 in ((0, 1, 3, 2), (1, 0.5, -2, 3), (0.3, 2, 0.3, 1)):
            def quantile(u, m0, s0):
                return m0 + s0 * mp.sqrt(2) * mp.erfinv(2 * u - 1)

            value = mp.quad(lambda u, m1=m1, s1=s1, m2=m2, s2=s2: (quantile(u, m1, s1) - quantile(u, m2, s2)) ** 2,
                            [0, mp.mpf("0.5"), 1])
            if abs(value - ((m1 - m2) ** 2 + (s1 - s2) ** 2)) > mp.mpf(10) ** -8:
                return False
    return True


label(PM, 165, "claim", "right", "mpmath: the quantile-coupling integral at three pairs of Gaussians", "sigma_1, "
      "sigma_2 > 0", _w2)
label(PM, 171, "claim", "right", "exact: 9 + 1 = 10", "", lambda: (0 - 3) ** 2 + (1 - 2) ** 2 == 10)

# ---------------------------------------------------------------- 13. power iteration
mentions(177, "A^k v_0", "k")
mentions(177, "A = \\operatorname{diag}(3, 1)", "v_0 = (1, 1)", role="definition", what="the matrix and the start")


def _power(k: int) -> np.ndarray:
    A = np.diag([3.0, 1.0])
    return np.linalg.matrix_power(A, k) @ np.array([1.0, 1.0])


label(PM, 177, "claim", "right", "numpy: diag(3, 1)^k (1, 1) = (3^k, 1) for k = 0..8", "",
      lambda: all(np.allclose(_power(k), [3.0 ** k, 1.0]) for k in range(9)), pick="A^k v_0 = (3^k, 1)")
label(PM, 179, "claim", "right", "numpy: the norm ratio against sqrt((9^(k+1) + 1)/(9^k + 1)) for k = 0..8", "",
      lambda: all(abs(np.linalg.norm(_power(k + 1)) / np.linalg.norm(_power(k))
                      - np.sqrt((9.0 ** (k + 1) + 1) / (9.0 ** k + 1))) < 1e-12 for k in range(9)))
label(PM, 185, "claim", "right", "mpmath: sqrt(730/82) = 2.98370...", "",
      lambda: rounds_to(mp.sqrt(mp.mpf(730) / 82), "2.984"))

# ---------------------------------------------------------------- 14. LSTM
mentions(191, "h \\times x", "h \\times h", "h")
h_ = sp.Symbol("h", positive=True)
label(PM, 193, "claim", "right", "sympy: 4(hx + h^2 + h) - 4h(x + h + 1) expands to 0", "",
      lambda: sp.expand(4 * (h_ * x + h_**2 + h_) - 4 * h_ * (x + h_ + 1)) == 0)
mentions(197, "x = 100", "h = 128", role="example", what="the example's sizes")
label(PM, 199, "claim", "right", "exact: 4 * 128 * 229 = 117248 (and 229 = 100 + 128 + 1)", "",
      lambda: 4 * 128 * 229 == 117248 and 100 + 128 + 1 == 229)

# ---------------------------------------------------------------- 15. load balancing
mentions(205, "N", "f_i", "i", "P_i", "N \\sum_i f_i P_i")
mentions(205, "f_i = P_i = 1/N", role="condition", what="uniform routing")
label(PM, 207, "claim", "right", "sympy: N * N * (1/N)(1/N) = 1 for symbolic N (and written out for N = 1..6)", "",
      lambda: all(k * sum(sp.Rational(1, k) * sp.Rational(1, k) for _ in range(k)) == 1 for k in range(1, 7)))

# ---------------------------------------------------------------- 16. polynomial decay
mentions(213, "\\eta_t = \\eta_0 (1 - t/T)^p", role="definition", what="the schedule")
mentions(213, "T")
mentions(213, "p = 2", role="example", what="the power")
mentions(219, "p = 1", role="example", what="the power")
e0 = sp.Symbol("eta_0", positive=True)
label(PM, 215, "claim", "right", "sympy: eta_0 (1/2)^2 = eta_0/4", "", lambda: zero(e0 * sp.Rational(1, 2) ** 2 - e0 / 4))
label(PM, 221, "claim", "right", "sympy: eta_0 (1/2) = eta_0/2", "", lambda: zero(e0 * sp.Rational(1, 2) - e0 / 2))


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)

    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
