r"""trust48: the search between sampled points (``margin``) finds a touch that the smallest sampled margins, all on an
approach at an edge, hide; and a margin that rounds to 0 at the final digits is read until it is resolved.

Oracles: the touch points by mpmath's ``findroot`` on the factor that vanishes there (a simple root), at 30 digits;
$\sqrt{x^2 + c} - |x| = c/(\sqrt{x^2 + c} + |x|)$ written without cancellation.  Tolerances: a touch is located to
1e-6 (Nelder-Mead stops at ``xatol`` 1e-15 on a margin that is quadratic there, so it is within about 1e-8 of it);
a resolved margin matches its oracle to a relative 1e-3 (two readings agreeing to a tenth are what resolves it; at
960 digits the sides keep hundreds of digits more than the margin needs).
"""
import mpmath as mp
import pytest
import sympy as sp

from derivations.checker.strategies.evaluate import compile_expr
from derivations.checker.strategies.margin import TIE, Closest, _final_margin, refine, relative_margin

x = sp.Symbol("x", real=True)
SAMPLES = (1e-300, 1e-30, 1e-8, 1e-3, 0.1, 0.5, 1.0, 1.5, 2.0, 3.0, 5.0, 10.0, 100.0, 1e10)
"""Positive points as the sampler draws them: the tiny ones sit on the approach to 0 (margin ~ x^2)."""
FOREVER = float("inf")


def _sides(lhs, rhs):
    return [compile_expr((x,), lhs), compile_expr((x,), rhs)]


def _closest(rel, sides, points):
    closest = Closest()
    for v in points:
        with mp.workdps(30):
            l, r = (f(mp.mpf(v)) for f in sides)
            closest.add(relative_margin(rel, l, r), (v,))
    return closest


@pytest.mark.parametrize("lhs, rhs, factor, start", [
    ((sp.sin(x) - x / 2) ** 2, 0, lambda v: mp.sin(v) - v / 2, 1.9),
    (sp.Rational(1, 10**250) * (sp.sin(x) - x / 2) ** 2, 0, lambda v: mp.sin(v) - v / 2, 1.9),
    ((sp.log(1 + x) - x / 2) ** 2, 0, lambda v: mp.log(1 + v) - v / 2, 2.5),
    (sp.Abs(sp.atan(x) - x / 2), 0, lambda v: mp.atan(v) - v / 2, 2.3),
    (sp.sin(x) ** 2 + x**2 / 4, x * sp.sin(x), lambda v: mp.sin(v) - v / 2, 1.9),
])
def test_a_touch_beside_an_approach_is_found_between_points(lhs, rhs, factor, start):
    r"""$l > r$ for $x > 0$ fails where the factor vanishes; the smallest sampled margins are at $x \to 0^+$."""
    sides = _sides(lhs, rhs)
    found = refine(">", sides, _closest(">", sides, SAMPLES), lambda values: values[0] > 0, FOREVER)
    with mp.workdps(30):
        touch = mp.findroot(factor, start)
    assert found is not None and found.interior and found.margin <= TIE
    assert abs(found.values[0] - float(touch)) < 1e-6


@pytest.mark.parametrize("c, point", [(sp.Rational(1, 10**200), 1e47), (sp.Rational(1, 10**150), -2.7e45)])
def test_a_margin_rounding_to_zero_is_read_until_resolved(c, point):
    sides = _sides(sp.sqrt(x**2 + c) - sp.Abs(x), sp.Integer(0))
    with mp.workdps(60):
        v = mp.mpf(point)
        gap = mp.mpf(c) / (mp.sqrt(v**2 + mp.mpf(c)) + abs(v))
        expected = gap / (gap + 1)
    margin = _final_margin(">", sides, (point,))
    assert margin > 0 and abs(margin - expected) <= 1e-3 * expected


