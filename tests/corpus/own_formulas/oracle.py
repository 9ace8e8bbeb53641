"""Independent mpmath oracle for ``examples/own_formulas.md``.

Written by hand for the Formulary project (CC0).  Every forward function is
transcribed from the textbook definition (rewritten only by exact algebraic
identities so that it stays accurate where the naive form cancels), and every
gradient is derived by hand with ordinary calculus.  Nothing here is generated
by, or imports, the project's packages.

Contract
--------
``ORACLES[name]`` is an :class:`Oracle` where

* ``forward(*params, **keywords)`` takes mpmath ``mpf`` scalars (or lists of
  ``mpf`` for the parameters named in ``vectors``) and returns an ``mpf`` or,
  when ``vector_output`` is true, a list of ``mpf``.
* ``grad(*params, g=None, **keywords)`` returns a tuple with one entry per
  parameter, in order (an ``mpf`` for a scalar parameter, a list for a vector
  parameter).  For a scalar output ``g`` is an optional scalar multiplier
  (default 1); for a vector output ``g`` is the required upstream list and the
  result is the vector-Jacobian product.
* ``domain(rng)`` returns a list of sample points (dicts holding every
  parameter and keyword by name) for ordinary inputs; ``rng`` is a
  ``random.Random`` or an integer seed.  All values are exactly representable
  float64 numbers, converted to ``mpf``.
* ``extreme(rng)`` returns points whose inputs reach magnitudes up to 1e+-300
  and where the true forward value (every component, for vector outputs) is a
  normal float64.  Gradient components are guaranteed finite in float64 but
  may lie below the normal range (compare them with an absolute tolerance of
  the smallest normal, 2.2250738585072014e-308).
"""

import math
import random
from dataclasses import dataclass

import mpmath
from mpmath import mp, mpf

mp.dps = 50

FLOAT_MIN_NORMAL = 2.2250738585072014e-308
FLOAT_MAX = 1.7976931348623157e308

# 0.044715 exactly as written in the note (a decimal constant, not a float).
GELU_TANH_COEF = "0.044715"
SELU_LAMBDA = 1.0507009873554805
SELU_ALPHA = 1.6732632423543772


@dataclass(frozen=True)
class Oracle:
    name: str  # the CamelCase name in \mathrm{...}
    params: tuple
    keywords: tuple
    forward: object
    grad: object
    domain: object
    extreme: object
    vectors: tuple = ()
    vector_output: bool = False
    kink: str = ""

    def call(self, point):
        args = [point[p] for p in self.params]
        kw = {k: point[k] for k in self.keywords}
        return self.forward(*args, **kw)

    def call_grad(self, point, g=None):
        args = [point[p] for p in self.params]
        kw = {k: point[k] for k in self.keywords}
        return self.grad(*args, g=g, **kw)


# ---------------------------------------------------------------- helpers


def _rng(rng):
    if isinstance(rng, random.Random):
        return rng
    return random.Random(0 if rng is None else rng)


def _u(rng, lo, hi):
    """A uniform float64 sample, as an exact mpf."""
    return mpf(rng.uniform(lo, hi))


def _vec(rng, n, lo, hi):
    return [_u(rng, lo, hi) for _ in range(n)]


def _away(rng, lo, hi, bad, margin):
    """Uniform sample in [lo, hi] at least `margin` away from every point in `bad`."""
    while True:
        v = rng.uniform(lo, hi)
        if all(abs(v - b) > margin for b in bad):
            return mpf(v)


def _m(v):
    if isinstance(v, (list, tuple)):
        return [mpf(x) for x in v]
    return mpf(v)


def _pts(*dicts):
    return [{k: _m(v) for k, v in d.items()} for d in dicts]


def default_upstream(n):
    """A deterministic upstream gradient of length n for vector outputs."""
    return [mpf((-1) ** i * (1 + i)) / 4 + mpf(1) / 8 for i in range(n)]


def _scale(g):
    return mpf(1) if g is None else g


def sigmoid(x):
    # 1/(1+e^{-x}) keeps full relative accuracy in mpmath for every sign of x
    return 1 / (1 + mp.exp(-x))


def softplus(x):
    return mp.log1p(mp.exp(x))


def _Phi(x):
    if abs(x) < mpf(10) ** 100:
        return mp.erfc(-x / mp.sqrt(2)) / 2
    # mpmath's erfc overflows a float internally for |x| near 1e300.  Here the
    # Mills-ratio series is exact far beyond any working precision we use
    # (truncation error below 1e-600 relative).
    tail = _phi(x) / abs(x) * (1 - 1 / x ** 2 + 3 / x ** 4 - 15 / x ** 6)
    return 1 - tail if x > 0 else tail


def _phi(x):
    return mp.exp(-x * x / 2) / mp.sqrt(2 * mp.pi)


def _sub(a, b):
    """Exact difference of two mpf inputs (no rounding; inputs are float64 values)."""
    return mp.fsub(a, b, exact=True)


def _mul(a, b):
    return mp.fmul(a, b, exact=True)


def _sign(x):
    return 1 if x > 0 else (-1 if x < 0 else 0)


def _softmax(z):
    """Softmax, its log, and for each k the exact complement sum_{j!=k} p_j."""
    m = max(z)
    e = [mp.exp(zi - m) for zi in z]
    s = mp.fsum(e)
    p = [ei / s for ei in e]
    k = z.index(m)
    rest = mp.fsum(e[j] for j in range(len(z)) if j != k)
    logp = [(zi - m) - mp.log1p(rest) for zi in z]
    return p, logp


def _is_normal(v):
    a = abs(v)
    return mpf(FLOAT_MIN_NORMAL) <= a <= mpf(FLOAT_MAX)


def _is_finite64(v):
    return abs(v) <= mpf(FLOAT_MAX)


def _flat(v):
    if isinstance(v, (list, tuple)):
        out = []
        for x in v:
            out.extend(_flat(x))
        return out
    return [v]


