r"""Matrix claims in notes: $(\mathbf{A}\mathbf{B})^\top = \mathbf{B}^\top\mathbf{A}^\top$ checked as matrix algebra.

A claim is a matrix claim when it has a bold name (``\mathbf{A}``, ``\boldsymbol\Sigma``), a transpose, a
name the note declares a vector or matrix (:mod:`readers.notes.matrix_declarations`), ``\operatorname{tr}``,
``\det`` or ``\odot``.  It is read once more with order-keeping products
(:mod:`readers.latex.matrix_reader`), and then:

* **kinds**: bold capitals are matrices, bold lower case letters column vectors, ``I`` the identity;
  a plain capital is a scalar or a matrix, a plain lower case Latin letter a scalar or a vector (both
  readings are checked), lower case Greek letters are scalars; where the readings fail or disagree, the names the
  note itself writes transposed (``A^T``) or under ``\det``/``\operatorname{tr}`` are read as arrays, to confirm
  only (:mod:`readers.notes.usage_kinds`);
* **shapes**: sizes are tied by the claim (:mod:`readers.notes.matrix_shapes`); a reading whose shapes
  cannot be made consistent is dropped, and a claim with none is ``undecided``, saying so;
* **samples**: each reading is checked in float64 on random matrices at :data:`MIN_SHAPES` or more size
  assignments (:mod:`readers.notes.matrix_numeric`); derivatives in both layouts;
* **verdict**: every reading holds on every sample: ``verified`` (``proved`` when sympy's matrix
  expressions reduce $L - R$ to zero); every reading fails on every sample: ``refuted``, with a small
  integer counterexample; otherwise ``undecided``, with the readings.  A derivative claim that holds in
  one layout is confirmed naming it; a layout choice is never refuted;
* **powers**: a claim with a symbolic exponent (``\mathbf{A}^n``) is decided at n = 1, 2, 3, 4
  (:mod:`readers.notes.matrix_powers`): verified naming them, else undecided;
* **written out**: a claim made of written-out matrices (``\begin{bmatrix}...\end{bmatrix}``, ``[x, y]^\top``),
  or on names the note wrote out earlier and that are still in force (:mod:`readers.notes.matrix_literals`),
  is checked exactly with sympy ``Matrix`` (:mod:`readers.notes.matrix_exact`): ``proved`` or ``refuted``
  with the values; the gradient and Hessian of a function the notes define are computed there too;
* **context**: an earlier matrix equation that fails as an identity and names something on one side only
  (``\mathbf{A}\mathbf{W} = \mathbf{W}\boldsymbol\Sigma``) constrains its section: later claims on its names
  are checked with it solved for one name ($A = W \Sigma W^{-1}$), or are ``undecided`` saying why.
  Definitions (``\mathbf{C} = \mathbf{X}^\top\mathbf{X}``) are substituted.
"""
from __future__ import annotations

import dataclasses

import itertools
import json
import re
from dataclasses import dataclass

import numpy as np
import sympy as sp
from sympy.core.function import AppliedUndef

from readers.latex.matrix_reader import parse_matrix_block
from readers.latex.nodes import MatrixLiteral
from readers.notes.blocks import find_blocks
from readers.notes.eigenpairs import NoEigenpair, eigenpair, stated_eigenpairs
from readers.notes import kernel_blocks, matrices_elsewhere, matrix_columns
from readers.notes.eigenvalues import as_listed, listed_eigenvalues, over_eigenvalues
from readers.notes.gradients import entries, in_own_argument
from readers.notes.matrix_declarations import _local as is_local, declarations
from readers.notes.matrix_decompositions import in_force as decompositions_in_force, stated_decompositions
from readers.notes.matrix_exact import Exact, NotExact, compare, has_literal, literal_names, poses_equation, show
from readers.notes.matrix_literals import in_force, literal_definitions
from readers.notes.matrix_powers import at_exponents, symbolic_exponent
from readers.notes.matrix_numeric import (FAILS, HOLDS, HOLDS_CENTRAL, Evaluator, Resample, declared_size_values, gap,
                                         sample, sizes)
from readers.notes.matrix_shapes import LAYOUTS, MATRIX_NORM, Kind, ShapeError, Unsupported, infer
from readers.notes.norm_functions import NORMS as NORM_READINGS, declared_norms, norm_names
from readers.notes.null_spaces import NullSpace, in_null_space, null_space_equation
from readers.notes.opaque_gradients import opaque_gradients, refutes_nothing
from readers.notes.report import StepReport
from readers.notes.sigmoid import READ as SIGMOID_READ, as_sigmoid
from readers.notes.usage_kinds import array_names, shown_kinds
from readers.notes import optimum_restatements
from readers.notes import common_factors, free_equations, vector_moments

MIN_SHAPES = 3
"""Size assignments each reading is sampled at (when it has free sizes)."""
SAMPLES = 3
"""Samples per size assignment."""
RETRIES = 6
"""Draws per sample when a draw falls outside the claim's domain (a near-singular inverse)."""
CHAIN_PRODUCT = ("matrix claim: prod(A, B), the chain rule's product of derivatives after the transpositions their "
                 "shapes need: the shapes of its arguments are not known here")
r"""Why a claim with d2l's $\text{prod}(\frac{\partial J}{\partial \mathbf{o}}, \frac{\partial \mathbf{o}}
{\partial \mathbf{h}})$ is not checked as written (which product it is depends on shapes the notes do not give)."""
SHAPES = "the shapes cannot be made consistent"
"""Why a reading has no verdict: no kinds and sizes of its names fit its products and sums."""
DOT_READING = r"reading \cdot between two columns as their dot product (as a product its shapes do not fit)"
MAX_UNKNOWN = 4
"""Most names of unknown kind (each read two ways) in one claim."""
COUNTEREXAMPLE_TRIES = 150
"""Small integer draws tried for a counterexample before falling back to the float sample."""
SEED = 20240612

_BOLD = re.compile(r"\\(?:mathbf|boldsymbol|bm|pmb|mathbfit|vec|bold)\{")
_IDENTITY = re.compile(r"(?:\\(?:mathbf|mathrm|mathbb|boldsymbol|bm)\{I\}|I)(?:_\{?[A-Za-z0-9]+\}?)?")
_SCALAR_WORD = re.compile(r"\bscalars?\b", re.IGNORECASE)
_GREEK_CAPS = frozenset({"Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega"})


def _core(name: str) -> str:
    """The letter under the decorations: ``\\hat{\\mathbf{x}}_i`` -> ``x``, ``\\boldsymbol{\\Sigma}`` -> ``Sigma``."""
    name = re.sub(r"_.*$", "", name)
    found = re.findall(r"\\([A-Za-z]+)|([A-Za-z0-9])", re.sub(r"\\(?:mathbf|boldsymbol|bm|pmb|mathbfit|vec|bold|hat|"
                                                           r"tilde|bar|overline|widehat|widetilde|mathrm|mathit)"
                                                           r"(?=\{|\s)", "", name))
    for word, letter in found:
        if word or letter:
            return word or letter
    return name


def _plain_letter(name: str) -> str | None:
    r"""The plain letter a bold name sets in bold: ``\mathbf{W}`` -> ``W``, ``\boldsymbol{\Sigma}`` -> ``\Sigma``;
    None for any other name."""
    m = re.fullmatch(r"\\(?:mathbf|boldsymbol|bm|pmb|mathbfit|bold)\{(\\?[A-Za-z]+)\}", name.strip())
    if m is None or (len(m.group(1)) > 1 and not m.group(1).startswith("\\")):
        return None
    return m.group(1)


def _typefaces(lhs, rhs) -> dict:
    r"""Plain letters of a claim that also appear in bold in it (``A`` and ``\mathbf{A}``): plain -> bold."""
    symbols = {s for s in lhs.free_symbols | rhs.free_symbols if not s.is_commutative}
    bold = {_plain_letter(s.name): s for s in symbols if _plain_letter(s.name) is not None}
    return {s: bold[s.name] for s in symbols if s.name in bold}


def _as_trace(pair):
    r"""``\operatorname{Tr}(A)`` (the Deep Learning book's spelling) as the trace ``tr(A)``."""
    return tuple(e.replace(lambda f: isinstance(f, AppliedUndef) and f.func.__name__ == "Tr",
                           lambda f: sp.Function("tr")(*f.args)) for e in pair)


class DefinedVariable(Exception):
    r"""A derivative with respect to a name the section defines as matrix algebra ($\partial J / \partial
    \mathbf{o}$ after $\mathbf{o} = \mathbf{W}\mathbf{h}$): the claim is undecided, never an internal error."""


def kind_options(name: str, declared) -> list[Kind]:
    """The kinds a name may have: one when bold, declared or conventional; two for a plain letter."""
    props = frozenset(declared.props.get(name, ()))
    plain = _plain_letter(name)
    if plain is not None and name not in declared.kinds and not props and declared.props.get(plain):
        props = frozenset(declared.props[plain])  # "take $W$ to be orthogonal", then $\mathbf{W}$: one matrix
        return [Kind("matrix", declared.dims.get(plain, ()), props)]
    if name in declared.kinds:
        return [Kind(declared.kinds[name], declared.dims.get(name, ()), props)]
    core = _core(name)
    if _IDENTITY.fullmatch(name):
        return [Kind("identity")]
    if _BOLD.search(name):
        if core == "1":
            return [Kind("ones")]
        if core[:1].isupper():
            return [Kind("matrix", (), props)]
        return [Kind("vector", (), props)]
    if props:
        return [Kind("matrix", (), props)]
    if core in _GREEK_CAPS or (len(core) == 1 and core.isupper()):
        return [Kind("scalar"), Kind("matrix")]
    if len(core) == 1 and core.islower():
        return [Kind("scalar"), Kind("vector")]
    return [Kind("scalar")]


@dataclass(frozen=True)
class _Outcome:
    status: str  # holds, fails, mixed, unknown, unsupported
    detail: str = ""
    typing: object = None
    central: bool = False


@dataclass
class _Constraint:
    section: int
    line: int
    lhs: sp.Expr
    rhs: sp.Expr
    shown: str


