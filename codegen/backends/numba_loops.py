r"""Index notation printed as loops: the kernel body of the numba backend (:mod:`codegen.backends.numba`).

The leading batch axes of every input are flattened to rows, so a kernel is an outer loop over rows and a
per-row body.  Inside a row each node of the (already stability-rewritten) expression is computed in the
outermost loop where its free indices are bound (loop-invariant code motion): softmax's

.. math:: \sigma_i = \frac{e^{z_i - m}}{\sum_j e^{z_j - m}}, \qquad m = \max_j z_j

prints as one pass per hoisted reduction and one for the output::

    for r in range(R):
        m = -inf;  for j: m = max(m, z[r, j])        # ExpShift: computed once per row
        s = 0.0;   for j: s += exp(z[r, j] - m)      # hoisted out of the output loop
        for i: sigma[r, i] = exp(z[r, i] - m) / s

A node is computed once per row and shared by every output of the function (the joint VJP's gradients
read the same $\mu$, $\sigma^2$); a factor of a sum that does not depend on its index is taken out of it
($\sum_i c\,u_i = c \sum_i u_i$, so that a sum does not wait for a scalar it need not read), and
consecutive passes over the same range that do not read each other's results are one pass (:func:`fuse`).

Values are float64 scalars (sums accumulate in float64 whatever the arrays' dtype); an exponential calls
``_exp_T``, which the module binds to a float32 or a float64 vectorizable exponential
(:mod:`codegen.backends.numba_runtime`).  A node without a loop form raises
:class:`~codegen.lower_nodes.UnsupportedNode` naming it: the formula then gets no numba function.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

import sympy as sp

from codegen.backends.numba_one_pass import centred_sum
from codegen.lower_nodes import UnsupportedNode
from codegen.lower_printer import _term_order
from codegen.lower_unit_scale import scale_parts
from codegen.lower_unshifted import ExpShift
from codegen.rules import SmallestNormal
from symbolic.expr import as_expr
from symbolic.functions import ReduceMax

EXP = "_exp_T"
"""The exponential a kernel calls; its float32 and float64 copies rename it (``_exp_f32``, ``_exp_f64``)."""
NARROW = "_f_T"
"""The cast of a product's factor to the kernel's dtype in a fast kernel's element loop (``np.float32`` in the float32
copy, nothing in the float64 one): :meth:`LoopPrinter.narrow_product`."""
INF_EXPONENT = "0x7F800000"
FINITE = "_fin_"
"""Stem of a fast kernel's finiteness check of its outputs (lines the float64 copy drops)."""
WHOLE = "_whole"
"""Prefix of a kernel's flag that an accumulated output (a gradient) has a row per row, ``_whole_o0 = _o0.shape[0] ==
_R``: each of its elements is then written once, stored (into ``np.empty``) rather than added to zeros, which saves
a pass that writes the zeros and the read of them (float32 softmax VJP 6.3 -> 5.3 ms).  Where the gradient is summed
over rows (a parameter broadcast over the batch, one row), the store adds."""

MATH = {"log": "math.log", "log1p": "math.log1p", "expm1": "math.expm1", "erf": "math.erf",
        "erfc": "math.erfc", "loggamma": "math.lgamma", "tanh": "math.tanh", "sinh": "math.sinh",
        "cosh": "math.cosh", "sin": "math.sin", "cos": "math.cos", "tan": "math.tan", "atan": "math.atan",
        "asin": "math.asin", "acos": "math.acos", "atanh": "math.atanh", "asinh": "math.asinh",
        "acosh": "math.acosh"}
"""sympy function -> its scalar ``math`` function in numba (a call per element: correct, not vectorized)."""

MAX_DEPTH = 2
"""Loops over a row's own indices (the row loop not counted) that a reduction may sit inside."""
MATMUL_REASON = ("a reduction inside loops over two of the function's own indices (a matrix product or a "
                 "convolution window): BLAS and the NumPy backend do it faster than scalar loops, so no numba "
                 "function is written for it")

_CANONICAL = sp.Dummy("k", integer=True)

RELATIONS = {"StrictGreaterThan": ">", "GreaterThan": ">=", "StrictLessThan": "<", "LessThan": "<=",
             "Equality": "==", "Unequality": "!="}


@dataclass(eq=False)
class Loop:
    """``for var in range(lo, stop):`` and its items (statement lines and nested loops), in order."""

    symbol: sp.Symbol | None
    var: str
    lo: str = "0"
    stop: str = "0"
    items: list = field(default_factory=list)

    def lines(self, indent: str = "") -> list[str]:
        out = [f"{indent}for {self.var} in range({self.lo}, {self.stop}):"]
        for item in self.items:
            out += item.lines(indent + "    ") if isinstance(item, Loop) else [indent + "    " + item]
        return out


class Branch(Loop):
    """``if not cond:`` and its items: a row's fallback (:meth:`LoopPrinter.one_pass_sum`).  A :class:`Loop` to the
    passes that walk items (:func:`fuse` never merges it: its range is no loop's), with no index of its own."""

    def __init__(self, cond: str, items: list | None = None):
        super().__init__(None, "", "if", cond, items if items is not None else [])

    def lines(self, indent: str = "") -> list[str]:
        out = [f"{indent}if not {self.stop}:"]
        for item in self.items:
            out += item.lines(indent + "    ") if isinstance(item, Loop) else [indent + "    " + item]
        return out


