r"""Relations the prose states as hypotheses: "Suppose that $$\alpha + \beta = 1.$$", "Assume $x + y > 0$",
"Let $k$ be a number such that $k^2 = 9$", "Given $a^2 + b^2 = 1$", "$$\gamma = 2\delta$$ is assumed".

A relation right after a hypothesis verb (suppose, assume, given, let, consider, for, where, whenever, provided, if;
"such that"), or followed by "is assumed", "by hypothesis", says what holds from here on, not that it holds for
every value of its names: checked as an identity, ``\alpha + \beta = 1`` is an equation in two unknowns and the
claim after it, ``\alpha^2 - \beta^2 = \alpha - \beta``, was refuted at ``\alpha = 1, \beta = 2`` where the
hypothesis fails.  Such a block is a condition.  What it lets the reader check later:

* an inequality is an assumption like any other condition (points outside it are rejected);
* an equation that one of its names solves uniquely (``\alpha + \beta = 1`` gives ``\beta = 1 - \alpha``) is that
  substitution;
* an equation no name solves uniquely (``k^2 = 9``) is not assumable: its names are *withheld*, so a claim on them
  that fails is ``undecided`` (the prose states a domain it does not assume), never refuted.

A relation on the values of an unknown function after a conditional (``f`` is a contraction *if* ``\|f(x_1) -
f(x_2)\| \le \gamma \|x_1 - x_2\|``; convex if ``f(tx + (1-t)y) \le t f(x) + (1-t) f(y)``; whenever, provided,
suppose, assume) states a property the function is supposed to have (after "such that" it is what a claim says
exists, the mean value theorem's ``f(b) - f(a) = f'(c)(b - a)``, and is left to the claim's readers): a condition,
not assumable at points, and nothing is assumed from it (a later claim on the unknown ``f`` stays undecided as any
claim on an undefined function does; its points ``x_1``, ``x_2`` are not constrained).

A relation with a lone name on one side (``Let $f(x) = x^2$``, ``$x = 2$``) is left to the readers of definitions
and examples, which scope it already; but after a conditional clause (if, whenever, provided) a lone
function value is no definition: "$x$ is a fixed point of $f$ if $$f(x) = x$$" read as one made ``f`` the identity,
and "$f$ is a contraction if ..." after it was refuted with it.  Such a relation is a condition as above.
"""
from __future__ import annotations

import re

import sympy as sp
from sympy.core.function import AppliedUndef

_BEFORE = re.compile(r"(?:\b(?:suppose|supposing|assume|assuming|given|whenever|provided|if|let|consider|"
                     r"for|where)(?:\s+(?:now|also|further|instead))?(?:\s+that)?|\bsuch\s+that)\s*[:,]?\s*$",
                     re.IGNORECASE)
_CONSTRAINT = re.compile(r"(?:\bsubject\s+to(?:\s+the\s+constraints?)?|\bs\.\s?t\.|\bconstrained\s+(?:to|by)|"
                         r"\b(?:on|over|along)\s+the\s+(?:line|plane|hyperplane|circle|sphere|ellipse|curve|surface|"
                         r"simplex|set|constraint)s?)\s*[:,]?\s*$", re.IGNORECASE)
r"""The constraint of an optimisation problem ("minimise $x^2 + y^2$ subject to / s.t. / on the line $x + 2y = 5$"):
it holds at the problem's points, not for every value of its names, and a worked example of the problem before it
(``x = y = 5``) is no point of it.  Nor is it a substitution: the partial derivatives of a Lagrangian are taken with
x and y free (``y = 10 - x`` put into ``xy - \lambda(x + y - 10)`` refuted its correct ``\partial_x = y - \lambda``)."""


_NAMED_CONSTRAINT = re.compile(r"\b(?:the|a|an|our|this|these|those|its|each|every|both|two|three)\s+"
                               r"(?:[A-Za-z-]+\s+){0,2}constraints?\s*[:,]?\s*"
                               r"(?:\$[^$]+\$\s*(?:,\s*(?:and\s+)?|and\s+))*$", re.IGNORECASE)
r"""A relation the prose calls a constraint by name: "The constraints $x_0 + 2x_1 \le 1$ and $2x_0 + x_1 = 1$ can be
written ...", "the linear constraint $u - v \le 4$", "the nonlinear constraint:" before a display, the later relations
of a list it opens too.  It holds at the problem's points, not for every value of its names (SciPy's optimize
tutorial: the first constraint of its example, read as a claim, was refuted at x_0 = x_1 = 1/2)."""


