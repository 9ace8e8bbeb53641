r"""A name set to a number where the note has already fixed its value: a claim about that value, not an example.

After $r_i = \sum_{j \ne i} |a_{ij}|$, $\mathbf{A} = (a_{ij})$ and a written-out
$\mathbf{A} = \begin{bmatrix} \dots \end{bmatrix}$, the sentence "we have $r_1 = 0.3$" does not set $r_1$:
its definition at the written-out entries gives it, so the block claims

.. math:: r_1 = \sum_{j \ne 1} |a_{1j}| \big|_{\mathbf{A}} = 0.3,

and is checked as such.  Likewise $\epsilon^2 = 10^{-14}$ after "$\epsilon = 10^{-7}$": the left side is not a
name the block sets but a power of one whose value is in force.

A value is *determined* when, after the note's definitions (:meth:`expand`), the examples in force for *other*
names, and the entries of a written-out matrix that the note links to its entry letter (a row
``\mathbf{A} = (a_{ij})``: the link must be stated, the letter alone is not read as the matrix's entries), the left
side is a closed number.  A plain name set to a number is set afresh, never determined (``$x = 3$`` after
``$x = 2$``, ``$n = 20$`` after ``n = 10``): only an element of a defined array (``r_1``), a linked entry
(``a_{11}``) or an expression in them or in examples (``h^2`` after ``h = 10^{-3}``) is.  A sum with no stated
range (``\sum_{j \ne i}``) runs over the written-out matrix's size along the index it sums.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import sympy as sp
from sympy.core.function import AppliedUndef

from readers.notes.symbols import _show

DEFAULT_SIZE = "N"
"""The name the LaTeX reader gives a range no sum states (``readers.latex.atoms.default_size``)."""
_ELEMENT_NAME = re.compile(r"^(\\?[A-Za-z]+)_\{?(\d+)\}?$")


@dataclass(frozen=True)
class Determined:
    """The left side's value and what gave it (shown in the verdict)."""

    value: sp.Expr
    used: tuple[str, ...]
    examples: tuple = ()  # the names of the scalar examples in force that were substituted

    @property
    def from_examples(self) -> bool:
        """Whether an example in force was substituted: another example may be meant."""
        return bool(self.examples)


def determined(lhs, *, expand, arrays: dict, examples: list, links: dict, literal_at) -> Determined | None:
    r"""The closed value of ``lhs``, else None.

    ``lhs`` is an expression in names the note fixes: elements ``r_1`` of a defined array ``r_i``, entries
    ``a_{11}`` of a written-out matrix linked to its letter, names with a definition or an example in force.
    ``expand``: the section's definitions; ``arrays``: ``{IndexedBase: (indices, body)}``; ``examples``:
    ``[(name, number)]`` in force; ``links``: ``{entry letter: matrix name}`` stated as ``\mathbf{A} = (a_{ij})``;
    ``literal_at(matrix name)``: its written-out value in force (a sympy Matrix) or None."""
    if isinstance(lhs, sp.Dummy) or not isinstance(lhs, sp.Expr) or not lhs.free_symbols:
        return None
    if isinstance(lhs, sp.Symbol) and _as_element(lhs, arrays, links) is lhs:
        return None  # $n = 20$ after $n = 10$: a name set to a number is set afresh (an example), never checked
    used, renamed = [], {}
    for name in sorted(lhs.free_symbols, key=str):
        element = _as_element(name, arrays, links)
        if element is not name:
            renamed[name] = element
            if element.base in arrays:
                index = _show(arrays[element.base][0][0])
                used.append(f"{_show(name)} by its definition {_show(element.base)}_{index}")
    start = lhs.xreplace(renamed)
    value = expand(start)
    scalars = {n: v for n, v in examples if isinstance(n, sp.Symbol) and v.is_number}
    if value == lhs and not value.free_symbols & set(scalars) and not any(
            str(b.label) in links for b in value.atoms(sp.IndexedBase)):
        return None  # nothing the note wrote fixes it
    from_examples = tuple(sorted(value.free_symbols & set(scalars), key=str))
    used += [f"{_show(n)} = {_show(v)} (example)" for n, v in scalars.items() if n in value.free_symbols]
    value = value.xreplace(scalars)
    value, shown = _at_literals(value, links, literal_at)
    used += shown
    if value is None or value.free_symbols or value.has(AppliedUndef) or not value.is_number:
        return None
    return Determined(value, tuple(used), from_examples)


