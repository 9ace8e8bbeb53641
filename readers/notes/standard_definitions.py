r"""A row that reads as the definition of a function with a standard meaning, also read as a claim about it.

Reference pages and notes state the facts of special functions in the form of a definition:

    $$\mathrm{B}(\alpha, \beta) = \frac{\Gamma(\alpha)\Gamma(\beta)}{\Gamma(\alpha + \beta)}$$
    $${}_1F_1(a, b, z) = \frac{\Gamma(b)}{\Gamma(a)\Gamma(b - a)} \int_0^1 e^{zu} u^{a-1} (1-u)^{b-a-1}\,du$$
    $$\mathrm{erfinv}(\mathrm{erf}(x)) = x \qquad I_0(x) = \sum_{k=0}^{\infty} \frac{(x^2/4)^k}{(k!)^2}$$

The checker reads such a row as a new definition of its left side (a name nobody defined yet may be meant anew).
:func:`standard_reading` gives the left side's standard meaning when its name has one (the table below, and the
names of :mod:`readers.notes.special`), so that the row can be checked aside as a claim about that function.  The
caller keeps the claim's steps only when every one is confirmed: a row that fails is no verdict, since the notes may
define a function of their own under a standard name.  A meaning is in the table only when it is not itself the
identity the notes state of the name (the normal quantile ``ndtri`` is left out: its only closed form is the one the
notes give it, ``\sqrt2\,\mathrm{erf}^{-1}(2p-1)``, so reading it so would prove nothing).

================================================  ====================================================================
written                                           read as
================================================  ====================================================================
``\mathrm{B}(a, b)``, ``\mathrm{Beta}(a, b)``     Euler's beta function :math:`\int_0^1 t^{a-1}(1-t)^{b-1}\,dt`
``\mathrm{erfinv}(y)``, ``\mathrm{erf}^{-1}``     the inverse error function (``erfcinv``, ``erfc^{-1}`` likewise)
``I_n(x)``, ``J_n(x)`` (``n`` a digit)            the modified Bessel and Bessel functions of the first kind of order n
``\mathrm{digamma}(x)``, ``\mathrm{lgamma}``      :math:`\psi(x)` and :math:`\log\Gamma(x)`
================================================  ====================================================================
"""
from __future__ import annotations

import re

import sympy as sp
from sympy.core.function import AppliedUndef

from readers.notes.special import standard_functions

_ORDERED = re.compile(r"([IJ])_\{?(\d)\}?")
"""``I_0``, ``J_{1}``: a Bessel function of the first kind of the order written."""


def _one(name: str, args):
    r"""The standard meaning of ``name`` applied to ``args``, or None."""
    n = len(args)
    bare = name.lstrip("\\")
    if bare in ("B", "Beta") and n == 2:
        return sp.beta(*args)
    if bare in ("erfinv", "erfcinv", "erf^{-1}", "erfc^{-1}") and n == 1:
        return (sp.erfinv if bare.startswith(("erfinv", "erf^")) else sp.erfcinv)(args[0])
    if bare == "digamma" and n == 1:
        return sp.digamma(args[0])
    if bare == "lgamma" and n == 1:
        return sp.loggamma(args[0])
    m = _ORDERED.fullmatch(bare)
    if m and n == 1:
        return (sp.besseli if m.group(1) == "I" else sp.besselj)(int(m.group(2)), args[0])
    return None


def read_standard(expr, defined=frozenset()):
    """``expr`` with every application of a name of the table (or of readers.notes.special) that is not in
    ``defined`` replaced by its standard meaning; ``(expr, names read)``."""
    expr, read = standard_functions(expr, defined)
    read = set(read)

    def swap(e):
        name = e.func.__name__
        if name in defined or name.lstrip("\\") in defined:
            return e
        value = _one(name, e.args)
        if value is None:
            return e
        read.add(name)
        return value

    return expr.replace(lambda e: isinstance(e, AppliedUndef), swap), read


def standard_reading(lhs, defined=frozenset()):
    r"""The left side of a definition row with its standard meaning (``\mathrm{B}(a, b)`` -> ``beta(a, b)``) when
    its own function is one of the table's names, applied with the arity shown, and not defined in ``defined``;
    else None."""
    if not isinstance(lhs, AppliedUndef):
        return None
    name = lhs.func.__name__
    if name in defined or name.lstrip("\\") in defined:
        return None
    value, read = read_standard(lhs, defined)
    return value if name in read else None
