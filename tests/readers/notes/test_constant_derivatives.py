r"""``\frac{d}{dx}c = 0`` reads as a definition of an unknown derivative or as the derivative of a constant: when
the prose calls the name a constant and it is first written there, the claim is checked and, holding, confirms
the block (check.py, definition_as_claim).  A failing claim, or a derivative of a name used before (the loss
``L`` of ``\frac{\partial L}{\partial w} = 0``), stays a definition: never refuted, never confirmed."""
from readers.notes.check import check_notes


def _block(text):
    (block,) = [b for b in check_notes(text, path="<test>", budget=5.0).blocks if "frac" in b.source]
    return block


def test_the_derivative_of_a_constant_is_confirmed():
    block = _block("# Rules\n\n* **Derivative of constants.** $\\frac{d}{dx}c = 0$.\n")
    assert block.verdict == "proved" and block.role == "claim", block.steps
    assert "constant" in block.steps[0].method, block.steps


def test_a_wrong_value_for_it_is_not_refuted():
    block = _block("# Rules\n\nFor a constant, $\\frac{d}{dx}c = 1$.\n")
    assert block.verdict is None and block.role == "definition", block.steps


def test_without_the_word_it_stays_a_definition():
    block = _block("# Rules\n\nThe outer derivative is $\\frac{dh}{db} = 0$.\n")
    assert block.verdict is None and block.role == "definition", block.steps


def test_a_name_used_before_is_not_read_as_a_constant():
    block = _block("# Optimum\n\nThe loss is $L$.\n\nWith a constant step, set $\\frac{dL}{dw} = 0$.\n")
    assert block.verdict is None and block.role == "definition", block.steps
