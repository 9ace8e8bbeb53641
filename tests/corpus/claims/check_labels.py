#!/usr/bin/env python3
"""Re-confirm the labels in claims.jsonl with independent mathematics.

Standalone: imports only sympy, mpmath, json and the standard library,
nothing from Formulary.

* Every FALSE claim is re-checked at its witness point at 100 significant
  digits (sympy evalf with strict precision tracking, cross-checked with
  mpmath for the sign); the witness must satisfy the claim's assumptions
  and at least one side must be a finite real number there (so the
  counterexample also holds under "real-valued" semantics).
* Closed claims that contain limit(...) are evaluated with sympy.limit;
  a two-sided limit exists only if both one-sided limits agree.
* Every TRUE claim is spot-checked on a grid of points satisfying its
  assumptions (including boundary values and extreme magnitudes).

Usage:  python3 tests/corpus/claims/check_labels.py [--quick] [--id SLUG] [--file claims.jsonl]
                                                    [--timeout SECONDS] [--quiet]
Each claim runs in a forked child with a wall-time bound (--timeout, default 60 s); one that takes longer is
reported as "not re-checked", never as confirmed. Exit status is non-zero on any inconsistency.
"""
import json
import os
import random
import re
import sys
from fractions import Fraction

import mpmath
import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.parsing.sympy_parser import parse_expr, standard_transformations

if hasattr(sys, "set_int_max_str_digits"):
    sys.set_int_max_str_digits(0)
HERE = os.path.dirname(os.path.abspath(__file__))
DPS = 100


# --------------------------------------------------------------------------
# Expression parsing (restricted name mapping; input is our curated file)
# --------------------------------------------------------------------------
class CSum(sp.Function):
    """sum(f, j, a, b) inclusive; empty range (b < a) is 0 (no Karr sign flip)."""
    nargs = 4


class CProd(sp.Function):
    """product(f, j, a, b) inclusive; empty range is 1."""
    nargs = 4


class CInt(sp.Function):
    nargs = 4


class CLim(sp.Function):
    """limit(f, x, a, d) with d = 0 two-sided, 1 from the right, -1 from the left."""
    nargs = 4


def _log(x, b=None, **_):
    return sp.log(x) if b is None else sp.log(x) / sp.log(b)


def _phi(z, **_):
    return sp.erfc(-z / sp.sqrt(2)) / 2


def _integrate(f, lims):
    x, a, b = lims
    return CInt(f, x, a, b)


def _limit(f, x, a, d=0):
    return CLim(f, x, a, sp.Integer(d))


FUNCS = {
    "exp": sp.exp, "log": _log, "sqrt": sp.sqrt, "abs": sp.Abs,
    "sin": sp.sin, "cos": sp.cos, "tan": sp.tan,
    "sinh": sp.sinh, "cosh": sp.cosh, "tanh": sp.tanh,
    "asinh": sp.asinh, "acosh": sp.acosh, "atanh": sp.atanh,
    "asin": sp.asin, "acos": sp.acos, "atan": sp.atan, "atan2": sp.atan2,
    "erf": sp.erf, "erfc": sp.erfc, "Phi": _phi,
    "gamma": sp.gamma, "lgamma": sp.loggamma, "digamma": sp.digamma,
    "beta": sp.beta, "floor": sp.floor, "ceiling": sp.ceiling,
    "Heaviside": sp.Heaviside, "sign": sp.sign, "Max": sp.Max, "Min": sp.Min,
    "relu": lambda z, **_: sp.Max(0, z),
    "sigmoid": lambda z, **_: 1 / (1 + sp.exp(-z)), "softplus": lambda z, **_: sp.log(1 + sp.exp(z)),
    "sum": CSum, "product": CProd, "diff": sp.diff,
    "integrate": _integrate, "limit": _limit,
    "pi": sp.pi, "E": sp.E, "oo": sp.oo, "I": sp.I,
    "_R": lambda s: sp.Rational(Fraction(str(s)).numerator, Fraction(str(s)).denominator),
}

_NUM = re.compile(r"(?<![A-Za-z_0-9.])(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?")
_IDENT = re.compile(r"[A-Za-z_][A-Za-z_0-9]*")


def _exact_literals(s):
    def rep(m):
        tok = m.group(0)
        if "." in tok or "e" in tok or "E" in tok:
            return '_R("%s")' % tok
        return tok
    s = _NUM.sub(rep, s)
    s = s.replace("'±'", "0").replace('"±"', "0")
    s = s.replace("'+'", "1").replace("'-'", "-1")
    return s


