r"""Independent checks of the hand labels of round 39 (branch fresh38): two open textbooks no earlier round used,
labelled before Formulary was run on them.

* ``friedman_mlbook_regression.md``: Danny Friedman, *Machine Learning from Scratch* (MIT), ordinary least squares
  by loss minimisation and by maximum likelihood, ridge and lasso, and a Poisson GLM: MyST Markdown with the book's
  ``\newcommand`` block in a display, ``\dadb{..}{..}`` for partial derivatives, bold vectors, ``align`` chains and
  math inside ```` ```{admonition} ```` directive fences.
* ``friedman_mlbook_math_appendix.md``: the same book's appendix on calculus, matrices and matrix calculus
  (derivative rules written ``f(x) = ... \rightarrow f'(x) = ...``, numerator-layout derivatives).
* ``blais_parameter_estimation.tex``, ``blais_priors_posteriors.tex``: Brian Blais, *Statistical Inference for
  Everyone* (CC BY-SA 4.0), two LaTeX chapters: bent coins and the Beta posterior, best estimates (mode, mean, the
  median's approximation), the Normal distribution, estimates of a mean with known and unknown deviation, worked
  examples with units (``4.92\cm``, ``\cm`` = ``[\rm cm]``) and ``\pm``; displays are the book's ``\def\beqn{\begin
  {eqnarray*}}`` macros, and ``\sim`` is written for "proportional to" between a posterior and likelihood x prior.

As in the earlier rounds: each entry names a block by ``(file, line[, pick: the block's exact text])``, gives its
role and label, says how it was checked and, for ``right``/``wrong``, carries a check written by hand with sympy,
mpmath or numpy that returns True when the block's claim holds as its author means it.  Rounded numbers are right
when the exact value rounds to the digits written.  ``\sim`` between a posterior and a product of likelihood and prior
is checked as proportionality (the ratio of the two sides constant in the parameter); gradients by central
differences (step 1e-6, tolerance 1e-6 relative: the round-off of a central difference of these smooth functions is
about 1e-9, a wrong gradient errs by O(1)).  Nothing from the Formulary code base is imported; the blocks are found
by this file's own finder (Pandoc's rule for ``$``; the MyST directive fences ```` ```{admonition} ````/```` ```{note}
```` are text, not code; in the .tex files the book's ``\beqn ... \eeqn`` are displays).

    python3 tests/corpus/notes/check_labels_round39.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round39.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import mpmath as mp
import numpy as np
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import check_entries, pandoc_blocks, recorder

RNG = np.random.default_rng(39)
ENTRIES, label, nonclaim = recorder()
mp.mp.dps = 30
FD_TOL = 1e-6
"""Relative tolerance of a central-difference gradient (see the module docstring)."""
R = "friedman_mlbook_regression.md"
M = "friedman_mlbook_math_appendix.md"
B1 = "blais_parameter_estimation.tex"
B2 = "blais_priors_posteriors.tex"


def zero(expr) -> bool:
    return sp.simplify(expr) == 0


def rounds_to(exact, written: str) -> bool:
    """True when ``exact`` rounded to the decimals of ``written`` gives ``written`` (a tie rounds either way: within
    half a unit of the last written digit)."""
    places = len(written.split(".")[1]) if "." in written else 0
    return abs(mp.mpf(exact) - mp.mpf(written)) <= mp.mpf(10) ** (-places) / 2 * (1 + mp.mpf(10) ** -20)


# ---------------------------------------------------------------- the blocks
def _mask(text: str, tex: bool) -> str:
    blank = lambda m: re.sub(r"[^\n]", " ", m.group(0))
    text = re.sub(r"<!--.*?-->", blank, text, flags=re.S)
    if tex:
        text = re.sub(r"(?<!\\)%[^\n]*", blank, text)
        start = text.find("\\begin{document}")
        return re.sub(r"[^\n]", " ", text[:start]) + text[start:]
    # code fences are masked; MyST directive fences (```{note}, ```{admonition} ...) hold text and math
    fences = [m for m in re.finditer(r"^```[^\n]*", text, flags=re.M)]
    out, last = [], 0
    for opening, closing in zip(fences[::2], fences[1::2]):
        if not re.match(r"```\{(?!code)", opening.group(0)):
            out.append(text[last:opening.start()])
            out.append(re.sub(r"[^\n]", " ", text[opening.start():closing.end()]))
            last = closing.end()
    return "".join(out) + text[last:]


_TEX_OPEN = re.compile(r"\\beqn(?![A-Za-z])|\$\$|\\\[|\\begin\{(equation|align|eqnarray)\*?\}|(?<!\\)\$")


def _tex_blocks(text: str):
    masked, out, i = _mask(text, True), [], 0
    while True:
        m = _TEX_OPEN.search(masked, i)
        if m is None:
            return out
        token, start = m.group(0), m.start()
        if token == "\\beqn":
            j = masked.find("\\eeqn", m.end())
            out.append((masked.count("\n", 0, start) + 1, text[m.end():j]))
            i = j + 5
        elif token in ("$$", "\\["):
            j = masked.find("$$" if token == "$$" else "\\]", m.end())
            out.append((masked.count("\n", 0, start) + 1, text[m.end():j]))
            i = j + 2
        elif token.startswith("\\begin"):
            j = masked.find("}", masked.find("\\end{" + m.group(1), m.end())) + 1
            out.append((masked.count("\n", 0, start) + 1, text[start:j]))
            i = j
        else:
            j = m.end()
            while masked[j] != "$" or masked[j - 1] == "\\":
                j += 1
            out.append((masked.count("\n", 0, start) + 1, text[m.end():j]))
            i = j + 1


def _md_blocks(text: str):
    """``$$...$$`` displays and ``$...$`` inline formulas by Pandoc's rule (:func:`check_labels.pandoc_blocks`)."""
    return pandoc_blocks(text, _mask(text, False))


