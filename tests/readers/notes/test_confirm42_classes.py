r"""Classes of correct claims in published notes that ``check`` left unconfirmed (issue 12, confirm42), each with wrong
variants that must not be confirmed:

* probabilities of events combined by set operations (``P(A \cap B) \le \min(P(A), P(B))``, ``P(A \cup B) = P(A) +
  P(B) - P(A \cap B)``, ``P(A) + P(\Omega \setminus A) = 1``) had "unknown functions: intersection, union,
  difference": each event is a binary variable of a random joint with one weight per outcome, and a set of events
  occurs where the operations say (readers.notes.event_sets);
* a value the prose gives a numbered name (``$\lambda_1 = 42$``) was not the entry ``\lambda[1]`` a definition
  reaches (``\sigma_i = \sqrt{\lambda_i}``), so ``$\sigma_1 = \sqrt{42}$`` stayed one more example: it is checked
  with the entry at that value (readers.notes.entry_examples);
* sums over a set the notes name (``\sum_{y \in \mathbb{Z}}``) or integrals of unknown functions (``p``, ``q``)
  written another way had "unknown functions: p, q": over one range they are one sum by linearity, whose summand is
  simplified with each application a number of its own (readers.notes.termwise).
"""
from tests.readers.notes.checked import CONFIRMED, assert_block_verdicts, checked_blocks
from readers.notes.check import check_notes

EVENTS = r"""# Events

For any events $A$ and $B$:

* $P(A) + P(\Omega\setminus A) = 1$
* $P(A\cap B) \le \min(P(A), P(B))$
* $P(A\cup B) = P(A) + P(B) - P(A\cap B)$

Wrong ones:

* $P(A \cap B) \ge \max(P(A), P(B))$
* $P(A \cap B \cap C) = P(A) P(B \mid A) P(C \mid A)$

For disjoint events $A$ and $B$, $P(A\cup B) = P(A) + P(B)$.
"""


def test_probabilities_of_events_built_by_set_operations_are_read_over_every_joint():
    blocks = checked_blocks(EVENTS)
    # the wrong ones fail for some joint (the last holds when B and C are independent given A, not in general), and
    # the disjoint events' sum rule fails where A and B overlap: neither is refuted, as words may relate the events
    assert_block_verdicts(blocks, [CONFIRMED, CONFIRMED, CONFIRMED, "undecided", "undecided", "undecided"])
    assert all("may relate them" in b.steps[0].reason for b in blocks[3:])


VALUES = r"""# Singular values

The singular values are defined by $\sigma_i = \sqrt{\lambda_i}$ for the eigenvalues $\lambda_i$ of $A^TA$.

The eigenvalues are $\lambda_1 = 42$ and $\lambda_2 = 7$, so the singular values are $\sigma_1 = \sqrt{42}$.

Wrong: the eigenvalues are $\lambda_1 = 42$ and $\lambda_2 = 7$, so the singular values are $\sigma_1 = \sqrt{41}$.
"""


def test_a_numbered_example_gives_the_entry_a_definition_reaches():
    blocks = check_notes(VALUES, path="<test>", budget=5.0).blocks
    found = {(b.line, b.source): (b.role, b.verdict) for b in blocks}
    assert found[(5, r"$\sigma_1 = \sqrt{42}$")][1] in CONFIRMED
    assert found[(7, r"$\sigma_1 = \sqrt{41}$")] == ("example", None)  # a value that does not follow: an example
    assert found[(7, r"$\lambda_1 = 42$")] == ("example", None)  # the example given again: no claim


SUMS = r"""# Divergence

The divergence is defined by
$$
\mathrm{D}[p \, || \, q] = \sum_{y \in \mathbb{Z}} p(y) \log \frac{p(y)}{q(y)}
= \sum_{y \in \mathbb{Z}} p(y) \log p(y) - \sum_{y \in \mathbb{Z}} p(y) \log q(y).
$$

Wrong:
$$
\sum_{y \in \mathbb{Z}} p(y) \log \frac{p(y)}{q(y)} = \sum_{y \in \mathbb{Z}} p(y) \log q(y) - \sum_{y \in \mathbb{Z}} p(y) \log p(y).
$$

Wrong too: $\sum_{y \in S} |f(y)| = \sum_{y \in S} f(y)$.
"""


def test_sums_of_unknown_functions_over_one_range_are_compared_term_by_term():
    blocks = checked_blocks(SUMS)
    assert [b.line for b in blocks] == [4, 10, 14], [(b.line, b.verdict) for b in blocks]
    assert blocks[0].verdict == "proved"
    assert all(b.verdict not in CONFIRMED for b in blocks[1:]), [(b.line, b.verdict) for b in blocks]
