"""False-alarm classes found in the round-3 corpus sources (ML Glossary, CS231n notes; FALSE_ALARMS.md), each
with a made-up note unlike the corpus block that revealed it, and a wrong block the fix still refutes."""
from readers.notes.check import check_notes
from readers.notes.files import latex_as_notes


def check(text):
    return check_notes(text, path="<test>", budget=5.0)


def test_a_primed_letter_before_a_parenthesis_is_a_derivative_applied_not_a_product():
    # T'(M) was read as T' * M: a chain rule in unknown functions was refuted as a product identity
    (block,) = check("$$T'(s) = T'(M) \\cdot M'(s)$$").blocks
    assert block.verdict != "refuted", block.steps
    # with the function known, its primed application is still checked (u'(t) = 3t^2, not 2t^2)
    *_, right, wrong = check("Let $$u(t) = t^3$$ then $$u'(t) = 3t^2$$ and not $$u'(t) = 2t^2$$").blocks
    assert right.verdict == "proved", right.steps
    assert wrong.verdict == "refuted" and wrong.steps[0].counterexample


def test_a_markdown_escaped_underscore_is_a_subscript():
    # Kramdown/Jekyll notes write x\_i inside math; the block was left unparsed
    (right,) = check("$$(a\\_1 + a\\_2)^2 = a\\_1^2 + 2 a\\_1 a\\_2 + a\\_2^2$$").blocks
    assert right.parsed and right.verdict == "proved", right.error or right.steps
    (wrong,) = check("$$(a\\_1 + a\\_2)^2 = a\\_1^2 + a\\_2^2$$").blocks
    assert wrong.verdict == "refuted"


def test_statements_separated_by_hspace_and_an_arrow_are_read_one_by_one():
    # "g = ... \hspace{1in} \rightarrow \hspace{1in} dg/du = ..." was one chain through a limit arrow, and two
    # derivative claims side by side were multiplied together
    text = ("$$g(u,v) = u^2 v \\hspace{1cm} \\rightarrow \\hspace{1cm} \\frac{\\partial g}{\\partial u} = 2uv"
            " \\hspace{1cm} \\frac{\\partial g}{\\partial v} = u^2$$")
    (block,) = check(text).blocks
    assert block.verdict == "proved", block.steps
    (quad,) = check("$$k(r) = r^3 \\quad \\rightarrow \\quad \\frac{dk}{dr} = 3r^2$$").blocks
    assert quad.verdict == "proved", quad.steps
    (wrong,) = check(text.replace("= 2uv", "= 2u")).blocks
    assert wrong.verdict == "refuted"
    # a premise that is not an equation stays what it was: r > 2 is never split off as a claim of its own
    for premise in ("$$r > 2 \\quad \\rightarrow \\quad r^2 > 4$$", "$$r > 2, \\implies r^2 > 4$$"):
        (block,) = check(premise).blocks
        assert block.verdict != "refuted", (premise, block.steps)


def test_a_parameter_of_a_defined_function_is_not_defined_by_a_later_row():
    # after q(s, t) = s t, the row dq/ds = t once defined t := dq/ds, which broke every later use of t
    blocks = check("$$q(s,t) = s t$$\n\nthen\n\n$$\\frac{\\partial q}{\\partial s} = t$$\n\nand\n\n"
                   "$$\\frac{\\partial q}{\\partial t} = s$$\n\nbut not\n\n$$\\frac{\\partial q}{\\partial t} = t$$").blocks
    assert [b.verdict for b in blocks[1:]] == ["proved", "proved", "refuted"], [b.steps for b in blocks]


def test_a_function_defined_again_with_more_arguments_shadows_the_old_one():
    # k(u) from an earlier section was substituted into k(u + h) after k(u, v) was defined
    text = ("# One\n\n$$k(u) = u^3$$\n\n# Two\n\n$$k(u, v) = u v^2$$\n\n"
            "$$\\frac{\\partial k}{\\partial u} = \\lim_{h \\to 0} \\frac{k(u + h) - k(u)}{h}$$")
    *_, block = check(text).blocks
    assert block.verdict != "refuted", block.steps
    *_, wrong = check(text.replace("\\lim_{h \\to 0} \\frac{k(u + h) - k(u)}{h}", "2 u v")).blocks
    assert wrong.verdict == "refuted"


