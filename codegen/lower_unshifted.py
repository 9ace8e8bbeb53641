r"""Exponentials without their max-shift where the shift is not needed, with the shifted code as the fallback.

``exp_normalize`` and ``logsumexp_shift`` (:mod:`codegen.rules`) write

.. math:: \frac{e^{f_i}}{\sum_j e^{f_j}} = \frac{e^{f_i - m}}{\sum_j e^{f_j - m}}, \qquad
          \log \sum_j e^{f_j} = m + \log \sum_j e^{f_j - m}, \qquad m = \max_j f_j ,

identities that hold for every $m$: the maximum only keeps the exponentials in range.  Computing $m$ and
$f - m$ costs two passes over $f$ (a read and a read-write: in the float32 softmax forward 40% of its time),
and where no exponential overflows or underflows they change nothing.  Such a shift is an :class:`ExpShift`
(a ``ReduceMax`` that says so); :func:`unshifted` gives the targets with every shift set to 0 and the sums
$S = \sum_j e^{f_j}$ that tell whether that was safe.  The lowering (:func:`codegen.lower.lower_function`)
emits the unshifted body first and keeps its result where

.. math:: 1 \le S \le \sqrt{\mathrm{max}} \ \text{(every row)}, \qquad \text{every output finite},

else it runs the shifted body (the code it emitted before, unchanged).  Where $S \ge 1$ the largest term is at
least $1/n$, so an exponential that underflows is below $\mathrm{tiny}$ after the division by $S$ too (as in
the shifted form, up to a factor $n$); $S \le \sqrt{\mathrm{max}}$ bounds every exponential, and an overflow
elsewhere (a product of an exponential with a huge input) shows as an infinite output.  Unshifted, $e^{f}$ is
also more accurate: the shifted argument $f - m$ is rounded before the exponential amplifies its error
($|f - m|\,\varepsilon/2$ relative).

A log of a sum $S$ is taken only inside a weighted sum that splits into parts (cross-entropy from logits,
:mod:`codegen.lower_split_sums`), with the cancellation between the parts measured at run time.

Not applied (the shifted code alone, as before) where the value depends on the shift being the maximum: a
shift inside ``Piecewise`` (``mean_from_top``'s test $h_i \ge 0$ of the top index), ``Max``, ``Abs``, ``sign``
or ``Heaviside``, or an exponential of a shifted argument that is not a term of one of the sums $S$.
"""
from __future__ import annotations

import sympy as sp

from codegen.lower_split_sums import split_log_sums
from symbolic.functions import ReduceMax

_SHIFT_SENSITIVE = (sp.Piecewise, sp.Max, sp.Min, sp.Abs, sp.sign, sp.Heaviside, sp.core.relational.Relational)

GUARD_NAME = "_unshifted"
"""The generated code's flag: every sum $S$ of the unshifted body is in its safe range."""


class ExpShift(ReduceMax):
    r"""$\max_j f_j$ used only as the shift of exponentials, in an expression whose value does not depend on it
    (written by the stability rules that shift; printed and evaluated as ``ReduceMax``)."""


def _shifts(exprs) -> set:
    return {a for e in exprs for a in sp.preorder_traversal(e) if isinstance(a, ExpShift)}


def _guard_sums(exprs, shifts) -> list:
    """The sums ``Sum(exp(h), (j, lo, hi))`` with a shifted ``h``, in order of first appearance, each once."""
    found = {}
    for e in exprs:
        for a in sp.preorder_traversal(e):
            if isinstance(a, sp.Sum) and len(a.limits) == 1 and isinstance(a.function, sp.exp) \
                    and a.function.args[0].has(*shifts):
                found.setdefault(a, None)
    return list(found)


def _covered(e: sp.exp, sums, shifts) -> bool:
    """``e`` is a term of one of ``sums``: the same shift, and unshifted their summand at some integer index."""
    zero = {s: sp.S.Zero for s in shifts}
    arg = e.args[0]
    for s in sums:
        (j, _, _), h = s.limits[0], s.function.args[0]
        if _shifts([arg]) != _shifts([h]):
            continue
        bare, term = arg.xreplace(zero), h.xreplace(zero)
        if bare == term or any(getattr(k, "is_integer", False) and term.xreplace({j: k}) == bare
                               for k in bare.free_symbols):
            return True
    return False


