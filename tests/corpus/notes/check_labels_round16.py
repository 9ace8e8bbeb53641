r"""Independent checks of the hand labels of the round-16 sources of tests/corpus/notes, labelled before Formulary
was run on them (held out): two textbook chapters in LaTeX by Jiri Lebl (CC BY-SA 4.0), the kind of text the
issue's held-out measurement uses and the corpus had little of.

* ``lebl_ra_derivative.tex``: "Basic Analysis I", chapter "The Derivative" (definition, rules, chain rule, relative
  extrema, Rolle, mean value theorem, Darboux): ``theorem``/``proof`` environments, ``:=`` definitions, claims about
  an arbitrary differentiable function, existential claims ("there exists $c \in (a,b)$ such that ..."), the book's
  own macros ``\abs``, ``\R`` and the ``nicefrac`` package.
* ``lebl_diffyqs_linear_algebra.tex``: "Notes on Diffy Qs", appendix "Linear algebra", sections 1-2 (vectors,
  linear mappings, matrix algebra): ``bmatrix`` arithmetic, ``\underbrace`` labels, ``align*`` rule lists, a
  ``split`` chain with a parenthesised aside, ``\vec`` vectors, ``\not=`` between the two sides of a claim.

As in the earlier rounds: each entry names a block by ``(file, line[, pick])``, gives its role and label, says how it
was checked and, for ``right``/``wrong``, carries a check written by hand with sympy, mpmath or numpy that returns True
when the block's claim holds.  A claim about an arbitrary function is checked on named test functions that meet the
stated hypotheses (as in round 7), an existential claim by finding its witness in the stated interval.  Nothing from
the Formulary code base is imported.

    python3 tests/corpus/notes/check_labels_round16.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round16.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import sys
from pathlib import Path

import mpmath as mp
import numpy as np
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import check_entries, nonclaim_table, recorder
from check_labels_round5 import _latex

RNG = np.random.default_rng(16)
ENTRIES, label, nonclaim = recorder()
x, y, c, a, b, al = sp.symbols("x y c a b alpha", real=True)
TESTS = (sp.sin(x) + x**2, sp.exp(x) - 3 * x, x**3 - 2 * x + 1)
"""Test functions for claims about an arbitrary differentiable f (smooth on the whole line)."""
TESTS_G = (sp.cos(x) + 2, x**2 + 1, sp.exp(-x))
"""Test functions g (nonzero everywhere, so a quotient f/g is defined)."""


def zero(expr) -> bool:
    return sp.simplify(expr) == 0


def M(rows):
    return sp.Matrix(rows)


def _quotient(f):
    return (f - f.subs(x, c)) / (x - c)


def _at_points(expr, symbols, trials=12, lo=0.2, hi=3.0) -> bool:
    """expr (a difference that should vanish) is 0 at random points of (lo, hi)^k to 1e-20 (mpmath, 30 digits)."""
    mp.mp.dps = 30
    fn = sp.lambdify(symbols, expr, "mpmath")
    for _ in range(trials):
        pt = [mp.mpf(float(RNG.uniform(lo, hi))) for _ in symbols]
        if abs(fn(*pt)) > mp.mpf("1e-20"):
            return False
    return True


# ---------------------------------------------------------------- lebl_ra_derivative.tex
RA = "lebl_ra_derivative.tex"

nonclaim_table(nonclaim, RA, r"""
47 definition  # L := the limit of the difference quotient
275 definition  # h := f g
309 definition  # h := f/g
334 definition  # h := f o g
346 definition  # u and v by cases
424 definition  # f := x^2 on the rationals, 0 otherwise
436 condition  # 'Assume the inequality |x - sin x| <= x^2'
698 definition  # g := f - f(b) - slope (x - b)
926 definition  # g := yx - f
962 definition  # f := (x sin(1/x))^2, f(0) := 0
633 condition  # Rolle's hypothesis f(a) = f(b)
643 definition  # K := f(a) = f(b)
830 definition | f(x) := x^3  # f := x^3
479 condition | g'(c) = h'(c)  # the exercise's hypothesis
""")

label(RA, 93, "claim", "right", "sympy: (x^2-c^2)/(x-c) - (x+c)(x-c)/(x-c) and - (x+c) cancel to 0", "x != c",
      lambda: zero((x**2 - c**2) / (x - c) - (x + c)) and zero((x + c) * (x - c) / (x - c) - (x + c)))
label(RA, 99, "claim", "right", "sympy: limit of (x^2-c^2)/(x-c) and of x+c as x -> c is 2c, = diff(x^2) at c",
      "f(x) = x^2", lambda: zero(sp.limit((x**2 - c**2) / (x - c), x, c) - 2 * c) and zero(sp.diff(x**2, x).subs(x, c) - 2 * c))
label(RA, 110, "claim", "right", "sympy: ((ax+b)-(ac+b))/(x-c) cancels to a", "x != c",
      lambda: zero(_quotient(a * x + b) - a))
label(RA, 115, "claim", "right", "sympy: limit of the quotient of ax+b at c is a", "f(x) = ax + b",
      lambda: zero(sp.limit(_quotient(a * x + b), x, c) - a))
_xp, _cp = sp.symbols("x c", positive=True)
label(RA, 132, "claim", "right", "sympy: both steps of the sqrt quotient cancel to 1/(sqrt x + sqrt c) for x, c > 0",
      "x, c > 0, x != c",
      lambda: zero((sp.sqrt(_xp) - sp.sqrt(_cp)) / (_xp - _cp) - 1 / (sp.sqrt(_xp) + sp.sqrt(_cp)))
      and zero((sp.sqrt(_xp) - sp.sqrt(_cp)) / ((sp.sqrt(_xp) - sp.sqrt(_cp)) * (sp.sqrt(_xp) + sp.sqrt(_cp)))
               - 1 / (sp.sqrt(_xp) + sp.sqrt(_cp))))
label(RA, 140, "claim", "right", "sympy: the limit as x -> c of the sqrt quotient is 1/(2 sqrt c), = diff(sqrt x) at c",
      "c > 0", lambda: zero(sp.limit((sp.sqrt(_xp) - sp.sqrt(_cp)) / (_xp - _cp), _xp, _cp) - 1 / (2 * sp.sqrt(_cp))))
label(RA, 155, "claim", "right", "sympy: (|x| - 0)/x = 1 for x > 0", "x > 0",
      lambda: zero((sp.Abs(_xp) - 0) / (_xp - 0) - 1))
_xn = sp.Symbol("x", negative=True)
label(RA, 160, "claim", "right", "sympy: (|x| - 0)/x = -1 for x < 0", "x < 0",
      lambda: zero((sp.Abs(_xn) - 0) / (_xn - 0) + 1))
label(RA, 178, "claim", "right", "sympy on three test functions: limit of the quotient at c = 1/2 is f'(c); lim (x-c) = 0",
      "f differentiable at c",
      lambda: all(zero(sp.limit(_quotient(f).subs(c, sp.Rational(1, 2)), x, sp.Rational(1, 2))
                       - sp.diff(f, x).subs(x, sp.Rational(1, 2))) for f in TESTS)
      and sp.limit(x - c, x, c) == 0)
label(RA, 186, "claim", "right", "sympy: f(x)-f(c) = quotient * (x-c) cancels to 0 for the test functions", "x != c",
      lambda: all(zero(f - f.subs(x, c) - _quotient(f) * (x - c)) for f in TESTS))
label(RA, 191, "claim", "right", "sympy: limit of f(x)-f(c) at c = 1/2 is 0 = f'(1/2) * 0 for the test functions",
      "f differentiable at c",
      lambda: all(sp.limit((f - f.subs(x, c)).subs(c, sp.Rational(1, 2)), x, sp.Rational(1, 2)) == 0 for f in TESTS))
label(RA, 215, "claim", "right", "sympy: diff(alpha f) = alpha diff(f) for the test functions", "h = alpha f",
      lambda: all(zero(sp.diff(al * f, x) - al * sp.diff(f, x)) for f in TESTS))
label(RA, 219, "claim", "right", "sympy: diff(f + g) = diff f + diff g for test pairs", "h = f + g",
      lambda: all(zero(sp.diff(f + g, x) - sp.diff(f, x) - sp.diff(g, x)) for f in TESTS for g in TESTS_G))
label(RA, 226, "claim", "right", "sympy: both steps of the quotient of alpha f cancel", "h = alpha f, x != c",
      lambda: all(zero(_quotient(al * f) - al * _quotient(f)) for f in TESTS))
label(RA, 234, "claim", "right", "sympy: limits at c = 1 of the quotient of alpha f and alpha times that of f agree",
      "h = alpha f", lambda: all(zero(sp.limit(_quotient(al * f).subs(c, 1), x, 1) - al * sp.limit(_quotient(f).subs(c, 1), x, 1))
                                for f in TESTS))
label(RA, 243, "claim", "right", "sympy: the quotient of f + g splits into the two quotients", "h = f + g, x != c",
      lambda: all(zero(_quotient(f + g) - _quotient(f) - _quotient(g)) for f in TESTS for g in TESTS_G))
label(RA, 253, "claim", "right", "sympy: limits at c = 1 of the quotients add up", "h = f + g",
      lambda: all(zero(sp.limit(_quotient(f + g).subs(c, 1), x, 1) - sp.limit(_quotient(f).subs(c, 1), x, 1)
                       - sp.limit(_quotient(g).subs(c, 1), x, 1)) for f in TESTS for g in TESTS_G))
label(RA, 279, "claim", "right", "sympy: product rule on test pairs", "h = f g",
      lambda: all(zero(sp.diff(f * g, x) - (f * sp.diff(g, x) + sp.diff(f, x) * g)) for f in TESTS for g in TESTS_G))
label(RA, 286, "claim", "right", "sympy: f(x)g(x) - f(c)g(c) - [f(x)(g(x)-g(c)) + (f(x)-f(c))g(c)] expands to 0", "",
      lambda: all(zero(f * g - (f * g).subs(x, c) - (f * (g - g.subs(x, c)) + (f - f.subs(x, c)) * g.subs(x, c)))
                  for f in TESTS for g in TESTS_G))
label(RA, 400, "claim", "right", "the same identity as line 286 (the exercise's hint)", "",
      lambda: all(zero(f * g - (f * g).subs(x, c) - (f * (g - g.subs(x, c)) + (f - f.subs(x, c)) * g.subs(x, c)))
                  for f in TESTS for g in TESTS_G))
label(RA, 313, "claim", "right", "sympy: quotient rule on test pairs with g != 0", "g(x) != 0",
      lambda: all(zero(sp.diff(f / g, x) - (sp.diff(f, x) * g - f * sp.diff(g, x)) / g**2) for f in TESTS for g in TESTS_G))
label(RA, 338, "claim", "right", "sympy: chain rule diff(f(g(x))) = f'(g(x)) g'(x) on test pairs", "h = f o g",
      lambda: all(zero(sp.diff(f.subs(x, g), x) - sp.diff(f, x).subs(x, g) * sp.diff(g, x)) for f in TESTS for g in TESTS_G))


def _uv_identities():
    """f(y)-f(d) = u(y)(y-d) for y != d and y = d (u(d) = f'(d)), and g(x)-g(c) = v(x)(x-c) likewise."""
    d = sp.Symbol("d", real=True)
    for f in TESTS:
        fy = f.subs(x, y)
        u = (fy - f.subs(x, d)) / (y - d)
        if not zero(fy - f.subs(x, d) - u * (y - d)):
            return False
        if not zero((fy - f.subs(x, d)).subs(y, d) - sp.diff(f, x).subs(x, d) * 0):
            return False
    return True


label(RA, 362, "claim", "right", "sympy: both identities hold for y != d by cancelling and at y = d as 0 = f'(d) * 0",
      "u, v as defined at line 346", _uv_identities)


def _chain_steps():
    """h(x)-h(c) = f(g(x))-f(g(c)) = u(g(x))(g(x)-g(c)) = u(g(x)) v(x)(x-c), and (h(x)-h(c))/(x-c) = u(g(x)) v(x)."""
    for f in TESTS:
        for g in TESTS_G:
            gx, gc = g, g.subs(x, c)
            u_gx = (f.subs(x, gx) - f.subs(x, gc)) / (gx - gc)
            v = (gx - gc) / (x - c)
            h = f.subs(x, g)
            if not (_at_points(h - h.subs(x, c) - u_gx * (gx - gc), [x, c])
                    and _at_points(h - h.subs(x, c) - u_gx * v * (x - c), [x, c])
                    and _at_points((h - h.subs(x, c)) / (x - c) - u_gx * v, [x, c])):
                return False
    return True


label(RA, 368, "claim", "right", "mpmath at random (x, c) with g(x) != g(c): the three steps hold for test pairs",
      "x != c", _chain_steps)
label(RA, 378, "claim", "right", "mpmath: (h(x)-h(c))/(x-c) = u(g(x)) v(x) at random points, test pairs", "x != c",
      _chain_steps)
label(RA, 387, "claim", "right", "sympy: a continuous g has limit g(c) at c (test functions, c = 1/3)", "g continuous at c",
      lambda: all(zero(sp.limit(g, x, sp.Rational(1, 3)) - g.subs(x, sp.Rational(1, 3))) for g in TESTS_G))
label(RA, 450, "claim", "right", "sympy: diff(f^n) = n f^(n-1) f' for n = -3..4 on the test functions", "f(x) != 0 if n < 0",
      lambda: all(zero(sp.diff(f**n, x) - n * f**(n - 1) * sp.diff(f, x)) for f in TESTS_G for n in range(-3, 5)))
label(RA, 520, "claim", "right", "sympy: L'Hopital on f = sin x, g = x and f = e^x - 1, g = x^2 + x at c = 0 (g' != 0 "
      "near 0): both limits are 1", "f(c) = g(c) = 0, g' != 0, f'/g' has a limit",
      lambda: sp.limit(sp.sin(x) / x, x, 0) == sp.limit(sp.cos(x) / 1, x, 0)
      and sp.limit((sp.exp(x) - 1) / (x**2 + x), x, 0) == sp.limit(sp.exp(x) / (2 * x + 1), x, 0))


def _relmax_quotients(sign):
    """At a relative maximum (f = cos, c = 0, delta = 1; f = -(x-1/2)^2 + 3, c = 1/2): the quotient is <= 0 to the
    right (sign +1) and >= 0 to the left (sign -1), at 50 points within delta."""
    for f, cc in ((sp.cos(x), 0.0), (-(x - sp.Rational(1, 2))**2 + 3, 0.5)):
        fn = sp.lambdify(x, f, "mpmath")
        for t in np.linspace(0.01, 0.99, 50):
            xx = cc + sign * t
            q = (fn(xx) - fn(cc)) / (xx - cc)
            if (sign > 0 and q > 0) or (sign < 0 and q < 0):
                return False
    return True


label(RA, 571, "claim", "right", "mpmath: the right quotient at a relative maximum is <= 0 (two test functions)",
      "c < x < c + delta, relative maximum at c", lambda: _relmax_quotients(1))
label(RA, 575, "claim", "right", "mpmath: the left quotient at a relative maximum is >= 0 (two test functions)",
      "c - delta < y < c, relative maximum at c", lambda: _relmax_quotients(-1))
_n = sp.Symbol("n", positive=True)
label(RA, 591, "claim", "right", "sympy: for f = cos at its maximum c = 0, x_n = 1/n, y_n = -1/n: both limits are 0 = f'(0)",
      "relative maximum at c",
      lambda: sp.limit((sp.cos(1 / _n) - 1) / (1 / _n), _n, sp.oo) == 0
      and sp.limit((sp.cos(-1 / _n) - 1) / (-1 / _n), _n, sp.oo) == 0)
label(RA, 656, "claim", "right", "exact: |-1| = |1|", "f(x) = |x|", lambda: sp.Abs(-1) == sp.Abs(1), pick="f(-1) = f(1)")


def _mvt_witness(f, lo, hi) -> bool:
    """Some c in (lo, hi) has f(hi) - f(lo) = f'(c)(hi - lo) (sympy nsolve from the midpoint, then checked)."""
    slope = (f.subs(x, hi) - f.subs(x, lo)) / (hi - lo)
    for start in np.linspace(float(lo), float(hi), 7)[1:-1]:
        try:
            cc = sp.nsolve(sp.diff(f, x) - slope, x, start)
        except (ValueError, ZeroDivisionError):
            continue
        if lo < cc < hi and abs(sp.N(sp.diff(f, x).subs(x, cc) - slope)) < 1e-12:
            return True
    return False


label(RA, 669, "claim", "right", "sympy nsolve: witnesses c in (a, b) for x^3 on [0, 1], sin x + x^2 on [0, 2], e^x on [-1, 3]",
      "f continuous on [a,b], differentiable on (a,b); some c",
      lambda: _mvt_witness(x**3, 0, 1) and _mvt_witness(sp.sin(x) + x**2, 0, 2) and _mvt_witness(sp.exp(x), -1, 3))
label(RA, 678, "claim", "right", "the mean value theorem's c (line 669): the witnesses found there", "some c",
      lambda: _mvt_witness(x**3, 0, 1) and _mvt_witness(sp.exp(x), -1, 3))
label(RA, 705, "claim", "right", "sympy: g' = f' - slope for g of line 698 (test functions on [0, 2]); at the Rolle point "
      "c (a witness of line 669) both sides are 0", "c from Rolle's theorem",
      lambda: all(zero(sp.diff(f - f.subs(x, b) - (f.subs(x, b) - f.subs(x, a)) / (b - a) * (x - b), x)
                       - (sp.diff(f, x) - (f.subs(x, b) - f.subs(x, a)) / (b - a))) for f in TESTS)
      and _mvt_witness(sp.sin(x) + x**2, 0, 2))


def _cauchy_witness(f, phi, lo, hi) -> bool:
    lhs = (f.subs(x, hi) - f.subs(x, lo)) * sp.diff(phi, x) - sp.diff(f, x) * (phi.subs(x, hi) - phi.subs(x, lo))
    for start in np.linspace(lo, hi, 9)[1:-1]:
        try:
            cc = sp.nsolve(lhs, x, start)
        except (ValueError, ZeroDivisionError):
            continue
        if lo < cc < hi and abs(sp.N(lhs.subs(x, cc))) < 1e-12:
            return True
    return False


label(RA, 723, "claim", "right", "sympy nsolve: witnesses for (f, phi) = (x^2, x^3) on [1, 2] and (sin x, e^x) on [0, 1]",
      "some c in (a, b)", lambda: _cauchy_witness(x**2, x**3, 1, 2) and _cauchy_witness(sp.sin(x), sp.exp(x), 0, 1))
label(RA, 755, "claim", "right", "the mean value theorem on [x, y] (witnesses as at line 669, on [0, 1] and [-1, 3])",
      "some c in (x, y)", lambda: _mvt_witness(x**3, 0, 1) and _mvt_witness(sp.exp(x), -1, 3))
label(RA, 794, "claim", "right", "as line 755", "some c in (x, y)",
      lambda: _mvt_witness(x**3 + x, -2, 1))
label(RA, 785, "claim", "right", "numpy: for the increasing x^3 and e^x the quotient is >= 0 at 200 random pairs",
      "f increasing, x != c",
      lambda: all(((fn(p) - fn(q)) / (p - q) >= 0).all() for fn in (lambda t: t**3, np.exp)
                  for p, q in [(RNG.normal(size=200) * 2, RNG.normal(size=200) * 2)]))
label(RA, 830, "claim", "right", "sympy: diff(x^3) at 0 is 0", "f(x) = x^3", lambda: sp.diff(x**3, x).subs(x, 0) == 0, pick="f'(0) = 0")
label(RA, 933, "claim", "right", "sympy: diff(yx - f) = y - f' for the test functions", "g(x) = yx - f(x)",
      lambda: all(zero(sp.diff(y * x - f, x) - (y - sp.diff(f, x))) for f in TESTS), pick="g'(x) = y-f'(x)")


def _darboux_quotient():
    """g = yx - f with g'(a) > 0: some x > a near a has (g(x) - g(a))/(x - a) > 0 (f = x^2 on [0, 1], y = 1)."""
    g = 1 * x - x**2
    return any((g.subs(x, t) - g.subs(x, 0)) / (t - 0) > 0 for t in (sp.Rational(1, 10), sp.Rational(1, 100)))


label(RA, 937, "claim", "right", "exact: for f = x^2 on [0,1], y = 1 (f'(0) < 1 < f'(1)), x = 1/10 gives quotient 9/10 > 0",
      "g'(a) > 0; some x > a", _darboux_quotient)
_f962 = (x * sp.sin(1 / x))**2
label(RA, 981, "claim", "right", "numpy: (x sin(1/x))^2 >= 0 at 1000 points (a square), f(0) = 0", "f of line 962",
      lambda: bool((np.square(np.linspace(-3, 3, 1000) * np.sin(1 / np.linspace(-3, 3, 1000)))).min() >= 0),
      pick="f(x) \\geq 0")


def _fprime_limits(offset, sign):
    """f'(x) = 2 sin(1/x)(x sin(1/x) - cos(1/x)) at x_n = 4/((8n + offset) pi), where 1/x_n = 2n pi + pi/4 (offset 1)
    or 2n pi + 3pi/4 (offset 3): f'(x_n) = x_n + sign exactly (checked at n = 10, 1000 to 1e-9), so it tends to sign."""
    n = sp.Symbol("n", positive=True, integer=True)
    d = sp.diff(_f962, x)
    xn = 4 / ((8 * n + offset) * sp.pi)
    return all(abs(sp.N(d.subs(x, xn.subs(n, k)) - xn.subs(n, k) - sign, 30)) < 1e-9 for k in (10, 1000))


label(RA, 990, "claim", "right", "sympy: f'(x_n) = x_n - 1 exactly at 1/x_n = 2n pi + pi/4 (checked at n = 10, 1000), "
      "so f'(x_n) -> -1", "x_n = 4/((8n+1) pi)", lambda: _fprime_limits(1, -1))
label(RA, 992, "claim", "right", "sympy: f'(y_n) = y_n + 1 at 1/y_n = 2n pi + 3 pi/4 (n = 10, 1000), so f'(y_n) -> 1",
      "y_n = 4/((8n+3) pi)", lambda: _fprime_limits(3, 1))
label(RA, 998, "claim", "right", "mpmath at 200 points x != 0: the three expressions are equal and <= |x|", "x != 0",
      lambda: all(abs(abs((_f962.subs(x, t) - 0) / t) - abs(t * sp.sin(1 / t)**2)) < 1e-25
                  and abs(t * sp.sin(1 / t)**2) <= abs(t)
                  for t in [sp.Float(v, 30) for v in RNG.uniform(-2, 2, 40)] if t != 0))
label(RA, 1011, "claim", "right", "numpy: (x sin(1/x))^2 <= x^2 at 1000 points", "f of line 962",
      lambda: bool((np.square(np.linspace(-3, 3, 1000) * np.sin(1 / np.linspace(-3, 3, 1000)))
                    <= np.square(np.linspace(-3, 3, 1000)) + 1e-15).all()))


# ---------------------------------------------------------------- lebl_diffyqs_linear_algebra.tex
LA = "lebl_diffyqs_linear_algebra.tex"

nonclaim_table(nonclaim, LA, r"""
36 equation  # the system to solve
66 no-claim  # an n-tuple
112 no-claim  # the notation for a vector
129 definition  # the magnitude
140 definition  # column-vector notation
148 no-claim  # the vector (1,2) as a column
174 definition  # vector addition, entry by entry
210 definition  # scaling, entry by entry
270 condition  # u is a unit vector
293 definition  # F doubles vectors
309 no-claim  # F maps R^2 to R^2
320 no-claim  # an expression
324 no-claim  # an expression
327 no-claim  # what a student 'wants to write' (false in general; not asserted)
336 condition  # linearity: additivity (what 'linear' requires)
341 condition  # linearity: homogeneity
368 no-claim  # notation F x for F(x)
380 definition  # a 3 x 5 matrix A
401 definition  # the standard basis vectors of R^n
425 definition  # the standard basis vectors of R^3
476 definition  # M
521 definition  # A again
659 no-claim  # L f = g: an operator applied to f gives g
663 condition  # linearity of L
695 definition  # A and x
769 definition | Dx = 2x  # D doubles
769 definition | Tx = 3x  # T triples
804 definition  # A and B
1089 no-claim  # sizes in quotation marks
1134 no-claim  # the (i,j) entry as a dot product
1238 no-claim  # a product whose columns are shown next
1250 no-claim  # the columns of that product
1287 definition  # the identity matrix
1560 definition  # B is the inverse of A
1678 no-claim  # a singular matrix
1686 no-claim  # the formula tried on a singular matrix, ending in a question mark
1707 condition  # the invertibility condition
1722 definition  # a diagonal matrix
1951 no-claim  # a symmetric matrix
""")


def _eq(p, q) -> bool:
    return sp.simplify(sp.Matrix(p) - sp.Matrix(q)) == sp.zeros(*sp.Matrix(p).shape)


label(LA, 45, "claim", "right", "sympy: (x - y) + (2x + y) = x+2x-y+y, which is 3x, and 2 + 4 = 6", "the system of line 36",
      lambda: zero((x - y) + (2 * x + y) - (x + 2 * x - y + y)) and zero(x + 2 * x - y + y - 3 * x) and 2 + 4 == 6)
label(LA, 126, "claim", "right", "exact: 1 + 4 = 5", "", lambda: sp.sqrt(1**2 + 2**2) == sp.sqrt(5))
label(LA, 172, "claim", "right", "exact", "", lambda: (1 + 2, 2 + (-3)) == (3, -1))
label(LA, 238, "claim", "right", "sympy matrices", "",
      lambda: _eq(3 * M([1, 2]) + 2 * M([-4, -1]) - 3 * M([-2, 2]), [3 * 1 + 2 * (-4) - 3 * (-2), 3 * 2 + 2 * (-1) - 3 * 2])
      and _eq(3 * M([1, 2]) + 2 * M([-4, -1]) - 3 * M([-2, 2]), [1, -2]))
label(LA, 281, "claim", "right", "sympy: (1,2)/sqrt(5)", "",
      lambda: _eq(M([1, 2]) / sp.sqrt(1**2 + 2**2), [1 / sp.sqrt(5), 2 / sp.sqrt(5)]))
label(LA, 297, "claim", "right", "sympy: 2 (1,3) = (2,6)", "F(x) = 2x", lambda: _eq(2 * M([1, 3]), [2, 6]))
_X, _Y = sp.Matrix(sp.symbols("x1:4")), sp.Matrix(sp.symbols("y1:4"))
label(LA, 347, "claim", "right", "sympy on symbolic 3-vectors with F(x) = 2x", "F(x) = 2x",
      lambda: _eq(2 * (_X + _Y), 2 * _X + 2 * _Y))
label(LA, 357, "claim", "right", "sympy on a symbolic 3-vector", "F(x) = 2x", lambda: _eq(2 * al * _X, al * (2 * _X)))
label(LA, 447, "claim", "right", "sympy", "", lambda: _eq(4 * M([1, 0, 0]) + 5 * M([0, 1, 0]) + 6 * M([0, 0, 1]), [4, 5, 6]))
_M = M([[1, 2], [3, 4]])
label(LA, 489, "claim", "right", "sympy", "M of line 476",
      lambda: _eq(_M * M([1, 0]), [1, 3]) and _eq(_M * M([0, 1]), [2, 4]))
_A35 = sp.Matrix(3, 5, lambda i, j: sp.Symbol(f"a{i + 1}{j + 1}"))
label(LA, 530, "claim", "right", "sympy: A e_j is column j of a symbolic 3 x 5 A", "A of line 521",
      lambda: all(_eq(_A35 * sp.eye(5)[:, j], _A35[:, j]) for j in range(5)))
_x5 = sp.Matrix(sp.symbols("x1:6"))
label(LA, 560, "claim", "right", "sympy", "", lambda: _eq(sum((_x5[j] * sp.eye(5)[:, j] for j in range(5)), sp.zeros(5, 1)), _x5))
_A35b = sp.Matrix(3, 5, lambda i, j: sp.Symbol(f"a{i + 1}{j + 1}"))
label(LA, 598, "claim", "right", "sympy: A (sum x_j e_j) = sum x_j A e_j for a symbolic 3 x 5 A", "",
      lambda: _eq(_A35b * _x5, sum((_x5[j] * (_A35b * sp.eye(5)[:, j]) for j in range(5)), sp.zeros(3, 1))))
label(LA, 620, "claim", "right", "exact rationals: M (-2, 1/10) = (-9/5, -28/5) = (-1.8, -5.6)", "M of line 476",
      lambda: _eq(_M * M([-2, sp.Rational(1, 10)]), -2 * M([1, 3]) + sp.Rational(1, 10) * M([2, 4]))
      and _eq(_M * M([-2, sp.Rational(1, 10)]), [sp.Rational(-18, 10), sp.Rational(-56, 10)]))
_A23 = sp.Matrix(2, 3, lambda i, j: sp.Symbol(f"a{i + 1}{j + 1}"))
_B23 = sp.Matrix(2, 3, lambda i, j: sp.Symbol(f"b{i + 1}{j + 1}"))
_B32 = sp.Matrix(3, 2, lambda i, j: sp.Symbol(f"b{i + 1}{j + 1}"))
label(LA, 708, "claim", "right", "sympy: symbolic 2 x 3 times 3-vector", "",
      lambda: _eq(_A23 * _X, [sum(_A23[0, j] * _X[j] for j in range(3)), sum(_A23[1, j] * _X[j] for j in range(3))]))
label(LA, 724, "claim", "right", "sympy", "", lambda: _eq(_M * M([2, -1]), [1 * 2 + 2 * (-1), 3 * 2 + 4 * (-1)])
      and _eq(_M * M([2, -1]), [0, 2]))
label(LA, 1197, "claim", "right", "the same product as line 724", "", lambda: _eq(_M * M([2, -1]), [0, 2]))
label(LA, 764, "claim", "right", "sympy", "", lambda: zero(al * x + sp.Symbol("beta") * x - (al + sp.Symbol("beta")) * x))
label(LA, 770, "claim", "right", "sympy: 2x + 3x = 5x", "Dx = 2x, Tx = 3x", lambda: zero(2 * x + 3 * x - 5 * x))
label(LA, 776, "claim", "right", "sympy", "", lambda: zero(sp.Symbol("beta") * (al * x) - (sp.Symbol("beta") * al) * x))
label(LA, 781, "claim", "right", "sympy", "", lambda: zero(3 * (2 * x) - 6 * x))


def _random_matrices(shapes, k=5):
    return [[sp.Matrix(RNG.integers(-9, 10, size=s).tolist()) for s in shapes] for _ in range(k)]


label(LA, 797, "claim", "right", "sympy on random integer 3 x 2 matrices and vectors", "A, B of the same size",
      lambda: all(_eq((A + B) * v, A * v + B * v) for A, B, v in _random_matrices([(3, 2), (3, 2), (2, 1)])))
label(LA, 818, "claim", "right", "sympy: entrywise sum of symbolic 2 x 3 matrices", "A, B of line 804",
      lambda: _eq(_A23 + _B23, sp.Matrix(2, 3, lambda i, j: _A23[i, j] + _B23[i, j])))
label(LA, 826, "claim", "right", "sympy", "",
      lambda: _eq(M([[1, 2], [3, 4], [5, 6]]) + M([[7, 8], [9, 10], [11, -1]]), [[8, 10], [12, 14], [16, 5]])
      and _eq(M([[1 + 7, 2 + 8], [3 + 9, 4 + 10], [5 + 11, 6 - 1]]), [[8, 10], [12, 14], [16, 5]]))


def _split_854():
    """Every member of the split chain equals (6, 10, 27)."""
    A, B, v = M([[1, 2], [3, 4], [5, 6]]), M([[7, 8], [9, 10], [11, -1]]), M([2, -1])
    target = M([6, 10, 27])
    members = [A * v + B * v,
               (2 * M([1, 3, 5]) - M([2, 4, 6])) + (2 * M([7, 9, 11]) - M([8, 10, -1])),
               2 * (M([1, 3, 5]) + M([7, 9, 11])) - (M([2, 4, 6]) + M([8, 10, -1])),
               2 * M([1 + 7, 3 + 9, 5 + 11]) - M([2 + 8, 4 + 10, 6 - 1]),
               2 * M([8, 12, 16]) - M([10, 14, 5]),
               M([[8, 10], [12, 14], [16, 5]]) * v,
               M([2 * 8 - 10, 2 * 12 - 14, 2 * 16 - 5])]
    return all(_eq(m, target) for m in members)


label(LA, 854, "claim", "right", "sympy: every member of the chain, and the aside, is (6, 10, 27)", "", _split_854)
label(LA, 1000, "claim", "right", "sympy", "", lambda: _eq(_M + sp.zeros(2, 2), _M))
label(LA, 1027, "claim", "right", "sympy, random integer matrices", "",
      lambda: all(_eq((3 * A) * v, 3 * (A * v)) for A, v in _random_matrices([(3, 2), (2, 1)])))
label(LA, 1033, "claim", "right", "sympy: alpha times a symbolic 2 x 3 matrix is entrywise", "",
      lambda: _eq(al * _A23, sp.Matrix(2, 3, lambda i, j: al * _A23[i, j])))
label(LA, 1047, "claim", "right", "sympy", "", lambda: _eq(2 * M([[1, 2, 3], [4, 5, 6]]), [[2, 4, 6], [8, 10, 12]]))
_be = sp.Symbol("beta")
label(LA, 1062, "claim", "right", "sympy on random integer 2 x 3 matrices and symbolic alpha, beta", "",
      lambda: all(_eq(A + sp.zeros(2, 3), A) and _eq(sp.zeros(2, 3) + A, A) and _eq(A + B, B + A)
                  and _eq((A + B) + C, A + (B + C)) and _eq(al * (A + B), al * A + al * B)
                  and _eq((al + _be) * A, al * A + _be * A)
                  for A, B, C in _random_matrices([(2, 3)] * 3)))
label(LA, 1081, "claim", "right", "sympy, random integer A (2 x 3), B (3 x 4), x", "",
      lambda: all(_eq((A * B) * v, A * (B * v)) for A, B, v in _random_matrices([(2, 3), (3, 4), (4, 1)])))
label(LA, 1109, "claim", "right", "sympy: a symbolic row times a column", "",
      lambda: zero((sp.Matrix([sp.symbols("a1:4")]) * sp.Matrix(sp.symbols("b1:4")))[0]
                   - sum(sp.Symbol(f"a{i}") * sp.Symbol(f"b{i}") for i in (1, 2, 3))))
label(LA, 1140, "claim", "right", "sympy: symbolic 2 x 3 times 3 x 2", "",
      lambda: _eq(_A23 * _B32, sp.Matrix(2, 2, lambda i, j: sum(_A23[i, k] * _B32[k, j] for k in range(3)))))
label(LA, 1167, "claim", "right", "sympy", "",
      lambda: _eq(M([[1, 2, 3], [4, 5, 6]]) * M([[-1, 2], [-7, 0], [1, -1]]), [[-12, -1], [-33, 2]])
      and _eq(M([[1 * (-1) + 2 * (-7) + 3 * 1, 1 * 2 + 2 * 0 + 3 * (-1)],
                 [4 * (-1) + 5 * (-7) + 6 * 1, 4 * 2 + 5 * 0 + 6 * (-1)]]), [[-12, -1], [-33, 2]]))
label(LA, 1227, "claim", "right", "sympy, random integer A (2 x 3), B (3 x 4): column j of AB is A b_j", "",
      lambda: all(all(_eq((A * B)[:, j], A * B[:, j]) for j in range(4)) for A, B in _random_matrices([(2, 3), (3, 4)])))
_A22 = sp.Matrix(2, 2, lambda i, j: sp.Symbol(f"a{i + 1}{j + 1}"))
label(LA, 1296, "claim", "right", "sympy: symbolic 2 x 2 times I", "", lambda: _eq(_A22 * sp.eye(2), _A22))
label(LA, 1328, "claim", "right", "sympy on random integer 2 x 2 and 2 x 3 matrices, symbolic alpha", "",
      lambda: all(_eq(A * (B * C), (A * B) * C) and _eq(A * (B + C), A * B + A * C) and _eq((B + C) * A, B * A + C * A)
                  and _eq(al * (A * B), (al * A) * B) and _eq((al * A) * B, A * (al * B))
                  and _eq(sp.eye(2) * A, A) and _eq(A, A * sp.eye(2)) for A, B, C in _random_matrices([(2, 2)] * 3)))
_A, _B, _C = M([[-3, 3], [2, -2]]), M([[4, 4], [1, -3]]), M([[-1, 4], [5, 2]])
label(LA, 1339, "claim", "right", "sympy", "",
      lambda: _eq(_B * _C, [[16, 24], [-16, -2]]) and _eq(_A * (_B * _C), [[-96, -78], [64, 52]]))
label(LA, 1376, "claim", "right", "sympy", "",
      lambda: _eq(_A * _B, [[-9, -21], [6, 14]]) and _eq((_A * _B) * _C, [[-96, -78], [64, 52]]))
label(LA, 1413, "claim", "right", "sympy", "", lambda: _eq(10 * (_A * _B), [[-90, -210], [60, 140]]))
label(LA, 1441, "claim", "right", "sympy", "",
      lambda: _eq(10 * _A, [[-30, 30], [20, -20]]) and _eq((10 * _A) * _B, [[-90, -210], [60, 140]]))
label(LA, 1474, "claim", "right", "sympy", "",
      lambda: _eq(10 * _B, [[40, 40], [10, -30]]) and _eq(_A * (10 * _B), [[-90, -210], [60, 140]]))
label(LA, 1520, "claim", "right", "sympy: AB = [[1,2],[1,2]], BA = [[1,1],[2,2]], and they differ", "",
      lambda: _eq(M([[1, 1], [1, 1]]) * M([[1, 0], [0, 2]]), [[1, 2], [1, 2]])
      and _eq(M([[1, 0], [0, 2]]) * M([[1, 1], [1, 1]]), [[1, 1], [2, 2]]) and M([[1, 2], [1, 2]]) != M([[1, 1], [2, 2]]))
label(LA, 1546, "claim", "right", "sympy", "",
      lambda: _eq(M([[0, 1], [0, 0]]) ** 2, sp.zeros(2, 2)) and _eq(M([[0, 1], [0, 0]]) * M([[0, 2], [0, 0]]), sp.zeros(2, 2)))
label(LA, 1564, "claim", "right", "sympy: random invertible integer 3 x 3", "A invertible",
      lambda: all(_eq(A.inv().inv(), A) for (A,) in _random_matrices([(3, 3)]) if A.det() != 0))
label(LA, 1571, "claim", "right", "sympy", "a != 0", lambda: zero(sp.Symbol("a", nonzero=True)**-1 - 1 / sp.Symbol("a", nonzero=True)), pick="a^{-1} =")


def _cancel_chain():
    """With A invertible and AB = AC: each row of the chain holds (A^-1 A = I), so B = C; checked on random A and
    C = B + N with A N = 0 impossible for invertible A: B = C is forced (A^-1 (AB - AC) = B - C)."""
    for A, B in _random_matrices([(3, 3), (3, 2)]):
        if A.det() == 0:
            continue
        Ai = A.inv()
        if not (_eq(Ai * A, sp.eye(3)) and _eq(Ai * (A * B), B)):
            return False
    return True


label(LA, 1592, "claim", "right", "sympy: for random invertible A, A^-1 A = I and A^-1 (AB) = B, so AB = AC forces B = C",
      "A invertible", _cancel_chain)
_a, _b, _c, _d = sp.symbols("a b c d")
label(LA, 1612, "claim", "right", "sympy: inverse of a symbolic 2 x 2 matrix", "ad - bc != 0",
      lambda: _eq(M([[_a, _b], [_c, _d]]).inv(), M([[_d, -_b], [-_c, _a]]) / (_a * _d - _b * _c)))
label(LA, 1626, "claim", "right", "sympy", "",
      lambda: _eq(M([[1, 1], [2, 4]]).inv(), sp.Rational(1, 1 * 4 - 1 * 2) * M([[4, -1], [-2, 1]]))
      and _eq(M([[1, 1], [2, 4]]).inv(), [[2, sp.Rational(-1, 2)], [-1, sp.Rational(1, 2)]]))
label(LA, 1644, "claim", "right", "sympy", "",
      lambda: _eq(M([[1, 1], [2, 4]]) * M([[2, sp.Rational(-1, 2)], [-1, sp.Rational(1, 2)]]), sp.eye(2))
      and _eq(M([[2, sp.Rational(-1, 2)], [-1, sp.Rational(1, 2)]]) * M([[1, 1], [2, 4]]), sp.eye(2)))
label(LA, 1733, "claim", "right", "sympy", "", lambda: _eq(sp.diag(1, 2, 3) * M([4, 5, 6]), [4, 10, 18]))
label(LA, 1753, "claim", "right", "sympy", "",
      lambda: _eq(sp.diag(2, 3, -1) * sp.ones(3, 3), [[2, 2, 2], [3, 3, 3], [-1, -1, -1]]))
label(LA, 1772, "claim", "right", "sympy", "",
      lambda: _eq(sp.ones(3, 3) * sp.diag(2, 3, -1), [[2, 3, -1]] * 3))
label(LA, 1791, "claim", "right", "sympy", "", lambda: _eq(sp.diag(1, 2, 3) * sp.diag(2, 3, -1), sp.diag(2, 6, -3)))
_d1, _d2, _d3 = sp.symbols("d1:4", nonzero=True)
label(LA, 1818, "claim", "right", "sympy: inverse of a symbolic diagonal matrix", "d_i != 0",
      lambda: _eq(sp.diag(_d1, _d2, _d3).inv(), sp.diag(1 / _d1, 1 / _d2, 1 / _d3)))
label(LA, 1832, "claim", "right", "sympy", "",
      lambda: _eq(sp.diag(2, 3, 4).inv(), sp.diag(sp.Rational(1, 2), sp.Rational(1, 3), sp.Rational(1, 4)))
      and _eq(sp.diag(2, 3, 4).inv() * sp.diag(2, 3, 4), sp.eye(3)))
label(LA, 1885, "claim", "right", "sympy", "", lambda: _eq(M([[1, 2, 3], [4, 5, 6]]).T, [[1, 4], [2, 5], [3, 6]]))
label(LA, 1901, "claim", "right", "sympy on random integer 2 x 3 and 3 x 4 matrices", "",
      lambda: all(_eq((A * B).T, B.T * A.T) for A, B in _random_matrices([(2, 3), (3, 4)])))
label(LA, 1905, "claim", "right", "sympy", "",
      lambda: _eq((M([[1, 2, 3], [4, 5, 6]]) * M([[0, 1], [1, 0], [2, -2]])).T,
                  M([[0, 1, 2], [1, 0, -2]]) * M([[1, 4], [2, 5], [3, 6]])))
label(LA, 1934, "claim", "right", "sympy on random integer matrices", "",
      lambda: all(_eq((A * v).T, v.T * A.T) for A, v in _random_matrices([(2, 3), (3, 1)])))
label(LA, 1944, "claim", "right", "sympy: x . y = y^T x for symbolic 3-vectors", "",
      lambda: zero(_X.dot(_Y) - (_Y.T * _X)[0]))


if __name__ == "__main__":
    sys.exit(check_entries(ENTRIES, _latex, sys.argv[1:]))
