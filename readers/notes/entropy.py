r"""Entropy and mutual information of random variables: ``H(Y \mid X) = H(X, Y) - H(X)``, ``I(X, Y) \ge 0``.

``H`` and ``I`` applied to random variables (capital letters) are read as Shannon's functionals and
evaluated, straight from their definitions, on random discrete joint distributions of the variables
(each with ``OUTCOMES`` outcomes, rational weights :math:`u_k / \sum u`):

.. math:: H(A) = -\sum_a p(a)\log p(a), \quad H(A \mid B) = -\sum_{a,b} p(a,b)\log\frac{p(a,b)}{p(b)}, \quad
          I(A, B) = \sum_{a,b} p(a,b)\log\frac{p(a,b)}{p(a)p(b)}

(``A``, ``B`` lists of variables: ``H(X, Y)`` is the joint entropy).  The relation is compared at
``DIGITS`` digits on ``DRAWS`` distributions: holding on all is ``verified`` (evidence).  When the
sentence says the variables are independent, the distributions are products of marginals.  A failure
refutes nothing (the notes may mean other conditions), so the caller keeps ``undecided``.  ``a \neq b`` holds
where the two sides differ on every draw: evidence that they differ in general (``D_KL(P\|Q) \neq D_KL(Q\|P)``).
"""
from __future__ import annotations

import itertools
import re
import random
import zlib

import mpmath
import sympy as sp
from sympy.core.function import AppliedUndef

from readers.latex.parse import Given

OUTCOMES = 3
DRAWS = 5
DIGITS = 50
TOLERANCE = mpmath.mpf(10) ** -(DIGITS - 10)
"""Equality at the working precision (the sums have a few dozen terms of size at most 2)."""
FUNCTIONALS = frozenset({"H", "I"})
DIVERGENCES = frozenset({"D_KL", "KL", "D_{KL}", "CE", "H"})
r"""Functionals of distributions ``P, Q`` over one finite set: ``D_KL(P, Q)``, ``CE(P, Q)`` (cross-entropy
:math:`-\sum_x P(x)\log Q(x)`), ``H(P)``; used when a claim names a divergence."""


_SPELLINGS = {"xH": "CE", "D_{KL}": "D_KL"}
r"""Other names of the functionals: ``\operatorname{xH}`` (dit's cross entropy), ``D_{KL}``."""


def functional(f) -> str:
    r"""The name of the functional ``f`` applies: ``H`` for ``H(X)`` and for an upright ``\operatorname{H}[X]`` (a
    macro such as dit's ``\H``), ``CE`` for ``\operatorname{xH}[p || q]``."""
    name = f.func.__name__
    upright = re.fullmatch(r"\\operatorname\{(.+)\}", name)
    name = upright.group(1) if upright else name
    return _SPELLINGS.get(name, name)


def _distribution(x) -> bool:
    r"""A distribution's name: a capital letter (``P``, ``Q``) or a single lower-case one (dit's ``p``, ``q``)."""
    return _random_variable(x) or isinstance(x, sp.Symbol) and len(x.name) == 1 and x.name.isalpha()


def _variables(args):
    out, given = [], []
    for a in args:
        if isinstance(a, Given):
            given += list(a.args)
        else:
            out.append(a)
    return out, given


def _random_variable(x) -> bool:
    return isinstance(x, sp.Symbol) and x.name[:1].isupper() and len(x.name) <= 3


def divergence_applications(expr) -> list | None:
    """The divergence applications of ``expr`` (``D_KL(P, Q)``, ``CE(P, Q)``, ``H(P)``) when they are its only
    unknown functions, over distributions named by capital letters, and at least one is a divergence."""
    found = [f for f in expr.atoms(AppliedUndef) if not isinstance(f, Given)]
    if not found or not any(functional(f) != "H" for f in found):
        return None
    for f in found:
        name = functional(f)
        if name not in DIVERGENCES or not all(_distribution(a) for a in f.args):
            return None
        if len(f.args) != (1 if name == "H" else 2):
            return None
    return found


