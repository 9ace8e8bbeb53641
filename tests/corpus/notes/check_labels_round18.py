r"""Independent checks of the hand labels of the round-18 sources of tests/corpus/notes, labelled before Formulary was
run on them (held out): three sources no earlier round used, in the styles the issue's unseen measurement uses.

* ``lebl_ra2_several_variables_derivative.tex``: Jiri Lebl, *Basic Analysis II*, chapter "Several Variables and
  Partial Derivatives", the section "The derivative" and the start of "Continuity and the derivative" (CC BY-SA 4.0):
  multivariable calculus in a LaTeX textbook, ``defn``/``prop``/``thm``/``proof`` environments, ``split`` and
  ``multline*`` chains, Jacobian matrices, the chain rule, gradients and directional derivatives, ``\snorm`` norms.
* ``labbe_kalman_gaussians.md`` and ``labbe_kalman_multivariate_gaussians.md``: Roger Labbe, *Kalman and Bayesian
  Filters in Python*, chapters "Probabilities, Gaussians, and Bayes' Theorem" and "Multivariate Gaussians" (CC BY 4.0):
  Jupyter Markdown; means, variances and covariances computed by hand with rounded results, Bayes' theorem, the
  product and the sum of Gaussians derived with ``\propto`` chains, covariance matrices in ``bmatrix``.
* ``krohn_ml_foundations_probability.md``: Jon Krohn, *Machine Learning Foundations*, "Probability & Information
  Theory" (MIT): a deep-learning course's study notes; ``$$`` inline in sentences, ``\text{...}`` event names,
  ``\approx`` with rounded decimals, combinatorics, self-information, entropy, KL divergence and the cross-entropy cost.

As in the earlier rounds: each entry names a block by ``(file, line[, pick])``, gives its role and label, says how it
was checked and, for ``right``/``wrong``, carries a check written by hand with sympy, mpmath or numpy that returns True
when the block's claim holds.  Rounded numbers are right when the exact value is within one unit of the last digit
written (as in round 3).  A claim about an arbitrary function is checked on named test functions that meet the stated
hypotheses (as in rounds 7 and 16), an existential claim by finding its witness.  Nothing from the Formulary code base
is imported.

    python3 tests/corpus/notes/check_labels_round18.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round18.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import mpmath as mp
import numpy as np
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import check_entries, nonclaim_table, recorder
from check_labels_round3 import _masked
from check_labels_round5 import _blocks as _pandoc_blocks

RNG = np.random.default_rng(18)
ENTRIES, label, nonclaim = recorder()
x, y, t, p, q = sp.symbols("x y t p q", real=True)


def zero(expr) -> bool:
    return sp.simplify(expr) == 0


def near(value, written, unit) -> bool:
    """A rounded number: the exact ``value`` is within one unit of the last digit written."""
    return abs(float(value) - written) <= unit + 1e-15


def _mathjax_blocks(text: str):
    """(line, inner text) of ``$$...$$`` and ``$...$`` with MathJax's pairing (a Jupyter notebook's Markdown renders
    ``$ P = \\frac{3}{8} $`` as math, which Pandoc's rule of round 5 does not): the next ``$`` closes."""
    masked, out, i = _masked(text, False), [], 0
    masked = re.sub(r"`[^`\n]*`", lambda m: " " * len(m.group(0)), masked)
    while True:
        j = masked.find("$", i)
        if j < 0:
            return out
        if masked[j - 1:j] == "\\":
            i = j + 1
            continue
        if masked.startswith("$$", j):
            k = masked.find("$$", j + 2)
            if k < 0:
                return out
            out.append((masked.count("\n", 0, j) + 1, text[j + 2:k]))
            i = k + 2
            continue
        k = j + 1
        while k < len(masked) and (masked[k] != "$" or masked[k - 1] == "\\"):
            k += 1
        if k >= len(masked):
            return out
        out.append((masked.count("\n", 0, j) + 1, text[j + 1:k]))
        i = k + 1


def _latex(entry) -> str:
    """The block an entry names: the one on its line (``pick``: the one whose text contains it)."""
    path = HERE / entry["file"]
    text = path.read_text(encoding="utf-8")
    blocks = _pandoc_blocks(text, True) if path.suffix == ".tex" else _mathjax_blocks(text)
    found = [inner for line, inner in blocks if line == entry["line"]]
    if entry["pick"] is not None:
        found = [inner for inner in found if entry["pick"] in inner]
    elif len(found) > 1:
        found = [inner for inner in found if re.search(r"[=<>]|\\in\b|\\[lg]eq?\b|\\ne|\\propto|\\approx", inner)]
    if len(found) != 1:
        raise SystemExit(f"{entry['file']}:{entry['line']}: {len(found)} blocks match {entry['pick']!r}")
    return found[0]


# ---------------------------------------------------------------- lebl_ra2_several_variables_derivative.tex
RA = "lebl_ra2_several_variables_derivative.tex"
_h1, _h2 = sp.symbols("h1 h2", real=True)
_a, _b, _c, _d = sp.symbols("a b c d", real=True)
_F2 = sp.Matrix([1 + x + 2 * y + x**2, 2 * x + 3 * y + x * y])
"""The example's f(x, y) = (1 + x + 2y + x^2, 2x + 3y + xy)."""
_G = sp.Matrix([sp.sin(x) * y, x + y**2, sp.exp(x - y)])
"""A test map g: R^2 -> R^3 for the chain rule."""
_Fv = sp.Matrix([x**2 * y + sp.sin(y), sp.cos(x) + x * y**3])
"""A test map f: R^2 -> R^2."""
_f = x**2 * y + sp.exp(x) * sp.cos(y)
"""A test function f: R^2 -> R."""
_gam = sp.Matrix([sp.cos(t) + t, t**2 - 1])
"""A test curve gamma: R -> R^2."""


def _jac(F, vars_=(x, y)):
    return F.jacobian(sp.Matrix(vars_))


def _rand_vec(n):
    return np.array(RNG.normal(size=n))


def _num(F, at):
    return np.array(sp.lambdify((x, y), F, "numpy")(*at), dtype=float).reshape(-1)


