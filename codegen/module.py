r"""Standalone NumPy modules of catalog formulas (and their VJPs), headed by a certificate.

``write_module(["softmax"], grad=True)`` returns the text of a Python module
that imports only NumPy and defines ``softmax(z)`` and, from the gradient
records, ``softmax_vjp_z(g, z)`` (a function is named by its gradient record's
id, ``<formula>_vjp_<wrt>``; a record without upstream is a Jacobian,
e.g. ``softmax_jacobian``).  Each function's docstring carries the formula's
LaTeX, the shapes (leading axes are batch axes) and the assumptions.

The module docstring is a certificate: every generated function was run at
sample points (random ones in every size case, and every domain edge of every
variable) and compared with the formula's mpmath truth at 50 digits and with the
hand-written reference; the table gives the worst errors and the number of
points, and the header the versions used.  The text is deterministic: same
catalog, same versions, same machine give identical bytes.
"""
from __future__ import annotations

import math

import mpmath
import numpy as np
import sympy as sp

from codegen.latex import formula_latex, latex
from codegen.load import load_generated
from codegen.lower_blocks import BLOCK_ELEMENTS
from codegen.lower_printer import NumPyLowering
from codegen.lower import (
    Input,
    LoweredFunction,
    Target,
    UnsupportedNode,
    lower_formula,
    lower_function,
)
from codegen.rules import stabilize as stabilize_for_codegen
from derivations.numeric.verify import DPS, call_reference, rel_errors
from symbolic import all_formulas, get
from derivations.numeric.evaluate import Evaluator, output_shape, sample_points

N_RANDOM = 8
"""Random points per formula in the certificate, spread over its size cases (at least one in each)."""
GRADIENT_RANDOM, MAX_GRADIENT_POINTS = 4, 8
"""Random points (at least; one per size case at least), and points in all, per gradient: the record's
checks at each point (its closed form in mpmath, nested sums quartic in the sizes for attention, and central
differences at rising precision) dominate ``generate_all``, so edge points are thinned, evenly, to keep it
within 30 s.  The points are the record check's own (:func:`~derivations.gradients.check._subset`)."""


# ** lowering **


def _vjp_formula(grad):
    """The record's VJP as a formula (``vjp_formula``), built once per record."""
    from derivations.gradients.check import vjp_formula

    if grad.id not in _VJP_FORMULAS:
        _VJP_FORMULAS[grad.id] = (grad, vjp_formula(grad))
    cached, vf = _VJP_FORMULAS[grad.id]
    return vf if cached is grad else vjp_formula(grad)


_VJP_FORMULAS: dict = {}


def lower_gradient(grad, *, precision: str = "fast") -> LoweredFunction:
    """The closed-form VJP of one gradient record as a function ``(*inputs, g)``: parameters first."""
    vf = _vjp_formula(grad)
    inputs = tuple(Input(v.name, v.symbol, tuple(v.shape)) for v in vf.variables)
    expr, fired = stabilize_for_codegen(vf.expanded(grad.vjp))
    fn = lower_function(grad.id, inputs, (Target(grad.vjp.name, expr, grad.vjp.indices),), vf.size_symbols,
                        precision=precision, blocks=BLOCK_ELEMENTS, gradient=True)
    fn.rewrites = fired
    return fn


def joint_name(grad) -> str | None:
    """``attention_vjp`` for ``attention_vjp_Q``: the function of all of a formula's VJPs; None for a Jacobian."""
    suffix = "_" + grad.wrt
    if grad.upstream is None or not grad.id.endswith(suffix):
        return None
    return grad.id[: -len(suffix)]


def joint_groups(grads) -> dict[str, list]:
    """Gradient records by joint function name, in the order of the formula's parameters (the joint
    function's tuple); records of one group share their inputs and ``g``."""
    groups: dict[str, list] = {}
    for grad in grads:
        name = joint_name(grad)
        if name is not None:
            groups.setdefault(name, []).append(grad)
    for name, members in groups.items():
        names = [tuple(v.name for v in _vjp_formula(g).variables) for g in members]
        if len(set(names)) != 1:
            raise ValueError(f"{name}: its gradient records take different inputs {set(names)}")
        members.sort(key=lambda g: names[0].index(g.wrt))  # gradients in the order of the parameters
    return groups


