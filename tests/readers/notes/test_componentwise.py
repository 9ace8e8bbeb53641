"""A function of a vector written through its components, applied to a vector plus a plain name
(readers.notes.componentwise): made-up notes; a claim that fails with the name as a scalar (broadcast) and as
a vector is refuted, one that holds in the only well-typed reading is verified, a split is undecided."""
import mpmath
import pytest
import sympy as sp

from readers.notes.check import check_notes


def last(text):
    return check_notes(text, path="<test>", budget=5.0).blocks[-1]


_NOTE = ("## Shifted scores\n\nWe define $q(\\mathbf{u}) = {body}$ for a score vector.\n\n"
         "Then $${claim}$$\n")


def note(body, claim):
    return _NOTE.replace("{body}", body).replace("{claim}", claim)


_LSE = "\\log \\sum_k e^{u_k}"


def test_a_shift_claimed_to_leave_log_sum_exp_unchanged_is_refuted():
    block = last(note(_LSE, "q(\\mathbf{u} + t) = q(\\mathbf{u})"))
    assert block.verdict == "refuted", block.steps
    (step,) = block.steps
    ce = step.counterexample
    t = sp.Rational(ce["t"])
    u = [sp.Rational(x) for x in ce["\\mathbf{u}"].strip("()").split(",")]
    # independently: log sum exp(u + t) = log sum exp(u) + t, which differs from log sum exp(u) when t != 0
    lhs = mpmath.log(sum(mpmath.exp(mpmath.mpf(x + t)) for x in u))
    rhs = mpmath.log(sum(mpmath.exp(mpmath.mpf(x)) for x in u))
    assert t != 0 and abs(lhs - rhs) > 1e-6


def test_the_shift_rule_of_log_sum_exp_is_verified():
    block = last(note(_LSE, "q(\\mathbf{u} + t) = q(\\mathbf{u}) + t"))
    assert block.verdict == "verified", block.steps


def test_a_claim_true_for_a_scalar_and_false_for_a_vector_is_undecided():
    # the sum of squared differences of components is unchanged by a scalar shift, not by a vector one
    block = last(note("\\sum_j \\sum_k (u_j - u_k)^2", "q(\\mathbf{u} + t) = q(\\mathbf{u})"))
    assert block.verdict == "undecided" and "ambiguous" in block.steps[0].reason, block.steps


def test_a_constant_vector_is_its_constant_in_every_component():
    block = last(note("\\sum_k u_k", "q(\\mathbf{u} + t\\mathbf{1}) = q(\\mathbf{u}) + q(t\\mathbf{1})"))
    assert block.verdict == "verified", block.steps


@pytest.mark.parametrize("claim", [
    "q(\\mathbf{u} + t) = q(\\mathbf{u}) + \\mathbf{u}",   # a bare vector: vector-valued
    "q(\\mathbf{u} \\odot \\mathbf{u}) = q(\\mathbf{u})",  # a product of vectors inside
])
def test_other_claims_are_left_to_the_other_readings(claim):
    assert last(note(_LSE, claim)).verdict != "refuted"
