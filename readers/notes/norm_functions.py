r"""A function the prose calls a norm: "a vector norm is a function $f$ ...", "$f$ is a norm".

The properties the notes then state of it,

.. math:: f(\alpha\mathbf{x}) = |\alpha| f(\mathbf{x}), \qquad f(\mathbf{x} + \mathbf{y}) \le f(\mathbf{x}) + f(\mathbf{y}),

are claims about every norm.  They are read with ``f`` each of :data:`NORMS` in turn (the $\ell_1$, $\ell_2$ and
$\ell_\infty$ norms of a column vector): holding for all three is evidence for the claim (verified, naming them),
failing for all three refutes it, anything else is undecided.  The statement holds in its section.
"""
from __future__ import annotations

import re

from readers.notes.symbols import written_name

NORMS = (("l1", "norm_1"), ("l2", "norm_2"), ("l-infinity", "norm_inf"))
"""The norms ``f`` is read as: a label and the matrix reading's name of each."""

_MATH = r"\$([^$]{1,20})\$"
_CUES = (
    re.compile(r"\bnorm\s+is\s+(?:a|any)\s+function\s+" + _MATH, re.I),
    re.compile(_MATH + r"\s+(?:is|be)\s+(?:a|any)\s+(?:vector\s+)?norm\b", re.I),
)
"""``a vector norm is a function $f$`` | ``$f$ is a norm`` | ``let $g$ be any norm``."""


def declared_norms(text: str) -> list[tuple[int, str]]:
    """``(line, function name)`` for every function the prose calls a norm, in order."""
    out = []
    for cue in _CUES:
        for m in cue.finditer(text):
            name = written_name(m.group(1))
            if name is not None:
                out.append((text.count("\n", 0, m.start()) + 1, name))
    return sorted(out)


def norm_names(declared, section_of, line: int) -> frozenset:
    """The function names called norms in the section of ``line`` (``section_of(line)``: its section number)."""
    here = section_of(line)
    return frozenset(name for at, name in declared if section_of(at) == here)
