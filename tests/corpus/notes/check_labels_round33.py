r"""Independent checks of the hand labels of round 33 (branch fresh36): three sources no earlier round used, labelled
before Formulary was run on them.

* ``austin_ula_symmetric_variance.md``: David Austin, *Understanding Linear Algebra* (a published open textbook, CC BY
  4.0), section 7.1 "Symmetric matrices and variance": diagonalisation ``A = PDP^{-1}``, orthogonal diagonalisation
  ``A = QDQ^T`` of worked 2x2 and 3x3 examples, ``v.(Aw) = (A^T v).w``, demeaned data, total variance and its
  additivity, the covariance matrix ``C = (1/N) A A^T`` and ``V_u = u.Cu``.  PreTeXt converted to Markdown; the
  book's macros (``\twovec``, ``\uvec``, ``\dtil``) defined in the file's first display.
* ``nma_dl_gradient_descent_autograd.md``: Neuromatch Academy's deep-learning course, W1D2 tutorial 1 (CC BY 4.0):
  the chain rule, the gradient of sin(x^2 + y^2), gradient descent, a computational graph's backward pass, the
  gradients of the squared loss of one tanh neuron.
* ``pyro_svi_part1.md``: Pyro's tutorial *SVI Part I* (MIT): the joint density, the log evidence, Bayes' rule, the
  ELBO, its gap as a KL divergence, the Beta-Bernoulli coin.

As in the earlier rounds: each entry names a block by ``(file, line[, text that picks it])``, gives its role and
label, says how it was checked and, for ``right``/``wrong``, carries a check written by hand with sympy, mpmath or
numpy that returns True when the block's claim holds as its author means it.  Matrix identities are checked exactly
with sympy on the book's matrices, or on random matrices with numpy at relative tolerance 1e-9 (float64 round-off on
3x3 and 4x4 products is about 1e-15; a wrong identity errs by O(1)).  Nothing from the Formulary code base is
imported.

    python3 tests/corpus/notes/check_labels_round33.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round33.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import sys
from pathlib import Path

import mpmath as mp
import numpy as np
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import arrays_close as close
from check_labels import check_entries, nonclaim_table, recorder
from check_labels_round18 import _latex

RNG = np.random.default_rng(33)
ENTRIES, label, nonclaim = recorder()
mp.mp.dps = 30
TOL = 1e-9
R = sp.Rational


def zero(expr) -> bool:
    return sp.simplify(expr) == 0


def M(*rows):
    return sp.Matrix(rows)


def _orthogonal(n=4):
    return np.linalg.qr(RNG.standard_normal((n, n)))[0]


def _symmetric(n=4):
    S = RNG.standard_normal((n, n))
    return S + S.T


# ================================================================ austin_ula_symmetric_variance.md
UL = "austin_ula_symmetric_variance.md"
_S5, _S2 = sp.sqrt(5), sp.sqrt(2)


def _diagonalisable():
    """A = P D P^{-1} when the columns of P are eigenvectors of A with the eigenvalues on D's diagonal (a random
    4x4 matrix with real eigenvalues, built as S diag(l) S^{-1}, then its eigenvectors recomputed by numpy)."""
    S = RNG.standard_normal((4, 4))
    A = S @ np.diag([3.0, -1.0, 0.5, 2.0]) @ np.linalg.inv(S)
    lam, P = np.linalg.eig(A)
    return close(A, (P @ np.diag(lam) @ np.linalg.inv(P)).real)


def _preview_product():
    P, D = M([1, -1], [1, 1]), sp.diag(3, -1)
    return P * D * P.inv() == M([1, 2], [2, 1])


def _orth_diag(A, Q, D):
    """Q is orthogonal and A = Q D Q^T = Q D Q^{-1}, exactly."""
    Q = sp.Matrix(Q)
    ok_q = (Q.T * Q - sp.eye(Q.shape[0])).applyfunc(sp.simplify) == sp.zeros(*Q.shape)
    return ok_q and (Q * D * Q.T - A).applyfunc(sp.simplify) == sp.zeros(*A.shape)


_A926 = M([9, 2], [2, 6])
_Q926 = M([2 / _S5, 1 / _S5], [1 / _S5, -2 / _S5])


def _q_926():
    return _orth_diag(_A926, _Q926, sp.diag(10, 5))


def _eigvals_double_two():
    return sp.Matrix([[1, 1], [-1, 3]]).eigenvals() == {2: 2}


def _pd_pair(A, P, D):
    """The columns of P are eigenvectors of A with the eigenvalues on D's diagonal: A P = P D, P invertible."""
    return A * P == P * D and P.det() != 0


def _orthogonal_inverse():
    Q = _orthogonal()
    return close(np.linalg.inv(Q), Q.T)


