r"""Names under a floor or a ceiling are counts: a claim in them is read on the integers too.

.. math:: \left\lfloor\frac{n + (k - 1) - k}{1}\right\rfloor + 1 = n, \qquad
          \left\lceil\frac{m}{2}\right\rceil + \left\lfloor\frac{m}{2}\right\rfloor = m

Both fail at ``n = 1/2`` and hold for every integer: notes write ``\lfloor\cdot\rfloor`` over sizes (an input size,
a kernel, a stride, a sequence length), so the domain they leave implicit is the integers.  :func:`floored` names
the free symbols inside a floor or ceiling; the checker (``Reader.on_integers``) gives each a non-negative integer
twin of the same name, so the claim is checked where they are counts (``undecided (holds where n is a non-negative
integer)``, never refuted by a fractional size).  A claim that also fails on the integers (``\lfloor (n - 1)/2 \rfloor + 1 = n/2`` at ``n = 3``)
stays refuted with that counterexample.
"""
from __future__ import annotations

import re

import sympy as sp

_OPEN = re.compile(r"\\(?:lfloor|lceil)(?![A-Za-z])|[⌊⌈]")
_CLOSE = re.compile(r"\\(?:rfloor|rceil)(?![A-Za-z])|[⌋⌉]")
_FRACTION = re.compile(r"\\[dt]?frac(?![A-Za-z])|/|\\div(?![A-Za-z])|\\over(?![A-Za-z])")


def floored(*exprs, written: str = "") -> set:
    r"""The free symbols inside a floor or ceiling of ``exprs`` (none already declared integer) that rounds something
    for counts.  A floor of an argument that is an integer wherever its names are (``\lfloor -x \rfloor``,
    ``\lfloor 2x \rfloor``, ``\lfloor x + 1 \rfloor``, which sympy reads as ``floor(x) + 1``) does nothing to a
    count, so its names are reals the floor rounds, and ``\lfloor -x \rfloor = -\lfloor x \rfloor`` stays refuted at
    x = 1/2.  ``\lfloor n/2 \rfloor``, ``\lceil (n - k)/s \rceil`` round counts, and so does every floor of a block
    whose LaTeX (``written``) has a fraction inside a floor (``\lfloor (n + (k - 1) - k)/1 \rfloor``, which sympy
    reads as ``floor(n) - 1``: a size formula with its values put in)."""
    fraction = any(_FRACTION.search(inside) for inside in _floor_arguments(written))
    names = set()
    for e in exprs:
        if isinstance(e, sp.Basic):
            for f in e.atoms(sp.floor, sp.ceiling):
                inside = {x for x in f.args[0].free_symbols if isinstance(x, sp.Symbol) and not x.is_integer}
                if inside and (fraction or not _integer_on_integers(f.args[0], inside)):
                    names |= inside
    return names


def _integer_on_integers(expr, names) -> bool:
    """Whether ``expr`` is a polynomial with integer coefficients in ``names``: an integer wherever they are."""
    try:
        poly = sp.Poly(expr, *sorted(names, key=str))
    except sp.PolynomialError:
        return False
    return all(c.is_integer for c in poly.coeffs())


def _floor_arguments(latex: str) -> list[str]:
    r"""The LaTeX between each ``\lfloor``/``\lceil`` and its closing ``\rfloor``/``\rceil`` (nested ones too)."""
    out, stack = [], []
    for m in sorted([*_OPEN.finditer(latex), *_CLOSE.finditer(latex)], key=lambda m: m.start()):
        if _OPEN.fullmatch(m.group()):
            stack.append(m.end())
        elif stack:
            out.append(latex[stack.pop():m.start()])
    return out
