r"""Where a written derivative does not exist: the kinks of $|u|$, $\max$, $\min$, $\operatorname{sign}$ and $H$.

sympy differentiates through a kink with a convention: $\frac{d}{dx}|x| = \operatorname{sign} x$, which is $0$ at
$x = 0$, and $\frac{d}{dx}\max(x, c) = H(x - c)$, which is $\tfrac12$ at $x = c$.  The derivative does not exist
there: the one-sided derivatives are $\pm 1$ (and $0, 1$).  Where $f$ is continuous at a kink $x = r$ and
$f'$ has one-sided limits, the one-sided derivatives are those limits, so $f'(r)$ exists exactly when

.. math:: \lim_{x \to r^+} f'(x) - \lim_{x \to r^-} f'(x) = 0 \quad\text{and}\quad f(r^+) - f(r^-) = 0.

Both jumps are read off the formula: on either side of a root $r$ of a kink, each atom whose kink vanishes at $r$
takes its one-sided form there, with the sign its kink has just right or left of $r$ ($|u| \to \pm u$,
$\operatorname{sign} u \to \pm 1$, $H(u) \to 1, 0$, $\max(a, b) \to a, b$, $\delta(u) \to 0$): in
$|x| - |\sin x|$ both atoms resolve at 0, and the jumps cancel ($f'(0) = 0$).  A root $r$ of $u$ where a jump is certified non-zero is where the
derivative is undefined as written; $\frac{d}{dx}|x|^3 = 3x|x|$ has no such root (both jumps vanish at 0), so the
derivative exists everywhere.  A jump that cannot be certified non-zero names no point.
"""
from __future__ import annotations

import itertools

import sympy as sp

KINKED = (sp.Abs, sp.sign, sp.Heaviside, sp.Max, sp.Min, sp.DiracDelta)
"""Functions with a kink (or a jump) where their argument (for ``Max``/``Min`` of two, the difference) is 0."""
MAX_KINKS = 6
"""Most kinks examined per derivative."""
MAX_ROOTS = 6
"""Most roots of kinks examined per order of the derivative."""


def derivative_poles(body: sp.Expr, variable: sp.Symbol, order: int) -> list[sp.Expr]:
    r"""Expressions $x - r$, one per root $r$ of a kink of ``body`` (or of its derivatives below ``order``) where
    the ``order``-th derivative in ``variable`` does not exist: a written divisor of the derivative."""
    poles: list[sp.Expr] = []
    try:
        lower = body
        for _ in range(order):
            upper = sp.diff(lower, variable)
            roots = list(dict.fromkeys(r for kink in _kinks(lower, variable) for r in _roots(kink, variable)))
            for root in roots[:MAX_ROOTS]:
                sides = _sides(lower, upper, variable, root)
                if sides is not None and any(_certified_nonzero(_jump(e, sides, variable, root))
                                             for e in (lower, upper)):
                    poles.append(variable - root)
                elif sides is None and _jumps_for_every_sign(lower, upper, variable, root):
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
        if kink is None or variable not in kink.free_symbols or kink in found:
            continue
        found.append(kink)
    return found[:MAX_KINKS]


def _roots(kink: sp.Expr, variable) -> list[sp.Expr]:
    try:
        roots = sp.solve(kink, variable)
    except Exception:  # noqa: BLE001 - sympy cannot solve it: no point named
        return []
    return [r for r in roots if isinstance(r, sp.Expr) and r.is_real is not False]


def _sides(lower, upper, variable, root) -> dict | None:
    r"""For every kinked atom of ``lower`` and ``upper`` whose kink vanishes at ``root``: the signs (+1 or -1) of its
    kink just right and just left of it ($\sin x$ at 0 as well as $x$: both resolve there); None when a sign is
    not found (then no point is named)."""
    sides = {}
    for atom in (lower.atoms(*KINKED) | upper.atoms(*KINKED)):
        kink = _kink_of(atom)
        if kink is None or variable not in kink.free_symbols:
            continue
        if sp.simplify(kink.xreplace({variable: root})) != 0:
            continue  # its kink is elsewhere: the atom is what it is on both sides of root
        signs = tuple(sp.limit(sp.sign(kink), variable, root, d) for d in ("+", "-"))
        if not all(t in (1, -1) for t in signs):
            return None
        sides[atom] = signs
    return sides


MAX_SLOPES = 2
"""Most distinct parameter-dependent slopes whose signs :func:`_jumps_for_every_sign` enumerates (4 cases)."""


