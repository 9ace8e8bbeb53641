r"""Matrix claims in notes (readers.notes.matrices): right identities confirmed, wrong ones refuted with a
counterexample that NumPy recomputes here, context and unknown shapes left undecided, scalars untouched."""
from __future__ import annotations

import json

import numpy as np
import pytest

from readers.notes.check import check_notes
from readers.notes.matrices import _core
from readers.notes.matrix_numeric import FAILS

WOODBURY_SIZES = (r"Let $A \in \mathbb{R}^{n\times n}$, $U \in \mathbb{R}^{n \times k}$, "
                  r"$C \in \mathbb{R}^{k\times k}$ and $V \in \mathbb{R}^{k\times n}$.")
SQUARE = r"Let $A, B \in \mathbb{R}^{n\times n}$."

RIGHT = {
    "transpose_of_product": (r"(\mathbf{A}\mathbf{B})^T = \mathbf{B}^T\mathbf{A}^T", ""),
    "inverse_of_product": (r"(\mathbf{A}\mathbf{B})^{-1} = \mathbf{B}^{-1}\mathbf{A}^{-1}", ""),
    "trace_cyclic": (r"\operatorname{tr}(\mathbf{A}\mathbf{B}) = \operatorname{tr}(\mathbf{B}\mathbf{A})", ""),
    "det_of_product": (r"\det(\mathbf{A}\mathbf{B}) = \det(\mathbf{A})\det(\mathbf{B})", ""),
    "woodbury": (r"(A+UCV)^{-1} = A^{-1} - A^{-1}U(C^{-1}+VA^{-1}U)^{-1}VA^{-1}", WOODBURY_SIZES),
    "sherman_morrison": (r"(\mathbf{A} + \mathbf{u}\mathbf{v}^\top)^{-1} = \mathbf{A}^{-1} - "
                         r"\frac{\mathbf{A}^{-1}\mathbf{u}\mathbf{v}^\top\mathbf{A}^{-1}}"
                         r"{1 + \mathbf{v}^\top\mathbf{A}^{-1}\mathbf{u}}", ""),
    "gradient_of_linear": (r"\frac{\partial \mathbf{a}^T\mathbf{x}}{\partial \mathbf{x}} = \mathbf{a}", ""),
    "gradient_of_trace": (r"\frac{\partial}{\partial X}\operatorname{tr}(AX) = A^T", SQUARE.replace("B", "X")),
    "gradient_of_quadratic": (r"\nabla_{\mathbf{x}} \mathbf{x}^\top A \mathbf{x} = (A + A^\top)\mathbf{x}",
                              SQUARE),
    "gradient_of_squared_norm": (r"\nabla_{\mathbf{x}} \|\mathbf{x}\|^2 = 2\mathbf{x}", ""),
    "squared_norm": (r"\|\mathbf{x}\|_2^2 = \mathbf{x}^\top\mathbf{x}", ""),
    "frobenius": (r"\|\mathbf{A}\|_F^2 = \operatorname{tr}(\mathbf{A}^{\mathrm{T}}\mathbf{A})", ""),
    "inverse_transpose": (r"(\mathbf{A}^T)^{-1} = (\mathbf{A}^{-1})^T", ""),
    "trace_linear": (r"\operatorname{tr}(\mathbf{A} + \mathbf{B}) = \operatorname{tr}\mathbf{A} + "
                     r"\operatorname{tr}\mathbf{B}", ""),
    "det_transpose": (r"\det(\mathbf{A}^\top) = \det(\mathbf{A})", ""),
    "det_inverse": (r"\det(\mathbf{A}^{-1}) = \frac{1}{\det(\mathbf{A})}", ""),
    "hadamard_commutes": (r"\mathbf{A}\odot\mathbf{B} = \mathbf{B}\odot\mathbf{A}", ""),
    "transpose_of_sum": (r"(\mathbf{A} + \mathbf{B})^\top = \mathbf{A}^\top + \mathbf{B}^\top", ""),
    "inner_symmetric": (r"\mathbf{x}^\top\mathbf{y} = \mathbf{y}^\top\mathbf{x}", ""),
    "associative": (r"(\mathbf{A}\mathbf{B})\mathbf{C} = \mathbf{A}(\mathbf{B}\mathbf{C})", ""),
    "identity": (r"\mathbf{I}\mathbf{A} = \mathbf{A}\mathbf{I}", ""),
    "trace_outer": (r"\operatorname{tr}(\mathbf{x}\mathbf{y}^\top) = \mathbf{x}^\top\mathbf{y}", ""),
    "greek_capital_transpose": (r"(U\Sigma V^T)^T = V\Sigma^TU^T", ""),  # \Sigma^T: a transpose, not a power T
    "dot_of_columns": (r"(A\mathbf{x})\cdot(A\mathbf{x}) = \mathbf{x}^TA^TA\mathbf{x}",  # \cdot: u^T v
                       r"Let $A$ be an $m\times n$ matrix."),
}
"""Right identities: each must be proved or verified."""


