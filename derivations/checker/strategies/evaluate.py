r"""High-precision evaluation with mpmath, and the tolerance that decides agreement.

Expressions are compiled once with ``sympy.lambdify(symbols, expr, "mpmath")``
(of sympy objects, never of strings) and evaluated at float64 inputs, which
``mpmath.mpf`` represents exactly, so every precision sees the same point.

A value is *undefined* at a point when evaluation raises (division by zero,
a domain error) or gives a non-real or non-finite result; such points are
skipped and counted, never compared.
"""
from __future__ import annotations

import functools
import itertools
import keyword
import math
import threading
from collections.abc import Callable

import mpmath
import sympy as sp
from sympy.core.function import AppliedUndef

from symbolic import unevaluated
from symbolic.expr import as_expr

from derivations.checker.budget import within_cpu_seconds
from derivations.checker.strategies.complements import complements
from derivations.checker.strategies.huge import huge_exact
from derivations.checker.strategies.exp_cancellation import exponentials_cancelled, near_one_logs
from derivations.checker.strategies.instances import Unsupported, instances

TOLERANCE_MARGIN = 10
r"""Digits given up to rounding: at ``dps`` digits two values agree when
$|l - r| \le 10^{-(dps - 10)} \max(|l|, |r|, 1)$.  Ten digits absorb the
rounding of a few hundred operations, each off by $10^{-dps}$ relative, and
the cancellation in sums of terms up to $10^{8}$ times the result at 30 digits;
a larger loss fails the point, which is then re-evaluated at more digits."""


def compile_expr(symbols, expr: sp.Expr) -> Callable:
    r"""An mpmath function of ``symbols``; unsupported constructs raise :class:`Unsupported`.

    A ``DiracDelta`` (from differentiating ``sign`` or ``Heaviside``: $\frac{d}{dx} x^2 \operatorname{sign} x =
    2x \operatorname{sign} x + 2x^2 \delta(x)$) is a distribution with no value at a point, so it is one of them.
    The last ``MAX_COMPILED`` functions are remembered by ``(symbols, expr)``: the same pair always prints to the
    same source, so compiling it again could only give the same function.  They are compiled in the caller before
    a step's rungs fork (:func:`compile_before_fork`), so that the probe and numeric children inherit them instead
    of each compiling the same sides, and a chain's next step finds its left side (the last step's right).
    """
    return _compiled(tuple(symbols), expr)


MAX_COMPILED = 256
"""Enough for every step of a derivation, all compiled before the one child its rungs share is forked (the library's
largest, ``softmax_jacobian``, has 89 instances, 2 sides each); every such child is forked from this process, so
what it keeps costs each fork its pages."""


@functools.lru_cache(maxsize=MAX_COMPILED)
def _compiled(symbols: tuple, expr) -> Callable:
    if isinstance(expr, sp.Basic) and expr.has(sp.DiracDelta):
        raise Unsupported(f"{str(expr)[:80]} holds a DiracDelta, which has no value at a point")
    unknown = sorted(str(f.func) for f in _unknown_functions(expr))
    if unknown:
        raise Unsupported(f"{unknown[0]} is a function the claim does not define: it has no value at a point")
    try:
        exact = near_one_logs(exponentials_cancelled(complements(expr)))  # 1/2 - erf(z)/2 as erfc(z)/2, cosh y - sinh y
        arguments, renamed = identifier_arguments(list(symbols), exact)
        return sp.lambdify(arguments, renamed, modules="mpmath")
    except Exception as exc:  # noqa: BLE001 - lambdify fails in many ways on unknown nodes
        raise Unsupported(f"cannot evaluate {str(expr)[:80]} numerically ({type(exc).__name__})") from None


def _unknown_functions(expr) -> set:
    """The applications of undefined functions in ``expr`` (``f(x)``, ``f''(x)``) that carry no implementation: printed
    to Python, ``f(x)`` would fail by name when called and ``f''(x)`` would call an empty string."""
    if not isinstance(expr, sp.Basic):
        return set()
    return {f for f in expr.atoms(AppliedUndef) if not hasattr(f, "_imp_")}


def compile_before_fork(step, *, seconds: float) -> None:
    r"""Compile, in this process and within ``seconds`` of its CPU time, what the probe's numeric test compiles for
    ``step``: each concrete instance's sides (on the simplex; $lhs / rhs$ for ``propto``) and side conditions.

    Only a saving, like ``instances.build_before_fork``: a construct that cannot be compiled, a limit or an
    integral (which the probe does not sample), or the time running out leaves the rest to the children,
    which compile what they need as before.
    """
    def compile_all():
        for inst in instances(step)[0]:
            if any(part.has(sp.Integral) for part in (inst.lhs, inst.rhs)):
                return
            inst = inst.on_simplex()
            Conditions(inst.symbols, inst.assumptions)
            for side in (inst.lhs / inst.rhs,) if inst.rel == "propto" else (inst.lhs, inst.rhs):
                compile_expr(inst.symbols, side)

    if step.rel == "->" or threading.current_thread() is not threading.main_thread():
        return
    try:
        within_cpu_seconds(compile_all, seconds=seconds)
    except Exception:  # noqa: BLE001, S110 - the children meet the same failure and report it
        pass


