"""Cached sums give the plain ``lambdify``'s values to the bit, and are recomputed after ``reset``."""
import itertools

import mpmath
import numpy as np
import pytest
import sympy as sp
from sympy.printing.pycode import MpmathPrinter

from derivations.gradients.check import LAMBDIFY_SETTINGS
from derivations.numeric.memoized import MemoizedFunction
from derivations.numeric.printers import FormularyNumPyPrinter
from symbolic.functions import ReduceMax

x, g = sp.IndexedBase("x", real=True), sp.IndexedBase("g", real=True)
i, j, k, n = sp.symbols("i j k n", integer=True)
K = sp.Symbol("K", integer=True, positive=True)

EXPRESSIONS = {
    # the denominator does not depend on i; the inner sum over k does depend on j
    "softmax_like": sp.exp(x[i]) / sp.Sum(sp.exp(x[j]), (j, 0, K - 1)),
    "nested": sp.Sum(g[j] * (x[j] - sp.Sum(x[k] * x[j], (k, 0, K - 1)) / K), (j, 0, K - 1)) * x[i],
    # the inner sum's bound and body depend on the output index i, and it appears twice
    "index_dependent": sp.Sum(x[j] * i, (j, 0, i)) ** 2 + sp.Sum(x[j] * i, (j, 0, i)),
    # an index named as an input (the size K) shadows it inside: the inner sum depends on the loop's K
    "shadowing": sp.Sum(x[0] * sp.Sum(sp.Symbol("K", integer=True) * x[k], (k, 0, 0)),
                        (sp.Symbol("K", integer=True), 0, 2)) * x[i],
    "sum_in_limit": sp.Sum(x[j], (j, 0, i)) * sp.Sum(sp.Sum(x[k] * x[n], (k, 0, n)), (n, 0, K - 1)),
}


@pytest.mark.parametrize("name", sorted(EXPRESSIONS))
def test_same_bits_as_plain_lambdify(name):
    expr = EXPRESSIONS[name]
    fixed, indices = [x, g, K], [i]
    plain = sp.lambdify(fixed + indices, expr, "mpmath")
    memo = MemoizedFunction(fixed, indices, expr, MpmathPrinter, LAMBDIFY_SETTINGS)
    rng = np.random.default_rng(0)
    for size, dps in itertools.product((1, 4), (30, 80)):
        with mpmath.workdps(dps):
            xs = [mpmath.mpf(float(v)) for v in rng.standard_normal(size)]
            gs = [mpmath.mpf(float(v)) for v in rng.standard_normal(size)]
            memo.reset()
            got = [memo(np.array(xs, dtype=object), np.array(gs, dtype=object), size, q) for q in range(size)]
            want = [plain(np.array(xs, dtype=object), np.array(gs, dtype=object), size, q) for q in range(size)]
            assert got == want  # exact: the same operations in the same order


def test_reset_forgets_previous_inputs():
    expr = EXPRESSIONS["softmax_like"]
    memo = MemoizedFunction([x, g, K], [i], expr, MpmathPrinter, LAMBDIFY_SETTINGS)
    a = np.array([mpmath.mpf(1), mpmath.mpf(2)], dtype=object)
    b = np.array([mpmath.mpf(3), mpmath.mpf(-1)], dtype=object)
    memo.reset()
    first = memo(a, a, 2, 0)
    memo.reset()
    second = memo(b, b, 2, 0)
    assert first != second
    assert second == sp.lambdify([x, g, K, i], expr, "mpmath")(b, b, 2, 0)


def test_numpy_printer_with_max_shift():
    r"""The verifier's float64 path: $e^{x_i - m} / \sum_j e^{x_j - m}$, $m = \max_k x_k$ inside every term."""
    m = ReduceMax(x[k], (k, 0, K - 1))
    expr = sp.exp(x[i] - m) / sp.Sum(sp.exp(x[j] - m) * g[j], (j, 0, K - 1)) + sp.Product(x[j], (j, 0, i))
    fixed = [x, g, K]
    plain = sp.lambdify(fixed + [i], expr, modules="numpy", printer=FormularyNumPyPrinter)
    memo = MemoizedFunction(fixed, [i], expr, FormularyNumPyPrinter, {}, modules="numpy")
    rng = np.random.default_rng(1)
    for size in (1, 5):
        xs, gs = rng.standard_normal(size) * 30, rng.standard_normal(size)
        memo.reset()
        assert [memo(xs, gs, size, q) for q in range(size)] == [plain(xs, gs, size, q) for q in range(size)]


def test_free_symbols_as_sympy_reads_them():
    """The cache keys: every subexpression of every catalog output has sympy's free symbols."""
    from derivations.numeric.memoized import _free
    from symbolic import all_formulas

    memo: dict = {}
    for f in all_formulas():
        for o in f.outputs:
            for node in sp.preorder_traversal(f.expanded(o)):
                assert _free(node, memo) == {s for s in node.free_symbols if isinstance(s, sp.Symbol)}, node
