r"""Truncation errors refuted coefficient by coefficient: ``u(t + h) = u(t) + h u'(t) + \frac{h^2}{3} u''(t) + O(h^3)``.

A claim ``side = rest + O(h^m)`` about functions the notes leave arbitrary (``u``, ``f``) says that, for every
smooth ``u``, the Taylor coefficients of ``side - rest`` in the small step ``h`` vanish up to ``h^{m-1}``:

.. math:: [h^k]\,\bigl(\text{side}(h) - \text{rest}(h)\bigr) = 0, \qquad k = 0, \dots, m - 1 .

Each unknown function is replaced by a random polynomial with rational coefficients of a degree above every
derivative and order the claim involves (so its derivatives ``u^{(j)}(t)``, ``j`` up to that degree, are
independent random numbers: a generic smooth function as far as these coefficients can tell), each other name by
a random rational that satisfies the claim's conditions, and ``side - rest`` is expanded by sympy in ``h``.  The
coefficients are then exact rationals (or exact expressions in ``e`` and ``\pi`` evaluated with sympy's
precision-tracking ``evalf``): a nonzero one below ``h^m`` is a counterexample for that polynomial, which is a
smooth function.  A claim where every coefficient vanishes at every draw is ``verified`` (evidence, not a proof).
An integral of an unknown function over bounds in the step (a quadrature remainder) is done exactly, its body a
polynomial.

The claim is read this way only when it is about every function: each unknown function and each other name
appears on both sides (a name on one side only, ``R^n = \frac{1}{24} u''' \Delta t^2 + O(\Delta t^4)``, may be
defined elsewhere), each function is a generic letter written with its own derivatives (``f(x + h) = f(x) + h
\sigma(x) + O(h^2)`` may be about the softplus the prose names), and the notes never state a derivative of the
function (``u' = -a u``, ``y' = f(y)``: then only solutions count, see :func:`constrained`).  Grid points
``t_{n+a}`` with a step ``\Delta t`` are ``t_n + a \Delta t`` (:func:`on_grid`).
"""
from __future__ import annotations

import random
import re
import zlib

import sympy as sp
from sympy.core.function import AppliedUndef

from readers.notes.arbitrary import _RESERVED as MEANINGFUL
from readers.notes.arbitrary import ARBITRARY_NAME, substitute

METHOD = "taylor coefficients of a random polynomial (exact series)"
"""How a refutation here is named (the caller's guards for names apart do not apply: both sides share them)."""
DRAWS = 2
"""Random polynomials tried per unknown function (a refutation needs one exact nonzero coefficient)."""
SPARE_DEGREE = 3
"""Degree of the random polynomials above the highest derivative plus the order of the remainder."""
DIGITS = 30
"""Digits of the evalf that certifies a coefficient with e or pi in it is nonzero."""
_GRID = re.compile(r"(?P<base>[A-Za-z])_\{?(?P<index>[a-z])\s*(?P<sign>[+-])\s*(?P<offset>.+?)\}?")
"""A grid point's name: ``t_{n+1}``, ``t_{n-1/2}``, ``t_{n+\frac{1}{2}}``, ``x_{i+1}``."""


def _offset(text: str):
    """The offset written in a grid index (``1``, ``1/2``, ``\\frac{1}{2}``, ``\\half``) as a Rational, or None."""
    text = text.strip()
    while text.startswith("{") and text.endswith("}") and text.count("{") == 1:
        text = text[1:-1].strip()
    found = re.fullmatch(r"(\d+)(?:\s*/\s*(\d+))?", text) or re.fullmatch(r"\\t?frac\s*\{?(\d+)\}?\s*\{?(\d+)\}?", text)
    if found is None:
        return None
    return sp.Rational(int(found.group(1)), int(found.group(2) or 1))


def grid_point(name: str) -> bool:
    r"""Whether ``name`` is written as a grid point (``t_{n+1}``, ``t_{n-1/2}``) that :func:`on_grid` reads."""
    found = _GRID.fullmatch(name)
    return found is not None and _offset(found.group("offset")) is not None


