r"""Components of a vector named as a standard vector function: ``s = \mathrm{softmax}(z)``, then ``s_i``.

After the notes name a vector ``s = \operatorname{softmax}(z)``, its component ``s_i`` is

.. math:: s_i = \frac{e^{z_i}}{\sum_{k=1}^{N} e^{z_k}}

with ``N`` the length of ``z`` (the size a sum with no stated range gets), so claims about ``s_i``
(its Jacobian $\partial s_i / \partial z_j$, $\sum_i s_i = 1$) are checked on the written-out
components, at concrete sizes, like any indexed claim.
"""
from __future__ import annotations

import re

import sympy as sp
from sympy.core.function import AppliedUndef

COMPONENTS = frozenset({"softmax"})
"""Vector functions whose components are written out (by the parser's name of ``\\mathrm{softmax}``)."""
_BOLD = re.compile(r"^\\(?:mathbf|boldsymbol|bm|vec)\{(.+)\}$")
_SIZE = sp.Symbol("N", integer=True, positive=True)
"""The size of a range no sum states, as the LaTeX reader writes it."""


def _argument(body):
    """The plain vector ``z`` of ``softmax(z)``, else None."""
    if isinstance(body, AppliedUndef) and body.func.__name__ in COMPONENTS and len(body.args) == 1 \
            and isinstance(body.args[0], sp.Symbol):
        found = _BOLD.match(body.args[0].name)
        return sp.Symbol(found.group(1) if found else body.args[0].name, real=True)
    return None


def softmax_component(vector: sp.Symbol, index, taken=frozenset()):
    r"""$e^{z_i} / \sum_{k=1}^{N} e^{z_k}$ for the vector ``z`` and index ``i`` (``k`` a name not in ``taken``)."""
    names = {str(t) for t in taken} | {str(s) for s in getattr(index, "free_symbols", ())}
    dummy = next(sp.Symbol(n, integer=True) for n in ("k", "l", "m", "r", "q") if n not in names)
    base = sp.IndexedBase(vector)
    return sp.exp(base[index]) / sp.Sum(sp.exp(base[dummy]), (dummy, 1, _SIZE))


def components(expr, symbols: dict):
    r"""``expr`` with each ``s_i`` written out when ``symbols`` defines ``s = softmax(z)``."""
    defined = {base.label: _argument(body) for base in expr.atoms(sp.IndexedBase)
               for body in [symbols.get(base.label)] if body is not None}
    defined = {k: v for k, v in defined.items() if v is not None}
    if not defined:
        return expr
    taken = frozenset(expr.free_symbols)
    return expr.replace(lambda e: isinstance(e, sp.Indexed) and e.base.label in defined and len(e.indices) == 1,
                        lambda e: softmax_component(defined[e.base.label], e.indices[0], taken))
