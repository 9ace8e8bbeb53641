"""The truth of a defined function in mpmath: its working precision and its guard against huge arguments."""
from __future__ import annotations

import time

import mpmath
import numpy as np
import pytest

from codegen.define_check import MAX_DIGITS, mp_function, working_digits
import sympy as sp

BUDGET_S = 30.0
"""Far above need (milliseconds): unguarded, mpmath's exp(-exp(1e300)) at 660 digits runs for minutes."""


def test_digits_grow_with_large_and_small_inputs_up_to_the_cap():
    assert working_digits({"x": 1.5}) == 60 + 2 * 1
    assert working_digits({"x": 1e150}) == 60 + 2 * 150
    assert working_digits({"x": np.array([1e-300, 0.5])}) == 60 + 300
    assert working_digits({"x": 1e300, "y": 1e-300}) == 60 + 300 + 2 * 300 <= MAX_DIGITS


def test_a_gradient_that_cancels_at_60_digits_is_exact_at_the_working_precision():
    # d/dx x/(1+|x|) = 1/(1+|x|) - |x|/(1+|x|)^2 = 1/(1+|x|)^2: at 1e150 both terms are 1e-150 and
    # differ by 1e-300 (150 digits cancel)
    x = sp.Symbol("x", real=True)
    fn = mp_function([x], 1 / (1 + sp.Abs(x)) - sp.Abs(x) / (1 + sp.Abs(x)) ** 2)
    with mpmath.workdps(working_digits({"x": 1e150})):
        got = fn(mpmath.mpf(1e150))
    assert float(got) == pytest.approx(1 / (1 + 1e150) ** 2, rel=1e-15)
    with mpmath.workdps(60):
        assert fn(mpmath.mpf(1e150)) == 0  # the failure the working precision removes


def test_a_doubly_exponential_argument_is_refused_not_computed_for_minutes():
    x = sp.Symbol("x", real=True)
    fn = mp_function([x], sp.exp(-sp.exp(-x)))
    start = time.monotonic()
    with mpmath.workdps(working_digits({"x": -1e300})):
        with pytest.raises(OverflowError):
            fn(mpmath.mpf(-1e300))
        assert fn(mpmath.mpf(1e300)) == 1  # exp(-1e300) is representable: computed, not refused
    assert time.monotonic() - start < BUDGET_S
