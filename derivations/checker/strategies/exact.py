r"""Rung 2: exact evaluation of rational claims at random rational points.

When both sides and every side condition are rational expressions (symbols,
rational numbers, ``+ - * /`` and integer powers), the relation is checked in
exact arithmetic at ``POINTS`` random points, then at every edge point of the
domains (where a strict inequality may turn into an equality).  Points come from the domains as
float64 values and are read as the exact decimal of their ``repr`` (a simplex
vector is then renormalized exactly), so they lie in the domain.  One failing
point is a definitive counterexample: ``refuted``.

All points agreeing proves nothing here (no degree bound is used, so this is
not a Schwartz-Zippel argument): the rung then returns None.
"""
from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import sympy as sp

from derivations.checker.budget import busy_clock
from derivations.checker.step import Step
from derivations.checker.verdict import Verdict
from symbolic.domains import Simplex
from symbolic.shared_subtrees import xreplace

from derivations.checker.strategies.decide import decimal_text, round_point
from derivations.checker.strategies.instances import Instance, Unsupported, instances
from derivations.checker.strategies.numeric import inside
from derivations.checker.strategies.sampling import edge_points, random_points, respects_symbols
from derivations.checker.strategies.written import undefined_as_written

POINTS = 24
"""Exact points per instance (the brief asks for at least 20)."""
MAX_DRAWS = 20 * POINTS

_FAILS = {"=": lambda l, r: l != r, "<=": lambda l, r: l > r, "<": lambda l, r: l >= r,
          ">=": lambda l, r: l < r, ">": lambda l, r: l <= r}
"""When exact values ``l, r`` contradict the relation."""


@dataclass(frozen=True)
class ExactTest:
    """The exact rung as a strategy: ``ExactTest(seed)(step, budget) -> Verdict | None``."""

    seed: int = 0
    points: int = POINTS

    def __call__(self, step: Step, budget: float) -> Verdict | None:
        if step.rel not in _FAILS:
            return None
        deadline = busy_clock() + budget
        rng = np.random.default_rng(self.seed + 1)
        try:
            insts, _ = instances(step)
        except Unsupported:
            return None
        for inst in insts:
            if not all(is_rational_expression(e) for e in _parts(inst)):
                continue
            verdict = self._check(inst, rng, deadline)
            if verdict is not None:
                return verdict
        return None

    def _check(self, inst: Instance, rng, deadline: float) -> Verdict | None:
        """Random points until ``points`` of them are usable (at most ``MAX_DRAWS`` drawn), then every edge point;
        None if all agree.  (Drawing on to ``MAX_DRAWS`` only to skip the draws cost a third of the rung.)"""
        accepted = 0
        randoms = itertools.islice(random_points(inst.groups, rng), MAX_DRAWS) if inst.groups else iter([{}])
        wanted = itertools.takewhile(lambda _: accepted < self.points, randoms)
        for floats in itertools.chain(wanted, edge_points(inst.groups, rng)):
            if busy_clock() > deadline:
                return None
            verdict = self._at(inst, floats)
            accepted += verdict != "skipped"
            if isinstance(verdict, Verdict):
                return verdict
        return None

    def _at(self, inst: Instance, floats: dict):
        """A refuting Verdict, 'agrees', or 'skipped' (outside the assumptions, or undefined here)."""
        if not respects_symbols(floats):
            return "skipped"
        point = _exact_point(inst, floats)
        if not all(c.xreplace(point) == sp.true for c in inst.assumptions) or undefined_as_written(inst, point):
            return "skipped"  # outside the claim, or a side divides by zero as written (sympy cancelled it)
        fractions = {s: Fraction(int(v.p), int(v.q)) for s, v in point.items()}
        l, r = (rational_value(side, fractions) for side in (inst.lhs, inst.rhs))
        if l is not None and r is not None and not _FAILS[inst.rel](l, r):
            return "agrees"
        l, r = xreplace(inst.lhs, point), xreplace(inst.rhs, point)  # sympy's values: zoo, nan, or the refutation's
        if not (l.is_Rational and r.is_Rational):
            return "skipped"  # a zero denominator
        if not _FAILS[inst.rel](l, r):
            return "agrees"
        if not any(isinstance(g.domain, Simplex) for g in inst.groups):
            point = round_point(point, lambda candidate: inside(inst, candidate) and _fails(inst, candidate)
                                and not undefined_as_written(inst, candidate))
            l, r = xreplace(inst.lhs, point), xreplace(inst.rhs, point)
        counterexample = {str(s): _show(point[s], None if s.is_integer else floats[s]) for s in inst.symbols}  # n=4
        counterexample |= {"lhs": _show(l), "rhs": _show(r), "lhs - rhs": _show(l - r)}
        return Verdict("refuted", method="exact rational evaluation", counterexample=inst.labelled(counterexample),
                       assumptions=inst.assumption_texts(),
                       reason=f"in exact arithmetic lhs {inst.rel} rhs fails at this point")


