r"""Complements of the error function, taken exactly before anything is rounded.

Where $\operatorname{erf}(z)$ is near $\mp 1$, a sum $c \pm c\,\operatorname{erf}(z)$ is far smaller than its terms and
loses every digit at a fixed precision: the reader writes $\Phi(-x)$ as $\tfrac12 - \tfrac12\operatorname{erf}(x/\sqrt2)$,
which is $0$ at 50 digits from $x \approx 15$ on, so $\log\Phi(-x)$ came out undefined at every point where a claim
about it fails ($x > 2.5 \cdot 10^{12}$ for ``cc-h7-logndtr-far``).  The exact identities

$$c + k\operatorname{erf}(z) = 2c\,\Phi\!\left(\tfrac{k}{c}\sqrt2\,z\right) \quad (k = \pm c), \qquad
  c - c\operatorname{erfc}(z) = c\operatorname{erf}(z),$$

with $\Phi(w) = \tfrac12\operatorname{erfc}(-w/\sqrt2)$ (``symbolic.functions.ndtr``, never rewritten automatically:
sympy turns $\operatorname{erfc}(-z)$ into $2 - \operatorname{erfc}(z)$, the same cancellation), give the small value
directly.  They are applied to a side before it is compiled for mpmath (``evaluate.compile_expr``) and before a point
is substituted exactly (``decide``); the value of the side is unchanged everywhere, real or complex.
"""
from __future__ import annotations

import sympy as sp

from symbolic.functions import ndtr


def complements(expr):
    """``expr`` with each sum $c \\pm c\\operatorname{erf}(z)$, $c - c\\operatorname{erfc}(z)$ (numeric $c \\ne 0$)
    written as its complement (see the module docstring); anything else as it is."""
    if not isinstance(expr, sp.Basic) or not expr.has(sp.erf, sp.erfc):
        return expr
    return expr.replace(lambda node: node.is_Add, _complemented)


def _complemented(add: sp.Add) -> sp.Expr:
    constant, terms = add.as_coeff_add()
    if constant == 0:
        return add
    for n, term in enumerate(terms):
        k, factor = term.as_coeff_Mul()
        if isinstance(factor, sp.erf) and abs(k) == abs(constant):
            whole = 2 * constant * ndtr((k / constant) * sp.sqrt(2) * factor.args[0])
        elif isinstance(factor, sp.erfc) and k == -constant:
            whole = constant * sp.erf(factor.args[0])
        else:
            continue
        return sp.Add(*terms[:n], *terms[n + 1:], whole)
    return add
