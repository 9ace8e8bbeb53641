r"""A recurrence read at the example in force: "At $\eta = 2/a$ the iterates just flip sign: $$w_k = (-1)^k w_0$$".

After ``w_{k+1} = (1 - \eta a) w_k`` the closed form the display states holds at the example's value only:

.. math:: w_{k+1} = (1 - \eta a)\, w_k \ \text{ at } \eta = 2/a \quad\Longrightarrow\quad w_{k+1} = -w_k
          \quad\Longrightarrow\quad w_k = (-1)^k w_0 .

So the recurrence and the claim are both read with the examples in force put in (names of the recurrence's body only,
matched by name; a condition of the section that sets a name, ``When $\alpha = 1/(2c)$``, alike), and the claim is
checked against that recurrence; the verdict names the values it used.  Run from any first step, the slipped
``w_k = (-1)^{k+1} w_0`` then differs at every step, a refutation at the example.  An example that names the sequence
itself (``w_0 = 1``) is its start, not a parameter, and is left to the start.
"""
from __future__ import annotations

import dataclasses

import sympy as sp


def at_examples(found, lhs, rhs, examples):
    r"""``(recurrence, lhs, rhs, used)`` with the examples ``[(name, value, kind), ...]`` whose names the recurrence's
    body uses put into all three (``kind``: "example", or "condition" for ``When $lpha = 1/(2c)$``); ``used`` the
    examples as the verdict shows them.  None when no example names a parameter of the recurrence."""
    body_names = {x.name: x for x in found.body.free_symbols if isinstance(x, sp.Symbol)}
    values, kinds = {}, {}
    for name, value, kind in examples:
        if not isinstance(name, sp.Symbol) or name.name not in body_names or name.name == found.step.name:
            continue
        if not isinstance(value, sp.Basic) or any(str(i.base.label) == found.base for i in value.atoms(sp.Indexed)):
            continue
        if any(not p.exp.is_Integer for p in value.atoms(sp.Pow)):
            continue  # eta = 4/(sqrt(L) + sqrt(mu))^2: radicals unrolled and cancelled exactly cost minutes, unbudgeted
        values[name.name], kinds[name.name] = value, kind
    if not values:
        return None

    def put(e):
        return e.xreplace({x: values[x.name] for x in e.free_symbols
                           if isinstance(x, sp.Symbol) and x.name in values})

    body = put(found.body)
    if body == found.body:
        return None
    used = tuple(f"{n} = {sp.sstr(v)} ({kinds[n]})" for n, v in values.items())
    return dataclasses.replace(found, body=body), put(lhs), put(rhs), used