def _names(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z_]\w*", text))


def _text(item) -> str:
    return "\n".join(item.lines()) if isinstance(item, Loop) else item


def _assigned(item) -> set[str]:
    """Names a statement or a loop assigns (its accumulators and temporaries)."""
    lines = item.lines() if isinstance(item, Loop) else [item]
    out = set()
    for line in lines:
        m = re.match(r"\s*([A-Za-z_]\w*)(\[[^=]*\])?\s*(\+=|=)", line)
        if m and not line.lstrip().startswith("for "):
            out.add(m.group(1))
    return out


def fuse(items: list) -> list:
    r"""Consecutive loops over the same range merged where the later one reads nothing the earlier one
    assigns: $\sum_j x_j$ and $\sum_j g_j\gamma_j$ are one pass over the row, not two.  The statements
    between them (the later loop's accumulator set to 0) move before the merged loop; nested items are
    fused first."""
    out: list = []
    for item in items:
        if isinstance(item, Loop):
            item.items = fuse(item.items)
        out.append(item)
        # look back: [..., loop A, s1, s2, ..., loop B] with B fusable into A
        if not isinstance(item, Loop):
            continue
        k = len(out) - 2
        between = []
        while k >= 0 and (not isinstance(out[k], Loop) or isinstance(out[k], Branch)):  # a branch moves as a statement
            between.append(out[k])
            k -= 1
        if k < 0:
            continue
        first = out[k]
        if (first.lo, first.stop) != (item.lo, item.stop) or isinstance(first, Branch) or isinstance(item, Branch):
            continue
        made = set(_assigned(first))
        first_names = _names(_text(first))
        before, after = [], []
        for b in reversed(between):  # in program order; what reads the first loop's results stays after it
            if _names(_text(b)) & made or _assigned(b) & first_names:
                made |= _assigned(b)
                after.append(b)
            else:
                before.append(b)
        if (made - _same_element_buffers(first, item)) & _names(_text(item)):
            continue
        renamed = [_rename(x, item.var, first.var) for x in item.items]
        merged = Loop(first.symbol, first.var, first.lo, first.stop, first.items + renamed)
        out[k:] = before + [merged] + after
    return out


def _same_element_buffers(first: Loop, later: Loop) -> set[str]:
    r"""Row buffers that ``first`` stores at each element and ``later`` only reads at the same element (softmax's
    $e^{z_j - m}$, stored by the pass that sums it and read by $\sum_j g_j e_j$): the merged pass reads each element
    after its store, in the same iteration, so they do not keep the passes apart (float32 softmax VJP: one pass
    fewer over the row)."""
    stores = {}
    for line in first.items:
        m = re.fullmatch(r"(_w\w*)\[([^\[\]]*)\] = .*", line) if isinstance(line, str) else None
        if m:
            stores[m.group(1)] = re.sub(rf"\b{re.escape(first.var)}\b", later.var, m.group(2))
    text = _text(later)
    return {buf for buf, at in stores.items() if buf not in _assigned(later) and
            all(ix == at for ix in re.findall(rf"\b{re.escape(buf)}\[([^\[\]]*)\]", text)) and
            len(re.findall(rf"\b{re.escape(buf)}\b", text)) == len(re.findall(rf"\b{re.escape(buf)}\[", text))}


def _rename(item, old: str, new: str):
    if isinstance(item, Branch):
        return Branch(re.sub(rf"\b{re.escape(old)}\b", new, item.stop), [_rename(x, old, new) for x in item.items])
    if isinstance(item, Loop):
        return Loop(item.symbol, item.var if item.var != old else new, item.lo, item.stop,
                    [_rename(x, old, new) for x in item.items])
    return re.sub(rf"\b{re.escape(old)}\b", new, item)


