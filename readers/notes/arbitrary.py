r"""Claims about functions the notes leave arbitrary: ``\frac{d}{dx}(g(x) h(x)) = g(x) h'(x) + g'(x) h(x)``.

A claim whose only obstacle is a function the notes never define (``g``, ``h``, ``L``) is read as an
identity for *every* function.  It is checked with each such function replaced by a random smooth
function of its arity, drawn twice from a rich family (polynomial, sine and exponential terms with
random rational coefficients):

.. math:: f(t_1, \dots, t_n) = c_0 + \sum_k c_k t_k + \sum_{k \le l} c_{kl} t_k t_l
          + \sin\bigl(\textstyle\sum_k a_k t_k\bigr) + e^{\sum_k b_k t_k / 4}

A claim with integrals draws random quadratics instead (the polynomial part alone): compositions and
integrals of polynomials stay in closed form, where the sine and exponential terms leave integrals sympy
cannot do.  Holding for both draws is evidence (``verified``), never a proof.  A failure is **not** a refutation:
in context the notes may mean one particular function (an entropy ``H``, a density ``p``) for which the
claim holds, so the caller keeps ``undecided``.
"""
from __future__ import annotations

import random
import re
import zlib

import sympy as sp
from sympy.core.function import AppliedUndef

DRAWS = 2
"""Random functions tried per unknown function; every draw must hold for the claim to be verified."""
ARBITRARY_NAME = re.compile(r"\\?(?:[A-Za-z]|alpha|beta|gamma|delta|eta|theta|kappa|lambda|mu|nu|xi|rho|sigma|tau|"
                            r"phi|varphi|psi|chi|omega|ell|Gamma|Phi|Psi|Omega)'*")
"""Names read as arbitrary functions: one letter or a Greek letter (``g``, ``L``, ``\\phi``), maybe primed.
Probability and expectation (``P``, ``E``) are excluded below: they have a meaning of their own."""
_RESERVED = frozenset({"P", "E", "Pr", "p", "q", "H", "I"})
"""Letters that notes use for probabilities, densities, expectations, entropies and information: their
meaning is not arbitrary, so a claim about them is never verified as if it held for every function."""


def arbitrary_functions(expr_list, operators=frozenset()) -> dict | None:
    """``{function: arity}`` for the unknown functions of the claim when every one may be read as
    arbitrary (and is applied with one arity), else None.  ``operators``: names read by the caller
    (``E``, ``Var``), neither arbitrary nor an obstacle."""
    found = {f for e in expr_list for f in e.atoms(AppliedUndef) if f.func.__name__ not in operators}
    if not found:
        return None
    arity = {}
    for f in found:
        if arity.setdefault(f.func, len(f.args)) != len(f.args) or not f.args:
            return None
        name = f.func.__name__
        if name.rstrip("'") in _RESERVED or not ARBITRARY_NAME.fullmatch(name) or name.endswith("'"):
            return None
        if not all(isinstance(a, sp.Expr) and not isinstance(a, AppliedUndef) or isinstance(a, AppliedUndef)
                   and a.func.__name__ not in ("tuple", "set") for a in f.args):
            return None
    return dict(sorted(arity.items(), key=lambda p: p[0].__name__))


def random_function(arity: int, rng: random.Random) -> sp.Lambda:
    """One smooth function of ``arity`` arguments from the family in the module docstring."""
    ts = sp.symbols(f"t0:{arity}", real=True)

    def c():
        return sp.Rational(rng.randint(-9, 9) or 1, rng.randint(1, 5))

    body = c() + sum(c() * t for t in ts)
    body += sum(c() * ts[k] * ts[m] for k in range(arity) for m in range(k, arity))
    body += sp.sin(sum(c() * t for t in ts)) + sp.exp(sum(c() * t for t in ts) / 4)
    return sp.Lambda(ts, body)


def draws(functions: dict, seed_text: str, *, polynomial: bool = False) -> list[dict]:
    """``DRAWS`` substitutions ``{f: Lambda}`` for ``{f: arity}``, reproducible from the claim's text;
    ``polynomial``: quadratics only (a claim with integrals: compositions of them integrate exactly)."""
    rng = random.Random(zlib.crc32(seed_text.encode("utf-8")))
    make = random_polynomial if polynomial else random_function
    return [{f: make(n, rng) for f, n in functions.items()} for _ in range(DRAWS)]


def random_polynomial(arity: int, rng: random.Random) -> sp.Lambda:
    """The polynomial part of :func:`random_function`: a random quadratic of ``arity`` arguments."""
    ts = sp.symbols(f"t0:{arity}", real=True)

    def c():
        return sp.Rational(rng.randint(-9, 9) or 1, rng.randint(1, 5))

    body = c() + sum(c() * t for t in ts) + sum(c() * ts[k] * ts[m] for k in range(arity) for m in range(k, arity))
    return sp.Lambda(ts, body)


def substitute(expr, mapping: dict):
    """``expr`` with each arbitrary function replaced by its drawn body, derivatives carried out."""
    def apply(e):
        return mapping[e.func](*e.args)

    out = expr.replace(lambda e: isinstance(e, AppliedUndef) and e.func in mapping, apply)
    return out.replace(lambda e: isinstance(e, (sp.Derivative, sp.Subs)), lambda e: e.doit())
