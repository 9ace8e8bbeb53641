r"""Independent checks of the hand labels of the round-9 sources of tests/corpus/notes: study notes by people other
than the d2l authors, in styles the corpus did not have, labelled before ``formulary check`` was run on them.

* Hadrien Jean's reading notes on chapter 2 of the Deep Learning book (Jupyter Markdown cells, MIT): the PCA
  derivation and the norms section, written with MathJax macros defined by ``\newcommand`` in the notebook
  (``\bs``, ``\norm``, ``\Tr``, ``\argmin``), ``\text{T}`` transposes, ``\\\\`` row separators, chains of
  ``\arg\min`` steps and numeric examples;
* Ryoga Li's blog notes (Jekyll Kramdown, MIT): inline math written ``$$...$$``, ``exp``/``det``/``softmax``
  as plain letters, multi-letter names (``TP``, ``MCC``, ``Recall/Sensitivity``), an unbalanced brace;
* Joshua Achiam's Spinning Up (Sphinx reStructuredText, MIT): abstract RL quantities, the macro
  ``\underE{x}{f}`` for expectations, ``\cancel``, ``.. math::`` directives with the formula on the directive line
  and ``:nowrap:`` aligns.

As in the earlier rounds: each entry names a block by ``(file, line[, exact block text])``, gives its role and label,
says how it was checked and, for ``right``/``wrong``, carries a check written by hand with sympy, mpmath or numpy
that returns True when the block's claim holds.  Statements about arbitrary distributions, MDPs and policies are
checked on small random instances (finite sets, exact enumeration, no sampling); matrix identities on random
matrices.  Nothing from the Formulary code base is imported.

    python3 tests/corpus/notes/check_labels_round9.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round9.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import itertools
import math
import sys
from pathlib import Path

import mpmath as mp
import numpy as np
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import block_on_line, check_entries, recorder, rst_blocks

RNG = np.random.default_rng(9)
TOL = 1e-9
"""Absolute tolerance for numpy comparisons of exact identities in double precision (values of order 1-100)."""

ENTRIES, label, nonclaim = recorder()


def _close(a, b, tol=TOL) -> bool:
    return bool(np.allclose(a, b, atol=tol, rtol=0))


def _orthonormal(n, l):
    """An n x l matrix with orthonormal columns (D^T D = I_l)."""
    q, _ = np.linalg.qr(RNG.normal(size=(n, n)))
    return q[:, :l]


# ---------------------------------------------------------------- hadrienj_pca_notes.md
PCA = "hadrienj_pca_notes.md"


def _pca_argmin_steps():
    """Every restated objective of the encoding step has the same minimiser c = D^T x (D with orthonormal
    columns): the objectives differ by the constant x^T x only, so compare the objectives' differences."""
    ok = True
    for n, l in ((3, 2), (5, 3)):
        D, x = _orthonormal(n, l), RNG.normal(size=n)
        for _ in range(5):
            c = RNG.normal(size=l)
            g = D @ c
            full = np.sum((x - g) ** 2)
            steps = (-2 * x @ g + g @ g, -2 * x @ D @ c + (D @ c) @ (D @ c), -2 * x @ D @ c + c @ D.T @ D @ c,
                     -2 * x @ D @ c + c @ np.eye(l) @ c, -2 * x @ D @ c + c @ c)
            ok &= all(abs(full - s - x @ x) < TOL for s in steps)
        grad = -2 * D.T @ x + 2 * (D.T @ x)  # the gradient of the last objective at c = D^T x
        ok &= _close(grad, 0)
    return ok


def _pca_expansions(which):
    n = 4
    x, y, D, c = RNG.normal(size=n), RNG.normal(size=n), _orthonormal(n, 2), RNG.normal(size=2)
    g = D @ c
    if which == "norm":
        return _close(np.sum(y ** 2), y @ y)
    if which == "dot":
        return _close(x @ y, y @ x) and _close(x @ g, g @ x)
    if which == "transpose":
        return _close((D @ c).reshape(1, -1), c.reshape(1, -1) @ D.T)
    return False


def _pca_gradient_terms(which):
    """d(-2 x^T D c)/dc = -2 x^T D (numerator layout: a row vector) and d(c^T c)/dc = 2c, by finite differences."""
    n, l = 4, 3
    D, x, c, h = _orthonormal(n, l), RNG.normal(size=n), RNG.normal(size=l), 1e-6
    f = (lambda v: -2 * x @ D @ v) if which == "linear" else (lambda v: v @ v)
    grad = np.array([(f(c + h * e) - f(c - h * e)) / (2 * h) for e in np.eye(l)])
    want = -2 * x @ D if which == "linear" else 2 * c
    return _close(grad, want, 1e-6)


def _pca_solution():
    """-2 x^T D + 2 c = 0 (as a row), -2 D^T x + 2c = 0 and c = D^T x have the same solution."""
    D, x = _orthonormal(5, 2), RNG.normal(size=5)
    c = D.T @ x
    return _close(-2 * x @ D + 2 * c, 0) and _close(-2 * D.T @ x + 2 * c, 0)


def _pca_reconstruction(l):
    D, x = _orthonormal(4, l), RNG.normal(size=4)
    f = D.T @ x
    return _close(D @ f, D @ D.T @ x)


def _pca_frobenius(which):
    """The objective over all points written with the sum of squared norms, their transposes, the Frobenius norm
    and the trace (d a unit vector, X with the points as rows)."""
    m, n = 6, 3
    X, d = RNG.normal(size=(m, n)), RNG.normal(size=n)
    d /= np.linalg.norm(d)
    P = np.outer(d, d)
    rows = sum(np.sum((x - P @ x) ** 2) for x in X)
    A = X - X @ P
    if which == "rows":
        return _close(rows, sum(np.sum((x - x @ P) ** 2) for x in X))
    if which == "matrix":
        return _close(rows, np.sum(A ** 2))
    if which == "trace":
        B = RNG.normal(size=(3, 5))
        return _close(np.sqrt(np.sum(B ** 2)), np.sqrt(np.trace(B @ B.T)))
    if which == "trace objective":
        return _close(np.sum(A ** 2), np.trace(A @ A.T)) and _close(np.trace(A @ A.T), np.trace(A.T @ A))
    if which == "transpose product":
        return _close((X @ P).T, d.reshape(-1, 1) @ d.reshape(1, -1) @ X.T)
    return False


