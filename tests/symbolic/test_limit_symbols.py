"""symbolic.limit_symbols: the free symbols of a sum, as sympy's own, without rebuilding the body."""
import sympy as sp
from sympy.concrete.expr_with_limits import ExprWithLimits

from symbolic.limit_symbols import _original, free_symbols

x, y, n = sp.symbols("x y n")
i, j = sp.symbols("i j", integer=True)
a = sp.IndexedBase("a")
SUMS = (
    sp.Sum(x, (x, 0, y)),
    sp.Sum(x, (x, 0, x + 1)),  # the bound variable also free in its own bound
    sp.Integral(x * y, (x,)),  # a limit without bounds keeps its variable
    sp.Integral(x * y, (x, 0, x)),
    sp.Sum(sp.Sum(i * x, (i, 0, x)), (x, 0, 3)),
    sp.Product(x * y, (x, y, 2 * y)),
    sp.Sum(sp.exp(a[i]) * sp.log(sp.exp(a[i]) / sp.Sum(sp.exp(a[j]), (j, 0, n - 1))), (i, 0, n - 1)),
    sp.Sum(a[i] * x, (a[i], 0, y)),  # a variable that is not a symbol: sympy's own path
)


def test_free_symbols_of_a_sum_are_sympys():
    for s in SUMS:
        assert free_symbols(s) == _original(s), s
        assert s.free_symbols == _original(s), s


def test_installed_and_not_rebuilding_the_body():
    assert ExprWithLimits.free_symbols.fget is free_symbols
    calls = []
    body = sp.exp(a[i]) * x
    total = sp.Sum(body, (i, 0, n - 1))
    want = _original(total)
    real = type(body).xreplace

    def spy(self, *args, **kw):
        calls.append(self)
        return real(self, *args, **kw)

    type(body).xreplace = spy
    try:
        assert total.free_symbols == want
        assert total.is_number is False
    finally:
        type(body).xreplace = real
    assert calls == []
