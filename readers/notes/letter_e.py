r"""The letter ``e`` as a quantity of the notes: "Let $e = t - o$ be the error", or a display ``e = y - \hat{y}``.

LaTeX's ``e`` is Euler's number by default.  A row ``e = R`` whose other side has free names (``t - o``,
``y - \hat{y}``; not ``\lim_{n \to \infty}(1 + 1/n)^n`` or ``\sum_k 1/k!``, which leave no name free, and not a number:
``e \approx 2.718``) defines ``e`` as a quantity, as the same row with any other letter would.  From that block on,
``e`` is a name like any other: ``\frac{1}{2} e^2`` is half its square and
:math:`\partial (\tfrac{1}{2} e^2) / \partial o = -e` a claim about it, not about :math:`e^2/2` (whose derivative is 0).

When the notes also raise ``e`` to a symbolic power after that row (``e^{-x}``, ``e^{x_i}``), the letter stands for
both, and no one reading is the author's: the row defines nothing, and a block that writes the letter is not refuted
(its refutation becomes ``undecided``, naming both readings).  Two things narrow that doubt:

* a letter defined as a quantity in one section, with no power of Euler's shape in that section, is the quantity
  there (its definition is a bare letter's, and like ``x`` or ``\mu`` it ends at the next heading): the doubt starts
  at the heading (:func:`section_powers`);
* a block that writes ``e`` only as the base of powers of Euler's shape (``e^{-x}``, ``e^{z/T - c}``, ``e^{-2}``:
  a symbolic, negative or fractional exponent, never a square of an error nor a label ``e^{(t)}``, ``e^{T}``) reads
  it as Euler's number, and its refutation stands (:func:`only_euler_powers`).
"""
from __future__ import annotations

import re

import sympy as sp

_LETTER_E = re.compile(r"(?<![\\A-Za-z])e(?![A-Za-z])")
r"""The letter ``e`` standing alone (not inside ``\exp``, ``\theta`` or a word)."""
_SYMBOLIC_POWER = re.compile(r"(?<![\\A-Za-z])e\s*\^\s*(?:\{[^{}]*[A-Za-z\\][^{}]*\}|[A-Za-z\\])")
r"""``e^{-x}``, ``e^x``, ``e^{\lambda t}``: ``e`` raised to a power that names something (``e^2`` does not)."""


def defines_quantity_e(block) -> bool:
    r"""Whether one row of ``block`` (a parsed block, ``e`` read as Euler's number) is ``e = R`` with ``R`` free in
    some name and free of :math:`e`: the row gives the letter a meaning of the notes' own."""
    for row in block.rows:
        if row.kind in ("empty", "prose") or row.continued:
            continue
        exprs, rels = list(row.chain.exprs), list(row.chain.rels)
        if len(exprs) != 2 or rels != ["="]:
            continue
        for one, other in (exprs, exprs[::-1]):
            if one is sp.E and isinstance(other, sp.Basic) and other.free_symbols and not other.has(sp.E) \
                    and not other.has(sp.exp):
                return True
    return False


def used_as_exponential(lines: list[str], line: int) -> bool:
    """Whether the notes raise ``e`` to a symbolic power from (1-based) ``line`` on: Euler's number there."""
    return _SYMBOLIC_POWER.search("\n".join(lines[line - 1:])) is not None


_POWER = re.compile(r"(?<![\\A-Za-z])e\s*\^\s*(\{(?:[^{}]|\{[^{}]*\})*\}|\\[A-Za-z]+|[A-Za-z0-9])")
r"""``e^{...}`` or ``e^x``: the letter ``e`` as the base of a power, with its exponent (one level of braces inside)."""
_LABEL = re.compile(r"\{?\s*(?:\(.*\)|\[.*\]|T|\\top|\\intercal|\\ast|\*|\\prime|'+)\s*\}?", re.S)
r"""Exponents that are labels, not powers: ``e^{(t)}``, ``e^{[l]}``, ``e^T``, ``e^{\top}``, ``e^*``, ``e'``."""


def _euler_shaped(exponent: str) -> bool:
    r"""Whether a power of ``e`` with this exponent is one of Euler's number: a name in it (``e^{-x}``, ``e^{\lambda
    t}``), a minus sign (``e^{-2}``) or a fraction (``e^{1/2}``); not a positive whole power (``e^2``, the square of
    an error) nor a label."""
    if _LABEL.fullmatch(exponent):
        return False
    inner = exponent[1:-1] if exponent.startswith("{") else exponent
    return re.search(r"[A-Za-z\\]|-|/", inner) is not None


def only_euler_powers(latex: str) -> bool:
    r"""Whether every letter ``e`` standing alone in ``latex`` is the base of a power of Euler's shape
    (:func:`_euler_shaped`), and there is at least one: ``\frac{e^{z_1/T}}{e^{z_1/T} + e^{z_2/T}}``, ``g'(2) =
    e^{-2}``; not ``\frac{1}{2} e^2`` nor ``e^{-x} e``."""
    powers = list(_POWER.finditer(latex))
    return bool(powers) and all(_euler_shaped(m.group(1)) for m in powers) \
        and len(_LETTER_E.findall(latex)) == len(powers)


def section_powers(lines: list[str], line: int, end: int | None) -> tuple[bool, bool]:
    """``(here, after)``: whether the notes raise ``e`` to a symbolic power from (1-based) ``line`` to the line before
    ``end`` (the first block of the next section; None: the end of the notes), and from ``end`` on."""
    stop = len(lines) + 1 if end is None else end
    here = _SYMBOLIC_POWER.search("\n".join(lines[line - 1:stop - 1])) is not None
    return here, end is not None and used_as_exponential(lines, end)


def writes_letter_e(latex: str) -> bool:
    r"""Whether a block's LaTeX writes the letter ``e`` alone (``\exp`` and ``\theta`` do not)."""
    return _LETTER_E.search(latex) is not None


BOTH = ("e is defined as a quantity here and raised to symbolic powers (Euler's number) later: blocks that write the "
        "letter are not refuted")


def ambiguous_reason(line: int, failure: str) -> str:
    """The reason shown for a refutation withdrawn because the letter ``e`` has two meanings in the notes."""
    return (f"ambiguous: e is a quantity defined at line {line} and Euler's number in the powers written after it; "
            f"read as Euler's number it fails ({failure[:80]})")