_ARRAY = re.compile(r"([A-Za-z_][A-Za-z_0-9]*)\s*\[")


def array_names(text):
    """Names written with a subscript, as in ``A[i, k]``: real arrays (sympy ``IndexedBase``)."""
    return set(_ARRAY.findall(text))


def make_symbols(text, kinds):
    syms = {}
    arrays = array_names(text)
    for name in arrays:
        syms[name] = sp.IndexedBase(name, real=True)
    for name in set(_IDENT.findall(text)):
        if name in FUNCS or name == "_R" or name in arrays:
            continue
        k = kinds.get(name, set())
        kw = {}
        if "complex" in k:
            kw["complex"] = True
        else:
            kw["real"] = True
        if "integer" in k:
            kw["integer"] = True
        if "positive" in k:
            kw["positive"] = True
        if "nonnegative" in k:
            kw["nonnegative"] = True
        if "negative" in k:
            kw["negative"] = True
        syms[name] = sp.Symbol(name, **kw)
    return syms


def parse(text, kinds=None, evaluate=True):
    kinds = kinds or {}
    local = dict(FUNCS)
    local.update(make_symbols(text, kinds))
    expr = parse_expr(_exact_literals(text), local_dict=local,
                      transformations=standard_transformations, evaluate=evaluate)
    unknown = expr.atoms(AppliedUndef) - set().union(*(expr.atoms(f) for f in (CSum, CProd, CInt, CLim)))
    if unknown:  # an unknown name would be an undefined function that every comparison treats as "tiny"
        raise ValueError("unknown function(s) %s" % sorted(map(str, unknown)))
    return expr


def written_at(text, kinds, point):
    """The formula as written (sympy does not cancel (x-1)/(x-1) while parsing), evaluated at ``point``:
    substituting rebuilds every node, so a division by zero shows up as zoo or nan, and a node that is undefined
    there (``tan(pi/2)``, ``1/0``) makes the whole side nan even where sympy would go on (``pi/zoo`` is 0)."""
    by_name = {getattr(k, "name", str(k)): v for k, v in point.items()}

    def rebuild(e):  # children first, so that (1 - 1)**-1 is zoo before any power is combined
        if isinstance(e, sp.Symbol):
            return by_name.get(e.name, e)
        if not e.args:
            return e
        out = e.func(*[rebuild(a) for a in e.args])
        # an undefined part leaves the whole undefined: pi/tan(pi/2) is not pi/zoo = 0
        return sp.nan if out is sp.zoo or out is sp.nan else out
    return resolve(rebuild(parse(text, kinds, evaluate=False)))


# --------------------------------------------------------------------------
# Assumptions
# --------------------------------------------------------------------------
_KIND = {
    "positive": {"positive"}, "nonnegative": {"nonnegative"},
    "negative": {"negative"}, "integer": {"integer"},
    "positive_integer": {"positive", "integer"},
    "nonnegative_integer": {"nonnegative", "integer"},
    "complex": {"complex"}, "real": set(),
}
_RELOP = re.compile(r"(<=|>=|!=|==|<|>)")


def parse_assumptions(assume):
    kinds, rels = {}, []
    for a in assume:
        a = a.strip()
        m = re.fullmatch(r"([A-Za-z_]\w*)\s*=\s*([a-z_]+)", a)
        if m:
            kinds.setdefault(m.group(1), set()).update(_KIND[m.group(2)])
            continue
        m = re.fullmatch(r"([A-Za-z_]\w*)\s+(integer|positive|negative|nonnegative|real|complex)", a)
        if m:
            kinds.setdefault(m.group(1), set()).update(_KIND[m.group(2)])
            continue
        parts = _RELOP.split(a)
        if len(parts) < 3:
            raise ValueError("cannot parse assumption %r" % a)
        rels.append([p.strip() for p in parts])
    return kinds, rels


def _cmp(a, op, b):
    """Exact-ish comparison of two real sympy numbers."""
    d = a - b
    if d == 0:
        s = 0
    else:
        v = d.evalf(60, strict=False)
        if not v.is_real:
            return False
        s = 1 if v > 0 else (-1 if v < 0 else 0)
    return {"<": s < 0, "<=": s <= 0, ">": s > 0, ">=": s >= 0,
            "==": s == 0, "!=": s != 0}[op]


_PCACHE = {}


