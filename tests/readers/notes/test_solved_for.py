r"""``x = v`` whose value uses ``x`` through the section's definitions (``x = A^{-1} b`` after ``A x = b`` defined
``b``, ``x = (y - 1)/3`` after ``y = 3x + 1``) is that equation solved for ``x``: a claim, confirmed when it holds;
when it does not hold it stays a definition (a change of variables may hold only where the notes say), never a
refutation."""
import sympy as sp

from readers.notes.check import check_notes


def read(note):
    return [(b.role, b.verdict) for b in check_notes(note, path="<test>", budget=5.0).blocks]


def test_a_scalar_equation_solved_for_its_variable_is_a_confirmed_claim():
    x, y = sp.symbols("x y")
    assert sp.solve(sp.Eq(y, 3 * x + 1), x) == [(y - 1) / 3]  # the premise, by sympy
    note = "Let $$y = 3x + 1.$$\n\nThen $$x = \\frac{y - %s}{3}.$$\n"
    assert read(note % "1")[-1] == ("claim", "proved")
    assert read(note % "2")[-1] == ("definition", None)  # not the solution: a new x, as before


def test_a_matrix_equation_solved_by_the_inverse():
    note = ("For equations like\n\n$$\\mathbf{A}\\mathbf{x} = \\mathbf{b},$$\n\nwe multiply to get\n\n"
            "$$\\mathbf{x} = %s.$$\n")
    assert read(note % "\\mathbf{A}^{-1}\\mathbf{b}")[-1] == ("claim", "proved")
    assert read(note % "\\mathbf{b}^\\top\\mathbf{A}^{-1}")[-1][1] not in ("proved", "verified", "refuted")