class MatrixClaims:
    """The matrix side of one note: its declarations, its matrix equations in force, and the check."""

    def __init__(self, text: str):
        self.text = text
        self.notes = declarations(text)
        self.declared = self.notes.at(0)  # what holds at the claim being checked (set by check)
        self.constraints: list[_Constraint] = []
        self._parsed: dict = {}
        self._fragments = None
        self._literals = None
        self._functions: dict = {}
        self._decompositions = None
        self._norms = None
        self._eigenvalues = None
        self._eigenpairs = None
        self._used = None  # plain names the note writes as arrays (readers.notes.usage_kinds)
        self.pairs = ()  # eigenpairs in force at the claim being checked: (vector, matrix, value) symbols
        self.by_layout = {}  # the last outcomes' statuses in each layout (outcomes)
        self.layouts = {}  # section -> (layout, line): the one layout a derivative claim held in (decide)
        self.random = None  # (prose, names with a stated law) where moments of random vectors are read (check)
        self.sigmoid = False  # an undefined sigma(.) is the logistic sigmoid: the notes speak of it (set by check)

    def read_fragments(self, fragments) -> None:
        r"""Find definitions in ``fragments``, the blocks as the claims are read (the note's macros expanded, bold
        runs spread: ``\bs{c}^* = \argmin{c} \norm{\bs{x} - g(\bs{c})}`` defines ``c^*`` only so read)."""
        self._fragments = list(fragments)

    # ** when **

    def applies(self, claim, frag, force: bool) -> bool:
        if force:
            return True
        names = {s.name for e in (claim.lhs, claim.rhs) for s in e.free_symbols if isinstance(s, sp.Symbol)}
        if any(self.declared.kinds.get(n, "scalar") != "scalar" for n in names):
            return True
        if not (getattr(claim, "shown_lhs", "") or getattr(claim, "read_as", "")) \
                and self.writes_declared(frag, claim.line, cancelled_from=names):
            return True  # X(X^T X)^{-1}X^T = I: the scalar parse cancelled the declared matrix X to "1 = I" (not
            # a claim the reader derived from the block, as the stationarity of x* = -Q^{-1}c, read in its own way)
        if any(n in self.written_out_letters(claim.line) or re.fullmatch(r"[A-Z]{2,4}", n)
               and set(n) <= self.declared.matrix_letters() | self.written_out_letters(claim.line) for n in names):
            return True  # A = PDP^{-1} after A, P and D were written out entry by entry
        if any(f.func.__name__ in ("tr", "det", "Tr", "inner") for e in (claim.lhs, claim.rhs)
               for f in e.atoms(AppliedUndef)):
            return True  # \langle u, v \rangle: u and v are vectors (or scalars), never arguments of a function
        if any(e.has(MatrixLiteral) for e in (claim.lhs, claim.rhs)):
            return True  # written out entry by entry (readers.notes.matrix_exact)
        return "\\odot" in frag.content or "⊙" in frag.content or self.commuted(claim, frag)

    def commuted(self, claim, frag) -> bool:
        r"""Whether the scalar parse cancelled every capital the block writes transposed (``X(X^T X)^{-1}X^T = I``
        read as ``1 = I``), or the claim holds in numbers only because numbers commute or cancel, while the
        order-keeping reading of its capitals keeps the two sides apart: :math:`(AB)^{-1} = A^{-1}B^{-1}` and
        :math:`X(X^\top X)^{-1}X^\top X = X` (both ``1/(AB) = 1/(AB)``, ``X = X`` to the scalar parse) were proved.
        Such a claim is matrix algebra as much as arithmetic, and both readings are checked."""
        names = {s.name for e in (claim.lhs, claim.rhs) for s in e.free_symbols if isinstance(s, sp.Symbol)}
        if claim.rel != "=" or getattr(claim, "shown_lhs", "") or getattr(claim, "read_as", "") \
                or not any(re.fullmatch(r"[A-Z]", n) for n in names | _capitals_written(frag.content)):
            return False
        try:
            holds = sp.expand(claim.lhs - claim.rhs) == 0
        except (TypeError, ValueError, AttributeError):
            return False
        transposed = _capitals_written(frag.content, inverted=False)
        lost = bool(transposed) and not transposed & {_core(n) for n in names}
        if not (holds or lost) or matrices_elsewhere.borrowed(self.notes, claim.line, names) is not None:
            return False  # (letters another section declares: readers.notes.matrices_elsewhere reads both ways)
        pair = self.reading(claim, frag, frozenset(), frozenset())
        if isinstance(pair, str) or all(e.is_commutative for e in pair):
            return False
        try:  # the claim the block writes (not one derived from it: 0 = 0 at a stated optimum)
            if any(sp.expand(_commutative(a) - b) != 0 for a, b in zip(pair, (claim.lhs, claim.rhs))):
                return False
            return lost or sp.expand(pair[0] - pair[1]) != 0  # lost: X(X^T X)^{-1}X^T = I read as "1 = I"
        except (TypeError, ValueError, AttributeError):
            return False

    def defined_letters(self, line: int, section) -> frozenset:
        r"""The capital letters ``section`` defines before ``line`` by a body in declared matrices
        (``H = X(X^\top X)^{-1}X^\top`` after ``X \in \mathbb{R}^{n \times d}``), or by a body that transposes a
        capital: matrices, whose scalar parse (``H = 1``) proved :math:`H^2 = H` for every ``H``."""
        letters = self.notes.at(line).matrix_letters()  # as declared: not self.declared, which a claim's check widened
        out = set()
        for key in section.symbols:
            name = getattr(key, "name", None)
            at = section.owner.get(key, (None, 0))[1]
            if name is None or not re.fullmatch(r"[A-Z]", name) or name in letters or not 0 < at <= line:
                continue
            body = self.definition(name, at)
            if body is not None and not body.is_commutative and (letters or any(
                    f.func.__name__ == "transpose" for f in body.atoms(AppliedUndef))):
                out.add(name)  # (no letter declared: a body that transposes, M = Z(Z^T Z)^{-1}Z^T)
        return frozenset(out)

    def constrains(self, lhs, rhs) -> bool:
        r""":func:`_constrains`, a declared size aside: in :math:`\det(cA) = c^{n-1}\det(A)` with ``A`` declared
        n x n, ``n`` is A's size (set with each sample), no unknown the equation could be solving for."""
        sizes = {str(d) for x in lhs.free_symbols | rhs.free_symbols for d in self.declared.dims.get(x.name, ())}
        one_sided = {x for x in _one_sided(lhs, rhs) if x.name not in sizes}
        return bool(one_sided) or lhs == 0 or rhs == 0

    def writes_declared(self, frag, line: int, text: str | None = None, cancelled_from=()) -> bool:
        r"""Whether the block ``frag`` (or ``text``, a part of it) writes a letter declared a vector or matrix at ``line``
        (``X`` after ``$X \in \mathbb{R}^{n \times d}$``), whatever its scalar parse kept: in numbers
        :math:`X(X^\top X)^{-1}X^\top` is 1.  With ``cancelled_from`` (the names the scalar parse kept), only a letter
        none of them writes (``x^{*} = -Q^{-1}c`` keeps x: nothing cancelled, no reason to force the matrix reading)."""
        text = frag.content if text is None else text
        return any(re.search(rf"(?<![A-Za-z\\]){n}(?![A-Za-z])", text)
                   and not any(re.search(rf"(?<![A-Za-z]){n}(?![A-Za-z])", name) for name in cancelled_from)
                   for n in self.notes.at(line).matrix_letters())

    def operation(self, lhs) -> bool:
        """Whether a left side is a matrix operation, never a name being defined: ``tr(AB)``, ``\\det A``,
        ``A^T``, or a gradient in a vector or matrix (``\\nabla_{\\mathbf{x}} f``)."""
        if not isinstance(lhs, AppliedUndef):
            return False
        name = lhs.func.__name__
        if name in ("tr", "Tr", "det", "transpose"):
            return True
        if name.startswith("nabla_"):
            variable = name[len("nabla_"):]
            return bool(_BOLD.search(variable)) or variable in self.notes.anywhere()
        return False

    # ** the check **

    def check(self, claim, frag, section, shown: dict, *, force: bool, names=frozenset(),
              functions=frozenset(), declared=None, random=None) -> list[StepReport] | None:
        r"""The steps for ``claim`` read as matrix algebra; None when it is not a matrix claim.

        Where the shapes of that reading cannot be made consistent and the block writes ``\cdot``, the claim is
        read once more with ``u \cdot v`` the dot product of two columns (:mod:`readers.latex.matrix_reader`):
        ``(A\mathbf{x}) \cdot (A\mathbf{x}) = \mathbf{x}^\top A^\top A \mathbf{x}``.  That reading only confirms:
        when it does not hold, the first reading's verdict stands.  ``declared``: the declarations to read with,
        when not those in force at the claim's line (readers.notes.matrices_elsewhere).  ``random``: ``(prose, names
        with a stated law)`` to read ``E(.)`` and ``Cov(., .)`` of random vectors with (readers.notes.vector_moments)."""
        self.random = random
        self.declared = self.notes.at(claim.line) if declared is None else declared
        self.pairs = ()
        defined = self.defined_letters(claim.line, section)
        if defined:  # H = X(X^T X)^{-1}X^T before H^2 = H: H is a matrix as much as X
            self.declared = dataclasses.replace(self.declared, kinds={**self.declared.kinds,
                                                                      **{n: "matrix" for n in defined}})
        if not self.applies(claim, frag, force):
            return None
        steps = self.read_and_check(claim, frag, section, shown, force, names, functions)
        if not steps or not any(SHAPES in s.reason for s in steps if s.verdict == "undecided") \
                or not re.search(r"\\cdot(?![A-Za-z])|[·⋅]", frag.content):
            return steps
        constraints = list(self.constraints)
        dotted = self.read_and_check(claim, frag, section, shown, force, names, functions, dots=True)
        if dotted and all(s.verdict in ("proved", "verified") for s in dotted):
            return [StepReport(**{**s.__dict__, "reason": f"{s.reason}; {DOT_READING}"}) for s in dotted]
        self.constraints = constraints
        return steps

    def read_and_check(self, claim, frag, section, shown, force, names, functions, dots=False, link=None):
        """:meth:`check` of one reading (``dots``: ``\\cdot`` between columns is their dot product; ``link``: the
        pair to read, one of the chain's links that :meth:`alike_links` finds)."""
        if force and any(f.func.__name__ == "prod" for e in (claim.lhs, claim.rhs) for f in e.atoms(AppliedUndef)):
            return [_step(shown, "undecided", CHAIN_PRODUCT)]
        if link is None:
            alike = self.alike_links(claim, frag, names, functions, dots)
            if alike:
                return _every_link([self.read_and_check(claim, frag, section, shown, force, names, functions, dots,
                                                        link=pair) for pair in alike])
        rel = {"equiv": "=", ":=": "="}.get(claim.rel, claim.rel)
        try:
            pair = link if link is not None else self.reading(claim, frag, names, functions, dots)
            if isinstance(pair, str):
                return [_step(shown, "undecided", pair)] if force else None
            shown = {**shown, "lhs": _written(pair[0]), "rhs": _written(pair[1])}
            exact = self.written_out(*pair, rel, claim.line, frag.section, shown, section)
            if exact is not None:
                return [exact]
            restated = self.optimum_restated(pair, claim.line, section, shown)
            if restated is not None:  # c^* = argmin_c G after c^* = argmin_c F (readers.notes.optimum_restatements)
                return [restated]
            pair = tuple(in_own_argument(e) for e in pair)  # \nabla f(\mathbf{w}): in w (readers.notes.gradients)
            read = self.eigenvalues_listed(*pair, claim.line)  # before the matrix names are substituted
            listed, pair = read != pair, read
            lhs, rhs = self.substitute(pair, claim.line, section)
            if (lhs, rhs) != pair:
                exact = self.written_out(lhs, rhs, rel, claim.line, frag.section, shown, section)
                if exact is not None:
                    return [exact]
            lhs, rhs, stated = self.decomposed(lhs, rhs, claim.line)
            if self.sigmoid and any(e.atoms(AppliedUndef) for e in (lhs, rhs)):
                read = tuple(as_sigmoid(e) for e in (lhs, rhs))
                if read != (lhs, rhs):  # sigma(w^T x + b) in notes on the sigmoid, as the scalar reading has it
                    lhs, rhs = read
                    stated = stated + [SIGMOID_READ]
            blocks = kernel_blocks.stated(lhs.free_symbols | rhs.free_symbols)
            if blocks:  # K_{uf} sampled as K_{fu}^T (readers.notes.kernel_blocks)
                stated = stated + [blocks]
            lhs, rhs = _whole_vectors(lhs, rhs)
            lhs, rhs, opaque = opaque_gradients(lhs, rhs)
            lhs, rhs = (over_eigenvalues(e, lambda n: self.declared.dims.get(n, ())) for e in (lhs, rhs))
            self.pairs = self.eigenpairs_at(lhs, rhs, claim.line)
            if self.pairs:
                stated = stated + [f"{_written(x)} an eigenvector of {_written(a)} with eigenvalue {_written(v)}, as "
                                   "the prose of the section says" for x, a, v in self.pairs]
            if listed:
                stated = stated + ["the listed lambda_1 ... lambda_n read as all the eigenvalues of the matrix, as the "
                                   "prose of the section says"]
            norms = self.norm_functions(lhs, rhs, claim.line)
            if norms:  # f(\alpha x) = |\alpha| f(x) after "a norm is a function f" (readers.notes.norm_functions)
                return _stating([refutes_nothing(self.each_declared_norm(lhs, rhs, rel, claim.line, section.number,
                                                                         shown, norms), opaque)], stated)
            exponent = symbolic_exponent(lhs, rhs)
            sizes_named = {str(d) for x in lhs.free_symbols | rhs.free_symbols
                           for d in self.declared.dims.get(x.name, ())}
            if exponent is not None and str(exponent) not in sizes_named:
                # A^n = W Sigma^n W^{-1}: at n = 1, 2, 3, 4 (readers.notes.matrix_powers); not det(cA) = c^n det(A)
                # with A n x n: that n is A's size, set with each sample (matrix_numeric.declared_size_values)
                return _stating([refutes_nothing(self.at_powers(lhs, rhs, rel, claim.line, section.number, shown,
                                                                exponent), opaque)], stated)
            if self.random and vector_moments.moments_in(lhs, rhs):  # E[X^T A X] (readers.notes.vector_moments)
                return _stating([self.over_laws(lhs, rhs, rel, shown)], stated)
            try:
                decided = self.decide(lhs, rhs, rel, claim.line, section.number, shown)
            except Unsupported as exc:
                if str(exc) != MATRIX_NORM:
                    raise
                decided = self.each_norm(lhs, rhs, rel, claim.line, section.number, shown)
            return _stating([refutes_nothing(decided, opaque)], stated)
        except DefinedVariable as exc:
            return [_step(shown, "undecided", str(exc))]
        except (Unsupported, ShapeError) as exc:
            if not force and isinstance(exc, Unsupported):
                return None  # declared names in what is not matrix algebra (x_i, f(x)): the scalar reading
            return [_step(shown, "undecided", f"matrix claim: {exc}")]

    def reading(self, claim, frag, names, functions, dots=False):
        """``(lhs, rhs)`` of the claim with order-keeping products, or why there is none."""
        letters = self.declared.matrix_letters() | self.written_out_letters(claim.line)
        key = (frag.content, names, functions, letters, dots)
        if key not in self._parsed:
            try:
                self._parsed[key] = parse_matrix_block(frag.content, names=names, functions=functions,
                                                       letters=letters, dots=dots)
            except Exception as exc:  # noqa: BLE001 - no matrix reading: say so
                self._parsed[key] = f"matrix claim: the order-keeping reading failed ({str(exc)[:100]})"
        block = self._parsed[key]
        if isinstance(block, str):
            return block
        row_line = claim.line - frag.content_line + 1
        candidates = [(a, b) for line, a, b in _pairs(block) if line == row_line]
        matching = [(a, b) for a, b in candidates if (_commutative(a), _commutative(b)) == (claim.lhs, claim.rhs)]
        if not matching and len(candidates) > 1:  # QDQ^T: one name to the scalar reading, Q D Q^T here
            scalar = tuple((_capitals_spread(bare), n) for bare, n in map(_signature, (claim.lhs, claim.rhs)))
            loose = [(a, b) for a, b in candidates if tuple(map(_signature, (a, b))) == scalar]
            matching = loose if len(loose) == 1 else []
        if len(matching) >= 1:
            return _as_trace(matching[0])
        if len(candidates) == 1:
            return _as_trace(candidates[0])
        return "matrix claim: could not align the order-keeping reading with the claim"

    def alike_links(self, claim, frag, names, functions, dots=False) -> list:
        r"""The links of the claim's chain that its scalar reading cannot tell apart, when there are several.

        The scalar reading makes every norm $|x|$: in $\|x\|_\infty \le \|x\|_1 \le \|x\|_2$ both links read
        $|x| \le |x|$, and each claim of the chain took the first link's matrix reading, so the false second link
        was never checked and the chain was verified.  Each such claim is now checked as every alike link
        (:func:`_every_link`)."""
        letters = self.declared.matrix_letters() | self.written_out_letters(claim.line)
        block = self._parsed.get((frag.content, names, functions, letters, dots))
        if block is None:
            self.reading(claim, frag, names, functions, dots)
            block = self._parsed.get((frag.content, names, functions, letters, dots))
        if block is None or isinstance(block, str):
            return []
        row_line = claim.line - frag.content_line + 1
        matching = [(a, b) for line, a, b in _pairs(block) if line == row_line
                    and (_commutative(a), _commutative(b)) == (claim.lhs, claim.rhs)]
        distinct = list(dict.fromkeys(_as_trace(pair) for pair in matching))
        return distinct if len(distinct) > 1 else []

    def substitute(self, pair, line, section):
        """The names the section defines (``\\mathbf{C} = \\mathbf{X}^\\top \\mathbf{X}``), substituted."""
        lhs, rhs = pair
        defined = {k.name: section.owner.get(k, (None, 0))[1] for k in section.symbols if isinstance(k, sp.Symbol)}
        for _ in range(5):
            mapping = {}
            for s in (lhs.free_symbols | rhs.free_symbols):
                if s.name in defined and not s.is_commutative and 0 < defined[s.name] <= line \
                        and not self.declared_anew(s.name, defined[s.name], line):
                    body = self.definition(s.name, defined[s.name])
                    if body is None:
                        raise Unsupported(f"{s.name} is defined at line {defined[s.name]}, but not as matrix algebra")
                    mapping[s] = body
            for app in (lhs.atoms(AppliedUndef) | rhs.atoms(AppliedUndef)):
                name = app.func.__name__
                if name in section.functions and 0 < section.owner.get(name, (None, 0))[1] < line:
                    body = self.function_definition(app, section.owner[name][1])
                    if body is not None:
                        mapping[app] = body
            if not mapping:
                break
            varied = sorted({str(v) for e in (lhs, rhs) for d in e.atoms(sp.Derivative) for v in d.variables
                             if v in mapping}, key=str)
            if varied:  # d/do with o := W h: sympy cannot differentiate with respect to W h
                raise DefinedVariable(f"matrix claim: a derivative with respect to {', '.join(varied)}, which the "
                                      "notes define: the matrix reading cannot put the definition in")
            lhs, rhs = lhs.xreplace(mapping), rhs.xreplace(mapping)
        zero = {s: sp.Integer(0) for s in lhs.free_symbols | rhs.free_symbols if _core(s.name) == "0"}
        return lhs.xreplace(zero), rhs.xreplace(zero)

    def declared_anew(self, name: str, defined: int, line: int) -> bool:
        r"""Whether the prose introduces ``name`` afresh in the section of ``line``, after a definition at ``defined``
        in an earlier section ("If we take two column vectors $\mathbf{u}$ and $\mathbf{v}$" after an example
        $\mathbf{v} = [3, 2]^\top$): the claim is then about a general vector, not the example."""
        here = self.notes.section(line)
        return self.notes.section(defined) != here and any(
            n == name and kind in ("vector", "matrix") and defined < at <= line and self.notes.section(at) == here
            for at, n, kind, _, _ in self.notes.entries)

    def decomposed(self, lhs, rhs, line: int):
        r"""The claim read with the eigendecomposition its section states (:mod:`readers.notes.matrix_decompositions`)
        when it names the factors: $P$ orthogonal (or invertible), $D$ diagonal (positive when the decomposed matrix
        is positive definite), and the decomposed matrix replaced by $P D P^\top$; with the decompositions used."""
        if self._decompositions is None:
            self._decompositions = stated_decompositions(self.text)
        names = {s.name: s for s in lhs.free_symbols | rhs.free_symbols if not s.is_commutative}
        used = []
        for d in decompositions_in_force(self._decompositions, self.notes.section, line):
            if d.outer not in names and d.middle not in names:
                continue
            positive = "positive definite" in self.declared.props.get(d.name, ())
            for name, props in ((d.outer, {"orthogonal" if d.orthogonal else "invertible"}),
                                (d.middle, {"diagonal"} | ({"positive definite"} if positive else set()))):
                self.declared.kinds[name] = "matrix"
                self.declared.props.setdefault(name, set()).update(props)
            if d.name in names:
                lhs, rhs = (e.xreplace({names[d.name]: d.body}) for e in (lhs, rhs))
            used.append(d)
        return lhs, rhs, used

    def defined_function(self, app, line: int, functions, used: list):
        r"""The body of ``app`` from the note's latest row ``f(x, y) = body`` before ``line`` (a later row
        shadows an earlier one; None when there is none); ``used`` collects ``(line, section)`` of it."""
        name = app.func.__name__
        if name not in functions:
            return None
        found = [(at, section, a, b) for at, section, a, b in self._function_rows(name)
                 if at < line and len(a.args) == len(app.args)]
        if not found:
            return None
        at, section, a, b = found[-1]
        used.append((at, section))
        return b.xreplace(dict(zip(a.args, app.args)))

    def own_application(self, name: str, line: int, functions):
        r"""``f(x, z)``, the left side of the note's latest row ``f(x, z) = body`` before ``line``, for the bare
        ``f`` of $\frac{df}{dx}$; None when ``f`` is not a function the notes define there."""
        if name not in functions:
            return None
        found = [a for at, _, a, _ in self._function_rows(name) if at < line]
        return found[-1] if found else None

    def _function_rows(self, name: str) -> list:
        """Every row ``name(x, y) = body`` of the note (distinct named parameters), in order, read once."""
        if name in self._functions:
            return self._functions[name]
        if self._fragments is None:
            self._fragments = list(find_blocks(self.text))
        rows = []
        for frag in self._fragments:
            if name + "(" not in frag.content.replace(" ", ""):
                continue
            try:
                block = parse_matrix_block(frag.content, functions=frozenset({name}),
                                           letters=self.declared.matrix_letters())
            except Exception:  # noqa: BLE001 - a block with no matrix reading defines nothing here
                continue
            rows += [(frag.content_line + row_line - 1, frag.section, a, b) for row_line, a, b in _pairs(block)
                     if isinstance(a, AppliedUndef) and a.func.__name__ == name and a.args
                     and all(isinstance(p, sp.Symbol) for p in a.args) and len(set(a.args)) == len(a.args)
                     and not b.has(a.func)]
        self._functions[name] = rows
        return rows

    def function_definition(self, app, line: int):
        r"""The matrix reading of ``J(w)`` from its definition ``J(w) = \frac{1}{n}\|Xw - y\|^2`` at ``line``,
        its parameters replaced by ``app``'s arguments; None when there is none (the claim then says why)."""
        for row_line, a, b in self._rows_at(line, frozenset({app.func.__name__})):
            if isinstance(a, AppliedUndef) and a.func.__name__ == app.func.__name__ and len(a.args) == len(app.args) \
                    and all(isinstance(p, sp.Symbol) for p in a.args):
                if a.func.__name__.startswith("nabla") and a.args != app.args:
                    continue  # \nabla f = [...] is f's gradient only, never \nabla L(M) (readers.notes.symbols)
                return b.xreplace(dict(zip(a.args, app.args)))
        return None

    def _rows_at(self, line: int, functions=frozenset()):
        if self._fragments is None:
            self._fragments = list(find_blocks(self.text))
        for frag in self._fragments:
            last = frag.content_line + frag.content.count("\n")
            if not frag.content_line <= line <= last:
                continue
            try:
                block = parse_matrix_block(frag.content, functions=functions,
                                           letters=self.declared.matrix_letters())
            except Exception:  # noqa: BLE001 - no matrix reading of the definition
                continue
            yield from ((frag.content_line + r - 1, a, b) for r, a, b in _pairs(block)
                        if r == line - frag.content_line + 1)

    def optimum_restated(self, pair, line, section, shown) -> StepReport | None:
        r"""``c^* = \arg\min_c G`` after the section defined ``c^* = \arg\min_c F``, or a link ``\arg\min_c F =
        \arg\min_c G`` of a chain: confirmed when $\nabla_c (G - F) = 0$ holds as matrix algebra
        (readers.notes.optimum_restatements); None otherwise."""
        lhs, rhs = pair
        if optimum_restatements.optimum(rhs) is None:
            return None
        if optimum_restatements.optimum(lhs) is not None:  # a link of a chain: argmin_v F = argmin_v G
            old, owners = lhs, None
        else:
            if not isinstance(lhs, sp.Symbol):
                return None
            owners = [section.owner[k][1] for k in section.symbols if isinstance(k, sp.Symbol)
                      and k.name == lhs.name and k in section.owner]
            if not owners or not 0 < owners[0] < line:
                return None
            old = self.definition(lhs.name, owners[0])
            if old is None:
                return None
        try:
            old, new = self.substitute((old, rhs), line, section)
            gradient = optimum_restatements.difference_claim(old, new, _core)
            if gradient is None:
                return None
            if gradient.args[0] == 0:  # argmin_d -F = argmax_d F: the objectives agree term by term
                return _step(shown, "proved", "the objectives agree (an arg max of F is the arg min of -F)",
                             method=f"symbolic; {optimum_restatements.METHOD}")
            outcomes = self.outcomes(gradient, sp.Integer(0), "=")
        except (Unsupported, ShapeError, DefinedVariable):
            return None
        if not outcomes or {o.status for o in outcomes.values()} != {"holds"}:
            return None
        report = self.confirmed(gradient, sp.Integer(0), outcomes, shown)
        where = f" (the definition at line {owners[0]})" if owners else ""
        return StepReport(**{**report.__dict__, "method": f"{report.method}; {optimum_restatements.METHOD}"
                                                          f"{where}"[:300]})

    def definition(self, name: str, line: int):
        r"""The right side of the row at ``line`` that defines the matrix name ``name`` (the left side of a row
        ``\mathbf{A}\mathbf{x} = \mathbf{b}`` that defines ``\mathbf{b}``), else None."""
        rows = [(r, *_as_trace((a, b))) for r, a, b in self._rows_at(line)]
        found = [b for _, a, b in rows if isinstance(a, sp.Symbol) and a.name == name]
        return found[0] if found else next((a for _, a, b in rows if isinstance(b, sp.Symbol) and b.name == name
                                            and not isinstance(a, sp.Symbol)), None)

    # ** written-out matrices (readers.notes.matrix_exact) **

    def literals(self):
        if self._literals is None:
            fragments = self._fragments if self._fragments is not None else find_blocks(self.text)
            self._literals = literal_definitions(fragments, lambda s: bool(_IDENTITY.fullmatch(s.name)))
        return self._literals

    def literal_at(self, name: str, line: int):
        """The written-out value of ``name`` in force at ``line`` (:func:`~readers.notes.matrix_literals.in_force`)."""
        declared = self.notes.at(line)
        props = set(declared.props.get(name, ())) | set(declared.props.get(_plain_letter(name) or "", ()))
        found = in_force(self.literals(), name, line, self.notes.entries, props)
        if found is not None and is_local(name) and self.notes.section(found.line) != self.notes.section(line):
            return None  # an example's U, Sigma, V under another heading: not the general ones of a later proof
        return found  # (a plain letter is declared for its section, as readers.notes.matrix_declarations says)

    def written_out_letters(self, line: int) -> frozenset:
        r"""The capitals written out entry by entry before ``line`` and still in force: matrices as much as
        declared ones, so a run of them is their product (``PDP^{-1}`` after ``P`` and ``D`` were written out)."""
        return frozenset(d.name for d in self.literals() if re.fullmatch(r"[A-Z]", d.name) and d.line < line
                         and self.literal_at(d.name, line) is not None)

    def written_out_claim(self, lhs, rhs, line: int) -> bool:
        r"""Whether ``NAME = body`` is a claim about written-out matrices, not a definition: ``NAME`` and every
        vector or matrix ``body`` names were written out before (``\mathbf{A} = \mathbf{W}\boldsymbol\Sigma
        \mathbf{W}^{-1}`` after all three)."""
        if not isinstance(lhs, sp.Symbol) or rhs.has(MatrixLiteral) or self.literal_at(lhs.name, line) is None:
            return False
        rhs = self.definition(lhs.name, line)  # order kept: W \Sigma W^{-1} still names W
        if rhs is None or has_literal(rhs):
            return False
        declared = self.notes.at(line)
        others = [s for s in rhs.free_symbols if isinstance(s, sp.Symbol)
                  and not all(k.kind in ("scalar", "identity") for k in kind_options(s.name, declared))]
        return bool(others) and all(self.literal_at(s.name, line) is not None for s in others)

    def written_out(self, lhs, rhs, rel, line, section, shown, scope=None) -> StepReport | None:
        r"""The claim checked exactly when it is made of written-out matrices, its own or those the note
        wrote out earlier (:mod:`readers.notes.matrix_literals`); None when it is not.  A failure refutes
        only when every written-out value is the claim's own or its section's, and every other name is a
        number for certain; otherwise the claim goes on to the general reading."""
        if isinstance(lhs, sp.Symbol) and not lhs.is_commutative and has_literal(rhs):
            return None  # NAME = [[...]]: a definition
        names = {s for s in lhs.free_symbols | rhs.free_symbols if not s.is_commutative}
        if any(_core(s.name) in ("ldots", "cdots", "dots", "vdots", "ddots") for s in names | rhs.free_symbols
               | lhs.free_symbols):
            return None  # A \cdots A: not a product of the names written
        known = frozenset(scope.functions) if scope is not None else frozenset()
        inside = literal_names(lhs) | literal_names(rhs) | {  # f(x, y) of a defined f: x, y are numbers
            a for e in (lhs, rhs) for app in e.atoms(AppliedUndef) if app.func.__name__ in known
            for a in app.args if isinstance(a, sp.Symbol)}
        env, used, certain, columns = {}, [], True, {}
        scaling = _scaling_identity(lhs) | _scaling_identity(rhs)
        for s in sorted(names - inside, key=str):
            if _IDENTITY.fullmatch(s.name):
                continue
            options = kind_options(s.name, self.declared)
            if all(o.kind == "scalar" for o in options) or (s in scaling and [o.kind for o in options] == [
                    "scalar", "vector"] and s.name not in self.declared.kinds):  # lambda I: never a vector
                continue
            found = self.literal_at(s.name, line)
            parts = matrix_columns.readings(s.name, lambda n: self.literal_at(n, line)) if found is None else []
            if found is not None:
                env[s], certain = found.value, certain and found.section == section
                used.append(found)
            elif parts:  # \mathbf{a}_2 after A was written out: its column (or row) 2 (readers.notes.matrix_columns)
                columns[s] = parts
                certain = certain and all(d.section == section for _, _, d in parts)
                used += [d for _, _, d in parts[:1]]
            elif options[0].kind == "scalar" and options[-1].kind == "vector" and s.name not in self.declared.kinds:
                certain = False  # a plain lower case letter beside written-out matrices: read as a number
            else:
                return None
        if not used and not (has_literal(lhs) or has_literal(rhs)):
            return None
        try:
            functions = []
            verdict, read_as, chosen = None, "", {}
            for choice in matrix_columns.consistent(list(columns.values())):
                at = {**env, **{s: value for s, (_, value, _) in zip(columns, choice)}}
                evaluate = Exact(at, lambda s: s in inside or s not in at,
                                 lambda s: bool(_IDENTITY.fullmatch(s.name)),
                                 functions=lambda app: _by_entries_in_force(app, scope, line, section, functions)
                                 or self.defined_function(app, line, known, functions),
                                 own=lambda name: self.own_application(name, line, known))
                try:
                    found = compare(evaluate(lhs), evaluate(rhs), rel, poses_equation(lhs, rhs))
                except (NotExact, ValueError, TypeError, AttributeError, ZeroDivisionError, NotImplementedError):
                    if not columns:
                        raise
                    continue  # a row read where the claim's shapes ask for a column: no such reading
                how = ", ".join(f"{s.name} read as {h}" for s, (h, _, _) in zip(columns, choice))
                if verdict is not None and found.status != verdict.status:
                    return _step(shown, "undecided", f"ambiguous: with {read_as} it {_STATUS[verdict.status]}; with "
                                 f"{how} it {_STATUS[found.status]} (readers.notes.matrix_columns)")
                if verdict is None:
                    verdict, read_as = found, how
                    chosen = {s.name: show(value) for s, (_, value, _) in zip(columns, choice)}
            if verdict is None:
                return None
        except (NotExact, ValueError, TypeError, AttributeError, ZeroDivisionError, NotImplementedError) as exc:
            if used:
                return None
            return _step(shown, "undecided", f"written-out matrices: {exc}")
        used = list(dict.fromkeys(used))
        certain = certain and all(at_section == section for _, at_section in functions)
        where = "; ".join([f"{d.name} written out at line {d.line}" for d in used]
                          + [f"the function defined at line {at}" for at, _ in dict.fromkeys(functions)]
                          + ([read_as] if read_as else []))
        method = "matrix algebra: written-out matrices, exact (sympy Matrix)"
        if verdict.status == "holds":
            return StepReport(**shown, verdict="proved", method=method, reason="holds " + verdict.how
                              + (f", with {where}" if where else ""),
                              assumptions=tuple(f"{d.name} = {show(d.value)} (line {d.line})" for d in used))
        if verdict.status == "equation":
            values = "; ".join(", ".join(f"{k} = {sp.sstr(v)}" for k, v in sol.items()) for sol in verdict.solution[:3])
            return _step(shown, "undecided", f"an equation in written-out matrices: it holds where {values}, not "
                         "for every value" + (f" ({where})" if where else ""), role="equation")
        if not certain:
            if used:
                return None
            return _step(shown, "undecided", "written-out matrices: it fails with the plain lower case letters read "
                         "as numbers; they may be vectors")
        point = verdict.solution or {}
        counterexample = {d.name: show(d.value) for d in used}
        counterexample.update(chosen)
        counterexample.update({str(k): sp.sstr(v) for k, v in point.items()})
        left, right = (show(v.subs(point) if point else v) if not hasattr(v, "c") else show(v)
                       for v in (verdict.left, verdict.right))
        counterexample.update(lhs=left, rhs=right)
        return StepReport(**shown, verdict="refuted", method=method, counterexample=counterexample,
                          reason="the written-out matrices differ" + (f" ({where})" if where else "")
                          + (" at the point given" if point else ""))

    # ** verdicts **

    def decide(self, lhs, rhs, rel, line, section_number, shown) -> StepReport:
        symbols = {s for s in lhs.free_symbols | rhs.free_symbols if not s.is_commutative}
        deferred = None  # A^TA u = 0 at a claim on v (A^TA v = 0): read only where nothing else decides
        for c in reversed(self.constraints):
            earlier_link = c.line == line and (c.lhs, c.rhs) != (lhs, rhs)  # |Ax|/|x| = |Ay|/|y| = |Ay|: the
            if c.section == section_number and (c.line < line or earlier_link):  # second link under the first
                if free_equations.constrains_none_of(c.lhs, c.rhs, (lhs, rhs)):
                    continue  # x^* = -Q^{-1} c says what x^* is, whatever Q and c are (readers.notes.free_equations)
                names = {s for s in c.lhs.free_symbols | c.rhs.free_symbols if not s.is_commutative}
                if names & symbols and deferred is None and _about_another_vector(c, symbols):
                    deferred = c
                elif names & symbols:
                    try:  # a claim that holds for every matrix of its shapes holds under any equation on them
                        outcomes = self.outcomes(lhs, rhs, rel)  # (shapes that fit no way fit under none)
                    except Unsupported:
                        outcomes = {}
                    if outcomes and {o.status for o in outcomes.values()} == {"holds"}:
                        return self.confirmed(lhs, rhs, outcomes, shown)
                    report = self.under(c, lhs, rhs, rel, shown, symbols)
                    if report.verdict == "undecided" and outcomes and {o.status for o in outcomes.values()} == {
                            "fails"} and rel == "=" and not _has_derivative(lhs, rhs) and _constrains(lhs, rhs) \
                            and self.new_names(symbols, line, section_number) and not any(
                                f.func.__name__ != "transpose" for e in (lhs, rhs) for f in e.atoms(AppliedUndef)):
                        # AV = U_r Sigma_r after A V_r = U_r Sigma_rr: not decided under that equation, it states
                        # a relation of its own on names no stated equation had (V, Sigma_r), which later claims of
                        # the section are read with (products and transposes only: a norm's equation constrains less)
                        self.constraints = [k for k in self.constraints if k.line != line]
                        self.constraints.append(_Constraint(section_number, line, lhs, rhs, f"{lhs} = {rhs}"))
                    return report
        try:
            outcomes = self.outcomes(lhs, rhs, rel)
        except (Unsupported, ShapeError):  # too many names of unknown kind, or no reading fits
            used = self.by_usage(lhs, rhs, rel, shown)
            if used is None:
                raise
            return used
        statuses = {o.status for o in outcomes.values()}
        if statuses == {"holds"}:
            return self.in_the_layout_in_force(lhs, rhs, outcomes, shown, line, section_number)
        used = self.by_usage(lhs, rhs, rel, shown)  # only ever confirms (readers.notes.usage_kinds)
        if used is not None:
            return used
        if deferred is not None and not (statuses == {"fails"} and rel == "=" and not _has_derivative(lhs, rhs)
                                         and self.constrains(lhs, rhs)):
            return self.under(deferred, lhs, rhs, rel, shown, symbols)  # as before: never refuted without it
        if statuses == {"fails"} and self.pairs:
            return _step(shown, "undecided", "matrix claim: fails on the sampled eigenpairs; not refuted (an "
                         "eigenvector written to a few digits is no longer one)")
        if statuses == {"fails"}:
            if rel == "=" and not _has_derivative(lhs, rhs) and self.constrains(lhs, rhs):
                self.constraints = [c for c in self.constraints if c.line != line]
                self.constraints.append(_Constraint(section_number, line, lhs, rhs, f"{lhs} = {rhs}"))
                one_sided = sorted(s.name for s in _one_sided(lhs, rhs))
                return _step(shown, "undecided", "a matrix equation: it fails for arbitrary matrices, so it states "
                             f"a relation between {', '.join(one_sided) or 'its names'} (not an identity); "
                             "later claims in this section are read with it", role="equation")
            same = _typefaces(lhs, rhs)
            if same:
                ambiguous = self.as_one(lhs, rhs, rel, same, shown)
                if ambiguous is not None:
                    return ambiguous
            scalar = self.bold_scalar(lhs, rhs, rel, line, shown)
            if scalar is not None:
                return scalar
            return self.refuted(lhs, rhs, rel, outcomes, shown)
        return _step(shown, "undecided", "matrix claim: " + _describe(outcomes))

    def over_laws(self, lhs, rhs, rel, shown) -> StepReport:
        """The claim with its moments written out over random discrete laws (readers.notes.vector_moments): verified
        when every reading holds, refuted when every reading fails and no law is stated for its random vectors.  A
        never-zero factor both sides share is cancelled first (readers.notes.common_factors)."""
        lhs, rhs = common_factors.cancel_common(lhs, rhs, vector_moments.MOMENTS)
        prose, lawful = self.random
        constants = frozenset(self.declared.kinds)  # A "an m x n matrix": a constant, wherever it appears
        ties = vector_moments.tied(prose, lhs, rhs, constants)
        randoms = vector_moments.random_vectors(lhs, rhs, ties, constants, prose)
        if not randoms:
            return _step(shown, "undecided", "matrix claim: moments of no random vector (every name inside E(.) "
                         "also appears outside it)")
        gaussian = self.over_gaussian(lhs, rhs, rel, shown, randoms, prose, constants)
        if gaussian is not None:
            return gaussian
        left, right, atoms, weights = vector_moments.expand(lhs, rhs, randoms, ties)
        outcomes = {}
        options = [[Kind("vector")] if vector_moments.called_vector(prose, x.name) else kind_options(x.name, self.declared)
                   for x in randoms]
        for choice in itertools.product(*options):
            fixed = {a: kind for x, kind in zip(randoms, choice) for a in atoms[x]} | {u: Kind("scalar") for u in weights}
            try:
                found = self.outcomes(left, right, rel, fixed)
            except (Unsupported, ShapeError):
                continue
            label = ", ".join(f"{x} a {kind.kind}" for x, kind in zip(randoms, choice))
            outcomes.update({f"{label}; {k}" if k else label: o for k, o in found.items()})
        tie = "; ".join(f"{k} read as {v}" for k, v in ties.items())
        method = vector_moments.METHOD + (f"; {tie}, as the prose says" if tie else "")
        statuses = {o.status for o in outcomes.values()}
        if statuses == {"holds"}:
            return _step(shown, "verified", "holds for each reading (" + "; ".join(outcomes) + ")", method=method)
        if statuses == {"fails"}:
            stated = sorted(str(x) for x in randoms if str(x) in lawful or vector_moments.law_stated(prose, x.name))
            if stated:
                return _step(shown, "undecided", vector_moments.STATED_LAW.format(names=", ".join(stated)))
            unnamed = [str(x) for x in randoms if not vector_moments.called_random(prose, x.name)]
            if unnamed:
                return _step(shown, "undecided", vector_moments.UNNAMED.format(names=", ".join(unnamed)))
            parameters = vector_moments.unbound(prose, lhs, rhs, ties, constants)
            if parameters:
                return _step(shown, "undecided", vector_moments.PARAMETERS.format(names=", ".join(parameters)))
            report = self.refuted(left, right, rel, outcomes, shown)
            return StepReport(**{**report.__dict__, "method": method}) if report.verdict == "refuted" else report
        if not outcomes:
            return _step(shown, "undecided", f"matrix claim: {SHAPES} (moments of {', '.join(map(str, randoms))})")
        return _step(shown, "undecided", "matrix claim: " + _describe(outcomes))

    def over_gaussian(self, lhs, rhs, rel, shown, randoms, prose, constants) -> StepReport | None:
        r"""A claim on one random vector the prose states Gaussian (``x \sim \mathcal{N}(\mu, \Sigma)``), its moments all
        of ``\exp`` of an affine function of it, read with the Gaussian's moment-generating function
        (readers.notes.vector_moments.gaussian_expand): verified when every reading holds, refuted when every one
        fails and every other name is declared, inside a moment or called a vector, matrix or constant; else None."""
        gaussian = [r for r in randoms if vector_moments.gaussian_law(prose, r.name)]
        if len(gaussian) != 1:
            return None
        x = gaussian[0]
        others = [r for r in randoms if r != x]  # t of E[exp(t^T x)]: a constant, unless the notes say otherwise
        if any(vector_moments.called_random(prose, r.name) or vector_moments.law_stated(prose, r.name)
               for r in others):
            return None
        law = vector_moments.gaussian_law(prose, x.name)
        names = {s.name: s for e in (lhs, rhs) for s in e.free_symbols}
        mean, cov = (names.get(n, sp.Symbol(n, commutative=False)) for n in law)
        written = vector_moments.gaussian_expand(lhs, rhs, x, mean, cov)
        if written is None:
            return None
        left, right = written
        root = sp.Symbol(f"L_{cov.name}", commutative=False)
        try:  # x a vector, so its mean; L (Sigma = L L^T) a square matrix
            outcomes = self.outcomes(left, right, rel, {x: Kind("vector"), mean: Kind("vector"), root: Kind("matrix")})
        except (Unsupported, ShapeError):
            return None
        method = f"{vector_moments.GAUSSIAN_METHOD}, as {x} ~ N({law[0]}, {law[1]}) is stated" + (
            f"; {', '.join(map(str, others))} read as constants" if others else "")
        statuses = {o.status for o in outcomes.values()}
        if statuses == {"holds"}:
            return _step(shown, "verified", "holds for each reading (" + "; ".join(outcomes) + ")", method=method)
        if statuses == {"fails"}:
            parameters = [n for n in vector_moments.unbound(prose, lhs, rhs, {}, constants) if n not in law]
            parameters += [r.name for r in others if not vector_moments.mgf_argument(prose, x.name, r.name)]
            if parameters:
                return _step(shown, "undecided", vector_moments.PARAMETERS.format(names=", ".join(parameters)))
            report = self.refuted(left, right, rel, outcomes, shown)
            return StepReport(**{**report.__dict__, "method": method}) if report.verdict == "refuted" else report
        if not outcomes:
            return None
        return _step(shown, "undecided", f"matrix claim, {x} Gaussian: " + _describe(outcomes))

    def by_usage(self, lhs, rhs, rel, shown) -> StepReport | None:
        r"""The claim with its plain names read as the note uses them (``A^T`` elsewhere: ``A`` a matrix,
        readers.notes.usage_kinds): confirmed when every remaining reading holds, naming those kinds; else None
        (never refuted on them)."""
        if self._used is None:
            self._used = array_names(self.text)
        symbols = {s for s in lhs.free_symbols | rhs.free_symbols if not s.is_commutative}
        fixed = shown_kinds({s for s in symbols if s.name not in self.declared.kinds}, self._used,  # declared: as is
                            lambda name: kind_options(name, self.declared))
        if not fixed:
            return None
        try:
            outcomes = self.outcomes(lhs, rhs, rel, {s: Kind(kind) for s, (kind, _) in fixed.items()})
        except (Unsupported, ShapeError):
            return None
        if {o.status for o in outcomes.values()} != {"holds"}:
            return None
        report = self.confirmed(lhs, rhs, outcomes, shown)
        grouped: dict = {}
        for s, (kind, at) in sorted(fixed.items(), key=lambda kv: str(kv[0])):
            grouped.setdefault((kind, at), []).append(str(s))
        told = tuple(f"{', '.join(names)} {'a ' + kind if len(names) == 1 else kind.replace('x', 'ce') + 's'}, as "
                     f"the note writes {'it' if len(names) == 1 else 'them'} (line {at})"
                     for (kind, at), names in grouped.items())
        return StepReport(**{**report.__dict__, "reason": f"{report.reason}, reading {'; '.join(told)}",
                             "assumptions": (*report.assumptions, *told)})

    def at_powers(self, lhs, rhs, rel, line, section_number, shown, exponent) -> StepReport:
        """The claim decided at each concrete value of its symbolic matrix exponent; what the instances
        posed as constraints is dropped (an instance is no equation of the notes).  An instance that is no
        matrix algebra raises as the claim would (the caller falls back to the scalar reading)."""
        constraints, layouts = list(self.constraints), dict(self.layouts)

        def decide(left, right):
            return self.decide(left, right, rel, line, section_number, shown)

        try:
            verdict, why, first = at_exponents(lhs, rhs, exponent, decide)
        finally:
            self.constraints, self.layouts = constraints, layouts  # nor does an instance fix the layout
        if first is None:
            return _step(shown, "undecided", why)
        return _step(shown, verdict, first.reason, method=why)

    def eigenvalues_listed(self, lhs, rhs, line: int):
        """The claim with the eigenvalues its section lists (readers.notes.eigenvalues) read as eigenvalues."""
        if self._eigenvalues is None:
            self._eigenvalues = listed_eigenvalues(self.text)
        here = self.notes.section(line)
        listed = [(first, last, matrix) for at, first, last, matrix in self._eigenvalues if self.notes.section(at) == here]
        if not listed:
            return lhs, rhs
        matrices = {s.name for s in lhs.free_symbols | rhs.free_symbols if not s.is_commutative
                    and not s.name.startswith(tuple(f.split("_")[0] for f, _, _ in listed))
                    and any(k.kind == "matrix" for k in kind_options(s.name, self.declared))}
        return as_listed(lhs, listed, matrices), as_listed(rhs, listed, matrices)

    def eigenpairs_at(self, lhs, rhs, line: int) -> tuple:
        """The eigenpairs the section states (readers.notes.eigenpairs) whose vector and matrix the claim names:
        ``(vector, matrix, value)`` symbols; the vector declared a vector and the value a number."""
        if self._eigenpairs is None:
            self._eigenpairs = stated_eigenpairs(self.text)
        here = self.notes.section(line)
        names = {s.name: s for s in lhs.free_symbols | rhs.free_symbols if not s.is_commutative}
        out = []
        for at, vector, matrix, value in self._eigenpairs:
            if self.notes.section(at) != here:
                continue
            self.declared.kinds[vector], self.declared.kinds[value] = "vector", "scalar"  # whatever else is named
            if vector in names and matrix in names:
                out.append((names[vector], names[matrix], names.get(value, sp.Symbol(value, commutative=False))))
        return tuple(out)

    def norm_functions(self, lhs, rhs, line: int) -> frozenset:
        """The functions of one argument in the claim that the prose of its section calls norms."""
        if self._norms is None:
            self._norms = declared_norms(self.text)
        named = norm_names(self._norms, self.notes.section, line)
        return frozenset(f.func.__name__ for e in (lhs, rhs) for f in e.atoms(AppliedUndef)
                         if f.func.__name__ in named and len(f.args) == 1)

    def each_declared_norm(self, lhs, rhs, rel, line, section_number, shown, names) -> StepReport:
        """The claim with each function the prose calls a norm read as each norm of
        :data:`~readers.notes.norm_functions.NORMS`: verified when it holds for all, refuted when it fails for all."""
        reports = {}
        for label, norm in NORM_READINGS:
            swap = {f: sp.Function(norm)(*f.args) for e in (lhs, rhs) for f in e.atoms(AppliedUndef)
                    if f.func.__name__ in names}
            try:
                reports[label] = self.decide(lhs.xreplace(swap), rhs.xreplace(swap), rel, line, section_number, shown)
            except (Unsupported, ShapeError) as exc:
                reports[label] = _step(shown, "undecided", f"matrix claim: {exc}")
        verdicts = {r.verdict for r in reports.values()}
        called = ", ".join(sorted(names))
        readings = "; ".join(f"the {k} norm: {r.verdict}" for k, r in reports.items())
        if verdicts <= {"proved", "verified"}:
            return _step(shown, "verified", f"holds with {called} each of the {', '.join(reports)} norms ({called} is "
                         "a norm, as the prose says); evidence for every norm, not a proof",
                         method=reports["l2"].method)
        if verdicts == {"refuted"}:
            first = reports["l2"]
            return StepReport(**{**first.__dict__, "reason": f"fails with {called} each of the norms ({readings})"})
        return _step(shown, "undecided", f"{called}, a norm: {readings}")

    def each_norm(self, lhs, rhs, rel, line, section_number, shown) -> StepReport:
        r"""``\|M\|`` of a matrix read both ways, Frobenius and spectral: refuted (or confirmed) when both
        readings are, else undecided (ambiguous), showing the readings."""
        reports = {}
        for label, name in (("Frobenius", "norm_F"), ("spectral", "norm_2")):
            swap = {f: sp.Function(name)(*f.args) for e in (lhs, rhs) for f in e.atoms(AppliedUndef)
                    if f.func.__name__ == "norm"}
            try:
                reports[label] = self.decide(lhs.xreplace(swap), rhs.xreplace(swap), rel, line, section_number, shown)
            except (Unsupported, ShapeError) as exc:
                reports[label] = _step(shown, "undecided", f"matrix claim: {exc}")
        verdicts = {r.verdict for r in reports.values()}
        readings = "; ".join(f"{k} norm: {r.verdict} ({r.reason[:80]})" for k, r in reports.items())
        first = reports["Frobenius"]
        if verdicts == {"refuted"}:
            return StepReport(**{**first.__dict__, "reason": f"fails under both readings of the matrix norm ({readings})"})
        if verdicts <= {"proved", "verified"}:
            return StepReport(**{**first.__dict__, "verdict": "verified" if "verified" in verdicts else "proved",
                                 "reason": f"holds under both readings of the matrix norm ({readings})"})
        if verdicts == {"undecided"}:
            return _step(shown, "undecided", f"matrix claim, the norm of a matrix read two ways: {readings}")
        return _step(shown, "undecided", f"ambiguous: the norm of a matrix read two ways: {readings}")

    def as_one(self, lhs, rhs, rel, same, shown) -> StepReport | None:
        r"""A claim that fails with ``A`` and ``\mathbf{A}`` as two matrices, read once more as one matrix
        written in two typefaces: undecided (ambiguous) unless it fails that way too (None)."""
        try:
            outcomes = self.outcomes(lhs.xreplace(same), rhs.xreplace(same), rel)
        except (Unsupported, ShapeError):
            return None
        statuses = {o.status for o in outcomes.values()}
        if statuses == {"fails"}:
            return None
        pairs = ", ".join(f"{a} and {b}" for a, b in sorted((str(a), str(b)) for a, b in same.items()))
        if statuses == {"holds"} and all(self.one_matrix(plain, bold) for plain, bold in same.items()):
            joined = self.confirmed(lhs.xreplace(same), rhs.xreplace(same), outcomes, shown)
            return StepReport(**{**joined.__dict__, "reason": f"{joined.reason}, reading {pairs} as one matrix in "
                                 "two typefaces (the note declares the plain letter a matrix, never the bold one)"})
        reading = "it holds" if statuses == {"holds"} else _describe(outcomes)
        return _step(shown, "undecided", f"ambiguous: with {pairs} two different matrices it fails on every "
                     f"sample; read as one matrix written in two typefaces, {reading}")

    def bold_scalar(self, lhs, rhs, rel, line, shown) -> StepReport | None:
        r"""A claim that fails with its bold lower case letters vectors, where the line around the block speaks of
        a scalar, read once more with each such letter (one at a time, not declared a vector) a scalar: notes
        write scalars in bold too ("4- $\norm{\bs{k}\cdot \bs{u}}=\norm{\bs{k}}\cdot\norm{\bs{u}}$. The norm of a
        vector multiplied by a scalar ...").  Undecided (ambiguous) when a reading holds, else None."""
        lines = self.text.split("\n")
        if not any(_SCALAR_WORD.search(lines[k]) for k in range(max(0, line - 2), min(len(lines), line + 1))):
            return None
        bold = sorted((s for s in lhs.free_symbols | rhs.free_symbols if not s.is_commutative and _BOLD.search(s.name)
                       and _core(s.name)[:1].islower() and s.name not in self.declared.kinds), key=str)
        for s in bold:
            try:
                outcomes = self.outcomes(lhs, rhs, rel, {s: Kind("scalar")})
            except (Unsupported, ShapeError):
                continue
            if {o.status for o in outcomes.values()} == {"holds"}:
                return _step(shown, "undecided", f"ambiguous: with {s} a vector it fails on every sample; with {s} "
                             "a scalar (the text speaks of a scalar) it holds")
        return None

    def one_matrix(self, plain, bold) -> bool:
        r"""Whether the note's ``A`` and ``\mathbf{A}`` are one matrix: it declares ``A`` a matrix ("a square
        matrix $A$", ``A \in \mathbb{R}^{n \times n}``) and says nothing of ``\mathbf{A}`` itself."""
        return self.declared.kinds.get(plain.name) == "matrix" and bold.name not in self.declared.kinds

    def outcomes(self, lhs, rhs, rel, fixed=None) -> dict:
        """Each kind assignment's outcome (the best of its layouts); ``fixed``: kinds imposed on some names."""
        symbols = sorted((s for s in lhs.free_symbols | rhs.free_symbols if not s.is_commutative), key=str)
        options = {s: [fixed[s]] if fixed and s in fixed else kind_options(s.name, self.declared) for s in symbols}
        unknown = [s for s in symbols if len(options[s]) > 1]
        if len(unknown) > MAX_UNKNOWN:
            raise Unsupported(f"the kinds of {', '.join(map(str, unknown))} are unknown (scalars or matrices?)")
        layouts = LAYOUTS if _has_derivative(lhs, rhs) else LAYOUTS[:1]
        out, errors = {}, []
        self.by_layout = {}  # kind assignment -> {"denominator layout": status, ...} (decide: the layout in force)
        for choice in itertools.product(*(options[s] for s in symbols)):
            kinds = dict(zip(symbols, choice))
            results = []
            for layout in layouts:
                try:
                    typing = infer(lhs, rhs, rel, kinds, layout)
                except (ShapeError, Unsupported) as exc:
                    errors.append(exc)
                    continue
                results.append(run(typing, lhs, rhs, rel, self.pairs))
            if results:
                out[_label(kinds, unknown)] = _best(results)
                self.by_layout[_label(kinds, unknown)] = {r.detail: r.status for r in results if r.detail}
        if not out:
            unsupported = [e for e in errors if isinstance(e, Unsupported)]
            if unsupported:
                raise unsupported[0]
            raise ShapeError(f"{SHAPES} ({errors[0] if errors else 'no reading'})")
        return out

    def in_the_layout_in_force(self, lhs, rhs, outcomes, shown, line, section_number) -> StepReport:
        r""":meth:`confirmed`, where a derivative claim holds in only one layout: the first such claim of a section
        fixes the section's layout (``\partial \mathrm{tr}(AB)/\partial A = B^T``: denominator), and a later one that
        holds only in the other (``\partial \mathrm{tr}(A^T B)/\partial A = B^T``: numerator) is ``undecided``
        naming both, never confirmed (it was verified, though under the notes' own layout it fails)."""
        held = {layout for layout in (f"{name} layout" for name in LAYOUTS)
                if self.by_layout and all(by.get(layout) == "holds" for by in self.by_layout.values())}
        if not _has_derivative(lhs, rhs) or len(held) != 1:
            return self.confirmed(lhs, rhs, outcomes, shown)
        (layout,) = held
        in_force = self.layouts.get(section_number)
        if in_force is not None and in_force[0] != layout and in_force[1] < line:
            return _step(shown, "undecided", f"matrix claim: holds only in the {layout}, but the notes use the "
                                             f"{in_force[0]} (line {in_force[1]}), where it fails")
        self.layouts.setdefault(section_number, (layout, line))
        return self.confirmed(lhs, rhs, outcomes, shown)

    def confirmed(self, lhs, rhs, outcomes, shown) -> StepReport:
        layouts = {o.detail for o in outcomes.values() if o.detail}
        proved = all(_prove(o.typing, lhs, rhs) for o in outcomes.values())
        readings = "; ".join(k for k in outcomes if k)
        method = ("matrix algebra (sympy MatrixSymbol)" if proved else
                  f"matrix samples in float64 at {MIN_SHAPES}+ size assignments, tolerance {HOLDS:g} relative")
        reason = ("holds" + (f" in the {', '.join(sorted(layouts))}" if layouts else "")
                  + (f" for each reading ({readings})" if readings else ""))
        return _step(shown, "proved" if proved else "verified", reason, method=method)

    def refuted(self, lhs, rhs, rel, outcomes, shown) -> StepReport:
        label, outcome = next(iter(outcomes.items()))
        counterexample = find_counterexample(outcome.typing, lhs, rhs, rel)
        if counterexample is None:
            return _step(shown, "undecided", "matrix claim: fails on every sample, but no counterexample could "
                         "be written down")
        readings = "; ".join(k for k in outcomes if k)
        reason = "fails on every sample" + (f" under every reading ({readings})" if len(outcomes) > 1 else "")
        return StepReport(**shown, verdict="refuted", method="matrix samples in float64", reason=reason,
                          counterexample=counterexample)

    def new_names(self, symbols, line, section_number) -> set:
        """Of the names ``symbols``, the matrices (a matrix in some reading: ``\\Sigma_r``, not the ``\\lambda`` of
        :math:`u^T A^T A u = u^T \\lambda u`) that no equation stated earlier in the section names."""
        stated = {s for c in self.constraints if c.section == section_number and c.line < line
                  for s in c.lhs.free_symbols | c.rhs.free_symbols if not s.is_commutative}
        return {s for s in set(symbols) - stated
                if any(k.kind == "matrix" for k in kind_options(s.name, self.notes.at(line)))}

    def under(self, c, lhs, rhs, rel, shown, symbols) -> StepReport:
        """The claim with the equation ``c`` solved for one of its names (or undecided, saying why)."""
        names = sorted({s for s in c.lhs.free_symbols | c.rhs.free_symbols if not s.is_commutative}, key=str)
        substituted = _substituted(lhs, rhs, c)
        if substituted is not None:  # A^T(A u) = A^T 0 under A u = 0: the stated product replaced where written
            try:
                outcomes = self.outcomes(*substituted, rel)
            except (Unsupported, ShapeError):
                outcomes = {}
            if outcomes and {o.status for o in outcomes.values()} == {"holds"}:
                report = self.confirmed(*substituted, outcomes, shown)
                return StepReport(**{**report.__dict__, "reason": f"{report.reason}, with {c.shown} (line {c.line}) "
                                     "substituted where the claim writes its left side",
                                     "assumptions": (f"{c.shown} (line {c.line})",)})
        for target in sorted(names, key=lambda s: (s not in symbols, bool(self.declared.props.get(s.name)), str(s))):
            solution = isolate(c.lhs, c.rhs, target)
            if solution is None or _trivial(solution):
                continue  # A u = 0 solved as u = A^{-1} 0 = 0: u in A's null space is not u = 0 (A may be singular)
            left, right = lhs.xreplace({target: solution}), rhs.xreplace({target: solution})
            where = f"the equation at line {c.line} solved as {target} = {solution}"
            try:
                outcomes = self.outcomes(left, right, rel)
            except (Unsupported, ShapeError) as exc:
                return _step(shown, "undecided", f"matrix claim under {where}: {exc}")
            statuses = {o.status for o in outcomes.values()}
            if statuses == {"holds"}:
                report = self.confirmed(left, right, outcomes, shown)
                return StepReport(**{**report.__dict__, "reason": f"{report.reason}, under {where}",
                                     "assumptions": (f"{c.shown} (line {c.line})",)})
            return _step(shown, "undecided", f"matrix claim under {where}: " + _describe(outcomes)
                         + " (with the other names sampled freely; the notes may assume more about them)")
        space = null_space_equation(c.lhs, c.rhs)
        if space is not None and space.matrix.free_symbols | {space.vector} <= lhs.free_symbols | rhs.free_symbols:
            saved, self.pairs = self.pairs, (*self.pairs, space)
            try:
                outcomes = self.outcomes(lhs, rhs, rel)
            except (Unsupported, ShapeError):
                outcomes = {}
            finally:
                self.pairs = saved
            if outcomes and {o.status for o in outcomes.values()} == {"holds"}:  # A^T A v = 0 (readers.notes.null_spaces)
                report = self.confirmed(lhs, rhs, outcomes, shown)
                return StepReport(**{**report.__dict__, "reason": f"{report.reason}, with {space.vector} drawn from "
                                     f"the null space of {space.matrix} (the equation at line {c.line})",
                                     "assumptions": (f"{c.shown} (line {c.line})",)})
        return _step(shown, "undecided", f"matrix claim constrained by the equation at line {c.line} ({c.shown}), "
                     "which this check cannot solve for one of its names")