def _ra_chain_proof():
    """The chain rule proof's split chain at random p, h for the test maps f: R^2 -> R^2 and g: R^2 -> R^3: the two
    equalities (F = g o f, f(p+h) = q + k, Ah = k - r(h)), the triangle inequality with ||B|| the operator norm, and the
    last equality (multiply and divide by ||k||)."""
    A_ = sp.lambdify((x, y), _jac(_Fv), "numpy")
    B_ = sp.lambdify((x, y), _jac(_G), "numpy")
    f_ = lambda v: _num(_Fv, v)
    g_ = lambda v: _num(_G, v)
    for _ in range(10):
        pt, h = _rand_vec(2), 0.3 * _rand_vec(2)
        A, q_ = np.array(A_(*pt), dtype=float), f_(pt)
        B = np.array(B_(*q_), dtype=float)
        k = f_(pt + h) - q_
        r = k - A @ h
        nh, nk = np.linalg.norm(h), np.linalg.norm(k)
        s0 = np.linalg.norm(g_(f_(pt + h)) - g_(f_(pt)) - B @ A @ h) / nh
        s2 = np.linalg.norm(g_(q_ + k) - g_(q_) - B @ (k - r)) / nh
        s3 = np.linalg.norm(g_(q_ + k) - g_(q_) - B @ k) / nh + np.linalg.norm(B, 2) * np.linalg.norm(r) / nh
        s4 = (np.linalg.norm(g_(q_ + k) - g_(q_) - B @ k) / nk * np.linalg.norm(f_(pt + h) - f_(pt)) / nh
              + np.linalg.norm(B, 2) * np.linalg.norm(r) / nh)
        if not (abs(s0 - s2) < 1e-9 and s2 <= s3 + 1e-12 and abs(s3 - s4) < 1e-9):
            return False
    return True


def _ra_bounded():
    """||f(p+h)-f(p)||/||h|| <= ||f(p+h)-f(p)-Ah||/||h|| + ||Ah||/||h|| <= ... + ||A|| at random points."""
    A_ = sp.lambdify((x, y), _jac(_Fv), "numpy")
    for _ in range(20):
        pt, h = _rand_vec(2), _rand_vec(2)
        A = np.array(A_(*pt), dtype=float)
        d = _num(_Fv, pt + h) - _num(_Fv, pt)
        nh = np.linalg.norm(h)
        l0 = np.linalg.norm(d) / nh
        l1 = np.linalg.norm(d - A @ h) / nh + np.linalg.norm(A @ h) / nh
        l2 = np.linalg.norm(d - A @ h) / nh + np.linalg.norm(A, 2)
        if not (l0 <= l1 + 1e-12 and l1 <= l2 + 1e-12):
            return False
    return True


def _ra_uniqueness():
    """The uniqueness proof: (A-B)h = (u - Ah) - (u - Bh) for any u, then the triangle inequality; at random values."""
    for _ in range(20):
        A, B, h, u = RNG.normal(size=(3, 2)), RNG.normal(size=(3, 2)), _rand_vec(2), _rand_vec(3)
        lhs = np.linalg.norm((A - B) @ h) / np.linalg.norm(h)
        mid = np.linalg.norm(u - A @ h - (u - B @ h)) / np.linalg.norm(h)
        rhs = np.linalg.norm(u - A @ h) / np.linalg.norm(h) + np.linalg.norm(u - B @ h) / np.linalg.norm(h)
        if not (abs(lhs - mid) < 1e-12 and mid <= rhs + 1e-12):
            return False
    return True


def _ra_homogeneous():
    for _ in range(20):
        A, h = RNG.normal(size=(3, 2)), _rand_vec(2)
        if abs(np.linalg.norm(A @ h) / np.linalg.norm(h) - np.linalg.norm(A @ (h / np.linalg.norm(h)))) > 1e-12:
            return False
    return True


def _ra_linear():
    for _ in range(20):
        A, xv, h = RNG.normal(size=(3, 2)), _rand_vec(2), _rand_vec(2)
        if np.linalg.norm(A @ (xv + h) - A @ xv - A @ h) > 1e-12:
            return False
    return True


def _ra_column_sums():
    """f'(p) e_j is column j of the Jacobian; f'(p) v = sum_j sum_k c_j df_k/dx_j e_k, both groupings."""
    J = _jac(_Fv).subs({x: sp.Rational(1, 3), y: -2})
    c1, c2 = sp.symbols("c1 c2")
    v = sp.Matrix([c1, c2])
    double = sp.Matrix([sum(v[j] * J[k, j] for j in range(2)) for k in range(2)])
    return all(J * sp.eye(2)[:, j] == J[:, j] for j in range(2)) and zero((J * v - double).norm())


def _ra_partial_limit():
    """The difference quotient along e_j tends to f'(p) e_j, component by component, for the test map at p = (1/2, 1)."""
    h = sp.Symbol("h")
    at = {x: sp.Rational(1, 2), y: 1}
    J = _jac(_Fv).subs(at)
    for j, shift in enumerate(({x: at[x] + h, y: at[y]}, {x: at[x], y: at[y] + h})):
        quot = (_Fv.subs(shift) - _Fv.subs(at)) / h
        if any(sp.simplify(sp.limit(quot[k], h, 0) - J[k, j]) != 0 for k in range(2)):
            return False
    return True


def _ra_split_partial():
    """||(f(p+he_j)-f(p))/h - f'(p)e_j|| = ||(f(p+he_j)-f(p)-f'(p)he_j)/h|| = ||...||/||he_j|| at random p, h."""
    A_ = sp.lambdify((x, y), _jac(_Fv), "numpy")
    for _ in range(10):
        pt, h = _rand_vec(2), float(RNG.normal())
        A = np.array(A_(*pt), dtype=float)
        e = np.array([1.0, 0.0])
        d = _num(_Fv, pt + h * e) - _num(_Fv, pt)
        a0 = np.linalg.norm(d / h - A @ e)
        a1 = np.linalg.norm((d - A @ (h * e)) / h)
        a2 = np.linalg.norm(d - A @ (h * e)) / np.linalg.norm(h * e)
        if not (abs(a0 - a1) < 1e-9 and abs(a1 - a2) < 1e-9):
            return False
    return True


def _ra_curve():
    """g = f o gamma: g' = f'(gamma) gamma' = sum_j df/dx_j dgamma_j/dt = grad f . gamma'."""
    g = _f.subs({x: _gam[0], y: _gam[1]}, simultaneous=True)
    grad = sp.Matrix([sp.diff(_f, x), sp.diff(_f, y)]).subs({x: _gam[0], y: _gam[1]}, simultaneous=True)
    return zero(sp.diff(g, t) - grad.dot(sp.diff(_gam, t)))


