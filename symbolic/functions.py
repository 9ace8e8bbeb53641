r"""sympy nodes that deep-learning formulas need and sympy lacks.

``ReduceMax(f, (j, lo, hi))`` is $\max_{j=lo}^{hi} f$: the reduction that the
max-shift stability rewrites introduce.  Like ``Sum`` it binds ``j``; ``doit``
unrolls it into ``Max`` at concrete bounds.
"""
from __future__ import annotations

import sympy as sp
from sympy.concrete.expr_with_limits import ExprWithLimits


class ReduceMax(ExprWithLimits):
    r"""$\max_{j = lo}^{hi} f(j)$ over an integer index."""

    def doit(self, **hints):
        f = self.function
        for j, lo, hi in reversed(self.limits):
            if not (lo.is_Integer and hi.is_Integer):
                return self.func(f, *self.limits)
            f = sp.Max(*[f.xreplace({j: sp.Integer(v)}) for v in range(int(lo), int(hi) + 1)])
        return f.doit(**hints) if hints.get("deep", True) else f

    def _eval_is_real(self):
        return self.function.is_real
