r"""A block that states a property of an expression in words: ``x e^{-x} \text{ is at most } \frac{1}{e}``.

The words after the expression are the claim, and are read as the relation they name (the block is rewritten, then
read as usual, so the verdict and the domain handling are those of the relation):

======================================================  ==========================================================
written                                                 read as
======================================================  ==========================================================
``f \text{ is at most } c``, ``is less than or equal``  :math:`f \le c`
``f \text{ is at least } c``, ``is greater than or ...``  :math:`f \ge c`
``f \text{ is less than } c`` (``greater than``)        :math:`f < c` (:math:`f > c`)
``f \text{ is positive}`` (``negative``)                :math:`f > 0` (:math:`f < 0`)
``f \text{ is non-negative}`` (``non-positive``)        :math:`f \ge 0` (:math:`f \le 0`)
``f \text{ is convex}`` (``concave``)                   :math:`\frac{d^2 f}{dx^2} \ge 0` (:math:`\le 0`)
======================================================  ==========================================================

Convexity is read through the second derivative, so only for an expression in one variable ``x`` (twice
differentiable wherever it is defined: the second-order condition is then equivalent to convexity on an interval).
"Strictly convex", "increasing" and other words whose test is only sufficient (or that readers use in two senses)
are left alone: the block stays no claim.
"""
from __future__ import annotations

import re

import sympy as sp

from readers.latex.matrix_reader import parse_matrix_block

_WORDS = r"\\(?:text|textrm|mbox|mathrm)\s*\{\s*(?:is|are)\s+(?P<words>[^{}]*?)\s*\}"
_STATED = re.compile(r"^\s*(?P<expr>.+?)\s*" + _WORDS + r"\s*(?P<rest>.*?)\s*[.,;]?\s*$", re.DOTALL)

_RELATIONS = (
    (re.compile(r"^(?:at most|less than or equal to|no (?:more|greater|larger) than|bounded above by)$"), r"\le"),
    (re.compile(r"^(?:at least|greater than or equal to|no less than|bounded below by)$"), r"\ge"),
    (re.compile(r"^(?:less|smaller) than$"), "<"),
    (re.compile(r"^(?:greater|larger) than$"), ">"),
)
_SIGNS = {"positive": ">", "negative": "<", "non-negative": r"\ge", "nonnegative": r"\ge",
          "non-positive": r"\le", "nonpositive": r"\le"}
_CURVATURE = {"convex": r"\ge", "concave": r"\le"}


def stated_predicate(content: str, variable) -> str | None:
    r"""The block ``content`` rewritten as the relation its words state (module table), or None when it states
    none.  ``variable(expr_latex)``: the LaTeX name of the one variable of an expression (``x``), or None."""
    m = _STATED.match(content)
    if m is None or "$" in content:
        return None
    expr, words, rest = m["expr"].strip(), " ".join(m["words"].lower().split()), m["rest"].strip()
    if not expr or "&" in expr or "\\\\" in expr:
        return None
    for pattern, rel in _RELATIONS:
        if pattern.match(words):
            return f"{expr} {rel} {rest}" if rest else None
    if rest:
        return None
    if words in _SIGNS:
        return f"{expr} {_SIGNS[words]} 0"
    if words in _CURVATURE:
        x = variable(expr)
        if x is None:
            return None
        return f"\\frac{{d^{{2}}}}{{d{x}^{{2}}}}\\left({expr}\\right) {_CURVATURE[words]} 0"
    return None


_GREEK = re.compile(r"alpha|beta|gamma|delta|epsilon|zeta|eta|theta|iota|kappa|lambda|mu|nu|xi|pi|rho|sigma|tau|"
                    r"upsilon|phi|chi|psi|omega")


def one_variable(expr: str) -> str | None:
    """The LaTeX name of the one variable of ``expr`` (``x``, ``\\theta``), or None when it has none or several."""
    try:
        rows = parse_matrix_block(expr).rows
    except Exception:  # noqa: BLE001 - no reading: no variable
        return None
    names = {s.name for row in rows for e in row.chain.exprs for s in e.free_symbols if isinstance(s, sp.Symbol)}
    if len(names) != 1:
        return None
    name, = names
    if re.fullmatch(r"[A-Za-z]", name):
        return name
    return f"\\{name}" if _GREEK.fullmatch(name) else None
