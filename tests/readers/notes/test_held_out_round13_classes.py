"""Classes of mistakes the corpus scorer listed as missed at round 13 (and of false alarms found on the way), each
with a hand-written example unlike the corpus block that revealed it: the wrong block is refuted with a
counterexample inside the stated conditions, and its correct twin is not."""

import pytest
import sympy

from readers.notes.check import check_notes

CASES = {
    # sum_{l=1}^{k} beside sum_{i=1}^{d}: k (an index letter) sizes its sum as d does; with d beside it the sum over
    # l was left unexpanded ("an index without a range"), so the free j of a slip went unseen
    "index_letter_bound": (
        ("# Factors\n\n$$\\sum_{i=1}^d \\sum_{l=1}^k a_{i,l} a_{j,l} y_i^2 = \\sum_{i=1}^d \\sum_{l=1}^k a_{i,l}^2 y_i^2$$"
        "\n\n$$\\sum_{i=1}^d \\sum_{l=1}^k a_{i,l} a_{i,l} y_i^2 = \\sum_{i=1}^d \\sum_{l=1}^k a_{i,l}^2 y_i^2$$\n"),
        ["refuted", "proved"]),  # the second is an identity in its names as written (readers.notes.written_identities)
    # u_{t+1} after u_t = ...: the definition one step on (it was a free name, and the correct claim refuted)
    "shifted_member": (
        ("# Residuals\n\n$$u_t = c_t + \\lambda w_{t+1} - w_t$$\n\n"
        "$$u_t + \\lambda u_{t+1} = c_t + \\lambda c_{t+1} + \\lambda^2 w_{t+2} - w_t$$\n\n"
        "$$u_t + \\lambda u_{t+1} = c_t + \\lambda c_{t+1} + \\lambda w_{t+2} - w_t$$\n"),
        [None, "proved", "refuted"]),
    # a name subscripted by the sum's own index is one value per term: read as a constant the sum was misread and
    # a correct claim refuted
    "summed_subscript": (
        "# Returns\n\n$$\\sum_{m=0}^{1} \\beta^m c_{t+m} = c_t + \\beta c_{t+1}$$\n",
        ["undecided"]),
    # an equation in the values of functions the notes leave arbitrary (h on both sides, after f's definition):
    # refuted for every function, the counterexample naming the values; a claim that h is constant (no value on
    # both sides: a property of one function) is not, nor is a log f(x) = ... in a later section with no words that
    # take the logarithm of the f above (it defines a new f by its logarithm, as notes do for another density)
    "every_function": (
        ("# Family\n\n$$f(x) = h(x) g(\\theta) \\exp(\\theta T(x))$$\n\n# Logarithm\n\nTaking the logarithm,\n\n"
         "$$\\log f(x) = \\log h(x) \\cdot \\theta \\cdot T(x)$$\n\n$$h(x) - h(y) = 0$$\n\n# Another\n\n"
         "$$\\log f(x) = x$$\n"),
        [None, "refuted", "not refuted", "not refuted"]),
    # \\|v\\|_2 after v is written entry by entry: the square root of the sum of squares (it was |v|, a number beside
    # its own entries); another norm (\\|v\\|_1) is not read so
    "entry_norm": (
        ("# Norm\n\n$$v = \\begin{bmatrix} v_1 \\\\ v_2 \\\\ \\cdots \\\\ v_m \\end{bmatrix}$$\n\n"
         "$$\\|v\\|_2 = v_1^2 + v_2^2 + \\cdots + v_m^2$$\n\n$$\\|v\\|_2 = \\sqrt{v_1^2 + v_2^2 + \\cdots + v_m^2}$$"
         "\n\n$$\\|v\\|_1 = v_1^2 + v_2^2 + \\cdots + v_m^2$$\n"),
        [None, "refuted", "verified", "not refuted"]),
    # a cases environment listing relations (no & condition) is a list of claims, not an unparsed piecewise
    "case_list": (
        "# Partials\n\n$$\\begin{cases} \\frac{d(a^2 + b^2)}{da} = 2a \\\\ \\frac{d(a^2 + b^2)}{db} = b \\end{cases}$$\n",
        ["refuted"]),
    # a claim on names with no stated domain is refuted only if it fails where they are positive and in (0, 1) too:
    # a failure at 1/2 shows both at once, so the counterexample satisfies the implicit conditions (the narrower
    # checks sampled both domains, and for a Gaussian integral they ran out of budget; the point was a = b = 1)
    "inside_implicit_domain": (
        "# Square\n\n$$(a + b)^2 = a^2 + b^2 + a b$$\n",
        ["refuted"]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_round13_class(name):
    text, expected = CASES[name]
    blocks = [b for b in check_notes(text, path="<test>", budget=5.0).blocks if b.kind == "display"]
    verdicts = [b.verdict for b in blocks]
    for block, verdict, want in zip(blocks, verdicts, expected):
        if want == "not refuted":
            assert verdict != "refuted", (name, block.line, verdict)
        else:
            assert verdict == want, (name, block.line, verdict, [s.reason for s in block.steps])
        if want == "refuted":
            point = next(s.counterexample for s in block.steps if s.counterexample)
            assert point, name
            if name == "every_function":  # the function values it used are named
                assert {"h(x)", "g(theta)"} <= set(point), point
            if name == "inside_implicit_domain":
                assert all(0 < float(sympy.Rational(point[n])) < 1 for n in ("a", "b")), point
    assert len(verdicts) == len(expected)
