r"""Helpers on the notes' sympy expressions: fresh bound indices, instantiation, index ranges, domains."""
from __future__ import annotations

import itertools
import re

import sympy as sp
from sympy.core.function import AppliedUndef

from symbolic.expr import as_expr

from derivations.checker.strategies.instances import written_out

from readers.latex.matrix_reader import parse_matrix_block
from readers.latex.nodes import SUMMED, MatrixLiteral
from readers.notes.gradients import entries
from readers.notes.reading import base_name, subscript_of
from readers.latex.parse import (
    Expectation,
    Given,
    PlusMinus,
)

LIMIT_SIZE = 3
"""Size used for limits, which are checked at one concrete instance per sign."""
POSITIVE_NAMES = ("sigma", "epsilon")
"""Base names sampled positive: standard deviations and numerical floors."""
MAX_EXPANSION_ROUNDS = 8

def written_name(latex: str) -> str | None:
    r"""The name ``latex`` writes when it is a single symbol (``\mathbf{A}``, ``\lambda_1``), else None."""
    try:
        exprs = [e for row in parse_matrix_block(latex).rows for e in row.chain.exprs]
    except Exception:  # noqa: BLE001 - not a name
        return None
    return exprs[0].name if len(exprs) == 1 and isinstance(exprs[0], sp.Symbol) else None


def _show(expr) -> str:
    return sp.sstr(expr) if isinstance(expr, sp.Basic) else str(expr)


def _as_written(expr) -> str:
    """An expression with elements as the notes write them: ``x_i``, ``x_{i,j}``, ``K(x_i, x_j)``."""
    def element(match):
        inner = match.group(2).replace(" ", "")
        return f"{match.group(1)}_{inner}" if len(inner) == 1 else f"{match.group(1)}_{{{inner}}}"

    return re.sub(r"([A-Za-z_\\{}]+)\[([^\[\]]+)\]", element, _show(expr))


def _is_variable(expr) -> bool:
    return isinstance(expr, (sp.Symbol, sp.Indexed))


_FRESH = itertools.count(1)


def _freshen(expr):
    """Rename every bound sum/product index to a fresh name, so that substitutions never capture it."""

    def rename(node):
        limits, body = [], node.function
        for v, *bounds in node.limits:  # innermost first: an outer index may bound an inner one, (j, 1, i), (i, 1, n)
            fresh = sp.Symbol(f"{v.name}_{next(_FRESH)}'", integer=True)
            body = body.xreplace({v: fresh})
            limits = [(w, *(b.xreplace({v: fresh}) for b in inner)) for w, *inner in limits]
            limits.append((fresh, *bounds))
        return node.func(body, *limits)

    if not isinstance(expr, sp.Basic):
        return expr
    return expr.replace(lambda e: isinstance(e, SUMMED) and not any(
        v.name.endswith("'") for v, *_ in e.limits), rename)


def separate_integration_variables(lhs, rhs):
    r"""``(lhs, rhs)`` with the variable of each definite integral renamed where the claim also uses it free:
    :math:`\theta^y / \int_0^1 \theta^y (1-\theta)^{N-y}\,d\theta` holds one free :math:`\theta` and one bound, and a
    point that sets the free one must leave the bound one alone (sympy's ``subs`` would set the integral's limits)."""
    free = lhs.free_symbols | rhs.free_symbols if isinstance(lhs, sp.Basic) and isinstance(rhs, sp.Basic) else set()

    def rename(node):
        body, limits = node.function, []
        for v, *bounds in node.limits:
            if bounds and v in free:
                fresh = sp.Dummy(v.name, **v.assumptions0)
                body = body.xreplace({v: fresh})
                limits.append((fresh, *bounds))
            else:
                limits.append((v, *bounds))
        return node.func(body, *limits)

    if not free:
        return lhs, rhs
    pick = lambda e: isinstance(e, sp.Integral) and any(bounds and v in free for v, *bounds in e.limits)  # noqa: E731
    return lhs.replace(pick, rename), rhs.replace(pick, rename)


