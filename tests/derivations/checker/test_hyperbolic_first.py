r"""The zero tests try ``rewrite(exp)`` before ``trigsimp`` on a difference with hyperbolic functions and no
trigonometric ones (``zero.ordered_for``): the same reductions, in another order, never a different answer."""
import sympy as sp

from derivations.checker.strategies.zero import CHEAP, RATIO_TESTS, ZERO_TESTS, ordered_for, prove_equal

x = sp.Symbol("x", real=True)
a, b = sp.symbols("a b", real=True)


def names(tests):
    return [name for name, _ in tests]


def test_hyperbolic_difference_rewrites_to_exp_before_trigsimp():
    for tests in (ZERO_TESTS, CHEAP):
        moved = names(ordered_for(sp.tanh(x) - sp.sinh(x) / sp.cosh(x), tests))
        assert sorted(moved) == sorted(names(tests))  # the same reductions, each once
        assert moved.index("rewrite(exp)") == moved.index("trigsimp") - 1
        assert moved[:moved.index("rewrite(exp)")] == names(tests)[:names(tests).index("trigsimp")]


def test_order_kept_with_trigonometric_functions_without_hyperbolic_ones_or_without_both_tests():
    for difference in (sp.sin(x) ** 2 + sp.cos(x) ** 2 - 1, sp.sinh(x) - sp.sin(x), sp.exp(x) - 1):
        assert ordered_for(difference, ZERO_TESTS) is ZERO_TESTS
    assert ordered_for(sp.tanh(x), RATIO_TESTS) is RATIO_TESTS


def test_identities_still_proved_and_by_the_exponentials():
    # trigsimp proved tanh = sinh/cosh before (fails on the old order); the sigmoid difference's case identity,
    # which trigsimp does not take to zero, is proved by rewrite(exp) as before
    assert prove_equal(sp.tanh(x), sp.sinh(x) / sp.cosh(x)) == "rewrite(exp)"
    sigmoid = lambda t: 1 / (1 + sp.exp(-t))  # noqa: E731
    assert prove_equal(sigmoid(a) - sigmoid(b),
                       sp.sinh(a / 2 - b / 2) / (2 * sp.cosh(a / 2) * sp.cosh(b / 2))) == "rewrite(exp)"
    assert prove_equal(sp.sin(x) ** 2, 1 - sp.cos(x) ** 2) is not None
    assert prove_equal(sp.tanh(x), sp.sinh(x)) is None
