r"""Claims that hold for *some* value of a witness in an interval: ``f(x) - f(a) = (x - a) f'(\alpha)`` for some
``\alpha \in [a, x]`` (the mean value theorem), Taylor's theorem with a Lagrange remainder.

Such a claim says the residual :math:`r(\xi) = \text{lhs} - \text{rhs}` has a root for ``\xi`` between the
stated bounds ``lo`` and ``hi``.  It is checked at random points of the other names (inside the stated
conditions), with each function the notes leave arbitrary replaced by random smooth functions
(:mod:`readers.notes.arbitrary`): on ``GRID`` evenly spaced values of ``\xi`` from ``lo`` to ``hi``, ``r``
is zero or changes sign, so by the intermediate value theorem (``r`` is continuous) a root lies in the interval.
Holding at every sample is evidence (``verified``, never ``proved``).  Not finding a sign change refutes nothing
(a root where ``r`` touches zero without crossing, or between grid values, is missed): the caller keeps
``undecided``.
"""
from __future__ import annotations

import itertools
import random
import re
import zlib

import mpmath
import sympy as sp
from sympy.core.function import AppliedUndef

from readers.notes.arbitrary import arbitrary_functions, draws, substitute
from readers.notes.big_o import unprimed
from readers.notes.reading import base_name
from readers.notes.value_names import value_symbols

GRID = 41
"""Values of the witness scanned from one bound to the other (both included)."""
POINTS = 3
"""Random points of the other names per draw of the arbitrary functions, each name in [-2.5, 2.5]."""
NARROW_POINTS = 2
r"""Further random points per draw with every name in [-0.025, 0.025], so that the witness's interval is short.
On a wide interval a derivative of a random function sweeps through many values and a wrong factor can find a
root too (:math:`f'(x_k - e_k) = f'(x_k) - e_k f''(x_k) + e_k^2 f'''(\xi_k)`, the Lagrange remainder without its
:math:`\tfrac12`); on a short one it is nearly constant, and only the right claim has a root there."""
DIGITS = 30
"""mpmath digits of the residual's evaluations."""


def interval(witness, conditions) -> tuple | None:
    r"""``(lo, hi)`` from conditions ``lo <= \xi``, ``\xi <= hi`` (either strictness, either side), free of the
    witness; None unless both are stated."""
    lo = hi = None
    parts = [a for c in conditions for a in (c.args if isinstance(c, sp.And) else (c,))]
    for c in parts:
        if not isinstance(c, (sp.LessThan, sp.StrictLessThan, sp.GreaterThan, sp.StrictGreaterThan)):
            continue
        small, large = (c.lhs, c.rhs) if isinstance(c, (sp.LessThan, sp.StrictLessThan)) else (c.rhs, c.lhs)
        if small == witness and witness not in large.free_symbols:
            hi = large
        elif large == witness and witness not in small.free_symbols:
            lo = small
    return (lo, hi) if lo is not None and hi is not None else None


