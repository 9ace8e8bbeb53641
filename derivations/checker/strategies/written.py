r"""Where a side *as written* divides by zero: a domain the sympy expression no longer shows.

sympy cancels as it builds: $\frac{x - 1}{x - 1}$ becomes $1$, $\frac{x^2}{x}$ becomes $x$, $\frac{1}{x} - \frac{1}{x}$
becomes $0$, and ``trigsimp`` turns $\tan x \cos x$ into $\sin x$.  A claim that must hold wherever its
assumptions do (``Step.undefined == "refutes"``) fails at a zero $v = 0$ of a written divisor of one side
(``Step.written_divisors``, recorded by the reader) when the other side is a finite real there:

.. math:: \frac{x - 1}{x - 1} = 1 \quad\text{fails at } x = 1 \text{ (lhs } 0/0\text{, rhs } 1\text{)}.

Zeros come from ``sympy.solve`` on each divisor, for each of its symbols (the others set to small exact values);
each candidate is checked exactly: the divisor is exactly zero there, the point satisfies the assumptions, and
the other side has no vanishing written divisor and is a certified finite real (``decide.side_state``).
``solve`` knows no ``Min``, ``Max`` or ``floor``: a divisor $\min(x, 1)$ is solved as the ``Piecewise`` it is
($x = 0$), and $\lfloor u \rfloor$ through its integer value $k$ (the divisor's zeros in $k$, then
$u = k$ and $u = k + \tfrac12$; ``ceiling`` at $u = k$ and $k - \tfrac12$).  A divisor that ``solve`` cannot
solve for any of its symbols leaves its zeros unknown: :data:`UNSOLVED`, not "no zero" (a proof of
$\min(x, 1)/\min(x, 1) = 1$ stood on that silence).
"""
from __future__ import annotations

import itertools

import sympy as sp

from derivations.checker.budget import busy_clock
from derivations.checker.step import Step
from derivations.checker.verdict import Verdict

from derivations.checker.strategies.decide import coordinate_text, decimal_text, side_state
from derivations.checker.strategies.instances import Unsupported, has_sizes, instances
from derivations.checker.strategies.real_domain import below_zero_points
from symbolic.kinks import cut_of
from symbolic.real_domain import condition_of

FILL_VALUES = (sp.Integer(1), sp.Integer(2), sp.Rational(1, 2), sp.Integer(-1), sp.Integer(0), sp.Integer(3))
"""Exact values given to the symbols a zero leaves free (``x - y = 0`` at ``y = 1`` is ``x = 1``)."""
NONZERO_DIGITS = 100
"""Most working digits ``evalf`` may use to certify that a written divisor is not 0 at a point (beyond, ``simplify``)."""
MAX_ROOTS = 12
"""Zeros tried per divisor and symbol."""


RELATIONS = ("=", "<=", ">=", "<", ">")
"""Relations whose claims the search serves: an equation is refuted where one side has no value and the other has
one; an inequality has no truth value there, which the ladder reports (``ladder._rungs``)."""


def applies(step: Step) -> bool:
    return step.undefined == "refutes" and step.rel in RELATIONS and bool(step.written_divisors) and not has_sizes(step)


OUT_OF_TIME = Verdict("undecided", method="domain as written", reason="the zeros of the written divisors were not all tried")
"""What the search returns when its deadline ends it: not the same as finding no zero."""
UNSOLVED = Verdict("undecided", method="domain as written", reason="sympy cannot solve a written divisor for its zeros")
"""What the search returns when a divisor could not be solved for any of its symbols: its zeros are unknown."""


