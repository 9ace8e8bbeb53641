r"""A decomposition stated to exist: "every symmetric matrix $A$ can be written as $A = QDQ^{-1} = QDQ^T$".

The names the block brings in for the first time (``Q``, ``D``) are chosen to fit ``A``: the sentence says that some
``Q`` and ``D`` exist (here an orthogonal ``Q`` and a diagonal ``D``), not that the equation holds for every value of
them.  A counterexample at one choice of the new names refutes nothing; the claim is left undecided.  A block whose
names the notes all wrote before (the m.g.f. "can be written as" ``{}_1F_1(\alpha, \alpha + \beta, t)``) is a plain
identity and is checked as one.  An ellipsis (``\ldots``) is no name: the terms it stands for are not chosen to fit.
"""
from __future__ import annotations

import re

import sympy as sp

from readers.notes.ellipsis import is_ellipsis
from readers.notes.reading import base_name

WRITTEN_AS = re.compile(r"\bcan\s+(?:also\s+|always\s+|then\s+)?be\s+(?:written|expressed|decomposed|factori[sz]ed|"
                        r"factored|represented)\b", re.IGNORECASE)
"""The sentence's words that state a form exists (not that an identity holds for every value of its letters)."""
_MATH = re.compile(r"\$\$(.+?)\$\$|\$([^$]+)\$|\\\[(.+?)\\\]", re.DOTALL)


def fresh_names(sides, sentence: str, before: str) -> list[str]:
    """The names of ``sides`` that ``before`` (the notes' text up to the block) never writes in a formula, when
    ``sentence`` says the block is a form something can be written in; [] otherwise.  A run of letters read as one
    name (``QDQ``) is fresh when one of its letters is."""
    if WRITTEN_AS.search(sentence) is None:
        return []
    written = " ".join(next(g for g in m.groups() if g is not None) for m in _MATH.finditer(before))
    names = {base_name(x) for e in sides for x in e.free_symbols | e.atoms(sp.Indexed) if not is_ellipsis(x)} - {None}
    return sorted(n for n in names if not _written(n, written)
                  and (len(n) == 1 or not n.isalpha() or any(not _written(c, written) for c in n)))


def _written(name: str, text: str) -> bool:
    plain = name.lstrip("\\")
    return re.search(r"(?<![A-Za-z])\\?" + re.escape(plain) + r"(?![A-Za-z])", text) is not None
