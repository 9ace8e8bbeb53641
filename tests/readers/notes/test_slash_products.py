"""A slash before a product (readers.notes.slash_products): ``1/6(1+...+6) = 3.5`` is the mean of a die roll read
with the slash binding first, and wrong read as 1/(6 * 21); a block is refuted only where both readings fail and
confirmed only where neither does.  (labbe_kalman_gaussians.md line 106 was refuted at 1/126 = 7/2.)"""
from tests.readers.notes.checked import checked_blocks


def _verdict(claim):
    (block,) = checked_blocks(f"# Die\n\nHence\n$${claim}$$\n")
    return block.verdict, " ".join(s.reason for s in block.steps)


def test_a_slash_before_a_parenthesis_that_holds_read_left_to_right_is_not_refuted():
    verdict, reason = _verdict("1/6(1+2+3+4+5+6) = 3.5")  # (1/6) * 21
    assert verdict == "undecided" and "ambiguous" in reason


def test_a_block_wrong_in_both_readings_is_still_refuted():
    verdict, _ = _verdict("1/6(1+2+3+4+5+6) = 3.6")  # 3.5 one way, 1/126 the other
    assert verdict == "refuted"


def test_a_block_that_holds_in_one_reading_only_is_not_confirmed():
    verdict, reason = _verdict("1/2(4) = 0.125")  # 1/(2 * 4) holds, (1/2) * 4 = 2 does not
    assert verdict == "undecided" and "ambiguous" in reason


def test_a_fraction_written_out_is_one_reading():
    verdict, _ = _verdict(r"\frac{1}{6}(1+2+3+4+5+6) = 3.5")
    assert verdict == "proved"
