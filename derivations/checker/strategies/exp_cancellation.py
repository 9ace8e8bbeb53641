r"""Exponentials whose leading terms cancel, cancelled exactly before anything is rounded.

$\cosh y - \sinh y$ is $e^{-y}$, but read at $b$ digits it is the difference of two numbers of size $e^{y}/2$ and
loses $2y/\ln 10$ digits: from $y \approx 5800$ on no precision the checker escalates to (5000 digits) sees it, and a
false claim failing only there ($\cosh y - \sinh y \ge e^{-y}(1 + \tanh(y - 20000)/1000)$) came out ``verified``.
The same holds for $1 - \sigma(x) = 1 - 1/(1 + e^{-x})$ and $1 - \tanh x$.  Two exact rewritings remove it:

* a sum holding a hyperbolic function, or an exponential under a division, is written in exponentials over one
  denominator (``sympy.together``), kept only when the numerator has lost terms that cancelled exactly:
  $$\cosh y - \sinh y = e^{-y}, \qquad 1 - \frac{1}{1 + e^{-x}} = \frac{e^{-x}}{1 + e^{-x}}, \qquad
    1 - \tanh x = \frac{2 e^{-x}}{e^{x} + e^{-x}};$$
* the logarithm of a product with a factor $e^{a}$, $a$ real, is split: $\log(e^{a} b) = a + \log b$ (exact for
  every complex $b \ne 0$: $e^{a} > 0$ changes the modulus only), so that $x + \log\frac{e^{-x}}{1 + e^{-x}}$
  becomes $-\log(1 + e^{-x})$ with no digit lost.

Both give the same value at every point where the side is defined, and leave it undefined where it was: the one
fraction is kept only where each term's denominator divides its denominator (up to factors $e^{a}$), and $e^{a}$ is
never 0.  They are applied,
after the erf complements, where a side is compiled for mpmath (``evaluate.compile_expr``) and before a point is
substituted exactly (``decide``).  A sum beyond ``MAX_TERMS`` terms or ``MAX_OPS`` operations is left as it is
(a softmax's denominator: expanding its products would cost more than it saves).
"""
from __future__ import annotations

import functools

import sympy as sp
from sympy.codegen.cfunctions import log1p

HYPERBOLIC = (sp.cosh, sp.sinh, sp.tanh, sp.coth, sp.sech, sp.csch)
MAX_TERMS = 6
"""Most terms of a sum that is written over one denominator."""
MAX_OPS = 60
"""Most operations (``count_ops``) of such a sum."""
MAX_REMEMBERED = 512
"""Sums whose one fraction is remembered (:func:`_one_fraction`): more than the library's 304 distinct ones."""


def exponentials_cancelled(expr):
    """``expr`` with the rewritings of the module docstring where they apply; anything else as it is."""
    if not isinstance(expr, sp.Basic) or not expr.has(sp.exp, *HYPERBOLIC):
        return expr
    try:
        expr = expr.replace(lambda node: node.is_Add and _candidate(node), _one_fraction)
        expr = expr.replace(lambda node: isinstance(node, sp.log) and _exp_factor(node.args[0]) is not None,
                            _log_split)
        return expr.replace(lambda node: node.is_Add and node.has(sp.log), _exponent_out_of_log)
    except (sp.PolynomialError, sp.CoercionFailed, RecursionError, TypeError, ValueError):
        return expr


def near_one_logs(expr):
    r"""``expr`` with each $\log(1 + t)$, $t$ holding an exponential, as $\operatorname{log1p}(t)$: the same value,
    read without rounding $1 + t$ first (mpmath's ``log1p``; for compiling only, since ``evalf`` does not track
    precision through ``log1p``)."""
    if not isinstance(expr, sp.Basic) or not expr.has(sp.log):
        return expr
    return expr.replace(
        lambda node: isinstance(node, sp.log) and node.args[0].is_Add and node.args[0].as_coeff_Add()[0] == 1
        and node.args[0].has(sp.exp), lambda node: log1p(node.args[0] - 1))


def _candidate(add: sp.Add) -> bool:
    if len(add.args) > MAX_TERMS or not add.has(sp.exp, *HYPERBOLIC):
        return False
    if not (add.has(*HYPERBOLIC) or any(_exp_denominator(t) for t in add.args)):
        return False
    return sp.count_ops(add) <= MAX_OPS


def _exp_denominator(term) -> bool:
    return term.as_numer_denom()[1].has(sp.exp)