def array_arguments(expr, functions: dict) -> set:
    r"""The names ``expr`` passes bare to a known function where its parameter is an array (``x`` of
    ``\mathrm{LSE}(x)`` after :math:`\mathrm{LSE}(x) = \log\sum_i e^{x_i}`): vectors, in every argument of the
    claim (:func:`_instantiate`)."""
    out = set()
    for f in expr.atoms(AppliedUndef) if isinstance(expr, sp.Basic) else ():
        for params, body in functions.get(f.func.__name__, ()):
            if len(params) == len(f.args):
                out |= {a for p, a in zip(params, f.args) if isinstance(a, sp.Symbol) and _array_parameter(p, body)}
    return out


def _array_parameter(p, body) -> bool:
    return isinstance(p, sp.Symbol) and isinstance(body, sp.Basic) and any(
        str(e.base.label) == p.name for e in body.atoms(sp.Indexed))


def _entrywise(p, a, body, vectors):
    r"""``body`` with each entry ``p[i]`` of the array parameter ``p`` replaced by the entry of the argument ``a``:
    the vectors of ``a`` at ``i``, its other names as they are (``(x + c)_i = x_i + c``, ``(x/t)_i = x_i/t``); None
    when ``a`` names no vector (which of its names is a vector is not said), or names a capital or bold one beside
    it (``W x``: a matrix times the vector, not a number times each entry)."""
    held = {v for v in a.free_symbols if v in vectors}
    if not held or any(re.match(r"\\(?:math|bold)|[A-Z]", str(o)) for o in a.free_symbols - held):
        return None  # f(W x): a capital or bold name beside the vector may be a matrix, not a number
    return body.replace(lambda e: isinstance(e, sp.Indexed) and str(e.base.label) == p.name,
                        lambda e: a.xreplace({v: sp.IndexedBase(v)[e.indices] for v in held}))


def _instantiate(application, cases, vectors=frozenset()):
    r"""``f(a)`` with ``f(x) = body`` known: ``body`` with ``x -> a`` (``sigma(z_j)`` from ``sigma(z_i)``).  A
    gradient defined for one function (``\nabla f = [\partial f / \partial x_i]_i``: in ``f``'s own variables)
    stands only for that function's gradient, never for ``\nabla L(M)``.  An array parameter given an expression
    (``\mathrm{LSE}(x + c)``) takes it entry by entry over the ``vectors`` (:func:`array_arguments`); with none
    among its names the application is left as it is (relabelling the array ``x`` as ``x + c`` read ``(x + c)_1``
    as a name of its own, and ``\mathrm{LSE}(x + c) = \mathrm{LSE}(x) + c`` was refuted)."""
    literal = application.func.__name__.startswith("nabla")
    for params, body in cases:
        if len(params) != len(application.args):
            continue
        mapping = {}
        for p, a in zip(params, application.args):
            if literal and p != a:
                mapping = None
                break
            if _array_parameter(p, body) and not isinstance(a, sp.Symbol):
                body = _entrywise(p, a, body, vectors)
                if body is None:
                    mapping = None
                    break
                continue
            if isinstance(p, sp.Symbol) and p != a and entries(p, body):
                mapping = None  # f(\mathbf{x}) = x_1^2 + 2 x_2^2 applied elsewhere: its entries are not renamed
                break
            if isinstance(p, sp.Symbol) and p != a and _subscript_partners(p, params, body):
                mapping = None  # [y_0, y_1] = (y_1 - y_0)/(x_1 - x_0) at [y_1, y_2]: x_1 - x_0 would stay
                break
            if isinstance(p, sp.Symbol):
                mapping[p] = a
            elif isinstance(p, sp.Indexed) and isinstance(a, sp.Indexed) and p.base == a.base \
                    and len(p.indices) == len(a.indices) and all(isinstance(i, sp.Symbol) for i in p.indices):
                mapping.update(zip(p.indices, a.indices))
            elif p != a:
                mapping = None
                break
        if mapping is not None:
            return body.xreplace(mapping)
    return application


