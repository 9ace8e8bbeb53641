r"""Words written in math mode: ``updated\,knowledge = \big\|likelihood\,of\,new\,knowledge\times prior\,
knowledge\big\|`` is a sentence set as a formula, its words spaced with ``\,``.

Two runs of three or more letters separated only by a thin space (``\,``, ``\;``, ``\ ``) are two words of a
phrase; no formula multiplies multi-letter names with a thin space between them (``f(x)\,dx`` spaces a
differential, ``\sin\,x`` a command, both left alone).  A refutation of such a block rests on reading its words as
products of letters, so it is withdrawn (check.py ``check_claim_once``).
"""
from __future__ import annotations

import re

_PHRASE = re.compile(r"(?<![\\A-Za-z])([A-Za-z]{3,})\s*\\[,; ]\s*([A-Za-z]{3,})(?![A-Za-z])")


def phrase_words(latex: str) -> list[str]:
    r"""The word pairs of ``latex`` spaced as a phrase (``updated\,knowledge`` -> ``["updated knowledge"]``)."""
    return [f"{m.group(1)} {m.group(2)}" for m in _PHRASE.finditer(latex)]