def _latex(entry) -> str:
    path = HERE / entry["file"]
    text = path.read_text(encoding="utf-8")
    found = [inner for line, inner in (_tex_blocks(text) if path.suffix == ".tex" else _md_blocks(text))
             if line == entry["line"]]
    if entry["pick"] is not None:
        found = [inner for inner in found if inner.strip() == entry["pick"]]
    elif len(found) > 1:
        found = [inner for inner in found if re.search(r"[=<>]|\\in\b|\\sim\b|\\approx|\\equiv", inner)]
    if len(found) != 1:
        raise SystemExit(f"{entry['file']}:{entry['line']}: {len(found)} blocks match {entry['pick']!r}")
    return found[0]


# ---------------------------------------------------------------- least squares (Friedman)
NS = 4
xs, ys, zs = sp.symbols(f"x1:{NS + 1}"), sp.symbols(f"y1:{NS + 1}"), sp.symbols(f"z1:{NS + 1}")
b0, b1, cc = sp.symbols("beta0 beta1 c")
XBAR, YBAR = sum(xs) / NS, sum(ys) / NS
RSS = sp.Rational(1, 2) * sum((y - (b0 + b1 * x)) ** 2 for x, y in zip(xs, ys))


def _rss_substituted():
    yhat = [b0 + b1 * x for x in xs]
    return zero(sp.Rational(1, 2) * sum((y - h) ** 2 for y, h in zip(ys, yhat)) - RSS)


def _d_beta0():
    d = sp.diff(RSS, b0)
    return zero(d + sum(y - b0 - b1 * x for x, y in zip(xs, ys))) and zero(d + NS * (YBAR - b0 - b1 * XBAR))


def _intercept_solved():
    return zero(sp.solve(sp.diff(RSS, b0), b0)[0] - (YBAR - b1 * XBAR))


def _d_beta1():
    return zero(sp.diff(RSS, b1) + sum((y - b0 - b1 * x) * x for x, y in zip(xs, ys)))


def _slope_rows():
    row1 = sum((y - (YBAR - b1 * XBAR) - b1 * x) * x for x, y in zip(xs, ys))
    row2 = b1 * sum((x - XBAR) * x for x in xs) - sum((y - YBAR) * x for x, y in zip(xs, ys))
    row3 = sum(x * (y - YBAR) for x, y in zip(xs, ys)) / sum(x * (x - XBAR) for x in xs)
    return zero(row1 + row2) and zero(sp.solve(row1, b1)[0] - row3)


def _centred_sum():
    return zero(sum(cc * (z - sum(zs) / NS) for z in zs))


def _slope_standard():
    standard = sum((x - XBAR) * (y - YBAR) for x, y in zip(xs, ys)) / sum((x - XBAR) ** 2 for x in xs)
    row3 = sum(x * (y - YBAR) for x, y in zip(xs, ys)) / sum(x * (x - XBAR) for x in xs)
    return zero(standard - row3)


def _design(n=7, d=3):
    X = np.hstack([np.ones((n, 1)), RNG.normal(size=(n, d))])
    return X, RNG.normal(size=n)


def _grad_fd(f, b, h=1e-6):
    g = np.zeros_like(b)
    for i in range(b.size):
        e = np.zeros_like(b)
        e[i] = h
        g[i] = (f(b + e) - f(b - e)) / (2 * h)
    return g


def _grad_close(f, b, expected) -> bool:
    g = _grad_fd(f, b)
    return bool(np.all(np.abs(g - expected) <= FD_TOL * (1 + np.abs(expected))))


def _sum_equals_matrix():
    X, y = _design()
    b = RNG.normal(size=X.shape[1])
    return abs(0.5 * sum((y[n] - b @ X[n]) ** 2 for n in range(len(y))) - 0.5 * (y - X @ b) @ (y - X @ b)) < 1e-12


def _weighted_quadratic_gradient():
    A, q, s = RNG.normal(size=(5, 3)), RNG.normal(size=5), RNG.normal(size=3)
    W = RNG.normal(size=(5, 5))
    W = W + W.T
    f = lambda v: (q - A @ v) @ W @ (q - A @ v)
    return _grad_close(f, s, -2 * A.T @ W @ (q - A @ s))


def _ols_gradient():
    X, y = _design()
    b = RNG.normal(size=X.shape[1])
    return _grad_close(lambda v: 0.5 * (y - X @ v) @ (y - X @ v), b, -X.T @ (y - X @ b))


