r"""A Taylor branch where a sum of terms cancels at a point (as Herbie does): :mod:`codegen.rules` registers it.

========================  =====================================================================
rule                      identity
========================  =====================================================================
``taylor_branch``         $f(x) = \begin{cases} T_N f(x) & |x| < r \\ f(x) & \text{else} \end{cases}$ up to $|f - T_N f| < 10^{-17}|f|$ on $|x| < r$
========================  =====================================================================

$x - \tanh x$, $x - \sin x$, $e^{x} - 1 - x$ and the 0/0 forms of derivatives
($\frac{x e^{x} - e^{x} + 1}{x^2}$) lose every digit near $x = 0$: their terms are of order 1 (or of
order $x$, or $1/x$) while their sum is of order $x^3$ (or $x$, or 1).  The Taylor polynomial
$T_N f$ at 0, in Horner form, has no such cancellation there.

How a candidate is found, mechanically (no list of functions): a subexpression in one variable
(a symbol or one indexed entry, e.g. $x_i$, or a sum whose variables enter only through one subexpression $u$,
$\frac{|x|}{c} - \operatorname{log1p}\frac{|x|}{c}$ at $u = |x|/c$, expanded in $u$) holding a sum whose terms are at least
:data:`CANCELLATION` times larger than the sum at $x = \pm$:data:`PROBE` (evaluated in mpmath).
Where the variable's subexpression is part of a larger sum or product, the terms or factors in that
variable alone are taken together ($g \cdot \frac{...}{x}$: the factors in $x$).

How $r$ and $N$ are chosen, both measured against mpmath at 50 digits:

* $r$: the smallest radius on the grid :data:`RADII` such that the direct form, evaluated in
  float64, is within :data:`DIRECT_ACCURACY` (1e-13) relative at every sample of
  $\pm r \cdot$ :data:`OUTSIDE` (from $r$ to $30 r$);
* $N$: the smallest order such that $|f - T_N f| < $ :data:`TRUNCATION` $|f|$ (1e-17) at every
  sample of $\pm r \cdot$ :data:`INSIDE`, $N \le$ :data:`MAX_ORDER`.

No branch is put where either cannot be met (the series has a pole or a log at 0, or converges too
slowly within $r$).  The identity the branch rests on is Taylor's theorem (the derivation
``taylor_branch``: the remainder $f - T_N f$ is $O(x^{N+1})$); the truncation bound is measured per
application as above.  The definitions' search (:mod:`codegen.define_search`) keeps the branch only
where it measures more accurate.

A function ``expr -> expr`` (a rule's ``apply``); this module knows nothing of the registry.
"""
from __future__ import annotations

import functools

import mpmath
import numpy as np
import sympy as sp

from derivations.numeric.printers import FormularyNumPyPrinter
from symbolic.functions import Held, ReduceMax

POINTS = (0, 1, -1)
"""The points where a cancellation is looked for, in this order: 0 (x - tanh x, e^x - 1 - x), and 1 and -1
(x - 1 - log x, the 0/0 of log(x)/(x - 1) - 1): integers, where the shift x - x0 is exact near x0."""
PROBE = mpmath.mpf("1e-6")
"""Where cancellation is looked for: $10^{-6}$ from the point (near enough that a sum vanishing like $x^k$ shows it)."""
CANCELLATION = 1e3
"""Terms this many times larger than their sum: at least 3 digits lost at the probe (more nearer the point)."""
DIRECT_ACCURACY = 1e-13
"""The direct form must be this accurate (relative, float64) outside the branch: 10 times below the 1e-12 target."""
TRUNCATION = 1e-17
"""The Taylor polynomial's truncation error inside the branch, relative: below float64's half ulp (1.1e-16)."""
MAX_ORDER = 30
"""The highest order of the Taylor polynomial; a series that needs more is not used."""
RADII = tuple(sp.Rational(m, 10 ** k) for k in range(8, 0, -1) for m in (1, 2, 5)) + (sp.S.One,)
"""Candidate radii, from 1e-8 to 1 (1, 2, 5 per decade): the smallest that works is kept."""
NEAREST = sp.Rational(1, 10 ** 10)
r"""Where the direct form is accurate already at $x_0 \pm$ this (and out to 30 times it), its sum does not lose digits
in float64 however its terms compare ($1 - t$ near $t = 1$ is exact, Sterbenz): no branch, whose polynomial would
be the same sum ($-(t - 1)$) under a ``where``, and whose per-entry ``where`` in the Tversky gradient's sums made
the costly rules take a minute."""
OUTSIDE = (1, 1.25, 1.5, 2, 3, 5, 7, 10, 20, 30)
INSIDE = (1, 0.9, 0.5, 0.2, 0.1, 0.01)
MAX_OPS = 80
"""Subexpressions larger than this (sympy's ``count_ops``) are not expanded (sympy's series would be slow)."""
DIGITS = 50


