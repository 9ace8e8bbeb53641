r"""Entry notation under the Einstein summation convention (readers.notes.entry_identities with
readers.notes.einstein): where the notes state the convention, ``\mathbf{x}^\top A \mathbf{x} = x_i a_{ij} x_j`` and
``\mathbf{A}\mathbf{v} = a_{ij} v_j`` are checked with the repeated indices summed, on random integer matrices;
without the statement, or when the summed reading fails, nothing is confirmed (and nothing refuted)."""
from __future__ import annotations

import pytest

from readers.notes.check import check_notes

STATED = "We use Einstein notation: the sum is taken over repeated indices.\n\n"
DECLARED = r"Let $\mathbf{x}$ be a column vector and $A$ a square matrix." + "\n\n"

RIGHT = [
    r"\mathbf{x}^\top A \mathbf{x} = x_ia_{ij}x_j",
    r"\mathbf{A}\mathbf{v} = a_{ij}v_j",
    r"\mathbf{u}^\top\mathbf{B}\mathbf{w} = u_k b_{kl} w_l",
    r"\mathbf{A}\mathbf{B} = a_{ik}b_{kj}",
]
WRONG = [
    r"\mathbf{x}^\top A \mathbf{x} = x_ja_{ij}x_j",
    r"\mathbf{A}\mathbf{v} = a_{ji}v_j",
    r"\mathbf{A}\mathbf{B} = a_{kj}b_{ik}",
]


def _verdicts(claim: str, stated: bool):
    text = f"# Entries\n\n{STATED if stated else ''}{DECLARED}$${claim}$$\n"
    return [b.verdict for b in check_notes(text, path="einstein.md").blocks if b.steps]


@pytest.mark.parametrize("claim", RIGHT)
def test_a_right_claim_in_einstein_notation_is_verified_where_the_notes_state_it(claim):
    assert _verdicts(claim, stated=True) == ["verified"]


@pytest.mark.parametrize("claim", RIGHT)
def test_without_the_convention_stated_it_is_not_confirmed(claim):
    assert all(v not in ("proved", "verified", "refuted") for v in _verdicts(claim, stated=False))


@pytest.mark.parametrize("claim", WRONG)
def test_a_wrong_claim_in_einstein_notation_is_neither_confirmed_nor_refuted(claim):
    assert all(v not in ("proved", "verified", "refuted") for v in _verdicts(claim, stated=True))


DERIVATIVES = [
    (r"\frac{d}{dx_k}x_ia_{ij}x_j = a_{kj}x_j + x_ia_{ik}", "verified"),
    (r"\left[\frac{d}{d\mathbf{x}}(\mathbf{x}^\top A \mathbf{x})\right]_k = \frac{d}{dx_k}x_ia_{ij}x_j", "verified"),
    (r"\frac{d}{dx_k}x_ia_{ij}x_j = 2a_{kj}x_j", None),
]


@pytest.mark.parametrize("claim, verdict", DERIVATIVES)
def test_derivatives_in_einstein_notation_are_differentiated_exactly(claim, verdict):
    found = _verdicts(claim, stated=True)
    if verdict is None:  # wrong under the convention (and read literally): never confirmed
        assert all(v not in ("proved", "verified") for v in found)
    else:
        assert found == [verdict]