def on_grid(exprs, step):
    r"""``exprs`` with each grid point ``t_{n+a}`` written ``t_n + a \cdot step`` (``step`` is ``\Delta t``, or ``h``,
    the step of that grid): the uniform grid ``t_n = t_0 + n \Delta t``.  Where ``n`` itself is a name of them,
    ``t_n`` was read as ``n \Delta t`` (the notes define it so) and ``t_{n+a}`` is ``(n + a) \Delta t``."""
    names = {s.name: s for e in exprs for s in e.free_symbols if isinstance(s, sp.Symbol)}
    moved = {}
    for name, symbol in names.items():
        found = _GRID.fullmatch(name)
        if found is None:
            continue
        base, index = found.group("base"), found.group("index")
        centre = names.get(f"{base}_{index}") or names.get(f"{base}_{{{index}}}")
        if centre is None:  # t_n read as n dt where the notes define it so, or no t_n at all: t_{n+a} alone
            centre = names[index] * step if index in names else sp.Symbol(f"{base}_{index}", real=True)
        offset = _offset(found.group("offset"))
        if offset is None or step.name not in (f"Delta_{base}", "h", f"\\Delta {base}"):
            continue
        moved[symbol] = centre + (offset if found.group("sign") == "+" else -offset) * step
    return [e.xreplace(moved) for e in exprs] if moved else list(exprs)


def constrained(lines, names) -> set:
    r"""The names of ``names`` whose derivative the notes state somewhere (``u'(t) = -a u(t)``, ``y' = f(y)``,
    ``\frac{du}{dt} = ...``): such a function is a solution, not an arbitrary one."""
    text = "\n".join(lines)
    out = set()
    for name in names:
        n = re.escape(name)
        stated = r"(?:_\{?[^{}\s$]*\}?)?\s*'+\s*(?:\([^()$]*\))?\s*=(?!\s*[^$]*O\()"  # u'(t) = ..., no O(...)
        if re.search(r"(?<![\\A-Za-z_{])" + n + stated, text) \
                or re.search(r"\\frac\{\s*d\s*" + n + r"\s*\}\{\s*d\s*[a-z]\s*\}\s*=", text) \
                or re.search(r"\\dot\{?\s*" + n + r"\b", text):
            out.add(name)
    return out


_HEADING = re.compile(r"\s*(?:#|\\(?:chapter|section|subsection|subsubsection)\b)")
"""A line that opens a section (Markdown or LaTeX)."""


def scope(lines, line: int) -> list:
    """The lines a claim on ``line`` (1-based) may lean on for what its functions are: everything above it and the
    rest of its own section."""
    end = next((k for k in range(line, len(lines)) if _HEADING.match(lines[k])), len(lines))
    return list(lines[:end])


_SMALL_STEP = re.compile(r"\\?(?:h|Delta_?\s*[A-Za-z]?|delta|d[tx]|epsilon|varepsilon|eta|alpha|tau)(?:_\{?\w+\}?)?")
"""Names of steps that go to 0 (``h``, ``\\Delta t``, ``\\epsilon``, ``\\eta``): ``O(n^2)`` about a count or a size means
``n \\to \\infty``, where a Taylor coefficient at 0 says nothing."""


def small_step(step) -> bool:
    """Whether ``step`` is named as a quantity that goes to 0 (:data:`_SMALL_STEP`), not a count or a size."""
    return isinstance(step, sp.Symbol) and not step.is_integer and _SMALL_STEP.fullmatch(step.name) is not None


def _polynomial(degree: int, rng: random.Random) -> sp.Lambda:
    """A random polynomial of ``degree`` with nonzero rational coefficients of modest size."""
    x = sp.Dummy("s", real=True)
    body = sum(sp.Rational(rng.choice((-1, 1)) * rng.randint(1, 9), rng.randint(1, 4)) * x**k / sp.factorial(k)
               for k in range(degree + 1))
    return sp.Lambda(x, body)


def _derivative_order(expr) -> int:
    orders = [sum(n for _, n in d.variable_count) for d in expr.atoms(sp.Derivative)]
    return max(orders, default=0)


def _nonzero(value) -> bool | None:
    """Whether an exact coefficient is certainly nonzero (True), certainly zero (False), or neither decided."""
    value = sp.nsimplify(value) if isinstance(value, sp.Float) else value
    if value.is_Rational:
        return value != 0
    if value.free_symbols:
        return None
    try:
        shown = value.evalf(DIGITS, strict=True)
    except Exception:  # noqa: BLE001 - evalf could not reach the precision: undecided
        return None
    return (shown.is_real and abs(shown) > sp.Float(10) ** -(DIGITS - 10)) or None