def _leaves(e) -> set:
    """The variables of ``e``: its indexed entries and the symbols not inside one."""
    idx = e.atoms(sp.Indexed)
    inner = set().union(*(a.free_symbols for a in idx)) if idx else set()
    return idx | {s for s in e.free_symbols if s not in inner}


def _single_leaf(e):
    """The one real variable of ``e`` (an integer, such as a size ``n`` in ``n - 1``, is not one), else None."""
    leaves = _leaves(e)
    leaf = next(iter(leaves)) if len(leaves) == 1 else None
    return None if leaf is None or leaf.is_integer else leaf


NOT_ANALYTIC = (sp.Abs, sp.sign, sp.Max, sp.Min, sp.Heaviside, sp.Piecewise, sp.floor, sp.ceiling, ReduceMax, sp.Sum)
"""Subexpressions holding these are not expanded (no Taylor series at a kink; sums over an axis are not scalars)."""


def _mp(f, t):
    return sp.lambdify((t,), f, modules="mpmath")


def _real(v):
    if isinstance(v, mpmath.mpc):
        if abs(v.imag) > 1e-40 * max(abs(v.real), mpmath.mpf(1e-300)):
            return None
        v = v.real
    return v if mpmath.isfinite(v) else None


def _value(fn, x):
    try:
        with mpmath.workdps(DIGITS):
            return _real(fn(mpmath.mpf(x)))
    except (ZeroDivisionError, ValueError, TypeError, OverflowError):
        return None


def _cancels(f, t, x0) -> bool:
    """Some sum in ``f`` has terms :data:`CANCELLATION` times larger than itself at $t = x_0 \\pm$ :data:`PROBE`."""
    for a in sp.preorder_traversal(f):
        if not isinstance(a, sp.Add):
            continue
        try:
            terms = [_mp(u, t) for u in a.args]
            whole = _mp(a, t)
        except Exception:  # noqa: BLE001  (a function mpmath cannot evaluate: no evidence of cancellation)
            continue
        for x in (x0 + PROBE, x0 - PROBE):
            vals = [_value(fn, x) for fn in terms]
            s = _value(whole, x)
            if s is None or any(v is None for v in vals):
                continue
            big = max(abs(v) for v in vals)
            if big > 0 and big > CANCELLATION * abs(s):
                return True
    return False


def _direct_ok(f, t, r, x0) -> bool:
    try:
        direct = sp.lambdify((t,), f, modules="numpy", printer=FormularyNumPyPrinter)
        truth = _mp(f, t)
    except Exception:  # noqa: BLE001  (a function either side cannot print: no branch)
        return False
    seen = False
    for k in OUTSIDE:
        for s in (1, -1):
            x = float(x0 + s * k * r)
            want = _value(truth, x)
            if want is None or want == 0:
                continue
            with np.errstate(all="ignore"):
                try:
                    got = float(direct(np.float64(x)))
                except Exception:  # noqa: BLE001  (a function the plain printer leaves to a module not loaded: no branch)
                    return False
            if not np.isfinite(got) or abs(mpmath.mpf(got) - want) > DIRECT_ACCURACY * abs(want):
                return False
            seen = True
    return seen


