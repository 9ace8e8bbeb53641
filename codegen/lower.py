r"""Lowering of index notation to vectorized NumPy: free indices become array axes.

An expression such as softmax's

.. math:: \sigma_i = \frac{e^{z_i - m}}{\sum_{j=0}^{K-1} e^{z_j - m}}, \qquad m = \max_j z_j

lowers to whole-array code with no loop over elements::

    max_0 = np.max(z, axis=-1)
    t_1 = np.exp(z - max_0[..., None])
    sum_2 = np.sum(t_1, axis=-1)
    return t_1 / sum_2[..., None]

The parts, each a private module:

* :mod:`codegen.lower_printer`: :class:`NumPyLowering`, a subclass of sympy's
  ``NumPyPrinter`` whose ``_print_<Node>`` methods return array nodes whose
  trailing axes carry index labels; leading axes are batch axes (``...``), so a
  function of a vector works on a batch of vectors over the last axis.  Common
  subexpressions are shared, also when their axes are permuted.
* :mod:`codegen.lower_reduce`: sums as ``np.sum``, ``@`` or ``np.einsum`` (deltas summed out),
  ``ReduceMax`` as ``np.max``, ``Product`` as ``np.prod``.
* :mod:`codegen.lower_indexed`: reads of inputs as slices and sliding windows, and
  the zero padding of a full convolution's reads.
* :mod:`codegen.lower_nodes`: the array nodes and their emission as statements.

``Piecewise`` is ``np.where`` (or a zero-padded read), functions are NumPy ufuncs.
Anything else raises :class:`UnsupportedNode` naming the node.
"""
from __future__ import annotations

import ast
import itertools
import re
from dataclasses import dataclass, field

import sympy as sp

from symbolic.expr import as_expr

from codegen.lower_blocks import BLOCK_ELEMENTS, row_block_lines, sum_to_code
from codegen.lower_bufsize import broadcasts_rows, row_buffered
from codegen.lower_row_sum import summed_row_block_lines, summed_rows
from codegen.lower_row_weights import SUMS_PARAM, fold_row_weights, weighted_lines
from codegen.lower_liveness import plan
from codegen.lower_nodes import ATOM, Arr, Emitter, UnsupportedNode
from codegen.lower_printer import NumPyLowering, _structure
from codegen.lower_unit_scale import discards_branch
from codegen.lower_split_sums import cancellation_line, log_floor_line
from codegen.lower_unshifted import GUARD_NAME, bounded_by_guards, finite_test, guard_line, unshifted

__all__ = ["PRECISIONS", "Input", "LoweredFunction", "NumPyLowering", "Target", "UnsupportedNode",
           "formula_inputs", "lower_formula", "lower_function", "size_sources"]

PRECISIONS = ("fast", "accurate")
"""``fast``: computed in the inputs' floating dtype (float32 in, float32 computed and out); ``accurate``:
inputs converted to float64 and computed in it (a float64 result)."""
RESERVED = ("np", "sliding_window_view", "dtype", "batch")

OUT_PARAM = "_out"
"""Keyword of a blocked one-array function: the array its result is written into (``None``: a new one)."""

SCRATCH_PARAM = "_ws"
"""Keyword of a blocked function: a dict of temporaries kept from the previous block of the same shape."""


@dataclass(frozen=True)
class Input:
    """A function parameter: the catalog variable's name, sympy symbol and shape."""

    name: str
    symbol: sp.Basic
    shape: tuple = ()


@dataclass(frozen=True)
class Target:
    """One returned value: ``expr`` over the free ``indices`` (``(index, lo, hi)``)."""

    name: str
    expr: sp.Expr
    indices: tuple = ()


@dataclass
class LoweredFunction:
    """The lowered code of one function, before the docstring is added."""

    name: str
    params: tuple[str, ...]
    body: list[str]
    outputs: tuple[str, ...]
    notes: list[str] = field(default_factory=list)
    rewrites: tuple[str, ...] = ()

    def source(self, docstring: str = "") -> str:
        lines = [f"def {self.name}({', '.join(self.params)}):"]
        if docstring:
            lines += _indent(docstring)
        lines += ["    " + line for line in self.body]
        return "\n".join(lines) + "\n"


def _indent(text: str) -> list[str]:
    return [("    " + line) if line else "" for line in text.splitlines()]


