r"""Written-out matrices checked exactly: $\begin{bmatrix}2&1\\2&3\end{bmatrix}\begin{bmatrix}1\\-1\end{bmatrix}
= \begin{bmatrix}1\\-1\end{bmatrix}$, $\det\begin{bmatrix}a&b\\c&d\end{bmatrix} = ad - bc$.

A side made of matrix literals (``MatrixLiteral``, ``[x, y]^\top``), numbers and scalar names is
evaluated to a sympy ``ImmutableMatrix`` (or a scalar): products, sums, ``^{-1}`` (the exact inverse),
integer and symbolic powers, ``^\top``, ``\operatorname{tr}``, ``\det``, ``\odot``, a vector's norm,
derivatives in a scalar (of a defined function's bare name too: $\frac{df}{dx}$ after $f(x, z) = \dots$), and for a
function the notes define, its value, its gradient
$\nabla f(x, y) = (\partial_x f, \partial_y f)^\top$ and its Hessian $\mathbf{H} f(x, y)$.  ``I`` is the identity of the size it meets.  Then

.. math:: L - R = 0 \text{ entrywise (sympy)} \Rightarrow \texttt{holds};\qquad
          L - R \ne 0 \text{ with no free scalar} \Rightarrow \texttt{fails};

with free scalars (``x``, ``y``, ``\lambda``) a difference that is not zero fails, unless the claim may pose
an equation (:func:`poses_equation`: one side is a number, or a vector of unknowns $[x, y]^\top$ appears) and
the entrywise system $L - R = 0$ has a solution: then it is an *equation* (an eigenvector equation).
Names that are neither literals nor scalars, and sides of different shapes, raise :class:`NotExact`.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

import sympy as sp
from sympy.core.function import AppliedUndef

from readers.latex.nodes import MatrixLiteral
from readers.notes.gradients import entries

POINTS = 3
"""Random rational points at which a difference sympy does not simplify to zero is evaluated."""
ZERO = sp.Rational(1, 10 ** 12)
r"""A difference below this at every point is left to sympy (a rounding-free evaluation at 30 digits)."""


class NotExact(Exception):
    """The claim cannot be evaluated as written-out matrices; the message says why."""


@dataclass(frozen=True)
class Eye:
    """``c I``: the identity of whatever size it meets."""

    c: sp.Expr = sp.Integer(1)


@dataclass(frozen=True)
class Verdict:
    """``holds``, ``fails`` or ``equation``; the sides' exact values; ``solution``: where an equation holds."""

    status: str
    left: object
    right: object
    solution: object = None
    how: str = ""


def literal_names(e) -> set:
    """Names written inside matrix literals (their entries): scalars."""
    out = set()
    for lit in e.atoms(MatrixLiteral) | {f for f in e.atoms(AppliedUndef) if f.func.__name__ == "tuple"}:
        out |= {s for s in lit.free_symbols if isinstance(s, sp.Symbol)}
    return out


def poses_equation(lhs, rhs) -> bool:
    """Whether a claim may be an equation to solve rather than an identity: a side free of names, or a
    written-out vector whose entries are distinct bare names (a vector of unknowns)."""
    if not (lhs.free_symbols and rhs.free_symbols):
        return True
    for e in (lhs, rhs):
        for lit in e.atoms(MatrixLiteral) | {f for f in e.atoms(AppliedUndef) if f.func.__name__ == "tuple"}:
            entries = [x for row in lit.args for x in (row if isinstance(row, sp.Tuple) else (row,))]
            vector = not isinstance(lit, MatrixLiteral) or len(lit.args) == 1 or len(lit.args[0]) == 1
            if vector and len(entries) > 1 and all(isinstance(x, sp.Symbol) for x in entries) \
                    and len(set(entries)) == len(entries):
                return True
    return False


def has_literal(e) -> bool:
    return bool(e.atoms(MatrixLiteral)) or any(f.func.__name__ == "tuple" for f in e.atoms(AppliedUndef))


