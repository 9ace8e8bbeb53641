r"""Approximations (``\approx``) checked as what they claim: closeness at the stated scale.

Two readings, each with its own evidence:

* **numeric**: both sides are numbers and the right side is a decimal with ``k`` digits after the
  point (``\log\sqrt{2\pi e} \approx 1.4189``): it holds when

  .. math:: |\text{lhs} - \text{rhs}| \le 10^{-k}

  (one unit in the last stated digit: rounding or truncation), or within ``DOUBLE`` relative (a long
  value printed from double precision), with the left side evaluated by mpmath at ``DIGITS`` digits.

* **asymptotic**: a small quantity is named (``\epsilon``, ``\varepsilon``, ``\delta``, each maybe
  indexed, or ``x`` next to ``x_0``: ``x - x_0`` is small).  Every small quantity ``s`` is scaled by
  ``t`` and the claim is read as a statement about ``t \to 0``: with ``K`` the highest power of ``t`` in
  the polynomial terms of either side (a Taylor polynomial of order ``K``), and at least 1 (an
  approximation of order 0, ``f(x + \epsilon) \approx f(x)``, is too weak to count as evidence),

  .. math:: \text{lhs}(t) - \text{rhs}(t) = o(t^K), \qquad \text{seen as } |r(t/10)| / |r(t)|
            \le 10^{-(K + 1) + \text{SLACK}}

  at ``t = 10^{-3}, 10^{-4}, 10^{-5}`` (mpmath, ``DIGITS`` digits), at ``POINTS`` random points, with
  each function the notes leave arbitrary replaced by random smooth functions
  (:mod:`readers.notes.arbitrary`).  Holding at every sample is evidence (``verified``), and the method
  says what was sampled.

An asymptotic failure is never a refutation: an approximation may be meant at a scale the notes leave
implicit, so the caller keeps ``undecided`` with the reason.  A numeric one is refuted only when the stated
value is off by more than its written precision allows and by more than ``REL`` of the exact value:

.. math:: |\text{lhs} - \text{rhs}| > \max(u, \; \text{REL}\,|\text{lhs}|)

with ``u`` one unit in the last written digit (for a whole number ending in zeros, ``1000``, the zeros are not
read as significant: ``u = 1000``), and a value written as a power of ten (``10^{-9}``) states an order of
magnitude, never refuted.  Between one unit and that bound the value stays ``undecided``: a limit or
an asymptotic formula evaluated at a finite point (``(1 - 1/100)^{100} \approx 0.368``) is often written so.
Another reading of a ``\log`` without a base is the caller's (:mod:`readers.notes.check`).
"""
from __future__ import annotations

import random
import re
import zlib

import mpmath
import sympy as sp
from sympy.core.function import AppliedUndef

from readers.notes.arbitrary import arbitrary_functions, draws, substitute

DIGITS = 50
"""Significant digits of the mpmath evaluations (far above the scales compared)."""
SCALES = (3, 4, 5)
"""The small parameter ``t`` is set to ``10^-k`` for each ``k`` here."""
SLACK = 0.15
"""Decades of slack on each observed order (a residual ``c t^{K+1} + d t^{K+2}`` with ``d/c`` up to
about 40 at ``t = 10^{-3}`` still shows an order above ``K + 1 - SLACK``)."""
POINTS = 2
"""Random points (values of the other symbols) per draw of the arbitrary functions."""
REL = sp.Rational(5, 100)
"""Relative error beyond which a numeric approximation is refuted (with more than a unit in its last digit):
a slip of a digit, a wrong constant or a wrong base is off by far more, while a limit or a first-order formula
evaluated at a finite point, which notes also write with ``\approx``, is usually within a few percent."""
ONE_UNIT_OFF = "(more than one unit in its last digit)"
"""How the reason of a value off by more than its digits, but within ``REL``, ends (other readings are the
caller's: readers.notes.approximation_readings)."""
DOUBLE = 1e-15
"""Relative closeness accepted for a value stated with more digits than double precision carries (about
4.5 units of 2^-52): such values are printed from floating-point computations."""
TINY = mpmath.mpf(10) ** -(DIGITS - 10)
"""A residual below this at every scale is zero at the working precision."""
_SMALL = re.compile(r"\\?(?:var)?epsilon|\\?delta|\\?Delta")
"""Names of small quantities (the base name, before any subscript)."""


def _base(symbol) -> str:
    name = symbol.base.label.name if isinstance(symbol, sp.Indexed) else symbol.name
    return re.split(r"[_{\[]", name.replace("\\boldsymbol{", "").replace("\\mathbf{", ""), maxsplit=1)[0] \
        or name


