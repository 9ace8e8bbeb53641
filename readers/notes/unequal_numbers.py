r"""A claim that two numbers differ, decided exactly: ``6 - 3 = 3 \ne 2``, ``\sqrt{2} \neq \frac{7}{5}``.

When both sides are numbers written out (no names), ``a \ne b`` holds exactly when $a - b$ simplifies to a nonzero
number, and fails when it simplifies to 0 (decimals are read as the fractions they write: 0.1 is 1/10).  Between expressions with names, ``\ne`` has two readings -- "not equal
for every value" (``D(P\|Q) \neq D(Q\|P)`` in general) and "equal for no value" -- which a witness cannot tell apart,
so those are left to the caller, which does not check them.
"""
from __future__ import annotations

import sympy as sp

from readers.notes.reading import is_literal

METHOD = "exact: the difference of the two numbers simplified"


def decide(lhs, rel: str, rhs) -> str | None:
    """'proved' or 'refuted' for ``lhs != rhs`` between two numbers, None otherwise."""
    if rel != "!=" or not all(is_literal(e) and e.is_number for e in (lhs, rhs)):
        return None
    exact = [e.xreplace({f: sp.Rational(str(f)) for f in e.atoms(sp.Float)}) for e in (lhs, rhs)]  # 0.1 is 1/10
    difference = sp.simplify(exact[0] - exact[1])
    if not difference.is_number or difference.has(sp.Float) or difference.is_zero is None:
        return None
    return "refuted" if difference.is_zero else "proved"