def _identifier(text: str) -> str:
    name = re.sub(r"\W", "_", text)
    return name if name and not name[0].isdigit() else "_" + name


# ** functions **


def size_sources(inputs: tuple[Input, ...], symbols) -> dict:
    """Where each size symbol is read from: ``(input name, negative axis)``."""
    out = {}
    for s in symbols:
        for inp in inputs:
            if s in inp.shape:
                out[s] = (inp.name, inp.shape.index(s) - len(inp.shape))
                break
    return out


def lower_function(name: str, inputs: tuple[Input, ...], targets: tuple[Target, ...],
                   size_symbols=(), *, precision: str = "fast", returns: str = "dict",
                   lowering: type[NumPyLowering] = NumPyLowering, blocks: int = 0,
                   sum_to: tuple = (), gradient: bool = False) -> LoweredFunction:
    """Lower ``targets`` (already rewritten for stability) to one NumPy function of ``inputs``.

    Sizes are read from the inputs' shapes (``K = z.shape[-1]``); a size no
    input's shape names becomes a keyword parameter.  One target returns an
    array and several a dict keyed by target name (``returns="dict"``), or a tuple
    in target order (``returns="tuple"``, also of one target).  ``precision`` is one of
    :data:`PRECISIONS`.  The inputs' batch axes are broadcast (as views) to one
    batch shape, so that arrays with the same index labels have the same shape:
    the liveness pass (:mod:`codegen.lower_liveness`) relies on it.  ``lowering`` is the printer
    class: a backend (:mod:`codegen.backends`) is a subclass with its own name table.  ``blocks``:
    when positive, a NumPy function runs over blocks of its leading batch axis whose largest
    intermediate holds about that many elements (:mod:`codegen.lower_blocks`; the function calls
    itself by ``name``, so its source must keep that name).  ``sum_to`` (NumPy, ``returns="tuple"``):
    per target, the input whose shape as given (before the batch broadcast) the target is summed
    to, or None: the gradient of a broadcast parameter is the sum over the batch.  ``gradient``: the targets are
    gradients (a VJP), whose float32 accuracy needs more of the products an exponential reads
    (:attr:`~codegen.lower_printer.NumPyLowering.gradient`).
    """
    if not name.isidentifier():
        raise ValueError(f"function name {name!r} is not an identifier")
    if precision not in PRECISIONS:
        raise ValueError(f"precision {precision!r} is not one of {PRECISIONS}")
    params = tuple(i.name for i in inputs)
    for p in params:
        if not p.isidentifier() or p in RESERVED:
            raise ValueError(f"{name}: input name {p!r} cannot be a parameter")
    sizes, taken = {}, set(params) | set(RESERVED)
    for s in size_symbols:
        local = _identifier(str(s))
        while local in taken:
            local += "_size"
        sizes[s] = local
        taken.add(local)
    printer, em, roots, results = _emit(lowering, inputs, sizes, targets, taken, params, gradient)
    can_block = blocks > 0 and printer.module == "np" and all(r.batched for r in roots) and \
        not any("sliding_window_view(" in s.code for s in em.stmts)  # windows: contracted whole
    into = OUT_PARAM if can_block and (returns == "tuple" or len(targets) == 1) else None
    summed = ()
    if returns == "tuple" and printer.module == "np" and any(sum_to):
        summed = tuple(None if p is None else f"_given[{k}]" for k, p in enumerate(sum_to))

    folded = {}

    def body_of(printer, em, results, scratch_first=0, folded=None):
        return _body(printer, em, results, targets, returns, params, into,
                     SCRATCH_PARAM if can_block else None, summed, scratch_first, folded)

    body = body_of(printer, em, results, folded=folded)
    kept = sum(1 for s in em.stmts if s.scratch is not None)  # the unshifted body's temporaries: other keys
    fast = _unshifted_body(lowering, inputs, sizes, targets, taken, params, returns,
                           lambda *a: body_of(*a, scratch_first=kept), gradient) \
        if printer.module == "np" and printer.in_place else None
    if fast is not None:
        body = fast + body
    used = _names_used(body)  # before the body is indented under errstate
    blocked = []
    if can_block:
        sliced = [(i.name, len(i.shape)) for i in inputs]  # every input: the block's call passes them all
        blocked = row_block_lines(name, params, sliced, _per_row(printer, em.stmts, roots, inputs),
                                  list(range(len(targets))) if returns == "tuple" else
                                  [None] if len(targets) == 1 else [t.name for t in targets],
                                  tuple(local for s, local in sizes.items()
                                        if local in used and s not in size_sources(inputs, sizes)),
                                  block=blocks, buffers=_widest_buffers(em.stmts),
                                  whole_transposed=_widest_is_result(em.stmts),
                                  summed=summed, into=OUT_PARAM if OUT_PARAM in used else None,
                                  scratch=SCRATCH_PARAM if SCRATCH_PARAM in used else None,
                                  presummed=tuple(folded), sums=SUMS_PARAM)
        used |= _names_used(blocked)
        if any(f"{SUMS_PARAM}=" in line for line in blocked):
            used.add(SUMS_PARAM)
    rows = summed_rows(targets, inputs) if blocks > 0 and printer.module == "np" and returns != "tuple" else None
    if rows is not None and rows[0] in sizes and not any("sliding_window_view(" in s.code for s in em.stmts):
        n, found, p = rows
        lines = summed_row_block_lines(name, params, inputs, found, sizes[n], p,
                                       _per_row(printer, em.stmts, roots, inputs),
                                       tuple(local for s, local in sizes.items()
                                             if local in used and s not in size_sources(inputs, sizes)),
                                       block=blocks, buffers=_widest_buffers(em.stmts))
        blocked += lines
        used |= _names_used(lines)
    sources = size_sources(inputs, sizes)
    shapes, extra = [], []
    for s, local in sizes.items():
        if local not in used:
            continue
        if s in sources:
            var, axis = sources[s]
            shapes.append(f"{local} = {var}.shape[{axis}]")
            used.add(var)  # read for its shape: an array too
        else:
            extra.append(local)
    used_inputs = [i for i in inputs if i.name in used]
    prologue = (_prologue(used_inputs, precision) if printer.module == "np" else
                printer.prologue(used_inputs)) + shapes + blocked
    if summed:  # the parameters' shapes as given: the prologue broadcasts them
        given = ["None" if p is None else f"np.shape({p})" for p in sum_to]
        if SUMS_PARAM in used:  # a block of a blocked call: the shapes its caller sums the blocks to
            given = [g if p is None else f"({g} if {SUMS_PARAM} is None or {SUMS_PARAM}[{k}] is None "
                     f"else {SUMS_PARAM}[{k}])" for k, (g, p) in enumerate(zip(given, sum_to))]
        prologue.insert(0, "_given = (" + ", ".join(given) + ",)")
    notes = []
    if printer.module == "np" and any(discards_branch(line) for line in body):
        body = ["with np.errstate(all='ignore'):  # np.where evaluates the branch it discards"] + [
            "    " + line for line in body]
        notes.append("branches of np.where are evaluated everywhere; floating-point warnings are silenced")
    widest = max(used_inputs, key=lambda i: len(i.shape), default=None)  # the first of the most axes
    if printer.module == "np" and widest is not None and widest.shape and broadcasts_rows(body):
        body = row_buffered(body, widest.name)
    if extra:
        params = params + ("*",) + tuple(extra)
    for hidden in (OUT_PARAM, SCRATCH_PARAM, SUMS_PARAM):  # row blocks: the caller's output slice, kept
        # temporaries, the shapes a block sums to
        if hidden in used:
            params = params + (() if "*" in params else ("*",)) + (f"{hidden}=None",)
    return LoweredFunction(name, params, prologue + body, tuple(t.name for t in targets), notes)