def _ra_directional():
    """D_u f(x) = d/dt f(x + t u) at t = 0 = grad f(x) . u for a unit u."""
    u = sp.Matrix([sp.Rational(3, 5), sp.Rational(-4, 5)])
    at = {x: sp.Rational(1, 2), y: sp.Rational(1, 3)}
    along = _f.subs({x: at[x] + t * u[0], y: at[y] + t * u[1]}, simultaneous=True)
    grad = sp.Matrix([sp.diff(_f, x), sp.diff(_f, y)]).subs(at)
    return zero(sp.diff(along, t).subs(t, 0) - grad.dot(u))


def _ra_cauchy_schwarz():
    for _ in range(50):
        g, u = _rand_vec(3), _rand_vec(3)
        u /= np.linalg.norm(u)
        if abs(g @ u) > np.linalg.norm(g) + 1e-12:
            return False
    return True


def _ra_max_direction():
    g = _rand_vec(3)
    u = g / np.linalg.norm(g)
    return abs(g @ u - np.linalg.norm(g)) < 1e-12


def _ra_jacobian_chain():
    """J_{f o g}(x) = J_f(g(x)) J_g(x) for two test maps R^2 -> R^2."""
    g = sp.Matrix([x + y**2, x * y])
    comp = _Fv.subs({x: g[0], y: g[1]}, simultaneous=True)
    lhs = _jac(comp).det()
    rhs = _jac(_Fv).det().subs({x: g[0], y: g[1]}, simultaneous=True) * _jac(g).det()
    return zero(sp.expand(lhs - rhs))


def _ra_same_tangent():
    """Two curves with gamma(0) = alpha(0) and gamma'(0) = alpha'(0) give F(gamma) and F(alpha) the same derivative."""
    gam = sp.Matrix([t + t**2, 1 + 2 * t])
    alp = sp.Matrix([sp.sin(t), sp.exp(2 * t)])
    F = x**3 + x * y
    d = lambda c: sp.diff(F.subs({x: c[0], y: c[1]}, simultaneous=True), t).subs(t, 0)
    return zero(d(gam) - d(alp))


def _ra_vector_mvt():
    """phi(t) = (cos t, sin t) on [0, 1]: ||phi(1) - phi(0)|| = 2 sin(1/2) <= 1 * ||phi'(t0)|| = 1 for every t0."""
    return float(2 * sp.sin(sp.Rational(1, 2))) <= 1.0


def _ra_mvt_chain():
    """The split chain for phi(t) = (t^2, t^3) on [0, 1]: the first two equalities, and a t0 in (0, 1) solving the
    scalar mean value theorem; then the Cauchy-Schwarz bound at that t0."""
    a, b = 0, 1
    phi = sp.Matrix([t**2, t**3])
    d = phi.subs(t, b) - phi.subs(t, a)
    eq1 = zero(d.norm() ** 2 - d.dot(d))
    eq2 = zero(d.dot(d) - (d.dot(phi.subs(t, b)) - d.dot(phi.subs(t, a))))
    t0 = sp.nsolve((b - a) * d.dot(sp.diff(phi, t)) - d.dot(d), t, 0.6)
    inside = 0 < t0 < 1
    cs = float(d.dot(d)) <= float((b - a) * d.norm() * sp.diff(phi, t).subs(t, t0).norm()) + 1e-12
    return eq1 and eq2 and inside and cs


def _ra_lipschitz():
    """f = (sin x, cos y) on R^2 has ||f'|| <= 1 (the operator norm of diag(cos x, -sin y)): ||f(x)-f(y)|| <= ||x-y||."""
    for _ in range(50):
        u, v = 3 * _rand_vec(2), 3 * _rand_vec(2)
        fu, fv = np.array([np.sin(u[0]), np.cos(u[1])]), np.array([np.sin(v[0]), np.cos(v[1])])
        if np.linalg.norm(fu - fv) > np.linalg.norm(u - v) + 1e-12:
            return False
    return True


def _ra_segment_derivative():
    xv, yv = sp.Matrix(sp.symbols("x1 x2")), sp.Matrix(sp.symbols("y1 y2"))
    seg = (1 - t) * xv + t * yv
    lhs = sp.diff(_Fv.subs({x: seg[0], y: seg[1]}, simultaneous=True), t)
    rhs = _jac(_Fv).subs({x: seg[0], y: seg[1]}, simultaneous=True) * (yv - xv)
    return zero((lhs - rhs).norm() ** 2) or all(zero(e) for e in (lhs - rhs))


def _ra_lipschitz_chain():
    """Scalar f = sin, x = 0.3, y = 2.1: the mean value point t0 gives |f(x) - f(y)| = |d/dt f((1-t)x + ty)| at t0 =
    |f'(...)| |y - x| <= 1 |y - x|."""
    xa, ya = sp.Rational(3, 10), sp.Rational(21, 10)
    seg = (1 - t) * xa + t * ya
    deriv = sp.diff(sp.sin(seg), t)
    t0 = sp.nsolve(deriv - (sp.sin(ya) - sp.sin(xa)), t, 0.5)
    lhs = abs(float(sp.sin(xa) - sp.sin(ya)))
    mid = abs(float(deriv.subs(t, t0)))
    return 0 < t0 < 1 and abs(lhs - mid) < 1e-12 and mid <= abs(float(sp.cos(seg.subs(t, t0)))) * float(ya - xa) + 1e-12 \
        and abs(float(sp.cos(seg.subs(t, t0)))) * float(ya - xa) <= float(ya - xa)


def _ra_angle():
    """2 arctan(y / (x + sqrt(x^2 + y^2))) is the angle atan2(y, x) on the slit annulus."""
    for _ in range(200):
        r, th = RNG.uniform(0.75, 1.4), RNG.uniform(-np.pi + 1e-6, np.pi - 1e-6)
        xv, yv = r * np.cos(th), r * np.sin(th)
        if abs(2 * np.arctan(yv / (xv + np.hypot(xv, yv))) - np.arctan2(yv, xv)) > 1e-9:
            return False
    return True


def _ra_chain_wrong():
    """F = g o f has F' = g'(f) f' but (f o g)' is another map: f = x^2, g = x + 1 give 2x against 2(x + 1)."""
    f, g = x**2, x + 1
    return zero(sp.diff(g.subs(x, f), x) - sp.diff(f.subs(x, g), x))


