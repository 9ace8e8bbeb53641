r"""Entry notation without derivatives (readers.notes.entry_identities) and names given a property or restated
(readers.notes.reading: ``restates``, ``is_property``).

Each note is made up here (not corpus text): the right form must be confirmed, a wrong variant of the same
class refuted or left undecided, never confirmed.
"""
from __future__ import annotations

import pytest

from readers.notes.check import check_notes
from readers.notes.entry_identities import check_entry_identities, entries_as_brackets

CONFIRMED = ("proved", "verified")


def _block(text: str, needle: str):
    report = check_notes(text)
    found = [b for b in report.blocks if needle in b.source]
    assert found, f"no block with {needle!r}"
    return found[-1]


_RIGHT_AND_WRONG = [
    # (right, wrong): one made-up relation of each kind, the wrong one a slip a student makes
    (r"(\mathbf{M}\mathbf{z})_r = \sum_s m_{rs} z_s", r"(\mathbf{M}\mathbf{z})_r = \sum_s m_{sr} z_s"),
    (r"[\mathbf{P}\mathbf{Q}]_{rt} = \sum_s p_{rs} q_{st}", r"[\mathbf{P}\mathbf{Q}]_{rt} = \sum_s p_{st} q_{rs}"),
    (r"\operatorname{tr}(\mathbf{G}) = \sum_r g_{rr}", r"\operatorname{tr}(\mathbf{G}) = \sum_r g_{r1}"),
    (r"\mathbf{p}^\top \mathbf{q} = \sum_{r=1}^{m} p_r q_r", r"\mathbf{p}^\top \mathbf{q} = \sum_{r=1}^{m} p_r q_1"),
    (r"\mathbf{p} \cdot \mathbf{q} = \sum_r p_r q_r", r"\mathbf{p} \cdot \mathbf{q} = \sum_r p_r^2"),
    (r"[\mathbf{G} - \mathbf{P}\mathbf{Q}]_{rt} = g_{rt} - \sum_s p_{rs} q_{st}",
     r"[\mathbf{G} - \mathbf{P}\mathbf{Q}]_{rt} = g_{rt} + \sum_s p_{rs} q_{st}"),
]


@pytest.mark.parametrize("right, wrong", _RIGHT_AND_WRONG)
def test_entry_identities_confirm_the_right_form_and_never_the_wrong_one(right, wrong):
    assert [r["verdict"] for r in check_entry_identities(right)] == ["verified"]
    found = check_entry_identities(wrong)
    assert found is None or all(r["verdict"] != "verified" for r in found)


def test_a_wrong_entry_identity_is_refuted_with_the_matrices_and_indices():
    found, = check_entry_identities(r"[\mathbf{P}\mathbf{Q}]_{rt} = \sum_s p_{st} q_{rs}")
    assert found["verdict"] == "refuted"
    assert {"r", "t", r"\mathbf{P}", r"\mathbf{Q}"} <= set(found["counterexample"])


def test_in_notes_an_entry_identity_is_verified_and_its_slip_refuted():
    note = ("# Products\n\nWith entries $g_{rs}$ of $\\mathbf{G}$ and $z_s$ of $\\mathbf{z}$ we have\n\n"
            "$$ (\\mathbf{G}\\mathbf{z})_r = \\sum_s ENTRY z_s. $$\n")
    right = _block(note.replace("ENTRY", "g_{rs}"), r"\sum_s")
    assert right.verdict == "verified" and "entry notation" in right.steps[0].method + right.steps[0].reason
    wrong = _block(note.replace("ENTRY", "g_{sr}"), r"\sum_s")
    assert wrong.verdict == "refuted" and wrong.steps[0].counterexample


@pytest.mark.parametrize("text", [
    r"\mathbf{p}^\top G \mathbf{p} = p_r g_{rs} p_s",  # Einstein's convention: free on one side only
    r"\mathbf{G}\mathbf{z} = g_{rs} z_s",  # a whole vector against one entry
    r"\mathbf{h}^\top \mathbf{z} = \sum_r h_r z_r + c",  # a name that is no entry
    r"\mathbf{w}_r^\top \mathbf{z} = \sum_s w_{rs} z_s",  # \mathbf{w}_r is a row, not a bold name's entry
])
def test_other_conventions_are_not_read_as_entries(text):
    found = check_entry_identities(text)
    assert found is None or all(r["verdict"] is None for r in found)


