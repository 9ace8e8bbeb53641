r"""Shapes of a matrix claim: which names are scalars, vectors or matrices, and how their sizes tie.

Each vector or matrix gets a shape $(r, c)$ of size variables; the claim's operations tie them
(unification, as in type inference):

.. math:: (r_A, c_A)(r_B, c_B) \Rightarrow c_A = r_B,\qquad A + B \Rightarrow (r_A, c_A) = (r_B, c_B),\qquad
          A^{-1},\ \det A,\ \operatorname{tr} A \Rightarrow r_A = c_A,\qquad (A^\top) = (c_A, r_A)

A product or sum with a $1 \times 1$ value (``x^\top y``) treats it as a scalar.  The identity
``I`` is a scalar-like value that takes the size of what it is added to.  A derivative
$\partial f / \partial X$ of a scalar has the shape of $X$ in the *denominator* layout and of
$X^\top$ in the *numerator* layout; of a column vector $f \in \mathbb{R}^m$ by $x \in \mathbb{R}^n$,
$n \times m$ and $m \times n$ (of a row vector $f^\top$ the same: $\nabla_x x^\top A = A$).  Derivatives
may stand side by side (``\nabla_x \|x\|^2 = \nabla_x x^\top x``); one inside another is not read.
:func:`infer` raises :class:`ShapeError` when the shapes cannot be made consistent and :class:`Unsupported`
for what it cannot read (an unknown function, an element ``x_i`` of a matrix, a second derivative).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import sympy as sp
from sympy.core.function import AppliedUndef

SCALAR = "scalar"
IDENT = "identity"
"""Shapes that are not a pair of sizes: a number, and the identity (square, of any size)."""
LAYOUTS = ("denominator", "numerator")
SCALAR_FUNCTIONS = (sp.exp, sp.log, sp.sin, sp.cos, sp.tan, sp.tanh, sp.sinh, sp.cosh, sp.atan, sp.erf, sp.Abs)
"""Functions of a number (applied to a matrix they are undefined or elementwise: not read)."""
NORMS = ("norm", "norm_F", "norm_1", "norm_2", "norm_inf")
VECTOR_FUNCTIONS = ("softmax",)
r"""Functions of a column vector to one of its size: $\operatorname{softmax}(v)_i = e^{v_i} / \sum_j e^{v_j}$."""
AT = "at"
r"""``at(f, x, v)``: ``f`` with ``x`` set to ``v`` ($\nabla_w F$ at $w = w^\star$, readers.notes.optimum)."""
MATRIX_NORM = "the norm of a matrix (spectral or Frobenius?)"
"""Why a plain ``\\|M\\|`` of a matrix has no single reading (readers.notes.matrices checks both)."""
KNOWN_FUNCTIONS = frozenset(("transpose", "tr", "det", "eigsum", "eigprod", "hadamard", "inner", "dot", AT, *NORMS,
                             *VECTOR_FUNCTIONS))
r"""The functions :meth:`_Walker.function` reads (and ``nabla_x``); any other is not given as matrix algebra."""


class ShapeError(Exception):
    """The shapes cannot be made consistent."""


class Unsupported(Exception):
    """Something this reading cannot check; the message says what."""


@dataclass(frozen=True)
class Kind:
    """What a name is: ``scalar``, ``vector`` (a column), ``matrix``, ``identity`` or ``ones`` (the vector
    of ones); ``dims``: declared sizes (names or numbers), ``props``: declared properties (``diagonal``,
    ``symmetric``, ``orthogonal``, ``positive definite``)."""

    kind: str
    dims: tuple = ()
    props: frozenset = frozenset()


class Var:
    """A size not known yet."""

    __slots__ = ("id",)

    def __init__(self, id_):
        self.id = id_

    def __repr__(self):
        return f"n{self.id}"


class Dims:
    """Union-find over sizes: :class:`Var` or ``int``."""

    def __init__(self):
        self.parent: dict = {}
        self.count = 0
        self.named: dict = {}

    def new(self) -> Var:
        self.count += 1
        v = Var(self.count)
        self.parent[v] = v
        return v

    def named_dim(self, name):
        """A declared size: ``n`` in $\\mathbb{R}^{n \\times m}$ is the same size everywhere."""
        if isinstance(name, int):
            return name
        if name not in self.named:
            self.named[name] = self.new()
        return self.named[name]

    def find(self, d):
        if isinstance(d, int):
            return d
        root = d
        while self.parent[root] is not root:
            root = self.parent[root]
            if isinstance(root, int):
                return root
        return root

    def unify(self, a, b) -> None:
        a, b = self.find(a), self.find(b)
        if a is b or (isinstance(a, int) and a == b):
            return
        if isinstance(a, int) and isinstance(b, int):
            raise ShapeError(f"a size would be both {a} and {b}")
        if isinstance(a, int):
            a, b = b, a
        self.parent[a] = b

    def is_one(self, d) -> bool:
        return self.find(d) == 1

    def free(self) -> list:
        roots = []
        for v in self.parent:
            r = self.find(v)
            if isinstance(r, Var) and r not in roots:
                roots.append(r)
        return roots


@dataclass
class Typing:
    """One reading of a claim: each name's kind and shape, the sizes, and the layout of its derivatives."""

    kinds: dict
    layout: str
    dims: Dims = field(default_factory=Dims)
    shapes: dict = field(default_factory=dict)  # Symbol -> (r, c) | SCALAR | IDENT
    inverted: set = field(default_factory=set)  # symbols inverted or under det (sampled well-conditioned)
    derivatives: bool = False
    smooth: bool = True  # no |.|, spectral norm or 1-norm (complex-step differences apply)

    def shape_of(self, s):
        shape = self.shapes[s]
        if isinstance(shape, tuple):
            return tuple(self.dims.find(d) for d in shape)
        return shape


