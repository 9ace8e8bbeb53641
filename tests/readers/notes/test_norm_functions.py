r"""A function the prose calls a norm (readers.notes.norm_functions): the properties stated of it are read with it
each of the l1, l2 and l-infinity norms; right ones verified, wrong ones refuted with a vector NumPy recomputes here,
and outside the section of the statement nothing is read."""
from __future__ import annotations

import json

import numpy as np
import pytest

from readers.notes.check import check_notes
from readers.notes.norm_functions import declared_norms

CALLED = "A vector norm is a function $g$ that maps a vector to a scalar. For vectors and a factor $c$:\n\n"


def _verdicts(body: str):
    return [b for b in check_notes(f"# Norms\n\n{body}", path="norms.md").blocks if b.steps]


@pytest.mark.parametrize("claim", [
    r"g(c \mathbf{u}) = |c| g(\mathbf{u})",
    r"g(\mathbf{u} + \mathbf{v}) \leq g(\mathbf{u}) + g(\mathbf{v})",
    r"g(\mathbf{u} - \mathbf{v}) \leq g(\mathbf{u}) + g(\mathbf{v})",
])
def test_norm_properties_are_verified(claim):
    (block,) = _verdicts(f"{CALLED}$${claim}$$\n")
    assert block.verdict == "verified", block.steps[0].reason


def test_a_wrong_norm_property_is_refuted_with_a_vector_numpy_recomputes():
    (block,) = _verdicts(f"{CALLED}$$g(c \\mathbf{{u}}) = c^2 g(\\mathbf{{u}})$$\n")
    assert block.verdict == "refuted", block.steps[0].reason
    cx = block.steps[0].counterexample
    u = np.array(json.loads(next(v for k, v in cx.items() if "u" in k)), dtype=float).ravel()
    c = float(json.loads(cx["c"]))
    assert abs(np.linalg.norm(c * u) - c ** 2 * np.linalg.norm(u)) > 1e-6  # the l2 reading, shown


def test_outside_its_section_the_function_is_not_read_as_a_norm():
    body = CALLED + "## Other\n\n$$g(c \\mathbf{u}) = |c| g(\\mathbf{u})$$\n"
    (block,) = _verdicts(body)
    assert block.verdict == "undecided"


@pytest.mark.parametrize("sentence, names", [
    ("a vector norm is a function $f$ that maps", ["f"]),
    ("let $h$ be any norm on vectors", ["h"]),
    ("$p$ is a normal density", []),
    ("a norm is a function $f(x) = |x|$", []),
])
def test_the_statement_is_read_from_the_sentence(sentence, names):
    assert [n for _, n in declared_norms(sentence)] == names
