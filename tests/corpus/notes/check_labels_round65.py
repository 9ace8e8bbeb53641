r"""Independent checks of the hand labels of ``everyday_init_norms_numerics.md`` (stop 49, the lead): study notes on
weight initialisation, normalisation layers, the cosine similarity, log-sum-exp and a temperature softmax, a Poisson
model and floating-point limits, with six deliberate slips.  Labelled as it was written, before Formulary was run on
it.

Each entry names a block by ``(file, line)``, gives its role and label, says how it was checked and, for
``right``/``wrong``, carries a check written by hand with sympy (``sympy.stats`` for the law), numpy (random vectors)
or mpmath that returns True when the block's claim holds *as its author means it*.  Nothing from Formulary is
imported.

    python3 tests/corpus/notes/check_labels_round65.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round65.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import sys
from pathlib import Path

import mpmath as mp
import numpy as np
import sympy as sp
from sympy import stats

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import check_entries, recorder, zero

ENTRIES, label, nonclaim = recorder()
F = "everyday_init_norms_numerics.md"
RNG = np.random.default_rng(65)
SIZES = (2, 3, 5, 8)
"""Vector lengths for the checks over samples (every identity here is one per length)."""


def _lines(name):
    return (HERE / name).read_text(encoding="utf-8").splitlines()


def at(name, snippet, nth=0):
    """The line (1-based) of the ``nth`` line of ``name`` holding ``snippet`` (not the header comment)."""
    hits = [i + 1 for i, s in enumerate(_lines(name)) if snippet in s and not s.startswith(("<!--", "%"))]
    return hits[nth]


def on_samples(holds) -> bool:
    """``holds(d)`` for 20 random draws at every length of :data:`SIZES`."""
    return all(holds(d) for d in SIZES for _ in range(20))


def normalised(d):
    h = RNG.normal(size=d) * RNG.uniform(0.1, 10) + RNG.normal()
    mu = h.mean()
    s = np.sqrt(((h - mu) ** 2).mean())
    return h, mu, s, (h - mu) / s


def unit(d):
    u = RNG.normal(size=d)
    return u / np.linalg.norm(u)


def lse(v):
    return float(mp.log(mp.fsum(mp.e ** mp.mpf(x) for x in v)))


# ---------------------------------------------------------------- initialisation
L = at(F, r"For a unit $y =")
nonclaim(F, L, "definition", "the unit's input sum", pick=r"y = \sum_{i=1}^{n} w_i x_i")
nonclaim(F, L, "equation", "the condition the variance argument asks for", pick=r"n\sigma_w^2 = 1")
nonclaim(F, L, "definition", "Xavier-style variance", pick=r"\sigma_w^2 = \frac{1}{n}")
nonclaim(F, at(F, r"$$\sigma_w^2 = \frac{2}{n}.$$"), "definition", "He's variance (a new definition, cued by 'He's scheme')")
L = at(F, r"For a layer with $n = 512$")
nonclaim(F, L, "example", "the layer's fan-in", pick=r"n = 512")
label(F, L, "claim", "right", "sympy: 2/512 = 0.00390625 exactly (He's variance at n = 512)", "n = 512",
      lambda: sp.Rational(2, 512) == sp.Rational("0.00390625"), pick=r"\sigma_w^2 = \frac{2}{512} = 0.00390625")
label(F, L, "claim", "right", "sympy: sqrt(2/512) = 1/16 = 0.0625", "n = 512",
      lambda: sp.sqrt(sp.Rational(2, 512)) == sp.Rational(1, 16), pick=r"\sigma_w \approx 0.0625")
L = at(F, r"A slip in my first draft")
nonclaim(F, L, "example", "the layer's fan-in", pick=r"n = 512")
label(F, L, "claim", "wrong",
      "sympy: 1/256 * 1/4 = 1/1024, neither He's 2/512 = 1/256 nor Xavier's 1/512", "n = 512",
      lambda: sp.Rational(1, 256) * sp.Rational(1, 4) in (sp.Rational(2, 512), sp.Rational(1, 512)),
      pick=r"\sigma_w^2 = \frac{1}{256} \cdot \frac{1}{4}")

# ---------------------------------------------------------------- normalisation
L = at(F, r"Let $\mu = \frac{1}{d}")
nonclaim(F, L, "definition", "the mean", pick=r"\mu = \frac{1}{d}\sum_{k=1}^{d} h_k")
nonclaim(F, L, "definition", "the variance", pick=r"s^2 = \frac{1}{d}\sum_{k=1}^{d}(h_k - \mu)^2")
nonclaim(F, L, "definition", "the normalised entries", pick=r"z_k = \frac{h_k - \mu}{s}")
label(F, at(F, r"$$\sum_{k=1}^{d} z_k = 0$$"), "claim", "right", "numpy: the sum of the z_k over random h, d = 2..8",
      "s > 0", lambda: on_samples(lambda d: abs(normalised(d)[3].sum()) < 1e-9))
label(F, at(F, r"$$\sum_{k=1}^{d} z_k^2 = d$$"), "claim", "right",
      "numpy: the sum of the z_k^2 over random h, d = 2..8 (relative 1e-9)", "s > 0",
      lambda: on_samples(lambda d: abs((normalised(d)[3] ** 2).sum() - d) < 1e-9 * d))
L = at(F, r"The mean square splits")
label(F, L, "claim", "right", "numpy: mean(h^2) = s^2 + mu^2 over random h", "",
      lambda: on_samples(lambda d: (lambda h, mu, s, z: abs((h ** 2).mean() - s ** 2 - mu ** 2)
                                    < 1e-9 * (h ** 2).mean())(*normalised(d))),
      pick=r"\frac{1}{d}\sum_{k=1}^{d} h_k^2 = s^2 + \mu^2")
label(F, L, "claim", "right", "numpy: RMS(h)^2 = mean(h^2) = s^2 + mu^2 over random h", "",
      lambda: on_samples(lambda d: (lambda h, mu, s, z: abs(np.sqrt((h ** 2).mean()) ** 2 - s ** 2 - mu ** 2)
                                    < 1e-9 * (h ** 2).mean())(*normalised(d))),
      pick=r"\mathrm{RMS}(h)^2 = s^2 + \mu^2")
nonclaim(F, L, "definition", "the root mean square", pick=r"\mathrm{RMS}(h) = \sqrt{\frac{1}{d}\sum_{k=1}^{d} h_k^2}")
label(F, at(F, r"Not $\mathrm{RMS}(h)^2 = s^2 - \mu^2$"), "claim", "wrong",
      "numpy: RMS^2 = s^2 + mu^2, so s^2 - mu^2 differs wherever mu != 0 (h = (1, 3): 5 against -3)", "",
      lambda: on_samples(lambda d: (lambda h, mu, s, z: abs((h ** 2).mean() - s ** 2 + mu ** 2)
                                    < 1e-9 * (h ** 2).mean())(*normalised(d))))

# ---------------------------------------------------------------- cosine similarity
nonclaim(F, at(F, r"$$\cos(a, b) ="), "definition", "the cosine similarity")
L = at(F, r"Cauchy–Schwarz gives")


def cosine(a, b):
    return a @ b / (np.linalg.norm(a) * np.linalg.norm(b))


label(F, L, "claim", "right", "numpy: |cos(a, b)| <= 1 for random a, b (Cauchy-Schwarz)", "",
      lambda: on_samples(lambda d: abs(cosine(RNG.normal(size=d), RNG.normal(size=d))) <= 1 + 1e-12),
      pick=r"-1 \le \cos(a, b) \le 1")
nonclaim(F, L, "condition", "normalised embeddings", pick=r"\|a\| = \|b\| = 1")
label(F, L, "claim", "right", "numpy: |a - b|^2 = 2 - 2 a.b for random unit a, b", "|a| = |b| = 1",
      lambda: on_samples(lambda d: (lambda a, b: abs(np.sum((a - b) ** 2) - (2 - 2 * a @ b)) < 1e-12)(unit(d), unit(d))),
      pick=r"\|a - b\|^2 = 2 - 2a^\top b")
label(F, L, "claim", "wrong", "numpy: |a - b|^2 = 2 - 2 a.b, not 2 + 2 a.b (they differ unless a.b = 0)",
      "|a| = |b| = 1",
      lambda: on_samples(lambda d: (lambda a, b: abs(np.sum((a - b) ** 2) - (2 + 2 * a @ b)) < 1e-12)(unit(d), unit(d))),
      pick=r"\|a - b\|^2 = 2 + 2a^\top b")

# ---------------------------------------------------------------- log-sum-exp and softmax
nonclaim(F, at(F, r"$$\mathrm{LSE}(v) ="), "definition", "log-sum-exp")
label(F, at(F, r"Adding a constant shifts it"), "claim", "right",
      "mpmath: LSE(v + c) - LSE(v) - c over random v, c (50 digits)", "",
      lambda: on_samples(lambda d: (lambda v, c: abs(lse(v + c) - lse(v) - c) < 1e-12)(RNG.normal(size=d) * 5,
                                                                                      RNG.normal() * 5)),
      pick=r"\mathrm{LSE}(v + c) = \mathrm{LSE}(v) + c")
L = at(F, r"With temperature $T > 0$")
nonclaim(F, L, "condition", "a positive temperature", pick=r"T > 0")
nonclaim(F, at(F, r"$$q_j = \frac{e^{v_j/T}}"), "definition", "the softmax at temperature T")
L = at(F, r"For $m = 2$ this is a sigmoid")
nonclaim(F, L, "example", "two classes", pick=r"m = 2")
v1, v2, T = sp.symbols("v_1 v_2 T", real=True)
Q1 = sp.exp(v1 / T) / (sp.exp(v1 / T) + sp.exp(v2 / T))
label(F, L, "claim", "right", "sympy: e^{v1/T}/(e^{v1/T} + e^{v2/T}) = 1/(1 + e^{-(v1 - v2)/T})", "m = 2, T > 0",
      lambda: zero(sp.simplify(Q1 - 1 / (1 + sp.exp(-(v1 - v2) / T)))),
      pick=r"q_1 = \frac{1}{1 + e^{-(v_1 - v_2)/T}}")
label(F, L, "claim", "wrong", "sympy: at v1 = v2 = 1, T = 1 the softmax gives 1/2, the sum form 1/(1 + e^{-2})",
      "m = 2, T > 0", lambda: zero(sp.simplify(Q1 - 1 / (1 + sp.exp(-(v1 + v2) / T)))),
      pick=r"q_1 = \frac{1}{1 + e^{-(v_1 + v_2)/T}}")

# ---------------------------------------------------------------- counts
L = at(F, r"For a Poisson model")
lam = sp.Symbol("lambda", positive=True)
C = stats.Poisson("C", lam)
nonclaim(F, L, "condition", "the law of every count", pick=r"c_i \sim \mathrm{Poisson}(\lambda_i)")
nonclaim(F, L, "definition", "the log link", pick=r"\lambda_i = e^{\beta u_i}")
label(F, L, "claim", "right", "sympy.stats: E[Poisson(lambda)] = lambda", "",
      lambda: zero(stats.E(C) - lam), pick=r"\mathbb{E}[c_i] = \lambda_i")
label(F, L, "claim", "right", "sympy.stats: Var[Poisson(lambda)] = lambda", "",
      lambda: zero(stats.variance(C) - lam), pick=r"\mathrm{Var}(c_i) = \lambda_i")
label(F, L, "claim", "wrong", "sympy.stats: Var[Poisson(lambda)] = lambda, not lambda^2 (lambda = 2: 2 against 4)", "",
      lambda: zero(stats.variance(C) - lam ** 2), pick=r"\mathrm{Var}(c_i) = \lambda_i^2")
L = at(F, r"The log-likelihood $\ell(\beta)")
nonclaim(F, L, "definition", "the log-likelihood up to constants",
         pick=r"\ell(\beta) = \sum_{i=1}^{n}\left(c_i \beta u_i - e^{\beta u_i}\right)")
beta = sp.Symbol("beta", real=True)
u = sp.IndexedBase("u")
c = sp.IndexedBase("c")
i, n = sp.Symbol("i", integer=True), 4
ELL = sum(c[k] * beta * u[k] - sp.exp(beta * u[k]) for k in range(1, n + 1))
label(F, at(F, r"$$\ell''(\beta) ="), "claim", "right",
      "sympy: the second derivative in beta at n = 4 is -sum u_i^2 e^{beta u_i}, negative unless every u_i = 0 "
      "(the data the author means)", "",
      lambda: zero(sp.diff(ELL, beta, 2) + sum(u[k] ** 2 * sp.exp(beta * u[k]) for k in range(1, n + 1))))

# ---------------------------------------------------------------- floating point
L = at(F, r"A float64 overflows")
nonclaim(F, L, "no claim", "the exponential", pick=r"e^t")
label(F, L, "claim", "right", "mpmath: ln(1.8e308) = 709.784, within half a unit of 709.8", "",
      lambda: abs(mp.log(mp.mpf("1.8e308")) - mp.mpf("709.8")) < mp.mpf("0.05"),
      pick=r"t > \ln(1.8 \times 10^{308}) \approx 709.8")
label(F, L, "claim", "right", "mpmath: ln(3.4e38) = 88.722, within half a unit of 88.7", "",
      lambda: abs(mp.log(mp.mpf("3.4e38")) - mp.mpf("88.7")) < mp.mpf("0.05"),
      pick=r"t > \ln(3.4 \times 10^{38}) \approx 88.7")
L = at(F, r"Machine epsilon:")
label(F, L, "claim", "right", "mpmath: 2^-52 = 2.2204e-16, within half a unit of 2.22e-16", "",
      lambda: abs(mp.mpf(2) ** -52 - mp.mpf("2.22e-16")) < mp.mpf("0.005e-16"),
      pick=r"2^{-52} \approx 2.22 \times 10^{-16}")
label(F, L, "claim", "wrong", "mpmath: 2^-23 = 1.192e-7, ten times smaller than 1.19e-6", "",
      lambda: abs(mp.mpf(2) ** -23 - mp.mpf("1.19e-6")) < mp.mpf("0.005e-6"),
      pick=r"2^{-23} \approx 1.19 \times 10^{-6}")


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)
    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
