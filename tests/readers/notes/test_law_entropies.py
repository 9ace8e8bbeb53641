r"""``h(X) = ...`` after ``X \sim D(\theta)``: the differential entropy of the stated law, in nats
(readers.notes.laws).  Notes may state it in bits, so a disagreement is never a refutation.

The notes are made up; the entropies are the textbook ones (Cover & Thomas, table 17.1):
normal $\frac12\log(2\pi e\sigma^2)$, uniform on $[a, b]$ $\log(b - a)$, exponential with rate $\lambda$
$1 - \log\lambda$.
"""
from __future__ import annotations

import pytest

from readers.notes.check import check_notes

_NOTE = """# Entropy

Let $X \\sim {law}$.

$$h(X) = {value}$$
"""

RIGHT = [("\\mathcal{N}(\\mu, \\sigma^2)", "\\frac{1}{2}\\log(2\\pi e\\sigma^2)"),
         ("\\mathrm{Uniform}(a, b)", "\\log(b - a)"),
         ("\\mathrm{Exponential}(\\lambda)", "1 - \\log\\lambda")]
WRONG = [("\\mathcal{N}(\\mu, \\sigma^2)", "\\log(2\\pi e\\sigma^2)"),
         ("\\mathrm{Uniform}(a, b)", "\\log_2(b - a)"),  # in bits: another unit, not a mistake we can tell
         ("\\mathrm{Exponential}(\\lambda)", "1 + \\log\\lambda")]


def _block(law: str, value: str):
    return next(b for b in check_notes(_NOTE.format(law=law, value=value)).blocks if "h(X)" in b.source)


@pytest.mark.parametrize("law, value", RIGHT)
def test_the_entropy_of_a_stated_law_is_confirmed(law, value):
    block = _block(law, value)
    assert block.verdict in ("proved", "verified"), block.steps
    assert "entropy" in block.steps[0].method


@pytest.mark.parametrize("law, value", WRONG)
def test_a_different_entropy_is_never_refuted_nor_confirmed(law, value):
    assert _block(law, value).verdict == "undecided"
