"""The numba backend (codegen/backends/numba.py) as source: the kernels it writes, the passes it fuses, the usage
errors it gives, none of it compiled, so numba is never imported here.

The compiled kernels are checked against the NumPy backend in ``numba_in_subprocess.py``, which ``test_backends.py``
runs in a fresh interpreter with the torch and jax tests: numba and LLVM left a test worker 190 MB larger (300 MB
after that file against 111 MB after ``test_lower_blocks.py``), and every fork the worker made afterwards (the step
checker's budgeted children, thousands per run) copied and tore down the page tables of those megabytes
(``test_reading.py`` after the numba tests in one process: 4.4 CPU-s, 1.8 of them system, against 3.9 and 1.2 alone).
"""
import pytest
import sympy as sp

from codegen.backends.numba import (
    lower_numba,
    lower_numba_formula,
    lower_numba_joint_vjp,
)
from codegen.backends.numba_loops import Loop, fuse
from codegen.lower import Input, Target
from codegen.lower_nodes import UnsupportedNode
from codegen.module import _gradients_of, joint_groups
from symbolic import get


def test_a_division_by_a_row_scalar_is_a_product_with_its_reciprocal_where_the_kernel_has_arcp():
    """Batch norm's column kernel divides every element by a per-row array (arcp cannot hoist that reciprocal: 4M
    divisions in the benchmark's forward); printed, the fast kernel takes 1/d once per row and multiplies.  The full
    kernel (compiled without arcp: STRICT_FASTMATH) keeps its divisions."""
    kernels = {k.split("def ")[1].split("(")[0]: k for k in lower_numba_formula(get("batch_norm")).kernels.split("\n\n\n")}
    fast_out = [line for line in kernels["_batch_norm_f64c_fast"].splitlines() if "_o0[" in line]
    full_out = [line for line in kernels["_batch_norm_f64c"].splitlines() if "_o0[" in line]
    assert fast_out and "/" not in fast_out[0] and "/" in full_out[0]


def test_a_matrix_product_is_not_written():
    """Attention's reductions sit inside loops over two of its own indices: no numba function, with the reason."""
    with pytest.raises(UnsupportedNode, match="BLAS"):
        lower_numba_formula(get("attention"))


def test_independent_passes_are_fused_and_dependent_ones_are_not():
    """sum(x) and sum(g) are one pass; sum((x - mu)^2) reads mu, computed after the first pass: a pass of its own."""
    i, j, k = sp.symbols("i j k", integer=True)
    n = sp.Symbol("n", integer=True, positive=True)
    x, g = sp.IndexedBase("x"), sp.IndexedBase("g")
    mu = sp.Sum(x[j], (j, 0, n - 1)) / n
    expr = sp.Sum(g[k], (k, 0, n - 1)) * mu + sp.Sum((x[i] - mu) ** 2, (i, 0, n - 1))
    fn = lower_numba("f", (Input("x", x, (n,)), Input("g", g, (n,))), (Target("y", expr),), (n,))
    kernel = fn.kernels.split("\n\n\n")[0]
    assert kernel.count("for ") == 1 + 2  # the rows, then two passes over the row
    items = [Loop(None, "a", "0", "n", ["s += x[a]"]), "t = 0.0", Loop(None, "b", "0", "n", ["t += s * x[b]"])]
    assert len([i for i in fuse(items) if isinstance(i, Loop)]) == 2  # the second reads s: not fused


def test_missing_numba_is_a_clear_error(monkeypatch):
    import sys

    from codegen.backends.numba import require_numba

    monkeypatch.setitem(sys.modules, "numba", None)
    with pytest.raises(ImportError, match=r"pip install 'formulary\[numba\]'"):
        require_numba()


@pytest.mark.parametrize("argv, message", [
    (["--define", "f(x) = exp(x)", "--backend", "numba"], "catalog formulas only"),
    (["softmax", "--backend", "numba", "--precision", "accurate"], "accurate"),
    (["softmax", "--backend", "torch"], "for definitions"),
])
def test_cli_says_what_the_numba_backend_does_not_write(capsys, argv, message):
    """A usage error (exit 2, no traceback) before anything is compiled."""
    from formulary.cli import EXIT_USAGE, main

    assert main(["codegen", *argv]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_centred_sums_take_one_pass_in_float32_fast_kernels_only():
    """Layer norm's sum of squares about the mean: the float32 fast kernels sum it with the mean in one pass (a shift by
    the row's first element, codegen/backends/numba_one_pass.py), with the two passes as written behind the
    cancellation guard; float64 and the full kernels keep the two passes.  The forward makes one summing pass over the
    row before its output pass, the joint VJP one too (its three sums, two of them about the mean)."""
    f = get("layer_norm")
    (name, members), = joint_groups(_gradients_of(["layer_norm"])).items()
    for fn in (lower_numba_formula(f), lower_numba_joint_vjp(name, members)):
        kernels = {k.split("def ")[1].split("(")[0]: k for k in fn.kernels.split("\n\n\n")}
        fast32, fast64 = kernels[f"_{fn.name}_f32_fast"], kernels[f"_{fn.name}_f64_fast"]
        assert "shift_" in fast32 and "if not " in fast32
        assert "shift_" not in fast64 and "shift_" not in kernels[f"_{fn.name}_f32"]
        row_passes = [line for line in fast32.splitlines() if line.startswith("        for ")]
        assert len(row_passes) == 2, row_passes  # (the fallback's passes sit one level deeper, under `if not ok:`)
        assert len([line for line in fast64.splitlines() if line.startswith("        for ")]) == 3


def test_a_buffer_stored_and_read_at_the_same_element_does_not_keep_passes_apart():
    """softmax's VJP stores e_j in a row buffer while summing it; sum_j g_j e_j reads it at the same j: one pass.  A
    read at another element (j + 1) or a write to the buffer keeps the passes apart."""
    def passes(later_lines):
        items = [Loop(None, "a", "0", "n", ["e = exp(z[a])", "_w_1[a] = e", "s += e"]), "t = 0.0",
                 Loop(None, "b", "0", "n", later_lines)]
        return len([i for i in fuse(items) if isinstance(i, Loop)])

    assert passes(["t += g[b] * _w_1[b]"]) == 1
    assert passes(["t += g[b] * _w_1[(b + 1)]"]) == 2
    assert passes(["_w_1[b] = 0.0"]) == 2
    assert passes(["t += s * _w_1[b]"]) == 2  # reads the first pass's sum

