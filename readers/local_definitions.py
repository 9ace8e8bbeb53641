r"""Names a definition's block defines after its body, substituted into it.

.. math:: \mathrm{W}(x, y) = \left(1 - \frac{r}{\ell}\right)^{4}, \quad r = \sqrt{\sum_{i=1}^{n}(x_i - y_i)^{2}}
          \qquad\Longrightarrow\qquad \mathrm{W}(x, y) = \left(1 - \frac{\sqrt{\sum_i (x_i - y_i)^{2}}}{\ell}\right)^{4}

The reader of ``check`` keeps each ``, \quad name = value`` after a row as one of the row's conditions (an
equation).  A definition that left them there made ``r`` a keyword argument of the generated function, with no tie
to ``x`` and ``y``: the function computed, and the certificate verified, something other than the block says.  Each
such equation whose left side is a plain name (not a parameter, an index or a size) is a local definition; they
may use one another in any order (GIoU's $U = r - l + t - s - I$ uses $I$), and a circle of them is an error.
"""
from __future__ import annotations

import sympy as sp

from codegen.define import DefinitionError


def local_definitions(conditions, params, where: str) -> dict[str, sp.Expr]:
    """``{name: value}`` of the equations ``name = value`` among a row's ``conditions`` defining a name that is not
    a parameter (``x = 2`` after ``f(x) = x^2`` is a condition on the parameter, not a definition)."""
    out: dict[str, sp.Expr] = {}
    for c in conditions:
        if isinstance(c, sp.Equality) and isinstance(c.lhs, sp.Symbol) and str(c.lhs) not in params:
            if str(c.lhs) in out:
                raise DefinitionError(f"{where}: {c.lhs} is defined twice after the body")
            out[str(c.lhs)] = c.rhs
    return out


def _bound_names(e: sp.Expr) -> set[str]:
    """Names of the indices and sizes of the sums and products in ``e``."""
    return {str(s) for a in e.atoms(sp.Sum, sp.Product) for lim in a.limits for x in lim
            for s in getattr(x, "free_symbols", ())}


def substitute_local(body: sp.Expr, defs: dict[str, sp.Expr], where: str) -> sp.Expr:
    """``body`` with every locally defined name replaced by its value, until none is left."""
    defs = {k: v for k, v in defs.items() if k not in _bound_names(body)}
    for _ in range(len(defs) + 1):
        swap = {s: defs[str(s)] for s in body.free_symbols if isinstance(s, sp.Symbol) and str(s) in defs}
        if not swap:
            return body
        body = body.xreplace(swap)
    raise DefinitionError(f"{where}: the names defined after the body ({', '.join(sorted(defs))}) define one another "
                          "in a circle")
