r"""Limits $\lim_{x \to a} lhs = rhs$: sympy's ``limit`` (a proof) and an approach sequence (evidence).

Symbolic: both one-sided limits with ``sympy.limit`` (a limit is two-sided unless written
one-sided), compared with ``rhs``; a definite different value, or one-sided limits that differ
(no limit), refute the step.

Numeric: $lhs$ at $x = 10^{3}, 10^{6}, 10^{9}, 10^{12}$ (negated for
$-\infty$) or $x = a + 10^{-3}, \dots, a + 10^{-12}$, at several values of the
other symbols.  Converging to ``rhs`` is at most *verified*; not converging is
*undecided*, since a slow but true limit looks the same at finite $x$.
"""
from __future__ import annotations

import dataclasses

import mpmath
import sympy as sp

from derivations.checker.budget import busy_clock
from derivations.checker.verdict import Verdict

from derivations.checker.strategies.evaluate import Conditions, compile_expr, show, value_at
from derivations.checker.strategies.instances import Instance, Unsupported
from derivations.checker.strategies.interval_limits import limit_within
from derivations.checker.strategies.sampling import candidate_points, respects_domains
from derivations.checker.strategies.zero import CHEAP, reduce_to_zero

APPROACH_LARGE = (1e3, 1e6, 1e9, 1e12)
APPROACH_OFFSETS = (1e-3, 1e-6, 1e-9, 1e-12)
LIMIT_DIGITS = 60
"""Digits for approach sequences: $1 + 10^{-12}$ and its powers need more than float64 has."""
LIMIT_TOLERANCE = 1e-3
r"""Largest relative distance $|lhs - rhs| / \max(|rhs|, 1)$ at the last approach value.

Typical DL limits converge like $x \log x$ or $1/x$: at $x = 10^{-12}$ or
$10^{12}$ they are within $10^{-10}$; $10^{-3}$ leaves room for slower ones such
as $1/\sqrt{x}$ ($10^{-6}$) while a wrong limit is off by $O(1)$."""
LARGE = 1e6
"""Magnitude the last approach value must exceed for a claimed infinite limit."""
LIMIT_POINTS = 20
"""Values of the other symbols at which the approach is checked."""


def two_sided_limit(f: sp.Expr, x: sp.Symbol, point: sp.Expr, direction: str = "+-"):
    r"""$\lim_{x \to a} f$: the value, ``("differ", left, right)`` when the one-sided limits are definite and
    different (no limit), or None when sympy cannot tell.

    A finite point is approached from both sides unless ``direction`` is ``'+'`` or ``'-'``
    (sympy's own ``limit`` defaults to ``'+'``: never used one-sided by accident); $\pm\infty$ from inside.
    """
    def one(d):
        value = sp.limit(f, x, point, d)
        return None if value.has(sp.Limit, sp.AccumBounds, sp.nan) else value

    if point.is_infinite:
        return one("-" if point == sp.oo else "+")
    if direction in ("+", "-"):
        return one(direction)
    if point == 0 and (x.is_nonnegative or x.is_nonpositive):  # the variable's own domain is one side of 0
        return one("+" if x.is_nonnegative else "-")
    outside = [d for d in ("-", "+") if _side_outside_domain(f, x, point, d)]
    if len(outside) == 1:  # log x, d/dx log x, sqrt x at 0: the function lives on one side only
        return one("+" if outside == ["-"] else "-")
    left, right = one("-"), one("+")
    if left is None or right is None:
        return None
    if left == right or (left.is_finite and right.is_finite and reduce_to_zero(left - right, CHEAP)):
        return right
    if left.has(sp.zoo) or right.has(sp.zoo):
        return None
    apart = (left.is_infinite or right.is_infinite) or sp.simplify(left - right).is_zero is False
    return ("differ", left, right) if apart else None