def lower_joint_vjp(name: str, grads, *, precision: str = "fast", blocks: int = BLOCK_ELEMENTS) -> LoweredFunction:
    r"""Every gradient of ``grads`` from one function ``name(*inputs, g)`` returning a tuple, in that order.

    One lowering of all the VJPs: a subexpression they share ($QK^\top$, the exponentials,
    the row sums in attention) is computed once.
    """
    vf = _vjp_formula(grads[0])
    inputs = tuple(Input(v.name, v.symbol, tuple(v.shape)) for v in vf.variables)
    targets, fired, sizes = [], set(), dict.fromkeys(vf.size_symbols)
    for grad in grads:
        gf = _vjp_formula(grad)
        expr, names = stabilize_for_codegen(gf.expanded(grad.vjp))
        fired.update(names)
        targets.append(Target(grad.vjp.name, expr, grad.vjp.indices))
        sizes.update(dict.fromkeys(gf.size_symbols))
    fn = lower_function(name, inputs, tuple(targets), tuple(sizes), precision=precision, returns="tuple",
                        blocks=blocks, sum_to=tuple(g.wrt for g in grads), gradient=True)
    fn.rewrites = tuple(sorted(fired))
    return fn


def vjp_wrapper(grad, joint: LoweredFunction, position: int) -> LoweredFunction:
    """``attention_vjp_Q(Q, K, V, g)``: element ``position`` of the joint function's tuple."""
    params = tuple(p for p in joint.params if not p.startswith("_"))  # not the row blocks' keywords
    params = params[:-1] if params[-1:] == ("*",) else params
    if "*" in params:
        k = params.index("*")
        call = list(params[:k]) + [f"{p}={p}" for p in params[k + 1:]]
    else:
        call = list(params)
    body = [f"return {joint.name}({', '.join(call)})[{position}]"]
    return LoweredFunction(grad.id, params, body, (grad.vjp.name,), list(joint.notes), joint.rewrites)


def _gradients_of(ids) -> list:
    try:
        from derivations.gradients import all_gradients
    except ImportError:  # the gradient records are optional
        return []
    return sorted((g for g in all_gradients() if g.formula_id in ids), key=lambda g: g.id)


# ** docstrings **


def _shape_text(shape) -> str:
    return "(..., " + ", ".join(str(s) for s in shape) + ")" if shape else "scalar (or batch (...))"


def formula_docstring(formula, fn: LoweredFunction) -> str:
    lines = [formula.title + ".", "", ".. math::", ""]
    lines += ["    " + line for line in formula_latex(formula).splitlines()]
    lines += ["", "Inputs (leading axes are batch axes):"]
    for v in formula.variables:
        desc = f", {v.description}" if v.description else ""
        lines.append(f"    {v.name}: {_shape_text(v.shape)}, {v.domain.text}{desc}")
    lines.append("Returns:" if len(formula.outputs) == 1 else "Returns a dict:")
    for o in formula.outputs:
        shape = tuple(sp.simplify(hi - lo + 1) for _, lo, hi in o.indices)
        lines.append(f"    {o.name}: {_shape_text(shape)}")
    if formula.conditions:
        lines.append("Assumes: " + "; ".join(sp.sstr(c) for c in formula.conditions) + ".")
    if fn.rewrites:
        lines.append("Stability rewrites: " + ", ".join(fn.rewrites) + ".")
    lines += [f"Note: {n}." for n in fn.notes]
    lines.append(f"Catalog id: {formula.id}; source: {formula.source}.")
    return _raw_docstring(lines)


