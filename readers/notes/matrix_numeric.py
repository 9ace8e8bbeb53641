r"""Matrix claims in float64: sampling vectors and matrices, evaluating both sides, derivatives.

A sample draws each name by its kind (:class:`~readers.notes.matrix_shapes.Kind`) at concrete sizes:
Gaussian entries; square matrices as $Q_1 \operatorname{diag}(s) Q_2$ with $s_i \in [\tfrac12, 2]$
($Q$ orthogonal), so their condition number is at most 4; declared properties (diagonal, symmetric,
orthogonal, positive definite) are kept.  An inverse of anything with condition number above
:data:`MAX_CONDITION` discards the sample.  Derivatives are taken by the complex step

.. math:: \frac{\partial f}{\partial X_{ij}} = \operatorname{Im} f(X + i h E_{ij}) / h,\qquad h = 10^{-20}

(exact to rounding), or by central differences when the claim has $|\cdot|$ or a non-smooth norm.
Two sides agree when $\|L - R\|_F \le \text{tol}\,(1 + \max(\|L\|_F, \|R\|_F))$ (:data:`HOLDS`) and
differ when the gap exceeds :data:`FAILS`; in between the sample decides nothing.
"""
from __future__ import annotations

import numpy as np
import sympy as sp
from sympy.core.function import AppliedUndef

from readers.notes.kernel_blocks import tie
from readers.notes.matrix_shapes import AT, Unsupported

HOLDS = 1e-8
r"""Relative gap under which two float64 sides agree: sizes $\le 4$ and condition numbers $\le 4$ (inputs;
$\le$ :data:`MAX_CONDITION` for inverted sums) keep rounding near $10^{-13}$, so $10^{-8}$ is far above it."""
HOLDS_CENTRAL = 1e-5
r"""The same for central differences ($h = 10^{-6}$: truncation $\sim h^2$, rounding $\sim 10^{-16}/h$)."""
FAILS = 1e-4
"""Relative gap over which two sides differ (a gap between HOLDS and FAILS decides nothing)."""
MAX_CONDITION = 1e6
"""A matrix inverted in a sample must have a condition number below this, or the sample is drawn again."""
STEP = 1e-20
CENTRAL_STEP = 1e-6


class Resample(Exception):
    """The sample is outside the claim's domain (a near-singular inverse, a log of a negative)."""


class Ident:
    """``c I``, the identity of whatever size it meets."""

    def __init__(self, c=1.0):
        self.c = c


def sizes(typing, assignment: dict) -> dict:
    """Each name's concrete shape (``None`` for scalars and the identity)."""
    out = {}
    for s, shape in typing.shapes.items():
        if isinstance(shape, tuple):
            out[s] = tuple(d if isinstance(d, int) else assignment[d] for d in (typing.dims.find(x) for x in shape))
        else:
            out[s] = None
    return out


def declared_size_values(typing, shapes: dict, assignment: dict) -> dict:
    r"""The value of each scalar that names a declared size: after $\mathbf{x} \in \mathbb{R}^n$ the $n$ of
    $\|\mathbf{x}\|_1 \le \sqrt{n} \|\mathbf{x}\|_2$ is the length of the sampled $\mathbf{x}$, not a real number
    drawn apart from it (at $n = 0.95$ beside two entries the bound failed)."""
    out = {}
    for s, shape in shapes.items():
        var = typing.dims.named.get(str(s)) if shape is None else None
        if var is None:
            continue
        size = typing.dims.find(var)
        size = size if isinstance(size, int) else assignment.get(size)
        if size is not None:
            out[s] = float(size)
    return out


def sample(typing, shapes: dict, rng, integer: bool = False) -> dict:
    """Values for every name (see the module docstring); ``integer``: small integer entries (counterexamples)."""
    values = {}
    for s, shape in shapes.items():
        kind = typing.kinds[s]
        if kind.kind == "identity":
            values[s] = Ident()
        elif shape is None:
            values[s] = float(rng.choice([2, -1, 3, -2])) if integer else float(rng.choice([-1, 1]) * rng.uniform(0.5, 2))
        elif kind.kind == "ones":
            values[s] = np.ones(shape)
        else:
            values[s] = _matrix(shape, kind.props, s in typing.inverted, rng, integer)
    return tie(values)  # K_{uf} = K_{fu}^T, K_{uu} symmetric (readers.notes.kernel_blocks)


