r"""A sum folded into the first branch of a Piecewise among its terms, where two log terms then cancel.

.. math:: R + c\begin{cases} v & C \\ w & \text{else}\end{cases}
          = \begin{cases} R + c\,v & C \wedge f_1 > 0 \wedge \dots \\ R + c\begin{cases} v & C \\ w & \text{else}
          \end{cases} & \text{else}\end{cases}

with every $\log Q$ of the folded branch, $Q = \prod_k f_k^{e_k}$, written as $\sum_k e_k \log f_k$ (the guard
$f_k > 0$ makes it exact) and the coefficients of each $\log f_k$ collected.  ``log1p_power`` puts
$a\log(x/b)$ into such a branch; beside it the Dagum log-density has $a p\log(x/b) - (p + 1)(a \log(x/b) + \dots)$,
two terms of $7\cdot10^{302}$ at $x = p = 10^{300}$ whose difference $-a\log(x/b)$ is the value: kept apart by the
branch, they never meet (error 0.25); collected, the coefficient $a p - (p + 1)a$ expands to $-a$.  The rule fires
only where such a coefficient loses a term when expanded (identity ``sum_into_branch``).
"""
from __future__ import annotations

import sympy as sp


def _factors(q):
    """``[(f, e)]`` with ``q = prod f**e``, each ``f`` not a number and not a product, else None (a number factor
    other than a positive one is refused: its log is not a sum of the factors' logs)."""
    out = []
    for f in sp.Mul.make_args(q):
        base, k = f.as_base_exp()
        if base.is_number:
            if not (base.is_positive and k.is_number):
                return None
            continue
        if isinstance(base, sp.Abs):
            base = base.args[0]
        out.append((base, k))
    return out


def _split_logs(e, positive):
    r"""``e`` with each $\log Q$, $\log|Q|$ as $\sum_k e_k \log f_k$ over the factors of $Q$ (``positive`` collects the
    $f_k$ whose positivity the guard asks), a number factor as its log."""
    def value(l):
        arg = l.args[0]
        inner = arg.args[0] if isinstance(arg, sp.Abs) else arg
        fs = _factors(inner)
        numbers = [f for f in sp.Mul.make_args(inner) if f.is_number]
        positive.update(f for f, _ in fs)
        return sp.Add(*[k * sp.log(f) for f, k in fs], *[sp.log(n) for n in numbers])

    return e.replace(lambda l: isinstance(l, sp.log) and _factors(l.args[0].args[0] if isinstance(l.args[0], sp.Abs)
                                                                 else l.args[0]) is not None, value)


def _cancels(pieces, logs):
    r"""True where the terms that carry some $\log f$ (``pieces``: the terms of the distributed sum before they are
    added) are fewer once added: two of them cancelled."""
    total = sp.Add(*pieces)
    return any(len([t for t in sp.Add.make_args(total) if t.has(l)]) < len([t for t in pieces if t.has(l)])
               for l in logs)


def _distributed(e):
    """``e`` with its products distributed over sums, the arguments of functions left as they are."""
    calls = {f: sp.Dummy() for f in e.atoms(sp.Function, sp.Piecewise)}
    out = sp.expand(e.xreplace(calls), deep=True, log=False, power_exp=False, power_base=False, multinomial=False)
    return out.xreplace({d: f for f, d in calls.items()})


def _fold(e):
    if not isinstance(e, sp.Add):
        return None
    for t in e.args:
        c, pw = t.as_independent(sp.Piecewise, as_Add=False)
        if not isinstance(pw, sp.Piecewise) or len(pw.args) < 2 or c.has(sp.Piecewise):
            continue
        (v, cond) = pw.args[0]
        if cond is sp.true or v.has(sp.Piecewise):
            continue
        rest = e - t
        positive: set = set()
        # the branch and the rest split apart: added first, sympy would cancel log x against log|x| unseen
        parts = (c * _split_logs(v, positive), *sp.Add.make_args(_split_logs(rest, positive)))
        pieces = [p for a in parts for p in sp.Add.make_args(_distributed(a))]
        logs = {sp.log(f) for f in positive}
        if not logs or not _cancels(pieces, logs):
            continue
        folded = sp.Add(*pieces)
        guard = sp.And(cond, *[f > 0 for f in sorted(positive, key=sp.default_sort_key)])
        return sp.Piecewise((_expand_coefficients(sp.collect(folded, list(logs)), logs), guard), (e, True))
    return None


def _expand_coefficients(e, logs):
    """Each term ``k * log f`` of ``e`` with its coefficient ``k`` expanded (the cancellation made)."""
    out = []
    for a in sp.Add.make_args(e):
        l = next((l for l in logs if a.has(l)), None)
        if l is None:
            out.append(a)
            continue
        k = a.coeff(l)
        out.append(sp.expand(k) * l if k != 0 and not k.has(l) else a)
    return sp.Add(*out)


def sum_into_branch(expr: sp.Expr) -> sp.Expr:
    r"""$R + c\,\mathrm{Piecewise}((v, C), \dots) \to \mathrm{Piecewise}((R + c v, C \wedge f_k > 0), (\text{as written},
    \text{else}))$ where a log's coefficient cancels in $R + c v$."""
    return expr.replace(lambda e: _fold(e) is not None, _fold)
