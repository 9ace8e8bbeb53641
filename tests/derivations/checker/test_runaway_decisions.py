"""An exact decision that sympy cannot finish costs a bounded share of a rung, not the rung: a false claim that other
points refute at once is refuted, and a CPU limit inside another keeps the enclosing one."""
import time

import sympy as sp

from derivations.checker.budget import within_cpu_seconds
from derivations.checker.ladder import check_step
from derivations.checker.step import Step

BUDGET = 10.0
"""Seconds for the step: it is refuted in well under one second of CPU; before, its numeric rung spent all of any
budget on one exact decision (undecided)."""


def test_a_runaway_exact_decision_does_not_leave_a_false_claim_undecided():
    """The seed's polynomial kernels, the second read as a claim about the first: $(c_j x_i)^d = (c_j x_i + r)^d$.
    At an edge point where both sides agree within rounding, sympy's ``is_zero`` (a minimal polynomial) and the
    rounding of a counterexample (``(-1)**(1/q)`` for a huge q) ran until the rung's budget was spent."""
    c, x = sp.IndexedBase("c", real=True), sp.IndexedBase("x", real=True)
    i, j = sp.symbols("i j", integer=True)
    r, d = sp.symbols("r d", real=True)
    n = sp.Symbol("N", integer=True, positive=True)
    step = Step((c[j] * x[i]) ** d, (r + c[j] * x[i]) ** d, "=", indices={i: (0, n - 1), j: (0, n - 1)})
    verdict = check_step(step, budget=BUDGET)
    assert verdict.kind == "refuted", verdict


def test_a_cpu_limit_inside_another_keeps_the_enclosing_limit():
    """The inner call used to switch the process's CPU timer off when it ended, and the enclosing call ran on
    without a limit (here: for 3 s of CPU, then returned)."""
    def runaway_after_an_inner_call():
        assert within_cpu_seconds(lambda: 1, seconds=5.0) == 1
        start = time.process_time()
        while time.process_time() - start < 3.0:
            pass
        return "ran on"

    assert within_cpu_seconds(runaway_after_an_inner_call, seconds=0.2) is None