def gradient_docstring(grad, fn: LoweredFunction) -> str:
    subject = grad.subject
    what = "Jacobian" if grad.upstream is None else "Vector-Jacobian product"
    lines = [f"{what} of {subject.title.lower()} with respect to {grad.wrt}.", "", ".. math::", "",
             f"    {latex(grad.vjp.lhs)} = {latex(grad.vjp.expr)}"]
    lines += [f"    {latex(d.lhs)} = {latex(d.expr)}" for d in grad.compose + grad.definitions]
    lines += ["", "Inputs (leading axes are batch axes):"]
    for v in subject.variables:
        lines.append(f"    {v.name}: {_shape_text(v.shape)}, {v.domain.text}")
    if grad.upstream is not None:
        shape = tuple(sp.simplify(hi - lo + 1) for _, lo, hi in grad.output.indices)
        lines.append(f"    {fn.params[len(subject.variables)]}: {_shape_text(shape)}, upstream gradient "
                     f"dL/d{grad.output.name}")
    shape = tuple(sp.simplify(hi - lo + 1) for _, lo, hi in grad.vjp.indices)
    lines.append(f"Returns:\n    {grad.vjp.name}: {_shape_text(shape)}")
    if fn.rewrites:
        lines.append("Stability rewrites: " + ", ".join(fn.rewrites) + ".")
    lines += [f"Note: {n}." for n in fn.notes]
    lines.append(f"Gradient record: {grad.id} (formula {grad.formula_id}).")
    return _raw_docstring(lines)


def joint_docstring(name: str, grads, fn: LoweredFunction) -> str:
    subject = grads[0].subject
    wrt = ", ".join(g.wrt for g in grads)
    lines = [f"Vector-Jacobian products of {subject.title.lower()} with respect to {wrt}, in one function",
             "(subexpressions shared between them are computed once).", "", ".. math::", ""]
    for g in grads:
        lines.append(f"    {latex(g.vjp.lhs)} = {latex(g.vjp.expr)}")
    for g in grads:
        lines += [f"    {latex(d.lhs)} = {latex(d.expr)}" for d in g.compose + g.definitions]
    lines += ["", "Inputs (leading axes are batch axes):"]
    for v in subject.variables:
        lines.append(f"    {v.name}: {_shape_text(v.shape)}, {v.domain.text}")
    shape = tuple(sp.simplify(hi - lo + 1) for _, lo, hi in grads[0].output.indices)
    lines.append(f"    {fn.params[len(subject.variables)]}: {_shape_text(shape)}, upstream gradient "
                 f"dL/d{grads[0].output.name}")
    lines.append("Returns a tuple:")
    for g in grads:
        shape = tuple(sp.simplify(hi - lo + 1) for _, lo, hi in g.vjp.indices)
        lines.append(f"    {g.vjp.name}: {_shape_text(shape)}")
    if fn.rewrites:
        lines.append("Stability rewrites: " + ", ".join(fn.rewrites) + ".")
    lines += [f"Note: {n}." for n in fn.notes]
    lines.append("Gradient records: " + ", ".join(g.id for g in grads) + f" (formula {grads[0].formula_id}).")
    return _raw_docstring(lines)


def _raw_docstring(lines) -> str:
    text = "\n".join(lines)
    if '"""' in text or text.endswith("\\"):
        raise ValueError("docstring text cannot be a raw string literal")
    return 'r"""' + text + '\n"""'


# ** the certificate **


def _errors(got, truth, scale) -> tuple[float, int]:
    errs, skipped = rel_errors(got, truth, scale)
    return (float(np.max(errs)) if errs.size else 0.0), skipped


def _float_error(got: np.ndarray, ref: np.ndarray, scale: float) -> float:
    """:func:`~derivations.numeric.verify.rel_errors`' worst error against a float64 ``ref``, in float64."""
    with np.errstate(all="ignore"):
        err = np.abs(got - ref) / np.maximum(np.abs(ref), max(np.finfo(float).tiny, scale))
    err = np.where(np.isfinite(got), err, np.inf)[np.isfinite(ref)]  # a reference that is not finite is skipped
    return float(np.max(err, initial=0.0))


def certificate_points(formula, *, n_random: int = N_RANDOM, seed: int = 0, evaluator=None) -> list:
    """The random points, then each domain edge of each variable once, at one size case.

    :func:`~derivations.numeric.evaluate.sample_points` probes every edge at every size case;
    the mpmath truth at the larger cases dominates the certificate's cost, so each
    edge is kept at one case, the cases taken in turn (edge ``n`` at case ``n`` mod
    the number of cases, or the next case where the edge could be drawn): every
    edge is still probed, and every case gets edges as well as random points.
    """
    points = sample_points(formula, n_random=n_random, seed=seed, evaluator=evaluator)
    cases = [dict(c) for c in formula.sizes]
    chosen = [p for p in points if p.label.startswith("random")]
    edges: dict[str, list] = {}
    for p in points:
        if not p.label.startswith("random"):
            edges.setdefault(p.label, []).append(p)
    for n, found in enumerate(edges.values()):
        chosen.append(min(found, key=lambda p: (cases.index(p.sizes) - n) % len(cases)))
    return chosen