def test_a_resolved_margin_falling_along_the_line_is_no_touch():
    r"""$\sqrt{x^2 + 10^{-200}} - |x| > 0$: the margin falls as $|x|$ grows (an approach to infinity), so the
    minimizer found near $10^{47}$ is not interior and no tie is reported."""
    sides = _sides(sp.sqrt(x**2 + sp.Rational(1, 10**200)) - sp.Abs(x), sp.Integer(0))
    found = refine(">", sides, _closest(">", sides, (1e47, 3e46, 2e47)), lambda values: True, FOREVER)
    assert found is None or not found.interior


STIRLING = "(x - 1/2)*log(x) - x + log(2*pi)/2 + 1/(12*x) - 1/(10**6*x**2)"


@pytest.mark.parametrize("lhs, rhs, assume", [
    ("lgamma(x)", STIRLING, ["x >= 1"]),
    ("lgamma(t + 1)", STIRLING.replace("x", "(t + 1)"), ["t >= 0"]),
    ("lgamma(x) - (x - 1/2)*log(x) + x", STIRLING.replace("(x - 1/2)*log(x) - x + ", ""), ["x >= 1"]),
])
def test_a_failure_too_large_to_decide_is_shrunk_to_one_that_can_be(lhs, rhs, assume):
    r"""The Stirling bound with $-10^{-6}/x^2$ fails for $x > 2778$ ($1/(360 x) < 10^{-6}$ there; the next term of
    the series, $+1/(1260 x^5)$, is smaller); the sampled failures are at $x \ge 10^4$ or so, where $\log\Gamma$ is
    not built exactly.  The refutation is at a point between 2778 and the exact-value limit."""
    from derivations.checker.strategies.numeric import NumericTest
    from readers.claim import claim_step

    verdict = NumericTest(quick=True)(claim_step(lhs, "<=", rhs, assume), 10)  # the samples only: no ties searched
    assert verdict is not None and verdict.kind == "refuted"
    (name,) = [k for k in verdict.counterexample if k in ("x", "t")]
    assert 2778 < float(verdict.counterexample[name]) + (name == "t") < 6000


def test_halving_moves_only_large_coordinates_and_keeps_integers_whole():
    from derivations.checker.strategies.shrink import FROM, halved_points

    steps = list(halved_points([1e8, 0.5, -7001], [False, False, True]))
    assert steps[0] == (5e7, 0.5, -3500) and steps[1] == (2.5e7, 0.5, -1750)
    assert all(abs(v) <= FROM for v in steps[-1]) and all(p[1] == 0.5 for p in steps)



t = sp.Symbol("t", real=True)


@pytest.mark.parametrize("divisor, point, vanishes", [
    (1 + sp.exp(-x), {x: sp.Rational(40001, 2)}, False),  # sigmoid's denominator far out
    (sp.exp(-t) - sp.exp(-2 * t), {t: sp.Integer(30000)}, False),
    (sp.sin(x) - sp.Rational(1, 2), {x: sp.Integer(3)}, False),
    (sp.cos(t) ** 2 + sp.sin(t) ** 2 - 1, {t: sp.Rational(1, 3)}, True),  # 0 only simplify shows
    (sp.sin(sp.pi * x), {x: sp.Integer(1)}, True),
])
def test_a_written_divisor_certified_nonzero_is_not_simplified(divisor, point, vanishes, monkeypatch):
    """``simplify`` of 1 + e^-20000.5 went through ``nsimplify`` at thousands of digits (minutes): a divisor whose
    value ``evalf`` certifies, or sympy's assumptions call nonzero, is not simplified; a zero still is found."""
    from derivations.checker.strategies import written

    calls, simplify = [], sp.simplify

    def recording(value, *args, **kwargs):
        calls.append(value)
        return simplify(value, *args, **kwargs)

    monkeypatch.setattr(written.sp, "simplify", recording)
    assert written._vanishes(divisor, point) is vanishes
    assert not calls or vanishes
