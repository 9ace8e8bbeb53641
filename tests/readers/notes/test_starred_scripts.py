r"""``z^{\star}`` and ``x^{\ast}`` are the names ``z^\star`` and ``x^*`` (a braced script that is one star), so a
block that writes the star in braces is read like the same block without them."""
from readers.latex.parse import parse_latex
from readers.notes.check import check_notes


def test_a_braced_star_names_the_same_symbol_as_a_bare_one():
    assert parse_latex(r"z^{\star}") == parse_latex(r"z^\star")
    assert parse_latex(r"x^{\ast}") == parse_latex(r"x^*")


def test_a_claim_with_a_braced_star_is_checked():
    note = "$$ z^{\\star} \\sqrt{4} = 2 z^\\star $$\n\n$$ z^{\\star} \\sqrt{4} = 3 z^\\star $$\n"
    blocks = check_notes(note, path="<test>", budget=5.0).blocks
    assert [b.verdict for b in blocks] == ["proved", "refuted"], [b.steps for b in blocks]


def test_a_stated_optimum_with_a_braced_star_is_its_stationary_point():
    right, wrong = ("We solve $$\\min_w w^2 - a w$$\n\nIts minimiser is $$ w^{\\star} = \\frac{a}{%s} $$\n" % k
                    for k in (2, 3))
    assert check_notes(right, path="<test>", budget=5.0).blocks[-1].verdict == "proved"
    assert check_notes(wrong, path="<test>", budget=5.0).blocks[-1].verdict == "refuted"