def _pca_trace_steps(which):
    """The trace objective and each rewriting of it, as functions of a unit vector d: equal up to the constant
    Tr(X^T X) (or, for argmax, up to sign and constant), and the cyclic-trace identity."""
    X = RNG.normal(size=(6, 3))
    G = X.T @ X
    ok = True
    for _ in range(5):
        d = RNG.normal(size=3)
        d /= np.linalg.norm(d)
        P = np.outer(d, d)
        A = X - X @ P
        full = np.trace(A.T @ A)
        expanded = np.trace(G - G @ P - P @ G + P @ G @ P)
        split = np.trace(G) - np.trace(G @ P) - np.trace(P @ G) + np.trace(P @ G @ P)
        if which == "expand":
            ok &= abs(full - expanded) < TOL and abs(full - split) < TOL
        elif which == "drop":
            ok &= abs(full - np.trace(G) - (-np.trace(G @ P) - np.trace(P @ G) + np.trace(P @ G @ P))) < TOL
        elif which == "cyclic":
            ok &= abs(np.trace(G @ P) - np.trace(P @ G)) < TOL
        elif which == "two":
            ok &= abs(full - np.trace(G) - (-2 * np.trace(G @ P) + np.trace(P @ G @ P))) < TOL
        elif which == "two cycled":
            ok &= abs(full - np.trace(G) - (-2 * np.trace(G @ P) + np.trace(G @ P @ P))) < TOL
        elif which == "constraint":
            ok &= abs(full - np.trace(G) - (-np.trace(G @ P))) < TOL
        elif which == "quadratic form":
            ok &= abs(np.trace(G @ P) - d @ G @ d) < TOL
    if which == "argmax":  # the maximiser over unit d of d^T X^T X d is the top eigenvector
        _, V = np.linalg.eigh(G)
        top = V[:, -1]
        trials = [v / np.linalg.norm(v) for v in RNG.normal(size=(200, 3))]
        ok &= all(top @ G @ top >= v @ G @ v - TOL for v in trials)
    return ok


label(PCA, 12, "no-claim", "not-a-claim", "MathJax macro definitions (\\newcommand)")
nonclaim(PCA, 46, "definition", "x as the row of the m data points (notation)")
nonclaim(PCA, 55, "definition", "x written entry by entry (notation)")
nonclaim(PCA, 67, "definition", "x as a column of its n coordinates (notation)")
nonclaim(PCA, 79, "definition", "c as a column of l coordinates (notation)")
nonclaim(PCA, 97, "definition", "the decoding function g(c) = Dc")
nonclaim(PCA, 115, "definition", "the decoding function restated", pick="g(\\bs{c})=\\bs{Dc}")
nonclaim(PCA, 117, "no-claim", "the objective, an expression without a relation")
nonclaim(PCA, 123, "definition", "c* named as the minimiser")
label(PCA, 131, "claim", "right", "numpy: sum(y^2) = y @ y for a random y", "", lambda: _pca_expansions("norm"))
nonclaim(PCA, 135, "definition", "y named as x - g(c)", pick="\\bs{y}=\\bs{x} - g(\\bs{c})")
nonclaim(PCA, 139, "no-claim", "the objective written with the transpose (expression)")
nonclaim(PCA, 145, "no-claim", "the objective after distributing the transpose (expression)")
nonclaim(PCA, 151, "no-claim", "the objective expanded (expression)")
label(PCA, 155, "claim", "right", "numpy: x @ y = y @ x for random vectors", "x, y column vectors",
      lambda: _pca_expansions("dot"))
label(PCA, 157, "claim", "right", "numpy: x @ g(c) = g(c) @ x for random x, D, c", "vectors",
      lambda: _pca_expansions("dot"))
nonclaim(PCA, 161, "no-claim", "the objective with the two middle terms merged (expression)")
label(PCA, 167, "claim", "right", "numpy: the objective minus x^T x equals -2x^T g + g^T g at random c (same "
      "minimiser)", "x^T x does not depend on c", _pca_argmin_steps)
nonclaim(PCA, 171, "definition", "g(c) = Dc restated")
label(PCA, 173, "claim", "right", "numpy: as for line 167 with g = Dc", "", _pca_argmin_steps)
label(PCA, 177, "claim", "right", "numpy: (Dc)^T = c^T D^T on random D, c", "", lambda: _pca_expansions("transpose"))
label(PCA, 179, "claim", "right", "numpy: as for line 167", "", _pca_argmin_steps)
nonclaim(PCA, 183, "condition", "D^T D = I_l (orthonormal columns)", pick="\\bs{D}^\\text{T}\\bs{D}=\\bs{I}_l")
nonclaim(PCA, 183, "condition", "n != l", pick="n \\neq l")
label(PCA, 185, "claim", "right", "numpy: as for line 167, D with orthonormal columns", "D^T D = I_l",
      _pca_argmin_steps)
label(PCA, 189, "claim", "right", "numpy: as for line 167", "D^T D = I_l", _pca_argmin_steps)
nonclaim(PCA, 195, "no-claim", "the function to minimise (expression)", pick="- 2\\bs{x}^\\text{T}\\bs{Dc} + "
         "\\bs{c}^\\text{T}\\bs{c}")
nonclaim(PCA, 205, "condition", "the stationarity condition, an equation in c (not an identity)")
label(PCA, 211, "claim", "right", "numpy: central differences of -2x^T D c in c give -2 x^T D (numerator layout)",
      "gradient written as a row vector", lambda: _pca_gradient_terms("linear"))
label(PCA, 217, "claim", "right", "numpy: central differences of c^T c give 2c (the block writes c\\text{T}c for "
      "c^T c)", "", lambda: _pca_gradient_terms("square"))
label(PCA, 232, "claim", "right", "numpy: c = D^T x solves -2x^T D + 2c = 0 and -2D^T x + 2c = 0 (equivalent "
      "equations in c, up to transposition)", "the first line is the condition of line 205", _pca_solution)
