r"""Independent checks of the hand labels of adversarial_round28.md (round 28 of the step checker's adversarial
review, stop 52, branch trust52): focal loss, temperature scaling, InfoNCE with equal negatives, the Gumbel trick,
weight normalisation, dropout's moments, mixup's Beta law, a cosine schedule, a moving average's bias and
initialisation scales, with twelve planted slips.  Labelled before Formulary was run on it.

Each entry names a block by ``(file, line)``, gives its role and label, says how it was checked and, for
``right``/``wrong``, carries a check written by hand with sympy or mpmath that returns True when the block's claim
holds *as its author means it* (on the domain the prose states).  Rounded numbers are right when the exact value
rounds to the digits written.  Nothing from Formulary is imported.

    python3 tests/corpus/notes/check_labels_round72.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round72.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import sys
from pathlib import Path

import mpmath as mp
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import check_entries, display_line, holds_at, mp_points, recorder, text_line, zero

ENTRIES, label, nonclaim = recorder()
AR = "adversarial_round28.md"
LINES = (HERE / AR).read_text(encoding="utf-8").splitlines()


def _line(snippet: str, after: int = 0) -> int:
    return display_line(LINES, snippet, after)


def _text(snippet: str) -> int:
    return text_line(LINES, snippet)


def rounds_to(value, shown):
    """``value`` rounds to the decimal ``shown`` (within half a unit of its last digit)."""
    places = len(shown.split(".")[1]) if "." in shown else 0
    return abs(mp.mpf(value) - mp.mpf(shown)) <= mp.mpf(10) ** -places / 2


p, g, u, a, b, z, s, t, x, lam, w = sp.symbols("p g u a b z s t x lambda w", real=True)
T, q, N, al, beta, v1, v2, A = sp.symbols("T q N alpha beta v1 v2 A", positive=True)
gam = sp.Symbol("gamma", nonnegative=True)
UNIT = mp_points("0.01", "0.99", 25)
GAMMAS = [mp.mpf(k) / 2 for k in range(0, 9)]


def _on_unit_interval(lhs, rhs):
    return holds_at(lhs, rhs, "=", UNIT)


def sig(y):
    return 1 / (1 + sp.exp(-y))


def _gumbel_max():
    """The integral at three (a, b), 20 digits, on [-8, 40] (the integrand is below e^-2980 left of -8 and below
    e^-39 right of 40, where it is at most e^-g)."""
    with mp.workdps(20):
        return all(abs(mp.quad(lambda G: mp.exp(-G - mp.exp(-G)) * mp.exp(-mp.exp(-(G + A_ - B_))), [-8, 0, 10, 40])
                       - 1 / (1 + mp.exp(B_ - A_))) < mp.mpf(10) ** -12
                   for A_, B_ in ((0, 0), (2, -1), (-3, mp.mpf("1.5"))))


# ---------------------------------------------------------------- 1. focal loss
L = _text(r"For the probability $p$")
nonclaim(AR, L, "no-claim", "the probability of the true class", pick="p")
nonclaim(AR, L, "condition", "the focusing parameter's range", pick=r"\gamma \ge 0")
nonclaim(AR, _line(r"\mathrm{FL}(p) = "), "definition", "the focal loss")
nonclaim(AR, _text(r"With $\gamma = 0$ nothing"), "example", "the case gamma = 0", pick=r"\gamma = 0")
label(AR, _line(r"-(1 - p)^{0} \log p = -\log p"), "claim", "right", "sympy: (1 - p)^0 = 1 for 0 < p < 1", "0 < p < 1",
      lambda: zero(-(1 - p) ** 0 * sp.log(p) + sp.log(p)))
label(AR, _line(r"\frac{-(1 - p)^{2} \log p}{-\log p}"), "claim", "right", "sympy: cancels for 0 < p < 1",
      "0 < p < 1", lambda: zero((-(1 - p) ** 2 * sp.log(p)) / (-sp.log(p)) - (1 - p) ** 2))
L = _text(r"Its slope in $p$")
nonclaim(AR, L, "no-claim", "the variable", pick="p")
nonclaim(AR, L, "condition", "the range of p", pick=r"0 < p < 1")
label(AR, _line(r"\frac{d}{dp}\Big[-(1 - p)^{\gamma} \log p\Big]"), "claim", "right",
      "mpmath: numerical derivative at 25 p in (0, 1) and gamma = 0, 1/2, ..., 4", "0 < p < 1, gamma >= 0",
      lambda: all(_on_unit_interval(lambda P: mp.diff(lambda r: -(1 - r) ** G * mp.log(r), P),
                                    lambda P: G * (1 - P) ** (G - 1) * mp.log(P) - (1 - P) ** G / P)
                  for G in GAMMAS if G >= 1) and all(
          _on_unit_interval(lambda P: mp.diff(lambda r: -(1 - r) ** G * mp.log(r), P),
                            lambda P: G * (1 - P) ** (G - 1) * mp.log(P) - (1 - P) ** G / P) for G in GAMMAS[:2]))
label(AR, _line(r"\frac{d}{dp}\Big[-(1 - p)^{2} \ln p\Big]"), "claim", "wrong",
      "sympy: the slope is 2(1 - p) ln p - (1 - p)^2/p; the p^2 under the last term is a slip (p = 1/2: differs)",
      "0 < p < 1", lambda: zero(sp.diff(-(1 - p) ** 2 * sp.log(p), p)
                                - (2 * (1 - p) * sp.log(p) - (1 - p) ** 2 / p ** 2)))
L = _text(r"A confident right answer")
nonclaim(AR, L, "example", "the probability", pick=r"p = 0.9")
nonclaim(AR, L, "example", "the focusing parameter", pick=r"\gamma = 2")
label(AR, _line(r"-(1 - 0.9)^{2} \ln 0.9 \approx 0.00105"), "claim", "right", "mpmath: 0.01 * 0.10536 = 0.0010536",
      "", lambda: rounds_to(-(1 - mp.mpf("0.9")) ** 2 * mp.log(mp.mpf("0.9")), "0.00105"))
nonclaim(AR, _text(r"and the case $\gamma = 2$"), "example", "the case gamma = 2", pick=r"\gamma = 2")
L = _text(r"At $\gamma = 2$ and an undecided")
nonclaim(AR, L, "example", "the focusing parameter", pick=r"\gamma = 2")
nonclaim(AR, L, "example", "the probability", pick=r"p = 0.5")
label(AR, _line(r"\mathrm{FL}(0.5) = 0.25 \ln 2"), "claim", "right", "sympy: -(1/2)^2 log(1/2) = (1/4) log 2",
      "gamma = 2", lambda: zero(-(1 - sp.Rational(1, 2)) ** 2 * sp.log(sp.Rational(1, 2)) - sp.log(2) / 4))

# ---------------------------------------------------------------- 2. temperature scaling
L = _text(r"Dividing two logits")
nonclaim(AR, L, "no-claim", "a logit", pick="a")
nonclaim(AR, L, "no-claim", "a logit", pick="b")
nonclaim(AR, L, "condition", "the temperature is positive", pick=r"T > 0")
two = sp.exp(a / T) / (sp.exp(a / T) + sp.exp(b / T))
label(AR, _line(r"= \frac{1}{1 + e^{(b - a)/T}}"), "claim", "right", "sympy: divide by e^(a/T)", "T > 0",
      lambda: zero(two - 1 / (1 + sp.exp((b - a) / T))))
label(AR, _line(r"= \frac{1}{1 + e^{(a - b)/T}}"), "claim", "wrong", "sympy: at a = 1, b = 0, T = 1: e/(e + 1) "
      "against 1/(1 + e)", "T > 0", lambda: zero((two - 1 / (1 + sp.exp((a - b) / T))).subs({a: 1, b: 0, T: 1})))
label(AR, _line(r"\lim_{T \to \infty}"), "claim", "right", "sympy: both exponents go to 0", "",
      lambda: sp.limit(two.subs({a: 3, b: -2}), T, sp.oo) == sp.Rational(1, 2)
      and sp.limit(two.subs({a: -1, b: 5}), T, sp.oo) == sp.Rational(1, 2))
L = _text(r"For one logit $z$")
nonclaim(AR, L, "no-claim", "the logit", pick="z")
nonclaim(AR, L, "no-claim", "the sigmoid", pick=r"\sigma")
label(AR, _line(r"\frac{\partial}{\partial T} \sigma"), "claim", "right", "sympy: chain rule, sigma' = sigma(1 - sigma)",
      "T > 0", lambda: zero(sp.diff(sig(z / T), T) + z / T ** 2 * sig(z / T) * (1 - sig(z / T))))

# ---------------------------------------------------------------- 3. InfoNCE
L = _text(r"One positive scores $s$")
for pick, what in (("s", "the positive score"), ("N - 1", "the number of negatives"), ("t", "the negatives' score")):
    nonclaim(AR, L, "no-claim", what, pick=pick)
label(AR, _line(r"(N - 1) e^{t}} = \log\left(1 + (N - 1) e^{t - s}\right)"), "claim", "right",
      "mpmath: at N = 1, 2, 8, 1000 and (s, t) on a 7 x 7 grid of [-6, 6]^2 (divide by e^s)", "N >= 1",
      lambda: all(holds_at(lambda _: -mp.log(mp.exp(S) / (mp.exp(S) + (M - 1) * mp.exp(U))),
                           lambda _: mp.log(1 + (M - 1) * mp.exp(U - S)), "=", [0])
                  for M in (1, 2, 8, 1000) for S in mp_points(-6, 6, 7) for U in mp_points(-6, 6, 7)))
equal = -sp.log(sp.exp(s) / (sp.exp(s) + (N - 1) * sp.exp(s)))
label(AR, _line(r"(N - 1) e^{s}} = \log N"), "claim", "right", "sympy: e^s (1 + N - 1) = N e^s", "N >= 1",
      lambda: zero(sp.simplify(equal) - sp.log(N)))
label(AR, _line(r"(N - 1) e^{s}} = \log (N - 1)"), "claim", "wrong", "sympy: log N, not log(N - 1) (N = 3: 1.099 "
      "against 0.693)", "N >= 2", lambda: zero((equal - sp.log(N - 1)).subs({N: 3, s: 0})))
label(AR, _line(r"\frac{\partial}{\partial s} \log\left(1 + (N - 1) e^{t - s}\right)"), "claim", "right",
      "sympy: differentiate", "N >= 1", lambda: zero(sp.diff(sp.log(1 + (N - 1) * sp.exp(t - s)), s)
                                                     + (N - 1) * sp.exp(t - s) / (1 + (N - 1) * sp.exp(t - s))))

# ---------------------------------------------------------------- 4. Gumbel
nonclaim(AR, _text(r"The standard Gumbel law"), "definition", "the Gumbel distribution function",
         pick=r"F(g) = \exp(-e^{-g})")
label(AR, _line(r"\frac{d}{dg} \exp\left(-e^{-g}\right)"), "claim", "right", "sympy: chain rule", "",
      lambda: zero(sp.diff(sp.exp(-sp.exp(-g)), g) - sp.exp(-g - sp.exp(-g))))
L = _text(r"Sampling by inversion")
nonclaim(AR, L, "example", "the inverse transform", pick=r"g = -\log(-\log u)")
nonclaim(AR, L, "condition", "the uniform's range", pick=r"0 < u < 1")
label(AR, _line(r"\exp\left(-e^{\log(-\log u)}\right) = u"), "claim", "right",
      "mpmath: at 25 u in (0, 1) (-log u > 0, so e^log(-log u) = -log u)", "0 < u < 1",
      lambda: _on_unit_interval(lambda U: mp.exp(-mp.exp(mp.log(-mp.log(U)))), lambda U: U))
label(AR, _line(r"-\ln \ln 2 \approx 0.3665"), "claim", "right", "mpmath: -ln ln 2 = 0.366513, rounds to 0.3665",
      "", lambda: rounds_to(-mp.log(mp.log(2)), "0.3665"))
L = _text(r"Adding independent Gumbel noise")
nonclaim(AR, L, "no-claim", "the logits", pick="a, b")
nonclaim(AR, L, "no-claim", "the logit picked", pick="a")
label(AR, _line(r"\int_{-\infty}^{\infty} e^{-g - e^{-g}}"), "claim", "right",
      "mpmath: quadrature at (a, b) in {(0, 0), (2, -1), (-3, 1.5)}; by hand: u = e^-g turns it into "
      "int_0^oo exp(-u(1 + e^(b - a))) du", "",
      lambda: _gumbel_max())

# ---------------------------------------------------------------- 5. weight normalisation
L = _text(r"Write a two-weight unit")
nonclaim(AR, L, "definition", "the reparametrisation", pick=r"w = g\, v / \lVert v \rVert")
nonclaim(AR, L, "condition", "v is not zero", pick=r"v = (v_1, v_2) \ne 0")
nonclaim(AR, L, "no-claim", "the scale", pick="g")
norm = sp.sqrt((g * v1 / sp.sqrt(v1 ** 2 + v2 ** 2)) ** 2 + (g * v2 / sp.sqrt(v1 ** 2 + v2 ** 2)) ** 2)
label(AR, _line(r"\right)^2} = |g|"), "claim", "right", "sympy: the root of g^2 is |g|", "v != 0, g real",
      lambda: zero(norm - sp.Abs(g)))
nonclaim(AR, _text(r"which some notes shorten"), "no-claim", "the scale", pick="g")
label(AR, _line(r"\right)^2} = g"), "claim", "wrong", "sympy: at g = -1 the length is 1, not -1", "g real",
      lambda: zero((norm - g).subs({g: -1, v1: 1, v2: 1})))

# ---------------------------------------------------------------- 6. dropout
L = _text(r"Inverted dropout keeps")
nonclaim(AR, L, "condition", "the keep probability's range", pick=r"q \in (0, 1]")
nonclaim(AR, L, "no-claim", "the keep probability", pick="q")
label(AR, _line(r"q \cdot \frac{x}{q} + (1 - q) \cdot 0 = x"), "claim", "right", "sympy: q x/q = x", "0 < q <= 1",
      lambda: zero(q * x / q + (1 - q) * 0 - x))
nonclaim(AR, _text(r"and its variance grows as $q$"), "no-claim", "the keep probability", pick="q")
label(AR, _line(r"= \frac{1 - q}{q}\, x^{2}"), "claim", "right", "sympy: x^2/q - x^2 = (1 - q) x^2/q", "0 < q <= 1",
      lambda: zero(q * (x / q) ** 2 - x ** 2 - (1 - q) / q * x ** 2))
label(AR, _line(r"= \frac{q}{1 - q}\, x^{2}"), "claim", "wrong", "sympy: at q = 1/2, x = 1: 1 against 1 ... at "
      "q = 1/4, x = 1: 3 against 1/3", "0 < q < 1",
      lambda: zero((q * (x / q) ** 2 - x ** 2 - q / (1 - q) * x ** 2).subs({q: sp.Rational(1, 4), x: 1})))

# ---------------------------------------------------------------- 7. mixup
L = _text(r"Mixup draws $\lambda$")
nonclaim(AR, L, "no-claim", "the mixing weight", pick=r"\lambda")
nonclaim(AR, L, "condition", "the Beta parameter is positive", pick=r"\alpha > 0")
label(AR, _line(r"\int_{0}^{1} \lambda \, \frac{\lambda^{\alpha - 1}"), "claim", "right",
      "mpmath: B(alpha + 1, alpha)/B(alpha, alpha) = 1/2 at alpha = 0.1, 0.5, 1, 2.5, 7, and quadrature at 0.5 and 2.5",
      "alpha > 0",
      lambda: all(abs(mp.beta(A_ + 1, A_) / mp.beta(A_, A_) - mp.mpf(1) / 2) < mp.mpf(10) ** -30
                  for A_ in (mp.mpf("0.1"), mp.mpf("0.5"), 1, mp.mpf("2.5"), 7))
      and all(abs(mp.quad(lambda l: l * l ** (A_ - 1) * (1 - l) ** (A_ - 1), [0, 1]) / mp.beta(A_, A_) - 0.5)
              < mp.mpf(10) ** -10 for A_ in (mp.mpf("0.5"), mp.mpf("2.5"))))
L = _text(r"and its variance is")
nonclaim(AR, L, "no-claim", "the variance's formula, stated in prose", pick=r"\frac{1}{4(2\alpha + 1)}")
nonclaim(AR, L, "example", "alpha = 1", pick=r"\alpha = 1")
nonclaim(AR, L, "no-claim", "the mixing weight", pick=r"\lambda")
label(AR, _line(r"\frac{1}{4 (2 \cdot 1 + 1)} = \frac{1}{8}"), "claim", "wrong", "sympy: 1/12, not 1/8", "",
      lambda: sp.Rational(1, 4 * 3) == sp.Rational(1, 8))
nonclaim(AR, _text(r"and for $\alpha = 0.2$"), "example", "alpha = 0.2", pick=r"\alpha = 0.2")
label(AR, _line(r"\frac{1}{4 (2 \cdot 0.2 + 1)} \approx 0.179"), "claim", "right", "mpmath: 1/5.6 = 0.17857",
      "", lambda: rounds_to(1 / (4 * (2 * mp.mpf("0.2") + 1)), "0.179"))
nonclaim(AR, _text(r"The mixed cross-entropy"), "condition", "the probabilities are positive", pick=r"p_1, p_2 > 0")
P1, P2 = sp.symbols("p1 p2", positive=True)
label(AR, _line(r"\lambda (-\log p_1)"), "claim", "right", "sympy: log of a product of positive powers", "p1, p2 > 0",
      lambda: zero(sp.expand_log(lam * -sp.log(P1) + (1 - lam) * -sp.log(P2) + sp.log(P1 ** lam * P2 ** (1 - lam)),
                                 force=True)))

# ---------------------------------------------------------------- 8. cosine schedule
emin, emax = sp.symbols("eta_min eta_max", real=True)
nonclaim(AR, _line(r"\eta_t = \eta_{\min}"), "definition", "the cosine schedule")
label(AR, _line(r"\left(1 + \cos \frac{\pi}{2}\right) = \frac{\eta_{\max} + \eta_{\min}}{2}"), "claim", "right",
      "sympy: cos(pi/2) = 0", "", lambda: zero(emin + (emax - emin) / 2 * (1 + sp.cos(sp.pi / 2)) - (emax + emin) / 2))
label(AR, _line(r"\frac{1}{T} \int_{0}^{T} \left(1 + \cos \frac{\pi t}{T}\right) dt = 1"), "claim", "right",
      "sympy: the cosine integrates to 0 over a half period", "T > 0",
      lambda: zero(sp.integrate(1 + sp.cos(sp.pi * t / T), (t, 0, T)) / T - 1))
label(AR, _line(r"\cos^{2} \frac{\pi t}{2T}"), "claim", "wrong", "sympy: the average is 1/2, not 1/4", "T > 0",
      lambda: zero(sp.integrate(sp.cos(sp.pi * t / (2 * T)) ** 2, (t, 0, T)) / T - sp.Rational(1, 4)))
L = _text(r"With $\eta_{\max} = 0.1$")
nonclaim(AR, L, "example", "the top rate", pick=r"\eta_{\max} = 0.1")
nonclaim(AR, L, "example", "the bottom rate", pick=r"\eta_{\min} = 0")
label(AR, _line(r"0.05 \left(1 + \cos \frac{\pi}{4}\right) \approx 0.0854"), "claim", "right",
      "mpmath: 0.05 * 1.70711 = 0.085355", "", lambda: rounds_to(mp.mpf("0.05") * (1 + mp.cos(mp.pi / 4)), "0.0854"))
label(AR, _line(r"0.05 \left(1 + \cos \frac{\pi}{3}\right) \approx 0.0866"), "claim", "wrong",
      "mpmath: 0.05 * 1.5 = 0.075", "", lambda: rounds_to(mp.mpf("0.05") * (1 + mp.cos(mp.pi / 3)), "0.0866"))

# ---------------------------------------------------------------- 9. moving average
k = sp.Symbol("k", integer=True, nonnegative=True)
B = sp.Rational(3, 7)
L = _text(r"A moving average")
nonclaim(AR, L, "update", "the moving average's recursion", pick=r"m_t = \beta m_{t-1} + (1 - \beta) x_t")
nonclaim(AR, L, "example", "its start", pick=r"m_0 = 0")
label(AR, _line(r"\sum_{k=1}^{t} (1 - \beta) \beta^{t - k} = 1 - \beta^{t}"), "claim", "right",
      "exact: at beta = 3/7 and 9/10, t = 0..12 (a geometric sum)", "0 <= beta < 1, t a nonnegative integer",
      lambda: all(sum((1 - bb) * bb ** (n - kk) for kk in range(1, n + 1)) == 1 - bb ** n
                  for bb in (B, sp.Rational(9, 10)) for n in range(13)))
label(AR, _line(r"\sum_{k=0}^{t} (1 - \beta) \beta^{t - k} = 1 - \beta^{t}"), "claim", "wrong",
      "exact: the sum is 1 - beta^(t + 1) (t = 1, beta = 3/7: 40/49 against 4/7)", "0 <= beta < 1",
      lambda: all(sum((1 - bb) * bb ** (n - kk) for kk in range(0, n + 1)) == 1 - bb ** n
                  for bb in (B, sp.Rational(9, 10)) for n in range(13)))
nonclaim(AR, _text(r"After ten steps"), "example", "beta = 0.9", pick=r"\beta = 0.9")
label(AR, _line(r"1 - 0.9^{10} \approx 0.651"), "claim", "right", "mpmath: 1 - 0.348678 = 0.651322", "",
      lambda: rounds_to(1 - mp.mpf("0.9") ** 10, "0.651"))
nonclaim(AR, _text(r"and after a thousand steps"), "example", "beta = 0.999", pick=r"\beta = 0.999")
label(AR, _line(r"1 - 0.999^{1000} \approx 0.368"), "claim", "wrong", "mpmath: 1 - 0.367695 = 0.632305", "",
      lambda: rounds_to(1 - mp.mpf("0.999") ** 1000, "0.368"))
x1, x2 = sp.symbols("x1 x2", real=True)
m1 = (1 - beta) * x1
m2 = beta * m1 + (1 - beta) * x2
nonclaim(AR, _line(r"\hat{m}_t = \frac{m_t}{1 - \beta^{t}}"), "definition", "the bias-corrected average")
nonclaim(AR, _text(r"After one step, since"), "definition", "the first average", pick=r"m_1 = (1 - \beta) x_1")
label(AR, _line(r"\hat{m}_1 = x_1"), "claim", "right", "sympy: (1 - beta) x_1/(1 - beta) = x_1", "0 < beta < 1",
      lambda: zero(m1 / (1 - beta) - x1))
label(AR, _line(r"\hat{m}_2 = x_2"), "claim", "wrong",
      "sympy: m_2/(1 - beta^2) = (beta x_1 + x_2)/(1 + beta), not x_2 (beta = 1/2, x_1 = 1, x_2 = 0: 1/3)",
      "0 < beta < 1", lambda: zero((m2 / (1 - beta ** 2) - x2).subs({beta: sp.Rational(1, 2), x1: 1, x2: 0})))
nonclaim(AR, _text(r"Over an infinite run"), "condition", "beta's range", pick=r"0 \le \beta < 1")
label(AR, _line(r"\sum_{k=0}^{\infty} k (1 - \beta) \beta^{k}"), "claim", "right",
      "mpmath: nsum at beta = 0, 0.3, 0.9, 0.99", "0 <= beta < 1",
      lambda: all(abs(mp.nsum(lambda kk: kk * (1 - bb) * bb ** kk, [0, mp.inf]) - bb / (1 - bb)) < mp.mpf(10) ** -10
                  for bb in (mp.mpf(0), mp.mpf("0.3"), mp.mpf("0.9"), mp.mpf("0.99"))))

# ---------------------------------------------------------------- 10. initialisation
nonclaim(AR, _text(r"A weight uniform on"), "no-claim", "the interval", pick=r"[-a, a]")
label(AR, _line(r"\frac{1}{2a} \int_{-a}^{a} w^{2} \, dw = \frac{a^{2}}{3}"), "claim", "right", "sympy: 2a^3/3/(2a)",
      "a > 0", lambda: zero(sp.integrate(w ** 2, (w, -A, A)) / (2 * A) - A ** 2 / 3))
nonclaim(AR, _text(r"so Glorot's bound"), "example", "Glorot's bound",
         pick=r"a = \sqrt{6 / (n_{\mathrm{in}} + n_{\mathrm{out}})}")
n_in, n_out = sp.symbols("n_in n_out", positive=True)
label(AR, _line(r"\frac{1}{3} \cdot \frac{6}{n_{\mathrm{in}}"), "claim", "right", "sympy: 6/3 = 2", "",
      lambda: zero(sp.Rational(1, 3) * 6 / (n_in + n_out) - 2 / (n_in + n_out)))
gauss = sp.exp(-w ** 2 / 2) / sp.sqrt(2 * sp.pi)
label(AR, _line(r"\int_{0}^{\infty} w^{2} \, \frac{e^{-w^{2}/2}}"), "claim", "right", "sympy: half the unit variance",
      "", lambda: zero(sp.integrate(w ** 2 * gauss, (w, 0, sp.oo)) - sp.Rational(1, 2)))
label(AR, _line(r"\int_{0}^{\infty} w \, \frac{e^{-w^{2}/2}}"), "claim", "wrong",
      "sympy: 1/sqrt(2 pi) = 0.3989, not 1/2", "",
      lambda: zero(sp.integrate(w * gauss, (w, 0, sp.oo)) - sp.Rational(1, 2)))
L = _text(r"He's rule sets the standard deviation")
nonclaim(AR, L, "definition", "He's standard deviation", pick=r"\sigma = \sqrt{2 / n}")
nonclaim(AR, L, "no-claim", "the fan-in", pick="n")
n_ = sp.Symbol("n", positive=True)
label(AR, _line(r"n \sigma^{2} = 2"), "claim", "right", "sympy: n (2/n) = 2", "n > 0",
      lambda: zero(n_ * sp.sqrt(2 / n_) ** 2 - 2))
nonclaim(AR, _text(r"He's scale for"), "example", "the fan-in", pick=r"n = 512")
label(AR, _line(r"\sqrt{2 / 512} = 0.0625"), "claim", "right", "exact: 2/512 = 1/256, root 1/16", "",
      lambda: sp.sqrt(sp.Rational(2, 512)) == sp.Rational(1, 16))
nonclaim(AR, _text(r"and, misremembered, for"), "no-claim", "the fan-in", pick="256")
label(AR, _line(r"\sqrt{2 / 256} \approx 0.0625"), "claim", "wrong", "mpmath: sqrt(1/128) = 0.0884", "",
      lambda: rounds_to(mp.sqrt(mp.mpf(2) / 256), "0.0625"))
nonclaim(AR, _text(r"The largest singular value"), "no-claim", "the shear matrix",
         pick=r"\begin{pmatrix} 1 & 1 \\ 0 & 1 \end{pmatrix}")
label(AR, _line(r"\sqrt{\frac{3 + \sqrt{5}}{2}} = \frac{1 + \sqrt{5}}{2}"), "claim", "right",
      "sympy: ((1 + sqrt 5)/2)^2 = (3 + sqrt 5)/2 and both sides are positive; numpy-free: the shear's A^T A has "
      "eigenvalues (3 +- sqrt 5)/2", "",
      lambda: zero(((1 + sp.sqrt(5)) / 2) ** 2 - (3 + sp.sqrt(5)) / 2)
      and max(sp.Matrix([[1, 1], [0, 1]]).T.multiply(sp.Matrix([[1, 1], [0, 1]])).eigenvals()) == (3 + sp.sqrt(5)) / 2)


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)
    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
