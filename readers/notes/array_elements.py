r"""A subscripted name with a number for its subscript is an element of the array of that letter, once the section
has one: after $L = -\log\frac{e^{s_0}}{\sum_{j=0}^{N} e^{s_j}}$ and $p_j = \frac{e^{s_j}}{\sum_k e^{s_k}}$, the
``s_0`` of $\frac{\partial L}{\partial s_0} = 1 - p_0$ is :math:`s[0]` and ``p_0`` is :math:`p[0]`.

A block read alone cannot tell ``s_0`` (a name) from :math:`s[0]` (an element): only a block that also writes
``s_j`` makes ``s`` an array.  Read apart, the derivative was by a name the definition does not mention ("not given
as a function of s_0") and ``p_0`` stayed an unknown.  Only number subscripts are mapped (``s_0``, ``s_{12}``): a
letter subscript may be another name of the notes.

.. math:: b_k \mapsto b[k], \quad k \in \mathbb{Z}_{\ge 0},\ b \text{ an array of the section}
"""
from __future__ import annotations

import re

import sympy as sp

_ELEMENT = re.compile(r"^(\\?[A-Za-z]+)_(?:\{(\d+)\}|(\d+))$")


def section_arrays(arrays: dict, symbols: dict) -> dict:
    """``{letter: IndexedBase}`` for the arrays a section defines (``p_j = ...``) or uses in a definition's body
    (the ``s`` of ``L = \\log\\sum_j e^{s_j}``, the ``x`` of ``z_i = w x_i + b``)."""
    out = {}
    for base in arrays:
        if isinstance(base, sp.IndexedBase):
            out[str(base.label)] = base
    for body in [*symbols.values(), *(b for _, b in arrays.values())]:
        if isinstance(body, sp.Basic):
            for base in body.atoms(sp.IndexedBase):
                out.setdefault(str(base.label), base)
    return out


def as_elements(expr, bases: dict, defined=frozenset()):
    """``expr`` with each name ``b_k`` (``k`` a number, ``b`` in ``bases``) replaced by the element ``b[k]``; a name
    in ``defined`` keeps its own definition (``\\sigma_1 = ...`` stated after ``R_j`` used ``\\sigma_j``)."""
    if not bases or not isinstance(expr, sp.Basic):
        return expr
    mapping = {}
    for s in expr.atoms(sp.Symbol):  # atoms: the variable of d/ds_0 is no free symbol of the derivative
        m = _ELEMENT.match(s.name)
        if m and m.group(1) in bases and s not in defined:
            mapping[s] = sp.Indexed(bases[m.group(1)], int(m.group(2) or m.group(3)))
    return expr.xreplace(mapping) if mapping else expr


_FAMILY = re.compile(r"^(\\?[A-Za-z]+)_(?:\{([a-z])\}|([a-z]))$")


def family_instances(expr, symbols: dict):
    r"""``expr`` with each name ``q_0`` that has no definition of its own replaced by the definition of its family,
    ``q_m = \frac{e^{a_m}}{\sum_k e^{a_k}}``, at ``m = 0`` (``a_m`` becomes ``a_0``, ``m`` becomes 0); a name with
    two families (``q_m`` and ``q_n``) is left as it is."""
    if not symbols or not isinstance(expr, sp.Basic):
        return expr
    families = {}
    for key, body in symbols.items():
        m = _FAMILY.match(key.name) if isinstance(key, sp.Symbol) else None
        if m:
            families.setdefault(m.group(1), []).append((m.group(2) or m.group(3), body))
    mapping = {}
    for s in expr.atoms(sp.Symbol):
        m = _ELEMENT.match(s.name)
        if not m or s in symbols or len(families.get(m.group(1), ())) != 1:
            continue
        letter, body = families[m.group(1)][0]
        number = m.group(2) or m.group(3)
        renamed = {}
        for t in body.atoms(sp.Symbol):
            if t.name == letter:
                renamed[t] = sp.Integer(int(number))
            elif re.fullmatch(r"(\\?[A-Za-z]+)_(?:\{" + letter + r"\}|" + letter + ")", t.name):
                renamed[t] = sp.Symbol(t.name.rsplit("_", 1)[0] + "_" + number, **t.assumptions0)
            elif re.search(r"_\{?[^{}]*(?<![A-Za-z\\])" + letter + r"(?![A-Za-z])", t.name) \
                    or t.name.startswith(m.group(1) + "_"):
                break  # h_{t-1} in the body of h_t (a recurrence), or an index expression: not instanced here
        else:
            mapping[s] = body.xreplace(renamed)
    return expr.xreplace(mapping) if mapping else expr


def counts_from_zero(exprs) -> bool:
    r"""Whether the expressions count an array from 0: an element ``s[0]``, or a sum or product whose range starts
    at 0 (:math:`\sum_{j=0}^{N} e^{s_j}` reached through a definition).  Shifted as 1-based they would ask for
    ``s[-1]``."""
    for e in exprs:
        if not isinstance(e, sp.Basic):
            continue
        if any(i.is_Integer and i < 1 for x in e.atoms(sp.Indexed) for i in x.indices):
            return True
        if any(lo.is_Integer and lo < 1 for node in e.atoms(sp.Sum, sp.Product) for _, lo, _ in node.limits):
            return True
    return False


def family_entries(expr, symbols: dict, arrays=frozenset()):
    r"""``expr`` with each entry ``q[j]`` of an array the section never defines as one (not in ``arrays``) replaced by
    the definition of its family ``q_m = \frac{e^{a_m}}{\sum_k e^{a_k}}`` at ``m = j``: ``a_m`` becomes the entry
    ``a[j]`` of the array ``a`` the body sums over.  After that definition $H = -\sum_a q_a \log q_a$ holds the
    entries ``q[a]``, which stayed unknowns ("not given as a function of a_b").  A body free of the letter gives every
    entry its value (``q_t = \frac{1}{V}`` in :math:`\exp(-\frac1N\sum_t \log q_t)`).  A body with another name
    subscripted by the letter (one that is no array of the body), or with two families of the name, is left as it
    is."""
    if not symbols or not isinstance(expr, sp.Basic) or not expr.has(sp.Indexed):
        return expr
    families = {}
    for key, body in symbols.items():
        m = _FAMILY.match(key.name) if isinstance(key, sp.Symbol) else None
        if m and isinstance(body, sp.Basic):
            families.setdefault(m.group(1), []).append((m.group(2) or m.group(3), body))
    named = {str(b) for b in arrays}

    def instance(entry):
        found = families.get(str(entry.base.label), ())
        if len(found) != 1 or len(entry.indices) != 1 or str(entry.base.label) in named:
            return None
        letter, body = found[0]
        bases = {str(b.label): b for b in body.atoms(sp.IndexedBase)}
        renamed = {}
        for t in body.atoms(sp.Symbol):
            m = re.fullmatch(r"(\\?[A-Za-z]+)_(?:\{" + letter + r"\}|" + letter + ")", t.name)
            if t.name == letter:
                renamed[t] = entry.indices[0]
            elif m and m.group(1) in bases:
                renamed[t] = bases[m.group(1)][entry.indices[0]]
            elif m or re.search(r"_\{?[^{}]*(?<![A-Za-z\\])" + letter + r"(?![A-Za-z])", t.name):
                return None  # another name of the letter (no array of the body), or an index expression
        return body.xreplace(renamed)  # q_t = 1/V, a body free of the letter: every entry has that value

    mapping = {e: instance(e) for e in expr.atoms(sp.Indexed)}
    mapping = {e: v for e, v in mapping.items() if v is not None}
    return expr.xreplace(mapping) if mapping else expr
