r"""The chain rule through named functions (readers.notes.dependencies): after $f(u, v)$, $u(a, b)$, ...
are defined, $\frac{\partial f}{\partial w} = \dots$ is a claim about them, not a new definition of
$\partial f/\partial w$.  The notes here are made up, not corpus text."""
from __future__ import annotations

import sympy as sp

from readers.notes.check import check_notes
from readers.notes.dependencies import through_definitions, through_graph

_GRAPH = r"""# A small graph

Let

$$
\begin{aligned}
g(p, q) & = p q + q, \\
p(s, t) & = s^3 - t, \qquad q(s, t) = \sin(s) + t^2.
\end{aligned}
$$

Then

$$
{claim}
$$
"""

RIGHT_W = r"\frac{\partial g}{\partial s} = \frac{\partial g}{\partial p}\frac{\partial p}{\partial s}" \
          r" + \frac{\partial g}{\partial q}\frac{\partial q}{\partial s}"
RIGHT_T = r"\frac{\partial g}{\partial t} = \frac{\partial g}{\partial p}\frac{\partial p}{\partial t}" \
          r" + \frac{\partial g}{\partial q}\frac{\partial q}{\partial t}"
MISSING_TERM = r"\frac{\partial g}{\partial s} = \frac{\partial g}{\partial p}\frac{\partial p}{\partial s}"
SWAPPED = r"\frac{\partial g}{\partial t} = \frac{\partial g}{\partial p}\frac{\partial p}{\partial s}" \
          r" + \frac{\partial g}{\partial q}\frac{\partial q}{\partial s}"


def _block(claim):
    (block,) = [b for b in check_notes(_GRAPH.replace("{claim}", claim)).blocks if "{claim}" not in b.source
                and "partial" in b.source]
    return block


def test_the_chain_rule_through_defined_names_is_a_claim_and_holds():
    for claim in (RIGHT_W, RIGHT_T):
        block = _block(claim)
        assert block.role == "claim"
        assert block.verdict in ("proved", "verified"), block.steps


def test_a_wrong_chain_rule_through_defined_names_is_refuted():
    for claim in (MISSING_TERM, SWAPPED):
        block = _block(claim)
        assert block.role == "claim"
        assert block.verdict == "refuted", block.steps


def test_a_function_after_a_condition_mark_on_a_definition_row_is_defined_too():
    report = check_notes(_GRAPH.replace("{claim}", r"\frac{\partial q}{\partial s} = \cos(s)"))
    (definitions, claim) = [b for b in report.blocks if b.kind == "display"]
    assert any(d.startswith("q(") for d in definitions.definitions), definitions.definitions
    assert claim.verdict in ("proved", "verified")


def test_a_derivative_of_a_name_the_definitions_do_not_give_is_left_alone():
    f, u, v, a, b = sp.symbols("f u v a b", real=True)
    functions = {"f": [((u, v), (u + v) ** 2)], "u": [((a, b), (a + b) ** 2)]}
    # v is only named: nothing says how it depends on a, so the chain rule is not read through the graph
    lhs = sp.Derivative(f, a)
    rhs = sp.Derivative(f, u) * sp.Derivative(u, a) + sp.Derivative(f, v) * sp.Derivative(v, a)
    assert through_graph(lhs, rhs, functions, {}) is None
    # f reaches a through u: b (not reaching a) is held fixed, u is written in a and b
    assert sp.expand(through_definitions(lhs, functions, {}) - 4 * ((a + b) ** 2 + v) * (a + b)) == 0
    assert through_definitions(sp.Derivative(f, sp.Symbol("z", real=True)), functions, {}) is None
