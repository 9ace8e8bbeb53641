r"""Matrix calculus read as written (readers.notes.matrix_shapes): derivatives side by side in one claim, and the
gradient of a row vector; right claims confirmed, wrong ones refuted with values NumPy recomputes here."""
from __future__ import annotations

import numpy as np
import pytest

from readers.notes.matrix_numeric import FAILS
from tests.readers.notes.test_matrices import _steps, _v

RIGHT = {
    "gradients_side_by_side": r"\nabla_{\mathbf{x}} \|\mathbf{x}\|^2 = \nabla_{\mathbf{x}} \mathbf{x}^\top\mathbf{x}",
    "gradient_of_a_row": r"\nabla_{\mathbf{x}} \mathbf{x}^\top \mathbf{B} = \mathbf{B}",
    "partial_of_a_row": r"\frac{\partial \mathbf{y}^\top \mathbf{M}}{\partial \mathbf{y}} = \mathbf{M}",
}

WRONG = {
    "gradients_side_by_side": (
        r"\nabla_{\mathbf{x}} \|\mathbf{x}\|^2 = \nabla_{\mathbf{x}} \mathbf{x}^\top\mathbf{A}\mathbf{x}",
        lambda c: (2 * _v(c, "x"), (_v(c, "A") + _v(c, "A").T) @ _v(c, "x"))),
    "gradient_of_a_row": (r"\nabla_{\mathbf{x}} \mathbf{x}^\top \mathbf{A} = \mathbf{A}\mathbf{A}",
                          lambda c: (_v(c, "A"), _v(c, "A") @ _v(c, "A"))),
}


@pytest.mark.parametrize("name", sorted(RIGHT))
def test_right_matrix_calculus_is_confirmed(name):
    (step,) = _steps(RIGHT[name])
    assert step.verdict in ("proved", "verified"), (step.verdict, step.reason)


@pytest.mark.parametrize("name", sorted(WRONG))
def test_wrong_matrix_calculus_is_refuted_with_values_numpy_confirms(name):
    latex, oracle = WRONG[name]
    (step,) = _steps(latex)
    assert step.verdict == "refuted", (step.verdict, step.reason)
    left, right = (np.atleast_2d(np.asarray(v, dtype=float)) for v in oracle(step.counterexample))
    scale = 1 + max(np.linalg.norm(left), np.linalg.norm(right))
    assert left.shape != right.shape or np.linalg.norm(left - right) / scale > FAILS
