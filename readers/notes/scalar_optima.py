r"""An arg min, arg max, min or max over one scalar variable set equal to a value:

.. math:: \operatorname{arg\,min}_u\, (u - 1)^2 + 7 = 1, \qquad \min_u\, (u - 1)^2 + 7 = 7, \qquad
          \bar{y} = \operatorname{arg\,min}_y \sum_n (y_n - y)^2 .

Such a claim is read as sufficient conditions that the checker can decide, each a claim of its own:

* the objective $F$ is convex in $u$ everywhere, $\partial^2 F/\partial u^2 \ge 0$ (concave, $\le 0$, for a max), so
  that a stationary point is a global optimum; strictly ($> 0$, $< 0$) for an arg, whose optimum must be one point;
* for an arg: the value $v$ is a stationary point, $\partial F/\partial u\,(v) = 0$;
* for a min or max: $\partial F/\partial u = 0$ has exactly one solution $u^*$ (sympy's ``solve``), and $F(u^*)$ is
  the value.

All confirmed, the claim is confirmed by them.  Otherwise nothing is said here (a non-convex objective can still have
the stated optimum; a failed condition refutes nothing), and the claim keeps its other readings.
"""
from __future__ import annotations

import re

import sympy as sp
from sympy.core.function import AppliedUndef

from readers.notes.optimum_refutations import optimum_region

_OPTIMUM = re.compile(r"^(arg)?(min|max)_\{?([^{}]+)\}?$")
"""``argmin_u``, ``min_{u}``, ``argmax_y``: the reader's name of an optimum over the variable it writes."""


_WRITTEN = re.compile(r"(?:\\(?:mbox|mathrm|operatorname\*?|text|textrm|mathop)\s*\{\s*(?:arg\s*(?:\\[,;:! ]\s*)*)?"
                      r"(?:min|max)\s*\}|\\arg\s*\\(?:min|max)(?![A-Za-z])|\\(?:min|max)(?![A-Za-z])"
                      r"|\\underset\s*\{)")
"""An optimum as the notes write it (``\\mbox{arg min}``, ``\\arg\\min``, ``\\min``, ``\\underset{u}{...}``)."""
_SIDE_START = re.compile(r"(?:^|=|\\[lr]angle)\s*(?:&\s*)?(?:\\[ ,;!]\s*|\\quad\s*)*$")


def leads_its_side(content: str) -> bool:
    """Whether the block writes one optimum, first on its side of the relation (``= \\arg\\min_u ...``): it then
    applies to everything after it up to the relation, however the reader grouped it."""
    found = list(_WRITTEN.finditer(content))
    return len(found) == 1 and _SIDE_START.search(content[:found[0].start()]) is not None


def read(lhs, rhs, leading: bool = False, constrained: bool = False):
    """``(is_arg, sense, variable, objective, value)`` when one side is an optimum over a scalar variable of the
    objective it is applied to and the other side does not name that variable, else None.  With ``leading``
    (:func:`leads_its_side`) the objective is the whole side with the optimum taken off (``argmin_u(u - 1)^2 + 7``,
    as the reader groups it, is over ``(u - 1)^2 + 7``).  With ``constrained``, an optimum over a region written in
    the subscript is read too (``max_{x > 0}``) and the region is a sixth item (readers.notes.optimum_refutations)."""
    for side, other in ((lhs, rhs), (rhs, lhs)):
        apps = [a for a in side.atoms(AppliedUndef) if len(a.args) == 1 and _named(a.func.__name__, constrained)]
        if len(apps) != 1 or (side != apps[0] and not leading):
            continue
        is_arg, sense, name, region = _named(apps[0].func.__name__, constrained)
        objective = side.xreplace({apps[0]: apps[0].args[0]})
        found = [s for s in objective.free_symbols if isinstance(s, sp.Symbol) and s.is_commutative
                 and s.name == name]
        if len(found) != 1 or found[0] in _plain_names(other) or other.atoms(AppliedUndef):
            return None
        return (is_arg, sense, found[0], objective, other) + ((region,) if constrained else ())
    return None


def _named(name: str, constrained: bool):
    """``(is_arg, sense, variable name, region)`` of an optimum's name, over a region only with ``constrained``."""
    if constrained:
        return optimum_region(name)
    m = _OPTIMUM.match(name)
    return (bool(m.group(1)), m.group(2), m.group(3), sp.Reals) if m else None


def _plain_names(e) -> set:
    """The names ``e`` writes outside its elements (the ``y`` of ``y_n`` is no name of ``\\sum_n y_n``)."""
    return e.xreplace({i: sp.Dummy() for i in e.atoms(sp.Indexed)}).free_symbols


def _at(e, variable, value):
    """``e`` with ``variable`` set to ``value``, its elements kept (``y_n`` stays when ``y`` is set)."""
    elements = {i: sp.Dummy() for i in e.atoms(sp.Indexed)}
    return e.xreplace(elements).xreplace({variable: value}).xreplace({d: i for i, d in elements.items()})


def conditions(is_arg: bool, sense: str, variable, objective, value) -> list[tuple] | None:
    """``[(lhs, rel, rhs, what)]``: the claims that together give the optimum (module docstring); None when the
    stationary points of a min or max cannot be found."""
    first = sp.diff(objective, variable)
    second = sp.diff(objective, variable, 2)
    strict = "strictly " if is_arg else ""  # an arg is one point only where the optimum is unique
    out = [(second, (">" if is_arg else ">=") if sense == "min" else ("<" if is_arg else "<="), sp.Integer(0),
            f"{strict}{'convex' if sense == 'min' else 'concave'} in {variable}")]
    if is_arg:
        out.append((_at(first, variable, value), "=", sp.Integer(0), f"stationary at {variable} = {value}"))
        return out
    try:
        points = sp.solve(first, variable)
    except (NotImplementedError, ValueError, TypeError):
        return None
    if len(points) != 1:
        return None
    out.append((_at(objective, variable, points[0]), "=", value,
                f"the value at the stationary point {variable} = {points[0]}"))
    return out
