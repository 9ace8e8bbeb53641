r"""Caches a budgeted child fills and hands back, so that the next children are forked with them.

Each rung of a step runs in a forked child (:mod:`~derivations.checker.budget`); whatever it memoizes dies
with it.  mpmath memoizes the costly parts of $\Gamma$, $\log\Gamma$ and $\zeta$ at high precision (the
Taylor coefficients of $1/\Gamma(1 + x)$, Bernoulli numbers, Stirling coefficients, $\zeta(n)$): an exact
decision on a claim with ``loggamma`` takes 19 s with cold caches and 4 s with warm ones, and every step
started them cold.  A child names the caches of :data:`SHARED` that grew (:func:`grown`), the caller merges
them into its own (:func:`adopt`).

Only memo tables are listed: a value stored under a key is what a cold computation at that key gives, to the
working precision's guard bits (mpmath derives a lower precision from a higher one it holds, as it does
within one process), so adopting one changes how long a later call takes, never what a verdict is.
"""
from __future__ import annotations

import importlib
import sys

SHARED: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("mpmath.libmp.gammazeta", ("gamma_taylor_cache", "gamma_stirling_cache", "bernoulli_cache",
                                "zeta_int_cache", "borwein_cache")),
)
"""``(module, dict names)``: memo tables keyed by precision or index, filled on first use."""


def _size(value) -> int:
    """A number that grows whenever a memo table gains an entry or an entry gains elements (mpmath's Bernoulli
    table extends its lists in place)."""
    if isinstance(value, dict):
        return len(value) + sum(_size(v) for v in value.values() if isinstance(v, (dict, list, tuple)))
    if isinstance(value, (list, tuple)):
        return len(value) + sum(_size(v) for v in value if isinstance(v, (dict, list, tuple)))
    return 1


def _tables():
    """``((module, name), dict)`` for every listed table whose module is loaded."""
    for module_name, names in SHARED:
        module = sys.modules.get(module_name)
        if module is None:
            continue
        for name in names:
            table = getattr(module, name, None)
            if isinstance(table, dict):
                yield (module_name, name), table


def sizes() -> dict:
    """The size of every listed table now (taken by a child before it runs)."""
    return {key: _size(table) for key, table in _tables()}


def grown(before: dict) -> dict:
    """The tables that grew since ``before``, whole (keys, values), to be sent to the caller."""
    return {key: dict(table) for key, table in _tables() if _size(table) != before.get(key)}


def adopt(tables: dict) -> None:
    """Merge tables a child sent into this process's (importing their module if needed); an entry already
    here is replaced only by a larger one (the same table extended further)."""
    for (module_name, name), entries in (tables or {}).items():
        try:
            module = importlib.import_module(module_name)
        except Exception:  # noqa: BLE001, S112 - adoption only saves time
            continue
        table = getattr(module, name, None)
        if isinstance(table, dict):
            for key, value in entries.items():
                if key not in table or _size(value) > _size(table[key]):
                    table[key] = value