def _parse_cached(text):
    if text not in _PCACHE:
        _PCACHE[text] = parse(text)
    return _PCACHE[text]


def satisfies(point, kinds, rels):
    for v, k in kinds.items():
        if v not in point:
            continue
        x = point[v]
        if "complex" in k:
            continue
        if not x.is_real:
            return False
        if "integer" in k and not x.is_integer:
            return False
        if "positive" in k and not x > 0:
            return False
        if "nonnegative" in k and not x >= 0:
            return False
        if "negative" in k and not x < 0:
            return False
    for chain in rels:
        vals = []
        for p in chain[0::2]:
            e = _parse_cached(p)
            vals.append(e.xreplace({q: point[q.name] for q in e.free_symbols if q.name in point}))
        if any(val.free_symbols for val in vals):
            continue
        for i, op in enumerate(chain[1::2]):
            if not _cmp(vals[i], op, vals[i + 1]):
                return False
    return True


# --------------------------------------------------------------------------
# Resolution of sum/product/integral/limit and evaluation
# --------------------------------------------------------------------------
def _lim(f, x, a, d):
    def one(direction):
        r = sp.limit(f, x, a, direction)
        if isinstance(r, sp.AccumBounds) or r.has(sp.AccumBounds) or r.has(sp.Limit):
            return sp.nan
        return r
    if a in (sp.oo, -sp.oo):
        return one("-" if a == sp.oo else "+")
    if d == 1:
        return one("+")
    if d == -1:
        return one("-")
    rp, rm = one("+"), one("-")
    if rp is sp.nan or rm is sp.nan:
        return sp.nan
    if rp == rm or sp.simplify(rp - rm) == 0:
        return rp
    return sp.nan   # two-sided limit does not exist


def resolve(e):
    if not e.args:
        return e
    if isinstance(e, (CSum, CProd)):
        f, j, a, b = e.args
        a, b = resolve(a), resolve(b)
        if a.is_number and b.is_number:
            if not ((a.is_integer or a in (sp.oo, -sp.oo)) and (b.is_integer or b in (sp.oo, -sp.oo))):
                raise ValueError("non-integer numeric range %s..%s" % (a, b))
            if (b - a).is_negative:
                return sp.Integer(0) if isinstance(e, CSum) else sp.Integer(1)
        f = resolve(f)
        if isinstance(e, CSum):
            return sp.Sum(f, (j, a, b)).doit()
        return sp.Product(f, (j, a, b)).doit()
    if isinstance(e, CInt):
        f, x, a, b = [resolve(t) for t in e.args]
        return sp.integrate(f, (x, a, b))
    if isinstance(e, CLim):
        f, x, a, d = e.args
        return _lim(resolve(f), x, resolve(a), int(d))
    new = [resolve(t) for t in e.args]
    out = e.func(*new)
    if isinstance(out, sp.Derivative):
        out = out.doit()
    return out


def prepare(expr):
    """Resolve integrals/limits symbolically once when their bounds allow it."""
    def pre(e):
        if not e.args:
            return e
        if isinstance(e, CInt):
            f, x, a, b = [pre(t) for t in e.args]
            r = sp.integrate(f, (x, a, b))
            return r if not r.has(sp.Integral) else CInt(f, x, a, b)
        if isinstance(e, CLim):
            f, x, a, d = e.args
            if not (f.free_symbols - {x}):
                return _lim(pre(f), x, pre(a), int(d))
            return e
        if isinstance(e, (CSum, CProd)):
            return e
        out = e.func(*[pre(t) for t in e.args])
        if isinstance(out, sp.Derivative):
            out = out.doit()
        return out
    return pre(expr)


def undefined(v):
    return v is sp.nan or v.has(sp.nan) or v.has(sp.zoo)


def is_finite_real(v):
    if undefined(v) or v in (sp.oo, -sp.oo):
        return False
    try:
        z = complex(v.evalf(30))
    except (TypeError, ValueError):
        return False
    if z.imag != 0:
        im = sp.im(v)
        if im != 0 and sp.Abs(im.evalf(60)) > sp.Float(10) ** -80:
            return False
    return True


def sign_of(d, maxn=8000):
    """Return (kind, value) with kind in 'zero' | 'num' | 'tiny'.

    'tiny' means 100-digit arithmetic (with working precision up to maxn bits)
    could not separate d from 0."""
    if d == 0:
        return "zero", 0
    try:
        v = d.evalf(DPS, strict=True, maxn=maxn)
    except sp.core.evalf.PrecisionExhausted:
        return "tiny", None
    if v == 0:
        return "tiny", None
    return "num", v