class LoopPrinter:
    r"""Scalar code of an expression inside nested loops, each node placed in the outermost loop that binds
    its free indices (:class:`Loop`; the row loop's body is the root).

    ``arrays``: input symbol (or ``IndexedBase`` label) -> ``(array name, row index name)``; ``sizes``: size
    symbol -> local name.  Every array is indexed ``a[row, i, ...]``."""

    def __init__(self, arrays: dict, sizes: dict):
        self.arrays, self.sizes = arrays, sizes
        self.memo: dict = {}  # expr -> [(loop, name)]
        self.counter = itertools.count()
        self.buffers: dict = {}  # (expr over a canonical index, lo, stop) -> (buffer, loop writing it, temporary)
        self.allocations: list = []  # (buffer, length code, dtype code): row buffers the kernel allocates before its rows
        self.read: set = set()  # the buffers a later pass reads
        self.skip_nan: set = set()  # maxima whose NaN terms another node carries (scales of scaled_sqrt)
        self.narrow = None  # the element loop whose products are computed in the kernel's dtype (a fast kernel's)
        self.whole: list = []  # the accumulated outputs, each stored instead where it has a row per row (WHOLE)
        self.reciprocals = False  # a division by a loop invariant as a product with its hoisted reciprocal
        self.one_pass = False  # centred sums of a row in one pass, with a fallback (a float32 row kernel's)
        self.one_pass_used = False
        self.one_pass_groups: dict = {}  # (u, lo, hi) -> {"shift", "k", "ok"}: symbols, the guard's code
        self.one_pass_centred: list = []  # the targets' centred sums (CentredSum), found by store()

    def fresh(self, stem: str) -> str:
        return f"{re.sub(r'[^A-Za-z0-9_]', '_', stem)}_{next(self.counter)}"

    # ** placement **

    @staticmethod
    def _place(expr, chain: list[Loop]) -> list[Loop]:
        """The chain cut after the innermost loop that binds a free index of ``expr`` (the root if none)."""
        free = expr.free_symbols
        for k in range(len(chain) - 1, 0, -1):
            if chain[k].symbol in free:
                return chain[: k + 1]
        return chain[:1]

    def bind(self, code: str, chain: list[Loop], stem: str = "t") -> str:
        """``code`` as a named statement in the innermost loop of ``chain``."""
        name = self.fresh(stem)
        chain[-1].items.append(f"{name} = {code}")
        return name

    def value(self, expr, chain: list[Loop]) -> str:
        """Code of ``expr`` (a float64 scalar, or an int index) valid in the innermost loop of ``chain``."""
        expr = as_expr(expr)
        home = self._place(expr, chain)
        for loop, name in self.memo.get(expr, ()):
            if any(loop is c for c in home):
                return name
        if not isinstance(expr, (sp.Sum, ReduceMax, sp.Indexed)):
            for a in expr.args:  # what hoists out of this loop first: its passes precede the ones here
                if isinstance(a, sp.Expr) and len(self._place(a, home)) < len(home):
                    self.value(a, home)
        if len(home) >= 2 and (isinstance(expr, sp.exp) or type(expr).__name__ in MATH):
            return self._buffered(expr, home)
        code = self._dispatch(expr, home)
        if (len(home) < len(chain) or len(home) == 1) and not _simple(code):
            name = self.bind(code, home)  # hoisted, or once per row: named, and shared by every later use
            self.memo.setdefault(expr, []).append((home[-1], name))
            return name
        return code

    def _buffered(self, expr, home: list[Loop]) -> str:
        r"""A function of a row's elements (an exponential) computed once per element: written to a row buffer
        by the first pass over its range, read by the later passes of the same parent loop ($e^{z_j - m}$ of
        softmax: summed in one pass, divided in the next).  The buffer holds float64 (a row: in L1)."""
        loop = home[-1]
        key = (expr.subs(loop.symbol, _CANONICAL), loop.lo, loop.stop, id(home[-2]))  # subs: not a bound index
        found = self.buffers.get(key)
        if found is not None:
            buf, writer, temp = found
            if writer is loop:
                return temp
            if any(writer is item for item in home[-2].items):  # its pass is complete: read it
                self.read.add(buf)
                return f"{buf}[{loop.var} - {loop.lo}]" if loop.lo != "0" else f"{buf}[{loop.var}]"
        temp = self.bind(self._dispatch(expr, home), home, "e")
        buf = self.fresh("_w")
        self.allocations.append((buf, f"{loop.stop} - {loop.lo}" if loop.lo != "0" else loop.stop,
                                 "_buf_T" if isinstance(expr, sp.exp) else "np.float64"))
        loop.items.append(f"{buf}[{loop.var} - {loop.lo}] = {temp}" if loop.lo != "0" else f"{buf}[{loop.var}] = {temp}")
        self.buffers[key] = (buf, loop, temp)
        return temp

    def _dispatch(self, expr, chain):
        for cls in type(expr).__mro__:
            method = getattr(self, f"_print_{cls.__name__}", None)
            if method is not None:
                return method(expr, chain)
        raise UnsupportedNode(expr, f"no loop form for {type(expr).__name__}")

    # ** leaves **

    def _print_Integer(self, expr, chain):
        return str(int(expr))

    def _print_Rational(self, expr, chain):
        return repr(float(expr))

    def _print_Float(self, expr, chain):
        return repr(float(expr))

    def _print_SmallestNormal(self, expr, chain):  # the kernels compute in float64
        return repr(SmallestNormal.FLOAT64)

    def _print_NumberSymbol(self, expr, chain):
        return repr(float(expr))

    def _print_Infinity(self, expr, chain):
        return "np.inf"

    def _print_NegativeInfinity(self, expr, chain):
        return "-np.inf"

    def _print_BooleanTrue(self, expr, chain):
        return "True"

    def _print_BooleanFalse(self, expr, chain):
        return "False"

    def _print_Symbol(self, expr, chain):
        for loop in reversed(chain):
            if loop.symbol == expr:
                return loop.var
        if expr in self.sizes:
            return self.sizes[expr]
        if expr in self.arrays:
            name, row = self.arrays[expr]
            return f"{name}[{row}]"
        raise UnsupportedNode(expr, "a symbol that is neither an index in scope, a size nor an input")

    def _print_Indexed(self, expr, chain):
        label = expr.base.label
        if label not in self.arrays:
            raise UnsupportedNode(expr, "an indexed symbol that is not an input")
        name, row = self.arrays[label]
        return f"{name}[{', '.join([row] + [self.index(i, chain) for i in expr.indices])}]"

    def index(self, expr, chain) -> str:
        """Integer code of an index expression (``i + 1``, ``K - 1 - j``)."""
        expr = as_expr(expr)
        if expr.is_Integer:
            return str(int(expr))
        if expr.is_Symbol:
            return self._print_Symbol(expr, chain)
        if isinstance(expr, sp.Add):
            return "(" + " + ".join(self.index(a, chain) for a in expr.args) + ")"
        if isinstance(expr, sp.Mul) and all(a.is_integer for a in expr.args):
            return "(" + " * ".join(self.index(a, chain) for a in expr.args) + ")"
        if isinstance(expr, sp.floor) and isinstance(expr.args[0], sp.Mul):
            num, den = sp.fraction(expr.args[0])
            if den.is_Integer:
                return f"({self.index(num, chain)} // {int(den)})"
        raise UnsupportedNode(expr, "an index expression with no integer loop form")

    # ** arithmetic **

    def _print_Add(self, expr, chain):
        """A left fold in the NumPy printer's order (:func:`~codegen.lower_printer._term_order`): inputs, then
        max-shifts, then the rest, so that $z_i - m$ (exact) is formed before $- \\log s$ is added."""
        terms = [self.value(a, chain) for a in sorted(expr.args, key=_term_order)]
        out = terms[0]
        for t in terms[1:]:
            out += f" - {t[1:]}" if t.startswith("-") and _simple(t[1:]) else f" + {t}"
        return f"({out})"

    def _print_Mul(self, expr, chain):
        if self.narrow is not None and chain[-1] is self.narrow:
            return self.narrow_product(expr, chain)
        num, den = [], []
        for a in expr.args:
            b, e = a.as_base_exp()
            if e.is_Number and e < 0 and not a.is_Number:
                den.append(b if e == -1 else sp.Pow(b, -e))
            else:
                num.append(a)
        if num and num[0] == -1:
            sign, num = "-", num[1:]
        else:
            sign = ""
        if self.reciprocals and len(den) and len(chain) > 1:
            invariant = [d for d in den if len(self._place(as_expr(d), chain)) < len(chain)]
            if invariant:  # 1/d once per row (an array over the rows in a column kernel, where arcp cannot hoist it)
                den = [d for d in den if d not in invariant]
                num.append(sp.Pow(sp.Mul(*invariant), -1, evaluate=False))
        top = " * ".join(self.value(a, chain) for a in num) if num else "1.0"
        if not den:
            return f"{sign}({top})" if sign else f"({top})"
        bottom = " * ".join(self.value(a, chain) for a in den)
        return f"{sign}({top} / ({bottom}))"

    def narrow_product(self, expr, chain):
        r"""A product in an output's element loop in the kernel's dtype: $\prod_k a_k \cdot c$ with the factors $a_k$
        that vary over the elements each rounded to it (a sum with a row scalar, $x_i - \mu$, is formed in float64
        and rounded once) and the row-invariant factors combined into one float64 scalar $c$ first, which joins the
        first such sum before its rounding ($(x_i - \mu)/\sigma$ rounded once, then times $\gamma_i$: float32 layer
        norm 1.38e-7 -> 7.2e-8 of max |y|, PyTorch 1.53e-7), else is rounded once itself (softmax $e^{z_i} c$).
        In float32 each rounding is relative (half an ulp); an overflow or underflow to an infinite or NaN output
        sends the row to the full kernel (:meth:`store`'s finiteness check)."""
        elements, scalars, below = [], [], []
        for a in expr.args:
            if len(self._place(as_expr(a), chain)) < len(chain):
                scalars.append(a)
                continue
            b, e = a.as_base_exp()
            (below if e.is_Number and e < 0 else elements).append(b ** -e if e.is_Number and e < 0 else a)
        c = sp.Mul(*scalars)
        scale = None if c == 1 or c == -1 else self.value(c, chain)
        codes = []
        for a in elements:
            code = self.value(a, chain)
            if isinstance(a, sp.Indexed):
                codes.append(code)
            elif scale is not None and isinstance(a, sp.Add):  # formed in float64: takes c before its rounding
                codes.append(f"{NARROW}({code} * {scale})")
                scale = None
            else:
                codes.append(f"{NARROW}({code})")
        code = " * ".join(codes) or f"{NARROW}(1.0)"
        code += "".join(f" / {NARROW}({self.value(b, chain)})" for b in below)
        if c == -1:
            return f"-({code})"
        return f"({code} * {NARROW}({scale}))" if scale is not None else f"({code})"

    def _print_Pow(self, expr, chain):
        b, e = expr.args
        if e == sp.S.Half:
            return f"math.sqrt({self.value(b, chain)})"
        if e == -sp.S.Half:
            return f"(1.0 / math.sqrt({self.value(b, chain)}))"
        base = self.value(b, chain)
        if e.is_Integer and 2 <= abs(int(e)) <= 4:
            name = base if _simple(base) else self.bind(base, chain)
            power = " * ".join([name] * abs(int(e)))
            return f"({power})" if e > 0 else f"(1.0 / ({power}))"
        if e == -1:
            return f"(1.0 / {base})"
        return f"({base} ** {self.value(e, chain) if not e.is_Integer else repr(float(e))})"

    def _print_exp(self, expr, chain):
        return f"{EXP}({self.value(expr.args[0], chain)})"

    def _print_Function(self, expr, chain):
        name = type(expr).__name__
        if name in MATH and len(expr.args) == 1:
            return f"{MATH[name]}({self.value(expr.args[0], chain)})"
        raise UnsupportedNode(expr, f"no loop form for the function {name}")

    def _print_Abs(self, expr, chain):
        return f"abs({self.value(expr.args[0], chain)})"

    def _print_sign(self, expr, chain):
        return f"np.sign({self.value(expr.args[0], chain)})"

    def _print_Max(self, expr, chain):
        r"""NaN-propagating (the scales of ``scaled_sqrt`` found by :meth:`store`); in the scale $M$ of ``scaled_sqrt`` (:func:`~codegen.lower_unit_scale.scale_parts`) the
        maximum of $|u_j|$ skips NaN terms, as a shift does: $M\sqrt{\epsilon/M^2 + \sum_j (u_j/M)^2}$ does not
        depend on $M > 0$, and a NaN $u_j$ is a term of the sum, which carries it (``maxnum`` reduces in 0.5 ms
        where ``maximum`` takes 0.9, a 4096 x 1024 float32 row max)."""
        return self._fold("_fmax", expr, chain)

    def _print_Min(self, expr, chain):
        return self._fold("_fmin", expr, chain)

    def _fold(self, fn, expr, chain):
        args = [self.value(a, chain) for a in expr.args]
        out = args[0]
        for a in args[1:]:
            out = f"{fn}({out}, {a})"
        return out

    def _print_fma(self, expr, chain):
        # contracted to one fused multiply-add by LLVM ('contract'): the exact product the rule asks for
        a, b, c = (self.value(x, chain) for x in expr.args)
        return f"({a} * {b} + {c})"

    def _print_KroneckerDelta(self, expr, chain):
        a, b = (self.index(x, chain) for x in expr.args)
        return f"(1.0 if {a} == {b} else 0.0)"

    def _print_Relational(self, expr, chain):
        op = RELATIONS.get(type(expr).__name__)
        if op is None:
            raise UnsupportedNode(expr, "no loop form for this relation")
        narrow, self.narrow = self.narrow, None  # a test in float64: a product that underflows keeps its sign
        try:
            return f"({self.value(expr.lhs, chain)} {op} {self.value(expr.rhs, chain)})"
        finally:
            self.narrow = narrow

    def _print_And(self, expr, chain):
        return "(" + " and ".join(self.value(a, chain) for a in expr.args) + ")"

    def _print_Or(self, expr, chain):
        return "(" + " or ".join(self.value(a, chain) for a in expr.args) + ")"

    def _print_Not(self, expr, chain):
        return f"(not {self.value(expr.args[0], chain)})"

    def _print_Piecewise(self, expr, chain):
        *pieces, (last, cond) = expr.args
        if cond != sp.true:
            raise UnsupportedNode(expr, "a Piecewise without an otherwise branch")
        out = f"float({self.value(last, chain)})"
        for e, c in reversed(pieces):
            out = f"(float({self.value(e, chain)}) if {self.value(c, chain)} else {out})"
        return out

    # ** reductions **

    def _loops(self, limits, chain) -> tuple[list[Loop], list[Loop]]:
        """Nested loops of a reduction's limits under the innermost loop of ``chain``: (new chain, loops)."""
        if len(chain) > MAX_DEPTH and limits:
            raise UnsupportedNode(sp.Tuple(*[lim[0] for lim in limits]), MATMUL_REASON)
        loops = []
        inner = list(chain)
        for var, lo, hi in limits:
            loop = Loop(var, self.fresh(str(var)), self.index(lo, inner), self.index(as_expr(hi) + 1, inner))
            loops.append(loop)
            inner.append(loop)
        return inner, loops

    @staticmethod
    def _close(chain: list[Loop], loops: list[Loop]) -> None:
        """Each loop of a nest appended to its parent once its body is printed: the statements hoisted into a
        parent while the body was printed come before the loop that reads them."""
        for outer, nested in reversed(list(itertools.pairwise(loops))):
            outer.items.append(nested)
        if loops:
            chain[-1].items.append(loops[0])

    def _print_Sum(self, expr, chain):
        bound = {lim[0] for lim in expr.limits}
        inner, outer = [], []
        for f in sp.Mul.make_args(expr.function):
            (inner if f.free_symbols & bound else outer).append(f)
        if outer:  # c * sum(u): the sum then needs only what u reads (and is shared with the bare sum)
            rest = sp.Sum(sp.Mul(*inner), *expr.limits)
            return self._print_Mul(sp.Mul(*outer, rest, evaluate=False), chain)
        centred = centred_sum(expr) if self.one_pass and len(chain) == 1 else None
        if centred is not None:
            return self.one_pass_sum(expr, centred, chain)
        shifted = self._shifted_plain_sum(expr, chain) if self.one_pass and len(chain) == 1 else None
        if shifted is not None:
            return shifted
        acc = self.fresh("sum")
        chain[-1].items.append(f"{acc} = 0.0")
        inner_chain, loops = self._loops(expr.limits, chain)
        term = self.value(expr.function, inner_chain)
        inner_chain[-1].items.append(f"{acc} += {term}")
        self._close(chain, loops)
        self.memo.setdefault(expr, []).append((chain[-1], acc))
        return acc

    def one_pass_sum(self, expr, centred, chain):
        r"""A centred sum of the row (:mod:`codegen.backends.numba_one_pass`) from its one-pass form, whose sums join
        the centre's pass; where its group's cancellation guard fails, the sum as written, in a pass of its own::

            s = x[r, 0] if H > 0 else 0.0  # the shift: the row's first term where it is an input's element, else 0
            k = s + c                      # after the pass that sums A, B (and the centre: H*s + A)
            ok = tau * (B + 2*k*A + n*k*k) >= 4*(n + 4)*u*(sqrt(B) + abs(k)*sqrt(n))**2
            v = B + 2*k*A + n*k*k
            if not ok:
                v = 0.0
                for j: v += (x[r, j] + c)**2

        The shift and $k$ are named once per group (the same $u$, $c$ and range) and enter the sums as symbols, so
        that no rewriting of the expression rounds $k$ otherwise than the guard assumes."""
        self.one_pass_used = True
        group = self._one_pass_group(centred, chain)
        if "ok" not in group:
            name = self.bind(self.value(group["shift"] + centred.c, chain), chain, "k")
            group["k"] = sp.Symbol(name)
            self.sizes[group["k"]] = name
            group["ok"] = self.value(centred.guard(group["shift"], group["k"]), chain)
        name = self.fresh("sum")
        chain[-1].items.append(f"{name} = {self.value(centred.expanded(group['shift'], group['k']), chain)}")
        branch = Branch(group["ok"], [f"{name} = 0.0"])
        inner_chain, loops = self._loops(expr.limits, chain + [branch])
        inner_chain[-1].items.append(f"{name} += {self.value(expr.function, inner_chain)}")
        self._close(chain + [branch], loops)
        chain[-1].items.append(branch)  # after the statements its body hoisted into the row
        self.memo.setdefault(expr, []).append((chain[-1], name))
        return name

    def _one_pass_group(self, centred, chain) -> dict:
        """The group of ``centred`` (its $u$ and range): ``{"shift": symbol}``, later ``"k"`` and ``"ok"``."""
        key = centred.key[:1] + centred.key[2:]
        group = self.one_pass_groups.get(key)
        if group is None:
            lo, stop = self.index(centred.lo, chain), self.index(centred.hi + 1, chain)
            first = centred.u.xreplace({centred.j: centred.lo})
            shift = (f"(np.float64({self.value(first, chain)}) if {stop} > {lo} else 0.0)"
                     if isinstance(centred.u, sp.Indexed) else "0.0")  # a read, never evaluated on an empty row
            name = self.bind(shift, chain, "shift")
            group = self.one_pass_groups[key] = {"shift": sp.Symbol(name)}
            self.sizes[group["shift"]] = name
        return group

    def _shifted_plain_sum(self, expr, chain):
        r"""$\sum_j u_j$ of a row whose centred sums are summed in one pass, as $n s + A$ (:attr:`one_pass_centred`),
        or None: the pass then sums $A$ alone, not $A$ and $\sum_j u_j$ (float32 layer norm forward, kernel alone: the
        centre's own sum cost about 0.1 ms of 1.5)."""
        if len(expr.limits) != 1:
            return None
        (j, lo, hi), = expr.limits
        for centred in self.one_pass_centred:
            if (centred.lo, centred.hi) == (lo, hi) and \
                    expr.function.xreplace({j: centred.j}) == centred.u:
                group = self._one_pass_group(centred, chain)
                return self.value((hi - lo + 1) * group["shift"] + centred.sums(group["shift"])[0], chain)
        return None

    def _print_ReduceMax(self, expr, chain):
        r"""$\max_j f_j$, NaN if a term is NaN (as ``np.max``); an :class:`ExpShift` (the shift of exponentials,
        whose value the result does not depend on) skips NaN terms (the exponentials of a NaN are NaN anyway)."""
        acc = self.fresh("max")
        chain[-1].items.append(f"{acc} = -np.inf")
        inner_chain, loops = self._loops(expr.limits, chain)
        term = self.value(expr.function, inner_chain)
        if isinstance(expr, ExpShift) or expr in self.skip_nan:
            inner_chain[-1].items.append(f"{acc} = _maxnum({acc}, {term})")
        else:
            inner_chain[-1].items.append(f"{acc} = _fmax({acc}, {term})")
        self._close(chain, loops)
        self.memo.setdefault(expr, []).append((chain[-1], acc))
        return acc

    # ** outputs **

    def store(self, targets, chain: list[Loop], guard=None, narrow: bool = False, check: bool = True) -> None:
        """Statements writing each ``(array code, expr, indices, accumulate)`` target: outputs with the same
        indices share one loop nest (one pass for all the gradients of a joint VJP).  The reductions that do
        not read an output index come first, innermost first, so that every pass they make precedes the
        output's (and the output's pass reads the row buffers they wrote).  ``guard`` (a condition on the
        row's reductions, :mod:`codegen.backends.numba_fast`): where it fails the kernel returns False before
        the stores; ``narrow``: the products of the output loops in the kernel's dtype (:meth:`narrow_product`),
        and False returned where an output is not finite (unless not ``check``: outputs the guard bounds).  An
        ``accumulate`` target adds to its output unless the kernel's flag :data:`WHOLE` says it has a row per row."""
        groups: dict = {}
        if self.one_pass:
            self.one_pass_centred = [c for t in targets for node in sp.preorder_traversal(t[1])
                                     if isinstance(node, sp.Sum) for c in [centred_sum(node)] if c is not None]
        for t in targets:
            self.skip_nan.update(parts[0] for node in sp.preorder_traversal(t[1]) if isinstance(node, sp.Max)
                                 for parts in [scale_parts(node)] if parts is not None)
        for t in targets:
            groups.setdefault(tuple(t[2]), []).append(t)
            indices = {i[0] for i in t[2]} | {lim[0] for node in sp.preorder_traversal(t[1])
                                                if isinstance(node, (sp.Sum, ReduceMax)) for lim in node.limits}
            for node in sp.postorder_traversal(t[1]):
                if isinstance(node, (sp.Sum, ReduceMax)) and not node.free_symbols & indices:
                    self.value(node, chain)
        if guard is not None:
            chain[-1].items.append(f"if not {self.value(guard, chain)}: return False")
        for indices, members in groups.items():
            inner, loops = self._loops(indices, chain)
            finite = None
            if narrow and loops:  # products in the kernel's dtype: an output not finite fails the row
                self.narrow = inner[-1]
                if check:
                    finite = self.fresh(FINITE)
                    chain[-1].items.append(f"{finite} = np.int32(0)")
            for out, expr, _, accumulate in members:
                at = ", ".join([out[1]] + [loop.var for loop in loops])
                code = self.value(expr, inner)
                if finite is not None or (accumulate and not _simple(code)):
                    code = self.bind(code, inner, "v")
                if finite is not None:
                    inner[-1].items.append(f"{finite} = max({finite}, _exponent_f32(np.float32({code})))")
                if accumulate:  # stored where the output has a row per row (LLVM unswitches the loop on the flag)
                    self.whole.append(out[0])
                    inner[-1].items.append(f"{out[0]}[{at}] = {code} if {WHOLE}{out[0]} else {out[0]}[{at}] + {code}")
                else:
                    inner[-1].items.append(f"{out[0]}[{at}] = {code}")
            self.narrow = None
            self._close(chain, loops)
            if finite is not None:
                chain[-1].items.append(f"if {finite} == {INF_EXPONENT}: return False")  # an inf or a NaN


