"""The derivation library: each step gets the verdict its ``expect`` asks for.

``expect="holds"`` must be ``proved`` or ``verified``; ``expect="fails"`` (a
seed mistake) must be ``refuted`` with a counterexample.  Key identities must
be ``proved``, not merely verified.  Each derivation is checked once per session, all its steps in one forked
child (``ladder.check_derivation``, as ``verify --all`` checks them), on one worker (its steps' tests share an
xdist group).
"""
import dataclasses
import functools

import pytest
import sympy as sp

from derivations.checker.ladder import check_derivation
from derivations.library import UnknownDerivation, all_derivations, get, register
from symbolic import all_formulas

BUDGET = 20.0
"""Seconds per step: every step but the improper integrals decides within 4 s on a quiet machine (its symbolic rung,
which must prove the key steps, gets 8 s of its own seconds: a budget counts the seconds a rung ran, not those it
waited for a CPU, so load does not eat it).  Not more: a verified step about arrays spends its whole array-tail
share (5 %) trying longer lengths, and a counterexample search its whole probe share where points are slow.  At 60 s
against 20 s, side by side at load 20-34: cross_entropy_softmax_gradient 10.5 -> 4.9 s of CPU, softmax_jacobian
7.1 -> 3.1 s, one_minus_top 4.1 -> 2.3 s, every verdict and method the same."""
INTEGRAL_BUDGET = 180.0
"""Seconds for a step with an improper integral: sympy's integrate takes 0.5-2 s on the Gaussian moments,
several times that on a loaded machine."""

REQUIRED_IDS = {
    "sigmoid_derivative", "tanh_derivative", "tanh_sigmoid", "relu_derivative", "leaky_relu_derivative",
    "softmax_jacobian", "softmax_shift_invariance", "softmax_limits",
    "kl_nonnegative_bernoulli", "kl_nonnegative_categorical", "kl_gaussian_closed_form", "kl_zero_iff_equal",
    "kl_infinite_support", "kl_asymmetry",
    "positional_encoding_exp_rewrite", "positional_encoding_rotation",
    "f1_forms", "bayes_theorem_from_conditional", "naive_bayes_posterior",
    "gan_optimal_discriminator", "gan_value_at_optimum",
    "diffusion_marginal", "diffusion_gaussian_kl",
    "poly_kernel_feature_map", "poly_kernel_inhomogeneous_feature_map", "kernel_symmetry", "rbf_gram_psd",
    "svm_soft_margin_slack", "logsumexp_shift", "log_softmax_form",
    "cross_entropy_softmax_gradient", "bce_sigmoid_gradient",
}
CATALOG_IDS = {f.id for f in all_formulas()} | {None}
"""A derivation is about a catalog formula, or (None) about an identity of its own."""
PROVED = {
    "sigmoid_derivative", "tanh_derivative", "tanh_sigmoid", "relu_derivative", "logsumexp_shift",
    "log_softmax_form", "f1_forms", "bayes_theorem_from_conditional", "softmax_shift_invariance",
    "softmax_limits", "kl_gaussian_closed_form", "positional_encoding_rotation", "poly_kernel_feature_map",
    "poly_kernel_inhomogeneous_feature_map", "diffusion_gaussian_kl", "bce_sigmoid_gradient",
    "feed_forward_as_kernel_size_1_convolutions",
}
"""Derivations whose every true step without side conditions sympy proves (not merely verifies)."""

STEPS = [(d.id, n) for d in all_derivations() for n in range(len(d.steps))]


def step_budget(step) -> float:
    """:data:`INTEGRAL_BUDGET` for a step with an improper integral, else :data:`BUDGET`."""
    integral = any(sp.sympify(e).has(sp.Integral) for e in (step.lhs, step.rhs))
    return INTEGRAL_BUDGET if integral else BUDGET


@functools.cache
def verdicts(did: str) -> tuple:
    """The verdict of each step of ``did``, each at its :func:`step_budget` (a step's ``weight`` scales the budget
    ``check_derivation`` gives it, so each is set to give exactly that budget)."""
    d = get(did)
    steps = tuple(dataclasses.replace(s, weight=step_budget(s) / BUDGET) for s in d.steps)
    return tuple(check_derivation(dataclasses.replace(d, steps=steps), budget=BUDGET))


def verdict(did: str, n: int):
    return verdicts(did)[n]


# ** the registry **

def test_library_holds_every_required_derivation():
    ids = {d.id for d in all_derivations()}
    assert REQUIRED_IDS <= ids, sorted(REQUIRED_IDS - ids)


def test_unknown_id_lists_closest():
    with pytest.raises(UnknownDerivation, match="closest: sigmoid_derivative"):
        get("sigmoid_derivativ")
    with pytest.raises(KeyError):
        get("no such derivation")


def test_registering_an_id_twice_is_an_error():
    with pytest.raises(ValueError, match="twice"):
        register(get("f1_forms"))


@pytest.mark.parametrize("d", all_derivations(), ids=lambda d: d.id)
def test_derivation_is_well_formed(d):
    assert d.title and d.source and d.steps
    assert d.catalog_id in CATALOG_IDS, d.catalog_id
    for step in d.steps:
        assert isinstance(sp.sympify(step.lhs), sp.Basic) and isinstance(sp.sympify(step.rhs), sp.Basic)


@pytest.mark.parametrize("d", [d for d in all_derivations() if any(s.expect == "fails" for s in d.steps)],
                         ids=lambda d: d.id)
def test_each_mistake_sits_next_to_its_correction(d):
    for n, step in enumerate(d.steps):
        if step.expect != "fails":
            continue
        assert n + 1 < len(d.steps) and d.steps[n + 1].expect == "holds", f"{d.id}[{n}] has no correction after it"
        if d.source != "textbook":
            assert step.note.startswith("seed: "), f"{d.id}[{n}] does not quote the seed"


# ** the verdicts **

def must_be_proved(did: str, n: int) -> bool:
    """A true step without side conditions of a :data:`PROVED` derivation (a side condition such as x != 0 leaves
    the step to sampling)."""
    step = get(did).steps[n]
    return did in PROVED and step.expect == "holds" and not step.assumptions


@pytest.mark.parametrize("did, n", [pytest.param(did, n, marks=pytest.mark.xdist_group(f"derivation_{did}"))
                                    for did, n in STEPS], ids=[f"{did}[{n}]" for did, n in STEPS])
def test_step_verdict_matches_expectation(did, n):
    """Each step's verdict (one test per step; the steps of a derivation share a worker, the derivations are spread
    over both): the verdict its ``expect`` asks for, and ``proved`` for a key step (:func:`must_be_proved`)."""
    step, v = get(did).steps[n], verdict(did, n)
    if step.expect == "holds":
        assert v.kind in ("proved", "verified"), v.summary()
        if must_be_proved(did, n):
            assert v.kind == "proved", f"{did}[{n}] is a key step: {v.summary()}"
    else:
        assert v.kind == "refuted", v.summary()
        assert v.counterexample, v.summary()


@pytest.mark.parametrize("did", sorted(PROVED))
def test_key_steps_are_proved(did):
    """Each derivation of :data:`PROVED` is in the library and has key steps, whose ``proved`` verdict
    test_step_verdict_matches_expectation asserts."""
    assert any(must_be_proved(did, n) for n in range(len(get(did).steps))), did
