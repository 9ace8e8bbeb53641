"""Side conditions written as membership or after a \\quad, sentence punctuation, and events inside P(...)."""
import pytest
import sympy as sp

from readers.latex.membership import integer_members
from readers.latex.parse import parse_block

x = sp.Symbol("x", real=True)


def _row(text):
    (row,) = parse_block(text).rows
    return row


@pytest.mark.parametrize("text, expected", [
    (r"y = \log x, \quad x \in (0,1)", sp.And(x > 0, x < 1)),
    (r"y = \log x \text{ for } x\in[0,1]", sp.And(x >= 0, x <= 1)),
    (r"y = \log x, x \in (0, 1]", sp.And(x > 0, x <= 1)),
    (r"y = \log x, x \in \left[0, 1\right)", sp.And(x >= 0, x < 1)),
    (r"y = \log x, x \in (0, \infty)", x > 0),
    (r"y = \sqrt{x}, x\in\mathbb{R}_{\ge0}", x >= 0),
    (r"y = \sqrt{x}, x\in\mathbb{R}_{+}", x > 0),  # the narrower reading of R_+
    (r"y = \sqrt{x}, x\in\mathbb{R}^{+}", x > 0),
    (r"y = \sqrt{x}, x\in\mathbb{R}_{\le 0}", x <= 0),
    (r"y = \sqrt{x} \qquad x \ge 0", x >= 0),
])
def test_a_membership_or_quad_separated_condition_governs_the_row(text, expected):
    row = _row(text)
    assert len(row.chain.exprs) == 2 and row.chain.rels == ("=",)
    (condition,) = row.conditions
    assert {str(s) for s in condition.free_symbols} == {"x"}
    assert sp.simplify(condition.subs(_x(condition), x)) == expected


def _x(condition):
    (symbol,) = condition.free_symbols
    return symbol


def test_membership_in_an_unknown_set_is_no_condition():
    assert _row(r"y = x, x \in \mathcal{X}").conditions == ()


@pytest.mark.parametrize("text", [
    r"f(x) = x^2. \\ g(x) = x.",
    r"\begin{aligned} f(x) &= x^2, \\ g(x) &= x. \end{aligned}",
    r"F(x) = \begin{cases} 0 & x < 0, \\ 1 & x \ge 0. \end{cases}",
])
def test_a_period_ending_a_row_is_punctuation(text):
    assert parse_block(text).rows


def test_an_ellipsis_of_three_periods_is_dots():
    (row,) = parse_block(r"p(x_1) \cdot ... \cdot p(x_d)").rows
    assert "ldots" in str(row.chain.exprs[0])


def test_a_relation_inside_p_is_an_opaque_event_of_both_sides():
    (row,) = parse_block(r"F(x) = P(X \le x)").rows
    event = row.chain.exprs[1].args[0]
    assert event.func.__name__ == "event_le" and {str(s) for s in event.free_symbols} == {"X", "x"}


def test_mathop_argmax_and_leftarrow_update():
    assert parse_block(r"\hat\theta = \mathop{\mathrm{argmax}}_\theta P(X \mid \theta)").rows
    (row,) = parse_block(r"x_t \leftarrow x_{t-1} - g_t").rows
    assert row.chain.rels == (":=",)


def test_a_starred_name_is_another_name():
    (row,) = parse_block(r"w^* = w").rows
    lhs, rhs = row.chain.exprs
    assert lhs != rhs


def test_phi_is_the_standard_normal_cdf_unless_the_notes_define_it():
    (row,) = parse_block(r"\Phi(x) = 1 - \Phi(-x)").rows
    lhs, rhs = row.chain.exprs
    assert sp.simplify(lhs - rhs) == 0 and lhs.has(sp.erf)
    (row,) = parse_block(r"\Phi(x) = x^2", functions=("Phi",)).rows
    assert not row.chain.exprs[0].has(sp.erf)


def test_phi_with_a_superscript_keeps_it():
    # \Phi^{-1} is the standard normal quantile (an inverse function), never \Phi itself
    (row,) = parse_block(r"m = \Phi^{-1}\left(\frac{3}{4}\right)").rows
    value = row.chain.exprs[1]
    assert not value.has(sp.erf) and value.func.__name__ == "Phi^{-1}" and value.args == (sp.Rational(3, 4),)
    # \Phi^{2}(x) is the square of the CDF
    (row,) = parse_block(r"y = \Phi^{2}(x)").rows
    value = row.chain.exprs[1]
    (x,) = value.free_symbols
    assert sp.simplify(value - ((1 + sp.erf(x / sp.sqrt(2))) / 2) ** 2) == 0


@pytest.mark.parametrize("latex, names, least, most", [
    (r"n \in \mathbb{N}", ["n"], 1, None),  # whether N holds 0 differs: the narrower reading
    (r"n \in \mathbb N.", ["n"], 1, None),
    (r"n \in \mathbb{N}_0", ["n"], 0, None),
    (r"n \in \mathbb{N}_{\ge 0}", ["n"], 0, None),
    (r"n \in \mathbb{Z}_{\geq 0}", ["n"], 0, None),
    (r"n \in \mathbb{Z}", ["n"], None, None),
    (r"n \in \mathbb{Z}^+", ["n"], 1, None),
    (r"n \in \mathbb{Z}_{>0}", ["n"], 1, None),
    (r"n \in \mathbb{Z}_{\ge 1}", ["n"], 1, None),
    (r"n \in \mathbb{N}^*", ["n"], 1, None),
    (r"n, m \in \mathbb{N}", ["n", "m"], 1, None),
    (r"k_1, \ldots, k_K \in \mathbb{Z}", ["k_1", "k_K"], None, None),
    (r"\alpha, \beta \in \mathbb{Z}_+", [r"\alpha", r"\beta"], 1, None),
    (r"n = 1, 2, \ldots", ["n"], 1, None),
    (r"n = 0, 1, 2, \dots", ["n"], 0, None),
    (r"i = 1, \ldots, n", ["i"], 1, "n"),
    (r"i = 1, 2, \ldots, N.", ["i"], 1, "N"),
])
def test_one_reader_of_integer_sets(latex, names, least, most):
    found = integer_members(latex)
    assert found is not None and (found.names, found.least, found.most, found.step) == (names, least, most, 1)


@pytest.mark.parametrize("latex", [
    r"n \in \mathbb{R}", r"n \in \mathbb{N}^d", r"n \in \mathbb{Z}_{\le 0}", r"x \in (0, 1)", r"n = 1", r"n = 1, 2",
    r"n = 1, 3, 4, \ldots",
])
def test_what_is_no_set_of_integers(latex):
    assert integer_members(latex) is None


def test_a_range_in_steps_keeps_its_step():
    assert integer_members(r"k = 0, 2, 4, \ldots").step == 2


@pytest.mark.parametrize("text, expected", [
    (r"y = n, \quad n \in \mathbb{N}", sp.Ge(x, 1)),
    (r"y = n, \quad n \in \mathbb{N}_0", sp.Ge(x, 0)),
    (r"y = n, \quad n \in \mathbb{Z}^{+}", sp.Ge(x, 1)),
])
def test_an_integer_set_in_a_formula_reads_as_in_the_prose(text, expected):
    (condition,) = _row(text).conditions
    (symbol,) = condition.free_symbols
    assert sp.Ge(symbol, expected.rhs) in condition.args and sp.Eq(sp.floor(symbol), symbol) in condition.args
