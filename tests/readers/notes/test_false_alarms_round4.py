"""False-alarm classes found in the round-4 corpus sources (d2l preliminaries, statistics, geometry, linear and
softmax regression; tests/corpus/notes/FALSE_ALARMS.md), each with a made-up note unlike the corpus block that
revealed it, and a wrong block the fix still refutes."""
from readers.notes.check import check_notes


def check(text):
    return check_notes(text, path="<test>", budget=5.0)


def test_a_capital_d_before_an_expression_is_the_differentiation_operator():
    # "Dx^n = nx^{n-1}" was read as the product D * x^n and refuted with D = -2
    prose = "Here $D$ denotes the differentiation operator.\n\n"
    *_, power, chain, wrong = check(prose + "$$Dt^3 = 3t^2$$\n\n$$D_s \\sin(2s) = 2\\cos(2s)$$\n\n"
                                             "$$Dt^3 = 3t$$").blocks
    assert power.verdict == "proved" and "operator" in power.steps[0].method, power.steps
    assert chain.verdict == "proved", chain.steps
    assert wrong.verdict == "refuted" and wrong.steps[0].counterexample, wrong.steps
    # without the prose, the operator reading still keeps the product reading from refuting: ambiguous
    (plain,) = check("$$Dt^3 = 3t^2$$").blocks
    assert plain.verdict == "undecided" and "ambiguous" in plain.steps[0].reason, plain.steps


def test_the_logarithm_of_zero_is_minus_infinity_and_undefined_values_are_never_refuted():
    # "-\log 0 = \infty" was read as zoo = oo (sympy's complex infinity) and refuted
    right, also, wrong, undefined = check("$-\\ln 0 = \\infty$ and $$\\log_{10} 0 = -\\infty$$ but not "
                                          "$$\\ln 0 = \\infty$$ while $$\\frac{5}{0} = \\infty$$").blocks
    assert right.verdict == "proved" and also.verdict == "proved", (right.steps, also.steps)
    assert wrong.verdict == "refuted", wrong.steps
    assert undefined.verdict == "undecided", undefined.steps  # 5/0: a limit of either sign, not written


def test_a_vector_the_prose_calls_a_probability_vector_is_sampled_on_the_simplex():
    # sum_j y_j log Z = log Z after "y is a one-hot vector" was refuted with y = 0
    text = ("# Mixture\n\nSince $\\boldsymbol{w}$ is a probability vector, the weights drop out:\n\n"
            "$$\\sum_{r=1}^m w_r (c + a_r) = c + \\sum_{r=1}^m w_r a_r$$\n\n"
            "$$\\sum_{r=1}^m w_r (c + a_r) = 2c + \\sum_{r=1}^m w_r a_r$$\n\n"
            "# Labels\n\nHere $\\mathbf{u}$ is a one-hot vector.\n\n$$\\sum_{r=1}^m u_r^2 = 1$$\n")
    blocks = [b for b in check(text).blocks if b.kind == "display"]
    right, wrong, one_hot = blocks
    assert right.verdict in ("proved", "verified"), right.steps
    assert wrong.verdict == "refuted" and wrong.steps[0].counterexample, wrong.steps
    # true at the vertices (one-hot), false inside the simplex: not refuted
    assert one_hot.verdict == "undecided" and "one-hot" in one_hot.steps[0].reason, one_hot.steps
    # without the declaration the same identity is refuted (w = 0 is a counterexample)
    (bare,) = check("$$\\sum_{r=1}^m w_r (c + a_r) = c + \\sum_{r=1}^m w_r a_r$$").blocks
    assert bare.verdict == "refuted"


def test_a_style_wrapping_a_subscript_and_run_together_sum_indices_parse():
    # \mathbf{v_i} and \bar{X_n} stopped the parser; so did \sum_{jk}
    (styled,) = check("$$\\sum_{i=1}^3 \\mathbf{c_i} - \\mathbf{c}_1 = \\mathbf{c}_2 + \\mathbf{c}_3$$").blocks
    assert styled.parsed and styled.verdict in ("proved", "verified"), styled.error or styled.steps
    (run,) = check("$$\\sum_{jk} a_{jk} = \\sum_{j} \\sum_{k} a_{jk}$$").blocks
    assert run.parsed and run.verdict != "refuted", run.error or run.steps
    (wrong,) = check("$$\\sum_{i=1}^3 \\mathbf{c_i} = \\mathbf{c}_2 + \\mathbf{c}_3$$").blocks
    assert wrong.verdict == "refuted"


def test_a_probability_set_to_a_number_is_a_stated_value_not_a_definition_of_p():
    # "P(S) = 1" (an axiom) defined P as the constant 1, and Bayes' theorem below was refuted
    text = ("# Rules\n\nThe sure event has $P(\\Omega) = 1$, and say $P(R=1) = 0.02$.\n\n"
            "$$P(U \\mid V) = \\frac{P(V \\mid U) P(U)}{P(V)}$$\n\n$$P(U \\mid V) = \\frac{P(V \\mid U)}{P(V)}$$\n")
    sure, stated, bayes, wrong = check(text).blocks
    assert sure.role == "example" and stated.role == "example", (sure.steps, stated.steps)
    assert bayes.verdict == "proved", bayes.steps
    assert wrong.verdict == "refuted", wrong.steps


