r"""Powers and exponentials next to what they nearly cancel (:mod:`codegen.rules` registers the rules).

========================  =====================================================================
rule                      identity
========================  =====================================================================
``power_expm1``           $b^{t} - 1 = \operatorname{expm1}(t \log b)$ for $b > 0$, and $1 - e^{u} = -\operatorname{expm1}(u)$
``power_over_base``       $A^{p} A^{q} = A^{p + q}$, $\frac{A^{p} + R}{A} = A^{p - 1} + \frac{R}{A}$ for an exponent not a number
``log_add_exp``           $\log(e^{a} + e^{b}) = \max(a, b) + \operatorname{log1p}(e^{-|a - b|})$
``power_log1p``           $(1 + t)^{p} = e^{p \operatorname{log1p}(t)}$ for $t > -1$, a non-number exponent $p$; a mean $\frac1n\sum_i f_i$ is $1 + \frac1n\sum_i (f_i - 1)$
``log_of_mean``           $\log\bigl(\frac1n\sum_i f_i\bigr) = \operatorname{log1p}\bigl(\frac1n\sum_i (f_i - 1)\bigr)$ near a mean of 1, else $\log\frac1n + \log\sum_i f_i$
========================  =====================================================================

Where $b^t \approx 1$ (a small exponent, or a base near 1) the difference loses every digit: Adam's bias
correction $\frac{m}{1 - \beta^{t}}$ at $t = 10^{-300}$ divides by $1 - 1 = 0$, the truth $-t \log\beta$ is a
normal float64; $1 - 0.999^{t}$ at $t = 10^{-12}$ keeps 4 digits.  $t \log b$ is formed with one rounding each
and ``expm1`` keeps every digit of a small argument.  Only for an exponent that is not a number ($x^2 - 1$ is
a polynomial, ``root_difference`` takes $\sqrt{A} - 1$); a base not known positive gets a branch
($b \le 0$ keeps the direct difference, where $\log b$ is not real).  The same for $1 - e^{u}$ (``log1p_expm1``
takes $e^{u} - 1$ only): $\frac{1 - e^{-\lambda x}}{\lambda}$ at $\lambda x = 10^{-20}$ is 0, the truth $x$.

$\log(e^{a} + e^{b})$ overflows for $a > 709$ and is $\log 0$ for $a, b < -745$; where one term dominates,
$\log(1 + e^{-|a - b|})$ keeps the small one only through ``log1p`` (the two-term log-sum-exp of scalars, as
``logsumexp_shift`` is that of a sum over an index).

$(1 + t)^{p}$ with a large exponent and a small $t$ (the gradient of Barron's loss, $(1 + v)^{\alpha/2 - 1}$ at
$\alpha = 10^{300}$, $v \sim 10^{-300}$) is $e^{p t}$: ``pow`` of the rounded $1 + t$ loses $t$ and gives 1 or inf
(and the power of a scaled base $M^{p} S^{p}$ is inf times 0); $p \operatorname{log1p}(t)$ keeps it, and a large $t$
is then ``log1p_large_product``'s ($t = x^2/c^2$ beyond the float range).

A function ``expr -> expr`` (a rule's ``apply``); this module knows nothing of the registry.
"""
from __future__ import annotations

import sympy as sp
from sympy.codegen.cfunctions import expm1


def _power(t):
    """``(sign, base, exponent)`` for a term ``t = +-b^e`` with a non-number exponent ``e``, else None."""
    sign, core = (-1, -t) if sp.Mul.make_args(t)[0] == sp.S.NegativeOne else (1, t)
    if isinstance(core, sp.exp):  # e^u - 1 is log1p_expm1's; 1 - e^u is not
        return (sign, sp.E, core.args[0]) if sign < 0 else None
    if isinstance(core, sp.Pow) and not core.exp.is_number and (not core.base.is_number or core.base.is_positive):
        return sign, core.base, core.exp
    return None


def _pair(e):
    """``(n, m, sign)``: term ``n`` is ``sign * b^t``, term ``m`` is ``-sign`` (the 1 it cancels against)."""
    for n, t in enumerate(e.args):
        p = _power(t)
        if p is None:
            continue
        for m, u in enumerate(e.args):
            if m != n and u == -p[0]:
                return n, m, p
    return None


