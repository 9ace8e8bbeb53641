r"""A derivative's value where sympy's closed form of it is 0/0.

sympy differentiates $|x|^p$ to $p\,|x|^p \operatorname{sign}(x) / |x|$ and $\sqrt{x^2 + x^4}$ to
$(x + 2x^3)/\sqrt{x^2 + x^4}$: at $x = 0$ both are 0/0, yet the first derivative exists there for $p > 1$ (it is
0) and the second does not ($\sqrt{x^2 + x^4} = |x|\sqrt{1 + x^2}$ has a kink).  Reading the closed form as the
claim refuted $\frac{d}{dx}|x|^p = p \operatorname{sign}(x) |x|^{p-1}$ at $p = 2$, $x = 0$.

The written derivative $f^{(n)}(r)$ is read instead from the one-sided limits $L_\pm$ of the closed form $D$
(the other coordinates fixed), by the mean value theorem: where $g = f^{(n-1)}$ is continuous at $r$ and
differentiable beside it, its one-sided derivatives at $r$ are $L_\pm$ when these exist.  So

* $L_+ = L_-$ finite and $g$ continuous at $r$ (defined there, equal to its one-sided limits): $f^{(n)}(r) = L$;
* $L_+ \ne L_-$ certified, or an infinite limit: no derivative, the side is undefined there;
* $f$ itself undefined at $r$ ($\sqrt{x}$ at $x < 0$): undefined, as every derivative of it;
* anything else (a limit sympy cannot take, an oscillation, a $g$ that is itself 0/0): unknown, never a decision.
"""
from __future__ import annotations

import sympy as sp

NOT_FOUND = ("unknown", None)


def value_at(closed: sp.Expr, body: sp.Expr, variable: sp.Symbol, order: int, point: dict, state) -> tuple:
    """``(state, value)`` of the ``order``-th derivative of ``body`` in ``variable`` at the exact ``point``, whose
    closed form ``closed`` is undefined there; ``state(expr, point)`` is :func:`decide.side_state`."""
    if variable not in point:
        return NOT_FOUND
    found, value = state(body, point)
    if found != "defined":  # no function there (sqrt(x) at x < 0), no derivative; or its value is not decided
        return ("undefined", None) if found == "undefined" else NOT_FOUND
    at = point[variable]
    rest = {s: v for s, v in point.items() if s != variable}
    limits = [_limit(closed.xreplace(rest), variable, at, side) for side in ("+", "-")]
    if any(v is None for v in limits):
        return NOT_FOUND
    if any(v.is_infinite for v in limits) or _apart(*limits):
        return "undefined", None
    if sp.simplify(limits[0] - limits[1]) != 0:
        return NOT_FOUND
    lower = sp.diff(body, variable, order - 1) if order > 1 else body
    found, value = state(lower, point) if order > 1 else (found, value)
    if found != "defined":
        return NOT_FOUND  # the derivative below is itself 0/0 or not decided here
    beside = [_limit(lower.xreplace(rest), variable, at, side) for side in ("+", "-")]
    if any(v is None or v.is_infinite for v in beside) or any(sp.simplify(v - value) != 0 for v in beside):
        return NOT_FOUND  # g jumps at r (no derivative), or its continuity is not shown: no decision either way
    return "defined", limits[0]


def _limit(expr: sp.Expr, variable: sp.Symbol, at: sp.Expr, side: str) -> sp.Expr | None:
    """The one-sided limit as a finite or infinite number; None when sympy cannot take it or it oscillates."""
    try:
        value = sp.limit(expr, variable, at, side)
    except Exception:  # noqa: BLE001 - sympy's limit raises many kinds on unusual trees
        return None
    if value.has(sp.Limit, sp.AccumBounds, sp.nan) or value.free_symbols or not value.is_number:
        return None
    if value in (sp.oo, -sp.oo, sp.zoo):
        return value
    return value if value.is_real and value.is_finite else None


def _apart(a: sp.Expr, b: sp.Expr) -> bool:
    """Whether two finite limits are certified different."""
    difference = sp.simplify(a - b)
    return difference.is_zero is False and difference.is_number
