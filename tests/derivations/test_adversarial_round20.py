"""Wrong verdicts that heldout_round20.jsonl and its probes (adversarial round 20 of the step checker, branch
adversary42) found, by class, each with claims unlike the one that revealed it."""
from derivations.checker.strategies.tail import large_size_refutation
from readers.claim import claim_step

TAIL_BUDGET = 20.0
"""CPU seconds for the tail alone, far above need (about 1 s on a quiet machine): only the verdict is asserted."""

# A sum with no closed form over an integer size n was checked at the concrete sizes only (2..12, 20, 37, 64, ...):
# a sum of cos(2 pi k j/n) is n where n divides k and 0 elsewhere, so a claim that forgets the divisors of k was
# verified (sum_{j<n} cos(34 pi j/n) = 0 fails at n = 17 alone).  The sizes between the concrete ones are now screened
# for such sums too, term by term.
ORTHOGONALITY = "sum(sin(42*pi*j/n)**2, j, 0, n - 1)"
"""n/2 unless n divides 42, where every term is 0: for n >= 8 it fails at n = 14, 21, 42, none of them concrete."""


def test_a_termwise_sum_failing_between_the_concrete_sizes_is_refuted():
    verdict = large_size_refutation(claim_step(ORTHOGONALITY, "==", "n/2", ["n=integer", "n >= 8"]), TAIL_BUDGET)
    assert verdict is not None and verdict.kind == "refuted", verdict
    assert verdict.counterexample["n"] == "14" and verdict.counterexample["lhs"] == "0", verdict.counterexample


def test_the_termwise_screen_does_not_refute_a_true_sum():
    # the ladder gives the tail 2 s at a budget of 10; the screen of sizes 43..256 takes a fraction of 1 s, and the
    # sizes 2^11 and beyond, added term by term exactly, would take minutes
    assert large_size_refutation(claim_step(ORTHOGONALITY, "==", "n/2", ["n=integer", "n >= 43"]), 1.0) is None
