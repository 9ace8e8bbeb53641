r"""Verification of defined functions without a hand-written reference.

The oracle is the definition itself in mpmath at high precision (:func:`working_digits`: 60
digits plus the decades below one of the smallest input magnitude and twice those above one
of the largest, so neither $\log(1 + 10^{-300})$ nor $\frac{1}{1 + |x|} - \frac{|x|}{(1 + |x|)^2}$
at $|x| = 10^{150}$ cancels); the
gradient's oracle is the derived derivative in mpmath, cross-checked at a few points by
central differences of the definition at the same precision.  Points: ordinary ones
(parameters uniform in $[-3, 3]$, keywords in $[0.5, 2]$, vectors of length 4; each cut to the domain the note
states, ``f.domain``: :func:`ordinary_range`) and
extreme ones (each parameter in turn at $\pm 10^{\pm 300}$, $\pm 10^{\pm 150}$,
$\pm 10, \pm 30, \pm 100, \pm 700$; each ordered pair of scalar parameters at reciprocal magnitudes,
:data:`BALANCED`; each keyword at :data:`KEYWORD_EXTREMES`; each vector parameter scaled whole,
:func:`scaled_vector_points`; several at once, :func:`joint_points`); a point whose truth is not a finite real is skipped,
and an extreme point outside the stated domain is not drawn (:func:`in_domain`),
and an extreme point counts only where the truth is a normal float64: the value's and the gradient's each on its own
(at $x = 10^{-300}$ the value $\log\cosh x = 5 \cdot 10^{-601}$ underflows while the gradient $\tanh x$ is normal).  Where the definition is not computable at
an extreme point (its truth needs more digits than :data:`MAX_DIGITS`: $\log(1 - \sigma(10^{10}))$), the truth
is that of the stabilized definition, equal by the rules' proved identities (:class:`_StableTruths`).
"""
from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field

import mpmath
import numpy as np
import sympy as sp

from derivations.numeric.printers import FormularyMpmathPrinter
from derivations.numeric.verify import FLOOR

N_ORDINARY = 100
"""Ordinary points per function (the issue asks for at least 100)."""
VECTOR_LENGTH = 4
EXTREMES = (1e300, -1e300, 1e-300, -1e-300, 1e150, -1e150, 1e-150, -1e-150, 10.0, -10.0, 30.0, -30.0,
            100.0, -100.0, 700.0, -700.0, 0.0)
FD_POINTS = 3
"""Points per function where the derived gradient is cross-checked by central differences."""


@dataclass
class Errors:
    """Worst normwise relative errors and point counts."""

    ordinary: float = 0.0
    extreme: float = 0.0
    vjp: float = 0.0
    vjp_extreme: float = 0.0
    n_ordinary: int = 0
    n_extreme: int = 0
    n_vjp: int = 0
    fd: float = 0.0
    failed: int = 0
    """Points whose forward error exceeds :data:`FAILED_ABOVE` (the search's tie-break between equal worst errors)."""
    vjp_failed: int = 0
    """The same for the VJP."""
    worst_at: dict = field(default_factory=dict)
    skipped: int = 0
    """Points not counted because the truth there is not a finite real (or, at an extreme point, not a normal float64)."""
    vjp_skipped: int = 0
    ill_conditioned: int = 0
    """Points whose forward error exceeds its target but is explained by the conditioning (:func:`conditioning`):
    counted here, not in the worst errors above."""
    vjp_ill_conditioned: int = 0
    ill_spread: float = 0.0
    """The largest spread of the truth under one-ulp changes of the inputs at those points (forward or VJP)."""
    ill_ratio: float = 0.0
    """The worst error at those points divided by that spread (at most :data:`EXCUSED_WITHIN`)."""
    ill_worst: float = 0.0
    """The worst forward error at the ill-conditioned points (the ablation counts it: exact products gain there)."""
    vjp_ill_worst: float = 0.0


FAILED_ABOVE = 1e-10
"""An error above this (the extreme forward target; the VJP's is 1e-8) counts a point as failed."""

TARGETS = {"ordinary": 1e-12, "extreme": 1e-10, "vjp": 1e-8, "vjp_extreme": 1e-8}
"""The issue's targets per kind of point: an error above its target is judged against the conditioning."""
EXCUSED_WITHIN = 100.0
r"""An error at most this many times the truth's own spread under one-ulp changes of the inputs is what a
backward-stable evaluation gives (a few roundings, each a relative change of the inputs of one ulp, amplified by
the condition number): at a point where that spread exceeds the target (condition number $\times$ eps > tolerance:
$1 + \sin(2 \alpha x)$ at $x = 10^{150}$, where one ulp of $x$ moves $2\alpha x$ by $10^{134}$) the point is
ill-conditioned beyond float64 and counted as such (:attr:`Errors.ill_conditioned`), not against the target."""

MAX_DIGITS = 1000
"""Cap of the working precision (inputs span at most 1e-300 .. 1e300: 60 + 300 + 2 * 300 = 960)."""
ARGUMENT_LIMIT = mpmath.mpf("1e320")
r"""Above every float64: an argument of ``exp``, ``sinh``, ``cosh`` or a circular function beyond it (such as
$e^{10^{300}}$ inside $\exp(-e^{10^{300}})$) only arises in the truth, and mpmath's argument reduction for it
takes minutes at a few hundred digits; such a point's truth counts as not computable (skipped)."""


def _guarded(fn):
    def call(x, *rest):
        if isinstance(x, mpmath.mpf) and mpmath.isfinite(x) and abs(x) > ARGUMENT_LIMIT:
            raise OverflowError(f"{fn.__name__} of an argument beyond {ARGUMENT_LIMIT}")
        return fn(x, *rest)

    call.__name__ = fn.__name__
    return call


