"""The ufunc buffer of one row (codegen.lower_bufsize): set for a body over long contiguous rows, left alone
elsewhere, and the caller's setting back after every call, returned or raised."""
import numpy as np
import pytest
import sympy as sp

from codegen.load import load_generated
from codegen.lower import Input, Target, lower_function
from codegen.lower_bufsize import MIN_ROW_BYTES, broadcasts_rows, row_buffered

MIN_ROW = MIN_ROW_BYTES // 8
"""The shortest row in float64 (the arrays below are float64)."""


def _seen_buffer():
    """A function whose body returns the buffer size it runs with (and raises on a negative first entry)."""
    body = ["if x.size and x.flat[0] < 0:", "    raise ValueError('negative')", "return np.getbufsize()"]
    source = "import numpy as np\n\n\ndef f(x):\n" + "\n".join("    " + line for line in row_buffered(body, "x"))
    return vars(load_generated(source + "\n"))["f"]


ROWS = [((3, 1000), np.float64, 992), ((2, 4, MIN_ROW), np.float64, MIN_ROW), ((3, MIN_ROW - 1), np.float64, None),
        ((3, 2 * MIN_ROW), np.float32, 2 * MIN_ROW), ((3, 2 * MIN_ROW - 1), np.float32, None),
        ((5, 20000), np.float64, None), ((7,), np.float64, None)]
"""(shape, dtype, the buffer the body sees; None: the caller's)."""


@pytest.mark.parametrize("shape, dtype, expected", ROWS)
def test_the_body_runs_with_one_row_and_the_callers_setting_comes_back(shape, dtype, expected):
    f, before = _seen_buffer(), np.getbufsize()
    seen = f(np.ones(shape, dtype))
    assert seen == (before if expected is None else expected)  # rows longer than the buffer: left as it is
    assert np.getbufsize() == before


def test_a_strided_last_axis_keeps_the_buffer_and_an_exception_restores_it():
    f, before = _seen_buffer(), np.getbufsize()
    assert f(np.ones((1000, 3)).T) == before  # the contiguous axis is not the row: copies pay there
    with pytest.raises(ValueError):
        f(-np.ones((3, 1000)))
    assert np.getbufsize() == before


def test_only_bodies_that_broadcast_a_row_value_are_wrapped():
    i, K = sp.Idx("i"), sp.Symbol("K", integer=True, positive=True)
    z, w = sp.IndexedBase("z"), sp.IndexedBase("w")
    s = sp.Symbol("s")
    scaled = lower_function("f", (Input("z", z, (K,)), Input("s", s)), (Target("y", z[i] * s, ((i, 0, K - 1),)),), (K,))
    product = lower_function("g", (Input("z", z, (K,)), Input("w", w, (K,))),
                             (Target("y", z[i] * w[i], ((i, 0, K - 1),)),), (K,))
    assert broadcasts_rows(["t_1 = x - m[..., None]"]) and not broadcasts_rows(["return z * w"])
    assert "np.setbufsize(" in scaled.source()
    assert "np.setbufsize(" not in product.source()
    rng = np.random.default_rng(0)
    zs, ss = rng.standard_normal((4, 512)), rng.standard_normal(4)
    out = vars(load_generated("import numpy as np\n\n\n" + scaled.source()))["f"](zs, ss)
    np.testing.assert_array_equal(out, zs * ss[:, None])  # the same inner loop: the same bits
