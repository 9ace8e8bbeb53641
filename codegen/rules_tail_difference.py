r"""A difference of a distribution function at two points in its upper tail, taken from the other end
(:mod:`codegen.rules` registers it).

========================  =====================================================================
rule                      identity
========================  =====================================================================
``tail_difference``       $\operatorname{erf} u - \operatorname{erf} v = 2(\Phi(-\sqrt2 v) - \Phi(-\sqrt2 u))$, $\Phi(u) - \Phi(v) = \Phi(-v) - \Phi(-u)$, $\arctan u - \arctan v = \arctan\frac{u - v}{1 + u v}$ ($u v > -1$)
========================  =====================================================================

The mass of an interval, $F(u) - F(v)$ for a distribution function $F$ (a soft histogram bin
$\tfrac12(\operatorname{erf}\frac{a + w - x}{\sqrt2\sigma} - \operatorname{erf}\frac{a - x}{\sqrt2\sigma})$, an
interval-censored likelihood), cancels where both points are in the upper tail: both values round to 1 and the
difference keeps the rounding of 1, not the mass ($\operatorname{erf} 5.9 - \operatorname{erf} 4.7$ has 5 digits
of 16, at $u, v > 8.3$ none).  Measured from the other end, $\operatorname{erfc} v - \operatorname{erfc} u$, each
term is a small number computed to full relative precision.  The new form is taken where the points lean to the
upper tail ($u + v > 0$ for erf and $\Phi$, which are odd about 0 and $\tfrac12$); elsewhere the difference stays
as written.  The arctangent has the subtraction formula instead, exact for $u v > -1$ (the angle of
$(1 + iu)(1 - iv)$): with $u - v$ simplified symbolically ($\frac{w}{\gamma}$ for the interval $[a, a + w]$ of a
Cauchy likelihood) nothing cancels; it is taken where both points are in one tail ($u v > 1$).  A difference of erfs is taken as one of $\Phi$ first,
$\operatorname{erf} u - \operatorname{erf} v = 2(\Phi(\sqrt2 u) - \Phi(\sqrt2 v))$: in its lower tail each $\Phi$ is
small and exact (scipy's ``ndtr``), where $\operatorname{erf}$ rounds to $-1$.

A function ``expr -> expr`` (a rule's ``apply``); this module knows nothing of the registry.
"""
from __future__ import annotations

import sympy as sp

from symbolic.functions import ndtr

FUNCTIONS = (sp.erf, ndtr, sp.atan)


def _pair(e: sp.Add):
    """``(rest, k, F, u, v)`` where the sum ``e`` is ``rest + k F(u) - k F(v)`` for one of :data:`FUNCTIONS`, else None."""
    terms = list(e.args)
    for n, t in enumerate(terms):
        k, f = t.as_independent(*FUNCTIONS, as_Add=False)
        if not isinstance(f, FUNCTIONS) or k.has(*FUNCTIONS):
            continue
        for m, s in enumerate(terms):
            if m == n:
                continue
            k2, g = s.as_independent(*FUNCTIONS, as_Add=False)
            if g.func is f.func and g != f and sp.simplify(k + k2) == 0:
                rest = [a for q, a in enumerate(terms) if q not in (n, m)]
                return rest, k, f.func, f.args[0], g.args[0]
    return None


def tail_difference(expr: sp.Expr) -> sp.Expr:
    r"""$k(F(u) - F(v))$ measured from the tail it leans to, as written elsewhere (module docstring)."""
    def value(e):
        rest, k, F, u, v = _pair(e)
        written = k * F(u) - k * F(v)
        if F is sp.erf:  # erf x = 2 Phi(sqrt 2 x) - 1 (sympy would fold erfc(-u) back into 2 - erfc(u))
            k, F, u, v = 2 * k, ndtr, sp.sqrt(2) * u, sp.sqrt(2) * v
            written = k * F(u) - k * F(v)
        if F is ndtr:
            new = sp.Piecewise((k * (ndtr(-v) - ndtr(-u)), u + v > 0), (written, True))
        else:
            new = sp.Piecewise((k * sp.atan(sp.cancel(u - v) / (1 + u * v)), u * v > 1), (written, True))
        return sp.Add(*rest) + new

    return expr.replace(lambda e: isinstance(e, sp.Add) and _pair(e) is not None, value)
