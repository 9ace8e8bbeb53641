r"""sympy's ``xreplace`` and ``replace``, each distinct subtree rebuilt once per call.

.. math:: \texttt{xreplace}(e, r) = e\texttt{.xreplace}(r), \qquad
          \texttt{replace}(e, q, v) = e\texttt{.replace}(q, v)

sympy walks a tree position by position: a subtree written at $m$ places is rebuilt $m$ times, and building is
where sympy evaluates.  $M = \max(|x_0|, |x_1|, |x_2|, 10^{-300})$ in
$\frac{x_k}{M} \sum_i g_i \frac{x_i}{M} / \sum_j (\frac{x_j}{M})^2$ (``homogeneous_scale``, written out at $n = 3$)
sits at seven places, and each ``Max`` compares every pair of its arguments (``Max._find_localzeros``:
``factor_terms`` of their difference, relationals under the assumptions): 85 % of the CPU of building that step's
concrete instances.  Here the result for a subtree is remembered, within one call, by the subtree (sympy's
equality, as its own ``rule`` lookups and its cache key): a repeated subtree is rebuilt once, and the same object
stands at each of its places.  The walk, the order of rebuilding and what is rebuilt are sympy's, so the result
is the one sympy gives (``tests/symbolic/test_shared_subtrees.py`` compares them).
"""
from __future__ import annotations

import functools

import sympy as sp
from sympy.core.parameters import global_parameters

LATTICE = (sp.Max, sp.Min)
"""Nodes whose construction compares every pair of arguments, remembered across calls (:func:`build`)."""
LATTICE_KEPT = 4096
"""Most ``Max``/``Min`` constructions remembered (least recently used first out)."""


def build(func, args):
    r"""``func(*args)``; a ``Max`` or ``Min`` remembered by its arguments across calls, as sympy's cache remembers
    its cached constructors (``Max`` is not one of them): the instances of a step at $k = 0, 1, 2$ each write out
    the same $\max_j |x_j|$ and rebuild it twice more (elements as symbols, refined symbols)."""
    if func in LATTICE:
        return _lattice(func, tuple(args), global_parameters.evaluate)
    return func(*args)


@functools.lru_cache(maxsize=LATTICE_KEPT)
def _lattice(func, args: tuple, evaluate: bool):
    """``func(*args)``, keyed by ``evaluate`` too (``with sympy.evaluate(False)`` builds it unevaluated)."""
    if evaluate and _incomparable_atoms(args):
        return func(*args, evaluate=False)
    return func(*args)


def _incomparable_atoms(args: tuple) -> bool:
    r"""Whether ``args`` are symbols or array elements (``Symbol``, ``Indexed``) that all carry the same assumptions,
    none of them zero: then no two are ordered by their assumptions ($x - y$ has no known sign for two distinct
    variables of one domain), so ``Max``/``Min`` keeps every one of them, and building it unevaluated gives the same
    node (the same ordered arguments, duplicates dropped alike) without comparing every pair.  The written-out
    $\max_{j<K} z_j$ of a step at $K = 32$ spent about 0.9 s of CPU in those $K(K-1)/2$ comparisons
    (``Max._find_localzeros``), most of the time of building that step's instance."""
    if len(args) < 2 or not all(isinstance(a, (sp.Symbol, sp.Indexed)) for a in args):
        return False
    first = args[0].assumptions0
    return not first.get("zero") and first.get("extended_real") is True and all(a.assumptions0 == first for a in args)


def xreplace(expr, rule: dict):
    """``expr.xreplace(rule)`` (exact, non-recursive replacement of the keys of ``rule``), each distinct subtree
    rebuilt once."""
    if not rule:
        return expr
    memo: dict = {}

    def walk(node):
        if node in rule:
            return rule[node], True
        try:
            return memo[node]
        except KeyError:
            pass
        args, changed = [], False
        for a in node.args:
            if getattr(a, "_xreplace", None) is not None:
                new, a_changed = walk(a)
                args.append(new)
                changed |= a_changed
            else:
                args.append(a)
        result = (build(node.func, args), True) if changed else (node, False)
        memo[node] = result
        return result

    if getattr(expr, "_xreplace", None) is None:
        return expr
    return walk(expr)[0]


def rebuild_node(node, args):
    """``node.func(*args)`` through :func:`build`: the default way :func:`replace` rebuilds a node."""
    return build(node.func, args)


def replace(expr, query, value, rebuild=rebuild_node, *, keep_unbuildable: bool = False):
    """``expr.replace(query, value)`` for callables ``query(e) -> bool`` and ``value(e) -> expr`` (bottom-up,
    simultaneous: a rebuilt node equal to an argument that changed is not matched again), each distinct subtree
    rebuilt once, by ``rebuild(node, new_args)``.

    With ``keep_unbuildable``, a node that cannot be rebuilt with its new arguments (sympy raises ``TypeError``: a
    comparison whose side became a ``Piecewise`` it cannot show real) is kept as written, arguments and all: the
    rewrite is skipped there, never the whole walk."""
    memo: dict = {}

    def step(rv):
        args = rv.args
        if args:
            new_args = tuple([walk(a) for a in args])
            if args != new_args:
                try:
                    built = rebuild(rv, new_args)
                except TypeError:
                    if not keep_unbuildable:
                        raise
                    return rv
                rv = built
                for i, e in enumerate(args):
                    if rv == e and e != new_args[i]:
                        return rv
        if query(rv):
            new = value(rv)
            if new is not None and new != rv:
                return new
        return rv

    def walk(rv):
        if getattr(rv, "args", None) is None:
            return rv
        try:
            return memo[rv]
        except KeyError:
            pass
        except TypeError:  # not hashable: walked without the memo
            return step(rv)
        result = memo[rv] = step(rv)
        return result

    return walk(expr)
