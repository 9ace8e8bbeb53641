r"""A block's formula in a catalog record's variables: names, argument roles, vectors, expectations.

A block and a record name things differently: the notes write
$K(x_i, x_j) = (x_i \cdot x_j)^d$, the record ``poly_kernel`` holds
$K = (\sum_k x_k y_k)^d$ over two vectors $x, y \in \mathbb{R}^D$.
:func:`lower` rewrites the block's right side in the record's variables:

* **names**: ``d`` is the record's ``d``, ``\hat{y}_i`` its ``yhat[i]``, ``\mathbf{w}`` its ``w``;
* **argument roles**: the arguments of ``K(x_i, x_j)`` are the record's vector
  variables, in order (``x_i`` is ``x``, ``x_j`` is ``y``);
* **vectors**: a record array used with one index fewer than it has is a vector
  (``x_i`` is the row ``x[i, :]``); a product of two vectors (``a \cdot b``, ``a^\top b``,
  ``\langle a, b \rangle``) is the dot product $\sum_k a_k b_k$, a squared vector or
  $|v|^2$ the squared norm $\sum_k v_k^2$;
* **expectations over a discrete instance**: $\mathbb{E}_{x \sim p}[f(D(x))]$ is
  $\sum_k p_k f(D_k)$ when the record holds the weights ``p`` (a simplex) and ``D``
  at the same points (``D(G(z))`` is the record's ``D_G``);
* **unknowns**: what neither the record nor the notes bind (``c_j``) is kept as an
  unknown, a number or a vector, whichever makes the formula well formed (numbers first).

Anything else (an unknown function, a matrix) raises :class:`Mismatch` naming it.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass

import sympy as sp
from sympy.core.function import AppliedUndef

from symbolic.domains import Simplex
from symbolic.record import expand_definitions

from readers.latex.nodes import SUMMED, Expectation, IndexMax
from readers.latex.parse import to_zero_based
from readers.notes.symbols import _as_written, _freshen, _indices_and_sizes, _norm, _show

ELEMENT = sp.Dummy("k", integer=True, nonnegative=True)
"""The element index of a vector value (:class:`Vector`)."""
MAX_UNKNOWNS = 4
"""Most unknowns whose types are searched (2**n typings)."""


class Mismatch(Exception):
    """The block cannot be written in the record's variables; the message says why."""


class IllTyped(Mismatch):
    """A vector where a number is needed (or the reverse): another typing of the unknowns may fit."""


@dataclass(frozen=True)
class Vector:
    """A vector value: ``expr`` is its element at :data:`ELEMENT`; ``length`` is None for an unknown's."""

    expr: sp.Expr
    length: sp.Expr | None


@dataclass(frozen=True)
class Lowered:
    """The block's right side in the record's variables.

    ``unknowns``: what is bound nowhere, as the notes write it; ``arguments``:
    ``(block argument, record variable)`` bound by position; ``free_of``: the
    arguments the right side does not depend on."""

    expr: sp.Expr
    unknowns: tuple[str, ...] = ()
    arguments: tuple = ()
    free_of: tuple = ()
    warnings: tuple[str, ...] = ()


def lower(formula, output, lhs, body, *, zero_based: bool = False) -> Lowered:
    """``body`` (the right side of ``lhs = body``, 1-based unless ``zero_based``) in ``formula``'s variables."""
    roles = _Roles(formula, output)
    body = roles.bind_arguments(lhs, _freshen(body))
    free = sorted(roles.index_map, key=str)
    body = (body if zero_based else to_zero_based(body, free)).xreplace(roles.index_map)
    roles.one_based = not zero_based
    error = None
    for kinds in roles.typings(body):
        roles.reset(kinds)
        try:
            value = roles.value(body)
        except IllTyped as exc:
            error = exc
            continue
        if isinstance(value, Vector):
            error = IllTyped("the right side is a vector, the catalog's a number")
            continue
        used = _bases_and_symbols(expand_definitions(value, formula.definitions))
        free_of = tuple(a for a, v in roles.arguments if v.symbol not in used)
        return Lowered(value, tuple(roles.unknown.values()), tuple(roles.arguments), free_of,
                       tuple(dict.fromkeys(roles.warnings)))
    raise error or Mismatch("no typing fits")


