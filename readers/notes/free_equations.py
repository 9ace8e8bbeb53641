r"""An equation stated earlier that constrains none of a later claim's names: $x^* = -Q^{-1}c$ before a claim about
$h(x)$ in $x$, $Q$, $c$, $b$.

.. math:: y \notin \operatorname{names}(P):\qquad \bigl(\exists\, y:\ y = S(Q, c)\bigr)\ \text{for every } Q, c,
          \quad\text{so}\quad \bigl(y = S \Rightarrow P(Q, c, \dots)\bigr) \iff P(Q, c, \dots)

An equation that writes one name $y$ alone on one side, and the claim does not use $y$ and $S$ does not hold it, only
says what $y$ is: whatever the claim's names are, $y = S$ can be met.  So the claim is read as if the equation were
not there (d2l's minimiser $\mathbf{x}^* = -Q^{-1}\mathbf{c}$ had made every later claim in $Q$ and $\mathbf{c}$ in its
section "matrix claim under the equation ... solved as c = ...", never refuted).  $S$ must be defined wherever the
claim is: every matrix it inverts, the claim inverts too ($A x^* = b$ solved as $x^* = A^{-1} b$ would say $b$ lies in
$A$'s range; only an equation written with $y$ alone on a side counts, never one solved for it here), and $y$ must
not be one of the claim's names in another typeface (``w = X^\top t`` before a claim in $\mathbf{w}$ may be about it).
"""
from __future__ import annotations

import re

import sympy as sp

_TYPEFACE = re.compile(r"\\(?:mathbf|boldsymbol|bm|pmb|mathbfit|bold|vec|mathrm|mathit|mathsf)\b|[{}\s]")


def _plain(name: str) -> str:
    """A name without its typeface: ``\\mathbf{x}^{*}`` -> ``x^*``, ``\\boldsymbol{w}`` -> ``w``."""
    return _TYPEFACE.sub("", name)


def _inverted(e) -> set:
    return {p.base for p in e.atoms(sp.Pow) if p.exp.is_negative}


def constrains_none_of(lhs, rhs, claim) -> bool:
    """Whether the equation ``lhs = rhs`` writes a name alone on one side that no side of ``claim`` (a pair of
    expressions) nor its other side holds, its other side inverting only what the claim inverts."""
    used = set().union(*(e.free_symbols for e in claim))
    plain = {_plain(s.name) for s in used}
    inverted = set().union(*(_inverted(e) for e in claim))
    for name, other in ((lhs, rhs), (rhs, lhs)):
        if isinstance(name, sp.Symbol) and _plain(name.name) not in plain and name not in other.free_symbols \
                and _inverted(other) <= inverted:
            return True
    return False
