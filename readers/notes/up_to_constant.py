r"""Equalities up to an additive constant: ``-\log p(y) = \frac{1}{2}(y - \mu)^2 + \text{const}``.

A side ``rest + K``, where ``K`` is a word the notes use for an unnamed constant (``\text{const}``,
``\mathrm{const}``, ``\text{constant}``, ``\text{cst}``), or the letter ``C``, ``c`` or ``K`` where the sentence
around the block speaks of a constant or the other side is an indefinite integral (``\int \cos x\,dx = \sin x +
C``), that appears once, added and nowhere else, claims that *some* constant fits:

.. math:: \exists K\ \forall v:\ \text{lhs}(v) = \text{rest}(v) + K
          \iff \forall v, v':\ \text{lhs}(v) - \text{rest}(v) = \text{lhs}(v') - \text{rest}(v'),

with ``v'`` a fresh copy of the claim's variables (named ``v'``).  Checked as that equality, a proof shows the
difference free of the variables, and a counterexample is two points where the differences differ, so that no
constant fits both.  Read as one more variable, ``K`` would make every such claim false (one value fits, not
every value).

A chain of antiderivatives names its constants with subscripts, on either side and scaled
(``\frac{1}{4i}(\dots + C_1) = -\frac{1}{8}[\dots] + C_2``, once its ``\int`` has been worked out): where the
constants enter ``lhs - rhs`` linearly with number coefficients, not all zero,

.. math:: \exists C_1, C_2\ \forall v:\ D(v) + a_1 C_1 + a_2 C_2 = 0 \iff D(v) \text{ is the same at any two points},

with ``D`` the difference at ``C_k = 0``, checked as above.

An antiderivative the numbers cannot evaluate (``\int x e^{2x}\,dx = \frac{x}{2}e^{2x} + C``: the indefinite
integral has no value at a point) is checked by its derivative (:func:`by_derivative`): on an interval,

.. math:: \exists C\ \forall x:\ \int f\,dx = F(x) + C \iff \forall x:\ f(x) - F'(x) = 0,

and a point where :math:`f - F'` is not 0 is a counterexample (no constant fits near it).  A constant that may
depend on other letters (``\int 2xy\,dx = x^2 y + C(y)``) is allowed by the same test, which differentiates in
the integration variable only.
"""
from __future__ import annotations

import re

import sympy as sp
from sympy.core.function import AppliedUndef

CONSTANT_WORDS = frozenset({"const", "constant", "cst", "Const", "Constant", "text: some constant"})
"""Names the LaTeX reader gives an unnamed constant written in words (``\\text{const}`` becomes ``const``)."""
CONSTANT_LETTERS = frozenset({"C", "c", "K"})
"""Letters that name an unnamed constant where the prose says so (``up to an additive constant C``) or an
antiderivative is written: read as one more variable, ``rest + C`` could hold for one value of ``C`` only."""


_INDEFINITE = re.compile(r"\\int(?![a-zA-Z])(?!\s*(?:_|\\limits|\\nolimits))")
"""An integral sign written without limits: an antiderivative."""
_SUBSCRIPTED = re.compile(r"[CcK]_\{?\d\}?")
"""``C_1``, ``c_{2}``: the constants of a chain of antiderivatives."""


def cued(lhs, rhs, prose: str, block: str = "") -> bool:
    """Whether a letter of :data:`CONSTANT_LETTERS` may name the constant: the prose around the block says
    'constant', a side is an indefinite integral, or the ``block`` (a chain) writes one."""
    return bool(re.search(r"\bconstants?\b", prose, re.IGNORECASE)) or any(
        len(limits) == 1 for e in (lhs, rhs) for i in e.atoms(sp.Integral) for limits in i.limits) or bool(
        _INDEFINITE.search(block))


def split(lhs, rhs, letters: bool = False):
    """``(side, rest, K)`` for ``side = rest + K`` (``K`` a constant word, or with ``letters`` a constant letter,
    added on either side and nowhere else); None when the claim writes none."""
    names = CONSTANT_WORDS | (CONSTANT_LETTERS if letters else frozenset())
    for side, other in ((rhs, lhs), (lhs, rhs)):
        words = [s for s in side.free_symbols if isinstance(s, sp.Symbol) and s.name in names]
        if len(words) != 1 or words[0] in other.free_symbols:
            continue
        word = words[0]
        if word not in sp.Add.make_args(side) or (side - word).has(word):
            continue
        return other, side - word, word
    return _linear_constants(lhs, rhs) if letters else None


def _linear_constants(lhs, rhs):
    """``(lhs, rhs, "C_1, C_2")`` at ``C_k = 0`` when the subscripted constants of :data:`_SUBSCRIPTED` enter
    ``lhs - rhs`` linearly with number coefficients, not all zero; else None."""
    difference = lhs - rhs
    constants = sorted((s for s in difference.free_symbols if isinstance(s, sp.Symbol)
                        and _SUBSCRIPTED.fullmatch(s.name)), key=str)
    if not constants or not (lhs.free_symbols | rhs.free_symbols) - set(constants):
        return None
    try:
        coefficients = [sp.simplify(sp.diff(difference, c)) for c in constants]
    except (TypeError, ValueError, NotImplementedError):
        return None
    if any(a.free_symbols for a in coefficients) or all(a == 0 for a in coefficients):
        return None
    zero = {c: 0 for c in constants}
    return lhs.xreplace(zero), rhs.xreplace(zero), ", ".join(map(str, constants))


def doubled(side, rest, conditions=()):
    r"""``(difference, its copy, conditions)``: ``side - rest`` at the variables and at their primed copies, with
    the conditions stated for both; a reason (text) when the difference cannot be copied (an arbitrary function,
    an array)."""
    difference = side - rest
    if difference.atoms(AppliedUndef) or any(e.has(sp.Indexed, sp.IndexedBase) for e in (side, rest)):
        return "an arbitrary function or an array in a claim up to a constant"
    free = sorted((s for s in difference.free_symbols if isinstance(s, sp.Symbol)), key=str)
    if not difference.free_symbols and (side.free_symbols | rest.free_symbols):
        return difference, difference, tuple(conditions)  # the variables cancel: the same difference everywhere
    if not free or len(free) != len(difference.free_symbols):
        return "a claim up to a constant whose sides name no variable"
    copies = {s: sp.Symbol(s.name + "'", **s.assumptions0) for s in free}
    stated = tuple(conditions)
    again = tuple(c.xreplace(copies) for c in stated if getattr(c, "free_symbols", set()) & set(free))
    return difference, difference.xreplace(copies), stated + again


def by_derivative(side, rest):
    """``(d/dx (side - rest), x)`` where every integral of the claim is indefinite in the one variable ``x``;
    None otherwise (a definite integral, several variables, no integral)."""
    integrals = [i for e in (side, rest) for i in e.atoms(sp.Integral)]
    if not integrals or any(len(i.limits) != 1 or len(i.limits[0]) != 1 for i in integrals):
        return None
    variables = {i.limits[0][0] for i in integrals}
    if len(variables) != 1:
        return None
    (variable,) = variables
    try:
        derivative = sp.diff(side - rest, variable)
    except (TypeError, ValueError, NotImplementedError):
        return None
    if derivative.has(sp.Integral, sp.Derivative):
        return None
    return derivative, variable