def _ra_chain_rule():
    comp = _G.subs({x: _Fv[0], y: _Fv[1]}, simultaneous=True)
    rhs = _jac(_G).subs({x: _Fv[0], y: _Fv[1]}, simultaneous=True) * _jac(_Fv)
    return all(zero(e) for e in (_jac(comp) - rhs))


nonclaim_table(nonclaim, RA, r"""
40 no-claim  # the one-variable difference quotient's limit, an expression
64 definition  # differentiability: the limit that defines A
68 definition | Df(x) := A  # Df(x) := A
99 condition  # the proposition's two hypotheses
154 definition  # f(x, y) := (1 + x + 2y + x^2, 2x + 3y + xy)
177 example | a=1  # the choice a = 1
200 definition  # r(h) := f(p+h) - f(p) - f'(p) h
224 definition  # F := g o f
243 definition  # r(h) := f(p+h) - f(p) - Ah
344 definition  # the partial derivative
372 no-claim  # the Jacobian matrix
467 definition  # the gradient
498 definition  # g := f o gamma
532 definition  # the directional derivative
544 definition  # gamma(t) := x + tu
564 condition  # u := grad f / ||grad f||, the equality case
588 definition  # the Jacobian determinant
592 no-claim  # notation for the Jacobian
636 definition  # f := sqrt(x^2 + y^2)
668 definition  # f := xy/(x^2+y^2) by cases
690 definition  # f := x^2 y/(x^2+y^2) by cases
752 definition  # the Peano surface
791 condition  # f <= g <= h
867 condition  # ||f'(x)|| <= M on U
906 definition  # the slit annulus U
948 definition  # U' and U''
""")

label(RA, 44, "claim", "right", "sympy: the three quotients agree; the limit is 0 when a = f'(x), on test functions",
      "a the derivative of f at x",
      lambda: all(zero((f.subs(x, x + t) - f) / t - sp.diff(f, x) - (f.subs(x, x + t) - f - sp.diff(f, x) * t) / t)
                  and sp.limit((f.subs(x, sp.Rational(1, 2) + t) - f.subs(x, sp.Rational(1, 2))
                                - sp.diff(f, x).subs(x, sp.Rational(1, 2)) * t) / t, t, 0) == 0
                  for f in (sp.sin(x) + x**2, sp.exp(x) - 3 * x)))
label(RA, 111, "claim", "right", "numpy: the equality (any vector u) and the triangle inequality at 20 random points", "",
      _ra_uniqueness)
label(RA, 124, "claim", "right", "numpy: ||Ah||/||h|| = ||A (h/||h||)|| at 20 random points", "epsilon > the quotient",
      _ra_homogeneous)
label(RA, 143, "claim", "right", "numpy: A(x+h) - Ax - Ah = 0 for random linear A", "f(x) = Ax", _ra_linear)
label(RA, 164, "claim", "right", "sympy: f(h) - f(0) - (ah1+bh2, ch1+dh2) has the two components written", "",
      lambda: zero((_F2.subs({x: _h1, y: _h2}) - _F2.subs({x: 0, y: 0}) - sp.Matrix([_a * _h1 + _b * _h2, _c * _h1 + _d * _h2])
                    - sp.Matrix([(1 - _a) * _h1 + (2 - _b) * _h2 + _h1**2, (2 - _c) * _h1 + (3 - _d) * _h2 + _h1 * _h2])).norm()))
label(RA, 178, "claim", "right", "sympy: sqrt(h1^4 + h1^2 h2^2) = |h1| sqrt(h1^2 + h2^2); the quotient is |h1|", "h != 0",
      lambda: zero(sp.sqrt(_h1**4 + _h1**2 * _h2**2) - sp.Abs(_h1) * sp.sqrt(_h1**2 + _h2**2)))
label(RA, 228, "claim", "right", "sympy: Jacobian of g(f(x)) = Jacobian of g at f(x) times that of f, test maps",
      "f differentiable at p, g at f(p)", _ra_chain_rule)
label(RA, 234, "claim", "wrong", "sympy: (f o g)' differs from g' f' = F' (a typo for (g o f)'): f = x^2, g = x + 1 give "
      "2(x+1) against 2x", "F = g o f", _ra_chain_wrong)
label(RA, 249, "claim", "right", "numpy: each step of the chain rule proof's split at 10 random points, test maps",
      "A = f'(p), B = g'(f(p)), q = f(p), k = f(p+h) - f(p)", _ra_chain_proof)
label(RA, 299, "claim", "right", "numpy: the two inequalities at 20 random points with ||A|| the operator norm",
      "A = f'(p)", _ra_bounded)
label(RA, 399, "claim", "right", "sympy: J e_j is column j of the Jacobian", "", _ra_column_sums)
label(RA, 405, "claim", "right", "sympy: J v equals the double sum, grouped either way", "", _ra_column_sums)
label(RA, 421, "claim", "right", "numpy: the three norms agree at 10 random points (||e_j|| = 1)", "", _ra_split_partial)
label(RA, 431, "claim", "right", "sympy: limits of the quotients along e_1, e_2 equal the Jacobian's columns",
      "f differentiable at p", _ra_partial_limit)
label(RA, 441, "claim", "right", "sympy: the component quotients' limits are the Jacobian's entries", "f differentiable",
      _ra_partial_limit)
label(RA, 471, "claim", "right", "sympy: f'(x) v = grad f . v for a test f and symbolic v", "",
      lambda: zero((sp.Matrix([[sp.diff(_f, x), sp.diff(_f, y)]]) * sp.Matrix(sp.symbols("v1 v2")))[0]
                   - sp.Matrix([sp.diff(_f, x), sp.diff(_f, y)]).dot(sp.Matrix(sp.symbols("v1 v2")))),
      pick="\\nabla")
label(RA, 503, "claim", "right", "sympy: d/dt f(gamma(t)) = sum_j df/dx_j dgamma_j/dt for a test f and curve",
      "g = f o gamma", _ra_curve)
label(RA, 521, "claim", "right", "sympy: the same derivative as a dot product with the gradient", "g = f o gamma",
      _ra_curve)
