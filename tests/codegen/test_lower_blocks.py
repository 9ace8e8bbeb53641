"""Row blocking (codegen.lower_blocks): a function run block by block equals the same function run whole."""
import numpy as np
import pytest

from codegen.load import load_generated
from codegen.lower import lower_formula
from codegen.lower_nodes import STRIDED_OUT
from codegen.lower_printer import NumPyLowering
from codegen.module import joint_groups, lower_joint_vjp
from derivations.numeric.evaluate import sample_points
from symbolic import all_formulas, get

IMPORTS = "import numpy as np\nfrom numpy.lib.stride_tricks import sliding_window_view\n\n\n"
BLOCK_TOL = 1e-13
"""Blocked against whole, relative to the output's largest magnitude: each batch element is computed by
the same operations on the same values; a batched matrix product may block its BLAS calls differently
for another batch count (a few ulps of the terms), as in test_module's BATCH_TOL."""


def _function(fn):
    helpers = NumPyLowering.helpers_source(fn.source(), grad=False)  # a convolution's im2col GEMM
    return vars(load_generated(IMPORTS + helpers + "\n\n\n" + fn.source()))[fn.name]


def _batch(points):
    """Five batch elements (the random points in turn), so that a block of two rows leaves a remainder."""
    return {k: np.stack([np.asarray(points[b % len(points)].values[k]) * (1 + 0.1 * b) for b in range(5)])
            for k in points[0].values}


def _outputs(value):
    if isinstance(value, dict):
        return list(value.items())
    return list(enumerate(value)) if isinstance(value, tuple) else [(0, value)]


def _compare(whole_fn, blocked_fn, values, what):
    with np.errstate(all="ignore"):
        whole = whole_fn(**{k: v.copy() for k, v in values.items()})
        blocked = blocked_fn(**{k: v.copy() for k, v in values.items()})
    for (name, a), (_, b) in zip(_outputs(whole), _outputs(blocked)):
        a, b = np.asarray(a), np.asarray(b)
        assert a.shape == b.shape and a.dtype == b.dtype, (what, name, a.shape, b.shape)
        finite = np.isfinite(a)
        assert np.array_equal(finite, np.isfinite(b)), (what, name)
        scale = max(float(np.max(np.abs(a[finite]), initial=0.0)), 1e-300)
        assert np.max(np.abs(a[finite] - b[finite]), initial=0.0) <= BLOCK_TOL * scale, (what, name)


def _random_points(formula):
    points = [p for p in sample_points(formula, n_random=3 * len(formula.sizes)) if p.label.startswith("random")]
    return [p for p in points if p.sizes == points[-1].sizes]


@pytest.mark.parametrize("fid", sorted(f.id for f in all_formulas()))
def test_blocked_formula_equals_whole(fid):
    f = get(fid)
    try:
        whole, blocked = lower_formula(f, blocks=0), lower_formula(f, blocks=2)
    except NotImplementedError:
        pytest.skip("no lowering")
    values = _batch(_random_points(f))
    src = blocked.source()
    if any(len(v.shape) for v in f.variables) and "sliding_window_view(" not in src:
        assert "_rows" in src, "a function of batched inputs runs by blocks (windows are contracted whole)"
    _compare(_function(whole), _function(blocked), values, fid)


def _joint_names():
    try:
        from derivations.gradients import all_gradients
    except ImportError:  # the gradient records are optional
        return []
    return sorted(joint_groups(all_gradients()))


@pytest.mark.parametrize("name", _joint_names())
def test_blocked_joint_vjp_equals_whole(name):
    from derivations.gradients import all_gradients
    from derivations.gradients.check import vjp_formula

    members = joint_groups(all_gradients())[name]
    whole = lower_joint_vjp(name, members, blocks=0)
    blocked = lower_joint_vjp(name, members, blocks=2)
    _compare(_function(whole), _function(blocked), _batch(_random_points(vjp_formula(members[0]))), name)


@pytest.mark.parametrize("name", _joint_names())
@pytest.mark.parametrize("blocks", [0, 2])
def test_gradient_of_a_parameter_broadcast_over_the_batch_is_summed(name, blocks):
    r"""The first parameter is given once for the whole batch (no batch axes): its gradient is the sum of
    the per-sample gradients, $\bar p = \sum_b \bar p_b$, in its own shape; the others stay per sample."""
    from derivations.gradients import all_gradients
    from derivations.gradients.check import vjp_formula

    members = joint_groups(all_gradients())[name]
    fn = _function(lower_joint_vjp(name, members, blocks=blocks))
    values = _batch(_random_points(vjp_formula(members[0])))
    shared = members[0].wrt
    once = dict(values, **{shared: values[shared][0]})
    per_sample = dict(values, **{shared: np.broadcast_to(values[shared][0], values[shared].shape).copy()})
    with np.errstate(all="ignore"):
        got = fn(**once)
        want = fn(**per_sample)
    assert np.shape(got[0]) == np.shape(values[shared][0]), name
    total = np.sum(want[0], axis=0)
    scale = max(float(np.max(np.abs(total), initial=0.0)), 1e-300)
    assert np.max(np.abs(got[0] - total), initial=0.0) <= BLOCK_TOL * scale * len(want[0]), name
    for a, b in zip(got[1:], want[1:]):
        assert np.shape(a) == np.shape(b), name


