r"""Classes of wrong readings found on round 25's held-out sources (tests/corpus/notes/mandli_*.md,
dit_information_measures.rst), each with a hand-written example unlike the corpus block that revealed it and a wrong
block the fix still refutes.

* ``\Delta x``, ``\delta A``: the increment of one quantity, one name.  Read as the product Delta*x, "Let $\Delta x =
  x_1 - x_0$" was a refuted claim, ``\frac{y_1 - y_0}{\Delta x}`` after it was refuted against the divided difference,
  ``\Delta x^n`` powered x alone and ``\mathcal{O}(\Delta x^m)`` became a product with \mathcal{O}.
* Two or more ties (``~~~~``) between statements are a wide space that separates them, as ``\quad`` does:
  ``p_0 = f(x_i) ~~~~~ p_1 = \dots`` was one chain p_0 = p_1 f(x_i) = ..., refuted.
* ``\ensuremath{...}`` (a Sphinx preamble's macro body) is its content, and an upright operator letter
  ``\operatorname{H}[X]`` before its argument is applied, never the product H*X (dit's \H[X], \T[X]).
"""
import pytest

from readers.latex.parse import parse_block, parse_latex
from readers.notes.check import check_notes


@pytest.mark.parametrize("latex, expected", [
    (r"\Delta x^2", "Delta_x**2"),  # was Delta*x**2
    (r"\frac{\Delta y}{\Delta x}", "Delta_y/Delta_x"),
    (r"\delta A x", "delta_A*x"),
    (r"\Delta \theta + 1", "Delta_theta + 1"),
    (r"\Delta^2", "Delta**2"),  # Delta alone stays a name; so do Kronecker's and Dirac's deltas
    (r"\delta_{ij}", "KroneckerDelta(i, j)"),
    (r"\ensuremath{x} + 1", "x + 1"),  # was "unsupported command \ensuremath"
    (r"\operatorname{H}[X] - \operatorname{H}(Y)", r"\operatorname{H}(X) - \operatorname{H}(Y)"),  # was H*X - H*Y
    (r"\operatorname{D_{KL}}[p \| q]", r"\operatorname{D_{KL}}(p, q)"),
    (r"\operatorname{E} x", "E*x"),  # without an argument in brackets it is still a name
    (r"\max(0,~N~-~\delta N)", "Max(0, N - delta_N)"),  # one tie is a space
])
def test_increments_ties_and_operator_letters_read(latex, expected):
    assert str(parse_latex(latex)) == expected


def _verdicts(text):
    return [b.verdict for b in check_notes(text, path="<test>", budget=5.0).blocks if b.kind == "display"]


def test_an_increment_defined_in_prose_is_substituted_and_a_wrong_quotient_still_refuted():
    text = ("# Differences\n\nLet $\\Delta t = t_1 - t_0$ be the step.\n\n"
            "$$\\frac{u_1 - u_0}{t_1 - t_0} = \\frac{u_1 - u_0}{\\Delta t}$$\n\n"
            "$$\\frac{u_1 - u_0}{\\Delta t} = \\frac{u_1 - u_0}{2 \\Delta t}$$\n")
    assert _verdicts(text) == ["proved", "refuted"]


@pytest.mark.parametrize("latex", [
    r"p_0 = f(x_i) ~~~~~ p_1 = \frac{f(x_{i+1}) - f(x_i)}{h}",  # was the chain p_0 = p_1 f(x_i) = ..., refuted
    r"w_2 = \frac{h}{6} ~~~~ w_1 = \frac{2}{3} h ~~~~ w_0 = \frac{h}{6}",
    r"[y_i] = y_i ~~~~~ i \in \{0, 1\}",  # was y_i = i y_i
])
def test_statements_separated_by_ties_read_as_with_quad(latex):
    def rows(text):
        return [(str(row.chain), str(row.conditions)) for row in parse_block(text).rows]

    assert rows(latex) == rows(latex.replace("~~~~~", r"\quad").replace("~~~~", r"\quad"))


def test_big_o_terms_on_both_sides_compare_orders_and_are_never_refuted():
    """``p O(h^m) + q O(h^n) = O(h^r)``: with the letter read as a factor the link was a false identity of O,
    refuted (Mandli's product rule for big-O); a single remainder is still checked (verified) as before."""
    text = ("# O\n\nFor small $h$ let $f = p + \\mathcal{O}(h^n)$ and $g = q + \\mathcal{O}(h^m)$ with "
            "$r = \\min(n, m)$.\n\n$$f g = p q + p \\mathcal{O}(h^m) + q \\mathcal{O}(h^n) = p q + \\mathcal{O}(h^r)$$\n\n"
            "$$\\sin h = h + \\mathcal{O}(h^3)$$\n")
    assert _verdicts(text) == ["undecided", "verified"]