def _transpose_chain():
    """(Q D Q^T)^T = (Q^T)^T D^T Q^T = Q D Q^T for orthogonal Q and diagonal D: every member equal."""
    Q, D = _orthogonal(), np.diag(RNG.standard_normal(4))
    A = Q @ D @ Q.T
    members = [A.T, Q.T.T @ D.T @ Q.T, Q @ D @ Q.T, A]
    return all(close(m, A) for m in members)


def _qdq_inverse():
    Q, D = _orthogonal(), np.diag(RNG.standard_normal(4))
    return close(Q @ D @ np.linalg.inv(Q), Q @ D @ Q.T)


def _spectral_symmetric():
    """A symmetric matrix equals Q D Q^T with numpy's orthonormal eigenvectors (and such a product is symmetric)."""
    A = _symmetric()
    lam, Q = np.linalg.eigh(A)
    return close(A, Q @ np.diag(lam) @ Q.T) and close(A, A.T)


def _eigpair(A, v, lam):
    return sp.Matrix(A) * sp.Matrix(v) == lam * sp.Matrix(v)


_A36 = M([-2, 36], [36, -23])
_A12 = M([1, 2], [2, 1])
_A023 = M([0, 2], [2, 3])
_A3b = M([4, -2, 14], [-2, 19, -16], [14, -16, 13])
_A3c = M([5, 4, 2], [4, 5, 2], [2, 2, 2])
_B = M([0, 1, 2], [2, 0, 1])


def _factor_action():
    """A x = Q (D (Q^T x)) for A = Q D Q^T (the example's Q, D and a symbolic x)."""
    x = sp.Matrix(sp.symbols("x1 x2"))
    Q, D = M([1 / _S2, -1 / _S2], [1 / _S2, 1 / _S2]), sp.diag(3, -1)
    return (_A12 * x - Q * (D * (Q.T * x))).applyfunc(sp.simplify) == sp.zeros(2, 1)


def _btb_symmetric():
    A = _B.T * _B
    return A.T == (_B.T * _B).T == _B.T * (_B.T).T == _B.T * _B == A


def _dot_transpose():
    """v.(Aw) = v^T A w = (A^T v)^T w = (A^T v).w for any (here rectangular) A."""
    A, v, w = RNG.standard_normal((3, 4)), RNG.standard_normal(3), RNG.standard_normal(4)
    vals = [v @ (A @ w), v @ A @ w, (A.T @ v) @ w]
    return all(close(x, vals[0]) for x in vals)


def _dot_symmetric():
    A, v, w = _symmetric(), RNG.standard_normal(4), RNG.standard_normal(4)
    return close(v @ (A @ w), (A @ v) @ w)


def _eigen_symmetric_pair():
    """For symmetric A with A v1 = 3 v1, A v2 = 10 v2: (A v1).v2 = 3 v1.v2, v1.(A v2) = 10 v1.v2, the two are equal
    (both 0) and v1.v2 = 0 (A = Q diag(3, 10, 1, -2) Q^T, v1 and v2 its first two eigenvectors, scaled)."""
    Q = _orthogonal()
    A = Q @ np.diag([3.0, 10.0, 1.0, -2.0]) @ Q.T
    v1, v2 = 2.5 * Q[:, 0], -0.7 * Q[:, 1]
    return (close((A @ v1) @ v2, 3 * v1 @ v2) and close(v1 @ (A @ v2), 10 * v1 @ v2)
            and close((A @ v1) @ v2, v1 @ (A @ v2)) and abs(v1 @ v2) < 1e-12)


_D = [M(1, 1), M(2, 1), M(3, 4)]
_DBAR = sum(_D, sp.zeros(2, 1)) / 3
_DT = [d - _DBAR for d in _D]
_ADT = sp.Matrix.hstack(*_DT)


def _var(dirn=None):
    """The variance of the demeaned points: total (dirn None) or of their projections on the line through dirn."""
    if dirn is None:
        return sum((d.T * d)[0] for d in _DT) / 3
    u = dirn / sp.sqrt((dirn.T * dirn)[0])
    return sum(((d.T * u)[0]) ** 2 for d in _DT) / 3


def _demeaned():
    return _DT == [M(-1, -1), M(0, -1), M(1, 2)]


def _projections_v1():
    v = M(1, 1)
    return [(d.T * v)[0] / (v.T * v)[0] * v for d in _DT] == [M(-1, -1), M(-R(1, 2), -R(1, 2)), M(R(3, 2), R(3, 2))]


def _additivity_xy():
    """|d|^2 = x^2 + y^2 for d = (x, y), and averaging: V = V_x + V_y (random demeaned 2-D data)."""
    X = RNG.standard_normal((2, 7))
    X -= X.mean(1, keepdims=True)
    return close(np.mean(np.sum(X**2, 0)), np.mean(X[0] ** 2) + np.mean(X[1] ** 2))


