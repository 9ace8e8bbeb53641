r"""Products whose factors over- or underflow while the product does not, formed in log space.

========================  =====================================================================
rule                      identity
========================  =====================================================================
``log_of_quotient``       $\log t = \sum_f e_f \log|f|$ for a positive product $t = c \prod_f f^{e_f}$, used where $|\sum_f e_f \log|f|| \ge L$
``log_of_product_sum``    $\log\sum_k P_k = M + \log\sum_k s_k e^{\ell_k - M}$, $\ell_k = \sum_f e_f \log|f|$ the log of the product $P_k$, $s_k$ its sign, $M = \max_k \ell_k$, used where $|M| \ge L$
``log_space_product``     $P\,e^{w} = c\,\operatorname{sign}(P)\,e^{\sum_f e_f \log|f| + w}$ and $\frac{P}{\cosh^{k} u} = c\,\operatorname{sign}(P)\,e^{\sum_f e_f \log|f| - k \log\cosh u}$, used where the exponent is at least $L$ in magnitude
``log_space_monomial``    $c\prod_f f^{e_f} = c\,\operatorname{sign}(P)\,e^{\sum_f e_f \log|f|}$ for a quotient of linear factors ($x - m$), used where $\sum_f |e_f \log|f|| \ge L$
========================  =====================================================================

with $L$ = :data:`LOG_RANGE`.  Below $L$ each factor and the product are normal floats, and the direct form is
kept (a difference of logs loses the digits of a quotient near 1); at or beyond it the direct form over- or
underflows: $\log\frac{\sigma_2}{\sigma_1}$ at $\sigma_1 = 10^{-300}$, $\sigma_2 = 10^{300}$ is $\log\infty$
(the Gaussian KL divergence), and $\frac{x (26829 x^2 + 200000)}{\cosh^2 u}$ with $u \sim x^3$ is
$\frac{\infty}{\infty}$ for $|x| > 10^{103}$ where the truth is 0 (the gradient of GELU's tanh form).  The log of
a factor that is a sum with a constant, $\log(c + t)$, is written $\log c + \operatorname{log1p}(t/c)$ so that
``log1p_large_product`` takes it where $t$ overflows.  Functions ``expr -> expr`` (a rule's ``apply``); this
module knows nothing of the registry.
"""
from __future__ import annotations

import sympy as sp
from sympy.codegen.cfunctions import log1p

LOG_RANGE = 600
r"""$e^{\pm 600} \approx 10^{\pm 260}$: below it every factor of a product of a few normal floats is normal too."""


def _factors(t, *, positive_powers: bool = False):
    """``(c, [(base, exponent)])`` of the product ``t`` (``c`` its number factor), or None where an exponent is not a
    real number (with ``positive_powers``, a real exponent of a base sympy proves positive is kept too)."""
    c, out = sp.S.One, []
    for f in sp.Mul.make_args(t):
        if f.is_number:
            c *= f
            continue
        base, e = (f.base, f.exp) if isinstance(f, sp.Pow) else (f, sp.S.One)
        if not (e.is_number and e.is_real) and not (positive_powers and e.is_real and base.is_positive):
            return None
        out.append((base, e))
    return c, out


def log_abs(base) -> sp.Expr:
    r"""$\log|b|$, with $\log(c + t) = \log c + \operatorname{log1p}(t/c)$ for a sum with a positive number $c$."""
    if isinstance(base, sp.Add):
        c = sum((a for a in base.args if a.is_number), sp.S.Zero)
        if c.is_positive and base.is_positive:
            rest = base - c
            return sp.log(c) + log1p(sp.Mul(rest, 1 / c))
    return sp.log(sp.Abs(base))


def log_of_factors(factors) -> sp.Expr:
    return sp.Add(*[e * log_abs(b) for b, e in factors])


# ** the log of a quotient **


def _quotient(t):
    """``(c, factors)`` where ``t`` is a product of at least two non-number factors, or one power ``|e| >= 2``."""
    if not isinstance(t, (sp.Mul, sp.Pow)):
        return None
    found = _factors(t)
    if found is None or not found[0].is_positive or not all(_algebraic(b) for b, _ in found[1]):
        return None
    c, fs = found
    if len(fs) >= 2 or (fs and fs[0][1].is_integer and abs(fs[0][1]) >= 2):
        return c, fs
    return None


