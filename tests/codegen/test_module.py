"""The written module: imported from disk, checked against the references and mpmath, batched, linted."""
import ast
import hashlib
import importlib.util
import math
import os
import shutil
import subprocess
import sys

import mpmath
import numpy as np
import pytest

from codegen.lower_printer import NumPyLowering
from codegen.module import generate_all, write_module
from derivations.numeric.verify import DPS, call_reference, rel_errors
from symbolic import all_formulas, get
from derivations.numeric.evaluate import Evaluator, output_shape, sample_points

N_RANDOM = 4
"""Random points per formula in the tests (plus every domain edge point): the certificate uses more."""
REFERENCE_FACTOR = 4.0
r"""Generated code may err by the record's tolerance, or by at most 4 times the hand-written reference.

The record's tolerance (``REL_TOL`` = 1e-10, justified in ``symbolic.record``) bounds errors caused by
conditioning at edge points.  At an ill-conditioned point (svm_decision's score cancelling to 3e-3 from
terms of 1e4, condition ~1e7) any float64 code errs by about cond * u; which summation order errs more
is chance (measured: 2.4 times the reference at one point, 0.75 times at another), hence a factor 4."""
BATCH_TOL = 1e-13
"""Batched against one-at-a-time evaluation, relative to the output's largest magnitude: the same
operations in another order (BLAS blocking of a batched matrix product), a few ulps of the terms."""
BACKWARD_TOL = 1e-13
r"""Generated VJPs against the hand-written backward at random points, relative to the closed form's
magnitude ($|\cdot|$ pushed through sums): two float64 evaluations in different orders, each within
about $10^2 u$ of it (attention's sums of up to 4 x 4 products)."""
GRADIENT_TOL = 1e-13
r"""Generated VJPs against the closed form in mpmath, relative to the closed form's magnitude
($|\cdot|$ pushed through sums): about $10^3 u$, room for attention's sums of up to 4 x 4 products."""


