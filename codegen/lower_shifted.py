r"""A contraction over the offsets of a sliding window, as a sum of shifted contractions.

A convolution reads its input through a window, $x_{c,\,s+m,\,t+n}$, and sums over the
window offsets $(m, n)$ together with other indices (the channels $c$):

.. math:: y_{o,s,t} = \sum_{m,n} \Bigl( \sum_c w_{o,c,m,n}\, x_{c,\,s+m,\,t+n} \Bigr).

One ``einsum`` over the 6-D window view runs NumPy's unblocked C loop.  For each fixed
offset the window view at that offset is a strided view of the input, shifted by $(m, n)$,
and the inner sum is an ordinary contraction that ``einsum(optimize=True)`` hands to BLAS; the
offsets are a Python loop of $M_1 M_2$ iterations (a generator summed), and no index is
looped over elementwise.

Cost model, decided at call time from the shapes: a shifted pass re-reads the output once
per offset, the single ``einsum`` reads everything once but at C-loop speed, so the shifted
sum is taken when the offsets are few (at most :data:`MAX_OFFSETS`) and each shifted
contraction has enough work for BLAS to pay off (at least :data:`MIN_WORK` multiply-adds);
otherwise the single ``einsum`` stays.
"""
from __future__ import annotations

import string

from codegen.lower_nodes import ATOM, Arr

MAX_OFFSETS = 64
"""At most this many offsets (a 8x8 kernel): beyond, the output is re-read too often."""
MIN_WORK = 4096
"""At least this many multiply-adds per offset, so one BLAS call outweighs its Python overhead."""


def shifted_contraction(printer, factors: list, bound: list) -> Arr | None:
    """$\\sum$ over ``bound`` of the product of two factors, one a window read whose window labels
    are all summed and all index the other factor; None when the pattern does not hold."""
    if len(factors) != 2:
        return None
    for win, other in (factors, factors[::-1]):
        k = win.window
        offsets = win.labels[len(win.labels) - k:] if k else ()
        if not k or other.window or not set(offsets) <= set(bound):
            continue
        other = printer.align(other, (*[x for x in other.labels if x not in offsets], *offsets)) \
            if set(offsets) <= set(other.labels) else other
        out = tuple(printer._sorted((set(win.labels) | set(other.labels)) - set(bound)))
        letters: dict = {}
        for x in (*win.labels, *other.labels):
            letters.setdefault(x, string.ascii_letters[len(letters)])
        named = Arr("{0}", (win,), win.labels, win.batched, ATOM, "reduce", "window", window=k,
                    window_outer=win.window_outer)
        choices = [c for c in (_shifted(win, other, offsets, letters, out),
                               _stacked(win, other, bound, letters, out)) if c is not None]
        if not choices:
            continue
        code = f"np.einsum('{_spec(letters, win.labels, other.labels, out)}', {{0}}, {{1}}, optimize=False)"
        for test, fast in reversed(choices):
            code = f"({fast} if {test} else {code})"
        return Arr(code, (named, other), out, win.batched or other.batched, ATOM, "reduce", "sum")
    return None


def _spec(letters, la, lb, out) -> str:
    def word(labels):
        return "..." + "".join(letters[x] for x in labels)
    return f"{word(la)},{word(lb)}->{word(out)}"


def _shifted(win, other, offsets, letters, out):
    r"""Offsets summed and indexing the other factor (the forward pass, the input gradient): one
    contraction per offset, summed."""
    k = len(offsets)
    if not set(offsets) <= set(other.labels):
        return None
    la, lb = win.labels[:-k], other.labels[:-k]
    idx = ", ".join(f"_o{n}" for n in range(k))
    loop = f"({idx},)" if k == 1 else f"({idx})"
    fast = (f"sum(np.einsum('{_spec(letters, la, lb, out)}', {{0}}[..., {idx}], {{1}}[..., {idx}], "
            f"optimize=True) for {loop} in np.ndindex({{0}}.shape[-{k}:]))")
    work = " * ".join([f"{{0}}.shape[-{n}]" for n in range(k + 1, len(win.labels) + 1)]
                      + [f"{{1}}.shape[-{n}]" for n in range(k + 1, len(other.labels) + 1)
                         if other.labels[-n] not in la]) or "1"
    return f"np.prod({{0}}.shape[-{k}:]) <= {MAX_OFFSETS} and {work} >= {MIN_WORK}", fast


def _stacked(win, other, bound, letters, out):
    r"""The window slides over few free labels (the kernel gradient $\sum_{s,t} x_{c,p+s,q+t}\, g_{o,s,t}$,
    whose windows are the large $(s, t)$): one contraction per position $(p, q)$, stacked."""
    slide, n = win.window_outer, len(win.labels)
    k = len(slide)
    if len(set(slide)) != k or set(slide) & (set(bound) | set(other.labels)):
        return None
    la = tuple(x for x in win.labels if x not in slide)
    inner = tuple(x for x in out if x not in slide)
    pos = [win.labels.index(x) - n for x in slide]
    subs = [":"] * n
    for m, p in enumerate(pos):
        subs[p + n] = f"_o{m}"
    code = f"np.einsum('{_spec(letters, la, other.labels, inner)}', {{0}}[..., {', '.join(subs)}], {{1}}, optimize=True)"
    for m in reversed(range(k)):
        code = f"[{code} for _o{m} in range({{0}}.shape[{pos[m]}])]"
    dest = tuple(out.index(x) - len(out) for x in slide)
    fast = f"np.moveaxis(np.array({code}), {tuple(range(k))}, {dest})"
    return " * ".join(f"{{0}}.shape[{p}]" for p in pos) + f" <= {MAX_OFFSETS}", fast
