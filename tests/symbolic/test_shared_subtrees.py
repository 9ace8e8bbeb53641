"""symbolic.shared_subtrees: sympy's xreplace and replace, each distinct subtree rebuilt once; Max/Min remembered."""
import pytest
import sympy as sp

from symbolic.functions import ReduceMax
from symbolic.shared_subtrees import _lattice, build, replace, xreplace

x, y, g = (sp.IndexedBase(name, real=True) for name in "xyg")
i, j, k, n = sp.symbols("i j k n", integer=True)
M = sp.Max(ReduceMax(sp.Abs(x[j]), (j, 0, n - 1)), sp.Rational(1, 10**300))
HOMOGENEOUS = (x[k] / M) * sp.Sum(g[i] * (x[i] / M), (i, 0, n - 1)) / sp.Sum((x[j] / M) ** 2, (j, 0, n - 1))
"""``homogeneous_scale``'s right side: $M$ at three places, inside and outside sums."""


def _write_out(node):
    (index, lo, hi), = node.limits
    combine = sp.Add if isinstance(node, sp.Sum) else sp.Max
    return combine(*(node.function.xreplace({index: v}) for v in range(int(lo), int(hi) + 1)))


def _written(node):
    return isinstance(node, (sp.Sum, ReduceMax)) and all(b.is_Integer for _, *bounds in node.limits for b in bounds)


def test_xreplace_is_sympys():
    p = sp.Symbol("p", positive=True)
    piecewise = sp.Piecewise((x[0] / M, x[0] > 0), (M, True)) + sp.sqrt(x[0] ** 2 + M)
    for expr in (HOMOGENEOUS, piecewise, sp.Max(x[0], x[1], x[0] + 1) * sp.Min(x[0], x[1])):
        for rule in ({n: 3}, {n: 3, k: 1}, {x[0]: p}, {M: p}, {x[0]: y[0], x[1]: y[0]}, {}):
            assert xreplace(expr, rule) == expr.xreplace(rule)
    assert xreplace(sp.Integer(3), {sp.Integer(3): p}) == p


def test_repeated_subtree_rebuilt_once():
    """The three places of M hold one object after the replacement (sympy builds one per place)."""
    out = xreplace(HOMOGENEOUS, {n: 3, x[1]: y[1]})
    maxima = [node for node in sp.preorder_traversal(out) if isinstance(node, sp.Max)]
    assert len(maxima) >= 3 and len({id(m) for m in maxima}) == 1


def test_replace_is_sympys():
    at_three = HOMOGENEOUS.xreplace({n: 3, k: 0})
    assert replace(at_three, _written, _write_out) == at_three.replace(_written, _write_out)
    doubled = sp.Sum(x[i], (i, 0, 2)) + sp.Sum(x[i], (i, 0, 2)) ** 2
    assert replace(doubled, _written, _write_out) == doubled.replace(_written, _write_out)
    # simultaneous: a node rebuilt equal to an argument that changed is not matched again
    a, b = sp.symbols("a b")
    expr = sp.sin(a) + sp.cos(b)
    swap = {sp.sin(a): sp.cos(b), sp.cos(b): sp.sin(a)}
    mine = replace(expr, lambda e: e in swap, lambda e: swap[e])
    assert mine == expr.replace(lambda e: e in swap, lambda e: swap[e])


def test_lattice_cache_equals_fresh_and_keeps_evaluate_apart():
    _lattice.cache_clear()
    z = sp.symbols("z0:4", real=True)
    args = (sp.Abs(z[0]), sp.Abs(z[1]), sp.Abs(z[0]), sp.Rational(1, 10**300))
    first = build(sp.Max, args)
    assert first == sp.Max(*args) and build(sp.Max, args) is first  # the second is the remembered one
    assert build(sp.Min, (z[0], z[0] - 1)) == sp.Min(z[0], z[0] - 1) == z[0] - 1
    pair = (z[0], z[0] - 1)
    assert build(sp.Max, pair) == z[0]
    with sp.evaluate(False):
        unevaluated = build(sp.Max, pair)
    assert unevaluated != z[0] and len(unevaluated.args) == 2  # not the evaluated one from the cache
    assert build(sp.Max, pair) == z[0] and build(sp.Max, args) is first
    # a caller's rewrite of the remembered node builds a new one; the remembered node is unchanged (sympy's are
    # immutable), so it cannot leak into the next caller
    assert first.xreplace({z[0]: z[2]}) != first and build(sp.Max, args) == sp.Max(*args)
    assert build(sp.Add, (z[0], z[1])) == z[0] + z[1]


def test_a_node_that_cannot_be_rebuilt_is_kept_only_when_asked():
    """``keep_unbuildable``: a node whose rebuilding raises ``TypeError`` stays as written (its arguments too, and no
    rule fires on it); elsewhere the walk goes on.  Without it the error reaches the caller."""
    a, b = sp.symbols("a b")
    expr = sp.Add(sp.sin(a), sp.Function("F")(sp.sin(a), b))

    def refusing(node, args):
        if node.func.__name__ == "F":
            raise TypeError("invalid comparison")
        return node.func(*args)

    query, value = (lambda e: e == sp.sin(a)), (lambda e: sp.cos(a))
    kept = replace(expr, query, value, refusing, keep_unbuildable=True)
    assert kept == sp.cos(a) + sp.Function("F")(sp.sin(a), b)
    with pytest.raises(TypeError):
        replace(expr, query, value, refusing)


_Z = sp.IndexedBase("z", real=True)
_ATOMS = {
    "real symbols": sp.symbols("a0:9", real=True),
    "positive symbols, another order": tuple(reversed(sp.symbols("p0:7", positive=True))),
    "integer symbols": sp.symbols("m0:5", integer=True),
    "array elements": tuple(_Z[v] for v in range(8)),
    "a repeated element": (_Z[0], _Z[1], _Z[0], _Z[2]),
}
_COMPARABLE = {  # the pairwise comparisons decide something here: built as sympy builds them
    "a number among them": (sp.Integer(0), *sp.symbols("q0:3", real=True)),
    "signs that order two": (sp.Symbol("u", positive=True), sp.Symbol("v", negative=True), sp.Symbol("w", positive=True)),
    "a sum": (sp.Symbol("s", real=True), sp.Symbol("s", real=True) + 1, sp.Symbol("t", real=True)),
    "no assumptions": sp.symbols("c0:3"),
}


@pytest.mark.parametrize("name", _ATOMS)
@pytest.mark.parametrize("func", [sp.Max, sp.Min])
def test_lattice_of_incomparable_atoms_is_sympys_node(name, func, monkeypatch):
    """Symbols or elements with one set of assumptions are built without comparing every pair, and the node is
    sympy's own."""
    _lattice.cache_clear()
    args = _ATOMS[name]
    with monkeypatch.context() as patched:
        patched.setattr(func, "_find_localzeros", classmethod(lambda cls, *a, **k: pytest.fail("pairs compared")))
        mine = build(func, args)
    sympys = func(*args)
    assert mine == sympys and mine.args == sympys.args and sp.srepr(mine) == sp.srepr(sympys)


@pytest.mark.parametrize("name", _COMPARABLE)
def test_lattice_of_comparable_arguments_is_evaluated(name):
    _lattice.cache_clear()
    args = _COMPARABLE[name]
    assert build(sp.Max, args) == sp.Max(*args) and build(sp.Min, args) == sp.Min(*args)
    if name == "signs that order two":
        assert sp.Max(*args) == sp.Max(args[0], args[2])  # v < 0 < u, w: dropped