def certify_formula(formula, fn, *, n_random: int = N_RANDOM, seed: int = 0) -> dict:
    """Worst errors of the generated ``fn`` and of the reference against mpmath, and against each other."""
    ev = Evaluator(formula)
    row = {"id": formula.id, "points": 0, "generated": 0.0, "reference": 0.0, "gen_vs_ref": 0.0,
           "skipped": 0, "truth": "mpmath", "tolerance": formula.tolerance, "float32": 0.0, "float32_points": 0}
    for point in certificate_points(formula, n_random=n_random, seed=seed, evaluator=ev):
        with np.errstate(all="ignore"):
            got = fn(**{k: np.array(v, copy=True) for k, v in point.values.items()})
        if not isinstance(got, dict):
            got = {formula.outputs[0].name: got}
        ref = call_reference(formula, point)
        try:
            truth = ev.mpmath(point, DPS)
        except Exception as exc:  # noqa: BLE001  (a record the evaluator cannot run: checked against the reference)
            truth, row["truth"] = None, f"reference only ({type(exc).__name__} in mpmath)"
        row["points"] += 1
        single = _in_float32(fn, point.values, formula.outputs[0].name) if truth is not None else None
        if single is not None:
            row["float32_points"] += 1
            for o in formula.outputs:
                mine32 = np.broadcast_to(np.asarray(single[o.name], dtype=float), output_shape(o, point.sizes))
                row["float32"] = _worse(row["float32"], _errors(mine32, truth[o.name], formula.error_scale)[0])
        for o in formula.outputs:
            mine = np.broadcast_to(np.asarray(got[o.name], dtype=float), output_shape(o, point.sizes))
            row["gen_vs_ref"] = _worse(row["gen_vs_ref"], _float_error(mine, ref[o.name], formula.error_scale))
            if truth is not None:
                e, skipped = _errors(mine, truth[o.name], formula.error_scale)
                row["generated"], row["skipped"] = _worse(row["generated"], e), row["skipped"] + skipped
                e, _ = _errors(ref[o.name], truth[o.name], formula.error_scale)
                row["reference"] = _worse(row["reference"], e)
    if row["points"] < n_random:  # the header states at least n_random points per formula
        raise ValueError(f"{formula.id}: {row['points']} sample points, fewer than {n_random}")
    if row["truth"] != "mpmath":
        row["generated"] = row["reference"] = math.nan
        row["verdict"] = "agrees" if row["gen_vs_ref"] <= formula.tolerance else "DIFFERS"
    elif row["generated"] <= formula.tolerance:
        row["verdict"] = "verified"
    else:  # an ill-conditioned sample point shows as a reference error of the same size
        row["verdict"] = "over tol, as reference" if row["generated"] <= 2 * row["reference"] else "REFUTED"
    return row


def _in_float32(fn, values: dict, name: str):
    """``fn`` at ``values`` rounded to float32 (a dict of outputs), or None where a value is outside its range."""
    with np.errstate(all="ignore"):
        single = {k: np.asarray(v, dtype=np.float32) for k, v in values.items()}
        if not all(np.all(np.isfinite(v)) for v in single.values()):
            return None
        got = fn(**single)
    return got if isinstance(got, dict) else {name: got}