def _filter_extreme(params, keywords, forward, grad, vector_output, points):
    kept = []
    for pt in points:
        args = [pt[p] for p in params]
        kw = {k: pt[k] for k in keywords}
        val = forward(*args, **kw)
        if not all(_is_normal(v) for v in _flat(val)):
            continue
        g = default_upstream(len(val)) if vector_output else None
        gr = grad(*args, g=g, **kw)
        if not all(_is_finite64(v) for v in _flat(gr)):
            continue
        kept.append(pt)
    return kept


ORACLES = {}


def _register(key, name, params, keywords, forward, grad, domain, candidates,
              vectors=(), vector_output=False, kink=""):
    def extreme(rng=None):
        return _filter_extreme(params, keywords, forward, grad, vector_output,
                               candidates(_rng(rng)))

    def dom(rng=None):
        return domain(_rng(rng))

    ORACLES[key] = Oracle(name=name, params=tuple(params), keywords=tuple(keywords),
                          forward=forward, grad=grad, domain=dom, extreme=extreme,
                          vectors=tuple(vectors), vector_output=vector_output, kink=kink)


BIG = [1e300, -1e300, 1e150, -1e150, 1e10, -1e10]
SMALL = [1e-300, -1e-300, 1e-150, -1e-150, 5e-324 * 2 ** 60]
MODERATE_NEG = [-10.0, -30.0, -37.0, -100.0, -700.0, -745.0]
MODERATE_POS = [10.0, 30.0, 37.0, 100.0, 700.0, 709.0]


def _scalar_candidates(name="x", extra=(), **kw):
    def cand(rng):
        xs = BIG + SMALL + MODERATE_NEG + MODERATE_POS + list(extra)
        return _pts(*[dict({name: x}, **kw) for x in xs])
    return cand


def _scalar_domain(lo, hi, name="x", count=8, bad=(), margin=1e-2, kwgen=None):
    def dom(rng):
        pts = []
        for _ in range(count):
            d = {name: _away(rng, lo, hi, bad, margin)}
            if kwgen is not None:
                d.update({k: _m(v) for k, v in kwgen(rng).items()})
            pts.append(d)
        return pts
    return dom


# ------------------------------------------------------------- activations

# GELU(x) = x Phi(x)
def gelu(x):
    return x * _Phi(x)


def gelu_grad(x, g=None):
    return (_scale(g) * (_Phi(x) + x * _phi(x)),)


_register("gelu", "GELU", ("x",), (), gelu, gelu_grad,
          _scalar_domain(-5, 5), _scalar_candidates())


# GELUTanh(x) = x/2 (1 + tanh(c (x + 0.044715 x^3))) = x sigma(2u)
def _gelutanh_u(x):
    c = mp.sqrt(2 / mp.pi)
    a = mpf(GELU_TANH_COEF)
    return c * (x + a * x ** 3), c * (1 + 3 * a * x ** 2)


def gelutanh(x):
    u, _ = _gelutanh_u(x)
    return x * sigmoid(2 * u)


def gelutanh_grad(x, g=None):
    u, du = _gelutanh_u(x)
    s, sm = sigmoid(2 * u), sigmoid(-2 * u)
    return (_scale(g) * (s + 2 * x * s * sm * du),)


_register("gelutanh", "GELUTanh", ("x",), (), gelutanh, gelutanh_grad,
          _scalar_domain(-5, 5), _scalar_candidates(extra=[-9.0, -12.0]))


# SiLU(x) = x sigma(x)
def silu(x):
    return x * sigmoid(x)


def silu_grad(x, g=None):
    s = sigmoid(x)
    return (_scale(g) * (s + x * s * sigmoid(-x)),)


_register("silu", "SiLU", ("x",), (), silu, silu_grad,
          _scalar_domain(-8, 8), _scalar_candidates())


# Swish(x) = x sigma(beta x)
def swish(x, beta):
    return x * sigmoid(beta * x)


def swish_grad(x, g=None, beta=None):
    s = sigmoid(beta * x)
    return (_scale(g) * (s + beta * x * s * sigmoid(-beta * x)),)


_register("swish", "Swish", ("x",), ("beta",), swish, swish_grad,
          _scalar_domain(-6, 6, kwgen=lambda r: {"beta": r.uniform(0.1, 3.0)}),
          lambda r: [p for b in (1.0, 0.5, 2.0) for p in _scalar_candidates(beta=b)(r)])


# Mish(x) = x tanh(softplus(x)); with n = e^x (e^x + 2): tanh(softplus x) = n/(n+2)
def _mish_n(x):
    e = mp.exp(x)
    return e * (e + 2)


def mish(x):
    n = _mish_n(x)
    return x * n / (n + 2)


def mish_grad(x, g=None):
    n = _mish_n(x)
    t = n / (n + 2)
    sech2 = 4 * (n + 1) / (n + 2) ** 2
    return (_scale(g) * (t + x * sech2 * sigmoid(x)),)


_register("mish", "Mish", ("x",), (), mish, mish_grad,
          _scalar_domain(-6, 6), _scalar_candidates())


# ELU(x) = x if x > 0 else alpha (e^x - 1)
def elu(x, alpha):
    return x if x > 0 else alpha * mp.expm1(x)


def elu_grad(x, g=None, alpha=None):
    return (_scale(g) * (mpf(1) if x > 0 else alpha * mp.exp(x)),)


_register("elu", "ELU", ("x",), ("alpha",), elu, elu_grad,
          _scalar_domain(-5, 5, bad=(0,), kwgen=lambda r: {"alpha": r.uniform(0.1, 2.0)}),
          lambda r: [p for a in (1.0, 0.5) for p in _scalar_candidates(alpha=a)(r)],
          kink="x = 0 takes the x <= 0 branch: ELU(0) = 0, gradient alpha")


# SELU(x) = lambda * (x if x > 0 else alpha (e^x - 1))
def selu(x, lambda_, alpha):
    return lambda_ * (x if x > 0 else alpha * mp.expm1(x))


def selu_grad(x, g=None, lambda_=None, alpha=None):
    return (_scale(g) * lambda_ * (mpf(1) if x > 0 else alpha * mp.exp(x)),)


