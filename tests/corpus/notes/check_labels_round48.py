r"""Independent checks of the hand labels of adversarial_round18.md (round 18 of the step checker's adversarial
review, branch adversary40): align* derivations whose ends agree while one middle line is wrong, a symbol (sigma)
reused with a new meaning in a later section, claims "for all i != j", conditions on a 2x2 matrix written with \succ 0
and \succeq 0, expectations under a named distribution (E_{x ~ q}), logarithms to base 2 stated once in prose, sums
over i < j, cases environments, \tag and \label, and fractions written over several lines.  A function name (g) is given a new meaning in words only.  Fourteen slips are planted.
Labelled before Formulary was run on it.

As in the earlier rounds: each entry names a block by ``(file, line)``, gives its role and label, says how it was
checked and, for ``right``/``wrong``, carries a check written by hand with sympy, mpmath or exact fractions that
returns True when the block's claim holds *as its author means it*.  Nothing from Formulary is imported.  The line of
each block is found from a snippet of its text, so an edit above it cannot shift a label.

    python3 tests/corpus/notes/check_labels_round48.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round48.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import random
import sys
from fractions import Fraction as Fr
from pathlib import Path

import mpmath as mp
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import check_entries, display_line, holds_at, mp_points, recorder, text_line, zero

ENTRIES, label, nonclaim = recorder()
AR = "adversarial_round18.md"
LINES = (HERE / AR).read_text(encoding="utf-8").splitlines()
x, a, b = sp.symbols("x a b", real=True)
n = sp.symbols("n", positive=True, integer=True)
RNG = random.Random(48)


def _line(snippet: str, after: int = 0) -> int:
    return display_line(LINES, snippet, after, environments=True)


def _text_line(snippet: str) -> int:
    return text_line(LINES, snippet)


REAL = mp_points(-7, 7) + [mp.mpf(0)]
POS = mp_points("0.01", 9)


def _sigma(v):
    return 1 / (1 + mp.exp(-v))


def _chain(links, points):
    """Every consecutive pair of ``links`` (functions of one point) agrees at every point (50 digits)."""
    return all(holds_at(f, g, "=", points) for f, g in zip(links, links[1:]))


def _pd_matrices(count=400, strict=True):
    """Random symmetric 2x2 matrices [[a, b], [b, c]] with exact entries, positive definite (or semidefinite, with
    the singular and zero-diagonal edge cases) and the classic edge a = c = 1, b = 9/10."""
    out = [(Fr(1), Fr(9, 10), Fr(1))] + ([] if strict else [(Fr(0), Fr(0), Fr(1)), (Fr(1), Fr(1), Fr(1)), (Fr(0),) * 3])
    while len(out) < count:
        a_, b_, c_ = (Fr(RNG.randint(-40, 40), RNG.randint(1, 9)) for _ in range(3))
        if (a_ > 0 and a_ * c_ - b_ * b_ > 0) if strict else (a_ >= 0 and c_ >= 0 and a_ * c_ - b_ * b_ >= 0):
            out.append((a_, b_, c_))
    return out


def _softmax_jacobian_offdiag(formula):
    """d s_i / d z_j by central quotients (step 1e-20, 60 digits) for i != j on three 4-vectors against ``formula``."""
    with mp.workdps(60):
        for z in ([0, 1, -2, 3], [mp.mpf("0.5")] * 4, [5, -5, mp.mpf("0.1"), 2]):
            z = [mp.mpf(v) for v in z]
            soft = lambda zz: [mp.exp(v) / sum(mp.exp(w) for w in zz) for v in zz]
            s, h = soft(z), mp.mpf(10) ** -20
            for j in range(4):
                up, down = list(z), list(z)
                up[j] += h
                down[j] -= h
                for i in range(4):
                    if i != j and abs((soft(up)[i] - soft(down)[i]) / (2 * h) - formula(s[i], s[j])) > mp.mpf(10) ** -30:
                        return False
    return True


def _gauss(f, mu, s):
    return mp.quad(lambda v: f(v) * mp.exp(-(v - mu) ** 2 / (2 * s * s)) / (mp.sqrt(2 * mp.pi) * s),
                   [-mp.inf, mu, mp.inf])


def _gauss_all(f, g):
    with mp.workdps(30):
        return all(abs(_gauss(f, mu, s) - g(mu, s)) < mp.mpf(10) ** -20 * (1 + abs(g(mu, s)))
                   for mu in map(mp.mpf, ("-1", "0", "0.7")) for s in map(mp.mpf, ("0.3", "1", "2")))


Q = [Fr(v) for v in (1, 2, 3, 4)]


def _e_q(f):
    return sum(f(v) for v in Q) / 4


# ---------------------------------------------------------------- 1. chains whose ends agree
label(AR, _line(r"(x + 1)^2 - (x - 1)^2 &="), "claim", "right",
      "sympy: each of the three links simplifies to 0 (every line is 4x)", "",
      lambda: zero((x + 1) ** 2 - (x - 1) ** 2 - 4 * x) and zero((x**2 + 2 * x + 1) - (x**2 - 2 * x + 1) - 4 * x))
label(AR, _line(r"\frac{d}{dx} \log\left(1 + e^{x}\right) &="), "claim", "wrong",
      "mpmath: the ends agree (softplus' = sigmoid) but the middle line 1/(1 + e^x) is not e^x/(1 + e^x): 0.269 against "
      "0.731 at x = 1", "",
      lambda: _chain([lambda v: mp.diff(lambda u: mp.log(1 + mp.exp(u)), v), lambda v: mp.exp(v) / (1 + mp.exp(v)),
                      lambda v: 1 / (1 + mp.exp(v)), lambda v: 1 / (1 + mp.exp(-v))], REAL))
nonclaim(AR, _text_line("For a positive integer $n$"), "condition", "n a positive integer", pick="n")
label(AR, _line(r"\sum_{k=1}^{n} (2k - 1) &="), "claim", "wrong",
      "exact: the ends agree (n^2) but the middle line n(n + 1) - 1 should be n(n + 1) - n: equal at n = 1 only, "
      "at n = 2 the lines read 4 = 4 = 5 = 4", "n positive integer",
      lambda: all(sum(2 * k - 1 for k in range(1, m + 1)) == 2 * (m * (m + 1) // 2) - m == m * (m + 1) - 1 == m * m
                  for m in range(1, 60)))
label(AR, _line(r"\log \frac{e^{a}}{e^{a} + e^{b}} &="), "claim", "right",
      "mpmath: the three lines agree at 21 x 21 points (a, b) of [-7, 7]^2", "",
      lambda: all(_chain([lambda v: mp.log(mp.exp(u) / (mp.exp(u) + mp.exp(v))),
                          lambda v: u - mp.log(mp.exp(u) + mp.exp(v)), lambda v: -mp.log(1 + mp.exp(v - u))],
                         mp_points(-7, 7, 21)) for u in mp_points(-7, 7, 21)))
# ---------------------------------------------------------------- 2. sigma a scale
nonclaim(AR, _text_line("In this section $\\sigma > 0$"), "condition", "sigma > 0 (a standard deviation, this section)",
         pick=r"\sigma > 0")
label(AR, _line(r"\int_{-\infty}^{\infty} \frac{1}{\sqrt{2\pi}\,\sigma}"), "claim", "right",
      "mpmath: quadrature of the density at sigma = 0.1, 1, 7 gives 1 to 25 digits", "sigma > 0",
      lambda: all(abs(mp.quad(lambda v: mp.exp(-v * v / (2 * s * s)) / (mp.sqrt(2 * mp.pi) * s), [-mp.inf, 0, mp.inf])
                      - 1) < mp.mpf(10) ** -12 for s in map(mp.mpf, ("0.1", "1", "7"))))
label(AR, _line(r"\frac{1}{\sqrt{2\pi}\,\sigma} \le \frac{1}{\sqrt{2\pi}}"), "claim", "wrong",
      "mpmath: holds only for sigma >= 1; sigma = 1/2 gives 0.798 against 0.399", "sigma > 0",
      lambda: holds_at(lambda s: 1 / (mp.sqrt(2 * mp.pi) * s), lambda s: 1 / mp.sqrt(2 * mp.pi), "<=", POS))
# ---------------------------------------------------------------- 3. sigma the logistic function
nonclaim(AR, _text_line("From here on $\\sigma$"), "definition", "sigma is renamed: the logistic function",
         pick=r"\sigma")
nonclaim(AR, _text_line("From here on $\\sigma$"), "definition", "sigma(z) = 1/(1 + e^-z)",
         pick=r"\sigma(z) = 1/(1 + e^{-z})")
label(AR, _line(r"\sigma(0) = \frac{1}{2}"), "claim", "right", "exact: 1/(1 + e^0) = 1/2", "sigma logistic",
      lambda: _sigma(0) == mp.mpf(1) / 2)
label(AR, _line(r"\sigma(z) + \sigma(-z) = 1"), "claim", "right", "mpmath: at 42 points of [-7, 7]", "sigma logistic",
      lambda: holds_at(lambda v: _sigma(v) + _sigma(-v), lambda v: 1, "=", REAL))
label(AR, _line(r"\sigma'(z) = \sigma(z)^2"), "claim", "wrong",
      "mpmath: sigma' = sigma (1 - sigma); at z = 0, 1/4 against 1/4 by luck, at z = 1, 0.197 against 0.534",
      "sigma logistic", lambda: holds_at(lambda v: mp.diff(_sigma, v), lambda v: _sigma(v) ** 2, "=", REAL))
nonclaim(AR, _text_line("For the softmax $s"), "definition", "s = softmax(z)", pick=r"s = \mathrm{softmax}(z)")
nonclaim(AR, _text_line("For the softmax $s"), "condition", "z a vector", pick="z")
label(AR, _line(r"\frac{\partial s_i}{\partial z_j} = -s_i s_j"), "claim", "right",
      "mpmath: central quotients of softmax on three 4-vectors, every i != j", "i != j",
      lambda: _softmax_jacobian_offdiag(lambda si, sj: -si * sj))
label(AR, _line(r"\frac{\partial s_i}{\partial z_j} = s_i (1 - s_j)"), "claim", "wrong",
      "mpmath: that is the diagonal's form with the wrong index; the quotients give -s_i s_j", "i != j",
      lambda: _softmax_jacobian_offdiag(lambda si, sj: si * (1 - sj)))
# ---------------------------------------------------------------- 4. A > 0, B >= 0
nonclaim(AR, _text_line("with $A \\succ 0$"), "definition", "A = [[a, b], [b, c]]",
         pick=r"A = \begin{bmatrix} a & b \\ b & c \end{bmatrix}")
nonclaim(AR, _text_line("with $A \\succ 0$"), "condition", "A positive definite", pick=r"A \succ 0")
PD = _pd_matrices()
label(AR, _line("a > 0"), "claim", "right", "exact: a = e1^T A e1 > 0 at 400 random positive definite A", "A > 0",
      lambda: all(m[0] > 0 for m in PD))
label(AR, _line("a c - b^2 > 0"), "claim", "right", "exact: det A > 0 at 400 random positive definite A", "A > 0",
      lambda: all(m[0] * m[2] - m[1] ** 2 > 0 for m in PD))
label(AR, _line("a + c > 2 |b|"), "claim", "right", "exact: (a + c)^2 >= 4ac > 4b^2 at 400 random positive definite A",
      "A > 0", lambda: all(m[0] + m[2] > 2 * abs(m[1]) for m in PD))
label(AR, _line("a c > 2 b^2"), "claim", "wrong", "exact: a = c = 1, b = 9/10 is positive definite, 1 against 81/50",
      "A > 0", lambda: all(m[0] * m[2] > 2 * m[1] ** 2 for m in PD))
label(AR, _line(r"a x_1^2 + 2 b x_1 x_2 + c x_2^2 > 0"), "claim", "right",
      "exact: at 400 random A > 0 and 20 random non-zero rational x each", "A > 0, x != 0",
      lambda: all(m[0] * u * u + 2 * m[1] * u * v + m[2] * v * v > 0 for m in PD
                  for u, v in [(Fr(RNG.randint(-9, 9), 7), Fr(RNG.randint(1, 9), 5)) for _ in range(20)] + [(1, 0)]))
PSD = _pd_matrices(strict=False)
nonclaim(AR, _text_line("If only $B"), "condition", "B = [[p, r], [r, s]] positive semidefinite",
         pick=r"B = \begin{bmatrix} p & r \\ r & s \end{bmatrix} \succeq 0")
label(AR, _line("p s - r^2 \\ge 0"), "claim", "right", "exact: det B >= 0 at 400 semidefinite B (with singular ones)",
      "B >= 0", lambda: all(m[0] * m[2] - m[1] ** 2 >= 0 for m in PSD))
label(AR, _line("p > 0"), "claim", "wrong", "exact: B = [[0, 0], [0, 1]] is semidefinite with p = 0", "B >= 0",
      lambda: all(m[0] > 0 for m in PSD))
# ---------------------------------------------------------------- 5. E_{x ~ q}
nonclaim(AR, _text_line("Let $q$ be the uniform"), "definition", "q uniform on {1, 2, 3, 4}", pick="q")
nonclaim(AR, _text_line("Let $q$ be the uniform"), "definition", "the support {1, 2, 3, 4}", pick=r"\{1, 2, 3, 4\}")
label(AR, _line(r"\mathbb{E}_{x \sim q}[x] = \frac{5}{2}"), "claim", "right", "exact: (1 + 2 + 3 + 4)/4", "q uniform",
      lambda: _e_q(lambda v: v) == Fr(5, 2))
label(AR, _line(r"\mathbb{E}_{x \sim q}\left[x^2\right] = \frac{15}{2}"), "claim", "right", "exact: 30/4", "q uniform",
      lambda: _e_q(lambda v: v * v) == Fr(15, 2))
label(AR, _line(r"\mathrm{Var}_{x \sim q}(x) = \frac{5}{4}"), "claim", "right", "exact: 15/2 - 25/4", "q uniform",
      lambda: _e_q(lambda v: v * v) - _e_q(lambda v: v) ** 2 == Fr(5, 4))
label(AR, _line(r"\mathbb{E}_{x \sim q}\left[\frac{1}{x}\right]"), "claim", "wrong", "exact: 25/48 against 2/5 (Jensen)",
      "q uniform", lambda: _e_q(lambda v: 1 / v) == 1 / _e_q(lambda v: v))
nonclaim(AR, _text_line("Now let $p = "), "definition", "p = N(mu, s^2)", pick=r"p = \mathcal{N}(\mu, s^2)")
nonclaim(AR, _text_line("Now let $p = "), "condition", "s > 0", pick="s > 0")
label(AR, _line(r"\mathbb{E}_{x \sim p}\left[(x - \mu)^2\right] = s^2"), "claim", "right",
      "mpmath: quadrature at mu in {-1, 0, 0.7}, s in {0.3, 1, 2}", "p = N(mu, s^2)",
      lambda: _gauss_all(lambda v: v * v, lambda mu, s: mu * mu + s * s))
label(AR, _line(r"\mathbb{E}_{x \sim p}\left[e^{x}\right] = e^{\mu + s^2}"), "claim", "wrong",
      "mpmath: the lognormal mean is e^(mu + s^2/2)", "p = N(mu, s^2)",
      lambda: _gauss_all(mp.exp, lambda mu, s: mp.exp(mu + s * s)))
# ---------------------------------------------------------------- 6. bits (log base 2, stated in prose)
label(AR, _line(r"\log 8 = 3"), "claim", "right", "exact: log2 8 = 3 (base 2 from the prose)", "log base 2",
      lambda: 2**3 == 8)
label(AR, _line(r"-\log \frac{1}{4} = 2"), "claim", "right", "exact: -log2(1/4) = 2", "log base 2",
      lambda: mp.log(mp.mpf(1) / 4, 2) == -2)
label(AR, _line(r"-\frac{1}{2} \log \frac{1}{2} - \frac{1}{2} \log \frac{1}{2} = 1"), "claim", "right",
      "exact: one bit", "log base 2", lambda: -mp.log(mp.mpf(1) / 2, 2) == 1)
label(AR, _line(r"\frac{1}{4} \log 4 + \frac{3}{4} \log \frac{4}{3} \approx 0.811"), "claim", "right",
      "mpmath: H(1/4) = 0.81128 bits, 0.811 to the digits written", "log base 2",
      lambda: abs(mp.log(4, 2) / 4 + 3 * mp.log(mp.mpf(4) / 3, 2) / 4 - mp.mpf("0.811")) < mp.mpf("0.0005"))
label(AR, _line(r"\log e = 1"), "claim", "wrong", "mpmath: log2 e = 1.4427 in the bits of this section", "log base 2",
      lambda: abs(mp.log(mp.e, 2) - 1) < mp.mpf(10) ** -20)
# ---------------------------------------------------------------- 7. pairs
nonclaim(AR, _text_line("Over the pairs"), "condition", "the range 1 <= i < j <= n", pick=r"1 \le i < j \le n")
label(AR, _line(r"\sum_{1 \le i < j \le n} 1 = \frac{n(n - 1)}{2}"), "claim", "right", "exact: counted for n <= 40",
      "n positive integer", lambda: all(sum(1 for i in range(1, m + 1) for j in range(i + 1, m + 1)) * 2 == m * (m - 1)
                                        for m in range(1, 41)))
label(AR, _line(r"\sum_{i < j} x_i x_j = \frac{1}{2}"), "claim", "right",
      "exact: at 50 random rational vectors of lengths 1 to 8", "",
      lambda: all((lambda v: sum(v[i] * v[j] for i in range(len(v)) for j in range(i + 1, len(v)))
                   == (sum(v) ** 2 - sum(t * t for t in v)) / 2)([Fr(RNG.randint(-20, 20), RNG.randint(1, 6))
                                                                  for _ in range(1 + k % 8)]) for k in range(50)))
label(AR, _line(r"\sum_{1 \le i < j \le n} (j - i) = \frac{n (n - 1)(n + 1)}{3}"), "claim", "wrong",
      "exact: the sum is n(n - 1)(n + 1)/6 (n = 2: 1 against 2)", "n positive integer",
      lambda: all(3 * sum(j - i for i in range(1, m + 1) for j in range(i + 1, m + 1)) == m * (m - 1) * (m + 1)
                  for m in range(1, 41)))
# ---------------------------------------------------------------- 8. cases
nonclaim(AR, _line(r"\mathrm{relu}(x) = \begin{cases}"), "definition", "relu by cases")
label(AR, _line(r"\mathrm{relu}(x) = \frac{x + |x|}{2}"), "claim", "right", "mpmath: at 42 points of [-7, 7]", "",
      lambda: holds_at(lambda v: max(v, 0), lambda v: (v + abs(v)) / 2, "=", REAL))
label(AR, _line(r"|x - 1| = \begin{cases}"), "claim", "right", "mpmath: both branches at 42 points of [-7, 7]", "",
      lambda: holds_at(lambda v: abs(v - 1), lambda v: v - 1 if v >= 1 else 1 - v, "=", REAL + [mp.mpf(1)]))
label(AR, _line(r"\max(x, 1) - 1 = \begin{cases}"), "claim", "wrong", "mpmath: at x = 0, 0 against 1", "",
      lambda: holds_at(lambda v: max(v, 1) - 1, lambda v: v - 1 if v >= 1 else 1 - v, "=", REAL))
label(AR, _line(r"\frac{d}{dx} |x| = \begin{cases}"), "claim", "right",
      "mpmath: central quotients at 40 non-zero points of [-7, 7] (the cases leave x = 0 out)", "",
      lambda: holds_at(lambda v: mp.diff(abs, v), lambda v: 1 if v > 0 else -1, "=", [v for v in REAL if v != 0]))
# ---------------------------------------------------------------- 9. numbered equations
label(AR, _line(r"\cosh^2 t - \sinh^2 t = 1"), "claim", "right", "mpmath: at 42 points of [-7, 7]", "",
      lambda: holds_at(lambda v: mp.cosh(v) ** 2 - mp.sinh(v) ** 2, lambda v: 1, "=", REAL))
label(AR, _line(r"\tanh t = \frac{e^{2t} - 1}{e^{2t} + 1}"), "claim", "right", "mpmath: at 42 points of [-7, 7]", "",
      lambda: holds_at(mp.tanh, lambda v: (mp.exp(2 * v) - 1) / (mp.exp(2 * v) + 1), "=", REAL))
label(AR, _line(r"\cosh(2t) = 2 \cosh^2 t + 1"), "claim", "wrong", "mpmath: cosh(2t) = 2 cosh^2 t - 1; at t = 0, 1 against 3",
      "", lambda: holds_at(lambda v: mp.cosh(2 * v), lambda v: 2 * mp.cosh(v) ** 2 + 1, "=", REAL))
label(AR, _line(r"\sinh(2t) = 2 \sinh t \cosh t"), "claim", "right", "mpmath: at 42 points of [-7, 7]", "",
      lambda: holds_at(lambda v: mp.sinh(2 * v), lambda v: 2 * mp.sinh(v) * mp.cosh(v), "=", REAL))
# ---------------------------------------------------------------- 10. fractions over several lines
nonclaim(AR, _text_line("For $x > 0$:"), "condition", "x > 0", pick="x > 0")
label(AR, _line(r"\frac{1}{1 + \frac{1}{1 + \frac{1}{x}}}"), "claim", "right", "sympy: the difference cancels to 0",
      "x > 0", lambda: zero(1 / (1 + 1 / (1 + 1 / x)) - (x + 1) / (2 * x + 1)))
label(AR, _line(r"\frac{\sigma(z)\,\bigl(1 - \sigma(z)\bigr)}"), "claim", "right",
      "mpmath: at 42 points of [-7, 7] (sigma is the logistic function of section 3, never 0)", "sigma logistic",
      lambda: holds_at(lambda v: _sigma(v) * (1 - _sigma(v)) / _sigma(v), lambda v: 1 - _sigma(v), "=", REAL))
nonclaim(AR, _text_line("For $a \\neq b$:"), "condition", "a != b", pick=r"a \neq b")
label(AR, _line(r"\frac{a^2 - b^2}"), "claim", "wrong", "sympy: the quotient is a + b (a = 2, b = 1: 3 against 1)",
      "a != b", lambda: zero((a**2 - b**2) / (a - b) - (a - b)))
label(AR, _line(r"\frac{", _line(r"\frac{a^2 - b^2}") + 1), "claim", "right",
      "exact: n(n + 1)/2 divided by n, for n <= 60", "n positive integer",
      lambda: all(Fr(sum(range(1, m + 1)), m) == Fr(m + 1, 2) for m in range(1, 61)))

# ---------------------------------------------------------------- 11-12. g defined, then given a new meaning in words
nonclaim(AR, _line("g(t) = t^3"), "definition", "g(t) = t^3 (section 11)")
label(AR, _line("g(2) = 8"), "claim", "right", "exact: 2^3 = 8", "g(t) = t^3", lambda: 2**3 == 8)
nonclaim(AR, _text_line("From now on $g$ denotes"), "definition", "g is renamed: the logistic function", pick="g")
nonclaim(AR, _text_line("From now on $g$ denotes"), "definition", "the logistic function 1/(1 + e^-t)",
         pick=r"1/(1 + e^{-t})")
label(AR, _line(r"g(0) = \frac{1}{2}"), "claim", "right",
      "exact: 1/(1 + e^0) = 1/2 for the logistic g of section 12 (the cube of section 11 gives 0)", "g logistic",
      lambda: _sigma(0) == mp.mpf(1) / 2)


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)
    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
