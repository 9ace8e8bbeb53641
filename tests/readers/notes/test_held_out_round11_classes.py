"""Classes of wrong verdicts found on the held-out tests/corpus/notes/planted_mistakes_3.md (round 11) and on the
mistakes the corpus scorer listed as missed, each with a hand-written example unlike the corpus block that revealed
it, and a wrong block the fix refutes with a counterexample inside the stated conditions."""
import pytest

from readers.notes.check import check_notes


def _blocks(text):
    return check_notes(text, path="<test>", budget=5.0).blocks


def _verdicts(text):
    """The verdicts of the blocks with a verdict of their own (checked steps or a refutation)."""
    return [b.verdict for b in _blocks(text) if b.steps or b.verdict == "refuted"]


def test_membership_in_an_interval_is_a_condition_and_bounds_the_counterexample():
    r"""``p \in (0, 1)`` is 0 < p < 1: the refutation of a wrong derivative was at p = 2 (outside the stated
    interval), and ``[0, 1]``, ``(0, 1]`` keep their closed ends (an open reading would verify t(1 - t) > 0)."""
    text = ("# Entropy term\n\nLet $p \\in (0, 1)$ be a probability.\n\n"
            "$$\\frac{d}{dp}\\left(-p\\log p\\right) = \\log p + 1$$\n\n"
            "# Ends\n\nFor $t \\in [0, 1]$,\n\n$$t(1-t) > 0$$\n\n"
            "# Half-open\n\nFor $q \\in (0, 1]$,\n\n$$\\log q \\le 0$$\n")
    blocks = _blocks(text)
    conditions = [b for b in blocks if b.role == "condition"]
    assert len(conditions) == 3
    wrong, ends, half = [b for b in blocks if b.steps]
    assert wrong.verdict == "refuted"
    point = next(s.counterexample for s in wrong.steps if s.counterexample)
    assert 0 < float(point["p"]) < 1
    assert ends.verdict not in ("proved", "verified")
    assert half.verdict in ("proved", "verified")