def _unit_projection():
    """(1/N) sum |(d.u) u|^2 = (1/N) sum (d.u)^2 for a unit vector u."""
    X, u = RNG.standard_normal((2, 7)), RNG.standard_normal(2)
    u /= np.linalg.norm(u)
    return close(np.mean([np.sum(((d @ u) * u) ** 2) for d in X.T]), np.mean((X.T @ u) ** 2))


def _projection_formula():
    """d = (d.u1) u1 + (d.u2) u2 and |d|^2 = (d.u1)^2 + (d.u2)^2 for an orthonormal basis u1, u2 of R^2."""
    Q, d = _orthogonal(2), RNG.standard_normal(2)
    u1, u2 = Q[:, 0], Q[:, 1]
    return close(d, (d @ u1) * u1 + (d @ u2) * u2) and close(d @ d, (d @ u1) ** 2 + (d @ u2) ** 2)


def _variance_additivity():
    """V_W = sum_j V_{u_j}: the mean squared length of the projections onto W = span(u_1..u_n), orthonormal (random
    demeaned data in R^5, W of dimension 3)."""
    X = RNG.standard_normal((5, 9))
    X -= X.mean(1, keepdims=True)
    U = _orthogonal(5)[:, :3]
    VW = np.mean(np.sum((U @ (U.T @ X)) ** 2, 0))
    return close(VW, sum(np.mean((U[:, j] @ X) ** 2) for j in range(3)))


def _vu_formulas():
    """V_u = (1/3)|A^T u|^2 = (1/3)(A^T u).(A^T u) = u^T (1/3 A A^T) u = u.(1/3 A A^T) u = u.Cu, and
    A^T u = (d_j . u)_j, for the demeaned data matrix A of the example and a symbolic unit u = (cos t, sin t)."""
    t = sp.symbols("t", real=True)
    u = M(sp.cos(t), sp.sin(t))
    A = _ADT
    C = A * A.T / 3
    v = A.T * u
    members = [_var(u), (v.T * v)[0] / 3, (u.T * C * u)[0], (u.T * (A.T.T * A.T) * u)[0] / 3]
    return all(zero(m - members[0]) for m in members) and v == M(*[(d.T * u)[0] for d in _DT])


def _covariance_symmetric():
    A = RNG.standard_normal((3, 8))
    C = A @ A.T / 8
    return close(C.T, A.T.T @ A.T / 8) and close(C.T, C)


# the 100-point data set of the last activity is davidaustinm/ula_modules data/variance-data.csv @ 4cb3d740, which
# the corpus does not hold: its covariance, computed once (numpy, N = 100), is [[1.3792, 0.6983], [0.6983, 0.3659]],
# total variance 1.7451, V along (2, 1)/sqrt 5 1.7352, along (-1, 2)/sqrt 5 0.0099.  The checks below test the
# text's numbers against its own rounded C.
_C2 = np.array([[1.38, 0.70], [0.70, 0.37]])


def _vu_from_rounded_c(u, value):
    u = np.asarray(u, dtype=float) / np.linalg.norm(u)
    return abs(u @ _C2 @ u - value) <= 0.005


label(UL, 39, "definition", "not-a-claim", "the definition of an eigenvector")
for _line, _pick in ((45, "D="), (45, "evec_1"), (46, None), (51, "vvec_1"), (51, "vvec_2")):
    nonclaim(UL, _line, "definition", "the preview activity's names", pick=_pick)
label(UL, 54, "condition", "not-a-claim", "a supposition on A (the preview activity)")
label(UL, 81, "definition", "not-a-claim", "P and D formed from the eigenvectors and eigenvalues")
label(UL, 94, "claim", "right", "numpy: A = P D P^-1 for a random diagonalisable 4x4 A and its eigenvectors",
      "the columns of P are eigenvectors of A forming a basis", _diagonalisable)
label(UL, 98, "definition", "not-a-claim", "the preview's P and D")
label(UL, 110, "claim", "right", "sympy: [[1, -1], [1, 1]] diag(3, -1) [[1, -1], [1, 1]]^-1 = [[1, 2], [2, 1]]",
      "", _preview_product)
for _line in (124, 125, 126, 127):
    nonclaim(UL, _line, "example", "a matrix of the activity")
label(UL, 129, "claim", "right", "sympy: for A = [[9, 2], [2, 6]], its orthonormal eigenvectors Q (line 169) and "
      "D = diag(10, 5): Q^T Q = I and A = Q D Q^T = Q D Q^-1", "A has an orthonormal basis of eigenvectors", _q_926)
