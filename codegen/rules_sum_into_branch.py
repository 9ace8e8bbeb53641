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

A log of a magnitude, $\log|Q|$ with whole powers $e_k$, is $\sum_k e_k \log|f_k|$ wherever every $f_k \ne 0$: its
guard asks no sign ($\log|x - \mu|$ of a Student-t's large branch holds for $x < \mu$ too), unless $f_k$ also
stands under a plain log, whose positivity the form as written needs anyway.  A symbol that stands alone as a term
($\ell + \frac{\nu + 1}{2}(\dots - 2\ell)$: the log-scale of the Student-t NLL beside the $-2\ell$ that
``log1p_large_product`` takes out of $\log(1 + z e^{-2\ell})$) is collected the same way, its coefficient
$1 - (\nu + 1)$ expanded to $-\nu$: at $\ell = -10^{300}$, $\nu = 10^{-300}$ the two terms of $10^{300}$ cancel to
the value's 1.
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


def _plain_log_factors(e):
    """The factors of the arguments of the logs of ``e`` that are not magnitudes (their positivity is needed as
    written)."""
    out = set()
    for l in e.atoms(sp.log):
        fs = None if isinstance(l.args[0], sp.Abs) else _factors(l.args[0])
        out.update(f for f, _ in fs or ())
    return out


def _split_logs(e, positive, nonzero=None, plain=frozenset()):
    r"""``e`` with each $\log Q$, $\log|Q|$ as $\sum_k e_k \log f_k$ over the factors of $Q$ (``positive`` collects the
    $f_k$ whose positivity the guard asks), a number factor as its log.  With ``nonzero`` (a set), $\log|Q|$ of whole
    powers is $\sum_k e_k \log|f_k|$ and ``nonzero`` collects its $f_k$ (guard $f_k \ne 0$), unless $f_k$ is in
    ``plain`` (it stands under a plain log too: $\log f_k$, guard $f_k > 0$)."""
    def value(l):
        arg = l.args[0]
        inner = arg.args[0] if isinstance(arg, sp.Abs) else arg
        fs = _factors(inner)
        numbers = [f for f in sp.Mul.make_args(inner) if f.is_number]
        if isinstance(arg, sp.Abs) and nonzero is not None and all(k.is_integer for _, k in fs):
            nonzero.update(f for f, _ in fs if f not in plain)
            positive.update(f for f, _ in fs if f in plain)
            return sp.Add(*[k * (sp.log(f) if f in plain else sp.log(sp.Abs(f))) for f, k in fs],
                          *[sp.log(n) for n in numbers])
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


def _linear_symbols(branch, rest):
    """The symbols that stand alone as terms (``k * s``, ``k`` free of ``s``) both among the pieces of the folded
    ``branch`` and among those of the ``rest``, and whose such terms are fewer once added: the coefficients cancelled
    (``s`` inside a function elsewhere is no such term, and stays as it is)."""
    def linear(pieces, s):
        return [p for p in pieces if p.as_independent(s, as_Add=False)[1] == s]

    out = set()
    for s in set().union(*[p.free_symbols for p in branch]):
        if not isinstance(s, sp.Symbol):
            continue
        mine, theirs = linear(branch, s), linear(rest, s)
        if mine and theirs and len(sp.Add.make_args(sp.expand(sp.Add(*mine, *theirs)))) < len(mine) + len(theirs):
            out.add(s)
    return out


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
        nonzero: set = set()
        plain = _plain_log_factors(v) | _plain_log_factors(rest)
        # the branch and the rest split apart: added first, sympy would cancel log x against log|x| unseen
        parts = (c * _split_logs(v, positive, nonzero, plain),
                 *sp.Add.make_args(_split_logs(rest, positive, nonzero, plain)))
        pieces = [p for a in parts for p in sp.Add.make_args(_distributed(a))]
        logs = {sp.log(f) for f in positive} | {sp.log(sp.Abs(f)) for f in nonzero}
        branch = sp.Add.make_args(_distributed(parts[0]))
        linear = _linear_symbols(branch, pieces[len(branch):])
        if not (logs and _cancels(pieces, logs)) and not linear:
            continue
        folded = sp.Add(*pieces)
        guard = sp.And(cond, *[f > 0 for f in sorted(positive, key=sp.default_sort_key)],
                       *[sp.Ne(f, 0) for f in sorted(nonzero, key=sp.default_sort_key)])
        collected = logs | linear
        return sp.Piecewise((_expand_coefficients(sp.collect(folded, list(collected)), collected), guard), (e, True))
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
