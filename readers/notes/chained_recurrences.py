r"""A chain that opens with a recurrence: the links after the first are claims about the sequence it sets.

.. math:: x_{k+1} = x_k - \alpha\lambda x_k = (1 - \alpha\lambda) x_k = (1 - \alpha\lambda)^{k+1} x_0

The first link states the recurrence $x_{k+1} = F(x_k)$ (an assignment, nothing to check); every later link names
the sequence at steps tied by it, so it is checked by running the recurrence (readers.notes.recurrences), never
with $x_k$ and $x_0$ as independent values (there $(1 - \alpha\lambda) x_k = (1 - \alpha\lambda)^{k+1} x_0$ fails
though every run of the recurrence satisfies it).  Iterates written with a superscript step are read the same way:
``x^{(k+1)}`` (readers.notes.iterates' label of $x^{k+1}$) is the step ``k + 1`` of ``x``, and the coordinate ``i``
of ``x^{(k)}[i]`` ($x_i^k$) belongs to the sequence's name: $x_i^{k+1} = (1 - \alpha\lambda_i) x_i^k$ is one
recurrence per coordinate.

Unrolled down to the first step $x_0$, left symbolic (any start), a link that differs at every step of
``recurrences.STEPS`` is false for the sequence the same chain defines: a concrete step, start and parameter values
where the two sides differ are its counterexample.  A link that differs only at some steps, only through a name
the recurrence does not use (a quantity of the notes set elsewhere), or only where the sequence does not start at 0
while the link never names its first step ($v_t = \sum_{\tau=0}^{t-1} \beta^\tau g_{t-\tau}$ after
$v_t = \beta v_{t-1} + g_t$, "initialised at zero" in words), is left undecided.
"""
from __future__ import annotations

import re

import sympy as sp

from readers.notes.recurrences import STEPS, Recurrence, _Unreadable, _at_step, _difference, _linear, _unroll
from readers.notes.recurrences import _vocabulary, as_steps, recurrence

_LABEL = re.compile(r"^(?P<base>.+?)\^\{\((?P<step>[^()]*)\)\}$")
"""An iterate's label, ``w^{(k+1)}`` (readers.notes.iterates)."""


def labelled_steps(expr):
    r"""``expr`` with iterate labels as steps of a sequence: ``w^{(k+1)}`` as ``w[k + 1]``, the coordinate entry
    ``x^{(k)}[i]`` as ``x_{i}[k]`` (one sequence per coordinate); other names unchanged."""
    mapping = {}
    for s in expr.free_symbols:
        m = _LABEL.match(s.name) if isinstance(s, sp.Symbol) else None
        step = _linear(m.group("step")) if m is not None else None
        if step is not None:
            mapping[s] = sp.IndexedBase(m.group("base"))[step]
    for e in expr.atoms(sp.Indexed):
        m = _LABEL.match(str(e.base.label))
        step = _linear(m.group("step")) if m is not None else None
        if step is not None:
            coordinates = ",".join(sp.sstr(i) for i in e.indices)
            mapping[e] = sp.IndexedBase(f"{m.group('base')}_{{{coordinates}}}")[step]
    return expr.xreplace(mapping) if mapping else expr


def opening_recurrence(lhs, rhs) -> Recurrence | None:
    r"""The recurrence ``lhs = rhs`` states (``x_{k+1} = (1 - \alpha\lambda) x_k``, ``x_i^{k+1} = x_i^k - \dots``),
    or None."""
    try:
        return recurrence(labelled_steps(lhs), labelled_steps(rhs))
    except (TypeError, ValueError, AttributeError):
        return None


def at_one_step(lhs, rhs, found: Recurrence) -> bool:
    r"""Whether both sides of ``lhs = rhs`` name ``found``'s sequence at one and the same step and at no other
    (``\theta_{t-1} - \eta\lambda\theta_{t-1} = (1 - \lambda)\theta_{t-1}``): an identity in that one value, which
    holds or fails whatever value the sequence takes there (checked as an ordinary identity).  Not so for
    ``\beta v_{t-1} + g_t = \sum_\tau \beta^\tau g_{t-\tau}``, whose right side is that value run from the start."""
    steps = [{i.indices[0] for i in as_steps(labelled_steps(e), found.base).atoms(sp.Indexed)
              if str(i.base.label) == found.base and len(i.indices) == 1} for e in (lhs, rhs)]
    return len(steps[0]) == 1 and steps[0] == steps[1]


