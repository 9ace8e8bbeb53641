r"""Classes of right claims left unconfirmed or unparsed (issue 12, stop 33, confirm12).

* A written-out gradient of a function the notes define, its entries written with the function's bare name
  ($\nabla f(x,z) = [\frac{df}{dx}; \frac{df}{dz}] = [4z^3x; 6x^2z^2]$, ml-glossary's calculus page): the order-keeping
  reading lost the derivative's variable when it aligned the two readings, so the claim stayed "a matrix written out
  entry by entry"; ``\frac{df}{dx}`` is now the derivative of ``f(x, z)`` (readers.notes.matrix_exact ``named``), and
  of a name not written as a function of ``x`` (``\frac{dy}{dx}``) it has no value rather than 0.
* Displays that did not parse (readers.latex.atoms): a triple integral over a region (Labbe's
  ``\iiint_R p(x,y,z)\, dV``), a limit whose ``\substack`` also says the variable ranges over the whole space (Lebl's
  ``\lim_{\substack{h \to 0\\h\in \R^n}}``), and the Jacobian determinant
  ``\frac{\partial(f_1,\ldots,f_n)}{\partial(x_1,\ldots,x_n)}``: each is read as what it is, the region's integral and
  the Jacobian opaque; a limit restricted to a smaller set is still not read.  A derivative operator before an
  evaluation bar applies to what follows the bar (Lebl's $\frac{d}{dt}\Big|_{t=0} \bigl[ f(x+tu) \bigr]$, 4 displays).
"""

import pytest
import sympy as sp

from readers.latex.parse import LatexParseError, parse_block
from readers.notes.check import check_notes

_GRADIENT = r"""# Gradient

Let $f(x,z) = 2z^3 x^2$.

$$
\nabla f(x,z)=\begin{bmatrix}
    \frac{df}{dx} \\
    \frac{df}{dz} \\
\end{bmatrix}
=\begin{bmatrix}
    4z^3x \\
    6x^2z^2 \\
\end{bmatrix}
$$

$$
\begin{bmatrix} \frac{df}{dx} \\ \frac{df}{dz} \end{bmatrix} = \begin{bmatrix} 4z^3x \\ 6x^2z^3 \end{bmatrix}
$$

$$
\begin{bmatrix} \frac{dy}{dx} \\ \frac{dy}{dz} \end{bmatrix} = \begin{bmatrix} 0 \\ 0 \end{bmatrix}
$$
"""


def test_a_gradient_written_with_the_bare_name_of_a_defined_function():
    blocks = {b.line: b for b in check_notes(_GRADIENT).blocks}
    assert blocks[5].verdict == "proved", blocks[5].steps
    assert blocks[16].verdict == "refuted" and blocks[16].steps[0].counterexample, blocks[16].steps
    assert blocks[20].verdict == "undecided" and "dy/dx" in blocks[20].steps[0].reason, blocks[20].steps


@pytest.mark.parametrize("latex, expected", [
    (r"M = \iiint_R p(x,y,z)\, dV", "integral_{R}(p(x, y, z), V)"),
    (r"M = \iint_R p(x,y)\, dA", "integral_{R}(p(x, y), A)"),
    (r"L = \lim_{\substack{h \to 0\\h\in \mathbb{R}^n}} \frac{\|f(x+h)-f(x) - Ah\|}{\|h\|}",
     "Limit(Abs(A*h + f(x) - f(h + x))/Abs(h), h, 0, dir='+-')"),
    (r"L = \lim_{\substack{h \to 0\\h\in {\mathbb{R}}^n}} g(h)", "Limit(g(h), h, 0, dir='+-')"),  # \R expanded
    (r"J = \frac{\partial(f_1,f_2,\ldots,f_n)}{\partial(x_1,x_2,\ldots,x_n)}",
     r"jacobian(tuple(f_1, f_2, \ldots, f_n), tuple(x_1, x_2, \ldots, x_n))"),
    (r"L = \lim_{\substack{h \to 0\\h\in \mathbb{Q}}} g(h)", None),  # a limit over the rationals: not read
    (r"D = \frac{d}{dt}\Big|_{t=0} \bigl[ f(x+tu) \bigr]", "Subs(Derivative(f(t*u + x), t), t, 0)"),
    (r"D = \frac{d}{dt}\Big|_{t=0} (t^2 + 3t)", "Subs(Derivative(t**2 + 3*t, t), t, 0)"),
    (r"D = x^2 \Big|_{x=2} y", None),  # a bar inside a product, after no derivative operator: not read
])
def test_displays_that_did_not_parse(latex, expected):
    if expected is None:
        with pytest.raises(LatexParseError):
            parse_block(latex)
        return
    exprs = parse_block(latex).rows[0].chain.exprs
    assert sp.sstr(exprs[1]) == expected, exprs
