r"""Rung 1: symbolic proof with sympy.

* ``=``: the difference is reduced to zero (``zero.ZERO_TESTS``), or the ratio to one; where it holds maxima of
  symbols, first in each case of which argument attains them (``max_cases``); where it is piecewise, first
  branch by branch (``branches``);
* ``<= >= < >``: the sign-oriented difference is a sum of non-negative terms,
  possibly after subtracting recorded lemmas (``inequality``);
* ``propto``: $\partial_x (lhs / rhs) = 0$;
* ``->``: ``sympy.limit`` (``limit``).

Steps with symbolic sizes or free indices are first tried as they are (with
the cheap reductions, after ``doit()``, within ``ALL_SIZES_SHARE`` of the rung's seconds): success proves
them for every size.
Otherwise each concrete instance (``K = 2, 3, 5``, every index value) is
proved on its own, and the verdict is only ``verified``, with the method
``symbolic at concrete sizes K∈{2,3,5}``: a proof at some sizes is not a proof
for all of them.
"""
from __future__ import annotations

import sympy as sp

from derivations.checker.budget import within_cpu_seconds
from derivations.checker.step import Step
from derivations.checker.verdict import Verdict

from derivations.checker.strategies.branches import prove_equal_by_branches
from derivations.checker.strategies.inequality import prove_inequality
from derivations.checker.strategies.instances import (Instance, Unsupported, has_sizes, instances, refined_symbolic,
                                                      smallest_instances)
from derivations.checker.strategies.limit import symbolic_limit
from derivations.checker.strategies.max_cases import prove_equal_by_max_cases
from derivations.checker.strategies.sum_polygamma import sums_as_polygammas
from derivations.checker.strategies.zero import CHEAP, ZERO_TESTS, prove_equal, reduce_to_zero

INEQUALITIES = ("<=", ">=", "<", ">")


def prove_symbolically(step: Step, budget: float) -> Verdict | None:
    """The symbolic rung; ``budget`` is enforced by the worker that runs it (sympy cannot be interrupted)."""
    try:
        if has_sizes(step):
            return _prove_for_all_sizes_within(step, ALL_SIZES_SHARE * budget) or _prove_at_concrete_sizes(step)
        (inst,), _ = instances(step)
        if step.rel == "->":
            return symbolic_limit(inst)
        method = prove_instance(inst)
    except Unsupported as exc:
        return Verdict("undecided", method="symbolic", reason=f"unsupported construct: {exc}")
    except NotImplementedError as exc:  # a limit whose value depends on the sign of sign(log(beta)): say so, no crash
        return Verdict("undecided", method="symbolic", reason=f"sympy cannot decide it: {str(exc)[:120]}")
    if method is None:
        return None
    return _mismatch(step, inst) or Verdict("proved", method=f"symbolic: {method}",
                                            assumptions=inst.assumption_texts())


def _mismatch(step: Step, inst: Instance) -> Verdict | None:
    """A refutation where one side of an equality is defined and the other is not, when the step asks for it."""
    if step.undefined == "refutes" and step.rel == "=":
        return domain_mismatch(inst)
    return None


def denominators_nonzero(inst: Instance) -> bool:
    r"""Whether every denominator $b$ that depends on a symbol is known non-zero: by sympy under the symbols'
    assumptions, or by a side condition $u \ne v$ with $u - v = \pm b$."""
    excluded = [sp.expand(a.lhs - a.rhs) for a in inst.assumptions if isinstance(a, sp.Ne)]
    for side in (inst.lhs, inst.rhs):
        for power in side.atoms(sp.Pow):
            base = power.base
            if not (power.exp.is_negative and base.free_symbols) or base.is_nonzero:
                continue
            if not any(sp.expand(base - e) == 0 or sp.expand(base + e) == 0 for e in excluded):
                return False
    return True