INTEGER_EXP_PREC = 600
r"""Above this many bits mpmath computes $e^x$ at an integer-valued $x$ as the power $e^x$ by repeated squaring
(``libelefun.mpf_exp``): 20 ms at $x = \pm 10^{300}$, against 0.5 ms for the same $x$ with a fraction (:func:`_exp`)."""
HALF = mpmath.mpf(0.5)
EXP_GUARD_BITS = 20


def _exp(x):
    r"""$e^x$ as mpmath computes it; at an integer-valued $x \ne 0$ above :data:`INTEGER_EXP_PREC` bits, as
    $e^{x - 1/2} e^{1/2}$ at $\operatorname{mag}(x) + 20$ more bits (so $x - \tfrac12$ is exact) and rounded once:
    mpmath's own argument reduction, 30 to 50 times faster at $|x| \ge 10^{150}$; the same bits as
    ``mpmath.exp`` on every argument of the extreme points tried (``tests/codegen/test_define_check.py``).

    Remembered by argument and precision (:data:`EXP_VALUES`): a truth with sums inside sums (the gradient of a
    divergence between two softmaxes) computes each $e^{a_j}$ once per entry of every enclosing sum, the same bits
    each time; exponentials were 40 % of that search's CPU."""
    if not isinstance(x, mpmath.mpf):
        return _exp_of(x)
    key = (x._mpf_, mpmath.mp.prec)
    value = EXP_VALUES.get(key)
    if value is None:
        if len(EXP_VALUES) >= EXP_VALUES_KEPT:
            EXP_VALUES.clear()
        value = EXP_VALUES[key] = _exp_of(x)
    return value


EXP_VALUES: dict = {}
EXP_VALUES_KEPT = 20000
"""At most this many exponentials remembered (a few hundred bytes each at 1000 digits), then forgotten at once."""


def _exp_of(x):
    """:func:`_exp` without the memory."""
    if isinstance(x, mpmath.mpf) and mpmath.mp.prec > INTEGER_EXP_PREC and x != 0 and mpmath.isint(x):
        with mpmath.workprec(mpmath.mp.prec + max(0, int(mpmath.mag(x))) + EXP_GUARD_BITS):
            y = mpmath.exp(x - HALF) * mpmath.exp(HALF)
        return +y
    return mpmath.exp(x)


def _tanh(x):
    r"""$\tanh x = \pm 1$ to $e^{-2|x|}$: exact at any precision once $|x|$ exceeds ``ARGUMENT_LIMIT``."""
    if isinstance(x, mpmath.mpf) and mpmath.isfinite(x) and abs(x) > ARGUMENT_LIMIT:
        return mpmath.sign(x)
    return mpmath.tanh(x)


class _GuardedMpmath:
    """``mpmath`` for the lambdified truth, with the guarded functions above."""

    exp = staticmethod(_guarded(_exp))
    expm1 = staticmethod(_guarded(mpmath.expm1))
    sinh = staticmethod(_guarded(mpmath.sinh))
    cosh = staticmethod(_guarded(mpmath.cosh))
    sin = staticmethod(_guarded(mpmath.sin))
    cos = staticmethod(_guarded(mpmath.cos))
    tan = staticmethod(_guarded(mpmath.tan))
    tanh = staticmethod(_tanh)

    def __getattr__(self, name):
        return getattr(mpmath, name)


GUARDED_MPMATH = _GuardedMpmath()


_HALF = mpmath.mpf(1) / 2  # exact at every precision


def _heaviside(x, h=_HALF):
    r"""$H(x)$ with $H(0) = h$ (sympy's ``Heaviside(x, h)``); NaN where $x$ is NaN (no truth there)."""
    if x > 0:
        return mpmath.mpf(1)
    if x < 0:
        return mpmath.mpf(0)
    return h if x == 0 else mpmath.nan


def _mp_modules():

    guarded = {name: getattr(GUARDED_MPMATH, name) for name in ("exp", "expm1", "sinh", "cosh", "sin", "cos", "tan", "tanh")}
    return [{"Heaviside": _heaviside, "loggamma": mpmath.loggamma, "digamma": mpmath.digamma,
             "polygamma": mpmath.polygamma, "sign": mpmath.sign, "Max": max, "Min": min, "mpmath": GUARDED_MPMATH, **guarded}, "mpmath"]


def mp_function(args, expr):
    """``expr`` as an mpmath function of ``args`` (arrays as lists); compiled once per arguments and expression
    (:data:`MP_FUNCTIONS`: each candidate of the search is measured against the same truths)."""
    key = (tuple(args), expr)
    if key not in MP_FUNCTIONS:
        if len(MP_FUNCTIONS) >= MP_FUNCTIONS_KEPT:
            MP_FUNCTIONS.clear()
        MP_FUNCTIONS[key] = sp.lambdify(args, expr, modules=_mp_modules(), printer=_mp_printer())
    return MP_FUNCTIONS[key]


def _mp_printer():
    r"""The mpmath printer, with ``Heaviside`` printed as a call of :func:`_heaviside`: sympy's printer otherwise
    rewrites it as a Piecewise and folds that into the Piecewise around it (a VJP selected by ``H(v) > 0``), which
    took 5 s of simplification per gradient of the triplet loss.  ``polygamma(m, x)`` (the derivative of $\log\Gamma$ is
    ``polygamma(0, x)``), which sympy's mpmath printer does not know, is a call of ``mpmath.polygamma``."""
    return FormularyMpmathPrinter({"user_functions": {"Heaviside": "Heaviside", "polygamma": "polygamma"}})


MP_FUNCTIONS: dict = {}
MP_FUNCTIONS_KEPT = 2048


def _args(f):
    return [p.symbol for p in f.params] + [k.symbol for k in f.keywords] + list(f.sizes)


def sample(f, rng, n: int = N_ORDINARY) -> list[dict]:
    """Ordinary points: parameters in [-3, 3], keywords in [0.5, 2], vectors of length 4."""
    pts = []
    for _ in range(n):
        pts.append(_draw(f, rng))
    return pts