def unshifted(exprs, *, split: bool = False) -> tuple | None:
    r"""``(exprs with every ExpShift set to 0, the sums S of the unshifted exprs)``, or None where the shifts
    cannot be dropped this way (none, a shift under a test, an exponential no sum bounds).  ``split``: a
    weighted sum of $z_k - \log S$ is taken too, split into its parts (:mod:`codegen.lower_split_sums`), and
    the result is ``(exprs, sums, groups)`` with the split sums' parts (empty where nothing was split)."""
    exprs = list(exprs)
    shifts = _shifts(exprs)
    if not shifts:
        return None
    for e in exprs:
        for a in sp.preorder_traversal(e):
            if isinstance(a, _SHIFT_SENSITIVE) and a.has(*shifts):
                return None
    sums = _guard_sums(exprs, shifts)
    if not sums:
        return None
    weighted = [a for e in exprs for a in sp.preorder_traversal(e)
                if isinstance(a, sp.Sum) and a not in sums and a.function.has(*shifts)]
    logs = False
    for e in exprs:
        for a in sp.preorder_traversal(e):
            if isinstance(a, sp.log) and a.args[0].has(*sums):
                if not split:
                    return None  # log-space: z_k - log S cancels where the shifted (z_k - m) - log S' does not
                logs = True  # taken only where the logs sit in sums that split (the cancellation measured)
            if isinstance(a, sp.Add) and weighted and any(term.has(*weighted) for term in a.args):
                return None  # g_k - sum_i g_i p_i: shifted, the top weight is exactly 1 and the top term cancels exactly
    for e in exprs:
        for a in sp.preorder_traversal(e):
            if isinstance(a, sp.exp) and a.args[0].has(*shifts) and not _covered(a, sums, shifts):
                return None
    zero = {s: sp.S.Zero for s in shifts}
    fast = [e.xreplace(zero) for e in exprs]
    if _shifts(fast):
        return None
    guards = list(dict.fromkeys(s.xreplace(zero) for s in sums))
    if not split:
        return fast, guards
    groups = []
    if logs:
        found = split_log_sums(fast, guards)
        if found is None:
            return None
        fast, groups = found
    return fast, guards, groups


def guard_line(names: list[str]) -> str:
    r"""``_unshifted = ...``: every row of each named sum in $[1, \sqrt{\mathrm{max}}]$ (False on NaN).

    Read as its minimum and maximum (NaN propagates through both, and fails both tests; ``initial``: an
    empty block passes), the array methods: the per-block cost is paid once per block of rows, and
    ``np.all`` of two comparisons joined by ``&`` is four ufunc calls and two temporaries where this is two
    reductions."""
    tests = " and ".join(f"bool(np.asarray({n}).min(initial=np.inf) >= 1) and "
                         f"bool(np.asarray({n}).max(initial=-np.inf) <= np.sqrt(np.finfo({n}.dtype).max))"
                         for n in names)
    return f"{GUARD_NAME} = {tests}"


def finite_test(value: str) -> str:
    r"""Code: the array named ``value`` has no inf or NaN, read by one BLAS matrix-vector product over its last
    axis (a row sum: inf and NaN propagate; a sum that overflows from finite terms only sends the call to the
    shifted code)."""
    return (f"bool(np.isfinite(np.matmul({value}, np.ones({value}.shape[-1], {value}.dtype)) "
            f"if np.ndim({value}) else {value}).all())")


def bounded_by_guards(expr, guards, indices) -> bool:
    r"""``expr`` (an unshifted target over its free ``indices``, ``(k, lo, hi)``) is finite wherever the guard holds,
    with no run-time test: a product

    .. math:: e^{f_k} \prod_p S_p^{-a_p}, \qquad a_p > 0,

    of at most one exponential that is a term of a guarded sum $S = \sum_{j=lo}^{hi} e^{f_j}$ (the same row:
    $f_k$ is the summand at $j = k$, with $k$ over the same range) and negative powers of guarded sums.  Every
    term of $S$ is nonnegative, so $e^{f_k} \le S \le \sqrt{\mathrm{max}}$, and $S^{-a} \le 1$ as $S \ge 1$:
    the product is at most $\sqrt{\mathrm{max}}$ (the softmax $e^{z_k}/S \le 1$).  Anything else (a factor
    that is an input, a sum of such products) keeps the run-time finite test."""
    guards = list(guards)
    ranges = {k: (lo, hi) for k, lo, hi in indices}
    exps = 0
    for f in sp.Mul.make_args(expr):
        if isinstance(f, sp.Pow) and f.base in guards and f.exp.is_number and f.exp.is_negative:
            continue
        if not isinstance(f, sp.exp) or exps:
            return False
        exps += 1
        arg = f.args[0]
        if not any(_a_term_of(arg, s, ranges) for s in guards):
            return False
    return True


def _a_term_of(arg, s, ranges) -> bool:
    """``exp(arg)`` is a term of the sum ``s`` of exponentials: its summand at ``j = k`` for an index ``k`` whose
    range is the sum's, or the summand itself where it does not depend on ``j``."""
    if not (isinstance(s, sp.Sum) and len(s.limits) == 1 and isinstance(s.function, sp.exp)):
        return False
    (j, lo, hi), h = s.limits[0], s.function.args[0]
    if not h.has(j):
        return arg == h and (hi - lo).is_nonnegative is True
    return any(h.xreplace({j: k}) == arg and sp.simplify(lo - klo) == 0 and sp.simplify(hi - khi) == 0
               for k, (klo, khi) in ranges.items())
