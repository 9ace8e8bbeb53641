r"""The identities the stability rules of ``codegen.rules`` rest on.

Each rewrite names one of these derivations; a test checks that every rule's
identity is registered and holds.
"""
from sympy import Abs, IndexedBase, Max, Min, Mul, Piecewise, Sum, Symbol, exp, log, symbols
from sympy.codegen.cfunctions import expm1, log1p

from derivations.checker.step import Derivation, Step

from derivations.library import register

x = Symbol("x", real=True)
t = Symbol("t", positive=True)

register(Derivation(
    id="softplus_stable",
    title=r"$\log(1 + e^{x}) = \max(x, 0) + \operatorname{log1p}(e^{-|x|})$",
    catalog_id="softplus",
    source="textbook",
    steps=(
        Step(log(1 + exp(x)), Max(x, 0) + log1p(exp(-Abs(x))),
             justification="for x >= 0 factor e^{x} out of 1 + e^{x}; for x < 0 the max is 0"),
        Step(log(1 + exp(Symbol("y", positive=True))),
             Symbol("y", positive=True) + log1p(exp(-Symbol("y", positive=True))),
             justification="the x > 0 branch: log(e^{y}(e^{-y} + 1))"),
    ),
))

register(Derivation(
    id="log1p_expm1_definitions",
    title=r"$\log(1 + t) = \operatorname{log1p}(t)$ and $e^{x} - 1 = \operatorname{expm1}(x)$",
    source="textbook",
    steps=(
        Step(log(1 + t), log1p(t), justification="definition of log1p (for t > -1)"),
        Step(exp(x) - 1, expm1(x), justification="definition of expm1"),
        Step(log(Abs(1 + x)), Piecewise((log1p(x), x > -1), (log(-1 - x), True)),
             justification="|1 + x| is 1 + x for x > -1 and -1 - x below"),
    ),
))

K = Symbol("K", integer=True, positive=True)
i, j = symbols("i j", integer=True, nonnegative=True)
z = IndexedBase("z", real=True)
m = Symbol("m", real=True)
register(Derivation(
    id="exp_normalize",
    title=r"$\frac{e^{z_i}}{\sum_j e^{z_j}} = \frac{e^{z_i - m}}{\sum_j e^{z_j - m}}$ for any real $m$",
    catalog_id="softmax",
    source="textbook",
    steps=(
        Step(exp(z[i]) / Sum(exp(z[j]), (j, 0, K - 1)), exp(z[i] - m) / Sum(exp(z[j] - m), (j, 0, K - 1)),
             justification="multiply numerator and denominator by e^{-m}", indices={i: (0, K - 1)},
             sizes=({K: 1}, {K: 2}, {K: 3}, {K: 5})),
    ),
))

# ** the identities of the sigmoid rules of ``codegen.rules`` **

_sig = 1 / (1 + exp(-x))


def _softplus_stable(a):
    return Max(a, 0) + log1p(exp(-Abs(a)))


for _id, _lhs, _rhs, _why in (
    ("log_sigmoid_softplus", log(_sig), -_softplus_stable(-x), "log sigma(x) = -softplus(-x)"),
    ("log_one_minus_sigmoid_softplus", log(1 - _sig), -_softplus_stable(x), "log(1 - sigma(x)) = -softplus(x)"),
    ("sigmoid_stable", _sig, Piecewise((1 / (1 + exp(-Abs(x))), x >= 0),
                                       (exp(-Abs(x)) / (1 + exp(-Abs(x))), True)),
     "sigma(x) with exp of a non-positive number only"),
):
    register(Derivation(
        id=_id, title=f"the identity of a stability rule: {_why}", source="textbook",
        steps=(Step(_lhs, _rhs, justification=_why),),
    ))

# ** the identities of the erf, tanh, cosh, log1mexp and square-root rules **

from sympy import Rational, cosh, erf, erfc, log as _log, sinh, sqrt, tanh  # noqa: E402

from symbolic.functions import ReduceMax, log_ndtr, ndtr  # noqa: E402

u = Symbol("u", real=True)
b = Symbol("b", positive=True)
c = Symbol("c", real=True)
n = Symbol("n", integer=True, positive=True)
y = IndexedBase("y", real=True)
_M = Max(Abs(x), sqrt(Abs(c)), Rational(1, 10 ** 300))
_My = Max(ReduceMax(Abs(y[j]), (j, 0, n - 1)), Rational(1, 10 ** 300))

for _id, _lhs, _rhs, _why, _sizes in (
    ("erf_ndtr", 1 + erf(x), 2 * ndtr(sqrt(2) * x), "1 + erf(z) = 2 Phi(sqrt(2) z), Phi = erfc(-t/sqrt 2)/2", None),
    ("erfc_ndtr", 2 - erfc(x), 2 * ndtr(sqrt(2) * x), "2 - erfc(z) = erfc(-z) = 2 Phi(sqrt(2) z)", None),
    ("log_ndtr", _log(ndtr(x)), log_ndtr(x), "log Phi(u) is scipy's log_ndtr(u)", None),
    ("one_plus_tanh_sigmoid", 1 + tanh(x), 2 / (1 + exp(-2 * x)), "1 + tanh(u) = 2 sigma(2u)", None),
    ("sech_square", c - c * tanh(x) ** 2, c / cosh(x) ** 2, "c - c tanh(u)^2 = c/cosh(u)^2", None),
    ("log_cosh_stable", _log(cosh(x)), Piecewise((log1p(2 * sinh(x / 2) ** 2), Abs(x) < 1),
                                                  (Abs(x) + log1p(exp(-2 * Abs(x))) - _log(2), True)),
     "log cosh u = log1p(2 sinh^2(u/2)) = |u| + log1p(e^{-2|u|}) - log 2", None),
    ("log_cosh_power", _log(cosh(x) ** c), c * _log(cosh(x)), "log(cosh(u)^k) = k log cosh u, cosh u > 0 for real u",
     None),
    ("tanh_ratio", sinh(x) / cosh(x), tanh(x), "sinh u / cosh u = tanh u", None),
    ("log1mexp", _log(1 - exp(-t)), Piecewise((_log(-expm1(-t)), t < _log(2)), (log1p(-exp(-t)), True)),
     "log(1 - e^{-t}) = log(-expm1(-t)) = log1p(-e^{-t}) for t > 0", None),
    ("power_of_ratio", (t / b) ** c, Piecewise(((t / b) ** c, Abs(_log(t) - _log(b)) < 700),
                                              (exp(c * (_log(t) - _log(b))), True)),
     "(u/v)^p = e^{p (log u - log v)} for u, v > 0", None),
    ("log_expm1", _log(exp(t) - 1), t + _log(1 - exp(-t)),
     "log(e^t - 1) = t + log(1 - e^{-t}) for t > 0 (the rule keeps log(expm1 t), expm1's definition, below t = 1)", None),
    ("root_cancel", x + sqrt(x ** 2 + b), Piecewise((x + sqrt(x ** 2 + b), x >= 0), (b / (sqrt(x ** 2 + b) - x), True)),
     "x + sqrt(x^2 + b) = b / (sqrt(x^2 + b) - x) (multiply by the conjugate)", None),
    ("scaled_sqrt_sum", sqrt(Sum(y[j] ** 2, (j, 0, n - 1))),
     _My * sqrt(Sum((y[j] / _My) ** 2, (j, 0, n - 1))),
     "sqrt(sum y_j^2) = M sqrt(sum (y_j/M)^2) for M = max_j |y_j| (> 0)", ({n: 1}, {n: 2}, {n: 3})),
    ("scaled_sqrt_reciprocal_power", (x ** 2 + c) ** Rational(-3, 2), _M ** -3 * ((x / _M) ** 2 + c / _M ** 2) ** Rational(-3, 2),
     "(x^2 + c)^{-p} = M^{-2p} ((x/M)^2 + c/M^2)^{-p} for any M > 0 (scaled_sqrt on the powers a gradient of 1/sqrt has)",
     None),
):
    register(Derivation(
        id=_id, title=f"the identity of a stability rule: {_why}", source="textbook",
        steps=(Step(_lhs, _rhs, justification=_why, **({"sizes": _sizes} if _sizes else {})),),
    ))

