r"""Taylor expansions of an arbitrary function of a vector, written with its gradient and Hessian.

.. math::

    f(\mathbf{x} + \boldsymbol\epsilon) = f(\mathbf{x}) + \boldsymbol\epsilon^\top \nabla f(\mathbf{x})
        + \tfrac12 \boldsymbol\epsilon^\top \nabla^2 f(\mathbf{x}) \boldsymbol\epsilon + O(\|\boldsymbol\epsilon\|^3)

The LaTeX reader multiplies ``\nabla f(x_0)^\top (x - x_0)`` out as scalars, so these blocks were never checked.
This module reads the block's text itself, term by term: a value ``f(P)``, a gradient term (``\nabla f(P)^\top D``,
``D^\top \nabla f(P)``, ``\nabla f(P) \cdot D``, ``\nabla_{w} f(P)``), a Hessian term (``D^\top \nabla^2 f(Q) D``,
``\nabla\nabla^\top f``, ``\mathbf{H} f``, ``H_f``), each with a rational coefficient, and a remainder
``O(\|D\|^k)``; the left side is ``f(P + D)`` or ``f(X)`` with ``D`` written ``(X - P)``.  Any other term, or
any other shape, and the block is not read here (None).

The claim is then checked numerically, not by the reading: with ``f`` a random smooth function of ``d = 2, 3``
variables whose gradient and Hessian are known in closed form (a sum of exponentials of linear forms and a sine),

* ``= ... + O(\|D\|^k)`` or ``\approx`` (an approximation of order ``m``, the highest derivative written): the
  residual at ``D = t u`` over ``t^{\min(k, m+1)}`` must stay bounded as ``t = 10^{-2} \dots 10^{-6}`` (mpmath,
  40 digits), at several random points and directions;
* ``=`` with the last derivative taken at a name that is neither ``P`` nor ``X`` (``\nabla^2 f(\boldsymbol\xi)``):
  the mean-value form, "for some point on the segment": the residual must change sign (or vanish) for ``\xi`` on
  the segment from ``P`` to ``X``, at several random points.

Holding everywhere is evidence (``verified``, never ``proved``); a failure refutes nothing (None: the block stays
as the other readings leave it).
"""
from __future__ import annotations

import random
import re
from fractions import Fraction

import mpmath

METHOD = ("a Taylor expansion in a vector: checked on random smooth functions of 2 and 3 variables (sums of "
          "exponentials of linear forms and a sine, gradient and Hessian in closed form) at random points")

_WRAPPERS = re.compile(r"\\(?:mathbf|boldsymbol|bm|vec|mathbfit|pmb)\s*\{([^{}]*)\}")
_SPACING = re.compile(r"\\(?:left|right|big|Big|bigg|Bigg)(?![a-zA-Z])|\\[,;:!]|\\quad|\\qquad|~")
_NAME = r"(?:\\[a-zA-Z]+|[a-zA-Z])(?:_(?:\{[a-zA-Z0-9]+\}|[a-zA-Z0-9]))?"
_COEFFICIENT = re.compile(r"^(?:\\t?frac\{(\d+)\}\{(\d+)\}|\\t?frac(\d)(\d)|(\d+)/(\d+)|(\d+))?")
_RELATION = re.compile(r"\\approx|=")


def _normal(latex: str) -> str:
    """The block's text with bold wrappers, spacing, sizes and the trailing punctuation gone, transposes as ``'``."""
    text = _WRAPPERS.sub(r"\1", _WRAPPERS.sub(r"\1", latex))
    text = _SPACING.sub("", text)
    text = re.sub(r"\\(?:mathcal|mathrm)\{O\}", "O", text)
    text = re.sub(r"\^\{?\\(?:top|intercal)\}?|\^\{?T\}?(?![a-zA-Z])|\^\{\\mathrm\{T\}\}", "'", text)
    text = re.sub(r"\s+", "", text)
    return re.sub(r"\\text\{[^{}]*\}$", "", text).rstrip(".,;")


def _top_split(text: str, marks: str) -> list[tuple[str, str]]:
    """``text`` cut at the characters of ``marks`` outside brackets: ``[(mark before, piece)]``."""
    out, depth, start, mark = [], 0, 0, "+"
    for i, c in enumerate(text):
        if c in "({[":
            depth += 1
        elif c in ")}]":
            depth -= 1
        elif c in marks and depth == 0 and i > 0 and text[i - 1] not in "^_{(":
            out.append((mark, text[start:i]))
            start, mark = i + 1, c
    out.append((mark, text[start:]))
    return out


def _coefficient(term: str) -> tuple[Fraction, str]:
    m = _COEFFICIENT.match(term)
    g = m.groups()
    if g[0]:
        value = Fraction(int(g[0]), int(g[1]))
    elif g[2]:
        value = Fraction(int(g[2]), int(g[3]))
    elif g[4]:
        value = Fraction(int(g[4]), int(g[5]))
    elif g[6]:
        value = Fraction(int(g[6]))
    else:
        value = Fraction(1)
    rest = term[m.end():]
    return value, rest[len("\\cdot"):] if rest.startswith("\\cdot") else rest


