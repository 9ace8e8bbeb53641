r"""KL divergences between named laws are claims checked against their closed forms
(readers.notes.law_divergences): swapped arguments are refuted at a point of the laws' parameter domains."""
import math

import sympy as sp

from readers.notes.check import check_notes


def last(text):
    return check_notes(text, path="<test>", budget=5.0).blocks[-1]


def _kl_normal(m1, v1, m2, v2):
    return 0.5 * (math.log(v2 / v1) + (v1 + (m1 - m2) ** 2) / v2 - 1)


_VAE = "\\frac{1}{2}\\left(\\mu^2 + \\sigma^2 - 1 - \\log\\sigma^2\\right)"


def test_the_vae_regulariser_is_proved_without_a_heading_naming_it():
    text = "The KL term of a VAE is\n\n$$D_{\\mathrm{KL}}(\\mathcal{N}(\\mu,\\sigma^2)\\|\\mathcal{N}(0,1)) = " + _VAE + "$$"
    assert last(text).verdict == "proved"


def test_the_vae_regulariser_with_its_arguments_swapped_is_refuted_at_a_real_failure():
    text = "Other way round:\n\n$$D_{\\mathrm{KL}}(\\mathcal{N}(0,1)\\|\\mathcal{N}(\\mu,\\sigma^2)) = " + _VAE + "$$"
    block = last(text)
    assert block.verdict == "refuted", block.steps
    w = block.steps[0].counterexample
    mu, sigma = float(sp.Rational(w["mu"])), float(sp.Rational(w["sigma"]))  # exact values ("1/2") or decimals
    assert sigma > 0
    stated = 0.5 * (mu ** 2 + sigma ** 2 - 1 - math.log(sigma ** 2))
    assert abs(_kl_normal(0, 1, mu, sigma ** 2) - stated) > 1e-3  # independent of the checker: a real gap


def test_a_bernoulli_divergence_with_swapped_arguments_is_refuted_inside_the_unit_interval():
    text = ("For $0 < a < 1$ and $0 < b < 1$,\n\n$$D_{\\mathrm{KL}}(\\mathrm{Ber}(a)\\,\\|\\,\\mathrm{Ber}(b)) = "
            "b\\log\\frac{b}{a} + (1-b)\\log\\frac{1-b}{1-a}$$")
    block = last(text)
    assert block.verdict == "refuted", block.steps
    w = block.steps[0].counterexample
    a, b = float(w["a"]), float(w["b"])
    assert 0 < a < 1 and 0 < b < 1


def test_the_right_bernoulli_divergence_is_proved():
    text = "$$D_{\\mathrm{KL}}(\\mathrm{Ber}(a)\\|\\mathrm{Ber}(b)) = a\\log\\frac{a}{b} + (1-a)\\log\\frac{1-a}{1-b}$$"
    assert last(text).verdict == "proved"


def test_a_normal_law_with_an_unsquared_second_argument_is_never_refuted():
    # N(m, s) may mean the standard deviation s: the variance reading's failure refutes nothing
    text = "$$D_{\\mathrm{KL}}(\\mathcal{N}(m, s)\\|\\mathcal{N}(0, 1)) = \\frac{1}{2}(m^2 + s^2 - 1 - \\log s^2)$$"
    assert last(text).verdict != "refuted"


def test_the_general_gaussian_divergence_uses_positive_standard_deviations():
    text = ("$$D_{\\mathrm{KL}}(\\mathcal{N}(\\mu_1,\\sigma_1^2)\\|\\mathcal{N}(\\mu_2,\\sigma_2^2)) = \\log\\frac{\\sigma_2}"
            "{\\sigma_1} + \\frac{\\sigma_1^2 + (\\mu_1-\\mu_2)^2}{2\\sigma_2^2} - \\frac{1}{2}$$")
    assert last(text).verdict == "proved"