def _draw(f, rng, fixed=None):
    """One ordinary point (``fixed`` inputs set as given); where the note relates two names ($0 < k < n$), drawn
    again until the point keeps every relation (:data:`RELATION_DRAWS` times at most)."""
    for _ in range(RELATION_DRAWS if f.relations else 1):
        pt = {}
        for p in f.params:
            shape = (VECTOR_LENGTH,) * len(p.shape)
            lo, hi = ordinary_range(f, p.name, -3.0, 3.0)
            pt[p.name] = rng.uniform(lo, hi, size=shape) if shape else float(rng.uniform(lo, hi))
        for k in f.keywords:
            lo, hi = ordinary_range(f, k.name, 0.5, 2.0)
            pt[k.name] = float(rng.uniform(lo, hi))
        pt.update(fixed or {})
        if _keeps_relations(f, pt):
            break
    return pt


RELATION_DRAWS = 50
"""Draws of one ordinary point at most until it keeps the note's relations between names (two boxes overlapping by
a tenth keep $k < n$ in about one draw of two hundred: what stays outside is left to :func:`in_domain`)."""


def _keeps_relations(f, pt) -> bool:
    """Every relation ``(a, b, strict)`` the note states, $a < b$ (or a <= b), holds at ``pt`` (every entry)."""
    for a, b, strict in f.relations:
        if a not in pt or b not in pt:
            continue
        u, v = np.asarray(pt[a], dtype=float), np.asarray(pt[b], dtype=float)
        if not np.all(u < v if strict else u <= v):
            return False
    return True


ORDINARY_WIDTH = 6.0
"""The width of the ordinary box (that of $[-3, 3]$) taken inside a domain that misses the box."""


def ordinary_range(f, name: str, lo: float, hi: float) -> tuple[float, float]:
    """The ordinary box ``[lo, hi]`` of ``name`` cut to the domain the note states for it (``f.domain``); a domain
    that misses the box gets a box of its own at its bound ($t \\ge 10$: $[10, 16]$).  Where the note states none,
    a name the definition is real only at positive values of (:func:`implied_positive`) is drawn in $(0, hi]$."""
    if name in implied_positive(f.expr) and all(n != name for n, *_ in f.domain):
        return max(lo, 0.0), hi
    for n, dlo, _, dhi, _ in f.domain:
        if n != name:
            continue
        a = lo if dlo is None else max(lo, dlo)
        b = hi if dhi is None else min(hi, dhi)
        if a < b:
            return a, b
        if dlo is not None and dhi is not None:
            return dlo, dhi
        return (dlo, dlo + ORDINARY_WIDTH) if dlo is not None else (dhi - ORDINARY_WIDTH, dhi)
    return lo, hi


def _names_of_positive_product(arg, name_of) -> set:
    r"""The names of ``arg`` where it is a name, or a positive number times whole powers of names ($\log(w_i/v_i)$ of
    a KL divergence between diagonal Gaussians): all of them drawn positive keep the log real (both negative would
    too; the positive draw is the one the formula is written for).  A quotient with any other factor
    ($\log(p/(1 - p))$) implies nothing: its sign is not the names'."""
    c, names = sp.S.One, set()
    for f in sp.Mul.make_args(arg):
        if f.is_number:
            c *= f
            continue
        base, k = f.as_base_exp()
        if name_of(base) is None or not k.is_integer:
            return {name_of(arg)} if name_of(arg) is not None else set()
        names.add(name_of(base))
    return names if c.is_positive else set()


@functools.lru_cache(maxsize=256)
def implied_positive(expr: sp.Expr) -> frozenset[str]:
    r"""Names whose every value (every entry) must be positive for the definition to be real: the parameter itself
    (or its entry) is the argument of a log (or a factor of a product of names there) or the base of a power with an exponent that is not an integer
    ($\log q_i$ of a logit adjustment, $x_i^{p}$ of generalized-mean pooling), outside any case split or max/min (a
    branch may be taken only where it is real).  Drawn at either sign, each of four entries is positive one time in
    sixteen: 1000 draws left about 60 points where the truth is real."""
    out = set()

    def name_of(a):
        if isinstance(a, sp.Indexed):
            return str(a.base.label)
        return str(a) if isinstance(a, sp.Symbol) else None

    def walk(e):
        if isinstance(e, (sp.Piecewise, sp.Max, sp.Min, sp.Heaviside, sp.Abs)):
            return
        if isinstance(e, sp.log):
            out.update(_names_of_positive_product(e.args[0], name_of))
        elif isinstance(e, sp.Pow) and not e.exp.is_integer:
            out.add(name_of(e.base))
        for a in e.args:
            walk(a)

    walk(expr)
    out.discard(None)
    return frozenset(out)


def in_domain(f, pt) -> bool:
    """Every bounded input of the point ``pt`` (every entry of an array) within the domain the note states, its
    relations between names included."""
    for name, lo, lo_open, hi, hi_open in f.domain:
        v = np.asarray(pt[name], dtype=float)
        if lo is not None and not np.all(v > lo if lo_open else v >= lo):
            return False
        if hi is not None and not np.all(v < hi if hi_open else v <= hi):
            return False
    return _keeps_relations(f, pt)


BALANCED = ((1e150, 1e-150), (-1e150, 1e-150), (1e300, 1e-300), (-1e300, 1e-300))
r"""Pairs of reciprocal magnitudes for two scalar parameters at once: their product is about $\pm 1$ (to the
rounding of the decimal inputs), where $1 - t y$ or $e^{\eta} - y \eta$ cancel (:mod:`codegen.rules_exact`)."""


KEYWORD_EXTREMES = (1e300, 1e-300, 1e150, 1e-150)
"""Extreme values of a keyword (a hyperparameter: a scale, a temperature, degrees of freedom), positive only: most
are constrained positive, and a value outside a keyword's domain would rank the candidates on meaningless points."""


