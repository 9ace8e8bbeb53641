r"""The numba backend: catalog formulas (and their joint VJPs) compiled as fused row loops.

NumPy makes one memory pass per operation; a row-wise formula (softmax, log-softmax, layer and batch norm,
cross-entropy from logits) compiled as loops makes one pass over the input and one over the output, the
other passes reading a row that stays in L1 (:mod:`codegen.backends.numba_loops` prints the index notation
as loops, every sum hoisted out of the loops it does not depend on and shared by every output).  For each
formula the module holds two ``numba.njit`` kernels (float32, float64: the same loops, each with its own
exponential) and a wrapper::

    layer_norm(x, gamma, beta, epsilon)        # float32 in, float32 out; float64 otherwise
    layer_norm_vjp(x, gamma, beta, epsilon, g) # (dx, dgamma, dbeta), each shaped like its parameter

The wrapper flattens the leading batch axes to rows (C-contiguous: a strided input is copied once; a transposed
view, whose rows are its contiguous axis, runs the column kernels instead: :func:`~codegen.backends.numba_loops.
column_lines`), a parameter broadcast over the batch (``gamma`` of shape ``(H,)``) is read from one row and its
gradient summed over the rows in float64.  Every sum accumulates in float64.  Compilation happens at the first call of each
dtype (seconds), once per process.

Where the stability rules guard against a range that ordinary rows never reach (``scaled_sqrt``'s scale, the
max-shift of exponentials), the module also holds a fast kernel without those guards, which tests each row after
its reductions and returns False where a row needs them; the wrapper then runs the full kernel over every row
(:mod:`codegen.backends.numba_fast`).  In a float32 forward the fast kernel's output products are float32
(:meth:`~codegen.backends.numba_loops.LoopPrinter.narrow_product`).

Not written (named in the module's header, the NumPy backend covers them): formulas with a node that has no
loop form, and those with a reduction inside loops over two of their own indices (attention's matrix
products, convolution windows), which BLAS does faster than scalar loops.

numba is optional (``pip install formulary[numba]``): asking for this backend without it is a
:class:`~formulary.api.FormularyError`-style ``ImportError`` with the install line.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import sympy as sp

from codegen.backends.numba_loops import (
    COLUMN_UNROLL,
    EXP,
    FINITE,
    NARROW,
    WHOLE,
    Loop,
    LoopPrinter,
    column_lines,
    kernel_body,
)
from codegen.backends.numba_fast import SQRT_MAX, SQRT_MAX_CODE, SQRT_MAX_VALUE, fast_form
from codegen.backends.numba_runtime import IMPORTS, RUNTIME
from codegen.lower import Input, LoweredFunction, Target, formula_inputs, size_sources
from codegen.lower_nodes import UnsupportedNode
from symbolic.expr import as_expr

DTYPES = (("f32", "np.float32"), ("f64", "np.float64"))
INSTALL = "the numba backend needs numba: pip install 'formulary[numba]' (or pip install numba)"


def require_numba() -> None:
    """An ImportError saying how to install numba, where it cannot be imported."""
    try:
        import numba  # noqa: F401
    except ImportError as exc:
        raise ImportError(f"{INSTALL} ({exc})") from None


@dataclass
class NumbaFunction:
    """One formula's (or joint VJP's) kernels and wrapper."""

    name: str
    kernels: str
    wrapper: LoweredFunction


def _output_shape(indices, sizes) -> tuple:
    return tuple(as_expr(hi) - as_expr(lo) + 1 for _, lo, hi in indices)


def _size_code(expr, sizes: dict) -> str:
    """Python code of a size expression (``K``, ``K - 1``) over the wrapper's size locals."""
    expr = as_expr(expr)
    if expr.is_Integer:
        return str(int(expr))
    if expr.is_Symbol and expr in sizes:
        return sizes[expr]
    if isinstance(expr, (sp.Add, sp.Mul)) and all(a.is_integer for a in expr.args):
        op = " + " if isinstance(expr, sp.Add) else " * "
        return "(" + op.join(_size_code(a, sizes) for a in expr.args) + ")"
    raise UnsupportedNode(expr, "an output size with no integer form")


