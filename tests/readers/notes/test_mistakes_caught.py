"""Classes of real mistakes in notes that were missed, each with a made-up note unlike the corpus block that
revealed it, the counterpart correct note that must not be refuted, and the counterexample the refutation
carries (it must satisfy the stated conditions)."""
import sympy as sp

from readers.notes.check import check_notes


def check(text):
    return check_notes(text, path="<test>", budget=5.0)


def _values(counterexample) -> dict:
    return {str(k): float(sp.Rational(v)) for k, v in counterexample.items()}


def last(text):
    return check(text).blocks[-1]


# ** a stated optimum w^\star of an objective: its first-order condition (readers.notes.optimum) **

_SHRINK = ("## Shrinkage\n\nFor a weight $c > 0$ we solve\n\n$$\\min_u \\; (u - a)^2 + c\\,u^2$$\n\n"
           "The solution is\n\n$$u^\\star = {}$$\n")


def test_a_stated_minimiser_that_is_not_stationary_is_refuted():
    block = last(_SHRINK.replace("{}", "\\frac{a}{1 - c}"))
    assert block.verdict == "refuted", block.steps
    (step,) = block.steps
    assert "stationary point" in step.method + (step.reason or "")
    assert _values(step.counterexample)["c"] > 0  # the counterexample satisfies the stated condition


def test_the_true_minimiser_is_proved():
    block = last(_SHRINK.replace("{}", "\\frac{a}{1 + c}"))
    assert block.verdict == "proved", block.steps


def test_a_minimiser_of_a_named_function_from_the_sentence():
    note = ("Take $r > 0$ and $$g(z) = r z^2 - 2 q z + 1.$$\n\nThis parabola has its minimizer at $z^* = {}$, "
            "and nowhere else.")
    assert last(note.replace("{}", "q/r")).verdict == "proved"
    assert last(note.replace("{}", "2q/r")).verdict == "refuted"


def test_a_starred_value_without_an_objective_or_optimum_words_is_left_alone():
    # a fixed point of an iteration is not a stationary point of the map
    note = "Let $$g(z) = z/3 + 2.$$\n\nIterating $z_{t+1} = g(z_t)$ converges to $z^* = 3$."
    assert all(s.verdict != "refuted" for b in check(note).blocks for s in b.steps)


def test_a_matrix_optimum_is_refuted_in_the_one_by_one_case_but_never_proved_there():
    note = ("Penalised fit, strength $\\mu > 0$:\n\n$$\\min_b \\tfrac12\\|Ab - t\\|^2 + \\tfrac{\\mu}{2}\\|b\\|^2$$\n\n"
            "$$b^\\star = {}$$\n")
    wrong = last(note.replace("{}", "(A^\\top A + 2\\mu I)^{-1} A^\\top t"))
    assert wrong.verdict == "refuted", wrong.steps
    right = last(note.replace("{}", "(A^\\top A + \\mu I)^{-1} A^\\top t"))
    assert right.verdict == "undecided" and "sizes" in right.steps[0].reason, right.steps


def test_a_constrained_objective_is_not_read_as_stationary():
    note = ("We solve\n\n$$\\min_u \\; (u - a)^2$$\n\n$$\\text{s.t. } u \\ge 0$$\n\n$$u^\\star = \\max(a, 0)$$\n")
    assert all(s.verdict != "refuted" for b in check(note).blocks for s in b.steps)