def _normal_shift():
    from sympy.stats import E, Normal, variance
    s = sp.Symbol("sigma", positive=True)
    x = sp.Symbol("x_n", real=True)
    Y = b0 + b1 * x + Normal("eps", 0, s)
    return zero(E(Y) - (b0 + b1 * x)) and zero(variance(Y) - s ** 2)


def _ols_closed_forms():
    x, y = RNG.normal(size=9), RNG.normal(size=9)
    slope = np.sum((x - x.mean()) * (y - y.mean())) / np.sum((x - x.mean()) ** 2)
    intercept = y.mean() - slope * x.mean()
    fit = np.linalg.lstsq(np.column_stack([np.ones_like(x), x]), y, rcond=None)[0]
    return np.allclose([intercept, slope], fit, rtol=1e-10, atol=1e-12)


def _normal_equations():
    X, y = _design()
    return np.allclose(np.linalg.inv(X.T @ X) @ X.T @ y, np.linalg.lstsq(X, y, rcond=None)[0], rtol=1e-10)


def _I_prime(d):
    I = np.eye(d + 1)
    I[0, 0] = 0
    return I


def _ridge_penalty_gradient():
    lam, b = 0.7, RNG.normal(size=4)
    expected = np.concatenate([[0.0], lam * b[1:]])
    return _grad_close(lambda v: lam / 2 * np.sum(v[1:] ** 2), b, expected) and np.allclose(
        expected, lam * _I_prime(3) @ b)


def _ridge_gradient():
    X, y = _design()
    lam, b = 0.7, RNG.normal(size=X.shape[1])
    f = lambda v: 0.5 * (y - X @ v) @ (y - X @ v) + lam / 2 * np.sum(v[1:] ** 2)
    return _grad_close(f, b, -X.T @ (y - X @ b) + lam * _I_prime(X.shape[1] - 1) @ b)


def _ridge_solution():
    """Row 2 zeroes the gradient; row 1 holds with the estimate as a row vector (the matrix is symmetric)."""
    X, y = _design()
    lam, Ip = 0.7, _I_prime(X.shape[1] - 1)
    b = np.linalg.inv(X.T @ X + lam * Ip) @ X.T @ y
    return np.allclose(-X.T @ (y - X @ b) + lam * Ip @ b, 0, atol=1e-10) and np.allclose(
        b @ (X.T @ X + lam * Ip), X.T @ y, atol=1e-10)


def _lasso_gradient():
    X, y = _design()
    lam, b = 0.7, RNG.normal(size=X.shape[1])  # no coordinate is 0, where |.| has no derivative
    f = lambda v: 0.5 * (y - X @ v) @ (y - X @ v) + lam * np.sum(np.abs(v[1:]))
    return _grad_close(f, b, -X.T @ (y - X @ b) + lam * _I_prime(X.shape[1] - 1) @ np.sign(b))


def _glm_log_likelihood():
    """Poisson instance with log link: the joint log-likelihood of independent Y_n is the sum of theirs."""
    X, beta = RNG.normal(size=(5, 2)), RNG.normal(size=2)
    Yv = RNG.integers(0, 6, size=5)
    lam = np.exp(X @ beta)
    logpmf = lambda m, y: y * np.log(m) - m - float(mp.log(mp.factorial(int(y))))
    joint = np.log(np.prod([lam[n] ** Yv[n] * np.exp(-lam[n]) / float(mp.factorial(int(Yv[n]))) for n in range(5)]))
    return abs(joint - sum(logpmf(lam[n], Yv[n]) for n in range(5))) < 1e-10


def _poisson_mean():
    from sympy.stats import E, Poisson
    lam = sp.Symbol("lambda", positive=True)
    return zero(E(Poisson("Y", lam)) - lam)


def _log_inverts_exp():
    eta = sp.Symbol("eta", real=True)
    return zero(sp.log(sp.exp(eta)) - eta)


def _poisson_kernel():
    lam = sp.Symbol("lambda", positive=True)
    return all(sp.diff(sp.simplify((sp.exp(-lam) * lam ** z / sp.factorial(z)) / (sp.exp(-lam) * lam ** z)), lam) == 0
               for z in range(6))


def _poisson_loss_chain():
    X, beta = RNG.normal(size=(5, 2)), RNG.normal(size=2)
    Yv = RNG.integers(0, 6, size=5).astype(float)
    eta = X @ beta
    a = -np.sum(Yv * np.log(np.exp(eta)) - np.exp(eta))
    b = np.sum(np.exp(eta) - Yv * eta)
    c = np.sum(np.exp(X @ beta) - Yv * (X @ beta))
    return abs(a - b) < 1e-12 and abs(b - c) < 1e-12


def _poisson_gradient(form):
    X, beta = RNG.normal(size=(5, 2)), RNG.normal(size=2)
    Yv = RNG.integers(0, 6, size=5).astype(float)
    yhat = np.exp(X @ beta)
    expected = {"sum": sum(np.exp(beta @ X[n]) * X[n] - Yv[n] * X[n] for n in range(5)),
                "fitted": sum(yhat[n] * X[n] - Yv[n] * X[n] for n in range(5)),
                "matrix": X.T @ (yhat - Yv)}[form]
    return _grad_close(lambda v: np.sum(np.exp(X @ v) - Yv * (X @ v)), beta, expected)


