r"""A display whose introducing sentence points back at values set earlier in its section.

"Two samples $x^{(1)} = 2$ and $x^{(2)} = 6$ have the mean $$\frac{x^{(1)} + x^{(2)}}{2} = 4$$ ... A control with a
slip in the mean of the two samples above: $$\frac{x^{(1)} + x^{(2)}}{2} = 3$$": a local example (``$x = 2$``) is
read for a few paragraphs only (``EXAMPLE_REACH`` in readers.notes.check), since notes reuse letters; a sentence that
says *above* (or *earlier*, *previous*) refers to what the section has set, so the examples of the section still in
force there (the same heading, the same list item) are read for that display as for one right after them.
"""
from __future__ import annotations

import re

CUE = re.compile(r"\b(?:above|earlier|previous(?:ly)?|same (?:values?|numbers?|samples?|data))\b", re.IGNORECASE)


def refers_back(sentence: str) -> bool:
    """Whether the sentence introducing a display points back at values set before it (module docstring)."""
    return CUE.search(sentence or "") is not None
