"""Nine study notes written for these tests (fixtures/study_*.md), each with planted mistakes of the kinds
people make in deep-learning formulas among correct lines: every mistake is refuted with a counterexample
that satisfies the note's stated conditions, and no correct line is refuted.

Mistakes planted (file: line, kind):
  study_regression  11 sign of an inner derivative lost; 23 the 1/n of a mean dropped; 31 off-by-one closed
                    form of a sum; 45 chain rule factor of a composite activation lost; 53 the same for tanh;
                    61 a variance missing the square of the mean
  study_probability 7 wrong normaliser of a Gaussian; 17 wrong mean of an exponential law; 27 Bernoulli KL with its arguments swapped; 37 softmax Jacobian diagonal
                    with the wrong sign; 49 sign of a cross-entropy gradient; 57 a variance missing a square
  study_matrices    7 transposed product in the wrong order; 13 gradient of a quadratic form without the
                    symmetric part; 25 variance of a mean with n^2; 39 Gaussian KL with its arguments swapped;
                    47 off-by-one in a geometric sum's upper limit; 55 log-sum-exp bounded the wrong way
  study_attention   11 variance of a scaled score missing the square of the factor; 17 a temperature's chain-rule
                    factor lost; 27 softmax claimed invariant to scaling; 39 the transpose missing from a
                    least-squares gradient; 51 the 1/n of a variance dropped on one side only; 61 a Swish
                    derivative without the inner slope
  study_optimisers  11 off-by-one in the lower limit of Adam's bias-correction sum; 23 the sign of the weight-decay
                    term; 31 a uniform law's variance with the wrong normaliser; 45 a half-normal mean with the
                    wrong normaliser; 53 an RMSprop average under a constant gradient with the exponent
                    off by one; 59 a softplus derivative without the inner factor
  study_estimation  13 Bayes' rule with the wrong prior in its normaliser; 21 a variance of a difference with a minus;
                    31 a Gaussian's sigma-derivative with sigma^2 for sigma^3; 39 a Poisson score missing the
                    factor n; 49 a convolution's output size without the +1; 57 the sign of the binary entropy's
                    derivative; 65 Poisson KL with its arguments swapped
  study_recurrent   11 tanh' with the sign of its square flipped; 21 an RNN step's derivative in the previous state
                    without the weight (chain-rule factor); 29 an unrolled linear recurrence with each power off by
                    one; 37 an LSTM cell's geometric sum with one term too many; 49 a GRU gate's derivative with its
                    sign flipped; 57 an output gate's derivative with the sigmoid factor squared
  study_regularisation 9 inverted dropout scaled by 1/p; 15 its variance with the ratio inverted; 25 label
                    smoothing spread with eps/(K-1) over K classes; 33 a squared distance with +2 a.b; 45 a perplexity
                    without the 1/N; 51 e^1.5 stated as 4.95; 57 -log(0.1) stated as 2.0
  study_initialisation 9 Xavier's bound with 3 for 6; 15 He's deviation for n = 512 stated as sqrt(2/256); 23 a
                    receptive field without its 1 (L k); 29 the same at L = 3, k = 3 (9); 37 a quadratic form's
                    gradient without the symmetric part; 45 Gaussian KL without its -1/2; 53 a two-way softmax
                    stated as 2/3; 63 sigmoid(2) stated as 0.982; 67 tanh(1) stated as 0.462
"""
from fractions import Fraction
from pathlib import Path

import pytest

from readers.notes.check import check_notes

FIXTURES = Path(__file__).parent / "fixtures"

