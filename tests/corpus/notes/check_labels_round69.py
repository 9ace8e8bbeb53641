r"""Independent checks of the hand labels of ``quantecon_mle_poisson_probit.md`` (stop 51, scope51): QuantEcon's
lecture on maximum likelihood (Poisson regression, Newton-Raphson, and the probit exercise's log-likelihood, gradient
and Hessian).  Labelled as it was written, before Formulary was run on it.

Each entry names a block by ``(file, line)``, gives its role and label, says how it was checked and, for
``right``/``wrong``, carries a check written by hand with sympy, mpmath or numpy that returns True when the block's
claim holds *as its author means it*.  Nothing from Formulary is imported.

    python3 tests/corpus/notes/check_labels_round69.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round69.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import sys
from pathlib import Path

import mpmath as mp
import numpy as np
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import check_entries, recorder, zero

ENTRIES, label, nonclaim = recorder()
F = "quantecon_mle_poisson_probit.md"
CENTRAL_H = 1e-5
"""Step of the central differences below: their error is O(h^2) ~ 1e-10 relative, far under TOL_DIFF."""
TOL_DIFF = 1e-6
"""Relative tolerance between a hand-derived gradient/Hessian and its central difference (the truncation error is
~1e-10 and the cancellation error ~1e-16/h^2 ~ 1e-6 for the Hessian, so 1e-6 is the tightest safe bound here)."""


def at(snippet, nth=0):
    """The line (1-based) of the ``nth`` line of the file holding ``snippet`` (not the header comment)."""
    lines = (HERE / F).read_text(encoding="utf-8").splitlines()
    head = next(i for i, s in enumerate(lines) if s.startswith("-->"))
    return [i + 1 for i, s in enumerate(lines) if snippet in s and i > head][nth]


def block_after(snippet, nth=0):
    """The line of the display ``$$`` that opens right after the line holding ``snippet``."""
    lines = (HERE / F).read_text(encoding="utf-8").splitlines()
    start = at(snippet, nth)
    return next(i + 1 for i in range(start, len(lines)) if lines[i].strip() == "$$")


# ---------------------------------------------------------------- set-up
L = at(r"indexed by its mean $\mu")
nonclaim(F, L, "condition", "the normal mean's range", pick=r"\mu \in (-\infty, \infty)")
nonclaim(F, L, "condition", "the standard deviation's range", pick=r"\sigma \in (0, \infty)")
nonclaim(F, block_after("the probability mass function (pmf) of which is"), "definition", "the Poisson pmf")
nonclaim(F, block_after("the so-called *Poisson regression* model"), "definition",
         "the Poisson mean mu_i = exp(x_i' beta), written out with x_{i0} = 1")
nonclaim(F, at(r"contains 4 ($k = 4$)"), "no claim", "a count of parameters (the lecture's k is loose: beta_0..beta_3)")
nonclaim(F, block_after("We will label our entire parameter vector"), "definition", "the parameter vector")
nonclaim(F, at(r"Assume we have some data"), "no claim", "notation for the data")
nonclaim(F, at(r"$y_i \sim f(y_i)$"), "condition", "the data's law")
nonclaim(F, at(r"data is $f(y_1, y_2) = f(y_1) \cdot f(y_2)$"), "definition",
         "the joint pmf of independent data named by its product")
nonclaim(F, at(r"with $\lambda = 7$"), "example", "the plotted Poisson rate")
nonclaim(F, block_after("conditional Poisson distribution) can be written as"), "definition",
         "the joint pmf of the sample")

# The likelihood: L is defined as the product, and the product is the joint pmf defined just above.
mu = sp.symbols("mu1:4", positive=True)
yy = sp.symbols("y1:4", integer=True, nonnegative=True)


def poisson_product():
    return sp.Mul(*[m ** y / sp.factorial(y) * sp.exp(-m) for m, y in zip(mu, yy)])


label(F, block_after("takes the observations"), "claim", "right",
      "sympy, n = 3: the product defining L is the joint pmf defined above (the same product)", "",
      lambda: zero(poisson_product() - sp.Mul(*[m ** y / sp.factorial(y) * sp.exp(-m) for m, y in zip(mu, yy)])))
nonclaim(F, block_after("yields the maximum likelihood value"), "no claim", "the problem max L")
L = at(r"differentiating $f(x) = x \exp(x)$")
nonclaim(F, L, "example", "a function to differentiate", pick=r"f(x) = x \exp(x)")
nonclaim(F, L, "example", "its logarithm, to differentiate", pick=r"f(x) = \log(x) + x")


def loglik_chain():
    """log of the product = sum of logs = sum y log mu - sum mu - sum log y!, at random integer points."""
    mp.mp.dps = 50
    rng = np.random.default_rng(69)
    for _ in range(5):
        ms = [mp.mpf(float(v)) for v in rng.uniform(0.1, 9.0, 3)]
        ys = [int(v) for v in rng.integers(0, 12, 3)]
        pmf = [m ** y / mp.factorial(y) * mp.exp(-m) for m, y in zip(ms, ys)]
        lhs = mp.log(pmf[0] * pmf[1] * pmf[2])
        sum_logs = sum(mp.log(p) for p in pmf)
        last = sum(y * mp.log(m) for m, y in zip(ms, ys)) - sum(ms) - sum(mp.log(mp.factorial(y)) for y in ys)
        if not (abs(lhs - sum_logs) < mp.mpf(10) ** -40 and abs(lhs - last) < mp.mpf(10) ** -40):
            return False
    return True


label(F, block_after("In our case the log-likelihood is"), "claim", "right",
      "mpmath at 50 digits, n = 3, five random (mu_i, y_i): every link of the chain agrees to 1e-40", "",
      loglik_chain)
nonclaim(F, block_after("The MLE of the Poisson for"), "no claim", "the problem to solve")
nonclaim(F, block_after("Let's illustrate this by supposing"), "definition", "an illustrative log-likelihood")
L = at(r"The plot shows that the maximum likelihood value")
nonclaim(F, L + 1, "equation", "the first-order condition")
b = sp.Symbol("beta", real=True)
ll = -(b - 10) ** 2 - 10


def argmax_is_10():
    crit = sp.solve(sp.diff(ll, b), b)
    return crit == [10] and sp.diff(ll, b, 2) < 0


label(F, at(r"the likelihood is maximized when $\beta = 10$"), "claim", "right",
      "sympy: d/db of -(b - 10)^2 - 10 vanishes only at b = 10, second derivative -2 < 0", "", argmax_is_10)
label(F, at(r"the maximum is found at $\beta = 10$"), "claim", "right",
      "sympy: the same maximiser b = 10", "", argmax_is_10)
nonclaim(F, block_after("Use the updating rule to iterate"), "update", "the Newton-Raphson step")
nonclaim(F, block_after("where:"), "definition", "the gradient G and Hessian H of the log-likelihood")
nonclaim(F, at(r"< tol$"), "condition", "the stopping rule")
nonclaim(F, at(r"$\hat{\boldsymbol{\beta}} = \boldsymbol{\beta}_{(k+1)}$"), "update", "the estimate is the last iterate")
nonclaim(F, at(r"As can be seen from the updating equation") + 1, "condition", "a fixed point of the iteration")
nonclaim(F, at(r"$G(\boldsymbol{\beta}_{(k)}) = 0$ i.e."), "condition", "a zero gradient")

# ---------------------------------------------------------------- probit exercise
nonclaim(F, block_after("We could use a probit regression model"), "definition", "the probit pmf and its mean")

x1, x2, b1, b2 = sp.symbols("x1 x2 b1 b2", real=True)
s = sp.Symbol("s", real=True)
Phi = lambda t: (1 + sp.erf(t / sp.sqrt(2))) / 2  # noqa: E731  the standard normal c.d.f., written out
phi = lambda t: sp.exp(-t ** 2 / 2) / sp.sqrt(2 * sp.pi)  # noqa: E731  its density


def probit_loglik_holds():
    """n = 2, y = (1, 0): the sum of log pmfs equals the block's sum, at random (x, beta)."""
    rng = np.random.default_rng(691)
    for _ in range(5):
        xs, bet = rng.normal(size=(2, 2)), rng.normal(size=2)
        ys = (1, 0)
        val = 0
        block = 0
        for x, y in zip(xs, ys):
            m = Phi(sp.Float(float(x @ bet), 30))
            val += sp.log(m ** y * (1 - m) ** (1 - y))
            block += y * sp.log(m) + (1 - y) * sp.log(1 - m)
        if abs(sp.N(val - block, 30)) > 1e-25:
            return False
    return True


