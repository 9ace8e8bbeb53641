"""The blocks of a small note that have checked steps, as the notes tests read them.

``checked_blocks(text)`` runs :func:`readers.notes.check.check_notes` once per text (5 busy seconds a
step, the tests' budget) and keeps the blocks with steps, in order; a text checked by two tests is
checked once per process.  ``assert_block_verdicts`` checks them against one expectation per block.
"""
from __future__ import annotations

import functools

from readers.notes.check import check_notes


@functools.lru_cache(maxsize=None)
def checked_blocks(text: str) -> tuple:
    """The blocks of ``text`` with checked steps, in the order of the note."""
    return tuple(b for b in check_notes(text, path="<test>", budget=5.0).blocks if b.steps)


CONFIRMED = ("proved", "verified")
HOLDS = "not refuted"
"""A block that must not be refuted (confirmed on a quiet machine, undecided when the budget runs out under load)."""


def assert_block_verdicts(blocks, expected) -> list[dict]:
    """One expectation per block: a verdict, a tuple of allowed verdicts, or :data:`HOLDS`; every refuted block
    carries a counterexample.  Returns the counterexamples of the refuted blocks."""
    assert len(blocks) == len(expected), [(b.line, b.verdict) for b in blocks]
    witnesses = []
    for b, e in zip(blocks, expected):
        if e == HOLDS:
            assert b.verdict != "refuted", (b.line, [s.reason for s in b.steps])
        elif isinstance(e, tuple):
            assert b.verdict in e, (b.line, b.verdict, [s.reason for s in b.steps])
        else:
            assert b.verdict == e, (b.line, b.verdict, [s.reason for s in b.steps])
        if b.verdict == "refuted":
            found = [s.counterexample for s in b.steps if s.counterexample]
            assert found, b.line
            witnesses += found
    return witnesses
