r"""Written-out matrices and matrix calculus in notes (readers.notes.matrix_exact, matrix_literals, matrices):
right claims proved exactly, wrong ones refuted with the matrices that show it (recomputed here with sympy),
equations and claims whose written-out values are not in force left undecided."""
from __future__ import annotations

import pytest
import sympy as sp

from readers.notes.check import check_notes
from readers.notes.matrix_exact import Exact, NotExact, compare


def _bm(rows) -> str:
    return r"\begin{bmatrix}" + r" \\ ".join(" & ".join(map(str, r)) for r in rows) + r"\end{bmatrix}"


def _blocks(text: str) -> dict:
    """Line of each block with steps -> its block report."""
    return {b.line: b for b in check_notes(text, path="claims.md").blocks if b.steps}


def _only(text: str):
    blocks = list(_blocks(text).values())
    assert len(blocks) == 1, [(b.line, b.verdict) for b in blocks]
    return blocks[0]


P, Q = [[3, -1], [0, 2]], [[1, 4], [-2, 5]]
SYMBOLIC = _bm([["p", "q"], ["r", "s"]])

CLAIMS = {
    # name: (claim, verdict when right, the wrong variant)
    "product": (f"{_bm(P)}{_bm(Q)} = {_bm([[5, 7], [-4, 10]])}", f"{_bm(P)}{_bm(Q)} = {_bm([[5, 7], [-4, 11]])}"),
    "matrix_vector": (f"{_bm(P)}{_bm([[2], [1]])} = {_bm([[5], [2]])}", f"{_bm(P)}{_bm([[2], [1]])} = {_bm([[5], [3]])}"),
    "determinant": (rf"\det {SYMBOLIC} = ps - qr", rf"\det {SYMBOLIC} = ps + qr"),
    "inverse": (rf"{SYMBOLIC}^{{-1}} = \frac{{1}}{{ps - qr}}{_bm([['s', '-q'], ['-r', 'p']])}",
                rf"{SYMBOLIC}^{{-1}} = \frac{{1}}{{ps - qr}}{_bm([['p', '-q'], ['-r', 's']])}"),
    "transpose": (rf"{_bm([[1, 2, 3]])}^\top = {_bm([[1], [2], [3]])}", rf"{_bm([[1, 2, 3]])}^\top = {_bm([[1], [3], [2]])}"),
    "trace": (rf"\operatorname{{tr}} {_bm(P)} = 5", rf"\operatorname{{tr}} {_bm(P)} = 6"),
    "identity": (rf"{_bm(P)} - 2\mathbf{{I}} = {_bm([[1, -1], [0, 0]])}", rf"{_bm(P)} - 2\mathbf{{I}} = {_bm([[1, -1], [0, 2]])}"),
}


@pytest.mark.parametrize("name", sorted(CLAIMS))
def test_a_written_out_claim_is_proved_exactly(name):
    block = _only(f"# Worked example\n\n$${CLAIMS[name][0]}$$\n")
    assert block.verdict == "proved", block.steps[0].reason
    assert "exact" in block.steps[0].method


@pytest.mark.parametrize("name", sorted(CLAIMS))
def test_a_wrong_written_out_claim_is_refuted_with_values_sympy_confirms(name):
    block = _only(f"# Worked example\n\n$${CLAIMS[name][1]}$$\n")
    assert block.verdict == "refuted", block.steps[0].reason
    cx = block.steps[0].counterexample
    assert cx and "lhs" in cx and "rhs" in cx
    assert cx["lhs"] != cx["rhs"]
    point = {sp.Symbol(k): sp.Rational(v) for k, v in cx.items() if k not in ("lhs", "rhs")}
    if point:  # the point given makes the two sides differ: recompute them with sympy, independently
        m = sp.Matrix([[sp.Symbol("p"), sp.Symbol("q")], [sp.Symbol("r"), sp.Symbol("s")]]).subs(point)
        p, q, r, s = (point[sp.Symbol(c)] for c in "pqrs")
        wrong = {"determinant": (m.det(), p * s + q * r),
                 "inverse": (m.inv(), sp.Matrix([[p, -q], [-r, s]]) / (p * s - q * r))}[name]
        assert sp.simplify(sp.Matrix([wrong[0]]) - sp.Matrix([wrong[1]])) != sp.zeros(*sp.Matrix([wrong[0]]).shape)


def test_an_equation_in_a_vector_of_unknowns_is_not_refuted():
    block = _only(f"# Eigenvectors\n\nThe eigenvectors satisfy\n\n$${_bm(P)}{_bm([['u'], ['w']])} = "
                  f"{_bm([['u'], ['w']])}$$\n")
    assert block.verdict == "undecided"
    assert "equation" in block.steps[0].reason