def power_minus_one(base, exponent) -> sp.Expr:
    r"""$b^t - 1$ as $\operatorname{expm1}(t \log b)$, with the direct difference where $b$ may be $\le 0$."""
    stable = expm1(exponent * sp.log(base))
    if base == sp.E:
        return expm1(exponent)
    if base.is_positive:
        return stable
    return sp.Piecewise((stable, base > 0), (base ** exponent - 1, True))


def _scaled_pair(e):
    r"""``(n, m, w)``: term ``n`` is $a$ (not a number) and term ``m`` is $-a e^{w}$, else None."""
    for m, u in enumerate(e.args):
        exps = [f for f in sp.Mul.make_args(u) if isinstance(f, sp.exp)] if isinstance(u, sp.Mul) else []
        if len(exps) != 1:
            continue
        a = -sp.Mul(*[f for f in u.args if f is not exps[0]])
        for n, t in enumerate(e.args):
            if n != m and t == a and not a.is_number:
                return n, m, exps[0].args[0]
    return None


def power_expm1(expr: sp.Expr) -> sp.Expr:
    r"""$1 - b^t \to -\operatorname{expm1}(t \log b)$ and $b^t - 1 \to \operatorname{expm1}(t \log b)$ (each a pair
    of terms of a larger sum, the rest kept): $\frac{m}{1 - \beta^t}$, $\frac{1 - \beta_2^{t}}{\ldots}$; and
    $a - a e^{w} \to -a \operatorname{expm1}(w)$ (the Gompertz log-density's $\eta - \eta e^{b x}$ at $\eta = 10^{300}$,
    $b x \approx 10^{-300}$ cancels to 0 or one ulp of $10^{300}$ where the truth is $-\eta b x \approx -1.7$).  A
    term whose partner sits in a branch of a ``Piecewise`` beside it is taken into every branch first
    (:func:`_into_branch`): the same value, the pair then side by side."""
    def value(e):
        n, m, (sign, base, exponent) = _pair(e)
        rest = [t for q, t in enumerate(e.args) if q not in (n, m)]
        return sp.Add(*rest) + sign * power_minus_one(base, exponent)

    def scaled(e):
        n, m, w = _scaled_pair(e)
        rest = [t for q, t in enumerate(e.args) if q not in (n, m)]
        return sp.Add(*rest) - e.args[n] * expm1(w)

    expr = expr.replace(lambda e: _partner_of_branch(e) is not None, _into_branch)
    expr = expr.replace(lambda e: isinstance(e, sp.Add) and _pair(e) is not None, value)
    return expr.replace(lambda e: isinstance(e, sp.Add) and _scaled_pair(e) is not None, scaled)


def _pairs(e) -> bool:
    return isinstance(e, sp.Add) and (_pair(e) is not None or _scaled_pair(e) is not None)


def _partner_of_branch(e):
    r"""``(n, m)``: term ``m`` of the sum ``e`` is a ``Piecewise`` one of whose branch values pairs with term ``n``
    ($1$ beside $[-e^{u} 	ext{ if } C,\ -(1 - s)^{p} 	ext{ otherwise}]$, as ``power_log1p`` writes $-(1 - s)^{p}$
    for a non-number $p$); else None."""
    if not isinstance(e, sp.Add):
        return None
    for m, u in enumerate(e.args):
        if not isinstance(u, sp.Piecewise):
            continue
        for n, t in enumerate(e.args):
            if n != m and not isinstance(t, sp.Piecewise) and any(_pairs(sp.Add(t, b)) for b, _ in u.args):
                return n, m
    return None


def _into_branch(e):
    r"""$t + [b_k 	ext{ if } C_k] = [t + b_k 	ext{ if } C_k]$ for the partner $t$ of :func:`_partner_of_branch`: the
    same value on every branch, the pair now side by side in one sum."""
    n, m = _partner_of_branch(e)
    t, u = e.args[n], e.args[m]
    rest = [a for q, a in enumerate(e.args) if q not in (n, m)]
    return sp.Add(*rest, sp.Piecewise(*[(t + b, c) for b, c in u.args]))