nonclaim(PCA, 242, "definition", "g(c) = Dc restated", pick="g(\\bs{c})=\\bs{Dc}")
label(PCA, 244, "claim", "right", "numpy: g(f(x)) = D D^T x with f(x) = D^T x (the block misses a parenthesis)",
      "f(x) = D^T x, g(c) = Dc", lambda: _pca_reconstruction(2))
nonclaim(PCA, 260, "definition", "the Frobenius norm")
nonclaim(PCA, 268, "definition", "D* named as the minimiser (a misplaced brace in the square root)")
nonclaim(PCA, 272, "condition", "D^T D = I_l", pick="\\bs{D}^\\text{T}\\bs{D}=\\bs{I}_l")
nonclaim(PCA, 276, "condition", "l = 1 (one principal component)", pick="l=1")
label(PCA, 280, "claim", "right", "numpy: sqrt is increasing, so the argmin of the root of the sum equals that "
      "of the sum; the sum of squared row errors (checked with line 334)", "l = 1",
      lambda: _pca_frobenius("matrix"))
label(PCA, 287, "claim", "right", "numpy: D D^T x (restated reconstruction)", "", lambda: _pca_reconstruction(2))
label(PCA, 293, "claim", "right", "numpy: D = d for l = 1", "l = 1", lambda: _pca_reconstruction(1))
label(PCA, 299, "claim", "right", "numpy: r(x) = d d^T x substituted (line 293)", "l = 1",
      lambda: _pca_reconstruction(1))
nonclaim(PCA, 303, "condition", "unit norm of d", pick="\\norm{\\bs{d}}_2 = 1")
nonclaim(PCA, 308, "definition", "X with the points as rows (the last row is indexed x_0, ..., x_n: a slip)")
label(PCA, 325, "claim", "right", "numpy: ||v||^2 = ||v^T||^2 and (x - dd^T x)^T = x^T - x^T dd^T", "d unit",
      lambda: _pca_frobenius("rows"))
label(PCA, 334, "claim", "right", "numpy: sum over rows of squared row errors = ||X - X dd^T||_F^2", "d unit",
      lambda: _pca_frobenius("matrix"))
nonclaim(PCA, 338, "condition", "the unit-norm constraint (written dd^T = 1 for d^T d = 1)")
label(PCA, 344, "claim", "right", "numpy: ||B||_F = sqrt(Tr(B B^T)) for a random 3x5 B", "",
      lambda: _pca_frobenius("trace"))
nonclaim(PCA, 348, "definition", "A named as X - X dd^T")
label(PCA, 350, "claim", "right", "numpy: ||A||_F^2 = Tr(A A^T) (and the square root does not move the argmin)",
      "d unit", lambda: _pca_frobenius("trace objective"))
label(PCA, 356, "claim", "right", "numpy: Tr(A A^T) = Tr(A^T A); transpose of a difference", "",
      lambda: _pca_frobenius("trace objective"))
label(PCA, 363, "claim", "right", "numpy: (X dd^T)^T = d d^T X^T", "", lambda: _pca_frobenius("transpose product"))
label(PCA, 366, "claim", "right", "numpy: the product expanded and the trace split, equal at random unit d",
      "d unit", lambda: _pca_trace_steps("expand"))
label(PCA, 377, "claim", "right", "numpy: the objective minus Tr(X^T X) (same minimiser)", "d unit",
      lambda: _pca_trace_steps("drop"))
label(PCA, 384, "claim", "right", "numpy: Tr(X^T X dd^T) = Tr(dd^T X^T X)", "", lambda: _pca_trace_steps("cyclic"))
label(PCA, 390, "claim", "right", "numpy: the two middle traces merged (line 384)", "d unit",
      lambda: _pca_trace_steps("two"))
label(PCA, 397, "claim", "right", "numpy: the last trace cycled", "d unit", lambda: _pca_trace_steps("two cycled"))
nonclaim(PCA, 402, "condition", "the unit-norm constraint")
label(PCA, 404, "claim", "right", "numpy: with d^T d = 1, dd^T dd^T = dd^T so the objective is -Tr(X^T X dd^T) "
      "up to a constant; argmin of -f = argmax of f", "d^T d = 1 (written dd^T = 1)",
      lambda: _pca_trace_steps("constraint"))
label(PCA, 415, "claim", "right", "numpy: Tr(X^T X dd^T) = d^T X^T X d; the maximiser over unit d is the top "
      "eigenvector (checked against 200 random unit vectors)", "d^T d = 1",
      lambda: _pca_trace_steps("quadratic form") and _pca_trace_steps("argmax"))
label(PCA, 452, "claim", "right", "numpy: as for line 415", "d^T d = 1",
      lambda: _pca_trace_steps("quadratic form") and _pca_trace_steps("argmax"))
nonclaim(PCA, 472, "definition", "the encoding function restated")
nonclaim(PCA, 482, "condition", "the unit-norm constraint", pick="\\bs{dd}^\\text{T}=1")


# ---------------------------------------------------------------- hadrienj_norms_notes.md
NORMS = "hadrienj_norms_notes.md"


def _norm_homogeneity():
    return all(abs(np.linalg.norm(k * u) - abs(k) * np.linalg.norm(u)) < TOL
               for k, u in ((RNG.normal(), RNG.normal(size=4)) for _ in range(20)))


def _triangle():
    return all(np.linalg.norm(u + v) <= np.linalg.norm(u) + np.linalg.norm(v) + TOL
               for u, v in ((RNG.normal(size=3), RNG.normal(size=3)) for _ in range(200)))


def _rounds_to(value, written, digits) -> bool:
    """``value`` rounds to ``written`` at ``digits`` decimals (the rule of the corpus for rounded numbers)."""
    return round(float(value), digits) == written