NOTE = r"""# Diagonalising

Let:

$$\mathbf{M} = @M,$$

$$\mathbf{V} = @V,$$

and

$$\boldsymbol{\Lambda} = @L.$$

Then:

$$\mathbf{M}\mathbf{V} = \mathbf{V}\boldsymbol{\Lambda}$$

so that:

$$\mathbf{M} = \mathbf{V}\boldsymbol{\Lambda}\mathbf{V}^{-1}$$

and also:

$$\det(\mathbf{M}) = @det$$
"""
# M = V diag(2, 5) V^{-1} with V = [[1, 1], [1, -2]] (columns: eigenvectors for 2 and 5): M = [[3, -1], [-2, 4]],
# det M = 2 * 5 = 10
RIGHT_NOTE = dict(M=_bm([[3, -1], [-2, 4]]), V=_bm([[1, 1], [1, -2]]), L=_bm([[2, 0], [0, 5]]), det=10)


def _note(**values) -> str:
    text = NOTE
    for name, value in values.items():
        text = text.replace(f"@{name}", str(value))
    return text


def test_written_out_values_in_force_prove_later_claims():
    blocks = _blocks(_note(**RIGHT_NOTE))
    claims = [b for b in blocks.values() if b.steps[0].role == "claim"]
    assert len(claims) == 3
    assert all(b.verdict == "proved" for b in claims), [(b.line, b.verdict, b.steps[0].reason) for b in claims]


def test_a_wrong_claim_on_values_written_out_in_its_section_is_refuted():
    blocks = _blocks(_note(**{**RIGHT_NOTE, "det": 12}))
    last = blocks[max(blocks)]
    assert last.verdict == "refuted"
    assert last.steps[0].counterexample["lhs"] == "10"
    assert last.steps[0].counterexample[r"\mathbf{M}"] == "[[3, -1], [-2, 4]]"


def test_a_written_out_value_is_not_in_force_once_the_letter_is_declared_general():
    text = _note(**RIGHT_NOTE).replace("Then:\n", r"Now let $\mathbf{M} \in \mathbb{R}^{n \times n}$ be any "
                                                          "matrix. Then:\n")
    blocks = _blocks(text)
    reasons = [s.reason for b in blocks.values() for s in b.steps]
    assert reasons and not any(r"\mathbf{M} written out" in r for r in reasons), reasons
    assert not any(b.verdict == "refuted" for b in blocks.values())


def test_a_written_out_value_that_breaks_a_declared_property_is_not_in_force():
    text = _note(**RIGHT_NOTE) + (r"Take $\mathbf{V}$ to be an orthogonal matrix." "\n\n"
                                        r"$$\mathbf{V}^\top = \mathbf{V}^{-1}$$" "\n")
    blocks = _blocks(text)
    last = blocks[max(blocks)]
    assert last.verdict in ("proved", "verified")
    assert "exact" not in last.steps[0].method  # V = [[1, 1], [1, -2]] is not orthogonal: the general reading


def test_the_gradient_of_a_defined_function_is_checked_exactly():
    head = "# Gradients\n\nTake\n\n$$g(u, w) = u^2 w + \\sin(w).$$\n\nIts gradient is\n\n"
    right = _only(head + r"$$\nabla g(u, w) = \begin{bmatrix} 2uw \\ u^2 + \cos(w) \end{bmatrix}$$" "\n")
    wrong = _only(head + r"$$\nabla g(u, w) = \begin{bmatrix} 2uw \\ u^2 - \cos(w) \end{bmatrix}$$" "\n")
    assert right.verdict == "proved", right.steps[0].reason
    assert wrong.verdict == "refuted", wrong.steps[0].reason


MATRIX_CALCULUS = r"Let $\mathbf{c}, \mathbf{z} \in \mathbb{R}^n$ and $\mathbf{B}, \mathbf{Z} \in \mathbb{R}^{n \times n}$."


@pytest.mark.parametrize("claim", [
    r"\frac{\partial \mathbf{c}^\top\mathbf{z}}{\partial \mathbf{z}} = \mathbf{c}",
    r"\frac{\partial}{\partial \mathbf{Z}}\operatorname{tr}(\mathbf{B}\mathbf{Z}) = \mathbf{B}^\top",
    r"\frac{\partial}{\partial \mathbf{z}}\mathbf{z}^\top\mathbf{B}\mathbf{z} = (\mathbf{B} + \mathbf{B}^\top)\mathbf{z}",
])
def test_matrix_calculus_is_proved_with_sympy_matrix_symbols(claim):
    block = _only(f"# Calculus\n\n{MATRIX_CALCULUS}\n\n$${claim}$$\n")
    assert block.verdict == "proved", block.steps[0].reason
    assert "MatrixSymbol" in block.steps[0].method


