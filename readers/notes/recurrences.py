r"""Unrolled recurrences: a claim about the steps of a recurrence, checked by running the recurrence.

After the notes state a recurrence $x_t = F(x_{t-1}, t)$ (or $x_{t+1} = F(x_t, t)$), a claim that names $x$ at steps
of $t$ is about that sequence, not an identity of free names:

.. math:: v_t = \beta v_{t-1} + g_t \quad\Longrightarrow\quad v_t = \beta^2 v_{t-2} + \beta g_{t-1} + g_t
          = \sum_{\tau=0}^{t-1} \beta^\tau g_{t-\tau} \ (v_0 = 0), \qquad x_{t+1} = (1-\eta\lambda) x_t
          \quad\Longrightarrow\quad x_t = (1-\eta\lambda)^t x_0.

The claim is evaluated at each step ``t`` in ``STEPS``: sums over a bounded range are written out, and every $x_n$
with ``n`` above the first step ``0`` is replaced by the recurrence until only $x_0$ is left; the two sides are then
compared exactly (``sympy.expand``), every other name kept symbolic.  Equal at every step: *verified* (exact at
those steps; evidence, not a proof for every ``t``).  Equal only with $x_0 = 0$: *undecided*, holds where the
sequence starts at 0.  Else *undecided*: the notes may start the sequence elsewhere or mean another recurrence.
Subscripts are read as sums of integers and single letters (``t-\tau``, ``t, t-1``), nothing else.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import sympy as sp

STEPS = (3, 4, 5)
"""Steps at which a claim is unrolled (above every offset the notes write, ``t-2``, ``t+1``)."""
MAX_UNROLL = 60
"""Replacements of a step by the recurrence before giving up (STEPS times the terms per step, with room)."""

MAX_TERM_UNKNOWNS = 4
"""Names of a recurrence solved for from the terms the notes give (``terms_contradict``): beyond, nothing certain."""
_SUBSCRIPTED = re.compile(r"^(?P<base>.+?)(?:_(?:\{(?P<braced>[^{}]*)\}|(?P<plain>[A-Za-z0-9]))"
                          r"|\^\{\((?P<label>[^()]*)\)\})$")
"""``x_{t+1}``, ``x_t``, or an iterate's step label ``w^{(k+1)}`` (readers.notes.iterates writes ``w^{k+1}`` so):
a superscript step is the same step of the same sequence as a subscript one."""
_TOKEN = re.compile(r"\s*(\\[A-Za-z]+|[A-Za-z]|\d+|[+-])")


@dataclass(frozen=True)
class Recurrence:
    base: str  # the name without its subscript: \mathbf{v}
    step: sp.Symbol  # the step letter of the left side: t
    offset: int  # the left side is base_{step + offset}
    body: sp.Basic  # the right side, subscripted names as Indexed
    line: int = 0  # the line the notes state it on: a claim there is the recurrence itself, not a claim about it
    paragraph: int = -1  # the paragraph it is stated in: a closed form there is a claim about it, right or wrong
    start: tuple = ()  # ((name, value),): the first step its own row gives (x_{t+1} = F(x_t), \quad x_0 = 1)


def own_start(base: str, conditions) -> tuple:
    r"""``((name, value),)`` for a side condition of the recurrence's row that sets its first step
    (``s_n = s_{n-1} + 4, \qquad s_0 = 1``), else ()."""
    return tuple((c.lhs.name, c.rhs) for c in conditions if isinstance(c, sp.Eq) and is_start(c.lhs, base)
                 and not c.rhs.free_symbols)[-1:]


def is_start(name, base: str) -> bool:
    r"""Whether ``name`` is the first step of the sequence ``base``: ``x_0``, ``x_{0}``, or the label ``x^{(0)}``."""
    return isinstance(name, sp.Symbol) and subscript(name.name) == (base, (0,))


def subscript(name: str):
    """``('x', (t + 1,))`` for the name ``x_{t+1}``; None when the subscript is not integers and letters."""
    m = _SUBSCRIPTED.match(name)
    if m is None:
        return None
    text = next(t for t in (m.group("braced"), m.group("plain"), m.group("label")) if t is not None)
    parts = []
    for part in text.split(","):
        value = _linear(part)
        if value is None:
            return None
        parts.append(value)
    return m.group("base"), tuple(parts)


def _linear(text: str):
    """``t - \\tau - 1`` as a sympy sum of integers and letters, or None."""
    pos, sign, total, seen = 0, 1, sp.Integer(0), False
    text = text.strip()
    if not text:
        return None
    expecting_term = True
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None:
            return None
        token, pos = m.group(1), m.end()
        if token in "+-":
            sign = sign * (-1 if token == "-" else 1)
            expecting_term = True
            continue
        if not expecting_term:
            return None  # t1, 2t: a product or a label, not a step
        term = sp.Integer(int(token)) if token.isdigit() else sp.Symbol(token.lstrip("\\"))
        total, sign, seen, expecting_term = total + sign * term, 1, True, False
    return total if seen else None


def as_steps(expr, base: str | None = None):
    """``expr`` with every name subscripted by a letter (``x_{t-1}``, ``g_k``), and ``base`` at any step (``x_0``),
    as an array entry ``x[t - 1]`` (the letters as plain symbols, by name); ``\beta_1`` stays a name."""
    mapping = {}
    for s in expr.free_symbols:
        if isinstance(s, sp.Symbol):
            found = subscript(s.name)
            if found is not None and (found[0] == base or any(i.free_symbols for i in found[1])):
                mapping[s] = sp.IndexedBase(found[0])[found[1]]
    out = expr.xreplace(mapping)
    out = out.replace(lambda e: isinstance(e, sp.Indexed),  # g[k] the parser built: one base per name
                      lambda e: sp.IndexedBase(str(e.base.label))[e.indices])
    return out.xreplace({s: sp.Symbol(s.name) for s in out.free_symbols if isinstance(s, sp.Symbol)
                         and s.name in _letters(out)})


def _letters(expr) -> set:
    return {str(x) for i in expr.atoms(sp.Indexed) for x in i.indices for x in x.free_symbols}


def recurrence(lhs, rhs) -> Recurrence | None:
    r"""``x_t = F(x_{t-1})`` or ``x_{t+1} = F(x_t)``: the recurrence, or None (no step letter, no earlier step)."""
    found = _named_step(lhs)
    if found is None or len(found[1]) != 1:
        return None
    base, (index,) = found
    letters = index.free_symbols
    if len(letters) != 1:
        return None
    step, = letters
    offset = index - step
    if not offset.is_Integer:
        return None
    body = as_steps(rhs, base)
    step = sp.Symbol(step.name)
    earlier = [i for i in body.atoms(sp.Indexed) if str(i.base.label) == base]
    if not earlier or any(len(i.indices) != 1 or step + offset - i.indices[0] != 1 for i in earlier):
        return None  # a first-order recurrence only: x_t = F(x_{t-2}) is an unrolled form, or another sequence
    return Recurrence(base, step, int(offset), body)


def _named_step(lhs):
    """``(base, indices)`` of ``x_{t+1}`` written as a name or as an array entry ``x[t + 1]``, else None."""
    if isinstance(lhs, sp.Indexed):
        steps = as_steps(lhs)
        return str(steps.base.label), tuple(steps.indices)
    return subscript(lhs.name) if isinstance(lhs, sp.Symbol) else None


def sequences_apart(exprs, recurrences: dict) -> list[str]:
    r"""The bases of ``recurrences`` (``{base: Recurrence}``) that ``exprs`` name at two or more steps, one of them a
    letter (``\theta_t`` beside ``\theta_0`` and ``\theta_s`` of a sum): the recurrence ties those steps, so a failure
    with them set apart as free values refutes nothing."""
    out = []
    for base in recurrences:
        steps = set()
        for e in exprs:
            try:
                steps |= {i.indices for i in as_steps(e, base).atoms(sp.Indexed)
                          if str(i.base.label) == base and len(i.indices) == 1}
            except (TypeError, ValueError, AttributeError):
                continue
        if len(steps) > 1 and any(i[0].free_symbols for i in steps):
            out.append(base)
    return sorted(out)


def unrolled_sum(lhs, rhs, found: Recurrence) -> bool:
    r"""Whether ``lhs = rhs`` writes ``found``'s sequence at a letter step through its first step and a sum over the
    steps between (``w_k = w_0 - \alpha \sum_{i=0}^{k-1} \nabla f(w_i)``, ``\theta^t - \theta^0 = -\eta c
    \sum_{s=0}^{t-1} \theta^s``): the claim names the sequence at step 0, at one step holding the step letter, and
    otherwise only at the index of a sum it stands in.  Such a claim says where the sequence starts, as
    chained_recurrences ``from_first_step`` does."""
    sides = [as_steps(e, found.base) for e in (lhs, rhs)]
    summed = {v.name for e in sides for s in e.atoms(sp.Sum) for v in s.variables}
    steps = {i.indices for e in sides for i in e.atoms(sp.Indexed) if str(i.base.label) == found.base}
    if (0,) not in steps or any(len(i) != 1 for i in steps):
        return False
    letters = [i for i in steps if i != (0,) and not {x.name for x in i[0].free_symbols} <= summed]
    inside = [i for i in steps if i != (0,) and i[0].free_symbols and {x.name for x in i[0].free_symbols} <= summed]
    return len(letters) == 1 and found.step in letters[0][0].free_symbols and bool(inside) \
        and len(letters) + len(inside) + 1 == len(steps)


def reaches_back(lhs, rhs, base: str) -> bool:
    r"""Whether ``lhs = rhs`` sets ``base`` at a step from the same sequence more than one step back
    (``v_t = \beta^2 v_{t-2} + \dots``): an unrolled form of a recurrence, not a new one."""
    found = _named_step(lhs)
    if found is None or found[0] != base or len(found[1]) != 1:
        return False
    earlier = [i.indices[0] for i in as_steps(rhs, base).atoms(sp.Indexed) if str(i.base.label) == base]
    index = found[1][0]
    return any((index - i).is_Integer and index - i > 1 for i in earlier)


def check_unrolled(lhs, rhs, found: Recurrence, start=None) -> tuple[str, str] | None:
    """``(verdict, reason)`` for the claim ``lhs = rhs`` about ``found``'s sequence, or None when the claim does not
    name the sequence at steps of its letter (nothing to unroll).  ``start``: ``{'x_0': value}`` when the notes give
    the first step (it is substituted after unrolling)."""
    left, right = as_steps(lhs, found.base), as_steps(rhs, found.base)
    named = [i for e in (left, right) for i in e.atoms(sp.Indexed) if str(i.base.label) == found.base]
    letter = found.step.name
    if not named or not any(letter in {str(x) for x in i.indices[0].free_symbols} for i in named if i.indices):
        return None
    first = sp.IndexedBase(found.base)[0]
    zero_start = True
    for step in STEPS:
        try:
            values = [_unroll(_at_step(e, letter, step), found) for e in (left, right)]
        except _Unreadable as exc:
            return "undecided", f"a claim about the recurrence for {found.base}: not unrolled ({exc})"
        if start:
            values = [v.xreplace({first: value for value in start.values()}) for v in values]
        difference = _difference(values[0], values[1])
        if difference != 0:
            if sp.expand(difference.xreplace({first: 0})) != 0:
                return "undecided", (f"a claim about the recurrence for {found.base}_{{{letter}}}: unrolled at "
                                     f"{letter} = {step} it differs ({sp.sstr(difference)[:80]}); the notes may "
                                     f"start the sequence elsewhere or mean another recurrence")
            zero_start = False
    if not zero_start and any(i == first for e in (left, right) for i in e.atoms(sp.Indexed)):
        return "undecided", (f"a claim about the recurrence for {found.base}_{{{letter}}}: unrolled it differs unless "
                             f"{found.base}_0 = 0, a value the claim itself names")
    if not zero_start:
        return "undecided", (f"holds where {found.base}_0 = 0: unrolled with the recurrence for "
                             f"{found.base}_{{{letter}}} at {letter} = {', '.join(map(str, STEPS))}, the two sides "
                             f"agree once the sequence starts at 0")
    given = f" with {found.base}_0 as the notes give it" if start else ""
    return "verified", (f"unrolled with the recurrence for {found.base}_{{{letter}}} down to {found.base}_0{given} at "
                        f"{letter} = {', '.join(map(str, STEPS))}: equal exactly at each (evidence for every "
                        f"{letter}, not a proof)")


def terms_contradict(found: Recurrence, start: dict, terms: dict) -> bool:
    r"""Whether the terms the notes give for the sequence after its start (``a_1 = 3``, ``a_2 = 7`` after ``a_0 = 2``)
    are ones the recurrence produces for no values of its other names (``a_n = a_{n-1} + d`` needs ``d = 1`` and
    ``d = 4``): the name then denotes another sequence (a later example reusing ``a_n``), and the recurrence says
    nothing about it.  ``terms``: ``{step: value}``.  True also where the unrolled terms cannot be solved for those
    names (nothing certain), False where some values produce every term."""
    base = sp.IndexedBase(found.base)
    first = base[0]
    equations = []
    for step, value in sorted(terms.items()):
        try:
            term = _unroll(base[step], found)
        except _Unreadable:
            return True
        term = term.xreplace({first: value for value in start.values()})
        equations.append(sp.expand(term - value))
    inputs = {i: sp.Dummy(str(i)) for e in equations for i in e.atoms(sp.Indexed)}  # g_1, g_2: unknowns too
    equations = [e.xreplace(inputs) for e in equations]
    unknowns = sorted(set().union(*(e.free_symbols for e in equations)), key=str)
    if not unknowns:
        return any(e != 0 for e in equations)
    if len(unknowns) > MAX_TERM_UNKNOWNS or not all(
            e.is_polynomial(*unknowns) and sp.Poly(e, *unknowns).total_degree() <= 2 for e in equations):
        return True  # x_t = x_{t-1}^2 + c at eight steps: a system too costly to solve here, nothing certain
    try:
        return not sp.solve(equations, unknowns, dict=True)
    except (NotImplementedError, ValueError, TypeError):
        return True


def closes(lhs, rhs, found: Recurrence) -> bool:
    r"""Whether ``lhs = rhs`` writes ``found``'s sequence in closed form: ``m_k = (1 - \beta^k) g`` after
    ``m_k = \beta m_{k-1} + (1 - \beta) g`` sets the sequence at a step that is a letter (not ``m_0 = 0``, its start),
    and no step of it appears on the right (that would be a new recurrence or an unrolled one)."""
    named = _named_step(lhs)
    if named is None or named[0] != found.base or len(named[1]) != 1 or not named[1][0].free_symbols:
        return False
    return not any(str(i.base.label) == found.base for i in as_steps(rhs, found.base).atoms(sp.Indexed))


def started_differences(lhs, rhs, found: Recurrence, start: dict) -> dict:
    """``{step: difference}`` at each step of ``STEPS`` where the claim about ``found``'s sequence, unrolled down to
    the first step and that step set to the value the notes give (``start``), differs; {} when it cannot be unrolled
    or never differs.  With the recurrence and its start both stated, such a step is a counterexample."""
    left, right = as_steps(lhs, found.base), as_steps(rhs, found.base)
    used = (_vocabulary(left) | _vocabulary(right)) - {found.step.name}
    if not used <= _vocabulary(found.body) | {x.name for v in start.values() for x in v.free_symbols} | {found.base}:
        return {}  # a name the recurrence does not use (a gradient written for its input g_t): another reading
    first = sp.IndexedBase(found.base)[0]
    out = {}
    for step in STEPS:
        try:
            values = [_unroll(_at_step(e, found.step.name, step), found) for e in (left, right)]
        except _Unreadable:
            return {}
        values = [v.xreplace({first: next(iter(start.values()))}) for v in values]
        if any(str(i.base.label) == found.base for v in values for i in v.atoms(sp.Indexed)):
            return {}  # a step the unrolling did not reach: nothing certain
        difference = _difference(values[0], values[1])
        if difference != 0:
            out[step] = difference
    return out


def _vocabulary(e) -> set:
    """The names of ``e``: its free symbols outside subscripts and the names of its sequences (``g`` of ``g_{t-1}``)."""
    stripped = e.xreplace({i: sp.Symbol(str(i.base.label)) for i in e.atoms(sp.Indexed)})
    return {x.name for x in stripped.free_symbols if isinstance(x, sp.Symbol)}


def _difference(left, right):
    """``left - right`` expanded, over one denominator when it does not expand to 0 (``m_3 / (1 - \beta^3) - g``
    with ``m_3 = (1 - \beta^3) g`` is 0)."""
    difference = sp.expand(left - right)
    return difference if difference == 0 else sp.expand(sp.cancel(sp.together(difference)))


def constant_inputs(lhs, rhs, found: Recurrence) -> dict:
    r"""``{g: g}`` (base name to a plain name) for each input sequence of the recurrence that the claim writes bare:
    after $s_t = \gamma s_{t-1} + (1-\gamma) g_t^2$, the claim $s_t = (1 - \gamma^t) g^2$ writes ``g`` and never
    ``g_t``, so it is about a constant input $g_t = g$ ("with a constant gradient $g$")."""
    written = {i.base.label.name for e in (lhs, rhs) for i in as_steps(e, found.base).atoms(sp.Indexed)}
    bare = {x.name: x for e in (lhs, rhs) for x in e.free_symbols if isinstance(x, sp.Symbol)}
    inputs = {str(i.base.label) for i in found.body.atoms(sp.Indexed)} - {found.base}
    return {name: bare[name] for name in inputs if name in bare and name not in written}


def check_constant_input(lhs, rhs, found: Recurrence, inputs: dict, start: dict):
    """``(verdict, reason, differences)`` for the claim read with each input sequence constant (``inputs``), the
    sequence started where the notes start it (``start``): 'verified' when the sides agree at every step of
    ``STEPS`` and at ``1`` (the first step), else 'refuted' with ``{step: difference}`` of the steps where they
    differ; None when it cannot be unrolled."""
    left, right = as_steps(lhs, found.base), as_steps(rhs, found.base)
    first = sp.IndexedBase(found.base)[0]
    constant = {sp.IndexedBase(name): value for name, value in inputs.items()}
    differences = {}
    for step in (1,) + STEPS:
        try:
            values = [_unroll(_at_step(e, found.step.name, step), found) for e in (left, right)]
        except _Unreadable:
            return None
        values = [v.replace(lambda e: isinstance(e, sp.Indexed) and e.base in constant,
                            lambda e: constant[e.base]) for v in values]
        values = [v.xreplace({first: value for value in start.values()}) for v in values]
        difference = sp.expand(values[0] - values[1])
        if difference.atoms(sp.Indexed):
            return None  # another sequence is left: not a claim about constant inputs only
        if difference != 0:
            differences[step] = difference
    shown = ", ".join(f"{found.base}_{{{found.step.name}}}: {name}_{{{found.step.name}}} = {name}" for name in inputs)
    if not differences:
        return "verified", (f"unrolled with the recurrence for {found.base}_{{{found.step.name}}}, its input constant "
                            f"({shown}: the claim writes the bare name), at {found.step.name} = 1, "
                            f"{', '.join(map(str, STEPS))}: equal exactly at each (evidence, not a proof)"), {}
    return "refuted", (f"unrolled with the recurrence for {found.base}_{{{found.step.name}}}, its input constant "
                       f"({shown}: the claim writes the bare name), the sides differ at {found.step.name} = "
                       f"{', '.join(map(str, differences))}"), differences


class _Unreadable(Exception):
    pass


def _at_step(expr, letter, step):
    """``expr`` at ``letter = step``: indices made integers, bounded sums written out."""
    symbol = next((s for s in expr.free_symbols | {x for i in expr.atoms(sp.Indexed) for x in i.indices[0].free_symbols}
                   if isinstance(s, sp.Symbol) and s.name == letter), None)
    if symbol is not None:  # only where it is free: the t of sum_{t=1}^T is the sum's own (subs keeps it)
        expr = expr.subs(symbol, sp.Integer(step)) if _binds(expr, symbol) else expr.xreplace({symbol: sp.Integer(step)})
    expr = expr.replace(lambda e: isinstance(e, sp.Indexed),
                        lambda e: e.base[tuple(sp.expand(i) for i in e.indices)])
    for s in list(expr.atoms(sp.Sum)):
        if all(b.is_Integer for _, lo, hi in s.limits for b in (lo, hi)):
            expr = expr.xreplace({s: _written_out(s)})
    if expr.atoms(sp.Sum):
        raise _Unreadable("a sum whose bounds are not steps")
    return expr


def _binds(expr, symbol) -> bool:
    """Whether a sum, product or integral of ``expr`` runs over ``symbol``."""
    return any(symbol in getattr(e, "variables", ()) for e in expr.atoms(sp.Sum, sp.Product, sp.Integral))


def _written_out(s):
    """A bounded sum as its terms (its variable may appear in subscripts, matched by name)."""
    (var, lo, hi), = s.limits if len(s.limits) == 1 else (None,)
    out = sp.Integer(0)
    for k in range(int(lo), int(hi) + 1):
        term = s.function.xreplace({var: sp.Integer(k)})
        term = term.replace(lambda e: isinstance(e, sp.Indexed),
                            lambda e: e.base[tuple(sp.expand(i.xreplace({x: sp.Integer(k) for x in i.free_symbols
                                                                         if x.name == var.name}))
                                                   for i in e.indices)])
        out += term
    return out


def _unroll(expr, found: Recurrence):
    """Every ``x[n]``, ``n > 0``, replaced by the recurrence until only ``x[0]`` (and below) is left."""
    base = sp.IndexedBase(found.base)
    for _ in range(MAX_UNROLL):
        later = [i for i in expr.atoms(sp.Indexed) if i.base == base and len(i.indices) == 1
                 and i.indices[0].is_Integer and i.indices[0] > 0]
        if not later:
            if any(i.base == base and not i.indices[0].is_Integer for i in expr.atoms(sp.Indexed)):
                raise _Unreadable("a step that is not a number")
            return expr
        mapping = {}
        for i in later:
            n = int(i.indices[0])
            mapping[i] = _at_step(found.body, found.step.name, n - found.offset)
        expr = expr.xreplace(mapping)
    raise _Unreadable("too many steps")
