"""Blocks over a summed axis (codegen.lower_row_sum): a mean over rows computed block by block equals it whole."""
import numpy as np
import pytest
import sympy as sp

from codegen.lower import Input, Target, lower_formula
from codegen.lower_printer import NumPyLowering
from codegen.lower_row_sum import summed_rows
from codegen.load import load_generated
from derivations.numeric.evaluate import sample_points
from symbolic import all_formulas, get

IMPORTS = "import numpy as np\nfrom numpy.lib.stride_tricks import sliding_window_view\n\n\n"
SUM_TOL = 1e-13
"""Blocked against whole, relative to the sum of the magnitudes of the per-row terms (bounded here by
the output's magnitude times the row count): the same terms are added in another order (blocks of
rows, then the blocks), each order within a few ulps of the terms."""


def _helpers(source: str) -> str:
    helpers = NumPyLowering.helpers_source(source, grad=False)  # e.g. a shifted body's _exp_base2
    return helpers + "\n\n\n" if helpers else ""


def _inputs(f):
    return tuple(Input(str(v.name), v.symbol, tuple(v.shape)) for v in f.variables) \
        if all(hasattr(v, "symbol") for v in f.variables) else None


def _random_points(formula):
    points = [p for p in sample_points(formula, n_random=3 * len(formula.sizes)) if p.label.startswith("random")]
    return [p for p in points if p.sizes == points[-1].sizes]


def test_blocked_over_summed_rows_equals_whole():
    """Every catalog formula whose output is summed over rows: blocked equals whole (one test, so that the
    formulas it does not apply to are not reported as skips)."""
    applied = []
    for f in all_formulas():
        try:
            whole, blocked = lower_formula(f, blocks=0), lower_formula(f, blocks=2)
        except NotImplementedError:
            continue
        if "_n_rows" not in blocked.source():
            continue
        applied.append(f.id)
        fw = vars(load_generated(IMPORTS + _helpers(whole.source()) + whole.source()))[whole.name]
        fb = vars(load_generated(IMPORTS + _helpers(blocked.source()) + blocked.source()))[blocked.name]
        for point in _random_points(f):
            with np.errstate(all="ignore"):
                a = np.asarray(fw(**{k: np.asarray(v).copy() for k, v in point.values.items()}))
                b = np.asarray(fb(**{k: np.asarray(v).copy() for k, v in point.values.items()}))
            rows = max(np.shape(v)[0] for v in point.values.values() if np.ndim(v))
            assert a.shape == b.shape and a.dtype == b.dtype, f.id
            assert np.all(np.abs(a - b) <= SUM_TOL * rows * max(float(np.max(np.abs(a))), 1e-300)), (f.id, a, b)
    assert {"cross_entropy", "softmax_cross_entropy", "mse"} <= set(applied), applied


def test_cross_entropy_from_logits_is_a_mean_over_rows():
    r"""The catalog's softmax cross-entropy is $-\frac1n \sum_i \dots$ with y and z read at row i."""
    f = get("softmax_cross_entropy")
    lowered = lower_formula(f, blocks=2).source()
    assert "_n_rows" in lowered


def test_a_row_read_at_another_row_or_an_n_in_the_body_is_not_blocked():
    n, K = sp.symbols("n K", integer=True, positive=True)
    i, k = sp.symbols("i k", integer=True, nonnegative=True)
    x = sp.IndexedBase("x", real=True)
    inputs = (Input("x", x, (n, K)),)
    ok = Target("s", sp.Sum(x[i, k] ** 2, (i, 0, n - 1), (k, 0, K - 1)) / n)
    assert summed_rows([ok], inputs) is not None
    shifted = Target("s", sp.Sum(x[n - 1 - i, k] * x[i, k], (i, 0, n - 1), (k, 0, K - 1)) / n)
    assert summed_rows([shifted], inputs) is None
    uses_i = Target("s", sp.Sum(x[i, k] * i, (i, 0, n - 1), (k, 0, K - 1)))
    assert summed_rows([uses_i], inputs)[0] == K  # blocks of columns k are still a partition of the sum
    uses_n = Target("s", sp.Sum(x[i, k] * n, (i, 0, n - 1), (k, 0, K - 1)))
    assert summed_rows([uses_n], inputs)[0] == K
    squared_mean = Target("s", sp.Sum(x[i, k], (i, 0, n - 1), (k, 0, K - 1)) / n ** 2)
    assert summed_rows([squared_mean], inputs) is None
