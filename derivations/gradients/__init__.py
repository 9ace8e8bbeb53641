r"""Gradients as data: vector-Jacobian products of catalog formulas, in closed form.

For a catalog output $y_\iota$ and an input element $x_\kappa$, the VJP with an
upstream gradient $g$ shaped like $y$ is

.. math:: \bar{x}_\kappa = \sum_\iota g_\iota \frac{\partial y_\iota}{\partial x_\kappa}.

A :class:`Gradient` record holds the closed form from the literature
(``vjp``, plain index notation over symbolic sizes, for the code generator),
and the hand-written NumPy backward pass (``reference``).  ``derived`` is the
same VJP obtained by sympy: ``diff`` of the catalog expression with respect to
an element, contracted with $g$, Kronecker deltas summed out.  The three
checks of :func:`check_gradient` compare the three.

A record whose ``upstream`` is None is a Jacobian: ``vjp`` then has the
output's indices followed by the input's, and ``derived`` is the bare derivative.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import sympy as sp

from symbolic import Formula, Output, Var, get
from symbolic.record import Definition, expand_definitions
from symbolic.references import backward
from symbolic.registry import Registry, UnknownId

from derivations.gradients.sums import eliminate_deltas

KINK_CONVENTIONS = (
    (sp.Heaviside, lambda u, *_: sp.Heaviside(u, 0)),
    (sp.DiracDelta, lambda *_: sp.S.Zero),
)
r"""Values at points of non-differentiability, as rules applied to sympy's derivative.

* $\frac{d}{du}\max(0, u)$: sympy gives ``Heaviside(u)`` with $H(0) = \tfrac12$; the
  convention of PyTorch and JAX is $\mathrm{ReLU}'(0) = 0$, i.e. ``Heaviside(u, 0)``
  $= [u > 0]$.  Both are subgradients; the rule states which one the closed forms use.
  (Not ``Piecewise``: sympy's ``Sum`` folds a ``Piecewise`` out of an inner sum even
  when its condition depends on that sum's index.)
* $\frac{d}{du}|u| = \operatorname{sign}(u)$ with sympy's $\operatorname{sign}(0) = 0$,
  the convention of PyTorch and NumPy: no rule needed.
* $\frac{d}{du} H(u)$ and $\frac{d}{du}\operatorname{sign}(u)$: sympy's ``DiracDelta(u)`` is 0 (the derivative
  of a step taken as 0 everywhere, as autograd does): $\frac{d}{du}\, u H(u) = H(u)$.
