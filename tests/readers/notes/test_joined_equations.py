r"""Two equations on one row joined by "and", ``\quad``, ``\qquad`` or ``;`` (Math4ML's ``F(t) := \phi(t) \quad
\text{and} \quad G(t) := h(t)``) are two rows, so both definitions are made and both claims checked; a bare comma,
or a second equation about a name the first one uses (``y = a x + b, \quad b = 2``), keeps its reading as a
condition (readers.latex.joined).

And a definition whose body uses its own name once the definitions above are put in (``\theta = \arccos(\dots)``
after ``w = (s\cos\theta, s\sin\theta)``, as in d2l's geometry chapter once both vectors of its "and" row are
defined) names it but is never substituted: substituted, it put the name back each round, and later claims grew to
425,976 operations (that file's check went from 3 s to 150 s).  Values by hand: R(2) = 2^3 - 2^2 = 4,
G(1) = R(1) = 0, F(3) = T(3) = 9, b_2 = 0.2 + 2 \cdot 0.4 = 1."""
import pytest
import sympy as sp

import readers.notes.check as notes_check
from readers.latex.parse import parse_block
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

$$a_1 = 0.2, \quad a_2 = 0.4 \qquad b_1 = a_1 + 2 a_2; \; b_2 = a_1 + 2 a_2 = 1$$
"""


@pytest.fixture(scope="module")
def steps():
    return {s.lhs: s for b in check_notes(TEXT, budget=BUDGET).blocks for s in b.steps}


@pytest.mark.parametrize("claim", ["R(2)", "G(1)", "F(3)", "a_1 + 2*a_2"])
def test_every_equation_of_a_joined_row_is_read(steps, claim):
    assert steps[claim].verdict == "proved", steps[claim].reason


@pytest.mark.parametrize("latex, rows", [
    (r"x = 3, y = 4", 1),  # a bare comma: no statement break
    (r"y = a x + b, \quad b = 2", 1),  # b = 2 is a condition of the first equation
    (r"f(x) = x^2 \quad \text{and} \quad f(2) = 4", 1),  # about the f the first row defines
    (r"y = \sqrt{x} \qquad x \ge 0", 1),  # not two equations
    (r"u = 1 \quad\text{and}\quad v = 2; \quad w = 3", 3),
])
def test_only_independent_equations_are_split(latex, rows):
    assert len(parse_block(latex).rows) == rows


CIRCULAR = r"""# B

$$a = r\cos(\theta) \quad\text{and}\quad b = r\sin(\theta)$$

so that

$$\theta = \arccos\left(\frac{a}{\sqrt{a^2 + b^2}}\right).$$

Then $$a^2 + b^2 = r^2.$$
"""


def test_a_definition_through_its_own_name_is_not_substituted(monkeypatch):
    sizes = []
    expand = notes_check._NotesReader.expand

    def measured(self, expr):
        out = expand(self, expr)
        sizes.append(sp.count_ops(out))
        return out

    monkeypatch.setattr(notes_check._NotesReader, "expand", measured)
    report = check_notes(CIRCULAR, budget=BUDGET)
    (block,) = [b for b in report.blocks if "= r^2" in b.source]
    assert block.verdict == "proved", [s.reason for s in block.steps]
    assert max(sizes) <= 40, max(sizes)  # a, b, theta's bodies: a few operations each (24,056 when theta's
    # body, which holds theta twice, was put in on each of the 8 rounds of expansion)
