r"""Equality of index-notation expressions at symbolic sizes.

A derived gradient and its closed form are sums over symbolic ranges; they are
shown equal by identities, each a rule of summation:

1. **deltas**: $\sum_k f(k)\,\delta_{kq} = [lo \le q \le hi]\, f(q)$, where a range
   condition that the free index's own range implies is dropped;
2. **linear sums**: $\sum_k (a f_k + b g_k) = a \sum_k f_k + b \sum_k g_k$ for
   $a, b$ free of $k$; nested sums of products are flattened into one multi-sum
   whose dummies are renamed canonically;
3. **sums as atoms**: distinct canonical sums are independent symbols, and the
   difference is reduced to 0 by the step checker's ``ZERO_TESTS``;
4. **reindexing** (for single sums with a ``Piecewise`` support, as in a
   convolution): an affine, unimodular change of the summation variables makes
   the summands agree and the sets of linear constraints (ranges and
   conditions) coincide, so both are $\sum_{k \in \mathbb{Z}^d} [C(k)]\, f(k)$.

``rules`` are further identities of canonical sums, such as $\sum_k y_k = 1$
for $y$ on the simplex.
"""
from __future__ import annotations

from itertools import groupby, permutations

import sympy as sp
from sympy.core.relational import Relational

from derivations.checker.strategies.zero import ZERO_TESTS, reduce_to_zero
from symbolic.expr import as_expr

CANONICAL = tuple(sp.Symbol(f"k_{n}", integer=True) for n in range(40))
"""Canonical summation variables, numbered by nesting so that an inner sum never captures an outer one."""
MAX_ORDERS = 720
"""Renamings tried per multi-sum; beyond this the dummies keep their signature order, tied or not."""


def within_ranges(expr: sp.Expr, ranges: dict) -> sp.Expr:
    r"""Drop ``Piecewise`` conditions implied by the free indices' ranges (``q <= K - 1`` for $q \in [0, K-1]$)."""
    return expr.replace(sp.Piecewise, lambda *pairs: sp.Piecewise(*[(e, implied(c, ranges)) for e, c in pairs]))


def implied(cond, ranges: dict):
    """``cond`` with each relation that the ranges imply replaced by True."""
    def holds(rel) -> bool:
        for q, (lo, hi) in ranges.items():
            if q in rel.free_symbols:
                a = sp.Dummy("a", integer=True, nonnegative=True)
                if any(rel.subs(q, at) is sp.true for at in (lo + a, hi - a)):
                    return True
        return False

    return cond.replace(lambda r: isinstance(r, Relational) and holds(r), lambda r: sp.true)


def eliminate_deltas(expr: sp.Expr, ranges: dict) -> sp.Expr:
    """Sum Kronecker deltas out (rule 1), dropping the range conditions that ``ranges`` imply."""
    return sum_deltas(within_ranges(expr, ranges), ranges)


def sum_deltas(expr: sp.Expr, ranges: dict) -> sp.Expr:
    r"""$\sum_{k=lo}^{hi} f(k)\, \delta_{k, e} = [lo \le e \le hi]\, f(e)$, innermost sums first.

    Written out rather than left to ``Sum.doit``, which also tries closed forms of the
    remaining sums (and fails on ``Indexed`` summands).  A term whose delta is not
    unimodular in $k$ ($\delta_{2k, e}$) keeps its sum.  Conditions that the free
    indices' ``ranges`` imply are dropped as they arise.
    """
    if not isinstance(expr, sp.Basic) or not expr.has(sp.KroneckerDelta):
        return expr
    if isinstance(expr, sp.Sum):
        body = sum_deltas(expr.function, ranges)
        for k, lo, hi in expr.limits:
            body = _sum_delta(body, k, lo, hi, ranges)
        return body
    return expr.func(*(sum_deltas(a, ranges) for a in expr.args))


