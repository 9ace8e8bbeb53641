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

import sympy as sp


def floored(*exprs) -> set:
    """The free symbols inside a floor or ceiling of ``exprs`` (none already declared integer)."""
    names = set()
    for e in exprs:
        if isinstance(e, sp.Basic):
            for f in e.atoms(sp.floor, sp.ceiling):
                names |= {x for x in f.args[0].free_symbols if isinstance(x, sp.Symbol) and not x.is_integer}
    return names