def _import(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


pytestmark = pytest.mark.xdist_group("codegen_written_module")
"""The module's tests run in one xdist worker (``--dist loadgroup``): the written module (``written``, 10-15 s of
CPU for the whole catalog) is then generated once, not once per worker."""


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    text = generate_all(True)
    path = tmp_path_factory.mktemp("codegen") / "formulary_kernels.py"
    path.write_text(text)
    return path, text, _import(path, "formulary_kernels")


def _call(fn, values):
    with np.errstate(all="ignore"):
        return fn(**{k: np.array(v, copy=True) for k, v in values.items()})


@pytest.mark.parametrize("fid", sorted(f.id for f in all_formulas()))
def test_generated_function_against_reference_and_mpmath(written, fid):
    _, _, module = written
    f = get(fid)
    fn = getattr(module, fid)
    ev = Evaluator(f)
    gen_worst = ref_worst = 0.0
    for point in sample_points(f, n_random=N_RANDOM, evaluator=ev):
        got = _call(fn, point.values)
        got = got if isinstance(got, dict) else {f.outputs[0].name: got}
        ref = call_reference(f, point)
        truth = ev.mpmath(point, DPS)
        for o in f.outputs:
            mine = np.asarray(got[o.name], dtype=float)
            assert mine.shape == output_shape(o, point.sizes), (o.name, point.label)
            gen_worst = max(gen_worst, float(np.max(rel_errors(mine, truth[o.name], f.error_scale)[0], initial=0)))
            ref_worst = max(ref_worst, float(np.max(rel_errors(ref[o.name], truth[o.name], f.error_scale)[0],
                                                    initial=0)))
    assert gen_worst <= max(f.tolerance, REFERENCE_FACTOR * ref_worst), (gen_worst, ref_worst)


def _stack(points):
    return {k: np.stack([p.values[k] for p in points]) for k in points[0].values}


@pytest.mark.parametrize("fid", sorted(f.id for f in all_formulas()))
def test_batched_inputs_match_one_at_a_time(written, fid):
    _, _, module = written
    f = get(fid)
    fn = getattr(module, fid)
    points = sample_points(f, n_random=3 * len(f.sizes))
    case = [p for p in points if p.sizes == points[0].sizes and p.label.startswith("random")]
    batched = _call(fn, _stack(case))
    for b, point in enumerate(case):
        single = _call(fn, point.values)
        pairs = batched.items() if isinstance(batched, dict) else [(None, batched)]
        for name, value in pairs:
            one = np.asarray(single[name] if name else single, dtype=float)
            scale = max(float(np.max(np.abs(one), initial=0.0)), 1e-300)
            assert np.max(np.abs(np.asarray(value)[b] - one), initial=0.0) <= BATCH_TOL * scale, (name, b)


def _gradient_ids():
    try:
        from derivations.gradients import all_gradients
    except ImportError:  # the gradient records are optional
        return []
    return sorted(g.id for g in all_gradients())


@pytest.mark.parametrize("gid", _gradient_ids())
def test_generated_vjp_against_closed_form_in_mpmath(written, gid):
    """At the smallest size case with more than one element, a few points, against mpmath."""
    from derivations.gradients import get_gradient
    from derivations.gradients.check import vjp_formula

    _, text, module = written
    grad = get_gradient(gid)
    assert hasattr(module, gid), [line for line in text.splitlines() if line.startswith(f"    {gid}: ")]
    fn = getattr(module, gid)
    vf = vjp_formula(grad)
    ev = Evaluator(vf)
    points = sample_points(vf, n_random=2 * len(vf.sizes), evaluator=ev)
    small = min((p.sizes for p in points), key=lambda s: (sum(s.values()) <= len(s), sum(s.values())))
    chosen = [p for p in points if p.sizes == small][:4]
    worst = 0.0
    for point in chosen:
        got = np.asarray(_call(fn, point.values), dtype=float)
        truth = ev.mpmath(point, DPS)
        t, mag = truth[vf.outputs[0].name], truth[vf.outputs[1].name]
        for a, tt, m in zip(np.broadcast_to(got, t.shape).flat, t.flat, mag.flat):
            scale = max(abs(tt), abs(m), mpmath.mpf(np.finfo(float).tiny))
            worst = max(worst, float(abs(mpmath.mpf(float(a)) - tt) / scale) if math.isfinite(a) else math.inf)
    assert worst <= GRADIENT_TOL


@pytest.mark.parametrize("gid", _gradient_ids())
def test_generated_vjp_against_the_hand_written_backward(written, gid):
    """At the random points of every size case, relative to the closed form's magnitude, as in the certificate."""
    from codegen.module import _magnitude_function
    from derivations.gradients import get_gradient
    from derivations.gradients.check import vjp_formula

    _, _, module = written
    grad = get_gradient(gid)
    vf = vjp_formula(grad)
    magnitude = _magnitude_function(grad, vf)
    for point in [p for p in sample_points(vf, n_random=len(vf.sizes)) if p.label.startswith("random")]:
        got = np.asarray(_call(getattr(module, gid), point.values), dtype=float)
        ref = np.asarray(_call(grad.reference, point.values), dtype=float)
        mag = np.abs(np.asarray(_call(magnitude, point.values), dtype=float))
        got, ref, mag = np.broadcast_arrays(got, ref, np.where(np.isfinite(mag), mag, 0.0))  # |.| may overflow
        scale = np.maximum(np.maximum(mag, np.abs(ref)), np.finfo(float).tiny)
        assert np.max(np.abs(got - ref) / scale, initial=0.0) <= BACKWARD_TOL, point.label


def test_certificate_probes_every_edge_once():
    from codegen.module import N_RANDOM, certificate_points

    f = get("layer_norm")
    full = sample_points(f, n_random=N_RANDOM)
    chosen = certificate_points(f, n_random=N_RANDOM)
    edges = [p.label for p in full if not p.label.startswith("random")]
    assert sorted(p.label for p in chosen if not p.label.startswith("random")) == sorted(set(edges))
    assert sum(p.label.startswith("random") for p in chosen) >= N_RANDOM
    cases = {tuple(sorted((str(k), v) for k, v in p.sizes.items())) for p in chosen if not p.label.startswith("random")}
    assert len(cases) == len(f.sizes)  # every size case gets edge points too


def _over_window_offsets(node) -> bool:
    """A comprehension over the offsets of a sliding window (``np.ndindex(window_0.shape[-2:])``,
    ``range(window_0.shape[-3])``): a few BLAS calls, one per kernel offset, not a loop over elements."""
    it = node.iter
    if not (isinstance(node, ast.comprehension) and isinstance(it, ast.Call) and len(it.args) == 1):
        return False
    name = ast.unparse(it.func)
    arg = it.args[0]
    return name in ("np.ndindex", "range") and isinstance(arg, ast.Subscript) and \
        ast.unparse(arg.value).startswith("window_") and ast.unparse(arg.value).endswith(".shape")


def _over_row_blocks(node) -> bool:
    """The loop of :mod:`codegen.lower_blocks` over blocks of rows (``for _s in range(0, x.shape[0], _rows)``),
    or of :mod:`codegen.lower_row_sum` over blocks of a summed axis (``for _s in range(0, n, _n_rows)``),
    each block a call of the function on about ``BLOCK_ELEMENTS`` elements: not a loop over elements."""
    if not (isinstance(node, ast.For) and ast.unparse(node.target) == "_s" and isinstance(node.iter, ast.Call)):
        return False
    args = [ast.unparse(a) for a in node.iter.args]
    return ast.unparse(node.iter.func) == "range" and len(args) == 3 and args[0] == "0" and (
        (args[1].endswith(".shape[0]") and args[2] == "_rows") or (args[1].isidentifier() and args[2] == "_n_rows"))


WINDOW_GEMM_LOOPS = {
    ("_u", "range(0, n_u, step)"): "chunks of columns, each a copy and one GEMM of about WINDOW_CHUNK_BYTES",
    ("_o", "np.ndindex(m_shape)"): "the offsets, where the window's strides do not nest (the shifted sum)",
    ("s", "win.strides[nb + na:nb + na + k]"): "the k slide axes",
    ("(di, si, mi)", "zip(reversed(d), reversed(s_shape), reversed(m_shape))"): "the k slide axes",
    ("(si, di)", "zip(s_shape, d)"): "the k slide axes",
    ("di", "d"): "the k slide axes",
    ("_r", "range(0, m_shape[0], step)"): "chunks of the window's first axis, each a copy and one GEMM",
    ("(mi, di)", "zip(m_shape[:-1], d[:-1])"): "the k - 1 outer window axes",
    ("o", "np.ndindex(m_shape[:-1])"): "the outer window offsets of the partial im2col, one shift each",
    ("(oi, di)", "zip(o, d[:-1])"): "the k - 1 outer window axes",
    ("_j", "range(1, n_p)"): "the outer window offsets of a chunk, one GEMM each",
    ("_j", "range(8)"): "the chunks of a float32 sum of products over a strided axis (_strided_row_dot), one each",
    ("_j", "range(s_1)"): "the first slide axis of a chunk (the kernel gradient's partial im2col), one GEMM each",
}
"""The loops of the im2col helper (:func:`codegen.lower_shifted.window_gemm_source`), none over elements."""


def _in_window_gemm(node, tree) -> bool:
    """A loop of the im2col helpers (and of the chunked strided row dot) listed in :data:`WINDOW_GEMM_LOOPS`."""
    from codegen import lower_shifted as ls
    from codegen.lower_nodes import STRIDED_ROW_DOT

    names = (ls.WINDOW_GEMM, ls.WINDOW_GEMM_PARTIAL, ls.WINDOW_GEMM_T, ls.WINDOW_GEMM_T_PARTIAL, STRIDED_ROW_DOT)
    helpers = [f for f in tree.body if isinstance(f, ast.FunctionDef) and f.name in names]
    return any(node is n for h in helpers for n in ast.walk(h)) and \
        (ast.unparse(node.target), ast.unparse(node.iter)) in WINDOW_GEMM_LOOPS


def test_no_loops_in_emitted_code(written):
    _, text, _ = written
    tree = ast.parse(text)
    loops = [ast.unparse(n) for n in ast.walk(tree)
             if isinstance(n, (ast.For, ast.While, ast.AsyncFor, ast.comprehension))
             and not _over_window_offsets(n) and not _over_row_blocks(n) and not _in_window_gemm(n, tree)]
    assert loops == []


def test_module_needs_only_numpy(written):
    _, text, _ = written
    imports = {alias.name.split(".")[0] for n in ast.walk(ast.parse(text))
               if isinstance(n, (ast.Import, ast.ImportFrom))
               for alias in (n.names if isinstance(n, ast.Import) else [ast.alias(n.module)])}
    assert imports == {"numpy"}


def test_header_is_a_certificate(written):
    _, _, module = written
    doc = module.__doc__
    assert "Certificate" in doc and "Worst error of generated code against mpmath" in doc
    for package in ("sympy", "numpy", "mpmath"):
        assert package in doc
    assert "REFUTED" not in doc and "Not generated" not in doc
    assert r"\frac{e^{z_{i}}}" in module.softmax.__doc__ and "(..., K)" in module.softmax.__doc__


def test_same_input_gives_identical_bytes():
    ids = ["softmax", "layer_norm", "conv1d"]
    assert write_module(ids, grad=True) == write_module(list(reversed(ids)), grad=True)


def _ruff():
    exe = shutil.which("ruff")
    if exe:
        return [exe]
    if importlib.util.find_spec("ruff") is not None:
        return [sys.executable, "-m", "ruff"]
    return None


@pytest.mark.skipif(_ruff() is None, reason="ruff is not installed (pip install ruff, the test extra); "
                                            "the lint check of the generated module cannot run")
def test_ruff_passes_on_the_written_module(written):
    path, _, _ = written
    result = subprocess.run([*_ruff(), "check", "--no-cache", "--isolated", str(path)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


JOINT_TOL = 1e-12
"""The joint VJP against each record's hand-written backward at random batched points, relative to the
largest magnitude of the backward: float64 sums of up to a few hundred terms in another order."""


def test_joint_vjp_returns_every_gradient_in_parameter_order_on_a_batch(written):
    """``<formula>_vjp(params..., g)``: a tuple ordered as the parameters, each against the record's backward."""
    from codegen.module import joint_groups
    from derivations.gradients import all_gradients
    from derivations.gradients.check import vjp_formula

    _, _, module = written
    groups = joint_groups(all_gradients())
    assert groups
    for name, members in groups.items():
        # one stream per function, seeded by its name: a record added elsewhere does not move this one's points
        rng = np.random.default_rng([7, *name.encode()])
        params = [v.name for v in vjp_formula(members[0]).variables]
        assert [g.wrt for g in members] == [p for p in params if p in {g.wrt for g in members}]
        points = [p for p in sample_points(vjp_formula(members[0]), n_random=2) if p.label.startswith("random")]
        point = points[int(rng.integers(len(points)))]
        values = {k: np.stack([np.asarray(v), np.asarray(v) * 0.5]) for k, v in point.values.items()}
        got = _call(getattr(module, name), values)
        assert isinstance(got, tuple) and len(got) == len(members), name
        for b in range(2):
            one = {k: v[b] for k, v in values.items()}
            for grad, value in zip(members, got):
                ref = np.asarray(_call(grad.reference, one), dtype=float)
                scale = max(float(np.max(np.abs(ref), initial=0.0)), 1e-300)
                diff = np.abs(np.broadcast_to(np.asarray(value)[b], ref.shape) - ref)
                assert np.max(diff, initial=0.0) <= JOINT_TOL * scale, (name, grad.id, b)


@pytest.mark.parametrize("fid", ["softmax", "layer_norm", "attention", "batch_norm", "conv2d"])
def test_float32_in_float32_out_and_accurate_precision_in_float64(fid):
    """``fast`` keeps the inputs' dtype (no float64 copy); ``accurate`` computes in float64."""
    from codegen.lower import lower_formula
    from codegen.load import load_generated

    f = get(fid)
    point = next(p for p in sample_points(f, n_random=1) if p.label.startswith("random"))
    single = {k: np.asarray(v, dtype=np.float32) for k, v in point.values.items()}
    for precision, want in (("fast", np.float32), ("accurate", np.float64)):
        fn = lower_formula(f, precision=precision)
        imports = "import numpy as np\nfrom numpy.lib.stride_tricks import sliding_window_view\n\n\n"
        imports += NumPyLowering.helpers_source(fn.source(), grad=False) + "\n\n\n"
        out = _call(vars(load_generated(imports + fn.source()))[fid], single)
        for value in (out.values() if isinstance(out, dict) else [out]):
            assert np.asarray(value).dtype == want, (precision, fid)
    # no float64 copy of an input or a full-size array; float64 appears only as the cast of a value per row
    # (its sums, the row's scale) computed wide and rounded once (codegen.lower_nodes.Emitter._wide_rows)
    fast = lower_formula(f).source()
    assert "dtype=np.float64" not in fast and ".astype(np.float64)" not in fast
    assert all(line.count("np.float64)") == line.count(", np.float64)") for line in fast.splitlines())


def test_the_written_module_is_the_same_under_any_hash_seed():
    # the row-block size once read the itemsize of whichever input a set yielded first: the text of
    # binary_cross_entropy's forward changed between runs (y.itemsize or yhat.itemsize)
    # Three hash seeds: this process's own and two fresh interpreters with seeds other than it (each interpreter
    # costs CI about 3.5 CPU-s of imports, so this process is the third rather than a third interpreter).
    ids = ['binary_cross_entropy', 'diffusion_reverse']
    script = ("from codegen.module import write_module; import hashlib; "
              f"print(hashlib.sha256(write_module({ids!r}, grad=False).encode()).hexdigest())")
    here = os.environ.get("PYTHONHASHSEED", "random")
    digests = {hashlib.sha256(write_module(ids, grad=False).encode()).hexdigest()}
    for seed in [s for s in ("1", "2", "3") if s != here][:2]:
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
        digests.add(out.stdout.strip())
    assert len(digests) == 1


def test_a_gradient_sums_its_squares_in_one_dot_per_row(written):
    """The layer norm VJP's sum of squares is one BLAS dot per row read as float64 (its row scale still computed in
    float64, codegen.lower_unit_scale), the forward's the float64 sum of ROW_CHUNKS dots: in the VJP the chunks bought
    nothing measurable (8 draws of 4096 x 1024 float32 against float64, mean error 2.10e-7 chunked, 2.14e-7 one dot,
    worst 3.25e-7 both; PyTorch 2.2e-6) for 2% of its time."""
    from codegen.lower_nodes import ROW_CHUNKS

    _, text, _ = written
    chunks = f"({ROW_CHUNKS}, 1, "

    def body(name):
        part = text[text.index(f"\ndef {name}("):]
        return part[:part.index("\ndef ", 1)]

    assert chunks in body("layer_norm")
    assert "isinstance(scale_" in body("layer_norm_vjp") and chunks not in body("layer_norm_vjp")
