r"""A convolution's input gradient summed over the kernel's offsets, as the forward pass sums.

Differentiating $y_t = \sum_{m<M} k_m x_{t+m}$ with respect to $x_p$ leaves a sum over the output
positions, $\sum_t [0 \le p - t < M]\, g_t k_{p-t}$, whose window would run over the long axis.  The
identity

.. math:: \sum_{t=0}^{T} [0 \le p - t \le M - 1]\, f(t) = \sum_{m=0}^{M-1} [0 \le p - m \le T]\, f(p - m)

(the summation variable made the index that the condition bounds by sizes alone) gives a sum over the
kernel's offsets that reads the upstream gradient zero-padded, the full correlation of the textbook; of
the two ways to walk the new range ($m$ or $M - 1 - m$) the one whose reads count up is taken.

Indices are told from sizes by the sums' limits: a symbol in a limit's bound is a size.
"""
from __future__ import annotations

import sympy as sp
from sympy.core.relational import Relational


def sizes_of(expr) -> set:
    """The symbols in the bounds of the sums' limits: sizes, not indices."""
    out = set()
    for s in expr.atoms(sp.Sum):
        for _, lo, hi in s.limits:
            out |= lo.free_symbols | hi.free_symbols
    return out


def _bounded(cond, sizes_only) -> list:
    """``(e, lo, hi)`` for each pair of relations $e \\ge lo$, $e \\le hi$ in the conjunction, bounds by sizes."""
    lows, highs = {}, {}
    for rel in (cond.args if isinstance(cond, sp.And) else (cond,)):
        if not isinstance(rel, Relational) or rel.rel_op not in (">=", "<=", ">", "<"):
            return []
        d = sp.expand(rel.lhs - rel.rhs if rel.rel_op in (">=", ">") else rel.rhs - rel.lhs)
        if rel.rel_op in (">", "<"):
            d -= 1  # integers: a > b is a - b - 1 >= 0
        # d >= 0 with d = c*e + b: split the index part from the size part
        idx = sp.Add(*[t for t in sp.Add.make_args(d) if not sizes_only(t)])
        const = sp.expand(d - idx)
        if idx == 0:
            continue
        if sp.expand(-idx) in lows or sp.expand(-idx) in highs:
            key, sign = sp.expand(-idx), -1
        else:
            key, sign = idx, 1
        if sign == 1:
            lows[key] = -const  # idx >= -const
        else:
            highs[key] = const  # -idx + const >= 0: idx <= const
    return [(e, lows[e], highs[e]) for e in lows if e in highs]


def _downward_reads(f, u, indices) -> tuple[int, int]:
    """``(windows, reads)`` of ``f`` whose index counts down with ``u``; a window reads two indices."""
    windows = reads = 0
    for read in f.atoms(sp.Indexed):
        for e in read.indices:
            e = sp.expand(e)
            if e.coeff(u) == -1:
                reads += 1
                windows += len(e.free_symbols & indices - {u}) > 0
    return windows, reads


def reindexed_windows(expr: sp.Expr) -> sp.Expr:
    r"""A sum whose body is ``Piecewise((f, c), (0, True))`` with $c$ bounding $e = p - t$ (one summed index
    $t$ with coefficient $\pm 1$, plus free indices) between sizes: summed over $e$'s range instead, the old
    range of $t$ moved into the condition."""
    sizes = sizes_of(expr)

    def visit(e):
        if not e.args or isinstance(e, sp.Indexed):
            return e
        if not isinstance(e, sp.Sum):
            return e.func(*[visit(a) for a in e.args])
        body = visit(e.function)
        out = sp.Sum(body, *e.limits)
        if not (isinstance(body, sp.Piecewise) and len(body.args) == 2 and body.args[1].cond == sp.true
                and body.args[1].expr == 0):
            return out
        f, cond = body.args[0]
        bound = [i for i, _, _ in e.limits]
        integer = {s for s in body.free_symbols | set(bound) if s.is_integer and s not in sizes}

        def sizes_only(t):
            return not (t.free_symbols & integer)

        limits, extra = list(e.limits), []
        for ex, lo, hi in _bounded(cond, sizes_only):
            summed = [t for t in bound if ex.coeff(t) in (1, -1) and t in ex.free_symbols]
            if len(summed) != 1 or any(ex.coeff(t) != 0 for t in bound if t != summed[0]):
                continue
            (t,) = summed
            pos = [n for n, lim in enumerate(limits) if lim[0] == t]
            if not pos:
                continue
            n = pos[0]
            _, tlo, thi = limits[n]
            new = sp.Symbol(f"{t}_w", integer=True)  # an identifier: the evaluators print index names
            while new in integer or new in expr.atoms(sp.Symbol):
                new = sp.Symbol(f"{new}_", integer=True)
            # t from ex = new, or from ex = lo + hi - new (the same range, walked the other way): the one
            # whose reads count up with new, windows first (a reversed window is a reversed copy of it)
            choices = []
            for target in (new, lo + hi - new):
                old = sp.expand(sp.solve(sp.Eq(ex, target), t)[0])
                choices.append((_downward_reads(f.xreplace({t: old}), new, integer), old))
            old = min(choices, key=lambda c: c[0])[1]
            f, cond = f.xreplace({t: old}), cond.xreplace({t: old})
            extra.append(sp.And(old >= tlo, old <= thi))
            limits[n] = (new, lo, hi)
            integer.add(new)
        if not extra:
            return out
        cond = sp.And(cond, *extra)
        from derivations.gradients.sums import implied
        cond = implied(cond, {i: (lo, hi) for i, lo, hi in limits})
        return sp.Sum(sp.Piecewise((f, cond), (0, True)), *limits)

    return visit(expr)
