r"""Equalities up to an additive constant (``+ \text{const}``, or ``+ c`` where the prose says constant): some
constant fits, so the claim holds when ``lhs - rest`` is the same at any two points, and a counterexample is two
points where it differs (readers.notes.up_to_constant).  Read as one more variable, the constant refuted the right
line below (at const = 1/2), and the slip was refuted at a value of the constant.

Expected verdicts: -log N(y; mu, 1) = (y - mu)^2/2 + log sqrt(2 pi), so the half of the squared error is right up
to a constant and the whole squared error is not (the difference (y - mu)^2/2 depends on y)."""
import sympy as sp

from derivations.checker.ladder import check_step
from derivations.checker.step import Step
from readers.notes import up_to_constant
from readers.notes.check import check_notes

NLL = r"-\log\left(\frac{1}{\sqrt{2\pi}} e^{-(y - \mu)^2/2}\right)"


def test_a_right_line_up_to_a_constant_is_not_refuted():
    [s] = [s for b in check_notes(rf"$${NLL} = \frac{{1}}{{2}}(y - \mu)^2 + \text{{const}}$$", budget=10.0).blocks
           for s in b.steps]
    assert s.verdict in ("proved", "verified"), (s.reason, s.method)


def test_a_slip_up_to_a_constant_is_refuted_at_two_points_not_at_a_value_of_the_constant():
    y, mu, c = sp.symbols("y mu c", real=True)
    nll = (y - mu) ** 2 / 2 + sp.log(sp.sqrt(2 * sp.pi))
    assert up_to_constant.split(nll, (y - mu) ** 2 + c) is None  # a letter needs the prose's word
    assert up_to_constant.cued(nll, (y - mu) ** 2 + c, "Up to an additive constant $, the log-likelihood is")
    side, rest, constant = up_to_constant.split(nll, (y - mu) ** 2 + c, letters=True)
    difference, copy, _ = up_to_constant.doubled(side, rest)
    verdict = check_step(Step(difference, copy, undefined="refutes"), budget=10.0)
    assert constant == c and verdict.kind == "refuted"
    assert "c" not in verdict.counterexample and {"y'", "mu'"} & set(verdict.counterexample)
