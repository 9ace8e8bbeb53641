"""codegen.rebuild: the pairs and trees sympy builds, a condition holding a Piecewise folded once per condition."""
import sympy as sp
from sympy.functions.elementary.piecewise import ExprCondPair

from codegen import rebuild
from codegen.rules_pairing import paired_quotient, quotient_into_sum

x, y, z, w = sp.symbols("x y z w", real=True)
INNER = sp.Piecewise((x / y, x > 1), (y / x, True))
"""A selection such as a paired quotient makes; a comparison of its magnitude is a condition sympy folds."""


def _nested():
    """A quotient of a product whose divisor holds a selection: its pairing compares |selection| (a condition
    holding a Piecewise), and the selection the pairing makes is rebuilt when the outer quotient is paired too."""
    return x * z / (w * (INNER + 2)) + sp.Abs(x * y / (z * INNER))


def test_pair_is_the_pair_sympy_builds():
    cond = sp.Abs(INNER) >= 1
    assert sp.srepr(rebuild.pair(z, cond)) == sp.srepr(ExprCondPair(z, cond))
    assert sp.srepr(rebuild.pair(z, True)) == sp.srepr(ExprCondPair(z, True))
    assert sp.srepr(rebuild.pair(w, cond)) == sp.srepr(ExprCondPair(w, cond))  # the same folding for another value


def test_replace_is_sympys_replace():
    def query(e):
        return isinstance(e, sp.Mul) and any(isinstance(a, sp.Pow) and a.exp == -1 for a in e.args)

    def value(e):
        return 2 * e

    for expr in (_nested(), sp.Piecewise((x * y / z, sp.Abs(INNER) > 2), (w, True)), x / y + y / x):
        assert sp.srepr(rebuild.replace(expr, query, value)) == sp.srepr(expr.replace(query, value))
        assert sp.srepr(rebuild.replace(expr, query, paired_quotient)) == sp.srepr(expr.replace(query, paired_quotient))


def test_a_condition_is_folded_once_however_often_its_pair_is_built(monkeypatch):
    """The search builds the same candidate subtrees for many rule sets: the folded condition is remembered."""
    rebuild.FOLDED.clear()
    folds = []
    original = ExprCondPair.__new__

    def counted(cls, expr, cond):
        if isinstance(cond, sp.Basic) and cond.has(sp.Piecewise):
            folds.append(cond)
        return original(cls, expr, cond)

    monkeypatch.setattr(ExprCondPair, "__new__", counted)
    first = paired_quotient(_nested())
    n = len(folds)
    assert n >= 1 and rebuild.FOLDED
    again = paired_quotient(_nested())
    assert again == first and len(folds) == n  # built again from the remembered conditions, not folded again
    quotient_into_sum(first)
    assert len(folds) == len(set(folds))  # no condition folded twice
