r"""Confirmations of facts stated about a density the notes define (readers.notes.density_facts).

Each note is made up here (not a corpus line); each right note must be ``verified`` with what was
sampled, and a wrong variant of it must not be confirmed (the block keeps its other reading).
"""
from __future__ import annotations

import pytest

from readers.notes.check import check_notes

CONFIRMED = ("proved", "verified")


def _block(text: str, needle: str):
    report = check_notes(text)
    found = [b for b in report.blocks if needle in b.source]
    assert found, f"no block with {needle!r}"
    return found[0]


_TRIANGLE = """# Sheet

## Triangular Distribution

The standard form has support $0 \\le x \\le 1$.

$$
\\begin{{eqnarray*}} f\\left(x\\right) & = & 2x\\\\
F\\left(x\\right) & = & {cdf}\\end{{eqnarray*}}
$$

$$
\\begin{{eqnarray*}} \\mu & = & {mean}\\\\
\\mu_{{2}} & = & \\frac{{1}}{{18}}\\end{{eqnarray*}}
$$
"""

_SHIFTED = """# Sheet

## Shifted exponential

For $x \\geq 2$ the density is

$$
f\\left(x\\right) = e^{{-(x-2)}}
$$

$$
M\\left(t\\right) = {mgf}
$$
"""

_SHAPE = """# Sheet

## A power law

For $x\\geq1$ and $c>0$.

$$
\\begin{{eqnarray*}} f\\left(x;c\\right) & = & \\frac{{c}}{{x^{{c+1}}}}\\\\
G\\left(q;c\\right) & = & {quantile}\\end{{eqnarray*}}
$$

$$
\\mu = \\frac{{c}}{{c-1}}\\quad c>1
$$
"""

CASES = {
    # name: (template, right fields, wrong fields, needle of the block checked)
    "cdf of a density on [0, 1]": (_TRIANGLE, {"cdf": "x^{2}", "mean": "\\frac{2}{3}"},
                                   {"cdf": "x^{3}", "mean": "\\frac{2}{3}"}, "2x"),
    "mean and variance": (_TRIANGLE, {"cdf": "x^{2}", "mean": "\\frac{2}{3}"},
                          {"cdf": "x^{2}", "mean": "\\frac{1}{2}"}, "\\mu_{2}"),
    "m.g.f. on a stated support": (_SHIFTED, {"mgf": "\\frac{e^{2t}}{1-t}"}, {"mgf": "\\frac{e^{t}}{1-t}"},
                                   "M\\left"),
    "quantile with a shape parameter": (_SHAPE, {"quantile": "\\left(1-q\\right)^{-1/c}"},
                                        {"quantile": "\\left(1-q\\right)^{-1/(c+1)}"}, "G\\left"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_right_fact_is_verified_with_what_was_sampled(name):
    template, right, _, needle = CASES[name]
    block = _block(template.format(**right), needle)
    assert block.verdict == "verified", [(s.lhs, s.verdict, s.reason) for s in block.steps]
    assert all("quadrature" in s.method for s in block.steps)
    assert any("density" in s.method for s in block.steps)


@pytest.mark.parametrize("name", sorted(CASES))
def test_wrong_fact_is_not_confirmed(name):
    template, _, wrong, needle = CASES[name]
    block = _block(template.format(**wrong), needle)
    assert block.verdict not in CONFIRMED


def test_shape_parameter_sampled_under_the_row_condition():
    r"""``\mu = c/(c-1) \quad c>1``: the samples satisfy the row's condition and are named."""
    block = _block(_SHAPE.format(quantile="\\left(1-q\\right)^{-1/c}"), "\\mu = ")
    assert block.verdict == "verified"
    assert "c=" in block.steps[0].method


def test_not_a_density_is_not_a_sheet():
    """A function that integrates to 2 on every candidate support is no density: nothing is confirmed
    about it by quadrature."""
    text = _TRIANGLE.format(cdf="x^{2}", mean="\\frac{2}{3}").replace("& 2x", "& 4x")
    block = _block(text, "4x")
    assert not any("quadrature" in s.method for s in block.steps)


def test_statistic_named_by_a_parameter_is_not_a_fact():
    r"""``\mu`` that is a parameter of the density (``f(x) = e^{-(x-\mu)^2/2}/\sqrt{2\pi}``) is no mean."""
    text = """# Sheet

## Normal with a location

$$
f\\left(x\\right) = \\frac{e^{-(x-\\mu)^{2}/2}}{\\sqrt{2\\pi}}
$$

$$
\\mu = 0
$$
"""
    block = _block(text, "\\mu = 0")
    assert not any("quadrature" in s.method for s in block.steps)


def test_a_density_in_an_earlier_section_is_not_in_force():
    text = _TRIANGLE.format(cdf="x^{2}", mean="\\frac{2}{3}") + """
## Another topic

$$
\\mu = \\frac{2}{3}
$$
"""
    report = check_notes(text)
    last = [b for b in report.blocks if "\\mu = \\frac{2}{3}" in b.source][-1]
    assert not any("quadrature" in s.method for s in last.steps)


_DICE = """# Dice

## A fair die with many faces

Let $Y \\sim U(m)$, uniform on the faces $1, \\ldots, m$. Then:

* $\\mu_Y = {mean}$,
* $\\sigma_Y^2 = {variance}$.
"""


@pytest.mark.parametrize("fields, confirmed", [
    ({"mean": "\\frac{m+1}{2}", "variance": "\\frac{m^2-1}{12}"}, True),
    ({"mean": "\\frac{m}{2}", "variance": "\\frac{m^2}{12}"}, False),
])
def test_discrete_uniform_law_facts(fields, confirmed):
    r"""``\mu_Y``, ``\sigma_Y^2`` after ``Y \sim U(m)`` (one argument: uniform on ``1..m``)."""
    report = check_notes(_DICE.format(**fields))
    facts = [b for b in report.blocks if b.source.startswith(("$\\mu_Y", "$\\sigma_Y"))]
    assert len(facts) == 2
    for block in facts:
        assert (block.verdict in CONFIRMED) is confirmed, (block.source, block.verdict, block.steps)
        if not confirmed:
            assert block.verdict != "refuted"  # another reading (U(0, m)) is possible: undecided
