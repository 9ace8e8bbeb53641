r"""Reverse mode in index notation: the VJPs of a formula through its named intermediates.

A formula is a chain of definitions $X^{(1)}, \dots, X^{(m)}$ (each may read the inputs and the
earlier ones) and an output $y$.  Differentiating the fully expanded $y$ repeats every intermediate's
derivative inside every term; reverse mode instead gives each intermediate an adjoint, from its
consumers $C$ (the later definitions and the output), in reverse order:

.. math::
    \bar{y}_\iota = g_\iota, \qquad
    \bar{X}_\kappa = \sum_{C \ni X} \sum_\iota \bar{C}_\iota \frac{\partial C_\iota}{\partial X_\kappa}, \qquad
    \bar{p}_\kappa = \sum_{C \ni p} \sum_\iota \bar{C}_\iota \frac{\partial C_\iota}{\partial p_\kappa}

where $\partial C / \partial X$ treats every other intermediate read by $C$ as independent (the chain
rule collects the rest through $\bar{C}$).  Each term is :func:`~derivations.gradients.derive.derive_vjp`'s
(Kronecker deltas summed out, kinks by :data:`~derivations.gradients.KINK_CONVENTIONS`).  For attention,
$O = AV$, $A = \operatorname{softmax}(S)$, $S = QK^\top/\sqrt{d_k}$, this gives $\bar{A} = gV^\top$,
$\bar{S} = A \odot (\bar{A} - \sum_l A_{\cdot l} \bar{A}_{\cdot l})$ and $\bar{Q} = \bar{S}K/\sqrt{d_k}$:
the textbook backward pass, found, not typed.

The adjoints are returned as :class:`~symbolic.record.Definition` s (substituted like the forward ones),
so that every gradient of one formula reads the same $\bar{S}$, which the code generator computes once.
"""
from __future__ import annotations

import sympy as sp

from derivations.gradients import KINK_CONVENTIONS
from derivations.gradients.derive import Wrt, derive_vjp, fresh_indices
from symbolic.record import Definition, expand_definitions


def _base(lhs):
    return lhs.base if isinstance(lhs, sp.Indexed) else lhs


def _reads(expr: sp.Expr, base) -> bool:
    """Whether ``expr`` reads ``base`` (an ``IndexedBase`` through an element, or a ``Symbol``)."""
    if isinstance(base, sp.IndexedBase):
        return any(a.base == base for a in expr.atoms(sp.Indexed))
    return base in expr.free_symbols


def infer_shapes(definitions, shapes: dict) -> dict:
    """``shapes`` (base -> size tuple) extended by each indexed definition's shape, read off the axes its
    indices address in the expression (``S[i, j] = sum_a K[j, a] Q[i, a]``: ``i`` is an axis of ``Q``)."""
    shapes = dict(shapes)
    for d in definitions:
        if not isinstance(d.lhs, sp.Indexed):
            shapes[d.lhs] = ()
            continue
        sizes = []
        for i in d.lhs.indices:
            size = None
            for read in sorted(d.expr.atoms(sp.Indexed), key=sp.default_sort_key):
                known = shapes.get(read.base)
                if known is not None and i in read.indices:
                    size = known[read.indices.index(i)]
                    break
            if size is None:
                raise ValueError(f"cannot infer the range of index {i} of {d.lhs}")
            sizes.append(size)
        shapes[d.lhs.base] = tuple(sizes)
    return shapes


def _indices_of(lhs, shape) -> tuple:
    if not isinstance(lhs, sp.Indexed):
        return ()
    return tuple((i, sp.S.Zero, n - 1) for i, n in zip(lhs.indices, shape))


def _adjoint_name(base) -> sp.Basic:
    label = f"\\bar{{{base.label if isinstance(base, sp.IndexedBase) else base}}}"
    return sp.IndexedBase(label) if isinstance(base, sp.IndexedBase) else sp.Symbol(label)