MISTAKES = {
    "study_regression": {11: {}, 23: {}, 31: {}, 45: {}, 53: {}, 61: {}},
    "study_probability": {7: {"sigma": (0, None)}, 17: {"lambda": (0, None)}, 27: {"a": (0, 1), "b": (0, 1)}, 37: {}, 49: {}, 57: {}},
    "study_matrices": {7: {}, 13: {}, 25: {"sigma": (None, None)}, 39: {"sigma": (0, None)},
                       47: {"beta": (0, 1)}, 55: {}},
    "study_attention": {11: {"d": (0, None)}, 17: {"tau": (0, None)}, 27: {}, 39: {}, 51: {}, 61: {}},
    "study_optimisers": {11: {"beta_1": (0, 1)}, 23: {}, 31: {"a": (0, None)}, 45: {"sigma": (0, None)},
                         53: {"gamma": (0, 1)}, 59: {}},
    "study_estimation": {13: {}, 21: {}, 31: {"sigma": (0, None)}, 39: {"lambda": (0, None)}, 49: {},
                         57: {"p": (0, 1)}, 65: {"lambda_1": (0, None), "lambda_2": (0, None)}},
    "study_recurrent": {11: {}, 21: {}, 29: {}, 37: {"f": (0, 1)}, 49: {}, 57: {}},
    "study_regularisation": {9: {"p": (0, 1)}, 15: {"p": (0, 1)}, 25: {"epsilon": (0, 1)}, 33: {}, 45: {}, 51: {},
                             57: {}},
    "study_initialisation": {9: {}, 15: {}, 23: {}, 29: {}, 37: {}, 45: {"sigma_1": (0, None), "sigma_2": (0, None)},
                             53: {}, 63: {}, 67: {}},
}
"""Planted mistakes by line, with the open bounds the note states on the counterexample's names."""

CORRECT = {
    "study_regression": (33, 35, 39, 41, 49, 55, 63),
    "study_probability": (11, 21, 31, 35, 43, 55),
    "study_matrices": (9, 17, 23, 29, 35, 45, 51, 53),
    "study_attention": (7, 19, 23, 33, 37, 45, 49, 57),
    "study_optimisers": (7, 17, 21, 29, 35, 41, 51, 57),
    "study_estimation": (7, 11, 19, 23, 29, 37, 45, 55, 63),
    "study_recurrent": (7, 17, 27, 35, 41, 47, 55),
    "study_regularisation": (7, 13, 17, 23, 31, 37, 43, 49, 55),
    "study_initialisation": (7, 13, 21, 27, 35, 43, 51, 57, 59, 61, 65),
}

_REPORTS = {}


def _blocks(name):
    if name not in _REPORTS:
        text = (FIXTURES / f"{name}.md").read_text()
        _REPORTS[name] = check_notes(text, path=name, budget=5.0).blocks
    return _REPORTS[name]


def _at(name, line):
    found = [b for b in _blocks(name) if b.line == line and b.kind == "display"]
    assert len(found) == 1, [(b.line, b.kind) for b in _blocks(name)]
    return found[0]


def _witness(block) -> dict:
    steps = [s for s in block.steps if s.verdict == "refuted"]
    return steps[0].counterexample if steps else block.catalog_counterexample


def _on_its_note(lines_by_note: dict) -> list:
    """One param per (note, line), in its note's xdist group (``--dist loadgroup``): the tests of a note run in one
    worker, so its report (:func:`_blocks`) is built once, not once in each worker its lines were sent to."""
    return [pytest.param(n, k, marks=pytest.mark.xdist_group(f"study_note_{n}"))
            for n, lines in lines_by_note.items() for k in lines]


@pytest.mark.parametrize("name,line", _on_its_note(MISTAKES))
def test_each_planted_mistake_is_refuted_with_a_counterexample_inside_the_stated_conditions(name, line):
    block = _at(name, line)
    assert block.verdict == "refuted", block.steps
    witness = _witness(block)
    assert witness, block.steps
    for symbol, (low, high) in MISTAKES[name][line].items():
        value = float(Fraction(str(witness[symbol]).replace("(rounded)", "").strip()))  # "0.25" or "1/3"
        assert (low is None or value > low) and (high is None or value < high), (symbol, value)


@pytest.mark.parametrize("name,line", _on_its_note(CORRECT))
def test_no_correct_line_is_refuted(name, line):
    on_line = [b for b in _blocks(name) if b.line == line]
    assert on_line and all(b.verdict != "refuted" for b in on_line), [b.steps for b in on_line]

