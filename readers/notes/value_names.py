r"""Readable symbols for values that stand in for applications: ``P_N(x_{n+1})`` becomes the real symbol
``P_N_x_n_1_``, one symbol per distinct application and never one symbol for two of them.

Spelling an application out with its non-word characters squeezed to ``_`` is readable but not one-to-one:
``P_N(x_{n+1})`` and ``P_N(x_{n-1})`` both squeeze to ``P_N_x_n_1``, and so do ``P(X \le x)`` and
``P(X \ge x)``.  Read as one value, two different applications cancel, and a claim that is false for every
function (``\frac{P_N(x_{n+1}) - P_N(x_{n-1})}{2h} = \frac{P_N(x_{n+1}) - P_N(x_{n-1})}{3h}``) is proved.
A name that is taken already (by an earlier application or by a symbol of the claim) gets ``_2``, ``_3`` ...
"""
from __future__ import annotations

import re

import sympy as sp


def squeezed(text: str) -> str:
    """``text`` with each run of non-word characters written ``_`` and no ``_`` at either end."""
    return re.sub(r"\W+", "_", text).strip("_")


def value_symbols(applications, spell, taken=(), suffix: str = "") -> dict:
    """``{application: real symbol}``, named ``squeezed(spell(application)) + suffix`` unless that name is taken
    (by a symbol in ``taken`` or an earlier application), then numbered; the applications in a fixed order."""
    used = {getattr(s, "name", str(s)) for s in taken}
    out = {}
    for app in sorted(applications, key=sp.default_sort_key):
        base = squeezed(spell(app)) or "v"
        name, count = base + suffix, 1
        while name in used:
            count += 1
            name = f"{base}_{count}{suffix}"
        used.add(name)
        out[app] = sp.Symbol(name, real=True)
    return out
