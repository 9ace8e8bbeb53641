r"""Classes of correct calculus and numerics claims that ``check`` left unconfirmed (issue 12, confirm37b), each with
a wrong variant that must not be confirmed:

* a step that is an identity in its names as written, after definitions that cannot be substituted usefully
  (a remainder written with an ellipsis, :math:`\Delta x = \max_i |x_k - x_i|`): 'unknown functions: R_N';
* :math:`\Delta x \left( \dots \right)`, the increment times a factor, was read as a function ``Delta_x`` applied;
* :math:`a + O(g) = b + O(h)`, one big-O term on each side ("orders compared"), was never checked.
"""
import sympy as sp

from readers.latex.parse import parse_latex
from readers.notes.check import check_notes
from readers.notes.written_identities import identity_as_written

CONFIRMED = ("proved", "verified")


def _verdicts(text):
    return {b.line: b.verdict for b in check_notes(text, path="<test>", budget=5.0).blocks if b.role == "claim"}


AS_WRITTEN = r"""# Centred difference

$$f(x) = P_N(x) + R_N(x)$$

$$R_N(x) = (x - x_0)(x - x_1)\cdots (x - x_{N+1}) \frac{f^{(N+1)}(c)}{(N+1)!}$$

If we let $\Delta x = \max_i |x_k - x_i|$ the remainder is small.

$$D = \frac{f(x_{n+1}) - f(x_n)}{\Delta x} - \frac{f(x_{n+1}) - 2f(x_n) + f(x_{n-1})}{2\Delta x}$$

$$=\frac{f(x_{n+1}) - f(x_{n-1})}{2 \Delta x}$$

$$=\frac{f(x_{n+1}) - f(x_{n-1})}{3 \Delta x}$$
"""


def test_a_step_that_is_an_identity_as_written_needs_no_definition():
    verdicts = _verdicts(AS_WRITTEN)
    assert verdicts[11] == "proved", verdicts  # 'unknown functions: R_N' before
    assert verdicts[13] not in CONFIRMED, verdicts


def test_an_increment_before_a_parenthesis_is_a_factor():
    assert str(parse_latex(r"\Delta x \left( a + b \right)")) == "Delta_x*(a + b)"  # Delta_x(a + b) before
    assert str(parse_latex(r"\Delta x(t)")) == "Delta_x(t)"  # one bare name: may be an argument, as before
    assert str(parse_latex(r"\Delta f(x + h)")) == "Delta_f(h + x)"  # the difference of f's values stays applied
    verdicts = _verdicts(r"""# Step

$$P = \Delta x \left( \frac{a}{\Delta x} + b \right)$$

$$= a + b \Delta x$$

$$= a + 2 b \Delta x$$
""")
    assert verdicts[5] == "proved", verdicts  # 'unknown functions: Delta_x' before
    assert verdicts[7] not in CONFIRMED, verdicts


def test_big_o_on_both_sides_is_read_left_to_right():
    verdicts = _verdicts(r"""# Orders

$$R(x_n) = \frac{\Delta x^2}{3!} f'''(x_n) + \mathcal{O}(\Delta x^3) = \mathcal{O}(\Delta x^2)$$

$$S(x_n) = \frac{\Delta x^2}{3!} f'''(x_n) + \mathcal{O}(\Delta x^3) = \mathcal{O}(\Delta x^3)$$

$$T(x_n) = \frac{\Delta x^3}{3!} f'''(x_n) + \mathcal{O}(\Delta x^2) = \mathcal{O}(\Delta x^3)$$
""")
    assert verdicts[3] == "verified", verdicts  # 'orders compared' before
    assert verdicts[5] not in CONFIRMED, verdicts  # a term of order 2 is no O(Delta x^3)
    assert verdicts[7] not in CONFIRMED, verdicts  # O(Delta x^2) is not inside O(Delta x^3)


def test_no_identity_as_written_where_a_name_may_be_a_matrix():
    a, b, dx = sp.symbols("a b Delta_x")
    f = sp.Function("f")
    assert identity_as_written(f(a) / dx - f(b) / dx, (f(a) - f(b)) / dx)
    A, B = sp.symbols("A B")  # the reader multiplies names as commuting numbers: AB and BA are one product here
    assert not identity_as_written(A * B, B * A)
    assert not identity_as_written(a * b, b * a, matrices=True)  # bold, transposed or written out as a matrix
