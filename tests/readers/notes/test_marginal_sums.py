r"""``\sum_{A} P(A, B)``: a sum written without its range over a random variable of ``P`` is the sum over that
variable's values (readers.notes.probability), so the sum rule is checked, and a wrong one fails."""
from readers.notes.check import check_notes


def last(latex):
    text = f"## Marginalization\n\nSumming the joint over every value of one variable:\n\n$$ {latex} $$\n"
    return check_notes(text, path="<test>").blocks[-1]


def test_the_sum_rule_holds():
    block = last(r"P(Y) = \sum_{X} P(X, Y)")
    assert block.verdict in ("proved", "verified"), block.steps


def test_the_sum_rule_through_the_product_rule_holds():
    block = last(r"P(Y) = \sum_{X} P(Y \mid X) P(X)")
    assert block.verdict in ("proved", "verified"), block.steps


def test_summing_the_conditional_over_its_own_variable_is_not_the_marginal():
    # sum_X P(X | Y) = 1, not P(Y): with P(Y = 0) = 1/3 the sides are 1 and 1/3 (by hand)
    block = last(r"P(Y) = \sum_{X} P(X \mid Y)")
    assert block.verdict not in ("proved", "verified"), block.steps
