r"""Plainly false numbers in notes are refuted; numbers that hold in another reading are not.

* ``\approx`` between numbers: refuted when the stated value is off by more than one unit in its last
  significant written digit and by more than 5 % (readers.notes.approximation ``REL``), with both sides shown;
  within those bounds it stays undecided (a limit evaluated at a finite point is often written so).
* an equation (one side a number) that no value inside the stated conditions solves is refuted; one that some
  value there solves is an equation to solve, not a false identity (readers.notes.reading ``never_holds``).
* a ``\log`` written without a base: a step that fails with the natural log but holds in base 2 (bits) or base
  10 is ``undecided (ambiguous)``, never refuted (readers.notes.check ``log_base_reading``).

Every expected value is computed here with mpmath, independently of the checker."""
import mpmath
import pytest

from readers.notes.check import check_notes

BUDGET = 30.0
"""Seconds per claim: far above the second or so these take."""


def _step(latex):
    [block] = check_notes(f"# Numbers\n\n$${latex}$$\n", budget=BUDGET).blocks
    [step] = block.steps
    return block, step


@pytest.mark.parametrize("latex,readings,stated,unit", [
    (r"\log 2 \approx 0.793", [mpmath.log(2, b) for b in (mpmath.e, 2, 10)], "0.793", "0.001"),  # a digit slipped
    (r"e^{-0.5} \approx 0.66", [mpmath.exp(-0.5)], "0.66", "0.01"),       # 0.6065
    (r"\sqrt{3} \approx 1.832", [mpmath.sqrt(3)], "1.832", "0.001"),     # 1.7320
    (r"\frac{1}{1 - 0.9} \approx 12", [mpmath.mpf(10)], "12", "1"),     # a whole number, off by 2 (20 %)
    (r"-\log(0.1) \approx 2.0", [-mpmath.log(0.1, b) for b in (mpmath.e, 2, 10)], "2.0", "0.1"),  # 2.0 has 1 decimal
])
def test_a_number_off_by_more_than_its_digits_and_the_margin_is_refuted_with_both_sides(latex, readings, stated,
                                                                                        unit):
    stated = mpmath.mpf(stated)
    for value in readings:  # off in every reading (each base of a log written without one), independently
        assert abs(value - stated) > max(mpmath.mpf(unit), 0.05 * abs(value))
    block, step = _step(latex)
    assert block.verdict == "refuted" and step.counterexample, step
    assert mpmath.almosteq(mpmath.mpf(step.counterexample["lhs"]), readings[0], 1e-15)
    assert mpmath.mpf(step.counterexample["rhs"]) == stated


@pytest.mark.parametrize("latex", [
    r"\log 2 \approx 0.693",                                      # natural log, 3 decimals
    r"\left(1 - \frac{1}{100}\right)^{100} \approx 0.368",        # 0.36603: within 5 % (the limit 1/e)
    r"2^{10} \approx 1000",                                       # 1024: the zeros are not significant
    r"10! \approx 3598696",                                       # Stirling's value: 0.83 % off
    r"\log 2 \approx 0.301",                                      # base 10
    r"\log 2 = 0.301",                                            # base 10, written with =
    r"-\frac{1}{2}\log\frac{1}{2} - \frac{1}{2}\log\frac{1}{2} = 1",  # one bit: base 2
    r"\log 1000 = 3",                                             # base 10
    r"e^{-20} \approx 10^{-9}",                                   # 2.06e-9: an order of magnitude
])
def test_a_number_that_holds_in_some_reading_is_not_refuted(latex):
    # independently: the readings named in the comments hold
    assert abs(mpmath.log(2, 10) - mpmath.mpf("0.301")) < 0.001
    assert abs((1 - mpmath.mpf(1) / 100) ** 100 - mpmath.mpf("0.368")) < 0.05 * 0.368
    assert abs(mpmath.sqrt(2 * mpmath.pi * 10) * (10 / mpmath.e) ** 10 - 3598696) < 1
    assert mpmath.log(1000, 10) == 3 and -mpmath.log(0.5, 2) == 1
    assert 1 < mpmath.exp(-20) / mpmath.mpf("1e-9") < 10
    block, _ = _step(latex)
    assert block.verdict != "refuted", block.steps


