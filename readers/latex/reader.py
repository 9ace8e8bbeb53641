r"""The tree -> sympy: :class:`_Reader` walks the lark tree of one block (see :mod:`readers.latex.parse`)."""
from __future__ import annotations

import dataclasses
import re

import lark
import sympy as sp
from sympy.core.function import AppliedUndef

from readers.latex.atoms import _Atoms
from readers.latex.joined import joined_equations
from readers.latex.membership import membership
from readers.latex.names import _Names
from readers.latex.pair_sums import over_pairs
from readers.latex.nodes import (
    PARTIAL,
    Block,
    Chain,
    HugePower,
    LatexParseError,
    PlusMinus,
    Row,
    _Annotation,
    _DerivativeOperator,
    _Env,
    _NamePiece,
)
from readers.latex.tables import ALIGNED, INDEX_LETTERS
from readers.latex.tree import (
    _bare,
    _condition,
    _end,
    _is_token,
    _node_error,
    _only_token,
    _script,
    _start,
)

IMPLICATION_ARROWS = frozenset({"Rightarrow", "implies", "Longrightarrow"})
"""Arrows between two statements that say "gives": the premise is assumed, the conclusion claimed."""
EQUIVALENCE_ARROWS = frozenset({"iff", "Leftrightarrow", "Longleftrightarrow"})
"""Arrows that assert both directions."""
PREMISE = "premise"
r"""The note of a row read from ``P \Rightarrow Q``: its chain is Q, its last condition the premise P.  Such a row
is a claim under its premise, never a definition of Q's left side nor an example value (``x = 2`` in
``x^2 = 4 \Rightarrow x = 2`` sets nothing for the blocks after it)."""


EQUIVALENCE = "equivalence"
r"""The note of a row read from ``P \iff Q``: as :data:`PREMISE`, and the converse (P under Q) is claimed too."""


def implied(row) -> bool:
    r"""Whether ``row`` was read from ``P \Rightarrow Q`` (its chain the conclusion Q, claimed under P)."""
    return PREMISE in row.notes


def equivalent(row) -> bool:
    r"""Whether ``row`` was read from ``P \iff Q``: Q claimed under P and P under Q."""
    return EQUIVALENCE in row.notes


def _logical_arrow(tail) -> int | None:
    """The position in ``tail`` (past alignment marks) of an implication or equivalence arrow right after a row's
    chain, or None."""
    k = 0
    while k < len(tail) and _is_token(tail[k], "AMP"):
        k += 1
    if k < len(tail) and _is_token(tail[k], "PROSE") and tail[k].value in IMPLICATION_ARROWS | EQUIVALENCE_ARROWS:
        return k
    return None


_SIGN_WORDS = r"(?:strictly\s+)?(?P<sign>non-?negative|non-?positive|non-?zero|negative|positive)"
_SIGN_BEFORE = re.compile(r"^(?:for|when|if|whenever)\s+(?:(?:all|every|any|each)\s+)?" + _SIGN_WORDS
                          + r"(?:\s+(?:real|integer))?(?:\s+(?:numbers?|reals?|integers?|values?(?:\s+of)?))?$")
_SIGN_AFTER = re.compile(r"^(?:is|are)?\s*" + _SIGN_WORDS + "$")
_CLAUSE = re.compile(r"^(?:for|when|if|whenever)(?:\s+(?:all|every|any|each))?$")
_SIGN_RELATIONS = {"negative": sp.Lt, "positive": sp.Gt, "nonnegative": sp.Ge, "nonpositive": sp.Le, "nonzero": sp.Ne}


def _signed_names(exprs, before: str, after: str) -> list | None:
    r"""The conditions a sign in words puts on the names of a side condition: ``\text{for negative } x`` and
    ``\text{when } x \text{ is negative}`` are ``x < 0``; None unless the segment is names only and the words are
    one of those two shapes."""
    if not exprs or not all(isinstance(e[0], sp.Symbol) for e in exprs):
        return None
    before, after = " ".join(before.lower().split()), " ".join(after.lower().split())
    match = _SIGN_BEFORE.match(before) if not after else (
        _SIGN_AFTER.match(after) if _CLAUSE.match(before) else None)
    if match is None:
        return None
    rel = _SIGN_RELATIONS[match.group("sign").replace("-", "")]
    return [rel(e[0], 0) for e in exprs]


