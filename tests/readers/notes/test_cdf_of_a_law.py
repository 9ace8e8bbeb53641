r"""A cumulative distribution function written for the law in force (readers.notes.cdfs): compared with the
law's CDF.  The notes here are made up, not corpus text."""
from __future__ import annotations

import sympy as sp
from sympy import stats

from readers.notes.cdfs import AT, law_cdf
from readers.notes.check import check_notes
from readers.notes.laws import law

_NOTE = r"""# Laws

We write

$$
X \sim {law}.
$$

{words}

$$F(x) = {cdf}$$
"""
CDF = "The cumulative distribution function is"
BERNOULLI = r"\mathrm{Bernoulli}(p)"
RIGHT = {
    BERNOULLI: r"\begin{cases} 0 & x < 0, \\ 1-p & 0 \le x < 1, \\ 1 & x >= 1 . \end{cases}",
    "U(n)": r"\begin{cases} 0 & x < 1, \\ \frac{k}{n} & k \le x < k+1 \text{ with } 1 \le k < n, \\ 1 & x >= n ."
            r" \end{cases}",
    "U(a, b)": r"\begin{cases} 0 & x < a, \\ \frac{x-a}{b-a} & x \in [a, b], \\ 1 & x >= b . \end{cases}",
    r"\mathrm{Poisson}(\lambda)": r"\begin{cases} 0 & x < 0, \\ e^{-\lambda}\sum_{m = 0}^k \frac{\lambda^m}{m!}"
                                  r" & k \le x < k+1 \text{ with } 0 \le k. \end{cases}",
}
WRONG_BERNOULLI = r"\begin{cases} 0 & x < 0, \\ p & 0 \le x < 1, \\ 1 & x >= 1 . \end{cases}"


def _cdf_block(law_latex, cdf, words=CDF):
    report = check_notes(_NOTE.format(law=law_latex, words=words, cdf=cdf))
    (block,) = [b for b in report.blocks if b.source.startswith("$$F(x)")]
    return block


def test_a_right_cdf_of_the_law_in_force_is_verified():
    for law_latex, cdf in RIGHT.items():
        block = _cdf_block(law_latex, cdf)
        assert block.verdict == "verified", (law_latex, block.steps)


def test_a_wrong_cdf_of_an_unambiguous_law_is_refuted_with_the_point():
    block = _cdf_block(BERNOULLI, WRONG_BERNOULLI)
    assert block.verdict == "refuted"
    witness = block.steps[0].counterexample
    assert 0 < sp.Rational(witness["p"]) < 1 and float(witness["notes"]) != float(witness["law"])


def test_without_the_words_or_for_another_variable_nothing_is_compared():
    for words in ("The probability distribution function is", r"The cumulative distribution function of $Y$ is"):
        block = _cdf_block(BERNOULLI, WRONG_BERNOULLI, words)
        assert block.verdict != "refuted", (words, block.steps)


def test_the_law_cdfs_agree_with_sympy_stats():
    # an independent oracle: sympy.stats' distributions, at points off the integers
    n, p, lam = sp.Integer(5), sp.Rational(3, 10), sp.Rational(17, 10)
    cases = [(sp.Function("Binomial")(n, p), stats.Binomial("B", 5, p)),
             (sp.Function("Poisson")(lam), stats.Poisson("P", lam)),
             (sp.Function("Bernoulli")(p), stats.Bernoulli("Q", p))]
    for written, variable in cases:
        cdf, _ = law_cdf(law(written))
        for point in (sp.Rational(-1, 2), sp.Rational(1, 2), sp.Rational(5, 2), sp.Rational(9, 2)):
            expected = stats.P(variable <= sp.floor(point))
            assert abs(float(cdf.xreplace({AT: point}).doit()) - float(expected)) < 1e-12  # exact sums in double


def test_with_several_laws_the_latest_is_compared_and_a_difference_is_not_a_refutation():
    before = "A count $Y \\sim \\mathrm{{Poisson}}(\\lambda)$ is also in this section.\n\n"  # braces: .format
    note = _NOTE.replace("We write", before + "We write")
    right = check_notes(note.format(law=BERNOULLI, words=CDF, cdf=RIGHT[BERNOULLI]))
    wrong = check_notes(note.format(law=BERNOULLI, words=CDF, cdf=WRONG_BERNOULLI))
    (right,), (wrong,) = ([b for b in r.blocks if b.source.startswith("$$F(x)")] for r in (right, wrong))
    assert right.verdict == "verified" and "the latest" in right.steps[0].method
    assert wrong.verdict == "undecided" and "several laws" in wrong.steps[0].reason
