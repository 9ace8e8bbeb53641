r"""A sum with a quotient whose terms cancel over a common denominator (:mod:`codegen.rules` registers the rule).

========================  =====================================================================
rule                      identity
========================  =====================================================================
``common_denominator``    $R + \frac{N}{D} = \frac{R D + N}{D}$ where the expanded $R D + N$ loses a free symbol
``term_over_sum``         $\frac{a\,w}{w + b} = \frac{a}{1 + b/w}$ for $|w| \ge |b|$, $w$ a term of the sum that the numerator is a multiple of
========================  =====================================================================

$1 - \frac{s + 2\sum_i p_i t_i}{s + \sum_i p_i + \sum_i t_i}$ (a Dice loss) at $s = 10^{150}$ rounds the quotient to 1
and the difference to 0, where the truth is $\frac{\sum_i p_i + \sum_i t_i - 2\sum_i p_i t_i}{s + \ldots} \approx
10^{-150}$: over the common denominator the two $s$ cancel symbolically, before anything is rounded.  The rule fires
only where a free symbol (or a sum) of $R D$ and $N$ is gone from the expanded numerator, and only for a
denominator that is a sum ($R$ free of the denominator's inverse); otherwise the quotient stays as written.

A function ``expr -> expr`` (a rule's ``apply``); this module knows nothing of the registry.
"""
from __future__ import annotations

import sympy as sp

from symbolic.functions import Held


def _atoms(e) -> set:
    return e.free_symbols | e.atoms(sp.Sum)


def over_one_denominator(e, numerator):
    """``(numerator(R, N, D), D)`` for the first quotient ``N/D`` of the sum ``e`` whose denominator ``D`` is a sum
    (its one inverse of a sum), with ``R`` the other terms (not 0, free of ``1/D``), where ``numerator`` gives one
    (the combined numerator, when the rule's cancellation happens); else None."""
    if not isinstance(e, sp.Add):
        return None
    for q in e.args:
        dens = [f for f in sp.Mul.make_args(q) if isinstance(f, sp.Pow) and f.exp == -1 and isinstance(f.base, sp.Add)]
        if len(dens) != 1:
            continue
        n = sp.Mul(*[f for f in sp.Mul.make_args(q) if f is not dens[0]])
        rest = sp.Add(*[t for t in e.args if t is not q])
        if rest.has(dens[0]) or rest == 0:
            continue
        top = numerator(rest, n, dens[0].base)
        if top is not None:
            return top, dens[0].base
    return None


def _symbol_gone(rest, n, d):
    top = sp.expand(rest * d + n)
    return top if _atoms(top) < (_atoms(sp.expand(rest * d)) | _atoms(n)) else None


def _combined(e):
    """``(numerator, denominator)`` of the sum ``e`` over the common denominator of one of its quotients, where a
    symbol cancels, else None."""
    return over_one_denominator(e, _symbol_gone)


def common_denominator(expr: sp.Expr) -> sp.Expr:
    r"""$R + \frac{N}{D} \to \frac{R D + N}{D}$ where the numerator's terms cancel symbolically (module docstring)."""
    def value(e):
        top, d = _combined(e)
        return sp.Mul(sp.factor_terms(top), sp.Pow(d, -1), evaluate=False)

    return expr.replace(lambda e: _combined(e) is not None, value)


# ** a factor outside a branch that cancels inside it **


def _expanded(f):
    """``(a b)^m`` as ``a^m b^m`` for an integer ``m`` (one factor of a branch; nothing deeper is touched), a held
    ratio (``Held``: $u = |x|/c$ of a Taylor branch) included."""
    if isinstance(f, sp.Pow) and f.exp.is_Integer:
        base = f.base.args[0] if isinstance(f.base, Held) else f.base
        if isinstance(base, sp.Mul):
            return sp.Mul(*[a ** f.exp for a in base.args])
    return f


def _factors(e) -> list:
    r"""The factors of the product ``e``, nested unevaluated products flattened (the Horner form of a Taylor branch,
    $1 \cdot (u \cdot (u \cdot p))$, keeps its factors apart)."""
    if not isinstance(e, sp.Mul):
        return [e]
    return [f for a in e.args for f in _factors(a)]


def _into_branch(k, branch):
    r"""``k * branch`` with the integer powers of products among the factors of ``branch`` expanded, where a base of
    ``k`` cancels (its exponent in the product is smaller than those of ``k`` and the branch together: $b \cdot
    x^2 b^{-2} = x^2 b^{-1}$), else None; a sum distributed over its terms where ``k`` cancels in one of them."""
    if branch.is_number:  # k * 0 = 0 is no cancellation
        return None
    if isinstance(branch, sp.Add):  # a sum: k into its terms, where it cancels in one (scale_into_terms)
        terms = [(t, _into_branch(k, t)) for t in branch.args]
        return sp.Add(*[b if b is not None else sp.Mul(k, t) for t, b in terms]) \
            if any(b is not None for _, b in terms) else None
    expanded = sp.Mul(*[_expanded(f) for f in _factors(branch)])
    inside = sp.Mul(k, expanded)
    for f in sp.Mul.make_args(k):
        base = f.as_base_exp()[0]
        if not f.is_number and abs(_exponent(inside, base)) < abs(_exponent(k, base)) + abs(_exponent(expanded, base)):
            return inside
    return None