def relation_holds(l, r, rel, maxn=8000):
    """True / False / None (both sides undefined: no information)."""
    ul, ur = undefined(l), undefined(r)
    if ul and ur:
        return None, "both sides undefined"
    if ul or ur:
        return False, "one side undefined (lhs=%s, rhs=%s)" % (l, r)
    inf = (sp.oo, -sp.oo)
    if l in inf or r in inf:
        if rel == "==":
            return bool(l == r), "infinite compare %s vs %s" % (l, r)
        if l.is_real is False or r.is_real is False:
            return False, "non-real side in inequality"
        res = {"<": l < r, "<=": l <= r, ">": l > r, ">=": l >= r}[rel]
        return bool(res), "infinite compare %s %s %s" % (l, rel, r)
    kind, v = sign_of(l - r, maxn)
    if rel == "==":
        if kind == "zero":
            return True, "exact zero difference"
        if kind == "tiny":
            return True, "difference below 100-digit resolution"
        return False, "difference %s" % sp.N(v, 20)
    # inequality: both sides must be real
    if not (is_finite_real(l) and is_finite_real(r)):
        return False, "non-real side in inequality (lhs=%s, rhs=%s)" % (sp.N(l, 15), sp.N(r, 15))
    if kind == "zero":
        s = 0
    elif kind == "tiny":
        if rel in ("<=", ">="):
            return True, "difference below resolution (treated as 0)"
        if sp.simplify(l - r) == 0:
            return False, "lhs == rhs exactly (sympy simplify) but relation is strict"
        return None, "difference below resolution: strictness unresolved"
    else:
        re_v = sp.re(v)
        s = 1 if re_v > 0 else -1
        # independent mpmath cross-check of the sign
        with mpmath.workdps(DPS + 20):
            mv = mpmath.mpf(str(sp.N(re_v, DPS)))
        if (mv > 0) != (s > 0):
            raise RuntimeError("sympy/mpmath sign disagreement")
    res = {"<": s < 0, "<=": s <= 0, ">": s > 0, ">=": s >= 0}[rel]
    return res, "lhs-rhs sign %d (%s)" % (s, sp.N(v, 12) if v is not None else "0")


def _to_mp(v):
    z = sp.N(v, DPS + 30)
    if z.is_real:
        return mpmath.mpf(str(z))
    return mpmath.mpc(str(sp.re(z)), str(sp.im(z)))


def mp_value(expr, point):
    """Value of a prepared expression at an exact point, computed by mpmath."""
    if expr.has(CSum, CProd, CLim, CInt):
        e = resolve(expr.xreplace(point))
        syms, args = [], []
    else:
        e = expr
        syms = sorted(e.free_symbols, key=lambda q: q.name)
        args = [_to_mp(point[q]) for q in syms]
    if e.has(sp.nan) or e.has(sp.zoo):
        return None
    if e in (sp.oo, -sp.oo):
        return mpmath.inf if e == sp.oo else -mpmath.inf
    f = sp.lambdify(syms, e, modules=["mpmath"])
    try:
        v = f(*args)
    except (ZeroDivisionError, ValueError, OverflowError):
        return None
    if isinstance(v, (int, float)):
        v = mpmath.mpf(v)
    if mpmath.isnan(v):
        return None
    return v