def _emit(lowering, inputs, sizes, targets, taken, params, gradient=False):
    """``(printer, emitter, roots, result codes)``: the targets lowered to statements."""
    printer = lowering(inputs, sizes)
    printer.gradient = gradient
    roots = []
    for t in targets:
        t = _own_indices(printer, t)
        for idx, lo, hi in t.indices:
            if idx not in printer.active:
                printer.bind(idx, lo, hi)
                printer.active.add(idx)
        roots.append(_finish(printer, t))
    em = Emitter(roots, set(taken), inputs=params, three_address=printer.in_place)
    results = [em.expression(r) for r in roots]
    if not printer.in_place:
        for s in em.stmts:
            s.ufunc = None  # no out= buffers outside NumPy
    return printer, em, roots, results


def _body(printer, em, results, targets, returns, params, into, scratch, summed, scratch_first=0,
          folded: dict | None = None) -> list[str]:
    """The statements of one lowering (liveness planned), ending in its ``return``; ``folded`` collects the
    outputs whose row weight is folded into their sum (:mod:`codegen.lower_row_weights`)."""
    if returns == "tuple":
        result = "(" + ", ".join(results) + ("," if len(results) == 1 else "") + ")"
    elif len(targets) == 1:
        result = results[0]
    else:
        result = "{" + ", ".join(f"{t.name!r}: {r}" for t, r in zip(targets, results)) + "}"
    body = plan(em.stmts, result, set(params), printer.ranges, out_param=into, scratch_param=scratch,
                scratch_first=scratch_first)
    body = _return_last(body)
    if summed:
        values = [ast.unparse(v) for v in ast.parse(body[-1].strip()).body[0].value.elts]
        weights = fold_row_weights(body, values, summed) if printer.module == "np" else {}
        if folded is not None:
            folded.update(weights)
        body[-1:] = [f"_r = ({', '.join(values)},)"] + [
            f"_r{k} = _r[{k}]" for k, p in enumerate(summed) if p is not None] + [
            line for k in weights for line in weighted_lines(k, summed[k])] + [
            "return (" + ", ".join(f"_r[{k}]" if p is None else sum_to_code(f"_r{k}", p)
                                   for k, p in enumerate(summed)) + ",)"]
    return body


