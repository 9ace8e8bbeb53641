r"""Iterates written with a superscript step: ``w^{k+1} = w^k - \alpha \nabla f(w^k)`` names the steps of a sequence.

Optimisation texts (Polyak, Nesterov, Boyd, Goh's *Why Momentum Really Works*) write the k-th iterate as ``w^k`` and
keep subscripts for coordinates (``x_i^{k}``).  Read as powers, the update ``w^{k+1} = w^k - \alpha \nabla f(w^k)``
becomes an equation in ``w`` and ``k`` that fails at the first point tried, and ``starting from $w^0 = 0$`` becomes
``1 = 0``.  A base is an *iterate* of the notes when some block states an update of it:

.. math:: B^{s+1} = F(\ldots, B^{s}, \ldots) \qquad\text{or}\qquad B^{s} = F(\ldots, B^{s-1}, \ldots)

(the left side the base alone, perhaps with a subscript, its superscript a step letter ``s`` plus one; the right
side the same base at the step before) and the right side never uses the bare base, which a power identity does
(``a^{n+1} = a \, a^n``, ``R^{k+1} = R R^k``).  Every superscript of an iterate base that is its step letter, that
letter plus or minus an integer, or ``0`` (the start) is then rewritten as a label, ``w^{(k+1)}``, which the reader
keeps as a name of its own (``readers.latex.names``).  Other superscripts stay powers: ``(1 - \alpha\lambda)^k``
and ``\beta^i`` are powers, and so is ``x^2`` of an iterate base.  The notes' text as shown is unchanged; only the
content a block is read from is rewritten.
"""
from __future__ import annotations

import dataclasses
import re

import sympy as sp

_BASE = r"(?:\\(?:mathbf|boldsymbol|bm|vec)\{\\?[A-Za-z]+\}|\\[A-Za-z]+|[A-Za-z])"
_SUB = r"(?:_(?:\{[^{}]*\}|\\?[A-Za-z0-9]))?"
_STEP = r"(?:\{\s*(?P<lhs>[a-z])\s*(?P<lhsoff>[+-]\s*\d+)?\s*\}|(?P<lhsbare>[a-z]))"
_UPDATE = re.compile(r"(?:^|\\\\|\n|&|\\begin\{[A-Za-z*]+\})\s*(?P<base>" + _BASE + r")" + _SUB + r"\^" + _STEP + _SUB
                     + r"\s*&?\s*=(?!=)(?P<rhs>[^\n]*?)(?=\\\\|\n|$)")
r"""A row whose left side is a base with a step superscript, ``z^{k+1} &= \beta z^{k} + ...`` (up to the row's end;
the first row may follow ``\begin{aligned}`` on the same line)."""
_NOT_BASES = frozenset({r"\nabla", r"\partial", r"\sum", r"\prod", r"\int", r"\left", r"\right", r"\frac", r"\mathbb",
                        r"\text", r"\mathrm", r"\operatorname", r"\exp", r"\log", r"\ln", r"\sin", r"\cos", r"\tan",
                        r"\max", r"\min", r"\det", r"\begin", r"\end", "e"})
"""Commands and letters that are never a sequence's name (e is Euler's number)."""


def iterate_steps(contents) -> dict[str, frozenset[str]]:
    r"""``{base: step letters}`` of the iterates the formula ``contents`` (block texts) update, ``{'w': {'k'}}``."""
    out: dict[str, set[str]] = {}
    for content in contents:
        for m in _UPDATE.finditer(content):
            base = m.group("base")
            if base in _NOT_BASES:
                continue
            letter = m.group("lhs") or m.group("lhsbare")
            offset = int(re.sub(r"\s", "", m.group("lhsoff") or "+0"))
            before = {1: f"{letter}", 0: f"{letter}-1"}.get(offset)
            if before is None:
                continue
            rhs = m.group("rhs")
            if not _uses_step(rhs, base, before) or _uses_bare(rhs, base):
                continue
            out.setdefault(base, set()).add(letter)
    return {b: frozenset(s) for b, s in out.items()}


def _occurrences(base: str) -> re.Pattern:
    """The base with its subscript and superscript, in either order: ``x_{i}^{k}``, ``x^0_i``, ``w^{k+1}``."""
    tail = r"(?![A-Za-z])" if base[-1].isalpha() else ""
    return re.compile("(?P<base>" + re.escape(base) + ")" + tail + r"(?P<sub>" + _SUB + r")"
                      r"\^(?P<sup>\{[^{}]*\}|\\?[A-Za-z0-9])")


def _own(text: str, m) -> bool:
    """Whether the match ``m`` of a base in ``text`` is that name, not the end of a command (``x`` of ``\\max``):
    ``\\lambda_ix^k`` and ``Qx^k`` write ``x`` as a name of its own."""
    return m.group("base")[0] == "\\" or re.search(r"\\[A-Za-z]*\Z", text[:m.start()]) is None


