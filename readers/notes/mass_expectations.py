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

_MASS = re.compile(r"^p_\{?([A-Z](?:\s*,\s*[A-Z])*)\}?$")
"""``p_X``, ``p_{X, Y}``: the mass function of the variables in the subscript."""
_EXPECTATION = re.compile(r"^(?:E|\\mathbb\{E\})_\{?([a-z])\}?$")
"""``E_x``, ``E_{x}``: the expectation over the outcome ``x``."""
READINGS = ("joint", "marginals")


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


def _operator(factor):
    """The outcome letter an expectation factor binds, and the expression it applies to (None: the rest of the product)."""
    if isinstance(factor, sp.Symbol) and _EXPECTATION.match(factor.name):
        return _EXPECTATION.match(factor.name).group(1), None
    if isinstance(factor, AppliedUndef) and _EXPECTATION.match(factor.func.__name__) and len(factor.args) == 1:
        return _EXPECTATION.match(factor.func.__name__).group(1), factor.args[0]
    return None


def _terms(side, outcomes):
    """``[(coefficient, bound letters, body)]`` for each term of ``side``; None when a term is not of that form."""
    out = []
    for term in sp.Add.make_args(sp.expand(side, deep=False, mul=True, power_base=False, log=False)):
        bound, rest = [], []
        for factor in sp.Mul.make_args(term):
            found = _operator(factor)
            if found is None:
                rest.append(factor)
                continue
            letter, inner = found
            bound.append(letter)
            if inner is not None:
                rest.append(inner)
        body = sp.Mul(*rest)
        plain = body.replace(lambda f: isinstance(f, AppliedUndef) and f.func.__name__ in ("H", "I"),
                             lambda f: sp.Integer(1))  # H(X): its capitals are variables, not outcomes
        letters = {s for s in plain.free_symbols if isinstance(s, sp.Symbol)}
        if {str(s) for s in letters} - set(bound) or not set(bound) <= {str(s) for s in outcomes}:
            return None
        out.append((tuple(bound), body))
    return out


def _evaluate(terms, outcomes, joint, names, reading, unit):
    total = mpmath.mpf(0)
    symbol = {str(s): s for s in outcomes}
    for bound, body in terms:
        body = body.replace(lambda f: isinstance(f, AppliedUndef) and f.func.__name__ in ("H", "I"),
                            lambda f: sp.Float(str(_value(f, joint, names) / unit), DIGITS))
        if not bound:
            total += mpmath.mpf(sp.N(body, DIGITS))
            continue
        variables = [outcomes[symbol[b]] for b in bound]
        if len(set(variables)) != len(variables):
            return None
        together = _marginal(joint, names, variables)
        alone = [_marginal(joint, names, [v]) for v in variables]
        for point in itertools.product(range(OUTCOMES), repeat=len(bound)):
            weight = together[point] if reading == "joint" else sp.Mul(*(m[(k,)] for m, k in zip(alone, point)))
            at = body.xreplace({symbol[b]: sp.Integer(k) for b, k in zip(bound, point)})
            at = at.replace(lambda f: isinstance(f, AppliedUndef) and _letters(f) is not None,
                            lambda f: _marginal(joint, names, _letters(f))[tuple(int(a) for a in f.args)])
            if at.atoms(AppliedUndef) - set(at.atoms(Given)) or at.free_symbols:
                return None
            total += mpmath.mpf(sp.N(weight * at, DIGITS))
    return total


def check_mass_expectations(lhs, rel, rhs):
    """``(verdict, why, counterexample)`` (module docstring), or None when the claim is not of this kind."""
    if rel not in ("=", "<=", ">=") or not (applications(lhs) or applications(rhs)):
        return None
    outcomes = _outcomes(sp.Add(lhs, rhs))
    if not outcomes:
        return None
    names = sorted(set(outcomes.values()) | {x.name for e in (lhs, rhs) for f in applications(e) or []
                                             for x in f.atoms(sp.Symbol)})
    sides = [_terms(e, outcomes) for e in (lhs, rhs)]
    others = {f.func.__name__ for e in (lhs, rhs) for f in e.atoms(AppliedUndef) if not isinstance(f, Given)}
    if any(t is None for t in sides) or len(names) > 3 or any(
            n not in ("H", "I", "log") and _letters_of(n) is None and not _EXPECTATION.match(n) for n in others):
        return None
    units = [mpmath.mpf(1)] + ([mpmath.log(2)] if sp.Add(lhs, rhs).has(sp.log(2)) else [])
    readings = [(r, u) for r in READINGS for u in units]
    holds = {reading: True for reading in readings}
    rng = random.Random(zlib.crc32(f"{lhs} {rel} {rhs}".encode("utf-8")))
    witness = None
    with mpmath.workdps(DIGITS):
        for _ in range(DRAWS):
            joint = _joint(names, rng, False)
            failing = []
            for reading in readings:
                values = [_evaluate(t, outcomes, joint, names, reading[0], reading[1]) for t in sides]
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
                witness.update({f"lhs ({r[0]}{', bits' if r[1] != 1 else ''})": mpmath.nstr(left, 12)
                                for r, left, _ in failing})
                witness.update({f"rhs ({r[0]}{', bits' if r[1] != 1 else ''})": mpmath.nstr(right, 12)
                                for r, _, right in failing})
    shown = ", ".join(f"{r}{' (bits)' if u != 1 else ''}" for r, u in readings)
    what = (f"H, I from their definitions, expectations over the outcomes read {shown}, on {DRAWS} random "
            f"discrete joint laws of {', '.join(names)} ({OUTCOMES} outcomes each), mpmath at {DIGITS} digits")
    if all(holds.values()):
        return "verified", what + " (evidence, not a proof)", None
    if witness is not None:
        return "refuted", what + ": it fails in every reading", witness
    kept = [f"{r}{' (bits)' if u != 1 else ''}" for (r, u), ok in holds.items() if ok]
    return "undecided", f"ambiguous: it holds with the expectations read {', '.join(kept)} and fails otherwise", None


def _letters_of(name: str):
    found = _MASS.match(name)
    return found.group(1) if found else None