def written_domain_refutation(step: Step, budget: float) -> Verdict | None:
    """``refuted`` at a zero of a written divisor of exactly one side where the other side is defined;
    :data:`OUT_OF_TIME` when the deadline stopped the search; None when every zero found was tried."""
    if not applies(step):
        return None
    deadline = busy_clock() + budget
    try:
        (inst,), _ = instances(step)
    except (Unsupported, ValueError):
        return None
    by_name = {s.name: s for s in inst.symbols}
    for _, divisor in step.written_divisors:  # a symbol sympy cancelled away is still one of the claim's
        by_name |= {s.name: s for s in divisor.free_symbols if isinstance(s, sp.Symbol) and s.name not in by_name}
    divisors = []
    for side, divisor in step.written_divisors:
        if divisor.has(sp.Indexed, sp.IndexedBase):
            continue  # an array entry: not a point of the claim's scalar symbols
        divisors.append((side, divisor.xreplace({s: by_name[s.name] for s in divisor.free_symbols})))
    symbols = tuple(sorted(by_name.values(), key=str))
    from derivations.checker.strategies.numeric import inside  # noqa: PLC0415 - numeric imports the rungs

    seen, unsolved = [], False
    for side, divisor in divisors:
        solved = []
        for point in _zeros(divisor, symbols, deadline, solved):
            if busy_clock() > deadline:
                return OUT_OF_TIME
            if point in seen or not inside(inst, point):
                continue
            seen.append(point)
            verdict = _decide_at(inst, divisors, point)
            if verdict is not None:
                return verdict
        unsolved = unsolved or not solved
    return OUT_OF_TIME if busy_clock() > deadline else UNSOLVED if unsolved else None


def _zeros(divisor: sp.Expr, symbols, deadline: float, solved: list | None = None):
    """Exact points (every symbol of the claim given a value) where ``divisor`` may vanish; ``solved`` gets the
    symbols that ``sympy.solve`` could solve it for (empty: its zeros are unknown)."""
    solved = [] if solved is None else solved
    if condition_of(divisor) is not None:  # sign(c) + 1: zero wherever c < 0 (symbolic.real_domain)
        yield from below_zero_points(condition_of(divisor), symbols, deadline, solved)
        return
    cut = cut_of(divisor)
    if cut is not None:
        yield from _cut_zeros(*cut, symbols, solved)
        return
    if _is_pole(divisor):
        yield from _pole_zeros(divisor.base.args[0], symbols, deadline, solved)
        return
    divisor = _may_vanish(divisor)
    if not divisor.free_symbols:
        solved.append(divisor)  # no factor that vanishes: nothing to solve
        return
    if divisor.has(sp.floor, sp.ceiling):
        yield from _integer_part_zeros(divisor, symbols, deadline, solved)
        return
    piecewise = divisor.has(sp.Min, sp.Max, sp.sign, sp.Heaviside)
    for s in sorted(divisor.free_symbols, key=str):
        if busy_clock() > deadline:
            return
        roots = _solve_quietly(divisor, s)
        if roots is None and piecewise:  # solve knows Max(0, x) but not Min(x, 1): the Piecewise it is
            roots = _solve_quietly(divisor.rewrite(sp.Piecewise), s)
        if roots is None:
            continue  # sympy cannot solve it for s: no candidate
        solved.append(s)
        yield from _filled(roots[:MAX_ROOTS], s, symbols)


def _filled(roots, s, symbols):
    """Points with ``s`` at each root and the other symbols at :data:`FILL_VALUES` (a root free of them: once)."""
    others = [t for t in symbols if t != s]
    for root in roots:
        if not isinstance(root, sp.Expr):
            continue
        for values in itertools.islice(itertools.product(FILL_VALUES, repeat=len(others)), 36):
            fill = dict(zip(others, values))
            value = root.xreplace(fill)
            if value.free_symbols or value.is_real is not True:
                continue
            yield {**fill, s: value}
            if not root.free_symbols - {s}:
                break


def _cut_zeros(u: sp.Expr, v: sp.Expr, symbols, solved: list):
    r"""Points on the cut of $\operatorname{atan2}(u, v)$ (``symbolic.kinks.cut_divisors``): $u = 0$ solved for each of
    its symbols, the others set so that $v = -1$ where one of them can (solved for it), else to :data:`FILL_VALUES`;
    only points with $v < 0$ exactly."""
    for s in sorted(u.free_symbols, key=str):
        roots = _solve_quietly(u, s)
        if roots is None:
            continue
        solved.append(s)
        for root in roots[:MAX_ROOTS]:
            if not isinstance(root, sp.Expr):
                continue
            others = [t for t in symbols if t != s]
            on_cut = v.xreplace({s: root})
            fills = []
            for t in sorted(on_cut.free_symbols, key=str):
                for value in _solve_quietly(on_cut + 1, t) or []:
                    fills += [{t: value, **dict(zip([o for o in others if o != t], rest))}
                              for rest in itertools.islice(itertools.product(FILL_VALUES, repeat=len(others) - 1), 12)]
            fills += [dict(zip(others, values)) for values in itertools.islice(
                itertools.product(FILL_VALUES, repeat=len(others)), 36)]
            for fill in fills:
                point = {**fill, s: root.xreplace(fill)}
                where = {k: w.xreplace(point) for k, w in point.items()}
                if any(w.free_symbols or w.is_real is not True for w in where.values()):
                    continue
                if (v.xreplace(where) < 0) == sp.true and u.xreplace(where) == 0:
                    yield where


