r"""The identities of the rules added for the held-out round twenty-three: ``abs_pair`` (``codegen.rules_abs_pair``)
``log_exp_plus_exp_sum`` (``codegen.rules``) and ``scale_over_even_argument`` (``codegen.rules_even_scale``) and ``exp_over_exp_offset`` (``codegen.rules``), ``power_mean_scale`` (``codegen.rules_power_mean``).

$|u| - u$ is $0$ for $u \ge 0$ and $-2u$ for $u < 0$: twice the larger of $-u$ and $0$; $|u| + u$ likewise.
"""
from sympy import Abs, Max, Rational, Symbol, cos, cosh, exp, log
from sympy.codegen.cfunctions import log1p

from derivations.checker.step import Derivation, Step
from derivations.library import register

_u, _k = (Symbol(n, real=True) for n in "uk")
register(Derivation(
    id="abs_pair",
    title=r"the identity of a stability rule: $k|u| - k u = 2k\max(-u, 0)$ and $k|u| + k u = 2k\max(u, 0)$",
    source="textbook",
    steps=(
        Step(_k * Abs(_u) - _k * _u, 2 * _k * Max(-_u, 0), justification="|u| = u for u >= 0 and -u for u < 0"),
        Step(_k * Abs(_u) + _k * _u, 2 * _k * Max(_u, 0), justification="the same with the sign of u reversed"),
        Step(Abs(_u) / 2 + _u / 2 + 3, Max(_u, 0) + 3, justification="a ReLU written by hand, beside another term"),
    ),
))

_a, _b = (Symbol(n, real=True) for n in "ab")
_t = Symbol("tau", positive=True)
_k = Symbol("k", positive=True)
_S = Symbol("S", positive=True)  # a sum of exponentials, positive
register(Derivation(
    id="log_exp_plus_exp_sum",
    title=r"the identity of a stability rule: $\log(k e^{b} + S) = \log k + b + \log(1 + e^{\log S - \log k - b})$ for "
          r"$k, S > 0$, the softplus written stably",
    source="textbook",
    steps=(
        Step(log(_k * exp(_b) + _S), log(_k) + _b + log(1 + exp(log(_S) - log(_k) - _b)),
             justification="k e^b + S = k e^b (1 + S / (k e^b)), and every factor is positive"),
        Step(log(1 + exp(_u)), Max(_u, 0) + log1p(exp(-Abs(_u))), justification="the stable softplus"),
        Step(-log(exp(_a / _t) / (exp(_a / _t) + _S)), log(1 + exp(log(_S) - _a / _t)),
             justification="InfoNCE: -a/tau + log(e^{a/tau} + S) = log(1 + S e^{-a/tau})"),
    ),
))

_x = Symbol("x", real=True)
_kp = Symbol("k", positive=True)
register(Derivation(
    id="scale_over_even_argument",
    title=r"the identity of a stability rule: $k f(a/k) = \frac12 (k u) u\,(1 + O(u^2))$, $u = a/k$, for $f$ in "
          r"$\log\cosh$, $1 - \cos$, $\cosh - 1$ (Taylor's theorem, the remainder shown as a limit)",
    source="textbook",
    steps=(
        Step((log(cosh(_x)) - _x ** 2 / 2) / _x ** 4, Rational(-1, 12), rel="->", variable=_x, point=0,
             justification="log cosh x = x^2/2 - x^4/12 + ...: below |x| = 1e-8 the omitted term is x^2/6 < 2e-17 relative"),
        Step((1 - cos(_x) - _x ** 2 / 2) / _x ** 4, Rational(-1, 24), rel="->", variable=_x, point=0,
             justification="1 - cos x = x^2/2 - x^4/24 + ..."),
        Step((cosh(_x) - 1 - _x ** 2 / 2) / _x ** 4, Rational(1, 24), rel="->", variable=_x, point=0,
             justification="cosh x - 1 = x^2/2 + x^4/24 + ..."),
        Step(_kp * (_a / _kp) ** 2 / 2, _a * (_a / _kp) / 2, justification="k u^2 / 2 = (k u) u / 2 with k u = a"),
    ),
))

_s1, _s2 = Symbol("s_1", real=True), Symbol("s_2", real=True)
register(Derivation(
    id="exp_over_exp_offset",
    title=r"the identity of a stability rule: $\frac{e^{u}}{k e^{b} + \sum_j e^{f_j}} = \frac{e^{u - b}}{k + \sum_j "
          r"e^{f_j - b}}$ and $\frac{S}{k e^{b} + S} = \frac{1}{1 + k / (S e^{-b})}$",
    source="textbook",
    steps=(
        Step(exp(_u) / (_k * exp(_b) + exp(_s1) + exp(_s2)), exp(_u - _b) / (_k + exp(_s1 - _b) + exp(_s2 - _b)),
             justification="numerator and denominator divided by e^b > 0"),
        Step((exp(_s1) + exp(_s2)) / (_k * exp(_b) + exp(_s1) + exp(_s2)),
             1 / (1 + _k / (exp(_s1 - _b) + exp(_s2 - _b))), justification="the same, then divided by the sum (> 0)"),
        Step(exp(_s1 / _t) / (exp(_a / _t) + exp(_s1 / _t) + exp(_s2 / _t)),
             exp((_s1 - _a) / _t) / (1 + exp((_s1 - _a) / _t) + exp((_s2 - _a) / _t)),
             justification="the InfoNCE gradient, the exponents' common factor 1/tau taken out"),
    ),
))

_M = Symbol("M", positive=True)
_p = Symbol("p", positive=True)
_e = Symbol("epsilon", positive=True)
_x1, _x2 = Symbol("x_1", positive=True), Symbol("x_2", positive=True)
register(Derivation(
    id="power_mean_scale",
    title=r"the identity of a stability rule: $(c\sum_j |u_j|^{p} + R)^{q} = M^{pq}(c\sum_j (|u_j|/M)^{p} + R M^{-p})^{q}$ "
          r"for $M > 0$, $p > 0$",
    source="textbook",
    steps=(
        Step((_x1 ** _p + _x2 ** _p + _e) ** (1 / _p),
             _M * ((_x1 / _M) ** _p + (_x2 / _M) ** _p + _e * _M ** (-_p)) ** (1 / _p),
             justification="the sum is M^p times the scaled sum (M^p > 0), and (M^p S)^{1/p} = M S^{1/p}"),
        Step(((_x1 ** _p + _x2 ** _p) / 2 + _e) ** (-1 / _p),
             ((( _x1 / _M) ** _p + (_x2 / _M) ** _p) / 2 + _e * _M ** (-_p)) ** (-1 / _p) / _M,
             justification="the power-mean normalisation's reciprocal: the same with q = -1/p"),
    ),
))
