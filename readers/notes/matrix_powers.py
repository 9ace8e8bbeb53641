r"""Matrix powers with a symbolic exponent: $\mathbf{A}^n = \mathbf{W}\boldsymbol{\Sigma}^n\mathbf{W}^{-1}$ at
concrete $n$.

A power of a matrix with exponent ``n`` (a plain name) means $n$ factors, so ``n`` is an integer.  Such a claim
is checked as matrix algebra once for each of :data:`EXPONENTS`, the exponent's name set to that value
everywhere in the claim.  When every instance is confirmed the claim is ``verified``, naming the values (evidence
for those ``n``, not a proof for every ``n``); otherwise it is ``undecided``, naming the first value that did not
confirm.  It is never refuted here: the notes may restrict ``n`` (``n \ge 2``) in words.
"""
from __future__ import annotations

import re

import sympy as sp

EXPONENTS = (1, 2, 3, 4)
_PLAIN = re.compile(r"[A-Za-z](?:_[A-Za-z0-9]+)?")
"""An exponent that counts factors is a plain letter (``n``, ``N``, ``k_1``), never a bold name."""
"""The exponents a claim with a symbolic matrix power is checked at."""


def symbolic_exponent(lhs, rhs):
    r"""The one name in the exponents of the claim's vector and matrix powers (``\mathbf{A}^n``,
    ``\boldsymbol{\Sigma}^{n-1}``, ``\mathbf{V}^{-n}``: integer polynomials in it), or None (no such power,
    several names, or an exponent that is no count of factors, ``\mathbf{A}^{n/2}``)."""
    names = set()
    for e in (lhs, rhs):
        for p in e.atoms(sp.Pow):
            if p.base.is_commutative is False and not p.exp.is_Integer:
                free = p.exp.free_symbols
                if len(free) != 1 or not all(isinstance(x, sp.Symbol) for x in free):
                    return None  # (the order-keeping reader leaves a plain letter non-commutative: a count here)
                (x,) = free
                if not _PLAIN.fullmatch(x.name):
                    return None  # \mathbf{p}^{\mathbf{z}}: an elementwise power by a vector, no count
                plain = sp.Symbol("_count")
                exponent = p.exp.xreplace({x: plain})
                if not exponent.is_polynomial(plain) or \
                        not all(c.is_Integer for c in sp.Poly(exponent, plain).all_coeffs()):
                    return None  # A^{n/2}: not a count of factors
                names.add(x)
    bound = {v for e in (lhs, rhs) for s in e.atoms(sp.Sum, sp.Product) for v in s.variables}
    if names & bound:
        return None  # \sum_i^k \nabla f(\mathbf{w}^i): the sum's own index, a step of a sequence, no count to set
    return names.pop() if len(names) == 1 else None


def at_exponents(lhs, rhs, name, decide):
    """``(verdict, why, first_report)``: ``decide(lhs, rhs)`` at each of :data:`EXPONENTS` (a
    :class:`~readers.notes.report.StepReport`, or a string saying why that instance could not be read)."""
    reports = []
    for n in EXPONENTS:
        value = {name: sp.Integer(n)}
        report = decide(lhs.xreplace(value), rhs.xreplace(value))
        if isinstance(report, str) or report.verdict not in ("proved", "verified"):
            why = report if isinstance(report, str) else f"{report.verdict}: {report.reason[:120]}"
            return "undecided", f"a matrix power with a symbolic exponent: at {name} = {n}, {why}", None
        reports.append(report)
    values = ", ".join(map(str, EXPONENTS))
    return "verified", (f"at {name} = {values} (an integer exponent: checked at these values, evidence for "
                        f"them, not a proof for every {name}); {reports[0].method}"), reports[0]
