r"""The identities of the root-difference, Taylor-branch and homogeneous-scale rules (``codegen.rules_root``,
``codegen.rules_series``, ``codegen.rules_homogeneous``).

* ``root_difference``: $\sqrt{a} - c = \frac{a - c^2}{\sqrt{a} + c}$ for $a \ge 0$, $c > 0$, and
  $\sqrt{a} - \sqrt{b} = \frac{a - b}{\sqrt{a} + \sqrt{b}}$ for $a, b > 0$ (multiply by the conjugate),
  in the branch form the rule emits.
* ``square_into_root``: $c^2 \sqrt{a} = |c| \sqrt{c^2 a}$ for real $c$ ($\sqrt{c^2} = |c|$), as pseudo-Huber meets it.
* ``heaviside_select``: $H(v)\,w$ is $w$ where $H(v) = 1$, $H(v)\,w$ where $H(v) > 0$ and $0$ where $H(v) = 0$.
* ``step_scale``: $H(v) = H(v / M^2)$ for $M > 0$ (a positive factor keeps the sign), the division taken into the
  factors of the sums: $\sum_j f_j g_j / M^2 = \sum_j (f_j/M)(g_j/M)$.
* ``taylor_branch``: Taylor's theorem, $f(x) - T_N f(x) = O(x^{N+1})$, shown as the limit of the
  remainder over $x^{N+1}$ for the kinds of cancellation the rule meets (an odd function minus its
  linear term, an exponential minus its first terms, a 0/0 quotient, a logarithm); the truncation
  bound on $|x| < r$ is measured by the rule at each use.
* ``stirling_branch``: Stirling's series, $\log\Gamma(x)$ and $\psi(x)$ minus their first terms, shown of the order of
  the next term as a limit at $x \to \infty$ (that of $\psi'(x)$ is the series of $\psi$ differentiated term by term,
  valid for the completely monotone remainder); the rule's truncation at $x > 20$ is bounded by the first omitted term.
* ``log_gamma_near_zero``: the Taylor series of $\log\Gamma(1 + u)$ and $\log\Gamma(2 + u)$ at 0, their remainders shown
  of the order of the next term as limits (the rule's truncation on $|u| < \frac18$ is measured by its test).
* ``homogeneous_scale``: $x_k \frac{\sum_i g_i x_i}{\sum_j x_j^2}$ is unchanged when $x$ is divided by
  $M = \max_j |x_j| > 0$ (degree 0), and so is $\frac{x_k}{\sqrt{\sum_j x_j^2}}$.
* ``polynomial_quotient_scale``: a quotient of polynomials of one degree in $x$ is unchanged when both are divided by
  the same power of $M > 0$; so is one of two vectors together (one $M$ for both), and a rational function of degree
  $a - b$ is $\frac{N/M^{a}}{D/M^{b}} M^{a - b}$ (a factor of degree 0 beside it, the quotient of a gradient, left out).
"""
from sympy import Abs, And, EulerGamma, Heaviside, IndexedBase, Max, Min, Piecewise, Rational, Sum, Symbol, cosh, exp, log, loggamma, oo, pi, polygamma, sign, sin, sinh, sqrt, symbols, tanh, zeta

from derivations.checker.step import Derivation, Step

from derivations.library import register
from symbolic.functions import ReduceMax

x = Symbol("x", real=True)
a = Symbol("a", nonnegative=True)
b = Symbol("b", positive=True)
c = Symbol("c", positive=True)

