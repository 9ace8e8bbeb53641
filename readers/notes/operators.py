r"""A capital ``D`` written before an expression, read as the differentiation operator.

Calculus notes write the rules with Euler's operator: ``$Dx^n = nx^{n-1}$``, ``$De^x = e^x$``,
``$D\ln(x) = 1/x$``, ``$D_t e^{2t} = 2e^{2t}$``.  Read as written, an undefined ``D`` is a number and
``D x^n = n x^{n-1}`` fails for most ``D``; read as the operator it is the power rule

.. math::  D\,g \;\to\; \frac{d}{dv} g, \qquad v = \text{the subscript of } D \text{, else } x
           \text{ (or the one variable of } g\text{)}.

:func:`derivative_reading` rewrites each term ``D \cdot g`` (``D`` to the first power) of the expanded sides
so; the differentiation is linear, so ``D(x^2 + x)`` expanded to ``Dx^2 + Dx`` reads the same.
:data:`OPERATOR_CUE` finds the notes saying that ``D`` is an operator (then the reading is the notes' own).
"""
from __future__ import annotations

import re

import sympy as sp

OPERATOR_CUE = re.compile(r"\$\s*D(?:_\{?[A-Za-z]\}?)?\s*\$[^.$]{0,80}?\boperators?\b"
                          r"|\boperators?\b[^.]{0,40}?\$\s*D(?:_\{?[A-Za-z]\}?)?\s*\$", re.I)
"""Prose naming ``D`` an operator: "symbols $\\frac{d}{dx}$ and $D$ are differentiation operators"."""
_NAME = re.compile(r"D(?:_\{?([A-Za-z])\}?)?")
_USUAL = ("x", "t", "z", "u", "y")
"""Variables taken, in this order, when ``D`` has no subscript and its operand has several names."""


def operators(*sides) -> set:
    """The undefined symbols ``D``, ``D_x`` of the sides."""
    return {s for e in sides for s in e.free_symbols if isinstance(s, sp.Symbol) and _NAME.fullmatch(s.name)}


def derivative_reading(lhs, rhs):
    """``(lhs, rhs)`` with every term ``D g`` read as ``d g / dv``, or None when a ``D`` is not a plain factor
    (``D^2 g``, ``g / D``) or its variable cannot be told."""
    found = operators(lhs, rhs)
    if not found:
        return None
    out = []
    for side in (lhs, rhs):
        terms = []
        for term in sp.Add.make_args(sp.expand_mul(side)):
            held = [d for d in found if d in term.free_symbols]
            if not held:
                terms.append(term)
                continue
            if len(held) > 1 or not term.is_Mul or held[0] not in term.args:
                return None
            operand = term / held[0]
            variable = _variable(held[0], operand)
            if variable is None or operand.has(held[0]):
                return None
            terms.append(sp.Derivative(operand, variable))
        out.append(sp.Add(*terms))
    return tuple(out)


def _variable(operator, operand):
    names = {s.name: s for s in operand.free_symbols if isinstance(s, sp.Symbol)}
    subscript = _NAME.fullmatch(operator.name).group(1)
    if subscript is not None:
        return names.get(subscript)
    for usual in _USUAL:
        if usual in names:
            return names[usual]
    return next(iter(names.values())) if len(names) == 1 else None
