r"""Sums and integrals of unknown functions over one range, compared term by term.

.. code-block:: latex

    \mathrm{D}_{\mathrm{KL}}[p \,\|\, q] = \sum_{y \in \mathbb{Z}} p(y) \log \frac{p(y)}{q(y)}
        = \sum_{y \in \mathbb{Z}} p(y) \bigl(\log p(y) - \log q(y)\bigr)
        = \sum_{y \in \mathbb{Z}} p(y) \log p(y) - \sum_{y \in \mathbb{Z}} p(y) \log q(y)

The range (``\mathbb{Z}``, or an integral's ``\mathbb{R}``) and the functions (``p``, ``q``) are the notes' own, so
no value can be put in for them; but the claim holds for every range and every function if, written as one sum (or
one integral) by linearity,

.. math:: \textstyle\sum_S f - \sum_S g + c \sum_S h = \sum_S (f - g + c\,h),

its summand is zero at every point: each application ``p(y)``, ``q(y)`` is then replaced by a number of its own,
positive where a logarithm takes it (a probability or density is, where the logarithm is defined), real elsewhere,
and the summand is simplified, logarithms expanded.  A summand that simplifies to zero proves the claim wherever both sides are
defined (the sums converge); any other is no verdict: the claim may hold for the notes' range and functions only.
"""
from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef

METHOD = "symbolic: term by term, the sums (integrals) over one range written as one, its summand zero for every " \
         "value of the unknown functions (positive under a logarithm) (readers.notes.termwise)"


def _is_named_sum(e) -> bool:
    r"""``sum_{y\in\mathbb{Z}}(body, y)``: the parser's sum over a set it does not know."""
    return isinstance(e, AppliedUndef) and e.func.__name__.startswith("sum_") and len(e.args) == 2 \
        and isinstance(e.args[1], sp.Symbol)


def _operators(e) -> list:
    return [x for x in sp.preorder_traversal(e) if _is_named_sum(x) or isinstance(x, sp.Integral)]


def _key_and_body(op, dummy):
    """``(range key, summand in the dummy variable)`` of a sum over a named set or of an integral in one variable."""
    if _is_named_sum(op):
        body, var = op.args
        return ("sum", op.func.__name__, var.name), body.xreplace({var: dummy})
    if len(op.limits) != 1:
        return None
    limit = op.limits[0]
    var = limit[0]
    return ("integral", tuple(limit[1:])), op.function.xreplace({var: dummy})


def summands(lhs, rhs) -> list | None:
    """The summand of ``lhs - rhs`` for each range it sums or integrates over, when every term of ``lhs - rhs`` is
    a factor free of the summation variable times one sum or integral; None otherwise."""
    if not _operators(lhs) or not _operators(rhs):
        return None
    dummy = sp.Dummy("t", real=True)
    totals = {}
    for term in sp.Add.make_args(sp.expand(lhs - rhs, deep=False, log=False, power_base=False, power_exp=False,
                                           multinomial=False)):
        factors = sp.Mul.make_args(term)
        ops = [f for f in factors if _is_named_sum(f) or isinstance(f, sp.Integral)]
        if len(ops) != 1:
            return None
        op = ops[0]
        coefficient = sp.Mul(*[f for f in factors if f is not op])
        if _operators(coefficient) or coefficient.atoms(AppliedUndef):
            return None
        found = _key_and_body(op, dummy)
        if found is None:
            return None
        key, body = found
        variable = op.args[1] if _is_named_sum(op) else op.limits[0][0]
        if variable in coefficient.free_symbols or _operators(body):
            return None
        totals[key] = totals.get(key, sp.Integer(0)) + coefficient * body
    return list(totals.values())


def vanishes(summand) -> bool:
    """Whether ``summand`` is zero with every application of an unknown function a number of its own: a positive
    one where a logarithm takes it (where it is defined), any real one elsewhere (``|f(y)|`` is not ``f(y)``)."""
    applications = sorted(summand.atoms(AppliedUndef), key=str)
    logged = {a for lg in summand.atoms(sp.log) for a in lg.args[0].atoms(AppliedUndef)}
    values = {a: sp.Symbol(f"v{k}", positive=True) if a in logged else sp.Symbol(f"v{k}", real=True)
              for k, a in enumerate(applications)}
    plain = summand.xreplace(values)
    if plain.atoms(AppliedUndef):
        return False
    return sp.simplify(sp.expand_log(sp.expand(plain), force=True)) == 0


def holds_termwise(lhs, rhs) -> bool:
    """Whether ``lhs = rhs`` holds term by term (the module docstring); False when it cannot be read so."""
    found = summands(lhs, rhs)
    return bool(found) and all(vanishes(s) for s in found)