def certify_gradient(grad, fn, *, n_random: int = GRADIENT_RANDOM, seed: int = 0) -> dict:
    r"""The generated VJP against the hand-written backward, and the record's checks of that backward.

    The record's ``check_numeric`` measures the backward against the closed form
    in mpmath (and the closed form against finite differences); the generated
    code is measured against the backward at the same points, so
    $|\text{gen} - t| \le |\text{gen} - \text{ref}| + |\text{ref} - t|$ bounds its error.
    Errors are relative to the closed form's magnitude ($|\cdot|$ pushed through
    sums, :func:`~derivations.gradients.check.magnitude`), evaluated in float64 by
    generated code too: a sum of absolute values has no cancellation (where it
    overflows, the backward's own magnitude is the scale).
    """
    from derivations.gradients.check import _subset, check_numeric

    vf = _vjp_formula(grad)
    magnitude = _magnitude_function(grad, vf)
    row = {"id": grad.id, "points": 0, "gen_vs_ref": 0.0}
    points = _subset(sample_points(vf, n_random=n_random, seed=seed), MAX_GRADIENT_POINTS)  # check_numeric's
    for point in points:
        values = {k: np.array(v, copy=True) for k, v in point.values.items()}
        with np.errstate(all="ignore"):
            got = np.asarray(fn(**values), dtype=float)
            ref = np.asarray(grad.reference(**values), dtype=float)
            mag = np.abs(np.asarray(magnitude(**values), dtype=float))
        got, ref, mag = np.broadcast_arrays(got, ref, mag)
        scale = np.maximum(np.where(np.isfinite(mag), mag, 0.0), np.maximum(np.abs(ref), np.finfo(float).tiny))
        with np.errstate(all="ignore"):  # the magnitude overflows where the closed form's terms do
            err = np.where((got == ref) | (np.isnan(got) & np.isnan(ref)), 0.0, np.abs(got - ref) / scale)
        err = np.where(np.isnan(err), np.inf, err)
        row["points"] += 1
        row["gen_vs_ref"] = _worse(row["gen_vs_ref"], float(np.max(err, initial=0.0)))
    ref_check, fd_check = check_numeric(grad, n_random=n_random, seed=seed, max_points=MAX_GRADIENT_POINTS)
    row["backward_vs_closed_form"] = ref_check["max_rel_error"]
    row["finite_differences"] = fd_check["max_rel_error"]
    row["generated"] = row["gen_vs_ref"] + row["backward_vs_closed_form"]
    row["record_checks"] = "ok" if ref_check["verdict"] == fd_check["verdict"] == "verified" else "FAILED"
    row["verdict"] = "verified" if row["generated"] <= ref_check["tolerance"] else "REFUTED"
    return row


def _magnitude_function(grad, vf):
    """The closed form's magnitude (second output of ``vjp_formula``) as a NumPy function."""
    inputs = tuple(Input(v.name, v.symbol, tuple(v.shape)) for v in vf.variables)
    out = vf.outputs[1]
    fn = lower_function("magnitude", inputs, (Target(out.name, vf.expanded(out), out.indices),), vf.size_symbols)
    imports = "import numpy as np\nfrom numpy.lib.stride_tricks import sliding_window_view\n\n\n"
    helpers = NumPyLowering.helpers_source(fn.source(), grad=False)
    return vars(load_generated(imports + (helpers + "\n\n\n" if helpers else "") + fn.source()))["magnitude"]



def _worse(a: float, b: float) -> float:
    return b if (b > a or math.isnan(b)) else a


def _fmt(x: float) -> str:
    return "-" if isinstance(x, float) and math.isnan(x) else f"{x:.1e}"


