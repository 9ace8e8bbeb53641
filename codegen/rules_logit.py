r"""Weighted pairs of log-sigmoids of opposite arguments (:mod:`codegen.rules` registers the rule).

========================  =====================================================================
rule                      identity
========================  =====================================================================
``log_sigmoid_pair``      $a \log\sigma(s) + b \log\sigma(-s) = (a + b)\log\sigma(-s) + a\,s$
========================  =====================================================================

A Bernoulli log-likelihood from logits $y \log\sigma(z) + (1 - y)\log(1 - \sigma(z))$ (weighted, negated, inside a
larger loss) is, term by term after the log-sigmoid rules, $-y\,\operatorname{sp}(-z) - (1 - y)\operatorname{sp}(z)$:
at $y = 10^{150}$, $z = 10^{-150}$ both terms are $\mp 7 \cdot 10^{149}$ and their sum (the truth,
$1 - \log 2$) is lost.  Since $\log\sigma(s) - \log\sigma(-s) = s$, the pair is $(a + b)\log\sigma(-s) + a s$: the
weights are added symbolically ($y + (1 - y) = 1$) before anything is rounded.  The rule fires only where the sum
of the weights has fewer free symbols than the weights have together (the parameter that cancels is gone); a
class-weighted pair $\alpha y$, $(1 - \alpha)(1 - y)$ is left as it is.  $\log(1 - \sigma(s))$ is read as
$\log\sigma(-s)$.  It runs before ``log_sigmoid`` and ``log_one_minus_sigmoid``, which then see
$\log\sigma(-s)$ alone.

A function ``expr -> expr`` (a rule's ``apply``); this module knows nothing of the registry.
"""
from __future__ import annotations

import sympy as sp


def _sigmoid_argument(t):
    r"""``s`` where ``t`` is $\sigma(s) = 1/(1 + e^{-s})$ or $1 - \sigma(-s) = 1 - 1/(1 + e^{s})$, else None."""
    if isinstance(t, sp.Pow) and t.exp == -1 and isinstance(t.base, sp.Add) and len(t.base.args) == 2 \
            and sp.S.One in t.base.args:
        e = next(a for a in t.base.args if a != sp.S.One)
        return -e.args[0] if isinstance(e, sp.exp) else None
    if isinstance(t, sp.Add) and len(t.args) == 2 and sp.S.One in t.args:
        other = next(a for a in t.args if a != sp.S.One)
        inner = _sigmoid_argument(-other)
        return -inner if inner is not None else None
    return None


def _weighted_log_sigmoid(term):
    r"""``(a, s)`` with ``term`` $= a \log\sigma(s)$, else None."""
    for f in sp.Mul.make_args(term):
        if isinstance(f, sp.log):
            s = _sigmoid_argument(f.args[0])
            if s is not None:
                return sp.Mul(*[g for g in sp.Mul.make_args(term) if g is not f]), s
    return None


def _pair(e):
    """``(n, m, a, b, s)``: terms ``n`` and ``m`` of the sum ``e`` are ``a log sigma(s)`` and ``b log sigma(-s)``,
    and ``a + b`` loses a free symbol."""
    if not isinstance(e, sp.Add):
        return None
    parts = [_weighted_log_sigmoid(t) for t in e.args]
    for n, p in enumerate(parts):
        for m, q in enumerate(parts):
            if p is None or q is None or m == n or sp.expand(p[1] + q[1]) != 0:
                continue
            total = sp.expand(p[0] + q[0])
            if len(total.free_symbols) < len(p[0].free_symbols | q[0].free_symbols):
                return n, m, p[0], q[0], p[1]
    return None


def log_sigmoid_pair(expr: sp.Expr) -> sp.Expr:
    r"""$a \log\sigma(s) + b \log\sigma(-s) \to (a + b)\log\sigma(-s) + a\,s$ where $a + b$ drops a parameter."""
    def value(e):
        n, m, a, b, s = _pair(e)
        rest = [t for q, t in enumerate(e.args) if q not in (n, m)]
        return sp.Add(*rest) + sp.factor_terms(sp.expand(a + b)) * sp.log(1 / (1 + sp.exp(s))) + a * s

    return expr.replace(lambda e: _pair(e) is not None, value)


