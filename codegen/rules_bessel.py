r"""The log of a modified Bessel function, which overflows long before its log does (:mod:`codegen.rules` registers
it as ``log_bessel_i``).

========================  =====================================================================
rule                      identity
========================  =====================================================================
``log_bessel_i``          $\log I_\nu(z) = |z| + \log\operatorname{i}\nu\operatorname{e}(z)$ for $\nu \in \{0, 1\}$,
                          $\operatorname{i}\nu\operatorname{e}(z) = e^{-|z|} I_\nu(z)$
========================  =====================================================================

The von Mises log-density $\kappa\cos(x - \mu) - \log 2\pi - \log I_0(\kappa)$ (and the Rice, the von Mises-Fisher
on the circle, the Skellam at a difference of 0) needs $\log I_0(\kappa)$: $I_0$ overflows above $\kappa = 713$ and the
log is $\infty$ where the truth is $\kappa - \frac12\log(2\pi\kappa) + \dots$; the scaled function
$e^{-|z|}I_0(z) \in (0, 1]$ is finite everywhere (``scipy.special.i0e``).  Its derivative $I_1/I_0$ is a ratio of
two scaled functions, $\operatorname{i1e}/\operatorname{i0e}$, where the unscaled ratio is inf/inf.
"""
from __future__ import annotations

import sympy as sp

from symbolic.functions import i0e, i1e

SCALED = {0: i0e, 1: i1e}


def _log_bessel(e) -> bool:
    return (isinstance(e, sp.log) and isinstance(e.args[0], sp.besseli) and e.args[0].args[0].is_Integer
            and int(e.args[0].args[0]) in SCALED)


def _scaled_ratio(e) -> bool:
    r"""$I_\mu(z) / I_\nu(z)$ (a product of the two, orders 0 or 1, one argument)."""
    if not isinstance(e, sp.Mul):
        return False
    ups = [f for f in e.args if isinstance(f, sp.besseli)]
    downs = [f.base for f in e.args if isinstance(f, sp.Pow) and f.exp == -1 and isinstance(f.base, sp.besseli)]
    return len(ups) == 1 and len(downs) == 1 and ups[0].args[1] == downs[0].args[1] \
        and all(b.args[0].is_Integer and int(b.args[0]) in SCALED for b in ups + downs)


def log_bessel_i(expr: sp.Expr) -> sp.Expr:
    r"""$\log I_\nu(z) \to |z| + \log\operatorname{i}\nu\operatorname{e}(z)$; $\frac{I_\mu(z)}{I_\nu(z)} \to
    \frac{\operatorname{i}\mu\operatorname{e}(z)}{\operatorname{i}\nu\operatorname{e}(z)}$ (the module docstring)."""
    def log_value(e):
        order, z = e.args[0].args
        return sp.Abs(z) + sp.log(SCALED[int(order)](z))

    def ratio_value(e):
        rest, swap = [], {}
        for f in e.args:
            if isinstance(f, sp.besseli):
                swap[f] = SCALED[int(f.args[0])](f.args[1])
            elif isinstance(f, sp.Pow) and f.exp == -1 and isinstance(f.base, sp.besseli):
                swap[f] = 1 / SCALED[int(f.base.args[0])](f.base.args[1])
        return e.xreplace(swap)

    expr = expr.replace(_log_bessel, log_value)
    return expr.replace(_scaled_ratio, ratio_value)
