r"""Entropies against expectations written over the mass functions of the variables:

.. math:: H(X) = -\mathbb{E}_x[\log p_X(x)], \qquad
          I(X, Y) = \mathbb{E}_{x} \mathbb{E}_{y} \{ p_{X, Y}(x, y) \log \tfrac{p_{X, Y}(x, y)}{p_X(x) p_Y(y)} \}

``p_{X, Y}``, ``p_X`` are the joint and marginal mass functions of the random variables their subscripts name;
the letters they are applied to (``x``, ``y``) are outcomes, bound by the expectations ``E_x``, ``E_y`` (a factor
``E_x`` or ``E_x[...]`` takes the expectation of the rest of its product).  ``H`` and ``I`` are Shannon's
functionals (:mod:`readers.notes.entropy`).  Both sides are evaluated exactly from one random discrete joint
law at a time (:data:`readers.notes.entropy.DRAWS` draws), in two readings of several expectations side by side:

* **joint**: the bound outcomes are drawn together, ``(x, y) \sim p_{X, Y}`` (also ``E_x E_{y|x}``);
* **marginals**: each is drawn from its own marginal, independently (``x \sim p_X``, ``y \sim p_Y``);

and, when the functionals meet an explicit ``\log_2``, with ``H`` and ``I`` in nats and in bits.  Every
reading holding on every draw is ``verified`` (evidence); every reading failing on one draw is ``refuted``
with that joint law as the counterexample; otherwise ``undecided`` (ambiguous), naming the readings.

The same laws read the other ways notes write these functionals of one variable's law:

.. math:: H[Y] = \mathbb{E}[-\log p_Y(Y)] = -\sum_{y \in \mathbb{Z}} p_Y(y) \log p_Y(y)
          = -\int_{-\infty}^{\infty} p_Y(y) \log p_Y(y)\,dy, \qquad
          D_{KL}[p_Y \,\|\, q] = \mathbb{E}[\log p_Y(Y) - \log q(Y)]

``\mathbb{E}[\dots]`` without a subscript binds every outcome inside it (``y`` of ``p_Y(y)``, or ``Y`` itself in
``p_Y(Y)``); a sum over all values of an outcome weighs each value by 1; an integral over the whole line (or with
no bounds, ``\int_{\mathbb{R}}``) is the same sum on a histogram law (bins of width 1, heights the masses), read so
only where the outcome appears in nothing but mass functions.  A one-letter law ``q(y)`` that is no variable's mass
function is another law on the same values, drawn at random beside the joint (the caller declines where a
condition in force names it: ``q = p_Y``).  ``D_{KL}``, the upright ``\mathrm{H}`` and dit's ``\operatorname{xH}``
are read as in :mod:`readers.notes.entropy`.
"""
from __future__ import annotations

import itertools
import random
import re
import zlib

import mpmath
import sympy as sp
from sympy.core.function import AppliedUndef

from readers.latex.parse import Given
from readers.notes.entropy import DIGITS, DRAWS, OUTCOMES, TOLERANCE, _joint, _marginal, _value, applications
from readers.notes.entropy import functional

_MASS = re.compile(r"^p_\{?([A-Z](?:\s*,\s*[A-Z])*)\}?$")
"""``p_X``, ``p_{X, Y}``: the mass function of the variables in the subscript."""
_EXPECTATION = re.compile(r"^(?:E|\\mathbb\{E\})_\{?([a-z])\}?$")
"""``E_x``, ``E_{x}``: the expectation over the outcome ``x``."""
_PLAIN_EXPECTATION = frozenset({"E", r"\mathbb{E}", r"\operatorname{E}", r"\mathrm{E}"})
"""An expectation written without the outcome it binds: it binds every outcome inside it."""
_ALL_VALUES = re.compile(r"^sum_\{(\w+)\\in\s*\\mathbb\{[ZN]\}\}$")
r"""``\sum_{y \in \mathbb{Z}}``: a sum over every value of the outcome ``y``."""
_OTHER_LAW = re.compile(r"^[a-z]$")
"""A one-letter function applied to an outcome that is no variable's mass function: another law (``q(y)``)."""
DIVERGENCES = frozenset({"D_KL", "KL"})
READINGS = ("joint", "marginals")


def _functional(f) -> str:
    return functional(f) if isinstance(f, AppliedUndef) else ""


