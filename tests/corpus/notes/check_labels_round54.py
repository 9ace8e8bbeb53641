r"""Independent checks of the hand labels of the round-54 sources (branch fresh42, a held-out test on variational
inference and score matching): James Hensman's derivation of the sparse GP regression bound in the GPflow documentation
(Titsias's bound, the Woodbury identity, the matrix determinant lemma and the Cholesky rotations; Apache-2.0), Marc
Lelarge's dataflowr homework on energy-based models and (denoising) score matching, with the VAE section of his HW3
(Apache-2.0), and the TensorFlow tutorial on a convolutional VAE (the ELBO; Apache-2.0).  Labelled before
``formulary check`` ran on them.

As in the earlier rounds: each entry names a block by ``(file, line)``, gives its role and label, says how it was
checked and, for ``right``/``wrong``, carries a check written by hand with numpy, sympy or mpmath that returns True
when the block's claim holds *as its author means it*.  Nothing from Formulary is imported.  A block is found from a
snippet of its text (:func:`_at`), so an edit above it cannot shift a label; an environment is named by the line of its
``\begin``.

The SGPR identities are checked on the kernel matrices of a squared-exponential kernel at random points (5 data points,
3 inducing points, 2 test points, noise variance 0.3, three random draws) with numpy: relative tolerance 1e-9 (float64
round-off on these 5 x 5 solves is about 1e-13, a wrong identity errs by O(1)).  Claims about densities are checked in
one dimension by mpmath quadrature at 30 digits (tolerance 1e-20); claims about an arbitrary energy on named test
energies; an objective "up to a constant not depending on theta" by the difference of its two sides at three values of
theta (it must not move).  The ELBO is checked by exact enumeration on random discrete distributions.

    python3 tests/corpus/notes/check_labels_round54.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round54.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import sys
from pathlib import Path

import mpmath as mp
import numpy as np
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import arrays_close, check_entries, recorder, zero

ENTRIES, label, nonclaim = recorder()
GP, EBM, TF = "gpflow_sgpr_derivation.md", "lelarge_dataflowr_ebm_vae.md", "tensorflow_cvae.md"
RNG = np.random.default_rng(54)
SIGMA2 = 0.3
"""The noise variance of the SGPR checks."""
QUAD_TOL = mp.mpf(10) ** -20
"""Quadrature at 30 digits: agreement to 1e-20 is exact for these smooth integrands; a wrong identity errs by O(1)."""


def _at(file: str, snippet: str, after: int = 0) -> int:
    """The line of the first block of ``file`` after line ``after`` whose text holds ``snippet``."""
    from check_labels_round3 import _blocks
    blocks = _blocks((HERE / file).read_text(encoding="utf-8"), False)
    return next(line for line, inner in blocks if line > after and snippet in inner)


# ---------------------------------------------------------------- GPflow: SGPR
def _rbf(a, b):
    return np.exp(-0.5 * (a[:, None] - b[None, :]) ** 2)


def _sgpr(seed: int) -> dict:
    """Every matrix of the derivation at random points, each computed from its definition in the notes."""
    rng = np.random.default_rng(seed)
    xf, xu, xs = rng.uniform(-2, 2, 5), rng.uniform(-2, 2, 3), rng.uniform(-2, 2, 2)
    y = rng.normal(size=5)
    kff, kfu, kuu = _rbf(xf, xf), _rbf(xf, xu), _rbf(xu, xu) + 1e-3 * np.eye(3)
    kss, ksu = _rbf(xs, xs), _rbf(xs, xu)
    inv = np.linalg.inv
    L = np.linalg.cholesky(kuu)
    A = np.linalg.solve(L, kfu.T) / np.sqrt(SIGMA2)
    B = np.eye(3) + A @ A.T
    LB = np.linalg.cholesky(B)
    c = np.linalg.solve(LB, A @ y) / np.sqrt(SIGMA2)
    Q = kfu @ inv(kuu) @ kfu.T
    Lam = inv(kuu) + inv(kuu) @ kfu.T @ kfu @ inv(kuu) / SIGMA2
    m = inv(Lam) @ inv(kuu) @ kfu.T @ y / SIGMA2
    return dict(y=y, kff=kff, kfu=kfu, kuf=kfu.T, kuu=kuu, kss=kss, ksu=ksu, L=L, A=A, B=B, LB=LB, c=c, Q=Q,
                Lam=Lam, m=m, I=np.eye(5), N=5)


DRAWS = [_sgpr(seed) for seed in (1, 2, 3)]


def _all(fn) -> bool:
    return all(fn(d) for d in DRAWS)


def _inv(M):
    return np.linalg.inv(M)


def _det(M):
    return np.linalg.det(M)


def _log_normal(y, S):
    sign, logdet = np.linalg.slogdet(S)
    return -len(y) / 2 * np.log(2 * np.pi) - logdet / 2 - y @ np.linalg.solve(S, y) / 2


def _bound(d):
    return _log_normal(d["y"], d["Q"] + SIGMA2 * d["I"]) - np.trace(d["kff"] - d["Q"]) / (2 * SIGMA2)


def _covinv(d):
    return _inv(d["Q"] + SIGMA2 * d["I"])


label(GP, _at(GP, r"\log p(\mathbf y) \geq"), "claim", "right",
      "numpy: log N(y|0, K_ff + s2 I) >= the bound at three random draws (Titsias 2009)", "K_ff, K_uu kernel matrices",
      lambda: _all(lambda d: _log_normal(d["y"], d["kff"] + SIGMA2 * d["I"]) >= _bound(d)))
nonclaim(GP, _at(GP, r"\mathbf Q_{ff} = \mathbf K_{fu}"), "definition", "defines Q_ff")
label(GP, _at(GP, r"[\mathbf Q_{ff} + \sigma^2 \mathbf I ]^{-1} = \sigma^{-2} \mathbf I - \sigma^{-4} \mathbf K_{fu}[\mathbf K_{uu}"),
      "claim", "right", "numpy: the Woodbury form equals inv(Q_ff + s2 I)", "",
      lambda: _all(lambda d: arrays_close(_covinv(d), np.eye(5) / SIGMA2 - d["kfu"] @ _inv(d["kuu"] + d["kuf"] @ d["kfu"] / SIGMA2) @ d["kuf"] / SIGMA2**2)))
nonclaim(GP, _at(GP, r"\mathbf L\mathbf L^\top = \mathbf K_{uu}"), "definition", "defines L (Cholesky factor of K_uu)",
         pick=r"\mathbf L\mathbf L^\top = \mathbf K_{uu}")
label(GP, _at(GP, r"\color{red}{\mathbf L^{-\top} \mathbf L^\top}"), "claim", "right",
      "numpy: inserting L^-T L^T and L L^-1 (identities) leaves inv(Q_ff + s2 I)", "L L^T = K_uu",
      lambda: _all(lambda d: arrays_close(_covinv(d), np.eye(5) / SIGMA2 - d["kfu"] @ _inv(d["L"]).T @ d["L"].T @ _inv(d["kuu"] + d["kuf"] @ d["kfu"] / SIGMA2) @ d["L"] @ _inv(d["L"]) @ d["kuf"] / SIGMA2**2)))
label(GP, _at(GP, r"[\color{red}{\mathbf L^{-1}}(\mathbf K_{uu}"), "claim", "right",
      "numpy: the rotated inverse equals inv(Q_ff + s2 I) (the invisible left side continues the chain)", "L L^T = K_uu",
      lambda: _all(lambda d: arrays_close(_covinv(d), np.eye(5) / SIGMA2 - d["kfu"] @ _inv(d["L"]).T @ _inv(_inv(d["L"]) @ (d["kuu"] + d["kuf"] @ d["kfu"] / SIGMA2) @ _inv(d["L"]).T) @ _inv(d["L"]) @ d["kuf"] / SIGMA2**2)))
label(GP, _at(GP, r"[\mathbf I + \color{red}{\mathbf L^{-1}}"), "claim", "right",
      "numpy: with L^-1 K_uu L^-T = I, equals inv(Q_ff + s2 I)", "L L^T = K_uu",
      lambda: _all(lambda d: arrays_close(_covinv(d), np.eye(5) / SIGMA2 - d["kfu"] @ _inv(d["L"]).T @ _inv(np.eye(3) + _inv(d["L"]) @ d["kuf"] @ d["kfu"] @ _inv(d["L"]).T / SIGMA2) @ _inv(d["L"]) @ d["kuf"] / SIGMA2**2)))
nonclaim(GP, _at(GP, r"\triangleq \mathbf A"), "definition", "defines A", pick=r"\mathbf L^{-1}\mathbf K_{uf}\sigma^{-1} \triangleq \mathbf A")
nonclaim(GP, _at(GP, r"\triangleq \mathbf B"), "definition", "defines B", pick=r"[\mathbf I + \mathbf A\mathbf A^\top]\triangleq \mathbf B")
label(GP, _at(GP, r"\mathbf A^{\top} [\mathbf I + \mathbf A\mathbf A^\top]^{-1}\mathbf A"), "claim", "right",
      "numpy: s2^-1 I - s2^-1 A^T inv(I + A A^T) A equals inv(Q_ff + s2 I)", "A = L^-1 K_uf / sigma",
      lambda: _all(lambda d: arrays_close(_covinv(d), np.eye(5) / SIGMA2 - d["A"].T @ _inv(np.eye(3) + d["A"] @ d["A"].T) @ d["A"] / SIGMA2)))
label(GP, _at(GP, r"\sigma^{-2} \mathbf A^{\top} \mathbf B^{-1}\mathbf A"), "claim", "right",
      "numpy: s2^-1 I - s2^-1 A^T inv(B) A equals inv(Q_ff + s2 I)", "B = I + A A^T",
      lambda: _all(lambda d: arrays_close(_covinv(d), np.eye(5) / SIGMA2 - d["A"].T @ _inv(d["B"]) @ d["A"] / SIGMA2)))
label(GP, _at(GP, r"= |{\mathbf K_{uu}} +"), "claim", "right",
      "numpy: det(Q_ff + s2 I) = det(K_uu + K_uf K_fu / s2) det(inv K_uu) det(s2 I) (matrix determinant lemma)", "",
      lambda: _all(lambda d: np.isclose(_det(d["Q"] + SIGMA2 * d["I"]), _det(d["kuu"] + d["kuf"] @ d["kfu"] / SIGMA2) * _det(_inv(d["kuu"])) * SIGMA2**5, rtol=1e-9)))
nonclaim(GP, _at(GP, r"\mathbf K_{uu} = {\mathbf {L L}^\top}"), "definition", "restates the Cholesky factorisation")
label(GP, _at(GP, r"= |{\mathbf {L L}^\top} +"), "claim", "right",
      "numpy: det(Q_ff + s2 I) = det(L L^T + K_uf K_fu / s2) det(L^-T) det(L^-1) det(s2 I)", "L L^T = K_uu",
      lambda: _all(lambda d: np.isclose(_det(d["Q"] + SIGMA2 * d["I"]), _det(d["L"] @ d["L"].T + d["kuf"] @ d["kfu"] / SIGMA2) * _det(_inv(d["L"]).T) * _det(_inv(d["L"])) * SIGMA2**5, rtol=1e-9)))
label(GP, _at(GP, r"= |\mathbf I +"), "claim", "right",
      "numpy: det(Q_ff + s2 I) = det(I + L^-1 K_uf K_fu L^-T / s2) det(s2 I)", "L L^T = K_uu",
      lambda: _all(lambda d: np.isclose(_det(d["Q"] + SIGMA2 * d["I"]), _det(np.eye(3) + _inv(d["L"]) @ d["kuf"] @ d["kfu"] @ _inv(d["L"]).T / SIGMA2) * SIGMA2**5, rtol=1e-9)))
label(GP, _at(GP, r"= |\mathbf B| \, |\sigma^{2}\mathbf I|"), "claim", "right", "numpy: det(Q_ff + s2 I) = det(B) s2^N",
      "B = I + A A^T", lambda: _all(lambda d: np.isclose(_det(d["Q"] + SIGMA2 * d["I"]), _det(d["B"]) * SIGMA2**5, rtol=1e-9)))
label(GP, _at(GP, r"\mathcal L = \log \mathcal N(\mathbf y"), "claim", "right",
      "the bound's definition restated (line 24); numpy evaluates both sides alike", "L defined at line 24",
      lambda: _all(lambda d: np.isclose(_bound(d), _log_normal(d["y"], d["Q"] + SIGMA2 * d["I"]) - np.trace(d["kff"] - d["Q"]) / 2 / SIGMA2)))
label(GP, _at(GP, r"-\tfrac{1}{2}\log|\mathbf Q_{ff}+\sigma^2\mathbf I|"), "claim", "right",
      "numpy: the Gaussian log density written out (slogdet and solve) equals the bound", "",
      lambda: _all(lambda d: np.isclose(_bound(d), -5 / 2 * np.log(2 * np.pi) - np.log(_det(d["Q"] + SIGMA2 * d["I"])) / 2 - d["y"] @ _covinv(d) @ d["y"] / 2 - np.trace(d["kff"] - d["Q"]) / 2 / SIGMA2)))
label(GP, _at(GP, r"-\tfrac{1}{2}\log(|\mathbf B||\sigma^{2}\mathbf I|)"), "claim", "right",
      "numpy: with det(B) s2^N and s2^-1 (I - A^T inv(B) A), equals the bound", "A, B as defined",
      lambda: _all(lambda d: np.isclose(_bound(d), -5 / 2 * np.log(2 * np.pi) - np.log(_det(d["B"]) * SIGMA2**5) / 2 - d["y"] @ (np.eye(5) - d["A"].T @ _inv(d["B"]) @ d["A"]) @ d["y"] / 2 / SIGMA2 - np.trace(d["kff"] - d["Q"]) / 2 / SIGMA2)))
label(GP, _at(GP, r"+ \tfrac{1}{2}\textrm{tr}(\mathbf {AA}^\top)"), "claim", "right",
      "numpy: the expanded seven terms equal the bound", "A, B as defined",
      lambda: _all(lambda d: np.isclose(_bound(d), -5 / 2 * np.log(2 * np.pi) - np.log(_det(d["B"])) / 2 - 5 / 2 * np.log(SIGMA2) - d["y"] @ d["y"] / 2 / SIGMA2 + d["y"] @ d["A"].T @ _inv(d["B"]) @ d["A"] @ d["y"] / 2 / SIGMA2 - np.trace(d["kff"]) / 2 / SIGMA2 + np.trace(d["A"] @ d["A"].T) / 2)))
label(GP, _at(GP, r"\sigma^{-2}\textrm{tr}(\mathbf Q) = \textrm{tr}(\mathbf {AA}^\top)"), "claim", "right",
      "numpy: tr(Q_ff) / s2 = tr(A A^T) (Q is Q_ff)", "A = L^-1 K_uf / sigma",
      lambda: _all(lambda d: np.isclose(np.trace(d["Q"]) / SIGMA2, np.trace(d["A"] @ d["A"].T))))
nonclaim(GP, _at(GP, r"\mathbf c \triangleq"), "definition", "defines c", pick=r"\mathbf c \triangleq \mathbf L_{\mathbf B}^{-1}\mathbf A\mathbf y \sigma^{-1}")
nonclaim(GP, _at(GP, r"\mathbf {L_BL_B}^\top = \mathbf B"), "definition", "defines L_B", pick=r"\mathbf {L_BL_B}^\top = \mathbf B")
label(GP, _at(GP, r"\mathbf c^\top \mathbf c"), "claim", "right", "numpy: y^T A^T inv(B) A y / s2 = c^T c",
      "c = L_B^-1 A y / sigma", lambda: _all(lambda d: np.isclose(d["y"] @ d["A"].T @ _inv(d["B"]) @ d["A"] @ d["y"] / SIGMA2, d["c"] @ d["c"])))
nonclaim(GP, _at(GP, r"q(\mathbf u) = \mathcal N(\mathbf u"), "definition", "defines q(u)")
nonclaim(GP, _at(GP, r"\mathbf \Lambda = \mathbf K_{uu}^{-1} +"), "definition", "defines Lambda (the optimal q(u))")
nonclaim(GP, _at(GP, r"\mathbf m = \mathbf \Lambda^{-1}"), "definition", "defines m")
nonclaim(GP, _at(GP, r"p(\mathbf f^\star) = \int"), "definition", "the predictive density as an integral")


def _conditional(d) -> bool:
    """Conditional of the joint Gaussian (f*, u) from its precision matrix, against K*u Kuu^-1 and the Schur form."""
    joint = np.block([[d["kss"] + 1e-3 * np.eye(2), d["ksu"]], [d["ksu"].T, d["kuu"]]])
    P = _inv(joint)
    cov = _inv(P[:2, :2])
    coef = -cov @ P[:2, 2:]
    return arrays_close(coef, d["ksu"] @ _inv(d["kuu"])) and \
        arrays_close(cov, d["kss"] + 1e-3 * np.eye(2) - d["ksu"] @ _inv(d["kuu"]) @ d["ksu"].T)


label(GP, _at(GP, r"p(\mathbf f^\star \,|\, \mathbf u) = \mathcal N"), "claim", "right",
      "numpy: the conditional of the joint Gaussian read off its precision matrix", "GP prior", lambda: _all(_conditional))


def _marginal() -> bool:
    """Scalar case by mpmath quadrature: int N(f; a u, s) N(u; m, 1/lam) du against the stated normal."""
    kss, ksu, kuu, m, laminv = mp.mpf("1.3"), mp.mpf("0.6"), mp.mpf("0.9"), mp.mpf("0.4"), mp.mpf("0.35")
    a, s = ksu / kuu, kss - ksu**2 / kuu
    mean = ksu / kuu * m
    var = kss - ksu**2 / kuu + ksu / kuu * laminv / kuu * ksu

    def normal(v, mu, var_):
        return mp.exp(-(v - mu) ** 2 / (2 * var_)) / mp.sqrt(2 * mp.pi * var_)

    with mp.workdps(30):
        return all(abs(mp.quad(lambda u: normal(f, a * u, s) * normal(u, m, laminv), [-mp.inf, mp.inf])
                       - normal(f, mean, var)) < QUAD_TOL for f in (mp.mpf(-1), mp.mpf("0.3"), mp.mpf(2)))


label(GP, _at(GP, r"\mathbf K_{\star u}\mathbf K_{uu}^{-1}\mathbf \Lambda^{-1}"), "claim", "right",
      "mpmath quadrature (scalar K's): the marginal of the linear-Gaussian pair has the stated mean and variance", "",
      _marginal)
label(GP, _at(GP, r"\mathbf L^{-\top}\mathbf B^{-1}\mathbf L^{-1}"), "claim", "right",
      "numpy: inv(K_uu) inv(Lambda) inv(K_uu) = L^-T inv(B) L^-1", "Lambda, B as defined",
      lambda: _all(lambda d: arrays_close(_inv(d["kuu"]) @ _inv(d["Lam"]) @ _inv(d["kuu"]), _inv(d["L"]).T @ _inv(d["B"]) @ _inv(d["L"]))))
label(GP, _at(GP, r"\mathbf K_{uu}^{-1}\mathbf m = "), "claim", "right", "numpy: inv(K_uu) m = L^-T L_B^-T c",
      "m, c as defined", lambda: _all(lambda d: arrays_close(_inv(d["kuu"]) @ d["m"], _inv(d["L"]).T @ _inv(d["LB"]).T @ d["c"])))
label(GP, _at(GP, r"(\mathbf I - \mathbf B^{-1})"), "claim", "right",
      "numpy: the mean and covariance of line 159 equal the Cholesky forms", "m, c, B as defined",
      lambda: _all(lambda d: arrays_close(d["ksu"] @ _inv(d["kuu"]) @ d["m"], d["ksu"] @ _inv(d["L"]).T @ _inv(d["LB"]).T @ d["c"])
                   and arrays_close(d["kss"] - d["ksu"] @ _inv(d["kuu"]) @ d["ksu"].T + d["ksu"] @ _inv(d["kuu"]) @ _inv(d["Lam"]) @ _inv(d["kuu"]) @ d["ksu"].T,
                                    d["kss"] - d["ksu"] @ _inv(d["L"]).T @ (np.eye(3) - _inv(d["B"])) @ _inv(d["L"]) @ d["ksu"].T)))

# ---------------------------------------------------------------- dataflowr: EBM and score matching
x, th, Zs = sp.symbols("x theta Z", positive=True)
xr = sp.Symbol("x_r", real=True)
nonclaim(EBM, _at(EBM, r"p_{\theta}(x) = \frac{\exp(-E_\theta(x))}{Z_\theta}"), "definition", "defines p_theta")
nonclaim(EBM, _at(EBM, r"Z_\theta=\int"), "definition", "defines Z_theta", pick=r"Z_\theta=\int \exp(-E_\theta(x)) dx")


def _grad_theta_logp() -> bool:
    """E = theta x^2/2 + x: Z = sqrt(2 pi/theta) exp(1/(2 theta)); d/dtheta log p = -dE/dtheta - d/dtheta log Z."""
    E = th * xr**2 / 2 + xr
    Z = sp.integrate(sp.exp(-E), (xr, -sp.oo, sp.oo))
    logp = sp.log(sp.exp(-E) / Z)
    return zero(sp.diff(logp, th) - (-sp.diff(E, th) - sp.diff(sp.log(Z), th)))


label(EBM, _at(EBM, r"\nabla_\theta \log p_\theta(x) = -\nabla_\theta E_\theta(x)"), "claim", "right",
      "sympy with E = theta x^2/2 + x (Z by integration)", "p_theta = exp(-E)/Z", _grad_theta_logp)


def _grad_log_z() -> bool:
    """E = theta x^4/4 + x^2/2 at theta = 0.7: d/dtheta log Z (mp.diff) = E_p[-x^4/4] (quadrature)."""
    with mp.workdps(30):
        def logz(t):
            return mp.log(mp.quad(lambda v: mp.exp(-t * v**4 / 4 - v**2 / 2), [-mp.inf, 0, mp.inf]))
        t0 = mp.mpf("0.7")
        z = mp.exp(logz(t0))
        rhs = mp.quad(lambda v: mp.exp(-t0 * v**4 / 4 - v**2 / 2) / z * (-v**4 / 4), [-mp.inf, 0, mp.inf])
        return abs(mp.diff(logz, t0) - rhs) < mp.mpf(10) ** -15


label(EBM, _at(EBM, r"\nabla_\theta \log Z_\theta = \mathbb{E}_{p_{\theta}(x)}"), "claim", "right",
      "mpmath: E = theta x^4/4 + x^2/2 at theta = 0.7, derivative of log Z against the expectation (both forms)",
      "p_theta = exp(-E)/Z", _grad_log_z)
nonclaim(EBM, _at(EBM, r"\nabla_\theta \log Z_\theta \approx"), "approximation", "a one-sample Monte Carlo estimate, not an identity")
label(EBM, _at(EBM, r"\nabla_x \log p_\theta(x) = -\nabla_x E_\theta(x) \text{ since }"), "claim", "right",
      "sympy: d/dx log(exp(-E)/Z) = -dE/dx for E = theta x^4 + x, Z constant in x", "Z does not depend on x",
      lambda: zero(sp.diff(sp.log(sp.exp(-(th * xr**4 + xr)) / Zs), xr) + sp.diff(th * xr**4 + xr, xr)))
nonclaim(EBM, _at(EBM, r"x_t = x_{t-1} - \epsilon"), "update", "a Langevin step")
nonclaim(EBM, _at(EBM, r"s_\theta(x) = \nabla_x\log p_\theta(x)"), "definition",
         "defines the score s_theta (the rest writes the gradient out)")


def _score_matching_const(sign: int) -> bool:
    """Data p = N(0,1), model E = theta x^2/2 (s = -theta x): E_p (d/dx log p - s)^2 minus E_p[(E')^2 + sign E''] must
    not depend on theta (three values)."""
    phi = sp.exp(-xr**2 / 2) / sp.sqrt(2 * sp.pi)
    diffs = []
    for t in (sp.Rational(1, 2), 1, 2):
        E = t * xr**2 / 2
        lhs = sp.integrate(phi * (-xr - (-sp.diff(E, xr))) ** 2, (xr, -sp.oo, sp.oo))
        rhs = sp.integrate(phi * (sp.diff(E, xr) ** 2 + sign * sp.diff(E, xr, 2)), (xr, -sp.oo, sp.oo))
        diffs.append(sp.simplify(lhs - rhs))
    return diffs[0] == diffs[1] == diffs[2]


label(EBM, _at(EBM, r"= c + \mathbb{E}_{p(x)}\left[ \sum_{i=1}^d"), "claim", "wrong",
      "sympy: data N(0,1), E = theta x^2/2: the left side minus E[(E')^2 + 2E''] is 1 - 4 theta (moves with theta); "
      "with -2E'' (Hyvarinen: integration by parts of the cross term) it is the constant 1", "",
      lambda: _score_matching_const(+2) and not _score_matching_const(-2))
nonclaim(EBM, _at(EBM, r"Y = X+\sigma Z"), "definition", "defines Y", pick=r"Y = X+\sigma Z")
W, AK, SIG = [mp.mpf("0.3"), mp.mpf("0.7")], [mp.mpf(-1), mp.mpf(2)], mp.mpf("0.5")
"""X takes the values -1 and 2 with probabilities 0.3 and 0.7; the noise scale sigma = 0.5."""


def _npdf(v, mu, s):
    return mp.exp(-(v - mu) ** 2 / (2 * s**2)) / (s * mp.sqrt(2 * mp.pi))


def _p_sigma(v):
    return sum(w * _npdf(v, a, SIG) for w, a in zip(W, AK))


def _tweedie() -> bool:
    """d/dy log p^sigma (mp.diff) = -(1/sigma) E[Z | Y = y], E[Z | Y=y] from Bayes on the two values of X."""
    with mp.workdps(30):
        for yv in (mp.mpf(-2), mp.mpf("0.4"), mp.mpf(3)):
            ez = sum(w * _npdf(yv, a, SIG) * (yv - a) / SIG for w, a in zip(W, AK)) / _p_sigma(yv)
            if abs(mp.diff(lambda t: mp.log(_p_sigma(t)), yv) + ez / SIG) > mp.mpf(10) ** -15:
                return False
    return True


label(EBM, _at(EBM, r"\nabla_y\log p^\sigma(y) = -\frac{1}{\sigma}"), "claim", "right",
      "mpmath: X two-valued, sigma = 0.5: the score of p^sigma against -E[Z|Y=y]/sigma at three y (Tweedie)",
      "Y = X + sigma Z", _tweedie)


def _dsm() -> bool:
    """s_theta(y) = theta y + 0.2: E_{p^sigma}(score - s)^2 minus E(Z/sigma + s(X + sigma Z))^2 is the same at three
    theta (quadrature)."""
    with mp.workdps(30):
        diffs = []
        for t in (mp.mpf("0.5"), mp.mpf(-1), mp.mpf(2)):
            def s(v):
                return t * v + mp.mpf("0.2")

            lhs = mp.quad(lambda v: _p_sigma(v) * (mp.diff(lambda u: mp.log(_p_sigma(u)), v) - s(v)) ** 2,
                          [-mp.inf, -1, 2, mp.inf])
            rhs = sum(w * mp.quad(lambda zz: _npdf(zz, 0, 1) * (zz / SIG + s(a + SIG * zz)) ** 2, [-mp.inf, mp.inf])
                      for w, a in zip(W, AK))
            diffs.append(lhs - rhs)
        return abs(diffs[0] - diffs[1]) < mp.mpf(10) ** -12 and abs(diffs[0] - diffs[2]) < mp.mpf(10) ** -12


label(EBM, _at(EBM, r"= \mathbb{E}\left\| \frac{Z}{\sigma}+s_\theta(X+\sigma Z)\right\|^2 -C"), "claim", "right",
      "mpmath quadrature: X two-valued, sigma = 0.5, s_theta(y) = theta y + 0.2: the difference of the sides does not "
      "move with theta (Vincent 2011)", "Y = X + sigma Z", _dsm)
nonclaim(EBM, _at(EBM, r"\ell(\theta; x_1,\dots, x_N) ="), "definition", "defines the loss")
nonclaim(EBM, _at(EBM, r"p(z,x) = p(z)p_\theta(x|z)"), "definition", "the model's factorisation", pick=r"p(z,x) = p(z)p_\theta(x|z)")
nonclaim(EBM, _at(EBM, r"\mathcal{L} = \mathbf{E}_{p_d(x)}"), "definition", "defines the marginal log-likelihood L")
nonclaim(EBM, _at(EBM, r"p_d(x) =\frac{1}{n}"), "definition", "defines the empirical distribution",
         pick=r"p_d(x) =\frac{1}{n}\sum_{i=1}^n \delta_{x_i}(x)")


def _elbo_tables(seed: int):
    """Random p(z) on 3 values, p(x|z) on 4 values, q(z|x): (log p(x), E_q log p(x|z), KL(q||p(z)), E_q log p(x,z)/q)
    for every x."""
    rng = np.random.default_rng(seed)
    pz = rng.dirichlet(np.ones(3))
    px_z = rng.dirichlet(np.ones(4), size=3)
    q = rng.dirichlet(np.ones(3), size=4)
    out = []
    for xv in range(4):
        px = float(pz @ px_z[:, xv])
        rec = float(q[xv] @ np.log(px_z[:, xv]))
        kl = float(q[xv] @ np.log(q[xv] / pz))
        elbo = float(q[xv] @ np.log(pz * px_z[:, xv] / q[xv]))
        out.append((np.log(px), rec, kl, elbo))
    return out


label(EBM, _at(EBM, r"\mathcal{L} \geq L(p_\theta(x|z),q(z|x))"), "claim", "right",
      "numpy: exact enumeration on three random discrete models: log p(x) >= E_q log p(x|z) - KL(q||p(z)) for each x",
      "", lambda: all(lp >= rec - kl - 1e-12 for seed in (1, 2, 3) for lp, rec, kl, _ in _elbo_tables(seed)))
nonclaim(EBM, _at(EBM, r"p_{\theta}(x|z) = \mathcal{N}(\mu_{\theta}(z), I)"), "definition", "a Gaussian decoder",
         pick=r"p_{\theta}(x|z) = \mathcal{N}(\mu_{\theta}(z), I)")
nonclaim(EBM, _at(EBM, r"p(z)= \mathcal{N}(0, I)"), "definition", "the prior", pick=r"p(z)= \mathcal{N}(0, I)")

# ---------------------------------------------------------------- TensorFlow: CVAE
nonclaim(TF, _at(TF, r"z = \mu + \sigma \odot \epsilon"), "definition", "the reparameterisation of z")
label(TF, _at(TF, r"\log p(x) \ge \text{ELBO}"), "claim", "right",
      "numpy: exact enumeration on three random discrete models: log p(x) >= E_q log(p(x,z)/q(z|x)) for each x", "",
      lambda: all(lp >= elbo - 1e-12 and np.isclose(elbo, rec - kl)
                  for seed in (1, 2, 3) for lp, rec, kl, elbo in _elbo_tables(seed)))
nonclaim(TF, _at(TF, r"\log p(x| z) + \log p(z) - \log q(z|x)"), "no-claim", "a single-sample estimate, an expression")


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)
    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
