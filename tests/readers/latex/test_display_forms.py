"""Display-block forms from real notes that the reader used to reject: each is read with its meaning kept
(the expected sympy forms are written by hand), or read as opaque where its meaning is not checkable."""
import pytest
import sympy as sp
from sympy.core.function import AppliedUndef

from readers.latex.nodes import MatrixLiteral
from readers.latex.parse import LatexParseError, parse_block, parse_latex

x, y, a, b, c, n = (sp.Symbol(s, real=True) for s in ["x", "y", "a", "b", "c", "n"])
eta, A = sp.Symbol("eta", real=True), sp.Symbol("A", real=True)


def rows(text, **kw):
    return [r for r in parse_block(text, **kw).rows if r.kind != "empty"]


# ** matrices **

def test_a_bmatrix_is_a_matrix_literal_row_by_row():
    chain = parse_latex(r"\mathbf{A} = \begin{bmatrix} 2 & 1\\ 2 & 3 \end{bmatrix}.")
    literal = chain.exprs[1]
    assert literal == MatrixLiteral(sp.Tuple(2, 1), sp.Tuple(2, 3))
    assert literal.as_matrix() == sp.Matrix([[2, 1], [2, 3]])


def test_matrix_literals_keep_their_order_in_a_product():
    product = parse_latex(r"\begin{pmatrix}0&1\\1&0\end{pmatrix}\begin{pmatrix}1&2\\3&4\end{pmatrix}")
    first, second = product.args
    assert first.as_matrix() == sp.Matrix([[0, 1], [1, 0]]) and second.as_matrix() == sp.Matrix([[1, 2], [3, 4]])
    # swapping rows: [[0,1],[1,0]] [[1,2],[3,4]] = [[3,4],[1,2]]; the reverse order would swap columns
    assert first.as_matrix() * second.as_matrix() == sp.Matrix([[3, 4], [1, 2]])


def test_a_column_vector_times_a_scalar_and_symbolic_entries():
    expr = parse_latex(r"e^{-x^2}\begin{pmatrix}1-2x^2 \\ -2xy\end{pmatrix}")
    scalar, vector = expr.args
    assert scalar == sp.exp(-x ** 2)
    assert vector.as_matrix() == sp.Matrix([[1 - 2 * x ** 2], [-2 * x * y]])


def test_a_vmatrix_is_a_determinant_and_ragged_rows_are_an_error():
    chain = parse_latex(r"\begin{vmatrix} a & b \\ c & d \end{vmatrix} = ad - bc")
    det = chain.exprs[0]
    assert det.func.__name__ == "det" and det.args[0].as_matrix() == sp.Matrix([[a, b], [c, sp.Symbol("d", real=True)]])
    with pytest.raises(LatexParseError):
        parse_latex(r"\begin{bmatrix} 1 & 2 \\ 3 \end{bmatrix}")


def test_a_matrix_with_ellipses_keeps_them():
    chain = parse_latex(r"\mathbf{H}_f = \begin{bmatrix} \frac{d^2f}{dx_1dx_1} & \cdots \\ \vdots & \ddots \end{bmatrix}")
    entries = chain.exprs[1].as_matrix()
    assert entries[0, 1] == sp.Symbol(r"\ldots") or sp.Symbol(r"\ldots") in entries[0, 1].free_symbols
    assert isinstance(entries[0, 0], sp.Derivative)


# ** delimiters and rows **

def test_sized_delimiters_written_with_braces():
    chain = parse_latex(r"p(x) = h(x) \cdot \mathrm{exp} \big{(} \eta x - A \big{)}", functions=("p", "h"))
    p, h = sp.Function("p"), sp.Function("h")
    assert chain.exprs == (p(x), h(x) * sp.exp(eta * x - A))


def test_sized_braces_group_like_parentheses():
    assert parse_latex(r"\mathrm{exp} \Big\{ -\frac{x^2}{2} \Big\}") == sp.exp(-x ** 2 / 2)
    assert parse_latex(r"\exp \Big{\{} -\frac{x^2}{2} \Big{\}}") == sp.exp(-x ** 2 / 2)


