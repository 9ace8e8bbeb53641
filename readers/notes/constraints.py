r"""Rows of inequalities that solve for an unknown are constraints, not universal claims.

.. math:: 1.65\sqrt{\tfrac{0.55(1-0.55)}{n}} \le 0.01 \quad\\\quad 1.65^2\,\tfrac{0.55(1-0.55)}{0.01^2} \le n

Neither row holds for every ``n``: together they solve a requirement for ``n``.  A run of rows in one block, each an
inequality in the same single unknown that fails as an identity, and whose last row bounds the unknown alone
(``c \le n``), is read as a derivation: the first row is the constraint (``undecided``, it holds for some values),
and each later row is a step, checked exactly on solution sets (a row not implied by the one above is refuted only
when both sets are unbounded on the same side and the row above is not itself a bare bound: rows unbounded on
opposite sides, or two bounds in a row, may state a system of requirements),

.. math:: S_k = \{x \in \mathbb{R} : \text{row}_k(x)\},\qquad S_{k-1} \subseteq S_k \Rightarrow \text{verified},
          \quad x \in S_{k-1} \setminus S_k \Rightarrow \text{refuted at } x.

Only algebraic rows are solved (``sympy.solveset`` on them is exact and fast); any other run keeps its verdicts.
"""
from __future__ import annotations

import sympy as sp

from readers.notes.report import StepReport

INEQUALITIES = {"<": sp.Lt, ">": sp.Gt, "<=": sp.Le, ">=": sp.Ge}


def _unknown(lhs, rhs):
    names = lhs.free_symbols | rhs.free_symbols
    if len(names) != 1:
        return None
    (x,) = names
    if not isinstance(x, sp.Symbol) or x.is_integer:
        return None
    if not all(e.is_algebraic_expr(x) for e in (lhs, rhs)):
        return None
    return x


def _solutions(lhs, rel, rhs, x):
    try:
        found = sp.solveset(INEQUALITIES[rel](lhs, rhs), x, domain=sp.S.Reals)
    except (NotImplementedError, ValueError, TypeError):
        return None
    if isinstance(found, (sp.ConditionSet, sp.ImageSet)) or found in (sp.S.EmptySet, sp.S.Reals):
        return None  # unsolved, never true, or always true: not a constraint on x
    return found


def _bounds_alone(lhs, rhs, x) -> bool:
    return (lhs == x and rhs.is_number) or (rhs == x and lhs.is_number)


def _same_side(before, now) -> bool:
    r"""Both solution sets unbounded on the same side (``n \ge a`` then ``n \ge b``): the rows solve one requirement.
    Rows unbounded on opposite sides (``2x > -2`` then ``x < 3``) may state two constraints of a system, which a
    row does not claim to follow from the other: never refuted."""
    return (before.sup == sp.oo and now.sup == sp.oo) or (before.inf == -sp.oo and now.inf == -sp.oo)


def _point(outside):
    """A real number in a nonempty set: a finite endpoint's neighbour inside it, or a sample."""
    for candidate in (outside.inf, outside.sup, sp.Integer(0)):
        if candidate.is_finite and outside.contains(candidate) == sp.true:
            return candidate
    if outside.inf.is_finite and outside.sup.is_finite:
        middle = (outside.inf + outside.sup) / 2
        return middle if outside.contains(middle) == sp.true else None
    edge = outside.inf if outside.inf.is_finite else outside.sup
    if not edge.is_finite:
        return sp.Integer(0) if outside.contains(0) == sp.true else None
    step = 1 if outside.contains(edge + 1) == sp.true else -1
    return edge + step if outside.contains(edge + step) == sp.true else None


def constrained_rows(checked, expand):
    """``checked``: ``(claim, steps)`` per claim of one block, in order (a claim has ``lhs``, ``rel``, ``rhs``,
    ``line``).  Returns the list with each run of constraint rows read as a derivation (see the module)."""
    candidates = []
    for k, (claim, steps) in enumerate(checked):
        if claim.rel not in INEQUALITIES or len(steps) != 1 or steps[0].verdict not in ("refuted", "undecided"):
            continue
        lhs, rhs = expand(claim.lhs), expand(claim.rhs)
        x = _unknown(lhs, rhs)
        if x is not None:
            candidates.append((k, lhs, claim.rel, rhs, x))
    out = list(checked)
    run = []
    for item in candidates + [None]:
        if item is not None and run and item[0] == run[-1][0] + 1 and item[4] == run[-1][4] \
                and checked[item[0]][0].line != checked[run[-1][0]][0].line:
            run.append(item)
            continue
        if len(run) >= 2 and _bounds_alone(run[-1][1], run[-1][3], run[-1][4]):
            _read_run(run, out)
        run = [item] if item is not None else []
    return out


def _read_run(run, out) -> None:
    sets = [_solutions(lhs, rel, rhs, x) for _, lhs, rel, rhs, x in run]
    if any(s is None for s in sets):
        return
    x = run[0][4]
    first_k = run[0][0]
    claim, (step,) = out[first_k]
    out[first_k] = (claim, [StepReport(**{**step.__dict__, "verdict": "undecided", "counterexample": None,
                                          "role": "equation",
                                          "reason": f"a constraint on {x}: it holds for {x} in {sets[0]}, not for "
                                                    f"every {x}; the rows below solve it"})])
    for (k, lhs, rel, rhs, _), before, now, above in zip(run[1:], sets, sets[1:], run):
        claim, (step,) = out[k]
        line = out[above[0]][0].line
        implied = before.is_subset(now)
        if implied is True:
            how = "equivalent to" if now.is_subset(before) is True else "implied by"
            new = {"verdict": "verified", "counterexample": None, "role": "equation step",
                   "reason": "", "method": f"constraint step: its solutions {x} in {now} are {how} the row at "
                                           f"line {line} (exact solution sets)"}
        else:
            solving = not _bounds_alone(above[1], above[3], x)  # n >= 10 \\ n >= 30: two bounds listed, not solved
            point = _point(sp.Complement(before, now)) if implied is False and solving and _same_side(before, now) \
                else None
            if point is None or before.contains(point) != sp.true or now.contains(point) != sp.false:
                new = {"verdict": "undecided", "counterexample": None, "role": "equation step",
                       "reason": f"a constraint step not implied by the row at line {line}, without a sample point"}
            else:
                value = (lhs - rhs).subs(x, point)
                new = {"verdict": "refuted", "role": "equation step",
                       "counterexample": {str(x): sp.sstr(point), "lhs - rhs": sp.sstr(sp.nsimplify(value))},
                       "reason": f"does not follow from the row at line {line}: {x} = {sp.sstr(point)} satisfies "
                                 f"that row, not this one"}
        out[k] = (claim, [StepReport(**{**step.__dict__, **new})])