def _subscript_partners(parameter: sp.Symbol, params, body) -> bool:
    r"""Whether ``body`` holds a name other than the parameters with the parameter's subscript: in
    $[y_0, y_1] = \frac{y_1 - y_0}{x_1 - x_0}$ the $x_0, x_1$ go with $y_0, y_1$, so the definition is of those
    points only, and at other arguments ($[y_1, y_2]$) renaming the $y$ alone would keep the wrong $x$."""
    sub = subscript_of(parameter)
    if sub is None:
        return False
    base = base_name(parameter)
    return any(isinstance(other, sp.Symbol) and base_name(other) != base
               and (subscript_of(other) or "").strip("{}") == sub.strip("{}")
               for other in body.free_symbols - set(params))


def _derivative_match(expr, pattern):
    """The index substitution making ``expr`` equal to the defined derivative ``pattern``, or None."""
    if not isinstance(expr, sp.Derivative) or expr.expr != pattern.expr:
        return None
    if len(expr.variable_count) != len(pattern.variable_count):
        return None
    mapping = {}
    for (v, n), (pv, pn) in zip(expr.variable_count, pattern.variable_count):
        if n != pn:
            return None
        if v == pv:
            continue
        if isinstance(v, sp.Indexed) and isinstance(pv, sp.Indexed) and v.base == pv.base \
                and all(isinstance(i, sp.Symbol) for i in pv.indices):
            mapping.update(zip(pv.indices, v.indices))
        else:
            return None
    return mapping


ONE_BASED = "indices shifted from the notes' 1-based ones"
"""The note of a Step whose arrays and free indices were shifted to 0-based (readers.latex.parse.to_zero_based):
its counterexample is shifted back, whether or not the claim has a free index (``\\sum_{k=1}^K y_k``)."""


def _one_based(counterexample: dict, indices) -> dict:
    """A checker counterexample (0-based) as the notes write it: ``y[0]`` is ``y[1]``, ``i=0`` is ``i=1``."""
    names = {str(i) for i in indices}

    def shift(match):
        return str(int(match.group(1)) + 1)

    out = {}
    for key, value in counterexample.items():
        key = re.sub(r"(?<=[\[ ,])(\d+)(?=[\],])", shift, key) if key.endswith("]") else key
        if key == "at" and names:
            value = re.sub(r"\b(" + "|".join(map(re.escape, names)) + r")=(\d+)",
                           lambda m: f"{m.group(1)}={int(m.group(2)) + 1}", value)
        out[key] = value
    return out


def bind_limit_variables(expr):
    r"""``\lim_{n\to\infty} G_n`` after ``G_n = \sum_{k=0}^{n-1} \gamma^k r``: the limit's ``n`` (read as a real
    name) and the ``n`` of the definition (a size, a positive integer) are one name, so the limit binds the sum's
    ``n``; two symbols of one name would leave ``n`` free, and a size fixed inside a limit over it."""
    def bind(node):
        body, z, z0, direction = node.args
        if not isinstance(z, sp.Symbol):  # a limit whose variable a definition replaced: not this rule's to bind
            return node
        same = {s for s in body.free_symbols if isinstance(s, sp.Symbol) and s.name == z.name and s != z}
        if len(same) != 1 or z in body.free_symbols:
            return node
        return sp.Limit(body, same.pop(), z0, str(direction))

    return expr.replace(lambda e: isinstance(e, sp.Limit), bind) if expr.has(sp.Limit) else expr


