r"""An approximation the sentence calls a Taylor polynomial, checked coefficient by coefficient.

"The approximating quadratic at $[-1, 0]^\top$ is $f(x, y) \approx P(x, y)$", "the second-order
Taylor expansion", "the linear approximation": the right side $P$ is a polynomial of total degree
$d \ge 1$ in the variables, written around a centre $c$ (each variable $x$ appears shifted as
$(x - c_x)$, or not shifted: $c_x = 0$).  Such a $P$ is the degree-$d$ Taylor polynomial of $f$ at
$c$ exactly when, along every direction $u$,

.. math:: \frac{d^k}{dt^k} f(c + t u)\Big|_{t=0} = \frac{d^k}{dt^k} P(c + t u)\Big|_{t=0},\qquad k = 0, \dots, d .

Both sides are polynomials in $u$; they are compared at ``DIRECTIONS`` random rational directions
with mpmath at ``DIGITS`` digits.  A coefficient that differs is a refutation, with the direction,
the order and the two values as its witness; agreement at every direction and order is evidence
(``verified``).  The centre is read from the shifts, so a polynomial whose value at that centre
differs from $f$'s is not read (the notes may expand around a point sympy's simplification hid:
``1 + (s - 1)`` is ``s``).  Without the cue in the sentence an approximation may be meant at another scale (for
large $x$, a rough fit), so nothing is read here.
"""
from __future__ import annotations

import random
import re
import zlib

import mpmath
import sympy as sp
from sympy.core.function import AppliedUndef

CUE = re.compile(r"\bTaylor\b|approximating (?:quadratic|polynomial|line|plane|parabola)|"
                 r"(?:linear|quadratic|cubic|first[- ]order|second[- ]order|third[- ]order) "
                 r"(?:approximation|expansion|Taylor)|\blineari[sz]ation\b|tangent (?:line|plane)", re.IGNORECASE)
"""Words of the sentence that say the right side is a Taylor polynomial."""
FAR = re.compile(r"\blarge\b|\binfinity\b|\\infty|\basymptotic", re.IGNORECASE)
"""Words that place the approximation away from a centre: not a Taylor polynomial there."""
DIRECTIONS = 3
DIGITS = 40
TOLERANCE = mpmath.mpf(10) ** -(DIGITS - 10)
"""Coefficients agree within this (exact expressions evaluated at DIGITS digits)."""


def introduction(lines, line: int) -> str:
    """The last sentence of the prose just above the block starting at ``line`` (1-based): the paragraph
    that introduces a display ("the approximating quadratic at $c$ is"), or '' after a heading or formula."""
    k, found = line - 2, []
    while k >= 0 and not lines[k].strip():
        k -= 1
    while k >= 0 and lines[k].strip() and not lines[k].lstrip().startswith(("#", "$$", "\\[", "\\begin")) \
            and not lines[k].rstrip().endswith(("$$", "\\]")):
        found.insert(0, lines[k].strip())
        k -= 1
    return re.split(r"(?<=[.!?])\s+", " ".join(found))[-1] if found else ""


def run_introduction(lines, line: int) -> str:
    r"""The sentence introducing a run of displays, for any display of the run: "For independent $X$ and $Y$,
    $$\operatorname{Var}(X + Y) = ...$$ $$\operatorname{Var}(X - Y) = ...$$" introduces both (only blank lines
    between them); a display after prose is introduced by that prose (:func:`introduction`)."""
    k = line - 2
    while k >= 0:
        while k >= 0 and not lines[k].strip():
            k -= 1
        if k < 0 or not lines[k].rstrip().endswith(("$$", "\\]")):
            break
        start = k  # the display above: its opening line
        while start > 0 and not lines[start].lstrip().startswith(("$$", "\\[")):
            start -= 1
        if start == k and lines[k].strip() in ("$$", "\\]"):  # a closing fence alone on its line
            start -= 1
            while start > 0 and not lines[start].lstrip().startswith(("$$", "\\[")):
                start -= 1
        line, k = start + 1, start - 1
    return introduction(lines, line)


def centre(rhs, variables) -> dict | None:
    r"""``{x: c}`` from the shifts ``(x - c)`` in ``rhs`` (0 for a variable never shifted); None when a
    variable is shifted by two different amounts."""
    out = {}
    for v in variables:
        shifts = {-sum(a for a in e.args if a.is_number) for e in rhs.atoms(sp.Add)
                  if v in e.args and all(a == v or a.is_number for a in e.args)}
        if len(shifts) > 1:
            return None
        out[v] = shifts.pop() if shifts else sp.Integer(0)
    return out


def check_taylor(lhs, rhs, sentence: str):
    r"""``(verdict, why, witness)`` for ``lhs \approx rhs`` read as a Taylor polynomial, or None when the
    sentence does not say so or ``rhs`` is not a polynomial of degree at least 1 in the variables."""
    if not CUE.search(sentence or "") or FAR.search(sentence or ""):
        return None
    if lhs.atoms(AppliedUndef) or rhs.atoms(AppliedUndef) or lhs.atoms(sp.Derivative, sp.Integral, sp.Sum):
        return None
    variables = sorted(rhs.free_symbols, key=str)
    if not variables or not lhs.free_symbols <= set(variables) or not rhs.is_polynomial(*variables):
        return None
    at = centre(rhs, variables)
    if at is None:
        return None
    t = sp.Symbol("t")
    rng = random.Random(zlib.crc32(f"{lhs} {rhs}".encode()))
    degree = sp.Poly(sp.expand(rhs.xreplace({v: at[v] + t * v for v in variables})), t).degree()
    if degree < 1:
        return None
    for _ in range(DIRECTIONS):
        u = {v: sp.Rational(rng.randint(-9, 9) or 1, rng.randint(1, 5)) for v in variables}
        line = {v: at[v] + t * u[v] for v in variables}
        f, p = lhs.xreplace(line), sp.expand(rhs.xreplace(line))
        try:
            series = sp.series(f, t, 0, degree + 1).removeO()
        except Exception:  # noqa: BLE001 - sympy could not expand it: no reading
            return None
        if not series.is_polynomial(t):
            return None  # sqrt(t), log(t): not analytic at the centre
        for k in range(degree + 1):
            want, stated = series.coeff(t, k), p.coeff(t, k)
            with mpmath.workdps(DIGITS):
                a, b = mpmath.mpf(sp.N(want, DIGITS)), mpmath.mpf(sp.N(stated, DIGITS))
            if abs(a - b) > TOLERANCE * max(1, abs(a)) and k == 0:
                return None  # not even the value at the centre: the centre may be another point
            if abs(a - b) > TOLERANCE * max(1, abs(a)):
                point = ", ".join(f"{v} = {at[v]} + {u[v]} t" for v in variables)
                witness = {"centre": ", ".join(f"{v}={at[v]}" for v in variables), "order": str(k),
                           "along": point, "taylor": mpmath.nstr(a, 12), "stated": mpmath.nstr(b, 12)}
                return ("refuted", f"read as the degree-{degree} Taylor polynomial at the centre of its shifts: "
                                   f"the t^{k} coefficient along {point} is {mpmath.nstr(a, 12)}, "
                                   f"the stated polynomial has {mpmath.nstr(b, 12)}", witness)
    centre_shown = ", ".join(f"{v}={at[v]}" for v in variables)
    return ("verified", f"the degree-{degree} Taylor polynomial at ({centre_shown}): every coefficient up to "
                        f"t^{degree} agrees along {DIRECTIONS} random directions ({DIGITS} digits)", None)