def _simple(code: str) -> bool:
    """A name, a number or an array read: not worth a statement of its own."""
    return bool(re.fullmatch(r"-?[\w.]+(\[[\w, ]*\])?", code))


def kernel_body(root: Loop, printer: LoopPrinter) -> list[str]:
    """The row loop's lines, its passes fused (:func:`fuse`), without the stores of row buffers no later pass
    reads (``printer.allocations`` keeps those read)."""
    unread = {buf for buf, *_ in printer.allocations if buf not in printer.read}
    printer.allocations = [a for a in printer.allocations if a[0] not in unread]

    def drop(items):
        out = []
        for item in items:
            if isinstance(item, Loop):
                item.items = drop(item.items)
            elif any(item.startswith(f"{buf}[") for buf in unread):
                continue
            out.append(item)
        return out

    root.items = fuse(drop(root.items))
    return root.lines()


def column_lines(root: Loop, unroll: int = 1) -> list[str] | None:
    r"""The fused row body (:func:`kernel_body`) run over all rows at once: every per-row scalar an array over the
    rows, every pass ``for j: for r: ...`` with the rows innermost, arrays indexed ``a[j, r]`` (their rows the last,
    contiguous axis).  For inputs whose rows are the fast axis in memory (batch norm's $x^\top$: a row of
    features is a column of the array), where a row loop would read one element per cache line.  None where the
    body has a pass nested in a pass, or a row buffer (which would be a full array).  ``unroll`` (a kernel that may
    reassociate): a pass that only sums takes ``unroll`` of its elements per step (:func:`_unrolled`)."""
    scalars = set()
    for item in root.items:
        for loop in (item.items if isinstance(item, Branch) else [item]):
            if isinstance(loop, Loop):
                if any(isinstance(x, Loop) or x.startswith("_w") for x in loop.items):
                    return None
            else:
                m = re.match(r"([A-Za-z_]\w*)\s*(\+=|=)", loop)
                if m and not m.group(1).startswith("_r_"):
                    scalars.add(m.group(1))
    per_row = re.compile(r"\b(" + "|".join(map(re.escape, sorted(scalars))) + r")\b(?!\[)") if scalars else None

    def col(line: str) -> str:
        line = re.sub(r"\b(\w+)\[_r_\1(?:, ([^\[\]]*))?\]",
                      lambda m: f"{m.group(1)}[{m.group(2)}, _r]" if m.group(2) else f"{m.group(1)}[_r]", line)
        return per_row.sub(r"\1[_r]", line) if per_row else line

    head = [f"{n} = np.empty(_R, np.float64)" for n in sorted(scalars)]
    branches = itertools.count()

    def passes(items) -> list[str]:
        out: list[str] = []
        pending: list[str] = []

        def flush():
            if pending:
                out.append(f"for _r in range({ROWS}):")
                out.extend("    " + col(line) for line in pending)
                pending.clear()

        for item in items:
            if isinstance(item, str):
                if not item.startswith("_r_"):
                    pending.append(item)
                continue
            flush()
            if isinstance(item, Branch):  # a fallback: taken for the whole block where a row of it needs it
                bad = f"_bad{next(branches)}"
                out += [f"{bad} = False", f"for _r in range({ROWS}):", f"    if not {col(item.stop)}:",
                        f"        {bad} = True", f"if {bad}:"] + ["    " + line for line in passes(item.items)]
                continue
            if unroll > 1 and _sums_only(item.items, scalars):
                out += _unrolled(item, unroll, col)
                continue
            out += [f"for {item.var} in range({item.lo}, {item.stop}):", f"    for _r in range({ROWS}):"]
            out.extend("        " + col(line) for line in item.items)
        flush()
        return out

    out = passes(root.items)
    # blocks of rows whose elements (about COLUMN_BLOCK of each array) stay in L2 across the passes
    return head + [f"_ch = max(8, {COLUMN_BLOCK} // max(1, _own))", "for _c in range(0, _R, _ch):",
                   "    _e = min(_c + _ch, _R)"] + ["    " + line for line in out]


