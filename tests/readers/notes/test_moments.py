r"""E, Var and Cov read over a random discrete distribution: identities confirmed, mistakes refuted,
and never a refutation where the claim may rest on a distribution the notes state."""
import sympy as sp

from readers.notes.check import check_notes
from readers.notes.moments import read_moments, refutable

BUDGET = 30.0
"""Seconds per claim: far above the second or so these take."""


def verdicts(text):
    return [b.verdict for b in check_notes(text, budget=BUDGET).blocks if b.steps]


def test_moment_identities_are_confirmed():
    text = "\n\n".join([
        r"$$\operatorname{Var}(aX + b) = a^2\operatorname{Var}(X)$$",
        r"$$\operatorname{Var}(X) = \mathbb{E}[X^2] - \bigl(\mathbb{E}[X]\bigr)^2$$",
        r"$$\textrm{Cov}(X, Y) = E[XY] - E[X]E[Y]$$",
        r"$$\mathbb{E}[X^2] \ge \bigl(\mathbb{E}[X]\bigr)^2$$",
        r"$$\sigma_X^2 = \textrm{Var}(X) = E\left[(X-\mu_X)^2\right] = E[X^2] - \mu_X^2.$$",
    ])
    assert all(v in ("proved", "verified") for v in verdicts(text))
    assert len(verdicts(text)) == 5


def test_moment_mistakes_are_refuted_with_a_distribution():
    text = "\n\n".join([
        r"$$\operatorname{Var}(aX + b) = a\operatorname{Var}(X)$$",
        r"$$\mathbb{E}[X^2] \le \bigl(\mathbb{E}[X]\bigr)^2$$",
        r"$$\textrm{Cov}(X, Y) = E[XY] + E[X]E[Y]$$",
    ])
    report = check_notes(text, budget=BUDGET)
    assert [b.verdict for b in report.blocks] == ["refuted"] * 3
    assert all(b.steps[0].counterexample for b in report.blocks)


def test_a_stated_distribution_guards_against_a_false_alarm():
    # true for a Bernoulli variable, false in general: never refuted once the notes state X ~ Bernoulli(p)
    # (the stated law now decides it: X^2 = X for X in {0, 1}, so E[X^2] = p = E[X], by hand)
    text = "Let $X \\sim \\mathrm{Bernoulli}(p)$.\n\n$$\\mathbb{E}[X^2] = \\mathbb{E}[X]$$\n"
    assert verdicts(text)[-1] == "proved"
    # a law the table does not know still guards against the false alarm
    text = "Let $X \\sim \\mathrm{Zipf}(p)$.\n\n$$\\mathbb{E}[X^2] = \\mathbb{E}[X]$$\n"
    assert verdicts(text)[-1] == "undecided"


def test_a_distribution_parameter_guards_against_a_false_alarm():
    # p may be the parameter of X's law (stated in prose): a failure is undecided
    assert verdicts(r"$$\operatorname{Var}(X) = p(1-p)$$") == ["undecided"]
    x, p = sp.symbols("X p")
    assert refutable({p}, {x}, set())
    assert not refutable({sp.Symbol("a")}, {x}, set())


def test_indexed_variables_are_not_read():
    X = sp.IndexedBase("X")
    i = sp.Symbol("i", integer=True)
    assert isinstance(read_moments(sp.Function("Var")(X[i]), sp.Symbol("s")), str)


def test_a_definition_ties_sigma_of_its_parameter_to_that_parameter():
    # rho(aX+b, Y) is sign(a) rho(X, Y): sigma_X in the definition of rho follows the argument
    text = "\n\n".join([
        r"$$\rho(X, Y) = \frac{\textrm{Cov}(X, Y)}{\sigma_{X}\sigma_{Y}},$$",
        r"For any numbers $a$ and $b$, $\rho(aX+b, Y) = \rho(X, aY+b)$.",
        r"For any numbers $a$ and $b$, $\rho(aX+b, Y) = \rho(X, Y)$.",
    ])
    blocks = [b for b in check_notes(text, budget=BUDGET).blocks if b.steps]
    assert [b.verdict for b in blocks] == ["proved", "refuted"]
