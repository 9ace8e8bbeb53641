r"""A name set to a literal in prose (``$c = 0$``) is a local example: it holds for its own list item (and the
items nested in it), never for the next exercise of a list, where the same letter is free again."""
from readers.notes.blocks import find_blocks
from readers.notes.files import latex_as_notes
from readers.notes.check import check_notes


def check(text):
    return check_notes(text, path="<test>", budget=5.0)


def verdict_of(text, latex):
    (block,) = [b for b in check(text).blocks if latex in b.source]
    return block.verdict


_CLAIM = "$(u + c)^2 = u^2 + c^2$"
"""Wrong for c != 0 and u != 0; true in the example c = 0."""


def test_an_example_in_one_exercise_does_not_reach_the_next_one():
    note = ("Exercises.\n\n"
            "1. Expand squares.\n"
            "    1. As a warm-up you may take $c = 0$ and expand $u^2$.\n"
            f"    1. Show that {_CLAIM}.\n")
    assert verdict_of(note, _CLAIM) == "refuted"


def test_an_example_of_a_top_level_item_does_not_reach_the_next_item():
    note = ("1. Here one can set $c = 0$ for simplicity.\n"
            f"2. Show that {_CLAIM} for all $u$.\n")
    assert verdict_of(note, _CLAIM) == "refuted"


def test_an_example_still_holds_inside_its_own_item_and_the_items_nested_in_it():
    same_item = f"1. Take $c = 0$; then {_CLAIM}.\n2. Something else.\n"
    assert verdict_of(same_item, _CLAIM) != "refuted"
    nested = f"1. Take $c = 0$ in what follows.\n    1. Show that {_CLAIM}.\n"
    assert verdict_of(nested, _CLAIM) != "refuted"


def test_the_list_items_around_each_block():
    text = ("1. a $x$\n"
            "    - b $y$\n"
            "      more $z$\n"
            "\n"
            "      after a blank line, still in b $w$\n"
            "2. c $v$\n"
            "\n"
            "Plain paragraph $t$\n")
    items = {f.content: f.items for f in find_blocks(text)}
    assert items == {"x": (1,), "y": (1, 2), "z": (1, 2), "w": (1, 2), "v": (6,), "t": ()}


def test_an_example_set_in_a_list_still_reaches_the_prose_after_the_list():
    note = ("Settings:\n\n"
            "- a learning rate\n"
            "- the offset $c = 0$\n\n"
            f"With these settings {_CLAIM}.\n")
    assert verdict_of(note, _CLAIM) != "refuted"


def test_latex_items_are_list_items_too():
    text = ("\\begin{document}\n\\begin{enumerate}\n\\item[a)] Let $c = 0$.\n\\item Show $x$.\n"
            "  \\begin{itemize}\n  \\item nested $y$\n  \\end{itemize}\n\\end{enumerate}\n\\end{document}\n")
    items = {f.content: f.items for f in find_blocks(latex_as_notes(text))}
    assert items == {"c = 0": (3,), "x": (4,), "y": (4, 6)}