label(UL, 131, "claim", "right", "as line 129: A = Q D Q^T", "Q orthogonal", _q_926)
label(UL, 132, "condition", "not-a-claim", "a supposition (When A = QDQ^T, ...)")
label(UL, 137, "claim", "right", "sympy: eigenvals([[1, 1], [-1, 3]]) = {2: 2}", "", _eigvals_double_two)
label(UL, 141, "definition", "not-a-claim", "the answer's D and P; sympy: [[1, 0], [-1, 2]] P = P D holds")
label(UL, 155, "definition", "not-a-claim", "the answer's D and P; sympy: [[9, 2], [2, 6]] P = P D holds")
label(UL, 167, "definition", "not-a-claim", "names A")
label(UL, 169, "definition", "not-a-claim", "names Q (its columns: the eigenvectors (2, 1), (1, -2) normalised)")
label(UL, 171, "claim", "right", "numpy: inv(Q) = Q^T for a random orthogonal 4x4 Q", "Q orthogonal",
      _orthogonal_inverse)
label(UL, 172, "condition", "not-a-claim", "a supposition (If A = QDQ^T)", pick="A=QDQ^T")
label(UL, 172, "claim", "right", "numpy: every member equal for random orthogonal Q, diagonal D", "A = Q D Q^T, D "
      "diagonal", _transpose_chain, pick="A^T=")
label(UL, 181, "claim", "right", "numpy: inv(Q) = Q^T for a random orthogonal Q", "Q orthogonal", _orthogonal_inverse)
label(UL, 183, "claim", "right", "numpy: Q D Q^-1 = Q D Q^T for random orthogonal Q", "Q orthogonal", _qdq_inverse)
label(UL, 190, "claim", "right", "numpy: a symmetric A equals Q D Q^T with its orthonormal eigenvectors",
      "A orthogonally diagonalizable", _spectral_symmetric)
label(UL, 194, "claim", "right", "numpy: every member equal for random orthogonal Q, diagonal D",
      "A = Q D Q^T, D diagonal", _transpose_chain)
label(UL, 198, "claim", "right", "numpy: Q D Q^T is symmetric", "A orthogonally diagonalizable", _spectral_symmetric)
label(UL, 200, "definition", "not-a-claim", "the definition of a symmetric matrix")
label(UL, 202, "definition", "not-a-claim", "names A")
label(UL, 203, "claim", "right", "sympy: A (4, 3) = 25 (4, 3)", "", lambda: _eigpair(_A36, [4, 3], 25),
      pick="twovec43")
label(UL, 203, "claim", "right", "sympy: A (4, 3) = 25 (4, 3)", "", lambda: _eigpair(_A36, [4, 3], 25),
      pick="lambda_1")
label(UL, 203, "claim", "right", "sympy: A (3, -4) = -50 (3, -4)", "", lambda: _eigpair(_A36, [3, -4], -50),
      pick="vvec_2")
label(UL, 204, "claim", "right", "sympy: A (3, -4) = -50 (3, -4)", "", lambda: _eigpair(_A36, [3, -4], -50))
label(UL, 215, "definition", "not-a-claim", "the example's Q and D")
label(UL, 227, "claim", "right", "sympy: Q diag(25, -50) Q^T = [[-2, 36], [36, -23]], Q^T Q = I", "",
      lambda: _orth_diag(_A36, M([R(4, 5), R(3, 5)], [R(3, 5), -R(4, 5)]), sp.diag(25, -50)))
label(UL, 229, "claim", "right", "sympy: A^T = A", "", lambda: _A36.T == _A36)
label(UL, 231, "definition", "not-a-claim", "names A")
for _pick, _v, _l in (("vvec_1", [1, 1], 3), ("vvec_2", [-1, 1], -1), ("lambda_1", [1, 1], 3)):
    label(UL, 232, "claim", "right", f"sympy: A {tuple(_v)} = {_l} {tuple(_v)}", "",
          (lambda v=_v, l=_l: _eigpair(_A12, v, l)), pick=_pick)
label(UL, 233, "claim", "right", "sympy: A (-1, 1) = -1 (-1, 1)", "", lambda: _eigpair(_A12, [-1, 1], -1))
label(UL, 236, "definition", "not-a-claim", "the example's Q and D")
label(UL, 246, "claim", "right", "sympy: Q diag(3, -1) Q^T = [[1, 2], [2, 1]], Q^T Q = I", "",
      lambda: _orth_diag(_A12, M([1 / _S2, -1 / _S2], [1 / _S2, 1 / _S2]), sp.diag(3, -1)))
label(UL, 249, "claim", "right", "numpy: inv(Q) = Q^T for a random orthogonal Q", "Q orthogonal", _orthogonal_inverse)
label(UL, 252, "claim", "right", "sympy: A x - Q (D (Q^T x)) = 0 for the example's Q, D and symbolic x", "",
      _factor_action)
for _line in (273, 274, 275):
    nonclaim(UL, _line, "example", "a matrix of the activity")
