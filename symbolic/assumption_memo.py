r"""Old-style assumption facts (``expr.is_positive``, ``is_zero``...) shared between equal expressions.

sympy answers ``e.is_positive`` by :func:`sympy.core.assumptions._ask` and keeps the facts it deduced in ``e``'s own
``_assumptions``; an equal expression built again (a reduction that rebuilds a difference, an instance's side built
anew) starts with none and asks the same questions over again.  The facts of an expression are a function of its
tree alone, the symbols' assumptions included (two trees are equal only where every symbol, indexed base and
function class in them carries the same assumptions), so equal expressions may share one fact base: here, the
first equal expression asked anything lends its base to the next ones.

Atoms keep their own bases (a ``Symbol``'s facts are its assumptions, set when it is made).
"""
from __future__ import annotations

import importlib

import sympy  # noqa: F401  (loads sympy.core.assumptions)

_core = importlib.import_module("sympy.core.assumptions")  # the module (``sympy.core.assumptions`` the attribute is a function)

LIMIT = 20_000
"""Fact bases remembered at most; past that the memo starts afresh (it holds the expressions alive)."""

_bases: dict = {}
_original_ask = getattr(_core._ask, "original", _core._ask)  # sympy's own, even where this module is loaded again


def _ask(fact, obj):
    if not obj.is_Atom:
        try:
            base = _bases.get(obj)
        except TypeError:  # an unhashable expression (a mutable matrix)
            return _original_ask(fact, obj)
        mine = obj._assumptions
        if base is None:
            if len(_bases) >= LIMIT:
                _bases.clear()
            _bases[obj] = mine
        elif base is not mine:
            for known, value in mine.items():
                base.setdefault(known, value)
            obj._assumptions = base
    return _original_ask(fact, obj)


_ask.original = _original_ask


def install() -> None:
    """Share fact bases from now on, in this process (and the processes it forks); idempotent."""
    _core._ask = _ask


def uninstall() -> None:
    """sympy's own ``_ask`` again, and nothing remembered."""
    _core._ask = _original_ask
    _bases.clear()


install()