def decimal_places(value) -> int | None:
    """``k`` when ``value`` is a terminating decimal with ``k`` digits after the point (``k \\le 40``)."""
    if not isinstance(value, (sp.Rational, sp.Integer)) and not (isinstance(value, sp.Float)):
        return None
    value = sp.Rational(value)
    for k in range(0, 41):
        if (value * 10 ** k).is_integer:
            return k
    return None


_NUMERAL = re.compile(r"\d+(?:\.\d+)?")
"""A numeral as written in LaTeX, with its decimals (``2.0``, ``0.693``, ``1000``)."""


def written_places(latex: str, value) -> int | None:
    """The decimals ``value`` is written with in ``latex`` (``2.0`` has 1, though it reads as ``2``): the fewest
    of the numerals there equal to ``|value|``; None when none is."""
    found = [len(m.group(0).partition(".")[2]) for m in _NUMERAL.finditer(latex)
             if sp.Rational(m.group(0)) == abs(value)]
    return min(found) if found else None


def check_numeric(lhs, rhs, written: str = "") -> tuple[str, str]:
    """``(verdict, why)`` for ``lhs \\approx rhs`` between numbers: 'verified', 'refuted' (module docstring) or
    'undecided'.  ``written`` is the LaTeX the claim was read from: a stated ``2.0`` keeps its decimal there."""
    stated = decimal_places(rhs)
    value, other = lhs, rhs
    if stated is None:
        stated = decimal_places(lhs)
        value, other = rhs, lhs
    if stated is None:
        return "undecided", "an approximation between numbers, neither a decimal with a stated precision"
    stated = max(stated, written_places(written, other) or 0)
    try:
        exact = sp.N(value, DIGITS)
        diff = abs(sp.N(exact - other, DIGITS))
    except Exception as exc:  # noqa: BLE001 - sympy could not evaluate it: no evidence
        return "undecided", f"could not evaluate the exact side ({type(exc).__name__})"
    if not diff.is_real or not diff.is_finite:
        return "undecided", "the exact side is not a finite real number"
    unit = sp.Rational(1, 10 ** stated)
    double = DOUBLE * abs(sp.N(other, DIGITS))
    if diff <= max(unit, double):
        scale = f"1e-{stated}, one unit in the last stated digit" if diff <= unit else \
            f"{sp.N(double, 3)}, {DOUBLE} relative: a value printed from double precision"
        return "verified", (f"numeric closeness at the stated precision: |lhs - rhs| = {sp.N(diff, 3)} <= {scale} "
                            f"(exact side {sp.N(exact, min(30, stated + 5))}, mpmath at {DIGITS} digits)")
    shown = f"the exact side is {sp.N(exact, min(30, stated + 5))}, {sp.N(diff, 3)} away from the stated " \
            f"{sp.N(other, stated + 1)}"
    if _power_of_ten(other) and re.search(r"10\s*\^", written):  # e^{-20} \approx 10^{-9}: a scale, no digits
        return "undecided", f"{shown}: a power of ten, read as an order of magnitude"
    if diff > max(_significant_unit(other, stated), REL * abs(exact)):
        return "refuted", (f"{shown}: more than its written precision allows (one unit in its last significant "
                           f"digit) and more than {int(REL * 100)} % of the exact side (mpmath at {DIGITS} digits)")
    return "undecided", f"{shown} {ONE_UNIT_OFF}"


def _significant_unit(value, places: int):
    """One unit in the last significant written digit of ``value`` with ``places`` decimals: ``10^{-places}``,
    or ``10^z`` for a whole number ending in ``z`` zeros (``1000`` may be rounded to one figure)."""
    if places > 0 or value == 0:
        return sp.Rational(1, 10 ** places)
    digits = str(abs(int(value)))
    return sp.Integer(10) ** (len(digits) - len(digits.rstrip("0")))


def _power_of_ten(value) -> bool:
    """Whether ``|value|`` is ``10^k`` for a whole ``k`` (``1000``, ``1/1000``)."""
    value = abs(sp.Rational(value))
    return value != 0 and any(re.fullmatch(r"10*", str(n)) and d == 1 for n, d in ((value.p, value.q),
                                                                                 (value.q, value.p)))


def numeric_witness(lhs, rhs) -> dict:
    """The values a refuted numeric approximation is shown with: both sides and their difference."""
    left, right = sp.N(lhs, 20), sp.N(rhs, 20)
    return {"lhs": str(left), "rhs": str(right), "lhs - rhs": str(sp.N(left - right, 20))}