def _entry_power(e) -> bool:
    """``e`` is $b^{u}$ with a base sympy knows positive (a size $n$, a positive symbol or number: $2^{z_i}$), and an exponent
    holding an entry of an array (``z[i]``)."""
    return (isinstance(e, sp.Pow) and e.base is not sp.E and e.base.is_positive is True
            and not e.exp.is_number and e.exp.has(sp.Indexed))


def power_as_exp(expr: sp.Expr) -> sp.Expr:
    r"""$b^{u} = e^{u \log b}$ for $b > 0$ and an exponent holding an array entry: the scalable softmax
    $\frac{n^{s z_i}}{\sum_j n^{s z_j}}$ is a softmax of $s z_j \log n$, which ``exp_normalize`` shifts by its max only
    once it is written with $e$ ($n^{s z}$ overflows at $s = 10^{300}$ where the truth is at most 1)."""
    return expr.replace(_entry_power, lambda e: sp.exp(e.exp * sp.log(e.base)))


def _exp_pair(e):
    """The exponents ``(a, b, ...)`` where ``e`` is ``log(exp(a) + exp(b) + ...)`` (every term an exponential), else
    None."""
    if not isinstance(e, sp.log) or not isinstance(e.args[0], sp.Add):
        return None
    terms = e.args[0].args
    if all(isinstance(t, sp.exp) for t in terms):
        return tuple(t.args[0] for t in terms)
    return None


def log_add_exp(expr: sp.Expr) -> sp.Expr:
    r"""$\log(e^{a} + e^{b}) \to \max(a, b) + \operatorname{log1p}(e^{-|a - b|})$ (logaddexp of two scalars); of more,
    $\log\sum_k e^{a_k} \to M + \log\sum_k e^{a_k - M}$, $M = \max_k a_k$ (the soft minimum of three,
    $-\gamma \log(e^{-a/\gamma} + e^{-b/\gamma} + e^{-c/\gamma})$ at $\gamma = 10^{-300}$: every exponential over- or
    underflows, one shifted term is 1)."""
    from sympy.codegen.cfunctions import log1p

    def value(e):
        exps = _exp_pair(e)
        if len(exps) == 2:
            a, b = exps
            return sp.Max(a, b) + log1p(sp.exp(-sp.Abs(a - b)))
        top = sp.Max(*exps)
        return top + sp.log(sp.Add(*[sp.exp(a - top) for a in exps]))

    return expr.replace(lambda e: _exp_pair(e) is not None, value)


def _weighted_exps(e):
    r"""``[(c_k, a_k)]`` where ``e`` is $\log \sum_k c_k e^{a_k}$ (two terms or more, each a product with one exponential,
    its weight $c_k$ free of exponentials, not every weight 1: ``log_add_exp`` takes that sum), else None."""
    if not isinstance(e, sp.log) or not isinstance(e.args[0], sp.Add) or len(e.args[0].args) < 2:
        return None
    out = []
    for t in e.args[0].args:
        exps = [f for f in sp.Mul.make_args(t) if isinstance(f, sp.exp)]
        if len(exps) != 1:
            return None
        c = sp.Mul(*[f for f in sp.Mul.make_args(t) if f is not exps[0]])
        if c.has(sp.exp):
            return None
        out.append((c, exps[0].args[0]))
    return out if any(c != 1 for c, _ in out) else None


def log_add_weighted_exp(expr: sp.Expr) -> sp.Expr:
    r"""$\log \sum_k c_k e^{a_k} \to M + \log \sum_k c_k e^{a_k - M}$, $M = \max_k a_k$, for weights $c_k$ of any sign
    (the sum's own sign is the log's business): a mixture's likelihood
    $\log(\frac{w}{\sqrt{2\pi}\sigma_1} e^{-(x - \mu_1)^2/2\sigma_1^2} + \dots)$ at $x = 10^{150}$ has every exponential
    underflow to 0 and the log at $-\infty$, where the truth is about $-x^2/2\sigma^2$; shifted, one exponential is 1."""
    def value(e):
        terms = _weighted_exps(e)
        top = sp.Max(*[a for _, a in terms])
        return top + sp.log(sp.Add(*[c * sp.exp(a - top) for c, a in terms]))

    return expr.replace(lambda e: _weighted_exps(e) is not None, value)


