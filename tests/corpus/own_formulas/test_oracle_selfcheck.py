"""Self-check of the hand-written oracle in ``oracle.py`` (CC0).

* every hand-derived gradient agrees with mpmath's high-precision central
  finite difference (``mpmath.diff``) to a relative 1e-20 at 50 digits;
* every forward agrees with a second, naive transcription of the textbook
  formula evaluated with many more digits (so the stable rewrites in the
  oracle are exact identities, not approximations);
* every extreme point gives the same forward and gradient at 50 digits as at
  1200 digits (no hidden cancellation), and its forward is a normal float64;
* a handful of closed-form values;
* the note ``examples/own_formulas.md`` defines exactly the registered names
  with the registered parameter lists.

Only mpmath and the standard library are used; the project is not imported.
"""

import importlib.util
import math
import pathlib
import random
import re

import mpmath
import pytest
from mpmath import mp, mpf

HERE = pathlib.Path(__file__).resolve().parent
NOTE = HERE.parents[2] / "examples" / "own_formulas.md"

_spec = importlib.util.spec_from_file_location("own_formulas_oracle", HERE / "oracle.py")
oracle = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(oracle)
ORACLES = oracle.ORACLES
NAMES = sorted(ORACLES)

FD_RTOL = mpf("1e-20")
FD_ATOL = mpf("1e-40")
HIGH_DPS = 1200


def _close(a, b, rtol, atol=mpf(0)):
    return abs(a - b) <= rtol * max(abs(a), abs(b)) + atol


def _flat(v):
    if isinstance(v, (list, tuple)):
        out = []
        for x in v:
            out.extend(_flat(x))
        return out
    return [v]


def _upstream(o, point, rng):
    if not o.vector_output:
        return None
    n = len(o.call(point))
    return [mpf(rng.uniform(-2, 2)) for _ in range(n)]


def _objective(o, point, g):
    val = o.call(point)
    if o.vector_output:
        return mp.fsum(gi * vi for gi, vi in zip(g, val))
    return val


def _slots(o, point):
    """(param index, param name, component index or None) for every input scalar."""
    for i, p in enumerate(o.params):
        if p in o.vectors:
            for j in range(len(point[p])):
                yield i, p, j
        else:
            yield i, p, None


def _with(point, name, j, t):
    q = dict(point)
    if j is None:
        q[name] = t
    else:
        v = list(q[name])
        v[j] = t
        q[name] = v
    return q


# ------------------------------------------------------------------ registry


def test_registry_size_and_shape():
    assert len(ORACLES) >= 28
    for key, o in ORACLES.items():
        assert key == o.name.lower()
        assert isinstance(o.params, tuple) and o.params
        assert isinstance(o.keywords, tuple)
        assert set(o.vectors) <= set(o.params)
        assert not set(o.params) & set(o.keywords)
        assert "lambda" not in o.keywords  # python keyword; the contract says lambda_
        for kw in o.keywords:
            assert kw.isidentifier()


def test_catalog_names_are_not_reused():
    catalog = {"layer_norm", "layernorm", "batch_norm", "batchnorm", "softmax", "log_softmax",
               "logsoftmax", "logsumexp", "sigmoid", "tanh", "relu", "leaky_relu", "leakyrelu",
               "softplus", "mse", "bce", "cross_entropy", "crossentropy", "hinge", "kl",
               "attention", "conv"}
    assert not catalog & set(ORACLES)


@pytest.mark.parametrize("name", NAMES)
def test_domain_is_deterministic_and_float64_exact(name):
    o = ORACLES[name]
    a, b = o.domain(random.Random(7)), o.domain(random.Random(7))
    assert len(a) >= 5
    assert a == b
    for pt in a:
        assert set(pt) == set(o.params) | set(o.keywords)
        for v in _flat(list(pt.values())):
            assert mpf(float(v)) == v


# ------------------------------------------------------------------ gradients


