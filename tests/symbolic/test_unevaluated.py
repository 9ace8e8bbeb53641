"""``unevaluated.renamed`` builds the tree ``with sympy.evaluate(False): expr.xreplace(rule)`` builds (the oracle,
compared by ``srepr``), without emptying sympy's cache where every node above a renamed atom takes the keyword; and
the mpmath functions the checker compiles from the renamed sides print to the same source as before."""
import inspect

import pytest
import sympy as sp
import sympy.core.parameters
from sympy.codegen.cfunctions import log1p

from derivations.checker.strategies import evaluate
from symbolic.unevaluated import renamed

A, D = sp.Symbol("A", real=True), sp.Symbol("D", positive=True)
z0, z1, w0 = (sp.Symbol(name, real=True) for name in ("z[0]", "z[1]", "w[0]"))
p0, p1 = sp.Symbol("p[0]", positive=True), sp.Symbol("p[1]", positive=True)
d = sp.Dummy("t", real=True)
v = sp.IndexedBase("v", real=True)
M = sp.Max(z0, z1, w0)

CASES = [  # (expr, the renamed atoms, whether some node on the way needs sympy's switch)
    (A / D + 2 * z0 * w0 / D, (z0, w0), False),  # Add, Mul, Pow
    (sp.exp(z0 - M) / (sp.exp(z0 - M) + sp.exp(z1 - M) + sp.exp(w0 - M)), (z0, z1, w0), False),  # Max at three places
    (sp.Min(p0, p1, 1) * sp.log(p0 / p1) - p1 ** sp.Rational(3, 2), (p0, p1), False),
    (log1p(sp.exp(-sp.Abs(z0))) + sp.sign(z1) * sp.Heaviside(z1, 0), (z0, z1), False),
    (sp.Piecewise((z0 / D, sp.Abs(z0) >= sp.Abs(w0)), (z0 * (w0 / D), True)), (z0, w0), False),
    (sp.Piecewise((z0, sp.And(z0 > 0, w0 < 1)), (-z0, True)), (z0, w0), True),  # And: the switch
    (d**2 + sp.tanh(d) - sp.erf(v[0] * d), (d, v[0]), False),  # a Dummy and an array element
    (sp.Sum(z0 * sp.Symbol("k", integer=True), (sp.Symbol("k", integer=True), 0, 3)), (z0,), True),  # Sum: the switch
    (A * D - 1, (z0,), False),  # nothing of the rule in the tree: the tree itself
]


def _rule(atoms):
    return {s: sp.Symbol(f"_arg{k}", **s.assumptions0) for k, s in enumerate(atoms)}


@pytest.mark.parametrize("expr, atoms, switch", CASES)
def test_renamed_is_the_tree_the_unevaluated_xreplace_builds(expr, atoms, switch, monkeypatch):
    rule = _rule(atoms)
    with sp.evaluate(False):
        expected = expr.xreplace(rule)
    cleared = []
    monkeypatch.setattr(sympy.core.parameters, "clear_cache", lambda: cleared.append(1))
    got = renamed(expr, rule)
    assert sp.srepr(got) == sp.srepr(expected)
    assert len(cleared) == (2 if switch else 0)  # entering and leaving evaluate(False), and only where needed


@pytest.mark.parametrize("expr, atoms", [(e, a) for e, a, _ in CASES[:5]])
def test_compiled_sides_print_as_before_and_keep_the_cache(expr, atoms, monkeypatch):
    symbols = [*atoms, A, D]
    arguments, side = evaluate.identifier_arguments(symbols, expr)
    with sp.evaluate(False):
        before = expr.xreplace(dict(zip(symbols, arguments)))
    assert inspect.getsource(sp.lambdify(arguments, side, modules="mpmath")) == \
        inspect.getsource(sp.lambdify(arguments, before, modules="mpmath"))
    cleared = []
    monkeypatch.setattr(sympy.core.parameters, "clear_cache", lambda: cleared.append(1))
    evaluate.identifier_arguments(symbols, expr)
    assert not cleared
