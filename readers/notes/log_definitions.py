r"""A log-density written out defines the density: ``\log p(x \mid \mu, v) = -\frac{1}{2}\log(2\pi v) - \dots``.

Notes often write a model by its logarithm.  When the left side is ``\log f(args)`` of a function the notes have
not defined, and the right side does not use ``f``, the row defines ``f(args) = \exp(\text{right side})``, so later
rows about it (``\frac{\partial}{\partial v}\log p(x \mid \mu, v) = \dots``) are checked with that ``f``
substituted.  Only a lone ``log f(args) = body`` row (one relation, not continued) is read so.
"""
from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef


def logged_definition(lhs, rhs, count: int, continued: bool, rel: str, definable):
    """``(f(args), exp(rhs))`` when ``lhs = log f(args)`` and ``definable(f(args), exp(rhs))``; else None."""
    if continued or count != 2 or rel not in ("=", ":=") or not isinstance(lhs, sp.log):
        return None
    inner = lhs.args[0]
    if not isinstance(inner, AppliedUndef) or inner.func in {f.func for f in rhs.atoms(AppliedUndef)}:
        return None
    body = sp.exp(rhs)
    return (inner, body) if definable(inner, body) else None
