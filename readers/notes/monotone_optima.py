r"""Two arg optima over one variable set equal: a monotone map of the objective keeps its optimisers.

.. math:: \arg\max_\theta L(\theta) = \arg\max_\theta \log L(\theta), \qquad
          \arg\min_w \frac{1}{n}\sum_{i=1}^n r_i(w)^2 = \arg\min_w \sum_{i=1}^n r_i(w)^2, \qquad
          \arg\max_x F(x) = \arg\min_x -F(x).

The optimisers of $F$ are those of $h(F)$ for every strictly increasing $h$ (the same sense) and for every strictly
decreasing $h$ (the other sense).  With $F$ and $G$ the objectives of the two sides, over the same variables, $G = h(F)$
is found as

* a shift: $G - F$ is free of the variables, $h(t) = t + c$;
* a factor: $G / F$ is free of them, $h(t) = c\,t$, increasing for $c > 0$ and decreasing for $c < 0$ (a bound of a
  sum, $n$ in $\sum_{i=1}^n$, is a positive count);
* a map: $F$ is written inside $G$, and $G$ with $F$ replaced by $t$ is free of the variables: $h(t) = G|_{F = t}$,
  whose derivative keeps one sign for every real $t$, or for $t > 0$ where $h$ is real only there
  ($\log t$, $\sqrt t$: the side that writes it means an objective that is positive).

Such a claim is **proved** naming $h$.  Nothing else is said here: an $h$ not found, or one that is not monotone,
refutes nothing (the optimisers may still agree for the objective the notes mean).
"""
from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef

from readers.notes.objective import OPTIMUM


def _arg_optimum(expr):
    """``(sense, variable names, objective)`` of ``argmax_x(F)``; None for anything else."""
    if not isinstance(expr, AppliedUndef) or len(expr.args) != 1:
        return None
    name = expr.func.__name__
    match = OPTIMUM.fullmatch(name)
    if match is None or not name.startswith("arg") or not match.group(2):
        return None
    names = tuple(sorted(n.strip().lstrip("\\") for n in match.group(2).strip("{} ").split(",") if n.strip()))
    return match.group(1), names, expr.args[0]


def _counts_positive(expr):
    """``expr`` with the upper bound of each sum or product that is one name read as a positive count."""
    bounds = {hi for node in expr.atoms(sp.Sum, sp.Product) for _, _, hi in node.limits if isinstance(hi, sp.Symbol)}
    return expr.xreplace({b: sp.Symbol(b.name, positive=True, integer=True) for b in bounds})


def _sign_of_slope(h, t) -> tuple[int, str] | None:
    """``(+1 or -1, where)`` when ``h`` is strictly monotone in ``t`` (everywhere, or for ``t > 0`` where ``h`` is
    real only there); None otherwise."""
    slope = sp.simplify(sp.diff(h, t))
    if slope.is_positive:
        return 1, ""
    if slope.is_negative:
        return -1, ""
    positive = sp.Dummy("t", positive=True)
    only_positive = any(isinstance(f, sp.log) and f.args[0].has(t) for f in h.atoms(sp.log)) or any(
        p.base.has(t) and not p.exp.is_integer for p in h.atoms(sp.Pow))
    if not only_positive:
        return None
    slope = sp.simplify(slope.xreplace({t: positive}))
    if slope.is_positive:
        return 1, "where the objective is positive, as the right side needs"
    if slope.is_negative:
        return -1, "where the objective is positive, as the right side needs"
    return None


def monotone_map(lhs, rhs) -> tuple[str, str] | None:
    """``(h, where)`` when ``lhs`` and ``rhs`` are arg optima over the same variables whose objectives are related by
    a strictly monotone ``h`` of the matching direction (increasing for the same sense, decreasing for opposite
    senses); None otherwise."""
    found = _arg_optimum(lhs), _arg_optimum(rhs)
    if None in found or found[0][1] != found[1][1]:
        return None
    (sense, names, f), (other_sense, _, g) = found
    variables = {s for s in (f.free_symbols | g.free_symbols) if isinstance(s, sp.Symbol)
                 and s.name.lstrip("\\") in names}
    if not variables or not (f.free_symbols | g.free_symbols) & variables:
        return None
    wanted = 1 if sense == other_sense else -1
    f, g = _counts_positive(f), _counts_positive(g)
    t = sp.Dummy("t", real=True)
    candidates = []
    shift = sp.simplify(g - f)
    if not shift.free_symbols & variables and not shift.has(AppliedUndef):
        candidates.append((t + shift, t))
    factor = sp.simplify(g / f)
    if not factor.free_symbols & variables and factor != 0 and not factor.has(AppliedUndef):
        candidates.append((factor * t, t))
    if f.free_symbols & variables and not f.is_Symbol:
        inside = g.subs(f, t)
        if inside != g and not inside.free_symbols & variables and not _has_variables(inside, variables):
            candidates.append((inside, t))
    for h, x in candidates:
        sign = _sign_of_slope(h, x)
        if sign is not None and sign[0] == wanted:
            return sp.sstr(h.xreplace({x: sp.Symbol("t")})), sign[1]
    return None


def _has_variables(expr, variables) -> bool:
    return any(a.free_symbols & variables for a in expr.atoms(AppliedUndef))
