r"""LaTeX as people write it in Markdown notes, read into sympy; nothing is ever evaluated as code.

.. math:: \texttt{\textbackslash frac\{1\}\{H\}\textbackslash sum\_\{i=1\}\^\{H\} x\_i}
          \mapsto \frac{1}{H} \sum_{i=1}^{H} x_i

A hand-written tokenizer (:func:`tokenize`, :mod:`~readers.latex.tokens`)
turns the text into tokens: it knows LaTeX commands, Unicode symbols typed
directly (``∑``, ``μ``, ``≤``), and which bare ``|`` opens or closes $|x|$ and
which separates $P(A \mid B)$.  A lark LALR grammar (``grammar.lark``)
builds the tree; the reader (:mod:`~readers.latex.reader`, with
:mod:`~readers.latex.names` and :mod:`~readers.latex.atoms`) turns the
tree into sympy, deciding what the grammar cannot: whether ``f(x)`` is a call
or a product, whether ``x_i`` is an element of an array or a name, what a
derivative fraction is.  Unknown commands (``\input``, ``\def``) are errors,
never expanded.  The tables the tokenizer and reader share are in
:mod:`~readers.latex.tables`; what they produce (:class:`Block`, the
special nodes :class:`Given`, :class:`PlusMinus`, :class:`Expectation`,
:class:`IndexMax`) in :mod:`~readers.latex.nodes`.

Conventions (1-based, as written):

* ``x_i`` with ``i`` an index letter (``i j k l``) or bound by a sum is the
  element ``x[i]`` of ``IndexedBase('x')``; indices are kept **1-based as
  written**: $\sum_{i=1}^{n} x_i$ is ``Sum(x[i], (i, 1, n))``, and
  :func:`to_zero_based` shifts a block to the catalog's 0-based arrays.  Other
  subscripts are part of the name: ``x_t`` is the symbol ``x_t``, ``L_{origin}`` is
  ``L_{origin}``.
* Symbols are real; bound indices are integers; symbols in the upper limit of
  a sum or product are positive integers (sizes).
* A name followed by ``(...)`` is a function application when the name is a
  known function (``\log``, ``exp``, ``max``, ...), a word (``ReLU``), a letter
  conventionally used for functions (:data:`FUNCTION_LETTERS`), a name in
  ``functions``, or when the parentheses hold several arguments or a ``|``;
  otherwise it is a product (``y_i(w x_i - b)``).
* A run of letters is one name when it is in ``names``, is three letters or
  more, or ends in digits (``F1``); a two-letter run is a product (``ab``).
* ``\text{...}`` is a name (``\text{argmax}``), a function, or prose (``when``).
* A name directly followed by a brace group (``\mu{\mathcal{B}}``), or an
  accented name by an index letter (``\hat{x}i``), reads as a lost ``_``,
  with a warning.

Bounds: :data:`MAX_LENGTH` characters, :data:`MAX_TOKENS` tokens,
:data:`MAX_DEPTH` nested brackets, numeric powers up to :data:`MAX_POWER_DIGITS`
digits.  Every failure is a :class:`LatexParseError` with a line and column.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import lark
import sympy as sp

from readers.latex.events import events_as_names
from readers.latex.conditional_laws import as_conditional_laws
from readers.latex.units import one_unit_as_one
from readers.latex.nodes import (
    SUMMED,
    Block,
    Chain,
    Expectation,
    Given,
    IndexMax,
    LatexParseError,
    PlusMinus,
    Row,
)
from readers.latex.reader import _Reader
from readers.latex.tables import MAX_DEPTH, MAX_LENGTH
from readers.latex.tokens import _Lexer, tokenize

__all__ = [
    "MAX_LENGTH",
    "Block",
    "Chain",
    "Expectation",
    "Given",
    "IndexMax",
    "LatexParseError",
    "PlusMinus",
    "either_sign",
    "Row",
    "parse_block",
    "parse_latex",
    "sign_choices",
    "with_sign",
    "to_zero_based",
    "tokenize",
]


@lru_cache(maxsize=1)
def _parser() -> lark.Lark:
    grammar = (Path(__file__).with_name("grammar.lark")).read_text(encoding="utf-8")
    return lark.Lark(grammar, parser="lalr", lexer=_Lexer, propagate_positions=True, maybe_placeholders=False)


def parse_block(text: str, *, names=(), functions=(), indices=(), letters=(), factors=(), line: int = 1,
                column: int = 1) -> Block:
    r"""Parse a formula block (rows split by ``\\`` or ``\newline``, environments unwrapped).

    ``names``: multi-letter words to read as one name (``TP``); ``functions``:
    names to read as functions when applied; ``indices``: names the reader knows
    are integer indices or sizes (``t`` in ``x_{t+m}``, ``T`` in ``x_{T}``), so a
    subscript made of them is an element index; ``letters``: single letters the
    prose around the block writes as names of their own (``$y$``, ``$x$``), so a
    short run of them is their product (``e^{-ywx}``), as it is when the formula
    itself writes each letter alone; ``factors``: names that stand for numbers (a
    definition's parameters), so one of them before a parenthesis of one argument
    is a factor, never a call, even a letter of :data:`FUNCTION_LETTERS`
    (``p(1 - q)`` in $\mathrm{F}(p, q) = \dots$); ``(line, column)``: where the
    text starts in its file, for error positions.
    """
    try:
        return _parse_block(text, names, functions, indices, letters, factors)
    except LatexParseError as exc:
        raise exc.shifted(line, column) from None


def parse_latex(text: str, *, names=(), functions=(), indices=(), line: int = 1,
                column: int = 1) -> sp.Expr | Chain:
    """Parse one formula: an expression, or a :class:`Chain` when it has relations (``a = b \\le c``)."""
    block = parse_block(text, names=names, functions=functions, indices=indices, line=line, column=column)
    rows = [r for r in block.rows if r.kind != "empty"]
    if len(rows) != 1:
        raise LatexParseError(f"{len(rows)} rows where one formula was expected; use parse_block", line, column)
    chain = rows[0].chain
    return chain.exprs[0] if not chain.rels else chain


def _parse_block(text: str, names, functions, indices=(), letters=(), factors=()) -> Block:
    if "\x00" in text:
        k = text.index("\x00")
        raise LatexParseError("NUL byte", text.count("\n", 0, k) + 1, k - text.rfind("\n", 0, k))
    text = one_unit_as_one(text)  # 4.92\,[\rm cm]: a block's one unit is 1 (readers.latex.units)
    text = events_as_names(text)  # P(+ \mid \neg D): events in logic and signs (readers.latex.events)
    text = as_conditional_laws(text)  # x_i \mid \mu \sim N(mu, s^2): a law given mu (readers.latex.conditional_laws)
    try:
        tree = _parser().parse(text)
    except LatexParseError:
        raise
    except lark.exceptions.UnexpectedToken as exc:
        token = exc.token
        if token.type == "$END":
            raise _at_end(text, "unexpected end of formula") from None
        expected = ", ".join(sorted(exc.expected)[:6])
        raise LatexParseError(f"unexpected {token.value!r} (expected one of {expected})", token.line,
                              token.column) from None
    except lark.exceptions.LarkError as exc:
        raise LatexParseError(f"cannot parse: {type(exc).__name__}", 1, 1) from None
    _check_depth(tree)
    reader = _Reader(text, frozenset(names), frozenset(functions), frozenset(indices), frozenset(letters))
    reader.factors = frozenset(factors)
    return reader.block(tree)


def _at_end(text: str, message: str) -> LatexParseError:
    return LatexParseError(message, text.count("\n") + 1, len(text) - text.rfind("\n"))


def _check_depth(tree, limit: int = 12 * MAX_DEPTH + 50) -> None:
    """Reject trees too deep for the recursive reader (``- - - - x`` nests without brackets)."""
    stack = [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            meta = node.meta
            raise LatexParseError("formula nested too deeply", getattr(meta, "line", 1), getattr(meta, "column", 1))
        stack.extend((child, depth + 1) for child in node.children if isinstance(child, lark.Tree))


def to_zero_based(expr: sp.Basic, free=()) -> sp.Basic:
    r"""Shift a 1-based expression to 0-based arrays: ``x[i]`` -> ``x[i - 1]``, then every
    sum $\sum_{i=lo}^{hi} f(i)$ -> $\sum_{i=lo-1}^{hi-1} f(i + 1)$ and every free index ``i`` -> ``i + 1``.

    ``x_1`` becomes ``x[0]``; $\sum_{i=1}^{n} x_i$ becomes ``Sum(x[i], (i, 0, n - 1))``;
    an index used as a number keeps its value ($\sum_{i=1}^{n} i = \sum_{i=0}^{n-1} (i + 1)$).
    """
    expr = expr.replace(lambda e: isinstance(e, sp.Indexed), lambda e: e.base[tuple(i - 1 for i in e.indices)])

    def shift(node):
        body, limits = node.function, []
        for index, lo, hi in node.limits:  # inner first: an inner range may read an outer index, shifted too
            body = _shift_free(body, index)
            limits = [(v, _shift_free(a, index), _shift_free(b, index)) for v, a, b in limits]
            limits.append((index, lo - 1, hi - 1))
        return node.func(body, *limits)

    expr = expr.replace(lambda e: isinstance(e, SUMMED), shift)
    for i in free:
        expr = _shift_free(expr, i)
    return expr


def _shift_free(expr: sp.Basic, index: sp.Symbol) -> sp.Basic:
    r"""``index`` -> ``index + 1`` where it is free, never inside a sum that binds it again:
    $\sum_i p_i^2 \sum_i q_i^2$ reads as a sum over $i$ whose body holds its own sum over $i$."""
    if not expr.has(index):
        return expr
    if isinstance(expr, SUMMED) and index in expr.variables:
        limits, bound = [], False
        for v, lo, hi in expr.limits:  # a range is read before its own variable binds
            limits.append((v, lo if bound else _shift_free(lo, index), hi if bound else _shift_free(hi, index)))
            bound = bound or v == index
        return expr.func(expr.function, *limits)
    if expr == index:
        return index + 1
    if not expr.args or isinstance(expr, sp.Indexed):
        return expr.xreplace({index: index + 1})
    return expr.func(*[_shift_free(a, index) for a in expr.args])


def sign_choices(expr: sp.Basic) -> list[sp.Basic]:
    r"""Both readings of $\pm$: every ``PlusMinus(a)`` as ``a``, then as ``-a`` (one element without $\pm$)."""
    if not expr.has(PlusMinus):
        return [expr]
    return [with_sign(expr, s) for s in (1, -1)]


def with_sign(expr: sp.Basic, sign: int) -> sp.Basic:
    r"""``expr`` with every $\pm a$ read as ``sign * a`` (one sign for the whole claim: the pairing it states)."""
    if not isinstance(expr, sp.Basic) or not expr.has(PlusMinus):
        return expr
    return expr.replace(lambda e: isinstance(e, PlusMinus), lambda e: sign * e.args[0])


def either_sign(condition: sp.Basic) -> sp.Basic:
    r"""A condition with $\pm$ as the choice it states: $x = \pm\sqrt{2}$ is $x = \sqrt{2} \lor x = -\sqrt{2}$ (the
    condition unchanged without $\pm$)."""
    if not isinstance(condition, sp.Basic) or not condition.has(PlusMinus):
        return condition
    return sp.Or(*sign_choices(condition))


