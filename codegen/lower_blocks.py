r"""Row blocking: a function of one sample runs over blocks of its leading batch axis.

The lowered body treats the leading batch axes elementwise (every reduction runs over labelled
axes), so for inputs of batch shape $(B, \dots)$

.. math:: f(x)_{b} = f(x_{b_0:b_1})_{b - b_0} \qquad b_0 \le b < b_1 .

Each statement of the body is a full pass over memory; when the intermediates of the whole
batch outgrow the cache, each pass streams from main memory.  Called on blocks of rows whose
largest intermediate holds about :data:`BLOCK_ELEMENTS` elements, the passes of one block read
what the previous pass left in cache (the fusion a compiler would do, from NumPy), and the peak
memory of the temporaries shrinks to one block's.  A transposed input (leading axis contiguous, e.g.
the features x batch view that batch normalization reduces) is blocked too: a block is then runs of
adjacent elements, one per trailing index, read whole from each cache line.  The function calls itself on each block (the
block's rows are at most ``_rows``, so the inner call runs the plain body) and copies the
block's outputs into arrays allocated once, from the dtype and trailing shape of a call on no rows
(nothing computed, and no block's result held beside the outputs: peak memory is the outputs plus
one block's temporaries; a call on one row would cost a whole block where a row is a block, as in
attention).
"""
from __future__ import annotations

BLOCK_ELEMENTS = 1 << 17
"""Elements of the largest intermediate of one block in float64: 1 MiB, the size of one core's L2 cache on the
benchmark machine (AMD EPYC, 1 MiB 8-way L2 per core, 32 MiB shared L3; lscpu's "2 MiB (2 instances)" is the
total of both cores).  With the block's input beside its temporaries the passes after the first read mostly
from L3; smaller blocks that would stay in L2 lose more to NumPy's per-call overhead than they gain: a lean
layer norm forward body (seven NumPy calls per block, float32 4096 x 1024, CPU time side by side, loaded
machine) took 1.17x / 1.07x / 1.0x / 0.97x the time of 256-row (1 MiB) blocks at 64 / 128 / 256 / 512 rows.
A block holds the same bytes in any dtype (twice the elements in float32: half the blocks, so half
the per-call overhead of NumPy, for the same cache footprint)."""

FEW_BUFFERS = 2
r"""A body that allocates at most this many arrays of its widest shape (its outputs and the temporaries it
keeps, not its inputs) runs blocks :data:`FEW_BUFFERS_FACTOR` times larger."""

FEW_BUFFERS_FACTOR = 2
r"""A block costs a fixed NumPy overhead (each call on a block runs some 25 ufunc calls on per-row vectors:
about 45 us for the layer norm) and the cache footprint of its buffers.  With at most
:data:`FEW_BUFFERS` block-sized buffers the footprint of a 2 MiB block is that of a 1 MiB block of a body
holding four or five, and half the calls cost less than the cache they lose.  Measured side by side in
one process (CPU time, 15-21 rounds, 4096 x 1024, a loaded machine): float32 layer norm forward 0.89x,
softmax forward 0.92x, cross-entropy from logits forward 0.93x, softmax backward 0.96x, batch norm and
attention forward 0.99x-1.0x; float64 0.95x, 0.94x, 0.92x, 1.0x, 0.97x, 0.99x.  Bodies with more
buffers stay at :data:`BLOCK_ELEMENTS`: doubled, their blocks lost more to the cache than they saved
(layer norm backward 1.0x float32, 1.04x float64), and so do the blocks of a transposed input, runs at
a power-of-two stride whose cache lines share a few cache sets (batch norm backward 1.04x, 1.12x).

Over a transposed input (leading axis contiguous: batch normalization's features x batch view ``x.T``) a body
whose only array of its widest shape is its result runs unblocked.  Its blocks would be runs of ``_rows``
elements at the batch's stride, whose cache lines fall in a few of L2's sets (1 KiB runs at a 16 KiB stride
use 128 of its 2048 sets: 64 KiB of its 1 MiB), so each pass over a block read L3; over the whole array, one
contiguous piece of memory, each pass reads in memory order, and it needs no memory but its output and a
chunk (its sum of squares over the strided axis is summed a chunk at a time,
:func:`codegen.lower_nodes.strided_row_dot`).  Batch norm forward, 1024 x 4096 (the benchmark's ``x.T``):
float32 0.75x, float64 0.79-0.81x the blocked time, the same bits (CPU time, side by side in one process, 21
rounds); tracemalloc's peak the output and one chunk (float32 18 MB as blocked, float64 33.1 -> 32.2 MB).  A
body with a temporary of that shape stays blocked: unblocked, the batch norm VJP's $x - \mu$ took 15 MB more
(0.89x the time, its peak above PyTorch's)."""


MIN_RUN_BYTES = 256
"""When the leading axis is the contiguous one (a transposed view, e.g. features x batch), a block of
rows is a set of runs of ``_rows`` adjacent elements; blocking pays when each run spans at least this
many bytes (four 64-byte cache lines), so the lines a block loads are used whole."""