def _sum_delta(body, k, lo, hi, ranges):
    if not any(k in d.free_symbols for d in body.atoms(sp.KroneckerDelta)):
        return sp.Sum(body, (k, lo, hi))
    out = []
    for term, cond in guarded_terms(body):
        factors = sp.Mul.make_args(term)
        position, at = next(((n, _delta_root(f, k)) for n, f in enumerate(factors)
                             if _delta_root(f, k) is not None), (None, None))
        if position is None:
            out.append(_sum_inside(term, cond, k, lo, hi, ranges))
            continue
        rest = sp.Mul(*(f for n, f in enumerate(factors) if n != position)).subs(k, at)
        out.append(sp.Piecewise((rest, implied(cond.subs(k, at) & (at >= lo) & (at <= hi), ranges)), (0, True)))
    return sp.Add(*out)


def _sum_inside(term, cond, k, lo, hi, ranges):
    r"""$\sum_k c(k) \sum_L f(k, L) = \sum_L \sum_k c(k) f(k, L)$ when the delta in $k$ sits in the inner sum."""
    factors = sp.Mul.make_args(term)
    inner = next((f for f in factors if isinstance(f, sp.Sum) and not _bounds_bind(f, [(k, lo, hi)])
                  and _reachable(f.function, k)), None)
    if inner is None or k in cond.free_symbols:
        return sp.Sum(sp.Piecewise((term, cond), (0, True)), (k, lo, hi))
    rest = sp.Mul(*(f for f in factors if f is not inner))
    fresh = {d: d if d not in rest.free_symbols else sp.Dummy(str(d), integer=True) for d, _, _ in inner.limits}
    body = sp.Sum(rest * inner.function.xreplace(fresh), (k, lo, hi),
                  *((fresh[d], a, b) for d, a, b in inner.limits))
    return sp.Piecewise((sum_deltas(body, ranges), cond), (0, True))


def _reachable(expr, k) -> bool:
    r"""A delta in ``k`` that :func:`_sum_delta` can sum out once the sums are swapped: a factor of a guarded term of
    ``expr``, or of the body of a sum among those factors.  A delta only inside a two-branch ``Piecewise`` (the
    derivative of $\frac{1}{1 + e^{-|s_i - s_j|}}$, ``sigmoid_stable``'s form, in $s_k$) is not: swapping
    $\sum_i \sum_j$ to reach it would find the delta in $j$ out of reach in the same way and swap back, without end."""
    for term, _ in guarded_terms(expr):
        for f in sp.Mul.make_args(term):
            if _delta_root(f, k) is not None or (isinstance(f, sp.Sum) and _reachable(f.function, k)):
                return True
    return False


def guarded_terms(expr) -> list[tuple[sp.Expr, sp.Basic]]:
    r"""``expr`` as $\sum_n [c_n]\, t_n$: products $t_n$ and conditions $c_n$ (from ``Piecewise((v, c), (0, True))``).

    Sums and guards are multiplied out at the top level only (not inside powers or
    functions), so that the terms keep their structure.
    """
    out = []
    for term in sp.Add.make_args(expr):
        parts = [(sp.S.One, sp.true)]
        for factor in sp.Mul.make_args(term):
            if _is_guard(factor):
                value, cond = factor.args[0]
                parts = [(p * t, pc & tc & cond) for p, pc in parts for t, tc in guarded_terms(value)]
            elif isinstance(factor, sp.Add):
                parts = [(p * t, pc & tc) for p, pc in parts for t, tc in guarded_terms(factor)]
            else:
                parts = [(p * factor, pc) for p, pc in parts]
        out += parts
    return out


def _delta_root(factor, k):
    r"""The value of ``k`` where the delta factor (or a power of it) is 1, if it is $\pm k + c$."""
    base = factor.base if isinstance(factor, sp.Pow) and factor.exp.is_positive else factor
    if not isinstance(base, sp.KroneckerDelta) or k not in base.free_symbols:
        return None
    difference = sp.expand(base.args[0] - base.args[1])
    coefficient = difference.coeff(k)
    if coefficient not in (1, -1) or k in (difference - coefficient * k).free_symbols:
        return None
    return sp.expand(-(difference - coefficient * k) / coefficient)


# ** linear sums (rule 2) **

def linear(expr: sp.Expr) -> sp.Expr:
    """Every sum split over its terms, constant factors taken out, nested sums of products flattened."""
    if not isinstance(expr, sp.Basic) or not expr.has(sp.Sum):
        return expr
    if isinstance(expr, sp.Sum):
        body = linear(expr.function)
        for k, lo, hi in expr.limits:
            body = _sum_terms(body, k, lo, hi)
        return body
    if _is_guard(expr) and expr.args[0][0] != 1:
        (value, cond), _ = expr.args
        return linear(value) * sp.Piecewise((1, linear(cond)), (0, True))
    return expr.func(*(linear(a) for a in expr.args))