# ** sampling a reading **

_STATUS = {"holds": "holds", "fails": "fails", "equation": "is an equation"}


def run(typing, lhs, rhs, rel, pairs=()) -> _Outcome:
    """Samples of one reading at several size assignments: holds, fails, mixed or unknown; ``pairs``: eigenpairs
    ``(vector, matrix, value)`` each sample keeps (readers.notes.eigenpairs)."""
    free = typing.dims.free()
    tolerance = HOLDS if typing.smooth or not typing.derivatives else HOLDS_CENTRAL
    results = []
    rng = np.random.default_rng(SEED)
    for assignment in _assignments(free):
        shapes = sizes(typing, assignment)
        for _ in range(SAMPLES):
            for _ in range(RETRIES):
                values = sample(typing, shapes, rng) | declared_size_values(typing, shapes, assignment)
                try:
                    for pair in pairs:
                        if isinstance(pair, NullSpace):  # v with M v = 0 (readers.notes.null_spaces)
                            values = in_null_space(values, pair, Evaluator(typing, values), rng)
                            continue
                        vector, matrix, value = pair
                        if matrix in values and vector in values:
                            values = eigenpair(values, vector, matrix, value, rng)
                    evaluate = Evaluator(typing, values)
                    g = gap(evaluate(lhs), evaluate(rhs), rel)
                except (Resample, NoEigenpair):
                    continue
                except (ValueError, TypeError, ZeroDivisionError, np.linalg.LinAlgError, IndexError) as exc:
                    return _Outcome("unsupported", f"cannot evaluate ({type(exc).__name__})", typing)
                except Unsupported as exc:
                    return _Outcome("unsupported", str(exc), typing)
                results.append((_show_sizes(assignment), g))
                break
    if not results:
        return _Outcome("unknown", "no sample in the claim's domain", typing)
    layout = typing.layout if typing.derivatives else ""
    if all(g <= tolerance for _, g in results):
        return _Outcome("holds", f"{layout} layout" if layout else "", typing, not typing.smooth)
    if all(g > FAILS for _, g in results):
        return _Outcome("fails", f"{layout} layout" if layout else "", typing)
    held = sorted({s for s, g in results if g <= tolerance})
    failed = sorted({s for s, g in results if g > FAILS})
    return _Outcome("mixed", f"holds on some samples ({', '.join(held) or 'none'}) and fails on others "
                    f"({', '.join(failed) or 'none'})" + (f" in the {layout} layout" if layout else ""), typing)


