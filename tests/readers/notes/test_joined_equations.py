r"""Two equations in one row joined by "and" (``F(t) := \phi(t) \quad \text{and} \quad G(t) := h(t)``, Math4ML's
Taylor proof) are two rows: both definitions are read, where the second was a condition of the first and
never defined.  By hand: R(2) = 2^3 - 2^2 = 4, G(1) = R(1) = 0, F(3) = T(3) = 9."""
import pytest

from readers.notes.check import check_notes

BUDGET = 30.0
"""Seconds per claim: far above the second or so these take."""

TEXT = r"""# A

$$
T(t) = t^2
\quad \text{and} \quad
R(x) = x^3 - T(x)
$$

Then $R(2) = 4$.

$$F(t) := T(t) \quad \text{and} \quad G(t) := R(t)$$

So $G(1) = 0$ and $F(3) = 9$.
"""


@pytest.fixture(scope="module")
def steps():
    return {s.lhs: s for b in check_notes(TEXT, budget=BUDGET).blocks for s in b.steps}


@pytest.mark.parametrize("claim", ["R(2)", "G(1)", "F(3)"])
def test_both_equations_joined_by_and_are_read(steps, claim):
    assert steps[claim].verdict == "proved", steps[claim].reason