def _unshifted_body(lowering, inputs, sizes, targets, taken, params, returns, body_of,
                    gradient=False) -> list[str] | None:
    r"""The statements of the targets with their exponentials unshifted (:mod:`codegen.lower_unshifted`), which
    return where the guard holds and fall through to the shifted code otherwise; None where not applicable."""
    found = unshifted([t.expr for t in targets], split=True)
    if found is None:
        return None
    exprs, sums, groups = found
    fast = tuple(Target(t.name, e, t.indices) for t, e in zip(targets, exprs))
    try:
        printer, em, roots, results = _emit(lowering, inputs, sizes, fast, taken, params, gradient)
    except UnsupportedNode:
        return None
    names = [_statement_of(printer, em, s) for s in sums]
    if None in names:
        return None
    names = list(dict.fromkeys(names))  # one sum written with other index names is one statement
    body = body_of(printer, em, results)
    last = body[-1]
    if not last.startswith("return "):
        return None
    def line_of(n):
        return next((k for k, line in enumerate(body) if line.lstrip().startswith(f"{n} = ")), None)

    if any(line_of(n) is None for n in names):
        return None
    names.sort(key=line_of)
    named = dict(zip(sums, (_statement_of(printer, em, s) for s in sums)))
    split_parts = [[(c, _statement_of(printer, em, s)) for c, s in group.parts] for group in groups]
    if any(n is None or line_of(n) is None for group in split_parts for _, n in group):
        return None
    for n in names:  # the guard right after each sum's statement, while it holds its value
        at = line_of(n)
        indent = body[at][: len(body[at]) - len(body[at].lstrip())]
        test = guard_line([n])
        if n != names[0]:
            test = test.replace(" = ", f" = {GUARD_NAME} and ", 1)
        body.insert(at + 1, indent + test)
        if any(named[s] == n for split in groups for s in split.logs):  # its log in a split sum: S >= e
            body.insert(at + 2, indent + log_floor_line(GUARD_NAME, n))
    for group, split in zip(split_parts, groups):  # a split sum: tested once its parts are computed (and the S guard)
        at = max([line_of(n) for _, n in group] + [line_of(names[-1]) + 1])
        indent = body[at][: len(body[at]) - len(body[at].lstrip())]
        weights = [str(w.label if isinstance(w, sp.IndexedBase) else w) for w in split.weights]
        body.insert(at + 1, indent + cancellation_line(GUARD_NAME, [f"{float(c)!r} * {n}" for c, n in group], weights))
    value = last[len("return "):]
    if returns == "tuple":
        parts = [f"_v[{k}]" for k in range(len(targets))]
    elif len(targets) == 1:
        parts = ["_v"]
    else:
        parts = [f"_v[{t.name!r}]" for t in targets]
    # a pass over every output, skipped where the guard alone bounds them (a softmax e^{z_k} / S <= 1)
    finite = [finite_test(p) for p, e, t in zip(parts, exprs, targets) if not bounded_by_guards(e, sums, t.indices)]
    at = line_of(names[-1]) + 1
    if body[at].startswith(GUARD_NAME):  # not under a with: the rest runs only where the guard holds
        test = " and ".join(([GUARD_NAME] if groups else []) + finite)
        body = body[:at + 1] + [f"if {GUARD_NAME}:"] + ["    " + line for line in body[at + 1:-1]] + (
            [f"    _v = {value}", f"    if {test}:", "        return _v"] if test else [f"    return {value}"])
    else:
        body = body[:-1] + [f"_v = {value}", f"if {' and '.join([GUARD_NAME] + finite)}:", "    return _v"]
    # an exponential that overflows sends the call to the shifted code: no warning
    return ["with np.errstate(over='ignore', under='ignore', invalid='ignore', divide='ignore'):"] + [
        "    " + line for line in body]