@functools.lru_cache(maxsize=MAX_REMEMBERED)
def _one_fraction(add: sp.Add) -> sp.Expr:
    """``add`` in exponentials over one denominator where exact cancellation shortened its numerator; else ``add``.
    Remembered by ``add`` (``MAX_REMEMBERED``): a step's sides and their term magnitudes (``magnitude``, each term
    under an ``Abs``) hold the same sums, compiled before the rungs fork and again in their child (461 calls on 304
    distinct sums when every step of the library is compiled, a third of their seconds repeated)."""
    written = add.replace(lambda node: isinstance(node, HYPERBOLIC), lambda node: node.rewrite(sp.exp))
    if written.is_Add is not True:  # the terms cancelled while being written (cosh y - sinh y = e^-y)
        return written
    numerator, denominator = sp.together(written).as_numer_denom()
    numerator = sp.expand(numerator)
    spread = [m for n, d in (term.as_numer_denom() for term in written.args)
              for m in sp.Add.make_args(sp.expand(n * sp.cancel(denominator / d)))]
    if (len(sp.Add.make_args(numerator)) >= len(spread) or _only_merged(spread, numerator)
            or not _keeps_poles(denominator, written.args)):
        return add
    return numerator / denominator


def _only_merged(spread, numerator) -> bool:
    r"""Whether ``numerator`` is the monomials ``spread`` over the one denominator with like terms merged, all of one
    sign: nothing cancelled.  Like terms of a Gram matrix's quadratic form ($v_0 v_1 e^{-\gamma (t_0 - t_1)^2}$ and
    $v_1 v_0 e^{-\gamma (t_1 - t_0)^2}$) only add, and their one fraction multiplies every term by the others'
    denominators: 42 exponentials in place of 6, each read at up to 5000 digits where both sides are 0.
    Coefficients of both signs on one monomial (to 0, or in part: $1000 e^{a} - 1001 e^{a}$), or a numerator that
    ``together`` reduced further (to 0, a common factor cancelled), are a cancellation."""
    signs = {}
    for monomial in spread:
        coefficient, rest = monomial.as_coeff_Mul()
        signs.setdefault(rest, set()).add(bool(coefficient.is_negative))
    return all(len(seen) == 1 for seen in signs.values()) and sp.Add(*spread) == numerator


def _keeps_poles(denominator, terms) -> bool:
    r"""Whether every term's denominator divides ``denominator`` up to factors $e^{a}$ (never 0), so that the one
    fraction is undefined wherever a term was: ``together`` turns $1/(e^x + 1) + 1/(1 + e^{-x})$ into 1, defined
    at $x = i\pi$ where both terms divide by 0."""
    for term in terms:
        rest = sp.cancel(denominator / term.as_numer_denom()[1]).as_numer_denom()[1]
        if any(not (factor.is_number or isinstance(factor.as_base_exp()[0], sp.exp) or factor.as_base_exp()[0] == sp.E)
               for factor in sp.Mul.make_args(rest)):
            return False
    return True


def _exp_factor(argument):
    """The first factor $e^{a}$ with $a$ real of the product ``argument``, or None."""
    if not argument.is_Mul:
        return None
    for factor in argument.args:
        if isinstance(factor, sp.exp) and factor.args[0].is_extended_real:
            return factor
    return None


def _log_split(log: sp.log) -> sp.Expr:
    factor = _exp_factor(log.args[0])
    return factor.args[0] + sp.log(log.args[0] / factor)


def _exponent_out_of_log(add: sp.Add) -> sp.Expr:
    r"""``add`` with one $k \log(p/q)$ ($p, q > 0$) written $k(\log p - \log q)$ and a sum $S = c e^{a} + r$ among
    $p, q$ ($a$ real, $c > 0$) as $\log S = a + \log c + \log(1 + r e^{-a}/c)$, kept where $a$ then cancels
    against the other terms (no more terms than ``add``); else ``add``.  $x + \log\frac{1}{e^{x} + 1} =
    -\log(1 + e^{-x})$, which no precision reads as a difference of two numbers near $x$."""
    if len(add.args) > MAX_TERMS:
        return add
    for n, term in enumerate(add.args):
        k, factor = term.as_coeff_Mul()
        if not isinstance(factor, sp.log):
            continue
        numerator, denominator = sp.fraction(factor.args[0])
        if numerator.is_positive is not True or denominator.is_positive is not True:
            continue
        rest = add.args[:n] + add.args[n + 1:]
        for part, sign in ((numerator, 1), (denominator, -1)):
            other = sp.log(denominator) if sign == 1 else -sp.log(numerator)
            for split in _exponent_splits(part):
                candidate = sp.Add(*rest, k * (sign * split - other))
                if len(sp.Add.make_args(candidate)) <= len(add.args):
                    return candidate
    return add


def _exponent_splits(total):
    r"""$a + \log c + \log(1 + (S - c e^{a}) e^{-a}/c)$ for each term $c e^{a}$ of the sum ``total``, $c > 0$ a
    number and $a$ real."""
    if not total.is_Add:
        return
    for term in total.args:
        c, factor = term.as_coeff_Mul()
        if isinstance(factor, sp.exp) and c.is_positive and factor.args[0].is_extended_real:
            a = factor.args[0]
            yield a + sp.log(c) + sp.log(1 + sp.expand((total - term) * sp.exp(-a) / c))
