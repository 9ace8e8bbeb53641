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


def test_one_written_name_read_as_a_symbol_and_as_an_entry_refutes_nothing():
    """Mandli's notes up to their first example: the divided difference defined with ``x_0, x_1`` before
    ``\\Delta x``'s definition makes ``x`` a family (``x_k``), so its body's ``x_0`` and the example's ``x[0]`` were
    two values of one written name, and the correct ``[y_0, y_1] = (y_1 - y_0)/(x_1 - x_0)`` was refuted at
    ``x_1 = 3``, ``x[1] = 2``."""
    from pathlib import Path

    path = Path(__file__).parents[2] / "corpus" / "notes" / "mandli_differentiation_quadrature.md"
    text = "\n".join(path.read_text(encoding="utf-8").splitlines()[:90])
    line_89 = [b for b in check_notes(text, path="<test>", budget=5.0).blocks if b.line == 89]
    assert line_89 and line_89[0].verdict != "refuted", line_89
