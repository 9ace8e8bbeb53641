r"""Rules for a quantity divided by a scale before a function is applied (:mod:`codegen.rules` registers them).

========================  =====================================================================
rule                      identity
========================  =====================================================================
``scale_over_argument``   $k\,f(a/k) = a\,\frac{f(u)}{u}\big|_{u = a/k}$ for $|u| < 1$ ($a$ at $u = 0$), $f(u) = u\,h(u)$, $h(0) = 1$
``scales_into_sum``       $\frac{\sum_i u_i v_i}{M_u M_v} = \sum_i \frac{u_i}{M_u}\frac{v_i}{M_v}$ for the scales of ``scaled_sqrt``
``scale_into_entry``      $\frac{a\,u_i}{M_u} = a\,\frac{u_i}{M_u}$ for a scale $M_u \ge \max_j |u_j|$ of ``scaled_sqrt``
========================  =====================================================================

Each is a function ``expr -> expr`` (a rule's ``apply``); this module knows nothing of the
registry, which gives each one its priority and the id of the identity it rests on.
"""
from __future__ import annotations

import sympy as sp

from symbolic.functions import Held, ReduceMax

ODD_THROUGH_ZERO = (sp.tanh, sp.sin, sp.sinh, sp.atan, sp.asinh)
r"""Functions $f$ with $f(u) = u\,h(u)$, $h$ continuous and $h(0) = f'(0) = 1$."""


def scaled_form(f, u, a, k):
    r"""$k f(u)$ for $|u| \ge 1$, else $a \cdot f(u)/u$ ($a = k u$), continued by $a$ at $u = 0$ (where $u$
    underflows, $f(u)/u$ is $0/0$).  For $|u| \ge 1$ the ratio would underflow instead ($u = \infty$).

    The ratio is kept unevaluated, and opaque to later rules: sympy would cancel $u = a/k$ into $k f(u)/a$, which
    underflows again (a later rule that rewrites inside $u$ rebuilds the product, and the branches then agree)."""
    ratio = sp.UnevaluatedExpr(sp.Mul(f(u), sp.Pow(sp.UnevaluatedExpr(u), -1, evaluate=False), evaluate=False))
    return sp.Piecewise((k * f(u), sp.Abs(u) >= 1), (sp.Mul(a, ratio, evaluate=False), sp.Ne(u, 0)), (a, True))


def _scaled(e):
    """``(f, u, a, rest)`` for ``e = rest * f(u)`` where ``u`` divides by a factor of ``rest``: ``a = rest * u``."""
    if not isinstance(e, sp.Mul):
        return None
    for t in e.args:
        if not isinstance(t, ODD_THROUGH_ZERO):
            continue
        u = t.args[0]
        rest = [a for a in e.args if a is not t]
        divisors = {q.base for q in sp.Mul.make_args(u)
                    if isinstance(q, sp.Pow) and q.exp == -1 and not q.base.is_number}
        if divisors & {a for a in rest if not a.is_number}:
            return t.func, u, sp.Mul(*rest, u), sp.Mul(*rest)
    return None


def scale_over_argument(expr: sp.Expr) -> sp.Expr:
    r"""$k\,f(a/k) \to a\,\frac{f(a/k)}{a/k}$: soft capping $\gamma \tanh(x/\gamma)$ at $x = 10^{-300}$,
    $\gamma = 10^{300}$ has $x/\gamma = 0$ (underflow) and gives 0 where the truth is $x$; the ratio
    $f(u)/u$ is 1 there, so the product keeps $x$.  Where $k$ is the scale of the argument the
    product $k\,u$ cancels symbolically ($k \cdot a/k = a$)."""
    def value(e):
        f, u, a, k = _scaled(e)
        return scaled_form(f, u, a, k)

    return expr.replace(lambda e: _scaled(e) is not None, value)


# ** a sum of products divided by the scales of its factors **


def _scale_of(m):
    """The array ``u`` (and its limits) where ``m`` is ``Max(tiny, ReduceMax(Abs(u), lim))``, else None."""
    if isinstance(m, sp.Max):
        inner = [a for a in m.args if isinstance(a, ReduceMax)]
        if len(inner) == 1 and all(a.is_number for a in m.args if a is not inner[0]):
            r = inner[0]
            if isinstance(r.function, sp.Abs) and len(r.limits) == 1:
                return r.function.args[0], r.limits[0]
    return None


