r"""A second reading of a block in which products keep their order: matrix algebra.

The scalar reader (:mod:`readers.latex.reader`) builds commutative sympy products, so
$(\mathbf{A}\mathbf{B})^{-1}$ and $\mathbf{A}^{-1}\mathbf{B}^{-1}$ come out equal.  Here every name
that is not an index or a size is a *non-commutative* symbol, so

.. math:: (AB)^{-1} \mapsto \texttt{Pow(A*B, -1)},\quad A^\top \mapsto \texttt{transpose(A)},\quad
          A \odot B \mapsto \texttt{hadamard(A, B)},\quad \|x\|_2 \mapsto \texttt{norm(x)},\quad
          \|A\|_F \mapsto \texttt{norm_F(A)}

and ``\operatorname{tr}``, ``\det`` stay the functions ``tr``, ``det``.  Whether a name is a
scalar, a vector or a matrix is decided later (:mod:`readers.notes.matrix_shapes`).  A run of
capitals made of ``letters`` (names declared as matrices) is their product (``UCV``), and a
capital followed by a parenthesis is a product, not a call, unless ``functions`` names it.
"""
from __future__ import annotations

import lark
import sympy as sp

from readers.latex.parse import _check_depth, _parser
from readers.latex.reader import _Reader
from readers.latex.tree import _script

__all__ = ["parse_matrix_block"]

_NORM_SUBSCRIPTS = {"\\infty": "inf", "infty": "inf", "∞": "inf", "max": "inf", "\\max": "inf"}
r"""Subscripts of a norm that name the maximum norm: ``\|x\|_\infty`` is ``norm_inf``, as the checks know it."""


def parse_matrix_block(text: str, *, names=(), functions=(), letters=(), indices=(), entries=False, dots=False):
    r"""The :class:`~readers.latex.nodes.Block` of ``text`` with order-keeping products (see the module).

    ``indices``: names that are indices (``a``, ``b`` in ``x_{ab}``); with ``entries``, a bracket with an index
    subscript is an entry, ``[\mathbf{A}\mathbf{B}]_{ij}`` -> ``entry(A*B, i, j)``, ``[\mathbf{A}\mathbf{v}]_i`` ->
    ``entry(A*v, i)`` (else the subscript is ignored
    with a warning).  With ``dots``, ``u \cdot v`` is ``dot(u, v)``: the dot product of two column vectors, the
    product otherwise (:mod:`readers.notes.matrix_shapes` decides which)."""
    tree = _parser().parse(text)
    _check_depth(tree)
    return _MatrixReader(text, frozenset(names), frozenset(functions), frozenset(letters), frozenset(indices),
                         entries, dots).block(tree)


class _MatrixReader(_Reader):
    def __init__(self, text, names, functions, letters, indices=frozenset(), entries=False, dots=False):
        super().__init__(text, names, functions, indices)
        self.letters = letters
        self.entries = entries
        self.dots = ("cdot", "cdotp") if dots else ()

    def symbol(self, name: str) -> sp.Symbol:
        if name in self.size_names or name in self.index_names:
            return super().symbol(name)
        if name not in self.symbols:
            self.symbols[name] = sp.Symbol(name, commutative=False)
        return self.symbols[name]

    def splits(self, word: str) -> bool:
        if word not in self.names and word.isalpha() and len(word) > 1 and all(ch in self.letters for ch in word):
            return True
        return super().splits(word)

    def is_function(self, name, base, call, index) -> bool:
        if (base in self.letters or base[:1].isupper() and len(base) == 1) and name not in self.functions \
                and base not in self.functions:
            return False  # A(B + C): a product of matrices
        return super().is_function(name, base, call, index)

    def term(self, tree):
        children = tree.children
        if not any(isinstance(op, lark.Token) and op.value in ("odot", "⊙", "circ", "∘", *self.dots)
                   for op in children[1::2]):
            return super().term(tree)
        value = self.plain(self.factor(children[0]), children[0])
        for op, factor in zip(children[1::2], children[2::2]):
            right = self.plain(self.factor(factor), factor)
            if op.value in ("odot", "⊙", "circ", "∘"):
                value = sp.Function("hadamard")(value, right)
            elif op.value in self.dots:
                value = sp.Function("dot")(value, right)
            elif op.type == "DIV":
                value = value * right ** -1
            else:
                value = value * right
        return value

    def product(self, posts):
        value = super().product(posts)
        return _bare_operators(value) if isinstance(value, sp.Mul) else value

    def atom_norm(self, tree):
        return sp.Function("norm")(self.plain(self.expr(tree.children[1]), tree))

    def post(self, tree):
        first = tree.children[0]
        scripts = [_script(s) for s in tree.children[1:]]
        if self.entries and isinstance(first, lark.Tree) and first.data == "bracket" and len(scripts) == 1 \
                and scripts[0][0] == "sub":
            index = self.index_of(scripts[0][1])
            if index is not None and len(index) in (1, 2):  # [\mathbf{A}\mathbf{v}]_i: an entry of a vector
                self.used_functions.add("entry")
                return sp.Function("entry")(self.plain(self.atom(first), first), *index)
        if not (isinstance(first, lark.Tree) and first.data == "norm"):
            return super().post(tree)
        value = self.atom(first)
        for kind, node in (_script(s) for s in tree.children[1:]):
            if kind == "sub":
                raw = self.raw_script(node) if not isinstance(node, lark.Token) else node.value
                raw = _NORM_SUBSCRIPTS.get(raw.strip("{} "), raw.strip("{}"))
                if raw != "2":
                    value = sp.Function(f"norm_{raw}")(*value.args)
            elif kind == "sup":
                value = self.superscript(self.plain(value, tree), node)
            else:
                raise self.error("a prime on an expression", tree)
        return value



BARE_OPERATORS = {"tr": "tr", "Tr": "tr", "trace": "tr", "det": "det"}
r"""Operators written without parentheses as text (``\operatorname{tr}\mathbf{A}``): applied to the next factor."""


def _bare_operators(value):
    args = list(value.args)
    out, k = [], 0
    while k < len(args):
        a = args[k]
        if isinstance(a, sp.Symbol) and a.name in BARE_OPERATORS and k + 1 < len(args):
            out.append(sp.Function(BARE_OPERATORS[a.name])(args[k + 1]))
            k += 2
            continue
        out.append(a)
        k += 1
    return sp.Mul(*out)
