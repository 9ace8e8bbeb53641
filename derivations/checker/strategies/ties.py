r"""Exact points where lhs and rhs are likely to meet: where a strict inequality fails by a tie.

* every symbol at the same small value $t \in \{0, \pm 1, \pm 2, \pm\tfrac12\}$ (ties between symbols);
* for one symbol, the real zeros of $d = lhs - rhs$ (not for $\le$/$\ge$ without jumps: ``closed_ties``): exact roots of the numerator when it
  is a polynomial of modest degree (algebraic numbers, ``sympy.real_roots``), ``sympy.solve``'s exact
  zeros (in a budgeted worker), and roots
  found by ``mpmath.findroot`` from several starts otherwise (read as exact rationals: they
  decide only when the tie falls on a float, but they do search where the sign changes);
* along lines through the domain, the kinks of ``Abs``/``Max``/``Min``/``sign``/``Heaviside``, the steps of
  ``floor``/``ceiling`` (where the argument is a small integer, or for an integer symbol a multiple of its
  denominator), the boundaries
  of relational assumptions and the midpoints between neighbouring ones, and for one symbol the exact
  zeros of the derivative of $d$ (a thin spike's peak), and for an integer symbol the integers at which an
  irrational multiple inside ``floor`` or ``sin`` comes closest to a step or a peak (``resonance``): :func:`feature_points`.

Each point is only a candidate: the caller decides the claim there exactly and checks
that the point is inside the assumptions.
"""
from __future__ import annotations

import itertools
import math
from collections.abc import Iterator

import mpmath
import sympy as sp

from derivations.checker.assumptions import Region
from derivations.checker.budget import busy_clock
from derivations.checker.strategies.closed_ties import zeros_cannot_refute
from derivations.checker.strategies.instances import Instance
from derivations.checker.strategies.resonance import resonant_integers

TIE_VALUES = (0, 1, -1, 2, -2, sp.Rational(1, 2), -sp.Rational(1, 2))
MAX_DEGREE = 12
"""Highest degree of a numerator whose real roots are computed exactly."""
SLICE_VALUES = (sp.Integer(0), sp.Integer(1), sp.Integer(-1), sp.Rational(1, 2), sp.Integer(2))
"""Values of the other symbols on the lines along which :func:`feature_points` looks."""
MAX_SLICES = 5
"""Lines per symbol."""
KINKS = (sp.Max, sp.Min, sp.Abs, sp.Heaviside, sp.sign, sp.floor, sp.ceiling)
"""Functions whose kinks or jumps make an expression piecewise: no gradient to solve, and thin failures at points
random samples miss (an explicit ``Piecewise`` is not among them: see ``numeric._kinked``)."""
MAX_SLICE_SYMBOLS = 3
"""Claims with more symbols are left to the random samples."""
FEATURE_SHARE = 0.3
"""Most of the time left that :func:`feature_points` may use (the random samples need the rest)."""
MAX_PIECES = 8
"""Most kink equations solved per difference."""
STARTS = (-10.0, -3.0, -1.5, -0.5, 0.25, 0.75, 1.5, 3.0, 10.0, 100.0)
"""Starting points for ``findroot`` on a transcendental difference."""


