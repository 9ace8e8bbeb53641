"""Items of a list that the sentence above calls equal to one quantity are claims about it
(readers.notes.equivalent_lists); without such words a list of expressions states nothing.  A definition of a
mutual information by entropies is also confirmed as a claim about Shannon's functionals."""
from readers.notes.check import check_notes

_ENTROPY = "The entropy of a discrete random variable is $$H(A) = -\\sum_a p(a) \\log p(a).$$\n\n"
_LIST = ("## Information\n\n" + _ENTROPY + "Let $A$ and $B$ be discrete random variables.\n\n{lead}\n\n"
         "* $H(A) - H(A \\mid B)$;\n* ${second}$.\n")


def _items(lead, second="H(B) - H(B \\mid A)"):
    report = check_notes(_LIST.format(lead=lead, second=second), path="<test>", budget=5.0)
    return [b for b in report.blocks if b.source.startswith("$H")]


def test_items_called_equal_to_a_quantity_are_confirmed_claims():
    first, second = _items("Each of the following is equal to $I(A, B)$:")
    assert first.role == "claim" and first.verdict == "verified", first.steps
    assert second.verdict == "verified", second.steps


def test_the_quantity_may_open_the_sentence():
    first, _ = _items("Also, $I(A, B)$ is equivalent to the following terms:")
    assert first.verdict == "verified", first.steps


def test_a_wrong_item_is_not_refuted_from_the_prose_alone():
    _, second = _items("Each of the following is equal to $I(A, B)$:", "H(B) + H(B \\mid A)")
    assert second.verdict == "undecided", second.steps


def test_without_the_words_a_list_of_expressions_is_no_claim():
    first, _ = _items("We will meet these expressions:")
    assert first.role == "no claim" and not first.steps


def _definition(body):
    text = f"## Information\n\n{_ENTROPY}We define\n\n$$I(A, B) = {body}.$$\n"
    block = [b for b in check_notes(text, path="<test>", budget=5.0).blocks if b.kind == "display"][-1]
    return block


def test_a_definition_of_mutual_information_by_entropies_is_confirmed():
    block = _definition("H(A) + H(B) - H(A, B)")
    assert block.verdict == "verified" and "I(A, B)" in " ".join(block.definitions), block.steps


def test_a_definition_that_disagrees_stays_a_definition():
    block = _definition("H(A) - H(B)")
    assert block.role == "definition" and block.verdict is None, block.steps
