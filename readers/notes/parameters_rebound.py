r"""A function's definition takes back the names it binds from an update above.

After an update in place (``x \leftarrow x - \eta f'(x)``, ``\mathbf{x} \leftarrow \mathbf{x} - \eta \nabla
f(\mathbf{x})``) a later formula in ``x`` may mean the value the algorithm assigned, so claims about ``x`` are
not checked as identities.  A definition ``f(x) = \frac{1}{2} x^2`` or ``f(\mathbf{x}) = x_1^2 + 2 x_2^2``
binds ``x`` again as the parameter of ``f``: the claims that follow (``\nabla f(x) = x``) are about every value
of that parameter, as any author means them.  The names taken back are the parameters and, for a vector
parameter written ``\mathbf{x}``, the entries ``x_1, x_2`` its body uses (whose base letter is the
parameter's).
"""
from __future__ import annotations

import re

import sympy as sp

from readers.notes.reading import base_name

_FACE = re.compile(r"\\(?:mathbf|boldsymbol|vec|bm)\{(.*)\}")


def letter(name: str) -> str:
    r"""``x`` for ``\mathbf{x}``, ``\boldsymbol{x}`` or ``x``."""
    found = _FACE.fullmatch(name)
    return found.group(1) if found else name


def rebound(application, body, updated: set) -> set:
    r"""The base names in ``updated`` that the definition ``application = body`` binds again: its parameters
    (``x`` of ``f(x)``) and the entries of a vector parameter in its body (``x_1`` of ``f(\mathbf{x})``)."""
    parameters = {base_name(a) for a in application.args if isinstance(a, sp.Symbol)} - {None}
    letters = {letter(p) for p in parameters}
    entries = {base_name(s) for s in body.free_symbols | body.atoms(sp.Indexed)
               if isinstance(s, (sp.Symbol, sp.Indexed)) and base_name(s) in letters}
    return (parameters | entries) & updated
