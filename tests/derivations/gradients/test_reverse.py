"""Reverse mode through the definitions, and the rewritings that give the derived VJPs the closed forms' shape.

Every gradient record with an upstream gradient is derived (not typed) and measured by the record's own
numeric checks, with the derived expression in place of the closed form: against the hand-written NumPy
backward (mpmath evaluation of the derived form) and against central differences of the formula in mpmath.
"""
import dataclasses

import pytest
import sympy as sp

from derivations.gradients import all_gradients
from derivations.gradients.check import check_numeric
from derivations.gradients.derive import Wrt
from derivations.gradients.reverse import (
    infer_shapes,
    record_vjp,
    reverse_vjps,
    simplex_of,
)
from derivations.gradients.simplify import (
    rational_in_exp,
    reindexed_windows,
    roots_into_sums,
    simplex_sums,
    simplify_vjp,
    split_outer_sums,
    vanishing_sums,
    weights_inside,
)
from symbolic.record import Definition, Output

N_RANDOM, MAX_POINTS = 4, 10
"""Points per record (random ones, then edge points): the closed forms' test takes 8 and 24; the derived
forms are checked at fewer because multi-head attention's sums are evaluated in mpmath."""
UPSTREAM = [g for g in all_gradients() if g.upstream is not None]

i, j, k, l, n, K = sp.symbols("i j k l n K", integer=True)
x, y, z, w, g = (sp.IndexedBase(s) for s in "xyzwg")


def derived_record(grad):
    expr = simplify_vjp(record_vjp(grad), simplex_of(grad.subject))
    return dataclasses.replace(grad, vjp=Output(grad.vjp.lhs, expr, grad.vjp.indices), definitions=())


@pytest.mark.parametrize("grad", UPSTREAM, ids=lambda r: r.id)
def test_derived_vjp_agrees_with_the_backward_and_finite_differences(grad):
    ref_check, fd_check = check_numeric(derived_record(grad), n_random=N_RANDOM, max_points=MAX_POINTS)
    assert ref_check["verdict"] == "verified", ref_check
    assert fd_check["verdict"] == "verified", fd_check


def test_a_wrong_derivation_is_caught_by_the_same_check():
    grad = next(r for r in UPSTREAM if r.id == "layer_norm_vjp_x")
    wrong = derived_record(grad)
    wrong = dataclasses.replace(wrong, vjp=Output(wrong.vjp.lhs, wrong.vjp.expr * 2, wrong.vjp.indices))
    ref_check, fd_check = check_numeric(wrong, n_random=2, max_points=4)
    assert ref_check["verdict"] == fd_check["verdict"] == "refuted"


def test_adjoints_follow_the_chain_of_definitions():
    r"""$y = \sum_i s_i^2$, $s_i = 3 x_i$: $\bar{s}_i = 2 g s_i$, $\bar{x}_i = 3 \bar{s}_i$."""
    s = sp.IndexedBase("s")
    defs = (Definition(s[i], 3 * x[i]),)
    grads, adjoints = reverse_vjps(defs, sp.Sum(s[j] ** 2, (j, 0, n - 1)), (), {"x": Wrt(x, (n,))}, sp.Symbol("g"))
    (adj,) = adjoints
    expr, kappa = grads["x"]
    ((q, _, _),) = kappa
    assert sp.simplify(adj.expr.xreplace({adj.lhs.indices[0]: q}) - 2 * sp.Symbol("g") * s[q]) == 0
    assert sp.simplify(expr - 3 * sp.IndexedBase(r"\bar{s}")[q]) == 0


def test_intermediate_shapes_are_read_off_the_axes_they_index():
    S = sp.IndexedBase("S")
    shapes = infer_shapes((Definition(S[i, j], sp.Sum(x[i, k] * w[j, k], (k, 0, K - 1))),), {x: (n, K), w: (l, K)})
    assert shapes[S] == (n, l)


