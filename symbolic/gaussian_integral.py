r"""Integrals over the whole line of a polynomial times the exponential of a concave quadratic, in closed form.

.. math::
    \int_{-\infty}^{\infty} x^k e^{-a x^2 + b x + c}\,dx
      = e^{c + b^2/(4a)} \sum_{j \le k,\ j \text{ even}} \binom{k}{j} h^{k-j}\,\frac{\Gamma(\frac{j+1}{2})}{a^{(j+1)/2}},
    \qquad h = \frac{b}{2a},\ a > 0,

from $x = y + h$ (which completes the square, $-a x^2 + b x + c = -a y^2 + c + b^2/(4a)$) and the moments
$\int y^j e^{-a y^2} dy$, zero for odd $j$.  sympy's ``integrate`` finds the same values through Meijer G-functions,
seconds per moment of a normal density; this takes milliseconds.  Only an integral of exactly this shape is
evaluated, and only where $a$ is known positive (it then converges); any other is left to sympy (``None``).
"""
from __future__ import annotations

import sympy as sp
from sympy.polys.polyerrors import PolynomialError


def gaussian_integral(integral: sp.Integral) -> sp.Expr | None:
    r"""The value of ``integral`` when it is $\int_{-\infty}^{\infty} P(x)\, e^{Q(x)} dx$ with $P$ a polynomial in
    $x$ and $Q$ a quadratic whose $x^2$ coefficient is known negative (several exponential factors in one term are
    multiplied into one), else None."""
    if len(integral.limits) != 1 or len(integral.limits[0]) != 3:
        return None
    x, low, high = integral.limits[0]
    if low != -sp.oo or high != sp.oo:
        return None
    total = sp.S.Zero
    for term in sp.Add.make_args(sp.expand(integral.function, power_exp=False)):
        value = _term_integral(term, x)
        if value is None:
            return None
        total += value
    return total


def _term_integral(term: sp.Expr, x: sp.Symbol) -> sp.Expr | None:
    """$\\int P(x) e^{Q(x)} dx$ over the line for one product ``term``, else None."""
    exponents = [f.exp if f.is_Pow else f.args[0] for f in sp.Mul.make_args(term) if _is_exponential(f)]
    rest = sp.Mul(*(f for f in sp.Mul.make_args(term) if not _is_exponential(f)))
    if not exponents:
        return None
    try:
        polynomial = sp.Poly(rest, x)
        quadratic = sp.Poly(sp.expand(sp.Add(*exponents)), x)
    except PolynomialError:
        return None
    if quadratic.degree() != 2:
        return None
    minus_a, b, c = quadratic.all_coeffs()
    a = -minus_a
    if a.is_positive is not True:
        return None
    h = b / (2 * a)
    moments = sum(coefficient * _shifted_moment(k, h, a) for (k,), coefficient in polynomial.terms())
    return sp.exp(sp.cancel(c + b ** 2 / (4 * a))) * moments


def _is_exponential(factor: sp.Expr) -> bool:
    return isinstance(factor, sp.exp) or (factor.is_Pow and factor.base is sp.E)


def _shifted_moment(k: int, h: sp.Expr, a: sp.Expr) -> sp.Expr:
    r"""$\int (y + h)^k e^{-a y^2} dy = \sum_{j \text{ even}} \binom{k}{j} h^{k-j} \Gamma(\frac{j+1}{2}) a^{-(j+1)/2}$."""
    return sp.Add(*(sp.binomial(k, j) * h ** (k - j) * sp.gamma(sp.Rational(j + 1, 2)) * a ** sp.Rational(-(j + 1), 2)
                    for j in range(0, k + 1, 2)))


def integrated(expr: sp.Expr) -> sp.Expr:
    """``expr`` with each :func:`gaussian_integral` it holds evaluated, the other integrals left as they are."""
    values = {}
    for integral in expr.atoms(sp.Integral):
        value = gaussian_integral(integral)
        if value is not None:
            values[integral] = value
    return expr.xreplace(values) if values else expr
