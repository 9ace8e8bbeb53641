r"""A held-out definition of round seven that could not be read (issue 13): parameters written with a letter subscript
($\mathrm{DPOLoss}(\pi_w, \pi_l, \rho_w, \rho_l)$) were read as index reads ``pi[l]`` in the body ("pi carries an
index but is not a parameter").  A subscript bound by a sum of the body or an output index stays an index."""
import pytest

from codegen.define import DefinitionError, build
from readers.definition import read_definitions


@pytest.mark.parametrize("latex, shapes", [
    (r"\mathrm{Pref}(\pi_w, \pi_l) = \log\left(1 + e^{\pi_l - \pi_w}\right)", {"pi_w": 0, "pi_l": 0}),
    (r"\mathrm{Mix}(a_k, w) = a_k \sum_{i=1}^{n} w_i", {"a_k": 0, "w": 1}),
])
def test_a_parameter_with_a_letter_subscript_is_a_scalar(latex, shapes):
    (f,) = build(read_definitions(f"$$ {latex} $$"))
    assert {p.name: len(p.shape) for p in f.params} == shapes
    assert {str(s) for s in f.expr.free_symbols} >= {n for n, d in shapes.items() if d == 0}


@pytest.mark.parametrize("latex, keywords", [
    # a keyword with a letter subscript no sum binds: beta_l beside beta_r, not an index read of beta
    (r"\mathrm{AGGD}(x) = -\left(\frac{|x|}{\beta_l + \beta_r}\right)^{\nu}", {"beta_l", "beta_r", "nu"}),
    (r"\mathrm{Scale}(x) = \sigma_k \sum_{i=1}^{n} x_i", {"sigma_k"}),
])
def test_a_keyword_with_a_letter_subscript_is_a_scalar(latex, keywords):
    (f,) = build(read_definitions(f"$$ {latex} $$"))
    assert {k.name for k in f.keywords} == keywords


def test_a_property_of_a_defined_function_is_no_definition_and_a_bad_head_names_its_line():
    """``\\sigma(-z) = 1 - \\sigma(z)`` after ``\\sigma`` is defined states a property (the argument is no name): codegen
    of the note failed on it ("parameter '-z' is not a name").  A first definition with such a head is an error
    that names its line."""
    note = "# t\n\n$$\\sigma(z) = \\frac{1}{1+e^{-z}}$$\n\nThen $$\\sigma(-z) = 1 - \\sigma(z).$$\n"
    assert [d.name for d in read_definitions(note)] == ["sigma"]
    with pytest.raises(DefinitionError, match="line 3: F: parameter '2x' is not a name"):
        read_definitions("# t\n\n$$\\mathrm{F}(2x) = x^2$$\n")
