r"""Probabilities of events the notes give as numbers, and the chains of the sum and product rules built on them.

A worked example of Bayes' rule gives some probabilities and derives others::

    | Conditional probability | $H=1$ | $H=0$ |          P(D_1 = 1 | H = 1) = 1,  P(D_1 = 1 | H = 0) = 0.01
    |$P(D_1 = 1 \mid H)$|  1 | 0.01 |
    Assume $P(H=1) = 0.0015$.

    P(D_1 = 1) = P(D_1 = 1, H = 0) + P(D_1 = 1, H = 1)                         (sum rule)
               = P(D_1 = 1 | H = 0) P(H = 0) + P(D_1 = 1 | H = 1) P(H = 1)      (product rule)
               = 0.011485                                                     (the values given)

Each variable takes the values the notes name for it (in its events ``D_1 = 0``, ``H = 1`` anywhere above and in
the block itself).  A link between probabilities only is checked on random joint laws over those values, exactly
(rationals): it holds for every law there, so a failure would be a counterexample; a claim written under
"conditional independence" is checked on laws $P(h) \prod_k P(v_k \mid h)$ of the variables it conditions on.
A link that ends in a number is checked by putting in the values the notes gave before the block: stated ones
(``P(H=1) = 0.0015``), those of a table whose headers are ``P(D_1 = 1 \mid H)`` and ``H = 1``, the first member of
an earlier chain whose last member is a number, and ``1 - P(V = a \mid ...)`` for a variable with two values.
The number must be the exact value or its rounding (or truncation) to the decimals written.

Only ``verified`` comes out of here (a family of laws and values the notes gave, evidence not proof); anything
else is None and the caller keeps its verdict.
"""
from __future__ import annotations

import itertools
import random
import re
from fractions import Fraction

import sympy as sp
from sympy.core.function import AppliedUndef

from readers.notes.law_tables import PROBABILITY_NAMES, events
from readers.notes.value_maps import as_written

LAWS = 4
"""Random joint laws a link between probabilities must hold on."""
CONDITIONAL_CUE = re.compile(r"\bconditional(?:ly)?\s+independen", re.IGNORECASE)
"""Prose that makes the variables of a claim independent given those it conditions on."""
_CUE_REACH = 30
"""Lines above a block searched for :data:`CONDITIONAL_CUE` (never past a heading)."""
_NUMBER = re.compile(r"^\s*-?\d+(?:\.\d+)?\s*$")
_MATH = re.compile(r"^\s*\$([^$]+)\$\s*$")


def event_key(app):
    """``(events, conditions)`` of ``P(X = 1, Y = 0 | Z = 2)`` as frozensets of (variable, value), else None."""
    if not isinstance(app, AppliedUndef) or app.func.__name__ not in PROBABILITY_NAMES:
        return None
    found = events(app)
    if found is None or any(rel != "eq" or not value.is_Rational for _, (rel, value), _ in found):
        return None
    return (frozenset((v, value) for v, (_, value), given in found if not given),
            frozenset((v, value) for v, (_, value), given in found if given))


def conditional_cue(lines, line: int) -> bool:
    """Whether the prose above the block at ``line`` (1-based, up to the previous heading) assumes conditional
    independence."""
    for k in range(line - 2, max(line - 2 - _CUE_REACH, -1), -1):
        if lines[k].lstrip().startswith("#"):
            return False
        if CONDITIONAL_CUE.search(lines[k]):
            return True
    return False