def small_quantities(lhs, rhs) -> tuple[list, dict]:
    r"""The small quantities of the claim: ``(symbols, shifts)``; ``shifts`` maps ``x`` to ``x_0`` when
    only ``x - x_0`` can be the small quantity."""
    names = lhs.free_symbols | rhs.free_symbols | lhs.atoms(sp.Indexed) | rhs.atoms(sp.Indexed)
    small = sorted((s for s in names if isinstance(s, (sp.Symbol, sp.Indexed)) and _SMALL.fullmatch(_base(s))),
                   key=str)
    small = [s for s in small if not (isinstance(s, sp.Symbol) and any(
        isinstance(i, sp.Indexed) and i.base.label == s for i in names))]
    if small:
        return small, {}
    shifts = {}
    for s in names:
        if isinstance(s, sp.Symbol):
            found = next((c for c in names if isinstance(c, sp.Symbol) and c.name in (f"{s.name}_0", f"{s.name}_{{0}}")),
                         None)
            if found is not None:
                shifts[s] = found
    return [], shifts


def _degree(expr, t) -> int:
    """The degree in ``t`` of the polynomial part of ``expr``: of each term polynomial in ``t``."""
    degree = 0
    for term in sp.Add.make_args(sp.expand(expr)):
        if term.is_polynomial(t):
            try:
                degree = max(degree, sp.degree(term, t))
            except sp.PolynomialError:
                continue
    return degree


def _structural_degree(expr, small, shifts) -> int:
    r"""The degree in ``t`` of the polynomial terms of ``expr`` as written, the small quantities scaled by
    ``t``: a function value, derivative or other opaque node is a constant when it does not involve a small
    quantity and no polynomial at all when it does (``f(x_0) + f'(x_0)(x - x_0)`` has degree 1)."""
    t = sp.Dummy("t", positive=True)
    moving = set(small) | set(shifts)
    opaque = {}

    def involves(node):
        names = node.free_symbols | node.atoms(sp.Indexed)
        return bool(names & moving) or any(isinstance(m, sp.Indexed) and m.base.label in names for m in moving)

    for node in sorted(expr.atoms(AppliedUndef, sp.Derivative, sp.Subs, sp.Integral, sp.Sum), key=sp.count_ops,
                       reverse=True):
        if node in opaque or any(node in o.args or o.has(node) for o in opaque):
            continue
        opaque[node] = sp.exp(t) if involves(node) else sp.Dummy("c")
    body = expr.xreplace(opaque)
    scaled = body.xreplace({**{s: t * s for s in small}, **{x: c + t * x for x, c in shifts.items()}})
    return _degree(scaled, t)


def _value(expr, t, k):
    with mpmath.workdps(DIGITS):
        v = sp.N(expr.xreplace({t: sp.Rational(1, 10 ** k)}), DIGITS)
    if not v.is_number:
        raise ValueError("not a number")
    v = complex(v) if not v.is_real else v
    if isinstance(v, complex):
        raise ValueError("not real")
    return mpmath.mpf(sp.Float(v, DIGITS)._mpf_) if isinstance(v, sp.Float) else mpmath.mpf(str(v))