def _exponent(e, base):
    """The exponent of ``base`` among the factors of the product ``e`` (0 where it is no factor; a number, else 0)."""
    out = sum((f.as_base_exp()[1] for f in sp.Mul.make_args(e) if f.as_base_exp()[0] == base), sp.S.Zero)
    return out if out.is_number else sp.S.Zero


def _symbol_scale_of(e, kind):
    """``(k, part)`` for a product ``k * part`` with exactly one factor ``part`` of type ``kind`` and ``k`` a product
    of powers of symbols (not a number), else None: a scale of symbols only (a larger factor copied into every branch
    or term grows what later rules nest)."""
    if not isinstance(e, sp.Mul):
        return None
    parts = [a for a in e.args if isinstance(a, kind)]
    if len(parts) != 1:
        return None
    k = sp.Mul(*[a for a in e.args if a is not parts[0]])
    if k.is_number or not all(f.is_number or isinstance(f.as_base_exp()[0], sp.Symbol) for f in sp.Mul.make_args(k)):
        return None
    return k, parts[0]


def _scaled_branches(e):
    """``(k, piecewise, branches)`` for a product ``k * Piecewise(...)`` where ``k`` cancels in some branch, else None."""
    found = _symbol_scale_of(e, sp.Piecewise)
    if found is None:
        return None
    k, piece = found
    branches = [_into_branch(k, a.expr) for a in piece.args]
    return (k, piece, branches) if any(b is not None for b in branches) else None


def scale_into_branches(expr: sp.Expr) -> sp.Expr:
    r"""$k \begin{cases} A & c \\ B & \text{else}\end{cases} = \begin{cases} k A & c \\ k B & \text{else}\end{cases}$
    where $k$ cancels in a branch: the pseudo-Huber loss $\delta^2(\sqrt{1 + (x/\delta)^2} - 1)$, after
    ``root_difference``, is $\delta^2 \frac{(x/\delta)^2}{\sqrt{\cdot} + 1}$ near 0, and at $\delta = 10^{300}$ forms
    $\delta^2 = \infty$ times $(x/\delta)^2 = 0$; inside the branch $\delta^2 (x/\delta)^2 = x^2$."""
    def value(e):
        k, piece, branches = _scaled_branches(e)
        return sp.Piecewise(*[(b if b is not None else sp.Mul(k, a.expr), a.cond) for a, b in zip(piece.args, branches)])

    return expr.replace(lambda e: _scaled_branches(e) is not None, value)


def _scaled_terms(e):
    """``(k, terms)`` for a product ``k * (a_1 + a_2 + ...)`` (``k`` a product of powers of symbols) where ``k`` cancels
    in some term (:func:`_into_branch`), each term as ``k a_t`` where it cancels and None where not; else None."""
    found = _symbol_scale_of(e, sp.Add)
    if found is None:
        return None
    k, total = found
    terms = [(t, _into_branch(k, t)) for t in total.args]
    return (k, terms) if any(b is not None for _, b in terms) else None


def scale_into_terms(expr: sp.Expr) -> sp.Expr:
    r"""$k\,(A + B) = k A + k B$ where $k$ cancels in a term: the Fair loss $c^2\bigl(\frac{|x|}{c} - \log(1 +
    \frac{|x|}{c})\bigr)$ at $x = 10^{300}$, $c = 10^{-300}$ forms $\frac{|x|}{c} = \infty$ times $c^2 = 0$ where the
    truth is $c|x| = 1$; distributed, $c\,|x|$ is formed without the quotient (the log's term by
    ``log1p_large_quotient``).  The terms in which $k$ does not cancel keep it as a factor."""
    def value(e):
        k, terms = _scaled_terms(e)
        return sp.Add(*[b if b is not None else sp.Mul(k, t) for t, b in terms])

    return expr.replace(lambda e: _scaled_terms(e) is not None, value)


# ** a term over a sum holding it **


def _term_over_sum(e):
    r"""``(a, w, b)`` where the product ``e`` is ``a w / (w + b)``: ``w`` (not a number, holding no ``Sum``) a term of the
    one summed denominator and either a factor of the numerator or a term the numerator divided by it loses a free
    symbol of ($\frac{x}{x/\alpha + e^{-x/\beta}}$, the soft root sign: $a = \alpha$), else None."""
    if not isinstance(e, sp.Mul):
        return None
    dens = [f for f in e.args if isinstance(f, sp.Pow) and f.exp == -1 and isinstance(f.base, sp.Add)]
    if len(dens) != 1:
        return None
    d = dens[0]
    num = [f for f in e.args if f is not d]
    for w in num:  # an elementwise w only: with a sum for w the search's VJP and certificate blew up (Tversky: > 400 s)
        if not w.is_number and not w.has(sp.Sum) and w in d.base.args:
            a = sp.Mul(*[f for f in num if f is not w])
            return a, w, sp.Add(*[t for t in d.base.args if t != w])
    n = sp.Mul(*num)
    for w in d.base.args:
        if w.is_number or w.has(sp.Sum, sp.Piecewise) or n.has(sp.Sum):
            continue
        a = n / w
        if (w.free_symbols & n.free_symbols) - a.free_symbols:  # the quotient cancels: x / (x/alpha) is alpha
            return a, w, sp.Add(*[t for t in d.base.args if t != w])
    return None


