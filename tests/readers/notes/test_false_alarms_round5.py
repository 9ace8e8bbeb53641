"""False-alarm and misreading classes found in the round-5 corpus sources (OpenIntro solutions, Teitelbaum's
lecture notes, HPI Math4ML, CS228; tests/corpus/notes/FALSE_ALARMS.md), each with a made-up note unlike the corpus
block that revealed it, and a wrong block of the same class that is still refuted."""
from readers.notes.check import check_notes


def check(text):
    return check_notes(text, path="<test>", budget=5.0)


def displays(text):
    return [b for b in check(text).blocks if b.kind == "display"]


def test_a_kerned_or_intercal_transpose_is_a_transpose_not_a_power():
    # x^{\!\top\!} A x (Math4ML) was read as x to the power of a variable T; \intercal did not parse
    text = ("Let $\\mathbf{P}$ and $\\mathbf{R}$ be square matrices of the same size.\n\n"
            "$$\\operatorname{tr}(\\mathbf{P}^{\\!\\top\\!}\\mathbf{R}) = "
            "\\operatorname{tr}(\\mathbf{R}^{\\!\\top\\!}\\mathbf{P})$$\n\n"
            "$$(\\mathbf{P}\\mathbf{R})^{\\intercal} = \\mathbf{R}^{\\intercal}\\mathbf{P}^{\\intercal}$$\n\n"
            "$$(\\mathbf{P}\\mathbf{R})^{\\!\\top\\!} = \\mathbf{P}^{\\!\\top\\!}\\mathbf{R}^{\\!\\top\\!}$$\n\n"
            "$$(\\mathbf{P}\\mathbf{R})^{\\intercal} = \\mathbf{P}^{\\intercal}\\mathbf{R}^{\\intercal}$$\n")
    trace, reversed_, wrong, wrong_intercal = displays(text)
    assert trace.verdict in ("proved", "verified"), trace.steps
    assert reversed_.verdict in ("proved", "verified"), reversed_.error or reversed_.steps
    assert wrong.verdict == "refuted" and wrong_intercal.verdict == "refuted", (wrong.steps, wrong_intercal.steps)


def test_a_chain_that_ends_in_a_number_is_a_system_of_equations():
    # "p_0 n = (1 - p_0) n = 10.5" (OpenIntro) was refuted: its first link fails for arbitrary n, p_0, yet the
    # chain holds where p_0 = 1/2 and n = 21
    (system,) = check("Both counts are equal:\n\n$$m q = m(1 - q) = 8$$\n").blocks
    assert system.verdict == "undecided", system.steps
    assert "m = 16, q = 1/2" in system.steps[0].reason, system.steps
    # no value makes every link true: refuted
    (wrong,) = check("Both counts are equal:\n\n$$2m = 3m = 12$$\n").blocks
    assert wrong.verdict == "refuted" and wrong.steps[0].counterexample, wrong.steps
    (wrong_square,) = check("$$(t+1)^2 = t^2 + 1 = 2$$").blocks
    assert wrong_square.verdict == "refuted", wrong_square.steps


def test_rows_of_inequalities_that_solve_for_an_unknown_are_a_derivation():
    # "1.65 sqrt(0.55 (1 - 0.55) / n) <= 0.01 \\ 1.65^2 0.55 (1 - 0.55) / 0.01^2 <= n" (OpenIntro): both rows were
    # refuted as inequalities for every n
    text = ("We need the error below a tenth:\n\\begin{{align*}}\n3\\sqrt{{\\frac{{0.2}}{{m}}}} \\leq 0.1 \\\\\n"
            "\\frac{{{factor} \\times 0.2}}{{{square}}} \\leq m\n\\end{{align*}}\n")
    (right,) = displays(text.format(factor=9, square="0.1^2"))
    first, step = right.steps
    assert first.verdict == "undecided" and "constraint on m" in first.reason, right.steps
    assert step.verdict == "verified" and step.role == "equation step", right.steps
    # a wrong second row does not follow from the first: refuted at a value that satisfies the first row
    (wrong,) = displays(text.format(factor=9, square="0.01^2"))
    assert wrong.verdict == "refuted" and wrong.steps[1].counterexample == {"m": "180", "lhs - rhs": "17820"}
    # rows unbounded on opposite sides may state a system of two constraints: never refuted as a step
    (system,) = displays("\\begin{align*}\n2t > -2 \\\\\nt < 3\n\\end{align*}\n")
    assert system.verdict != "refuted", system.steps


def test_a_conditional_density_label_in_a_subscript_parses():
    # p_{Y \mid X}(y \mid x) (CS228) stopped the parser at \mid: six display blocks unparsed
    text = ("We define the conditional density:\n\n$$g_{V \\mid U}(v \\mid u) = \\frac{g_{UV}(u, v)}{g_U(u)}$$\n\n"
            "Then\n\n$$g_{V \\mid U}(v \\mid u)\\, g_U(u) = g_{UV}(u, v)$$\n\nand not\n\n"
            "$$g_{V|U}(v|u) = g_{UV}(u, v)\\, g_U(u)$$\n")
    definition, right, wrong = displays(text)
    assert definition.parsed and definition.role == "definition", definition.error
    assert right.verdict == "proved", right.steps
    assert wrong.parsed and wrong.verdict not in ("proved", "verified"), wrong.steps