def _selu_kw(r):
    if r.random() < 0.5:
        return {"lambda_": SELU_LAMBDA, "alpha": SELU_ALPHA}
    return {"lambda_": r.uniform(0.5, 2.0), "alpha": r.uniform(0.5, 2.0)}


_register("selu", "SELU", ("x",), ("lambda_", "alpha"), selu, selu_grad,
          _scalar_domain(-5, 5, bad=(0,), kwgen=_selu_kw),
          _scalar_candidates(lambda_=SELU_LAMBDA, alpha=SELU_ALPHA),
          kink="x = 0 takes the x <= 0 branch: SELU(0) = 0, gradient lambda*alpha")


# Softsign(x) = x / (1 + |x|)
def softsign(x):
    return x / (1 + abs(x))


def softsign_grad(x, g=None):
    return (_scale(g) / (1 + abs(x)) ** 2,)


_register("softsign", "Softsign", ("x",), (), softsign, softsign_grad,
          _scalar_domain(-6, 6), _scalar_candidates(),
          kink="|x| at 0: the gradient is continuous there (value 1); no convention needed")


# SoftCap(x) = gamma tanh(x / gamma)
def softcap(x, gamma):
    return gamma * mp.tanh(x / gamma)


def softcap_grad(x, g=None, gamma=None):
    return (_scale(g) / mp.cosh(x / gamma) ** 2,)


_register("softcap", "SoftCap", ("x",), ("gamma",), softcap, softcap_grad,
          _scalar_domain(-50, 50, kwgen=lambda r: {"gamma": r.uniform(1.0, 30.0)}),
          lambda r: [p for c in (30.0, 1e-300, 1e300) for p in _scalar_candidates(gamma=c)(r)])


# SquarePlus(x) = (x + sqrt(x^2 + b)) / 2; for x < 0 use b / (2 (sqrt(x^2+b) - x))
def squareplus(x, b):
    r = mp.sqrt(x * x + b)
    if x >= 0:
        return (x + r) / 2
    return b / (2 * (r - x))


def squareplus_grad(x, g=None, b=None):
    r = mp.sqrt(x * x + b)
    if x >= 0:
        d = (1 + x / r) / 2
    else:
        d = b / (2 * r * (r - x))
    return (_scale(g) * d,)


_register("squareplus", "SquarePlus", ("x",), ("b",), squareplus, squareplus_grad,
          _scalar_domain(-6, 6, kwgen=lambda r: {"b": r.uniform(0.05, 4.0)}),
          lambda r: [p for c in (4.0, 1e-300, 1e300) for p in _scalar_candidates(b=c)(r)])


# Snake(x) = x + sin^2(alpha x) / alpha
def snake(x, alpha):
    return x + mp.sin(alpha * x) ** 2 / alpha


def snake_grad(x, g=None, alpha=None):
    return (_scale(g) * (1 + mp.sin(2 * alpha * x)),)


_register("snake", "Snake", ("x",), ("alpha",), snake, snake_grad,
          _scalar_domain(-6, 6, kwgen=lambda r: {"alpha": r.uniform(0.2, 3.0)}),
          lambda r: [p for a in (0.5, 1.0) for p in _scalar_candidates(alpha=a)(r)])


# LogSigmoid(x) = log sigma(x) = -softplus(-x)
def logsigmoid(x):
    return -softplus(-x)


def logsigmoid_grad(x, g=None):
    return (_scale(g) * sigmoid(-x),)


_register("logsigmoid", "LogSigmoid", ("x",), (), logsigmoid, logsigmoid_grad,
          _scalar_domain(-10, 10), _scalar_candidates())


# Logit(p) = log(p / (1 - p)), 0 < p < 1
def logit(p):
    return mp.log(p) - mp.log1p(-p)


def logit_grad(p, g=None):
    return (_scale(g) / (p * (1 - p)),)


def _logit_dom(rng):
    return [{"p": _away(rng, 0.001, 0.999, (0.5,), 1e-3)} for _ in range(8)]


_register("logit", "Logit", ("p",), (), logit, logit_grad, _logit_dom,
          lambda r: _pts(*[{"p": v} for v in (1e-300, 1e-150, 1e-10, 0.25, 0.75,
                                                 1 - 2.0 ** -53, 1 - 2.0 ** -30, 5e-324 * 2 ** 60)]))


# Log1mExp(x) = log(1 - e^{-x}), x > 0
def log1mexp(x):
    if x <= mp.log(2):
        return mp.log(-mp.expm1(-x))
    return mp.log1p(-mp.exp(-x))


def log1mexp_grad(x, g=None):
    return (_scale(g) / mp.expm1(x),)


_register("log1mexp", "Log1mExp", ("x",), (), log1mexp, log1mexp_grad,
          _scalar_domain(0.01, 8), 
          lambda r: _pts(*[{"x": v} for v in (1e-300, 1e-150, 1e-10, 0.5, math.log(2), 1.0,
                                                 30.0, 700.0, 1e10, 1e300)]))


# GumbelCDF(x) = exp(-exp(-(x - mu)/beta))
def gumbelcdf(x, mu, beta):
    return mp.exp(-mp.exp(-_sub(x, mu) / beta))


def gumbelcdf_grad(x, g=None, mu=None, beta=None):
    z = _sub(x, mu) / beta
    return (_scale(g) * mp.exp(-z - mp.exp(-z)) / beta,)


_register("gumbelcdf", "GumbelCDF", ("x",), ("mu", "beta"), gumbelcdf, gumbelcdf_grad,
          _scalar_domain(-4, 8, kwgen=lambda r: {"mu": r.uniform(-1, 1), "beta": r.uniform(0.3, 3)}),
          # candidates with (x - mu)/beta < -1e4 are dropped before evaluation:
          # there the value exp(-exp(1e4)) is far below float64 and mpmath cannot
          # form the doubly exponential number.
          lambda r: [p for mu, be in ((0.0, 1.0), (1e300, 1e300), (0.0, 1e-300))
                     for p in _scalar_candidates(mu=mu, beta=be, extra=[-5.0, -6.5])(r)
                     if (p["x"] - p["mu"]) / p["beta"] > -10000])