register(Derivation(
    id="root_difference",
    title=r"the identity of a stability rule: $\sqrt{a} - c = \frac{a - c^2}{\sqrt{a} + c}$ near $\sqrt{a} = c$",
    source="textbook",
    steps=(
        Step(sqrt(a) - c, Piecewise(((a - c ** 2) / (sqrt(a) + c), And(sqrt(a) < 2 * c, c < 2 * sqrt(a))),
                                    (sqrt(a) - c, True)),
             justification="(sqrt a - c)(sqrt a + c) = a - c^2, and sqrt a + c > 0"),
        Step(sqrt(x ** 2 + 1) - 1, x ** 2 / (sqrt(x ** 2 + 1) + 1),
             justification="a = x^2 + 1, c = 1: a - c^2 = x^2 cancels symbolically"),
        Step(sqrt(a) - sqrt(b), Piecewise(((a - b) / (sqrt(a) + sqrt(b)), And(sqrt(a) < 2 * sqrt(b), sqrt(b) < 2 * sqrt(a))),
                                          (sqrt(a) - sqrt(b), True)),
             justification="(sqrt a - sqrt b)(sqrt a + sqrt b) = a - b, and sqrt a + sqrt b > 0"),
    ),
))

_d = Symbol("delta", real=True)
register(Derivation(
    id="square_into_root",
    title=r"the identity of a stability rule: $c^2 \sqrt{a} = |c| \sqrt{c^2 a}$ for real $c$, $a \ge 0$",
    source="textbook",
    steps=(
        Step(c ** 2 * sqrt(a), c * sqrt(c ** 2 * a), justification="sqrt(c^2 a) = |c| sqrt(a), and |c| = c for c > 0"),
        Step(x ** 2 * sqrt(a), Abs(x) * sqrt(x ** 2 * a), justification="sqrt(x^2 a) = |x| sqrt(a) and |x|^2 = x^2"),
        Step(_d ** 2 * (sqrt(1 + (x / _d) ** 2) - 1), Abs(_d) * sqrt(_d ** 2 + x ** 2) - _d ** 2,
             justification="pseudo-Huber: delta^2 (1 + (x/delta)^2) = delta^2 + x^2 clears the quotient (delta != 0)"),
    ),
))

register(Derivation(
    id="heaviside_select",
    title=r"the identity of a stability rule: $H(v)\,w = w$ where $H(v) > 0$ (and $H(v) = 1$), $0$ where $H(v) = 0$",
    source="textbook",
    steps=(
        Step(Heaviside(x, 0) * exp(b * x), Piecewise((exp(b * x), Heaviside(x, 0) > 0), (0, True)),
             justification="H(x, 0) is 1 for x > 0 and 0 for x <= 0"),
        Step(Heaviside(x) * x ** 2, Piecewise((Heaviside(x) * x ** 2, Heaviside(x) > 0), (0, True)),
             justification="H(0) = 1/2: the product kept where the step is positive"),
        Step(Heaviside(1 - exp(x), 0) * exp(x), Piecewise((exp(x), Heaviside(1 - exp(x), 0) > 0), (0, True)),
             justification="the step of a function of x: the factor counts only where 1 - e^x > 0 (CELU's gradient)"),
    ),
))

register(Derivation(
    id="taylor_branch",
    title=r"the identity of a stability rule: $f(x) - T_N f(x) = O(x^{N+1})$ (Taylor's theorem) where the sums of $f$ cancel at 0",
    source="textbook",
    steps=(
        Step((x - tanh(x) - (x ** 3 / 3 - 2 * x ** 5 / 15)) / x ** 7, Rational(17, 315), rel="->", variable=x, point=0,
             justification="tanh x = x - x^3/3 + 2x^5/15 - 17x^7/315 + ..."),
        Step((x - sin(x) - (x ** 3 / 6 - x ** 5 / 120)) / x ** 7, Rational(1, 5040), rel="->", variable=x, point=0,
             justification="sin x = x - x^3/6 + x^5/120 - x^7/5040 + ..."),
        Step(((x * exp(x) - exp(x) + 1) / x ** 2 - (Rational(1, 2) + x / 3)) / x ** 2, Rational(1, 8), rel="->",
             variable=x, point=0, justification="x e^x - e^x + 1 = x^2/2 + x^3/3 + x^4/8 + ..., divided by x^2"),
        Step((log(1 + x) - x - (-x ** 2 / 2 + x ** 3 / 3)) / x ** 4, Rational(-1, 4), rel="->", variable=x, point=0,
             justification="log(1 + x) = x - x^2/2 + x^3/3 - x^4/4 + ..."),
    ),
))