nonclaim(UL, 276, "definition", "names A", pick="A = B^TB")
nonclaim(UL, 276, "definition", "names B", pick="B =")
label(UL, 281, "claim", "right", "sympy: [[0, 2], [2, 3]] (1, 2) = 4 (1, 2)", "",
      lambda: _eigpair(_A023, [1, 2], 4), pick="twovec12")
label(UL, 281, "claim", "right", "sympy: [[0, 2], [2, 3]] (2, -1) = -1 (2, -1)", "",
      lambda: _eigpair(_A023, [2, -1], -1), pick="twovec{2}")
label(UL, 282, "claim", "right", "sympy: [[0, 2], [2, 3]] (1, 2) = 4 (1, 2)", "",
      lambda: _eigpair(_A023, [1, 2], 4), pick="lambda_1")
label(UL, 282, "claim", "right", "sympy: [[0, 2], [2, 3]] (2, -1) = -1 (2, -1)", "",
      lambda: _eigpair(_A023, [2, -1], -1), pick="lambda_2")
nonclaim(UL, 283, "definition", "names u_1 (the normalised eigenvector)", pick="uvec_1")
nonclaim(UL, 283, "definition", "names u_2 (the normalised eigenvector)", pick="uvec_2")
label(UL, 285, "definition", "not-a-claim", "the answer's D and Q; sympy: Q orthogonal, Q D Q^T = [[0, 2], [2, 3]]")
label(UL, 299, "definition", "not-a-claim", "the answer's D and Q; sympy: Q orthogonal, Q D Q^T = the matrix of (b)")
label(UL, 313, "claim", "right", "sympy: eigenvals of [[5, 4, 2], [4, 5, 2], [2, 2, 2]] = {10: 1, 1: 2}", "",
      lambda: _A3c.eigenvals() == {10: 1, 1: 2}, pick="lambda_1")
label(UL, 313, "claim", "wrong", "sympy: A (2, 1, 1) = (16, 15, 8), not 10 (2, 1, 1): the eigenvector for 10 is "
      "(2, 2, 1), which the answer's Q has as its first column (2/3, 2/3, 1/3) and which is orthogonal to v_3, as "
      "the next sentence says; (2, 1, 1) is not (a slip of the source)", "",
      lambda: _eigpair(_A3c, [2, 1, 1], 10), pick="threevec211")
label(UL, 313, "claim", "right", "sympy: eigenvals = {10: 1, 1: 2}", "",
      lambda: _A3c.eigenvals() == {10: 1, 1: 2}, pick="lambda_2")
label(UL, 314, "claim", "right", "sympy: A (1, 0, -2) = (1, 0, -2)", "", lambda: _eigpair(_A3c, [1, 0, -2], 1),
      pick="vvec_2")
label(UL, 314, "claim", "right", "sympy: A (0, 1, -2) = (0, 1, -2)", "", lambda: _eigpair(_A3c, [0, 1, -2], 1),
      pick="vvec_3")
label(UL, 319, "definition", "not-a-claim", "the answer's D and Q; sympy: Q orthogonal, Q D Q^T = the matrix of (c)")
label(UL, 333, "claim", "right", "sympy: every member equals B^T B", "", _btb_symmetric)
label(UL, 336, "definition", "not-a-claim", "the answer's D and Q; sympy: Q orthogonal, Q D Q^T = B^T B")
label(UL, 360, "claim", "right", "numpy: every member equal for random 3x4 A, v, w", "", _dot_transpose)
label(UL, 369, "claim", "right", "numpy: random 3x4 A", "", _dot_transpose)
label(UL, 375, "claim", "right", "numpy: random symmetric A", "A symmetric", _dot_symmetric)
label(UL, 379, "condition", "not-a-claim", "a supposition (Suppose a symmetric matrix has ...)")
label(UL, 380, "condition", "not-a-claim", "a supposition")
label(UL, 382, "claim", "right", "numpy: symmetric A with eigenvalues 3, 10 and eigenvectors v1, v2",
      "A v1 = 3 v1, A v2 = 10 v2", _eigen_symmetric_pair)
label(UL, 389, "claim", "right", "numpy: as line 382", "A symmetric", _eigen_symmetric_pair)
label(UL, 391, "claim", "right", "numpy: as line 382 (both sides 0)", "A symmetric, eigenvalues 3 and 10",
      _eigen_symmetric_pair)
