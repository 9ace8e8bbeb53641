r"""Leibniz notation for a function the claim applies (readers.notes.leibniz): $\frac{dh}{dt}$ beside
$h(t)$ is $h'(t)$.  The notes here are made up, not corpus text."""
from __future__ import annotations

import sympy as sp

from readers.notes.check import check_notes
from readers.notes.leibniz import LEIBNIZ_NOTE, leibniz_reading

t, s, a, b = sp.symbols("t s a b", real=True)
h, G, u = sp.Function("h"), sp.Function("G"), sp.Function("u")
h_name = sp.Symbol("h", real=True)

_CHAIN = r"""# Chain rule under an integral

Write $G(t) = \int_0^t g(s)\,ds$ for a smooth $g$.

$$
\frac{d}{dt}G(h(t)) = \frac{dG}{dh}(h(t))\cdot {factor}.
$$

A typical choice is $h(t) = t^3 + 1$.
"""


def _claim(text):
    (block,) = [b for b in check_notes(text).blocks if b.steps]
    return block


def test_the_derivative_of_an_applied_name_is_the_derivative_of_the_function():
    block = _claim(_CHAIN.replace("{factor}", r"\frac{dh}{dt}"))
    assert block.verdict == "verified"
    assert LEIBNIZ_NOTE in block.steps[0].method and "random smooth functions" in block.steps[0].method


def test_a_wrong_chain_rule_is_not_confirmed():
    block = _claim(_CHAIN.replace("{factor}", r"\frac{dh}{dt}\cdot h(t)"))
    assert block.verdict not in ("proved", "verified")


def test_the_reading_rewrites_only_derivatives_of_applied_names():
    lhs, rhs = sp.Derivative(G(h(t)), t), sp.Derivative(h_name, t) * G(h(t))
    assert leibniz_reading(lhs, rhs) == (lhs, sp.Derivative(h(t), t) * G(h(t)))
    # u applied to one list of arguments: du/da is the partial derivative of u(a, b)
    assert leibniz_reading(u(a, b), sp.Derivative(sp.Symbol("u", real=True), a)) == \
        (u(a, b), sp.Derivative(u(a, b), a))


def test_a_name_that_also_stands_alone_keeps_its_reading():
    assert leibniz_reading(h(t) + h_name, sp.Derivative(h_name, t)) is None  # h is a value there too
    assert leibniz_reading(sp.Derivative(h_name, t), t) is None  # no application: nothing to read
