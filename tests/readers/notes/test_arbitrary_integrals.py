r"""Integral identities in functions the notes leave arbitrary (readers.notes.arbitrary): checked on random
quadratics, whose compositions integrate in closed form; a wrong rule is never confirmed."""
from readers.notes.check import check_notes

_NOTE = """## Substitution

Let $G(t) = \\int_0^t g(s) \\; ds$ and compose it with a function $v$. Then

$$ {claim} $$
"""


def last(claim):
    return check_notes(_NOTE.replace("{claim}", claim), path="<test>").blocks[-1]


def test_change_of_variables_is_verified():
    block = last(r"\int_{v(0)}^{v(t)} g(s) \; ds = \int_0^t g(v(s)) \frac{dv}{ds} \; ds")
    assert block.verdict == "verified", block.steps
    assert "random smooth functions g, v" in block.steps[0].method


def test_through_the_antiderivative_is_verified():
    block = last(r"G(v(t)) - G(v(0)) = \int_0^t \frac{dG}{dv}(v(s)) \cdot \frac{dv}{ds} \; ds")
    assert block.verdict == "verified", block.steps


def test_the_rule_without_the_derivative_factor_is_not_confirmed():
    # int_{v(0)}^{v(t)} g = int_0^t g(v(s)) ds fails for g = 1, v(s) = 2s: 2t against t (by hand)
    block = last(r"\int_{v(0)}^{v(t)} g(s) \; ds = \int_0^t g(v(s)) \; ds")
    assert block.verdict != "verified", block.steps
