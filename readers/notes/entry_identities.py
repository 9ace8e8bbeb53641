r"""Entry notation without derivatives: a matrix expression against its entries, on random integer matrices.

Notes write bold letters for vectors and matrices and the same letters in lower case, with indices, for their
entries; an entry of an expression is ``[\mathbf{M}]_{ij}`` or ``(\mathbf{M})_i``:

.. math:: (\mathbf{A}\mathbf{v})_i = \sum_j a_{ij} v_j, \qquad \operatorname{tr}(\mathbf{A}) = \sum_i a_{ii},
          \qquad \mathbf{x}^\top\mathbf{y} = \sum_{i=1}^d x_i y_i, \qquad
          \sum_k u_{ik} v_{kb} = [\mathbf{U}\mathbf{V}]_{ib}.

Reading: ``\mathbf{A}`` (a bold capital) is an ``n x n`` matrix with entries ``a_{ij}``; ``\mathbf{v}`` (bold lower
case) an ``n x 1`` vector with entries ``v_i``; every lower-case entry must have its bold name in the block.  The
product of two vectors is their dot product (the only product of two columns that is defined), ``\|\mathbf{v}\|``
the Euclidean norm of a vector (a matrix norm is not read: Frobenius and spectral differ).  A sum's upper bound that
is a free name (``d``, ``N``) is the size ``n``.  Indices left free must be the same on both sides (else the block is
in another convention, e.g. Einstein's, and is not read here); the relation is evaluated exactly at every value of
them, for sizes ``SIZES``, ``TRIALS`` draws each.  It is *verified* when it holds at every sample (evidence, not a
proof), *refuted* with the matrices and indices when it fails at one (exact arithmetic), and not read (None) when it
holds anything else (another name, a function, a derivative).

Where the notes state the Einstein summation convention, a relation whose free indices differ between the sides is
read with it (:mod:`readers.notes.einstein`): each term summed over the indices it repeats, and a side with no index
left (a vector or matrix expression) stands for its entry at the other side's free indices,

.. math:: \mathbf{x}^\top A \mathbf{x} = x_i a_{ij} x_j \;\to\; \mathbf{x}^\top A \mathbf{x} = \sum_{i,j} x_i a_{ij} x_j,
          \qquad \mathbf{A}\mathbf{v} = a_{ij} v_j \;\to\; [\mathbf{A}\mathbf{v}]_i = \sum_j a_{ij} v_j.

A plain capital whose lower-case entries the relation writes (``A`` beside ``a_{ij}``) is that matrix.  This
reading only confirms: a relation it fails is left as it was (the convention may be meant otherwise there).

Entries are also written with the matrix's own capital (``A_{ij}`` of ``\mathbf{A}``) or with the bold name
itself (``\boldsymbol{x}_i``), under the norms that sum or take the largest entries and under ``\max_i``
(``\max_{1 \le j \le n}`` is ``\max_j``, over the size):

.. math:: \|\mathbf{A}\|_1 = \max_{1 \le j \le n} \sum_{i=1}^n |A_{ij}|, \qquad
          \|\boldsymbol{x}\|_1 = \sum_i |\boldsymbol{x}_i|, \qquad \|\mathbf{x}\|_\infty = \max_i |x_i|

with ``\|\cdot\|_1`` and ``\|\cdot\|_\infty`` of a matrix the induced norms (largest column and row sums of
absolute values, as readers.notes.matrix_numeric reads them).  A relation in these forms only confirms, at the
square sizes sampled: a failure is left as it was (``\|W\|_1`` of a weight matrix is often the sum of all
``|w_{ij}|``, and ``A_{ij}`` may name another array).
"""
from __future__ import annotations

import itertools
import random
import re

import sympy as sp

from readers.latex.matrix_reader import parse_matrix_block
from readers.latex.nodes import IndexMax
from readers.notes.einstein import einstein_reading

SIZES = (2, 3)
"""Square sizes tried (every product and sum of square matrices and columns of this size is defined)."""
TRIALS = 2
"""Random draws per size."""
ENTRY_RANGE = 4
"""Entries are integers in ``[-ENTRY_RANGE, ENTRY_RANGE]``."""

