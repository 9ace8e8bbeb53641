"""User formulas' VJPs by reverse mode (``codegen.define.derive_gradients``), on every definition of the
own-formulas note (ids from the note's records) and at the kinks of piecewise definitions.

* reverse mode succeeds on every definition (no fallback to the expanded derivative);
* its gradient equals the expanded derivative's (the path before it) in mpmath at 50 digits, at random points
  (``EQUAL_DIGITS``: both are the same function symbolically, so they agree to the working precision);
* it agrees with central differences of the definition in mpmath (:func:`finite_difference_check`,
  ``FD_TOL``);
* at a kink, the generated code takes the value the docstring states (ReLU'(0) = 0, sign(0) = 0, the first
  branch of ``cases`` at its boundary), and the docstring shows the derived gradient.
"""
from __future__ import annotations

import functools
import pathlib

import mpmath
import numpy as np
import pytest

from codegen.define import build, derive_gradients
from codegen.define_check import _args, _draw, _mp_args, finite_difference_check, mp_function, upstream_value
from codegen.define_module import compile_function
from readers.definition import read_ascii_definition, read_definitions

NOTE = pathlib.Path(__file__).resolve().parents[2] / "examples" / "own_formulas.md"
EQUAL_DIGITS = 30
"""Relative gap below 1e-30 at 50 working digits: the two derivations are the same function (a wrong term is
off by O(1)); 20 digits of headroom for cancellation inside either form."""
FD_TOL = 1e-8
"""The issue's VJP target; central differences at 60 digits are far more accurate than this."""
POINTS = 4


@functools.lru_cache(maxsize=None)
def _definitions() -> tuple:
    """The note's records, read once per process (the parameters below need their names when pytest collects)."""
    return tuple(build(read_definitions(NOTE.read_text(encoding="utf-8"))))


@functools.lru_cache(maxsize=None)
def _derived():
    return {f.name: derive_gradients(f) for f in _definitions()}


NAMES = sorted(f.name for f in _definitions())
ON_DERIVED = pytest.mark.xdist_group("define_vjp_derived")
"""The tests that read :func:`_derived` run in one xdist worker (``--dist loadgroup``): the note's VJPs (1.7 s of CPU)
are derived once, not once in each worker."""


@ON_DERIVED
@pytest.mark.parametrize("name", NAMES)
def test_reverse_mode_derives_every_definition(name):
    assert _derived()[name].derivation == "reverse mode"


@ON_DERIVED
@pytest.mark.parametrize("name", NAMES)
def test_reverse_mode_equals_the_expanded_derivative(name):
    f = _derived()[name]
    rng = np.random.default_rng(7)
    worst = 0.0
    for _ in range(POINTS):
        pt, g = _draw(f, rng), upstream_value(f, rng)
        with mpmath.workdps(50):
            base = _mp_args(f, pt)
            up = [mpmath.mpf(float(x)) for x in np.ravel(g)] if np.ndim(g) else mpmath.mpf(float(g))
            for (p, new, kappa), (_, old, _) in zip(f.gradients, f.expanded_gradients):
                args = _args(f) + [f.upstream.symbol] + [k for k, _, _ in kappa]
                fn_new, fn_old = mp_function(args, new), mp_function(args, old)
                for pos in np.ndindex(*(4,) * len(kappa)):
                    try:
                        a, b = fn_new(*base, up, *pos), fn_old(*base, up, *pos)
                    except (ZeroDivisionError, ValueError, OverflowError):
                        continue  # outside the domain (log of a negative draw): both fail alike
                    if isinstance(a, mpmath.mpc) or isinstance(b, mpmath.mpc):
                        continue
                    worst = max(worst, float(abs(a - b) / max(abs(b), mpmath.mpf(10) ** -40)))
    assert worst <= 10.0 ** -EQUAL_DIGITS


@ON_DERIVED
@pytest.mark.parametrize("name", NAMES)
def test_reverse_mode_agrees_with_finite_differences(name):
    assert finite_difference_check(_derived()[name]) <= FD_TOL


KINKS = [
    # (definition, point, expected gradient at the kink)
    ("relu(x) = max(0, x)", 0.0, 0.0),
    ("absval(x) = abs(x)", 0.0, 0.0),
    ("hinge(x, y) = max(0, 1 - y*x)", (1.0, 1.0), (0.0, 0.0)),
    ("step(x) = Heaviside(x)*x", 0.0, 0.0),
]


@pytest.mark.parametrize("source, point, expected", KINKS, ids=[k[0].split("(")[0] for k in KINKS])
def test_kink_convention(source, point, expected):
    (f,) = build([read_ascii_definition(source)])
    derive_gradients(f)
    _, module = compile_function(f, True)
    args = point if isinstance(point, tuple) else (point,)
    got = getattr(module, f.name + "_vjp")(*map(np.float64, args), np.float64(1.0))
    want = expected if isinstance(expected, tuple) else (expected,)
    assert tuple(float(v) for v in got) == want
    doc = getattr(module, f.name + "_vjp").__doc__
    assert "Derived (reverse mode" in doc and "non-differentiability" in doc


