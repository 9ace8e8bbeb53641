r"""A member of a family defined in closed form, at a subscript the notes pick: a claim, not a new name.

After the cosine schedule $\eta_t = \eta_{min} + \frac12(\eta_{max} - \eta_{min})(1 + \cos\frac{\pi t}{T})$, the rows
"at $t = 0$ this gives $\eta_0 = \eta_{max}$", "at the end $\eta_T = \eta_{min}$", "halfway
$\eta_{T/2} = \frac{\eta_{max} + \eta_{min}}{2}$" state values of that family: each member is the body at its
subscript,

.. math:: \eta_c = \text{body}\big|_{t \to c},

(a member of another family the body has moves with it: $\hat m_1 = m_1/(1 - \beta_1)$ after
$\hat m_t = m_t/(1 - \beta_1^t)$), so the row is a claim (a wrong $\eta_T = \eta_{max}/2$ is a mistake), never the definition of a new name
$\eta_T$.  A subscript is read when it is a number, a name the body has (the horizon $T$), or such a name plus,
minus or over a number (``T/2``, ``T-1``); a multi-letter label (``\eta_{max}``) is another name.  Only a family
whose body has its letter and no member of its own (a recurrence $v_t = \beta v_{t-1} + \dots$ sets its first
member by definition, :mod:`readers.notes.recurrences`), or only at a fixed subscript, its start ($x_t = x_0 + vt$,
$\eta_t = \eta_0 \cdot 0.5^{\lfloor t/s \rfloor}$: the row $x_0 = 5$ sets the start, and $x_3 = 11$ after it and
$v = 2$ is a member), and whose base has one such definition and no recurrence since is read so.
"""
from __future__ import annotations

import re

import sympy as sp

from readers.notes.shifted_instances import _BASE

_FAMILY = re.compile(_BASE + r"_(?:\{([a-z])\}|([a-z]))$")
_MEMBER = re.compile(_BASE + r"_(?:\{\s*([^{}]+?)\s*\}|([A-Za-z]|\d+))$")  # eta_50: the reader drops the braces
_SUBSCRIPT = re.compile(r"(\d+)|([A-Za-z])(?:\s*([+\-/])\s*(\d+))?$")


def _families(symbols: dict) -> dict:
    """``{base: (letter, body)}`` for the closed-form definitions ``base_t = body(t)`` of ``symbols``."""
    found: dict = {}
    for key, body in symbols.items():
        m = _FAMILY.match(key.name) if isinstance(key, sp.Symbol) else None
        if m and isinstance(body, sp.Basic):
            found.setdefault(m.group(1), []).append((m.group(2) or m.group(3), body))
    out = {}
    for base, defs in found.items():
        if len(defs) != 1:
            continue
        letter, body = defs[0]
        names = {s.name for s in body.free_symbols if isinstance(s, sp.Symbol)}
        own = [n.split("_", 1)[1].strip("{}") for n in names if n.startswith(base + "_")]
        if letter in names and base not in names \
                and not any(_mentions("_" + sub, letter) or _SUBSCRIPT.fullmatch(sub) and not sub.isdigit()
                            for sub in own):
            out[base] = (letter, body)
    return out


def _starts(base: str, body) -> set[str]:
    r"""The fixed subscripts at which ``body`` names its own family (``0`` of $\eta_0 e^{-kt}$): the start the
    notes set, no member to read."""
    return {s.name.split("_", 1)[1].strip("{}") for s in body.free_symbols
            if isinstance(s, sp.Symbol) and s.name.startswith(base + "_")}


def _mentions(name: str, letter: str) -> bool:
    r"""Whether the subscript of ``name`` uses ``letter`` (``v_{t-1}`` uses t, ``\eta_{max}`` does not)."""
    sub = name.split("_", 1)[1] if "_" in name else ""
    return re.search(r"(?<![A-Za-z\\])" + letter + r"(?![A-Za-z])", sub) is not None