label(UL, 395, "claim", "right", "numpy: as line 382", "A symmetric, distinct eigenvalues", _eigen_symmetric_pair)
label(UL, 411, "definition", "not-a-claim", "the three data points")
label(UL, 417, "definition", "not-a-claim", "the centroid")
label(UL, 422, "definition", "not-a-claim", "the demeaned points")
label(UL, 430, "definition", "not-a-claim", "the total variance")
nonclaim(UL, 441, "definition", "names v_1")
nonclaim(UL, 442, "definition", "names v_2")
label(UL, 448, "claim", "right", "sympy: ((1, 1) + (2, 1) + (3, 4))/3 = (2, 2)", "", lambda: _DBAR == M(2, 2))
label(UL, 451, "claim", "right", "sympy: d_j - (2, 2)", "", _demeaned)
label(UL, 457, "claim", "right", "sympy: (2 + 1 + 5)/3", "", lambda: _var() == R(8, 3))
label(UL, 458, "claim", "right", "sympy: ((-1)^2 + 0 + 1)/3", "", lambda: _var(M(1, 0)) == R(2, 3), pick="V_x")
label(UL, 458, "claim", "right", "sympy: (1 + 1 + 4)/3", "", lambda: _var(M(0, 1)) == 2, pick="V_y=2")
label(UL, 460, "claim", "right", "sympy: 8/3 = 2/3 + 2", "", lambda: _var() == _var(M(1, 0)) + _var(M(0, 1)))
label(UL, 462, "claim", "right", "sympy: projections on (1, 1) and the mean of their squared lengths",
      "", lambda: _projections_v1() and _var(M(1, 1)) == R(7, 3))
label(UL, 465, "claim", "right", "sympy: (0 + 1/2 + 1/2)/3", "", lambda: _var(M(-1, 1)) == R(1, 3))
label(UL, 466, "claim", "right", "sympy: 7/3 + 1/3 = 8/3", "", lambda: _var() == _var(M(1, 1)) + _var(M(-1, 1)))
label(UL, 469, "definition", "not-a-claim", "names the coordinates of a demeaned point")
label(UL, 471, "claim", "right", "numpy: random demeaned data", "", _additivity_xy)
label(UL, 478, "claim", "right", "numpy: random demeaned data", "", _additivity_xy)
label(UL, 490, "claim", "right", "numpy: random data and unit u", "u_1 a unit vector", _unit_projection)
label(UL, 498, "claim", "right", "numpy: random orthonormal basis of R^2", "u_1, u_2 orthonormal", _projection_formula)
label(UL, 505, "claim", "right", "numpy: random orthonormal basis of R^2", "u_1, u_2 orthonormal", _projection_formula)
label(UL, 510, "condition", "not-a-claim", "the orthogonality the text uses (since ...)")
label(UL, 518, "claim", "right", "numpy: random demeaned data in R^5, W of dimension 3",
      "u_1..u_n an orthonormal basis of W", _variance_additivity)
label(UL, 527, "definition", "not-a-claim", "the demeaned data points again")
label(UL, 537, "definition", "not-a-claim", "the demeaned data matrix")
label(UL, 546, "claim", "right", "sympy: the example's data, u = (cos t, sin t)", "u a unit vector", _vu_formulas)
label(UL, 549, "claim", "right", "sympy: every member equal (the example's data, unit u); the display ends with a "
      "dangling '=' in the source", "u a unit vector", _vu_formulas)
label(UL, 557, "definition", "not-a-claim", "the covariance matrix")
label(UL, 558, "claim", "right", "sympy: u.Cu = V_u on the example's data", "u a unit vector", _vu_formulas)
nonclaim(UL, 560, "definition", "names u_1")
nonclaim(UL, 561, "definition", "names u_2")
label(UL, 568, "claim", "right", "sympy: A^T u = (d_j . u)_j", "", _vu_formulas)
label(UL, 572, "claim", "right", "sympy: the example's data, unit u", "u a unit vector", _vu_formulas)
label(UL, 578, "claim", "right", "sympy: the example's data, unit u", "", _vu_formulas)
label(UL, 583, "claim", "right", "sympy: A A^T / 3 for the demeaned points", "",
      lambda: _ADT * _ADT.T / 3 == M([R(2, 3), 1], [1, 2]))
label(UL, 584, "claim", "right", "sympy: V along (1, 2)/sqrt 5", "", lambda: _var(M(1, 2)) == R(38, 15))
label(UL, 585, "claim", "right", "sympy: V along (-2, 1)/sqrt 5", "", lambda: _var(M(-2, 1)) == R(2, 15),
      pick="2/15")
label(UL, 585, "claim", "right", "sympy: 38/15 + 2/15 = 8/3", "", lambda: R(38, 15) + R(2, 15) == R(8, 3),
      pick="8/3")
label(UL, 586, "claim", "right", "numpy: random data matrix", "", _covariance_symmetric)
label(UL, 588, "definition", "not-a-claim", "the covariance matrix")
label(UL, 591, "claim", "right", "numpy: random data matrix", "", _covariance_symmetric)
label(UL, 604, "claim", "right", "sympy: the example's data, unit u", "u a unit vector, C the covariance matrix",
      _vu_formulas)
