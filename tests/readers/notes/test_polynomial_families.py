r"""Recurrences of a polynomial family the prose names (readers.notes.polynomial_families).

Made-up documentation in the style of a library's docstrings (not corpus text): once the prose says "Legendre
polynomial $P_{n}(x)$", the recursion displayed below it is a claim about Legendre's polynomials, not a definition of
``P_{n+1}``.  A wrong recurrence is refuted at a degree and an argument (exact rationals: the expected sides are
computed by hand from the textbook polynomials), a right one is verified; a family the prose does not pin down (a bare
"Hermite polynomial", of two normalisations, or a shifted Chebyshev polynomial) binds nothing.
"""
from __future__ import annotations

import pytest

from readers.notes.check import check_notes

_DOC = """# poly

NAME :math:`LETTER_{n}(x)`.

If $n = 0$, $1$ is returned. Otherwise, the recursion:

$$LETTER_{n + 1}(x) = RHS$$

is evaluated.
"""
_CHEBYSHEV = r"2 \times x \times T_{n}(x) - T_{n - 1}(x)"


def _display(name, letter, rhs):
    text = _DOC.replace("NAME", name).replace("LETTER", letter).replace("RHS", rhs.replace("T_", letter + "_"))
    return next(b for b in check_notes(text).blocks if b.kind == "display")


@pytest.mark.parametrize("name, letter, rhs, verdict, witness", [
    # P_2(1/2) = (3/4 - 1)/2 = -1/8; 2 (1/2) P_1(1/2) - P_0 = 1/2 - 1 = -1/2
    ("Legendre polynomial", "P", _CHEBYSHEV, "refuted", {"n": "1", "x": "1/2", "lhs": "-1/8", "rhs": "-1/2"}),
    # He_2 = x^2 - 1: -3/4 at 1/2; 2 (1/2)(1/2) - 1 = -1/2
    ("Probabilist's Hermite polynomial", "He", _CHEBYSHEV, "refuted", {"n": "1", "lhs": "-3/4", "rhs": "-1/2"}),
    ("Physicist's Hermite polynomial", "H", r"2 x H_{n}(x) - 2 n H_{n - 1}(x)", "verified", None),
    ("Chebyshev polynomial of the first kind", "T", _CHEBYSHEV, "verified", None),
    ("Hermite polynomial", "H", _CHEBYSHEV, None, None),  # physicists' or probabilists': not pinned down
    ("Shifted Chebyshev polynomial of the first kind", "T", _CHEBYSHEV, None, None),
])
def test_a_recurrence_of_a_named_family_is_a_claim_about_it(name, letter, rhs, verdict, witness):
    block = _display(name, letter, rhs)
    assert block.verdict == verdict
    if witness is not None:
        assert witness.items() <= block.steps[0].counterexample.items()
