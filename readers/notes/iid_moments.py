r"""Moments of i.i.d. indexed random variables: ``\operatorname{Var}(\bar X) = \sigma^2/n`` read exactly.

When the section's prose says ``X_1, \dots, X_n`` are i.i.d. (``i.i.d.``, ``iid``, "independent and
identically distributed"), a claim whose moments are of linear forms in the ``X_i`` is a claim about their
common mean :math:`m` and variance :math:`v`:

.. math::  \mathbb{E}\Big[\sum_k a_k X_k + c\Big] = m \sum_k a_k + c,\qquad
           \operatorname{Var}\Big(\sum_k a_k X_k + c\Big) = v \sum_k a_k^2,\qquad
           \operatorname{Cov}\Big(\sum_k a_k X_k, \sum_k b_k X_k\Big) = v \sum_k a_k b_k ,

and the mean of a quadratic form (the biased sample variance) from :math:`\mathbb{E}[X_j X_k] = m^2 + v[j = k]`.

:math:`m` and :math:`v` are what the section states: an inline ``$\operatorname{Var}(X_i) = \sigma^2$``
(``$\mathbb{E}[X_i] = \mu$``) or "variance ``$\sigma^2$``" ("mean ``$\mu$``") in the prose; else they stay
names of their own.  Sums to a symbolic size are written out at each of ``SIZES``.  The claim is then a
relation between ordinary expressions: it is ``verified`` when it holds exactly at every size (sympy), and
refuted when it fails at one, with the size and values of the stated names (positive: variances, standard
deviations and sizes) as the counterexample.  Anything else -- a variance of a non-linear form, a name the
section does not tie to the law, several indexed names -- is left to the caller (None).
"""
from __future__ import annotations

import re

import sympy as sp
from sympy.core.function import AppliedUndef

from readers.notes.moments import OPERATORS
from readers.notes.symbols import _show

IID = re.compile(r"\bi\.\s?i\.\s?d\b|\biid\b|independent(?:ly)?\s+and\s+identically\s+distributed", re.I)
SIZES = (2, 3, 5)
METHOD = "moments of i.i.d."
"""How the steps of this reading begin (its stated mean and variance link the two sides: no change of variables)."""
IMPLICIT_SIZE = "N"
"""The size the reader gives a sum written without limits (``\\sum_i X_i``)."""
POSITIVE_VALUES = (2, sp.Rational(7, 3))
"""Values tried for the stated names (all positive, so variances and standard deviations are valid)."""


def section_prose(lines, line: int, column: int | None = None) -> str:
    """The text of the section from its heading to the line before ``line`` (1-based), and with ``column`` that
    line's text before it ("For $X_1, \\dots, X_n$ i.i.d. ... the sample mean has $\\mathbb{E}[\\bar X] = \\mu$")."""
    k = line - 2
    out = [lines[line - 1][:column - 1]] if column and 0 < line <= len(lines) else []
    while k >= 0 and not lines[k].lstrip().startswith("#"):
        out.insert(0, lines[k])
        k -= 1
    return "\n".join(out)


def stated(prose: str, parse) -> tuple[dict, dict]:
    r"""``({base: mean}, {base: variance})`` the prose states: ``$\operatorname{Var}(X_i) = e$``,
    ``$\mathbb{E}[X_i] = e$``, and "variance ``$e$``" / "mean ``$e$``" (for any base: returned under None).
    ``parse`` reads one formula into its ``(lhs, rel, rhs)`` pairs."""
    means, variances = {}, {}
    for m in re.finditer(r"\$([^$]+)\$", prose):
        try:
            pairs = parse(m.group(1))
        except Exception:  # noqa: BLE001 - a formula we cannot read states nothing here
            continue
        for a, rel, b in pairs:
            if rel != "=" or not isinstance(a, AppliedUndef) or a.func.__name__ not in OPERATORS or len(a.args) != 1:
                continue
            arg = a.args[0]
            if not isinstance(arg, sp.Indexed):
                continue
            kind = OPERATORS[a.func.__name__]
            if kind == "E":
                means[arg.base] = b
            elif kind == "Var":
                variances[arg.base] = b
    for word, table in (("variance", variances), ("mean", means)):
        m = re.search(rf"\b{word}\s+\$([^$]+)\$", prose)
        if m:
            try:
                found = parse_expression(m.group(1), parse)
            except Exception:  # noqa: BLE001 - a formula we cannot read states nothing here
                found = None
            if found is not None:
                table.setdefault(None, found)
    return means, variances