label(F, block_after("The log-likelihood can be written as"), "claim", "right",
      "sympy at 30 digits, n = 2, y = (1, 0), five random (x_i, beta): sum log[mu^y (1 - mu)^(1 - y)] equals the "
      "block's sum", "mu_i = Phi(x_i' beta)", probit_loglik_holds)
label(F, block_after("cumulative probability distribution is its marginal distribution"), "claim", "right",
      "sympy: d/ds of (1 + erf(s/sqrt 2))/2 is exp(-s^2/2)/sqrt(2 pi)", "phi the standard normal density",
      lambda: zero(sp.diff(Phi(s), s) - phi(s)))


def probit_data(seed):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(4, 3))
    y = np.array([1, 0, 1, 0])
    beta = rng.normal(scale=0.7, size=3)
    return X, y, beta


def _Phi(t):
    return float(Phi(sp.Float(float(t), 30)))


def _phi(t):
    return float(phi(sp.Float(float(t), 30)))


def loglik(X, y, beta):
    return sum(yi * np.log(_Phi(x @ beta)) + (1 - yi) * np.log(1 - _Phi(x @ beta)) for x, yi in zip(X, y))


def gradient_block(X, y, beta):
    return sum((yi * _phi(x @ beta) / _Phi(x @ beta) - (1 - yi) * _phi(x @ beta) / (1 - _Phi(x @ beta))) * x
               for x, yi in zip(X, y))


