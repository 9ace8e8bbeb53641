"""A letter applied to an expression of itself (``n(n-1)``, ``2x(y - wx)``) is a factor: the refuted step is not
made ambiguous by reading the letter as a function."""
from fractions import Fraction

from readers.notes.check import check_notes


def last(text):
    return check_notes(text, path="<test>", budget=5.0).blocks[-1]


def test_an_off_by_one_closed_form_of_a_sum_is_refuted_with_its_size():
    block = last("$$\\sum_{i=1}^{n} i = \\frac{n(n-1)}{2}$$")
    assert block.verdict == "refuted", block.steps
    (step,) = block.steps
    n = int(step.counterexample["at"].split("=")[1])
    assert n * (n + 1) // 2 != n * (n - 1) // 2  # true for every n >= 1: the witness is a real failure


def test_the_right_closed_form_of_the_sum_is_not_refuted():
    assert last("$$\\sum_{i=1}^{n} i = \\frac{n(n+1)}{2}$$").verdict in ("proved", "verified")


def test_a_gradient_with_the_inner_sign_lost_is_refuted():
    block = last("For one example, $$\\frac{d}{dw}(y - w x)^2 = 2x(y - w x)$$")
    assert block.verdict == "refuted", block.steps
    values = {k: float(Fraction(v.replace("(rounded)", "").strip())) for k, v in block.steps[0].counterexample.items()
              if k in ("w", "x", "y")}
    w, x, y = values["w"], values["x"], values["y"]
    assert abs(-2 * x * (y - w * x) - 2 * x * (y - w * x)) > 1e-6  # the two sides differ at the witness


def test_the_right_gradient_is_proved():
    assert last("$$\\frac{d}{dw}(y - w x)^2 = -2x(y - w x)$$").verdict == "proved"


def test_a_letter_applied_to_other_names_still_gets_its_function_reading():
    # g(x) is a function the notes never define: the claim is not refuted as a product g*x
    assert last("$$g(x) + g(x) = 2g(x)$$").verdict != "refuted"
    assert last("$$f(x + y) = f(x) + f(y)$$").verdict != "refuted"


def test_a_letter_multiplying_other_names_in_the_block_is_a_factor_before_a_bracket():
    # \eta\lambda and \eta g: eta is a value, so \eta(g + \lambda w) is eta times the bracket; the sign of the
    # weight-decay term is wrong (w - eta g - eta lambda w = (1 - eta lambda) w - eta g)
    block = last("$$w - \\eta(g + \\lambda w) = (1 + \\eta\\lambda) w - \\eta g$$")
    assert block.verdict == "refuted", block.steps
    v = {k: float(Fraction(str(x).replace("(rounded)", "").strip())) for k, x in block.steps[0].counterexample.items()
         if k in ("eta", "g", "lambda", "w")}
    lhs = v["w"] - v["eta"] * (v["g"] + v["lambda"] * v["w"])
    rhs = (1 + v["eta"] * v["lambda"]) * v["w"] - v["eta"] * v["g"]
    assert abs(lhs - rhs) > 1e-9 * max(1.0, abs(lhs))  # a real failure at the witness (2 eta lambda w apart)


def test_the_right_weight_decay_step_is_proved():
    assert last("$$w - \\eta(g + \\lambda w) = (1 - \\eta\\lambda) w - \\eta g$$").verdict == "proved"


def test_a_letter_only_ever_applied_keeps_its_function_reading():
    # h is never a factor here: h(a + b) may be a function the notes leave arbitrary
    assert last("$$h(a + b) = h(a) + h(b)$$").verdict != "refuted"
    assert last("$$\\phi(a + b) = \\phi(a)\\,\\phi(b)$$").verdict != "refuted"


def test_a_subscripted_name_that_also_stands_alone_is_a_factor_before_a_bracket():
    # d/dw tanh(w h + b) = h (1 - tanh^2(w h + b)) by the chain rule, with h written h_{prev}
    block = last(r"$$\frac{\partial}{\partial w}\tanh(w h_{prev} + b) = h_{prev}\left(1 - \tanh^2(w h_{prev} + b)\right)$$")
    assert block.verdict in ("proved", "verified"), block.steps