_STATEMENT = re.compile(r"([A-Za-z_]\w*)\s*(\+=|=)\s*(.*)")


def _sums_only(lines: list, scalars: set) -> bool:
    """A pass whose statements are temporaries and additions to per-row sums only (no store, no maximum)."""
    for line in lines:
        m = _STATEMENT.fullmatch(line) if isinstance(line, str) else None
        if m is None or (m.group(2) == "+=") != (m.group(1) in scalars):
            return False
    return True


def _unrolled(item: Loop, k: int, col) -> list[str]:
    r"""A column pass that sums, ``k`` elements per step (unroll and jam): each step adds
    $t_{j} + t_{j+1} + \dots + t_{j+k-1}$ to the row's sum, so the sum (an array over the rows, in memory) is read
    and written once per ``k`` elements, not per element; the ``stop - lo`` mod ``k`` last elements as before.
    Batch norm's forward over x.T, float32 1024 x 4096, its two summing passes by 4: 4.84 -> 3.83 ms (PyTorch
    4.73).  A reassociation of the sum: only in kernels compiled with ``reassoc``.  Each term is made a float64
    (``np.float64``; numba's ``float`` of a float32 still adds in float32): a bare float32 read (batch norm's
    $\sum_j g_j$) was added to its neighbours in float32 before the float64 sum (float32 batch norm VJP: dgamma,
    through $k\sum_j g_j$, 3 ulp off)."""
    temps = [m.group(1) for line in item.items for m in [_STATEMENT.fullmatch(line)] if m.group(2) == "="]
    end = f"_u{item.var}"
    lines = [f"{end} = {item.lo} + ({item.stop} - {item.lo}) // {k} * {k}",
             f"for {item.var} in range({item.lo}, {end}, {k}):", f"    for _r in range({ROWS}):"]
    sums: dict = {}
    for line in item.items:
        name, op, code = _STATEMENT.fullmatch(line).groups()
        for u in range(k):
            text = re.sub(rf"\b{re.escape(item.var)}\b", f"({item.var} + {u})" if u else item.var, code)
            for t in temps:
                text = re.sub(rf"\b{re.escape(t)}\b", f"{t}_{u}", text)
            if op == "=":
                lines.append(f"        {col(f'{name}_{u} = {text}')}")
            else:
                sums.setdefault(name, []).append(f"np.float64({text})")  # the terms may be float32 reads
    lines += [f"        {col(f'{name} += ' + ' + '.join(terms))}" for name, terms in sums.items()]
    lines += [f"for {item.var} in range({end}, {item.stop}):", f"    for _r in range({ROWS}):"]
    return lines + ["        " + col(line) for line in item.items]


COLUMN_UNROLL = 4
"""Elements per step of a column kernel's summing pass (:func:`_unrolled`)."""
COLUMN_BLOCK = 131072
"""Elements of an array per block of rows in the column schedule (512 KiB of float32): the block stays in cache from
its first pass to its last.  Batch norm's forward over x.T, 1024 x 4096 float32, ms by rows per block (elements /
1024): 32: 7.6, 64: 6.2, 256: 6.0, all 4096 rows: 7.5."""
ROWS = "np.uint64(_c), np.uint64(_e)"
"""The rows of a block as unsigned integers: numba then emits no negative-index test on ``a[j, _r]``, a test that
kept LLVM from vectorizing the rows loop (30 ms against 6 for the forward above)."""
