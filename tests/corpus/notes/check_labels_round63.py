r"""Independent checks of the hand labels of ``everyday_logistic_homework.md`` (stop 47, branch scope47): a student's
homework on the sigmoid, the logistic loss, L2 and L1 penalties, weight decay and one-dimensional ridge, with four
deliberate slips.  Labelled as it was written, before Formulary was run on it.

Each entry names a block by ``(file, line)``, gives its role and label, says how it was checked and, for
``right``/``wrong``, carries a check written by hand with sympy or mpmath that returns True when the block's claim
holds *as its author means it*.  Nothing from Formulary is imported.

    python3 tests/corpus/notes/check_labels_round63.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round63.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import sys
from pathlib import Path

import mpmath as mp
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import check_entries, recorder, zero

ENTRIES, label, nonclaim = recorder()
z, w, x, y, lam, eta, g = sp.symbols("z w x y lambda eta g", real=True)
SIG = 1 / (1 + sp.exp(-z))
LOSS = -y * sp.log(SIG) - (1 - y) * sp.log(1 - SIG)
RIDGE = (w * x - y) ** 2 / 2 + lam * w ** 2 / 2
ROUNDING = mp.mpf("0.0005")
"""A value written to three decimals is right when within half a unit of its last digit."""


def _lines(name):
    return (HERE / name).read_text(encoding="utf-8").splitlines()


def at(name, snippet, nth=0):
    """The line (1-based) of the ``nth`` line of ``name`` holding ``snippet`` (not the header comment)."""
    hits = [i + 1 for i, s in enumerate(_lines(name)) if snippet in s and not s.startswith(("<!--", "%"))]
    return hits[nth]


def sig(v):
    return 1 / (1 + mp.exp(-v))


def same(lhs, rhs, points=(-3.1, -0.7, 0.0, 0.4, 2.5)):
    """sympy's simplify, and mpmath at a few points of z (and y in {0, 1, 0.3}) as a second look."""
    if not zero(lhs - rhs):
        return False
    f = sp.lambdify((z, y), lhs - rhs, "mpmath")
    return all(abs(f(mp.mpf(p), mp.mpf(q))) < mp.mpf(10) ** -20 for p in points for q in (0, 1, 0.3))


H = "everyday_logistic_homework.md"
nonclaim(H, at(H, r"Let $\sigma(z) ="), "definition", "the sigmoid", pick=r"\sigma(z) = \frac{1}{1 + e^{-z}}")
label(H, at(H, r"$$1 - \sigma(z) = \sigma(-z)$$"), "claim", "right", "sympy simplify and mpmath at 5 points", "",
      lambda: same(1 - SIG, SIG.subs(z, -z)))
label(H, at(H, r"$$\sigma'(z) ="), "claim", "right", "sympy: d/dz sigma - sigma(1 - sigma) = 0", "",
      lambda: same(sp.diff(SIG, z), SIG * (1 - SIG)))
label(H, at(H, r"= e^{z}, \qquad \log"), "claim", "right", "sympy: odds e^z and log-odds z", "",
      lambda: same(SIG / (1 - SIG), sp.exp(z)) and same(sp.log(SIG / (1 - SIG)), z))
label(H, at(H, r"Also $\sigma(0) ="), "claim", "right", "exact: 1/(1 + 1)", "", lambda: SIG.subs(z, 0) == sp.S.Half,
      pick=r"\sigma(0) = \frac{1}{2}")
label(H, at(H, r"\tanh(z/2)"), "claim", "right", "sympy: (1 + tanh(z/2))/2 - sigma = 0, tanh written with exp", "",
      lambda: same(((1 + sp.tanh(z / 2)) / 2).rewrite(sp.exp), SIG))
nonclaim(H, at(H, r"$$\ell(z) = -y\log"), "definition", "the logistic loss")
label(H, at(H, r"$$\frac{d\ell}{dz}"), "claim", "right", "sympy: d loss/dz - (sigma - y) = 0 for every y", "",
      lambda: same(sp.diff(LOSS, z), SIG - y))