# BiasCorrection(m) = m / (1 - beta^t)
def _bc_den(beta, t):
    return -mp.expm1(t * mp.log(beta))


def biascorrection(m, beta, t):
    return m / _bc_den(beta, t)


def biascorrection_grad(m, g=None, beta=None, t=None):
    return (_scale(g) / _bc_den(beta, t),)


_register("biascorrection", "BiasCorrection", ("m",), ("beta", "t"), biascorrection,
          biascorrection_grad,
          _scalar_domain(-3, 3, name="m", kwgen=lambda r: {"beta": r.choice([0.9, 0.99, 0.999, r.uniform(0.5, 0.9999)]),
                                                            "t": float(r.randint(1, 2000))}),
          lambda r: [p for be, t in ((0.9, 1.0), (0.999, 1.0), (0.999, 10000.0))
                     for p in _scalar_candidates(name="m", beta=be, t=t)(r)])


# ------------------------------------------------------------------ losses

# LogCosh(x) = log cosh x = log1p(2 sinh^2(x/2))
def logcosh(x):
    return mp.log1p(2 * mp.sinh(x / 2) ** 2)


def logcosh_grad(x, g=None):
    return (_scale(g) * mp.tanh(x),)


_register("logcosh", "LogCosh", ("x",), (), logcosh, logcosh_grad,
          _scalar_domain(-6, 6), _scalar_candidates())


# HuberLoss(x) = x^2/2 if |x| <= delta else delta (|x| - delta/2)
def huberloss(x, delta):
    if abs(x) <= delta:
        return x * x / 2
    return delta * (abs(x) - delta / 2)


def huberloss_grad(x, g=None, delta=None):
    if abs(x) <= delta:
        return (_scale(g) * x,)
    return (_scale(g) * delta * _sign(x),)


def _huber_dom(rng):
    pts = []
    for _ in range(8):
        d = rng.uniform(0.2, 2.0)
        pts.append({"x": _away(rng, -4, 4, (d, -d), 1e-2), "delta": mpf(d)})
    return pts


_register("huberloss", "HuberLoss", ("x",), ("delta",), huberloss, huberloss_grad,
          _huber_dom, _scalar_candidates(delta=1.0),
          kink="|x| = delta takes the quadratic branch; the gradient is continuous there (x = +-delta)")


# SmoothL1(x) = x^2/(2 beta) if |x| < beta else |x| - beta/2
def smoothl1(x, beta):
    if abs(x) < beta:
        return x * x / (2 * beta)
    return abs(x) - beta / 2


def smoothl1_grad(x, g=None, beta=None):
    if abs(x) < beta:
        return (_scale(g) * x / beta,)
    return (_scale(g) * _sign(x),)


def _sl1_dom(rng):
    pts = []
    for _ in range(8):
        b = rng.uniform(0.2, 2.0)
        pts.append({"x": _away(rng, -4, 4, (b, -b), 1e-2), "beta": mpf(b)})
    return pts


_register("smoothl1", "SmoothL1", ("x",), ("beta",), smoothl1, smoothl1_grad,
          _sl1_dom, lambda r: _scalar_candidates(beta=1.0)(r) + _scalar_candidates(beta=1e-300)(r),
          kink="|x| = beta takes the linear branch; the gradient is continuous there (sign x)")


# Charbonnier(x) = sqrt(x^2 + epsilon^2)
def charbonnier(x, epsilon):
    return mp.sqrt(x * x + epsilon * epsilon)


def charbonnier_grad(x, g=None, epsilon=None):
    return (_scale(g) * x / mp.sqrt(x * x + epsilon * epsilon),)


_register("charbonnier", "Charbonnier", ("x",), ("epsilon",), charbonnier, charbonnier_grad,
          _scalar_domain(-4, 4, kwgen=lambda r: {"epsilon": r.choice([1e-3, 1e-6, r.uniform(0.01, 1)])}),
          lambda r: _scalar_candidates(epsilon=1e-3)(r) + _scalar_candidates(epsilon=1e-300)(r))


# SquaredHinge(y, t) = max(0, 1 - t y)^2
def squaredhinge(y, t):
    return max(mpf(0), +_sub(1, _mul(t, y))) ** 2


def squaredhinge_grad(y, t, g=None):
    h = max(mpf(0), +_sub(1, _mul(t, y)))
    return (_scale(g) * (-2 * t * h), _scale(g) * (-2 * y * h))


def _sqh_dom(rng):
    pts = []
    for _ in range(8):
        t = rng.choice([-1.0, 1.0, rng.uniform(-2, 2)])
        pts.append({"y": _u(rng, -3, 3), "t": mpf(t)})
    return pts


def _sqh_cand(rng):
    ys = [1e150, -1e150, 1e-300, -1e-300, 1e10, -1e10, 0.5, 2.0, 1e300]
    return _pts(*[{"y": y, "t": t} for y in ys for t in (1.0, -1.0, 1e-300, -1e-150)])


_register("squaredhinge", "SquaredHinge", ("y", "t"), (), squaredhinge, squaredhinge_grad,
          _sqh_dom, _sqh_cand,
          kink="t y = 1: value and gradient are both 0 from either side (C^1)")


# FocalLoss(z, y) = -alpha y (1-sigma(z))^gamma log sigma(z)
#                   - (1-alpha)(1-y) sigma(z)^gamma log(1 - sigma(z))
def focalloss(z, y, gamma, alpha):
    p, q = sigmoid(z), sigmoid(-z)
    lp, lq = -softplus(-z), -softplus(z)
    return -alpha * y * q ** gamma * lp - (1 - alpha) * (1 - y) * p ** gamma * lq