def _statement_of(printer, em, expr) -> str | None:
    """The name of the statement that computed ``expr`` (found through the printer's memo), or None."""
    free = [s for s in expr.free_symbols if s in printer.ranges]  # its free indices (not the sizes)
    for key, (arr, old) in list(printer._memo.items()):
        if len(old) != len(free):
            continue
        for order in itertools.permutations(free):
            names = {s: f"#f{n}" for n, s in enumerate(order)}
            if key[0] != _structure(expr, names, 0, printer._atoms):
                continue
            while id(arr) not in em.names and arr.template == "{0}" and len(arr.args) == 1:
                arr = arr.args[0]
            if id(arr) in em.names:
                return em.names[id(arr)]
    return None


def _per_row(printer: NumPyLowering, stmts, roots, inputs) -> list[str]:
    """Code of the element count, per batch element, of each distinct intermediate, output and input shape."""
    labelled = [s.node.labels for s in stmts] + [r.labels for r in roots]
    counts = []
    for labels in labelled:
        sizes = [printer.ranges[x][1] - printer.ranges[x][0] + 1 for x in labels if x in printer.ranges]
        counts.append(sp.Mul(*sizes))
    counts += [sp.Mul(*i.shape) for i in inputs]
    out = []
    for c in dict.fromkeys(counts):
        if c != 1:
            try:
                out.append(printer.code(c))
            except UnsupportedNode:  # a range that is not a function of the sizes: not counted
                continue
    return out or ["1"]


def _widest_buffers(stmts) -> int:
    """Arrays of the widest shape among ``stmts`` that the planned body allocates: the outputs (written into
    the caller's ``_out``) and the temporaries it keeps; a statement that writes into a dead buffer counts no
    new one."""
    def width(s):
        return sum(1 for x in s.node.labels if x is not None)

    widest = max((width(s) for s in stmts), default=0)
    return sum(1 for s in stmts if s.ufunc and s.out in (None, OUT_PARAM) and width(s) == widest)


def _widest_is_result(stmts) -> bool:
    """The only array of the widest shape that the planned body allocates is its result (written into the caller's
    ``_out``; every later pass over that shape writes over it): unblocked, the body needs no more memory than its
    output (:func:`codegen.lower_blocks.row_block_lines`, ``whole_transposed``)."""
    def width(s):
        return sum(1 for x in s.node.labels if x is not None)

    widest = max((width(s) for s in stmts), default=0)
    fresh = [s for s in stmts if s.ufunc and s.out in (None, OUT_PARAM) and width(s) == widest]
    return len(fresh) == 1 and fresh[0].out == OUT_PARAM


def _own_indices(printer: NumPyLowering, t: Target) -> Target:
    """``t`` with a free index renamed where an earlier target bound the same symbol to another range."""
    mapping = {}
    for idx, lo, hi in t.indices:
        if idx in printer.ranges and printer.ranges[idx] != (as_expr(lo), as_expr(hi)):
            mapping[idx] = sp.Dummy(str(idx), integer=True)
    if not mapping:
        return t
    return Target(t.name, t.expr.xreplace(mapping), tuple((mapping.get(i, i), lo, hi) for i, lo, hi in t.indices))


