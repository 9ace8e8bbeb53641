r"""Indicators the LaTeX reader does not read as such: $\mathbb{1}[y = k]$, $\mathbb{1}_{x > 0}$, $\mathbf{1}_{x > 0}$.

The reader takes a styled one (``\mathbb{1}``, ``\mathbf{1}``, ``\mathrm{1}``, ``\bm{1}``, ``\mathds{1}``) for a name:
its bracketed condition becomes a condition of the whole block or is dropped, and a subscripted condition becomes
part of the name.  A claim checked that way treats the indicator as a free value, so a correct line such as
$\mathbb{1}[x < 0]\, x = \min(x, 0)$ was refuted at $\mathbb{1} = 1/2$.  Until the reader reads indicators, a
refutation of a claim that holds one is withdrawn (:func:`indicator_names`).
"""
from __future__ import annotations

import re

import sympy as sp

STYLED_ONE = re.compile(r"^\\(?:(?:mathbb|mathds|mathrm)\s*\{?\s*1\s*\}?(?:_|$)|(?:mathbb|mathds)\s*\{?\s*I\s*\}?(?:_|$)"
                        r"|(?:mathbf|bm|boldsymbol|mathrm)\s*\{\s*[1I]\s*\}_)"
                        r"|^[1I]_\{[^{}]*(?:[<>=]|\\[lg]eq?(?![A-Za-z])|\\neq?(?![A-Za-z])|\\in(?![A-Za-z]))")
r"""A name that is an indicator: a blackboard (or roman) one, bare or with a subscript (the condition), and a
blackboard I ($\mathbb{I}[x > 0]$); a bold one, or a roman I, only with a subscript, since a bare $\mathbf{1}$ is the
vector of ones ($\mathrm{softmax}(z + c\mathbf{1})$) and a bare $\mathrm{I}$ the identity; and a plain I or 1 whose
subscript holds a relation (the reader gives ``\mathrm{I}_{x > 0}`` as ``I_{x > 0}``)."""


def indicator_names(exprs) -> list[str]:
    """The names among the free symbols of ``exprs`` that are indicators read as values, sorted."""
    return sorted({s.name for e in exprs if isinstance(e, sp.Basic) for s in e.free_symbols
                   if isinstance(s, sp.Symbol) and STYLED_ONE.match(s.name)})
