r"""The log of one plus a product that can overflow: $\operatorname{log1p}(t) = \log t + \operatorname{log1p}(1/t)$ for $t > 1$.

For $t = \prod_f f^{e_f} > 0$, $\log t = \sum_f e_f \log|f|$ (as $t = |t|$), which never forms $t$:
$\log\bigl(1 + \frac{(x - \mu)^2}{\nu s^2}\bigr)$ at $x = 10^{300}$ (Student-t, Cauchy log-densities,
the Cauchy/Lorentzian robust loss) overflows in $(x - \mu)^2$ and gives $\infty$ where the truth is
about $2 \log|x|$.  Only products holding an integer power of magnitude at least 2 are rewritten
(a square, or the reciprocal of one): those are the ones that overflow while their log is tame.
"""
from __future__ import annotations

import sympy as sp
from sympy.codegen.cfunctions import log1p


def _base_exponents(t):
    """``[(base, exponent)]`` of the factors of ``t``, or None unless every exponent is a real number."""
    out = []
    for f in sp.Mul.make_args(t):
        base, e = (f.base, f.exp) if isinstance(f, sp.Pow) else (f, sp.Integer(1))
        if not e.is_number or not e.is_real:
            return None
        out.append((base, e))
    return out


def _powers(t):
    """``[(base, exponent)]`` of the product ``t``, or None if ``t`` is not a product with a power |e| >= 2."""
    out = _base_exponents(t) if isinstance(t, (sp.Mul, sp.Pow)) else None
    if out is None or not any(e.is_integer and abs(e) >= 2 and not b.is_number for b, e in out):
        return None
    return out


def _factors(t):
    """``[(base, exponent)]`` of the product ``t`` of at least two factors that are not numbers, each with a real
    number exponent (a quotient $x/c$ overflows as a square does: $10^{300}/10^{-300}$), else None."""
    out = _base_exponents(t) if isinstance(t, sp.Mul) else None
    return out if out is not None and sum(not b.is_number for b, _ in out) >= 2 else None


def log_of_product(t: sp.Expr) -> sp.Expr:
    r"""$\log t = \sum_f e_f \log|f|$ for a positive product $t = \prod_f f^{e_f}$, never forming $t$."""
    return sp.Add(*[e * sp.log(sp.Abs(b)) for b, e in (_powers(t) or _factors(t))])


def log1p_large_product(expr: sp.Expr) -> sp.Expr:
    r"""$\operatorname{log1p}(t) \to \begin{cases} \sum_f e_f \log|f| + \operatorname{log1p}(1/t) & t > 1 \\
    \operatorname{log1p}(t) & \text{otherwise}\end{cases}$ for a product $t$ holding a square."""
    def value(e):
        t = e.args[0]
        return sp.Piecewise((log_of_product(t) + log1p(1 / t), t > 1), (log1p(t), True))

    return expr.replace(lambda e: isinstance(e, log1p) and _powers(e.args[0]) is not None, value)


def log1p_large_quotient(expr: sp.Expr) -> sp.Expr:
    r"""``log1p_large_product`` for a product of two or more factors with exponents $\pm 1$ (or any real number):
    $\operatorname{log1p}(\xi x / \sigma)$ at $x = 10^{300}$, $\sigma = 10^{-300}$ (a generalised Pareto log-density, the
    Fair loss $c^2(|x|/c - \log(1 + |x|/c))$) overflows in the quotient where the truth is about 1382.  A log per
    factor under a ``where``: a costly rule (search only), as most such quotients stay in range."""
    def value(e):
        t = e.args[0]
        return sp.Piecewise((log_of_product(t) + log1p(1 / t), t > 1), (log1p(t), True))

    return expr.replace(lambda e: isinstance(e, log1p) and _powers(e.args[0]) is None
                        and _factors(e.args[0]) is not None, value)


# ** the log of an exponential over a sum: the exponent taken out **


def _exp_over(e):
    r"""``(a, c, D)`` where ``e`` is $\log(c\,e^{a} / D)$, ``c`` a positive number and ``D`` a sum, else None."""
    if not (isinstance(e, sp.log) and isinstance(e.args[0], sp.Mul)):
        return None
    c, exps, dens = sp.S.One, [], []
    for f in e.args[0].args:
        if f.is_number and f.is_positive:
            c *= f
        elif isinstance(f, sp.exp):
            exps.append(f)
        elif isinstance(f, sp.Pow) and f.exp == -1 and isinstance(f.base, sp.Add):
            dens.append(f.base)
        else:
            return None
    return (exps[0].args[0], c, dens[0]) if len(exps) == 1 and len(dens) == 1 else None


def log_of_exp_quotient(expr: sp.Expr) -> sp.Expr:
    r"""$\log\frac{c\,e^{a}}{D} = a + \log c - \log D$ for a positive number $c$ and a sum $D$ (the log of a
    Bradley-Terry or Davidson win probability $\frac{e^{s_1}}{e^{s_1} + e^{s_2} + \nu e^{(s_1 + s_2)/2}}$): at
    $s_1 = -10^{150}$ the quotient is 0 and its log $-\infty$ where the truth is $s_1$; $\log D$ is then a weighted
    log-sum-exp (``log_add_weighted_exp``).  Where $D < 0$ both sides are undefined."""
    def value(e):
        a, c, d = _exp_over(e)
        return a + sp.log(c) - sp.log(d)

    return expr.replace(lambda e: _exp_over(e) is not None, value)


# ** a difference of log-gammas: the log of a rising factorial **