def log_of_quotient(expr: sp.Expr) -> sp.Expr:
    r"""$\log t \to \begin{cases}\log t & |S| < L \\ \log c + S & \text{otherwise}\end{cases}$,
    $S = \sum_f e_f \log|f|$, for $t = c \prod_f f^{e_f}$ ($c > 0$)."""
    def value(e):
        c, fs = _quotient(e.args[0])
        s = log_of_factors(fs)
        return sp.Piecewise((e, sp.Abs(s) < LOG_RANGE), (sp.log(c) + s, True))

    return expr.replace(lambda e: isinstance(e, sp.log) and _quotient(e.args[0]) is not None, value)


# ** the log of a sum of products **


def _product_terms(e):
    r"""``[(c, factors)]`` of the terms of the sum in ``e = log(sum)``: at least two terms, each a number times algebraic
    factors with real number exponents, at least one of them a product that can overflow while its log is tame (two
    factors or more, or a power of magnitude at least 2); else None."""
    if not (isinstance(e, sp.log) and isinstance(e.args[0], sp.Add)):
        return None
    out = []
    for t in e.args[0].args:
        found = _factors(t)
        if found is None or found[0] == 0 or not all(_algebraic(b) for b, _ in found[1]):
            return None
        out.append(found)
    if not any(len(fs) >= 2 or (fs and fs[0][1].is_integer and abs(fs[0][1]) >= 2) for _, fs in out):
        return None
    return out


def log_of_product_sum(expr: sp.Expr) -> sp.Expr:
    r"""$\log\sum_k P_k \to \begin{cases}\log\sum_k P_k & |M| < L \\ M + \log\sum_k s_k e^{\ell_k - M} &
    \text{otherwise}\end{cases}$, $\ell_k = \log|c_k| + \sum_f e_f \log|f|$ for $P_k = c_k \prod_f f^{e_f}$, $s_k$ its
    sign, $M = \max_k \ell_k$: $\log\bigl((y - \gamma)^2\nu + 2\beta(1 + \nu)\bigr)$ (deep evidential regression) is
    $\log\infty$ at $y = 10^{300}$ or at $\beta = \nu = 10^{300}$ where the truth is about 1400."""
    def value(e):
        terms = _product_terms(e)
        logs = [sp.log(abs(c)) + log_of_factors(fs) for c, fs in terms]
        signs = [sp.sign(c) * _sign(fs) for c, fs in terms]
        m = sp.Max(*logs)
        # held: sympy would take e^{log|f| - m} back to |f| e^{-m}, whose |f| overflows again
        shifted = sp.Add(*[s * sp.exp(sp.UnevaluatedExpr(w - m)) for s, w in zip(signs, logs)])
        return sp.Piecewise((e, sp.Abs(m) < LOG_RANGE), (m + sp.log(shifted), True))

    return expr.replace(lambda e: _product_terms(e) is not None, value)


# ** an algebraic factor times an exponentially small (or large) one **


def _exponential(f):
    r"""``(log, size)`` of the factor ``f`` where it is $e^{w}$ (both $w$) or $\cosh^{k} u$ ($k\log\cosh u$, and
    $k|u|$, which differs from it by less than $|k| \log 2$; $k$ a real number of either sign), else None."""
    from codegen.rules import log_cosh_stable

    if isinstance(f, sp.exp):
        return f.args[0], f.args[0]
    if isinstance(f, sp.cosh):  # cosh u = e^{log cosh u}: the sinh-arcsinh gradient's cosh overflows before its quotient
        f = sp.Pow(f, 1, evaluate=False)
    if isinstance(f, sp.Pow) and isinstance(f.base, sp.cosh) and f.exp.is_number and f.exp.is_real and f.exp != 0:
        u = f.base.args[0]
        return f.exp * log_cosh_stable(u), f.exp * sp.Abs(u)
    return None


