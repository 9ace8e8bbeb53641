r"""The gradient of a function the notes define, in the variables its body is written in
(readers.notes.gradients), and a definition that binds again a name an update assigned
(readers.notes.parameters_rebound).

By hand: f(x) = x^2/2 has f'(x) = x; \nabla f(\mathbf{w}) of a function of one argument is its gradient in it; f(x) = x_1^2 + 2 x_2^2 has gradient (2 x_1, 4 x_2)^T, so (2 x_1, 2 x_2)^T
differs wherever x_2 != 0 and 2x differs from x wherever x != 0."""
import pytest

from readers.notes.check import check_notes

BUDGET = 30.0
"""Seconds per claim: far above the second or so these take."""

UPDATE = r"We iterate $$x \leftarrow x - \eta f'(x)$$ until it converges. "
VECTOR_UPDATE = r"We iterate $$\mathbf{x} \leftarrow \mathbf{x} - \eta \nabla f(\mathbf{x})$$ until it converges. "
RIDGE = ("The objective is\n\n" r"$$f(\mathbf{w}) = \frac{1}{2}\|\mathbf{y} - \mathbf{X}\mathbf{w}\|^2_2 + "
         r"\frac{\lambda}{2}\|\mathbf{w}\|^2_2,$$ where $\mathbf{X}$ is the design matrix, $\mathbf{y}$ is the "
         r"response vector, $\mathbf{w}$ is the weight vector. The gradient is given by:" "\n\n")
CASES = [
    (UPDATE + r"For $f(x) = \frac{1}{2} x^2$ we have $\nabla f(x) = x$.", "proved"),
    (UPDATE + r"For $f(x) = \frac{1}{2} x^2$ we have $\nabla f(x) = 2x$.", "refuted"),
    (VECTOR_UPDATE + r"Take $f(\mathbf{x})=x_1^2+2x_2^2$. The gradient is given by "
                     r"$\nabla f(\mathbf{x}) = [2x_1, 4x_2]^\top$.", "proved"),
    (r"Take $f(\mathbf{x})=x_1^2+2x_2^2$. The gradient is given by $\nabla f(\mathbf{x}) = [2x_1, 2x_2]^\top$.",
     "refuted"),
    # ridge: the gradient of ||y - Xw||^2/2 + lambda ||w||^2/2 in w is -X^T (y - Xw) + lambda w (by hand)
    (RIDGE + r"$$\nabla f(\mathbf{w}) = -\mathbf{X}^\top(\mathbf{y} - \mathbf{X}\mathbf{w}) + \lambda\mathbf{w}.$$",
     "verified"),
    (RIDGE + r"$$\nabla f(\mathbf{w}) = \mathbf{X}^\top(\mathbf{y} - \mathbf{X}\mathbf{w}) + \lambda\mathbf{w}.$$",
     "refuted"),
]


@pytest.mark.parametrize("text, verdict", CASES)
def test_the_gradient_of_a_defined_function_is_computed(text, verdict):
    steps = [s for b in check_notes(text, budget=BUDGET).blocks for s in b.steps]
    [s] = [s for s in steps if "nabla" in s.lhs]
    assert s.verdict == verdict, s.reason
    if verdict == "refuted":
        assert s.counterexample