def extreme_points(f, rng) -> list[dict]:
    """Each parameter (every element of a vector) in turn at an extreme value, the rest ordinary; each keyword
    at :data:`KEYWORD_EXTREMES`; then each ordered pair of scalar parameters at the reciprocal magnitudes of
    :data:`BALANCED`."""
    pts = []
    for k in f.keywords:
        pts += [_draw(f, rng, {k.name: v}) for v in KEYWORD_EXTREMES]
    scalars = [p for p in f.params if not p.shape]
    for p in scalars:
        for q in scalars:
            if p is not q:
                pts += [_draw(f, rng, {p.name: big, q.name: small}) for big, small in BALANCED]
    for p in f.params:
        for v in EXTREMES:
            shape = (VECTOR_LENGTH,) * len(p.shape)
            if shape:
                arr = rng.uniform(*ordinary_range(f, p.name, -3.0, 3.0), size=shape)
                arr[..., 0] = v
                pts.append(_draw(f, rng, {p.name: arr}))
            else:
                pts.append(_draw(f, rng, {p.name: v}))
    return [pt for pt in pts + scaled_vector_points(f) + joint_points(f) if in_domain(f, pt)]


SAME = ((1e300, 1e300), (1e-300, 1e-300))
"""Pairs of equal extreme magnitudes for two scalar parameters at once (:func:`joint_points`)."""
JOINT_KEYWORD = (1e300, 1e-300)
JOINT_SINGLE = (1e300, -1e300, 1e-300)
JOINT_SEED = 17


def joint_points(f) -> list[dict]:
    r"""Several arguments extreme at once (a generator of their own, as :func:`scaled_vector_points`): each ordered pair
    of scalar parameters at :data:`SAME` and at the widest :data:`BALANCED`; then each keyword at :data:`JOINT_KEYWORD`
    with each scalar parameter at :data:`JOINT_SINGLE`, and with each ordered pair at $(10^{300}, 10^{-300})$ and
    $(10^{-300}, 10^{-300})$.  The Student-t gradient in $s$ at $x = 10^{300}$, $s = 10^{-300}$, $\nu = 10^{-300}$
    cancels in $-\frac1s + \frac{(\nu + 1) d^2}{s(\nu s^2 + d^2)}$ (truth 1) where each alone does not."""
    rng = np.random.default_rng(JOINT_SEED)
    scalars = [p for p in f.params if not p.shape]
    pairs = [(p, q) for p in scalars for q in scalars if p is not q]
    pts = [_draw(f, rng, {p.name: u, q.name: v}) for p, q in pairs for u, v in SAME + BALANCED[2:]]
    for k in f.keywords:
        for kv in JOINT_KEYWORD:
            pts += [_draw(f, rng, {k.name: kv, p.name: v}) for p in scalars for v in JOINT_SINGLE]
            pts += [_draw(f, rng, {k.name: kv, p.name: u, q.name: v}) for p, q in pairs
                    for u, v in ((1e300, 1e-300), (1e-300, 1e-300))]
    return pts


VECTOR_SCALES = (1e300, 1e-300, 1e150, 1e-150)
r"""Magnitudes a whole vector parameter is scaled to (:func:`scaled_vector_points`)."""
SCALED_SEED = 13
"""Seed of the scaled vectors' draws: a generator of their own, so the other points (and the upstream values drawn
after them) are the same as without them."""


def scaled_vector_points(f) -> list[dict]:
    r"""Each vector parameter scaled whole to each of :data:`VECTOR_SCALES` (the others ordinary), then each ordered
    pair of vector parameters at equal and at reciprocal extreme scales: one extreme element shows an overflow of
    a sum of squares, only a whole vector shows that of $\|a\|\,\|b\|$ or of $a \cdot a$ against $a \cdot b$ (the
    gradient of a cosine at $a \sim 10^{300}$, $b \sim 10^{-300}$)."""
    rng = np.random.default_rng(SCALED_SEED)
    vectors = [p for p in f.params if p.shape]

    def scaled(p, v):
        return rng.uniform(*ordinary_range(f, p.name, -3.0, 3.0), size=(VECTOR_LENGTH,) * len(p.shape)) * v

    pts = [_draw(f, rng, {p.name: scaled(p, v)}) for p in vectors for v in VECTOR_SCALES]
    for p in vectors:
        for q in vectors:
            if p is not q:
                pts += [_draw(f, rng, {p.name: scaled(p, u), q.name: scaled(q, v)})
                        for u, v in ((1e300, 1e300), (1e-300, 1e-300), (1e300, 1e-300))]
    return pts


def working_digits(pt) -> int:
    r"""60 digits, plus the decades below one of the smallest non-zero input magnitude
    ($\log(1 + z)$ at $z = 10^{-300}$ needs 300 more), plus twice the decades above one of the
    largest (a square of an input cancelling against a term of order one, as in
    $\sqrt{x^2 + b} - |x|$ or $\frac{1}{1+|x|} - \frac{|x|}{(1+|x|)^2}$, loses up to that many),
    plus the decades of $e^{-|x|}$ for the largest $|x|$ at which that is still a float64 ($|x| < 746$:
    $\log(1 + e^{x})$ at $x = -700$ is $10^{-304}$ and rounds to 0 at 66 digits, so that Mish's gradient there
    came out 0.14 % off); at most :data:`MAX_DIGITS`."""
    mags = [abs(float(x)) for v in pt.values() for x in np.ravel(v) if x != 0 and math.isfinite(float(x))]
    below = max(0, -math.floor(math.log10(min(mags)))) if mags else 0
    above = max(0, math.ceil(math.log10(max(mags)))) if mags else 0
    exp_decades = max((math.ceil(m / math.log(10)) for m in mags if m < EXP_RANGE), default=0)
    return min(60 + below + 2 * above + exp_decades, MAX_DIGITS)


