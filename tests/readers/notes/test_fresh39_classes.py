r"""The classes of misreading that round 43's held-out notes exposed (tests/corpus/notes/langtangen_truncation_errors.tex,
levin_arithmetic_geometric_sums.md, kirkby_probability_statistics.md), one case each.  Every case was refuted before
its fix (checked on main at 6167960); the planted slips show that the fixed readings still refute.

* a recurrence stated for one sequence (``a_n = a_{n-1} + d``) unrolled over a later example that reuses the name for
  another sequence, whose terms the notes give (``a_0 = 2, a_1 = 3, a_2 = 7``: no ``d`` produces them) — the
  recurrence says nothing about it (readers.notes.recurrences ``terms_contradict``);
* superscripts that count steps in a difference scheme (``[D_{2t} u]^n``, ``u^{n+1}``, ``R^n`` where the notes write
  ``u^{n-1}``, ``u^n`` and ``t_n``) read only as powers (readers.notes.superscript_levels);
* ``u(t_{n-1})`` read only as a product because an earlier block used ``u`` as a value, in a block that itself
  differentiates ``u`` at a point (``u'(t_n)``): a function there (readers.notes.value_letters
  ``primed_applications``);
* ``\frac{d^k x^k}{dx^k}``, a derivative of symbolic order, read as the fraction ``d^k x^k / (d x^k)``: now an
  unreadable block, never a refuted one (readers.latex.atoms ``derivative``);
* "the recursive definition is $a_n = a_{n-1} + 3$ with $a_0 = 2$", in prose after an earlier $a_n$, was a local
  example, so the closed formula after it was one too (no claim); a recurrence is a recurrence wherever it is written,
  and the closed formula is checked by unrolling it (this case was no claim on main, not refuted).
"""
from readers.notes.check import check_notes
from tests.readers.notes.checked import CONFIRMED, HOLDS, assert_block_verdicts, checked_blocks

REUSED_SEQUENCE = r"""# Sequences

An arithmetic sequence has

$$
a_0 = a \qquad a_n=a_{n-1}+d
$$

## A later example

$$
\begin{aligned}
a_0 & = 2\\
a_1 & = 2+1\\
a_2 & = 2+1+4
\end{aligned}
$$

so that

$$
a_n = \frac{4+(3n-1)n}{2}
$$

## Its own terms

$$
c_0 = 1 \qquad c_n=c_{n-1}+2
$$

$$
\begin{aligned}
c_0 & = 1\\
c_1 & = 3
\end{aligned}
$$

A slip:

$$
c_n = 1 + 3n
$$
"""

TIME_LEVELS = r"""# A scheme

The time levels are $t_n$ and $t_{n+1}$; the scheme computes $u^{n+1}$ from $u^n$ and $u^{n-1}$.

$$
[D_{2t} u]^n = \frac{u^{n+1} - u^{n-1}}{2\Delta t}
$$

$$
R^n = [D_{2t} u - f]^n
$$

A slip:

$$
u^{n} + 1 = u^{n}
$$
"""

PRIMED_FUNCTION = r"""# Taylor

The speed is $v = 2u + 1$.

$$
u(t_{n-1}) = u(t_n-\Delta t) = u(t_n) - u'(t_n)\Delta t + \mathcal{O}(\Delta t^2)
$$

A slip:

$$
u(2) = 3u
$$
"""

PROSE_RECURRENCE = r"""# Sequences

Closed formula: $a_n = a + dn$.

**Example.** The recursive definition is $a_n = a_{n-1} + 3$ with $a_0 = 2$.
The closed formula is $a_n = 2 + 3n$.
"""

SYMBOLIC_ORDER = r"""# Derivatives

$$
\frac{d^k x^k}{dx^k} = k!
$$
"""


def test_a_recurrence_is_not_unrolled_over_a_sequence_whose_given_terms_it_cannot_produce():
    blocks = checked_blocks(REUSED_SEQUENCE)
    assert_block_verdicts(blocks, [HOLDS, "refuted"])


def test_superscripts_that_count_steps_are_read_as_labels_too():
    blocks = checked_blocks(TIME_LEVELS)
    assert_block_verdicts(blocks, [HOLDS, HOLDS, "refuted"])


def test_a_letter_differentiated_at_a_point_is_a_function_in_its_block():
    blocks = checked_blocks(PRIMED_FUNCTION)
    assert_block_verdicts(blocks, [HOLDS, "refuted"])


def test_a_derivative_of_symbolic_order_is_not_a_fraction():
    block, = check_notes(SYMBOLIC_ORDER, path="<test>", budget=5.0).blocks
    assert block.verdict != "refuted" and "symbolic order" in block.error


def test_a_recurrence_written_in_prose_is_not_a_local_example():
    blocks = checked_blocks(PROSE_RECURRENCE)
    assert_block_verdicts(blocks, [CONFIRMED])
