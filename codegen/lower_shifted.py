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
        if k and other.window == 0 and set(offsets) <= set(bound) and set(offsets) <= set(other.labels):
            return _shifted(printer, win, other, offsets, [d for d in bound if d not in offsets])
    return None


def _shifted(printer, win, other, offsets, rest) -> Arr | None:
    k = len(offsets)
    other = printer.align(other, (*[x for x in other.labels if x not in offsets], *offsets))
    la, lb = win.labels[:-k], other.labels[:-k]
    if any(x in la and x in lb for x in offsets):
        return None
    out = tuple(printer._sorted((set(la) | set(lb)) - set(rest)))
    letters: dict = {}
    for x in (*la, *lb):
        letters.setdefault(x, string.ascii_letters[len(letters)])
    spec = "..." + "".join(letters[x] for x in la) + ",..." + "".join(letters[x] for x in lb)
    spec += "->..." + "".join(letters[x] for x in out)
    full = "..." + "".join(letters.setdefault(x, string.ascii_letters[len(letters)]) for x in win.labels)
    full += ",..." + "".join(letters[x] for x in other.labels) + "->..." + "".join(letters[x] for x in out)
    idx = ", ".join(f"_o{n}" for n in range(k))
    loop = f"({idx},)" if k == 1 else f"({idx})"
    work = " * ".join(f"{{0}}.shape[-{n}]" for n in range(k + 1, len(win.labels) + 1))
    work += " * " + " * ".join(f"{{1}}.shape[-{n}]" for n in range(k + 1, len(other.labels) + 1)
                               if other.labels[-n] not in la) if any(x not in la for x in lb) else ""
    shifted = (f"sum(np.einsum('{spec}', {{0}}[..., {idx}], {{1}}[..., {idx}], optimize=True) "
               f"for {loop} in np.ndindex({{0}}.shape[-{k}:]))")
    whole = f"np.einsum('{full}', {{0}}, {{1}}, optimize=False)"
    test = f"np.prod({{0}}.shape[-{k}:]) <= {MAX_OFFSETS} and {work} >= {MIN_WORK}"
    named = Arr("{0}", (win,), win.labels, win.batched, ATOM, "reduce", "window", window=k)
    return Arr(f"({shifted} if {test} else {whole})", (named, other), out, win.batched or other.batched,
               ATOM, "reduce", "sum")
