r"""Classes of correct linear-algebra and probability claims that ``check`` left unconfirmed (issue 12, confirm38a),
each with a wrong variant that must not be confirmed:

* a relation between names the prose has just set to numbers (``$V = 8/3$``, ``$V_x = 2/3$``, ``$V_y = 2$``, then
  ``$V = V_x + V_y$``) was one more local example: it is checked at those numbers;
* eigenvalues and eigenvectors stated as numbers for a matrix the sentence names and the note writes out ("the matrix
  $A = [...]$, which has eigenvectors $\mathbf{v}_1 = ...$ with eigenvalue $\lambda_1 = 25$", "the eigenvalues of
  $B^TB$ are $\lambda_1 = 4, \lambda_2 = 9, \lambda_3 = 9$") were local examples: they are proved exactly, a pair of
  the same subscript together and repeated values within their multiplicity (readers.notes.prose_eigenpairs).
* an arg min or min over one scalar set equal to a value ($\mathrm{argmin}_u (u - 1)^2 + 7 = 1$) had "unknown
  functions": it is confirmed by strict convexity and stationarity (readers.notes.scalar_optima).
"""
from readers.notes.check import check_notes

CONFIRMED = ("proved", "verified")


def _blocks(text):
    return [(b.line, b.source, b.role, b.verdict) for b in check_notes(text, path="<test>", budget=5.0).blocks]


def _verdict(blocks, line, source):
    found = [(role, verdict) for at, written, role, verdict in blocks if at == line and written == source]
    assert len(found) == 1, (line, source, blocks)
    return found[0]


RELATIONS = r"""# Variance

The total variance is $V=8/3$. We find $V_x = 2/3$ and $V_y=2$.
We have $V=V_x+V_y$ due to the Pythagorean theorem.

# Wrong

The total variance is $V=8/3$. We find $V_x = 2/3$ and $V_y=2$.
We have $V=V_y-V_x$ due to the Pythagorean theorem.
"""


def test_a_relation_between_names_the_prose_set_to_numbers_is_checked_at_those_numbers():
    blocks = _blocks(RELATIONS)
    assert _verdict(blocks, 4, "$V=V_x+V_y$") == ("claim", "proved")  # ("example", None) before
    assert _verdict(blocks, 9, "$V=V_y-V_x$")[1] not in CONFIRMED  # 8/3 != 4/3: stays an example


EIGENPAIRS = r"""# Eigenvectors

Consider the matrix $A = \begin{bmatrix} -2 & 36 \\ 36 & -23 \end{bmatrix}$, which has eigenvectors
$\mathbf{v}_1 = \begin{bmatrix} 4 \\ 3 \end{bmatrix}$, with associated eigenvalue $\lambda_1=25$, and
$\mathbf{v}_2 = \begin{bmatrix} 3 \\ -4 \end{bmatrix}$, with associated eigenvalue $\lambda_2=-50$.

Let $B = \begin{bmatrix} 2 & 0 & 0 \\ 0 & 3 & 0 \\ 0 & 0 & 3 \end{bmatrix}$.
The eigenvalues of $B^TB$ are $\lambda_1 = 4, \lambda_2 = 9, \lambda_3 = 9$.

# Wrong

Consider the matrix $A = \begin{bmatrix} -2 & 36 \\ 36 & -23 \end{bmatrix}$, which has eigenvectors
$\mathbf{v}_1 = \begin{bmatrix} 4 \\ 3 \end{bmatrix}$, with associated eigenvalue $\lambda_1=-50$, and
$\mathbf{v}_2 = \begin{bmatrix} 3 \\ 4 \end{bmatrix}$, with associated eigenvalue $\lambda_2=-50$.

Let $B = \begin{bmatrix} 2 & 0 & 0 \\ 0 & 3 & 0 \\ 0 & 0 & 3 \end{bmatrix}$.
The eigenvalues of $B^TB$ are $\lambda_1 = 4, \lambda_2 = 4, \lambda_3 = 9$.
"""


def test_eigenpairs_stated_in_prose_for_a_written_out_matrix_are_proved():
    blocks = _blocks(EIGENPAIRS)
    assert _verdict(blocks, 4, r"$\mathbf{v}_1 = \begin{bmatrix} 4 \\ 3 \end{bmatrix}$") == ("claim", "proved")
    assert _verdict(blocks, 4, r"$\lambda_1=25$") == ("claim", "proved")  # ("example", None) before
    assert _verdict(blocks, 5, r"$\lambda_2=-50$") == ("claim", "proved")
    assert _verdict(blocks, 8, r"$\lambda_1 = 4, \lambda_2 = 9, \lambda_3 = 9$") == ("claim", "proved")
    # wrong: -50 is an eigenvalue of A, but not v_1's; (3, 4) is no eigenvector; 4 is a single eigenvalue of B^TB
    assert _verdict(blocks, 13, r"$\lambda_1=-50$")[1] not in CONFIRMED
    assert _verdict(blocks, 14, r"$\mathbf{v}_2 = \begin{bmatrix} 3 \\ 4 \end{bmatrix}$")[1] not in CONFIRMED
    assert _verdict(blocks, 17, r"$\lambda_1 = 4, \lambda_2 = 4, \lambda_3 = 9$")[1] not in CONFIRMED


OPTIMA = r"""# Optima

For example, $\mathrm{argmin}_u (u - 1)^2 + 7 = 1$, whereas $\mathrm{min}_u (u - 1)^2 + 7 = 7$.

# Wrong

For example, $\mathrm{argmin}_u (u - 1)^2 + 7 = 7$, whereas $\mathrm{min}_u (u - 1)^2 + 7 = 1$.

$$\mbox{arg max}_y \ (y - 3)^2 = 3$$
"""


def test_a_scalar_arg_min_or_min_set_equal_to_a_value_is_checked_by_convexity_and_stationarity():
    blocks = _blocks(OPTIMA)
    assert _verdict(blocks, 3, r"$\mathrm{argmin}_u (u - 1)^2 + 7 = 1$")[1] in CONFIRMED  # "unknown functions"
    assert _verdict(blocks, 3, r"$\mathrm{min}_u (u - 1)^2 + 7 = 7$")[1] in CONFIRMED
    assert _verdict(blocks, 7, r"$\mathrm{argmin}_u (u - 1)^2 + 7 = 7$")[1] not in CONFIRMED
    assert _verdict(blocks, 7, r"$\mathrm{min}_u (u - 1)^2 + 7 = 1$")[1] not in CONFIRMED
    assert _verdict(blocks, 9, r"$$\mbox{arg max}_y \ (y - 3)^2 = 3$$")[1] not in CONFIRMED  # no maximum at all
