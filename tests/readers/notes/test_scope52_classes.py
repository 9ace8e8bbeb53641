r"""Classes of stop 52 (scope52): definitions, examples and recurrences read as their authors mean them.

* A squared parameter set to a number in prose ("With $\kappa^2 = 1$, ...") was a definition of the name to the end
  of the document, so a claim many paragraphs on that holds only at that value was **proved**; it is a local example
  as ``$x = 2$`` is (the positive root: a scale).
* A worked value the prose derives ("With $c = 2$ and $q = 0.75$ this gives $W = 8$", after "so $W = c/(1 - q)$") was
  one more example setting the name: a wrong number was never caught.  It is a claim about the formula in force at
  the paragraph's numbers (readers.notes.derived_values); a rounded decimal is no slip.
* A where-clause after a definition ("$$E = \frac12(\hat p - t)^2$$ where $\hat p = ax + c$") was an example set
  after the definition had been read with an earlier section's ``\hat p = \sigma(s)``: the derivative by ``a`` was
  undecided and its wrong twin not caught.  The clause binds the name in the definition it follows, to the end of
  its section (readers.notes.where_clauses); the earlier meaning is back after the next heading.
* A slip in a rule about counts (``\binom{m}{j}``, ``m!``) was refuted at ``m = j = 1/2``: right, but it reads as a
  misreading.  The counterexample is found again at whole counts (readers.notes.count_points); a claim that holds at
  every whole count tried and fails only off them is undecided.
* A recurrence read at a value ("With $f_t = 1$ and $i_t = 0$, $c_t = c_{t-1}$" after the cell update
  ``c_t = f_t c_{t-1} + i_t g_t``) was a new update (or an example), never checked: it is the claim that the update
  at those values gives the row (readers.notes.recurrence_cases), and a wrong case is refuted.
* A conditional law ``Y \mid M \sim \mathcal{N}(M, 1)`` (a bar at the top level) was a parse error; it reads as the
  law of ``Y`` given ``M`` (readers.latex.conditional_laws), never as the unconditional law of ``Y``.
"""
from __future__ import annotations

from tests.readers.notes.checked import CONFIRMED, assert_block_verdicts, checked_blocks

_WORDS = "\n\n".join(f"Remark {i} describes the model in words only." for i in range(8))

SQUARED_EXAMPLE = r"""# Shrinkage

The weights have the prior $\theta \sim \mathcal{N}(0, \kappa^2)$. With $\kappa^2 = 1$, the prior is a standard normal.

""" + _WORDS + r"""

The prior's precision is then $$\frac{3}{\kappa^2} = 3$$
"""


def test_a_squared_parameter_set_in_prose_is_a_local_example():
    blocks = checked_blocks(SQUARED_EXAMPLE)
    assert_block_verdicts(blocks, ["undecided", "undecided"])  # the law (not checked), then the far claim
    assert blocks[-1].role != "definition" and "kappa" in blocks[-1].steps[0].reason


DERIVED = r"""# A geometric total

The total satisfies $W = c + qW$, so $W = \frac{c}{1-q}$. With $c = 2$ and $q = 0.75$ this gives $W = 8$.

# The same, with a slip

The total satisfies $M = a + hM$, so $M = \frac{a}{1-h}$. With $a = 3$ and $h = 0.5$ we get $M = 5$.

# Rounded

The total satisfies $Z = u + kZ$, so $Z = \frac{u}{1-k}$. With $u = 1$ and $k = 0.85$ this gives $Z = 6.67$.
"""


def test_a_value_the_prose_derives_is_a_claim_about_the_formula_in_force():
    blocks = checked_blocks(DERIVED)
    witnesses = assert_block_verdicts(blocks, [CONFIRMED, "refuted"])  # the rounded value stays an example
    assert witnesses[0]["lhs - rhs"] == "1", witnesses  # 3/(1 - 1/2) = 6, not 5


CLAUSE = r"""# A sigmoid unit

The unit outputs $\hat p = \sigma(s)$.

# A linear fit

The error is $$E = \frac{1}{2}(\hat p - t)^2$$
where $\hat p = ax + c$. Its slope is $$\frac{\partial E}{\partial a} = (\hat p - t)x$$

and not $$\frac{\partial E}{\partial a} = \hat p - t$$

# Back to the unit

Its local slope is $$\frac{\partial \hat p}{\partial s} = \hat p(1 - \hat p)$$
"""


def test_a_where_clause_binds_its_name_in_the_definition_it_follows_and_its_section_only():
    assert_block_verdicts(checked_blocks(CLAUSE), [CONFIRMED, "refuted", CONFIRMED])


COUNTS = r"""# Counting rules

A slip in the rule: $\binom{m}{j} = \binom{m-1}{j-1} + \binom{m}{j-1}$.

At whole $m$ and $j$ only: $\binom{m}{j} \cos(2\pi j) = \binom{m}{j}$.
"""


def test_a_rule_about_counts_is_refuted_where_the_counts_are_whole_numbers():
    witnesses = assert_block_verdicts(checked_blocks(COUNTS), ["refuted", "undecided"])
    for w in witnesses:
        assert all(w[x].isdigit() for x in ("m", "j") if x in w), w


CELL = r"""# A memory cell

The cell is updated by $$c_t = f_t c_{t-1} + i_t g_t$$

With $f_t = 1$ and $i_t = 0$, $c_t = c_{t-1}$: the cell keeps its content.

With $f_t = 0$, $c_t = c_{t-1}$ as well, says a careless reader.
"""


def test_a_recurrence_read_at_a_value_its_sentence_sets_is_a_claim_about_it():
    assert_block_verdicts(checked_blocks(CELL), [CONFIRMED, "refuted"])


GIVEN = r"""# A two-level model

The readings are $$y \mid m \sim \mathcal{N}(m, 1)$$ and the level is $$m \sim \mathcal{N}(0, 4)$$

So $$\mathbb{E}[y] = m$$ would confuse the two laws.
"""


def test_a_conditional_law_parses_and_is_not_the_unconditional_law():
    blocks = checked_blocks(GIVEN)
    assert [b.line for b in blocks] == [3, 3, 5], [(b.line, b.verdict) for b in blocks]
    assert "Given" in blocks[0].parsed_form[0] and blocks[2].verdict not in CONFIRMED, blocks[2].steps
