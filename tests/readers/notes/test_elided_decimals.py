r"""A decimal whose digits go on (``2.7182\ldots``) states a value to its digits, truncated or rounded: checked
against the other side evaluated by mpmath; a bare ``\log`` is read in bases e, 10 and 2 before a failure counts."""
import mpmath
import pytest

from readers.notes.check import check_notes


def verdicts(text):
    return [b.verdict for b in check_notes(text, path="<test>", budget=5.0).blocks]


def digits(x, places, rounded):
    """x written with ``places`` decimals, truncated or rounded, by mpmath (independent of the checker)."""
    with mpmath.workdps(40):
        scaled = mpmath.mpf(x) * 10**places
        whole = int(mpmath.nint(scaled)) if rounded else int(mpmath.floor(scaled))
    text = str(whole).rjust(places + 1, "0")
    return f"{text[:-places]}.{text[-places:]}"


@pytest.mark.parametrize("rounded", [False, True])
def test_stated_digits_of_a_number_are_confirmed_truncated_or_rounded(rounded):
    root = digits(mpmath.sqrt(3), 6, rounded)
    log = digits(mpmath.log(5), 3, rounded)
    note = f"Then $$\\sqrt{{3}} = {root}\\ldots$$ and $$\\ln 5 = {log}\\dots$$\n"
    assert verdicts(note) == ["verified", "verified"]


def test_wrong_digits_are_refuted_with_the_value():
    wrong = digits(mpmath.sqrt(3) + mpmath.mpf("0.003"), 4, False)  # off in the third decimal
    (block,) = check_notes(f"so $$\\sqrt{{3}} = {wrong}\\ldots$$\n", path="<test>", budget=5.0).blocks
    assert block.verdict == "refuted", block.steps
    (step,) = block.steps
    assert step.counterexample["stated"] == f"{wrong}..."
    assert abs(float(step.counterexample["value"]) - float(mpmath.sqrt(3))) < 1e-4


def test_a_value_right_in_another_log_base_is_ambiguous_not_refuted():
    # 1000 log10(3) = 477.12...; with the natural log it is 1098.6...
    stated = digits(1000 * mpmath.log10(3), 2, False)
    (block,) = check_notes(f"and $$1000 \\log 3 = {stated}\\ldots$$\n", path="<test>", budget=5.0).blocks
    assert block.verdict == "undecided" and "base 10" in block.steps[0].reason, block.steps


def test_an_approximation_with_wrong_digits_is_not_refuted_but_right_ones_are_verified():
    right = digits(mpmath.e ** 2, 3, False)
    assert verdicts(f"$$e^2 \\approx {right}\\ldots$$\n") == ["verified"]
    assert verdicts("$$e^2 \\approx 7.5\\ldots$$\n") == ["undecided"]


def test_digits_at_the_edge_of_the_stated_ones_stay_undecided():
    # 0.999... = 1: one unit of the last stated decimal away, the boundary of the truncated reading
    assert verdicts("$$1 = 0.999\\ldots$$\n") == ["undecided"]
