r"""trust49: Lambert W, polygamma(m, x) and the upper incomplete gamma are read in claims (``readers.special_calls``),
with where each has a real value as written; a false claim with them is refuted, not an error.

Oracles: mpmath's ``lambertw``, ``polygamma`` and ``gammainc(s, x)`` (the integral from x to infinity) at 30 digits,
against sympy's value of what was read at 30 digits; tolerance a relative 1e-25 (both are correctly rounded to
about 30 digits; 5 digits of slack for the conversion).
"""
import mpmath as mp
import pytest
import sympy as sp

from derivations.checker.ladder import check_step
from derivations.checker.strategies.decide import _certified, decide
from derivations.checker.strategies.psi_far import enclosure as psi_enclosure
from readers.claim import claim_step
from readers.expression import ParseError, parse_expression

READ_AT = [
    ("LambertW(y)", {"y": "3/2"}, lambda y: mp.lambertw(y)),
    ("LambertW(y)", {"y": "-1/3"}, lambda y: mp.lambertw(y)),  # inside [-1/e, 0): W is negative there
    ("polygamma(2, y)", {"y": "7/3"}, lambda y: mp.polygamma(2, y)),
    ("polygamma(0, u + 1)", {"u": "1/2"}, lambda u: mp.digamma(u + 1)),
    ("uppergamma(5/2, t)", {"t": "2"}, lambda t: mp.gammainc(mp.mpf(5) / 2, t)),
    ("uppergamma(3, t)", {"t": "-3/2"}, lambda t: mp.gammainc(3, t)),  # entire in t for s = 1, 2, ...
]


@pytest.mark.parametrize("text, point, oracle", READ_AT)
def test_a_special_call_is_read_as_its_function(text, point, oracle):
    expr = parse_expression(text)
    subs = {s: sp.Rational(point[s.name]) for s in expr.free_symbols}
    with mp.workdps(30):
        got = mp.mpf(str(sp.N(expr.subs(subs), 30)))
        want = mp.re(oracle(*(mp.mpf(sp.Rational(v).p) / sp.Rational(v).q for v in point.values())))
        assert abs(got - want) <= mp.mpf(10) ** -25 * abs(want)


@pytest.mark.parametrize("text, outside, inside", [
    ("LambertW(y)", "-1", "-1/3"),  # real for y >= -1/e = -0.3679
    ("uppergamma(1/2, t)", "-1", "0"),  # t^(-1/2) e^-t is not real for t < 0; at 0 it is sqrt(pi)
    ("uppergamma(0, t)", "0", "1/10"),  # E1(0) has no value
    ("uppergamma(s, t)", {"s": "-1", "t": "0"}, {"s": "1/2", "t": "0"}),  # Gamma(s, 0) = Gamma(s) for s > 0
    ("polygamma(1, y)", "-2", "-5/2"),  # poles at 0, -1, -2, ...
])
def test_where_a_special_call_has_no_value_is_a_written_divisor(text, outside, inside):
    divisors = []
    expr = parse_expression(text, divisors=divisors)
    names = sorted(expr.free_symbols, key=lambda s: s.name)

    def vanishes(point):
        point = point if isinstance(point, dict) else {names[0].name: point}
        subs = {s: sp.Rational(point[s.name]) for s in names}
        return any(sp.simplify(d.subs(subs)) == 0 for d in divisors)

    assert vanishes(outside) and not vanishes(inside)


def test_an_entire_upper_gamma_has_no_domain():
    divisors = []
    parse_expression("uppergamma(2, t) + uppergamma(n, t)", assume={"n": ["positive_integer"]}, divisors=divisors)
    assert divisors == []


@pytest.mark.parametrize("text", ["polygamma(y, 1)", "polygamma(1/2, y)", "polygamma(21, y)", "LambertW(y, -1)"])
def test_an_order_that_is_not_a_written_small_integer_is_not_read(text):
    with pytest.raises(ParseError):
        parse_expression(text)


@pytest.mark.parametrize("lhs, rel, rhs, assume", [
    ("LambertW(x)", "<=", "log(x)", ["x >= 1"]),  # W(1) = 0.567 > 0: true only from x = e
    ("log(t)", ">=", "LambertW(t)", ["1 <= t <= 2"]),
    ("polygamma(2, x)", "<", "-1/x**2 - 1/x**3 - 1/x**4", ["x=positive"]),  # the next term is -1/(2x^4)
    ("uppergamma(2, z)", "==", "exp(-z)*(z + 2)", ["z >= 0"]),  # (z + 1) e^-z
])
def test_a_false_claim_with_a_special_call_is_refuted(lhs, rel, rhs, assume):
    assert check_step(claim_step(lhs, rel, rhs, assume), budget=5).kind == "refuted"


