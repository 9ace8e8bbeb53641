r"""Array nodes of the lowering, and their emission as Python statements.

An :class:`Arr` is the code of one array-valued node, ``template`` formatted
with its arguments' code; the nodes form a DAG (a shared subexpression is one
node).  :class:`Emitter` writes the DAG as statements: a node used twice, and
every reduction but a single-use matrix product, gets a name
(``sum_2 = np.sum(t_1, axis=-1)``); the rest is inlined, parenthesized by
operator precedence.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

import numpy as np
import sympy as sp


class UnsupportedNode(NotImplementedError):
    """A node the lowering has no rule for; the message names it."""

    def __init__(self, node, why: str = ""):
        self.node = node
        text = f"cannot lower {type(node).__name__} node {sp.sstr(node)}"
        super().__init__(text + (f": {why}" if why else ""))


ATOM, POW, UNARY, MUL, ADD, CMP = 100, 60, 50, 40, 30, 20
"""Python operator precedences: an argument binding looser than its slot needs is parenthesized."""


@dataclass(eq=False)
class Arr:
    """An array-valued node: ``template`` formatted with its ``args``' code.

    ``labels`` name the trailing axes (leading axes are batch axes);
    ``batched`` is False for values with no batch axes (numbers, sizes,
    index ranges); ``prec`` is the precedence of the code and ``need`` the
    precedence each argument slot requires; ``kind`` is ``"leaf"`` (never
    named), ``"op"`` (named when shared) or ``"reduce"`` (always named, with
    prefix ``hint``).
    """

    template: str
    args: tuple = ()
    labels: tuple = ()
    batched: bool = True
    prec: int = ATOM
    kind: str = "op"
    hint: str = "t"
    need: tuple = ()
    window: int = 0
    """How many trailing ``labels`` are the window axes of a ``sliding_window_view`` read."""
    window_outer: tuple = ()
    """The labels of the axes that slide those windows (``s`` of ``x[s + m]``), one per window axis."""
    halves: bool = False
    """A matrix product whose result an exponential of a gradient function reads (:data:`MATMUL_HALVES`): its
    absolute error becomes the exponential's relative error, so in float32 it is summed in two halves of the
    contracted axis (``codegen.lower_printer.NumPyLowering.gradient``)."""
    quiet: bool = False
    """Its statement runs with floating-point warnings silenced: an overflow there is expected and handled
    (the unscaled sum of squares of :mod:`codegen.lower_unit_scale`, whose row then takes the scaled path)."""
    float64: bool = False
    """Computed in float64 whatever the function's dtype (:meth:`Emitter.dtype` ``"wide"``): a sum of squares
    summed in chunks and kept in float64 (:func:`chunked_squares`), never an operand of a full-size pass."""
    chunked: bool = True
    """A ``float64`` sum of squares summed in chunks (:func:`chunked_squares`); False: one BLAS dot per row, read as
    float64 (a gradient function's: :attr:`codegen.lower_printer.NumPyLowering.gradient`)."""
    wide: Arr | None = None
    """The same value in float64, which a row value computed in float64 reads in its place
    (:meth:`Emitter._wide_rows`): a sum of squares of :mod:`codegen.lower_unit_scale` rounds to the function's
    dtype only where it is read in that dtype."""

    def slot_need(self, n: int) -> int:
        return self.need[n] if n < len(self.need) else 0


def leaf(code: str, labels=(), batched=True, prec=ATOM) -> Arr:
    return Arr(code, (), tuple(labels), batched, prec, "leaf")


def binary(op: str, prec: int) -> tuple[str, tuple[int, int]]:
    """Template and slot needs of a left-associative operator: ``a - (b - c)`` keeps its parentheses."""
    return "{0} " + op + " {1}", (prec, prec + 1)


def slots(count: int) -> str:
    return ", ".join("{" + str(n) + "}" for n in range(count))


def tuple_code(items) -> str:
    items = [str(i) for i in items]
    return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"


def render_inline(arr: Arr) -> str:
    """Code of a node with no shared parts (size expressions, leaves)."""
    return Emitter([arr], set()).expression(arr)


OPERATORS = {"{0} + {1}": "np.add", "{0} - {1}": "np.subtract", "{0} * {1}": "np.multiply",
             "{0} / {1}": "np.divide", "{0} ** {1}": "np.power", "-{0}": "np.negative", "{0} @ {1}": "np.matmul"}
"""Operator templates and the ufunc each one is (the ufunc takes ``out=``)."""
_CALL = re.compile(r"^(np\.\w+)\((\{\d\}(?:, \{\d\})*)\)$")
_FRESH = ("np.sum(", "np.max(", "np.min(", "np.prod(", "np.einsum(", "np.where(", "np.logical_")
"""Templates that return a new array (never a view of an argument)."""
_COMPARE = re.compile(r"^\(?\{0\} (==|!=|<|<=|>|>=) \{1\}\)?$")


MATMUL_HALVES = "_matmul_halves"
"""Name of the emitted helper :func:`matmul_halves_source`; a statement of it takes ``out=`` as ``np.matmul``."""


def matmul_halves_source() -> str:
    r"""Source of ``_matmul_halves(a, b, out=None)`` $= a b$; in float32 as $a_{:,:h} b_{:h,:} + a_{:,h:} b_{h:,:}$,
    $h = \lfloor k/2 \rfloor$: one pairwise step over the contracted axis, which halves the accumulated rounding
    error of BLAS's running sums (measured on attention's scores, d = 64: 1.4e-7 -> 1.0e-7 rms relative)
    at one more pass over the result; float64 and short axes take one product."""
    return f'''def {MATMUL_HALVES}(a, b, out=None):
    """a @ b; in float32 as the sum of two products over the halves of the contracted axis (one pairwise step)."""
    k = a.shape[-1]
    if np.result_type(a, b).itemsize >= 8 or k < 16:
        return np.matmul(a, b, out=out)
    h = k // 2
    out = np.matmul(a[..., :h], b[..., :h, :], out=out)
    out += np.matmul(a[..., h:], b[..., h:, :])
    return out
'''


MATMUL_LONG = "_matmul_long"
"""Name of the emitted helper :func:`matmul_long_source`: every other matrix product of a function body."""

MATMUL_PRODUCTS = ("np.matmul", MATMUL_HALVES, MATMUL_LONG)
"""The statement functions that are matrix products (never written into an array they read)."""


def matmul_long_source() -> str:
    r"""Source of ``_matmul_long(a, b, out=None)`` $= a b$, summed in halves of the contracted axis as
    :data:`MATMUL_HALVES` where the product $m \times n$ has no more elements than its operands on average,
    $mn \le k(m + n)/2$ (a contraction long beside the result: attention's $A V$, $n \times n$ times $n \times d$):
    the pass that adds the halves is then a small part of the product (measured, float32, one thread:
    $512 \times 512$ by $512 \times 64$ 1.04x, $1024$-long 1.00x, $64 \times 64$ by $64 \times 64$ 1.16x, against
    1.29x for $Q K^\top$, $512 \times 64$ by $64 \times 512$, which keeps one product unless an exponential reads it).
    In float32 the pairwise step halves the running sums' rounding error: attention's output at $n = 64$, worst
    of 30 seeded draws against float64, 6.8e-7 -> 5.8e-7 (PyTorch 8.1e-7); float64 takes one product."""
    return f'''def {MATMUL_LONG}(a, b, out=None):
    """a @ b; in float32 summed in two halves of the contracted axis where the product is no larger than its operands."""
    if a.shape[-2] * b.shape[-1] * 2 <= a.shape[-1] * (a.shape[-2] + b.shape[-1]):
        return {MATMUL_HALVES}(a, b, out=out)
    return np.matmul(a, b, out=out)
'''


SCALED_MATMUL = "_scaled_matmul"
"""Name of the emitted helper :func:`scaled_matmul_source`; a statement of it takes ``out=`` as ``np.matmul``."""


def scaled_matmul_source() -> str:
    r"""Source of ``_scaled_matmul(a, b, s, halves, out=None)`` $= s\,(a b)$ for a number $s$: $s$ multiplies
    whichever of $a$, $b$ and $a b$ has the fewest elements, $(s a) b$ or $a (s b)$ when an operand is smaller
    than the product (attention's $Q K^\top / \sqrt{d}$: $Q$ is $n \times d$, the scores $n \times n$), so no pass
    over the product is spent on the number.  The number rounds once either way, on an operand or on the
    product; a power of two (the $1/\sqrt d$ of $d = 4^k$) is exact on both.  Operands stay as given where
    $|s| \notin [2^{-8}, 2^{8}]$: scaled by a far larger or smaller number, an operand's elements could
    overflow or fall below the normal range where the product's do not.  ``halves``: the product as
    :data:`MATMUL_HALVES`, else as :data:`MATMUL_LONG`."""
    return f'''def {SCALED_MATMUL}(a, b, s, halves, out=None):
    """s * (a @ b) for a number s, s applied to the smallest of a, b and the product (one pass over it)."""
    mul = {MATMUL_HALVES} if halves else {MATMUL_LONG}
    if 0.00390625 <= abs(s) <= 256.0:
        rows = max(a.size // max(1, a.shape[-2] * a.shape[-1]), b.size // max(1, b.shape[-2] * b.shape[-1]))
        product = rows * a.shape[-2] * b.shape[-1]
        if a.size <= b.size and a.size < product:
            return mul(a * s, b, out=out)
        if b.size < product:
            return mul(a, b * s, out=out)
    out = mul(a, b, out=out)
    out *= s
    return out
'''


EXP_BASE2 = "_exp_base2"
"""Name of the emitted helper :func:`exp_base2_source`; a statement of it takes ``out=`` as the ufunc ``np.exp``."""


def exp_base2_source() -> str:
    r"""Source of ``_exp_base2(x, out=None)`` $= e^x$; in float32 as $2^{x \log_2 e}$: one multiplication pass
    (0.10 ns per element on a cache-resident block) and NumPy's ``exp2`` (0.23) against its ``exp`` (0.48), and
    ``exp2`` errs by up to 1 ulp where float32 ``exp`` errs by up to 2.3 (over $[-80, 80]$, against float64).
    The multiplication adds about $2u|x|$ to the argument, so it is taken only where $x \le 0$ is a shift by its
    own row's maximum ($e^{z - \max z}$, :meth:`Emitter._exp_of_shifted`): an element's added error is then
    at most $2u|x|e^{x} \le 0.74u$ of the row's largest.  float64 (where ``exp2`` and a pass cost more than
    ``exp``) takes ``np.exp``."""
    return f'''def {EXP_BASE2}(x, out=None):
    """e^x; in float32 as 2^(x log2(e)): exp2 is twice as fast as exp there, and as accurate."""
    if x.dtype != np.float32:
        return np.exp(x, out=out)
    out = np.multiply(x, {LOG2E!r}, out=out)
    return np.exp2(out, out=out)
'''


def ufunc_of(a: Arr) -> str | None:
    """The NumPy ufunc (``np.add``) that ``a``'s template applies to its arguments in order, else None."""
    if a.template in OPERATORS:
        return OPERATORS[a.template]
    m = _CALL.match(a.template)
    if m and m.group(2) == slots(len(a.args)) and isinstance(getattr(np, m.group(1)[3:], None), np.ufunc):
        return m.group(1)
    return None


def is_fresh(a: Arr) -> bool:
    """``a``'s code allocates its result (a ufunc, a reduction, ``np.where``): never a view of an argument."""
    return bool(a.args) and (ufunc_of(a) is not None or a.template.startswith((*_FRESH, SCALED_MATMUL + "("))
                             or bool(_COMPARE.match(a.template)))


STRIDED_OUT = "_strided_out"
r"""The generated code's flag: the caller's array ``_out`` is strided along its last axis (a block of a transposed input,
e.g. batch normalization's features x batch view, whose output slice is runs of a row at a large power-of-two
stride).  Its statements then compute into compact temporaries and only the last one writes the caller's array, once
(:func:`codegen.lower_liveness.plan`)."""


@dataclass
class Stmt:
    """One named statement ``name = code``; ``ufunc`` and ``args`` when it may take ``out=``."""

    name: str
    code: str
    node: Arr
    ufunc: str | None = None
    args: tuple = ()
    out: str | None = None
    reads: set = field(default_factory=set)
    scratch: tuple[str, int] | None = None  # (dict name, key): a buffer kept from the previous call
    caller: tuple[str, int] | None = None  # (tuple name, position): the caller's array, if it gives one
    strided: str | None = None  # the flag (STRIDED_OUT) under which the caller's array ``out`` is written last
    last: str | None = None  # the caller's array this last statement of its buffer writes where ``strided`` holds

    def lines(self) -> list[str]:
        """The statement; with ``scratch``, the buffer taken from (and left in) the dict; with ``caller``
        also, the caller's array first (``_out[k]``, when ``_out`` is a tuple and it is not None); a
        ``quiet`` node's under ``np.errstate``."""
        if self.node.quiet:
            return ["with np.errstate(over='ignore', under='ignore', invalid='ignore'):",
                    *("    " + line for line in self._lines())]
        return self._lines()

    def _lines(self) -> list[str]:
        if self.strided is not None:  # the caller's array where it is row-contiguous, else a compact temporary
            kept = "None" if self.scratch is None else f"None if {self.scratch[0]} is None else {self.scratch[0]}.get({self.scratch[1]})"
            lines = [f"{self.name} = {self.ufunc}({', '.join(self.args)}, out=({kept}) if {self.strided} else {self.out})"]
            if self.scratch is not None:
                lines.append(f"if {self.scratch[0]} is not None and {self.strided}: {self.scratch[0]}[{self.scratch[1]}] = {self.name}")
            return lines
        if self.out is not None or self.scratch is None:
            return [self._assignment()]
        ws, k = self.scratch
        kept = f"None if {ws} is None else {ws}.get({k})"
        if self.caller is None:
            return [f"{self.name} = {self.ufunc}({', '.join(self.args)}, out={kept})",
                    f"if {ws} is not None: {ws}[{k}] = {self.name}"]
        out, j = self.caller
        return [f"_given_out = None if {out} is None else {out}[{j}]",
                f"{self.name} = {self.ufunc}({', '.join(self.args)}, "
                f"out=_given_out if _given_out is not None else ({kept}))",
                f"if {ws} is not None and _given_out is None: {ws}[{k}] = {self.name}"]

    def text(self) -> str:
        return "\n".join(self.lines())

    def _assignment(self) -> str:
        if self.out is None and self.ufunc in MATMUL_PRODUCTS[1:]:  # the helper, with no buffer to write into
            return f"{self.name} = {self.ufunc}({', '.join(self.args)})"
        if self.out is None:
            return f"{self.name} = {self.code}"
        if self.last is not None:
            return f"{self.name} = {self.ufunc}({', '.join(self.args)}, out={self.last} if {STRIDED_OUT} else {self.out})"
        return f"{self.name} = {self.ufunc}({', '.join(self.args)}, out={self.out})"


_EXTREMA = ("np.max(", "np.min(")


def _scale_of(den: Arr, num: Arr, depth: int = 6) -> bool:
    r"""``den`` is built from a largest (or smallest) entry of ``num`` itself, as the scale $M = \max_j |x_j|$ of a
    homogeneous scaling: then $x_k / M$ is exactly $\pm 1$ at the top entry, where $x_k \cdot (1/M)$ may round one ulp
    below, and a large power of it ($(x_k/M)^{10^{300}}$ in a generalized mean) is 1 against 0."""
    if depth < 0:
        return False
    if den.template.startswith(_EXTREMA) and den.args and _same_input(den.args[0], num):
        return True
    return any(_scale_of(c, num, depth - 1) for c in den.args)


LOG2E = 1.4426950408889634
r"""$\log_2 e$ as the nearest float64 (a Python float: a weak scalar, rounded once more in float32 code)."""


def _reads_product(a: Arr) -> bool:
    """``a`` is a matrix product or computed elementwise from one (the same axes): its value carries the
    product's rounding error."""
    a = _bare(a)
    if a.kind == "reduce" and a.hint == "mm":
        return True
    return a.kind == "op" and any(isinstance(c, Arr) and c.labels and len(c.labels) == len(a.labels) and
                                  _reads_product(c) for c in a.args)


def _bare(a: Arr) -> Arr:
    """``a`` without the plain wrappers (``{0}``) around it."""
    while a.template == "{0}" and len(a.args) == 1:
        a = a.args[0]
    return a


def _same_input(a: Arr, b: Arr) -> bool:
    """The same node, or the same leaf (an input array) under plain wrappers."""
    a, b = _bare(a), _bare(b)
    return a is b or (not a.args and not b.args and a.template == b.template)


class Emitter:
    """Statements for a DAG of nodes: shared nodes and reductions named, the rest inlined.

    With ``three_address`` (function bodies), every array-valued ufunc of the computed dtype is named
    as well, so that :mod:`codegen.lower_liveness` can write it into a dead buffer (``out=``);
    a division by an array with fewer axes is a multiplication by its reciprocal (one division per
    row, not per element); a NumPy function of numbers only is made a Python ``float`` (a NumPy
    scalar would promote a float32 array to float64).
    """

    def __init__(self, roots, taken: set[str], *, inputs=(), three_address: bool = False):
        self.refs: dict[int, int] = {}
        self.names: dict[int, str] = {}
        self.stmts: list[Stmt] = []
        self.taken = set(taken)
        self.counter = 0
        self.inputs = set(inputs)
        self.three_address = three_address
        self._dtype: dict[int, str | None] = {}
        self._recip: dict[int, Arr] = {}
        self._base2: set[int] = set()
        if three_address:
            seen: set = set()
            for r in roots:
                self._reciprocals(r, seen)
        if three_address and inputs:
            seen, wide = set(), {}
            for r in roots:
                self._wide_rows(r, seen, wide)
        for r in roots:
            self._count(r)
        if three_address:
            seen = set()
            for r in roots:
                self._exp2_of_scaled(r, seen)
            seen = set()
            for r in roots:
                self._exp_of_shifted(r, seen)
            seen = set()
            for r in roots:
                self._exp_under_log_sum(r, seen)
            seen = set()
            for r in roots:
                self._scaled_products(r, seen)

    @property
    def lines(self) -> list[str]:
        return [s.text() for s in self.stmts]

    def _reciprocals(self, a: Arr, seen: set):
        r"""$x_{ij} / d_i$ becomes $x_{ij} \cdot (1 / d_i)$ (rewritten in place: the same value)."""
        if id(a) in seen:
            return
        seen.add(id(a))
        for c in a.args:
            self._reciprocals(c, seen)
        if a.template == "{0} / {1}":
            num, den = a.args
            core = den.args[0] if den.template.startswith("{0}[...") and len(den.args) == 1 else den
            smaller = len(core.labels) < len(a.labels) or (a.batched and not core.batched)
            if smaller and len(num.labels) == len(a.labels) and None not in a.labels and not _scale_of(core, num):
                if id(core) not in self._recip:
                    self._recip[id(core)] = Arr("1 / {0}", (core,), core.labels, core.batched, MUL, "op", "r",
                                                (MUL + 1,))
                recip = self._recip[id(core)]
                if core is not den:  # the same view of the reciprocal
                    recip = Arr(den.template, (recip,), den.labels, den.batched, den.prec, den.kind, den.hint,
                                den.need)
                a.template, a.args, a.need = "{0} * {1}", (num, recip), (MUL, MUL + 1)

    def _scaled_products(self, a: Arr, seen: set):
        r"""$s \cdot (A B)$ for a number $s$ and a matrix product used nowhere else becomes one call of
        :data:`SCALED_MATMUL` (rewritten in place: the same value), which puts $s$ on the smallest of
        $A$, $B$, $A B$ at run time instead of a pass over the product."""
        if id(a) in seen:
            return
        seen.add(id(a))
        for c in a.args:
            self._scaled_products(c, seen)
        if a.template != "{0} * {1}" or not a.labels or None in a.labels:
            return
        for mm, s in (a.args, a.args[::-1]):
            mm = _bare(mm)
            if (mm.kind == "reduce" and mm.hint == "mm" and mm.template == "{0} @ {1}" and
                    self.refs.get(id(mm)) == 1 and mm.labels == a.labels and mm.batched == a.batched and
                    self.dtype(mm) == "dt" and self.dtype(s) == "weak"):
                a.template = f"{SCALED_MATMUL}({{0}}, {{1}}, {{2}}, {mm.halves})"
                a.args, a.need, a.prec = (*mm.args, s), (), ATOM
                a.kind, a.hint = "reduce", "mm"
                return

    def _exp2_of_scaled(self, a: Arr, seen: set):
        r"""$e^{s X} = 2^{(s \log_2 e) X}$ for a number $s$ and an array $X$ computed from a matrix product
        (attention's scores, $e^{Q K^\top / \sqrt d}$ and $e^{(S - m) / \sqrt d}$): ``np.exp2`` of the product with
        $s \log_2 e$ in place of $s$ (rewritten in place: the same value; the factor costs nothing, it joins the
        number).  NumPy's ``exp2`` is the faster and, in float32, the more accurate function (one thread, a
        cache-resident block, CPU time: float32 0.23 against 0.48 ns per element, float64 0.77 against 0.86;
        largest error over [-80, 80] in float32 0.98 against 2.29 ulp, float64 0.64 against 0.62).  The
        factor's two roundings (of $s \log_2 e$, and of the product) add at most $2u|sX|$ to an argument that
        already carries the matrix product's rounding error, at least $u|sX|$ (the same reason its products are
        summed in halves, :data:`MATMUL_HALVES`); an argument that may be exact (an input scaled by a power of
        two, $e^{-x/2}$) keeps ``np.exp``: there the factor's roundings would be the only error besides the
        function's own."""
        if id(a) in seen:
            return
        seen.add(id(a))
        for c in a.args:
            self._exp2_of_scaled(c, seen)
        if a.template != "np.exp({0})" or not a.labels or None in a.labels:
            return
        prod = _bare(a.args[0])
        if prod.template != "{0} * {1}" or self.refs.get(id(prod)) != 1 or prod.labels != a.labels:
            return
        for k in (0, 1):
            s, x = prod.args[k], prod.args[1 - k]
            if self.dtype(s) == "weak" and self.dtype(x) == "dt" and _reads_product(x):
                scaled = Arr(f"{LOG2E!r} * {{0}}", (s,), s.labels, s.batched, MUL, "op", "r", (MUL + 1,))
                self._dtype[id(scaled)] = "weak"
                self.refs[id(scaled)] = 1
                prod.args = (scaled, x) if k == 0 else (x, scaled)
                a.template = "np.exp2({0})"
                return

    def _exp_of_shifted(self, a: Arr, seen: set):
        r"""$e^{x - \max x}$ (the shifted exponentials of a softmax and its VJP, $x$ and its maximum over the
        same row) is computed by :data:`EXP_BASE2`: in float32 as $2^{(x - \max x) \log_2 e}$."""
        if id(a) in seen:
            return
        seen.add(id(a))
        for c in a.args:
            self._exp_of_shifted(c, seen)
        if a.template != "np.exp({0})" or not a.labels or None in a.labels or self.dtype(a) != "dt":
            return
        shifted = _bare(a.args[0])
        if shifted.template != "{0} - {1}" or shifted.labels != a.labels:
            return
        top = _bare(shifted.args[1])
        if top.template.startswith("{0}[") and len(top.args) == 1:  # the maximum broadcast over its row
            top = _bare(top.args[0])
        if top.template.startswith("np.max(") and len(top.args) == 1 and _same_input(top.args[0], shifted.args[0]):
            self._base2.add(id(a))

    def _exp_under_log_sum(self, a: Arr, seen: set):
        r"""The exponentials of a log-sum-exp, $\log \sum_j e^{x_j}$ (cross-entropy from logits, unshifted), read by
        nothing but their sum, and the sum by nothing but the log, are computed by :data:`EXP_BASE2`: in float32
        as $2^{x \log_2 e}$, 0.88x the float32 cross-entropy forward's time.  The two roundings of $x \log_2 e$
        make each term $e^{x_j (1 + \delta_j)}$, $|\delta_j| \le 2u$: the result is the exact log-sum-exp of an
        input perturbed by $2u$ relative, and its absolute error grows by at most $2u \sum_j p_j |x_j|$
        ($p = \mathrm{softmax}(x)$), the order of the error of the shift $x_j - \max x$ (up to $u|x_j - \max x|/2$
        per term) that a shifted log-softmax such as PyTorch's makes; ``exp2`` errs by 1 ulp where float32
        ``exp`` errs by up to 2.3.  An exponential read anywhere else (a softmax $e^{x_k}/S$, whose every
        element's relative error would grow by $2u|x_k|$) keeps ``np.exp``; float64 takes ``np.exp``."""
        if id(a) in seen:
            return
        seen.add(id(a))
        for c in a.args:
            self._exp_under_log_sum(c, seen)
        if a.template != "np.log({0})" or len(a.args) != 1:
            return
        total = _bare(a.args[0])
        if total.kind != "reduce" or total.hint != "sum" or len(total.args) != 1 or self.refs.get(id(total)) != 1:
            return
        e = _bare(total.args[0])
        if (e.template == "np.exp({0})" and self.refs.get(id(e)) == 1 and e.labels and None not in e.labels
                and self.dtype(e) == "dt"):
            self._base2.add(id(e))

    _WIDE_OPS = ("np.multiply", "np.add", "np.subtract", "np.divide")

    def _wide_rows(self, a: Arr, seen: set, wide: dict):
        r"""A value per row (fewer axes than the array it meets: layer normalization's
        $1/\sqrt{\sigma^2 + \epsilon}$) that takes three roundings or more to compute from its sums and inputs is
        computed in float64 from them and rounded to the function's dtype once, where an elementwise pass over the
        full array reads it: in float32 every element of the row carries that value's error, which float64 makes a
        single rounding (0.5 ulp, not about 2); its cost is a few operations per row (float32 layer and batch norm,
        forward and backward: 0-2%, CPU time on a loaded machine).  Measured in float32 against float64, worst of 10
        draws (``benchmarks/float32_accuracy.py``): layer norm forward 1.63e-7 -> 1.40e-7 (PyTorch 1.53e-7), backward
        2.56e-7 -> 2.14e-7, batch norm forward 1.55e-7 -> 1.48e-7; a mean (a sum times $1/n$, two roundings) gained
        nothing there and stays as it is.  float64 functions compute the same bits (the casts are no-ops)."""
        if id(a) in seen:
            return
        seen.add(id(a))
        for c in a.args:
            self._wide_rows(c, seen, wide)
        if ufunc_of(a) not in self._WIDE_OPS or not a.labels or None in a.labels:
            return
        args = list(a.args)
        for k, c in enumerate(args):
            view = c if c.template.startswith("{0}[") and len(c.args) == 1 else None
            core = view.args[0] if view is not None else c
            if len(core.labels) >= len(a.labels) or not core.batched or core.kind != "op" or \
                    self._roundings(core) < 3 or self.dtype(core) != "dt":
                continue
            cast = Arr("np.asarray({0}, dtype)", (self._wide(core, wide),), core.labels, core.batched, ATOM, "op", "r")
            self._dtype[id(cast)] = "dt"
            args[k] = cast if view is None else dataclasses.replace(view, args=(cast,))
        a.args = tuple(args)

    def _roundings(self, a: Arr, depth: int = 12) -> int:
        """Arithmetic operations from ``a`` down to its sums and inputs (each may round once)."""
        if not a.args or a.kind != "op" or depth < 0:
            return 0
        return (1 if ufunc_of(a) or a.template.startswith("1 / ") else 0) + sum(
            self._roundings(c, depth - 1) for c in a.args)

    def _wide(self, a: Arr, wide: dict) -> Arr:
        """A copy of the row expression ``a`` whose sums and inputs of the function's dtype are read as float64."""
        if id(a) in wide:
            return wide[id(a)]
        if a.args and a.kind == "op":
            out = dataclasses.replace(a, args=tuple(self._wide(c, wide) for c in a.args))
        elif self.dtype(a) == "dt" and a.wide is not None:
            out = a.wide  # the value as computed in float64, before its rounding to the dtype
        elif self.dtype(a) == "dt":
            out = Arr("np.asarray({0}, np.float64)", (a,), a.labels, a.batched, ATOM, "op", "w")
        else:
            out = a
        self._dtype[id(out)] = "wide" if out is not a else self.dtype(a)
        wide[id(a)] = out
        return out

    def _count(self, a: Arr):
        self.refs[id(a)] = self.refs.get(id(a), 0) + 1
        if self.refs[id(a)] == 1:
            for c in a.args:
                self._count(c)

    def dtype(self, a: Arr) -> str | None:
        """``"dt"`` (the function's float dtype), ``"weak"`` (a Python number), ``"int"``, ``"bool"`` or None."""
        if id(a) in self._dtype:
            return self._dtype[id(a)]
        if a.float64 or a.wide is not None:  # a float64 value, or one rounded from it to the dtype
            self._dtype[id(a)] = "wide" if a.float64 else "dt"
            return self._dtype[id(a)]
        if not a.args:
            out = ("dt" if a.template in self.inputs else "int" if a.template.startswith("np.arange")
                   else "weak" if not a.batched and not a.labels else None)
        elif _COMPARE.match(a.template) or a.template.startswith("np.logical_"):
            out = "bool"
        else:
            kinds = [self.dtype(c) for c in (a.args[1:] if a.template.startswith("np.where(") else a.args)]
            if fresh_or_view_of_one(a) and len(a.args) == 1:
                out = kinds[0]
            elif any(k not in ("dt", "weak") for k in kinds):
                out = None
            else:
                out = "dt" if "dt" in kinds else "weak"
        self._dtype[id(a)] = out
        return out

    def _named(self, a: Arr) -> bool:
        """Shared nodes, and reductions for readability; but a matrix product used once stays inline,
        so that its (full-size) temporary is freed as soon as it is consumed: named, it would live
        until the function returns (measured: 10% of attention's time, in fresh pages).  In
        three-address form every array ufunc is named: the liveness pass frees it after its last use."""
        if a.kind == "leaf":
            return False
        if self.three_address and a.labels and None not in a.labels and self.dtype(a) == "dt" and \
                (ufunc_of(a) or a.template.startswith(SCALED_MATMUL + "(")):
            return True
        return self.refs[id(a)] >= 2 or (a.kind == "reduce" and a.hint != "mm")

    def _name(self, hint: str) -> str:
        while True:
            name = f"{hint}_{self.counter}"
            self.counter += 1
            if name not in self.taken:
                self.taken.add(name)
                return name

    def expression(self, a: Arr) -> str:
        if id(a) in self.names:
            return self.names[id(a)]
        args, raw = [], []
        for c in a.args:
            text = self.expression(c)
            raw.append(text)
            prec = ATOM if text.isidentifier() else c.prec
            args.append(text if prec >= a.slot_need(len(args)) else f"({text})")
        code = a.template.format(*args) if a.args else a.template
        if self.three_address and a.args and not a.batched and not a.labels and ufunc_of(a) and \
                a.template.startswith("np."):
            code = f"float({code})"  # a NumPy scalar is not weak: it would promote float32 arrays
        if self.three_address and a.kind == "reduce":
            code = blas_row_reduction(a, raw, [self.dtype(c) for c in a.args]) or code
        if self._named(a):
            name = self._name(a.hint)
            fn = ufunc_of(a) if self.dtype(a) == "dt" and a.labels and None not in a.labels else None
            if fn == "np.matmul":
                fn = MATMUL_HALVES if a.halves else MATMUL_LONG
            if fn == "np.exp" and id(a) in self._base2:
                fn, code = EXP_BASE2, f"{EXP_BASE2}({raw[0]})"
            if a.template.startswith(SCALED_MATMUL + "(") and self.dtype(a) == "dt":
                fn, raw = SCALED_MATMUL, [*raw, a.template.rsplit(", ", 1)[1].rstrip(")")]
            self.stmts.append(Stmt(name, code, a, fn, tuple(raw)))
            self.names[id(a)] = name
            return name
        return code


_ROW_DOT = re.compile(r"^np\.einsum\('\.\.\.(\w*)(\w+),\.\.\.\1\2->\.\.\.\1', \{0\}, \{1\}, optimize=False\)$")
"""An einsum of two arrays with the same axes that sums their product over its trailing axes."""


def blas_row_reduction(a: Arr, args: list[str], kinds: list) -> str | None:
    r"""A reduction over the last axis of arrays of the computed dtype as a BLAS call, or None.

    * $\sum_j u_{ij}$ (``np.sum(u, axis=-1)``) is a dot of each row with ones (:func:`row_dot`),
      2.3x faster than NumPy's reduction in float32, 1.4x in float64 (measured on one L2-sized block
      of 256 x 1024 float32, 128 x 1024 float64), as accurate (sums of 1024 exponentials in float32:
      worst relative error 3.1e-7, ``np.sum`` 3.0e-7; a matrix-vector product ``u @ 1`` is faster
      still but its worst is 1.1e-6).  When the last axis is strided (a block of a transposed input),
      where a dot per row would stride across memory (12x slower), ``u @ 1``: BLAS's matrix-vector
      product in memory order, more accurate there than ``np.sum``'s sequential sum (7.4e-7 against 2.5e-6);
    * $\sum_j u_{ij} v_{ij}$ (``np.einsum('...a,...a->...', u, v)``) is :func:`row_dot`: one
      BLAS dot per row, 2x (float32) to 2.5x (float64) faster than einsum's loop, when the last
      axis of both is contiguous; else (the blocks of a transposed input) einsum, whose loop follows
      memory order where a dot per row would stride across it (measured 9x slower).  A sum over
      several trailing axes ($\sum_{jk} u_{ijk} v_{ijk}$, a loss summed over a batch of rows) is a dot
      per row of the last axis, the dots added by ``np.sum`` in float64 and rounded once: one dot over
      the axes flattened (a block of 256 x 1024 float32 terms in BLAS's vector lanes) erred 3x PyTorch's
      cross-entropy from logits in float32 (9.0e-8 against 3.1e-8, worst of 5 draws).

    BLAS dots accumulate in several vector lanes (a sum of length $n$ is added in runs of about
    $n/32$): their rounding error is of the order of NumPy's pairwise sum, not of a sequential one
    (``benchmarks/float32_accuracy.py`` checks the kernels against PyTorch's float32).
    ``args``: the arguments' code, each read twice (so only names of arrays of the computed dtype:
    the ``kinds`` of the arguments are :meth:`Emitter.dtype`'s).
    """
    if not all(k == "dt" and t.isidentifier() for k, t in zip(kinds, args)) or not args:
        return None
    if a.template == "np.sum({0}, axis=-1)":
        (u,) = args
        return (f"({row_dot(u, f'np.ones({u}.shape[-1], {u}.dtype)')} if {u}.strides[-1] == {u}.itemsize "
                f"else np.matmul({u}, np.ones({u}.shape[-1], {u}.dtype)))")
    m = _ROW_DOT.match(a.template) if len(args) == 2 else None
    if m is None:
        return None
    u, v = args
    k = len(m.group(2))
    if k == 1:
        code = (f"({row_dot(u, v)} if {u}.strides[-1] == {v}.strides[-1] == {u}.itemsize "
                f"else {strided_row_dot(u, v, a.template.format(u, v))})")
        if a.float64 and u == v:
            return chunked_squares(u, code) if a.chunked else f"np.asarray({code}, np.float64)"
        return code
    # several trailing axes summed: a dot per row of the last axis, the rows' dots added pairwise in float64
    return (f"(np.sum({row_dot(u, v)}, axis={tuple(range(1 - k, 0))}, dtype=np.float64).astype({u}.dtype) "
            f"if {u}.strides[-1] == {v}.strides[-1] == {u}.itemsize else {a.template.format(u, v)})")


STRIDED_CHUNKS = 8
r"""Chunks of a float32 sum of products over a strided last axis (:func:`strided_row_dot`)."""


def strided_row_dot(u: str, v: str, einsum: str) -> str:
    r"""Code of $\sum_j u_{\dots j} v_{\dots j}$ over a strided last axis (the blocks of a transposed input).

    einsum's loop adds the terms of each row one after another (error growing as $n\,\varepsilon$: in
    float32 over 1024 rows of a batch-norm block, 1.4e-6 relative); below float64, the product written
    into a block-sized temporary and summed by BLAS's matrix-vector product, in memory order with
    several columns at a time, errs 4.2e-7 for 30% more time (1.7 ms against 1.3 per 16 blocks of
    256 x 1024).  BLAS adds each row's terms in order there too, so the product's transpose is cut into
    :data:`STRIDED_CHUNKS` runs of the summed axis, each summed by one matrix-vector product, and the
    chunks' sums added in order: the same pass, one more level of pairwise summation, 1.5e-7 (10 us more
    per block); it is what puts the float32 batch norm's variance, and so every output it scales, inside
    PyTorch's error (forward, worst of 3 draws of 1024 x 4096: 2.3e-7 -> 1.1e-7, PyTorch 2.0e-7).  Each
    chunk's product is summed before the next one is computed, so the temporary is one chunk (an eighth
    of the array where a transposed input runs unblocked, :func:`codegen.lower_blocks.row_block_lines`;
    the same sums in the same order as one product of the whole: :data:`STRIDED_ROW_DOT`).  Where the axis
    does not split into chunks of at least 8 terms, or the operands' shapes differ, one product as before.
    In float64 einsum's $n\,\varepsilon$ is far inside the certificate's tolerance: einsum."""
    c = STRIDED_CHUNKS
    n = f"{u}.shape[-1]"
    return (f"({STRIDED_ROW_DOT}({u}, {v}) if {u}.itemsize < 8 and {u}.size and {n} >= {8 * c} and {n} % {c} == 0 "
            f"and {u}.shape == {v}.shape "
            f"else np.matmul(np.multiply({u}, {v}), np.ones({n}, {u}.dtype)) if {u}.itemsize < 8 else {einsum})")


STRIDED_ROW_DOT = "_strided_row_dot"
"""Name of the emitted helper :func:`strided_row_dot_source`, the chunked sum of :func:`strided_row_dot`."""


def strided_row_dot_source() -> str:
    r"""Source of ``_strided_row_dot(u, v)`` $= \sum_j u_{\dots j} v_{\dots j}$ over a strided last axis whose length
    :data:`STRIDED_CHUNKS` divides: each chunk of the axis multiplied and summed by one matrix-vector product
    before the next is taken (the temporary is one chunk), the chunks' sums added in order."""
    c = STRIDED_CHUNKS
    return f'''def {STRIDED_ROW_DOT}(u, v):
    """sum over the strided last axis of u * v in {c} chunks, each summed by BLAS, the chunks' sums added in order."""
    k = u.shape[-1] // {c}
    ones = np.ones(k, u.dtype)
    total = None
    for _j in range({c}):
        part = np.matmul(ones, np.multiply(u[..., _j * k:(_j + 1) * k], v[..., _j * k:(_j + 1) * k]).T.reshape(k, -1))
        total = part if total is None else np.add(total, part, out=total)
    return total.reshape(u.shape[-2::-1]).T
'''


ROW_CHUNKS = 4
r"""Runs of a float32 sum of squares over a contiguous last axis kept in float64 (:func:`chunked_squares`)."""


def chunked_squares(u: str, code: str) -> str:
    r"""Code of $\sum_j u_{\dots j}^2$ in float64: below float64 and over a contiguous last axis, the axis cut into
    :data:`ROW_CHUNKS` runs, one BLAS dot per run (a batch of them in one call), the runs' sums added in float64;
    elsewhere ``code`` (the sum in the function's dtype) read as float64.

    A BLAS dot adds a row in a few dozen vector lanes, each a running sum of some $n/32$ terms; a sum of squares
    has no cancellation, so that rounding is all its error: over rows of 1024 standard normal float32 terms, one
    dot per row errs up to 2.5 ulp (0.60 on average), eight 0.77 (0.19).  Rounded back to float32 the gain is
    lost (the rounding alone is up to half an ulp; the layer norm's error did not move): the sum stays in float64
    where the row's value is computed in float64 from it (layer normalization's $1/\sqrt{\sigma^2 + \epsilon}$,
    :meth:`Emitter._wide_rows`).  Layer norm forward, float32, 4096 x 1024, against float64: mean of 8 draws
    1.19e-7 -> 1.14e-7 (PyTorch 1.18e-7; 8 chunks 1.13e-7; 2 chunks 1.18e-7, one draw worse, 1.56e-7), worst of
    the first 3 draws 1.28e-7 -> 1.09e-7 (PyTorch 1.24e-7), worst of 8 unchanged, 1.34e-7 (PyTorch 1.30e-7: that
    draw's worst element is the products' roundings).  It costs the float32 layer norm forward and backward about
    6% of their time (CPU time side by side; the chunked dots 0.069 against 0.043 ms for a block of 512 rows).
    Where the axis is shorter than ``64 * ROW_CHUNKS`` or does not split evenly, ``code``.  Not in a gradient
    function (``Arr.chunked``): the layer norm VJP's error is its own sums' ($g\gamma$ less two means that cancel),
    and with one dot per row it erred mean 2.14e-7 against 2.10e-7 chunked, worst 3.25e-7 both (8 draws of 4096 x
    1024 against float64; PyTorch 2.2e-6, 2.6e-6), for 0.98x its time."""
    c = ROW_CHUNKS
    n = f"{u}.shape[-1]"
    left = f"{u}.reshape({u}.shape[:-1] + ({c}, 1, {n} // {c}))"
    right = f"{u}.reshape({u}.shape[:-1] + ({c}, {n} // {c}, 1))"
    chunked = f"np.sum(np.asarray(np.matmul({left}, {right})[..., 0, 0], np.float64), axis=-1)"
    return (f"({chunked} if {u}.itemsize < 8 and {u}.strides[-1] == {u}.itemsize and {n} >= {64 * c} "
            f"and {n} % {c} == 0 else np.asarray({code}, np.float64))")


def row_dot(u: str, v: str) -> str:
    r"""Code of $\sum_j u_{\dots j} v_{\dots j}$ as a batch of (1 x n) @ (n x 1) products: one BLAS dot per
    row, as ``np.vecdot`` (NumPy >= 2) computes it (measured: the same results, 5-15% slower), in any
    NumPy >= 1.16 (the generated modules need NumPy >= 1.24 only)."""
    return f"np.matmul({u}[..., None, :], {v}[..., :, None])[..., 0, 0]"


def fresh_or_view_of_one(a: Arr) -> bool:
    """A node of one argument whose dtype is its argument's (a view, a reduction, a unary ufunc)."""
    return len(a.args) == 1 and not a.template.startswith(("np.arange", "float("))
