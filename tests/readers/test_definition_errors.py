"""A definition in the ASCII syntax of ``prove`` that does not parse: the error names the place in the text the user
typed, not in the body cut out of it."""
import pytest

from readers.definition import read_ascii_definition
from readers.expression import ParseError


@pytest.mark.parametrize("text, column", [
    ("f(x) = x +* 2", 11),                 # the '*' after '+': column 11 of the whole line (4 of the body)
    ("g(x, w) = w*  +* x for x > 0", 16),  # a stated domain after the body does not move it
])
def test_a_syntax_error_is_located_in_the_whole_definition(text, column):
    with pytest.raises(ParseError) as caught:
        read_ascii_definition(text)
    assert caught.value.position == (1, column)
    assert text[column - 1] == "*"
