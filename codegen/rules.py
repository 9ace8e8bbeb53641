r"""Stability rules: one :class:`Rule` type, one registry ordered by priority.

A rule is data: a name, the rewrite (``apply``: find the pattern, put the
replacement), the id of the derivation that proves the identity it rests on
(``derivations.library``; a test proves every one), the accuracy it gains, and
a priority (lower runs first).  :func:`stabilize` applies every rule once, in
order, and says which fired.

========================  =====================================================================
rule                      identity
========================  =====================================================================
``log_sigmoid``           $\log \frac{1}{1 + e^{-x}} = -\operatorname{sp}(-x)$
``log_one_minus_sigmoid`` $\log\bigl(1 - \frac{1}{1 + e^{-x}}\bigr) = -\operatorname{sp}(x)$
``log_softmax_split``     $\log \frac{e^{a}}{\sum_j e^{f_j}} = a - \log \sum_j e^{f_j}$
``logsumexp_shift``       $\log \sum_j e^{f_j} = m + \log \sum_j e^{f_j - m}$, $m = \max_j f_j$
``exp_normalize``         $\frac{e^{a_i}}{\sum_j e^{f_j}} = \frac{e^{a_i - m}}{\sum_j e^{f_j - m}}$
``softplus_stable``       $\log(1 + e^{x}) = \max(x, 0) + \operatorname{log1p}(e^{-|x|})$
``log1p_expm1``           $\log(1 + t) = \operatorname{log1p}(t)$, $e^{x} - 1 = \operatorname{expm1}(x)$
``sigmoid_stable``        $\frac{1}{1 + e^{-x}}$ with ``exp`` of a non-positive number only
========================  =====================================================================

with $\operatorname{sp}(x) = \max(x, 0) + \operatorname{log1p}(e^{-|x|})$.  The order matters: the
log-sigmoid rules must see the sigmoid before ``sigmoid_stable`` rewrites it, and before
``log1p_expm1`` would take $\log(1 - \sigma)$ for a ``log1p``.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import sympy as sp
from sympy.codegen.cfunctions import expm1, log1p

from symbolic.functions import ReduceMax


@dataclass(frozen=True)
class Rule:
    """A rewrite that keeps the value of every real input and changes only its floating-point behaviour."""

    name: str
    identity: str
    """Id of the derivation in ``derivations.library`` that proves the rule's identity."""
    apply: Callable[[sp.Expr], sp.Expr]
    gain: str
    """Where the naive form fails and by how much: measured by ``tests/codegen/test_rules.py``."""
    priority: int


# ** shared pieces **


def softplus_stable(a: sp.Expr) -> sp.Expr:
    r"""$\log(1 + e^{a}) = \max(a, 0) + \operatorname{log1p}(e^{-|a|})$."""
    return sp.Max(a, 0) + log1p(sp.exp(-sp.Abs(a)))


def _exp_sum(e) -> bool:
    return isinstance(e, sp.Sum) and isinstance(e.function, sp.exp) and len(e.limits) == 1


def _reciprocal_exp_sum(a) -> bool:
    return isinstance(a, sp.Pow) and a.exp == -1 and _exp_sum(a.base)


def _shifted_sum(s: sp.Sum) -> tuple[sp.Expr, sp.Sum]:
    """For ``Sum(exp(f), lim)`` return ``(m, Sum(exp(f - m), lim))`` with ``m = max f``."""
    f = s.function.args[0]
    m = ReduceMax(f, *s.limits)
    return m, sp.Sum(sp.exp(f - m), *s.limits)


def _one_plus_exp(e) -> bool:
    """``1 + exp(a)``."""
    return isinstance(e, sp.Add) and len(e.args) == 2 and sp.S.One in e.args and any(
        isinstance(t, sp.exp) for t in e.args)


def _exponent(e: sp.Add) -> sp.Expr:
    return next(t for t in e.args if isinstance(t, sp.exp)).args[0]


def _is_sigmoid(e) -> bool:
    r"""$1/(1 + e^{a})$, which is $\sigma(-a)$."""
    return isinstance(e, sp.Pow) and e.exp == -1 and _one_plus_exp(e.base)


# ** softmax and log-sum-exp **


def _exp_normalize(expr: sp.Expr) -> sp.Expr:
    def is_ratio(e):
        return isinstance(e, sp.Mul) and any(_reciprocal_exp_sum(a) for a in e.args)

    def shift(e):
        factors = list(e.args)
        k = next(n for n, a in enumerate(factors) if _reciprocal_exp_sum(a))
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
        if not (isinstance(e, sp.log) and isinstance(e.args[0], sp.Mul)):
            return False
        factors = e.args[0].args
        return any(_reciprocal_exp_sum(a) for a in factors) and all(
            isinstance(a, sp.exp) or (isinstance(a, sp.Pow) and a.exp == -1) for a in factors)

    def split(e):
        return sp.Add(*[a.args[0] if isinstance(a, sp.exp) else -sp.log(a.base) for a in e.args[0].args])

    return expr.replace(is_log_ratio, split)