def _is_pole(divisor: sp.Expr) -> bool:
    r"""Whether ``divisor`` is $1/\Gamma(u)$, the written pole of a gamma-family call (``readers.expression``)."""
    return isinstance(divisor, sp.Pow) and divisor.exp == -1 and isinstance(divisor.base, sp.gamma)


def _pole_zeros(argument: sp.Expr, symbols, deadline: float, solved: list):
    r"""Zeros of $1/\Gamma(u)$: the points where $u = 0, -1, \dots$ (:data:`MAX_ROOTS` of them), for each symbol."""
    for s in sorted(argument.free_symbols, key=str):
        if busy_clock() > deadline:
            return
        answers = [_solve_quietly(argument + k, s) for k in range(MAX_ROOTS)]
        if all(a is not None for a in answers):
            solved.append(s)  # solved, perhaps with no root the symbol's sign allows (n + 1 = 0 for n > 0)
        roots = [r for a in answers if a for r in a]
        yield from _filled(roots[:MAX_ROOTS], s, symbols)


NEVER_ZERO = (sp.gamma, sp.exp)
r"""Functions with no zero ($\Gamma$ has poles but no zeros): a factor of a divisor that is one (or a power of one)
cannot make it vanish."""


def _may_vanish(divisor: sp.Expr) -> sp.Expr:
    r"""``divisor`` without its factors that never vanish: $4^n \Gamma(n + 1)$ has no zero, though ``solve`` cannot
    say so; 1 when no factor may vanish."""
    kept = []
    for factor in sp.Mul.make_args(divisor):
        base, _ = factor.as_base_exp()
        if factor.is_nonzero is True or isinstance(base, NEVER_ZERO) or (isinstance(factor, sp.Pow) and
                                                                         base.is_nonzero is True):
            continue
        kept.append(factor)
    return sp.Mul(*kept)


def _integer_part_zeros(divisor: sp.Expr, symbols, deadline: float, solved: list):
    r"""Zeros of a divisor written with ``floor(u)`` or ``ceiling(u)``: the divisor's zeros in the integer value $k$
    of the part, then the points where $u = k$ and $u = k \pm \tfrac12$ (inside the step $k$ on either side)."""
    parts = sorted(divisor.atoms(sp.floor, sp.ceiling), key=sp.default_sort_key)
    if len(parts) != 1:
        return
    (part,) = parts
    k = sp.Dummy("k", integer=True)
    reduced = divisor.xreplace({part: k})
    if reduced.has(sp.floor, sp.ceiling):
        return
    if reduced.free_symbols == {k}:
        values = _solve_quietly(reduced, k)
    else:
        values = []
        for point in _zeros(reduced, tuple(symbols) + (k,), deadline):
            value = point.get(k)
            if value is not None and value.is_integer:
                values.append(value)
    if values is None:
        return
    step = sp.Rational(1, 2) if isinstance(part, sp.floor) else -sp.Rational(1, 2)
    inner = part.args[0]
    equations = [inner - v - shift for v in dict.fromkeys(values) if v.is_integer for shift in (0, step)]
    found = False
    for equation in equations:
        inner_solved = []
        for point in _zeros(equation, symbols, deadline, inner_solved):
            if all(s in point for s in symbols):
                yield point
        found = found or bool(inner_solved)
    if found or not equations:
        solved.append(part)


def _solve_quietly(expr: sp.Expr, symbol) -> list | None:
    try:
        return [r for r in sp.solve(expr, symbol) if isinstance(r, sp.Expr)]
    except Exception:  # noqa: BLE001 - sympy cannot solve it
        return None


