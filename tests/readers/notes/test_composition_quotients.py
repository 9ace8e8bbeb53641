r"""Leibniz quotients of the functions of a composition (readers.notes.leibniz): after ``f(x) = U(V(W(x)))``,
``\frac{dU}{dV}`` is ``U'(V(W(x)))``; the chain rule written so holds for every U, V, W (verified on random smooth
functions), and a wrong chain rule is never confirmed."""
from readers.notes.check import check_notes

_NOTE = """## The chain rule

Take a composite function

$$ {definition} $$

Its derivative is

$$ {claim} $$
"""


def last(definition, claim):
    text = _NOTE.replace("{definition}", definition).replace("{claim}", claim)
    return check_notes(text, path="<test>").blocks[-1]


def test_three_functions_composed():
    block = last("y(t) = U(V(W(t)))", r"\frac{dy}{dt} = \frac{dU}{dV} \frac{dV}{dW} \frac{dW}{dt}")
    assert block.verdict == "verified", block.steps
    assert "random smooth functions" in block.steps[0].method


def test_two_lowercase_functions_composed():
    block = last("w(s) = u(v(s))", r"\frac{dw}{ds} = \frac{du}{dv} \cdot \frac{dv}{ds}")
    assert block.verdict == "verified", block.steps


def test_a_link_left_out_is_not_confirmed():
    # d/dt U(V(W(t))) = U'(V(W(t))) V'(W(t)) W'(t), not U'(V(W(t))) V'(t) : sympy says they differ for
    # U = V = W = sin (by hand: at t = 1 the two sides are 0.26 and 0.40)
    block = last("y(t) = U(V(W(t)))", r"\frac{dy}{dt} = \frac{dU}{dV} \frac{dV}{dt}")
    assert block.verdict != "verified", block.steps


def test_a_second_composite_under_the_same_name_is_a_new_definition():
    text = _NOTE.replace("{definition}", "g(x) = A(B(x))").replace("{claim}", "g(x) = h(k(x))") + \
        "\nand so\n\n$$ \\frac{dg}{dx} = \\frac{dh}{dk} \\frac{dk}{dx} $$\n"
    blocks = check_notes(text, path="<test>").blocks
    assert blocks[-2].role == "definition", blocks[-2]
    assert blocks[-1].verdict == "verified", blocks[-1].steps