label(RA, 549, "claim", "right", "sympy: D_u f = grad f . u for u = (3/5, -4/5)", "||u|| = 1", _ra_directional)
label(RA, 559, "claim", "right", "numpy: |g . u| <= ||g|| for 50 random g, unit u", "||u|| = 1", _ra_cauchy_schwarz)
label(RA, 568, "claim", "right", "numpy: g . (g/||g||) = ||g||", "u = grad f/||grad f||", _ra_max_direction)
label(RA, 605, "claim", "right", "numpy: det(AB) = det A det B for random 3 x 3 matrices", "",
      lambda: all(abs(np.linalg.det(A @ B) - np.linalg.det(A) * np.linalg.det(B)) < 1e-9
                  for A, B in (RNG.normal(size=(2, 3, 3)) for _ in range(10))))
label(RA, 606, "claim", "right", "sympy: det Jacobian of f o g = det J_f(g(x)) det J_g(x), test maps", "",
      _ra_jacobian_chain)
label(RA, 624, "claim", "right", "sympy: two curves with the same value and tangent at 0 give the same derivative",
      "gamma(0) = alpha(0), gamma'(0) = alpha'(0)", _ra_same_tangent)
label(RA, 813, "claim", "right", "sympy: witness for phi = (cos t, sin t) on [0, 1]", "phi differentiable", _ra_vector_mvt)
label(RA, 824, "claim", "right", "sympy: the equalities for phi = (t^2, t^3) on [0,1], t0 by nsolve in (0,1)",
      "some t0 in (a, b)", _ra_mvt_chain)
label(RA, 850, "claim", "right", "sympy: the same t0; the Cauchy-Schwarz bound", "some t0 in (a, b)", _ra_mvt_chain)
label(RA, 872, "claim", "right", "numpy: (sin x, cos y) with ||f'|| <= 1 is 1-Lipschitz at 50 random pairs",
      "U convex, ||f'|| <= M", _ra_lipschitz)
label(RA, 884, "claim", "right", "sympy: chain rule along the segment for the test map", "", _ra_segment_derivative)
label(RA, 891, "claim", "right", "sympy: f = sin, M = 1: the mean value t0 (nsolve) and each inequality",
      "||f'|| <= M on U convex", _ra_lipschitz_chain)
label(RA, 913, "claim", "right", "numpy: equals atan2(y, x) at 200 points of the slit annulus", "(x, y) in U", _ra_angle)
label(RA, 926, "claim", "right", "sympy: ||(0, 2 eps)|| = 2 eps", "epsilon > 0",
      lambda: zero(sp.Matrix([0, 2 * sp.Symbol("e", positive=True)]).norm() - 2 * sp.Symbol("e", positive=True)),
      pick="2\\epsilon")


# ---------------------------------------------------------------- labbe_kalman_gaussians.md
KG = "labbe_kalman_gaussians.md"
_s1, _s2, _sz, _sb = sp.symbols("sigma1 sigma2 sigma_z sigma_b", positive=True)
_m1, _m2, _mb, _z = sp.symbols("mu1 mu2 mu_b z", real=True)
_HX = [sp.Rational(s) for s in ("1.8", "2.0", "1.7", "1.9", "1.6")]
_HY = [sp.Rational(s) for s in ("2.2", "1.5", "2.3", "1.7", "1.3")]


def _pvar(xs):
    m = sum(xs) / len(xs)
    return sum((v - m) ** 2 for v in xs) / len(xs)


def _gauss(v, m, s):
    return sp.exp(-(v - m) ** 2 / (2 * s**2)) / (s * sp.sqrt(2 * sp.pi))


def _product_params():
    """N(x; mu1, s1^2) N(x; mu2, s2^2) / N(x; mu, s^2) does not depend on x for the stated mu, s^2."""
    mu = (_s1**2 * _m2 + _s2**2 * _m1) / (_s1**2 + _s2**2)
    var = _s1**2 * _s2**2 / (_s1**2 + _s2**2)
    ratio = sp.log(_gauss(x, _m1, _s1)) + sp.log(_gauss(x, _m2, _s2)) - sp.log(_gauss(x, mu, sp.sqrt(var)))
    return zero(sp.diff(sp.expand_log(ratio, force=True), x))


def _sum_params():
    """The density of X1 + X2 (independent normals) by convolution is N(mu1 + mu2, s1^2 + s2^2), by mpmath quadrature
    at three points for mu1 = 0.3, s1 = 0.7, mu2 = -1.1, s2 = 1.3."""
    mp.mp.dps = 20
    n = lambda v, m, s: mp.exp(-(v - m) ** 2 / (2 * s**2)) / (s * mp.sqrt(2 * mp.pi))
    m1, s1, m2, s2 = 0.3, 0.7, -1.1, 1.3
    for v in (-2.0, -0.8, 1.5):
        conv = mp.quad(lambda u, v=v: n(v - u, m1, s1) * n(u, m2, s2), [-mp.inf, mp.inf])
        if abs(conv - n(v, m1 + m2, mp.sqrt(s1**2 + s2**2))) > 1e-12:
            return False
    return True


def _bayes_enumerated():
    """Bayes' rule and the total-probability form of its evidence on a random 3 x 4 joint law (exact rationals)."""
    w = sp.Matrix(3, 4, lambda i, j: sp.Rational(int(RNG.integers(1, 9)), 1))
    P = w / sum(w)
    pa, pb = [sum(P[i, :]) for i in range(3)], [sum(P[:, j]) for j in range(4)]
    ok = all(zero(P[i, j] / pb[j] - (P[i, j] / pa[i]) * pa[i] / pb[j]) for i in range(3) for j in range(4))
    ok &= all(zero(pb[j] - sum((P[i, j] / pa[i]) * pa[i] for i in range(3))) for j in range(4))
    return ok


def _total_probability():
    """P(X^t = i) = sum_j P(X^{t-1} = j) P(i | j) for a random prior and transition matrix."""
    prior = RNG.dirichlet(np.ones(5))
    T = RNG.dirichlet(np.ones(5), size=5)  # T[j, i] = P(i | j)
    joint = prior[:, None] * T
    return np.allclose(joint.sum(axis=0), prior @ T)


def _propto(*exprs, var=x):
    """Each expression differs from the first by a factor free of ``var`` (logs differ by a constant)."""
    base = sp.expand(sp.expand_log(sp.log(exprs[0]), force=True))
    return all(zero(sp.diff(sp.expand(sp.expand_log(sp.log(e), force=True)) - base, var)) for e in exprs[1:])


_E = lambda a: sp.exp(a)
_post_mu = (_sz**2 * _mb + _sb**2 * _z) / (_sb**2 + _sz**2)
_post_var = _sz**2 * _sb**2 / (_sb**2 + _sz**2)

