r"""Operators that prose mentions by their symbol alone: notation, neither a claim nor a parse failure.

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
_SCRIPT = r"\s*[_^]\s*(?:\{[^{}]*\}|\\[A-Za-z]+|[A-Za-z0-9*])"
_MENTION = re.compile(r"\s*\\(" + "|".join(OPERATOR_SYMBOLS) + r")(?![A-Za-z])((?:" + _SCRIPT + r")*)\s*")
_BRACKETS = re.compile(r"\s*\\langle\s*\\cdot\s*,\s*\\cdot\s*\\rangle\s*")


def operator_named(content: str) -> str | None:
    r"""``\nabla_\theta`` for the content ``\nabla_\theta`` (an operator with its scripts, alone), else None."""
    if _BRACKETS.fullmatch(content):
        return r"\langle\cdot, \cdot\rangle"
    m = _MENTION.fullmatch(content)
    return None if m is None else "\\" + m.group(1) + "".join(m.group(2).split())