def _algebraic(b) -> bool:
    """A base built from symbols, indexed entries and numbers by +, * and powers (no function that could hide a
    sign change or a branch)."""
    return all(isinstance(a, (sp.Symbol, sp.Indexed, sp.IndexedBase, sp.Idx, sp.Number, sp.Add, sp.Mul, sp.Pow))
               or a.is_number for a in sp.preorder_traversal(b)) and not b.has(sp.Sum)


def log_positive(base) -> sp.Expr:
    r"""$\log b$ of a base sympy proves positive: $\operatorname{softplus}(u)$ (stable) for $b = 1 + e^{u}$, else $\log b$."""
    from codegen.rules import softplus_stable

    if isinstance(base, sp.Add) and len(base.args) == 2 and sp.S.One in base.args:
        (other,) = [a for a in base.args if a != sp.S.One]
        if isinstance(other, sp.exp):
            return softplus_stable(other.args[0])
    return sp.log(base)


def _log_space(e):
    r"""``(c, algebraic factors, exponent, its size)`` of the product ``e``: at least one factor $e^w$ or $\cosh^{-k} u$, and at
    least one other factor that is not a number: algebraic, or one sympy proves positive (a softplus, a power of
    $1 + e^{u}$, whose log enters the exponent: :func:`log_positive`); else None."""
    if not isinstance(e, sp.Mul):
        return None
    found = _factors(e, positive_powers=True)
    if found is None:
        return None
    c, fs = found
    logs, sizes, algebraic, positive = [], [], [], []
    for b, k in fs:
        w = _exponential(b ** k)
        if w is not None:
            logs.append(w[0])
            sizes.append(w[1])
        elif _algebraic(b) and k.is_number and (k.is_integer or b.is_positive):
            algebraic.append((b, k))
        elif b.is_positive and not b.has(sp.Sum, sp.Piecewise):
            positive.append(k * log_positive(b))
        else:
            return None
    if not logs or not (algebraic or positive):
        return None
    return c, algebraic, sp.Add(*logs, *positive), sp.Add(*sizes)


def _sign(factors) -> sp.Expr:
    return sp.Mul(*[sp.sign(b) ** (e % 2) for b, e in factors if e.is_integer and not b.is_positive])


def log_space_product(expr: sp.Expr) -> sp.Expr:
    r"""$c\,P\,E \to \begin{cases} c\,P\,E & |w| < L \\ c\,\operatorname{sign}(P)\,e^{\log|P| + w} & \text{otherwise}\end{cases}$
    for an algebraic product $P$ and $E = e^{w}$ or $\cosh^{-k} u$ ($w = -k\log\cosh u$; the test is on $k|u|$, which
    differs from $|w|$ by less than $k \log 2$ and needs no branch)."""
    def value(e):
        c, algebraic, w, size = _log_space(e)
        # unevaluated: sympy would take exp(log|x| + w) back to |x| e^{w}, which overflows again
        wide = sp.Mul(c, _sign(algebraic), sp.exp(sp.Add(log_of_factors(algebraic), w), evaluate=False),
                      evaluate=False)
        return sp.Piecewise((e, sp.Abs(size) < LOG_RANGE), (wide, True))

    return expr.replace(lambda e: _log_space(e) is not None, value)


# ** a quotient of algebraic factors whose partial products leave the float range **


def _linear(b) -> bool:
    """A symbol, an indexed entry, or a sum of number multiples of them ($x - m$): a factor that is finite wherever
    its inputs are, so that its log is too (a sum such as $d^2 - s^2$ could overflow on its own)."""
    def atom(t):
        return isinstance(t, (sp.Symbol, sp.Indexed))

    def term(t):
        return atom(t) or (isinstance(t, sp.Mul) and len(t.args) == 2 and t.args[0].is_number and atom(t.args[1]))

    return atom(b) or (isinstance(b, sp.Add) and all(term(t) or t.is_number for t in b.args))


