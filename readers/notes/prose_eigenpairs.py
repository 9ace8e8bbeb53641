r"""Eigenvalues and eigenvectors the prose gives a written-out matrix, as numbers:

    Consider the matrix $A = \begin{bmatrix} -2 & 36 \\ 36 & -23 \end{bmatrix}$, which has eigenvectors
    $\mathbf{v}_1 = (4, 3)^T$, with associated eigenvalue $\lambda_1 = 25$, ...

    The eigenvalues of $B^TB$ are given by $\lambda_1 = 14, \lambda_2 = 7, \lambda_3 = 2$.

Each ``name = value`` is then a claim about the matrix $M$ the sentence names, checked exactly (sympy) on $M$'s
written-out entries:

* a number $c$ stated as an eigenvalue: $\det(M - cI) = 0$;
* a column $\mathbf{v}$ stated as an eigenvector: $\mathbf{v} \ne 0$ and $M\mathbf{v} = \mu\mathbf{v}$ for some $\mu$;
* where the same paragraph already gave the partner of the same subscript (``\lambda_1`` for ``\mathbf{v}_1``, or the
  other way round), the pair itself: $M\mathbf{v}_k = \lambda_k\mathbf{v}_k$.

The matrix is the one the sentence names: ``eigenvalues ... of $X$`` (an expression of written-out matrices, ``A^TA``),
else a ``$NAME = ...$`` of the sentence before the block whose name is written out.  A sentence that names none
(``We have eigenvectors ...`` in the solution of an exercise stated far above) states nothing checked here.  Only
confirmations are made: a value that does not fit stays a local example (the matrix meant may be another one).
"""
from __future__ import annotations

import re

import sympy as sp

from readers.latex.matrix_reader import parse_matrix_block
from readers.notes.matrix_exact import Exact, NotExact

EIGEN = re.compile(r"\beigen(?:value|vector)s?\b", re.I)
_OF = re.compile(r"\beigen(?:value|vector)s?\b(?:[^$.;]|\$[^$]*\$){0,60}?\bof\s+(?:the\s+matrix\s+)?\$([^$]+)\$",
                 re.I)
"""``eigenvalues $\\lambda_1 \\ge \\lambda_2$ of $A^TA$``: the matrix after ``of``."""
_NAMED = re.compile(r"\$\s*([^$=]{1,30}?)\s*=[^$]*\$")
"""``$A = \\begin{bmatrix} ... \\end{bmatrix}$`` in the sentence: the name before ``=``."""
_SENTENCE_END = re.compile(r"(?:[.!?](?:\s|$)(?=\s*[A-Z*])|\n\s*\n)")
EIGENVALUE_LETTERS = ("lambda",)
IDENTITY = re.compile(r"(?:\\(?:mathbf|mathrm|mathbb|boldsymbol|bm)\{I\}|I)(?:_\{?[A-Za-z0-9]+\}?)?")
"""The names of the identity matrix (``I``, ``\\mathbf{I}_n``)."""
LINES_BACK = 4
"""Lines of prose before the block searched for the start of its sentence."""


def sentence_before(lines: list[str], line: int, column: int) -> str:
    """The raw prose of the block's sentence before it (formulas as written), from at most :data:`LINES_BACK`
    lines above."""
    if not 0 < line <= len(lines):
        return ""
    text = "\n".join(lines[max(line - 1 - LINES_BACK, 0):line - 1] + [lines[line - 1][:max(column - 1, 0)]])
    ends = list(_SENTENCE_END.finditer(text))
    return text[ends[-1].end():] if ends else text


def named_matrix(sentence: str, value_at) -> tuple[str, sp.Matrix] | None:
    """``(latex, value)`` of the square matrix the sentence states eigenvalues or eigenvectors of, evaluated by
    ``value_at(latex)`` (None when it is not made of written-out matrices); None when the sentence names none."""
    if not EIGEN.search(sentence):
        return None
    candidates = [m.group(1) for m in _OF.finditer(sentence)][::-1]
    candidates += [m.group(1) for m in _NAMED.finditer(sentence)][::-1]
    for latex in candidates:
        value = value_at(latex)
        if isinstance(value, sp.MatrixBase) and value.rows == value.cols > 1:
            return latex, value
    return None


def identity(s) -> bool:
    return bool(IDENTITY.fullmatch(s.name))