def parse_expression(latex, parse):
    r"""One expression, or None; of a sign condition, its side (variance ``$\sigma^2 > 0$`` states ``\sigma^2``)."""
    signed = re.fullmatch(r"(.+?)\s*(?:>|\\g(?:eq|e|t)(?![A-Za-z]))\s*0\s*", latex, re.S)
    pairs = parse((signed.group(1) if signed else latex) + " = 0")
    return pairs[0][0] if len(pairs) == 1 else None


_ELEMENT = re.compile(r"^([A-Za-z])_\{?(\d+)\}?$")


def _canonical(expr):
    """``expr`` with each element of an indexed name as ``IndexedBase(name)[k]``: ``Y_1`` (read as a name) and
    ``Y[j]`` (from a sum) become elements of one ``Y``."""
    table = {}
    for i in expr.atoms(sp.Indexed):
        table[i] = sp.IndexedBase(str(i.base.label))[i.indices]
    for x in expr.free_symbols:
        m = _ELEMENT.match(x.name) if isinstance(x, sp.Symbol) else None
        if m:
            table[x] = sp.IndexedBase(m.group(1))[int(m.group(2))]
    return expr.xreplace(table) if table else expr


def _linear(arg, base):
    """``({index: coefficient}, constant)`` of a linear form in the ``base[k]``, or None."""
    atoms = sorted(arg.atoms(sp.Indexed), key=str)
    if any(a.base != base for a in atoms):
        return None
    poly = sp.Poly(sp.expand(arg), *atoms) if atoms else None
    if poly is None:
        return {}, arg
    if poly.total_degree() > 1:
        return None
    coefficients = {a: poly.coeff_monomial(a) for a in atoms}
    constant = poly.coeff_monomial(1)
    if any(c.has(*atoms) for c in coefficients.values()):
        return None
    return coefficients, constant


def _quadratic_mean(arg, base, mean, variance):
    r"""``E[arg]`` for a form of degree 2 in the ``base[k]`` (numbered elements), else None: with
    :math:`\mathbb{E}[X_j X_k] = m^2 + v\,[j = k]` for i.i.d. elements,

    .. math:: \mathbb{E}\Big[\sum_{j \le k} a_{jk} X_j X_k + \sum_k b_k X_k + c\Big]
              = \sum_k a_{kk} (v + m^2) + \sum_{j < k} a_{jk} m^2 + m \sum_k b_k + c ."""
    atoms = sorted(arg.atoms(sp.Indexed), key=str)
    if not atoms or any(a.base != base or not a.indices[0].is_Integer for a in atoms):
        return None
    poly = sp.Poly(sp.expand(arg), *atoms)
    if poly.total_degree() != 2 or any(c.has(*atoms) for c in poly.coeffs()):
        return None
    out = sp.Integer(0)
    for powers, c in poly.terms():
        if sum(powers) == 2 and 2 in powers:
            out += c * (variance + mean ** 2)
        else:
            out += c * mean ** sum(powers)
    return out


def reduce(expr, base, mean, variance):
    """``expr`` with every moment of a linear form in ``base[k]`` written in ``mean`` and ``variance``;
    None when a moment is of anything else."""
    failed = []

    def moment(app):
        kind, args = OPERATORS[app.func.__name__], app.args
        forms = [_linear(a, base) for a in args]
        if kind == "E" and len(args) == 1 and forms[0] is None:  # E[(X_1 - \bar X)^2 + ...]: a quadratic form
            found = _quadratic_mean(args[0], base, mean, variance)
            if found is not None:
                return found
        if any(f is None for f in forms):
            failed.append(app)
            return app
        if kind == "E" and len(args) == 1:
            (coefficients, constant), = forms
            return mean * sp.Add(*coefficients.values()) + constant
        if kind == "Var" and len(args) == 1:
            (coefficients, _), = forms
            return variance * sp.Add(*[c ** 2 for c in coefficients.values()])
        if kind == "Cov" and len(args) == 2:
            (a, _), (b, _) = forms
            return variance * sp.Add(*[a[k] * b.get(k, 0) for k in a])
        failed.append(app)
        return app

    out = expr.replace(lambda f: isinstance(f, AppliedUndef) and f.func.__name__ in OPERATORS, moment)
    return None if failed else out