@pytest.mark.parametrize("name", NAMES)
def test_gradient_matches_finite_differences(name):
    o = ORACLES[name]
    rng = random.Random(1234)
    checked = 0
    with mp.workdps(50):
        for point in o.domain(random.Random(42)) + o.domain(random.Random(43)):
            g = _upstream(o, point, rng)
            grads = o.call_grad(point, g=g)
            assert len(grads) == len(o.params)
            for i, p, j in _slots(o, point):
                an = grads[i] if j is None else grads[i][j]
                x0 = point[p] if j is None else point[p][j]
                fd = mp.diff(lambda t: _objective(o, _with(point, p, j, t), g), x0)
                assert _close(an, fd, FD_RTOL, FD_ATOL), (name, p, j, point, an, fd)
                checked += 1
    assert checked >= 10


@pytest.mark.parametrize("name", NAMES)
def test_scalar_output_grad_scales_with_g(name):
    o = ORACLES[name]
    if o.vector_output:
        pytest.skip("vector output: g is the upstream vector")
    point = o.domain(random.Random(5))[0]
    base = _flat(o.call_grad(point))
    scaled = _flat(o.call_grad(point, g=mpf(3)))
    for a, b in zip(base, scaled):
        assert _close(3 * a, b, mpf("1e-45"), mpf("1e-60"))


# ----------------------------------------------------- naive textbook forms

def _sig(x):
    return 1 / (1 + mp.exp(-x))


def _sp(x):
    return mp.log(1 + mp.exp(x))


def _naive_softmax(z):
    s = mp.fsum(mp.exp(zj) for zj in z)
    return [mp.exp(zi) / s for zi in z]


NAIVE = {
    "gelu": lambda x: x * (1 + mp.erf(x / mp.sqrt(2))) / 2,
    "gelutanh": lambda x: x / 2 * (1 + mp.tanh(mp.sqrt(2 / mp.pi) * (x + mpf("0.044715") * x ** 3))),
    "silu": lambda x: x * _sig(x),
    "swish": lambda x, beta: x * _sig(beta * x),
    "mish": lambda x: x * mp.tanh(_sp(x)),
    "elu": lambda x, alpha: x if x > 0 else alpha * (mp.exp(x) - 1),
    "selu": lambda x, lambda_, alpha: lambda_ * (x if x > 0 else alpha * (mp.exp(x) - 1)),
    "softsign": lambda x: x / (1 + abs(x)),
    "softcap": lambda x, gamma: gamma * mp.tanh(x / gamma),
    "squareplus": lambda x, b: (x + mp.sqrt(x ** 2 + b)) / 2,
    "snake": lambda x, alpha: x + mp.sin(alpha * x) ** 2 / alpha,
    "logsigmoid": lambda x: mp.log(_sig(x)),
    "logit": lambda p: mp.log(p / (1 - p)),
    "log1mexp": lambda x: mp.log(1 - mp.exp(-x)),
    "gumbelcdf": lambda x, mu, beta: mp.exp(-mp.exp(-(x - mu) / beta)),
    "biascorrection": lambda m, beta, t: m / (1 - beta ** t),
    "logcosh": lambda x: mp.log(mp.cosh(x)),
    "huberloss": lambda x, delta: x ** 2 / 2 if abs(x) <= delta else delta * (abs(x) - delta / 2),
    "smoothl1": lambda x, beta: x ** 2 / (2 * beta) if abs(x) < beta else abs(x) - beta / 2,
    "charbonnier": lambda x, epsilon: mp.sqrt(x ** 2 + epsilon ** 2),
    "squaredhinge": lambda y, t: max(mpf(0), 1 - t * y) ** 2,
    "focalloss": lambda z, y, gamma, alpha: (
        -alpha * y * (1 - _sig(z)) ** gamma * mp.log(_sig(z))
        - (1 - alpha) * (1 - y) * _sig(z) ** gamma * mp.log(1 - _sig(z))),
    "gaussiannll": lambda x, mu, v: (mp.log(2 * mp.pi) + v + (x - mu) ** 2 * mp.exp(-v)) / 2,
    "poissonnll": lambda eta, y: mp.exp(eta) - y * eta,
    "bernoullikl": lambda a, b: (
        _sig(a) * (mp.log(_sig(a)) - mp.log(_sig(b)))
        + (1 - _sig(a)) * (mp.log(1 - _sig(a)) - mp.log(1 - _sig(b)))),
    "studenttlogpdf": lambda x, mu, s, nu: (
        mp.log(mp.gamma((nu + 1) / 2)) - mp.log(mp.gamma(nu / 2)) - mp.log(nu * mp.pi) / 2
        - mp.log(s) - (nu + 1) / 2 * mp.log(1 + (x - mu) ** 2 / (nu * s ** 2))),
    "laplacelogpdf": lambda x, mu, b: -mp.log(2 * b) - abs(x - mu) / b,
    "rmsnorm": lambda x, w, epsilon: [
        w[i] * x[i] / mp.sqrt(mp.fsum(xj ** 2 for xj in x) / len(x) + epsilon) for i in range(len(x))],
    "softmin": lambda x: _naive_softmax([-xi for xi in x]),
    "temperaturesoftmax": lambda x, tau: _naive_softmax([xi / tau for xi in x]),
    "cosinesimilarity": lambda a, b: mp.fsum(ai * bi for ai, bi in zip(a, b)) / (
        mp.sqrt(mp.fsum(ai ** 2 for ai in a)) * mp.sqrt(mp.fsum(bi ** 2 for bi in b))),
    "labelsmoothedce": lambda z, y, epsilon: -mp.fsum(
        ((1 - epsilon) * y[i] + epsilon / len(z)) * (z[i] - mp.log(mp.fsum(mp.exp(zj) for zj in z)))
        for i in range(len(z))),
    "weightedmse": lambda y, t, w: mp.fsum(wi * (yi - ti) ** 2 for yi, ti, wi in zip(y, t, w)) / mp.fsum(w),
    "tripletloss": lambda a, p, n, alpha: max(mpf(0), mp.fsum((ai - pi) ** 2 for ai, pi in zip(a, p))
                                               - mp.fsum((ai - ni) ** 2 for ai, ni in zip(a, n)) + alpha),
    "infonce": lambda s, tau: -mp.log(mp.exp(s[0] / tau) / mp.fsum(mp.exp(sj / tau) for sj in s)),
}


