r"""A difference of quotients whose terms cancel over the common denominator.

========================  =====================================================================
rule                      identity
========================  =====================================================================
``cancelling_terms``      $R + \frac{N}{D} = \frac{R D + N}{D}$ where the expanded $R D + N$ has fewer terms than
                          $R D$ and $N$ (costly: search only)
========================  =====================================================================

The gradient of a negative binomial likelihood in its mean, $\frac{r + y}{\mu + r} - \frac{y}{\mu}$, at dispersion
$r = 10^{-300}$ is $\frac{y}{\mu} - \frac{y}{\mu} + \frac{r}{\mu}$: the two quotients round to one number and only
$r/\mu$ is left, where the truth is $\frac{r(\mu - y)}{\mu(\mu + r)}$, of relative error $y/\mu$.  Over $\mu + r$
the terms $y$ and $-y$ cancel by algebra: $\frac{r - r y/\mu}{\mu + r}$, factored as
$\frac{r(1 - y/\mu)}{\mu + r}$, keeps every digit.  ``common_denominator`` fires only where a symbol is gone (a
term gone is this rule's); a difference of reciprocals with one numerator, $\frac{k}{\mu} - \frac{k}{\mu + r}$, is
the same ($\frac{k r/\mu}{\mu + r}$).  Where nothing cancels in floating point the common denominator can overflow
or cost digits, so the rule is tried by the search only and kept where it is measurably more accurate.

A function ``expr -> expr`` (a rule's ``apply``); this module knows nothing of the registry.
"""
from __future__ import annotations

import sympy as sp

from codegen.rules_fraction import over_one_denominator


def _terms(e) -> int:
    return len(sp.Add.make_args(e))


def _term_gone(rest, n, d):
    n = sp.expand(n)
    rd = sp.expand(rest * d)
    top = sp.expand(rd + n)
    return top if top != 0 and _terms(top) < _terms(rd) + _terms(n) else None


def _combined(e):
    """``(numerator, denominator)`` of the sum ``e`` over the denominator of one of its quotients (a sum), where a
    term cancels in the expanded numerator, else None."""
    return over_one_denominator(e, _term_gone)


def cancelling_terms(expr: sp.Expr) -> sp.Expr:
    r"""$R + \frac{N}{D} \to \frac{R D + N}{D}$ where a term cancels (module docstring)."""
    def value(e):
        top, d = _combined(e)
        return sp.Mul(sp.factor_terms(top), sp.Pow(d, -1), evaluate=False)

    return expr.replace(lambda e: _combined(e) is not None, value)
