r"""A closed improper integral that diverges, in notes: refuted when every reading fails, with the two sides' values
(derivations.checker.strategies.divergence)."""
import pytest

from readers.notes.check import check_notes


def _verdicts(claim):
    report = check_notes(f"## Tails\n\n$$ {claim} $$\n", path="<test>", budget=5.0)
    return [st.verdict for b in report.blocks for st in b.steps]


def test_a_two_sided_divergent_integral_set_equal_to_infinity_is_refuted_in_notes():
    assert "refuted" in _verdicts("\\int_{-\\infty}^{\\infty} \\frac{2t}{4+t^2} \\, dt = "
                                  "\\int_2^\\infty \\frac{1}{s} \\, ds")


@pytest.mark.parametrize("claim", [
    "\\int_0^{\\infty} \\frac{t^2}{4+t^2} \\, dt = \\infty",
    "\\int_{-\\infty}^{\\infty} \\frac{1}{4+t^2} \\, dt = \\frac{\\pi}{2}",
    "\\int_{-\\infty}^{\\infty} \\frac{2t}{4+t^2} \\, dt = 0",
])
def test_right_or_ambiguous_closed_integrals_are_not_refuted(claim):
    assert "refuted" not in _verdicts(claim)
