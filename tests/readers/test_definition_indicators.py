r"""An indicator in a definition is a selection, never a parameter (issue 13, held-out round four: the quantile Huber
loss's $|\tau - \mathbb{1}_{u < 0}|$ was read as one symbol and became a keyword argument ``mathbb_1___u___0``)."""
import pytest
import sympy as sp

from codegen.define import DefinitionError, build
from readers.definition import read_definitions

u, a = sp.Symbol("u", real=True), sp.Symbol("a", real=True)


@pytest.mark.parametrize("latex, cond, keywords", [
    (r"\mathbb{1}_{u < 0}", u < 0, []),
    (r"\mathbf{1}_{u \ge 1}", u >= 1, []),
    (r"\mathbb{1}_{0 < u \le a}", sp.And(u > 0, u <= a), ["a"]),
    (r"\mathbb{1}[u < 0]", u < 0, []),  # (caught46) the LaTeX reader reads the bracket as the indicator's condition
    (r"\mathbf{1}(u < 0)", u < 0, []),
])
def test_a_subscripted_one_is_the_indicator_of_its_condition(latex, cond, keywords):
    (d,) = read_definitions(rf"$$ \mathrm{{F}}(u) = {latex} \, u^{{2}} $$")
    (f,) = build([d])
    assert [k.name for k in f.keywords] == keywords
    values = {u: 0.5}, {u: -0.5}, {u: 2.0}
    for at in values:
        at = {**at, a: 1.0}
        want = float(at[u] ** 2) if bool(cond.subs(at)) else 0.0
        assert float(f.expr.subs({s: at[sp.Symbol(str(s), real=True)] for s in f.expr.free_symbols})) == want


@pytest.mark.parametrize("latex, message", [
    (r"\mathbb{1}_{u \in A}", "condition in a subscript"),
])
def test_a_condition_it_cannot_read_is_an_error_not_a_keyword(latex, message):
    with pytest.raises(DefinitionError, match=message):
        read_definitions(rf"$$ \mathrm{{F}}(u) = {latex} \, u $$")