_BAR = re.compile(r"\\(?:bar|overline)\{([A-Za-z])\}")


def _as_sample_mean(expr, prose: str):
    r"""``expr`` with ``\bar{X}`` the mean of the sample the prose lists, ``X_1, \dots, X_n``:
    :math:`\bar X = \frac{1}{n}\sum_{i=1}^{n} X_i`."""
    table = {}
    for x in expr.free_symbols:
        m = _BAR.fullmatch(x.name) if isinstance(x, sp.Symbol) else None
        listed = re.search(rf"(?<![A-Za-z\\]){m.group(1)}_\{{?1\}}?\s*,\s*\\[lc]?dots\s*,\s*{m.group(1)}_\{{?([A-Za-z])\}}?",
                           prose) if m else None
        if listed:
            size, index = sp.Symbol(listed.group(1), integer=True, positive=True), sp.Symbol("i", integer=True)
            table[x] = sp.Sum(sp.IndexedBase(m.group(1))[index], (index, 1, size)) / size
    return expr.xreplace(table) if table else expr


def _sizes(expr):
    """The symbolic upper limits of the sums of ``expr``."""
    return {s for e in expr.atoms(sp.Sum) for _, _, hi in e.limits for s in hi.free_symbols}


def check(lhs, rel, rhs, prose: str, parse):
    """``(verdict, how, counterexample)`` for a claim about i.i.d. indexed variables, or None (see the module
    docstring)."""
    if rel != "=" or not IID.search(prose):
        return None
    lhs, rhs = (_canonical(_as_sample_mean(e, prose)) for e in (lhs, rhs))
    bases = {i.base for e in (lhs, rhs) for i in e.atoms(sp.Indexed)}
    if len(bases) != 1:
        return None
    (base,) = bases
    if not re.search(rf"(?<![A-Za-z\\]){re.escape(str(base.label))}_", prose):
        return None  # the prose that says i.i.d. lists other variables
    means, variances = stated(prose, parse)
    m = means.get(base, means.get(None, sp.Symbol(f"E[{base}_i]")))
    v = variances.get(base, variances.get(None, sp.Symbol(f"Var({base}_i)")))
    sizes = _sizes(lhs) | _sizes(rhs)
    names = {x.name for x in sizes}
    if IMPLICIT_SIZE in names:  # a sum without limits: over the sample the prose lists, X_1, ..., X_n
        listed = re.search(rf"{re.escape(str(base))}_\{{?1\}}?\s*,\s*\\[lc]?dots\s*,\s*"
                           rf"{re.escape(str(base))}_\{{?([A-Za-z])\}}?", prose)
        if listed:
            names.add(listed.group(1))
    tied = (m.free_symbols | v.free_symbols)
    values = {}
    for size in SIZES:
        table = {x: sp.Integer(size) for e in (lhs, rhs) for x in e.free_symbols
                 if isinstance(x, sp.Symbol) and x.name in names}
        sides = []
        for e in (lhs, rhs):
            written = e.xreplace(table).doit()
            elements = written.atoms(sp.Indexed)
            if len(elements) > 1 and any(not i.indices[0].is_Integer for i in elements):
                return None  # X_i beside X_j: whether i = j is not said
            found = reduce(written, base, m, v)
            if found is None or found.atoms(sp.Indexed) or found.atoms(AppliedUndef):
                return None
            sides.append(found)
        loose = {x for s in sides for x in s.free_symbols} - tied
        if loose:
            return None  # a name the section does not tie to the law
        gap = sp.simplify(sides[0] - sides[1])
        if gap == 0:
            continue
        for value in POSITIVE_VALUES:
            at = {x: value for x in gap.free_symbols}
            number = gap.xreplace(at)
            if number.is_number and sp.simplify(number) != 0:
                values = {**{_show(x): str(value) for x in at}, **{name: size for name in sorted(names - {IMPLICIT_SIZE})}}
                values.update(lhs=_show(sp.nsimplify(sides[0].xreplace(at))),
                              rhs=_show(sp.nsimplify(sides[1].xreplace(at))))
                return "refuted", f"{METHOD} {base}_i (mean {_show(m)}, variance {_show(v)})", values
        return None
    return "verified", (f"{METHOD} {base}_i (mean {_show(m)}, variance {_show(v)}), exact at sizes "
                        f"{', '.join(map(str, SIZES))}"), None
