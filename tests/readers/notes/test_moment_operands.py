r"""Moments of lower-case or hatted names (readers.notes.moments.only_inside): ``Var[z] = E[z^2] - E[z]^2`` holds
for whatever ``z`` is, so names that appear only inside moments are read as random variables; a name also outside
(``\theta`` in ``E(\hat\theta - \theta) = E(\hat\theta) - \theta``) is a constant.  The reading only confirms: a
wrong variant stays undecided.  Made-up notes, not corpus text."""
from __future__ import annotations

import pytest

from readers.latex.parse import parse_block
from readers.notes.check import check_notes
from readers.notes.moments import only_inside

CONFIRMED = ("proved", "verified")


@pytest.mark.parametrize("right, wrong", [
    (r"\mathrm{Var}[z^{(j)}] = E[(z^{(j)})^2] - E[z^{(j)}]^2", r"\mathrm{Var}[z^{(j)}] = E[(z^{(j)})^2] + E[z^{(j)}]^2"),
    (r"E(\hat{\beta}_m - \beta) = E(\hat{\beta}_m) - \beta", r"E(\hat{\beta}_m - \beta) = E(\hat{\beta}_m) + \beta"),
    (r"E[(\hat{\beta}_m - \beta)^2] = \mathrm{Var}(\hat{\beta}_m) + (E[\hat{\beta}_m] - \beta)^2",
     r"E[(\hat{\beta}_m - \beta)^2] = \mathrm{Var}(\hat{\beta}_m) + E[\hat{\beta}_m] - \beta"),
    # beta only inside: read as the parameter the estimate beside it estimates (a constant)
    (r"E[(\hat{\beta}_m - \beta)^2] = E[(\hat{\beta}_m - E[\hat{\beta}_m])^2] + E[(E[\hat{\beta}_m] - \beta)^2]",
     r"E[(\hat{\beta}_m - \beta)^2] = E[(\hat{\beta}_m - E[\hat{\beta}_m])^2] - E[(E[\hat{\beta}_m] - \beta)^2]"),
])
def test_a_moment_identity_of_lower_case_names_is_confirmed_and_its_slip_is_not(right, wrong):
    note = "# Moments\n\nFor an estimate we have\n\n$$ CLAIM $$\n"
    ok = [b for b in check_notes(note.replace("CLAIM", right)).blocks if b.kind == "display"][0]
    assert ok.verdict in CONFIRMED and "only inside the moments" in ok.steps[-1].method
    bad = [b for b in check_notes(note.replace("CLAIM", wrong)).blocks if b.kind == "display"][0]
    assert bad.verdict not in CONFIRMED and bad.verdict != "refuted"


def test_names_outside_a_moment_are_constants():
    lhs, rhs = parse_block(r"E(\hat{\beta}_m - \beta) = E(\hat{\beta}_m) - \beta").rows[0].chain.exprs
    assert {s.name for s in only_inside(lhs, rhs)} == {r"\hat{\beta}_m"}