def _norm_example(which):
    s = sp.sqrt
    if which == "sum":
        return s((1 + 4) ** 2 + (6 + 2) ** 2) == s(89) and _rounds_to(s(89).evalf(), 9.43, 2)
    if which == "two norms":
        return (s(1 + 36) + s(16 + 4) == s(37) + s(20)) and _rounds_to((s(37) + s(20)).evalf(), 10.55, 2)
    if which == "3-4":
        return s(abs(3) ** 2 + abs(4) ** 2) == s(25) == 5
    if which == "47":
        x = sp.Matrix([2, 5, 3, 3])
        return (x.T * x)[0] == 2 * 2 + 5 * 5 + 3 * 3 + 3 * 3 == 47
    if which == "transpose":
        return sp.Matrix([2, 5, 3, 3]).T == sp.Matrix([[2, 5, 3, 3]])
    if which == "dot 4":
        return (sp.Matrix([[0, 2]]) * sp.Matrix([2, 2]))[0] == 0 * 2 + 2 * 2 == 4
    if which == "x norm":
        return s(0 ** 2 + 2 ** 2) == s(4) == 2
    if which == "y norm":
        return s(2 ** 2 + 2 ** 2) == s(8)
    if which == "degrees":  # 45 read in degrees, as the text says
        return sp.simplify(2 * s(8) * sp.cos(sp.pi / 4) - 4) == 0
    return False


def _p_norm_cases(p):
    u = RNG.normal(size=5)
    return _close(np.sum(np.abs(u) ** p) ** (1 / p), np.linalg.norm(u, p))


def _l2_definition():
    us = sp.symbols("u1:5", real=True)
    return sp.simplify(sp.sqrt(sum(v ** 2 for v in us)) - sum(v ** 2 for v in us) ** sp.Rational(1, 2)) == 0


def _norm_is_sum_of_squares():
    """||u||_2 = u_1^2 + ... + u_n^2 fails: u = (1, 1) has norm sqrt(2), sum of squares 2."""
    u = np.array([1.0, 1.0])
    return abs(np.linalg.norm(u) - np.sum(u ** 2)) < TOL


def _norm_derivative(squared_claim):
    us = sp.symbols("u1:4", real=True)
    norm = sp.sqrt(sum(v ** 2 for v in us))
    claimed = [2 * v for v in us] if squared_claim else [v / norm for v in us]
    return all(sp.simplify(sp.diff(norm, v) - w) == 0 for v, w in zip(us, claimed))


def _norm_derivative_steps():
    us = sp.symbols("u1:4", real=True)
    S = sum(v ** 2 for v in us)
    steps = (sp.Rational(1, 2) * S ** (sp.Rational(1, 2) - 1) * sp.diff(S, us[0]),
             sp.Rational(1, 2) * S ** sp.Rational(-1, 2) * sp.diff(S, us[0]),
             sp.Rational(1, 2) / S ** sp.Rational(1, 2) * 2 * us[0], us[0] / sp.sqrt(S))
    return all(sp.simplify(sp.diff(sp.sqrt(S), us[0]) - st) == 0 for st in steps)


def _cosine_formula():
    ok = True
    for _ in range(50):
        x, y = RNG.normal(size=3), RNG.normal(size=3)
        theta = math.acos(np.clip(x @ y / (np.linalg.norm(x) * np.linalg.norm(y)), -1, 1))
        ok &= abs(x @ y - np.linalg.norm(x) * np.linalg.norm(y) * math.cos(theta)) < 1e-9
    return ok


label(NORMS, 11, "no-claim", "not-a-claim", "MathJax macro definitions (\\newcommand)")
label(NORMS, 31, "claim", "right", "numpy: ||k u|| = |k| ||u|| for random scalars k and vectors u (the block writes "
      "||k|| for |k|, as the sentence after it says)", "k a scalar", _norm_homogeneity)
label(NORMS, 39, "claim", "right", "numpy: the triangle inequality on 200 random pairs", "", _triangle)
nonclaim(NORMS, 45, "definition", "the example vector u")
nonclaim(NORMS, 54, "definition", "the example vector v")
label(NORMS, 61, "claim", "right", "sympy: sqrt(5^2 + 8^2) = sqrt(89) = 9.4339..., rounds to 9.43",
      "u = (1, 6), v = (4, 2)", lambda: _norm_example("sum"))
label(NORMS, 65, "claim", "right", "sympy: sqrt(37) + sqrt(20) = 10.5549..., rounds to 10.55",
      "u = (1, 6), v = (4, 2)", lambda: _norm_example("two norms"))
nonclaim(NORMS, 86, "definition", "the p-norm")
nonclaim(NORMS, 98, "condition", "p = 1", pick="p=1")
label(NORMS, 100, "claim", "right", "numpy: the p-norm with p = 1 is the sum of absolute values", "p = 1",
      lambda: _p_norm_cases(1))
nonclaim(NORMS, 106, "condition", "p = 2", pick="p=2")
label(NORMS, 108, "claim", "right", "sympy: (sum x_i^2)^(1/2) = sqrt(sum x_i^2) (the arrow is used as 'i.e.')",
      "", _l2_definition)
nonclaim(NORMS, 118, "definition", "the example vector u = (3, 4)")
label(NORMS, 126, "claim", "right", "sympy: sqrt(9 + 16) = sqrt(25) = 5", "u = (3, 4)", lambda: _norm_example("3-4"))
nonclaim(NORMS, 143, "definition", "u written entry by entry")
label(NORMS, 153, "claim", "right", "sympy: the 2-norm is the root of the sum of squares", "", _l2_definition)
nonclaim(NORMS, 159, "no-claim", "the squared norm (expression)")
nonclaim(NORMS, 170, "definition", "the example vector x = (2, 5, 3, 3)")
label(NORMS, 180, "claim", "right", "sympy: the transpose of the column (2, 5, 3, 3)", "x of line 170",
      lambda: _norm_example("transpose"))
label(NORMS, 187, "claim", "right", "sympy: x^T x = 4 + 25 + 9 + 9 = 47", "x of line 170", lambda: _norm_example("47"))
nonclaim(NORMS, 209, "definition", "u written entry by entry")
label(NORMS, 219, "claim", "wrong", "numpy: u = (1, 1): ||u||_2 = sqrt(2), sum of squares 2 (the author means the "
      "squared norm)", "", _norm_is_sum_of_squares)
label(NORMS, 223, "claim", "wrong", "sympy: d||u||_2/du_1 = u_1/||u||_2, not 2u_1 (2u_1 is the derivative of the "
      "squared norm; the notes derive u_1/||u||_2 at line 240)", "", lambda: _norm_derivative(True))