def check_exists(lhs, rhs, names: set, conditions) -> tuple[str, str] | None:
    r"""``(verdict, why)`` for ``lhs = rhs`` for some witness (its base name in ``names``) in its stated interval:
    'verified' with what was sampled, or 'undecided' with the reason; None when the claim has no one witness with
    both bounds stated."""
    indexed = {i for e in (lhs, rhs, *conditions) for i in e.atoms(sp.Indexed)}
    if indexed:  # xi_k, x_k, e_k: one value each, as plain names (the witness xi_k among them)
        taken = set().union(*(e.free_symbols for e in (lhs, rhs, *conditions)))
        flat = value_symbols(indexed, sp.sstr, taken)
        named = {v: base_name(i) for i, v in flat.items()}
        lhs, rhs = lhs.xreplace(flat), rhs.xreplace(flat)
        conditions = [c.xreplace(flat) for c in conditions]
    else:
        named = {}
    witnesses = [s for s in (lhs - rhs).free_symbols if named.get(s, base_name(s)) in names]
    if len(witnesses) != 1:
        return None
    witness = witnesses[0]
    bounds = interval(witness, conditions)
    if bounds is None:
        return None
    others = [c for c in conditions if witness not in c.free_symbols]
    left, right = unprimed(lhs), unprimed(rhs)
    unknown = {f for e in (left, right) for f in e.atoms(AppliedUndef)}
    functions = arbitrary_functions((left, right)) if unknown else {}
    if functions is None:
        return None
    text = f"{lhs} = {rhs} for some {witness}"
    rng = random.Random(zlib.crc32(text.encode("utf-8")))
    samples = 0
    for mapping in draws(functions, text) if functions else [{}]:
        try:
            residual = (substitute(left, mapping) - substitute(right, mapping)) if mapping else (left - right).doit()
        except Exception:  # noqa: BLE001 - a derivative sympy could not carry out: no evidence
            return "undecided", "an existential claim whose derivatives could not be carried out"
        for scale in (10,) * POINTS + (1000,) * NARROW_POINTS:
            point = _point(residual, bounds, witness, others, rng, scale)
            if point is None:
                return "undecided", "no sample point satisfies the conditions with the witness's bounds apart"
            body, lo, hi = point
            if not _crosses(body, witness, lo, hi):
                return "undecided", (f"an existential claim: lhs - rhs did not vanish or change sign for {witness} "
                                     f"on [{sp.N(lo, 6)}, {sp.N(hi, 6)}] at one sample (not a refutation)")
            samples += 1
    how = f", {', '.join(f.__name__ for f in functions)} replaced by random smooth functions" if functions else ""
    return "verified", (f"for some {witness} in [{sp.sstr(bounds[0])}, {sp.sstr(bounds[1])}]: lhs - rhs vanishes or "
                        f"changes sign on {GRID} values of {witness} there (a root by the intermediate value theorem) "
                        f"at {samples} random points{how}, mpmath at {DIGITS} digits (evidence, not a proof)")


def _point(residual, bounds, witness, conditions, rng, scale=10):
    """The residual and bounds at random values ``k / scale`` (``|k| <= 25``) of the other names satisfying
    ``conditions``, bounds apart."""
    free = (residual.free_symbols | bounds[0].free_symbols | bounds[1].free_symbols) - {witness}
    for _ in range(40):
        values = {s: sp.Rational(rng.randint(-25, 25), scale) for s in sorted(free, key=str)}
        if any(c.xreplace(values) is not sp.true for c in conditions if c.free_symbols <= set(values)):
            continue
        lo, hi = (sp.nsimplify(b.xreplace(values)) for b in bounds)
        if not (lo.is_number and hi.is_number) or not lo < hi:
            continue
        return residual.xreplace(values), lo, hi
    return None


def _crosses(body, witness, lo, hi) -> bool:
    """Whether ``body`` (in ``witness`` only) is zero or changes sign on the grid from ``lo`` to ``hi``."""
    try:
        f = sp.lambdify(witness, body, modules="mpmath")
    except Exception:  # noqa: BLE001 - not evaluable: no evidence
        return False
    with mpmath.workdps(DIGITS):
        try:
            a, b = (mpmath.mpf(str(sp.N(v, DIGITS + 5))) for v in (lo, hi))
            values = [f(a + (b - a) * k / (GRID - 1)) for k in range(GRID)]
        except Exception:  # noqa: BLE001 - undefined somewhere on the interval: no evidence
            return False
        if not all(isinstance(v, mpmath.mpf) for v in values):
            return False
        tiny = mpmath.mpf(10) ** (-(DIGITS - 5))
        return any(abs(v) < tiny for v in values) or any(a * b < 0 for a, b in itertools.pairwise(values))


WITNESS_STATED = re.compile(r"(?:\bfor (?:at least one|some)|\bthere (?:exists?|is|are)"
                            r"(?:\s+(?:a|an|some|at least one))?(?:\s+(?:point|number|value|real number))?|\\exists)"
                            r"\s+\$\s*([^$]+?)\s*\\in\s*([\[(])([^$]*),([^$]*)([\])])\s*\$")