def test_every_oracle_has_a_naive_form():
    assert set(NAIVE) == set(ORACLES)


def _naive(name, point):
    o = ORACLES[name]
    args = [point[p] for p in o.params]
    kw = {k: point[k] for k in o.keywords}
    return NAIVE[name](*args, **kw)


@pytest.mark.parametrize("name", NAMES)
def test_forward_matches_naive_textbook_form_on_domain(name):
    o = ORACLES[name]
    for point in o.domain(random.Random(11)):
        with mp.workdps(50):
            got = _flat(o.call(point))
        with mp.workdps(200):
            want = _flat(_naive(name, point))
        for a, b in zip(got, want):
            assert _close(a, b, mpf("1e-40"), mpf("1e-60")), (name, point, a, b)


@pytest.mark.parametrize("name", NAMES)
def test_forward_matches_naive_textbook_form_on_extremes(name):
    o = ORACLES[name]
    compared = 0
    for point in o.extreme(random.Random(3)):
        with mp.workdps(50):
            got = _flat(o.call(point))
        try:
            with mp.workdps(1500):
                want = _flat(_naive(name, point))
        except (OverflowError, ZeroDivisionError, ValueError):
            continue
        if not all(mp.isfinite(w) for w in want):
            continue  # e.g. 0 * log(0) in the naive form
        for a, b in zip(got, want):
            assert _close(a, b, mpf("1e-30")), (name, point, a, b)
        compared += 1
    assert compared >= 1, name


# --------------------------------------------------------------- extremes


