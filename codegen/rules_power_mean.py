r"""A power mean with a constant beside it, scaled by its largest entry (:mod:`codegen.rules` registers it).

.. math:: \Bigl(c\sum_j |u_j|^{p} + R\Bigr)^{q} = M^{pq}\Bigl(c\sum_j \bigl(\tfrac{|u_j|}{M}\bigr)^{p} + R M^{-p}\Bigr)^{q},
   \qquad M = \max_j |u_j| \ge 1,\ p > 0

(identity ``power_mean_scale``), for $pq$ a number ($q = \pm 1/p$).  The power-mean normalisation
$x_i / (\frac1n\sum_j |x_j|^{p} + \epsilon)^{1/p}$ at $p = 10^{300}$: $|x_j|^{p}$ overflows for $|x_j| > 1$ and the value
is 0 where the truth is $x_i / \max_j |x_j|$; scaled, every $(|x_j|/M)^{p} \le 1$, the largest is 1, and
$R M^{-p} \le R$.  Where $M < 1$ (or $p \le 0$) the form as written (its powers are then at most 1).
``homogeneous_scale`` covers the same sums without $R$ (GeM pooling, the $L^p$ normalisation).
"""
from __future__ import annotations

import sympy as sp

from symbolic.functions import ReduceMax


def _power_sum(t):
    """``(c, u, p, limits)`` where ``t`` is ``c * Sum(|u|**p, limits)``, ``p`` not a number and free of the index."""
    c, s = t.as_independent(sp.Sum, as_Add=False)
    if not (isinstance(s, sp.Sum) and len(s.limits) == 1 and isinstance(s.function, sp.Pow)):
        return None
    base, p = s.function.as_base_exp()
    if not (isinstance(base, sp.Abs) and not p.is_number and not (p.free_symbols & {s.limits[0][0]})):
        return None
    return c, base.args[0], p, s.limits


def _power_mean(e):
    """``(c, u, p, limits, R, q)`` where ``e`` is ``(c Sum(|u|**p) + R)**q``, ``R`` free of sums, ``p q`` a number."""
    if not (isinstance(e, sp.Pow) and isinstance(e.base, sp.Add)):
        return None
    found = [(t, _power_sum(t)) for t in e.base.args]
    sums = [(t, f) for t, f in found if f is not None]
    if len(sums) != 1:
        return None
    t, (c, u, p, limits) = sums[0]
    rest = sp.Add(*[a for a in e.base.args if a is not t])
    if rest == 0 or rest.has(sp.Sum) or c.has(sp.Sum) or not sp.simplify(e.exp * p).is_number:
        return None
    return c, u, p, limits, rest, e.exp


def _scaled(e):
    r"""The power mean ``e`` (:func:`_power_mean`) scaled, valid for every $p$ and useful for $p > 0$."""
    c, u, p, limits, rest, q = _power_mean(e)
    # the scale as scaled_sqrt writes it (a Max), so that scale_into_entry divides an entry by it first: gamma_i x_i / M
    # overflows in gamma_i x_i at gamma = x = 1e300; at least 1, so that R M^{-p} <= R for p > 0
    m = sp.Max(ReduceMax(sp.Abs(u), *limits), 1)
    ratio = sp.Pow(sp.Mul(sp.Abs(u), sp.Pow(m, -1), evaluate=False), p, evaluate=False)
    scaled = sp.Mul(c, sp.Sum(ratio, *limits), evaluate=False) + rest * sp.Pow(m, -p)
    return sp.Pow(m, sp.simplify(p * q)) * sp.Pow(scaled, q, evaluate=False), p


def _product_with_mean(e):
    """The position of a power-mean factor of the product ``e``, else None."""
    if not isinstance(e, sp.Mul):
        return None
    return next((n for n, f in enumerate(e.args) if _power_mean(f) is not None), None)


def power_mean_scale(expr: sp.Expr) -> sp.Expr:
    r"""$(c\sum_j |u_j|^{p} + R)^{q} \to M^{pq}(c\sum_j (|u_j|/M)^{p} + R M^{-p})^{q}$, $M = \max(\max_j |u_j|, 1)$, where
    $p > 0$; a product holding it is taken whole into the branch (its entries then meet the scale)."""
    def in_product(e):
        n = _product_with_mean(e)
        new, p = _scaled(e.args[n])
        return sp.Piecewise((sp.Mul(*e.args[:n], new, *e.args[n + 1:]), p > 0), (e, True))

    def alone(e):
        new, p = _scaled(e)
        return sp.Piecewise((new, p > 0), (e, True))

    taken = expr.replace(lambda e: _product_with_mean(e) is not None, in_product)
    if taken != expr:  # the power mean left in the else-branch is the form as written, not scaled again
        return taken
    return expr.replace(lambda e: _power_mean(e) is not None, alone)