_ENTRY_NAME = re.compile(r"^([A-Za-z])_\{?(\d)\s*,?\s*(\d)\}?$")


def _as_element(name, arrays: dict, links: dict):
    """``r_1`` as ``r[1]`` when the note defines the array ``r_i`` (one index); ``a_{12}``, ``a_{1,2}`` as
    ``a[1, 2]`` when ``a`` is a linked matrix's entry letter; else ``name``."""
    if not isinstance(name, sp.Symbol):
        return name
    m = _ENTRY_NAME.match(name.name)
    if m is not None and m.group(1) in links:
        return sp.IndexedBase(m.group(1))[int(m.group(2)), int(m.group(3))]
    m = _ELEMENT_NAME.match(name.name)
    if m is None:
        return name
    for base, (indices, _) in arrays.items():
        if str(base.label) == m.group(1) and len(indices) == 1:
            return base[int(m.group(2))]
    return name


def _at_literals(value, links: dict, literal_at):
    """``value`` with the entries ``a[i, j]`` of linked written-out matrices put in (1-based, as written), sums
    without a stated range run over the matrix's size; ``(None, ())`` when an entry falls outside it."""
    entries = {b for b in value.atoms(sp.IndexedBase) if str(b.label) in links}
    if not entries:
        return value, ()
    values, shown = {}, []
    for b in entries:
        literal = literal_at(links[str(b.label)])
        if literal is None:
            return None, ()
        values[b] = literal
        shown.append(f"{_show(b)}_ij: the entries of {links[str(b.label)]} written out above")
    value = value.replace(lambda e: isinstance(e, sp.Sum), lambda e: _sized(e, values))
    value = value.doit()
    try:
        value = value.replace(lambda e: isinstance(e, sp.Indexed) and e.base in values,
                              lambda e: _entry(values[e.base], e.indices))
    except IndexError:
        return None, ()
    return sp.nsimplify(value) if value.has(sp.Float) else sp.simplify(value), tuple(shown)


def _sized(s: sp.Sum, values: dict) -> sp.Sum:
    r"""``\sum_j`` with no stated range, over an entry array's ``j``-th position: its size there."""
    limits = []
    for v, lo, hi in s.limits:
        if isinstance(hi, sp.Symbol) and hi.name == DEFAULT_SIZE and lo == 1:
            sizes = {values[e.base].shape[k] for e in s.function.atoms(sp.Indexed) if e.base in values
                     for k, i in enumerate(e.indices) if i == v and k < 2}
            if len(sizes) == 1:
                hi = sp.Integer(sizes.pop())
        limits.append((v, lo, hi))
    return sp.Sum(s.function, *limits)


def _entry(matrix, indices):
    if len(indices) != 2 or not all(i.is_Integer and i >= 1 for i in indices):
        raise IndexError(indices)
    i, j = (int(k) - 1 for k in indices)
    if i >= matrix.shape[0] or j >= matrix.shape[1]:
        raise IndexError(indices)
    return matrix[i, j]


def entry_links(block) -> list[tuple[str, str]]:
    r"""``(entry letter, matrix name)`` for the block's rows ``\mathbf{A} = (a_{ij})`` (read as a definition or a
    claim: either way they name ``A``'s entries)."""
    out = []
    for row in block.rows:
        exprs, rels = row.chain.exprs, row.chain.rels
        if row.kind == "formula" and len(exprs) == 2 and rels == ("=",) and isinstance(exprs[0], sp.Symbol) \
                and isinstance(exprs[1], sp.Indexed) and len(exprs[1].indices) == 2 \
                and all(isinstance(i, sp.Symbol) for i in exprs[1].indices):
            out.append((str(exprs[1].base.label), exprs[0].name))
    return out


def paired(lhs, rhs) -> list[tuple]:
    """``[(lhs, rhs)]``, or the ends of two intervals (or tuples) of one length, pair by pair."""
    if all(isinstance(e, AppliedUndef) and e.func.__name__ == "tuple" for e in (lhs, rhs)) \
            and len(lhs.args) == len(rhs.args):
        return list(zip(lhs.args, rhs.args))
    return [(lhs, rhs)]