_BOLD = re.compile(r"\\(?:mathbf|boldsymbol|bm)\{([A-Za-z])\}")
_SUBSCRIPT_LETTERS = re.compile(r"_\s*(?:\{([a-z\s,]+)\}|([a-z]))")
_ENTRY = ("entry", "component")
"""``entry(M, i[, j])`` and ``component(v, i)``: an entry of an expression (``[\\mathbf{A}\\mathbf{v}]_i``,
``\\mathrm{softmax}(\\mathbf{o})_j``)."""
_ALLOWED_FUNCTIONS = frozenset({"transpose", "tr", "norm", "norm_F", "norm_1", "norm_inf", "softmax", "exp", "log",
                                "Abs", "Max", "Min", *_ENTRY})
_CONFIRM_ONLY = frozenset({"norm_1", "norm_inf", "Abs", "Max", "Min"})
"""Functions of the forms that only confirm (module docstring)."""
_RANGED_EXTREME = re.compile(r"\\(max|min)_\{\s*1\s*\\leq?\s*(?:\\[,;:!]\s*)*([a-z])\s*(?:\\[,;:!]\s*)*\\leq?\s*"
                             r"(?:\\[,;:!]\s*)*[A-Za-z]\s*(?:\\[,;:!]\s*)*\}")
r"""``\max_{1 \le j \le n}``: the largest term over an index from 1 to a size, written ``\max_j``."""


class _NotHere(Exception):
    """The relation holds something this reading does not evaluate."""


def written_in_entries(content: str) -> bool:
    r"""Whether ``content`` writes a bold name and an entry: its lower-case letter with an index subscript
    (``\mathbf{A}`` and ``a_{ij}``), or a bracketed expression with one (``[\mathbf{U}\mathbf{V}]_{ib}``)."""
    bold = {m.group(1) for m in _BOLD.finditer(content)}
    if not bold:
        return False
    lower = {b.lower() for b in bold}
    entry_of_name = any(re.search(r"(?<![\\A-Za-z{])" + letter + r"_\s*\{?\s*[a-z]", content) for letter in lower)
    own_capital = any(re.search(r"(?<![\\A-Za-z{])" + letter + r"_\s*\{\s*[a-z]\s*,?\s*[a-z]\s*\}", content)
                      for letter in bold if letter.isupper())  # A_{ij} of \mathbf{A}
    bold_entry = re.search(r"\\(?:mathbf|boldsymbol|bm)\{[A-Za-z]\}\s*_\s*\{?\s*[a-z]\b", content) is not None
    return entry_of_name or own_capital or bold_entry or re.search(r"[\])]\s*_\s*\{?\s*[a-z]", content) is not None


def index_letters(content: str) -> tuple[str, ...]:
    """The single letters written as subscripts (``a_{ij}``, ``v_j``, ``[...]_{ib}``): the indices."""
    out = set()
    for m in _SUBSCRIPT_LETTERS.finditer(content):
        text = m.group(1) if m.group(1) is not None else m.group(2)
        letters = re.findall(r"[a-z]", text)
        if m.group(1) is not None and "," not in text and len(text.replace(" ", "")) > 3:
            continue  # _{max}, _{out}: a label, not indices
        out.update(letters)
    return tuple(sorted(out))


def entries_as_brackets(content: str) -> str:
    r"""``(\mathbf{A}\mathbf{v})_i`` written ``[\mathbf{A}\mathbf{v}]_i``: a parenthesised bold expression with an
    index subscript is an entry, as the bracket is."""
    out, k = [], 0
    for m in re.finditer(r"\)\s*_", content):
        depth, start = 0, None
        for pos in range(m.start(), -1, -1):
            ch = content[pos]
            depth += ch == ")"
            depth -= ch == "("
            if depth == 0:
                start = pos
                break
        if start is None or start < k or not _BOLD.search(content[start:m.start()]):
            continue
        opener = start - 5 if content[max(0, start - 5):start] == "\\left" else start
        closer_end = m.start() + 1
        closer = m.start() - 6 if content[max(0, m.start() - 6):m.start()] == "\\right" else m.start()
        out.append(content[k:opener] + "[" + content[start + 1:closer] + "]")
        k = closer_end
    out.append(content[k:])
    return "".join(out)


