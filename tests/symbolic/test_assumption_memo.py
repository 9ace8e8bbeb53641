"""symbolic.assumption_memo: equal expressions share one base of assumption facts, and only equal ones do."""
import importlib

import sympy as sp
from sympy.core.cache import clear_cache

from symbolic import assumption_memo

FACTS = ("zero", "positive", "nonnegative", "negative", "real", "extended_real", "finite", "integer", "rational")
x = sp.Symbol("x")
xp = sp.Symbol("x", positive=True)
t = sp.Symbol("t", real=True)


def _fresh(build):
    """``build()`` as a new object: sympy's constructor cache would otherwise hand back the one built before."""
    clear_cache()
    return build()


def _facts(expr) -> dict:
    return {fact: getattr(expr, f"is_{fact}") for fact in FACTS}


CASES = (
    lambda: sp.log(1 + sp.exp(t)) - t,
    lambda: (xp - 1) ** 2 / xp + sp.sqrt(xp),
    lambda: sp.exp(-t ** 2) * (t ** 2 + 1),
    lambda: sp.Sum(sp.IndexedBase("p", positive=True)[sp.Idx("i")], (sp.Idx("i"), 0, 3)),
)


def test_installed():
    assert importlib.import_module("sympy.core.assumptions")._ask is assumption_memo._ask


def test_remembered_facts_equal_fresh_ones():
    for build in CASES:
        assumption_memo.uninstall()
        try:
            want = _facts(_fresh(build))
        finally:
            assumption_memo.install()
        first = _fresh(build)
        _facts(first)
        second = _fresh(build)
        assert second is not first and second == first
        assert _facts(second) == want, build()
        assert second._assumptions is first._assumptions  # the memo was used, not only consistent


def test_no_fact_crosses_to_an_expression_with_other_assumptions():
    # the same tree, once over a positive x and once over a plain one: unequal, so each keeps its own facts
    for first, second in ((xp, x), (x, xp)):
        a, b = _fresh(lambda: sp.log(first) + first ** 2), _fresh(lambda: sp.log(second) + second ** 2)
        assert a != b
        _facts(a)
        assert b._assumptions is not a._assumptions
        assert (b.is_extended_real, b.is_finite) == ((True, True) if second is xp else (None, None))
    base, plain = sp.IndexedBase("w", positive=True), sp.IndexedBase("w")
    i = sp.Idx("i")
    assert (base[i] + 1).is_positive is True
    assert (plain[i] + 1).is_positive is None
    f, g = sp.Function("f", positive=True), sp.Function("f")
    assert (f(t) + 1).is_positive is True
    assert (g(t) + 1).is_positive is None


def test_starts_afresh_past_its_limit(monkeypatch):
    monkeypatch.setattr(assumption_memo, "LIMIT", 3)
    assumption_memo.uninstall()
    assumption_memo.install()
    for k in range(10):
        assert (t ** 2 + k + 1).is_positive is True
        assert len(assumption_memo._bases) <= 3
