r"""A name set to the value that solves an equation stated just before: "solving for $\delta x$ leads to".

.. code-block:: latex

    $$\delta A x + A \delta x = 0$$        % an equation in \delta x
    Solving for $\delta x$ leads to
    $$\delta x = -A^{-1} \delta A x$$      % read as a definition of \delta x

    $$\frac{\partial L}{\partial \hat\beta_0} = \dots = -N(\bar y - \hat\beta_0 - \hat\beta_1 \bar x)$$
    Then set that derivative equal to 0 and solve for $\hat\beta_0$:
    $$\hat\beta_0 = \bar y - \hat\beta_1 \bar x$$

The row ``name = value`` names a value, so it reads as a definition; the prose between it and the equation says the
value is the solution of that equation.  Then the row is also the claim that the equation holds with the value put in
for the name,

.. math::  E_l[\text{name} := v] = E_r[\text{name} := v]
           \qquad (E_l = E_r \text{ a link of a row of the displays just above, or } E = 0 \text{ when the prose sets}
           \text{ it to zero}),

written again as LaTeX (:func:`substituted`, the value in parentheses) and checked by the same reader, so that matrix
algebra is read as matrices (a value that writes a capital, a bold name or a transpose counts only when it was: read
as numbers, $A^{-1}B$ and $BA^{-1}$ are one value).  The reading only confirms, and only an equation: a link that holds
whatever the name is (``-\sum_n (y_n - \beta_0 - \beta_1 x_n) = -N(\bar y - \beta_0 - \beta_1 \bar x)``) holds at any
value too, so the link as written must have failed as an identity (:data:`FAILS_AS_IDENTITY`).  Both are read with
neither the section's last equation nor its matrix equations in force: "it follows from the equation above" would be
that very equation.  A value that solves no such link leaves the row a definition (never a refutation: the notes may
solve another equation than the ones read here).
"""
from __future__ import annotations

import re

SOLVING = re.compile(
    r"\bsolv(?:e|es|ed|ing)\b|\bsolutions?\b|\brearrang\w*|\bisolat\w*"
    r"|\b(?:equation|condition|relation)s?\s+(?:\w+\s+){0,2}?(?:gives?|implies|yields?)\b"
    r"|\bset(?:s|ting)?\b[^.;]{0,80}?\b(?:to|equal\s+to)\s+(?:0|zero|\$0\$)|\bset(?:s|ting)?\s+\$[^$]*=\s*0\s*\$"
    r"|\bequat(?:e|es|ing)\b[^.;]{0,80}?\b(?:0|zero|\$0\$)", re.IGNORECASE)
"""Prose that says the block solves an equation above ("solve for", "rearranging", "the first equation gives",
"setting the gradient to zero")."""
TO_ZERO = re.compile(r"\b(?:set(?:s|ting)?|equat(?:e|es|ing))\b[^.;]{0,80}?\b(?:to|equal\s+to)?\s*(?:0|zero|\$0\$)"
                     r"|\bset(?:s|ting)?\s+\$[^$]*=\s*0\s*\$", re.IGNORECASE)
"""Prose that sets the expression above to zero: the last side of the display above, ``= 0``, is an equation."""
DISPLAYS_BACK = 2
"""Displays above the block (in its section) whose rows are read as the equation solved."""
PROSE_REACH = 700
"""Most characters of prose between the display above and the block (further, it is not the equation solved)."""
MATRIX_LIKE = re.compile(r"(?<![A-Za-z\\])[A-Z](?![a-z])|\\(?:mathbf|boldsymbol|bm|top|intercal)(?![A-Za-z])|\^\{?T\b")
r"""What may write a matrix (a capital, bold, a transpose): a value that has one must be read as matrix algebra,
where the order of its products counts, for its equation to count."""
FAILS_AS_IDENTITY = re.compile(r"\bequation\b|holds for some values|not stated for all values|fails for arbitrary")
"""The reason of a verdict on the equation as written that says it failed as an identity, so it constrains the name:
only then does a value that satisfies it say something (a link left undecided, out of time, may hold for any value)."""
METHOD = "the value solves the equation {where} ({equation}), as the prose says ('{cue}')"

_ENVIRONMENT = re.compile(r"\\(?:begin|end)\{(?:align|aligned|equation|eqnarray|gather|gathered|split|multline)"
                          r"\*?\}(?:\{[^{}]*\})?")
