r"""Classes of correct claims in calculus chapters that ``check`` left unconfirmed (issue 12, confirm14b), each with
a wrong variant that must not be confirmed:

* the derivative's own definition ``f'(c) := \lim_{x\to c} \frac{f(x)-f(c)}{x-c}`` was substituted into every later
  ``f'(c)``, so the sum, product and quotient rules after it (Lebl's chapter) were undecided;
* the chain rule ``h'(c) = f'(g(c)) g'(c)`` for ``h(x) := f(g(x))``, ``f`` and ``g`` unknown, could not be read
  (``h'`` stayed unknown; a drawn ``g`` inside ``f'`` was left as written);
* an evaluation bar with both bounds and no variable, ``-\cos x \,|^x_0``, ``\left. F \right|_a^b``, was unparsed;
* a display opening with ``=`` continues the display before it (Mandli's finite-difference derivations).
"""
from readers.latex.parse import parse_block
from readers.notes.check import check_notes
from readers.notes.derivative_notation import defines_the_derivative

import sympy as sp

CONFIRMED = ("proved", "verified")


def _verdicts(text):
    return {b.line: b.verdict for b in check_notes(text, path="<test>", budget=5.0).blocks if b.role == "claim"}


DERIVATIVE_DEFINED = r"""# Derivative

Let $f \colon I \to \R$ be a function and $c \in I$.  If the limit
$$L := \lim_{x \to c} \frac{f(x)-f(c)}{x-c}$$
exists, we write $f'(c) := L$.

## Product rule

Let $f$ and $g$ be differentiable at $c$.  If $h$ is defined by
$$h(x) := f(x) g(x),$$
then
$$h'(c) = f(c) g'(c) + f'(c) g(c).$$

Wrong:
$$h'(c) = f'(c) g'(c).$$

We know $$\lim_{x\to c}\frac{f(x)-f(c)}{x-c} = f'(c).$$

And wrong: $$\lim_{x\to c}\frac{f(x)-f(c)}{x+c} = f'(c).$$

Define $h(x) := f(x) + g(x)$.  Then $h'(c) = f'(c) + g'(c)$.
"""


def test_the_derivatives_own_definition_leaves_the_product_rule_checkable():
    verdicts = _verdicts(DERIVATIVE_DEFINED)
    assert verdicts[12] in CONFIRMED, verdicts  # undecided before: f'(c) was the limit of an unknown f
    assert verdicts[15] not in CONFIRMED, verdicts
    assert verdicts[17] in CONFIRMED, verdicts  # f'(c) read as its definition
    assert verdicts[19] not in CONFIRMED, verdicts
    assert verdicts[21] in CONFIRMED, verdicts  # ':=' defines h anew (it read as an ambiguous claim about h)


def test_only_a_body_equal_to_the_derivative_is_the_notations_definition():
    f, fp = sp.Function("f"), sp.Function("f'")
    x, c, h = sp.symbols("x c h", real=True)
    assert defines_the_derivative(fp(c), sp.Limit((f(x) - f(c)) / (x - c), x, c, "+-"))
    assert defines_the_derivative(fp(x), sp.Limit((f(x + h) - f(x)) / h, h, 0, "+-"))
    assert not defines_the_derivative(fp(x), sp.Limit((f(x + h) - f(x)) / h ** 2, h, 0, "+-"))
    assert not defines_the_derivative(fp(c), sp.Limit((f(x) - f(c)) / (x + c), x, c, "+-"))
    assert not defines_the_derivative(fp(c), (f(c + 1) - f(c - 1)) / 2)  # a finite difference, no limit


CHAIN_RULE = r"""Let $h(x) := f(g(x))$. Then $h'(c) = f'(g(c)) g'(c)$.

Wrong: $h'(c) = f'(g(c))$.

Wrong too: $h'(c) = f'(c) g'(c)$.
"""


def test_the_chain_rule_in_unknown_functions_is_verified():
    verdicts = _verdicts(CHAIN_RULE)
    assert verdicts[1] == "verified", verdicts
    assert verdicts[3] not in CONFIRMED and verdicts[5] not in CONFIRMED, verdicts


BARS = r"""$$\int^x_0 \sin(t) dt = -\cos t |^x_0 = 1 - \cos x$$

$$\int_0^1 s^2 ds = \left. \frac{s^3}{3} \right|_0^1 = \frac{1}{3}$$

$$\int_0^1 s^2 ds = \left. \frac{s^3}{3} \right|_0^1 = \frac{1}{2}$$
"""


def test_an_evaluation_bar_with_both_bounds_is_the_difference_of_values():
    verdicts = _verdicts(BARS)
    assert verdicts[1] == "proved" and verdicts[3] == "proved", verdicts  # unparsed before
    assert verdicts[5] == "refuted", verdicts


def test_an_evaluation_bar_that_does_not_say_its_variable_is_an_error():
    for text in (r"\left. a x \right|_0^1 = a", r"f(x) |^1 = 2"):
        try:
            parse_block(text)
        except Exception as error:  # noqa: BLE001 - the reader's ParseError, with its position
            assert "evaluation bar" in str(error)
        else:
            raise AssertionError(f"{text} parsed")


CONTINUED = r"""# Centered difference

$$P = \frac{a - c}{b} - \left(\frac{a - 2c + d}{2b}\right)$$

$$=\frac{2a - 2c - a + 2c - d}{2 b}$$

$$=\frac{a + d}{2 b}$$

and then

$$= 7$$
"""


def test_a_display_opening_with_a_relation_continues_the_display_before_it():
    verdicts = _verdicts(CONTINUED)
    assert verdicts[5] == "proved", verdicts  # no claim before: nothing on the left of '='
    assert verdicts[7] == "undecided", verdicts  # wrong, but the link is the layout's: never refuted
    assert 11 not in verdicts, verdicts  # words between: not continued


FAMILY = r"""Taylor polynomials:
$$\begin{aligned}
    T_N(x) &= \sum^N_{n=0} \frac{x^n}{n!} \Rightarrow \\
    T_2(x) &= 1 + x + \frac{x^2}{2}
\end{aligned}$$

$$T_3(x) = 1 + x + \frac{x^2}{2} + \frac{x^3}{3}$$

$$\begin{aligned}
    R_N(x) &= \frac{(-1)^{n+1}(x - 1)^{n+1}}{c^{n+2}} \Rightarrow \\
    R_2(x) &= \frac{-(x - 1)^{3}}{c^{4}}
\end{aligned}$$
"""


def test_a_member_of_a_function_family_is_the_family_at_that_number():
    verdicts = _verdicts(FAMILY)
    assert verdicts[2] == "proved", verdicts  # T_2 was a new definition, and T_N's row (ending in =>) was skipped
    assert verdicts[7] == "undecided", verdicts  # wrong (x^3/6), but read from the names' layout: never refuted
    assert 9 not in verdicts, verdicts  # R_N's body writes n, not N: no family, R_2 a definition as before
