r"""A sum that cancels against a product of two factors: $c + k\,a\,b = \operatorname{fma}(k a, b, c)$.

Where $a b \approx -c$ the rounded product $\operatorname{fl}(a b)$ carries an error of half an ulp of
$a b$, and the sum keeps nothing else: $1 - t y$ at $t = -10^{-150}$, $y = -10^{150}$ (a hinge loss whose
margin is met to 17 digits) is $1.3 \cdot 10^{-17}$, the float64 product rounds to $1$ and the naive sum
is $0$; $e^{\eta} - y\eta$ at $\eta = 10^{-300}$, $y = 10^{300}$ (Poisson NLL) is $-7.8 \cdot 10^{-17}$.
$\operatorname{fma}(a, b, c) = a b + c$ is computed with the product's rounding error added back
(Dekker's exact product, :meth:`codegen.lower_printer.NumPyLowering.fma_source`), so the cancellation
is exact.  Terms rewritten: a number $k$ times exactly two factors that are not numbers ($a\,b$, or a
square $a^2$ as $a \cdot a$), in a sum with at least one other term.  It costs about 17 flops per
element: the definitions' search (:mod:`codegen.define_search`) tries it and keeps it only where it is
measurably more accurate.
"""
from __future__ import annotations

import sympy as sp
from symbolic.functions import ReduceMax, fma


OPAQUE = (sp.Sum, sp.Piecewise, sp.Heaviside, sp.Max, sp.Min)
"""Factors holding these are left alone: a reduction or a selection is not a rounded product of two numbers."""


def _two_factors(t):
    """``(k, a, b)`` with ``t = k a b``, ``k`` a number, ``a`` and ``b`` not numbers; else None."""
    k, rest = t.as_coeff_Mul()
    if rest.has(*OPAQUE) or any(isinstance(a, ReduceMax) for a in sp.preorder_traversal(rest)):
        return None
    factors = sp.Mul.make_args(rest)
    if len(factors) == 2 and not any(f.is_number for f in factors):
        return k, factors[0], factors[1]
    if len(factors) == 1 and isinstance(factors[0], sp.Pow) and factors[0].exp == 2 and not factors[0].base.is_number:
        return k, factors[0].base, factors[0].base
    return None


def _product_term(e):
    """Index of the first term of the sum ``e`` that is a number times two factors, else None."""
    if not isinstance(e, sp.Add) or len(e.args) < 2:
        return None
    return next((n for n, t in enumerate(e.args) if _two_factors(t) is not None), None)


def exact_product(expr: sp.Expr) -> sp.Expr:
    r"""$c + k\,a\,b \to \operatorname{fma}(k a, b, c)$ for the first such term of every sum (innermost first)."""
    def value(e):
        n = _product_term(e)
        k, a, b = _two_factors(e.args[n])
        rest = sp.Add(*[t for q, t in enumerate(e.args) if q != n])
        return fma(k * a, b, rest)

    return expr.replace(lambda e: _product_term(e) is not None, value)