_xp_ = Symbol("x", positive=True)
register(Derivation(
    id="stirling_branch",
    title=r"the identity of a stability rule: Stirling's series of $\log\Gamma$ and $\psi$ at a large argument",
    source="textbook",
    steps=(
        Step((loggamma(_xp_) - ((_xp_ - Rational(1, 2)) * log(_xp_) - _xp_ + log(2 * pi) / 2 + 1 / (12 * _xp_)
                                - 1 / (360 * _xp_ ** 3))) * _xp_ ** 5, Rational(1, 1260), rel="->", variable=_xp_,
             point=oo, justification="log Gamma(x) = (x - 1/2) log x - x + log(2 pi)/2 + sum B_2k / (2k(2k - 1) x^(2k-1))"),
        Step((polygamma(0, _xp_) - (log(_xp_) - 1 / (2 * _xp_) - 1 / (12 * _xp_ ** 2))) * _xp_ ** 4, Rational(1, 120),
             rel="->", variable=_xp_, point=oo, justification="psi(x) = log x - 1/(2x) - sum B_2k / (2k x^(2k))"),
    ),
))

register(Derivation(
    id="log_gamma_near_zero",
    title=r"the identity of a stability rule: the Taylor series of $\log\Gamma(c + u)$ at $u = 0$ for $c = 1, 2$",
    source="textbook",
    steps=(
        Step((loggamma(1 + x) - (-EulerGamma * x + zeta(2) * x ** 2 / 2 - zeta(3) * x ** 3 / 3)) / x ** 4, zeta(4) / 4,
             rel="->", variable=x, point=0,
             justification="log Gamma(1 + u) = -gamma u + sum_{k >= 2} (-1)^k zeta(k) u^k / k, psi^(k-1)(1) = (-1)^k (k-1)! zeta(k)"),
        Step((loggamma(2 + x) - ((1 - EulerGamma) * x + (zeta(2) - 1) * x ** 2 / 2)) / x ** 3, -(zeta(3) - 1) / 3,
             rel="->", variable=x, point=0,
             justification="log Gamma(2 + u) = log(1 + u) + log Gamma(1 + u): the coefficients zeta(k) - 1"),
    ),
))

_n = Symbol("n", integer=True, positive=True)
_i, _j, _k, _t = symbols("i j k t", integer=True, nonnegative=True)
_x, _g = IndexedBase("x", real=True), IndexedBase("g", real=True)
_M = Max(ReduceMax(Abs(_x[_t]), (_t, 0, _n - 1)), Rational(1, 10 ** 300))
_xp, _p = IndexedBase("x", positive=True), Symbol("p", positive=True)
_Mp = Max(ReduceMax(Abs(_xp[_t]), (_t, 0, _n - 1)), Rational(1, 10 ** 300))
_yh = IndexedBase("y", real=True)
_Mj = Max(ReduceMax(Abs(_x[_t]), (_t, 0, _n - 1)), ReduceMax(Abs(_yh[_t]), (_t, 0, _n - 1)), Rational(1, 10 ** 300))
register(Derivation(
    id="homogeneous_scale",
    title=r"the identity of a stability rule: $F(x) = F(x/M)$ for $F$ homogeneous of degree 0, $M = \max_j |x_j|$",
    source="textbook",
    steps=(
        Step(_x[_k] * Sum(_g[_i] * _x[_i], (_i, 0, _n - 1)) / Sum(_x[_j] ** 2, (_j, 0, _n - 1)),
             (_x[_k] / _M) * Sum(_g[_i] * (_x[_i] / _M), (_i, 0, _n - 1)) / Sum((_x[_j] / _M) ** 2, (_j, 0, _n - 1)),
             justification="numerator and denominator are both of degree 2 in x: the factors M^2 cancel",
             indices={_k: (0, _n - 1)}, sizes=({_n: 1}, {_n: 2}, {_n: 3})),
        Step(_x[_k] / sqrt(Sum(_x[_j] ** 2, (_j, 0, _n - 1))),
             (_x[_k] / _M) / sqrt(Sum((_x[_j] / _M) ** 2, (_j, 0, _n - 1))),
             justification="sqrt(sum (x/M)^2) = sqrt(sum x^2)/M for M > 0",
             indices={_k: (0, _n - 1)}, sizes=({_n: 1}, {_n: 2}, {_n: 3})),
        Step((Sum(_xp[_j] ** _p, (_j, 0, _n - 1)) / _n) ** (1 / _p),
             _Mp * (Sum((_xp[_j] / _Mp) ** _p, (_j, 0, _n - 1)) / _n) ** (1 / _p),
             justification="a power with a symbolic exponent, of degree 1: (x/M)^p = x^p / M^p for x >= 0, M > 0, "
                           "and (M^{-p} A)^{1/p} = A^{1/p} / M",
             sizes=({_n: 1}, {_n: 2}, {_n: 3})),
        Step(Sum(_x[_i] * _yh[_i], (_i, 0, _n - 1)) / (Sum(_x[_j] ** 2, (_j, 0, _n - 1)) + Sum(_yh[_j] ** 2, (_j, 0, _n - 1))),
             Sum((_x[_i] / _Mj) * (_yh[_i] / _Mj), (_i, 0, _n - 1))
             / (Sum((_x[_j] / _Mj) ** 2, (_j, 0, _n - 1)) + Sum((_yh[_j] / _Mj) ** 2, (_j, 0, _n - 1))),
             justification="two vectors scaled together, by one M > 0: numerator and denominator are of degree 2 in "
                           "(x, y) jointly, the factors M^2 cancel",
             sizes=({_n: 1}, {_n: 2}, {_n: 3})),
    ),
))

