r"""Sums whose range depends on another index (issue 13, held-out rounds three and four): read, sized, derived and
lowered as written, checked against plain NumPy written from the textbook (cumulative sums, loops over pairs).

* the 1-based notes' inner bound moves with the outer index when both are shifted to 0-based
  ($\sum_{i=1}^{n}\sum_{j=i+1}^{n}$ is $0 \le i < j \le n-1$, not $j \ge i$);
* the generated forward and VJP of a cumulative sum (Wasserstein-1 on a line), of pairs counted once (RankNet) and
  of suffix log-sum-exps (ListMLE) equal the reference within ``RTOL``; the VJP's reference is the textbook gradient
  (a reversed cumulative sum; the pair loop's own derivative; softmaxes of suffixes).
"""
from __future__ import annotations

import numpy as np
import pytest

from codegen.define import build, derive_gradients
from codegen.define_module import compile_function
from readers.definition import read_definitions

RTOL = 1e-12
"""Sums of at most 7 terms of size O(1) and their logs: a few ulps each; 1e-12 leaves room for the order of
summation, and a term off by one index is off by O(1)."""


def _wasserstein(p, q):
    c = np.cumsum(p - q)
    tail = np.cumsum(np.sign(c)[::-1])[::-1]  # d/dp_m = sum_{k >= m} sign(c_k)
    return np.abs(c).sum(), (tail, -tail)


def _ranknet(s):
    n, value, grad = len(s), 0.0, np.zeros_like(s)
    for i in range(n):
        for j in range(i + 1, n):
            d = s[i] - s[j]
            value += np.logaddexp(0.0, -d)
            w = -1.0 / (1.0 + np.exp(d))  # d/dd log(1 + e^{-d})
            grad[i] += w
            grad[j] -= w
    return value, (grad,)


def _listmle(s):
    n = len(s)
    value = sum(np.logaddexp.reduce(s[i:]) - s[i] for i in range(n))
    grad = -np.ones_like(s)
    for i in range(n):
        grad[i:] += np.exp(s[i:] - np.logaddexp.reduce(s[i:]))
    return value, (grad,)


def _decoupled(s):  # -s_1 + log sum_{j >= 2} e^{s_j}: the positive out of the denominator
    tail = np.exp(s[1:] - np.logaddexp.reduce(s[1:]))
    return -s[0] + np.logaddexp.reduce(s[1:]), (np.concatenate([[-1.0], tail]),)


def _total_variation(x):  # sum_{j >= 2} (x_j - x_{j-1})^2
    d = np.diff(x)
    grad = np.zeros_like(x)
    grad[1:] += 2 * d
    grad[:-1] -= 2 * d
    return (d ** 2).sum(), (grad,)


CASES = [
    (r"\mathrm{WassersteinOneD}(p, q) = \sum_{k=1}^{n} \left| \sum_{i=1}^{k} (p_i - q_i) \right|", 2, _wasserstein),
    (r"\mathrm{RankNet}(s) = \sum_{i=1}^{n}\sum_{j=i+1}^{n}\log\left(1 + e^{-(s_i - s_j)}\right)", 1, _ranknet),
    (r"\mathrm{ListMLE}(s) = \sum_{i=1}^{n}\left(\log\sum_{j=i}^{n} e^{s_j} - s_i\right)", 1, _listmle),
    # a sum that starts above the first entry reads the array to its n-th entry: n entries, not the n - 1 terms
    (r"\mathrm{DCL}(s) = -s_1 + \log\sum_{j=2}^{n} e^{s_j}", 1, _decoupled),
    (r"\mathrm{TV}(x) = \sum_{k=2}^{n}\left(x_k - x_{k-1}\right)^{2}", 1, _total_variation),
]


@pytest.mark.parametrize("latex, arity, reference", CASES, ids=[c[0].split("}")[0][8:] for c in CASES])
def test_dependent_ranges_match_the_textbook(latex, arity, reference):
    (f,) = build(read_definitions(f"$$ {latex} $$"))
    assert all(p.shape == (f.sizes[0],) for p in f.params)  # every array has n entries, not k + 1
    derive_gradients(f)
    assert f.derivation == "reverse mode"
    _, module = compile_function(f, True)
    rng = np.random.default_rng(11)
    for _ in range(3):
        args = [rng.normal(size=7) for _ in range(arity)]
        value, grads = reference(*args)
        got = getattr(module, f.name)(*args)
        np.testing.assert_allclose(got, value, rtol=RTOL)
        for d, want in zip(getattr(module, f.name + "_vjp")(*args, np.float64(1.0)), grads):
            np.testing.assert_allclose(d, want, rtol=RTOL, atol=RTOL)