def _bases_and_symbols(expr) -> set:
    return expr.free_symbols | expr.atoms(sp.IndexedBase)


class _Roles:
    """What each leaf of a block's expression is in one record (see the module docstring)."""

    def __init__(self, formula, output):
        self.formula, self.output = formula, output
        self.targets = _targets(formula)
        self.shapes = {v.symbol: tuple(v.shape) for v in formula.variables}
        self.out_indices = [i for i, _, _ in output.indices]
        self.index_map: dict = {}
        self.entities: dict = {}
        self.components: dict = {}
        self.arguments: list = []
        self.one_based = True
        self.reset({})

    def reset(self, kinds: dict) -> None:
        self.kinds, self.unknown, self.warnings = kinds, {}, []
        self.bound: list = []
        self.lengths: dict = {}

    # ** arguments **

    def bind_arguments(self, lhs, body):
        r"""Map ``lhs``'s indices onto the output's; bind ``K(x_i, x_j)``'s arguments to the record's vectors.

        Arguments are bound by position when the output is a number and there are as
        many arguments, each a name or an element ``x_i``, as vector variables; ``x_{i,k}``
        is then the ``k``-th component of the argument ``x_i`` (``v_k`` of the argument
        ``v``).  A record variable bound to an argument of another name (``x_j`` is ``y``)
        is no longer reachable by its name."""
        indices = list(lhs.indices) if isinstance(lhs, sp.Indexed) else []
        if isinstance(lhs, AppliedUndef):
            indices = [a.indices[0] for a in lhs.args if isinstance(a, sp.Indexed) and len(a.indices) == 1]
        if not indices and not isinstance(lhs, AppliedUndef):
            indices = list(_indices_and_sizes([body])[0])  # a constraint g_i >= 0 has no left side
        for k, i in enumerate(indices):
            if k < len(self.out_indices) and isinstance(i, sp.Symbol):
                self.index_map[i] = self.out_indices[k]
        vectors = [v for v in self.formula.variables if len(v.shape) == 1]
        args = lhs.args if isinstance(lhs, AppliedUndef) else ()
        if not vectors and not self.out_indices:
            return self._bind_numbers(args, body)
        if self.out_indices or not args or len(args) != len(vectors) or len(set(args)) != len(args) \
                or not all(_is_name_or_element(a) for a in args):
            return body
        for arg, var in zip(args, vectors):
            placeholder = sp.Dummy(_show(arg))
            components = sp.IndexedBase(f"{placeholder.name}'")
            self.entities[placeholder] = Vector(var.symbol[ELEMENT], var.shape[0])
            self.components[str(components.label)] = var.symbol
            self.arguments.append((arg, var))
            body = body.replace(lambda e, a=arg: _is_component(e, a), lambda e, c=components: c[e.indices[-1]])
            if any(b.label == arg for b in body.atoms(sp.IndexedBase)):
                raise Mismatch(f"{_show(arg)} is both an argument and an array of another rank")
            body = body.xreplace({arg: placeholder})
            name = str(arg.base.label) if isinstance(arg, sp.Indexed) else arg.name
            if _norm(name) != _norm(var.name):
                self.targets = {k: v for k, v in self.targets.items() if v != var.symbol}
        return body

    def _bind_numbers(self, args, body):
        r"""A function of numbers against a record of numbers: ``\sigma(z) = \frac{1}{1+e^{-z}}`` against the
        sigmoid's ``x``, its arguments bound by position (as many plain names as the record's variables, none
        of which the body uses under its own name for something else)."""
        numbers = [v for v in self.formula.variables if not v.shape]
        if not args or len(args) != len(numbers) or len(set(args)) != len(args) \
                or not all(isinstance(a, sp.Symbol) for a in args):
            return body
        names = {s.name for s in body.free_symbols if isinstance(s, sp.Symbol)} - {a.name for a in args}
        if any(_norm(v.name) in {_norm(n) for n in names} for v in numbers):
            return body
        for arg, var in zip(args, numbers):
            self.arguments.append((arg, var))
            if _norm(arg.name) != _norm(var.name):
                body = body.xreplace({arg: sp.Symbol(var.name, **arg.assumptions0)})
        return body

    def typings(self, body):
        """Typings of the unknowns to try: all numbers, then more and more vectors."""
        yield {}
        try:
            self.reset({})
            self.value(body)
        except Mismatch:
            pass
        names = list(self.unknown)[:MAX_UNKNOWNS]
        for count in range(1, len(names) + 1):
            for chosen in itertools.combinations(names, count):
                yield {name: "vector" for name in chosen}

    # ** values **

    def value(self, e):
        """``e`` in the record's variables: an expression, or a :class:`Vector`."""
        if e in self.entities:
            return self.entities[e]
        if isinstance(e, Expectation):
            return self.expectation(e)
        if isinstance(e, sp.Indexed):
            return self.element(e)
        if isinstance(e, AppliedUndef):
            return self.application(e)
        if isinstance(e, sp.Symbol):
            return self.symbol(e)
        if not e.args:
            return e
        if isinstance(e, SUMMED):
            return self.summed(e)
        if isinstance(e, (sp.Add, sp.Mul, sp.Pow, sp.Abs)):
            return getattr(self, "op_" + type(e).__name__.lower())(e)
        values = [self.value(a) for a in e.args]
        if any(isinstance(v, Vector) for v in values):
            raise IllTyped(f"{type(e).__name__} of a vector")
        return e.func(*values)

    def symbol(self, s):
        if s in self.bound or s in self.out_indices or isinstance(s, sp.Dummy):
            return s
        target = _lookup(self.targets, s.name)
        if target is None:
            return self.unknown_value(s)
        if isinstance(target, sp.IndexedBase):
            shape = self.shapes.get(target, ())
            rank = len(shape)
            if rank and self.elementwise(shape):
                return target[tuple(self.out_indices[:rank])]  # elementwise: x is x_i
            if rank == 1:
                return Vector(target[ELEMENT], self.shapes[target][0])
            raise Mismatch(f"{s.name} is a number here but an array of rank {rank or '?'} in the catalog")
        return target

    def elementwise(self, shape) -> bool:
        """Whether an array of ``shape`` runs along the output's indices (``ReLU(x)`` for each ``x_i``)."""
        ranges = [hi - lo + 1 for _, lo, hi in self.output.indices]
        return len(shape) <= len(ranges) and all(sp.simplify(n - r) == 0 for n, r in zip(shape, ranges))

    def element(self, e):
        if str(e.base.label) in self.components:  # x_{i,k}: a component of the argument x_i
            return self.components[str(e.base.label)][self.value(e.indices[0])]
        target = _lookup(self.targets, str(e.base.label))
        if target is None:
            return self.unknown_value(e)
        if not isinstance(target, sp.IndexedBase):
            raise Mismatch(f"{e.base.label} is an array here but a number in the catalog")
        indices = tuple(self.value(i) for i in e.indices)
        loose = {s for i in indices for s in i.free_symbols} - set(self.bound) - set(self.out_indices)
        if any(s.is_integer for s in loose):
            raise Mismatch(f"free indices {sorted(map(str, loose))} have no catalog counterpart")
        shape = self.shapes.get(target)
        for position, i in enumerate(indices):
            if shape and position < len(shape) and isinstance(i, sp.Symbol):
                self.lengths.setdefault(i, shape[position])
        if shape is None or len(indices) == len(shape):
            return target[indices]
        if len(indices) == len(shape) - 1:
            return Vector(target[indices + (ELEMENT,)], shape[-1])
        raise Mismatch(f"{_show(e)} has {len(indices)} indices but {target} is of rank {len(shape)}")

    def application(self, e):
        name = e.func.__name__
        if name == "transpose" and len(e.args) == 1:
            return self.value(e.args[0])
        if name == "inner" and len(e.args) == 2:  # \langle u, v \rangle
            left, right = (self.value(a) for a in e.args)
            if not (isinstance(left, Vector) and isinstance(right, Vector)):
                raise IllTyped("an inner product of numbers")
            return self.dot(left, right)
        target = _lookup(self.targets, name)
        if isinstance(target, sp.Symbol):
            return target  # L_origin(theta): a number the record holds
        raise Mismatch(f"no catalog variable for the function {name}")

    def unknown_value(self, e):
        shown = _as_written(e.base[tuple(i + 1 for i in e.indices)] if isinstance(e, sp.Indexed)
                            and self.one_based else e)
        self.unknown.setdefault(e, shown)
        if self.kinds.get(e) == "vector":
            return Vector(sp.IndexedBase(shown)[ELEMENT], None)
        return e

    # ** operations **

    def op_add(self, e):
        values = [self.value(a) for a in e.args]
        vectors = [v for v in values if isinstance(v, Vector)]
        if not vectors:
            return sp.Add(*values)
        if len(vectors) != len(values):
            raise IllTyped("a vector plus a number")
        return Vector(sp.Add(*[v.expr for v in vectors]), _common_length(vectors))

    def op_mul(self, e):
        values = [self.value(a) for a in e.args]
        vectors = [v for v in values if isinstance(v, Vector)]
        scale = sp.Mul(*[v for v in values if not isinstance(v, Vector)])
        if not vectors:
            return scale
        if len(vectors) == 1:
            return Vector(scale * vectors[0].expr, vectors[0].length)
        if len(vectors) == 2:
            return scale * self.dot(*vectors)
        raise IllTyped("a product of more than two vectors")

    def op_pow(self, e):
        base, exponent = self.value(e.base), self.value(e.exp)
        if isinstance(exponent, Vector):
            raise IllTyped("a vector exponent")
        if isinstance(base, Vector):
            if exponent != 2:
                raise IllTyped(f"a vector to the power {exponent}")
            return self.dot(base, base)  # v^2 = |v|^2 = v . v
        return base ** exponent

    def op_abs(self, e):
        inner = self.value(e.args[0])
        return sp.sqrt(self.dot(inner, inner)) if isinstance(inner, Vector) else sp.Abs(inner)

    def dot(self, a: Vector, b: Vector):
        r"""$\sum_k a_k b_k$ over a fresh index."""
        length = _common_length([a, b])
        if length is None:
            raise IllTyped("a dot product of vectors of unknown length")
        k = sp.Dummy("k", integer=True, nonnegative=True)
        return sp.Sum(a.expr.xreplace({ELEMENT: k}) * b.expr.xreplace({ELEMENT: k}), (k, 0, length - 1))

    def summed(self, e):
        r"""A sum, product or $\max_i$: the body in the record's variables; a range the record's sizes
        do not name (``\sum_i``, a slack's $\max_i$) is the length of the arrays the index runs over."""
        variables = [v for v, *_ in e.limits]
        self.bound.extend(variables)
        try:
            body = self.value(e.function)
        finally:
            del self.bound[len(self.bound) - len(variables):]
        limits = []
        for v, lo, hi in e.limits:
            bounds = self.limit(lo), self.limit(hi)
            if isinstance(e, IndexMax) or None in bounds:
                if v not in self.lengths:
                    raise Mismatch(f"cannot tell the range of {v} in the catalog's sizes")
                bounds = (sp.Integer(0), self.lengths[v] - 1)
            limits.append((v, *bounds))
        if isinstance(body, Vector):
            if not isinstance(e, sp.Sum):
                raise IllTyped(f"{type(e).__name__} of vectors")
            return Vector(sp.Sum(body.expr, *limits), body.length)
        return e.func(body, *limits)

    def limit(self, bound):
        """A sum's bound in the record's sizes, or None when it names something else."""
        mapping = {}
        for s in bound.free_symbols:
            target = s if s in self.bound else _lookup(self.targets, s.name)
            if not isinstance(target, sp.Symbol) or target in self.shapes:
                return None
            mapping[s] = target
        return bound.xreplace(mapping)

    # ** expectations **

    def expectation(self, e):
        r"""$\mathbb{E}_{x \sim p}[f]$ as $\sum_k p_k f_k$ over the record's discrete instance."""
        body, variable, distribution = e.args
        head = distribution.func.__name__ if isinstance(distribution, AppliedUndef) else _show(distribution)
        weights = _lookup(self.targets, head)
        var = next((v for v in self.formula.variables if v.symbol == weights), None)
        if var is None or not isinstance(var.domain, Simplex) or len(var.shape) != 1:
            raise Mismatch(f"no discrete distribution {head} in the catalog")
        if isinstance(distribution, AppliedUndef) and variable not in distribution.free_symbols:
            where = ", ".join(_show(a) for a in distribution.args)
            self.warnings.append(f"{_show(variable)} ~ {_show(distribution)}: the distribution of {_show(variable)} "
                                 f"is written as a function of {where}")
        k = sp.Dummy("k", integer=True, nonnegative=True)
        roles = [v for v in self.formula.variables if tuple(v.shape) == tuple(var.shape) and v is not var]
        pieces = sorted({a for a in body.atoms(AppliedUndef) if variable in a.free_symbols
                         and not any(a in b.args for b in body.atoms(AppliedUndef))}, key=str)
        mapping, free_roles = {}, list(roles)
        for piece in pieces:
            role = next((r for r in free_roles if _norm(r.name) == _norm(_composite_name(piece, variable))), None)
            if role is not None:
                mapping[piece] = role.symbol[k]
                free_roles.remove(role)
        left = [p for p in pieces if p not in mapping]
        if len(left) == 1 and len(free_roles) == 1 \
                and _norm(free_roles[0].name).startswith(_norm(left[0].func.__name__)):
            mapping[left[0]] = free_roles[0].symbol[k]  # D(\tilde{x}) is the record's D_... by elimination
        elif left:
            raise Mismatch(f"no catalog variable for {_show(left[0])} at the points of {head}")
        inner = body.xreplace(mapping)
        if variable in inner.free_symbols:
            raise Mismatch(f"{_show(variable)} itself is not a variable of the catalog's discrete instance")
        self.bound.append(k)
        try:
            value = self.value(inner)
        finally:
            self.bound.pop()
        if isinstance(value, Vector):
            raise IllTyped("the expectation of a vector")
        return sp.Sum(weights[k] * value, (k, 0, var.shape[0] - 1))