def _side_outside_domain(f: sp.Expr, x: sp.Symbol, point: sp.Expr, side: str) -> bool:
    r"""Whether the points just on ``side`` (``'-'`` or ``'+'``) of ``point`` lie outside the real domain of a
    logarithm or an even root written in ``f``, a derivative's included: $\frac{d}{dx} \log x$ is $1/x$, which
    sympy takes from the left of 0 as well, but the function differentiated has no values there, so the limit is
    the one from the right.  Tested at ``point`` -/+ 10^-6, 10^-9, 10^-12 on the arguments that depend on ``x``
    alone."""
    if not point.is_number or not point.is_finite:
        return False
    args = [g.args[0] for g in f.atoms(sp.log)] + [
        p.base for p in f.atoms(sp.Pow) if p.exp.is_Rational and not p.exp.is_Integer and p.exp.q % 2 == 0]
    step = -1 if side == "-" else 1
    for arg in args:
        if arg.free_symbols != {x}:
            continue
        values = [arg.subs(x, point + step * sp.Rational(1, 10 ** k)) for k in (6, 9, 12)]
        if all(v.is_number and v.is_extended_negative for v in values):
            return True
    return False


def resolve_limits(expr: sp.Expr, assumptions=()):
    r"""``expr`` with each ``Limit`` node replaced by its value; a ``("differ", node, left, right)`` tuple when
    one limit (without other free symbols) does not exist because its one-sided limits differ.  A limit sympy cannot
    take with a parameter free is taken with the parameter's interval in ``assumptions`` built in
    (:mod:`~derivations.checker.strategies.interval_limits`)."""
    for node in sorted(expr.atoms(sp.Limit), key=lambda n: sp.count_ops(n)):
        f, x, point, direction = node.args
        try:
            value = two_sided_limit(f, x, point, str(direction))
        except NotImplementedError:  # "Result depends on the sign of sign(log(beta))"
            value = limit_within(f, x, point, str(direction), assumptions, two_sided_limit)
            if value is None:
                raise
        if value is None:
            value = limit_within(f, x, point, str(direction), assumptions, two_sided_limit)
        if isinstance(value, tuple):
            if node.free_symbols:
                continue
            return ("differ", node, value[1], value[2])
        if value is not None:
            expr = expr.xreplace({node: value})
    return expr


def symbolic_limit(inst: Instance) -> Verdict | None:
    """'proved' if the limit equals rhs, 'refuted' if it is a definite other value or does not exist (for all the
    other symbols, or at one value of them: :func:`refuted_at_parameter_values`), else None."""
    direction = getattr(inst, "direction", "+-")
    try:
        limit = two_sided_limit(inst.lhs, inst.variable, inst.point, direction)
    except NotImplementedError:  # sympy: "Not sure of sign of a" for x**a log x with a >= 0
        limit = None
    if limit is None:  # 0 < beta < 1 built in (interval_limits)
        limit = limit_within(inst.lhs, inst.variable, inst.point, direction, inst.assumptions, two_sided_limit)
    if limit is None:
        written = sp.Limit(inst.lhs, inst.variable, inst.point, getattr(inst, "direction", "+-"))
        verdict = refuted_at_parameter_values(written, inst.rhs, inst.assumptions)
        return None if verdict is None else dataclasses.replace(verdict, assumptions=inst.assumption_texts())
    if isinstance(limit, tuple):
        _, left, right = limit
        return Verdict("refuted", method="symbolic: one-sided limits", assumptions=inst.assumption_texts(),
                       counterexample={str(inst.variable): f"-> {inst.point}", "from the left": str(left),
                                       "from the right": str(right)},
                       reason=f"the limit does not exist: from the left {left}, from the right {right}")
    if limit is None:
        return None
    if limit == inst.rhs or (not limit.is_infinite and not inst.rhs.is_infinite
                             and reduce_to_zero(limit - inst.rhs, CHEAP)):
        return Verdict("proved", method="symbolic: limit", assumptions=inst.assumption_texts())
    if _definitely_differ(limit, inst.rhs):
        return Verdict("refuted", method="symbolic: limit", assumptions=inst.assumption_texts(),
                       counterexample={str(inst.variable): f"-> {inst.point}", "lhs": str(limit), "rhs": str(inst.rhs)},
                       reason=f"the limit of lhs is {limit}, not {inst.rhs}")
    return None