_WORKED_FROM = re.compile(r"\b(?:of|from|differentiating|integrating|squaring|expanding|rearranging|solving)\s*$",
                          re.IGNORECASE)
r"""What, said before "the constraint:", makes the relation after the colon a result worked from it, a claim to check:
"the Jacobian of the constraints: $$J(x) = ...$$", "Differentiating the constraint: $$2x + 2y y' = 0$$" (while in
"Squaring the constraint $w - h \le 3$ gives ..." the relation is the constraint itself)."""


def constraint(before: str) -> bool:
    """Whether the prose right before a relation names it as a problem's constraint (:data:`_CONSTRAINT`, or
    :data:`_NAMED_CONSTRAINT` unless :data:`_WORKED_FROM` says the relation is worked from it)."""
    if _CONSTRAINT.search(before) is not None:
        return True
    named = _NAMED_CONSTRAINT.search(before)
    return named is not None and not (before.rstrip().endswith(":")
                                      and _WORKED_FROM.search(before[:named.start()]) is not None)
_AFTER = re.compile(r"^\s*[,.]?\s*(?:(?:is|are|was|were|be)\s+(?:assumed|supposed|given|taken\s+as\s+given)\b|"
                    r"\(?\s*by\s+(?:assumption|hypothesis)\b)", re.IGNORECASE)


_AT_POINT = re.compile(r"\b(?:at|for|when)\s+\$[^$]*=[^$]*\$\s*,?\s*where\s*[:,]?\s*$", re.IGNORECASE)
r"""``smallest at $\eta = 1/L$, where $$...$$``: "where" points back to a value just set ("at which"); what follows is
what holds there, not a new hypothesis."""


_JOINED = re.compile(r"\$[^$]+\$\s+and\s*$")
r"""``for $\alpha + k > 1$ and`` before ``$\beta + n - k > 1$``: the second relation of a pair the hypothesis verb
opens ("for A and B"); one step back only ("For $n \ge 1$, $a_n > 0$ and $b_n < 1$" states two claims)."""


_NAMED_IN_WORDS = re.compile(r"\b(?:for|if|given|assuming|suppose|when|with)\s+(?:[A-Za-z][\w-]*\s+){0,3}"
                             r"[A-Za-z][\w-]*\s*\(\s*$", re.IGNORECASE)
r"""A hypothesis named in words and then written in brackets: "For unit vectors ($\|u\| = \|v\| = 1$) this gives",
"with zero-mean logits ($\sum_j z_j = 0$)".  The claim that follows holds where the bracket does; checked as an
identity, $\|u - v\|^2 = 2 - 2u^\top v$ was refuted at u = v = 2."""


def stated_as_hypothesis(before: str, after: str) -> bool:
    """Whether the prose right before a block (``before``) ends with a hypothesis verb, or with "and" after a
    formula that does (:data:`_JOINED`), or with a hypothesis named in words and an opening bracket
    (:data:`_NAMED_IN_WORDS`), or the prose right after it (``after``) says it is assumed.  A "where"
    that points back to a value just set (``at $x = 1$, where``) is none."""
    if _NAMED_IN_WORDS.search(before):
        return True
    if _AT_POINT.search(before):
        return _AFTER.search(after) is not None
    joined = _JOINED.search(before)
    if joined is not None and _BEFORE.search(before[:joined.start()]) is not None \
            and not _AT_POINT.search(before[:joined.start()]):
        return True
    return _BEFORE.search(before) is not None or _AFTER.search(after) is not None


_LISTED = re.compile(r"(?:\$[^$]+\$\s*(?:,\s*and|,|and)\s*)+$", re.IGNORECASE)
_ASSUMED = re.compile(r"\b(?:suppose|supposing|assume|assuming|given|let)(?:\s+(?:now|also|further))?(?:\s+that)?"
                      r"\s*[:,]?\s*$", re.IGNORECASE)


def assumed_outright(before: str) -> bool:
    r"""Whether the prose right before a relation assumes it outright ("Assume $pq > 2$.", "Suppose $u > 1$ and
    $uv > 2$"), not names a regime in passing ("for $\eta\lambda > 2$ it diverges"): a relation of a product of
    names is then in force like any other condition (a counterexample at p = q = 1/2 refuted log(pq) > 0 after
    "Assume $pq > 2$")."""
    listed = _LISTED.search(before)  # "Assume $p > 0$, $q > 0$ and": each relation of the list is assumed
    return _ASSUMED.search(before) is not None or (listed is not None and _ASSUMED.search(before[:listed.start()])
                                                   is not None)