_y = IndexedBase("y", real=True)
_Mx1 = Max(ReduceMax(Abs(_x[_t]), (_t, 0, _n - 1)), 1)
_My1 = Max(ReduceMax(Abs(_y[_t]), (_t, 0, _n - 1)), 1)
_Mxy = Max(ReduceMax(Abs(_x[_t]), (_t, 0, _n - 1)), ReduceMax(Abs(_y[_t]), (_t, 0, _n - 1)), 1)
register(Derivation(
    id="polynomial_quotient_scale",
    title=r"the identity of a stability rule: $\frac{N(x)}{D(x)} = \frac{N(x)/M^{d}}{D(x)/M^{d}}$ for $N$, $D$ "
          r"polynomials of degree $d$ in $x$, $M = \max(1, \max_j |x_j|)$, the scale carried into every factor",
    source="textbook",
    steps=(
        Step(Sum(_x[_i] * _y[_i], (_i, 0, _n - 1)) / Sum((1 - _x[_j]) * (2 + _y[_j]), (_j, 0, _n - 1)),
             Sum((_x[_i] / _Mx1) * (_y[_i] / _My1), (_i, 0, _n - 1))
             / Sum((1 / _Mx1 - _x[_j] / _Mx1) * (2 / _My1 + _y[_j] / _My1), (_j, 0, _n - 1)),
             justification="numerator and denominator both divided by M_x M_y > 0, each product's factors by one "
                           "scale each: (1 - x_j)/M_x = 1/M_x - x_j/M_x",
             sizes=({_n: 1}, {_n: 2}, {_n: 3})),
        Step((Sum(_x[_i] * _y[_i], (_i, 0, _n - 1)) * _x[0] / (Sum(_x[_j] ** 2, (_j, 0, _n - 1)) + 1) - _y[0])
             / (Sum(_x[_j] ** 2, (_j, 0, _n - 1)) + 1),
             (Sum((_x[_i] / _Mxy) * (_y[_i] / _Mxy), (_i, 0, _n - 1)) * (_x[0] / _Mxy)
              / (Sum((_x[_j] / _Mxy) ** 2, (_j, 0, _n - 1)) + 1 / _Mxy ** 2) - _y[0] / _Mxy)
             / (Sum((_x[_j] / _Mxy) ** 2, (_j, 0, _n - 1)) + 1 / _Mxy ** 2) / _Mxy,
             justification="x and y together, one M > 0 of both (degree 1 in x above, 2 below: no vector on its "
                           "own); a rational function of degree 1 - 2 = -1: N/D = (N/M^a)/(D/M^b) M^(a - b), the inner "
                           "quotient N' x_0 / D' of degree 2 + 1 - 2 = 1 divided by M^1 in the same way",
             sizes=({_n: 2},)),
        Step(_x[0] * (_g[0] - Sum(_g[_i] * _x[_i] ** 2, (_i, 0, _n - 1)) / (Sum(_x[_j] ** 2, (_j, 0, _n - 1)) + 1))
             / (Sum(_x[_j] ** 2, (_j, 0, _n - 1)) + 1) ** 2,
             (_g[0] - Sum(_g[_i] * (_x[_i] / _Mx1) ** 2, (_i, 0, _n - 1))
              / (Sum((_x[_j] / _Mx1) ** 2, (_j, 0, _n - 1)) + 1 / _Mx1 ** 2))
             * (_x[0] / _Mx1) / (Sum((_x[_j] / _Mx1) ** 2, (_j, 0, _n - 1)) + 1 / _Mx1 ** 2) ** 2 / _Mx1 ** 3,
             justification="one vector, a factor of degree 0 in x (a quotient of degree 2 over 2, scaled on its own) "
                           "taken out, the rest x_0 / D^2 of degree 1 over 4: (x_0/M) / (D/M^2)^2 M^(1 - 4)",
             sizes=({_n: 2},)),
    ),
))