label(UL, 629, "example", "not-a-claim", "the covariance of a 100-point data file outside the corpus (computed once: "
      "[[1.3792, 0.6983], [0.6983, 0.3659]], so the rounding is right)", pick="1.38")
label(UL, 630, "claim", "right", "V_x and V_y are C's diagonal entries (the text's C)", "", lambda: _C2[0, 0] == 1.38,
      pick="V_x")
label(UL, 630, "claim", "right", "V_y is C's second diagonal entry", "", lambda: _C2[1, 1] == 0.37, pick="V_y")
label(UL, 632, "claim", "right", "1.38 + 0.37 = 1.75", "", lambda: abs(1.38 + 0.37 - 1.75) < 1e-12)
nonclaim(UL, 633, "definition", "names u_1", pick="uvec_1")
label(UL, 634, "claim", "right", "numpy: u.Cu = 1.738 with the text's C, 1.7352 with the data's", "",
      lambda: _vu_from_rounded_c([2, 1], 1.74))
nonclaim(UL, 636, "definition", "names u_2", pick="uvec_2=")
label(UL, 636, "claim", "right", "numpy: u.Cu = 0.012 with the text's C, 0.0099 with the data's", "",
      lambda: _vu_from_rounded_c([-1, 2], 0.01), pick="0.01")
label(UL, 637, "claim", "right", "numpy: random orthonormal basis of R^2", "u_1, u_2 orthonormal", _projection_formula)
label(UL, 647, "claim", "right", "numpy: additivity for an orthonormal basis", "u_1, u_2 orthogonal unit vectors",
      _variance_additivity)
label(UL, 659, "claim", "right", "numpy: a symmetric A equals Q D Q^T", "A orthogonally diagonalizable",
      _spectral_symmetric)
label(UL, 661, "claim", "right", "numpy: Q D Q^T is symmetric", "A orthogonally diagonalizable", _spectral_symmetric)
label(UL, 662, "definition", "not-a-claim", "the covariance matrix")
label(UL, 664, "claim", "right", "sympy: the example's data, unit u", "u a unit vector", _vu_formulas)
label(UL, 667, "claim", "right", "numpy: random demeaned data, W of dimension 3", "u_1..u_n orthonormal",
      _variance_additivity)


# ================================================================ nma_dl_gradient_descent_autograd.md
NM = "nma_dl_gradient_descent_autograd.md"
x, y, z, u, w, b, yt = sp.symbols("x y z u w b y_t", real=True)


def _chain_rule():
    """(g o h)'(x) = g'(h(x)) h'(x) for g = sin, h = x^3 + 2x (sympy)."""
    h = x**3 + 2 * x
    return zero(sp.diff(sp.sin(h), x) - sp.cos(h) * sp.diff(h, x))


def _grad_sin(var):
    return zero(sp.diff(sp.sin(x**2 + y**2), var) - sp.cos(x**2 + y**2) * 2 * var)


def _graph_dfdx():
    """With a = 2x, b = sin y, c = a/b, d = z c, e = ln(1 + d), f = tanh e (the tutorial's figure):
    df/dx = (1 - tanh^2 e) (1/(d + 1)) z (1/b) 2."""
    a, bb = 2 * x, sp.sin(y)
    c = a / bb
    d = z * c
    e = sp.log(1 + d)
    return zero(sp.diff(sp.tanh(e), x) - (1 - sp.tanh(e) ** 2) / (d + 1) * z / bb * 2)


def _loss_grad(var):
    """loss = (y_t - y_p)^2 with y_p = tanh(w x + b): d loss/dw = -2x (y_t - y_p)(1 - y_p^2), d loss/db = -2 (...)."""
    yp = sp.tanh(w * x + b)
    factor = x if var == w else 1
    return zero(sp.diff((yt - yp) ** 2, var) - (-2 * factor * (yt - yp) * (1 - yp**2)))


