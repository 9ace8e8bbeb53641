r"""Independent checks of the hand labels of planted_mistakes_4.md (round 13): a fourth file of study notes with
planted mistakes, written and labelled for the corpus before Formulary was run on it and held out from tuning.

Sixteen sections on recurrent cells, initialisation, generative models and reinforcement learning (LSTM cell
state, GRU update, He initialisation, a Gaussian decoder, the policy-gradient baseline, an exponential moving
average, linear warm-up, two diffusion steps, GELU, ELU, negative sampling, cross-entropy as entropy plus KL, the
entropy bonus of a softmax policy, minibatch noise, AdamW, log-sum-exp as a soft maximum); five carry one
deliberate slip (an exponent off by one, a lost square root, a sign, a factor 1/2 for 1/sqrt(2), a lost learning
rate).  As in the earlier rounds each entry names a block by ``(file, line[, exact block text])``, gives its role
and label, says how it was checked and, for ``right``/``wrong``, carries a check written by hand with sympy,
mpmath or numpy that returns True when the block's claim holds.  A wrong label's check evaluates the claim as
stated (under the section's conditions) and finds it false at a concrete point that satisfies them.  Nothing from
the Formulary code base is imported.

    python3 tests/corpus/notes/check_labels_round13.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round13.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import itertools
import sys
from pathlib import Path

import mpmath as mp
import numpy as np
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import check_entries, recorder, zero

RNG = np.random.default_rng(13)
TOL = 1e-9
"""Absolute tolerance for numpy comparisons of exact identities in double precision (values of order 1-100)."""

ENTRIES, label, nonclaim = recorder()
PM = "planted_mistakes_4.md"
x, mu, s = sp.symbols("x mu s", real=True)
sig, alpha, eta, lam, tau = sp.symbols("sigma alpha eta lambda tau", positive=True)


def _sigmoid(q):
    return 1 / (1 + sp.exp(-q))


# ---------------------------------------------------------------- 1. LSTM cell state
def _cells(fs, is_, gs, c0):
    """c_t = f_t c_{t-1} + i_t g_t from c_0, as sympy expressions (gates held fixed)."""
    out = [c0]
    for f, i, g in zip(fs, is_, gs):
        out.append(f * out[-1] + i * g)
    return out


_T = 5
_f = sp.symbols(f"f1:{_T + 1}", positive=True)
_i = sp.symbols(f"i1:{_T + 1}", positive=True)
_g = sp.symbols(f"g1:{_T + 1}", real=True)
_c0 = sp.Symbol("c0", real=True)
_C = _cells(_f, _i, _g, _c0)


def _lstm_back(k):
    """For every t >= k: d c_t / d c_{t-k} = prod_{j=t-k+1}^t f_j (c_{t-k} as the free start of the recursion)."""
    for t in range(k, _T + 1):
        start = sp.Symbol("start", real=True)
        later = _cells(_f[t - k:t], _i[t - k:t], _g[t - k:t], start)[-1]
        if not zero(sp.diff(later, start) - sp.prod(_f[t - k:t])):
            return False
    return True


nonclaim(PM, 11, "definition", "the cell-state recursion")
label(PM, 17, "claim", "right", "sympy: c_t = f_t c_{t-1} + i_t g_t with gates as symbols: d c_t / d c_{t-1} = f_t "
      "for t = 1..5", "gates held fixed", lambda: _lstm_back(1))
nonclaim(PM, 21, "no-claim", "the number of steps named", pick="k")
label(PM, 23, "claim", "right", "sympy: the recursion unrolled from a free c_{t-k}, t = k..5, k = 1..4: the derivative "
      "is the product of f_{t-k+1}, ..., f_t", "gates held fixed", lambda: all(_lstm_back(k) for k in (1, 2, 3, 4)))

# ---------------------------------------------------------------- 2. GRU
hp, z, ht = sp.symbols("h_prev z h_tilde", real=True)
nonclaim(PM, 29, "no-claim", "the candidate named", pick="\\tilde{h}_t")
nonclaim(PM, 29, "no-claim", "the update gate named", pick="z_t")
label(PM, 31, "claim", "right", "sympy: (1 - z) h_prev + z h~ - (h_prev + z (h~ - h_prev)) expands to 0 (the first "
      "equality defines h_t)", "", lambda: zero(sp.expand((1 - z) * hp + z * ht - (hp + z * (ht - hp)))))
label(PM, 37, "claim", "right", "sympy: d/dh_prev ((1 - z) h_prev + z h~) = 1 - z", "gate and candidate fixed",
      lambda: zero(sp.diff((1 - z) * hp + z * ht, hp) - (1 - z)))


# ---------------------------------------------------------------- 3. He initialisation
def _relu_half():
    """E[max(0, y)^2] = E[y^2]/2 for symmetric laws: N(0, s^2) (mpmath quadrature) and a symmetric two-point law."""
    def moment(scale, lo):
        return mp.quad(lambda t: t**2 * mp.exp(-t**2 / (2 * scale**2)) / (mp.sqrt(2 * mp.pi) * scale), [lo, mp.inf])

    for scale in (0.5, 1.0, 3.0):
        left, right = moment(scale, 0), moment(scale, -mp.inf) / 2
        if abs(left - right) > 1e-12:
            return False
    two_point = [(-2.0, 0.5), (2.0, 0.5)]
    return abs(sum(p * max(0.0, v)**2 for v, p in two_point) - sum(p * v**2 for v, p in two_point) / 2) < TOL


def _he_forward():
    """Monte Carlo is not a proof, so exactly: y_l = sum_k w_k relu(y_{l-1,k}) with n independent inputs, w_k
    zero-mean two-point (+-sw), y_{l-1,k} symmetric two-point (+-sy): Var(y_l) = n/2 Var(w) Var(y_{l-1})."""
    for n in (1, 2, 3):
        sw, sy = sp.Rational(3, 2), sp.Rational(5, 7)
        laws = [[(-sw, sp.Rational(1, 2)), (sw, sp.Rational(1, 2))]] * n + [[(-sy, sp.Rational(1, 2)),
                                                                               (sy, sp.Rational(1, 2))]] * n
        mean = second = sp.Integer(0)
        for outcome in itertools.product(*laws):
            prob = sp.prod([o[1] for o in outcome])
            val = sum(outcome[k][0] * max(outcome[n + k][0], 0) for k in range(n))
            mean += prob * val
            second += prob * val**2
        if not zero(second - mean**2 - sp.Rational(n, 2) * sw**2 * sy**2):
            return False
    return True


nonclaim(PM, 43, "no-claim", "the pre-activation named", pick="y")
label(PM, 45, "claim", "right", "mpmath quadrature for N(0, s^2), s = 0.5, 1, 3, and a symmetric two-point law: "
      "E[max(0, y)^2] = E[y^2]/2", "y symmetric about 0", _relu_half)
nonclaim(PM, 49, "no-claim", "the fan-in named", pick="n")
label(PM, 51, "claim", "right", "sympy, exact enumeration for n = 1, 2, 3: zero-mean two-point weights, symmetric "
      "two-point previous pre-activations: Var(y_l) = n/2 Var(w) Var(y_{l-1})", "independent zero-mean weights, "
      "symmetric inputs", _he_forward)
label(PM, 57, "claim", "right", "sympy: n/2 * 2/n = 1 (the factor is one)", "",
      lambda: zero(sp.Symbol("n", positive=True) / 2 * 2 / sp.Symbol("n", positive=True) - 1))
nonclaim(PM, 61, "no-claim", "the interval named", pick="(-a, a)")
nonclaim(PM, 61, "no-claim", "the variance of U(-a, a) named (a fact recalled)", pick="a^2/3")
label(PM, 63, "claim", "right", "sympy: a = sqrt(6/n) gives a^2/3 = 2/n; and int_{-a}^{a} w^2/(2a) dw = a^2/3",
      "a > 0", lambda: zero((sp.sqrt(6 / sp.Symbol("n", positive=True)))**2 / 3 - 2 / sp.Symbol("n", positive=True))
      and zero(sp.integrate(x**2 / (2 * alpha), (x, -alpha, alpha)) - alpha**2 / 3))

# ---------------------------------------------------------------- 4. Gaussian decoder
_nll = (x - mu)**2 / (2 * sig**2) + sp.log(2 * sp.pi * sig**2) / 2
nonclaim(PM, 69, "no-claim", "the mean named", pick="\\mu")
nonclaim(PM, 69, "no-claim", "the variance named", pick="\\sigma^2")
label(PM, 71, "claim", "right", "sympy: -log(N(x; mu, sigma^2)) - the right side simplifies (expand_log) to 0",
      "sigma > 0", lambda: zero(sp.expand_log(-sp.log(sp.exp(-(x - mu)**2 / (2 * sig**2)) / sp.sqrt(2 * sp.pi * sig**2))
                                               - _nll, force=True)))
label(PM, 77, "claim", "right", "sympy: d/dmu of the right side above = (mu - x)/sigma^2", "sigma > 0",
      lambda: zero(sp.diff(_nll, mu) - (mu - x) / sig**2))

# ---------------------------------------------------------------- 5. baseline
_th = sp.symbols("t0:3", real=True)
_pi = [sp.exp(t) / sum(sp.exp(o) for o in _th) for t in _th]
_b = sp.Symbol("b", real=True)


def _baseline():
    """Softmax policy over 3 actions (a smooth parametrisation of a finite policy), each component of the
    gradient: sum_a pi grad log pi b = b grad sum_a pi = 0."""
    for t in _th:
        left = sum(p * sp.diff(sp.log(p), t) * _b for p in _pi)
        middle = _b * sp.diff(sum(_pi), t)
        if not (zero(left - middle) and zero(middle)):
            return False
    return True


nonclaim(PM, 83, "no-claim", "the baseline named", pick="b")
label(PM, 85, "claim", "right", "sympy: a softmax policy over 3 actions, every component of the gradient: both "
      "equalities hold", "b independent of the action", _baseline)
nonclaim(PM, 89, "no-claim", "the logits named", pick="\\theta_a")
label(PM, 91, "claim", "right", "sympy: softmax over 3 logits: d log pi_a / d theta_b = [a = b] - pi_b for all a, b",
      "", lambda: all(zero(sp.diff(sp.log(_pi[a]), _th[b]) - (int(a == b) - _pi[b])) for a in range(3) for b in range(3)))

# ---------------------------------------------------------------- 6. EMA
beta = sp.Symbol("beta", positive=True)
_thetas = sp.symbols("th1:6", real=True)


def _ema(t):
    avg = sp.Integer(0)
    for k in range(t):
        avg = beta * avg + (1 - beta) * _thetas[k]
    return avg


nonclaim(PM, 97, "definition", "the EMA recursion", pick="\\bar{\\theta}_t = \\beta \\bar{\\theta}_{t-1} + "
         "(1-\\beta)\\theta_t")
nonclaim(PM, 97, "condition", "the start value", pick="\\bar{\\theta}_0 = 0")
nonclaim(PM, 97, "condition", "0 < beta < 1", pick="0 < \\beta < 1")
label(PM, 99, "claim", "right", "sympy: the recursion from 0 for t = 1..5 equals (1 - beta) sum_k beta^(t-k) theta_k",
      "theta_bar_0 = 0", lambda: all(zero(_ema(t) - (1 - beta) * sum(beta**(t - k) * _thetas[k - 1]
                                                                    for k in range(1, t + 1))) for t in range(1, 6)))
label(PM, 105, "claim", "wrong", "sympy: at t = 1 the weights sum to 1 - beta, not 1 - beta^2 (beta = 1/2: 1/2 "
      "against 3/4); in general 1 - beta^t", "0 < beta < 1",
      lambda: all(zero((1 - beta) * sum(beta**(t - k) for k in range(1, t + 1)) - (1 - beta**(t + 1)))
                  for t in range(1, 6)))

# ---------------------------------------------------------------- 7. warm-up
W, t_ = sp.symbols("W t", integer=True, positive=True)
eta_max = sp.Symbol("eta_max", positive=True)
nonclaim(PM, 113, "no-claim", "the warm-up length named", pick="W")
nonclaim(PM, 113, "definition", "the warm-up schedule", pick="\\eta_t = \\eta_{\\max} t / W")
nonclaim(PM, 113, "condition", "the range of t", pick="t = 1, \\dots, W")
label(PM, 115, "claim", "right", "sympy: summation(eta_max t / W, (t, 1, W)) = eta_max (W + 1)/2", "W >= 1",
      lambda: zero(sp.summation(eta_max * t_ / W, (t_, 1, W)) - eta_max * (W + 1) / 2))

# ---------------------------------------------------------------- 8. diffusion
a1, a2 = sp.symbols("alpha1 alpha2", positive=True)
x0, e1, e2 = sp.symbols("x0 e1 e2", real=True)
_x1 = sp.sqrt(a1) * x0 + sp.sqrt(1 - a1) * e1
_x2 = sp.sqrt(a2) * _x1 + sp.sqrt(1 - a2) * e2


def _two_step_mean_and_var():
    """Noises as independent two-point +-1 variables (mean 0, variance 1): E[x2 | x0] and Var[x2 | x0]."""
    mean = second = sp.Integer(0)
    for v1, v2 in itertools.product((-1, 1), repeat=2):
        val = _x2.subs({e1: v1, e2: v2})
        mean += val / 4
        second += val**2 / 4
    return sp.simplify(mean), sp.simplify(second - mean**2)


nonclaim(PM, 121, "definition", "one forward step", pick="x_t = \\sqrt{\\alpha_t}\\, x_{t-1} + "
         "\\sqrt{1-\\alpha_t}\\,\\epsilon_t")
nonclaim(PM, 121, "condition", "0 < alpha_t < 1", pick="0 < \\alpha_t < 1")
label(PM, 123, "claim", "right", "sympy: sqrt(a2)(sqrt(a1) x0 + sqrt(1-a1) e1) + sqrt(1-a2) e2 minus the right side "
      "expands to 0", "0 < alpha < 1",
      lambda: zero(sp.expand(_x2 - (sp.sqrt(a2 * a1) * x0 + sp.sqrt(a2 * (1 - a1)) * e1 + sp.sqrt(1 - a2) * e2))))
label(PM, 129, "claim", "right", "sympy: a2 (1 - a1) + 1 - a2 - (1 - a1 a2) expands to 0; it is Var[x2 | x0] with "
      "unit-variance independent noises (exact enumeration)", "0 < alpha < 1",
      lambda: zero(sp.expand(a2 * (1 - a1) + (1 - a2) - (1 - a1 * a2)))
      and zero(_two_step_mean_and_var()[1] - (1 - a1 * a2)))
label(PM, 135, "claim", "wrong", "sympy, exact enumeration with zero-mean noises: E[x2 | x0] = sqrt(a1 a2) x0, not "
      "a1 a2 x0 (a1 = a2 = 1/4, x0 = 1: 1/4 against 1/16)", "0 < alpha < 1, noises of mean 0",
      lambda: zero(_two_step_mean_and_var()[0] - a1 * a2 * x0))

# ---------------------------------------------------------------- 9. GELU
_Phi = (1 + sp.erf(x / sp.sqrt(2))) / 2
_phi = sp.exp(-x**2 / 2) / sp.sqrt(2 * sp.pi)
nonclaim(PM, 141, "definition", "GELU defined", pick="\\operatorname{GELU}(x) = x\\Phi(x)")
nonclaim(PM, 141, "no-claim", "the density named", pick="\\varphi")
label(PM, 143, "claim", "right", "sympy: Phi = (1 + erf(x/sqrt 2))/2, phi its derivative: d/dx (x Phi) - Phi - x phi "
      "simplifies to 0", "", lambda: zero(sp.diff(x * _Phi, x) - _Phi - x * _phi) and zero(sp.diff(_Phi, x) - _phi))
label(PM, 149, "claim", "right", "sympy: Phi(0) = 1/2", "", lambda: zero(_Phi.subs(x, 0) + 0 * _phi.subs(x, 0)
                                                                        - sp.Rational(1, 2)))

# ---------------------------------------------------------------- 10. ELU
nonclaim(PM, 155, "definition", "the negative branch of ELU", pick="\\alpha(e^x - 1)")
nonclaim(PM, 155, "condition", "alpha > 0", pick="\\alpha > 0")
label(PM, 157, "claim", "right", "sympy: d/dx alpha (e^x - 1) = alpha e^x = alpha (e^x - 1) + alpha", "alpha > 0",
      lambda: zero(sp.diff(alpha * (sp.exp(x) - 1), x) - alpha * sp.exp(x))
      and zero(alpha * sp.exp(x) - (alpha * (sp.exp(x) - 1) + alpha)))

# ---------------------------------------------------------------- 11. negative sampling
nonclaim(PM, 163, "definition", "the score of the true pair", pick="s = u^\\top v")
nonclaim(PM, 163, "no-claim", "the negative scores named", pick="s_k")
nonclaim(PM, 165, "definition", "the loss defined")
label(PM, 169, "claim", "right", "sympy: d/ds sigmoid(s) - sigmoid(s)(1 - sigmoid(s)) simplifies to 0", "",
      lambda: zero(sp.diff(_sigmoid(s), s) - _sigmoid(s) * (1 - _sigmoid(s))))
label(PM, 171, "claim", "right", "sympy: d/ds (-log sigmoid(s)) - (sigmoid(s) - 1) simplifies to 0", "",
      lambda: zero(sp.diff(-sp.log(_sigmoid(s)), s) - (_sigmoid(s) - 1)))
label(PM, 177, "claim", "right", "sympy: d/ds (-log sigmoid(-s)) - sigmoid(s) simplifies to 0", "",
      lambda: zero(sp.diff(-sp.log(_sigmoid(-s)), s) - _sigmoid(s)))


# ---------------------------------------------------------------- 12. cross-entropy
def _ce_kl():
    for n in (2, 3, 6):
        for _ in range(20):
            p, q = RNG.dirichlet(np.ones(n)), RNG.dirichlet(np.ones(n))
            if abs(-np.sum(p * np.log(q)) - (-np.sum(p * np.log(p)) + np.sum(p * np.log(p / q)))) > TOL:
                return False
    return True


nonclaim(PM, 183, "no-claim", "the first distribution named", pick="p")
nonclaim(PM, 183, "no-claim", "the second distribution named", pick="q")
nonclaim(PM, 183, "no-claim", "the number of outcomes named", pick="n")
label(PM, 185, "claim", "right", "numpy: n = 2, 3, 6, 20 random pairs of positive distributions each: both sides "
      "agree", "positive probabilities", _ce_kl)


# ---------------------------------------------------------------- 13. entropy bonus
def _entropy_gradient(sign):
    """Softmax over 3 logits: dH/dtheta_b against -pi_b (log pi_b + sign H)."""
    H = -sum(p * sp.log(p) for p in _pi)
    point = {t: v for t, v in zip(_th, (sp.Rational(1, 3), sp.Rational(-1, 2), 2))}
    return all(abs(sp.N((sp.diff(H, _th[b]) + _pi[b] * (sp.log(_pi[b]) + sign * H)).subs(point), 30)) < 1e-25
               for b in range(3))


nonclaim(PM, 191, "definition", "the entropy of the policy", pick="H = -\\sum_a \\pi_a \\log \\pi_a")
nonclaim(PM, 191, "definition", "the softmax policy", pick="\\pi_a = e^{\\theta_a} / \\sum_c e^{\\theta_c}")
label(PM, 191, "claim", "right", "sympy: softmax over 3 logits: d pi_a / d theta_b - pi_a([a = b] - pi_b) "
      "simplifies to 0", "", lambda: all(zero(sp.diff(_pi[a], _th[b]) - _pi[a] * (int(a == b) - _pi[b]))
                                         for a in range(3) for b in range(3)),
      pick="\\partial \\pi_a / \\partial \\theta_b = \\pi_a(\\mathbb{1}[a=b] - \\pi_b)")
label(PM, 193, "claim", "wrong", "sympy at 30 digits, softmax over 3 logits (1/3, -1/2, 2): dH/dtheta_b = "
      "-pi_b (log pi_b + H), so the written -pi_b (log pi_b - H) fails (it differs by 2 pi_b H > 0); the correct "
      "sign passes the same check", "", lambda: _entropy_gradient(-1) and not _entropy_gradient(+1))

# ---------------------------------------------------------------- 14. minibatch noise
B = sp.Symbol("B", positive=True)
nonclaim(PM, 199, "no-claim", "the variance named", pick="\\sigma^2")
nonclaim(PM, 199, "no-claim", "the batch size named", pick="B")
nonclaim(PM, 199, "no-claim", "the variance of the mean named (a fact recalled)", pick="\\sigma^2 / B")
label(PM, 201, "claim", "wrong", "sympy: sqrt(sigma^2/(2B)) / sqrt(sigma^2/B) = 1/sqrt(2), not 1/2 (sigma = B = 1: "
      "0.7071 against 0.5)", "sigma > 0, B > 0",
      lambda: zero(sp.sqrt(sig**2 / (2 * B)) - sp.sqrt(sig**2 / B) / 2))

# ---------------------------------------------------------------- 15. AdamW
th_prev, u_t = sp.symbols("theta_prev u_t", real=True)
nonclaim(PM, 207, "no-claim", "the Adam direction named", pick="u_t")
nonclaim(PM, 207, "no-claim", "the learning rate named", pick="\\eta")
nonclaim(PM, 207, "no-claim", "the decay named", pick="\\lambda")
label(PM, 209, "claim", "wrong", "sympy: the first equality defines theta_t; theta_prev - eta lam theta_prev - eta u "
      "- ((1 - lam) theta_prev - eta u) = lam theta_prev (1 - eta), not 0 (eta = 1/10, lam = 1/100, theta_prev = 1: "
      "0.999 against 0.99)", "eta, lambda > 0",
      lambda: zero(th_prev - eta * lam * th_prev - eta * u_t - ((1 - lam) * th_prev - eta * u_t)))


# ---------------------------------------------------------------- 16. soft maximum
def _soft_max_bounds():
    for n in (1, 2, 5):
        for _ in range(30):
            xs = [mp.mpf(float(v)) for v in RNG.uniform(-20, 20, n)]
            t = mp.mpf(float(RNG.uniform(0.01, 10)))
            lse = t * mp.log(mp.fsum(mp.exp(v / t) for v in xs))
            if not (max(xs) <= lse + mp.mpf(10)**-25 and lse <= max(xs) + t * mp.log(n) + mp.mpf(10)**-25):
                return False
    return True


nonclaim(PM, 215, "no-claim", "the count named", pick="n")
nonclaim(PM, 215, "no-claim", "the numbers named", pick="x_1, \\dots, x_n")
nonclaim(PM, 215, "condition", "tau > 0", pick="\\tau > 0")
label(PM, 217, "claim", "right", "mpmath: n = 1, 2, 5, 30 random draws each (x in [-20, 20], tau in [0.01, 10]): "
      "max x <= tau log sum e^{x/tau} <= max x + tau log n", "tau > 0", _soft_max_bounds)


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)

    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