def _divergence(f, pmfs):
    name = functional(f)
    if name == "H":
        (p,) = (pmfs[a.name] for a in f.args)
        return -sum(x * mpmath.log(x) for x in p)
    p, q = (pmfs[a.name] for a in f.args)
    if name == "CE":
        return -sum(x * mpmath.log(y) for x, y in zip(p, q))
    return sum(x * mpmath.log(x / y) for x, y in zip(p, q))


def check_divergence(lhs, rel, rhs) -> tuple[str, str]:
    """``(verdict, why)`` for a relation between ``D_KL``, ``CE`` and ``H`` of distributions, evaluated from
    their definitions on ``DRAWS`` random pairs of distributions over ``OUTCOMES + 1`` outcomes."""
    found = (divergence_applications(lhs) or []) + (divergence_applications(rhs) or [])
    sides = [e for e in (lhs, rhs) if e.atoms(AppliedUndef) - set(e.atoms(Given))]
    if not found or any(divergence_applications(e) is None and not e.is_number for e in sides):
        return "undecided", "not a relation between divergences of distributions"
    names = sorted({a.name for f in found for a in f.args})
    if (lhs.free_symbols | rhs.free_symbols) - {sp.Symbol(n) for n in names} - {a for f in found for a in f.args}:
        return "undecided", "divergences mixed with other quantities"
    outside = {x for e in (lhs, rhs) for x in e.xreplace({f: sp.Dummy() for f in found}).free_symbols}
    if any(x.name in names for x in outside if isinstance(x, sp.Symbol)):
        return "undecided", "a distribution's name also used as a number"  # D_KL(p || q) = p log(p/q) + ...
    rng = random.Random(zlib.crc32(f"{lhs} {rel} {rhs}".encode("utf-8")))
    with mpmath.workdps(DIGITS):
        for _ in range(DRAWS):
            pmfs = {}
            for n in names:
                u = [rng.randint(1, 9) for _ in range(OUTCOMES + 1)]
                pmfs[n] = [mpmath.mpf(v) / sum(u) for v in u]
            values = {f: _divergence(f, pmfs) for f in set(found)}
            l, r = (mpmath.mpf(sp.N(e.xreplace({f: sp.Float(str(v), DIGITS) for f, v in values.items()}),
                                    DIGITS)) for e in (lhs, rhs))
            ok = {"=": abs(l - r) <= TOLERANCE * max(1, abs(l)), "<=": l <= r + TOLERANCE,
                  ">=": l >= r - TOLERANCE, "!=": abs(l - r) > TOLERANCE * max(1, abs(l))}.get(rel)
            if not ok:
                return "undecided", (f"relation {rel!r} between divergences is not checked" if ok is None else
                                     "fails for random distributions " + ", ".join(names))
    return "verified", (f"D_KL, CE, H of distributions evaluated from their definitions on {DRAWS} random pairs of "
                        f"distributions {', '.join(names)} over {OUTCOMES + 1} outcomes (weights u_k / sum u), mpmath "
                        f"at {DIGITS} digits (evidence, not a proof)")


def applications(expr) -> list | None:
    """The ``H(...)``/``I(...)`` applications of ``expr`` when they are its only unknown functions and
    are applied to random variables; None otherwise (or when there are none)."""
    found = [f for f in expr.atoms(AppliedUndef) if not isinstance(f, Given)]
    if not found:
        return None
    for f in found:
        if functional(f) not in FUNCTIONALS:
            return None
        left, given = _variables(f.args)
        if not left or not all(_random_variable(x) for x in left + given):
            return None
        if functional(f) == "I" and (len(left) != 2 or given):
            return None
    return found


