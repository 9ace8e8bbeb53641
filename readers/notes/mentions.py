r"""Mentions: operators that prose names by their symbol alone, and formulas it mentions without asserting them.

Notes name an operator in a sentence as they name a function (``the activation $\tanh$``, see
``check._function_named``): "the gradients $\nabla_\theta$ and $\nabla_\lambda$ can be estimated", "where $\odot$
denotes the elementwise product", "the sum $\sum_i$ runs over ...", "$\langle\cdot, \cdot\rangle$ is the dot
product".  Such a block is the symbol, with at most its sub- and superscripts (or the brackets with placeholders),
and nothing else: there is no operand to apply it to, so nothing is stated.
"""
from __future__ import annotations

import re

OPERATOR_SYMBOLS = ("nabla", "partial", "odot", "otimes", "oplus", "circ", "times", "cdot", "ast", "star", "sum",
                    "prod", "int", "oint", "iint", "bigcup", "bigcap", "coprod")
"""The operators a mention may name."""
_SCRIPT = r"\s*[_^]\s*(?:\{(?:[^{}]|\{[^{}]*\})*\}|\\[A-Za-z]+|[A-Za-z0-9*])"
_SPACING = r"(?:\s|~|\\[,;:! ]|\\(?:quad|qquad|enspace|thinspace)(?![A-Za-z]))*"
_MENTION = re.compile(r"\s*\\(" + "|".join(OPERATOR_SYMBOLS) + r")(?![A-Za-z])((?:" + _SCRIPT + r")*)"
                      r"(?:" + _SPACING + r"\\(?:" + "|".join(OPERATOR_SYMBOLS) + r")(?![A-Za-z])(?:" + _SCRIPT
                      + r")*)*" + _SPACING)
r"""An operator with its scripts, or a run of them (``\sum_{A \in \mathcal{A}} \; \prod_{t=1}^T``), alone."""
_BRACKETS = re.compile(r"\s*\\langle\s*\\cdot\s*,\s*\\cdot\s*\\rangle\s*")
_NORM_PLACEHOLDER = re.compile(r"\s*(\\\||\\Vert|\|)\s*\\cdot\s*(\\\||\\Vert|\|)\s*(?:_\s*(?:\{[^{}]*\}|\w))?\s*")
r"""``\|\cdot\|``, ``|\cdot|``: a norm or an absolute value named by its bars around a placeholder."""
_SIGN = re.compile(r"\s*([-+=<>]|\\(?:leq?|geq?|neq?|approx|pm|mp|sim))\s*")
r"""A sign typeset alone: ``$$=$$``, ``$$+$$`` between the terms of a display laid out one ``$$`` per term around a
figure's captions.  A sign states nothing without its operands."""
_UNFINISHED = re.compile(r".*?(=|<|>|\\propto|\\leq?|\\geq?|\\approx|\\cdot|\\times|\+|-)" + _SPACING + r"[.,]?\s*",
                         re.DOTALL)
r"""A formula that ends in a relation or an operation: ``$$p(Y \mid X) \;\; =$$``, ``$(\alpha_{s-1} + \alpha_s)
\quad \cdot$``, ``$Y =$`` before words: one part of a formula laid out part by part (a grid cell, each with its
caption), or finished in prose.  Unfinished, it states nothing."""


def operator_named(content: str) -> str | None:
    r"""``\nabla_\theta`` for the content ``\nabla_\theta`` (an operator with its scripts, alone), ``+`` for a sign
    alone, the content for a formula left unfinished (``p(Y \mid X) \; =``), else None."""
    if _BRACKETS.fullmatch(content):
        return r"\langle\cdot, \cdot\rangle"
    if _NORM_PLACEHOLDER.fullmatch(content):
        return " ".join(content.split())
    sign = _SIGN.fullmatch(content)
    if sign is not None:
        return sign.group(1)
    if _UNFINISHED.fullmatch(content):
        return " ".join(content.split())
    m = _MENTION.fullmatch(content)
    return None if m is None else "\\" + m.group(1) + "".join(m.group(2).split())


_NOT_ASSERTED = re.compile(
    r"(?:\b(?:want|wants|wanted|wanting|yearn|yearns|yearned|tempted|tempting)\s+to\s+"
    r"(?:write|say|conclude|claim|think|believe|assume)(?:\s+that)?"
    r"|\b(?:not\s+true|false|wrong|incorrect|a\s+(?:common\s+)?mistake|an\s+error|a\s+fallacy)\s+"
    r"(?:to\s+(?:write|say|conclude|claim|think|assume)\s+)?that)\s*:?\s*$", re.IGNORECASE)
r"""Words right before a formula that say the notes do not assert it: "who hasn't wanted to write $\sqrt{x+y} =
\sqrt{x} + \sqrt{y}$", "it is tempting to conclude that", "it is not true that", "a common mistake is to write that".
Not "instead of" or "rather than": what follows them is often a condition the notes avoid ("outputs $\ell = \log
\sigma^2$ rather than $\sigma > 0$") or a spelling they replace."""


_SOUGHT = re.compile(r"\b(?:(?:roots?|zeros?|solutions?)\s+(?:of|to)|those\s+of|solves|solve)\s*:?\s*$", re.IGNORECASE)
r"""Words right before an equation that name it as the one whose unknowns are sought: "the roots of $z^2 - 2z - 1 =
0$ are", "the zeros of", "the solutions to", "and those of $z^2 + 2z - 3 = 0$ are", "the fixed point of the cosine solves
$$\cos y = y$$".  The equation is posed, not
stated: its unknown is what the sentence goes on to give, not a value set earlier (the root $z = 2$ of the last
equation is no counterexample to the next one)."""


def sought_equation(prose_before: str, relations) -> bool:
    r"""Whether the block is an equation (every relation ``=``) that the prose right before it poses for its
    unknowns (:data:`_SOUGHT`), so that nothing in it is asserted."""
    return bool(relations) and set(relations) == {"="} and _SOUGHT.search(prose_before[-120:]) is not None


def mentioned_not_asserted(prose_before: str) -> bool:
    r"""Whether the prose right before a block presents it as something one might wish to write, or as false: the
    formula is mentioned, not stated (``After all, who hasn't wanted to write $\sqrt{x+y} = \sqrt{x} + \sqrt{y}$``), so
    it is no claim of the notes and nothing is checked."""
    return _NOT_ASSERTED.search(prose_before[-120:]) is not None