EXP_RANGE = 746.0
"""Beyond it $e^{-|x|}$ underflows to 0 in float64: the generated code cannot hold it, nor need its digits."""


def _mp_args(f, pt):
    out = [mp_array(pt[p.name]) for p in list(f.params) + list(f.keywords)]
    out += [VECTOR_LENGTH for _ in f.sizes]
    return out


def mp_array(v):
    """``v`` in mpmath: a number, a list (a vector, indexed ``x[j]``) or an object array (a matrix, indexed ``W[i, j]``
    as the lambdified truth does: a flat list of its entries made every truth of a matrix parameter fail, so a
    definition over a matrix was certified on 0 points)."""
    if not np.ndim(v):
        return mpmath.mpf(float(v))
    flat = [mpmath.mpf(float(x)) for x in np.ravel(v)]
    if np.ndim(v) == 1:
        return flat
    arr = np.empty(len(flat), dtype=object)
    arr[:] = flat
    return arr.reshape(np.shape(v))


def truth(f, fn, pt, indices, *, confirm: bool = False) -> np.ndarray | None:
    """The function ``fn`` (of the definition's arguments and ``indices``) at every index, or None.

    With ``confirm`` (extreme points) the value is recomputed at more digits (:func:`confirmed`)."""
    def at(digits):
        with mpmath.workdps(digits):
            args = _mp_args(f, pt)
            shape = tuple(VECTOR_LENGTH for _ in indices)
            out = np.empty(shape, dtype=float)
            for pos in np.ndindex(*shape):
                try:
                    v = fn(*args, *pos)
                except (ZeroDivisionError, ValueError, OverflowError, TypeError):
                    return None
                if isinstance(v, mpmath.mpc) or not mpmath.isfinite(v):
                    return None
                out[pos] = float(v) if abs(v) < 1.8e308 else math.inf
            return out

    return confirmed(at, working_digits(pt)) if confirm else at(working_digits(pt))


AGREEMENT = 1e-14
"""Two evaluations of a truth at different precisions agree when within this (normwise, relative) of
each other: well below the 1e-10 the extreme targets ask, well above the rounding to float64."""


def confirmed(at, digits: int):
    r"""``at(digits)``, confirmed at twice the digits (plus 40); where the two disagree, or where a
    value is exactly 0 (a total cancellation rounds to 0 at both), ``at(MAX_DIGITS)``.

    :func:`working_digits` counts the decades of the inputs, not those a formula loses to cancellation:
    $1 - \tanh^2 u$ at $u = 134$ is $10^{-116}$ and rounds to 0 at 64 digits, and the softmax VJP
    $g_k - \sum_i g_i p_i$ at the top of $p \approx (1, e^{-700})$ is 0 at 64 and at 168 digits."""
    first = at(digits)
    more = min(2 * digits + 40, MAX_DIGITS)
    if first is None or more <= digits:
        return first
    if np.any(np.asarray(first) == 0):
        return at(MAX_DIGITS)
    second = at(more)
    if second is None or _agree(first, second):
        return first if second is not None else None
    return at(MAX_DIGITS) if more < MAX_DIGITS else second


def _agree(a, b) -> bool:
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if a.shape != b.shape or not np.array_equal(np.isfinite(a), np.isfinite(b)):
        return False
    fin = np.isfinite(a)
    if not np.array_equal(a[~fin], b[~fin]):
        return False
    scale = float(np.max(np.abs(b[fin]))) if fin.any() else 0.0
    gap = float(np.max(np.abs(a[fin] - b[fin]))) if fin.any() else 0.0
    return gap <= AGREEMENT * scale if scale > 0 else gap == 0.0


def rel_error(got, want) -> float:
    """Normwise: ``max|got - want| / max|want|`` (absolute below the smallest normal)."""
    got, want = np.asarray(got, dtype=float), np.asarray(want, dtype=float)
    if got.shape != want.shape:
        got = np.broadcast_to(got, want.shape) if got.size == 1 else got
    if not np.all(np.isfinite(got)):
        return math.inf
    scale = max(float(np.max(np.abs(want))) if want.size else 0.0, FLOOR)
    return float(np.max(np.abs(got - want))) / scale if want.size else 0.0


def is_normal(want) -> bool:
    a = np.abs(np.asarray(want, dtype=float))
    return bool(np.all(np.isfinite(a))) and float(np.max(a)) >= FLOOR


def upstream_value(f, rng):
    if f.indices:
        return rng.uniform(-1, 1, size=(VECTOR_LENGTH,) * len(f.indices))
    return float(rng.uniform(0.5, 1.5))


