r"""The scale of a root of a sum of squares of products, taken in log space before anything is squared.

.. math:: \sqrt{\sum_j u_j^2 + r} = e^{L}\sqrt{\sum_j e^{2(\ell_j - L)} + r e^{-2L}}, \qquad
          \ell_j = \sum_f e_f \log|f_j|,\quad L = \max\bigl(\max_j \ell_j, \tfrac12\log|r|, \log\mathrm{tiny}\bigr)

for $u_j = \prod_f f_j^{e_f}$ a product of two factors or more (identity ``log_scale_of_products``; it holds for
every $L$).  ``scaled_sqrt`` divides by $M = \max_j |u_j|$, which is itself $\infty$ where the product overflows
before it is squared: gated RMS normalisation $\frac{w_i x_i\,\mathrm{SiLU}(z_i)}{\sqrt{\frac1n\sum_j (x_j
\mathrm{SiLU}(z_j))^2 + \epsilon}}$ at $x, z \sim 10^{300}$ is inf/inf.  Here no product is formed: an entry $u_i$
met beside $e^{-L}$ (the numerator over the root) is $\operatorname{sign}(u_i)\,e^{\ell_i - L}$, at most 1.  The logs
of a sigmoid factor are written as softplus (``softplus_stable``).  Costly (search only): the logs round
$u_j/e^{L}$ to $|\ell_j - L|$ ulps, kept only where measurably more accurate.
"""
from __future__ import annotations

import sympy as sp

from symbolic.functions import ReduceMax

LOG_TINY = sp.log(sp.S.SmallestNormal)
"""The floor of the log scale (an all-zero vector is not divided by 0)."""


def _factors(u):
    """``[(f, e)]`` of the product ``u`` (numbers dropped), else None where fewer than two factors are left."""
    out = [f.as_base_exp() for f in sp.Mul.make_args(u) if not f.is_number]
    return out if len(out) >= 2 and all(e.is_number for _, e in out) else None


def _log_magnitude(u):
    r"""$\sum_f e_f \log|f|$ of the product ``u`` (its number factor as its log), a sigmoid's log as softplus."""
    from codegen.rules import softplus_stable

    terms = []
    for f in sp.Mul.make_args(u):
        base, e = f.as_base_exp()
        if f.is_number:
            terms.append(sp.log(sp.Abs(f)))
        elif (isinstance(base, sp.Add) and len(base.args) == 2 and sp.S.One in base.args
              and any(isinstance(a, sp.exp) for a in base.args)):
            (w,) = [a for a in base.args if a != 1]
            terms.append(e * softplus_stable(w.args[0]))  # log(1 + e^a)
        else:
            terms.append(e * sp.log(base if base.is_positive else sp.Abs(base)))
    return sp.Add(*terms)


def _sign(u):
    return sp.Mul(*[sp.sign(f.as_base_exp()[0]) ** f.as_base_exp()[1] for f in sp.Mul.make_args(u)
                    if not f.is_number and not f.as_base_exp()[0].is_positive]) * sp.sign(sp.Mul(
                        *[f for f in sp.Mul.make_args(u) if f.is_number]))


def _even_product(g):
    """``(u, k)`` with ``g = k u**2``, ``k`` a number and ``u`` a product of powers (every power of ``g`` even), else
    None."""
    k, factors = sp.S.One, []
    for f in sp.Mul.make_args(g):
        base, e = f.as_base_exp()
        if f.is_number:
            k *= f
        elif e.is_Integer and e % 2 == 0:
            factors.append(sp.Pow(base, e // 2))
        else:
            return None
    return (sp.Mul(*factors), k) if factors else None


def _radicand_parts(a):
    """``(squares, rest)``: terms ``k * u**2`` and ``k * Sum(u**2, lim)`` as ``(u, k, lim)`` (``k`` free of the
    index, ``u`` a product), and the other terms."""
    squares, rest = [], []
    for t in sp.Add.make_args(sp.expand(a, deep=False, mul=True, power_base=False, power_exp=False, log=False,
                                        multinomial=False, basic=False)):
        sums = [f for f in sp.Mul.make_args(t) if isinstance(f, sp.Sum) and len(f.limits) == 1]
        if len(sums) == 1:
            w = sp.Mul(*[f for f in sp.Mul.make_args(t) if f is not sums[0]])
            found = _even_product(sums[0].function)
            if found is not None and not w.has(sums[0].limits[0][0]):
                squares.append((found[0], w * found[1], sums[0].limits))
                continue
        elif not sums and not t.is_number:
            found = _even_product(t)
            if found is not None:
                squares.append((found[0], found[1], ()))
                continue
        rest.append(t)
    return squares, rest


def _product_root(e):
    if not (isinstance(e, sp.Pow) and e.exp in (sp.S.Half, -sp.S.Half)) or e.base.has(ReduceMax):
        return None
    squares, rest = _radicand_parts(e.base)
    if not squares or not any(lim and _factors(u) is not None for u, _, lim in squares):
        return None
    return squares, rest


def log_scale_of_products(expr: sp.Expr) -> sp.Expr:
    r"""$\sqrt{A} \to e^{L}\sqrt{A e^{-2L}}$ with the squares of $A$ as $e^{2(\ell - L)}$, $1/\sqrt{A}$ likewise, and an
    entry $u_i$ beside $e^{-L}$ as $\operatorname{sign}(u_i) e^{\ell_i - L}$."""
    roots = {e for e in expr.atoms(sp.Pow) if _product_root(e) is not None}
    if not roots:
        return expr
    out = {}
    for root in roots:
        squares, rest = _product_root(root)
        r = sp.Add(*rest)
        scales = [ReduceMax(_log_magnitude(u), *lim) if lim else _log_magnitude(u) for u, _, lim in squares]
        if rest:
            scales.append(sp.log(sp.Abs(r)) / 2)
        top = sp.Max(*scales, LOG_TINY)
        scaled = sp.Add(*[k * (sp.Sum(sp.exp(2 * (_log_magnitude(u) - top)), *lim) if lim
                               else sp.exp(2 * (_log_magnitude(u) - top))) for u, k, lim in squares])
        if rest:
            scaled += r * sp.exp(-2 * top)
        down = sp.Dummy("down")
        out[root] = (down * scaled ** -sp.S.Half if root.exp < 0 else scaled ** sp.S.Half / down,
                     down, top, [(u, lim) for u, _, lim in squares if lim])
    new = expr.xreplace({root: v for root, (v, *_) in out.items()})
    for root, (_, down, top, entries) in out.items():
        new = new.replace(lambda m: isinstance(m, sp.Mul) and down in m.args and _entry(m, down, top, entries),
                          lambda m: _entry(m, down, top, entries))
        new = new.xreplace({down: sp.exp(-top)})
    return new


def _entry(m, down, top, entries):
    """The product ``m`` (holding ``down`` $= e^{-L}$) with an entry $u_i$ of the squares and ``down`` replaced by
    $\operatorname{sign}(u_i) e^{\ell_i - L}$, else None."""
    from codegen.rules import _without_factors

    rest = sp.Mul(*[a for a in m.args if a != down])
    for u, lim in entries:
        j = lim[0][0]
        for i in sorted(rest.free_symbols, key=sp.default_sort_key):
            ui = u.xreplace({j: i})
            if ui == u and i != j:
                continue
            left = _without_factors(rest, ui)
            if left is not None:
                return sp.Mul(*left) * _sign(ui) * sp.exp(_log_magnitude(ui) - top)
    return None
