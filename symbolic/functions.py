r"""sympy nodes that deep-learning formulas need and sympy lacks.

``ReduceMax(f, (j, lo, hi))`` is $\max_{j=lo}^{hi} f$: the reduction that the
max-shift stability rewrites introduce.  Like ``Sum`` it binds ``j``; ``doit``
unrolls it into ``Max`` at concrete bounds.
"""
from __future__ import annotations

import sympy as sp
from sympy.concrete.expr_with_limits import ExprWithLimits

from symbolic.sum_fold import install as _install_fold

_install_fold()  # a Sum built by the rules keeps its conditions inside it (symbolic.sum_fold)


class ReduceMax(ExprWithLimits):
    r"""$\max_{j = lo}^{hi} f(j)$ over an integer index."""

    def doit(self, **hints):
        f = self.function
        for j, lo, hi in reversed(self.limits):
            if not (lo.is_Integer and hi.is_Integer):
                return self.func(f, *self.limits)
            f = sp.Max(*[f.xreplace({j: sp.Integer(v)}) for v in range(int(lo), int(hi) + 1)])
        return f.doit(**hints) if hints.get("deep", True) else f

    def _eval_is_real(self):
        return self.function.is_real


class Held(sp.UnevaluatedExpr):
    r"""An ``UnevaluatedExpr`` that keeps the sign facts of what it holds.  sympy's own reports none, and then
    infers nonsense from that: $\frac{\sum_i \mathrm{held}(x_i)\,\mathrm{held}(y_i)}{\sqrt{\sum x^2}\sqrt{\sum y^2}}$
    (the cosine after ``scales_into_sum``) is "neither positive, negative nor zero" and so "not real", and
    $\max(0, \cos - m)$ raises "not comparable"."""

    def _eval_is_extended_real(self):
        return self.args[0].is_extended_real

    def _eval_is_real(self):
        return self.args[0].is_real

    def _eval_is_extended_positive(self):
        return self.args[0].is_extended_positive

    def _eval_is_extended_negative(self):
        return self.args[0].is_extended_negative

    def _eval_is_zero(self):
        return self.args[0].is_zero

    def _eval_is_finite(self):
        return self.args[0].is_finite


class _NormalCDFFunction(sp.Function):
    r"""A real function of one real argument with a closed form in $\operatorname{erfc}$: evaluated through that form
    (``_eval_rewrite_as_erfc``) and printed for mpmath by ``MPMATH``, never rewritten automatically.  The printed
    form is a template, not the printed rewrite: sympy turns $\operatorname{erfc}(-z)$ into $2 - \operatorname{erfc}(z)$,
    which cancels where $\Phi$ is tiny."""

    MPMATH = ""
    """mpmath code with ``{x}`` (the printed argument) and ``{erfc}``, ``{sqrt}``, ``{log}``, ``{exp}``, ``{hyperu}``,
    ``{pi}`` (module names)."""

    def _eval_evalf(self, prec):
        return self.rewrite(sp.erfc)._eval_evalf(prec)

    def _eval_is_real(self):
        return self.args[0].is_real

    def _formularympmathcode(self, printer):
        names = {n: printer._module_format(f"mpmath.{n}") for n in ("erfc", "sqrt", "log", "exp", "hyperu", "pi")}
        return self.MPMATH.format(x=printer._print(self.args[0]), **names)

    _mpmathcode = _formularympmathcode


class ndtr(_NormalCDFFunction):
    r"""$\Phi(x) = \tfrac12 \operatorname{erfc}(-x/\sqrt2)$, the standard normal CDF (no automatic rewriting)."""

    MPMATH = "({erfc}(-({x})/{sqrt}(2))/2)"

    def fdiff(self, argindex=1):
        x = self.args[0]
        return sp.exp(-x ** 2 / 2) / sp.sqrt(2 * sp.pi)

    def _eval_rewrite_as_erfc(self, x, **kwargs):
        return sp.erfc(-x / sp.sqrt(2)) / 2


class log_ndtr(_NormalCDFFunction):
    r"""$\log \Phi(x)$, finite where $\Phi(x)$ underflows."""

    MPMATH = "{log}({erfc}(-({x})/{sqrt}(2))/2)"

    def fdiff(self, argindex=1):
        x = self.args[0]
        return sp.exp(-x ** 2 / 2) / sp.sqrt(2 * sp.pi) / ndtr(x)

    def _eval_rewrite_as_erfc(self, x, **kwargs):
        return sp.log(sp.erfc(-x / sp.sqrt(2)) / 2)


class erfcx(_NormalCDFFunction):
    r"""$\operatorname{erfcx}(x) = e^{x^2} \operatorname{erfc}(x)$, the scaled complementary error function: between 0 and 1
    for $x \ge 0$ and about $\frac{1}{x\sqrt\pi}$ for large $x$, where $e^{x^2}$ overflows and $\operatorname{erfc}(x)$
    underflows (``scipy.special.erfcx``, ``torch.special.erfcx``, ``jax.scipy.special.erfcx``)."""

    MPMATH = "({hyperu}(0.5, 0.5, ({x})**2)/{sqrt}({pi}) if ({x}) > 100000 else {exp}(({x})**2)*{erfc}({x}))"
    r"""Above $x = 10^5$ as $U(\tfrac12, \tfrac12, x^2)/\sqrt\pi$ (Tricomi's function: $\operatorname{erfc}(x) =
    e^{-x^2} U(\tfrac12, \tfrac12, x^2)/\sqrt\pi$), which never forms $e^{x^2}$: rounding $x^2$ to the working
    precision changes $e^{x^2}$ by $x^2$ units of it, 300 digits at $x = 10^{150}$, where a gradient of the inverse
    Mills ratio cancels 300 more (the certificate then took the garbage of its truth for ill-conditioning)."""

    def fdiff(self, argindex=1):
        x = self.args[0]
        return 2 * x * erfcx(x) - 2 / sp.sqrt(sp.pi)

    def _eval_rewrite_as_erfc(self, x, **kwargs):
        return sp.exp(x ** 2) * sp.erfc(x)

    _eval_rewrite_as_exp = _eval_rewrite_as_erfc
    """The step checker's ``rewrite(exp)`` rung sees the definition (as ``betaln``'s)."""


