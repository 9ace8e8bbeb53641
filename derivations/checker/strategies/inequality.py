r"""Showing $e \ge 0$ (or $e > 0$) for $e$ = the sign-oriented difference of an inequality.

1. ``sign``: sympy knows the sign of $e$, or of each term of an expanded or
   factored form (squares of reals, products of positive symbols ...);
2. ``lemma``: for each anchor instance in $e$ (e.g. $c \log u$ with $u > 0$),
   subtract the positive multiple of a recorded lemma (``derivations.checker.lemmas``)
   that cancels it, and show the remainder non-negative by 1.

For ``lhs <= rhs`` the difference is $e = rhs - lhs$; for ``lhs >= rhs`` it is
$e = lhs - rhs$.
"""
from __future__ import annotations

import sympy as sp
from sympy.polys.polyerrors import BasePolynomialError

from derivations.checker.lemmas import APPLICABLE
from derivations.checker.strategies.instances import Instance


def sign_oriented_difference(inst: Instance) -> sp.Expr:
    return inst.rhs - inst.lhs if inst.rel in ("<=", "<") else inst.lhs - inst.rhs


def prove_inequality(inst: Instance) -> str | None:
    """How the inequality of ``inst`` was shown, else None."""
    strict = inst.rel in ("<", ">")
    e = sign_oriented_difference(inst)
    substitution = inst.simplex_substitution
    return nonnegative(e, strict=strict, substitution=substitution) or by_lemmas(e, strict=strict, substitution=substitution)


def nonnegative(e: sp.Expr, *, strict: bool = False, substitution: dict | None = None) -> str | None:
    r"""``'sign'``-style method name if $e \ge 0$ ($> 0$ when ``strict``) is evident to sympy, else None."""
    forms = [("", e)] + ([(" with the simplex constraint", e.xreplace(substitution))] if substitution else [])
    for suffix, form in forms:
        for name, rewrite in _FORMS:
            if name == "factor" and not _factors_may_be_signed(form):
                continue
            rewritten = rewrite(form)
            if _signed(rewritten, strict) or _terms_signed(rewritten, strict):
                return name + suffix
            numerator, denominator = sp.fraction(rewritten)
            if denominator != 1 and denominator.is_positive and (_signed(numerator, strict) or _terms_signed(numerator, strict)):
                return name + " (numerator over a positive denominator)" + suffix
    return None


def by_lemmas(e: sp.Expr, *, strict: bool = False, substitution: dict | None = None) -> str | None:
    """Subtract lemma instances that cancel anchors of ``e``; show the remainder non-negative."""
    expanded = sp.expand(e, log=False)
    uses = list(_lemma_uses(expanded))
    chosen = {}
    for anchor, lemma, value, multiple in uses:
        chosen.setdefault(anchor, (lemma, value, multiple))
    attempts = [list(chosen.values())] + [[(lemma, value, multiple)] for _, lemma, value, multiple in uses]
    for k, attempt in enumerate(attempts):
        if not attempt or attempt in attempts[:k]:  # one use alone is also the first attempt: its remainder is the same
            continue
        remainder = expanded - sp.Add(*(multiple * lemma.at(value) for lemma, value, multiple in attempt))
        how = nonnegative(remainder, strict=strict, substitution=substitution)
        if how:
            return f"lemma {_uses_text(attempt)}; remainder by {how}"
    return None


def _uses_text(attempt) -> str:
    """``log_le_x_minus_one at x = u`` for one use, ``log_ge_one_minus_inverse (at each anchor)`` for several."""
    if len(attempt) == 1:
        lemma, value, _ = attempt[0]
        return f"{lemma.name} at {lemma.variable} = {value}"
    return ", ".join(sorted({lemma.name for lemma, _, _ in attempt})) + " (at each anchor)"


def _lemma_uses(expanded: sp.Expr):
    """Yield (anchor instance, lemma, value, multiple) with a non-negative multiple that cancels the anchor."""
    for lemma in APPLICABLE:
        wild = sp.Wild("w")
        pattern = lemma.anchor.xreplace({lemma.variable: wild})
        own = lemma.anchor_coefficient()
        for anchor in sorted(expanded.find(pattern), key=sp.default_sort_key):
            match = anchor.match(pattern)
            if not match or wild not in match or not lemma.holds_at(match[wild]):
                continue
            multiple = sp.cancel(expanded.coeff(anchor) / own)
            if multiple != 0 and multiple.is_nonnegative:
                yield anchor, lemma, match[wild], multiple


def _signed(e: sp.Expr, strict: bool) -> bool:
    return bool(e.is_positive) if strict else bool(e.is_nonnegative)


def _terms_signed(e: sp.Expr, strict: bool) -> bool:
    if not e.is_Add:
        return False
    if not all(t.is_nonnegative for t in e.args):
        return False
    return not strict or any(t.is_positive for t in e.args)


def _factors_may_be_signed(e: sp.Expr) -> bool:
    r"""False where sympy's factored form of $e$ cannot show a sign, so that ``factor`` (Wang's multivariate
    algorithm, seconds on a sum of a few logarithms over a common denominator) need not run.

    Over a common denominator (``together``), $e = N / D$ with polynomials $N, D$ in generators (symbols,
    $\log u$, ...).  Where $N$ is of degree 1 in a generator $g$ whose sign sympy does not know and $D$ is free of
    $g$, $g$ lies in exactly one irreducible factor of $N$, to the first power, $A g + B$ with $A \ne 0$ free of $g$,
    and no factor of $D$ cancels it; that factor's terms with $g$ have no known sign, and sympy signs a sum only
    where each term is signed (a polynomial of degree 1 in an unsigned symbol changes sign), so neither the factor
    nor the product nor its numerator is shown signed."""
    numerator, denominator = sp.fraction(sp.together(e))
    try:
        poly = sp.Poly(numerator)
    except BasePolynomialError:  # no generators (a number) or not a polynomial in any: factor decides as before
        return True
    for g, degree in zip(poly.gens, poly.degree_list()):
        if degree == 1 and g.is_extended_nonnegative is None and g.is_extended_nonpositive is None \
                and not denominator.has(g):
            return False
    return True


_FORMS = (
    ("sign", lambda e: e),
    ("sum of non-negative terms", lambda e: sp.expand(e, log=False)),
    ("factor", lambda e: sp.factor(e)),
    ("together", lambda e: sp.cancel(sp.together(e))),
)
"""Forms of the difference in which signs are looked for, cheap to expensive."""
