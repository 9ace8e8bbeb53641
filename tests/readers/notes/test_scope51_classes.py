r"""Classes found by scope51 (stop 51) in two published sources added to the corpus (QuantEcon's maximum-likelihood
lecture; Facure's causal-inference chapters on regression and instrumental variables): one variant per class here,
in other letters and layouts than the source.

* A subscript that is a 0/1 label followed by an index (``Y_{0i}``, ``Y_{1i}``: the potential outcomes of unit i) was
  read as the entry ``0 \cdot i`` / ``1 \cdot i`` of ``Y`` once ``Y_i`` was written, so the correct
  :math:`Y_i = Y_{0i} + T_i(Y_{1i} - Y_{0i}) = Y_{0i}(1 - T_i) + T_i Y_{1i}` was **refuted** (readers.latex.labelled_entries).
* A style whose braces hold a name and its argument (``\mathcal{L(\beta)}``) or a stray parenthesis
  (``\boldsymbol{\beta)}``, a typo MathJax renders) did not parse ("\mathcal needs a letter or a name in braces"):
  four of the lecture's displays, the Newton step's gradient among them.  Read as the styled name and what follows
  (readers.latex.tokens, ``styled``).
* A calligraphic capital before a name in parentheses (``\mathcal{J}(w) = (w - 2)^2``, ``\mathcal{R}(\theta)``, the
  lecture's ``\mathcal{L}(\beta)``) was a product, so the definition was **refuted** as the claim
  :math:`\mathcal{J} w = (w - 2)^2`: it is applied, as ``J(w)`` is (readers.latex.names, ``is_function``;
  ``\mathcal{O}`` keeps its reading).
* A text command holding an ordinal (``\dfrac{\text{Reduced Form}}{\text{1st Stage}}``, ``\text{2nd moment}``) did
  not parse: the IV estimator's chain was lost.  The ordinal is part of the name, as a word is (readers.latex.tokens).
* A function written to be differentiated ("consider differentiating $f(x) = x \exp(x)$") was **verified** as a
  claim that it is a probability density, because it integrates to 1 on [0, 1], one of the supports tried: the notes
  never said so.  A lone density row is a density claim only where the prose or the heading names a law
  (readers.notes.density_facts, ``LAW_WORDS``); it still serves the facts stated after it.
"""
from __future__ import annotations

from tests.readers.notes.checked import CONFIRMED, HOLDS, assert_block_verdicts, checked_blocks


def test_a_zero_or_one_label_before_an_index_names_another_array():
    text = (r"Each group $j$ has two outcomes." "\n\n"
            r"$$\mu_j = \mu_{0j} + D_j(\mu_{1j} - \mu_{0j}) = (1 - D_j)\mu_{0j} + D_j \mu_{1j}$$" "\n\n"
            r"A slip: $\mu_j = \mu_{0j} + D_j(\mu_{1j} - \mu_{0j}) = (1 + D_j)\mu_{0j} + D_j \mu_{1j}$." "\n")
    assert_block_verdicts(checked_blocks(text), [CONFIRMED, "refuted"])


def test_a_style_around_a_call_or_a_stray_parenthesis_reads_the_styled_name():
    text = (r"The loss is" "\n\n" r"$$\mathcal{J(w)} = (w - 2)^2$$" "\n\n"
            r"$$\frac{d \mathcal{J(w)}}{dw} = 2(w - 2)$$" "\n\n"
            r"$$\frac{d \mathcal{J(w)}}{dw} = 2(w + 2)$$" "\n\n"
            r"$$\tanh(\boldsymbol{u)} = \frac{e^{\boldsymbol{u}} - e^{-\boldsymbol{u}}}{e^{\boldsymbol{u}} + e^{-\boldsymbol{u}}}$$"
            "\n")
    assert_block_verdicts(checked_blocks(text), [CONFIRMED, "refuted", HOLDS])


def test_a_calligraphic_letter_before_a_name_in_parentheses_is_applied():
    text = (r"The risk of a hypothesis:" "\n\n" r"$$\mathcal{R}(h) = h^2 + 3h$$" "\n\n"
            r"so that $\frac{d \mathcal{R}(h)}{dh} = 2h + 3$." "\n")
    assert_block_verdicts(checked_blocks(text), [CONFIRMED])


def test_an_ordinal_in_a_text_command_is_part_of_a_name():
    text = r"$$q = \dfrac{u/v}{w/v} = \dfrac{u}{w} = \dfrac{\text{2nd Term}}{\text{3rd}}$$" "\n"
    assert_block_verdicts(checked_blocks(text), [HOLDS])


def test_a_lone_function_the_prose_never_calls_a_law_is_no_density_claim():
    text = (r"Differentiate $f(u) = u e^{u}$ twice." "\n\n" "## Lifetimes\n\n"
            "The density of a lifetime is\n\n" r"$$f(t) = 2e^{-2t}$$" "\n")
    assert_block_verdicts(checked_blocks(text), [CONFIRMED])
