r"""The lowering printer: sympy's ``NumPyPrinter`` whose ``_print_<Node>`` methods build arrays.

Each method returns an :class:`~codegen.lower_nodes.Arr` whose trailing axes carry
index labels; operands are aligned by label (a transpose and ``None`` axes) so
that broadcasting does the rest.  Reductions are :class:`~codegen.lower_reduce.ReductionLowering`'s,
reads of inputs :mod:`codegen.lower_indexed`'s.

Common subexpressions are shared at the array level: nodes are memoized by
their expression with indices renamed canonically, so ``exp(z_i - m)`` and
``exp(z_j - m)`` are one array, and so are $e^{S_{ij}}$ and $e^{S_{ji}}$ (the
same array, its axes swapped): on a miss the other orders of the free indices
are tried.
"""
from __future__ import annotations

import dataclasses
import itertools

import sympy as sp
from sympy.concrete.expr_with_limits import ExprWithLimits
from sympy.printing.codeprinter import PrintMethodNotImplementedError
from sympy.printing.numpy import NumPyPrinter

from symbolic.expr import as_expr
from symbolic.functions import ReduceMax

from codegen.lower_dependent import masked_reduction
from codegen.lower_indexed import IndexedLowering, pad_array, zero_padded
from codegen.lower_nodes import (
    ADD,
    ATOM,
    CMP,
    EXP_BASE2,
    MUL,
    POW,
    UNARY,
    MATMUL_HALVES,
    MATMUL_LONG,
    SCALED_MATMUL,
    STRIDED_ROW_DOT,
    Arr,
    UnsupportedNode,
    binary,
    exp_base2_source,
    leaf,
    matmul_halves_source,
    matmul_long_source,
    scaled_matmul_source,
    strided_row_dot_source,
    render_inline,
    slots,
)
from codegen.lower_reduce import ReductionLowering, split_fraction, walk_free
from codegen.lower_shifted import WINDOW_GEMM, WINDOW_GEMM_T, window_gemm_source, window_gemm_t_source
from codegen.lower_unit_scale import SUMS_SAFE, sums_safe_source

MAX_PERMUTED = 3
"""Free indices up to which a memo miss tries the other orders (3! keys at most)."""

NUMPY_FUNCTIONS = {
    name: "np." + target[len("numpy."):]
    for name, target in NumPyPrinter._kf.items()
    if target.startswith("numpy.")
}
NUMPY_FUNCTIONS.update({"Abs": "np.abs", "sign": "np.sign", "log1p": "np.log1p", "expm1": "np.expm1"})
SPECIAL_FUNCTIONS = {"erf": "scipy.special.erf", "erfc": "scipy.special.erfc", "ndtr": "scipy.special.ndtr",
                     "log_ndtr": "scipy.special.log_ndtr", "loggamma": "scipy.special.gammaln",
                     "digamma": "scipy.special.digamma", "RisingFactorial": "scipy.special.poch",
                     "betaln": "scipy.special.betaln", "erfcx": "scipy.special.erfcx",
                     "polygamma": "scipy.special.polygamma", "i0": "scipy.special.i0", "i1": "scipy.special.i1",
                     "i0e": "scipy.special.i0e", "i1e": "scipy.special.i1e"}
"""Functions NumPy lacks, from ``scipy.special`` (the generated module then imports it)."""
RELATIONS = {"StrictGreaterThan": ">", "GreaterThan": ">=", "StrictLessThan": "<", "LessThan": "<=",
             "Equality": "==", "Unequality": "!="}