def _unparen(text: str) -> str:
    return text[1:-1] if text.startswith("(") and text.endswith(")") and _top_split(text[1:-1], ")") == [
        ("+", text[1:-1])] else text


class _Reading:
    """What the block says: the expansion point, the displacement, each term's coefficient and point."""

    def __init__(self, f, point, displacement, origin_is_zero):
        self.f, self.point, self.displacement = f, point, displacement
        self.zero = origin_is_zero
        self.value = None  # coefficient of f(P)
        self.gradient = None  # (coefficient, point name)
        self.hessian = None  # (coefficient, point name)
        self.remainder = None  # k of O(|D|^k)

    def is_displacement(self, text: str) -> bool:
        return _unparen(text) in self.displacement

    def point_of(self, text: str) -> str | None:
        """The name a derivative is taken at, ``f(Q)`` -> ``Q``."""
        m = re.fullmatch(re.escape(self.f) + r"\((" + _NAME + r"|0)\)", text)
        return m.group(1) if m else None

    def gradient_term(self, body: str):
        r"""``(point)`` of ``\nabla f(Q)' D``, ``D' \nabla f(Q)``, ``\nabla f(Q) \cdot D``, ``D \cdot \nabla f(Q)``."""
        grad = r"\\nabla(?:_(?:\{" + _NAME + r"\}|[a-zA-Z]))?(" + re.escape(self.f) + r"\((?:" + _NAME + r"|0)\))"
        for pattern in (grad + r"'(.+)", grad + r"\\cdot(.+)", r"(.+?)'" + grad, r"(.+?)\\cdot" + grad):
            m = re.fullmatch(pattern, body)
            if m:
                applied, other = (m.group(1), m.group(2)) if pattern.startswith(r"\\nabla") else (m.group(2),
                                                                                                  m.group(1))
                if self.is_displacement(other):
                    return self.point_of(applied)
        return None

    def hessian_term(self, body: str):
        r"""``(point)`` of ``D' H D`` with ``H`` one of ``\nabla^2 f(Q)``, ``\nabla\nabla' f(Q)``, ``H f(Q)``,
        ``H_f(Q)``."""
        f = re.escape(self.f)
        hess = r"(?:\\nabla\^\{?2\}?|\\nabla\\nabla'|H|H_\{?" + f + r"\}?)(?:_(?:\{" + _NAME + r"\}))?"
        m = re.fullmatch(r"(.+?)'" + hess + r"(" + f + r"\((?:" + _NAME + r"|0)\))(.+)", body)
        if m is None:
            m = re.fullmatch(r"(.+?)'" + r"H_\{?" + f + r"\}?" + r"\((" + _NAME + r"|0)\)(.+)", body)
            if m is None:
                return None
            point, (left, right) = m.group(2), (m.group(1), m.group(3))
        else:
            point, (left, right) = self.point_of(m.group(2)), (m.group(1), m.group(3))
        return point if self.is_displacement(left) and self.is_displacement(right) else None

    def remainder_term(self, body: str):
        m = re.fullmatch(r"O\(\\\|(.+)\\\|(?:_2)?\^\{?(\d)\}?\)", body) or re.fullmatch(
            r"O\(\|\|(.+)\|\|(?:_2)?\^\{?(\d)\}?\)", body)
        return int(m.group(2)) if m and self.is_displacement(m.group(1)) else None

    def read_term(self, sign: str, term: str) -> bool:
        coefficient, body = _coefficient(term)
        coefficient = -coefficient if sign == "-" else coefficient
        if self.point_of(body) == self.point and self.value is None:
            self.value = coefficient
            return True
        k = self.remainder_term(body)
        if k is not None and self.remainder is None and coefficient == 1:
            self.remainder = k
            return True
        point = self.gradient_term(body)
        if point is not None and self.gradient is None:
            self.gradient = (coefficient, point)
            return True
        point = self.hessian_term(body)
        if point is not None and self.hessian is None:
            self.hessian = (coefficient, point)
            return True
        return False


def read(latex: str):
    """``(reading, relation)`` of a block that is one Taylor expansion of a function of a vector; None otherwise."""
    text = _normal(latex)
    relations = _RELATION.findall(text)
    if len(relations) != 1 or r"\nabla" not in text:
        return None
    left, right = _RELATION.split(text)
    m = re.fullmatch(r"(" + _NAME + r")\((.+)\)", left)
    if m is None:
        return None
    f, argument = m.group(1), m.group(2)
    parts = _top_split(argument, "+-")
    if len(parts) == 2 and parts[1][0] == "+" and all(re.fullmatch(_NAME, p) for _, p in parts):
        point, displacements = parts[0][1], {parts[1][1]}
        reading = _Reading(f, point, displacements, False)
        readings = [reading, _Reading(f, parts[1][1], {parts[0][1]}, False)]
    elif re.fullmatch(_NAME, argument):
        readings = []
        for _, term in _top_split(right, "+-"):
            applied = re.search(re.escape(f) + r"\((" + _NAME + r"|0)\)", term)
            if applied and applied.group(1) != argument:
                point = applied.group(1)
                displacement = {argument} if point == "0" else {f"{argument}-{point}"}
                readings.append(_Reading(f, point, displacement, point == "0"))
                break
    else:
        return None
    for reading in readings:
        if all(reading.read_term(sign, term) for sign, term in _top_split(right, "+-")) and reading.value == 1 \
                and reading.gradient is not None:
            return reading, relations[0]
    return None