def _shifted_terms(e):
    r"""``(top, [(c_k, w_k, a_k)])`` where ``e`` is $\log\sum_k c_k e^{w_k}$ with $w_k = a_k - M$ and $M = \max_k a_k$ (as
    ``log_add_exp`` and ``log_add_weighted_exp`` shift it: every argument of the max a term's, every term one
    argument's), else None."""
    if not isinstance(e, sp.log) or not isinstance(e.args[0], sp.Add) or len(e.args[0].args) < 2:
        return None
    terms = []
    for t in e.args[0].args:
        exps = [f for f in sp.Mul.make_args(t) if isinstance(f, sp.exp)]
        if len(exps) != 1:
            return None
        terms.append((sp.Mul(*[f for f in sp.Mul.make_args(t) if f is not exps[0]]), exps[0].args[0]))
    for top in terms[0][1].atoms(sp.Max):
        tops = [sp.expand(a) for a in top.args]
        found = [(c, w, sp.expand(w + top)) for c, w in terms]
        if len(tops) == len(found) and sorted(map(str, tops)) == sorted(str(a) for _, _, a in found) \
                and not any(c.has(sp.exp, top, sp.Piecewise) or w.has(sp.Piecewise) for c, w, _ in found) \
                and all(a.is_extended_real for _, _, a in found):  # (else sympy writes |w| of a later rule as a selection)
            return top, found
    return None


TOP_WEIGHT = sp.Rational(1, 2)
r"""The weight $c_{k^*}$ of the top term from which the log is taken as $\operatorname{log1p}$: there $|c_{k^*} - 1| \le
c_{k^*}$, so the sum less one is formed with no larger rounding errors than the sum, and ``log1p`` divides them by the
same $1 + (S - 1) = S$ while keeping the small terms; for a smaller top weight the 1 removed would cancel."""


def log_add_near_top(expr: sp.Expr) -> sp.Expr:
    r"""$\log\sum_k c_k e^{a_k - M} \to \operatorname{log1p}\bigl(\sum_k c_k e^{a_k - M} - [k = k^*]\bigr)$, $k^*$ the first
    index with $a_k = M$ (where its weight is at least $\tfrac12$, :data:`TOP_WEIGHT`): the top term is $c_{k^*} e^{0} - 1 = c_{k^*} - 1$,
    formed without rounding the others away.  The Davidson win probability $\log\frac{e^{s_1}}{e^{s_1} + e^{s_2} + \nu
    e^{(s_1 + s_2)/2}}$ at $s_1 = 100$, $s_2 = 1.5$ is $-\nu e^{-49} \approx -5 \cdot 10^{-22}$; the shifted sum rounds
    to 1 and its log to 0 (error 1); $s_1 - M$ is then formed before the log is subtracted (:func:`shift_collect`)."""
    from sympy.codegen.cfunctions import log1p

    from symbolic.functions import Held

    def value(e):
        _, found = _shifted_terms(e)
        parts, weight = [], []
        for k, (c, w, a) in enumerate(found):
            first = sp.And(*[a > b for _, _, b in found[:k]], *[a >= b for _, _, b in found[k + 1:]])
            top = sp.Piecewise((1, first), (0, True))
            # held: the top term's 1 is taken from it before the others are added (and a later rule rewriting the
            # term, log_space_product, does not nest its selection in this one)
            parts.append(Held(c * sp.exp(w) - top))
            weight.append(c * top)
        stable = log1p(sp.Add(*parts))
        if all(c.is_number and c >= TOP_WEIGHT for c, _, _ in found):
            return stable
        return sp.Piecewise((stable, sp.Add(*weight) >= TOP_WEIGHT), (e, True))

    from codegen.rules_cancel import shift_collect

    new = expr.replace(lambda e: _shifted_terms(e) is not None, value)
    # a_k - M formed first where a term of the enclosing sum is a_k: log1p's small value is not added to a_k first
    return expr if new == expr else shift_collect(new, scalars=True)


def _one_plus(base):
    r"""``t`` where ``base`` is ``1 + t`` (a sum with the term 1 and a term that is not a number), or a mean
    $c \sum_i f_i$ with $c$ times the number of terms equal to 1, $t = c \sum_i (f_i - 1)$ (:func:`_mean_minus_one`);
    else None."""
    if isinstance(base, sp.Add) and sp.S.One in base.args:
        t = sp.Add(*[a for a in base.args if a != sp.S.One])
        return None if t.is_number else t
    return _mean_minus_one(base)


