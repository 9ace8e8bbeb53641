r"""The angle between two vectors named in prose defines it (readers.notes.angles): a wrong cosine formula is
refuted with nonzero vectors, the right ones are not."""
import pytest
import sympy as sp

from readers.notes.check import check_notes

_NOTE = "## Similarity\n\nFor nonzero $a, b$ with angle $\\phi$ between them:\n\n$$ {claim} $$\n"


def _last(text):
    return [b for b in check_notes(text, path="<test>", budget=5.0).blocks if b.kind == "display"][-1]


def test_a_cosine_over_the_sum_of_the_norms_is_refuted_at_nonzero_vectors():
    block = _last(_NOTE.format(claim="\\cos\\phi = \\frac{a \\cdot b}{\\|a\\| + \\|b\\|}"))
    assert block.verdict == "refuted", block.steps
    example = block.steps[0].counterexample
    a, b = (sp.Rational(example[k]) for k in ("a", "b"))
    assert a != 0 and b != 0
    # re-evaluated: the angle between a and b (1-vectors) has cosine a b / (|a| |b|)
    assert sp.Rational(example["lhs"]) == a * b / (abs(a) * abs(b))
    assert sp.Rational(sp.nsimplify(example["rhs"])) != sp.Rational(example["lhs"])


@pytest.mark.parametrize("claim", [
    "\\cos\\phi = \\frac{a \\cdot b}{\\|a\\| \\|b\\|}",
    "a \\cdot b = \\|a\\| \\|b\\| \\cos\\phi",
    "\\cos\\phi \\le 1",
])
def test_the_right_cosine_formulas_are_not_refuted(claim):
    block = _last(_NOTE.format(claim=claim))
    assert block.verdict in ("proved", "verified"), block.steps


def test_the_angle_named_after_the_formula():
    note = "## Angle\n\nLet $\\psi$ be the angle between $p$ and $q$, both nonzero.\n\n$$\\cos\\psi = p q$$\n"
    block = _last(note)
    assert block.verdict == "refuted", block.steps


def test_an_angle_of_something_else_is_not_read():
    note = "## Rotation\n\nRotate by an angle $\\phi$ of your choice.\n\n$$\\cos\\phi = \\frac{a b}{|a| + |b|}$$\n"
    assert _last(note).verdict != "refuted"
