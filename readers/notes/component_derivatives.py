r"""The derivative of a function of a vector with respect to one of its components.

After $f(\mathbf{x}) = \sum_{i=1}^n \beta_i x_i$, the notes write $\frac{df}{dx_1}$ or
$\frac{\partial f}{\partial x_i}$: the derivative of $f$'s body with respect to the entry $x_1$ (``x[1]``) or $x_i$
(``x[i]``) of its argument $\mathbf{x}$:

.. math:: \frac{\partial f}{\partial x_k} = \frac{\partial}{\partial x_k} \sum_{i=1}^n \beta_i x_i = \beta_k.

The component is read only when the function's one argument is a bold name whose plain letter is the component's
letter, and the body writes that letter's entries (``x_i`` inside the sum): so ``x_1`` is the first entry of
$\mathbf{x}$ there, by the notes' own notation.
"""
from __future__ import annotations

import re

import sympy as sp

_BOLD = re.compile(r"\\(?:mathbf|boldsymbol|bm|pmb|mathbfit|bold)\{(\\?[A-Za-z]+)\}")
_COMPONENT = re.compile(r"^(\\?[A-Za-z]+)_\{?(\d+)\}?$")


def of_entries(application, body):
    r"""The entry array of ``f(\mathbf{x}) = body`` when its one argument is bold and ``body`` writes that letter's
    entries with one index (``x_i``), else None."""
    params = application.args
    if len(params) != 1 or not isinstance(params[0], sp.Symbol):
        return None
    m = _BOLD.fullmatch(params[0].name.strip())
    if m is None:
        return None
    bases = [b for b in body.atoms(sp.IndexedBase) if str(b.label) == m.group(1)]
    if len(bases) != 1 or any(len(e.indices) != 1 for e in body.atoms(sp.Indexed) if e.base == bases[0]):
        return None
    return bases[0]


def component_derivative(derivative, functions: dict):
    r"""``\partial f / \partial x_k`` as the derivative of ``f``'s body in its entry ``x[k]``, else None;
    ``functions``: ``{name: [(arguments, body)]}`` of the functions written in their argument's entries."""
    if not isinstance(derivative, sp.Derivative) or not isinstance(derivative.expr, sp.Symbol):
        return None
    cases = functions.get(derivative.expr.name)
    if not cases:
        return None
    params, body = cases[0]
    base = of_entries(sp.Function(derivative.expr.name)(*params), body)
    if base is None:
        return None
    letter = str(base.label)
    variables = []
    for v, count in derivative.variable_count:
        entry = _entry(v, letter, base)
        if entry is None:
            return None
        variables.append((entry, count))
    return sp.Derivative(body, *variables)


def _entry(variable, letter: str, base):
    """``x_1`` (a name) as ``x[1]``, ``x[i]`` as itself, when ``x`` is ``letter``; else None."""
    if isinstance(variable, sp.Indexed) and str(variable.base.label) == letter and len(variable.indices) == 1:
        return base[variable.indices[0]]
    if isinstance(variable, sp.Symbol):
        m = _COMPONENT.match(variable.name)
        if m is not None and m.group(1) == letter:
            return base[int(m.group(2))]
    return None


def entry_of(name, expr) -> bool:
    """Whether ``name`` (``beta_1``, ``beta[i]``) is an entry of an array ``expr`` writes (``beta[i]`` in a sum)."""
    if isinstance(name, sp.Indexed):
        letter = str(name.base.label)
    elif isinstance(name, sp.Symbol) and _COMPONENT.match(name.name):
        letter = _COMPONENT.match(name.name).group(1)
    else:
        return False
    return any(str(b.label) == letter for b in expr.atoms(sp.IndexedBase))


def entries_named(lhs, rhs):
    """``beta_2`` as ``beta[2]`` on both sides when a side writes the array ``beta`` with one index (the
    derivative in an entry gives ``beta[2]``; the notes write the name ``beta_2``)."""
    bases = {str(b.label): b for e in (lhs, rhs) for b in e.atoms(sp.IndexedBase)
             if all(len(x.indices) == 1 for x in e.atoms(sp.Indexed) if x.base == b)}

    def named(e):
        mapping = {}
        for s in e.free_symbols:
            m = _COMPONENT.match(s.name) if isinstance(s, sp.Symbol) else None
            if m is not None and m.group(1) in bases:
                mapping[s] = bases[m.group(1)][int(m.group(2))]
        return e.xreplace(mapping)

    return named(lhs), named(rhs)
