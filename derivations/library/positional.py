r"""Sinusoidal positional encoding: the exp rewrite of the frequencies and the
rotation property $PE(pos + k) = R(k)\, PE(pos)$.

$PE(pos, 2i) = \sin(pos \cdot \omega_i)$, $PE(pos, 2i+1) = \cos(pos \cdot \omega_i)$,
$\omega_i = 10000^{-2i/d_{model}}$.
"""
from sympy import Matrix, Rational, S, Symbol, cos, exp, log, sin

from derivations.checker.step import Derivation, Step

from derivations.library import register

pos = Symbol("pos", integer=True, nonnegative=True)
k = Symbol("k", integer=True, nonnegative=True)
i = Symbol("i", integer=True, nonnegative=True)
d = Symbol("d_model", integer=True, positive=True)

BASE = 10000
exp_form = exp(-log(BASE) * 2 * i / d)
SEED_CHAIN = (r"seed: pos/10000^{2i/d_{model}} can be optimized into \exp(-\log{10000} \cdot 2i/d_{model}) "
              r"= e^{-{\log{10000}}^{2i/d_{model}}} = (1/10000)^{2i/d_{model}}")

register(Derivation(
    id="positional_encoding_exp_rewrite",
    title=r"$10000^{-2i/d} = \exp(-\log(10000) \cdot 2i/d)$",
    catalog_id="positional_encoding",
    source="Position Embedding",
    notes="The seed's chain drops the factor pos in its first equality and misplaces the exponent in its "
          "second: exp(-(log 10000)^{2i/d}) is not exp(-log(10000) 2i/d). Its outer equality holds.",
    steps=(
        Step(1 / BASE ** (2 * i / d), exp_form, justification="a^b = exp(b log a)"),
        Step(pos / BASE ** (2 * i / d), exp_form, justification="seed's first equality", expect="fails",
             note=SEED_CHAIN),
        Step(pos / BASE ** (2 * i / d), pos * exp_form, justification="keep the factor pos"),
        Step(exp_form, exp(-log(BASE) ** (2 * i / d)), justification="seed's second equality", expect="fails",
             note=SEED_CHAIN),
        Step(exp_form, Rational(1, BASE) ** (2 * i / d), justification="exp(b log a) = a^b with a = 1/10000",
             note=SEED_CHAIN),
    ),
))

omega = 1 / BASE ** (2 * i / d)
R = Matrix([[cos(k * omega), sin(k * omega)], [-sin(k * omega), cos(k * omega)]])
pe_now = Matrix([sin(pos * omega), cos(pos * omega)])
pe_shifted = Matrix([sin((pos + k) * omega), cos((pos + k) * omega)])
rotated = R * pe_now

register(Derivation(
    id="positional_encoding_rotation",
    title=r"$[PE(pos+k, 2i), PE(pos+k, 2i+1)] = R(k\omega_i)\,[PE(pos, 2i), PE(pos, 2i+1)]$",
    catalog_id="positional_encoding",
    source="textbook",
    notes="R(k omega_i) = [[cos, sin], [-sin, cos]] depends on the offset k and the frequency only, not on pos: "
          "a relative offset is a fixed rotation of each (sin, cos) pair.",
    steps=(
        Step(pe_shifted[0], rotated[0], justification="sin(a + b) = sin a cos b + cos a sin b"),
        Step(pe_shifted[1], rotated[1], justification="cos(a + b) = cos a cos b - sin a sin b"),
        Step(R.det(), S.One, justification="R is a rotation: det R = cos^2 + sin^2 = 1"),
    ),
))
