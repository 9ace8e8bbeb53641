r"""The log-gamma function next to its zeros at 1 and 2, as its Taylor series (:mod:`codegen.rules` registers it).

========================  =====================================================================
rule                      identity
========================  =====================================================================
``log_gamma_near_zero``   $\log\Gamma(c + u) = \begin{cases} \sum_{k=1}^{N} a_k u^k & |u| < r \\ \log\Gamma(c + u) & \text{else} \end{cases}$, $c \in \{1, 2\}$, up to $|{\rm rest}| < 10^{-17}|\log\Gamma(c + u)|$
========================  =====================================================================

with $a_1 = \psi(c)$ and $a_k = \psi^{(k-1)}(c)/k! = (-1)^k(\zeta(k) - [c = 2])/k$ for $k \ge 2$.

$\log\Gamma(1 + k)$, the $-\log k!$ of a count read as a real number (Poisson, generalised Poisson, multinomial
log-probabilities, the expected Poisson log-likelihood under a Gamma rate), is $-\gamma k$ for a small $k$; at
$k = 10^{-300}$ the sum $1 + k$ rounds to 1 and ``gammaln`` gives 0, and next to $k = 10^{-8}$ it keeps 8 digits of 16.
The series in $u$ itself keeps them all: the variable part $u$ of the argument $c + u$ is never added to $c$.

The branch: $r = \frac18$, where ``gammaln`` of the rounded $c + u$ is within $2 \cdot 10^{-15}$ relative outside
(the rounding of $c + u$, at most $\epsilon/2$, moved by $|\psi(c)| \le 0.58$ against a value of at least $0.058$),
and :data:`ORDER` terms leave a remainder inside below $10^{-17}$ relative (the terms fall at least as $r^{k}/k$, the
value is at least $0.42|u|$: ``tests/codegen/test_rules_log_gamma_zero.py`` measures both against mpmath).  Only an
argument written as 1 or 2 plus a sum of terms that are not numbers is rewritten: there the exact $u$ is at hand.  The
identity is Taylor's theorem (the derivation ``log_gamma_near_zero`` shows the remainder's order as a limit at 0).

A function ``expr -> expr`` (a rule's ``apply``); this module knows nothing of the registry.
"""
from __future__ import annotations

import functools

import mpmath
import sympy as sp

RADIUS = sp.Rational(1, 8)
ORDER = 20
"""Terms of the series: $8^{-21}/21 \\approx 4.5 \\cdot 10^{-21}$ against $0.42 \\cdot 8^{-1}$ at the radius."""
ZEROS = (1, 2)


@functools.lru_cache(maxsize=None)
def coefficients(c: int) -> tuple:
    r"""$a_1 \dots a_N$ of $\log\Gamma(c + u) = \sum_k a_k u^k$ as 25-digit floats ($a_k = \psi^{(k-1)}(c)/k!$)."""
    with mpmath.workdps(40):
        return tuple(sp.Float(mpmath.polygamma(k - 1, c) / mpmath.factorial(k), 25) for k in range(1, ORDER + 1))


def series(c: int, u: sp.Expr) -> sp.Expr:
    r"""$\sum_{k=1}^{N} a_k u^k$ in Horner form, $u(a_1 + u(a_2 + \dots))$."""
    out = sp.S.Zero
    for a in reversed(coefficients(c)):
        out = a + (sp.Mul(u, out, evaluate=False) if out != 0 else 0)
    return sp.Mul(u, out, evaluate=False)


def _near_zero(e):
    """``(c, u)`` where ``e`` is $\\log\\Gamma(c + u)$ with $c$ 1 or 2 and $u$ no number, else None."""
    if not isinstance(e, sp.loggamma):
        return None
    c, u = e.args[0].as_coeff_Add()
    if c not in ZEROS or u == 0 or u.is_number:
        return None
    return int(c), u


def log_gamma_near_zero(expr: sp.Expr) -> sp.Expr:
    r"""$\log\Gamma(c + u) \to$ its Taylor series in $u$ for $|u| < \frac18$, else as written ($c \in \{1, 2\}$)."""
    done = {p.args[-1].expr for p in expr.atoms(sp.Piecewise)
            if len(p.args) == 2 and _near_zero(p.args[-1].expr) is not None}  # already branched: a second pass keeps it

    def value(e):
        c, u = _near_zero(e)
        return sp.Piecewise((series(c, u), sp.Abs(u) < RADIUS), (e, True))

    return expr.replace(lambda e: e not in done and _near_zero(e) is not None, value)