def test_a_probability_claim_in_a_paragraph_about_independence_is_not_refuted():
    # "A and B being independent means ... In this case P(B | A) = P(B)" was refuted on a dependent joint
    text = ("# Independence\n\nTwo variables $U$ and $V$ are independent when knowing one tells nothing about\n"
            "the other. Then $P(U \\mid V) = P(U)$ and $P(U, V) = P(U) P(V)$.\n\n"
            "# Dependence\n\nFor the weather and the umbrella, $P(U \\mid V) = P(U)$.\n")
    first, second, elsewhere = (b for b in check(text).blocks if b.steps)
    # checked where the stated independence holds (readers.notes.independent_joint): verified, never proved
    assert first.verdict == "verified" and any("independent (the prose)" in a for a in first.assumptions), first.steps
    assert second.verdict == "verified", second.steps
    assert elsewhere.verdict == "refuted", elsewhere.steps  # no independence in that paragraph: a counterexample


def test_an_update_chain_assigns_first_and_claims_the_rest():
    # "w <- w - eta dl/dw && = w - eta x (...)" was unparsed (the && alignment) and "w := w - ..." was a claim
    text = ("# Step\n\n$$\\begin{aligned} u & \\leftarrow u - \\eta \\frac{d}{du} u^2 && = u - 2 \\eta u \\\\ "
            "v & \\leftarrow v - \\eta \\frac{d}{dv} v^3 && = v - 3 \\eta v^2 \\end{aligned}$$\n\n")
    (block,) = check(text).blocks
    assert block.parsed and block.verdict == "proved", block.error or block.steps
    (wrong,) = check(text.replace("= u - 2 \\eta u", "= u - \\eta u")).blocks
    assert wrong.verdict == "refuted", wrong.steps
    # the assignment takes effect after its own row: a later identity about u is not checked as one
    *_, later = check(text + "$$u = u + 1$$\n").blocks
    assert later.verdict != "refuted", later.steps


def test_a_counterexample_that_is_independent_given_the_stated_variable_still_refutes():
    # the check's joints make the other variables independent given the left side's first one: when the prose
    # states exactly that independence (a noun bound to a name: "a label $Y$" ... "given the label"), it stands
    text = ("# Naive\n\nA label $Y$ and features $U$, $V$ independent given the label:\n\n"
            "$$P(Y \\mid U, V) \\propto P(Y) P(U) P(V)$$\n")
    (wrong,) = (b for b in check(text).blocks if b.kind == "display")
    assert wrong.verdict == "refuted", wrong.steps
    right_text = text.replace("P(U) P(V)", "P(U \\mid Y) P(V \\mid Y)")
    (right,) = (b for b in check(right_text).blocks if b.kind == "display")
    assert right.verdict != "refuted", right.steps


def test_random_variables_listed_with_an_ellipsis_are_not_one_more_variable():
    # P(Y | u_1, \dots, u_m) was checked with "\dots" as one more binary variable and the naive Bayes
    # proportionality was refuted; the list is written out at m = 2 (verified, not proved: one size), a
    # dropped condition is refuted with u_1, u_2 in the counterexample, and a list with unlike ends is undecided
    prose = "Assume the features are conditionally independent given the label $Y$. Then\n\n"
    (listed,) = [b for b in check(prose + "$$P(Y \\mid u_1, \\dots, u_m) \\propto P(Y) "
                                          "\\prod_{k=1}^{m} P(u_k \\mid Y).$$").blocks if b.steps]
    assert listed.verdict == "verified" and "size m=2" in listed.steps[0].method, listed.steps
    (dropped,) = [b for b in check(prose + "$$P(Y \\mid u_1, \\dots, u_m) \\propto P(Y) "
                                           "\\prod_{k=1}^{m} P(u_k).$$").blocks if b.steps]
    assert dropped.verdict == "refuted" and "u[2]" in dropped.steps[0].counterexample, dropped.steps
    (odd,) = [b for b in check(prose + "$$P(Y \\mid u_1, \\dots, v_m) \\propto P(Y).$$").blocks if b.steps]
    assert odd.verdict == "undecided" and "ellipsis" in odd.steps[0].reason, odd.steps
    (wrong,) = [b for b in check(prose + "$$P(Y \\mid u_1, u_2) \\propto P(Y) P(u_1 \\mid Y).$$").blocks if b.steps]
    assert wrong.verdict == "refuted" and wrong.steps[0].counterexample, wrong.steps


def test_one_hot_said_of_a_vector_without_the_noun_samples_it_on_the_simplex():
    # "one-hot $y$": the softmax cross-entropy gradient p - y was refuted with y = (0, 0)
    note = ("With $p_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}$ and {} the loss $L = -\\sum_i y_i \\log p_i$ has\n\n"
            "$$\\frac{\\partial L}{\\partial z_i} = p_i - y_i$$\n")
    for said in ("one-hot $y$,", "$y$ one-hot encoded,", "the one-hot label $y$,"):
        block = check(note.replace("{}", said)).blocks[-1]
        assert block.verdict != "refuted", (said, block.steps)
    # a wrong sign is refuted at a one-hot vector y = e_c (the witness names the class c), not inside the simplex
    wrong = check(note.replace("{}", "one-hot $y$,").replace("p_i - y_i", "y_i - p_i")).blocks[-1]
    assert wrong.verdict == "refuted", wrong.steps
    witness = wrong.steps[0].counterexample
    assert "c_y=" in witness["at"] and not any(k.startswith("y[") for k in witness), witness
    # at z = 0 with N classes, p_i = 1/N, and the two sides are -(delta - 1/N) and (delta - 1/N): they differ
    assert float(witness["lhs"]) == -float(witness["rhs"]) != 0
