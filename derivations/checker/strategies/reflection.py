r"""The reflection formulas of the gamma family, written out so that a difference can cancel.

For $w = 1 - u$, where the argument $u$ of $\psi^{(m)}$ holds its symbols with a minus sign ($1 - x$, $-x$, $2 - t$):

$$\psi^{(m)}(1 - w) = (-1)^m \bigl[\psi^{(m)}(w) + \pi\, \partial_w^m \cot(\pi w)\bigr],$$

the $m$-th derivative of $\psi(1 - x) - \psi(x) = \pi \cot \pi x$; then ``expand_func`` writes out the integer shifts
($\psi(x + 1) = \psi(x) + 1/x$, $B(x, y)$ as gammas) and ``gammasimp`` applies $\Gamma(w)\Gamma(1 - w) = \pi/\sin \pi w$.
Both sides are meromorphic with the same poles (the integers), so the rewrite is an identity wherever the written
sides are defined.  ``simplify`` does none of this: $\psi'(x) + \psi'(1 - x) = \pi^2/\sin^2 \pi x$ and
$B(x + 1, 1 - x) = \pi x/\sin \pi x$ were left to the samples, which timed out.
"""
from __future__ import annotations

import sympy as sp


def _negated(u: sp.Expr) -> bool:
    """Whether ``u`` holds its symbols with a minus sign (``1 - x``, ``-x``), not ``x + 1``."""
    _, rest = u.as_coeff_Add()
    return bool(rest.free_symbols) and rest.could_extract_minus_sign()


def _psi_reflected(m: sp.Expr, u: sp.Expr) -> sp.Expr:
    w = sp.expand(1 - u)
    t = sp.Dummy("t")
    return (-1) ** m * (sp.polygamma(m, w) + sp.pi * sp.diff(sp.cot(sp.pi * t), t, int(m)).subs(t, w))


def reflected(d: sp.Expr) -> sp.Expr:
    """``d`` with each $\\psi^{(m)}(u)$ at a negated argument reflected, its shifts expanded, and ``gammasimp``
    applied when a gamma or beta has a negated argument; ``d`` itself when nothing is to be reflected."""
    psis = {node: _psi_reflected(*node.args) for node in d.atoms(sp.polygamma)
            if node.args[0].is_Integer and node.args[0] >= 0 and _negated(node.args[1])}
    gammas = any(_negated(a) for node in d.atoms(sp.gamma, sp.beta) for a in node.args)
    if not psis and not gammas:
        return d
    out = sp.expand_func(d.xreplace(psis))
    if gammas:
        out = sp.gammasimp(out)
    return sp.trigsimp(out)
