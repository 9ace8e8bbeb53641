r"""Decisions at one exact point, never by a tolerance.

At a point whose coordinates are exact rationals (the float64 samples read exactly), the
sides are substituted exactly and the difference $d = lhs - rhs$ is decided:

* ``zero``: sympy reduces $d$ to $0$ exactly, or after the gamma-family rewrites of :func:`gamma_family_zero`
  (exact where they are applied: every $\Gamma$ argument positive);
* ``positive`` / ``negative`` / ``nonzero``: sympy's precision-tracking ``evalf`` (``strict``)
  certifies the leading digits of $d$ (of its real or imaginary part), so its sign is
  known; ``evalf`` raises working precision through cancellation up to ``MAX_DIGITS``;
* ``unknown``: $d$ is not exactly $0$ and ``evalf`` cannot certify a digit at
  ``MAX_DIGITS`` digits (so $|d| < 10^{-MAX\_DIGITS}$ relative: evidence of $0$, not a decision);
* ``undefined``: a side is not a finite number (or, for real claims, not a real number) there.

The same is done for one side alone (:func:`side_state`): defined, undefined or unknown.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

import sympy as sp
from sympy.codegen import cfunctions

import symbolic.integer_part  # noqa: F401 - floor/ceiling at a point certified (sympy read 99 - 2.9e-14 as 99)
from derivations.checker.strategies.complements import complements
from derivations.checker.strategies.exp_cancellation import exponentials_cancelled
from derivations.checker.strategies.derivative_points import value_at
from derivations.checker.strategies.huge import huge_exact
from derivations.checker.strategies.log1p_interval import log1p_positive, written_with_log1p
from derivations.checker.strategies.log1p_interval import enclosure as log1p_enclosure
from derivations.checker.strategies.psi_far import digamma_far, far_digammas
from derivations.checker.strategies.psi_far import enclosure as psi_enclosure
from symbolic import functions
from symbolic.shared_subtrees import xreplace

MAX_DIGITS = 1500
"""Most working digits ``evalf`` may use to certify a digit of a difference."""
DIGITS = 15
"""Digits ``evalf`` is asked to certify."""


@dataclass(frozen=True)
class Decision:
    state: str
    lhs: sp.Expr | None = None
    rhs: sp.Expr | None = None
    difference: sp.Expr | None = None


def exact_point(point: dict) -> dict:
    """Float64 coordinates as the exact rationals they are (``0.1`` is the float nearest 1/10, exactly)."""
    return {s: (v if isinstance(v, sp.Basic) else sp.Rational(repr(float(v)))) for s, v in point.items()}


def side_state(expr: sp.Expr, point: dict, *, real: bool = True) -> tuple[str, sp.Expr | None]:
    """``('defined', value)``, ``('undefined', None)`` or ``('unknown', value)`` for ``expr`` at the exact ``point``."""
    try:
        return _side_state(expr, point, real=real)
    except Exception:  # noqa: BLE001 - sympy's assumption system overflows on erf(10**300) and the like
        return "unknown", None


def _side_state(expr: sp.Expr, point: dict, *, real: bool) -> tuple[str, sp.Expr | None]:
    if _huge_power(_elementary(expr), point):
        # not decidable here: an exact value of more than MAX_EXACT_DIGITS digits, built or printed for mpmath as
        # a Python integer power ((10**300)**(10**300) in _interval_sign), never ends; psi at a far rational is
        # enclosed by its series instead (psi_far)
        far = far_digammas(_elementary(expr), point)
        if far == _elementary(expr) or _huge_power(far, point):
            return "unknown", None
        expr = far
    try:
        value = _substitute(expr, point)
        if value.has(sp.Integral, sp.Limit, sp.Sum, sp.Product, sp.Derivative):
            value = value.doit()
    except Exception:  # noqa: BLE001 - sympy failing on a node: no decision
        return "unknown", None
    if value.has(sp.nan, sp.zoo, sp.oo, -sp.oo) or value.is_finite is False:
        return "undefined", None
    if value.free_symbols:
        return "unknown", value
    if _at_a_pole(value):
        return "undefined", None
    if not real:
        return ("defined", value) if value.is_finite else ("unknown", value)
    imaginary = _certified(sp.im(value)) if value.is_real is not True else "zero"
    if imaginary in ("positive", "negative"):
        return "undefined", None
    if imaginary == "zero" and (value.is_finite or _certified(sp.re(value)) != "unknown" or value.is_number):
        return "defined", value
    return "unknown", value


POLE_FUNCTIONS = (sp.beta, sp.gamma, sp.digamma, sp.polygamma, sp.loggamma, sp.zeta)
r"""Functions with poles that sympy can leave unevaluated there: ``beta(-2, 3)`` stays a symbol-free expression
whose ``is_finite`` is not False, although it is $\Gamma(-2)\Gamma(3)/\Gamma(1)$, a pole."""


def _at_a_pole(value: sp.Expr) -> bool:
    r"""Whether a closed ``value`` holding a :data:`POLE_FUNCTIONS` node evaluates to an infinity: $B(x, 1 - x)$
    at $x = -2$ is no defined side, so $B(x, 1 - x) = \pi / \sin(\pi x)$ (both undefined at integers) is not
    refuted there."""
    if not value.has(*POLE_FUNCTIONS):
        return False
    approx = value.evalf(15)
    return approx.has(sp.nan, sp.zoo, sp.oo, -sp.oo) or approx.is_finite is False


MAX_EXACT_DIGITS = 20_000
"""Largest exact power (in decimal digits) built when substituting a point; beyond it the power is left
unevaluated for ``evalf`` (``(10**300)**(10**300)`` must not be computed as an integer)."""


_ELEMENTARY = {
    cfunctions.log1p: lambda x: sp.log(1 + x), cfunctions.expm1: lambda x: sp.exp(x) - 1,
    cfunctions.log2: lambda x: sp.log(x) / sp.log(2), cfunctions.log10: lambda x: sp.log(x) / sp.log(10),
    cfunctions.exp2: lambda x: 2**x, cfunctions.hypot: lambda x, y: sp.sqrt(x**2 + y**2),
    cfunctions.fma: lambda a, b, c: a * b + c, functions.fma: lambda a, b, c: a * b + c,
    functions.ndtr: lambda x: functions.ndtr(x).rewrite(sp.erfc),
    functions.log_ndtr: lambda x: functions.log_ndtr(x).rewrite(sp.erfc),
}
r"""Functions whose ``evalf`` is not precision-tracking, by their elementary definitions.