def check_function(f, forward, vjp=None, *, seed: int = 0, forward_expr=None) -> Errors:
    """Worst errors of the generated ``forward`` (and ``vjp``) against the definition in mpmath.

    A point whose error exceeds its kind's target (:data:`TARGETS`) is judged against the conditioning there
    (:func:`conditioning`): where one ulp of the inputs alone moves the truth by more than the target and the error
    is within :data:`EXCUSED_WITHIN` times that spread, the point is counted as ill-conditioned
    (:attr:`Errors.ill_conditioned`), not in the worst error; points whose truth is not a finite real (or, extreme,
    not a normal float64) are counted as skipped.  The VJP is measured wherever the value's truth is a finite real, at
    an extreme point also where that value is not a normal float64 (it underflows or overflows), and skipped there
    where its own truth is not a normal float64; outside the definition's domain neither is measured."""
    rng = np.random.default_rng(seed)
    idx = [i for i, _, _ in f.indices]
    fwd_expr = forward_expr if forward_expr is not None else f.expr
    fwd_truth = mp_function(_args(f) + idx, fwd_expr)
    err = Errors()
    ordinary = ordinary_points(f, rng, lambda pt: _truth_of(f, fwd_truth, fwd_expr, "ordinary", pt, idx))
    extreme = extreme_points(f, rng)
    grads, selected = [], []
    if vjp is not None:
        for p, g_expr, kappa in f.gradients:
            grads.append((mp_function(_args(f) + [f.upstream.symbol] + [k for k, _, _ in kappa], g_expr), kappa))
        selected = _selected_gradients(f)
    stable = _stable_truths(f, idx) if forward_expr is None else None
    for kind, pts in (("ordinary", ordinary), ("extreme", extreme)):
        for pt in pts:
            want = _truth_of(f, fwd_truth, fwd_expr, kind, pt, idx)
            if want is None and kind == "extreme" and stable is not None:
                want = stable.forward(pt)
            kw = {k.name: pt[k.name] for k in f.keywords}
            if want is None or (kind == "extreme" and not is_normal(want)):
                err.skipped += 1
                if want is None:  # outside the definition's domain (or not computable): no gradient either
                    continue
            else:
                _count_forward(err, kind, f, forward, pt, kw, want,
                               lambda q, confirm: truth(f, fwd_truth, q, idx, confirm=confirm), fwd_expr)
            if vjp is None:
                continue
            g = upstream_value(f, rng)
            with np.errstate(all="ignore"):
                got_g = vjp(*[pt[p.name] for p in f.params], g, **kw)
            vkey = "vjp" if kind == "ordinary" else "vjp_extreme"
            want_g, used = _vjp_truth(f, grads, pt, g, confirm=kind == "extreme",
                                      key=("vjp", kind, tuple(e for _, e, _ in f.gradients), _point_key(pt),
                                           _point_key({"g": g})),
                                      fallback=selected + ([stable.gradients()] if stable is not None and kind == "extreme"
                                                           else []))
            if want_g is None or (kind == "extreme" and not is_normal(want_g)):
                err.vjp_skipped += 1
                continue
            ge = _vjp_rel_error(used, got_g, want_g)
            if ge > TARGETS[vkey] and kind == "ordinary":
                ge = _confirmed_miss(ge, got_g, lambda used=used, g=g: confirmed(
                    lambda d: _vjp_values(f, used, pt, g, d), working_digits(pt)),
                    ("vjp-confirmed", tuple(e for _, e, _ in f.gradients), _point_key(pt), _point_key({"g": g})),
                    error=lambda got, want, used=used: _vjp_rel_error(used, got, want))
            if ge > TARGETS[vkey] and _excused(err, ge, np.concatenate([np.ravel(np.asarray(v, dtype=float)) for v in got_g]),
                                               lambda q, confirm, used=used, g=g: confirmed(
                                                   lambda d: _vjp_values(f, used, q, g, d), working_digits(q)) if confirm
                                               else _vjp_values(f, used, q, g, working_digits(q)),
                                               ("vjp", tuple(e for _, e, _ in f.gradients), _point_key({"g": g})),
                                               pt, TARGETS[vkey]):
                err.vjp_ill_conditioned += 1
                err.vjp_ill_worst = max(err.vjp_ill_worst, ge)
                continue
            err.n_vjp += 1
            err.vjp_failed += ge > FAILED_ABOVE
            if ge > getattr(err, vkey):
                setattr(err, vkey, ge)
                err.worst_at[vkey] = pt
    return err


def _count_forward(err: Errors, kind: str, f, forward, pt, kw, want, value_at, fwd_expr) -> None:
    """The forward's error at ``pt`` against ``want``, counted in ``err`` (as ill-conditioned where :func:`_excused`)."""
    with np.errstate(all="ignore"):
        got = forward(*[pt[p.name] for p in f.params], **kw)
    e = rel_error(got, want)
    if e > TARGETS[kind] and kind == "ordinary":  # a miss is counted against a confirmed truth (:func:`_confirmed_miss`)
        e = _confirmed_miss(e, got, lambda: value_at(pt, True), ("forward-confirmed", fwd_expr, _point_key(pt)))
    if e > TARGETS[kind] and _excused(err, e, got, value_at, ("forward", fwd_expr), pt, TARGETS[kind]):
        err.ill_conditioned += 1
        err.ill_worst = max(err.ill_worst, e)
        return
    err.failed += e > FAILED_ABOVE
    if kind == "ordinary":
        err.n_ordinary += 1
        if e > err.ordinary:
            err.ordinary, err.worst_at["ordinary"] = e, pt
    else:
        err.n_extreme += 1
        if e > err.extreme:
            err.extreme, err.worst_at["extreme"] = e, pt


def _confirmed_miss(e: float, got, confirmed_truth, key, error=None) -> float:
    r"""The error ``e`` of ``got`` at an ordinary point where it misses its target, measured again against the truth
    confirmed at more digits (:func:`confirmed`, as an extreme point's always is): the working digits count the
    inputs' decades, not the digits a definition loses to cancellation, and $\log(\frac12 + \frac12
    \operatorname{erf}(z))$ at $z = -11.7$ (a skew-normal log-density, $\Phi = 10^{-61}$) came out $4 \cdot 10^{-9}$ off at
    65 digits, a miss charged to a correct ``log_ndtr``.  Only misses pay for the second truth."""
    if key not in _TRUTHS:
        _remember(key, confirmed_truth())
    want = _TRUTHS[key]
    if want is None:
        return e
    return (error or rel_error)(got, want)


MAX_DRAWS = 10 * N_ORDINARY
"""Ordinary draws at most (:func:`ordinary_points`): a domain covering a tenth of the sampling box still gives 100."""


