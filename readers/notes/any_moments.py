r"""A moment claim that fails whatever the moments are: each $\mathbb{E}[\cdot]$, $\operatorname{Var}(\cdot)$ taken
as a free real number.

.. math:: \frac{\mathbb{E}[Y_j]}{q^2} + \frac{1 - \mathbb{E}[Y_j]}{(1-q)^2} = -\frac{1}{q(1-q)}
          \quad\text{at } q = \tfrac12:\quad 4\,\mathbb{E}[Y_j] + 4 - 4\,\mathbb{E}[Y_j] = 4 \ne -4 .

Whatever the joint law of the random variables (independent or not, and whichever law a parameter like $q$ fixes),
each moment is some real number.  So a claim whose two sides differ, at one value of its other names, for *every*
real value of its moments fails for every law there: a counterexample that needs no reading of the law.  The
difference $\text{lhs} - \text{rhs}$ is taken over one denominator; its numerator, a polynomial in the moments, fails
for every value of them when at the chosen point all its terms in the moments vanish and its constant term does not
(the point is found by solving those coefficients for the one other name), or, with a single moment, when it has no
real root.  Names a stated condition restricts are never given a value here (the point might break the condition).

The point is never a whole number.  There a law's moment may not exist: a true claim written as
$a(q)\,\mathbb{E}[Y] = b(q)$ has $\mathbb{E}[Y] = b(q)/a(q)$, whose pole sits where $a$ vanishes, and the moments of
the usual families blow up at whole values of their parameters ($\mathbb{E}[Y] = (1 - q)/q$ failures before a first
success at $q = 0$, $\operatorname{Var}(T) = \nu/(\nu - 2)$ at $\nu = 2$, a Pareto mean at $\alpha = 1$).  So
$q\,\mathbb{E}[Y_j] = 1 - q$, true of those counts, is not refuted at $q = 0$.
"""
from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef

from readers.notes.moments import OPERATORS

METHOD = "fails for every value of its moments"


def fails_whatever_moments(lhs, rhs, restricted: frozenset = frozenset()) -> tuple[dict, str] | None:
    r"""``(counterexample, reason)`` when ``lhs = rhs`` fails at one value of its names outside the moments for every
    real value of its moments, else None.  ``restricted``: names (as written) that a stated condition restricts; a
    claim needing a value for one of them is not decided here."""
    apps = sorted({a for e in (lhs, rhs) for a in e.atoms(AppliedUndef) if a.func.__name__ in OPERATORS}, key=str)
    if not apps:
        return None
    if any(a.func.__name__ not in OPERATORS for e in (lhs, rhs) for a in e.atoms(AppliedUndef)) \
            or any(e.has(sp.Sum, sp.Product, sp.Integral, sp.Derivative, sp.Limit) for e in (lhs, rhs)):
        return None  # another unknown function, or a moment inside a sum: not one real number per moment
    moments = {a: sp.Dummy(f"m{k}", real=True) for k, a in enumerate(apps)}
    inside = set().union(*(a.free_symbols for a in apps))
    difference = (lhs - rhs).xreplace(moments)
    names = difference.free_symbols - set(moments.values())
    if names & inside or any(isinstance(x, sp.Indexed) for x in names):
        return None  # a random variable outside its moment: its value is random, not a name to set
    try:
        numerator, denominator = sp.fraction(sp.cancel(sp.together(difference)))
        if denominator.free_symbols & set(moments.values()):
            return None
        poly = sp.Poly(numerator, *moments.values())
    except (sp.PolynomialError, sp.GeneratorsNeeded, TypeError, ValueError):
        return None
    varying = [c for m, c in poly.terms() if any(m)]
    if not varying or len(names) > 1 or {str(x) for x in names} & set(restricted):
        return None  # no moment in the difference: an equation in the other names, not this reading's to decide
    for point in _points(varying, names):
        below = denominator.xreplace(point)
        if not below.is_number or not below.is_nonzero or not all(v.is_real for v in point.values()):
            continue
        at = sp.Poly(numerator.xreplace(point), *moments.values())
        shown = {str(x): str(v) for x, v in point.items()}
        if at.is_ground and at.as_expr().is_nonzero:
            return ({**shown, "lhs - rhs": f"{sp.simplify(at.as_expr() / below)} for every value of the moments"},
                    f"{METHOD}: {_at(point)}lhs - rhs does not depend on {', '.join(map(str, apps))} and is not 0")
        if len(moments) == 1 and not at.is_ground and at.count_roots() == 0:
            return ({**shown, "lhs - rhs": f"not 0 for any real value of {apps[0]}"},
                    f"{METHOD}: {_at(point)}lhs - rhs, a polynomial in {apps[0]}, has no real root")
    return None


def _points(varying, names):
    """Values of ``names`` (at most one) at which every coefficient in ``varying`` vanishes; {} when there is no name."""
    if not names:
        yield {}
        return
    name, = names
    try:
        roots = sp.solve(varying, name, dict=True)
    except (NotImplementedError, TypeError, ValueError):
        return
    for root in roots[:4]:
        value = root.get(name)
        if value is not None and value.is_number and not value.is_integer:  # no pole of a moment (docstring)
            yield {name: value}


def _at(point) -> str:
    return "at " + "".join(f"{x} = {v}, " for x, v in point.items()) if point else ""
