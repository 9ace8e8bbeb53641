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