def _uses_step(rhs: str, base: str, step: str) -> bool:
    return any(_own(rhs, m) and _same(m.group("sup"), step) for m in _occurrences(base).finditer(rhs))


def _uses_bare(rhs: str, base: str) -> bool:
    """Whether ``rhs`` writes the base without a superscript (``a`` in ``a^{n+1} = a\\,a^n``)."""
    tail = r"(?![A-Za-z])" if base[-1].isalpha() else ""
    for m in re.finditer("(?P<base>" + re.escape(base) + ")" + tail, rhs):
        if _own(rhs, m) and not re.match(_SUB + r"\^", rhs[m.end():]):
            return True
    return False


def _same(sup: str, step: str) -> bool:
    return re.sub(r"[\s{}]", "", sup) == step


def _is_step(sup: str, letters) -> bool:
    bare = re.sub(r"[\s{}]", "", sup)
    return bare == "0" or re.fullmatch(r"([a-z])(?:[+-]\d+)?", bare) is not None and bare[0] in letters


def mark_iterates(content: str, steps: dict[str, frozenset[str]]) -> str:
    r"""``content`` with every step superscript of an iterate base written as a label: ``w^{k+1}`` -> ``w^{(k+1)}``."""
    for base, letters in steps.items():
        def label(m, letters=letters, content=content):
            sup = m.group("sup")
            if not _own(content, m) or not _is_step(sup, letters):
                return m.group(0)
            return m.group("base") + m.group("sub") + "^{(" + re.sub(r"[\s{}]", "", sup) + ")}"
        content = _occurrences(base).sub(label, content)
    return content


def variables_of_calculus(content: str, bases) -> set[str]:
    r"""The bases ``content`` differentiates or integrates in: ``\frac{d}{dw}``, ``\frac{\partial}{\partial w}``,
    ``\, dw``, ``\mathrm{d}w`` (not ``\nabla_w L(w^k)``, a gradient at the iterate, as updates write it).  A
    sequence's steps do not depend on a variable named like it, so where the base is the variable of a derivative or an
    integral, ``w^k`` is its power: ``\frac{d}{dw} w^{k} = k w^{k-1}`` in
    a section on powers, after an update ``w^{k+1} = w^k - \eta \nabla L(w^k)`` elsewhere in the notes, was read with
    ``w^{(k)}`` and ``w^{(k-1)}`` as two free names and refuted."""
    out = set()
    for base in bases:
        name = re.escape(base) + (r"(?![A-Za-z])" if base[-1].isalpha() else "")
        braced = r"(?:\{\s*" + name + r"\s*\}|" + name + ")"
        if re.search(r"(?:\\partial|\\mathrm\{d\}|\\operatorname\{d\}|(?<![A-Za-z\\])d)\s*" + braced, content):
            out.add(base)
    return out


def with_iterates(fragments):
    r"""The fragments with the step superscripts of the notes' iterates read as labels (see the module docstring),
    except in a fragment that differentiates or integrates in the base (:func:`variables_of_calculus`) or writes the
    base bare beside them (``\theta^{t+1} = \theta \cdot \theta^t``: powers, after an update of ``\theta``
    elsewhere) and is not an update itself (``w^{k+1} = w^k - \eta \frac{\partial L}{\partial w}(w^k)`` keeps its
    steps)."""
    steps = iterate_steps(f.content for f in fragments if f.kind == "display" or "=" in f.content)
    if not steps:
        return fragments
    inputs = input_steps([f.content for f in fragments], steps)
    steps = {**steps, **inputs}
    out = []
    for f in fragments:
        updates = iterate_steps([f.content])
        calculus = variables_of_calculus(f.content, steps) if not updates else set()
        bare = {b for b in steps if b not in updates and _uses_bare(f.content, b)  # x^{k+1} = x x^k: powers
                and not (b in inputs and _sets_step(f.content, b, inputs[b]))}  # g^t = g: a value of the input
        own = {b: s | summed_steps(f.content, b, s) for b, s in steps.items() if b not in calculus | bare}
        sums = set().union(*(summed_steps(f.content, b, steps[b]) for b in own if b not in inputs)) if own else set()
        own = {b: s | sums if b in inputs else s for b, s in own.items()}  # z^k = sum_i beta^{k-1-i} g^i: g's steps
        out.append(dataclasses.replace(f, content=mark_iterates(f.content, own)) if own else f)
    return out


_ANY_BASE = re.compile(r"(?P<base>" + _BASE + r")" + _SUB + r"\^(?P<sup>\{[^{}]*\}|\\?[A-Za-z0-9])")


