"""A known function of a vector written out in its entries (``g(\\mathbf{v}) = \\sum_k a_k v_k`` after
``g(\\mathbf{v}) = \\mathbf{a}\\mathbf{v}``) gives the entries that later ``dg/dv_2`` differentiate; a name on the
right of such a derivative that the section already wrote (``a_2``) is a given, not a new definition."""
from readers.notes.check import check_notes

_NOTE = ("## Linear maps\n\nTake a fixed row vector $\\mathbf{a}$ and the function "
         "$g(\\mathbf{v}) = \\mathbf{a}\\mathbf{v}$.\n\nIn its entries,\n\n"
         "$$g(\\mathbf{v}) = \\sum_{k=1}^{m} a_k v_k.$$\n\nSo we obtain\n\n$$\\frac{dg}{dv_2} = {rhs}.$$\n")


def _derivative(rhs):
    report = check_notes(_NOTE.replace("{rhs}", rhs), path="<test>", budget=5.0)
    return [b for b in report.blocks if b.kind == "display"][-1]


def test_the_derivative_in_an_entry_is_confirmed():
    block = _derivative("a_2")
    assert block.role == "claim" and block.verdict in ("proved", "verified"), block.steps


def test_a_wrong_entry_is_not_confirmed():
    block = _derivative("a_1")
    assert block.role == "claim" and block.verdict not in ("proved", "verified"), block.steps
