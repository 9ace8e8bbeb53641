r"""A side undefined only at the working precision is no evidence (numeric.ROUNDED_UNDEFINED).

``cc-h7-logndtr-far`` (tests/corpus/claims/heldout_round7.jsonl), $\log \Phi(-x) > -x^2/2 - \log x - \log\sqrt{2\pi}
- 1/x^2 + 10^{-12}/x^3$ for $x \ge 1$, fails only from $x \approx 1.3 \cdot 10^{12}$ on; the reader writes
$\Phi(-x)$ as $1/2 - \operatorname{erf}(x/\sqrt2)/2$, which rounds to 0 from $x \approx 15$ on, every point where the
claim fails was skipped as undefined, and the false claim was verified (18 s: too slow for a test).  The claims here
fail the same way, on the sides of $\cosh y - \sinh y = e^{-y}$, which rounds to 0 from $y \approx 60$ on.
"""
import pytest

from derivations.checker.strategies.numeric import NumericTest
from readers.claim import claim_step

POINTS = 30
"""Few points keep the test cheap; the far points (where the claims fail) are sampled at any count."""


@pytest.mark.parametrize("lhs, rel, rhs, assume", [
    ("log(cosh(x) - sinh(x))", ">=", "-x - 1 + 2*x**20/(x**20 + 100**20)", ["x >= 1"]),  # fails for x > 100
    ("log(cosh(y) - sinh(y)) + y", "<", "1 - 2*y**8/(y**8 + 90**8)", ["y >= 0"]),  # fails for y > 90
])
def test_a_claim_failing_where_a_side_rounds_to_undefined_is_not_verified(lhs, rel, rhs, assume):
    verdict = NumericTest(0, points=POINTS)(claim_step(lhs, rel, rhs, assume), 10.0)
    assert verdict is not None and verdict.kind in ("undecided", "refuted"), verdict
    if verdict.kind == "undecided":
        assert "cancellation" in verdict.reason, verdict.reason


def test_a_side_undefined_exactly_is_still_skipped():
    verdict = NumericTest(0, points=POINTS)(claim_step("log(x)", "<=", "x - 1", []), 10.0)
    assert verdict is not None and verdict.kind == "verified", verdict