def rational_value(expr, point: dict) -> Fraction | None:
    r"""A rational expression (:func:`is_rational_expression`) at ``point`` (symbol -> ``Fraction``) in Python's exact
    fractions: the number ``expr.xreplace(point)`` evaluates to, without building a sympy tree at every point
    (that rebuilding was nine tenths of this rung).  None where a divisor vanishes on the way or a symbol has no
    value: sympy's own arithmetic (``zoo``, ``nan``, $1/(1/0 + 1) = 0$) then decides, as before."""
    values: list = []
    try:
        for op, operand in _program(expr):
            if op is _SYMBOL:
                values.append(point[operand])
            elif op is _NUMBER:
                values.append(operand)
            elif op is _ADD:
                values.append(sum((values[k] for k in operand), Fraction(0)))
            elif op is _MUL:
                product = Fraction(1)
                for k in operand:
                    product *= values[k]
                values.append(product)
            else:
                base, exponent = operand
                values.append(values[base] ** exponent)
    except (ZeroDivisionError, KeyError):
        return None
    return values[-1] if values else None


_SYMBOL, _NUMBER, _ADD, _MUL, _POW = "symbol", "number", "add", "mul", "pow"


@functools.lru_cache(maxsize=512)
def _program(expr) -> tuple:
    r"""``expr``'s distinct subtrees in post-order, each ``(op, operand)``: a symbol, a ``Fraction``, the slots of an
    ``Add``'s or ``Mul``'s arguments, or ``(slot, n)`` for an integer power; the last is ``expr`` itself.  Anything
    else (never met after :func:`is_rational_expression`) gives an empty program, whose value is None."""
    slots: dict = {}
    program: list = []

    def visit(node) -> int:
        if node in slots:
            return slots[node]
        if node.is_Symbol:
            op = (_SYMBOL, node)
        elif node.is_Rational:
            op = (_NUMBER, Fraction(int(node.p), int(node.q)))
        elif node.is_Add or node.is_Mul:
            op = (_ADD if node.is_Add else _MUL, tuple(visit(a) for a in node.args))
        elif node.is_Pow and node.exp.is_Integer:
            op = (_POW, (visit(node.base), int(node.exp)))
        else:
            raise TypeError(node)
        program.append(op)
        slots[node] = len(program) - 1
        return slots[node]

    try:
        visit(expr)
    except TypeError:
        return ()
    return tuple(program)


def _fails(inst: Instance, point: dict) -> bool:
    """Whether the claim fails in exact arithmetic at ``point`` (False where a side is not a rational number)."""
    l, r = xreplace(inst.lhs, point), xreplace(inst.rhs, point)
    return bool(l.is_Rational and r.is_Rational and _FAILS[inst.rel](l, r))


def is_rational_expression(expr) -> bool:
    """Symbols and rational numbers combined by ``+ - * /`` and integer powers, nothing else."""
    if expr in (sp.true, sp.false):
        return True
    if isinstance(expr, sp.Rel):
        return is_rational_expression(expr.lhs) and is_rational_expression(expr.rhs)
    for node in sp.preorder_traversal(expr):
        if isinstance(node, (sp.Symbol, sp.Rational, sp.Add, sp.Mul)):
            continue
        if isinstance(node, sp.Pow) and node.exp.is_Integer:
            continue
        return False
    return True


def _parts(inst: Instance):
    return (inst.lhs, inst.rhs, *inst.assumptions)


def _exact_point(inst: Instance, floats: dict) -> dict:
    point = {s: sp.Rational(repr(v)) for s, v in floats.items()}
    for g in inst.groups:
        if isinstance(g.domain, Simplex) and len(g.shape) == 1:
            total = sp.Add(*(point[s] for s in g.symbols))
            point.update({s: point[s] / total for s in g.symbols})
    return point


def _show(value: sp.Rational, sampled: float | None = None) -> str:
    """The exact value when short; a sampled input as its float ``repr`` (which it equals exactly)."""
    if sampled is not None and value == sp.Rational(repr(sampled)):
        return repr(sampled)
    if sampled is not None and value.q in (1, 2, 4, 5, 10):  # a rounded input (round_point): 0.5, not 1/2
        return decimal_text(value)
    if max(abs(value.p), value.q) < 10**40:
        return str(value)
    return f"{sp.Float(value, 20)} (rounded)"
