r"""A derivative evaluated at a point (``\frac{du}{dx}(x)``) makes its letter a function in the whole note, so
``u(0)`` is ``u`` at 0 and never ``u \cdot 0`` (readers.notes.reading.defined_functions)."""
from readers.notes.check import check_notes
from readers.notes.reading import defined_functions

_NOTE = (r"## Change of variables" "\n\n"
         r"We know that $u(x+\epsilon) \approx u(x) + \epsilon \frac{du}{dx}(x)$, so" "\n\n"
         r"$$\int_{u(0)}^{u(x)} g(y) \; dy = \int_0^x g(u(y))\cdot \frac{du}{dy} \;dy.$$" "\n")


def test_a_derivative_at_a_point_names_a_function():
    assert "u" in defined_functions(r"$\frac{du}{dx}(x)$")
    assert "F" in defined_functions(r"$\frac{dF}{du}(u(y))$")


def test_a_derivative_times_a_factor_names_no_function():
    assert "y" not in defined_functions(r"$\frac{dy}{dx} (2x + 1)$")  # a space: a product with a factor


def test_the_limits_of_an_integral_apply_the_function():
    block = check_notes(_NOTE, path="<test>", budget=1.0).blocks[-1]  # the reading is the point; no budget refutes
    assert "u(0)" in block.parsed_form[0] and "u(x)" in block.parsed_form[0], block.parsed_form
    assert block.verdict != "refuted"