# ** the identities of the cancellation rules (``codegen.rules_cancel``) and of the scaled shift **

_a, _c = Symbol("a", real=True), Symbol("c", real=True)
_w = IndexedBase("w", real=True)
_Mz = Symbol("M", real=True)
_w0 = Symbol("w", real=True)
_pa, _pb = Symbol("a", positive=True), Symbol("b", positive=True)

for _id, _lhs, _rhs, _why, _sizes in (
    ("one_minus_sigmoid", 1 - 1 / (1 + exp(x)), 1 / (1 + exp(-x)), "1 - sigma(-x) = sigma(x)", None),
    ("difference_of_squares", Sum(y[j] ** 2, (j, 0, n - 1)) - Sum(_w[j] ** 2, (j, 0, n - 1)),
     Sum((y[j] - _w[j]) * (y[j] + _w[j]), (j, 0, n - 1)),
     "sum u^2 - sum v^2 = sum (u - v)(u + v)", ({n: 1}, {n: 2}, {n: 3})),
    ("shift_collect", _c * _a - _c * m, _c * (_a - m), "c a - c m = c (a - m)", None),
    ("exp_absorb", exp(-x) * (_c + exp(x + u)), _c * exp(-x) + exp(u), "e^{v} (c + e^{w}) = c e^{v} + e^{v + w}", None),
    ("logistic_of_exp", exp(x) / (1 + exp(x)) ** 2, 1 / ((1 + exp(-x)) * (1 + exp(x))),
     "e^u / (1 + e^u)^2 = sigma(u) sigma(-u)", None),
    ("log1p_large_product", log(1 + u ** 2 * _w0),
     Piecewise((2 * log(Abs(u)) + log(Abs(_w0)) + log1p(1 / (u ** 2 * _w0)), u ** 2 * _w0 > 1), (log1p(u ** 2 * _w0), True)),
     "log(1 + t) = log|t| + log1p(1/t) for t = u^2 w > 1, log|t| = 2 log|u| + log|w|", None),
    ("weighted_logistic_of_exp", t * exp(x) / (1 + t * exp(x)) ** 2,
     exp(-Abs(x + log(t))) / (1 + exp(-Abs(x + log(t)))) ** 2,
     "c e^u / (1 + c e^u)^2 = e^{-|v|} / (1 + e^{-|v|})^2, v = u + log c, for c > 0 (symmetric in v)", None),
    ("power_as_exp", t ** (u * x), exp(u * x * log(t)), "b^u = e^{u log b} for b > 0", None),
    ("scale_into_terms", _c ** 2 * (u / _c - log(1 + u / _c)), _c * u - _c ** 2 * log(1 + u / _c),
     "k (A + B) = k A + k B, the scale cancelling in a term: c^2 (u/c) = c u", None),
    ("log1p_large_quotient", log(1 + _pa * _pb / t), log(_pa) + log(_pb) - log(t) + log1p(t / (_pa * _pb)),
     "log(1 + q) = log q + log1p(1/q) for q = a b / t > 0, log q = log a + log b - log t (the rule uses it where q > 1, "
     "taking log|f| of each factor, whose product is |q| = q)", None),
    ("logsumexp_scaled_shift", log(Sum(exp(_c * z[j]), (j, 0, K - 1))),
     _c * _Mz + log(Sum(exp(_c * (z[j] - _Mz)), (j, 0, K - 1))),
     "log sum e^{c z_j} = c M + log sum e^{c (z_j - M)} for any real M (M = sign(c) max sign(c) z)",
     ({K: 1}, {K: 2}, {K: 3})),
):
    register(Derivation(
        id=_id, title=f"the identity of a stability rule: {_why}", source="textbook",
        steps=(Step(_lhs, _rhs, justification=_why, **({"sizes": _sizes} if _sizes else {})),),
    ))

_q = Symbol("q", positive=True)
register(Derivation(
    id="log_hyperbolic_factor",
    title=r"the identity of a stability rule: $\log(P\sinh^{k} u\cosh^{m} v) = k|u| + m|v| + \log(P s(u)^{k} c(v)^{m})$",
    source="textbook",
    steps=(Step(sinh(b), exp(b) * (1 - exp(-2 * b)) / 2,
                justification="sinh u = e^{|u|} s(u), s(u) = sign(u)(-expm1(-2|u|))/2: at u = b > 0, and sinh is odd"),
           Step(cosh(b), exp(b) * (1 + exp(-2 * b)) / 2,
                justification="cosh v = e^{|v|} c(v), c(v) = (1 + e^{-2|v|})/2: at v = b > 0, and cosh is even"),
           Step(_log(t * exp(c * b) * _q), c * b + _log(t * _q),
                justification="(e^{|u|} s)^k = e^{k|u|} s^k as e^{|u|} > 0, and log(a Q) = log a + log Q for a > 0")),
))

register(Derivation(
    id="weights_as_softmax",
    title=r"the identity of a stability rule: $\frac{w_i}{\sum_j w_j} = \frac{e^{\log w_i}}{\sum_j e^{\log w_j}}$ for $w > 0$",
    source="textbook",
    steps=(Step((1 + x ** 2) ** -c, exp(-c * log1p(x ** 2)),
                justification="each weight w = e^{log w} for w > 0, log (1 + t)^{-p} = -p log1p(t); numerator and sum "
                              "alike, entry by entry"),),
))

from sympy import Ne, asinh, atan, sin  # noqa: E402

_g = Symbol("gamma", positive=True)
register(Derivation(
    id="scale_over_argument",
    title=r"the identity of a stability rule: $k f(a/k) = a \frac{f(u)}{u}$, $u = a/k$, for $0 < |u| < 1$",
    source="textbook",
    steps=tuple(Step(_g * _f(x / _g), Piecewise((_g * _f(x / _g), Abs(x / _g) >= 1),
                                                (x * (_f(x / _g) / (x / _g)), Ne(x / _g, 0)), (x, True)),
                     justification="k f(a/k) = (k a/k) f(u)/u for u = a/k != 0; at a = 0 both sides are 0 (f(0) = 0)")
                for _f in (tanh, sin, sinh, atan, asinh)),
))

_k = Symbol("k", integer=True, nonnegative=True)
_h = z[_k] - ReduceMax(z[j], (j, 0, K - 1))
register(Derivation(
    id="logsumexp_log1p",
    title="the identity of a stability rule: log sum_j e^{h_j} = log1p(sum_{h_j<0} e^{h_j} + #{h_j >= 0} - 1), "
          "h_j = z_j - max z",
    source="textbook",
    steps=(Step(log(Sum(exp(_h), (_k, 0, K - 1))),
                log1p(Sum(Piecewise((exp(_h), _h < 0), (0, True)), (_k, 0, K - 1))
                      + Max(Sum(Piecewise((1, _h >= 0), (0, True)), (_k, 0, K - 1)) - 1, 0)),
                justification="the terms with h_j = 0 (at least one: the max) are each e^0 = 1",
                sizes=({K: 1}, {K: 2}, {K: 3})),),
))

