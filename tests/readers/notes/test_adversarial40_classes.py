"""Wrong verdicts that adversarial_round18.md (round 18 of the step checker's adversarial review, branch adversary40)
found in notes, by class, each with a note unlike the corpus one."""
from readers.notes.definite_matrices import minor_conditions
from tests.readers.notes.checked import CONFIRMED, HOLDS, assert_block_verdicts, checked_blocks

import sympy as sp

# a condition on a matrix written with \succ / \succeq was an unparsed block, so the claims about the matrix's entries
# were checked without it: det > 0 of a positive definite matrix was refuted at a point where it is singular
DEFINITE = r"""
# A covariance

Let $S = \begin{bmatrix} u & w \\ w & v \end{bmatrix}$ and assume $S \succ 0$.

$$
u v > w^2
$$

Separately, $\begin{bmatrix} g & h \\ h & k \end{bmatrix} \succeq 0$, so that

$$
g k - h^2 \ge 0
$$
"""


def test_a_matrix_stated_definite_puts_its_minors_conditions_in_force():
    assert_block_verdicts(checked_blocks(DEFINITE), [HOLDS, HOLDS])


def test_semidefinite_needs_every_principal_minor_and_definite_the_leading_ones():
    a, b, c = sp.symbols("a b c", real=True)
    m = sp.Matrix([[a, b], [b, c]])
    assert set(minor_conditions(m, "succ")) == {a > 0, a * c - b**2 > 0}
    assert set(minor_conditions(m, "succeq")) == {a >= 0, c >= 0, a * c - b**2 >= 0}
    assert set(minor_conditions(m, "prec")) == {-a > 0, a * c - b**2 > 0}
    assert minor_conditions(sp.Matrix([[a, b], [c, a]]), "succ") is None  # not symmetric as written


# a restated condition ("then its diagonal is positive, $$a > 0$$") replaced every condition on that name, also the
# determinant condition that related it to the others; restating what is in force now replaces nothing
RESTATED = r"""
# Restated

Let $0 < c < 1$ and $s \le 1 - c$. Then, as said,

$$
c > 0
$$

$$
s + c \le 1
$$
"""


def test_a_restated_condition_keeps_the_relations_in_force():
    assert_block_verdicts(checked_blocks(RESTATED), [HOLDS])


# a prose statement that logs are to base 2 was not read (only "log to base 2", "base-2 log"), and a line that holds
# only with the natural log (log e = 1, read as 1 = 1 since the parser evaluates log e) was proved
BITS = r"""
# Bits

In what follows, the logarithm is to base two.

$$
\log e = 1
$$

$$
\log(e^3) = 3
$$

$$
\log 1 = 0
$$
"""


def test_a_line_true_only_for_the_natural_log_is_not_confirmed_when_the_notes_use_base_two():
    assert_block_verdicts(checked_blocks(BITS), ["undecided", "undecided", CONFIRMED])


# definitions hold to the end of the notes, and a sentence giving a name a new meaning in words only ("From now on $h$
# denotes ...") was not read: the later correct line was refuted with the earlier definition
RENAMED = r"""
# Two meanings

## A parabola

$$
h(x) = (x - 1)^2 + 1
$$

## A rate

Henceforth $h$ denotes the hyperbolic tangent $\tanh x$, an odd function, so that

$$
h(0) = 0
$$
"""


def test_a_name_given_a_new_meaning_in_words_loses_its_earlier_definition():
    assert_block_verdicts(checked_blocks(RENAMED), [HOLDS])