PARAMETER_VALUES = (0, 1, -1, sp.Rational(1, 2), -sp.Rational(1, 2), 2, -2)
"""Values of the other symbols (all at once) at which a limit sympy cannot take symbolically is taken."""


def refuted_at_parameter_values(lhs: sp.Expr, rhs: sp.Expr, assumptions=()) -> Verdict | None:
    r"""A refutation of ``lhs = rhs`` (sides holding ``Limit`` nodes) at one value of their free symbols, where
    sympy takes each limit exactly.

    $\lim_{x \to 0^+} x^a \log x = 0$ for $a \ge 0$: sympy cannot take it with $a$ symbolic ("not sure of the
    sign of $a$"), but at $a = 0$ the limit is $-\infty$.  The values tried are :data:`PARAMETER_VALUES` and the
    boundaries of the assumptions on one symbol ($a = 0$ for $a \ge 0$), each inside the symbols' own assumptions
    and the relations of ``assumptions``; a value where the sides agree, or a limit is unknown, shows nothing for
    the other values, so only a refutation is returned."""
    parameters = sorted(lhs.free_symbols | rhs.free_symbols, key=str)
    for point in parameter_points(parameters, assumptions):
        try:
            sides = [resolve_limits(side.xreplace(point)) for side in (lhs, rhs)]
        except NotImplementedError:
            continue
        where = {str(s): str(v) for s, v in point.items()}
        for side in sides:
            if isinstance(side, tuple):
                _, node, left, right = side
                return Verdict("refuted", method="symbolic: one-sided limits at a value of the other symbols",
                               counterexample={**where, "limit": str(node), "from the left": str(left),
                                               "from the right": str(right)},
                               reason=f"at {where} the limit does not exist: from the left {left}, from the right {right}")
        left, right = sides
        if left.has(sp.Limit) or right.has(sp.Limit) or left.free_symbols or right.free_symbols:
            continue
        if _definitely_differ(left, right):
            return Verdict("refuted", method="symbolic: limit at a value of the other symbols",
                           counterexample={**where, "lhs": str(left), "rhs": str(right)},
                           reason=f"at {where} the lhs is {left}, the rhs {right}")
    return None


def parameter_points(parameters: list, assumptions) -> list[dict]:
    """Exact points inside the assumptions with every one of ``parameters`` at one value: the boundaries of the
    relations on a single parameter ($a = 0$ for $a \\ge 0$), then :data:`PARAMETER_VALUES`."""
    if not parameters:
        return []
    relations = [a for a in assumptions if isinstance(a, sp.core.relational.Relational)]
    values = list(PARAMETER_VALUES)
    if len(parameters) == 1:
        values = [*assumption_boundaries(relations, parameters[0]), *values]
    exact = dict.fromkeys(sp.Integer(v) if isinstance(v, int) else v for v in values)
    points = [{s: value for s in parameters} for value in exact]
    return [point for point in points if satisfies(point, relations)]


def satisfies(point: dict, relations: list) -> bool:
    """Whether the exact ``point`` fits its symbols' own assumptions and each relation on those symbols alone."""
    for symbol, value in point.items():
        checks = ((symbol.is_positive, value > 0), (symbol.is_nonnegative, value >= 0), (symbol.is_negative, value < 0),
                  (symbol.is_nonpositive, value <= 0), (symbol.is_nonzero, value != 0), (symbol.is_integer, value.is_integer))
        if not all(bool(ok) for required, ok in checks if required):
            return False
    return all(bool(r.xreplace(point)) is True for r in relations if r.free_symbols <= set(point))


def assumption_boundaries(relations: list, s: sp.Symbol) -> list:
    r"""The values of ``s`` where a relation linear in ``s`` alone turns ($a = 0$ for $a \ge 0$)."""
    out = []
    for relation in relations:
        if (relation.lhs - relation.rhs).free_symbols == {s}:
            try:
                poly = sp.Poly(relation.lhs - relation.rhs, s)
            except sp.PolynomialError:
                continue
            if poly.degree() == 1:
                out.append(sp.solve(poly.as_expr(), s)[0])
    return out


