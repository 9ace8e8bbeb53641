r"""A run of terms written with an ellipsis, ``u_1^2 + u_2^2 + \cdots + u_n^2``, is the sum of one term in its
subscript: :math:`\sum_{i=1}^{n} u_i^2`.

The run is read only when it pins its term down: every listed term is one template :math:`T` at a subscript value
(all the subscripted names of a term carry the same subscript), the values are consecutive numbers from the first
(``1, 2``, or ``0, 1, 2``) and one last value (a name such as ``n``, or a larger number), and :math:`T` at each listed
value gives back that term exactly.  Then the run is :math:`\sum_{i=lo}^{last} T(i)`, with ``u_1`` and ``u_n`` the
elements ``u[1]`` and ``u[n]`` of an array ``u`` (names ``u_k`` elsewhere in the claim become elements too).
A claim that also writes the letter alone (``\|u\|_2 = u_1^2 + \cdots + u_n^2``) is not read so: ``u`` there is
the vector whose entries the run lists, which a scalar reading would set apart from them.
A run without subscripts (``1 + x + \frac{x^2}{2} + \cdots``), without a last term or with gaps is left alone
(:mod:`readers.notes.ellipsis` reads those against a sum or a series on the other side, or the claim stays
undecided).

.. math:: T(lo) + T(lo + 1) + \cdots + T(n) = \sum_{i=lo}^{n} T(i)
"""
from __future__ import annotations

import re

import sympy as sp

from readers.notes.ellipsis import is_ellipsis

_SUBSCRIPTED = re.compile(r"^(\\?[A-Za-z]+)_(?:\{([^{}]+)\}|([A-Za-z0-9]))$")
INDEX = sp.Symbol("i_run", integer=True)
"""The summation index of a run read as a sum."""


def _subscripts(term, names: dict) -> dict | None:
    """``{base: value}`` of the subscripted names in ``term`` (``u_2`` -> ``{'u': 2}``), None when a term has two
    subscript values or none."""
    values = set()
    bases = set()
    for s in term.atoms(sp.Symbol):
        m = _SUBSCRIPTED.match(s.name)
        if m is None:
            continue
        text = m.group(2) or m.group(3)
        value = sp.Integer(int(text)) if text.isdigit() else names.setdefault(
            text, sp.Symbol(text, integer=True)) if re.fullmatch(r"[A-Za-z]", text) else None
        if value is None:
            return None
        values.add(value)
        bases.add(m.group(1))
    for e in term.atoms(sp.Indexed):
        if len(e.indices) != 1:
            return None
        values.add(e.indices[0])
        bases.add(str(e.base.label))
    return {"value": values.pop(), "bases": bases} if len(values) == 1 and bases else None


def _element_map(expr, bases: dict, names: dict) -> dict:
    """Each name ``u_k`` of ``expr`` whose base is in ``bases`` -> the element ``u[k]``."""
    out = {}
    for s in expr.atoms(sp.Symbol):
        m = _SUBSCRIPTED.match(s.name)
        if m and m.group(1) in bases:
            text = m.group(2) or m.group(3)
            value = sp.Integer(int(text)) if text.isdigit() else names.get(text)
            if value is not None:
                out[s] = sp.Indexed(bases[m.group(1)], value)
    return out


def _run(add, names: dict, arrays: dict):
    """The sum an Add with one bare ellipsis stands for, or None (module docstring)."""
    terms = [t for t in add.args if not is_ellipsis(t)]
    if len(terms) != len(add.args) - 1 or len(terms) < 2:
        return None
    found = [_subscripts(t, names) for t in terms]
    if any(f is None for f in found):
        return None
    numbers = sorted(int(f["value"]) for f in found if f["value"].is_Integer)
    symbolic = [f["value"] for f in found if not f["value"].is_Integer]
    if not numbers or numbers != list(range(numbers[0], numbers[0] + len(numbers))) or numbers[0] not in (0, 1):
        return None
    if len(symbolic) != 1 or not isinstance(symbolic[0], sp.Symbol):
        return None  # x_1 + x_2 + x_3 + \cdots has no last term; x_{n-1} as the last is not read
    last = symbolic[0]
    bases = {}
    for f in found:
        for b in f["bases"]:
            bases.setdefault(b, arrays.get(b) or sp.IndexedBase(b))
    as_elements = {t: t.xreplace(_element_map(t, bases, names)) for t in terms}
    template_term = next(as_elements[t] for t, f in zip(terms, found) if f["value"] == last)
    template = template_term.xreplace({last: INDEX})
    for t, f in zip(terms, found):
        if sp.simplify(template.xreplace({INDEX: f["value"]}) - as_elements[t]) != 0:
            return None
    return sp.Sum(template, (INDEX, numbers[0], last)), bases, sp.Ge(last, numbers[-1])


def read_runs(lhs, rhs):
    """``(lhs, rhs, conditions, note)`` with each ellipsis run read as its sum (and the run's names ``u_k`` elsewhere
    as the elements ``u[k]``), the conditions that its last subscript reaches the terms listed (``n >= 2``), or None
    when no run can be read so."""
    names = {s.name: s for e in (lhs, rhs) for s in e.free_symbols if isinstance(s, sp.Symbol)}
    arrays = {str(b.label): b for e in (lhs, rhs) for b in e.atoms(sp.IndexedBase)}
    runs, bases, conditions = {}, {}, []
    for e in (lhs, rhs):
        for add in e.atoms(sp.Add):
            if any(is_ellipsis(t) for t in add.args):
                read = _run(add, names, arrays)
                if read is None:
                    return None
                runs[add], found, reaches = read
                bases.update(found)
                conditions.append(reaches)
    labels = {b.label for e in (lhs, rhs) for b in e.atoms(sp.IndexedBase)}
    if not runs or any(s.name in bases for e in (lhs, rhs) for s in e.atoms(sp.Symbol) - labels):
        return None  # \|u\| beside u_1^2 + \cdots + u_n^2: the vector and its entries, not read apart
    lasts = {c.lhs.name: c.lhs for c in conditions}
    out = []
    for e in (lhs, rhs):
        e = e.xreplace(runs)
        e = e.xreplace(_element_map(e, bases, names))
        # one name, one quantity: the n of n\bar{x} (a real) is the n the run ends at (an integer)
        out.append(e.xreplace({s: lasts[s.name] for s in e.atoms(sp.Symbol) if s.name in lasts and s != lasts[s.name]}))
    shown = "; ".join(f"{sp.sstr(sp.Add(*[t for t in a.args if not is_ellipsis(t)]))} + ... read as {s}"
                      for a, s in runs.items())
    return out[0], out[1], tuple(dict.fromkeys(conditions)), f"the ellipsis read as a sum: {shown}"[:200]