def _radius(f, t, x0):
    return next((r for r in RADII if _direct_ok(f, t, r, x0)), None)


def _series_terms(f, t, x0):
    """``[(power, coefficient)]`` of the Taylor series of ``f`` at $x_0$ (powers of $t - x_0$) up to :data:`MAX_ORDER`, or None."""
    try:
        s = sp.series(f.xreplace({t: t + x0}), t, 0, MAX_ORDER + 1).removeO()
        poly = sp.Poly(sp.expand(s), t)
    except Exception:  # noqa: BLE001  (no series sympy can compute: a pole, a log, an unknown function)
        return None
    if not all(c.is_Rational for c in poly.coeffs()):
        return None
    return sorted(((m[0], c) for m, c in zip(poly.monoms(), poly.coeffs())), key=lambda p: p[0])


def _order(f, t, r, terms, x0):
    """The shortest prefix of ``terms`` within :data:`TRUNCATION` of ``f`` on $|t - x_0| \\le r$, or None."""
    truth = _mp(f, t)
    points = [s * k * r for k in INSIDE for s in (1, -1)]
    with mpmath.workdps(DIGITS):  # the shift s exactly (a float), and the point x0 + s to 50 digits
        shifts = [mpmath.mpf(float(x)) for x in points]
        wants = [(u, _value(truth, x0 + u)) for u in shifts]
    wants = [(x, w) for x, w in wants if w is not None and w != 0]
    if not wants:
        return None
    for n in range(1, len(terms) + 1):
        ok = True
        with mpmath.workdps(DIGITS):
            for x, w in wants:
                p = mpmath.fsum(mpmath.mpf(c.p) / c.q * x ** k for k, c in terms[:n])
                if abs(p - w) > TRUNCATION * abs(w):
                    ok = False
                    break
        if ok:
            return terms[:n]
    return None


def taylor_polynomial(terms, x):
    r"""$\sum_k c_k x^k$ in Horner form, the lowest power factored out: $x^{k_0}(c_{k_0} + x(c_{k_0+1} + \dots))$."""
    k0 = terms[0][0]
    coeffs = dict(terms)
    out = sp.S.Zero
    for k in range(terms[-1][0], k0 - 1, -1):
        out = coeffs.get(k, sp.S.Zero) + (sp.Mul(x, out, evaluate=False) if out != 0 else 0)
    return sp.Mul(x ** k0, out, evaluate=False) if k0 else out


@functools.lru_cache(maxsize=4096)
def branch(e):
    r"""``Piecewise((T_N e, |x - x_0| < r), (e, True))`` for ``e`` in one variable $x$ whose sums cancel at a point
    $x_0$ of :data:`POINTS`, else None.

    Cached: the search stabilizes the same subexpressions once per candidate."""
    if sp.count_ops(e) > MAX_OPS:
        return None
    t = sp.Dummy("t", real=True)
    leaf = _single_leaf(e)
    leaf, f = (leaf, e.xreplace({leaf: t})) if leaf is not None else _single_argument(e, t)
    if leaf is None:
        return None
    if f.has(*NOT_ANALYTIC):
        return None
    for x0 in POINTS:
        if not _cancels(f, t, x0):
            continue
        r = _radius(f, t, x0)
        if r is None or _direct_ok(f, t, NEAREST, x0):
            continue
        terms = _series_terms(f, t, x0)
        if not terms:
            continue
        kept = _order(f, t, r, terms, x0)
        if kept is not None:
            # a composite u held: sympy would write u^2 = |x|^2/c^2, whose square of c underflows where u does not
            u = leaf - x0 if leaf.is_Atom or isinstance(leaf, sp.Indexed) else Held(leaf - x0)
            return sp.Piecewise((taylor_polynomial(kept, u), sp.Abs(leaf - x0) < r), (e, True))
    return None