def _assignments(free) -> list[dict]:
    """At least :data:`MIN_SHAPES` size assignments (all 2, all 3, then mixed sizes)."""
    if not free:
        return [{}]
    rows = [[2] * len(free), [3] * len(free), [(2, 3, 4)[k % 3] for k in range(len(free))],
            [(4, 2, 3)[k % 3] for k in range(len(free))]]
    out = []
    for row in rows:
        if row not in out:
            out.append(row)
    if len(out) < MIN_SHAPES:
        out.append([4] * len(free))
    return [dict(zip(free, row)) for row in out]


def _show_sizes(assignment) -> str:
    return ", ".join(str(v) for v in assignment.values()) or "fixed sizes"


def find_counterexample(typing, lhs, rhs, rel) -> dict | None:
    """Small matrices (all free sizes 2, integer entries where possible) at which the claim fails."""
    assignment = {d: 2 for d in typing.dims.free()}
    shapes = sizes(typing, assignment)
    rng = np.random.default_rng(SEED + 1)
    for integer in (True, False):
        for _ in range(COUNTEREXAMPLE_TRIES if integer else RETRIES * 4):
            try:
                values = sample(typing, shapes, rng, integer=integer) | declared_size_values(typing, shapes, assignment)
                if not integer:
                    values = {s: (np.round(v, 2) if isinstance(v, (np.ndarray, float)) else v) for s, v in values.items()}
                evaluate = Evaluator(typing, values)
                left, right = evaluate(lhs), evaluate(rhs)
                if gap(left, right, rel) > FAILS:
                    out = {str(s): _json(v) for s, v in values.items() if typing.kinds[s].kind != "identity"}
                    out["lhs"], out["rhs"] = _json(left), _json(right)
                    if typing.derivatives:
                        out["layout"] = "fails in both the denominator and the numerator layout"
                    return out
            except (Resample, Unsupported, ValueError, np.linalg.LinAlgError):
                continue
    return None