label(NORMS, 236, "claim", "right", "sympy: sqrt(S) = S^(1/2)", "", _l2_definition)
label(NORMS, 240, "claim", "right", "sympy: each step equals d sqrt(u1^2+u2^2+u3^2)/du1", "", _norm_derivative_steps)
label(NORMS, 255, "claim", "right", "sympy: d||u||_2/du_i = u_i/||u||_2", "", lambda: _norm_derivative(False))
nonclaim(NORMS, 289, "definition", "the max norm")
nonclaim(NORMS, 295, "definition", "the Frobenius norm")
label(NORMS, 305, "claim", "right", "numpy: x.y = |x||y| cos(angle) with the angle from acos, 50 random pairs",
      "theta the angle between x and y", _cosine_formula)
nonclaim(NORMS, 311, "definition", "the example vector x = (0, 2)")
nonclaim(NORMS, 321, "definition", "the example vector y = (2, 2)")
label(NORMS, 331, "claim", "right", "sympy: (0, 2).(2, 2) = 4", "x, y of lines 311, 321", lambda: _norm_example("dot 4"))
label(NORMS, 345, "claim", "right", "sympy: sqrt(0 + 4) = 2", "x = (0, 2)", lambda: _norm_example("x norm"))
label(NORMS, 349, "claim", "right", "sympy: sqrt(4 + 4) = sqrt(8)", "y = (2, 2)", lambda: _norm_example("y norm"))
label(NORMS, 353, "claim", "right", "sympy: 2 sqrt(8) cos(pi/4) = 4; the angle is in degrees as the text says "
      "('the angle theta is equal to 45°'); read in radians it would be 2.97", "45 in degrees",
      lambda: _norm_example("degrees"))


# ---------------------------------------------------------------- ryogali_dlbook_mcc_notes.md
RL = "ryogali_dlbook_mcc_notes.md"


def _random_joint(shape):
    p = RNG.random(shape)
    return p / p.sum()


def _chain_rule_as_written():
    """P(x1, x2) = P(x1) P(x2 | x1, x2) as written (conditioning on all n variables, i from 2): for n = 2 the
    factor P(x2 | x1, x2) is 1, so the right side is the marginal P(x1), not the joint."""
    p = _random_joint((2, 2))
    lhs = p[0, 1]
    rhs = p[0].sum() * 1.0
    return abs(lhs - rhs) < TOL


def _chain_rule_three():
    p = _random_joint((2, 3, 2))
    ok = True
    for a, b, c in itertools.product(range(2), range(3), range(2)):
        pc = p[:, :, c].sum()
        pbc = p[:, b, c].sum()
        ok &= abs(p[a, b, c] - (p[a, b, c] / pbc) * (pbc / pc) * pc) < TOL
    return ok


def _gaussian_precision():
    """With beta = 1/sigma^2 the density is sqrt(beta/(2 pi)) exp(-beta (x - mu)^2 / 2) (the brace of the square
    root closed after 2\\pi, the only place that renders the formula; read with the root over the whole product
    the formula would not be a density)."""
    x, mu = sp.symbols("x mu", real=True)
    sigma = sp.symbols("sigma", positive=True)
    beta = 1 / sigma ** 2
    normal = sp.sqrt(1 / (2 * sp.pi * sigma ** 2)) * sp.exp(-(x - mu) ** 2 / (2 * sigma ** 2))
    return sp.simplify(sp.sqrt(beta / (2 * sp.pi)) * sp.exp(-beta * (x - mu) ** 2 / 2) - normal) == 0


label(RL, 23, "claim", "wrong", "numpy: for n = 2 the right side is P(x1) P(x2 | x1, x2) = P(x1), not P(x1, x2) "
      "(random 2x2 joint); the chain rule conditions on x^(1), ..., x^(i-1)", "", _chain_rule_as_written)
label(RL, 26, "claim", "right", "numpy: the chain rule on a random 2x3x2 joint", "", _chain_rule_three)
nonclaim(RL, 35, "condition", "phi in [0, 1]")
nonclaim(RL, 38, "definition", "the Gaussian density N(x; mu, sigma^2)")
nonclaim(RL, 40, "definition", "the precision beta = 1/sigma^2 (with the unknown macro \\infinity)")
label(RL, 42, "claim", "right", "sympy: sqrt(beta/(2 pi)) exp(-beta (x-mu)^2/2) = the density of line 38 with "
      "beta = 1/sigma^2 (the square root's brace is not closed in the source)", "beta = 1/sigma^2",
      _gaussian_precision)
nonclaim(RL, 59, "definition", "the softmax function")
nonclaim(RL, 69, "definition", "f(x) = A^{-1} x", pick=" f(\\mathbf{x}) = \\mathbf{A}^{-1} \\mathbf{x} ")
nonclaim(RL, 69, "condition", "A in R (a slip for R^{n x n})", pick=" \\mathbf{A} \\in \\mathbb{R} ")
nonclaim(RL, 74, "condition", "the eigenvalue equation A x = lambda x (defines eigenpairs)",
         pick=" A\\mathbf{x} = \\lambda\\mathbf{x}")
nonclaim(RL, 80, "definition", "the example matrix A")
nonclaim(RL, 85, "condition", "the characteristic equation, an equation in lambda")
nonclaim(RL, 89, "no-claim", "an unfinished equation (no right side)")
nonclaim(RL, 114, "definition", "accuracy and F1 defined (two definitions separated by ';')")
nonclaim(RL, 122, "definition", "the Matthews correlation coefficient")
nonclaim(RL, 124, "definition", "precision")
nonclaim(RL, 127, "definition", "recall (the name written 'Recall/Sensitivity')")
nonclaim(RL, 130, "definition", "specificity")