from sympy.codegen.cfunctions import expm1, log1p  # noqa: E402

_bx, _by = Symbol("x", positive=True), Symbol("y", positive=True)
_beta, _bk = Symbol("beta", real=True), Symbol("A", real=True)
_bL = log1p((_bx - _by) / _by)


def _phi(u):
    return expm1(u) - u


register(Derivation(
    id="power_bregman",
    title=r"the identity of a stability rule: $A x^{\beta} - A\beta x y^{\beta - 1} + A(\beta - 1) y^{\beta} = "
          r"A y^{\beta}(\varphi(\beta L) - \beta\varphi(L))$, $L = \operatorname{log1p}\frac{x - y}{y}$, "
          r"$\varphi(u) = e^{u} - 1 - u$, for $x, y > 0$",
    source="textbook",
    steps=(
        Step(_bk * _bx ** _beta - _bk * _beta * _bx * _by ** (_beta - 1) + _bk * (_beta - 1) * _by ** _beta,
             _bk * _by ** _beta * ((_bx / _by) ** _beta - 1 - _beta * (_bx / _by - 1)),
             justification="y^beta factored out (x, y > 0): x^beta = y^beta (x/y)^beta, x y^{beta - 1} = y^beta (x/y)"),
        Step((_bx / _by) ** _beta - 1 - _beta * (_bx / _by - 1),
             _phi(_beta * log(_bx / _by)) - _beta * _phi(log(_bx / _by)),
             justification="x/y = e^L with L = log(x/y): (x/y)^beta - 1 = expm1(beta L), x/y - 1 = expm1(L); "
                           "the terms beta L cancel"),
        Step(log(_bx / _by), _bL, justification="x/y = 1 + (x - y)/y, so log(x/y) = log1p((x - y)/y)"),
    ),
))

_bp = Symbol("p", real=True)
register(Derivation(
    id="log_bregman",
    title=r"the identity of a stability rule: $k (x/y)^{p} - k p \log\frac{x}{y} - k = k\,\varphi(p L)$, "
          r"$L = \operatorname{log1p}\frac{x - y}{y}$, $\varphi(u) = e^{u} - 1 - u$, for $x, y > 0$",
    source="textbook",
    steps=(
        Step(_bk * (_bx / _by) ** _bp - _bk * _bp * log(_bx / _by) - _bk, _bk * _phi(_bp * log(_bx / _by)),
             justification="(x/y)^p = e^{p log(x/y)} for x, y > 0, so (x/y)^p - 1 = expm1(p log(x/y))"),
        Step(log(_bx / _by), _bL, justification="x/y = 1 + (x - y)/y, so log(x/y) = log1p((x - y)/y)"),
    ),
))