def _indices_and_sizes(parts, *, zero_based: bool = False) -> tuple[dict, list]:
    """Free indices with ranges (1-based, or 0-based) from the arrays' lengths, and the size symbols."""
    lengths, sizes, bound, bounds = {}, set(), set(), set()
    for part in parts:
        for node in part.atoms(sp.Sum, sp.Product):
            for v, lo, hi in node.limits:
                bound.add(v)
                sizes |= {s for s in (hi.free_symbols | lo.free_symbols) if s.is_integer and s.is_positive}
                bounds |= {s for s in (hi.free_symbols | lo.free_symbols) if s.is_integer and not s.is_negative}
                for element in node.function.atoms(sp.Indexed):
                    for position, i in enumerate(element.indices):
                        if i == v:
                            lengths.setdefault((element.base, position), hi - lo + 1)
    # an index letter as a bound (sum_{l=1}^{k} beside sum_{i=1}^{d}) sizes its sum as d does, unless it indexes an
    # array too (x_{ik}); the checker sized such a bound when it was alone, and left it unexpanded beside d
    indexing = {s for part in parts for element in part.atoms(sp.Indexed) for i in element.indices
                for s in i.free_symbols}
    sizes |= {s for s in bounds - bound - indexing if any(s in part.free_symbols for part in parts)}
    free = set()
    for part in parts:
        for element in part.atoms(sp.Indexed):
            for i in element.indices:
                free |= {s for s in i.free_symbols if s.is_integer and s not in sizes}
        for delta in part.atoms(sp.KroneckerDelta):
            free |= {s for s in delta.free_symbols if s.is_integer and s not in sizes}
    mentioned = set().union(*(_mentioned(part) for part in parts))
    free = {i for i in free if i in mentioned}
    indices = {}
    for index in sorted(free, key=str):
        length = None
        for part in parts:
            for element in part.atoms(sp.Indexed):
                for position, i in enumerate(element.indices):
                    if i == index and (element.base, position) in lengths:
                        length = length or lengths[(element.base, position)]
        if length is None:
            length = sp.Symbol("N", integer=True, positive=True)
        sizes |= length.free_symbols
        indices[index] = (sp.Integer(0), length - 1) if zero_based else (sp.Integer(1), length)
    bound_elsewhere = {s for s in sizes if not any(s in part.free_symbols for part in parts)}
    return indices, sorted(sizes - bound_elsewhere, key=str)  # lim_{n -> oo} sum_{k<n}: n is the limit's, no size


def _mentioned(part) -> set:
    r"""The free symbols of ``part`` and those of the entries it differentiates by: in
    :math:`\frac{\partial \mu}{\partial x_j}` the index j is free (the claim is about every entry), though sympy
    counts the variable ``x[j]`` of a derivative as bound."""
    out = set(part.free_symbols)
    for node in part.atoms(sp.Derivative):
        out |= {s for v in node.variables if isinstance(v, sp.Indexed) for s in v.free_symbols}
    return out


def _domains(parts, assumptions) -> dict:
    """Positive standard deviations and floors (by name); probability vectors from ``sum_k y_k = 1``."""
    from symbolic.domains import Positive, Simplex

    domains = {}
    for part in parts:
        for s in part.free_symbols:
            if isinstance(s, sp.Symbol) and s.name.startswith(POSITIVE_NAMES) and not s.is_integer:
                domains[s] = Positive()
        for base in part.atoms(sp.IndexedBase):
            if str(base.label).startswith(POSITIVE_NAMES):
                domains[base] = Positive()
    for a in assumptions:
        if _is_simplex_condition(a):
            domains[a.lhs.function.base] = Simplex()
    return domains


def _is_simplex_condition(condition) -> bool:
    r"""``\sum_k y_k = 1`` over a whole array."""
    return isinstance(condition, sp.Eq) and condition.rhs == 1 and isinstance(condition.lhs, sp.Sum) \
        and isinstance(condition.lhs.function, sp.Indexed) and len(condition.lhs.limits) == 1 \
        and condition.lhs.function.indices == (condition.lhs.limits[0][0],)


ELLIPSIS = "the formula contains an ellipsis"
"""Why a claim with ``\\ldots`` left in it is not checked (readers.notes.decimals reads ``3.14\\ldots``)."""


NOT_A_FUNCTION_OF = "is not given as a function of"
"""Why ``\frac{dh}{db}`` is not checked when ``h`` does not mention ``b`` (readers.notes.check reads ``h'(b)``)."""