def likely_ties(inst: Instance, deadline: float, cut: list | None = None) -> Iterator[dict]:
    """Candidate exact points (see the module docstring), cheap ones first; stops at ``deadline``.  ``cut``
    collects what the budget cut short (a solve that timed out, a search stopped at the deadline): the caller
    must not read agreement at the points found as evidence of the points not found."""
    symbols = inst.symbols
    if not symbols:
        return
    from derivations.checker.strategies.numeric import inside  # noqa: PLC0415 - numeric imports this module

    for t in TIE_VALUES:
        point = {s: sp.Integer(t) if isinstance(t, int) else t for s in symbols}
        if inside(inst, point):
            yield point
    if len(symbols) != 1 or busy_clock() > deadline:
        yield from feature_points(inst, deadline, cut)
        return
    (x,) = symbols
    difference = inst.lhs - inst.rhs
    lent = 0.0
    if zeros_cannot_refute(inst.rel, inst.lhs, inst.rhs):  # a tie satisfies <= and >=: its solve's time is lent
        exact, lent = [], min(SOLVE_SECONDS, max(deadline - busy_clock(), 0.0) / 4)
    else:
        exact = _polynomial_roots(difference, x) + _solved_roots(difference, x, deadline, cut)
    for root in exact:
        if busy_clock() > deadline:
            _note(cut, "the exact zeros of lhs - rhs")
            return
        point = {x: root}
        if inside(inst, point):
            yield point
    for root in _numeric_roots(difference, x, deadline):
        point = {x: sp.Rational(repr(root))}
        if inside(inst, point):
            yield point
    yield from feature_points(inst, deadline, cut, lent)


FAR_REALS = (sp.Integer(10) ** 600, sp.Rational(1, 10 ** 600))
r"""Magnitudes beyond float64 (which samples $10^{-300}$ to $10^{300}$), each with both signs: $\log \log x < 7$
fails only from $x = e^{e^7} \approx 10^{476}$ on.  One
magnitude each way: every point costs an evaluation at several hundred digits."""
FAR_INTEGERS = (sp.Integer(10) ** 20,)
r"""Integers beyond the sampled ones (up to $10^{18}$), with both signs (a far larger one makes $\Gamma(n + 1)$ slow)."""


def far_points(inst: Instance) -> Iterator[dict]:
    r"""Exact points inside the assumptions where one symbol is beyond the float64 range (:data:`FAR_REALS`,
    :data:`FAR_INTEGERS`), the others at the first of :data:`SLICE_VALUES` that fits; then all symbols at once.

    A claim that fails only far out (or only very near 0) is missed by every float sample."""
    from derivations.checker.strategies.numeric import inside  # noqa: PLC0415 - numeric imports this module

    symbols = inst.symbols
    if not symbols or inst.is_complex or len(symbols) > MAX_SLICE_SYMBOLS:
        return
    if not all(not g.shape and isinstance(g.domain, Region) for g in inst.groups):
        return  # an array's domain (a simplex, ...) is not checked entry by entry: no point outside it may be tried

    def magnitudes(s):
        return FAR_INTEGERS if s.is_integer else FAR_REALS

    walls = [a.lhs - a.rhs for a in inst.assumptions if isinstance(a, (sp.Le, sp.Ge))]
    for s in symbols:
        others = [t for t in symbols if t != s]
        for value in (sign * v for v in magnitudes(s) for sign in (1, -1)):
            for fill in itertools.islice(itertools.product(SLICE_VALUES, repeat=len(others)), MAX_SLICES):
                point = {**dict(zip(others, fill)), s: value}
                if inside(inst, point):
                    yield point
                    break
            yield from _far_on_walls(inst, walls, s, value, others, inside)
    if len(symbols) > 1:
        for value in (sign * v for v in FAR_REALS for sign in (1, -1)):
            point = {s: value for s in symbols}
            if inside(inst, point):
                yield point


def _far_on_walls(inst: Instance, walls: list, s: sp.Symbol, value: sp.Expr, others: list, inside) -> Iterator[dict]:
    r"""Points with ``s`` far out and another symbol on the wall of a closed relational assumption, solved exactly
    (the rest at the first slice value): $(x + y)/2 - \sqrt{xy} \ge 10^{-100}$ for $x \ge y + 10^{-40}$ fails only where
    $y > 10^{19}$ and $x$ is within about $10^{-40}$ of the wall, a point no float sample is (``y + 1e-40`` rounds
    to ``y``)."""
    for wall in walls:
        if s not in wall.free_symbols:
            continue
        for t in sorted(wall.free_symbols & set(others), key=str):
            rest = [u for u in others if u != t]
            fill = {**dict(zip(rest, itertools.repeat(SLICE_VALUES[0]))), s: value}
            for root in _linear_root(wall.xreplace(fill), t):
                point = {**fill, t: root}
                if inside(inst, point):
                    yield point


