r"""The derivation library: every checkable claim of the seed notes, plus the
identities users expect, as :class:`~derivations.checker.step.Derivation` records.

Each topic module registers its derivations at import time with
:func:`register`; importing this package imports every topic module.  A seed
mistake is a step with ``expect="fails"`` (its seed text in ``note``), next to
the corrected claim with ``expect="holds"``.
"""
from __future__ import annotations

from derivations.checker.step import Derivation
from symbolic.registry import Registry, UnknownId


class UnknownDerivation(UnknownId):
    kind = "derivation"


DERIVATIONS: Registry[Derivation] = Registry(UnknownDerivation)


def register(d: Derivation) -> Derivation:
    """Add ``d`` to the library; an id registered twice, or a derivation with no steps, is an error."""
    if not d.steps:
        raise ValueError(f"derivation {d.id!r} has no steps")
    return DERIVATIONS.add(d)


get = DERIVATIONS.get
all_derivations = DERIVATIONS.all


from derivations.library import (  # noqa: F401  (importing registers every derivation)
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
    stability_series,
    stability_exp_forms,
    stability_heldout44,
    stability_heldout45,
    stability_heldout46,
    stability_heldout47,
    stability_heldout48,
    stability_heldout49,
    stability_heldout50,
    stability_heldout51,
)