def _marginal(joint, names, keep):
    out = {}
    index = [names.index(k) for k in keep]
    for outcome, p in joint.items():
        key = tuple(outcome[i] for i in index)
        out[key] = out.get(key, 0) + p
    return out


def _value(f, joint, names):
    left, given = _variables(f.args)
    left, given = [x.name for x in left], [x.name for x in given]
    if functional(f) == "H":
        both = _marginal(joint, names, left + given)
        cond = _marginal(joint, names, given) if given else None
        total = mpmath.mpf(0)
        for key, p in both.items():
            if p:
                denominator = cond[key[len(left):]] if given else 1
                total -= mpmath.mpf(p) * mpmath.log(mpmath.mpf(p) / denominator)
        return total
    a, b = left
    both = _marginal(joint, names, [a, b])
    pa, pb = _marginal(joint, names, [a]), _marginal(joint, names, [b])
    return sum((mpmath.mpf(p) * mpmath.log(mpmath.mpf(p) / (mpmath.mpf(pa[(k[0],)]) * pb[(k[1],)]))
                for k, p in both.items() if p), mpmath.mpf(0))


def _joint(names, rng, independent):
    if independent:
        marginals = []
        for _ in names:
            u = [rng.randint(1, 9) for _ in range(OUTCOMES)]
            marginals.append([sp.Rational(v, sum(u)) for v in u])
        return {o: sp.Mul(*(m[k] for m, k in zip(marginals, o)))
                for o in itertools.product(range(OUTCOMES), repeat=len(names))}
    outcomes = list(itertools.product(range(OUTCOMES), repeat=len(names)))
    u = [rng.randint(1, 9) for _ in outcomes]
    return {o: sp.Rational(v, sum(u)) for o, v in zip(outcomes, u)}


def check_entropy(lhs, rel, rhs, *, independent=False) -> tuple[str, str]:
    """``(verdict, why)``: 'verified' with what was sampled, or 'undecided' with the reason."""
    found = (applications(lhs) or []) + (applications(rhs) or [])
    if not found or any(applications(e) is None and e.atoms(AppliedUndef) - set(e.atoms(Given)) for e in (lhs, rhs)):
        return "undecided", "not a relation between entropies of random variables"
    names = sorted({x.name for f in found for x in f.atoms(sp.Symbol) if _random_variable(x)})
    other = (lhs.free_symbols | rhs.free_symbols) - {x for f in found for x in f.free_symbols}
    if other or len(names) > 3:
        return "undecided", "entropies mixed with other quantities"
    rng = random.Random(zlib.crc32(f"{lhs} {rel} {rhs}".encode("utf-8")))
    with mpmath.workdps(DIGITS):
        for _ in range(DRAWS):
            joint = _joint(names, rng, independent)
            values = {f: _value(f, joint, names) for f in set(found)}
            l, r = (mpmath.mpf(sp.N(e.xreplace({f: sp.Float(str(v), DIGITS) for f, v in values.items()}),
                                    DIGITS)) for e in (lhs, rhs))
            ok = {"=": abs(l - r) <= TOLERANCE * max(1, abs(l)), "<=": l <= r + TOLERANCE,
                  ">=": l >= r - TOLERANCE, "<": l < r - TOLERANCE, ">": l > r + TOLERANCE,
                  "!=": abs(l - r) > TOLERANCE * max(1, abs(l))}.get(rel)
            if ok is None:
                return "undecided", f"relation {rel!r} between entropies is not checked"
            if not ok:
                return "undecided", ("fails for a random joint distribution of " + ", ".join(names) +
                                     " (the notes may assume more, e.g. independence)")
    kind = "independent (product) distributions" if independent else "joint distributions"
    return "verified", (f"H as Shannon entropy, I as mutual information, evaluated from their definitions on "
                        f"{DRAWS} random discrete {kind} of {', '.join(names)} ({OUTCOMES} outcomes each, "
                        f"weights u_k / sum u), mpmath at {DIGITS} digits (evidence, not a proof)")
