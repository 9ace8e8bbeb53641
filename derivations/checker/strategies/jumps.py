r"""Steps of ``sign``, ``Heaviside``, ``floor`` and ``ceiling`` at points no closed form gives.

A jump function takes a value of its own on a set of measure zero: $\operatorname{sign}(g) = 0$ where $g = 0$,
$\lfloor g \rfloor = k$ where $g = k$.  A claim can fail only there,

.. math:: \operatorname{sign}(\cos x - x)^2 = 1 \quad\text{fails at } x = 0.7390851332\ldots \text{ (the Dottie number)},

and no random sample meets such a point.  ``ties.feature_points`` tries the exact zeros of $g - k$; when sympy
finds none, the zero is only known numerically and cannot be decided exactly.  :func:`jump_failure` finds such
zeros with ``mpmath.findroot`` along the lines through the domain, sets the jump to its value there (the rest of
the claim evaluated at the root, to :data:`ROOT_DIGITS` digits), and reports the first point where the claim then
fails numerically: not a refutation (the root is not exact), but no evidence for the claim either, so the numeric
rung must not call it verified.
"""
from __future__ import annotations

import itertools
from collections.abc import Iterator

import mpmath
import sympy as sp

from derivations.checker.budget import busy_clock
from derivations.checker.strategies.instances import Instance
from derivations.checker.strategies.ties import MAX_SLICE_SYMBOLS, MAX_SLICES, SLICE_VALUES, STARTS, STEP_LEVELS

JUMPS = (sp.sign, sp.Heaviside, sp.floor, sp.ceiling)
MAX_JUMPS = 4
"""Jump functions examined per claim."""
ROOT_DIGITS = 60
"""Digits to which a numeric zero of a jump's argument is polished, and the claim evaluated there."""
TOLERANCE = mpmath.mpf(10) ** -30
"""Relative difference below which the two sides count as equal at a numeric zero (far above the error a root
good to :data:`ROOT_DIGITS` digits leaves in a smooth side)."""


def jump_failure(inst: Instance, deadline: float) -> dict | None:
    """A point (``{symbol: float}`` plus the jump and its level) near which the claim fails with a jump at its own
    value, at a zero of the jump's argument found only numerically; None when there is none or time runs out."""
    for found in _failures(inst, deadline):
        return found
    return None


def _failures(inst: Instance, deadline: float) -> Iterator[dict]:
    from derivations.checker.strategies.numeric import inside  # noqa: PLC0415 - numeric imports this module

    symbols = inst.symbols
    if not symbols or len(symbols) > MAX_SLICE_SYMBOLS or inst.is_complex:
        return
    jumps = sorted((inst.lhs - inst.rhs).atoms(*JUMPS), key=str)[:MAX_JUMPS]
    for s in symbols:
        if s.is_integer:
            continue  # an integer symbol's steps are exact points (ties.feature_points), or fall between integers
        others = [t for t in symbols if t != s]
        for values in itertools.islice(itertools.product(SLICE_VALUES, repeat=len(others)), MAX_SLICES):
            fill = dict(zip(others, values))
            for node in jumps:
                argument = node.args[0].xreplace(fill)
                if argument.free_symbols != {s}:
                    continue
                levels = (0,) if node.func in (sp.sign, sp.Heaviside) else STEP_LEVELS
                for level in levels:
                    for root in _roots(argument - level, s, deadline):
                        if busy_clock() > deadline:
                            return
                        if _exact_zero(argument - level, s, root):
                            continue  # a closed-form zero: ties.feature_points decides the claim there exactly
                        point = {**fill, s: sp.Rational(mpmath.nstr(root, ROOT_DIGITS))}
                        if not inside(inst, point):
                            continue
                        at_level = _value_at_step(node, level)
                        if _fails(inst, {node: at_level}, point):
                            return_point = {str(t): float(v) for t, v in point.items()}
                            yield return_point | {"jump": str(node), "value there": str(at_level)}


STEP_OFFSETS = tuple(sp.Integer(10) ** -k for k in (25, 50, 100))
r"""Exact distances from a step at which the claim is decided on either side (:func:`beside_steps`)."""


