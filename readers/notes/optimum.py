r"""A stated optimum ``w^\star = \dots`` checked by its first-order condition.

After an objective $F$ in a variable $w$ (``\min_w F(w)`` in the section, or a function ``h(\mathbf{x})``
that the sentence calls minimised: "a minimizer at $\mathbf{x}^* = \dots$"), a block
``w^\star = v`` (also ``w^*``, ``w^{\star}``) states where the optimum is.  An interior optimum of a
differentiable objective is a stationary point, so the block claims

.. math:: \left.\frac{\partial F}{\partial w}\right|_{w = v} = 0 .

Vectors and matrices are read in their $1\times1$ case (``X^\top`` is ``X``, the identity ``I`` is
1, ``\|u\|^2`` is $u^2$): every statement about matrices of free sizes includes that case, so a
failure there is a counterexample; a success there proves nothing about larger sizes, and the caller
says so (:func:`matrix_like`).  An objective with constraints (``s.t.``) has optima where the gradient
need not vanish: it is not read here.
"""
from __future__ import annotations

import re

import sympy as sp

STARRED = re.compile(r"^(?P<base>.+?)\^\{?(?:\*|star|\\star)\}?$")
"""``w^{star}``, ``\\mathbf{x}^{*}``: the parser's names of ``w^\\star``, ``\\mathbf{x}^*``."""
OPTIMUM_WORDS = re.compile(r"\b(?:minimi[sz]er|maximi[sz]er|minimi[sz]ed|maximi[sz]ed|minimum|maximum|optimum|"
                           r"optimal|stationary point|argmin|argmax)\b", re.IGNORECASE)
"""Words of a sentence that call the starred value an optimum of the function named before it."""
SUBJECT_TO = re.compile(r"\bs\.\s?t\.|\bsubject to\b|\bconstrain", re.IGNORECASE)
"""A sentence that constrains the objective: its optima need not be stationary points."""
_MATRIX_NAME = re.compile(r"\\(?:mathbf|boldsymbol|bm)\{")
IDENTITY = "I"


def starred_base(name) -> str | None:
    r"""``'w'`` for the symbol ``w^{star}`` (``w^\star``); None for any other expression."""
    if not isinstance(name, sp.Symbol):
        return None
    found = STARRED.match(name.name)
    return found.group("base") if found else None


def matrix_like(*exprs) -> bool:
    r"""Whether the expressions may be matrix algebra: a transpose, a bold name or the identity ``I``."""
    for e in exprs:
        if any(getattr(f.func, "__name__", "") == "transpose" for f in e.atoms(sp.Function)):
            return True
        if any(_MATRIX_NAME.search(s.name) or s.name == IDENTITY for s in e.free_symbols if isinstance(s, sp.Symbol)):
            return True
    return False


def one_by_one(expr):
    r"""The $1\times1$ case: ``transpose(A)`` is ``A`` and the identity ``I`` is 1."""
    expr = expr.replace(lambda f: isinstance(f, sp.Function) and getattr(f.func, "__name__", "") == "transpose"
                        and len(f.args) == 1, lambda f: f.args[0])
    identity = [s for s in expr.free_symbols if isinstance(s, sp.Symbol) and s.name == IDENTITY]
    return expr.xreplace({s: sp.Integer(1) for s in identity})


def stationarity(objective, variable: sp.Symbol, value):
    r"""$\partial F / \partial w$ at $w = v$ in the $1\times1$ case: zero when ``value`` is a stationary
    point of ``objective``; None when the objective does not depend on the variable or the value uses it."""
    objective, value = one_by_one(objective), one_by_one(value)
    if variable not in objective.free_symbols or variable in value.free_symbols:
        return None
    return sp.diff(objective, variable).xreplace({variable: value})