def _monomial(e):
    r"""``(c, factors)`` where ``e`` is a number times a quotient of linear factors (:func:`_linear`) with integer
    exponents (real ones for factors sympy proves positive, or fractional ones, whose base is $\ge 0$ wherever the
    definition is real): two with a fractional exponent above 1 in magnitude (:func:`_fractional_pair`), or at least
    one divisor and at least three different factors counted three times with their exponents (a quotient of integer
    powers of two is ``ratio_before_power``'s and ``ratio_before_unequal_powers'``); else None."""
    if not isinstance(e, sp.Mul):
        return None
    found = _factors(e, positive_powers=True)
    if found is None:
        return None
    c, fs = found
    if not all(_linear(b) and (k.is_integer or b.is_positive or _fractional(k)) for b, k in fs):
        return None
    if len(fs) == 2 and _fractional_pair(fs):
        return c, fs
    if not any(k.is_negative for _, k in fs) or not any(k.is_positive for _, k in fs):
        return None
    return (c, fs) if len(fs) >= 3 and sum(abs(k) for _, k in fs) >= 3 else None


def _fractional(k) -> bool:
    r"""A rational exponent that is no integer ($\frac32$): its power of a negative number is not real, so the
    definition's domain keeps the base $\ge 0$ and $|b| = b$ in the log."""
    return k.is_Rational and not k.is_integer


def _fractional_pair(fs) -> bool:
    r"""Two factors $u^{a} v^{\pm b}$, one exponent fractional and one above 1 in magnitude: the Noam schedule's
    $t\,w^{-3/2}$ at $t = w = 10^{300}$, whose $w^{3/2}$ overflows where the value is $10^{-150}$ (no integer
    ratio $(t/w)^{j}$ takes the powers apart); $k\,x^{3/2}$ at $k = 10^{-300}$, $x = 10^{250}$ the same."""
    return any(_fractional(k) for _, k in fs) and max(abs(k) for _, k in fs) > 1


def _linear_product(t) -> bool:
    """A number, or a number times powers of linear factors (:func:`_linear`) with integer (or fractional) exponents."""
    found = _factors(t)
    return found is not None and all(_linear(b) and (k.is_integer or _fractional(k)) for b, k in found[1])


def _branches(t):
    """The values of ``t``: its branches where it is a ``Piecewise``, else ``t`` alone."""
    return [b for b, _ in t.args] if isinstance(t, sp.Piecewise) else [t]


def _distributable(e):
    r"""``(sum, others)`` where ``e`` is a product of linear powers and one sum, one of whose terms (a product of linear
    powers, or a ``Piecewise`` with such a branch) times the others is a quotient :func:`_monomial` takes; else None.
    The sum's other terms may be anything (the Tobit log-likelihood's $\delta(-\log\sigma - \frac{(y -
    \mu)^2}{2\sigma^2})$ at $y = 10^{300}$, $\delta = 10^{-300}$: the square overflows before $\delta$ brings it back,
    and $\log\sigma$ is no monomial).  A branch is reached as well: the gradient of the Noam schedule
    $D^{-1/2}\min(t^{-1/2}, t\,w^{-3/2})$ is $\frac{g}{\sqrt D}\bigl(\begin{cases}-\frac12 t^{-3/2} & \ldots\end{cases} +
    \ldots\bigr)$, whose $t^{-3/2}$ underflows at $t = 10^{300}$ where $D = 10^{-300}$ brings it back."""
    if not isinstance(e, sp.Mul):
        return None
    sums = [f for f in e.args if isinstance(f, sp.Add) and not _linear(f)]
    if len(sums) != 1:
        return None
    others = [f for f in e.args if f is not sums[0]]
    if not _linear_product(sp.Mul(*others)):
        return None
    return (sums[0], others) if any(_linear_product(b) and _monomial(sp.Mul(*others, b)) is not None
                                    for t in sums[0].args for b in _branches(t)) else None


def _distribute(e):
    """The product ``e`` taken into its sum's terms, and into each branch of a ``Piecewise`` term
    (:func:`_distributable`)."""
    total, others = _distributable(e)
    k = sp.Mul(*others)
    return sp.Add(*[sp.Piecewise(*[(k * b, c) for b, c in t.args]) if isinstance(t, sp.Piecewise) else k * t
                    for t in total.args])