def _scaled_sum(e):
    """``(n, [(k, m)])``: factor ``n`` of ``e`` is ``Sum(prod_f f)``, each ``1/m`` a factor of ``e`` whose ``m``
    scales a factor ``f_k`` of the summand (``m = max_j |f_k|`` over the summed index)."""
    if not isinstance(e, sp.Mul):
        return None
    scales = [(q, f.base) for q, f in enumerate(e.args) if isinstance(f, sp.Pow) and f.exp == -1
              and _scale_of(f.base) is not None]
    if len(scales) < 2:
        return None
    for n, s in enumerate(e.args):
        if not (isinstance(s, sp.Sum) and len(s.limits) == 1 and isinstance(s.function, sp.Mul)):
            continue
        var = s.limits[0][0]
        body = sp.Mul.make_args(s.function)
        pairs = []
        for q, m in scales:
            u, lim = _scale_of(m)
            k = next((k for k, f in enumerate(body) if f == u.subs(lim[0], var) and tuple(lim[1:]) == tuple(s.limits[0][1:])
                      and k not in [p for p, _, _ in pairs]), None)
            if k is not None:
                pairs.append((k, q, m))
        if len(pairs) >= 2:
            return n, pairs
    return None


def scales_into_sum(expr: sp.Expr) -> sp.Expr:
    r"""$\frac{\sum_i u_i v_i}{M_u M_v} = \sum_i \frac{u_i}{M_u}\frac{v_i}{M_v}$ for the scales $M_u = \max_i |u_i|$
    that ``scaled_sqrt`` puts under the norms (cosine similarity $\frac{a \cdot b}{\|a\| \|b\|}$): $a_i b_i$
    overflows for $|a|, |b| > 10^{154}$ and underflows below $10^{-162}$, while each ratio is at most 1."""
    def value(e):
        n, pairs = _scaled_sum(e)
        s = e.args[n]
        body = list(sp.Mul.make_args(s.function))
        used = set()
        for k, q, m in pairs:
            body[k] = Held(sp.Mul(body[k], sp.Pow(m, -1), evaluate=False))
            used.add(q)
        rest = [f for q, f in enumerate(e.args) if q != n and q not in used]
        return sp.Mul(*rest) * sp.Sum(sp.Mul(*body), s.limits)

    return expr.replace(lambda e: _scaled_sum(e) is not None, value)


# ** an entry divided by its own scale first **


def _scaled_arrays(m):
    r"""``[(u, j)]``: the quantities ``m`` bounds, one per ``|u|`` (``j = None``) or ``max_j |u_j|`` among its
    arguments, where ``m`` is a ``Max`` that ``scaled_sqrt`` builds (every other argument non-negative)."""
    if not isinstance(m, sp.Max):
        return []
    found = []
    for a in m.args:
        if isinstance(a, sp.Abs):
            found.append((a.args[0], None))
        elif isinstance(a, ReduceMax) and isinstance(a.function, sp.Abs) and len(a.limits) == 1:
            found.append((a.function.args[0], a.limits[0][0]))
    return found


def _is_entry(f, u, j) -> bool:
    """``f`` is ``u`` (a scalar scaled by its own magnitude) or the entry ``u`` with the maximised index ``j``
    replaced (``x_i`` for ``u = x_j``; ``y_k - x_k`` for ``u = x_j - y_j``: an entry up to its sign, whose
    magnitude the scale bounds as well)."""
    if f == u or (isinstance(f, sp.Add) and -f == u):
        return True
    if j is not None and isinstance(u, sp.Add) and isinstance(f, sp.Add) and u.has(j):
        return any(u.xreplace({j: k}) in (f, -f) for k in f.free_symbols if k.is_integer and not u.has(k))
    return (j is not None and isinstance(f, sp.Indexed) and isinstance(u, sp.Indexed) and u.has(j)
            and f.base == u.base and len(f.indices) == len(u.indices)
            and all(a == b for a, b in zip(f.indices, u.indices) if not b.has(j)))


