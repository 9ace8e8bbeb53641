"""A row of a block after words that say it restates the row before ("or equivalently", "i.e.") is a claim about
what that row wrote, not prose to pass over (readers.notes.definition_cues.restates_row)."""
from readers.notes.check import check_notes


def _block(second, words="or equivalently", space="\\qquad"):
    text = f"## Growth\n\nWe use\n\n$$g(t) = (t + 1)^2 {space} \\text{{{words}}} {space} g(t) = {second}$$\n"
    (block,) = [b for b in check_notes(text, path="<test>", budget=5.0).blocks if b.kind == "display"]
    return block


def test_a_right_restatement_is_confirmed():
    block = _block("t^2 + 2t + 1")
    assert block.verdict == "proved", block.steps
    assert "g(t)" in " ".join(block.definitions), block.definitions


def test_a_restatement_after_a_wide_space_is_confirmed_too():
    block = _block("t^2 + 2t + 1", space="\\hspace{0.5in}")  # the parser makes it a row of its own
    assert block.verdict == "proved", block.steps


def test_a_wrong_restatement_is_refuted():
    block = _block("t^2 + t + 1", words="i.e.")
    assert block.verdict == "refuted", block.steps


def test_other_words_between_rows_still_state_nothing():
    block = _block("t^2 + t + 1", words="compare with")
    assert block.verdict is None and not block.steps, block.steps
