r"""Eigenpairs the prose states (readers.notes.eigenpairs): "let $\mathbf{x}$ be an eigenvector of $\mathbf{A}$ with
eigenvalue $\lambda$" makes the section's claims hold for $\mathbf{A}\mathbf{x} = \lambda\mathbf{x}$; what holds there
is confirmed, what fails there is undecided (never refuted), and outside the section nothing is assumed."""
from __future__ import annotations

import pytest

from readers.notes.check import check_notes
from readers.notes.eigenpairs import stated_eigenpairs

PAIR = "Let $\\mathbf{v}$ be an eigenvector of $\\mathbf{M}$ with eigenvalue $\\mu$. Then\n\n"


def _last(body: str):
    return [b for b in check_notes(f"# Eigenvectors\n\n{body}", path="pairs.md").blocks if b.steps][-1]


@pytest.mark.parametrize("claim", [
    r"\mathbf{M}\mathbf{v} = \mu\mathbf{v}",
    r"\mathbf{v}^\top\mathbf{M}\mathbf{v} = \mu\|\mathbf{v}\|^2",
    r"\mathbf{M}^2\mathbf{v} = \mu^2\mathbf{v}",
])
def test_claims_that_hold_for_the_eigenpair_are_confirmed(claim):
    block = _last(f"{PAIR}$${claim}$$\n")
    assert block.verdict in ("proved", "verified"), block.steps[0].reason
    assert any("eigenvector" in a for a in block.steps[0].assumptions)


def test_a_claim_that_fails_for_the_eigenpair_is_not_refuted():
    block = _last(f"{PAIR}$$\\mathbf{{M}}^2\\mathbf{{v}} = 2\\mu\\mathbf{{v}}$$\n")
    assert block.verdict == "undecided"


def test_outside_its_section_the_eigenpair_is_not_assumed():
    block = _last(f"{PAIR}## Other\n\n$$\\mathbf{{M}}^2\\mathbf{{v}} = \\mu^2\\mathbf{{v}}$$\n")
    assert block.verdict not in ("proved", "verified")


@pytest.mark.parametrize("sentence, found", [
    ("let $\\mathbf{x}$ be an eigenvector of $\\mathbf{A}$ with eigenvalue $\\lambda$",
     ("\\mathbf{x}", "\\mathbf{A}", "lambda")),
    ("$v$ is an eigenvector of $B$ with the corresponding eigenvalue $\\mu$", ("v", "B", "mu")),
    ("$v$ is a vector of $B$ with eigenvalue $\\mu$", None),
])
def test_eigenpairs_are_read_from_the_sentence(sentence, found):
    assert [p[1:] for p in stated_eigenpairs(sentence)] == ([found] if found else [])