U, V = sp.exp(-20000), sp.exp(-9000)
LOG1P_SIGNS = [
    (-sp.log(1 + U) + sp.Rational(32, 25) * U, lambda: -mp.log1p(mp.exp(-20000)) + mp.mpf(32) / 25 * mp.exp(-20000)),
    (sp.log(U + 1) - sp.Rational(99, 100) * U, lambda: mp.log1p(mp.exp(-20000)) - mp.mpf(99) / 100 * mp.exp(-20000)),
    (sp.Rational(2, 7) * V - sp.log(1 + 3 * V / 7), lambda: mp.mpf(2) / 7 * mp.exp(-9000) - mp.log1p(3 * mp.exp(-9000) / 7)),
    (sp.log(1 + sp.Rational(1, 3)) - sp.Rational(2, 7), lambda: mp.log1p(mp.mpf(1) / 3) - mp.mpf(2) / 7),
]


@pytest.mark.parametrize("value, oracle", LOG1P_SIGNS)
def test_a_log_of_one_plus_a_tiny_positive_number_gets_its_certified_sign(value, oracle):
    r"""$1 + e^{-20000}$ is 1 at any affordable precision: before, evalf "certified" $1.65 \cdot 10^{-8686}$ for the first
    (the truth is $0.28 e^{-20000} = 3.6 \cdot 10^{-8687}$), mpmath could not reproduce it, and the sign stayed unknown."""
    with mp.workdps(50):
        want = "positive" if oracle() > 0 else "negative"
    assert _certified(value) == want


def test_a_log1p_enclosure_never_gives_the_wrong_sign_of_a_near_tie():
    r"""$\log(1 + u) - u + u^2/2 = u^3/3 - \dots > 0$ at $u = e^{-20000}$: far below the enclosure's width."""
    assert _certified(sp.log(1 + U) - U + U**2 / 2) in ("positive", "unknown")
    assert _certified(sp.log(1 + U) - U) in ("negative", "unknown")


FAR_POINTS = ["1000", "14101/3", "10000000", "1e300"]


@pytest.mark.parametrize("point", FAR_POINTS)
def test_the_series_encloses_digamma_far_out(point):
    r"""The enveloping series' enclosure at 60 digits holds mpmath's $\psi$ at 80 digits and is narrower than 1e-50
    relative (its width is the interval arithmetic's, about 1e-58; the remainder bound is below 1e-150)."""
    from mpmath import iv

    x = sp.Rational(sp.Float(point, 400)) if "e" in point else sp.Rational(point)
    saved = iv.dps
    try:
        iv.dps = 60
        box = psi_enclosure(iv.mpf(int(x.p)) / int(x.q))
    finally:
        iv.dps = saved
    with mp.workdps(80):
        truth = mp.digamma(mp.mpf(int(x.p)) / int(x.q))
        assert box.a <= truth <= box.b and box.b - box.a < mp.mpf(10) ** -50 * abs(truth)


t = sp.Symbol("t", positive=True)
ASYMPTOTIC = sp.log(t) - 1 / (2 * t) - 1 / (12 * t**2)


def _asymptotic(v):
    return mp.log(v) - 1 / (2 * v) - 1 / (12 * v**2)


@pytest.mark.parametrize("lhs, rhs, at, oracle", [
    # sf-h23-digamma-far: psi - asymptotic = 1/(120 t^4) - ... falls below 1e-8/t^3 beyond 8.3e5
    (sp.digamma(t), ASYMPTOTIC + 1 / (10**8 * t**3), 10**7, lambda v: mp.digamma(v) - _asymptotic(v) - 1 / (10**8 * v**3)),
    (sp.digamma(t), ASYMPTOTIC + 1 / (10**8 * t**3), 5 * 10**5, lambda v: mp.digamma(v) - _asymptotic(v) - 1 / (10**8 * v**3)),
    (sp.digamma(t) - ASYMPTOTIC, 1 / (121 * t**4), 10**4, lambda v: mp.digamma(v) - _asymptotic(v) - 1 / (121 * v**4)),
    (sp.polygamma(0, t + 1) - 1 / t, ASYMPTOTIC, sp.Rational(10**9, 7), lambda v: mp.digamma(v + 1) - 1 / v - _asymptotic(v)),
])
def test_a_digamma_far_out_is_decided_by_its_enclosure(lhs, rhs, at, oracle):
    r"""Before, a point this far was "too large to decide exactly" (sympy builds $\psi(10^7)$ as $H_{10^7 - 1} - \gamma$)."""
    x = sp.Rational(at)
    with mp.workdps(100):
        gap = oracle(mp.mpf(int(x.p)) / int(x.q))
    assert decide(lhs, rhs, {t: x}).state == ("positive" if gap > 0 else "negative")


def test_a_digamma_identity_far_out_is_never_given_a_sign():
    assert decide(sp.digamma(t + 1), sp.digamma(t) + 1 / t, {t: sp.Integer(10**7)}).state in ("zero", "unknown")