def feature_points(inst: Instance, deadline: float, cut: list | None = None, lent: float = 0.0) -> Iterator[dict]:
    r"""Exact points inside the assumptions where a thin failure hides, on lines through the domain.

    For each symbol $s$ (the others fixed at :data:`SLICE_VALUES`), along $s$: the kinks of a piecewise
    difference (:func:`_pieces`), the boundaries of the relational assumptions ($x = y - 10^{-30}$ for
    $x \ge y - 10^{-30}$), the midpoints between neighbouring ones of these, and, for one symbol, the exact
    zeros of the derivative (:func:`_critical_points`).  Used for equalities too: a tent, a spike or a sliver
    between a kink and a boundary is missed by random samples.

    ``lent``: seconds of a solve :func:`likely_ties` skipped (``closed_ties``), added to the share and given to the
    first solves here (:data:`LENT`), so that the zeros of the derivative or the kinks get the time the ties had."""
    symbols = inst.symbols
    if not symbols or len(symbols) > MAX_SLICE_SYMBOLS:
        return
    deadline = min(deadline, busy_clock() + FEATURE_SHARE * max(deadline - busy_clock(), 0.0) + lent)
    LENT[0] = lent
    try:
        yield from _feature_points(inst, deadline, cut)
    finally:
        LENT[0] = 0.0


LENT = [0.0]
"""Seconds lent to the next ``sympy.solve`` calls of :func:`feature_points` (:func:`_solved_roots` may take this
much even when a quarter of the time left is less; what it spends is taken off)."""


def _feature_points(inst: Instance, deadline: float, cut: list | None) -> Iterator[dict]:
    from derivations.checker.strategies.numeric import inside  # noqa: PLC0415 - numeric imports this module

    symbols = inst.symbols
    difference = inst.lhs - inst.rhs
    boundaries = [a.lhs - a.rhs for a in inst.assumptions if isinstance(a, (sp.Le, sp.Lt, sp.Ge, sp.Gt))]
    if len(symbols) > 1:
        for point in joint_points(difference, symbols, deadline):
            if inside(inst, point):
                yield point
    own = {s: _own_kinks(difference, boundaries, s, deadline, cut) for s in symbols} if len(symbols) > 1 else {}
    for s in symbols:
        others = [t for t in symbols if t != s]
        for fill in slice_fills(others, own):
            if busy_clock() > deadline:
                _note(cut, "the feature points")
                return
            try:
                line = difference.xreplace(fill)
                walls = [b.xreplace(fill) for b in boundaries if s in b.free_symbols]
            except ArithmeticError:  # n mod m at m = 0: sympy raises building the slice, a point with no value
                continue
            roots = _breakpoints(line, s, deadline, walls, cut)
            if len(symbols) == 1:
                roots += _critical_points(line, s, deadline, cut)
            if s.is_integer:
                roots += resonant_integers(line, s)
            for root in roots:
                if busy_clock() > deadline:
                    _note(cut, "the feature points")
                    return
                point = {**fill, s: root}
                if inside(inst, point):
                    yield point


MAX_OWN_KINKS = 2
"""Kinks of a symbol on its own (:func:`_own_kinks`) at which the other symbols' lines are laid, each."""


