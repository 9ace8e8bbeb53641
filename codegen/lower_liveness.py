r"""Liveness over the lowered statements: results written into dead buffers, names freed after last use.

The lowering names every full-size intermediate (:class:`~codegen.lower_nodes.Emitter` in
three-address form).  Walking the statements in order, each array ufunc
``t_k = f(a, b)`` looks for a *buffer* of its shape (the same index ranges, the same batch
shape: all inputs share one, see :func:`codegen.lower.lower_function`) and dtype that
is dead after this statement, an argument read here for the last time first
(``np.exp(t_1, out=t_1)``), then one that died earlier; if there is one, the
statement becomes ``t_k = f(a, b, out=buf)``.  A ufunc may write over its own input
(NumPy makes overlapping operands behave as if they did not overlap); a matrix
product only reuses a buffer dead before it.

A buffer is alive while any name that may alias it is used: the names of statements
that wrote into it, and of views of it (a transpose, a slice: any statement whose
code is not known to allocate).  Inputs and their views are never written.  After
the pass, each name is deleted (``del``) after its last use, so that its memory goes
back as soon as nothing reads it (a local lives until the function returns otherwise).

With ``out_param`` (a caller-given array, ``None`` by default; for a tuple of results a tuple of
arrays or ``None``), the statement that allocates the buffer of a returned array writes into it instead (``t_1 = np.subtract(z, m, out=_out)``):
every later statement of that buffer then writes there too, so a caller that runs the function
block by block gets each block's result in its slice of one output array, with no block-sized
allocation and no copy.  NumPy's ``out=None`` allocates as before.  Where the caller's array is strided
along its last axis (the output slice of a block of a transposed input: runs at a large power-of-two
stride, whose cache lines share a few cache sets), the buffer's first statement writes a compact
temporary instead (kept in ``scratch_param``) and its last statement writes the caller's array: one
pass over the strided memory, where the caller used to copy the block's compact result into it.

With ``scratch_param`` (a dict, ``None`` by default), every other statement that allocates a buffer
takes it from that dict when a previous call left one there, and leaves its own there
(``t_6 = np.multiply(t_2, r, out=None if _ws is None else _ws.get(0))``): a caller that runs the
function on blocks of one shape allocates each block's temporaries once, not once per block
(a fresh array's pages are faulted in again on every call: that costs as much as the pass itself).
"""
from __future__ import annotations

import ast

from codegen.lower_nodes import (
    MATMUL_PRODUCTS,
    SCALED_MATMUL,
    STRIDED_OUT,
    Stmt,
    is_fresh,
)


def _reads(code: str) -> set[str]:
    return {n.id for n in ast.walk(ast.parse(code)) if isinstance(n, ast.Name)}


def _key(stmt: Stmt, ranges: dict):
    """Arrays with equal keys have equal shapes: the range of each labelled axis, and the batch axes."""
    a = stmt.node
    return tuple(ranges.get(x, x) for x in a.labels), a.batched


class _Buffer:
    def __init__(self, key, holder: str | None, end: int):
        self.key, self.holders, self.end = key, [holder] if holder else [], end


def plan(stmts: list[Stmt], result_code: str, params: set[str], ranges: dict,
         out_param: str | None = None, scratch_param: str | None = None, scratch_first: int = 0) -> list[str]:
    """The statements (``out=`` where a dead buffer fits, ``del`` after last uses), then ``return``;
    with ``out_param``, the returned array's buffer is allocated by the caller when it gives one;
    the keys of ``scratch_param`` count from ``scratch_first`` (two bodies of one function keep theirs apart)."""
    for s in stmts:
        s.reads = _reads(s.code)
    stmts = _sunk_for_reuse(_reductions_first(stmts))
    n = len(stmts)
    last: dict[str, int] = {}
    for k, s in enumerate(stmts):
        for r in s.reads:
            last[r] = k
    for r in _reads(result_code):
        last[r] = n
    groups: dict[str, list[_Buffer]] = {}  # name -> the buffers it may alias
    for k, s in enumerate(stmts):
        end = last.get(s.name, k)
        if s.ufunc:  # an array ufunc of the function's dtype
            buf = _reuse(s, k, groups, _key(s, ranges))
            if buf is not None:
                s.out = buf.holders[-1]
                last[s.out] = max(last.get(s.out, k), k)
                buf.holders.append(s.name)
                buf.end = max(buf.end, end)
                groups[s.name] = [buf]
                continue
        if is_fresh(s.node):
            groups[s.name] = [_Buffer(_key(s, ranges) if s.ufunc else None, s.name, end)]
            continue
        aliased = [b for r in s.reads for b in groups.get(r, ())]  # a view: it keeps its arguments alive
        for b in aliased:
            b.end = max(b.end, end)
        pinned = [_Buffer(None, None, n)] if s.reads & params else []
        groups[s.name] = aliased + pinned
    flag = []
    if out_param is not None and result_code.isidentifier():
        first = _allocating(stmts, result_code, groups.get(result_code, ()))
        if first is not None:
            first.out = out_param
            final = next(s for s in stmts if s.name == result_code)
            if final is not first:  # a strided array of the caller's is written once, by the last pass
                first.strided, final.last = STRIDED_OUT, out_param
                flag = [(f"{STRIDED_OUT} = {out_param} is not None and np.ndim({out_param}) > 0 and "
                         f"{out_param}.strides[-1] != {out_param}.itemsize")]
    elif out_param is not None:  # a tuple: element k into the caller's array out_param[k] (or None)
        value = ast.parse(result_code, mode="eval").body
        for k, e in enumerate(value.elts if isinstance(value, ast.Tuple) else ()):
            first = _allocating(stmts, e.id, groups.get(e.id, ())) if isinstance(e, ast.Name) else None
            if first is not None and first.caller is None:
                first.caller = (out_param, k)
    if scratch_param is not None:
        for k, s in enumerate(t for t in stmts if t.ufunc and (t.out is None or t.strided is not None)):
            s.scratch = (scratch_param, scratch_first + k)
    return flag + _with_deletions(stmts, result_code, last)


