r"""The identities of the rules added and widened for the held-out round twenty-four's misses (heldout51):
``radicand_beside_root`` (``codegen.rules_root_beside``), ``weighted_powers_complement``
(``codegen.rules_weighted_powers``), ``heaviside_select`` deciding a maximum in the branch it
selects (``codegen.rules_select``), and ``log_space_monomial`` for fractional exponents and
into the branches of a ``Piecewise`` (``codegen.rules_logspace``; its identity in ``stability.py``, the new cases here).

With $A = M^{2}\hat A$ for a scale $M > 0$, $A + c = M(M\hat A + c/M)$, so $(A + c)^{k} = M^{k}(M\hat A + c/M)^{k}$ for
every integer $k$; beside the root $\sqrt{A} = M\sqrt{\hat A}$ the powers of $M$ meet.
"""
from sympy import Abs, Heaviside, Integer, Max, Min, Piecewise, Rational, Symbol, exp, log, sqrt
from sympy.codegen.cfunctions import expm1

from derivations.checker.step import Derivation, Step
from derivations.library import register

_a = Symbol("Ahat", nonnegative=True)
_m = Symbol("M", positive=True)
_c, _s = Symbol("c", real=True), Symbol("s", real=True)
_k = Symbol("k", integer=True)
register(Derivation(
    id="radicand_beside_root",
    title=r"the identity of a stability rule: $(A + c)^{k} = M^{k}(M\hat A + c/M)^{k}$ for $A = M^{2}\hat A$, "
          r"$M > 0$, an integer $k$",
    source="textbook",
    steps=(
        Step((_m ** 2 * _a + _c) ** _k, _m ** _k * (_m * _a + _c / _m) ** _k,
             justification="M^2 A^ + c = M (M A^ + c/M) with M > 0, and (x y)^k = x^k y^k for an integer k"),
        Step(_s * sqrt(_m ** 2 * _a) / (_m ** 2 * _a + 1), _s * sqrt(_a) / (_m * _a + Integer(1) / _m),
             justification="the capsule squash s sqrt(A)/(1 + A): sqrt(M^2 A^) = M sqrt(A^) for M > 0, and k = -1 "
                           "gives M^{-1}, which meets the root's M"),
    ),
))

_t, _w, _d = Symbol("t", positive=True), Symbol("w", positive=True), Symbol("D", positive=True)
_gg, _b = Symbol("g", real=True, nonzero=True), Symbol("b", real=True)
_L = Integer(600)
register(Derivation(
    id="log_space_monomial_fractional",
    title=r"the identity of ``log_space_monomial`` with fractional exponents: $t\,w^{-3/2} = e^{\log t - \frac32\log w}$ "
          r"for $t, w > 0$, and a factor taken into the branches of a ``Piecewise``",
    source="textbook",
    steps=(
        Step(_t * _w ** Rational(-3, 2),
             Piecewise((_t * _w ** Rational(-3, 2), Abs(log(_t)) + Rational(3, 2) * Abs(log(_w)) < _L),
                       (exp(log(_t) - Rational(3, 2) * log(_w)), True)),
             justification="t = e^{log t} and w^{-3/2} = e^{-3/2 log w} for t, w > 0 (a fractional power of a "
                           "negative number is not real: the definition's domain keeps the base >= 0)"),
        Step(_gg / sqrt(_d) * (Piecewise((-_t ** Rational(-3, 2) / 2, _t > _w), (0, True)) + _b),
             Piecewise((-_gg / (2 * sqrt(_d) * _t ** Rational(3, 2)), _t > _w), (0, True)) + _gg * _b / sqrt(_d),
             justification="a product distributes over a sum and into each branch of a Piecewise (the Noam "
                           "schedule's gradient)"),
    ),
))

register(Derivation(
    id="heaviside_select_decided",
    title=r"the identity of ``heaviside_select`` with a maximum in the branch: $H(p - q)\max(p, q)^{a} = "
          r"\begin{cases} p^{a} & H(p - q) > 0 \\ 0 & \text{else}\end{cases}$",
    source="textbook",
    steps=(
        Step(Heaviside(_t - _w, 0) * Max(_t, _w) ** Rational(-3, 2),
             Piecewise((_t ** Rational(-3, 2), Heaviside(_t - _w, 0) > 0), (0, True)),
             justification="H(t - w) > 0 means t > w, where max(t, w) = t; elsewhere the step is 0"),
        Step(Heaviside(_w - _t, 0) * Min(_t, _w) ** Rational(-3, 2),
             Piecewise((_t ** Rational(-3, 2), Heaviside(_w - _t, 0) > 0), (0, True)),
             justification="H(w - t) > 0 means t < w, where min(t, w) = t"),
    ),
))

_p, _q = Symbol("p", positive=True), Symbol("q", positive=True)
_al = Symbol("alpha", real=True)
register(Derivation(
    id="weighted_powers_complement",
    title=r"the identity of a stability rule: $c - \sum_k w_k e^{(a - a_0) L_k} = -\sum_k w_k "
          r"\operatorname{expm1}((a - a_0) L_k)$ where $\sum_k w_k = c$",
    source="textbook",
    steps=(
        Step(1 - _p ** _al * _q ** (1 - _al) - (1 - _p) ** _al * (1 - _q) ** (1 - _al),
             -_q * expm1(_al * (log(_p) - log(_q))) - (1 - _q) * expm1(_al * (log(1 - _p) - log(1 - _q))),
             assumptions=(_p < 1, _q < 1),
             justification="p^a q^{1-a} = q e^{a(log p - log q)} for p, q > 0 (the pivot a = 0), and q + (1 - q) = 1: "
                           "each power minus its weight is the weight times expm1"),
        Step(1 - _p ** _al * _q ** (1 - _al) - (1 - _p) ** _al * (1 - _q) ** (1 - _al),
             -_p * expm1((_al - 1) * (log(_p) - log(_q))) - (1 - _p) * expm1((_al - 1) * (log(1 - _p) - log(1 - _q))),
             assumptions=(_p < 1, _q < 1),
             justification="the pivot a = 1: p^a q^{1-a} = p e^{(a - 1)(log p - log q)}, and p + (1 - p) = 1"),
    ),
))
