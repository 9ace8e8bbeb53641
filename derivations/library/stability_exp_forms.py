r"""The identities of eighteen rules: ``cos_minus_one`` and ``log_atan_complement`` (``codegen.rules_trig``), ``tail_difference`` (``codegen.rules_tail_difference``), ``integer_power_minus_one`` (``codegen.rules_geometric``), ``log_of_root_sum`` (``codegen.rules_root``), ``softplus_reflection``
(``codegen.rules_logit``), ``power_of_softplus`` (``codegen.rules_power``), ``log1mexp_of_exp`` and ``log_of_softplus`` (``codegen.rules_exp_underflow``), ``log_beta`` (``codegen.rules_log``),
``scale_into_summand`` (``codegen.rules_scale_into_summand``),
``log_add_weighted_exp`` (``codegen.rules_power``) ``gaussian_tail`` (``codegen.rules_gaussian_tail``),
``atan_reflection`` (``codegen.rules_atan``), ``log1p_power`` (``codegen.rules_log1p_power``) and
``power_ratio_over_numerator`` (``codegen.rules_power_ratio``), ``unit_sum_complement`` (``codegen.rules_unit_sum``), ``mixture_with_one`` (``codegen.rules_mixture_one``), ``ratio_before_unequal_powers`` (``codegen.rules_ratio``).

$\log(1 - e^{-e^{w}}) = w + \log\frac{-\operatorname{expm1}(-e^{w})}{e^{w}}$ for $w < 0$ (take $u = e^{w} > 0$ out of
the log) and $\operatorname{log1p}(-e^{-e^{w}})$ for $w \ge 0$; the remainder $\log\frac{-\operatorname{expm1}(-u)}{u}$
tends to 0 as $w \to -\infty$, the value the rule's guard selects where the computed $e^{w}$ is 0.

$\log \sum_k c_k e^{a_k} = m + \log \sum_k c_k e^{a_k - m}$ for any real $m$ (factor $e^{m}$ out of the sum; the rule
takes $m = \max_k a_k$), whatever the weights $c_k$.
"""
from sympy import (
    IndexedBase,
    Max,
    S,
    Sum,
    Symbol,
    asinh,
    atan,
    cos,
    erf,
    erfc,
    exp,
    log,
    loggamma,
    oo,
    pi,
    sin,
    sqrt,
)
from sympy.codegen.cfunctions import expm1

from derivations.checker.step import Derivation, Step
from derivations.library import register
from symbolic.functions import betaln, erfcx, ndtr

w = Symbol("w", real=True)
u = Symbol("u", positive=True)
_xp, _lp = Symbol("x", positive=True), Symbol("lambda", positive=True)

register(Derivation(
    id="log1mexp_of_exp",
    title=r"the identity of a stability rule: $\log(1 - e^{-e^{w}}) = w + \log\frac{-\operatorname{expm1}(-e^{w})}{e^{w}}$",
    source="textbook",
    steps=(
        Step(log(1 - exp(-u)), log(u) + log(-expm1(-u) / u),
             justification="1 - e^{-u} = u (-expm1(-u)/u), both factors positive for u > 0; with u = e^{w}, log u = w "
                           "(the rule takes this form for w < 0, log1p(-e^{-u}) for w >= 0, the definition of log1p)"),
        Step(log(-expm1(-exp(w)) / exp(w)), S.Zero, rel="->", variable=w, point=-oo,
             justification="-expm1(-u)/u = 1 - u/2 + O(u^2) -> 1 as u = e^{w} -> 0"),
        Step((_xp / _lp) ** w, exp(w * (log(abs(_xp)) - log(abs(_lp)))),
             justification="a power y^k = e^{k log y} for y > 0, log y = sum_i e_i log|f_i| over the factors f_i^{e_i} "
                           "of y (here x/lambda): the same u = e^{w} with w in log space"),
    ),
))

register(Derivation(
    id="log_of_softplus",
    title=r"the identity of a stability rule: $\log\log(1 + e^{w}) = w + \log\frac{\log(1 + e^{w})}{e^{w}}$",
    source="textbook",
    steps=(
        Step(log(log(1 + u)), log(u) + log(log(1 + u) / u),
             justification="log(1 + u) = u (log(1 + u)/u), both factors positive for u > 0; with u = e^{w}, log u = w"),
        Step(log(log(1 + exp(w)) / exp(w)), S.Zero, rel="->", variable=w, point=-oo,
             justification="log(1 + u)/u = 1 - u/2 + O(u^2) -> 1 as u = e^{w} -> 0"),
    ),
))

