r"""Adversarial claims with known truth: true identities by valid rewrites, false ones by small perturbations.

True claims apply a rewrite that holds on the whole assumed region to random sub-expressions
$u, v$ inside a random context $A \cdot (\cdot) + B$:

.. math:: A\,(\sin^2 u + \cos^2 u) + B = A + B, \qquad A\,e^{u} e^{v} + B = A\,e^{u + v} + B, \dots

False claims perturb a true one: add $\varepsilon \cdot t$ with $\varepsilon$ down to $10^{-30}$, change a
constant, flip a sign, make a non-strict inequality with an equality case strict, drop a condition
or widen a domain.  Every false label is confirmed *independently of the checker*: a witness point
inside the assumptions where sympy's precision-tracking ``evalf`` (60 digits) shows the relation
fails, or where exact arithmetic shows a tie (strict) or one side undefined (domain mismatch).
Cases that cannot be confirmed are dropped.
"""
from __future__ import annotations

import dataclasses
import random
from dataclasses import dataclass

import sympy as sp

from readers.claim import claim_step

WITNESS_VALUES = ("0", "1", "-1", "2", "-2", "1/2", "-1/2", "3", "-3", "1/3", "7/4", "-7/4", "5", "10", "-10")
"""Exact candidate coordinates for witnesses of false claims (ties and branch points live here)."""


@dataclass(frozen=True)
class Case:
    id: str
    lhs: str
    rel: str
    rhs: str
    assume: tuple[str, ...]
    truth: bool
    kind: str
    witness: dict | None = None
    shape: tuple = ()
    """What the case exercises, beside its ``kind``: the template it instantiates (its index in :data:`REWRITES`,
    :data:`INEQUALITIES` or :data:`CONDITIONAL`), and for a rewrite the wrappers of ``u`` and ``v`` (the
    functions around them: ``sin``, ``atan``...).  :func:`covering` picks cases by it."""


def _atom(rng: random.Random) -> str:
    return rng.choice(["x", "y", "2*x", "x + 1", "x - y", "x/3", "x*y", "3*y - 1", "x**2", "1/2 - x"])


WRAPS = ("{}", "sin({})", "atan({})", "tanh({})", "exp({}/5)", "sqrt(({})**2 + 1)", "log(({})**2 + 1)")


def _inner(rng: random.Random) -> tuple[str, str]:
    """A random sub-expression, and the wrapper it was made with (one of :data:`WRAPS`)."""
    u = _atom(rng)
    wrap = rng.choice(WRAPS)
    return wrap.format(u), wrap


REWRITES = (
    ("sin({u})**2 + cos({u})**2", "1"),
    ("exp({u})*exp({v})", "exp({u} + {v})"),
    ("tanh({u})", "(exp(2*({u})) - 1)/(exp(2*({u})) + 1)"),
    ("(({u}) + ({v}))**2", "({u})**2 + 2*({u})*({v}) + ({v})**2"),
    ("cosh({u})**2 - sinh({u})**2", "1"),
    ("sin(2*({u}))", "2*sin({u})*cos({u})"),
    ("1/(1 + exp(-({u})))", "(tanh(({u})/2) + 1)/2"),
    ("log((({u})**2 + 1)*(({v})**2 + 1))", "log(({u})**2 + 1) + log(({v})**2 + 1)"),
    ("cos(({u}) + ({v}))", "cos({u})*cos({v}) - sin({u})*sin({v})"),
    ("atan({u}) + atan(1/({u}))", "pi/2", ("{u} > 0",)),
)
r"""(lhs, rhs[, conditions]) templates that hold for all real $u, v$ (or under the conditions)."""

INEQUALITIES = (
    ("exp({u})", ">=", "1 + ({u})"),
    ("({u})**2 + ({v})**2", ">=", "2*({u})*({v})"),
    ("abs(({u}) + ({v}))", "<=", "abs({u}) + abs({v})"),
    ("cosh({u})", ">=", "1"),
    ("log(1 + ({u})**2)", "<=", "({u})**2"),
)
"""Non-strict inequalities that hold everywhere and have an equality case (so the strict form is false)."""