_DROPPED = re.compile(r"\\(?:label|tag)\{[^{}]*\}|\\(?:nonumber|notag)\b|\\displaystyle\b")
_SPACING = re.compile(r"(?:\\[,;:! ]|\\q?quad\b|~)+")
_RELATIONS = re.compile(r"<|>|\\(?:le|ge|leq|geq|ne|neq|approx|sim|propto|equiv|in|subset|to|mapsto|Rightarrow|"
                        r"implies|iff|coloneqq|triangleq)(?![A-Za-z])|:=|\\text|\\mbox|\\mathrm\{(?:if|for)")


def _unwrapped(text: str) -> str:
    r"""``text`` without a ``\boxed{...}`` around all of it."""
    text = text.strip()
    found = re.match(r"^\\boxed\s*\{(.*)\}$", text, re.DOTALL)
    return found.group(1).strip() if found and _balanced(found.group(1)) else text


def _balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth < 0:
            return False
    return depth == 0


def _top_level_equals(text: str) -> list[str] | None:
    """``text`` split at its ``=`` signs outside braces and brackets; None when it has another relation."""
    if _RELATIONS.search(text):
        return None
    pieces, depth, start = [], 0, 0
    for k, ch in enumerate(text):
        if ch in "{([":
            depth += 1
        elif ch in "})]":
            depth -= 1
        elif ch == "=" and depth == 0:
            pieces.append(text[start:k])
            start = k + 1
    pieces.append(text[start:])
    return [p.strip() for p in pieces]


def rows_of(content: str) -> list[list[str]] | None:
    r"""The formula rows of a display as the sides of their ``=`` chains (a row that starts with ``=`` continues the
    one above); None when a row holds another relation or text."""
    body = _SPACING.sub(" ", _DROPPED.sub("", _ENVIRONMENT.sub("", content))).replace("&", " ")
    chains = []
    for raw in re.split(r"\\\\(?:\[[^\]]*\])?", body):
        row = _unwrapped(raw.strip().rstrip(".,;").strip())
        if not row:
            continue
        sides = _top_level_equals(row)
        if sides is None or any(not s for s in sides[1:]):
            return None
        if not sides[0] and chains:
            chains[-1] += sides[1:]
        elif sides[0]:
            chains.append(sides)
        else:
            return None
    return chains


def assignment(content: str) -> tuple[str, str] | None:
    r"""``(name, value)`` as written of a block that is one row ``name = value`` (``\boxed{...}`` allowed)."""
    chains = rows_of(content)
    if not chains or len(chains) != 1 or len(chains[0]) != 2:
        return None
    name, value = chains[0]
    if not name or not value or not re.fullmatch(r"(?:\\[A-Za-z]+\s*)?(?:\{[^{}]*\}|[A-Za-z]|\\[A-Za-z]+)"
                                                  r"(?:\s*(?:\{[^{}]*\}|[A-Za-z]))?(?:_\{?[A-Za-z0-9]+\}?)?"
                                                  r"(?:\^\s*\{?\s*(?:\*|\\star|2)\s*\}?)?",
                                                  name.strip()):
        return None  # a name as notes write one: x, \delta x, \mathbf{w}, \hat{\beta}_0, B, \hat\sigma^2
    return name.strip(), value.strip()


_STAR = re.compile(r"\^\s*\{?\s*(?:\*|\\star)\s*\}?\s*$")


def unstarred(name: str) -> str:
    r"""The unknown a starred name solves for: ``w`` of ``w^*`` (``w^{\star}``); the name itself when unstarred.
    "Setting $f'(w) = 0$ gives $$w^* = \dots$$": the value solves the equation in ``w``."""
    return _STAR.sub("", name).strip()


_SQUARED = re.compile(r"\^\s*\{?\s*2\s*\}?\s*$")
_HAT = re.compile(r"^\\(?:hat|widehat)\s*(?:\{([^{}]*)\}|(\\[A-Za-z]+|[A-Za-z]))")