def any_start_differences(lhs, rhs, found: Recurrence) -> dict:
    """``{step: difference}`` at each step of ``STEPS`` where ``lhs = rhs``, unrolled with ``found`` down to its first
    step (left as a free value), differs; {} when it cannot be unrolled, when a step is left that the unrolling did
    not reach, when the claim uses a name the recurrence does not (another quantity: another reading) or an input at
    a step the recurrence never uses (``g_0`` of ``v_t = \beta v_{t-1} + g_t``, no value of the notes), or when it
    holds from a first step 0 that the claim does not name (the notes may start there in words)."""
    left, right = as_steps(labelled_steps(lhs), found.base), as_steps(labelled_steps(rhs), found.base)
    used = (_vocabulary(left) | _vocabulary(right)) - {found.step.name}
    if not used <= _vocabulary(found.body) | {found.base}:
        return {}
    out = {}
    for step in STEPS:
        try:
            values = [_unroll(_at_step(e, found.step.name, step), found) for e in (left, right)]
        except _Unreadable:
            return {}
        if any(str(i.base.label) == found.base and i.indices[0] != 0 for v in values for i in v.atoms(sp.Indexed)):
            return {}
        difference = _difference(values[0], values[1])
        reached = _unroll(sp.IndexedBase(found.base)[step], found).atoms(sp.Indexed)
        if any(i not in reached and all(x.is_Integer for x in i.indices) for i in difference.atoms(sp.Indexed)):
            return {}  # sum_{tau=0}^{t} beta^tau g_{t-tau}: g_0, an input the recurrence never uses, has no value
        if difference != 0:
            out[step] = difference
    first = sp.IndexedBase(found.base)[0]
    if not any(i == first for e in (left, right) for i in e.atoms(sp.Indexed)) \
            and all(sp.expand(d.xreplace({first: 0})) == 0 for d in out.values()):
        return {}  # v_t = beta v_{t-1} + g_t = sum_tau beta^tau g_{t-tau}: holds from v_0 = 0, a start said in words
    return out


def from_first_step(lhs, rhs, found: Recurrence) -> bool:
    r"""Whether ``lhs = rhs`` writes ``found``'s sequence at a letter step in closed form from its first step, which
    the claim names (``x_k = c^k x_0 + b (1 - c^k)/(1 - c)`` after ``x_{k+1} = c x_k + b``, ``f(x_k) = \rho^k f(x_0)``):
    the left side names the sequence at one step holding the step letter, the right side at step 0 and no other.
    Such a claim says where the sequence starts, so a difference at every step is not a start the notes left
    unsaid."""
    left, right = as_steps(labelled_steps(lhs), found.base), as_steps(labelled_steps(rhs), found.base)
    named = [{i.indices for i in e.atoms(sp.Indexed) if str(i.base.label) == found.base} for e in (left, right)]
    if len(named[0]) != 1 or len(next(iter(named[0]))) != 1:
        return False
    (index,), = named[0]
    return found.step in index.free_symbols and named[1] == {(0,)}


def one_step_relation(lhs, rhs, found: Recurrence) -> bool:
    r"""Whether ``lhs = rhs`` relates two neighbouring steps of ``found``'s sequence and no others, without restating
    an update (``1 - a x_{k+1} = (1 - a x_k)^2``, ``x_{k+1} - \sqrt{a} = (x_k - \sqrt{a})^2 / x_k``; not
    ``x_{k+1} = x_k / 3``, which may start another iteration): wherever the sequence starts, the next step must
    satisfy it, so a difference at every step from any first step is a counterexample."""
    left, right = as_steps(labelled_steps(lhs), found.base), as_steps(labelled_steps(rhs), found.base)
    if any(isinstance(e, sp.Indexed) and str(e.base.label) == found.base for e in (left, right)):
        return False
    steps = {i.indices for e in (left, right) for i in e.atoms(sp.Indexed) if str(i.base.label) == found.base}
    if len(steps) != 2 or any(len(i) != 1 for i in steps):
        return False
    (a,), (b,) = steps
    return (a - b) in (1, -1) and found.step in a.free_symbols


def one_step_difference(lhs, rhs, found: Recurrence):
    r"""``lhs - rhs`` of a :func:`one_step_relation`, its later step replaced by the recurrence once, the earlier step a
    free value ``X`` (any start reaches it: the sequence may start there), over one denominator: 0 when the relation
    holds at every step of every run, else an expression in ``X`` and the recurrence's names; None when a name the
    recurrence does not use is left (another quantity) or it cannot be formed."""
    left, right = as_steps(labelled_steps(lhs), found.base), as_steps(labelled_steps(rhs), found.base)
    steps = sorted({i.indices[0] for e in (left, right) for i in e.atoms(sp.Indexed) if str(i.base.label) == found.base},
                   key=sp.default_sort_key)
    base = sp.IndexedBase(found.base)
    high = next(i for i in steps if any((i - j) == 1 for j in steps))
    low = high - 1
    try:
        body = found.body.xreplace({found.step: high - found.offset})
        body = body.replace(lambda e: isinstance(e, sp.Indexed), lambda e: e.base[tuple(sp.expand(i) for i in e.indices)])
        value = sp.Symbol(f"{found.base}_{{{sp.sstr(low)}}}")
        difference = (left - right).xreplace({base[high]: body}).replace(
            lambda e: isinstance(e, sp.Indexed), lambda e: e.base[tuple(sp.expand(i) for i in e.indices)])
        difference = difference.xreplace({base[sp.expand(low)]: value})
    except (TypeError, ValueError, AttributeError):
        return None
    if difference.atoms(sp.Indexed) or not (_vocabulary(difference) - {value.name} <= _vocabulary(found.body)):
        return None
    return sp.cancel(sp.together(sp.expand(difference)))


def as_plain_names(difference):
    """``difference`` with each array entry (``x_{i}[0]``, ``lambda[i]``) a plain name of its own, so that a witness
    gives it one value."""
    return difference.xreplace({i: sp.Symbol(sp.sstr(i)) for i in difference.atoms(sp.Indexed)})