def focalloss_grad(z, y, g=None, gamma=None, alpha=None):
    p, q = sigmoid(z), sigmoid(-z)
    lp, lq = -softplus(-z), -softplus(z)
    dz = (-alpha * y * q ** gamma * (q - gamma * p * lp)
          - (1 - alpha) * (1 - y) * p ** gamma * (gamma * q * lq - p))
    dy = -alpha * q ** gamma * lp + (1 - alpha) * p ** gamma * lq
    return (_scale(g) * dz, _scale(g) * dy)


def _focal_dom(rng):
    pts = []
    for _ in range(8):
        pts.append({"z": _u(rng, -5, 5), "y": mpf(rng.choice([0.0, 1.0, rng.uniform(0, 1)])),
                    "gamma": mpf(rng.choice([0.0, 2.0, rng.uniform(0.0, 4.0)])),
                    "alpha": _u(rng, 0.05, 0.95)})
    return pts


def _focal_cand(rng):
    zs = [1e300, -1e300, 1e10, -1e10, 1e-300, -1e-300, 30.0, -30.0, 700.0, -700.0]
    return _pts(*[{"z": z, "y": y, "gamma": 2.0, "alpha": 0.25} for z in zs for y in (0.0, 1.0)])


_register("focalloss", "FocalLoss", ("z", "y"), ("gamma", "alpha"), focalloss, focalloss_grad,
          _focal_dom, _focal_cand)


# GaussianNLL(x, mu, v) = 1/2 (log 2 pi + v + (x - mu)^2 e^{-v})
def gaussiannll(x, mu, v):
    return (mp.log(2 * mp.pi) + v + _sub(x, mu) ** 2 * mp.exp(-v)) / 2


def gaussiannll_grad(x, mu, v, g=None):
    d = _sub(x, mu)
    dx = d * mp.exp(-v)
    dv = (1 - d * d * mp.exp(-v)) / 2
    return (_scale(g) * dx, -_scale(g) * dx, _scale(g) * dv)


def _gnll_dom(rng):
    return [{"x": _u(rng, -3, 3), "mu": _u(rng, -3, 3), "v": _u(rng, -3, 3)} for _ in range(8)]


def _gnll_cand(rng):
    return _pts(
        {"x": 1e150, "mu": -1e150, "v": 0.0},
        {"x": 1e150, "mu": 0.0, "v": 300.0},
        {"x": 1e-300, "mu": 0.0, "v": 5.0},
        {"x": 1e-300, "mu": -1e-300, "v": -600.0},
        {"x": 1.0, "mu": 0.0, "v": 1e300},
        {"x": 1e300, "mu": 1e300, "v": 3.0},
        {"x": 1e10, "mu": -1e10, "v": -100.0},
        {"x": 0.5, "mu": 1e-150, "v": -1e2},
    )


_register("gaussiannll", "GaussianNLL", ("x", "mu", "v"), (), gaussiannll, gaussiannll_grad,
          _gnll_dom, _gnll_cand)


# PoissonNLL(eta, y) = e^eta - y eta
def poissonnll(eta, y):
    return mp.exp(eta) - y * eta


def poissonnll_grad(eta, y, g=None):
    return (_scale(g) * (mp.exp(eta) - y), -_scale(g) * eta)


def _pnll_dom(rng):
    return [{"eta": _u(rng, -3, 3), "y": mpf(rng.choice([0.0, 1.0, 3.0, rng.uniform(0, 5)]))}
            for _ in range(8)]


def _pnll_cand(rng):
    return _pts(*[{"eta": e, "y": y} for e in (690.0, 700.0, -1e300, -1e150, -700.0, 1e-300, 10.0, -10.0)
                  for y in (0.0, 0.5, 1e300, 1e-300)])


_register("poissonnll", "PoissonNLL", ("eta", "y"), (), poissonnll, poissonnll_grad,
          _pnll_dom, _pnll_cand)


# BernoulliKL(a, b) = KL(Bern(sigma(a)) || Bern(sigma(b))) from logits a, b:
#   sigma(a) (softplus(-b) - softplus(-a)) + sigma(-a) (softplus(b) - softplus(a))
def bernoullikl(a, b):
    return (sigmoid(a) * (softplus(-b) - softplus(-a))
            + sigmoid(-a) * (softplus(b) - softplus(a)))


def bernoullikl_grad(a, b, g=None):
    da = sigmoid(a) * sigmoid(-a) * _sub(a, b)
    # sigma(b) - sigma(a), taken on the side where both terms are small
    if a >= 0 and b >= 0:
        db = sigmoid(-a) - sigmoid(-b)
    else:
        db = sigmoid(b) - sigmoid(a)
    return (_scale(g) * da, _scale(g) * db)


def _bkl_dom(rng):
    pts = []
    for _ in range(8):
        a = rng.uniform(-5, 5)
        pts.append({"a": mpf(a), "b": _away(rng, -5, 5, (a,), 0.05)})
    return pts


def _bkl_cand(rng):
    vals = [1e300, -1e300, 1e10, -1e10, 30.0, -30.0, 700.0, -700.0, 0.0, 1e-300]
    return _pts(*[{"a": a, "b": b} for a in vals for b in vals if a != b])


_register("bernoullikl", "BernoulliKL", ("a", "b"), (), bernoullikl, bernoullikl_grad,
          _bkl_dom, _bkl_cand)


# StudentTLogPdf(x, mu, s) with nu degrees of freedom
def _student_const(nu):
    """log Gamma((nu+1)/2) - log Gamma(nu/2) - log(nu pi)/2, computed exactly.

    For huge nu the three terms are ~nu log nu and cancel to ~-log(2 pi)/2, so
    they are evaluated with as many extra digits as their magnitude has.
    """
    big = abs(mp.loggamma(nu / 2)) + abs(mp.log(nu))
    extra = int(mp.log10(big + 1)) + 10 if big > 1 else 10
    with mp.extradps(extra):
        c = mp.loggamma((nu + 1) / 2) - mp.loggamma(nu / 2) - mp.log(nu * mp.pi) / 2
    return +c


