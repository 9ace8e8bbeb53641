r"""Names whose definition depends on a variable an operator of the claim binds.

After "the model is $y = wx + \varepsilon$", the $y$ of

.. math:: \frac{d}{dw}\Big(\frac{\alpha}{2}w^2 + \frac{\beta}{2}(y - wx)^2\Big) = (\alpha + \beta x^2)w - \beta xy

is the observed value, held fixed while $w$ varies; substituting $y = wx + \varepsilon$ under $\frac{d}{dw}$ makes
$y$ move with $w$ and changes the derivative.  Either reading may be the author's: a name defined through ``w``
inside a derivative by ``w`` (or an integral, sum, product or limit over ``w``) is one the claim may mean as a
value of its own.  :func:`tied_definitions` names such definitions; when the claim fails with them substituted
but is confirmed with the names as written, the checker calls it ambiguous instead of refuting it.  A claim that is
not confirmed as written stays refuted: $\partial\ell/\partial z$ after $\ell = -y\log p - \dots$ and
$p = \sigma(z)$ means the defined $\ell$, and with $\ell$ as a bare name it says nothing.
"""
from __future__ import annotations

import sympy as sp


def _bound_variables(node) -> set:
    """The variables ``node`` binds: a derivative's variables, an integral's, sum's or product's dummies, a limit's."""
    if isinstance(node, sp.Derivative):
        return {v for v, _ in node.variable_count}
    if isinstance(node, (sp.Integral, sp.Sum, sp.Product)):
        return {limit[0] for limit in node.limits}
    if isinstance(node, sp.Limit):
        return {node.args[1]}
    return set()


def tied_definitions(exprs, definitions: dict) -> list:
    r"""The names of ``definitions`` (name -> body) written inside an operator of ``exprs`` that binds a variable
    their body depends on (``y`` with ``y = wx + \varepsilon`` inside :math:`\frac{d}{dw}(\dots)`), sorted by
    name; the operator's own variable is never one of them."""
    found = set()
    for expr in exprs:
        for node in sp.preorder_traversal(expr):
            bound = _bound_variables(node)
            if not bound:
                continue
            inside = node.args[0].free_symbols
            for name, body in definitions.items():
                if isinstance(name, sp.Symbol) and name in inside and name not in bound \
                        and isinstance(body, sp.Basic) and body.free_symbols & bound:
                    found.add(name)
    return sorted(found, key=lambda s: s.name)
