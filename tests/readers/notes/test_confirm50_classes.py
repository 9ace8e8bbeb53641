r"""Classes of correct claims in published notes that ``check`` left unconfirmed (issue 12, confirm50), each with
wrong variants that must not be confirmed (nor refuted: these readings only confirm):

* a claim about an arbitrary distribution (``p``, ``P_\theta``, ``\pi_\theta``, a function with a conditioning bar):
  the log-derivative trick, the score's zero mean, normalization and its gradient, Bayes' rule, marginalization
  (spinningup_policy_gradient.rst:56, :120, :128, :134, :140, :189; distill_hannun_ctc.md:135) was undecided
  ("unknown functions"): it is checked on random finite laws with parameters (readers.notes.finite_laws);
* an entry of a vector or matrix written with the matrix's own capital or the bold name itself, under a norm that
  sums or takes the largest entries (fnc_norms_qr.md:167, :172; hadrienj_norms_notes.md:100) was undecided ("elements,
  sums or cases mixed with matrices"): it is evaluated on random integer matrices (readers.notes.entry_identities).
"""
import pytest

from tests.readers.notes.checked import CONFIRMED, assert_block_verdicts, checked_blocks

LAWS = r"""# Policy gradient

$$\nabla_{{\theta}} {P}(\tau | \theta) = {P}(\tau | \theta) \nabla_{{\theta}} \log {P}(\tau | \theta).$$

$$\mathbb{{E}}_{{x \sim {P}_{{\theta}}}}\left[\nabla_{{\theta}} \log {P}_{{\theta}}(x)\right] = 0.$$

$$\nabla_{{\theta}} \int_x {P}_{{\theta}}(x) = \nabla_{{\theta}} 1 = 0.$$

$${f}({x}\mid {y}) = \frac{{{f}({y}\mid {x})\,{f}({x})}}{{{f}({y})}}$$

$${p}(X \mid Y) = \sum_{{A \in \mathcal{{A}}}} {p}(X, A \mid Y).$$

Wrong:

$$\nabla_{{\theta}} {P}(\tau | \theta) = \nabla_{{\theta}} \log {P}(\tau | \theta).$$

$$\int_x {P}_{{\theta}}(x) = 2.$$

$${f}({x}\mid {y}) = \frac{{{f}({y}\mid {x})\,{f}({y})}}{{{f}({x})}}$$

$${p}(X \mid Y) = \sum_{{A \in \mathcal{{A}}}} {p}(X, A).$$

$$\sum_{{{x} \in \mathcal{{S}}}} {p}({x}) = 1.$$
"""


@pytest.mark.parametrize("names", [
    dict(P="P", f="f", p="p", x="x", y="y"),
    dict(P=r"\pi", f="g", p="q", x="u", y="v"),
])
def test_claims_about_every_distribution_hold_on_finite_laws(names):
    blocks = checked_blocks(LAWS.format(**names))
    # the last sums over a set that may be an event (only the variable's own letter names every outcome)
    assert_block_verdicts(blocks, [CONFIRMED] * 5 + ["undecided"] * 5)
    assert "finite laws" in blocks[1].steps[0].method


NORMS = r"""# Norms

$$\| \mathbf{{{A}}} \|_1 = \max_{{1\le \,{j}\, \le n}} \sum_{{{i}=1}}^n |{A}_{{{i}{j}}}|.$$

$$\| \mathbf{{{A}}} \|_\infty = \max_{{{i}}} \sum_{{{j}}} |{A}_{{{i}{j}}}|,$$

$$\left\lVert\boldsymbol{{{x}}}\right\rVert_1=\sum_{{{i}}} |\boldsymbol{{{x}}}_{i}|$$

Wrong:

$$\| \mathbf{{{A}}} \|_1 = \max_{{1\le \,{i}\, \le n}} \sum_{{{j}=1}}^n |{A}_{{{i}{j}}}|.$$

$$\left\lVert\boldsymbol{{{x}}}\right\rVert_1=\sum_{{{i}}} \boldsymbol{{{x}}}_{i}$$
"""


@pytest.mark.parametrize("names", [dict(A="A", x="x", i="i", j="j"), dict(A="B", x="v", i="k", j="l")])
def test_entries_of_a_bold_name_under_sums_and_maxima_are_evaluated(names):
    blocks = checked_blocks(NORMS.format(**names))
    assert_block_verdicts(blocks, [CONFIRMED] * 3 + ["undecided"] * 2)