def _jumps_for_every_sign(lower, upper, variable, root) -> bool:
    r"""Whether, at a root where the side of a kink depends on a parameter, a jump is certified non-zero whatever
    the sign of the parameter.

    The kink $1 - yx$ of the hinge $\max(0, 1 - yx)$ vanishes at $x = 1/y$, and which side of it is positive depends
    on the sign of its slope $-y$ in $x$ (``_sides`` finds no constant sign there, so no point was named and
    $\frac{d}{dx}\max(0, 1 - yx) = -y H(1 - yx)$ was proved, although the hinge has no derivative at its kink).
    For a kink linear in the variable, slope $a$, the sign just right of the root is that of $a$ and just left the
    opposite.  Each sign case of the (at most :data:`MAX_SLOPES`) slopes is tried: the jump must be certified
    non-zero given the case's signs (``sympy.ask``).  The root $-b/a$ itself has no value where $a = 0$, so the
    divisor $x - r$ names no point of a kink that is flat in $x$."""
    slopes, atoms = [], {}
    for atom in (lower.atoms(*KINKED) | upper.atoms(*KINKED)):
        kink = _kink_of(atom)
        if kink is None or variable not in kink.free_symbols:
            continue
        if sp.simplify(kink.xreplace({variable: root})) != 0:
            continue
        try:
            poly = sp.Poly(kink, variable)
        except sp.PolynomialError:
            return False
        if poly.degree() != 1:
            return False
        slope = poly.all_coeffs()[0]
        if slope.is_number:
            if slope == 0:
                return False
            atoms[atom] = (None, 1 if slope > 0 else -1)
            continue
        if slope not in slopes and -slope not in slopes:
            slopes.append(slope)
        atoms[atom] = (slope if slope in slopes else -slope, 1 if slope in slopes else -1)
    if not slopes or len(slopes) > MAX_SLOPES:
        return False
    for signs in itertools.product((1, -1), repeat=len(slopes)):
        given = sp.And(*(sp.Q.positive(t * a) for t, a in zip(signs, slopes)))
        sides = {}
        for atom, (slope, flip) in atoms.items():
            t = flip * (1 if slope is None else signs[slopes.index(slope)])
            sides[atom] = (t, -t)
        if not any(sp.ask(sp.Q.nonzero(_jump(e, sides, variable, root)), given) is True for e in (lower, upper)):
            return False
    return True


def _form(atom, t: int) -> sp.Expr:
    """``atom`` where its kink has the sign ``t``."""
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


def _jump(expr: sp.Expr, sides: dict, variable, root: sp.Expr) -> sp.Expr:
    """The jump of ``expr`` at ``variable = root``: its right form minus its left form there."""
    right, left = (expr.xreplace({a: _form(a, signs[k]) for a, signs in sides.items()}) for k in (0, 1))
    return sp.simplify((right - left).xreplace({variable: root}))


def _certified_nonzero(value: sp.Expr) -> bool:
    return value.is_nonzero is True or (value.is_number and value.is_finite is True and value != 0
                                        and value.is_zero is False)


def cut_divisors(body: sp.Expr, variable: sp.Symbol, order: int) -> list[sp.Expr]:
    r"""Divisors that vanish where a derivative in ``variable`` crosses the branch cut of $\operatorname{atan2}(u, v)$.

    $\operatorname{atan2}(u, v)$ jumps from $-\pi$ to $\pi$ across $u = 0$ where $v < 0$; sympy differentiates it to
    $(v u' - u v')/(u^2 + v^2)$ everywhere, so $\frac{\partial}{\partial y} \operatorname{atan2}(y, x) =
    \frac{x}{x^2 + y^2}$ was proved, although at $y = 0$, $x < 0$ there is no derivative.  For $u$ of degree one in
    the variable (it changes sign at its zero, so the path crosses the cut) the divisor

    .. math:: u^2 + (v + |v|)^2

    is zero exactly on the cut ($u = 0$, $v \le 0$; $v = 0$ is atan2's own undefined point).  A $u$ that only touches
    0 ($u = y^2$: $\operatorname{atan2}(y^2, x)$ is smooth in $y$ there) names no divisor, nor does one of higher
    degree (whether it crosses is not decided here)."""
    if order < 1:
        return []
    out = []
    for atom in sorted(body.atoms(sp.atan2), key=sp.default_sort_key):
        u, v = atom.args
        if variable not in u.free_symbols:
            continue  # along v the cut is a constant pi (v < 0 at u = 0): no jump is crossed
        try:
            degree = sp.Poly(u, variable).degree()
        except sp.PolynomialError:
            continue
        if degree == 1:
            out.append(u**2 + (v + sp.Abs(v)) ** 2)
    return list(dict.fromkeys(out))


def cut_of(divisor: sp.Expr) -> tuple[sp.Expr, sp.Expr] | None:
    r"""``(u, v)`` when ``divisor`` is a cut divisor $u^2 + (v + |v|)^2$ of :func:`cut_divisors`, else None."""
    if not isinstance(divisor, sp.Add) or len(divisor.args) != 2:
        return None
    for first, second in (divisor.args, divisor.args[::-1]):
        if not (isinstance(first, sp.Pow) and first.exp == 2 and isinstance(second, sp.Pow) and second.exp == 2):
            continue
        for size in first.base.atoms(sp.Abs):
            v = size.args[0]
            if sp.expand(first.base - size - v) == 0:
                return second.base, v
    return None
