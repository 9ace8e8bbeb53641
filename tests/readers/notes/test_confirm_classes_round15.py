r"""Classes of right claims the notes corpus left undecided after round 14, each with a hand-written example unlike
the corpus block that revealed it (planted files 2-4 and the sigmoid derivative in three sources)."""
from readers.notes.check import check_notes


def _verdicts(text):
    return [(b.line, b.verdict) for b in check_notes(text, path="<test>", budget=5.0).blocks if b.verdict]


def test_the_derivative_of_the_sigmoid_in_notes_on_the_sigmoid_is_a_claim():
    r"""``\sigma'(t) = ...`` was read as a definition of ``sigma'`` (nothing checked) although the prose names the
    logistic sigmoid, whose derivative the checker knows; a wrong one is refuted."""
    text = ("# Gates\n\nWith the logistic sigmoid $\\sigma$, recall $\\sigma'(t) = \\sigma(t)\\sigma(-t)$.\n\n"
            "Wrongly, $\\sigma'(u) = \\sigma(u)^2$.\n")
    assert _verdicts(text) == [(3, "proved"), (5, "refuted")]


def test_moments_of_forms_in_a_variable_with_a_stated_law():
    r"""A Beta law written ``\mathrm{Beta}(a, b)`` was read as the Beta function (no law), and a moment of a form in
    a variable with a stated law (``y = c + 2u`` with ``u \sim \mathrm{Poisson}(r)``) was "a moment of no random
    variable".  A form with a second random name (a capital letter) is not read, nor one with a name the claim writes
    only inside moments (it may be random)."""
    text = ("# Laws\n\nDraw $w \\sim \\mathrm{Beta}(a, 3a)$ with $a > 0$. Then $\\mathbb{E}[w] = \\frac{1}{4}$.\n\n"
            "Take $y = c + 2u$ with $u \\sim \\mathrm{Poisson}(r)$. Then\n\n"
            "$$\\begin{aligned} \\mathbb{E}[y] &= c + 2r \\\\ \\operatorname{Var}(y) &= 4r \\\\ \\mathbb{E}[y] &= c + r "
            "\\end{aligned}$$\n\n"
            "And $\\mathbb{E}[u + X] = r + X$.\n")
    verdicts = _verdicts(text)
    assert (3, "proved") in verdicts and (7, "refuted") in verdicts
    report = check_notes(text, path="<test>", budget=5.0)
    (display,) = [b for b in report.blocks if b.line == 7]
    # Var(y) = 4r holds only if c is no random variable, and the claim writes c nowhere outside a moment: not read
    assert [s.verdict for s in display.steps] == ["proved", "undecided", "refuted"]
    (last,) = [b for b in report.blocks if b.line == 9]
    assert last.verdict not in ("proved", "verified", "refuted")
