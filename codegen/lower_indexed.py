r"""Reads of an input, ``x[e_0, e_1, ...]``, and zero padding.

Each index expression is a sum of indices with coefficients $\pm 1$ and an offset:

* one index: a slice (``x[t - 1]`` over $t \in [1, T]$ is ``x[..., 0:T]``; ``x[K - 1 - t]``
  a reversed one); no index: an integer (``x[T]``);
* two indices, ``x[t + m]``: a convolution window, ``sliding_window_view``;
* a read must be provably inside the array: a negative start would wrap around silently.

Zero padding (:func:`zero_padded`): a full convolution reads its upstream gradient
outside its range, and the record says what such a read is,

.. math:: \sum_m \begin{cases} g_{p+m-M+1}\, k_m & 0 \le p + m - M + 1 \le N - M \\ 0 & \text{otherwise,} \end{cases}

so the ``Piecewise`` is the same sum over ``np.pad(g, M - 1)`` (its own axes only, batch
axes untouched), whose reads are then inside the padded array: a sliding window and
one contraction.  The rule applies only when it is exact: the condition is exactly
"every read that can fall outside lies inside" (each bound an axis end of such a
read, every such end present; other bounds must hold throughout), and the value
vanishes when one padded read is 0 ($0 \cdot k_m$, $|0|\,|k_m|$).
"""
from __future__ import annotations

import string

import sympy as sp

from codegen.lower_nodes import ATOM, Arr, UnsupportedNode, leaf, tuple_code


def linear_index(printer, e, node) -> tuple[dict, sp.Expr]:
    """``(coefficients of the indices in scope, offset)`` of an index expression, coefficients $\\pm 1$."""
    e = sp.expand(e)
    labels = printer._sorted(e.free_symbols & printer.ranges.keys())
    coeffs = {x: e.coeff(x) for x in labels}
    offset = sp.expand(e - sum(c * x for x, c in coeffs.items()))
    if any(c not in (1, -1) for c in coeffs.values()) or offset.free_symbols & set(labels):
        raise UnsupportedNode(node, f"index {e} is not a shift of indices")
    return coeffs, offset


def index_span(printer, e, node) -> tuple[sp.Expr, sp.Expr]:
    """Least and greatest value of an index expression over its indices' ranges."""
    coeffs, offset = linear_index(printer, e, node)
    lo = offset + sum(c * printer.ranges[x][0 if c > 0 else 1] for x, c in coeffs.items())
    hi = offset + sum(c * printer.ranges[x][1 if c > 0 else 0] for x, c in coeffs.items())
    return sp.expand(lo), sp.expand(hi)


def provably_nonnegative(e) -> bool:
    e = sp.expand(e)
    if e.is_nonnegative is not None:
        return bool(e.is_nonnegative)
    return sp.simplify(e >= 0) is sp.true


# ** zero padding **


def zero_padded(printer, pw) -> sp.Expr | None:
    """``Piecewise((f, c), (0, True))`` as ``f`` reading zero-padded inputs, when that is exact; else None.

    None leaves the ``Piecewise`` to ``np.where``, where a read outside its array raises.
    """
    if len(pw.args) != 2 or pw.args[1].cond != sp.true or pw.args[1].expr != 0:
        return None
    try:
        return _zero_padded(printer, pw)
    except UnsupportedNode:  # an index that is not a shift: not this rule's to lower
        return None


def _zero_padded(printer, pw):
    f, cond = pw.args[0]
    bounds = _bounds(cond)
    if bounds is None:
        return None
    known = set(printer.ranges) | set(printer.sizes)
    padded, needed, ends = {}, set(), set()
    for read in sorted(f.atoms(sp.Indexed), key=sp.default_sort_key):
        label = read.base.label
        if label not in printer.inputs or label in printer.pad_source:
            continue
        if not set().union(*[e.free_symbols for e in read.indices]) <= known:
            return None  # an index of an inner sum, not yet in scope
        pads = []
        for e, dim in zip(read.indices, printer.inputs[label].shape):
            lo, hi = index_span(printer, e, read)
            before, after = sp.expand(-lo), sp.expand(hi - (dim - 1))
            ends |= {sp.expand(e), sp.expand(dim - 1 - e)}
            pair = []
            for amount, end in ((before, e), (after, dim - 1 - e)):
                if amount.is_nonpositive or (amount.is_nonnegative is None and provably_nonnegative(-amount)):
                    pair.append(sp.S.Zero)  # the read never leaves the array on this side
                elif provably_nonnegative(amount):
                    pair.append(amount)
                    needed.add(sp.expand(end))
                else:
                    return None  # cannot tell whether the read leaves the array
            pads.append(tuple(pair))
        if any(a != 0 for pair in pads for a in pair):
            padded[read] = tuple(pads)
    if not padded or not needed <= bounds:
        return None
    for b in bounds - ends:  # a bound that is not an axis end must hold everywhere
        if not provably_nonnegative(index_span(printer, b, pw)[0]):
            return None
    # NOTE: f vanishes at a zero read as a formula; in floating point 0 * inf is nan where the
    # Piecewise says 0 (a non-finite other factor, such as k / 0, at a padded position)
    if any(f.xreplace({read: 0}) != 0 for read in padded):
        return None
    return f.xreplace({read: printer.padded_read(read, pads) for read, pads in padded.items()})


