"""Wrong verdicts that adversarial_round20.md and its probes (branch adversary42) found in ``check``, by class, each
with notes unlike the one that revealed it."""
from tests.readers.notes.checked import HOLDS, assert_block_verdicts, checked_blocks

# An equation posed for its unknown ("the solutions to $E$ are", "the zeros of $E$", "and those of $E$") was checked
# at the value an example had just given the same letter for the equation before it, and refuted: a correct line
# marked wrong.  Such an equation is now read as posed, not stated.
POSED = r"""## Two linear equations

The solution to $5t - 10 = 0$ is

$$
t = 2
$$

and the zeros of $t^2 - 9 = 0$ are $t = 3$ and $t = -3$.

With $t = 2$ again, the first line gives

$$
5t - 10 = 1
$$
"""


def test_an_equation_posed_for_its_unknown_is_not_checked_at_the_last_example():
    blocks = checked_blocks(POSED)
    # only the last display is a claim (at t = 2 it reads 0 = 1, a planted slip, still refuted)
    assert [b.line for b in blocks] == [13], [(b.line, b.role, b.verdict) for b in blocks]
    assert_block_verdicts(blocks, ["refuted"])


# An equation in one name with names on both sides (a fixed point) that the prose presents as holding for some value
# ("there is some", "at least one", "has one root") was refuted as an identity: the QUANTIFIER words missed "there is
# some" and "at least one", and a display's introduction over a blank line was not read.  Such a failure is now
# withdrawn as for "for some".
FIXED_POINTS = r"""## Fixed points

There is some $s$ with

$$
e^{-s} = s
$$

At least one $r$ satisfies

$$
r = 1 + \frac{1}{r}
$$

and the golden ratio is the positive one:

$$
\left(\frac{1 + \sqrt{5}}{2}\right)^2 = \frac{1 + \sqrt{5}}{2} + 1
$$
"""


def test_an_equation_stated_for_some_value_is_not_refuted_as_an_identity():
    blocks = checked_blocks(FIXED_POINTS)  # r = 1 + 1/r reads as r's definition (its name alone on the left)
    assert_block_verdicts(blocks, [HOLDS, "proved"])
