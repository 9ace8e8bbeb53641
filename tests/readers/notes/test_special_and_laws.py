r"""Special functions by their standard names, and facts stated about named distributions.

Expected values are computed independently here with mpmath and sympy.stats, not by formulary."""
import mpmath
import sympy as sp
import sympy.stats as st

from readers.notes.check import check_notes
from readers.notes.laws import law
from readers.notes.special import standard_functions

BUDGET = 30.0
"""Seconds per claim: far above what these take."""


def verdicts(text):
    return [s.verdict for b in check_notes(text, budget=BUDGET).blocks for s in b.steps]


def test_polygamma_and_the_normal_cdf_are_read_by_name():
    # mpmath: psi(1, 1) = pi^2/6 (trigamma), Phi(x) = (1 + erf(x/sqrt2))/2
    assert abs(mpmath.psi(1, 1) - mpmath.pi ** 2 / 6) < 1e-12
    assert verdicts(r"$$\mu_{2} = \frac{\pi^{2}}{6}+\psi_{1}\left(1\right)=\frac{\pi^{2}}{3}$$") == ["proved"]
    # (alone, Phi(x) = ... would define Phi; in a chain after F(x) it is a claim)
    assert verdicts(r"$$F(x) = \Phi\left(x\right)=\frac{1}{2}+\frac{1}{2}\mathrm{erf}\left(\frac{x}{\sqrt{2}}\right)$$") \
        == ["proved"]
    # gamma(1, x) = int_0^x e^-t dt = 1 - e^-x (lower incomplete gamma), by mpmath at x = 0.7
    assert abs(mpmath.gammainc(1, 0, 0.7) - (1 - mpmath.exp(-0.7))) < 1e-15
    assert verdicts(r"$$F(x) = \gamma\left(1,x\right) = 1-e^{-x}$$") == ["proved"]


def test_a_wrong_special_value_is_not_confirmed():
    # psi(0, 1) = -Euler gamma = -0.577..., so psi_0(1) = 1/2 is false
    assert abs(mpmath.psi(0, 1) + mpmath.euler) < 1e-12
    assert verdicts(r"$$\psi_{0}\left(1\right) = \frac{1}{2}$$") == ["refuted"]


def test_a_defined_name_keeps_its_definition():
    x = sp.Symbol("x")
    out, read = standard_functions(sp.Function("Phi")(x), frozenset({"Phi"}))
    assert out == sp.Function("Phi")(x) and not read


def test_the_law_table_agrees_with_sympy_stats():
    p, lam, a, b = sp.Rational(3, 10), sp.Rational(5, 2), sp.Rational(-1, 2), sp.Rational(7, 3)
    n = sp.Integer(7)
    cases = [("Bernoulli", (p,), st.Bernoulli("X", p)), ("Binomial", (n, p), st.Binomial("X", n, p)),
             ("Poisson", (lam,), st.Poisson("X", lam)), ("U", (a, b), st.Uniform("X", a, b)),
             ("N", (a, lam), st.Normal("X", a, sp.sqrt(lam))), ("Exponential", (lam,), st.Exponential("X", lam)),
             ("Laplace", (a, lam), st.Laplace("X", a, lam)), ("Beta", (lam, b), st.Beta("X", lam, b)),
             ("Poiss", (lam,), st.Poisson("X", lam)), ("Bet", (lam, b), st.Beta("X", lam, b))]  # StatProofBook
    for name, args, variable in cases:
        found = law(sp.Function(name)(*args))
        assert sp.simplify(found.mean - st.E(variable)) == 0, name
        assert sp.simplify(found.variance - st.variance(variable)) == 0, name


def test_facts_stated_after_a_law_are_claims():
    text = "\n\n".join(["# Poisson", r"If $X \sim \mathrm{Poisson}(\lambda)$, then:",
                        r"* $\mu_X = \lambda$,", r"* $\sigma_X^2 = \lambda$."])
    assert verdicts(text).count("proved") == 2
    text = "\n\n".join(["# Uniform", r"$$X \sim U(a, b).$$", r"$\sigma_X^2 = \frac{(b-a)^2}{12}$"])
    assert "proved" in verdicts(text)


def test_a_fact_that_disagrees_with_the_law_is_undecided_not_refuted():
    # the variance of Exponential(lambda) (rate) is 1/lambda^2; lambda^2 is the scale parametrisation's
    text = "\n\n".join(["# E", r"If $X \sim \mathrm{Exponential}(\lambda)$, then", r"$\sigma_X^2 = \lambda^2$"])
    out = verdicts(text)
    assert "undecided" in out and "refuted" not in out and "proved" not in out


def test_an_undefined_gamma_beside_polygamma_is_eulers_constant():
    # mpmath: psi(0, 1) = -0.5772156649... = -(Euler's constant)
    assert abs(mpmath.psi(0, 1) + mpmath.euler) < 1e-12
    assert verdicts(r"$$\mu = \gamma = -\psi_{0}\left(1\right)$$") == ["proved"]
    # with gamma a variable the claim has no reason to hold, and without the cue it is not read so
    assert verdicts(r"$$y = \gamma = \frac{1}{2}$$") != ["proved"]


def test_a_law_stated_in_an_aligned_block_with_continued_rows():
    # a continued row (& = ...) has no left side of its own: reading laws must skip it, not fail
    text = r"$$\begin{eqnarray*} h & = & \log\left(\sqrt{2\pi e}\right)\\ & \approx & 1.4189385332\end{eqnarray*}$$"
    blocks = check_notes(text, budget=BUDGET).blocks
    assert [s.verdict for b in blocks for s in b.steps] == ["verified"]
    assert not any("internal error" in s.reason for b in blocks for s in b.steps)


def test_a_letter_standing_alone_makes_its_parentheses_a_product():
    # p(1-p) = p - p^2 by hand; p also stands alone on the right, so p(...) is a product there, even in notes
    # that define a function p elsewhere
    text = "\n\n".join(["# B", r"Density $p(x) = e^{-x}$.", "# A", r"$$\sigma^2 = p(1-p) = p - p^2$$"])
    assert verdicts(text)[-1:] == ["proved"]  # (the density's own block is checked too: a density on [0, oo))


def test_moments_of_a_variable_with_a_stated_law():
    # Bernoulli(p): E[X] = E[X^2] = p, Var(X) = p(1-p) (sympy.stats, independently)
    p = sp.Symbol("p", positive=True)
    assert sp.simplify(st.variance(st.Bernoulli("B", p)) - p * (1 - p)) == 0
    head = ["# A", r"Let $X \sim \mathrm{Bernoulli}(p)$ with $0 < p < 1$."]
    assert verdicts("\n\n".join(head + [r"$$\operatorname{Var}(X) = p(1-p)$$"]))[-1:] == ["proved"]
    assert verdicts("\n\n".join(head + [r"$$\mathbb{E}[X^2] = p$$"]))[-1:] == ["proved"]
    # one parametrisation of the Bernoulli law is in use: p^2 is a real mistake, refuted with a counterexample
    block = check_notes("\n\n".join(head + [r"$$\operatorname{Var}(X) = p^2$$"]), budget=BUDGET).blocks[-1]
    assert block.verdict == "refuted" and block.steps[0].counterexample