def _leading_axis_contiguous(v):
    """The same values with the batch axis innermost in memory (a transposed view, as ``x.T``)."""
    v = np.asarray(v)
    return v if v.ndim < 2 else np.moveaxis(np.ascontiguousarray(np.moveaxis(v, 0, -1)), -1, 0)


@pytest.mark.parametrize("fid", sorted(f.id for f in all_formulas()))
def test_blocked_formula_on_a_transposed_batch_equals_whole(fid, monkeypatch):
    """Inputs whose leading (batch) axis is the contiguous one are blocked too (runs of adjacent
    elements); the run threshold is lowered so that the five-row test batch blocks by two rows."""
    import codegen.lower_blocks as lb

    monkeypatch.setattr(lb, "MIN_RUN_BYTES", 1)
    f = get(fid)
    try:
        whole, blocked = lower_formula(f, blocks=0), lower_formula(f, blocks=2)
    except NotImplementedError:
        pytest.skip("no lowering")
    values = {k: _leading_axis_contiguous(v) for k, v in _batch(_random_points(f)).items()}
    if any(v.ndim > 1 and v.strides[0] == v.itemsize for v in values.values()):
        assert "itemsize" in blocked.source() or "_rows" not in blocked.source(), fid
    _compare(_function(whole), _function(blocked), values, fid)


NEVER_BLOCKS = 1 << 60
"""A block size no test batch reaches: the function runs its body once, with the blocks' keywords."""


def _taking(keyword: str):
    """``(formula, blocked, whole)`` lowerings of the catalog's formulas whose blocked function takes ``keyword``."""
    for f in all_formulas():
        try:
            blocked, whole = lower_formula(f, blocks=NEVER_BLOCKS), lower_formula(f, blocks=0)
        except NotImplementedError:
            continue
        if f"{keyword}=None" in blocked.params:
            yield f, blocked, whole


def test_a_blocked_one_array_function_writes_into_the_callers_array():
    r"""Given ``_out``, a blocked one-array function's result is that array (every block's statements
    write their slice of the output: no block-sized result, no copy), with the values of the whole
    function.  Given an ``_out`` strided along its last axis instead (the output slice of a block of a
    transposed input), its passes compute into compact temporaries, kept in ``_ws`` (none a view of
    ``_out``), and the last one writes ``_out``.  Over the catalog; the normalizations and softmax must
    be among those both apply to."""
    applied, strided = set(), set()
    for f, blocked, whole in _taking("_out"):
        values = _batch(_random_points(f))
        fn = _function(blocked)
        with np.errstate(all="ignore"):
            want = _function(whole)(**values)
            buf = np.full_like(want, np.nan)
            got = fn(**values, _out=buf)
        assert got is buf, f.id
        _compare(lambda **v: want, lambda **v: got, values, f.id)
        applied.add(f.id)
        if np.ndim(want) < 2 or "_ws=None" not in blocked.params:
            continue
        buf, ws = np.asfortranarray(np.full_like(want, np.nan)), {}
        with np.errstate(all="ignore"):
            got = fn(**values, _out=buf, _ws=ws)
        assert buf.strides[-1] != buf.itemsize and got is buf, f.id
        assert ws and not any(np.shares_memory(v, buf) for v in ws.values()), f.id
        assert all(v.flags.c_contiguous or v.flags.f_contiguous for v in ws.values()), f.id
        _compare(lambda _w=want, **v: _w, lambda _g=got, **v: _g, values, f.id)
        strided.add(f.id)
    assert {"softmax", "layer_norm", "batch_norm", "attention"} <= applied
    assert {"softmax", "layer_norm", "batch_norm"} <= strided, strided


def test_temporaries_are_kept_for_the_next_block_of_the_same_shape():
    r"""Given a ``_ws`` dict, the body's allocating statements leave their arrays there and the next
    call of the same shapes writes into those same arrays (a block's pages are faulted in once), with
    the values of the whole function.  Over the catalog's VJPs and formulas with temporaries."""
    applied = set()
    for f, blocked, whole in _taking("_ws"):
        if not any("_ws.get(" in line and STRIDED_OUT not in line for line in blocked.source().splitlines()):
            continue  # its only temporary is the compact one under a strided _out (the test below)
        first, second = _batch(_random_points(f)), _batch(_random_points(f)[::-1])
        ws: dict = {}
        fn = _function(blocked)
        with np.errstate(all="ignore"):
            fn(**first, _ws=ws)
            kept = {k: id(v) for k, v in ws.items()}
            got = fn(**second, _ws=ws)
        assert kept and {k: id(v) for k, v in ws.items()} == kept, f.id
        _compare(_function(whole), lambda **v: got, second, f.id)
        applied.add(f.id)
    # (batch norm's and layer norm's forwards have no temporary: every pass writes into the output, the
    # scale of the square root being 1 on ordinary rows, see codegen.lower_unit_scale, and layer norm's
    # product with gamma moved after the scale's statements, see codegen.lower_liveness)
    assert "attention" in applied