label(NM, 37, "definition", "not-a-claim", "the function of the exercise")
label(NM, 41, "no-claim", "not-a-claim", "the gradient asked for")
label(NM, 45, "definition", "not-a-claim", "a composite function")
label(NM, 46, "claim", "right", "sympy: (sin(x^3 + 2x))' = cos(x^3 + 2x)(3x^2 + 2)", "", _chain_rule)
label(NM, 48, "claim", "right", "sympy: the chain rule on a test composite", "", _chain_rule)
label(NM, 54, "definition", "not-a-claim", "the decomposition z = f(g(x, y))")
label(NM, 58, "claim", "right", "sympy: d/dx sin(x^2 + y^2) = cos(x^2 + y^2) 2x", "", lambda: _grad_sin(x))
label(NM, 60, "claim", "right", "sympy: d/dy sin(x^2 + y^2) = cos(x^2 + y^2) 2y", "", lambda: _grad_sin(y))
label(NM, 64, "definition", "not-a-claim", "the function again")
label(NM, 72, "definition", "not-a-claim", "f's domain and codomain", pick="mathbb")
label(NM, 74, "update", "not-a-claim", "the gradient descent update")
label(NM, 76, "condition", "not-a-claim", "the step size is positive", pick="eta > 0")
label(NM, 76, "definition", "not-a-claim", "the gradient (written with delta for the partial sign)", pick="nabla")
label(NM, 81, "condition", "not-a-claim", "the step size is positive", pick="eta > 0")
label(NM, 84, "update", "not-a-claim", "the gradient descent update", pick="mathbf")
label(NM, 99, "definition", "not-a-claim", "the function of exercise 1.2", pick="tanh")
label(NM, 107, "definition", "not-a-claim", "the function again")
label(NM, 117, "claim", "right", "sympy: the computational graph's intermediate variables (a = 2x, b = sin y, c = a/b, "
      "d = zc, e = ln(1 + d), f = tanh e, from the tutorial's figure) and df/dx", "", _graph_dfdx)
label(NM, 132, "claim", "right", "sympy: d/dw (y_t - tanh(wx + b))^2", "y_p = tanh(w x + b), loss = (y_t - y_p)^2",
      lambda: _loss_grad(w))
label(NM, 134, "claim", "right", "sympy: d/db (y_t - tanh(wx + b))^2", "y_p = tanh(w x + b), loss = (y_t - y_p)^2",
      lambda: _loss_grad(b))


# ================================================================ pyro_svi_part1.md
PY = "pyro_svi_part1.md"


def _discrete_law():
    """A random joint law p(x, z) on 3 x 4 values, with p(z), p(x | z), p(x), p(z | x)."""
    p = RNG.random((3, 4))
    p /= p.sum()
    pz = p.sum(0)
    px = p.sum(1)
    return p, px, pz


def _product_rule():
    p, px, pz = _discrete_law()
    return close(p, (p / pz) * pz)


def _marginal():
    p, px, pz = _discrete_law()
    return close(np.log(px), np.log(p.sum(1)))


def _bayes():
    p, px, pz = _discrete_law()
    return close(p / px[:, None], p / p.sum(1, keepdims=True))


def _elbo_terms(qz):
    p, px, pz = _discrete_law()
    x0 = 1
    elbo = np.sum(qz * (np.log(p[x0]) - np.log(qz)))
    post = p[x0] / px[x0]
    kl = np.sum(qz * np.log(qz / post))
    return np.log(px[x0]), elbo, kl


def _elbo_bound():
    for _ in range(20):
        q = RNG.random(4)
        logpx, elbo, _ = _elbo_terms(q / q.sum())
        if not logpx >= elbo - 1e-12:
            return False
    return True


def _elbo_gap():
    q = RNG.random(4)
    logpx, elbo, kl = _elbo_terms(q / q.sum())
    return close(logpx - elbo, kl)


label(PY, 29, "claim", "right", "numpy: p(x, z) = p(x | z) p(z) on a random discrete joint law", "", _product_rule)
label(PY, 42, "definition", "not-a-claim", "theta_max")
label(PY, 46, "claim", "right", "numpy: log p(x) = log sum_z p(x, z) on a random discrete law (the sum for the "
      "integral)", "", _marginal)
label(PY, 52, "claim", "right", "numpy: Bayes' rule on a random discrete law", "", _bayes)
label(PY, 71, "definition", "not-a-claim", "the ELBO")
label(PY, 77, "claim", "right", "numpy: log p(x) >= ELBO for 20 random guides q on a random discrete law", "",
      _elbo_bound)
label(PY, 81, "claim", "right", "numpy: log p(x) - ELBO = KL(q || p(z | x)) on a random discrete law", "",
      _elbo_gap)
label(PY, 95, "condition", "not-a-claim", "the range of f", pick="f \\in")
label(PY, 95, "definition", "not-a-claim", "f = 0.50 is what a fair coin means", pick="f=0.50")
label(PY, 109, "claim", "right", "mpmath: 16/30 = 0.5333...", "", lambda: mp.mpf(16) / 30 == mp.mpf(8) / 15
      and abs(mp.mpf(16) / 30 - (mp.mpf("0.5") + mp.mpf(1) / 30)) < mp.mpf(10) ** -25)
label(PY, 110, "claim", "right", "6/10 = 0.6", "", lambda: R(6, 10) == R(3, 5), pick="6/10")

nonclaim_table(nonclaim, PY, """
101 definition | q(f)
""")


if __name__ == "__main__":
    sys.exit(check_entries(ENTRIES, _latex, sys.argv[1:]))
