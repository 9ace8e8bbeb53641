r"""Backends of the lowering: a backend is a subclass of :class:`~codegen.lower_printer.NumPyLowering`
whose name table prints another array module (``torch``, ``jax.numpy``), and a module writer for
user definitions (a ``torch.autograd.Function`` or a ``jax.custom_vjp`` per definition).  The ``numba``
backend prints loops instead (:mod:`codegen.backends.numba`), for catalog formulas.

``BACKENDS`` maps a backend's name to its :class:`Backend`; :func:`backend` looks one up.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from codegen.lower_printer import NumPyLowering


@dataclass(frozen=True)
class Backend:
    """A backend: its lowering printer (None: not an array printer), the writer of a module for user definitions
    (None: NumPy's own, or none), and the writer of a module for catalog ids (None: NumPy's own)."""

    name: str
    lowering: type[NumPyLowering] | None
    write_module: Callable | None = None
    write_catalog: Callable | None = None


def _registry() -> dict[str, Backend]:
    from codegen.backends import jax as jax_backend
    from codegen.backends import numba as numba_backend
    from codegen.backends import torch as torch_backend

    return {"numpy": Backend("numpy", NumPyLowering),
            "torch": Backend("torch", torch_backend.TorchLowering, torch_backend.write_module),
            "jax": Backend("jax", jax_backend.JaxLowering, jax_backend.write_module),
            "numba": Backend("numba", None, write_catalog=numba_backend.write_module)}


BACKEND_NAMES = ("numpy", "torch", "jax", "numba")


def backend(name: str) -> Backend:
    """The backend called ``name``; a ValueError naming the known ones otherwise."""
    table = _registry()
    if name not in table:
        raise ValueError(f"unknown backend {name!r}: one of {', '.join(BACKEND_NAMES)}")
    return table[name]
