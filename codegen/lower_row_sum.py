r"""Blocks over a summed axis: a scalar output that is a sum (or a mean) over the rows of an input axis.

When the one output of a function is

.. math:: f(x) = c\, n^{p} \sum_{i=0}^{n-1} g(x_{i}) \qquad (p \in \{0, -1\},\ c \text{ a number}),

where every input that has the axis of size $n$ is read only at row $i$ of it (cross-entropy over a
batch of rows: $-\frac1n\sum_i \sum_k y_{ik} \log \mathrm{softmax}(z_i)_k$), then for row blocks
$B_1, \dots$ of sizes $n_b$

.. math:: f(x) = \sum_b \left(\frac{n}{n_b}\right)^{p} f(x_{B_b}) ,

so the function can call itself on blocks of rows whose intermediates stay in cache (as
:mod:`codegen.lower_blocks` does over leading batch axes) and add the partial results, in float64,
rounded once to their dtype (added in float32, the partial sums of 16 blocks put the float32
cross-entropy at 2 ulps where PyTorch's is at 1).  The rows' order of summation changes (a few ulps
of the terms); nothing else does.
"""
from __future__ import annotations

import sympy as sp

from codegen.lower_blocks import BLOCK_ELEMENTS, FEW_BUFFERS, FEW_BUFFERS_FACTOR


def _name(base) -> str:
    return str(base.label if isinstance(base, sp.IndexedBase) else base)


def summed_rows(targets, inputs):
    r"""``(n, {input name: position of the n axis among its own axes}, p)`` when the single target is
    $c\,n^p \sum_{i=0}^{n-1} g$ with every input of an n axis read at row $i$ only; else None."""
    if len(targets) != 1 or targets[0].indices:
        return None
    coeff, factors = targets[0].expr.as_coeff_mul()
    sums = [f for f in factors if isinstance(f, sp.Sum)]
    if len(sums) != 1 or not coeff.is_number:
        return None
    total = sums[0]
    rest = [f for f in factors if f is not total]
    by_name = {_name(i.symbol): i for i in inputs}
    for i, lo, hi in total.limits:
        n = hi + 1
        if lo != 0 or not isinstance(n, sp.Symbol):
            continue
        p, ok = 0, True
        for f in rest:
            b, e = f.as_base_exp()
            if b == n and e.is_Integer:
                p += int(e)
            else:
                ok = False
        if not ok or p not in (0, -1):
            continue
        others = [lim for lim in total.limits if lim[0] != i]
        if any(n in sp.Tuple(*lim[1:]).free_symbols for lim in others):
            continue
        found = _rows_read(total.function, i, n, by_name)
        if found:
            return n, found, p
    return None


def _rows_read(body, i, n, by_name) -> dict | None:
    """{input: position of its n axis} when every read of such an input is at row ``i`` there and
    ``i`` and ``n`` occur nowhere else in ``body``; else None."""
    positions = {name: [q for q, s in enumerate(inp.shape) if s == n] for name, inp in by_name.items()}
    if any(len(q) > 1 for q in positions.values()):
        return None
    found = {}
    for ind in body.atoms(sp.Indexed):
        name = _name(ind.base)
        if name not in by_name:
            return None
        q = positions[name]
        if q:
            if len(ind.indices) != len(by_name[name].shape) or ind.indices[q[0]] != i:
                return None
            found[name] = q[0]
        elif any(a.has(i) for a in ind.indices):
            return None
    placeholders = {ind: sp.Dummy() for ind in body.atoms(sp.Indexed)}
    bare = body.xreplace(placeholders)
    if bare.has(i) or bare.has(n) or any(isinstance(s, sp.Symbol) and _name(s) in found for s in bare.free_symbols):
        return None
    for e in sp.preorder_traversal(body):  # i is not bound again inside (a sum over i of its own)
        if hasattr(e, "limits") and any(lim[0] == i for lim in e.limits):
            return None
    return found or None


def summed_row_block_lines(name: str, params: tuple[str, ...], inputs, found: dict, n_local: str, p: int,
                           per_row: list[str], keywords: tuple[str, ...] = (),
                           block: int = BLOCK_ELEMENTS, buffers: int = FEW_BUFFERS + 1) -> list[str]:
    r"""Statements that run ``name`` over blocks of the rows of the summed axis and add the partial
    results weighted by $(n/n_b)^p$.  ``per_row``: code of the element count of each intermediate for
    all $n$ rows (divided by ``n_local`` for one row).  ``buffers``: as for
    :func:`codegen.lower_blocks.row_block_lines` (larger blocks where the summed axis is outermost)."""
    if any(q.startswith("_") for q in params):
        return []
    own = {i.name: len(i.shape) for i in inputs}
    name_of = {_name(i.symbol): i.name for i in inputs}
    cut = {name_of[k]: own[name_of[k]] - 1 - q for k, q in found.items()}  # trailing axes after the n axis
    width = per_row[0] if len(per_row) == 1 else f"max({', '.join(per_row)})"

    def sliced(prm):
        if prm not in cut:
            return prm
        return f"{prm}[..., _s:_s + _n_rows{', :' * cut[prm]}]"

    args = [sliced(prm) for prm in params] + [f"{k}={k}" for k in keywords]
    weight = "" if p == 0 else f" * (min(_n_rows, {n_local} - _s) / {n_local})"
    first = next(q for q in params if q in cut)
    item = f"{first}.itemsize"  # the first cut parameter: the same bytes per block in any dtype (lower_blocks.BLOCK_ELEMENTS)
    size = f"{block * 8}"
    if buffers <= FEW_BUFFERS:
        size = (f"({block * 8 * FEW_BUFFERS_FACTOR} if {first}.ndim > {cut[first]} and "
                f"{first}.strides[-{cut[first] + 1}] == max({first}.strides) else {block * 8})")
    return [f"_n_rows = max(1, {size} * {n_local} // max(1, ({width}) * {item}))",
            f"if {n_local} > _n_rows:",
            "    # the output sums over rows: blocks of rows whose passes stay in cache, partial results added",
            "    # in float64 and rounded once to their dtype",
            "    _total = np.float64(0)",
            f"    for _s in range(0, {n_local}, _n_rows):",
            f"        _part = {name}({', '.join(args)})",
            f"        _total = _total + np.asarray(_part, dtype=np.float64){weight}",
            "    return _total.astype(np.result_type(_part))"]
