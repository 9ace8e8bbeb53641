r"""A density written as the derivative of a distribution function (``f_X(x) = \frac{dF_X(x)}{dx}``): read as a
derivative, checked on random histogram laws (readers.notes.law_tables), and never as a probability held fixed."""
import pytest

from readers.latex.parse import parse_block
from readers.notes.check import check_notes

_NOTE = ("## Densities\n\n$$F_X(x) = P(X \\leq x)$$\n\nThe density is\n\n$$f_X(x) = \\frac{dF_X(x)}{dx}$$\n\n"
         "Properties:\n\n- $${claim}$$\n")


def last(claim):
    return check_notes(_NOTE.replace("{claim}", claim), path="<test>", budget=5.0).blocks[-1]


def test_a_derivative_of_an_application_is_a_derivative():
    (_, rhs), = [parse_block(r"f_X(x) = \frac{dF_X(x)}{dx}", functions=("F_X",)).rows[0].chain.exprs]
    assert type(rhs).__name__ == "Derivative", rhs


@pytest.mark.parametrize("claim", [r"\int^{\infty}_{-\infty} f_X(x) = 1", r"f_X(x) \geq 0"])
def test_facts_of_every_density_are_confirmed(claim):
    assert last(claim).verdict in ("proved", "verified"), last(claim).steps


@pytest.mark.parametrize("claim", [r"f_X(x) \leq 0", r"\int^{\infty}_{-\infty} f_X(x) = 2"])
def test_a_derivative_of_a_probability_is_not_a_number_in_0_1(claim):
    block = last(claim)  # d/dx P(X <= x) read as d/dx of a constant gave 0 <= 0: a proof of a false claim
    assert block.verdict not in ("proved", "verified"), block.steps