def _definitely_differ(limit: sp.Expr, rhs: sp.Expr) -> bool:
    return bool(limit.is_infinite is True and rhs.is_finite is True
                or limit.is_finite is True and rhs.is_infinite is True
                or sp.simplify(limit - rhs).is_zero is False)


def approach_limit(insts: tuple[Instance, ...], sizes: str, rng, deadline: float) -> Verdict:
    """Numeric evidence that lhs approaches rhs, over all instances."""
    checked = 0
    sides = (1,) if insts[0].point.is_infinite else (1, -1)  # a finite point is approached from both sides
    for inst in insts:
        for side in sides:
            try:
                outcome = _approach(inst, rng, deadline, side)
            except Unsupported:
                if side == -1:  # undefined below the point: the limit is one-sided within the domain
                    continue
                raise
            if isinstance(outcome, Verdict):
                return outcome
            checked += outcome
    xs = ", ".join(f"{x:g}" for x in _approach_values(insts[0].point))
    method = (f"numeric: lhs approaches rhs along {insts[0].variable} = {xs}{' (and from below)' if len(sides) > 1 else ''} "
              f"at {checked} points ({LIMIT_DIGITS} digits)")
    return Verdict("verified", method=method + (f" over {sizes}" if sizes else ""), points=checked,
                   assumptions=insts[0].assumption_texts(),
                   reason=f"evidence, not a proof: within {LIMIT_TOLERANCE:g} relative at the last approach value")


def _approach(inst: Instance, rng, deadline: float, side: int = 1) -> int | Verdict:
    inst = inst.on_simplex()
    symbols = inst.symbols if inst.variable in inst.symbols else (*inst.symbols, inst.variable)
    where = symbols.index(inst.variable)
    lhs = compile_expr(symbols, inst.lhs)
    infinite = inst.rhs in (sp.oo, -sp.oo)
    rhs = None if infinite else compile_expr(symbols, inst.rhs)
    conditions = Conditions(symbols, inst.assumptions)
    xs = _approach_values(inst.point, side)
    done, draws = 0, 0
    for point in candidate_points(inst.groups, rng):
        if done >= LIMIT_POINTS or draws >= 20 * LIMIT_POINTS or (draws and len(symbols) == 1):
            break
        draws += 1
        if busy_clock() > deadline:
            return Verdict("undecided", method="numeric", reason=f"timeout after {done} approach sequences")
        point = point | {inst.variable: xs[-1]}
        values = [point[s] for s in symbols]
        if not respects_domains(point, inst.groups) or not conditions.hold(values, LIMIT_DIGITS):
            continue
        sequence = [value_at(lhs, values[:where] + [x] + values[where + 1:], LIMIT_DIGITS) for x in xs]
        target = inst.rhs if infinite else value_at(rhs, values, LIMIT_DIGITS)
        if any(v is None for v in sequence) or target is None:
            continue
        done += 1
        if not _converges(sequence, target):
            others = {str(s): show(point[s]) for s in symbols if s != inst.variable}
            return Verdict("undecided", method="numeric", details=others,
                           reason=f"no convergence seen: lhs at {inst.variable} = {xs[-1]:g} is {show(sequence[-1])}, "
                                  f"rhs is {show(target)}")
    if done == 0:
        raise Unsupported(f"lhs is undefined along the approach to {inst.point}")
    return done


def _approach_values(point, side: int = 1) -> tuple[float, ...]:
    if point == sp.oo:
        return APPROACH_LARGE
    if point == -sp.oo:
        return tuple(-x for x in APPROACH_LARGE)
    if not (point.is_number and point.is_real):
        raise Unsupported(f"cannot approach {point} numerically")
    return tuple(float(point) + side * h for h in APPROACH_OFFSETS)


def _converges(sequence, target) -> bool:
    with mpmath.workdps(LIMIT_DIGITS):
        if target in (sp.oo, -sp.oo):
            sign = 1 if target == sp.oo else -1
            last = sequence[-1] * sign
            return last >= LARGE and last >= sequence[0] * sign
        scale = max(abs(target), 1)
        first, last = abs(sequence[0] - target) / scale, abs(sequence[-1] - target) / scale
        return last <= LIMIT_TOLERANCE and last <= first