def certificate(rows: list[dict], grad_rows: list[dict], *, n_random: int, seed: int) -> list[str]:
    versions = f"sympy {sp.__version__}, numpy {np.__version__}, mpmath {mpmath.__version__}"
    lines = [
        "Certificate",
        "-----------",
        f"Checked with {versions}: each function below was run at sample points (seed {seed}):",
        f"at least {n_random} random points per formula, spread over its size cases, and every domain edge of",
        "every variable, each at one size case (the cases in turn); 'points' counts them.  Each result was",
        f"compared with the formula's mpmath value at {DPS} digits and with the hand-written NumPy reference.",
        "Errors are relative, |a - t| / max(|t|, tiny, error_scale); 'gen-ref' is generated vs reference.",
        "",
        "'float32' is the generated function's worst error at the same points with the inputs rounded to",
        "float32 (points whose values float32 cannot hold are left out), against the same mpmath value:",
        "the rounding of the inputs is included, as for any float32 library.",
        "",
        f"{'formula':28} {'points':>6} {'generated':>10} {'reference':>10} {'gen-ref':>9} {'float32':>9} {'tol':>7}"
        "  verdict",
    ]
    for r in rows:
        f32 = _fmt(r["float32"]) if r.get("float32_points") else "-"
        lines.append(f"{r['id']:28} {r['points']:6d} {_fmt(r['generated']):>10} {_fmt(r['reference']):>10} "
                     f"{_fmt(r['gen_vs_ref']):>9} {f32:>9} {r['tolerance']:7.0e}  {r['verdict']}"
                     + ("" if r["truth"] == "mpmath" else f": {r['truth']}"))
    finite = [r for r in rows if not math.isnan(r["generated"])]
    if finite:
        worst = max(finite, key=lambda r: r["generated"])
        lines += ["", f"Worst error of generated code against mpmath: {worst['generated']:.2e} ({worst['id']})."]
    if grad_rows:
        lines += [
            "",
            (f"Gradients (at least {GRADIENT_RANDOM} random points, edge points thinned evenly to "
             f"{MAX_GRADIENT_POINTS} points in all): 'gen-ref' is the generated VJP against"),
            "the hand-written backward; 'backward' is the record's check of that backward against the closed",
            "form in mpmath, 'fin.diff' its check of the closed form by central differences (h = 1e-20);",
            "'generated' = gen-ref + backward bounds the generated VJP's error against the closed form.",
            "Errors are relative to the closed form's magnitude (|.| pushed through sums).",
            "",
            (f"{'gradient':30} {'points':>6} {'generated':>10} {'gen-ref':>9} {'backward':>9} {'fin.diff':>9}  "
             "verdict (record's checks)"),
        ]
        for r in grad_rows:
            lines.append(f"{r['id']:30} {r['points']:6d} {_fmt(r['generated']):>10} {_fmt(r['gen_vs_ref']):>9} "
                         f"{_fmt(r['backward_vs_closed_form']):>9} {_fmt(r['finite_differences']):>9}  {r['verdict']}"
                         f" ({r['record_checks']})")
        worst = max(grad_rows, key=lambda r: r["generated"])
        lines += ["", f"Worst error of a generated VJP: {worst['generated']:.2e} ({worst['id']})."]
    return lines


# ** the module **


def write_module(ids: list[str], *, grad: bool, n_random: int = N_RANDOM, seed: int = 0,
                 precision: str = "fast") -> str:
    """The module text for the formulas ``ids`` (and, with ``grad``, their gradient records).

    ``precision`` (:data:`~codegen.lower.PRECISIONS`): ``fast`` computes in the inputs' dtype,
    ``accurate`` in float64.  The VJPs of one formula are one function (``attention_vjp``,
    parameters then ``g``, a tuple of gradients), lowered from the derived gradients
    (:mod:`codegen.derived_vjp`; the closed forms are what the certificate checks them against);
    each record's function (``attention_vjp_Q``) is a thin wrapper of it.
    """
    ids = sorted(dict.fromkeys(ids))
    formulas = [get(i) for i in ids]
    skipped: list[str] = []
    functions = _lowered(formulas, lambda f: lower_formula(f, precision=precision), skipped)
    joints, gradients = _lowered_gradients(_gradients_of(ids), precision, skipped) if grad else ([], [])
    sources = [fn.source(formula_docstring(f, fn)) for f, fn in functions]
    sources += [fn.source(joint_docstring(fn.name, members, fn)) for members, fn in joints]
    sources += [fn.source(gradient_docstring(g, fn)) for g, fn in gradients]
    names = [fn.name for _, fn in functions] + [fn.name for _, fn in joints] + [fn.name for _, fn in gradients]
    if len(set(names)) != len(names):
        raise ValueError(f"two generated functions share a name: {names}")
    body = "\n\n".join(sources)
    imports = ["import numpy as np"]
    if "sliding_window_view(" in body:
        imports.append("from numpy.lib.stride_tricks import sliding_window_view")
    helpers = NumPyLowering.helpers_source(body, grad=False)  # e.g. the im2col GEMM of a convolution
    code = ("\n".join(imports) + "\n\n__all__ = [" + ", ".join(repr(n) for n in sorted(names)) + "]\n\n\n"
            + (helpers + "\n\n\n" if helpers else "") + body)

    namespace = vars(load_generated(code))  # certify what we wrote, imported as a user would
    rows, grad_rows = certify_all(functions, gradients, namespace, n_random=n_random, seed=seed)
    computed = "the inputs' floating dtype (float32 in, float32 out)" if precision == "fast" else "float64"
    header = [
        "Formulary: generated NumPy kernels for " + ", ".join(ids) + ".",
        "",
        "Generated by codegen.module.write_module; do not edit. Needs only NumPy. Functions take",
        "the formula's variables (NumPy arrays; leading axes are batch axes) and read the sizes",
        f"from their shapes; there is no Python loop over elements.  Precision {precision!r}: computed in",
        f"{computed}.",
        "",
        *certificate(rows, grad_rows, n_random=n_random, seed=seed),
    ]
    if skipped:
        header += ["", "Not generated (no lowering rule):", *[f"    {line}" for line in skipped]]
    return '"""' + "\n".join(header) + '\n"""\n' + code


