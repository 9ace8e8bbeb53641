r"""Array nodes of the lowering, and their emission as Python statements.

An :class:`Arr` is the code of one array-valued node, ``template`` formatted
with its arguments' code; the nodes form a DAG (a shared subexpression is one
node).  :class:`Emitter` writes the DAG as statements: a node used twice, and
every reduction but a single-use matrix product, gets a name
(``sum_2 = np.sum(t_1, axis=-1)``); the rest is inlined, parenthesized by
operator precedence.
"""
from __future__ import annotations

from dataclasses import dataclass

import sympy as sp


class UnsupportedNode(NotImplementedError):
    """A node the lowering has no rule for; the message names it."""

    def __init__(self, node, why: str = ""):
        self.node = node
        text = f"cannot lower {type(node).__name__} node {sp.sstr(node)}"
        super().__init__(text + (f": {why}" if why else ""))


ATOM, POW, UNARY, MUL, ADD, CMP = 100, 60, 50, 40, 30, 20
"""Python operator precedences: an argument binding looser than its slot needs is parenthesized."""


@dataclass(eq=False)
class Arr:
    """An array-valued node: ``template`` formatted with its ``args``' code.

    ``labels`` name the trailing axes (leading axes are batch axes);
    ``batched`` is False for values with no batch axes (numbers, sizes,
    index ranges); ``prec`` is the precedence of the code and ``need`` the
    precedence each argument slot requires; ``kind`` is ``"leaf"`` (never
    named), ``"op"`` (named when shared) or ``"reduce"`` (always named, with
    prefix ``hint``).
    """

    template: str
    args: tuple = ()
    labels: tuple = ()
    batched: bool = True
    prec: int = ATOM
    kind: str = "op"
    hint: str = "t"
    need: tuple = ()

    def slot_need(self, n: int) -> int:
        return self.need[n] if n < len(self.need) else 0


def leaf(code: str, labels=(), batched=True, prec=ATOM) -> Arr:
    return Arr(code, (), tuple(labels), batched, prec, "leaf")


def binary(op: str, prec: int) -> tuple[str, tuple[int, int]]:
    """Template and slot needs of a left-associative operator: ``a - (b - c)`` keeps its parentheses."""
    return "{0} " + op + " {1}", (prec, prec + 1)


def slots(count: int) -> str:
    return ", ".join("{" + str(n) + "}" for n in range(count))


def tuple_code(items) -> str:
    items = [str(i) for i in items]
    return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"


def render_inline(arr: Arr) -> str:
    """Code of a node with no shared parts (size expressions, leaves)."""
    return Emitter([arr], set()).expression(arr)


class Emitter:
    """Statements for a DAG of nodes: shared nodes and reductions named, the rest inlined."""

    def __init__(self, roots, taken: set[str]):
        self.refs: dict[int, int] = {}
        self.names: dict[int, str] = {}
        self.lines: list[str] = []
        self.taken = set(taken)
        self.counter = 0
        for r in roots:
            self._count(r)

    def _count(self, a: Arr):
        self.refs[id(a)] = self.refs.get(id(a), 0) + 1
        if self.refs[id(a)] == 1:
            for c in a.args:
                self._count(c)

    def _named(self, a: Arr) -> bool:
        """Shared nodes, and reductions for readability; but a matrix product used once stays inline,
        so that its (full-size) temporary is freed as soon as it is consumed: named, it would live
        until the function returns (measured: 10% of attention's time, in fresh pages)."""
        if a.kind == "leaf":
            return False
        return self.refs[id(a)] >= 2 or (a.kind == "reduce" and a.hint != "mm")

    def _name(self, hint: str) -> str:
        while True:
            name = f"{hint}_{self.counter}"
            self.counter += 1
            if name not in self.taken:
                self.taken.add(name)
                return name

    def expression(self, a: Arr) -> str:
        if id(a) in self.names:
            return self.names[id(a)]
        args = []
        for c in a.args:
            text = self.expression(c)
            prec = ATOM if text.isidentifier() else c.prec
            args.append(text if prec >= a.slot_need(len(args)) else f"({text})")
        code = a.template.format(*args) if a.args else a.template
        if self._named(a):
            name = self._name(a.hint)
            self.lines.append(f"{name} = {code}")
            self.names[id(a)] = name
            return name
        return code
