r"""Closed improper integrals that diverge (derivations.checker.strategies.divergence): refuted only when every
reading fails (no value, +oo, -oo, a number; the principal value of a two-sided divergence counts as a reading)."""
import pytest
import sympy as sp

from derivations.checker.strategies.divergence import divergent_refutation

t, s = sp.symbols("t s", real=True)


def _integral(f, lo, hi, v=t):
    return sp.Integral(f, (v, lo, hi))


@pytest.mark.parametrize("lhs, rhs, refuted", [
    (_integral(2 * t / (4 + t**2), -sp.oo, sp.oo), _integral(1 / s, 2, sp.oo, s), True),   # no value vs +oo
    (_integral(2 * t / (4 + t**2), -sp.oo, sp.oo), sp.Integer(3), True),                    # principal value 0 != 3
    (_integral(2 * t / (4 + t**2), -sp.oo, sp.oo), sp.Integer(0), False),                   # the principal value
    (_integral(1 / (4 + t**2), -sp.oo, sp.oo), sp.oo, True),                                # pi/2 is finite
    (_integral(1 / (4 + t**2), -sp.oo, sp.oo), sp.pi / 2, False),                           # two numbers: not here
    (_integral(t**2 / (4 + t**2), 0, sp.oo), sp.oo, False),                                 # it is +oo
    (_integral(t**2 / (4 + t**2), 0, sp.oo), -sp.oo, True),
    (_integral(sp.exp(-t) * t, 0, sp.oo), sp.oo, False),                                    # not rational: not read
])
def test_divergent_refutation(lhs, rhs, refuted):
    assert (divergent_refutation(lhs, rhs, "=") is not None) is refuted