class EventValues:
    """The values the notes give probabilities, and the values they name for each variable, as a note is read."""

    def __init__(self):
        self.named = {}  # variable -> the values its events name
        self.given = {}  # event key -> (value, line, where it comes from)

    # ** what the notes give **

    def observe(self, chains, line: int) -> None:
        """Record the values named in a block's chains (``(expressions, relations)``): in events, and in
        ``V = value`` (``$H=1$``, ``$G=0$``); and ``P(e) = ... = number``."""
        for exprs, rels in chains:
            if any(r != "=" for r in rels):
                continue
            if len(exprs) == 2 and isinstance(exprs[0], sp.Symbol) and isinstance(exprs[1], sp.Rational):
                self.named.setdefault(exprs[0].name, set()).add(exprs[1])
            for e in exprs:
                for app in e.atoms(AppliedUndef):
                    key = event_key(app)
                    if key is not None:
                        for v, value in key[0] | key[1]:
                            self.named.setdefault(v, set()).add(value)
            if not exprs:  # \text{where } & \begin{cases} ...: a row of words only
                continue
            head, last = exprs[0], exprs[-1]
            key = event_key(head)
            if len(exprs) >= 2 and key is not None and isinstance(last, sp.Rational):
                self.given.setdefault(key, (last, line, f"as line {line} gives it"))

    def read_tables(self, lines, parse) -> None:
        r"""Values from Markdown tables whose row (or column) headers are ``P(D_1 = 1 \mid H)`` and column (row)
        headers ``H = 1``: the cell is ``P(D_1 = 1 \mid H = 1)``; ``parse`` reads a cell's math to expressions."""
        k = 0
        while k < len(lines):
            if not lines[k].lstrip().startswith("|"):
                k += 1
                continue
            start = k
            rows = []
            while k < len(lines) and lines[k].lstrip().startswith("|"):
                cells = [c.strip() for c in lines[k].strip().strip("|").split("|")]
                if not all(re.fullmatch(r":?-+:?", c) for c in cells if c):
                    rows.append(cells)
                k += 1
            self._table(rows, start + 1, parse)

    def _table(self, rows, line, parse) -> None:
        if len(rows) < 2:
            return
        read = [[self._cell(c, parse) for c in row] for row in rows]
        for i in range(1, len(rows)):
            for j in range(1, len(rows[i])):
                if j >= len(rows[0]) or not _NUMBER.match(rows[i][j]):
                    continue
                value = sp.Rational(rows[i][j].strip())
                for probability, condition in ((read[i][0], read[0][j]), (read[0][j], read[i][0])):
                    key = _conditioned(probability, condition)
                    if key is not None and sp.S.Zero <= value <= sp.S.One:
                        self.given.setdefault(key, (value, line, f"from the table at line {line}"))
                        for v, x in key[0] | key[1]:
                            self.named.setdefault(v, set()).add(x)

    @staticmethod
    def _cell(text, parse):
        found = _MATH.match(text)
        if found is None:
            return None
        try:
            return parse(found.group(1))
        except Exception:  # noqa: BLE001 - a cell we cannot read gives no value
            return None

    # ** checking **

    def value(self, key, line):
        """The value of the event ``key`` given before ``line`` (directly, or as 1 minus the other of two values),
        with how it was found, or None."""
        found = self.given.get(key)
        if found is not None and found[1] < line:
            return found[0], f"{_shown(key)} = {found[0]} {found[2]}"
        (items, conditions) = key
        if len(items) != 1:
            return None
        ((variable, value),) = items
        values = self.named.get(variable, set())
        if len(values) != 2 or value not in values:
            return None
        other = (frozenset({(variable, next(iter(values - {value})))}), conditions)
        found = self.given.get(other)
        if found is None or found[1] >= line:
            return None
        return 1 - found[0], f"{_shown(key)} = 1 - {_shown(other)} = {1 - found[0]} ({variable} takes the values " \
                             f"{', '.join(map(str, sorted(values)))})"

    def numeric(self, lhs, rhs, line) -> str | None:
        """The method when one side is a number and the other, with the values given before ``line`` put in, is that
        number or rounds to it at the decimals written; else None."""
        for written, other in ((rhs, lhs), (lhs, rhs)):
            apps = _probabilities(other)
            if not isinstance(written, sp.Rational) or not apps or written.free_symbols:
                continue
            values, used = {}, []
            for app in apps:
                key = event_key(app)
                found = self.value(key, line) if key is not None else None
                if found is None:
                    return None
                values[app] = found[0]
                used.append(found[1])
            exact = other.xreplace(values)
            if not isinstance(exact, sp.Rational):
                return None
            if not as_written(exact, written):
                return None
            how = f"exactly {written}" if exact == written else f"{sp.N(exact, 8)} to the decimals written"
            return f"the probabilities the notes give put in ({'; '.join(sorted(set(used)))}): {how}"
        return None

    def structural(self, lhs, rel, rhs, conditional: bool) -> str | None:
        """The method when ``lhs rel rhs``, an expression in probabilities of events only, holds on :data:`LAWS`
        random joint laws over the values the notes name for each variable; else None."""
        if rel != "=":
            return None
        found = [_probabilities(e) for e in (lhs, rhs)]
        if any(f is None for f in found):
            return None
        apps = found[0] + found[1]
        keys = [event_key(a) for a in apps]
        if not apps or any(k is None for k in keys):
            return None
        variables = sorted({v for k in keys for v, _ in k[0] | k[1]})
        supports = [sorted(self.named.get(v, ())) for v in variables]
        if any(len(s) < 2 for s in supports):
            return None
        given = sorted({v for k in keys for v, _ in k[1]}) if conditional else []
        if conditional and not given:
            return None
        rng = random.Random(5)
        for _ in range(LAWS):
            law = _random_law(variables, supports, given, rng)
            try:
                left, right = (_evaluate(e, law, variables, supports) for e in (lhs, rhs))
            except ZeroDivisionError:
                return None
            if left is None or right is None or left != right:
                return None
        values = "; ".join(f"{v}: {', '.join(map(str, s))}" for v, s in zip(variables, supports))
        independent = f", independent given {', '.join(given)} as the prose assumes" if given else ""
        return (f"holds exactly on {LAWS} random joint laws of {', '.join(variables)} over the values the notes "
                f"name ({values}){independent} (evidence, not a proof)")


