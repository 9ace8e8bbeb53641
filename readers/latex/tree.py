r"""Small helpers on lark trees and tokens, and guarded sympy constructors for the reader."""
from __future__ import annotations

import math

import lark
import sympy as sp

from readers.latex.nodes import HugePower, LatexParseError
from readers.latex.tables import MAX_EXPONENT, MAX_POWER_DIGITS


def _condition(a, rel: str, b, token):
    """A side condition as a sympy boolean (``None`` for relations that are not conditions)."""
    build = {"=": sp.Eq, "!=": sp.Ne, "<": sp.Lt, ">": sp.Gt, "<=": sp.Le, ">=": sp.Ge}.get(rel)
    if build is None:
        return None
    try:
        return build(a, b)
    except TypeError as exc:
        raise LatexParseError(f"cannot compare: {exc}", token.line or 1, token.column or 1) from None


def _power(base, exponent, node):
    """``base ** exponent``, refusing numeric powers too large to hold (a positive base is held as a
    :class:`HugePower`, which only a logarithm may read)."""
    if isinstance(base, sp.Basic) and base.is_Rational and isinstance(exponent, sp.Basic) and exponent.is_number:
        if exponent.is_Rational and abs(exponent) > MAX_EXPONENT and abs(base) not in (0, 1):
            if base > 0:
                return HugePower(base, exponent)
            raise _node_error("exponent too large", node)
        if base.is_Rational and exponent.is_Rational and abs(base) not in (0, 1):
            digits = abs(float(exponent)) * math.log10(max(abs(base.p), abs(base.q)))
            if digits > MAX_POWER_DIGITS:
                raise _node_error("power too large", node)
    return sp.Pow(base, exponent)


def _node_error(message, node):
    if isinstance(node, lark.Token):
        return LatexParseError(message, node.line or 1, node.column or 1)
    meta = getattr(node, "meta", None)
    if meta is None or getattr(meta, "empty", True):
        return LatexParseError(message, 1, 1)
    return LatexParseError(message, meta.line, meta.column)


def _split_marker(expr, marker):
    """``marker**k * rest`` -> ``(k, rest)``."""
    if not isinstance(expr, sp.Basic) or not expr.has(marker):
        return 0, expr
    powers = expr.as_powers_dict() if isinstance(expr, (sp.Mul, sp.Pow, sp.Symbol)) else {}
    order = powers.get(marker, 0)
    if not (isinstance(order, sp.Integer) and order > 0):
        return 0, expr
    return int(order), sp.Mul(*[b ** p for b, p in powers.items() if b != marker])


def _script(tree):
    op = tree.children[0]
    if op.type == "PRIME":
        return ("prime", op)
    return ("sub" if op.type == "USCORE" else "sup", tree.children[1].children[0])


def _is_token(item, kind: str) -> bool:
    return isinstance(item, lark.Token) and item.type == kind


def _start(node) -> int:
    if isinstance(node, lark.Token):
        return node.start_pos
    return node.meta.start_pos


def _end(node) -> int:
    if isinstance(node, lark.Token):
        return node.end_pos
    return node.meta.end_pos


def _bare(node, kind: str) -> bool:
    """A ``post`` that is just a ``kind`` atom (a group, paren or bracket) without scripts."""
    return isinstance(node, lark.Tree) and node.data == "post" and len(node.children) == 1 \
        and isinstance(node.children[0], lark.Tree) and node.children[0].data == kind


def _only_token(tree):
    """The single token under a chain of one-child trees, else None."""
    node = tree
    while isinstance(node, lark.Tree):
        kids = [c for c in node.children if not (isinstance(c, lark.Token) and c.type in ("LBRACE", "RBRACE"))]
        if len(kids) != 1:
            return None
        node = kids[0]
    return node


def _names_in(tree) -> set[str]:
    return {t.value for t in tree.scan_values(lambda v: isinstance(v, lark.Token)) if t.type in ("NAME", "WORD")}