def test_an_expression_broken_over_rows_is_one_row():
    """``x &= a + b \\\\ &\\quad - c`` is ``x = a + b - c``: read as two rows, ``x = a + b`` would be a false claim."""
    [row] = rows(r"\begin{aligned} x &= a + b \\ &\quad - c \end{aligned}")
    assert row.chain.exprs == (x, a + b - c)
    [row] = rows(r"\begin{aligned} x & = 2 \left(a + \right.\\ & \left. \quad b\right) \end{aligned}")
    assert row.chain.exprs == (x, 2 * (a + b))
    [row] = rows(r"\begin{aligned} x &= a \\ & \quad \vdots \\ & \quad + b \end{aligned}")
    assert row.chain.exprs[1].has(sp.Symbol(r"\ldots"))  # the ellipsis row belongs to the sum: never x = a


def test_rows_that_start_with_a_sign_stay_rows():
    [row] = rows(r"|x| = \begin{cases} x & x \ge 0 \\ -x & x < 0 \end{cases}")
    assert row.chain.exprs[1] == sp.Piecewise((x, x >= 0), (-x, True))
    first, second = rows(r"\begin{aligned} x &= 1 \\ -y &= 2 \end{aligned}")
    assert first.chain.exprs == (x, 1) and second.chain.exprs == (-y, 2)


def test_braces_over_and_under_drop_their_annotation():
    assert parse_latex(r"\overbrace{x + x + x}^{\text{$3$ times}} = 3x").exprs == (3 * x, 3 * x)
    assert parse_latex(r"\underbrace{(a+b)^2}_{\text{square}} + 1") == (a + b) ** 2 + 1


def test_a_question_is_read_and_asserts_nothing():
    [row] = rows(r"\mathbf{A} = \begin{bmatrix} 2 & 1 \\ 1 & 2 \end{bmatrix}?")
    assert row.kind == "prose" and row.chain.rels == ("=",)
    [row] = rows(r"\frac{d}{dx} x^2 = \;?")
    assert row.kind == "prose" and row.chain.rels == () and row.chain.exprs == (sp.Derivative(x ** 2, x),)


# ** scripts and operators **

def test_primes_written_as_a_superscript_group_are_part_of_the_name():
    """``\\mu_n^{\\prime}`` (a raw moment) is the name ``\\mu_n'``, as ``\\mu_n'`` is: not a power, not a derivative."""
    chain = parse_latex(r"\mu_{n}^{\prime}=n!")
    assert chain.exprs[0] == parse_latex(r"\mu_n'=n!").exprs[0]
    assert isinstance(chain.exprs[0], sp.Symbol) and chain.exprs[1] == sp.factorial(sp.Symbol("n", real=True))


def test_partial_with_a_subscript_is_a_derivative():
    chain = parse_latex(r"\partial_x (x^2 y) = 2xy")
    assert isinstance(chain.exprs[0], sp.Derivative) and chain.exprs[0].doit() == 2 * x * y
    gradient = parse_latex(r"\partial_{\mathbf{w}} l(y, w)", functions=("l",))
    # the gradient in a vector: the same reading as \nabla_{\mathbf{w}} l(y, w)
    assert gradient == parse_latex(r"\nabla_{\mathbf{w}} l(y, w)", functions=("l",))
    assert isinstance(gradient, AppliedUndef) and gradient.func.__name__.startswith("nabla_")


def test_a_sum_over_a_set_is_not_given_a_range():
    expr = parse_latex(r"\sum_{i \in \mathcal{B}} g_i")
    assert not expr.has(sp.Sum) and isinstance(expr, AppliedUndef)
    assert expr.func.__name__ == r"sum_{i\in\mathcal{B}}"
    binomial = parse_latex(r"\sum_{m \le k} \binom{n}{m}")
    assert not binomial.has(sp.Sum)


def test_a_subscript_after_a_call_is_a_component():
    chain = parse_latex(r"\mathrm{softmax}(z + c\mathbf{1})_i = \mathrm{softmax}(z)_i")
    lhs, rhs = chain.exprs
    assert lhs.func.__name__ == "component" and rhs.func.__name__ == "component"
    assert rhs.args[0].func.__name__ == "softmax" and str(rhs.args[1]) == "i"


