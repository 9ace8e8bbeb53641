r"""Recorded lemmas as data: a name, a statement ``expr >= 0``, its conditions, and an anchor.

The inequality prover applies a lemma by substitution: for each instance of the
``anchor`` pattern in the claim (say $\log u$ with $u > 0$), it subtracts a
positive multiple of the lemma's left side at $x = u$ and tries to show that
what remains is a sum of non-negative terms.

Gibbs' and Jensen's inequalities are recorded with their conditions for
reference and for the catalog; the prover reaches Gibbs through
``log_ge_one_minus_inverse`` applied term by term (with $\sum_k p_k = 1$).
"""
from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

x = sp.Symbol("x", real=True)
_K = sp.Symbol("K", integer=True, positive=True)
_k = sp.Symbol("k", integer=True)
_p, _q = sp.IndexedBase("p"), sp.IndexedBase("q")


@dataclass(frozen=True)
class Lemma:
    r"""``statement`` is $f(x) \ge 0$ for all ``variable`` satisfying ``conditions``."""

    name: str
    variable: sp.Symbol | None
    statement: sp.Rel
    conditions: tuple[sp.Basic, ...] = ()
    anchor: sp.Expr | None = None
    reference: str = ""

    @property
    def expr(self) -> sp.Expr:
        """The left side $f$ of $f \\ge 0$."""
        return self.statement.lhs - self.statement.rhs

    def at(self, value: sp.Expr) -> sp.Expr:
        """$f(value)$, the lemma's non-negative expression at ``variable = value``."""
        return self.expr.xreplace({self.variable: value})

    def holds_at(self, value: sp.Expr) -> bool:
        """Whether sympy can tell that ``value`` is real and every condition holds at ``variable = value``."""
        return value.is_real is True and all(bool(c.xreplace({self.variable: value}) == sp.true) for c in self.conditions)

    def anchor_coefficient(self) -> sp.Expr:
        """The coefficient of the anchor in $f$ (its sign says which way the lemma bounds the anchor)."""
        return sp.expand(self.expr).coeff(self.anchor)


LOG_LE_X_MINUS_ONE = Lemma(
    "log_le_x_minus_one", x, sp.Ge(x - 1 - sp.log(x), 0), (x > 0,), sp.log(x),
    r"$\log x \le x - 1$ for $x > 0$ (tangent line of the concave $\log$ at 1)")
LOG_GE_ONE_MINUS_INVERSE = Lemma(
    "log_ge_one_minus_inverse", x, sp.Ge(sp.log(x) - 1 + 1 / x, 0), (x > 0,), sp.log(x),
    r"$\log x \ge 1 - 1/x$ for $x > 0$ (the previous lemma at $1/x$)")
EXP_GE_ONE_PLUS_X = Lemma(
    "exp_ge_one_plus_x", x, sp.Ge(sp.exp(x) - 1 - x, 0), (), sp.exp(x),
    r"$e^x \ge 1 + x$ for real $x$ (tangent line of the convex $\exp$ at 0)")
SQUARE_NONNEGATIVE = Lemma(
    "square_nonnegative", x, sp.Ge(x**2, 0, evaluate=False), (), x**2, r"$x^2 \ge 0$ for real $x$")
GIBBS = Lemma(
    "gibbs", None,
    sp.Ge(sp.Sum(_p[_k] * sp.log(_p[_k] / _q[_k]), (_k, 0, _K - 1)), 0),
    (sp.Eq(sp.Sum(_p[_k], (_k, 0, _K - 1)), 1), sp.Eq(sp.Sum(_q[_k], (_k, 0, _K - 1)), 1), _p[_k] > 0, _q[_k] > 0),
    None, r"Gibbs: $\mathrm{KL}(p \| q) \ge 0$ for probability vectors with positive entries")
JENSEN_LOG = Lemma(
    "jensen_log", None,
    sp.Ge(sp.log(sp.Sum(_p[_k] * _q[_k], (_k, 0, _K - 1))) - sp.Sum(_p[_k] * sp.log(_q[_k]), (_k, 0, _K - 1)), 0),
    (sp.Eq(sp.Sum(_p[_k], (_k, 0, _K - 1)), 1), _p[_k] >= 0, _q[_k] > 0),
    None, r"Jensen for the concave $\log$: $\log \mathbb{E}[q] \ge \mathbb{E}[\log q]$")

LEMMAS: tuple[Lemma, ...] = (
    LOG_LE_X_MINUS_ONE, LOG_GE_ONE_MINUS_INVERSE, EXP_GE_ONE_PLUS_X, SQUARE_NONNEGATIVE, GIBBS, JENSEN_LOG)
"""Every recorded lemma; the prover uses those with an ``anchor``."""

APPLICABLE: tuple[Lemma, ...] = tuple(lemma for lemma in LEMMAS if lemma.anchor is not None and lemma.variable is not None)
