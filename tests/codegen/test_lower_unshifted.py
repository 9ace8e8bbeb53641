"""Exponentials without their max-shift (codegen.lower_unshifted): taken only for the shifts the rules wrote, the
shifted code where the unshifted one could over- or underflow, the catalog still verified against mpmath; and
float32 code that never widens a full array to float64 (read from the lowered statements)."""
import ast
import warnings

import mpmath
import numpy as np
import pytest
import sympy as sp

from codegen.load import load_generated
from codegen.lower_printer import NumPyLowering
from codegen.lower import Input, Target, lower_formula, lower_function
from codegen.lower_unshifted import GUARD_NAME, ExpShift, bounded_by_guards, unshifted
from codegen.module import certify_formula, joint_groups, lower_joint_vjp
from codegen.rules import RULES
from codegen.rules import stabilize
from derivations.gradients import all_gradients
from symbolic import all_formulas
from symbolic.functions import ReduceMax

IMPORTS = "import numpy as np\nfrom numpy.lib.stride_tricks import sliding_window_view\n\n\n"
K = sp.Symbol("K", integer=True, positive=True)
i, j, t = sp.symbols("i j t", integer=True)
z, g = sp.IndexedBase("z", real=True), sp.IndexedBase("g", real=True)
ULPS = 8
"""Of float64, relative to the largest |truth| of the row: exp, a sum and a division (unshifted), or the shifted
form's rounding of z - max before the exponential, |z - max| eps / 2 for logits within a few tens."""


def _function(fn):
    helpers = NumPyLowering.helpers_source(fn.source(), grad=False)  # e.g. attention's _matmul_halves
    return vars(load_generated(IMPORTS + (helpers + "\n\n\n" if helpers else "") + fn.source()))[fn.name]


def _softmax(name="softmax"):
    expr, _ = stabilize(sp.exp(z[i]) / sp.Sum(sp.exp(z[j]), (j, 0, K - 1)))
    return lower_function(name, (Input("z", z, (K,)),), (Target("p", expr, ((i, 0, K - 1),)),), (K,))


def _truth(row):
    with mpmath.workdps(40):
        s = mpmath.fsum(mpmath.exp(mpmath.mpf(float(v))) for v in row)
        return np.array([float(mpmath.exp(mpmath.mpf(float(v))) / s) for v in row])


def test_only_the_shifts_the_rules_wrote_are_dropped():
    """The rules' shift is an ExpShift and drops (the sum S is the guard); a maximum the formula itself takes (a
    ReduceMax) stays; so does a shift under a test (mean_from_top's h_i >= 0 picks the top index)."""
    expr, _ = stabilize(sp.exp(z[i]) / sp.Sum(sp.exp(z[j]), (j, 0, K - 1)))
    assert expr.has(ExpShift)
    fast, sums = unshifted([expr])
    assert not fast[0].has(ReduceMax) and sums == [sp.Sum(sp.exp(z[j]), (j, 0, K - 1))]
    own = ReduceMax(z[t], (t, 0, K - 1))
    assert unshifted([sp.exp(z[i] - own) / sp.Sum(sp.exp(z[j] - own), (j, 0, K - 1))]) is None
    m = ExpShift(z[t], (t, 0, K - 1))
    top = sp.Piecewise((g[i], z[i] - m >= 0), (0, True)) * sp.exp(z[i] - m) / sp.Sum(sp.exp(z[j] - m), (j, 0, K - 1))
    assert unshifted([top]) is None
    alone = sp.exp(2 * (z[i] - m)) / sp.Sum(sp.exp(z[j] - m), (j, 0, K - 1))  # not a term of the sum: unbounded
    assert unshifted([alone]) is None


def test_ordinary_logits_skip_the_maximum_and_extreme_ones_take_it():
    """On ordinary logits the maximum is never computed (spied on); logits of +-1e4, rows whose maximum is
    negative (S < 1) or large (S beyond sqrt(max)) take the shifted code: every row within ULPS of mpmath, no inf
    or nan, no floating-point warning."""
    f = _function(_softmax())
    rng = np.random.default_rng(0)
    ordinary = rng.standard_normal((4, 7)) * 3
    calls = []
    real = np.max

    def spy(*a, **k):
        calls.append(1)
        return real(*a, **k)

    np.max = spy
    try:
        out = f(ordinary)
        assert not calls
        for x in (np.array([[1e4, -1e4, 0.0], [1.0, 2.0, 3.0]]), -np.abs(ordinary) - 50, ordinary + 400):
            calls.clear()
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                got = f(x)
            assert calls and np.all(np.isfinite(got))
            for r in range(len(x)):
                truth = _truth(x[r])
                assert np.max(np.abs(got[r] - truth)) <= ULPS * 2.2e-16 * np.max(truth) * max(1, np.ptp(x[r]) / 8)
    finally:
        np.max = real
    for r in range(len(ordinary)):
        assert np.max(np.abs(out[r] - _truth(ordinary[r]))) <= ULPS * 2.2e-16 * np.max(_truth(ordinary[r]))


