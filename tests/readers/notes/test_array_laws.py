r"""Moment claims whose other side writes the law out as arrays (``\mathbb{E}[X] = \sum_i x_i p_i``): the arrays
are the distribution of the random variables, so such a claim is decided over that law
(readers.notes.array_laws), and a condition on the means (``$\mu_X = \mu_Y = 0$``) holds at every point sampled.

Each counterexample is checked here by hand with numpy: the law it names, its means, and both sides."""
from fractions import Fraction

import numpy as np

from readers.notes.check import check_notes

TOLERANCE = 1e-9
"""The counterexamples are printed to 17 digits; means and sides of size at most ~100 agree to far better than this."""


def check(text):
    return check_notes(text, path="<test>", budget=5.0)


def block_of(text, latex):
    (block,) = [b for b in check(text).blocks if latex in b.source]
    return block


_ONE = "Suppose that $X$ takes the values $x_i$ with probabilities $p_i$.\n\n"
_TWO = "Let the pair $(X, Y)$ take the values $(x_i, y_j)$ with probabilities $p_{ij}$.\n\n"


def test_a_mean_written_over_the_arrays_is_confirmed():
    assert block_of(_ONE + "$$E[X] = \\sum_i p_i x_i$$\n", "E[X]").verdict in ("proved", "verified")


def test_a_second_moment_with_the_weight_squared_is_refuted_with_a_law():
    block = block_of(_ONE + "$$E[X^2] = \\sum_i x_i^2 p_i^2$$\n", "E[X^2]")
    assert block.verdict == "refuted"
    (step,) = block.steps
    point = {k: float(Fraction(v.split()[0])) for k, v in step.counterexample.items()}  # exact values: '1/3'
    u = np.array([point[f"u_{k}"] for k in (1, 2, 3)])
    x = np.array([point[f"x{k}"] for k in (1, 2, 3)])
    p = u / u.sum()
    assert abs((p * x**2).sum() - (p**2 * x**2).sum()) > TOLERANCE


def test_a_covariance_over_a_joint_table_is_confirmed():
    claim = "$$\\mathrm{Cov}(X, Y) = \\sum_{i, j} (x_i - \\mu_X)(y_j - \\mu_Y) p_{ij}$$"
    assert block_of(_TWO + claim + "\n", "Cov").verdict in ("proved", "verified")


def _table(point):
    u = np.array([[point[f"u_{i}{j}"] for j in (1, 2, 3)] for i in (1, 2, 3)])
    x = np.array([point[f"x{k}"] for k in (1, 2, 3)])
    y = np.array([point[f"y{k}"] for k in (1, 2, 3)])
    return u / u.sum(), x, y


def test_with_zero_means_assumed_the_right_formula_holds_and_the_index_slip_is_refuted_at_zero_means():
    intro = _TWO + "Assuming that $\\mu_X = \\mu_Y = 0$, we see that this is\n\n"
    right = "$$\\mathrm{Cov}(X, Y) = \\sum_{i, j} x_i y_j p_{ij}$$"
    assert block_of(intro + right + "\n", "Cov").verdict in ("proved", "verified")
    slip = "$$\\mathrm{Cov}(X, Y) = \\sum_{i, j} x_i y_i p_{ij}$$"
    block = block_of(intro + slip + "\n", "Cov")
    assert block.verdict == "refuted"
    (step,) = block.steps
    p, x, y = _table({k: float(v.split()[0]) for k, v in step.counterexample.items()})
    mean_x, mean_y = (p.sum(axis=1) * x).sum(), (p.sum(axis=0) * y).sum()
    assert abs(mean_x) < TOLERANCE and abs(mean_y) < TOLERANCE  # the counterexample satisfies the condition
    covariance = (p * np.outer(x, y)).sum()
    slipped = (p * (x * y)[:, None]).sum()
    assert abs(covariance - slipped) > TOLERANCE


def test_without_the_condition_the_zero_mean_formula_is_not_confirmed():
    right = "$$\\mathrm{Cov}(X, Y) = \\sum_{i, j} x_i y_j p_{ij}$$"
    assert block_of(_TWO + right + "\n", "Cov").verdict not in ("proved", "verified")


def test_a_name_other_than_the_law_keeps_a_failure_undecided():
    # sigma may be a parameter of the law the notes mean: no refutation
    block = block_of(_ONE + "$$E[X] = \\sum_i x_i p_i + \\sigma$$\n", "E[X]")
    assert block.verdict != "refuted"


def test_a_mean_condition_the_random_distribution_does_not_meet_leaves_a_failure_undecided():
    # Var(X) = E[X^2] holds when mu_X = 0; the moments' random distribution (no arrays) is not made to meet it
    note = "Assume that $\\mu_X = 0$. Then\n\n$$\\mathrm{Var}(X) = E[X^2] + \\mu_X.$$\n"
    assert block_of(note, "Var").verdict != "refuted"
