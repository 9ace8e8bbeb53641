r"""Classes found by checking hand-written everyday notes at stop 45 (the lead's probes).

* "This converges iff $|1 - \eta a| < 1$" after "Take $a > 0$": the relation after *iff* (*as long as*) is the
  case under discussion, not a claim; it was refuted at eta = 1/2, a = 10.
"""
from __future__ import annotations

import pytest

from readers.notes.check import check_notes


@pytest.mark.parametrize("cue", ["iff", "as long as", "so long as", "if and only if"])
@pytest.mark.parametrize("relation", [r"|1 - \eta a| < 1", r"\rho(I - \eta H) < 1 + c"])
def test_a_relation_after_iff_is_a_condition(cue, relation):
    text = f"## GD\n\nTake $a > 0$.\n\nThe iteration converges {cue} ${relation}$.\n"
    blocks = [b for b in check_notes(text, path="<test>", budget=5.0).blocks if b.line == 5]
    assert [(b.role, b.verdict) for b in blocks] == [("condition", None)]
