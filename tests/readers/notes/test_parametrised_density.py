r"""A row the prose calls a density, with parameters the notes leave free (:math:`\mu, \sigma`), is refuted when
it integrates far from 1 at every sampled parameter point that satisfies the stated conditions."""
import math

from readers.notes.check import check_notes


def last(text):
    return check_notes(text, path="<test>", budget=5.0).blocks[-1]


_INTRO = "The density of a normal variable with mean $\\mu$ and variance $\\sigma^2$ (with $\\sigma > 0$) is\n\n"


def test_a_gaussian_with_sigma_not_squared_under_the_root_is_refuted_at_a_stated_sigma():
    block = last(_INTRO + "$$p(x) = \\frac{1}{\\sqrt{2\\pi\\sigma}} \\exp\\left(-\\frac{(x-\\mu)^2}{2\\sigma^2}\\right)$$")
    assert block.verdict == "refuted", block.steps
    witness = block.steps[0].counterexample
    sigma = float(witness["sigma"])
    assert sigma > 0  # the stated condition
    # the integral of the stated row is sqrt(2 pi) sigma / sqrt(2 pi sigma) = sqrt(sigma); quadrature to 1e-6
    assert math.isclose(float(witness["computed"]), math.sqrt(sigma), rel_tol=1e-6)


def test_the_right_gaussian_density_is_not_refuted():
    for row in ("\\frac{1}{\\sqrt{2\\pi\\sigma^2}} \\exp\\left(-\\frac{(x-\\mu)^2}{2\\sigma^2}\\right)",
                "\\frac{1}{\\sigma\\sqrt{2\\pi}} e^{-(x-\\mu)^2/(2\\sigma^2)}"):
        assert last(_INTRO + f"$$p(x) = {row}$$").verdict != "refuted"


def test_a_parameter_that_is_only_a_factor_may_be_the_normaliser():
    assert last("The density is $$p(x) = c\\, e^{-x^2}$$").verdict != "refuted"


def test_a_cauchy_density_without_its_one_over_pi_is_refuted_and_the_right_one_is_not():
    intro = "The Cauchy density with width $s > 0$ is\n\n"
    block = last(intro + "$$p(x) = \\frac{s}{x^2 + s^2}$$")
    assert block.verdict == "refuted", block.steps
    assert math.isclose(float(block.steps[0].counterexample["computed"]), math.pi, rel_tol=1e-6)  # for any s
    assert last(intro + "$$p(x) = \\frac{1}{\\pi}\\frac{s}{x^2 + s^2}$$").verdict != "refuted"


def test_a_half_line_density_is_not_refuted_on_the_whole_line():
    # (1/b) e^{-|x|/b} is the exponential density on [0, oo): the notes may mean that support
    assert last("The density with width $b > 0$ is\n\n$$p(x) = \\frac{1}{b} e^{-|x|/b}$$").verdict != "refuted"
