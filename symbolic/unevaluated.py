r"""``with sympy.evaluate(False): expr.xreplace(rule)``, without sympy's global switch.

.. math:: \texttt{renamed}(e, r) = e\texttt{.xreplace}(r) \text{ built unevaluated}

Setting ``evaluate`` to False and back empties sympy's whole cache twice (``global_parameters.__setattr__`` calls
``clear_cache``: a result cached while evaluating must not be returned while not, nor the reverse), and every later
construction refills it.  Here each rebuilt node is given ``evaluate=False`` itself, which its cached constructor
keys on, so nothing needs emptying.  That is the same construction only for the node types whose constructors read
the switch from that keyword and from nowhere else (:data:`UNEVALUATED_BY_KEYWORD`); on any other node type above a
replaced atom :func:`renamed` does what the global switch does.  The walk is sympy's ``_xreplace``: a node whose
arguments are unchanged is kept as it is, a changed one is rebuilt from its new arguments in their order.
"""
from __future__ import annotations

import sympy as sp
from sympy.core.function import DefinedFunction, Function
from sympy.functions.elementary.miscellaneous import MinMaxBase
from sympy.functions.elementary.piecewise import ExprCondPair


def _own_new(cls, base) -> bool:
    """Whether ``cls`` builds its objects with ``base.__new__`` itself (it overrides no ``__new__`` below ``base``)."""
    return cls.__new__ is base.__new__


def _by_keyword(cls) -> bool:
    r"""Whether ``cls(*args, evaluate=False)`` is what ``cls(*args)`` is under ``with evaluate(False)``: the core
    operators (``AssocOp.__new__``, ``Pow.__new__``), functions built by ``Function.__new__`` (which hands the keyword
    to ``Application.__new__``; ``DefinedFunction.__new__``, sympy's ``exp``, ``log``..., calls the same ``_new_``),
    ``Max``/``Min`` (``MinMaxBase.__new__``), ``Piecewise`` and the relations, each of which reads
    ``options.pop('evaluate', global_parameters.evaluate)`` once and nothing else of the switch.  A class that
    overrides ``__new__`` or ``_new_`` (``Heaviside``, an undefined function) is not taken on trust."""
    if cls in (sp.Add, sp.Mul, sp.Pow, sp.Piecewise, sp.Eq, sp.Ne, sp.Le, sp.Lt, sp.Ge, sp.Gt, sp.Heaviside):
        return True  # Heaviside.__new__ only defaults H0, then hands its options to Function.__new__
    if issubclass(cls, MinMaxBase):
        return _own_new(cls, MinMaxBase)
    if issubclass(cls, Function):
        return (_own_new(cls, Function) or _own_new(cls, DefinedFunction)) and \
            cls._new_.__func__ is Function._new_.__func__
    return False


UNEVALUATED_BY_KEYWORD = _by_keyword
"""The test of a node type that :func:`renamed` rebuilds with ``evaluate=False`` (others: the global switch)."""


class _Switch(Exception):
    """A node above a replaced atom whose type is not rebuilt by keyword: the whole call falls back."""


def renamed(expr, rule: dict):
    """``expr.xreplace(rule)`` as sympy builds it inside ``with sympy.evaluate(False)`` (the same tree), emptying
    sympy's cache only where a node above a replaced atom is not of a type :func:`UNEVALUATED_BY_KEYWORD` accepts."""
    if not rule or not isinstance(expr, sp.Basic):
        return expr

    def walk(node):  # (the node rebuilt, whether it holds a key of rule), as sympy's Basic._xreplace
        if node in rule:
            return rule[node], True
        args, changed = [], False
        for a in node.args:
            new, a_changed = walk(a) if getattr(a, "_xreplace", None) is not None else (a, False)
            changed |= a_changed
            args.append(new)
        if not changed:
            return node, False
        if _by_keyword(type(node)):
            return type(node)(*args, evaluate=False), True
        if type(node) is ExprCondPair and not args[1].has(sp.Piecewise):
            return ExprCondPair(*args), True  # reads the switch only in piecewise_fold, for a condition holding a Piecewise
        raise _Switch

    try:
        return walk(expr)[0]
    except _Switch:
        with sp.evaluate(False):
            return expr.xreplace(rule)