class _ScaledBessel(sp.Function):
    r"""$e^{-|x|} I_\nu(x)$ for an order $\nu$ of 0 or 1 (``ORDER``): finite where $I_\nu(x)$ overflows ($|x| > 713$),
    $\log I_0(x) = |x| + \log\operatorname{i0e}(x)$ (the von Mises normaliser at a concentration of $10^{300}$);
    ``scipy.special.i0e``, ``torch.special.i0e``, ``jax.scipy.special.i0e`` (and ``i1e``).  Evaluated and printed for
    mpmath through $e^{-|x|} I_\nu(x)$, never rewritten automatically."""

    ORDER = 0

    def _eval_rewrite_as_besseli(self, x, **kwargs):
        return sp.exp(-sp.Abs(x)) * sp.besseli(self.ORDER, x)

    def _eval_evalf(self, prec):
        return self.rewrite(sp.besseli)._eval_evalf(prec)

    def _eval_is_real(self):
        return self.args[0].is_real

    def _formularympmathcode(self, printer):
        x = printer._print(self.args[0])
        return (f"({printer._module_format('mpmath.exp')}(-abs({x}))*"
                f"{printer._module_format('mpmath.besseli')}({self.ORDER}, {x}))")

    _mpmathcode = _formularympmathcode


class i0e(_ScaledBessel):
    r"""$\operatorname{i0e}(x) = e^{-|x|} I_0(x)$; $\frac{d}{dx} = \operatorname{i1e}(x) - \operatorname{sign}(x)\operatorname{i0e}(x)$."""

    ORDER = 0

    def fdiff(self, argindex=1):
        x = self.args[0]
        return i1e(x) - sp.sign(x) * i0e(x)


class i1e(_ScaledBessel):
    r"""$\operatorname{i1e}(x) = e^{-|x|} I_1(x)$; $\frac{d}{dx} = \operatorname{i0e}(x) - \operatorname{i1e}(x)/x -
    \operatorname{sign}(x)\operatorname{i1e}(x)$ ($I_1' = I_0 - I_1/x$)."""

    ORDER = 1

    def fdiff(self, argindex=1):
        x = self.args[0]
        return i0e(x) - i1e(x) / x - sp.sign(x) * i1e(x)


class fma(sp.Function):
    r"""$\operatorname{fma}(a, b, c) = a b + c$, which generated code computes with the product's rounding error
    added back (exact where $a b \approx -c$); symbolically and in mpmath it is just $a b + c$ (never rewritten
    automatically, so that a stability rewrite keeps it)."""

    nargs = 3

    def fdiff(self, argindex=1):
        a, b, _ = self.args
        return (b, a, sp.S.One)[argindex - 1]

    def _eval_is_real(self):
        return all(a.is_real for a in self.args) or None

    def _eval_evalf(self, prec):
        a, b, c = self.args
        return (a * b + c)._eval_evalf(prec)

    def _eval_rewrite_as_Add(self, a, b, c, **kwargs):
        return a * b + c

    def _eval_expand_func(self, **hints):
        a, b, c = self.args
        return a * b + c

    def _formularympmathcode(self, printer):
        a, b, c = (printer._print(x) for x in self.args)
        return f"(({a})*({b}) + ({c}))"

    _mpmathcode = _formularympmathcode


class betaln(sp.Function):
    r"""$\log B(a, b) = \log\Gamma(a) + \log\Gamma(b) - \log\Gamma(a + b)$ for $a, b > 0$, computed without the
    difference of log-gammas (``scipy.special.betaln``: at $b = 10^{150}$, $a = 1.08$ the two large log-gammas agree
    in every digit of float64 while their difference is $-374$); symbolically and in mpmath just that sum (never
    rewritten automatically, so that a stability rewrite keeps it)."""

    nargs = 2

    def fdiff(self, argindex=1):
        a, b = self.args
        return sp.polygamma(0, (a, b)[argindex - 1]) - sp.polygamma(0, a + b)

    def _eval_is_real(self):
        a, b = self.args
        return True if a.is_positive and b.is_positive else None

    def _eval_rewrite_as_loggamma(self, a, b, **kwargs):
        return sp.loggamma(a) + sp.loggamma(b) - sp.loggamma(a + b)

    _eval_rewrite_as_exp = _eval_rewrite_as_loggamma
    """The step checker's rung that rewrites to elementary and known functions (``rewrite(exp)``) sees the definition:
    an identity with ``betaln`` is then proved symbolically, not sampled (mpmath's log-gamma at every point took a
    minute of CPU).  No code generation rewrites to ``exp``."""

    def _eval_evalf(self, prec):
        return self.rewrite(sp.loggamma)._eval_evalf(prec)

    def _formularympmathcode(self, printer):
        a, b = (printer._print(x) for x in self.args)
        lg = printer._module_format("mpmath.loggamma")
        return f"({lg}({a}) + {lg}({b}) - {lg}(({a}) + ({b})))"

    _mpmathcode = _formularympmathcode
