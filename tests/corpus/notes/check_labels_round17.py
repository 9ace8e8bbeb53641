r"""Independent checks of the hand labels of planted_mistakes_6.md (round 17): a sixth file of study notes with
planted mistakes, written and labelled for the corpus before Formulary was run on it and held out from tuning.

Sixteen sections on topics no earlier planted file uses (RMSProp with a constant gradient, Nesterov momentum on a
quadratic, Adagrad's shrinking steps, a step-decay schedule, weight normalisation, the two-class softmax as a
sigmoid, Mish, the Bradley-Terry preference loss, BLEU's brevity penalty, the gap of the evidence lower bound, the
moments of a log-normal variable, importance sampling on two points, the F-beta score, the parameters of an
attention layer, the mean absolute error at the median, the squared hinge loss); five carry one deliberate slip (a
floor counted one drop short at a stage boundary, a sign in the preference loss's second gradient, exp(-1/9)
rounded as if it were exp(-0.1), the log-normal variance with e^{2 mu + 2 sigma^2} for e^{2 mu + sigma^2}, the F-beta
weights moved to the other term).  As in the earlier rounds each entry names a block by ``(file, line[, exact block
text])``, gives its role and label, says how it was checked and, for ``right``/``wrong``, carries a check written by
hand with sympy, mpmath or numpy that returns True when the block's claim holds.  A wrong label's check evaluates the
claim as stated (under the section's conditions) and finds it false at a concrete point that satisfies them.
Nothing from the Formulary code base is imported.

    python3 tests/corpus/notes/check_labels_round17.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round17.py --write   # also merge these labels into labels.json
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

RNG = np.random.default_rng(17)
ENTRIES, label, nonclaim = recorder()
PM = "planted_mistakes_6.md"
x, z1, z2, rw, rl, g, y, zz = sp.symbols("x z_1 z_2 r_w r_l g y z", real=True)
eta, mu, a, th, v, c1, c2, v1, v2, f1, f2 = sp.symbols("eta mu a theta v c_1 c_2 v_1 v_2 f_1 f_2", real=True)
rho, t, T, P, R, beta, A, B, q, r = sp.symbols("rho t T P R beta A B q r", positive=True)
p1, p2, q1, q2 = sp.symbols("p_1 p_2 q_1 q_2", positive=True)
m, s = sp.symbols("mu sigma", real=True)


def mentions(line, *picks, role="no-claim", what="a name or expression mentioned in the prose"):
    for pick in picks:
        nonclaim(PM, line, role, what, pick=pick)


def _at_points(expr, symbols, ranges, draws=30):
    """True when the sympy expression is zero (to 1e-20 at 30 digits) at ``draws`` random points, each symbol drawn
    uniformly from its ``(lo, hi)`` in ``ranges``."""
    f = sp.lambdify(symbols, expr, "mpmath")
    with mp.workdps(30):
        for _ in range(draws):
            point = [mp.mpf(float(RNG.uniform(lo, hi))) for lo, hi in ranges]
            if abs(f(*point)) > mp.mpf(10)**-20:
                return False
    return True


# ---------------------------------------------------------------- 1. RMSProp
mentions(9, "s_t = \\rho s_{t-1} + (1 - \\rho) g_t^2", role="definition", what="the running average (an update)")
mentions(9, "s_0 = 0", role="definition", what="its starting value")
mentions(9, "0 < \\rho < 1", role="condition", what="0 < rho < 1")


def _rmsprop_unrolled() -> bool:
    """s_t from the recursion (s_0 = 0) against (1 - rho) sum_k rho^(t-k) g_k^2, exactly for t = 1..6 with symbolic
    rho and g_k."""
    gs = sp.symbols("g_1:7", real=True)
    s_t = sp.Integer(0)
    for tt in range(1, 7):
        s_t = rho * s_t + (1 - rho) * gs[tt - 1]**2
        if sp.expand(s_t - (1 - rho) * sum(rho**(tt - k) * gs[k - 1]**2 for k in range(1, tt + 1))) != 0:
            return False
    return True


label(PM, 11, "claim", "right", "sympy: the recursion from s_0 = 0 expanded for t = 1..6 (symbolic rho, g_1..g_6) equals "
      "(1 - rho) sum_{k<=t} rho^(t-k) g_k^2", "s_0 = 0", _rmsprop_unrolled)
mentions(15, "g")
label(PM, 17, "claim", "right", "sympy: (1 - rho) sum_{k=1}^t rho^(t-k) g^2 - (1 - rho^t) g^2 expands to 0 for t = 1..12 "
      "(symbolic rho, g), and summation with symbolic t simplifies to the same", "0 < rho < 1",
      lambda: all(sp.expand((1 - rho) * sum(rho**(tt - k) * g**2 for k in range(1, tt + 1)) - (1 - rho**tt) * g**2)
                  == 0 for tt in range(1, 13)))
mentions(21, "g > 0", role="condition", what="g > 0")
label(PM, 23, "claim", "right", "mpmath at 30 digits, 30 random points (eta in (-2, 2), g in (0.1, 3), rho in (0.01, "
      "0.99), t in (1, 20)): eta g / sqrt((1 - rho^t) g^2) - eta / sqrt(1 - rho^t) vanishes", "g > 0, 0 < rho < 1",
      lambda: _at_points(eta * g / sp.sqrt((1 - rho**t) * g**2) - eta / sp.sqrt(1 - rho**t), [eta, g, rho, t],
                         [(-2, 2), (0.1, 3), (0.01, 0.99), (1, 20)]))

# ---------------------------------------------------------------- 2. Nesterov
nonclaim(PM, 33, "definition", "Nesterov's two updates")
mentions(37, "f(\\theta) = \\frac{a}{2}\\theta^2", role="definition", what="the quadratic defined")
mentions(37, "a(\\theta_t + \\mu v_t)", what="its gradient at the look-ahead point, named")
label(PM, 39, "claim", "right", "sympy: expand(mu v - eta a (theta + mu v) - (mu (1 - eta a) v - eta a theta)) = 0", "",
      lambda: sp.expand(mu * v - eta * a * (th + mu * v) - (mu * (1 - eta * a) * v - eta * a * th)) == 0)
label(PM, 45, "claim", "right", "sympy: expand(theta + mu (1 - eta a) v - eta a theta - ((1 - eta a) theta + mu (1 - "
      "eta a) v)) = 0", "",
      lambda: sp.expand(th + mu * (1 - eta * a) * v - eta * a * th - ((1 - eta * a) * th + mu * (1 - eta * a) * v))
      == 0)

# ---------------------------------------------------------------- 3. Adagrad
mentions(51, "g \\ne 0", role="condition", what="g != 0")
mentions(51, "t", "t g^2")
label(PM, 53, "claim", "right", "mpmath at 30 digits, 30 random points (eta in (-2, 2), g in (-3, 3) away from 0 by "
      "drawing |g| in (0.1, 3) and a sign, t in (1, 50)): eta |g| / sqrt(t g^2) - eta / sqrt(t) vanishes", "g != 0, t > 0",
      lambda: all(_at_points(eta * sp.Abs(g) / sp.sqrt(t * g**2) - eta / sp.sqrt(t), [eta, g, t],
                             [(-2, 2), rng, (1, 50)]) for rng in ((0.1, 3), (-3, -0.1))))


def _adagrad_bound() -> bool:
    """sum_{t<=T} 1/sqrt(t) <= 2 sqrt(T) - 1 for T = 1..5000 (mpmath, 30 digits; equality at T = 1, exactly)."""
    with mp.workdps(30):
        total = mp.mpf(0)
        for tt in range(1, 5001):
            total += 1 / mp.sqrt(tt)
            if total > 2 * mp.sqrt(tt) - 1 + mp.mpf(10)**-25:
                return False
    return True


label(PM, 59, "claim", "right", "mpmath: the partial sums for T = 1..5000 stay below 2 sqrt(T) - 1 (equal at T = 1); "
      "in general 1/sqrt(t) <= int_{t-1}^t du/sqrt(u) for t >= 2", "T integer >= 1", _adagrad_bound)

# ---------------------------------------------------------------- 4. step decay
tenth = sp.Rational(1, 10)
mentions(65, "\\eta_t = 0.1 \\cdot 0.1^{\\lfloor t/30 \\rfloor}", role="definition", what="the schedule defined")
label(PM, 67, "claim", "right", "exact: floor(75/30) = 2 and 1/10 * (1/10)^2 = 1/1000", "",
      lambda: 75 // 30 == 2 and tenth * tenth**2 == sp.Rational(1, 1000))
label(PM, 73, "claim", "wrong", "exact: floor(60/30) = 2, so eta_60 = 1/10 * (1/10)^2 = 1/1000; the written 1/10 * "
      "(1/10)^1 = 1/100 counts one drop (the drop at epoch 60 itself is missed)", "",
      lambda: tenth * tenth**(60 // 30) == tenth * tenth**1)

# ---------------------------------------------------------------- 5. weight normalisation
mentions(79, "w = g\\,v/\\|v\\|", role="definition", what="the reparameterisation")
mentions(79, "v \\ne 0", role="condition", what="v != 0")
mentions(79, "w")
_n = sp.sqrt(v1**2 + v2**2)
label(PM, 81, "claim", "right", "mpmath at 30 digits, 30 random points (g, v_1, v_2 in (-3, 3)): sqrt((g v1/|v|)^2 + (g "
      "v2/|v|)^2) - |g| vanishes", "v != 0",
      lambda: _at_points(sp.sqrt((g * v1 / _n)**2 + (g * v2 / _n)**2) - sp.Abs(g), [g, v1, v2], [(-3, 3)] * 3))
mentions(85, "w", "(c_1, c_2)")
label(PM, 87, "claim", "right", "sympy: d/dg (c1 g v1/|v| + c2 g v2/|v|) - (c1 v1 + c2 v2)/|v| simplifies to 0",
      "v != 0", lambda: zero(sp.diff(c1 * g * v1 / _n + c2 * g * v2 / _n, g) - (c1 * v1 + c2 * v2) / _n))

# ---------------------------------------------------------------- 6. two-class softmax
label(PM, 95, "claim", "right", "sympy: e^z1/(e^z1 + e^z2) - 1/(1 + e^-(z1 - z2)) simplifies to 0", "",
      lambda: zero(sp.exp(z1) / (sp.exp(z1) + sp.exp(z2)) - 1 / (1 + sp.exp(-(z1 - z2)))))

# ---------------------------------------------------------------- 7. Mish
mentions(101, "u = 1 + e^{x}", role="definition", what="u defined")
mentions(101, "\\log u", "(u^2 - 1)/(u^2 + 1)")
label(PM, 103, "claim", "right", "mpmath at 30 digits, 30 random x in (-5, 5): tanh(log(1 + e^x)) - (e^2x + 2e^x)/(e^2x "
      "+ 2e^x + 2) vanishes", "",
      lambda: _at_points(sp.tanh(sp.log(1 + sp.exp(x))) - (sp.exp(2 * x) + 2 * sp.exp(x))
                         / (sp.exp(2 * x) + 2 * sp.exp(x) + 2), [x], [(-5, 5)]))

# ---------------------------------------------------------------- 8. preference loss
mentions(109, "r_w", "r_l")
mentions(109, "-\\log\\sigma(r_w - r_l)", what="the loss named")
_bt = -sp.log(1 / (1 + sp.exp(-(rw - rl))))
label(PM, 111, "claim", "right", "sympy: d/dr_w of -log(1/(1 + e^-(r_w - r_l))) + 1/(1 + e^(r_w - r_l)) simplifies to 0",
      "", lambda: zero(sp.diff(_bt, rw) + 1 / (1 + sp.exp(rw - rl))))
label(PM, 115, "claim", "wrong", "sympy: d/dr_l = 1/(1 + e^(r_w - r_l)) = sigma(r_l - r_w), not sigma(r_w - r_l): at r_w "
      "= 1, r_l = 0 it is 0.2689 against 0.7311", "",
      lambda: zero(sp.diff(_bt, rl) - 1 / (1 + sp.exp(-(rw - rl)))))

# ---------------------------------------------------------------- 9. BLEU
mentions(123, "c", "r")
nonclaim(PM, 125, "definition", "the brevity penalty defined by cases")
label(PM, 131, "claim", "wrong", "mpmath: e^(1 - 20/18) = e^(-1/9) = 0.89484..., which rounds to 0.895, not 0.905 "
      "(0.905 is e^(-0.1): the ratio taken the other way up)", "",
      lambda: abs(mp.e**(1 - mp.mpf(20) / 18) - mp.mpf("0.905")) <= mp.mpf("0.0005"))
label(PM, 137, "claim", "right", "sympy: exp(1 - r/r) = 1 for r > 0", "r > 0 (a length)",
      lambda: sp.exp(1 - r / r) == 1)

# ---------------------------------------------------------------- 10. ELBO gap
mentions(143, "a = p(x, z{=}0)", "b = p(x, z{=}1)", role="definition", what="the two joint probabilities named")
mentions(143, "q \\in (0, 1)", role="condition", what="q in (0, 1)")
mentions(143, "q\\log(a/q) + (1 - q)\\log(b/(1 - q))", "a/(a + b)", "q")
_post = A / (A + B)
label(PM, 145, "claim", "right", "mpmath at 30 digits, 30 random points (a, b in (0.01, 1), q in (0.01, 0.99)): log(a + "
      "b) - ELBO - KL(q || posterior) vanishes", "a, b > 0, 0 < q < 1",
      lambda: _at_points(sp.log(A + B) - q * sp.log(A / q) - (1 - q) * sp.log(B / (1 - q))
                         - (q * sp.log(q / _post) + (1 - q) * sp.log((1 - q) / (B / (A + B)))),
                         [A, B, q], [(0.01, 1), (0.01, 1), (0.01, 0.99)]))
label(PM, 151, "claim", "right", "mpmath at 30 digits, 30 random a, b in (0.01, 1): the ELBO at q = a/(a + b) minus "
      "log(a + b) vanishes", "a, b > 0",
      lambda: _at_points(_post * sp.log(A / _post) + B / (A + B) * sp.log(B / (B / (A + B))) - sp.log(A + B),
                         [A, B], [(0.01, 1), (0.01, 1)]))

# ---------------------------------------------------------------- 11. log-normal
mentions(157, "Z", "\\mu", "\\sigma^2")
mentions(157, "X = e^{Z}", role="definition", what="X defined")
mentions(157, "e^{\\mu + \\sigma^2/2}", "e^{2\\mu + 2\\sigma^2}", what="the first two moments named")


def _lognormal_variance_as_written() -> bool:
    """The variance of e^Z by quadrature (mu = 0, sigma = 1) against the written (e^{s^2} - 1) e^{2 mu + 2 s^2}, and the
    left side (e^{2 mu + 2 s^2} - e^{2 mu + s^2}, the moments by quadrature) against the right side."""
    with mp.workdps(30):
        density = lambda u: mp.exp(-u**2 / 2) / mp.sqrt(2 * mp.pi)  # the N(0, 1) density
        first = mp.quad(lambda u: mp.exp(u) * density(u), [-mp.inf, 0, mp.inf])
        second = mp.quad(lambda u: mp.exp(2 * u) * density(u), [-mp.inf, 0, mp.inf])
        assert abs(first - mp.exp(mp.mpf(1) / 2)) < mp.mpf(10)**-20 and abs(second - mp.e**2) < mp.mpf(10)**-20
        written = (mp.e - 1) * mp.e**2  # (e^{sigma^2} - 1) e^{2 mu + 2 sigma^2} at mu = 0, sigma = 1
        return abs((second - first**2) - written) < mp.mpf(10)**-20


label(PM, 159, "claim", "wrong", "mpmath quadrature at mu = 0, sigma = 1: E[X] = e^(1/2), E[X^2] = e^2, so the left side "
      "is e^2 - e = 4.6708 but the right side (e - 1) e^2 = 12.696; the variance is (e^(s^2) - 1) e^(2 mu + s^2)",
      "sigma > 0", _lognormal_variance_as_written)

# ---------------------------------------------------------------- 12. importance sampling
mentions(165, "p", "q", "p/q", "p_1, p_2", "q_1, q_2")
label(PM, 167, "claim", "right", "sympy: q1 (p1/q1) f1 + q2 (p2/q2) f2 - (p1 f1 + p2 f2) simplifies to 0",
      "q_1, q_2 > 0", lambda: zero(q1 * (p1 / q1) * f1 + q2 * (p2 / q2) * f2 - (p1 * f1 + p2 * f2)))
label(PM, 173, "claim", "right", "sympy: q1 (p1 f1/q1)^2 + q2 (p2 f2/q2)^2 - (p1^2 f1^2/q1 + p2^2 f2^2/q2) simplifies to "
      "0", "q_1, q_2 > 0",
      lambda: zero(q1 * (p1 * f1 / q1)**2 + q2 * (p2 * f2 / q2)**2 - (p1**2 * f1**2 / q1 + p2**2 * f2**2 / q2)))
mentions(177, "q", "p f")

# ---------------------------------------------------------------- 13. F-beta
mentions(181, "P", "R", "\\beta^2/(1 + \\beta^2)")
_fb = 1 / (1 / (1 + beta**2) / P + beta**2 / (1 + beta**2) / R)
label(PM, 183, "claim", "wrong", "exact: beta = 2, P = 1/2, R = 4/5: the weighted harmonic mean is 5 (2/5) / (4 (1/2) + "
      "4/5) = 5/7 but the right side is 2/(1/2 + 16/5) = 20/37; clearing the fractions gives (1 + beta^2) P R / "
      "(beta^2 P + R)", "P, R > 0",
      lambda: zero((_fb - (1 + beta**2) * P * R / (P + beta**2 * R))
                   .subs({beta: 2, P: sp.Rational(1, 2), R: sp.Rational(4, 5)})))
label(PM, 189, "claim", "right", "sympy: 2PR/(P + R) - 2/(1/P + 1/R) simplifies to 0", "P, R > 0",
      lambda: zero(2 * P * R / (P + R) - 2 / (1 / P + 1 / R)))

# ---------------------------------------------------------------- 14. attention parameters
mentions(195, "d \\times d")
label(PM, 197, "claim", "right", "exact: 4 (512^2 + 512) = 4 * 262656 = 1050624", "",
      lambda: 4 * (512**2 + 512) == 1_050_624)

# ---------------------------------------------------------------- 15. MAE and the median
label(PM, 205, "claim", "right", "exact: 1 + 0 + 8 = 9", "", lambda: abs(1 - 2) + abs(2 - 2) + abs(10 - 2) == 9)
label(PM, 211, "claim", "right", "exact: 10/3 + 7/3 + 17/3 = 34/3", "",
      lambda: sum(abs(sp.Integer(k) - sp.Rational(13, 3)) for k in (1, 2, 10)) == sp.Rational(34, 3))

# ---------------------------------------------------------------- 16. squared hinge
mentions(217, "z", "\\max(0, 1 - yz)^2")
mentions(217, "y \\in \\{-1, 1\\}", "yz < 1", role="condition", what="the label's values and the active side")
label(PM, 219, "claim", "right", "sympy: d/dz (1 - yz)^2 + 2y(1 - yz) expands to 0", "y in {-1, 1}, yz < 1",
      lambda: sp.expand(sp.diff((1 - y * zz)**2, zz) + 2 * y * (1 - y * zz)) == 0)


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)

    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