def identifier_arguments(symbols: list, expr):
    r"""``symbols`` renamed to Python identifiers where they are not (``z[0]``, a ``Dummy``), and ``expr`` with the
    new names, renamed in one pass that does not re-evaluate the tree.

    ``lambdify`` renames such arguments itself, one ``xreplace`` of the whole expression per argument,
    each rebuilding every node above it: a ``Max`` of $n$ arguments re-runs its pairwise comparisons
    ($O(n^2)$ assumption queries) each time, seconds per side at $K = 3$.  Renaming atoms changes no
    value, so the already-evaluated tree is rebuilt unevaluated (:func:`symbolic.unevaluated.renamed`: the tree
    ``with evaluate(False)`` gives, without that switch emptying sympy's cache twice per compiled side).
    """
    taken = {str(s) for s in getattr(expr, "free_symbols", ())} | {str(s) for s in symbols}
    renamed, fresh = {}, (f"_arg{k}" for k in itertools.count())
    for s in symbols:
        if isinstance(s, sp.Dummy) or not (str(s).isidentifier() and not keyword.iskeyword(str(s))):
            name = next(n for n in fresh if n not in taken)
            renamed[s] = sp.Symbol(name, **s.assumptions0)
    if not renamed or not isinstance(expr, sp.Basic):
        return symbols, expr
    return [renamed.get(s, s) for s in symbols], unevaluated.renamed(expr, renamed)


def value_at(function: Callable, values: list[float], dps: int, *, allow_complex: bool = False):
    """``function`` at ``values`` with ``dps`` digits: a finite real ``mpf`` (or ``mpc`` when
    ``allow_complex``), or None where undefined."""
    with mpmath.workdps(dps):
        try:
            result = function(*[mpmath.mpf(v) for v in values])
            if allow_complex:
                result = mpmath.mpc(result)
                return result if mpmath.isfinite(result.real) and mpmath.isfinite(result.imag) else None
            if isinstance(result, mpmath.mpc):
                if result.imag != 0:
                    return None
                result = result.real
            result = mpmath.mpf(result)
        except (ArithmeticError, ValueError, TypeError):
            return None
        return result if mpmath.isfinite(result) else None


CONFIRM_MAX_DIGITS = 2000
r"""Most working digits sympy's ``evalf`` may use to confirm a failing point (an input of $10^{-300}$
inside $1 - \cos x$ needs about 600)."""


CONFIRM_EXACT_DIGITS = 20_000
"""Largest exact value (in decimal digits) that substituting a point for :func:`confirm` may build (as
``decide.MAX_EXACT_DIGITS``): a side whose substitution needs more is not confirmed."""


def confirm(exprs, point: dict, dps: int) -> list | None:
    r"""``exprs`` at ``point`` to ``dps`` *correct* digits, by sympy's precision-tracking ``evalf``.

    ``evalf(strict=True)`` raises working precision through cancellations (up to
    ``CONFIRM_MAX_DIGITS``) until the result is accurate; None when it cannot
    reach that accuracy or the value is not a finite real.  Inputs are the exact
    rationals of the float64 values.
    """
    subs = {s: sp.Rational(v) for s, v in point.items()}
    values = []
    for expr in exprs:
        if isinstance(expr, sp.Basic) and huge_exact(expr, subs, CONFIRM_EXACT_DIGITS):
            return None  # loggamma(10**8) would build (10**8 - 1)! exactly while substituting
        try:
            # substitute first: evalf(subs=...) raises PrecisionExhausted on a sub-expression
            # that is exactly 0 at the point (1 - c at c = 1); xreplace makes it an exact 0
            value = as_expr(expr).xreplace(subs).evalf(dps, maxn=CONFIRM_MAX_DIGITS, strict=True)
        except Exception:  # noqa: BLE001 - PrecisionExhausted, or evalf cannot handle a node
            return None
        if not (value == 0 or value.is_Float):
            return None
        with mpmath.workdps(dps):
            values.append(mpmath.mpf(0) if value == 0 else mpmath.mpf(value._mpf_))
    return values


