r"""A known function mentioned by name alone in prose (``the activation $\tanh$``) is read as that name: no claim,
and not a parse error; an unknown command alone is still unparsed, with its error."""
from readers.notes.check import check_notes

NOTE = ("The activations $\\tanh$, $\\operatorname{softmax}$ and $\\max$ are common, "
        "and $\\lessapprox$ is not a function.\n")


def test_a_function_named_alone_is_no_claim_and_an_unknown_command_stays_an_error():
    roles = [(b.role, b.parsed) for b in check_notes(NOTE, path="<test>", budget=5.0).blocks]
    assert roles == [("no claim", True)] * 3 + [("unparsed", False)], roles
