"""Moments of variables the notes call i.i.d. (readers.notes.iid_moments): made-up notes, wrong claims
refuted at a size and a positive variance, right ones verified, other joint laws left undecided."""
import pytest
import sympy as sp

from readers.notes.check import check_notes


def last(text):
    return check_notes(text, path="<test>", budget=5.0).blocks[-1]


_DRAWS = ("## Repeated draws\n\nLet $Y_1, \\dots, Y_m$ be {law} with mean $\\theta$ and variance $\\tau^2$, and "
          "$S = \\sum_{j=1}^m Y_j$.\n\n$$\n{claim}\n$$\n")


def note(claim, law="i.i.d."):
    return _DRAWS.replace("{claim}", claim).replace("{law}", law)


@pytest.mark.parametrize("claim", [
    "\\operatorname{Var}(S) = m\\tau",
    "\\operatorname{Var}(Y_1 - Y_2) = 0",
    "\\mathbb{E}[S / m] = \\theta / m",
])
def test_wrong_moments_of_iid_draws_are_refuted(claim):
    block = last(note(claim))
    assert block.verdict == "refuted", block.steps
    (step,) = block.steps
    ce = step.counterexample
    assert all(float(sp.Rational(str(ce[k]))) > 0 for k in ce if k in ("tau", "theta", "m"))
    assert ce["lhs"] != ce["rhs"]


def test_the_counterexample_of_a_variance_is_the_exact_variance():
    (step,) = last(note("\\operatorname{Var}(S) = m\\tau")).steps
    ce = step.counterexample
    m, tau = int(ce["m"]), sp.Rational(ce["tau"])
    assert sp.Rational(ce["lhs"]) == m * tau ** 2 and sp.Rational(ce["rhs"]) == m * tau  # independently


@pytest.mark.parametrize("claim", [
    "\\operatorname{Var}(S) = m\\tau^2",
    "\\operatorname{Var}(Y_1 - Y_2) = 2\\tau^2",
    "\\mathbb{E}[S / m] = \\theta",
    "\\operatorname{Var}\\left(\\frac{S}{m}\\right) = \\frac{\\tau^2}{m}",
    "\\operatorname{Cov}(Y_1, S) = \\tau^2",
])
def test_right_moments_of_iid_draws_are_verified(claim):
    block = last(note(claim))
    assert block.verdict == "verified", block.steps
    assert "i.i.d." in block.steps[0].method


@pytest.mark.parametrize("claim, law", [
    ("\\operatorname{Var}(Y_1 - Y_2) = 0", "draws"),  # no joint law stated: they may be equal
    ("\\operatorname{Var}(Y_1 Y_2) = 0", "i.i.d."),  # a product: no linear form
    ("\\operatorname{Var}(S) = m\\kappa", "i.i.d."),  # kappa is tied to nothing
])
def test_other_claims_are_not_refuted(claim, law):
    assert last(note(claim, law)).verdict != "refuted"


def test_two_symbolic_indices_are_not_assumed_distinct():
    # Cov(Y_i, Y_j) = 0 holds only for i != j, which the note does not say
    assert last(note("\\operatorname{Cov}(Y_i, Y_j) = 0")).verdict not in ("verified", "proved", "refuted")


_SAMPLE = ("## Sample variance\n\nLet $Y_1, \\dots, Y_m$ be i.i.d. with mean $\\theta$ and variance $\\tau^2$, and "
           "$\\bar Y = \\frac{1}{m}\\sum_{j=1}^m Y_j$.\n\n$$\n{claim}\n$$\n")


@pytest.mark.parametrize("claim", [
    "\\mathbb{E}\\left[\\frac{1}{m}\\sum_{j=1}^{m}(Y_j - \\bar Y)^2\\right] = \\frac{m-1}{m}\\tau^2",
    "\\mathbb{E}\\left[\\frac{1}{m-1}\\sum_{j=1}^{m}(Y_j - \\bar Y)^2\\right] = \\tau^2",
    "\\mathbb{E}[Y_1 Y_2] = \\theta^2",
    "\\mathbb{E}[Y_1^2] = \\tau^2 + \\theta^2",
])
def test_means_of_quadratic_forms_of_iid_draws_are_verified(claim):
    assert last(_SAMPLE.replace("{claim}", claim)).verdict == "verified"


def test_the_biased_sample_variance_claimed_unbiased_is_refuted_with_its_exact_mean():
    block = last(_SAMPLE.replace("{claim}", "\\mathbb{E}\\left[\\frac{1}{m}\\sum_{j=1}^{m}(Y_j - \\bar Y)^2\\right]"
                                            " = \\tau^2"))
    assert block.verdict == "refuted", block.steps
    ce = block.steps[0].counterexample
    m, tau = int(ce["m"]), sp.Rational(ce["tau"])
    assert sp.Rational(ce["lhs"]) == sp.Rational(m - 1, m) * tau ** 2 and sp.Rational(ce["rhs"]) == tau ** 2


def test_a_second_moment_missing_the_squared_mean_is_refuted():
    assert last(_SAMPLE.replace("{claim}", "\\mathbb{E}[Y_1^2] = \\tau^2")).verdict == "refuted"