"""


@dataclass(frozen=True)
class Gradient:
    """The VJP of one catalog formula with respect to one of its variables."""

    id: str
    formula_id: str
    wrt: str
    upstream: sp.Symbol | sp.IndexedBase | None
    vjp: Output
    reference: Callable[..., object]
    notes: str = ""
    definitions: tuple[Definition, ...] = ()
    """Intermediates of the backward pass (``dA``, ``dS``, a zero-padded ``g``), substituted into ``vjp``."""
    compose: tuple[Definition, ...] = ()
    """Catalog inputs given by other variables (``p[i, k]`` = softmax of logits ``z``): a composed formula."""
    inputs: tuple[Var, ...] = ()
    """The variables that replace the composed ones."""
    kinks: tuple[Output, ...] = ()
    """Expressions whose zeros are points of non-differentiability (finite differences skip them)."""

    def __post_init__(self):
        if not self.id.isidentifier():
            raise ValueError(f"gradient id {self.id!r} is not an identifier")

    @cached_property
    def subject(self) -> Formula:
        """The catalog formula, composed with ``compose`` when there is one."""
        f = get(self.formula_id)
        if not self.compose:
            return f
        replaced = {d.lhs.base if isinstance(d.lhs, sp.Indexed) else d.lhs for d in self.compose}
        variables = []
        for v in f.variables:
            variables += [w for w in self.inputs if w not in variables] if v.symbol in replaced else [v]
        return dataclasses.replace(
            f, id=f"{f.id}_of_{'_'.join(v.name for v in self.inputs)}", variables=tuple(variables),
            definitions=self.compose + f.definitions, reference=_no_forward_reference, discrepancies=())

    @property
    def output(self) -> Output:
        (output,) = self.subject.outputs
        return output

    @property
    def variable(self) -> Var:
        return self.subject.variable(self.wrt)

    @property
    def wrt_indices(self) -> tuple[tuple[sp.Symbol, sp.Expr, sp.Expr], ...]:
        return self.vjp.indices[len(self.output.indices):] if self.upstream is None else self.vjp.indices

    @property
    def element(self) -> sp.Expr:
        """The element $x_\\kappa$ differentiated by: ``x[q]``, or the scalar itself."""
        index = tuple(i for i, _, _ in self.wrt_indices)
        if len(index) != len(self.variable.shape):
            raise ValueError(f"{self.id}: {len(index)} indices for {self.wrt} of shape {self.variable.shape}")
        return self.variable.symbol[index] if index else self.variable.symbol

    @property
    def ranges(self) -> dict:
        return {i: (lo, hi) for i, lo, hi in self.vjp.indices}

    def expanded(self) -> sp.Expr:
        """The closed form with the backward intermediates, then the formula's definitions, substituted."""
        return self._expanded

    @cached_property
    def _expanded(self) -> sp.Expr:
        """:meth:`expanded`, computed once per record (the checks and the code generator ask repeatedly)."""
        return self.subject.expanded(Output(self.vjp.lhs, expand_definitions(self.vjp.expr, self.definitions)))

    @cached_property
    def derived(self) -> sp.Expr:
        r"""$\sum_\iota g_\iota\, \partial y_\iota / \partial x_\kappa$ by sympy, deltas summed out."""
        expr = self.subject.expanded(self.output)
        clash = {i for i, _, _ in self.wrt_indices} & expr.atoms(sp.Symbol)
        if clash:
            raise ValueError(f"{self.id}: index {clash} of the gradient also occurs in the formula")
        d = sp.diff(expr, self.element)
        for func, rule in KINK_CONVENTIONS:
            d = d.replace(func, rule)
        if self.upstream is not None:
            d = contract(self.upstream, self.output, d)
        return eliminate_deltas(d, self.ranges)


def contract(g, output: Output, expr: sp.Expr) -> sp.Expr:
    r"""$\sum_\iota g_\iota\, e_\iota$ over the output's indices ($g e$ for a scalar output)."""
    index = tuple(i for i, _, _ in output.indices)
    return sp.Sum(g[index] * expr, *output.indices) if index else g * expr


def _no_forward_reference(**_):
    raise NotImplementedError("a composed formula has no forward reference; its gradient has one")


# ** the registry **

class UnknownGradient(UnknownId):
    kind = "gradient"


GRADIENTS: Registry[Gradient] = Registry(UnknownGradient)
register = GRADIENTS.add


def register_vjp(formula_id: str, wrt: str, lhs: str, expr: sp.Expr, indices=(), *, upstream, gid: str = "",
                 **fields) -> Gradient:
    """Register ``{formula_id}_vjp_{wrt}`` (or ``gid``): ``lhs[indices] = expr``, whose reference is the
    function of the same name in :mod:`symbolic.references.backward`."""
    gid = gid or f"{formula_id}_vjp_{wrt}"
    index = tuple(i for i, _, _ in indices)
    target = sp.IndexedBase(lhs)[index] if index else sp.Symbol(lhs)
    return register(Gradient(id=gid, formula_id=formula_id, wrt=wrt, upstream=upstream,
                             vjp=Output(target, expr, tuple(indices)), reference=getattr(backward, gid), **fields))


get_gradient = GRADIENTS.get
all_gradients = GRADIENTS.all


from derivations.gradients import (  # noqa: F401  (importing registers every gradient)
    attention,
    convolution,
    feed_forward,
    losses,
    normalization,
    penalties,
)
from derivations.gradients.check import check_gradient

__all__ = ["Gradient", "UnknownGradient", "all_gradients", "check_gradient", "get_gradient", "register",
           "register_vjp"]
