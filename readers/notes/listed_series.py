r"""Two series written out term by term in the elements of one unknown sequence, each with a trailing ellipsis:
``R_{t+1} + \gamma R_{t+2} + \gamma^2 R_{t+3} + \cdots = R_{t+1} + \gamma (R_{t+2} + R_{t+3} + \cdots)``.

Expanded, each side is a sum of terms ``c \cdot a_{s+k}`` (one element of a sequence ``a`` at a numeric offset ``k``
from a common subscript ``s``, times a coefficient free of the sequence) and one ellipsis term, which stands for the
elements *after* the last one the side lists.  An element at an offset no greater than the last listed on both sides
is written out on both (with coefficient 0 where a side skips it), so at the sequence that is 1 there and 0 elsewhere
(the elided terms 0 on both sides) the claim says its two coefficients are equal:

.. math:: \sum_k c_k a_{s+k} + \cdots = \sum_k d_k a_{s+k} + \cdots \implies c_j = d_j \quad (j \le \min(K_c, K_d))

:func:`coefficient_pairs` gives those equations; the caller checks each under the claim's conditions, and one that is
refuted refutes the claim.  Anything else (products of elements, an element inside a function, a subscript that is
not ``name + number``, an ellipsis between terms, ``a_1 + \cdots + a_n``) gives nothing: the claim stays undecided.
"""
from __future__ import annotations

import re

import sympy as sp

from readers.notes.ellipsis import is_ellipsis

_ELEMENT = re.compile(r"^(\\?[A-Za-z]+)_\{?\s*([A-Za-z]?)\s*(?:([+-])\s*(\d+))?\s*\}?$")
_NUMBER = re.compile(r"^(\\?[A-Za-z]+)_\{?\s*(\d+)\s*\}?$")


def _element(symbol):
    """``(sequence, index name, offset)`` of a subscripted name ``R_{t+2}``, ``a_3``, ``x_n``; else None."""
    if not isinstance(symbol, sp.Symbol):
        return None
    number = _NUMBER.match(symbol.name)
    if number:
        return number.group(1), "", int(number.group(2))
    m = _ELEMENT.match(symbol.name)
    if m is None or not m.group(2):
        return None
    offset = int(m.group(4) or 0) * (-1 if m.group(3) == "-" else 1)
    return m.group(1), m.group(2), offset


def _terms(side):
    """``({element: coefficient}, sequence key)`` of one side written as listed elements plus one ellipsis term,
    or None."""
    coefficients, key, ellipses = {}, None, 0
    for term in sp.Add.make_args(sp.expand(side)):
        dots = [s for s in term.free_symbols if is_ellipsis(s)]
        if dots:
            ellipses += 1
            if len(dots) != 1 or term.as_independent(dots[0])[1] != dots[0]:
                return None  # the ellipsis times a coefficient only
            continue
        elements = [s for s in term.free_symbols if _element(s) is not None]
        if len(elements) != 1:
            return None
        (e,) = elements
        coefficient, rest = term.as_independent(e)
        if rest != e:
            return None  # an element squared, or inside a function
        sequence, index, offset = _element(e)
        if key is None:
            key = (sequence, index)
        if key != (sequence, index):
            return None
        coefficients[offset] = coefficients.get(offset, sp.Integer(0)) + coefficient
    if ellipses != 1 or len(coefficients) < 2:
        return None
    return coefficients, key


def coefficient_pairs(lhs, rhs) -> list[tuple[str, sp.Expr, sp.Expr]]:
    """``(element, its coefficient on the left, on the right)`` for every element written out on both sides of
    two listed series of the same sequence (module docstring), in order; empty when the claim is no such pair."""
    left, right = _terms(lhs), _terms(rhs)
    if left is None or right is None or left[1] != right[1]:
        return []
    (lc, (sequence, index)), (rc, _) = left, right
    last = min(max(lc), max(rc))
    first = min(min(lc), min(rc))
    out = []
    for k in range(first, last + 1):
        name = f"{sequence}_{{{index}{'+' if k > 0 and index else ''}{'' if index and k == 0 else k}}}"
        out.append((name, lc.get(k, sp.Integer(0)), rc.get(k, sp.Integer(0))))
    return out
