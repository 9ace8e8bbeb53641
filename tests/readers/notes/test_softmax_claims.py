r"""Softmax in matrix claims and in entry notation: $\operatorname{softmax}(v)_i = e^{v_i} / \sum_j e^{v_j}$ read as the
function of a column vector (readers.notes.matrix_shapes, matrix_numeric) and of entries (readers.notes.entry_identities);
a claim at one free index ``i`` on both sides is a claim about the whole vectors.  Right claims confirmed, wrong ones
refuted with values recomputed here with NumPy (float64; the claims' sides differ by far more than rounding)."""
from __future__ import annotations

import json

import numpy as np
import pytest

from readers.notes.check import check_notes

LOGITS = "For logits $z \\in \\mathbb{R}^K$ and a number $c \\in \\mathbb{R}$:\n\n"


def _blocks(text: str):
    return [b for b in check_notes(f"# Softmax\n\n{text}", path="softmax.md").blocks if b.steps]


def _softmax(v):
    e = np.exp(v - v.max())
    return e / e.sum()


@pytest.mark.parametrize("claim", [
    r"\mathrm{softmax}(z + c\mathbf{1})_i = \mathrm{softmax}(z)_i",
    r"\mathrm{softmax}(z - c\mathbf{1})_k = \mathrm{softmax}(z)_k",
])
def test_shift_invariance_is_verified(claim):
    block = _blocks(f"{LOGITS}$${claim}$$\n")[-1]
    assert block.verdict == "verified", block.steps[0].reason


def test_a_wrong_softmax_claim_is_refuted_with_vectors_numpy_recomputes():
    block = _blocks(LOGITS + "$$\\mathrm{softmax}(z + c\\mathbf{1})_i = \\mathrm{softmax}(c z)_i$$\n")[-1]
    assert block.verdict == "refuted", block.steps[0].reason
    cx = block.steps[0].counterexample
    z = np.array(json.loads(cx["z"]), dtype=float).ravel()
    c = float(json.loads(cx["c"]))
    assert np.abs(_softmax(z + c) - _softmax(c * z)).max() > 1e-6


GRADIENT = (r"\partial_{o_j} l(\mathbf{y}, \hat{\mathbf{y}}) = \frac{\exp(o_j)}{\sum_{k=1}^q \exp(o_k)} - y_j "
            r"= \mathrm{softmax}(\mathbf{o})_j - {}y_j.")


def test_softmax_in_entries_is_verified_past_a_leading_definition():
    (block,) = _blocks(f"The derivative in a logit $o_j$ is\n\n$${GRADIENT.replace('{}', '')}$$\n")
    assert block.verdict == "verified", [s.reason for s in block.steps]


def test_a_wrong_softmax_entry_is_refuted_with_values_numpy_recomputes():
    (block,) = _blocks(f"The derivative in a logit $o_j$ is\n\n$${GRADIENT.replace('{}', '2')}$$\n")
    assert block.verdict == "refuted"
    cx = next(s.counterexample for s in block.steps if s.verdict == "refuted")
    o = np.array(json.loads(cx["\\mathbf{o}"]), dtype=float).ravel()
    y = np.array(json.loads(cx["\\mathbf{y}"]), dtype=float).ravel()
    j = int(cx["j"]) - 1
    left = np.exp(o[j]) / np.exp(o).sum() - y[j]
    assert abs(left - (_softmax(o)[j] - 2 * y[j])) > 1e-6