def check_asymptotic(lhs, rhs, conditions=(), *, stated=None, named=None) -> tuple[str, str]:
    """``(verdict, why)`` for ``lhs \\approx rhs`` as the small quantities go to 0 (module docstring).
    ``stated``: ``(small, shifts, m)`` for a remainder written ``O(g)`` (:mod:`readers.notes.big_o`): those
    quantities are the small ones and lhs - rhs must be ``O(t^m)``, whatever the degree of the terms.
    ``named``: ``(small, shifts)`` the prose names ("for small $x$": :mod:`readers.notes.small_in_words`), the
    order read from the terms as without it."""
    small, shifts = small_quantities(lhs, rhs) if stated is None else stated[:2]
    if named is not None and not small and not shifts:
        small, shifts = named
    if not small and not shifts:
        return "undecided", "an approximation without a stated small quantity (epsilon, delta, x - x_0)"
    sides = lhs.free_symbols | rhs.free_symbols | lhs.atoms(sp.Indexed) | rhs.atoms(sp.Indexed)
    if not (set(small) | set(shifts)) & sides:  # |x^ - x|/|x| = O(eps_machine): eps appears only in the O()
        return "undecided", (f"the small quantity {', '.join(sorted(map(str, set(small) | set(shifts))))} of the "
                             "remainder does not occur in the sides: a bound on them, not an expansion in it")
    functions = arbitrary_functions((lhs, rhs))
    unknown = {f.func for e in (lhs, rhs) for f in e.atoms(AppliedUndef)}
    if unknown and functions is None:
        names = ", ".join(sorted(f.__name__ for f in unknown))
        return "undecided", f"an approximation in functions that cannot be read as arbitrary: {names}"
    text = f"{lhs} approx {rhs}"
    rng = random.Random(zlib.crc32(text.encode("utf-8")))
    t = sp.Dummy("t", positive=True)
    mappings = draws(functions, text) if functions else [{}]
    orders, samples = [], 0
    for mapping in mappings:
        try:
            left, right = (substitute(e, mapping) if mapping else e.doit() for e in (lhs, rhs))
        except Exception:  # noqa: BLE001 - a derivative sympy could not carry out: no evidence
            return "undecided", "an approximation whose derivatives could not be carried out"
        for _ in range(POINTS):
            point = _point(left, right, small, shifts, t, conditions, rng)
            if point is None:
                return "undecided", "no sample point satisfies the conditions with both sides real"
            l_t, r_t = point
            if (l_t - r_t).has(sp.Derivative, sp.Subs, sp.Integral, sp.Sum, AppliedUndef):
                return "undecided", "an approximation with a derivative, integral or sum left unevaluated"
            degree = max(1, *(_structural_degree(e, small, shifts) for e in (lhs, rhs))) if stated is None \
                else stated[2] - 1
            try:
                residual = [abs(_value(l_t - r_t, t, k)) for k in SCALES]
            except Exception:  # noqa: BLE001 - not a real number at a scale: no evidence
                return "undecided", "the residual could not be evaluated as a real number"
            if all(r < TINY for r in residual):
                orders.append((degree, None))
            else:
                if any(r < TINY for r in residual):
                    return "undecided", "the residual vanishes at some scales only"
                seen = [float(mpmath.log10(residual[i] / residual[i + 1])) for i in range(len(residual) - 1)]
                if min(seen) < degree + 1 - SLACK:
                    where = f"polynomial terms go up to t^{degree}" if stated is None else \
                        f"remainder is written O(t^{degree + 1})"
                    return "undecided", (f"does not hold to the order of its terms: lhs - rhs shrinks like t^"
                                         f"{min(seen):.2f} as the small quantities scale with t -> 0, where its "
                                         f"{where}")
                orders.append((degree, min(seen)))
            samples += 1
    names = ", ".join(sorted(map(str, small))) if small else ", ".join(f"{x} - {c}" for x, c in shifts.items())
    shown = ", ".join("exact" if o is None else f"t^{o:.1f}" for _, o in orders[:2])
    degree = max(d for d, _ in orders)
    how = f"with {', '.join(f.__name__ for f in functions)} replaced by random smooth functions, " if functions else ""
    claimed = f"O(t^{degree + 1})" if stated is not None else f"o(t^{degree})"
    return "verified", (f"as an approximation for small {names}: scaled by t, lhs - rhs = {claimed} ({shown}) at "
                        f"t = 1e-3..1e-5, {samples} random points, {how}mpmath at {DIGITS} digits (evidence, not a "
                        f"proof)")


def _point(left, right, small, shifts, t, conditions, rng):
    """Both sides at a random point, the small quantities scaled by ``t``: ``(lhs(t), rhs(t))`` or None."""
    free = (left.free_symbols | right.free_symbols | left.atoms(sp.Indexed) | right.atoms(sp.Indexed)) - {t}
    free = {s for s in free if not (isinstance(s, sp.Symbol) and any(isinstance(i, sp.Indexed) and i.base.label == s
                                                                       for i in free))}
    for _ in range(20):
        values = {s: sp.Rational(rng.randint(3, 17), 10) * rng.choice((1, 1, -1)) for s in sorted(free, key=str)}
        for s in small:
            values[s] = values[s] * t
        for x, centre in shifts.items():
            values[x] = centre + sp.Rational(rng.choice((-1, 1)) * rng.randint(3, 17), 10) * t
        values = {s: v.xreplace({c: values[c] for c in shifts.values() if c in values}) for s, v in values.items()}
        if any(_as_basic(c).xreplace(values).xreplace({t: sp.Rational(1, 1000)}) is sp.false for c in conditions):
            continue
        l_t, r_t = left.xreplace(values), right.xreplace(values)
        try:
            probe = [sp.N(e.xreplace({t: sp.Rational(1, 1000)}), 15) for e in (l_t, r_t)]
        except Exception:  # noqa: BLE001
            continue
        if all(p.is_real and p.is_finite for p in probe):
            return l_t, r_t
    return None


def check_approximation(lhs, rhs, conditions=(), written: str = "") -> tuple[str, str]:
    """``(verdict, why)``: 'verified' with what was sampled, 'refuted' for a number off by more than its written
    precision and ``REL`` allow, or 'undecided' with the reason."""
    if lhs.is_number and rhs.is_number:
        return check_numeric(lhs, rhs, written)
    return check_asymptotic(lhs, rhs, conditions)


def _as_basic(condition):
    """A condition as a sympy object (a Python bool becomes ``sp.true``/``sp.false``; never a string)."""
    if isinstance(condition, bool):
        return sp.true if condition else sp.false
    return condition