def studenttlogpdf(x, mu, s, nu):
    d = _sub(x, mu)
    return _student_const(nu) - mp.log(s) - (nu + 1) / 2 * mp.log1p(d * d / (nu * s * s))


def studenttlogpdf_grad(x, mu, s, g=None, nu=None):
    d = _sub(x, mu)
    den = nu * s * s + d * d
    dx = -(nu + 1) * d / den
    ds = nu * _sub(_mul(d, d), _mul(s, s)) / (s * den)
    return (_scale(g) * dx, -_scale(g) * dx, _scale(g) * ds)


def _st_dom(rng):
    pts = []
    for _ in range(8):
        s = rng.uniform(0.3, 3)
        mu = rng.uniform(-2, 2)
        x = rng.uniform(-4, 4)
        if abs(abs(x - mu) - s) < 1e-2:
            x += 0.1
        pts.append({"x": mpf(x), "mu": mpf(mu), "s": mpf(s),
                    "nu": mpf(rng.choice([1.0, 3.0, rng.uniform(0.5, 30)]))})
    return pts


def _st_cand(rng):
    return _pts(*[{"x": x, "mu": 0.0, "s": s, "nu": nu}
                  for x in (1e300, -1e300, 1e150, 1e-300, 0.0, 3.0)
                  for s in (1.0, 1e-300, 1e300, 1e-150)
                  for nu in (3.0, 1e300, 1e-300)])


_register("studenttlogpdf", "StudentTLogPdf", ("x", "mu", "s"), ("nu",), studenttlogpdf,
          studenttlogpdf_grad, _st_dom, _st_cand)


# LaplaceLogPdf(x, mu, b) = -log(2b) - |x - mu| / b
def laplacelogpdf(x, mu, b):
    return -mp.log(2 * b) - abs(_sub(x, mu)) / b


def laplacelogpdf_grad(x, mu, b, g=None):
    d = _sub(x, mu)
    sg = _sign(d)
    return (-_scale(g) * sg / b, _scale(g) * sg / b, _scale(g) * _sub(d if d >= 0 else mp.fneg(d, exact=True), b) / (b * b))


def _lap_dom(rng):
    pts = []
    for _ in range(8):
        mu = rng.uniform(-2, 2)
        b = rng.uniform(0.3, 3)
        x = _away(rng, -4, 4, (mu, mu - b, mu + b), 1e-2)
        pts.append({"x": x, "mu": mpf(mu), "b": mpf(b)})
    return pts


def _lap_cand(rng):
    return _pts(*[{"x": x, "mu": mu, "b": b}
                  for x in (1e300, -1e300, 1e-300, 5.0)
                  for mu in (0.0, 1e150)
                  for b in (1.0, 1e-300, 1e300, 1e150)])


_register("laplacelogpdf", "LaplaceLogPdf", ("x", "mu", "b"), (), laplacelogpdf,
          laplacelogpdf_grad, _lap_dom, _lap_cand,
          kink="x = mu uses sign(0) = 0: d/dx = d/dmu = 0 and d/db = -1/b")


# ------------------------------------------------------------ vector forms

# RMSNorm(x, w)_i = w_i x_i / sqrt(1/n sum_j x_j^2 + epsilon)
def _rms(x, epsilon):
    n = len(x)
    return mp.sqrt(mp.fsum(xj * xj for xj in x) / n + epsilon)


def rmsnorm(x, w, epsilon):
    r = _rms(x, epsilon)
    return [wi * xi / r for wi, xi in zip(w, x)]


def rmsnorm_grad(x, w, g=None, epsilon=None):
    n = len(x)
    r = _rms(x, epsilon)
    c = mp.fsum(gi * wi * xi for gi, wi, xi in zip(g, w, x))
    dx = [gk * wk / r - c * xk / (n * r ** 3) for gk, wk, xk in zip(g, w, x)]
    dw = [gk * xk / r for gk, xk in zip(g, x)]
    return (dx, dw)


def _rms_dom(rng):
    pts = []
    for _ in range(6):
        n = rng.randint(1, 5)
        pts.append({"x": _vec(rng, n, -3, 3), "w": _vec(rng, n, 0.2, 2),
                    "epsilon": mpf(rng.choice([1e-5, 1e-6, rng.uniform(0.01, 1)]))})
    return pts


def _rms_cand(rng):
    return _pts(
        {"x": [1e300, -3e299, 2e299], "w": [1.0, 2.0, 0.5], "epsilon": 1e-5},
        {"x": [1e-300, 2e-300, -5e-301], "w": [1.0, 2.0, 0.5], "epsilon": 1e-300},
        {"x": [1e-300, 2e-300], "w": [1.0, 1e300], "epsilon": 1e-6},
        {"x": [1e150, -1e150, 3e149, 1.0e150], "w": [1.0, 1.0, 1.0, 1.0], "epsilon": 1e-5},
        {"x": [-1e-150, 1e-150], "w": [1e-150, 3.0], "epsilon": 1e-300},
    )


_register("rmsnorm", "RMSNorm", ("x", "w"), ("epsilon",), rmsnorm, rmsnorm_grad,
          _rms_dom, _rms_cand, vectors=("x", "w"), vector_output=True)


# Softmin(x)_i = e^{-x_i} / sum_j e^{-x_j}
def softmin(x):
    p, _ = _softmax([-xi for xi in x])
    return p


def _softmax_vjp(p, g):
    # p_k (g_k - sum_i g_i p_i) written as p_k sum_i p_i (g_k - g_i): equal because
    # sum_i p_i = 1, and free of the cancellation of the first form when one p_i ~ 1
    return [pk * mp.fsum(pi * _sub(gk, gi) for pi, gi in zip(p, g)) for pk, gk in zip(p, g)]


def softmin_grad(x, g=None):
    p = softmin(x)
    return ([-v for v in _softmax_vjp(p, g)],)


def _vec_dom(lo, hi, count=6, **kwgens):
    def dom(rng):
        pts = []
        for _ in range(count):
            n = rng.randint(1, 5)
            d = {"x": _vec(rng, n, lo, hi)}
            for k, gen in kwgens.items():
                d[k] = mpf(gen(rng))
            pts.append(d)
        return pts
    return dom


