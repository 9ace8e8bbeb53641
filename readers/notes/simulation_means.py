r"""A simulation average read as the expectation it estimates.

After "draw $y^{(1)}, \ldots, y^{(M)}$ according to $p_Y(y)$" (or "simulations ... from $p_Y$", "a sample ...
$\sim p_Y$"), the average of a function of the draws estimates that function's expectation under the law whose mass
or density function is ``p_Y`` (the law of large numbers):

.. math:: \frac{1}{M}\sum_{m=1}^{M} g\bigl(y^{(m)}\bigr) \;\approx\; \mathbb{E}[g(Y)] = \mathbb{E}_y[g(y)],
          \quad y \sim p_Y.

So ``A \approx \frac{1}{M}\sum_m g(y^{(m)})`` claims ``A = \mathbb{E}[g(Y)]`` in the limit, a claim about every law
of ``Y`` that :mod:`readers.notes.mass_expectations` checks.  The draws are ``y^{(m)}`` (or ``y_m``, ``y[m]``) with
``m`` the summation index and the average's divisor the sum's upper bound.  A term written after the sum that still
holds a draw (``\frac{1}{M}\sum_m -\log p(y^{(m)}) + \log q(y^{(m)})``, parsed with the sum ending at the ``+``) is
under the average too: outside it its index would be free.
"""
from __future__ import annotations

import re

import sympy as sp

METHOD = "the average of draws from"
"""How a verdict of this reading begins (a refutation of it names no other reading's caveat)."""
_CUE = re.compile(r"\b(?:draws?|drawn|drawing|samples?|sampled|simulations?|simulated?)\b", re.IGNORECASE)
"""Prose that says the values are random draws."""
_SAMPLING_LAW = re.compile(r"(?:according\s+to|from|\\sim)\s*\$?\s*(p_\{?[A-Z]\}?)")
r"""The law the draws follow: ``according to $p_Y(y)$``, ``from $p_Y$``, ``\sim p_Y``."""
_DRAW = re.compile(r"^([a-z])\^\{\((\w)\)\}$")
"""A draw ``y^{(m)}``: its letter and its index."""


def sampling_law(prose: str) -> str | None:
    """The mass or density function (``p_Y``) the prose says the draws come from, or None."""
    if not _CUE.search(prose):
        return None
    found = _SAMPLING_LAW.search(prose)
    return re.sub(r"[{}]", "", found.group(1)) if found else None


def _draws(expr, index) -> dict:
    """``{draw: letter}`` of the draws in ``expr`` indexed by ``index`` (``y^{(m)}`` -> ``y``; ``y[m]`` -> ``y``)."""
    out = {}
    for s in expr.free_symbols | expr.atoms(sp.Indexed):
        if isinstance(s, sp.Indexed) and s.indices == (index,):
            out[s] = str(s.base.label)
        elif isinstance(s, sp.Symbol):
            found = _DRAW.match(s.name)
            if found and found.group(2) == index.name:
                out[s] = found.group(1)
    return out


def _average(term):
    """``(c body, index)`` when ``term`` is ``c Sum(body, (m, 1, M)) / M`` (``c`` a number), else None."""
    sums = [f for f in sp.Mul.make_args(term) if isinstance(f, sp.Sum)]
    if len(sums) != 1 or len(sums[0].limits) != 1:
        return None
    index, low, high = sums[0].limits[0]
    scale = sp.simplify(sp.Mul(*[f for f in sp.Mul.make_args(term) if f is not sums[0]]) * high)
    if low != 1 or not scale.is_number or scale == 0:
        return None  # -\frac{1}{M}\sum_m: the average times -1
    return scale * sums[0].function, index


def as_expectation(side, law: str, expectation):
    """``side`` with its simulation average of draws from ``law`` written as ``expectation(g(y))`` (``y`` the draws'
    letter, an outcome of the variable ``law`` names), or None when it holds no such average."""
    terms = sp.Add.make_args(side)
    averages = [(t, _average(t)) for t in terms]
    found = [(t, a) for t, a in averages if a is not None]
    if len(found) != 1:
        return None
    term, (body, index) = found[0]
    draws = _draws(body, index)
    letters = set(draws.values())
    if len(letters) != 1:
        return None
    stray = [t for t in terms if t is not term and _draws(t, index)]  # written after the sum, still under it
    letter = sp.Symbol(letters.pop())
    inner = sp.Add(body, *stray).xreplace({d: letter for d in _draws(sp.Add(body, *stray), index)})
    if index in inner.free_symbols:
        return None  # the index used otherwise than as a draw's
    if not any(f.func.__name__ == law and f.args == (letter,) for f in inner.atoms(sp.Function)
               if hasattr(f, "func")):
        return None  # the draws' law must be one the average evaluates (p_Y(y^{(m)}))
    rest = [t for t in terms if t is not term and t not in stray]
    return sp.Add(expectation(inner), *rest)
