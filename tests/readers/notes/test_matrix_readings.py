r"""Matrix claims read as written (readers.notes.matrix_shapes, readers.notes.matrices): derivatives side by side in
one claim, the gradient of a row vector, the dot product ``\mathbf{u}\cdot\mathbf{v}`` of two bold columns, and a
vector the prose introduces afresh in a new section (not the example of an earlier one); right claims confirmed,
wrong ones refuted with values NumPy recomputes here."""
from __future__ import annotations

import numpy as np
import pytest

from readers.notes.check import check_notes
from readers.notes.matrix_numeric import FAILS
from tests.readers.notes.test_matrices import _steps, _v

RIGHT = {
    "gradients_side_by_side": r"\nabla_{\mathbf{x}} \|\mathbf{x}\|^2 = \nabla_{\mathbf{x}} \mathbf{x}^\top\mathbf{x}",
    "gradient_of_a_row": r"\nabla_{\mathbf{x}} \mathbf{x}^\top \mathbf{B} = \mathbf{B}",
    "partial_of_a_row": r"\frac{\partial \mathbf{y}^\top \mathbf{M}}{\partial \mathbf{y}} = \mathbf{M}",
    "dot_of_columns": r"\mathbf{u}\cdot\mathbf{v} = \mathbf{v}^\top\mathbf{u}",
    "dot_in_a_product": r"(\mathbf{u}\cdot\mathbf{v})\mathbf{w} = \mathbf{w}\mathbf{v}^\top\mathbf{u}",
}

WRONG = {
    "gradients_side_by_side": (
        r"\nabla_{\mathbf{x}} \|\mathbf{x}\|^2 = \nabla_{\mathbf{x}} \mathbf{x}^\top\mathbf{A}\mathbf{x}",
        lambda c: (2 * _v(c, "x"), (_v(c, "A") + _v(c, "A").T) @ _v(c, "x"))),
    "gradient_of_a_row": (r"\nabla_{\mathbf{x}} \mathbf{x}^\top \mathbf{A} = \mathbf{A}\mathbf{A}",
                          lambda c: (_v(c, "A"), _v(c, "A") @ _v(c, "A"))),
    "dot_of_columns": (r"\mathbf{u}\cdot\mathbf{v} = 2\mathbf{v}^\top\mathbf{u}",
                       lambda c: (_v(c, "u").T @ _v(c, "v"), 2 * _v(c, "v").T @ _v(c, "u"))),
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


EXAMPLE_THEN_GENERAL = """# Vectors

Think of the vector $\\mathbf{v} = [3,2]^\\top$ as a point.

## Dot products

If we take two column vectors $\\mathbf{u}$ and $\\mathbf{v}$, then

$$\\mathbf{u}^\\top\\mathbf{v} = \\mathbf{v}^\\top\\mathbf{u}.$$
"""


def test_a_vector_introduced_afresh_in_a_new_section_is_general():
    blocks = [b for b in check_notes(EXAMPLE_THEN_GENERAL, path="v.md").blocks if b.steps]
    assert [b.verdict for b in blocks][-1] in ("proved", "verified"), blocks[-1].steps[0].reason
    wrong = EXAMPLE_THEN_GENERAL.replace("\\mathbf{v}^\\top\\mathbf{u}.$$", "2\\mathbf{v}^\\top\\mathbf{u}.$$")
    blocks = [b for b in check_notes(wrong, path="v.md").blocks if b.steps]
    assert blocks[-1].verdict == "refuted", blocks[-1].steps[0].reason
