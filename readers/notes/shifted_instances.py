r"""A member of a family at a shifted subscript: after $\delta_t = r_t + \gamma V(s_{t+1}) - V(s_t)$, the
$\delta_{t+1}$ of $\delta_t + \gamma\delta_{t+1} = \dots$ is that definition one step on, every subscript of its
body that counts from $t$ moved by the same step:

.. math:: \delta_{u+c} = \text{body}\big|_{t \to u + c}: \quad r_t \mapsto r_{u+c},\quad s_{t+1} \mapsto s_{u+c+1}

with ``c`` an integer and ``u`` a letter; subscripts of the form ``t``, ``t+k``, ``t-k`` only.  A recurrence (the
family's own name in its body at a subscript that counts from the letter, $h_t = f(h_{t-1})$) is left to
readers.notes.recurrences; a member at a fixed subscript is the family's start and stays as it is
($\eta_{t+1} = \eta_0 e^{-k(t+1)}$ after $\eta_t = \eta_0 e^{-kt}$).

Read as free names instead, ``\delta_{t+1}`` or the ``r_{t+l}`` of $\sum_l \gamma^l r_{t+l}$ (one value for every
term of the sum) make a claim fail for values the notes never allow: :func:`unread_names` names what is still read
so, and a claim resting on such a name is not refuted.
"""
from __future__ import annotations

import re

import sympy as sp

_BASE = r"(\\?[A-Za-z]+|\\[A-Za-z]+\{\\?[A-Za-z]+\})"
_MEMBER = re.compile(_BASE + r"_(?:\{\s*([a-z])\s*(?:([+-])\s*(\d+))?\s*\}|([a-z]))$")
_ANY_SUBSCRIPT = re.compile(_BASE + r"_(\{.*\}|[A-Za-z0-9])$")


def member(name: str) -> tuple[str, str, int] | None:
    """``(base, letter, offset)`` of a name subscripted ``t``, ``t+k`` or ``t-k``: ``s_{t+1}`` is ``(s, t, 1)``."""
    m = _MEMBER.match(name)
    if not m:
        return None
    if m.group(5):
        return m.group(1), m.group(5), 0
    step = int(m.group(4) or 0)
    return m.group(1), m.group(2), -step if m.group(3) == "-" else step


def spelled(base: str, letter: str, offset: int) -> str:
    """The name of ``(base, letter, offset)`` as the LaTeX reader spells it: ``s_t``, ``s_{t+1}``, ``s_{t-2}``."""
    if offset == 0:
        return f"{base}_{letter}"
    return f"{base}_{{{letter}{'+' if offset > 0 else '-'}{abs(offset)}}}"


def _families(symbols: dict) -> dict:
    """``{base: (letter, body)}`` for the definitions ``base_t = body`` (one letter each, not a recurrence)."""
    found = {}
    for key, body in symbols.items():
        m = member(key.name) if isinstance(key, sp.Symbol) else None
        if m is None or m[2] != 0 or not isinstance(body, sp.Basic):
            continue
        found.setdefault(m[0], []).append((m[1], body))
    return {base: defs[0] for base, defs in found.items() if len(defs) == 1 and not any(
        _ANY_SUBSCRIPT.match(s.name) and _ANY_SUBSCRIPT.match(s.name).group(1) == base
        and _mentions(s.name, defs[0][0]) for s in defs[0][1].atoms(sp.Symbol))}  # eta_0 in eta_0 e^{-kt}: a start


def _mentions(name: str, letter: str) -> bool:
    m = _ANY_SUBSCRIPT.match(name)
    return bool(m) and re.search(r"(?<![A-Za-z\\])" + letter + r"(?![A-Za-z])", m.group(2)) is not None


def shifted_instances(expr, symbols: dict):
    """``expr`` with each undefined ``base_{u+c}`` of a defined family ``base_t`` replaced by the family's body at
    ``t = u + c`` (module docstring); a member whose body has a subscript it cannot move is left as it is."""
    if not symbols or not isinstance(expr, sp.Basic):
        return expr
    families = _families(symbols)
    if not families:
        return expr
    written = {member(s.name): s for s in expr.atoms(sp.Symbol) if member(s.name)}
    mapping = {}
    for s in expr.atoms(sp.Symbol):
        m = member(s.name)
        if s in symbols or m is None or m[0] not in families:
            continue
        base, letter, step = m
        t, body = families[base]
        moved = {}
        for b in body.atoms(sp.Symbol):
            k = member(b.name)
            if b.name == t:
                u = next((x for x in expr.atoms(sp.Symbol) if x.name == letter), sp.Symbol(letter, **b.assumptions0))
                moved[b] = u + step
            elif k is not None and k[1] == t:
                target = (k[0], letter, k[2] + step)
                moved[b] = written.get(target) or sp.Symbol(spelled(*target), **b.assumptions0)
            elif _mentions(b.name, t):
                break  # x_{2t}, x_{t,i}: a subscript this reading cannot move
        else:
            mapping[s] = body.xreplace(moved)
    return expr.xreplace(mapping) if mapping else expr


def unread_names(exprs, symbols: dict) -> list[str]:
    r"""Names a claim still reads as free values although the notes mean members of a sequence: a member of a
    defined family left unread (``\delta_{t+l}`` after ``\delta_t = \dots``), and a name subscripted by the index of
    a sum or product around it (``r_{t+l}`` in :math:`\sum_l \gamma^l r_{t+l}`, one value for every term)."""
    families = _families(symbols) if symbols else {}
    out = set()
    for e in exprs:
        if not isinstance(e, sp.Basic):
            continue
        for s in e.atoms(sp.Symbol):
            m = _ANY_SUBSCRIPT.match(s.name)
            if m and m.group(1) in families and s not in symbols \
                    and s.name not in {b.name for b in families[m.group(1)][1].atoms(sp.Symbol)}:  # eta_0, the start
                out.add(s.name)
        for node in e.atoms(sp.Sum, sp.Product):
            letters = {str(v) for v, *_ in node.limits}
            out |= {s.name for s in node.function.atoms(sp.Symbol) if any(_mentions(s.name, v) for v in letters)}
    return sorted(out)