def mp_relation(lhs, rhs, rel, point):
    """Grid check for TRUE claims: True / False / None (no information).

    Both sides are evaluated at DPS and at 2*DPS digits. A difference that
    shrinks by many orders of magnitude when the precision doubles is
    rounding noise ("tiny"); a difference that is stable is real."""
    vals = []
    for dps in (DPS, 2 * DPS):
        with mpmath.workdps(dps):
            vals.append((mp_value(lhs, point), mp_value(rhs, point)))
    (l1, r1), (l, r) = vals
    with mpmath.workdps(2 * DPS):
        if l is None and r is None:
            return None, "both undefined"
        if l is None or r is None:
            return False, "one side undefined (lhs=%s, rhs=%s)" % (l, r)
        if mpmath.isinf(l) or mpmath.isinf(r):
            if rel == "==":
                return l == r, "infinite compare"
            res = {"<": l < r, "<=": l <= r, ">": l > r, ">=": l >= r}[rel]
            return bool(res), "infinite compare"
        if rel != "==":
            tol_im = mpmath.mpf(10) ** (-(DPS - 40)) * max(mpmath.mpf(1), abs(l), abs(r))
            if abs(mpmath.im(l)) > tol_im or abs(mpmath.im(r)) > tol_im:
                return False, "non-real side in inequality (lhs=%s, rhs=%s)" % (
                    mpmath.nstr(l, 10), mpmath.nstr(r, 10))
            d1, d2 = mpmath.re(l1 - r1), mpmath.re(l - r)
        else:
            d1, d2 = l1 - r1, l - r
        noise = mpmath.mpf(10) ** (-(2 * DPS - 30)) * max(abs(l), abs(r))
        tiny = (d2 == 0) or abs(d2) <= noise or \
            (d1 != 0 and abs(d2) <= abs(d1) * mpmath.mpf(10) ** -40)
        if rel == "==":
            return tiny, "|lhs-rhs| = %s" % mpmath.nstr(abs(d2), 8)
        if tiny:
            if rel in ("<=", ">="):
                return True, "equal within resolution"
            return None, "strictness unresolved at this resolution"
        sgn = 1 if d2 > 0 else -1
        return {"<": sgn < 0, "<=": sgn < 0, ">": sgn > 0, ">=": sgn > 0}[rel], \
            "lhs-rhs = %s" % mpmath.nstr(d2, 8)


class _Timeout(Exception):
    pass


def _with_alarm(seconds, fn):
    import signal

    def handler(*_):
        raise _Timeout()
    old = signal.signal(signal.SIGALRM, handler)
    signal.alarm(seconds)
    try:
        return fn()
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def _is_moderate_point(point):
    return all(_moderate(v) or abs(sp.N(v)) <= 1000 for v in point.values())


def evaluate_at(lhs, rhs, point):
    scalars = {k: v for k, v in point.items() if not isinstance(k, sp.Indexed)}
    entries = {k: v for k, v in point.items() if isinstance(k, sp.Indexed)}
    l = resolve(lhs.xreplace(scalars)).xreplace(entries)
    r = resolve(rhs.xreplace(scalars)).xreplace(entries)
    return l, r


def check_array_claim(lhs, rhs, rel, free, kinds, rels, quick):
    """A TRUE claim over arrays: at grid values of its scalar symbols (integers at most 6, so that
    sums expand), every array entry gets random values (several draws, including 0 and negatives)."""
    rng = random.Random(2024)
    pts = [p for p in grid_points(free, kinds, rels, limit=400, extreme=False)
           if all(not v.is_integer or abs(v) <= 6 for v in p.values())][: (4 if quick else 12)]
    if free and not pts:
        return ["no grid point satisfies the assumptions"]
    problems, n_ok = [], 0
    for p in (pts or [{}]):
        l0, r0 = evaluate_at(lhs, rhs, p)
        entries = sorted((l0.atoms(sp.Indexed) | r0.atoms(sp.Indexed)), key=str)
        for _ in range(3 if quick else 8):
            vals = {e: sp.sympify(rng.choice(ARRAY_CHOICES)) for e in entries}
            l, r = l0.xreplace(vals), r0.xreplace(vals)
            if l.free_symbols or r.free_symbols:
                return ["unresolved symbols: %s" % (l.free_symbols | r.free_symbols)]
            ok, note = relation_holds(l, r, rel)
            if ok is None:
                continue
            if not ok:
                problems.append("TRUE claim fails at %s %s: %s" % (
                    {k.name: str(v) for k, v in p.items()}, {str(k): str(v) for k, v in vals.items()}, note))
                return problems
            n_ok += 1
    return [] if n_ok else ["no informative grid point"]


# --------------------------------------------------------------------------
# Grid for TRUE claims
# --------------------------------------------------------------------------
R = sp.Rational
REAL_GRID = [-10**6, -1000, -100, -10, -3, -2, -1, R(-1, 2), R(-1, 10), R(-1, 10**8),
             R(-1, 10**30), 0, R(1, 10**30), R(1, 10**8), R(1, 10), R(1, 3), R(1, 2),
             R(9, 10), 1, R(3, 2), 2, R(27, 10), 3, R(7, 2), 10, 100, 1000, 10**6,
             sp.pi / 2, -sp.pi / 2, sp.pi, 2 * sp.pi, sp.E]
