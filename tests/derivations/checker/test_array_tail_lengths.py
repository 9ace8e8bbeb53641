"""The array tail (``strategies.array_tail``) does not start a length that cannot end in what is left of its share:
its instances are built without watching the deadline, so such a length was killed with nothing decided."""
import pytest

from derivations.checker.budget import busy_clock
from derivations.checker.strategies import array_tail
from readers.claim import claim_step

SECONDS_PER_ENTRY = 0.02
"""Busy seconds the stand-in tests spend per entry of a length (a cost in proportion to the length)."""


def _spend(seconds: float) -> None:
    start = busy_clock()
    while busy_clock() - start < seconds:
        pass


@pytest.mark.parametrize("claim", [
    ("sum(x[i], i, 1, n)**2", "<=", "n*sum(x[i]**2, i, 1, n)", ["n=positive_integer"]),
    ("sum(exp(z[k]), k, 1, K)", ">", "0", ["K=positive_integer"]),
])
def test_a_length_that_cannot_end_in_the_share_is_not_started(claim, monkeypatch):
    searched = []

    class Stand_in:  # each length costs SECONDS_PER_ENTRY per entry and holds
        def __init__(self, *args, **kwargs):
            pass

        def __call__(self, step, budget):
            length = int(next(iter(step.sizes[0].values())))
            if not searched or searched[-1] != length:
                searched.append(length)
            _spend(SECONDS_PER_ENTRY * length / 2)
            return None

    monkeypatch.setattr(array_tail, "ExactTest", Stand_in)
    monkeypatch.setattr(array_tail, "NumericTest", Stand_in)
    monkeypatch.setattr(array_tail, "LENGTHS", (4, 6, 7, 8))
    # 4 and 6 cost 0.08 + 0.12 s; 0.10 s is left, and 7 would take 0.14
    assert array_tail.longer_array_refutation(claim_step(*claim), 0.30) is None
    assert searched == [4, 6]