def ordinary_points(f, rng, truth_at, n: int = N_ORDINARY) -> list[dict]:
    r"""``n`` ordinary points (:func:`sample`'s box) whose truth is a finite real, drawn until there are ``n`` or
    :data:`MAX_DRAWS` draws are spent (the points drawn that have none are counted as skipped by the caller): the
    logit's $0 < p < 1$ covers a sixth of $[-3, 3]$, and 100 plain draws left 17 points."""
    out, kept = [], 0
    for _ in range(MAX_DRAWS):
        pt = _draw(f, rng)
        out.append(pt)
        kept += truth_at(pt) is not None
        if kept >= n:
            break
    return out


def _truth_of(f, fn, expr, kind, pt, idx):
    """The forward truth at ``pt`` (cached by expression and point, :data:`_TRUTHS`)."""
    key = ("forward", kind, expr, _point_key(pt))
    if key not in _TRUTHS:
        _remember(key, truth(f, fn, pt, idx, confirm=kind == "extreme"))
    return _TRUTHS[key]


def perturbed_points(pt) -> list[dict]:
    """``pt`` with one input element moved to each of its two neighbouring float64 values in turn."""
    out = []
    for name, v in pt.items():
        arr = np.array(v, dtype=float)
        for pos in np.ndindex(*arr.shape):
            for direction in (math.inf, -math.inf):
                moved = arr.copy()
                moved[pos] = np.nextafter(arr[pos], direction)
                if not math.isfinite(float(moved[pos])) or moved[pos] == arr[pos]:
                    continue
                out.append({**pt, name: moved if arr.shape else float(moved)})
    return out


def conditioning(value_at, pt, want) -> float:
    r"""The truth's spread under one-ulp changes of the inputs: $\max_q \|F(q) - F(p)\| / \|F(p)\|$ (normwise, as
    :func:`rel_error`) over the points $q$ of :func:`perturbed_points`, about the condition number times eps (and more
    where one ulp already leaves the linear regime, as $\sin$ of $10^{150}$ does).  ``value_at(q)`` is the truth at
    ``q`` (None where not computable: that neighbour is left out), confirmed at more digits (:func:`confirmed`) as
    the truths of extreme points are: at the working digits alone the gradient of the inverse Mills ratio at
    $z = -10^{150}$ (two terms of $10^{300}$ that cancel to $-1$) came out $-7 \cdot 10^{236}$ and its neighbours
    $-6 \cdot 10^{238}$, a "spread" of 134 that excused an error of 1 as ill-conditioning."""
    spread = 0.0
    for q in perturbed_points(pt):
        v = value_at(q)
        if v is not None:
            spread = max(spread, rel_error(v, want))
    return spread


def _excused(err: Errors, e: float, got, value_at, key, pt, target: float) -> bool:
    """Whether the error ``e`` above ``target`` is explained by the conditioning at ``pt`` (recorded in ``err``).
    A non-finite output never is; the spread is computed once per truth and point (:data:`_TRUTHS`), from the truths
    at the working digits and, where those would excuse the error, again from confirmed truths (``value_at(q,
    confirm)``), which must excuse it too."""
    if not np.all(np.isfinite(np.asarray(got, dtype=float))):
        return False
    for confirm in (False, True):  # the truths at the working digits first: most errors are not excused even so
        ckey = ("conditioning", confirm, *key, _point_key(pt))
        if ckey not in _TRUTHS:
            base = value_at(pt, confirm)
            _remember(ckey, conditioning(lambda q: value_at(q, confirm), pt, base) if base is not None else 0.0)
        spread = _TRUTHS[ckey]
        if spread <= target or e > EXCUSED_WITHIN * spread:
            return False
    err.ill_spread = max(err.ill_spread, spread)
    err.ill_ratio = max(err.ill_ratio, e / spread)
    return True


_TRUTHS: dict = {}
"""Truths already computed, by expression and point: every candidate of the search is measured at the same
points (same seed), and the truth (at up to :data:`MAX_DIGITS` digits) does not depend on the candidate."""
TRUTHS_KEPT = 20000


def _remember(key, value):
    if len(_TRUTHS) >= TRUTHS_KEPT:
        _TRUTHS.clear()
    _TRUTHS[key] = value


def _point_key(pt) -> tuple:
    return tuple((k, np.asarray(v, dtype=float).tobytes()) for k, v in sorted(pt.items()))


def _stable_truths(f, idx) -> "_StableTruths":
    """The :class:`_StableTruths` of ``f``, one per definition and derivative (its stabilized forms compiled once, not
    once per candidate)."""
    key = ("stable-truths", f.name, f.expr, tuple(p.name for p in f.params), tuple(k.name for k in f.keywords),
           tuple(e for _, e, _ in f.gradients), tuple(idx))
    if key not in _TRUTHS:
        _remember(key, _StableTruths(f, idx))
    return _TRUTHS[key]


class _StableTruths:
    r"""The truth of the stabilized definition (every rule of :data:`codegen.rules.RULES` applied) in mpmath, for
    an extreme point where the definition itself is not computable at the working precision: $\log(1 - \sigma(z))$
    at $z = 10^{10}$ needs $4 \cdot 10^{9}$ digits (and is $-z$ to 4e9 digits).  Each rule rests on an identity the
    checker proves (``tests/codegen/test_rules.py``), so the stabilized form has the same value wherever the
    definition has one; a point where neither is computable stays skipped."""

    def __init__(self, f, idx):
        self.f, self.idx, self._fwd, self._grads = f, idx, None, None

    def forward(self, pt):
        from codegen.rules import stabilize

        key = ("forward-stable", self.f.expr, _point_key(pt))
        if key not in _TRUTHS:
            if self._fwd is None:
                self._fwd = _compiled(lambda: mp_function(_args(self.f) + self.idx, stabilize(self.f.expr)[0]))
            _remember(key, truth(self.f, self._fwd, pt, self.idx, confirm=True) if self._fwd else None)
        return _TRUTHS[key]

    def gradients(self):
        from codegen.rules import stabilize

        if self._grads is None:
            f = self.f
            self._grads = _compiled(lambda: [
                (mp_function(_args(f) + [f.upstream.symbol] + [k for k, _, _ in kappa], stabilize(e)[0]), kappa)
                for _, e, kappa in f.gradients])
        return self._grads or None


