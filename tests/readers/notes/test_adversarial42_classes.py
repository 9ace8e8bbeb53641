"""Wrong verdicts that adversarial_round20.md and its probes (branch adversary42) found in ``check``, by class, each
with notes unlike the one that revealed it."""
from tests.readers.notes.checked import assert_block_verdicts, checked_blocks

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
