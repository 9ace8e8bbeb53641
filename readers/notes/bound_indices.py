r"""Letters a block binds as the index of a sum or a product: values, never functions.

In $\sum_{k=0}^{\infty} k (1 - \beta) \beta^k$ the letter before the parenthesis is the sum's index, which runs
over numbers; reading ``k(1 - \beta)`` as a function ``k`` applied to ``1 - \beta`` is no reading of the block
(readers.notes.check ``readings`` tries letters before ``(`` as functions).
"""
from __future__ import annotations

import re

_BOUND = re.compile(r"\\(?:sum|prod)\s*_\s*\{?\s*([A-Za-z])\s*(?:=|\\in\b|\\ge|\\le|[<>]|\})")
"""The one-letter index under ``\\sum``/``\\prod``: ``\\sum_{k=0}``, ``\\sum_{k \\in S}``, ``\\sum_k``."""
_BARE = re.compile(r"\\(?:sum|prod)\s*_\s*([A-Za-z])(?![A-Za-z])")


def bound_letters(content: str) -> set[str]:
    """The letters ``content`` binds as a sum's or a product's index."""
    return set(_BOUND.findall(content)) | set(_BARE.findall(content))
