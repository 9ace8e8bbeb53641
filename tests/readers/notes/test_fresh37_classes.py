r"""The classes of misreading that round 36's held-out notes exposed (tests/corpus/notes/carpenter_*.md, two files of
Bob Carpenter's *Probability and Statistics*), one case each.  Every case was unparsed or misread before its fix
(checked on main at 858cfeb); the planted slips show that the new readings still refute.

* a control space at the end of a line (``\ = \`` then a newline: TeX's ``\`` before a line break is a space) was
  an unsupported command ``\`` (readers.latex.tables ``_SPACE``);
* a derivation typeset as ``\begin{array}{rcl} a & = & b \\ & = & c \end{array}`` was read as a case split ("a case
  must be a value and a condition"); it is a chain of relations, as ``eqnarray`` is (readers.latex.relation_arrays);
* a law written in lower case, as Stan and R write it (``Y \sim \textrm{bernoulli}(\theta)``), was no law, so
  ``\mathbb{E}[Y] = \theta^2`` was undecided (readers.notes.laws ``_LOWER_CASE``);
* ``\mathrm{H}[Y]`` was the product ``H Y``; it is the entropy of ``Y``, as ``\operatorname{H}[Y]`` is
  (readers.latex.tokens), and a stated entropy of the wrong sign is wrong in every base of the logarithm, so it is
  refuted though the notes may count in bits (readers.notes.laws ``wrong_in_every_base``);
* a sum over an integer range written as R and Stan write it, ``\sum_{y \in 1:6}``, was an unknown function of a set
  named ``1:6``; it is the sum from 1 to 6 (readers.latex.atoms ``colon_range``).
"""
from functools import lru_cache

import pytest

from readers.notes.check import check_notes

CONTROL_SPACE = r"""# Spacing

$$
2x
\ = \
x + x
$$

and not

$$
2x
\ = \
x + 2
$$
"""
ARRAY_CHAIN = r"""# A derivation

$$
\begin{array}{rcl}
(x + 1)^2
& = & x^2 + 2x + 1
\\[6pt]
& = & \displaystyle x(x + 2) + 1.
\end{array}
$$

and a slip

$$
\begin{array}{rcl}
(x + 1)^2
& = & x^2 + 2x + 1
\\[4pt]
& = & x^2 + 1.
\end{array}
$$

Cases stay cases: $$|x| = \left\{ \begin{array}{ll} x & x \ge 0 \\ -x & x < 0 \end{array} \right.$$
"""
LOWER_CASE_LAW = r"""# Coins

Suppose $W \sim \textrm{bernoulli}(\theta)$.  Then $$\mathbb{E}[W] = \theta^2.$$
"""
ENTROPY = r"""# Entropy

For example, suppose $Y \sim \textrm{bernoulli}(\theta).$  Then
$$
\mathrm{H}[Y] = \theta \cdot \log \theta + (1 - \theta) \cdot \log (1 - \theta).
$$
but in fact
$$
\mathrm{H}[Y] = - \theta \log \theta - (1 - \theta) \log (1 - \theta),
$$
which in bits is
$$
\mathrm{H}[Y] = - \theta \log_2 \theta - (1 - \theta) \log_2 (1 - \theta).
$$
"""
COLON_RANGE = r"""# Dice

$$\sum_{y \in 1:6} \frac{1}{6} \times y = 3.5$$ but not $$\sum_{y \in 1:6} \frac{1}{6} \times y = 3.$$
"""


@lru_cache(maxsize=None)
def _report(text):
    return check_notes(text, budget=2.0)


def _verdicts(report) -> dict:
    return {b.line: b.verdict for b in report.blocks}


@pytest.mark.parametrize("text, expected", [
    (CONTROL_SPACE, {3: "proved", 11: "refuted"}),
    (ARRAY_CHAIN, {3: "proved", 14: "refuted", 23: "verified"}),
    (LOWER_CASE_LAW, {3: "refuted"}),
    (ENTROPY, {4: "refuted", 8: "proved", 12: "undecided"}),
], ids=["control-space-at-line-end", "array-rcl-chain", "lower-case-law", "entropy-of-a-stated-law"])
def test_round36_reading_classes(text, expected):
    found = _verdicts(_report(text))
    assert {k: found.get(k, "missing") for k in expected} == expected


def test_a_colon_range_is_summed():
    assert [b.verdict for b in _report(COLON_RANGE).blocks] == ["verified", "refuted"]