def lower_numba(name: str, inputs: tuple[Input, ...], targets: tuple[Target, ...], size_symbols=(), *,
                returns: str = "dict", gradients: tuple = ()) -> NumbaFunction:
    """Kernels and wrapper of ``targets`` over ``inputs``.  ``gradients`` (``returns="tuple"``): per target the
    input it is the gradient of, shaped like that input as given (summed over the rows it was broadcast to)."""
    sizes = {}
    for s in size_symbols:
        sizes[s] = f"_{s}"
    sources = size_sources(inputs, sizes)
    missing = [s for s in sizes if s not in sources]
    if missing:
        raise UnsupportedNode(sp.Tuple(*missing), "a size that no input's shape gives")
    arrays = {(i.symbol.label if isinstance(i.symbol, sp.IndexedBase) else i.symbol): (i.name, f"_r_{i.name}")
              for i in inputs}
    params = [i.name for i in inputs]
    outs = [f"_o{k}" for k in range(len(targets))]
    fast = fast_form(targets)
    forms = [("", targets, None, False)] + ([("_fast", *fast)] if fast is not None else [])
    bodies = [(form, guard, dict(_layouts(inputs, form_targets, guard, arrays, sizes, sources, outs, gradients,
                                          bounded, reciprocals=fast is None or guard is not None)))
              for form, form_targets, guard, bounded in forms]
    columns = all("c" in layouts for _, _, layouts in bodies)  # the wrapper calls both forms in one layout
    kernels = []
    for form, guard, layouts in bodies:
        for layout, lines in layouts.items():
            if layout == "c" and not columns:
                continue
            per_dtype = lines if isinstance(lines, dict) else {suffix: lines for suffix, _ in DTYPES}
            for suffix, dtype in DTYPES:
                lines = per_dtype[suffix] + (["return True"] if guard is not None else [])
                text = "\n".join("    " + (line if suffix == "f32" or FINITE not in line else  # float64: no check
                                             line[:len(line) - len(line.lstrip())] + "pass") for line in lines)
                text = (text.replace(f"{EXP}(", f"_exp_{suffix}(").replace(SQRT_MAX_CODE, SQRT_MAX_VALUE[suffix])
                        .replace(f"{NARROW}(", "np.float32(" if suffix == "f32" else "(").replace("_buf_T", dtype))
                jit = "_JIT_STRICT" if fast is not None and guard is None else "_JIT"  # see STRICT_FASTMATH
                kernels.append(f"@numba.njit(**{jit})\ndef _{name}_{suffix}{layout}{form}({', '.join(params + outs)}, "
                               f"_R):\n" + text)
    wrapper = _wrapper(name, inputs, targets, sizes, sources, outs, returns, gradients, columns, fast is not None)
    return NumbaFunction(name, "\n\n\n".join(kernels), wrapper)


