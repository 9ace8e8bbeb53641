"""Generated adversarial claims: never proved or verified when false, never refuted when true.

``FORMULARY_ADVERSARIAL_COUNT`` (default 200) cases per run, seeded by ``FORMULARY_ADVERSARIAL_SEED``
(default 0); ``benchmarks/adversarial.py --count N`` runs many more.  Each false case carries a witness
found independently of the checker (``adversarial.confirm_false``); unconfirmed ones are skipped.
"""
import os

import pytest

from derivations.checker.corpus import wrong
from derivations.checker.ladder import check_step
from readers.claim import claim_step
from tests.derivations.checker.adversarial import confirmed_case, generate, generate_one

COUNT = int(os.environ.get("FORMULARY_ADVERSARIAL_COUNT", "200"))
SEED = int(os.environ.get("FORMULARY_ADVERSARIAL_SEED", "0"))
BUDGET = 6.0
"""Seconds per case.  Only honesty is asserted, and it must hold at every budget (load can only turn a
verdict into ``undecided``); an undecidable case uses the whole budget, so a small one keeps the suite fast.
``benchmarks/adversarial.py`` measures the verdict rates at a generous budget."""


@pytest.mark.parametrize("n", range(COUNT))
def test_generated_claim_gets_no_dishonest_verdict(n):
    case = confirmed_case(n, SEED)
    if case is None:
        pytest.skip("false label could not be confirmed independently: dropped")
    verdict = check_step(claim_step(case.lhs, case.rel, case.rhs, case.assume), budget=BUDGET)
    assert not wrong(case.truth, verdict.kind), (case, verdict.summary(), verdict.counterexample)


def test_the_generator_is_reproducible_and_mixes_true_and_false():
    assert generate(30, SEED) == generate(30, SEED)
    assert generate_one(7, SEED) == generate(8, SEED)[7]
    truths = {case.truth for case in generate(30, SEED)}
    assert truths == {True, False}


def test_a_false_label_is_confirmed_by_a_witness_inside_the_assumptions():
    from tests.derivations.checker.adversarial import Case, confirm_false

    tiny = Case("t", "x", "=", "x + 1e-30*(x**2 + 1)", (), False, "epsilon")
    assert confirm_false(tiny).witness is not None
    true_one = Case("u", "sin(x)**2 + cos(x)**2", "=", "1", (), False, "mislabelled")
    assert confirm_false(true_one) is None  # a true claim never gets a witness
