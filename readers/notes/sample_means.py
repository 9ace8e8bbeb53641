r"""A barred letter beside the sample it averages: ``\bar{x}`` with the ``x_n`` of a sum.

Notes write the mean of a sample :math:`x_1, \dots, x_N` as :math:`\bar{x}`, and say so in words ("where
$\bar{y}$ and $\bar{x}$ are the sample means") or not at all.  Read as a number of its own, a claim that holds
because :math:`\bar{x}` is that mean fails at points where it is not:

.. math:: \hat\beta_1 = \frac{\sum_{n=1}^N (x_n - \bar{x})(y_n - \bar{y})}{\sum_{n=1}^N (x_n - \bar{x})^2}
          \quad\text{after}\quad
          \hat\beta_1 = \frac{\sum_{n=1}^N x_n (y_n - \bar{y})}{\sum_{n=1}^N x_n (x_n - \bar{x})}

is refuted at :math:`\bar{x} = 1` with :math:`x = (1, 2)`, which is no counterexample.  :func:`as_means` gives the
sides with each such letter replaced by the mean of its sample over the range of the sum that indexes it (one range
for the letter in the whole claim), and the condition that the range holds two terms or more (the mean of one term
is the term: every deviation vanishes, and a quotient of them has no value).  The claim is checked again so
(readers.notes.check ``mean_reading``): what holds there is confirmed with the reading named, what fails there fails
in both readings and stays refuted, and what is undecided there is ambiguous.

Only a letter the notes leave undefined is read so (a defined one was substituted before), only under a bar
(``\bar{x}``, ``\overline{x}``), and only with its base letter indexed by the sum's own index in a sum of the claim.
"""
from __future__ import annotations

import re

import sympy as sp

_BAR = re.compile(r"^\\(?:bar|overline)\{\s*([A-Za-z])\s*\}$")
"""The name the reader gives ``\\bar{x}`` (``\\overline{x}``), with the base letter."""


def _barred(symbol: sp.Symbol) -> str | None:
    found = _BAR.match(symbol.name)
    return found.group(1) if found else None


def _ranges(expr, letter: str) -> set:
    """The ``(base, lower, upper)`` of every sum of ``expr`` whose body indexes ``letter`` by the sum's index."""
    out = set()
    for total in expr.atoms(sp.Sum):
        if len(total.limits) != 1:
            continue
        index, lower, upper = total.limits[0]
        out |= {(e.base, lower, upper) for e in total.function.atoms(sp.Indexed)
                if str(e.base) == letter and e.indices == (index,)}
    return out


def as_means(lhs, rhs):
    r"""``(lhs, rhs, conditions, names)``: the sides with each undefined barred letter replaced by the mean of the
    sample its base letter indexes in a sum of the claim, the conditions that each such sum has two terms or more,
    and the letters replaced; None when no letter is read so."""
    replacements, conditions, names = {}, [], []
    for symbol in sorted(lhs.free_symbols | rhs.free_symbols, key=lambda s: s.name):
        letter = _barred(symbol) if isinstance(symbol, sp.Symbol) else None
        if letter is None:
            continue
        ranges = _ranges(lhs, letter) | _ranges(rhs, letter)
        if len(ranges) != 1:
            continue  # no sum of the sample, or sums over different ranges: which mean is meant is not said
        base, lower, upper = next(iter(ranges))
        k = sp.Dummy("k", integer=True)
        replacements[symbol] = sp.Sum(base[k], (k, lower, upper)) / (upper - lower + 1)
        condition = sp.Ge(upper - lower + 1, 2)
        if condition is not sp.true and condition not in conditions:
            conditions.append(condition)
        names.append(symbol)
    if not replacements:
        return None
    return lhs.xreplace(replacements), rhs.xreplace(replacements), tuple(conditions), tuple(names)
