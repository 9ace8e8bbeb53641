r"""Matrix powers with a symbolic exponent, checked at concrete exponents (readers.notes.matrix_powers).
The notes here are made up, not corpus text."""
from __future__ import annotations

import sympy as sp

from readers.notes.check import check_notes
from readers.notes.matrix_powers import EXPONENTS, symbolic_exponent

_POWERS = r"""# Powers

Suppose $\mathbf{B}\mathbf{V} = \mathbf{V}\boldsymbol{\Lambda}$ with $\mathbf{V}$ invertible, so that

$$\mathbf{B} = \mathbf{V}\boldsymbol{\Lambda}\mathbf{V}^{-1}.$$

Then

$$\mathbf{B}^k = {power}.$$
"""


def _claim(power):
    (block,) = [b for b in check_notes(_POWERS.replace("{power}", power)).blocks if "^k =" in b.source]
    return block


def test_a_power_identity_is_verified_at_each_concrete_exponent():
    block = _claim(r"\mathbf{V}\boldsymbol{\Lambda}^k\mathbf{V}^{-1}")
    assert block.verdict == "verified"
    assert f"k = {', '.join(map(str, EXPONENTS))}" in block.steps[0].method  # what was sampled, said plainly


def test_a_wrong_power_identity_is_undecided_naming_the_exponent_where_it_fails():
    block = _claim(r"\mathbf{V}^k\boldsymbol{\Lambda}^k\mathbf{V}^{-k}")
    assert block.verdict == "undecided" and "at k = 2" in block.steps[0].reason


def test_only_integer_polynomial_exponents_count_factors():
    A = sp.Symbol("A", commutative=False)
    n, m = sp.symbols("n m", commutative=False)
    assert symbolic_exponent(A ** n, A ** (2 * n - 1)) == n
    assert symbolic_exponent(A ** (n / 2), A) is None  # a root, not n factors
    assert symbolic_exponent(A ** n, A ** m) is None  # two exponents: no single count
    assert symbolic_exponent(A ** 2, A * A) is None
    assert symbolic_exponent(A ** sp.Symbol(r"\mathbf{z}", commutative=False), A) is None  # a vector exponent
