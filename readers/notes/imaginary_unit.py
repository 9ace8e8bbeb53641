r"""The letter i in an exponent of e: the imaginary unit, as in Euler's formula $e^{i\theta} = \cos\theta + i\sin\theta$.

Notes use i for an index and for the imaginary unit (Euler's formula, Fourier features, rotary position embeddings
$q e^{i m \theta}$).  Read as a real name, Euler's formula was refuted at $i = \theta = 1/2$, a correct line.  When a
block writes i in an exponent of e (``e^{i\theta}``, ``\exp(i x)``) and reading it as a real name refutes the block,
the block is read once more with i the imaginary unit; unless that reading fails too, the refutation is withdrawn as
ambiguous (``undecided``): where it holds, and where it is out of reach (a complex integral), since it is the
reading the notes most likely mean.  A slip fails in both readings ($e^{i\theta} = \cos\theta - i\sin\theta$) and stays refuted.

A note may also say so in words before it uses i outside an exponent ("$i$ denotes the imaginary unit, satisfying
$i^2 = -1$", then $(\cos\theta + i\sin\theta)^2 = \cos 2\theta + i\sin 2\theta$): from such a declaration on, a
block that uses i as a factor gets the same second reading (:func:`declared_from`), and there the second reading's
verdict stands (the notes said what i is): proved or verified with i the imaginary unit, the assumption stated.
"""
from __future__ import annotations

import re

import sympy as sp

from readers.notes.report import StepReport

IN_EXPONENT = re.compile(r"(?:e\s*\^\s*\{[^{}]*|\\exp\s*\\?(?:left)?\(?[^)]*)(?<![A-Za-z\\])i(?:[a-z]{1,3})?(?![A-Za-z])")
"""An ``i`` inside ``e^{...}`` or ``\\exp(...)``, alone or leading a short run (``e^{itx}``: readers.latex.names reads
it as the product i t x)."""
SUBSCRIPT = re.compile(r"_\{[^{}]*\}|_\\?[A-Za-z0-9]+")
"""A subscript (``_i``, ``_{ij}``), removed before looking for i in an exponent."""


DECLARATION = re.compile(r"\$i\$[^$.]{0,40}\bimaginary\s+unit|\bimaginary\s+unit\s*,?\s*\$i\$|"
                         r"\$\s*i\s*\^\s*\{?\s*2\s*\}?\s*=\s*-\s*1\s*\$|\$\s*i\s*=\s*\\sqrt\s*\{\s*-\s*1\s*\}\s*\$")
r"""Prose that makes the letter i the imaginary unit: "$i$ denotes the imaginary unit", "the imaginary unit $i$",
"$i^2 = -1$", "$i = \sqrt{-1}$"."""


def declared_from(lines: list[str]) -> int | None:
    """The first line (1-based) of ``lines`` that declares i the imaginary unit (:data:`DECLARATION`), or None."""
    for number, line in enumerate(lines, 1):
        if DECLARATION.search(line):
            return number
    return None


def imaginary_reading(lhs, rhs, content: str, out, recheck, declared: bool = False):
    """``out`` with each refuted report made ``undecided`` when ``content`` writes i in an exponent of e, i is a real
    name of the claim, and ``recheck(lhs, rhs)`` with i the imaginary unit is not refuted; when the note has
    ``declared`` i the imaginary unit before the block, the recheck's verdict replaces the refutation instead."""
    unscripted = SUBSCRIPT.sub("", content)  # e^{z_i}: an index, not a factor of the exponent
    if not any(r.verdict == "refuted" for r in out) or not declared and IN_EXPONENT.search(unscripted) is None:
        return out
    letters = [x for e in (lhs, rhs) for x in e.free_symbols if isinstance(x, sp.Symbol) and x.name == "i"]
    if not letters or letters[0].is_integer:
        return out
    unit = {letters[0]: sp.I}
    again = recheck(lhs.xreplace(unit), rhs.xreplace(unit))
    if again is not None and again.verdict == "refuted":
        return out
    if declared and again is not None:  # the notes said what i is: the imaginary unit's reading is theirs
        return [StepReport(**{**r.__dict__, "verdict": again.verdict, "method": f"i the imaginary unit, as the notes "
                              f"declare; {again.method}", "reason": again.reason, "counterexample": None,
                              "assumptions": (*r.assumptions, "i = sqrt(-1) (declared in the notes)")})
                if r.verdict == "refuted" else r for r in out]
    if again is not None and again.verdict in ("proved", "verified"):
        why = (f"ambiguous: with i a real name it fails, with i the imaginary unit it holds ({again.verdict}, "
               f"{again.method[:60]})")
    else:  # a complex integral out of reach: the reading the notes most likely mean is not refuted
        why = ("ambiguous: with i a real name it fails, with i the imaginary unit it is not decided ("
               f"{(again.reason if again is not None else 'not checked')[:60]})")
    return [StepReport(**{**r.__dict__, "verdict": "undecided", "reason": f"{why}; {r.reason[:80]}",
                          "counterexample": None}) if r.verdict == "refuted" else r for r in out]
