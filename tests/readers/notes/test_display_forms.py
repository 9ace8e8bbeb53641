"""Notes blocks that parse now but whose meaning is not checkable here: ``undecided`` with a reason or no
claim, never a refutation (matrix literals, questions, expressions broken over rows)."""
from readers.notes.check import check_notes


def check(text):
    return check_notes(text, path="<test>", budget=5.0)


def test_a_written_out_matrix_product_is_checked_exactly():
    # by hand: [[2, 1], [2, 3]] [1, 2]^T = [2 + 2, 2 + 6]^T = [4, 8]^T
    def text(result):
        return ("# Eigenvectors\nLet\n\n$$\\mathbf{A} = \\begin{bmatrix} 2 & 1\\\\ 2 & 3 \\end{bmatrix}.$$\n\n"
                "Then\n\n$$\\begin{bmatrix} 2 & 1\\\\ 2 & 3 \\end{bmatrix}\\begin{bmatrix}1 \\\\ 2\\end{bmatrix}"
                f" = \\begin{{bmatrix}}{result}\\end{{bmatrix}}$$\n")

    definition, wrong = check(text("4 \\\\ 9")).blocks
    assert definition.parsed and definition.verdict != "refuted"
    assert wrong.parsed and wrong.verdict == "refuted"  # not read as scalars: a matrix counterexample
    _, right = check(text("4 \\\\ 8")).blocks
    assert right.verdict == "proved"


def test_a_question_is_not_a_claim():
    (block,) = check("# Q\nWhat is\n\n$$\\frac{d}{dx} (x^2 + 1) = \\;?$$\n").blocks
    assert block.parsed and block.verdict is None and not block.steps


def test_a_chain_broken_over_rows_is_checked_whole():
    text = "$$\\begin{aligned} (a + b)^2 &= a^2 + 2ab \\\\ &\\quad + b^2 \\end{aligned}$$"
    (block,) = check(text).blocks
    assert block.verdict == "proved"  # read as two rows, (a + b)^2 = a^2 + 2ab would be refuted


def test_a_congruence_and_a_set_relation_are_not_refuted():
    text = "$$17 \\equiv 2 \\pmod{5}$$\n\n$$A \\cap B \\subseteq A$$\n\n$$\\epsilon \\ll 1$$"
    for block in check(text).blocks:
        assert block.parsed and block.verdict == "undecided", block.source  # 17 = 2 would be refuted


def test_a_claim_failing_only_off_an_implicit_domain_is_not_refuted_when_the_narrower_check_cannot_decide(
        monkeypatch):
    """``|1 - \\eta\\lambda| < 1`` fails for some real values and holds for eta, lambda in (0, 1); when that
    narrower check runs out of time (a budget under load), the claim is undecided, never refuted; a narrower
    check that is undecided for other reasons leaves the refutation (planted mistakes stay caught)."""
    from readers.notes import check as notes_check
    from readers.notes.report import StepReport

    original, calls = notes_check._NotesReader.run, []

    def run(self, step, shown, **kw):
        calls.append(step)
        if len(calls) == 1:
            return original(self, step, shown, **kw)
        return StepReport(**shown, verdict="undecided", method="timeout after 5.0 s", reason="simulated")

    monkeypatch.setattr(notes_check._NotesReader, "run", run)
    (block,) = check("$$|1 - \\eta \\lambda| < 1$$").blocks
    assert len(calls) > 1 and block.verdict == "undecided"
    assert "ran out of budget" in block.steps[0].reason
    monkeypatch.setattr(notes_check._NotesReader, "run", original)
    (block,) = check("$$|1 - \\eta \\lambda| < 1$$").blocks
    assert block.verdict == "undecided"  # "holds where ... in (0, 1)", or "ran out of budget" under load


def test_an_undecided_narrower_check_that_finished_leaves_the_refutation(monkeypatch):
    from readers.notes import check as notes_check
    from readers.notes.report import StepReport

    original, calls = notes_check._NotesReader.run, []

    def run(self, step, shown, **kw):
        calls.append(step)
        if len(calls) == 1:
            return original(self, step, shown, **kw)
        return StepReport(**shown, verdict="undecided", method="no rung decided", reason="simulated")

    monkeypatch.setattr(notes_check._NotesReader, "run", run)
    (block,) = check("$$|1 - \\eta \\lambda| < 1$$").blocks
    assert len(calls) > 1 and block.verdict == "refuted"
