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
