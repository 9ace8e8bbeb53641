r"""A binary cross-entropy known by its shape, whatever the notes call it, and compared with the catalog's.

A sum of terms $y \log \hat y + (1 - y)\,Z$ (either sign) is a binary cross-entropy: the anchor term
$\pm y \log A$ (``y`` a plain name, ``A`` free of it) fixes the label ``y`` and the prediction ``A``, and the rest
of the same sum must be $\pm(1 - y)\,Z$ with ``Z`` in ``A``'s names only.  The catalog's ``binary_cross_entropy``
has ``Z = \log(1 - A)``; where the notes' ``Z`` differs at a point with ``0 < A < 1``, a hard label ``y = 0``
there is a counterexample inside the catalog's domain:

    J = -\frac1m \sum_i [y_i \log \hat y_i + (1 - y_i)(1 - \log \hat y_i)]   at y = 0, \hat y = 1/2: 1 + \log 2 \ne -\log 2.

Only that skeleton is compared, and only where the section's words call the formula a loss, a cost, a
(cross-)entropy or a likelihood.  A weight on either term (focal loss's $(1-\hat y)^\gamma$, an $\alpha$-balanced or
``pos_weight`` loss), a smoothed label ($(1-\epsilon) y + \epsilon/2$) or a ``Z`` with names of its own is another
formula, not compared.
"""
from __future__ import annotations

import itertools
import re

import sympy as sp
from sympy.core.function import AppliedUndef

CATALOG_ID = "binary_cross_entropy"
CUES = re.compile(r"\b(loss|cost|cross[- ]?entropy|entropy|likelihood|log[- ]?loss)\b", re.I)
"""Words that say the formula is a loss (the shape alone could be any function of two names)."""
PREDICTIONS = (sp.Rational(1, 10), sp.Rational(3, 10), sp.Rational(1, 2), sp.Rational(7, 10), sp.Rational(9, 10))
"""Values of a prediction that is a plain name, inside (0, 1)."""
POINTS = (-2, -1, 0, 1, 2)
"""Values of the names of a compound prediction (sigma(z)); a point is kept only where 0 < A < 1."""
TOLERANCE = 1e-9
"""Relative difference at which two values differ: both are closed forms evaluated to 30 digits."""


def _plain(x) -> bool:
    return isinstance(x, (sp.Symbol, sp.Indexed))


def _anchor(term):
    """``(sign, y, A)`` for a term ``\\pm y \\log A``, else None."""
    coeff, factors = term.as_coeff_mul()
    if coeff not in (1, -1) or len(factors) != 2:
        return None
    logs = [f for f in factors if isinstance(f, sp.log)]
    names = [f for f in factors if _plain(f)]
    if len(logs) != 1 or len(names) != 1:
        return None
    y, a = names[0], logs[0].args[0]
    return None if a.has(y) else (int(coeff), y, a)


def shapes(expr):
    """``(y, A, Z)`` for each sum in ``expr`` of the form ``s (y log A + (1 - y) Z)``."""
    out = []
    for node in sp.preorder_traversal(expr):
        if not isinstance(node, sp.Add):
            continue
        for term in node.args:
            found = _anchor(term)
            if found is None:
                continue
            sign, y, a = found
            rest = node - term
            z = sp.cancel(sp.together(sign * rest / (1 - y)))
            if z.has(y) or not z.free_symbols <= a.free_symbols or not z.free_symbols:
                continue
            if not sp.cancel(z / sp.log(1 - a)).has(sp.log):  # c log(1 - A), A^2 log(1 - A): a weighted loss
                continue
            out.append((y, a, z))
    return out


def _catalog_rest(formula, y, a):
    """The catalog's ``Z`` (its summand at ``y = 0``) in a prediction ``a``."""
    output = formula.outputs[0].expr
    sums = list(output.atoms(sp.Sum))
    if len(sums) != 1:
        return None
    summand = sums[0].function
    label, prediction = (v.symbol for v in formula.variables)
    swap = {x: (0 if x.base.label == label.label else a) for x in summand.atoms(sp.Indexed)
            if x.base.label in (label.label, prediction.label)}
    return summand.xreplace(swap)


def _points(a, z):
    """``(z at a point, A at it, the point shown)``: over A's names where they are plain numbers; over A's value in
    (0, 1) where A is a name or holds a function the notes leave unnamed (sigma(z): a probability, by the shape)."""
    value = sp.Dummy("A")
    if _plain(a) or a.atoms(AppliedUndef):
        opaque = z.xreplace({a: value})
        if opaque.free_symbols != {value}:
            return []
        return [(opaque.xreplace({value: v}), v, {str(a): str(v)}) for v in PREDICTIONS]
    names = sorted(a.free_symbols, key=str)
    if len(names) > 3:
        return []
    out = []
    for values in itertools.product(POINTS, repeat=len(names)):
        point = dict(zip(names, values))
        at = a.xreplace(point).evalf(30)
        if at.is_real and 0 < at < 1:
            out.append((z.xreplace(point), at, {str(k): v for k, v in point.items()}))
    return out


def compare(catalog, body, prose: str):
    """``(reason, counterexample)`` where ``body`` has a binary cross-entropy's shape that differs from the
    catalog's, else None."""
    if not CUES.search(prose):
        return None
    formula = next((f for f in catalog if f.id == CATALOG_ID), None)
    if formula is None:
        return None
    for y, a, z in shapes(body):
        value = sp.Dummy("A")
        expected = _catalog_rest(formula, y, value)
        if expected is None:
            continue
        for at_point, at, point in _points(a, z):
            got, want = at_point.evalf(30), expected.xreplace({value: at}).evalf(30)
            if not (got.is_real and want.is_real):
                continue
            if abs(got - want) > TOLERANCE * max(1, abs(want)):
                shown = {str(y): 0, **point}
                return (f"a sum of {y} log({a}) + (1 - {y})(...) terms is a binary cross-entropy; at {y} = 0 its "
                        f"term is {z} = {float(got):.6g}, the catalog's log(1 - {a}) = {float(want):.6g}", shown)
    return None