def _lone_name(e) -> bool:
    r"""A name alone, or a variance written as a squared name (``\sigma^2 = \frac1n\sum_i (x_i - \mu)^2`` after
    "let": its definition, as the readers of definitions take it)."""
    return isinstance(e, (sp.Symbol, sp.Indexed, AppliedUndef)) or (
        isinstance(e, sp.Derivative) and isinstance(e.expr, AppliedUndef)) or (
        isinstance(e, sp.Pow) and isinstance(e.base, sp.Symbol) and e.exp == 2)


_CONDITIONAL = re.compile(r"\b(?:if|whenever|provided)(?:\s+that)?\s*[:,]?\s*$", re.IGNORECASE)
r"""A clause that states when a property holds ("$x$ is a fixed point of $f$ if"). "Suppose" and "assume" are not
among them: "Given $f(x) = A(B(C(x)))$, lets assume: $A(x) = \sin x$, ..." defines A, as "let" does."""


def conditional(before: str) -> bool:
    """Whether the prose right before a block ends with a conditional clause (if, whenever, provided), not with a
    word that may introduce a definition (let, suppose, assume, consider, given, for, where)."""
    return _CONDITIONAL.search(before) is not None


def hypothesis_relations(relations, conditional: bool = False) -> tuple[list, set] | None:
    """``(assumable, withheld names)`` for the relations of a hypothesis, or None when one of them has a lone
    name on a side (a definition or an example: read as such elsewhere).  An inequality is assumable as it is; an
    equation is assumable as ``name = value`` for the first of its names (by name, from the last) it is linear in
    with a number for coefficient; otherwise its names are withheld."""
    assumable, withheld = [], set()
    for r in relations:
        if conditional and isinstance(r, sp.core.relational.Relational) and not r.has(sp.Derivative) and any(
                isinstance(side, AppliedUndef) for side in (r.lhs, r.rhs)):  # "x is a fixed point of f if f(x) = x":
            continue  # a property of f, not its definition
        if not isinstance(r, sp.core.relational.Relational) or _lone_name(r.lhs) or _lone_name(r.rhs) \
                or r.has(sp.Derivative):  # a bound on an unknown function's derivatives (d2l's gradient descent:
            return None  # whenever f'''/f'' <= c) is read by the readers of those
        if r.has(AppliedUndef):  # "f is a contraction if ||f(x_1) - f(x_2)|| <= gamma ||x_1 - x_2||": a property
            if not conditional:  # of f, not assumable at points; after "such that" (there is a c such that
                return None  # f(b) - f(a) = f'(c)(b - a)) the relation is what exists: a claim, read elsewhere
            continue
        if not isinstance(r, sp.Eq):
            assumable.append(r)
            continue
        solved = _solved(r)
        if solved is None:
            withheld |= {x for x in r.free_symbols if isinstance(x, sp.Symbol)}
        else:
            assumable.append(solved)
    return assumable, withheld


def _solved(eq) -> sp.Eq | None:
    """``Eq(x, value)`` for a name ``x`` in which the equation is linear with a non-zero number for coefficient
    (one value whatever the other names are), else None."""
    expr = sp.expand(eq.lhs - eq.rhs)
    for x in sorted((s for s in expr.free_symbols if isinstance(s, sp.Symbol) and not s.is_integer), key=str,
                    reverse=True):
        coefficient = expr.coeff(x)
        rest = sp.expand(expr - coefficient * x)
        if coefficient.is_number and coefficient != 0 and x not in rest.free_symbols:
            return sp.Eq(x, -rest / coefficient, evaluate=False)
    return None


def text_after(lines: list[str], line: int, column: int, source: str) -> str:
    """The prose right after a block that opens at ``line``, ``column`` (1-based) with text ``source``: the rest of
    the line it closes on, and the next line when that rest is blank (``$$...$$`` then ``is assumed ...``)."""
    last = line - 1 + source.count("\n")
    if not 0 <= last < len(lines):
        return ""
    start = column - 1 + len(source) if "\n" not in source else len(source) - source.rfind("\n") - 1
    rest = lines[last][start:]
    if not rest.strip() and last + 1 < len(lines):
        rest = lines[last + 1]
    return rest
