r"""More stability rewrites for generated code: the sigmoid and its logarithms.

Each rule is a :class:`StableRule`: a :class:`~codegen.rewrites.Rewrite` that
also holds the identity it rests on, ``lhs == rhs`` for every real ``x``, so
that the step checker can prove it and the tests check it at mpmath precision:

* ``log_sigmoid``: $\log \dfrac{1}{1 + e^{-x}} = -\bigl(\max(-x, 0) + \operatorname{log1p}(e^{-|x|})\bigr)$;
* ``log_one_minus_sigmoid``: $\log\Bigl(1 - \dfrac{1}{1 + e^{-x}}\Bigr) = -\bigl(\max(x, 0) + \operatorname{log1p}(e^{-|x|})\bigr)$;
  with ``log_sigmoid`` this is binary cross-entropy from logits,
  $-y \log\sigma(x) - (1 - y)\log(1 - \sigma(x)) = y\,\mathrm{sp}(-x) + (1 - y)\,\mathrm{sp}(x)$;
* ``sigmoid_stable``: $\dfrac{1}{1 + e^{-x}} = \begin{cases} 1/(1 + e^{-|x|}) & x \ge 0 \\
  e^{-|x|}/(1 + e^{-|x|}) & x < 0 \end{cases}$ (``exp`` of a non-positive number only).

``log1p``/``expm1`` forms are the verifier's own ``log1p_expm1`` rule.

:data:`CODEGEN_RULES` is the order the lowering applies them in, around the
verifier's :data:`~codegen.rewrites.STABILITY` rules: the log-sigmoid rules
first (they must see the sigmoid before ``sigmoid_stable`` rewrites it, and
before ``log1p_expm1`` would take $\log(1 - \sigma)$ for a ``log1p``).
"""
from __future__ import annotations

from dataclasses import dataclass

import sympy as sp
from sympy.codegen.cfunctions import log1p

from .rewrites import STABILITY, Rewrite, stabilize

x = sp.Symbol("x", real=True)


@dataclass(frozen=True)
class StableRule(Rewrite):
    """A rewrite with its identity ``lhs == rhs`` (over real ``x``) and where it gains accuracy."""

    lhs: sp.Expr
    rhs: sp.Expr
    gain: str


def softplus_stable(a: sp.Expr) -> sp.Expr:
    r"""$\log(1 + e^{a}) = \max(a, 0) + \operatorname{log1p}(e^{-|a|})$ (the ``softplus_stable`` identity)."""
    return sp.Max(a, 0) + log1p(sp.exp(-sp.Abs(a)))


def _one_plus_exp(e) -> bool:
    """``1 + exp(a)``."""
    return isinstance(e, sp.Add) and len(e.args) == 2 and sp.S.One in e.args and any(
        isinstance(t, sp.exp) for t in e.args)


def _exponent(e: sp.Add) -> sp.Expr:
    return next(t for t in e.args if isinstance(t, sp.exp)).args[0]


def _is_sigmoid(e) -> bool:
    r"""$1/(1 + e^{a})$, which is $\sigma(-a)$."""
    return isinstance(e, sp.Pow) and e.exp == -1 and _one_plus_exp(e.base)


def _log_sigmoid(expr):
    def query(e):
        return isinstance(e, sp.log) and _is_sigmoid(e.args[0])

    return expr.replace(query, lambda e: -softplus_stable(_exponent(e.args[0].base)))


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


_sig = 1 / (1 + sp.exp(-x))
LOG_SIGMOID = StableRule(
    "log_sigmoid", "log_sigmoid_softplus", _log_sigmoid,
    lhs=sp.log(_sig), rhs=-softplus_stable(-x),
    gain="log sigma(x) for x << 0: e^{-x} overflows and the log of 0 is -inf; the truth is about x")
LOG_ONE_MINUS_SIGMOID = StableRule(
    "log_one_minus_sigmoid", "log_one_minus_sigmoid_softplus", _log_one_minus_sigmoid,
    lhs=sp.log(1 - _sig), rhs=-softplus_stable(x),
    gain="log(1 - sigma(x)) for x >> 37: 1 - sigma(x) rounds to 0, the truth is about -x (BCE from logits)")
SIGMOID_STABLE = StableRule(
    "sigmoid_stable", "sigmoid_stable", _sigmoid_stable,
    lhs=_sig, rhs=sp.Piecewise((1 / (1 + sp.exp(-sp.Abs(x))), x >= 0),
                               (sp.exp(-sp.Abs(x)) / (1 + sp.exp(-sp.Abs(x))), True)),
    gain="sigma(x) for x < -709: e^{-x} overflows to inf, 1/inf = 0 where the truth is a subnormal")
OWN_RULES: tuple[StableRule, ...] = (LOG_SIGMOID, LOG_ONE_MINUS_SIGMOID, SIGMOID_STABLE)
CODEGEN_RULES: tuple[Rewrite, ...] = (LOG_SIGMOID, LOG_ONE_MINUS_SIGMOID) + STABILITY + (SIGMOID_STABLE,)


def stabilize_for_codegen(expr: sp.Expr) -> tuple[sp.Expr, tuple[str, ...]]:
    """:func:`~codegen.rewrites.stabilize` with :data:`CODEGEN_RULES`."""
    return stabilize(expr, CODEGEN_RULES)
