r"""The derivation library: every checkable claim of the seed notes, plus the
identities users expect, as :class:`~derivations.step.Derivation` records.

Each topic module registers its derivations at import time with
:func:`register`; importing this package imports every topic module.  A seed
mistake is a step with ``expect="fails"`` (its seed text in ``note``), next to
the corrected claim with ``expect="holds"``.
"""
from __future__ import annotations

import difflib

from derivations.step import Derivation

_DERIVATIONS: dict[str, Derivation] = {}


class UnknownDerivation(KeyError):
    """An id that is not in the library; the message lists the closest ids."""

    def __init__(self, did: str):
        close = difflib.get_close_matches(did, list(_DERIVATIONS), n=5, cutoff=0.4)
        hint = f"; closest: {', '.join(close)}" if close else ""
        self.message = f"unknown derivation id {did!r}{hint}"
        super().__init__(self.message)

    def __str__(self):
        return self.message


def register(d: Derivation) -> Derivation:
    """Add ``d`` to the library; an id registered twice is an error."""
    if d.id in _DERIVATIONS:
        raise ValueError(f"derivation id {d.id!r} registered twice")
    if not d.steps:
        raise ValueError(f"derivation {d.id!r} has no steps")
    _DERIVATIONS[d.id] = d
    return d


def get(did: str) -> Derivation:
    try:
        return _DERIVATIONS[did]
    except KeyError:
        raise UnknownDerivation(did) from None


def all_derivations() -> list[Derivation]:
    return list(_DERIVATIONS.values())


from . import (  # noqa: F401  (importing registers every derivation)
    activations,
    diffusion,
    feed_forward,
    gan,
    kernels,
    kl,
    logsumexp,
    metrics,
    positional,
    softmax,
    stability,
)
