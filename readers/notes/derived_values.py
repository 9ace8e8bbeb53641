r"""A value the prose derives ("this gives $V = 20$", "we get $x_1 = 1.75$") is a claim, not an example.

.. code-block:: latex

    The value satisfies $V = r + \gamma V$, so $V = \frac{r}{1-\gamma}$.
    With $r = 1$ and $\gamma = 0.95$ this gives $V = 20$.

``V = 20`` reads like an example (a name set to a number), but the words before it say it follows from what the
paragraph has set: the formula in force for the name (a value the prose gave it, ``V = r/(1 - \gamma)``, or its
definition) at the numbers set for every name of that formula,

.. math:: F(a_1, \dots, a_k) = v, \qquad \text{name} = F,\ a_i \text{ set to numbers in the paragraph},

is checked in exact arithmetic: a wrong number is refuted, a right one confirmed.  A name whose value in force is
itself a number stays an example ("We start at $x = 1$ ... and we get $x = 0.5$": a new value, a step), and a
formula with a name left unset is no claim here.  A number written with a few decimals holds when the exact value
rounds to it (``V = 6.67`` for ``20/3``).
"""
from __future__ import annotations

import re

import sympy as sp

CUE = re.compile(r"(?:\b(?:this|which|that|it)\s+(?:gives|yields)|\bwe\s+(?:get|obtain|find)|\byields?|\bgives|"
                 r"\bresults?\s+in|\bhence|\bthus|\btherefore|\bso)\s*,?\s*$", re.IGNORECASE)
"""Words right before an inline block that say its value is derived ("this gives", "we get", "yields", "so")."""


def derives(before: str) -> bool:
    """Whether the prose right before an inline block says the block's value is derived from what came before."""
    return CUE.search(before) is not None


def rounding_half_unit(text: str) -> sp.Rational | None:
    r"""Half a unit in the last decimal the block writes on its right side (``20/3 \approx 6.67``: 1/200), or None
    when the number is written without decimals."""
    found = re.search(r"=\s*-?\d*\.(\d+)\s*$", text.strip().rstrip(".,;"))
    return sp.Rational(1, 2 * 10 ** len(found.group(1))) if found else None