nonclaim_table(nonclaim, KG, r"""
37 definition  # a fair coin's law
43 condition  # probabilities sum to one
47 condition  # densities integrate to one
55 definition  # the heights X
65 definition  # the mean
85 definition  # E[X] = sum p_i x_i
93 definition  # E[X] as an integral
114 definition  # the uniform density
116 example | a=0  # a = 0
134 definition  # VAR(X) = E[(X - mu)^2]
142 example  # mu_x = 1.8
155 definition  # sigma = sqrt(VAR)
180 definition  # the heights Y
215 example  # sigma^2 = 2.03 for the data without the outlier
221 definition  # the Gaussian density
231 no-claim  # f(x) proportional to e^{-x^2}, shorn of constants
241 definition  # mass as an integral of density
259 definition  # temp ~ N(22, 4)
269 definition  # the precision
319 definition  # the update rule in words
323 no-claim  # the update rule with a normalisation bar
393 definition  # the likelihood's density
395 definition  # the prior's density
433 definition  # mu_posterior read off
436 definition  # the posterior variance read off
442 no-claim  # N_1 = ||N_2 N_3||
""")

label(KG, 31, "claim", "right", "exact: a fair die gives 1/6", "fair six-sided die", lambda: sp.Rational(1, 6) == 1 / sp.Integer(6))
label(KG, 59, "claim", "right", "sympy: (1.8+2.0+1.7+1.9+1.6)/5 = 1.8 exactly", "",
      lambda: sum(_HX) / 5 == sp.Rational(9, 5))
label(KG, 75, "claim", "right", "exact: (1+3+5)/3 = 3", "", lambda: sp.Rational(1 + 3 + 5, 3) == 3)
label(KG, 79, "claim", "right", "exact rationals: 0.8 + 0.45 + 0.25 = 1.5", "",
      lambda: 1 * sp.Rational(8, 10) + 3 * sp.Rational(15, 100) + 5 * sp.Rational(5, 100) == sp.Rational(3, 2))
label(KG, 89, "claim", "right", "sympy: sum p_i x_i with p_i = 1/n is the mean (n = 5, symbolic x_i)", "p_i = 1/n",
      lambda: zero(sum(sp.Rational(1, 5) * v for v in sp.symbols("x1:6")) - sum(sp.symbols("x1:6")) / 5))
label(KG, 106, "claim", "right", "exact: the die's mean is 7/2 by both forms", "fair die",
      lambda: sum(sp.Rational(1, 6) * k for k in range(1, 7)) == sp.Rational(7, 2)
      and sp.Rational(1, 6) * 21 == sp.Rational(7, 2))
label(KG, 119, "claim", "right", "sympy: integral of x/20 on [0, 20] = [x^2/40] = 10", "a = 0, b = 20",
      lambda: sp.integrate(x / 20, (x, 0, 20)) == 10 and (x**2 / 40).subs(x, 20) - 0 == 10)
label(KG, 138, "claim", "right", "sympy: E[(X-mu)^2] with p_i = 1/n is (1/n) sum (x_i - mu)^2", "p_i = 1/n",
      lambda: zero(sum(sp.Rational(1, 5) * (v - sp.Symbol("mu")) ** 2 for v in sp.symbols("x1:6"))
                   - sum((v - sp.Symbol("mu")) ** 2 for v in sp.symbols("x1:6")) / 5))
label(KG, 144, "claim", "right", "exact rationals: the squares are 0, 0.04, 0.01, 0.01, 0.04 and the mean square 0.02",
      "mu = 1.8", lambda: _pvar(_HX) == sp.Rational(1, 50)
      and [(v - sp.Rational(9, 5)) ** 2 for v in _HX] == [0, sp.Rational(1, 25), sp.Rational(1, 100), sp.Rational(1, 100), sp.Rational(1, 25)])
label(KG, 161, "claim", "right", "mpmath: sqrt(0.02) = 0.141421..., within a unit of 0.1414", "",
      lambda: near(mp.sqrt(mp.mpf(1) / 50), 0.1414, 1e-4))
label(KG, 170, "claim", "right", "0.1414^2 = 0.01999396, 0.02 to the digits written", "",
      lambda: near(0.1414**2, 0.02, 1e-2))
label(KG, 184, "claim", "right", "exact: the mean square is 0.152, sqrt(0.152) = 0.3899 ~ 0.39", "mu = 1.8",
      lambda: _pvar(_HY) == sp.Rational(152, 1000) and near(mp.sqrt(mp.mpf("0.152")), 0.39, 0.01))
label(KG, 194, "claim", "right", "exact: all deviations are 0", "", lambda: _pvar([sp.Rational(9, 5)] * 5) == 0)
label(KG, 207, "claim", "right", "exact: the deviations sum to 0", "", lambda: (3 - 0) + (-3 - 0) + (3 - 0) + (-3 - 0) == 0)
label(KG, 275, "claim", "right", "exact: 0.2^2 = 0.04", "sigma = 0.2", lambda: sp.Rational(2, 10) ** 2 == sp.Rational(4, 100),
      pick="= .04")
label(KG, 289, "claim", "right", "sympy: the product of two normal densities is proportional to N(mu, sigma^2) with "
      "these parameters (log ratio free of x)", "", _product_params)
label(KG, 295, "claim", "right", "mpmath quadrature: the convolution of N(0.3, 0.49) and N(-1.1, 1.69) is N(-0.8, 2.18)",
      "independent", _sum_params)
label(KG, 307, "claim", "right", "the same parameters as line 289", "", _product_params)
label(KG, 331, "claim", "right", "exact enumeration on a random 3 x 4 joint law", "P(B) > 0", _bayes_enumerated)
label(KG, 337, "claim", "right", "exact enumeration on a random 3 x 4 joint law", "p(B) > 0", _bayes_enumerated)
label(KG, 343, "claim", "right", "exact enumeration on a random 3 x 4 joint law", "p(z) > 0", _bayes_enumerated)
label(KG, 351, "claim", "right", "exact enumeration: the evidence is the sum over A_j of p(B|A_j)p(A_j)", "",
      _bayes_enumerated)
label(KG, 357, "claim", "right", "exact enumeration: the posterior over x_i is the numerator up to the factor 1/p(Z)", "",
      _bayes_enumerated)