CONDITIONAL = (
    ("sqrt(x**2)", "x", ("x=nonnegative",), ()),
    ("log(x*y)", "log(x) + log(y)", ("x=positive", "y=positive"), ("x=positive",)),
    ("log(x**2)", "2*log(x)", ("x=positive",), ("x != 0",)),
    ("(x**2)**(1/2)", "x", ("x >= 0",), ("x >= -1",)),
    ("asin(sin(x))", "x", ("-1 <= x <= 1",), ("-2 <= x <= 2",)),
    ("acos(cos(x))", "x", ("0 <= x <= 3",), ("-1 <= x <= 3",)),
    ("sqrt(x)*sqrt(y)", "sqrt(x*y)", ("x=nonnegative", "y=nonnegative"), ("y=nonnegative",)),
    ("abs(x - y)", "x - y", ("y <= x",), ()),
)
"""(lhs, rhs, conditions under which it holds, a dropped or widened version under which it fails)."""


KINDS = ("true", "true", "epsilon", "constant", "sign", "strict", "nonstrict", "condition", "widen")
EPSILON_EXPONENTS = (5, 10, 15, 20, 25, 30)
r"""$k$ of the perturbation $10^{-k} t$ of an ``epsilon`` case."""


def generate_one(n: int, seed: int = 0) -> Case:
    """Candidate case number ``n`` (before confirmation), reproducible from ``(seed, n)`` alone."""
    rng = random.Random(f"{seed}:{n}")
    return _make(rng, n, rng.choice(KINDS))


def generate(count: int, seed: int = 0) -> list[Case]:
    """``count`` candidate cases (about half false, before confirmation), reproducible from ``seed``."""
    return [generate_one(n, seed) for n in range(count)]


def confirmed_case(n: int, seed: int = 0) -> Case | None:
    """Case ``n``: as generated when true, with an independent witness when false, None when unconfirmed."""
    case = generate_one(n, seed)
    return case if case.truth else confirm_false(case)


def _make(rng: random.Random, n: int, kind: str) -> Case:
    (u, u_wrap), (v, v_wrap) = _inner(rng), _inner(rng)
    a, b = rng.choice(["1", "2", "-3", "1/2", "5"]), rng.choice(["0", "1", "-2", "x", "y"])
    if kind in ("strict", "nonstrict"):
        atoms = {"u": _atom(rng), "v": _atom(rng)}
        tmpl = rng.choice(INEQUALITIES)
        lhs, rel, rhs = tmpl[0].format(**atoms), tmpl[1], tmpl[2].format(**atoms)
        shape = ("inequality", INEQUALITIES.index(tmpl))
        if kind == "strict":
            return Case(f"adv-{n}-strict", lhs, rel.rstrip("="), rhs, (), False, kind, shape=shape)
        return Case(f"adv-{n}-nonstrict", lhs, rel, rhs, (), True, kind, shape=shape)
    if kind in ("condition", "widen"):
        tmpl = rng.choice(CONDITIONAL)
        lhs, rhs, good, bad = tmpl
        shape = ("conditional", CONDITIONAL.index(tmpl))
        if rng.random() < 0.4:
            return Case(f"adv-{n}-cond-true", lhs, "=", rhs, good, True, "condition kept", shape=shape)
        return Case(f"adv-{n}-{kind}", lhs, "=", rhs, bad, False, kind, shape=shape)
    template = rng.choice(REWRITES)
    shape = ("rewrite", REWRITES.index(template), u_wrap, v_wrap)
    left, right = template[0].format(u=u, v=v), template[1].format(u=u, v=v)
    conditions = tuple(c.format(u=u) for c in (template[2] if len(template) > 2 else ()))
    if conditions:  # a condition on a compound u is not something a user would assume: use u = x
        conditions = ("x > 0",)
        left, right = template[0].format(u="x", v=v), template[1]
    lhs = f"{a}*({left}) + {b}"
    rhs = f"{a}*({right}) + {b}"
    if kind == "true":
        return Case(f"adv-{n}-true", lhs, "=", rhs, conditions, True, kind, shape=shape)
    if kind == "epsilon":
        k = rng.choice(EPSILON_EXPONENTS)
        term = rng.choice(["x**2 + 1", "exp(x)", "1", "sin(x) + 2", "y**2 + x**2 + 1"])
        return Case(f"adv-{n}-eps{k}", lhs, "=", f"{rhs} + 1e-{k}*({term})", conditions, False, kind,
                    shape=shape + (k,))
    if kind == "constant":
        return Case(f"adv-{n}-const", lhs, "=", f"{a}*({right}) + ({b}) + 1/1000", conditions, False, kind, shape=shape)
    return Case(f"adv-{n}-sign", lhs, "=", f"-{a}*({right}) + {b}", conditions, False, kind, shape=shape)


