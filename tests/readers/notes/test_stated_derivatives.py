r"""A derivative stated in prose, "the derivative of $F$ is $G$", is the claim $dF/dx = G$: confirmed when it holds
(each side written as a map ``x \mapsto ...`` or as an expression), and never refuted from the sentence (the block
keeps its own reading)."""
import pytest
import sympy as sp

from readers.notes.check import check_notes


def last(note):
    return check_notes(note, path="<test>", budget=5.0).blocks[-1]


# each derivative below checked independently by sympy.diff when the test runs
CASES = [
    (r"x \mapsto \log(1 + e^x)", None, r"x \mapsto \frac{e^x}{1 + e^x}",
     lambda x: sp.diff(sp.log(1 + sp.exp(x)), x) - sp.exp(x) / (1 + sp.exp(x))),
    (r"t^3 + t", "t", r"3t^2 + 1", lambda x: sp.diff(x**3 + x, x) - (3 * x**2 + 1)),
    (r"u \mapsto \sin u \cos u", None, r"v \mapsto \cos^2 v - \sin^2 v",
     lambda x: sp.diff(sp.sin(x) * sp.cos(x), x) - (sp.cos(x)**2 - sp.sin(x)**2)),
]


@pytest.mark.parametrize("function, variable, derivative, check", CASES)
def test_a_right_stated_derivative_is_confirmed(function, variable, derivative, check):
    assert sp.simplify(check(sp.Symbol("x"))) == 0
    respect = f" with respect to ${variable}$" if variable else ""
    block = last(f"The derivative of ${function}${respect} is ${derivative}$ here.\n")
    assert block.verdict == "proved", block.steps
    assert block.role == "claim"


def test_a_wrong_stated_derivative_is_not_refuted_from_the_sentence():
    block = last(r"The derivative of $x \mapsto x^2 + 1$ is $x \mapsto 3x$ here." + "\n")
    assert block.verdict != "refuted"
    assert block.verdict not in ("proved", "verified")


def test_no_claim_when_the_variable_cannot_be_told():
    block = last(r"The derivative of $a x^2$ is $2 a x$ here." + "\n")  # in x or in a?
    assert block.verdict is None and block.role != "claim", block.steps


def test_the_derivative_function_of_the_function_defined_last():
    # d/dx x/(1 + sqrt x) = (sqrt x + 2)/(2 (sqrt x + 1)^2), checked by sympy here
    x = sp.Symbol("x", positive=True)
    assert sp.simplify(sp.diff(x / (1 + sp.sqrt(x)), x) - (sp.sqrt(x) + 2) / (2 * (sp.sqrt(x) + 1)**2)) == 0
    note = ("Take $f(x) = \\frac{x}{1 + \\sqrt{x}}$ on the half line.\n\n"
            "We use the derivative function $x \\mapsto \\frac{\\sqrt{x} + %s}{2(\\sqrt{x} + 1)^2}$ there.\n")
    assert last(note % "2").verdict == "proved"
    assert last(note % "3").verdict not in ("proved", "verified", "refuted")
