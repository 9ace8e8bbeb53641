r"""``lambdify`` for element-by-element evaluation, each reduction computed once per value of its indices.

An output $y_{i}$ evaluated one element at a time recomputes every sum inside it,
also those that do not depend on $i$: the denominator $\sum_j e^{z_j}$ of a softmax,
the mean $\mu_c = \frac1N \sum_m x_{mc}$ inside the sums of a batch-norm backward.
Here each distinct ``Sum`` node (and ``Product``, ``ReduceMax``) is printed as a call ``_sum3(x, K, i)`` of a function
whose body is the very code the printer writes for that node
(``builtins.sum(... for j in range(...))``), cached on the values of the node's free
indices (``i``; the inputs and sizes are fixed between :meth:`MemoizedFunction.reset`\ s).
The same operations run in the same order at the same precision, so every result is
identical to the bit to that of the plain ``lambdify``; only repetitions are skipped.
(``docstring_limit=-1``: no docstring quoting ``str(expr)``, sympy's slow printing of large expressions.)
"""
from __future__ import annotations

import keyword

import sympy as sp

from symbolic.functions import ReduceMax

REDUCTIONS = (sp.Sum, sp.Product, ReduceMax)
"""The nodes cached: reductions over an index, which the printers write as Python generator loops."""


class _CachedSum:
    """One reduction node as a function of ``(*arguments, *free indices)``, cached on the free indices."""

    def __init__(self, n_args: int):
        self.n_args, self.fn, self.cache = n_args, None, {}

    def __call__(self, *args):
        key = args[self.n_args:]
        try:
            return self.cache[key]
        except KeyError:
            value = self.cache[key] = self.fn(*args)
            return value


def _memo_printer(base: type, settings: dict, calls: dict):
    """An instance of ``base`` (a ``lambdify`` printer class) that prints the nodes in ``calls`` as those calls."""

    class MemoPrinter(base):
        def _print(self, expr, **kwargs):
            call = calls.get(expr) if isinstance(expr, REDUCTIONS) else None
            return call if call is not None else super()._print(expr, **kwargs)

    return MemoPrinter(dict(settings))


class MemoizedFunction:
    """``lambdify(fixed + indices, expr, modules, printer=...)``, its sums cached between :meth:`reset` calls.

    ``fixed`` are the inputs and sizes, ``indices`` the output's free indices; call :meth:`reset`
    whenever the ``fixed`` values or the working precision change.
    """

    def __init__(self, fixed: list, indices: list, expr: sp.Expr, printer: type, settings: dict,
                 modules: str = "mpmath"):
        self._cached: list[_CachedSum] = []
        args = list(fixed) + list(indices)
        names = [str(a.label if isinstance(a, sp.IndexedBase) else a) for a in args]
        bound = {str(limit[0]) for node in sp.preorder_traversal(expr) if isinstance(node, REDUCTIONS)
                 for limit in node.limits}
        if (not all(n.isidentifier() and not keyword.iskeyword(n) for n in names)  # lambdify would rename
                or bound.union(names[len(fixed):]) & set(names[:len(fixed)])):  # an index shadows an input
            self.fn = sp.lambdify(args, expr, modules, printer=printer(dict(settings)), docstring_limit=-1)
            return
        fixed_names = names[:len(fixed)]
        sums = _sums(expr, set(fixed_names), printer(dict(settings)))
        namespace = {f"_sum{k}": _CachedSum(len(fixed)) for k in range(len(sums))}
        calls = {node: f"_sum{k}({', '.join(fixed_names + [str(s) for s in free])})"
                 for k, (node, free) in enumerate(sums.items())}
        for k, (node, free) in enumerate(sums.items()):
            own = {n: c for n, c in calls.items() if n is not node}
            cached = namespace[f"_sum{k}"]
            cached.fn = sp.lambdify(list(fixed) + list(free), node, [namespace, modules],
                                    printer=_memo_printer(printer, settings, own), docstring_limit=-1)
            self._cached.append(cached)
        self.fn = sp.lambdify(args, expr, [namespace, modules], printer=_memo_printer(printer, settings, calls),
                              docstring_limit=-1)

    def reset(self) -> None:
        for cached in self._cached:
            cached.cache.clear()

    def __call__(self, *args):
        return self.fn(*args)


def _sums(expr: sp.Expr, fixed_names: set[str], printer) -> dict:
    """Each distinct reduction node (``Sum``, ``Product``, ``ReduceMax``) with the symbols it depends on that
    are not fixed arguments (the output's indices and the indices bound around it), sorted by name; a node is
    left inline unless those print as their own plain names."""
    found: dict = {}
    free_of: dict = {}
    for node in sp.postorder_traversal(expr):
        if isinstance(node, REDUCTIONS) and node not in found:
            free = sorted((s for s in _free(node, free_of) if s.name not in fixed_names), key=lambda s: s.name)
            names = [s.name for s in free]
            if len(set(names)) == len(names) and all(
                    not isinstance(s, sp.Dummy) and s.name.isidentifier() and not keyword.iskeyword(s.name)
                    and printer.doprint(s) == s.name for s in free):
                found[node] = tuple(free)
    return found


def _free(expr: sp.Basic, memo: dict) -> frozenset:
    r"""The free ``Symbol``\ s of ``expr``, shared subtrees visited once (sympy's ``free_symbols`` of a ``Sum``
    rebuilds it).  A reduction binds its limits' variables, innermost limit first, as sympy reads them."""
    if expr in memo:
        return memo[expr]
    if isinstance(expr, sp.Symbol):
        out = frozenset((expr,))
    elif isinstance(expr, sp.concrete.expr_with_limits.ExprWithLimits):
        out = _free(expr.function, memo)
        for limit in expr.limits:
            var, *bounds = limit
            out = (out - {var}).union(*(_free(b, memo) for b in bounds))
    elif getattr(expr, "bound_symbols", None):  # another binder (a Lambda): sympy's own answer
        out = frozenset(s for s in expr.free_symbols if isinstance(s, sp.Symbol))
    else:
        out = frozenset().union(*(_free(a, memo) for a in expr.args))
    memo[expr] = out
    return out