def input_steps(contents, steps: dict) -> dict[str, frozenset[str]]:
    r"""``{base: step letters}`` of the *inputs* of the notes' updates: ``g`` in ``z^{k+1} = \beta z^k + g^k``.  A
    base the right side of an update writes at a step of it (``g^k``, ``g^{t-1}``) is a sequence too when the notes
    never write it otherwise: never bare (but for a value of the input, ``g^t = g``), never with another superscript
    (``g^2``).  ``\beta^k`` in ``m^k = \beta m^{k-1} + \dots`` stays a power: the update writes ``\beta`` bare."""
    found: dict[str, set[str]] = {}
    for content in contents:
        for m in _UPDATE.finditer(content):
            base, letter = m.group("base"), m.group("lhs") or m.group("lhsbare")
            for o in _ANY_BASE.finditer(m.group("rhs")):
                other = o.group("base")
                if other != base and other not in steps and other not in _NOT_BASES \
                        and _own(m.group("rhs"), o) and _is_step(o.group("sup"), {letter}) \
                        and re.sub(r"[\s{}]", "", o.group("sup")) != "0":
                    found.setdefault(other, set()).add(letter)
    out = {}
    for base, letters in found.items():
        ok = True
        constant = any(_sets_step(c, base, letters) and _uses_bare(c, base) for c in contents)  # g^t = g: then g
        for content in contents:  # bare is that constant value ("m^t = (1 - \beta^t) g")
            if _uses_bare(content, base) and not constant:
                ok = False  # \beta z^k beside \beta^k: beta is a number, its superscripts powers
            summed = {m.group("letter") for m in _SUMMED.finditer(content)}  # g^i in \sum_{i=0}^{k-1}: a step
            if any(_own(content, o) and not _is_step(o.group("sup"), set(letters) | summed)
                   for o in _occurrences(base).finditer(content)):
                ok = False  # g^2 somewhere: g is a number there, so g^k may be a power as well
            if not ok:
                break
        if ok:
            out[base] = frozenset(letters)
    return out


def _sets_step(content: str, base: str, letters) -> bool:
    """Whether ``content`` is a value of the sequence ``base`` at a step: ``g^t = g``, ``g^{k} = c``."""
    m = _occurrences(base).match(content.strip())
    return m is not None and _is_step(m.group("sup"), letters) and content.strip()[m.end():].lstrip().startswith("=")


_SUMMED = re.compile(r"\\(?:sum|prod)\s*_\s*\{?\s*(?P<letter>[a-z])(?![A-Za-z])")
"""The index letter of a sum or product: ``\\sum_i``, ``\\sum_{i=0}^{k-1}``, ``\\prod_{j}``."""


def summed_steps(content: str, base: str, letters) -> set[str]:
    r"""The letters of the sums of ``content`` that are steps of the iterate ``base`` there: in ``w^k = w^0 - \alpha
    \sum_{i=0}^{k-1} \nabla f(w^i)`` the ``i`` of ``w^i`` runs over the steps of ``w`` (the unrolled update), when
    the block names ``base`` at a step of its update too (``w^k``, ``w^0``).  A sum in a block that does not
    (``e^x = \sum_n x^n / n!`` beside an update of ``x`` elsewhere) keeps its powers."""
    summed = {m.group("letter") for m in _SUMMED.finditer(content)} - set(letters)
    if not summed:
        return set()
    at_steps = any(_own(content, m) and _is_step(m.group("sup"), letters)
                   for m in _occurrences(base).finditer(content))
    return summed if at_steps else set()


_LABEL = re.compile(r"^(?P<base>.+?)\^\{\((?P<step>[^()]*)\)\}$")
"""A step label as :func:`mark_iterates` writes it: ``w^{(k+1)}``, ``x^{(0)}``."""


def steps_apart(*exprs) -> list[str]:
    r"""The iterate bases that ``exprs`` name at two or more steps (``x^{(k)}`` beside ``x^{(0)}``), by name.

    Steps of one sequence are tied by its update: ``(1 - \alpha\lambda) x^{(k)} = (1 - \alpha\lambda)^{k+1} x^{(0)}``
    holds for the iterates of :math:`x^{k+1} = (1 - \alpha\lambda) x^k`, and fails only where ``x^{(k)}`` and
    ``x^{(0)}`` are set apart, as no sequence sets them.  A failure at such a point refutes nothing.  Labels that are
    all numbers (``x^{(1)}``, ``x^{(2)}``: two samples the notes name) are no steps of an update."""
    steps: dict[str, set[str]] = {}
    for e in exprs:
        names = {str(s) for s in e.free_symbols} | {str(b.label) for b in e.atoms(sp.IndexedBase)}
        for name in names:
            m = _LABEL.match(name)
            if m is not None:
                steps.setdefault(m.group("base"), set()).add(m.group("step"))
    return sorted(b for b, s in steps.items() if len(s) > 1 and any(re.search("[a-z]", step) for step in s))