def _layouts(inputs, targets, guard, arrays, sizes, sources, outs, gradients,
             bounded=False, reciprocals=False) -> list[tuple[str, list[str] | dict]]:
    """``[(layout, kernel body lines)]``: the row kernel (layout ``""``) and, where the body allows it and an input
    has own axes, the column kernel (``"c"``: rows last).  A fast form (``guard``) of a function whose outputs are
    stored, not accumulated, computes the products of its row kernel's output loops in the kernel's dtype
    (:meth:`~codegen.backends.numba_loops.LoopPrinter.narrow_product`; float32 layer norm forward 1.96 -> 1.71 ms,
    softmax 3.28 -> 2.89; in a joint VJP's accumulated stores and in the column kernel, whose row scalars are
    arrays, the casts cost more than they save: 5.8 -> 6.6 ms, 4.9 -> 6.0).  Outputs that the guard ``bounded``
    need no finiteness check (softmax 2.58 -> 2.42 ms).  ``reciprocals``: the kernel is compiled with ``arcp``
    (every kernel but a full one that has a fast form, :data:`~codegen.backends.numba_runtime.STRICT_FASTMATH`): a
    division by a loop invariant is printed as a product with its reciprocal (:attr:`LoopPrinter.reciprocals`)."""
    def printed(narrow: bool, one_pass: bool = False):
        printer = LoopPrinter(arrays, {**sizes, SQRT_MAX: SQRT_MAX_CODE})
        printer.reciprocals = reciprocals
        printer.one_pass = one_pass
        root = Loop(None, "_r", "0", "_R", [f"_r_{a} = _r % {a}.shape[0]" for a in [i.name for i in inputs] + outs])
        printer.store([((o, f"_r_{o}"), t.expr, t.indices, bool(gradients)) for o, t in zip(outs, targets)],
                      [root], guard, narrow, check=not bounded)
        return printer, root

    def row_kernel(printer, root) -> list[str]:
        rows = kernel_body(root, printer)
        whole = [f"{WHOLE}{o} = {o}.shape[0] == _R" for o in dict.fromkeys(printer.whole)]
        return sized + whole + [f"{buf} = np.empty({n}, {t})" for buf, n, t in printer.allocations] + rows

    narrow = guard is not None and not gradients
    sized = [f"{local} = {var}.shape[{axis}]" for s, local in sizes.items() for var, axis in [sources[s]]]
    printer, root = printed(narrow)
    whole = [f"{WHOLE}{o} = {o}.shape[{{}}] == _R" for o in dict.fromkeys(printer.whole)]
    lines = row_kernel(printer, root)
    if guard is not None:  # a fast form: its float32 row kernel sums centred terms in one pass where it may
        one, one_root = printed(narrow, one_pass=True)
        if one.one_pass_used:
            lines = {"f32": row_kernel(one, one_root), "f64": lines}
    variants = [("", lines)]
    if narrow:
        printer, root = printed(False)
        kernel_body(root, printer)

    def column_kernel(root):
        body = column_lines(root, COLUMN_UNROLL if reciprocals else 1)
        return None if body is None else ([f"{local} = {var}.shape[{axis - 1}]" for s, local in sizes.items()
                                           for var, axis in [sources[s]]] + [w.format(-1) for w in whole]
                                          + [f"_own = {first}.size // max(1, _R)"] + body)

    if any(i.shape for i in inputs):  # the rows last: each own axis one further from the end
        first = next(i.name for i in inputs if i.shape)
        columns = column_kernel(root)
        if columns is not None and guard is not None:  # float32: the centred sums in one pass here too
            one, one_root = printed(False, one_pass=True)
            if one.one_pass_used:
                kernel_body(one_root, one)
                one_columns = column_kernel(one_root)
                if one_columns is not None:
                    columns = {"f32": one_columns, "f64": columns}
        if columns is not None:
            variants.append(("c", columns))
    return variants