class _Reader(_Names, _Atoms):
    r"""Walks the lark tree of one block; see the module docstring for the conventions."""

    def __init__(self, text: str, names: frozenset, functions: frozenset, indices: frozenset = frozenset(),
                 letters: frozenset = frozenset()):
        self.text, self.names, self.functions = text, names, functions
        self.letters_alone = letters  # letters the prose around the block writes alone (parse_block)
        self.factors: frozenset = frozenset()  # names that stand for numbers: never applied (parse_block)
        self.declared_indices = indices
        self.warnings: list[str] = []
        self.symbols: dict[str, sp.Symbol] = {}
        self.arrays: dict[str, sp.IndexedBase] = {}
        self.lengths: dict[tuple, sp.Expr] = {}
        self.literals: dict[sp.Symbol, tuple[str, int]] = {}
        self.pending: list[_Annotation] = []
        self.integrals: list[dict] = []
        self.used_functions: set[str] = set()
        self.zero_based = False
        self.bound: set[str] = set()
        self.size_names: set[str] = set()
        self.index_names: set[str] = set()

    # ** entry **

    def block(self, tree) -> Block:
        self.prescan(tree)
        try:
            rows = self.rows(tree.children[0])
        except RecursionError:
            raise LatexParseError("formula nested too deeply", 1, 1) from None
        except LatexParseError:
            raise
        except (TypeError, ValueError, ArithmeticError, AttributeError, IndexError, KeyError) as exc:
            raise LatexParseError(f"cannot build the expression: {type(exc).__name__}: {str(exc)[:120]}",
                                  1, 1) from None
        rows = self.finish_literals(rows)
        rows = [dataclasses.replace(r, chain=dataclasses.replace(
            r.chain, exprs=over_pairs(r.chain.exprs, self.symbol, self.default_size))) for r in rows]
        for row in rows:
            for e in (*row.chain.exprs, *row.conditions):
                if isinstance(e, sp.Basic) and e.has(PARTIAL):
                    raise LatexParseError("\\partial outside a derivative fraction", row.line, row.column)
                if isinstance(e, sp.Basic) and e.has(HugePower):
                    raise LatexParseError("exponent too large", row.line, row.column)
        indices = self.free_indices(rows)
        sizes = tuple(sorted({s for s in self.symbols.values() if s.name in self.size_names}
                             | {s for r in indices.values() for s in r[1].free_symbols}, key=str))
        arrays = {}
        for (base, position), n in self.lengths.items():
            if position == 0:
                arrays.setdefault(base, n)
        return Block(tuple(rows), tuple(dict.fromkeys(self.warnings)), indices, arrays, sizes,
                     frozenset(self.used_functions), self.zero_based)

    def prescan(self, tree) -> None:
        """Which names are bound indices (``\\sum_{i=...}``), sizes (upper limits) and index subscripts."""
        for node in tree.iter_subtrees():
            if node.data == "bigop":
                for script in node.children[1:]:
                    if not isinstance(script, lark.Tree) or script.data != "script":
                        continue
                    names = [t.value for t in script.scan_values(lambda v: isinstance(v, lark.Token))
                             if t.type in ("NAME", "WORD")]
                    if script.children[0].type == "USCORE" and names:
                        self.bound.add(names[0])
                        rel = [t for t in script.scan_values(lambda v: isinstance(v, lark.Token)) if t.type == "REL"]
                        if len(names) > 1 and not rel:
                            self.bound.update(names[1:])
                    elif script.children[0].type == "POW":
                        self.size_names.update(names)
            if node.data == "script" and node.children[0].type == "USCORE":
                value = node.children[1].children[0]
                value = value if isinstance(value, lark.Token) else _only_token(value.children[1])
                if isinstance(value, lark.Token) and value.type in ("NAME", "WORD") \
                        and set(value.value) <= INDEX_LETTERS:
                    self.index_names.update(value.value)
        self.index_names |= self.bound | self.declared_indices
        if self.index_names:  # i, j in "(i \ne j)" are the indices of z_i, z_j
            self.index_names |= {t.value for t in tree.scan_values(lambda v: isinstance(v, lark.Token))
                                 if t.type == "NAME" and t.value in INDEX_LETTERS}
        self.size_names -= self.index_names

    # ** rows **

    def rows(self, tree) -> list[Row]:
        out = []
        for child in tree.children:
            if isinstance(child, lark.Tree) and child.data == "row":
                out.extend(self.row(child))
        return out

    def row(self, tree) -> list[Row]:
        saved, self.pending = self.pending, []
        items = []
        for child in tree.children:
            if isinstance(child, lark.Token):
                items.append(child)
                continue
            value = self.expr(child)
            if isinstance(value, _Annotation):  # a parenthesised condition standing alone: ``, \quad (x < 0)``
                self.pending.append(value)
            else:
                items.append((value, child))
        annotations, self.pending = self.pending, saved
        if len(items) == 1 and isinstance(items[0], tuple) and isinstance(items[0][0], _Env):
            env = items[0][0]
            if env.name in ALIGNED:
                return env.rows
            raise self.error(f"a bare {env.name} environment", items[0][1])
        parts = None if annotations else joined_equations(items, self.text)
        if parts is not None:  # F(t) := ... \quad\text{and}\quad G(t) := ...: two equations, two rows
            return [self.interpret(items[a:b], tree, []) for a, b in parts]
        return [self.interpret(items, tree, annotations)]

    def interpret(self, items, tree, annotations) -> Row:
        line, column, text = self.position(tree)
        conditions = [c for a in annotations for c in a.conditions]
        notes = [a.text for a in annotations]
        if not items:
            return Row(Chain(()), text, line, column, kind="empty")
        for item in items:
            if isinstance(item, tuple) and isinstance(item[0], _Env):
                raise self.error(f"{item[0].name} environment inside a row", item[1])
            if isinstance(item, tuple) and isinstance(item[0], _DerivativeOperator):
                raise self.error("a derivative operator with nothing to act on", item[1])
        kind, k = "formula", 0
        while k < len(items) and _is_token(items[k], "AMP"):
            k += 1
        if k < len(items) and _is_token(items[k], "PROSE"):
            word = items[k].value
            kind = ("constraint" if word in ("s.t.", "subject") else "where" if word in ("where", "with", "let")
                    else "condition" if word in ("when", "if", "for", "given") else "prose")
            notes.append(word)
            k += 1
        exprs, rels, continued, expect = [], [], False, "expr"
        held, tokens = [], []  # the sides as read and the relations' tokens, for a premise read as a condition
        if k < len(items) and _is_token(items[k], "REL"):
            continued, expect = True, "rel"
        while k < len(items):
            item = items[k]
            if isinstance(item, tuple):
                if expect != "expr":
                    break
                exprs.append(item[0])
                held.append(item)
                expect = "rel"
            elif item.type == "REL":
                if expect != "rel":
                    raise self.error("two relations in a row", item)
                rels.append(item.value)
                tokens.append(item)
                expect = "expr"
            elif not (item.type == "AMP" and (_is_token(_past_amps(items, k, 1), "REL")
                                              or _is_token(_past_amps(items, k, -1), "REL"))):
                break  # an alignment mark (&, or && as in "w & <- ... && = ...") next to a relation is skipped
            k += 1
        tail = items[k:]
        arrow = _logical_arrow(tail)
        if arrow is not None and rels and expect == "rel" and not continued:
            return self.implication(items[k + arrow:], tree, held, tokens, conditions, notes)
        if any(_is_token(item, "PROSE") and item.value.startswith("mod ") for item in tail):
            rels = ["congruent" if r in ("equiv", "=") else r for r in rels]  # a \equiv b \pmod{n}
        question = any(_is_token(item, "PROSE") and item.value == "?" for item in tail)
        if rels and expect == "expr" and question:
            rels.pop()  # \frac{d}{dV} f = \;?: the question asked, nothing asserted
        if rels and expect == "expr":
            raise self.error("a relation without a right side", items[k - 1])
        more, listed, extra_notes = self.conditions(tail)
        conditions += more
        notes += extra_notes
        if kind == "formula" and listed and not rels:
            kind = "list"
        if kind == "formula" and not exprs or question:
            kind = "prose"  # a question (``A = ... ?``) is read, not asserted
        return Row(Chain(tuple(exprs), tuple(rels)), text, line, column, kind, continued,
                   tuple(conditions), tuple(notes))

    def implication(self, tail, tree, held, tokens, conditions, notes) -> Row:
        r"""A row ``P \Rightarrow Q`` (``\implies``): the claim is Q under the condition P; the premise is what is
        assumed, so ``x = 2 \Rightarrow x^2 = 4`` holds and ``x^2 = 4 \Rightarrow x = 2`` fails at x = -2 (Q was the
        condition of P before: the converse was checked).  An equivalence ``P \iff Q`` asserts both directions: the
        row is read as the implication with the note :data:`EQUIVALENCE`, and its reader claims P under Q as well
        (only where neither side carries conditions of its own: ``ab = 0 \iff a = 0 \text{ or } b = 0`` is a
        disjunction this reader does not keep).  An
        implication or equivalence whose premise is not a condition (``\sim``, ``\approx``) or whose conclusion is
        not a relation claims nothing (prose)."""
        line, column, text = self.position(tree)
        word = tail[0].value
        premise = self.relation_chain(held, tokens)
        consequent = self.interpret(tail[1:], tree, [])
        exprs, rels = tuple(e for e, *_ in held), tuple(t.value for t in tokens)
        if (word not in IMPLICATION_ARROWS | EQUIVALENCE_ARROWS or premise is None or consequent.kind != "formula"
                or not consequent.chain.rels or consequent.continued
                or word in EQUIVALENCE_ARROWS and (conditions or consequent.conditions)):
            return Row(Chain(exprs, rels), text, line, column, "prose", False, tuple(conditions),
                       tuple(notes) + (word,))
        both = (EQUIVALENCE,) if word in EQUIVALENCE_ARROWS else ()
        return Row(consequent.chain, text, line, column, "formula", False,
                   tuple(conditions) + consequent.conditions + (premise,),
                   tuple(notes) + (word, PREMISE) + both + consequent.notes)

    def conditions(self, items) -> tuple[list, bool, list[str]]:
        """Side conditions after a formula: ``, x > 0``, ``\\text{ when } i = j``, ``& \\text{otherwise}``."""
        conditions, listed, notes, segment, previous = [], False, [], [], None

        def close(words_after=False):
            nonlocal listed
            if not segment:
                return
            exprs = [s for s in segment if isinstance(s, tuple)]
            rels = [s for s in segment if not isinstance(s, tuple)]
            if rels and len(exprs) != len(rels) + 1 and (words_before or words_after):
                notes.append(" ".join(r.value for r in rels))  # \text{if reduction} = \text{`mean'}: a condition
                segment.clear()  # written in words around its relation, kept as prose (no condition is read)
                return
            signed = _signed_names(exprs, previous_words, next_words) if not rels else None
            if signed is not None:  # \text{for negative } x, \text{when } x \text{ is negative}: x < 0
                conditions.extend(signed)
            elif rels:
                built = self.relation_chain(exprs, rels)
                if built is not None:
                    conditions.append(built)
                else:
                    notes.append(" ".join(r.value for r in rels))
            elif conditions and isinstance(conditions[-1], (sp.Eq, sp.Or)) and len(exprs) == 1:
                last = conditions[-1]
                target = (last.args[0] if isinstance(last, sp.Or) else last).lhs
                conditions[-1] = sp.Or(last, sp.Eq(target, exprs[0][0]))
            else:
                listed = True
            segment.clear()

        words_before, previous_words, next_words = False, "", ""
        for item in items:
            if isinstance(item, tuple) or item.type == "REL":
                if not segment:
                    words_before = bool(previous is not None and not isinstance(previous, tuple)
                                        and previous.type == "PROSE")
                    previous_words = previous.value if words_before else ""
                segment.append(item)
                previous = item
                continue
            next_words = item.value if item.type == "PROSE" else ""
            close(words_after=item.type == "PROSE")
            next_words = ""
            previous = item
            if item.type == "PROSE":
                notes.append(item.value)
                if item.value in ("otherwise", "else"):
                    conditions.append(sp.true)
        close()
        return conditions, listed, notes

    def relation_chain(self, exprs, rels):
        if len(exprs) != len(rels) + 1:
            raise self.error("a condition with a dangling relation", rels[-1])
        parts = [self.membership(exprs[k][0], exprs[k + 1]) if rels[k].value == "in"
                 else _condition(exprs[k][0], rels[k].value, exprs[k + 1][0], rels[k]) for k in range(len(rels))]
        if any(p is None for p in parts):
            return None
        return sp.And(*parts)

    def membership(self, element, container):
        value, tree = container
        meta = tree.meta
        text = "" if getattr(meta, "empty", True) else self.text[meta.start_pos:meta.end_pos]
        return membership(element, value, text)

    # ** arithmetic **

    def expr(self, tree):
        children = tree.children
        value = self.term(children[0])
        if len(children) == 1:
            return value
        value = self.plain(value, children[0])
        for op, term in zip(children[1::2], children[2::2]):
            right = self.plain(self.term(term), term)
            if op.type == "ADD":
                value = value + right
            elif op.type == "SUB":
                value = value - right
            else:
                value = value + (PlusMinus(right) if op.type == "PM" else -PlusMinus(right))
        return value

    def term(self, tree):
        children = tree.children
        value = self.factor(children[0])
        if len(children) == 1:
            return value
        value = self.plain(value, children[0])
        for op, factor in zip(children[1::2], children[2::2]):
            right = self.plain(self.factor(factor), factor)
            if op.type == "DIV":
                derivative = self.derivative(value, right, factor)
                value = value / right if derivative is None else self.plain(derivative, factor)
            elif op.type == "AST" and op.value in ("ast", "star", "∗"):
                value = sp.Function("conv")(value, right)
                self.used_functions.add("conv")
            elif op.value == "@":  # A \mathbin{@} B: a matrix product whose shapes the notes do not give
                value = sp.Function("matmul")(value, right)
                self.used_functions.add("matmul")
            elif op.value == "bmod":  # 17 \bmod 5 = 2
                value = sp.Mod(value, right)
            elif op.value in SET_OPERATIONS:  # A \cap B: an event or set, never a product
                value = sp.Function(SET_OPERATIONS[op.value])(value, right)
                self.used_functions.add(SET_OPERATIONS[op.value])
            else:
                value = value * right
        return value

    def factor(self, tree):
        if tree.data == "signed":
            op, inner = tree.children
            value = self.plain(self.factor(inner), inner)
            return {"ADD": value, "SUB": -value, "PM": PlusMinus(value), "MP": -PlusMinus(value)}[op.type]
        if tree.data == "evaluated":
            return self.evaluated(tree)
        return self.product(tree.children)

    def plain(self, value, node):
        """``value`` as a sympy expression (an environment or annotation there is an error)."""
        if isinstance(value, sp.Basic):
            return value
        if isinstance(value, _Env):
            raise self.error(f"{value.name} environment inside an expression", node)
        if isinstance(value, _Annotation):
            raise self.error("a side condition where a value was expected", node)
        raise self.error("misplaced derivative operator", node)

    def product(self, posts):
        pieces = [self.piece(p) for p in posts]
        pieces = self.repair(pieces)
        if self.integrals and self.integrals[-1].get("variable") is None:
            pieces = self.take_differential(pieces)
            if not pieces and self.integrals[-1].get("variable") is not None:
                return sp.Integer(1)  # \int_0^1 dx, \int \frac{dx}{x}: the differential alone
        values, annotations = [], []
        for piece in pieces:
            value = self.resolve(piece) if isinstance(piece, _NamePiece) else self.post(piece)
            if isinstance(value, _Annotation):
                self.pending.append(value)
                annotations.append(value)
            elif values and _bare(piece, "paren") and _applied_derivative(values[-1], value) is not None:
                values[-1] = _applied_derivative(values[-1], value)  # \frac{dg}{dx}(x_0): g' at x_0
            else:
                values.append(value)
        if not values and annotations and all(a in self.pending for a in annotations):
            for a in annotations:  # y = -x \quad (x < 0): the condition alone, the row's to keep (self.row)
                self.pending.remove(a)
            return annotations[-1] if len(annotations) == 1 else _Annotation(
                " ".join(a.text for a in annotations), tuple(c for a in annotations for c in a.conditions))
        if not values:
            raise self.error("a side condition where a value was expected", posts[0])
        if len(values) == 1 and isinstance(values[0], (_Env, _DerivativeOperator)):
            return values[0]  # (\frac{d}{dx})^n f: the operator alone, applied by the product around it
        result, operand = sp.Integer(1), False
        for value in reversed(values):
            if isinstance(value, _DerivativeOperator):
                if not operand:
                    raise self.error("a derivative operator with nothing to act on", posts[-1])
                result = value.applied_to(result)
            else:
                result, operand = self.plain(value, posts[0]) * result, True
        return result

    def piece(self, post):
        if post.data != "name_post":
            return post
        name = post.children[0].children[0]
        scripts, call, after = [], None, []
        for child in post.children[1:]:
            if child.data == "call":
                call = child
            elif call is not None:
                after.append(_script(child))
            else:
                scripts.append(_script(child))
        end = post.children[-1] if len(post.children) > 1 else name
        return _NamePiece(name, scripts, call, name.start_pos, _end(end), after)

    def repair(self, pieces):
        """Lost underscores: ``\\mu{\\mathcal{B}}`` -> ``\\mu_{\\mathcal{B}}``, ``\\hat{x}i`` -> ``\\hat{x}_i``."""
        out, k = [], 0
        while k < len(pieces):
            piece = pieces[k]
            nxt = pieces[k + 1] if k + 1 < len(pieces) else None
            if isinstance(piece, _NamePiece) and not piece.scripts and piece.call is None and nxt is not None:
                if _bare(nxt, "group") and _start(nxt) == piece.end:
                    piece.scripts.append(("sub", nxt.children[0]))
                    piece.end = _end(nxt)
                    k += 1
                    after = pieces[k + 1] if k + 1 < len(pieces) else None
                    if after is not None and (_bare(after, "paren") or _bare(after, "bracket")) \
                            and _start(after) == piece.end:
                        piece.call = after.children[0]
                        piece.end = _end(after)
                        k += 1
                    self.warn_underscore(piece)
                elif piece.token.value.endswith("}") and isinstance(nxt, _NamePiece) and nxt.start == piece.end \
                        and nxt.token.type == "NAME" and nxt.token.value in self.index_names and not nxt.scripts:
                    piece.scripts.append(("sub", nxt.token))
                    piece.call, piece.end = nxt.call, nxt.end
                    k += 1
                    self.warn_underscore(piece)
            out.append(piece)
            k += 1
        return out

    def warn_underscore(self, piece: _NamePiece) -> None:
        raw = self.text[piece.start:piece.end]
        self.warnings.append(f"read {raw!r} as a subscript (a missing '_'?)")

    def take_differential(self, pieces):
        r"""An integrand's trailing ``dx``, ``d\tau``, ``\mathrm{d}x``: the integration variable.  Several
        (``\int\int f \,dx\,dy``) go to the open integrals from the innermost out, in the order written;
        any beyond them are further variables of the innermost (``\int_{x,y} f \,dx\,dy``)."""
        found = []
        while True:
            last = pieces[-1] if pieces else None
            if isinstance(last, _NamePiece) and last.token.type == "WORD" \
                    and re.fullmatch(r"d[A-Za-z]", last.token.value) and not last.scripts and last.call is None:
                found.append(self.symbol(last.token.value[1]))
                pieces = pieces[:-1]
                continue
            if len(pieces) >= 2 and isinstance(pieces[-2], _NamePiece) and pieces[-2].token.value == "d" \
                    and not pieces[-2].scripts and isinstance(last, _NamePiece) and last.call is None:
                variable = self.resolve(last)
                if isinstance(variable, (sp.Symbol, sp.Indexed)):
                    found.append(variable)
                    pieces = pieces[:-2]
                    continue
            break
        found.reverse()
        frames = []
        for f in reversed(self.integrals):
            if f.get("variable") is False:
                break  # inside a derivative fraction: the integrals around it are out of reach
            if f.get("variable") is None:
                frames.append(f)
        for frame, variable in zip(frames, found):
            frame["variable"] = variable
        if found[len(frames):]:
            self.integrals[-1]["more"] = found[len(frames):]
        return pieces

    # ** names **

    # ** finishing **

    def finish_literals(self, rows):
        """``x_1`` is the element ``x[1]`` when ``x`` is an array in this block, else a name."""
        swap = {s: self.arrays[b][k] for s, (b, k) in self.literals.items() if b in self.arrays}
        if not swap:
            return rows
        return [Row(Chain(tuple(e.xreplace(swap) for e in r.chain.exprs), r.chain.rels), r.text, r.line, r.column,
                    r.kind, r.continued, tuple(c.xreplace(swap) for c in r.conditions), r.notes) for r in rows]

    def free_indices(self, rows) -> dict:
        candidates = {s for n, s in self.symbols.items() if n in self.index_names}
        free = set()
        for row in rows:
            for e in (*row.chain.exprs, *row.conditions):
                free |= e.free_symbols & candidates
        out = {}
        for index in sorted(free, key=str):
            length = None
            for row in rows:
                for e in row.chain.exprs:
                    for element in e.atoms(sp.Indexed):
                        for position, i in enumerate(element.indices):
                            if i == index and (element.base, position) in self.lengths:
                                length = length or self.lengths[(element.base, position)]
            length = length if length is not None else self.default_size()
            out[index] = (sp.Integer(0), length - 1) if self.zero_based else (sp.Integer(1), length)
        return out

    # ** positions **

    def position(self, tree) -> tuple[int, int, str]:
        meta = tree.meta
        if getattr(meta, "empty", True):
            return 1, 1, ""
        return meta.line, meta.column, self.text[meta.start_pos:meta.end_pos]

    def error(self, message: str, node) -> LatexParseError:
        return _node_error(message, node)



