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


_BINDING = (sp.Derivative, sp.Integral, sp.Sum, sp.Product, sp.Limit, sp.Subs)
_NOT_VALUES = frozenset({"tuple", "set", "Given", "PlusMinus"})


def as_values(sides):
    r"""``(sides, names)`` with every application of an unknown function (``\nabla L(w)``, ``f(x)``) replaced by
    one fresh real value, the same application by the same value; None when there is none, or when a derivative,
    integral, sum or limit could see through an application.

    A claim that holds for every value of those applications holds whatever the functions are: its check is
    the check of the claim."""
    if any(e.has(*_BINDING) for e in sides):
        return None
    found = {}
    for e in sides:
        for app in sorted(e.atoms(AppliedUndef), key=sp.default_sort_key):
            if app.func.__name__ in _NOT_VALUES or type(app).__name__ in _NOT_VALUES:
                return None
            found.setdefault(app, sp.Dummy(f"v{len(found)}", real=True))
    outer = {a: v for a, v in found.items()
             if not any(a != b and a in b.atoms(AppliedUndef) for b in found)}
    if not outer:
        return None
    return [e.xreplace(outer) for e in sides], sorted(map(str, outer))


def cancelled_applications(sides):
    r"""``sides`` with every application of an unknown function and every derivative of one read as a free value
    (``\lambda w + L'(w)`` against ``2\lambda w + L'(w)``) when those values cancel from ``lhs - rhs``; None when
    there is none or one stays.  The claim's truth then does not depend on the functions: a failure is a failure
    whatever they are."""
    masks = {}

    def mask(e):
        return masks.setdefault(e, sp.Dummy(str(e), real=True))

    def opaque(e):
        return isinstance(e, AppliedUndef) and e.func.__name__ not in _NOT_VALUES or isinstance(e, _BINDING) \
            and bool(e.atoms(AppliedUndef))

    masked = [e.replace(opaque, mask) for e in sides]
    if not masks or sp.expand(masked[0] - masked[1]).free_symbols & set(masks.values()):
        return None
    return masked


def scaled_applications(sides, known=frozenset()):
    r"""``sides`` with a run of letters applied (``Cf(x)``, read as one name ``Cf``) split into the product of its
    leading letters and the function of its last letter (``C \cdot f(x)``) when the claim applies that function
    elsewhere (``C \frac{d}{dx} f(x)``) or the notes define it (``known``); None when there is no such run."""
    applied = {**{n: sp.Function(n) for n in known},
               **{a.func.__name__: a.func for e in sides for a in e.atoms(AppliedUndef)}}
    names = {x.name: x for e in sides for x in e.free_symbols if isinstance(x, sp.Symbol)}
    split = {}
    for e in sides:
        for app in e.atoms(AppliedUndef):
            name = app.func.__name__
            if len(name) > 1 and name.isalpha() and name[-1] in applied and name[-1] != name:
                split[app] = sp.Mul(*(names.get(c, sp.Symbol(c)) for c in name[:-1])) * applied[name[-1]](*app.args)
    return [e.xreplace(split) for e in sides] if split else None
