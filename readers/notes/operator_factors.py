r"""An expectation or probability operator read as a number: $\mathbb E X_{t+1} = \alpha + \beta \mathbb E X_t$.

Notes write the expectation without brackets (QuantEcon: ``\mathbb E X``, ``\mathbb E |X|``); read as a name,
``\mathbb{E}`` becomes a real factor and the line an identity in it, refuted at $\mathbb{E} = 1/2$ though it is the
AR(1) mean recursion.  An operator is never a number: a refutation that rests on one read as a factor is a
misreading, withdrawn (``undecided``, with the reason).  Written with brackets (``\mathbb{E}[X]``) it is an
operator applied and stays checked as before.
"""
from __future__ import annotations

import sympy as sp

from readers.notes.report import StepReport

OPERATOR_NAMES = frozenset({r"\mathbb{E}", r"\mathbb{P}", r"\mathbb{V}", r"\mathrm{E}", r"\mathrm{P}", r"\mathrm{Var}",
                            r"\operatorname{E}", r"\operatorname{Var}", r"\operatorname{Cov}", r"\mathrm{Cov}"})
"""Names of operators (expectation, probability, variance, covariance) that are never a real number."""


def operator_factor(lhs, rhs, out: list[StepReport]) -> list[StepReport]:
    """``out`` with each refuted report made ``undecided`` when ``lhs`` or ``rhs`` holds an operator of
    :data:`OPERATOR_NAMES` as a plain symbol (a factor, not a function applied)."""
    names = sorted(s.name for e in (lhs, rhs) for s in getattr(e, "free_symbols", ())
                   if isinstance(s, sp.Symbol) and s.name in OPERATOR_NAMES)
    if not names or not any(r.verdict == "refuted" for r in out):
        return out
    why = f"{names[0]} read as a factor: an operator written without brackets, not a number"
    return [StepReport(**{**r.__dict__, "verdict": "undecided", "reason": f"{why}; {r.reason[:80]}",
                          "counterexample": None}) if r.verdict == "refuted" else r for r in out]