def slice_fills(others: list, own: dict | None = None) -> list[dict]:
    r"""Values of the ``others`` for the lines along one symbol: first every combination of their own kinks
    (``own``, :func:`_own_kinks`), then the first :data:`MAX_SLICES` combinations of :data:`SLICE_VALUES`.

    A failure where the kinks of several symbols meet lies on no line through the slice values:
    $10^{15} (|x - 1/7| + |y - 3/11|) > 10^{-3}$ fails at $(1/7, 3/11)$ alone, which the line $y = 3/11$ reaches
    and the lines $y \in \{0, \pm 1, \tfrac12, 2\}$ do not."""
    own = own or {}
    kinked = [own.get(t, [])[:MAX_OWN_KINKS] or [None] for t in others]
    fills = []
    if any(values != [None] for values in kinked):
        for values in itertools.product(*kinked):
            fill = {t: v if v is not None else SLICE_VALUES[0] for t, v in zip(others, values)}
            fills.append(fill)
    for values in itertools.islice(itertools.product(SLICE_VALUES, repeat=len(others)), MAX_SLICES):
        fill = dict(zip(others, values))
        if fill not in fills:
            fills.append(fill)
    return fills


def _own_kinks(difference: sp.Expr, boundaries: list, s: sp.Symbol, deadline: float, cut: list | None) -> list:
    """The exact kinks of ``difference`` in ``s`` that do not depend on the other symbols (the zeros of the
    pieces and assumption boundaries in ``s`` alone, :func:`_pieces`), without the midpoints between them."""
    walls = [b for b in boundaries if b.free_symbols == {s}]
    pieces = [p for p in _pieces(difference) + walls if p.free_symbols == {s}]
    kinks = []
    for piece in pieces:
        if busy_clock() > deadline or len(kinks) >= MAX_OWN_KINKS:
            break
        kinks += [r for r in _exact_roots(piece, s, deadline, cut) if r.is_real and r not in kinks]
    return kinks[:MAX_OWN_KINKS]


JOINT_SOLVE_SECONDS = 1.0
"""Most seconds for each joint solve of :func:`joint_points` (in its own worker)."""
MAX_JOINT_SYSTEMS = 3
"""Most systems of kink equations solved jointly per difference."""


def joint_points(difference: sp.Expr, symbols: tuple, deadline: float) -> list[dict]:
    r"""Exact points in several symbols where a thin failure hides off every line through the slice values: the
    joint zeros of the gradient of a smooth ``difference`` (the peak of a spike
    $e^{-10^{20} ((x - 1/7)^2 + (y - 3/11)^2)}$), and the joint zeros of as many kink equations (:func:`_pieces`)
    as there are symbols (where the kinks of $|x - y|$ and $|x + y - 2/7|$ meet, at $(1/7, 1/7)$).

    Best effort, unlike the one-symbol zeros: a system that ``sympy.solve`` cannot finish within
    :data:`JOINT_SOLVE_SECONDS` is skipped without marking the search cut short (before these points the claims in
    several symbols had none of them)."""
    systems = []
    if not difference.has(*KINKS):
        try:
            systems.append([sp.diff(difference, s) for s in symbols])
        except Exception:  # noqa: BLE001 - no gradient: the other points still run
            pass
    pieces = [p for p in _pieces(difference) if p.free_symbols & set(symbols)]
    for combination in itertools.combinations(pieces, len(symbols)):
        if len(systems) >= MAX_JOINT_SYSTEMS:
            break
        if set().union(*(p.free_symbols for p in combination)) == set(symbols):
            systems.append(list(combination))
    points = []
    for system in systems:
        if busy_clock() > deadline:
            break
        for point in _solved_system(system, symbols, deadline):
            if point not in points:
                points.append(point)
    return points


def _solve_system(system: list, symbols: tuple) -> list[dict]:
    solutions = sp.solve(system, list(symbols), dict=True)
    return [solution for solution in solutions[:20] if set(solution) == set(symbols) and
            all(v.is_real and not v.free_symbols for v in solution.values())]


def _no_isolated_zeros(system: list) -> bool:
    r"""Whether ``system`` plainly has no isolated joint zero: one equation is a fraction with a non-zero number on
    top ($-1/D^2 = 0$, in the gradient of $-b/(1 - D)^2 - a/D^2$ along $a$), or every equation is 0 (a difference
    constant along every symbol).  ``sympy.solve`` answers no point for such a system either (:func:`_solve_system`
    keeps only solutions fixing every symbol), only after a worker's fork and up to :data:`JOINT_SOLVE_SECONDS`."""
    if all(equation == 0 for equation in system):
        return True
    return any(sp.fraction(equation)[0].is_number and sp.fraction(equation)[0].is_zero is False
               for equation in system)