sympy's ``evalf`` raises its working precision through cancellation only inside the nodes it knows
(``Add``, ``Mul``, ``Pow``, ``exp``, ``log``, ...).  A function it does not know gets its argument to
``prec`` relative digits and is trusted, which is wrong where the function amplifies the argument's
error: $\operatorname{log1p}(x)$ at $x = -1 + 10^{-21}$ (a softmax's $\sum_j q_j \operatorname{expm1}(d_j)$)
gave $\log 0$ and a "certified" refutation of a true identity.  Written as $\log(1 + x)$, the exact
rationals of the point meet in one ``Add`` before anything is rounded."""


def _elementary(expr: sp.Expr) -> sp.Expr:
    """``expr`` with each :data:`_ELEMENTARY` function written out; remembered, since a step's sides are decided at
    many points (each ``replace`` rebuilds the tree: 24 ms on a side of a softplus identity)."""
    try:
        return _elementary_remembered(expr)
    except TypeError:  # unhashable (a mutable matrix)
        return _written_out(expr)


def _written_out(expr: sp.Expr) -> sp.Expr:
    expr = exponentials_cancelled(complements(expr))  # 1/2 - erf(z)/2 as Phi(-sqrt(2) z), cosh y - sinh y as e^-y
    if not expr.has(*_ELEMENTARY):
        return expr
    return expr.replace(lambda node: type(node) in _ELEMENTARY, lambda node: _ELEMENTARY[type(node)](*node.args))


_elementary_remembered = functools.lru_cache(maxsize=64)(_written_out)


def _substitute(expr: sp.Expr, point: dict) -> sp.Expr:
    expr = _elementary(expr)
    if _huge_power(expr, point):
        with sp.evaluate(False):
            return xreplace(expr, point)
    return xreplace(expr, point)


def _huge_power(expr: sp.Expr, point: dict) -> bool:
    r"""Whether substituting ``point`` into ``expr`` would build an exact number of more than :data:`MAX_EXACT_DIGITS`
    digits (:mod:`~derivations.checker.strategies.huge`: $(x + 1)^y$ at $x = y = 10^{300}$, whose base is an ``Add``
    until it is evaluated).  Read off ``expr`` itself: ``with sympy.evaluate(False)`` empties sympy's whole cache on
    entering and again on leaving (58 % of the clearings in a serial run of the library, when every point was so
    looked at)."""
    return huge_exact(expr, point, MAX_EXACT_DIGITS)


def decide(lhs: sp.Expr, rhs: sp.Expr, point: dict, *, real: bool = True, derivatives=()) -> Decision:
    """Decide the sign of ``lhs - rhs`` at the exact ``point`` (see the module docstring); ``derivatives`` are the
    ``(side, D, f, x, n)`` of ``Step.derivatives``: a side undefined there through a 0/0 closed form ``D`` takes the
    derivative's value from its one-sided limits (:mod:`derivative_points`)."""
    ls, l = side_state(lhs, point, real=real)
    rs, r = side_state(rhs, point, real=real)
    if ls == "undefined" and derivatives:
        ls, l = _through_derivatives(lhs, [d[1:] for d in derivatives if d[0] == "lhs"], point, real)
    if rs == "undefined" and derivatives:
        rs, r = _through_derivatives(rhs, [d[1:] for d in derivatives if d[0] == "rhs"], point, real)
    if "undefined" in (ls, rs):
        return Decision("undefined" if ls == rs == "undefined" else f"undefined {'lhs' if ls == 'undefined' else 'rhs'}",
                        l, r)
    if "unknown" in (ls, rs) and (l is None or r is None):
        return Decision("unknown", l, r)
    try:
        difference = exponentials_cancelled(l - r)  # log(2/(e^(2a) + 1)) - log 2 + 2a as -log(1 + e^(-2a))
    except Exception:  # noqa: BLE001
        return Decision("unknown", l, r)
    if real:
        return Decision(_certified(difference), l, r, difference)
    re_state, im_state = _certified(sp.re(difference)), _certified(sp.im(difference))
    if "positive" in (re_state, im_state) or "negative" in (re_state, im_state):
        return Decision("nonzero", l, r, difference)
    if re_state == im_state == "zero":
        return Decision("zero", l, r, difference)
    return Decision("unknown", l, r, difference)


def _through_derivatives(side: sp.Expr, derived, point: dict, real: bool) -> tuple[str, sp.Expr | None]:
    """The state of ``side``, undefined at ``point``, with each derivative closed form in it that is undefined there
    replaced by the derivative's value (``derivative_points.value_at``); undefined when a derivative does not
    exist there, unknown when one is not decided or the side holds no closed form as a part of it."""
    values = {}
    for closed, body, variable, order in derived:
        state, _ = side_state(closed, point, real=real)
        if state == "defined":
            continue
        state, value = value_at(closed, body, variable, order, point,
                                lambda e, p: side_state(e, p, real=real)) if state == "undefined" else ("unknown", None)
        if state != "defined":
            return state, None
        values[closed] = value
    if not values:
        return "undefined", None  # undefined for a reason of its own (a log of 0, a non-real root)
    replaced = side.xreplace(values)
    if replaced == side:
        return "unknown", None  # the closed form merged into the side's sum or product: no part to replace
    return side_state(replaced, point, real=real)


def _certified(value: sp.Expr) -> str:
    """``zero``, ``positive``, ``negative`` or ``unknown`` for a number, by exact reduction then strict ``evalf``."""
    try:
        if value == 0 or value.is_zero is True or gamma_family_zero(value):
            return "zero"
        if value.free_symbols:
            return "unknown"
        if value.has(digamma_far):
            return _interval_sign(value)  # psi at a far point: its series' enclosure, never a rounded point value
        number = value.evalf(DIGITS, maxn=MAX_DIGITS, strict=True)
    except Exception:  # noqa: BLE001 - PrecisionExhausted, or evalf cannot handle a node
        return "unknown"
    if (number.is_Float or number.is_Rational) and number != 0:
        if _reproduced(value, number):
            return "positive" if number > 0 else "negative"
        return _interval_sign(value)
    return _interval_sign(value)  # evalf's 0 without an exception is not trusted (log(1 + 1e-30) gives 0)


_GAMMA_ARGUMENTS = {
    sp.RisingFactorial: lambda x, k: (x, x + k),
    sp.FallingFactorial: lambda x, k: (x + 1, x - k + 1),
    sp.binomial: lambda n, k: (n + 1, k + 1, n - k + 1),
    sp.factorial: lambda n: (n + 1,),
    sp.beta: lambda a, b=None: (a, a if b is None else b, a + (a if b is None else b)),
    sp.loggamma: lambda x: (x,),
}
r"""The $\Gamma$ arguments of each function written with $\Gamma$ alone: $(x)_k = \Gamma(x + k) / \Gamma(x)$,
$x^{\underline{k}} = \Gamma(x + 1) / \Gamma(x - k + 1)$, $\binom{n}{k} = \Gamma(n + 1) / (\Gamma(k + 1)\,
\Gamma(n - k + 1))$, $n! = \Gamma(n + 1)$, $B(a, b) = \Gamma(a)\,\Gamma(b) / \Gamma(a + b)$,
$\log\Gamma(x) = \log(\Gamma(x))$; each identity holds where all of them are positive."""


def gamma_family_zero(value: sp.Expr) -> bool:
    r"""Whether the number ``value`` is exactly 0 once written with $\Gamma$ alone (:data:`_GAMMA_ARGUMENTS`),
    each logarithm of a product or quotient of positive numbers split ($\log(a / b) = \log a - \log b$).

    Tried only where every $\Gamma$ argument is positive: no pole, every $\Gamma$ value positive, so each
    rewrite is an identity there and sympy's own reduction to ``0`` is exact.  A true identity of
    log-gammas at a point, $\log\Gamma(b + \tfrac12) - \log\Gamma(b) = \log\,(b)_{1/2}$, is decided here
    in milliseconds, where ``evalf`` spends seconds reaching ``MAX_DIGITS`` digits only to certify no
    digit.  False means not shown, never nonzero (a failure here must not stop ``evalf`` from certifying a sign).
    """
    try:
        return _written_with_gamma_is_zero(value)
    except Exception:  # noqa: BLE001 - sympy failing on a node: not shown
        return False


def _written_with_gamma_is_zero(value: sp.Expr) -> bool:
    family = tuple(_GAMMA_ARGUMENTS)
    calls = value.atoms(*family)
    if not calls:
        return False
    for call in calls:
        known = _GAMMA_ARGUMENTS.get(type(call))  # a subclass of a listed function may have other identities
        try:
            arguments = known(*call.args) if known else ()
        except TypeError:  # an arity sympy allows and the table does not know
            return False
        if not arguments:
            return False
        if not all(a.is_positive is True for a in arguments):
            return False
    written = value.rewrite([f for f in family if f is not sp.loggamma], sp.gamma)
    written = written.replace(lambda e: isinstance(e, sp.loggamma), lambda e: sp.log(sp.gamma(e.args[0])))
    if written.has(*family):
        return False
    return sp.expand_log(written) == 0


def _reproduced(value: sp.Expr, number) -> bool:
    r"""Whether mpmath, evaluating ``value`` on its own at two precisions well beyond the size of ``number``,
    gets ``number`` to 10 relative digits at both.

    ``evalf(strict=True)`` is not trusted alone: it reports $\log(1 + 10^{-30})$ as 0 and
    $\log \sigma(100) + \log(1 + e^{-100})$ as $8.9 \cdot 10^{-82}$ (the truth is 0).
    """
    import mpmath  # noqa: PLC0415

    try:
        function = sp.lambdify([], value, modules="mpmath")
        size = abs(int(mpmath.floor(mpmath.log10(abs(mpmath.mpf(number._mpf_ if number.is_Float else
                                                                    mpmath.mpf(int(number.p)) / int(number.q)))))))
    except Exception:  # noqa: BLE001
        return False
    target = mpmath.mpf(number._mpf_) if number.is_Float else mpmath.mpf(int(number.p)) / int(number.q)
    written = max((max(len(str(abs(r.p))), len(str(r.q))) for r in value.atoms(sp.Rational)), default=0)
    if size + written + 60 > 4 * MAX_DIGITS:
        # a difference of 1e-2171472409516268 (log Phi(1e8) against its asymptotic bound) needs that many digits:
        # at any fewer, mpmath loses the same 1 - 1e-(...) that evalf lost and "reproduces" its 0 for log Phi(1e8)
        return False
    for digits in (size + written + 60, 2 * (size + written) + 120):
        with mpmath.workdps(digits):
            try:
                got = function()
            except Exception:  # noqa: BLE001
                return False
            if isinstance(got, mpmath.mpc) or not mpmath.isfinite(got):
                return False
            if abs(got - target) > abs(target) * mpmath.mpf(10) ** -10:
                return False
    return True


INTERVAL_DIGITS = (60, 300, 1200)
"""Precisions at which interval arithmetic (``mpmath.iv``) is tried when ``evalf`` certifies nothing."""
_INTERVAL_NAMES = ("mpf", "log", "exp", "sin", "cos", "tan", "sqrt", "pi", "e", "log1p", "expm1", "fabs", "power")
_INTERVAL_FUNCTIONS = (sp.exp, sp.log, sp.sin, sp.cos, sp.tan, sp.Abs, log1p_positive, digamma_far)
r"""The sympy functions that ``lambdify`` prints as a function ``mpmath.iv`` has (``exp``, ``log``, ``sin``, ``cos``,
``tan``, ``fabs``).  Any other (``cosh``, ``atan``, ``erf``, ``Max``, ``floor``) would be called from ``mpmath`` at a
point: its value, rounded at the working precision, then joins the enclosure as an exact number, and the enclosure
is no proof.  $\cosh(10^{300} \operatorname{acosh} 2) - \tfrac12 ((2 + \sqrt 3)^{10^{300}} + (2 - \sqrt 3)^{10^{300}})$, which
is 0, was so "certified" positive (its relative rounding error at 60 digits is far above 1), and a true identity was
refuted."""


def _interval_sign(value: sp.Expr) -> str:
    r"""The sign of a constant from a guaranteed enclosure (``mpmath.iv``): an interval that excludes 0.

    A second certifier for what ``evalf`` gets wrong (it reports $\log(1 + 10^{-30})$ as 0).  Only
    functions ``mpmath.iv`` implements are accepted: any other makes the result a non-interval and
    the sign stays unknown (:func:`_interval_evaluable` is checked first: a point value would join the enclosure).
    """
    import mpmath  # noqa: PLC0415
    from mpmath import iv  # noqa: PLC0415

    value = written_with_log1p(value)  # log(1 + e^-20000): 1 + t is [1, 1 + ulp] at any digits (log1p_interval)
    if not _interval_evaluable(value):
        return "unknown"
    namespace = {name: getattr(iv, name) for name in _INTERVAL_NAMES if hasattr(iv, name)}
    namespace["log1p_positive"] = log1p_enclosure
    namespace["digamma_far"] = psi_enclosure
    try:
        function = sp.lambdify([], value, modules=[namespace, "mpmath"])
    except Exception:  # noqa: BLE001 - a node without an interval version
        return "unknown"
    saved = iv.dps
    try:
        for digits in INTERVAL_DIGITS:
            iv.dps = digits
            try:
                enclosure = function()
            except Exception:  # noqa: BLE001
                return "unknown"
            if not isinstance(enclosure, type(iv.mpf(0))):
                return "unknown"
            if enclosure.a > 0:
                return "positive"
            if enclosure.b < 0:
                return "negative"
    finally:
        iv.dps = saved
    del mpmath
    return "unknown"


def _interval_evaluable(value: sp.Expr) -> bool:
    """Whether every function in ``value`` is one of :data:`_INTERVAL_FUNCTIONS` and every named constant is $\\pi$
    or $e$ (``EulerGamma`` would also be a rounded point), so that ``mpmath.iv`` encloses all of it."""
    for node in sp.preorder_traversal(value):
        if isinstance(node, sp.core.function.Application) and not isinstance(node, _INTERVAL_FUNCTIONS):
            return False
        if isinstance(node, sp.NumberSymbol) and node not in (sp.pi, sp.E):
            return False
    return True


def holds(rel: str, state: str) -> bool | None:
    """Whether ``lhs REL rhs`` holds given the decided sign of ``lhs - rhs`` (None when not decided)."""
    table = {
        "=": {"zero": True, "positive": False, "negative": False, "nonzero": False},
        "<=": {"zero": True, "positive": False, "negative": True},
        "<": {"zero": False, "positive": False, "negative": True},
        ">=": {"zero": True, "positive": True, "negative": False},
        ">": {"zero": False, "positive": True, "negative": False},
    }
    return table.get(rel, {}).get(state)


ROUND_VALUES = tuple(sp.Rational(v) for v in ("1", "2", "3", "1/2", "10", "0", "-1", "-2", "-1/2"))
"""Values a reader tries first in a counterexample: small positive ones before zero and negative ones."""
ROUND_TRIALS = 48
"""Most exact re-checks spent on rounding one counterexample (each is one precision-tracking evaluation)."""


def round_point(point: dict, still_fails, max_trials: int = ROUND_TRIALS, key=str) -> dict:
    r"""The point with coordinates replaced, one at a time, by the first of :data:`ROUND_VALUES` at which
    ``still_fails(candidate)`` (an exact re-check) stays true.

    A sampled counterexample such as $d = -2.37$, $i = -1.6$ is true but reads as a trick; where the claim
    also fails at $d = 1$, $i = 2$, that is the one shown.  A coordinate is only moved earlier in that list, and
    at most ``max_trials`` re-checks are spent; coordinates are taken in the order of ``key``."""
    best, trials = dict(point), 0
    for symbol in sorted(point, key=key):
        value = best[symbol]
        for candidate in ROUND_VALUES[:ROUND_VALUES.index(value)] if value in ROUND_VALUES else ROUND_VALUES:
            if trials >= max_trials:
                return best
            trials += 1
            trial = best | {symbol: candidate}
            try:
                if still_fails(trial):
                    best = trial
                    break
            except Exception:  # noqa: BLE001 - a failed re-check keeps the sampled coordinate
                continue
    return best


def shortest_point(point: dict, still_fails, max_digits: int = 17) -> dict:
    r"""The point with each coordinate rounded to the fewest significant decimal digits for which
    ``still_fails(candidate)`` (an exact re-check) stays true; coordinates are tried one at a time."""
    best = dict(point)
    for symbol, value in point.items():
        if not (isinstance(value, sp.Rational) and value.q != 1):
            continue
        for digits in range(1, max_digits + 1):
            candidate = sp.Rational(str(sp.Float(value, digits)))
            if candidate == value:
                break
            trial = best | {symbol: candidate}
            try:
                if still_fails(trial):
                    best = trial
                    break
            except Exception:  # noqa: BLE001 - a failed re-check keeps the longer coordinate
                continue
    return best


def coordinate_text(value: sp.Expr) -> str:
    r"""A counterexample's coordinate as text that reads back as exactly that value: the short decimal when it is
    exact, else every decimal place (a point $10^{-50}$ beside a step, $1 - 10^{-50}$, must not read as $1.0$,
    where the claim may hold), else the fraction; an irrational value with its decimal approximation."""
    if not isinstance(value, sp.Rational):
        return f"{value} (≈ {decimal_text(value)})"
    text = decimal_text(value)
    try:
        if sp.Rational(text) == value:
            return text
    except (TypeError, ValueError):
        pass
    longer = decimal_text(value, places=200)
    return longer if sp.Rational(longer) == value else str(value)


def decimal_text(value: sp.Expr, digits: int = 20, places: int = 40) -> str:
    """A rational as a short decimal when it is one exactly, else its value to ``digits`` digits."""
    if isinstance(value, sp.Integer):
        return str(value)
    if isinstance(value, sp.Rational):
        q = value.q
        twos = fives = 0
        while q % 2 == 0:
            q //= 2
            twos += 1
        while q % 5 == 0:
            q //= 5
            fives += 1
        if q == 1 and max(twos, fives) <= places:
            places = max(twos, fives)
            text = f"{sp.Integer(value.p * 10**places // value.q)}"
            sign = "-" if text.startswith("-") else ""
            text = text.lstrip("-").rjust(places + 1, "0")
            whole, frac = text[:-places] if places else text, text[-places:] if places else ""
            frac = frac.rstrip("0")
            return sign + whole + ("." + frac if frac else "")
    try:  # precision-tracking, as the sign was certified: at fixed digits a difference of two sides 1e275 apart
        number = value.evalf(digits, maxn=MAX_DIGITS, strict=True)  # by 1e-426 showed as 2.9e194 (all rounding)
        if number.is_Float and number != 0:
            import mpmath  # noqa: PLC0415

            with mpmath.workdps(digits + 5):
                return mpmath.nstr(mpmath.mpf(number._mpf_), digits)
    except Exception:  # noqa: BLE001, S110 - PrecisionExhausted, or a node evalf cannot handle: mpmath below
        pass
    try:
        import mpmath  # noqa: PLC0415

        with mpmath.workdps(2 * digits + 40):
            number = sp.lambdify([], value, modules="mpmath")()
            return mpmath.nstr(number, digits)
    except Exception:  # noqa: BLE001 - shown as sympy prints it
        return str(value)
