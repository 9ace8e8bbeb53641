r"""Spellings of published notes the reader did not know (issue 12, stop 32).

* ``\texttt{atol}`` (PyTorch's docstrings): typewriter text is a name, as ``\text`` and ``\mathrm`` are.
* ``\vec{\imath}`` (Lebl's appendix: the unit vectors $\vec{\imath}, \vec{\jmath}, \vec{k}$): the dotless i and j
  under an accent are the letters.
"""
import pytest

from readers.latex.parse import parse_block


@pytest.mark.parametrize("content, expected", [
    (r"|a - b| \leq \texttt{atol} + \texttt{rtol} \times |b|", "Abs(a - b) <= atol + rtol*Abs(b)"),
    (r"\vec{\imath} + \vec{\jmath} = \vec{\jmath} + \vec{\imath}", None),
])
def test_spellings_parse(content, expected):
    chain = parse_block(content).rows[0].chain
    assert len(chain.exprs) == 2, chain
    if expected is not None:
        assert f"{chain.exprs[0]} {chain.rels[0]} {chain.exprs[1]}" == expected, chain
