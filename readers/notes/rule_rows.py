r"""A row whose premise binds a function to functions the note leaves free states a rule for every such function.

.. math:: f(x) = \frac{g(x)}{h(x)} \;\rightarrow\; f'(x) = \frac{h(x) g'(x) - g(x) h'(x)}{h(x)^2}

is the quotient rule: ``g`` and ``h`` are any differentiable functions, the premise says so by building ``f`` from
them in this row alone.  Elsewhere a claim in an undefined function that fails for random functions stays
undecided, since the notes may mean one particular function (readers.notes.arbitrary); in such a row they cannot,
so a failure with ``g`` and ``h`` drawn at random (exponential sums with a sine for primes,
readers.notes.derivative_orders; readers.notes.arbitrary's draws for ``\frac{d}{dx}``), decided exactly at a point,
refutes it, and the functions drawn are the counterexample's.  Letters reserved for probabilities, densities and
expectations (``p``, ``q``, ``E``, ``H``) are never drawn, so such a row stays undecided.
"""
from __future__ import annotations

import dataclasses

import sympy as sp


@dataclasses.dataclass(frozen=True)
class RuleRow:
    name: str
    premise: str


def bound(name, case) -> RuleRow:
    """The rule row of a premise that binds the function ``name`` to ``case`` (its definition in the row)."""
    return RuleRow(str(name), sp.sstr(case[-1] if isinstance(case, tuple) else case))


def refuted(row: RuleRow, functions: dict, report):
    """The refutation of a rule row from the check ``report`` of one version with ``functions`` drawn, else None."""
    if report is None or report.verdict != "refuted":
        return None
    return dataclasses.replace(
        report, counterexample={**functions, **(report.counterexample or {})},
        method=f"a rule row ({row.name} built from functions the note leaves free in its premise): it fails with "
               f"them drawn at random; {report.method}"[:300])