def _json(v) -> str:
    if hasattr(v, "c") and not isinstance(v, np.ndarray):
        return f"{v.c} I"
    a = np.real_if_close(np.asarray(v))
    if a.size == 1:
        a = a.ravel()[0]
        return json.dumps(int(a) if float(a).is_integer() else round(float(a), 6))
    return json.dumps([[int(x) if float(x).is_integer() else round(float(x), 6) for x in row] for row in np.atleast_2d(a)])


# ** helpers **

def _scaling_identity(e) -> set:
    r"""Plain names written right before the identity in a product, ``\lambda I`` in :math:`B^\top B - \lambda I`:
    a column vector times a square identity is never defined, so such a name is a number (the reading a vector
    name would otherwise leave uncertain)."""
    out = set()
    for m in e.atoms(sp.Mul):
        factors = [a for a in m.args if not a.is_commutative]
        for a, b in itertools.pairwise(factors):
            if isinstance(a, sp.Symbol) and isinstance(b, sp.Symbol) and _IDENTITY.fullmatch(b.name) \
                    and not _IDENTITY.fullmatch(a.name) and not _BOLD.search(a.name):
                out.add(a)
    return out


def _whole_vectors(lhs, rhs):
    r"""``component(u, i) = component(v, i)`` at one free index ``i``: ``u = v`` (holding at every ``i`` is holding
    for the vectors: $\operatorname{softmax}(z + c\mathbf{1})_i = \operatorname{softmax}(z)_i$); else as it was."""
    parts = [e for e in (lhs, rhs) if isinstance(e, AppliedUndef) and e.func.__name__ == "component"
             and len(e.args) == 2 and isinstance(e.args[1], sp.Symbol)]
    if len(parts) != 2 or parts[0].args[1] != parts[1].args[1]:
        return lhs, rhs
    index = parts[0].args[1]
    if any(index in e.args[0].free_symbols for e in parts):
        return lhs, rhs
    return lhs.args[0], rhs.args[0]