def test_a_quotient_of_a_term_by_its_sum_needs_no_output_test():
    r"""$e^{z_k}/S$ with $e^{z_k}$ a term of the guarded $S$ (same row, same range) is at most 1: no pass over the
    output (the softmax's unshifted branch has no isfinite); another factor, a second exponential, a range
    beyond the sum's or a positive power of $S$ keeps the test.  Near the guard's edge ($S$ just under
    $\sqrt{\mathrm{max}}$) the unshifted branch is taken (no maximum) and is finite and within ULPS of mpmath."""
    n = sp.Symbol("n", integer=True, positive=True)
    s = sp.Sum(sp.exp(z[j]), (j, 0, K - 1))
    assert bounded_by_guards(sp.exp(z[i]) / s, [s], ((i, 0, K - 1),))
    assert bounded_by_guards(sp.exp(z[i]) / s ** 2, [s], ((i, 0, K - 1),))
    assert not bounded_by_guards(sp.exp(z[i]) / s, [s], ((i, 0, K),))  # k = K is no term of S
    assert not bounded_by_guards(g[i] * sp.exp(z[i]) / s, [s], ((i, 0, K - 1),))
    assert not bounded_by_guards(sp.exp(2 * z[i]) / s, [s], ((i, 0, K - 1),))
    assert not bounded_by_guards(sp.exp(z[i]) * s, [s], ((i, 0, K - 1),))
    assert not bounded_by_guards(sp.exp(z[i]) / s + 1, [s], ((i, 0, K - 1),))
    rows = sp.Sum(sp.exp(z[t, j]), (j, 0, K - 1))
    assert bounded_by_guards(sp.exp(z[t, i]) / rows, [rows], ((t, 0, n - 1), (i, 0, K - 1)))
    assert not bounded_by_guards(sp.exp(z[i, i]) / rows, [rows], ((i, 0, K - 1),))  # not the same row
    fn = _softmax()
    fast = fn.source().split(f"if {GUARD_NAME}:")[1].split("np.max(")[0]
    assert "return" in fast and "isfinite" not in fast
    from symbolic import get
    assert "isfinite" in lower_formula(get("attention"), blocks=0).source()  # sum_j p_ij V_jd: tested
    f = _function(fn)
    calls = []
    real = np.max

    def spy(*a, **k):
        calls.append(1)
        return real(*a, **k)

    edge = np.array([[353.0, 352.0, 0.0], [-1.0, 0.0, 1.0]])  # S = 2.5e153 <= sqrt(max) = 1.3e154
    np.max = spy
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            got = f(edge)
    finally:
        np.max = real
    assert not calls and np.all(np.isfinite(got))
    for r in range(len(edge)):
        assert np.max(np.abs(got[r] - _truth(edge[r]))) <= ULPS * 2.2e-16 * np.max(_truth(edge[r]))