def domain_mismatch(inst: Instance) -> Verdict | None:
    r"""A refutation at a zero of a denominator where one side is defined and the other is not.

    A symbolic reduction such as ``cancel`` proves $\frac{x^2 - 1}{x - 1} = x + 1$ only where both
    sides are defined; for a claim that must hold wherever its assumptions do, the removable
    singularity $x = 1$ is a counterexample.
    """
    from derivations.checker.strategies.numeric import decide_domain_at  # noqa: PLC0415
    from derivations.checker.strategies.ties import denominator_zeros  # noqa: PLC0415

    for point in denominator_zeros(inst):
        verdict = decide_domain_at(inst, point)
        if verdict is not None:
            return verdict
    return None


def prove_instance(inst: Instance, tests=ZERO_TESTS) -> str | None:
    """How ``inst`` was proved (a strategy name), else None.  Limits go through :func:`symbolic_limit`."""
    if inst.rel == "=":  # maxima split by their argmax, piecewise sides by branch: cheap cases, not simplify's seconds
        return prove_equal_by_max_cases(inst.lhs, inst.rhs) or prove_equal_by_branches(inst.lhs, inst.rhs) or prove_equal(
            inst.lhs, inst.rhs, substitution=inst.simplex_substitution, assumptions=inst.assumptions, tests=tests)
    if inst.rel in INEQUALITIES:
        return prove_inequality(inst)
    if inst.rel == "propto":
        name = reduce_to_zero(sp.diff(inst.lhs / inst.rhs, inst.variable), tests)
        return f"d/d{inst.variable}(lhs/rhs) = 0 by {name}" if name else None
    return None


ALL_SIZES_SHARE = 0.5
"""Share of the rung's seconds for the proof at symbolic sizes: sympy's closed forms of a sum over a symbolic
range (``doit``: Gosper, delta summation) can run for minutes where each concrete size cancels in a second."""


def _prove_for_all_sizes_within(step: Step, seconds: float) -> Verdict | None:
    """:func:`_prove_for_all_sizes`, given up (None) after ``seconds`` of this process's CPU time."""
    return within_cpu_seconds(_prove_for_all_sizes, step, seconds=seconds)


def _prove_for_all_sizes(step: Step) -> Verdict | None:
    if step.rel not in ("=", "propto"):
        return None
    inst = refined_symbolic(step)
    if not ranges_never_reversed(inst):
        return None
    # a sum of 1/(j + c)^k becomes polygammas before doit, which would write it with lerchphi (or not at all)
    lhs, rhs = (sums_as_polygammas(side).doit() for side in (inst.lhs, inst.rhs))
    inst = Instance(lhs, rhs, inst.rel, inst.assumptions, inst.groups, inst.variable, inst.point, inst.label)
    method = prove_instance(inst, CHEAP)
    if method is None:
        return None
    if step.undefined == "refutes" and step.rel == "=" and not denominators_nonzero(inst):
        return None  # a removable singularity may hide behind the cancellation: checked at concrete sizes
    if not _holds_at_smallest_sizes(step):
        return None  # the closed form misses an edge case: the concrete sizes show which
    return Verdict("proved", method=f"symbolic: {method} (symbolic sizes)", assumptions=inst.assumption_texts())


SMALLEST_SIZES = 4
"""Concrete sizes a proof at symbolic sizes must also hold at: the smallest admissible ones."""
PROBE_VALUES = (sp.Rational(3, 7), sp.Rational(5, 3), sp.Rational(-2, 5), sp.Integer(1), sp.Integer(2), sp.Integer(-3))
"""Rational values for the other free symbols of a concrete instance that no reduction settles."""


def _holds_at_smallest_sizes(step: Step) -> bool:
    r"""Whether no instance at the smallest admissible sizes is shown false exactly.

    sympy's closed forms of sums over a symbolic range drop edge cases ($\sum_{j=0}^{n} (-1)^j \binom{n}{j} = 0$
    from ``doit`` for every $n \ge 0$, though it is 1 at $n = 0$); an instance that a cheap reduction proves, or that
    no exact evaluation shows non-zero, lets the proof stand."""
    try:
        insts = smallest_instances(step, SMALLEST_SIZES)
        return not any(prove_instance(inst, CHEAP) is None and _nonzero_at_a_probe(inst) for inst in insts)
    except Unsupported:  # no concrete size to try (none admissible among those tried): as before
        return True
    except (TypeError, ValueError, ArithmeticError, RecursionError, NotImplementedError):
        return False  # the instances could not be checked: the concrete sizes decide