class Exact:
    r"""The exact value of a side.  ``env``: non-commutative name -> its written-out matrix; ``scalar(name)``:
    whether a name is a number; ``identity(name)``: whether it is ``I``."""

    def __init__(self, env: dict, scalar, identity, functions=None, own=None):
        self.env, self.scalar, self.identity = env, scalar, identity
        self.functions = functions or (lambda app: None)
        self.own = own or (lambda name: None)

    def __call__(self, e):
        if isinstance(e, sp.Symbol):
            if e in self.env:
                return self.env[e]
            if self.identity(e):
                return Eye()
            if e.is_commutative or self.scalar(e):
                return sp.Symbol(e.name)
            raise NotExact(f"{e} is not written out")
        if e.is_number:
            return e
        if isinstance(e, MatrixLiteral):
            return sp.ImmutableMatrix([[self.entry(x) for x in row] for row in e.args])
        if isinstance(e, sp.Add):
            return _add([self(a) for a in e.args])
        if isinstance(e, sp.Mul):
            out, args = sp.Integer(1), list(e.args)
            for k, a in enumerate(args):
                if k + 1 < len(args) and _hessian_mark(a) and a not in self.env and isinstance(args[k + 1], AppliedUndef):
                    args[k + 1] = sp.Function("hessian")(args[k + 1])  # \mathbf{H} f(x, y): the Hessian of f
                    continue
                out = _mul(out, self(a))
            return out
        if isinstance(e, sp.Pow):
            return _power(self(e.base), self(e.exp))
        if isinstance(e, sp.Derivative):
            if len(e.variable_count) != 1 or not _is_scalar(self(e.variable_count[0][0])):
                raise NotExact("a derivative in a vector or matrix")
            x, n = e.variable_count[0]
            value = self(self.named(e.expr, x))
            return _map(value, lambda v: sp.diff(v, sp.Symbol(x.name), n))
        if isinstance(e, AppliedUndef):
            return self.function(e)
        if isinstance(e, sp.Function) and all(_is_scalar(self(a)) for a in e.args):
            return e.func(*[self(a) for a in e.args])
        raise NotExact(f"{type(e).__name__} of written-out matrices")

    def named(self, e, x):
        r"""``f(x, z)`` for the bare ``f`` of $\frac{df}{dx}$ when the notes define ``f(x, z)`` (``own``), ``e``
        itself when it is not a bare name; a bare name whose dependence on ``x`` is not written ($\frac{dy}{dx}$)
        has no exact value: its derivative is not 0."""
        if not isinstance(e, sp.Symbol) or e in self.env or e.name == x.name:
            return e
        app = self.own(e.name)
        if app is None or x.name not in {a.name for a in app.args}:
            raise NotExact(f"d{e.name}/d{x.name} of a name not written as a function of {x.name}")
        return app

    def derivatives(self, app, order: int):
        r"""$\nabla f(x, y)$ (the column of first partials) or the Hessian of a function the notes define,
        in its own arguments (distinct names)."""
        if not isinstance(app, AppliedUndef) or not app.args or len(set(app.args)) != len(app.args) \
                or not all(isinstance(a, sp.Symbol) for a in app.args):
            raise NotExact("a gradient of what is not a function of named arguments")
        body = self.functions(app)
        if body is None:
            raise NotExact(f"{app.func.__name__} is not defined in the notes")
        value = self(body)
        if not _is_scalar(value):
            raise NotExact("the gradient of a vector or matrix")
        args = [sp.Symbol(a.name) for a in app.args]
        written = entries(args[0], value) if len(args) == 1 else None
        args = written or args  # f(\mathbf{x}) = x_1^2 + 2 x_2^2: in the entries x_1, x_2 (readers.notes.gradients)
        if order == 1:
            return sp.ImmutableMatrix([[sp.diff(value, a)] for a in args])
        return sp.ImmutableMatrix([[sp.diff(value, a, b) for b in args] for a in args])

    def entry(self, x):
        value = self(x)
        if not _is_scalar(value):
            raise NotExact("a matrix entry that is not a number")
        return value

    def function(self, e):
        name = e.func.__name__
        if name in ("nabla", "hessian") and len(e.args) == 1:
            return self.derivatives(e.args[0], 1 if name == "nabla" else 2)
        body = self.functions(e)
        if body is not None:
            return self(body)
        if name == "tuple":
            return sp.ImmutableMatrix([[self.entry(a) for a in e.args]])
        args = [self(a) for a in e.args]
        a = args[0]
        if name == "transpose" and len(args) == 1:
            return a.T if isinstance(a, sp.MatrixBase) else a
        if name in ("tr", "det") and len(args) == 1:
            if isinstance(a, Eye):
                raise NotExact(f"{name} of an identity of unknown size")
            if not isinstance(a, sp.MatrixBase):
                return a
            if not a.is_square:
                raise NotExact(f"{name} of a {a.rows} x {a.cols} matrix")
            return a.trace() if name == "tr" else a.det()
        if name == "dot" and len(args) == 2:  # two columns: their dot product; else the product
            if all(isinstance(v, sp.MatrixBase) and v.cols == 1 for v in args) and a.rows == args[1].rows:
                return (a.T * args[1])[0, 0]
            return _mul(a, args[1])
        if name == "hadamard" and len(args) == 2 and all(isinstance(v, sp.MatrixBase) for v in args):
            if a.shape != args[1].shape:
                raise NotExact("a Hadamard product of different shapes")
            return a.multiply_elementwise(args[1])
        if name in ("norm", "norm_2", "norm_F") and len(args) == 1:
            if not isinstance(a, sp.MatrixBase):
                return sp.Abs(a)
            if name == "norm" and 1 not in a.shape:
                raise NotExact("the norm of a matrix (spectral or Frobenius?)")
            if name == "norm_2" and 1 not in a.shape:
                raise NotExact("the spectral norm of a written-out matrix")
            return sp.sqrt(sum(v * sp.conjugate(v) for v in a))
        raise NotExact(f"the function {name}")