def test_a_blocked_joint_vjp_writes_its_gradients_into_the_callers_arrays():
    r"""Given ``_out`` (a tuple: an array per gradient, None for one summed over the batch), a blocked joint
    VJP returns those arrays for the gradients its statements write in place (the others are copied
    by the caller's block loop), with the values of the whole function; a None entry allocates."""
    from derivations.gradients import all_gradients
    from derivations.gradients.check import vjp_formula

    applied = set()
    for name, members in sorted(joint_groups(all_gradients()).items()):
        blocked = lower_joint_vjp(name, members, blocks=NEVER_BLOCKS)
        if "_out=None" not in blocked.params:
            continue
        values = _batch(_random_points(vjp_formula(members[0])))
        with np.errstate(all="ignore"):
            want = _function(lower_joint_vjp(name, members, blocks=0))(**values)
            bufs = tuple(np.full_like(w, np.nan) for w in want)
            got = _function(blocked)(**values, _out=bufs)
            alone = _function(blocked)(**values, _out=(None,) * len(want))
        written = [k for k in range(len(want)) if got[k] is bufs[k]]
        _compare(lambda **v: want, lambda **v: got, values, name)
        _compare(lambda **v: want, lambda **v: alone, values, name)
        if written:
            applied.add(name)
    assert {"softmax_vjp", "layer_norm_vjp", "batch_norm_vjp"} <= applied, applied


def test_a_body_with_few_buffers_runs_larger_blocks_and_a_transposed_input_whole():
    """lower_blocks.FEW_BUFFERS: the layer norm forward allocates one array of its widest shape (its result:
    every later pass writes into it), so an input whose leading axis is outermost runs in larger blocks,
    a transposed one unblocked (FEW_BUFFERS_FACTOR's docstring); its joint VJP keeps more temporaries, keeps the
    usual size and blocks a transposed input too, as the sigmoid, whose temporaries are not its result, does."""
    from codegen.lower_blocks import FEW_BUFFERS_FACTOR
    from derivations.gradients import all_gradients

    forward = lower_formula(get("layer_norm"), blocks=2).source()
    assert f"_rows = max(1, {2 * 8 * FEW_BUFFERS_FACTOR} //" in forward
    assert "x.strides[0] == x.itemsize and _rows" not in forward
    helpers = NumPyLowering.helpers_source(forward, grad=False)  # the unit scale's _sums_safe
    one = vars(load_generated(IMPORTS + helpers + "\n\n\n" + forward))["layer_norm"]  # one sample, no batch axis: not blocked
    x = np.arange(4.0)
    assert np.allclose(one(x=x, gamma=np.ones(4), beta=np.zeros(4), epsilon=0.0), (x - x.mean()) / x.std())
    scalar = lower_formula(get("sigmoid"), blocks=2)  # scalar inputs: a 0-d array has no strides[0] to read
    assert f"{2 * 8 * FEW_BUFFERS_FACTOR} if" in scalar.source() and "x.strides[0] == x.itemsize and _rows" in \
        scalar.source()
    assert np.isclose(_function(scalar)(**{v.name: np.asarray(0.0) for v in get("sigmoid").variables}), 0.5)
    backward = lower_joint_vjp("layer_norm_vjp", joint_groups(all_gradients())["layer_norm_vjp"], blocks=2).source()
    assert "_rows = max(1, 16 //" in backward and "x.strides[0] == x.itemsize and _rows" in backward


def test_a_float32_sum_of_squares_over_a_strided_axis_is_summed_in_chunks():
    r"""lower_nodes.strided_row_dot: over a strided last axis (a block of a transposed input, 256 features x a batch
    of 1024, as batch normalization's variance) BLAS's matrix-vector product adds each row's terms in order; summed in
    chunks (one more level of pairwise summation) the float32 sums of squares of standard normal terms err at most
    2 eps relative (measured 1.2 eps; one product over the whole axis 3.6 eps), an eps being float32's 2^-23; the
    float64 truth is NumPy's sum of the same terms in float64."""
    from codegen.lower_nodes import strided_row_dot

    src = "def dot(u, v):\n    return " + strided_row_dot("u", "v", "np.einsum('...a,...a->...', u, v)") + "\n"
    dot = vars(load_generated(IMPORTS + NumPyLowering.helpers_source(src, grad=False) + "\n\n\n" + src))["dot"]
    a = np.random.default_rng(0).standard_normal((256, 1024)).astype(np.float32)
    u = np.asfortranarray(a)
    got = dot(u, u)
    want = np.sum(a.astype(np.float64) ** 2, axis=-1)
    assert got.dtype == np.float32 and got.shape == (256,)
    assert np.max(np.abs(got - want) / want) <= 2 * np.finfo(np.float32).eps