def _scalable(f, u, j) -> bool:
    """``f`` takes one factor ``1/M_u``: an entry of ``u``, or a sum whose summand has one as a factor."""
    if f.is_number:
        return False
    if _is_entry(f, u, j):
        return True
    return (isinstance(f, sp.Sum) and len(f.limits) == 1
            and any(_is_entry(t, u, j) for t in sp.Mul.make_args(f.function)))


def _entry_over_scale(e):
    """``(q, u, j, k)``: factor ``q`` of the product ``e`` is ``M_u^{-k}`` (integer ``k >= 1``) and another factor
    takes one ``1/M_u`` (:func:`_scalable`)."""
    if not isinstance(e, sp.Mul) or (len(e.args) == 2 and any(isinstance(d, sp.Pow) and d.exp == -1 for d in e.args)):
        return None  # u_i / M_u alone is the ratio already (the squares scaled_sqrt writes)
    for q, d in enumerate(e.args):
        if not (isinstance(d, sp.Pow) and d.exp.is_Integer and d.exp <= -1):
            continue
        for u, j in _scaled_arrays(d.base):
            if any(p != q and _scalable(f, u, j) for p, f in enumerate(e.args)):
                return q, u, j, int(-d.exp)
    return None


def _divide_in(f, u, j, m):
    """``f / m`` with the division on the entry (inside the sum when ``f`` is a sum), kept unevaluated."""
    def ratio(t):
        return Held(sp.Mul(t, sp.Pow(m, -1), evaluate=False))

    if _is_entry(f, u, j):
        return ratio(f)
    body = list(sp.Mul.make_args(f.function))
    n = next(p for p, t in enumerate(body) if _is_entry(t, u, j))
    body[n] = ratio(body[n])
    return sp.Sum(sp.Mul(*body), f.limits)


def scale_into_entry(expr: sp.Expr) -> sp.Expr:
    r"""$\frac{a\,u_i}{M_u^k} = a\,\frac{u_i}{M_u}\,M_u^{1-k}$ with $M_u \ge \max_j |u_j|$ the scale ``scaled_sqrt``
    puts under a root (and $\sum_j \frac{u_j v_j}{M_u}$ = $\sum_j \frac{u_j}{M_u} v_j$ for a sum): each ratio is at
    most 1 in magnitude, so it is formed before anything else multiplies it, one factor $1/M_u$ per entry.
    RMSNorm $\frac{w_i x_i}{M\sqrt{\sum_j (x_j/M)^2 + \epsilon/M^2}}$ at $w = x = 10^{300}$: $w_i x_i$ overflows
    where the truth is $10^{300}$, and its gradient's $\frac{x_i \sum_j g_j w_j x_j}{M^2 (\cdots)}$ is
    $\infty/\infty$; the inverse square root unit $\frac{x}{M\sqrt{1/M^2 + \alpha (x/M)^2}}$ at
    $x = \alpha = 10^{300}$: $M\sqrt{\cdot} = 10^{450}$ overflows where the truth is $10^{-150}$."""
    def value(e):
        q, u, j, k = _entry_over_scale(e)
        m = e.args[q].base
        args = list(e.args)
        paired = _pair_of_entries(args, q, u, m) if j is None else None
        if paired is not None:  # the scale's factor last
            args, q, k = paired, len(paired) - 1, k - 1
        for p, f in enumerate(list(args)):
            if k and p != q and _scalable(f, u, j):
                args[p] = _divide_in(f, u, j, m)
                k -= 1
        args[q] = sp.Pow(m, -k) if k else sp.S.One
        return sp.Mul(*args)

    return expr.replace(lambda e: _entry_over_scale(e) is not None, value)