def _subscript(text: str, body) -> sp.Expr | None:
    """The value of a member's subscript: a number, a name of ``body``, or that name with ``+ k``, ``- k``, ``/ k``."""
    m = _SUBSCRIPT.fullmatch(text.strip())
    if not m:
        return None
    if m.group(1):
        return sp.Integer(int(m.group(1)))
    name = next((s for s in body.free_symbols if isinstance(s, sp.Symbol) and s.name == m.group(2)), None)
    if name is None:
        return None
    if not m.group(3):
        return name
    k = sp.Integer(int(m.group(4)))
    return {"+": name + k, "-": name - k, "/": name / k}[m.group(3)]


def member_value(name, symbols: dict, recurrent=frozenset(), stated=None, known=None) -> tuple[sp.Expr, str] | None:
    r"""``(value, description)`` of ``name`` as a member of a closed-form family in ``symbols`` (module docstring);
    None when it is none (a name defined itself, another base, a label subscript, a recurrence; ``recurrent``: bases a
    recurrence or an update has set since, ``a_n = a_{n-1} + 3`` in an example after ``a_n = a + dn``), or when the
    value ``stated`` for it is a number and the member still has free names: initial values that determine the
    family's constants ($x_0 = 4$ after $x_n = 2pr^n\cos(\omega + n\theta)$), an equation for them.  Names the
    notes have set to values (``known``, the examples in force: $\eta_{\max} = 0.1$, $T = 100$ before
    $\eta_{50} = 0.05$) leave no constant to determine: with every name set, the member is a number and the row
    states its value, a claim."""
    if not isinstance(name, sp.Symbol) or name in symbols or not symbols:
        return None
    m = _MEMBER.match(name.name)
    if not m:
        return None
    families = _families(symbols)
    if m.group(1) not in families or m.group(1) in recurrent:
        return None
    letter, body = families[m.group(1)]
    subscript = m.group(2) if m.group(2) is not None else m.group(3)
    if subscript in _starts(m.group(1), body):
        return None  # eta_0 = 0.1 after eta_t = eta_0 e^{-kt}: the row sets the start
    if _mentions(f"_{subscript}", letter):
        return None  # eta_{t-1}: a shifted member (readers.notes.shifted_instances), or the family itself
    value = _subscript(subscript, body)
    if value is None:
        return None
    moved = {}
    for s in body.free_symbols:
        if not isinstance(s, sp.Symbol):
            continue
        if s.name == letter:
            moved[s] = value
        elif re.fullmatch(r"(.+)_(?:\{" + letter + r"\}|" + letter + ")", s.name):  # m_t in the body: m_1, m_T
            base = s.name.rsplit("_", 1)[0]
            moved[s] = sp.Symbol(f"{base}_{subscript}" if len(subscript) == 1 else f"{base}_{{{subscript}}}",
                                 **s.assumptions0)
        elif _mentions(s.name, letter):
            return None  # x_{t,i}, r_{t+1} in the body: subscripts not moved here
    member = body.xreplace(moved)
    set_names = {getattr(n, "name", None) for n, _ in (known or ())}
    values = {getattr(n, "name", None): v for n, v in (known or ())}
    if isinstance(stated, sp.Basic):  # x_1 = r 2 sqrt(2) with r = 0.9 set: a number too
        stated = stated.xreplace({x: values[x.name] for x in stated.free_symbols
                                  if isinstance(x, sp.Symbol) and x.name in values})
    if isinstance(stated, sp.Basic) and stated.is_number \
            and any(s.name not in set_names for s in member.free_symbols if isinstance(s, sp.Symbol)):
        return None  # "the initial values $x_0 = 4$" of x_n = 2 p r^n cos(omega + n theta): an equation for p, omega
    return member, f"{name.name} read as the member of {m.group(1)}_{letter} at {letter} = {value}"