def _contribution(consumer_expr, consumer_indices, adjoint, wrt: Wrt, kappa, conventions=KINK_CONVENTIONS) -> sp.Expr:
    """$\\sum_\\iota \\bar{C}_\\iota\\, \\partial C_\\iota / \\partial w_\\kappa$ at the shared indices ``kappa``."""
    expr, own = derive_vjp(consumer_expr, consumer_indices, wrt, adjoint, conventions)
    return expr.xreplace({k: c for (k, _, _), (c, _, _) in zip(own, kappa)})


def reverse_vjps(definitions, output_expr, output_indices, params: dict, upstream, conventions=KINK_CONVENTIONS):
    r"""The VJP of the output with respect to each parameter, in reverse mode through ``definitions``.

    ``params``: name -> :class:`~derivations.gradients.derive.Wrt`; ``conventions``: the values at kinks, as
    :func:`~derivations.gradients.derive.derive_vjp` takes them.  Returns ``(gradients, adjoints)``:
    per name ``(expr, kappa)``, the gradient over its indices $\kappa$ (ranges), reading the adjoint
    definitions ``adjoints``, in the order they were found (each reads earlier ones and the forward ones, as
    :func:`~symbolic.record.expand_definitions` expects).
    """
    shapes = infer_shapes(definitions, {w.symbol: tuple(w.shape) for w in params.values()})
    taken = {str(s) for s in output_expr.atoms(sp.Symbol)} | {str(s) for d in definitions
                                                               for s in d.expr.atoms(sp.Symbol)}
    taken |= {str(i) for i, _, _ in output_indices}
    # consumers: (expression, indices, adjoint symbol); the output's adjoint is the upstream gradient
    consumers = [(output_expr, tuple(output_indices), upstream)]
    adjoints: list[Definition] = []
    for d in reversed(definitions):
        base = _base(d.lhs)
        shape = shapes[base]
        kappa = fresh_indices(shape, taken, "\\kappa_", "'")
        wrt = Wrt(base, shape)
        terms = [_contribution(e, idx, adj, wrt, kappa, conventions) for e, idx, adj in consumers if _reads(e, base)]
        adj = _adjoint_name(base)
        lhs = adj[tuple(k for k, _, _ in kappa)] if kappa else adj
        adjoints.append(Definition(lhs, sp.Add(*terms)))
        consumers.append((d.expr, _indices_of(d.lhs, shape), adj))
    gradients = {}
    for name, wrt in params.items():
        kappa = fresh_indices(wrt.shape, taken, "\\kappa_", "'")
        terms = [_contribution(e, idx, adj, wrt, kappa, conventions) for e, idx, adj in consumers if _reads(e, wrt.symbol)]
        gradients[name] = (sp.Add(*terms), kappa)
    return gradients, tuple(adjoints)


def expanded_vjps(definitions, output_expr, output_indices, params: dict, upstream,
                  conventions=KINK_CONVENTIONS) -> dict:
    """:func:`reverse_vjps` with the adjoints, then the forward definitions, substituted: per name
    ``(expr, kappa)`` over the inputs, the upstream gradient and the sizes only."""
    gradients, adjoints = reverse_vjps(definitions, output_expr, output_indices, params, upstream, conventions)
    out = {}
    for name, (expr, kappa) in gradients.items():
        expr = expand_definitions(expand_definitions(expr, adjoints), tuple(definitions))
        out[name] = (expr, kappa)
    return out


_CACHE: dict = {}


def record_vjp(grad) -> sp.Expr:
    r"""The reverse-mode VJP of a gradient record (upstream given) over the record's own indices.

    One reverse pass per formula serves all its records (cached by formula and upstream)."""
    if grad.upstream is None:
        raise ValueError(f"{grad.id}: a Jacobian has no upstream gradient to run reverse mode from")
    subject = grad.subject
    key = (subject.id, grad.upstream, subject.definitions, subject.outputs)
    if key not in _CACHE:
        params = {v.name: Wrt(v.symbol, tuple(v.shape)) for v in subject.variables}
        output = grad.output
        _CACHE[key] = expanded_vjps(subject.definitions, output.expr, output.indices, params, grad.upstream)
    expr, kappa = _CACHE[key][grad.wrt]
    mine = tuple(i for i, _, _ in grad.wrt_indices)
    bound = {s for s in expr.atoms(sp.Symbol)} - expr.free_symbols
    if bound & set(mine):
        raise ValueError(f"{grad.id}: index {bound & set(mine)} of the record is bound in its derived VJP")
    return expr.xreplace({k: m for (k, _, _), m in zip(kappa, mine)})