@pytest.mark.parametrize("name", NAMES)
def test_extreme_points_are_normal_and_precision_stable(name):
    o = ORACLES[name]
    pts = o.extreme(random.Random(3))
    assert len(pts) >= 3, name
    rng = random.Random(99)
    big = mpf(0)
    for point in pts:
        for v in _flat(list(point.values())):
            assert mpf(float(v)) == v  # inputs are float64 values
            big = max(big, abs(v), 1 / abs(v) if v else mpf(0))
        g = _upstream(o, point, rng)
        with mp.workdps(50):
            val = _flat(o.call(point))
            gr = _flat(o.call_grad(point, g=g))
        for v in val:
            f = float(v)
            assert math.isfinite(f) and abs(f) >= oracle.FLOAT_MIN_NORMAL, (name, point, v)
        for v in gr:
            assert math.isfinite(float(v)), (name, point, v)
        with mp.workdps(HIGH_DPS):
            val_hi = _flat(o.call(point))
            gr_hi = _flat(o.call_grad(point, g=g))
        for a, b in zip(val + gr, val_hi + gr_hi):
            assert _close(a, b, mpf("1e-30"), mpf("1e-330")), (name, point, a, b)
    assert big >= mpf("1e100"), name  # the set really reaches far magnitudes


def test_extremes_reach_1e300_somewhere():
    seen_big = seen_small = False
    for o in ORACLES.values():
        for point in o.extreme(0):
            for v in _flat(list(point.values())):
                if abs(v) >= mpf("1e300"):
                    seen_big = True
                if v and abs(v) <= mpf("1e-300"):
                    seen_small = True
    assert seen_big and seen_small


# ------------------------------------------------------------ closed forms

LN2 = mp.log(2)
SPOTS = [
    ("gelu", {"x": 1}, mpf("0.84134474606854293")),
    ("silu", {"x": 1}, mpf("0.73105857863000487925")),
    ("mish", {"x": 1}, mpf("0.86509838826731033")),
    ("elu", {"x": -1, "alpha": 1}, mp.exp(-1) - 1),
    ("selu", {"x": 1, "lambda_": 2, "alpha": 3}, mpf(2)),
    ("softsign", {"x": 1}, mpf("0.5")),
    ("softsign", {"x": -3}, mpf("-0.75")),
    ("logit", {"p": 0.5}, mpf(0)),
    ("logit", {"p": 0.75}, mp.log(3)),
    ("log1mexp", {"x": LN2}, -LN2),
    ("logcosh", {"x": 0}, mpf(0)),
    ("logsigmoid", {"x": 0}, -LN2),
    ("huberloss", {"x": 3, "delta": 1}, mpf("2.5")),
    ("huberloss", {"x": -0.5, "delta": 1}, mpf("0.125")),
    ("smoothl1", {"x": 0.5, "beta": 1}, mpf("0.125")),
    ("smoothl1", {"x": -3, "beta": 1}, mpf("2.5")),
    ("squareplus", {"x": 0, "b": 4}, mpf(1)),
    ("snake", {"x": mp.pi / 2, "alpha": 1}, mp.pi / 2 + 1),
    ("gumbelcdf", {"x": 0, "mu": 0, "beta": 1}, mp.exp(-1)),
    ("biascorrection", {"m": 0.1, "beta": 0.9, "t": 1}, mpf(1)),
    ("charbonnier", {"x": 3, "epsilon": 4}, mpf(5)),
    ("squaredhinge", {"y": 0.5, "t": 1}, mpf("0.25")),
    ("squaredhinge", {"y": 2, "t": 1}, mpf(0)),
    ("focalloss", {"z": 0, "y": 1, "gamma": 2, "alpha": 0.25}, LN2 / 16),
    ("gaussiannll", {"x": 0, "mu": 0, "v": 0}, mp.log(2 * mp.pi) / 2),
    ("poissonnll", {"eta": 0, "y": 1}, mpf(1)),
    ("bernoullikl", {"a": 0.7, "b": 0.7}, mpf(0)),
    ("bernoullikl", {"a": 0, "b": mp.log(3)}, mp.log(mpf(4) / 3) / 2),  # p = 1/2, q = 3/4
    ("studenttlogpdf", {"x": 0, "mu": 0, "s": 1, "nu": 1}, -mp.log(mp.pi)),
    ("laplacelogpdf", {"x": 0, "mu": 0, "b": 1}, -LN2),
    ("cosinesimilarity", {"a": [1, 2], "b": [2, 4]}, mpf(1)),
    ("cosinesimilarity", {"a": [1, 0], "b": [0, 3]}, mpf(0)),
    ("labelsmoothedce", {"z": [0, 0], "y": [1, 0], "epsilon": 0.1}, LN2),
    ("weightedmse", {"y": [1, 2], "t": [0, 0], "w": [1, 3]}, mpf("3.25")),
    ("tripletloss", {"a": [0], "p": [1], "n": [2], "alpha": 4}, mpf(1)),
    ("tripletloss", {"a": [0], "p": [2], "n": [1], "alpha": 0.5}, mpf("3.5")),
    ("infonce", {"s": [0.3, 0.3, 0.3, 0.3], "tau": 0.1}, mp.log(4)),
    ("rmsnorm", {"x": [3, 4], "w": [1, 2], "epsilon": 0},
     [3 / mp.sqrt(mpf("12.5")), 8 / mp.sqrt(mpf("12.5"))]),
    ("softmin", {"x": [0, 0]}, [mpf("0.5"), mpf("0.5")]),
    ("temperaturesoftmax", {"x": [0, mp.log(3)], "tau": 0.5}, [mpf("0.1"), mpf("0.9")]),
]