def infer(lhs, rhs, rel: str, kinds: dict, layout: str = LAYOUTS[0]) -> Typing:
    """The :class:`Typing` of ``lhs rel rhs`` with the names' ``kinds`` (see the module docstring)."""
    typing = Typing(kinds, layout)
    walker = _Walker(typing)
    for s, k in kinds.items():
        walker.declare(s, k)
    left, right = walker.shape(lhs), walker.shape(rhs)
    walker.equal(left, right, lhs, rhs)
    if rel != "=" and not (walker.scalarish(left) and walker.scalarish(right)):
        raise Unsupported(f"the relation {rel} between matrices")
    for s, k in kinds.items():  # a matrix read as 1 x n is another reading (a vector), not this one
        shape = typing.shapes[s]  # (a declared size n is not 1 either: only a declared 1 is)
        if k.kind == "matrix" and any(typing.dims.is_one(d) and 1 not in k.dims[j:j + 1]
                                      for j, d in enumerate(shape)):
            raise ShapeError(f"{s} would be a vector")
        if k.kind == "vector" and typing.dims.is_one(shape[0]) and k.dims[:1] != (1,):
            raise ShapeError(f"{s} would be a number")
    return typing


class _Walker:
    def __init__(self, typing: Typing):
        self.t = typing
        self.dims = typing.dims
        self.inside_derivative = False  # walking the function of a derivative (one inside it is nested)

    def declare(self, s, kind: Kind) -> None:
        d = self.dims
        if kind.kind in ("scalar",):
            self.t.shapes[s] = SCALAR
        elif kind.kind == "identity":
            self.t.shapes[s] = IDENT
        elif kind.kind in ("vector", "ones"):
            n = d.named_dim(kind.dims[0]) if kind.dims else d.new()
            m = d.named_dim(kind.dims[1]) if len(kind.dims) > 1 else 1
            self.t.shapes[s] = (n, m)
        else:
            shape = tuple(d.named_dim(x) for x in kind.dims) if len(kind.dims) == 2 else (d.new(), d.new())
            if kind.props & {"diagonal", "symmetric", "orthogonal", "positive definite", "invertible"}:
                d.unify(*shape)
            self.t.shapes[s] = shape

    def scalarish(self, shape) -> bool:
        return shape in (SCALAR, IDENT) or (isinstance(shape, tuple) and all(self.dims.is_one(x) for x in shape))

    def square(self, shape, what) -> None:
        if isinstance(shape, tuple):
            self.dims.unify(*shape)

    def equal(self, a, b, left=None, right=None) -> None:
        if left is not None and (left == 0 or right == 0):
            return  # M = 0: the zero of M's shape
        if a == IDENT and isinstance(b, tuple) or b == IDENT and isinstance(a, tuple):
            self.square(a if isinstance(a, tuple) else b, "identity")
            return
        if self.scalarish(a) and self.scalarish(b):
            return
        if not (isinstance(a, tuple) and isinstance(b, tuple)):
            raise ShapeError("a number where a vector or matrix is expected")
        self.dims.unify(a[0], b[0])
        self.dims.unify(a[1], b[1])

    def shape(self, e):
        if isinstance(e, sp.Symbol):
            if e in self.t.shapes:
                return self.t.shapes[e]
            if e.is_commutative:
                return SCALAR
            raise Unsupported(f"the kind of {e} is unknown")
        if e.is_number:
            return SCALAR
        if isinstance(e, (sp.Indexed, sp.Sum, sp.Product, sp.Integral, sp.Piecewise)):
            raise Unsupported("elements, sums or cases mixed with matrices")
        if isinstance(e, sp.Add):
            return self.add(e)
        if isinstance(e, sp.Mul):
            return self.mul(e.args)
        if isinstance(e, sp.Pow):
            return self.power(e)
        if isinstance(e, sp.Derivative):
            return self.derivative(e.expr, e.variable_count)
        if isinstance(e, AppliedUndef):
            return self.function(e)
        if isinstance(e, SCALAR_FUNCTIONS):
            if isinstance(e, sp.Abs):
                self.t.smooth = False
            if not all(self.scalarish(self.shape(a)) for a in e.args):
                raise Unsupported(f"{type(e).__name__} of a vector or matrix")
            return SCALAR
        raise Unsupported(f"{type(e).__name__} in a matrix claim")

    def add(self, e):
        shapes = [self.shape(a) for a in e.args if a != 0]
        matrices = [s for s in shapes if isinstance(s, tuple) and not self.scalarish(s)]
        if not matrices:
            return IDENT if IDENT in shapes else SCALAR
        for s in shapes:
            if s == SCALAR or (isinstance(s, tuple) and self.scalarish(s) and s not in matrices):
                raise ShapeError("a number added to a vector or matrix")
        first = matrices[0]
        for s in matrices[1:]:
            self.equal(first, s)
        if IDENT in shapes:
            self.square(first, "identity")
        return first

    def mul(self, factors):
        acc, previous = SCALAR, None
        for f in factors:
            s = self.shape(f)
            if s == SCALAR or (isinstance(s, tuple) and self.scalarish(s)):
                continue
            if s == IDENT:
                acc = IDENT if acc == SCALAR else acc
                continue
            if acc in (SCALAR, IDENT):
                acc, previous = s, f
                continue
            if _bold_vector(previous, self.t) and _bold_vector(f, self.t):  # u \cdot v: two columns, their dot product
                self.dims.unify(acc[0], s[0])
                acc = SCALAR
                continue
            previous = None
            self.dims.unify(acc[1], s[0])
            acc = (acc[0], s[1])
            if self.scalarish(acc):
                acc = SCALAR
        return acc

    def power(self, e):
        base = self.shape(e.base)
        if not e.exp.is_Integer:
            if self.scalarish(base) and self.scalarish(self.shape(e.exp)):
                return SCALAR
            if e.exp.is_Rational and isinstance(base, tuple):  # A^{1/2}: the principal root (matrix_numeric)
                self.square(base, "root")
                if e.exp < 0:
                    self.t.inverted |= {s for s in e.base.free_symbols if not s.is_commutative}
                return base
            raise Unsupported("a vector or matrix to a non-integer power")
        if base in (SCALAR, IDENT) or self.scalarish(base):
            return base if base == IDENT else SCALAR
        self.square(base, "power")
        if e.exp < 0:
            self.t.inverted |= {s for s in e.base.free_symbols if not s.is_commutative}
        return base

    def function(self, e):
        name = e.func.__name__
        if name == AT and len(e.args) == 3:  # at(f, x, v): f with x set to v, which has x's shape
            self.equal(self.shape(e.args[1]), self.shape(e.args[2]))
            return self.shape(e.args[0])
        if name.startswith("nabla_"):
            variable = [s for s in e.args[0].free_symbols if s.name == name[len("nabla_"):]]
            if len(variable) != 1:
                raise Unsupported(f"cannot tell the variable of {name}")
            return self.derivative(e.args[0], ((variable[0], 1),))
        args = [self.shape(a) for a in e.args]
        if name == "transpose" and len(args) == 1:
            a = args[0]
            return (a[1], a[0]) if isinstance(a, tuple) else a
        if name in ("tr", "det", "eigsum", "eigprod") and len(args) == 1:
            if args[0] == IDENT:
                raise Unsupported(f"{name} of an identity of unknown size")
            self.square(args[0], name)
            if name in ("det", "eigprod"):
                self.t.inverted |= {s for s in e.args[0].free_symbols if not s.is_commutative}
            return SCALAR
        if name in NORMS and len(args) == 1:
            a = args[0]
            if a == IDENT:
                raise Unsupported("the norm of an identity of unknown size")
            vector = isinstance(a, tuple) and (self.dims.is_one(a[0]) or self.dims.is_one(a[1]))
            if name == "norm" and not vector and not self.scalarish(a):
                raise Unsupported(MATRIX_NORM)
            if name == "norm_inf" and not vector:
                raise Unsupported("the maximum norm of what is not a vector")
            if name in ("norm_1", "norm_2", "norm_inf") or name == "norm" and self.scalarish(a):
                self.t.smooth = False
            return SCALAR
        if name == "hadamard" and len(args) == 2:
            self.equal(args[0], args[1])
            if not all(isinstance(a, tuple) for a in args):
                raise ShapeError("a Hadamard product of numbers")
            return args[0]
        if name == "inner" and len(args) == 2:
            self.equal(args[0], args[1])
            return SCALAR
        if name == "dot" and len(args) == 2:  # u \cdot v: of two columns their dot product, else the product
            if all(isinstance(a, tuple) and not self.scalarish(a) and self.dims.is_one(a[1]) for a in args):
                self.dims.unify(args[0][0], args[1][0])
                return SCALAR
            return self.mul(e.args)
        if name in VECTOR_FUNCTIONS and len(args) == 1:
            a = args[0]
            if not (isinstance(a, tuple) and self.dims.is_one(a[1])) or self.scalarish(a):
                raise Unsupported(f"{name} of what is not a column vector")
            return a
        raise Unsupported(f"the function {name}")

    def derivative(self, f, variable_count):
        if len(variable_count) != 1 or variable_count[0][1] != 1:
            raise Unsupported("a second or mixed derivative of a matrix expression")
        if self.inside_derivative:
            raise Unsupported("nested derivatives")
        x = variable_count[0][0]
        if not isinstance(x, sp.Symbol):
            raise Unsupported("a derivative in an expression")
        self.t.derivatives = True
        self.inside_derivative = True
        try:
            fs = self.shape(f)
        finally:
            self.inside_derivative = False
        xs = self.shape(x)
        if xs == SCALAR:
            return fs
        if not isinstance(xs, tuple):
            raise Unsupported("a derivative in the identity")
        denominator = self.t.layout == "denominator"
        if self.scalarish(fs):
            return xs if denominator else (xs[1], xs[0])
        if isinstance(fs, tuple) and self.dims.is_one(fs[1]) and self.dims.is_one(xs[1]):
            return (xs[0], fs[0]) if denominator else (fs[0], xs[0])
        if isinstance(fs, tuple) and self.dims.is_one(fs[0]) and self.dims.is_one(xs[1]):
            return (xs[0], fs[1]) if denominator else (fs[1], xs[0])  # a row f^T: the layouts of f
        raise Unsupported("the derivative of a matrix, or in a matrix, of a non-scalar")


def _bold_vector(e, typing) -> bool:
    r"""Whether ``e`` is a name written bold (``\mathbf{u}``) that the reading takes for a column vector."""
    return isinstance(e, sp.Symbol) and e in typing.kinds and typing.kinds[e].kind == "vector" \
        and re.match(r"\\(?:mathbf|boldsymbol|bm|vec)\{", e.name) is not None
