r"""A closed form of a first-order recurrence proved by induction on the step.

After ``x_{k+1} = F(x_k, k)`` (readers.notes.recurrences ``Recurrence``), the claim ``x_k = C(k)`` with ``C`` naming the
sequence at its first step only (``w_k = (1 - \eta a)^k w_0``, ``v_t = (1 - \beta) \sum_{i=1}^t \beta^{t-i} g_i`` with
``v_0 = 0``) holds for every ``k \ge 0`` when

* base: ``C(0) = x_0`` (the value the notes give for ``x_0``, or ``x_0`` itself where the claim names it), and
* step: ``C(n + 1) = F(C(n), n)`` for a symbolic integer ``n \ge 0``, with each sum up to ``n + 1`` split into the sum
  up to ``n`` and its last term, sums over one range merged (factors outside brought in), every merged summand and
  the rest simplifying to 0 (sympy).

Anything else (a sum whose range is not ``1..n`` or ``0..n``, a difference sympy does not reduce to 0) is no proof:
``None``, and the unrolled check at a few steps stands.
"""
from __future__ import annotations

import sympy as sp

from readers.notes.recurrences import Recurrence, as_steps


def _at(expr, letter: str, value):
    """``expr`` with the free step letter set to ``value`` (in subscripts too), sums' own letters left alone."""
    found = {s for s in expr.free_symbols if isinstance(s, sp.Symbol) and s.name == letter}
    found |= {x for i in expr.atoms(sp.Indexed) for x in i.free_symbols if isinstance(x, sp.Symbol) and x.name == letter}
    return expr.xreplace({s: value for s in found}) if found else expr


def _peel(expr, n):
    """Each sum whose upper bound is ``n + 1`` as the sum up to ``n`` plus its last term; None on another bound
    that holds ``n`` (nothing certain)."""
    out = {}
    for s in expr.atoms(sp.Sum):
        if len(s.limits) != 1:
            return None
        var, lo, hi = s.limits[0]
        if n not in hi.free_symbols:
            continue
        if sp.expand(hi - n - 1) != 0 or n in lo.free_symbols:
            return None
        out[s] = sp.Sum(s.function, (var, lo, n)) + s.function.xreplace({var: n + 1})
    return expr.xreplace(out)


def _merged_zero(expr) -> bool:
    """Whether ``expr`` is 0: sums over one range merged (constant factors brought in, their letters renamed to one),
    each merged summand and the rest simplified."""
    rest, sums = sp.Integer(0), {}
    for term in sp.Add.make_args(sp.expand(expr)):
        inner = [f for f in sp.Mul.make_args(term) if isinstance(f, sp.Sum)]
        if not inner:
            rest += term
            continue
        if len(inner) != 1 or len(inner[0].limits) != 1:
            return False
        (s,) = inner
        var, lo, hi = s.limits[0]
        factor = sp.Mul(*[f for f in sp.Mul.make_args(term) if f is not s])
        if any(x.name == var.name for x in factor.free_symbols if isinstance(x, sp.Symbol)):
            return False
        common = sp.Symbol("i_", integer=True)
        renamed = s.function.xreplace({x: common for x in s.function.free_symbols
                                       | {y for i in s.function.atoms(sp.Indexed) for y in i.free_symbols}
                                       if isinstance(x, sp.Symbol) and x.name == var.name})
        sums[(lo, hi)] = sums.get((lo, hi), sp.Integer(0)) + factor * renamed
    if any(sp.simplify(sp.expand(sp.powsimp(sp.expand(summand)))) != 0 for summand in sums.values()):
        return False
    return sp.simplify(rest) == 0


def prove_closed_form(lhs, rhs, found: Recurrence, start: dict) -> str | None:
    """The method line of an induction proof of ``lhs = rhs`` about ``found``'s sequence (module docstring), else
    None.  ``start``: ``{'x_0': value}`` where the notes give the first step."""
    left, right = as_steps(lhs, found.base), as_steps(rhs, found.base)
    letter = found.step.name
    if not (isinstance(left, sp.Indexed) and str(left.base.label) == found.base and len(left.indices) == 1
            and isinstance(left.indices[0], sp.Symbol) and left.indices[0].name == letter):
        return None
    base = sp.IndexedBase(found.base)
    steps = {i for i in right.atoms(sp.Indexed) if str(i.base.label) == found.base}
    if any(i.indices != (0,) for i in steps):
        return None
    first = base[0]
    value = next(iter(start.values())) if start else first
    n = sp.Symbol("n", integer=True, nonnegative=True)
    closed = _at(right, letter, n).xreplace({first: value})
    if closed.has(sp.Integral, sp.Limit, sp.Product) or any(s.limits[0][2] in (sp.oo, -sp.oo)
                                                            for s in closed.atoms(sp.Sum)):
        return None
    try:
        at_zero = closed.xreplace({n: sp.Integer(0)}).doit()
        if sp.simplify(at_zero - value) != 0:
            return None
        later = _peel(closed.xreplace({n: n + 1}), n)
        if later is None:
            return None
        body = _at(found.body, letter, n + 1 - found.offset)
        body = body.replace(lambda e: isinstance(e, sp.Indexed), lambda e: e.base[tuple(sp.expand(i) for i in e.indices)])
        earlier = [i for i in body.atoms(sp.Indexed) if str(i.base.label) == found.base]
        if any(sp.expand(i.indices[0] - n) != 0 for i in earlier):
            return None
        stepped = body.xreplace({i: closed for i in earlier}).xreplace({first: value})
        if not _merged_zero(later - stepped):
            return None
    except (TypeError, ValueError, NotImplementedError, AttributeError, sp.PolynomialError):
        return None
    given = f", {found.base}_0 = {sp.sstr(value)} as the notes give it" if start else ""
    return (f"by induction on {letter}: it holds at {letter} = 0{given}, and the recurrence for {found.base} (line "
            f"{found.line}) takes it from {letter} = n to n + 1 (sympy, sums over one range merged)")