# ---------------------------------------------------------------- calculus appendix (Friedman)
xx = sp.Symbol("x", positive=True)


def _derivative_table():
    a = sp.Symbol("a", real=True)
    xr = sp.Symbol("x", real=True)
    abs_ok = all(sp.diff(sp.Abs(xr), xr).subs(xr, v) == s for v, s in ((2, 1), (sp.Rational(1, 3), 1), (-2, -1)))
    return (zero(sp.diff(xx ** a, xx) - a * xx ** (a - 1)) and zero(sp.diff(sp.exp(xx), xx) - sp.exp(xx))
            and zero(sp.diff(sp.log(xx), xx) - 1 / xx) and abs_ok)


TEST_G, TEST_H = sp.sin(xx) + xx ** 2, sp.exp(xx) + 2


def _sum_product_quotient():
    g, h = TEST_G, TEST_H
    gp, hp = sp.diff(g, xx), sp.diff(h, xx)
    return (zero(sp.diff(g + h, xx) - (gp + hp)) and zero(sp.diff(g * h, xx) - (gp * h + g * hp))
            and zero(sp.diff(g / h, xx) - (h * gp + g * hp) / h ** 2))  # the quotient rule as written


def _chain_rule():
    u = sp.Symbol("u")
    g = sp.sin(u) + u ** 3
    return zero(sp.diff(g.subs(u, TEST_H), xx) - sp.diff(g, u).subs(u, TEST_H) * sp.diff(TEST_H, xx))


def _sin_square():
    return zero(sp.diff(sp.sin(xx ** 2), xx) - 2 * xx * sp.cos(xx ** 2))


def _dot_product():
    u, v = RNG.normal(size=4), RNG.normal(size=4)
    return abs(u @ v - sum(u[d] * v[d] for d in range(4))) < 1e-12


def _transpose_entries():
    A = RNG.normal(size=(3, 2))
    return all(A.T[j, i] == A[i, j] for i in range(3) for j in range(2))


def _inverse_both_sides():
    A = RNG.normal(size=(4, 4))
    return np.allclose(A @ np.linalg.inv(A), np.eye(4)) and np.allclose(np.linalg.inv(A) @ A, np.eye(4))


# ---------------------------------------------------------------- bent coins (Blais)
TH = sp.Symbol("theta", positive=True)
COINS = [sp.Rational(i, 10) for i in range(11)]


def _bayes_proportional(with_binomial: bool):
    """P(M_i | 9T,3H) for the 11 coins by Bayes' rule; its ratio to the right side is the same for every coin where
    both are non-zero (and both vanish together)."""
    like = [sp.binomial(12, 3) * t ** 3 * (1 - t) ** 9 for t in COINS]
    prior = sp.Rational(1, 11)
    post = [l * prior / sum(l2 * prior for l2 in like) for l in like]
    rhs = like if not with_binomial else [sp.binomial(12, 3) * t ** 3 * (1 - t) ** 9 for t in COINS]
    ratios = {sp.nsimplify(p / (r * prior)) for p, r in zip(post, rhs) if r != 0}
    return len(ratios) == 1 and all((p == 0) == (r == 0) for p, r in zip(post, rhs))


def _beta_posterior_proportional():
    """The posterior under a uniform prior is Beta(4, 10); its density over theta^3 (1-theta)^9 is constant."""
    density = TH ** 3 * (1 - TH) ** 9 / sp.beta(4, 10)
    return sp.diff(sp.simplify(density / (sp.binomial(12, 3) * TH ** 3 * (1 - TH) ** 9 * 1)), TH) == 0


def _mode_is_frequency(h=3, n=12):
    crit = sp.solve(sp.diff(TH ** h * (1 - TH) ** (n - h), TH), TH)
    return sp.Rational(h, n) in crit and all(c in (0, 1) for c in crit if c != sp.Rational(h, n))


def _prob_below_half():
    return rounds_to(mp.betainc(4, 10, 0, 0.5, regularized=True), "0.954")


def _posterior_mean(h=3, n=12):
    a, b = h + 1, n - h + 1  # Beta(h + 1, N - h + 1) under the uniform prior
    mean = (sp.integrate(TH * TH ** (a - 1) * (1 - TH) ** (b - 1), (TH, 0, 1))
            / sp.integrate(TH ** (a - 1) * (1 - TH) ** (b - 1), (TH, 0, 1)))
    return zero(mean - sp.Rational(h + 1, n + 2))


def _median_approx_arithmetic():
    return sp.Rational(3 + 2, 12 + 4) == sp.Rational(5, 16) and rounds_to(5 / 16, "0.313")


def _mode_arithmetic():
    return sp.Rational(3, 12) == sp.Rational(1, 4)


def _sd_arithmetic():
    return rounds_to(mp.sqrt(0.34 * (1 - 0.34) / 30), "0.09")