label(KG, 365, "claim", "right", "numpy: a random prior times a random transition matrix", "", _total_probability)
label(KG, 385, "claim", "right", "exact enumeration on a random joint law", "", _bayes_enumerated)
label(KG, 389, "claim", "right", "exact enumeration: equal up to the factor 1/p(z)", "", _bayes_enumerated)
label(KG, 399, "claim", "right", "sympy: the three members differ from the product of the two densities by factors free "
      "of x", "", lambda: _propto(_gauss(_z, x, _sz) * _gauss(x, _mb, _sb),
                                  _E(-(_z - x) ** 2 / (2 * _sz**2)) * _E(-(x - _mb) ** 2 / (2 * _sb**2)),
                                  _E(-(_z - x) ** 2 / (2 * _sz**2) - (x - _mb) ** 2 / (2 * _sb**2)),
                                  _E(-(_sb**2 * (_z - x) ** 2 + _sz**2 * (x - _mb) ** 2) / (2 * _sz**2 * _sb**2))))
label(KG, 407, "claim", "right", "sympy: both members are the product up to factors free of x", "",
      lambda: _propto(_gauss(_z, x, _sz) * _gauss(x, _mb, _sb),
                      _E(-(_sb**2 * (_z**2 - 2 * x * _z + x**2) + _sz**2 * (x**2 - 2 * x * _mb + _mb**2)) / (2 * _sz**2 * _sb**2)),
                      _E(-(x**2 * (_sb**2 + _sz**2) - 2 * x * (_sz**2 * _mb + _sb**2 * _z) + (_sb**2 * _z**2 + _sz**2 * _mb**2))
                         / (2 * _sz**2 * _sb**2))))
label(KG, 414, "claim", "right", "sympy: proportional to the product (constant term dropped)", "",
      lambda: _propto(_gauss(_z, x, _sz) * _gauss(x, _mb, _sb),
                      _E(-sp.Rational(1, 2) * (x**2 * (_sb**2 + _sz**2) - 2 * x * (_sz**2 * _mb + _sb**2 * _z)) / (_sz**2 * _sb**2))))
label(KG, 419, "claim", "right", "sympy: dividing numerator and denominator leaves the same exponent", "",
      lambda: _propto(_gauss(_z, x, _sz) * _gauss(x, _mb, _sb),
                      _E(-sp.Rational(1, 2) * (x**2 - 2 * x * _post_mu) / _post_var)))
label(KG, 424, "claim", "right", "sympy: completing the square changes a factor free of x", "",
      lambda: _propto(_gauss(_z, x, _sz) * _gauss(x, _mb, _sb), _E(-sp.Rational(1, 2) * (x - _post_mu) ** 2 / _post_var)))
label(KG, 429, "claim", "right", "sympy: the normal density is the exponential times a factor free of x", "",
      lambda: _propto(_gauss(x, _m1, _s1), _E(-sp.Rational(1, 2) * (x - _m1) ** 2 / _s1**2)))
label(KG, 450, "claim", "right", "mpmath quadrature as line 295", "independent", _sum_params)
label(KG, 482, "claim", "right", "mpmath quadrature as line 295", "independent", _sum_params)


# ---------------------------------------------------------------- labbe_kalman_multivariate_gaussians.md
KM = "labbe_kalman_multivariate_gaussians.md"
_W = [sp.Rational(s) for s in ("70.1", "91.2", "59.5", "93.2", "53.5")]


def _pcov(xs, ys):
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((a - mx) * (b - my) for a, b in zip(xs, ys)) / len(xs)


def _mvn_reduces():
    """The n-dimensional density at n = 1 is the univariate one; at n = 2 with a diagonal Sigma it is the product."""
    s1, s2 = sp.symbols("s1 s2", positive=True)
    m1, m2, x1, x2 = sp.symbols("m1 m2 x1 x2", real=True)
    S = sp.diag(s1**2, s2**2)
    d = sp.Matrix([x1 - m1, x2 - m2])
    f = sp.exp(-(d.T * S.inv() * d)[0] / 2) / sp.sqrt((2 * sp.pi) ** 2 * S.det())
    return zero(f - _gauss(x1, m1, s1) * _gauss(x2, m2, s2))


def _mv_product():
    """N(x; m1, S1) N(x; m2, S2) is proportional in x to N(x; m, S) with the stated m and S (random SPD 2 x 2): the
    log ratio has zero gradient at random points."""
    A, B = RNG.normal(size=(2, 2, 2))
    S1, S2 = A @ A.T + np.eye(2), B @ B.T + np.eye(2)
    m1, m2 = _rand_vec(2), _rand_vec(2)
    S = S1 @ np.linalg.inv(S1 + S2) @ S2
    m = S2 @ np.linalg.inv(S1 + S2) @ m1 + S1 @ np.linalg.inv(S1 + S2) @ m2
    def logn(v, mu, Sig):
        d = v - mu
        return -0.5 * d @ np.linalg.solve(Sig, d)
    for _ in range(5):
        v, e = _rand_vec(2), 1e-5
        g = [(logn(v + e * u, m1, S1) + logn(v + e * u, m2, S2) - logn(v + e * u, m, S)
              - (logn(v - e * u, m1, S1) + logn(v - e * u, m2, S2) - logn(v - e * u, m, S))) / (2 * e)
             for u in np.eye(2)]
        if max(abs(c) for c in g) > 1e-6:
            return False
    return True


def _inverse_is_inverse(A) -> bool:
    return np.allclose(A @ np.linalg.inv(A), np.eye(len(A)))


nonclaim_table(nonclaim, KM, r"""
21 definition  # the mean vector
25 example | x = 2  # x = 2
27 example  # mu = (2, 17)
33 no-claim  # the variances as a vector
47 definition  # the covariance
51 definition  # E[X] by cases
55 definition  # E[X] with equal weights
61 definition  # VAR and COV side by side
67 definition  # the covariance matrix
80 example  # Sigma = diag(10, 4)
84 example  # Sigma with covariance 1.2
89 example  # Sigma with covariance -9.7
104 definition  # the covariance matrix of H and W
135 example  # sigma_xy = -3.08 from a plot's data
141 definition  # the univariate density
148 definition  # the multivariate density
168 example  # mu and Sigma of the first plot
177 example  # mu and Sigma of the second plot
186 example  # mu and Sigma of the third plot
201 definition  # Pearson's rho
211 example | x=7.5  # x = 7.5
215 example | y=x^2  # y = x^2
242 no-claim  # matrix 'division', written as an analogy (approx)
252 example  # a measurement covariance
""")

