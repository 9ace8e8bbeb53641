r"""Names a definition's block defines after its body, substituted into it.

.. math:: \mathrm{W}(x, y) = \left(1 - \frac{r}{\ell}\right)^{4}, \quad r = \sqrt{\sum_{i=1}^{n}(x_i - y_i)^{2}}
          \qquad\Longrightarrow\qquad \mathrm{W}(x, y) = \left(1 - \frac{\sqrt{\sum_i (x_i - y_i)^{2}}}{\ell}\right)^{4}

The reader of ``check`` keeps each ``, \quad name = value`` after a row as one of the row's conditions (an
equation).  A definition that left them there made ``r`` a keyword argument of the generated function, with no tie
to ``x`` and ``y``: the function computed, and the certificate verified, something other than the block says.  Each
such equation whose left side is a plain name (not a parameter, an index or a size) is a local definition; they
may use one another in any order (GIoU's $U = r - l + t - s - I$ uses $I$), and a circle of them is an error.

A left side with indices, $z_i = x_i - \frac{1}{n}\sum_j x_j$ after $\sum_i z_i^{2}$, defines an entry for every
index: each read $z_k$ of the body is the value with $i$ replaced by $k$ (the value's own sums renamed where their
index is $k$, so that $z_k = \sum_j A_{kj} x_j$ read as $z_j$ does not become $\sum_j A_{jj} x_j$).  Read without
indices, or with another number of them, such a name is an error: the function never takes it for an argument.
"""
from __future__ import annotations

import sympy as sp

from codegen.define import DefinitionError


def _indexed_name(lhs) -> bool:
    """``lhs`` is an entry $z_{i}$, $z_{ij}$ of distinct index names."""
    return isinstance(lhs, sp.Indexed) and all(isinstance(k, sp.Symbol) for k in lhs.indices) \
        and len({str(k) for k in lhs.indices}) == len(lhs.indices)


def local_definitions(conditions, params, where: str) -> dict[str, sp.Expr]:
    """``{name: value}`` of the equations ``name = value`` among a row's ``conditions`` defining a name that is not
    a parameter (``x = 2`` after ``f(x) = x^2`` is a condition on the parameter, not a definition); for an indexed
    left side $z_i$ the value is ``Lambda((i,), value)``."""
    out: dict[str, sp.Expr] = {}
    for c in conditions:
        if not isinstance(c, sp.Equality):
            continue
        if isinstance(c.lhs, sp.Symbol) and str(c.lhs) not in params:
            name, value = str(c.lhs), c.rhs
        elif _indexed_name(c.lhs) and str(c.lhs.base.label) not in params:
            name, value = str(c.lhs.base.label), sp.Lambda(tuple(c.lhs.indices), c.rhs)
        else:
            continue
        if name in out:
            raise DefinitionError(f"{where}: {name} is defined twice after the body")
        out[name] = value
    return out


def _entry(rule: sp.Lambda, at: tuple, taken: set[str]) -> sp.Expr:
    r"""The value of an indexed local name at the indices ``at``: ``rule``'s body with its index names replaced,
    each sum or product of the body whose index is one of ``at`` first given a fresh index (no capture)."""
    body = rule.expr
    clash = {str(s) for k in at for s in k.free_symbols}
    for a in sorted(body.atoms(sp.Sum, sp.Product), key=sp.default_sort_key):
        for lim in a.limits:
            if str(lim[0]) in clash:
                fresh = next(f"{lim[0]}{n}" for n in range(1, 100) if f"{lim[0]}{n}" not in taken)
                taken.add(fresh)
                body = body.xreplace({a: a.xreplace({lim[0]: sp.Symbol(fresh, **lim[0].assumptions0)})})
    return body.xreplace(dict(zip(rule.variables, at)))


def _names(e: sp.Expr) -> set[str]:
    return {str(s) for s in e.free_symbols} | _bound_names(e) | {str(a.base.label) for a in e.atoms(sp.Indexed)}


def _substitute_entries(body: sp.Expr, defs: dict, where: str) -> sp.Expr:
    """``body`` with each read $z_k$ of an indexed local name replaced by its entry (:func:`_entry`)."""
    indexed = {k: v for k, v in defs.items() if isinstance(v, sp.Lambda)}
    if not indexed:
        return body
    taken = _names(body) | set().union(*(_names(v.expr) for v in indexed.values()))

    def query(e):
        return isinstance(e, sp.Indexed) and str(e.base.label) in indexed

    def value(e):
        rule = indexed[str(e.base.label)]
        if len(e.indices) != len(rule.variables):
            raise DefinitionError(f"{where}: {e.base.label} is defined after the body with {len(rule.variables)} "
                                  f"index(es) but read as {e}")
        return _entry(rule, tuple(e.indices), taken)

    return body.replace(query, value)


def _bound_names(e: sp.Expr) -> set[str]:
    """Names of the indices and sizes of the sums and products in ``e``."""
    return {str(s) for a in e.atoms(sp.Sum, sp.Product) for lim in a.limits for x in lim
            for s in getattr(x, "free_symbols", ())}


def substitute_local(body: sp.Expr, defs: dict[str, sp.Expr], where: str) -> sp.Expr:
    """``body`` with every locally defined name replaced by its value, until none is left."""
    defs = {k: v for k, v in defs.items() if k not in _bound_names(body)}
    for _ in range(len(defs) + 1):
        entries = _substitute_entries(body, defs, where)  # z_k first: the label z of a read z_k is a free symbol
        swap = {s: defs[str(s)] for s in entries.free_symbols if isinstance(s, sp.Symbol) and str(s) in defs}
        unread = [str(s) for s, v in swap.items() if isinstance(v, sp.Lambda)]
        if unread:
            raise DefinitionError(f"{where}: {', '.join(sorted(unread))} is defined after the body with an index "
                                  "but read without one")
        if not swap and entries == body:
            return body
        body = entries.xreplace(swap)
    raise DefinitionError(f"{where}: the names defined after the body ({', '.join(sorted(defs))}) define one another "
                          "in a circle")
