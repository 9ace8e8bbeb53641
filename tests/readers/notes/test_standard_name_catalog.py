"""A standard name defined in notes is compared with the catalog record it means, through its own argument
names, and only where the block defines the function (not a value of it at particular arguments)."""
from readers.notes.check import check_notes


def blocks(text):
    return check_notes(text, path="<test>", budget=5.0).blocks


def test_the_sigmoid_with_another_argument_name_agrees_with_the_sigmoid_not_the_softmax():
    # the softmax record's output is also named sigma: it is not what "the sigmoid" means
    (block,) = blocks("The sigmoid is $\\sigma(z) = \\frac{1}{1 + e^{-z}}$.")
    assert block.verdict == "proved", block.steps
    assert block.catalog_id == "sigmoid"


def test_a_wrong_sigmoid_with_another_argument_name_is_refuted_at_a_point_where_it_differs():
    (block,) = blocks("The sigmoid is $\\sigma(t) = \\frac{1}{1 + e^{t}}$.")
    assert block.verdict == "refuted"
    witness = block.catalog_counterexample
    notes, record = float(witness["notes"]), float(witness["sigmoid"])
    assert abs(notes - record) > 0.1  # 1/(1+e^t) and 1/(1+e^-t) differ by tanh(t/2) at every t != 0


def test_a_kl_divergence_at_particular_arguments_is_not_compared_with_the_general_formula():
    text = ("For $0 < a < 1$ the divergence of a distribution from itself is zero:\n\n"
            "$$D_{\\mathrm{KL}}(\\mathrm{Ber}(a)\\,\\|\\,\\mathrm{Ber}(a)) = 0$$\n")
    assert all(b.verdict != "refuted" for b in blocks(text))
