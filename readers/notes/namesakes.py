r"""One letter, one value: a name written in two blocks of a note is one name, whatever each block made of it.

Each block types its letters from what it sees.  In $k = \sum_i x_i$ the ``k`` stands beside the index ``i`` and is
read as an integer index; in $\ell'(p) = \frac{k}{p} - \frac{n-k}{1-p}$ it is a real value.  The ``n`` of
$f(p) = \sum_{i=1}^n x_i \log p$ bounds a sum and is a positive integer; the ``n`` of
$\frac{d}{dp} f(p) = \frac{n}{p}\bar x$ is a real value.  Sympy tells symbols apart by their assumptions, so the
definition of ``k`` never reached the later ``k``, and the expanded claim held two ``n``\ s sampled apart: both
correct lines were refuted (``n = 1`` beside a sum over two terms).

* :func:`defined` maps a free symbol of a claim to the defined symbol of the same name, so that the definition
  applies to it;
* :func:`merged` reads the namesakes left in an expanded claim (a definition's body brought in beside the claim's
  own letters) as one symbol, the one whose assumptions include all the others' (a count is a positive integer).

Reading two independent values as one only specialises a claim, so it removes false refutations and never adds one;
the reading is shown with the verdict.  Letters whose assumptions conflict (positive and negative) are left apart.
"""
from __future__ import annotations

import sympy as sp


def _plain_symbols(expr) -> set:
    return {x for x in expr.free_symbols if type(x) is sp.Symbol}


def _covers(a: sp.Symbol, b: sp.Symbol) -> bool:
    """``a``'s assumptions include every one of ``b``'s (a positive integer covers a real value)."""
    facts = a.assumptions0
    return all(facts.get(k) == v for k, v in b.assumptions0.items())


def defined(expr, keys) -> dict:
    """``{symbol of expr: defined symbol}`` for each free symbol of ``expr`` with no definition of its own whose name
    one defined symbol (of ``keys``) has, with other assumptions that include its own (a real ``k`` is the integer
    ``k`` defined above; a count ``d`` of $\\sum_{i=1}^d$ is not the real ``d`` of $d = \\|x - y\\|$)."""
    by_name = {}
    for key in keys:
        if type(key) is sp.Symbol:
            by_name.setdefault(key.name, []).append(key)
    return {x: by_name[x.name][0] for x in _plain_symbols(expr)
            if x not in keys and len(by_name.get(x.name, ())) == 1 and _covers(by_name[x.name][0], x)}


def is_defined(name: str, keys) -> bool:
    """Whether a defined symbol (of ``keys``) has this name: $m = \\max_i z_i$ makes ``m`` a value, not a count."""
    return any(type(key) is sp.Symbol and key.name == name for key in keys)


def merged(sides) -> dict:
    """``{symbol: its namesake}`` that reads the free symbols of one name in ``sides`` as one: the one whose
    assumptions cover the others'; empty where no name is written twice or no namesake covers the rest."""
    by_name = {}
    for side in sides:
        if isinstance(side, sp.Basic):
            for x in _plain_symbols(side):
                by_name.setdefault(x.name, set()).add(x)
    out = {}
    for alike in by_name.values():
        if len(alike) < 2:
            continue
        widest = [a for a in alike if all(_covers(a, b) for b in alike)]
        if len(widest) == 1:
            out.update({b: widest[0] for b in alike if b != widest[0]})
    return out


def shown(mapping: dict) -> str:
    """The reading, as shown with the verdict."""
    names = sorted({x.name for x in mapping.values()})
    return (f"{', '.join(names)}: one value in this line and in the definitions it uses "
            f"({'; '.join(sorted({_kind(x) for x in mapping.values()}))})")


def _kind(x: sp.Symbol) -> str:
    if x.is_integer and x.is_positive:
        return f"{x.name} a positive integer"
    if x.is_integer:
        return f"{x.name} an integer"
    if x.is_positive:
        return f"{x.name} positive"
    return f"{x.name} real"