def test_mixed_derivatives_in_d_notation():
    f = sp.Symbol("f", real=True)
    assert parse_latex(r"\frac{d^2 f}{dx\, dy}") == sp.Derivative(f, x, y)
    with pytest.raises(LatexParseError):
        parse_latex(r"\frac{d^3 f}{dx\, dy}")  # the orders disagree: never the quotient f/(xy)


def test_derivative_fractions_inside_an_integral_keep_their_differentials():
    expr = parse_latex(r"\int_0^x \frac{dF}{du}(u(y)) \cdot 2 \, dy", functions=("F", "u"))
    F, u = sp.Function("F"), sp.Function("u")
    uu = sp.Symbol("u", real=True)
    expected = sp.Integral(2 * sp.Subs(sp.Derivative(F(uu), uu), uu, u(y)), (y, 0, x))
    assert expr == expected
    assert parse_latex(r"\int_0^1 dx = 1").exprs == (sp.Integral(1, (x, 0, 1)), 1)
    assert parse_latex(r"\int_1^2 \frac{dx}{x}") == sp.Integral(1 / x, (x, 1, 2))


# ** annotated relations, set notation, floors, decorations **

def test_a_relation_with_a_stacked_annotation_is_the_relation():
    assert parse_latex(r"a \overset{\text{def}}{=} b + c").rels == ("=",)
    assert parse_latex(r"a \stackrel{(i)}{\le} b").exprs == (a, b) and parse_latex(r"a \stackrel{(i)}{\le} b").rels == ("<=",)
    with pytest.raises(LatexParseError):
        parse_latex(r"a \overset{?}{=} b")  # a question, not an assertion: left unread
    with pytest.raises(LatexParseError):
        parse_latex(r"\overset{\sim}{x}")


def test_an_underset_operator_takes_the_annotation_as_its_subscript():
    assert parse_latex(r"\underset{\theta}{\arg\max}\; f(\theta)", functions=("f",)) == \
        parse_latex(r"\arg\max_{\theta}\; f(\theta)", functions=("f",))


@pytest.mark.parametrize("stacked, scripted", [
    (r"\underset{B}{\mathbb{E}}[Y]", r"\mathbb{E}_{B}[Y]"),
    (r"\underset{u, v}{Var}[Y]", r"Var_{u, v}[Y]"),
    (r"\underset{B}{\operatorname{Cov}}(Y, Z)", r"\operatorname{Cov}_{B}(Y, Z)"),
    (r"\underset{k}{\sum} y_k", r"\sum_{k} y_k"),
    (r"\overset{m}{\underset{k=1}{\sum}} y_k", r"\sum_{k=1}^{m} y_k"),
    (r"\overset{m}{\prod} y_k", r"\prod^{m} y_k"),
    (r"\underset{t \to 0}{\lim} g(t)", r"\lim_{t \to 0} g(t)"),
])
def test_a_stacked_operator_reads_as_the_operator_with_that_script(stacked, scripted):
    assert parse_latex(stacked, functions=("g",)) == parse_latex(scripted, functions=("g",))


@pytest.mark.parametrize("decoration", [r"\underset{m\times n}{A}", r"\underset{k}{y}", r"\overset{m}{y}"])
def test_a_stacked_symbol_is_not_an_operator(decoration):
    with pytest.raises(LatexParseError):  # a shape or a mark over a symbol: no reading is taken
        parse_latex(decoration)


def test_set_operations_and_set_builder_notation_are_opaque():
    chain = parse_latex(r"\Pr(A \cap B) = \Pr(A) \Pr(B)")
    P = sp.Function("P")
    assert chain.exprs[0] == P(sp.Function("intersection")(A, sp.Symbol("B", real=True)))
    assert parse_latex(r"A \cup B").func.__name__ == "union"
    builder = parse_latex(r"\{x \in \mathbb{R} : x > 0\}")
    assert isinstance(builder, AppliedUndef) and builder.func.__name__ == "set"  # never a variable of its own


def test_floor_and_ceiling():
    assert parse_latex(r"\lfloor x \rfloor + \lceil x \rceil") == sp.floor(x) + sp.ceiling(x)


def test_decorations_are_dropped():
    assert parse_latex(r"\boxed{a = b}").exprs == (a, b)
    assert parse_latex(r"\color{red}{x} + 1") == x + 1


