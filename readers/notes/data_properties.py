r"""Properties of the data hold for the whole note; conditions on a parameter end at the next heading.

A note states once what its data are -- "The label is one-hot, so $\sum_k y_k = 1$", "the $X_i$ are i.i.d. with
variance $\sigma^2$" -- and the later sections (the output layer, the hidden layer, the estimator's variance) use it
without saying it again:

.. math:: \frac{\partial}{\partial z_k}\Big(-\sum_m y_m \log \operatorname{softmax}(z)_m\Big) = p_k - y_k
          \quad\text{where}\quad \sum_m y_m = 1 .

A condition on a parameter ("Let $x > 0$.", "For $0 < p < 1$:") is the section's and ends at its heading, as
issue 12 says.  A condition is a property of the data when its sentence calls the array a label, a target, one-hot
or a probability vector (:func:`of_the_data`), or when the prose says the variables are i.i.d.
(:func:`iid_sentences`, read by readers.notes.iid_moments).  The verdict names the condition as any other.
"""
from __future__ import annotations

import re

from readers.notes.iid_moments import IID

_DATA_WORDS = re.compile(r"\b(?:one[- ]hot|labels?|targets?|probability\s+vectors?|(?:a|the)\s+distribution)\b", re.I)
"""Words that say what the data are: "the label is one-hot", "the targets form a probability vector"."""
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def of_the_data(before: str) -> bool:
    r"""Whether the prose of the sentence before a sum-to-one condition calls its array data ("The label is one-hot,
    so $\sum_k y_k = 1$"), rather than setting a parameter ("the weights are chosen with $\sum_i w_i = 1$")."""
    ends = list(_SENTENCE_END.finditer(before))
    sentence = before[ends[-1].end():] if ends else before
    return _DATA_WORDS.search(sentence) is not None


def iid_sentences(lines, line: int) -> str:
    r"""The lines above the section of ``line`` (1-based) that say variables are i.i.d. ("Let $X_1, \dots, X_n$ be
    i.i.d. with mean $\mu$ and variance $\sigma^2$."): a property of the data, for the rest of the note."""
    k = line - 2
    while k >= 0 and not lines[k].lstrip().startswith("#"):
        k -= 1
    return "\n".join(text for text in lines[:max(k, 0)] if IID.search(text))
