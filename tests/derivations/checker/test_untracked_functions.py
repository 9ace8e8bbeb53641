"""A point decision never certifies a sign through a function whose evalf does not track precision.

sympy's ``evalf`` raises its working precision through cancellation only inside nodes it knows; ``log1p`` and
``expm1`` (sympy.codegen.cfunctions) got their argument to 15 relative digits and were trusted.  For the
softmax difference $p_0 - q_0 = q_0 \\operatorname{expm1}(d_0 - \\operatorname{log1p}\\sum_j q_j
\\operatorname{expm1}(d_j))$ (true for all real $a$, $b$: $1 + \\sum_j q_j \\operatorname{expm1}(d_j)
= \\sum_j e^{a_j} / \\sum_j e^{b_j}$) at $a = (1, 2, 2)$, $b = (2, 1, 50)$ the log1p argument is $-1 + 10^{-21}$,
rounded to $-1$: the identity was refuted, "certified by exact evaluation".  The difference is exactly 0, so
the only honest states are ``zero`` and ``unknown``.
"""
import mpmath
import sympy as sp
from sympy.codegen.cfunctions import expm1, log1p

from derivations.checker.strategies.decide import decide

A, B = sp.symbols("a0:3", real=True), sp.symbols("b0:3", real=True)
POINT = dict(zip(A + B, map(sp.Integer, (1, 2, 2, 2, 1, 50))))


def _softmax_difference():
    sa, sb = sum(map(sp.exp, A)), sum(map(sp.exp, B))
    q = [sp.exp(t) / sb for t in B]
    inner = sum(q[j] * expm1(A[j] - B[j]) for j in range(3))
    return sp.exp(A[0]) / sa - q[0], q[0] * expm1(A[0] - B[0] - log1p(inner))


def test_the_identity_holds_at_the_point_in_mpmath():
    """The oracle: both sides at 100 digits (21 are lost to the cancellation) agree to 50, independently of the checker."""
    with mpmath.workdps(100):
        a, b = [mpmath.mpf(v) for v in (1, 2, 2)], [mpmath.mpf(v) for v in (2, 1, 50)]
        sa, sb = sum(map(mpmath.exp, a)), sum(map(mpmath.exp, b))
        q = [mpmath.exp(t) / sb for t in b]
        inner = sum(q[j] * mpmath.expm1(a[j] - b[j]) for j in range(3))
        lhs, rhs = mpmath.exp(a[0]) / sa - q[0], q[0] * mpmath.expm1(a[0] - b[0] - mpmath.log1p(inner))
        assert abs(lhs - rhs) <= mpmath.mpf(10) ** -50 * abs(lhs)


def test_a_decision_through_log1p_and_expm1_is_not_a_false_sign():
    lhs, rhs = _softmax_difference()
    assert decide(lhs, rhs, POINT).state in ("zero", "unknown")


def test_log1p_still_decides_a_real_difference():
    lhs, rhs = _softmax_difference()
    assert decide(lhs, rhs * (1 + sp.Rational(1, 10**6)), POINT).state == "negative"