def confirm_false(case: Case) -> Case | None:
    """The case with an independent witness of its falsity, or None when none was found (the case is dropped).

    Independent of the checker: the parser builds the sympy expressions, then each witness candidate
    (all combinations of :data:`WITNESS_VALUES`) is substituted exactly and decided with ``sympy``:
    an exact zero difference (a tie, for a strict relation), a side that is not a finite real
    (domain mismatch, for an equality), or a difference whose 60-digit ``evalf`` contradicts the relation.
    """
    step = claim_step(case.lhs, case.rel, case.rhs, case.assume)
    symbols = sorted(step.lhs.free_symbols | step.rhs.free_symbols, key=str)
    import itertools

    for values in itertools.product(WITNESS_VALUES, repeat=len(symbols)):
        point = {s: sp.Rational(v) for s, v in zip(symbols, values)}
        if not _inside(step, point):
            continue
        if _fails_at(step, point):
            return dataclasses.replace(case, truth=False, witness={str(s): str(v) for s, v in point.items()})
    return None


def _inside(step, point) -> bool:
    for s, v in point.items():
        checks = ((s.is_positive, v > 0), (s.is_nonnegative, v >= 0), (s.is_negative, v < 0),
                  (s.is_nonpositive, v <= 0), (s.is_integer, v.is_integer), (s.is_nonzero, v != 0))
        if not all(ok for required, ok in checks if required):
            return False
    return all(a.xreplace(point) == sp.true for a in step.assumptions)


def _real_value(expr, point):
    value = expr.xreplace(point)
    if value.has(sp.nan, sp.zoo, sp.oo, -sp.oo):
        return None
    number = sp.N(value, 60)
    if not number.is_number or abs(sp.im(number)) > sp.Float(10) ** -50:
        return None
    return value, sp.re(number)


def _fails_at(step, point) -> bool:
    left, right = _real_value(step.lhs, point), _real_value(step.rhs, point)
    if left is None or right is None:
        return step.rel == "=" and (left is None) != (right is None)
    (lv, l), (rv, r) = left, right
    exact_zero = sp.simplify(lv - rv) == 0
    if step.rel in ("<", ">"):
        if exact_zero:
            return True
    difference = sp.N(lv - rv, 60)
    if exact_zero or abs(difference) < sp.Float(10) ** -45:  # below 60-digit resolution: no witness
        return False
    return {"=": True, "<": difference > 0, "<=": difference > 0, ">": difference < 0, ">=": difference < 0}[step.rel]


def confirmed_cases(count: int, seed: int = 0) -> list[Case]:
    """True cases as generated, false cases only with an independent witness."""
    out = []
    for case in generate(count, seed):
        if case.truth:
            out.append(case)
        else:
            confirmed = confirm_false(case)
            if confirmed is not None:
                out.append(confirmed)
    return out


def features(case: Case) -> set[tuple]:
    r"""The classes ``case`` stands for: its kind with its template, and for a rewrite its kind with each wrapper
    of $u$ and $v$ (and with the size of $\varepsilon$ when it is one)."""
    out = {(case.kind,) + case.shape[:2]}
    if case.shape[0] == "rewrite":
        out |= {(case.kind, "wrap", wrap) for wrap in case.shape[2:4]}
        out |= {(case.kind, "epsilon", k) for k in case.shape[4:]}
    return out


def every_class() -> set[tuple]:
    """Every class :func:`features` can name: what the generator can make, from its tables."""
    rewrite_kinds = ("true", "epsilon", "constant", "sign")
    out = {(kind, "rewrite", i) for kind in rewrite_kinds for i in range(len(REWRITES))}
    out |= {(kind, "inequality", i) for kind in ("strict", "nonstrict") for i in range(len(INEQUALITIES))}
    out |= {(kind, "conditional", i) for kind in ("condition kept", "condition", "widen") for i in range(len(CONDITIONAL))}
    out |= {(kind, "wrap", wrap) for kind in rewrite_kinds for wrap in WRAPS}
    return out | {("epsilon", "epsilon", k) for k in EPSILON_EXPONENTS}


def covering(count: int, seed: int = 0) -> list[int]:
    """The numbers of the cases among the first ``count`` that each add a class (:func:`features`) that none of the
    earlier ones kept has: every class of the ``count`` cases, each at its first case."""
    seen: set[tuple] = set()
    kept = []
    for n in range(count):
        new = features(generate_one(n, seed)) - seen
        if new:
            kept.append(n)
            seen |= new
    return kept
