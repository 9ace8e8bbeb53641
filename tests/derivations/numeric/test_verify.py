"""The three-way verifier: errors are measured honestly and wrong code is caught."""
import math

import mpmath
import numpy as np
import pytest

from derivations.numeric.verify import rel_errors, verify_formula
from codegen.rules import stabilize
from symbolic import get
from derivations.numeric.evaluate import Evaluator, Point, sample_points


def test_rel_errors_floor_and_skips():
    truth = np.array([mpmath.mpf(2), mpmath.mpf("1e-400"), mpmath.mpf("1e400"), mpmath.mpf(0)], dtype=object)
    approx = np.array([2.0 * (1 + 2**-52), 0.0, math.inf, 0.0])
    errs, skipped = rel_errors(approx, truth)
    assert errs[0] == pytest.approx(2**-52, rel=1e-6)
    assert errs[1] < 1e-80  # the truth underflows float64: returning 0 is right
    assert skipped == 1  # the truth overflows float64: not representable, skipped
    assert errs[3] == 0.0


def test_rel_errors_nan_is_infinite():
    errs, _ = rel_errors(np.array([math.nan]), np.array([mpmath.mpf(1)], dtype=object))
    assert errs[0] == math.inf


def test_truth_precision_rises_for_tiny_inputs():
    """log(exp(1e-300)) is 1e-300, not the 0 that 50 digits give."""
    f = get("logsumexp")
    ev = Evaluator(f)
    p = Point({f.size_symbols[0]: 1}, {"z": np.array([1e-300])}, "tiny")
    t = ev.mpmath(p)["LSE"][()]
    assert abs(t - mpmath.mpf(1e-300)) < mpmath.mpf(1e-300) * 1e-40


def test_sampling_covers_every_size_case_and_edges():
    f = get("softmax")
    pts = sample_points(f, n_random=20)
    sizes = {tuple(p.sizes.values()) for p in pts}
    assert len(sizes) == len(f.sizes)
    assert any(p.label.startswith("edge") for p in pts)
    assert sum(p.label.startswith("random") for p in pts) >= 20


def test_softmax_verifies_at_huge_logits():
    r = verify_formula(get("softmax"), transform=stabilize)
    assert r.verdict.kind == "verified"
    assert "exp_normalize" in r.rewrites
    assert r.max_rel_error <= 1e-12


def wrong_softmax(z):  # forgot to normalise by the max-shifted sum: overflows and is wrong
    return np.exp(z) / np.sum(np.exp(z)) * 1.0000001


def test_wrong_reference_is_refuted_with_point():
    r = verify_formula(get("softmax"), reference=wrong_softmax, transform=stabilize)
    assert r.verdict.kind == "refuted"
    assert r.worst["implementation"] == "reference"
    assert r.verdict.counterexample


def test_layer_norm_wrong_variance_is_refuted():
    def unbiased_variance(x, gamma, beta, epsilon):
        mu = x.mean()
        return gamma * (x - mu) / np.sqrt(x.var(ddof=1 if x.size > 1 else 0) + epsilon) + beta

    assert verify_formula(get("layer_norm"), reference=unbiased_variance).verdict.kind == "refuted"


def test_broken_record_reports_error_not_exception():
    def raises(**kw):
        raise RuntimeError("boom")

    r = verify_formula(get("softmax"), reference=raises)
    assert r.verdict.kind == "error" and "boom" in r.verdict.reason


def test_the_definition_as_written_overflows_where_the_stability_rules_do_not():
    """Without the code generator's rules the float64 path is the naive definition: it is refuted at
    logits of 1e4, which is what the rules are for."""
    assert verify_formula(get("softmax")).verdict.kind == "refuted"
    assert verify_formula(get("softmax"), transform=stabilize).verdict.kind == "verified"
