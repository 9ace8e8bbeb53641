r"""Letters an earlier block of the section used as values: never functions applied to a bracket.

"One weight $w$, a target $a$ and an L2 penalty", then ``\frac{d}{dw}(\frac{1}{2}(w - a)^2 + ...)`` uses ``a`` as a
number (a term of a difference).  A later ``\frac{a}{1 + \lambda} = a(1 - \lambda)`` is ``a`` times a bracket; reading
``a(1 - \lambda)`` as an unknown function ``a`` applied to ``1 - \lambda`` (readers.notes.check ``readings`` tries
letters before ``(`` as functions, to make a refutation ``undecided (ambiguous)``) is no reading of the section.

A letter counts as a value when a block of the section writes it inside a larger expression (not alone, as a
mention ``$f$`` of a function would be) and never directly before ``(`` in that block.
"""
from __future__ import annotations

import re

import sympy as sp


def _applied(letter: str, content: str) -> bool:
    r"""Whether ``content`` writes ``letter`` (one Latin letter) right before ``(``, ``\left(`` or ``\bigl(``: a
    function applied, or a product the block itself leaves open; or its derivative applied with primes
    (``u'(t_n)``, ``u''(t_n)``): a value has no derivative at a point."""
    return re.search(rf"(?<![\\A-Za-z]){letter}(?![A-Za-z])'*\s*(?:\\left|\\bigl|\\Bigl)?\s*\(", content) is not None


def primed_applications(content: str) -> frozenset[str]:
    r"""The one-letter names ``content`` differentiates with primes at a point (``u'(t_n)``, ``f''(x)``): functions
    there, whatever an earlier block did with the letter."""
    return frozenset(re.findall(r"(?<![\\A-Za-z])([A-Za-z])'+\s*(?:\\left|\\bigl|\\Bigl)?\s*\(", content))


def value_letters(block, content: str) -> frozenset[str]:
    """The one-letter Latin names (``a``, ``w``) that ``block`` (a parsed block of ``content``) uses as values."""
    out = set()
    for row in block.rows:
        for expr in getattr(row.chain, "exprs", ()):
            if not isinstance(expr, sp.Basic) or isinstance(expr, sp.Symbol):
                continue
            for x in expr.free_symbols:
                name = getattr(x, "name", "").lstrip("\\")
                if isinstance(x, sp.Symbol) and re.fullmatch("[A-Za-z]", name) and not _applied(name, content):
                    out.add(name)
    return frozenset(out)
