r"""Squares completed, so that two large squares and their cross term do not cancel: $s A^2 + s B^2 - 2 s A B = s(A - B)^2$.

========================  =====================================================================
rule                      identity
========================  =====================================================================
``complete_square``       $t_1 + t_2 + t_3 = s\,(A \pm B)^2$ where $t_1 = s A^2$, $t_2 = s B^2$ ($s = \pm 1$,
                          $A^2 = s t_1$, $B^2 = s t_2$, or their magnitudes) and $t_3 = \pm 2 s A B$ (costly: search only)
========================  =====================================================================

The Rice log-density $\log x - 2\log\sigma - \frac{x^2 + \nu^2}{2\sigma^2} + \log I_0(\frac{x\nu}{\sigma^2})$, once
``log_bessel_i`` has written $\log I_0(z) = |z| + \log\operatorname{i0e}(z)$, holds $-\frac{x^2}{2\sigma^2} -
\frac{\nu^2}{2\sigma^2} + \frac{|x||\nu|}{\sigma^2}$: at $x = \nu = 10^{300}$ each term overflows and the sum is nan
where the truth is $-\frac{(|x| - |\nu|)^2}{2\sigma^2} = 0$.  The square of the difference is formed instead (its
terms are square roots of the given terms, $\frac{|x|}{\sqrt2|\sigma|}$).  The terms are those of the sum with its
products distributed (function arguments left alone).

A function ``expr -> expr`` (a rule's ``apply``); this module knows nothing of the registry.
"""
from __future__ import annotations

import itertools

import sympy as sp


def _distributed(e):
    calls = {f: sp.Dummy() for f in e.atoms(sp.Function, sp.Piecewise)}
    out = sp.expand(e.xreplace(calls), deep=True, log=False, power_exp=False, power_base=False, multinomial=False)
    return out.xreplace({d: f for f, d in calls.items()})


def _root(t, s):
    r"""$A$ with $s t = A^2$: ``s t`` a product of a positive number and even integer powers, else None."""
    out = []
    for f in sp.Mul.make_args(s * t):
        base, e = f.as_base_exp()
        if f.is_number:
            if not f.is_positive:
                return None
            out.append(sp.sqrt(f))
        elif e.is_Integer and e % 2 == 0:
            out.append(sp.Pow(base, e // 2))
        else:
            return None
    return sp.Mul(*out) if any(not f.is_number for f in out) else None


def _abs_split(e):
    r"""$|\prod f| = \prod |f|$ (real factors), so that $|x\nu/\sigma^2|$ meets $|x||\nu|/\sigma^2$."""
    return e.replace(lambda a: isinstance(a, sp.Abs) and isinstance(a.args[0], sp.Mul),
                     lambda a: sp.Mul(*[sp.Abs(f) for f in a.args[0].args]))


def _triple(terms):
    r"""``(i, j, k, s, A, B, sign)``: terms ``i``, ``j``, ``k`` are $sA^2$, $sB^2$ and $-2 s\,\mathrm{sign}\,AB$ (with $A$,
    $B$ as signed roots or as their magnitudes)."""
    for i, j in itertools.combinations(range(len(terms)), 2):
        for s in (sp.S.NegativeOne, sp.S.One):
            a, b = _root(terms[i], s), _root(terms[j], s)
            if a is None or b is None:
                continue
            for k, t in enumerate(terms):
                if k in (i, j) or not (t.free_symbols & a.free_symbols and t.free_symbols & b.free_symbols):
                    continue
                for u, v in ((a, b), (sp.Abs(a), sp.Abs(b))):
                    for sign in (sp.S.One, sp.S.NegativeOne):
                        if sp.expand(_abs_split(t - 2 * s * sign * u * v)) == 0:
                            return i, j, k, s, u, v, sign
    return None


def _complete(e):
    if not isinstance(e, sp.Add) or len(e.args) < 2:
        return None
    terms = list(sp.Add.make_args(_distributed(e)))
    if len(terms) < 3 or len(terms) > 12:
        return None
    found = _triple(terms)
    if found is None:
        return None
    i, j, k, s, a, b, sign = found
    rest = [t for q, t in enumerate(terms) if q not in (i, j, k)]
    # the common factors out of the difference (sqrt(2)/2 (|x| - |nu|)/|sigma|): each rounding of a common factor
    # taken separately would be amplified by the cancellation
    return sp.Add(*rest, s * sp.Pow(sp.factor_terms(_abs_split(a + sign * b)), 2, evaluate=False))


def complete_square(expr: sp.Expr) -> sp.Expr:
    r"""$s A^2 + s B^2 \mp 2 s A B + R \to s (A \mp B)^2 + R$ (the module docstring)."""
    return expr.replace(lambda e: _complete(e) is not None, _complete)