def _matrix(shape, props, inverted, rng, integer):
    r, c = shape
    if integer:
        return _integer_matrix(shape, props, inverted, rng)
    if r != c:
        return rng.standard_normal(shape)
    q1, q2 = _orthogonal(r, rng), _orthogonal(r, rng)
    s = rng.uniform(0.5, 2, r)
    if "orthogonal" in props:
        return q1
    if "diagonal" in props:
        return np.diag(s if "positive definite" in props else s * rng.choice([-1, 1], r))
    if "positive definite" in props:
        return q1 @ np.diag(s) @ q1.T
    if "symmetric" in props:
        return q1 @ np.diag(s * rng.choice([-1, 1], r)) @ q1.T
    return q1 @ np.diag(s) @ q2


def _orthogonal(n, rng):
    q, r = np.linalg.qr(rng.standard_normal((n, n)))
    return q * np.sign(np.diag(r))


def _integer_matrix(shape, props, inverted, rng):
    r, c = shape
    for _ in range(200):
        if "orthogonal" in props:
            m = np.eye(r)[rng.permutation(r)] * rng.choice([-1, 1], r)[:, None]
        elif "diagonal" in props:
            m = np.diag(rng.choice([1, 2, 3] if "positive definite" in props else [-2, -1, 1, 2, 3], r)).astype(float)
        elif "positive definite" in props:
            g = rng.integers(-2, 3, (r, r))
            m = (g @ g.T + np.eye(r)).astype(float)
        elif "symmetric" in props:
            g = rng.integers(-2, 3, (r, r))
            m = (g + g.T).astype(float)
        else:
            m = rng.integers(-2, 4, shape).astype(float)
        if not m.any():
            continue
        if r == c and (inverted or props) and (abs(np.linalg.det(m)) < 0.5 or np.linalg.cond(m) > 100):
            continue
        return m
    raise Resample("no small integer matrix fits")


# ** evaluation **

_NUMPY = {sp.exp: np.exp, sp.log: np.log, sp.sin: np.sin, sp.cos: np.cos, sp.tan: np.tan, sp.tanh: np.tanh,
          sp.sinh: np.sinh, sp.cosh: np.cosh, sp.atan: np.arctan}


