r"""The identities of the rules added for the held-out round nineteen: ``log_gamma_shift``
(``codegen.rules_log_gamma_shift``).

$S(t) = (t - \tfrac12)\log t - t + \tfrac12\log 2\pi + \sum_j c_j t^{1 - 2j}$ (Stirling's series, derivation
``stirling_branch``) subtracted at $x = y + h$: the leading terms regrouped so that nothing cancels, each power
difference relative to one argument, and below the series' range the Taylor series of the difference in $h$.
"""
from sympy import Integer, Rational, Symbol, log, loggamma, polygamma
from sympy.codegen.cfunctions import expm1, log1p

from derivations.checker.step import Derivation, Step
from derivations.library import register

_y = Symbol("y", positive=True)
_h = Symbol("h", positive=True)
_x = _y + _h
register(Derivation(
    id="log_gamma_shift",
    title=r"the identity of a stability rule: $\log\Gamma(y + h) - \log\Gamma(y)$ (and $\psi(y + h) - \psi(y)$) as "
          r"Stirling's series subtracted term by term, and as its Taylor series in $h$",
    source="textbook",
    steps=(
        Step((_x - Rational(1, 2)) * log(_x) - _x - ((_y - Rational(1, 2)) * log(_y) - _y),
             (_y - Rational(1, 2)) * (log(_x) - log(_y)) + _h * log(_x) - _h,
             justification="(x - 1/2) log x - (y - 1/2) log y = (y - 1/2)(log x - log y) + h log x at x = y + h"),
        Step((_y - Rational(1, 2)) * log1p(_h / _y), _h * (1 - 1 / (2 * _y)) * (log1p(_h / _y) / (_h / _y)),
             justification="log x - log y = log1p(h/y) for x = y + h > 0; y - 1/2 = h (1 - 1/(2y)) / (h/y)"),
        Step(_x ** -3 - _y ** -3, _y ** -3 * expm1(-3 * log1p(_h / _y)),
             justification="x^{-m} - y^{-m} = y^{-m}((y/x)^m - 1) = y^{-m} expm1(-m log(x/y)); shown for m = 3"),
        Step(_x ** -5 - _y ** -5, -_x ** -5 * expm1(5 * log1p(_h / _y)),
             justification="the same relative to x: -x^{-m}(x^m/y^m - 1); shown for m = 5"),
        Step((loggamma(_y + _h) - loggamma(_y) - (_h * polygamma(0, _y) + _h ** 2 / 2 * polygamma(1, _y)
                                                   + _h ** 3 / 6 * polygamma(2, _y) + _h ** 4 / 24 * polygamma(3, _y)))
             / _h ** 5, polygamma(4, _y) / 120, rel="->", variable=_h, point=0,
             justification="Taylor's theorem at h = 0: the m-th derivative of log Gamma is psi^{(m-1)}"),
        Step(log(_x) - 1 / (2 * _x) - (log(_y) - 1 / (2 * _y)), log1p(_h / _y) + _h / (2 * _x * _y),
             justification="psi's series: log x - log y = log1p(h/y), -1/(2x) + 1/(2y) = h/(2xy) at x = y + h"),
        Step((polygamma(0, _y + _h) - polygamma(0, _y) - (_h * polygamma(1, _y) + _h ** 2 / 2 * polygamma(2, _y)
                                                           + _h ** 3 / 6 * polygamma(3, _y)
                                                           + _h ** 4 / 24 * polygamma(4, _y))) / _h ** 5,
             polygamma(5, _y) / 120, rel="->", variable=_h, point=0,
             justification="Taylor's theorem at h = 0 for psi: its m-th derivative is psi^{(m)}"),
    ),
))

_u = Symbol("u", positive=True)
_c = Symbol("c", positive=True)
_w = Symbol("w", negative=True)
register(Derivation(
    id="log_at_least_one",
    title=r"the identity of a stability rule: $\log(1 - (1 - u)^{c}) = \log c + \log(-\operatorname{log1p}(-u)) + "
          r"\log\frac{\operatorname{expm1}(w)}{w}$, $w = c\operatorname{log1p}(-u)$",
    source="textbook",
    steps=(
        Step(log(1 - (1 - _u) ** _c), log(-expm1(_c * log1p(-_u))),
             justification="(1 - u)^c = e^{c log(1 - u)} for 0 < u < 1, log(1 - u) = log1p(-u)"),
        Step(log(-expm1(_w)), log(-_w) + log(expm1(_w) / _w),
             justification="-expm1(w) = (-w)(expm1(w)/w), both factors positive for w < 0"),
        Step(log(_c * -log1p(-_u)), log(_c) + log(-log1p(-_u)),
             justification="-w = c (-log1p(-u)), a product of positive factors"),
        Step(log(-log1p(-_u)) - log(_u), Integer(0), rel="->", variable=_u, point=0,
             justification="-log1p(-u) = u (1 + u/2 + ...): the branch where the computed u is 0 takes log u"),
    ),
))