def undefined_as_written(inst, point: dict) -> tuple[str, ...]:
    r"""The sides (``'lhs'``, ``'rhs'``) that divide by zero as written at the exact ``point``
    (``Instance.written_divisors``), although their cancelled sympy forms may have a value there.

    No value-based counterexample may sit at such a point: where both sides are undefined as written,
    $\frac{x - 1}{x - 1} = \operatorname{sign}((x - 1)^2)\,\frac{x - 1}{x - 1}$ at $x = 1$, the claim says
    nothing, though the cancelled forms $1$ and $0$ differ; where one side is, only a domain refutation
    (:func:`domain_refutation_at`) may be shown, with that side undefined."""
    return tuple(side for side in ("lhs", "rhs")
                 if any(s == side and _vanishes(d, point) for s, d in getattr(inst, "written_divisors", ())))


def domain_refutation_at(inst, point: dict) -> Verdict | None:
    """A domain refutation at the exact ``point`` (inside the claim) where exactly one side divides by zero as
    written and the other is a defined finite real, for a claim that must hold wherever its assumptions do."""
    if inst.undefined != "refutes" or inst.rel != "=":
        return None
    return _decide_at(inst, list(getattr(inst, "written_divisors", ())), point)


def _vanishes(divisor: sp.Expr, point: dict) -> bool:
    try:
        if _is_pole(divisor):  # 1/gamma(u) vanishes where u is 0, -1, -2, ...: no simplify of gamma at a rational
            u = divisor.base.args[0].xreplace(point)
            return not u.free_symbols and u.is_integer is True and u.is_nonpositive is True
        value = divisor.xreplace(point)
        if value.free_symbols:
            return False  # a symbol the point does not give (cancelled from both sides): not decided here
        zero = value.is_zero
        if zero is not None or value.is_Rational:
            return bool(zero) or value == 0
        return not _certified_nonzero(value) and sp.simplify(value) == 0
    except Exception:  # noqa: BLE001
        return False


def _certified_nonzero(value: sp.Expr) -> bool:
    r"""Whether precision-tracking ``evalf`` certifies a digit of ``value`` (so it is not 0) before ``simplify``
    is tried: $1 + e^{-20000.5}$, the denominator of $\sigma(x)$ far out, sent ``simplify`` through ``nsimplify``
    at thousands of digits (minutes computing $\log 2$ there: the 1 - sigmoid bound beyond 15000 timed out)."""
    try:
        return value.evalf(15, strict=True, maxn=NONZERO_DIGITS) != 0
    except Exception:  # noqa: BLE001 - PrecisionExhausted and the like: not certified
        return False


def _decide_at(inst, divisors, point: dict) -> Verdict | None:
    undefined = {side: [d for s, d in divisors if s == side and _vanishes(d, point)] for side in ("lhs", "rhs")}
    broken = [side for side in ("lhs", "rhs") if undefined[side]]
    if len(broken) != 1:
        return None
    (side,) = broken
    other = "rhs" if side == "lhs" else "lhs"
    state, value = side_state(inst.rhs if other == "rhs" else inst.lhs, point, real=not inst.is_complex)
    if state != "defined":
        return None
    divisor = undefined[side][0]
    counterexample = {str(s): coordinate_text(v) for s, v in point.items()}
    outside = condition_of(divisor)
    if divisor == 0:  # a real domain the assumptions leave everywhere: sign(x - 1) + 1 with x <= -1 is 0
        outside = "an argument outside its real domain for every point the assumptions allow"
    written = f"{divisor.base} is a pole" if _is_pole(divisor) else outside if isinstance(outside, str) else \
        f"{outside} < 0" if outside is not None else f"{divisor} = 0"
    counterexample[side] = f"undefined ({written} as written)"
    counterexample[other] = decimal_text(value)
    undefined_how = (f"has a pole of {divisor.base.func.__name__} there ({divisor.base})" if _is_pole(divisor) else
                     f"takes a root, log or inverse function of {outside} < 0, which has no real value"
                     if isinstance(outside, sp.Expr) else f"takes a root, log or inverse function of {outside}"
                     if outside is not None else
                     f"divides by {divisor} (or takes log/tan where it is undefined), which is 0 here")
    return Verdict("refuted", method="domain as written: a divisor vanishes",
                   counterexample=inst.labelled(counterexample), assumptions=inst.assumption_texts(),
                   reason=f"domain mismatch: the {side} as written {undefined_how}, while the {other} is defined; "
                          "sympy's cancellation does not remove the point from the claim")