label(H, at(H, r"$$\frac{d^2\ell}{dz^2}"), "claim", "right", "sympy: second derivative", "",
      lambda: same(sp.diff(LOSS, z, 2), SIG * (1 - SIG)))
label(H, at(H, r"$$\ell(z) = \log(1 + e^{z}) - y z$$"), "claim", "right", "sympy: the loss minus the softplus form",
      "", lambda: same(LOSS, sp.log(1 + sp.exp(z)) - y * z))
label(H, at(H, r"$$\ell(z) = \log(1 + e^{z})$$"), "claim", "wrong",
      "sympy: at y = 1 the loss is log(1 + e^{-z}); it differs from log(1 + e^z) (by z)", "y = 1",
      lambda: same(LOSS.subs(y, 1), sp.log(1 + sp.exp(z))))
label(H, at(H, r"$\log 2 \approx 0.693$"), "claim", "right", "mpmath: log 2 = 0.693147, and the loss at z = 0",
      "z = 0", lambda: abs(mp.log(2) - mp.mpf("0.693")) < ROUNDING and same(LOSS.subs(z, 0), sp.log(2)),
      pick=r"\log 2 \approx 0.693")
label(H, at(H, r"$$\frac{d}{dz}\log\sigma(z) = \sigma(z)$$"), "claim", "wrong",
      "sympy: d/dz log sigma = 1 - sigma, not sigma", "", lambda: same(sp.diff(sp.log(SIG), z), SIG))
nonclaim(H, at(H, r"$$J(w) ="), "definition", "the regularised objective")
W = sp.Matrix(sp.symbols("w1:4", real=True))
label(H, at(H, r"The penalty's gradient"), "claim", "right", "sympy: gradient of (lambda/2)|w|^2 in 3 entries", "",
      lambda: all(zero(sp.diff(lam / 2 * (W.T * W)[0], wi) - lam * wi) for wi in W),
      pick=r"\nabla_w \frac{\lambda}{2}\|w\|^2 = \lambda w")
label(H, at(H, r"$$w - \eta(g + \lambda w)"), "claim", "right", "sympy: expand both sides", "",
      lambda: zero(w - eta * (g + lam * w) - ((1 - eta * lam) * w - eta * g)))
label(H, at(H, r"\lambda|w| = \lambda w$$"), "claim", "wrong",
      "sympy: for w > 0, d/dw lambda|w| = lambda, which is not lambda w (w = 2, lambda = 1)", "w > 0",
      lambda: zero((sp.diff(lam * sp.Abs(w), w) - lam * w).subs({w: 2, lam: 1})))
nonclaim(H, at(H, r"$$f(w) = \frac{1}{2}"), "definition", "the one-example ridge objective")
label(H, at(H, r"$$f'(w) ="), "claim", "right", "sympy: d f/dw", "",
      lambda: zero(sp.diff(RIDGE, w) - ((w * x - y) * x + lam * w)))
label(H, at(H, r"$$f''(w) = x^2$$"), "claim", "wrong", "sympy: f'' = x^2 + lambda, not x^2 (lambda = 1)", "",
      lambda: zero((sp.diff(RIDGE, w, 2) - x ** 2).subs(lam, 1)))
nonclaim(H, at(H, r"Setting $f'(w) = 0$"), "condition", "the equation solved next", pick=r"f'(w) = 0")
label(H, at(H, r"$$w^* ="), "claim", "right", "sympy: the one root of f'(w) = 0", "",
      lambda: sp.solve(sp.diff(RIDGE, w), w) == [x * y / (x ** 2 + lam)]
      or zero(sp.solve(sp.diff(RIDGE, w), w)[0] - x * y / (x ** 2 + lam)))
label(H, at(H, r"$$\sigma(2) ="), "claim", "right", "mpmath: sigma(2) = 0.880797", "",
      lambda: abs(sig(2) - mp.mpf("0.881")) < ROUNDING)
label(H, at(H, r"$$\sigma(2)(1 - \sigma(2))"), "claim", "right", "mpmath: 0.104994", "",
      lambda: abs(sig(2) * (1 - sig(2)) - mp.mpf("0.105")) < ROUNDING)


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)
    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
