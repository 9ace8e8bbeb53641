r"""The log of one minus $e^{-u}$, and the log of a softplus, where $u = e^{w}$ underflows (:mod:`codegen.rules`
registers both).

========================  =====================================================================
rule                      identity
========================  =====================================================================
``log1mexp_of_exp``       $\log(1 - e^{-e^{w}}) = w + \log\frac{-\operatorname{expm1}(-e^{w})}{e^{w}}$ for $w < 0$,
                          $\operatorname{log1p}(-e^{-e^{w}})$ else; the first is $w$ where $e^{w}$ underflows to 0;
                          a power $y^{k} = e^{k\log y}$ for $y > 0$ the same
``log_of_softplus``       $\log\log(1 + e^{w}) = w + \log\frac{\operatorname{log1p}(e^{w})}{e^{w}}$ for $w < 0$,
                          $\log(w + \operatorname{log1p}(e^{-w}))$ else; the first is $w$ where $e^{w}$ underflows to 0
========================  =====================================================================

$\log(1 - e^{-u})$ behaves like $\log u$ as $u \to 0$: with $u = e^{w}$ that is $w$, a perfectly normal number at
$w = -10^{150}$ where $u$ is 0 in float64 and $\log(-\operatorname{expm1}(-u))$ is $-\infty$ (the complementary
log-log likelihood $-y \log(1 - \exp(-e^{z}))$, the log of a Poisson probability of at least one event, the log of
the Gompertz CDF).  Taken out of the log, $u$ leaves $\frac{-\operatorname{expm1}(-u)}{u} \in (1 - u/2, 1)$, exact in
float64 down to the smallest subnormal $u$; where $u$ is 0 that ratio is 0/0, and its limit 1 (the value $w$) is
selected by a guard on the computed $u$ (held unevaluated, as ``zero_times_log``'s: sympy knows $e^{w} > 0$ and would
drop the branch, whose derivative, 1, is the limit where $u$ underflows).
"""
from __future__ import annotations

import sympy as sp
from sympy.codegen.cfunctions import expm1, log1p


def _exponent_of_exp(a):
    r"""``w`` where ``a`` is $-e^{w}$ (the exponent of the exponential in $1 - e^{-e^{w}}$), else None."""
    if not a.could_extract_minus_sign():
        return None
    inner = -a
    return inner.args[0] if isinstance(inner, sp.exp) else None


def _exponent_in_log_one_minus_exp(e):
    r"""``u`` where ``e`` is $\log(1 - e^{u})$, else None."""
    if not (isinstance(e, sp.log) and isinstance(e.args[0], sp.Add) and len(e.args[0].args) == 2
            and sp.S.One in e.args[0].args):
        return None
    t = next(a for a in e.args[0].args if a is not sp.S.One)
    return (-t).args[0] if t.could_extract_minus_sign() and isinstance(-t, sp.exp) else None


def _log_one_minus_exp_of_exp(e):
    r"""``w`` where ``e`` is $\log(1 - e^{-e^{w}})$, else None."""
    exponent = _exponent_in_log_one_minus_exp(e)
    return None if exponent is None else _exponent_of_exp(exponent)


def stable_form(w: sp.Expr) -> sp.Expr:
    r"""$\log(1 - e^{-e^{w}})$ as $w + \log\frac{-\operatorname{expm1}(-u)}{u}$, $u = e^{w}$, for $w < 0$ ($w$ where the
    computed $u$ is 0), $\operatorname{log1p}(-e^{-u})$ for $w \ge 0$ ($e^{-u} \le e^{-1}$: no cancellation)."""
    u = sp.exp(w)
    ratio = sp.UnevaluatedExpr(sp.Mul(-expm1(-u), sp.Pow(sp.UnevaluatedExpr(u), -1, evaluate=False), evaluate=False))
    small = sp.Piecewise((w + sp.log(ratio), sp.UnevaluatedExpr(u) > 0), (w, True))
    return sp.Piecewise((small, w < 0), (log1p(-sp.exp(-u)), True))


def _log_one_minus_exp_of_power(e):
    r"""``(w, guard)`` where ``e`` is $\log(1 - e^{-y^{k}})$ for an exponent $k$ not known to be an integer (so $y > 0$
    wherever the power is real): $y^{k} = e^{w}$, $w = k \sum_i e_i \log|f_i|$ over the factors $f_i^{e_i}$ of $y$
    (a quotient $x/\lambda$ that underflows keeps its log), ``guard`` that the factors' signs make $y > 0$; else
    None."""
    inner = _exponent_in_log_one_minus_exp(e)
    if inner is None:
        return None
    if not inner.could_extract_minus_sign() or not isinstance(-inner, sp.Pow):
        return None
    y, k = (-inner).base, (-inner).exp
    if k.is_integer or k.is_number and not k.is_real or y.is_number:
        return None
    factors = [(f.base, f.exp) if isinstance(f, sp.Pow) and f.exp.is_integer else (f, sp.S.One)
               for f in sp.Mul.make_args(y)]
    w = k * sp.Add(*[n * sp.log(sp.Abs(f)) for f, n in factors if not (f.is_number and abs(f) == 1)])
    guard = sp.Mul(*[sp.sign(f) ** n for f, n in factors]) > 0
    return w, guard


