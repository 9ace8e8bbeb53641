"""Notes blocks that parse now but whose meaning is not checkable here: ``undecided`` with a reason or no
claim, never a refutation (matrix literals, questions, expressions broken over rows)."""
from readers.notes.check import check_notes


def check(text):
    return check_notes(text, path="<test>", budget=5.0)


def test_a_matrix_literal_claim_is_undecided_with_its_reason():
    text = ("# Eigenvectors\nLet\n\n$$\\mathbf{A} = \\begin{bmatrix} 2 & 1\\\\ 2 & 3 \\end{bmatrix}.$$\n\n"
            "Then\n\n$$\\begin{bmatrix} 2 & 1\\\\ 2 & 3 \\end{bmatrix}\\begin{bmatrix}1 \\\\ 2\\end{bmatrix}"
            " = \\begin{bmatrix}4 \\\\ 9\\end{bmatrix}$$\n")
    definition, claim = check(text).blocks
    assert definition.parsed and definition.verdict != "refuted"
    assert claim.parsed and claim.verdict == "undecided"  # [2+2, 2+6] = [4, 8]: wrong, but not read as scalars
    assert any("matrix" in (s.reason or "") for s in claim.steps)


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
