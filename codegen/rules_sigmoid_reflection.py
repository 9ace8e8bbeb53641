r"""A sigmoid term whose weight cancels against the rest of the sum, reflected where the sigmoid is near 1.

.. math:: \frac{k}{1 + e^{-v}} + R = (k + R) - \frac{k}{1 + e^{v}} \qquad (v > 0)

with $k + R$ simplified by algebra (identity ``sigmoid_reflection``).  ACON-C, $\frac{(p_1 - p_2)x}{1 + e^{-\beta(p_1 -
p_2)x}} + p_2 x$, at $x = -10^{300}$, $p_1 = 10^{-300}$: the sigmoid is 1, the two terms are $\pm 1.86\cdot10^{300}$ and
cancel to 0 where the truth is $p_1 x = -1$; reflected, $k + R = p_1 x$ is formed by algebra and the correction
$k\,\sigma(-v)$ is 0.  The rule fires only where $k + R$ has fewer terms than $k$ and $R$ apart (a cancellation), and
only on the side $v > 0$ (where $\sigma(-v) < \tfrac12$: the correction is smaller than the term it corrects), and
only where $R$ is not a number ($1 - \sigma(z)$ and its logs are other rules' business).
"""
from __future__ import annotations

import sympy as sp


def _sigmoid_weight(t):
    """``(k, v)`` where the product ``t`` is ``k / (1 + e^{-v})``, else None."""
    for f in sp.Mul.make_args(t):
        if (isinstance(f, sp.Pow) and f.exp == -1 and isinstance(f.base, sp.Add) and len(f.base.args) == 2
                and sp.S.One in f.base.args):
            (w,) = [a for a in f.base.args if a != 1]
            if isinstance(w, sp.exp):
                k = sp.Mul(*[g for g in sp.Mul.make_args(t) if g is not f])
                if not k.has(sp.exp):
                    return k, -w.args[0]
    return None


def _terms(e):
    return len(sp.Add.make_args(sp.expand(e)))


def _reflect(e):
    if not isinstance(e, sp.Add):
        return None
    for t in e.args:
        found = _sigmoid_weight(t)
        if found is None:
            continue
        k, v = found
        rest = e - t
        if rest.has(sp.exp) or rest.has(sp.Piecewise) or rest.is_number:  # 1 - sigma(z) is one_minus_sigmoid's
            continue
        whole = sp.expand(k + rest)
        if _terms(whole) >= _terms(k) + _terms(rest):
            continue
        return sp.Piecewise((whole - k / (1 + sp.exp(v)), v > 0), (e, True))
    return None


def sigmoid_reflection(expr: sp.Expr) -> sp.Expr:
    r"""$\frac{k}{1 + e^{-v}} + R \to (k + R) - \frac{k}{1 + e^{v}}$ where $v > 0$ and $k + R$ cancels by algebra."""
    return expr.replace(lambda e: _reflect(e) is not None, _reflect)
