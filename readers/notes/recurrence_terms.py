r"""Claims about a recurrence's terms at numbered steps, checked by running the recurrence down to its start.

After the notes state a sequence by its start and a recurrence,

.. math:: a_0 = a, \qquad a_n = a_{n-1} + d,

they often write its first terms out, each as the recurrence at that step and then in closed form:

.. math:: a_1 = a_0 + d = a + d, \qquad a_2 = a_1 + d = a + d + d = a + 2d.

Such a link names the sequence only at numbered steps (``a_1``, ``a_2``), so :func:`readers.notes.recurrences.
check_unrolled`, which runs a claim at several values of the step letter, has nothing to run.  Here every term
``a_k`` with ``k > 0`` is replaced by the recurrence until only ``a_0`` is left, ``a_0`` is put in as the notes give
it (a definition or an example of the section, through ``expand``), and the two sides are compared exactly.  Equal:
the link follows from the recurrence and its start, a proof of that finite identity.  Anything else gives no verdict:
the notes may have moved on to another sequence of the same name (a later example), so a difference refutes nothing.
A recurrence of higher order (``x_{n+2} = c_1 x_{n+1} + c_2 x_n``) leaves terms other than the start, and no verdict.
"""
from __future__ import annotations

import sympy as sp

from readers.notes.recurrences import Recurrence, _difference, _Unreadable, _unroll, as_steps

METHOD = "the terms at numbered steps run down the recurrence for {base} to {base}_0 (stated at line {line}){given}: " \
         "equal exactly (readers.notes.recurrence_terms)"


def numbered_only(lhs, rhs, found: Recurrence, started: bool = False) -> bool:
    """Whether the claim names ``found``'s sequence, and only at numbered steps (``a_1``, ``a_2``, not ``a_n``); at
    the first step alone (``a_0 = a``) only where the notes give the start (``started``)."""
    named = [i for e in (lhs, rhs) for i in as_steps(e, found.base).atoms(sp.Indexed)
             if str(i.base.label) == found.base]
    return bool(named) and all(len(i.indices) == 1 and i.indices[0].is_Integer for i in named) \
        and (started or any(i.indices[0] > 0 for i in named))


def _start_name(name: str, sides, expand) -> sp.Symbol:
    """The symbol ``a_0`` as the claim writes it, else as the section defines it (a real name, as the reader makes
    the names of a claim), else a real name of its own."""
    written = [x for e in sides for x in e.free_symbols if isinstance(x, sp.Symbol) and x.name == name]
    candidates = written + [sp.Symbol(name, real=True), sp.Symbol(name)]
    return next((c for c in candidates if expand(c) != c), candidates[0])


def check_terms(lhs, rhs, found: Recurrence, expand, given=None) -> str | None:
    """The method when ``lhs = rhs`` holds with each numbered term of ``found``'s sequence run down to the start
    and the start as the notes give it (``given``, ``{'a_0': a}``, else ``expand(a_0)``); None when it cannot be
    read so or does not hold."""
    if not numbered_only(lhs, rhs, found, started=bool(given)):
        return None
    start = sp.IndexedBase(found.base)[0]
    name = next(iter(given.values())) if given else _start_name(f"{found.base}_0", (lhs, rhs), expand)
    values = []
    for side in (lhs, rhs):
        try:
            unrolled = _unroll(as_steps(side, found.base), found)
        except _Unreadable:
            return None
        left = [i for i in unrolled.atoms(sp.Indexed) if str(i.base.label) == found.base and i != start]
        if left:  # x_{-1}: a recurrence of higher order, started by more than one term
            return None
        values.append(expand(unrolled.xreplace({start: name})))
    if any(v.has(sp.Indexed) and any(str(i.base.label) == found.base for i in v.atoms(sp.Indexed)) for v in values):
        return None
    if _difference(values[0], values[1]) != 0:
        return None
    value = expand(name)
    shown = f", {found.base}_0 = {sp.sstr(value)}" if given or value != name else ""
    return METHOD.format(base=found.base, line=found.line, given=shown)