def _interval_arithmetic():
    return rounds_to(0.34 - 2 * 0.09, "0.16") and rounds_to(0.34 + 2 * 0.09, "0.52")


# ---------------------------------------------------------------- Normal estimates (Blais)
def _beta_binomial_uniform():
    return _beta_posterior_proportional()


def _normal_mode():
    mu_, s_ = 150, 20
    x = sp.Symbol("x", real=True)
    pdf = sp.exp(-(x - mu_) ** 2 / (2 * s_ ** 2))
    return sp.solve(sp.diff(pdf, x), x) == [150]


def _z_score():
    return rounds_to((170 - 150) / 30, "0.67")


def _sum_variance():
    from sympy.stats import Normal, variance
    sx, sy = sp.symbols("sigma_x sigma_y", positive=True)
    X, Y = Normal("X", 1, sx), Normal("Y", 2, sy)  # independent
    return zero(variance(X + Y) - sx ** 2 - sy ** 2)


def _shift_law():
    from sympy.stats import E, Normal, variance
    sx, c = sp.Symbol("sigma_x", positive=True), sp.Symbol("c", real=True)
    mx = sp.Symbol("mu_x", real=True)
    Z = Normal("X", mx, sx) + c
    return zero(E(Z) - mx - c) and zero(variance(Z) - sx ** 2)


def _difference_mean():
    return 20 - 8 == 12


def _difference_sd():
    return rounds_to(mp.sqrt(7 ** 2 + 2 ** 2), "7.3")


def _gelman_difference():
    return 25 - 10 == 15 and rounds_to(mp.sqrt(10 ** 2 + 10 ** 2), "14")


def _flat_prior_posterior():
    """With a flat prior on mu and known sigma, the posterior of mu given x_1..x_N is Normal(xbar, sigma/sqrt(N)):
    the log-posterior minus the log of that density is constant in mu."""
    mu_ = sp.Symbol("mu", real=True)
    s = sp.Symbol("sigma", positive=True)
    data = [sp.Rational(51, 10), sp.Rational(49, 10), sp.Rational(47, 10), sp.Rational(49, 10), 5]
    n = len(data)
    xbar = sum(data) / n
    log_post = -sum((x - mu_) ** 2 for x in data) / (2 * s ** 2)
    log_normal = -(mu_ - xbar) ** 2 / (2 * s ** 2 / n)
    return sp.diff(sp.expand(log_post - log_normal), mu_) == 0


LENGTHS = [5.1, 4.9, 4.7, 4.9, 5.0]


def _mean_of_lengths():
    return rounds_to(sum(LENGTHS) / 5, "4.92")


def _known_sigma_error():
    return rounds_to(0.5 / mp.sqrt(5), "0.223")  # 0.22361 rounds to 0.224


def _sigma_posterior_approximation():
    """Under the prior 1/sigma (flat in mu), the marginal posterior of sigma is proportional to
    sigma^-N exp(-(N - 1) S^2 / (2 sigma^2)); for N = 101 and S = 2 its standard deviation (by quadrature) against the
    stated S^2/sqrt((N - 1)/3).  The first line, Normal(xbar, S/sqrt(N)) for mu, is the usual large-N form."""
    n, S = 101, mp.mpf(2)
    dens = lambda s: s ** (-n) * mp.exp(-(n - 1) * S ** 2 / (2 * s ** 2))
    z = mp.quad(dens, [0.5, S, 6])
    m1 = mp.quad(lambda s: s * dens(s), [0.5, S, 6]) / z
    m2 = mp.quad(lambda s: s * s * dens(s), [0.5, S, 6]) / z
    sd = mp.sqrt(m2 - m1 ** 2)
    return abs(sd - S ** 2 / mp.sqrt((n - 1) / mp.mpf(3))) < 0.05 * sd


def _student_posterior():
    """Under the prior 1/sigma the marginal posterior of mu (sigma integrated out by quadrature) over the Student
    density with N - 1 dof, centre xbar and scale S/sqrt(N) is constant in mu."""
    data = [mp.mpf(v) for v in LENGTHS]
    n = len(data)
    xbar = sum(data) / n
    S = mp.sqrt(sum((x - xbar) ** 2 for x in data) / (n - 1))

    def marginal(m):
        return mp.quad(lambda s: s ** (-n - 1) * mp.exp(-sum((x - m) ** 2 for x in data) / (2 * s ** 2)),
                       [0, 0.05, 0.2, 1, mp.inf])

    def student(m):
        t = (m - xbar) / (S / mp.sqrt(n))
        return (1 + t ** 2 / (n - 1)) ** (-n / mp.mpf(2))

    ratios = [marginal(m) / student(m) for m in (4.8, 4.92, 5.0, 5.2)]
    return max(ratios) - min(ratios) < 1e-10 * max(ratios)


def _sample_variance_chain():
    """S^2 of the five lengths is 0.022 (the chain writes 0.024; its later links follow from 0.024)."""
    m = sum(LENGTHS) / 5
    s2 = sum((x - m) ** 2 for x in LENGTHS) / 4
    return rounds_to(s2, "0.024") and rounds_to(mp.sqrt(0.024), "0.155") and rounds_to(0.155 / mp.sqrt(5), "0.069")


