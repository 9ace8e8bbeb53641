r"""Examples of numbered names that stand for entries a definition reaches: ``\lambda_1 = 42`` and ``\lambda[1]``.

.. code-block:: latex

    The singular values are $\sigma_i = \sqrt{\lambda_i}$.                      % sigma[i] = sqrt(lambda[i])
    The eigenvalues are $\lambda_1 = 42$ and $\lambda_2 = 7$, so $\sigma_1 = \sqrt{42}$.

The example ``\lambda_1 = 42`` is read as a name of its own (the symbol ``lambda_1``), while ``\sigma_1`` expands
through the definition to the entry ``\lambda[1]`` of the array ``\lambda``: the same quantity, written two ways.
An example whose name is a base and a literal integer subscript (``\lambda_1``, ``x_{12}``) therefore also gives
the value of that entry (``\lambda[1]``, in the notes' own indexing, as both are written) when the claim holds it,
so that ``\sigma_1 = \sqrt{42}`` reads as :math:`\sqrt{\lambda_1} = \sqrt{42}` at :math:`\lambda_1 = 42`.

Only an example (a value the notes give) is matched, never a definition; and an example only ever confirms a value
read as an example (``_NotesReader.known_values``) or narrows a failing claim to the example, as for names.
"""
from __future__ import annotations

import re

import sympy as sp

_NUMBERED = re.compile(r"^(?P<base>.+?)_(?:\{(?P<braced>\d+)\}|(?P<bare>\d+))$")
"""A name with a literal integer subscript: ``lambda_1``, ``x_{12}``."""


def numbered(name) -> tuple[str, int] | None:
    """``(base, k)`` for a symbol ``base_k`` with a literal integer subscript, else None."""
    if not isinstance(name, sp.Symbol):
        return None
    m = _NUMBERED.match(name.name)
    if m is None:
        return None
    return m.group("base"), int(m.group("braced") or m.group("bare"))


def entry_examples(examples, exprs) -> list[tuple]:
    r"""``[(entry, value)]``: for each example ``(base_k, value)`` of ``examples``, the entries ``base[k]`` that
    ``exprs`` hold (``\lambda[1]`` for ``\lambda_1 = 42``); entries some other example already names are left out."""
    entries = {e for x in exprs if isinstance(x, sp.Basic) for e in x.atoms(sp.Indexed)}
    named = {n for n, _ in examples}
    out = []
    for name, value in examples:
        found = numbered(name)
        if found is None:
            continue
        base, k = found
        for e in entries:
            if str(e.base.label) == base and len(e.indices) == 1 and e.indices[0] == k and e not in named:
                out.append((e, value))
    return out


def all_entries_set(examples, exprs) -> list[tuple]:
    r"""The examples of ``examples`` that set every entry of an array the expanded claim ``exprs`` holds:
    ``p_i = \frac{1}{V}`` (read ``p[i] = 1/V``, the index ``i`` a bare symbol) before ``\mathrm{PPL} = V`` with
    :math:`\mathrm{PPL} = \exp(-\frac1N \sum_{i=1}^N \log p_i)`.  A sum over ``p`` holds its entries at its own
    bound index, so the value is given for all of them (``every $p_i$``), not for the one symbol ``p[i]``."""
    bases = {e.base for x in exprs if isinstance(x, sp.Basic) for e in x.atoms(sp.Indexed)}
    return [(n, v) for n, v in examples if isinstance(n, sp.Indexed) and n.base in bases
            and all(isinstance(i, sp.Symbol) for i in n.indices) and len(set(n.indices)) == len(n.indices)
            and not v.has(n.base)]


def at_every_entry(expr, entries):
    """``expr`` with every entry of each array of ``entries`` (from :func:`all_entries_set`) replaced by its value, the
    example's index put to the entry's own (``p[k]`` becomes ``1/V``; ``x[j]`` after ``x_i = i^2`` becomes ``j**2``),
    and the value's names taken as ``expr``'s names of the same spelling (the ``K`` of ``q_k = 1/K`` is the size ``K``
    of the sum over ``q``, an integer there: two symbols ``K`` would be two numbers)."""
    own = {x.name: x for x in expr.free_symbols if isinstance(x, sp.Symbol)} if isinstance(expr, sp.Basic) else {}
    for name, value in entries:
        value = value.xreplace({x: own[x.name] for x in value.free_symbols
                                if isinstance(x, sp.Symbol) and x.name in own and x is not own[x.name]})
        expr = expr.replace(
            lambda e, n=name: isinstance(e, sp.Indexed) and e.base == n.base and len(e.indices) == len(n.indices),
            lambda e, n=name, v=value: v.xreplace(dict(zip(n.indices, e.indices))))
    return expr
