"""Peak temporary memory of row-blocked catalog functions (codegen.lower_blocks, codegen.lower_liveness), by
tracemalloc on one call: no timing.  The outputs are allocated once from a call on no rows (no block's result is
held beside them) and each block's temporaries are the function's scratch buffers (``_ws``), one block each; a
forward whose every statement can write over its argument (softmax; layer norm, once its product with gamma is
moved after the statements that still read x - mu) needs none, but where the caller's output slice is strided (a
transposed input's block: its first statement then writes a compact temporary and its last one the slice)."""
import re
import tracemalloc

import numpy as np
import pytest

from codegen.load import load_generated
from codegen.lower import lower_formula
from codegen.lower_blocks import BLOCK_ELEMENTS
from codegen.lower_nodes import STRIDED_OUT
from symbolic import get

ROWS, H = 512, 1024
"""(512, 1024) float64: a 4 MiB output, blocks of 128 rows (1 MiB), four of them."""

SLACK = 128 << 10
"""Row vectors (sums, maxima, scales: ROWS * 8 bytes each), a zero-row probe's arrays, NumPy's small buffers
(measured 78 KiB); a block (1 MiB) held beside the output, as before the zero-row probe, exceeds it eightfold."""

CASES = {
    "softmax": lambda rng: {"z": rng.standard_normal((ROWS, H))},
    "layer_norm": lambda rng: {"x": rng.standard_normal((ROWS, H)), "gamma": rng.standard_normal(H),
                               "beta": rng.standard_normal(H), "epsilon": 1e-5},
}
"""Two row-wise forwards whose whole chain fits in the output buffer (see the module docstring)."""


def _peak(fn, values) -> int:
    fn(**values)  # warm
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    tracemalloc.reset_peak()
    out = fn(**values)
    peak = tracemalloc.get_traced_memory()[1] - base
    tracemalloc.stop()
    del out
    return peak


@pytest.mark.parametrize("fid", sorted(CASES))
def test_blocked_forward_peak_is_its_output(fid):
    from codegen.lower_printer import NumPyLowering

    fn = lower_formula(get(fid))
    source = fn.source()
    assert "_first = " in source  # the function is row-blocked
    # (a compact temporary where the caller's array is strided, a transposed input's block, is not taken here)
    rowwise = "\n".join(line for line in source.splitlines() if STRIDED_OUT not in line)
    scratch = len(set(re.findall(r"_ws\.get\((\d+)\)", rowwise)))
    assert scratch == 0, f"{fid}: {scratch} block-sized scratch buffers where the output can hold every step"
    gen = vars(load_generated("import numpy as np\n\n\n" + NumPyLowering.helpers_source(source, grad=False) + "\n\n\n"
                              + source))[fn.name]
    values = CASES[fid](np.random.default_rng(0))
    out_bytes = ROWS * H * 8
    peak = _peak(gen, values)
    assert peak <= out_bytes + SLACK, (peak, out_bytes)


def test_a_transposed_batch_norm_forward_peak_is_its_output_and_one_chunk():
    r"""Over a transposed input (features x batch, the batch axis strided) the batch norm forward runs unblocked
    (codegen.lower_blocks.FEW_BUFFERS_FACTOR): its passes write the output, and its float32 sum of squares over
    the strided axis takes one chunk of the array at a time (codegen.lower_nodes.strided_row_dot), an eighth of
    it (256 KiB here); blocked, a block's compact temporary and its squares (2 MiB) came on top."""
    fn = lower_formula(get("batch_norm"))
    from codegen.lower_printer import NumPyLowering

    source = fn.source()
    gen = vars(load_generated("import numpy as np\n\n\n" + NumPyLowering.helpers_source(source, grad=False)
                              + "\n\n\n" + source))[fn.name]
    rng = np.random.default_rng(2)
    x = np.asfortranarray(rng.standard_normal((ROWS, H)).astype(np.float32))  # x.T of a (H, ROWS) batch
    values = {"x": x, "gamma": rng.standard_normal(ROWS).astype(np.float32),
              "beta": rng.standard_normal(ROWS).astype(np.float32), "epsilon": 1e-5}
    out_bytes = ROWS * H * 4
    peak = _peak(gen, values)
    assert peak <= out_bytes + out_bytes // 8 + SLACK, (peak, out_bytes)


def test_blocked_vjp_peak_is_its_outputs_and_one_block_per_scratch_buffer():
    r"""layer_norm's joint VJP: dx (4 MiB) plus per-row dgamma, dbeta summed to (H,), plus one block
    (BLOCK_ELEMENTS float64) per scratch buffer; no block-sized result beside them."""
    from codegen.module import _lowered_gradients, _gradients_of

    joints, _ = _lowered_gradients(_gradients_of(["layer_norm"]), "fast", [])
    (_, fn), = joints
    source = fn.source()
    scratch = len(set(re.findall(r"_ws\.get\((\d+)\)", source)))
    from codegen.lower_printer import NumPyLowering

    gen = vars(load_generated("import numpy as np\n\n\n" + NumPyLowering.helpers_source(source, grad=True)
                              + "\n\n\n" + source))[fn.name]
    rng = np.random.default_rng(1)
    values = dict(CASES["layer_norm"](rng), g=rng.standard_normal((ROWS, H)))
    peak = _peak(gen, values)
    bound = ROWS * H * 8 + scratch * BLOCK_ELEMENTS * 8 + 4 * H * 8 + SLACK
    assert peak <= bound, (peak, bound, scratch)
