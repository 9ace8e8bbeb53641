r"""Names declared members of the integers: ``$n \in \mathbb{N}$``, ``$k, m \in \mathbb{Z}_{\ge 0}$``.

Read as a real, :math:`\lfloor k/2 \rfloor + \lceil k/2 \rceil = k` after "Let $k \in \mathbb{N}$" was refuted at
:math:`k = 1/2`.  Each listed name is an integer to the next heading, as after "$k$ is an integer"
(readers.notes.sign_words), with the set's lower bound: :math:`\mathbb{N}`, :math:`\mathbb{N}^+`,
:math:`\mathbb{N}_{>0}`, :math:`\mathbb{Z}^+`, :math:`\mathbb{Z}_+`, :math:`\mathbb{Z}_{>0}` from 1 (authors differ on
whether :math:`\mathbb{N}` and :math:`\mathbb{Z}_+` hold 0: the narrower reading, so a counterexample found satisfies
either, as readers.latex.membership reads the same sets inside a formula), :math:`\mathbb{Z}_{\ge 0}` and
:math:`\mathbb{N}_0` from 0, :math:`\mathbb{Z}` unbounded.
"""
from __future__ import annotations

import re

_NAME = r"(?:\\[A-Za-z]+|[A-Za-z])(?:_\{?[A-Za-z0-9]+\}?)?"
_MEMBERS = re.compile(r"^\s*(?P<names>" + _NAME + r"(?:\s*,\s*" + _NAME + r")*)\s*\\in\s*\\mathbb\s*\{?\s*(?P<set>[NZ])\s*\}?"
                      r"\s*(?P<script>(?:[_^]\s*(?:\{[^{}]*\}|\\?[A-Za-z0-9+*]+)\s*)*)[.,;]?\s*$")
_FROM_ONE = re.compile(r"^(?:\^\s*\{?\s*[+*]\s*\}?|_\s*\{?\s*(?:\+|>\s*0|\\geq?\s*1|>=\s*1|\\ge\s*1)\s*\}?)$")
_FROM_ZERO = re.compile(r"^(?:_\s*\{?\s*(?:0|\\geq?\s*0|>=\s*0)\s*\}?)$")


def integer_members(latex: str) -> tuple[list[str], int | None] | None:
    r"""The LaTeX names ``latex`` declares integers and their lower bound: ``n, m \in \mathbb{N}`` gives
    ``(['n', 'm'], 1)``, ``k \in \mathbb{Z}`` gives ``(['k'], None)``; None for anything else (another set, a
    script it does not know)."""
    match = _MEMBERS.match(latex)
    if match is None:
        return None
    script = re.sub(r"\s+", "", match.group("script"))
    names = [n.strip() for n in match.group("names").split(",")
             if not re.fullmatch(r"\\(?:[lc]?dots|ldotp|cdotp)", n.strip())]  # y_1, \ldots, y_N: the names written
    if not script:
        return names, 1 if match.group("set") == "N" else None
    if _FROM_ONE.match(script):
        return names, 1
    if _FROM_ZERO.match(script):
        return names, 0
    return None
