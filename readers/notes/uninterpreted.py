r"""An equation in functions the notes leave arbitrary, refuted for every function: after
$\delta_t = r_t + \gamma V(s_{t+1}) - V(s_t)$, the claim $\delta_t + \gamma\delta_{t+1} = r_t + \gamma r_{t+1} +
\gamma V(s_{t+2}) - V(s_t)$ fails whatever $V$ is.

Each application of an unknown function to names is one uninterpreted value, the same application the same value
(readers.notes.check's opaque reading).  A failure at some values refutes the claim *for every function* when

* the claim is an equation and one application stands on both of its sides: it rewrites expressions in the
  function's values (a telescoping sum, the logarithm of a density written out), rather than stating a property of
  one function (``f(x^*) = 0``, ``\Phi(x) \le 1``);
* every such function is a generic letter (``f``, ``h``, ``V``, ``T``, ``\phi``), not one whose letter has a meaning
  of its own (a probability ``P``, ``p``, an expectation ``E``, an entropy ``H``);
* the values used are ones a function can take: two applications of one function whose arguments are equal at
  the counterexample must have one value.

The counterexample then names the function values it used (``V(s_t) = 1``).
"""
from __future__ import annotations

import sympy as sp

from readers.notes.arbitrary import _RESERVED as MEANINGFUL
from readers.notes.arbitrary import ARBITRARY_NAME

METHOD = "the same for every function"


def for_every_function(lhs, rel: str, rhs, mapping: dict, counterexample: dict | None, show=str) -> dict | None:
    """The counterexample with the function values named (``{"V(s_t)": "1", ...}``) when a failure of ``lhs rel
    rhs`` at ``counterexample`` (values of the opaque symbols ``mapping``: application -> symbol) refutes the claim
    for every function (module docstring); None otherwise."""
    if rel != "=" or not mapping or not counterexample:
        return None
    names = {a.func.__name__ for a in mapping}
    if any(n.rstrip("'") in MEANINGFUL or n.endswith("'") or not ARBITRARY_NAME.fullmatch(n) for n in names):
        return None
    left = {a for a in mapping if lhs.has(a)}
    right = {a for a in mapping if rhs.has(a)}
    if not left & right:
        return None
    point = {}
    for key, value in counterexample.items():
        try:
            point[key] = sp.Rational(str(value))
        except (TypeError, ValueError, SyntaxError):
            continue
    arguments = {}
    for application in mapping:
        values = []
        for a in application.args:
            if str(a) not in point:
                values = None  # a name the claim uses only here: it can be chosen apart from the others
                break
            values.append(point[str(a)])
        if values is not None:
            arguments.setdefault((application.func, tuple(values)), []).append(application)
    if any(len(same) > 1 for same in arguments.values()):
        return None  # f(x) and f(y) at x = y must be one value
    out = {}
    for application, symbol in mapping.items():
        if symbol.name in counterexample:
            out[show(application)] = counterexample[symbol.name]
    if not out:
        return None
    rest = {k: v for k, v in counterexample.items() if k not in {s.name for s in mapping.values()}}
    return {**out, **rest}