def _softvec_cand(**kw):
    def cand(rng):
        return _pts(*[dict({"x": x}, **kw) for x in (
            [1e300, 1e300], [-1e300, -1e300, -1e300], [1e-300, -1e-300, 2e-300],
            [1e150, 1e150, 1e150], [0.0, 1e-150], [700.0, 0.0, 30.0], [-700.0, 0.0, -30.0],
            [1e10, 1e10 + 1.0, 1e10 - 2.0])])
    return cand


_register("softmin", "Softmin", ("x",), (), softmin, softmin_grad,
          _vec_dom(-4, 4), _softvec_cand(), vectors=("x",), vector_output=True)


# TemperatureSoftmax(x)_i = exp(x_i / tau) / sum_j exp(x_j / tau)
def temperaturesoftmax(x, tau):
    p, _ = _softmax([xi / tau for xi in x])
    return p


def temperaturesoftmax_grad(x, g=None, tau=None):
    p = temperaturesoftmax(x, tau)
    return ([v / tau for v in _softmax_vjp(p, g)],)


def _tsm_cand(rng):
    out = []
    for tau in (1.0, 1e300, 1e-300, 0.07):
        out += _softvec_cand(tau=tau)(rng)
    out += _pts({"x": [1.0, 2.0, -3.0], "tau": 1e300}, {"x": [1e300, -1e300], "tau": 1e300})
    return out


_register("temperaturesoftmax", "TemperatureSoftmax", ("x",), ("tau",), temperaturesoftmax,
          temperaturesoftmax_grad, _vec_dom(-4, 4, tau=lambda r: r.uniform(0.1, 3)),
          _tsm_cand, vectors=("x",), vector_output=True)


# CosineSimilarity(a, b) = sum a_i b_i / (sqrt(sum a_i^2) sqrt(sum b_i^2))
def _cos_parts(a, b):
    na = mp.sqrt(mp.fsum(x * x for x in a))
    nb = mp.sqrt(mp.fsum(x * x for x in b))
    dot = mp.fsum(x * y for x, y in zip(a, b))
    return na, nb, dot


def cosinesimilarity(a, b):
    na, nb, dot = _cos_parts(a, b)
    return dot / (na * nb)


def cosinesimilarity_grad(a, b, g=None):
    na, nb, dot = _cos_parts(a, b)
    c = dot / (na * nb)
    da = [_scale(g) * (bk / (na * nb) - c * ak / (na * na)) for ak, bk in zip(a, b)]
    db = [_scale(g) * (ak / (na * nb) - c * bk / (nb * nb)) for ak, bk in zip(a, b)]
    return (da, db)


def _cos_dom(rng):
    pts = []
    for _ in range(6):
        n = rng.randint(2, 5)
        pts.append({"a": _vec(rng, n, -3, 3), "b": _vec(rng, n, -3, 3)})
    return pts


def _cos_cand(rng):
    return _pts(
        {"a": [1e300, -1e300, 5e299], "b": [1e-300, 2e-300, -1e-300]},
        {"a": [1e300, 1e300], "b": [1e300, -5e299]},
        {"a": [1e-300, 3e-300], "b": [-2e-300, 1e-300]},
        {"a": [1e150, 2.0, -1e150], "b": [3.0, 1e-150, 1.0]},
        {"a": [1.0, 2.0, 3.0], "b": [1e300, -1e300, 2e299]},
    )


_register("cosinesimilarity", "CosineSimilarity", ("a", "b"), (), cosinesimilarity,
          cosinesimilarity_grad, _cos_dom, _cos_cand, vectors=("a", "b"))


# LabelSmoothedCE(z, y) = -sum_i ((1-eps) y_i + eps/n) (z_i - log sum_j e^{z_j})
def labelsmoothedce(z, y, epsilon):
    n = len(z)
    _, logp = _softmax(z)
    return -mp.fsum(((1 - epsilon) * yi + epsilon / n) * lp for yi, lp in zip(y, logp))


def labelsmoothedce_grad(z, y, g=None, epsilon=None):
    n = len(z)
    p, logp = _softmax(z)
    t = [(1 - epsilon) * yi + epsilon / n for yi in y]
    tt = mp.fsum(t)
    dz = [_scale(g) * (tt * pk - tk) for pk, tk in zip(p, t)]
    dy = [-_scale(g) * (1 - epsilon) * lp for lp in logp]
    return (dz, dy)


def _lsce_dom(rng):
    pts = []
    for _ in range(6):
        n = rng.randint(2, 5)
        if rng.random() < 0.5:
            k = rng.randrange(n)
            y = [1.0 if i == k else 0.0 for i in range(n)]
        else:
            y = [rng.uniform(0, 1) for _ in range(n)]
        pts.append({"z": _vec(rng, n, -4, 4), "y": _m(y),
                    "epsilon": mpf(rng.choice([0.1, 0.0, rng.uniform(0, 0.5)]))})
    return pts


def _lsce_cand(rng):
    return _pts(
        {"z": [1e300, 0.0, -1e300], "y": [1.0, 0.0, 0.0], "epsilon": 0.1},
        {"z": [1e300, 0.0, -1e300], "y": [0.0, 1.0, 0.0], "epsilon": 0.1},
        {"z": [1e-300, -1e-300], "y": [1.0, 0.0], "epsilon": 0.1},
        {"z": [1e150, 1e150, -1e150], "y": [0.5, 0.5, 0.0], "epsilon": 0.2},
        {"z": [700.0, 0.0, -700.0], "y": [0.0, 0.0, 1.0], "epsilon": 0.0},
        {"z": [40.0, 0.0], "y": [1.0, 0.0], "epsilon": 0.0},
    )


_register("labelsmoothedce", "LabelSmoothedCE", ("z", "y"), ("epsilon",), labelsmoothedce,
          labelsmoothedce_grad, _lsce_dom, _lsce_cand, vectors=("z", "y"))


