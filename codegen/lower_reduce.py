r"""Reductions: ``ReduceMax`` is ``np.max``, ``Product`` is ``np.prod``, and sums are axis sums,
contractions (``@``, ``np.einsum``), or Kronecker deltas summed out.

* A sum of one array is ``np.sum(axis=...)``; of two, a contraction: ``@`` (batched
  matrix product) when it has that shape, else a two-operand ``np.einsum``.
* Factors that do not depend on the summed indices are pulled out (the rest is summed through the
  memo, so $\sum_i u_i v_i$ is computed once for $\frac{1}{c}\sum_i u_i v_i$ and $\sum_i \frac{u_i v_i}{c}$); a delta
  $\delta_{je}$ with $j$ summed substitutes $e$ for $j$ (no dense identity).
* More than two factors are first multiplied elementwise, a factor into another
  whose indices include its own, when no summed index is theirs alone (so the
  product is no larger than the array it joins, and a smaller contraction is not
  missed): attention's
  $\partial K_{rs} = \sum_i \tfrac{1}{c_i} (dA_{ir} - b_i)\, e_{ir}\, Q_{is}$ is one product
  $P_{ir}$ and one ``swapaxes(P) @ Q``, not a four-operand ``einsum``.  A product of
  two inputs is formed first (``g * gamma`` in the layer-norm VJP is shared with the
  rest of the expression).  What still has more than two factors is an ``einsum``
  with NumPy's greedy contraction order.
* A product already formed as an array (``g * gamma`` in the layer-norm VJP) is summed with
  ``np.sum``, not contracted again from its factors.
"""
from __future__ import annotations

import string

import sympy as sp
from sympy.concrete.expr_with_limits import ExprWithLimits

from codegen.lower_shifted import shifted_contraction
from codegen.lower_unit_scale import UnitScaleLowering
from codegen.lower_nodes import ADD, ATOM, MUL, POW, Arr, slots