def _stating(reports, decompositions) -> list[StepReport]:
    """``reports`` naming the stated decompositions (or other readings, as text) they were read with."""
    if not decompositions:
        return reports
    shown = tuple(d if isinstance(d, str) else d.shown() for d in decompositions)
    return [StepReport(**{**r.__dict__, "assumptions": tuple(r.assumptions) + shown}) for r in reports]


def _step(shown, verdict, reason, *, method="", role="claim") -> StepReport:
    return StepReport(**shown, verdict=verdict, method=method or "matrix algebra", reason=reason, role=role)


def _every_link(results):
    """One claim checked as each of several alike links (:meth:`MatrixClaims.alike_links`): a failing link's steps
    (the chain fails, whichever link the claim is), else, when every link holds, the first link's; else the steps of
    a link left undecided, or None when a link has no matrix reading."""
    if any(r is None for r in results):
        return None
    for steps in results:
        if any(s.verdict == "refuted" for s in steps):
            return steps
    for steps in results:
        if not all(s.verdict in ("proved", "verified") for s in steps):
            return steps
    return results[0]


def _pairs(block):
    """``(row line, lhs, rhs)`` for the consecutive pairs of every formula row (continued rows too)."""
    out, previous = [], None
    for row in block.rows:
        if row.kind in ("empty", "prose", "list", "constraint"):
            continue
        exprs = list(row.chain.exprs)
        if row.continued and previous is not None:
            exprs.insert(0, previous)
        if exprs:
            previous = exprs[-1]
        if row.kind == "condition":
            continue
        out += [(row.line, a, b) for a, b in zip(exprs, exprs[1:])]
    return out


