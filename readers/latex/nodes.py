r"""What the LaTeX reader produces: the error, the special sympy nodes, and the parsed block."""
from __future__ import annotations

from dataclasses import dataclass, field

import lark
import sympy as sp
from sympy.concrete.expr_with_limits import ExprWithLimits


class LatexParseError(ValueError):
    """Text that could not be read, with the 1-based ``line`` and ``column`` where."""

    def __init__(self, message: str, line: int, column: int):
        super().__init__(f"{message} (line {line}, column {column})")
        self.message, self.line, self.column = message, line, column

    def shifted(self, line: int, column: int) -> LatexParseError:
        """The same error in a file where the text starts at ``(line, column)``."""
        col = self.column + column - 1 if self.line == 1 else self.column
        return LatexParseError(self.message, self.line + line - 1, col)


class Given(sp.Function):
    r"""The conditioning part of $P(A \mid B)$: ``P(A, Given(B))``; never evaluates."""


class PlusMinus(sp.Function):
    r"""$\pm a$: a claim holds for both signs (:func:`sign_choices` writes out each)."""


class Expectation(sp.Function):
    r"""$\mathbb{E}_{x \sim D}[f]$ as ``Expectation(f, x, D)``; never evaluates by itself."""

    nargs = 3


class IndexMax(ExprWithLimits):
    r"""$\max_{i=lo}^{hi} f_i$, the largest of the terms (a shared slack's least feasible value).

    Bound like a sum's index; ``doit`` writes it out as ``Max(f_lo, ..., f_hi)`` once the range is concrete."""

    def _sympystr(self, printer):
        (index, lo, hi), = self.limits
        return f"max({printer._print(self.function)}, {index}={printer._print(lo)}..{printer._print(hi)})"

    def doit(self, **hints):
        (index, lo, hi), = self.limits
        if not (lo.is_Integer and hi.is_Integer):
            return self
        return sp.Max(*[self.function.xreplace({index: sp.Integer(v)}) for v in range(int(lo), int(hi) + 1)])


class MatrixLiteral(sp.Function):
    r"""A matrix written entry by entry, $\begin{bmatrix} a & b \\ c & d \end{bmatrix}$, as
    ``MatrixLiteral((a, b), (c, d))``: one ``Tuple`` per row.  Products of matrices do not commute, so
    neither does this node; it never evaluates (:meth:`as_matrix` gives sympy's matrix)."""

    is_commutative = False

    def as_matrix(self) -> sp.ImmutableMatrix:
        return sp.ImmutableMatrix([list(row) for row in self.args])


class HugePower(sp.Function):
    r"""$b^n$ for a positive rational $b \ne 1$ and an exponent too large to evaluate exactly
    (``(1/2)^{1000000000}``, a number of 10^9 bits): held unevaluated so that a logarithm around it reads it
    exactly, $\log(b^n) = n \log b$ (true for every real $n$ when $b > 0$).  Never left in a result: a block
    where it stands anywhere else is refused ("exponent too large")."""

    nargs = 2


SUMMED = (sp.Sum, sp.Product, IndexMax)
"""Nodes that bind an index over an integer range."""

PARTIAL = sp.Symbol("∂")
"""Marker for ``\\partial`` inside a fraction; never left in a result."""

# ** results **

@dataclass(frozen=True)
class Chain:
    """``exprs[0] rels[0] exprs[1] rels[1] ...``: an expression when there are no relations."""

    exprs: tuple[sp.Basic, ...]
    rels: tuple[str, ...] = ()

    def pairs(self):
        """Consecutive ``(lhs, rel, rhs)`` claims."""
        return [(self.exprs[k], self.rels[k], self.exprs[k + 1]) for k in range(len(self.rels))]


@dataclass(frozen=True)
class Row:
    r"""One row of a block: a chain, its conditions (``\text{when } i = j``) and what kind of row it is.

    ``kind``: ``"formula"``; ``"constraint"`` (after ``s.t.``); ``"where"``
    (after ``where``: definitions); ``"list"`` (``\alpha, b``); ``"prose"``;
    ``"empty"``.  ``continued``: the row starts with a relation (``&= ...``), its
    left side is the previous row's last expression.
    """

    chain: Chain
    text: str
    line: int
    column: int
    kind: str = "formula"
    continued: bool = False
    conditions: tuple[sp.Basic, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Block:
    """A parsed formula block: rows, warnings, and what the symbols are.

    ``indices`` maps each free index symbol to its inclusive 1-based range;
    ``arrays`` each ``IndexedBase`` to its length (when a sum tells);
    ``sizes`` are the size symbols; ``zero_based`` is true when a sum starts at 0.
    """

    rows: tuple[Row, ...]
    warnings: tuple[str, ...] = ()
    indices: dict = field(default_factory=dict)
    arrays: dict = field(default_factory=dict)
    sizes: tuple[sp.Symbol, ...] = ()
    functions: frozenset = frozenset()
    zero_based: bool = False

# ** pieces the reader passes around **

@dataclass
class _NamePiece:
    """A name with its scripts and call, resolved only after the whole product is seen."""

    token: lark.Token
    scripts: list  # ("sub" | "sup" | "prime", node)
    call: lark.Tree | None
    start: int
    end: int
    after: list = field(default_factory=list)  # scripts after the call: ``y(1 - s)^{2}`` squares the parenthesis


@dataclass
class _Annotation:
    r"""A parenthesized side condition such as ``(i \ne j)``: not a factor."""

    text: str
    conditions: tuple


@dataclass
class _DerivativeOperator:
    r"""$\frac{\partial}{\partial x}$: applies to the rest of the product.

    ``power`` > 1 is a derivative with respect to a power of one variable, $\frac{\partial}{\partial \sigma^2}$:
    by the chain rule $\frac{\partial f}{\partial (x^p)} = \frac{\partial f / \partial x}{p x^{p-1}}$ (on x > 0,
    where x^p is a coordinate)."""

    variables: tuple
    power: int = 1

    def applied_to(self, f):
        """The derivative of ``f``, unevaluated."""
        derivative = sp.Derivative(f, *self.variables, evaluate=False)
        if self.power == 1:
            return derivative
        (variable, _), = self.variables
        return derivative / (self.power * variable ** (self.power - 1))


@dataclass
class _Env:
    name: str
    rows: list