def unknowns(name: str, value: str) -> list[tuple[str, str]]:
    r"""The ``(unknown, value)`` readings of ``name = value`` as the solution of an equation, the name as written
    first: ``w^* = v`` solves for ``w`` (:func:`unstarred`); an estimate ``\hat\mu = v`` solves the equation in
    ``\mu`` when the equation does not write the hat; a square ``\hat\sigma^2 = v`` solves it in ``\sigma`` with
    :math:`\sigma = \sqrt{v}` (the positive root: ``\sigma^4`` in the equation is then ``v^2``)."""
    out = []
    for bare in dict.fromkeys([unstarred(name), _HAT.sub(lambda m: m.group(1) or m.group(2), unstarred(name))]):
        if _SQUARED.search(bare):
            out.append((_SQUARED.sub("", bare).strip(), r"\sqrt{" + value + "}"))
        else:
            out.append((bare, value))
    return out


def _pattern(name: str):
    """A regex of ``name`` as a whole token: not inside a longer name, not starred (``w^*`` is another name)."""
    parts = [re.escape(p) for p in name.split()]
    return re.compile(r"(?<![A-Za-z\\])" + r"\s*".join(parts) + r"(?![A-Za-z0-9_']|\^\s*\{?\s*(?:\*|\\star))")


def mentions(text: str, name: str) -> bool:
    return _pattern(name).search(text) is not None


def differentiates(text: str, name: str) -> bool:
    r"""Whether ``text`` differentiates by ``name`` (``\partial \hat\beta_0``): put a value there and it means nothing."""
    return re.search(r"(?:\\partial|\bd|\\mathrm\{d\}|\\nabla_?)\s*\{?\s*" + _pattern(name).pattern, text) is not None


def evaluated_at(side: str, name: str, value: str) -> str:
    r"""``side`` at ``name = value``: the value put in for ``name``, or, where the side differentiates by ``name``
    (``\frac{\partial \ell}{\partial \mu}``, where a value in its place means nothing), the side evaluated there
    (``\left. ... \right|_{\mu = \bar x}``).  An estimate the value is written in (``\hat\mu`` in
    :math:`\hat\sigma^2 = \frac1n\sum_i (x_i - \hat\mu)^2`) is the joint solution's other coordinate: the side is
    taken at ``\mu = \hat\mu`` as well, where it writes ``\mu``."""
    partners = [(bare, estimate) for estimate, bare in _estimates(value) if bare != name]
    if differentiates(side, name) or any(differentiates(side, bare) for bare, _ in partners):
        for k, (at, point) in enumerate([(name, value)] + partners):  # (a defined l may write mu unseen)
            side = r"\left." + (side if k == 0 else r"\left(" + side + r"\right)") + r"\right|_{" + at + " = " \
                + point + "}"
        return side
    for at, point in [(name, value)] + [(bare, estimate) for bare, estimate in partners if mentions(side, bare)]:
        side = substituted(side, at, point)
    return side


def _estimates(value: str) -> list[tuple[str, str]]:
    r"""``(\hat\mu, \mu)`` for each hatted name ``value`` writes."""
    found = []
    for m in re.finditer(r"\\(?:hat|widehat)\s*(?:\{([^{}]*)\}|(\\[A-Za-z]+|[A-Za-z]))", value):
        bare = (m.group(1) or m.group(2)).strip()
        if bare and (m.group(0), bare) not in found:
            found.append((m.group(0), bare))
    return found


def substituted(text: str, name: str, value: str) -> str:
    r"""``text`` with every whole-token ``name`` replaced by ``\left(value\right)``."""
    return _pattern(name).sub(lambda _: r"\left(" + value + r"\right)", text)


def inline_equations(prose: str) -> list[str]:
    r"""The inline formulas with an ``=`` in the prose between the display above and the block, nearest first: the
    equation solved may be stated in the text ("In general $x_t = \sqrt{\bar\alpha_t} x_0 + \dots$.  Solving for the
    clean input, ...")."""
    return [f for f in reversed(re.findall(r"(?<!\$)\$([^$]+)\$(?!\$)", prose)) if "=" in f]


def equations(displays: list[str], zero: bool) -> list[tuple[str, str]]:
    """The equations ``(left, right)`` of the displays above (nearest first) that the block may solve: each link of
    their chains; with ``zero`` (the prose sets it to zero) also the last side of the nearest display ``= 0``."""
    out = []
    for k, content in enumerate(displays):
        chains = rows_of(content) or []
        if zero and k == 0 and chains:
            out.append((chains[-1][-1], "0"))
        for chain in chains:
            out += [(chain[j], chain[j + 1]) for j in range(len(chain) - 1)]
    return out
