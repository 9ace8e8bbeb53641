r"""Where a written derivative does not exist: the kinks of $|u|$, $\max$, $\min$, $\operatorname{sign}$ and $H$.

sympy differentiates through a kink with a convention: $\frac{d}{dx}|x| = \operatorname{sign} x$, which is $0$ at
$x = 0$, and $\frac{d}{dx}\max(x, c) = H(x - c)$, which is $\tfrac12$ at $x = c$.  The derivative does not exist
there: the one-sided derivatives are $\pm 1$ (and $0, 1$).  Where $f$ is continuous at a kink $x = r$ and
$f'$ has one-sided limits, the one-sided derivatives are those limits, so $f'(r)$ exists exactly when

.. math:: \lim_{x \to r^+} f'(x) - \lim_{x \to r^-} f'(x) = 0 \quad\text{and}\quad f(r^+) - f(r^-) = 0.

Both jumps are read off the formula: on either side of the kink $u = 0$ each atom whose argument is a non-zero
multiple of $u$ takes its one-sided form ($|u| \to \pm u$, $\operatorname{sign} u \to \pm 1$, $H(u) \to 1, 0$,
$\max(a, b) \to a, b$, $\delta(u) \to 0$).  A root $r$ of $u$ where a jump is certified non-zero is where the
derivative is undefined as written; $\frac{d}{dx}|x|^3 = 3x|x|$ has no such root (both jumps vanish at 0), so the
derivative exists everywhere.  A jump that cannot be certified non-zero names no point.
"""
from __future__ import annotations

import sympy as sp

KINKED = (sp.Abs, sp.sign, sp.Heaviside, sp.Max, sp.Min, sp.DiracDelta)
"""Functions with a kink (or a jump) where their argument (for ``Max``/``Min`` of two, the difference) is 0."""
MAX_KINKS = 6
"""Most kinks examined per derivative."""
MAX_ROOTS = 6
"""Most roots of one kink examined."""


def derivative_poles(body: sp.Expr, variable: sp.Symbol, order: int) -> list[sp.Expr]:
    r"""Expressions $x - r$, one per root $r$ of a kink of ``body`` (or of its derivatives below ``order``) where
    the ``order``-th derivative in ``variable`` does not exist: a written divisor of the derivative."""
    poles: list[sp.Expr] = []
    try:
        lower = body
        for _ in range(order):
            upper = sp.diff(lower, variable)
            for kink in _kinks(lower, variable):
                for root in _roots(kink, variable):
                    if any(_certified_nonzero(_jump(e, kink, variable, root)) for e in (lower, upper)):
                        poles.append(variable - root)
            lower = upper
    except (TypeError, ValueError, NotImplementedError, ZeroDivisionError, sp.PolynomialError):
        return poles
    return list(dict.fromkeys(poles))


def _kink_of(atom) -> sp.Expr | None:
    if isinstance(atom, (sp.Abs, sp.sign, sp.Heaviside, sp.DiracDelta)):
        return atom.args[0]
    if isinstance(atom, (sp.Max, sp.Min)) and len(atom.args) == 2:
        return atom.args[0] - atom.args[1]
    return None


def _kinks(expr: sp.Expr, variable) -> list[sp.Expr]:
    found: list[sp.Expr] = []
    for atom in sorted(expr.atoms(*KINKED), key=sp.default_sort_key):
        kink = _kink_of(atom)
        if kink is None or variable not in kink.free_symbols or any(_ratio(kink, k) is not None for k in found):
            continue
        found.append(kink)
    return found[:MAX_KINKS]


def _roots(kink: sp.Expr, variable) -> list[sp.Expr]:
    try:
        roots = sp.solve(kink, variable)
    except Exception:  # noqa: BLE001 - sympy cannot solve it: no point named
        return []
    return [r for r in roots if isinstance(r, sp.Expr) and r.is_real is not False][:MAX_ROOTS]


def _ratio(v: sp.Expr, kink: sp.Expr):
    """The non-zero real number $v / u$, else None."""
    ratio = sp.cancel(v / kink)
    return ratio if ratio.is_number and ratio.is_real and ratio.is_nonzero else None


def _one_side(expr: sp.Expr, kink: sp.Expr, side: int) -> sp.Expr:
    """``expr`` on the side of ``kink = 0`` where ``kink`` has the sign ``side`` (+1 or -1)."""
    def form(atom):
        ratio = _ratio(_kink_of(atom), kink)
        t = side if ratio > 0 else -side
        if isinstance(atom, sp.Abs):
            return t * atom.args[0]
        if isinstance(atom, sp.sign):
            return sp.Integer(t)
        if isinstance(atom, sp.Heaviside):
            return sp.Integer(1 if t > 0 else 0)
        if isinstance(atom, sp.DiracDelta):
            return sp.Integer(0)
        if isinstance(atom, sp.Max):
            return atom.args[0] if t > 0 else atom.args[1]
        return atom.args[1] if t > 0 else atom.args[0]  # Min(a, b) with a - b > 0 is b

    def matches(e) -> bool:
        return isinstance(e, KINKED) and _kink_of(e) is not None and _ratio(_kink_of(e), kink) is not None

    return expr.replace(matches, form)


def _jump(expr: sp.Expr, kink: sp.Expr, variable, root: sp.Expr) -> sp.Expr:
    """The jump of ``expr`` across ``kink = 0`` at ``variable = root``."""
    return sp.simplify((_one_side(expr, kink, 1) - _one_side(expr, kink, -1)).xreplace({variable: root}))


def _certified_nonzero(value: sp.Expr) -> bool:
    return value.is_nonzero is True or (value.is_number and value.is_finite is True and value != 0
                                        and value.is_zero is False)
