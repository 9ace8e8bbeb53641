r"""Sinusoidal positional encoding (Transformer).

.. math::
    PE(pos, 2i) = \sin\!\left(\frac{pos}{10000^{2i/d_{model}}}\right), \qquad
    PE(pos, 2i+1) = \cos\!\left(\frac{pos}{10000^{2i/d_{model}}}\right), \qquad 2i + 1 < d_{model}.
"""
from sympy import Integer, Symbol, cos, sin

from symbolic.domains import Choice, Count
from symbolic.record import Definition, Discrepancy, Formula, Output, Var
from symbolic.references import positional as ref
from symbolic.registry import register

pos = Symbol("pos", integer=True, nonnegative=True)
i = Symbol("i", integer=True, nonnegative=True)
d_model = Symbol("d_model", integer=True, positive=True)
theta = Symbol("theta")
CLAIM = "positional_encoding_exp_rewrite"

register(Formula(
    id="positional_encoding",
    title="Sinusoidal positional encoding",
    section="positional",
    source="Position Embedding",
    outputs=(Output(Symbol("PE_even"), sin(theta)), Output(Symbol("PE_odd"), cos(theta))),
    definitions=(Definition(theta, pos / Integer(10000) ** (2 * i / d_model)),),
    variables=(
        Var(pos, Count(lo=0, hi=10000, large=10000), (), "position in the sequence"),
        Var(i, Count(lo=0, hi=255, large=255), (), "frequency index: features 2i and 2i+1"),
        Var(d_model, Choice((2.0, 4.0, 8.0, 16.0, 64.0, 512.0)), (), "model width (even)"),
    ),
    conditions=(2 * i + 1 < d_model,),
    reference=ref.positional_encoding,
    error_scale=1.0,
    discrepancies=(
        Discrepancy(
            "step",
            r"$pos/10000^{2i/d_{model}}$ can be optimized into $\exp(-\log{10000} \cdot 2i/d_{model})$",
            r"$\exp(-\log 10000 \cdot 2i/d_{model}) = 1/10000^{2i/d_{model}}$: the angle is "
            r"$pos \cdot \exp(-\log 10000 \cdot 2i/d_{model})$; the seed drops the factor $pos$",
            CLAIM,
        ),
        Discrepancy(
            "step",
            r"$\exp(-\log{10000} \cdot 2i/d_{model}) = e^{-{\log{10000}}^{2i/d_{model}}}$",
            r"$e^{-(2i/d_{model}) \log 10000}$: the exponent multiplies $\log 10000$, it does not raise it "
            r"to a power ($i = 0$: $e^{0} = 1$ but $e^{-(\log 10000)^0} = e^{-1}$); the chain's last member "
            r"$(1/10000)^{2i/d_{model}}$ is right",
            CLAIM,
        ),
    ),
    notes="PE_even = PE(pos, 2i), PE_odd = PE(pos, 2i+1), at the angle theta = pos / 10000^(2i/d_model). "
          "Compared absolutely below magnitude 1 (error_scale): the outputs lie in [-1, 1], and the angle, "
          "up to 1e4, carries a rounding error of ~1e4 u ~ 1e-12 in float64 (10000^(2i/d_model) is "
          "rounded) which sin and cos pass on as an absolute error, so near a zero of sin or cos the "
          "relative error measures the angle's conditioning, not the code. The rotation property "
          "(PE(pos + k) is a fixed rotation of PE(pos)) is derivation positional_encoding_rotation.",
))