def _nested_sum(s):
    """``(function, limits)`` of a sum over one or more indices, written as one ``Sum`` or as sums in sums."""
    limits = []
    while isinstance(s, sp.Sum):
        limits = list(s.limits) + limits
        s = s.function
    return s, limits


def _mean_minus_one(base):
    r"""$c \sum_{i=lo}^{hi} (f_i - 1)$ where ``base`` is $c \sum_{i=lo}^{hi} f_i$ and $c\,(hi - lo + 1) = 1$ (a mean: the
    generalized mean $\bigl(\frac1n \sum_i x_i^{p}\bigr)^{1/p}$ at $p = 10^{-300}$ is the geometric mean, but every
    $x_i^{p}$ rounds to 1), else None."""
    c, s = base.as_independent(sp.Sum, as_Add=False)
    if not isinstance(s, sp.Sum) or c.has(sp.Sum):
        return None
    f, limits = _nested_sum(s)  # a mean over pairs, (1/n^2) sum_i sum_j f_ij, too
    bound = {i for i, _, _ in limits}
    if any((lo.free_symbols | hi.free_symbols) & bound for _, lo, hi in limits):
        return None
    if sp.simplify(c * sp.Mul(*[hi - lo + 1 for _, lo, hi in limits]) - 1) != 0:
        return None
    return c * sp.Sum(f - 1, *limits)  # (innermost limit first, as sympy writes them)


def power_log1p(expr: sp.Expr) -> sp.Expr:
    r"""$(1 + t)^{p} \to e^{p \operatorname{log1p}(t)}$ for an exponent $p$ that is not a number, on the branch $|t| < 1$
    (:data:`NEAR_ONE`) and where $1 + t$ leaves the float range (:data:`BEYOND_RANGE`), the direct power elsewhere."""
    from sympy.codegen.cfunctions import log1p

    def query(e):
        return isinstance(e, sp.Pow) and not e.exp.is_number and _one_plus(e.base) is not None

    made = set()

    def value(e):
        t = _one_plus(e.base)
        # the test on the base itself, 0 < 1 + t < 2: t may hold a sum whose summand later rules branch on
        near = sp.And(e.base > 1 - NEAR_ONE, e.base < 1 + NEAR_ONE)
        # a mean beyond the range has terms beyond it, and so has its log1p: the direct power stays there, for
        # homogeneous_scale to scale (the generalized mean at p = 1e300)
        beyond = sp.false if _mean_minus_one(e.base) is not None else e.base > BEYOND_RANGE
        out = sp.Piecewise((sp.exp(e.exp * log1p(t)), sp.Or(near, beyond)), (e, True))
        made.add(out)
        return out

    def into_branches(e):
        """The product around the branch goes into it: there a scale (``scaled_sqrt``) meets the factors it pairs with."""
        p = next(f for f in e.args if f in made)
        rest = sp.Mul(*[f for f in e.args if f is not p])
        return sp.Piecewise(*[(rest * v, c) for v, c in p.args])

    expr = expr.replace(lambda e: _one_base_powers(e) is not None, _one_base_powers)
    expr = expr.replace(query, value)
    return expr.replace(lambda e: isinstance(e, sp.Mul) and any(f in made for f in e.args), into_branches)


NEAR_ONE = sp.Rational(1, 2)
r"""$(1 + t)^{p}$ is taken as $e^{p \operatorname{log1p}(t)}$ for $|t| < \tfrac12$ only.  The power of the rounded $1 + t$
is off by $|p|\,\epsilon$, the exponential of the rounded $p \operatorname{log1p}(t)$ by $|p \operatorname{log1p}(t)|\,
\epsilon$: the gain is $1/|\operatorname{log1p}(t)|$, large for small $t$ (where $1 + t$ loses $t$), 1.4 at $|t| = \tfrac12$
and none near $e - 1$.  Beyond, the direct power stays, for ``scaled_sqrt`` to scale and ``scale_into_entry`` to pair
with the factors beside it ($t = x^2/c^2$ overflows before its log is taken; $\frac{x}{c^2} e^{w}$ at $x = c = 10^{300}$
is $0 \cdot e^{w}$ where $\frac{1}{c} \frac{x/c}{M} M^{2p + 1} S^{p}$ is right)."""