# ** the identities of the softmax rules (``codegen.rules_softmax``) **

_v = IndexedBase("v", real=True)
_A = Symbol("A", real=True)
_kc = Symbol("k", real=True)
_t = Symbol("t", integer=True, nonnegative=True)
_hj = z[j] - ReduceMax(z[_t], (_t, 0, K - 1))
_S = Sum(exp(_hj), (j, 0, K - 1))
_top = (Sum(Piecewise((_v[_k], z[_k] - ReduceMax(z[_t], (_t, 0, K - 1)) >= 0), (0, True)), (_k, 0, K - 1))
        / Sum(Piecewise((1, z[_k] - ReduceMax(z[_t], (_t, 0, K - 1)) >= 0), (0, True)), (_k, 0, K - 1)))
register(Derivation(
    id="mean_from_top",
    title="the identity of a stability rule: A - sum_j w_j v_j / S = (A - c) - sum_j w_j (v_j - c) / S for any c "
          "(c the value at the top weight), w_j = e^{z_j - max z}, S = sum_j w_j",
    source="textbook",
    steps=(Step(_A - Sum(exp(_hj) * _v[j], (j, 0, K - 1)) / _S,
                (_A - _top) - Sum(exp(_hj) * (_v[j] - _top), (j, 0, K - 1)) / _S,
                justification="sum_j w_j (v_j - c) / S = sum_j w_j v_j / S - c, as sum_j w_j / S = 1",
                sizes=({K: 1}, {K: 2}, {K: 3})),
           Step(_A - _kc * Sum(exp(_hj) * _v[j], (j, 0, K - 1)) / _S,
                (_A - _kc * _top) - _kc * Sum(exp(_hj) * (_v[j] - _top), (j, 0, K - 1)) / _S,
                justification="the same times a coefficient k free of j (an inverse temperature)",
                sizes=({K: 1}, {K: 2}, {K: 3}))),
))

_i0 = Symbol("i", integer=True, nonnegative=True)
_hi0 = z[_i0] - ReduceMax(z[_t], (_t, 0, K - 1))
register(Derivation(
    id="one_minus_top",
    title="the identity of a stability rule: A + w_i / S = (A + 1) - (S - 1) / S where w_i = 1 (the top index), "
          "S - 1 = sum_{h_j < 0} w_j + #{h_j = 0} - 1",
    source="textbook",
    steps=(Step(_A + exp(_hi0) / _S,
                Piecewise(((_A + 1) - (Sum(Piecewise((exp(_hj), _hj < 0), (0, True)), (j, 0, K - 1))
                                       + Max(Sum(Piecewise((1, _hj >= 0), (0, True)), (j, 0, K - 1)) - 1, 0)) / _S,
                           _hi0 >= 0), (_A + exp(_hi0) / _S, True)),
                justification="at the top index e^{h_i} = 1 and 1/S = 1 - (S - 1)/S; S - 1 drops one of the terms e^0 = 1",
                indices={_i0: (0, K - 1)}, sizes=({K: 1}, {K: 2}, {K: 3})),),
))

_Ma = Max(ReduceMax(Abs(y[j]), (j, 0, n - 1)), Rational(1, 10 ** 300))
_Mw = Max(ReduceMax(Abs(_w[j]), (j, 0, n - 1)), Rational(1, 10 ** 300))
register(Derivation(
    id="scales_into_sum",
    title="the identity of a stability rule: sum_j u_j v_j / (M_u M_v) = sum_j (u_j / M_u)(v_j / M_v)",
    source="textbook",
    steps=(Step(Sum(y[j] * _w[j], (j, 0, n - 1)) / (_Ma * _Mw), Sum((y[j] / _Ma) * (_w[j] / _Mw), (j, 0, n - 1)),
                justification="the scales are free of the summed index: a constant factor enters the sum",
                sizes=({n: 1}, {n: 2}, {n: 3})),),
))

_i1 = Symbol("i", integer=True, nonnegative=True)
from sympy import sign  # noqa: E402

_Mxc = Max(Abs(x), Abs(_c), Rational(1, 10 ** 300))
register(Derivation(
    id="scale_into_entry",
    title="the identity of a stability rule: a u_i / M_u = a (u_i / M_u) for the scale M_u = max(max_j |u_j|, tiny)",
    source="textbook",
    steps=(Step(_w[_i1] * y[_i1] / (_Ma * sqrt(Sum(y[j] ** 2, (j, 0, n - 1)))),
                _w[_i1] * (y[_i1] / _Ma) / sqrt(Sum(y[j] ** 2, (j, 0, n - 1))),
                justification="a product is associative: the entry and the reciprocal of its scale are multiplied first",
                indices={_i1: (0, n - 1)}, sizes=({n: 1}, {n: 2}, {n: 3})),
           Step(x * Abs(_c) / _Mxc,
                sign(x) * Min(Abs(x), Abs(_c)) * (Max(Abs(x), Abs(_c)) / _Mxc),
                justification="two scalar entries of one scale: |x| |c| = min(|x|, |c|) max(|x|, |c|), and the larger "
                              "is divided by the scale")),
))

# ** the identity of the exact-product rule (``codegen.rules_exact``) **

from symbolic.functions import fma  # noqa: E402

_p, _q = Symbol("p", real=True), Symbol("q", real=True)
register(Derivation(
    id="exact_product",
    title=r"the identity of a stability rule: $c + k a b = \operatorname{fma}(k a, b, c)$",
    source="textbook",
    steps=(Step(_c - _p * _q, fma(-_p, _q, _c), justification="fma(a, b, c) = a b + c, with a = -p"),
           Step(exp(x) + 2 * _p * _q, fma(2 * _p, _q, exp(x)), justification="fma(a, b, c) = a b + c, with a = 2 p"),
           Step(1 - _p ** 2, fma(-_p, _p, 1), justification="fma(a, b, c) = a b + c, with a = -p, b = p")),
))


# ** the identities of the ratio-before-power and log-gamma-difference rules **

from sympy import RisingFactorial, loggamma  # noqa: E402

_u, _v = Symbol("u", real=True), Symbol("v", real=True, nonzero=True)
_bp = Symbol("b", positive=True)
register(Derivation(
    id="ratio_before_power",
    title=r"the identity of a stability rule: $u^k / v^k = (u/v)^k$ for an integer $k \ge 2$",
    source="textbook",
    steps=tuple(Step(_u ** k / (_c * _v ** k), (_u / _v) ** k / _c, justification="(u/v)^k = u^k v^{-k}")
                for k in (2, 3, 4))
    + tuple(Step(_c / (_u ** k * _v ** k), _c / (_u * _v) ** k, justification="a reciprocal product: (u v)^k = u^k v^k")
            for k in (2, 3)),
))
_Dp = Symbol("D", positive=True)
register(Derivation(
    id="log_of_exp_quotient",
    title=r"the identity of a stability rule: $\log\frac{c\,e^{a}}{D} = a + \log c - \log D$ for $c, D > 0$",
    source="textbook",
    steps=(Step(log(3 * exp(_u) / _Dp), _u + log(3) - log(_Dp), justification="log of a product of positive factors, "
                "log e^{a} = a for real a"),),
))
register(Derivation(
    id="product_before_power",
    title=r"the identity of a stability rule: $u^k v^k = (u v)^k$ for an integer $k \ge 2$",
    source="textbook",
    steps=tuple(Step(_c * _u ** k * _v ** k, _c * (_u * _v) ** k, justification="(u v)^k = u^k v^k for an integer k")
                for k in (2, 3, 4)),
))
register(Derivation(
    id="log_gamma_difference",
    title=r"the identity of a stability rule: $\log\Gamma(b + h) - \log\Gamma(b) = \log\,(b)_h$ for $b > 0$",
    source="textbook",
    steps=tuple(Step(loggamma(_bp + h) - loggamma(_bp), log(RisingFactorial(_bp, h)),
                     justification="(b)_h = Gamma(b + h) / Gamma(b) > 0 for b > 0, h > 0",
                     # a re-decision that is no Gamma-family zero (a false claim) runs evalf on log-gammas
                     # to hundreds of digits with cold Gamma caches: up to 20 s of CPU
                     weight=6.0)
                for h in (Rational(1, 2), Rational(1, 3), Rational(3, 4))),
))


