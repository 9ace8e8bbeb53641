r"""An arbitrary function and its derivatives by order (``f'``, ``f^{(k)}``, ``f^{(n+1)}``), and a row that restates a
name defined in an earlier section (``T_n(a) = f(a)``): confirmed when they hold, never refuted, never verified when
they fail (readers.notes.derivative_orders; the reader's earlier_definition_as_claim)."""
import random

import pytest
import sympy as sp

from readers.notes.check import check_notes
from readers.notes.derivative_orders import _draw, derivative_of

BUDGET = 30.0
"""Seconds per claim: far above the fraction of a second these take."""

TAYLOR = r"""# Taylor's theorem

Let

$$
T_n(t) = \sum_{k=0}^{n} \frac{f^{(k)}(a)}{k!}(t-a)^k
\quad \text{and} \quad
R_{n+1}(x) = f(x) - T_n(x)
$$

## Step 2

$$
\phi(t) = f(t) - T_n(t) - \frac{f^{(n+1)}(x)}{(n+1)!}(t-a)^{n+1}
$$

* since $T_n(a) = f(a)$, $\phi$ vanishes at $a$
* $\phi(x) = f(x) - T_n(x) - \frac{f^{(n+1)}(x)}{(n+1)!}(x - a)^{n+1}$
* $\phi(x) = R_{n+1}(x) + f^{(n+1)}(x)$

Also $f'(x) f'(x) = f''(x) f(x)$.
"""


pytestmark = pytest.mark.xdist_group("derivative_orders")
"""The module's tests run in one xdist worker (``--dist loadgroup``): the Taylor note (``taylor``, 2.7 s of CPU) is
then checked once, not once in each worker its four claims are sent to."""


@pytest.fixture(scope="module")
def taylor():
    return {b.source.strip("$ \n"): b for b in check_notes(TAYLOR, budget=BUDGET).blocks}


@pytest.mark.parametrize("source, verdict", [
    (r"T_n(a) = f(a)", "verified"),  # about T_n of the first section (its k = 0 term): a claim, not a new T_n
    (r"\phi(x) = f(x) - T_n(x) - \frac{f^{(n+1)}(x)}{(n+1)!}(x - a)^{n+1}", "verified"),  # T_n kept its body
    (r"\phi(x) = R_{n+1}(x) + f^{(n+1)}(x)", "undecided"),  # false for arbitrary f: never verified, never refuted
    (r"f'(x) f'(x) = f''(x) f(x)", "undecided"),  # true for one exponential only: the drawn sums are not one
])
def test_claims_in_derivatives_by_order(taylor, source, verdict):
    assert taylor[source].verdict == verdict, taylor[source].steps


def test_orders_are_read_from_the_written_name():
    assert derivative_of("f^{(n+1)}") == ("f", ("n", 1))
    assert derivative_of("f^{(k-1)}") == ("f", ("k", -1))
    assert derivative_of("f^{(4)}") == ("f", 4)
    assert derivative_of("g''") == ("g", 2)
    assert derivative_of("f^{(n^2)}") is None and derivative_of("f") is None


def test_the_drawn_family_has_every_derivative_in_closed_form():
    derivative, t, m = _draw(random.Random(1)), sp.Symbol("t", real=True), sp.Symbol("m", integer=True)
    for order in (0, 1, 2, 5):
        assert sp.simplify(sp.diff(derivative(order, t), t) - derivative(order + 1, t)) == 0
    assert sp.simplify(sp.diff(derivative(m, t), t) - derivative(m + 1, t)) == 0


def test_a_later_section_restating_a_definition_is_a_claim_about_it():
    # g defined in one section; a later section writes g(x) again: a claim when it agrees, a new g when not
    text = "# A\n\n$$g(x) = x^2 + 1$$\n\n# B\n\n$$g(x) = (x + 1)^2 - 2x$$\n\n# C\n\n$$g(x) = x^3$$\n\n$$g(2) = 8$$\n"
    blocks = check_notes(text, budget=BUDGET).blocks
    assert [(b.role, b.verdict) for b in blocks][1:] == [("claim", "proved"), ("definition", None),
                                                         ("claim", "proved")], blocks
