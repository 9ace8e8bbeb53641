r"""Entropies against expectations written over the mass functions (readers.notes.mass_expectations): ``E_x E_y``
over ``p_{X, Y}(x, y)`` is read with the outcomes drawn jointly and from the marginals; a claim failing in both
readings is refuted with the joint law as counterexample, one failing in one reading only is ambiguous.

The counterexample's law is checked here by hand with numpy (mutual information from its definition)."""
import re

import numpy as np

from readers.notes.check import check_notes

TOLERANCE = 1e-6
"""The two sides differ by about 1e-2 on the laws drawn (9 outcomes, weights 1..9); printed to 12 digits."""

_INTRO = "# Mutual information\n\nThe mutual information is\n\n$$I(X, Y) = H(X) + H(Y) - H(X, Y).$$\n\n"


def block_of(text, latex):
    (block,) = [b for b in check_notes(text, path="<test>", budget=5.0).blocks if latex in b.source]
    return block


def _law(counterexample):
    p = np.zeros((3, 3))
    for key, value in counterexample.items():
        found = re.fullmatch(r"P\(X=(\d), Y=(\d)\)", key)
        if found:
            numerator, _, denominator = value.partition("/")
            p[int(found.group(1)), int(found.group(2))] = float(numerator) / float(denominator or 1)
    return p


def test_the_mutual_information_with_an_extra_mass_factor_is_refuted_with_its_law():
    wrong = ("$$I(X, Y) = E_{x} E_{y} \\left\\{ p_{X, Y}(x, y) \\log\\frac{p_{X, Y}(x, y)}{p_X(x) p_Y(y)} "
             "\\right\\}.$$")
    block = block_of(_INTRO + wrong + "\n", "left")
    assert block.verdict == "refuted"
    (step,) = block.steps
    p = _law(step.counterexample)
    assert abs(p.sum() - 1) < TOLERANCE
    px, py = p.sum(axis=1), p.sum(axis=0)
    ratio = np.log(p / np.outer(px, py))
    mutual = (p * ratio).sum()
    joint_reading = (p * p * ratio).sum()
    marginal_reading = (np.outer(px, py) * p * ratio).sum()
    assert abs(mutual - joint_reading) > TOLERANCE and abs(mutual - marginal_reading) > TOLERANCE


def test_the_expected_log_ratio_holds_only_with_the_outcomes_drawn_jointly_so_it_is_ambiguous():
    claim = "$$I(X, Y) = E_{x} E_{y} \\left\\{ \\log\\frac{p_{X, Y}(x, y)}{p_X(x) p_Y(y)} \\right\\}.$$"
    block = block_of(_INTRO + claim + "\n", "left")
    assert block.verdict == "undecided"
    assert "ambiguous" in block.steps[0].reason


def test_entropies_as_expectations_of_one_outcome_are_verified_and_a_sign_slip_refuted():
    right = "$$I(X, Y) = -H(X, Y) - E_x[\\log p_X(x)] - E_y[\\log p_Y(y)].$$"
    assert block_of(_INTRO + right + "\n", "-H(X, Y)").verdict == "verified"
    slip = "$$I(X, Y) = H(X, Y) + E_x[\\log p_X(x)] + E_y[\\log p_Y(y)].$$"
    assert block_of(_INTRO + slip + "\n", "= H(X, Y) +").verdict == "refuted"