# WeightedMSE(y, t, w) = sum w_i (y_i - t_i)^2 / sum w_i
def weightedmse(y, t, w):
    return mp.fsum(wi * _sub(yi, ti) ** 2 for yi, ti, wi in zip(y, t, w)) / mp.fsum(w)


def weightedmse_grad(y, t, w, g=None):
    W = mp.fsum(w)
    L = weightedmse(y, t, w)
    dy = [_scale(g) * 2 * wi * _sub(yi, ti) / W for yi, ti, wi in zip(y, t, w)]
    dt = [-v for v in dy]
    dw = [_scale(g) * (_sub(yi, ti) ** 2 - L) / W for yi, ti in zip(y, t)]
    return (dy, dt, dw)


def _wmse_dom(rng):
    pts = []
    for _ in range(6):
        n = rng.randint(1, 5)
        pts.append({"y": _vec(rng, n, -3, 3), "t": _vec(rng, n, -3, 3), "w": _vec(rng, n, 0.1, 2)})
    return pts


def _wmse_cand(rng):
    return _pts(
        {"y": [1e150, -1e150], "t": [0.0, 1e150], "w": [1.0, 3.0]},
        {"y": [1e-150, 0.0, 3e-150], "t": [0.0, 2e-150, 0.0], "w": [1.0, 1e-300, 2.0]},
        {"y": [1.0, 2.0], "t": [0.0, 0.0], "w": [1e300, 1e-300]},
        {"y": [1e-300, -1e-300], "t": [-1e-300, 1e-300], "w": [1e-300, 1e-300]},
        {"y": [1e100, 2.0, -3.0], "t": [0.0, 0.0, 0.0], "w": [1e-300, 1.0, 1.0]},
    )


_register("weightedmse", "WeightedMSE", ("y", "t", "w"), (), weightedmse, weightedmse_grad,
          _wmse_dom, _wmse_cand, vectors=("y", "t", "w"))


# TripletLoss(a, p, n) = max(0, |a - p|^2 - |a - n|^2 + alpha)
def _triplet_h(a, p, n, alpha):
    return mp.fsum([_sub(ai, pi) ** 2 for ai, pi in zip(a, p)]
                   + [-_sub(ai, ni) ** 2 for ai, ni in zip(a, n)] + [alpha])


def tripletloss(a, p, n, alpha):
    return max(mpf(0), _triplet_h(a, p, n, alpha))


def tripletloss_grad(a, p, n, g=None, alpha=None):
    if _triplet_h(a, p, n, alpha) > 0:
        s = _scale(g)
        da = [s * 2 * _sub(ni, pi) for pi, ni in zip(p, n)]
        dp = [-s * 2 * _sub(ai, pi) for ai, pi in zip(a, p)]
        dn = [s * 2 * _sub(ai, ni) for ai, ni in zip(a, n)]
    else:
        da = [mpf(0)] * len(a)
        dp = [mpf(0)] * len(a)
        dn = [mpf(0)] * len(a)
    return (da, dp, dn)


def _trip_dom(rng):
    pts = []
    while len(pts) < 8:
        d = rng.randint(1, 4)
        pt = {"a": _vec(rng, d, -2, 2), "p": _vec(rng, d, -2, 2), "n": _vec(rng, d, -2, 2),
              "alpha": _u(rng, 0.1, 2.0)}
        if abs(_triplet_h(pt["a"], pt["p"], pt["n"], pt["alpha"])) > 0.05:
            pts.append(pt)
    return pts


def _trip_cand(rng):
    return _pts(
        {"a": [1e150, 0.0], "p": [0.0, 1e150], "n": [1e150, 1.0], "alpha": 1.0},
        {"a": [1e-300, 0.0], "p": [0.0, 1e-300], "n": [1e-300, 1.0], "alpha": 1e-300},
        {"a": [0.0, 0.0], "p": [1e-150, 2e-150], "n": [0.0, 1e-150], "alpha": 1e-300},
        {"a": [1e10, -1e10], "p": [0.0, 0.0], "n": [1.0, -1.0], "alpha": 0.2},
        {"a": [1e300], "p": [1e300], "n": [1e300], "alpha": 0.5},
    )


_register("tripletloss", "TripletLoss", ("a", "p", "n"), ("alpha",), tripletloss,
          tripletloss_grad, _trip_dom, _trip_cand, vectors=("a", "p", "n"),
          kink="hinge argument exactly 0 uses gradient 0 (as ReLU'(0) = 0)")


# InfoNCE(s) = -log( exp(s_1/tau) / sum_j exp(s_j/tau) ), positive pair first
def infonce(s, tau):
    z = [si / tau for si in s]
    return mp.log1p(mp.fsum(mp.exp(zj - z[0]) for zj in z[1:]))


def infonce_grad(s, g=None, tau=None):
    p, _ = _softmax([si / tau for si in s])
    sc = _scale(g)
    d = [sc * pk / tau for pk in p]
    d[0] = -sc * mp.fsum(p[1:]) / tau  # (p_1 - 1)/tau without cancellation
    return (d,)


def _nce_dom(rng):
    pts = []
    for _ in range(6):
        n = rng.randint(1, 5)
        pts.append({"s": _vec(rng, n, -1, 1), "tau": mpf(rng.choice([0.07, 0.5, rng.uniform(0.05, 2)]))})
    return pts


def _nce_cand(rng):
    return _pts(
        {"s": [1.0, -1.0, 0.5], "tau": 1e-300},
        {"s": [-1e300, 1e300], "tau": 1e300},
        {"s": [1e300, 1e300], "tau": 1.0},
        {"s": [700.0, 0.0, 0.0], "tau": 1.0},
        {"s": [0.0, 1e-300, -1e-300], "tau": 0.07},
        {"s": [1.0, 0.2, -0.3], "tau": 1e300},
        {"s": [0.9, 0.1, 0.3], "tau": 0.01},
    )


_register("infonce", "InfoNCE", ("s",), ("tau",), infonce, infonce_grad,
          _nce_dom, _nce_cand, vectors=("s",))