def _pair_of_entries(args, q, u, m):
    r"""The factors ``args`` with the scalar entry $u$ and another scalar entry $v$ of the same scale (as $v$ or $|v|$)
    replaced by $\operatorname{sign}(u)\,[\operatorname{sign}(v)]\,\min(|u|, |v|)\,\frac{\max(|u|, |v|)}{M}$, the
    larger of the two divided by $M$ (one of the scale's factors $1/M$ used: the caller counts it), else None.
    $|u|\,|v| = \min \cdot \max$: $\frac{|\delta|\,x}{M}$ at $x = 10^{-300}$, $\delta = 10^{300}$ ($M = |\delta|$) is
    $x$, where $|\delta| \frac{x}{M}$ underflows to 0 (pseudo-Huber's gradient); the other way round at
    $x = 10^{300}$, $\delta = 10^{-300}$."""
    others = {v for v, jv in _scaled_arrays(m) if jv is None and v != u}
    others |= {a for a in m.args if isinstance(a, sp.Symbol) and a.is_nonnegative}  # a positive scale is its own |v|
    at_u = next((p for p, f in enumerate(args) if p != q and f == u), None)
    at_v = next((p for p, f in enumerate(args) if p not in (q, at_u)
                 and (f in others or (isinstance(f, sp.Abs) and f.args[0] in others))), None)
    if at_u is None or at_v is None:
        return None
    v = args[at_v].args[0] if isinstance(args[at_v], sp.Abs) else args[at_v]
    signs = sp.sign(u) if isinstance(args[at_v], sp.Abs) else sp.sign(u) * sp.sign(v)
    pair = signs * sp.Min(sp.Abs(u), sp.Abs(v)) * sp.UnevaluatedExpr(
        sp.Mul(sp.Max(sp.Abs(u), sp.Abs(v)), sp.Pow(m, -1), evaluate=False))
    return [f for p, f in enumerate(args) if p not in (q, at_u, at_v)] + [pair, args[q]]


# ** a power of a quotient or a product formed as the quotient or the product first **


def _paired_powers(e, sign: int):
    """``(n, m, u, v, k)``: factors ``n`` and ``m`` of the product ``e`` are ``u**k`` and ``v**(sign*k)``, an integer
    k >= 2 (``sign`` -1: a quotient ``u^k / v^k``; +1: a product ``u^k v^k``, the first such pair; 0: a reciprocal
    product ``u^{-k} v^{-k}``, k <= -2)."""
    if not isinstance(e, sp.Mul):
        return None
    for n, f in enumerate(e.args):
        if not (isinstance(f, sp.Pow) and f.exp.is_Integer and (f.exp <= -2 if sign == 0 else f.exp >= 2)
                and not f.base.is_number):
            continue
        for m, d in enumerate(e.args):
            if m != n and isinstance(d, sp.Pow) and d.exp == (sign or 1) * f.exp and not d.base.is_number:
                return n, m, f.base, d.base, f.exp
    return None


def _power_of_pair(expr: sp.Expr, sign: int, pair, *, held: bool = False) -> sp.Expr:
    """Each ``u^k v^{sign k}`` of ``expr`` (:func:`_paired_powers`) as ``pair(u, v)^k``, the power unevaluated; held
    as an UnevaluatedExpr where an enclosing product re-evaluated an exponent and distributed the power back."""
    def value(e, held=False):
        n, m, u, v, k = _paired_powers(e, sign)
        rest = [f for q, f in enumerate(e.args) if q not in (n, m)]
        power = sp.Pow(pair(u, v), k, evaluate=False)
        power = sp.UnevaluatedExpr(power) if held else power
        return sp.Mul(*rest, power, evaluate=False) if rest else power

    def found(e):
        return _paired_powers(e, sign) is not None

    out = expr.replace(found, lambda e: value(e, held=held))
    if not held and any(found(e) for e in sp.preorder_traversal(out)):
        # (x/c)^2 inside x e^{...}: the Welsch gradient x e^{-x^2/(2 c^2)} at x = c = 1e300 is inf/inf
        out = expr.replace(found, lambda e: value(e, held=True))
    return out


