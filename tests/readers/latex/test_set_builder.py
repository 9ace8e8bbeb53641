r"""Set-builder notation with a bar (``\{x | x \in X \text{ and } f(x) \le b\}``, d2l convexity) reads as one opaque
set, as ``\{x \mid x > 0\}`` did: the bar inside ``\{...\}`` separates, it opens no absolute value ('}' closes lvert),
and the "and" of its condition is not read as joining events."""
import pytest

from readers.latex.parse import parse_block


@pytest.mark.parametrize("text, name", [
    (r"S_b := \{x | x \in X \text{ and } f(x) \leq b\}.", "S_b"),
    (r"X = \{\mathbf{x} | \mathbf{W} \mathbf{x} = \mathbf{b}\}", "X"),
])
def test_a_set_builder_with_a_bar_is_one_set(text, name):
    [row] = parse_block(text).rows
    left, right = row.chain.exprs
    assert str(left) == name and right.func.__name__ == "set" and len(right.args) == 1


def test_sets_written_out_keep_their_elements():
    [row] = parse_block(r"|\{x, y\}| = 2").rows
    assert str(row.chain.exprs[0]) == "Abs(set(x, y))"