# ** the identity of the equal-sums rule (``codegen.rules_sums``) **

register(Derivation(
    id="ratio_of_equal_sums",
    title=r"the identity of a stability rule: $\frac{\sum_i u_i (c + v_i)}{\sum_j u_j} = c + \frac{\sum_i u_i v_i}{\sum_j u_j}$ "
          r"(the same sum, up to the index's name; $c$ free of $i$)",
    source="textbook",
    steps=(Step(Sum(exp(z[i]), (i, 0, K - 1)) / Sum(exp(z[j]), (j, 0, K - 1)), Rational(1),
                justification="renaming the summed index does not change a sum; a positive sum over itself is 1",
                sizes=({K: 1}, {K: 2}, {K: 3})),
           Step(x * Sum(z[i] ** 2 + 1, (i, 0, K - 1)) / Sum(z[j] ** 2 + 1, (j, 0, K - 1)), x,
                justification="the same, inside a product", sizes=({K: 1}, {K: 2}, {K: 3})),
           Step(Sum(exp(z[i]) * (x + z[i]), (i, 0, K - 1)) / Sum(exp(z[j]), (j, 0, K - 1)),
                x + Sum(exp(z[i]) * z[i], (i, 0, K - 1)) / Sum(exp(z[j]), (j, 0, K - 1)),
                justification="sum_i u_i (c + v_i) = c sum_i u_i + sum_i u_i v_i, and c sum_i u_i / sum_j u_j = c",
                sizes=({K: 1}, {K: 2}, {K: 3}))),
))


# ** the identities of the log-space rules (``codegen.rules_logspace``) **

from sympy import sign  # noqa: E402

_up, _vp = Symbol("u", positive=True), Symbol("v", positive=True)
_xn = Symbol("x", real=True, nonzero=True)
_L = 600
register(Derivation(
    id="log_of_quotient",
    title=r"the identity of a stability rule: $\log t = \sum_f e_f \log|f|$ for a positive product $t = \prod_f f^{e_f}$",
    source="textbook",
    steps=(Step(log(_up / _vp), Piecewise((log(_up / _vp), Abs(log(_up) - log(_vp)) < _L), (log(_up) - log(_vp), True)),
                justification="log(u/v) = log u - log v for u, v > 0 (either branch)"),
           Step(log(_xn ** 2 * _vp), Piecewise((log(_xn ** 2 * _vp), Abs(2 * log(Abs(_xn)) + log(_vp)) < _L),
                                               (2 * log(Abs(_xn)) + log(_vp), True)),
                justification="x^2 = |x|^2 > 0: log(x^2 v) = 2 log|x| + log v"),
           Step(log(3 * _xn ** 2 + 2), log(2) + log1p(3 * _xn ** 2 / 2),
                justification="log(c + t) = log c + log(1 + t/c) for c > 0, c + t > 0")),
))
_br, _mr = Symbol("b", real=True), Symbol("m", real=True)
register(Derivation(
    id="log_of_product_sum",
    title=r"the identity of a stability rule: $\log\sum_k P_k = m + \log\sum_k s_k e^{\ell_k - m}$, $\ell_k = \log|P_k|$, "
          r"$s_k = \operatorname{sign} P_k$, for any real $m$",
    source="textbook",
    steps=(Step(log(_xn ** 2 * _vp + 2 * _br * (1 + _vp)),
                _mr + log(exp(2 * log(Abs(_xn)) + log(_vp) - _mr)
                         + sign(_br) * exp(log(2) + log(Abs(_br)) + log(1 + _vp) - _mr)),
                justification="P = sign(P) e^{log|P|} for P != 0, log|P| the sum of the logs of its factors' magnitudes; "
                              "e^{m} factored out of the sum (m = max_k log|P_k| in the rule)"),),
))
_uz = Symbol("u", real=True)
_kp = Symbol("k", positive=True)
register(Derivation(
    id="log_space_product",
    title=r"the identity of a stability rule: $P e^{w} = \operatorname{sign}(P)\,e^{\log|P| + w}$, and "
          r"$P/\cosh^k u = \operatorname{sign}(P)\,e^{\log|P| - k\log\cosh u}$",
    source="textbook",
    steps=(Step(_xn * _vp * exp(-_uz), Piecewise((_xn * _vp * exp(-_uz), Abs(_uz) < _L),
                                                (sign(_xn) * exp(log(Abs(_xn)) + log(_vp) - _uz), True)),
                justification="x v = sign(x) |x| v = sign(x) e^{log|x| + log v} for x != 0, v > 0"),
           Step(_xn * (3 * _xn ** 2 + 2) / cosh(_uz) ** 2,
                Piecewise((_xn * (3 * _xn ** 2 + 2) / cosh(_uz) ** 2, 2 * Abs(_uz) < _L),
                          (sign(_xn) * exp(log(Abs(_xn)) + log(2) + log1p(3 * _xn ** 2 / 2) - 2 * _log(cosh(_uz))), True)),
                justification="|x (3x^2 + 2)| = |x| 2 (1 + 3x^2/2) and cosh^{-2} u = e^{-2 log cosh u}"),
           Step(_xn * (1 + exp(_uz)) ** (-_kp) * exp(-_uz), Piecewise(
               (_xn * (1 + exp(_uz)) ** (-_kp) * exp(-_uz), Abs(_uz) < _L),
               (sign(_xn) * exp(log(Abs(_xn)) - _kp * (Max(_uz, 0) + log1p(exp(-Abs(_uz)))) - _uz), True)),
                justification="a positive factor b = (1 + e^u)^{-k} is e^{log b}, log(1 + e^u) = softplus(u) = "
                              "max(u, 0) + log1p(e^{-|u|})")),
))

