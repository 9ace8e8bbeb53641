r"""Rewritings of a derived VJP that make it as cheap to compute as the textbook closed forms.

Each is an identity of finite sums, applied where it holds exactly:

* :func:`weights_inside`: a normalizer moved into the sum it divides, next to its exponential,
  $\frac{1}{Z}\sum_i e^{u_i} f_i = \sum_i \frac{e^{u_i}}{Z} f_i$ with $Z = \sum_l e^{u_l}$, so that the
  softmax weights $p_i = e^{u_i}/Z$ appear as such (the stability rules shift both by $\max u$;
  $e^{u_i}$ alone overflows) and are shared with the forward pass;
* :func:`simplex_sums`: $\sum_k y_{\dots k} = 1$ over the last axis of a variable on the simplex;
* :func:`cancelled_products`: a product distributed over a sum of terms, and factors free of a sum's
  index pulled out of it, where that makes the expression smaller (cross-entropy through softmax:
  $\bar{p}_k\, p_k = -y_k / n$, the $1/p_k$ of $\log$'s derivative cancelled);
* :func:`rational_in_exp`: an expression without sums that is a rational function of one exponential
  $E = e^u$, in partial fractions in $E$ where that is smaller (binary cross-entropy through the sigmoid:
  $\bar{x} = \frac{g}{n}\big(1 - y - \frac{1}{1 + e^x}\big)$, the quotients of $\log$'s derivative cancelled);
* :func:`vanishing_sums`: a sum that is zero by linearity, $\sum_j (x_j - \frac{1}{n}\sum_l x_l) = 0$
  (layer norm's $\partial\sigma^2/\partial\mu$), dropped with the term it multiplies;
* :func:`normalized_sums`: $\frac{1}{\sum_j h_j}\sum_i h_i = 1$ where a sum of terms is divided by the sum of one
  of them (the softmax weights' total: a softmax entropy's $\sum_i p_i (\log p_i + 1) = 1 + \sum_i p_i \log p_i$);
* :func:`roots_into_sums`: $\frac{1}{b} \sum_i f_i = \frac{1}{\sqrt b} \sum_i \frac{f_i}{\sqrt b}$ for a radicand
  $b$ free of $i$ (layer norm's $\hat{x}_q \sum_i \hat{x}_i \bar{y}_i / \sigma$): each power of $b$ is then a
  square root, which the stability rules scale (a $\sigma^2$ written alone overflows where $\sigma$ does not)
  and the code computes once;
* :func:`split_outer_sums`: $\sum_j (a_{ij} - b_i)\, c_{ij} = \sum_j a_{ij} c_{ij} - b_i \sum_j c_{ij}$ where
  the terms of a factor depend on different free indices, so that no outer product (an array with the
  union of their indices) is formed before the contraction; where $b_i = \sum_l w_{il} a_{il}$ the second
  sum is taken as $\sum_l w_{il} \sum_j \ldots$, reusing the first (attention's $\sum_l A_{il}\bar{A}_{il}$);
* :func:`signs_into_sums_of_terms`: $-c\,(-a + b) = c\,(a - b)$ at the top (one negation fewer);
* :func:`reindexed_windows`: $\sum_t [0 \le p - t < M]\, g_t k_{p-t} = \sum_{m=0}^{M-1} [0 \le p - m \le T]\,
  g_{p-m} k_m$: the summation variable made the index the condition bounds by sizes alone, so a
  convolution's input gradient sums over the kernel's offsets and reads the upstream gradient
  zero-padded (the full correlation), as the forward pass reads its input.
"""
from __future__ import annotations

import sympy as sp

from derivations.gradients.derive import compact
from derivations.gradients.reindex import reindexed_windows, sizes_of


def simplify_vjp(expr: sp.Expr, simplex=(), *, weights: bool = True) -> sp.Expr:
    """All of this module's rewritings, each where it applies; ``simplex``: the ``IndexedBase`` s of
    variables on the probability simplex along their last axis, as ``(base, size of that axis)``; without
    ``weights``, no :func:`weights_inside` (a normalizer stays outside its sum: one division per row, not per
    element, where no forward's weights are shared)."""
    expr = simplex_sums(expr, simplex)
    expr = rational_in_exp(expr)
    expr = cancelled_products(expr)
    expr = simplex_sums(expr, simplex)
    expr = vanishing_sums(expr)
    expr = reindexed_windows(expr)
    expr = split_outer_sums(expr)
    expr = _smaller(expr, compact(expr))
    expr = normalized_sums(expr)  # after compact, which forms the quotients of a sum by its normalizer
    expr = roots_into_sums(expr)
    expr = signs_into_sums_of_terms(expr)
    return weights_inside(expr) if weights else expr  # last: factor_terms pulls a normalizer back out of its sum


