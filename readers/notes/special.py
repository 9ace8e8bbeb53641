r"""Special functions the notes use by their standard names, read as sympy's when the notes never define them.

=====================  ======================================================
written                read as
=====================  ======================================================
``\mathrm{erf}(x)``    :math:`\operatorname{erf}(x)` (``erfc`` likewise)
``\Phi(x)``            :math:`\tfrac12\bigl(1 + \operatorname{erf}(x/\sqrt2)\bigr)`, the standard normal CDF
``\psi_m(z)``          the polygamma function :math:`\psi^{(m)}(z) = \frac{d^{m+1}}{dz^{m+1}}\log\Gamma(z)`
``\Gamma(z)``          the gamma function; ``\Gamma(s, x)`` the upper incomplete gamma function
``\gamma(s, x)``       the lower incomplete gamma function :math:`\int_0^x t^{s-1} e^{-t}\,dt`
``\zeta(s)``           the Riemann zeta function
``{}_1F_1(a, b, z)``   the generalized hypergeometric function :math:`{}_pF_q` (``p + q + 1`` arguments)
=====================  ======================================================

Only applications with the arity shown are read; a name the notes define (``\Phi(x) = ...``) keeps its
definition, since the caller passes the defined names.  A "definition" the prose right before it introduces as the
standard function (``where $\Gamma$ is the gamma function, $$\Gamma(x) = \int_0^\infty t^{x-1} e^{-t}\,dt$$``)
defines nothing: it is a claim about that function (:func:`introduced_as_standard`).
"""
from __future__ import annotations

import re

import sympy as sp
from sympy.core.function import AppliedUndef

_POLYGAMMA = re.compile(r"\\?psi_\{?(\d)\}?")
_HYPER = re.compile(r"hyp(\d)F(\d)")
"""``{}_pF_q(a_1, ..., a_p, b_1, ..., b_q, z)`` as the tokens name it: the generalized hypergeometric function."""


STANDARD_NAMES = {
    "Gamma": r"gamma function",
    "gamma": r"incomplete gamma function",
    "erf": r"error function",
    "erfc": r"complementary error function",
    "zeta": r"zeta function",
    "Phi": r"(?:standard normal|normal) (?:cdf|c\.d\.f\.|cumulative distribution function|distribution function)",
}
"""What prose calls each standard function (the polygamma functions by their own word)."""


def introduced_as_standard(application, prose: str) -> bool:
    r"""Whether ``application`` (``Gamma(x)``: a standard special function of names, with its arity) is one the
    sentence ``prose`` introducing its block calls by the function's standard name ("the gamma function")."""
    name = application.func.__name__.lstrip("\\")
    words = STANDARD_NAMES.get(name) or (r"(?:poly|di|tri)gamma function" if _POLYGAMMA.fullmatch(name) else None)
    if words is None or _reading(name, application.args) is None \
            or not all(isinstance(a, sp.Symbol) for a in application.args):
        return False
    return re.search(r"(?<![A-Za-z])" + words, prose, re.IGNORECASE) is not None


def _reading(name: str, args):
    n = len(args)
    if name in ("erf", "erfc") and n == 1:
        return getattr(sp, name)(*args)
    if name == "Phi" and n == 1:
        return (1 + sp.erf(args[0] / sp.sqrt(2))) / 2
    m = _POLYGAMMA.fullmatch(name)
    if m and n == 1:
        return sp.polygamma(int(m.group(1)), args[0])
    if name == "Gamma" and n == 1:
        return sp.gamma(args[0])
    if name == "Gamma" and n == 2:
        return sp.uppergamma(*args)
    if name == "gamma" and n == 2:
        return sp.lowergamma(*args)
    if name == "zeta" and n == 1:
        return sp.zeta(args[0])
    m = _HYPER.fullmatch(name)
    if m and n == int(m.group(1)) + int(m.group(2)) + 1:
        p = int(m.group(1))
        return sp.hyper(args[:p], args[p:n - 1], args[-1])
    return None


def standard_functions(expr, defined=frozenset()):
    """``expr`` with every application of a standard special function (module table) that is not in
    ``defined`` replaced by sympy's function; ``(expr, names read)``."""
    read = set()

    def swap(e):
        name = e.func.__name__
        if name in defined or name.lstrip("\\") in defined:
            return e
        value = _reading(name.lstrip("\\"), e.args)
        if value is None:
            return e
        read.add(name)
        return value

    out = expr.replace(lambda e: isinstance(e, AppliedUndef), swap)
    return out, read


INTEGER_POINTS = (1, 2, 3)
"""Where an integral the notes write for a standard function of one argument is worked out exactly: positive
integers, inside the domain of every integral form in the table (the gamma function's converges for x > 0)."""


def integral_counterexample(application, rhs) -> dict | None:
    r"""A point where ``rhs``, an integral the notes write for the standard function ``application`` of one name
    (``\Gamma(x) = \int_0^{-\infty} t^{x-1} e^{-t}\,dt``), is not the function's value: infinite, or another
    number, worked out exactly by sympy at ``INTEGER_POINTS``; None when it agrees there or cannot be worked out.
    Only integrands of powers of the variable and exponentials of polynomials of degree at most 2 are worked out
    (sympy does those at once)."""
    name = application.func.__name__.lstrip("\\")
    if len(application.args) != 1 or not rhs.has(sp.Integral) or _reading(name, application.args) is None:
        return None
    (x,) = application.args
    for k in INTEGER_POINTS:
        at = rhs.subs(x, k)
        if not all(_elementary(i) for i in at.atoms(sp.Integral)):
            return None
        value = at.doit()
        truth = _reading(name, (sp.Integer(k),))
        if value.has(sp.Integral, AppliedUndef) or value.free_symbols:
            return None
        if value.is_finite is False or abs(sp.N(value - truth, 30)) > sp.Rational(1, 10**20) * max(abs(truth), 1):
            return {str(x): str(k), "lhs": sp.sstr(sp.N(truth, 12)),
                    "rhs": str(value) if value.is_finite is False else sp.sstr(sp.N(value, 12))}
    return None


def _elementary(integral) -> bool:
    """Whether ``integral`` is of one variable, with a product of numbers, integer powers of it and exponentials
    of polynomials of degree at most 2 in it: an Euler-type integral sympy works out at once."""
    if len(integral.limits) != 1 or len(integral.limits[0]) != 3:
        return False
    t = integral.limits[0][0]
    for factor in sp.Mul.make_args(integral.function):
        if factor.is_number:
            continue
        if isinstance(factor, sp.Pow) and factor.base == t and factor.exp.is_Integer:
            continue
        if factor == t:
            continue
        if isinstance(factor, sp.exp) and factor.args[0].is_polynomial(t) \
                and sp.degree(factor.args[0], t) <= 2 and factor.args[0].free_symbols <= {t}:
            continue
        return False
    return True