def test_the_ambiguous_log_names_the_base_that_holds():
    _, step = _step(r"-\frac{1}{2}\log\frac{1}{2} - \frac{1}{2}\log\frac{1}{2} = 1")
    assert step.verdict == "undecided" and "base 2" in step.reason and step.reason.startswith("ambiguous")


def test_a_log_with_its_base_written_is_not_read_in_another_base():
    # log_2 2 = 1, so log_2 2 = 0.301 fails, and the base is written: no other reading
    assert mpmath.log(2, 2) == 1
    block, _ = _step(r"\log_2 2 = 0.301")
    assert block.verdict == "refuted"


def test_an_equation_no_value_inside_the_conditions_solves_is_refuted():
    # 1 - eps + K eps/(K - 1) - 1 = eps/(K - 1): zero only at eps = 0, which 0 < eps < 1 excludes
    text = ("# Smoothing\n\nWith $K$ classes and $0 < \\epsilon < 1$ the targets sum to one:\n\n"
            "$$1 - \\epsilon + \\sum_{k=1}^{K} \\frac{\\epsilon}{K - 1} = 1$$\n")
    [block] = [b for b in check_notes(text, budget=BUDGET).blocks if b.kind == "display"]
    [step] = block.steps
    assert block.verdict == "refuted", step
    assert 0 < float(step.counterexample["epsilon"]) < 1


def test_an_equation_solved_inside_the_conditions_stays_an_equation():
    # p (1 - p) = 1/4 holds at p = 1/2, inside 0 < p < 1: an equation to solve, not a false identity
    text = "# Gini\n\nFor $0 < p < 1$:\n\n$$p(1 - p) = \\frac{1}{4}$$\n"
    [block] = [b for b in check_notes(text, budget=BUDGET).blocks if b.kind == "display"]
    assert block.verdict != "refuted", block.steps


def test_an_approximation_whose_digits_go_on_is_refuted_only_far_off():
    # log 2 = 0.6931 (e), 1 (2), 0.3010 (10): 0.793... is off by more than 5 % in each; (1 - 1/100)^100 =
    # 0.36603 is off in its digits from 0.3678... (its limit 1/e) but by 0.5 %
    assert all(abs(mpmath.log(2, b) - mpmath.mpf("0.793")) > 0.05 * mpmath.log(2, b) for b in (mpmath.e, 2, 10))
    assert abs((1 - mpmath.mpf(1) / 100) ** 100 - mpmath.mpf("0.3678")) < 0.05 * 0.366
    block, step = _step(r"\log 2 \approx 0.793\ldots")
    assert block.verdict == "refuted" and step.counterexample["stated"] == "0.793...", step
    block, _ = _step(r"\left(1 - \frac{1}{100}\right)^{100} \approx 0.3678\ldots")
    assert block.verdict == "undecided", block.steps


def test_an_equation_no_real_value_solves_without_any_condition_stays_an_equation():
    # f is redefined in passing (f_c(x) = c + x, then df/dx = 1): read with f = 1/x the row is -1/x^2 = 1, which no
    # real x solves; no stated condition rules the solutions out, so it is a misreading risk, not a refutation
    text = ("# Gates\n\n$$f(x) = \\frac{1}{x} \\rightarrow \\frac{df}{dx} = -1/x^2 \\\\\n"
            "f_c(x) = c + x \\rightarrow \\frac{df}{dx} = 1$$\n")
    blocks = [b for b in check_notes(text, budget=BUDGET).blocks if b.kind == "display"]
    assert blocks and all(b.verdict != "refuted" for b in blocks), [b.steps for b in blocks]