def _is_guard(expr) -> bool:
    r"""``Piecewise((v, c), (0, True))``: $v$ where $c$ holds, else 0 (linear writes it $v\,[c]$)."""
    return isinstance(expr, sp.Piecewise) and len(expr.args) == 2 and expr.args[1] == (0, True)


def _sum_terms(body, k, lo, hi):
    if lo == hi:
        return body.subs(k, lo)
    out = []
    for term in sp.Add.make_args(sp.expand(body)):
        inside, outside = [], []
        for factor in sp.Mul.make_args(term):
            (inside if k in factor.free_symbols else outside).append(factor)
        count = sp.Mul(*outside)
        out.append(count * (hi - lo + 1) if not inside else count * _flatten(inside, [(k, lo, hi)]))
    return sp.Add(*out)


def _flatten(factors, limits):
    """One canonical multi-sum of the product of ``factors`` (sums among them, and their positive powers, opened)."""
    body, limits = [], list(limits)
    for factor in factors:
        base, power = factor.as_base_exp()
        if isinstance(base, sp.Sum) and power.is_Integer and power > 0 and not _bounds_bind(base, limits):
            for _ in range(int(power)):
                fresh = {k: sp.Dummy(str(k), integer=True) for k, _, _ in base.limits}
                body.append(base.function.xreplace(fresh))
                limits += [(fresh[k], lo, hi) for k, lo, hi in base.limits]
        else:
            body.append(factor)
    return canonical(sp.Mul(*body), limits)


def _bounds_bind(s: sp.Sum, limits) -> bool:
    dummies = {k for k, _, _ in limits}
    return any((as_expr(lo).free_symbols | as_expr(hi).free_symbols) & dummies for _, lo, hi in s.limits)


def canonical(body, limits) -> sp.Sum:
    """The multi-sum with dummies renamed ``k_n`` so that equal sums are structurally equal.

    Dummies are ordered by a renaming-invariant signature (their range and where they
    index which arrays); only dummies with equal signatures are permuted, trying every
    order (at most ``MAX_ORDERS``) and keeping the least printed form.
    """
    taken = {s for s in body.atoms(sp.Symbol) if s in CANONICAL}
    start = max((CANONICAL.index(s) + 1 for s in taken), default=0)
    names = CANONICAL[start:start + len(limits)]
    ranges = {k: (lo, hi) for k, lo, hi in limits}
    dummies = sorted(ranges, key=lambda k: _signature(k, body, ranges[k]))
    rectangular = not any((as_expr(lo).free_symbols | as_expr(hi).free_symbols) & set(dummies)
                          for _, lo, hi in limits)
    best = None
    for order in _orders(dummies, body, ranges) if rectangular else [[k for k, _, _ in limits]]:
        rename = dict(zip(order, names))
        candidate = sp.Sum(body.xreplace(rename), *((rename[k], *ranges[k]) for k in order))
        key = str(candidate)
        if best is None or key < best[0]:
            best = (key, candidate)
    return best[1]


def _signature(k, body, bounds) -> str:
    places = sorted(f"{e.base}@{n}" for e in sp.preorder_traversal(body) if isinstance(e, sp.Indexed)
                    for n, i in enumerate(e.indices) if k in i.free_symbols)
    return f"{bounds}|{','.join(places)}"


def _orders(dummies, body, ranges):
    """Orders of ``dummies`` that keep signatures sorted: every permutation within each group of equals."""
    groups = [list(g) for _, g in groupby(dummies, key=lambda k: _signature(k, body, ranges[k]))]
    orders = [[]]
    for group in groups:
        orders = [o + list(p) for o in orders for p in permutations(group)]
        if len(orders) > MAX_ORDERS:
            return [dummies]
    return orders


# ** sums as atoms (rule 3) **

