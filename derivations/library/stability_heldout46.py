r"""The identities of the rules added for the held-out round twenty: ``log_difference_of_exp``
(``codegen.rules_log_difference``), ``lerp_weights`` (``codegen.rules_lerp``), ``cancelling_terms``
(``codegen.rules_cancelling_terms``), ``step_sum_select`` (``codegen.rules_step_sum``).

Each is algebra of real numbers: a factor $c e^{u}$ taken out of a difference of exponentials, a start plus a step
regrouped by its weights, two quotients over one denominator.
"""
from sympy import Heaviside, Piecewise, Symbol, exp, log
from sympy.codegen.cfunctions import expm1

from derivations.checker.step import Derivation, Step
from derivations.library import register

_c = Symbol("c", positive=True)
_u = Symbol("u", real=True)
_d = Symbol("d", positive=True)
register(Derivation(
    id="log_difference_of_exp",
    title=r"the identity of a stability rule: $\log(c e^{u} - c e^{v}) = "
          r"\log|c| + u + \log(-\operatorname{expm1}(v - u))$ for $u > v$",
    source="textbook",
    steps=(
        Step(log(_c * exp(_u) - _c * exp(_u - _d)), log(_c) + _u + log(-expm1(-_d)),
             justification="c e^u - c e^v = c e^u (1 - e^{v - u}) at v = u - d, d > 0, c > 0: the log of a product of "
                           "positive factors"),
        Step(log(-_c * exp(_u - _d) + _c * exp(_u)), log(_c) + _u + log(-expm1(-_d)),
             justification="the other order of the terms; for c < 0 and u < v the same with c -> -c and u <-> v"),
    ),
))

_a = Symbol("a", real=True)
_b = Symbol("b", real=True)
_s = Symbol("s", real=True)
_t = Symbol("t", real=True)
register(Derivation(
    id="lerp_weights",
    title=r"the identity of a stability rule: $a + s(b - a) = (1 - s)a + s b$",
    source="textbook",
    steps=(
        Step(_a + _s * (_b - _a), (1 - _s) * _a + _s * _b, justification="distribute s over b - a"),
        Step(_a + (1 + _t) / 2 * (_b - _a), (1 - _t) / 2 * _a + (1 + _t) / 2 * _b,
             justification="a weight (1 + cos u)/2 with t = cos u: 1 - s expanded is (1 - t)/2"),
    ),
))

_y = Symbol("y", real=True)
_mu = Symbol("mu", positive=True)
_r = Symbol("r", positive=True)
_k = Symbol("k", real=True)
register(Derivation(
    id="cancelling_terms",
    title=r"the identity of a stability rule: $R + \frac{N}{D} = \frac{R D + N}{D}$ (a term of $R D + N$ cancels)",
    source="textbook",
    steps=(
        Step((_r + _y) / (_mu + _r) - _y / _mu, _r * (1 - _y / _mu) / (_mu + _r),
             justification="over mu + r: r + y - y (mu + r)/mu = r - r y/mu; the y cancels (mu > 0, mu + r > 0)"),
        Step(_k / _mu - _k / (_mu + _r), (_k * _r / _mu) / (_mu + _r),
             justification="a difference of reciprocals with one numerator: k (mu + r)/mu - k = k r/mu over mu + r"),
    ),
))

_v = Symbol("v", real=True)
_w = Symbol("w", real=True)
_steps = Heaviside(_u, 0) + Heaviside(_v, 0) * Heaviside(_y, 0)
register(Derivation(
    id="step_sum_select",
    title=r"the identity of a stability rule: $w S = w S$ where $S > 0$, else 0, for a sum $S$ of products of steps",
    source="textbook",
    steps=(
        Step(_w * _steps, Piecewise((_w * _steps, _steps > 0), (0, True)),
             justification="each step is 0 or 1, so S >= 0, and where S = 0 the product w S is 0"),
    ),
))
