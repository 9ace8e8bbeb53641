r"""The formula record: one small declarative, frozen description per formula.

A record holds sympy objects only; it never holds code that computes the
formula, except its hand-written NumPy ``reference``, the independent oracle.

Index notation with symbolic sizes: a vector formula such as softmax is one
output expression with a free index, e.g.

.. math:: \sigma_i = \frac{e^{z_i}}{\sum_{j=0}^{K-1} e^{z_j}}, \quad i \in [0, K-1]

stored as ``Output(lhs=sigma[i], expr=exp(z[i]) / Sum(exp(z[j]), (j, 0, K - 1)),
indices=((i, 0, K - 1),))`` with ``K`` a size symbol.  Indices are 0-based so
that they address NumPy arrays directly.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache

import sympy as sp

from symbolic.domains import Domain

REL_TOL = 1e-10
r"""Default verification tolerance: largest relative error against mpmath.

float64 has unit roundoff $u = 2^{-53} \approx 1.1 \times 10^{-16}$.  The
catalog's formulas are short (tens of operations) but evaluated at edge points
where they are ill-conditioned (variances near 0, logits of $10^4$); a bound of
$10^{-10} \approx 9 \times 10^5 u$ leaves room for that conditioning while a
wrong formula errs by $O(1)$ and an overflow by $\infty$."""


@dataclass(frozen=True)
class Var:
    """An input: a scalar ``Symbol`` or an ``IndexedBase`` with a symbolic shape."""

    symbol: sp.Symbol | sp.IndexedBase
    domain: Domain
    shape: tuple[sp.Expr, ...] = ()
    description: str = ""

    @cached_property
    def name(self) -> str:
        """Printed once per record (sympy printing is slow, and samplers ask for it per draw)."""
        return str(self.symbol.label if isinstance(self.symbol, sp.IndexedBase) else self.symbol)


@dataclass(frozen=True)
class Output:
    r"""One defining equation ``lhs = expr`` over the free ``indices``.

    ``indices`` is a tuple of ``(index, lo, hi)`` with inclusive bounds that
    may depend on the size symbols.
    """

    lhs: sp.Expr
    expr: sp.Expr
    indices: tuple[tuple[sp.Symbol, sp.Expr, sp.Expr], ...] = ()

    @cached_property
    def name(self) -> str:
        base = self.lhs.base.label if isinstance(self.lhs, sp.Indexed) else self.lhs
        return str(base)

    @property
    def equation(self) -> sp.Eq:
        return sp.Eq(self.lhs, self.expr, evaluate=False)


@dataclass(frozen=True)
class Definition:
    r"""A named intermediate, e.g. $\mu = \frac{1}{H}\sum_i x_i$, substituted into outputs."""

    lhs: sp.Symbol | sp.Indexed
    expr: sp.Expr


@dataclass(frozen=True)
class Discrepancy:
    """Where the seed differs from the textbook form held by the catalog."""

    kind: str  # "formula", "step", "remark" or "notation"
    seed: str  # what the seed says
    correction: str  # what holds instead
    claim: str = ""  # id of the derivation that proves or refutes it


@dataclass(frozen=True)
class Formula:
    """One catalog entry."""

    id: str
    title: str
    section: str
    outputs: tuple[Output, ...]
    variables: tuple[Var, ...]
    reference: Callable[..., object]
    source: str
    sizes: tuple[dict[sp.Symbol, int], ...] = ({},)
    definitions: tuple[Definition, ...] = ()
    conditions: tuple[sp.Basic, ...] = ()
    discrepancies: tuple[Discrepancy, ...] = ()
    notes: str = ""
    tolerance: float = REL_TOL
    error_scale: float = 0.0
    """Magnitude below which errors are measured absolutely (0: purely relative).

    Outputs that are differences of large terms (log-probabilities near 0)
    are ill-conditioned in the relative sense; a record that sets a scale
    says why in ``notes``."""
    latex: str | None = None

    def __post_init__(self):
        if not self.id.isidentifier():
            raise ValueError(f"formula id {self.id!r} is not an identifier")
        names = [v.name for v in self.variables]
        if len(set(names)) != len(names):
            raise ValueError(f"{self.id}: duplicate variable names {names}")

    @cached_property
    def size_symbols(self) -> tuple[sp.Symbol, ...]:
        syms: set[sp.Symbol] = set()
        for case in self.sizes:
            syms.update(case)
        return tuple(sorted(syms, key=str))

    def expanded(self, output: Output) -> sp.Expr:
        """The output's expression with every :class:`Definition` substituted (computed once per expression
        and definitions: records are immutable, and the checkers and the code generator ask again and again)."""
        try:
            return _expanded(output.expr, self.definitions)
        except TypeError:  # definitions that are not hashable (a list): nothing to cache on
            return expand_definitions(output.expr, self.definitions)

    def variable(self, name: str) -> Var:
        for v in self.variables:
            if v.name == name:
                return v
        raise KeyError(name)

    def _repr_latex_(self) -> str:
        """Each output as ``name = definition`` in sympy's LaTeX, for notebooks (``codegen.latex`` typesets the
        full record, definitions and index ranges included)."""
        rows = (f"{sp.latex(sp.Symbol(o.name))} = {sp.latex(self.expanded(o))}" for o in self.outputs)
        return "$\\displaystyle " + r" \\ ".join(rows) + "$"


@lru_cache(maxsize=4096)
def _expanded(expr: sp.Expr, definitions: tuple[Definition, ...]) -> sp.Expr:
    return expand_definitions(expr, definitions)


def expand_definitions(expr: sp.Expr, definitions: tuple[Definition, ...]) -> sp.Expr:
    """Substitute definitions, latest first, so later ones may use earlier ones."""
    for d in reversed(definitions):
        if isinstance(d.lhs, sp.Indexed):
            base, idx, rhs = d.lhs.base, d.lhs.indices, d.expr

            def is_use(e, base=base):
                return isinstance(e, sp.Indexed) and e.base == base

            def substitute(e, idx=idx, rhs=rhs):
                return rhs.xreplace(dict(zip(idx, e.indices)))

            expr = expr.replace(is_use, substitute)
        else:
            expr = expr.xreplace({d.lhs: d.expr})
    return expr