# ** a softplus next to a multiple of its own argument **


def _terms(e) -> int:
    return len(sp.Add.make_args(sp.expand(e)))


def _softplus_term(t):
    r"""``(c, v)`` with ``t`` $= c \log(1 + e^{v})$, ``c`` free of logs, else None; $\log(1 + u)$ of a $u$ that is
    not an exponential is $\log(1 + e^{v})$ with $v = \log u$: its partners $c_1 \log u$ make $u > 0$ wherever the
    sum is real.  The beta-prime log-density's $(a - 1)\log x - (a + b)\log(1 + x)$ has terms of $\mp 7 \cdot
    10^{302}$ at $x = a = 10^{300}$; reflected, $-(b + 1)\log x - (a + b)\operatorname{log1p}(1/x)$."""
    for f in sp.Mul.make_args(t):
        if isinstance(f, sp.log) and isinstance(f.args[0], sp.Add) and len(f.args[0].args) == 2 \
                and sp.S.One in f.args[0].args:
            e = next(a for a in f.args[0].args if a != sp.S.One)
            if isinstance(e, sp.exp):
                v = e.args[0]
            elif not e.is_number and not e.is_negative and not e.has(sp.exp, sp.Sum, sp.Piecewise):
                v = sp.log(e)  # u > 0 wherever the sum is real: its linear terms are c_1 log u (_with_linear)
            else:
                continue
            c = sp.Mul(*[g for g in sp.Mul.make_args(t) if g is not f])
            return (c, v) if not c.has(sp.log) else None
    return None


def _with_linear(e):
    r"""``(n, c, v, c1, linear)``: term ``n`` of the sum ``e`` is $c \log(1 + e^{v})$ and the terms ``linear`` are
    $c_1 v$ in all, with $c_1 + c$ shorter than $c_1$ and $c$ apart (a cancellation done by algebra)."""
    if not isinstance(e, sp.Add):
        return None
    for n, t in enumerate(e.args):
        found = _softplus_term(t)
        if found is None:
            continue
        c, v = found
        if not (v.free_symbols - c.free_symbols):
            continue
        linear, c1 = [], sp.S.Zero
        for m, u in enumerate(e.args):
            q = u / v
            if m != n and not q.has(*(v.free_symbols - c.free_symbols)) and not q.has(sp.log, sp.exp):
                linear.append(m)
                c1 += q
        if linear and _terms(c1 + c) < _terms(c1) + _terms(c):
            return n, c, v, c1, linear
    return None


def softplus_reflection(expr: sp.Expr) -> sp.Expr:
    r"""$c_1 v + c \log(1 + e^{v}) \to \begin{cases} c_1 v + c\log(1 + e^{v}) & v \le 0 \\
    (c_1 + c)\,v + c \log(1 + e^{-v}) & v > 0 \end{cases}$ where $c_1 + c$ cancels symbolically; with
    $v = \log u$ for $\log(1 + u)$, $u > 0$: $c_1 \log u + c\log(1 + u) = (c_1 + c)\log u + c\log(1 + 1/u)$ for $u > 1$.

    ``BCEWithLogitsLoss(pos_weight=w)`` as PyTorch documents it, $(1 - y) z + (1 + (w - 1) y)\log(1 + e^{-z})$: at
    $z = -10^{150}$, $y = 10^{-150}$ the two terms are $\mp 10^{150}$ and their sum, $w y |z| \approx 1$, is lost;
    $(c_1 + c) = -w y$ is formed before anything is rounded, and $\log(1 + e^{-v})$ is small where $v > 0$."""
    def value(e):
        n, c, v, c1, linear = _with_linear(e)
        rest = [t for m, t in enumerate(e.args) if m != n and m not in linear]
        plain = sp.Add(*[e.args[m] for m in linear]) + c * sp.log(1 + sp.exp(v))
        reflected = sp.factor_terms(sp.expand(c1 + c)) * v + c * sp.log(1 + sp.exp(-v))
        return sp.Add(*rest) + sp.Piecewise((plain, v <= 0), (reflected, True))

    return expr.replace(lambda e: _with_linear(e) is not None, value)
