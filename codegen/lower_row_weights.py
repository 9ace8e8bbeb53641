r"""A gradient summed over the batch whose last step scales each row: the scale folded into the sum.

The gradient of a parameter broadcast over the batch rows is the sum over the rows (``sum_to``,
:func:`codegen.lower_blocks.sum_to_code`).  When the lowered statement that produces it multiplies a
row array by a per-row weight (the layer norm's $\bar\gamma_j = \sum_b \hat x_{bj} g_{bj}$ with
$\hat x_{bj} = (x_{bj} - \mu_b) / \sigma_b$: ``t = np.multiply(u, w[..., None], out=u)``), then

.. math:: \sum_b w_b\, u_{bj} = (w^{\mathsf T} u)_j ,

one matrix-vector product over $u$ (BLAS, as :func:`codegen.lower_blocks.column_sum` adds rows), where
the statement and the sum were two passes over a batch-sized array.  The statement is kept as code that
runs where the gradient is not summed (a parameter given per row), so nothing changes there.

A blocked function (:mod:`codegen.lower_blocks`) sums its blocks' rows itself: it passes each block the
shapes to sum to (the keyword :data:`SUMS_PARAM`), adds the blocks' sums, and no block returns its rows.
"""
from __future__ import annotations

import ast
import re

SUMS_PARAM = "_sums"
"""Keyword of a blocked function with a folded row weight: per output, the shape its block sums to, or None
(the block's own shape as given: per row)."""


def _row_scale(line: str) -> tuple[str, str, str] | None:
    """``(target, array, weight code)`` of ``target = np.multiply(array, (weight)[..., None], out=array)``."""
    try:
        node = ast.parse(line.strip()).body[0]
    except SyntaxError:
        return None
    if not (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)):
        return None
    call = node.value
    if not (isinstance(call, ast.Call) and ast.unparse(call.func) == "np.multiply" and len(call.args) == 2
            and len(call.keywords) == 1 and call.keywords[0].arg == "out"):
        return None
    array, scaled = call.args
    out = call.keywords[0].value
    if not (isinstance(array, ast.Name) and isinstance(out, ast.Name) and out.id == array.id):
        return None
    if not (isinstance(scaled, ast.Subscript) and ast.unparse(scaled.slice) == "(..., None)"):
        return None
    return node.targets[0].id, array.id, ast.unparse(scaled.value)


def _word(name: str) -> re.Pattern:
    return re.compile(rf"(?<![\w.]){re.escape(name)}(?!\w)")


def fold_row_weights(body: list[str], values: list[str], summed: tuple) -> dict[int, str]:
    r"""Rewrite ``body`` (its last line the ``return`` of the tuple ``values``) so that each summed output
    (``summed[k]`` not None) made by a per-row scaling statement read by nothing but the return keeps the
    unscaled array and its weight ``_w{k}``; ``{k: weight name}`` of the outputs rewritten."""
    found = {}
    for k, (value, shape) in enumerate(zip(values, summed)):
        if shape is None or not value.isidentifier() or values.count(value) != 1:
            continue
        at = [n for n, line in enumerate(body[:-1]) if _row_scale(line) and _row_scale(line)[0] == value]
        if len(at) != 1:
            continue
        n = at[0]
        target, array, weight = _row_scale(body[n])
        later = body[n + 1:-1]
        if any(_word(target).search(line) for line in body[:n] + later) or \
                any(_word(array).search(line) and not line.strip().startswith("del ") for line in later):
            continue  # another reader: the scaled array is needed as it is
        indent = body[n][:len(body[n]) - len(body[n].lstrip())]
        body[n:n + 1] = [f"{indent}_w{k} = {weight}", f"{indent}{target} = {array}"]
        found[k] = f"_w{k}"
    return found


def weighted_lines(k: int, shape: str) -> list[str]:
    r"""Statements that turn ``_r{k}`` (rows $u$) and ``_w{k}`` (per-row weights $w$) into what the return sums
    to ``shape``: $w^{\mathsf T} u$ where exactly the weight's axes are summed (the leading axes, no axis of size
    1 kept), else the scaled rows $w_b u_b$ as the statement computed them (summed by the return as before).
    One weight axis is ``w @ u``, BLAS's matrix-vector product (``np.tensordot`` makes it a 1-row matrix product,
    measured 1.9x slower on the layer norm's 256 x 1024 float32 blocks)."""
    r, w = f"_r{k}", f"_w{k}"
    return [f"if np.ndim({r}) - len({shape}) == np.ndim({w}) and np.shape({w}) == np.shape({r})[:np.ndim({w})] "
            f"and np.shape({r})[np.ndim({w}):] == tuple({shape}):",
            f"    {r} = {w} @ {r} if np.ndim({w}) == 1 else np.tensordot({w}, {r}, axes=np.ndim({w}))",
            "else:",
            f"    {r} = np.multiply({r}, {w}[..., None], out={r})"]