def _v(cx, name):
    """The counterexample's value of the name whose letter is ``name`` (``\\mathbf{A}`` for ``A``)."""
    keys = [k for k in cx if _core(k) == name and k not in ("lhs", "rhs")]
    assert len(keys) == 1, (name, cx)
    return np.array(json.loads(cx[keys[0]]), dtype=float)


WRONG = {
    "transpose_in_order": (r"(\mathbf{A}\mathbf{B})^T = \mathbf{A}^T\mathbf{B}^T", "",
                           lambda c: ((_v(c, "A") @ _v(c, "B")).T, _v(c, "A").T @ _v(c, "B").T)),
    "trace_multiplicative": (r"\operatorname{tr}(\mathbf{A}\mathbf{B}) = \operatorname{tr}(\mathbf{A})"
                             r"\operatorname{tr}(\mathbf{B})", "",
                             lambda c: (np.trace(_v(c, "A") @ _v(c, "B")), np.trace(_v(c, "A")) * np.trace(_v(c, "B")))),
    "inverse_additive": (r"(\mathbf{A}+\mathbf{B})^{-1} = \mathbf{A}^{-1}+\mathbf{B}^{-1}", "",
                         lambda c: (np.linalg.inv(_v(c, "A") + _v(c, "B")),
                                    np.linalg.inv(_v(c, "A")) + np.linalg.inv(_v(c, "B")))),
    "inverse_in_order": (r"(\mathbf{A}\mathbf{B})^{-1} = \mathbf{A}^{-1}\mathbf{B}^{-1}", "",
                         lambda c: (np.linalg.inv(_v(c, "A") @ _v(c, "B")),
                                    np.linalg.inv(_v(c, "A")) @ np.linalg.inv(_v(c, "B")))),
    "det_additive": (r"\det(\mathbf{A}+\mathbf{B}) = \det\mathbf{A} + \det\mathbf{B}", "",
                     lambda c: (np.linalg.det(_v(c, "A") + _v(c, "B")),
                                np.linalg.det(_v(c, "A")) + np.linalg.det(_v(c, "B")))),
    "commuting": (r"\mathbf{A}\mathbf{B} = \mathbf{B}\mathbf{A}", "",
                  lambda c: (_v(c, "A") @ _v(c, "B"), _v(c, "B") @ _v(c, "A"))),
    "square_of_sum": (r"(\mathbf{A}+\mathbf{B})^2 = \mathbf{A}^2 + 2\mathbf{A}\mathbf{B} + \mathbf{B}^2", "",
                      lambda c: (np.linalg.matrix_power(_v(c, "A") + _v(c, "B"), 2),
                                 _v(c, "A") @ _v(c, "A") + 2 * _v(c, "A") @ _v(c, "B") + _v(c, "B") @ _v(c, "B"))),
    "det_of_inverse": (r"\det(\mathbf{A}^{-1}) = \det(\mathbf{A})", "",
                       lambda c: (np.linalg.det(np.linalg.inv(_v(c, "A"))), np.linalg.det(_v(c, "A")))),
    "pythagoras_without_orthogonality": (r"\|\mathbf{x}+\mathbf{y}\|^2 = \|\mathbf{x}\|^2 + \|\mathbf{y}\|^2", "",
                                         lambda c: (np.sum((_v(c, "x") + _v(c, "y")) ** 2),
                                                    np.sum(_v(c, "x") ** 2) + np.sum(_v(c, "y") ** 2))),
    "trace_drops_transpose": (r"\operatorname{tr}(\mathbf{A}^\top\mathbf{B}) = \operatorname{tr}(\mathbf{A}\mathbf{B})",
                              "", lambda c: (np.trace(_v(c, "A").T @ _v(c, "B")), np.trace(_v(c, "A") @ _v(c, "B")))),
    "gradient_of_quadratic_without_symmetry": (
        r"\nabla_{\mathbf{x}} \mathbf{x}^\top \mathbf{A} \mathbf{x} = 2\mathbf{A}\mathbf{x}", "",
        lambda c: ((_v(c, "A") + _v(c, "A").T) @ _v(c, "x"), 2 * _v(c, "A") @ _v(c, "x"))),
    "gradient_of_linear_wrong": (r"\frac{\partial \mathbf{a}^T\mathbf{x}}{\partial \mathbf{x}} = \mathbf{x}", "",
                                 lambda c: (_v(c, "a"), _v(c, "x"))),
    "gradient_of_trace_wrong": (r"\frac{\partial}{\partial \mathbf{X}}\operatorname{tr}(\mathbf{X}^T\mathbf{X}) = "
                                r"\mathbf{X}", "", lambda c: (2 * _v(c, "X"), _v(c, "X"))),
}
"""Wrong identities, each with a NumPy oracle: (the true left side, the claimed right side) at the counterexample."""


