"""The domain a note states in the prose next to a definition (``readers.domain``)."""
from readers.definition import read_definitions
from readers.domain import read_domain


def test_chains_of_one_name_and_numbers_are_bounds():
    got = dict((b[0], b[1:]) for b in read_domain([r"0 \le y \le 1", r"\gamma \ge 0", r"0 < \alpha < 1", r"w_i > 0",
                                                   r"1 > x > -2", r"\beta_1 \leq 0.5"]))
    assert got == {"y": (0.0, False, 1.0, False), "gamma": (0.0, False, None, False),
                   "alpha": (0.0, True, 1.0, True), "w": (0.0, True, None, False), "x": (-2.0, True, 1.0, True),
                   "beta_1": (None, False, 0.5, False)}


def test_other_inline_math_is_not_a_domain():
    assert read_domain([r"y", r"a < b", r"x^2 > 0", r"0 < x > 1", r"\sigma(x) = 1/(1 + e^{-x})", r"n"]) == ()


def test_the_prose_before_a_definition_bounds_it_and_not_the_next():
    note = ("A logit $z$ against a label $0 \\le y \\le 1$.\n\n$$ \\mathrm{A}(z, y) = y z $$\n\n"
            "No bounds here for $y$.\n\n$$ \\mathrm{B}(z, y) = y z $$\n")
    a, b = read_definitions(note)
    assert a.domain == (("y", 0.0, False, 1.0, False),) and b.domain == ()


def test_a_heading_ends_the_sentence_of_the_definition_before_it():
    # "### Log-normal NLL\n\nFor $x > 0$ ..." under the next heading bounds the next definition: it bounded the
    # soft threshold before it (sampled at x > 0 only) and left the log-normal NLL unbounded (log of negative x)
    note = ("### Soft threshold\n\n$$ \\mathrm{A}(x) = \\max(|x| - 1, 0) $$\n\n"
            "### Log-normal NLL\n\nFor $x > 0$ and $s > 0$.\n\n$$ \\mathrm{B}(x, s) = \\log x + \\log s $$\n")
    a, b = read_definitions(note)
    assert a.domain == () and b.domain == (("x", 0.0, True, None, False), ("s", 0.0, True, None, False))


def test_intervals_are_bounds():
    got = dict((b[0], b[1:]) for b in read_domain([r"x \in (0, 1)", r"p \in \left[0, 1\right)", r"t \in (0, \infty)",
                                                   r"s \in [2, 1]"]))
    assert got == {"x": (0.0, True, 1.0, True), "p": (0.0, False, 1.0, True), "t": (0.0, True, None, False)}


def test_a_domain_stated_in_the_block_or_right_after_it():
    note = ("$$ \\mathrm{LogBarrier}(x) = -\\log x \\quad \\text{for } x > 0 $$\n\n"
            "$$ \\mathrm{Odds}(p) = \\frac{p}{1 - p}, \\; p \\in (0, 1) $$\n\n"
            "$$ \\mathrm{Scaled}(z, c) = \\max(z, 0) c $$\n\nwhere $c > 2$ and $z \\le 10$. Then, for $y > 1$:\n\n"
            "$$ \\mathrm{Plain}(y) = y \\begin{cases} 1 & y > 0 \\\\ 0 & \\text{otherwise} \\end{cases} $$\n")
    barrier, odds, scaled, plain = read_definitions(note)
    assert barrier.domain == (("x", 0.0, True, None, False),) and str(barrier.body) == "-log(x)"
    assert odds.domain == (("p", 0.0, True, 1.0, True),)
    assert scaled.domain == (("c", 2.0, True, None, False), ("z", None, False, 10.0, False))
    assert plain.domain == (("y", 1.0, True, None, False),)  # the sentence ending in a colon introduces the next block


def test_a_domain_after_an_ascii_definition():
    import pytest

    from codegen.define import DefinitionError
    from readers.definition import read_ascii_definition

    d = read_ascii_definition("barrier(x, p) = -p*log(x) for x > 0, p in [0, 1)")
    assert d.domain == (("x", 0.0, True, None, False), ("p", 0.0, False, 1.0, True)) and str(d.body) == "-p*log(x)"
    for wrong in ("f(x) = log(x) for z > 0", "f(x) = log(x) for x + 1 > 0"):
        with pytest.raises(DefinitionError):
            read_ascii_definition(wrong)


def test_chains_of_two_names_are_relations_and_bound_each_name():
    from readers.domain_relations import read_relations

    bounds, rel = read_relations([r"0 < k < n", r"x > \mu", r"n > k \ge 0", r"0 \le t \le T", r"a < b < 1",
                                  r"a_i \leq b", r"x > 0", r"y = a < b", r"k < k"])
    assert rel == (("k", "n", True), ("mu", "x", True), ("k", "n", True), ("t", "T", False), ("a", "b", True),
                   ("a", "b", False))
    assert bounds == (("k", 0.0, True, None, False), ("n", 0.0, True, None, False),
                      ("k", 0.0, False, None, False), ("n", 0.0, True, None, False),
                      ("t", 0.0, False, None, False), ("T", 0.0, False, None, False),
                      ("a", None, False, 1.0, True), ("b", None, False, 1.0, True))


def test_a_definition_keeps_the_relations_its_prose_states():
    note = ("For real $n > 0$ and $0 < k < n$.\n\n$$ \\mathrm{A}(n, k) = \\log(n - k) $$\n\n"
            "$$ \\mathrm{B}(x) = \\log(x - \\mu) $$\n\nwhere $x > \\mu$.\n")
    a, b = read_definitions(note)
    assert a.domain == (("n", 0.0, True, None, False), ("k", 0.0, True, None, False))
    assert a.relations == (("k", "n", True),)
    assert b.domain == () and b.relations == (("mu", "x", True),)