def log_space_monomial(expr: sp.Expr) -> sp.Expr:
    r"""$c\prod_f f^{e_f} \to \begin{cases} c\prod_f f^{e_f} & \sum_f |e_f|\,|\log|f|| < L \\
    c\,\operatorname{sign}(\prod_f f^{e_f})\,e^{\sum_f e_f \log|f|} & \text{otherwise}\end{cases}$: below $L$ every
    partial product, in any order, is within $e^{\pm L}$; beyond it one may over- or underflow while the quotient does
    not.  The Wald log-density's $\frac{s (x - m)^2}{2 m^2 x}$ at $x = 10^{-300}$, $m = 10^{300}$ squares $10^{300}$
    (inf) where the value is $8 \cdot 10^{299}$; in log space the exponent is $691$ and the value normal.  The wide
    branch's relative error is that of its exponent, at most about $\sum_f |e_f \log|f||$ ulps.  A product of such
    factors and a sum of such quotients is taken into the sum first: the Wald gradient
    $\frac{g}{x}\bigl(\frac{s (x - m)^2}{2 m^2 x} - \frac{s (x - m)}{m^2} - \frac32\bigr)$ at $x = s = 10^{300}$ has a
    sum of about $10^{600}$ and a value of about $10^{300}$."""
    expr = expr.replace(lambda e: _distributable(e) is not None, _distribute)

    def value(e):
        c, fs = _monomial(e)
        size = sp.Add(*[abs(k) * sp.Abs(log_abs(b)) for b, k in fs])
        wide = sp.Mul(c, _sign(fs), sp.exp(log_of_factors(fs), evaluate=False), evaluate=False)
        return sp.Piecewise((e, size < LOG_RANGE), (wide, True))

    return expr.replace(lambda e: _monomial(e) is not None, value)


# ** a quotient by expm1 of a large argument **


def _expm1_quotient(e):
    r"""``(c, algebraic factors, L)`` where ``e`` is $c\,P / \operatorname{expm1}(L)$, $P$ a product of at least one
    algebraic factor, else None."""
    if not isinstance(e, sp.Mul):
        return None
    from sympy.codegen.cfunctions import expm1

    den = [f for f in e.args if isinstance(f, sp.Pow) and f.exp == -1 and isinstance(f.base, expm1)]
    if len(den) != 1:
        return None
    found = _factors(sp.Mul(*[f for f in e.args if f is not den[0]]))
    if found is None or not found[1] or not all(_algebraic(b) and k.is_integer for b, k in found[1]):
        return None
    return found[0], found[1], den[0].base.args[0]


def _holds_expm1_quotient(e) -> bool:
    return isinstance(e, sp.Mul) and any(isinstance(f, sp.Piecewise) and any(
        _expm1_quotient(sp.Mul(*[g for g in e.args if g is not f]) * b) is not None for b, _ in f.args)
        for f in e.args)


def expm1_quotient(expr: sp.Expr) -> sp.Expr:
    r"""$\frac{c\,P}{\operatorname{expm1}(L)} \to \begin{cases} \frac{c\,P}{\operatorname{expm1}(L)} & L < L_0 \\
    c\,\operatorname{sign}(P)\,\frac{e^{\log|P| - L}}{-\operatorname{expm1}(-L)} & \text{otherwise}\end{cases}$
    ($L_0$ = :data:`LOG_RANGE`): $\operatorname{expm1}(L) = -e^{L}\operatorname{expm1}(-L)$.  Adam's bias correction
    $\frac{m}{1 - \beta^t}$ at $m = 10^{300}$, $\beta = 10^{300}$, $t = 1.34$ has $\beta^t = \infty$ and gives $-0$
    where the truth is $-10^{-102}$.  A product with a piecewise factor holding the quotient is folded into it
    first ($m \cdot \{1/\operatorname{expm1}(t \log\beta)$ for $\beta > 0\}$, as ``power_expm1`` writes it)."""
    from sympy.codegen.cfunctions import expm1

    expr = expr.replace(_holds_expm1_quotient, sp.piecewise_fold)

    def value(e):
        c, algebraic, big = _expm1_quotient(e)
        wide = sp.Mul(c, _sign(algebraic), sp.exp(sp.Add(log_of_factors(algebraic), -big), evaluate=False),
                      sp.Pow(-expm1(-big), -1), evaluate=False)
        return sp.Piecewise((e, big < LOG_RANGE), (wide, True))

    return expr.replace(lambda e: _expm1_quotient(e) is not None, value)