def _composite_name(application, variable) -> str:
    """``D(G(z))`` is ``D_G``: the heads down to the variable."""
    names, node = [], application
    while isinstance(node, AppliedUndef):
        names.append(node.func.__name__)
        inner = [a for a in node.args if variable in a.free_symbols]
        node = inner[0] if len(inner) == 1 else None
    return "_".join(names)


def _is_component(e, argument) -> bool:
    """``x_{i,k}`` of the argument ``x_i``, or ``v_k`` of the argument ``v``."""
    if not isinstance(e, sp.Indexed):
        return False
    if isinstance(argument, sp.Indexed):
        return e.base == argument.base and len(e.indices) == len(argument.indices) + 1 \
            and e.indices[:-1] == argument.indices
    return e.base.label == argument and len(e.indices) == 1


def _is_name_or_element(arg) -> bool:
    return isinstance(arg, sp.Symbol) or (
        isinstance(arg, sp.Indexed) and all(isinstance(i, sp.Symbol) for i in arg.indices))


def _common_length(vectors):
    lengths = {v.length for v in vectors if v.length is not None}
    if len(lengths) > 1:
        raise IllTyped(f"vectors of lengths {sorted(map(str, lengths))}")
    return lengths.pop() if lengths else None


def _targets(formula) -> dict:
    """Normalized name -> the record's variable, named intermediate or size symbol."""
    targets = {_norm(v.name): v.symbol for v in formula.variables}
    for d in formula.definitions:
        if isinstance(d.lhs, sp.Symbol):
            targets[_norm(str(d.lhs))] = d.lhs
    for s in formula.size_symbols:
        targets[_norm(str(s))] = s
    return targets


def _lookup(targets: dict, name: str):
    key = _norm(name)
    if key in targets:
        return targets[key]
    lowered = {k.lower(): v for k, v in targets.items()}
    return lowered.get(key.lower())
