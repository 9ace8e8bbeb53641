r"""``D_{KL}(\mathcal{N}(\mu_1, s_1) \| \mathcal{N}(\mu_2, s_2))`` written out for normal laws (readers.notes.laws
``normal_divergences``): a claim, read with the second parameter a variance (written as a square, it is one)
or, when it may be either, both ways: all readings hold, confirmed; all fail, refuted; else undecided.

The notes are made up; by hand, $D_{KL}(\mathcal{N}(\mu_1, \sigma_1^2) \| \mathcal{N}(\mu_2, \sigma_2^2)) =
\log\frac{\sigma_2}{\sigma_1} + \frac{\sigma_1^2 + (\mu_1 - \mu_2)^2}{2\sigma_2^2} - \frac12$ (the VAE prior term
at $\mu_2 = 0, \sigma_2 = 1$ is $\frac12(\mu^2 + \sigma^2 - 1 - \log\sigma^2)$).
"""
from __future__ import annotations

from readers.notes.check import check_notes

_NOTE = """# The prior term

Let $\\sigma > 0$ and $s > 0$.

$$D_{{\\mathrm{{KL}}}}\\bigl({left}\\,\\|\\,{right}\\bigr) = {value}$$
"""


def _block(left, right, value):
    report = check_notes(_NOTE.format(left=left, right=right, value=value))
    return next(b for b in report.blocks if "KL" in b.source)


def test_the_vae_prior_term_is_proved():
    block = _block("\\mathcal{N}(\\mu, \\sigma^2)", "\\mathcal{N}(0, 1)",
                   "\\frac{1}{2}\\left(\\mu^2 + \\sigma^2 - 1 - \\log\\sigma^2\\right)")
    assert block.verdict == "proved", block.steps
    # a variance written as a square has one reading: readers.notes.law_divergences states it in closed form
    assert "KL divergence of the laws" in block.steps[0].method, block.steps


def test_a_sign_slip_in_the_vae_prior_term_is_refuted():
    block = _block("\\mathcal{N}(\\mu, \\sigma^2)", "\\mathcal{N}(0, 1)",
                   "\\frac{1}{2}\\left(\\mu^2 + \\sigma^2 - 1 + \\log\\sigma^2\\right)")
    assert block.verdict == "refuted", block.steps
    assert block.steps[0].counterexample


def test_a_scale_that_may_be_a_variance_or_a_deviation_is_ambiguous_when_one_reading_fails():
    # s as a variance: log(1/s)/2 + s/2 - 1/2; as a deviation: -log(s) + s^2/2 - 1/2
    block = _block("\\mathcal{N}(0, s)", "\\mathcal{N}(0, 1)", "\\frac{1}{2}(s - 1 - \\log s)")
    assert block.verdict == "undecided" and "ambiguous" in block.steps[0].reason, block.steps