def check_entry_identities(content: str, einstein: bool = False) -> list[dict] | None:
    """One result per relation of the block (``{'verdict', 'reason', 'counterexample'}``, verdict None when not
    decided here), or None when the block is not written in entries or holds a relation this reading cannot read;
    ``einstein``: the notes state the summation convention (see the module docstring)."""
    if not written_in_entries(content):
        return None
    text = _RANGED_EXTREME.sub(r"\\\1_{\2}", entries_as_brackets(content))
    try:
        block = parse_matrix_block(text, indices=index_letters(text), entries=True)
    except Exception:  # noqa: BLE001 - not readable this way: nothing to say
        return None
    pairs, previous = [], None
    for row in block.rows:
        if row.kind in ("empty", "prose", "list"):
            continue
        exprs = list(row.chain.exprs)
        if row.continued and previous is not None:
            exprs.insert(0, previous)
        if len(exprs) != len(row.chain.rels) + 1 or row.conditions:
            return None
        previous = exprs[-1] if exprs else previous
        for (lhs, rhs), rel in zip(zip(exprs, exprs[1:]), row.chain.rels):
            if rel != "=":
                return None
            pairs.append((lhs, rhs))
    if not pairs or not any(_has_entries(e) for pair in pairs for e in pair):
        return None
    named = frozenset(m.group(1) for m in _BOLD.finditer(content))
    out = [{**_judge_or_none(lhs, rhs, einstein, named), "shown": (_plain(lhs), _plain(rhs))} for lhs, rhs in pairs]
    return out if any(r["verdict"] for r in out) else None


def aligned(results, shown) -> list | None:
    """``results`` matched to the checked relations of the block by how their sides read (``shown``: the
    ``(lhs, rhs)`` strings of each, bold names written plain), when the block checks fewer relations than it
    writes (a leading definition); None unless every one is matched."""
    by_sides = {r.get("shown"): r for r in results if r.get("shown")}
    out = [by_sides.get((_spaceless(a), _spaceless(b))) for a, b in shown]
    return out if all(r is not None for r in out) else None


def _plain(e) -> str:
    return _spaceless(re.sub(r"\\(?:mathbf|boldsymbol|bm)\{(\w)\}", r"\1", str(e)))


