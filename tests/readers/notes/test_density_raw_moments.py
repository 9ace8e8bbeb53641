r"""The raw moments ``\mu_n'`` a density sheet states, as a formula in the order ``n``
(readers.notes.density_facts): checked at n = 1, 2, 3 against the section's density.

The note is made up: the Gamma(2) density $x e^{-x}$ on $x \ge 0$, whose raw moments are
$\int_0^\infty x^n \cdot x e^{-x}\,dx = \Gamma(n + 2) = (n + 1)!$ (so 2, 6, 24 at n = 1, 2, 3).
"""
from __future__ import annotations

from readers.notes.check import check_notes

_SHEET = """# Sheet

## A Gamma law of shape two

The support is $x \\geq 0$.

$$
f\\left(x\\right) = x e^{{-x}}
$$

$$
\\mu_{{n}}^{{\\prime}}={moment}
$$
"""


def _moment_block(moment: str):
    report = check_notes(_SHEET.format(moment=moment))
    return next(b for b in report.blocks if "mu_{n}" in b.source)


def test_a_right_raw_moment_formula_is_verified():
    block = _moment_block("\\left(n+1\\right)!")
    assert block.verdict == "verified", block.steps
    assert "n = 1, 2, 3" in block.steps[0].method


def test_a_wrong_raw_moment_formula_is_not_confirmed():
    block = _moment_block("n!")  # 1, 2, 6: the exponential law's moments, not this one's
    assert block.verdict not in ("proved", "verified")
