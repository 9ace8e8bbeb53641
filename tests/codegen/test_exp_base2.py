r"""Exponentials computed as powers of two (codegen.lower_nodes): NumPy's float32 ``exp2`` costs half of its ``exp``
(0.23 against 0.48 ns per element) and errs by 1 ulp where ``exp`` errs by 2.3.

* ``Emitter._exp2_of_scaled``: $e^{s X}$, $s$ a number and $X$ computed from a matrix product, is ``np.exp2`` of
  $(s \log_2 e) X$ (attention's scores, both bodies), in every dtype;
* ``Emitter._exp_of_shifted``: $e^{x - \max x}$ (a row shifted by its own maximum) is ``_exp_base2``, in float32
  $2^{(x - \max x) \log_2 e}$ (the softmax VJP), float64 ``np.exp``;
* ``Emitter._exp_under_log_sum``: the exponentials of a log-sum-exp, read by their sum alone (the unshifted
  cross-entropy from logits, $\log \sum_j e^{z_j}$), are ``_exp_base2`` too.

Each generated function is compared with its own source with the rewrite undone (``np.exp`` and the bare number):
float64 gives the same values, and float32's error against float64 (the same inputs), mean of DRAWS seeded draws, is
within the stated factor of the undone code's.  An input scaled by a number, $e^{x/2}$, keeps ``np.exp``: the
factor's roundings would be its argument's only error.  Seeded draws, no timing."""
import numpy as np
import pytest
import sympy as sp

from codegen.load import load_generated
from codegen.lower import Input, Target, lower_formula, lower_function
from codegen.lower_nodes import EXP_BASE2, LOG2E
from codegen.lower_printer import NumPyLowering
from codegen.module import joint_groups, lower_joint_vjp
from derivations.gradients import all_gradients
from symbolic import get

DRAWS = 32
"""Seeded draws averaged: one draw's worst element is a single rounding."""


def _rel(a, t) -> float:
    return float(np.max(np.abs(a - t)) / np.max(np.abs(t)))


def _compiled(source: str, name: str):
    return vars(load_generated("import numpy as np\n\n\n" + NumPyLowering.helpers_source(source, grad=True)
                               + "\n\n\n" + source))[name]


def _attention():
    fn = lower_formula(get("attention"))
    source = fn.source()
    assert source.count("np.exp2(") == 2 and "np.exp(" not in source  # the unshifted body and the shifted one
    return fn.name, source, source.replace("np.exp2(", "np.exp(").replace(f"{LOG2E!r} * ", "")


def _softmax_vjp():
    fn = lower_joint_vjp("softmax_vjp", joint_groups(all_gradients())["softmax_vjp"], blocks=0)
    source = fn.source()
    assert source.count(f"{EXP_BASE2}(") == 1
    return fn.name, source, source.replace(f"{EXP_BASE2}(", "np.exp(")


def _cross_entropy():
    fn = lower_formula(get("softmax_cross_entropy"))
    source = fn.source()
    assert source.count(f"{EXP_BASE2}(") == 2  # the unshifted log-sum-exp, and the shifted fallback's exponential
    return fn.name, source, source.replace(f"{EXP_BASE2}(", "np.exp(")


def _attention_inputs(rng):
    return tuple(rng.standard_normal((8, 64, 64)) for _ in range(3))


def _softmax_vjp_inputs(rng):
    return rng.standard_normal((64, 1024)) * 3, rng.standard_normal((64, 1024))


def _cross_entropy_inputs(rng):
    e = np.exp(rng.standard_normal((16, 1024)))  # the benchmark's: probabilities y, logits z
    return e / e.sum(-1, keepdims=True), rng.standard_normal((16, 1024)) * 3


@pytest.mark.parametrize("lowered, inputs, factor", [
    # the factor's roundings (s log2 e, and Q times it where s = 1/8 was exact) join the product's own: one more
    # rounding of each q_i (<= u |q_i k_i|) beside the d = 64 term dot product's accumulated error, which a blocked
    # BLAS sum keeps near log2(64) = 6 roundings, so at most about 1 + 1/6 = 1.17x; measured, mean of 32 draws:
    # 1.05x with one OpenBLAS build, 1.117x with numpy 2.4.6's (stop 45), 0.95x at n = 512 (8 draws), all 1.4x below
    # PyTorch's scaled_dot_product_attention; 1.2 is that bound, not the measurement of one BLAS
    (_attention, _attention_inputs, 1.2),
    # the multiplication by log2 e adds at most 2u|x|e^x <= 0.74u of the row's largest element, to errors of a few
    # u (exp2's own is the smaller one): measured 1.04x, 23 of 32 draws at or below (the worst of 3 draws at
    # 4096 x 1024 the same 5.4e-7 before and after, PyTorch 1.07e-6); 1.1 as for attention
    (_softmax_vjp, _softmax_vjp_inputs, 1.1),
    # each term e^{z(1 + d)}, |d| <= 2u: the log-sum-exp of an input perturbed by 2u, the order of the shift's
    # rounding in PyTorch's log-softmax; measured 0.99x here (mean of 120 draws; PyTorch 1.48x), 1.11x on logits
    # 8 + N(0, 1) (PyTorch 0.89x there), so 1.1 as above
    (_cross_entropy, _cross_entropy_inputs, 1.1),
])
def test_exponentials_as_powers_of_two_keep_the_values_and_the_float32_accuracy(lowered, inputs, factor):
    name, source, undone = lowered()
    assert "np.exp2(" not in undone and f"{EXP_BASE2}(" not in undone and str(LOG2E) not in undone
    gen, plain = _compiled(source, name), _compiled(undone, name)
    mine, theirs = [], []
    for seed in range(DRAWS):
        wide = inputs(np.random.default_rng(seed))
        narrow = tuple(a.astype(np.float32) for a in wide)
        wide = tuple(a.astype(np.float64) for a in narrow)
        t = np.asarray(gen(*wide)).reshape(-1)
        assert _rel(t, np.asarray(plain(*wide)).reshape(-1)) < 1e-14  # float64: the same values
        got = np.asarray(gen(*narrow))
        assert got.dtype == np.float32
        mine.append(_rel(got.reshape(-1), t))
        theirs.append(_rel(np.asarray(plain(*narrow)).reshape(-1), t))
    assert np.mean(mine) <= factor * np.mean(theirs), (np.mean(mine), np.mean(theirs))


def test_an_input_scaled_by_a_number_keeps_exp():
    x, i = sp.IndexedBase("x"), sp.Symbol("i", integer=True, nonnegative=True)
    n = sp.Symbol("n", integer=True, positive=True)
    fn = lower_function("f", (Input("x", x, (n,)),), (Target("y", sp.exp(x[i] / 2), ((i, 0, n - 1),)),), (n,))
    assert "np.exp(" in fn.source() and "np.exp2(" not in fn.source() and EXP_BASE2 not in fn.source()