def _bounds(cond) -> set | None:
    """The conjunction ``cond`` as the set of expressions it says are $\\ge 0$, or None."""
    out = set()
    for rel in (cond.args if isinstance(cond, sp.And) else (cond,)):
        if isinstance(rel, (sp.GreaterThan, sp.StrictGreaterThan)):
            diff = rel.lhs - rel.rhs
        elif isinstance(rel, (sp.LessThan, sp.StrictLessThan)):
            diff = rel.rhs - rel.lhs
        else:
            return None
        if isinstance(rel, (sp.StrictGreaterThan, sp.StrictLessThan)):
            if not diff.is_integer:
                return None
            diff -= 1  # a > b is a - b - 1 >= 0 for integers
        out.add(sp.expand(diff))
    return out


def pad_array(printer, label) -> Arr:
    """``np.pad`` of an input on its own trailing axes (batch axes get no padding)."""
    inp, pads = printer.pad_source[label]
    pairs = tuple_code(f"({printer.code(b)}, {printer.code(a)})" for b, a in pads)
    return Arr(printer.fn("pad") + f"({{0}}, ((0, 0),) * ({{0}}.ndim - {len(pads)}) + {pairs})", (leaf(inp.name),), (), True,
               ATOM, "reduce", "pad", (ATOM,))


# ** a read **


class IndexedLowering:
    """``x[e_0, e_1, ...]``: each index expression becomes ``:``, a slice, an integer or a window."""

    def __init__(self, printer, expr: sp.Indexed):
        self.p, self.expr = printer, expr
        label = expr.base.label
        if label not in printer.inputs:
            raise UnsupportedNode(expr, f"{label} is not an input")
        self.inp = printer.inputs[label]
        self.padded = printer.pad_node(label) if label in printer.pad_source else None
        if len(self.inp.shape) != len(expr.indices):
            raise UnsupportedNode(expr, f"{label} has {len(self.inp.shape)} axes")

    def lower(self) -> Arr:
        p, ndim = self.p, len(self.inp.shape)
        axis_label: list = [None] * ndim
        subs, flips = [":"] * ndim, []
        windows, window_labels, window_subs, window_outer = [], [], [], []
        for pos, e in enumerate(self.expr.indices):
            coeffs, offset = linear_index(p, e, self.expr)
            labels = list(coeffs)
            dim = self.inp.shape[pos]
            if not labels:
                subs[pos] = p.code(offset)
            elif len(labels) == 1:
                (x,) = labels
                lo, hi = p.ranges[x]
                if coeffs[x] == 1:
                    start, stop = offset + lo, offset + hi + 1
                else:
                    start, stop = offset - hi, offset - lo + 1
                    flips.append(pos)
                subs[pos] = self._slice(start, stop, dim)
                axis_label[pos] = x
            elif len(labels) == 2:
                outer, w = labels if coeffs[labels[0]] == 1 else labels[::-1]
                if coeffs[outer] != 1:
                    raise UnsupportedNode(self.expr, f"index {e}: the outer index must count up")
                wlo, whi = p.ranges[w]
                lo, hi = p.ranges[outer]
                width = whi - wlo + 1
                shift = wlo if coeffs[w] == 1 else -whi
                windows.append((pos, width))
                subs[pos] = self._slice(offset + lo + shift, offset + hi + shift + 1, dim - width + 1)
                axis_label[pos] = outer
                window_labels.append(w)
                window_outer.append(outer)
                window_subs.append(":" if coeffs[w] == 1 else "::-1")
            else:
                raise UnsupportedNode(self.expr, f"index {e} mixes more than two indices")
        code = "{0}"
        if windows:
            shape = tuple_code(p.code(wd) for _, wd in windows)
            axes = tuple_code(pos - ndim for pos, _ in windows)
            code = self.p.sliding_window(code, shape, axes)
        all_subs = subs + window_subs
        keep_pos = [n for n in range(ndim) if axis_label[n] is not None]
        kept = [axis_label[n] for n in keep_pos] + window_labels
        if any(s != ":" for s in all_subs):
            code += "[..., " + ", ".join(all_subs) + "]"
        if flips:
            kept_subs = ["::-1" if n in flips else ":" for n in keep_pos] + [":"] * len(window_labels)
            code += "[..., " + ", ".join(kept_subs) + "]"
        labels = tuple(kept)
        if len(set(labels)) != len(labels):  # a repeated index: the diagonal
            letters = {x: string.ascii_letters[n] for n, x in enumerate(dict.fromkeys(labels))}
            spec = "..." + "".join(letters[x] for x in labels) + "->..." + "".join(letters.values())
            labels = tuple(dict.fromkeys(labels))
            code = self.p.einsum(spec, code, 1)
        kind = "leaf" if code == "{0}" else "op"
        window = len(window_labels) if labels[len(labels) - len(window_labels):] == tuple(window_labels) else 0
        outer = tuple(window_outer) if window else ()
        if self.padded is None:
            return Arr(code.format(self.inp.name), (), labels, True, ATOM, kind, "view", window=window,
                       window_outer=outer)
        return Arr(code, (self.padded,), labels, True, ATOM, kind, "view", (ATOM,), window=window,
                   window_outer=outer)

    def _slice(self, start, stop, length) -> str:
        start, stop = sp.simplify(start), sp.simplify(stop)
        if sp.simplify(start >= 0) is not sp.true or sp.simplify(stop <= length) is not sp.true:
            raise UnsupportedNode(self.expr, f"reads [{start}, {stop}) of an axis of length {length}, not provably "
                                             "inside the array (and not under a Piecewise that zero-pads it)")
        a = "" if start == 0 else self.p.code(start)
        b = "" if sp.simplify(stop - length) == 0 else self.p.code(stop)
        return f"{a}:{b}"
