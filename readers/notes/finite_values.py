r"""Names the notes restrict to a finite set of numbers: a claim about them is checked at each value.

"For a label $y \in \{-1, 1\}$ ... $$\frac{d^2}{dw^2}\log(1 + e^{-ywx}) = \frac{x^2 e^{-ywx}}{(1 + e^{-ywx})^2}$$"
holds because :math:`y^2 = 1`; sampled as a real number, ``y = 1/2`` refuted it.  A condition ``y \in \{v_1, \dots,
v_k\}`` (numbers only, at most :data:`MAX_VALUES` of them, at most :data:`MAX_CASES` combinations) is kept to the next
heading, and a claim that mentions ``y`` is checked once for each value, ``y`` replaced by it:

* refuted at one value: refuted, the counterexample names that value (``y = -1``);
* proved (verified) at every value: proved (verified), assuming ``y in {-1, 1}``;
* otherwise: the worst of the verdicts (undecided), with its reason.
"""
from __future__ import annotations

import itertools

import sympy as sp

from derivations.checker.verdict import worst
from readers.notes.report import StepReport

MAX_VALUES = 6
MAX_CASES = 12


def finite_memberships(pairs) -> dict:
    """``{name: (v_1, ..., v_k)}`` for the pairs ``(name, 'in', {v_1, ..., v_k})`` of a condition block."""
    out = {}
    for a, rel, b in pairs:
        if rel == "in" and isinstance(a, sp.Symbol) and type(b).__name__ == "set" and 0 < len(b.args) <= MAX_VALUES \
                and all(isinstance(v, sp.Basic) and v.is_number and v.is_real for v in b.args):
            out[a.name] = tuple(b.args)
    return out


def cases(sides, finite: dict) -> list[dict] | None:
    """The substitutions ``{symbol: value}`` to check ``sides`` at, one per combination of the finite names they
    mention; None when they mention none (or too many combinations)."""
    free = set().union(*(s.free_symbols for s in sides if isinstance(s, sp.Basic)))
    named = sorted((s for s in free if isinstance(s, sp.Symbol) and s.name in finite), key=lambda s: s.name)
    if not named:
        return None
    combos = list(itertools.product(*(finite[s.name] for s in named)))
    if len(combos) > MAX_CASES:
        return None
    return [dict(zip(named, values)) for values in combos]


def combined(per_case: list[tuple[dict, list[StepReport]]], finite: dict) -> list[StepReport]:
    """One list of steps from the steps checked at each case (module docstring)."""
    first = per_case[0][1]
    if any(len(steps) != len(first) for _, steps in per_case):
        return [StepReport(**{**s.__dict__, "verdict": "undecided",
                              "reason": "checked at each allowed value, the readings differ"}) for s in first]
    names = sorted({s.name for case, _ in per_case for s in case})
    stated = tuple(f"{n} in {{{', '.join(str(v) for v in finite[n])}}}" for n in names)
    out = []
    for k in range(len(first)):
        found = [(case, steps[k]) for case, steps in per_case]
        refuted = next(((case, s) for case, s in found if s.verdict == "refuted"), None)
        if refuted is not None:
            case, s = refuted
            witness = {**{str(n): str(v) for n, v in case.items()}, **(s.counterexample or {})}
            out.append(StepReport(**{**s.__dict__, "counterexample": witness,
                                     "method": f"{s.method}; at {', '.join(f'{n} = {v}' for n, v in case.items())}",
                                     "assumptions": tuple(s.assumptions) + stated}))
            continue
        verdict = worst([s.verdict for _, s in found])
        base = next(s for _, s in found if s.verdict == verdict)
        out.append(StepReport(**{**first[k].__dict__, "verdict": verdict, "reason": base.reason,
                                 "method": f"{base.method}; at each of {', '.join(stated)}",
                                 "assumptions": tuple(base.assumptions) + stated}))
    return out