def test_matrix_environments_inside_latex_math_are_kept():
    # a .tex file's \begin{bmatrix} was blanked as a text environment, leaving rows that did not match
    tex = ("\\documentclass{article}\n\\begin{document}\n\\[ q(a,b) = a^2 b \\]\n"
           "\\[ \\nabla q = \\begin{bmatrix} 2ab \\\\ a^2 \\end{bmatrix} \\]\n\\begin{itemize}\\item x\\end{itemize}\n"
           "\\end{document}\n")
    seen = latex_as_notes(tex)
    assert "\\begin{bmatrix}" in seen and "\\end{bmatrix}" in seen
    assert "\\begin{itemize}" not in seen
    assert len(seen.split("\n")) == len(tex.split("\n"))


def test_an_inequality_and_its_consequence_side_by_side_are_not_one_chain():
    # "y < -3 \hspace{5mm} y^2 > 9" was read as the chain y < -3 y^2 > 9 (the space as a product) and refuted;
    # \hspace after an inequality separates as \quad does: the first statement with the second as its condition
    (block,) = check("$$y < -3 \\hspace{5mm} y^2 > 9$$").blocks
    assert block.parsed and block.verdict != "refuted", block.steps
    # after an inequality the separator reads as \quad does (after an equation it starts a new statement)
    for pair in ("y^2 < 9 {} y > 0", "a > b + 1 {} b > 0", "(a + 1)^2 < a^2 + 1 {} a > 0"):
        spaced, quad = (check(f"$${pair.format(sep)}$$").blocks[0] for sep in ("\\hspace{5mm}", "\\quad"))
        assert (spaced.verdict, [s.verdict for s in spaced.steps]) == (quad.verdict, [s.verdict for s in quad.steps])
    (wrong,) = check("$$(a + 1)^2 < a^2 + 1 \\hspace{5mm} a > 0$$").blocks
    assert wrong.verdict == "refuted" and wrong.steps[0].counterexample  # the difference is 2a > 0


def test_special_function_letters_used_as_values_or_defined_keep_the_notes_meaning():
    # a note whose Gamma is a matrix or a constant: Gamma(x + 1) there is not surely the gamma function
    note = ("Let $\\Gamma$ be the damping constant.\n\n$$\\Gamma(a + b) = \\Gamma a + \\Gamma b$$\n")
    assert check(note).blocks[-1].verdict == "proved"
    # a note that defines Gamma by its own formula: its definition is used, not the special function
    note = "$$\\Gamma(t) = t^2 + 1$$\n\nso $$\\Gamma(2) = 5$$\n"
    assert check(note).blocks[-1].verdict == "proved"
    # zeta at a name is a variable's function or a product, never Riemann's zeta read in
    note = "The damping ratio $\\zeta$ satisfies $$\\zeta(1 + x) = \\zeta + \\zeta x$$"
    assert check(note).blocks[-1].verdict == "proved"
    note = "For the damping ratio $\\zeta$: $$\\zeta(2) = 2\\zeta$$"  # not Riemann's zeta(2) = pi^2/6
    assert check(note).blocks[-1].verdict == "proved"


def test_a_letter_before_a_function_letter_application_is_a_factor():
    # xq(x): x times q(x) (q a function letter), not x * q * x
    note = "Let $q$ be a density.\n\n$$\\int_0^1 xq(x)\\,dx = \\int_0^1 x \\, q(x) \\, dx$$\n"
    assert check(note).blocks[-1].verdict != "refuted"


def test_two_letters_before_a_parenthesis_that_does_not_mention_them_stay_a_name():
    # fc(x), lr(t): a layer, a schedule, never f * c * x; a claim about them is not refuted as a product
    (block,) = check("$$lr(t) \\le lr(0)$$").blocks
    assert block.verdict != "refuted" and any(s.startswith("lr: function") for s in block.symbols), block


def test_a_constant_written_to_its_decimals_is_its_rounding_not_a_false_equation():
    # "$\pi = 3.14159$" was read as pi = 314159/100000 and refuted: the author writes the value to five
    # decimals; a rounding or a truncation is verified (and says so), a wrong digit is still refuted
    from readers.notes.check import check_notes

    note = ("We use $\\pi = 3.14159$, $\\sqrt{2} = 1.414$ and $\\pi = 3.1415$ (truncated), but not "
            "$\\pi = 3.15$ nor $\\frac{1}{8} = 0.12$.")
    rounded, root, truncated, wrong, exact = check_notes(note, path="<test>", budget=5.0).blocks
    for block, how in ((rounded, "rounded"), (root, "rounded"), (truncated, "truncated")):
        assert block.verdict == "verified" and how in block.steps[0].method, block.steps
    assert wrong.verdict == "refuted", wrong.steps
    assert exact.verdict == "refuted", exact.steps