_wx, _wm, _ws = Symbol("x", positive=True), Symbol("m", positive=True), Symbol("s", positive=True)
_wd = Symbol("d", real=True, nonzero=True)
register(Derivation(
    id="log_space_monomial",
    title=r"the identity of a stability rule: $\prod_f f^{e_f} = \operatorname{sign}(P)\,e^{\sum_f e_f \log|f|}$ for a "
          r"quotient $P$ of non-zero factors",
    source="textbook",
    steps=(Step(_ws * (_wx - _wm) ** 2 / (_wm ** 2 * _wx),
                Piecewise((_ws * (_wx - _wm) ** 2 / (_wm ** 2 * _wx),
                           Abs(log(_ws)) + 2 * Abs(log(Abs(_wx - _wm))) + 2 * Abs(log(_wm)) + Abs(log(_wx)) < _L),
                          (exp(log(_ws) + 2 * log(Abs(_wx - _wm)) - 2 * log(_wm) - log(_wx)), True)),
                justification="s, m, x > 0 and (x - m)^2 = |x - m|^2: the quotient is e^{log s + 2 log|x - m| - 2 log m - log x} "
                              "(either branch; x = m makes both 0)"),
           Step(_wd ** 3 / (_ws * _wx),
                Piecewise((_wd ** 3 / (_ws * _wx), 3 * Abs(log(Abs(_wd))) + Abs(log(_ws)) + Abs(log(_wx)) < _L),
                          (sign(_wd) * exp(3 * log(Abs(_wd)) - log(_ws) - log(_wx)), True)),
                justification="d^3 = sign(d) |d|^3 = sign(d) e^{3 log|d|} for d != 0")),
))
_ta, _tb = Symbol("a", real=True), Symbol("b", real=True)
_top = Max(_ta, _tb)
register(Derivation(
    id="log_add_near_top",
    title=r"the identity of a stability rule: $\log\sum_k c_k e^{a_k - M} = \operatorname{log1p}(\sum_k c_k e^{a_k - M} - 1)$, "
          r"the 1 taken from the first term with $a_k = M = \max_k a_k$",
    source="textbook",
    steps=(Step(log(exp(_ta - _top) + _vp * exp(_tb - _top)),
                Piecewise((log1p(Piecewise((exp(_ta - _top) - 1, _ta >= _tb), (exp(_ta - _top), True))
                                 + Piecewise((_vp * exp(_tb - _top) - 1, _tb > _ta), (_vp * exp(_tb - _top), True))),
                           Piecewise((1, _ta >= _tb), (0, True)) + Piecewise((_vp, _tb > _ta), (0, True))
                           >= Rational(1, 2)),
                          (log(exp(_ta - _top) + _vp * exp(_tb - _top)), True)),
                justification="exactly one of a >= b, b > a holds: the two selections remove one 1 from the sum, "
                              "and log S = log1p(S - 1)"),),
))

# ** the identity of the scalar homogeneous scaling (``codegen.rules_homogeneous``) **

_xs, _mus, _nus = Symbol("x", real=True), Symbol("mu", real=True), Symbol("nu", positive=True)
_ss = Symbol("s", positive=True)
_ds = _xs - _mus
_Ms = Max(Abs(_ss), Abs(_ds), Rational(1, 10 ** 300))
register(Derivation(
    id="homogeneous_scalars",
    title=r"the identity of a stability rule: $F(a) = M^{d} F(a/M)$ for $F$ homogeneous of degree $d$ in scalars $a$, $M > 0$",
    source="textbook",
    steps=(Step(_nus * (_ds ** 2 - _ss ** 2) / (_ss * (_nus * _ss ** 2 + _ds ** 2)),
                _nus * ((_ds / _Ms) ** 2 - (_ss / _Ms) ** 2) / (_ss * (_nus * (_ss / _Ms) ** 2 + (_ds / _Ms) ** 2)),
                justification="numerator and denominator sums are both of degree 2 in (d, s): the factors M^2 cancel"),
           Step(_ds / (_nus * _ss ** 2 + _ds ** 2),
                (_ds / _Ms) / (_nus * (_ss / _Ms) ** 2 + (_ds / _Ms) ** 2) / _Ms,
                justification="degree -1 in (d, s): F(a) = M^{-1} F(a/M)")),
))


# ** the identity of the power rule (``codegen.rules_power``) **

_bpos, _tex = Symbol("b", positive=True), Symbol("t", real=True)
_breal = Symbol("b", real=True)
register(Derivation(
    id="power_expm1",
    title=r"the identity of a stability rule: $b^{t} - 1 = \operatorname{expm1}(t \log b)$ for $b > 0$",
    source="textbook",
    steps=(Step(_bpos ** _tex - 1, expm1(_tex * log(_bpos)), justification="b^t = e^{t log b} for b > 0; e^u - 1 = expm1(u)"),
           Step(1 - _bpos ** _tex, -expm1(_tex * log(_bpos)), justification="the same, negated"),
           Step(1 - _breal ** _tex, Piecewise((-expm1(_tex * log(_breal)), _breal > 0), (1 - _breal ** _tex, True)),
                justification="the branch for a base not known positive: b <= 0 keeps the direct difference"),
           Step(1 - exp(_tex), -expm1(_tex), justification="the base e: 1 - e^u = -(e^u - 1)")),
))
_ypos, _mupos = Symbol("y", positive=True), Symbol("mu", positive=True)
register(Derivation(
    id="power_over_base",
    title=r"the identity of a stability rule: $A^{p} A^{q} = A^{p + q}$, $\frac{A^{p} + R}{A} = A^{p - 1} + \frac{R}{A}$",
    source="textbook",
    steps=(Step(_ypos ** (2 - _tex) / _ypos, _ypos ** (1 - _tex), justification="A^p A^q = A^{p + q} for A > 0"),
           Step((_mupos ** (2 - _tex) - _ypos * _mupos ** (1 - _tex)) / _mupos,
                _mupos ** (1 - _tex) - _ypos * _mupos ** (-_tex),
                justification="the divisor into each term of the sum, then the powers of one base combined")),
))
_sa, _sb = Symbol("a", real=True), Symbol("b", real=True)
_sbig = _sa - _sb - log(1 + exp(-_sb))
_ssmall = -log(1 + exp(_sb))
register(Derivation(
    id="softplus_ratio",
    title=r"the identity of a stability rule: $\log\frac{1 + e^{a}}{1 + e^{b}} = "
          r"\operatorname{log1p}(\sigma(b)\operatorname{expm1}(a - b))$, and a log-add-exp of two softplus terms",
    source="textbook",
    steps=(Step((1 + exp(_sa)) / (1 + exp(_sb)), 1 + expm1(_sa - _sb) / (1 + exp(-_sb)),
                justification="(1 + e^a)/(1 + e^b) = 1 + e^b (e^{a - b} - 1)/(1 + e^b) and e^b/(1 + e^b) = sigma(b)"),
           Step(log(1 + expm1(_sa - _sb) / (1 + exp(-_sb))), log1p(expm1(_sa - _sb) / (1 + exp(-_sb))),
                justification="log(1 + t) = log1p(t)"),
           Step(log((1 + exp(_sa)) / (1 + exp(_sb))),
                Max(_sa + _ssmall, _ssmall) + log1p(exp(-Abs(_sa))),
                justification="(1 + e^a)/(1 + e^b) = (e^{a} + 1) e^{-sp(b)}: log(e^A + e^B) = max(A, B) + log1p(e^{-|A - B|}) "
                              "with A = a - sp(b), B = -sp(b), A - B = a"),
           Step(_sa + _ssmall, _sbig, justification="sp(b) - sp(-b) = b: a - sp(b) = (a - b) - sp(-b)")),
))
_tw, _tb, _ta = Symbol("w", real=True, nonzero=True), Symbol("b", real=True), Symbol("a", real=True)
register(Derivation(
    id="term_over_sum",
    title=r"the identity of a stability rule: $\frac{a w}{w + b} = \frac{a}{1 + b/w}$ for $w \ne 0$",
    source="textbook",
    steps=(Step(_ta * _tw / (_tw + _tb), _ta / (1 + _tb / _tw), justification="numerator and denominator divided by w != 0"),),
))
register(Derivation(
    id="over_large_term",
    title=r"the identity of a stability rule: $\frac{a}{b + w} = \frac{a/w}{1 + b/w}$ for $w \ne 0$",
    source="textbook",
    steps=(Step(_ta / (_tb + _tw), (_ta / _tw) / (1 + _tb / _tw), justification="numerator and denominator divided by w != 0"),),
))
_cpos = Symbol("c", positive=True)
register(Derivation(
    id="log_of_mean",
    title=r"the identity of a stability rule: $\log\frac1n\sum_j y_j = \operatorname{log1p}\frac1n\sum_j (y_j - 1)$, "
          r"and $\log(c S) = \log c + \log S$ for $c, S > 0$",
    source="textbook",
    steps=(Step(log(Sum(exp(y[j]), (j, 0, n - 1)) / n), log1p(Sum(exp(y[j]) - 1, (j, 0, n - 1)) / n),
                justification="a mean is 1 plus the mean of the differences from 1; log(1 + t) = log1p(t)",
                sizes=({n: 1}, {n: 2}, {n: 3})),
           Step(log(_cpos * _bpos), log(_cpos) + log(_bpos), justification="log is a homomorphism on the positive reals")),
))
_tgt = Symbol("t", real=True)
register(Derivation(
    id="power_log1p",
    title=r"the identity of a stability rule: $(1 + t)^{p} = e^{p \operatorname{log1p}(t)}$ for $t > -1$",
    source="textbook",
    steps=(Step(_bpos ** _tex, exp(_tex * log(_bpos)), justification="b^p = e^{p log b} for b = 1 + t > 0"),
           Step(exp(_tex * log(_bpos)), exp(_tex * log1p(_bpos - 1)), justification="log b = log1p(b - 1)"),
           Step((1 + _tgt) ** _tex, Piecewise((exp(_tex * log1p(_tgt)), (1 + _tgt > Rational(1, 2)) & (1 + _tgt < Rational(3, 2))),
                                           ((1 + _tgt) ** _tex, True)),
                justification="on 1/2 < 1 + t < 3/2 (so 1 + t > 0); elsewhere the direct power"),
           Step(Sum(y[j], (j, 0, n - 1)) / n, 1 + Sum(y[j] - 1, (j, 0, n - 1)) / n,
                justification="a mean is 1 plus the mean of the differences from 1: (1/n) sum_j 1 = 1",
                sizes=({n: 1}, {n: 2}, {n: 3}))),
))
_ae, _be, _ce = Symbol("a", real=True), Symbol("b", real=True), Symbol("c", real=True)
register(Derivation(
    id="log_add_exp",
    title=r"the identity of a stability rule: $\log(e^{a} + e^{b}) = \max(a, b) + \operatorname{log1p}(e^{-|a - b|})$",
    source="textbook",
    steps=(Step(log(exp(_ae) + exp(_be)), Max(_ae, _be) + log1p(exp(-Abs(_ae - _be))),
                justification="factor e^{max(a, b)} out of the sum: the other term is e^{-|a - b|}"),
           Step(log(exp(_ae) + exp(_be) + exp(_ce)), m + log(exp(_ae - m) + exp(_be - m) + exp(_ce - m)),
                justification="factor e^{m} out of the sum, any real m (the rule takes m = max_k a_k), of three or "
                              "more terms")),
))