def _real_power_of_symbols(f) -> bool:
    r"""$B^{p}$ for an exponent $p$ that is not a number and a base $B$ a product of powers of symbols: the adaptive
    wing loss's $(\theta/\epsilon)^{\alpha - y}$, which overflows at $\epsilon = 10^{-150}$ for $\alpha - y > 2.05$."""
    return (isinstance(f, sp.Pow) and not f.exp.is_number and not f.exp.has(sp.Sum, sp.Piecewise)
            and all(isinstance(g.as_base_exp()[0], sp.Symbol) and g.as_base_exp()[1].is_number
                    for g in sp.Mul.make_args(f.base)))


def _over_large_term(e):
    """``(n, w, b, k)`` where the product ``e`` is ``n / (b + w)^k``: ``b`` a number, ``w`` a product of symbols holding
    a power of magnitude at least 2 or a real power of symbols (:func:`_real_power_of_symbols`; either overflows while
    the quotient is tame) and no sum, ``k = 1`` or, beside a real power, a larger integer (a gradient's square of the
    sum); else None."""
    if not isinstance(e, sp.Mul):
        return None
    dens = [f for f in e.args if isinstance(f, sp.Pow) and f.exp.is_Integer and f.exp <= -1
            and isinstance(f.base, sp.Add) and len(f.base.args) == 2]
    if len(dens) != 1:
        return None
    b, w = sorted(dens[0].base.args, key=lambda t: not t.is_number)
    if not b.is_number or b == 0 or w.has(sp.Sum, sp.Piecewise):
        return None
    powers = [f for f in sp.Mul.make_args(w) if isinstance(f, sp.Pow) and f.exp.is_Integer and abs(f.exp) >= 2
              and isinstance(f.base, sp.Symbol)]
    real = [f for f in sp.Mul.make_args(w) if _real_power_of_symbols(f)]
    if not (powers or real) or not all(isinstance(f.as_base_exp()[0], sp.Symbol) or f.is_number or f in real
                                       for f in sp.Mul.make_args(w)):
        return None
    if dens[0].exp != -1 and not real:  # a square of the sum only beside a real power (the adaptive wing gradient)
        return None
    return sp.Mul(*[f for f in e.args if f is not dens[0]]), w, b, -dens[0].exp


def over_large_term(expr: sp.Expr) -> sp.Expr:
    r"""$\frac{N}{b + w} 	o \frac{N / w}{1 + b/w}$ where $|w| \ge |b|$, for a number $b$ and a monomial $w$ with a power:
    the gradient of the arctan loss $a \arctan(r^2/a)$ is $\frac{2 r}{1 + r^4/a^2}$, whose $r^4/a^2$ overflows at
    $r = a = 10^{300}$ where the truth is $2 \cdot 10^{-300}$; $\frac{2 r a^2}{r^4}$ is paired into range
    (``ratio_before_unequal_powers``).  Where $|w| < |b|$ the quotient stays as written."""
    def value(e):
        n, w, b, k = _over_large_term(e)
        q = Held(b / w)  # one ratio, tested and used: sympy splits |r^4/a^2| into r^4 |a^-2|, inf * 0 at r = a = 1e300
        # powers of one base with symbolic exponents combined: (t/e)^{a - 1} / (t/e)^{a} is (t/e)^{-1}, not inf * 0
        top = sp.powsimp(n / w ** k, combine="exp") if any(_real_power_of_symbols(f) for f in sp.Mul.make_args(w)) \
            else n / w
        return sp.Piecewise((top / (1 + q) ** k, sp.Abs(q) <= 1), (e, True))

    return expr.replace(lambda e: _over_large_term(e) is not None, value)


def term_over_sum(expr: sp.Expr) -> sp.Expr:
    r"""$\frac{a\,w}{w + b} \to \frac{a}{1 + b/w}$ where $|w| \ge |b|$: the Geman-McClure loss
    $\frac{2 u^2}{u^2 + 4}$, $u = x/c$, at $u = 10^{300}$ is $\infty/\infty$ where the truth is 2; $\frac{4}{u^2}$ is 0
    there and the quotient 2.  Where $|w| < |b|$ the quotient stays as written (nothing overflows that $b$ does not)."""
    def value(e):
        a, w, b = _term_over_sum(e)
        return sp.Piecewise((a / (1 + b / w), sp.Abs(w) >= sp.Abs(b)), (e, True))

    return expr.replace(lambda e: _term_over_sum(e) is not None, value)
