r"""Integrals of polynomials over finite polynomial limits, done exactly before a claim is sampled.

.. math:: 12 \int_0^1 \int_0^1 uv\,\bigl(1 + \theta(1 - u)(1 - v)\bigr)\,du\,dv - 3 = \frac{\theta}{3}

Such an integral is a polynomial in the names it leaves free (the antiderivative of a polynomial is exact algebra, as
``cancel`` is), so the claim is one of closed forms and is decided at a point exactly like any other.  Sampled as an
integral, every point costs a quadrature with two methods agreeing, and a double integral with a parameter ran out of
time before one point was decided.  Other integrals (transcendental integrands, infinite limits) are left as they are.
"""
from __future__ import annotations

from dataclasses import replace

import sympy as sp


def _polynomial(integral: sp.Integral) -> bool:
    """Whether ``integral``'s integrand is a polynomial in its variables and its limits finite polynomials."""
    variables = [limit[0] for limit in integral.limits]
    if any(len(limit) != 3 for limit in integral.limits):
        return False
    ends = [end for limit in integral.limits for end in limit[1:]]
    if any(end.has(sp.oo, -sp.oo, sp.zoo) or not end.is_polynomial(*variables) for end in ends):
        return False
    return integral.function.is_polynomial(*variables) and not integral.function.has(sp.Integral)


def integrate_polynomials(expr: sp.Expr) -> sp.Expr:
    """``expr`` with each integral of a polynomial over finite polynomial limits replaced by its exact value."""
    if not isinstance(expr, sp.Basic) or not expr.has(sp.Integral):
        return expr
    done = {i: sp.expand(i.doit()) for i in expr.atoms(sp.Integral) if _polynomial(i)}
    done = {i: v for i, v in done.items() if not v.has(sp.Integral)}
    return expr.xreplace(done) if done else expr


def with_polynomial_integrals_done(inst):
    """The instance with :func:`integrate_polynomials` applied to both sides (the same instance when nothing changed)."""
    lhs, rhs = integrate_polynomials(inst.lhs), integrate_polynomials(inst.rhs)
    return inst if (lhs, rhs) == (inst.lhs, inst.rhs) else replace(inst, lhs=lhs, rhs=rhs)