# ** the identity of the log-sigmoid pair rule (``codegen.rules_logit``) **

_wa, _wb, _sl = Symbol("a", real=True), Symbol("b", real=True), Symbol("s", real=True)
register(Derivation(
    id="log_sigmoid_pair",
    title=r"the identity of a stability rule: $a \log\sigma(s) + b \log(1 - \sigma(s)) = (a + b)\log\sigma(-s) + a\,s$",
    source="textbook",
    steps=(Step(_wa * log(1 / (1 + exp(-_sl))) + _wb * log(1 - 1 / (1 + exp(-_sl))),
                (_wa + _wb) * log(1 / (1 + exp(_sl))) + _wa * _sl,
                justification="1 - sigma(s) = sigma(-s), and log sigma(s) = s + log sigma(-s) "
                              "(sigma(s) / sigma(-s) = e^{s})"),
           Step(_wa * log(1 / (1 + exp(-_sl))) + _wb * log(1 / (1 + exp(_sl))),
                (_wa + _wb) * log(1 / (1 + exp(_sl))) + _wa * _sl,
                justification="the same with the second log-sigmoid written sigma(-s)")),
))


_pw = Symbol("p", real=True)
_cp = Symbol("c", positive=True)
_sv = IndexedBase("s", positive=True)
_Mu = Max(ReduceMax(Abs((y[j] - _w[j]) / _sv[j]), (j, 0, n - 1)), Rational(1, 10 ** 300))
_Mp = Max(Abs(x), sqrt(_cp), Rational(1, 10 ** 300))
register(Derivation(
    id="scaled_sqrt", title="the identity of a stability rule: sqrt(x^2 + c) = M sqrt((x/M)^2 + c/M^2), and "
                            "(x^2 + c)^p = M^{2p} ((x/M)^2 + c/M^2)^p for any real p, M > 0",
    source="textbook",
    steps=(Step(sqrt(x ** 2 + c), _M * sqrt((x / _M) ** 2 + c / _M ** 2),
                justification="sqrt(x^2 + c) = M sqrt((x/M)^2 + c/M^2) for any M > 0, M = max(|x|, sqrt|c|, tiny)"),
           Step((x ** 2 + _cp) ** _pw, _Mp ** (2 * _pw) * ((x / _Mp) ** 2 + _cp / _Mp ** 2) ** _pw,
                justification="A = M^2 (A/M^2) with both factors positive, so A^p = (M^2)^p (A/M^2)^p = M^{2p} (A/M^2)^p"),
           Step((x ** 2 + _cp) ** (_pw / 2) / (x ** 2 + _cp), (x ** 2 + _cp) ** (_pw / 2 - 1),
                justification="A^p / A = A^{p - 1} for A > 0 (the powers of one base are combined before scaling)"),
           Step(sqrt(Sum((y[j] - _w[j]) ** 2 / _sv[j] ** 2, (j, 0, n - 1))),
                _Mu * sqrt(Sum((((y[j] - _w[j]) / _sv[j]) / _Mu) ** 2, (j, 0, n - 1))),
                justification="a sum of w u_j^2 with even powers of the summand moved into u_j = (y_j - w_j)/s_j: "
                              "the same with M = max_j |u_j| > 0",
                sizes=({n: 1}, {n: 2}, {n: 3}))),
))


# ** the identity of the paired quotient (``codegen.rules_pairing``) **

