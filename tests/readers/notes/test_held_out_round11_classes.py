"""Classes of wrong verdicts found on the held-out tests/corpus/notes/planted_mistakes_3.md (round 11) and on the
mistakes the corpus scorer listed as missed, each with a hand-written example unlike the corpus block that revealed
it, and a wrong block the fix refutes with a counterexample inside the stated conditions."""

from readers.notes.check import check_notes


def _blocks(text):
    return check_notes(text, path="<test>", budget=5.0).blocks


def _verdicts(text):
    """The verdicts of the blocks with a verdict of their own (checked steps or a refutation)."""
    return [b.verdict for b in _blocks(text) if b.steps or b.verdict == "refuted"]


def test_membership_in_an_interval_is_a_condition_and_bounds_the_counterexample():
    r"""``p \in (0, 1)`` is 0 < p < 1: the refutation of a wrong derivative was at p = 2 (outside the stated
    interval), and ``[0, 1]``, ``(0, 1]`` keep their closed ends (an open reading would verify t(1 - t) > 0)."""
    text = ("# Entropy term\n\nLet $p \\in (0, 1)$ be a probability.\n\n"
            "$$\\frac{d}{dp}\\left(-p\\log p\\right) = \\log p + 1$$\n\n"
            "# Ends\n\nFor $t \\in [0, 1]$,\n\n$$t(1-t) > 0$$\n\n"
            "# Half-open\n\nFor $q \\in (0, 1]$,\n\n$$q^2 \\le q$$\n")
    blocks = _blocks(text)
    conditions = [b for b in blocks if b.role == "condition"]
    assert len(conditions) == 3
    wrong, ends, half = [b for b in blocks if b.steps]
    assert wrong.verdict == "refuted"
    point = next(s.counterexample for s in wrong.steps if s.counterexample)
    assert 0 < float(point["p"]) < 1
    assert ends.verdict not in ("proved", "verified")
    assert half.verdict in ("proved", "verified")


def test_a_numbered_name_is_an_element_of_the_array_the_section_sums_over():
    r"""``a_0`` and ``q_0`` after ``J = -\log(e^{a_0}/\sum_{i=0}^{M} e^{a_i})`` and ``q_j = \dots``: the element
    a[0] and q at j = 0 (the derivative was "not given as a function of a_0", q_0 an unknown), counted from 0 as the
    sums are (shifted as 1-based they asked for a[-1]); a prose condition on the index (``j \ge 1``) holds for the
    index of the claim (it was lost, and the claim refuted at j = 0)."""
    text = ("# Contrastive\n\nScores $a_0, \\dots, a_M$ and the loss\n\n"
            "$$J = -\\log\\frac{e^{a_0}}{\\sum_{i=0}^{M} e^{a_i}}.$$\n\n"
            "Write $q_j = \\frac{e^{a_j}}{\\sum_{k=0}^{M} e^{a_k}}$. Then\n\n"
            "$$\\frac{\\partial J}{\\partial a_0} = q_0 - 1$$\n\nbut not\n\n"
            "$$\\frac{\\partial J}{\\partial a_0} = 1 - q_0$$\n\nand for the others, $j \\ge 1$,\n\n"
            "$$\\frac{\\partial J}{\\partial a_j} = q_j.$$\n")
    blocks = [b for b in _blocks(text) if b.steps]
    assert [b.verdict for b in blocks] == ["verified", "refuted", "verified"]
    point = next(s.counterexample for s in blocks[1].steps if s.counterexample)
    assert "a[0]" in point


def test_an_instance_of_a_family_and_its_data_are_elements_of_one_array():
    r"""``z_1 - z_2`` after ``z_i = w x_i + b``: z[1] - z[2] in the data x[1], x[2] that ``x_1``, ``x_2`` name (they
    shared no name before), and a recurrence ``h_t = a h_{t-1} + x_t`` is not instanced (``h_1`` stays its step)."""
    text = ("# Affine\n\nLet $z_i = w x_i + b$. Then\n\n$$z_1 - z_2 = w\\,(x_1 - x_2)$$\n\n"
            "# Recurrence\n\n$$h_t = a\\,h_{t-1} + x_t.$$\n\nThen $h_1 = a h_0 + x_1$.\n")
    assert _verdicts(text) == ["proved", "undecided"]


def test_a_bound_written_in_the_block_is_a_stated_domain():
    r"""``x^2 < x \quad \text{for } x \in [0, 1]`` fails at the ends of the interval the block states: it was
    'undecided (holds where x in (0, 1), the notes leave the domain implicit)'; without a stated bound that reading
    stays (``y^2 < y`` for a name the notes give no domain)."""
    text = "# Squares\n\n$$x^2 < x \\quad \\text{for } x \\in [0, 1]$$\n\n$$y^2 < y$$\n"
    blocks = [b for b in _blocks(text) if b.steps]
    assert [b.verdict for b in blocks] == ["refuted", "undecided"]
    point = next(s.counterexample for s in blocks[0].steps if s.counterexample)
    assert 0 <= float(point["x"]) <= 1
    assert "holds where" in blocks[1].steps[0].reason


def test_a_run_with_an_ellipsis_is_the_sum_of_its_term():
    r"""``x_1 + x_2 + \cdots + x_n`` is :math:`\sum_{i=1}^n x_i` (the claim was 'undecided: the formula contains an
    ellipsis'): the square of a sum is not the sum of squares (refuted at n = 2 inside n >= 2, the terms listed),
    a norm is not its square; the mean's identity holds with the ``n`` of ``n\bar{x}`` the run's ``n``; beside the letter alone (``\|v\|_2``, the vector of those entries) the
    run is not read (v and its entries set apart refuted a correct norm in hadrienj_norms_notes.md)."""
    text = ("# Runs\n\nLet $x_1, \\dots, x_n$ be numbers with mean $\\bar{x} = \\frac{1}{n}\\sum_{i=1}^{n} x_i$.\n\n"
            "$$x_1 + x_2 + \\cdots + x_n = n\\bar{x}$$\n\n"
            "$$(x_1 + x_2 + \\cdots + x_n)^2 = x_1^2 + x_2^2 + \\cdots + x_n^2$$\n\n"
            "$$\\sqrt{u_1^2 + \\cdots + u_n^2} = u_1^2+u_2^2+\\cdots+u_n^2$$\n\n"
            "$$\\|v\\|_2 = \\sqrt{v_1^2 + v_2^2 + \\cdots + v_n^2}$$\n")
    blocks = [b for b in _blocks(text) if b.steps]
    assert blocks[0].verdict in ("proved", "verified")  # proved since the n of the mean's sum and the claim are one
    assert [b.verdict for b in blocks[1:]] == ["refuted", "refuted", "undecided"]
    for b in (blocks[1], blocks[2]):
        point = next(s.counterexample for s in b.steps if s.counterexample)
        assert int(point["at"].split("=")[1]) >= 2