def ratio_before_power(expr: sp.Expr) -> sp.Expr:
    r"""$\frac{u^k}{v^k} = \left(\frac{u}{v}\right)^k$ for an integer $k \ge 2$: $u^2$ and $v^2$ overflow (or
    underflow) where their ratio does not, $\frac{(x - \mu)^2}{\nu s^2}$ at $x = s = 10^{300}$ is
    $\frac{\infty}{\infty}$ and at $x = \mu$, $s = 10^{-300}$ is $\frac{0}{0}$ (Student-t, Cauchy and Gaussian
    log-densities, any standardized square).  The power of the quotient is kept unevaluated (sympy would
    distribute it back).  A reciprocal product the same: $\frac{1}{u^{k} v^{k}} = \frac{1}{(u v)^{k}}$, where
    $\frac{1}{\sigma^{2}(1 + S/\sigma^{2})^{2}}$ (the gradient of a Cauchy kernel) at $\sigma = 10^{-150}$ is
    $\frac{1}{0 \cdot \infty}$ and $\frac{1}{(\sigma + S/\sigma)^{2}}$ is $10^{-302}$."""
    out = _power_of_pair(expr, -1, lambda u, v: sp.Mul(u, sp.Pow(v, -1), evaluate=False))
    # held: the lowering's common subexpressions would take sigma^2 out of (sigma (1 + S/sigma^2))^2 again
    # (the product held too: printed as a negative power, 1/(u v)^2 became 1/(u^2 v^2))
    return _power_of_pair(out, 0, lambda u, v: sp.UnevaluatedExpr(sp.Mul(u, v, evaluate=False)), held=True)


def product_before_power(expr: sp.Expr) -> sp.Expr:
    r"""$u^k v^k = (u v)^k$ for an integer $k \ge 2$: $u^k$ overflows and $v^k$ underflows where their product does not,
    $e^{-\alpha^2 x^2 / 2}$ (the skew-normal log-density's gradient) at $\alpha = 10^{300}$, $x = 10^{-300}$ is
    $e^{-\infty \cdot 0}$, nan, where the truth is $e^{-1/2}$; $|u v|^k$ overflows only where $|u|^k |v|^k$ does.  The
    power of the product is kept unevaluated (sympy would distribute it back)."""
    return _power_of_pair(expr, 1, lambda u, v: sp.Mul(u, v, evaluate=False))


# ** a non-integer power of a quotient beyond the float range **


LOG_RATIO_RANGE = 700
r"""$|\log u - \log v|$ below which $u/v$ is a normal float64 (``e^{709}`` is the largest): the quotient is formed."""


def _ratio_power(e):
    """``(u, v, p)`` where ``e`` is ``(u/v)^p`` with ``u`` known non-negative or a product of parameters of unknown
    sign (not a sum: generalised-mean pooling's ``(sum_i x_i**p / n)**(1/p)`` is ``homogeneous_scale``'s, which a
    log-space power would hide), and ``p`` not an integer number, else None
    (``u`` and ``v`` of any sign: :func:`power_of_ratio` keeps the power where ``v <= 0`` or, unless ``u`` is known
    non-negative, ``u <= 0``; a number times parameters, $-x$, is such a product)."""
    if not isinstance(e, sp.Pow) or (e.exp.is_number and e.exp.is_integer) or not isinstance(e.base, sp.Mul):
        return None
    den = [f for f in e.base.args if isinstance(f, sp.Pow) and f.exp == -1]
    if len(den) != 1 or den[0].base.is_nonpositive:
        return None
    u = sp.Mul(*[f for f in e.base.args if f is not den[0]])
    if u.is_nonnegative is False or u.is_number:
        return None
    if u.is_nonnegative is None and not all(isinstance(a, sp.Symbol) or a.is_number and a.is_real
                                            for a in sp.Mul.make_args(u)):
        return None  # of unknown sign only a product of parameters (whose domain the note may state), not a sum;
        #              a number among them is a sign: the left branch of a density, (-x/b_l)^p where x < 0
    return u, den[0].base, e.exp