def _letters(f) -> list[str] | None:
    found = _MASS.match(f.func.__name__)
    return [s.strip() for s in found.group(1).split(",")] if found else None


def _outcomes(side) -> dict | None:
    """``{x: 'X'}``: each outcome letter with the variable it is an outcome of (its place in a mass function);
    None when a letter stands for two variables or a mass function's arguments are not outcome letters."""
    out = {}
    for f in side.atoms(AppliedUndef):
        letters = _letters(f)
        if letters is None:
            continue
        if len(letters) != len(f.args) or not all(isinstance(a, sp.Symbol) for a in f.args):
            return None
        for a, v in zip(f.args, letters):
            if out.setdefault(a, v) != v:
                return None
    return out


def _other_laws(side, outcomes) -> dict | None:
    """``{'q': 'Y'}``: each one-letter function applied to one outcome of a variable (``q(y)``, ``y`` an outcome of
    ``Y``), a law on that variable's values; None when one is applied otherwise."""
    out = {}
    for f in side.atoms(AppliedUndef):
        name = f.func.__name__
        if _letters(f) is not None or not _OTHER_LAW.match(name) or name in ("H", "I", "E"):
            continue
        if len(f.args) != 1 or f.args[0] not in outcomes or out.setdefault(name, outcomes[f.args[0]]) \
                != outcomes[f.args[0]]:
            return None
    return out


def _only_in_laws(body, letters, outcomes) -> bool:
    """True when the outcomes ``letters`` appear in ``body`` only as arguments of mass functions and other laws."""
    bare = body.replace(lambda f: isinstance(f, AppliedUndef) and f.args and all(a in outcomes for a in f.args),
                        lambda f: sp.Dummy())
    return not {str(s) for s in bare.free_symbols} & set(letters)


def _operator(factor, outcomes):
    """``(bound letters, the expression it applies to (None: the rest of the product), weight)`` of an expectation
    factor (weight ``law``) or of a sum or integral over every value (weight ``one``); None for another factor."""
    if isinstance(factor, sp.Symbol) and _EXPECTATION.match(factor.name):
        return (_EXPECTATION.match(factor.name).group(1),), None, "law"
    if not isinstance(factor, (AppliedUndef, sp.Integral)):
        return None
    if isinstance(factor, AppliedUndef) and _EXPECTATION.match(factor.func.__name__) and len(factor.args) == 1:
        return (_EXPECTATION.match(factor.func.__name__).group(1),), factor.args[0], "law"
    if isinstance(factor, AppliedUndef) and factor.func.__name__ in _PLAIN_EXPECTATION and len(factor.args) == 1:
        letters = tuple(sorted(str(s) for s in factor.args[0].free_symbols if s in outcomes))
        return (letters, factor.args[0], "law") if letters else None
    found = _ALL_VALUES.match(factor.func.__name__) if isinstance(factor, AppliedUndef) else None
    if found is not None and len(factor.args) == 2 and str(factor.args[1]) == found.group(1):
        letters, body = (found.group(1),), factor.args[0]
    elif isinstance(factor, sp.Integral) and len(factor.limits) == 1 and (
            len(factor.limits[0]) == 1 or tuple(factor.limits[0][1:]) == (-sp.oo, sp.oo)):
        letters, body = (str(factor.limits[0][0]),), factor.function
    else:
        return None
    if not set(letters) <= {str(s) for s in outcomes} or not _only_in_laws(body, letters, outcomes):
        return None
    return letters, body, "one"


def _terms(side, outcomes):
    """``[(coefficient, bound letters, body)]`` for each term of ``side``; None when a term is not of that form."""
    out = []
    for term in sp.Add.make_args(sp.expand(side, deep=False, mul=True, power_base=False, log=False)):
        bound, rest, weights = [], [], set()
        for factor in sp.Mul.make_args(term):
            found = _operator(factor, outcomes)
            if found is None:
                rest.append(factor)
                continue
            letters, inner, weight = found
            bound += letters
            weights.add(weight)
            if inner is not None:
                rest.append(inner)
        body = sp.Mul(*rest)
        plain = body.replace(lambda f: _functional(f) in ("H", "I") or _functional(f) in DIVERGENCES,
                             lambda f: sp.Integer(1))  # H(X): its capitals are variables, not outcomes
        letters = {s for s in plain.free_symbols if isinstance(s, sp.Symbol)}
        if {str(s) for s in letters} - set(bound) or not set(bound) <= {str(s) for s in outcomes} or len(weights) > 1:
            return None
        out.append((tuple(bound), body, weights.pop() if weights else "law"))
    return out