def evaluate(latex: str, literal_at) -> sp.Matrix | None:
    """The exact value of ``latex`` (``A^TA``, ``B``) from the written-out matrices ``literal_at(name)``; None when
    it has another name or does not read."""
    try:
        rows = parse_matrix_block(latex).rows
        exprs = [e for row in rows for e in row.chain.exprs]
        if len(exprs) != 1:
            return None
        return value_of(exprs[0], literal_at)
    except Exception:  # noqa: BLE001 - text that is no matrix expression names no matrix
        return None


def value_of(e, literal_at=lambda name: None):
    """The exact value of the expression ``e`` (a matrix, or a number), its names from ``literal_at(name)``; None
    when it has a name that is not written out."""
    try:
        env = {}
        for s in e.free_symbols:
            found = literal_at(s.name)
            if found is not None:
                env[s] = found
            elif not identity(s):
                return None
        value = Exact(env, lambda s: False, identity)(e)
    except (NotExact, ValueError, TypeError, AttributeError, ZeroDivisionError, NotImplementedError):
        return None
    return value if isinstance(value, sp.MatrixBase) or getattr(value, "is_number", False) else None


def subscript(name: str) -> str | None:
    r"""The subscript of ``\lambda_1``, ``\mathbf{v}_{2}``: ``1``, ``2``; None without one."""
    m = re.search(r"_\{?([^{}_]+)\}?$", name)
    return m.group(1) if m else None


def is_eigenvalue_name(name: str) -> bool:
    return re.sub(r"_\{?[^{}_]+\}?$", "", name).strip("\\") in EIGENVALUE_LETTERS


def column(value, n: int) -> sp.Matrix | None:
    """``value`` as an ``n``-by-1 exact column, else None."""
    if isinstance(value, sp.MatrixBase) and value.shape in ((n, 1), (1, n)):
        return sp.Matrix(value).reshape(n, 1)
    return None


def _zero(e) -> bool:
    return sp.simplify(e) == 0


def eigenvalue_holds(m: sp.Matrix, c) -> bool:
    """Whether the number ``c`` is an eigenvalue of ``m``: det(m - c I) = 0 exactly."""
    return _zero((m - c * sp.eye(m.rows)).det())


def eigenvector_holds(m: sp.Matrix, v: sp.Matrix, c=None) -> bool:
    """Whether ``v`` is an eigenvector of ``m`` (nonzero, ``m v`` parallel to ``v``), of the eigenvalue ``c`` when
    one is given."""
    if all(_zero(x) for x in v):
        return False
    w = m * v
    if c is not None:
        return all(_zero(x) for x in w - c * v)
    return all(_zero(w[i] * v[j] - w[j] * v[i]) for i in range(v.rows) for j in range(i + 1, v.rows))


def stated_holds(name, value, m: sp.Matrix, partners: dict) -> str | None:
    """What ``name = value`` (``value`` exact) states of ``m`` and holds, as words ("an eigenvalue of", "an
    eigenvector for lambda_1 = 25 of"); None when it fails or is neither.  ``partners``: the names the paragraph
    set before, with their exact values; one of the same subscript makes the claim the pair's."""
    key = subscript(name.name) if isinstance(name, sp.Symbol) else None
    same = [(n, v) for n, v in partners.items() if key is not None and isinstance(n, sp.Symbol)
            and subscript(n.name) == key and n != name]
    vector = column(value, m.rows)
    if vector is not None:
        pair = [(n, v) for n, v in same if is_eigenvalue_name(n.name) and getattr(v, "is_number", False)]
        if not eigenvector_holds(m, vector, pair[-1][1] if pair else None):
            return None
        return f"an eigenvector for {pair[-1][0]} = {pair[-1][1]} of" if pair else "an eigenvector of"
    if not (getattr(value, "is_number", False) and value.is_real):
        return None
    pair = [(n, column(v, m.rows)) for n, v in same if column(v, m.rows) is not None]
    if not eigenvalue_holds(m, value) or pair and not eigenvector_holds(m, pair[-1][1], value):
        return None
    return f"the eigenvalue of {pair[-1][0]} for" if pair else "an eigenvalue of"


def within_multiplicity(m: sp.Matrix, numbers: list) -> bool:
    """Whether the eigenvalues a block lists (``numbers``) repeat no value more often than its algebraic
    multiplicity as an eigenvalue of ``m`` (``\\lambda_1 = 7, \\lambda_2 = 7`` of a matrix with a single 7 fails)."""
    t = sp.Dummy("t")
    p = (m - t * sp.eye(m.rows)).det()
    for c in set(numbers):
        k = numbers.count(c)
        if k > 1 and any(not _zero(sp.diff(p, t, j).subs(t, c)) for j in range(k)):
            return False
    return True