def _solved_system(system: list, symbols: tuple, deadline: float) -> list[dict]:
    from derivations.checker.budget import run_with_budget  # noqa: PLC0415

    if _no_isolated_zeros(system):
        return []
    seconds = min(JOINT_SOLVE_SECONDS, (deadline - busy_clock()) / 4)
    if seconds <= 0.05:
        return []
    outcome = run_with_budget(_solve_system, system, symbols, seconds=seconds)
    return list(outcome.value) if outcome.ok else []


STEP_LEVELS = (1, 0, -1, 2)
r"""The integers $k$ at which the jumps of $\lfloor g \rfloor$ and $\lceil g \rceil$ are sought ($g = k$)."""


def _pieces(expr: sp.Expr) -> list:
    r"""Expressions whose zeros are the kinks and jumps of ``expr``: the arguments of ``Abs``, ``sign`` and
    ``Heaviside``, the pairwise differences of the arguments of ``Max`` and ``Min``, and $g - k$ for the
    argument $g$ of ``floor`` and ``ceiling`` at the levels :data:`STEP_LEVELS` (the steps of
    $n - 7919 \lfloor n / 7919 \rfloor$ are at $n = 7919 k$)."""
    out = [node.args[0] for node in expr.atoms(sp.Abs, sp.sign, sp.Heaviside)]
    for node in expr.atoms(sp.Max, sp.Min):
        out += [a - b for a, b in itertools.combinations(node.args, 2)]
    steps = [node.args[0] for node in expr.atoms(sp.floor, sp.ceiling)]
    out += [g - k for k in STEP_LEVELS for g in steps]
    out += [p for p in _hidden_pieces(expr) if p not in out]
    return out[:MAX_PIECES]


def _hidden_pieces(expr: sp.Expr) -> list:
    r"""Kinks no kinked function shows: the polynomial radicand of a fractional power ($\sqrt{x^2 - 2x + 1}$ is
    $|x - 1|$, with its kink at 1) and the point of a ``Piecewise`` condition $x = c$ or $x \ne c$ (a square
    with the point $\pi$ set to 0 differs from $x^2$ there alone), and the polynomial walls of its inequality
    conditions (a tent written by cases, without ``Abs``).  All are where no random sample lands."""
    out = []
    for node in expr.atoms(sp.Pow):
        if node.exp.is_Rational and not node.exp.is_Integer and node.base.free_symbols \
                and not node.base.is_Symbol and node.base.is_polynomial(*node.base.free_symbols):
            out.append(node.base)
    for node in expr.atoms(sp.Piecewise):
        for _, condition in node.args:
            out += [r.lhs - r.rhs for r in condition.atoms(sp.Eq, sp.Ne)]
            out += [d for r in condition.atoms(sp.Lt, sp.Le, sp.Gt, sp.Ge) if (d := r.lhs - r.rhs).free_symbols
                    and d.is_polynomial(*d.free_symbols)]  # the walls of a tent written by cases, 1/3 +- 1e-6
    return out


def _integer_steps(piece: sp.Expr, x: sp.Symbol) -> list:
    r"""For an integer ``x``, multiples $\pm L, 2L$ of the common denominator $L$ of a polynomial ``piece``'s
    coefficients: there $g(x)$ is an integer plus its constant term, so $\lfloor n^2 / 1009 \rfloor$ steps at
    $n = 1009$ although $n^2 / 1009 = k$ has no integer root for small $k$."""
    try:
        poly = sp.Poly(piece, x)
    except Exception:  # noqa: BLE001 - not a polynomial in x
        return []
    coefficients = poly.all_coeffs()[:-1]
    if not coefficients or not all(c.is_Rational for c in coefficients):
        return []
    common = sp.ilcm(*[c.q for c in coefficients]) if len(coefficients) > 1 else coefficients[0].q
    return [sp.Integer(m * common) for m in (1, -1, 2)] if common > 1 else []