_qa, _qb = Symbol("a", real=True), Symbol("b", real=True)
_qv, _qw = Symbol("v", real=True, nonzero=True), Symbol("w", real=True, nonzero=True)
register(Derivation(
    id="paired_quotient",
    title=r"the identity of a stability rule: $\frac{a b}{v} = \frac{a}{v} b = a \frac{b}{v}$ and "
          r"$\frac{a}{v w} = \frac{a/v}{w}$ for $v, w \ne 0$",
    source="textbook",
    steps=(Step(_qa * _qb / _qv, Piecewise(((_qa / _qv) * _qb, Abs(_qv) >= 1), (_qa * (_qb / _qv), True)),
                justification="multiplication is associative and commutative: either factor may be divided first"),
           Step(_qa / (_qv * _qw), Piecewise(((_qa / _qv) / _qw, Abs(_qa) >= 1), ((_qa / _qw) / _qv, True)),
                justification="1/(v w) = (1/v)(1/w) for v, w != 0, in either order"),
           Step(_qa ** 2 * _qb, _qa * Mul(_qa, _qb, evaluate=False),
                justification="u^2 B = u (u B): multiplication is associative")),
))
_qA = Symbol("A", real=True)
_qD = Symbol("D", real=True, positive=True)
_qy = IndexedBase("u", real=True)
register(Derivation(
    id="quotient_into_sum",
    title=r"the identity of a stability rule: $\frac{A + c\sum_i u_i v_i}{D} = \frac{A}{D} + c\sum_i "
          r"\frac{u_i}{D} v_i$ for $D \ne 0$ free of $i$ (either factor divided first)",
    source="textbook",
    steps=(Step((_qA + 2 * Sum(_qy[j] * _w[j], (j, 0, n - 1))) / _qD,
                _qA / _qD + 2 * Sum(Piecewise(((_qy[j] / _qD) * _w[j], Abs(_qy[j]) >= Abs(_w[j])),
                                              (_qy[j] * (_w[j] / _qD), True)), (j, 0, n - 1)),
                justification="division distributes over the sum; D is free of the summed index, so it enters the sum, "
                              "and either factor of each product may be divided first",
                sizes=({n: 1}, {n: 2}, {n: 3})),),
))
_pA, _pB = Symbol("A", positive=True), Symbol("B", positive=True)
register(Derivation(
    id="log_of_positive_product",
    title=r"the identity of a stability rule: $\log \prod_f f^{e_f} = \sum_f e_f \log f$ for $f > 0$",
    source="textbook",
    steps=(Step(log(_pA / _pB), log(_pA) - log(_pB), justification="log is a homomorphism on the positive reals"),
           Step(log(_pA ** 2 * _pB), 2 * log(_pA) + log(_pB), justification="log(A^k) = k log A for A > 0"),
           Step(log((1 + exp(x)) / (1 + exp(x - c))), log(1 + exp(x)) - log(1 + exp(x - c)),
                justification="1 + e^u > 0 for real u")),
))
_bd = Symbol("delta", positive=True)
register(Derivation(
    id="scale_into_branches",
    title=r"the identity of a stability rule: $k \begin{cases} A & c \\ B & \text{else}\end{cases} = "
          r"\begin{cases} k A & c \\ k B & \text{else}\end{cases}$",
    source="textbook",
    steps=(Step(_bd ** 2 * Piecewise(((x / _bd) ** 2 / (sqrt(1 + (x / _bd) ** 2) + 1), Abs(x) < 2 * _bd),
                                     (sqrt(1 + (x / _bd) ** 2) - 1, True)),
                Piecewise((x ** 2 / (sqrt(1 + (x / _bd) ** 2) + 1), Abs(x) < 2 * _bd),
                          (_bd ** 2 * (sqrt(1 + (x / _bd) ** 2) - 1), True)),
                justification="a factor distributes over the branches; delta^2 (x/delta)^2 = x^2"),),
))
_eL = Symbol("L", positive=True)
register(Derivation(
    id="expm1_quotient",
    title=r"the identity of a stability rule: $\frac{P}{\operatorname{expm1}(L)} = "
          r"\operatorname{sign}(P)\,\frac{e^{\log|P| - L}}{-\operatorname{expm1}(-L)}$ for $P \ne 0$, $L \ne 0$",
    source="textbook",
    steps=(Step(_xn / expm1(_eL), Piecewise((_xn / expm1(_eL), _eL < _L),
                                            (sign(_xn) * exp(log(Abs(_xn)) - _eL) / (-expm1(-_eL)), True)),
                justification="expm1(L) = e^L - 1 = e^L (1 - e^{-L}) = -e^L expm1(-L), and P = sign(P) e^{log|P|}"),
           Step(_xn * _vp / expm1(_eL), Piecewise((_xn * _vp / expm1(_eL), _eL < _L),
                                                  (sign(_xn) * exp(log(Abs(_xn)) + log(_vp) - _eL) / (-expm1(-_eL)), True)),
                justification="the same for a product P = x v, log|P| = log|x| + log v")),
))

from sympy.codegen.cfunctions import expm1 as _expm1, log1p as _log1p  # noqa: E402

_kn = Symbol("k", real=True, nonzero=True)
register(Derivation(
    id="argument_over_scale",
    title=r"the identity of a stability rule: $\frac{f(k a)}{k} = a \frac{f(u)}{u}$, $u = k a$, for $0 < |u| < 1$",
    source="textbook",
    steps=tuple(Step(_f(_kn * x) / _kn, Piecewise((_f(_kn * x) / _kn, Abs(_kn * x) >= 1),
                                                  (x * (_f(_kn * x) / (_kn * x)), Ne(_kn * x, 0)), (x, True)),
                     justification="f(k a)/k = (k a / k) f(u)/u for u = k a != 0; at a = 0 both sides are 0 (f(0) = 0)")
                for _f in (tanh, sinh, _expm1, _log1p))
          + tuple(Step(_kn ** 2 * _f(x / _kn ** 2), Piecewise((_kn ** 2 * _f(x / _kn ** 2), Abs(x / _kn ** 2) >= 1),
                                                              (x * (_f(x / _kn ** 2) / (x / _kn ** 2)), Ne(x / _kn ** 2, 0)),
                                                              (x, True)),
                       justification="k^2 f(a/k^2) = (k^2 a/k^2) f(u)/u for u = a/k^2 != 0 (the scale outside, its "
                                     "reciprocal in the argument); at a = 0 both sides are 0")
                  for _f in (_expm1, _log1p)),
))

_cs, _ca, _cb = Symbol("s", positive=True), Symbol("a", real=True), Symbol("b", positive=True)
register(Derivation(
    id="common_denominator",
    title=r"the identity of a stability rule: $R + \frac{N}{D} = \frac{R D + N}{D}$ for $D \ne 0$",
    source="textbook",
    steps=(Step(1 - (_cs + 2 * _ca) / (_cs + _cb), (_cb - 2 * _ca) / (_cs + _cb),
                justification="1 = (s + b)/(s + b); the s of the numerators cancel"),
           Step(_ca - (_ca * _cs + 1) / (_cs + _cb), (_ca * _cb - 1) / (_cs + _cb),
                justification="R + N/D = (R D + N)/D with R = a: a s cancels")),
))

_zx, _zy = Symbol("x", nonnegative=True), Symbol("y", positive=True)
register(Derivation(
    id="zero_times_log",
    title=r"the identity of a stability rule: $x \log y = \begin{cases} x \log y & x > 0 \\ 0 & \text{else}\end{cases}$ "
          r"for $x \ge 0$, $y > 0$",
    source="textbook",
    steps=(Step(_zx * log(_zy), Piecewise((_zx * log(_zy), _zx > 0), (0, True)),
                justification="at x = 0 the product is 0 (log y is finite for y > 0); elsewhere the first branch"),),
))


# ** the identity of the softmax difference rule (``codegen.rules_softmax_gap``) **