label(KM, 91, "claim", "right", "sympy: E[(X-mx)(Y-my)] is symmetric in X and Y", "",
      lambda: zero(_pcov(list(sp.symbols("a1:4")), list(sp.symbols("b1:4")))
                   - _pcov(list(sp.symbols("b1:4")), list(sp.symbols("a1:4")))))
label(KM, 95, "claim", "right", "exact rationals: each step gives 1/50", "equal weights 1/N",
      lambda: _pvar(_HX) == sp.Rational(1, 50))
label(KM, 109, "claim", "right", "exact: mu_W = 73.5; the mean square 261.788 ~ 261.8", "equal weights 1/N",
      lambda: sum(_W) / 5 == sp.Rational(147, 2) and near(_pvar(_W), 261.8, 0.1))
label(KM, 117, "claim", "right", "exact: the products sum to 10.91, /5 = 2.182 ~ 2.18", "equal weights 1/N",
      lambda: near(_pcov(_HX, _W), 2.18, 0.01))
label(KM, 158, "claim", "right", "exact: 1/6 * 1/6 = 1/36", "two fair dice",
      lambda: sp.Rational(1, 6) * sp.Rational(1, 6) == sp.Rational(1, 36))
label(KM, 223, "claim", "right", "numpy: the product of two normal densities (random SPD covariances) is proportional to "
      "the normal with this mean and covariance", "", _mv_product)
label(KM, 235, "claim", "right", "sympy: the univariate product as in the Gaussians chapter", "", _product_params)
label(KM, 240, "claim", "right", "numpy: A A^{-1} = I for a random invertible A", "A invertible",
      lambda: _inverse_is_inverse(RNG.normal(size=(3, 3)) + 3 * np.eye(3)))


# ---------------------------------------------------------------- krohn_ml_foundations_probability.md
KR = "krohn_ml_foundations_probability.md"
R = sp.Rational

nonclaim_table(nonclaim, KR, r"""
21 definition  # P(event) as a ratio of counts
57 definition  # n choose k
59 example | n = 3  # n = 3
62 definition  # the same ratio restated
90 definition  # self-information
107 definition  # Shannon entropy
113 example  # P(1) = 1
117 example  # P(0) = P(1) = 0.5
122 example | p=0  # p = 0
131 definition  # KL divergence
139 definition  # the cross-entropy cost
""")

label(KR, 25, "claim", "right", "exact: 1/2 = 0.5", "fair coin", lambda: R(1, 2) == R(5, 10))
label(KR, 27, "claim", "right", "exact: 1/2 = 0.5", "fair coin", lambda: R(1, 2) == R(5, 10))
label(KR, 31, "claim", "right", "1/52 = 0.01923, within a unit of 0.019", "", lambda: near(R(1, 52), 0.019, 1e-3))
label(KR, 33, "claim", "right", "4/52 = 0.0769, within a unit of 0.077", "", lambda: near(R(4, 52), 0.077, 1e-3))
label(KR, 36, "claim", "right", "exact: 13/52 = 1/4", "", lambda: R(13, 52) == R(1, 4))
label(KR, 37, "claim", "right", "16/52 = 0.30769, within a unit of the last digit of 0.307", "",
      lambda: near(R(16, 52), 0.307, 1e-3))
label(KR, 38, "claim", "right", "exact", "", lambda: R(52, 52) == 1)
label(KR, 39, "claim", "right", "exact", "", lambda: R(0, 52) == 0)
label(KR, 43, "claim", "right", "exact: 1/4 = 0.25", "", lambda: R(1, 4) == R(25, 100))
label(KR, 45, "claim", "right", "exact: 1/8 = 0.125", "", lambda: R(1, 8) == R(125, 1000))
label(KR, 47, "claim", "right", "exact: 3/8 = 0.375", "", lambda: R(3, 8) == R(375, 1000), pick="3}{8")
label(KR, 51, "claim", "right", "exact: 1/4 * 1/8 = 1/32 = 0.03125 ~ 0.031", "independent flips",
      lambda: R(1, 4) * R(1, 8) == R(1, 32) and near(R(1, 32), 0.031, 1e-3))
label(KR, 55, "claim", "right", "exact: 4! = 24", "", lambda: sp.factorial(4) == 4 * 3 * 2 * 1 == 24)
label(KR, 60, "claim", "right", "exact: every member is 3", "n = 3, k = 2",
      lambda: sp.binomial(3, 2) == sp.factorial(3) / (sp.factorial(2) * sp.factorial(1)) == R(6, 2) == 3)
label(KR, 64, "claim", "right", "exact: 3/2^3 = 3/8 = 0.375", "n = 3", lambda: R(3, 2**3) == R(3, 8) and near(R(3, 8), 0.375, 1e-3))
label(KR, 77, "claim", "right", "1/52^2 = 1/2704 = 0.000369822 ~ 0.00037 = 0.037 %", "with replacement",
      lambda: R(1, 52) ** 2 == R(1, 2704) and near(R(1, 2704), 0.00037, 1e-5) and R(37, 100000) == R(37, 1000) / 100)
label(KR, 79, "claim", "right", "exact", "", lambda: R(52, 52) == 1)
label(KR, 80, "claim", "right", "1/52 ~ 0.019", "", lambda: near(R(1, 52), 0.019, 1e-3))
label(KR, 81, "claim", "right", "exact product, then 1/52 ~ 0.019", "", lambda: 1 * R(1, 52) == R(1, 52) and near(R(1, 52), 0.019, 1e-3))
label(KR, 83, "claim", "right", "exact: every member is 10", "n = 5, k = 3",
      lambda: sp.binomial(5, 3) == sp.factorial(5) / (sp.factorial(3) * sp.factorial(2)) == R(120, 12) == 10)
label(KR, 85, "claim", "right", "exact: 10/32 = 0.3125", "n = 5", lambda: R(10, 2**5) == R(3125, 10000))
label(KR, 102, "example", "not-a-claim", "the probability whose self-information follows (-ln 0.1 = 2.303 nats)")
label(KR, 120, "no-claim", "not-a-claim", "the binary entropy as an expression, (p-1)log(1-p) - p log p = -(p log p + "
      "(1-p) log(1-p)) (sympy, checked although no relation is written)")


if __name__ == "__main__":
    sys.exit(check_entries(ENTRIES, _latex, sys.argv[1:]))