r"""``for some $\xi \in [0, \epsilon]$``, ``there exists a point $c \in (a,b)$``, ``there is some $c \in (x,y)$``
in the prose: the witness, its bounds and brackets."""
_BACK_REFERENCE = re.compile(r"\s*,?\s*(?:this|which|that|it|where|here)\b[^.$]*?\bfor (?:at least one|some)\b",
                             re.IGNORECASE)
r"""A sentence after a display that states its witness (``This holds for some $\xi_k \in [x_k - e_k, x_k]$``)."""
WITNESS_REACH = 300
"""Characters of prose looked at on each side of a block for the interval of its witness."""


def witness_prose(text: str, start: int, end: int) -> str:
    r"""The prose that can state the witness of ``text[start:end]`` (a block) with its interval: the sentence that
    leads into the block ("Then there exists a point $c \in (a,b)$ such that") and, when it refers back to the
    block, the sentence after it ("This holds for some $\xi_k \in [x_k - e_k, x_k]$."); "" when neither."""
    before = re.split(r"\.\s|\n\s*\n", text[max(0, start - WITNESS_REACH):start])[-1]
    after = text[end:end + WITNESS_REACH].lstrip(" \t\n.,;")
    after = re.split(r"\$\s*\.(?:\s|$)|\n\s*\n", after)[0] + "$" if _BACK_REFERENCE.match(after) else ""
    return f"{before} {after}"


def stated_in_prose(text: str, parse) -> tuple[set, list]:
    r"""``(names, conditions)``: the base names of the witnesses the prose ``text`` states with an interval, and
    the conditions ``lo <= \xi``, ``\xi <= hi`` (strict for a round bracket); ``parse``: LaTeX -> one sympy
    expression (raises when it cannot)."""
    names, out = set(), []
    for m in WITNESS_STATED.finditer(text):
        try:
            name, lo, hi = (parse(m.group(k)) for k in (1, 3, 4))
        except Exception:  # noqa: BLE001, S112 - not a name and two bounds: no interval
            continue
        if isinstance(name, (sp.Symbol, sp.Indexed)):
            names.add(base_name(name))
            out.append((sp.Lt if m.group(2) == "(" else sp.Le)(lo, name))
            out.append((sp.Lt if m.group(5) == ")" else sp.Le)(name, hi))
    return names, out


_INTERMEDIATE = re.compile(r"\\?(?:xi|eta|zeta|theta|tau|c)(?:_\{?\w+\}?)?")
r"""Letters notes give an unknown intermediate point: ``\xi``, ``\eta``, ``\zeta``, ``\theta``, ``\tau``, ``c`` (maybe
subscripted, ``\xi_k``, ``c_i``); ``x^*``, an optimum the notes state facts about, is not one."""
REMAINDER_DRAWS = 2
"""Random polynomials of the remainder's order tried for the unknown function (one exact nonzero residual refutes)."""


def remainder_witnesses(lhs, rhs) -> tuple | None:
    r"""``(f, n, witnesses)`` when the claim's only use of some names is as the point of an order-``n`` derivative of
    the one unknown function ``f`` (``\frac{h^3}{12} f''(\xi)``, ``f^{(4)}(\eta)``): a Lagrange or mean-value
    remainder at an unknown intermediate point; None otherwise (or when a derivative of order below ``n`` is also
    taken at such a point, or another unknown function appears)."""
    left, right = unprimed(lhs), unprimed(rhs)
    points = {}
    for node in (left - right).atoms(sp.Subs):
        inner = node.expr
        if not (isinstance(inner, sp.Derivative) and isinstance(inner.expr, AppliedUndef)
                and len(node.point) == 1 and isinstance(node.point[0], sp.Symbol)):
            continue
        points.setdefault(node.point[0], set()).add((inner.expr.func.__name__, sum(n for _, n in inner.variable_count)))
    unknown = {f.func.__name__ for e in (left, right) for f in e.atoms(AppliedUndef)}
    witnesses = []
    for point, uses in points.items():
        hidden = (left - right).replace(lambda e: isinstance(e, sp.Subs) and e.point == (point,), lambda e: sp.S.One)
        if point not in hidden.free_symbols:
            witnesses.append((point, uses))
    if not witnesses or len(unknown) != 1:
        return None
    uses = set().union(*(u for _, u in witnesses))
    order = min(n for _, n in uses)
    if order < 1:
        return None
    return next(iter(unknown)), order, tuple(w for w, _ in witnesses)