def beside_steps(inst: Instance, point: dict) -> Iterator[dict]:
    r"""Exact points at :data:`STEP_OFFSETS` on either side of ``point`` along each real symbol, when ``point`` is a
    step of a jump function in the claim ($g$ an integer under ``floor``/``ceiling``, $0$ under
    ``sign``/``Heaviside``).

    A claim can fail only on one side of a step, in a sliver narrower than the spacing of float64:
    $\lfloor x^2 \rfloor \ge x^2 - 1 + 10^{-30}$ fails only where $x^2$ is within $10^{-30}$ below an integer,
    just left of $x = \sqrt 2$, where it holds; no sample meets the sliver, and the step itself shows nothing."""
    jumps = [node for node in (inst.lhs - inst.rhs).atoms(*JUMPS)]
    if not jumps or not _at_a_step(jumps, point):
        return
    for s in inst.symbols:
        if s.is_integer or s not in point:
            continue
        for offset in STEP_OFFSETS:
            for direction in (-1, 1):
                yield point | {s: point[s] + direction * offset}


def _at_a_step(jumps, point: dict) -> bool:
    for node in jumps:
        try:
            g = node.args[0].xreplace(point)
        except Exception:  # noqa: BLE001 - not a number here
            continue
        if g.free_symbols:
            continue
        if (g.is_integer if node.func in (sp.floor, sp.ceiling) else g.is_zero) is True:
            return True
    return False


def _value_at_step(node: sp.Expr, level: int) -> sp.Expr:
    r"""The jump's own value where its argument equals ``level``: $\operatorname{sign}(0) = 0$, the convention a
    ``Heaviside`` states in its second argument ($H(0) = \tfrac12$ when it states none), ``level`` for a floor or
    ceiling."""
    if node.func in (sp.sign, sp.Heaviside):
        return node.func(sp.Integer(level), *node.args[1:])
    return sp.Integer(level)


def _exact_zero(expr: sp.Expr, x: sp.Symbol, root) -> bool:
    """Whether the numeric zero ``root`` of ``expr`` is a simple rational (an integer, a small fraction) at which
    ``expr`` vanishes exactly: such a zero is not the case this module is for."""
    guess = sp.nsimplify(sp.Float(mpmath.nstr(root, 30), 30), rational=True, tolerance=sp.Float(10) ** -25)
    if not isinstance(guess, sp.Rational) or guess.q > 10**6:
        return False
    try:
        return sp.simplify(expr.xreplace({x: guess})) == 0
    except Exception:  # noqa: BLE001 - not decided: treat the zero as numeric
        return False


def _roots(expr: sp.Expr, x: sp.Symbol, deadline: float) -> list:
    """Real zeros of ``expr`` in ``x`` from ``findroot`` at :data:`STARTS`, polished to :data:`ROOT_DIGITS` digits."""
    try:
        f = sp.lambdify([x], expr, modules="mpmath")
    except Exception:  # noqa: BLE001
        return []
    roots = []
    with mpmath.workdps(ROOT_DIGITS + 10):
        for start in STARTS:
            if busy_clock() > deadline:
                break
            try:
                root = mpmath.findroot(f, mpmath.mpf(start))
                if isinstance(root, mpmath.mpc):
                    if abs(root.imag) > mpmath.mpf(10) ** -ROOT_DIGITS:
                        continue
                    root = root.real
                if not mpmath.isfinite(root) or not abs(f(root)) <= mpmath.mpf(10) ** -(ROOT_DIGITS - 10):
                    continue  # no root: findroot's nan (log(floor(x), 2) - 1 near x = 1) compares False to all
            except Exception:  # noqa: BLE001 - no convergence from this start
                continue
            if all(abs(root - r) > mpmath.mpf(10) ** -(ROOT_DIGITS - 20) for r in roots):
                roots.append(root)
    return roots


def _fails(inst: Instance, replacement: dict, point: dict) -> bool:
    """Whether the claim, with the jump at its value (``replacement``), fails numerically at ``point``."""
    try:
        lhs, rhs = (side.xreplace(replacement).xreplace(point).evalf(ROOT_DIGITS) for side in (inst.lhs, inst.rhs))
        if not (lhs.is_number and rhs.is_number and lhs.is_real and rhs.is_real):
            return False
        l, r = mpmath.mpf(sp.Float(lhs, ROOT_DIGITS)._mpf_), mpmath.mpf(sp.Float(rhs, ROOT_DIGITS)._mpf_)
    except Exception:  # noqa: BLE001 - undefined or not a number there: no evidence either way
        return False
    if not (mpmath.isfinite(l) and mpmath.isfinite(r)):
        return False
    gap = l - r
    tie = abs(gap) <= TOLERANCE * max(1, abs(l), abs(r))
    if inst.rel == "=":
        return not tie
    if inst.rel in ("<", ">"):
        return tie or (gap > 0) != (inst.rel == ">")
    if inst.rel in ("<=", ">="):
        return not tie and (gap > 0) != (inst.rel == ">=")
    return False
