"""``P(A), P(B) \\le P(C)``: two left sides of one chain, each a claim (readers.notes.shared_chains)."""
from readers.latex.parse import parse_block
from readers.notes.check import check_notes
from readers.notes.shared_chains import split_shared_chains

_ENTROPY = "The entropy is $$H(A) = -\\sum_a p(a) \\log p(a).$$\n\n"


def _chains(latex):
    rows = list(split_shared_chains(parse_block(latex, functions=("f",)).rows))
    return [(tuple(map(str, r.chain.exprs)), r.chain.rels) for r in rows]


def test_two_applications_share_the_chain():
    assert _chains(r"f(a), f(b) \le f(c) < 2") == [(("f(a)", "f(c)", "2"), ("<=", "<")), (("f(b)", "f(c)"), ("<=",))]


def test_a_formula_under_a_condition_on_a_name_is_kept():
    assert _chains(r"f(a), a > 0") == [(("f(a)",), ())]


def test_entropy_bounds_on_a_pair_are_confirmed():
    text = f"## Joint entropy\n\n{_ENTROPY}We always have\n\n$$H(A), H(B) \\le H(A, B) \\le H(A) + H(B).$$\n"
    block = [b for b in check_notes(text, path="<test>", budget=5.0).blocks if b.kind == "display"][-1]
    assert block.verdict == "verified" and len(block.steps) == 3, block.steps


def test_a_wrong_bound_of_either_is_not_confirmed():
    text = f"## Joint entropy\n\n{_ENTROPY}We always have\n\n$$H(A), H(B) \\ge H(A, B).$$\n"
    block = [b for b in check_notes(text, path="<test>", budget=5.0).blocks if b.kind == "display"][-1]
    assert block.verdict not in ("proved", "verified"), block.steps
