r"""False alarms found by writing everyday notes (stop 44, tests/corpus/notes/everyday_*), one class per section
of one note (checked once, shared by the tests):

* one letter, one value (readers.notes.namesakes): the ``k`` of $k = \sum_i x_i$ (an index there) is the ``k`` of
  a later line, and the ``n`` of a definition's sum is the ``n`` of the claim;
* a condition on every entry (readers.notes.every_entry): "Let $z_i \ge 0$", "$0 < q_i < 1$",
  "$w_1, \ldots, w_m > 0$" constrain each entry, not one entry at a free index;
* a bare argument of ``\log`` stops at a sum (readers.latex.atoms): $\log\lambda\sum_i y_i$ is
  $(\log\lambda)\sum_i y_i$.

Each class has a wrong variant that stays refuted, with its counterexample inside what the notes state.
"""
from fractions import Fraction

from tests.readers.notes.checked import HOLDS, assert_block_verdicts, checked_blocks

NOTE = r"""Let $k = \sum_i x_i$ be the number of ones.

Let $f(t) = t\sum_{i=1}^n x_i$.

$$f'(t) = k$$

$$\frac{d}{dt} f(t) = n\bar x$$

$$f'(t) = 2k$$

## Entries

Let $z_i \ge 0$ and $0 < q_i < 1$.

$$\sum_{i=1}^n z_i \ge 0$$

$$\prod_{i=1}^n q_i \ge 1$$

Let $w_1, \ldots, w_m > 0$.

$$\prod_{j=1}^m w_j > 0$$

## Logarithms

$$\log\lambda\sum_{i=1}^n y_i = \sum_{i=1}^n y_i\log\lambda$$

$$\log\lambda\sum_{i=1}^n y_i = \log\lambda + \sum_{i=1}^n y_i$$
"""


def _blocks(first_line, last_line):
    return [b for b in checked_blocks(NOTE) if first_line <= b.line <= last_line]


def test_a_letter_is_one_value_in_every_block():
    blocks = _blocks(5, 9)
    assert_block_verdicts(blocks, [HOLDS, HOLDS, "refuted"])
    assert any("one value" in a for s in blocks[1].steps for a in s.assumptions), blocks[1].steps


def test_a_condition_on_an_entry_holds_for_every_entry():
    blocks = _blocks(15, 21)
    witnesses = assert_block_verdicts(blocks, [HOLDS, "refuted", HOLDS])
    entries = [Fraction(v) for w in witnesses for k, v in w.items() if k.startswith("q[")]
    assert entries and all(0 < v < 1 for v in entries), witnesses  # the counterexample respects 0 < q_i < 1


def test_a_bare_log_argument_stops_at_a_sum():
    blocks = _blocks(25, 27)
    assert_block_verdicts(blocks, [HOLDS, "refuted"])
    assert "log(lambda)*Sum" in blocks[0].steps[0].lhs.replace(" ", ""), blocks[0].steps[0].lhs
