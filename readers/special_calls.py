r"""Special functions a claim may call beyond :data:`readers.expression.FUNCTIONS`' first table, each with where it
has a real value as written (every rung sees these as *written divisors*, as for $\log u$ or $\Gamma(u)$):

* ``LambertW(u)``: the principal branch $W$ of $W(u)\,e^{W(u)} = u$, real for $u \ge -1/e$ (complex below).
* ``polygamma(m, u)``: $\psi^{(m)}(u) = \frac{d^{m+1}}{du^{m+1}} \log\Gamma(u)$ for a written order
  $m = 0, 1, \dots, 20$; poles at $u = 0, -1, -2, \dots$ (where $1/\Gamma(u) = 0$).
* ``uppergamma(s, u)``: $\Gamma(s, u) = \int_u^\infty t^{s-1} e^{-t}\,dt$.  For $s = 1, 2, \dots$ it is
  $(s-1)!\,e^{-u} \sum_{k<s} u^k/k!$, real for every $u$; otherwise $t^{s-1}$ (or $\Gamma(0, u) = E_1(u)$) is not
  real for $t < 0$, so $u \ge 0$ is needed, and at $u = 0$ it is $\Gamma(s)$ when $s > 0$ and has no value when
  $s \le 0$: the divisor $|u| + \max(s, 0)$ is zero exactly there.

A false claim with a function that is not read stays undecided (a parse error), never refuted.
"""
from __future__ import annotations

import sympy as sp

MAX_POLYGAMMA_ORDER = 20
"""Largest written order of ``polygamma`` (as for ``diff``)."""


def _polygamma(order, u):
    if not (order.is_Integer and 0 <= order <= MAX_POLYGAMMA_ORDER):
        raise ValueError(f"polygamma: the order must be an integer from 0 to {MAX_POLYGAMMA_ORDER}, got {order}")
    return sp.polygamma(order, u)


SPECIAL_CALLS = {
    "LambertW": (1, 1, sp.LambertW),
    "polygamma": (2, 2, _polygamma),
    "uppergamma": (2, 2, sp.uppergamma),
}
"""Name -> (fewest arguments, most arguments, builder), the form of ``FUNCTIONS``."""


def _whole_positive(s: sp.Expr) -> bool:
    return s.is_integer is True and s.is_positive is True


SPECIAL_POLES = {
    "polygamma": lambda order, u: [1 / sp.gamma(u)],
    "uppergamma": lambda s, u: [] if _whole_positive(s) else [sp.Abs(u) + sp.Max(s, 0)],
}
r"""Name -> the expressions whose zero leaves the call without a value (the form of ``WRITTEN_POLES``)."""

SPECIAL_DOMAINS = {
    "LambertW": lambda u: [u + sp.exp(-1)],
    "uppergamma": lambda s, u: [] if _whole_positive(s) else [u],
}
r"""Name -> the expressions $c$ that must be $\ge 0$ for a real value (the form of ``REAL_DOMAINS``)."""
