r"""Derivations as data: a chain of steps ``lhs REL rhs``.

Relations: ``=``, ``<=``, ``>=``, ``<``, ``>``, ``propto`` (proportional as a
function of ``variable``: the ratio lhs/rhs does not depend on it) and ``->``
(a limit: $\lim_{variable \to point} lhs = rhs$).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import sympy as sp

RELATIONS = ("=", "<=", ">=", "<", ">", "propto", "->")


@dataclass(frozen=True)
class Step:
    r"""One claim ``lhs REL rhs`` with what it rests on.

    * ``assumptions``: side conditions in force (sympy relationals such as
      ``sigma2 + eps > 0``); symbols' own assumptions (``positive=True``) count too.
    * ``domains``: sampling domains for symbols or ``IndexedBase`` objects whose
      domain is narrower than their sympy assumptions say (a probability, a
      simplex).
    * ``indices``: free indices with inclusive ranges, ``{i: (0, K - 1)}``.
    * ``sizes``: concrete sizes for symbolic-size checks, ``({K: 2}, {K: 5})``.
    * ``weight``: how many times the caller's time budget this step may take
      (integrals that sympy evaluates in seconds, not milliseconds).
    * ``undefined``: what a point inside the assumptions where one side is defined (a finite
      real) and the other is not means: ``"skipped"`` (the domain was left implicit, as in
      notes: such points are not evidence either way) or ``"refutes"`` (``prove``: symbols are
      real unless assumed otherwise, and the claim must hold wherever the assumptions do;
      the verdict is ``refuted`` with the reason "domain mismatch").
    * ``written_divisors``: ``(side, v)`` pairs, ``side`` ``"lhs"`` or ``"rhs"``: the side as the user wrote it
      divides by $v$ (or takes $\log v$, $\tan$ of an angle with $\cos = 0$), so it is undefined where $v = 0$,
      even if sympy cancelled $v$ while building the expression ($\frac{x - 1}{x - 1} \to 1$).
    * ``derivatives``: ``(side, D, f, x, n)``: the side holds $D$, sympy's closed form of $f^{(n)}$ in $x$; where
      $D$ is 0/0 the derivative's value is read from its one-sided limits (``strategies.decide``).
    * ``expect``: ``"holds"`` for a true claim, ``"fails"`` for a mistake that
      must be refuted (a claim copied from someone's notes).
    """

    lhs: sp.Expr
    rhs: sp.Expr
    rel: str = "="
    justification: str = ""
    assumptions: tuple[sp.Basic, ...] = ()
    domains: dict = field(default_factory=dict)
    variable: sp.Symbol | None = None
    point: sp.Expr | None = None
    indices: dict = field(default_factory=dict)
    sizes: tuple[dict, ...] = ()
    expect: str = "holds"
    note: str = ""
    weight: float = 1.0
    undefined: str = "skipped"
    written_divisors: tuple = ()
    derivatives: tuple = ()

    def __post_init__(self):
        if self.rel not in RELATIONS:
            raise ValueError(f"unknown relation {self.rel!r}; expected one of {RELATIONS}")
        if self.rel in ("propto", "->") and self.variable is None:
            raise ValueError(f"relation {self.rel!r} needs a variable")
        if self.rel == "->" and self.point is None:
            raise ValueError("a limit step needs the point the variable tends to")
        if self.undefined not in ("skipped", "refutes"):
            raise ValueError("undefined is 'skipped' or 'refutes'")
        if self.expect not in ("holds", "fails"):
            raise ValueError("expect is 'holds' or 'fails'")


@dataclass(frozen=True)
class Derivation:
    """A named chain of steps, optionally about a catalog formula."""

    id: str
    title: str
    steps: tuple[Step, ...]
    catalog_id: str | None = None
    source: str = ""
    notes: str = ""


def chain(first: sp.Expr, *links, **common) -> tuple[Step, ...]:
    """Build steps from a chain ``first REL e1 REL e2 ...``.

    Each link is ``(rel, expr)`` or ``(rel, expr, justification)``; keyword
    arguments (assumptions, domains, sizes, ...) apply to every step.
    """
    steps, lhs = [], first
    for link in links:
        rel, rhs, *why = link
        steps.append(Step(lhs, rhs, rel, why[0] if why else "", **common))
        lhs = rhs
    return tuple(steps)
