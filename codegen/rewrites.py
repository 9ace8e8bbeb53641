r"""Stability rewrites: named rules, each resting on an identity the step checker proves.

* ``exp_normalize``: $\dfrac{e^{a_i}}{\sum_j e^{f_j}} = \dfrac{e^{a_i - m}}{\sum_j e^{f_j - m}}$
  with $m = \max_j f_j$ (derivation ``exp_normalize``).
* ``log_softmax_split``: $\log \dfrac{e^{a}}{\sum_j e^{f_j}} = a - \log \sum_j e^{f_j}$
  for positive factors (derivation ``log_softmax_form``).
* ``logsumexp_shift``: $\log \sum_j e^{f_j} = m + \log \sum_j e^{f_j - m}$
  (derivation ``logsumexp_shift``).
* ``softplus_stable``: $\log(1 + e^{x}) = \max(x, 0) + \operatorname{log1p}(e^{-|x|})$
  (derivation ``softplus_stable``).
* ``log1p_expm1``: $\log(1 + t) = \operatorname{log1p}(t)$, $e^{x} - 1 = \operatorname{expm1}(x)$
  where a literal 1 is a term: no loss of $t$ below machine epsilon.

The rewritten expression is mathematically equal to the input for every real
input; only its floating-point behaviour changes (no overflow of ``exp``).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import sympy as sp
from sympy.codegen.cfunctions import expm1, log1p

from symbolic.functions import ReduceMax


@dataclass(frozen=True)
class Rewrite:
    name: str
    identity: str  # id of the derivation that proves the rule's identity
    apply: Callable[[sp.Expr], sp.Expr]


def _exp_sum(e) -> bool:
    return isinstance(e, sp.Sum) and isinstance(e.function, sp.exp) and len(e.limits) == 1


def _shifted_sum(s: sp.Sum) -> tuple[sp.Expr, sp.Sum]:
    """For ``Sum(exp(f), lim)`` return ``(m, Sum(exp(f - m), lim))`` with ``m = max f``."""
    f = s.function.args[0]
    m = ReduceMax(f, *s.limits)
    return m, sp.Sum(sp.exp(f - m), *s.limits)


def _exp_normalize(expr: sp.Expr) -> sp.Expr:
    def is_ratio(e):
        return isinstance(e, sp.Mul) and any(
            isinstance(a, sp.Pow) and a.exp == -1 and _exp_sum(a.base) for a in e.args
        )

    def shift(e):
        factors = list(e.args)
        k = next(
            n
            for n, a in enumerate(factors)
            if isinstance(a, sp.Pow) and a.exp == -1 and _exp_sum(a.base)
        )
        m, shifted = _shifted_sum(factors.pop(k).base)
        n = next((n for n, a in enumerate(factors) if isinstance(a, sp.exp)), None)
        if n is None:
            factors.append(sp.exp(-m, evaluate=False))
        else:
            factors[n] = sp.exp(factors[n].args[0] - m, evaluate=False)
        return sp.Mul(*factors, sp.Pow(shifted, -1))

    return expr.replace(is_ratio, shift)


def _log_softmax_split(expr: sp.Expr) -> sp.Expr:
    def is_log_ratio(e):
        return isinstance(e, sp.log) and isinstance(e.args[0], sp.Mul) and any(
            isinstance(a, sp.Pow) and a.exp == -1 and _exp_sum(a.base) for a in e.args[0].args
        ) and all(isinstance(a, sp.exp) or (isinstance(a, sp.Pow) and a.exp == -1) for a in e.args[0].args)

    def split(e):
        return sp.Add(*[a.args[0] if isinstance(a, sp.exp) else -sp.log(a.base) for a in e.args[0].args])

    return expr.replace(is_log_ratio, split)


def _logsumexp_shift(expr: sp.Expr) -> sp.Expr:
    def is_lse(e):
        return isinstance(e, sp.log) and _exp_sum(e.args[0])

    def shift(e):
        m, shifted = _shifted_sum(e.args[0])
        return m + sp.log(shifted)

    return expr.replace(is_lse, shift)


def _softplus_stable(expr: sp.Expr) -> sp.Expr:
    def is_softplus(e):
        if not isinstance(e, sp.log):
            return False
        a = e.args[0]
        return isinstance(a, sp.Add) and len(a.args) == 2 and sp.S.One in a.args and any(
            isinstance(t, sp.exp) for t in a.args
        )

    def stable(e):
        x = next(t for t in e.args[0].args if isinstance(t, sp.exp)).args[0]
        return sp.Max(x, 0) + log1p(sp.exp(-sp.Abs(x)))

    return expr.replace(is_softplus, stable)


LOG_SOFTMAX_SPLIT = Rewrite("log_softmax_split", "log_softmax_form", _log_softmax_split)
def _log1p_expm1(expr: sp.Expr) -> sp.Expr:
    """Only where a literal ``1`` is a term: ``log(1 + t)`` and ``exp(x) - 1``."""

    def is_log_one_plus(e):
        return isinstance(e, sp.log) and isinstance(e.args[0], sp.Add) and sp.S.One in e.args[0].args

    def is_exp_minus_one(e):
        return isinstance(e, sp.Add) and sp.S.NegativeOne in e.args and any(isinstance(a, sp.exp) for a in e.args)

    def exp_minus_one(e):
        terms = list(e.args)
        terms.remove(sp.S.NegativeOne)
        k = next(n for n, a in enumerate(terms) if isinstance(a, sp.exp))
        return expm1(terms.pop(k).args[0]) + sp.Add(*terms)

    expr = expr.replace(is_log_one_plus, lambda e: log1p(e.args[0] - 1))
    return expr.replace(is_exp_minus_one, exp_minus_one)


LOG1P_EXPM1 = Rewrite("log1p_expm1", "log1p_expm1_definitions", _log1p_expm1)
EXP_NORMALIZE = Rewrite("exp_normalize", "exp_normalize", _exp_normalize)
LOGSUMEXP_SHIFT = Rewrite("logsumexp_shift", "logsumexp_shift", _logsumexp_shift)
SOFTPLUS_STABLE = Rewrite("softplus_stable", "softplus_stable", _softplus_stable)

STABILITY: tuple[Rewrite, ...] = (LOG_SOFTMAX_SPLIT, LOGSUMEXP_SHIFT, EXP_NORMALIZE, SOFTPLUS_STABLE,
                                  LOG1P_EXPM1)


def stabilize(expr: sp.Expr, rules: tuple[Rewrite, ...] = STABILITY) -> tuple[sp.Expr, tuple[str, ...]]:
    """Apply every rule once; return the new expression and the names of rules that fired."""
    fired = []
    for rule in rules:
        new = rule.apply(expr)
        if new != expr:
            fired.append(rule.name)
            expr = new
    return expr, tuple(fired)
