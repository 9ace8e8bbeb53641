r"""Printing of catalog expressions for the verifier: NumPy and mpmath, plus our nodes.

Used by the catalog verifier's path (a): ``lambdify`` of the (stability
rewritten) definition, evaluated one output element at a time.  Reductions
print as Python generator reductions here; vectorized lowering to axis
reductions is a separate printer.
"""
from __future__ import annotations

from sympy.printing.numpy import NumPyPrinter
from sympy.printing.pycode import MpmathPrinter


def _generator(printer, expr) -> str:
    """``f for i in range(a, b+1) ...`` for a ``Sum``/``Product``/``ReduceMax``'s limits."""
    loops = " ".join(
        f"for {printer._print(i)} in range({printer._print(a)}, {printer._print(b)}+1)"
        for i, a, b in expr.limits
    )
    return f"{printer._print(expr.function)} {loops}"


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
        return f"(builtins.max({_generator(self, expr)}))"

    def _print_Product(self, expr):
        return f"({self._module_format('numpy.prod')}([{_generator(self, expr)}]))"


class FormularyMpmathPrinter(MpmathPrinter):
    """``MpmathPrinter`` for the high-precision truth: adds ``Product`` and ``ReduceMax``."""

    printmethod = "_formularympmathcode"

    def _print_ReduceMax(self, expr):
        return f"(builtins.max({_generator(self, expr)}))"

    def _print_Product(self, expr):
        return f"({self._module_format('mpmath.fprod')}({_generator(self, expr)}))"
