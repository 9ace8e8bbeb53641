r"""Equalities up to an additive constant (``+ \text{const}``): some constant fits, so the claim holds when
``lhs - rest`` is the same at any two points, and a counterexample is two points where it differs
(readers.notes.up_to_constant).  Read as one more variable, the constant refuted the right line below, and the
slip was refuted at a value of the constant.

Expected verdicts: -log N(y; mu, 1) = (y - mu)^2/2 + log sqrt(2 pi), so the half of the squared error is right up
to a constant and the whole squared error is not (the difference (y - mu)^2/2 depends on y)."""
import pytest

from readers.notes.check import check_notes

NLL = r"-\log\left(\frac{1}{\sqrt{2\pi}} e^{-(y - \mu)^2/2}\right)"
CASES = [
    (rf"$${NLL} = \frac{{1}}{{2}}(y - \mu)^2 + \text{{const}}$$", {"proved", "verified"}),
    # a letter names the constant where the prose says so: c is no variable of the claim
    (rf"Up to an additive constant $c$, $${NLL} = (y - \mu)^2 + c$$", {"refuted"}),
]


@pytest.mark.parametrize("text, verdicts", CASES)
def test_a_claim_up_to_a_constant_is_checked_at_two_points(text, verdicts):
    steps = [s for b in check_notes(text, budget=10.0).blocks for s in b.steps if s.role != "condition"]
    s = steps[-1]
    assert s.verdict in verdicts, (s.reason, s.method)
    if s.verdict == "refuted":  # two points where the difference differs, not a value of the constant
        assert not {"c", "const"} & set(s.counterexample) and ("y'" in s.counterexample or "mu'" in s.counterexample)