def _probabilities(expr):
    """The probabilities ``P(...)`` of events in ``expr`` when it is built from them and numbers only, else None."""
    apps = [a for a in expr.atoms(AppliedUndef) if event_key(a) is not None]
    rest = expr.xreplace({a: sp.Integer(1) for a in apps})
    if rest.atoms(AppliedUndef) or rest.free_symbols:
        return None
    return apps


def _conditioned(probability, condition):
    r"""The key of ``P(D = d \mid H)`` at the header ``H = h``, or None."""
    if not (isinstance(probability, AppliedUndef) and probability.func.__name__ in PROBABILITY_NAMES):
        return None
    if not (isinstance(condition, sp.Eq) and isinstance(condition.lhs, sp.Symbol) and condition.rhs.is_Rational):
        return None
    given = [a for a in probability.args if type(a).__name__ == "Given"]
    if len(given) != 1 or given[0].args != (condition.lhs,):
        return None
    found = event_key(probability.func(*(a for a in probability.args if a is not given[0])))
    if found is None or found[1]:
        return None
    return found[0], frozenset({(condition.lhs.name, condition.rhs)})


def _shown(key) -> str:
    items, conditions = key
    text = ", ".join(f"{v} = {x}" for v, x in sorted(items, key=str))
    if conditions:
        text += " | " + ", ".join(f"{v} = {x}" for v, x in sorted(conditions, key=str))
    return f"P({text})"


def _random_law(variables, supports, given, rng):
    """Cell -> mass over the product of the supports; with ``given``, the others independent given those."""
    cells = list(itertools.product(*(range(len(s)) for s in supports)))
    if not given:
        weights = {c: Fraction(rng.randint(1, 9)) for c in cells}
    else:
        at = [variables.index(v) for v in given]
        outer = {}
        factors = {}
        weights = {}
        for c in cells:
            g = tuple(c[k] for k in at)
            w = outer.setdefault(g, Fraction(rng.randint(1, 9)))
            for k, index in enumerate(c):
                if k not in at:
                    w *= factors.setdefault((k, g, index), Fraction(rng.randint(1, 9)))
            weights[c] = w
        for k in range(len(variables)):  # normalise each conditional factor: P(v | g) sums to 1
            if k in at:
                continue
            for g in outer:
                total = sum(factors[(k, g, i)] for i in range(len(supports[k])))
                for c in cells:
                    if tuple(c[j] for j in at) == g:
                        weights[c] /= total
    total = sum(weights.values())
    return {c: w / total for c, w in weights.items()}


def _evaluate(expr, law, variables, supports):
    """The value of an expression in probabilities of events on ``law`` (exact), or None."""
    def mass(pairs):
        tests = [(variables.index(v), supports[variables.index(v)].index(x) if x in supports[variables.index(v)]
                  else None) for v, x in pairs]
        return sum((p for c, p in law.items() if all(i is not None and c[k] == i for k, i in tests)), Fraction(0))

    values = {}
    for app in _probabilities(expr):
        items, conditions = event_key(app)
        joint, condition = mass(items | conditions), mass(conditions) if conditions else Fraction(1)
        values[app] = sp.Rational(joint / condition)
    out = expr.xreplace(values)
    return Fraction(int(out.p), int(out.q)) if isinstance(out, sp.Rational) else None