BEYOND_RANGE = sp.Float(1e300)  # from the float: printed 1.0e+300, not as 301 digits
r"""$(1 + t)^{p}$ is also taken as $e^{p \operatorname{log1p}(t)}$ where the rounded base is above this (not for a mean
$\frac1n\sum_i f_i$, whose terms are then beyond the range too, so that $\operatorname{log1p}$ of their sum is as infinite
as the power, where ``homogeneous_scale`` on the direct power is right): there $1 + t$ is
about to overflow (or has), and the power with it, where $(1 + t)^{p}$ itself is tame for $|p| \le 1$.  The generalised
extreme value density's $(1 + \xi z)^{-1/\xi}$ at $\xi = z = 10^{300}$ is $\infty^{-10^{-300}} = 0$ where the truth is
1; $\operatorname{log1p}(\xi z)$ as $\log\xi + \log z + \operatorname{log1p}(\frac{1}{\xi z})$ (``log1p_large_product``)
gives it."""


def _one_base_powers(e):
    r"""A product with $(1 + t)^{p}$ ($p$ not a number) and other powers of the same base, their exponents added:
    $\frac{(1 + v)^{\alpha/2}}{1 + v} = (1 + v)^{\alpha/2 - 1}$ (a gradient), else None.  Apart, $(1 + v)^{-1}$
    overflows to 0 where the combined power does not."""
    if not isinstance(e, sp.Mul):
        return None
    for f in e.args:
        if isinstance(f, sp.Pow) and not f.exp.is_number and _one_plus(f.base) is not None:
            mine = [a for a in e.args if a == f.base or (isinstance(a, sp.Pow) and a.base == f.base)]
            if len(mine) >= 2:
                total = sp.Add(*[a.exp if isinstance(a, sp.Pow) else sp.S.One for a in mine])
                return sp.Mul(*[a for a in e.args if a not in mine]) * sp.Pow(f.base, total)
    return None


def log_of_mean(expr: sp.Expr) -> sp.Expr:
    r"""$\log\bigl(c\sum_i f_i\bigr)$ with $c$ times the number of terms equal to 1 (a mean): for a mean in
    $(\tfrac12, \tfrac32)$ as $\operatorname{log1p}\bigl(c\sum_i (f_i - 1)\bigr)$ (log-mean-exp pooling
    $\frac1r\log\frac1n\sum_i e^{r x_i}$ at $r = 10^{-300}$: every $e^{r x_i}$ rounds to 1 and the log to 0, truth the
    mean of $x$; ``log1p_expm1`` then takes $e^{r x_i} - 1$), elsewhere as $\log c + \log\sum_i f_i$, where
    ``logsumexp_shift`` finds the log-sum-exp ($e^{r x_i}$ overflows at $r = 10^{300}$)."""
    from sympy.codegen.cfunctions import log1p

    def query(e):
        return isinstance(e, sp.log) and _mean_minus_one(e.args[0]) is not None

    def value(e):
        mean = e.args[0]
        c, s = mean.as_independent(sp.Sum, as_Add=False)
        near = sp.And(mean > 1 - NEAR_ONE, mean < 1 + NEAR_ONE)
        return sp.Piecewise((log1p(_mean_minus_one(mean)), near), (sp.log(c) + sp.log(s), True))

    return expr.replace(query, value)


# ** powers of one base combined, a divisor taken into the sum that holds its power **


def _symbolic_power(f) -> bool:
    """``f`` is a power with an exponent that is not a number (``y^{2 - \\rho}``)."""
    return isinstance(f, sp.Pow) and not f.exp.is_number and not f.base.is_number


def _base_exp(f):
    return (f.base, f.exp) if isinstance(f, sp.Pow) else (f, sp.S.One)


def _combined(e):
    r"""The product ``e`` with its factors $A^{p}$, $A^{q}$ (one exponent not a number) as $A^{p + q}$, else None."""
    if not isinstance(e, sp.Mul):
        return None
    bases = {f.base for f in e.args if _symbolic_power(f)}
    for a in bases:
        mine = [f for f in e.args if not f.is_number and _base_exp(f)[0] == a]
        if len(mine) >= 2:
            total = sp.Add(*[_base_exp(f)[1] for f in mine])
            return sp.Mul(*[f for f in e.args if not any(f is m for m in mine)]) * sp.Pow(a, total)
    return None


