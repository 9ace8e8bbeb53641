r"""A recurrence read at a value its sentence sets: "With $z_t = 1$, $h_t = h_{t-1}$" is a claim about the update.

.. code-block:: latex

    The update is $$h_t = z_t h_{t-1} + (1 - z_t)\tilde h_t$$
    With $z_t = 1$, $h_t = h_{t-1}$, and with $z_t = 0$, $h_t = \tilde h_t$.

``h_t = h_{t-1}`` would read as a new update (its name on both sides), ``h_t = \tilde h_t`` as an example; but after
"With $z_t = 1$," each says what the update above gives at that value:

.. math:: F(z_t{=}1,\ h_{t-1},\ \tilde h_t) = h_{t-1}, \qquad h_t = F(z_t, h_{t-1}, \tilde h_t) \text{ the recurrence,}

an identity in the names left (checked like any claim: a wrong case is refuted with a counterexample).  Only a row
whose left side is the recurrence's own step (``h_t`` for ``h_t = ...``), in a paragraph that set a name of the
recurrence's body to a value, is read so.  Subscripted names are compared by name and subscript (``z_t`` written
alone and ``z_t`` inside the recurrence are one name).
"""
from __future__ import annotations

import re

import sympy as sp

_SIMPLE = re.compile(r"^(.+?)_\{?([A-Za-z0-9]+(?:\s*[-+]\s*\d+)?)\}?$")


def _key(e) -> str | None:
    """``z_t`` and ``z[t]``, ``h_{t-1}`` and ``h[t - 1]`` alike: ``"z[t]"``, ``"h[t-1]"``."""
    if isinstance(e, sp.Indexed):
        return f"{e.base.label}[{','.join(str(i) for i in e.indices)}]".replace(" ", "")
    if isinstance(e, sp.Symbol):
        found = _SIMPLE.match(e.name)
        return f"{found.group(1)}[{found.group(2)}]".replace(" ", "") if found else e.name
    return None


def uniform(expr):
    """``expr`` with every subscripted name as one symbol named by :func:`_key`."""
    names = {a: sp.Symbol(_key(a)) for a in expr.atoms(sp.Indexed) | expr.free_symbols
             if isinstance(a, (sp.Symbol, sp.Indexed)) and _key(a) is not None}
    return expr.xreplace(names)


def case_claim(lhs, rhs, recurrence, examples) -> tuple | None:
    r"""``(at, rhs, used)``: the recurrence's body at the examples that name it, and the row's right side, both with
    subscripted names made uniform, and the examples used; None when the row's left side is not the recurrence's
    step, or no example names its body."""
    step = recurrence.step + recurrence.offset
    if _key(lhs) != f"{recurrence.base}[{step}]".replace(" ", ""):
        return None
    body = uniform(recurrence.body)
    values = {sp.Symbol(_key(n)): v for n, v in examples if _key(n) is not None and sp.Symbol(_key(n)) in
              body.free_symbols and getattr(v, "is_number", False)}
    if not values:
        return None
    return body.xreplace(values), uniform(rhs), tuple(values.items())
