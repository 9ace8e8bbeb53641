r"""A law stated for every entry of an array, read where a claim holds one entry only.

.. code-block:: latex

    Each unit is kept and scaled: $\tilde h_i = \frac{m_i h_i}{p}$ where $m_i \sim \mathrm{Bernoulli}(p)$.
    $$\mathbb{E}[\tilde h_i] = h_i \qquad \mathrm{Var}(\tilde h_i) = \frac{1-p}{p} h_i^2$$

``m_i \sim \mathrm{Bernoulli}(p)`` gives the law of each entry ``m[i]``.  A claim whose entries all sit at one and
the same index (``m[i]``, ``h[i]``: no sum, no second index) is a claim about one entry: each array there is one
scalar, ``m[i]`` a random variable of that law and ``h[i]`` a constant, and
:math:`E[m h / p] = h`, :math:`Var(m h / p) = h^2 (1 - p)/p` are read from the law (readers.notes.laws).  Entries at
two indices (``E[m_i m_j]``) need the joint law (independence), which this does not read.
"""
from __future__ import annotations

import dataclasses

import sympy as sp


def entry_law_key(variable) -> tuple | None:
    """``(base, rank)`` for an entry ``m[i]`` whose indices are distinct bare symbols, else None."""
    if not isinstance(variable, sp.Indexed) or not all(isinstance(i, sp.Symbol) for i in variable.indices):
        return None
    return (variable.base, len(variable.indices)) if len(set(variable.indices)) == len(variable.indices) else None


def one_entry(exprs, entry_laws: dict):
    """``(exprs, laws)``: ``exprs`` with every entry replaced by a scalar of its array's name, and the laws of those
    scalars by name, when every entry of ``exprs`` sits at one index tuple and one of them has a law in
    ``entry_laws`` (``(base, rank) -> Law``); None otherwise."""
    entries = {e for x in exprs for e in x.atoms(sp.Indexed)}
    if not entries or len({e.indices for e in entries}) != 1:
        return None
    if any(e.indices[0].free_symbols & {b for x in exprs for s in x.atoms(sp.Sum) for b, *_ in s.limits}
           for e in entries):
        return None  # an index a sum binds: more than one entry
    scalars = {e: sp.Symbol(str(e.base.label), real=True) for e in entries}  # m[i] read as the one entry m
    by_base = {(e.base, len(e.indices)): scalars[e] for e in entries}
    laws = {scalars[e].name: _at_one_entry(entry_laws[(e.base, len(e.indices))], by_base) for e in entries
            if (e.base, len(e.indices)) in entry_laws}
    if not laws:
        return None
    taken = {s.name for x in exprs for s in x.xreplace({e: sp.Dummy() for e in entries}).free_symbols
             if not isinstance(s, sp.Dummy)}
    if taken & {s.name for s in scalars.values()}:
        return None  # a scalar of that name is already in the claim
    return tuple(x.xreplace(scalars) for x in exprs), laws


def _at_one_entry(law, by_base: dict):
    r"""``law`` with the entries of its parameters read as the claim's scalars: ``y_i \sim
    \mathrm{Poisson}(\lambda_i)`` gives ``Var(y) = lambda``, the scalar the claim's ``\lambda_i`` becomes (its
    variance ``lambda[i]`` beside the claim's ``lambda`` refuted a correct :math:`\mathrm{Var}(y_i) = \lambda_i`)."""
    def one(value):
        if isinstance(value, tuple):
            return tuple(one(v) for v in value)
        if not isinstance(value, sp.Basic):
            return value
        table = {a: by_base[(a.base, len(a.indices))] for a in value.atoms(sp.Indexed)
                 if (a.base, len(a.indices)) in by_base}
        return value.xreplace(table) if table else value

    fields = {f.name: one(getattr(law, f.name)) for f in dataclasses.fields(law)}
    return dataclasses.replace(law, **fields)
