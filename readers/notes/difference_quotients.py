r"""Limits of difference quotients read as derivatives: :math:`\lim_{x \to c} \frac{F(x) - F(c)}{x - c} = F'(c)`,
:math:`\lim_{h \to 0} \frac{F(x + h) - F(x)}{h} = F'(x)`.

A limit :math:`\lim_{x \to c} N(x) / D(x)` whose numerator and denominator both vanish at ``c`` as written
(``N(c)`` and ``D(c)`` simplify to 0) and whose denominator has a non-zero number for derivative there equals

.. math:: \frac{N'(c)}{D'(c)}

for every numerator differentiable at ``c`` (the definition of the derivative; l'Hôpital's rule with one step).
Only limits of a numerator in functions the notes leave unknown are read so (sympy takes the limit of anything
else itself), and the claim they leave is one about derivatives of arbitrary functions, which the caller checks
with those functions replaced by random smooth ones (readers.notes.arbitrary): evidence, never a proof.
"""
from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef


def as_derivatives(sides) -> list | None:
    """``sides`` with each limit of a difference quotient of unknown functions written as a derivative; None when
    there is none."""
    changed = False

    def derivative(limit):
        nonlocal changed
        expr, x, c = limit.args[:3]
        if not expr.atoms(AppliedUndef) or c.has(sp.oo, -sp.oo, sp.zoo):
            return limit
        num, den = sp.together(expr).as_numer_denom()
        try:
            if not den.has(x) or sp.simplify(num.subs(x, c)) != 0 or sp.simplify(den.subs(x, c)) != 0:
                return limit
            slope = sp.simplify(sp.diff(den, x).subs(x, c))
        except Exception:  # noqa: BLE001 - sympy could not evaluate at the limit point: left as written
            return limit
        if not (slope.is_number and slope.is_nonzero):
            return limit
        changed = True
        return sp.diff(num, x).subs(x, c) / slope

    out = [e.replace(lambda e: isinstance(e, sp.Limit), derivative) for e in sides]
    return out if changed else None
