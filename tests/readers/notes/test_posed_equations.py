r"""A block that poses an equation and rewrites it (``0 = A = B``): the equation is no claim, the rewriting
is (readers.notes.report.BlockReport.verdict).  The notes here are made up, not corpus text."""
from __future__ import annotations

from readers.notes.check import check_notes

_ROOTS = """# Roots

Setting the derivative to zero gives
$$
0 = (x-1)(x+3) - 5 = {rewritten}
$$
"""


def _block(text):
    (block,) = [b for b in check_notes(text).blocks if b.steps]
    return block


def test_a_posed_equation_takes_the_verdict_of_its_rewriting():
    block = _block(_ROOTS.format(rewritten="x^2 + 2x - 8"))
    assert [s.role for s in block.steps][0] == "equation" and block.steps[0].verdict == "undecided"
    assert block.verdict == "proved"


def test_a_wrong_rewriting_is_not_confirmed():
    assert _block(_ROOTS.format(rewritten="x^2 + 2x - 7")).verdict not in ("proved", "verified")


def test_a_block_that_only_poses_an_equation_stays_undecided():
    block = _block("# Roots\n\nThen\n$$\n0 = x^2 + 2x - 8\n$$\n")
    assert block.verdict == "undecided" and block.steps[0].role == "equation"