def power_of_ratio(expr: sp.Expr) -> sp.Expr:
    r"""$\left(\frac{u}{v}\right)^{p} = e^{p(\log u - \log v)}$ for $u \ge 0$, $v > 0$ and $p$ not an integer, where
    $|\log u - \log v| \ge$ :data:`LOG_RATIO_RANGE` (the quotient is formed below it): the generalised Gaussian's
    $\left(\frac{|x - \mu|}{\alpha}\right)^{\beta}$ at $x = 10^{300}$, $\alpha = 10^{-300}$, $\beta = 0.51$ overflows in
    the quotient ($10^{600}$) where the power is $1.7 \cdot 10^{306}$; $e^{\beta L}$ errs by $|\beta L|$ ulps at most
    ($L \le 1400$).  $u = 0$ has $\log u = -\infty$ and the exponential its limit, $0^{p}$.  Where $v$ is not known
    positive (a scale whose domain the note states, not sympy), $v \le 0$ keeps the power (not real there); so does
    $u \le 0$ where $u$ is not known non-negative (the generalised gamma's $(x/a)^{p - 1}$, $x > 0$ stated in the
    note: its gradient at $x = 10^{300}$, $a = 10^{-300}$ was 0, truth $5 \cdot 10^{32}$)."""
    def value(e):
        u, v, p = _ratio_power(e)
        gap = sp.log(u) - sp.log(v)
        near = sp.Abs(gap) < LOG_RATIO_RANGE
        kept = near if v.is_positive else sp.Or(v <= 0, near)
        if not u.is_nonnegative:  # a parameter whose domain the note states (x > 0), not sympy
            kept = sp.Or(u <= 0, kept)
        return sp.Piecewise((e, kept), (sp.exp(sp.Mul(p, gap, evaluate=False), evaluate=False), True))

    return expr.replace(lambda e: _ratio_power(e) is not None, value)


# ** a function of a product, divided by one of its factors **


def _through_zero():
    from sympy.codegen.cfunctions import expm1, log1p

    return ODD_THROUGH_ZERO + (expm1, log1p)


def _over_factor(e):
    r"""``(f, u, a, rest)`` for ``e = rest * f(u)`` where a factor $k$ of the argument $u$ appears as $1/k$ in
    ``rest``, or a factor $1/k^m$ of $u$ as $k^m$ in ``rest`` (``a = rest * u``, in which $k$ cancels), else None:
    $\frac{c^2}{2}\operatorname{expm1}\bigl(-\frac{x^2}{2c^2}\bigr)$ (the Welsch loss) as well as
    $\frac{\operatorname{expm1}(\lambda x)}{\lambda}$."""
    if not isinstance(e, sp.Mul):
        return None
    for t in e.args:
        if not isinstance(t, _through_zero()):
            continue
        u = t.args[0]
        rest = [a for a in e.args if a is not t]
        if _signed_powers(rest) & {(b, -sign) for b, sign in _signed_powers(sp.Mul.make_args(u))}:
            return t.func, u, sp.Mul(*rest, u), sp.Mul(*rest)
    return None


def _signed_powers(factors) -> set:
    """``{(base, sign of its exponent)}`` of the non-number factors (a factor without an exponent has sign 1); a
    base in the argument with the opposite sign of the same base outside it cancels in ``rest * u``."""
    out = set()
    for q in factors:
        if q.is_number:
            continue
        base, e = q.as_base_exp()
        if e.is_number and e != 0 and not base.is_number:
            out.add((base, 1 if e > 0 else -1))
    return out


def argument_over_scale(expr: sp.Expr) -> sp.Expr:
    r"""$\frac{f(k a)}{k} \to a\,\frac{f(u)}{u}$, $u = k a$ (and $k f(a/k)$ the same), for $f$ with $f(u) = u\,h(u)$, $h(0) = 1$ (tanh, sin,
    sinh, atan, asinh, expm1, log1p): $\frac{1 - e^{-\lambda x}}{\lambda}$ (``power_expm1`` makes it
    $-\operatorname{expm1}(-\lambda x)/\lambda$) at $x = \lambda = 10^{-300}$ has $\lambda x = 0$ (underflow) and
    gives 0 where the truth is $x$; the ratio $f(u)/u$ is 1 there.  The same form as ``scale_over_argument``
    (:func:`scaled_form`), for the scale multiplied into the argument instead of dividing it."""
    def value(e):
        f, u, a, k = _over_factor(e)
        return scaled_form(f, u, a, k)

    expr = expr.replace(lambda e: _guarded_over_factor(e) is not None, _into_branches)
    return expr.replace(lambda e: _over_factor(e) is not None, value)