def refute_on_polynomials(lhs, rhs, conditions) -> tuple | None:
    r"""``(why, counterexample)`` when the claim ``lhs = rhs`` with a remainder ``f^{(n)}(\xi)`` at an unknown point
    (:func:`remainder_witnesses`) fails for a polynomial ``f`` of degree ``n``: there ``f^{(n)}`` is one constant, so
    the point does not matter and no choice of it can make the claim hold, whatever the quantifier on it.
    ``\int_a^b f = \frac{b - a}{2}(f(a) + f(b)) - \frac{(b - a)^3}{6} f''(\xi)`` fails for ``f = x^2``.  Only when
    every other name appears on both sides (a name on one side only may be set elsewhere, ``h`` the width) and the
    unknown function may be any (readers.notes.arbitrary); each other name gets a random rational inside
    ``conditions``, the residual is computed exactly (integrals of polynomials done by sympy).  None otherwise."""
    found = remainder_witnesses(lhs, rhs)
    if found is None:
        return None
    name, order, witnesses = found
    if not all(_INTERMEDIATE.fullmatch(base_name(w)) for w in witnesses) or any(
            w in c.free_symbols for c in conditions for w in witnesses):
        return None  # f'(x^*) after f'(x^*) = 0, f''(x^*) > 0: a point the notes know things about, not any point
    left, right = unprimed(lhs), unprimed(rhs)
    functions = arbitrary_functions((left, right))
    if not functions or any(arity != 1 for arity in functions.values()):
        return None
    bound = {v for e in (left, right) for i in e.atoms(sp.Integral, sp.Sum) for v in i.variables}
    names = {s for e in (left, right) for s in e.free_symbols} - set(witnesses) - bound
    if any(s not in left.free_symbols or s not in right.free_symbols for s in names):
        return None
    text = f"{lhs} = {rhs} with a remainder at {witnesses}"
    rng = random.Random(zlib.crc32(text.encode("utf-8")))
    s = sp.Dummy("s", real=True)
    for _ in range(REMAINDER_DRAWS):
        body = sum(sp.Rational(rng.choice((-1, 1)) * rng.randint(1, 9), rng.randint(1, 4)) * s**k
                   for k in range(order + 1))
        mapping = {f: sp.Lambda(s, body) for f in functions}
        point = None
        for _ in range(40):
            values = {v: sp.Rational(rng.randint(-25, 25), rng.randint(1, 6)) for v in sorted(names, key=str)}
            ordered = all((hi - lo).xreplace(values).is_positive is not False  # [a, b] read with a < b
                          for e in (left, right) for i in e.atoms(sp.Integral) for _, lo, hi in i.limits)
            if ordered and all(c.xreplace(values) is sp.true for c in conditions if c.free_symbols <= set(values)) \
                    and all(c.xreplace(values) is not sp.false for c in conditions):
                point = values
                break
        if point is None:
            return None
        try:
            residual = (substitute(left, mapping) - substitute(right, mapping)).xreplace(point).doit()
            residual = sp.nsimplify(sp.expand(residual)) if residual.has(sp.Float) else sp.expand(residual)
        except Exception:  # noqa: BLE001 - sympy could not carry it out: no verdict
            return None
        if residual.free_symbols or not residual.is_Rational:
            return None
        if residual != 0:
            shown = {f"{f.__name__}(s)": str(sp.expand(b.expr)).replace(str(s), "s") for f, b in mapping.items()}
            witness = {**shown, **{str(k): str(v) for k, v in point.items()},
                       ", ".join(map(str, witnesses)): "any (its derivative of order "
                                                       f"{order} is the same constant everywhere)",
                       "lhs - rhs": str(residual)}
            why = (f"with {name} a polynomial of degree {order} ({name}^({order}) constant, so the point "
                   f"{', '.join(map(str, witnesses))} does not matter) the two sides differ by {residual}")
            return why, witness
    return None
