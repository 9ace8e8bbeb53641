r"""A sum whose terms cancel on one side of a kink, folded there (:mod:`codegen.rules` registers it as
``fold_at_kink``).

========================  =====================================================================
rule                      identity
========================  =====================================================================
``fold_at_kink``          $\sum_t T_t(H(u), \max(0, u), \min(0, u)) = \begin{cases} \sum_t T_t(1, u, 0) & u > 0 \\
                          \sum_t T_t(0, 0, u) & u < 0 \\ \sum_t T_t(h, 0, 0) & u = 0 \end{cases}$, each branch
                          expanded where two of its terms cancel ($H(0) = h$; the last two one branch where $h = 0$)
========================  =====================================================================

The gradient of the Wendland kernel $\max(0, 1 - s)^{4}(4s + 1)$, $s = r/\ell$, is
$4\max(0, 1 - s)^{3}\bigl(\max(0, 1 - s) - (1 + 4s)H(1 - s)\bigr)/\ell$: where $s < 1$ the bracket is
$(1 - s) - (1 + 4s) = -5s$, two ones that cancel.  At $\ell = 10^{150}$, $s = 10^{-150}$ the ones round the bracket to 0
(the VJP 100 % off, 0 where the truth is $-20 (x - y)/\ell^{2}$); folded, the branch is $-5s$ with every digit.  A sum
with two kinks of one argument $u$ is taken apart on the sign of $u$, the kinks replaced by their values there; a
branch is expanded only where two of its terms are one monomial with opposite signs (a cancellation, not like terms
merged), else kept as written; where no branch cancels the sum is left.
"""
from __future__ import annotations

import sympy as sp

MAX_OPS = 300
"""Sums with more operations are left (each branch is expanded once to see whether its terms cancel)."""


def _kinks(t) -> list[tuple[sp.Expr, sp.Expr]]:
    """``(node, u)`` for each kink of ``t``: $H(u)$, $\\max(0, u)$, $\\min(0, u)$."""
    out = []
    for a in t.atoms(sp.Heaviside, sp.Max, sp.Min):
        if isinstance(a, sp.Heaviside):
            out.append((a, a.args[0]))
        elif len(a.args) == 2 and sp.S.Zero in a.args:
            out.append((a, next(b for b in a.args if b != 0)))
    return out


def _sides(terms, u):
    """The values of the kinks of ``u`` in ``terms`` on each side: ``[(swap, condition)]``."""
    nodes = {a for t in terms for a, v in _kinks(t) if v == u}
    hs = {a.args[1] if len(a.args) > 1 else sp.S.Half for a in nodes if isinstance(a, sp.Heaviside)}
    if len(hs) > 1:
        return None

    def value(a, side):
        if isinstance(a, sp.Heaviside):
            return {"+": sp.S.One, "-": sp.S.Zero, "0": next(iter(hs))}[side]
        if isinstance(a, sp.Max):
            return u if side == "+" else sp.S.Zero
        return u if side == "-" else sp.S.Zero

    sides = [("+", u > 0)]
    if not hs or next(iter(hs)) == 0:
        sides.append(("-", True))
    else:
        sides += [("-", u < 0), ("0", True)]
    return [({a: value(a, side) for a in nodes}, cond) for side, cond in sides]


def _cancels(terms) -> bool:
    """Two terms of the expanded ``terms`` are the same monomial with coefficients of opposite signs (a cancellation,
    not like terms merged)."""
    signs: dict = {}
    for t in terms:
        for m in sp.Add.make_args(sp.expand(t)):
            c, rest = m.as_coeff_Mul()
            if c.is_number and c != 0:
                signs.setdefault(rest, set()).add(bool(c > 0))
    return any(len(v) == 2 for v in signs.values())


def _folded(e):
    """The folded form of the sum ``e`` (the module docstring), else None."""
    if not isinstance(e, sp.Add) or sp.count_ops(e) > MAX_OPS:
        return None
    seen: dict = {}
    for t in e.args:
        for u in {v for _, v in _kinks(t)}:
            seen[u] = seen.get(u, 0) + 1
    for u, count in seen.items():
        if count < 2:
            continue
        sides = _sides(e.args, u)
        if sides is None:
            continue
        branches, cancelled = [], False
        for swap, cond in sides:
            terms = [t.xreplace(swap) for t in e.args]
            written = sp.Add(*terms)
            if _cancels(terms):
                expanded = sp.expand(written)
                branches.append((expanded, cond))
                cancelled = True
            else:
                branches.append((written, cond))
        if cancelled:
            return sp.Piecewise(*branches)
    return None


def fold_at_kink(expr: sp.Expr) -> sp.Expr:
    r"""Each sum whose terms cancel on one side of a kink as :func:`_folded` (the rule of the module docstring)."""
    return expr.replace(lambda e: _folded(e) is not None, _folded)
