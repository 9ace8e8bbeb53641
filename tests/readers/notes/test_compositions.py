"""A function written out anew as the composition of functions defined before it is proved to agree with them
(readers.notes.compositions); a body that differs stays a new definition, never refuted."""
from readers.notes.check import check_notes

_NOTE = ("## Composition\n\nWe build a function from pieces:\n\n"
         "$$\\begin{aligned} g(p, q) & = p q + 1 \\\\ p(s) & = s + 1, \\qquad q(s) = s - 1. \\end{aligned}$$"
         "\n\nWriting everything out,\n\n$$g(s) = {body}.$$\n")


def _written_out(body):
    report = check_notes(_NOTE.replace("{body}", body), path="<test>", budget=5.0)
    return [b for b in report.blocks if b.kind == "display"][-1]


def test_the_composition_written_out_is_proved():
    block = _written_out("s^2")
    assert block.verdict == "proved" and "composed" in block.steps[0].method, block.steps
    assert "g(s)" in " ".join(block.definitions), block.definitions


def test_another_body_is_a_new_definition_not_a_refutation():
    block = _written_out("s^2 + 1")
    assert block.role == "definition" and block.verdict is None, block.steps