class Evaluator:
    """The value of a claim's side at a sample; derivatives in the typing's layout."""

    def __init__(self, typing, values: dict):
        self.typing, self.values = typing, values
        self.central = not typing.smooth

    def __call__(self, e):
        return self.value(e, self.values)

    def value(self, e, env):
        if isinstance(e, sp.Symbol):
            if e in env:
                return env[e]
            raise Unsupported(f"no value for {e}")
        if e.is_number:
            return complex(e) if not e.is_real else float(e)
        if isinstance(e, sp.Add):
            return _add([self.value(a, env) for a in e.args])
        if isinstance(e, sp.Mul):
            out = 1.0
            for a in e.args:
                out = _mul(out, self.value(a, env))
            return out
        if isinstance(e, sp.Pow):
            return _power(self.value(e.base, env), e.exp, self.value(e.exp, env))
        if isinstance(e, sp.Derivative):
            return self.derivative(e.expr, e.variable_count[0][0], env)
        if isinstance(e, AppliedUndef):
            return self.function(e, env)
        if isinstance(e, sp.Abs):
            inner = self.value(e.args[0], env)
            if isinstance(inner, Ident):
                raise Unsupported("|c I|, whose size the claim does not fix")
            return abs(_scalar(inner))
        if type(e) in _NUMPY:
            x = _scalar(self.value(e.args[0], env))
            if isinstance(x, float) and type(e) is sp.log and x <= 0:
                raise Resample("log of a non-positive number")
            return _NUMPY[type(e)](x)
        if isinstance(e, sp.erf):
            from math import erf
            return erf(_scalar(self.value(e.args[0], env)))
        raise Unsupported(f"{type(e).__name__}")

    def function(self, e, env):
        name = e.func.__name__
        if name == AT and len(e.args) == 3:  # f at x = v (a gradient at a stated point): v in x's place
            return self.value(e.args[0], {**env, e.args[1]: self.value(e.args[2], env)})
        if name.startswith("nabla_"):
            x = next(s for s in e.args[0].free_symbols if s.name == name[len("nabla_"):])
            return self.derivative(e.args[0], x, env)
        args = [self.value(a, env) for a in e.args]
        a = args[0]
        if isinstance(a, Ident) and name != "transpose":
            raise Unsupported(f"{name} of c I, whose size the claim does not fix")
        if name == "transpose":
            return a.T if isinstance(a, np.ndarray) else a
        if name == "tr":
            return np.trace(a) if isinstance(a, np.ndarray) else a
        if name == "det":
            return np.linalg.det(a) if isinstance(a, np.ndarray) else a
        if name in ("eigsum", "eigprod"):  # readers.notes.eigenvalues: from the eigenvalues, with multiplicity
            if not isinstance(a, np.ndarray):
                return a
            if np.iscomplexobj(a):
                raise Unsupported("eigenvalues in a complex step")
            values = np.linalg.eigvals(a)
            return complex(np.sum(values) if name == "eigsum" else np.prod(values)).real
        if name in ("norm", "norm_2"):
            if not isinstance(a, np.ndarray):
                return abs(a)
            if 1 in a.shape:
                return np.sqrt(np.sum(a * a))
            return np.linalg.norm(a, 2)
        if name == "norm_F":
            return np.sqrt(np.sum(a * a)) if isinstance(a, np.ndarray) else abs(a)
        if name == "norm_1":
            return np.sum(np.abs(a)) if 1 in np.shape(a) else np.linalg.norm(a, 1)
        if name == "norm_inf":
            return np.max(np.abs(a))
        if name == "hadamard":
            return a * args[1]
        if name == "inner":
            return np.sum(a * args[1])
        if name == "dot":  # two columns: their dot product (as matrix_shapes read it); else the product
            b = args[1]
            if all(isinstance(v, np.ndarray) and v.ndim == 2 and v.shape[1] == 1 for v in (a, b)):
                return np.sum(a * b)
            return _mul(a, b)
        if name == "softmax":
            shifted = np.exp(a - np.max(np.real(a)))  # the same value, without overflow
            return shifted / np.sum(shifted)
        raise Unsupported(f"the function {name}")

    def derivative(self, f, x, env):
        point = env[x]
        if isinstance(point, Ident):
            raise Unsupported("a derivative in the identity")
        base = np.asarray(point, dtype=complex) if isinstance(point, np.ndarray) else complex(point)
        shape = np.shape(base)
        columns = []
        for k in range(int(np.prod(shape)) if shape else 1):
            columns.append(np.ravel(self.partial(f, x, env, base, shape, k)))
        jac = np.array(columns).T  # rows: entries of f; columns: entries of x
        value_shape = np.shape(self.value(f, env))
        if not shape:  # d/dx of anything in a scalar x: the shape of f
            return jac.reshape(value_shape) if value_shape else complex(jac.ravel()[0]).real
        if len(jac) == 1:  # a scalar f: the gradient has the shape of x (denominator) or of x^T
            grad = jac.reshape(shape)
            return grad if self.typing.layout == "denominator" else grad.T
        return jac.T if self.typing.layout == "denominator" else jac  # f, x columns: n x m or m x n

    def partial(self, f, x, env, base, shape, k):
        e = np.zeros(shape, dtype=complex) if shape else 1.0
        if shape:
            e.flat[k] = 1.0
        if self.central:
            plus = self.value(f, {**env, x: (base + CENTRAL_STEP * e).real})
            minus = self.value(f, {**env, x: (base - CENTRAL_STEP * e).real})
            return np.real((np.asarray(plus) - np.asarray(minus)) / (2 * CENTRAL_STEP))
        moved = {s: (np.asarray(v, dtype=complex) if isinstance(v, np.ndarray) else v) for s, v in env.items()}
        moved[x] = base + 1j * STEP * e
        return np.imag(np.asarray(self.value(f, moved))) / STEP


def _scalar(a):
    if isinstance(a, Ident):
        return a.c
    if isinstance(a, np.ndarray):
        if a.size != 1:
            raise Unsupported("a scalar function of a vector or matrix")
        return a.ravel()[0]
    return a


def _mul(a, b):
    """``a b`` in order; a number times the identity stays ``c I`` (``\\sigma^2 \\mathbf{I}`` added to a matrix is
    ``\\sigma^2`` on its diagonal, never on every entry)."""
    if isinstance(a, Ident):
        if isinstance(b, Ident):
            return Ident(a.c * b.c)
        return a.c * b if isinstance(b, np.ndarray) and b.size != 1 else Ident(a.c * _scalar(b))
    if isinstance(b, Ident):
        return b.c * a if isinstance(a, np.ndarray) and a.size != 1 else Ident(b.c * _scalar(a))
    if isinstance(a, np.ndarray) and isinstance(b, np.ndarray):
        if a.shape[1] == b.shape[0]:
            return a @ b
        if a.shape[1] == b.shape[1] == 1 and a.shape[0] == b.shape[0]:
            return a.T @ b  # u \cdot v of two columns (matrix_shapes reads it so for bold vectors only)
        if a.size == 1 or b.size == 1:
            return a * b if a.size != 1 else a.ravel()[0] * b
        raise Unsupported(f"cannot multiply {a.shape} by {b.shape}")
    if isinstance(a, np.ndarray) and a.size == 1 and not isinstance(b, np.ndarray):
        return a.ravel()[0] * b
    if isinstance(b, np.ndarray) and b.size == 1 and not isinstance(a, np.ndarray):
        return a * b.ravel()[0]
    return a * b


