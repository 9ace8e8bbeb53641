r"""A held-out definition of round twenty-four that could not be read (issue 13): a parameter before a parenthesis,
$\log(p(1 - q)(1 - r) + \dots)$, was read as a call of an unknown function $p$ ("unknown function(s) p, q"), since
$p$ and $q$ are letters conventionally used for functions.  A parameter of the definition stands for a number:
before a parenthesis of one argument that is not a bare name it is a factor, and a power written after the
parenthesis is the parenthesis's ($Q(x - 1)^2 = Q\,(x - 1)^2$).  A parameter before a bare name ($f(x)$), a call of
two arguments and a letter that is no parameter keep their reading."""
import pytest
import sympy as sp

from codegen.define import DefinitionError, build
from readers.definition import read_definitions


def _one(text):
    (f,) = build(read_definitions(text))
    return f


def _at(fn, values):
    syms = {str(s): s for s in fn.expr.free_symbols}
    return fn.expr.subs({syms[k]: v for k, v in values.items()})


R = sp.Rational


@pytest.mark.parametrize("latex, values, want", [
    # the Poisson-binomial probability of exactly one of three events (round 24), as the note writes it
    (r"\mathrm{One}(p, q, r) = p\left(1 - q\right)\left(1 - r\right) + \left(1 - p\right)q\left(1 - r\right)"
     r" + \left(1 - p\right)\left(1 - q\right)r",
     {"p": R(1, 2), "q": R(1, 3), "r": R(1, 4)},
     R(1, 2) * R(2, 3) * R(3, 4) + R(1, 2) * R(1, 3) * R(3, 4) + R(1, 2) * R(2, 3) * R(1, 4)),
    # other letters the reader takes for functions (f, P), plain parentheses, inside a log and a quotient
    (r"\mathrm{G}(f, b) = \log(f(b + 1)) + b", {"f": 2, "b": 3}, sp.log(8) + 3),
    (r"\mathrm{G}(P, b) = \frac{1}{P(1 - b)}", {"P": 2, "b": 3}, R(-1, 4)),
    # a power after the parenthesis is the parenthesis's: Q (x - 1)^2, not (Q (x - 1))^2
    (r"\mathrm{G}(x, Q) = Q(x - 1)^{2}", {"x": 4, "Q": 2}, sp.Integer(18)),
])
def test_a_parameter_before_a_parenthesis_is_a_factor(latex, values, want):
    f = _one(f"$$ {latex} $$")
    assert not f.expr.atoms(sp.core.function.AppliedUndef)
    assert sp.simplify(_at(f, values) - want) == 0


@pytest.mark.parametrize("latex", [
    r"\mathrm{K}(x) = f(x + 1)",  # f is no parameter: still an unknown function
    r"\mathrm{K}(f, x) = x + f(x)",  # a parameter before a bare name: a function argument, out of codegen's reach
    r"\mathrm{K}(p, x) = p(x, 1) + x",  # two arguments are no product
])
def test_other_calls_are_still_unknown_functions(latex):
    with pytest.raises(DefinitionError, match="unknown function"):
        _one(f"$$ {latex} $$")
