r"""The log of a sum of squares, scaled by its largest magnitude (:mod:`codegen.rules` registers the rule).

========================  =====================================================================
rule                      identity
========================  =====================================================================
``log_of_squares``        $\log A = 2\log M + \log\frac{A}{M^{2}}$ for $A = \sum_t k_t u_t^{2} + r > 0$, $M = \max(\max_t |u_t|, \sqrt{|r|}, \mathrm{tiny})$
========================  =====================================================================

A sum of squares overflows long before its log does: $\log\sum_i (x_i - y_i)^2$ at $x_0 = 10^{300}$ is $\log\infty$
where the truth is $1381.6$ (the log power kernel, after ``log1p_power`` took $\log(1 + A^{\beta/2})$ to
$\frac{\beta}{2}\log A + \operatorname{log1p}(A^{-\beta/2})$), and $\log((\gamma + s)^2 + (\mu - \nu)^2)$ at
$\nu = 10^{300}$ the same (the Kullback-Leibler divergence between two Cauchy distributions, after ``log_of_quotient``
split the log of its quotient).  $A/M^{2}$ is ``scaled_sqrt``'s scaled radicand (:func:`codegen.rules.scaled_root`):
each square is formed as the square of a ratio at most 1, so it neither overflows nor, at $u \sim 10^{-300}$,
underflows to 0 (where $\log 0$ would be $-\infty$).  The identity holds for every $M > 0$ wherever $A > 0$, which the
log requires.  A log whose argument is the absolute value of such a sum (``log_of_quotient``'s $\log|f|$ of a factor)
is taken the same way, $|A| = M^{2}|A/M^{2}|$.

Costly (a maximum and a division per square): search only.  Its derivative, with $M$ held constant, is
$\frac{2 u_k / M^{2}}{A / M^{2}}$, which sympy cancels back to $\frac{2 u_k}{A}$ (the log power kernel's gradient at
$x_0 = 10^{300}$ is still missed).

A function ``expr -> expr`` (a rule's ``apply``); this module knows nothing of the registry.
"""
from __future__ import annotations

import sympy as sp

from symbolic.functions import ReduceMax


def _radicand(e):
    """``(A, absolute)``: ``e`` is ``log(A)`` or ``log(|A|)`` with squares in ``A`` not yet scaled, else None."""
    from codegen.rules import _radicand_parts

    if not isinstance(e, sp.log):
        return None
    a, absolute = e.args[0], False
    if isinstance(a, sp.Abs):
        a, absolute = a.args[0], True
    if a.is_number or a.has(ReduceMax) or not isinstance(a, (sp.Add, sp.Sum, sp.Pow, sp.Mul)):
        return None
    if not _radicand_parts(a)[0]:
        return None
    return a, absolute


def log_of_squares(expr: sp.Expr) -> sp.Expr:
    r"""$\log A \to 2\log M + \log(A/M^{2})$ (and $\log|A| \to 2\log M + \log|A/M^{2}|$) for $A$ with squares (module
    docstring)."""
    from codegen.rules import scaled_root

    def value(e):
        a, absolute = _radicand(e)
        m, scaled = scaled_root(a)
        return 2 * sp.log(m) + sp.log(sp.Abs(scaled) if absolute else scaled)

    return expr.replace(lambda e: _radicand(e) is not None, value)