def _sample_variance_chain_k():
    return _sample_variance_chain() and 1 + 20 / 5 ** 2 == 1.8 and rounds_to(1.8 * 0.069, "0.124")


def _t_interval():
    return rounds_to(4.92 - 2.776 * 0.069, "4.73") and rounds_to(4.92 + 2.776 * 0.069, "5.11")


def _normal_approx_interval():
    return rounds_to(4.92 - 2 * 0.124, "4.672") and rounds_to(4.92 + 2 * 0.124, "5.168")


# ---------------------------------------------------------------- labels: Friedman, regression
nonclaim(R, 18, "no-claim", "the book's \\newcommand block")
nonclaim(R, 45, "definition", "the simple regression model")
nonclaim(R, 55, "definition", "the prediction")
nonclaim(R, 62, "definition", "the RSS")
label(R, 79, "claim", "right", "sympy: the RSS with the prediction substituted (N = 4)", "", _rss_substituted)
label(R, 87, "claim", "right", "sympy: d RSS / d beta0 and its mean form (N = 4)", "", _d_beta0)
label(R, 97, "claim", "right", "sympy: the root of d RSS / d beta0", "", _intercept_solved)
label(R, 106, "claim", "right", "sympy: d RSS / d beta1 (N = 4)", "", _d_beta1)
label(R, 115, "claim", "right", "sympy: the three rows are the same equation in beta1 (N = 4)", "", _slope_rows)
label(R, 129, "claim", "right", "sympy: sum of c (z_n - zbar) vanishes (N = 4)", "zbar the sample mean", _centred_sum)
label(R, 137, "claim", "right", "sympy: the centred form equals the row-3 form (N = 4)", "", _slope_standard)
nonclaim(R, 153, "definition", "the multiple regression model")
nonclaim(R, 164, "definition", "the model in vector form")
nonclaim(R, 174, "definition", "the RSS of the multiple regression")
nonclaim(R, 183, "definition", "y and X")
nonclaim(R, 189, "definition", "the fitted values")
label(R, 192, "claim", "right", "numpy: the RSS as a sum equals the quadratic form (random X, y, beta)", "",
      _sum_equals_matrix)
label(R, 206, "claim", "right", "numpy: central differences of (q - As)^T W (q - As), W symmetric random", "W symmetric",
      _weighted_quadratic_gradient)
label(R, 217, "claim", "right", "numpy: central differences of the RSS", "", _ols_gradient)
nonclaim(R, 250, "definition", "the model of Y_n")
nonclaim(R, 258, "condition", "i.i.d. normal errors")
label(R, 268, "claim", "right", "sympy.stats: beta0 + beta1 x_n + eps has mean beta0 + beta1 x_n, variance sigma^2",
      "eps_n ~ N(0, sigma^2)", _normal_shift)
nonclaim(R, 300, "definition", "the RSS restated")
label(R, 308, "claim", "right", "numpy: the closed forms equal the least-squares fit (random data)", "",
      _ols_closed_forms)
nonclaim(R, 320, "condition", "normal errors, several predictors")
label(R, 336, "claim", "right", "numpy: (X^T X)^-1 X^T y equals the least-squares solution", "X of full column rank",
      _normal_equations)
nonclaim(R, 356, "definition", "the ridge loss")
label(R, 377, "claim", "right", "numpy: central differences of the penalty; the vector equals lambda I' beta", "",
      _ridge_penalty_gradient)
label(R, 388, "claim", "right", "numpy: central differences of the ridge loss", "", _ridge_gradient)
label(R, 398, "claim", "right", "numpy: the solution zeroes the gradient; row 1 holds with the estimate as a row "
      "vector (X^T X + lambda I' is symmetric)", "", _ridge_solution)
nonclaim(R, 412, "definition", "the lasso loss")
label(R, 423, "claim", "right", "numpy: central differences of the lasso loss away from zero coordinates",
      "no coordinate of beta is 0", _lasso_gradient)
nonclaim(R, 451, "definition", "the mean", pick="\\mu_n = E(Y_n)")
nonclaim(R, 451, "definition", "the linear predictor", pick="\\eta_n = \\bbeta^\\top \\bx_n")
nonclaim(R, 454, "definition", "the link")
nonclaim(R, 462, "definition", "the inverse link")
nonclaim(R, 476, "definition", "the GLM")
nonclaim(R, 497, "definition", "the link")
label(R, 508, "claim", "right", "numpy: a Poisson instance with log link, independent Y_n", "Y_n independent",
      _glm_log_likelihood)
nonclaim(R, 524, "condition", "Poisson responses")
label(R, 528, "claim", "right", "sympy.stats: the Poisson mean is its rate", "Y_n ~ Pois(lambda_n)", _poisson_mean,
      pick="E(Y_n) = \\mu_n = \\lambda_n")
nonclaim(R, 532, "definition", "the inverse link", pick="\\lambda_n = g^{-1}(\\eta_n)")
nonclaim(R, 535, "definition", "the inverse link chosen")
label(R, 543, "claim", "right", "sympy: log inverts exp", "lambda_n = exp(eta_n)", _log_inverts_exp)
nonclaim(R, 554, "definition", "the vector of rates")
label(R, 561, "claim", "right", "sympy: pmf / (e^-lambda lambda^z) = 1/z! is free of lambda (z = 0..5)", "",
      _poisson_kernel)
