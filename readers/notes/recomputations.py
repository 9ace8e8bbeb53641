r"""A name computed again from other numbers: a new value, not a claim about the old one.

.. code-block:: latex

    $SE = \sqrt{\frac{0.5 \cdot 0.5}{617}} = 0.02$      % one worked problem
    ...
    $SE = \sqrt{\frac{0.79(1 - 0.79)}{347} + \frac{0.55(1 - 0.55)}{617}} = 0.03$   % the next one

Worked solutions compute the same quantity (a standard error ``SE``, a statistic ``Z``, a pooled proportion
:math:`\hat{p}_{pool}`) once per problem.  When the value in force is a number and the row sets the name to an
expression of numbers alone, the row computes the quantity afresh: it defines the name from here on (a later
definition shadows an earlier one), and the rest of its chain (``... = 0.03``) is the claim to check.  Read as a
claim about the old value it would compare two computations of two problems, which says nothing either way.

A row whose right side has a name in it (``SE = \sqrt{p(1-p)/n}``) is no fresh computation of numbers: it keeps
its usual reading.
"""
from __future__ import annotations

from readers.notes.reading import is_literal


def _number(e) -> bool:
    """A value written with numbers alone: no name, no unknown function, and a finite complex number."""
    if not is_literal(e):
        return False
    try:
        return bool(e.is_number) and e.is_finite is not False
    except (TypeError, ValueError):
        return False


def recomputes(old, new) -> bool:
    """Whether ``name = new`` computes anew a name whose value in force is ``old``: both are numbers."""
    return old is not None and _number(old) and _number(new)
