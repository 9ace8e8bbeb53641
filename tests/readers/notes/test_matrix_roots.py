r"""Fractional powers of matrices (readers.notes.matrix_numeric.principal_power) and the eigendecompositions the
prose states (readers.notes.matrix_decompositions): a square root is read for the symmetric positive definite
matrices the notes declare, with $\mathbf{Q}$ orthogonal and $\boldsymbol\Lambda$ diagonal where the sentence says
$\mathbf{Q}\boldsymbol\Lambda\mathbf{Q}^\top$ is the eigendecomposition; where the notes say nothing it is
undecided, saying why.  Refutations are recomputed here with NumPy's eigendecomposition."""
from __future__ import annotations

import json

import numpy as np
import pytest

from readers.notes.check import check_notes
from readers.notes.matrix_decompositions import stated_decompositions

PD = "Let $\\mathbf{A}$ be a positive definite matrix.\n\n"
EIGEN = ("where $\\mathbf{V}\\mathbf{D}\\mathbf{V}^\\top$ is the eigendecomposition of $\\mathbf{A}$.\n")


def _steps(body: str):
    report = check_notes(f"# Roots\n\n{body}", path="roots.md")
    return [s for b in report.blocks for s in b.steps]


def _root(m):
    w, v = np.linalg.eigh(m)
    return (v * np.sqrt(w)) @ v.T


@pytest.mark.parametrize("claim", [
    r"(\mathbf{A}^{\frac{1}{2}})^\top = \mathbf{A}^{\frac{1}{2}}",
    r"\mathbf{x}^\top\mathbf{A}\mathbf{x} = \|\mathbf{A}^{\frac{1}{2}}\mathbf{x}\|_2^2",
    r"\mathbf{A}^{-\frac{1}{2}}\mathbf{A}\mathbf{x} = \mathbf{A}^{\frac{1}{2}}\mathbf{x}",
])
def test_roots_of_a_declared_positive_definite_matrix_are_confirmed(claim):
    (step,) = _steps(f"{PD}$${claim}$$\n")
    assert step.verdict in ("proved", "verified"), (step.verdict, step.reason)


def test_a_wrong_root_is_refuted_with_a_matrix_whose_root_numpy_recomputes():
    (step,) = _steps(PD + "$$\\mathbf{A}^{\\frac{1}{2}} = \\frac{1}{2}\\mathbf{A}$$\n")
    assert step.verdict == "refuted", step.reason
    a = np.array(json.loads(next(v for k, v in step.counterexample.items() if "A" in k)), dtype=float)
    assert np.allclose(a, a.T) and np.linalg.eigvalsh(a).min() > 0
    assert not np.allclose(_root(a), a / 2)


def test_a_root_of_a_matrix_the_notes_do_not_describe_is_undecided():
    (step,) = _steps("$$(\\mathbf{B}^{\\frac{1}{2}})^\\top = \\mathbf{B}^{\\frac{1}{2}}$$\n")
    assert step.verdict == "undecided" and "symmetric positive definite" in step.reason


def test_the_stated_eigendecomposition_gives_the_factors_their_meaning():
    right = (PD + "Its root is $\\mathbf{A}^{\\frac{1}{2}} = \\mathbf{V}\\mathbf{D}^{\\frac{1}{2}}\\mathbf{V}^\\top$, "
             + EIGEN)
    (step,) = _steps(right)
    assert step.verdict in ("proved", "verified"), step.reason
    assert any("eigendecomposition" in a for a in step.assumptions)
    elsewhere = (PD + "Here $\\mathbf{V}\\mathbf{D}\\mathbf{V}^\\top$ is the eigendecomposition of $\\mathbf{A}$.\n\n"
                 "## Elsewhere\n\n$\\mathbf{A}^{\\frac{1}{2}} = \\mathbf{V}\\mathbf{D}^{\\frac{1}{2}}\\mathbf{V}^\\top$\n")
    (step,) = _steps(elsewhere)  # the statement holds in its section only
    assert step.verdict == "undecided", step.reason
    wrong = PD + "Its root is $\\mathbf{A}^{\\frac{1}{2}} = 2\\mathbf{V}\\mathbf{D}^{\\frac{1}{2}}\\mathbf{V}^\\top$, " + EIGEN
    (step,) = _steps(wrong)
    assert step.verdict == "refuted", step.reason


@pytest.mark.parametrize("sentence, found", [
    ("where $\\mathbf{Q}\\mathbf{\\Lambda}\\mathbf{Q}^{\\top}$ is the eigendecomposition of $\\mathbf{A}$",
     ("\\mathbf{A}", "\\mathbf{Q}", "\\mathbf{\\Lambda}", True)),
    ("let $A = P D P^{-1}$ be the eigendecomposition of $A$", ("A", "P", "D", False)),
    ("the spectral decomposition $\\Sigma = U S U^\\top$ gives", ("Sigma", "U", "S", True)),
    ("where $\\mathbf{Q}\\mathbf{\\Lambda}\\mathbf{Q}^{\\top}$ is a product of $\\mathbf{A}$", None),
    ("let $A = P D Q$ be the eigendecomposition of $A$", None),
])
def test_stated_decompositions_are_read_from_the_sentence(sentence, found):
    got = [(d.name, d.outer, d.middle, d.orthogonal) for d in stated_decompositions(sentence)]
    assert got == ([found] if found else [])
