r"""Sums and series written out with an ellipsis: ``\sum_{n\ge0} x^n/n! = 1 + x + \frac{x^2}{2} + \cdots``.

The side with a bare ``\cdots`` term lists some terms of the other side:

* the other side is a sum :math:`\sum_{n=a}^{b} f(n)`: with an infinite upper bound, the listed terms
  are its first ``m`` terms, :math:`\sum_{n=a}^{a+m-1} f(n)` (decided exactly); with a symbolic upper
  bound ``N``, at each ``N`` in ``SIZES`` the listed terms are the first and last terms of
  :math:`f(a), \dots, f(N)` (``\beta_1 x_1 + \cdots + \beta_n x_n``), matched exactly one by one;
* the other side is a function of one variable ``x``: the listed terms form its Taylor polynomial at 0
  (at ``c`` where they are written in powers of ``x - c``) up to their highest power ``K``
  (``e^x = 1 + x + \frac{x^2}{2} + \cdots``, ``\log(1+x) = x - \frac{x^2}{2} + \cdots``), by sympy's series.

A listing that matches is ``proved`` (exact; what the ellipsis stands for is not checked).  For a sum, a
mismatch refutes nothing: the terms listed are too few to pin down what the ellipsis stands for.  For a function
with a Taylor series at ``c``, the listed terms can only be its first ones,

.. math:: f(x) = \sum_{k \le K} a_k (x - c)^k + \cdots \implies a_k = f^{(k)}(c)/k!,

so a coefficient that differs is a wrong term, refuted with it (``\cos x = 1 - \frac{x^2}{3} + \cdots``: lhs - rhs
starts with :math:`-x^2/6`).  Except where the listing could be the leading terms at infinity instead
(:math:`(f - P)/P \to 0` as :math:`x \to \pm\infty`: ``\sqrt{x^2 + 1} = x + \cdots``): that stays undecided.
"""
from __future__ import annotations

import re

import sympy as sp
from sympy.core.function import AppliedUndef

SIZES = (5, 6)
"""Concrete upper bounds at which a finite sum is written out against the listed terms."""


def is_ellipsis(e) -> bool:
    return isinstance(e, sp.Symbol) and e.name in (r"\ldots", r"\cdots", r"\dots")


def _trailing(term) -> bool:
    r"""``\cdots`` or ``-\cdots`` (a series whose last written sign is minus)."""
    return is_ellipsis(term) or isinstance(term, sp.Mul) and len(term.args) == 2 and term.args[0] == -1 \
        and is_ellipsis(term.args[1])


def listed_terms(expr):
    """The terms of ``expr`` besides one bare ellipsis term, or None when ``expr`` is no such list."""
    if not isinstance(expr, sp.Add):
        return None
    terms = list(expr.args)
    bare = [t for t in terms if _trailing(t)]
    if len(bare) != 1:
        return None
    rest = [t for t in terms if not _trailing(t)]
    if any(any(is_ellipsis(s) for s in t.free_symbols) for t in rest) or not rest:
        return None
    return rest


def _as_elements(terms, bases):
    r"""``beta_n`` as ``beta[n]`` (``x_1`` as ``x[1]``) where ``beta`` is an array of the sum."""
    names = {b.label.name: b for b in bases}
    out = []
    for t in terms:
        mapping = {}
        for s in t.free_symbols:
            m = re.fullmatch(r"(.+?)_\{?([A-Za-z0-9]+)\}?", s.name) if isinstance(s, sp.Symbol) else None
            if m and m.group(1) in names:
                index = sp.Integer(int(m.group(2))) if m.group(2).isdigit() else sp.Symbol(m.group(2), integer=True)
                mapping[s] = names[m.group(1)][index]
        out.append(t.xreplace(mapping))
    return out


def _same(a, b) -> bool:
    try:
        return sp.simplify(a - b) == 0
    except Exception:  # noqa: BLE001 - sympy could not decide: not the same
        return False


def _plain(e):
    """Symbols and indices compared by name (the parser's assumptions may differ between the sides)."""
    return e.xreplace({s: sp.Symbol(s.name) for s in e.free_symbols if isinstance(s, sp.Symbol)})