def test_an_overflow_elsewhere_takes_the_shifted_code():
    r"""Attention $\sum_j p_{ij} V_{jd}$ with $V \sim 10^{300}$ and scores near 300: unshifted, $e^{s_{ij}} V_{jd}$
    overflows (S itself is in range); the output test sends the call to the shifted code, which is finite and
    equals the closed form."""
    from symbolic import get

    fn = lower_formula(get("attention"), blocks=0)
    assert GUARD_NAME in fn.source()
    f = _function(fn)
    q = np.array([[[10.0, 0.0], [0.0, 0.0]]])
    k = np.array([[[30.0 * np.sqrt(2), 0.0], [29.0 * np.sqrt(2), 1.0], [0.0, 0.0]]])  # scores 300, 290, 0
    v = np.array([[[1e300, -1e300], [5e299, 1e299], [1e299, 2e299]]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got = f(q, k, v)
    s = q @ np.swapaxes(k, -1, -2) / np.sqrt(2)
    p = np.exp(s - s.max(-1, keepdims=True))
    want = (p / p.sum(-1, keepdims=True)) @ v
    assert np.all(np.isfinite(got))
    np.testing.assert_allclose(got, want, rtol=1e-13)


def test_weighted_means_that_cancel_keep_the_shift():
    r"""$g_k - \sum_i g_i p_i$ (the softmax VJP) where one weight dominates: shifted, the top weight is exactly 1 and
    the top term cancels exactly; unshifted it would be $e^{f}$ rounded (attention's dQ at scores 92, -7: 2.6e-14
    where the truth is 1e-38).  Log-space forms ($z_k - \log S$) cancel likewise: both keep the shift."""
    m = ExpShift(z[t], (t, 0, K - 1))
    s = sp.Sum(sp.exp(z[j] - m), (j, 0, K - 1))
    vjp = sp.exp(z[i] - m) / s * (g[i] - sp.Sum(g[j] * sp.exp(z[j] - m), (j, 0, K - 1)) / s)
    assert unshifted([vjp]) is None
    assert unshifted([z[i] - m - sp.log(s)]) is None
    assert unshifted([m + sp.log(s)]) is None
    assert unshifted([sp.exp(z[i] - m) / s - g[i]]) is not None  # p - y (the cross-entropy VJP): no weighted mean


def _guarded_formulas():
    for f in all_formulas():
        try:
            lowered = lower_formula(f)
        except NotImplementedError:
            continue
        if GUARD_NAME in lowered.source():
            yield f, lowered


def test_catalog_formulas_with_an_unshifted_body_stay_verified():
    """Every catalog formula whose lowering holds an unshifted body is verified by the certificate (random points
    and every domain edge against mpmath, float32 included), with a float32 error no larger than float32's
    rounding of the inputs allows (the certificate's own tolerance)."""
    applied = []
    for f, lowered in _guarded_formulas():
        row = certify_formula(f, _function(lowered))
        assert row["verdict"] == "verified", row
        applied.append(f.id)
    assert {"softmax", "attention"} <= set(applied), applied


# ** float32 computed in float32 **

def _widened(tree) -> list[str]:
    r"""Code of every ``x.astype(np.float64)``, ``np.asarray(x, dtype=np.float64)``, ``f(..., dtype=np.float64)``
    whose array ``x`` is not a reduced value: a row dot's result (``np.matmul(u[..., None, :], v[..., :, None])[..., 0, 0]``),
    a block's partial result (``_part``), or a number."""
    def is_f64(node):
        return isinstance(node, ast.Attribute) and node.attr == "float64"

    def reduced(node):
        if isinstance(node, ast.Constant) or (isinstance(node, ast.Name) and node.id == "_part"):
            return True
        if isinstance(node, ast.Subscript):  # [..., 0, 0]: one number per row of a row dot
            return ast.unparse(node.slice).strip("()").endswith("0, 0")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "astype":
            return reduced(node.func.value)
        return False

    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        wide = any(k.arg == "dtype" and is_f64(k.value) for k in node.keywords)
        if isinstance(node.func, ast.Attribute) and node.func.attr == "astype" and node.args and is_f64(node.args[0]):
            if not reduced(node.func.value):
                found.append(ast.unparse(node))
            continue
        if wide and node.args and not reduced(node.args[0]):
            found.append(ast.unparse(node))
    return found


def _lowerings():
    for f in all_formulas():
        try:
            yield f.id, lower_formula(f)
        except NotImplementedError:
            continue
    for name, members in sorted(joint_groups(all_gradients()).items()):
        try:
            yield name, lower_joint_vjp(name, members)
        except NotImplementedError:
            continue


def test_the_widening_check_sees_a_full_array_widened():
    tree = ast.parse("def f(x):\n    y = np.sum(x.astype(np.float64), axis=-1)\n"
                     "    w = np.asarray(x, dtype=np.float64)\n"
                     "    v = np.sum(np.matmul(x[..., None, :], x[..., :, None])[..., 0, 0], axis=(-1,), dtype=np.float64)\n")
    assert sorted(_widened(tree)) == ["np.asarray(x, dtype=np.float64)", "x.astype(np.float64)"]


@pytest.mark.parametrize("precision", ["fast"])
def test_fast_code_widens_only_reduced_values(precision):
    """In the 'fast' precision (float32 computed in float32) no statement of a catalog function or joint VJP
    converts a full-size array to float64: only per-row results of a reduction (row dots summed over a batch of
    rows, a loss's partial sums over row blocks) are added in float64 and rounded once."""
    seen = 0
    for name, fn in _lowerings():
        src = fn.source()
        assert "dtype=np.float64)" not in src.split("\n", 1)[0]
        assert _widened(ast.parse(src)) == [], name
        seen += 1
    assert seen > 50