def _law_of(name, joint, names, others):
    """The masses of the law a divergence's argument names: a mass function ``p_Y`` or another law ``q``."""
    if name in others:
        return others[name]
    found = _MASS.match(name)
    if found is None or "," in found.group(1):
        return None
    marginal = _marginal(joint, names, [found.group(1)])
    return [marginal[(k,)] for k in range(OUTCOMES)]


def _divergence(f, joint, names, others):
    """``D_KL(p, q) = \\sum_k p_k \\log(p_k / q_k)`` of the laws its arguments name."""
    laws = [_law_of(str(a), joint, names, others) for a in f.args]
    if len(laws) != 2 or any(law is None for law in laws):
        raise _Unread
    return sum((mpmath.mpf(p) * mpmath.log(mpmath.mpf(p) / mpmath.mpf(q)) for p, q in zip(*laws) if p),
               mpmath.mpf(0))


class _Unread(Exception):
    """A functional whose arguments name no law the reading has."""


def _evaluate(terms, outcomes, joint, names, reading, unit, others=None):
    total = mpmath.mpf(0)
    others = others or {}
    symbol = {str(s): s for s in outcomes}
    for bound, body, weight_kind in terms:
        try:
            body = body.replace(lambda f: _functional(f) in ("H", "I"),
                                lambda f: sp.Float(str(_value(f, joint, names) / unit), DIGITS))
            body = body.replace(lambda f: _functional(f) in DIVERGENCES,
                                lambda f: sp.Float(str(_divergence(f, joint, names, others) / unit), DIGITS))
        except _Unread:
            return None
        if not bound:
            total += mpmath.mpf(sp.N(body, DIGITS))
            continue
        variables = [outcomes[symbol[b]] for b in bound]
        if len(set(variables)) != len(variables):
            return None
        together = _marginal(joint, names, variables)
        alone = [_marginal(joint, names, [v]) for v in variables]
        for point in itertools.product(range(OUTCOMES), repeat=len(bound)):
            weight = sp.Integer(1) if weight_kind == "one" else together[point] if reading == "joint" else \
                sp.Mul(*(m[(k,)] for m, k in zip(alone, point)))
            at = body.xreplace({symbol[b]: sp.Integer(k) for b, k in zip(bound, point)})
            at = at.replace(lambda f: isinstance(f, AppliedUndef) and _letters(f) is not None,
                            lambda f: _marginal(joint, names, _letters(f))[tuple(int(a) for a in f.args)])
            at = at.replace(lambda f: isinstance(f, AppliedUndef) and f.func.__name__ in others,
                            lambda f: others[f.func.__name__][int(f.args[0])])
            if at.atoms(AppliedUndef) - set(at.atoms(Given)) or at.free_symbols:
                return None
            total += mpmath.mpf(sp.N(weight * at, DIGITS))
    return total


def _scope_in_doubt(argument) -> bool:
    r"""A log of a product with no quotient in it (``\log p_Y(y) \, p_Y(y)`` parsed as ``\log(p_Y(y)^2)``): the log
    may reach only its first factor, so the reading is not this module's to decide."""
    factors = sp.Mul.make_args(argument)
    if any(isinstance(f, sp.Pow) and f.exp.is_negative for f in factors):
        return False  # \log \frac{p}{q}: a written fraction
    return len([f for f in factors if not f.is_number]) > 1 or (
        isinstance(argument, sp.Pow) and argument.exp.is_Integer and argument.exp > 1)


def _divergences(expr) -> list:
    return [f for f in expr.atoms(AppliedUndef) if _functional(f) in DIVERGENCES]


def _known(name: str, laws: dict) -> bool:
    """A function name the reading evaluates: a functional, a log, an expectation, a sum over all values, a mass
    function or another law."""
    return name in ("H", "I", "log") or name in laws or name in _PLAIN_EXPECTATION or _letters_of(name) is not None \
        or bool(_EXPECTATION.match(name) or _ALL_VALUES.match(name)) or name in DIVERGENCES \
        or re.fullmatch(r"\\(?:operatorname|mathrm|textrm)\{H\}", name) is not None