def test_cases_take_the_first_branch_that_holds():
    (f,) = build(read_definitions(r"$$\mathrm{ELU}(x) = \begin{cases} x & x > 0 \\ \alpha (e^{x} - 1) & x \le 0 "
                                  r"\end{cases}$$"))
    derive_gradients(f)
    _, module = compile_function(f, True)
    (d,) = module.elu_vjp(np.float64(0.0), np.float64(1.0), alpha=2.0)
    assert float(d) == 2.0  # at x = 0 the branch x <= 0 holds: alpha e^0


def test_softmax_entropy_vjp_is_compact():
    r"""$\bar{z}_k = g\, p_k (\sum_i p_i \log p_i - \log p_k)$: the $\sum_i p_i = 1$ of the expanded derivative is gone."""
    (f,) = build([read_ascii_definition("ent(z) = -sum(exp(z[i])/sum(exp(z[j]), j, 0, n-1)*log(exp(z[i])/sum(exp(z[j]), j, 0, n-1)), "
                      "i, 0, n-1)")])
    derive_gradients(f)
    (_, new, _), = f.gradients
    (_, old, _), = f.expanded_gradients
    assert new.count(lambda e: e.is_Add and any(t == 1 for t in e.args)) == 0
    # the expanded derivative is compact too since the closed sums share one index name
    # (codegen.define.one_name_per_closed_sum): sum_i e^{z_i} / sum_j e^{z_j} is 1 as sympy builds it
    assert old.count(lambda e: e.is_Add and any(t == 1 for t in e.args)) == 0


@pytest.mark.parametrize("source, params", [
    ("lme(x) = log(sum(exp(r*x[i]), i, 0, n-1)/n)/r", ("x",)),
    ("lse2(x, y) = log(sum(exp(x[i]), i, 0, n-1)) + log(sum(exp(y[i]), i, 0, n-1))", ("x", "y")),
])
def test_vjp_returns_one_gradient_per_parameter_on_the_unshifted_path(source, params):
    # the unshifted fast path of an exponential sum returns early where its guard holds (ordinary inputs): that
    # return, too, must give one gradient per parameter shaped like it (it once gave the bare array, or the dict)
    (f,) = build([read_ascii_definition(source)])
    derive_gradients(f)
    code, module = compile_function(f, grad=True)
    assert "return _v" not in code and code.count("_unshifted = ") >= 1
    rng = np.random.default_rng(3)
    args = [rng.uniform(0.5, 2.0, size=(2, 4)) for _ in params]
    kw = {k.name: 1.3 for k in f.keywords}
    got = getattr(module, f.name + "_vjp")(*args, np.ones(2), **kw)
    assert isinstance(got, tuple) and len(got) == len(params)
    assert all(np.shape(d) == np.shape(a) for d, a in zip(got, args))
    e = np.exp((1.3 if "r" in kw else 1.0) * args[0])
    np.testing.assert_allclose(got[0], e / e.sum(axis=-1, keepdims=True), rtol=1e-13)


def test_the_derivative_of_log_gamma_is_printed_as_digamma():
    # a Beta NLL's VJP holds polygamma(0, a + b), sympy's form of the digamma function: neither the NumPy lowering
    # nor the mpmath oracle printed it, so every VJP candidate failed and codegen stopped with an internal error
    (f,) = build([read_ascii_definition("lbeta(a, b) = lgamma(a) + lgamma(b) - lgamma(a + b)")])
    derive_gradients(f)
    code, module = compile_function(f, True)
    assert "digamma" in code
    da, db = module.lbeta_vjp(np.float64(2.5), np.float64(0.75), np.float64(2.0))
    assert abs(float(da) - 2 * float(mpmath.digamma(2.5) - mpmath.digamma(3.25))) <= 1e-14
    assert abs(float(db) - 2 * float(mpmath.digamma(0.75) - mpmath.digamma(3.25))) <= 1e-13
    (_, grad, _), _ = f.gradients
    value = mp_function([a.symbol for a in f.params] + [f.upstream.symbol], grad)(mpmath.mpf(2.5), mpmath.mpf(0.75), 2)
    assert abs(value - 2 * (mpmath.digamma(2.5) - mpmath.digamma(3.25))) <= mpmath.mpf(10) ** -14


def test_the_derivative_of_digamma_is_printed_as_polygamma():
    # the VJP of a definition with digamma (a Gamma KL, the expected log of a Dirichlet) holds polygamma(1, x): no
    # lowering printed it, so every VJP candidate failed and codegen stopped with an internal error
    (f,) = build([read_ascii_definition("digdiff(a, b) = digamma(a) - digamma(a + b)")])
    derive_gradients(f)
    code, module = compile_function(f, True)
    assert "scipy.special.polygamma(1, " in code
    da, db = module.digdiff_vjp(np.float64(2.5), np.float64(0.75), np.float64(2.0))
    want_a, want_b = 2 * (mpmath.polygamma(1, 2.5) - mpmath.polygamma(1, 3.25)), -2 * mpmath.polygamma(1, 3.25)
    assert abs(float(da) - float(want_a)) <= 1e-14 and abs(float(db) - float(want_b)) <= 1e-14