def test_other_relations_are_kept_as_written():
    assert parse_latex(r"A \subseteq B").rels == ("subset",)
    assert parse_latex(r"\epsilon \ll 1").rels == ("ll",)
    assert parse_latex(r"x \mapsto x^2").rels == ("mapsto",)
    assert parse_latex(r"a \equiv b \pmod{n}").rels == ("congruent",)  # never the identity a = b


def test_an_array_without_conditions_is_a_matrix():
    assert parse_latex(r"\left[ \begin{array}{cc} 1 & 2 \\ 3 & 4 \end{array} \right]").as_matrix() == \
        sp.Matrix([[1, 2], [3, 4]])
    cases = parse_latex(r"\left\{ \begin{array}{ll} x & x \ge 0 \\ -x & x < 0 \end{array} \right.")
    assert cases == sp.Piecewise((x, x >= 0), (-x, True))


def test_a_sum_over_index_pairs_is_the_double_sum_over_pairs():
    """(readers.latex.pair_sums): i from 1 to j - 1, j from 1 to n; with n = 3, three pairs."""
    expr = parse_latex(r"\sum_{1 \le i < j \le n} a_{ij}")
    assert isinstance(expr, sp.Sum) and len(expr.limits) == 2, expr
    coded = expr.replace(lambda e: isinstance(e, sp.Indexed), lambda e: 10 * e.indices[0] + e.indices[1])
    assert coded.subs(sp.Symbol("n", integer=True, positive=True), 3).doit() == 12 + 13 + 23, coded  # a_12 a_13 a_23
    assert not parse_latex(r"\sum_{1 \le i < j \le n} 1").has(sp.Sum)  # a count of pairs, or j - 1 for a free j


def test_an_evaluation_bar_is_the_value_at_a_point():
    chain = parse_latex(r"\left.\frac{d}{dx} x^2\right|_{x=1} = 2")
    assert chain.exprs[0] == sp.Subs(sp.Derivative(x ** 2, x), x, 1) and chain.exprs[0].doit() == 2
    value = parse_latex(r"(x^3 + y)\big|_{x=2}")
    assert value == sp.Subs(x ** 3 + y, x, 2) and value.doit() == 8 + y
    assert parse_latex(r"|x|_{1} + 1") == sp.Abs(x) + 1  # a closing bar with a subscript is not an evaluation


def test_spaced_argmax_and_old_style_fonts():
    f = sp.Function("f")
    assert parse_latex(r"\operatorname*{arg\,max}_{x} f(x)", functions=("f",)) == \
        parse_latex(r"\arg\max_{x} f(x)", functions=("f",))
    assert parse_latex(r"{\rm softmax}(x)") == parse_latex(r"\mathrm{softmax}(x)")
    assert parse_latex(r"{\bf x}^\top {\bf y}") == parse_latex(r"\mathbf{x}^\top \mathbf{y}")


def test_brackets_between_limits_are_a_difference_never_a_power():
    chain = parse_latex(r"\int_0^\infty e^{-x}\,dx = \left[-e^{-x}\right]_0^\infty = 1")
    middle = chain.exprs[1]
    assert middle == sp.Subs(-sp.exp(-x), x, sp.oo) - sp.Subs(-sp.exp(-x), x, 0) and middle.doit() == 1
    with pytest.raises(LatexParseError):
        parse_latex(r"\left[ x y \right]_0^1")  # two variables: which one is unknown


def test_a_two_letter_run_before_a_parenthesis_on_its_last_letter_is_a_product():
    n, q = sp.symbols("n q", real=True)
    assert parse_latex(r"nq(1-q)") == n * q * (1 - q)  # n q (1 - q), not a function nq
    assert parse_latex(r"\mathrm{nq}(1-q)").func.__name__ == "nq"  # a name set as one word stays one
    assert parse_latex(r"nq(x)").func.__name__ == "nq"  # the parenthesis does not mention q: a word applied


def test_an_unbraced_greek_superscript_is_a_power_as_a_braced_one():
    assert parse_latex(r"\gamma^\kappa") == parse_latex(r"\gamma^{\kappa}") == \
        sp.Symbol("gamma", real=True) ** sp.Symbol("kappa", real=True)
    assert parse_latex(r"\gamma^{new}") != parse_latex(r"\gamma^{n}")  # a word of three letters stays a label
