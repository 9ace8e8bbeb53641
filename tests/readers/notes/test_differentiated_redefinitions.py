"""A row that sets a function the section already knows and then, in the same block, differentiates it defines the
function anew (readers.notes.definition_cues.differentiated_after); a block that sets the name twice does not."""
from readers.notes.check import check_notes

_ARROW = " \\hspace{0.5in} \\rightarrow \\hspace{0.5in} "
_NOTE = ("## Local gradients\n\nFor the product,\n\n$$g(s, t) = s t" + _ARROW + "\\frac{\\partial g}{\\partial s} = t$$\n\n"
         "and for the sum,\n\n$$g(s, t) = s + t" + _ARROW + "\\frac{\\partial g}{\\partial s} = {derivative}$$\n")


def _sum_block(derivative):
    report = check_notes(_NOTE.replace("{derivative}", derivative), path="<test>", budget=5.0)
    return [b for b in report.blocks if b.kind == "display"][-1]


def test_the_derivative_of_the_new_function_is_confirmed():
    block = _sum_block("1")
    assert block.verdict == "proved" and "g(s, t)" in " ".join(block.definitions), block.steps


def test_a_wrong_derivative_of_the_new_function_is_refuted():
    block = _sum_block("t")
    assert block.verdict == "refuted", block.steps


def test_a_block_setting_the_name_twice_keeps_its_first_definition():
    # its claims are checked after all its rows are read: a second definition would reach the first row's claims
    text = ("## Rules\n\n$$g(s) = 1/s" + _ARROW + "\\frac{dg}{ds} = -1/s^2 \\\\ g(s) = e^s" + _ARROW
            + "\\frac{dg}{ds} = e^s$$\n")
    (block,) = [b for b in check_notes(text, path="<test>", budget=5.0).blocks if b.kind == "display"]
    assert block.definitions == ("g(s)",) and block.steps[0].verdict == "proved", block.steps