def _smaller(expr, candidate):
    """``candidate`` where it has fewer operations than ``expr`` (ties: ``candidate``), else ``expr``."""
    return candidate if sp.count_ops(candidate) <= sp.count_ops(expr) else expr


# ** softmax weights **

def _normalizer(factor):
    r"""``(u, l)`` for a factor $1/\sum_l e^{u(l)}$ (one limit), else None."""
    if not (isinstance(factor, sp.Pow) and factor.exp == -1 and isinstance(factor.base, sp.Sum)):
        return None
    z = factor.base
    if len(z.limits) != 1 or not isinstance(z.function, sp.exp):
        return None
    return z.function.args[0], z.limits[0]


def _weighted(s: sp.Sum, u, limit) -> bool:
    r"""Whether the sum's body has a factor $e^{u(i)}$ for one of its indices $i$ with $l$'s range."""
    l, lo, hi = limit
    for i, ilo, ihi in s.limits:
        if (ilo, ihi) != (lo, hi):
            continue
        target = u.xreplace({l: i})
        if any(isinstance(f, sp.exp) and f.args[0] == target for f in sp.Mul.make_args(s.function)):
            return True
    return False


def _place(f, u, limit, factors: list) -> list | None:
    """``factors`` with the normalizer ``f`` moved into the first sum that is weighted by its exponential,
    directly or through sums nested in its body (each free of ``f``'s indices); None if there is none."""
    for m, s in enumerate(factors):
        if not isinstance(s, sp.Sum) or f.free_symbols & {i for i, _, _ in s.limits}:
            continue  # a sum over one of the normalizer's indices would capture it
        if _weighted(s, u, limit):
            return factors[:m] + [sp.Sum(s.function * f, *s.limits)] + factors[m + 1:]
        placed = _place(f, u, limit, list(sp.Mul.make_args(s.function)))
        if placed is not None:
            return factors[:m] + [sp.Sum(sp.Mul(*placed), *s.limits)] + factors[m + 1:]
    return None


def weights_inside(expr: sp.Expr) -> sp.Expr:
    r"""$\frac{1}{Z}\sum_i e^{u_i} f_i \to \sum_i \frac{e^{u_i}}{Z} f_i$ in every product (see the module docstring),
    also where the weighted sum is nested in another sum of the product."""
    def visit(e):
        if not e.args or isinstance(e, (sp.Indexed, sp.IndexedBase)):
            return e
        e = e.func(*[visit(a) for a in e.args]) if not isinstance(e, sp.Sum) else \
            sp.Sum(visit(e.function), *e.limits)
        if not isinstance(e, sp.Mul):
            return e
        factors = list(e.args)
        n = 0
        while n < len(factors):
            found = _normalizer(factors[n])
            placed = None if found is None else _place(factors[n], *found, factors[:n] + factors[n + 1:])
            if placed is None:
                n += 1
            else:
                factors = placed  # the normalizer is inside a sum now; the factors after it moved up by one
        return sp.Mul(*factors)

    return visit(expr)


# ** simplex and cancellation **

def simplex_sums(expr: sp.Expr, simplex) -> sp.Expr:
    r"""$\sum_{k=0}^{K-1} y_{\dots k} \to 1$ for each ``(y, K)`` of ``simplex`` (summed alone, over its last axis)."""
    sizes = dict(simplex)
    if not sizes:
        return expr

    def is_total(e):
        if not (isinstance(e, sp.Sum) and len(e.limits) == 1 and isinstance(e.function, sp.Indexed)):
            return False
        k, lo, hi = e.limits[0]
        y = e.function
        return (y.base in sizes and y.indices[-1] == k and lo == 0 and sp.expand(hi - sizes[y.base] + 1) == 0
                and all(k not in i.free_symbols for i in y.indices[:-1]))

    return expr.replace(is_total, lambda e: sp.S.One)


def _pull_all(e: sp.Expr) -> sp.Expr:
    if not e.args or isinstance(e, sp.Indexed):
        return e
    if isinstance(e, sp.Sum):
        return _pulled(sp.Sum(_pull_all(e.function), *e.limits))
    return e.func(*[_pull_all(a) for a in e.args])


