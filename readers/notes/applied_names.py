r"""Names the notes apply to several arguments: ``R(s_t, a_t, s_{t+1})``, ``k(x, x')``, ``\phi(x, y)``.

A parenthesised list with a comma is no factor of a product, so the letter before it names a function of several
arguments.  The same letter is then a function wherever the notes apply it, also to one argument:

.. math:: R(s_t, a_t, s_{t+1}) \text{ in one block} \;\Rightarrow\; R(\tau) = R \text{ at } \tau,
          \text{ never } R \cdot \tau.

Only a single letter, Latin or Greek, with at most a subscript, written right before the parenthesis, counts
(``\in (0, 1)``, ``\max(a, b)`` and ``i0e(x, y)`` do not); the list must have a comma outside any inner bracket
(``y_n(\langle w, x_n \rangle + b)`` is a product) and no ``=`` (``s_i(i = 1, \dots, n)`` is a remark).
"""
from __future__ import annotations

import re

_GREEK = ("alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|vartheta|iota|kappa|lambda|mu|nu|xi|pi|rho|"
          "sigma|tau|upsilon|phi|varphi|chi|psi|omega|Gamma|Delta|Theta|Lambda|Xi|Pi|Sigma|Upsilon|Phi|Psi|Omega")
_APPLIED = re.compile(r"(?<![A-Za-z0-9\\_^])([A-Za-z]|\\(?:" + _GREEK + r")(?![A-Za-z]))"
                      r"(?:_\{[^{}]*\}|_\\?[A-Za-z0-9]+)?\(")


def several_argument_names(text: str) -> frozenset:
    r"""The letters ``text`` applies to a list of several arguments (``R`` in ``R(s_{t'}, a_{t'}, s_{t'+1})``,
    ``pi`` in ``\pi(a, s)``), without the backslash."""
    names = set()
    for m in _APPLIED.finditer(text):
        if _lists_arguments(text, m.end()):
            names.add(m.group(1).lstrip("\\"))
    return frozenset(names)


def _lists_arguments(text: str, start: int) -> bool:
    r"""Whether the parenthesis opened just before ``start`` holds a comma outside inner brackets (``\langle w,
    x\rangle`` is one) before it closes, and no ``=`` (``s_i (i = 1, \dots, n)`` is a remark, not arguments)."""
    depth, comma = 0, False
    body = text[start:start + 400].replace(r"\langle", "(").replace(r"\rangle", ")")
    for ch in body:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            if depth == 0:
                return comma
            depth -= 1
        elif ch == "," and depth == 0:
            comma = True
        elif ch in "=$\n" and depth == 0:
            return False
    return False