INT_GRID = list(range(-12, 21)) + [30, 50, 100, 1000]
ARRAY_CHOICES = [-3, -1, R(-1, 2), 0, R(1, 3), 1, 2, 7, R(-22, 7)]
"""Values drawn for array entries (``A[i, k]``) in the grid of a TRUE claim."""
COMPLEX_GRID = [sp.I, -sp.I, 1 + sp.I, -1 - sp.I, -1 + sp.I, 2 * sp.pi * sp.I,
                -3, R(1, 2), 2, 3 * sp.I - 2]


def thresholds(rels):
    out = []
    for chain in rels:
        for p in chain[0::2]:
            e = parse(p)
            if not e.free_symbols and e.is_real:
                out.append(e)
    return out


def candidates(var, kinds, rels, extreme):
    k = kinds.get(var, set())
    th = thresholds(rels)
    if "complex" in k:
        return list(COMPLEX_GRID)
    if "integer" in k:
        c = list(INT_GRID)
        for t in th:
            f = sp.floor(t)
            c += [f + i for i in range(-2, 4)] + [f * 10, f * 100]
        if extreme:
            c += [10**4]
        return sorted(set(int(x) for x in c))
    c = list(REAL_GRID)
    for t in th:
        c += [t, t + R(1, 10**20), t - R(1, 10**20), t + R(1, 1000), t - R(1, 1000),
              t + 1, t - 1, 2 * t, 10 * t, t * 10**6]
    return list(dict.fromkeys(c))


def _moderate(v):
    v = sp.sympify(v)
    if v == 0 or not v.is_real:
        return True
    return sp.Rational(1, 10**8) <= abs(v) <= 1000


def grid_points(free, kinds, rels, limit=60, extreme=True):
    free = sorted(free, key=lambda s: s.name)
    cands = {s: candidates(s.name, kinds, rels, extreme) for s in free}
    if len(free) > 1:
        # extreme magnitudes only for one-variable claims (avoid 10**6**10**6)
        for s in free:
            mod = [v for v in cands[s] if _moderate(v)]
            cands[s] = mod or cands[s]
    rng = random.Random(12345)
    pts = []
    if len(free) == 1:
        s = free[0]
        raw = [{s: sp.sympify(v)} for v in cands[s]]
    else:
        raw = []
        for _ in range(4000):
            raw.append({s: sp.sympify(rng.choice(cands[s])) for s in free})
        # make sure "diagonal" points (all equal) are present
        common = set.intersection(*[set(map(sp.sympify, cands[s])) for s in free])
        for v in sorted(common, key=lambda z: (sp.re(z), sp.im(z)), reverse=True)[:12]:
            raw.insert(0, {s: v for s in free})
    seen = set()
    for p in raw:
        key = tuple(p[s] for s in free)
        if key in seen:
            continue
        seen.add(key)
        named = {s.name: p[s] for s in free}
        if satisfies(named, kinds, rels):
            pts.append(p)
        if len(pts) >= limit:
            break
    return pts


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------
def free_vars(expr):
    out = set()
    for s in expr.free_symbols:
        out.add(s)
    return out


