r"""Log-space sums split into their terms, for the unshifted body (:mod:`codegen.lower_unshifted`).

A weighted sum of log-probabilities (cross-entropy from logits, a log-likelihood) reads, unshifted,

.. math:: \sum_{i,k} y_{ik} \bigl(z_{ik} - \log S_i\bigr)
          = \sum_{i,k} y_{ik} z_{ik} - \sum_i \log S_i \sum_k y_{ik} ,
          \qquad S_i = \sum_j e^{z_{ij}} ,

where the right side needs one exponential pass ($S$) and reductions that read $y$ and $z$ (BLAS dot
products), against the shifted left side's maximum, subtraction, exponential and subtraction over the
full array (in the float32 cross-entropy forward, half its time).  Elementwise, $z_k - \log S$ unshifted
cancels where the shifted $(z_k - m) - \log S'$ does not (:mod:`codegen.lower_unshifted` keeps the shift
there); summed, the same cancellation happens once, between the parts $A_p$ of the split sum, and is
measured: the unshifted result is kept only where

.. math:: \sum_p |A_p| \le \kappa \,\Bigl|\sum_p A_p\Bigr| \qquad (\kappa = \text{CANCELLATION}),

so the final addition loses at most $\log_2 \kappa$ bits against the result's magnitude; elsewhere (a
confident prediction: $\log S \approx z_{top}$) the shifted code runs.  For nonnegative weights (probabilities)
each part's own error is within the same bound: $\sum_k |y_k||z_k| \le \sum_k y_k |z_k - \log S| + |\log S| \sum_k y_k$,
the loss plus one part, so the whole error is at most $(1 + \kappa)$ times the shifted form's $\gamma_K$ times the loss.
"""
from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

CANCELLATION = 4
r"""$\kappa$: the parts of a split sum may add up to no less than $1/\kappa$ of their magnitudes (2 bits)."""


@dataclass(frozen=True)
class SplitSum:
    r"""One split sum: its parts ``(c_p, Sum)``, the bases of its weights $w$ and the sums $S$ whose logs it holds."""

    parts: tuple
    weights: tuple
    logs: tuple


def _has_log_of(expr, guards) -> bool:
    return any(isinstance(a, sp.log) and a.args[0] in guards for a in sp.preorder_traversal(expr))


def _log_in_add(expr, guards) -> bool:
    """Some Add of ``expr`` has a term holding a log of a guard sum (an elementwise $z - \\log S$)."""
    return any(isinstance(a, sp.Add) and any(_has_log_of(t, guards) for t in a.args)
               for a in sp.preorder_traversal(expr))


def nested_sum(term, limits) -> sp.Expr:
    r"""``Sum(term, *limits)`` with the factors that do not depend on an index taken out of its sum:
    $\sum_{i,k} c_i\, y_{ik} = \sum_i c_i \sum_k y_{ik}$ (the inner sum a row sum, by BLAS; the outer one over
    $n$ values, where a contraction of $c$ with the whole of $y$ would read it in einsum's serial loop)."""
    limits = list(limits)
    if len(limits) < 2:
        return sp.Sum(term, *limits)
    factors = sp.Mul.make_args(term)
    for lim in reversed(limits):
        v = lim[0]
        others = [other for other in limits if other is not lim]
        if any(other[1].has(v) or other[2].has(v) for other in others):
            continue
        dep = [f for f in factors if f.has(v)]
        indep = [f for f in factors if not f.has(v)]
        if dep and indep:
            return nested_sum(sp.Mul(*indep) * sp.Sum(sp.Mul(*dep), lim), others)
    return sp.Sum(term, *limits)


def split_log_sums(exprs, guards) -> tuple[list, list[SplitSum]] | None:
    r"""``(exprs, groups)``: each ``Sum`` of $w\,(t_1 + t_2 + \dots)$ whose summand holds $\log S$ ($S$ one of the
    unshifted ``guards``) written as $\sum_p c_p \,\mathrm{Sum}(w\, t_p)$ over the terms of the expanded summand
    ($c_p$ a number), each with the indices its factors lack summed first (:func:`nested_sum`); ``groups`` lists
    the split sums.  The weights $w$ must be inputs (their sign is tested at run time) or absent.  None where
    a log of a guard sum is left in an Add (the cancellation the shift avoids) or outside the split sums."""
    groups = []

    def split(a):
        weights = [f for f in sp.Mul.make_args(a.function) if not _has_log_of(f, guards)]
        if any(not isinstance(w, sp.Indexed) for w in weights):
            return a
        terms = sp.Add.make_args(sp.expand_mul(a.function))
        if len(terms) < 2:
            return a
        parts = tuple((c, nested_sum(t, a.limits)) for c, t in (term.as_coeff_Mul() for term in terms))
        logs = tuple(g for g in guards if any(isinstance(x, sp.log) and x.args[0] == g
                                              for x in sp.preorder_traversal(a.function)))
        groups.append(SplitSum(parts, tuple(w.base for w in weights), logs))
        return sp.Add(*[c * s for c, s in parts])

    out = [e.replace(lambda a: isinstance(a, sp.Sum) and _has_log_of(a.function, guards), split) for e in exprs]
    parts = {s for g in groups for _, s in g.parts}
    for s in parts:
        if _log_in_add(s.function, guards):
            return None
    hidden = {s: sp.Dummy() for s in parts}
    if any(_has_log_of(e.xreplace(hidden), guards) for e in out):
        return None
    return out, groups


def cancellation_line(guard: str, terms: list[str], weights: list[str]) -> str:
    r"""``guard = guard and ...``: the weights (code of input arrays) nonnegative and the parts (code of $c_p A_p$)
    adding to at least $1/\kappa$ of their magnitudes (every element; False on NaN)."""
    tests = [f"bool(np.asarray({w}).min(initial=np.inf) >= 0)" for w in weights]  # NaN: False; no rows: True
    mags = " + ".join(f"np.abs({t})" for t in terms)
    tests.append(f"bool(({mags} <= {CANCELLATION} * np.abs({' + '.join(terms)})).all())")
    return f"{guard} = {guard} and " + " and ".join(tests)


def log_floor_line(guard: str, total: str) -> str:
    r"""``guard = guard and ...``: the sum $S$ (code) whose log a split sum holds is at least $e$, so $\log S \ge 1$ and
    the log's absolute error ($\varepsilon$, from the rounding of $S$) is relative to it (at $S = 1$ an exact
    0 would stand for a tiny true value the shifted code gets exactly)."""
    return f"{guard} = {guard} and bool(np.asarray({total}).min(initial=np.inf) >= np.e)"