def test_normalizer_goes_next_to_its_exponential():
    Z = sp.Sum(sp.exp(z[j]), (j, 0, K - 1))
    got = weights_inside(sp.Sum(sp.exp(z[i]) * g[i], (i, 0, K - 1)) / Z)
    assert got == sp.Sum(sp.exp(z[i]) * g[i] / Z, (i, 0, K - 1))
    nested = sp.Sum(g[l] * sp.Sum(sp.exp(z[i]) * w[i, l], (i, 0, K - 1)), (l, 0, n - 1)) / Z
    assert weights_inside(nested) == sp.Sum(g[l] * sp.Sum(sp.exp(z[i]) * w[i, l] / Z, (i, 0, K - 1)), (l, 0, n - 1))
    other = sp.Sum(sp.exp(2 * z[i]) * g[i], (i, 0, K - 1)) / Z  # not its exponential: left alone
    assert weights_inside(other) == other


def test_sum_vanishing_by_linearity_is_dropped_and_others_kept():
    mean = sp.Sum(x[l], (l, 0, n - 1)) / n
    assert vanishing_sums(3 * sp.Sum(x[j] - mean, (j, 0, n - 1))) == 0
    kept = sp.Sum((x[j] - mean) ** 2, (j, 0, n - 1))
    assert vanishing_sums(kept) == kept


def test_outer_product_is_split_and_a_smaller_sum_kept():
    b = sp.IndexedBase("b")
    outer = sp.Sum((w[j, k] - b[i, k]) * g[i, j], (j, 0, n - 1))  # (w - b) would be an (i, j, k) array
    got = split_outer_sums(outer)
    assert not any(isinstance(f, sp.Add) for s in got.atoms(sp.Sum) for f in sp.Mul.make_args(s.function))
    assert sp.expand(got.doit() - outer.doit()).subs(n, 3) == 0 or sp.simplify((got - outer).subs(n, 3).doit()) == 0
    inside = sp.Sum((w[i, j] - b[i, 0]) * g[i, j], (j, 0, n - 1))  # no larger array: kept as written
    assert split_outer_sums(inside) == inside


def test_convolution_input_gradient_sums_over_the_kernel():
    M, N = sp.symbols("M N", integer=True, positive=True)
    p, t = sp.symbols("p t", integer=True, nonnegative=True)
    kk = sp.IndexedBase("k")
    expr = sp.Sum(sp.Piecewise((g[t] * kk[p - t], (p - t >= 0) & (p - t <= M - 1)), (0, True)), (t, 0, N - M))
    got = reindexed_windows(expr)
    ((m, lo, hi),) = got.limits
    assert (lo, hi) == (0, M - 1)
    read = next(a for a in got.atoms(sp.Indexed) if a.base == kk)
    assert sp.expand(read.indices[0]) in (m, M - 1 - m)
    for NN, MM, pp in ((7, 3, 0), (7, 3, 4), (7, 3, 6), (5, 5, 2)):
        vals = {N: NN, M: MM, p: pp}
        gv = {g[s]: s + 1 for s in range(NN)}
        kv = {kk[s]: 10 * s + 3 for s in range(-NN, NN)}
        a = expr.subs(vals).doit().xreplace(gv).xreplace(kv)
        b = got.subs(vals).doit().xreplace(gv).xreplace(kv)
        assert a == b


def test_rational_function_of_an_exponential_in_partial_fractions():
    u, yy, gg = sp.symbols("u y g", real=True)
    sig = 1 / (1 + sp.exp(-u))
    bce = -gg * (yy / sig - (1 - yy) / (1 - sig)) * sp.diff(sig, u)
    got = rational_in_exp(bce)
    assert sp.count_ops(got) < sp.count_ops(bce)
    assert sp.simplify(got - gg * (sig - yy)) == 0


def test_powers_of_a_radicand_become_square_roots_in_the_sums():
    b = sp.Symbol("epsilon") + sp.Sum(x[j] ** 2, (j, 0, n - 1))
    expr = x[k] * sp.Sum(x[i] * g[i], (i, 0, n - 1)) / b + 1 / sp.sqrt(b)  # b is a radicand: sqrt(b) occurs
    got = roots_into_sums(expr)
    assert {p.exp for p in got.atoms(sp.Pow) if p.base == b} <= {sp.S.Half, -sp.S.Half}
    assert sp.simplify((got - expr).subs(n, 3).doit()) == 0


def test_probability_vector_sums_to_one():
    assert simplex_sums(g[i] * sp.Sum(y[i, k], (k, 0, K - 1)), ((y, K),)) == g[i]
    partial = sp.Sum(y[i, k], (k, 0, K - 2))
    assert simplex_sums(partial, ((y, K),)) == partial
