r"""Equalities up to an additive constant: ``-\log p(y) = \frac{1}{2}(y - \mu)^2 + \text{const}``.

A side ``rest + K``, where ``K`` is a word the notes use for an unnamed constant (``\text{const}``,
``\mathrm{const}``, ``\text{constant}``, ``\text{cst}``) that appears once, added and nowhere else, claims that
*some* constant fits:

.. math:: \exists K\ \forall v:\ \text{lhs}(v) = \text{rest}(v) + K
          \iff \forall v, v':\ \text{lhs}(v) - \text{rest}(v) = \text{lhs}(v') - \text{rest}(v'),

with ``v'`` a fresh copy of the claim's variables (named ``v'``).  Checked as that equality, a proof shows the
difference free of the variables, and a counterexample is two points where the differences differ, so that no
constant fits both.  Read as one more variable, ``K`` would make every such claim false (one value fits, not
every value).
"""
from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef

CONSTANT_WORDS = frozenset({"const", "constant", "cst", "Const", "Constant", "text: some constant"})
"""Names the LaTeX reader gives an unnamed constant written in words (``\\text{const}`` becomes ``const``)."""


def split(lhs, rhs):
    """``(side, rest, K)`` for ``side = rest + K`` (``K`` a constant word, added on either side and nowhere else);
    None when the claim writes none."""
    for side, other in ((rhs, lhs), (lhs, rhs)):
        words = [s for s in side.free_symbols if isinstance(s, sp.Symbol) and s.name in CONSTANT_WORDS]
        if len(words) != 1 or words[0] in other.free_symbols:
            continue
        word = words[0]
        if word not in sp.Add.make_args(side) or (side - word).has(word):
            continue
        return other, side - word, word
    return None


def doubled(side, rest, conditions=()):
    r"""``(difference, its copy, conditions)``: ``side - rest`` at the variables and at their primed copies, with
    the conditions stated for both; a reason (text) when the difference cannot be copied (an arbitrary function,
    an array)."""
    difference = side - rest
    if difference.atoms(AppliedUndef) or any(e.has(sp.Indexed, sp.IndexedBase) for e in (side, rest)):
        return "an arbitrary function or an array in a claim up to a constant"
    free = sorted((s for s in difference.free_symbols if isinstance(s, sp.Symbol)), key=str)
    if not free or len(free) != len(difference.free_symbols):
        return "a claim up to a constant whose sides name no variable"
    copies = {s: sp.Symbol(s.name + "'", **s.assumptions0) for s in free}
    stated = tuple(conditions)
    again = tuple(c.xreplace(copies) for c in stated if getattr(c, "free_symbols", set()) & set(free))
    return difference, difference.xreplace(copies), stated + again