def _unchecked(lhs, rhs) -> str:
    """Why a claim cannot be checked (unknown functions, opaque derivatives, ellipses), or ''."""
    both = [lhs, rhs]
    if any(e.has(MatrixLiteral) for e in both):
        return "a matrix written out entry by entry (matrix literals are read, not checked)"
    unknown = sorted({f.func.__name__ for e in both for f in e.atoms(AppliedUndef)
                      if not isinstance(f, (Given, PlusMinus))})
    if unknown:
        return f"unknown functions: {', '.join(unknown)}"
    for e in both:
        if any(s.name == r"\ldots" for s in e.free_symbols if isinstance(s, sp.Symbol)):
            return ELLIPSIS
        for d in e.atoms(sp.Derivative):
            for v, _ in d.variable_count:
                if not _depends(d.expr, v) and not d.expr.is_number:
                    return f"{_show(d.expr)} {NOT_A_FUNCTION_OF} {_show(v)}"
        if e.has(Expectation):
            return "an expectation that cannot be evaluated"
    return ""


def _depends(expr, variable) -> bool:
    """Whether ``expr`` mentions ``variable`` (for an element ``z[j]``: any element of ``z``)."""
    if variable in expr.free_symbols:
        return True
    return isinstance(variable, sp.Indexed) and any(e.base == variable.base for e in expr.atoms(sp.Indexed))


def _propto_variable(lhs):
    if isinstance(lhs, AppliedUndef):
        for a in lhs.args:
            if isinstance(a, sp.Symbol):
                return a
    return None



def _concrete_limit(lhs, rhs, variable, conditions):
    """The limit at one concrete instance: sizes ``LIMIT_SIZE``, indices satisfying the conditions,
    elements as plain symbols; ``(lhs, rhs, variable, values)`` or a reason."""
    parts = [lhs, rhs, variable, *conditions]
    indices, sizes = _indices_and_sizes([_freshen(p) for p in parts])
    values = {s: sp.Integer(LIMIT_SIZE) for s in sizes}
    free = sorted(set(indices) | {s for c in conditions for s in c.free_symbols if s.is_integer}, key=str)
    fixed = {}
    if isinstance(variable, sp.Indexed):
        for i in variable.indices:
            if isinstance(i, sp.Symbol):
                fixed[i] = sp.Integer(1)
    choice = None
    for combo in itertools.product(range(1, LIMIT_SIZE + 1), repeat=len(free)):
        assign = dict(zip(free, map(sp.Integer, combo)))
        if any(assign[i] != v for i, v in fixed.items() if i in assign):
            continue
        if all(as_expr(c).xreplace({**assign, **values}) == sp.true for c in conditions):
            choice = assign
            break
    if choice is None:
        return "no concrete indices satisfy the conditions"
    values.update(choice)
    concrete = [_write_out(as_expr(p).xreplace(values)) for p in (lhs, rhs, variable)]
    elements = {e: sp.Symbol(str(e), real=True) for p in concrete for e in p.atoms(sp.Indexed)}
    left, right, var = (p.xreplace(elements) for p in concrete)
    if not isinstance(var, sp.Symbol):
        return f"the limit variable {variable} is not a single symbol"
    return left, right, var, {str(k): str(v) for k, v in values.items()}


def _write_out(expr):
    r"""Sums and products over integer limits written out term by term, then the derivatives taken (each
    ``Derivative`` node, not the whole expression: ``doit`` on all of it also looked for closed forms of the sums
    over symbolic limits left, Gosper's algorithm on each, seconds a block)."""
    expr = written_out(expr)
    if expr.has(sp.Derivative):
        expr = expr.replace(lambda e: isinstance(e, sp.Derivative), lambda e: e.doit(deep=False))
    return expr


def _norm(name: str) -> str:
    r"""A name for matching: ``\hat{y}`` and ``yhat``, ``L_{origin}`` and ``L_origin``, ``lamda`` and ``lambda``."""
    s = re.sub(r"\\(?:hat|widehat)\{([^{}]*)\}", r"\1hat", name)
    s = re.sub(r"\\(?:mathcal|mathbf|mathbb|boldsymbol|mathrm|bm|operatorname|text)\{([^{}]*)\}", r"\1", s)
    s = re.sub(r"[\\{}_\s]", "", s)
    return s.replace("lamda", "lambda").replace("varepsilon", "epsilon")
