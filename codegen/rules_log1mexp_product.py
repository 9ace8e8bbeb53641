r"""The log of $1 - e^{a}$ for a product $a$ that underflows while its log does not.

.. math:: \log(-\operatorname{expm1} a) = \log|c| + \sum_k e_k \log|f_k| + \frac{a}{2} + O(a^2)
          \quad\text{for } a = c\prod_k f_k^{e_k},\ |a| < 10^{-8}

``log1mexp`` writes $\log(1 - e^{a})$ as $\log(-\operatorname{expm1} a)$ near 0, exact while $a$ is a normal number.  A
product $a = -\lambda x$ of two small factors underflows first: the generalized-exponential log-density
$(\alpha - 1)\log(1 - e^{-\lambda x})$ at $\lambda = x = 10^{-300}$ is $-\infty$ as written, where the truth is
$(\alpha - 1)(\log\lambda + \log x) \approx -675$.  Since $1 - e^{a} = -a\,(1 + a/2 + O(a^2))$ the log is $\log|a| +
a/2$ up to $a^2/24$ (below $4\cdot10^{-18}$ against $|\log|a|| > 18$), and $\log|a|$ is the sum of the factors' logs
(identity ``log1mexp_product``).  Above $10^{-8}$ the form is ``log1mexp``'s.
"""
from __future__ import annotations

import sympy as sp
from sympy.codegen.cfunctions import expm1

SMALL = sp.Rational(1, 10 ** 8)
r"""Below this $|a|$ the dropped $a^2/24$ is under $4\cdot10^{-18}$, far below an ulp of $\log|a| < -18$."""


def _product(a):
    """``(c, [(f, e)])`` where ``a`` is a number times at least two non-number factors with real number exponents
    (a single factor reaches the tiny numbers without underflowing), else None."""
    if not isinstance(a, sp.Mul):
        return None
    c, out = sp.S.One, []
    for f in a.args:
        if f.is_number:
            c *= f
            continue
        base, e = f.as_base_exp()
        if not (e.is_number and e.is_real) or base.is_number:
            return None
        out.append((base, e))
    if len(out) < 2 or not c.is_real or c == 0:
        return None
    return c, out


def log1mexp_product(expr: sp.Expr) -> sp.Expr:
    r"""$\log(-\operatorname{expm1} a) \to \begin{cases}\log|c| + \sum_k e_k\log|f_k| + a/2 & |a| < 10^{-8} \\
    \log(-\operatorname{expm1} a) & \text{else}\end{cases}$ for a product $a = c\prod_k f_k^{e_k}$ (at least two
    factors)."""
    def query(e):
        return isinstance(e, sp.log) and isinstance(-e.args[0], expm1) and _product(-e.args[0]) is None \
            and _product((-e.args[0]).args[0]) is not None

    def value(e):
        a = (-e.args[0]).args[0]
        c, fs = _product(a)
        small = sp.Add(sp.log(sp.Abs(c)), *[k * sp.log(sp.Abs(f)) for f, k in fs], a / 2)
        return sp.Piecewise((small, sp.Abs(a) < SMALL), (e, True))

    return expr.replace(query, value)