label(R, 581, "claim", "right", "numpy: the three members agree (random X, beta, counts)", "eta_n = beta^T x_n",
      _poisson_loss_chain)
label(R, 597, "claim", "right", "numpy: central differences of the Poisson loss", "", lambda: _poisson_gradient("sum"))
nonclaim(R, 607, "definition", "the fitted values")
label(R, 614, "claim", "right", "numpy: central differences, fitted values substituted", "",
      lambda: _poisson_gradient("fitted"))
label(R, 620, "claim", "right", "numpy: central differences, matrix form", "", lambda: _poisson_gradient("matrix"))
nonclaim(R, 627, "definition", "the fitted values in matrix form")

# ---------------------------------------------------------------- labels: Friedman, math appendix
nonclaim(M, 12, "no-claim", "the book's \\newcommand block")
label(M, 43, "claim", "right", "sympy: the four derivatives (|x| at x = 2, 1/3, -2)", "x > 0 for log", _derivative_table)
label(M, 56, "claim", "wrong", "sympy: with g = sin x + x^2, h = e^x + 2 the quotient rule as written (h g' + g h') / h^2 "
      "is not (g/h)' (the sign of g h' is wrong); the sum and product rules hold", "", _sum_product_quotient)
label(M, 66, "claim", "right", "sympy: the chain rule for g = sin u + u^3, h = e^x + 2", "", _chain_rule)
label(M, 72, "claim", "right", "sympy: d/dx sin(x^2) = 2x cos(x^2)", "", _sin_square)
label(M, 83, "claim", "right", "numpy: the dot product as a sum (D = 4)", "", _dot_product)
nonclaim(M, 91, "definition", "the L1 and L2 norms")
nonclaim(M, 101, "definition", "the matrix A")
label(M, 112, "claim", "right", "numpy: the transpose's entries", "", _transpose_entries)
label(M, 123, "claim", "right", "numpy: a random 4 x 4 matrix times its inverse, both sides", "A invertible",
      _inverse_both_sides)
for line in (135, 143, 151, 159, 167, 175, 185):
    nonclaim(M, line, "definition", "numerator layout")

# ---------------------------------------------------------------- labels: Blais, parameter estimation
nonclaim(B1, 45, "example", "a coin that always flips heads", pick="\\P{heads}=1")
nonclaim(B1, 45, "example", "a coin that always flips tails", pick="\\P{tails}=1")
nonclaim(B1, 45, "example", "a fair coin", pick="\\P{heads}=\\P{tails}=0.5")
nonclaim(B1, 45, "example", "coin 7", pick="\\P{heads}=0.7")
nonclaim(B1, 83, "definition", "the uniform prior over 11 coins")
label(B1, 91, "claim", "right", "sympy: the posterior of each coin over likelihood x prior is one constant (\\sim is "
      "'proportional to')", "9 tails, 3 heads", lambda: _bayes_proportional(False))
label(B1, 98, "claim", "right", "sympy: the same with the binomial likelihood written out", "9 tails, 3 heads",
      lambda: _bayes_proportional(True))
nonclaim(B1, 178, "definition", "the uniform prior")
label(B1, 186, "claim", "right", "sympy: the Beta(4, 10) posterior over likelihood x prior is constant in theta",
      "9 tails, 3 heads", _beta_posterior_proportional)
label(B1, 193, "claim", "right", "sympy: the same with the binomial written out", "9 tails, 3 heads",
      _beta_posterior_proportional)
label(B1, 220, "claim", "right", "sympy: the only interior critical point of theta^3 (1-theta)^9 is 3/12", "",
      _mode_is_frequency)
label(B1, 225, "claim", "right", "mpmath: P(theta < 0.5) under Beta(4, 10) is 0.95386", "9 tails, 3 heads",
      _prob_below_half, pick="P(\\theta<0.5) = 0.954")
label(B1, 240, "claim", "right", "sympy: the mode of the posterior theta^h (1-theta)^(N-h) is h/N (h = 3, N = 12)",
      "uniform prior", _mode_is_frequency)
nonclaim(B1, 245, "definition", "the posterior mean")
label(B1, 249, "claim", "right", "sympy: the mean of Beta(h+1, N-h+1) is (h+1)/(N+2) (h = 3, N = 12)", "uniform prior",
      _posterior_mean)
nonclaim(B1, 255, "definition", "the median")
nonclaim(B1, 261, "approximation", "the book's rule of thumb for the median")
label(B1, 276, "claim", "right", "sympy: (3+2)/(12+4) = 5/16 = 0.3125, written 0.313 (the approximation as stated)",
      "h = 3, N = 12", _median_approx_arithmetic)
