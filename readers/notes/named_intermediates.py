r"""Derivatives by a name the notes defined, of a name the notes defined: the intermediates of backpropagation.

After $z = wx + b$, $\hat y = \sigma(z)$ and $L = -y \log \hat y - (1 - y) \log(1 - \hat y)$, notes write

.. math:: \frac{\partial L}{\partial z} = \hat y - y, \qquad
          \frac{\partial L}{\partial w} = \frac{\partial L}{\partial \hat y}
          \frac{\partial \hat y}{\partial z}\frac{\partial z}{\partial w}.

Each derivative $\partial u / \partial v$ by a defined name $v$ is read as the derivative of $u$ with every defined
name in it replaced by its right side *as written* (the bodies kept for substitution are already written in the
leaves, where $v$ is gone), $v$ itself held as the variable, and only then is $v$ written in its own definition:
$\partial L/\partial z$ is $\frac{d}{dz}\ell(\sigma(z))$ at $z = wx + b$.  Taken before the expansion
(``Derivative(L, z).doit()`` with ``L`` a bare symbol) it was 0, and the claim became an equation in $b, w, x, y$.

Where no right side is on record for a name (defined otherwise, or redefined since), nothing changes.

The same holds for an entry of an array the notes define entry by entry: after $y_i = \gamma\hat x_i + \beta$ and
$L = \frac12\sum_i (y_i - t_i)^2$, $\partial L/\partial y_j$ is the derivative of $L$ as written, in $y$, with
$y$ held (``arrays``: the defined arrays by base), so $y_j - t_j$; $\partial L/\partial \gamma$ still chains through
$y$ (``\gamma`` is no defined name: the definitions are put in first).  The entries of other defined arrays are
written out as written too (``written`` keeps ``{base: (indices, right side, arrays' record)}``): after $z_j = w_j
h_j + b_j$, $a_j = \sigma(z_j)$, $\partial L/\partial z_j$ is taken of $\frac12\sum_j (\sigma(z_j) - y_j)^2$.

The reading is left alone where the variable reaches the expression twice, directly and through a defined name
(``\partial(\hat y + a)/\partial \hat y`` after ``a = \hat y^2``): a partial derivative holding ``a`` fixed and the
total derivative differ there, and the notes do not say which they mean.
"""
from __future__ import annotations

import sympy as sp

MAX_DEPTH = 12
"""Most rounds of names replaced by their right sides as written (a longer chain is not read)."""


def _as_written(name, symbols: dict, written: dict):
    """The right side of ``name``'s definition in force, as written; None when there is none on record."""
    record = written.get(name)
    return record[0] if record is not None and symbols.get(name) is record[1] else None


def _entry_written(entry, written: dict, arrays: dict):
    """The right side of the definition in force of the array ``entry`` belongs to (``a_j = \\sigma(z_j)``), as
    written, at the entry's indices; None when there is none on record."""
    record = written.get(entry.base)
    if record is None or arrays.get(entry.base) is not record[2] or len(record[0]) != len(entry.indices):
        return None
    return record[1].xreplace(dict(zip(record[0], entry.indices)))


def _written_out(expr, held: set, symbols: dict, written: dict, arrays=None):
    """``expr`` with the defined names other than ``held`` (and the entries of defined arrays other than held ones)
    replaced by their right sides as written, until none is left (None past the depth)."""
    arrays = arrays or {}
    bases = {v.base for v in held if isinstance(v, sp.Indexed)}
    for _ in range(MAX_DEPTH):
        swap = {x: w for x in expr.free_symbols
                if x not in held and (w := _as_written(x, symbols, written)) is not None}
        if arrays:
            swap.update({e: w for e in expr.atoms(sp.Indexed)
                         if e.base not in bases and (w := _entry_written(e, written, arrays)) is not None})
        if not swap:
            return expr
        expr = expr.xreplace(swap)
    return None


def _mentions(expr, variable) -> bool:
    """Whether ``expr`` names ``variable``; for an entry ``y[j]``, any entry of ``y``."""
    if variable in expr.free_symbols:
        return True
    return isinstance(variable, sp.Indexed) and variable.base in expr.atoms(sp.IndexedBase)


def _both_ways(expr, variables: set, symbols: dict, written: dict, depth: int = 0, arrays=None) -> bool:
    """Whether, in ``expr`` or the right side of a name it is written in, a variable stands directly beside a
    name whose right side reaches it (``a + y`` after ``a = y^2``); True past the depth (not read)."""
    if depth > MAX_DEPTH:
        return True
    arrays = arrays or {}
    names = {x: w for x in expr.free_symbols
             if x not in variables and (w := _as_written(x, symbols, written)) is not None}
    bases = {v.base for v in variables if isinstance(v, sp.Indexed)}
    if arrays:
        names.update({e: w for e in expr.atoms(sp.Indexed)
                      if e.base not in bases and (w := _entry_written(e, written, arrays)) is not None})
    direct = {v for v in variables if _mentions(expr, v)}
    if any(_mentions(_written_out(n, variables, symbols, written, arrays) or n, v) for n in names for v in direct):
        return True
    return any(_both_ways(w, variables, symbols, written, depth + 1, arrays) for w in names.values())


def _defined(variable, symbols: dict, arrays: dict) -> bool:
    """Whether ``variable`` is a name the notes define, or an entry of an array they define entry by entry."""
    return variable in symbols if isinstance(variable, sp.Symbol) else variable.base in arrays


def through_written(derivative, symbols: dict, written: dict, arrays=None):
    """The expression of a derivative by a defined name (or an entry of a defined array, ``arrays`` by base), its
    other defined names written out as the notes wrote them, when that reaches every variable one way only; else
    None (the derivative is taken as it stands)."""
    if not isinstance(derivative, sp.Derivative):
        return None
    arrays = arrays or {}
    variables = {v for v, _ in derivative.variable_count}
    if not all(isinstance(v, sp.Symbol) or isinstance(v, sp.Indexed) and arrays for v in variables) \
            or not any(_defined(v, symbols, arrays) for v in variables):
        return None
    names = {x for x in derivative.expr.free_symbols
             if x not in variables and _as_written(x, symbols, written) is not None}
    held = {v.base for v in variables if isinstance(v, sp.Indexed)}
    names |= {e for e in derivative.expr.atoms(sp.Indexed)  # dp_k/dz_l after p_k = e^{z_k} / sum_m e^{z_m}
              if arrays and e.base not in held and _entry_written(e, written, arrays) is not None}
    if not names:
        return None
    if _both_ways(derivative.expr, variables, symbols, written, arrays=arrays):
        return None  # the variable directly and through a name: a partial or a total derivative?
    body = _written_out(derivative.expr, variables, symbols, written, arrays)
    return body if body is not None and all(_mentions(body, v) for v in variables) else None


def through_names(expr, symbols: dict, written: dict, expand_bound, arrays=None):
    r"""``expr`` with each derivative by a defined name taken of its expression written out
    (:func:`through_written`), then expanded with the definitions in force except its own variables
    (``expand_bound(e, variables)``: functions instantiated; an entry's array held too), still unevaluated."""
    found = {d: body for d in expr.atoms(sp.Derivative)
             if (body := through_written(d, symbols, written, arrays)) is not None}
    if not found:
        return expr
    return expr.xreplace({d: sp.Derivative(expand_bound(body, {v for v, _ in d.variable_count}), *d.variable_count)
                          for d, body in found.items()})