def _steps(latex: str, preamble: str = ""):
    text = f"# Matrices\n\n{preamble}\n\n$$\n{latex}\n$$\n"
    report = check_notes(text, path="matrices.md")
    block = [b for b in report.blocks if latex.split("=")[0].strip()[:12] in "".join(
        r for r in [b.source])][-1] if False else report.blocks[-1]
    return block.steps


@pytest.mark.parametrize("name", sorted(RIGHT))
def test_right_identities_are_confirmed(name):
    latex, preamble = RIGHT[name]
    steps = _steps(latex, preamble)
    assert len(steps) == 1
    assert steps[0].verdict in ("proved", "verified"), (steps[0].verdict, steps[0].reason)


@pytest.mark.parametrize("name", sorted(WRONG))
def test_wrong_identities_are_refuted_with_a_counterexample_numpy_confirms(name):
    latex, preamble, oracle = WRONG[name]
    steps = _steps(latex, preamble)
    assert len(steps) == 1
    step = steps[0]
    assert step.verdict == "refuted", (step.verdict, step.reason)
    left, right = (np.atleast_2d(np.asarray(v, dtype=float)) for v in oracle(step.counterexample))
    scale = 1 + max(np.linalg.norm(left), np.linalg.norm(right))
    assert left.shape != right.shape or np.linalg.norm(left - right) / scale > FAILS
    assert max(np.atleast_2d(_v(step.counterexample, k)).shape[0] for k in "ABXx" if any(
        _core(n) == k for n in step.counterexample)) <= 2  # small: 2 x 2


def test_a_layout_choice_is_confirmed_and_named():
    (step,) = _steps(r"\frac{\partial}{\partial \mathbf{X}}\operatorname{tr}(\mathbf{A}\mathbf{X}) = \mathbf{A}")
    assert step.verdict == "verified" and "numerator layout" in step.reason
    (step,) = _steps(r"\frac{\partial \mathbf{a}^T\mathbf{x}}{\partial \mathbf{x}} = \mathbf{a}^T")
    assert step.verdict == "verified" and "numerator layout" in step.reason


def test_an_earlier_equation_constrains_later_claims():
    text = (r"# Eigen" "\n\n" r"$$\mathbf{A}\mathbf{W} = \mathbf{W}\boldsymbol{\Sigma}$$" "\n\n"
            r"where $\boldsymbol{\Sigma}$ is diagonal. Then" "\n\n"
            r"$$\mathbf{A}^{-1} = \mathbf{W}\boldsymbol{\Sigma}^{-1}\mathbf{W}^{-1}$$" "\n\n"
            r"$$\mathbf{A}^{-1} = \mathbf{W}^{-1}\boldsymbol{\Sigma}^{-1}\mathbf{W}$$" "\n")
    blocks = [b for b in check_notes(text).blocks if b.steps]
    equation, right, wrong = (b.steps[0] for b in blocks)
    assert equation.verdict == "undecided" and equation.role == "equation"
    assert right.verdict in ("proved", "verified") and "line 3" in right.reason
    assert wrong.verdict == "undecided" and "line 3" in wrong.reason  # never refuted as a free identity