# ---------------------------------------------------------------- Spinning Up: small MDPs
class _MDP:
    """A random finite MDP (2 states, 2 actions) with a softmax policy of logits theta[s, a]; rewards R(s, a, s')."""

    def __init__(self, seed):
        rng = np.random.default_rng(seed)
        self.S, self.A = 2, 2
        self.P = rng.random((2, 2, 2))
        self.P /= self.P.sum(axis=2, keepdims=True)
        self.rho = rng.random(2)
        self.rho /= self.rho.sum()
        self.R = rng.normal(size=(2, 2, 2))
        self.theta = rng.normal(size=(2, 2))

    def pi(self, theta=None):
        t = self.theta if theta is None else theta
        e = np.exp(t - t.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    def grad_log_pi(self, s, a, theta=None):
        """d log pi(a|s) / d theta, shape (2, 2): one-hot(a) - pi(.|s) in row s."""
        g = np.zeros((2, 2))
        g[s] = -self.pi(theta)[s]
        g[s, a] += 1
        return g

    def trajectories(self, T, theta=None):
        """Every trajectory (s_0, a_0, ..., s_T, a_T, s_{T+1}) with its probability (exact enumeration)."""
        pi = self.pi(theta)
        for choice in itertools.product(range(2), repeat=2 * (T + 1) + 1):
            s = choice[0::2]
            a = choice[1::2]
            p = self.rho[s[0]]
            for t in range(T + 1):
                p *= pi[s[t], a[t]] * self.P[s[t], a[t], s[t + 1]]
            yield s, a, p

    def J(self, T, theta=None):
        return sum(p * sum(self.R[s[t], a[t], s[t + 1]] for t in range(T + 1))
                   for s, a, p in self.trajectories(T, theta))


def _numeric_grad(f, theta, h=1e-6):
    g = np.zeros_like(theta)
    for idx in np.ndindex(theta.shape):
        e = np.zeros_like(theta)
        e[idx] = h
        g[idx] = (f(theta + e) - f(theta - e)) / (2 * h)
    return g


def _pg_estimate(weight, T=1, seed=1):
    """The exact expectation of sum_t grad log pi(a_t|s_t) * weight(s, a, t) against the finite-difference gradient
    of J (T + 1 steps)."""
    m = _MDP(seed)
    exact = np.zeros((2, 2))
    for s, a, p in m.trajectories(T):
        for t in range(T + 1):
            exact += p * m.grad_log_pi(s[t], a[t]) * weight(m, s, a, t, T)
    return _close(exact, _numeric_grad(lambda th: m.J(T, th), m.theta), 1e-6)


def _full_return(m, s, a, t, T):
    return sum(m.R[s[k], a[k], s[k + 1]] for k in range(T + 1))


def _reward_to_go(m, s, a, t, T):
    return sum(m.R[s[k], a[k], s[k + 1]] for k in range(t, T + 1))


def _rtg_minus_baseline(m, s, a, t, T):
    return _reward_to_go(m, s, a, t, T) - (3.0 if s[t] == 0 else -1.5)


def _trajectory_probability(T):
    """The product formula sums to 1 over every trajectory and gives the same marginal of s_1 as one step of the
    chain (rho, pi, P)."""
    m = _MDP(3)
    trajs = list(m.trajectories(T))
    total = sum(p for *_, p in trajs)
    marginal = np.zeros(2)
    for s, a, p in trajs:
        marginal[s[1]] += p
    step = np.einsum("s,sa,sat->t", m.rho, m.pi(), m.P)
    return abs(total - 1) < TOL and _close(marginal, step)


def _log_derivative_trick():
    """grad P(tau|theta) = P(tau|theta) grad log P(tau|theta), finite differences on every trajectory."""
    m = _MDP(4)
    ok = True
    for s, a, p in m.trajectories(1):
        def prob(th, s=s, a=a):
            pi = m.pi(th)
            q = m.rho[s[0]]
            for t in range(2):
                q *= pi[s[t], a[t]] * m.P[s[t], a[t], s[t + 1]]
            return q
        grad_log = sum(m.grad_log_pi(s[t], a[t]) for t in range(2))
        ok &= _close(_numeric_grad(prob, m.theta), p * grad_log, 1e-7)
    return ok


def _log_trajectory():
    m = _MDP(5)
    pi = m.pi()
    ok = True
    for s, a, p in m.trajectories(1):
        rhs = math.log(m.rho[s[0]]) + sum(math.log(m.P[s[t], a[t], s[t + 1]]) + math.log(pi[s[t], a[t]])
                                          for t in range(2))
        ok &= abs(math.log(p) - rhs) < TOL
    return ok


def _grad_log_trajectory():
    """grad log P(tau|theta) = sum_t grad log pi(a_t|s_t): finite differences of log P on every trajectory."""
    m = _MDP(6)
    ok = True
    for s, a, _ in m.trajectories(1):
        def logp(th, s=s, a=a):
            pi = m.pi(th)
            return math.log(m.rho[s[0]]) + sum(math.log(m.P[s[t], a[t], s[t + 1]] * pi[s[t], a[t]]) for t in range(2))
        ok &= _close(_numeric_grad(logp, m.theta), sum(m.grad_log_pi(s[t], a[t]) for t in range(2)), 1e-6)
    return ok


def _eglp(kind):
    """E_{x ~ P_theta}[grad_theta log P_theta(x)] = 0 for a softmax categorical (exact sum) and a Gaussian in its
    mean and log-std (mpmath quadrature); the normalisation integral and its gradient."""
    if kind == "categorical":
        th = RNG.normal(size=5)
        p = np.exp(th) / np.exp(th).sum()
        return _close(sum(p[x] * (np.eye(5)[x] - p) for x in range(5)), 0)
    mu, logs = mp.mpf("0.3"), mp.mpf("-0.2")
    sd = mp.e ** logs
    dens = lambda x: mp.npdf(x, mu, sd)
    if kind == "normalised":
        return abs(mp.quad(dens, [-mp.inf, mp.inf]) - 1) < 1e-20
    d_mu = mp.quad(lambda x: dens(x) * (x - mu) / sd ** 2, [-mp.inf, mp.inf])
    d_logs = mp.quad(lambda x: dens(x) * ((x - mu) ** 2 / sd ** 2 - 1), [-mp.inf, mp.inf])
    return abs(d_mu) < 1e-20 and abs(d_logs) < 1e-20


def _baseline_zero():
    m = _MDP(7)
    pi = m.pi()
    b = {0: 2.5, 1: -0.7}
    return all(_close(sum(pi[s, a] * m.grad_log_pi(s, a) * b[s] for a in range(2)), 0) for s in range(2))


PG = "spinningup_policy_gradient.rst"
nonclaim(PG, 29, "definition", "J as the expected return", pick="J(\\pi_{\\theta}) = \\underE{\\tau \\sim "
         "\\pi_{\\theta}}{R(\\tau)}")
nonclaim(PG, 35, "update", "the gradient-ascent step")
nonclaim(PG, 45, "definition", "a trajectory", pick="\\tau = (s_0, a_0, ..., s_{T+1})")
label(PG, 49, "claim", "right", "numpy: on a random 2-state 2-action MDP the product sums to 1 over all "
      "trajectories and gives the one-step marginal of s_1", "Markov transitions, actions from pi_theta",
      lambda: _trajectory_probability(1))
label(PG, 56, "claim", "right", "numpy: finite differences of P(tau|theta) = P grad log P on every trajectory "
      "(softmax policy)", "P(tau|theta) > 0", _log_derivative_trick)
label(PG, 63, "claim", "right", "numpy: log of the product = the sum of the logs, every trajectory", "",
      _log_trajectory)
label(PG, 72, "claim", "right", "numpy: finite differences of log P(tau|theta) = sum_t grad log pi(a_t|s_t); the "
      "cancelled terms do not depend on theta", "rho_0 and P independent of theta", _grad_log_trajectory)
label(PG, 83, "claim", "right", "numpy: exact expectation of sum_t grad log pi(a_t|s_t) R(tau) = finite-difference "
      "gradient of J (random MDP, softmax policy, two steps)", "finite horizon, R independent of theta",
      lambda: _pg_estimate(_full_return))
nonclaim(PG, 92, "definition", "the set of trajectories D", pick="\\mathcal{D} = \\{\\tau_i\\}_{i=1,...,N}")
nonclaim(PG, 96, "definition", "the sample estimate g-hat")
nonclaim(PG, 108, "definition", "softmax probabilities of the logits")
label(PG, 120, "claim", "right", "numpy/mpmath: the expected score is 0 for a softmax categorical (exact) and a "
      "Gaussian (quadrature in the mean and log-std)", "P_theta a normalised family",
      lambda: _eglp("categorical") and _eglp("gaussian"))
label(PG, 128, "claim", "right", "mpmath: the Gaussian density integrates to 1", "P_theta a distribution",
      lambda: _eglp("normalised"))
label(PG, 134, "claim", "right", "the gradient of the constant 1 is 0 (with line 128)", "",
      lambda: _eglp("normalised"))
label(PG, 140, "claim", "right", "numpy/mpmath: as for line 120 (each step equals the expected score)", "",
      lambda: _eglp("categorical") and _eglp("gaussian"))
label(PG, 154, "claim", "right", "numpy: as for line 83", "", lambda: _pg_estimate(_full_return))
label(PG, 164, "claim", "right", "numpy: the exact expectation with the reward-to-go weights = the gradient of J",
      "", lambda: _pg_estimate(_reward_to_go))
nonclaim(PG, 172, "definition", "the reward-to-go (\\doteq)")
label(PG, 189, "claim", "right", "numpy: sum_a pi(a|s) grad log pi(a|s) b(s) = 0 in each state", "b depends on "
      "the state only", _baseline_zero)
label(PG, 195, "claim", "right", "numpy: the exact expectation with reward-to-go minus a state baseline = the "
      "gradient of J", "b depends on the state only", lambda: _pg_estimate(_rtg_minus_baseline))
nonclaim(PG, 201, "example", "the baseline chosen as the value function", pick="b(s_t) = V^{\\pi}(s_t)")
nonclaim(PG, 209, "definition", "the value-network parameters as a minimiser")
label(PG, 222, "claim", "right", "numpy: with Phi_t = R(tau) or the reward-to-go (lines 83, 164) the exact "
      "expectation equals the gradient of J", "Phi_t one of the listed weights",
      lambda: _pg_estimate(_full_return) and _pg_estimate(_reward_to_go))
nonclaim(PG, 226, "example", "a choice of weight Phi_t")
nonclaim(PG, 230, "example", "a choice of weight Phi_t")
nonclaim(PG, 234, "example", "a choice of weight Phi_t")
nonclaim(PG, 240, "example", "a choice of weight Phi_t")
nonclaim(PG, 244, "definition", "the advantage function", pick="A^{\\pi}(s_t,a_t) = Q^{\\pi}(s_t,a_t) - "
         "V^{\\pi}(s_t)")
nonclaim(PG, 246, "example", "a choice of weight Phi_t")


# ---------------------------------------------------------------- spinningup_key_concepts.rst
KC = "spinningup_key_concepts.rst"


def _discounted_values(seed=11, gamma=0.9, horizon=600):
    """V^pi and Q^pi of a random MDP (rewards r(s, a)) from their definition, the expected discounted return,
    summed up to a long horizon (gamma^600 < 1e-27): no Bellman equation is used."""
    rng = np.random.default_rng(seed)
    P = rng.random((2, 2, 2))
    P /= P.sum(axis=2, keepdims=True)
    r = rng.normal(size=(2, 2))

    def evaluate(pi):
        P_pi = np.einsum("sa,sat->st", pi, P)
        r_pi = (pi * r).sum(axis=1)
        V, M = np.zeros(2), np.eye(2)
        for k in range(horizon):
            V += gamma ** k * M @ r_pi
            M = M @ P_pi
        Q = r + gamma * np.einsum("sat,t->sa", P, V)  # first step fixed, then the discounted sum from s'
        return V, Q

    pi = rng.random((2, 2))
    pi /= pi.sum(axis=1, keepdims=True)
    V, Q = evaluate(pi)
    deterministic = [np.eye(2)[list(c)] for c in itertools.product(range(2), repeat=2)]
    values = [evaluate(p) for p in deterministic]
    V_star = np.max([v for v, _ in values], axis=0)
    Q_star = np.max([q for _, q in values], axis=0)
    return {"P": P, "r": r, "gamma": gamma, "pi": pi, "V": V, "Q": Q, "V_star": V_star, "Q_star": Q_star}


def _value_relation(which):
    d = _discounted_values()
    if which == "V from Q":
        return _close(d["V"], (d["pi"] * d["Q"]).sum(axis=1), 1e-9)
    if which == "V* from Q*":
        return _close(d["V_star"], d["Q_star"].max(axis=1), 1e-9)
    P, r, g = d["P"], d["r"], d["gamma"]
    if which == "bellman pi":
        V_b = (d["pi"] * (r + g * np.einsum("sat,t->sa", P, d["V"]))).sum(axis=1)
        Q_b = r + g * np.einsum("sat,t->sa", P, (d["pi"] * d["Q"]).sum(axis=1))
        return _close(d["V"], V_b, 1e-9) and _close(d["Q"], Q_b, 1e-9)
    if which == "bellman star":
        V_b = (r + g * np.einsum("sat,t->sa", P, d["V_star"])).max(axis=1)
        Q_b = r + g * np.einsum("sat,t->sa", P, d["Q_star"].max(axis=1))
        return _close(d["V_star"], V_b, 1e-9) and _close(d["Q_star"], Q_b, 1e-9)
    return False


def _diag_gaussian_log_likelihood():
    k = 3
    a, mu, sd = RNG.normal(size=k), RNG.normal(size=k), RNG.uniform(0.5, 2, size=k)
    exact = sum(math.log(float(mp.npdf(a[i], mu[i], sd[i]))) for i in range(k))
    formula = -0.5 * (np.sum((a - mu) ** 2 / sd ** 2 + 2 * np.log(sd)) + k * np.log(2 * np.pi))
    return abs(exact - formula) < TOL


def _trajectory_probability_T(T):
    """The T-step product (t from 0 to T-1) sums to 1 over all (s_0, a_0, ..., s_T) of a random MDP."""
    m = _MDP(8)
    pi = m.pi()
    total = 0.0
    for choice in itertools.product(range(2), repeat=2 * T + 1):
        s, a = choice[0::2], choice[1::2]
        p = m.rho[s[0]]
        for t in range(T):
            p *= m.P[s[t], a[t], s[t + 1]] * pi[s[t], a[t]]
        total += p
    return abs(total - 1) < TOL


nonclaim(KC, 17, "definition", "a deterministic policy")
nonclaim(KC, 23, "definition", "a stochastic policy (a ~ pi)")
nonclaim(KC, 33, "definition", "the parameterised policies")
nonclaim(KC, 61, "definition", "the log-likelihood of a categorical policy")
nonclaim(KC, 76, "condition", "z standard normal", pick="z \\sim \\mathcal{N}(0, I)")
nonclaim(KC, 80, "definition", "the sampled action")
nonclaim(KC, 84, "definition", "mu named", pick="\\mu = \\mu_{\\theta}(s)")
nonclaim(KC, 84, "definition", "sigma named", pick="\\sigma = \\sigma_{\\theta}(s)")
label(KC, 88, "claim", "right", "mpmath/numpy: the sum of the log normal densities of 3 coordinates equals the "
      "formula", "diagonal Gaussian, sigma_i > 0", _diag_gaussian_log_likelihood)
nonclaim(KC, 98, "definition", "a trajectory")
nonclaim(KC, 104, "definition", "the start-state distribution (s_0 ~ rho_0)")
nonclaim(KC, 110, "definition", "deterministic transitions")
nonclaim(KC, 116, "definition", "stochastic transitions")
nonclaim(KC, 127, "definition", "the reward")
nonclaim(KC, 129, "definition", "the reward of the state only", pick="r_t = R(s_t)")
nonclaim(KC, 129, "definition", "the reward of the state-action pair", pick="r_t = R(s_t,a_t)")
nonclaim(KC, 137, "definition", "the finite-horizon return")
nonclaim(KC, 139, "condition", "gamma in (0, 1)")
nonclaim(KC, 143, "definition", "the discounted return")
label(KC, 159, "claim", "right", "numpy: the T-step product sums to 1 over all trajectories of a random MDP "
      "(T = 3)", "Markov transitions, stochastic policy", lambda: _trajectory_probability_T(3))
nonclaim(KC, 166, "definition", "the expected return J")
nonclaim(KC, 173, "definition", "the optimal policy")
nonclaim(KC, 190, "definition", "the on-policy value function")
nonclaim(KC, 196, "definition", "the on-policy action-value function")
nonclaim(KC, 203, "definition", "the optimal value function")
nonclaim(KC, 209, "definition", "the optimal action-value function")
label(KC, 222, "claim", "right", "numpy: V^pi(s) = sum_a pi(a|s) Q^pi(s, a), both from the discounted-return "
      "definition on a random MDP", "infinite-horizon discounted return", lambda: _value_relation("V from Q"))
label(KC, 228, "claim", "right", "numpy: V* = max_a Q* (optima over the deterministic policies)",
      "finite MDP: a deterministic optimal policy exists", lambda: _value_relation("V* from Q*"))
nonclaim(KC, 241, "definition", "the optimal action")
label(KC, 259, "claim", "right", "numpy: both on-policy Bellman equations hold for V^pi, Q^pi computed from the "
      "definition", "r(s, a) rewards, discounted", lambda: _value_relation("bellman pi"))
label(KC, 271, "claim", "right", "numpy: both optimal Bellman equations hold for V*, Q*", "finite MDP",
      lambda: _value_relation("bellman star"))
nonclaim(KC, 287, "definition", "the advantage function")
nonclaim(KC, 297, "definition", "the reward function's type", pick="R : S \\times A \\times S \\to \\mathbb{R}")
nonclaim(KC, 298, "definition", "the transition function's type", pick="P : S \\times A \\to \\mathcal{P}(S)")


# ---------------------------------------------------------------- block finder
def _latex(entry) -> str:
    """The block an entry names (:func:`check_labels.block_on_line`) among the file's Markdown or RST blocks."""
    from check_labels_round3 import (
        _blocks,  # the Markdown block finder of the earlier rounds
    )

    text = (HERE / entry["file"]).read_text(encoding="utf-8")
    return block_on_line(entry, rst_blocks(text) if entry["file"].endswith(".rst") else _blocks(text, False))


def main(argv) -> int:
    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