class NumPyLowering(ReductionLowering, NumPyPrinter):
    """``NumPyPrinter`` whose ``_print_<Node>`` methods build :class:`Arr` nodes."""

    printmethod = "_formulary_lower"

    module = "np"
    """The array module's name in the emitted code; a backend's subclass renames it (``torch``, ``jnp``)."""
    functions = {**NUMPY_FUNCTIONS, **SPECIAL_FUNCTIONS}
    """sympy function name -> the callable's name in the emitted code (``np.`` names are renamed by ``module``)."""

    def fn(self, name: str) -> str:
        """The emitted name of the array module's ``name`` (``np.where`` -> ``torch.where``)."""
        return f"{self.module}.{name}"

    def function(self, sympy_name: str) -> str | None:
        target = self.functions.get(sympy_name)
        if target is not None and target.startswith("np."):
            return self.fn(target[3:])
        return target

    shape_of = "np.shape({})"
    """Code of an array's shape (``{}`` is the array's code)."""
    in_place = True
    gradient = False
    r"""Whether the targets are gradients (a VJP): there the matrix products an exponential reads are summed in
    halves in float32 (:func:`_mark_halves`).  In a forward function they are one product, as PyTorch's: attention's
    output, 8 x 512 x 64, 8 draws against float64, errs mean 7.34e-7 and worst 1.04e-6 with one product (PyTorch
    7.85e-7, 1.58e-6) for 0.75-0.79x the time of the halves; its VJP, whose softmax gradient
    $p_{ij}(dP_{ij} - \sum_k p_{ik} dP_{ik})$ sums terms that cancel, errs mean 1.09e-6, worst 2.13e-6 with one
    product against PyTorch's 9.96e-7, 1.49e-6, and 7.59e-7, 9.16e-7 in halves (docs/benchmarks.md, stop 32)."""
    """Whether the liveness pass may write results into dead buffers (``out=``): NumPy's ufuncs only."""
    REDUCERS = {"sum": "sum", "max": "max", "prod": "prod"}
    """Reduction kind -> the array module's function taking ``(a, axis=...)``."""

    AS_ARRAY = "np.asarray"
    """The array module's conversion of an array-like (``torch.as_tensor``)."""
    AXIS, KEEPDIMS = "axis", "keepdims"
    """The names of a reduction's axes and keep-dimensions keywords (``dim``, ``keepdim`` in PyTorch)."""
    COPY = ".copy()"
    """The method making a broadcast view a writable array of its own ("" where arrays are immutable)."""

    @classmethod
    def sum_to_source(cls) -> str:
        r"""Source of ``_sum_to(a, shape)``: a gradient summed over the axes broadcasting added, shaped like its parameter.

        .. math:: \bar p_{j} = \sum_{\text{broadcast axes}} \bar a
        """
        return (f'''def _sum_to(a, shape):
    """``a`` summed over the axes broadcasting added to ``shape`` (a gradient shaped like its parameter)."""
    a = {cls.AS_ARRAY}(a)
    extra = a.ndim - len(shape)
    if extra > 0:
        a = a.sum({cls.AXIS}=tuple(range(extra)))
    axes = tuple(k for k, n in enumerate(shape) if n == 1 and a.shape[k] != 1)
    if axes:
        a = a.sum({cls.AXIS}=axes, {cls.KEEPDIMS}=True)
    return {cls.module}.broadcast_to(a, tuple(shape)){cls.COPY} if tuple(a.shape) != tuple(shape) else a
''')

    FMA = "_fma"
    """Name of the helper computing ``fma(a, b, c)`` (:meth:`fma_source`), emitted into a module that uses it."""

    @classmethod
    def fma_source(cls) -> str:
        r"""Source of ``_fma(a, b, c)`` $= a b + c$ with the product's rounding error added back (Dekker's exact
        product: $a = a_h + a_l$ split by Veltkamp's constant $2^{27} + 1$, $ab - \operatorname{fl}(ab)$ from the
        halves, exact for $|a|, |b| < 10^{300}$ above the underflow); where the split overflows, $\operatorname{fl}(ab) + c$.
        """
        guard = ("    with np.errstate(over='ignore', invalid='ignore'):\n" if cls.module == "np" else
                 "    if True:\n")
        return (f'''def {cls.FMA}(a, b, c):
    """a * b + c, the rounding error of a * b added back: exact where a * b cancels against c."""
{guard}        p = a * b
        sa = a * 134217729.0
        ah = sa - (sa - a)
        al = a - ah
        sb = b * 134217729.0
        bh = sb - (sb - b)
        bl = b - bh
        e = ((ah * bh - p) + ah * bl + al * bh) + al * bl
        s = p + c
        return {cls.module}.where({cls.module}.isfinite(e), s + e, s)
''')

    def _print_fma(self, expr):
        return self.call(self.FMA, *[self._print(a) for a in expr.args])

    @classmethod
    def helpers_source(cls, code: str, *, grad: bool) -> str:
        """The helper functions ``code`` calls: ``_sum_to`` (with ``grad``), ``_fma``, ``_window_gemm``,
        ``_window_gemm_t``, ``_matmul_halves``, ``_matmul_long``, ``_scaled_matmul``, ``_exp_base2``,
        ``_strided_row_dot`` and ``_sums_safe`` (where used)."""
        pieces = [cls.sum_to_source().rstrip()] if grad else []
        if f"{cls.FMA}(" in code:
            pieces.append(cls.fma_source().rstrip())
        if f"{WINDOW_GEMM}(" in code:
            pieces.append(window_gemm_source().rstrip())
        scaled, long = f"{SCALED_MATMUL}(" in code, f"{MATMUL_LONG}(" in code or f"{SCALED_MATMUL}(" in code
        if scaled:
            pieces.append(scaled_matmul_source().rstrip())
        if long:
            pieces.append(matmul_long_source().rstrip())
        if f"{MATMUL_HALVES}(" in code or long:  # the other two may call the halves
            pieces.append(matmul_halves_source().rstrip())
        if f"{WINDOW_GEMM_T}(" in code:
            pieces.append(window_gemm_t_source().rstrip())
        if f"{EXP_BASE2}(" in code:
            pieces.append(exp_base2_source().rstrip())
        if f"{STRIDED_ROW_DOT}(" in code:
            pieces.append(strided_row_dot_source().rstrip())
        if f"{SUMS_SAFE}(" in code:
            pieces.append(sums_safe_source().rstrip())
        return "\n\n\n".join(pieces)

    def reducer(self, kind: str) -> str:
        """The emitted name of a reduction (``np.max``; ``torch.amax``)."""
        return self.fn(self.REDUCERS[kind])

    def einsum(self, spec: str, operands: str, count: int) -> str:
        """Code of an einsum over ``operands`` (their code, comma-separated)."""
        optimize = "'greedy'" if count > 2 else "False"
        return self.fn("einsum") + f"('{spec}', {operands}" + (f", optimize={optimize})" if count > 1 else ")")

    def sliding_window(self, code: str, shape: str, axes: str) -> str:
        """Code of sliding windows over ``code``'s axes ``axes``, of sizes ``shape``."""
        return f"sliding_window_view({code}, {shape}, axis={axes})"

    def unsupported(self, expr, what: str):
        """Raise :class:`UnsupportedNode`: ``what`` has no lowering for this backend."""
        raise UnsupportedNode(expr, f"{what} has no {self.module} lowering")

    def __init__(self, inputs, sizes: dict[sp.Symbol, str]):
        super().__init__({"fully_qualified_modules": True})
        self.inputs = {i.symbol if not isinstance(i.symbol, sp.IndexedBase) else i.symbol.label: i for i in inputs}
        self.sizes = sizes  # size symbol -> local name
        self.ranges: dict[sp.Symbol, tuple[sp.Expr, sp.Expr]] = {}
        self.rank: dict[sp.Symbol, int] = {}
        self.active: set = set()  # indices in scope: a reduction over one of them renames its own
        self.pad_source: dict = {}  # padded base label -> (input, pads)
        self._pads: dict = {}  # (input name, pads) -> padded base
        self._pad_nodes: dict = {}
        self._memo: dict = {}
        self._atoms: dict = {}  # atom -> its text in memo keys
        self._ranks = itertools.count()

    # ** scope and memo **

    def bind(self, index: sp.Symbol, lo, hi) -> None:
        self.ranges[index] = (as_expr(lo), as_expr(hi))
        self.rank[index] = next(self._ranks)

    def scoped(self, limits) -> tuple[dict, list]:
        """Bind a reduction's indices; one that shadows an index in scope is renamed to a fresh dummy."""
        mapping, bound = {}, []
        for var, lo, hi in limits:
            lo, hi = as_expr(lo).xreplace(mapping), as_expr(hi).xreplace(mapping)
            if (lo.free_symbols | hi.free_symbols) & (self.active | set(bound) | set(mapping)):
                raise UnsupportedNode(sp.Tuple(var, lo, hi), "a range that depends on another index")
            if var in self.active or var in self.sizes or var in self.inputs:
                mapping[var] = sp.Dummy(str(var), integer=True)
            index = mapping.get(var, var)
            self.bind(index, lo, hi)
            bound.append(index)
        return mapping, bound

    def reduction(self, expr, lower):
        """``lower(body, bound)`` with the reduction's indices in scope; a range that reads another index is
        lowered over its hull, the terms outside it selected away (:mod:`codegen.lower_dependent`)."""
        masked = masked_reduction(expr, {k: self.ranges[k] for k in self.active})
        if masked is not None:
            expr = masked
        mapping, bound = self.scoped(expr.limits)
        body = expr.function.xreplace(mapping) if mapping else expr.function
        self.active.update(bound)
        try:
            return lower(body, bound)
        finally:
            self.active.difference_update(bound)

    def _sorted(self, labels) -> list:
        return sorted(labels, key=self.rank.__getitem__)

    def _free(self, expr) -> list:
        """The index labels free in ``expr``, in scope order."""
        found: set = set()
        walk_free(expr, self.active, frozenset(), found)
        return self._sorted(found)

    def _key(self, expr, free):
        """A memo key equal for expressions that differ only in the names of their indices."""
        names = {s: f"#f{n}" for n, s in enumerate(free)}
        return _structure(expr, names, 0, self._atoms), tuple(self.ranges[s] for s in free)

    def _print(self, expr, **kwargs):
        expr = as_expr(expr)
        free = self._free(expr)
        key = self._key(expr, free)
        hit = self._memo.get(key)
        if hit is None and 1 < len(free) <= MAX_PERMUTED:
            for order in itertools.permutations(free):
                hit = self._memo.get(self._key(expr, order)) if list(order) != free else None
                if hit is not None:
                    free = list(order)
                    break
        if hit is not None:
            arr, old = hit
            if old == free:
                return arr
            relabel = dict(zip(old, free))
            return Arr("{0}", (arr,), tuple(relabel[x] for x in arr.labels), arr.batched, arr.prec, "leaf")
        try:
            out = super()._print(expr, **kwargs)
        except PrintMethodNotImplementedError:
            raise UnsupportedNode(expr, "no lowering rule for this node type") from None
        if not isinstance(out, Arr):
            raise UnsupportedNode(expr, "no lowering rule for this node type")
        self._memo[key] = (out, free)
        return out

    def emptyPrinter(self, expr):
        raise UnsupportedNode(expr, "no lowering rule for this node type")

    _print_not_supported = emptyPrinter  # sympy binds some nodes to its own copy: see _print

    # ** alignment and elementwise operations **

    def align(self, a: Arr, target: tuple) -> Arr:
        """``a`` viewed with axes ``target``: transposed, and ``None`` where it lacks a label."""
        if not a.labels and not a.batched:
            return a
        order = [x for x in target if x in a.labels]
        if len(order) != len(a.labels):
            raise AssertionError(f"labels {a.labels} not within {target}")
        code, need = "{0}", ATOM
        if list(a.labels) != order:
            k = len(order)
            if k == 2:
                code = self.fn("swapaxes") + "({0}, -1, -2)"
            else:
                dst = [order.index(x) - k for x in a.labels]
                code = self.fn("moveaxis") + f"({{0}}, {tuple(range(-k, 0))}, {tuple(dst)})"
            need = 0
        if tuple(order) != tuple(target):
            marks = [":" if x in a.labels else "None" for x in target]
            kept = len(order)
            if marks == [":"] * kept + ["None"] * (len(marks) - kept):
                marks = marks[kept:]  # new axes after the kept ones only: x[..., None], which a NumPy scalar takes too
            code += "[..., " + ", ".join(marks) + "]"
        if code == "{0}":
            return a
        return Arr(code, (a,), tuple(target), a.batched, ATOM, "op", need=(need,))

    def elementwise(self, template: str, args, prec: int = ATOM, need=()) -> Arr:
        """``template`` applied to ``args`` aligned on the union of their labels.

        The result keeps the axis order of an argument that has every label (the
        first such), so that no full-size operand is read transposed: $e^{S_{ji}}$
        over ``S`` computed as ``Q @ K.T`` stays in ``S``'s order.
        """
        every = set().union(*[a.labels for a in args]) if args else set()
        full = [a.labels for a in args if len(a.labels) == len(every)]
        labels = tuple(full[0]) if full else tuple(self._sorted(every))
        aligned = tuple(self.align(a, labels) for a in args)
        return Arr(template, aligned, labels, any(a.batched for a in args), prec, need=tuple(need))

    def call(self, fn: str, *args: Arr) -> Arr:
        return self.elementwise(f"{fn}({slots(len(args))})", args)

    def binop(self, op: str, prec: int, a: Arr, b: Arr) -> Arr:
        template, need = binary(op, prec)
        return self.elementwise(template, [a, b], prec, need)

    # ** leaves **

    def _print_Symbol(self, expr):
        if expr in self.ranges:
            lo, hi = self.ranges[expr]
            lo_c, hi_c = self.code(lo), self.code(hi + 1)
            return Arr(self.fn("arange") + f"({lo_c}, {hi_c})", (), (expr,), False, ATOM, "op", "index")
        if expr in self.sizes:
            return leaf(self.sizes[expr], batched=False)
        if expr in self.inputs:
            return leaf(self.inputs[expr].name)
        raise UnsupportedNode(expr, "a free symbol that is neither an input, a size nor an index")

    _print_Dummy = _print_Symbol

    def _print_Integer(self, expr):
        return leaf(str(int(expr)), batched=False, prec=ATOM if expr >= 0 else UNARY)

    def _print_Rational(self, expr):
        return leaf(f"{expr.p} / {expr.q}", batched=False, prec=MUL)

    def _print_Float(self, expr):
        return leaf(repr(float(expr)), batched=False, prec=ATOM if expr >= 0 else UNARY)

    def _print_NumberSymbol(self, expr):
        known = {sp.pi: self.fn("pi"), sp.E: self.fn("e")}
        return leaf(known.get(expr, repr(float(expr))), batched=False)

    _print_Pi = _print_Exp1 = _print_NumberSymbol

    def _print_SmallestNormal(self, expr):
        r"""``np.finfo(dtype).tiny``: the computing dtype's smallest normal (a NumPy scalar of that dtype,
        so it promotes nothing); another backend's printer gives float64's, as a number."""
        if self.module != "np":
            return self._print_NumberSymbol(expr)
        return leaf("np.finfo(dtype).tiny", batched=False)

    def _print_BooleanTrue(self, expr):
        return leaf("True", batched=False)

    def _print_BooleanFalse(self, expr):
        return leaf("False", batched=False)

    def _print_Infinity(self, expr):
        return leaf(self.fn("inf"), batched=False)

    def _print_NegativeInfinity(self, expr):
        return leaf("-" + self.fn("inf"), batched=False, prec=UNARY)

    # ** reads, and zero-padded reads **

    def _print_Indexed(self, expr):
        return IndexedLowering(self, expr).lower()

    def padded_read(self, read: sp.Indexed, pads) -> sp.Indexed:
        """``read`` of the input zero-padded by ``pads`` (``(before, after)`` per axis): its indices shift."""
        inp = self.inputs[read.base.label]
        key = (inp.name, pads)
        if key not in self._pads:
            base = sp.IndexedBase(sp.Dummy(f"{inp.name}_pad"))
            shape = tuple(sp.expand(d + b + a) for d, (b, a) in zip(inp.shape, pads))
            self.inputs[base.label] = dataclasses.replace(inp, symbol=base, shape=shape)
            self.pad_source[base.label] = (inp, pads)
            self._pads[key] = base
        return self._pads[key][tuple(e + b for e, (b, _) in zip(read.indices, pads))]

    def pad_node(self, label) -> Arr:
        if label not in self._pad_nodes:  # one np.pad per input and padding, shared by its reads
            self._pad_nodes[label] = pad_array(self, label)
        return self._pad_nodes[label]

    def unpad(self, expr):
        """Zero-padding ``Piecewise`` nodes of ``expr`` (see :func:`~codegen.lower_indexed.zero_padded`) rewritten."""
        if not expr.has(sp.Piecewise):
            return expr
        done = {}

        def query(e):
            if isinstance(e, sp.Piecewise) and e not in done:
                done[e] = zero_padded(self, e)
            return isinstance(e, sp.Piecewise) and done[e] is not None

        return expr.replace(query, lambda e: done[e])

    # ** arithmetic **

    def _print_Add(self, expr):
        r"""A left fold, inputs first and max-shifts next, so $z_i - m$ is formed (and shared) first.

        Each prefix is lowered through the memo: in log-softmax $z_i - m - \log s$
        the prefix $z_i - m$ is the array already computed inside $e^{z_i - m}$.
        """
        terms = sorted(expr.args, key=_term_order)
        *head, last = terms
        negative = last.could_extract_minus_sign()
        tail = self._print(-last if negative else last)
        if len(head) == 1 and head[0].could_extract_minus_sign():
            first = self.negate(self._print(-head[0]))
        else:
            first = self._print(sp.Add(*head))
        return self.binop("-" if negative else "+", ADD, first, tail)

    def negate(self, a: Arr) -> Arr:
        return self.elementwise("-{0}", [a], min(UNARY, max(a.prec, MUL)), (MUL,))

    def _print_Mul(self, expr):
        r"""A product, its factors with fewer indices grouped first (see :meth:`product`).

        The group is lowered as an expression of its own, through the memo: in the
        softmax Jacobian $(\delta_{ij} - \sigma_j)\, e_i / s$ the group $e_i / s$ is the
        array $\sigma$ already formed for $\sigma_j$.
        """
        num, den, negative = split_fraction(expr)
        every = len(self._free(expr))
        small_num = [f for f in num if len(self._free(f)) < every]
        small_den = [f for f in den if len(self._free(f)) < every]
        if small_num and len(small_num) < len(num) and len(small_num) + len(small_den) >= 2:
            group = sp.Mul(*small_num, *[sp.Pow(d, -1, evaluate=False) for d in small_den], evaluate=False)
            num = [f for f in num if f not in small_num] + [group]
            den = [f for f in den if f not in small_den]
        out = self.product([self._print(f) for f in num], [self._print(f) for f in den])
        return self.negate(out) if negative else out

    def product(self, num: list[Arr], den: list[Arr]) -> Arr:
        r"""``a * b / (c * d)``, left to right, but factors with fewer axes are combined first.

        In $x_{ij}\, a_i / b_i$ the ratio $a_i / b_i$ is formed on its own axis, and the
        full-size array is touched by one multiplication instead of two.
        """
        every = len(set().union(*[a.labels for a in num + den])) if num or den else 0
        small_num = [a for a in num if len(a.labels) < every]
        small_den = [a for a in den if len(a.labels) < every]
        if small_num and len(small_num) < len(num) and len(small_num) + len(small_den) >= 2:
            part = self._fold(small_num, small_den)
            num = [a for a in num if all(a is not s for s in small_num)] + [part]
            den = [a for a in den if all(a is not s for s in small_den)]
        return self._fold(num, den)

    def _fold(self, num: list[Arr], den: list[Arr]) -> Arr:
        out = num[0] if num else leaf("1", batched=False)
        for a in num[1:]:
            out = self.binop("*", MUL, out, a)
        if den:
            d = den[0]
            for a in den[1:]:
                d = self.binop("*", MUL, d, a)
            out = self.binop("/", MUL, out, d)
        return out

    def _print_Pow(self, expr):
        b, e = expr.args
        if e == sp.S.Half:
            return self.call(self.fn("sqrt"), self._print(b))
        if e.is_number and e.is_negative:
            return self.product([], [self._print(sp.Pow(b, -e))])
        if e == 1:
            return self._print(b)
        return self.elementwise("{0} ** {1}", [self._print(b), self._print(e)], POW, (POW + 1, POW))

    def _print_exp(self, expr):
        arg = self._print(expr.args[0])
        if self.module == "np" and self.gradient:
            _mark_halves(arg)
        return self.call(self.fn("exp"), arg)

    def _print_polygamma(self, expr):
        r"""$\psi^{(0)}(x)$ is the digamma function: sympy writes ``digamma(x)``, and the derivative of
        $\log\Gamma(x)$, as ``polygamma(0, x)``; $\psi^{(m)}(x)$ of an integer order $m \ge 1$ (the derivative of
        the digamma function is ``polygamma(1, x)``) is the backend's ``polygamma(m, x)``, the order a literal."""
        order, arg = expr.args
        if order == 0:
            target = self.function("digamma")
        elif order.is_Integer and order > 0:
            target = self.function("polygamma")
            if target is not None:
                return self.call(target, leaf(str(int(order)), batched=False), self._print(arg))
        else:
            target = None
        if target is None:
            raise UnsupportedNode(expr, f"no {self.module} function for polygamma of order {order}")
        return self.call(target, self._print(arg))

    def _print_besseli(self, expr):
        r"""$I_0(x)$, $I_1(x)$ (the von Mises normaliser and its derivative): the backend's ``i0``, ``i1``; another order
        has no function here."""
        order, arg = expr.args
        target = self.function({0: "i0", 1: "i1"}.get(int(order), "")) if order.is_Integer else None
        if target is None:
            raise UnsupportedNode(expr, f"no {self.module} function for the Bessel function I of order {order}")
        return self.call(target, self._print(arg))

    def _print_log(self, expr):
        r"""$\log\Gamma(u)$ as the backend's ``gammaln``: sympy writes $\log\Gamma$ of a positive integer (a size $n$,
        the Concrete distribution's $\log\Gamma(n)$) back as ``log(gamma(n))``, and $\Gamma(n)$ alone overflows past
        $n = 171$; any other log as a function."""
        if isinstance(expr.args[0], sp.gamma) and self.function("loggamma") is not None:
            return self.call(self.function("loggamma"), self._print(expr.args[0].args[0]))
        return self._print_Function(expr)

    def _print_Function(self, expr):
        name = type(expr).__name__
        target = self.function(name)
        if target is None:
            raise UnsupportedNode(expr, f"no {self.module} function for {name}")
        return self.call(target, *[self._print(a) for a in expr.args])

    def _chain(self, fn: str, args) -> Arr:
        *rest, last = args
        out = self._print(last)
        for a in reversed(rest):
            out = self.call(fn, self._print(a), out)
        return out

    def _print_Max(self, expr):
        scale = self.unit_scale(expr)  # the scale of scaled_sqrt: 1 where the squares are safe
        if scale is not None:
            return scale
        return self._chain(self.fn("maximum"), _numbers_last(expr.args))

    def _print_Min(self, expr):
        return self._chain(self.fn("minimum"), _numbers_last(expr.args))

    def _print_Piecewise(self, expr):
        padded = zero_padded(self, expr)
        if padded is not None:
            return self._print(padded)
        *pieces, (last, cond) = expr.args
        out = self._print(last) if cond == sp.true else self.elementwise(
            self.fn("where") + "({0}, {1}, " + self.fn("nan") + ")", [self._print(cond), self._print(last)])
        for value, cond in reversed(pieces):
            out = self.call(self.fn("where"), self._print(cond), self._print(value), out)
        return out

    def _print_Relational(self, expr):
        op = RELATIONS.get(type(expr).__name__)
        if op is None:
            raise UnsupportedNode(expr)
        return self.binop(op, CMP, self._print(expr.lhs), self._print(expr.rhs))

    def _print_And(self, expr):
        return self._chain(self.fn("logical_and"), expr.args)

    def _print_Or(self, expr):
        return self._chain(self.fn("logical_or"), expr.args)

    def _print_Not(self, expr):
        return self.call(self.fn("logical_not"), self._print(expr.args[0]))

    def _print_ITE(self, expr):
        """sympy's if-then-else of conditions (folded Piecewise conditions hold one) as a ``where`` of three boolean
        arrays: sympy's own printer writes it as text, so a sum or a maximum inside a condition (the log of a scaled
        sum of squares in a branch test) was never lowered and its index left stray."""
        return self.call(self.fn("where"), *(self._print(a) for a in expr.args))

    def _print_Heaviside(self, expr):
        value_at_0 = expr.args[1] if len(expr.args) > 1 else sp.S.Half
        return self.call(self.fn("heaviside"), self._print(expr.args[0]), self._print(value_at_0))

    def _print_KroneckerDelta(self, expr):
        a, b = (self._print(x) for x in expr.args)
        return self.elementwise("({0} == {1})", [a, b], ATOM, (ADD, ADD))

    # ** code of a size expression (slices, ranges) **

    def code(self, expr) -> str:
        expr = as_expr(expr)
        if expr.free_symbols - set(self.sizes):
            raise UnsupportedNode(expr, "a bound that is not a function of the sizes")
        return render_inline(self._print(expr))


