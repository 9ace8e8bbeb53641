r"""A sum of a negative power of a shifted index, written as a difference of polygammas:

$$\sum_{j=a}^{b} \frac{1}{(j + c)^k} = \frac{(-1)^{k-1}}{(k-1)!}\Bigl[\psi^{(k-1)}(b + c + 1) - \psi^{(k-1)}(a + c)\Bigr],$$

from $\psi^{(m)}(y + 1) - \psi^{(m)}(y) = (-1)^m\, m!/y^{m+1}$, telescoped ($k = 1$: $\psi(b + c + 1) - \psi(a + c)$).
``doit`` leaves $\sum_{j=0}^{n-1} 1/(x + j)$ unevaluated and writes $\sum 1/(x + j)^2$ with ``lerchphi``, so
$\psi(x + n) = \psi(x) + \sum_{j<n} 1/(x + j)$ was left to the samples (timeouts).

Only when $b - a$ is an integer (the number of terms is $b - a + 1$; with a real $t$, $\sum_{j=0}^{t-1}$ is not
$\psi(x + t) - \psi(x)$).  Pole guard: rewritten only when $a + c > 0$ and $b + c + 1 > 0$ follow from the assumptions.  Otherwise a
$\psi^{(k-1)}$ may sit at a pole where the sum is defined ($\sum_{j=0}^{1} 1/(j - 5)$ against $\psi(-3) - \psi(-5)$), and
a claim written with the polygammas would be "proved" where its side is undefined.
"""
from __future__ import annotations

import sympy as sp


def _as_polygammas(s: sp.Sum) -> sp.Expr:
    if len(s.limits) != 1:
        return s
    j, a, b = s.limits[0]
    coefficient, rest = s.function.as_independent(j, as_Add=False)
    base, exponent = rest.as_base_exp()
    if not (exponent.is_Integer and exponent < 0):
        return s
    shift = sp.expand(base - j)
    if j in shift.free_symbols or (b - a).is_integer is not True:
        return s  # a bound that need not be an integer apart: the sum's length is not b - a + 1
    if (a + shift).is_positive is not True or (b + shift + 1).is_positive is not True:
        return s
    m = -exponent - 1
    return coefficient * (-1) ** m / sp.factorial(m) * (sp.polygamma(m, b + shift + 1) - sp.polygamma(m, a + shift))


def sums_as_polygammas(d: sp.Expr) -> sp.Expr:
    """``d`` with each such sum rewritten (module docstring) and the integer shifts expanded; ``d`` when none is."""
    sums = {s: _as_polygammas(s) for s in d.atoms(sp.Sum)}
    sums = {s: r for s, r in sums.items() if r is not s}
    return sp.expand_func(d.xreplace(sums)) if sums else d
