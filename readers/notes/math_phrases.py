r"""Runs of letters that may not be one name.

Words written in math mode: ``updated\,knowledge = \big\|likelihood\,of\,new\,knowledge\times prior\,
knowledge\big\|`` is a sentence set as a formula, its words spaced with ``\,``.

Two runs of three or more letters separated only by a thin space (``\,``, ``\;``, ``\ ``) are two words of a
phrase; no formula multiplies multi-letter names with a thin space between them (``f(x)\,dx`` spaces a
differential, ``\sin\,x`` a command, both left alone).  A refutation of such a block rests on reading its words as
products of letters, so it is withdrawn (check.py ``check_claim_once``).

A run the notes define somewhere as one name (``$Ah = k - r(h)$`` in a proof makes ``Ah`` a word of the whole
document, readers.notes.check ``_vocabulary``) is also a product where its letters are written alone in the same
block: Lebl's ``\snorm{f(x+h)-f(x) - Ah - (f(x+h)-f(x) - Bh)}`` beside ``(A-B)h``.  A refutation that reads it as
one name is withdrawn as ambiguous (:func:`split_runs`).
"""
from __future__ import annotations

import re

import sympy as sp

_PHRASE = re.compile(r"(?<![\\A-Za-z])([A-Za-z]{3,})\s*\\[,; ]\s*([A-Za-z]{3,})(?![A-Za-z])")


def phrase_words(latex: str) -> list[str]:
    r"""The word pairs of ``latex`` spaced as a phrase (``updated\,knowledge`` -> ``["updated knowledge"]``)."""
    return [f"{m.group(1)} {m.group(2)}" for m in _PHRASE.finditer(latex)]


def split_runs(sides, vocabulary) -> list[str]:
    """Names of ``sides`` (sympy expressions) that are words of ``vocabulary`` of two or more letters each written
    alone in ``sides`` as well (``Ah`` beside ``A`` and ``h``)."""
    symbols = set().union(*(e.free_symbols for e in sides if isinstance(e, sp.Basic)))
    alone = {x.name for x in symbols if len(x.name) == 1}
    return sorted(x.name for x in symbols if x.name in vocabulary and len(x.name) > 1 and set(x.name) <= alone)
