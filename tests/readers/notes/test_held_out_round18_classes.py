"""Classes of misreadings found by round 18's held-out sources (tests/corpus/notes/README.md, round 18), one case each.

Each case fails on the code before its fix; the corpus files themselves run in the benchmark only."""
from readers.notes.check import check_notes
from readers.notes.files import latex_as_notes


def check(text):
    return check_notes(text, path="<test>", budget=5.0)


def test_tex_quotes_do_not_hide_the_formulas_between_them():
    r"""Lebl's *Basic Analysis II* writes ``infinitesimally close'' twice, 140 lines apart: read as a Markdown code
    span, the pair hid every formula between them (9 of the excerpt's 50 displays and 99 inline formulas), so none
    was checked or counted."""
    tex = ("\\begin{document}\nA map is ``infinitesimally close'' to a linear map.\n\\begin{equation*}\n(x+1)^2 = "
           "x^2 + 2x + 1\n\\end{equation*}\nThey are ``infinitesimally close'' again.\n\\end{document}\n")
    (block,) = check(latex_as_notes(tex)).blocks
    assert block.line == 3 and block.verdict in ("proved", "verified")
    # a quote mark set in math is left as written: diffyqs' sizes in quotes, [m x n][n x p] = [m x p], stay unrefuted
    sizes = ("\\begin{document}\nwe should have\n\\begin{equation*}\n\\text{``} \\quad\n[ m \\times n ]\n\\,\n"
             "[ n \\times p ]\n=\n[ m \\times p ] . \\quad \\text{''}\n\\end{equation*}\n\\end{document}\n")
    assert all(b.verdict != "refuted" for b in check(latex_as_notes(sizes)).blocks)


def test_a_result_computed_from_decimal_data_is_written_to_their_precision():
    r"""Labbe: ``$0.1414^2 = 0.02$`` and a variance of five weights written ``= 261.8`` (exactly 261.788) were refuted
    in exact arithmetic; a result of decimal inputs is rounded as they are.  A fraction with no decimal input written
    as a wrong decimal (``\frac{1}{8} = 0.12``) and a wrong rounding (``0.5 \cdot 0.3 = 0.16``) stay refuted."""
    note = ("And $0.1414^2 = 0.02$.\n\n$$\\sigma^2 = \\frac{1}{2}\\left[(70.1-73.5)^2 + (91.2-73.5)^2\\right] = 162.4$$"
            "\n\nNot $\\frac{1}{8} = 0.12$ nor $0.5 \\cdot 0.3 = 0.16$.")
    square, variance, fraction, product = check(note).blocks
    assert square.verdict == "verified" and variance.verdict == "verified", (square.steps, variance.steps)
    assert fraction.verdict == "refuted" and product.verdict == "refuted"


def test_a_variance_named_again_for_another_law_is_not_refuted():
    r"""Labbe gives the product of two Gaussians (``\mu = ...``, ``\sigma^2 = \frac{\sigma_1^2\sigma_2^2}{...}``), then
    the sum's ``\mu = \mu_1 + \mu_2``, ``\sigma^2 = \sigma_1^2 + \sigma_2^2``: the mean read as a new definition or a
    failing claim (ambiguous), the variance refuted against the product's.  A power of a name is named anew as the
    name is."""
    note = ("The product is given by:\n\n$$\\begin{aligned}\\mu &=\\frac{\\sigma_1^2\\mu_2 + \\sigma_2^2\\mu_1}"
            "{\\sigma_1^2+\\sigma_2^2}\\\\\n\\sigma^2 &=\\frac{\\sigma_1^2\\sigma_2^2}{\\sigma_1^2+\\sigma_2^2}\n"
            "\\end{aligned}$$\n\nThe sum is given by\n\n$$\\begin{gathered}\\mu = \\mu_1 + \\mu_2 \\\\\n"
            "\\sigma^2 = \\sigma^2_1 + \\sigma^2_2\n\\end{gathered}$$\n")
    _product, total = check(note).blocks
    assert total.verdict != "refuted" and all(s.verdict == "undecided" for s in total.steps), total.steps


def test_words_spaced_in_math_mode_are_a_sentence_not_products():
    r"""Labbe writes Bayes' rule in words, ``updated\,knowledge = \big\|likelihood\,of\,new\,knowledge\times prior\,
    knowledge \big\|``: read as products of letters it was refuted at knowledge = 1/2.  Letters spaced as a product
    (``x\,y``) are still checked."""
    note = ("We read this as:\n\n$$ updated\\,knowledge = \\big\\|likelihood\\,of\\,new\\,knowledge\\times prior\\, "
            "knowledge \\big\\|$$\n\nand $$x\\,y = 2xy$$\n")
    words, product = check(note).blocks
    assert words.verdict != "refuted" and product.verdict == "refuted", words.steps


def test_typewriter_names_a_qed_box_and_a_counted_phrase_parse():
    r"""Unparsed displays of round 18: Labbe's ``\mathtt{posterior}`` (4 displays), a derivation ending in ``\square``,
    and Krohn's ``\frac{\text{# of outcomes of event}}{\text{# of outcomes in }\Omega}`` (3 displays)."""
    note = ("$$ \\mathtt{posterior} = \\frac{\\mathtt{likelihood}\\times \\mathtt{prior}}{\\mathtt{normalization}}$$\n\n"
            "$$\\sigma_x^2 = \\sigma_z^2+\\sigma_p^2\\, \\square$$\n\n"
            "$$ P(\\text{event}) = \\frac{\\text{# of outcomes of event}}{\\text{# of outcomes in }\\Omega} $$\n")
    assert all(block.parsed for block in check(note).blocks)


def test_a_run_defined_as_a_name_elsewhere_is_a_product_beside_its_letters():
    r"""Lebl's proof writes ``$Ah = k - r(h)$`` 130 lines after ``\frac{\|(A-B)h\|}{\|h\|} = \frac{\|f(x+h)-f(x) - Ah -
    (f(x+h)-f(x) - Bh)\|}{\|h\|}``; the later definition made ``Ah`` one name in the whole note, and the earlier step
    was refuted at A = 1/2, Ah = 1/2.  Beside A and h written alone, the run may be their product: no refutation."""
    note = ("$$\\frac{|(A-B)h|}{|h|} = \\frac{|f(x+h)-f(x) - Ah - (f(x+h)-f(x) - Bh)|}{|h|}$$\n\n"
            "Then $Ah = k - r(h)$.\n")
    step = check(note).blocks[0]
    assert step.verdict != "refuted", step.steps


def test_a_prime_kerned_with_a_space_is_a_prime():
    r"""Lebl writes ``\gamma^{\:\prime}(t)`` (3 displays unparsed: "unexpected 'prime'")."""
    (block,) = check("$$g'(t) = (\\nabla f) \\bigl(\\gamma(t)\\bigr) \\cdot \\gamma^{\\:\\prime}(t)$$").blocks
    assert block.parsed