def certify_all(functions, gradients, namespace, *, n_random: int, seed: int, jobs: int | None = None):
    """``(rows, grad_rows)``: :func:`certify_formula` of each ``(formula, function)`` and :func:`certify_gradient` of
    each ``(record, function)``, across ``jobs`` processes (default: the CPUs available;
    :func:`derivations.parallel.fork_map`), the gradients first (their record checks are the costly part); each row
    depends on its record and function only, so the rows are those of a serial run, in order."""
    from derivations.parallel import fork_map

    def row(task):
        kind, record, fn = task
        if kind == "gradient":
            return certify_gradient(record, namespace[fn.name], seed=seed)
        return certify_formula(record, namespace[fn.name], n_random=n_random, seed=seed)

    tasks = [("gradient", g, fn) for g, fn in gradients] + [("formula", f, fn) for f, fn in functions]
    out = fork_map(row, tasks, jobs)
    return out[len(gradients):], out[:len(gradients)]


def _lowered_gradients(grads, precision: str, skipped: list[str]) -> tuple[list, list]:
    """``(members, joint function)`` per formula, and ``(record, function)`` per record (wrappers of a joint)."""
    joints, single = [], []
    grouped = joint_groups(grads)
    wrapped = {}
    for name, members in grouped.items():
        try:
            joint = _derived_or_closed_joint(name, members, precision)
        except UnsupportedNode:
            continue  # each record is lowered on its own below, and named in ``skipped`` if it fails too
        joints.append((members, joint))
        for k, g in enumerate(members):
            wrapped[g.id] = vjp_wrapper(g, joint, k)
    for g in grads:
        if g.id in wrapped:
            single.append((g, wrapped[g.id]))
        else:
            single += _lowered([g], lambda r: lower_gradient(r, precision=precision), skipped)
    return joints, single


def _derived_or_closed_joint(name: str, members, precision: str) -> LoweredFunction:
    """The joint VJP from the derived gradients (:mod:`codegen.derived_vjp`); from the closed forms, with a note
    saying why, only where the derivation or its lowering fails."""
    from codegen.derived_vjp import lower_derived_joint_vjp

    try:
        return lower_derived_joint_vjp(name, members, precision=precision)
    except (UnsupportedNode, ValueError, TypeError, NotImplementedError) as exc:
        joint = lower_joint_vjp(name, members, precision=precision)
        joint.notes.append(f"lowered from the hand-written closed forms: the derived VJP failed "
                           f"({type(exc).__name__}: {str(exc)[:120]})")
        return joint


def _lowered(records, lower, skipped: list[str]) -> list:
    """``(record, lowered function)`` pairs; a record with an unsupported node is named in ``skipped``."""
    out = []
    for record in records:
        try:
            out.append((record, lower(record)))
        except UnsupportedNode as exc:
            skipped.append(f"{record.id}: {exc}")
    return out


def generate_all(grad: bool, *, n_random: int = N_RANDOM, seed: int = 0, precision: str = "fast") -> str:
    """``write_module`` of the whole catalog."""
    return write_module([f.id for f in all_formulas()], grad=grad, n_random=n_random, seed=seed,
                        precision=precision)

