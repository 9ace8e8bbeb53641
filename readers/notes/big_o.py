r"""Claims with a big-O remainder: ``f(x + \epsilon) = f(x) + \epsilon f'(x) + O(\epsilon^2)``.

``lhs = rest + O(g)`` (``O``, ``\mathcal{O}``) claims that the remainder ``lhs - rest`` shrinks at least as fast
as ``g`` when the small quantities of ``g`` go to 0.  The small quantities are the symbols of which ``g`` is a
positive power times a factor free of them (``\eta`` in ``O(\eta^2 f'^2(x))``, ``\epsilon`` in
``O(\epsilon^2)``); a factor ``(x - a)^k`` (``O((x - a)^3)``) makes ``x - a`` small.  With each scaled by ``t``,
``g`` is of order ``m`` in ``t`` and the claim is

.. math:: \text{lhs}(t) - \text{rest}(t) = O(t^m),

checked as :mod:`readers.notes.approximation` checks an approximation: the residual at ``t = 10^{-3..-5}``
must fall by ``m`` decades per decade of ``t``, at random points, with each function the notes leave arbitrary
(and its derivatives ``f'``, ``f''``) replaced by random smooth functions.  Holding everywhere is evidence
(``verified``, never ``proved``); a failure refutes nothing (the caller keeps ``undecided``).
"""
from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef

BIG_O_NAMES = frozenset({"O", r"\mathcal{O}", r"\mathcal O", r"\mathcal{O }"})
r"""Names the LaTeX reader gives the big-O letter when it is read as a factor: ``O(g)`` becomes ``O \cdot g``."""


def unsplit(lhs, rhs, latex: str) -> bool:
    r"""Whether the step has a big-O letter that :func:`split` cannot take apart: ``O`` on both sides or in several
    terms (``p O(x^m) + q O(x^n) = O(x^r)``: orders compared, an asymptotic statement), where the letter read as a
    factor would make a false identity of a true one."""
    if not any(mark in latex for mark in ("O(", r"O\left(", r"O\big", r"O\Big", r"\mathcal{O}", r"\mathcal O")):
        return False
    return any(isinstance(s, sp.Symbol) and s.name in BIG_O_NAMES for s in (lhs - rhs).free_symbols | lhs.free_symbols)


def split(lhs, rhs, latex: str):
    r"""``(side, rest, g)`` for ``side = rest + O(g)`` (the big-O term on either side, linear in ``O`` and
    nowhere else), when the block writes ``O(`` or ``\mathcal{O}``; None otherwise."""
    if not any(mark in latex for mark in ("O(", r"O\left(", r"O\big", r"O\Big", r"\mathcal{O}", r"\mathcal O")):
        return None
    for side, other in ((rhs, lhs), (lhs, rhs)):
        letters = [s for s in side.free_symbols if isinstance(s, sp.Symbol) and s.name in BIG_O_NAMES]
        if len(letters) != 1 or letters[0] in other.free_symbols:
            continue
        letter = letters[0]
        terms = [t for t in sp.Add.make_args(side) if t.has(letter)]
        if len(terms) != 1:
            continue
        g = sp.simplify(terms[0] / letter)
        if g.has(letter) or g.is_number:
            continue
        return other, side - terms[0], g
    return None


def split_both(lhs, rhs, latex: str):
    r"""``(a, g, b, h)`` for ``a + O(g) = b + O(h)``: one big-O term on each side, linear in the letter (``b`` may
    be 0: ``\frac{\Delta x^2}{3!} f'''(x_n) + O(\Delta x^3) = O(\Delta x^2)``); None otherwise.

    Such a step compares orders, read left to right as the notation means it (every function of the left form is
    one of the right form): it holds when ``O(g)`` lies inside ``O(h)`` (:func:`absorbed`) and ``a - b = O(h)``,
    the remainder checked as :func:`split`'s are."""
    if not any(mark in latex for mark in ("O(", r"O\left(", r"O\big", r"O\Big", r"\mathcal{O}", r"\mathcal O")):
        return None
    found = []
    for side in (lhs, rhs):
        letters = {s for s in side.free_symbols if isinstance(s, sp.Symbol) and s.name in BIG_O_NAMES}
        terms = [t for t in sp.Add.make_args(side) if t.has(*letters)] if len(letters) == 1 else []
        if len(terms) != 1:
            return None
        g = sp.simplify(terms[0] / next(iter(letters)))
        if g.has(*letters) or g.is_number:
            return None
        found.append((side - terms[0], g))
    (a, g), (b, h) = found
    return a, g, b, h


def absorbed(g, h) -> bool:
    r"""Whether ``O(g)`` lies inside ``O(h)`` as their small quantities go to 0: the same small quantities (and
    shifts), and ``g`` of at least the order of ``h`` (``O(\Delta x^3)`` inside ``O(\Delta x^2)``, not the reverse)."""
    small_g, small_h = small_of(g), small_of(h)
    return small_g is not None and small_h is not None and small_g[:2] == small_h[:2] and small_g[2] >= small_h[2]


def small_of(g) -> tuple[list, dict, int] | None:
    r"""``(small, shifts, m)``: the symbols ``g`` is a positive whole power of (``\eta`` in
    ``\eta^2 f'(x)^2``), the shifts ``{x: a}`` of its factors ``(x - a)^k``, and ``m``, the order of ``g`` when
    they scale by ``t``; None when there is none or an order is not a positive whole number."""
    small, shifts, order = [], {}, 0
    for factor in sp.Mul.make_args(g):
        base, exp = factor.as_base_exp()
        if isinstance(base, sp.Abs):
            base = base.args[0]
        if not (exp.is_Integer and exp > 0):
            continue
        if isinstance(base, sp.Symbol) and not any(base in a.free_symbols for a in g.atoms(AppliedUndef)):
            small.append(base)
            order += int(exp)
            continue
        if isinstance(base, sp.Add) and len(base.args) == 2:  # (x - a)^k: x - a is small
            moving = [a for a in base.args if isinstance(a, sp.Symbol)]
            centre = [-a for a in base.args if isinstance(-a, sp.Symbol)]
            if len(moving) == 1 and len(centre) == 1:
                shifts[moving[0]] = centre[0]
                order += int(exp)
    if not order or (small and shifts):
        return None
    return sorted(small, key=str), shifts, order


def unprimed(expr):
    r"""``expr`` with each primed application of an unknown function (``f'(a)``, ``f''(a)``) written as the
    derivative of ``f`` at ``a``, so that a random body drawn for ``f`` gives ``f'`` too."""
    def derivative(app):
        name = app.func.__name__
        order = len(name) - len(name.rstrip("'"))
        d = sp.Dummy("u", real=True)
        return sp.Subs(sp.Derivative(sp.Function(name.rstrip("'"))(d), (d, order)), d, app.args[0])

    return expr.replace(lambda e: isinstance(e, AppliedUndef) and len(e.args) == 1
                        and e.func.__name__.endswith("'") and e.func.__name__.rstrip("'") != "", derivative)
