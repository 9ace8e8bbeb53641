r"""A stated optimum ``w^\star = v`` of a matrix objective is checked as $\nabla_w F = 0$ at $w = v$ on matrices of
several sizes (readers.notes.matrix_optimum), not only in the 1x1 case; the objective may be named in prose
("least squares minimises $\|Xw - y\|^2$").  The normal equations are the textbook case: $\nabla_w \|Xw - y\|^2 =
2X^\top(Xw - y)$ vanishes at $w = (X^\top X)^{-1}X^\top y$, and $(X^\top X)^{-1}X y$ agrees with it only when
$X$ is 1x1."""
from readers.notes.check import check_notes


def verdicts(note, mark):
    """The verdicts of the blocks of ``note`` whose source contains ``mark``."""
    return [b.verdict for b in check_notes(note, path="<test>", budget=5.0).blocks if mark in b.source]


PROSE = "# Fit\n\nThe fit minimises $\\|Aw - b\\|^2$ over $w$.\n\n$$ w^\\star = {value} $$\n"


def test_the_normal_equations_solve_an_objective_named_in_prose():
    (block,) = [b for b in check_notes(PROSE.format(value="(A^\\top A)^{-1} A^\\top b"), path="<test>",
                                       budget=5.0).blocks if "star" in b.source]
    assert block.verdict == "verified", block.steps
    assert "matrix samples" in block.steps[0].method


def test_a_value_right_only_for_1x1_matrices_is_not_confirmed():
    # (A^T A)^{-1} A b: for 1x1 A it is b/A, the optimum; for a 3x2 A the product A b is not even defined
    assert verdicts(PROSE.format(value="(A^\\top A)^{-1} A b"), "star") == ["undecided"]


QUADRATIC = ("# Quadratic\n\nTake $$h(\\mathbf{x}) = \\frac{1}{2}\\mathbf{x}^\\top \\mathbf{Q} \\mathbf{x} + "
             "\\mathbf{x}^\\top \\mathbf{c} + b$$\n\nFor a {kind} matrix $\\mathbf{Q}$ it has a minimizer at "
             "$\\mathbf{x}^* = {sign}\\mathbf{Q}^{-1}\\mathbf{c}$.\n")


def test_a_quadratic_function_minimised_at_its_stationary_point():
    note = QUADRATIC.replace("{kind}", "symmetric positive definite")
    assert verdicts(note.replace("{sign}", "-"), "^*") == ["verified"]
    assert verdicts(note.replace("{sign}", ""), "^*")[0] in ("refuted", "undecided")  # +Q^{-1}c: never confirmed


def test_without_symmetry_the_stationary_point_is_not_confirmed():
    # the gradient of x^T Q x / 2 is (Q + Q^T) x / 2: -Q^{-1} c is stationary only for a symmetric Q
    note = QUADRATIC.replace("{kind}", "square").replace("{sign}", "-")
    assert verdicts(note, "^*") == ["undecided"]


def test_a_scalar_objective_named_in_prose():
    note = "We minimise $(w - a)^2 + 1$ in this section.\n\n$$ w^\\star = {value} $$\n"
    assert verdicts(note.replace("{value}", "a"), "star") == ["proved"]
    assert verdicts(note.replace("{value}", "2a"), "star") == ["refuted"]
