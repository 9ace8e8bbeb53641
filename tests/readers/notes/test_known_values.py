r"""An inline ``name = value`` reads as a local example, unless the note has already determined the name: by the
equation just before (``$2x + y = 1$`` or equivalently ``$y = 1 - 2x$``) or by a definition and the example in
force (``$v = 3t^2$``; at $t = 2$, ``$v = 12$``).  Then the row is checked as a claim and confirmed when it holds
(check.py, known_values); a value that does not follow stays an example, never refuted, and restating a
definition (``$u = f(x)$`` twice) is no claim."""
from readers.notes.check import check_notes


def _blocks(text):
    return {b.source.strip("$ "): b for b in check_notes(text, path="<test>", budget=5.0).blocks}


def test_a_rearranged_equation_is_confirmed():
    block = _blocks("# Line\n\nThe line is $2x + y = 1$ or equivalently $y = 1 - 2x$.\n")["y = 1 - 2x"]
    assert block.verdict == "proved" and block.role == "claim", block.steps


def test_a_wrong_rearrangement_stays_an_example():
    block = _blocks("# Line\n\nThe line is $2x + y = 1$ or equivalently $y = 1 + 2x$.\n")["y = 1 + 2x"]
    assert block.verdict is None and block.role == "example", block.steps


def test_a_defined_name_at_the_example_in_force_is_confirmed():
    text = "# Speed\n\nThe speed is $$v = 3t^2.$$\n\nSetting $t = 2$ we have $v = 12$.\n"
    block = _blocks(text)["v = 12"]
    assert block.verdict in ("proved", "verified") and block.role == "claim", block.steps


def test_a_wrong_value_of_a_defined_name_stays_an_example():
    text = "# Speed\n\nThe speed is $$v = 3t^2.$$\n\nSetting $t = 2$ we have $v = 13$.\n"
    block = _blocks(text)["v = 13"]
    assert block.verdict != "refuted" and block.role == "example", block.steps


def test_restating_a_definition_is_no_claim():
    text = "# Plot\n\nLet $$f(x) = x^2.$$\n\nWe plot $u = f(x)$ and then $u = f(x)$ again.\n"
    blocks = [b for b in check_notes(text, path="<test>", budget=5.0).blocks if "u = f" in b.source]
    assert all(b.verdict is None for b in blocks), [b.steps for b in blocks]