_ga, _gb = IndexedBase("a", real=True), IndexedBase("b", real=True)
_gsa, _gsb = Sum(exp(_ga[j]), (j, 0, K - 1)), Sum(exp(_gb[j]), (j, 0, K - 1))
register(Derivation(
    id="softmax_difference",
    title=r"the identity of a stability rule: $p_i - q_i = q_i \operatorname{expm1}\bigl(d_i - "
          r"\operatorname{log1p}\sum_j q_j \operatorname{expm1}(d_j)\bigr)$ for the softmaxes $p$, $q$ of $a$, $b$, "
          r"$d = a - b$",
    source="textbook",
    # in two steps: the one-step form, evaluated exactly where one q_j dominates (b_3 = 80), rounds
    # 1 + sum_j q_j expm1(d_j) to 0 inside log1p at the checker's precision and was refuted at a true point
    steps=(Step(exp(_ga[i]) / _gsa - exp(_gb[i]) / _gsb,
                exp(_gb[i]) / _gsb * expm1(_ga[i] - _gb[i] - log(_gsa / _gsb)),
                justification="p_i / q_i = e^{d_i} sum_j e^{b_j} / sum_j e^{a_j}",
                indices={i: (0, K - 1)}, sizes=({K: 1}, {K: 2}, {K: 3}, {K: 5})),
           Step(_gsa / _gsb, 1 + Sum(exp(_gb[j]) * expm1(_ga[j] - _gb[j]), (j, 0, K - 1)) / _gsb,
                justification="sum_j e^{a_j} = sum_j e^{b_j} e^{d_j} = sum_j e^{b_j} + sum_j e^{b_j} expm1(d_j): "
                              "the log of the first step is log1p of the sum",
                sizes=({K: 1}, {K: 2}, {K: 3}, {K: 5}))),
))


# ** the identity of the rule for a constant plus a sum of exponentials (``codegen.rules``) **

_cc, _sp = Symbol("c", positive=True), Symbol("S", positive=True)
register(Derivation(
    id="log_constant_plus_exp_sum",
    title=r"the identity of a stability rule: $\log(c + \sum_j e^{z_j}) = \log c + \operatorname{sp}(L - \log c)$, "
          r"$L = \log\sum_j e^{z_j}$, $\operatorname{sp}(u) = \max(u, 0) + \operatorname{log1p}(e^{-|u|})$, $c > 0$",
    source="textbook",
    # of the sum's value S > 0, in two steps (in one, the checker's numeric rung stopped at a Max of an overflowed
    # exponential, 'zoo is not comparable')
    steps=(Step(log(_cc + _sp), log(_cc) + log(1 + exp(log(_sp) - log(_cc))),
                justification="c + S = c (1 + e^{L - log c}) for the sum S = e^{L} > 0"),
           Step(log(1 + exp(x)), Max(x, 0) + log1p(exp(-Abs(x))),
                justification="log(1 + e^{u}) = sp(u) at u = L - log c (softplus_stable)")),
))


# ** the identity of the rule moving a difference into a max or min (``codegen.rules_cancel``) **

_mk = Symbol("k", positive=True)
register(Derivation(
    id="constant_minus_max",
    title=r"the identity of a stability rule: $c - k\max(a, b) = \min(c - k a, c - k b)$ and "
          r"$c - k\min(a, b) = \max(c - k a, c - k b)$ for $k > 0$",
    source="textbook",
    steps=(Step(_cc - _mk * Max(_ae, _be), Min(_cc - _mk * _ae, _cc - _mk * _be),
                justification="u -> c - k u is decreasing for k > 0: it maps the larger argument to the smaller value"),
           Step(_cc - _mk * Min(_ae, _be), Max(_cc - _mk * _ae, _cc - _mk * _be),
                justification="the same for a min (and for any number of arguments)")),
))


# ** the identity of the softmax-with-an-offset rule (``codegen.rules``) **

register(Derivation(
    id="exp_normalize_offset",
    title=r"the identity of a stability rule: $\frac{e^{z_i}}{c + \sum_j e^{z_j}} = "
          r"\frac{e^{z_i - m}}{c e^{-m} + \sum_j e^{z_j - m}}$ for any real $m$",
    source="textbook",
    steps=(Step(exp(z[i]) / (_cc + Sum(exp(z[j]), (j, 0, K - 1))),
                exp(z[i] - m) / (_cc * exp(-m) + Sum(exp(z[j] - m), (j, 0, K - 1))),
                justification="multiply numerator and denominator by e^{-m}", indices={i: (0, K - 1)},
                sizes=({K: 1}, {K: 2}, {K: 3}, {K: 5})),),
))


# ** the identity of the root-of-a-product rule (``codegen.rules_root``) **

_rp, _rq = Symbol("p", nonnegative=True), Symbol("q", nonnegative=True)
_rn, _rm = Symbol("u", nonpositive=True), Symbol("v", nonpositive=True)
register(Derivation(
    id="root_of_product",
    title=r"the identity of a stability rule: $\sqrt{a b} = \sqrt{|a|}\sqrt{|b|}$ where $a b \ge 0$",
    source="textbook",
    steps=(Step(sqrt(_rp * _rq), sqrt(Abs(_rp)) * sqrt(Abs(_rq)),
                justification="both factors non-negative: sqrt(p q) = sqrt(p) sqrt(q)"),
           Step(sqrt(_rn * _rm), sqrt(Abs(_rn)) * sqrt(Abs(_rm)),
                justification="both non-positive: u v = |u| |v|")),
))


# ** the identity of the log of a sum of squares (``codegen.rules_log_squares``) **

_u2 = Symbol("u", real=True)
register(Derivation(
    id="log_of_squares",
    title=r"the identity of a stability rule: $\log A = 2\log M + \log(A/M^{2})$ for $A > 0$ and any $M > 0$ "
          r"($M$ the largest magnitude of the squares in $A$)",
    source="textbook",
    steps=(Step(log(x ** 2 + _cp), 2 * log(_Mp) + log((x / _Mp) ** 2 + _cp / _Mp ** 2),
                justification="A = M^2 (A/M^2) with both factors positive, and log(a b) = log a + log b for a, b > 0"),
           Step(log(Sum(y[j] ** 2, (j, 0, n - 1))), 2 * log(_My) + log(Sum((y[j] / _My) ** 2, (j, 0, n - 1))),
                justification="the same for a sum of squares, M = max_j |y_j| (> 0); the log requires A > 0",
                sizes=({n: 1}, {n: 2}, {n: 3})),
           Step(log(Abs(x ** 2 - _u2 ** 2)), 2 * log(Max(Abs(x), Abs(_u2), Rational(1, 10 ** 300)))
                + log(Abs((x / Max(Abs(x), Abs(_u2), Rational(1, 10 ** 300))) ** 2
                          - (_u2 / Max(Abs(x), Abs(_u2), Rational(1, 10 ** 300))) ** 2)),
                justification="|A| = M^2 |A/M^2| for any M > 0, whatever the signs of the weights of the squares")),
))


# ** the identity of the softmax with a shared square offset (``codegen.rules_softmax_offset``) **

_xo, _ko, _vo = Symbol("x", real=True), Symbol("k", real=True), Symbol("v", real=True)
_io = Symbol("i", integer=True, nonnegative=True)
register(Derivation(
    id="softmax_square_offset",
    title=r"the identity of a stability rule: $\frac{e^{a_i}}{\sum_j e^{a_j}}$ is unchanged when every logit loses the "
          r"same $c = k v^{2}$, so each term $k (u_j + v)^{2}$ may be $k\,u_j (u_j + 2v)$",
    source="textbook",
    steps=(Step(_ko * (_xo + _vo) ** 2 - _ko * _vo ** 2, _ko * _xo * (_xo + 2 * _vo),
                justification="(u + v)^2 - v^2 = u (u + 2v)"),
           Step(exp(y[_io] + _ko * (_xo + y[_io]) ** 2) / Sum(exp(y[j] + _ko * (_xo + y[j]) ** 2), (j, 0, n - 1)),
                exp(y[_io] + _ko * y[_io] * (y[_io] + 2 * _xo))
                / Sum(exp(y[j] + _ko * y[j] * (y[j] + 2 * _xo)), (j, 0, n - 1)),
                justification="numerator and denominator both divided by e^{k x^2}, the same for every j",
                sizes=({n: 1}, {n: 2}, {n: 3}))),
))