def _aligned(s):
    r"""``\sum_{k=a}^{\infty} f(k)`` with its letter moved so that the first sequence entry it names is ``x_j``
    (``\sum_{k=0}^\infty \gamma^k r_{t+k+1}`` as ``\sum_{j=t+1}^\infty \gamma^{j-t-1} r_j``); None where no entry's
    index is the letter plus a shift."""
    (var, lo, hi), = s.limits
    for entry in sorted(s.function.atoms(sp.Indexed), key=str):
        if len(entry.indices) != 1:
            continue
        shift = sp.expand(entry.indices[0] - var)
        if var not in shift.free_symbols and not any(getattr(x, "name", None) == var.name for x in shift.free_symbols):
            j = sp.Symbol("j_", integer=True)
            moved = s.function.xreplace({var: j - shift})
            moved = moved.replace(lambda e: isinstance(e, sp.Indexed), lambda e: e.base[tuple(sp.expand(i) for i in e.indices)])
            return sp.Sum(moved, (j, sp.expand(lo + shift), hi))
    return None


def _common_start(expr):
    """``expr`` with its infinite sums aligned (:func:`_aligned`) and each started at the latest start among them,
    the terms before it written out; None where two starts do not differ by an integer."""
    sums = list(expr.atoms(sp.Sum))
    aligned = {s: _aligned(s) for s in sums}
    if any(a is None or a.limits[0][2] != sp.oo for a in aligned.values()):
        return None
    starts = {a.limits[0][1] for a in aligned.values()}
    latest = None
    for start in starts:
        if latest is None or sp.expand(start - latest).is_positive:
            latest = start
    out = {}
    for s, a in aligned.items():
        (j, lo, hi), = a.limits
        gap = sp.expand(latest - lo)
        if not gap.is_Integer or gap < 0 or gap > 20:
            return None
        head = sp.Add(*[a.function.xreplace({j: lo + n}) for n in range(int(gap))])
        head = head.replace(lambda e: isinstance(e, sp.Indexed), lambda e: e.base[tuple(sp.expand(i) for i in e.indices)])
        out[s] = head + sp.Sum(a.function, (j, latest, hi))
    return expr.xreplace(out)


def prove_backward_solution(lhs, rhs, base: str, letter: str, body) -> str | None:
    r"""The method line of a proof that the closed form ``lhs = rhs`` (``G_t = \sum_{k=0}^\infty \gamma^k
    r_{t+k+1}``) solves the backward recurrence ``base_t = body`` (``G_t = r_{t+1} + \gamma G_{t+1}``): with
    ``C(t)`` the right side, ``C(t) - body(C(t + 1))`` is 0 once the infinite sums are aligned on one start and
    merged (sympy); None otherwise.  The recurrence alone does not fix the sequence: the closed form is its solution
    for which ``\gamma^n G_{t+n} \to 0``, which the caller states as an assumption."""
    left, closed = as_steps(lhs, base), as_steps(rhs, base)
    if not (isinstance(left, sp.Indexed) and str(left.base.label) == base and len(left.indices) == 1
            and getattr(left.indices[0], "name", None) == letter):
        return None
    if any(str(i.base.label) == base for i in closed.atoms(sp.Indexed)) or not closed.atoms(sp.Sum):
        return None
    step = as_steps(body, base)
    later = [i for i in step.atoms(sp.Indexed) if str(i.base.label) == base]
    t = left.indices[0]
    if not later or any(len(i.indices) != 1 or sp.expand(i.indices[0] - t - 1) != 0 for i in later):
        return None
    ahead = _at(closed, letter, t + 1).replace(lambda e: isinstance(e, sp.Indexed),
                                             lambda e: e.base[tuple(sp.expand(i) for i in e.indices)])
    try:
        difference = _common_start(closed - step.xreplace({i: ahead for i in later}))
        if difference is None or not _merged_zero(difference):
            return None
    except (TypeError, ValueError, NotImplementedError, AttributeError, sp.PolynomialError):
        return None
    return (f"the closed form solves the recurrence for {base}_{letter} (sums aligned on one start and merged, "
            f"sympy): it is the solution whose tail vanishes")
