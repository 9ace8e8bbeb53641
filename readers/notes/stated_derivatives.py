r"""A derivative stated in prose: "the derivative of $F$ is $G$".

The sentence claims

.. math:: \frac{d}{dx} F = G ,

where each side may be written as a function, ``x \mapsto \log(1 + e^x)``, or as an expression, ``x^n``.  The
variable is the one the sentence names ("with respect to $x$"), else the one ``\mapsto`` binds, else the only free
symbol of $F$; a function written with ``\mapsto`` on both sides binds each side's own letter, so both are
renamed to one.  Without a function in the sentence ("its derivative is $G$", "the derivative function $G$") it is
the function of one variable the section defined last.  The claim is read from the prose, so the caller confirms it when it holds; it refutes it only where the sentence
is nothing but that claim: $F$ an expression of known functions in one variable (or the one the sentence names), $G$
too, and the sentence ending right after $G$ ("The derivative of $x^3$ is $3x^3$."); otherwise it leaves the block as
it was (a sentence that goes on, "is $0$ at the optimum", may mean a derivative of something else).
"""
from __future__ import annotations

import re

import sympy as sp

DERIVATIVE_OF = re.compile(r"\bderivative\s+of\s+\$(?P<f>[^$]+)\$\s*,?\s*(?:with\s+respect\s+to\s+\$(?P<x>[^$]+)\$"
                           r"\s*,?\s*)?(?:is|equals|is\s+given\s+by)\s*$", re.IGNORECASE)
"""The prose right before the block: "the derivative of $F$ (with respect to $x$) is"."""

OF_THE_FUNCTION = re.compile(r"\b(?:the|its)\s+derivative(?:\s+function)?\s*(?:is\s*)?$", re.IGNORECASE)
"""Prose that names no function: "the derivative function $G$", "its derivative is $G$" (of the function the
section defined last)."""


ENDS_SENTENCE = re.compile(r"^\s*(?:[.!?](?:\s|$)|$)")
"""The words right after the block end its sentence (a full stop, or nothing more on the line and the next)."""


def stated_derivative(before: str) -> tuple[str, str | None] | None:
    """``(F, x)`` as LaTeX from the prose right before a block (``x`` None when the sentence names none)."""
    found = DERIVATIVE_OF.search(before.rstrip())
    return (found.group("f"), found.group("x")) if found else None


def of_the_last_function(before: str) -> bool:
    """Whether the prose right before a block says it is the derivative without naming the function."""
    return OF_THE_FUNCTION.search(before.rstrip()) is not None


def as_function(exprs, rels):
    """``(variable, body)`` of ``x \\mapsto body`` or ``(None, expression)`` of a lone expression; None otherwise."""
    if len(exprs) == 1:
        return None, exprs[0]
    if tuple(rels) == ("mapsto",) and len(exprs) == 2 and isinstance(exprs[0], sp.Symbol):
        return exprs[0], exprs[1]
    return None


def derivative_claim(function, derivative, named=None):
    r"""``(d/dx F, G)`` from :func:`as_function` pairs; ``named``: the symbol the sentence differentiates in.
    None when the variable cannot be told."""
    (fx, f), (gx, g) = function, derivative
    x = named if named is not None else fx if fx is not None else gx
    if x is None:
        free = [s for s in f.free_symbols if isinstance(s, sp.Symbol)]
        if len(free) != 1:
            return None
        x = free[0]
    if fx is not None and fx != x:
        f = f.xreplace({fx: x})
    if gx is not None and gx != x:
        g = g.xreplace({gx: x})
    if x not in f.free_symbols:
        return None
    return sp.Derivative(f, x), g
