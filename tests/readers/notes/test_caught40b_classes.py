r"""Classes of real mistakes in calculus and numerical-analysis notes read past (or correct lines refuted) until round 40
(issue 12), one case each, with the near-misses that must not be refuted.  Each case fails on main (2ef2106): the
comment says how; each refutation carries a counterexample inside the stated conditions."""
import pytest
import sympy as sp

from readers.notes.truncation import constrained, on_grid
from tests.readers.notes.checked import (
    CONFIRMED,
    HOLDS,
    assert_block_verdicts,
    checked_blocks,
)

CASES = {
    # langtangen_truncation_errors 262/276: a Taylor expansion of an unknown function with a wrong coefficient kept
    # below its O(h^m) was undecided (a numeric order test refutes nothing); now the coefficient is compared exactly
    # with a random polynomial in place of u.  u(t+h) beside u'(t) was also read as the product u*(t+h).  The correct
    # centred difference and the correct expansion stay confirmed; O(n^2) about a count (n -> infinity) is not read so
    "a Taylor coefficient below the remainder": (
        "## A\n\nFor a smooth $u$ and a small step $h$,\n\n"
        "$$\\frac{u(t+h) - u(t-h)}{2h} = u'(t) + \\frac{h^2}{3}u'''(t) + O(h^4)$$\n\n"
        "$$\\frac{u(t+h) - u(t-h)}{2h} = u'(t) + \\frac{h^2}{6}u'''(t) + O(h^4)$$\n\n"
        "$$u(t+h) = u(t) + h u'(t) + \\frac{h^2}{2}u''(t) + O(h^3)$$\n\n"
        "For large $n$, $$(n+1)^3 = n^3 + O(n^2)$$\n",
        ["refuted", CONFIRMED, CONFIRMED, HOLDS]),
    # The same on a grid t_n = n dt: t_{n+1/2} was a name of its own (and the row a new definition of u(t_{n+1/2}));
    # now it is t_n + dt/2.  The near-miss: the same coefficient for a function the notes say solves u' = -a u is
    # not refuted (only solutions count)
    "a grid expansion": (
        "## A\n\nOn the grid $t_n = n\\Delta t$,\n\n"
        "$$u(t_{n+1/2}) = u(t_n) + \\frac{\\Delta t}{2}u'(t_n) + \\frac{\\Delta t^2}{4}u''(t_n) + O(\\Delta t^3)$$\n\n"
        "$$\\frac{u(t_{n+1}) + u(t_n)}{2} = u(t_{n+1/2}) + \\frac{\\Delta t^2}{8}u''(t_{n+1/2}) + O(\\Delta t^4)$$\n\n"
        "## B\n\nHere $u'(t) = -a u(t)$, and\n\n"
        "$$u(t_{n+1/2}) = u(t_n) + \\frac{\\Delta t}{2}u'(t_n) + \\frac{\\Delta t^2}{4}u''(t_n) + O(\\Delta t^3)$$\n",
        ["refuted", CONFIRMED, HOLDS]),
    # planted_mistakes_16 183/189: a recurrence written x_{k+1} = F(x_k) (the next step from this one) was no update,
    # so its closed form x_k = (1 - eta a)^k x_0 was checked with x_k free and refuted (a false alarm); now the
    # closed form is checked by running the recurrence, and a wrong one with its start stated is refuted
    "a forward recurrence and its closed form": (
        "## A\n\nGradient descent is $y_{k+1} = (1 - \\eta a) y_k$, hence\n\n$$y_k = (1 - \\eta a)^k y_0$$\n\n"
        "## B\n\nMomentum $v_{k+1} = \\beta v_k + g$ from $v_0 = 0$ gives\n\n"
        "$$v_k = \\frac{1 - \\beta^{k+1}}{1 - \\beta} g$$\n",
        [CONFIRMED, "refuted"]),
}


def _blocks(text):
    return [b for b in checked_blocks(text) if b.kind == "display"]


@pytest.mark.parametrize("name", sorted(CASES))
def test_round40b_class(name):
    text, expected = CASES[name]
    assert_block_verdicts(_blocks(text), expected)


def test_grid_points_and_stated_derivatives():
    r"""``t_{n+\frac{1}{2}}`` is ``t_n + \Delta t/2`` only beside ``t_n`` and the grid's step; a function is constrained
    where the notes state its derivative (``u' = -au``, ``\frac{dy}{dt} = ...``), not where they only apply it."""
    dt = sp.Symbol("Delta_t")
    half, tn, x1 = sp.Symbol("t_{n+\\frac{1}{2}}"), sp.Symbol("t_n"), sp.Symbol("x_{i+1}")
    assert on_grid([half - tn], dt) == [dt / 2]
    assert on_grid([half - sp.Symbol("n") * dt], dt) == [dt / 2]  # t_n read as n dt
    assert on_grid([x1 - tn], dt) == [x1 - tn]  # dt is no step of the x grid
    assert constrained(["Here $u'(t) = -a u(t)$."], ["u"]) == {"u"}
    assert constrained([r"$$\frac{dy}{dt} = f(y)$$"], ["y"]) == {"y"}
    assert constrained(["$$u(t+h) = u(t) + h u'(t) + O(h^2)$$"], ["u"]) == set()