_mp = Symbol("M", positive=True)
register(Derivation(
    id="step_scale",
    title=r"the identity of a stability rule: $H(v) = H(v / M^2)$ for $M > 0$, the division taken into the sums",
    source="textbook",
    steps=(
        Step(Heaviside(x, 0), Heaviside(x / c ** 2, 0), justification="c^2 > 0 keeps the sign of x, and 0 at 0"),
        Step(Heaviside(b - Sum((_x[_j] - _g[_j]) ** 2, (_j, 0, _n - 1)), 0),
             Heaviside(b / _mp ** 2 - Sum((_x[_j] / _mp - _g[_j] / _mp) ** 2, (_j, 0, _n - 1)), 0),
             justification="each term over M^2 > 0 (the rule's M: the largest |x_j - g_j|, at least the smallest normal): "
                           "(x_j - g_j)^2 / M^2 = (x_j/M - g_j/M)^2",
             sizes=({_n: 1}, {_n: 2}, {_n: 3})),
    ),
))


_sa, _sb = Symbol("a", real=True), Symbol("b", real=True)
_sp, _sq = Symbol("p", positive=True), Symbol("q", positive=True)
_sigmoid_gap = sinh((_sa - _sb) / 2) / (2 * cosh(_sa / 2) * cosh(_sb / 2))
_sigmoid_gap_stable = sign(_sa - _sb) * exp(-Max(0, Min(_sa, _sb), -Max(_sa, _sb))) * -expm1(-Abs(_sa - _sb)) \
    / ((1 + exp(-Abs(_sa))) * (1 + exp(-Abs(_sb))))
"""The two sides of the rule's second step: by cases of the signs and the order of a and b (p, q > 0), where every
|.|, sign, min and max resolves and each case is proved symbolically (read as one step on a and b it was only
verified numerically, after 24 s of a search for the kinks)."""
register(Derivation(
    id="sigmoid_difference",
    title=r"the identity of a stability rule: $\sigma(a) - \sigma(b) = \operatorname{sign}(a - b)\,\frac{e^{-m}"
          r"(-\operatorname{expm1}(-|a - b|))}{(1 + e^{-|a|})(1 + e^{-|b|})}$, $m = \max(0, \min(a, b), -\max(a, b))$",
    source="textbook",
    steps=(
        Step(1 / (1 + exp(-_sa)) - 1 / (1 + exp(-_sb)),
             sinh((_sa - _sb) / 2) / (2 * cosh(_sa / 2) * cosh(_sb / 2)),
             justification="sigma(a) - sigma(b) = (e^a - e^b)/((1 + e^a)(1 + e^b)); e^a - e^b = 2 e^{(a+b)/2} "
                           "sinh((a-b)/2) and 1 + e^u = 2 e^{u/2} cosh(u/2)"),
        *(Step(_sigmoid_gap.subs({_sa: a, _sb: b}), _sigmoid_gap_stable.subs({_sa: a, _sb: b}),
               justification=f"{case}: |a|, |b|, |a - b|, sign(a - b), min and max resolve, and 2 cosh(u/2) = "
                             "e^{|u|/2}(1 + e^{-|u|}), 2 sinh(d) = sign(d) e^{|d|}(1 - e^{-2|d|}); both sides are "
                             "continuous, so the six open cases cover a = b and a = 0 or b = 0 too")
          for a, b, case in ((_sq + _sp, _sq, "a > b > 0"), (_sq, _sq + _sp, "b > a > 0"),
                             (-_sq, -_sq - _sp, "0 > a > b"), (-_sq - _sp, -_sq, "0 > b > a"),
                             (_sp, -_sq, "a > 0 > b"), (-_sp, _sq, "b > 0 > a"))),
    ),
))
