r"""Unrolled recurrences (readers.notes.recurrences): claims about the steps of a recurrence the notes state.

Made-up notes (not corpus text): the unrolled form of a recurrence is confirmed, a wrong variant of it is left
undecided with the step where it differs, never confirmed; a closed form that needs the first step is confirmed only
where the notes give that step.
"""
from __future__ import annotations

import pytest

from readers.latex.parse import parse_block
from readers.notes.check import check_notes
from readers.notes.recurrences import check_unrolled, reaches_back, recurrence, subscript

CONFIRMED = ("proved", "verified")

_NOTE = """# Averages

A leaky average of the gradients is
$$\\mathbf{h}_t = \\gamma \\mathbf{h}_{t-1} + \\mathbf{q}_{t}$$
for some $\\gamma$. Expanding it once more we have
$$ \\mathbf{h}_t = UNROLLED $$
STARTand so
$$ \\mathbf{h}_t = CLOSED $$
"""


def _blocks(unrolled, closed, start=""):
    text = _NOTE.replace("UNROLLED", unrolled).replace("CLOSED", closed).replace("START", start)
    report = check_notes(text)
    return [b for b in report.blocks if b.kind == "display"][1:]


def test_an_unrolled_recurrence_is_verified_and_a_wrong_weight_is_not():
    right, _ = _blocks(r"\gamma^2 \mathbf{h}_{t-2} + \gamma \mathbf{q}_{t-1} + \mathbf{q}_{t}", r"\mathbf{h}_t")
    assert right.verdict == "verified" and "unrolled" in right.steps[0].method
    wrong, _ = _blocks(r"\gamma^2 \mathbf{h}_{t-2} + \mathbf{q}_{t-1} + \mathbf{q}_{t}", r"\mathbf{h}_t")
    assert wrong.verdict == "undecided" and "t = 3" in wrong.steps[0].reason


def test_a_closed_form_is_verified_only_where_the_first_step_is_given():
    closed = r"\sum_{s=0}^{t-1} \gamma^{s} \mathbf{q}_{t-s}"
    unrolled = r"\gamma \mathbf{h}_{t-1} + \mathbf{q}_{t}"
    _, given = _blocks(unrolled, closed, "from $\\mathbf{h}_0 = 0$\n")
    assert given.verdict == "verified"
    _, silent = _blocks(unrolled, closed)
    assert silent.verdict == "undecided" and silent.steps[0].reason.startswith("holds where")
    _, wrong = _blocks(unrolled, r"\sum_{s=0}^{t} \gamma^{s} \mathbf{q}_{t-s}", "from $\\mathbf{h}_0 = 0$\n")
    assert wrong.verdict not in CONFIRMED


def test_a_geometric_decay_from_a_recurrence_one_step_ahead():
    rows = lambda t: parse_block(t).rows[0].chain.exprs  # noqa: E731
    found = recurrence(*rows(r"z_{k+1} = (1 - \rho) z_k"))
    assert found is not None and found.offset == 1
    assert check_unrolled(*rows(r"z_k = (1 - \rho)^k z_0"), found)[0] == "verified"
    assert check_unrolled(*rows(r"z_k = (1 - \rho)^{k+1} z_0"), found)[0] == "undecided"


@pytest.mark.parametrize("name, expected", [
    ("x_{t-1}", ("x", "t - 1")),
    (r"\mathbf{g}_{t-\tau, t-\tau-1}", (r"\mathbf{g}", "t - tau, t - tau - 1")),
    ("m_t", ("m", "t")),
    ("W_{2t}", None),  # a product in the subscript: not a step
    ("x_{max}", None),
])
def test_subscripts_are_read_as_sums_of_integers_and_letters(name, expected):
    found = subscript(name)
    shown = None if found is None else (found[0], ", ".join(str(i) for i in found[1]))
    assert shown == expected


def test_only_first_order_rows_are_recurrences_and_further_back_rows_are_claims():
    rows = lambda t: parse_block(t).rows[0].chain.exprs  # noqa: E731
    assert recurrence(*rows(r"y_t = \alpha y_{t-2} + c")) is None
    assert reaches_back(*rows(r"y_t = \alpha^2 y_{t-2} + c"), "y")
    assert not reaches_back(*rows(r"y_t = \alpha y_{t-1} + c"), "y")


def test_a_closed_form_stated_in_prose_is_a_claim_about_the_recurrence():
    note = ("# Scalar\n\nFor gradient descent on $f(z) = \\frac{\\rho}{2} z^2$ we have\n"
            "$$z_{k+1} = z_k - \\eta \\rho z_k = (1 - \\eta \\rho) z_k.$$\n"
            "After $k$ steps we have $z_k = (1 - \\eta \\rho)^EXP z_0$.\n")
    right = [b for b in check_notes(note.replace("EXP", "k")).blocks if "z_0" in b.source][0]
    assert right.role == "claim" and right.verdict == "proved"  # by induction on k (readers.notes.induction)
    wrong = [b for b in check_notes(note.replace("EXP", "{k+1}")).blocks if "z_0" in b.source][0]
    assert wrong.verdict not in CONFIRMED


_RMSPROP = r"""# RMSprop

With $0 < \gamma < 1$ and $s_t = \gamma s_{t-1} + (1-\gamma) g_t^2$, a constant gradient $g$ andSTART give

$$s_t = CLOSED$$
"""


def _closed(closed, start=" $s_0 = 0$"):
    text = _RMSPROP.replace("CLOSED", closed).replace("START", start)
    return check_notes(text, path="<test>", budget=5.0).blocks[-1]


def test_a_closed_form_with_the_input_written_bare_is_read_with_a_constant_input():
    block = _closed(r"(1 - \gamma^t) g^2")
    assert block.verdict == "verified", block.steps
    assert any("g_t = g" in a for a in block.steps[0].assumptions)


def test_a_wrong_closed_form_with_a_constant_input_is_refuted_inside_the_stated_conditions():
    block = _closed(r"(1 - \gamma^{t-1}) g^2")
    assert block.verdict == "refuted", block.steps
    witness = block.steps[0].counterexample
    gamma, g, step = float(witness["gamma"]), float(witness["g"]), int(witness["at"].split()[-1])
    assert 0 < gamma < 1
    s = 0.0  # the recurrence run by hand from s_0 = 0 with g_t = g
    for _ in range(step):
        s = gamma * s + (1 - gamma) * g ** 2
    assert abs(s - (1 - gamma ** (step - 1)) * g ** 2) > 1e-9  # the sides differ at the witness


def test_without_the_first_step_a_wrong_closed_form_is_not_refuted():
    # the notes may start the sequence elsewhere: nothing to refute against
    assert _closed(r"(1 - \gamma^{t-1}) g^2", start="").verdict != "refuted"


def test_a_closed_form_in_the_input_sequence_itself_is_not_read_as_constant():
    # g_t written: no bare g, so no constant-input reading; unrolled from s_0 = 0 it differs whatever the inputs,
    # and the witness gives them one value ("a constant gradient"), the recurrence run by hand differs there
    block = _closed(r"(1 - \gamma^{t-1}) g_t^2")
    assert block.verdict == "refuted", block.steps
    witness = block.steps[0].counterexample
    gamma, step = float(witness["gamma"]), int(witness["at"].split()[-1])
    inputs = [float(witness[f"g[{k}]"]) for k in range(1, step + 1)]
    assert 0 < gamma < 1 and len(set(inputs)) == 1
    s = 0.0
    for g in inputs:
        s = gamma * s + (1 - gamma) * g ** 2
    assert abs(s - (1 - gamma ** (step - 1)) * inputs[-1] ** 2) > 1e-9
