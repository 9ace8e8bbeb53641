r"""A claim confirmed where both sides are defined, but undefined on part of the domain the notes state for it.

Notes leave domains implicit: $\ln x \le x - 1$ is read where $\ln x$ is defined, and a point where one side has no
value is no evidence either way (``Step.undefined = "skipped"``).  When the prose states the domain of every name of
the claim, and states it *around* a point rather than up to it (``for any nonzero $x$``, ``$x \ne 0$``, "for every
real $x$"), the domain is explicit: a point inside it where one side is a finite real and the other has none is a
point where the claim, as stated, fails.  "For any nonzero $x$, $\ln(x^2) = 2 \ln x$" was verified (the two sides
agree for $x > 0$, and $x < 0$ was skipped), while $2 \ln x$ has no real value at $x = -1$.

Such a claim is not confirmed: it is ``undecided`` with the point.  It is not refuted either, since an author may still
mean the implicit domain (the stated one being a slip of the prose, not of the formula); a bounded interval
(``0 \le p \le 1`` with $0 \log 0$) is left as it was.
"""
from __future__ import annotations

import sympy as sp

from readers.notes.report import StepReport


def whole_names(conditions, widened: set[str]) -> set:
    """The names whose stated domain reaches both sides of a point: a ``x \\ne c`` condition, or "for every real x"."""
    out = {x for c in conditions if isinstance(c, sp.Ne) for x in c.free_symbols if isinstance(x, sp.Symbol)}
    return out | {x for c in conditions for x in getattr(c, "free_symbols", ()) if str(x).lstrip("\\") in widened}


def undefined_inside(conditions, widened: set[str], lhs, rhs, out, recheck):
    r"""``out`` (the claim's reports) with each ``proved``/``verified`` one made ``undecided`` when every name of the
    claim has a stated condition, one of them a domain around a point (:func:`whole_names`), and ``recheck()`` (the
    claim checked again with undefined points inside the conditions counted as failures) refutes it."""
    if not any(r.verdict in ("proved", "verified") for r in out):
        return out
    names = {x for e in (lhs, rhs) for x in e.free_symbols if isinstance(x, sp.Symbol)}
    stated = {x for c in conditions for x in getattr(c, "free_symbols", ())} | {
        x for x in names if str(x).lstrip("\\") in widened}
    whole = whole_names(conditions, widened) | {x for x in names if str(x).lstrip("\\") in widened}
    if not names or not names <= stated or not names & whole:
        return out
    again = recheck()
    if again is None or again.verdict != "refuted" or "undefined" not in again.reason:
        return out  # a failure of another kind than a side without a value is not this reading's to report
    at = ", ".join(f"{k} = {v}" for k, v in (again.counterexample or {}).items() if k not in ("lhs", "rhs", "lhs - rhs"))
    why = (f"holds where both sides are defined, but the notes state its domain, and inside it{f' (at {at})' if at else ''}"
           f" one side has no value: {again.reason[:120]}")
    return [StepReport(**{**r.__dict__, "verdict": "undecided", "reason": why, "method": ""})
            if r.verdict in ("proved", "verified") else r for r in out]

