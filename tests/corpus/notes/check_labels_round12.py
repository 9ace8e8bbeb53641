r"""Independent checks of the hand labels of the round-12 sources of tests/corpus/notes, labelled before Formulary
was run on them (held out): three d2l chapters on word embeddings (word2vec, approximate training, GloVe), three d2l
recommender-system sections (matrix factorization, factorization machines, personalized ranking), d2l's draft
appendix on the exponential family, and the Stanford CS236 notes on deep generative models (variational autoencoders,
normalizing flows, GANs; Jekyll Kramdown with ``$$...$$`` inline math and ``{% math %}`` Liquid tags for displays).

As in the earlier rounds: each entry names a block by ``(file, line[, exact block text])``, gives its role and label,
says how it was checked and, for ``right``/``wrong``, carries a check written by hand with sympy, mpmath or numpy that
returns True when the block's claim holds.  Statements about distributions are checked on small discrete
distributions by exact enumeration (or by quadrature for Gaussians), gradients by central differences, determinants
and densities on random instances.  A ``{% math %} ... {% endmath %}`` display is named by the line of its opening
tag, as a ``$$`` display is by the line of its opening ``$$``.  Nothing from the Formulary code base is imported.

    python3 tests/corpus/notes/check_labels_round12.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round12.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import math
import re
import sys
from pathlib import Path

import mpmath as mp
import numpy as np
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import block_on_line, check_entries, recorder, zero

RNG = np.random.default_rng(12)
TOL = 1e-7
"""Tolerance for central differences (step 1e-6 on values of order 1: truncation ~1e-12, round-off ~1e-10) and for
exact identities evaluated in double precision."""

ENTRIES, label, nonclaim = recorder()


def _grad(fn, a, h=1e-6):
    """Central-difference gradient of the scalar function ``fn`` at the array ``a``."""
    g = np.zeros_like(a)
    for idx in np.ndindex(a.shape):
        up, down = a.copy(), a.copy()
        up[idx] += h
        down[idx] -= h
        g[idx] = (fn(up) - fn(down)) / (2 * h)
    return g


def _close(a, b, tol=TOL) -> bool:
    return bool(np.allclose(a, b, atol=tol, rtol=tol))


def _sig(t):
    return 1.0 / (1.0 + np.exp(-t))


# ---------------------------------------------------------------- d2l_word_embeddings.md
WE = "d2l_word_embeddings.md"
V_SIZE, DIM = 6, 3


def _vectors():
    return RNG.normal(size=(V_SIZE, DIM)), RNG.normal(size=(V_SIZE, DIM))  # u (context), v (center)


def _p_skipgram(u, vc):
    s = np.exp(u @ vc)
    return s / s.sum()


def _cosine_in_range():
    for _ in range(200):
        a, b = RNG.normal(size=4), RNG.normal(size=4)
        c = a @ b / (np.linalg.norm(a) * np.linalg.norm(b))
        if not -1 - 1e-12 <= c <= 1 + 1e-12:
            return False
    a = RNG.normal(size=4)
    return _close(a @ a / (a @ a), 1.0) and _close(a @ -a / (a @ a), -1.0)


def _log_p_skipgram():
    u, v = _vectors()
    o, c = 2, 4
    return _close(np.log(_p_skipgram(u, v[c])[o]), u[o] @ v[c] - np.log(np.exp(u @ v[c]).sum()))


def _skipgram_gradient():
    """Every line of the aligned gradient equals the central-difference gradient of log P(w_o | w_c) in v_c."""
    u, v = _vectors()
    o, c = 1, 3
    num = _grad(lambda vc: np.log(_p_skipgram(u, vc)[o]), v[c].copy())
    e = np.exp(u @ v[c])
    line1 = u[o] - (e[:, None] * u).sum(0) / e.sum()
    line2 = u[o] - ((e / e.sum())[:, None] * u).sum(0)
    line3 = u[o] - (_p_skipgram(u, v[c])[:, None] * u).sum(0)
    return all(_close(num, line) for line in (line1, line2, line3))


def _cbow(u, vs):
    vbar = vs.mean(0)
    s = np.exp(u @ vbar)
    return s / s.sum()


def _cbow_simplified():
    """(1/2m) u^T (v_o1 + ... + v_o2m) = u^T vbar, so the two forms of P(w_c | context) agree."""
    u, _ = _vectors()
    vs = RNG.normal(size=(4, DIM))  # 2m = 4 context vectors
    long = np.exp(u @ vs.sum(0) / 4)
    return _close(long / long.sum(), _cbow(u, vs))


def _cbow_log():
    u, _ = _vectors()
    vs = RNG.normal(size=(4, DIM))
    c, vbar = 2, vs.mean(0)
    return _close(np.log(_cbow(u, vs)[c]), u[c] @ vbar - np.log(np.exp(u @ vbar).sum()))


def _cbow_gradient():
    """d log P(w_c | W_o) / d v_{o_i} for each of 2m = 4 distinct context vectors, both forms of the right side."""
    u, _ = _vectors()
    vs = RNG.normal(size=(4, DIM))
    c, m2 = 5, 4
    ok = True
    for i in range(4):
        def f(vi, i=i):
            w = vs.copy()
            w[i] = vi
            return np.log(_cbow(u, w)[c])
        num = _grad(f, vs[i].copy())
        vbar = vs.mean(0)
        e = np.exp(u @ vbar)
        form1 = (u[c] - (e[:, None] * u).sum(0) / e.sum()) / m2
        form2 = (u[c] - (_cbow(u, vs)[:, None] * u).sum(0)) / m2
        ok = ok and _close(num, form1) and _close(num, form2)
    return ok


def _negative_sampling_loss():
    """With P(w^{t+j} | w^t) = sigma(u_o^T v) prod_k P(D=0 | ...) and P(D=0 | ...) = 1 - sigma(u_k^T v), the three
    lines of -log P agree (the last by 1 - sigma(x) = sigma(-x))."""
    v, uo, uk = RNG.normal(size=DIM), RNG.normal(size=DIM), RNG.normal(size=(5, DIM))
    p = _sig(uo @ v) * np.prod(1 - _sig(uk @ v))
    l0 = -np.log(p)
    l1 = -np.log(_sig(uo @ v)) - np.log(1 - _sig(uk @ v)).sum()
    l2 = -np.log(_sig(uo @ v)) - np.log(1 - _sig(uk @ v)).sum()
    l3 = -np.log(_sig(uo @ v)) - np.log(_sig(-(uk @ v))).sum()
    return _close(l0, l1) and _close(l1, l2) and _close(l2, l3)


def _hs_example():
    """Path left, right, left: [[n(w_3, j+1) = leftChild(n(w_3, j))]] = +1, -1, +1 in the general product."""
    v, us = RNG.normal(size=DIM), RNG.normal(size=(3, DIM))
    signs = [1, -1, 1]
    general = np.prod([_sig(s * (uj @ v)) for s, uj in zip(signs, us)])
    return _close(general, _sig(us[0] @ v) * _sig(-(us[1] @ v)) * _sig(us[2] @ v))


def _sigma_symmetry():
    t = sp.symbols("t", real=True)
    return zero(1 / (1 + sp.exp(-t)) + 1 / (1 + sp.exp(t)) - 1)


def _hs_sums_to_one():
    """On random full binary trees with 2..9 leaves, the hierarchical-softmax probabilities of the leaves sum to 1."""
    for leaves in range(2, 10):
        # build a random full binary tree: nodes are ("leaf",) or ("node", vector, left, right)
        def build(n):
            if n == 1:
                return ("leaf",)
            k = int(RNG.integers(1, n))
            return ("node", RNG.normal(size=DIM), build(k), build(n - k))
        tree, v = build(leaves), RNG.normal(size=DIM)

        def total(node, prob, v=v):
            if node[0] == "leaf":
                return prob
            s = node[1] @ v
            return total(node[2], prob * _sig(s), v) + total(node[3], prob * _sig(-s), v)
        if not _close(total(tree, 1.0), 1.0):
            return False
    return True


def _multiset_example():
    windows = ["k", "j", "m", "k"] + ["k", "l", "k", "j"]
    return sorted(windows) == sorted(["j", "j", "k", "k", "k", "k", "l", "m"]) and \
        [windows.count(e) for e in "jklm"] == [2, 4, 1, 1]


def _glove_square():
    """(log p' - log q')^2 = (u^T v - log x)^2 with p' = x, q' = exp(u^T v): the square of the negated difference."""
    s, xx = sp.symbols("s x", positive=True)
    return zero((sp.log(xx) - sp.log(sp.exp(s))) ** 2 - (s - sp.log(xx)) ** 2)


def _h_at_zero():
    return 0.0 ** 0.75 == 0.0


def _cooccurrence_symmetric():
    """Counting (center, context) pairs of a random text with a symmetric window gives a symmetric count matrix."""
    text = RNG.integers(0, 5, size=200)
    m, x = 2, np.zeros((5, 5))
    for t in range(len(text)):
        for j in range(-m, m + 1):
            if j != 0 and 0 <= t + j < len(text):
                x[text[t], text[t + j]] += 1
    return bool((x == x.T).all())


def _f_exp_ratio():
    uj, uk, v = RNG.normal(size=DIM), RNG.normal(size=DIM), RNG.normal(size=DIM)
    return _close(np.exp((uj - uk) @ v), np.exp(uj @ v) / np.exp(uk @ v))


def _log_alpha_split():
    a, xij, xi = sp.symbols("alpha x_ij x_i", positive=True)
    return zero(sp.expand_log(sp.log(a * xij / xi), force=True) - (sp.log(a) + sp.log(xij) - sp.log(xi)))


nonclaim(WE, 26, "condition", "x, y declared as vectors of R^d")
label(WE, 28, "claim", "right", "numpy: the cosine of 200 random pairs lies in [-1, 1] (Cauchy-Schwarz); a and -a "
      "attain 1 and -1", "x, y non-zero", _cosine_in_range)
nonclaim(WE, 36, "no-claim", "a conditional probability written out, no relation")
nonclaim(WE, 40, "no-claim", "a product of probabilities, no relation")
nonclaim(WE, 42, "condition", "v_i declared in R^d", pick="\\mathbf{v}_i\\in\\mathbb{R}^d")
nonclaim(WE, 42, "condition", "u_i declared in R^d", pick="\\mathbf{u}_i\\in\\mathbb{R}^d")
nonclaim(WE, 44, "definition", "the skip-gram softmax P(w_o | w_c) defined")
nonclaim(WE, 46, "definition", "the vocabulary index set defined", pick="\\mathcal{V} = \\{0, 1, \\ldots, |\\mathcal{V}|-1\\}")
nonclaim(WE, 48, "no-claim", "the likelihood as an expression")
nonclaim(WE, 56, "no-claim", "the loss as an expression")
label(WE, 62, "claim", "right", "numpy: log of the softmax equals u_o^T v_c - log sum exp(u_i^T v_c) on random "
      "vectors", "", _log_p_skipgram)
label(WE, 67, "claim", "right", "numpy: each of the three right sides equals the central-difference gradient of "
      "log P(w_o | w_c) in v_c (|V| = 6, d = 3)", "", _skipgram_gradient)
nonclaim(WE, 85, "no-claim", "a conditional probability written out, no relation")
nonclaim(WE, 87, "condition", "v_i declared in R^d", pick="\\mathbf{v_i}\\in\\mathbb{R}^d")
nonclaim(WE, 87, "condition", "u_i declared in R^d", pick="\\mathbf{u_i}\\in\\mathbb{R}^d")
nonclaim(WE, 89, "definition", "the CBOW conditional probability defined")
nonclaim(WE, 92, "definition", "the set W_o named", pick="\\mathcal{W}_o= \\{w_{o_1}, \\ldots, w_{o_{2m}}\\}")
nonclaim(WE, 92, "definition", "the mean context vector defined",
         pick="\\bar{\\mathbf{v}}_o = \\left(\\mathbf{v}_{o_1} + \\ldots, + \\mathbf{v}_{o_{2m}} \\right)/(2m)")
label(WE, 94, "claim", "right", "numpy: with vbar the mean of 2m = 4 context vectors the simplified softmax equals "
      "the one with (1/2m) u^T (v_o1 + ... + v_o2m)", "", _cbow_simplified)
nonclaim(WE, 98, "no-claim", "the CBOW likelihood as an expression")
nonclaim(WE, 104, "no-claim", "the CBOW loss as an expression")
label(WE, 108, "claim", "right", "numpy: log of the CBOW softmax equals u_c^T vbar - log sum exp(u_i^T vbar)", "",
      _cbow_log)
nonclaim(WE, 110, "condition", "the index range of the context words", pick="i = 1, \\ldots, 2m")
label(WE, 112, "claim", "right", "numpy: both right sides equal the central-difference gradient of log P(w_c | W_o) "
      "in each of 2m = 4 distinct context vectors", "the context words are distinct", _cbow_gradient)
nonclaim(WE, 137, "definition", "P(D=1 | w_c, w_o) modelled by a sigmoid")
nonclaim(WE, 141, "definition", "the sigmoid defined")
nonclaim(WE, 154, "no-claim", "a joint probability as an expression")
nonclaim(WE, 176, "condition", "the range of the noise-word index", pick="k=1, \\ldots, K")
nonclaim(WE, 187, "no-claim", "a joint probability as an expression")
nonclaim(WE, 192, "definition", "negative sampling's approximation of the conditional probability (a modelling "
         "choice, stated with =)")
label(WE, 203, "claim", "right", "numpy: with the block at line 192 and P(D=0 | ...) = 1 - sigma(...), the three "
      "lines of -log P agree on random vectors (K = 5)", "", _negative_sampling_loss)
nonclaim(WE, 237, "example", "a value read from the book's figure", pick="L(w_3) = 4")
nonclaim(WE, 241, "definition", "hierarchical softmax's conditional probability defined")
nonclaim(WE, 245, "definition", "the bracket [[x]] defined for true x", pick="[\\![x]\\!] = 1")
nonclaim(WE, 245, "definition", "the bracket [[x]] defined for false x", pick="[\\![x]\\!] = -1")
label(WE, 261, "claim", "right", "numpy: the general product with signs +1, -1, +1 (left, right, left) equals the "
      "written product", "the path to w_3 goes left, right, left", _hs_example)
label(WE, 263, "claim", "right", "sympy: 1/(1+e^-t) + 1/(1+e^t) - 1 simplifies to 0", "", _sigma_symmetry)
label(WE, 271, "claim", "right", "numpy: on random full binary trees with 2 to 9 leaves the leaf probabilities "
      "sum to 1", "", _hs_sums_to_one)
nonclaim(WE, 290, "definition", "q_ij defined as the skip-gram softmax")
nonclaim(WE, 297, "definition", "the vocabulary index set defined", pick="\\mathcal{V} = \\{0, 1, \\ldots, |\\mathcal{V}|-1\\}")
label(WE, 318, "claim", "right", "python: the windows k, j, m, k and k, l, k, j give the multiset "
      "{j, j, k, k, k, k, l, m} with multiplicities 2, 4, 1, 1", "", _multiset_example)
nonclaim(WE, 333, "no-claim", "the loss as an expression")
nonclaim(WE, 348, "no-claim", "the loss as an expression")
nonclaim(WE, 368, "definition", "p'_ij defined", pick="p'_{ij}=x_{ij}")
nonclaim(WE, 368, "definition", "q'_ij defined", pick="q'_{ij}=\\exp(\\mathbf{u}_j^\\top \\mathbf{v}_i)")
label(WE, 370, "claim", "right", "sympy: (log x - log e^s)^2 - (s - log x)^2 simplifies to 0 (x > 0)", "x_ij > 0",
      _glove_square)
nonclaim(WE, 376, "no-claim", "the GloVe loss as an expression")
nonclaim(WE, 379, "definition", "the weight function for x < c", pick="h(x) = (x/c) ^\\alpha")
nonclaim(WE, 379, "example", "a suggested value", pick="\\alpha = 0.75")
nonclaim(WE, 379, "condition", "the case x < c", pick="x < c")
nonclaim(WE, 379, "example", "a suggested value", pick="c = 100")
nonclaim(WE, 379, "definition", "the weight function otherwise", pick="h(x) = 1")
label(WE, 381, "claim", "right", "python: 0 ** 0.75 == 0.0 (h(0) = (0/c)^alpha = 0)", "alpha > 0", _h_at_zero)
nonclaim(WE, 382, "condition", "the case of a zero count")
label(WE, 388, "claim", "right", "numpy: counting (center, context) pairs of a random 200-word text with a "
      "symmetric window of size 2 gives a symmetric matrix", "symmetric context windows", _cooccurrence_symmetric)
nonclaim(WE, 400, "definition", "p_1 named (a table row)")
nonclaim(WE, 401, "definition", "p_2 named (a table row)")
for _line, _word in ((406, "solid"), (407, "gas"), (408, "water"), (409, "fashion")):
    nonclaim(WE, _line, "example", "a word chosen as the example", pick=f"w_k=\\text{{{_word}}}")
nonclaim(WE, 413, "no-claim", "an approximation the model is designed to meet")
nonclaim(WE, 415, "definition", "f restricted to a function of (u_j - u_k)^T v_i (a design choice)",
         pick="f(\\mathbf{u}_j, \\mathbf{u}_k, {\\mathbf{v}}_i) = f\\left((\\mathbf{u}_j - \\mathbf{u}_k)^\\top {\\mathbf{v}}_i\\right)")
nonclaim(WE, 415, "condition", "the condition f must satisfy", pick="f(x)f(-x)=1")
nonclaim(WE, 415, "definition", "the choice f = exp", pick="f(x)=\\exp(x)")
label(WE, 417, "claim", "right", "numpy: exp((u_j - u_k)^T v) = exp(u_j^T v)/exp(u_k^T v) (the equality; the "
      "approximation is a modelling goal)", "f = exp", _f_exp_ratio)
nonclaim(WE, 419, "no-claim", "an approximation the model aims at",
         pick="\\exp\\left(\\mathbf{u}_j^\\top {\\mathbf{v}}_i\\right) \\approx \\alpha p_{ij}")
nonclaim(WE, 419, "definition", "p_ij defined", pick="p_{ij}=x_{ij}/x_i")
label(WE, 419, "claim", "right", "sympy: log(alpha x_ij / x_i) = log alpha + log x_ij - log x_i (the approximation "
      "carried through the logarithm)", "alpha, x_ij, x_i > 0", _log_alpha_split,
      pick="\\mathbf{u}_j^\\top {\\mathbf{v}}_i \\approx \\log\\,\\alpha + \\log\\,x_{ij} - \\log\\,x_i")
nonclaim(WE, 421, "no-claim", "an approximation the model is fitted to")

# ---------------------------------------------------------------- d2l_recommender_systems.md
RS = "d2l_recommender_systems.md"


def _fm_lines(j_free=1):
    """The five lines of the factorization-machine reformulation on random V (d x k) and x; line 3 as written, with
    the unbound index j of its second sum set to ``j_free``."""
    d, k = 5, 3
    v, x = RNG.normal(size=(d, k)), RNG.normal(size=d)
    g = v @ v.T
    l1 = sum(g[i, j] * x[i] * x[j] for i in range(d) for j in range(i + 1, d))
    l2 = 0.5 * sum(g[i, j] * x[i] * x[j] for i in range(d) for j in range(d)) - 0.5 * sum(g[i, i] * x[i] ** 2 for i in range(d))
    l3 = 0.5 * (sum(v[i, l] * v[j, l] * x[i] * x[j] for i in range(d) for j in range(d) for l in range(k))
                - sum(v[i, l] * v[j_free, l] * x[i] * x[i] for i in range(d) for l in range(k)))
    l4 = 0.5 * sum((v[:, l] @ x) * (v[:, l] @ x) - (v[:, l] ** 2 * x**2).sum() for l in range(k))
    l5 = 0.5 * sum((v[:, l] @ x) ** 2 - (v[:, l] ** 2 * x**2).sum() for l in range(k))
    return l1, l2, l3, l4, l5


def _fm_chain():
    l1, l2, l3, l4, l5 = _fm_lines()
    return _close(l1, l2) and _close(l2, l3) and _close(l3, l4) and _close(l4, l5)


def _bayes_proportional():
    """p(theta | D) / (p(D | theta) p(theta)) is the same for every theta (= 1/p(D)) on a random discrete model."""
    prior, like = RNG.dirichlet(np.ones(4)), RNG.uniform(0.1, 0.9, size=4)
    post = prior * like / (prior * like).sum()
    ratio = post / (like * prior)
    return _close(ratio, np.full(4, ratio[0]))


def _bpr_chain():
    """Line 2 as written: ln p(theta | >u) = ln p(>u | theta) p(theta) misses -ln p(>u); and with Sigma = lambda I the
    log prior is -||theta||^2/(2 lambda) - (n/2) ln(2 pi lambda), not -lambda ||theta||^2.  Evaluated on a discrete model
    (two parameter values) and on theta = (1, 0), lambda = 1/2: both equalities fail."""
    prior, like = np.array([0.5, 0.5]), np.array([0.8, 0.3])
    evidence = (prior * like).sum()
    line1 = np.log(prior[0] * like[0] / evidence)
    line2 = np.log(like[0] * prior[0])
    lam, theta = 0.5, np.array([1.0, 0.0])
    log_prior = -theta @ theta / (2 * lam) - len(theta) / 2 * np.log(2 * np.pi * lam)
    return _close(line1, line2) and _close(log_prior, -lam * theta @ theta)


nonclaim(RS, 15, "condition", "R declared as an M x N matrix", pick="\\mathbf{R}  \\in \\mathbb{R}^{M \\times N}")
nonclaim(RS, 15, "condition", "P declared as an M x k matrix", pick="\\mathbf{P} \\in \\mathbb{R}^{M \\times k}")
nonclaim(RS, 15, "condition", "Q declared as an N x k matrix", pick="\\mathbf{Q} \\in \\mathbb{R}^{N \\times k}")
nonclaim(RS, 15, "condition", "k much smaller than M and N", pick="k \\ll M, N")
nonclaim(RS, 17, "definition", "the predicted rating matrix defined")
nonclaim(RS, 21, "definition", "the predicted rating with biases defined (a refinement of the line-17 model)")
nonclaim(RS, 27, "no-claim", "the training objective")
nonclaim(RS, 34, "definition", "the set of known ratings")
nonclaim(RS, 40, "definition", "RMSE defined")
nonclaim(RS, 55, "condition", "x declared in R^d", pick="x \\in \\mathbb{R}^d")
nonclaim(RS, 57, "definition", "the factorization machine of degree two defined")
nonclaim(RS, 61, "condition", "w_0 a real number", pick="\\mathbf{w}_0 \\in \\mathbb{R}")
nonclaim(RS, 61, "condition", "w in R^d", pick="\\mathbf{w} \\in \\mathbb{R}^d")
nonclaim(RS, 61, "condition", "V a d x k matrix", pick="\\mathbf{V} \\in \\mathbb{R}^{d\\times k}")
label(RS, 68, "claim", "wrong", "numpy: lines 1, 2, 4 and 5 agree on random V (5 x 3) and x, but line 3's second "
      "sum is written with v_{j,l}, j bound by no sum; at j = 1 it differs from line 2 (the index should be i)", "",
      _fm_chain)
label(RS, 90, "claim", "right", "numpy: on a random four-point discrete model the posterior divided by likelihood "
      "times prior is the same constant 1/p(D) for every parameter value", "", _bayes_proportional)
label(RS, 96, "claim", "wrong", "numpy: ln p(theta | >u) = ln p(>u | theta) p(theta) fails on a two-point model "
      "(it misses -ln p(>u)), and with Sigma = lambda I the log prior is -||theta||^2/(2 lambda) + const, not "
      "-lambda ||theta||^2 (theta = (1, 0), lambda = 1/2)", "Sigma_Theta = lambda_Theta I", _bpr_chain)
nonclaim(RS, 106, "definition", "the training set D defined",
         pick="D := \\{(u, i, j) \\mid i \\in I^+_u \\wedge j \\in I \\backslash I^+_u \\}")
nonclaim(RS, 106, "definition", "the prior covariance chosen", pick="\\Sigma_\\Theta = \\lambda_\\Theta I")
nonclaim(RS, 112, "no-claim", "the hinge loss as an expression (a misplaced parenthesis in max)")

# ---------------------------------------------------------------- d2l_exponential_family.md
EF = "d2l_exponential_family.md"
_p, _x, _lam, _mu = sp.symbols("p x lambda mu", positive=True)
_s = sp.symbols("sigma", positive=True)
_xr = sp.symbols("x_r", real=True)


def _bernoulli_chain():
    lines = [_p**_x * (1 - _p) ** (1 - _x), sp.exp(sp.log(_p**_x * (1 - _p) ** (1 - _x))),
             sp.exp(_x * sp.log(_p) + (1 - _x) * sp.log(1 - _p)), (1 - _p) * sp.exp(_x * sp.log(_p / (1 - _p)))]
    ok = True
    for pv in (sp.Rational(1, 5), sp.Rational(1, 2), sp.Rational(7, 10)):
        for xv in (0, 1, sp.Rational(1, 3)):
            vals = [sp.N(e.subs({_p: pv, _x: xv}), 30) for e in lines]
            ok = ok and all(abs(v - vals[0]) < 1e-25 for v in vals)
    return ok


def _log_density_wrong():
    """Bernoulli (h = 1, T(x) = x, theta = log(p/(1-p))): log f = log(1-p) + x theta, but the written right side
    log(h) * theta * T(x) is 0."""
    pv, xv = 0.3, 1
    theta = math.log(pv / (1 - pv))
    return _close(math.log(pv), math.log(1.0) * theta * xv)


def _poisson_chain():
    k = sp.symbols("k", integer=True, nonnegative=True)
    return zero(_lam**k * sp.exp(-_lam) / sp.factorial(k) - sp.exp(-_lam) * sp.exp(k * sp.log(_lam)) / sp.factorial(k))


def _poisson_g():
    theta = sp.log(_lam)
    return zero(sp.exp(-_lam) - sp.exp(-sp.exp(theta)))


def _gauss_chain():
    lhs = 1 / sp.sqrt(2 * sp.pi * _s**2) * sp.exp(-(_xr - _mu) ** 2 / (2 * _s**2))
    rhs = 1 / sp.sqrt(2 * sp.pi) / _s * sp.exp(-_mu**2 / (2 * _s**2)) * sp.exp(_mu / _s**2 * _xr - _xr**2 / (2 * _s**2))
    return zero(lhs - rhs)


nonclaim(EF, 22, "no-claim", "notation for membership in the family")
nonclaim(EF, 25, "condition", "x a random vector in R^n")
nonclaim(EF, 26, "condition", "theta in R^l")
nonclaim(EF, 33, "definition", "the density of the exponential family defined")
nonclaim(EF, 40, "definition", "the sufficient statistics T named")
label(EF, 58, "claim", "wrong", "python: Bernoulli, p = 0.3, x = 1 (h = 1, T(x) = x): log f = log 0.3 but "
      "log(h) * theta * T(x) = 0; the log of the density is log h + log g + theta T", "", _log_density_wrong)
nonclaim(EF, 77, "condition", "X Bernoulli", pick="X \\sim \\mathrm{Bernoulli}(p)")
label(EF, 79, "claim", "right", "sympy: the four lines agree at 30 digits for p in {1/5, 1/2, 7/10}, x in "
      "{0, 1, 1/3}", "0 < p < 1", _bernoulli_chain)
nonclaim(EF, 90, "definition", "the natural parameter of the Bernoulli")
nonclaim(EF, 91, "definition", "T(x) = x for the Bernoulli")
nonclaim(EF, 92, "definition", "h(x) = 1 for the Bernoulli")
nonclaim(EF, 93, "definition", "g(theta) = 1 - p for the Bernoulli")
nonclaim(EF, 97, "condition", "X Poisson", pick="X \\sim \\mathrm{Poisson}(\\lambda)")
label(EF, 99, "claim", "right", "sympy: lambda^k e^-lambda / k! - e^-lambda exp(k log lambda)/k! simplifies to 0",
      "lambda > 0, x a non-negative integer", _poisson_chain)
nonclaim(EF, 109, "definition", "the natural parameter of the Poisson")
nonclaim(EF, 110, "definition", "T(x) = x for the Poisson")
nonclaim(EF, 111, "definition", "h(x) = 1/x! for the Poisson")
label(EF, 112, "claim", "right", "sympy: with theta = log lambda, e^-lambda - e^{-e^theta} simplifies to 0",
      "theta = log lambda", _poisson_g)
nonclaim(EF, 117, "condition", "X normal", pick="X \\sim \\mathcal{N}(\\mu, \\sigma^2)")
label(EF, 119, "claim", "right", "sympy: the normal density minus its factorised form simplifies to 0", "sigma > 0",
      _gauss_chain)
nonclaim(EF, 128, "definition", "the natural parameters of the normal")
nonclaim(EF, 129, "definition", "the sufficient statistics of the normal")
nonclaim(EF, 130, "definition", "h(x) for the normal")
nonclaim(EF, 131, "definition", "g(theta) for the normal")
nonclaim(EF, 140, "definition", "linear regression's prediction", pick="\\mathbf{\\hat{y}} = \\mathbf{w}^T \\mathbf{x}")
nonclaim(EF, 144, "definition", "the GLM's conditional mean (an assumption of the model)")
nonclaim(EF, 148, "definition", "the link g (a new g: the letter was the normaliser before)",
         pick="g(\\mathbf{\\theta}) = \\mathbf{X}\\mathbf{W}")
nonclaim(EF, 149, "no-claim", "notation for membership in the family")

# ---------------------------------------------------------------- cs236_deep_generative_models.md
GM = "cs236_deep_generative_models.md"


def _discrete_joint(nz=4):
    """A random joint p(x, z) over 3 x-values and ``nz`` z-values, and a random q(z) with full support."""
    joint = RNG.dirichlet(np.ones(3 * nz)).reshape(3, nz)
    return joint, RNG.dirichlet(np.ones(nz))


def _elbo_chain():
    """log p(x) = log sum_z p(x,z) = log sum_z q (p/q) >= sum_z q log(p/q) = E_q[log p/q], on 50 random models."""
    for _ in range(50):
        joint, q = _discrete_joint()
        px = joint[0].sum()
        l1 = np.log(px)
        l2 = np.log((q / q * joint[0]).sum())
        l3 = (q * np.log(joint[0] / q)).sum()
        if not (_close(l1, l2) and l2 >= l3 - 1e-12):
            return False
    return True


def _score_function():
    """grad_lambda E_q[log p/q_lambda] = E_q[(log p/q) grad log q] for q = softmax(lambda), by central differences."""
    joint, _ = _discrete_joint()
    lam = RNG.normal(size=4)

    def q_of(l):
        e = np.exp(l - l.max())
        return e / e.sum()

    def elbo(l):
        q = q_of(l)
        return (q * np.log(joint[0] / q)).sum()
    q = q_of(lam)
    grad_log_q = np.eye(4) - q[None, :]  # row z: d log q_z / d lambda
    rhs = (q[:, None] * np.log(joint[0] / q)[:, None] * grad_log_q).sum(0)
    return _close(_grad(elbo, lam), rhs)


def _reparameterization():
    """q = N(mu, s^2), z = mu + s eps: d/dmu and d/ds of E_q[log p(x, z) - log q(z)] (p(x, z) = N(z; 0, 1) N(x; z, 1))
    equal E_eps[d/dmu, d/ds of log p(x, mu + s eps) - log q_{mu,s}(mu + s eps)] (Gauss-Hermite, 60 nodes)."""
    xv = 0.7
    nodes, weights = np.polynomial.hermite_e.hermegauss(60)
    weights = weights / weights.sum()

    def log_joint(z):
        return -0.5 * z**2 - 0.5 * (xv - z) ** 2 - np.log(2 * np.pi)

    def log_q(z, mu, s):
        return -0.5 * ((z - mu) / s) ** 2 - np.log(s) - 0.5 * np.log(2 * np.pi)

    def elbo(par):
        mu, s = par
        z = mu + s * nodes
        return weights @ (log_joint(z) - log_q(z, mu, s))
    par = np.array([0.3, 0.8])
    lhs = _grad(elbo, par)

    def inner(par, e):
        mu, s = par
        z = mu + s * e
        return log_joint(z) - log_q(z, mu, s)
    rhs = sum(wt * _grad(lambda p, e=e: inner(p, e), par) for e, wt in zip(nodes, weights))
    return _close(lhs, rhs, 1e-6)


def _affine_flow():
    """X = A Z + b, Z ~ N(0, I): p_Z(f^{-1}(x)) |det d f^{-1}/dx| equals the N(b, A A^T) density."""
    a, b = RNG.normal(size=(2, 2)) + 2 * np.eye(2), RNG.normal(size=2)
    xv = RNG.normal(size=2)
    z = np.linalg.solve(a, xv - b)
    pz = np.exp(-0.5 * z @ z) / (2 * np.pi)
    lhs = pz * abs(np.linalg.det(np.linalg.inv(a)))
    cov = a @ a.T
    d = xv - b
    truth = np.exp(-0.5 * d @ np.linalg.solve(cov, d)) / (2 * np.pi * np.sqrt(np.linalg.det(cov)))
    return _close(lhs, truth)


def _sinh_flow():
    """One dimension, X = sinh(Z), Z ~ N(0, 1): p_Z(z) |f'(z)|^{-1} integrates to 1 and equals p_Z(f^{-1}(x)) |d
    f^{-1}/dx| (mpmath)."""
    pz = lambda z: mp.exp(-z**2 / 2) / mp.sqrt(2 * mp.pi)
    px_inverse = lambda x: pz(mp.asinh(x)) / mp.sqrt(1 + x**2)
    px_forward = lambda x: pz(mp.asinh(x)) / mp.cosh(mp.asinh(x))
    return abs(mp.quad(px_inverse, [-mp.inf, 0, mp.inf]) - 1) < 1e-12 and \
        all(abs(px_inverse(mp.mpf(v)) - px_forward(mp.mpf(v))) < 1e-20 for v in ("-2.5", "0.3", "4"))


def _det_inverse():
    a = RNG.normal(size=(4, 4))
    return _close(np.linalg.det(np.linalg.inv(a)), 1 / np.linalg.det(a))


def _planar_det():
    """det(I + u h'(w^T z + b) w^T) = 1 + h'(w^T z + b) u^T w (matrix determinant lemma), h = tanh, n = 4."""
    u, w, z, b = RNG.normal(size=4), RNG.normal(size=4), RNG.normal(size=4), 0.3
    f = lambda zz: zz + u * np.tanh(w @ zz + b)
    jac = np.stack([_grad(lambda zz, i=i: f(zz)[i], z.copy()) for i in range(4)])
    hp = 1 - np.tanh(w @ z + b) ** 2
    return _close(abs(np.linalg.det(jac)), abs(1 + hp * (u @ w)), 1e-6)


def _coupling_inverse():
    """x1 = z1, x2 = z2 + m(z1); then z1 = x1 and z2 = x2 - m(x1) recover z (m a random small network)."""
    wm = RNG.normal(size=(2, 2))
    m = lambda v: np.tanh(wm @ v)
    z1, z2 = RNG.normal(size=2), RNG.normal(size=2)
    x1, x2 = z1, z2 + m(z1)
    return _close(x1, z1) and _close(x2 - m(x1), z2)


def _optimal_discriminator():
    """For each x, D maximising p_data log D + p_G log(1 - D) is p_data/(p_data + p_G) (grid search, 20 points)."""
    pd, pg = RNG.dirichlet(np.ones(20)), RNG.dirichlet(np.ones(20))
    grid = np.linspace(1e-4, 1 - 1e-4, 20001)
    best = np.array([grid[np.argmax(a * np.log(grid) + c * np.log(1 - grid))] for a, c in zip(pd, pg)])
    return _close(best, pd / (pd + pg), 1e-4)


def _kl(p, q):
    return float((p * np.log(p / q)).sum())


def _jsd(p, q):
    m = (p + q) / 2
    return 0.5 * (_kl(p, m) + _kl(q, m))


def _jsd_symmetric():
    p, q = RNG.dirichlet(np.ones(6)), RNG.dirichlet(np.ones(6))
    return _close(_jsd(p, q), _jsd(q, p))


def _optimal_generator():
    """V(G, D*_G) = 2 JSD(p_data, p_G) - log 4 is smallest (-log 4) at p_G = p_data: 200 random p_G do no better."""
    pd = RNG.dirichlet(np.ones(6))

    def value(pg):
        d = pd / (pd + pg)
        return float(pd @ np.log(d) + pg @ np.log(1 - d))
    at_data = value(pd)
    return _close(at_data, -np.log(4)) and all(value(RNG.dirichlet(np.ones(6))) >= at_data - 1e-12
                                               for _ in range(200))


def _fenchel_bound():
    """KL as an f-divergence (f(u) = u log u, f*(t) = e^{t-1}): E_p[T] - E_q[f*(T)] <= D_f(p, q) for 200 random T, with
    equality at T = 1 + log(p/q)."""
    p, q = RNG.dirichlet(np.ones(5)), RNG.dirichlet(np.ones(5))
    d = float(q @ ((p / q) * np.log(p / q)))
    bound = lambda t: float(p @ t - q @ np.exp(t - 1))
    return all(bound(RNG.normal(size=5) * 2) <= d + 1e-12 for _ in range(200)) and \
        _close(bound(1 + np.log(p / q)), d)


nonclaim(GM, 50, "definition", "the joint of the latent variable model")
nonclaim(GM, 55, "no-claim", "the generative process (sampling statements)")
nonclaim(GM, 62, "definition", "a hierarchical generative model defined",
         pick="p(\\bx, \\bz_1, \\ldots, \\bz_m) = p(\\bx \\giv \\bz_1)\\prod_i p(\\bz_i \\giv \\bz_{i+1})")
nonclaim(GM, 64, "condition", "p(z) in the family", pick="p(\\bz) \\in \\P_\\bz")
nonclaim(GM, 64, "condition", "p(x | z) in the family", pick="p_\\theta(\\bx \\giv \\bz) \\in \\P_{\\bx\\giv \\bz}")
nonclaim(GM, 65, "definition", "the hypothesis class defined")
nonclaim(GM, 70, "definition", "the dataset named", pick="\\D = \\set{\\bx^{(1)}, \\ldots, \\bx^{(n)}}")
nonclaim(GM, 77, "definition", "the marginal defined", pick="p(\\bx) = \\int p(\\bx, \\bz) \\d \\bz")
nonclaim(GM, 79, "no-claim", "an optimisation problem")
nonclaim(GM, 86, "no-claim", "an optimisation problem whose objective is written out with = (max over p on one side "
         "only)")
nonclaim(GM, 94, "no-claim", "a Monte Carlo approximation")
nonclaim(GM, 101, "definition", "the posterior, 'by definition'", pick="p(\\bz \\mid \\bx) = p(\\bx, \\bz) / p(\\bx)")
nonclaim(GM, 104, "condition", "theta in its parameter set", pick="\\theta \\in \\Theta")
nonclaim(GM, 104, "condition", "lambda in its parameter set", pick="\\lambda \\in \\Lambda")
nonclaim(GM, 107, "condition", "q in the variational family", pick="q_\\lambda(\\bz) \\in \\Q")
label(GM, 109, "claim", "right", "numpy: on 50 random discrete joints p(x, z) (z with 4 values) and q(z) with full "
      "support, the equalities hold and the log-likelihood is at least the ELBO (Jensen)", "q has full support",
      _elbo_chain)
nonclaim(GM, 119, "no-claim", "a Monte Carlo estimator")
nonclaim(GM, 133, "no-claim", "an optimisation problem")
nonclaim(GM, 144, "definition", "the mini-batch named", pick="\\M = \\set{\\bx^{(1)}, \\ldots, \\bx^{(m)}}")
nonclaim(GM, 149, "update", "a gradient step on lambda")
nonclaim(GM, 154, "definition", "the ELBO restated as a definition",
         pick="\\text{ELBO}(\\bx; \\theta, \\lambda) = \\Expect_{q_\\lambda(\\bz)} \\left[\\log \\frac{p_\\theta(\\bx, \\bz)}{q_\\lambda(\\bz)}\\right]")
nonclaim(GM, 159, "update", "a gradient step on theta")
label(GM, 170, "claim", "right", "numpy: for a discrete q = softmax(lambda) over 4 values, the central-difference "
      "gradient of E_q[log p(x, z)/q(z)] equals E_q[(log p/q) grad log q]", "", _score_function)
nonclaim(GM, 176, "no-claim", "a Monte Carlo estimator")
nonclaim(GM, 182, "update", "sampling eps and setting z")
label(GM, 189, "claim", "right", "numpy: q = N(mu, s^2), z = mu + s eps, p(x, z) = N(z; 0, 1) N(x; z, 1): the "
      "central-difference gradient in (mu, s) of the Gauss-Hermite expectation equals the expectation of the "
      "gradient (60 nodes, tolerance 1e-6)", "", _reparameterization)
nonclaim(GM, 200, "definition", "the prior chosen")
nonclaim(GM, 207, "condition", "omega in its parameter set", pick="\\omega \\in \\Omega")
nonclaim(GM, 209, "definition", "the decoder's conditional defined")
nonclaim(GM, 216, "definition", "the Gaussian decoder defined")
nonclaim(GM, 224, "definition", "the Gaussian variational family and its reparameterisation (p(eps) is written "
         "with z for eps)")
nonclaim(GM, 238, "definition", "lambda* defined as the argmax")
nonclaim(GM, 246, "no-claim", "an optimisation problem")
nonclaim(GM, 252, "definition", "the amortised ELBO defined")
nonclaim(GM, 258, "no-claim", "an optimisation problem")
nonclaim(GM, 263, "definition", "the mini-batch named", pick="\\M = \\set{\\bx^{(1)}, \\ldots, \\bx^{(m)}}")
nonclaim(GM, 264, "update", "joint gradient steps on phi and theta")
nonclaim(GM, 278, "definition", "the autoregressive model's likelihood (the chain rule as a model)",
         pick="p_\\theta(\\mathbf{x}) = \\prod_{i=1}^{N} p_\\theta(x_i \\vert \\mathbf{x}_{<i})")
nonclaim(GM, 280, "definition", "the VAE's marginal likelihood",
         pick="p_\\theta(\\mathbf{x}) = \\int p_\\theta(\\mathbf{x}, \\mathbf{z}) \\text{d}\\mathbf{z}")
nonclaim(GM, 288, "condition", "f maps R^n to R^n", pick="f: \\mathbb{R}^n \\to \\mathbb{R}^n")
nonclaim(GM, 288, "condition", "X is f(Z)", pick="X = f(Z)")
nonclaim(GM, 288, "condition", "Z is f^{-1}(X)", pick="Z = f^{-1}(X)")
label(GM, 290, "claim", "right", "numpy and mpmath: for X = A Z + b, Z ~ N(0, I_2), the formula gives the N(b, AA^T) "
      "density; for X = sinh Z it integrates to 1", "f invertible and differentiable",
      lambda: _affine_flow() and _sinh_flow())
label(GM, 302, "claim", "right", "numpy: det(inv(A)) = 1/det(A) for a random 4 x 4 matrix", "A invertible",
      _det_inverse, pick="\\text{det}(A^{-1}) = \\text{det}(A)^{-1}")
nonclaim(GM, 302, "definition", "z named as f^{-1}(x)", pick="\\mathbb{z} = f^{-1}(\\mathbb{x})")
label(GM, 304, "claim", "right", "mpmath: for X = sinh Z, p_Z(z)/|f'(z)| equals p_Z(f^{-1}(x)) |d f^{-1}/dx| at "
      "three points", "f invertible and differentiable", _sinh_flow)
nonclaim(GM, 310, "condition", "the hypothesis of a volume-preserving map")
nonclaim(GM, 315, "condition", "f_theta maps R^n to R^n", pick="f_\\theta: \\mathbb{R}^n \\to \\mathbb{R}^n")
nonclaim(GM, 315, "condition", "X is f_theta(Z)", pick="X = f_\\theta(Z)")
nonclaim(GM, 315, "condition", "Z is the inverse image", pick="Z  = f_\\theta^{-1}(X)")
label(GM, 319, "claim", "right", "numpy: the change-of-variables formula for an affine map, as at line 290",
      "f_theta invertible and differentiable", _affine_flow)
nonclaim(GM, 335, "definition", "the planar flow defined")
label(GM, 343, "claim", "right", "numpy: the determinant of the central-difference Jacobian of z + u tanh(w^T z + b) "
      "equals 1 + h'(w^T z + b) u^T w in absolute value (n = 4)", "", _planar_det)
nonclaim(GM, 347, "example", "h chosen as tanh", pick="h = \\tanh")
nonclaim(GM, 347, "condition", "the invertibility condition", pick="h'(\\mathbf{w}^\\top \\mathbf{z} + b) \\mathbf{u}^\\top \\mathbf{w} \\geq -1")
nonclaim(GM, 352, "definition", "the coupling layer's first half")
nonclaim(GM, 354, "definition", "the coupling layer's second half")
label(GM, 357, "claim", "right", "numpy: with x1 = z1, x2 = z2 + m(z1), the inverse gives back z1", "",
      _coupling_inverse)
label(GM, 359, "claim", "right", "numpy: with x1 = z1, x2 = z2 + m(z1), x2 - m(x1) = z2", "", _coupling_inverse)
nonclaim(GM, 363, "definition", "the RealNVP coupling defined")
nonclaim(GM, 375, "definition", "the first sample named", pick="S_1 = \\{\\mathbf{x} \\sim P\\}")
nonclaim(GM, 375, "definition", "the second sample named", pick="S_2 = \\{\\mathbf{x} \\sim Q\\}")
nonclaim(GM, 375, "no-claim", "the null hypothesis of the test (not asserted)", pick="P = Q")
nonclaim(GM, 377, "definition", "the training set as the first sample", pick="S_1 = \\mathcal{D} = \\{\\mathbf{x} \\sim p_{\\textrm{data}} \\}")
nonclaim(GM, 377, "definition", "the model samples as the second", pick="S_2 = \\{\\mathbf{x} \\sim p_{\\theta} \\}")
nonclaim(GM, 384, "no-claim", "the generator's goal (not asserted)", pick="p_{\\textrm{data}} = p_\\theta")
nonclaim(GM, 388, "definition", "the GAN value function V and the minimax problem")
label(GM, 395, "claim", "right", "numpy: for 20 random pairs (p_data(x), p_G(x)) the maximiser of "
      "p_data log D + p_G log(1 - D) on a grid of 20001 points is p_data/(p_data + p_G) (within 1e-4)", "",
      _optimal_discriminator)
nonclaim(GM, 401, "no-claim", "an expression (the value of V at the optimal discriminator, said in prose)")
nonclaim(GM, 407, "definition", "the Jensen-Shannon divergence defined")
label(GM, 411, "claim", "right", "numpy: JSD(p, q) = JSD(q, p) on random distributions over 6 points", "",
      _jsd_symmetric, pick="D_{\\textrm{JSD}}[p,q] = D_{\\textrm{JSD}}[q,p]")
label(GM, 411, "claim", "right", "numpy: V(G, D*_G) equals -log 4 at p_G = p_data and no random p_G does better",
      "", _optimal_generator, pick="p_G = p_{\\textrm{data}}")
nonclaim(GM, 420, "no-claim", "sampling a mini-batch")
nonclaim(GM, 421, "no-claim", "sampling noise")
nonclaim(GM, 423, "no-claim", "the mini-batch estimate of the generator's gradient, written with =")
nonclaim(GM, 427, "no-claim", "the mini-batch estimate of the discriminator's gradient, written with =")
nonclaim(GM, 438, "definition", "the f-divergence defined")
nonclaim(GM, 441, "condition", "f(1) = 0 required of f", pick="f(1) = 0")
label(GM, 445, "claim", "right", "numpy: for KL (f(u) = u log u, f*(t) = e^{t-1}) on random distributions over 5 "
      "points, E_p[T] - E_q[f*(T)] <= D_f(p, q) for 200 random T, with equality at T = 1 + log(p/q)",
      "f convex, lower semicontinuous, f(1) = 0", _fenchel_bound)
nonclaim(GM, 449, "definition", "p set to the data distribution", pick="p = p_{\\textrm{data}}")
nonclaim(GM, 449, "definition", "q set to the generator's distribution", pick="q = p_G")
nonclaim(GM, 451, "definition", "the f-GAN objective F")
nonclaim(GM, 460, "definition", "Y-hat named", pick="\\hat{Y} = G(X)")
nonclaim(GM, 460, "definition", "X-hat named", pick="\\hat{X} = F(Y)")
nonclaim(GM, 464, "no-claim", "the CycleGAN objective")


# ---------------------------------------------------------------- finding the blocks
_LIQUID = re.compile(r"\{%\s*math\s*%\}(.*?)\{%\s*endmath\s*%\}", re.DOTALL)


def _blocks(text: str):
    """(line, inner text) of every ``{% math %}`` Liquid display, ``$$...$$``, ``$...$`` and ``\\begin{env}`` outside
    dollars, code fences and HTML comments."""
    masked = re.sub(r"```.*?```|<!--.*?-->", lambda m: re.sub(r"[^\n]", " ", m.group(0)), text, flags=re.DOTALL)
    out = []
    for m in _LIQUID.finditer(masked):
        out.append((masked.count("\n", 0, m.start()) + 1, text[m.start(1):m.end(1)].strip()))
    masked = _LIQUID.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), masked)
    i = 0
    while i < len(masked):
        if masked.startswith("\\$", i):
            i += 2
        elif masked.startswith("$$", i):
            j = masked.find("$$", i + 2)
            out.append((masked.count("\n", 0, i) + 1, text[i + 2:j]))
            i = j + 2
        elif masked[i] == "$":
            j = i + 1
            while masked[j] != "$" or masked[j - 1] == "\\":
                j += 1
            out.append((masked.count("\n", 0, i) + 1, text[i + 1:j]))
            i = j + 1
        else:
            i += 1
    return out


def _latex(entry) -> str:
    """The block an entry names (:func:`check_labels.block_on_line`) among the file's blocks."""
    return block_on_line(entry, _blocks((HERE / entry["file"]).read_text(encoding="utf-8")))


def main(argv) -> int:
    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
