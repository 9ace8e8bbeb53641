r"""Applications of functions the notes never define, read as arbitrary values (``\nabla J(v)``), and a run of
letters applied beside its last letter's function (``Ag(t)`` beside ``g(t)``) read as a product
(readers.notes.arbitrary): confirmed only when the claim holds that way; never a wrong step."""
import pytest

from readers.notes.check import check_notes


def last(latex):
    text = f"## Steps\n\nOne step of the method:\n\n$$ {latex} $$\n"
    return check_notes(text, path="<test>").blocks[-1]


@pytest.mark.parametrize("latex", [
    r"v - \alpha\bigl(\nabla J(v) + \mu v\bigr) = (1 - \alpha\mu)\,v - \alpha\nabla J(v)",
    r"\frac{d}{dt} [Ag(t)] = A \frac{d}{dt} g(t)",
])
def test_holds_whatever_the_functions_are(latex):
    block = last(latex)
    assert block.verdict in ("proved", "verified"), block.steps


@pytest.mark.parametrize("latex", [
    # (1 - a m) v - 2 a G differs from v - a (G + m v) by a G: at a = 1, G = 1 they differ (by hand)
    r"v - \alpha\bigl(\nabla J(v) + \mu v\bigr) = (1 - \alpha\mu)\,v - 2\alpha\nabla J(v)",
    # d/dt [A g(t)] = A g'(t), not g'(t): with A = 2, g = t they differ (by hand)
    r"\frac{d}{dt} [Ag(t)] = \frac{d}{dt} g(t)",
    # a derivative must not see through a value: d/dx (k(x)^2) = 2 k(x) k'(x), not 2 k(x)
    r"\frac{d}{dx} \bigl(\nabla k(x)\bigr)^2 = 2 \nabla k(x)",
])
def test_a_wrong_step_is_not_confirmed(latex):
    block = last(latex)
    assert block.verdict not in ("proved", "verified"), block.steps
