r"""``\frac{dg}{dx}(a)`` is the derivative of ``g`` at ``a``, not ``a`` times a derivative."""
import sympy as sp

from readers.latex.parse import parse_block

x, y, a = (sp.Symbol(s, real=True) for s in "xya")


def first(text):
    return parse_block(text).rows[0].chain.exprs[0]


def test_derivative_fraction_applied_to_its_variable_is_the_function_derivative():
    got = first(r"\frac{dg}{dx}(x)")
    assert got == sp.Derivative(sp.Function("g")(x), x)


def test_higher_order_and_partial_in_several_arguments():
    assert first(r"\frac{d^2g}{dx^2}(x)") == sp.Derivative(sp.Function("g")(x), (x, 2))
    assert first(r"\frac{\partial f}{\partial x}(x, y)") == sp.Derivative(sp.Function("f")(x, y), x)


def test_at_another_point_is_a_substitution():
    got = first(r"\frac{d\sigma}{dx}(a)")
    assert isinstance(got, sp.Subs)
    g = got.replace(lambda e: isinstance(e, sp.core.function.AppliedUndef), lambda e: e.args[0] ** 3)
    assert sp.simplify(g.doit() - 3 * a ** 2) == 0


def test_operator_applied_to_a_parenthesis_stays_an_operator():
    assert first(r"\frac{d}{dx}(x^2)").doit() == 2 * x
    # a plain fraction followed by a parenthesis is still a product
    assert first(r"\frac{a}{x}(x)") == a


def test_a_letter_applied_to_itself_is_a_product():
    p, x, y = (sp.Symbol(s, real=True) for s in "pxy")
    assert first(r"p(1-p)") == p * (1 - p)
    assert first(r"p(x)") == sp.Function("p")(x)
    assert first(r"f(f(x))") == sp.Function("f")(sp.Function("f")(x))


def test_a_letter_whose_parenthesis_divides_or_roots_by_it_is_a_product():
    """q (x/q)^2 with the fraction written out: the letter is a fraction's or a root's operand inside its own
    parenthesis, a plain value as in p(1-p); a scripted or accented copy (x_{p}, \\hat{p}) is another name."""
    q, u = (sp.Symbol(s, real=True) for s in "qu")
    assert first(r"q \left(\frac{u}{q}\right)^{2}") == q * (u / q) ** 2
    assert first(r"q\left(\sqrt{q} + u\right)") == q * (sp.sqrt(q) + u)
    assert first(r"p(x_{p})") == sp.Function("p")(sp.Symbol("x_p", real=True))
    assert first(r"p(\hat{p})").func == sp.Function("p")
