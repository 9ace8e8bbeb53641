r"""NumPy printing of catalog expressions: sympy's ``NumPyPrinter`` plus our nodes.

Used by the catalog verifier's path (a): ``lambdify`` of the (stability
rewritten) definition, evaluated one output element at a time.  Reductions
print as Python generator reductions here; vectorized lowering to axis
reductions is a separate printer.
"""
from __future__ import annotations

from sympy.printing.numpy import NumPyPrinter


class FormularyNumPyPrinter(NumPyPrinter):
    """``NumPyPrinter`` that also prints :class:`symbolic.functions.ReduceMax`."""

    printmethod = "_formularynumpycode"

    def _print_Max(self, expr):
        return self._fold("maximum", expr.args)

    def _print_Min(self, expr):
        return self._fold("minimum", expr.args)

    def _fold(self, name: str, args) -> str:
        """``numpy.maximum(a, numpy.maximum(b, c))``: no ``functools`` needed at run time."""
        *rest, last = args
        text = self._print(last)
        for a in reversed(rest):
            text = f"{self._module_format('numpy.' + name)}({self._print(a)}, {text})"
        return text

    def _print_ReduceMax(self, expr):
        loops = " ".join(
            "for {i} in range({a}, {b}+1)".format(
                i=self._print(i), a=self._print(a), b=self._print(b)
            )
            for i, a, b in expr.limits
        )
        return "(builtins.max({f} {loops}))".format(f=self._print(expr.function), loops=loops)