def test_a_quadratic_form_gradient_that_needs_symmetry_is_refuted_for_declared_sizes():
    block = _only(f"# Calculus\n\n{MATRIX_CALCULUS}\n\n"
                  r"$$\frac{\partial}{\partial \mathbf{z}}\mathbf{z}^\top\mathbf{B}\mathbf{z} = 2\mathbf{B}\mathbf{z}$$" "\n")
    assert block.verdict == "refuted"
    cx = block.steps[0].counterexample
    import json

    import numpy as np
    b, z = (np.array(json.loads(cx[k])) for k in (r"\mathbf{B}", r"\mathbf{z}"))
    assert b.shape == (2, 2) and z.shape == (2, 1)  # matrices, not numbers
    assert not np.allclose((b + b.T) @ z, 2 * b @ z)


def test_a_symmetric_declaration_keeps_a_symmetric_only_identity_undecided_or_confirmed():
    block = _only(f"# Calculus\n\n{MATRIX_CALCULUS} Let $\\mathbf{{B}}$ be a symmetric matrix.\n\n"
                  r"$$\frac{\partial}{\partial \mathbf{z}}\mathbf{z}^\top\mathbf{B}\mathbf{z} = 2\mathbf{B}\mathbf{z}$$" "\n")
    assert block.verdict in ("verified", "undecided")
    assert block.verdict != "proved"  # sympy's MatrixSymbol knows no symmetry: never proved in general


def test_exact_values_of_different_shapes_are_not_compared():
    evaluate = Exact({}, lambda s: True, lambda s: False)
    with pytest.raises(NotExact):
        compare(evaluate(sp.ImmutableMatrix([[1, 2]])), evaluate(sp.ImmutableMatrix([[1, 2], [3, 4]])))


TYPEFACES = "# Quadratic forms\n\nTake a column vector $\\mathbf{{z}}$ and {declared}.\n\n$$\\frac{{d}}{{d\\mathbf{{z}}}}" \
            "(\\mathbf{{z}}^\\top C \\mathbf{{z}}) = {rhs}$$\n"


def test_a_plain_letter_declared_a_matrix_is_its_bold_letter_too():
    right = _only(TYPEFACES.format(declared="a square matrix $C$", rhs=r"(\mathbf{C} + \mathbf{C}^\top)\mathbf{z}"))
    assert right.verdict == "verified", right.steps[0].reason
    assert "one matrix in two typefaces" in right.steps[0].reason
    wrong = _only(TYPEFACES.format(declared="a square matrix $C$", rhs=r"2\mathbf{C}\mathbf{z}"))
    assert wrong.verdict == "refuted"


def test_undeclared_typefaces_stay_two_readings():
    block = _only(TYPEFACES.format(declared="some weights", rhs=r"(\mathbf{C} + \mathbf{C}^\top)\mathbf{z}"))
    assert block.verdict == "undecided"
    assert "ambiguous" in block.steps[0].reason


# ** sizes declared in words for several names: "$A$ and $B$ are $n \times n$ matrices" **

def test_matrices_declared_with_their_sizes_in_words_refute_a_transposed_product():
    import json

    import numpy as np

    from readers.notes.check import check_notes

    text = "Let $A$ and $B$ be $n \\times n$ matrices. Transposes reverse products:\n\n$$(AB)^\\top = A^\\top B^\\top$$\n"
    block = check_notes(text, path="<test>", budget=5.0).blocks[-1]
    assert block.verdict == "refuted", block.steps
    w = block.steps[0].counterexample
    a, b = (np.array(json.loads(w[k])) for k in ("A", "B"))
    assert a.shape == b.shape and a.shape[0] == a.shape[1]  # square, as declared
    assert not np.allclose((a @ b).T, a.T @ b.T)  # independent of the checker: a real failure
    right = check_notes(text.replace("A^\\top B^\\top", "B^\\top A^\\top"), path="<test>", budget=5.0).blocks[-1]
    assert right.verdict != "refuted"


def test_a_quadratic_form_gradient_without_the_symmetric_part_is_refuted_for_a_declared_matrix():
    from readers.notes.check import check_notes

    text = "Let $A$ be an $n \\times n$ matrix and $x \\in \\mathbb{R}^n$.\n\n$$\\nabla_x (x^\\top A x) = {}$$\n"
    wrong = check_notes(text.replace("{}", "2 A x"), path="<test>", budget=5.0).blocks[-1]
    assert wrong.verdict == "refuted", wrong.steps
    right = check_notes(text.replace("{}", "(A + A^\\top) x"), path="<test>", budget=5.0).blocks[-1]
    assert right.verdict != "refuted"
