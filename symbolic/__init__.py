"""Formula records and the catalog.

Public face: :class:`Formula` and its parts, the domains, and the registry.
"""
import symbolic.assumption_memo  # noqa: F401 - equal expressions share sympy's assumption facts (installed on import)
import symbolic.integer_part  # noqa: F401 - sympy's floor/ceiling of a number, certified (installed on import)
import symbolic.limit_symbols  # noqa: F401 - sympy's free symbols of a sum without rebuilding it (installed on import)
from symbolic.domains import Choice, Count, Interval, Positive, Probability, Real, Simplex
from symbolic.record import Definition, Discrepancy, Formula, Output, Var
from symbolic.registry import UnknownFormula, all_formulas, get, register

__all__ = [
    "Choice", "Count", "Definition", "Discrepancy", "Formula", "Interval", "Output",
    "Positive", "Probability", "Real", "Simplex", "UnknownFormula", "Var",
    "all_formulas", "get", "register",
]
