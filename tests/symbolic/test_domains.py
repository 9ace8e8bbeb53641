"""Every domain samples and edges inside itself; assumptions match."""
import numpy as np
import pytest

from symbolic.domains import (
    Choice,
    Count,
    Interval,
    Positive,
    Probability,
    Real,
    Simplex,
    domain_for_assumptions,
)

DOMAINS = [Real(), Real(large=10.0), Positive(), Positive(allow_zero=True), Interval(-2.0, 3.0),
           Probability(), Probability(closed=False), Count(), Count(lo=1), Choice((-1.0, 1.0)),
           Simplex(), Simplex(interior=True)]


SHAPES = [(), (1,), (4,), (2, 3)]
CASES = [(d, s) for d in DOMAINS for s in SHAPES if not (isinstance(d, Simplex) and s == ())]


@pytest.mark.parametrize(("domain", "shape"), CASES, ids=repr)
def test_samples_and_edges_lie_in_domain(domain, shape):
    rng = np.random.default_rng(1)
    for _ in range(50):
        assert domain.contains(domain.sample(rng, shape))
    for edge in domain.edges(shape):
        assert edge.shape == shape
        assert domain.contains(edge), edge


def test_contains_rejects_outside_points():
    assert not Positive().contains(np.array([1.0, 0.0]))
    assert not Probability(closed=False).contains(np.array(1.0))
    assert not Count().contains(np.array(1.5))
    assert not Simplex().contains(np.array([0.5, 0.6]))
    assert not Choice((-1.0, 1.0)).contains(np.array(0.0))


def test_real_samples_reach_large_magnitudes():
    x = Real(large=1e4).sample(np.random.default_rng(0), (2000,))
    assert np.abs(x).max() > 1e3 and np.abs(x).min() < 1e-3


def test_domain_for_assumptions():
    import sympy as sp

    assert isinstance(domain_for_assumptions(sp.Symbol("x", positive=True)), Positive)
    assert isinstance(domain_for_assumptions(sp.Symbol("n", integer=True, positive=True)), Count)
    assert isinstance(domain_for_assumptions(sp.Symbol("x", real=True)), Real)