def _nonzero_at_a_probe(inst: Instance) -> bool:
    """Whether ``lhs - rhs`` is an exactly non-zero number at some probe of the other free symbols (each probe
    within the instance's side conditions and the symbols' signs)."""
    difference = (inst.lhs - inst.rhs).doit()
    free = sorted(difference.free_symbols, key=str)
    for value in PROBE_VALUES:
        point = {s: value for s in free}
        if not all(_fits(s, value) for s in free) or any(a.xreplace(point) != sp.true
                                                           for a in inst.assumptions):
            continue
        number = difference.xreplace(point)
        if number.is_Number or number.is_number:
            zero = sp.simplify(number).is_zero
            if zero is False:
                return True
    return False


def _fits(symbol: sp.Symbol, value: sp.Rational) -> bool:
    return not ((symbol.is_integer and not value.is_integer) or (symbol.is_positive and value <= 0)
                or (symbol.is_nonnegative and value < 0) or (symbol.is_negative and value >= 0))


def ranges_never_reversed(inst: Instance) -> bool:
    r"""Whether every ``Sum``/``Product`` range $a..b$ has $b \ge a - 1$ under the assumptions.

    Convention (every rung): a range with $b < a$ is empty, its sum is 0 and its product 1.
    sympy's closed forms follow Karr's convention instead ($\sum_{j=a}^{b} = -\sum_{j=b+1}^{a-1}$
    when $b < a - 1$), so a symbolic-size proof is valid only where no range is reversed; elsewhere
    the claim is checked at concrete sizes.
    """
    for part in (inst.lhs, inst.rhs):
        for node in part.atoms(sp.Sum, sp.Product):
            for _, lo, hi in node.limits:
                count = hi - lo + 1
                if count.is_nonnegative or hi == sp.oo:
                    continue
                if not any(_implies_nonnegative(a, count) for a in inst.assumptions):
                    return False
    return True


def _implies_nonnegative(relation, count: sp.Expr) -> bool:
    r"""Whether ``relation`` ($u \le v$, $u < v$, ...) gives $count \ge 0$: $count - (v - u) \ge 0$ is evident."""
    if isinstance(relation, (sp.Le, sp.Lt)):
        slack = relation.rhs - relation.lhs
    elif isinstance(relation, (sp.Ge, sp.Gt)):
        slack = relation.lhs - relation.rhs
    else:
        return False
    if isinstance(relation, (sp.Lt, sp.Gt)) and slack.free_symbols and all(s.is_integer for s in slack.free_symbols):
        slack -= 1
    return bool((count - slack).is_nonnegative) or sp.expand(count - slack) == 0 or bool(sp.expand(count - slack).is_nonnegative)


def _prove_at_concrete_sizes(step: Step) -> Verdict | None:
    insts, sizes = instances(step)
    methods = []
    for inst in insts:
        if step.rel == "->":
            verdict = symbolic_limit(inst)
            if verdict is None or verdict.kind == "refuted":
                return verdict
            methods.append("limit")
            continue
        method = prove_instance(inst)
        if method is None:
            return None
        mismatch = _mismatch(step, inst)
        if mismatch is not None:
            return mismatch
        methods.append(method)
    where = sizes or "every index value"
    return Verdict("verified", method=f"symbolic at concrete sizes {where}: {', '.join(sorted(set(methods)))}",
                   assumptions=insts[0].assumption_texts(), details={"instances": str(len(insts))},
                   reason=f"each of {len(insts)} concrete instances proved symbolically; not a proof for all sizes")