class ReductionLowering(UnitScaleLowering):
    """The reductions of :class:`~codegen.lower_printer.NumPyLowering` (a mixin: it uses the printer's methods)."""

    # ** maxima and products **

    def _reduce(self, fn: str, body: Arr, bound: list, hint: str) -> Arr:
        axes = [p - len(body.labels) for p, x in enumerate(body.labels) if x in bound]
        if not axes:
            return body
        labels = tuple(x for x in body.labels if x not in bound)
        axis = str(axes[0]) if len(axes) == 1 else "(" + ", ".join(map(str, axes)) + ")"
        return Arr(f"{fn}({{0}}, axis={axis})", (body,), labels, body.batched, ATOM, "reduce", hint)

    def _print_ReduceMax(self, expr):
        return self.reduction(expr, self._max)

    def _max(self, body: sp.Expr, bound: list) -> Arr:
        r"""$\max$ over ``bound``; in NumPy $\max_j |u_j| = \max(\max_j u_j, -\min_j u_j)$: two reductions
        read $u$, and no array $|u|$ is written (a full pass and a temporary saved; equal bit for bit)."""
        if isinstance(body, sp.Abs) and self.in_place:
            arr = self._print(body.args[0])
            if arr.labels:
                top = self._reduce("np.max", arr, bound, "max")
                low = self._reduce("np.min", arr, bound, "min")
                return Arr("np.maximum({0}, -{1})", (top, low), top.labels, top.batched, ATOM)
        return self._reduce(self.reducer("max"), self._print(body), bound, "max")

    def _print_Product(self, expr):
        def lower(body, bound):
            arr = self._print(body)
            out = self._reduce(self.reducer("prod"), arr, bound, "prod")
            for d in bound:  # a factor constant in d is raised to the number of terms
                if d not in arr.labels:
                    lo, hi = self.ranges[d]
                    out = self.elementwise("{0} ** {1}", [out, self._print(hi - lo + 1)], POW, (POW + 1, POW))
            return out

        return self.reduction(expr, lower)

    # ** sums **

    def _print_Sum(self, expr):
        return self.reduction(expr, self._sum)

    def _sum(self, body: sp.Expr, bound: list) -> Arr:
        """$\\sum$ over the ``bound`` labels of ``body``: deltas substituted, constants pulled out."""
        body = self.unpad(body)
        if body.has(sp.KroneckerDelta):
            body = sp.expand(body)
            if isinstance(body, sp.Add):  # distribute, so that each term's delta can be used
                terms = [self._sum(t, bound) for t in body.args]
                out = terms[0]
                for t in terms[1:]:
                    out = self.binop("+", ADD, out, t)
                return out
            reduced = self._eliminate_delta(body, bound)
            if reduced is not None:
                rest, bound = reduced
                return self._sum(rest, bound) if bound else self._print(rest)
        inner, outer = [], []
        for f in sp.Mul.make_args(body):
            (inner if self._depends(f, bound) else outer).append(f)
        if not inner:
            return self._print(sp.Mul(self._count(bound), *outer))
        if outer:  # the sum of the rest, through the memo: shared with the same sum written without them
            reduced = self._print(sp.Sum(sp.Mul(*inner), *[(d, *self.ranges[d]) for d in bound]))
            num, den, sign = split_fraction(sp.Mul(*outer))
            out = self.product([self._print(f) for f in num] + [reduced], [self._print(f) for f in den])
            return self.negate(out) if sign else out
        b, e = inner[0].as_base_exp()
        formed = self._formed(sp.Mul(*inner)) if len(inner) > 1 else None
        unit = self.unit_scaled_squares(b, bound) if formed is None and len(inner) == 1 and e == 2 else None
        if unit is not None:  # (u / M)^2 with the scale of scaled_sqrt: codegen.lower_unit_scale
            present, reduced = set(bound), unit
        else:
            if formed is not None:  # the product is an array already: summed, not recomputed by a contraction
                factors = [formed]
            elif len(inner) == 1 and e == 2:  # a sum of squares: one contraction, no temporary
                factors = [self._print(b)] * 2
            else:
                factors = [self._print(f) for f in self._merge(inner, bound)]
            present = set().union(*[a.labels for a in factors])
            reduced = self._contract(factors, [d for d in bound if d in present])
        outer.append(self._count([d for d in bound if d not in present]))
        num, den, sign = split_fraction(sp.Mul(*outer))
        out = self.product([self._print(f) for f in num] + [reduced], [self._print(f) for f in den])
        return self.negate(out) if sign else out

    def _formed(self, expr) -> Arr | None:
        """The array of ``expr`` if it was lowered already (with its indices in the same order), else None."""
        free = self._free(expr)
        hit = self._memo.get(self._key(expr, free))
        return hit[0] if hit is not None and hit[1] == free else None

    def _depends(self, expr, labels) -> bool:
        found: set = set()
        walk_free(expr, set(labels), frozenset(), found)
        return bool(found)

    def _count(self, bound) -> sp.Expr:
        """Number of terms of a sum over ``bound``."""
        return sp.Mul(*[self.ranges[d][1] - self.ranges[d][0] + 1 for d in bound])

    def _eliminate_delta(self, body, bound):
        r"""$\sum_j \delta_{j e} f(j) = f(e)$ when $e$ is an index with $j$'s range."""
        for f in sp.Mul.make_args(body):
            if not isinstance(f, sp.KroneckerDelta):
                continue
            for j, e in (f.args, f.args[::-1]):
                if j in bound and e in self.ranges and self.ranges[e] == self.ranges[j]:
                    rest = (body / f).xreplace({j: e})
                    return rest, [d for d in bound if d != j]
        return None

    def _merge(self, factors: list, bound: list) -> list:
        """Factors multiplied elementwise into others until two remain (see the module docstring)."""
        items = [(f, frozenset(self._free(f))) for f in factors]
        summed = set(bound)
        while len(items) > 2:
            best = None
            for h, (host, hl) in enumerate(items):
                for k, (guest, gl) in enumerate(items):
                    if h == k or not gl <= hl:
                        continue
                    others = set().union(*[lab for n, (_, lab) in enumerate(items) if n not in (h, k)])
                    if (hl & summed) - others:  # contracting the two would sum an index away: not a product
                        continue
                    key = (-len(hl), not (isinstance(host, sp.Indexed) and isinstance(guest, sp.Indexed)), h, k)
                    best = min(best, key) if best else key
            if best is None:
                break
            _, _, h, k = best
            merged = sp.Mul(*sp.Mul.make_args(items[h][0]), *sp.Mul.make_args(items[k][0]), evaluate=False)
            items = [it for n, it in enumerate(items) if n not in (h, k)] + [(merged, items[h][1])]
        return [f for f, _ in items]

    def _contract(self, factors: list[Arr], bound: list) -> Arr:
        if len(factors) == 1:
            return self._reduce(self.reducer("sum"), factors[0], bound, "sum")
        shifted = shifted_contraction(self, factors, bound) if self.module == "np" else None  # NumPy-only forms
        if shifted is not None:
            return shifted
        out = tuple(self._sorted(set().union(*[a.labels for a in factors]) - set(bound)))
        mm = self._matmul(factors, bound) if len(factors) == 2 else None
        if mm is not None:
            return mm
        letters = {}
        for a in factors:
            for x in a.labels:
                letters.setdefault(x, string.ascii_letters[len(letters)])
        spec = ",".join("..." + "".join(letters[x] for x in a.labels) for a in factors)
        spec += "->..." + "".join(letters[x] for x in out)
        return Arr(self.einsum(spec, slots(len(factors)), len(factors)), tuple(factors), out,
                   any(a.batched for a in factors), ATOM, "reduce", "sum")

    def _matmul(self, factors, bound) -> Arr | None:
        """``A @ B`` when one index is summed and each side keeps at most one other, besides indices
        both sides keep (batch axes of the product: attention's heads)."""
        a, b = factors
        if len(bound) != 1 or bound[0] not in a.labels or bound[0] not in b.labels:
            return None
        (c,) = bound
        batch = self._sorted(set(a.labels) & set(b.labels) - {c})
        ra = [x for x in a.labels if x != c and x not in batch]
        rb = [x for x in b.labels if x != c and x not in batch]
        if len(ra) > 1 or len(rb) > 1 or not (ra or rb):
            return None
        if [*ra, *rb] != self._sorted([*ra, *rb]) or (rb and not ra):  # so that no transpose follows
            a, b, ra, rb = b, a, rb, ra
        left = self.align(a, (*batch, *ra, c))
        right = self.align(b, (*batch, c, *rb))
        if not ra:
            left = Arr("{0}[..., None, :]", (left,), (*batch, None, c), a.batched, need=(ATOM,))
        if not rb:
            right = Arr("{0}[..., None]", (right,), (*batch, c, None), b.batched, need=(ATOM,))
        text = "{0} @ {1}"
        if not ra:
            text = "(" + text + ")[..., 0, :]"
        elif not rb:
            text = "(" + text + ")[..., 0]"
        prec = MUL if ra and rb else ATOM
        return Arr(text, (left, right), (*batch, *ra, *rb), a.batched or b.batched, prec, "reduce", "mm",
                   (MUL, MUL + 1))


def split_fraction(expr):
    """``(numerator factors, denominator factors, negative)`` of a product."""
    coeff, factors = expr.as_coeff_mul()
    num, den = [], []
    for f in factors:
        b, e = f.as_base_exp()
        if e.is_number and e.is_negative:
            den.append(b if e == -1 else sp.Pow(b, -e))
        else:
            num.append(f)
    if coeff.is_Rational:
        if abs(coeff.p) != 1:
            num.insert(0, sp.Integer(abs(coeff.p)))
        if coeff.q != 1:
            den.insert(0, sp.Integer(coeff.q))
    elif abs(coeff) != 1:
        num.insert(0, abs(coeff))
    return num, den, bool(coeff < 0)


def walk_free(e, labels, bound: frozenset, found: set) -> None:
    """Collect the ``labels`` that occur free in ``e`` (sympy's ``free_symbols`` is slow on sums)."""
    if e in labels and e not in bound:
        found.add(e)
        return
    if isinstance(e, ExprWithLimits):
        inner = bound | {lim[0] for lim in e.limits}
        for lim in e.limits:
            for b in lim[1:]:
                walk_free(b, labels, bound, found)
        walk_free(e.function, labels, inner, found)
        return
    for a in e.args:
        walk_free(a, labels, bound, found)