def test_an_identity_holds_under_an_equation_that_cannot_be_solved():
    r"""$A^\top A = B A B$ cannot be solved for $A$ or $B$; $(A^\top A)^\top = A^\top A$ holds for every $A$, so under it
    too."""
    text = (r"# Eigen" "\n\n" r"$$\mathbf{A}^\top\mathbf{A} = \mathbf{B}\mathbf{A}\mathbf{B}$$" "\n\n"
            r"$$(\mathbf{A}^\top\mathbf{A})^\top = \mathbf{A}^\top\mathbf{A}$$" "\n")
    equation, claim = (b.steps[0] for b in check_notes(text).blocks if b.steps)
    assert equation.role == "equation"
    assert claim.verdict in ("proved", "verified"), claim.reason


def test_the_same_claim_alone_is_not_refuted_as_an_identity():
    (step,) = _steps(r"\mathbf{A}^{-1} = \mathbf{W}\boldsymbol{\Sigma}^{-1}\mathbf{W}^{-1}")
    assert step.verdict == "undecided"


def test_inconsistent_shapes_are_undecided_saying_so():
    (step,) = _steps(r"\mathbf{A}\mathbf{x} = \mathbf{x}^\top\mathbf{A}")
    assert step.verdict == "undecided" and "shapes" in step.reason


def test_unknown_kinds_with_readings_that_disagree_are_undecided():
    (step,) = _steps(r"\operatorname{tr}(AB) = \operatorname{tr}(A)\operatorname{tr}(B)")
    assert step.verdict == "undecided" and "ambiguous" in step.reason


def test_declared_matrices_are_not_scalars():
    (step,) = _steps(r"(AB)^{-1} = A^{-1}B^{-1}", SQUARE)
    assert step.verdict == "refuted"
    (step,) = _steps(r"(AB)^{-1} = B^{-1}A^{-1}", SQUARE)
    assert step.verdict in ("proved", "verified")


def test_definitions_of_matrices_are_substituted():
    text = (r"# Gram" "\n\n" r"$$\mathbf{C} = \mathbf{X}^\top\mathbf{X}$$" "\n\n" r"$$\mathbf{C}^\top = \mathbf{C}$$" "\n")
    step = [b for b in check_notes(text).blocks if b.steps][-1].steps[0]
    assert step.verdict in ("proved", "verified"), step.reason


@pytest.mark.parametrize("latex, verdict", [(r"x^2 - 1 = (x-1)(x+1)", "proved"), (r"(a+b)^2 = a^2 + b^2", "refuted")])
def test_scalar_claims_are_unaffected(latex, verdict):
    (step,) = _steps(latex)
    assert step.verdict == verdict and "matri" not in step.method + step.reason


def test_capitals_that_commute_only_as_numbers_are_read_both_ways():
    # undeclared, (AB)^{-1} = A^{-1}B^{-1} holds for numbers and fails for matrices (the order reverses): it was
    # proved as a scalar claim, though the issue counts inverses of products as matrix algebra
    (step,) = _steps(r"(AB)^{-1} = A^{-1}B^{-1}")
    assert step.verdict == "undecided" and "ambiguous" in step.reason, step.reason


def test_a_run_of_declared_matrices_is_their_product():
    # "AB = BA" once A and B are declared n x n matrices: the old reader took AB for a new name defined here
    # (a word written before "="), so the classic wrong claim and (AB)^T = A^T B^T went unchecked
    text = ("Let $A, B \\in \\mathbb{R}^{n \\times n}$.\n\n$$ AB = BA $$\n\n$$ (AB)^T = A^T B^T $$\n\n"
            "$$ (AB)^T = B^T A^T $$\n")
    blocks = [b for b in check_notes(text, budget=5.0).blocks if b.steps]
    assert [b.verdict for b in blocks[:2]] == ["refuted", "refuted"]
    assert all(s.counterexample for b in blocks[:2] for s in b.steps if s.verdict == "refuted")
    assert blocks[2].verdict in ("proved", "verified")
