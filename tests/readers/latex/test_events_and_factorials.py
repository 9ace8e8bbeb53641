r"""Events described in words inside a call, and factorials."""
import pytest
import sympy as sp

from readers.latex.parse import LatexParseError, parse_block

n, x, a, b = (sp.Symbol(s, real=True) for s in "nxab")


def exprs(text):
    return parse_block(text).rows[0].chain.exprs


def test_prose_inside_a_call_is_one_described_event():
    left, right = exprs(r"P(X \; \textrm{is in an}\; \epsilon \textrm{-sized interval around}\; x ) \approx \epsilon p(x)")
    (event,) = left.args
    assert left.func.__name__ == "P" and isinstance(event, sp.Symbol) and event.name.startswith("event:")
    assert "interval around" in event.name


def test_prose_outside_a_call_is_still_a_condition():
    row = parse_block(r"f(x) \text{ for } x > 0").rows[0]
    assert row.conditions == (sp.Gt(x, 0),) or [str(c) for c in row.conditions] == ["x > 0"]


def test_factorials():
    assert exprs(r"\frac{x^{n}}{n!}")[0] == x ** n / sp.factorial(n)
    assert exprs(r"(n+1)! = (n+1) n!") == (sp.factorial(n + 1), (n + 1) * sp.factorial(n))
    assert exprs(r"6 = 3!")[1] == 6


def test_not_equal_is_not_a_factorial():
    assert parse_block(r"a != b").rows[0].chain.rels == ("!=",)


def test_a_bang_after_an_operator_is_an_error():
    with pytest.raises(LatexParseError):
        parse_block(r"a + !b")


def test_max_over_an_index_binds_it_like_a_sum():
    from readers.latex.parse import IndexMax

    (m,) = exprs(r"\max_i x_i")
    assert isinstance(m, IndexMax)
    (opt,) = exprs(r"\max_D V(D, G)")  # a maximum over a variable stays an operator
    assert not isinstance(opt, IndexMax)
