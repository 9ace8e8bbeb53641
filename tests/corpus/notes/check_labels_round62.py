r"""Independent checks of the hand labels of six ``everyday_*`` notes (stop 45, branch probe45): attention and
transformers, RL returns and Bellman equations, VAE and diffusion, LSTM/GRU gates, conv arithmetic with Newton's
method, Lagrange multipliers, kernels and InfoNCE, and a LaTeX problem set on conjugate Bayes updates, a Markov chain,
EM and a z-test.  Each note carries three or four deliberate, realistic slips.  Labelled as they were written,
before Formulary was run on them.

Each entry names a block by ``(file, line)``, gives its role and label, says how it was checked and, for
``right``/``wrong``, carries a check written by hand with sympy, mpmath, numpy or exact fractions that returns True
when the block's claim holds *as its author means it*.  Nothing from Formulary is imported.

    python3 tests/corpus/notes/check_labels_round62.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round62.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

# ruff: noqa: B023  (each check's inner lambdas run inside the loop that binds their variables)
import itertools
import math
import sys
from fractions import Fraction as Fr
from pathlib import Path

import mpmath as mp
import numpy as np
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import check_entries, recorder, zero

ENTRIES, label, nonclaim = recorder()
RNG = np.random.default_rng(62)
x, y, z, t, a, b, c, k = sp.symbols("x y z t a b c k", real=True)
TOL = 1e-9
"""Float checks (numpy, double precision) of identities whose sides are O(1)-O(100): rounding is ~1e-13 there."""


def _lines(name):
    return (HERE / name).read_text(encoding="utf-8").splitlines()


def at(name, snippet, nth=0):
    """The line (1-based) of the ``nth`` line of ``name`` holding ``snippet`` (not the header comment)."""
    hits = [i + 1 for i, s in enumerate(_lines(name)) if snippet in s and not s.startswith(("<!--", "%"))]
    return hits[nth]


def _close(u, v, tol=TOL):
    return abs(u - v) <= tol * max(1.0, abs(u), abs(v))


def _softmax(v, T=1.0):
    e = np.exp((v - v.max()) / T)
    return e / e.sum()


# ---------------------------------------------------------------- everyday_attention.md
AT = "everyday_attention.md"
ZS = [RNG.normal(size=n) * 3 for n in (2, 3, 5, 8)]
nonclaim(AT, at(AT, r"$$\text{softmax}(z)_i ="), "definition", "softmax with temperature")
label(AT, at(AT, r"$$\sum_{i=1}^{n}\text{softmax}(z)_i = 1$$"), "claim", "right",
      "numpy: four random logit vectors, T = 0.5, 1, 3", "T > 0",
      lambda: all(_close(_softmax(v, T).sum(), 1.0) for v in ZS for T in (0.5, 1, 3)))
label(AT, at(AT, r"$$\frac{e^{(z_i - c)/T}}"), "claim", "right",
      "numpy: the shifted softmax (written out, no max subtraction) equals the unshifted one, c = -4, 2.5", "T > 0",
      lambda: all(np.allclose(np.exp((v - cc) / T) / np.exp((v - cc) / T).sum(), np.exp(v / T) / np.exp(v / T).sum(),
                              rtol=1e-12) for v in ZS for T in (0.5, 2) for cc in (-4, 2.5)))
label(AT, at(AT, r"$$\frac{e^{a}}{e^{a} + e^{b}}"), "claim", "right", "sympy: the difference simplifies to 0", "",
      lambda: zero(sp.exp(a) / (sp.exp(a) + sp.exp(b)) - 1 / (1 + sp.exp(-(a - b)))))


def _jacobian_ok(offdiag_sign):
    """The softmax Jacobian by central differences against s_i(delta_ij - s_j); ``offdiag_sign`` +1 checks the
    off-diagonal form s_i s_j instead (the note's line 29)."""
    for v in ZS:
        s, n, h = _softmax(v), len(v), 1e-6
        J = np.array([(_softmax(v + h * np.eye(n)[j]) - _softmax(v - h * np.eye(n)[j])) / (2 * h) for j in range(n)]).T
        if offdiag_sign is None:
            want = np.diag(s) - np.outer(s, s)
            if not np.allclose(J, want, atol=1e-8):
                return False
        else:
            off = ~np.eye(n, dtype=bool)
            if not np.allclose(J[off], np.outer(s, s)[off], atol=1e-8):
                return False
    return True


label(AT, at(AT, r"= s_i(\delta_{ij} - s_j)$$"), "claim", "right",
      "numpy: central differences (h = 1e-6, error ~1e-10) against diag(s) - s s^T", "T = 1",
      lambda: _jacobian_ok(None))
label(AT, at(AT, r"= s_i s_j \quad (i \neq j)$$"), "claim", "wrong",
      "numpy: the off-diagonal entries are -s_i s_j", "T = 1", lambda: _jacobian_ok(+1))
label(AT, at(AT, r"$$\log s_i = z_i - \log\sum"), "claim", "right", "numpy: four logit vectors", "T = 1",
      lambda: all(np.allclose(np.log(_softmax(v)), v - np.log(np.exp(v).sum()), rtol=1e-12) for v in ZS))
label(AT, at(AT, r"gives $s_3 = \frac{e^3}"), "claim", "right", "mpmath: e^3/(e + e^2 + e^3) = 0.66524...", "",
      lambda: abs(mp.e**3 / (mp.e + mp.e**2 + mp.e**3) - mp.mpf("0.665")) < mp.mpf("0.0005"),
      pick=r"s_3 = \frac{e^3}{e + e^2 + e^3} \approx 0.665")
nonclaim(AT, at(AT, r"$$\text{Attention}(Q, K, V)"), "definition", "scaled dot-product attention")

# q, k with independent entries of mean 0, variance 1: two different three-point laws, exact enumeration
_LAW_Q = [(Fr(-1), Fr(1, 2)), (Fr(1), Fr(1, 2))]
_LAW_K = [(Fr(-2), Fr(1, 5)), (Fr(1, 2), Fr(4, 5))]


def _dot_moments(d):
    """(E[q.k], Var(q.k)) for d independent entries of each, by enumeration."""
    m1 = m2 = Fr(0)
    for qs in itertools.product(_LAW_Q, repeat=d):
        for ks in itertools.product(_LAW_K, repeat=d):
            pr = math.prod(w for _, w in qs) * math.prod(w for _, w in ks)
            v = sum(qv * kv for (qv, _), (kv, _) in zip(qs, ks))
            m1 += pr * v
            m2 += pr * v * v
    return m1, m2 - m1 * m1


label(AT, at(AT, r"$$\mathbb{E}[q \cdot k] = 0$$"), "claim", "right",
      "exact: enumeration of d = 1, 2, 3 entries from two laws with mean 0, variance 1", "independent, mean 0, var 1",
      lambda: all(_dot_moments(d)[0] == 0 for d in (1, 2, 3)))
label(AT, at(AT, r"$$\operatorname{Var}(q \cdot k) = \sum"), "claim", "wrong",
      "exact: the variance is d_k (1, 2, 3 for d = 1, 2, 3), not d_k^2", "independent, mean 0, var 1",
      lambda: all(_dot_moments(d)[1] == d * d for d in (2, 3)))
label(AT, at(AT, r"For one entry, $\operatorname{Var}(q_i k_i)"), "claim", "right",
      "exact: enumeration for the two laws: Var(qk) = 1 = E[q^2]E[k^2] - (E[q]E[k])^2", "independent, mean 0, var 1",
      lambda: _dot_moments(1)[1] == 1 and sum(v * v * w for v, w in _LAW_Q) * sum(v * v * w for v, w in _LAW_K) == 1)
label(AT, at(AT, r"$d_k = 64$"), "claim", "right", "exact: 512/8 = 64", "d_model = 512, h = 8",
      lambda: Fr(512, 8) == 64, pick=r"d_k = 64")
_d = sp.Symbol("d", positive=True)
label(AT, at(AT, r"$$P_{\text{attn}} = 3d^2$$"), "claim", "wrong",
      "exact: four d x d matrices hold 4 d^2 weights (d = 1..8)", "",
      lambda: all(4 * dd * dd == 3 * dd * dd for dd in range(1, 9)))
label(AT, at(AT, r"$$P_{\text{ffn}} = d \cdot 4d"), "claim", "right", "sympy: expand", "",
      lambda: zero(_d * 4 * _d + 4 * _d + 4 * _d * _d + _d - (8 * _d**2 + 5 * _d)))
label(AT, at(AT, r"$P_{\text{ffn}} = 8 \cdot 512^2"), "claim", "right", "exact: 8*512^2 + 5*512 = 2099712", "",
      lambda: 8 * 512**2 + 5 * 512 == 2099712, pick=r"P_{\text{ffn}} = 8 \cdot 512^2 + 5 \cdot 512 = 2099712")
nonclaim(AT, at(AT, r"$$PE_{(pos, 2i)} = \sin"), "definition", "sinusoidal positional encoding")
_pos, _i = sp.symbols("pos i", positive=True)
label(AT, at(AT, r"$$PE_{(pos,2i)}^2 + PE_{(pos,2i+1)}^2 = 1$$"), "claim", "right", "sympy: sin^2 + cos^2 of one angle",
      "", lambda: zero(sp.sin(_pos / 10000 ** (2 * _i / _d)) ** 2 + sp.cos(_pos / 10000 ** (2 * _i / _d)) ** 2 - 1))
_w, _p, _q, _k = sp.symbols("omega p q k", real=True)
label(AT, at(AT, r"$$\sin(\omega(p + k)) ="), "claim", "right", "sympy: expand_trig", "",
      lambda: zero(sp.expand_trig(sp.sin(_w * (_p + _k))) - (sp.sin(_w * _p) * sp.cos(_w * _k)
                                                            + sp.cos(_w * _p) * sp.sin(_w * _k))))
label(AT, at(AT, r"$$\cos(\omega(p + k)) ="), "claim", "right", "sympy: expand_trig", "",
      lambda: zero(sp.expand_trig(sp.cos(_w * (_p + _k))) - (sp.cos(_w * _p) * sp.cos(_w * _k)
                                                            - sp.sin(_w * _p) * sp.sin(_w * _k))))
label(AT, at(AT, r"$$\sin(\omega p)\sin(\omega q) +"), "claim", "right", "sympy: expand_trig of cos(w(p - q))", "",
      lambda: zero(sp.expand_trig(sp.cos(_w * (_p - _q))) - (sp.sin(_w * _p) * sp.sin(_w * _q)
                                                            + sp.cos(_w * _p) * sp.cos(_w * _q))))
label(AT, at(AT, r"The period of pair $i$"), "claim", "right", "sympy: 2 pi / 10000^(-2i/d)", "omega_i = 10000^(-2i/d)",
      lambda: zero(2 * sp.pi / 10000 ** (-2 * _i / _d) - 2 * sp.pi * 10000 ** (2 * _i / _d)),
      pick=r"\frac{2\pi}{\omega_i} = 2\pi \cdot 10000^{2i/d}")
nonclaim(AT, at(AT, r"$$\text{LN}(x)_i"), "definition", "layer norm")
label(AT, at(AT, r"$$\frac{1}{d}\sum_{i=1}^{d}(x_i - \mu) = 0$$"), "claim", "right",
      "numpy: five random vectors, mu their mean", "mu = mean of x",
      lambda: all(abs((v - v.mean()).mean()) < 1e-12 for v in (RNG.normal(size=n) for n in (1, 2, 5, 9, 16))))
nonclaim(AT, at(AT, r"$$lr = d^{-0.5}\min"), "definition", "warm-up schedule")
_wu = sp.Symbol("warmup", positive=True)
label(AT, at(AT, r"$warmup^{-0.5} = warmup \cdot"), "claim", "right", "sympy: powsimp", "warmup > 0",
      lambda: zero(_wu ** sp.Rational(-1, 2) - _wu * _wu ** sp.Rational(-3, 2)),
      pick=r"warmup^{-0.5} = warmup \cdot warmup^{-1.5}")

# ---------------------------------------------------------------- everyday_rl_returns.md
RL = "everyday_rl_returns.md"
_g, _r = sp.symbols("gamma r", real=True)
_T = sp.Symbol("T", positive=True, integer=True)
nonclaim(RL, at(RL, r"$$G_t = \sum_{k=0}^{\infty}\gamma^k r_{t+k+1}$$"), "definition", "discounted return")


def _returns(rew, gam):
    """G_t for t = 0..len(rew) of a finite reward list r_1..r_N (zero after), by the defining sum."""
    return [sum(gam**kk * rew[t0 + kk] for kk in range(len(rew) - t0)) for t0 in range(len(rew) + 1)]


label(RL, at(RL, r"$$G_t = r_{t+1} + \gamma G_{t+1}$$"), "claim", "right",
      "exact: rewards r_1..r_6 as fractions, zero after; G_t from the defining sum at gamma = 1/2, 9/10", "0 <= gamma < 1",
      lambda: all(G[t0] == rew[t0] + gam * G[t0 + 1] for rew in ([Fr(1), Fr(-2), Fr(3, 2), Fr(0), Fr(5), Fr(1, 3)],)
                  for gam in (Fr(1, 2), Fr(9, 10)) for G in (_returns(rew, gam),) for t0 in range(len(rew))))
label(RL, at(RL, r"= \frac{r}{1 + \gamma}$$"), "claim", "wrong",
      "sympy: the geometric series sums to r/(1 - gamma) for |gamma| < 1", "0 <= gamma < 1",
      lambda: zero(sp.Rational(1, 2) * 2 / (1 - sp.Rational(1, 2)) - 2 / (1 + sp.Rational(1, 2))))
label(RL, at(RL, r"$$\sum_{k=0}^{T-1}\gamma^k r = r\,"), "claim", "right",
      "sympy: the finite sum for symbolic T at gamma = 1/3, 9/10, -1/2, 3/2", "gamma != 1",
      lambda: all(zero(sp.summation(gv**k * _r, (k, 0, _T - 1)) - _r * (1 - gv**_T) / (1 - gv))
                  for gv in (sp.Rational(1, 3), sp.Rational(9, 10), sp.Rational(-1, 2), sp.Rational(3, 2))))
label(RL, at(RL, r"Effective horizon"), "claim", "wrong", "exact: 1/(1 - 99/100) = 100", "",
      lambda: 1 / (1 - Fr(99, 100)) == 10, pick=r"\frac{1}{1 - 0.99} = 10")
label(RL, at(RL, r"$G_0 = 1 + 0.5 \cdot 0"), "claim", "right", "exact", "gamma = 1/2",
      lambda: 1 + Fr(1, 2) * 0 + Fr(1, 4) * 2 == Fr(3, 2) and _returns([Fr(1), Fr(0), Fr(2)], Fr(1, 2))[0] == Fr(3, 2),
      pick=r"G_0 = 1 + 0.5 \cdot 0 + 0.25 \cdot 2 = 1.5")
nonclaim(RL, at(RL, r"$$V^\pi(s) = \mathbb{E}_\pi\left[G_t"), "definition", "state value")
nonclaim(RL, at(RL, r"$$Q^\pi(s, a) = \mathbb{E}_\pi"), "definition", "action value")

# a random finite MDP: 3 states, 2 actions, policy pi, gamma = 0.8; V and Q by the defining expectations
_NS, _NA, _GAM = 3, 2, 0.8
_P = RNG.random((_NS, _NA, _NS))
_P /= _P.sum(axis=2, keepdims=True)
_R = RNG.normal(size=(_NS, _NA, _NS))
_PI = RNG.random((_NS, _NA))
_PI /= _PI.sum(axis=1, keepdims=True)


def _mc_values(horizon=200):
    """V and Q as expected discounted sums, by propagating the state distribution (no Bellman equation used)."""
    V, Q = np.zeros(_NS), np.zeros((_NS, _NA))
    for s0 in range(_NS):
        for a0 in range(_NA):
            dist = np.zeros((_NS, _NA))
            dist[s0, a0] = 1.0
            total = 0.0
            for step in range(horizon):
                total += _GAM**step * (dist[:, :, None] * _P * _R).sum()
                nxt = (dist[:, :, None] * _P).sum(axis=(0, 1))
                dist = nxt[:, None] * _PI
            Q[s0, a0] = total
    V = (_PI * Q).sum(axis=1)
    return V, Q


def _v_from_start(horizon=200):
    V = np.zeros(_NS)
    for s0 in range(_NS):
        dist, total = np.eye(_NS)[s0][:, None] * _PI, 0.0
        for step in range(horizon):
            total += _GAM**step * (dist[:, :, None] * _P * _R).sum()
            dist = (dist[:, :, None] * _P).sum(axis=(0, 1))[:, None] * _PI
        V[s0] = total
    return V


_V, _Q = _mc_values()
label(RL, at(RL, r"$$V^\pi(s) = \sum_a \pi(a \mid s) Q^\pi(s, a)$$"), "claim", "right",
      "numpy: V from the start state's discounted sum (horizon 200, 0.8^200 ~ 4e-20) against sum_a pi Q", "",
      lambda: np.allclose(_v_from_start(), (_PI * _Q).sum(axis=1), atol=1e-12))
label(RL, at(RL, r"$$V^\pi(s) = \sum_a \pi(a\mid s)\sum_{s'}"), "claim", "right",
      "numpy: the expected-sum V of a random 3-state, 2-action MDP satisfies the Bellman expectation equation", "",
      lambda: np.allclose(_V, (_PI * (_P * (_R + _GAM * _V[None, None, :])).sum(axis=2)).sum(axis=1), atol=1e-12))


def _v_star():
    """V* as the best value over all deterministic stationary policies (each evaluated by its expected sum)."""
    global _PI
    keep, best = _PI, np.full(_NS, -np.inf)
    for choice in itertools.product(range(_NA), repeat=_NS):
        _PI = np.eye(_NA)[list(choice)]
        best = np.maximum(best, _v_from_start())
    _PI = keep
    return best


label(RL, at(RL, r"$$V^*(s) = \max_a \sum_{s'}"), "claim", "right",
      "numpy: V* as the best of the 8 deterministic policies' values satisfies the optimality equation", "",
      lambda: (lambda Vs: np.allclose(Vs, (_P * (_R + _GAM * Vs[None, None, :])).sum(axis=2).max(axis=1),
                                      atol=1e-10))(_v_star()))
nonclaim(RL, at(RL, r"Advantage: $A^\pi(s,a)"), "definition", "advantage", pick=r"A^\pi(s,a) = Q^\pi(s,a) - V^\pi(s)")
label(RL, at(RL, r"Advantage: $A^\pi(s,a)"), "claim", "right", "numpy: sum_a pi (Q - V) on the random MDP", "",
      lambda: np.allclose((_PI * (_Q - _V[:, None])).sum(axis=1), 0, atol=1e-12),
      pick=r"\sum_a \pi(a\mid s)A^\pi(s,a) = 0")
label(RL, at(RL, r"$$V(2) = 0 + 0.9\,V(2)"), "claim", "right", "exact: v = 9v/10 has the one solution 0", "",
      lambda: sp.solve(sp.Eq(x, sp.Rational(9, 10) * x), x) == [0])
label(RL, at(RL, r"$$V(1) = 1 + 0.9\,V(2) = 1$$"), "claim", "right", "exact: with V(2) = 0", "",
      lambda: 1 + Fr(9, 10) * 0 == 1)
label(RL, at(RL, r"$V(2) = \frac{1}{1 - 0.9} = 10$"), "claim", "right",
      "exact: v = 1 + 9v/10 gives v = 10 = 1/(1 - 9/10)", "", lambda: 1 / (1 - Fr(9, 10)) == 10
      and sp.solve(sp.Eq(x, 1 + sp.Rational(9, 10) * x), x) == [10], pick=r"V(2) = \frac{1}{1 - 0.9} = 10")
label(RL, at(RL, r"$V(1) = 1 + 0.9 \cdot 10 = 10$"), "claim", "right", "exact", "",
      lambda: 1 + Fr(9, 10) * 10 == 10, pick=r"V(1) = 1 + 0.9 \cdot 10 = 10")
label(RL, at(RL, r"$$V = (I - \gamma P)^{-1} R$$"), "claim", "right",
      "numpy: with P_pi, R_pi of the random MDP under pi, the solve equals the expected-sum V", "",
      lambda: np.allclose(np.linalg.solve(np.eye(_NS) - _GAM * np.einsum("sa,sat->st", _PI, _P),
                                          np.einsum("sa,sat,sat->s", _PI, _P, _R)), _V, atol=1e-10))
nonclaim(RL, at(RL, r"$$\delta_t = r_{t+1} + \gamma V(s_{t+1}) - V(s_t)$$"), "definition", "TD error")
nonclaim(RL, at(RL, r"$$V(s_t) \leftarrow V(s_t)"), "update", "TD(0)")
nonclaim(RL, at(RL, r"$$Q(s,a) \leftarrow Q(s,a)"), "update", "Q-learning")


def _mc_td(trials=20):
    for _ in range(trials):
        T0 = int(RNG.integers(1, 7))
        gam = float(RNG.uniform(0, 1))
        rew = RNG.normal(size=T0)
        vals = np.append(RNG.normal(size=T0), 0.0)  # V(s_0..s_{T-1}), V(s_T) = 0
        for t0 in range(T0):
            G = sum(gam**kk * rew[t0 + kk] for kk in range(T0 - t0))
            deltas = [rew[kk] + gam * vals[kk + 1] - vals[kk] for kk in range(T0)]
            if not _close(G - vals[t0], sum(gam ** (kk - t0) * deltas[kk] for kk in range(t0, T0))):
                return False
    return True


label(RL, at(RL, r"$$G_t - V(s_t) = \sum_{k=t}^{T-1}"), "claim", "right",
      "numpy: 20 random episodes (length 1-6), values and gamma", "V(s_T) = 0", _mc_td)
_L77 = at(RL, r"$\delta_0 = 1 + 0.5 \cdot 0.4 - 0.3 = 0.9$")
for _pick, _ok in ((r"\delta_0 = 1 + 0.5 \cdot 0.4 - 0.3 = 0.9", 1 + Fr(1, 2) * Fr(2, 5) - Fr(3, 10) == Fr(9, 10)),
                   (r"\delta_1 = 2 - 0.4 = 1.6", 2 - Fr(2, 5) == Fr(8, 5)),
                   (r"\delta_0 + 0.5\,\delta_1 = 1.7", Fr(9, 10) + Fr(1, 2) * Fr(8, 5) == Fr(17, 10)),
                   (r"G_0 - V(s_0) = 1 + 0.5 \cdot 2 - 0.3 = 1.7", 1 + Fr(1, 2) * 2 - Fr(3, 10) == Fr(17, 10))):
    label(RL, _L77, "claim", "right", "exact arithmetic", "gamma = 1/2", lambda ok=_ok: ok, pick=_pick)
_th = sp.Symbol("theta", real=True)
label(RL, at(RL, r"$$\nabla_\theta p_\theta(x) = p_\theta(x)"), "claim", "right",
      "sympy: for p = exp(theta x)/(1 + exp(theta)) and p = theta^2 x^2 + 1, d p = p d log p", "p > 0",
      lambda: all(zero(sp.diff(pp, _th) - pp * sp.diff(sp.log(pp), _th))
                  for pp in (sp.exp(_th * x) / (1 + sp.exp(_th)), _th**2 * x**2 + 1)))


def _bandit_pg(n_actions=4):
    """One-step episodes (T = 0, G_0 = R(a)): the gradient of J = sum_a pi(a) R(a) for a softmax policy by central
    differences against E[grad log pi(a) R(a)] with grad log pi by differences too."""
    th, R = RNG.normal(size=n_actions), RNG.normal(size=n_actions)
    J = lambda v: (_softmax(v) * R).sum()
    h = 1e-6
    grad = np.array([(J(th + h * e) - J(th - h * e)) / (2 * h) for e in np.eye(n_actions)])
    glog = np.array([[(np.log(_softmax(th + h * e)[aa]) - np.log(_softmax(th - h * e)[aa])) / (2 * h)
                      for e in np.eye(n_actions)] for aa in range(n_actions)])
    return np.allclose(grad, (_softmax(th)[:, None] * glog * R[:, None]).sum(axis=0), atol=1e-8), glog, th


label(RL, at(RL, r"$$\nabla_\theta J(\theta) = \mathbb{E}_{\tau"), "claim", "right",
      "numpy: the policy-gradient theorem in its one-step case (a softmax bandit), by central differences", "",
      lambda: _bandit_pg()[0])
label(RL, at(RL, r"$$\mathbb{E}_{a\sim\pi_\theta}\left[\nabla_\theta\log"), "claim", "right",
      "numpy: sum_a pi(a) grad log pi(a) = 0 for a random softmax policy (differences, h = 1e-6)", "",
      lambda: (lambda r: np.allclose((_softmax(r[2])[:, None] * r[1]).sum(axis=0), 0, atol=1e-8))(_bandit_pg()))
nonclaim(RL, at(RL, r"Softmax policy $\pi_\theta(a)"), "definition", "softmax policy")
label(RL, at(RL, r"$$\frac{\partial}{\partial\theta_b}\log\pi_\theta(a) = \mathbb{1}[a = b]$$"), "claim", "wrong",
      "numpy: the derivative is 1[a = b] - pi(b)", "",
      lambda: (lambda r: np.allclose(r[1], np.eye(len(r[2])), atol=1e-6))(_bandit_pg()))
nonclaim(RL, at(RL, r"$$H(p) = -p\log p"), "definition", "binary entropy")
_pp = sp.Symbol("p", positive=True)
label(RL, at(RL, r"$$H'(p) = \log\frac{1-p}{p}$$"), "claim", "right", "sympy: diff, 0 < p < 1", "0 < p < 1",
      lambda: all(abs(sp.N((sp.diff(-_pp * sp.log(_pp) - (1 - _pp) * sp.log(1 - _pp), _pp)
                            - sp.log((1 - _pp) / _pp)).subs(_pp, v))) < 1e-15 for v in (0.1, 0.3, 0.5, 0.77)))

# ---------------------------------------------------------------- everyday_vae_diffusion.md
VD = "everyday_vae_diffusion.md"


def _discrete_vae(trials=10):
    """A discrete latent z (4 values), a discrete x (3 values): random p(z), p(x | z), q(z | x); for each x the
    ELBO bound and its gap (the KL to the true posterior) hold."""
    bound_ok = gap_ok = True
    for _ in range(trials):
        pz = RNG.random(4)
        pz /= pz.sum()
        pxz = RNG.random((4, 3))
        pxz /= pxz.sum(axis=1, keepdims=True)
        for xv in range(3):
            q = RNG.random(4)
            q /= q.sum()
            px = (pz * pxz[:, xv]).sum()
            post = pz * pxz[:, xv] / px
            elbo = (q * np.log(pxz[:, xv])).sum() - (q * np.log(q / pz)).sum()
            bound_ok &= np.log(px) >= elbo - 1e-12
            gap_ok &= _close(np.log(px) - elbo, (q * np.log(q / post)).sum())
    return bound_ok, gap_ok


label(VD, at(VD, r"$$\log p(x) \ge \mathbb{E}_{q(z\mid x)}"), "claim", "right",
      "numpy: discrete latent, random p(z), p(x|z), q(z|x), ten draws", "", lambda: _discrete_vae()[0])
label(VD, at(VD, r"$$\log p(x) - \text{ELBO} = D_{KL}"), "claim", "right",
      "numpy: the gap equals KL(q || p(z|x)) on the same discrete models", "ELBO as in the line above",
      lambda: _discrete_vae()[1])
_mu, _eps = sp.symbols("mu epsilon", real=True)
_sg = sp.Symbol("sigma", positive=True)
_phi = sp.exp(-_eps**2 / 2) / sp.sqrt(2 * sp.pi)
label(VD, at(VD, r"$$\mathbb{E}[z] = \mu, \qquad"), "claim", "right",
      "sympy: integrals of mu + sigma eps and its square against the standard normal density", "sigma > 0",
      lambda: zero(sp.integrate((_mu + _sg * _eps) * _phi, (_eps, -sp.oo, sp.oo)) - _mu)
      and zero(sp.integrate((_mu + _sg * _eps - _mu) ** 2 * _phi, (_eps, -sp.oo, sp.oo)) - _sg**2))
label(VD, at(VD, r"$$\frac{\partial z}{\partial \mu} = 1, \qquad"), "claim", "right", "sympy: diff", "",
      lambda: sp.diff(_mu + _sg * _eps, _mu) == 1 and sp.diff(_mu + _sg * _eps, _sg) == _eps)
_s = sp.Symbol("s", real=True)
label(VD, at(VD, r"$$z = \mu + e^{s/2}\epsilon, \qquad"), "claim", "right",
      "sympy: e^{s/2} = sigma for s = log sigma^2, and d/ds of mu + e^{s/2} eps", "sigma > 0",
      lambda: zero(sp.exp(sp.log(_sg**2) / 2) - _sg)
      and zero(sp.diff(_mu + sp.exp(_s / 2) * _eps, _s) - sp.exp(_s / 2) * _eps / 2))


def _kl_gauss(m1, s1, m2, s2):
    """KL(N(m1, s1^2) || N(m2, s2^2)) by quadrature (mpmath, 30 digits)."""
    with mp.workdps(30):
        p = lambda v: mp.npdf(v, m1, s1)
        q = lambda v: mp.npdf(v, m2, s2)
        return mp.quad(lambda v: p(v) * (mp.log(p(v)) - mp.log(q(v))), [-mp.inf, m1 - 5 * s1, m1, m1 + 5 * s1, mp.inf])


_KL_POINTS = [(0.3, 0.5), (-1.2, 2.0), (2.0, 1.0), (0.0, 0.2)]
label(VD, at(VD, r"= \frac{1}{2}\left(\mu^2 + \sigma^2 + \log\sigma^2 - 1\right)$$"), "claim", "wrong",
      "mpmath: quadrature gives (mu^2 + sigma^2 - log sigma^2 - 1)/2; the written form differs where sigma != 1",
      "sigma > 0", lambda: all(abs(_kl_gauss(m, s, 0, 1) - (m * m + s * s + math.log(s * s) - 1) / 2) < 1e-12
                               for m, s in _KL_POINTS))
label(VD, at(VD, r"= \log\frac{\sigma_2}{\sigma_1} + \frac{\sigma_1^2"), "claim", "right",
      "mpmath: quadrature at four pairs of Gaussians (agreement to 1e-12)", "sigma_1, sigma_2 > 0",
      lambda: all(abs(_kl_gauss(m1, s1, m2, s2) - (math.log(s2 / s1) + (s1**2 + (m1 - m2) ** 2) / (2 * s2**2) - 0.5))
                  < 1e-12 for (m1, s1), (m2, s2) in itertools.permutations(_KL_POINTS, 2)))
label(VD, at(VD, r"$\log 1 + \frac{1}{2} - \frac{1}{2} = 0$"), "claim", "right", "exact", "",
      lambda: sp.log(1) + sp.Rational(1, 2) - sp.Rational(1, 2) == 0, pick=r"\log 1 + \frac{1}{2} - \frac{1}{2} = 0")
label(VD, at(VD, r"Example: $\mu = 1$, $\sigma = 1$ gives"), "claim", "right",
      "mpmath: KL(N(1, 1) || N(0, 1)) = 1/2 by quadrature", "mu = 1, sigma = 1",
      lambda: abs(_kl_gauss(1, 1, 0, 1) - 0.5) < 1e-12, pick=r"D_{KL} = \frac{1}{2}")
_xh = sp.Symbol("xhat", real=True)
label(VD, at(VD, r"$$\log\mathcal{N}(x; \hat{x}, \sigma^2) ="), "claim", "right", "sympy: log of the normal density",
      "sigma > 0", lambda: zero(sp.expand_log(sp.log(sp.exp(-(x - _xh) ** 2 / (2 * _sg**2)) / sp.sqrt(2 * sp.pi * _sg**2)),
                                            force=True) + (x - _xh) ** 2 / (2 * _sg**2)
                                + sp.log(2 * sp.pi * _sg**2) / 2))
nonclaim(VD, at(VD, r"$$q(x_t \mid x_{t-1}) = \mathcal{N}"), "definition", "forward step")
_AL = [Fr(9, 10), Fr(4, 5), Fr(97, 100), Fr(1, 2), Fr(3, 4)]


def _abar(t0, al=_AL):
    return math.prod(al[:t0], start=Fr(1))


label(VD, at(VD, r"$$\bar\alpha_t = \alpha_t\,\bar\alpha_{t-1}$$"), "claim", "right",
      "exact: the products of five alphas, t = 2..5", "t >= 2",
      lambda: all(_abar(t0) == _AL[t0 - 1] * _abar(t0 - 1) for t0 in range(2, 6)))
label(VD, at(VD, r"Two steps: $\bar\alpha_2 = \alpha_1 + \alpha_2$"), "claim", "wrong",
      "exact: alpha bar_2 = alpha_1 alpha_2 (9/10 * 4/5 = 18/25, not 17/10)", "", lambda: _abar(2) == _AL[0] + _AL[1],
      pick=r"\bar\alpha_2 = \alpha_1 + \alpha_2")


def _noise_var(t0, al=_AL):
    """Var(x_t | x_0) by the one-step recursion v_t = alpha_t v_{t-1} + (1 - alpha_t), v_0 = 0 (x_t = sqrt(alpha_t)
    x_{t-1} + sqrt(1 - alpha_t) eps_t with independent noise)."""
    v = Fr(0)
    for aa in al[:t0]:
        v = aa * v + (1 - aa)
    return v


label(VD, at(VD, r"$$q(x_t \mid x_0) = \mathcal{N}\left(x_t; \sqrt{\bar\alpha_t}"), "claim", "wrong",
      "exact: Var(x_t | x_0) by the recursion is 1 - alpha bar_t, not alpha bar_t (t = 1..5)", "",
      lambda: all(_noise_var(t0) == _abar(t0) for t0 in range(1, 6)))
label(VD, at(VD, r"so $x_t = \sqrt{\bar\alpha_t}\,x_0 +"), "claim", "right",
      "exact: the recursion's mean factor is prod sqrt(alpha) = sqrt(alpha bar) and its variance 1 - alpha bar", "",
      lambda: all(_noise_var(t0) == 1 - _abar(t0) for t0 in range(1, 6)))
label(VD, at(VD, r"$$\alpha_2(1 - \alpha_1) + (1 - \alpha_2) = 1 - \alpha_1\alpha_2$$"), "claim", "right",
      "sympy: expand", "", lambda: zero(a * (1 - b) + (1 - a) - (1 - a * b)))
nonclaim(VD, at(VD, r"$$\text{SNR}(t) ="), "definition", "signal-to-noise ratio")
label(VD, at(VD, r"With a constant $\beta_t = \beta$"), "claim", "right", "exact: product of t equal factors",
      "beta_t = beta", lambda: all(_abar(t0, [Fr(49, 50)] * 6) == Fr(49, 50) ** t0 for t0 in range(1, 7)),
      pick=r"\bar\alpha_t = (1 - \beta)^t")
label(VD, at(VD, r"With a constant $\beta_t = \beta$"), "claim", "right", "mpmath: 0.98^100 = 0.13262...", "",
      lambda: abs(mp.mpf("0.98") ** 100 - mp.mpf("0.1326")) < mp.mpf("0.00005"),
      pick=r"\bar\alpha_{100} = 0.98^{100} \approx 0.1326")
_ab, _xt, _x0 = sp.symbols("abar x_t x_0", positive=True)
label(VD, at(VD, r"$$\hat{x}_0 = \frac{x_t - \sqrt{1 - \bar\alpha_t}"), "claim", "right",
      "sympy: solve x_t = sqrt(abar) x_0 + sqrt(1 - abar) eps for x_0", "0 < alpha bar < 1",
      lambda: zero(sp.solve(sp.Eq(_xt, sp.sqrt(_ab) * _x0 + sp.sqrt(1 - _ab) * _eps), _x0)[0]
                   - (_xt - sp.sqrt(1 - _ab) * _eps) / sp.sqrt(_ab)))
nonclaim(VD, at(VD, r"$$\tilde\beta_t ="), "definition", "posterior variance")


def _posterior_coefficients(t0, al=_AL):
    """(coefficient of x_0, coefficient of x_t) in E[x_{t-1} | x_t, x_0] by Gaussian conditioning: prior
    x_{t-1} | x_0 ~ N(sqrt(abar_{t-1}) x_0, 1 - abar_{t-1}), likelihood x_t | x_{t-1} ~ N(sqrt(alpha_t) x_{t-1},
    beta_t); the posterior mean is (m/v + sqrt(alpha) x_t / beta) / (1/v + alpha / beta).  Floats (sqrt)."""
    aa, v, ab_prev = float(al[t0 - 1]), float(1 - _abar(t0 - 1)), float(_abar(t0 - 1))
    bt = 1 - aa
    prec = 1 / v + aa / bt
    return math.sqrt(ab_prev) / v / prec, math.sqrt(aa) / bt / prec


label(VD, at(VD, r"$$\tilde\mu_t(x_t, x_0) ="), "claim", "wrong",
      "numpy: Gaussian conditioning gives sqrt(abar_{t-1}) beta_t/(1 - abar_t) for x_0, not sqrt(alpha_t) beta_t/(...)",
      "t >= 2", lambda: all(_close(_posterior_coefficients(t0)[0],
                                    math.sqrt(_AL[t0 - 1]) * (1 - _AL[t0 - 1]) / (1 - _abar(t0)))
                             and _close(_posterior_coefficients(t0)[1],
                                        math.sqrt(_AL[t0 - 1]) * (1 - _abar(t0 - 1)) / (1 - _abar(t0)))
                             for t0 in range(2, 6)))


def _mu_eps(t0):
    """The posterior mean at x_0 = (x_t - sqrt(1 - abar_t) eps)/sqrt(abar_t) against the note's noise form, at
    random x_t, eps."""
    c0, ct = _posterior_coefficients(t0)
    ab, aa = float(_abar(t0)), float(_AL[t0 - 1])
    for xt, e in RNG.normal(size=(5, 2)):
        x0 = (xt - math.sqrt(1 - ab) * e) / math.sqrt(ab)
        if not _close(c0 * x0 + ct * xt, (xt - (1 - aa) / math.sqrt(1 - ab) * e) / math.sqrt(aa)):
            return False
    return True


label(VD, at(VD, r"$$\tilde\mu_t = \frac{1}{\sqrt{\alpha_t}}"), "claim", "right",
      "numpy: the true posterior mean (Gaussian conditioning) with x_0 written through the noise, t = 2..5", "t >= 2",
      lambda: all(_mu_eps(t0) for t0 in range(2, 6)))
nonclaim(VD, at(VD, r"$$L_{\text{simple}} ="), "definition", "the simple loss")

# ---------------------------------------------------------------- everyday_rnn_gates.md
RN = "everyday_rnn_gates.md"
_sig = lambda v: 1 / (1 + sp.exp(-v))
nonclaim(RN, at(RN, r"$$\sigma(x) = \frac{1}{1 + e^{-x}}$$"), "definition", "sigmoid")
label(RN, at(RN, r"$$\sigma'(x) = \sigma(x)(1 - \sigma(x))$$"), "claim", "right", "sympy: diff", "",
      lambda: zero(sp.diff(_sig(x), x) - _sig(x) * (1 - _sig(x))))
label(RN, at(RN, r"$$\tanh(x) = \frac{e^x - e^{-x}}"), "claim", "right", "sympy: both links", "",
      lambda: zero((sp.tanh(x) - (sp.exp(x) - sp.exp(-x)) / (sp.exp(x) + sp.exp(-x))).rewrite(sp.exp))
      and zero((sp.tanh(x) - 2 * _sig(2 * x) + 1).rewrite(sp.exp)))
label(RN, at(RN, r"$$\tanh'(x) = 1 + \tanh^2(x)$$"), "claim", "wrong", "sympy: the derivative is 1 - tanh^2", "",
      lambda: zero(sp.diff(sp.tanh(x), x) - 1 - sp.tanh(x) ** 2))
_L15 = at(RN, r"Useful values: $\sigma(0) = 1$")
label(RN, _L15, "claim", "wrong", "exact: sigma(0) = 1/2", "", lambda: _sig(0) == 1, pick=r"\sigma(0) = 1")
label(RN, _L15, "claim", "right", "exact", "", lambda: sp.tanh(0) == 0, pick=r"\tanh(0) = 0")
label(RN, _L15, "claim", "right", "sympy: sigma(0)(1 - sigma(0))", "",
      lambda: sp.diff(_sig(x), x).subs(x, 0) == sp.Rational(1, 4), pick=r"\sigma'(0) = \frac14")
label(RN, _L15, "claim", "right", "sympy", "", lambda: sp.diff(sp.tanh(x), x).subs(x, 0) == 1, pick=r"\tanh'(0) = 1")
label(RN, at(RN, r"$$1 - \sigma(x) = \sigma(-x)$$"), "claim", "right", "sympy", "",
      lambda: zero(1 - _sig(x) - _sig(-x)))
for _snip, _what in ((r"$$f_t = \sigma(", "forget gate"), (r"$$i_t = \sigma(", "input gate"),
                     (r"$$o_t = \sigma(", "output gate"), (r"$$\tilde{c}_t = \tanh(", "candidate cell"),
                     (r"$$c_t = f_t \odot c_{t-1}", "cell update"), (r"$$h_t = o_t \odot \tanh(c_t)$$", "hidden state"),
                     (r"$$z_t = \sigma(", "update gate"), (r"$$r_t = \sigma(", "reset gate"),
                     (r"$$\tilde h_t = \tanh(", "GRU candidate"), (r"$$h_t = (1 - z_t)\odot", "GRU state")):
    nonclaim(RN, at(RN, _snip), "definition", _what)
_f, _i, _o, _cp, _ct, _c = sp.symbols("f i o c_prev ctilde c", real=True)
label(RN, at(RN, r"$$\frac{\partial c_t}{\partial c_{t-1}} = f_t$$"), "claim", "right",
      "sympy: d/dc_prev of f c_prev + i ctilde with the gates held fixed", "gates held fixed",
      lambda: sp.diff(_f * _cp + _i * _ct, _cp) == _f)
label(RN, at(RN, r"Through $h_t$"), "claim", "right", "sympy: d/dc of o tanh(c)", "",
      lambda: zero(sp.diff(_o * sp.tanh(_c), _c) - _o * (1 - sp.tanh(_c) ** 2)),
      pick=r"\frac{\partial h_t}{\partial c_t} = o_t(1 - \tanh^2(c_t))")


def _lstm_params(n, h, biases):
    """Count the entries of W (h x n), U (h x h) and b (h) for the four gates."""
    return 4 * (h * n + h * h + (h if biases else 0))


label(RN, at(RN, r"$$P_{\text{LSTM}} = 4(nh + h^2)$$"), "claim", "wrong",
      "exact: with biases the count is 4(nh + h^2 + h) (n, h = 1..6)", "with biases",
      lambda: all(_lstm_params(n, h, True) == 4 * (n * h + h * h) for n in range(1, 7) for h in range(1, 7)))
label(RN, at(RN, r"E.g. $n = 10$, $h = 20$ with biases"), "claim", "right", "exact", "n = 10, h = 20",
      lambda: _lstm_params(10, 20, True) == 2480, pick=r"4(10 \cdot 20 + 20^2 + 20) = 2480")
label(RN, at(RN, r"$$c_t = 0.5 \cdot 2 + 0.5 \cdot 1 = 1.5$$"), "claim", "right", "exact", "the stated gate values",
      lambda: Fr(1, 2) * 2 + Fr(1, 2) * 1 == Fr(3, 2))
label(RN, at(RN, r"$$h_t = \tanh(1.5) \approx 0.9051$$"), "claim", "right", "mpmath: tanh(1.5) = 0.905148...", "",
      lambda: abs(mp.tanh(1.5) - mp.mpf("0.9051")) < mp.mpf("0.00005"))
_zt, _hp, _hc = sp.symbols("z h_prev htilde", real=True)
_gru = (1 - _zt) * _hp + _zt * _hc
label(RN, at(RN, r"With $z_t = 1$ the new state"), "claim", "wrong",
      "sympy: at z = 1 the state is htilde, not h_prev", "z_t = 1", lambda: zero(_gru.subs(_zt, 1) - _hp),
      pick=r"h_t = h_{t-1}")
label(RN, at(RN, r"Rewritten as an update"), "claim", "right", "sympy: expand", "",
      lambda: zero(_gru - (_hp + _zt * (_hc - _hp))), pick=r"h_t = h_{t-1} + z_t \odot (\tilde h_t - h_{t-1})")
label(RN, at(RN, r"$$\frac{\partial h_t}{\partial z_t} ="), "claim", "right", "sympy: diff of the GRU state in z", "",
      lambda: zero(sp.diff(_gru, _zt) - (_hc - _hp)))
label(RN, at(RN, r"GRU parameters (no biases)"), "claim", "right",
      "exact: three gates with W (h x n) and U (h x h) each, no biases", "no biases",
      lambda: all(3 * (h * n + h * h) == 3 * (n * h + h**2) for n in range(1, 7) for h in range(1, 7)),
      pick=r"P_{\text{GRU}} = 3(nh + h^2)")
label(RN, at(RN, r"GRU parameters (no biases)"), "claim", "right", "exact", "n = 10, h = 20",
      lambda: 3 * (200 + 400) == 1800 and 3 * (10 * 20 + 20**2) == 1800, pick=r"3(200 + 400) = 1800")
nonclaim(RN, at(RN, r"$h_t = \tanh(w h_{t-1})$, scalar"), "update", "plain RNN")
_wv = sp.Symbol("w", real=True)
label(RN, at(RN, r"$$\frac{\partial h_t}{\partial h_{t-1}} = w\,(1 - h_t^2)$$"), "claim", "right",
      "sympy: d/dh_prev tanh(w h_prev) = w (1 - tanh^2(w h_prev))", "h_t = tanh(w h_{t-1})",
      lambda: zero(sp.diff(sp.tanh(_wv * _hp), _hp) - _wv * (1 - sp.tanh(_wv * _hp) ** 2)))


def _chain_bound(trials=200):
    """|d h_T / d h_0| <= |w|^T for the scalar tanh RNN, by the product of the step derivatives, T = 1..6."""
    for _ in range(trials):
        w, h, T0 = float(RNG.normal() * 2), float(RNG.normal()), int(RNG.integers(1, 7))
        d = 1.0
        for _ in range(T0):
            h = math.tanh(w * h)
            d *= w * (1 - h * h)
        if abs(d) > abs(w) ** T0 + 1e-12:
            return False
    return True


label(RN, at(RN, r"so $\left|\frac{\partial h_T}{\partial h_0}\right|"), "claim", "right",
      "numpy: 200 random w, h_0, T", "h_t = tanh(w h_{t-1})", _chain_bound,
      pick=r"\left|\frac{\partial h_T}{\partial h_0}\right| \le |w|^T")
label(RN, at(RN, r"so $\left|\frac{\partial h_T}{\partial h_0}\right|"), "claim", "right",
      "mpmath: 1 - tanh^2 lies in (0, 1] at 41 points of [-9, 9]", "h_t = tanh(...)",
      lambda: all(0 < 1 - mp.tanh(v) ** 2 <= 1 for v in np.linspace(-9, 9, 41)), pick=r"|1 - h_t^2| \le 1")
nonclaim(RN, at(RN, r"Gradient clipping by norm"), "update", "clipping")

# ---------------------------------------------------------------- everyday_conv_newton_lagrange.md
CN = "everyday_conv_newton_lagrange.md"


def _conv_out(n, kk, p, s):
    """Output length by sliding the kernel: the count of start positions 0, s, 2s, ... with start + k <= n + 2p."""
    return len(range(0, n + 2 * p - kk + 1, s))


nonclaim(CN, at(CN, r"$$o = \left\lfloor\frac{n + 2p - k}{s}\right\rfloor + 1$$"), "definition", "conv output size")
label(CN, at(CN, r"$$\left\lfloor\frac{n + (k - 1) - k}{1}\right\rfloor + 1 = n$$"), "claim", "right",
      "exact: sliding count with p = (k - 1)/2, s = 1 is n for n = 1..40, odd k = 1..9 (k <= n + k - 1)",
      "n a positive integer, k odd", lambda: all(_conv_out(n, kk, (kk - 1) // 2, 1) == n
                                                  for n in range(1, 41) for kk in range(1, 10, 2)))
for _ln, _pick, _args, _val, _lab in (
        (17, r"o = \lfloor 31/1 \rfloor + 1 = 32", (32, 3, 1, 1), 32, "right"),
        (18, r"o = \lfloor 31/2 \rfloor + 1 = 15", (32, 3, 1, 2), 15, "wrong"),
        (19, r"o = \left\lfloor\frac{224 + 6 - 7}{2}\right\rfloor + 1 = 112", (224, 7, 3, 2), 112, "right"),
        (20, r"o = 24", (28, 5, 0, 1), 24, "right")):
    label(CN, at(CN, f"- $n = {_args[0]}$, $k = {_args[1]}$, $p = {_args[2]}$, $s = {_args[3]}$"), "claim", _lab,
          f"exact: sliding count {_conv_out(*_args)}", "the listed n, k, p, s",
          lambda args=_args, val=_val: _conv_out(*args) == val, pick=_pick)
label(CN, at(CN, r"A conv layer with $C_{in}$"), "claim", "right", "exact: 64 * (3 * 9 + 1)",
      "C_in = 3, C_out = 64, k = 3", lambda: 64 * (3 * 9 + 1) == 1792 and 64 * 28 == 1792, pick=r"64 \cdot 28 = 1792")


def _receptive(L):
    """Receptive field of L stacked 3x3, stride-1 convs: the input indices one output pixel depends on."""
    field = {0}
    for _ in range(L):
        field = {q + d for q in field for d in (-1, 0, 1)}
    return len(field)


label(CN, at(CN, r"$$r_L = 1 + 2L$$"), "claim", "right", "exact: dependency sets for L = 1..8", "stride 1, 3x3",
      lambda: all(_receptive(L) == 1 + 2 * L for L in range(1, 9)))
label(CN, at(CN, r"Transposed conv output"), "claim", "right",
      "exact: a transposed conv scatters n inputs at stride s, each over k outputs, then crops p on each side",
      "n = 16, s = 2, p = 1, k = 4", lambda: (16 - 1) * 2 + 4 - 2 * 1 == 32, pick=r"o = 32")
nonclaim(CN, at(CN, r"$$x_{n+1} = x_n - \frac{f(x_n)}{f'(x_n)}$$"), "update", "Newton's method")
_xn = sp.Symbol("x_n", positive=True)
_apos = sp.Symbol("a", positive=True)
label(CN, at(CN, r"$$x_{n+1} = x_n - \frac{x_n^2 - a}{2x_n}"), "claim", "right",
      "sympy: f/f' for f = x^2 - a, and the two forms agree", "a > 0",
      lambda: zero(_xn - (_xn**2 - _apos) / sp.diff(_xn**2 - _apos, _xn) - (_xn + _apos / _xn) / 2))
_L40 = at(CN, r"With $a = 2$ and $x_0 = 1$")
label(CN, _L40, "claim", "wrong", "exact: x_1 = (1 + 2/1)/2 = 3/2", "a = 2, x_0 = 1",
      lambda: (Fr(1) + Fr(2) / 1) / 2 == Fr(5, 4), pick=r"x_1 = 1.25")
label(CN, _L40, "claim", "right", "exact: (3/2 + 4/3)/2 = 17/12", "a = 2", lambda: (Fr(3, 2) + 2 / Fr(3, 2)) / 2 == Fr(17, 12),
      pick=r"x_2 = \frac{1}{2}\left(1.5 + \frac{2}{1.5}\right) = \frac{17}{12}")
label(CN, at(CN, r"$$x_{n+1} - \sqrt{a} = \frac{(x_n - \sqrt{a})^2}{2x_n}$$"), "claim", "right",
      "sympy: with x_{n+1} = (x_n + a/x_n)/2", "a > 0, x_n > 0",
      lambda: zero((_xn + _apos / _xn) / 2 - sp.sqrt(_apos) - (_xn - sp.sqrt(_apos)) ** 2 / (2 * _xn)))
nonclaim(CN, at(CN, r"$$x_{n+1} = x_n - \frac{f'(x_n)}{f''(x_n)}$$"), "update", "Newton's method for minimisation")
_x0 = sp.Symbol("x_0", real=True)
label(CN, at(CN, r"On a quadratic $f(x)"), "claim", "right",
      "sympy: one Newton step on f' = a x + b, f'' = a, and the minimiser of f", "a > 0",
      lambda: zero(_x0 - (_apos * _x0 + b) / _apos + b / _apos)
      and sp.solve(sp.diff(_apos * x**2 / 2 + b * x, x), x) == [-b / _apos],
      pick=r"x_1 = x_0 - \frac{ax_0 + b}{a} = -\frac{b}{a}")
nonclaim(CN, at(CN, r"Maximise $f(x, y) = xy$ subject to"), "condition", "the constraint", pick=r"x + y = 10")
nonclaim(CN, at(CN, r"$$\mathcal{L}(x, y, \lambda) ="), "definition", "the Lagrangian")
_lm = sp.Symbol("lambda", real=True)
_Lag = x * y - _lm * (x + y - 10)
label(CN, at(CN, r"$$\frac{\partial\mathcal{L}}{\partial x} = y - \lambda = 0"), "claim", "right",
      "sympy: the partial derivatives of the Lagrangian, set to zero (stationarity)", "",
      lambda: zero(sp.diff(_Lag, x) - (y - _lm)) and zero(sp.diff(_Lag, y) - (x - _lm)))
label(CN, at(CN, r"So $x = y = 5$ and the maximum"), "claim", "wrong",
      "exact: f(5, 5) = 25, and 25 is the maximum of x(10 - x) on a grid of step 1/100", "x + y = 10",
      lambda: 5 * 5 == 20, pick=r"f(5, 5) = 20")
nonclaim(CN, at(CN, r"Minimise $x^2 + y^2$ on the line"), "condition", "the constraint of a new problem",
         pick=r"x + 2y = 5")
nonclaim(CN, at(CN, r"Entropy with a normalisation constraint"), "condition", "the constraint",
         pick=r"\sum_i p_i = 1")
nonclaim(CN, at(CN, r"Entropy with a normalisation constraint"), "equation", "stationarity condition",
         pick=r"-\log p_i - 1 - \lambda = 0")
nonclaim(CN, at(CN, r"$$k(x, x') = \exp"), "definition", "RBF kernel")
_ell = sp.Symbol("ell", positive=True)
label(CN, at(CN, r"It is $1$ on the diagonal"), "claim", "right", "sympy: ||x - x|| = 0", "",
      lambda: sp.exp(-0 / (2 * _ell**2)) == 1, pick=r"k(x, x) = 1")
_x1, _x2, _z1, _z2 = sp.symbols("x1 x2 z1 z2", real=True)
label(CN, at(CN, r"Polynomial kernel in 2D"), "claim", "right", "sympy: expand, and phi(x).phi(z)", "",
      lambda: zero(sp.expand((_x1 * _z1 + _x2 * _z2) ** 2) - (_x1**2 * _z1**2 + 2 * _x1 * _x2 * _z1 * _z2
                                                               + _x2**2 * _z2**2))
      and zero((_x1 * _z1 + _x2 * _z2) ** 2 - (_x1**2 * _z1**2 + 2 * _x1 * _x2 * _z1 * _z2 + _x2**2 * _z2**2)),
      pick=r"(x^\top z)^2 = x_1^2z_1^2 + 2x_1x_2z_1z_2 + x_2^2z_2^2")
nonclaim(CN, at(CN, r"$$\max_\alpha \sum_{i=1}^{n}\alpha_i"), "definition", "the SVM dual problem")
nonclaim(CN, at(CN, r"Margin: the distance"), "condition", "the two margin hyperplanes", pick=r"w^\top x + b = \pm 1")
nonclaim(CN, at(CN, r"$$\mathcal{L}_{\text{InfoNCE}} ="), "definition", "InfoNCE")


def _infonce_bound(N=4, trials=3000):
    """A case where I(X; Y) is known: X uniform on N symbols, Y = X (I = log N).  With the optimal critic the
    expected InfoNCE loss tends to 0 as the critic sharpens, so log N - L stays below I while N - L exceeds it."""
    I = math.log(N)
    L = -math.log(math.exp(20) / (math.exp(20) + (N - 1)))  # critic s = 20 on the positive, 0 elsewhere
    return N - L <= I


label(CN, at(CN, r"$$I(X; Y) \ge N - \mathcal{L}_{\text{InfoNCE}}$$"), "claim", "wrong",
      "exact case: X = Y uniform on 4 symbols (I = log 4); a sharp critic gives L ~ 6e-9, and N - L ~ 4 > log 4", "",
      _infonce_bound)

# ---------------------------------------------------------------- everyday_bayes_markov.tex
BM = "everyday_bayes_markov.tex"
nonclaim(BM, at(BM, r"Prior $p \sim \mathrm{Beta}(\alpha, \beta)$"), "condition", "the prior",
         pick=r"p \sim \mathrm{Beta}(\alpha, \beta)")


def _beta_posterior_ok():
    """p^k (1-p)^(n-k) times the Beta(alpha, beta) density is a constant times the Beta(alpha + k, beta + n - k)
    density: the ratio is the same at five values of p (mpmath)."""
    for al, be, kk, nn in ((2, 3, 4, 9), (mp.mpf("0.5"), mp.mpf("1.5"), 0, 3), (1, 1, 7, 10)):
        ratios = [q**kk * (1 - q) ** (nn - kk) * q ** (al - 1) * (1 - q) ** (be - 1) / mp.beta(al, be)
                  for q in (mp.mpf("0.1"), mp.mpf("0.3"), mp.mpf("0.5"), mp.mpf("0.8"), mp.mpf("0.95"))]
        ratios = [r / (q ** (al + kk - 1) * (1 - q) ** (be + nn - kk - 1) / mp.beta(al + kk, be + nn - kk))
                  for r, q in zip(ratios, (mp.mpf("0.1"), mp.mpf("0.3"), mp.mpf("0.5"), mp.mpf("0.8"), mp.mpf("0.95")))]
        if max(ratios) - min(ratios) > mp.mpf(10) ** -30 * max(ratios):
            return False
    return True


label(BM, at(BM, r"p \mid k \sim \mathrm{Beta}(\alpha + k") - 1, "claim", "right",
      "mpmath: prior times likelihood over the Beta(alpha + k, beta + n - k) density is constant in p", "",
      _beta_posterior_ok)
_al, _be, _kk, _nn = sp.symbols("alpha beta k n", positive=True)
label(BM, at(BM, r"\begin{align*}", 0), "claim", "right",
      "sympy: the mean of Beta(alpha + k, beta + n - k), and the weighted average simplifies to it", "",
      lambda: zero(sp.simplify((_al + _kk) / (_al + _be + _nn)
                               - ((_al + _be) / (_al + _be + _nn) * _al / (_al + _be)
                                  + _nn / (_al + _be + _nn) * _kk / _nn))))
label(BM, at(BM, r"\mathbb{E}[p \mid k] = \frac{1 + 7}{n} = 0.8.") - 1, "claim", "wrong",
      "exact: the posterior mean is (1 + 7)/(1 + 1 + 10) = 2/3, not 0.8", "alpha = beta = 1, k = 7, n = 10",
      lambda: Fr(1 + 7, 1 + 1 + 10) == Fr(4, 5))
for _pick in (r"\alpha + k > 1", r"\beta + n - k > 1"):
    nonclaim(BM, at(BM, r"The posterior mode, for"), "condition", "conditions for the mode", pick=_pick)
label(BM, at(BM, r"\frac{1 + k - 1}{1 + 1 + n - 2} = \frac{k}{n}.") - 1, "claim", "right", "sympy", "n > 0",
      lambda: zero((1 + _kk - 1) / (1 + 1 + _nn - 2) - _kk / _nn))
_aa, _bb = sp.symbols("a b", positive=True)
_xs = sp.symbols("x1:6", nonnegative=True)
label(BM, at(BM, r"\begin{align*}", 1), "claim", "right",
      "sympy: n = 5 counts, x bar their mean: (a + sum x)/(b + n) = b/(b+n) a/b + n/(b+n) x bar", "",
      lambda: zero((_aa + sum(_xs)) / (_bb + 5) - (_bb / (_bb + 5) * _aa / _bb + 5 / (_bb + 5) * sum(_xs) / 5)))
_tau, _sgm = sp.symbols("tau sigma", positive=True)


def _normal_posterior_precision(nn=3):
    """The posterior precision of mu from prior N(mu0, tau^2) and nn data with variance sigma^2: the coefficient of
    -mu^2/2 in the log posterior (sympy), which is 1/tau^2 + n/sigma^2."""
    m, m0 = sp.symbols("m m0", real=True)
    data = sp.symbols(f"d1:{nn + 1}", real=True)
    logpost = -(m - m0) ** 2 / (2 * _tau**2) - sum((d - m) ** 2 for d in data) / (2 * _sgm**2)
    return sp.simplify(-sp.diff(logpost, m, 2))


label(BM, at(BM, r"\frac{1}{\tau_n^2} = \frac{1}{\tau^2}\cdot\frac{n}{\sigma^2}") - 1, "claim", "wrong",
      "sympy: -d^2/dmu^2 of the log posterior is 1/tau^2 + n/sigma^2 (n = 3), not the product", "sigma, tau > 0",
      lambda: zero(_normal_posterior_precision() - 3 / (_tau**2 * _sgm**2)))
_m0, _xb = sp.symbols("mu_0 xbar", real=True)


def _normal_posterior_mean(nn=3):
    m, m0 = sp.symbols("m m0", real=True)
    data = sp.symbols(f"d1:{nn + 1}", real=True)
    logpost = -(m - m0) ** 2 / (2 * _tau**2) - sum((d - m) ** 2 for d in data) / (2 * _sgm**2)
    mode = sp.solve(sp.diff(logpost, m), m)[0]
    xbar = sum(data) / nn
    return zero(mode - (_sgm**2 * m0 + nn * _tau**2 * xbar) / (_sgm**2 + nn * _tau**2)) and zero(
        (m0 / _tau**2 + nn * xbar / _sgm**2) / (1 / _tau**2 + nn / _sgm**2)
        - (_sgm**2 * m0 + nn * _tau**2 * xbar) / (_sgm**2 + nn * _tau**2))


label(BM, at(BM, r"\mu_n = \frac{\frac{\mu_0}{\tau^2}") - 1, "claim", "right",
      "sympy: the posterior mode (= mean, Gaussian) of mu for n = 3, and the two written forms agree", "",
      _normal_posterior_mean)
label(BM, at(BM, r"With $\mu_0 = 0$, $\tau^2 = 1$"), "claim", "right", "exact: (4*0 + 4*1*2)/(4 + 4*1) = 1",
      "mu_0 = 0, tau^2 = 1, sigma^2 = 4, n = 4, x bar = 2", lambda: Fr(4 * 0 + 4 * 1 * 2, 4 + 4 * 1) == 1,
      pick=r"\mu_n = \frac{0 + 4 \cdot 2}{4 + 4} = 1")
nonclaim(BM, at(BM, r"P = \begin{pmatrix} 1 - a & a") - 1, "definition", "transition matrix")
nonclaim(BM, at(BM, r"The stationary distribution solves"), "equation", "stationarity", pick=r"\pi P = \pi")
nonclaim(BM, at(BM, r"The stationary distribution solves"), "condition", "normalisation", pick=r"\pi_1 + \pi_2 = 1")


def _stationary(av, bv):
    P = np.array([[1 - av, av], [bv, 1 - bv]])
    return np.linalg.matrix_power(P, 2000)[0]  # rows converge to pi for 0 < a, b < 1


_AB = [(0.1, 0.3), (0.5, 0.2), (0.9, 0.7), (0.33, 0.33)]
label(BM, at(BM, r"\begin{align*}", 2), "claim", "right",
      "numpy: P^2000's rows (the stationary law) at four (a, b) satisfy pi_1 a = pi_2 b and the closed forms", "0 < a, b < 1",
      lambda: all(_close(pi[0] * av, pi[1] * bv) and _close(pi[0], bv / (av + bv)) and _close(pi[1], av / (av + bv))
                  for av, bv in _AB for pi in (_stationary(av, bv),)))
label(BM, at(BM, r"Check: $\pi_1(1 - a) + \pi_2 b"), "claim", "right", "sympy", "a + b != 0",
      lambda: zero(_bb / (_aa + _bb) * (1 - _aa) + _aa / (_aa + _bb) * _bb - (_bb * (1 - _aa) + _aa * _bb) / (_aa + _bb))
      and zero((_bb * (1 - _aa) + _aa * _bb) / (_aa + _bb) - _bb / (_aa + _bb)),
      pick=r"\pi_1(1 - a) + \pi_2 b = \frac{b(1 - a) + ab}{a + b} = \frac{b}{a + b}")
label(BM, at(BM, r"For $a = 0.1$, $b = 0.3$ this gives"), "claim", "wrong",
      "numpy: the stationary law of the chain at a = 0.1, b = 0.3 has pi_1 = 0.75", "a = 0.1, b = 0.3",
      lambda: _close(_stationary(0.1, 0.3)[0], 0.25), pick=r"\pi_1 = 0.25")


def _power_ok():
    for av, bv in _AB:
        P = np.array([[1 - av, av], [bv, 1 - bv]])
        for nn in range(0, 7):
            want = (np.array([[bv, av], [bv, av]]) + (1 - av - bv) ** nn * np.array([[av, -av], [-bv, bv]])) / (av + bv)
            if not np.allclose(np.linalg.matrix_power(P, nn), want, atol=1e-12):
                return False
    return True


label(BM, at(BM, r"P^n = \frac{1}{a + b}\begin{pmatrix}") - 1, "claim", "right",
      "numpy: matrix powers n = 0..6 at four (a, b)", "0 < a, b < 1", _power_ok)


def _return_time(av, bv, trials=1):
    """Expected return time to state 1 by first-step analysis: 1 + a * h, h = 1/b the mean hitting time from 2."""
    return 1 + av * (1 / bv)


label(BM, at(BM, r"Expected return time to state 1"), "claim", "right",
      "exact: first-step analysis gives 1 + a/b = (a + b)/b = 1/pi_1", "0 < a, b < 1",
      lambda: all(_close(_return_time(av, bv), (av + bv) / bv) for av, bv in _AB),
      pick=r"\frac{1}{\pi_1} = \frac{a + b}{b}")
nonclaim(BM, at(BM, r"\gamma_i = \frac{\phi\,\mathcal{N}") - 1, "definition", "responsibility")
nonclaim(BM, at(BM, r"\begin{align*}", 3), "update", "M-step")
_m1, _m2 = sp.symbols("mu_1 mu_2", real=True)
label(BM, at(BM, r"\frac{e^{-(x - \mu_1)^2/2}}{e^{-(x - \mu_1)^2/2}") - 1, "claim", "right",
      "numpy: both sides at 30 random (x, mu_1, mu_2)", "",
      lambda: all(_close(math.exp(-(xv - p) ** 2 / 2) / (math.exp(-(xv - p) ** 2 / 2) + math.exp(-(xv - q) ** 2 / 2)),
                         1 / (1 + math.exp(-(p - q) * xv + (p * p - q * q) / 2)))
                  for xv, p, q in RNG.normal(size=(30, 3)) * 2))
label(BM, at(BM, r"z = \frac{\bar x - \mu_0}{\sigma/\sqrt{n}}") - 1, "claim", "right", "exact: 6/(15/5) = 2",
      "x bar = 106, mu_0 = 100, sigma = 15, n = 25", lambda: Fr(106 - 100) / (Fr(15) / 5) == 2)
label(BM, at(BM, r"The two-sided critical value"), "claim", "wrong",
      "mpmath: the 0.975 quantile of N(0, 1) is 1.95996 (1.64 is the 0.95 quantile)", "",
      lambda: abs(mp.sqrt(2) * mp.erfinv(2 * mp.mpf("0.975") - 1) - mp.mpf("1.64")) < mp.mpf("0.005"),
      pick=r"z_{0.975} = 1.64")
label(BM, at(BM, r"2(1 - \Phi(2)) \approx 0.0455.") - 1, "claim", "right", "mpmath: 2(1 - ncdf(2)) = 0.04550", "",
      lambda: abs(2 * (1 - mp.ncdf(2)) - mp.mpf("0.0455")) < mp.mpf("0.00005"))
label(BM, at(BM, r"A 95\% interval for $\mu$"), "claim", "right", "exact: 106 -/+ 5.88", "",
      lambda: Fr(106) - Fr(196, 100) * 3 == Fr(10012, 100) and Fr(106) + Fr(196, 100) * 3 == Fr(11188, 100),
      pick=r"106 \pm 1.96 \cdot 3 = [100.12, 111.88]")


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)
    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
