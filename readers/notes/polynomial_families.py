r"""Recurrences of a classical orthogonal polynomial family the prose names: a claim about that family.

Documentation names a polynomial and then states how it is computed:

    Legendre polynomial $P_{n}(x)$. ... the recursion
    $$P_{n + 1}(x) = 2 \times x \times P_{n}(x) - P_{n - 1}(x)$$ is evaluated.

Read alone, the display defines ``P_{n+1}`` by ``P_n`` and ``P_{n-1}``; but the prose has said what ``P_n`` is, so
it states that the named family satisfies the recurrence.  The families and the names read (sympy's, the standard
normalisations):

=============================================  ==========================================================
prose, right before ``$F_{n}(...)$``            read as
=============================================  ==========================================================
Chebyshev polynomial of the first kind          :math:`T_n`, ``chebyshevt``  (:math:`T_{n+1} = 2x T_n - T_{n-1}`)
Chebyshev polynomial of the second kind         :math:`U_n`, ``chebyshevu``  (:math:`U_{n+1} = 2x U_n - U_{n-1}`)
physicist's Hermite polynomial                  :math:`H_n`, ``hermite``  (:math:`H_{n+1} = 2x H_n - 2n H_{n-1}`)
probabilist's Hermite polynomial                :math:`He_n`, ``hermite_prob``  (:math:`He_{n+1} = x He_n - n He_{n-1}`)
Laguerre polynomial                             :math:`L_n`, ``laguerre``  (:math:`(n+1) L_{n+1} = (2n+1-x) L_n - n L_{n-1}`)
Legendre polynomial                             :math:`P_n`, ``legendre``  (:math:`(n+1) P_{n+1} = (2n+1) x P_n - n P_{n-1}`)
=============================================  ==========================================================

A qualifier that names another family (shifted, associated, generalized, normalized, monic, orthonormal, scaled)
binds nothing, and neither does a bare "Hermite polynomial" (two normalisations are in use).  Only a block whose
every applied function is the named one, at two or more degrees linear in one letter ``n`` and at one common
argument, is read: the recurrence is compared exactly, as polynomials in the argument, at the degrees ``n`` from
the least that keeps every degree non-negative to that plus :data:`DEGREES`.  Equal at all of them: *verified*
(exact at those degrees; evidence, not a proof for every ``n``).  Different at one: *refuted*, with the degree and
a rational argument where the two sides differ.
"""
from __future__ import annotations

import re

import sympy as sp
from sympy.core.function import AppliedUndef

from readers.notes.recurrences import subscript

DEGREES = 8
"""Degrees checked past the least one the recurrence allows."""
POINTS = (sp.Rational(1, 2), sp.Integer(2), sp.Rational(-1, 3), sp.Integer(3))
"""Rational arguments tried for a counterexample (a non-zero polynomial vanishes at none of them, or at a few)."""

_NOT_PLAIN = r"(?<!shifted )(?<!associated )(?<!generalized )(?<!generalised )(?<!normalized )(?<!normalised )" \
             r"(?<!monic )(?<!orthonormal )(?<!scaled )"
_FAMILIES = (
    (r"Chebyshev polynomials? of the first kind", sp.chebyshevt, "the Chebyshev polynomial of the first kind"),
    (r"Chebyshev polynomials? of the second kind", sp.chebyshevu, "the Chebyshev polynomial of the second kind"),
    (r"physicist(?:'s|s'|s)? Hermite polynomials?", sp.hermite, "the physicists' Hermite polynomial"),
    (r"probabilist(?:'s|s'|s)? Hermite polynomials?", sp.hermite_prob, "the probabilists' Hermite polynomial"),
    (r"Laguerre polynomials?", sp.laguerre, "the Laguerre polynomial"),
    (r"Legendre polynomials?", sp.legendre, "the Legendre polynomial"),
)
_NAMED = r"\s*(?:,\s*)?(?:denoted\s+|written\s+)?(?:\$|:math:`)\s*(?P<name>[A-Za-z]{1,2})_\{?\s*[a-z]\s*\}?\s*\("


def named_families(prose: str) -> dict:
    """``{letter: (sympy family, description)}`` for each family the prose names with its letter, e.g.
    "Legendre polynomial $P_{n}(x)$" gives ``{'P': (legendre, 'the Legendre polynomial')}``."""
    found = {}
    for phrase, family, shown in _FAMILIES:
        for m in re.finditer(_NOT_PLAIN + r"\b" + phrase + _NAMED, prose, flags=re.IGNORECASE):
            name = m.group("name")
            if name in found and found[name][0] is not family:
                found[name] = None  # one letter, two families: neither
            elif name not in found:
                found[name] = (family, shown)
    return {k: v for k, v in found.items() if v is not None}


def _degree(application, letter):
    """The degree of ``P_{n+1}(x)`` (``n + 1``) when ``application`` is the family ``letter``'s, else None."""
    found = subscript(application.func.__name__)
    if found is None or found[0] != letter or len(found[1]) != 1 or len(application.args) != 1:
        return None
    return found[1][0]


def family_recurrence(lhs, rhs, families: dict):
    """``(verdict, method, counterexample, described)`` for the equation ``lhs = rhs`` read as a recurrence of a
    named family (module docstring); None when it is not one."""
    applied = (lhs - rhs).atoms(AppliedUndef) if isinstance(lhs - rhs, sp.Basic) else set()
    letters = {subscript(a.func.__name__)[0] for a in applied if subscript(a.func.__name__) is not None}
    if not applied or len(letters) != 1 or next(iter(letters)) not in families:
        return None
    letter = next(iter(letters))
    family, shown = families[letter]
    degrees = {a: _degree(a, letter) for a in applied}
    arguments = {a.args[0] for a in applied}
    if any(d is None for d in degrees.values()) or len(set(degrees.values())) < 2 or len(arguments) != 1:
        return None
    steps = set().union(*(d.free_symbols for d in degrees.values()))
    (argument,) = arguments
    if len(steps) != 1 or not isinstance(argument, sp.Symbol) or argument in steps:
        return None
    (n,) = steps
    if any(sp.Poly(d, n).degree() != 1 or sp.Poly(d, n).LC() != 1 for d in degrees.values()):
        return None
    names = {n.name, argument.name}
    if {s.name for s in (lhs - rhs).free_symbols} - names:
        return None  # a name the family does not have: the notes mean something else
    x = sp.Dummy("x")
    degree_of = {s for s in (lhs - rhs).free_symbols | {n} if s.name == n.name}
    least = max(-(d - n) for d in degrees.values())
    least = max(least, 0)
    checked = range(least, least + DEGREES + 1)
    read = f"{letter}_n read as {shown} ({family.__name__}), as the prose names it"
    for k in checked:
        at = {a: family(int(d.subs(n, k)), x) for a, d in degrees.items()}
        sides = [sp.expand(side.xreplace(at).xreplace({**{s: k for s in degree_of}, argument: x}))
                 for side in (lhs, rhs)]
        difference = sp.expand(sides[0] - sides[1])
        if difference != 0:
            point = next((p for p in POINTS if difference.subs(x, p) != 0), None)
            if point is None:
                return None
            witness = {str(n): str(k), str(argument): str(point), "lhs": str(sides[0].subs(x, point)),
                       "rhs": str(sides[1].subs(x, point))}
            return "refuted", f"{read}; the sides compared exactly as polynomials at n = {k}", witness, shown
    exact = f"exact as polynomials at n = {checked.start}..{checked.stop - 1} (evidence, not a proof for every n)"
    return "verified", f"{read}; {exact}", None, shown