def _written(e) -> str:
    """A side as read with order-keeping products: ``transpose(A*B)``, ``(A*B)**(-1)``."""
    return re.sub(r"\\(?:mathbf|boldsymbol|bm)\{(\\?\w+)\}", r"\1", str(e)).replace("\\", "")


def _capitals_spread(e):
    r"""``e`` with each name that is a run of two to four capitals (``QDQ``, read as one name by the scalar reader)
    written as the product of its letters, to align it with the order-keeping reading, which splits a run of
    declared matrices (``Q D Q^T``; :func:`~readers.latex.matrix_reader.parse_matrix_block`)."""
    return e.xreplace({s: sp.Mul(*(sp.Symbol(c, **s.assumptions0) for c in s.name))
                       for s in e.free_symbols if re.fullmatch(r"[A-Z]{2,4}", s.name)})


def _signature(e) -> tuple:
    r"""``e`` without its transposes and inverses, its names commutative and plain, and how many it had: the scalar
    reading puts them on a whole run (``(QDQ)^T``), the order-keeping one on its last letter (``Q D Q^T``), so only
    this much of the two readings agrees."""
    ops = [x for x in sp.preorder_traversal(e) if (isinstance(x, AppliedUndef) and x.func.__name__ == "transpose")
           or (isinstance(x, sp.Pow) and x.exp == -1)]
    def bare(x):
        if (isinstance(x, AppliedUndef) and x.func.__name__ == "transpose") or (isinstance(x, sp.Pow) and x.exp == -1):
            return bare(x.args[0])
        if isinstance(x, sp.Symbol):
            return sp.Symbol(x.name)
        return x.func(*map(bare, x.args)) if x.args else x
    return bare(e), len(ops)