def _exact_roots(expr: sp.Expr, x: sp.Symbol, deadline: float, cut: list | None = None) -> list:
    roots = _polynomial_roots(expr, x) or _linear_root(expr, x)
    if roots:
        return roots
    return _branch_roots(expr, x, deadline, cut) if expr.has(sp.Piecewise) else _solved_roots(expr, x, deadline, cut)


MAX_BRANCHES = 16
"""Most branches of a folded piecewise expression whose zeros are sought branch by branch."""


def _branch_roots(expr: sp.Expr, x: sp.Symbol, deadline: float, cut: list | None = None) -> list:
    r"""The zeros of a piecewise ``expr``, branch by branch (``piecewise_fold``): each branch's zeros, whether or
    not its condition holds there, so a superset of ``expr``'s (one more point to decide, never one missed).
    ``sympy.solve`` on the whole took seconds to find none in a piecewise-constant difference such as
    $1 - [z - \max(z, c) \ge 0] - [\max(z, c) \le c]$; a constant branch has no zeros to seek."""
    folded = sp.piecewise_fold(expr)
    if not isinstance(folded, sp.Piecewise) or len(folded.args) > MAX_BRANCHES:
        return _solved_roots(expr, x, deadline, cut)
    roots = []
    for branch, _ in folded.args:
        if x not in branch.free_symbols:
            continue
        found = _solved_roots(branch, x, deadline, cut) if branch.has(sp.Piecewise) else \
            _exact_roots(branch, x, deadline, cut)
        roots += [r for r in found if r not in roots]
    return roots


def _breakpoints(difference: sp.Expr, x: sp.Symbol, deadline: float, walls=(), cut: list | None = None) -> list:
    r"""The kinks of a piecewise difference and the midpoints between neighbouring kinks: a tent
    $\max(0, 1 - 10^{10} (x - \pi)^2)$ is zero at both of its kinks $\pi \pm 10^{-5}$ and 1 between them."""
    kinks = []
    for piece in _pieces(difference) + list(walls):
        if busy_clock() > deadline:
            _note(cut, "the kinks")
            break
        if piece.free_symbols == {x}:
            kinks += [r for r in _exact_roots(piece, x, deadline, cut) if r.is_real and r not in kinks]
            if x.is_integer:
                kinks += [r for r in _integer_steps(piece, x) if r not in kinks]
    try:
        kinks.sort(key=lambda r: float(r))
    except (TypeError, ValueError):
        return kinks
    return kinks + [(a + b) / 2 for a, b in zip(kinks, kinks[1:])]


def _critical_points(difference: sp.Expr, x: sp.Symbol, deadline: float, cut: list | None = None) -> list:
    r"""Exact zeros of $\partial_x (lhs - rhs)$: where a smooth difference is most negative or positive, as in a
    spike $1 / (1 + 10^{20} (x - \sqrt 2)^2)$ that no random sample of $x$ meets."""
    if difference.has(*KINKS):
        return []
    try:
        slope = sp.diff(difference, x)
    except Exception:  # noqa: BLE001
        return []
    return [r for r in _exact_roots(slope, x, deadline, cut) if r.is_real]


def _linear_root(expr: sp.Expr, x: sp.Symbol) -> list:
    r"""The root $-b/a$ of a piece $a x + b$ with constant irrational coefficients ($x - \pi$, $x - \log 2$), without
    ``sympy.solve`` in a worker: a solve the budget cuts short under load left the point unknown."""
    try:
        poly = sp.Poly(expr, x)
        if poly.degree() != 1 or any(c.free_symbols for c in poly.all_coeffs()):
            return []
        a, b = poly.all_coeffs()
        root = -b / a
        return [root] if root.is_real else []
    except Exception:  # noqa: BLE001 - not linear in x
        return []