def _divisor_into_sum(e):
    r"""``(divisor A^{-k}, the sum, the rest)`` for a product $\frac{\sum_j t_j}{A^k}$ (integer $k \ge 1$) one of whose
    terms holds a power $A^{p}$ with an exponent not a number, else None."""
    if not isinstance(e, sp.Mul):
        return None
    for d in e.args:
        if not (isinstance(d, sp.Pow) and d.exp.is_Integer and d.exp < 0 and not d.base.is_number):
            continue
        for s in e.args:
            if isinstance(s, sp.Add) and any(_symbolic_power(f) and f.base == d.base
                                             for t in s.args for f in sp.Mul.make_args(t)):
                return d, s, [f for f in e.args if f is not d and f is not s]
    return None


def power_over_base(expr: sp.Expr) -> sp.Expr:
    r"""$A^{p} A^{q} = A^{p + q}$ for an exponent not a number, and $\frac{A^{p} + R}{A} = A^{p - 1} + \frac{R}{A}$:
    the Tweedie gradient $\frac{y^{2 - \rho}}{y}$ at $y = 10^{-300}$, $\rho = 0.75$ underflows to $0/y$ where the truth
    $y^{1 - \rho}$ is $10^{-75}$, and $\frac{\mu^{2 - \rho} - y \mu^{1 - \rho}}{\mu}$ at $\mu = 10^{300}$ is
    $\infty$ where the truth is $10^{75}$: the power of the combined exponent is within the range of the result."""
    def spread(e):
        d, s, rest = _divisor_into_sum(e)
        return sp.Mul(*rest) * sp.Add(*[_combined(t * d) or t * d for t in s.args])

    expr = expr.replace(lambda e: _divisor_into_sum(e) is not None, spread)
    return expr.replace(lambda e: _combined(e) is not None, _combined)


# ** a power of one plus a scaled exponential **


def _one_plus_scaled_exp(base):
    r"""``(c, u)`` where ``base`` is $1 + c\,e^{u}$ (``c`` free of exponentials, 1 when absent), else None."""
    if not isinstance(base, sp.Add) or len(base.args) != 2 or sp.S.One not in base.args:
        return None
    t = next(a for a in base.args if a != sp.S.One)
    exps = [f for f in sp.Mul.make_args(t) if isinstance(f, sp.exp)]
    if len(exps) != 1:
        return None
    c = sp.Mul(*[f for f in sp.Mul.make_args(t) if f is not exps[0]])
    return (c, exps[0].args[0]) if not c.has(sp.exp) else None


def power_of_softplus(expr: sp.Expr) -> sp.Expr:
    r"""$(1 + c\,e^{u})^{p} \to e^{p \log(1 + e^{u + \log c})}$ for $c > 0$ (the power as written elsewhere), an
    exponent $p$ that is not a number: the generalised logistic (Richards) curve $(1 + \nu e^{-k(x - x_0)})^{-1/\nu}$ at
    $x = -10^{300}$, $\nu = 10^{300}$ overflows $e^{u}$ and gives 0 where the truth is $e^{-k/\nu \cdot |x|}\ldots
    \approx 0.17$; the softplus is written as ``softplus_stable`` writes it, $\max(w, 0) + \operatorname{log1p}(e^{-|w|})$."""
    def query(e):
        # c known non-positive (1 - e^{v}: c = -1) has no log-space form: log(-1) is i pi, and Max of it raised
        return (isinstance(e, sp.Pow) and not e.exp.is_number and _one_plus_scaled_exp(e.base) is not None
                and not _one_plus_scaled_exp(e.base)[0].is_nonpositive)

    from sympy.codegen.cfunctions import log1p

    def value(e):
        c, u = _one_plus_scaled_exp(e.base)
        w = u + sp.log(c)  # e^{u + log c} would be evaluated back to c e^{u}: the softplus is written out
        form = sp.exp(e.exp * (sp.Max(w, 0) + log1p(sp.exp(-sp.Abs(w)))))
        return form if c.is_positive else sp.Piecewise((form, c > 0), (e, True))

    return expr.replace(query, value)