def _prologue(inputs: list[Input], precision: str) -> list[str]:
    r"""Inputs as arrays of one floating dtype, their batch axes broadcast to one batch shape (views).

    ``fast``: the dtype is NumPy's promotion of the inputs' dtypes with a Python float
    (float32 stays float32, integers become float64, a Python number does not count);
    no copy when an input already has it.  ``accurate``: float64.
    """
    if not inputs:
        return []
    lines = []
    if precision == "accurate":
        dtype = "np.float64"
        lines.append("dtype = np.float64")  # named: the code reads it (np.finfo(dtype).tiny)
    else:
        dtype = "dtype"
        for i in inputs:
            lines.append(f"{i.name} = np.asarray({i.name})" if i.shape else
                         f"{i.name} = {i.name} if isinstance({i.name}, (int, float)) else np.asarray({i.name})")
        lines.append(f"dtype = np.result_type({', '.join(i.name for i in inputs)}, 1.0)")
    lines += [f"{i.name} = np.asarray({i.name}, dtype={dtype})" for i in inputs]
    if len(inputs) > 1:
        def batch_of(i):
            return f"{i.name}.shape[:{i.name}.ndim - {len(i.shape)}]" if i.shape else f"{i.name}.shape"

        def own_of(i):
            return f" + {i.name}.shape[{i.name}.ndim - {len(i.shape)}:]" if i.shape else ""

        # the batch shapes all equal (the common case, and every block's call): no np.broadcast_shapes (~5 us)
        same = " == ".join(batch_of(i) for i in inputs)
        lines.append(f"batch = {batch_of(inputs[0])} if {same} else "
                     f"np.broadcast_shapes({', '.join(batch_of(i) for i in inputs)})")
        lines += [f"{i.name} = {i.name} if {batch_of(i)} == batch else np.broadcast_to({i.name}, batch{own_of(i)})"
                  for i in inputs]
    return lines


def _return_last(body: list[str]) -> list[str]:
    """``t = code; return t`` as ``return code`` (no ``out=`` in it: that names a buffer)."""
    if len(body) >= 2 and body[-1].startswith("return ") and " = " in body[-2] and "out=" not in body[-2]:
        name, code = body[-2].split(" = ", 1)
        if body[-1] == f"return {name}" and name.isidentifier():
            return body[:-2] + [f"return {code}"]
    return body


def _finish(printer: NumPyLowering, target: Target) -> Arr:
    """The target's array with exactly its output axes, in order (broadcast if it lacks some)."""
    out = tuple(i for i, _, _ in target.indices)
    arr = printer._print(target.expr)
    stray = set(arr.labels) - set(out)
    if stray:
        raise UnsupportedNode(target.expr, f"indices {stray} are neither free nor bound")
    aligned = printer.align(arr, out)
    if set(arr.labels) == set(out):
        return aligned
    named = Arr("{0}", (aligned,), out, True, ATOM, "reduce", "r")  # named: used three times below
    shape = ", ".join(printer.code(hi - lo + 1) for _, lo, hi in target.indices)
    sh = printer.shape_of.format("{0}")
    return Arr(printer.fn("broadcast_to") + f"({{0}}, tuple({sh}[:len({sh}) - {len(out)}]) + ({shape},))",
               (named,), out, True, True)


def _names_used(lines: list[str]) -> set[str]:
    return {n.id for n in ast.walk(ast.parse("\n".join(lines))) if isinstance(n, ast.Name)}


# ** catalog records **


def formula_inputs(formula) -> tuple[Input, ...]:
    return tuple(Input(v.name, v.symbol, tuple(v.shape)) for v in formula.variables)


def lower_formula(formula, *, name: str | None = None, precision: str = "fast",
                  blocks: int = BLOCK_ELEMENTS) -> LoweredFunction:
    """The record's outputs, definitions expanded and stability rules applied, as one function."""
    from codegen.rules import stabilize as stabilize_for_codegen

    targets, fired = [], set()
    for o in formula.outputs:
        expr, names = stabilize_for_codegen(formula.expanded(o))
        fired.update(names)
        targets.append(Target(o.name, expr, o.indices))
    fn = lower_function(name or formula.id, formula_inputs(formula), tuple(targets), formula.size_symbols,
                        precision=precision, blocks=blocks)
    fn.rewrites = tuple(sorted(fired))
    return fn