label(B1, 281, "claim", "right", "sympy: 3/12 = 0.25", "h = 3, N = 12", _mode_arithmetic)
nonclaim(B1, 302, "approximation", "the standard deviation's approximation")
label(B1, 306, "claim", "right", "mpmath: sqrt(0.34 * 0.66 / 30) = 0.0865, written 0.09", "", _sd_arithmetic)
label(B1, 314, "claim", "right", "arithmetic: 0.34 -+ 0.18", "", _interval_arithmetic)
nonclaim(B1, 326, "no-claim", "notation for a marginal")
nonclaim(B1, 332, "no-claim", "notation for a marginal")

# ---------------------------------------------------------------- labels: Blais, priors and posteriors
label(B2, 64, "claim", "right", "sympy: Beta(4, 10) over binomial x uniform is constant in theta (\\sim is "
      "'proportional to'; checked at 3 heads in 12)", "", _beta_binomial_uniform)
label(B2, 116, "claim", "right", "sympy: the mode of Normal(150, 20) is 150", "mu = 150, sigma = 20", _normal_mode,
      pick="\\hat{x}=\\mu=150")
label(B2, 122, "claim", "right", "arithmetic: 20/30 = 0.667, written 0.67", "mu = 150, sigma = 30", _z_score)
nonclaim(B2, 169, "condition", "x and y normal")
label(B2, 176, "claim", "right", "sympy.stats: Var(X + Y) of independent normals", "x, y independent", _sum_variance)
nonclaim(B2, 184, "definition", "z")
label(B2, 188, "claim", "right", "sympy.stats: x + c has mean mu_x + c and variance sigma_x^2", "", _shift_law)
nonclaim(B2, 193, "condition", "the law of x", pick="P(x)={\\rm Normal}(\\mu=8,\\sigma=2)")
nonclaim(B2, 193, "condition", "the law of y", pick="P(y)={\\rm Normal}(\\mu=20,\\sigma=7)")
nonclaim(B2, 193, "definition", "z", pick="z=y-x")
label(B2, 195, "claim", "right", "arithmetic", "", _difference_mean, pick="\\mu_{z}=20-8 = 12")
label(B2, 195, "claim", "right", "mpmath: sqrt(53) = 7.280, written 7.3", "", _difference_sd,
      pick="\\sigma_{z}=\\sqrt{7^{2}+2^{2}}=7.3")
label(B2, 236, "claim", "right", "mpmath: sqrt(200) = 14.14, written 14", "", _gelman_difference)
label(B2, 253, "claim", "right", "sympy: flat prior, known sigma: the log-posterior minus the log-density of "
      "Normal(xbar, sigma/sqrt N) is constant in mu (five data)", "flat prior on mu", _flat_prior_posterior)
nonclaim(B2, 258, "definition", "the sample mean")
nonclaim(B2, 265, "definition", "the estimate and its uncertainty")
nonclaim(B2, 276, "condition", "the known deviation", pick="\\sigma=0.5 \\cm")
label(B2, 277, "claim", "right", "arithmetic: 24.6/5 = 4.92", "", _mean_of_lengths)
label(B2, 282, "claim", "wrong", "mpmath: 0.5/sqrt(5) = 0.22361 rounds to 0.224, not 0.223 (truncated)", "",
      _known_sigma_error)
nonclaim(B2, 288, "definition", "the estimate and its uncertainty")
nonclaim(B2, 301, "definition", "the sample deviation")
label(B2, 307, "claim", "wrong", "mpmath: N = 101, S = 2: the posterior sd of sigma (prior 1/sigma) is 0.142, the "
      "stated S^2/sqrt((N-1)/3) = 0.693 (about S/sqrt(2(N-1)) is meant)", "N > 30", _sigma_posterior_approximation)
label(B2, 316, "claim", "right", "mpmath: marginal posterior of mu (prior 1/sigma, quadrature) over the Student density "
      "is constant (the five lengths)", "prior 1/sigma", _student_posterior)
label(B2, 328, "claim", "right", "arithmetic: 24.6/5 = 4.92", "", _mean_of_lengths)
label(B2, 333, "claim", "wrong", "arithmetic: the squared deviations sum to 0.088, S^2 = 0.022 (written 0.024)", "",
      _sample_variance_chain)
label(B2, 344, "claim", "right", "arithmetic: 4.92 -+ 2.776 * 0.069 = 4.7285, 5.1115", "", _t_interval)
nonclaim(B2, 359, "definition", "the frequency of heads")
nonclaim(B2, 365, "approximation", "the Normal approximation to the Beta")
nonclaim(B2, 380, "approximation", "the Normal approximation to the binomial, written with =")
nonclaim(B2, 394, "approximation", "the Normal approximation to the Student t")
label(B2, 405, "claim", "right", "arithmetic: 24.6/5 = 4.92", "", _mean_of_lengths)
label(B2, 410, "claim", "wrong", "arithmetic: S^2 = 0.022 (written 0.024); k = 1.8 and 1.8 * 0.069 = 0.124 hold", "",
      _sample_variance_chain_k)
nonclaim(B2, 421, "definition", "the estimate and its uncertainty")
label(B2, 425, "claim", "right", "arithmetic: 4.92 -+ 2 * 0.124", "", _normal_approx_interval)


if __name__ == "__main__":
    sys.exit(check_entries(ENTRIES, _latex, sys.argv[1:]))
