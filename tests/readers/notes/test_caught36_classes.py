r"""Classes of real mistakes read past (and of correct claims refuted) until round 36 (issue 12), one case each, with
the correct twins that must not be refuted.  Each refuted case was undecided on main (4200535), and each twin marked
"was refuted" was refuted there.  The counterexamples are checked here with NumPy (float64; the sides differ by far
more than rounding)."""

import numpy as np
import pytest

from tests.readers.notes.checked import checked_blocks

HOLDS = "not refuted"
"""A correct twin checked numerically: verified on a quiet machine, undecided when the budget runs out under load,
never refuted."""

SOFTMAX = "## S\n\nLet\n\n$$\n\\pi_a = \\frac{e^{\\theta_a}}{\\sum_{c=1}^{K} e^{\\theta_c}}.\n$$\n\n"
ENTROPY = "The entropy $H = -\\sum_{a=1}^{K} \\pi_a \\log \\pi_a$ has\n\n"

CASES = {
    # planted_mistakes_10 107: "a nonzero gradient $g$" stated g != 0 in words before the name, which only the words
    # after a name were read for; with g's domain left implicit eta g/sqrt(g^2) = eta held "where g > 0" (undecided).
    # The twin after "a positive gradient $g$" holds, and "a negative $n$" (a negative sample, as in a triplet loss)
    # bounds nothing: sqrt(n^2) = n stays "holds where n > 0", not refuted at a negative n
    "sign word before the name": (
        ("## A\n\nFor a nonzero gradient $g$ and a learning rate $\\eta > 0$,\n\n$$\\frac{\\eta g}{\\sqrt{g^2}} = "
         "\\eta.$$\n\n## B\n\nFor a positive gradient $g$ and a learning rate $\\eta > 0$,\n\n$$\\frac{\\eta g}"
         "{\\sqrt{g^2}} = \\eta.$$\n\n## C\n\nWith an anchor $a$ and a negative $n$,\n\n$$\\sqrt{n^2} = n.$$\n"),
        ["refuted", HOLDS, "undecided"]),
    # planted_mistakes_4 193: H = -sum_a pi_a log pi_a holds the entries pi[a], which the family definition pi_a =
    # ... never reached, and theta_b was a name apart from theta[c] ("not given as a function of theta_b"); the
    # correct twin d pi_a/d theta_a = pi_a (1 - pi_a) was refuted at theta_a = theta[1] = theta[2] = 1 (was refuted)
    "entries named apart from their array": (
        (SOFTMAX + "Then\n\n$$\\frac{\\partial \\pi_a}{\\partial \\theta_a} = \\pi_a(1 - \\pi_a)$$\n\nand\n\n"
         "$$\\sum_{a=1}^{K} \\pi_a = 1.$$\n\n" + ENTROPY
         + "$$\\frac{\\partial H}{\\partial \\theta_b} = -\\pi_b\\left(\\log \\pi_b - H\\right).$$\n\n"
         "$$\\frac{\\partial H}{\\partial \\theta_b} = -\\pi_b\\left(\\log \\pi_b + H\\right).$$\n"),
        [HOLDS, HOLDS, "refuted", HOLDS]),
    # a correct closed form of an update in its own chain was refuted with x^{(k)} and x^{(0)} as independent values
    # (was refuted); the iterates are steps of one sequence, so such a failure refutes nothing.  Labels that are all
    # numbers name samples, not steps: adversarial_round8 153's wrong mean of x^{(1)} = 2 and x^{(2)} = 6 stays refuted
    "iterates at two steps": (
        ("## G\n\nThe iterations break apart:\n\n$$\n\\begin{aligned}\nx_{i}^{k+1} & =x_{i}^{k}-\\alpha \\lambda_i"
         "x_{i}^{k} \\\\\n &= (1-\\alpha\\lambda_i)x^k_i=(1-\\alpha \\lambda_i)^{k+1}x^0_i\n\\end{aligned}\n$$\n\n"
         "## T\n\nTwo samples $x^{(1)} = 2$ and $x^{(2)} = 6$ have the mean\n\n$$\\frac{x^{(1)} + x^{(2)}}{2} = 3$$\n"),
        [HOLDS, "refuted"]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_round36_class(name):
    text, expected = CASES[name]
    blocks = checked_blocks(text)
    got = [HOLDS if e == HOLDS and b.verdict != "refuted" else b.verdict for b, e in zip(blocks, expected)]
    assert got == expected, [(b.verdict, [s.reason for s in b.steps]) for b in blocks]
    for b in blocks:
        if b.verdict == "refuted":
            assert any(s.counterexample for s in b.steps)


def test_the_entropy_counterexample_is_a_logit_vector_where_the_sides_differ():
    """The refutation of dH/d theta_b = -pi_b (log pi_b - H) gives the whole logit vector, its size and b; NumPy
    recomputes the gradient by central differences (step 1e-6: error about 1e-10) and the right side there."""
    block = checked_blocks(CASES["entries named apart from their array"][0])[2]
    cx = next(s.counterexample for s in block.steps if s.verdict == "refuted")
    at = dict(part.strip().split("=") for part in cx["at"].split(","))  # "K=2, b=1"
    theta = np.array([float(cx[f"theta[{j}]"]) for j in range(1, int(at["K"]) + 1)])
    b = int(at["b"]) - 1

    def entropy(t):
        p = np.exp(t - t.max()) / np.exp(t - t.max()).sum()
        return -(p * np.log(p)).sum()

    step = np.zeros_like(theta)
    step[b] = 1e-6
    gradient = (entropy(theta + step) - entropy(theta - step)) / 2e-6
    p = np.exp(theta) / np.exp(theta).sum()
    assert abs(gradient - (-p[b] * (np.log(p[b]) - entropy(theta)))) > 1e-3
