r"""Classes of correct calculus claims that ``check`` left unconfirmed (issue 12, confirm38b), each with a wrong
variant that must not be confirmed:

* Taylor expansions of an arbitrary function of a vector, with its gradient and Hessian
  (:math:`f(\mathbf{x} + \boldsymbol\epsilon) = f(\mathbf{x}) + \boldsymbol\epsilon^\top \nabla f(\mathbf{x}) +
  O(\|\boldsymbol\epsilon\|^2)`, the second-order form, ``\approx``, and the mean-value form at a point
  :math:`\boldsymbol\xi` of the segment): the reader multiplied ``\nabla f(x_0)^\top (x - x_0)`` out as scalars
  ('an approximation in functions that cannot be read as arbitrary', 'matrix claim: the function f').
"""
from readers.notes.check import check_notes
from readers.notes.vector_taylor import check as vector_taylor

CONFIRMED = ("proved", "verified")


def _verdicts(text):
    return {b.line: b.verdict for b in check_notes(text, path="<test>", budget=5.0).blocks
            if b.role in ("claim", "approximation")}


VECTOR_TAYLOR = r"""# Taylor expansion in several variables

$$f(\mathbf{x} + \mathbf{\epsilon}) = f(\mathbf{x}) + \mathbf{\epsilon}^\top \nabla f(\mathbf{x}) + \frac{1}{2} \mathbf{\epsilon}^\top \nabla \nabla^\top f(\mathbf{x}) \mathbf{\epsilon} + O(\|\mathbf{\epsilon}\|^3).$$

$$f(\mathbf{x} + \mathbf{\epsilon}) = f(\mathbf{x}) + \mathbf{\epsilon}^\top \nabla f(\mathbf{x}) + \mathbf{\epsilon}^\top \nabla \nabla^\top f(\mathbf{x}) \mathbf{\epsilon} + O(\|\mathbf{\epsilon}\|^3).$$
"""


def test_a_taylor_expansion_in_a_vector_is_verified_and_a_wrong_coefficient_is_not():
    verdicts = _verdicts(VECTOR_TAYLOR)
    assert verdicts[3] == "verified", verdicts  # 'an approximation in functions that cannot be read as arbitrary'
    assert verdicts[5] not in CONFIRMED, verdicts  # the Hessian term without its 1/2


def test_the_forms_of_a_vector_taylor_expansion():
    d = r"(\mathbf{x} - \mathbf{x}_0)"
    first = r"f(\mathbf{x}) \approx f(\mathbf{x}_0) + \nabla f(\mathbf{x}_0)^\top " + d
    assert vector_taylor(first)
    assert vector_taylor(r"L(\mathbf{w} + \boldsymbol{\epsilon}) \approx L(\mathbf{w}) + \boldsymbol{\epsilon}\cdot "
                         r"\nabla_{\mathbf{w}} L(\mathbf{w}).")
    mean_value = first.replace(r"\approx", "=") + r" + \frac{1}{2} " + d + r"^T \nabla^2 f(\boldsymbol{\xi}) " + d
    assert vector_taylor(mean_value)  # for some xi on the segment: Lagrange's remainder
    assert vector_taylor(mean_value.replace(r"\frac{1}{2} ", "")) is None  # the remainder without its 1/2
    assert vector_taylor(first.replace(r"+ \nabla", r"- \nabla")) is None  # the gradient term's sign
    # the second-order polynomial is no identity for an arbitrary f (it is for a quadratic: the notes must say so)
    assert vector_taylor(mean_value.replace(r"\boldsymbol{\xi}", r"\mathbf{x}_0")) is None
