r"""A sum keeps its conditions, and a sum written with two index names is one sum (issue 13, held-out misses).

* sympy's constructor of a ``Sum`` folds a ``Piecewise`` of an inner sum out of it when the condition reads the outer
  index too, leaving the inner index free: $\sum_i x_i \sum_j [x_j > x_i]\,x_j$ must stay as written
  (:mod:`symbolic.sum_fold`); the costly candidates of a distillation loss's VJP (``mean_from_top``'s top selection,
  ``logsumexp_log1p``'s $[h_j < 0]$ inside a suffix sum) were built that way and failed to lower;
* $\sum_i e^{t_i}$ and $\sum_j e^{t_j}$ are the same sum (:func:`codegen.define.one_name_per_closed_sum`): the
  distillation loss's gradient in $s$ is then a difference of two softmaxes, which ``softmax_difference`` keeps
  accurate at a temperature of $10^{300}$ (it was 1.0 off there).
"""
from __future__ import annotations

import numpy as np
import sympy as sp

from codegen.define import build, derive_gradients
from codegen.define_module import compile_exprs
from codegen.define_search import WITH_COSTLY, _stabilized
from codegen.rules import stabilize
from readers.definition import read_definitions

DISTILL = (r"$$ \mathrm{DistillCE}(s, t) = -\tau^{2} \sum_{i=1}^{n} \frac{e^{t_i / \tau}}{\sum_{j=1}^{n} e^{t_j / \tau}}"
           r" \log\frac{e^{s_i / \tau}}{\sum_{j=1}^{n} e^{s_j / \tau}} $$")


def test_an_inner_condition_stays_in_its_sum():
    i, j = sp.symbols("i j", integer=True)
    n, x = sp.Symbol("n", integer=True, positive=True), sp.IndexedBase("x")
    inner = sp.Sum(sp.Piecewise((x[j], x[j] > x[i]), (0, True)), (j, 0, n - 1))
    outer = sp.Sum(x[i] * inner, (i, 0, n - 1))
    assert j not in outer.free_symbols and i not in outer.free_symbols  # both stay bound
    assert outer.subs(n, 3).doit().subs({x[0]: 1, x[1]: 3, x[2]: 2}) == 1 * (3 + 2) + 3 * 0 + 2 * 3


def test_distillation_gradient_is_a_softmax_difference_accurate_at_a_huge_temperature():
    (f,) = build(read_definitions(DISTILL))
    derive_gradients(f)
    exprs, fired = _stabilized([e for _, e, _ in f.gradients], WITH_COSTLY)
    assert "softmax_difference" in fired
    _, module = compile_exprs(f, stabilize(f.expr)[0], exprs, True)
    s, t, tau = np.array([2.6, 0.3, 2.5, -1.0]), np.array([1.6, 1.5, 0.3, -2.0]), 1e300
    ds, _ = module.distillce_vjp(s, t, 1.0, tau=tau)
    # as tau -> oo, tau (softmax(s/tau) - softmax(t/tau)) -> ((s - mean s) - (t - mean t)) / n, to O(1/tau)
    want = ((s - s.mean()) - (t - t.mean())) / len(s)
    np.testing.assert_allclose(ds, want, rtol=1e-14)  # the limit is exact to 1e-300; rounding of 4 terms only
