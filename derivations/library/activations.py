r"""Activation functions: sigmoid, tanh, ReLU and Leaky ReLU and their derivatives.

Plain sympy throughout: $\sigma(x) = 1/(1+e^{-x})$, $\mathrm{ReLU}(x) = \max(0, x)$.
ReLU and Leaky ReLU are not differentiable at 0; the derivative is checked on
$x > 0$ and $x < 0$ separately and the value used at 0 is a stated convention
(the one PyTorch uses), justified as a subgradient.
"""
from sympy import (
    Derivative,
    Heaviside,
    Max,
    Ne,
    Piecewise,
    Rational,
    S,
    Symbol,
    exp,
    tanh,
)

from derivations.checker.step import Derivation, Step, chain
from symbolic.domains import Interval

from derivations.library import register

x = Symbol("x", real=True)
xp = Symbol("x", positive=True)  # the same variable, restricted to x > 0
xn = Symbol("x", negative=True)  # ... and to x < 0
h_pos = Symbol("h", positive=True)
h_neg = Symbol("h", negative=True)
alpha = Symbol("alpha", positive=True)
SLOPE = {alpha: Interval(0.0, 1.0)}


def sigmoid(t):
    return 1 / (1 + exp(-t))


def leaky_relu(t):
    r"""Leaky ReLU with the branch at 0 stated: $x$ for $x > 0$, $\alpha x$ for $x \le 0$."""
    return Piecewise((t, t > 0), (alpha * t, True))


def indicator(cond):
    return Piecewise((1, cond), (0, True))


s = sigmoid(x)

register(Derivation(
    id="sigmoid_derivative",
    title=r"$\sigma'(x) = \sigma(x)(1 - \sigma(x))$",
    catalog_id="sigmoid",
    source="textbook",
    steps=chain(
        Derivative(s, x),
        ("=", exp(-x) / (1 + exp(-x)) ** 2, "chain rule on (1 + e^{-x})^{-1}"),
        ("=", sigmoid(x) * (exp(-x) / (1 + exp(-x))), "split the square"),
        ("=", s * (1 - s), "e^{-x} / (1 + e^{-x}) = 1 - sigma(x)"),
    ) + (Step(Derivative(s, x), s * (1 - s), justification="the chain above, end to end"),),
))

seed_tanh = (exp(x) - exp(-x)) / (exp(x) + exp(-x))

register(Derivation(
    id="tanh_derivative",
    title=r"$\tanh'(x) = 1 - \tanh^2(x)$",
    catalog_id="tanh",
    source="textbook",
    steps=(
        Step(Derivative(tanh(x), x), 1 - tanh(x) ** 2, justification="derivative of tanh"),
        Step(Derivative(seed_tanh, x), 1 - seed_tanh ** 2,
             justification="quotient rule on the exponential form; (e^x + e^-x)^2 - (e^x - e^-x)^2 = 4"),
    ),
))

register(Derivation(
    id="tanh_sigmoid",
    title=r"$\tanh(x) = 2\sigma(2x) - 1 = (e^x - e^{-x})/(e^x + e^{-x})$",
    catalog_id="tanh",
    source="Tanh",
    steps=(
        Step(tanh(x), seed_tanh, justification="definition of tanh via exponentials",
             note=r"seed: \tanh(x) = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}"),
        Step(tanh(x), 2 * sigmoid(2 * x) - 1, justification="tanh is a rescaled, shifted sigmoid"),
        *chain(
            2 * sigmoid(2 * x) - 1,
            ("=", (1 - exp(-2 * x)) / (1 + exp(-2 * x)), "common denominator"),
            ("=", seed_tanh, "multiply numerator and denominator by e^x"),
        ),
    ),
))

register(Derivation(
    id="relu_derivative",
    title=r"$\mathrm{ReLU}'(x) = H(x)$ for $x \ne 0$, with the convention $\mathrm{ReLU}'(0) := 0$",
    catalog_id="relu",
    source="textbook",
    notes="ReLU is not differentiable at 0 (one-sided derivatives 0 and 1). Convention: ReLU'(0) := 0, "
          "i.e. Heaviside(x, 0); it is a subgradient there, as is every value in [0, 1].",
    steps=(
        Step(Derivative(Max(0, xp), xp), Heaviside(xp, 0), justification="ReLU(x) = x for x > 0"),
        Step(Derivative(Max(0, xn), xn), Heaviside(xn, 0), justification="ReLU(x) = 0 for x < 0"),
        Step(Derivative(Max(0, x), x), Heaviside(x, 0), justification="both cases at once, for real x != 0",
             assumptions=(Ne(x, 0),)),
        Step(Max(0, h_pos) / h_pos, S.One, "->", "right difference quotient at 0", variable=h_pos, point=S.Zero),
        Step(Max(0, h_neg) / h_neg, S.Zero, "->", "left difference quotient at 0: differs, so no derivative at 0",
             variable=h_neg, point=S.Zero),
        Step(Max(0, x), Max(0, 0) + Heaviside(0, 0) * x, ">=",
             "convention ReLU'(0) := 0 is a subgradient: ReLU(x) >= ReLU(0) + 0 * x"),
    ),
))

register(Derivation(
    id="leaky_relu_derivative",
    title=r"$\mathrm{LeakyReLU}'(x) = 1$ for $x > 0$, $\alpha$ for $x < 0$, convention $\alpha$ at 0",
    catalog_id="leaky_relu",
    source="Leaky ReLU",
    notes="The seed defines Leaky ReLU by the cases x > 0 and x < 0 only, leaving x = 0 undefined. "
          "Corrected: alpha * x for x <= 0. Derivative convention at 0: alpha (PyTorch's), a subgradient.",
    steps=(
        Step(indicator(x > 0) + indicator(x < 0), S.One,
             justification="number of the seed's cases that apply to x", expect="fails",
             note=r"seed: LeakyReLU(x) = x if x > 0, \alpha x if x < 0 (no case for x = 0)"),
        Step(indicator(x > 0) + indicator(x <= 0), S.One,
             justification="with the branch x <= 0, exactly one case applies to every real x"),
        Step(Derivative(leaky_relu(xp), xp), S.One, justification="LeakyReLU(x) = x for x > 0", domains=SLOPE),
        Step(Derivative(leaky_relu(xn), xn), alpha, justification="LeakyReLU(x) = alpha x for x < 0",
             domains=SLOPE),
        Step(Derivative(leaky_relu(x), x), alpha + (1 - alpha) * Heaviside(x, 0),
             justification="both cases as one step function, for real x != 0", assumptions=(Ne(x, 0),),
             domains=SLOPE),
        Step(leaky_relu(x), leaky_relu(0) + alpha * x, ">=",
             "convention LeakyReLU'(0) := alpha is a subgradient (0 < alpha < 1)", domains=SLOPE),
        Step(leaky_relu(x).subs(alpha, Rational(1, 100)), Max(x, x / 100),
             justification="with the seed's alpha = 0.01, LeakyReLU(x) = max(x, 0.01 x)"),
    ),
))