def test_a_parenthesised_bold_expression_with_an_index_is_an_entry():
    assert entries_as_brackets(r"\left(\mathbf{G}\mathbf{z}\right)_r = 1") == r"[\mathbf{G}\mathbf{z}]_r = 1"
    assert entries_as_brackets(r"f(x)_r + (\mathbf{G})_{rs}") == r"f(x)_r + [\mathbf{G}]_{rs}"


_RESTATED = """# Vectors

Writing $\\mathbf{{p}} = {identity}$, every vector is a sum of two.

$$ \\mathbf{{p}}^\\top\\mathbf{{q}} = \\sum_r p_r q_r. $$
"""


def test_a_name_restated_is_a_claim_not_an_update():
    report = check_notes(_RESTATED.format(identity=r"\mathbf{q} + (\mathbf{p} - \mathbf{q})"))
    restated, = [b for b in report.blocks if "+ (" in b.source]
    assert restated.role == "claim" and restated.verdict in CONFIRMED
    later = _block(_RESTATED.format(identity=r"\mathbf{q} + (\mathbf{p} - \mathbf{q})"), r"\sum_r")
    assert later.verdict in CONFIRMED  # p is not read as updated by the restatement


def test_a_wrong_restatement_is_not_confirmed():
    report = check_notes(_RESTATED.format(identity=r"\mathbf{q} + (\mathbf{p} + \mathbf{q})"))
    wrong, = [b for b in report.blocks if "+ (" in b.source]
    assert wrong.verdict not in CONFIRMED


def test_a_name_given_a_property_is_a_condition_not_an_update():
    note = ("# Symmetric\n\nAn orthogonal-like $\\mathbf{G}$ is equal to its transpose: $\\mathbf{G} = \\mathbf{G}^\\top$.\n\n"
            "$$ (\\mathbf{G}^\\top)^\\top = \\mathbf{G} $$\n")
    report = check_notes(note)
    stated = [b for b in report.blocks if b.source == "$\\mathbf{G} = \\mathbf{G}^\\top$"][0]
    assert stated.role == "condition" and stated.verdict is None
    later = [b for b in report.blocks if "(\\mathbf{G}^\\top)^\\top" in b.source][0]
    assert "update" not in " ".join(s.reason for s in later.steps)


def test_a_local_value_or_definition_that_restates_an_entry_fact_is_a_verified_claim():
    note = ("# Entries\n\nWith $\\mathbf{G}$ and its entries $g_{rs}$, the transpose has $LHS = [\\mathbf{G}^\\top]_{rs}$.\n\n"
            "The squared norm is\n$$\\|\\mathbf{z}\\|_2^{2} = SUM.$$\n")
    right = check_notes(note.replace("LHS", "g_{sr}").replace("SUM", r"\sum_r z_r z_r"))
    entry, norm = [b for b in right.blocks if "[\\mathbf{G}" in b.source or "\\sum_r" in b.source]
    assert entry.role == "claim" and entry.verdict == "verified"
    assert norm.role == "claim" and norm.verdict == "verified"
    wrong = check_notes(note.replace("LHS", "g_{rs}").replace("SUM", r"\sum_r z_r z_r"))
    entry = [b for b in wrong.blocks if "[\\mathbf{G}" in b.source][0]
    assert entry.verdict not in CONFIRMED


def test_a_name_given_a_property_is_not_defined_afresh_later():
    note = ("# Symmetric\n\nA symmetric $\\mathbf{G}$ is equal to its transpose: $\\mathbf{G} = \\mathbf{G}^\\top$.\n\n"
            "$$ \\mathbf{G} = \\mathbf{H}\\mathbf{H}^\\top $$\n")
    later = [b for b in check_notes(note).blocks if "\\mathbf{H}" in b.source][0]
    assert later.role != "definition"
