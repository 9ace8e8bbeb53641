r"""A definition that leaves an index free ("let $\Delta x = \max_i |x_k - x_i|$", k never fixed) substituted into
a claim that never names it: a counterexample that picks the index refutes nothing (Mandli's notes, line 89, was
refuted at k = 0); a wrong line whose counterexample needs no such choice is still refuted."""
from readers.notes.check import check_notes

NOTE = r"""# Spacing

Given $N+1$ points, let $\Delta x = \max_i |x_k - x_i|$.

## Example

$$\frac{y_1 - y_0}{x_1 - x_0} = \frac{y_1 - y_0}{\Delta x}$$

$$\frac{y_1 - y_0}{x_1 - x_0} = \frac{y_0 - y_1}{x_1 - x_0}$$
"""


def test_a_counterexample_that_picks_a_definitions_free_index_refutes_nothing():
    verdicts = {b.line: b.verdict for b in check_notes(NOTE, path="<test>", budget=5.0).blocks if b.role == "claim"}
    assert verdicts[7] == "undecided", verdicts
    assert verdicts[9] == "refuted", verdicts  # no definition in it: a sign slip is still caught