LOG_GAMMA_STEP = 1
r"""The largest $h$ for which $\log\Gamma(x + h) - \log\Gamma(x)$ is rewritten: $(x)_h \approx x^h$ stays
finite for every float64 $x$ (and $\nu/2$ against $(\nu + 1)/2$, $\alpha$ against $\alpha + \frac12$ are the
usual cases)."""


def _gamma_pair(e):
    """``(n, m, k, b, h)``: terms ``n``, ``m`` of the sum ``e`` are ``k loggamma(b + h)`` and ``-k loggamma(b)``,
    ``h`` a number with ``0 < h <= LOG_GAMMA_STEP`` (so that ``b > 0`` puts both arguments in the domain)."""
    if not isinstance(e, sp.Add):
        return None
    terms = [t.as_independent(sp.loggamma, as_Add=False) for t in e.args]
    for n, (k, f) in enumerate(terms):
        if not (isinstance(f, sp.loggamma) and k.is_number):
            continue
        for m, (k2, f2) in enumerate(terms):
            if m == n or not (isinstance(f2, sp.loggamma) and k2.is_number) or sp.simplify(k + k2) != 0:
                continue
            h = sp.simplify(f.args[0] - f2.args[0])
            if h.is_number and h.is_real and 0 < h <= LOG_GAMMA_STEP:
                return n, m, k, f2.args[0], h
    return None


def log_gamma_difference(expr: sp.Expr) -> sp.Expr:
    r"""$k\log\Gamma(b + h) - k\log\Gamma(b) = k\log\,(b)_h$ for $b > 0$ (the rising factorial
    $(b)_h = \Gamma(b + h)/\Gamma(b)$, scipy's ``poch``): for $b = 5 \cdot 10^{299}$ each log-gamma is
    $3 \cdot 10^{302}$ and their difference $\frac12 \log b = 345$ is lost entirely (already at $b = 10^{6}$
    it keeps 10 digits); the Student-t normalizer $\log\Gamma(\frac{\nu+1}{2}) - \log\Gamma(\frac{\nu}{2})$,
    the chi and Nakagami log-densities, the beta function's large-argument ratios."""
    def value(e):
        n, m, k, b, h = _gamma_pair(e)
        rest = [t for q, t in enumerate(e.args) if q not in (n, m)]
        both = e.args[n] + e.args[m]
        return sp.Add(*rest) + sp.Piecewise((k * sp.log(sp.RisingFactorial(b, h)), b > 0), (both, True))

    return expr.replace(lambda e: _gamma_pair(e) is not None, value)


# ** the log of a product of positive sums, split before the rules for each log run **


def _positive_factors(t):
    """``[(base, exponent)]`` of the product ``t`` whose every non-number factor is positive for all real inputs
    (sympy's assumptions) and at least one a sum (whose log another rule may stabilize: $\\log(1 + e^{u})$), else
    None."""
    if not isinstance(t, sp.Mul):
        return None
    out = []
    for f in t.args:
        base, e = f.as_base_exp()
        if base.is_number and base.is_positive:
            out.append((base, e))
            continue
        if not (e.is_number and e.is_real) or base.is_positive is not True:
            return None
        out.append((base, e))
    return out if any(isinstance(b, sp.Add) and not b.is_number for b, _ in out) else None


def log_of_positive_product(expr: sp.Expr) -> sp.Expr:
    r"""$\log \prod_f f^{e_f} = \sum_f e_f \log f$ for factors $f > 0$, at least one a sum: soft clipping
    $\frac{1}{p}\log\frac{1 + e^{p x}}{1 + e^{p (x - 1)}}$ at $p = 10^{150}$ forms $\infty/\infty$ in the quotient;
    split, each $\log(1 + e^{u})$ is a softplus (``softplus_stable``) and the difference is finite."""
    def value(e):
        return sp.Add(*[k * sp.log(b) for b, k in _positive_factors(e.args[0])])

    return expr.replace(lambda e: isinstance(e, sp.log) and _positive_factors(e.args[0]) is not None, value)


# ** a sum of log-gammas that is the log of a beta function **


def _beta_triple(e):
    """``(n, m, q, k, a, b)``: terms ``n``, ``m``, ``q`` of the sum ``e`` are ``k loggamma(a)``, ``k loggamma(b)`` and
    ``-k loggamma(a + b)`` (``k`` a number), else None."""
    if not isinstance(e, sp.Add):
        return None
    terms = [t.as_independent(sp.loggamma, as_Add=False) for t in e.args]
    gammas = [(q, k, f.args[0]) for q, (k, f) in enumerate(terms) if isinstance(f, sp.loggamma) and k.is_number]
    for n, k, a in gammas:
        for m, k2, b in gammas:
            if m <= n or k2 != k:
                continue
            for q, k3, c in gammas:
                if q not in (n, m) and k3 == -k and sp.expand(c - a - b) == 0:
                    return n, m, q, k, a, b
    return None


def log_beta(expr: sp.Expr) -> sp.Expr:
    r"""$k\log\Gamma(a) + k\log\Gamma(b) - k\log\Gamma(a + b) \to k \log B(a, b)$ (``betaln``): at $b = 10^{150}$,
    $a = 1.08$ (a Beta likelihood with a large concentration) $\log\Gamma(b)$ and $\log\Gamma(a + b)$ are both
    $3.4 \cdot 10^{152}$ and agree in every digit of float64, while their difference is $-374$."""
    from symbolic.functions import betaln

    def value(e):
        n, m, q, k, a, b = _beta_triple(e)
        rest = [t for p, t in enumerate(e.args) if p not in (n, m, q)]
        return sp.Add(*rest) + k * betaln(a, b)

    return expr.replace(lambda e: _beta_triple(e) is not None, value)