def cancelled_products(expr: sp.Expr) -> sp.Expr:
    """Each product over a sum of terms distributed (one level), factors pulled out of sums, kept where
    the result has fewer operations."""
    def visit(e):
        if not e.args or isinstance(e, sp.Indexed):
            return e
        e = sp.Sum(visit(e.function), *e.limits) if isinstance(e, sp.Sum) else e.func(*[visit(a) for a in e.args])
        if isinstance(e, sp.Mul) and any(isinstance(f, sp.Add) for f in e.args):
            candidate = _pull_all(sp.expand(e, deep=False, mul=True, power_exp=False, power_base=False,
                                            multinomial=False, log=False))
            if sp.count_ops(candidate) < sp.count_ops(e):
                return candidate
        return e

    return visit(expr)


def rational_in_exp(expr: sp.Expr) -> sp.Expr:
    r"""``expr`` (no sums) with $e^{k u}$ as $E^k$ ($k$ integer, one $u$), cancelled, in partial fractions in $E$,
    where that has fewer operations (see the module docstring); else ``expr``."""
    if expr.has(sp.Sum) or expr.has(sp.Piecewise):
        return expr
    args = {a.args[0] for a in expr.atoms(sp.exp)}
    if not args:
        return expr
    u = min(args, key=sp.default_sort_key)
    u = -u if sp.Mul.make_args(u)[0].is_number and sp.Mul.make_args(u)[0].is_negative else u
    if any(not sp.cancel(a / u).is_integer for a in args):
        return expr
    e = sp.Dummy("E", positive=True)
    best = expr
    for v in (u, -u):  # partial fractions in e^u or in e^-u: the smaller one
        try:
            r = expr.replace(lambda a: isinstance(a, sp.exp), lambda a, v=v: e ** sp.cancel(a.args[0] / v))
            if r.has(v) or r.has(-v):
                return expr  # u also appears outside the exponentials
            candidate = compact(sp.apart(sp.cancel(r), e).subs(e, sp.exp(v)))
        except (sp.PolynomialError, NotImplementedError, TypeError, ValueError):
            continue
        if sp.count_ops(candidate) < sp.count_ops(best):
            best = candidate
    return best


# ** sums that vanish **

def _split(e: sp.Expr) -> sp.Expr:
    """Sums distributed over their terms, with factors free of the summation indices pulled out."""
    if isinstance(e, sp.Sum):
        body = sp.expand(_split(e.function))
        out = []
        for term in sp.Add.make_args(body):
            inner, outer = [], []
            for f in sp.Mul.make_args(term):
                (inner if f.free_symbols & {i for i, _, _ in e.limits} else outer).append(f)
            count = sp.Mul(*[hi - lo + 1 for i, lo, hi in e.limits if not any(i in f.free_symbols for f in inner)])
            limits = [lim for lim in e.limits if any(lim[0] in f.free_symbols for f in inner)]
            out.append(sp.Mul(*outer) * count * (sp.Sum(sp.Mul(*inner), *limits) if limits else sp.Mul(*inner)))
        return sp.Add(*out)
    if not e.args or isinstance(e, sp.Indexed):
        return e
    return e.func(*[_split(a) for a in e.args])


def vanishing_sums(expr: sp.Expr) -> sp.Expr:
    """Every sum equal to 0 by linearity replaced by 0 (the rest left as written)."""
    def is_zero_sum(e):
        if not isinstance(e, sp.Sum) or e.function == 0:
            return False
        from derivations.gradients.sums import canonical

        split = sp.expand(_split(e))  # each sum's dummies renamed canonically, so equal sums cancel
        split = split.replace(lambda a: isinstance(a, sp.Sum), lambda a: canonical(a.function, a.limits))
        return sp.expand(split) == 0

    return expr.replace(is_zero_sum, lambda e: sp.S.Zero) if expr.has(sp.Sum) else expr


# ** normalized sums **

def _normalizer_of(factor):
    """``(h, j, lo, hi)`` for a factor ``1/Sum(h, (j, lo, hi))`` (one limit), else None."""
    if isinstance(factor, sp.Pow) and factor.exp == -1 and isinstance(factor.base, sp.Sum) \
            and len(factor.base.limits) == 1:
        j, lo, hi = factor.base.limits[0]
        return factor.base.function, j, lo, hi
    return None


def _distributed(body):
    return sp.expand(body, deep=False, mul=True, power_exp=False, power_base=False, multinomial=False, log=False)