def sum_to_code(value: str, shape: str) -> str:
    r"""Code of ``value`` summed to the broadcast ``shape`` of a parameter as given: over the leading axes
    ``shape`` lacks and over the axes where it has size 1 (the gradient of a broadcast parameter,
    $\bar\gamma = \sum_b \bar\gamma_b$).  ``value`` is a name (it is read several times)."""
    lead = f"np.ndim({value}) - len({shape})"
    axes = f"tuple(range({lead})) + tuple(({lead} + np.flatnonzero(np.equal({shape}, 1))).tolist())"
    return f"({value} if np.shape({value}) == {shape} else np.sum({value}, axis={axes}).reshape({shape}))"


def column_sum(part: str) -> str:
    r"""Code of $\sum_r p_{r\dots}$ over the leading axis of ``part`` (a name: it is read several times): BLAS's
    matrix-vector product ``1 @ p`` (``np.tensordot`` beyond two axes), the columns added in memory order as
    ``np.sum(p, axis=0)`` adds them, 2.4x faster in float32 and 1.7x in float64 (a block of 256 x 1024), as
    accurate (float32 sums of 4096 rows in 16 blocks: worst relative error 2.6e-7, ``np.sum`` 3.0e-7).
    The result lacks the summed axis; it broadcasts into the ``(1, ...)`` accumulator."""
    ones = f"np.ones({part}.shape[0], {part}.dtype)"
    return f"({ones} @ {part} if {part}.ndim <= 2 else np.tensordot({ones}, {part}, axes=1))"


