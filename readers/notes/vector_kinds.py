r"""Vectors the prose declares to be probability vectors or one-hot: their entries lie on the simplex.

"Since $\mathbf{y}$ is a one-hot vector of length $q$, ...", "$p$ is a probability vector", "let $\pi$ be a
probability distribution", "one-hot $y$", "$y$ is one-hot encoded" ...  A claim about the entries ``y_j``
after such a sentence holds only where

.. math::  y_j \ge 0, \qquad \sum_j y_j = 1

(for instance :math:`\sum_j y_j \log \sum_k e^{o_k} = \log \sum_k e^{o_k}`), so it is checked there.  A
one-hot vector is a vertex of the simplex: a claim that fails inside the simplex may still hold at the
vertices (:math:`\sum_j y_j \log y_j = 0`), so :func:`declared` tells the two apart.
"""
from __future__ import annotations

import re

_NAME = r"\$\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*)?\\?([A-Za-z]+)\s*\}?\s*\$"
_DECLARED = re.compile(_NAME + r"\s+(?:is|be|are)\s+(?:an?\s+|the\s+)?(?:\*+)?(one-hot|probability)(?:\*+)?"
                       r"\s+(?:encoded\s+|label\s+)*(?:vectors?|distributions?)\b", re.I)
_BEFORE = re.compile(r"\b(one-hot|probability)\s+(?:encoded\s+|label\s+)*vectors?\s+" + _NAME, re.I)
_ONE_HOT = "one[- ]hot(?:[- ]encoded)?"
_ONE_HOT_BARE = re.compile(r"\b(" + _ONE_HOT + r")\s+(?:labels?\s+|targets?\s+)?" + _NAME + "|" + _NAME
                           + r"\s+(?:(?:is|be|are)\s+)?(" + _ONE_HOT + r")\b(?!\s*(?:vectors?|distributions?)\b)", re.I)
"""``one-hot $y$``, ``one-hot label $y$``, ``$y$ (is) one-hot (encoded)``: one-hot is said of vectors only, so no noun
is needed (``probability $p$`` is a number)."""


def _position(text: str, offset: int) -> tuple[int, int]:
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


def declared(text: str) -> list[tuple[tuple[int, int], str, bool]]:
    """``((line, column), name, one_hot)`` for each declaration in ``text`` (``name`` without its typeface)."""
    out = []
    for pattern, name_group, kind_group in ((_DECLARED, 1, 2), (_BEFORE, 2, 1)):
        for m in pattern.finditer(text):
            out.append((_position(text, m.start()), m.group(name_group), m.group(kind_group).lower() == "one-hot"))
    for m in _ONE_HOT_BARE.finditer(text):
        out.append((_position(text, m.start()), m.group(2) or m.group(3), True))
    return sorted(set(out))


def in_force(declarations, position: tuple[int, int]) -> dict[str, bool]:
    r"""Name -> one-hot, for the declarations made before ``position`` (line, column): "with a one-hot target $y$:
    $L = -\sum_i y_i \log s_i$" declares ``y`` for the claim later on its own line."""
    return {name: one_hot for at, name, one_hot in declarations if at < position}


MASS_LETTERS = frozenset({"p", "q", "pi", "P", "Q"})
"""Array names that stand for probability vectors in the notes people write (``p_k``, ``q_k``, ``\\pi_k``)."""


def unstated(exprs, declared: dict) -> list[str]:
    r"""Arrays with a probability letter whose entries sit inside a logarithm (``\sum_k p_k \log\frac{1}{p_k}``,
    ``\sum_k p_k \log\frac{p_k}{q_k}``) and that no sentence declares: entropies and divergences of probability
    vectors, which the notes may leave unsaid.  A refutation off the simplex is then no counterexample the author
    would accept."""
    import sympy as sp

    found = set()
    for e in exprs:
        if not isinstance(e, sp.Basic):
            continue
        for log in e.atoms(sp.log):
            found |= {str(a.base.label) for a in log.atoms(sp.Indexed) if str(a.base.label) in MASS_LETTERS}
    return sorted(found - set(declared))
