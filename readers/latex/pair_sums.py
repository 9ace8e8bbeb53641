r"""Sums over pairs of indices: ``\sum_{i \ne j}``, ``\sum_{i < j}``, ``\sum_{1 \le i < j \le n}``.

Written under one sum sign, a relation between two index letters ranges over pairs when the second letter is bound
nowhere else in the formula:

.. math:: \sum_{i \ne j} x_i x_j = \sum_{j=1}^{N} \sum_{i=1}^{N} (1 - \delta_{ij})\, x_i x_j,
          \qquad \sum_{i < j} a_{ij} = \sum_{j=1}^{N} \sum_{i=1}^{j-1} a_{ij}

Read with ``j`` free, :math:`\sum_{i \ne j} x_i x_j = (\sum_i x_i)^2 - \sum_i x_i^2` was refuted at ``j = 1``: a
correct line of anyone's notes.  Only a summand that depends on the second letter makes a pair: where that letter
appears outside the sum too (:math:`\sum_{k \ne i} p_k = 1 - p_i`), or the summand does not depend on it
(:math:`\sum_{m \le k} \binom{n}{m}`, :math:`\sum_{i < j} 1`), the sum stays as it was read (one index, or an
opaque sum over a set whose start the formula does not give).
"""
from __future__ import annotations

import re

import sympy as sp

_ORDER = re.compile(r"(?P<i>[a-z])(?P<rel><|>|\\leq?|\\geq?|≤|≥)(?P<j>[a-z])")
_CHAIN = re.compile(r"(?P<lo>\d+|[a-zA-Z])(?:<|\\leq?|≤)(?P<i>[a-z])(?P<rel><|\\leq?|≤)(?P<j>[a-z])"
                    r"(?:<|\\leq?|≤)(?P<hi>\d+|[a-zA-Z])")


def _pair_range(text: str):
    """The match of a pair range ``text`` (``i<j``, ``1\\le i<j\\le n``; spaces ignored), else None."""
    text = text.replace(" ", "")
    return _CHAIN.fullmatch(text) or _ORDER.fullmatch(text)


def pair_sizes(text: str) -> list:
    """The sizes a pair range ``text`` runs to: its bound letters, or None for the default size of a range none
    states; [] when ``text`` is no pair range."""
    m = _pair_range(text)
    if m is None:
        return []
    if "hi" in m.groupdict():
        return [b for b in (m["lo"], m["hi"]) if not b.isdigit()]
    return [None]


def _excluded(sum_) -> sp.Symbol | None:
    """``j`` of a one-index sum whose summand carries the factor ``1 - delta(i, j)`` (``\\sum_{i \\ne j}``)."""
    if len(sum_.limits) != 1:
        return None
    i = sum_.limits[0][0]
    for factor in sp.Mul.make_args(sum_.function):
        if isinstance(factor, sp.Add) and len(factor.args) == 2 and sp.Integer(1) in factor.args:
            delta = -(factor - 1)
            if isinstance(delta, sp.KroneckerDelta) and i in delta.args:
                other = delta.args[0] if delta.args[1] == i else delta.args[1]
                if isinstance(other, sp.Symbol) and other != i:
                    return other
    return None


def _elsewhere(letter, exprs, inside) -> bool:
    """Whether ``letter`` is free in ``exprs`` outside the subexpressions ``inside``."""
    blank = {s: sp.Integer(0) for s in inside}
    return any(letter in e.xreplace(blank).free_symbols for e in exprs if isinstance(e, sp.Basic))


def _bound(text: str, symbol):
    """The bound ``text`` of ``\\sum_{1 \\le i < j \\le n}`` as an expression: a number, a size letter."""
    return sp.Integer(int(text)) if text.isdigit() else symbol(text)


def over_pairs(exprs: tuple, symbol, default_size) -> tuple:
    """``exprs`` (a row's chain) with each sum over a pair of indices written as the double sum it means.

    ``symbol(name)`` gives the reader's symbol of a name, ``default_size()`` the size of a range none states."""
    exprs = tuple(exprs)
    excluded = {s: _excluded(s) for e in exprs if isinstance(e, sp.Basic) for s in e.atoms(sp.Sum)}
    sums = [s for s, j in excluded.items() if j is not None]
    replace = {}
    for s in sums:
        j = excluded[s]
        summand = s.function.subs(sp.KroneckerDelta(s.limits[0][0], j), 0)
        if j in summand.free_symbols and not _elsewhere(j, exprs, sums):
            i, lo, hi = s.limits[0]
            replace[s] = sp.Sum(s.function, (i, lo, hi), (j, lo, hi))
    opaque = [f for e in exprs if isinstance(e, sp.Basic) for f in e.atoms(sp.Function)
              if type(f).__name__.startswith(("sum_{", "prod_{")) and f.args]
    for f in opaque:
        op, text = type(f).__name__.split("_", 1)
        m = _pair_range(text[1:-1])
        if m is None:
            continue
        i, j, body = symbol(m["i"]), symbol(m["j"]), f.args[0]
        if j not in body.free_symbols or _elsewhere(j, exprs, opaque):
            continue  # \sum_{m \le k} \binom{n}{m}: over m up to the formula's k, from where it does not say
        chained = "hi" in m.groupdict()
        lo = _bound(m["lo"], symbol) if chained else sp.Integer(1)
        hi = _bound(m["hi"], symbol) if chained else default_size()
        strict = m["rel"] in ("<", ">")
        below = m["rel"] in ("<", "\\le", "\\leq", "≤")  # i below j
        if below:
            inner = (i, lo, j - 1 if strict else j)
        else:
            inner = (i, j + 1 if strict else j, hi)
        replace[f] = (sp.Sum if op == "sum" else sp.Product)(body, inner, (j, lo, hi))
    if not replace:
        return exprs
    return tuple(e.xreplace(replace) if isinstance(e, sp.Basic) else e for e in exprs)