def _normalized(terms, i, norm):
    """``(count, rest)``: the number of ``terms`` equal to the normalizer's summand at ``i`` (times a number), and
    the other terms; None where there is none."""
    h, j, _, _ = norm
    target = h.xreplace({j: i})
    count, rest = sp.S.Zero, []
    for t in terms:
        c = sp.cancel(t / target) if t.has(*target.atoms(sp.Indexed)) or t == target else None
        if c is not None and c.is_number:
            count += c
        else:
            rest.append(t)
    return (count, rest) if count != 0 else None


def normalized_sums(expr: sp.Expr) -> sp.Expr:
    r"""$\frac{1}{S}\sum_i (c\, h_i + r_i) = c + \frac{1}{S}\sum_i r_i$ for $S = \sum_j h_j$ over the same range,
    $c$ a number, in every product of the normalizer with a sum, and inside a sum whose terms carry it."""
    def visit(e):
        if not e.args or isinstance(e, sp.Indexed):
            return e
        e = sp.Sum(visit(e.function), *e.limits) if isinstance(e, sp.Sum) else e.func(*[visit(a) for a in e.args])
        if isinstance(e, sp.Sum) and len(e.limits) == 1:  # the normalizer inside: sum_i h_i / S
            i, lo, hi = e.limits[0]
            terms = sp.Add.make_args(_distributed(e.function))
            for t in terms:
                for f in sp.Mul.make_args(t):
                    norm = _normalizer_of(f)
                    if norm is None or (norm[2], norm[3]) != (lo, hi) or i in f.free_symbols:
                        continue
                    found = _normalized([u / f for u in terms if f in sp.Mul.make_args(u)], i, norm)
                    if found is None:
                        continue
                    count, rest = found
                    others = [u for u in terms if f not in sp.Mul.make_args(u)]
                    return count + _pulled(sp.Sum(sp.Add(*[r * f for r in rest] + others), *e.limits))
            return e
        if isinstance(e, sp.Mul):  # the normalizer outside: (1/S) * sum_i (...)
            factors = list(e.args)
            for n, f in enumerate(factors):
                norm = _normalizer_of(f)
                if norm is None:
                    continue
                for m, s in enumerate(factors):
                    if not (isinstance(s, sp.Sum) and len(s.limits) == 1 and (s.limits[0][1], s.limits[0][2])
                            == (norm[2], norm[3])):
                        continue
                    found = _normalized(sp.Add.make_args(_distributed(s.function)), s.limits[0][0], norm)
                    if found is None:
                        continue
                    count, rest = found
                    others = [x for q, x in enumerate(factors) if q not in (n, m)]
                    return sp.Mul(*others) * (count + f * _pulled(sp.Sum(sp.Add(*rest), *s.limits)))
        return e

    return visit(expr)


# ** signs **

def _negatives(add) -> int:
    return sum(1 for t in add.args if t.could_extract_minus_sign())


def signs_into_sums_of_terms(expr: sp.Expr) -> sp.Expr:
    r"""$-c\,(-a + b) \to c\,(a - b)$ at the top of the expression: the product's minus sign given to its sum of
    terms where that has as many negative terms as positive ones or more (one negation fewer in the code).
    Only at the top: a sum of terms inside may be shared, as written, with another part of the expression."""
    if isinstance(expr, sp.Mul) and expr.could_extract_minus_sign():
        adds = [f for f in expr.args if isinstance(f, sp.Add)]
        if len(adds) == 1 and 2 * _negatives(adds[0]) >= len(adds[0].args):
            rest = [f for f in expr.args if f is not adds[0]]
            return sp.Mul(-sp.Mul(*rest), sp.Add(*[-t for t in adds[0].args]))
    return expr


# ** roots **