def _single_argument(e, t):
    r"""``(u, f)``: the one subexpression $u$ (not a number, not ``e`` itself) through which alone ``e`` depends on its
    variables: $\frac{|x|}{c} - \operatorname{log1p}\frac{|x|}{c}$ (the Fair loss) is $u - \operatorname{log1p} u$ at
    $u = |x|/c$, whose series at 0 is taken in $u$ (a kink inside $u$, $|x|$ here, stays outside the polynomial).
    The largest such $u$ first (a subexpression of one is a function of it too); ``f`` is ``e`` in ``t`` for $u$.
    ``(None, None)`` where there is none."""
    if not isinstance(e, sp.Add):
        return None, None
    needed = e.free_symbols
    if not any(not s.is_integer for s in needed):
        return None, None
    subs = sorted({a for a in sp.preorder_traversal(e) if a is not e and not a.is_Atom and isinstance(a, sp.Expr)
                   and not isinstance(a, (sp.Indexed, sp.Sum, ReduceMax)) and a.free_symbols >= needed},
                  key=sp.count_ops, reverse=True)
    for u in subs:
        f = e.subs(u, t)  # subs, not xreplace: -x/c is the product -1 * x * (1/c), not -1 * (x/c)
        if f.free_symbols == {t} and len(sp.Add.make_args(f)) > 1:
            return u, f
    return None, None


def taylor_within(e, leaf, r):
    r"""``Piecewise((T_N e, |x| < r), (e, True))`` for ``e`` in the one variable ``leaf`` at 0 with a radius ``r``
    chosen by the caller, $N$ as :func:`branch` measures it (within :data:`TRUNCATION` on $|x| \le r$), else None."""
    t = sp.Dummy("t", real=True)
    f = e.xreplace({leaf: t})
    terms = _series_terms(f, t, 0)
    kept = _order(f, t, r, terms, 0) if terms else None
    return sp.Piecewise((taylor_polynomial(kept, leaf), sp.Abs(leaf) < r), (e, True)) if kept is not None else None


def _grouped(e):
    """For a sum or product over several variables: its terms or factors in one variable taken together,
    with the numbers of a sum (``e^x - 1 - x + y``: the ``-1`` goes with ``x``); the first that branches."""
    groups: dict = {}
    numbers = [a for a in e.args if a.is_number]
    for a in e.args:
        if not a.is_number:
            groups.setdefault(_single_leaf(a), []).append(a)
    for leaf, args in groups.items():
        if leaf is None:
            continue
        extra = numbers if isinstance(e, sp.Add) else []
        if len(args) + len(extra) < 2:
            continue
        b = branch(e.func(*args, *extra))
        if b is not None:
            rest = [a for a in e.args if a not in args and a not in extra]
            return e.func(*[_visit(a) for a in rest], b)
    return None


def _visit(e):
    if e.is_Atom or isinstance(e, (sp.Indexed, ReduceMax)):
        return e
    b = branch(e) if isinstance(e, (sp.Add, sp.Mul, sp.Pow)) else None
    if b is not None:
        return b
    if isinstance(e, (sp.Add, sp.Mul)) and _single_leaf(e) is None:
        g = _grouped(e)
        if g is not None:
            return g
    args = [_visit(a) if isinstance(a, sp.Basic) else a for a in e.args]
    return e.func(*args) if any(x is not y for x, y in zip(args, e.args)) else e


def taylor_branch(expr: sp.Expr) -> sp.Expr:
    r"""Each subexpression in one variable whose sums cancel at 0 (found by :func:`branch`) as a Taylor
    polynomial for $|x| < r$ and itself elsewhere: Tanhshrink $x - \tanh x$ at $x = 10^{-5}$ keeps 6 digits
    directly and all of them from $\frac{x^3}{3} - \frac{2 x^5}{15} + \dots$"""
    return _visit(expr)