def simplex_of(formula) -> tuple:
    """``(IndexedBase, size of its last axis)`` of each variable on the probability simplex."""
    from symbolic.domains import Simplex

    return tuple((v.symbol, v.shape[-1]) for v in formula.variables
                 if isinstance(v.domain, Simplex) and isinstance(v.symbol, sp.IndexedBase) and v.shape)


def expression_vjps(expr: sp.Expr, indices, params, upstream, sizes=(),
                    conventions=KINK_CONVENTIONS) -> list[tuple[sp.Expr, tuple]]:
    r"""The VJP of one expression (a user's definition, earlier ones inlined) with respect to each parameter
    (``params``: :class:`~derivations.gradients.derive.Wrt` s, in order), by reverse mode through the intermediates
    that :func:`~derivations.gradients.intermediates.intermediates` names in it, expanded and put in compact forms
    (:func:`~derivations.gradients.simplify.simplify_vjp`): per parameter ``(expr, kappa)``, $\kappa$ the indices
    ``derive_vjp`` gives the same parameter (``k0``, ``k1``, ...).

    Softmax-like bodies come out as $\frac{e^{u_k}}{Z}\,(g_k - \frac{1}{Z}\sum_i g_i e^{u_i})$, $Z = \sum_j e^{u_j}$:
    the normalizer stays out of the sums (no :func:`~derivations.gradients.simplify.weights_inside`: the function
    computes its own weights, one division per row is cheaper than one per element, and the stability rules'
    softmax patterns, ``mean_from_top``, read $\sum_i w_i v_i / S$)."""
    from derivations.gradients.derive import gradient_indices
    from derivations.gradients.intermediates import intermediates
    from derivations.gradients.simplify import simplify_vjp

    definitions, output = intermediates(expr, indices, sizes)
    named = {f"p{n}": w for n, w in enumerate(params)}
    vjps = expanded_vjps(definitions, output, tuple(indices), named, upstream, conventions)
    taken = expr.free_symbols | {i for i, _, _ in indices}
    out = []
    for key, wrt in named.items():
        e, kappa = vjps[key]
        mine = gradient_indices(wrt, taken)
        bound = e.atoms(sp.Symbol) - e.free_symbols
        if bound & {k for k, _, _ in mine}:
            raise ValueError(f"index {bound & {k for k, _, _ in mine}} of the gradient is bound in its VJP")
        e = e.xreplace({k: m for (k, _, _), (m, _, _) in zip(kappa, mine)})
        out.append((_one_fraction_if_cheaper(simplify_vjp(e, weights=False)), mine))
    return out


def _cost(expr: sp.Expr) -> int:
    """Operations, a division counted twice (it costs about two multiplications per element)."""
    return int(sp.count_ops(expr, visual=True).subs({sp.Symbol("DIV"): 2}).subs(
        {s: 1 for s in sp.count_ops(expr, visual=True).free_symbols}))


def _one_fraction_if_cheaper(expr: sp.Expr) -> sp.Expr:
    r"""A gradient without sums or cases as one fraction, common factors out (``together``, ``factor_terms``), where
    that costs less: $\frac{g}{1 - p} + \frac{g}{p} = \frac{g}{p (1 - p)}$ (logit), one division instead of two.
    Whether it is as accurate (a product of denominators can overflow where each one does not) the code
    generator's search decides, with the other forms as candidates."""
    if expr.has(sp.Sum, sp.Piecewise, sp.Indexed) or not isinstance(expr, sp.Add):
        return expr
    try:
        candidate = sp.factor_terms(sp.together(expr))
    except (TypeError, ValueError, NotImplementedError, AttributeError, RecursionError):
        return expr
    return candidate if _cost(candidate) < _cost(expr) else expr