def _hessian_mark(a) -> bool:
    return isinstance(a, sp.Symbol) and a.name in ("H", "\\mathbf{H}", "\\boldsymbol{H}", "\\bm{H}")


def _is_scalar(v) -> bool:
    return not isinstance(v, (sp.MatrixBase, Eye))


def _map(v, f):
    if isinstance(v, sp.MatrixBase):
        return v.applyfunc(f)
    if isinstance(v, Eye):
        return Eye(f(v.c))
    return f(v)


def _add(values):
    matrices = [v for v in values if isinstance(v, sp.MatrixBase)]
    if matrices:
        shape = matrices[0].shape
        if any(m.shape != shape for m in matrices):
            raise NotExact("a sum of matrices of different shapes")
        out = sp.zeros(*shape)
        for v in values:
            if isinstance(v, Eye):
                if shape[0] != shape[1]:
                    raise NotExact("the identity added to a matrix that is not square")
                v = v.c * sp.eye(shape[0])
            elif not isinstance(v, sp.MatrixBase):
                if v != 0:
                    raise NotExact("a number added to a matrix")
                continue
            out = out + v
        return sp.ImmutableMatrix(out)
    if any(isinstance(v, Eye) for v in values):
        if any(not isinstance(v, Eye) and v != 0 for v in values):
            raise NotExact("a number added to the identity")
        return Eye(sum(v.c for v in values if isinstance(v, Eye)))
    return sp.Add(*values)


def _mul(a, b):
    if isinstance(a, Eye) or isinstance(b, Eye):
        if isinstance(a, Eye) and isinstance(b, Eye):
            return Eye(a.c * b.c)
        eye, other = (a, b) if isinstance(a, Eye) else (b, a)
        return eye.c * other if isinstance(other, sp.MatrixBase) else Eye(eye.c * other)
    if isinstance(a, sp.MatrixBase) and isinstance(b, sp.MatrixBase):
        if a.cols != b.rows:
            if a.shape == (1, 1) or b.shape == (1, 1):
                return sp.ImmutableMatrix(a[0, 0] * b if a.shape == (1, 1) else a * b[0, 0])
            raise NotExact(f"a {a.rows} x {a.cols} matrix times a {b.rows} x {b.cols} one")
        return sp.ImmutableMatrix(a * b)
    if isinstance(a, sp.MatrixBase) or isinstance(b, sp.MatrixBase):
        return sp.ImmutableMatrix(a * b)
    return a * b


def _power(base, exp):
    if isinstance(base, Eye):
        return Eye(base.c ** exp)
    if not isinstance(base, sp.MatrixBase):
        if not _is_scalar(exp):
            raise NotExact("a matrix exponent")
        return base ** exp
    if not base.is_square:
        raise NotExact("a power of a matrix that is not square")
    if exp == -1 or (exp.is_Integer and exp < 0):
        if sp.simplify(base.det()) == 0:
            raise NotExact("the inverse of a singular matrix")
        return sp.ImmutableMatrix(base.inv() ** int(-exp))
    if exp.is_Integer:
        return sp.ImmutableMatrix(base ** int(exp))
    if isinstance(exp, sp.Symbol):
        try:
            return sp.ImmutableMatrix(base ** exp)
        except Exception as exc:  # noqa: BLE001 - sympy cannot raise it to a symbolic power
            raise NotExact(f"a symbolic power of this matrix ({type(exc).__name__})") from exc
    raise NotExact("a matrix to a non-integer power")