def _wrapper(name, inputs, targets, sizes, sources, outs, returns, gradients, columns=False,
             fast=False) -> LoweredFunction:
    """The function a user calls: dtype, rows, outputs, the kernel of the dtype (and of the layout: rows last
    where the first input's rows are its contiguous axis, ``columns``), results shaped as the NumPy backend's."""
    params = tuple(i.name for i in inputs)
    args = ", ".join(params)
    pairs = ", ".join(f"({i.name}, {len(i.shape)})" for i in inputs)
    own = {i.name: len(i.shape) for i in inputs}
    shapes = ["(" + "".join(_size_code(n, sizes) + ", " for n in _output_shape(t.indices, sizes)) + ")"
              for t in targets]

    def branch(layout: str, rows_of: str) -> list[str]:
        last = layout == "c"
        lines = [f"({args},), _batch, _R = {rows_of}(({pairs},), dtype)"]
        lines += [f"{local} = {sources[s][0]}.shape[{sources[s][1] - (1 if last else 0)}]" for s, local in sizes.items()]
        for k, (o, shape) in enumerate(zip(outs, shapes)):
            if gradients:
                lines.append(f"{o} = _grad_out{'_c' if last else ''}(_given[{k}], {own[gradients[k]]}, _batch, _R, "
                             f"{shape}, dtype)")
            else:
                lines.append(f"{o} = np.empty({shape} + (_R,), dtype)" if last else f"{o} = np.empty((_R,) + {shape}, dtype)")
        call = f"({args}, {', '.join(outs)}, _R)"
        full = f"(_{name}_f32{layout} if dtype == np.float32 else _{name}_f64{layout}){call}"
        if fast:  # the fast kernel returns False where a row's guard fails: the full kernel then runs on every row
            lines.append(f"if not (_{name}_f32{layout}_fast if dtype == np.float32 else _{name}_f64{layout}_fast)"
                         f"{call}:")
            lines += [f"    {o}.fill(0)" for o in outs if gradients]
            lines.append(f"    {full}")
        else:
            lines.append(full)
        if last:
            lines += [f"{o} = np.moveaxis({o}, -1, 0)" for o in outs]
        if gradients:
            results = [f"_grad_result({o}, _given[{k}], {own[gradients[k]]}, _batch, {shape}, dtype)"
                       for k, (o, shape) in enumerate(zip(outs, shapes))]
            lines.append("return (" + ", ".join(results) + ",)")
        elif returns == "dict" and len(targets) > 1:
            lines.append("return {" + ", ".join(f"{t.name!r}: {o}.reshape(_batch + {s})"
                                                 for t, o, s in zip(targets, outs, shapes)) + "}")
        else:
            lines.append(f"return {outs[0]}.reshape(_batch + {shapes[0]})")
        return lines

    lines = [f"dtype = _dtype({args})"]
    if gradients:
        lines.append(f"_given = ({''.join(f'np.shape({p}), ' for p in gradients)})")
    if columns:
        first = next(i for i in inputs if i.shape)
        lines.append(f"if _rows_last({first.name}, {len(first.shape)}):  # a transposed view: rows last")
        lines += ["    " + line for line in branch("c", "_columns")]
    lines += branch("", "_rows")
    return LoweredFunction(name, params, lines, tuple(t.name for t in targets))


# ** catalog formulas **


def lower_numba_formula(formula) -> NumbaFunction:
    """The record's outputs, definitions expanded and the stability rules applied (as the NumPy backend's)."""
    from codegen.rules import stabilize

    targets, fired = [], set()
    for o in formula.outputs:
        expr, names = stabilize(formula.expanded(o))
        fired.update(names)
        targets.append(Target(o.name, expr, o.indices))
    fn = lower_numba(formula.id, formula_inputs(formula), tuple(targets), formula.size_symbols)
    fn.wrapper.rewrites = tuple(sorted(fired))
    return fn


def lower_numba_joint_vjp(name: str, grads) -> NumbaFunction:
    """``name(*inputs, g)``: every derived VJP of ``grads`` (one formula's records) from one kernel."""
    from codegen.derived_vjp import joint_vjp_targets

    inputs, targets, fired, sizes = joint_vjp_targets(grads)
    fn = lower_numba(name, inputs, targets, sizes, returns="tuple", gradients=tuple(g.wrt for g in grads))
    fn.wrapper.rewrites = tuple(sorted(fired))
    return fn


def module_source(functions: list[NumbaFunction], wrappers: list[str] | None = None, more_names=()) -> str:
    """The module's code (no certificate): imports, the runtime helpers, the kernels, then ``wrappers`` (the
    functions' wrappers' sources, without docstrings when None)."""
    wrappers = [fn.wrapper.source() for fn in functions] if wrappers is None else wrappers
    names = [fn.name for fn in functions] + list(more_names)
    return (IMPORTS + "\n\n__all__ = [" + ", ".join(repr(n) for n in sorted(names)) + "]\n\n" + RUNTIME
            + "\n\n" + "\n\n\n".join(fn.kernels for fn in functions) + "\n\n\n" + "\n\n".join(wrappers))