def atomize(expr, table: dict):
    """Each outermost sum replaced by one symbol per distinct canonical sum."""
    if isinstance(expr, sp.Sum):
        return table.setdefault(expr, sp.Dummy(f"S{len(table)}", real=expr.is_real or None))
    if not expr.args or not isinstance(expr, sp.Basic):
        return expr
    return expr.func(*(atomize(a, table) for a in expr.args))


def prove_equal_sums(lhs: sp.Expr, rhs: sp.Expr, *, ranges: dict, rules=(), tests=ZERO_TESTS) -> str | None:
    """How ``lhs = rhs`` was shown at symbolic sizes (rules 1-4), else None; ``ranges`` of the free indices."""
    left, right = (_apply(normal_form(e, ranges), rules) for e in (lhs, rhs))
    table: dict = {}
    name = reduce_to_zero(atomize(left, table) - atomize(right, table), tests)
    if name:
        return f"linear sums, sums as atoms, {name}"
    if reindexed_equal(left, right):
        return "reindexed sums with equal supports"
    return None


def normal_form(expr: sp.Expr, ranges: dict) -> sp.Expr:
    """Linear sums without deltas: flattening can bring a delta next to the sum over its index."""
    expr = linear(eliminate_deltas(expr, ranges))
    while any(s.function.has(sp.KroneckerDelta) for s in expr.atoms(sp.Sum)):
        again = linear(eliminate_deltas(expr, ranges))
        if again == expr:
            break
        expr = again
    return expr


def _apply(expr, rules):
    for rule in rules:
        expr = expr.replace(lambda e, rule=rule: isinstance(e, sp.Sum) and rule(e) is not None, rule)
    return expr


# ** reindexing (rule 4) **

def reindexed_equal(lhs: sp.Expr, rhs: sp.Expr) -> bool:
    r"""Whether two single multi-sums agree after an affine, unimodular change of variables."""
    if not (isinstance(lhs, sp.Sum) and isinstance(rhs, sp.Sum)) or len(lhs.limits) != len(rhs.limits):
        return False
    fresh = {k: sp.Dummy(str(k), integer=True) for k, _, _ in rhs.limits}
    (fl, cl, dl), (fr, cr, dr) = _support(lhs), _support(rhs.xreplace(fresh))
    equations = []
    for a in _indexed_with(fl, dl):
        for b in _indexed_with(fr, dr):
            if a.base == b.base:
                equations += [sp.Eq(u, v) for u, v in zip(a.indices, b.indices)]
    solution = sp.solve(equations, dl, dict=True)
    if len(solution) != 1 or set(solution[0]) != set(dl):
        return False
    change = solution[0]
    jacobian = sp.Matrix([[sp.diff(change[u], v) for v in dr] for u in dl])
    if not all(e.is_Integer for e in jacobian) or abs(jacobian.det()) != 1:
        return False
    moved = {_normal(c.xreplace(change)) for c in cl} - {sp.true}
    if moved != {_normal(c) for c in cr} - {sp.true}:
        return False
    return sp.expand(fl.xreplace(change) - fr) == 0


def _support(s: sp.Sum):
    """``(f, constraints, dummies)`` of $\\sum_{k} [C(k)] f(k)$; constraints include the ranges."""
    constraints = [c for k, lo, hi in s.limits for c in (k >= lo, k <= hi)]
    factors = []
    for factor in sp.Mul.make_args(s.function):
        if _is_guard(factor):
            value, cond = factor.args[0]
            factors.append(value)
            constraints += list(cond.args) if isinstance(cond, sp.And) else [cond]
        else:
            factors.append(factor)
    return sp.Mul(*factors), constraints, [k for k, _, _ in s.limits]


def _indexed_with(f, dummies):
    return [a for a in f.atoms(sp.Indexed) if set(dummies) & a.free_symbols]


def _normal(rel) -> sp.Expr:
    """An integer constraint as the expression ``e`` of ``e >= 0``."""
    if isinstance(rel, (sp.GreaterThan, sp.StrictGreaterThan)):
        e = rel.lhs - rel.rhs
    elif isinstance(rel, (sp.LessThan, sp.StrictLessThan)):
        e = rel.rhs - rel.lhs
    else:
        return rel
    if isinstance(rel, (sp.StrictGreaterThan, sp.StrictLessThan)):
        e -= 1
    return sp.expand(e)