def tolerance(dps: int, *values):
    r"""$10^{-(dps - margin)} \max(|v|, 1)$ over ``values``."""
    with mpmath.workdps(dps):
        return rounding_unit(dps) * max([abs(v) for v in values] + [mpmath.mpf(1)])


@functools.lru_cache(maxsize=256)
def rounding_unit(dps: int):
    r"""$10^{-(dps - margin)}$ at ``dps`` digits, the same ``mpf`` each time (immutable): a power computed at every
    compared point otherwise."""
    with mpmath.workdps(dps):
        return mpmath.mpf(10) ** (TOLERANCE_MARGIN - dps)


def relatively_apart(l, r, dps: int) -> bool:
    r"""Whether $|l - r| > 10^{-(dps - margin)} \max(|l|, |r|)$: the sides differ beyond rounding relative to their
    own size (an agreement within :func:`tolerance` may then rest on its absolute floor of 1 alone)."""
    with mpmath.workdps(dps):
        return abs(l - r) > rounding_unit(dps) * max(abs(l), abs(r))


def compare(rel: str, l, r, dps: int) -> str:
    r"""``'holds'``, ``'near'`` or ``'fails'``: ``near`` when $|l - r|$ is within the rounding
    :func:`tolerance`, where the sign of $l - r$ is not known and an exact decision is needed
    (a tie refutes a strict inequality; agreement within rounding is not equality)."""
    with mpmath.workdps(dps):
        difference = l - r
        if abs(difference) <= tolerance(dps, l, r):
            return "near"
        if rel == "=":
            return "fails"
        if rel in ("<=", "<"):
            return "holds" if difference < 0 else "fails"
        if rel in (">=", ">"):
            return "holds" if difference > 0 else "fails"
    raise ValueError(f"no pointwise test for relation {rel!r}")


def magnitude_digits(exprs, values) -> int:
    r"""Extra working digits for big arguments: $\log_{10}$ of the largest number written in ``exprs``
    plus that of the largest coordinate (``sin(10**300*x)`` at $x = 10^{5}$ needs 305 more digits
    to know the argument modulo $2\pi$)."""
    biggest = written_digits(tuple(exprs))
    coordinate = max((abs(v) for v in values), default=0.0)
    extra = biggest + (math.log10(coordinate) if coordinate > 1 else 0.0)
    return int(min(extra, MAX_EXTRA_DIGITS)) + 1


@functools.lru_cache(maxsize=64)
def written_digits(exprs: tuple) -> int:
    """Decimal digits of the largest numerator or denominator written in ``exprs`` (cached per claim)."""
    biggest = 0
    for expr in exprs:
        for number in expr.atoms(sp.Rational):
            biggest = max(biggest, len(str(abs(number.p))) - 1, len(str(number.q)) - 1)
    return biggest


MAX_EXTRA_DIGITS = 1200
"""Most digits :func:`magnitude_digits` adds (a point beyond that is evaluated but its agreement is not trusted)."""


def relation_holds(rel: str, l, r, dps: int) -> bool:
    """``l REL r`` up to the tolerance (a strict relation is not refuted by equality within it)."""
    with mpmath.workdps(dps):
        tol = tolerance(dps, l, r)
        if rel == "=":
            return abs(l - r) <= tol
        if rel in ("<=", "<"):
            return l - r <= tol
        if rel in (">=", ">"):
            return r - l <= tol
    raise ValueError(f"no pointwise test for relation {rel!r}")


_REL_OF = {sp.Eq: "=", sp.Ne: "!=", sp.Le: "<=", sp.Lt: "<", sp.Ge: ">=", sp.Gt: ">"}


class Conditions:
    """The step's side conditions, checked at a point (exactly on the strict side: no tolerance)."""

    def __init__(self, symbols, assumptions):
        self.tests = []
        for a in assumptions:
            for part in (a.args if isinstance(a, sp.And) else (a,)):
                if part == sp.true:
                    continue
                if part == sp.false or type(part) not in _REL_OF:
                    raise Unsupported(f"cannot sample under the side condition {part}")
                self.tests.append((_REL_OF[type(part)], compile_expr(symbols, part.lhs - part.rhs)))

    def hold(self, values: list[float], dps: int) -> bool:
        for rel, difference in self.tests:
            d = value_at(difference, values, dps)
            if d is None:
                return False
            ok = {"=": abs(d) <= tolerance(dps, d), "!=": d != 0, "<=": d <= 0, "<": d < 0, ">=": d >= 0, ">": d > 0}[rel]
            if not ok:
                return False
        return True


def show(value, digits: int = 20) -> str:
    """A readable string for an mpf, a float or a sympy number."""
    if isinstance(value, (mpmath.mpf, mpmath.mpc)):
        return mpmath.nstr(value, digits)
    if isinstance(value, float):
        return repr(value)
    return str(value)
