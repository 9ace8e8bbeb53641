r"""Angles written as bare numbers: ``2\times\sqrt{8}\times cos(45)=4`` means 45 degrees, as notes say in the prose
("the angle $\theta$ is equal to 45°"), while the reader's ``cos`` takes radians.

:func:`degree_reading` rewrites every trigonometric function of a plain nonzero number (no :math:`\pi`, no
variable) to take that number in degrees; the checker checks the claim once more with it.  A step that fails in
radians and holds in degrees is the notes' own reading when the notes write an angle in degrees somewhere
(:data:`DEGREE_CUE`: ``°``, ``^\circ``, "degree(s)"); elsewhere it is ambiguous, never refuted.
"""
from __future__ import annotations

import re

import sympy as sp

_TRIG = (sp.sin, sp.cos, sp.tan, sp.cot, sp.sec, sp.csc)
DEGREE_CUE = re.compile(r"°|\^\s*\{?\s*\\circ|\bdegrees?\b", re.IGNORECASE)


def degree_reading(*exprs):
    """``exprs`` with each trigonometric function of a plain nonzero number read in degrees; None when there is
    no such function."""
    mapping = {f: f.func(f.args[0] * sp.pi / 180) for e in exprs for f in e.atoms(*_TRIG)
               if f.args[0].is_number and f.args[0] != 0 and not f.args[0].has(sp.pi)}
    if not mapping:
        return None
    return tuple(e.xreplace(mapping) for e in exprs)
