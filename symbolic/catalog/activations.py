r"""Activation functions of one real input: ReLU, Leaky ReLU, sigmoid, tanh, softplus."""
from sympy import Max, Piecewise, Symbol, exp, log, tanh

from symbolic.domains import Interval, Real
from symbolic.record import Discrepancy, Formula, Output, Var
from symbolic.references import activations as ref
from symbolic.registry import register

x = Symbol("x", real=True)
alpha = Symbol("alpha", positive=True)
X = Var(x, Real(large=1e4), (), "pre-activation")

register(Formula(
    id="relu",
    title="ReLU",
    section="activations",
    source="Activation functions: ReLU",
    outputs=(Output(Symbol("ReLU"), Max(0, x)),),
    variables=(X,),
    reference=ref.relu,
))

register(Formula(
    id="leaky_relu",
    title="Leaky ReLU",
    section="activations",
    source="Activation functions: Leaky ReLU",
    outputs=(Output(Symbol("LeakyReLU"), Piecewise((x, x > 0), (alpha * x, True))),),
    variables=(X, Var(alpha, Interval(0.0, 1.0), (), "slope for x <= 0 (the seed suggests 0.01)")),
    reference=ref.leaky_relu,
    discrepancies=(
        Discrepancy(
            "formula",
            r"$LeakyReLU(x) = x$ for $x > 0$, $\alpha x$ for $x < 0$",
            r"$LeakyReLU(x) = x$ for $x > 0$, $\alpha x$ for $x \le 0$ (the seed leaves $x = 0$ undefined)",
            "leaky_relu_derivative",
        ),
    ),
))

register(Formula(
    id="sigmoid",
    title="Sigmoid",
    section="activations",
    source="Activation functions: Sigmoid",
    outputs=(Output(Symbol("sigma"), 1 / (1 + exp(-x))),),
    variables=(X,),
    reference=ref.sigmoid,
    notes="Evaluated as written, 1/(1 + e^{-x}) is accurate in float64 for every x: e^{-x} overflows "
          "only where the true value is below the smallest normal number.",
))

register(Formula(
    id="tanh",
    title="Tanh",
    section="activations",
    source="Activation functions: Tanh",
    outputs=(Output(Symbol("Tanh"), tanh(x)),),
    variables=(X,),
    reference=ref.tanh,
    discrepancies=(
        Discrepancy(
            "notation",
            r"$\tanh(x) = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}$",
            r"the same function ($= 2\sigma(2x) - 1$); the catalog holds $\tanh(x)$ because the "
            r"exponential quotient evaluates to $\infty/\infty$ for $|x| \gtrsim 710$",
            "tanh_sigmoid",
        ),
    ),
    notes="The seed's exponential form is right; the identity is checked by tanh_sigmoid.",
))

register(Formula(
    id="softplus",
    title="Softplus",
    section="activations",
    source="textbook (smooth ReLU; companion of the seed's activations)",
    outputs=(Output(Symbol("softplus"), log(1 + exp(x))),),
    variables=(X,),
    reference=ref.softplus,
    notes="Generated code uses the softplus_stable rewrite max(x, 0) + log1p(e^{-|x|}).",
))