def _add(values):
    matrices = [v for v in values if isinstance(v, np.ndarray) and v.size != 1]
    out = None
    for v in values:
        if isinstance(v, Ident):
            v = v.c * np.eye(matrices[0].shape[0]) if matrices else v.c
        elif isinstance(v, np.ndarray) and v.size == 1 and not matrices:
            v = v.ravel()[0]
        out = v if out is None else out + v
    return out


def _power(base, exp, value):
    if isinstance(base, Ident):
        return Ident(base.c ** value)
    if isinstance(base, np.ndarray) and base.size != 1 and not exp.is_Integer:
        return principal_power(base, float(value))
    if isinstance(base, np.ndarray) and base.size != 1:
        k = int(exp)
        if k < 0:
            if np.linalg.cond(base) > MAX_CONDITION:
                raise Resample("a near-singular inverse")
            return np.linalg.matrix_power(np.linalg.inv(base), -k)
        return np.linalg.matrix_power(base, k)
    b = _scalar(base)
    if isinstance(b, float) and b < 0 and not float(value).is_integer():
        raise Resample("a fractional power of a negative number")
    if b == 0 and value < 0:
        raise Resample("division by zero")
    if isinstance(b, float) and abs(b) < 1e-8 and value < 0:
        raise Resample("division by nearly zero")
    return b ** value


def principal_power(m, p: float):
    r"""$M^p = V \operatorname{diag}(\lambda_i^p) V^\top$ for a symmetric $M = V \operatorname{diag}(\lambda_i) V^\top$
    with every $\lambda_i > 0$ (the one power of $M$ that is symmetric positive definite); any other matrix has
    no single fractional power (:class:`Unsupported`: the notes must say which matrices they mean)."""
    m = np.asarray(m)
    if np.iscomplexobj(m):
        raise Unsupported("a fractional power in a complex step")
    scale = 1 + np.linalg.norm(m)
    if np.linalg.norm(m - m.T) > HOLDS * scale:
        raise Unsupported("a fractional power of a matrix the notes do not make symmetric positive definite")
    w, v = np.linalg.eigh((m + m.T) / 2)
    if w.min() <= HOLDS * scale:
        raise Unsupported("a fractional power of a matrix the notes do not make symmetric positive definite")
    if p < 0 and w.max() / w.min() > MAX_CONDITION:
        raise Resample("a near-singular inverse")
    return (v * w ** p) @ v.T


def as_array(v, like=None) -> np.ndarray:
    """A side's value as a 2-D array (the identity and 0 take the other side's shape)."""
    if isinstance(v, Ident):
        n = like.shape[0] if isinstance(like, np.ndarray) and like.size != 1 else None
        return v.c * np.eye(n) if n else np.array([[v.c]])
    if isinstance(v, np.ndarray):
        return v.reshape(1, 1) if v.size == 1 else v
    if v == 0 and isinstance(like, np.ndarray) and like.size != 1:
        return np.zeros(like.shape)
    return np.array([[v]])


def gap(left, right, rel: str = "=") -> float:
    """The relative gap between the sides (negative or zero when an inequality holds)."""
    a, b = as_array(left, right), as_array(right, left)
    if np.iscomplexobj(a) or np.iscomplexobj(b):
        if np.abs(np.imag(a)).max(initial=0) > 1e-12 or np.abs(np.imag(b)).max(initial=0) > 1e-12:
            raise Resample("a complex value")
        a, b = np.real(a), np.real(b)
    if not (np.all(np.isfinite(a)) and np.all(np.isfinite(b))):
        raise Resample("a value that is not finite")
    if a.shape != b.shape:
        raise Unsupported(f"sides of shapes {a.shape} and {b.shape}")
    scale = 1 + max(np.linalg.norm(a), np.linalg.norm(b))
    if rel == "=":
        return float(np.linalg.norm(a - b) / scale)
    x, y = float(a.ravel()[0]), float(b.ravel()[0])
    if rel in ("<", "<="):
        return (x - y) / scale
    if rel in (">", ">="):
        return (y - x) / scale
    raise Unsupported(f"the relation {rel}")