def _guarded_over_factor(e):
    r"""The position of a ``Piecewise`` factor of the product ``e`` one of whose branches the other factors make an
    :func:`_over_factor` ($\frac{1}{\lambda}\begin{cases}\operatorname{expm1}(\lambda \operatorname{log1p}(x)) & x > -1
    \\ \ldots\end{cases}$: ``power_expm1``'s guard on the base, the Yeo-Johnson transform), else None."""
    if not isinstance(e, sp.Mul):
        return None
    for n, t in enumerate(e.args):
        if isinstance(t, sp.Piecewise):
            rest = [a for q, a in enumerate(e.args) if q != n]
            if any(_over_factor(sp.Mul(*rest, b)) is not None for b, _ in t.args):
                return n
    return None


def _into_branches(e):
    """The other factors of the product ``e`` multiplied into each branch of its guarded factor."""
    n = _guarded_over_factor(e)
    rest = sp.Mul(*[a for q, a in enumerate(e.args) if q != n])
    return sp.Piecewise(*[(rest * b, c) for b, c in e.args[n].args])


# ** unequal integer powers of a numerator and a denominator **


def _unequal_pair(e):
    """``(n, m, u, v, k, l)``: factors ``n`` and ``m`` of the product ``e`` are ``u**k`` and ``v**-l`` for integers
    ``k != l``, both at least 1 and one at least 2, ``u`` a sum (a difference such as $x - y$) or a variable (an
    entry, a parameter: $r/c^2$ in the Blake-Zisserman gradient at $r = c = 10^{-300}$, where $c^2$ underflows) where
    ``k = 1``; else None.  A variable is paired only where its ratio $u/v$ appears in another factor (the
    $e^{(r/c)^2}$ beside $r/c^2$), the one the formula is written in."""
    if not isinstance(e, sp.Mul):
        return None
    for n, f in enumerate(e.args):
        if isinstance(f, sp.Pow) and f.exp.is_Integer and f.exp >= 2 and not f.base.is_number:
            u, k = f.base, f.exp
        elif isinstance(f, sp.Add) and not f.is_number:
            u, k = f, sp.S.One
        elif isinstance(f, (sp.Symbol, sp.Indexed)):
            u, k = f, None
        else:
            continue
        for m, d in enumerate(e.args):
            if m == n or not (isinstance(d, sp.Pow) and d.exp.is_Integer and d.exp <= -1) or d.base.is_number:
                continue
            l = -d.exp
            if k is None:
                ratio = sp.Mul(u, sp.Pow(d.base, -1))
                if l >= 2 and any(q not in (n, m) and a.has(ratio) for q, a in enumerate(e.args)):
                    return n, m, u, d.base, sp.S.One, l
                continue
            if l != k and max(k, l) >= 2:
                return n, m, u, d.base, k, l
    return None


def ratio_before_unequal_powers(expr: sp.Expr) -> sp.Expr:
    r"""$\frac{u^k}{v^l} = \left(\frac{u}{v}\right)^{\min(k, l)} u^{k - l}$ (or $v^{k - l}$) for integers $k \ne l$:
    the gradient of a squared-exponential kernel in its length scale, $\frac{(x - y)^2}{\ell^3}$ at $x - y = \ell =
    10^{300}$, is $\frac{\infty}{\infty}$ where $\left(\frac{x - y}{\ell}\right)^2 \frac{1}{\ell}$ is $10^{-300}$; a
    Gaussian NLL's $\frac{(y - \mu)^2}{s^3}$ the same (identity ``ratio_before_unequal_powers``)."""
    def value(e):
        n, m, u, v, k, l = _unequal_pair(e)
        rest = [f for q, f in enumerate(e.args) if q not in (n, m)]
        j = min(k, l)
        ratio = Held(sp.Pow(sp.Mul(u, sp.Pow(v, -1), evaluate=False), j, evaluate=False) if j > 1 else
                     sp.Mul(u, sp.Pow(v, -1), evaluate=False))
        left = u ** (k - j) if k > l else v ** (k - l)
        return sp.Mul(*rest, ratio, left)

    return expr.replace(lambda e: _unequal_pair(e) is not None, value)
