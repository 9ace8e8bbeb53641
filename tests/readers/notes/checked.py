"""The blocks of a small note that have checked steps, as the notes tests read them.

``checked_blocks(text)`` runs :func:`readers.notes.check.check_notes` once per text (5 busy seconds a
step, the tests' budget) and keeps the blocks with steps, in order; a text checked by two tests is
checked once per process.
"""
from __future__ import annotations

import functools

from readers.notes.check import check_notes


@functools.lru_cache(maxsize=None)
def checked_blocks(text: str) -> tuple:
    """The blocks of ``text`` with checked steps, in the order of the note."""
    return tuple(b for b in check_notes(text, path="<test>", budget=5.0).blocks if b.steps)