def check_mass_expectations(lhs, rel, rhs, *, fixed=frozenset()):
    """``(verdict, why, counterexample)`` (module docstring), or None when the claim is not of this kind.  ``fixed``:
    names a condition in force ties (``q = p_Y``), which no other law may be drawn for."""
    if rel not in ("=", "<=", ">=") or not (applications(lhs) or applications(rhs) or _divergences(lhs)
                                            or _divergences(rhs)):
        return None
    if any(_scope_in_doubt(f.args[0]) for e in (lhs, rhs) for f in e.atoms(sp.log)):
        return None
    outcomes = _outcomes(sp.Add(lhs, rhs))
    if not outcomes:
        return None
    laws = _other_laws(sp.Add(lhs, rhs), outcomes)
    if laws is None or set(laws) & set(fixed) or any(str(a) in fixed for e in (lhs, rhs) for f in _divergences(e)
                                                      for a in f.args):
        return None
    names = sorted(set(outcomes.values()) | {x.name for e in (lhs, rhs) for f in applications(e) or []
                                             for x in f.atoms(sp.Symbol)})
    sides = [_terms(e, outcomes) for e in (lhs, rhs)]
    others = {f.func.__name__ for e in (lhs, rhs) for f in e.atoms(AppliedUndef) if not isinstance(f, Given)}
    if any(t is None for t in sides) or len(names) > 3 or any(not _known(n, laws) for n in others):
        return None
    units = [mpmath.mpf(1)] + ([mpmath.log(2)] if sp.Add(lhs, rhs).has(sp.log(2)) else [])
    readings = [(r, u) for r in READINGS for u in units]
    holds = {reading: True for reading in readings}
    rng = random.Random(zlib.crc32(f"{lhs} {rel} {rhs}".encode("utf-8")))
    witness = None
    with mpmath.workdps(DIGITS):
        for _ in range(DRAWS):
            joint = _joint(names, rng, False)
            drawn = {}
            for name in sorted(laws):  # another law on the values of its variable: random weights, like the joint's
                u = [rng.randint(1, 9) for _ in range(OUTCOMES)]
                drawn[name] = [sp.Rational(v, sum(u)) for v in u]
            failing = []
            for reading in readings:
                values = [_evaluate(t, outcomes, joint, names, reading[0], reading[1], drawn) for t in sides]
                if any(v is None for v in values):
                    return None
                left, right = values
                ok = {"=": abs(left - right) <= TOLERANCE * max(1, abs(left)), "<=": left <= right + TOLERANCE,
                      ">=": left >= right - TOLERANCE}[rel]
                if not ok:
                    holds[reading] = False
                    failing.append((reading, left, right))
            if len(failing) == len(readings) and witness is None:
                witness = {f"P({', '.join(f'{n}={k}' for n, k in zip(names, o))})": str(p) for o, p in joint.items()}
                witness.update({f"{name}({k})": str(v) for name, law in drawn.items() for k, v in enumerate(law)})
                witness.update({f"lhs ({r[0]}{', bits' if r[1] != 1 else ''})": mpmath.nstr(left, 12)
                                for r, left, _ in failing})
                witness.update({f"rhs ({r[0]}{', bits' if r[1] != 1 else ''})": mpmath.nstr(right, 12)
                                for r, _, right in failing})
    shown = ", ".join(f"{r}{' (bits)' if u != 1 else ''}" for r, u in readings)
    functionals = "H, I, D_KL" if laws or any(_divergences(e) for e in (lhs, rhs)) else "H, I"
    binned = " (an integral over the line on the histogram law of bins of width 1)" \
        if any(e.has(sp.Integral) for e in (lhs, rhs)) else ""
    what = (f"{functionals} from their definitions, expectations over the outcomes read {shown}, on {DRAWS} random "
            f"discrete joint laws of {', '.join(names)} ({OUTCOMES} outcomes each){binned}, mpmath at {DIGITS} digits")
    if all(holds.values()):
        return "verified", what + " (evidence, not a proof)", None
    if witness is not None:
        return "refuted", what + ": it fails in every reading", witness
    kept = [f"{r}{' (bits)' if u != 1 else ''}" for (r, u), ok in holds.items() if ok]
    return "undecided", f"ambiguous: it holds with the expectations read {', '.join(kept)} and fails otherwise", None


def _letters_of(name: str):
    found = _MASS.match(name)
    return found.group(1) if found else None
