r"""A condition on the value of a function the notes leave unknown, in force for a claim that does not use the function.

After "suppose $f'(x) \geq 0$ for all $x \in I$. Take any $x, y \in I$ where $x < y$", the claim $y - x > 0$ is about
$x$ and $y$ alone; the condition $f'(x) \geq 0$ is in force (it shares $x$) but a function the notes do not define has
no value at a point, so nothing could be sampled and the claim stayed undecided.

Here the application is one value its condition bounds, a name of its own (``f'(x)``): the claim is checked under

.. math:: w \ge 0, \quad x < y \qquad (w = f'(x)),

which samples the same $x, y$ as the claim alone would (a claim about $f$ keeps a condition on $f'$ as written:
the two are one function's), and a counterexample stays one: whatever $x$ is, $f$ can be
chosen with $f'(x) = w$.  That holds only where each such function is applied once among the conditions: two
applications (``f'(x) > 0`` and ``f'(c) < 0``) could contradict each other where $x = c$, so they stay as written
(and the claim undecided, as before).
"""
from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef


def _applications(expr) -> set:
    """The unknown-function values in ``expr``: applications ``f(x)`` and derivatives of them."""
    derivatives = {d for d in expr.atoms(sp.Derivative) if d.expr.atoms(AppliedUndef)}
    inside = set().union(*(d.atoms(AppliedUndef) for d in derivatives)) if derivatives else set()
    return derivatives | (expr.atoms(AppliedUndef) - inside)


def _function(application) -> str:
    """The function's name without its primes: ``f'`` and ``f''`` are ``f``'s derivatives, used where ``f`` is."""
    return (application.expr if isinstance(application, sp.Derivative) else application).func.__name__.rstrip("'")


def unknown_values_as_names(conditions: list, sides, known: set) -> list:
    """``conditions`` (``(relation, shown, line)``) with each value of a function not in ``known`` (the defined
    ones) that the claim's ``sides`` do not use, applied once among them, replaced by a real name of its own spelled
    as the application."""
    used = {_function(a) for side in sides for a in _applications(side)}
    by_function: dict = {}
    for relation, _, _ in conditions:
        for a in _applications(relation):
            f = _function(a)
            if f not in used and f not in {k.rstrip("'") for k in known}:
                by_function.setdefault(f, set()).add(a)
    names = {next(iter(apps)): sp.Symbol(str(next(iter(apps))), real=True)
             for apps in by_function.values() if len(apps) == 1}
    if not names:
        return conditions
    return [(relation.xreplace(names), shown, line) for relation, shown, line in conditions]
