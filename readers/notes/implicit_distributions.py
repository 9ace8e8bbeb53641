r"""Targets of a cross-entropy are a distribution, said or not: ``L = -\sum_k y_k \log p_k`` weighs logs by ``y``.

After :math:`p_k = e^{z_k} / \sum_m e^{z_m}` and :math:`L = -\sum_k y_k \log p_k`, notes write

.. math:: \frac{\partial L}{\partial z_k} = p_k - y_k ,

which holds where :math:`\sum_k y_k = 1` (a one-hot label, or any distribution); for other ``y`` the derivative is
:math:`p_k \sum_i y_i - y_k`.  A note that leaves the label's domain implicit is not wrong there: a claim refuted only
off the simplex is ``undecided (holds where \sum_k y_k = 1)``, never refuted (issue 12's rule for an implicit
domain).  An array is such a target where a sum weighs the log of something by its entry.
"""
from __future__ import annotations

import sympy as sp


def target_arrays(*exprs) -> list:
    r"""``[Eq(\sum_k y_k, 1)]`` for each array ``y`` whose entry multiplies a log inside a sum over its index in
    ``exprs`` (``\sum_k y_k \log p_k``), the sum's bounds kept; [] when there is none."""
    found = {}
    for e in exprs:
        for s in e.atoms(sp.Sum):
            if len(s.limits) != 1:
                continue
            index, low, high = s.limits[0]
            for term in sp.Add.make_args(sp.expand(s.function)):
                factors = sp.Mul.make_args(term)
                if not any(f.has(sp.log) for f in factors):
                    continue
                for f in factors:
                    if isinstance(f, sp.Indexed) and f.indices == (index,) and not f.has(sp.log):
                        found.setdefault(f.base, (index, low, high))
    return [sp.Eq(sp.Sum(base[index], (index, low, high)), 1) for base, (index, low, high) in found.items()]