def check_claim(c, quick=False):
    kinds, rels = parse_assumptions(c["assume"])
    lhs = parse(c["lhs"], kinds)
    rhs = parse(c["rhs"], kinds)
    rel = c["rel"]
    arrays = array_names(c["lhs"] + " " + c["rhs"])
    symtab = {s.name: s for s in (lhs.free_symbols | rhs.free_symbols)
              if isinstance(s, sp.Symbol) and s.name not in arrays}
    for text in (c["lhs"], c["rhs"]):  # a symbol sympy cancelled while parsing ((x-1)/(x-1)) is still free
        for s in parse(text, kinds, evaluate=False).free_symbols:
            if isinstance(s, sp.Symbol) and s.name not in arrays:
                symtab.setdefault(s.name, s)
    # add symbols that only occur in assumptions
    for chain in rels:
        for p in chain[0::2]:
            for s in parse(p, kinds).free_symbols:
                symtab.setdefault(s.name, sp.Symbol(s.name, real=True))
    problems = []
    if c["truth"] is False:
        w = c.get("witness")
        if w is None:
            if set(symtab) - bound_names(c):
                return ["FALSE claim with free symbols but no witness"]
            point = {}
        else:
            point = {}
            for name, val in w.items():
                if "[" in name:
                    point[parse(name, kinds)] = parse(val)
                    continue
                if name not in symtab:
                    return ["witness variable %r not in claim" % name]
                point[symtab[name]] = parse(val)
            named = {k: parse(v) for k, v in w.items() if "[" not in k}
            if not satisfies(named, kinds, rels):
                return ["witness %r violates assumptions" % w]
            missing = set(symtab) - set(w) - bound_names(c) - arrays
            if missing:
                return ["witness misses variables %s" % sorted(missing)]
        l, r = evaluate_at(lhs, rhs, point)
        if l.free_symbols or r.free_symbols or l.has(sp.Indexed) or r.has(sp.Indexed):
            return ["unresolved symbols at witness: %s" % (l.free_symbols | r.free_symbols)]
        ok, note = relation_holds(l, r, rel)
        if ok and rel == "==" and "[" not in c["lhs"] + c["rhs"]:
            # sympy cancels while parsing ((x-1)/(x-1) is built as 1): decide the formulas as written
            lw, rw = written_at(c["lhs"], kinds, point), written_at(c["rhs"], kinds, point)
            if undefined(lw) != undefined(rw):
                ok, note = False, "as written, one side is undefined (lhs=%s, rhs=%s)" % (lw, rw)
                l, r = lw, rw
        if ok is None:
            return ["witness inconclusive: " + note]
        if ok:
            return ["FALSE claim holds at witness: " + note]
        if not (is_finite_real(l) or is_finite_real(r)) and "limit(" not in c["lhs"] + c["rhs"]:
            return ["witness: neither side is a finite real number (lhs=%s, rhs=%s)" % (l, r)]
        return []
    # TRUE claim: spot-check on a grid
    lhs_p, rhs_p = prepare(lhs), prepare(rhs)
    bound = bound_names(c)
    free = {s for n, s in symtab.items() if n not in bound}
    if arrays:
        return check_array_claim(lhs, rhs, rel, free, kinds, rels, quick)
    if not free:
        l, r = evaluate_at(lhs_p, rhs_p, {})
        ok, note = relation_holds(l, r, rel)
        if ok is not True:
            problems.append("TRUE closed claim fails: %s" % note)
        return problems
    pts = grid_points(free, kinds, rels, limit=(12 if quick else 60))
    if not pts:
        return ["no grid point satisfies the assumptions"]
    n_ok = 0
    for p in pts:
        try:
            ok, note = mp_relation(lhs_p, rhs_p, rel, p)
        except (ValueError, ZeroDivisionError, TypeError) as ex:
            ok, note = False, "mpmath evaluation error: %s" % ex
        if ok is False or (ok is None and note.startswith("strictness")):
            # fixed-precision mpmath can lose everything to cancellation
            # (e.g. 1 + erf(-x) at x = -10**6) and cannot tell an exact tie
            # from a tiny gap; re-decide with sympy's adaptive evalf on the
            # exact input, under a time limit
            moderate = _is_moderate_point(p)
            try:
                ok2, note2 = _with_alarm(10, lambda: relation_holds(*evaluate_at(lhs_p, rhs_p, p), rel, maxn=4000))
            except Exception:  # noqa: BLE001 - timeout, MemoryError, evalf failures
                ok2, note2 = (False if moderate else None), "sympy re-check timed out"
            if ok is False:
                if ok2 is not False:
                    ok, note = ok2, note2
                else:
                    note = note + " / sympy: " + note2
            elif ok2 is False:
                ok, note = False, note2
            elif ok2 is True:  # a strict relation whose gap lies below 2*DPS digits (x*(1 + 1e-300) > x)
                ok, note = True, note2
        if ok is None:
            continue
        if not ok:
            problems.append("TRUE claim fails at %s: %s" % ({k.name: str(v) for k, v in p.items()}, note))
            break
        n_ok += 1
    if n_ok == 0 and not problems:
        problems.append("no informative grid point")
    return problems


def bound_names(c):
    """Names bound by sum/product/integrate/limit/diff (not free variables)."""
    names = set()
    text = c["lhs"] + " ; " + c["rhs"]
    for m in re.finditer(r"\b(sum|product)\(", text):
        args = split_args(text, m.end())
        if len(args) == 4:
            names.add(args[1].strip())
    for m in re.finditer(r"\bintegrate\(", text):
        args = split_args(text, m.end())
        if len(args) == 2:
            names.add(args[1].strip().lstrip("(").split(",")[0].strip())
    for m in re.finditer(r"\blimit\(", text):
        args = split_args(text, m.end())
        if len(args) >= 3:
            names.add(args[1].strip())
    return names


