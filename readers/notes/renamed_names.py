r"""A name the prose gives a new meaning: "From now on $f$ denotes the logistic function", "$\sigma$ no longer denotes a
scale", "Henceforth $g$ is the gradient", "we now reuse $s$ for the sample size".

Definitions hold to the end of the notes, so without this a name defined in an early section keeps that value in a
later one that says in words it means something else, and a correct line about the new meaning is refuted with the
old one ($f(0) = 1/2$ of the logistic $f$, refuted with the square $f(x) = x^2$ of section 1).  From such a sentence
on, the earlier definition of the name ends; a new one written in a block gives it its new value.
"""
from __future__ import annotations

import re

_BEFORE = re.compile(r"(?:\bfrom\s+(?:now|here|this\s+point)\s+on|\bhenceforth|\bhereafter|"
                     r"\bfor\s+the\s+rest\s+of\s+(?:the|these|this)\s+\w+|\b(?:re-?use|redefine|repurpose)[sd]?)\W{0,3}$",
                     re.IGNORECASE)
"""Words right before the name that give it a new meaning from here on."""
_AFTER = re.compile(r"^\W{0,3}(?:(?:now|instead|from\s+(?:now|here)\s+on|henceforth|hereafter)\s+(?:denotes?|stands?\s+for|"
                    r"means?|refers?\s+to|is)\b|(?:denotes?|stands?\s+for|means?|refers?\s+to|is)\s+(?:now|instead|"
                    r"from\s+(?:now|here)\s+on|henceforth|hereafter)\b|no\s+longer\s+(?:denotes?|stands?\s+for|means?|is)\b|"
                    r"will\s+(?:now\s+|instead\s+)?(?:denote|stand\s+for|mean|be\s+reused))", re.IGNORECASE)
"""Words right after the name that give it a new meaning."""


def gives_new_meaning(before: str, after: str) -> bool:
    """Whether the words around a name written alone in the prose (``before`` and ``after`` it, on its line) give it a
    new meaning from here on."""
    return _BEFORE.search(before) is not None or _AFTER.search(after) is not None