# ----- the numeric check ---------------------------------------------------------------------------------------

def _test_function(rng: random.Random, d: int):
    r"""``(f, grad, hess)`` of :math:`f(y) = \sum_j w_j e^{a_j \cdot y} + \sin(b \cdot y)`, random ``w, a, b``."""
    terms = [(mpmath.mpf(rng.uniform(0.5, 1.5)), [mpmath.mpf(rng.uniform(-1, 1)) for _ in range(d)])
             for _ in range(2)]
    b = [mpmath.mpf(rng.uniform(-1.5, 1.5)) for _ in range(d)]

    def dot(u, v):
        return mpmath.fsum(x * y for x, y in zip(u, v))

    def f(y):
        return mpmath.fsum(w * mpmath.exp(dot(a, y)) for w, a in terms) + mpmath.sin(dot(b, y))

    def grad(y):
        return [mpmath.fsum(w * mpmath.exp(dot(a, y)) * a[i] for w, a in terms) + mpmath.cos(dot(b, y)) * b[i]
                for i in range(d)]

    def hess(y):
        return [[mpmath.fsum(w * mpmath.exp(dot(a, y)) * a[i] * a[j] for w, a in terms)
                 - mpmath.sin(dot(b, y)) * b[i] * b[j] for j in range(d)] for i in range(d)]

    return f, grad, hess, dot


def _residual(reading, fns, p, u, t, s=None):
    """``f(P + t u)`` minus the claimed expansion; the derivative at the other name taken at ``P + s t u``."""
    f, grad, hess, dot = fns
    D = [t * x for x in u]
    x = [a + b for a, b in zip(p, D)]
    at_other = [a + s * b for a, b in zip(p, D)] if s is not None else p
    claimed = f(p)
    cg, qg = reading.gradient
    claimed += cg * dot(grad(at_other if qg != reading.point else p), D)
    if reading.hessian is not None:
        ch, qh = reading.hessian
        H = hess(at_other if qh != reading.point else p)
        claimed += ch * dot(D, [dot(row, D) for row in H])
    return f(x) - claimed


def check(latex: str) -> str | None:
    """:data:`METHOD` and what was sampled when the block is a Taylor expansion that holds on every sample; None
    when it is not one (as read here) or a sample fails."""
    found = read(latex)
    if found is None:
        return None
    reading, relation = found
    order = 2 if reading.hessian is not None else 1
    points = {reading.gradient[1]} | ({reading.hessian[1]} if reading.hessian else set())
    last = (reading.hessian or reading.gradient)[1]
    others = points - {reading.point}
    mean_value = relation == "=" and reading.remainder is None and others == {last}
    if relation == "=" and reading.remainder is None and not mean_value:
        return None  # an equation with no remainder: not an identity for an arbitrary f
    if others and not mean_value:
        return None
    if reading.remainder is not None and reading.remainder < 1:
        return None
    power = min(reading.remainder or order + 1, order + 1)
    rng = random.Random(20261206)
    with mpmath.workdps(40):
        for d in (2, 3):
            for _ in range(3):
                fns = _test_function(rng, d)
                p = [mpmath.mpf(rng.uniform(-1, 1)) for _ in range(d)]
                u = [mpmath.mpf(rng.uniform(-1, 1)) for _ in range(d)]
                if mean_value:
                    if not _changes_sign(reading, fns, p, u):
                        return None
                    continue
                ratios = [abs(_residual(reading, fns, p, u, mpmath.mpf(10) ** -k)) * mpmath.mpf(10) ** (k * power)
                          for k in (2, 4, 6)]
                if not ratios[-1] <= 2 * ratios[0] + mpmath.mpf(10) ** -20:
                    return None
    if mean_value:
        return f"{METHOD}: the last term's point taken on the segment (mean-value form), found at every sample"
    remainder = f"O(|D|^{power})" if reading.remainder else f"order {order + 1} in |D| (an approximation)"
    return f"{METHOD}: the residual is {remainder} at D = t u, t = 1e-2, 1e-4, 1e-6"


def _changes_sign(reading, fns, p, u) -> bool:
    """Whether the residual vanishes for some point of the segment (a sign change over 64 steps of it)."""
    t = mpmath.mpf("0.4")
    values = [_residual(reading, fns, p, u, t, mpmath.mpf(i) / 64) for i in range(65)]
    return any(abs(v) < mpmath.mpf(10) ** -30 for v in values) or any(a * b < 0 for a, b in zip(values, values[1:]))