def split_args(text, start):
    depth, cur, out = 0, "", []
    i = start
    while i < len(text):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                out.append(cur)
                return out
            depth -= 1
        if ch == "," and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
        i += 1
    return out


def claim_problems(c, quick, ids):
    """The inconsistencies of one claim (an empty list when its label is confirmed)."""
    required = {"id", "lhs", "rhs", "rel", "assume", "truth", "category", "witness", "why"}
    msgs = []
    if set(c) != required:
        msgs.append("bad keys %s" % sorted(set(c) ^ required))
    if c["id"] in ids:
        msgs.append("duplicate id")
    if c["rel"] not in ("==", "<", "<=", ">", ">="):
        msgs.append("bad rel")
    if msgs:
        return msgs
    try:
        return check_claim(c, quick=quick)
    except Exception as ex:  # noqa: BLE001 - report and count as failure
        return ["exception: %s: %s" % (type(ex).__name__, ex)]


def _child(conn, c, quick, ids):
    conn.send(claim_problems(c, quick, ids))
    conn.close()


def bounded_problems(c, quick, ids, timeout):
    """``claim_problems`` in a forked child that gets ``timeout`` seconds of wall time; ``None`` when it ran out
    (sympy can spend unbounded time in ``Sum.doit``, ``integrate`` or ``evalf``, and SIGALRM cannot interrupt C
    code or an inner alarm of its own, so the child is killed instead)."""
    import multiprocessing
    ctx = multiprocessing.get_context("fork")
    recv, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(send, c, quick, ids))
    proc.start()
    send.close()
    try:
        if recv.poll(timeout):
            return recv.recv()
        return None
    except EOFError:  # the child died without an answer (MemoryError, a crash in C)
        return ["exception: the check died without an answer (exit code %s)" % proc.exitcode]
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()
        recv.close()


def main(argv):
    import argparse
    import time
    parser = argparse.ArgumentParser(description="Re-confirm the labels of a claim file with independent mathematics.")
    parser.add_argument("--file", default=os.path.join(HERE, "claims.jsonl"), help="a claim file (default: claims.jsonl)")
    parser.add_argument("--id", default=None, help="check only the claim with this id")
    parser.add_argument("--quick", action="store_true", help="12 grid points per true claim instead of 60")
    parser.add_argument("--timeout", type=float, default=60.0,
                        help="seconds of wall time per claim; a claim that takes longer is reported as "
                             "'not re-checked' (default 60; 0 runs every claim in this process, unbounded)")
    parser.add_argument("--quiet", action="store_true", help="print only FAIL and SKIP lines and the summary "
                        "(by default every claim prints one line as soon as it is decided)")
    args = parser.parse_args(argv)
    claims = []
    with open(args.file) as fh:
        for line in fh:
            line = line.strip()
            if line:
                claims.append(json.loads(line))
    selected = [c for c in claims if not args.id or c["id"] == args.id]
    errors, unchecked, ids, counts = 0, [], set(), {}
    for k, c in enumerate(selected, 1):
        key = (c["category"], c["truth"])
        counts[key] = counts.get(key, 0) + 1
        start = time.monotonic()
        if args.timeout > 0:
            msgs = bounded_problems(c, args.quick, frozenset(ids), args.timeout)
        else:
            msgs = claim_problems(c, args.quick, ids)
        ids.add(c["id"])
        seconds = time.monotonic() - start
        if msgs is None:
            unchecked.append(c["id"])
            print("SKIP %-40s not re-checked: no answer within %g s" % (c["id"], args.timeout), flush=True)
        elif msgs:
            errors += 1
            print("FAIL %-40s %s" % (c["id"], " | ".join(msgs)), flush=True)
        elif not args.quiet:
            print("ok   %-40s [%d/%d] %.1f s" % (c["id"], k, len(selected), seconds), flush=True)
    n_true = sum(1 for c in selected if c["truth"] is True)
    n_false = sum(1 for c in selected if c["truth"] is False)
    print("\n%d claims (%d true, %d false)" % (len(selected), n_true, n_false))
    cats = sorted({k[0] for k in counts})
    for cat in cats:
        print("  %-22s true %3d  false %3d" % (cat, counts.get((cat, True), 0), counts.get((cat, False), 0)))
    print("inconsistencies: %d" % errors)
    print("not re-checked (timeout): %d%s" % (len(unchecked), (" " + " ".join(unchecked)) if unchecked else ""))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
