r"""Sums and products of the eigenvalues written ``\lambda_i(\mathbf{A})`` (readers.notes.eigenvalues): over every
eigenvalue they are checked on random matrices from NumPy's eigenvalues; a wrong claim is refuted with a matrix
whose eigenvalues NumPy recomputes here; a partial range is not read as every eigenvalue."""
from __future__ import annotations

import json

import numpy as np
import pytest

from readers.notes.check import check_notes

SIZED = "Let $\\mathbf{B} \\in \\mathbb{R}^{n \\times n}$.\n\n"


def _last(body: str):
    return [b for b in check_notes(f"# Eigenvalues\n\n{body}", path="eig.md").blocks if b.steps][-1]


@pytest.mark.parametrize("claim", [
    r"\operatorname{tr}(\mathbf{A}) = \sum_i \lambda_i(\mathbf{A})",
    r"\det(\mathbf{A}) = \prod_i \lambda_i(\mathbf{A})",
    r"\det(\mathbf{B}) = \prod_{i=1}^n \lambda_i(\mathbf{B})",
])
def test_sums_and_products_of_every_eigenvalue_are_verified(claim):
    block = _last(f"{SIZED}$${claim}$$\n")
    assert block.verdict == "verified", block.steps[0].reason


def test_a_wrong_claim_is_refuted_with_a_matrix_numpy_recomputes():
    block = _last(f"{SIZED}$$\\det(\\mathbf{{B}}) = \\sum_{{i=1}}^n \\lambda_i(\\mathbf{{B}})$$\n")
    assert block.verdict == "refuted", block.steps[0].reason
    b = np.array(json.loads(block.steps[0].counterexample["\\mathbf{B}"]), dtype=float)
    assert abs(np.linalg.det(b) - np.linalg.eigvals(b).sum().real) > 1e-6


def test_a_partial_range_is_not_every_eigenvalue():
    block = _last(f"{SIZED}$$\\operatorname{{tr}}(\\mathbf{{B}}) = \\sum_{{i=1}}^k \\lambda_i(\\mathbf{{B}})$$\n")
    assert block.verdict == "undecided"


LISTED = ("Indeed, if $\\lambda_1, \\ldots, \\lambda_n$ are the eigenvalues of a matrix, then\n\n"
          "$$\\det(\\mathbf{{A}}) = {}$$\n")


@pytest.mark.parametrize("product, verdict", [
    ("\\lambda_1 \\cdots \\lambda_n", "verified"),
    ("\\lambda_1 + \\cdots + \\lambda_n", "refuted"),
])
def test_eigenvalues_the_prose_lists_are_read_in_their_section(product, verdict):
    block = _last(LISTED.format(product))
    assert block.verdict == verdict, block.steps[0].reason
    assert any("eigenvalues" in a for a in block.steps[0].assumptions)
    if verdict == "refuted":
        a = np.array(json.loads(block.steps[0].counterexample["\\mathbf{A}"]), dtype=float)
        assert abs(np.linalg.det(a) - np.linalg.eigvals(a).sum().real) > 1e-6
    elsewhere = _last(LISTED.format(product).replace("$$\\det", "## Elsewhere\n\n$$\\det"))
    assert elsewhere.verdict == "undecided"
