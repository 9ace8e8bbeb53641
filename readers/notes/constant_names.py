r"""A constant's letter given a value: ``e \approx 0.2`` (the absolute error of an estimate, in notes that also use
:math:`e^x`), ``i = 3`` (an index), ``\pi = 0.4`` (a policy's probability).

Such a row reads as a claim about Euler's number, the imaginary unit or :math:`\pi`, and fails; but no one writes a
value of those constants to state it, so the letter names a quantity of the notes here.  A refutation of a row whose
one side is the constant alone and whose other side is a plain real number far from it refutes nothing the
author meant; a value near the constant (``\pi = 3.15``) is a slip in its digits and is refuted.
"""
from __future__ import annotations

import sympy as sp

CONSTANTS = {sp.E: "e", sp.pi: "\\pi", sp.I: "i"}


FAR = 2
r"""A value more than this factor away from :math:`e` or :math:`\pi` (or not positive) is another quantity's: a digit
slip (``\pi = 3.15``) stays close and is still refuted."""


def constant_given_a_value(lhs, rhs) -> str | None:
    r"""The letter (``e``, ``\pi``, ``i``) when one side is that constant alone and the other a real number far from
    it (any real number, for the imaginary unit)."""
    for one, other in ((lhs, rhs), (rhs, lhs)):
        if one in CONSTANTS and isinstance(other, sp.Basic) and other.is_number and other.is_real \
                and not other.has(*CONSTANTS):
            if one is sp.I or not other.is_positive or not 1 / FAR <= float(other / one) <= FAR:
                return CONSTANTS[one]
    return None
