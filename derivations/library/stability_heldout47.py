r"""The identities of the rules added for the held-out round twenty-one: ``removable_ratio``
(``codegen.rules_removable``) ``fold_at_kink`` (``codegen.rules_kink_fold``) and ``log_bessel_i`` (``codegen.rules_bessel``).

$u / F(u)$ for $F(0) = 0$, $F'(0) = c \ne 0$ tends to $1/c$ as $u \to 0$ (l'Hôpital): the value taken where the
computed $u$ is 0; where it is positive the quotient is the expression as written.
"""
from sympy import Abs, Heaviside, Integer, Max, Min, Piecewise, Rational, Symbol, besseli, exp, log
from sympy.codegen.cfunctions import expm1, log1p

from derivations.checker.step import Derivation, Step
from derivations.library import register

_u = Symbol("u", positive=True)
_c = Symbol("c", positive=True)
register(Derivation(
    id="removable_ratio",
    title=r"the identity of a stability rule: $\lim_{u \to 0} \frac{u}{F(u)} = \frac{1}{F'(0)}$ for $F(0) = 0$, "
          r"$F'(0) \ne 0$",
    source="textbook",
    steps=(
        Step(_u / (1 - (1 - _u) ** _c), 1 / _c, rel="->", variable=_u, point=0,
             justification="F(u) = 1 - (1 - u)^c: F(0) = 0, F'(0) = c (the Kumaraswamy log-CDF's gradient)"),
        Step(_u / (-expm1(_c * log1p(-_u))), 1 / _c, rel="->", variable=_u, point=0,
             justification="the same F as the other rules write it: -expm1(c log1p(-u)) = 1 - (1 - u)^c"),
        Step(_u / (1 - exp(-_u)), Integer(1), rel="->", variable=_u, point=0,
             justification="F(u) = 1 - e^{-u}: F'(0) = 1"),
        Step(_u / log1p(_c * _u), 1 / _c, rel="->", variable=_u, point=0,
             justification="F(u) = log(1 + c u): F'(0) = c"),
        Step(_u / (_u + Rational(1, 2) * _u ** 2), Integer(1), rel="->", variable=_u, point=0,
             justification="a polynomial F with F(0) = 0 and F'(0) = 1"),
    ),
))

_s = Symbol("s", positive=True)
_x = Symbol("x", real=True)
register(Derivation(
    id="fold_at_kink",
    title=r"the identity of a stability rule: a sum of terms in $H(u)$, $\max(0, u)$, $\min(0, u)$ is, on each side of "
          r"$u = 0$, the sum with the kinks replaced by their values there",
    source="textbook",
    steps=(
        Step(Max(0, 1 - _s) - (1 + 4 * _s) * Heaviside(1 - _s, 0), Piecewise((-5 * _s, 1 - _s > 0), (0, True)),
             justification="for 1 - s > 0: max(0, 1 - s) = 1 - s, H = 1, and 1 - s - 1 - 4s = -5s; else both are 0 "
                           "(H(0) = 0): the Wendland kernel's gradient"),
        Step(3 * Max(0, _x) - 3 * _x * Heaviside(_x) + Min(0, _x),
             Piecewise((Integer(0), _x > 0), (_x, _x < 0), (3 * _x / 2 * 0, True)),
             justification="x > 0: 3x - 3x + 0 = 0; x < 0: 0 - 0 + x = x; x = 0: H(0) = 1/2 times x = 0"),
    ),
))

_z = Symbol("z", real=True)
register(Derivation(
    id="log_bessel_i",
    title=r"the identity of a stability rule: $\log I_\nu(z) = |z| + \log(e^{-|z|} I_\nu(z))$",
    source="textbook",
    steps=(
        Step(log(besseli(0, _z)), Abs(_z) + log(exp(-Abs(_z)) * besseli(0, _z)),
             justification="I_0(z) > 0 for real z: log(e^{|z|} e^{-|z|} I_0(z)) = |z| + log(e^{-|z|} I_0(z))"),
        Step(log(besseli(1, _s)), _s + log(exp(-_s) * besseli(1, _s)),
             justification="I_1(s) > 0 for s > 0: the same"),
        Step(besseli(1, _z) / besseli(0, _z), (exp(-Abs(_z)) * besseli(1, _z)) / (exp(-Abs(_z)) * besseli(0, _z)),
             justification="the ratio of the derivative of log I_0: both scaled by e^{-|z|}"),
    ),
))

_a, _p, _q = Symbol("a", real=True), Symbol("p", real=True), Symbol("q", real=True)
register(Derivation(
    id="root_difference_of_sums",
    title=r"``root_difference`` of two sums over one range: $\sqrt{\sum_i u_i^2} - \sqrt{\sum_i v_i^2} = "
          r"\frac{\sum_i (u_i - v_i)(u_i + v_i)}{\sqrt{\sum_i u_i^2} + \sqrt{\sum_i v_i^2}}$",
    source="textbook",
    steps=(
        Step((_a - _p) ** 2 - (_a - _q) ** 2, (_q - _p) * (2 * _a - _p - _q),
             justification="u^2 - v^2 = (u - v)(u + v) per term, u = a - p, v = a - q: the sums subtracted term by term"),
        Step(((_a - _p) ** 2) ** Rational(1, 2) - ((_a - _q) ** 2) ** Rational(1, 2),
             (_q - _p) * (2 * _a - _p - _q) / (((_a - _p) ** 2) ** Rational(1, 2) + ((_a - _q) ** 2) ** Rational(1, 2)),
             justification="sqrt(A) - sqrt(B) = (A - B)/(sqrt(A) + sqrt(B)) for A, B >= 0 not both 0 (one term shown)"),
    ),
))