SET_OPERATIONS = {"cap": "intersection", "cup": "union", "setminus": "difference", "backslash": "difference",
                  "∩": "intersection", "∪": "union"}
r"""``A \cap B``, ``A \cup B``, ``A \setminus B`` (``A \backslash B``): opaque set operations."""


def _applied_derivative(derivative, argument):
    r"""``\frac{dg}{dx}(a)``: the derivative of the function ``g`` at ``a``, not ``a`` times a derivative.

    .. math:: \frac{dg}{dx}(a) = \left.\frac{d}{dx} g(x)\right|_{x = a},\qquad
              \frac{\partial f}{\partial x}(x, y) = \frac{\partial}{\partial x} f(x, y)

    Only for the derivative of a bare name in one variable; None otherwise (the product reading stays)."""
    if not isinstance(derivative, sp.Derivative) or not isinstance(derivative.expr, sp.Symbol) \
            or len(derivative.variable_count) != 1 or not isinstance(argument, sp.Basic):
        return None
    variable, order = derivative.variable_count[0]
    if not isinstance(variable, sp.Symbol):
        return None
    args = argument.args if isinstance(argument, AppliedUndef) and argument.func.__name__ == "tuple" \
        else (argument,)
    function = sp.Function(derivative.expr.name)
    if variable in args:
        return sp.Derivative(function(*args), (variable, order), evaluate=False)
    if len(args) != 1:
        return None
    return sp.Subs(sp.Derivative(function(variable), (variable, order), evaluate=False), variable, args[0])


def _past_amps(items, k: int, step: int):
    """The item after (``step`` 1) or before (-1) the run of alignment marks at ``k``, or None."""
    while 0 <= k < len(items) and _is_token(items[k], "AMP"):
        k += step
    return items[k] if 0 <= k < len(items) else None
