"""A sample statistic the prose names must be its standard formula (readers.notes.sample_statistics):
made-up notes, the wrong formula refuted on a sample (the counterexample), both conventions left standing."""
import pytest
import sympy as sp

from readers.notes.check import check_notes
from readers.notes.sample_statistics import named_statistic


def last(text):
    return check_notes(text, path="<test>", budget=5.0).blocks[-1]


_SPREAD = ("## Spread of readings\n\nFor readings $z_1, \\dots, z_n$ with average $\\bar z = \\frac1n\\sum_i z_i$ "
           "we report the {word}\n\n$$\n{lhs} = {body}\n$$\n")


def note(word, lhs, body):
    return _SPREAD.replace("{word}", word).replace("{lhs}", lhs).replace("{body}", body)


def test_a_variance_without_the_square_is_refuted_on_a_sample():
    block = last(note("variance", "v^2", "\\frac{1}{n}\\sum_{i=1}^n (z_i - \\bar z)"))
    assert block.verdict == "refuted", block.steps
    (step,) = block.steps
    ce = step.counterexample
    n = ce["n"]
    z = [sp.Rational(ce[f"z_{k}"]) for k in range(1, n + 1)]
    mean = sum(z) / n
    written = sum(zk - mean for zk in z) / n  # the block's formula, independently
    spread = sum((zk - mean) ** 2 for zk in z)
    assert written not in (spread / n, spread / (n - 1))


@pytest.mark.parametrize("word, lhs, body", [
    ("variance", "v^2", "\\frac{1}{n}\\sum_{i=1}^n (z_i - \\bar z)^2"),
    ("unbiased variance", "v^2", "\\frac{1}{n-1}\\sum_{i=1}^n (z_i - \\bar z)^2"),
    ("variance", "v^2", "\\frac{1}{n}\\sum_{i=1}^n z_i^2 - \\bar z^2"),
    ("standard deviation", "v", "\\sqrt{\\frac{1}{n}\\sum_{i=1}^n (z_i - \\bar z)^2}"),
])
def test_the_standard_formulas_stand(word, lhs, body):
    assert last(note(word, lhs, body)).verdict != "refuted"


def test_a_standard_deviation_without_the_root_is_refuted():
    block = last(note("standard deviation", "v", "\\frac{1}{n}\\sum_{i=1}^n (z_i - \\bar z)^2"))
    assert block.verdict == "refuted", block.steps


@pytest.mark.parametrize("word, lhs, body", [
    # the variance of the mean is another statistic: sigma^2 / n, estimated by s^2 / n
    ("variance of the mean", "v^2", "\\frac{1}{n(n-1)}\\sum_{i=1}^n (z_i - \\bar z)^2"),
    # a population mean the notes leave free may be meant
    ("variance", "v^2", "\\frac{1}{n}\\sum_{i=1}^n (z_i - \\mu)^2"),
    # a weighted variance: two indexed names
    ("variance", "v^2", "\\sum_{i=1}^n w_i (z_i - \\bar z)^2"),
    # the mean squared error is no variance
    ("mean squared error", "v^2", "\\frac{1}{n}\\sum_{i=1}^n (z_i - \\bar z)"),
])
def test_other_statistics_are_left_alone(word, lhs, body):
    assert last(note(word, lhs, body)).verdict != "refuted"


def test_the_statistic_named_last():
    assert named_statistic("we use the mean $m$ and the variance") == "variance"
    assert named_statistic("the variance $v$ of the mean") is None
    assert named_statistic("the variance and then the mean") is None
    assert named_statistic("the variance term") is None


@pytest.mark.parametrize("latex, outcome", [
    ("v^2 = \\frac{1}{n-1}\\sum_{i=1}^n (z_i - \\frac{1}{n}\\sum_{j=1}^n z_j)^2", "standard"),
    ("v^2 = \\frac{1}{n}\\sum_{i=1}^n (z_i - \\frac{1}{n}\\sum_{j=1}^n z_j)^2", "standard"),
    ("v^2 = \\frac{1}{n}\\sum_{i=1}^n |z_i - \\frac{1}{n}\\sum_{j=1}^n z_j|", "differs"),
])
def test_the_comparison_runs_on_written_out_means(latex, outcome):
    from readers.latex.parse import parse_block
    from readers.notes.sample_statistics import compare

    lhs, rhs = parse_block(latex).rows[0].chain.exprs
    assert compare("variance", lhs, rhs, []).outcome == outcome


def test_the_variance_of_a_mean_of_independent_terms_is_not_a_sample_variance():
    # Var((1/n) sum X_i) = (1/n^2) sum s_i^2 for independent X_i with variances s_i^2: right, and one sum only
    block = last("## Averaging\n\nFor independent terms with spreads $s_1, \\dots, s_n$ the variance\n\n"
                 "$$\nv^2 = \\frac{1}{n^2}\\sum_{i=1}^n s_i^2\n$$\n")
    assert block.verdict != "refuted"
