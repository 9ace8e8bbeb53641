r"""Classes found by scope51 (stop 51) in two published sources added to the corpus (QuantEcon's maximum-likelihood
lecture; Facure's causal-inference chapters on regression and instrumental variables): one variant per class here,
in other letters and layouts than the source.

* A subscript that is a 0/1 label followed by an index (``Y_{0i}``, ``Y_{1i}``: the potential outcomes of unit i) was
  read as the entry ``0 \cdot i`` / ``1 \cdot i`` of ``Y`` once ``Y_i`` was written, so the correct
  :math:`Y_i = Y_{0i} + T_i(Y_{1i} - Y_{0i}) = Y_{0i}(1 - T_i) + T_i Y_{1i}` was **refuted** (readers.latex.labelled_entries).
"""
from __future__ import annotations

from tests.readers.notes.checked import CONFIRMED, HOLDS, assert_block_verdicts, checked_blocks


def test_a_zero_or_one_label_before_an_index_names_another_array():
    text = (r"Each group $j$ has two outcomes." "\n\n"
            r"$$\mu_j = \mu_{0j} + D_j(\mu_{1j} - \mu_{0j}) = (1 - D_j)\mu_{0j} + D_j \mu_{1j}$$" "\n\n"
            r"A slip: $\mu_j = \mu_{0j} + D_j(\mu_{1j} - \mu_{0j}) = (1 + D_j)\mu_{0j} + D_j \mu_{1j}$." "\n")
    assert_block_verdicts(checked_blocks(text), [CONFIRMED, "refuted"])
