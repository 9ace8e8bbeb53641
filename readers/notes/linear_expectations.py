r"""Expectation read as a linear operator, for claims whose random variables have no stated joint law.

.. math::  \mathbb{E}\Big[\sum_{i=1}^{n} a_i X_i + b\Big] = \sum_{i=1}^{n} a_i\,\mathbb{E}[X_i] + b

holds for every joint law of the :math:`X_i` (dependent or not) whose means are finite.  :func:`linear_reading`
pushes each :math:`\mathbb{E}` through finite sums, sums of terms and factors free of random variables, and
replaces what is left inside -- a product or power of random variables, or any other expression of them -- by a
name of its own (``E[X]`` for :math:`\mathbb{E}[X_i]` at index ``i``, one name per expression up to the names of its
indices).  The names are free: a claim that holds with them free holds whatever the expectations are, so for every
joint law.  A claim that fails with them free may still hold for the law the notes mean (independence makes
:math:`\mathbb{E}[\prod_i X_i] = \prod_i \mathbb{E}[X_i]`; a stated mean ties :math:`\mathbb{E}[X_i]` to
:math:`\mu`), so a failure is no refutation: the caller keeps its own reason.

Random variables are the capital names inside the expectations (``X_i``, ``Y``, ``X_1``), as in
:mod:`readers.notes.moments`; a lower-case name beside them is a constant, unless it is decorated as an estimate or a
sample (``\hat{y}``, ``x^{(k)}``), which may be random too: then the claim is not read.  Not read (None): variances and covariances (not linear), an expectation with a
condition or of an unknown function, an infinite sum or an integral inside an expectation (exchanging them needs
convergence), and a random variable outside every expectation.
"""
from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef

from readers.notes.moments import OPERATORS, _capital, decorated

METHOD = "expectation read as linear (each remaining expectation a free name): holds for every joint law"


def linear_reading(lhs, rhs) -> tuple | None:
    """``(lhs, rhs)`` with every expectation written through its linearity, or None when the claim is not read."""
    applications = {f for e in (lhs, rhs) for f in e.atoms(AppliedUndef)}
    if not applications or any(OPERATORS.get(f.func.__name__) != "E" or len(f.args) != 1 for f in applications):
        return None
    if any(a.atoms(AppliedUndef) | a.atoms(sp.Integral) for f in applications for a in f.args):
        return None
    bounds = frozenset(s for e in (lhs, rhs) for total in e.atoms(sp.Sum, sp.Product) for limit in total.limits
                       for b in limit[1:] for s in b.free_symbols)  # Sum to N: N is a size, not random
    if not any(_random(a, bounds) for f in applications for a in f.args):
        return None
    inside = {s for f in applications for a in f.args for s in a.free_symbols if isinstance(s, sp.Symbol)}
    if any(not _capital(s.name) for s in decorated(inside)):  # E[X_1 + \hat{y}]: a sample may be random too
        return None
    names: dict = {}
    try:
        sides = tuple(e.replace(lambda f: isinstance(f, AppliedUndef),
                                lambda f: _expectation(f.args[0], names, bounds)) for e in (lhs, rhs))
    except _NotLinear:
        return None
    if any(_random(e, bounds) for e in sides):
        return None
    return sides


class _NotLinear(Exception):
    pass


def _random(expr, bounds=frozenset()) -> bool:
    """Whether ``expr`` holds a random variable: a capital symbol (not a bound of a sum) or an entry of a capital
    array."""
    return any(_capital(s.name) for s in expr.free_symbols - bounds if isinstance(s, sp.Symbol)) \
        or any(_capital(str(x.base.label)) for x in expr.atoms(sp.Indexed))


def _expectation(body, names: dict, bounds=frozenset()):
    r"""$\mathbb{E}[\mathrm{body}]$ through linearity, the expectations left over as names of their own."""
    if not _random(body, bounds):
        return body
    if isinstance(body, sp.Add):
        return sp.Add(*[_expectation(term, names, bounds) for term in body.args])
    if isinstance(body, sp.Sum):
        if any(_random(sp.Tuple(*limit[1:]), bounds) or any(b.has(sp.oo, -sp.oo, sp.zoo) for b in limit[1:])
               for limit in body.limits):
            raise _NotLinear
        return sp.Sum(_expectation(body.function, names, bounds), *body.limits)
    if isinstance(body, sp.Mul):
        constant = [f for f in body.args if not _random(f, bounds)]
        random = [f for f in body.args if _random(f, bounds)]
        if constant:
            return sp.Mul(*constant) * _expectation(sp.Mul(*random), names, bounds)
    expanded = sp.expand(body)
    if expanded != body and isinstance(expanded, sp.Add):
        return _expectation(expanded, names, bounds)
    return _named(body, names)


def _named(body, names: dict):
    """A free name for the expectation of ``body``: one per expression up to the names of its indices."""
    indices = sorted({s for x in body.atoms(sp.Indexed) for i in x.indices for s in i.free_symbols}
                     & body.free_symbols, key=str)  # not the index a product inside binds
    places = [sp.Dummy(f"k{n}") for n in range(len(indices))]
    template = body.xreplace(dict(zip(indices, places)))
    key = next((k for k in names if k[0] == len(places) and k[1].xreplace(dict(zip(k[2], places))) == template),
               None)
    if key is None:
        key = (len(places), template, tuple(places))
        label = f"E[{sp.sstr(body.xreplace({x: x.base.label for x in body.atoms(sp.Indexed)}))}]"
        taken = {v.name if isinstance(v, sp.Symbol) else str(v.label) for v in names.values()}
        while label in taken:
            label += "'"
        names[key] = sp.IndexedBase(label, real=True) if places else sp.Symbol(label, real=True)
    return names[key][tuple(indices)] if indices else names[key]