def compare(left, right, rel: str = "=", unknowns: bool = False, seed: int = 20240612) -> Verdict:
    """Whether two exact values agree (see the module docstring); ``unknowns``: the claim may be an equation
    in its free scalars (one side is a number, or it multiplies a vector of unknowns ``[x, y]^\\top``)."""
    if rel != "=":
        raise NotExact(f"the relation {rel} between written-out matrices")
    a, b = _align(left, right)
    difference = [sp.expand(x - y) for x, y in zip(a, b)]
    if all(d == 0 for d in difference):
        return Verdict("holds", left, right, how="exactly (sympy Matrix)")
    symbols = sorted({s for d in difference for s in d.free_symbols}, key=str)
    if not symbols:
        if all(sp.simplify(d) == 0 for d in difference):
            return Verdict("holds", left, right, how="exactly (sympy Matrix)")
        return Verdict("fails", left, right)
    rng = random.Random(seed)
    named = sorted({s for v in a + b for s in getattr(v, "free_symbols", ())}, key=str)
    points = [{s: sp.Rational(rng.randint(-9, 9), rng.randint(1, 5)) for s in named} for _ in range(POINTS)]
    near_zero = all(abs(sp.N(d.subs(p), 30)) < ZERO for p in points for d in difference)
    if near_zero:
        if all(sp.simplify(d) == 0 for d in difference):
            return Verdict("holds", left, right, how="exactly (sympy Matrix, simplified)")
        raise NotExact("the difference vanishes at sampled points but does not simplify to zero")
    if any(_domain_bound(d) for d in difference):
        raise NotExact("it differs, but through |.|, a root or a logarithm of the names: it may hold where the "
                       "notes' names live (a radius r >= 0), which they do not state here")
    point = next(p for p in points if any(d.subs(p) != 0 for d in difference))
    if not unknowns:
        return Verdict("fails", left, right, solution=point)
    try:
        solution = sp.solve([d for d in difference if d != 0], symbols, dict=True)
    except Exception as exc:  # noqa: BLE001 - sympy cannot solve it: no verdict either way
        raise NotExact(f"an equation in {', '.join(map(str, symbols))} sympy cannot solve") from exc
    if solution:
        return Verdict("equation", left, right, solution=solution)
    return Verdict("fails", left, right, solution=point)


def _domain_bound(d) -> bool:
    """Whether a difference involves functions whose value depends on where the names live: ``|x|``,
    ``sign``, roots and other non-integer powers, logarithms, inverse trigonometric functions."""
    if d.has(sp.Abs, sp.sign, sp.log, sp.asin, sp.acos, sp.atan, sp.Piecewise):
        return True
    return any(not p.exp.is_Integer for p in d.atoms(sp.Pow) if p.base.free_symbols)


def _align(left, right):
    """Both sides as flat lists of entries; a bracketed list ``[a, b]`` (orientation unstated) meets a
    column; ``I`` takes the other side's size; a 1 x 1 matrix is its entry."""
    if isinstance(left, Eye) and isinstance(right, Eye):
        return [left.c], [right.c]
    if isinstance(left, Eye) or isinstance(right, Eye):
        eye, other = (left, right) if isinstance(left, Eye) else (right, left)
        if not isinstance(other, sp.MatrixBase) or not other.is_square:
            raise NotExact("the identity compared with what is not a square matrix")
        full = eye.c * sp.eye(other.rows)
        return (list(full), list(other)) if eye is left else (list(other), list(full))
    mats = [isinstance(v, sp.MatrixBase) for v in (left, right)]
    if mats == [False, False]:
        return [left], [right]
    if not all(mats):
        matrix = left if mats[0] else right
        if matrix.shape != (1, 1):
            if (right if mats[0] else left) == 0:
                return list(matrix), [0] * len(matrix)
            raise NotExact("a matrix compared with a number")
        return [left[0, 0] if mats[0] else left], [right[0, 0] if mats[1] else right]
    if left.shape == right.shape or (1 in left.shape and 1 in right.shape and len(left) == len(right)
                                     and left.shape == right.shape[::-1]):
        return list(left), list(right)
    raise NotExact(f"sides of shapes {left.shape[0]} x {left.shape[1]} and {right.shape[0]} x {right.shape[1]}")


def show(v) -> str:
    """A value as a counterexample shows it: a list of rows, or the scalar."""
    if isinstance(v, sp.MatrixBase):
        return str([[sp.sstr(x) for x in v.row(i)] for i in range(v.rows)]).replace("'", "")
    if isinstance(v, Eye):
        return f"{sp.sstr(v.c)} I"
    return sp.sstr(v)