def _allocating(stmts: list[Stmt], result_name: str, bufs) -> Stmt | None:
    """The statement that allocates the returned name's buffer, when the returned name is a ufunc's
    result of the output's shape written into that buffer (its first holder allocates it)."""
    if len(bufs) != 1 or bufs[0].key is None or result_name not in bufs[0].holders:
        return None  # a view (a transpose) of a buffer, or an input: not the output's layout
    first = next((s for s in stmts if s.name == bufs[0].holders[0]), None)
    return first if first is not None and first.ufunc and first.out is None else None


def _reductions_first(stmts: list[Stmt]) -> list[Stmt]:
    r"""Each reduction moved up to just after the statements it reads: it consumes its full-size argument
    before the elementwise statements that follow, which may then overwrite that argument
    (layer norm: $\sum_a (x_a - \mu)^2$ before $(x - \mu)\gamma$ lets the product reuse $x - \mu$)."""
    order: list[Stmt] = []
    for s in stmts:
        if s.node.template.startswith(("np.sum(", "np.max(", "np.min(", "np.einsum(", "np.prod(")) and \
                len(s.node.labels) < max((len(c.labels) for c in s.node.args), default=0):
            at = max((k + 1 for k, t in enumerate(order) if t.name in s.reads), default=0)
            while at < len(order) and order[at].node.template.startswith(("np.sum(", "np.max(", "np.min(", "np.einsum(")):
                at += 1  # after the reductions already moved there: their order is kept
            order.insert(at, s)
        else:
            order.append(s)
    return order


def _sunk_for_reuse(stmts: list[Stmt]) -> list[Stmt]:
    r"""Each elementwise statement moved down to just after the last other reader of an argument of its
    shape, when its own first reader comes later still: it is then that argument's last reader and
    writes over it in place, where it would have needed a buffer of its own (layer norm: $(x - \mu)\gamma$
    after the statements of the scale, which still read $x - \mu$, so that one block-sized buffer, the
    output, holds both)."""
    order = list(stmts)
    for s in list(order):
        if not s.ufunc or s.ufunc in (*MATMUL_PRODUCTS, SCALED_MATMUL):
            continue
        j = order.index(s)
        first_use = next((k for k in range(j + 1, len(order)) if s.name in order[k].reads), len(order))
        best = None
        for a in s.args:
            src = next((t for t in order[:j] if t.name == a), None)
            if src is None or src.node.labels != s.node.labels or src.node.batched != s.node.batched:
                continue
            later = [k for k in range(j + 1, len(order)) if a in order[k].reads]
            if later and later[-1] < first_use:
                best = max(best or 0, later[-1])
        if best is not None:
            order.insert(best, order.pop(j))  # after the pop, index best is just past the last reader
    return order


def _reuse(s: Stmt, k: int, groups, key):
    seen, dying, dead = set(), [], []
    for bufs in groups.values():
        for b in bufs:
            if id(b) in seen or b.key != key or not b.holders:
                continue
            seen.add(id(b))
            if b.end < k:
                dead.append(b)
            elif b.end == k and s.ufunc not in (*MATMUL_PRODUCTS, SCALED_MATMUL):
                dying.append(b)
    args = set(s.args)
    dying.sort(key=lambda b: not (set(b.holders) & args))  # an argument's own buffer first
    for b in dying + dead:
        return b
    return None


def _with_deletions(stmts: list[Stmt], result_code: str, last: dict) -> list[str]:
    n = len(stmts)
    ending: dict[int, list[str]] = {}
    for j, s in enumerate(stmts):
        k = last.get(s.name, -1)
        if k < n:
            ending.setdefault(max(k, j), []).append(s.name)
    lines = []
    for k, s in enumerate(stmts):
        lines += s.lines()
        if k in ending:
            lines.append("del " + ", ".join(ending[k]))
    return lines + [f"return {result_code}"]