def _logsumexp_shift(expr: sp.Expr) -> sp.Expr:
    def shift(e):
        m, shifted = _shifted_sum(e.args[0])
        return m + sp.log(shifted)

    return expr.replace(lambda e: isinstance(e, sp.log) and _exp_sum(e.args[0]), shift)


# ** softplus, log1p and expm1 **


def _softplus_stable(expr: sp.Expr) -> sp.Expr:
    return expr.replace(lambda e: isinstance(e, sp.log) and _one_plus_exp(e.args[0]),
                        lambda e: softplus_stable(_exponent(e.args[0])))


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


# ** the sigmoid and its logarithms **


def _log_sigmoid(expr):
    return expr.replace(lambda e: isinstance(e, sp.log) and _is_sigmoid(e.args[0]),
                        lambda e: -softplus_stable(_exponent(e.args[0].base)))


def _log_one_minus_sigmoid(expr):
    def query(e):
        if not (isinstance(e, sp.log) and isinstance(e.args[0], sp.Add) and len(e.args[0].args) == 2):
            return False
        a, b = e.args[0].args
        return sp.S.One in (a, b) and any(_is_sigmoid(-t) for t in (a, b))

    def value(e):
        s = next(-t for t in e.args[0].args if _is_sigmoid(-t))
        # 1 - 1/(1 + e^a) = e^a / (1 + e^a) = 1 / (1 + e^{-a}), whose log is -softplus(-a)
        return -softplus_stable(-_exponent(s.base))

    return expr.replace(query, value)


def _sigmoid_stable(expr):
    def value(e):
        t = -_exponent(e.base)
        small = sp.exp(-sp.Abs(t))
        return sp.Piecewise((1 / (1 + small), t >= 0), (small / (1 + small), True))

    return expr.replace(_is_sigmoid, value)


# ** the registry **

LOG_SIGMOID = Rule(
    "log_sigmoid", "log_sigmoid_softplus", _log_sigmoid, priority=10,
    gain="log sigma(x) for x << 0: e^{-x} overflows and the log of 0 is -inf; the truth is about x")
LOG_ONE_MINUS_SIGMOID = Rule(
    "log_one_minus_sigmoid", "log_one_minus_sigmoid_softplus", _log_one_minus_sigmoid, priority=20,
    gain="log(1 - sigma(x)) for x >> 37: 1 - sigma(x) rounds to 0, the truth is about -x (BCE from logits)")
LOG_SOFTMAX_SPLIT = Rule(
    "log_softmax_split", "log_softmax_form", _log_softmax_split, priority=30,
    gain="log softmax for a dominated logit: the probability underflows to 0 and its log is -inf")
LOGSUMEXP_SHIFT = Rule(
    "logsumexp_shift", "logsumexp_shift", _logsumexp_shift, priority=40,
    gain="log sum exp for logits above 709: exp overflows to inf")
EXP_NORMALIZE = Rule(
    "exp_normalize", "exp_normalize", _exp_normalize, priority=50,
    gain="softmax for logits above 709: inf/inf is nan")
SOFTPLUS_STABLE = Rule(
    "softplus_stable", "softplus_stable", _softplus_stable, priority=60,
    gain="log(1 + e^x) for x > 709: e^x overflows; for x < -37: 1 + e^x rounds to 1")
LOG1P_EXPM1 = Rule(
    "log1p_expm1", "log1p_expm1_definitions", _log1p_expm1, priority=70,
    gain="log(1 + t) and e^x - 1 for |t|, |x| below machine epsilon: the whole value is lost")
SIGMOID_STABLE = Rule(
    "sigmoid_stable", "sigmoid_stable", _sigmoid_stable, priority=80,
    gain="sigma(x) for x < -709: e^{-x} overflows to inf, 1/inf = 0 where the truth is a subnormal")

RULES: tuple[Rule, ...] = tuple(sorted(
    (LOG_SIGMOID, LOG_ONE_MINUS_SIGMOID, LOG_SOFTMAX_SPLIT, LOGSUMEXP_SHIFT, EXP_NORMALIZE, SOFTPLUS_STABLE,
     LOG1P_EXPM1, SIGMOID_STABLE), key=lambda r: r.priority))


def stabilize(expr: sp.Expr, rules: tuple[Rule, ...] = RULES) -> tuple[sp.Expr, tuple[str, ...]]:
    """Apply every rule once, in priority order; return the new expression and the names of rules that fired."""
    fired = []
    for rule in rules:
        new = rule.apply(expr)
        if new != expr:
            fired.append(rule.name)
            expr = new
    return expr, tuple(fired)
