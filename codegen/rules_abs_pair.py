r"""A magnitude and its own signed value in one sum, met before anything else is added (:mod:`codegen.rules` registers
it).

.. math:: k|u| - k u = 2k\max(-u, 0), \qquad k|u| + k u = 2k\max(u, 0)

(identity ``abs_pair``).  The von Mises negative log-likelihood $\kappa(1 - \cos(\theta - \mu)) + \log 2\pi + \log
I_0(\kappa) - \kappa$: ``log_bessel_i`` writes $\log I_0(\kappa) = |\kappa| + \log\operatorname{i0e}(\kappa)$, and at
$\kappa = 10^{300}$ the sum adds $-345$ to $|\kappa|$ before $-\kappa$ takes it away again, so the value is $\log 2\pi$
where the truth is $-344$; as $2\max(-\kappa, 0) = 0$ the two meet exactly.  The same for $(x + |x|)/2$ (a ReLU
written by hand) beside other terms.  It fires on a sum holding both $k|u|$ and $\mp k u$, $u$ not a number.
"""
from __future__ import annotations

import sympy as sp


def _pair(e):
    """``(n, m, k, u, s)``: term ``n`` of the sum ``e`` is ``k |u|`` and term ``m`` is ``s k u`` (``s = ±1``), else
    None."""
    if not isinstance(e, sp.Add):
        return None
    for n, t in enumerate(e.args):
        absolute = [f for f in sp.Mul.make_args(t) if isinstance(f, sp.Abs) and not f.args[0].is_number]
        for f in absolute:
            k = sp.Mul(*[g for g in sp.Mul.make_args(t) if g is not f])
            u = f.args[0]
            for m, w in enumerate(e.args):
                if m != n:
                    for s in (1, -1):
                        if sp.expand(w - s * k * u) == 0:
                            return n, m, k, u, s
    return None


def abs_pair(expr: sp.Expr) -> sp.Expr:
    r"""$k|u| \mp k u \to 2k\max(\mp u, 0)$ in a sum (module docstring)."""
    def value(e):
        n, m, k, u, s = _pair(e)
        rest = [t for q, t in enumerate(e.args) if q not in (n, m)]
        return sp.Add(*rest) + 2 * k * sp.Max(s * u, 0)

    return expr.replace(lambda e: _pair(e) is not None, value)