for _name in set(NUMPY_FUNCTIONS) | set(SPECIAL_FUNCTIONS) | set(NumPyPrinter().known_functions):  # sympy: _print_<name>; ours: arrays
    if f"_print_{_name}" not in NumPyLowering.__dict__:
        setattr(NumPyLowering, f"_print_{_name}", NumPyLowering._print_Function)
del _name


def _term_order(term):
    """Positive terms first; inputs, then max-shifts, then the rest; numbers last."""
    negative = term.could_extract_minus_sign()
    core = -term if negative else term
    rank = 0 if isinstance(core, (sp.Indexed, sp.Symbol)) else 1 if isinstance(core, ReduceMax) else 2
    return (negative, rank, term.is_number, sp.default_sort_key(term))


def _numbers_last(args):
    return sorted(args, key=lambda a: (a.is_number, sp.default_sort_key(a)))


def _structure(e, names: dict, depth: int, atoms: dict) -> str:
    """Text of ``e`` with free indices renamed in order, bound ones by binding depth, Add and Mul terms sorted.

    Numbering a bound index by how many binders enclose it (not by the order of traversal) makes the
    text independent of the order of the arguments.  Atoms are written by ``srepr`` (a symbol's
    assumptions and a dummy's number included), once each.
    """
    if e in names:
        return names[e]
    if isinstance(e, ExprWithLimits):
        inner, limits = dict(names), []
        for var, *bounds in e.limits:
            limits.append(",".join(_structure(b, inner, depth, atoms) for b in bounds))
            inner[var] = f"#b{depth}"
            depth += 1
        return f"{type(e).__name__}({_structure(e.function, inner, depth, atoms)};{'|'.join(limits)})"
    if not e.args:
        if e not in atoms:
            atoms[e] = sp.srepr(e)
        return atoms[e]
    parts = [_structure(a, names, depth, atoms) for a in e.args]
    if isinstance(e, (sp.Add, sp.Mul)):
        parts.sort()
    return f"{type(e).__name__}({','.join(parts)})"


def _mark_halves(a: Arr) -> None:
    """Mark the matrix products an exponential's argument is made of, elementwise (``exp((Q K^T - m) c)``):
    their rounding error is the exponential's relative error (:data:`~codegen.lower_nodes.MATMUL_HALVES`); in
    gradient functions only (:attr:`NumPyLowering.gradient`)."""
    if a.kind == "reduce" and a.hint == "mm":
        a.halves = True
        return
    if a.kind in ("op", "leaf"):  # elementwise, or the same array relabelled
        for c in a.args:
            if isinstance(c, Arr) and c.labels and len(c.labels) == len(a.labels):
                _mark_halves(c)