def _polynomial_roots(difference: sp.Expr, x: sp.Symbol) -> list:
    try:
        numerator, _ = sp.fraction(sp.cancel(sp.together(difference)))
        if not numerator.is_polynomial(x) or numerator.free_symbols - {x}:
            return []
        poly = sp.Poly(numerator, x)
        if poly.degree() < 1 or poly.degree() > MAX_DEGREE or not all(c.is_Rational for c in poly.all_coeffs()):
            return []
        return [r for r in sp.real_roots(poly)]
    except Exception:  # noqa: BLE001 - no exact roots: the numeric search still runs
        return []


SOLVE_SECONDS = 2.0
"""Most seconds ``sympy.solve`` may take for the exact zeros of a transcendental difference (in its own worker)."""


def _solve(difference, x):
    roots = sp.solve(difference, x)
    return [r for r in roots if r.is_real and not r.free_symbols][:20]


def _solved_roots(difference: sp.Expr, x: sp.Symbol, deadline: float, cut: list | None = None) -> list:
    r"""Exact real zeros from ``sympy.solve`` (``sin(x)**2 - 1`` gives $\pm\pi/2$), within a budget of its own."""
    from derivations.checker.budget import run_with_budget  # noqa: PLC0415

    seconds = min(SOLVE_SECONDS, max((deadline - busy_clock()) / 4, LENT[0]))
    if seconds <= 0.05:
        _note(cut, "a solve for exact zeros")
        return []
    started = busy_clock()
    outcome = run_with_budget(_solve, difference, x, seconds=seconds)
    LENT[0] = max(0.0, LENT[0] - (busy_clock() - started))
    if outcome.status in ("timeout", "memory") and seconds < SOLVE_SECONDS:  # the step's budget, not the cap
        _note(cut, "a solve for exact zeros")
    return list(outcome.value) if outcome.ok else []


def _note(cut: list | None, what: str) -> None:
    """Record that the budget cut ``what`` short (see :func:`likely_ties`)."""
    if cut is not None and what not in cut:
        cut.append(what)


def _numeric_roots(difference: sp.Expr, x: sp.Symbol, deadline: float) -> list[float]:
    try:
        f = sp.lambdify([x], difference, modules="mpmath")
    except Exception:  # noqa: BLE001
        return []
    roots = []
    with mpmath.workdps(30):
        for start in STARTS:
            if busy_clock() > deadline:
                break
            try:
                root = mpmath.findroot(f, mpmath.mpf(start))
            except Exception:  # noqa: BLE001 - no convergence from this start
                continue
            if isinstance(root, mpmath.mpc):
                if abs(root.imag) > 1e-20:
                    continue
                root = root.real
            value = float(root)
            if math.isfinite(value) and value not in roots:
                roots.append(value)
    return roots


def denominator_zeros(inst: Instance) -> list[dict]:
    """Exact real zeros of each side's denominator (one symbol, polynomial denominators), as points."""
    symbols = inst.symbols
    if len(symbols) != 1:
        return []
    (x,) = symbols
    points = []
    for side in (inst.lhs, inst.rhs):
        for node in [side, *[p.base for p in side.atoms(sp.Pow) if p.exp.is_negative]]:
            try:
                _, denominator = sp.fraction(sp.together(node))
            except Exception:  # noqa: BLE001
                continue
            if denominator == 1:
                continue
            for root in _denominator_roots(denominator, x):
                point = {x: root}
                if point not in points:
                    points.append(point)
    return points


def _denominator_roots(denominator: sp.Expr, x: sp.Symbol) -> list:
    try:
        if not denominator.is_polynomial(x) or denominator.free_symbols - {x}:
            return []
        poly = sp.Poly(denominator, x)
        if poly.degree() < 1 or poly.degree() > MAX_DEGREE or not all(c.is_Rational for c in poly.all_coeffs()):
            return []
        return list(sp.real_roots(poly))
    except Exception:  # noqa: BLE001
        return []
