"""``step_scale`` (motivated by the triplet loss's gradient) on another hinge of squared distances: a margin between
two pairs, $\\max(0, \\sum_j (a_j - p_j)^2 - \\sum_j (c_j - n_j)^2 + \\alpha)$ (a quadruplet-style loss)."""
from fractions import Fraction

import numpy as np

from codegen.define import build, derive_gradients
from codegen.define_module import compile_function
from codegen.rules import RULES
from readers.definition import read_definitions

NOTE = (r"$$ \mathrm{PairMargin}(a, p, c, n) = \max\left(0, \sum_{j=1}^{d} \left(a_j - p_j\right)^{2}"
        r" - \sum_{j=1}^{d} \left(c_j - n_j\right)^{2} + \alpha\right) $$")


def _exact_gradients(a, p, c, n, alpha):
    """The VJP at g = 1 from the margin's sign computed exactly (rationals of the float inputs): 2(a - p) on a and
    its negation on p, -2(c - n) on c and its negation on n where the margin is positive, 0 elsewhere."""
    margin = sum((Fraction(x) - Fraction(y)) ** 2 for x, y in zip(a, p)) \
        - sum((Fraction(x) - Fraction(y)) ** 2 for x, y in zip(c, n)) + Fraction(alpha)
    on = 1.0 if margin > 0 else 0.0
    return [on * 2 * (a - p), on * -2 * (a - p), on * -2 * (c - n), on * 2 * (c - n)]


def test_step_scale_keeps_the_sign_of_a_margin_whose_sums_overflow():
    f = derive_gradients(build(read_definitions(NOTE))[0])
    rng = np.random.default_rng(5)
    points = []
    for big in (1e300, 1e200, 1e-300):  # a and c scaled whole, jointly: the two sums overflow (or underflow) together
        for _ in range(4):
            a, c = rng.uniform(-3, 3, 4) * big, rng.uniform(-3, 3, 4) * big
            points.append((a, rng.uniform(-3, 3, 4), c, rng.uniform(-3, 3, 4), float(rng.uniform(0.5, 2))))
    points.append((np.array([1e300, 2.0, -1.0, 0.5]), np.array([-2.0, 1.0, 0.0, 3.0]),
                   np.array([1e300, 2.0, -1.0, 0.5]), np.array([2.0, 1.0, 0.0, 3.0]), 1.0))  # sums equal to 1e-284

    def worst(rules):
        _, module = compile_function(f, True, rules)
        out = 0.0
        for a, p, c, n, alpha in points:
            with np.errstate(all="ignore"):
                got = module.pairmargin_vjp(a, p, c, n, 1.0, alpha=alpha)
            want = _exact_gradients(a, p, c, n, alpha)
            for x, y in zip(got, want):  # exact where right: the same float products, or 0
                out = max(out, 0.0 if np.array_equal(x, y) else 1.0)
        return out, f.rewrites["vjp"]

    without, _ = worst(tuple(r for r in RULES if r.name != "step_scale"))
    with_, fired = worst(RULES)
    assert without == 1.0  # inf - inf: the step of nan
    assert "step_scale" in fired and with_ == 0.0