@pytest.mark.parametrize("name,point,want", SPOTS, ids=[f"{s[0]}-{i}" for i, s in enumerate(SPOTS)])
def test_closed_form_values(name, point, want):
    o = ORACLES[name]
    def conv(x):  # decimal literals in SPOTS mean the exact decimal number
        return mpf(repr(x)) if isinstance(x, float) else mpf(x)
    pt = {k: ([conv(x) for x in v] if isinstance(v, list) else conv(v)) for k, v in point.items()}
    got = o.call(pt)
    for a, b in zip(_flat(got), _flat(want)):
        # the three decimal constants above carry 17-20 digits
        assert _close(a, b, mpf("1e-16"), mpf("1e-45")), (name, a, b)


def test_swish_with_unit_beta_is_silu_and_gelutanh_close_to_gelu():
    for x in (-3, -0.5, 0.25, 2):
        x = mpf(x)
        assert _close(ORACLES["swish"].forward(x, beta=mpf(1)), ORACLES["silu"].forward(x), mpf("1e-45"))
        assert abs(ORACLES["gelutanh"].forward(x) - ORACLES["gelu"].forward(x)) < mpf("1e-3")


# ------------------------------------------------------------ the note

GREEK = {"alpha", "beta", "gamma", "delta", "epsilon", "eta", "lambda", "mu", "nu", "tau", "sigma"}


def _english(sym):
    sym = sym.strip().lstrip("\\")
    return sym + "_" if sym == "lambda" else sym


def _definitions():
    text = NOTE.read_text(encoding="utf-8")
    blocks = re.findall(r"\$\$(.*?)\$\$", text, flags=re.S)
    defs = {}
    for b in blocks:
        m = re.match(r"\s*\\mathrm\{([A-Za-z0-9]+)\}\(([^)]*)\)(_i)?\s*=", b)
        if m:
            assert m.group(1) not in defs, m.group(1)
            defs[m.group(1)] = (tuple(_english(a) for a in m.group(2).split(",")), bool(m.group(3)), b)
    return text, defs


def test_note_defines_exactly_the_registered_formulas():
    text, defs = _definitions()
    assert text.lstrip().startswith("<!--") and "CC0" in text.split("-->")[0]
    assert "Formulary" in text.split("-->")[0]
    assert {n.lower() for n in defs} == set(ORACLES)
    for latex_name, (params, indexed, body) in defs.items():
        o = ORACLES[latex_name.lower()]
        assert o.name == latex_name
        assert params == o.params, latex_name
        assert indexed == o.vector_output, latex_name
        for kw in o.keywords:
            sym = kw.rstrip("_")
            if sym in GREEK:
                assert "\\" + sym in body, (latex_name, kw)
            else:
                assert re.search(r"(?<![A-Za-z\\])" + sym + r"(?![A-Za-z])", body), (latex_name, kw)