def row_block_lines(name: str, params: tuple[str, ...], sliced: list[tuple[str, int]], per_row: list[str],
                    outputs: list, keywords: tuple[str, ...] = (), block: int = BLOCK_ELEMENTS,
                    summed: tuple = (), into: str | None = None, scratch: str | None = None,
                    buffers: int = FEW_BUFFERS + 1, presummed: tuple = (), sums: str | None = None,
                    whole_transposed: bool = False) -> list[str]:
    r"""Statements that run ``name`` block by block when the leading batch axis is long.

    ``sliced``: the inputs, each with the number of its own (trailing) axes; after the prologue all
    share one batch shape, and the first one's gives the rows.  ``per_row``: code of the element
    count of each intermediate for one batch element (the largest sets the block).  ``outputs``: how
    each returned array is taken from the result: ``[None]`` for one array, tuple positions or dict
    keys.  The only loop is the one over blocks (the outputs are written out one by one).
    ``summed``: per tuple output, the code of the shape it is summed to (``_given[k]``) or None: such an
    output is kept per row when that shape is the whole batch's, else accumulated block by block.
    ``into``: the function's keyword for the array its result is written into (a tuple of arrays, or
    None for an output summed over the batch, when it returns a tuple); each block after the first
    then writes its slice of the outputs in place (no block-sized result, no copy).  For a transposed
    input (leading axis contiguous) a slice of its output is runs at a large power-of-two stride, whose
    cache lines fall in a few cache sets and evict each other (measured: BatchNorm's x.T 25% slower with
    every pass there): a one-array body computes into compact temporaries and its last pass alone writes
    the slice (:data:`codegen.lower_nodes.STRIDED_OUT`); a tuple's blocks compute compact results, copied out.
    ``scratch``: the function's keyword for a dict of its temporaries: every full block gets the
    same one, so each temporary is allocated once (the last, shorter block gets none).
    ``buffers``: how many arrays of its widest shape the body allocates; with at most :data:`FEW_BUFFERS`
    the blocks of an input whose leading axis is outermost are :data:`FEW_BUFFERS_FACTOR` times larger.
    ``whole_transposed``: the only such array is the body's result, so a transposed input runs unblocked
    (:data:`FEW_BUFFERS_FACTOR`'s docstring).
    ``presummed``: the summed outputs that a block sums itself (a row weight folded into the sum,
    :mod:`codegen.lower_row_weights`): where such an output is not kept per row, each block is passed, by the
    keyword ``sums``, the shape to sum to, and its sums are added (no block returns its rows).
    Empty when there is nothing to block.
    """
    if not sliced or not per_row or any(p.startswith("_") for p in params):
        return []
    ref, own = sliced[0]
    # the size of one row without its own trailing axes, prod(shape[1:ndim - own]), by integer arithmetic on
    # the array's size (np.prod of a shape tuple builds an array: ~5 us, paid in every block's call); an
    # empty array gives 0 and so the largest block (it is not blocked: shape[0] > _rows fails)
    divisor = " * ".join([f"{ref}.shape[0]"] + [f"{ref}.shape[-{k}]" for k in range(1, own + 1)])
    rest = f"({ref}.size // max(1, {divisor}) if {ref}.ndim > {own} else 1)"
    width = per_row[0] if len(per_row) == 1 else f"max({', '.join(per_row)})"
    cut = dict(sliced)
    args = [f"{p}[_s:_s + _rows]" if p in cut else p for p in params]
    args += [f"{k}={k}" for k in keywords]
    if scratch is not None:
        args.append(f"{scratch}=_ws_blocks if _s + _rows <= {ref}.shape[0] else None")
    probe = [a.replace("_s:_s + _rows", ":0") for a in args if scratch is None or not a.startswith(f"{scratch}=")]
    size = f"{block * 8}"
    transposed = f" or ({ref}.strides[0] == {ref}.itemsize and _rows * {ref}.itemsize >= {MIN_RUN_BYTES})"
    if buffers <= FEW_BUFFERS:
        size = (f"({block * 8 * FEW_BUFFERS_FACTOR} if {ref}.ndim > {own} and {ref}.strides[0] == max({ref}.strides) "
                f"else {block * 8})")
    if whole_transposed:
        size = f"{block * 8 * FEW_BUFFERS_FACTOR}"
        transposed = ""  # such a body runs once over a transposed input (FEW_BUFFERS_FACTOR)
    lines = [f"_rows = max(1, {size} // max(1, ({width}) * {rest} * {ref}.itemsize))",
             (f"if {ref}.ndim > {own} and {ref}.shape[0] > _rows and ({ref}.strides[0] == max({ref}.strides)"
              f"{transposed}):"),
             "    # blocks of rows (outermost in memory, or innermost in runs of cache lines) whose passes stay in cache",
             *(["    _ws_blocks = {}"] if scratch is not None else []),
             # no rows: the outputs' dtypes and trailing shapes; every block then writes into them
             f"    _first = {name}({', '.join(probe)})"]
    take = [("" if k is None else f"[{k!r}]") for k in outputs]
    # with ``into``, the outputs laid out as the input (leading axis contiguous when the input's is):
    # each block's passes then read and write memory in the same order
    order = f", order='F' if {ref}.strides[0] == {ref}.itemsize else 'C'" if into is not None else ""
    alloc = [f"np.empty({ref}.shape[:1] + np.shape(_first{t})[1:], np.result_type(_first{t}){order})" for t in take]
    summed = tuple(summed) + (None,) * (len(outputs) - len(summed))
    presummed = tuple(k for k in presummed if summed[k] is not None) if sums is not None else ()
    keep = {}
    for k, (t, shape) in enumerate(zip(take, summed)):
        if shape is not None:
            keep[k] = f"_keep_{k}"
            lines.append(f"    _keep_{k} = {shape} == {ref}.shape[:1] + np.shape(_first{t})[1:]")
            zeros = shape if k in presummed else f"(1,) + np.shape(_first{t})[1:]"
            alloc[k] = f"{alloc[k]} if _keep_{k} else np.zeros({zeros}, np.result_type(_first{t}))"
    if presummed:
        args.append(f"{sums}=(" + ", ".join(f"None if _keep_{k} else {summed[k]}" if k in presummed else "None"
                                            for k in range(len(outputs))) + ",)")
    if outputs == [None]:
        lines.append(f"    _outs = {alloc[0]}")
    elif isinstance(outputs[0], int):
        lines.append(f"    _outs = [{', '.join(alloc)}]")
    else:
        lines.append("    _outs = {" + ", ".join(f"{k!r}: {a}" for k, a in zip(outputs, alloc)) + "}")
    if into is not None and outputs == [None]:
        return lines + [f"    for _s in range(0, {ref}.shape[0], _rows):",
                        "        _o = _outs[_s:_s + _rows]",
                        f"        _part = {name}({', '.join(args + [f'{into}=_o'])})",
                        "        if _part is not _o:",
                        "            _outs[_s:_s + _rows] = _part",
                        "        del _part  # a block's own result is freed before the next is computed",
                        "    return _outs"]
    if into is not None and isinstance(outputs[0], int):  # each block's per-row outputs written in place
        direct = f"{ref}.strides[0] == max({ref}.strides)"
        slices = [f"_outs[{k}][_s:_s + _rows] if {direct}" + (f" and {keep[k]}" if k in keep else "") + " else None"
                  for k in outputs]
        lines += [f"    for _s in range(0, {ref}.shape[0], _rows):",
                  f"        _o = ({', '.join(slices)},)",
                  f"        _part = {name}({', '.join(args + [f'{into}=_o'])})"]
    else:
        lines += [f"    for _s in range(0, {ref}.shape[0], _rows):",
                  f"        _part = {name}({', '.join(args)})"]
    for k, t in enumerate(take):
        if into is not None and isinstance(outputs[0], int):
            copy = [f"if _part[{k}] is not _o[{k}]:", f"    _outs[{k}][_s:_s + _rows] = _part[{k}]"]
        else:
            copy = [f"_outs{t}[_s:_s + _rows] = _part{t}"]
        if k in keep:
            added = f"_part{t}" if k in presummed else column_sum(f"_part{t}")  # the block's sum, or its rows
            lines += [f"        if {keep[k]}:", *("            " + c for c in copy),
                      "        else:", f"            _outs{t} += {added}"]
        else:
            lines += ["        " + c for c in copy]
    lines.append("        del _part  # a block's own results are freed before the next is computed")
    if isinstance(outputs[0], int):
        for k, shape in enumerate(summed):
            if shape is not None:
                lines.append(f"    _o = _outs[{k}]; _outs[{k}] = {sum_to_code('_o', shape)}")
        return lines + ["    return tuple(_outs)"]
    return lines + ["    return _outs"]
