r"""A function defined with a letter in its subscript, then written at a number: ``T_2(x)`` after
``T_N(x) = \sum_{n=0}^{N} \frac{x^n}{n!}``.

Taylor polynomials, interpolants and remainders come in families (``T_N``, ``P_N``, ``R_N``); the notes define the
family once and then state one member, ``T_N(x) = \dots \Rightarrow T_2(x) = 1 + x + \frac{x^2}{2}``.  ``T_2`` is a
name of its own to the reader, so the member read as a new definition and nothing was checked.  Here a name
``B_k`` (``k`` a whole number) that has no definition of its own, beside a defined ``B_X`` (``X`` a letter that
the body uses), is the member ``X = k`` of that family.

The notes may mix letters (``R_N(x) = \frac{x^{n+1}}{(n+1)!}``, ``n`` for ``N``): a body without its subscript's
letter is no family, and a member that fails refutes nothing (the caller says undecided), since the reading rests on
the layout of the names.
"""
from __future__ import annotations

import re

import sympy as sp
from sympy.core.function import AppliedUndef

_MEMBER = re.compile(r"(?P<base>[A-Za-z]+)_(?:\{(?P<braced>\d+)\}|(?P<plain>\d+))")
_FAMILY = re.compile(r"(?P<base>[A-Za-z]+)_(?:\{(?P<braced>[A-Za-z])\}|(?P<plain>[A-Za-z]))")


def family_of(name: str, functions: dict):
    """``(family name, letter, k)`` when ``name`` is ``B_k`` and ``functions`` (``{name: [(params, body)]}``) holds one
    ``B_X`` whose body uses a symbol named ``X``; else None."""
    member = _MEMBER.fullmatch(name)
    if member is None or name in functions:
        return None
    k = int(member.group("braced") or member.group("plain"))
    found = []
    for other, cases in functions.items():
        family = _FAMILY.fullmatch(other)
        if family is None or family.group("base") != member.group("base"):
            continue
        letter = family.group("braced") or family.group("plain")
        if cases and any(s.name == letter for s in cases[0][1].free_symbols if isinstance(s, sp.Symbol)):
            found.append((other, letter))
    if len(found) != 1:
        return None
    return found[0][0], found[0][1], k


def member(application, functions: dict):
    """``B_k(args)`` as the family's body at ``X = k`` and the arguments, and a description; None when it is no
    member of a defined family (:func:`family_of`) or the arities differ."""
    if not isinstance(application, AppliedUndef):
        return None
    found = family_of(application.func.__name__, functions)
    if found is None:
        return None
    family, letter, k = found
    params, body = functions[family][0]
    if len(params) != len(application.args) or not all(isinstance(p, sp.Symbol) for p in params):
        return None
    at = {s: sp.Integer(k) for s in body.free_symbols if isinstance(s, sp.Symbol) and s.name == letter}
    at.update(zip(params, application.args))
    return body.xreplace(at), f"{application.func.__name__} read as {family} at {letter} = {k}"
