r"""Independent checks of the hand labels of planted_mistakes_16.md (truncation errors of finite differences,
expansions on a grid, one-step methods on the test equation, quadrature remainders and a few iterations; eight
slips planted).  Labelled before Formulary was run on it.

Each entry names a display by a snippet of its text, gives its role and label, says how it was checked and carries
a check written by hand with sympy that returns True when the claim holds *as its author means it*: for
``A = B + O(h^m)`` every coefficient of ``h^0 .. h^{m-1}`` of ``A - B`` vanishes, with ``u`` an undefined sympy
function (its Taylor series ``sum_k h^k u^{(k)}(t) / k!``, so the check holds for every smooth ``u``), or, where an
integral needs a body, for three concrete test functions.  Nothing from Formulary is imported.

    python3 tests/corpus/notes/check_labels_round46.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round46.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import sys
from pathlib import Path

import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import check_entries, display_line, recorder, zero

ENTRIES, label, nonclaim = recorder()
PM = "planted_mistakes_16.md"
LINES = (HERE / PM).read_text(encoding="utf-8").splitlines()
t, h, s, x, lam, eta, a, beta, g, x0 = sp.symbols("t h s x lambda eta a beta g x_0", real=True)
D = sp.Symbol("D", real=True)  # the grid step Delta t
TERMS = 9
"""Orders of the Taylor series written out (every claim here stops at h^6 or below)."""
U = [sp.Symbol(f"u{k}", real=True) for k in range(TERMS + 2)]
"""u^{(k)}(t) as independent symbols: a coefficient that vanishes for every value of them holds for every u."""


def _line(snippet: str, after: int = 0) -> int:
    return display_line(LINES, snippet, after)


def u_at(shift, centre_derivatives=U):
    """u(t + shift) as its Taylor series at t, ``shift`` a multiple of the small step (orders up to TERMS)."""
    return sum(centre_derivatives[k] * shift**k / sp.factorial(k) for k in range(TERMS))


def d(k):
    """u^{(k)}(t)."""
    return U[k]


def vanishes_below(expr, step, order) -> bool:
    """Every coefficient of ``step^0 .. step^{order-1}`` of ``expr`` (a series in ``step``) is 0."""
    series = sp.series(sp.expand(expr), step, 0, order).removeO()
    return zero(series)


def midpoint_derivatives(k):
    """u^{(k)}(t + D/2) as a series at t."""
    return sum(U[k + j] * (D / 2) ** j / sp.factorial(j) for j in range(TERMS - k))


TEST_FUNCTIONS = (sp.exp(3 * s / 5), sp.sin(7 * s / 4) + s**3, sp.cos(s) * sp.exp(-s / 3))
"""Concrete bodies for the quadrature claims (an integral needs one)."""


def quadrature(claim) -> bool:
    return all(claim(sp.Lambda(s, body)) for body in TEST_FUNCTIONS)


# ---------------------------------------------------------------- 1. Taylor and one-sided differences
label(PM, _line(r"u(t+h) = u(t) + h u'(t) + \frac{h^2}{2} u''(t) + \frac{h^3}{6}"), "claim", "right",
      "sympy: u(t+h) - (u + h u' + h^2 u''/2 + h^3 u'''/6) has no term below h^4", "u smooth",
      lambda: vanishes_below(u_at(h) - (d(0) + h * d(1) + h**2 / 2 * d(2) + h**3 / 6 * d(3)), h, 4))
label(PM, _line(r"\frac{u(t+h) - u(t)}{h} = u'(t) + \frac{h}{2} u''(t) + O(h^2)"), "claim", "right",
      "sympy: (u(t+h) - u)/h = u' + h u''/2 + h^2 u'''/6 + ...", "u smooth",
      lambda: vanishes_below((u_at(h) - d(0)) / h - d(1) - h / 2 * d(2), h, 2))
label(PM, _line(r"\frac{u(t) - u(t-h)}{h} = u'(t) + \frac{h}{2} u''(t) + O(h^2)"), "claim", "wrong",
      "sympy: (u - u(t-h))/h = u' - h u''/2 + ...: the sign of the h term is minus", "u smooth",
      lambda: vanishes_below((d(0) - u_at(-h)) / h - d(1) - h / 2 * d(2), h, 2))
label(PM, _line(r"\frac{-3u(t) + 4u(t+h) - u(t+2h)}{2h}"), "claim", "right",
      "sympy: (-3u + 4u(t+h) - u(t+2h))/(2h) = u' - h^2 u'''/3 + O(h^3)", "u smooth",
      lambda: vanishes_below((-3 * d(0) + 4 * u_at(h) - u_at(2 * h)) / (2 * h) - d(1) + h**2 / 3 * d(3), h, 3))
# ---------------------------------------------------------------- 2. centred differences
label(PM, _line(r"u(t+h) - u(t-h) = 2h u'(t) + \frac{h^3}{3} u'''(t) + O(h^5)"), "claim", "right",
      "sympy: u(t+h) - u(t-h) = 2h u' + h^3 u'''/3 + h^5 u'''''/60 + ...", "u smooth",
      lambda: vanishes_below(u_at(h) - u_at(-h) - 2 * h * d(1) - h**3 / 3 * d(3), h, 5))
label(PM, _line(r"\frac{u(t+h) - u(t-h)}{2h} = u'(t) + \frac{h^2}{6} u'''(t) + O(h^4)"), "claim", "right",
      "sympy: the centred difference is u' + h^2 u'''/6 + O(h^4)", "u smooth",
      lambda: vanishes_below((u_at(h) - u_at(-h)) / (2 * h) - d(1) - h**2 / 6 * d(3), h, 4))
label(PM, _line(r"\frac{u(t+h/2) - u(t-h/2)}{h} = u'(t) + \frac{h^2}{24}"), "claim", "right",
      "sympy: (u(t+h/2) - u(t-h/2))/h = u' + h^2 u'''/24 + O(h^4)", "u smooth",
      lambda: vanishes_below((u_at(h / 2) - u_at(-h / 2)) / h - d(1) - h**2 / 24 * d(3), h, 4))
label(PM, _line(r"u(t+h) + u(t-h) = 2u(t) + h^2 u''(t) + \frac{h^4}{12}"), "claim", "right",
      "sympy: u(t+h) + u(t-h) = 2u + h^2 u'' + h^4 u''''/12 + O(h^6)", "u smooth",
      lambda: vanishes_below(u_at(h) + u_at(-h) - 2 * d(0) - h**2 * d(2) - h**4 / 12 * d(4), h, 6))
label(PM, _line(r"\frac{u(t+h) - 2u(t) + u(t-h)}{h^2} = u''(t) + \frac{h^2}{6}"), "claim", "wrong",
      "sympy: the second difference is u'' + h^2 u''''/12 + O(h^4), not h^2 u''''/6", "u smooth",
      lambda: vanishes_below((u_at(h) - 2 * d(0) + u_at(-h)) / h**2 - d(2) - h**2 / 6 * d(4), h, 4))
label(PM, _line(r"\frac{-u(t+2h) + 8u(t+h) - 8u(t-h) + u(t-2h)}{12h}"), "claim", "right",
      "sympy: the five-point difference is u' - h^4 u'''''/30 + O(h^6)", "u smooth",
      lambda: vanishes_below((-u_at(2 * h) + 8 * u_at(h) - 8 * u_at(-h) + u_at(-2 * h)) / (12 * h) - d(1)
                             + h**4 / 30 * d(5), h, 6))
# ---------------------------------------------------------------- 3. on a grid (t_n the centre, D = Delta t)
label(PM, _line(r"u(t_{n+1}) = u(t_n) + \Delta t\, u'(t_n)"), "claim", "right",
      "sympy: u(t_n + dt) = u + dt u' + dt^2 u''/2 + O(dt^3)", "u smooth, t_{n+1} = t_n + dt",
      lambda: vanishes_below(u_at(D) - d(0) - D * d(1) - D**2 / 2 * d(2), D, 3))
label(PM, _line(r"u(t_{n-1}) = u(t_n) - \Delta t\, u'(t_n)"), "claim", "right",
      "sympy: u(t_n - dt) = u - dt u' + dt^2 u''/2 - dt^3 u'''/6 + O(dt^4)", "u smooth, t_{n-1} = t_n - dt",
      lambda: vanishes_below(u_at(-D) - d(0) + D * d(1) - D**2 / 2 * d(2) + D**3 / 6 * d(3), D, 4))
label(PM, _line(r"u(t_{n+1/2}) = u(t_n) + \frac{\Delta t}{2} u'(t_n)"), "claim", "wrong",
      "sympy: u(t_n + dt/2) = u + dt u'/2 + dt^2 u''/8 + ...: (dt/2)^2/2 is dt^2/8, not dt^2/4", "u smooth",
      lambda: vanishes_below(u_at(D / 2) - d(0) - D / 2 * d(1) - D**2 / 4 * d(2), D, 3))
label(PM, _line(r"\frac{u(t_{n+1}) - u(t_{n-1})}{2\Delta t}"), "claim", "right",
      "sympy: (u(t_n + dt) - u(t_n - dt))/(2 dt) = u' + dt^2 u'''/6 + O(dt^4)", "u smooth",
      lambda: vanishes_below((u_at(D) - u_at(-D)) / (2 * D) - d(1) - D**2 / 6 * d(3), D, 4))
label(PM, _line(r"\frac{u(t_{n+1}) - u(t_n)}{\Delta t} = u'(t_{n+1/2})"), "claim", "right",
      "sympy: (u(t_n + dt) - u(t_n))/dt - u'(t_n + dt/2) - dt^2 u'''(t_n + dt/2)/24 has no term below dt^4",
      "u smooth", lambda: vanishes_below((u_at(D) - d(0)) / D - midpoint_derivatives(1)
                                         - D**2 / 24 * midpoint_derivatives(3), D, 4))
label(PM, _line(r"\frac{u(t_{n+1}) + u(t_n)}{2} = u(t_{n+1/2})"), "claim", "wrong",
      "sympy: the mean is u(t_{n+1/2}) + dt^2 u''(t_{n+1/2})/8 + O(dt^4), not dt^2/4", "u smooth",
      lambda: vanishes_below((u_at(D) + d(0)) / 2 - midpoint_derivatives(0) - D**2 / 4 * midpoint_derivatives(2),
                             D, 4))
# ---------------------------------------------------------------- 4. one-step methods on y' = lambda y
z = lam * h
label(PM, _line(r"e^{\lambda h} - (1 + \lambda h) = \frac{(\lambda h)^2}{2} + O(h^3)"), "claim", "right",
      "sympy: series of e^z - 1 - z - z^2/2 in h starts at h^3", "",
      lambda: vanishes_below(sp.exp(z) - 1 - z - z**2 / 2, h, 3))
label(PM, _line(r"e^{\lambda h} - \left(1 + \lambda h + \frac{(\lambda h)^2}{2}\right)"), "claim", "right",
      "sympy: series of e^z - (1 + z + z^2/2) - z^3/6 starts at h^4", "",
      lambda: vanishes_below(sp.exp(z) - (1 + z + z**2 / 2) - z**3 / 6, h, 4))
label(PM, _line(r"\frac{1 + \lambda h/2}{1 - \lambda h/2} = e^{\lambda h}"), "claim", "right",
      "sympy: (1 + z/2)/(1 - z/2) = 1 + z + z^2/2 + z^3/4 + ..., e^z + z^3/12 + O(h^4)", "",
      lambda: vanishes_below((1 + z / 2) / (1 - z / 2) - sp.exp(z) - z**3 / 12, h, 4))
label(PM, _line(r"\frac{1}{1 - \lambda h} = e^{\lambda h} - \frac{(\lambda h)^2}{2}"), "claim", "wrong",
      "sympy: 1/(1 - z) = 1 + z + z^2 + ... = e^z + z^2/2 + O(h^3): the sign is plus", "",
      lambda: vanishes_below(1 / (1 - z) - sp.exp(z) + z**2 / 2, h, 3))
zz = sp.Symbol("z", real=True)
label(PM, _line(r"1 + z + \frac{z^2}{2} + \frac{z^3}{6} + \frac{z^4}{24} = e^{z} + O(z^5)"), "claim", "right",
      "sympy: e^z - (1 + z + z^2/2 + z^3/6 + z^4/24) starts at z^5", "",
      lambda: vanishes_below(1 + zz + zz**2 / 2 + zz**3 / 6 + zz**4 / 24 - sp.exp(zz), zz, 5))


def _autonomous() -> bool:
    """y(t+h) for y' = f(y) with f undefined: y^{(k)} = (d/dt)^{k-1} f(y), each d/dt of a function of y being its
    y-derivative times f(y); the series to h^2 against the claim."""
    Y = sp.Symbol("Y", real=True)
    f = sp.Function("f")
    derivs = [Y, f(Y)]
    for _ in range(3):
        derivs.append(sp.diff(derivs[-1], Y) * f(Y))
    taylor = sum(derivs[k] * h**k / sp.factorial(k) for k in range(4))
    claim = Y + h * f(Y) + h**2 / 2 * sp.diff(f(Y), Y) * f(Y)
    return zero(sp.expand(taylor - claim).coeff(h, 0)) and zero(sp.expand(taylor - claim).coeff(h, 1)) \
        and zero(sp.expand(taylor - claim).coeff(h, 2))


label(PM, _line(r"y(t+h) = y(t) + h f(y(t)) + \frac{h^2}{2} f'(y(t)) f(y(t))"), "claim", "right",
      "sympy: with y' = f(y), y'' = f'(y) f(y); the Taylor series of y(t+h) agrees to h^2 (f undefined)", "y' = f(y)",
      _autonomous)
label(PM, _line(r"y(t+h) - y(t) - h y'(t) = \frac{h^2}{2} y''(t) + O(h^3)"), "claim", "right",
      "sympy: y(t+h) - y - h y' = h^2 y''/2 + O(h^3) for every smooth y", "y smooth",
      lambda: vanishes_below(u_at(h) - d(0) - h * d(1) - h**2 / 2 * d(2), h, 3))
# ---------------------------------------------------------------- 5. quadrature remainders (three test bodies)
T0 = sp.Rational(3, 10)


def _midpoint(u) -> bool:
    integral = sp.integrate(u(T0 + s), (s, -h / 2, h / 2))
    return vanishes_below(integral - h * u(T0) - h**3 / 24 * sp.diff(u(s), s, 2).subs(s, T0), h, 5)


def _trapezoid(u) -> bool:
    integral = sp.integrate(u(s), (s, T0, T0 + h))
    return vanishes_below(h / 2 * (u(T0) + u(T0 + h)) - integral + h**3 / 12 * sp.diff(u(s), s, 2).subs(s, T0), h, 4)


label(PM, _line(r"\int_{-h/2}^{h/2} u(t+s)\, ds = h u(t) + \frac{h^3}{24}"), "claim", "right",
      "sympy: for u = e^{3s/5}, sin(7s/4) + s^3, cos(s) e^{-s/3} at t = 3/10 the series agree to h^4", "u smooth",
      lambda: quadrature(_midpoint))
label(PM, _line(r"\frac{h}{2}\left(u(t) + u(t+h)\right) - \int_{t}^{t+h} u(s)\, ds"), "claim", "wrong",
      "sympy: the trapezoid rule exceeds the integral by +h^3 u''/12 + O(h^4) (the same three bodies); minus is wrong",
      "u smooth", lambda: quadrature(_trapezoid))
# ---------------------------------------------------------------- 6. iterations
F = [sp.Symbol(f"f{k}", real=True) for k in range(5)]  # f^{(k)}(x)


def _gradient_step(second) -> bool:
    """f(x - eta f'(x)) to eta^2: sum_k (-eta f1)^k f^{(k)} / k!."""
    series = sum(F[k] * (-eta * F[1]) ** k / sp.factorial(k) for k in range(4))
    return vanishes_below(series - (F[0] - eta * F[1] ** 2 + second * eta**2 * F[2] * F[1] ** 2), eta, 3)


label(PM, _line(r"f(x - \eta f'(x)) = f(x) - \eta f'(x)^2 + \eta^2 f''(x)"), "claim", "wrong",
      "sympy: the eta^2 term is f'' f'^2 / 2, not f'' f'^2", "f smooth", lambda: _gradient_step(1))
label(PM, _line(r"f(x - \eta f'(x)) = f(x) - \eta f'(x)^2 + O(\eta^2)"), "claim", "right",
      "sympy: f(x - eta f') = f - eta f'^2 + O(eta^2)", "f smooth",
      lambda: vanishes_below(sum(F[k] * (-eta * F[1]) ** k / sp.factorial(k) for k in range(3))
                             - (F[0] - eta * F[1] ** 2), eta, 2))


def _iterate(step, start, closed, steps=8) -> bool:
    """The recurrence run from ``start`` against the closed form at k = 0..steps (exact, symbolic parameters)."""
    value = start
    for k in range(steps + 1):
        if not zero(value - closed(k)):
            return False
        value = step(value)
    return True


label(PM, _line(r"x_k = (1 - \eta a)^k x_0"), "claim", "right",
      "sympy: x_{k+1} = (1 - eta a) x_k from x_0 equals (1 - eta a)^k x_0 for k = 0..8", "",
      lambda: _iterate(lambda v: (1 - eta * a) * v, x0, lambda k: (1 - eta * a) ** k * x0))
label(PM, _line(r"v_k = \frac{1 - \beta^{k+1}}{1 - \beta} g"), "claim", "wrong",
      "sympy: from v_0 = 0, v_k = (1 - beta^k)/(1 - beta) g; the stated form gives v_0 = g", "beta != 1",
      lambda: _iterate(lambda v: beta * v + g, 0, lambda k: (1 - beta ** (k + 1)) / (1 - beta) * g))
label(PM, _line(r"x_k = x_0 - k \eta g"), "claim", "right",
      "sympy: x_{k+1} = x_k - eta g from x_0 equals x_0 - k eta g for k = 0..8", "",
      lambda: _iterate(lambda v: v - eta * g, x0, lambda k: x0 - k * eta * g))


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)
    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