_a, _b, _m = Symbol("a", real=True), Symbol("b", real=True), Symbol("m", real=True)
_c, _d = Symbol("c", positive=True), Symbol("d", real=True)

register(Derivation(
    id="log_add_weighted_exp",
    title=r"the identity of a stability rule: $\log \sum_k c_k e^{a_k} = m + \log \sum_k c_k e^{a_k - m}$",
    source="textbook",
    steps=(
        Step(log(_c * exp(_a) + _d * exp(_b)), _m + log(_c * exp(_a - _m) + _d * exp(_b - _m)),
             justification="factor e^{m} out of the sum, any real m, any weights (where the sum is positive)"),
        Step(log(_c * exp(_a) + _d * exp(_b)), Max(_a, _b) + log(_c * exp(_a - Max(_a, _b)) + _d * exp(_b - Max(_a, _b))),
             justification="m = max(a, b): one shifted exponential is 1, none overflows"),
    ),
))

_p, _q = Symbol("p", positive=True), Symbol("q", positive=True)

_t = Symbol("t", real=True)
register(Derivation(
    id="integer_power_minus_one",
    title=r"the identity of a stability rule: $(1 + t)^{k} - 1 = t\sum_{j=0}^{k-1}(1 + t)^{j}$ for an integer $k \ge 2$",
    source="textbook",
    steps=tuple(Step((1 + _t) ** k - 1, _t * sum((1 + _t) ** j for j in range(k)),
                     justification="the geometric sum: (a - 1)(1 + a + ... + a^(k-1)) = a^k - 1, a = 1 + t, every real t")
                for k in (3, 8)),
))

register(Derivation(
    id="log_beta",
    title=r"the identity of a stability rule: $\log\Gamma(a) + \log\Gamma(b) - \log\Gamma(a + b) = \log B(a, b)$",
    source="textbook",
    steps=(
        Step(loggamma(_p) + loggamma(_q) - loggamma(_p + _q), betaln(_p, _q),
             justification="log B(a, b), B = Gamma(a) Gamma(b) / Gamma(a + b) for a, b > 0 (betaln's definition)"),
    ),
))

_tau = Symbol("tau", positive=True)
_k = Symbol("K", integer=True, positive=True)
_i, _j = Symbol("i", integer=True), Symbol("j", integer=True)
_sv, _pv = IndexedBase("s", real=True), IndexedBase("p", real=True)

register(Derivation(
    id="scale_into_summand",
    title=r"the identity of a stability rule: $k \sum_i (\sum_t u_{t,i}) v_i = \sum_i (\sum_t k u_{t,i}) v_i$",
    source="textbook",
    steps=(
        Step(-_tau ** 2 * Sum(_pv[_i] * (_sv[_i] / _tau - _m), (_i, 0, _k - 1)),
             -Sum(_pv[_i] * (_tau * _sv[_i] - _tau ** 2 * _m), (_i, 0, _k - 1)),
             justification="a factor free of the summed index multiplies every term (linearity); tau^2/tau = tau",
             sizes=({_k: 1}, {_k: 2}, {_k: 3})),
    ),
))

_x = Symbol("x", real=True)

register(Derivation(
    id="log_of_root_sum",
    title=r"the identity of a stability rule: $\log(u + \sqrt{u^2 + c}) = \operatorname{asinh}(u/\sqrt{c}) + \frac12\log c$",
    source="textbook",
    steps=(
        Step(exp(asinh(_x)), _x + sqrt(_x ** 2 + 1),
             justification="the inverse hyperbolic sine: sinh(y) = x solves to e^{y} = x + sqrt(x^2 + 1) > 0, so "
                           "log(x + sqrt(x^2 + 1)) = asinh(x) (the log of both sides)"),
        Step(sqrt(_c) * (_x / sqrt(_c) + sqrt(_x ** 2 / _c + 1)), _x + sqrt(_x ** 2 + _c),
             justification="for c > 0: x + sqrt(x^2 + c) = sqrt(c) (y + sqrt(y^2 + 1)), y = x/sqrt(c); its log is "
                           "log(c)/2 + asinh(y) by the step above"),
    ),
))

_v = Symbol("v", real=True)

_u_pos = Symbol("u", positive=True)

