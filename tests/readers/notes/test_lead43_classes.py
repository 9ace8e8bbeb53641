r"""A sum with no stated range runs over the count the claim names (readers.notes.unstated_counts).

``\frac{1}{n}\sum_i x_i`` is the mean of ``n`` numbers.  Read with the placeholder size ``N`` free beside a real
``n``, Jensen's inequality $\log \frac{1}{n}\sum_i e^{x_i} \ge \frac{1}{n}\sum_i x_i$, the bound
$(\sum_i x_i)^2 \le n \sum_i x_i^2$ and $\sum_i 1 = n$ were each *refuted* (at ``n = 1/2``, ``N = 2``): correct
lines of anyone's notes.  Wrong variants written the same way must stay refuted, at a point with ``N = n``.
"""
from tests.readers.notes.checked import HOLDS, assert_block_verdicts, checked_blocks

RIGHT = ("# Means\n\nJensen: $\\log \\frac{1}{n}\\sum_i e^{x_i} \\ge \\frac{1}{n}\\sum_i x_i$.\n\n"
         "Cauchy-Schwarz: $\\left(\\sum_i x_i\\right)^2 \\le n \\sum_i x_i^2$.\n\n"
         "Counting: $\\sum_i 1 = n$.\n")
WRONG = ("# Means\n\nJensen: $\\log \\frac{1}{n}\\sum_i e^{x_i} \\le \\frac{1}{n}\\sum_i x_i$.\n\n"
         "Counting: $\\sum_i 1 = n - 1$.\n")


def test_a_sum_without_a_range_runs_over_the_claims_count():
    blocks = checked_blocks(RIGHT)
    assert_block_verdicts(blocks, [HOLDS, HOLDS, ("proved", "verified")])
    assert any("runs over n terms" in a for a in blocks[2].steps[0].assumptions)


def test_wrong_lines_written_the_same_way_stay_refuted_with_the_count_bound():
    blocks = checked_blocks(WRONG)
    witnesses = assert_block_verdicts(blocks, ["refuted", "refuted"])
    assert all("n" not in w or str(w["n"]).isdigit() for w in witnesses), witnesses


ENTROPY = ("# Entropy\n\nBound: $\\sum_{k=1}^K p_k \\log\\frac{1}{p_k} \\le \\log K$.\n\n"
           "Wrong Gibbs: $\\sum_{k=1}^K p_k \\log\\frac{p_k}{q_k} \\le 0$.\n")


def test_entropy_bounds_are_not_refuted_off_the_simplex_the_notes_leave_unsaid():
    """p_k inside a log: a probability vector the notes may leave unsaid.  The entropy bound fails only for p_k
    that do not sum to one (was refuted at p = (1/2, 1/e)); the reversed Gibbs inequality fails on the simplex too,
    and its counterexample lies there (entries >= 0 summing to 1, within the 50-digit sampling)."""
    blocks = checked_blocks(ENTROPY)
    witnesses = assert_block_verdicts(blocks, [HOLDS, "refuted"])
    reason = blocks[0].steps[0].reason
    assert "probability vector" in reason or "Sum(p[k], (k, 1, K)), 1)" in reason \
        or blocks[0].verdict in ("proved", "verified")  # holds on the simplex (where the sum of p is 1)
    p = [float(v) for k, v in witnesses[0].items() if k.startswith("p[")]
    assert min(p) >= 0 and abs(sum(p) - 1) < 1e-12, witnesses[0]


def test_an_event_letter_is_no_count():
    """``B`` in ``P(A, B)`` is an event, not the number of terms of ``\\sum_A``: the marginal stays confirmed (the
    count reading took it for the size and left the claim undecided)."""
    blocks = checked_blocks("# Marginals\n\n$$P(B) = \\sum_{A} P(A, B),$$\n")
    assert_block_verdicts(blocks, [("proved", "verified")])
    assert not any("terms" in a for s in blocks[0].steps for a in s.assumptions)
