r"""An inverse function defined in the notes: ``\sigma^{-1}(p) = \log\frac{p}{1-p}`` after ``\sigma`` is defined.

.. code-block:: latex

    $\sigma(x) = \frac{1}{1 + e^{-x}}$ ... The logit is the inverse: $\sigma^{-1}(p) = \log\frac{p}{1-p}$.

The row reads as a definition of a new function ``sigma^{-1}``, so nothing was checked; but the name says what it
is, the inverse of the function ``f`` the section defines, and the row claims

.. math:: f\bigl(g(y)\bigr) = y \qquad (f^{-1}(y) = g(y)),

that ``g`` undoes ``f`` (a right inverse: on the range of ``f``, where the notes mean it).  Checked with ``f`` in
force, the claim confirms the row, or refutes it with a point where ``f(g(y)) \ne y``.  A body that applies ``f``
itself (``f^{-1}(x) = 1/f(x)``, the reciprocal some authors write so) is left a definition.
"""
from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef

_INVERSE = ("^{-1}", "^-1")


def inverted(lhs) -> str | None:
    """The name ``f`` of a one-argument application ``f^{-1}(y)``, else None."""
    if not isinstance(lhs, AppliedUndef) or len(lhs.args) != 1 or not isinstance(lhs.args[0], sp.Symbol):
        return None
    name = lhs.func.__name__
    return next((name[:-len(s)] for s in _INVERSE if name.endswith(s) and len(name) > len(s)), None)


def composed(name: str, lhs, rhs):
    """``(f(g(y)), y)``, the claim the row makes, or None where ``g`` applies ``f`` itself."""
    if any(f.func.__name__ == name for f in rhs.atoms(AppliedUndef)):
        return None
    return sp.Function(name)(rhs), lhs.args[0]
