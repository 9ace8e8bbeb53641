r"""Variables an integral, sum, product or limit binds, kept apart from the names a substitution replaces.

$\sum_i r_{ik} x_i$ binds its own $i$: put into a claim about $\gamma_{ik}$ whose free index is also $i$, and checked
at $i = 0$, it must stay $\sum_{\xi} r_{\xi k} x_\xi$, never become a sum "over 0" (sympy's ``xreplace`` replaces
bound and free names alike).  Likewise $\int_0^4 e^{u}\,du$ after "with $u = x^2$" integrates over its own $u$, and
$\lim_{x \to \infty} 1/x$ keeps its $x$ after $x$ is defined.
"""
from __future__ import annotations

import sympy as sp

_BINDERS = (sp.Integral, sp.Sum, sp.Product)


def bound_apart(expr: sp.Basic, mapping) -> sp.Basic:
    r"""``expr`` with each variable a binder binds renamed to a fresh dummy of its name where ``mapping`` (a dict or
    a set) holds that name: $\int_a^b f(u)\,du$ is $\int_a^b f(\xi)\,d\xi$, whatever $u$ means outside."""
    def shadows(e):
        if isinstance(e, sp.Limit):
            return e.args[1] in mapping
        return isinstance(e, _BINDERS) and any(limit[0] in mapping for limit in e.limits)

    def renamed(e):
        if isinstance(e, sp.Limit):
            body, z, z0, direction = e.args
            fresh = sp.Dummy(z.name, **z.assumptions0)
            return sp.Limit(body.xreplace({z: fresh}), fresh, z0, str(direction))
        fresh = {limit[0]: sp.Dummy(limit[0].name, **limit[0].assumptions0) for limit in e.limits
                 if limit[0] in mapping}
        limits = [(fresh.get(limit[0], limit[0]), *limit[1:]) for limit in e.limits]
        return e.func(e.function.xreplace(fresh), *limits)

    if not isinstance(expr, sp.Basic) or not any(shadows(e) for e in sp.preorder_traversal(expr)):
        return expr
    return expr.replace(shadows, renamed)
