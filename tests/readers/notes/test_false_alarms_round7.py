"""Classes of correct blocks refuted on the round-7 sources (d2l's convexity, gradient descent and BPTT chapters;
tests/corpus/notes/FALSE_ALARMS.md), each with a hand-written example unlike the corpus block that revealed it,
and a wrong block the fix still refutes."""
from readers.notes.check import check_notes
from readers.notes.witnesses import witness_names
from tests.readers.notes.checked import checked_blocks

TAYLOR = ("# Remainder\n\nLet $g(t) = t^3$. Taylor's theorem with the Lagrange remainder gives\n\n"
          "$$g(1 + h) = g(1) + 3h + 3 \\xi h^2 \\text{ for some } \\xi \\in [1, 1 + h].$$\n\n"
          "Subtracting the linear part,\n\n$$g(1 + h) - g(1) - 3h = 3 \\xi h^2.$$\n\n"
          "but not\n\n$$g(1 + h) = g(1) + 3h.$$\n\n# Elsewhere\n\n$$(\\xi + 1)^2 = \\xi^2 + 1$$\n")


def _verdicts(text):
    return [b.verdict for b in checked_blocks(text)]


def test_a_name_bound_for_some_inside_the_block_makes_the_claim_existential():
    # xi = 1 + h/3 lies in [1, 1 + h] and makes the remainder exact; at xi = 1 the equation fails, which refutes
    # nothing (it was refuted when only the prose around a block could say "for some").  Since confirm7 the
    # witness is shown to exist (a sign change of the difference between the bounds, at sampled h): verified
    remainder, *_ = check_notes(TAYLOR, path="<test>", budget=5.0).blocks[1:]
    assert remainder.verdict == "verified", remainder.steps
    assert "for some" in remainder.steps[0].method


def test_a_witness_stays_a_witness_in_the_next_steps_of_the_argument_and_not_after_the_heading():
    remainder, step, wrong, elsewhere = _verdicts(TAYLOR)
    assert remainder == "verified"
    assert step == "undecided"  # 3 xi h^2 with the xi chosen above, not every xi
    assert wrong == "refuted"  # no witness: still checked for every h
    assert elsewhere == "refuted"  # a new heading: xi is a plain variable again


def test_the_names_a_quantifier_binds():
    assert witness_names(r"f(b) - f(x) = (b-x) f'(\beta) \text{ for some } \beta \in [x, b]") == {"beta"}
    assert witness_names(r"\exists \xi_k : f'(\xi_k) = 0") == {"xi"}
    assert witness_names(r"f(x) \ge 0 \text{ for all } x") == set()


def test_a_name_written_whole_and_by_its_entries_is_not_two_unrelated_numbers():
    # |k| = k_1 + ... + k_d for a multi-index k (Math4ML writes |\alpha| = \sum_i \alpha_i): read with k and k_i
    # independent it fails everywhere; it is the order of the multi-index
    *_, order = _verdicts("For a multi-index $k \\in \\mathbb{N}^d$ we write\n\n$$|k| = \\sum_{i=1}^d k_i$$\n")
    assert order == "undecided"
    # a derivative with respect to an entry still reads (d s_i / d z_j), and a wrong one is still refuted
    text = ("We write $s = \\mathrm{softmax}(z)$.\n\n$$\\frac{\\partial s_i}{\\partial z_j} = "
            "s_i (\\delta_{ij} + s_j)$$\n")
    assert _verdicts(text)[-1] == "refuted"
