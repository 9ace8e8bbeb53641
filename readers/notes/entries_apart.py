r"""A subscripted name beside its array: ``\theta_a`` in a claim that also sums over ``\theta_c`` is the entry
``\theta[a]``, not a name of its own.

The parser reads a subscript bound by a sum as an array index (``\sum_c e^{\theta_c}`` has entries ``\theta[c]``) and
a free one as part of a name (``\theta_a``).  In one claim the two are one array: after
``\pi_a = e^{\theta_a} / \sum_{c=1}^K e^{\theta_c}`` the softmax derivative

.. math:: \frac{\partial \pi_a}{\partial \theta_a} = \pi_a (1 - \pi_a)

read with ``\theta_a`` apart from ``\theta[1], \dots, \theta[K]`` differentiates only the numerator and was refuted at
``\theta_a = \theta[1] = \theta[2] = 1`` (the left side 1/2, the right 1/4), values no vector of logits takes.  Read
with ``\theta_a`` as the entry ``\theta[a]`` (``a`` an index from 1 to ``K``) it holds.
"""
from __future__ import annotations

import re

import sympy as sp

_SUBSCRIPTED = re.compile(r"(?P<base>.+?)_\{?(?P<letter>[a-z])\}?")
"""A name subscripted by one lower-case letter (``theta_a``); a capital names a random variable (``sigma_X``)."""


def entries_named_apart(*exprs) -> dict:
    """``{symbol: entry}`` for each name ``base_letter`` in ``exprs`` whose base is an array the same expressions index
    (``theta_a`` beside ``theta[c]``): the entry ``base[letter]``, the letter an integer index.  {} when none."""
    arrays = {str(b.label): b for e in exprs for b in e.atoms(sp.IndexedBase)}
    if not arrays:
        return {}
    bound = {lim[0].name for e in exprs for s in e.atoms(sp.Sum, sp.Product) for lim in s.limits}
    bound |= {s.name for e in exprs for s in e.free_symbols if isinstance(s, sp.Symbol) and not s.is_integer}
    # a letter that is also a real name of the claim (sigma_x beside x) is no index
    out = {}
    for e in exprs:
        for s in e.free_symbols:
            m = _SUBSCRIPTED.fullmatch(s.name) if isinstance(s, sp.Symbol) else None
            if m is None or m.group("base") not in arrays or m.group("letter") in bound:
                continue
            out[s] = arrays[m.group("base")][sp.Symbol(m.group("letter"), integer=True)]
    return out
