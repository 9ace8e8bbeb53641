r"""Relations between two names of a definition, read from the prose next to it: "$0 < k < n$", "at $x > \mu$".

A chain of relations in one direction whose terms are names and numbers, with two names or more, says

.. math:: 0 < k < n \;\Longrightarrow\; k > 0,\quad n > 0,\quad k < n

each name bounded by the nearest number on either side (strict where a strict relation lies between: $n > k > 0$
gives $n > 0$), and each name below the next name in the chain (strict likewise).  A bound is a
``(name, lo, lo_open, hi, hi_open)`` of :mod:`readers.domain`; a relation is ``(left, right, strict)``, meaning
$\text{left} < \text{right}$ (``strict``) or $\text{left} \le \text{right}$.  The verification of a definition draws
its points inside them (:func:`codegen.define_check.in_domain`): the log binomial coefficient's "$0 < k < n$" was
read as $n > 0$ alone, and its gradient was measured at $k = n = 10^{300}$, outside what the note means.
Chains of one name are :func:`readers.domain.read_domain`'s.
"""
from __future__ import annotations

from readers.domain import _GREATER, _LESS, _NUMBER, _chain, _name

_FLIP = {">": "<", r"\gt": r"\lt", ">=": "<=", r"\ge": r"\le", r"\geq": r"\leq", r"\geqslant": r"\leqslant"}


def read_relations(inline_formulas, name_of=_name) -> tuple[tuple, tuple]:
    """``(bounds, relations)`` stated by the chains of two names or more among the inline formulas (their texts)."""
    bounds, relations = [], []
    for text in inline_formulas:
        chain = _chain(text.strip().rstrip(".,;").strip())
        if chain is None:
            continue
        terms, rels = chain
        if all(r in _GREATER for r in rels):  # n > k > 0: read as 0 < k < n
            terms, rels = terms[::-1], [_FLIP[r] for r in rels[::-1]]
        if not all(r in _LESS for r in rels):
            continue
        read = [float(t.replace(" ", "")) if _NUMBER.match(t) else name_of(t) for t in terms]
        names = [k for k, v in enumerate(read) if isinstance(v, str)]
        if len(names) < 2 or any(v is None for v in read) or len({read[k] for k in names}) < len(names):
            continue
        strict = [_LESS[r] for r in rels]
        for k in names:
            below = [j for j in range(k) if not isinstance(read[j], str)]
            above = [j for j in range(k + 1, len(read)) if not isinstance(read[j], str)]
            lo, hi = (below[-1] if below else None), (above[0] if above else None)
            if lo is not None or hi is not None:
                bounds.append((read[k], None if lo is None else read[lo], lo is not None and any(strict[lo:k]),
                               None if hi is None else read[hi], hi is not None and any(strict[k:hi])))
        for a, b in zip(names, names[1:]):
            relations.append((read[a], read[b], any(strict[a:b])))
    return tuple(bounds), tuple(relations)

