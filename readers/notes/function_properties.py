r"""A property the notes give a function in words, and the parameters it binds.

"$f$ is $L$-smooth if $\|\nabla f(x) - \nabla f(y)\| \le L\|x - y\|$", "$\mu$-strongly convex if $f(y) \ge f(x) +
\nabla f(x)^\top (y - x) + \frac{\mu}{2}\|y - x\|^2$", "$\gamma$-Lipschitz if $|g(s) - g(t)| \le \gamma|s - t|$":
a relation between values of a function at points it quantifies over (the arguments ``x``, ``y``) and parameters
(``L``, ``\mu``, ``\gamma``).  For a concrete function the property holds for some values of its parameters only
(``f(x) = a x^2 / 2`` is L-smooth for L >= a), and a later claim that uses it
(``f(y) \le f(x) - \frac{1}{2L}\|\nabla f(x)\|^2`` at ``y = x - \nabla f(x)/L``) fails where it does not hold: a
point there (L = 1/2, a = 1) is no counterexample.  The check cannot impose a property quantified over all points,
so a refutation on a bound parameter is ``undecided`` (readers.notes.check ``narrower``).

:func:`bound_parameters` gives the parameters: the names of the relation outside every function application's
arguments.  A relation with no application of a function (``\eta\lambda > 2``) states no property of one.  In words alone
("If $f$ is $L$-smooth then ...", "for a $\mu$-strongly convex $f$") the name written right before the property's
word is its parameter (:func:`worded_parameter`).
"""
from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef


import re

_WORDED = re.compile(r"^\s*-\s*(?:smooth|lipschitz|strongly[\s-]+convex|strongly[\s-]+monotone|convex|co-?coercive)\b",
                     re.IGNORECASE)
r"""The words right after a name that make it a function's parameter: ``$L$-smooth``, ``$\mu$-strongly convex``."""


def worded_parameter(after: str) -> str | None:
    """The property the words ``after`` an inline name give it as a function's parameter ("-smooth"), else None."""
    found = _WORDED.match(after)
    return found.group(0).strip(" -") if found else None


def bound_parameters(relations) -> set:
    """The parameter names of ``relations`` (sympy relations) that state a property of a function."""
    out = set()
    for r in relations:
        if not isinstance(r, sp.core.relational.Relational):
            continue
        a, b = r.lhs, r.rhs
        applications = set().union(*(e.atoms(AppliedUndef) for e in (a, b)))
        if not applications:
            continue
        points = set().union(*(arg.free_symbols for f in applications for arg in f.args))
        out |= {x for x in (a - b).free_symbols if isinstance(x, sp.Symbol)} - points
    return out
