r"""Checks of what a block states about a law or a sample, applied after the block's own reading.

Each reviewer takes the block and the report :class:`~readers.notes.check` made of it and returns that
report, or one that replaces it when the block states something that can be checked as mathematics:

* :mod:`readers.notes.mass_functions`: a probability mass function sums to 1 on some support in
  common use;
* :mod:`readers.notes.sample_statistics`: a sample statistic the prose names is its standard formula.
"""
from __future__ import annotations

from readers.notes import mass_functions, sample_statistics
from readers.notes.density_facts import _following, _preceding
from readers.notes.report import BlockReport


def prose_before(lines, line: int) -> str:
    """The prose between the previous display block (or heading) and the block starting on ``line``
    (1-based): what introduces it, across short paragraphs such as "We write $...$." and "Claim:"."""
    out, k = [], line - 2
    while k >= 0:
        text = lines[k].strip()
        if text.startswith(("#", "$$", "\\[", "\\begin", "\\end")) or text.endswith(("$$", "\\]")):
            break
        out.insert(0, text)
        k -= 1
    return " ".join(out)


def review(block, frag, report: BlockReport, conditions, lines, expand=None) -> BlockReport:
    """``report``, or the report of a reviewer that decides ``block``; ``conditions`` are the relations
    in force, ``lines`` the note's text, ``expand`` substitutes the definitions in force."""
    if not report.parsed or not lines:
        return report
    end = frag.line + frag.source.count("\n")
    intro, after = _preceding(lines, frag.line), _following(lines, end)
    report = mass_functions.review(block, frag, report, conditions, intro, after)
    if expand is not None and frag.kind == "display":
        report = sample_statistics.review(block, frag, report, conditions, prose_before(lines, frag.line), expand)
    return report
