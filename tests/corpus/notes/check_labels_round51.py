r"""Independent checks of the hand labels of the round-51 sources (branch fresh41): Yuhui Fu's study notes on
reinforcement learning (Bellman equations, temporal-difference learning, policy gradient; MIT), two sections of
Driscoll and Braun's *Fundamentals of Numerical Computation* (vector and matrix norms, QR; CC BY-SA 4.0, Jupyter-book
MyST with ```{math} directives, ````{proof:theorem} fences, indented directives in list items and %-comment lines) and
the first part of Phillip Lippe's UvA tutorial on Transformers (MIT).

As in the earlier rounds: each entry names a block by ``(file, line)``, gives its role and label, says how it was
checked and, for ``right``/``wrong``, carries a check written by hand with sympy or numpy that returns True when the
block's claim holds *as its author means it*.  Nothing from Formulary is imported.  A block is found from a snippet of
its text (:func:`_at`), so an edit above it cannot shift a label; a ```{math} directive's block is named by the line of
its fence, as a $$ display is by the line of its opening $$.

The reinforcement-learning claims are checked on a random finite MDP (three states, three actions, three reward
values, discount 0.9): the state values from their definition (the discounted series of expected rewards, summed to
1,000 terms: the tail is below 0.9^1000, far under the tolerance), against which each Bellman-type identity is
compared.  The norm and QR claims are checked on random matrices of a few sizes with numpy (tolerance 1e-9 relative:
float64 round-off on these small products is about 1e-15, a wrong identity errs by O(1)).

    python3 tests/corpus/notes/check_labels_round51.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round51.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import arrays_close, check_entries, myst_blocks, recorder, zero

ENTRIES, label, nonclaim = recorder()
RL, FNC, ATT = "fuyh_rl_bellman_td_policy_gradient.md", "fnc_norms_qr.md", "lippe_uvadlc_attention.md"
RNG = np.random.default_rng(51)
TOL = 1e-9


# ---------------------------------------------------------------- finding a block's text (independent of Formulary)
BLOCKS = {name: myst_blocks((HERE / name).read_text(encoding="utf-8")) for name in (RL, FNC, ATT)}


def _at(name, snippet, nth=0):
    """``(line, pick)`` of the ``nth`` block of ``name`` whose text holds ``snippet``; ``pick`` names it among the
    blocks of its line when there are several."""
    found = [(line, inner) for line, inner in BLOCKS[name] if snippet in inner]
    if len(found) <= nth:
        raise LookupError(snippet)
    line, inner = found[nth]
    same_line = [b for b in BLOCKS[name] if b[0] == line]
    return line, (inner if len(same_line) > 1 else None)


def claim(name, snippet, lab, check, assumptions, fn, nth=0, role="claim"):
    line, pick = _at(name, snippet, nth)
    label(name, line, role, lab, check, assumptions, fn, pick=pick)


def other(name, snippet, role, note, nth=0):
    line, pick = _at(name, snippet, nth)
    nonclaim(name, line, role, note, pick=pick)


# ---------------------------------------------------------------- a random finite MDP
NS = NA = 3
REWARDS = np.array([-1.0, 0.0, 2.0])
GAMMA = 0.9


def _simplex(*shape):
    w = RNG.uniform(0.1, 1.0, size=shape)
    return w / w.sum(axis=-1, keepdims=True)


PR = _simplex(NS, NA, len(REWARDS))  # p(r | s, a)
PS = _simplex(NS, NA, NS)  # p(s' | s, a)
PI = _simplex(NS, NA)  # pi(a | s)
R_SA = PR @ REWARDS  # r(s, a) = E[R | s, a]
R_PI = (PI * R_SA).sum(axis=1)  # r_pi(s)
P_PI = np.einsum("sa,sat->st", PI, PS)  # p_pi(s' | s)


def _series(start, terms=1000):
    """E[sum_k gamma^k R_{t+1+k} | start distribution of S_t], from the definition: the expected reward after k
    steps is start P^k r_pi."""
    total, dist = 0.0, np.array(start, dtype=float)
    for k in range(terms):
        total += GAMMA ** k * dist @ R_PI
        dist = dist @ P_PI
    return total


V = np.array([_series(np.eye(NS)[s]) for s in range(NS)])  # v_pi(s) = E[G_t | S_t = s], by its definition
Q = R_SA + GAMMA * PS @ V  # q_pi(s, a), by conditioning on the first action


def _bellman():
    """v_pi(s) = sum_a pi(a|s) [sum_r p(r|s,a) r + gamma sum_s' p(s'|s,a) v_pi(s')] with v_pi from the series."""
    rhs = np.array([sum(PI[s, a] * ((PR[s, a] @ REWARDS) + GAMMA * PS[s, a] @ V) for a in range(NA))
                    for s in range(NS)])
    return arrays_close(V, rhs)


def _expect_next_return():
    """E[G_{t+1} | S_t = s] from the series started one step later equals sum_s' v(s') p_pi(s'|s) and
    sum_s' v(s') sum_a p(s'|s,a) pi(a|s)."""
    direct = np.array([_series(np.eye(NS)[s] @ P_PI) for s in range(NS)])
    return arrays_close(direct, P_PI @ V) and arrays_close(direct, np.einsum("st,t->s", np.einsum("sat,sa->st", PS, PI), V))


def _markov():
    """E[G_{t+1} | S_t = s, S_{t+1} = s'] does not depend on s: the chain started at s' (the same for every s)."""
    return all(abs(_series(np.eye(NS)[t]) - V[t]) < TOL for t in range(NS))


def _reward_total_expectation():
    """E[R_{t+1} | S_t = s] from the joint law of (A_t, R_{t+1}) equals sum_a pi(a|s) E[R|s,a] and
    sum_a pi(a|s) sum_r p(r|s,a) r."""
    ok = True
    for s in range(NS):
        joint = PI[s][:, None] * PR[s]  # P(A = a, R = r | S = s)
        direct = (joint * REWARDS).sum()
        cond = (joint * REWARDS).sum(axis=1) / joint.sum(axis=1)  # E[R | s, a]
        ok &= abs(direct - PI[s] @ cond) < TOL and abs(direct - sum(PI[s, a] * PR[s, a] @ REWARDS for a in range(NA))) < TOL
    return ok


def _closed_form():
    return arrays_close(V, np.linalg.solve(np.eye(NS) - GAMMA * P_PI, R_PI))


def _swapped_policy():
    """sum_a q(s,a) pi(s|a), the policy table read with its arguments swapped (pi(s|a) = PI[a, s]), against v(s)."""
    return arrays_close(V, np.array([sum(PI[a, s] * Q[s, a] for a in range(NA)) for s in range(NS)]))


def _max_over_policies():
    """max over distributions c of sum_a c_a q_a is max_a q_a: no random distribution beats it, a vertex attains it."""
    q = RNG.normal(size=5)
    c = RNG.dirichlet(np.ones(5), size=2000)
    return bool(np.all(c @ q <= q.max() + TOL)) and abs(np.eye(5)[q.argmax()] @ q - q.max()) < TOL


def _optimal():
    """Value iteration to its fixed point v*, the greedy policy pi*: v* = r_pi* + gamma P_pi* v* and v* = v_pi*."""
    v = np.zeros(NS)
    for _ in range(1000):
        v = (R_SA + GAMMA * PS @ v).max(axis=1)
    greedy = (R_SA + GAMMA * PS @ v).argmax(axis=1)
    r_star = R_SA[np.arange(NS), greedy]
    p_star = PS[np.arange(NS), greedy]
    return v, r_star, p_star


def _stationary():
    w, vecs = np.linalg.eig(P_PI.T)
    d = np.real(vecs[:, np.argmin(abs(w - 1))])
    return d / d.sum()


def _ergodic_average(n=4000):
    """(1/n) E[R_{t+1} + ... + R_{t+n} | S_t = s0] for each s0 against sum_s d_pi(s) r_pi(s): the gap is O(1/n)
    (the chain mixes geometrically), so 1e-2 at n = 4000 separates it from a wrong limit."""
    d = _stationary()
    ok = True
    for s0 in range(NS):
        dist, total = np.eye(NS)[s0], 0.0
        for _ in range(n):
            dist = dist @ P_PI
            total += dist @ R_PI
        ok &= abs(total / n - d @ R_PI) < 1e-2
    return ok


def _log_derivative():
    """sum_a grad pi(a|theta) q_a = sum_a pi(a|theta) grad ln pi(a|theta) q_a for a softmax policy (sympy)."""
    th = sp.symbols("th0:3", real=True)
    qs = sp.symbols("q0:3", real=True)
    den = sum(sp.exp(t) for t in th)
    pis = [sp.exp(t) / den for t in th]
    return all(zero(sum(sp.diff(p, t) * qq for p, qq in zip(pis, qs))
                    - sum(p * sp.diff(sp.log(p), t) * qq for p, qq in zip(pis, qs))) for t in th)


_v_star, _r_star, _p_star = _optimal()
_D = _stationary()

# ================================================================ fuyh_rl_bellman_td_policy_gradient.md
nonclaim_rows = [
    (r"S_t\xrightarrow{A_t}R_{t+1}, S_{t+1}", "no-claim", "a one-step transition, notation"),
    (r"G_t=R_{t+1}+\gamma R_{t+2} + \gamma^2 R_{t+3}+\dots", "definition", "the discounted return"),
    (r"\gamma \in [0,1)", "condition", "the discount rate"),
    (r"v_\pi(s)=\mathbb{E}[G_t|S_t = s]", "definition", "the state value"),
    (r"r_\pi(s)\triangleq", "definition", "r_pi"),
    (r"p_\pi(s'|s)\triangleq", "definition", "p_pi"),
    (r"v_\pi = [v_\pi(s_1), \dots, v_\pi(s_n)]^T", "definition", "the vector of state values"),
    (r"r_\pi = [r_\pi(s_1), \dots, r_\pi(s_n)]^T", "definition", "the vector of mean rewards"),
    (r"[P_\pi]_{ij} = p_\pi(s_j|s_i)", "definition", "the transition matrix"),
    (r"v_{k+1} = r_\pi + \gamma P_\pi v_k", "update", "the iterative solution"),
    (r"q_\pi(s, a) = \mathbb{E}[G_t|S_t = s, A_t = a]", "definition", "the action value"),
    (r"v_{\pi_1}(s) \ge v_{\pi_2}(s)", "condition", "the hypothesis of 'pi_1 is better'"),
    (r"v_{\pi^*}(s) \ge v_\pi(s)", "condition", "what makes pi* optimal (a definition)"),
    (r"\nonumber v(s) & = \max_\pi", "equation", "the Bellman optimality equation: an equation for the unknown v; "
     "its second line names the bracket q(s, a)"),
    (r"[r_\pi]_s\triangleq", "definition", "[r_pi]_s"),
    (r"[P_\pi]_{s,s'}=p(s'|s)\triangleq", "definition", "[P_pi]_{s,s'} (the inner sum over s' is the notes' slip: "
     "it is sum_a pi(a|s) p(s'|s,a); not labelled wrong, a definition)"),
    (r"x,a\in\mathbb{R}", "condition", "x, a real"),
    (r"x=\max_a(2x-1-a^2)", "equation", "the example's equation for the unknown x"),
    (r"\nonumber v_\pi(s) & = \max_\pi", "equation", "the optimality equation again (for fixed v)"),
    (r"c_1+c_2+c_3=1", "condition", "the simplex constraint"),
    (r"c_1,c_2,c_3\ge0", "condition", "the simplex constraint"),
    (r"\sum_a\pi(a|s)=1", "condition", "pi(.|s) is a distribution"),
    (r"\pi(a|s)=\begin{cases}", "definition", "the greedy policy"),
    (r"a^* = \argmax_a q(s,a)", "definition", "a*"),
    (r"f(v) \coloneqq", "definition", "f"),
    (r"[f(v)]_s = \max_\pi", "equation", "the entries of f(v), restated with q"),
    (r"\|f(x_1)-f(x_2)\| \le \gamma \|x_1-x_2\|", "condition", "what makes f a contraction"),
    (r"\gamma\in(0,1)", "condition", "the contraction factor"),
    (r"x_{k+1} = f(x_k)", "update", "the fixed-point iteration"),
    (r"\pi_{k+1}(a|s)=\begin{cases}", "definition", "the greedy policy of iteration k"),
    (r"q_k(s,a) = \sum_r p(r|s,a)r", "definition", "q_k"),
    (r"v_{k+1}(s)=\max_a q_k(s,a)", "update", "value iteration"),
    (r"\pi^* = \argmax_\pi", "definition", "pi*"),
    (r"w = \mathbb{E}[R+\gamma v(X)]", "definition", "w, the mean to estimate"),
    (r"g(w)=w-\mathbb{E}", "definition", "g"),
    (r"w_{k+1}=w_k- \alpha_k", "update", "the Robbins-Monro iteration"),
    (r"& v_{t+1}(s_t)=v_t(s_t)-\alpha_t(s_t)", "update", "the TD update"),
    (r"\underbrace{v_{t+1}(s_t)}", "update", "the TD update, annotated"),
    (r"\bar{v}_t\doteq r_{t+1}", "definition", "the TD target"),
    (r"\delta_t = v(s_t) - \left[r_{t+1}", "definition", "the TD error restated"),
    (r"\delta_{\pi, t}\doteq", "definition", "delta_{pi,t}"),
    (r"g(v(s))=v(s)-\mathbb{E}", "definition", "g for the Bellman equation"),
    (r"v_{k+1}(s)=v_k(s)-\alpha_k", "update", "TD as Robbins-Monro"),
    (r"\gamma q_t(s_{t+1}, a_{t+1}) \right] \right] \\", "update", "Sarsa"),
    (r"\gamma\mathbb{E}[ q_t(s_{t+1},A)]", "update", "expected Sarsa"),
    (r"\mathbb{E}[q_{t+1}(s_{t+1}, A)] = \sum_a", "definition", "v_t(s_{t+1}) (the left side's q_{t+1} is the "
     "notes' slip for q_t; not labelled wrong: the identity holds unless s_{t+1} = s_t)"),
    (r"\gamma^n q_t(s_{t+n},a_{t+n})", "update", "n-step Sarsa"),
    (r"q(s,a)=\mathbb{E}\left[ R_{t+1} + \gamma \max_a", "equation", "the optimality equation for q"),
    (r"\pi_{T,t+1}(a|s_t)=1", "update", "the target policy"),
    (r"[q_t(s_t,a_t)-\bar{q}_t]", "update", "the unified TD form"),
    (r"\theta_{t+1}=\theta_t + \alpha\nabla_\theta J(\theta_t)", "update", "gradient ascent"),
    (r"\bar{v}_\pi = \sum_{s\in\mathcal{S}}d(s)v_\pi(s)", "definition", "the average value"),
    (r"d(s)\ge 0", "condition", "weights"),
    (r"\sum_{s\in\mathcal{S}}d(s)=1", "condition", "weights sum to one"),
    (r"d_0(s) = 1/|\mathcal{S}|", "definition", "the uniform d_0"),
    (r"d_0(s_0)=1,\quad d_0(s\ne s_0)=0", "definition", "d_0 concentrated on s_0"),
    (r"r_\pi(s) \doteq \sum_{a\in\mathcal{A}}", "definition", "r_pi"),
    (r"\gamma < 1", "condition", "discounting"),
    (r"\nabla_\theta J(\theta) = \sum_{s\in\mathcal{S}}\eta(s)", "no-claim", "the notes say this '=' may mean "
     "equality, approximation or proportionality"),
    (r"\nabla_\theta J\approx", "no-claim", "a one-sample approximation"),
    (r"\pi(a|s,\theta)=\frac{e^{h(s,a,\theta)}}", "definition", "the softmax policy"),
    (r"\nonumber \theta_{t+1} & =\theta_t + \alpha", "update", "REINFORCE"),
    (r"\theta_{t+1}=\theta_t+\alpha\left[\nabla_\theta \ln\pi(a_t|s_t,\theta_t)q_\pi", "update", "stochastic gradient"),
    (r"\theta_{t+1}=\theta_t+\alpha\left[\nabla_\theta \ln\pi(a_t|s_t,\theta_t)q_t", "update", "REINFORCE with q_t"),
]
for snippet, role, note in nonclaim_rows:
    other(RL, snippet, role, note)
for k in (1, 2):
    other(RL, r"S_t\xrightarrow{A_t}R_{t+1}, S_{t+1}\xrightarrow", "no-claim", "a trajectory, notation", nth=k - 1)
for k in range(2):
    other(RL, r"v=\max_\pi(r_\pi+\gamma P_\pi v)", "equation", "the Bellman optimality equation", nth=k)
    other(RL, r"v=f(v)=\max_\pi(r_\pi+\gamma P_\pi v)", "equation", "the Bellman optimality equation", nth=k)
other(RL, r"v_{k+1}=f(v_k) = \max_\pi", "update", "the fixed-point iteration", nth=0)
other(RL, r"v_{k+1}=f(v_k) = \max_\pi", "update", "the fixed-point iteration", nth=1)
other(RL, r"v^* = \max_\pi(r_\pi + \gamma P_\pi v^*)", "equation", "v* solves the optimality equation")

claim(RL, r"\nonumber G_t & = R_{t+1} + \gamma R_{t+2}", "wrong",
      "numeric: rewards 1, 1, 1 then 0, gamma = 0.9: R + gamma R + gamma^2 R = 2.71 but R + gamma (R + R) = 2.8 "
      "(the middle line drops the powers of gamma inside the bracket; the last line R_{t+1} + gamma G_{t+1} is right)",
      "gamma in [0, 1)", lambda: abs((1 + 0.9 + 0.81) - (1 + 0.9 * (1 + 1))) < TOL)
claim(RL, r"\nonumber v_\pi(s) & = \mathbb{E}[G_t|S_t=s] \\", "right",
      "random MDP: v(s) from the series equals E[R_{t+1}|s] + gamma E[G_{t+1}|s], each from its own series",
      "", lambda: arrays_close(V, R_PI + GAMMA * np.array([_series(np.eye(NS)[s] @ P_PI) for s in range(NS)])))
claim(RL, r"\nonumber \mathbb{E}[R_{t+1}|S_t=s] & = \sum_a", "right",
      "random MDP: E[R|s] from the joint law of (A, R) equals sum_a pi E[R|s,a] = sum_a pi sum_r p r", "",
      _reward_total_expectation)
claim(RL, r"\nonumber \mathbb{E}[G_{t+1}|S_t=s] & = \sum_{s'}", "right",
      "random MDP: E[G_{t+1}|s] from the series one step on equals sum_s' v(s') p_pi(s'|s) = sum_s' v(s') sum_a "
      "p(s'|s,a) pi(a|s)", "", _expect_next_return)
claim(RL, r"\mathbb{E}[G_{t+1}|S_t=s, S_{t+1}=s']=\mathbb{E}[G_{t+1}|S_{t+1}=s']", "right",
      "random MDP: the return from S_{t+1} = s' is the series started at s', whatever S_t (Markov)", "", _markov)
claim(RL, r"\nonumber v_\pi(s) & = \mathbb{E}[R_{t+1}|S_t=s]+\gamma", "right",
      "random MDP: the series v equals r_pi + gamma P_pi v and the factored Bellman form", "", _bellman)
for k in range(3):
    claim(RL, r"v_\pi(s) = \sum_a\pi(a|s)\left[", "right",
          "random MDP: the Bellman equation (restated) holds for the series v", "", _bellman, nth=k)
claim(RL, r"v_\pi(s) = r_\pi(s) + \gamma\sum_{s'}p_\pi(s'|s)v_\pi(s')", "right",
      "random MDP: v = r_pi + gamma P_pi v for the series v", "", lambda: arrays_close(V, R_PI + GAMMA * P_PI @ V))
claim(RL, r"v_\pi(s_i) = r_\pi(s_i) + \gamma\sum_{s_j}p(s_j|s_i)v_\pi(s_j)", "right",
      "random MDP: the same equation per state (p means p_pi)", "", lambda: arrays_close(V, R_PI + GAMMA * P_PI @ V))
claim(RL, r"v_\pi = r_\pi + \gamma P_\pi v_\pi", "right", "random MDP: the matrix form holds for the series v", "",
      lambda: arrays_close(V, R_PI + GAMMA * P_PI @ V))
claim(RL, r"v_\pi = (I-\gamma P_\pi)^{-1}r_\pi", "right", "random MDP: solve(I - gamma P_pi, r_pi) equals the series v",
      "gamma < 1", _closed_form)
claim(RL, r"v_k \to v_\pi = (I-\gamma P_\pi)^{-1}, k\to \infty", "wrong",
      "numpy: (I - gamma P_pi)^{-1} is a matrix, v_pi the vector (I - gamma P_pi)^{-1} r_pi: the r_pi is missing", "",
      lambda: arrays_close(V, np.linalg.inv(np.eye(NS) - GAMMA * P_PI)))
claim(RL, r"\mathbb{E}[G_t|S_t=s] = \sum_a\mathbb{E}[G_t|S_t=s,A_t=a]\pi(s|a)", "wrong",
      "random MDP with 3 states and 3 actions: sum_a q(s,a) pi(s|a) (the policy's arguments swapped) differs from "
      "v(s); the law of total expectation weights by pi(a|s)", "", _swapped_policy)
claim(RL, r"v_\pi(s) = \sum_a \pi(s|a) q_\pi(s,a)", "wrong",
      "random MDP: sum_a pi(s|a) q(s,a) differs from v(s) (pi(a|s) meant)", "", _swapped_policy)
claim(RL, r"q_\pi(s,a) = \sum_r p(r|s,a)r + \gamma \sum_{s'} p(s'|s,a)v_\pi(s')", "right",
      "random MDP: q from this formula averages to v under pi (sum_a pi q = v) and matches E[R|s,a] + gamma E[v(S')|s,a]",
      "", lambda: arrays_close((PI * Q).sum(axis=1), V) and arrays_close(Q, R_SA + GAMMA * PS @ V))
claim(RL, r"\max_a(2x-1-a^2)=2x-1", "right", "sympy: -a^2 <= 0 with equality at a = 0, so the max is 2x - 1", "",
      lambda: sp.maximum(-sp.Symbol("a", real=True) ** 2, sp.Symbol("a", real=True)) == 0)
other(RL, r"x=2x-1", "equation", "the equation at a = 0")
claim(RL, r"q_3=(c_1+c_2+c_3)q_3\ge c_1q_3+c_2q_2+c_3q_3", "right",
      "numpy: with c on the simplex and q_3 the largest of the q (the example's unstated premise, its optimum is "
      "c_3* = 1) the inequality holds at 2000 random points (it is weaker than the intended c_1 q_1 + ...)",
      "c_1 + c_2 + c_3 = 1, c >= 0, q_3 >= q_1, q_2",
      lambda: all((c.sum() * q[2]) >= c[0] * q[2] + c[1] * q[1] + c[2] * q[2] - TOL
                  for c, q in zip(RNG.dirichlet(np.ones(3), 2000), np.sort(RNG.normal(size=(2000, 3)), axis=1))))
claim(RL, r"\max_\pi\sum_a\pi(a|s)q(s,a) = \max_{a\in\mathcal{A}(s)}q(s,a)", "right",
      "numpy: no random distribution over 5 actions beats max_a q_a, the vertex attains it", "", _max_over_policies)
claim(RL, r"\nonumber v_{k+1}(s) & = \max_\pi", "right",
      "the last step max_pi sum_a pi q_k = max_a q_k (numpy, as above); the first lines define v_{k+1} and name q_k",
      "", _max_over_policies)
claim(RL, r"v^* = r_{\pi^*} + \gamma P_{\pi^*}v^*", "right",
      "random MDP: value iteration's fixed point v* and its greedy policy pi*: v* = r_pi* + gamma P_pi* v*", "",
      lambda: arrays_close(_v_star, _r_star + GAMMA * _p_star @ _v_star))
claim(RL, r"v^*=v_{\pi^*}", "right", "random MDP: solve(I - gamma P_pi*, r_pi*) equals v*", "",
      lambda: arrays_close(_v_star, np.linalg.solve(np.eye(NS) - GAMMA * _p_star, _r_star)))
other(RL, r"v(s) = \max_\pi\sum_a \pi(a|s)\left(\sum_rp(r|s,a)r", "equation", "the optimality equation again")
claim(RL, r"\nonumber \tilde{g}(w,\eta) & =w-[r + \gamma v(x)]", "right",
      "sympy: w - y = (w - m) + (m - y) for y = r + gamma v(x), m = E[R + gamma v(X)]; the last line names eta", "",
      lambda: zero((sp.Symbol("w") - sp.Symbol("y")) - ((sp.Symbol("w") - sp.Symbol("m")) + (sp.Symbol("m") - sp.Symbol("y")))))
claim(RL, r"\delta_t\doteq v(s_t)-\left[ r_{t+1} + \gamma v(s_{t+1}) \right] = v(s_t)-\bar{v}_t", "right",
      "sympy: with vbar = r + gamma v', v - (r + gamma v') - (v - vbar) = 0", "",
      lambda: zero(sp.Symbol("v") - (sp.Symbol("r") + sp.Symbol("g") * sp.Symbol("vp"))
                   - (sp.Symbol("v") - (sp.Symbol("r") + sp.Symbol("g") * sp.Symbol("vp")))))


def _td_chain():
    v0, vb, al = sp.symbols("v0 vb alpha", real=True)
    v1 = v0 - al * (v0 - vb)
    return zero((v1 - vb) - (v0 - vb - al * (v0 - vb))) and zero((v1 - vb) - (1 - al) * (v0 - vb)) \
        and all(abs(abs(float((v1 - vb).subs({v0: a, vb: b, al: c}))) - abs(1 - c) * abs(a - b)) < TOL
                for a, b, c in RNG.normal(size=(50, 3)))


claim(RL, r"\nonumber & v_{t+1}(s_t) = v_t(s_t) - \alpha_t(s_t)\left[ v_t(s_t) - \bar{v}_t \right] \\", "right",
      "sympy: v1 = v0 - alpha (v0 - vb) gives v1 - vb = v0 - vb - alpha (v0 - vb) = (1 - alpha)(v0 - vb); the "
      "absolute values at 50 random points", "", _td_chain)
claim(RL, r"0 < 1 - \alpha_t(s_t) < 1", "right", "for 0 < alpha < 1 (the notes' 'small positive'): 0 < 1 - alpha < 1",
      "0 < alpha < 1", lambda: all(0 < 1 - c < 1 for c in RNG.uniform(1e-6, 1 - 1e-6, 100)))
claim(RL, r"\left|v_{t+1}(s_t) - \bar{v}_t\right| \le \left|v_t(s_t) - \bar{v}_t\right|", "right",
      "numpy: |v0 - alpha(v0 - vb) - vb| <= |v0 - vb| for alpha in (0, 1) at 1000 random points",
      "v_{t+1} the TD update, 0 < alpha < 1",
      lambda: all(abs(a - c * (a - b) - b) <= abs(a - b) + TOL
                  for a, b, c in zip(RNG.normal(size=1000), RNG.normal(size=1000), RNG.uniform(0, 1, 1000))))
claim(RL, r"\mathbb{E}[\delta_{\pi,t}|S_t=s_t]=v_\pi(s_t)", "right",
      "random MDP: E[R_{t+1} + gamma v(S_{t+1}) | s] = r_pi + gamma P_pi v equals v, so the mean TD error is 0", "",
      lambda: arrays_close(V - (R_PI + GAMMA * P_PI @ V), np.zeros(NS)))
claim(RL, r"v_\pi(s) = \mathbb{E}[R+\gamma v_\pi(S')|S=s]", "right",
      "random MDP: r_pi + gamma P_pi v equals the series v", "", lambda: arrays_close(V, R_PI + GAMMA * P_PI @ V))
other(RL, r"g(v(s))=0", "equation", "the Bellman equation as a root-finding problem")
claim(RL, r"q_\pi(s,a)=\mathbb{E}[R+\gamma q_\pi(S',A')|s,a]", "right",
      "random MDP: r(s,a) + gamma sum_s' p(s'|s,a) sum_a' pi(a'|s') q(s',a') equals q", "",
      lambda: arrays_close(Q, R_SA + GAMMA * np.einsum("sat,t->sa", PS, (PI * Q).sum(axis=1))))
claim(RL, r"\bar{v}_\pi = \mathbb{E}[v_\pi(S)]", "right", "numpy: E[v(S)] for S ~ d is sum_s d(s) v(s) (d random)",
      "S ~ d", lambda: (lambda d: abs(d @ V - sum(d[s] * V[s] for s in range(NS))) < TOL)(RNG.dirichlet(np.ones(NS))))
claim(RL, r"J(\theta) = \mathbb{E}\left[\sum_{t=0}^\infty \gamma^tR_{t+1} \right] = \bar{v}_\pi", "right",
      "random MDP: the discounted series from S_0 ~ d equals d . v", "S_0 ~ d",
      lambda: (lambda d: abs(_series(d) - d @ V) < TOL)(RNG.dirichlet(np.ones(NS))))
claim(RL, r"d_\pi^T P_\pi = d_\pi^T", "right", "numpy: the stationary distribution of P_pi (eigenvector for 1) satisfies "
      "d P = d", "d_pi stationary", lambda: arrays_close(_D @ P_PI, _D))
claim(RL, r"\bar{r}_\pi \doteq \sum_{s\in\mathcal{S}}d_\pi(s)r_\pi(s)=\mathbb{E}[r_\pi(S)]", "right",
      "the expectation of r_pi(S) under S ~ d_pi is the weighted sum (numpy)", "S ~ d_pi",
      lambda: abs(_D @ R_PI - sum(_D[s] * R_PI[s] for s in range(NS))) < TOL)
claim(RL, r"r(s,a)=\mathbb{E}[R|s,a]=\sum_r rp(r|s,a)", "right", "numpy: the mean of the reward law p(.|s,a)", "",
      lambda: arrays_close(R_SA, np.einsum("sar,r->sa", PR, REWARDS)))
claim(RL, r"\nonumber & \lim_{n\to\infty}\frac1n\mathbb{E}\left[R_{t+1}+R_{t+2}", "right",
      "sympy: R_1 + ... + R_n = sum_{k=1}^n R_k at n = 6 (the same sum written with a sigma)", "",
      lambda: zero(sum(sp.symbols("R1:7")) - sp.Add(*sp.symbols("R1:7"))))
claim(RL, r"\lim_{n\to\infty}\frac1n\mathbb{E}\left[\sum_{k=1}^n R_{t+k}|S_t=s_0 \right]", "right",
      "random MDP: the average reward over 4,000 steps from each start is within 1e-2 of d_pi . r_pi (the O(1/n) "
      "gap of a geometrically mixing chain)", "an ergodic chain", _ergodic_average)
claim(RL, r"\bar{r}_\pi = (1-\gamma)\bar{v}_\pi", "right",
      "random MDP: d_pi . r_pi = (1 - gamma) d_pi . v (d_pi stationary: d (I - gamma P)^{-1} = d/(1 - gamma))",
      "gamma < 1, d = d_pi", lambda: abs(_D @ R_PI - (1 - GAMMA) * _D @ V) < TOL)
claim(RL, r"\nonumber \nabla_\theta J(\theta) & = \sum_{s\in\mathcal{S}}\eta(s)", "right",
      "sympy: for a softmax policy sum_a grad pi q = sum_a pi grad ln pi q (the log-derivative step, S ~ eta, "
      "A ~ pi)", "S ~ eta, A ~ pi(.|S, theta)", _log_derivative)


# ================================================================ fnc_norms_qr.md
def _rand(m, n):
    return RNG.normal(size=(m, n))


def _norms(a):
    return [np.linalg.norm(a, o) for o in (1, 2, np.inf)]


ORDS = (1, 2, np.inf)
SIZES = ((2, 2), (3, 3), (4, 4), (5, 3))


def _all_mats(test, sizes=SIZES, trials=20):
    return all(test(_rand(m, n), o) for m, n in sizes for o in ORDS for _ in range(trials))


def _induced_max(a, o):
    """max over unit x of ||Ax||: ratios of random x never exceed numpy's induced norm and the maximiser (a vertex
    for 1 and inf, the top right singular vector for 2) attains it."""
    norm = np.linalg.norm(a, o)
    xs = RNG.normal(size=(200, a.shape[1]))
    ratios = [np.linalg.norm(a @ x, o) / np.linalg.norm(x, o) for x in xs]
    same = all(abs(np.linalg.norm(a @ (x / np.linalg.norm(x, o)), o) - r) < TOL * (1 + r) for x, r in zip(xs, ratios))
    if o == 1:
        best = max(np.linalg.norm(a @ e, 1) for e in np.eye(a.shape[1]))
    elif o == np.inf:
        signs = [np.where(np.array(bits) == 0, -1.0, 1.0) for bits in np.ndindex(*(2,) * a.shape[1])]
        best = max(np.linalg.norm(a @ x, np.inf) for x in signs)
    else:
        best = np.linalg.norm(a @ np.linalg.svd(a)[2][0], 2)
    return same and max(ratios) <= norm + TOL and abs(best - norm) < TOL * (1 + norm)


other(FNC, r"\| \mathbf{x} \| &\ge 0 \text{ for all }", "definition", "the axioms of a norm")
other(FNC, r"\| \mathbf{x} \|_2 &= \left( \sum_{i=1}^n |x_i|^2", "definition", "the 2-, infinity- and 1-norms "
      "(sqrt(x* x) the same 2-norm)")
claim(FNC, r"\| \mathbf{x} \|=\| \mathbf{x}-\boldsymbol{0} \|", "right", "numpy: x - 0 = x", "",
      lambda: all(np.linalg.norm(x - 0 * x, o) == np.linalg.norm(x, o) for x in RNG.normal(size=(5, 4)) for o in ORDS))
other(FNC, r"\| \mathbf{x} \|=1", "condition", "a unit vector")
other(FNC, r"\mathbf{x}=\mathbf{v}/\|\mathbf{v}\|", "definition", "normalisation")
claim(FNC, r"\mathbf{v} = \| \mathbf{v} \| \: \frac{\mathbf{v}}{\| \mathbf{v} \|}", "right",
      "numpy: ||v|| (v/||v||) = v for nonzero random v, every norm", "v nonzero",
      lambda: all(arrays_close(np.linalg.norm(v, o) * (v / np.linalg.norm(v, o)), v)
                  for v in RNG.normal(size=(5, 4)) for o in ORDS))
other(FNC, r"\lim_{n\rightarrow\infty} \| \mathbf{x}_n - \mathbf{x} \| = 0", "condition", "definition of convergence")
other(FNC, r"\| \mathbf{A} \|_F = \left( \sum_{i,j}", "definition", "the Frobenius norm")
claim(FNC, r"\| \mathbf{A} \|_{a} = \max_{\| \mathbf{x} \|_a=1}", "right",
      "numpy: the induced norm (definition) equals the max of ||Ax||/||x|| over x != 0: ratios equal the norms of "
      "the normalised x, none exceeds numpy's norm, the maximiser attains it (1, 2, inf; sizes 2x2 to 5x3)", "",
      lambda: _all_mats(_induced_max, trials=3))
other(FNC, r"\| \mathbf{A} \|_2 = \max_{\| \mathbf{x} \|_2=1}", "definition", "the induced 2-norm")
claim(FNC, r"\| \mathbf{A}\mathbf{x} \| \le \| \mathbf{A} \|\cdot \| \mathbf{x} \|.", "right",
      "numpy: random A (sizes 2x2 to 5x3), random x, norms 1, 2, inf", "induced norm",
      lambda: _all_mats(lambda a, o: all(np.linalg.norm(a @ x, o) <= np.linalg.norm(a, o) * np.linalg.norm(x, o) + TOL
                                         for x in RNG.normal(size=(5, a.shape[1])))))
claim(FNC, r"\| \mathbf{A}\mathbf{B} \| \le \| \mathbf{A} \|\cdot\| \mathbf{B} \|.", "right",
      "numpy: random A, B of compatible sizes, norms 1, 2, inf", "induced norm",
      lambda: _all_mats(lambda a, o: (lambda b: np.linalg.norm(a @ b, o)
                                      <= np.linalg.norm(a, o) * np.linalg.norm(b, o) + TOL)(_rand(a.shape[1], 3))))
claim(FNC, r"\| \mathbf{A}^k \| \le \| \mathbf{A} \|^k", "right", "numpy: square random A, k = 0..5, norms 1, 2, inf",
      "A square, k >= 0 integer",
      lambda: _all_mats(lambda a, o: all(np.linalg.norm(np.linalg.matrix_power(a, k), o)
                                         <= np.linalg.norm(a, o) ** k * (1 + TOL) + TOL for k in range(6)),
                        sizes=((2, 2), (3, 3), (4, 4))))
other(FNC, r"\mathbf{x}=\boldsymbol{0}", "condition", "the trivial case")
claim(FNC, r"\frac{ \| \mathbf{A}\mathbf{x} \| }{\| \mathbf{x} \|} \le", "right",
      "numpy: the ratio at a random x is at most numpy's induced norm, which is the max (as above)", "x != 0",
      lambda: _all_mats(_induced_max, trials=2))
claim(FNC, r"\| \mathbf{A}\mathbf{B}\mathbf{x} \| =\| \mathbf{A}(\mathbf{B}\mathbf{x}) \|", "right",
      "numpy: ||ABx|| = ||A(Bx)|| <= ||A|| ||Bx|| <= ||A|| ||B|| ||x|| for random A, B, x", "",
      lambda: _all_mats(lambda a, o: (lambda b, x: abs(np.linalg.norm(a @ b @ x, o) - np.linalg.norm(a @ (b @ x), o)) < TOL
                                      and np.linalg.norm(a @ (b @ x), o) <= np.linalg.norm(a, o) * np.linalg.norm(b @ x, o) + TOL
                                      and np.linalg.norm(a, o) * np.linalg.norm(b @ x, o)
                                      <= np.linalg.norm(a, o) * np.linalg.norm(b, o) * np.linalg.norm(x, o) + TOL)
                        (_rand(a.shape[1], 3), RNG.normal(size=3))))
claim(FNC, r"\| \mathbf{A}\mathbf{B} \| = \max_{\mathbf{x}\neq \boldsymbol{0}}", "right",
      "numpy: ||AB|| (numpy) <= ||A|| ||B|| and the max of ratios of random x does not exceed it", "",
      lambda: _all_mats(lambda a, o: (lambda b: np.linalg.norm(a @ b, o) <= np.linalg.norm(a, o) * np.linalg.norm(b, o) + TOL
                                      and _induced_max(a @ b, o))(_rand(a.shape[1], 3)), trials=2))
claim(FNC, r"\| \mathbf{A} \|_\infty = \max_{1\le \,i \,\le n}", "right",
      "numpy: the induced inf-norm is the largest absolute row sum (square random A; the text's m x n A would need "
      "i up to m)", "A n x n", lambda: all(abs(np.linalg.norm(a, np.inf) - np.abs(a).sum(axis=1).max()) < TOL
                                           for a in RNG.normal(size=(20, 4, 4))))
claim(FNC, r"\| \mathbf{A} \|_1 = \max_{1\le \,j\, \le n}", "right",
      "numpy: the induced 1-norm is the largest absolute column sum", "A n x n",
      lambda: all(abs(np.linalg.norm(a, 1) - np.abs(a).sum(axis=0).max()) < TOL for a in RNG.normal(size=(20, 4, 4))))
other(FNC, r"\| \mathbf{x} \|_\infty=1", "condition", "the unit circle of the inf-norm")
_X = RNG.normal(size=(200, 5))
claim(FNC, r"\| \mathbf{x} \|_\infty \le \| \mathbf{x} \|_2", "right", "numpy: 200 random vectors", "",
      lambda: all(np.linalg.norm(x, np.inf) <= np.linalg.norm(x) + TOL for x in _X))
claim(FNC, r"\| \mathbf{x} \|_2 \le \| \mathbf{x} \|_1", "right", "numpy: 200 random vectors", "",
      lambda: all(np.linalg.norm(x) <= np.linalg.norm(x, 1) + TOL for x in _X))
claim(FNC, r"|\mathbf{x}^T\mathbf{y}| \le \| \mathbf{x} \|_1\| \mathbf{y} \|_\infty", "right",
      "numpy: 200 random pairs", "", lambda: all(abs(x @ y) <= np.linalg.norm(x, 1) * np.linalg.norm(y, np.inf) + TOL
                                                for x, y in zip(_X, _X[::-1])))
claim(FNC, r"\| c\mathbf{A} \| = |c|\cdot \| \mathbf{A} \|", "right", "numpy: random c and A, norms 1, 2, inf", "",
      lambda: _all_mats(lambda a, o: (lambda c: abs(np.linalg.norm(c * a, o) - abs(c) * np.linalg.norm(a, o))
                                      < TOL * (1 + abs(c)))(RNG.normal()), trials=3))
other(FNC, r"\displaystyle \mathbf{A} =", "definition", "the exercise's matrix")
claim(FNC, r"\| \mathbf{P} \|_2=1", "right", "numpy: random permutation matrices of sizes 2..6", "P a permutation",
      lambda: all(abs(np.linalg.norm(np.eye(n)[RNG.permutation(n)], 2) - 1) < TOL for n in range(2, 7)))
claim(FNC, r"\| \mathbf{A}^{-1} \| \ge (\| \mathbf{A} \|)^{-1}", "right", "numpy: random nonsingular A, norms 1, 2, inf",
      "A nonsingular", lambda: _all_mats(lambda a, o: np.linalg.norm(np.linalg.inv(a), o) >= 1 / np.linalg.norm(a, o) - TOL,
                                         sizes=((2, 2), (3, 3), (4, 4))))
claim(FNC, r"\| \mathbf{v} \|_p \ge \max_{i=1,\ldots,n} |v_i|", "right", "numpy: p = 1, 2, inf, 200 random vectors",
      "p in {1, 2, inf}", lambda: all(np.linalg.norm(x, o) >= np.abs(x).max() - TOL for x in _X for o in ORDS))
claim(FNC, r"\| \mathbf{A} \|_p \ge \max_{i,j=1,\ldots,n} |A_{ij}|", "right", "numpy: p = 1, 2, inf, square random A",
      "p in {1, 2, inf}", lambda: _all_mats(lambda a, o: np.linalg.norm(a, o) >= np.abs(a).max() - TOL,
                                            sizes=((2, 2), (3, 3), (4, 4))))
_DIAGS = [np.diag(RNG.normal(size=n)) for n in (2, 3, 5) for _ in range(10)]
claim(FNC, r"\|\mathbf{D}\|_2 = \max_{i} |D_{ii}|", "right", "numpy: random diagonal D", "D diagonal",
      lambda: all(abs(np.linalg.norm(d, 2) - np.abs(np.diag(d)).max()) < TOL for d in _DIAGS))
other(FNC, r"M=\max_{i} |D_{ii}|", "definition", "M")
claim(FNC, r"\|\mathbf{D}\|_2\ge M", "right", "numpy: as above", "D diagonal, M = max |D_ii|",
      lambda: all(np.linalg.norm(d, 2) >= np.abs(np.diag(d)).max() - TOL for d in _DIAGS))
claim(FNC, r"\|\mathbf{D}\|_2\le M", "right", "numpy: as above", "D diagonal, M = max |D_ii|",
      lambda: all(np.linalg.norm(d, 2) <= np.abs(np.diag(d)).max() + TOL for d in _DIAGS))
other(FNC, r"\| \mathbf{A} \|<1", "condition", "the hypothesis of exercise 12")
_SMALL = [(lambda a: 0.9 * a / np.linalg.norm(a, 2))(_rand(n, n)) for n in (2, 3, 4) for _ in range(5)]
claim(FNC, r"\lim_{m\rightarrow \infty} \mathbf{A}^m = \boldsymbol{0}", "right",
      "numpy: ||A||_2 = 0.9 gives ||A^400|| <= 0.9^400 (about 5e-19)", "||A|| < 1",
      lambda: all(np.abs(np.linalg.matrix_power(a, 400)).max() < 1e-15 for a in _SMALL))
claim(FNC, r"(\mathbf{I}-\mathbf{A})^{-1} = \sum_{k=0}^\infty \mathbf{A}^k", "right",
      "numpy: the partial sums to k = 400 (tail below 0.9^401/0.1) equal inv(I - A) for ||A||_2 = 0.9", "||A|| < 1",
      lambda: all(arrays_close(sum(np.linalg.matrix_power(a, k) for k in range(401)), np.linalg.inv(np.eye(len(a)) - a))
                  for a in _SMALL))
other(FNC, r"\mathbf{B}_m \rightarrow \mathbf{L}", "definition", "matrix convergence")
other(FNC, r"\mathbf{u}^T\mathbf{v}=0", "definition", "orthogonal vectors")
other(FNC, r"\mathbf{q}_i^T\mathbf{q}_j = 0 \quad", "definition", "an orthogonal collection")
other(FNC, r"\mathbf{q}_i^T\mathbf{q}_i=1", "definition", "orthonormal")
_PAIRS = [(lambda q: (q[:, 0] * s, q[:, 1] * t))(np.linalg.qr(_rand(4, 2))[0]) for s, t in RNG.uniform(0.5, 3, (10, 2))]
claim(FNC, r"\| \mathbf{q}_1 - \mathbf{q}_2 \|^2 = (\mathbf{q}_1-\mathbf{q}_2)^T", "right",
      "numpy: orthogonal (not unit) pairs: each of the four expressions agrees", "q_1^T q_2 = 0",
      lambda: all(abs(np.linalg.norm(a - b) ** 2 - (a - b) @ (a - b)) < TOL
                  and abs((a - b) @ (a - b) - (a @ a - 2 * a @ b + b @ b)) < TOL
                  and abs((a @ a - 2 * a @ b + b @ b) - (np.linalg.norm(a) ** 2 + np.linalg.norm(b) ** 2)) < TOL
                  for a, b in _PAIRS))
claim(FNC, r"\mathbf{Q}^T \mathbf{Q} =" + "\n" + r"\begin{bmatrix}", "right",
      "numpy: the (i, j) entry of Q^T Q is q_i^T q_j for a random 5 x 3 Q", "",
      lambda: (lambda q: arrays_close(q.T @ q, np.array([[q[:, i] @ q[:, j] for j in range(3)] for i in range(3)])))(_rand(5, 3)))
_ONC = [np.linalg.qr(_rand(m, k))[0] for m, k in ((3, 2), (5, 3), (6, 6), (4, 1))]
claim(FNC, r"\mathbf{Q}^T\mathbf{Q} = \mathbf{I}", "right", "numpy: Q from numpy's QR of random matrices (ONC)",
      "Q ONC", lambda: all(arrays_close(q.T @ q, np.eye(q.shape[1])) for q in _ONC))
claim(FNC, r"\| \mathbf{Q}\mathbf{x} \|_2 = \| \mathbf{x} \|_2", "right", "numpy: ONC Q, random x", "Q ONC",
      lambda: all(abs(np.linalg.norm(q @ x) - np.linalg.norm(x)) < TOL for q in _ONC for x in RNG.normal(size=(5, q.shape[1]))))
claim(FNC, r"\| \mathbf{Q} \|_2=1", "right", "numpy: ONC Q", "Q ONC",
      lambda: all(abs(np.linalg.norm(q, 2) - 1) < TOL for q in _ONC))
claim(FNC, r"\| \mathbf{Q}\mathbf{x} \|_2^2 = (\mathbf{Q}\mathbf{x})^T", "right",
      "numpy: each expression of the chain agrees for ONC Q, random x", "Q ONC",
      lambda: all(abs(np.linalg.norm(q @ x) ** 2 - (q @ x) @ (q @ x)) < TOL and abs((q @ x) @ (q @ x) - x @ q.T @ q @ x) < TOL
                  and abs(x @ q.T @ q @ x - x @ x) < TOL for q in _ONC for x in RNG.normal(size=(5, q.shape[1]))))
_SQ = [np.linalg.qr(_rand(n, n))[0] for n in (2, 3, 5)]
other(FNC, r"\mathbf{Q}^T\mathbf{Q}=\mathbf{I}", "condition", "Q square ONC")
claim(FNC, r"\mathbf{Q}^{-1}=\mathbf{Q}^T", "right", "numpy: square orthogonal Q", "Q square ONC",
      lambda: all(arrays_close(np.linalg.inv(q), q.T) for q in _SQ))
claim(FNC, r"\kappa(\mathbf{Q})=1", "right", "numpy: cond(Q, 2) = 1", "Q orthogonal",
      lambda: all(abs(np.linalg.cond(q, 2) - 1) < TOL for q in _SQ))
claim(FNC, r"\| \mathbf{A}\mathbf{Q} \|_2=\| \mathbf{A} \|_2", "right", "numpy: random A, orthogonal Q", "Q orthogonal",
      lambda: all(abs(np.linalg.norm(a @ q, 2) - np.linalg.norm(a, 2)) < TOL
                  for q in _SQ for a in [_rand(len(q), len(q)) for _ in range(5)]))
other(FNC, r"\mathbf{A}=\mathbf{Q}\mathbf{R}", "definition", "the QR factorization (the theorem's statement)")
other(FNC, r"\mathbf{q}_1 & \mathbf{q}_2 & \cdots & \mathbf{q}_m", "equation", "A = QR written out")
claim(FNC, r"\end{bmatrix} = \hat{\mathbf{Q}} \hat{\mathbf{R}}", "right",
      "numpy: the first n columns of Q times the first n rows of R reproduce A = QR (complete QR of random 6 x 3)",
      "A = QR, m >= n", lambda: (lambda a, qr: arrays_close(qr[0][:, :3] @ qr[1][:3], a))(*(lambda a: (a, np.linalg.qr(a, mode="complete")))(_rand(6, 3))))


def _normal_equations():
    a, b = _rand(6, 3), RNG.normal(size=6)
    q, r = np.linalg.qr(a)
    ok = True
    for x in RNG.normal(size=(5, 3)):
        lhs = a.T @ a @ x - a.T @ b
        ok &= arrays_close(lhs, r.T @ q.T @ q @ r @ x - r.T @ q.T @ b) and arrays_close(lhs, r.T @ r @ x - r.T @ q.T @ b)
    return ok


claim(FNC, r"\mathbf{A}^T\mathbf{A} \mathbf{x} &= \mathbf{A}^T \mathbf{b}", "right",
      "numpy: for A = Q^R^ (thin QR of random 6 x 3) the three equations have the same residual at every x, so each "
      "follows from the one before", "A = Q^R^ thin QR", _normal_equations)
claim(FNC, r"\hat{\mathbf{R}} \mathbf{x}=\hat{\mathbf{Q}}^T \mathbf{b}", "right",
      "numpy: the least-squares solution of random 6 x 3 A x = b satisfies R^ x = Q^T b", "x the least-squares solution",
      lambda: (lambda a, b: (lambda q, r: arrays_close(r @ np.linalg.lstsq(a, b, rcond=None)[0], q.T @ b))(*np.linalg.qr(a)))
      (_rand(6, 3), RNG.normal(size=6)))
_A63 = _rand(6, 3)
_QF, _RF = np.linalg.qr(_A63, mode="complete")
_QT, _RT = np.linalg.qr(_A63)
claim(FNC, r"\mathbf{A}^+=\mathbf{R}^+\mathbf{Q}^T", "right", "numpy: pinv(A) = pinv(R) Q^T for the complete QR",
      "A = QR, rank n", lambda: arrays_close(np.linalg.pinv(_A63), np.linalg.pinv(_RF) @ _QF.T))
claim(FNC, r"\mathbf{A}^+=\hat{\mathbf{R}}^{-1}\hat{\mathbf{Q}}^T", "right", "numpy: pinv(A) = inv(R^) Q^T",
      "A = Q^R^, R^ nonsingular", lambda: arrays_close(np.linalg.pinv(_A63), np.linalg.inv(_RT) @ _QT.T))
_PINV = np.linalg.pinv(_A63)
other(FNC, r"\mathbf{P}=\hat{\mathbf{Q}} \hat{\mathbf{Q}}^T", "definition", "the projector P")
claim(FNC, r"\mathbf{P}=\mathbf{A}\mathbf{A}^+", "right", "numpy: Q^ Q^T = A pinv(A)", "P = Q^ Q^T",
      lambda: arrays_close(_QT @ _QT.T, _A63 @ _PINV))
claim(FNC, r"\mathbf{P}^2=\mathbf{P}", "right", "numpy: (Q^ Q^T)^2 = Q^ Q^T", "P = Q^ Q^T",
      lambda: arrays_close(_QT @ _QT.T @ _QT @ _QT.T, _QT @ _QT.T))
claim(FNC, r"\mathbf{x}=\mathbf{u}+\mathbf{v}", "right", "numpy: Px + (I - P)x = x", "u = Px, v = (I - P)x",
      lambda: all(arrays_close(_QT @ _QT.T @ x + (np.eye(6) - _QT @ _QT.T) @ x, x) for x in RNG.normal(size=(5, 6))))
other(FNC, r"\mathbf{u}=\mathbf{P}\mathbf{x}", "definition", "u")
other(FNC, r"\mathbf{v}=(\mathbf{I}-\mathbf{P})\mathbf{x}", "definition", "v")


# ================================================================ lippe_uvadlc_attention.md
other(ATT, r"\alpha_i = \frac{\exp\left(f_{attn}", "definition", "attention weights and output")
other(ATT, r"\text{Attention}(Q,K,V)=\text{softmax}", "definition", "scaled dot-product attention")
claim(ATT, r"q_i \sim \mathcal{N}(0,\sigma), k_i \sim \mathcal{N}(0,\sigma)", "wrong",
      "sympy: for independent zero-mean q, k of variance sigma (the text: 'two vectors with a variance sigma'), "
      "Var(q k) = E[q^2] E[k^2] = sigma^2, so the sum of d_k terms has variance sigma^2 d_k, not sigma d_k (equal only "
      "at sigma = 1; the tutorial's later revision writes sigma^2 and sigma^4 d_k)", "q_i, k_i independent",
      lambda: zero(sp.Symbol("sigma", positive=True) ** 2 * sp.Symbol("d") - sp.Symbol("sigma", positive=True) * sp.Symbol("d")))
other(ATT, r"\text{Multihead}(Q,K,V) & = \text{Concat}", "definition", "multi-head attention")
other(ATT, r"\text{FFN}(x) & = \max(0, xW_1+b_1)W_2 + b_2", "update", "the FFN (a definition) and the residual update "
      "x = LayerNorm(x + FFN(x))")
other(ATT, r"Q\in\mathbb{R}^{T\times d_k}", "condition", "shape")
other(ATT, r"W^{O}\in\mathbb{R}^{h\cdot d_k\times d_{out}}", "condition", "shape")
other(ATT, r"X\in\mathbb{R}^{B\times T\times d_{\text{model}}}", "condition", "shape")


def _latex(entry) -> str:
    found = [inner for line, inner in BLOCKS[entry["file"]] if line == entry["line"]]
    if entry["pick"] is not None:
        found = [inner for inner in found if inner == entry["pick"]]
    if len(found) != 1:
        raise SystemExit(f"{entry['file']}:{entry['line']}: {len(found)} blocks match {entry['pick']!r}")
    return found[0].strip()


def main(argv) -> int:
    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