def _commutative(e):
    r"""``e`` as the scalar reading has it: real names, ``\|v\|`` as ``|v|`` (built on the real names, as there)."""
    e = e.xreplace({s: sp.Symbol(s.name, real=True) for s in e.atoms(sp.Symbol) if not s.is_commutative})  # atoms:
    # the x of d f/dx is no free symbol when f is a bare name
    e = e.replace(lambda x: isinstance(x, AppliedUndef) and x.func.__name__ in ("hadamard", "dot"),
                  lambda x: sp.Mul(*x.args))
    return e.replace(lambda x: isinstance(x, AppliedUndef) and x.func.__name__.startswith("norm"),
                     lambda x: sp.Abs(x.args[0]))


def _has_derivative(*exprs) -> bool:
    return any(e.has(sp.Derivative) or any(f.func.__name__.startswith("nabla") for f in e.atoms(AppliedUndef))
               for e in exprs)


def _one_sided(lhs, rhs) -> set:
    left = {s for s in lhs.free_symbols if not s.is_commutative}
    right = {s for s in rhs.free_symbols if not s.is_commutative}
    return {s for s in left ^ right if not _IDENTITY.fullmatch(s.name) and _core(s.name) not in ("0", "1")}


def _constrains(lhs, rhs) -> bool:
    """An equation that names something on one side only (``AW = W\\Sigma``, ``A x = b``) or equates to 0."""
    return bool(_one_sided(lhs, rhs)) or lhs == 0 or rhs == 0


def _by_entries_in_force(app, scope, line: int, section, used: list):
    r"""The body of ``f(\mathbf{x})`` from the definition in force in ``scope`` (the checker's section) when it
    is written in the entries of its one vector parameter, ``f(\mathbf{x}) = x_1^2 + 2 x_2^2``
    (:mod:`readers.notes.gradients`), applied to that parameter: a scalar body, in force even when defined
    earlier on the claim's own line, which the rows before that line miss.  None otherwise; ``used`` collects
    ``(line, section)``."""
    cases = scope.functions.get(app.func.__name__, []) if scope is not None else []
    for params, body in cases[:1]:
        if len(params) == 1 == len(app.args) and getattr(params[0], "name", None) == getattr(app.args[0], "name", 0) \
                and entries(params[0], body):
            used.append((line, section))
            return body
    return None


def _label(kinds, unknown) -> str:
    return ", ".join(f"{s} a {kinds[s].kind}" for s in unknown)


def _best(results) -> _Outcome:
    for status in ("holds", "mixed", "unknown", "unsupported", "fails"):
        found = [r for r in results if r.status == status]
        if found:
            if status == "fails" and len(found) != len(results):
                continue
            return found[0]
    return results[0]


def _describe(outcomes) -> str:
    if len(outcomes) == 1:
        o = next(iter(outcomes.values()))
        return {"mixed": o.detail, "unknown": o.detail, "unsupported": o.detail}.get(o.status, o.status)
    parts = [f"with {k or 'the names as written'} it {o.status}" + (f" ({o.detail})" if o.detail else "")
             for k, o in outcomes.items()]
    return "ambiguous: " + "; ".join(parts)


def _substituted(lhs, rhs, c):
    r"""``(lhs, rhs)`` with each run of factors that spells ``c.lhs`` (a product: ``A\mathbf{u}`` in
    ``A^T A \mathbf{u}``) replaced by ``c.rhs``; None when neither side writes it."""
    if not isinstance(c.lhs, sp.Mul) or c.lhs.is_commutative:
        return None
    pattern = c.lhs.args
    changed = False

    def replace(e):
        nonlocal changed
        if not isinstance(e, sp.Mul):
            return e
        args = list(e.args)
        for k in range(len(args) - len(pattern) + 1):
            if tuple(args[k:k + len(pattern)]) == pattern:
                changed = True
                return sp.Mul(*args[:k], c.rhs, *args[k + len(pattern):])
        return e

    out = tuple(side.replace(lambda e: isinstance(e, sp.Mul), replace) for side in (lhs, rhs))
    return out if changed else None


def _about_another_vector(c, symbols) -> bool:
    r"""Whether the equation ``c`` puts in a null space a vector the claim does not name (``A^TA\mathbf{u} = 0`` at
    a claim on ``\mathbf{v}``): with ``u = 0`` it holds for every ``A``, so it is no constraint on the claim's names
    unless more is assumed of ``u``; the claim is read without it, and under it only where that reading fails other
    than as an equation of its own (``A^TA\mathbf{v} = \mathbf{0}``, then a constraint in its turn)."""
    space = null_space_equation(c.lhs, c.rhs)
    return space is not None and space.vector not in symbols


def _trivial(solution) -> bool:
    r"""Whether a solution of a matrix equation is zero: the trivial solution of a homogeneous equation
    ($A\mathbf{u} = \mathbf{0}$ peeled by $A^{-1}$), which holds only where the peeled factors are invertible and
    under which every claim about the target holds vacuously."""
    return solution == 0 or bool(getattr(solution, "is_ZeroMatrix", False)) or (
        isinstance(solution, sp.Mul) and any(a == 0 for a in solution.args))


def isolate(lhs, rhs, target):
    r"""``target`` in terms of the rest when it occurs once in ``lhs = rhs``: peel sums, products (by
    inverses of the neighbouring factors), inverses and transposes.  $A W = W \Sigma \Rightarrow A = W \Sigma W^{-1}$."""
    count = sum(1 for e in (lhs, rhs) for x in sp.preorder_traversal(e) if x == target)
    if count != 1:
        return None
    side, other = (lhs, rhs) if lhs.has(target) else (rhs, lhs)
    for _ in range(50):
        if side == target:
            return other
        if isinstance(side, sp.Add):
            inside = [a for a in side.args if a.has(target)][0]
            other = other - (side - inside)
            side = inside
        elif isinstance(side, sp.Mul):
            args = list(side.args)
            k = next(i for i, a in enumerate(args) if a.has(target))
            left, right = sp.Mul(*args[:k]), sp.Mul(*args[k + 1:])
            other = (left ** -1 if left != 1 else 1) * other * (right ** -1 if right != 1 else 1)
            side = args[k]
        elif isinstance(side, sp.Pow) and side.exp == -1:
            side, other = side.base, other ** -1
        elif isinstance(side, AppliedUndef) and side.func.__name__ == "transpose":
            side, other = side.args[0], sp.Function("transpose")(other)
        else:
            return None
    return None


def _prove(typing, lhs, rhs) -> bool:
    """Whether sympy's matrix expressions reduce ``lhs - rhs`` to zero (False when they cannot be built)."""
    if typing is None or (typing.derivatives and typing.layout != "denominator"):
        return False  # sympy differentiates in the denominator layout: d(a^T x)/dx = a, d(Ax)/dx = A^T
    try:
        dims = {}

        def size(d):
            d = typing.dims.find(d)
            if isinstance(d, int):
                return d
            return dims.setdefault(d, sp.Symbol(f"n{len(dims)}", integer=True, positive=True))

        symbols = {}
        for s, shape in typing.shapes.items():
            if typing.kinds[s].kind in ("identity", "ones") or typing.kinds[s].props:
                return False
            symbols[s] = sp.MatrixSymbol(re.sub(r"\W", "_", s.name), size(shape[0]), size(shape[1])) \
                if isinstance(shape, tuple) else sp.Symbol(re.sub(r"\W", "_", s.name), real=True)
        left, right = _matrix_expr(lhs, symbols), _matrix_expr(rhs, symbols)
        difference = sp.expand((left - right).doit())
        if difference.has(sp.Derivative):
            return False
        return difference == 0 or isinstance(difference, sp.ZeroMatrix)
    except Exception:  # noqa: BLE001 - no symbolic proof; the samples stand
        return False


def _matrix_expr(e, symbols):
    if isinstance(e, sp.Symbol):
        if e in symbols:
            return symbols[e]
        raise Unsupported(str(e))
    if e.is_number:
        return e
    if isinstance(e, sp.Derivative) and len(e.variable_count) == 1 and e.variable_count[0][1] == 1:
        return _matrix_expr(e.expr, symbols).diff(_matrix_expr(e.variable_count[0][0], symbols))
    if isinstance(e, AppliedUndef) and e.func.__name__.startswith("nabla_") and len(e.args) == 1:
        variable = [s for s in e.args[0].free_symbols if s.name == e.func.__name__[len("nabla_"):]]
        if len(variable) == 1:
            return _matrix_expr(e.args[0], symbols).diff(_matrix_expr(variable[0], symbols))
    args = [_matrix_expr(a, symbols) for a in e.args]
    if isinstance(e, sp.Add):
        out = args[0]
        for a in args[1:]:
            out = out + a
        return out
    if isinstance(e, sp.Mul):
        out = args[0]
        for a in args[1:]:
            out = out * a
        return out
    if isinstance(e, sp.Pow):
        base = args[0]
        if isinstance(base, sp.MatrixExpr):
            return sp.Inverse(base) ** (-e.exp) if e.exp < 0 else base ** e.exp
        return base ** args[1]
    if isinstance(e, AppliedUndef):
        name = e.func.__name__
        table = {"transpose": lambda a: a.T if isinstance(a, sp.MatrixExpr) else a,
                 "tr": lambda a: sp.Trace(a) if isinstance(a, sp.MatrixExpr) else a,
                 "det": lambda a: sp.Determinant(a) if isinstance(a, sp.MatrixExpr) else a}
        if name in table:
            return table[name](args[0])
        if name == "hadamard":
            return sp.hadamard_product(*args)
    raise Unsupported(type(e).__name__)


_TRANSPOSE_MARK = r"(?:T|\\top|\\intercal|\\mathrm\{T\}|\\mathsf\{T\})"


def _capitals_written(text: str, inverted: bool = True) -> set:
    r"""The plain capital letters a block writes transposed or (``inverted``) inverted (``X^T``, ``X^\top``,
    ``A^{-1}``): names the scalar parse may have cancelled away."""
    mark = _TRANSPOSE_MARK + ("|-1" if inverted else "")
    return set(re.findall(rf"(?<![A-Za-z\\])([A-Z])\s*\^\s*\{{?\s*(?:{mark})(?![A-Za-z0-9])", text))


def transposes_written(text: str) -> bool:
    r"""Whether the block writes a plain capital transposed (``X^T``, ``A^\top``): matrix algebra, where ``I`` is
    the identity (``X(X^T X)^{-1}X^T = I``, ``1 = I`` to the scalar parse, defines no name ``I``)."""
    return bool(_capitals_written(text, inverted=False))
