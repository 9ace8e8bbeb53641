r"""An undefined :math:`\sigma` in notes that speak of the sigmoid: the logistic sigmoid, in both readings of a claim.

.. math:: \sigma(u) = \frac{1}{1 + e^{-u}}, \qquad \sigma'(u) = \sigma(u)\,(1 - \sigma(u)).

The scalar reading (``readers.notes.check``) and the matrix reading (``readers.notes.matrices``) put in the same
form, and say so with the same words (:data:`READ`).
"""
from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef

READ = "sigma read as the logistic sigmoid 1/(1 + e^-x) (the notes speak of the sigmoid)"

_T = sp.Dummy("t")
_FORMS = {"sigma": 1 / (1 + sp.exp(-_T)), "sigma'": (1 / (1 + sp.exp(-_T))).diff(_T)}


def as_sigmoid(e):
    r"""``e`` with every ``\sigma(u)`` of one argument the logistic sigmoid $1/(1 + e^{-u})$ and ``\sigma'(u)`` its
    derivative, innermost first (``\sigma(W\sigma(x) + b)``)."""
    return e.replace(lambda f: isinstance(f, AppliedUndef) and f.func.__name__ in _FORMS and len(f.args) == 1,
                     lambda f: _FORMS[f.func.__name__].subs(_T, f.args[0]))