register(Derivation(
    id="softplus_reflection",
    title=r"the identity of a stability rule: $c_1 v + c\log(1 + e^{v}) = (c_1 + c) v + c\log(1 + e^{-v})$",
    source="textbook",
    steps=(
        Step(log(1 + exp(_v)), log(1 + exp(-_v)) + _v,
             justification="1 + e^{v} = e^{v} (1 + e^{-v}); multiply by c and add c_1 v to both sides"),
        Step(log(1 + _u_pos), log(1 + 1 / _u_pos) + log(_u_pos),
             justification="the same with v = log u for u > 0: 1 + u = u (1 + 1/u)"),
    ),
))

_pw = Symbol("p", real=True)

register(Derivation(
    id="power_of_softplus",
    title=r"the identity of a stability rule: $(1 + c\,e^{u})^{p} = e^{p \log(1 + e^{u + \log c})}$ for $c > 0$",
    source="textbook",
    steps=(
        Step((1 + _c * exp(_v)) ** _pw, exp(_pw * log(1 + exp(_v + log(_c)))),
             justification="b^p = e^{p log b} for b = 1 + c e^{u} > 0, and c e^{u} = e^{u + log c} for c > 0; the log "
                           "is then a softplus, written as softplus_stable writes it"),
    ),
))


_x = Symbol("x", real=True)
register(Derivation(
    id="gaussian_tail",
    title=r"the identity of a stability rule: $\Phi(x) = \tfrac12 e^{-x^2/2}\operatorname{erfcx}(-x/\sqrt2)$ and "
          r"$\operatorname{erfc}(x) = e^{-x^2}\operatorname{erfcx}(x)$",
    source="textbook",
    steps=(
        Step(erfc(_x), exp(-_x ** 2) * erfcx(_x), justification="erfcx's definition, times e^{-x^2}"),
        Step(erfc(-_x / sqrt(2)) / 2, exp(-_x ** 2 / 2) * erfcx(-_x / sqrt(2)) / 2,
             justification="Phi(x) = erfc(-x/sqrt 2)/2 (ndtr's definition) and erfcx(t) = e^{t^2} erfc(t) at t = -x/sqrt 2"),
        Step(_x * _x / 2 + log(erfc(_x)), -_x * _x / 2 + log(erfcx(_x)),
             justification="the log form: log erfc(x) = -x^2 + log erfcx(x), the -x^2 taken into the other terms"),
    ),
))

_u = Symbol("u", negative=True)
register(Derivation(
    id="atan_reflection",
    title=r"the identity of a stability rule: $\frac{\pi}{2} + \arctan u = \arctan(-1/u)$ for $u < 0$",
    source="textbook",
    steps=(
        Step(pi / 2 + atan(_u), atan(-1 / _u),
             justification="arctan u + arctan(1/u) = -pi/2 for u < 0 (the two angles of a right triangle, both negative)"),
    ),
))

_ur, _vr = Symbol("u", real=True), Symbol("v", real=True)
_up, _vp = Symbol("u", positive=True), Symbol("v", positive=True)
register(Derivation(
    id="tail_difference",
    title=r"the identity of a stability rule: $F(u) - F(v)$ from the upper tail, $\Phi(u) - \Phi(v) = \Phi(-v) - \Phi(-u)$, and the arctangent's subtraction formula",
    source="textbook",
    steps=(
        Step(erf(_ur), 2 * ndtr(sqrt(2) * _ur) - 1,
             justification="Phi(y) = erfc(-y/sqrt 2)/2 and erfc(-x) = 1 + erf x: a difference of erfs is one of Phi, twice"),
        Step(ndtr(_ur) - ndtr(_vr), ndtr(-_vr) - ndtr(-_ur), justification="Phi(x) = 1 - Phi(-x), the normal is symmetric"),
        Step(atan(_up) - atan(_vp), atan((_up - _vp) / (1 + _up * _vp)),
             justification="the angle of (1 + iu)(1 - iv) = (1 + uv) + i(u - v), in (-pi/2, pi/2) where 1 + uv > 0"),
    ),
))

_A, _b = Symbol("A", positive=True), Symbol("b", real=True)
register(Derivation(
    id="log1p_power",
    title=r"the identity of a stability rule: $\log(1 + A^{b}) = b\log A + \log(1 + A^{-b})$ for $A > 0$",
    source="textbook",
    steps=(
        Step(log(1 + _A ** _b), _b * log(_A) + log(1 + _A ** -_b),
             justification="factor A^b out of 1 + A^b: 1 + A^b = A^b (A^{-b} + 1), log A^b = b log A for A > 0"),
    ),
))