def log1mexp_of_exp(expr: sp.Expr) -> sp.Expr:
    r"""$\log(1 - e^{-e^{w}}) \to$ :func:`stable_form` (before ``log1mexp``, which would write it
    $\log(-\operatorname{expm1}(-e^{w}))$, $-\infty$ where $e^{w}$ underflows); $\log(1 - e^{-y^{k}})$ the same with
    $w = k\log y$ in log space (:func:`_log_one_minus_exp_of_power`: the exponentiated Weibull's log-CDF
    $a\log(1 - e^{-(x/\lambda)^{k}})$ at $\lambda = 10^{300}$, where the power underflows and the log is $-\infty$)."""
    def power_form(e):
        w, guard = _log_one_minus_exp_of_power(e)
        return sp.Piecewise((stable_form(w), guard), (e, True))

    out = expr.replace(lambda e: _log_one_minus_exp_of_exp(e) is not None,
                       lambda e: stable_form(_log_one_minus_exp_of_exp(e)))
    return out.replace(lambda e: _log_one_minus_exp_of_power(e) is not None, power_form)


def _log_of_softplus(e):
    r"""``w`` where ``e`` is $\log\log(1 + e^{w})$, else None."""
    if not (isinstance(e, sp.log) and isinstance(e.args[0], sp.log)):
        return None
    a = e.args[0].args[0]
    if not (isinstance(a, sp.Add) and len(a.args) == 2 and sp.S.One in a.args):
        return None
    t = next(b for b in a.args if b is not sp.S.One)
    return t.args[0] if isinstance(t, sp.exp) else None


def softplus_log_form(w: sp.Expr) -> sp.Expr:
    r"""$\log\log(1 + e^{w})$ as $w + \log\frac{\operatorname{log1p}(u)}{u}$, $u = e^{w}$, for $w < 0$ ($w$ where the
    computed $u$ is 0; the ratio is in $(1 - u/2, 1)$), $\log(w + \operatorname{log1p}(e^{-w}))$ for $w \ge 0$."""
    u = sp.exp(w)
    ratio = sp.UnevaluatedExpr(sp.Mul(log1p(u), sp.Pow(sp.UnevaluatedExpr(u), -1, evaluate=False), evaluate=False))
    small = sp.Piecewise((w + sp.log(ratio), sp.UnevaluatedExpr(u) > 0), (w, True))
    return sp.Piecewise((small, w < 0), (sp.log(w + log1p(sp.exp(-w))), True))


def log_of_softplus(expr: sp.Expr) -> sp.Expr:
    r"""$\log\log(1 + e^{w}) \to$ :func:`softplus_log_form` (before ``softplus_stable``, whose
    $\operatorname{log1p}(e^{-|w|})$ is 0 where $e^{w}$ underflows, $w < -745$: the log of a softplus scale is then
    $-\infty$ where the truth is $w$)."""
    return expr.replace(lambda e: _log_of_softplus(e) is not None,
                        lambda e: softplus_log_form(_log_of_softplus(e)))


def _negative_expm1(e):
    """``a`` where ``e`` is $\\log(-\\operatorname{expm1}(a))$, else None."""
    if not (isinstance(e, sp.log) and e.args[0].could_extract_minus_sign() and isinstance(-e.args[0], expm1)):
        return None
    return (-e.args[0]).args[0]


def _negated_guarded_expm1(e) -> bool:
    r"""``e`` is $\log(-P)$ with $P$ a ``Piecewise`` one of whose branches is an ``expm1`` (``power_expm1`` guards
    $b^{t} - 1 = \operatorname{expm1}(t\log b)$ by $b > 0$)."""
    if not (isinstance(e, sp.log) and e.args[0].could_extract_minus_sign() and isinstance(-e.args[0], sp.Piecewise)):
        return False
    return any(isinstance(b, expm1) for b, _ in (-e.args[0]).args)


def log_of_negative_expm1(expr: sp.Expr) -> sp.Expr:
    r"""$\log(-\operatorname{expm1}(a)) = \operatorname{log1p}(-e^{a})$ for $a \le -\log 2$ (``log1mexp``'s
    branches, Mächler 2012), for the form ``power_expm1`` leaves: $\log(1 - x^{c})$ becomes
    $\log(-\operatorname{expm1}(c \log x))$ (under its guard $x > 0$, the log taken into the branches), which is
    $\log 1 = 0$ at $x^{c} = 10^{-77}$ where the truth is $-10^{-77}$ (the Kumaraswamy log-CDF
    $\log(1 - (1 - x^{a})^{b})$, the log of the probability of at least one event $\log(1 - (1 - p)^{n})$).  A log
    already in its branch is left."""
    expr = expr.replace(_negated_guarded_expm1,
                        lambda e: sp.Piecewise(*[(sp.log(-b), c) for b, c in (-e.args[0]).args]))
    done = {p.args[0].expr for p in expr.atoms(sp.Piecewise)
            if len(p.args) == 2 and _negative_expm1(p.args[0].expr) is not None
            and p.args[1].expr == log1p(-sp.exp(_negative_expm1(p.args[0].expr)))}

    def value(e):
        a = _negative_expm1(e)
        return sp.Piecewise((e, a > -sp.log(2)), (log1p(-sp.exp(a)), True))

    return expr.replace(lambda e: e not in done and _negative_expm1(e) is not None, value)
