r"""Independent checks of the hand labels of ``everyday_em_two_gaussians.md`` (stop 49, branch scope49): a student's
notes on EM for a two-component one-dimensional Gaussian mixture, with four deliberate slips.  Labelled as it was
written, before Formulary was run on it.

Each entry names a block by ``(file, line)``, gives its role and label, says how it was checked and, for
``right``/``wrong``, carries a check written by hand with sympy that returns True when the block's claim holds *as
its author means it*.  The mixture is built from the Gaussian density written out; sums run over a sample of
``NS`` points with symbolic values and responsibilities.  Nothing from Formulary is imported.

    python3 tests/corpus/notes/check_labels_scope49.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_scope49.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import sys
from pathlib import Path

import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import check_entries, recorder

ENTRIES, label, nonclaim = recorder()
NS = 3
"""Points in the sample the sums run over (the claims hold for every n; 3 points show a slip)."""
X = sp.symbols(f"x0:{NS}", real=True)
R = sp.symbols(f"r0:{NS}", positive=True)
W = sp.Symbol("w", positive=True)
M1, M2, XV = sp.symbols("mu1 mu2 x", real=True)
S1, S2, S = sp.symbols("sigma1 sigma2 sigma", positive=True)
A, B, RV = sp.symbols("A B r", positive=True)


def gauss(x, mu, var):
    return sp.exp(-(x - mu) ** 2 / (2 * var)) / sp.sqrt(2 * sp.pi * var)


def zero(expr) -> bool:
    return sp.simplify(expr) == 0


def _at_points(expr) -> bool:
    """``expr`` (in w, mu_1, mu_2, sigma, x) is 0 at 4 exact points, to 30 digits (a slip errs by O(1))."""
    points = [(sp.Rational(1, 3), -1, 2, sp.Rational(3, 2), sp.Rational(1, 2)), (sp.Rational(4, 5), 2, -3, 1, 4),
              (sp.Rational(1, 2), 0, 2, 1, 1), (sp.Rational(1, 7), 5, 1, sp.Rational(2, 3), -2)]
    return all(abs(sp.N(expr.subs({W: w, M1: m1, M2: m2, S: s, XV: x}), 30)) < sp.Float("1e-25")
               for w, m1, m2, s, x in points)


def _lines(name):
    return (HERE / name).read_text(encoding="utf-8").splitlines()


def at(name, snippet, nth=0):
    """The line (1-based) of the ``nth`` line of ``name`` holding ``snippet`` (not the header comment)."""
    hits = [i + 1 for i, s in enumerate(_lines(name)) if snippet in s and not s.startswith(("<!--", "%"))]
    return hits[nth]


F = "everyday_em_two_gaussians.md"
N1, N2 = gauss(XV, M1, S1 ** 2), gauss(XV, M2, S2 ** 2)
RESP = W * N1 / (W * N1 + (1 - W) * N2)
Q = sum(R[i] * sp.log(W * gauss(X[i], M1, S1 ** 2)) + (1 - R[i]) * sp.log((1 - W) * gauss(X[i], M2, S2 ** 2))
        for i in range(NS))
"""The expected complete-data log-likelihood at NS points, responsibilities held as free positive names."""


def _maximiser(var, value) -> bool:
    """``value`` is where dQ/dvar vanishes (Q concave in var: the M-step's update)."""
    return zero(sp.diff(Q, var).subs(var, value))


def _sigma_update(sq, resp, mean, denominator) -> bool:
    """The variance update sum resp_i (x_i - mean)^2 / denominator makes dQ/d(sigma^2) vanish: Q's terms in that
    variance, log N(x_i | mean, v) = -log(2 pi v)/2 - (x_i - mean)^2/(2v), written out and differentiated in v."""
    v = sp.Symbol("v", positive=True)
    q = sum(resp[i] * (-sp.log(2 * sp.pi * v) / 2 - (X[i] - mean) ** 2 / (2 * v)) for i in range(NS))
    value = sum(resp[i] * (X[i] - mean) ** 2 for i in range(NS)) / denominator
    return sp.cancel(sp.together(sp.diff(q, v).subs(v, value))) == 0


nonclaim(F, at(F, r"$$p(x) = w N_1(x)"), "definition", "the mixture density")
nonclaim(F, at(F, r"$$\ell = \sum_{i=1}^n \log"), "definition", "the log-likelihood")
nonclaim(F, at(F, r"$$r_i = \frac{w N_1(x_i)}"), "definition", "the responsibility")
label(F, at(F, r"$$1 - r_i = \frac{(1 - w) N_2(x_i)}"), "claim", "right", "sympy: 1 - r as one fraction", "",
      lambda: zero(1 - RESP - (1 - W) * N2 / (W * N1 + (1 - W) * N2)))
label(F, at(F, r"$$\log\frac{r_i}{1 - r_i} ="), "claim", "right",
      "sympy: log of the odds with equal variances, expand_log", "sigma_1 = sigma_2 = sigma",
      lambda: _at_points(sp.log((RESP / (1 - RESP)).subs({S1: S, S2: S}))
                         - (sp.log(W / (1 - W)) + ((XV - M2) ** 2 - (XV - M1) ** 2) / (2 * S ** 2))))
label(F, at(F, r"$$(x - \mu_2)^2 - (x - \mu_1)^2"), "claim", "wrong",
      "sympy: expand; the linear term is 2x(mu_1 - mu_2)", "",
      lambda: zero(sp.expand((XV - M2) ** 2 - (XV - M1) ** 2 - (2 * XV * (M2 - M1) + M2 ** 2 - M1 ** 2))))
label(F, at(F, r"$$r_i = \frac{1}{1 + e^{-a_i}}$$"), "claim", "right",
      "sympy: the sigmoid of a = log(r/(1-r)) is r, for r in (0, 1)", "a_i = log(r_i/(1 - r_i))",
      lambda: zero(1 / (1 + sp.exp(-sp.log(RV / (1 - RV)))) - RV))
label(F, at(F, r"$$\sum_{i=1}^n r_i + \sum_{i=1}^n (1 - r_i) = n$$"), "claim", "right", "sympy: at n = 3", "",
      lambda: zero(sum(R) + sum(1 - r for r in R) - NS))
nonclaim(F, at(F, r"$$Q = \sum_{i=1}^n \left["), "definition", "the expected complete-data log-likelihood")
label(F, at(F, r"$$\frac{\partial Q}{\partial w} ="), "claim", "right", "sympy: diff of Q in w, n = 3", "",
      lambda: zero(sp.diff(Q, W) - sum(R[i] / W - (1 - R[i]) / (1 - W) for i in range(NS))))
label(F, at(F, r"$$w = \frac{1}{n} \sum_{i=1}^n r_i$$"), "claim", "right", "sympy: dQ/dw vanishes there, n = 3",
      "", lambda: _maximiser(W, sum(R) / NS))
label(F, at(F, r"$$\frac{\partial Q}{\partial \mu_1} ="), "claim", "right", "sympy: diff of Q in mu_1, n = 3", "",
      lambda: zero(sp.diff(Q, M1) - sum(R[i] * (X[i] - M1) / S1 ** 2 for i in range(NS))))
label(F, at(F, r"$$\frac{\partial Q}{\partial \mu_2} ="), "claim", "wrong",
      "sympy: diff of Q in mu_2 is sum (1 - r_i)(x_i - mu_2)/sigma_2^2, the opposite sign", "",
      lambda: zero(sp.diff(Q, M2) - sum((1 - R[i]) * (M2 - X[i]) / S2 ** 2 for i in range(NS))))
label(F, at(F, r"$$\mu_1 = \frac{\sum_{i=1}^n r_i x_i}"), "claim", "right", "sympy: dQ/dmu_1 vanishes there", "",
      lambda: _maximiser(M1, sum(R[i] * X[i] for i in range(NS)) / sum(R)))
label(F, at(F, r"$$\mu_2 = \frac{\sum_{i=1}^n (1 - r_i) x_i}"), "claim", "right", "sympy: dQ/dmu_2 vanishes there",
      "", lambda: _maximiser(M2, sum((1 - R[i]) * X[i] for i in range(NS)) / sum(1 - r for r in R)))
label(F, at(F, r"$$\sigma_1^2 = \frac{\sum_{i=1}^n r_i (x_i - \mu_1)^2}"), "claim", "right",
      "sympy: dQ/d(sigma_1^2) vanishes there", "", lambda: _sigma_update(S1, R, M1, sum(R)))
label(F, at(F, r"$$\sigma_2^2 = \frac{\sum_{i=1}^n (1 - r_i)(x_i - \mu_2)^2}{n}$$"), "claim", "wrong",
      "sympy: dQ/d(sigma_2^2) vanishes at the sum over sum(1 - r_i), not over n", "",
      lambda: _sigma_update(S2, [1 - r for r in R], M2, NS))
nonclaim(F, at(F, r"For one point write $A ="), "definition", "A", pick=r"A = w N_1(x)")
nonclaim(F, at(F, r"For one point write $A ="), "definition", "B", pick=r"B = (1 - w) N_2(x)")
nonclaim(F, at(F, r"Jensen gives"), "condition", "r in (0, 1)", pick=r"0 < r < 1")


def _jensen() -> bool:
    """log(A + B) - [r log(A/r) + (1 - r) log(B/(1 - r))] >= 0 on a grid of A, B > 0 and r in (0, 1) (concavity
    of log; the gap is a KL divergence, 0 only at r = A/(A + B))."""
    gap = sp.log(A + B) - (RV * sp.log(A / RV) + (1 - RV) * sp.log(B / (1 - RV)))
    values = [sp.Rational(1, 7), sp.Rational(1, 2), 1, 3, 11]
    return all(sp.N(gap.subs({A: a, B: b, RV: r}), 30) >= -sp.Float("1e-25")
               for a in values for b in values for r in (sp.Rational(1, 9), sp.Rational(1, 2), sp.Rational(5, 6)))


label(F, at(F, r"$$\log(A + B) \ge r \log"), "claim", "right", "sympy: the gap at 75 exact points, 30 digits",
      "A, B > 0, 0 < r < 1", _jensen)
nonclaim(F, at(F, r"at the responsibility $r ="), "example", "r at the responsibility", pick=r"r = \frac{A}{A + B}")
label(F, at(F, r"$$\frac{A}{r} = A + B$$"), "claim", "right", "sympy: at r = A/(A + B)", "r = A/(A + B)",
      lambda: zero(A / (A / (A + B)) - (A + B)))
label(F, at(F, r"$$\frac{B}{1 - r} = A + B$$"), "claim", "right", "sympy: at r = A/(A + B)", "r = A/(A + B)",
      lambda: zero(B / (1 - A / (A + B)) - (A + B)))
label(F, at(F, r"$$r = \frac{e^{-1/2}}{e^{-1/2} + e^{-1/2}}"), "claim", "right",
      "sympy: the responsibility at x = 1 is 1/2, both chain steps", "w = 1/2, mu = (0, 2), sigma = 1",
      lambda: zero(RESP.subs({W: sp.Rational(1, 2), M1: 0, M2: 2, S1: 1, S2: 1, XV: 1})
                   - sp.exp(-sp.Rational(1, 2)) / (2 * sp.exp(-sp.Rational(1, 2))))
      and zero(sp.exp(-sp.Rational(1, 2)) / (2 * sp.exp(-sp.Rational(1, 2))) - sp.Rational(1, 2)))
label(F, at(F, r"$$\frac{1}{1 + e^{-2}} \approx 0.8808$$"), "claim", "right",
      "sympy: the responsibility at x = 0 is 1/(1 + e^{-2}) = 0.88080 (4 places)", "w = 1/2, mu = (0, 2), sigma = 1",
      lambda: zero(RESP.subs({W: sp.Rational(1, 2), M1: 0, M2: 2, S1: 1, S2: 1, XV: 0}) - 1 / (1 + sp.exp(-2)))
      and abs(sp.N(1 / (1 + sp.exp(-2)), 30) - sp.Rational(8808, 10000)) < sp.Rational(5, 100000))
label(F, at(F, r"$$\frac{1}{1 + e^{2}} \approx 0.1192$$"), "claim", "right",
      "sympy: the responsibility at x = 2 is 1/(1 + e^2) = 0.11920 (4 places)", "w = 1/2, mu = (0, 2), sigma = 1",
      lambda: zero(RESP.subs({W: sp.Rational(1, 2), M1: 0, M2: 2, S1: 1, S2: 1, XV: 2}) - 1 / (1 + sp.exp(2)))
      and abs(sp.N(1 / (1 + sp.exp(2)), 30) - sp.Rational(1192, 10000)) < sp.Rational(5, 100000))
label(F, at(F, r"$$0.8808 + 0.5 + 0.1192 = 1.5$$"), "claim", "right", "exact decimal sum", "",
      lambda: sp.Rational(8808, 10000) + sp.Rational(1, 2) + sp.Rational(1192, 10000) == sp.Rational(3, 2))
label(F, at(F, r"0.1192 \cdot 2}{1.5} \approx 0.4923$$"), "claim", "right",
      "exact: (0.5 + 0.2384)/1.5 = 0.49227, rounds to 0.4923", "",
      lambda: abs((sp.Rational(1, 2) + sp.Rational(1192, 10000) * 2) / sp.Rational(3, 2) - sp.Rational(4923, 10000))
      < sp.Rational(5, 100000))
label(F, at(F, r"0.8808 \cdot 2}{1.5} \approx 1.6077$$"), "claim", "wrong",
      "exact: (0.5 + 1.7616)/1.5 = 1.50773, not 1.6077", "",
      lambda: abs((sp.Rational(1, 2) + sp.Rational(8808, 10000) * 2) / sp.Rational(3, 2) - sp.Rational(16077, 10000))
      < sp.Rational(5, 100000))


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)
    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
