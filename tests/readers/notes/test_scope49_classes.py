r"""Everyday notes read as their authors mean them (issue 12, scope49), by class, each failing on main.

**A closed formula after a recursion and its initial value is a claim about the recursion** (readers.notes.check
``unrolled_name``, ``closes_in_paragraph``): "The recursive definition is $a_n = a_{n-1} + 3$ with $a_0 = 2$. The
closed formula is $a_n = 2 + 3n$." had the closed form read as the recurrence the line states (an assignment), so it
fell back to a local example: nothing checked (levin_arithmetic_geometric_sums.md lines 73, 75, 112, proved before
scope48).  A formula in the step letter that names no other step of the sequence is no restatement of the recurrence:
it is proved by induction from the start the notes give, and refuted by a run of the recurrence when it is stated in
the recurrence's own paragraph.  Further away it may be about another sequence of the same letter (levin's "$a_n = -1
+ 3n$" for a sequence that starts at $a_1$, after a geometric recurrence of $a$): confirmed or left an example.  A
start given as the recurrence's side condition (``s_n = s_{n-1} + 4, \qquad s_0 = 1``) and a superscript start
(``x^0 = 1`` beside ``x^{k+1} = x^k + 2``) are the sequence's start as ``a_0 = 2`` is.
"""
from readers.notes.check import check_notes
from tests.readers.notes.checked import CONFIRMED, assert_block_verdicts, checked_blocks

CLOSED_FORMS = r"""# A

1. To get from each term to the next we add three. The recursive definition is $a_n = a_{n-1} + 3$ with $a_0 = 2$.
   The closed formula is $a_n = 2 + 3n$.

# B

The recursive definition is $c_j = c_{j-1} - 7$ with $c_0 = 50$. The closed formula is $c_j = 51 - 7j$.

# C

Recursively $y_{t+1} = 3 y_t$ and $y_0 = 2$; hence $y_t = 2 \cdot 3^{t}$.

# D

Recursively $y_{t+1} = 3 y_t$ and $y_0 = 2$; hence $y_t = 2 \cdot 3^{t+1}$.

# E

Run $x^{k+1} = x^k + 2$ from $x^0 = 1$; its closed form is $x^k = 2 + 2k$.

# F

The sequence satisfies
$$s_{n} = s_{n-1} + 4, \qquad s_0 = 1,$$
and its closed formula is $s_n = 1 + 4n$.

# G

The recursive definition is $u_m = \frac{1}{3}u_{m-1}$ with $u_0 = 27$.

For the arithmetic sequence $2, 5, 8$ with $2 = u_1$ we find $u_0 = -1$, and the closed formula is $u_m = -1 + 3m$.
"""


def test_a_closed_formula_after_a_recursion_and_its_start_is_a_claim_about_it():
    """Hand check: a_n = 2 + 3n solves a_n = a_{n-1} + 3 from a_0 = 2 (2 + 3n - 3 + 3); c_3 = 50 - 21 = 29, not 51 -
    21 = 30; y_t = 2 * 3^t solves y_{t+1} = 3 y_t from 2, 2 * 3^{t+1} is 6 at t = 0; x^k = 1 + 2k from x^0 = 1, so
    2 + 2k is off by one at k = 0; s_n = 1 + 4n solves s_n = s_{n-1} + 4 from s_0 = 1.  G's u_m = -1 + 3m is another
    (arithmetic) sequence than the geometric recurrence of u two paragraphs up: not refuted."""
    blocks = {b.line: b for b in check_notes(CLOSED_FORMS, path="<test>", budget=5.0).blocks
              if b.role != "no claim" and "=" in b.source and b.source.count("_") + b.source.count("^") >= 1}
    closed = [blocks[line] for line in (4, 8, 12, 16, 20, 26)]
    assert_block_verdicts(closed, [CONFIRMED, "refuted", CONFIRMED, "refuted", "refuted", CONFIRMED])
    assert all(b.role == "claim" for b in closed)
    assert "a_0 = 2" in closed[0].assumptions and "s_0 = 1" in closed[5].assumptions
    other = [b for b in blocks.values() if b.line == 32 and "3m" in b.source]
    assert len(other) == 1 and other[0].verdict != "refuted", other