def hessian_block(X, y, beta):
    out = np.zeros((3, 3))
    for x, yi in zip(X, y):
        t = x @ beta
        P, p = _Phi(t), _phi(t)
        out -= p * (yi * (p + t * P) / P ** 2 + (1 - yi) * (p - t * (1 - P)) / (1 - P) ** 2) * np.outer(x, x)
    return out


def central_gradient(f, beta):
    e = np.eye(len(beta)) * CENTRAL_H
    return np.array([(f(beta + d) - f(beta - d)) / (2 * CENTRAL_H) for d in e])


def gradient_holds():
    for seed in (1, 2, 3):
        X, y, beta = probit_data(seed)
        fd = central_gradient(lambda bb: loglik(X, y, bb), beta)
        if not np.allclose(gradient_block(X, y, beta), fd, rtol=TOL_DIFF, atol=TOL_DIFF):
            return False
    return True


def hessian_holds():
    for seed in (1, 2, 3):
        X, y, beta = probit_data(seed)
        fd = np.array([central_gradient(lambda bb: gradient_block(X, y, bb)[j], beta) for j in range(3)])
        if not np.allclose(hessian_block(X, y, beta), fd, rtol=TOL_DIFF, atol=TOL_DIFF):
            return False
    return True


label(F, block_after("The gradient vector of the Probit model is"), "claim", "right",
      "numpy: central differences of the log-likelihood (h = 1e-5) at three random (X, y, beta), rtol 1e-6", "",
      gradient_holds)
label(F, block_after("The Hessian of the Probit model is"), "claim", "right",
      "numpy: central differences of the gradient (h = 1e-5) at three random (X, y, beta), rtol 1e-6", "",
      hessian_holds)
nonclaim(F, block_after("estimate the MLE with the Newton-Raphson algorithm"), "example",
         "the exercise's data and starting point")


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)
    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