def _compiled(build):
    """``build()``, or False where the stabilized form has a node mpmath cannot print."""
    try:
        return build()
    except Exception:  # noqa: BLE001  (lambdify fails in many ways on unknown nodes: no fallback then)
        return False


def _vjp_values(f, grads, pt, g, digits):
    """Every gradient of ``grads`` at ``pt`` with upstream ``g``, at ``digits``, as one vector (None where not a finite
    real float64)."""
    wants = []
    with mpmath.workdps(digits):
        up = mp_array(g)
        args = _mp_args(f, pt)
        for fn, kappa in grads:
            shape = tuple(VECTOR_LENGTH for _ in kappa)
            want = np.empty(shape)
            for pos in np.ndindex(*shape):
                try:
                    v = fn(*args, up, *pos)
                except (ZeroDivisionError, ValueError, OverflowError, TypeError):
                    return None
                if isinstance(v, mpmath.mpc) or not mpmath.isfinite(v) or abs(v) > 1.7e308:
                    return None
                want[pos] = float(v)
            wants.append(np.ravel(want))
    return np.concatenate(wants)


def _selected_gradients(f) -> list:
    r"""The derivative with every step as a selection (:func:`codegen.rules_select.heaviside_select`), as one list of
    mpmath gradients, where that changes it (else no list): the derivative of $\max(u, 0)^{\gamma}$ is
    $\gamma \max(u, 0)^{\gamma} / \max(u, 0) \cdot H(u)$, which is $\frac00 \cdot 0$ where $u < 0$ and the true
    derivative 0 (the function is constant there); the asymmetric loss's VJP truth was nan, and skipped, at 146 of its
    210 points (its generated VJP was nan at them too)."""
    from codegen.rules_select import heaviside_select

    key = ("selected", tuple(g_expr for _, g_expr, _ in f.gradients))
    if key not in _TRUTHS:
        exprs = [heaviside_select(g_expr) for _, g_expr, _ in f.gradients]
        same = all(e == g_expr for e, (_, g_expr, _) in zip(exprs, f.gradients))
        _remember(key, [] if same else [[(mp_function(_args(f) + [f.upstream.symbol] + [k for k, _, _ in kappa], e), kappa)
                                          for e, (_, _, kappa) in zip(exprs, f.gradients)]])
    return _TRUTHS[key]


def _vjp_truth(f, grads, pt, g, *, confirm: bool = False, key=None, fallback=()):
    """``(truth, grads used)``: the VJP's truth at ``pt`` (None where not computable) and the mpmath gradients that gave
    it (``fallback``: other gradients tried in turn where the raw one is not computable, the selected and the stabilized
    derivative).  With ``confirm`` (extreme
    points) the truth is recomputed at more digits (:func:`confirmed`)."""
    def compute(gs):
        def at(digits):
            return _vjp_values(f, gs, pt, g, digits)
        return confirmed(at, working_digits(pt)) if confirm else at(working_digits(pt))

    if key is not None and key in _TRUTHS:
        return _TRUTHS[key]
    want, used = compute(grads), grads
    for other in fallback:
        if want is not None:
            break
        want, used = compute(other), other
    if key is not None:
        _remember(key, (want, used))
    return want, used


def _vjp_rel_error(grads, got, want) -> float:
    """Normwise over the whole VJP (every parameter's gradient as one vector): a gradient that is exactly 0 (a weight's
    when n = 1) is compared at the scale of the others, not at its own."""
    gots = [np.ravel(np.broadcast_to(np.asarray(value, dtype=float), (VECTOR_LENGTH,) * len(kappa)))
            for (_, kappa), value in zip(grads, got)]
    return rel_error(np.concatenate(gots), want)


def finite_difference_check(f, seed: int = 1, points: int = FD_POINTS) -> float:
    r"""Worst relative gap between the derived gradient and central differences of the definition in mpmath."""
    rng = np.random.default_rng(seed)
    idx = [i for i, _, _ in f.indices]
    fwd = mp_function(_args(f) + idx, f.expr)
    worst = 0.0
    for _ in range(points):
        pt = _draw(f, rng)
        g = upstream_value(f, rng)
        with mpmath.workdps(60):
            base = _mp_args(f, pt)
            up = mp_array(g)
            for n, (p, g_expr, kappa) in enumerate(f.gradients):
                gfn = mp_function(_args(f) + [f.upstream.symbol] + [k for k, _, _ in kappa], g_expr)
                shape = tuple(VECTOR_LENGTH for _ in kappa)
                for pos in np.ndindex(*shape):
                    try:
                        sym = gfn(*base, up, *pos)
                        fd = _fd(f, fwd, base, n, pos, up, idx)
                    except (ZeroDivisionError, ValueError, OverflowError, TypeError):
                        continue
                    if isinstance(sym, mpmath.mpc) or isinstance(fd, mpmath.mpc):
                        continue
                    worst = max(worst, float(abs(sym - fd) / max(abs(fd), mpmath.mpf(1e-30))))
    return worst


def _fd(f, fwd, base, n, pos, up, idx):
    h = mpmath.mpf(10) ** -20

    def total(delta):
        args = list(base)
        if pos:
            arr = args[n].copy()
            arr[pos if len(pos) > 1 else pos[0]] += delta
            args[n] = arr
        else:
            args[n] = args[n] + delta
        shape = tuple(VECTOR_LENGTH for _ in idx)
        s = mpmath.mpf(0)
        for opos in np.ndindex(*shape):
            w = (up[opos[0]] if len(opos) == 1 else up[opos]) if opos else up
            s += w * fwd(*args, *opos)
        return s

    return (total(h) - total(-h)) / (2 * h)