_U, _V = Symbol("u", positive=True), Symbol("v", positive=True)
register(Derivation(
    id="power_ratio_over_numerator",
    title=r"the identity of a stability rule: $(u/v)^{b} / u = (u/v)^{b - 1} / v$ for $u, v > 0$",
    source="textbook",
    steps=(
        Step((_U / _V) ** _b / _U, (_U / _V) ** (_b - 1) / _V,
             justification="(u/v)^b = (u/v)^{b-1} (u/v), and (u/v)/u = 1/v"),
    ),
))

_q = Symbol("q", real=True)
_pp = Symbol("p", positive=True)
_zs = IndexedBase("z", real=True)
register(Derivation(
    id="unit_sum_complement",
    title=r"the identity of a stability rule: $1 - \sum_i p_i^{q} = -\sum_i p_i \operatorname{expm1}((q - 1)\log p_i)$ "
          r"for a softmax $p$",
    source="textbook",
    steps=(
        Step(Sum(exp(_zs[_i]) / Sum(exp(_zs[_j]), (_j, 0, _k - 1)), (_i, 0, _k - 1)), S.One,
             justification="a softmax sums to 1, so 1 - sum_i p_i^q = sum_i (p_i - p_i^q)",
             sizes=({_k: 1}, {_k: 2}, {_k: 3})),
        Step(_pp ** _q - _pp, _pp * expm1((_q - 1) * log(_pp)),
             justification="p^q - p = p (p^{q-1} - 1) = p expm1((q - 1) log p) for p > 0, each term of the sum"),
    ),
))

_a0 = Symbol("a", real=True)
register(Derivation(
    id="mixture_with_one",
    title=r"the identity of a stability rule: $\log(a + (1 - a)e^{w}) = \log(1 + (1 - a)(e^{w} - 1))$",
    source="textbook",
    steps=(
        Step(log(_a0 + (1 - _a0) * exp(w)), log(1 + (1 - _a0) * expm1(w)),
             justification="a + (1 - a) t = 1 + (1 - a)(t - 1), and e^w - 1 = expm1(w)"),
        Step(log(_a0 + (1 - _a0) * exp(w)), w + log((1 - _a0) + _a0 * exp(-w)),
             justification="a + (1 - a) e^w = e^w ((1 - a) + a e^{-w}): beyond, for w > 0, e^w taken out of the log"),
    ),
))

_y0, _l0 = Symbol("y", real=True), Symbol("l", positive=True)
register(Derivation(
    id="ratio_before_unequal_powers",
    title=r"the identity of a stability rule: $u^{k} / v^{l} = (u/v)^{\min(k, l)} u^{k - l}$ (or $v^{k - l}$)",
    source="textbook",
    steps=(
        Step(_y0 ** 2 / _l0 ** 3, (_y0 / _l0) ** 2 / _l0, justification="y^2 / l^3 = (y/l)^2 l^{-1}"),
        Step(_y0 ** 3 / _l0 ** 2, _y0 * (_y0 / _l0) ** 2, justification="y^3 / l^2 = y (y/l)^2"),
    ),
))


_ut = Symbol("u", real=True)
register(Derivation(
    id="cos_minus_one",
    title=r"the identity of a stability rule: $k\cos u - k = -2k\sin^2\frac{u}{2}$ (the versine)",
    source="textbook",
    steps=(
        Step(cos(_ut) - 1, -2 * sin(_ut / 2) ** 2, justification="the double-angle formula cos 2a = 1 - 2 sin^2 a at a = u/2"),
    ),
))

_vt, _kt = Symbol("v", positive=True), Symbol("k", positive=True)
register(Derivation(
    id="log_atan_complement",
    title=r"the identity of a stability rule: $\log(c + k\arctan v) = \operatorname{log1p}(-k\arctan\frac1v)$ for "
          r"$v > 0$, $c + k\frac{\pi}{2} = 1$; $\log(k\arctan e^{w}) = \log k + w + \log\frac{\arctan e^{w}}{e^{w}}$",
    source="textbook",
    steps=(
        Step(atan(_vt), pi / 2 - atan(1 / _vt),
             justification="arctan v + arctan(1/v) = pi/2 for v > 0; then c + k arctan v = 1 - k arctan(1/v)"),
        Step(log(_kt * atan(exp(w))), log(_kt) + w + log(atan(exp(w)) / exp(w)),
             justification="k arctan(e^w) = k e^w (arctan(e^w) / e^w), all three factors positive"),
    ),
))