def _spaceless(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _judge_or_none(lhs, rhs, einstein: bool = False, named=frozenset()) -> dict:
    try:
        return _judge(lhs, rhs, named)
    except _NotHere:
        if einstein and _free_indices(lhs) != _free_indices(rhs):
            return _by_einstein(lhs, rhs, named)
        return {"verdict": None, "counterexample": None, "reason": ""}


def _by_einstein(lhs, rhs, named=frozenset()) -> dict:
    """The relation read with the summation convention (module docstring): verified, or nothing said."""
    nothing = {"verdict": None, "counterexample": None, "reason": ""}
    reading = einstein_reading(lhs, rhs)
    if reading is None:
        return nothing
    lhs, rhs, summed = reading
    left, right = _free_indices(lhs), _free_indices(rhs)
    if left != right:
        bare, indexed = (lhs, right) if not left else (rhs, left) if not right else (None, None)
        if bare is None or not 1 <= len(indexed) <= 2 or _has_entries(bare):
            return nothing
        whole = sp.Function("entry")(bare, *sorted(indexed, key=str))
        lhs, rhs = (whole, rhs) if bare is lhs else (lhs, whole)
    try:
        found = _judge(lhs, rhs, named)
    except _NotHere:
        return nothing
    if found["verdict"] != "verified":
        return nothing
    return {**found, "reason": f"{found['reason']}; Einstein summation over {', '.join(map(str, summed))} "
                               "(the notes state the convention)"}


def _has_entries(e) -> bool:
    return bool(e.atoms(sp.Indexed)) or any(type(f).__name__ in _ENTRY for f in e.atoms(sp.Function))


def _free_indices(e) -> set:
    """The index symbols of ``e`` that no sum binds."""
    found = set()
    for x in e.atoms(sp.Indexed):
        found |= {s for i in x.indices for s in i.free_symbols}
    for f in e.atoms(sp.Function):
        if type(f).__name__ in _ENTRY:
            found |= {s for i in f.args[1:] for s in i.free_symbols}
    bound = {limit[0] for x in e.atoms(sp.Sum) for limit in x.limits}
    return found - bound if e.has(sp.Derivative) else found & e.free_symbols  # d/dx_k: k is free, not bound


def _judge(lhs, rhs, named=frozenset()) -> dict:
    """The relation on random integer matrices (module docstring); ``named``: the bold letters of its block."""
    names = _names(lhs, rhs, named)
    free = _free_indices(lhs) | _free_indices(rhs)
    if _free_indices(lhs) != _free_indices(rhs):
        raise _NotHere("free indices differ between the sides")
    sizes = {s for e in (lhs, rhs) for x in e.atoms(sp.Sum, IndexMax) for _, _, top in x.limits
             for s in top.free_symbols}
    others = (lhs.free_symbols | rhs.free_symbols) - free - sizes
    others = {s for s in others if isinstance(s, sp.Symbol) and s.is_commutative
              and not any(s == x.base.label for e in (lhs, rhs) for x in e.atoms(sp.Indexed))}
    if others:
        raise _NotHere(str(sorted(map(str, others))))
    free = sorted(free, key=str)
    rng = random.Random(f"{lhs}={rhs}")
    for n in SIZES:
        for _ in range(TRIALS):
            values = {name: sp.Matrix(n, 1 if name.islower() else n,
                                      lambda r, c: rng.randint(-ENTRY_RANGE, ENTRY_RANGE)) for name in names}
            for point in itertools.product(range(1, n + 1), repeat=len(free)):
                env = _Sample(values, dict(zip(free, point)), n, sizes)
                left, right = env.scalar(lhs), env.scalar(rhs)
                difference = sp.expand(left - right)
                if difference != 0 and not difference.is_Rational:  # sqrt of sums of squares: radicals
                    difference = sp.simplify(difference)
                if difference != 0:
                    if _confirm_only(lhs, rhs):
                        raise _NotHere("a form that only confirms fails")
                    shown = {"size": str(n), **{str(i): str(v) for i, v in zip(free, point)},
                             **{f"\\mathbf{{{k}}}": str(v.tolist()) for k, v in values.items()},
                             "lhs": str(left), "rhs": str(right)}
                    return {"verdict": "refuted", "counterexample": shown,
                            "reason": "entry notation (lower-case entries of the bold vectors and matrices): fails "
                                      f"on random integer matrices of size {n}"}
    forms = ("; entries written A_ij or with the bold name, norms 1 and infinity of a matrix read as induced norms, "
             f"square sizes {', '.join(map(str, SIZES))} only") if _confirm_only(lhs, rhs) else ""
    return {"verdict": "verified", "counterexample": None,
            "reason": f"entry notation (lower-case entries of the bold vectors and matrices): holds at every index "
                      f"of random integer matrices of sizes {SIZES} ({TRIALS} draws each); evidence, not a proof"
                      + forms}


def _confirm_only(lhs, rhs) -> bool:
    """Whether the relation is in a form that only confirms (module docstring)."""
    return any(type(f).__name__ in _CONFIRM_ONLY for e in (lhs, rhs) for f in e.atoms(sp.Function)) \
        or any(e.has(IndexMax) for e in (lhs, rhs)) \
        or any(not re.fullmatch(r"[a-z]", x.base.label.name) for e in (lhs, rhs) for x in e.atoms(sp.Indexed))


def _entry_letter(name: str, indices: int) -> str | None:
    r"""The letter of the vector or matrix an entry belongs to: ``a`` (two indices: ``A``), ``A`` with two indices,
    ``\boldsymbol{x}`` with one (``x``); None for any other."""
    m = _BOLD.fullmatch(name)
    if m is not None:
        return m.group(1) if indices == 1 and m.group(1).islower() else None
    if re.fullmatch(r"[a-z]", name):
        return name.upper() if indices == 2 else name
    return name if re.fullmatch(r"[A-Z]", name) and indices == 2 else None


def _first_derivative(d) -> bool:
    """A first derivative in one bold vector (``\\frac{d}{d\\mathbf{x}}``) or one entry (``\\frac{d}{dx_k}``)."""
    if len(d.variable_count) != 1 or d.variable_count[0][1] != 1:
        return False
    x = d.variable_count[0][0]
    return isinstance(x, sp.Indexed) or (isinstance(x, sp.Symbol) and _BOLD.fullmatch(x.name) is not None)


def _letter(name: str, entries=frozenset()) -> str | None:
    r"""The letter of a vector or matrix name: ``\mathbf{A}`` -> ``A``; a plain capital ``A`` when the relation
    writes its entries (``a`` in ``entries``); None for any other name."""
    m = _BOLD.fullmatch(name)
    if m is not None:
        return m.group(1)
    return name if re.fullmatch(r"[A-Z]", name) and name.lower() in entries else None


def _names(lhs, rhs, named=frozenset()) -> list[str]:
    """The bold names (``A`` a matrix, ``v`` a vector) the relation uses; every entry needs its bold name in the
    relation or in its block (``named``)."""
    bold = set()
    matrix_entries = {x.base.label.name for e in (lhs, rhs) for x in e.atoms(sp.Indexed) if len(x.indices) == 2}
    for e in (lhs, rhs):
        for s in e.free_symbols:
            if not s.is_commutative:
                letter = _letter(s.name, matrix_entries)
                if letter is None:
                    raise _NotHere(s.name)
                bold.add(letter)
        for f in e.atoms(sp.Function):
            if type(f).__name__ not in _ALLOWED_FUNCTIONS:
                raise _NotHere(type(f).__name__)
        if e.atoms(sp.Integral, sp.Piecewise, sp.Product) or not all(_first_derivative(d) for d in e.atoms(sp.Derivative)):
            raise _NotHere("not an algebraic relation")
    for e in (lhs, rhs):
        for x in e.atoms(sp.Indexed):
            owner = _entry_letter(x.base.label.name, len(x.indices))
            if owner is None or owner not in bold | named:
                raise _NotHere(x.base.label.name)
            bold.add(owner)
    return sorted(bold)


class _Sample:
    """The matrices of one draw and the values of the free indices."""

    def __init__(self, values, index, n, sizes):
        self.values, self.index, self.n, self.sizes = values, index, n, sizes

    def scalar(self, e):
        e = e.xreplace({**{s: sp.Integer(v) for s, v in self.index.items()},
                        **{s: sp.Integer(self.n) for s in self.sizes}})
        e = self.entries(e).doit()
        if e.has(sp.Max, sp.Min):  # max_j sum_i |A_ij|: the sums inside the written-out maximum
            e = e.doit()
        e = e.xreplace({x: self.entry_of(x) for x in e.atoms(sp.Indexed) if all(i.is_Integer for i in x.indices)})
        if e.free_symbols:  # a product of bold names: a matrix expression, evaluated whole
            e = self.matrix(e)
        if isinstance(e, sp.MatrixBase):
            if e.shape != (1, 1):
                raise _NotHere("a matrix where a number is expected")
            e = e[0, 0]
        if not e.is_number:
            raise _NotHere(str(e)[:60])
        return e

    def entry_of(self, x):
        letter = _entry_letter(x.base.label.name, len(x.indices))
        indices = [int(i) - 1 for i in x.indices]
        if letter is None or any(i < 0 or i >= self.n for i in indices):
            raise _NotHere("index out of range")
        if len(indices) == 2:
            return self.values[letter][indices[0], indices[1]]
        return self.values[letter][indices[0], 0]

    def entries(self, e):
        """``entry(M, r[, c])`` (an entry of an expression) replaced by the entry of the evaluated ``M``."""
        for f in sorted((f for f in e.atoms(sp.Function) if type(f).__name__ in _ENTRY), key=sp.count_ops):
            m, *place = f.args
            value = self.matrix(m)
            if not isinstance(value, sp.MatrixBase) or not all(p.is_Integer for p in place):
                raise _NotHere("entry")
            rows, cols = value.shape
            r = int(place[0]) - 1
            c = int(place[1]) - 1 if len(place) == 2 else 0
            if len(place) == 1 and cols != 1 or not (0 <= r < rows and 0 <= c < cols):
                raise _NotHere("entry out of shape")
            e = e.xreplace({f: value[r, c]})
        return e

    def gradient(self, f, x):
        r"""$\partial f / \partial \mathbf{x}$ of a number ``f`` at this draw, a column (its entries are the same in
        either layout), by exact differentiation in symbols standing for ``x``'s entries."""
        letter = _letter(x.name)
        value = self.values.get(letter)
        if value is None or value.shape[1] != 1:
            raise _NotHere("a derivative in what is not a vector")
        entries = sp.Matrix(value.shape[0], 1, lambda r, c: sp.Dummy(f"x{r}"))
        inner = _Sample({**self.values, letter: entries}, self.index, self.n, self.sizes).matrix(f)
        if isinstance(inner, sp.MatrixBase):
            if inner.shape != (1, 1):
                raise _NotHere("the derivative of what is not a number")
            inner = inner[0, 0]
        at = dict(zip(entries, value))
        return sp.Matrix([sp.diff(inner, s).xreplace(at) for s in entries])

    def matrix(self, e):
        """A matrix expression of this draw (numbers stay numbers)."""
        if isinstance(e, sp.Symbol) and not e.is_commutative:
            return self.values[_letter(e.name, frozenset(k.lower() for k in self.values if k.isupper()))]
        if e.is_number:
            return e
        if isinstance(e, sp.Add):
            parts = [self.matrix(a) for a in e.args]
            shapes = {p.shape for p in parts if isinstance(p, sp.MatrixBase)}
            if len(shapes) > 1 or shapes and any(not isinstance(p, sp.MatrixBase) for p in parts):
                raise _NotHere("a sum of different shapes")
            out = parts[0]
            for p in parts[1:]:
                out = out + p
            return out
        if isinstance(e, sp.Mul):
            out = sp.Integer(1)
            for a in e.args:
                v = self.matrix(a)
                out = _times(out, v)
            return out
        if isinstance(e, sp.Pow) and e.exp.is_number:
            v = self.matrix(e.base)
            if not isinstance(v, sp.MatrixBase):
                return v ** e.exp  # a number: 1 / (\|v\| \|w\|), \sqrt{\sum_i v_i^2}
            if not (e.exp.is_Integer and e.exp > 0):
                raise _NotHere("an inverse or a root of a matrix")
            if isinstance(v, sp.MatrixBase) and v.shape[0] != v.shape[1]:
                if e.exp == 2 and v.shape[1] == 1:
                    return _times(v, v)
                raise _NotHere("a power of a non-square matrix")
            return v ** int(e.exp)
        name = type(e).__name__
        if name == "transpose":
            v = self.matrix(e.args[0])
            return v.T if isinstance(v, sp.MatrixBase) else v
        if name == "tr":
            v = self.matrix(e.args[0])
            if not isinstance(v, sp.MatrixBase) or v.shape[0] != v.shape[1]:
                raise _NotHere("trace of a non-square")
            return v.trace()
        if isinstance(e, sp.Derivative) and not isinstance(e.variables[0], sp.Indexed):
            return self.gradient(e.expr, e.variables[0])
        if name in ("norm_1", "norm_inf"):  # a column: sum, largest of |x_i|; a matrix: the induced norms
            v = self.matrix(e.args[0])
            if not isinstance(v, sp.MatrixBase):
                raise _NotHere("a norm of a number")
            absolute = v.applyfunc(sp.Abs)
            if v.shape[1] == 1:
                return sum(absolute) if name == "norm_1" else max(absolute)
            lines = [absolute[:, c] for c in range(v.shape[1])] if name == "norm_1" else \
                [absolute[r, :] for r in range(v.shape[0])]
            return max(sum(line) for line in lines)
        if name in ("norm", "norm_F"):
            v = self.matrix(e.args[0])
            if not isinstance(v, sp.MatrixBase) or (v.shape[1] != 1 and name == "norm"):
                raise _NotHere("a matrix norm")
            return sp.sqrt(sum(x ** 2 for x in v))
        if name == "softmax":
            v = self.matrix(e.args[0])
            if not isinstance(v, sp.MatrixBase) or v.shape[1] != 1:
                raise _NotHere("softmax of what is not a column")
            exps = v.applyfunc(sp.exp)
            return exps / sum(exps)
        if isinstance(e, (sp.Indexed,)) or name in _ENTRY or isinstance(e, sp.Sum):
            return self.scalar(e)
        raise _NotHere(name)


def _times(a, b):
    r"""``a b``: a number scales; two columns of one length multiply as their dot product ``a^\top b``."""
    if not isinstance(a, sp.MatrixBase) or not isinstance(b, sp.MatrixBase):
        return a * b
    if a.shape[1] == b.shape[0]:
        return a * b
    if a.shape[1] == 1 and b.shape[1] == 1 and a.shape[0] == b.shape[0]:
        return (a.T * b)[0, 0]
    raise _NotHere("shapes do not multiply")
