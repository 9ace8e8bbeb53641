r"""A step of a recurrence set to a number where the note has fixed it: a claim about that value, not an example.

After the iteration :math:`x_{n+1} = \tfrac{1}{2}(x_n + a / x_n)`, the sentence "With $a = 2$ and $x_0 = 1$:
$x_1 = 1.25$" does not set :math:`x_1`: the recurrence gives it from the values the sentence sets, so the block claims

.. math:: x_1 = \tfrac{1}{2}\big(x_0 + a / x_0\big)\big|_{a = 2,\ x_0 = 1} = 1.25

and is checked as such (here refuted: it is 3/2).  The step must be a number from 1 to :data:`MAX_STEP`, the
recurrence first order (readers.notes.recurrences), its start ``x_0`` and every other name of its body (after the
note's definitions) a number in force; anything else is no value (the row stays an example).  The caller refutes
only where every number used was set in the paragraph of the row (readers.notes.determined's rule).
"""
from __future__ import annotations

import sympy as sp

from readers.notes.recurrences import Recurrence, _unroll, subscript

MAX_STEP = 8


def recurrence_value(lhs, recurrences: dict, numbers: dict, expand):
    """``(value, used names)`` of ``lhs`` = ``x_k`` by its recurrence, else None.  ``numbers``: ``{name: number}``
    in force; ``expand``: the note's definitions (a function ``f`` of the recurrence's body written out)."""
    if not isinstance(lhs, sp.Symbol):
        return None
    found_step = subscript(lhs.name)
    if found_step is None or len(found_step[1]) != 1 or not found_step[1][0].is_Integer:
        return None
    base, (step,) = found_step
    found = recurrences.get(base)
    if not isinstance(found, Recurrence) or not 0 < int(step) <= MAX_STEP:
        return None
    start = next((v for n, v in numbers.items() if n in (f"{base}_0", f"{base}_{{0}}")), None)
    if start is None:
        return None
    try:
        body = expand(found.body)
        unrolled = _unroll(sp.IndexedBase(base)[int(step)], Recurrence(base, found.step, found.offset, body))
    except Exception:  # noqa: BLE001 - a body that cannot be run: no value
        return None
    first = sp.IndexedBase(base)[0]
    if any(i != first for i in unrolled.atoms(sp.Indexed)):
        return None
    value = unrolled.xreplace({first: start})
    used = {s.name for s in value.free_symbols}
    if not used <= set(numbers):
        return None
    value = value.xreplace({s: numbers[s.name] for s in value.free_symbols})
    if value.free_symbols or value.has(sp.zoo, sp.nan):
        return None
    return value, tuple(sorted(used | {f"{base}_0"}))
