"""The curated corpus (tests/corpus/claims/claims.jsonl): 0 false proved or verified, 0 true refuted, 0 errors.

One test per claim (parallel-safe); the tally, with the undecided rate on true claims, is printed at
the end of the run (``conftest.pytest_terminal_summary``).
"""
import pathlib
import time

import pytest

from derivations.checker.corpus import load_claims, wrong
from derivations.checker.ladder import check_step
from readers.claim import claim_step
from tests.derivations.checker.conftest import record

CORPUS = pathlib.Path(__file__).resolve().parents[2] / "corpus" / "claims" / "claims.jsonl"
CLAIMS = load_claims(CORPUS)
BUDGET = 3.0
"""Seconds per claim.  This test asserts honesty only (never proved/verified when false, never refuted when
true), which must hold at every budget: under load a claim may fall back to ``undecided``, never to a wrong
verdict.  Most claims take 0.3-1.3 s; a claim the ladder cannot decide uses the whole budget, so a small one
keeps the suite fast (3 s: at 6 s the 694 claims cost 191 s of CPU, a quarter of CI's 10 minutes).
The verdict rates at a generous budget are measured by ``benchmarks/corpus.py``."""


@pytest.mark.parametrize("claim", CLAIMS, ids=[c["id"] for c in CLAIMS])
def test_corpus_claim_gets_no_dishonest_verdict(claim):
    start = time.monotonic()
    step = claim_step(claim["lhs"], claim["rel"], claim["rhs"], claim.get("assume", []))
    verdict = check_step(step, budget=BUDGET)
    record(claim["id"], claim["truth"], verdict.kind, time.monotonic() - start, verdict.method)
    assert not wrong(claim["truth"], verdict.kind), (claim, verdict.summary(), verdict.counterexample)


def test_the_corpus_is_large_and_labelled_both_ways():
    assert len(CLAIMS) >= 300
    assert {c["truth"] for c in CLAIMS} == {True, False}
    assert len({c["id"] for c in CLAIMS}) == len(CLAIMS)