def compare(side, rest, step, order: int, conditions=(), lines=()):
    r"""``('refuted', reason, counterexample)`` when a Taylor coefficient of ``side - rest`` below ``step^order`` is
    nonzero for a random polynomial in place of each unknown function (module docstring), ``('verified', how, None)``
    when every one vanishes for each draw; None when the claim is not read so."""
    if not small_step(step):
        return None
    side, rest = on_grid((side, rest), step)
    functions = {f.func for e in (side, rest) for f in e.atoms(AppliedUndef)}
    if any(len(f.args) != 1 for e in (side, rest) for f in e.atoms(AppliedUndef)):
        return None
    left = {f.func for f in side.atoms(AppliedUndef)} | (side.free_symbols - {step})
    right = {f.func for f in rest.atoms(AppliedUndef)} | (rest.free_symbols - {step})
    if left != right or step not in (side - rest).free_symbols:
        return None  # a name on one side only may be defined elsewhere
    if constrained(lines, [f.__name__ for f in functions]):
        return None
    differentiated = {d.expr.func for d in (side - rest).atoms(sp.Derivative) if isinstance(d.expr, AppliedUndef)}
    if any(f not in differentiated or f.__name__ in MEANINGFUL or not ARBITRARY_NAME.fullmatch(f.__name__)
           for f in functions):
        return None  # f(x + h) = f(x) + h sigma(x): f may be a function the prose names, not any function
    if any(e.has(sp.Sum, sp.Product, sp.Limit, sp.Abs, sp.floor, sp.ceiling, sp.Piecewise)
           for e in (side, rest)):
        return None
    degree = _derivative_order(side - rest) + order + SPARE_DEGREE
    text = f"{side} = {rest} + O({step}^{order})"
    rng = random.Random(zlib.crc32(text.encode("utf-8")))
    others = sorted((side.free_symbols | rest.free_symbols) - {step}, key=str)
    for _ in range(DRAWS):
        mapping = {f: _polynomial(degree, rng) for f in sorted(functions, key=lambda f: f.__name__)}
        point = _point(others, conditions, step, rng)
        if point is None:
            return None
        try:
            difference = (substitute(side, mapping) - substitute(rest, mapping)).xreplace(point)
            if difference.has(sp.Integral):  # the integral of a polynomial over bounds in the step: exact
                difference = difference.replace(lambda e: isinstance(e, sp.Integral), lambda e: e.doit())
            if difference.has(sp.Integral):
                return None
            series = sp.series(difference, step, 0, order).removeO()
            series = sp.expand(series)
        except Exception:  # noqa: BLE001 - sympy could not expand it: no verdict here
            return None
        if series.has(sp.log) or not series.is_polynomial(step):
            return None
        poly = sp.Poly(series, step)
        for (k,), coefficient in sorted(poly.terms()):
            if k >= order:
                continue
            nonzero = _nonzero(coefficient)
            if nonzero is None:
                return None
            if nonzero:
                shown_point = {str(s): str(v) for s, v in point.items()}
                functions_shown = {f"{f.__name__}(s)": str(sp.expand(body.expr)).replace(str(body.variables[0]), "s")
                                   for f, body in mapping.items()}
                witness = {**functions_shown, **shown_point,
                           f"coefficient of {step}^{k} in lhs - rhs": str(coefficient)}
                why = (f"the coefficient of {step}^{k} in lhs - rhs is {coefficient}, not 0 (exact series in {step}; "
                       f"the remainder is written O({step}^{order}))"
                       + (" at " + ", ".join(f"{n} = {v}" for n, v in shown_point.items()) if shown_point else "")
                       + (f", with {', '.join(f.__name__ for f in mapping)} a random polynomial of degree {degree} "
                          "(in the counterexample)" if mapping else ""))
                return "refuted", why, witness
    drawn = f", with {', '.join(sorted(f.__name__ for f in functions))} random polynomials of degree {degree}" \
        if functions else ""
    return "verified", (f"every Taylor coefficient of lhs - rhs below {step}^{order} is 0 at {DRAWS} random points"
                        f"{drawn} (exact series; evidence, not a proof)"), None


def _value(symbol, rng):
    """A random value fit for ``symbol``'s assumptions: a whole number for an integer, positive where it must be."""
    sign = 1 if symbol.is_nonnegative or symbol.is_positive else rng.choice((-1, 1))
    if symbol.is_integer:
        return sp.Integer(sign * rng.randint(1, 9))
    return sp.Rational(sign * rng.randint(2, 19), rng.randint(2, 7))


def _point(names, conditions, step, rng) -> dict | None:
    """Random rationals for ``names`` (not the step) satisfying every condition that does not involve the step."""
    checked = [c for c in conditions if isinstance(c, sp.Basic) and not c.has(step)]
    for _ in range(30):
        point = {s: _value(s, rng) for s in names}
        if all(c.xreplace(point) is sp.true for c in checked):
            return point
    return None
