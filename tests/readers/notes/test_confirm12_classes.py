r"""Classes of right claims left unconfirmed or unparsed (issue 12, stop 33, confirm12).

* A written-out gradient of a function the notes define, its entries written with the function's bare name
  ($\nabla f(x,z) = [\frac{df}{dx}; \frac{df}{dz}] = [4z^3x; 6x^2z^2]$, ml-glossary's calculus page): the order-keeping
  reading lost the derivative's variable when it aligned the two readings, so the claim stayed "a matrix written out
  entry by entry"; ``\frac{df}{dx}`` is now the derivative of ``f(x, z)`` (readers.notes.matrix_exact ``named``), and
  of a name not written as a function of ``x`` (``\frac{dy}{dx}``) it has no value rather than 0.
"""

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
