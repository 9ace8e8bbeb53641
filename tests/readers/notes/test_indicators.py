"""An indicator the reader takes for a free value never carries a refutation (readers.notes.indicators).

Each line below is correct; checked with the indicator as a free value they were refuted (at \\mathbb{1} = 1/2)."""
import pytest

from readers.notes.check import check_notes

CORRECT = [
    r"$$\mathbb{1}[x<0]\, x = \min(x, 0)$$",
    r"$$\mathbf{1}(x>0)\, x = \max(x, 0)$$",
    r"$$\mathbb{1}_{x>0}\, x = \max(x, 0)$$",
    r"$$\mathbb{I}[x > 0]\, x = \max(x, 0)$$",  # a blackboard I: refuted at I = 1/2 until stop 45
    r"$$\mathds{I}_{x > 0}\, x = \max(x, 0)$$",
    r"$$x\,\mathrm{I}_{x > 0} = \max(x, 0)$$",
]


@pytest.mark.parametrize("line", CORRECT)
def test_a_correct_line_with_an_indicator_is_not_refuted(line):
    block = check_notes(f"# Ramp\n\n{line}\n", path="<test>", budget=3.0).blocks[-1]
    assert block.verdict != "refuted", block.steps


def test_a_wrong_line_without_an_indicator_is_still_refuted():
    block = check_notes("# Ramp\n\n$$\\max(a, b) + \\min(a, b) = a - b$$\n", path="<test>", budget=3.0).blocks[-1]
    assert block.verdict == "refuted", block.steps


@pytest.mark.parametrize("name", [r"\mathrm{I}_{X \geq a}", r"\mathbb{1}_{X \geq a}"])
def test_an_indicator_the_notes_define_is_read_by_its_definition(name):
    """Markov's inequality's first step (statproofbook): with the indicator defined by cases, the claim is checked
    with that definition, so its confirmation stands (it was withdrawn once the name was taken for an indicator)."""
    text = (f"# Markov\n\nLet $X \\ge 0$ and $a > 0$. Define\n\n$$ {name} = \\left\\{{ \\begin{{array}}{{rl}} 0 , & "
            f"\\text{{if}} \\; X < a \\\\ 1 , & \\text{{if}} \\; X \\geq a . \\end{{array}} \\right. $$\n\n"
            f"It is clear that\n\n$$ a \\, {name} \\leq X . $$\n")
    block = check_notes(text, path="<test>", budget=3.0).blocks[-1]
    assert block.verdict in ("proved", "verified"), block.steps
