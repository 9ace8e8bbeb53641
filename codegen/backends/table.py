r"""A lowering printer whose NumPy names are renamed through a table: the base of the torch and jax backends.

``NAMES`` maps a NumPy name (``maximum``, ``arctan2``, ``max``) to the backend's (``torch.maximum``);
a name missing from it raises :class:`~codegen.lower_nodes.UnsupportedNode` naming it, so that no
``np.`` call leaks into a torch or jax module.
"""
from __future__ import annotations

from typing import ClassVar

import sympy as sp

from codegen.lower_nodes import UnsupportedNode
from codegen.lower_printer import NUMPY_FUNCTIONS, NumPyLowering

ELEMENTWISE = tuple(sorted({t[3:] for t in NUMPY_FUNCTIONS.values()}))
"""NumPy elementwise functions the printer may call (``exp``, ``log1p``, ``arctan2``, ...)."""
ARRAY = ("sqrt", "where", "maximum", "minimum", "logical_and", "logical_or", "logical_not", "arange",
         "swapaxes", "moveaxis", "broadcast_to", "einsum", "sum", "prod", "pi", "e", "inf", "nan")


class TableLowering(NumPyLowering):
    """:class:`NumPyLowering` printing ``NAMES[name]`` for every NumPy name; no ``out=`` buffers."""

    in_place = False
    NAMES: ClassVar[dict[str, str]] = {}
    SPECIAL: ClassVar[dict[str, str]] = {}
    """sympy function name -> the backend's callable (erf, erfc, ndtr, log_ndtr, loggamma, digamma)."""
    shape_of = "{}.shape"

    @property
    def functions(self):  # sympy name -> numpy name: renamed by fn(); specials by SPECIAL
        return {**NUMPY_FUNCTIONS, **self.SPECIAL}

    def fn(self, name: str) -> str:
        target = self.NAMES.get(name)
        if target is None:
            raise UnsupportedNode(sp.Symbol(f"np.{name}"), f"no {self.module} name for NumPy's {name}")
        return target

    def reducer(self, kind: str) -> str:
        return self.fn({"max": "amax"}.get(kind, kind))

    def einsum(self, spec: str, operands: str, count: int) -> str:
        return self.fn("einsum") + f"('{spec}', {operands})"

    def sliding_window(self, code, shape, axes):
        raise UnsupportedNode(sp.Symbol("sliding_window_view"), f"a convolution window has no {self.module} lowering")

    def _print_Function(self, expr):
        try:
            return super()._print_Function(expr)
        except UnsupportedNode as e:
            if isinstance(e.node, sp.Symbol):
                raise UnsupportedNode(expr, str(e)) from None
            raise

    def prologue(self, inputs) -> list[str]:
        """Inputs as arrays of the backend, their dtype kept.  Batch axes are not broadcast to one shape:
        NumPy's prologue does that for the ``out=`` buffers of its liveness pass, which this printer has not,
        and a broadcast Python-number keyword would count as an array in the dtype promotion."""
        asarray = self.NAMES["asarray"]
        return [f"{i.name} = {asarray}({i.name})" for i in inputs]