DATA_PROPERTIES = r"""# Setup

Let $Y_1, \dots, Y_m$ be i.i.d. with variance $\tau^2$, and $\bar Y = \frac{1}{m}\sum_{i=1}^m Y_i$.

## The mean

$$\operatorname{Var}(\bar Y) = \frac{\tau^2}{m}$$

$$\operatorname{Var}(\bar Y) = \frac{\tau^2}{m^2}$$

# Classes

$$q_k = \frac{e^{s_k}}{\sum_j e^{s_j}}$$

The target is one-hot: $\sum_k t_k = 1$. The loss is

$$E = -\sum_k t_k \log q_k$$

## Gradient

$$\frac{\partial E}{\partial s_k} = q_k - t_k$$

$$E = -\sum_k t_k s_k + \log\sum_j e^{s_j}$$

# Positive

Let $x > 0$.

$$\sqrt{x^2} = x$$

## Any x

$$\sqrt{x^2} = x$$
"""


def test_a_property_of_the_data_holds_for_the_note_a_parameter_condition_for_its_section():
    r"""Hand check: Var(mean of m i.i.d. with variance tau^2) = tau^2/m (tau^2/m^2 is half of it at m = 2); with q =
    softmax(s) and E = -sum_k t_k log q_k, dE/ds_k = q_k sum_j t_j - t_k = q_k - t_k where sum_k t_k = 1, and E =
    -sum_k t_k s_k + (sum_k t_k) log sum_j e^{s_j}.  sqrt(x^2) = |x| = x needs x > 0, a condition of its own section
    only (x = -1 under "Any x").  The i.i.d. sample and the one-hot target are stated once, a heading above."""
    blocks = checked_blocks(DATA_PROPERTIES)
    assert [b.line for b in blocks] == [7, 9, 21, 23, 29, 33]
    witnesses = assert_block_verdicts(blocks, [CONFIRMED, "refuted", CONFIRMED, CONFIRMED, "proved", "undecided"])
    assert witnesses[0]["lhs"] != witnesses[0]["rhs"]
    assert any("t[k]" in a for a in blocks[2].assumptions)  # the verdict names the one-hot condition it used
    assert "x > 0" not in blocks[5].assumptions


INPUT_SEQUENCES = r"""# Momentum

The heavy-ball method keeps a velocity:
$$z^{k+1} = \beta z^k + g^k$$
Unrolled from $z^0 = 0$,
$$z^{k} = \sum_{i=0}^{k-1} \beta^{k-1-i} g^i$$
and a slip:
$$z^{k} = \sum_{i=0}^{k-1} \beta^{k-i} g^i$$

# Adam

$$m^{t} = \beta m^{t-1} + (1 - \beta) g^t$$
With a constant gradient $g^t = g$ and $m^0 = 0$,
$$m^{t} = (1 - \beta^t) g$$
$$m^{t} = (1 - \beta^{t+1}) g$$

# Damped

$$v^{t} = \rho v^{t-1} + u^{t-1}$$
From $v^0 = 0$,
$$v^{t} = \sum_{s=1}^{t} \rho^{t-s} u^{s-1}$$
"""


def test_an_input_written_with_step_superscripts_is_a_sequence_and_a_written_bare_base_keeps_its_powers():
    r"""Hand check: z^{k+1} = beta z^k + g^k from z^0 = 0 gives z^k = sum_{i<k} beta^{k-1-i} g^i (z^1 = g^0, z^2 =
    beta g^0 + g^1); beta^{k-i} is off by a factor beta (z^1 would be beta g^0).  With g^t = g constant, m^t = (1 -
    beta^t) g (beta^t a power: beta is written bare in the update); beta^{t+1} gives m^1 = (1 - beta^2) g, not (1 -
    beta) g.  v^t = sum_{s=1}^t rho^{t-s} u^{s-1} (v^1 = u^0, v^2 = rho u^0 + u^1).  Read as powers g^k, g^i, u^{t-1}
    are numbers raised to the step, and the correct unrolled forms were refuted."""
    blocks = checked_blocks(INPUT_SEQUENCES)
    assert [b.line for b in blocks] == [6, 8, 14, 15, 21], [(b.line, b.verdict) for b in blocks]
    assert_block_verdicts(blocks, [CONFIRMED, "refuted", CONFIRMED, "refuted", CONFIRMED])
    assert "g^{(i)}" in blocks[0].parsed_form[0] and "beta**t" in blocks[2].parsed_form[0]