def roots_into_sums(expr: sp.Expr) -> sp.Expr:
    r"""In each product, a power $b^e$ ($|e| \ge 1$, $2e$ an integer, $b$ holding a sum) gives a factor
    $b^{\pm 1/2}$ to each ``Sum`` factor free of $b$'s indices, while $|e| > 1/2$; only for a $b$ whose
    square root the expression takes somewhere (a radicand: $b^{k/2}$, $k$ odd)."""
    radicands = {p.base for p in expr.atoms(sp.Pow) if (2 * p.exp).is_integer and not p.exp.is_integer}

    def visit(e):
        if not e.args or isinstance(e, sp.Indexed):
            return e
        e = sp.Sum(visit(e.function), *e.limits) if isinstance(e, sp.Sum) else e.func(*[visit(a) for a in e.args])
        if not isinstance(e, sp.Mul):
            return e
        factors = list(e.args)
        for n, f in enumerate(factors):
            if not (isinstance(f, sp.Pow) and (2 * f.exp).is_integer and abs(f.exp) >= 1 and f.base in radicands):
                continue
            b, x = f.base, f.exp
            half = sp.S.Half if x > 0 else -sp.S.Half
            for m, s in enumerate(factors):
                if abs(x) <= sp.S.Half:
                    break
                if isinstance(s, sp.Sum) and not (b.free_symbols & {i for i, _, _ in s.limits}):
                    factors[m] = sp.Sum(sp.Mul(s.function, sp.Pow(b, half)), *s.limits)
                    x -= half
            factors[n] = sp.Pow(b, x)
        return sp.Mul(*factors)

    return visit(expr)


# ** outer products inside sums **

def _indices(e, sizes) -> frozenset:
    return frozenset(s for s in e.free_symbols if s.is_integer and s not in sizes)


def split_outer_sums(expr: sp.Expr) -> sp.Expr:
    r"""$\sum_j (a - b)\, c \to \sum_j a c - \sum_j b c$ where the terms of an ``Add`` factor of the body
    have different free indices and the ``Add`` as one array would have more indices than every other
    factor (an outer product)."""
    sizes = sizes_of(expr)

    def visit(e):
        if not e.args or isinstance(e, sp.Indexed):
            return e
        if isinstance(e, sp.Sum):
            body = visit(e.function)
            factors = list(sp.Mul.make_args(body))
            for n, f in enumerate(factors):
                if not isinstance(f, sp.Add):
                    continue
                rest_sets = [_indices(g, sizes) for m, g in enumerate(factors) if m != n]
                sets = {_indices(t, sizes) for t in f.args}
                union = frozenset().union(*sets)
                if len(sets) > 1 and not any(union <= r for r in rest_sets):  # else no array is larger
                    rest = sp.Mul(*(factors[:n] + factors[n + 1:]))
                    return sp.Add(*[_reused(t, f.args, rest, e.limits) or _pulled(sp.Sum(t * rest, *e.limits))
                                    for t in f.args])
            return sp.Sum(body, *e.limits)
        return e.func(*[visit(a) for a in e.args])

    return visit(expr)


def _reused(term, siblings, rest, limits):
    r"""$\sum_v c_v \sum_l w_l a_{lv} = \sum_l w_l \sum_v a_{lv} c_v$ when a sibling term is $a_{jv}$: the split's
    other sum $\sum_v a_{jv} c_v$ is then reused, and the difference of the two is taken between values rounded
    alike (attention's $\bar{A}_{ij} - \sum_l A_{il} \bar{A}_{il}$, exactly 0 where every $\bar{A}_{ij}$ is equal);
    None where no factor of ``term`` is such a weighted sum."""
    bound = {v for v, _, _ in limits}
    for b in sp.Mul.make_args(term):
        if not (isinstance(b, sp.Sum) and len(b.limits) == 1):
            continue
        l, lo, hi = b.limits[0]
        if l in rest.free_symbols or (lo.free_symbols | hi.free_symbols) & bound:
            continue
        for a in sp.Mul.make_args(b.function):
            for other in siblings:
                if other is term:
                    continue
                for j in other.free_symbols - term.free_symbols:
                    if j.is_integer and a == other.xreplace({j: l}):
                        w = b.function / a
                        if w.free_symbols & bound:
                            continue
                        inner = _pulled(sp.Sum(a * rest, *limits))
                        return (term / b) * sp.Sum(w * inner, b.limits[0])
    return None


def _pulled(s: sp.Sum) -> sp.Expr:
    """Factors free of the sum's indices moved out of it; limits whose index no factor reads, counted."""
    bound = {i for i, _, _ in s.limits}
    inner, outer = [], []
    for f in sp.Mul.make_args(s.function):
        (inner if f.free_symbols & bound else outer).append(f)
    limits = [lim for lim in s.limits if any(lim[0] in f.free_symbols for f in inner)]
    count = sp.Mul(*[hi - lo + 1 for i, lo, hi in s.limits if (i, lo, hi) not in limits])
    body = sp.Mul(*inner)
    return sp.Mul(*outer) * count * (sp.Sum(body, *limits) if limits else body)