def check_listed(whole, listed) -> tuple | None:
    """``(verdict, how, witness)`` for ``whole = listed + \\cdots`` (module docstring), or None."""
    if isinstance(whole, sp.Sum) and len(whole.limits) == 1:
        (n, a, b) = whole.limits[0]
        terms = _as_elements(listed, whole.atoms(sp.IndexedBase))
        if b is sp.oo:
            m = len(terms)
            first = sum(whole.function.xreplace({n: a + k}) for k in range(m))
            if _same(_plain(first), _plain(sp.Add(*terms))):
                return "proved", f"the {m} terms written are the first {m} terms of the sum (exact)", None
            return None
        bound = [s for s in b.free_symbols]
        if len(bound) != 1 or not b.is_polynomial():
            return None
        (size,) = bound
        for value in SIZES:
            at = {size: sp.Integer(value)}
            top = b.xreplace(at)
            if not top.is_integer or top - a < len(terms):
                return None
            every = [_plain(whole.function.xreplace({n: a + k}).xreplace(at)) for k in range(int(top - a) + 1)]
            written = [_plain(t.xreplace({sp.Symbol(size.name, integer=True): at[size]}).xreplace(at)) for t in terms]
            if not _prefix_and_suffix(written, every):
                return None
        return ("proved", f"the {len(terms)} terms written are the first and last terms of the sum at "
                          f"{size} = {', '.join(map(str, SIZES))} (exact)", None)
    return _taylor(whole, sp.Add(*listed))


def _taylor(whole, polynomial):
    r"""``(verdict, how, witness)`` for ``whole = polynomial + \cdots`` read as the first Taylor terms (module
    docstring), or None."""
    variables = [s for s in whole.free_symbols if isinstance(s, sp.Symbol)]
    if whole.has(sp.Sum, sp.Integral, AppliedUndef) or len(variables) != 1:
        return None
    (x,) = variables
    if not polynomial.is_polynomial(x) or polynomial.free_symbols - {x}:
        return None
    degree = sp.degree(polynomial, x)
    centre = _centre(polynomial, x)
    if centre is None:
        return None
    at = f"{x} = {centre}"
    try:
        h = sp.Dummy("h")
        difference = sp.expand(sp.series(whole - polynomial, x, centre, degree + 1).removeO().xreplace({x: centre + h}))
        terms = sp.Poly(difference, h).terms() if difference != 0 else []
    except Exception:  # noqa: BLE001 - no series (a pole, a branch point): no evidence
        return None
    wrong = sorted((k, c) for (k,), c in terms if k <= degree and c != 0)
    if not wrong:
        return ("proved", f"the terms written are the Taylor polynomial of degree {degree} at {at} (sympy series, "
                          "exact); the terms the ellipsis stands for are not checked", None)
    k, c = wrong[0]
    if not (c.is_number and c.is_real) or degree < 1 or _leading_at_infinity(whole, polynomial, x):
        return None
    term = str(c * (x - centre) ** k)
    return ("refuted", f"the terms written are not the Taylor polynomial at {at}: lhs - rhs starts with {term}, "
                       f"of order {k} <= {degree}, the highest written (sympy series, exact)",
            {"lhs - rhs": f"{term} + ...", "as": f"{x} -> {centre}"})


def _centre(polynomial, x):
    """``c`` where the terms are written in powers of ``x - c`` (one number ``c``, in parentheses), 0 where no
    such power is written, None where several are."""
    shifts = {a for node in sp.preorder_traversal(polynomial) if isinstance(node, (sp.Pow, sp.Mul))
              for a in node.args if isinstance(a, sp.Add) and x in a.args and len(a.args) == 2
              and a.args[0].is_number and a.args[0].is_real and a.args[0] != 0}
    if not shifts:
        return sp.S.Zero
    return -next(iter(shifts)).args[0] if len(shifts) == 1 else None


def _leading_at_infinity(whole, polynomial, x) -> bool:
    """Whether the listed terms could be the leading ones as ``x -> +-oo`` (then the listing is ambiguous)."""
    for end in (sp.oo, -sp.oo):
        try:
            if sp.limit((whole - polynomial) / polynomial, x, end) == 0:
                return True
        except Exception:  # noqa: BLE001 - sympy cannot tell: the reading may exist
            return True
    return False


def _prefix_and_suffix(written, every) -> bool:
    """Whether the written terms (in any order, as sympy sorts them) are the first ``p`` and last ``q``
    terms of ``every`` for some ``p + q = len(written)``, each matched once."""
    for p in range(len(written) + 1):
        q = len(written) - p
        expected = every[:p] + (every[len(every) - q:] if q else [])
        left = list(written)
        ok = True
        for e in expected:
            match = next((k for k, w in enumerate(left) if _same(w, e)), None)
            if match is None:
                ok = False
                break
            left.pop(match)
        if ok and not left:
            return True
    return False