def _warm(namespace, formulas, joints) -> dict[str, str]:
    """Compile every kernel in both dtypes before the certificate forks its workers (each would compile
    again), on the first sample point of each formula and of each joint VJP's formula; ``{function name: why}``
    for those that numba cannot compile or that raise (the module is then written without them)."""
    from codegen.module import _vjp_formula
    from derivations.numeric.evaluate import sample_points

    calls = [(f.id, f) for f in formulas] + [(name, _vjp_formula(grads[0])) for name, grads in joints]
    failed = {}
    for name, record in calls:
        point = sample_points(record, n_random=1)[0]
        for dtype in (np.float64, np.float32):
            try:
                with np.errstate(all="ignore"):
                    namespace[name](**{k: np.asarray(v, dtype=dtype) for k, v in point.values.items()})
            except Exception as exc:  # noqa: BLE001  (a typing error of numba: named in the module)
                failed[name] = f"{type(exc).__name__}: {str(exc).splitlines()[0][:120] if str(exc) else ''}"
                break
    return failed


def write_module(ids: list[str], *, grad: bool, n_random: int | None = None, seed: int = 0) -> str:
    """The numba module for catalog ``ids`` (with ``grad``, their joint VJPs and per-record wrappers), headed
    by the certificate of its own code: the NumPy backend's checks (mpmath, the hand-written reference, the
    gradient records' backward) run on these functions."""
    require_numba()
    from codegen.load import load_generated
    from codegen.module import (
        N_RANDOM,
        _gradients_of,
        certificate,
        certify_all,
        formula_docstring,
        gradient_docstring,
        joint_docstring,
        joint_groups,
    )
    from symbolic import get

    n_random = N_RANDOM if n_random is None else n_random
    ids = sorted(dict.fromkeys(ids))
    skipped, functions, joints, records = [], [], [], []
    for i in ids:
        f = get(i)
        try:
            functions.append((f, lower_numba_formula(f)))
        except UnsupportedNode as exc:
            skipped.append(f"{i}: {exc}")
    done = {f.id for f, _ in functions}
    if grad:
        for name, members in joint_groups(_gradients_of(sorted(done))).items():
            try:
                joint = lower_numba_joint_vjp(name, members)
            except (UnsupportedNode, ValueError, TypeError, NotImplementedError) as exc:
                skipped.append(f"{name}: {exc}")
                continue
            joints.append((members, joint))
            for k, g in enumerate(members):
                params = joint.wrapper.params
                records.append((g, LoweredFunction(g.id, params, [f"return {name}({', '.join(params)})[{k}]"],
                                                   (g.vjp.name,), [], joint.wrapper.rewrites)))
    for _ in range(2):  # a second time without what numba could not compile
        sources = [fn.wrapper.source(formula_docstring(f, fn.wrapper)) for f, fn in functions]
        sources += [fn.wrapper.source(joint_docstring(fn.name, members, fn.wrapper)) for members, fn in joints]
        sources += [w.source(gradient_docstring(g, w)) for g, w in records]
        code = module_source([fn for _, fn in functions] + [fn for _, fn in joints], sources,
                             [w.name for _, w in records])
        namespace = vars(load_generated(code, "formulary_generated_numba"))
        failed = _warm(namespace, [f for f, _ in functions], [(fn.name, m) for m, fn in joints])
        if not failed:
            break
        skipped += [f"{name}: numba could not run it ({why})" for name, why in failed.items()]
        functions = [(f, fn) for f, fn in functions if f.id not in failed]
        joints = [(m, fn) for m, fn in joints if fn.name not in failed]
        records = [(g, w) for g, w in records if w.body[0].split("(")[0].split()[-1] not in failed]
    rows, grad_rows = certify_all([(f, fn.wrapper) for f, fn in functions], records, namespace,
                                  n_random=n_random, seed=seed)
    header = [
        "Formulary: generated numba kernels for " + ", ".join(ids) + ".",
        "",
        "Generated by formulary codegen --backend numba; do not edit. Needs NumPy and numba. Each function",
        "is a loop over the rows (the leading batch axes) compiled by numba at its first call per dtype;",
        "float32 in is float32 out (sums accumulated in float64), any other dtype computes in float64.",
        "",
        "Certificate of this module's own code (the NumPy backend's checks, run on these functions):",
        *certificate(rows, grad_rows, n_random=n_random, seed=seed),
    ]
    if skipped:
        header += ["", "Not generated (use the NumPy backend for these):", *[f"    {line}" for line in skipped]]
    return '"""' + "\n".join(header) + '\n"""\n' + code

