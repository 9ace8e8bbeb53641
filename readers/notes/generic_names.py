r"""A function the prose declares generic again: ``for convex and three times differentiable $f$``.

Notes reuse one-letter function names: an example ``For $f(x) = \frac{1}{2} x^2$ we have ...`` early in a chapter,
then a general argument ``We only analyze ... three times differentiable $f$`` later, whose claims (Taylor's theorem
with a remainder) are about every such $f$.  Substituting the example's body there checks the claims for that one
function only: a proof would say more than was shown, and a claim true for every convex $f$ but not for an earlier
nonconvex example would be refuted.  So a bare mention of a defined function's name in prose, right after words that
describe a class of functions ("differentiable", "convex", "smooth", "any", "arbitrary", "let", "a function"), ends
its definition: later claims read it as an unknown function (readers.notes.arbitrary).  A determiner that points
back (``this convex $f$``, ``the function $f$``, ``our $f$``) keeps it: that is the example itself.  The class may
also follow the name without a verb, as a condition laid on it: ``with $f$ smooth``, ``for $u$ sufficiently
smooth``, ``and $f$ twice differentiable`` (:func:`declares_generic_after`); ``$f$ is convex`` says something of the
function the notes have and keeps it.
"""
from __future__ import annotations

import re

GENERIC_CUE = re.compile(
    r"(?:\b(?:let|any|every|each|arbitrary|generic|general|some|given|"
    r"(?:\w+ times |twice |continuously |infinitely )?differentiable|convex|concave|smooth|continuous|"
    r"Lipschitz|bounded|(?:real|scalar|objective|loss|test)?[- ]?functions?)\s+)$", re.I)
"""Words that, right before a bare function name, describe a class of functions (end of the prose before it)."""
_POINTS_BACK = re.compile(r"\b(?:this|that|these|the|our|above|same|its)\s+(?:[\w-]+\s+){0,3}$", re.I)
"""A determiner a few words before the name: the notes mean the function they already have."""


_CONDITION_BEFORE = re.compile(r"(?:\b(?:with|for|and|where|whenever)|,)\s*$", re.I)
"""Words right before a bare name that lay a condition on it (``with $f$ smooth``)."""
_CLASS_AFTER = re.compile(r"^\s*(?:(?:sufficiently|arbitrary|any)\s+)?(?:smooth|(?:\w+ times |twice |continuously |"
                          r"infinitely )?differentiable)\b", re.I)
"""A class of functions right after the name, without a verb (``$f$ smooth``, ``$u$ sufficiently smooth``)."""


def declares_generic_after(prose_before: str, prose_after: str) -> bool:
    r"""Whether the prose around a bare ``$f$`` lays a class of functions on it as a condition, without a verb:
    ``with $f$ smooth``, ``for $u$ sufficiently smooth``, ``and $f$ twice differentiable``; not ``$f$ is smooth``."""
    return _CONDITION_BEFORE.search(prose_before[-80:]) is not None and _CLASS_AFTER.match(prose_after) is not None


_WRITTEN = re.compile(r"\b(?:write|writes|written|denote|denotes|denoted)\s*(?:by|as)?\s*$", re.IGNORECASE)
r"""``we write $F \colon ...$``: notation for what the notes already have."""


def points_back(prose_before: str) -> bool:
    r"""Whether the prose right before a block points back to what the notes already have: ``the function``,
    ``this convex``, ``such as the above, we write``."""
    tail = prose_before[-80:]
    return _POINTS_BACK.search(tail) is not None or _WRITTEN.search(tail) is not None


def declares_generic(prose_before: str) -> bool:
    r"""Whether the prose right before a bare ``$f$`` describes a class of functions: ``three times differentiable``,
    ``Let``, ``for any function``; not ``this convex``, ``the function``."""
    tail = prose_before[-80:]
    return GENERIC_CUE.search(tail) is not None and _POINTS_BACK.search(tail) is None
