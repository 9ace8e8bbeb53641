r"""The error probabilities of a hypothesis test, written as probabilities of events in words.

.. math::

    P(\text{reject } H_0 \mid H_0 \text{ true}) = \alpha, \qquad
    P(\text{fail to reject } H_0 \mid H_0 \text{ true}) = 1 - \alpha,

    P(\text{fail to reject } H_0 \mid H_0 \text{ false}) = \beta, \qquad
    P(\text{reject } H_0 \mid H_0 \text{ false}) = 1 - \beta \;\text{(the power)},

    P(\text{type I error}) = \alpha, \qquad P(\text{type II error}) = \beta.

These are the definitions of the significance level :math:`\alpha` (the type I error rate) and of the type II error
rate :math:`\beta`, so they are used only for a name the notes themselves call so: a sentence with ``$\alpha$`` and
"significance level" (or "type I error"), one with ``$\beta$`` and "type II error" (:func:`levels`).  With them a
claim such as ``1 - \alpha = P(\text{reject } H_0 \mid H_0 \text{ is true})`` reads :math:`1 - \alpha = \alpha`,
which fails at every level but :math:`\alpha = 1/2`: it is refuted at the conventional levels
:data:`CONVENTIONAL` (any test may be run at them; both lie in :math:`(0, 1)`), proved when the two sides agree
identically, and left to the usual check otherwise.
"""
from __future__ import annotations

import re

import sympy as sp
from sympy.core.function import AppliedUndef

CONVENTIONAL = {"alpha": sp.Rational(5, 100), "beta": sp.Rational(20, 100)}
"""The usual significance level and type II error rate: the counterexample's values."""

_NAMED = {
    "alpha": re.compile(r"significance\s+level|level\s+of\s+significance|type[\s-]+(?:I|1|one)\s+error(?!\w)", re.I),
    "beta": re.compile(r"type[\s-]+(?:II|2|two)\s+error", re.I),
}
"""What the prose calls the level :math:`\\alpha` and the rate :math:`\\beta` (a sentence naming the letter)."""
_LETTER = {"alpha": re.compile(r"\\alpha(?![A-Za-z])"), "beta": re.compile(r"\\beta(?![A-Za-z])")}

_REJECT = re.compile(r"^(?:reject(?:ing|s|ed)?|rejection\s+of)\s+H_\{?0\}?\b", re.I)
_KEEP = re.compile(r"^(?:fail(?:ing|s)?\s+to\s+reject|not\s+reject(?:ing)?|do\s+not\s+reject|accept(?:ing|s)?|"
                   r"keep(?:ing|s)?|retain(?:ing|s)?)\s+H_\{?0\}?\b", re.I)
_ERROR = re.compile(r"^(?:an?\s+|the\s+)?type[\s-]+(I{1,2}|1|2|one|two)\s+error$", re.I)
_GIVEN = re.compile(r"\bmid\s+H_\{?([01A])\}?\s+(?:is\s+)?(true|false)\s*$", re.I)


def levels(text: str) -> frozenset:
    r"""The names among ``alpha``, ``beta`` that a sentence of ``text`` names as the significance level (type I
    error rate) or the type II error rate: ``The $\alpha$ is called the significance level``."""
    out = set()
    for sentence in re.split(r"(?<=[.!?])\s+|\n\s*\n", text):
        for name, words in _NAMED.items():
            if _LETTER[name].search(sentence) and words.search(sentence):
                out.add(name)
    return frozenset(out)


def _value(event: str, named: frozenset, symbols: dict):
    """The error probability an event in words stands for, or None."""
    error = _ERROR.match(event.strip())
    if error is not None:  # P(type I error) = alpha, P(type II error) = beta
        name = "alpha" if error.group(1).lower() in ("i", "1", "one") else "beta"
        return symbols.get(name, sp.Symbol(name, real=True)) if name in named else None
    given = _GIVEN.search(event)
    if given is None:
        return None
    null_true = (given.group(1) == "0") == (given.group(2).lower() == "true")
    body = event[:given.start()].strip()
    rejects = True if _REJECT.match(body) else False if _KEEP.match(body) else None
    if rejects is None:
        return None
    name = "alpha" if null_true else "beta"
    if name not in named:
        return None
    level = symbols.get(name, sp.Symbol(name, real=True))
    if null_true:
        return level if rejects else 1 - level
    return 1 - level if rejects else level


def substitute(expr, named: frozenset, probability_names):
    """``expr`` with each probability of a test's error event replaced by its level (module docstring), and
    the replacements made (``["P(reject H_0 | H_0 true) = alpha"]``)."""
    if not named or not isinstance(expr, sp.Basic):
        return expr, []
    symbols = {s.name: s for s in expr.free_symbols if isinstance(s, sp.Symbol)}
    mapping = {}
    for f in expr.atoms(AppliedUndef):
        if f.func.__name__ not in probability_names or len(f.args) != 1 or not isinstance(f.args[0], sp.Symbol):
            continue
        event = re.sub(r"^event:\s*", "", f.args[0].name)
        value = _value(event, named, symbols)
        if value is not None:
            mapping[f] = value
    used = [f"P({f.args[0].name.removeprefix('event: ').replace(' mid ', ' | ')}) = {v}" for f, v in mapping.items()]
    return expr.xreplace(mapping), sorted(used)


def decide(lhs, rhs, used=()):
    """``(verdict, method or reason, counterexample)`` for ``lhs = rhs`` written in the levels only (after the
    replacements ``used``), else None."""
    how = f"read with {'; '.join(used)} (the levels as the notes name them)"
    difference = sp.simplify(lhs - rhs)
    names = {s.name for s in difference.free_symbols}
    if not names <= set(CONVENTIONAL):
        return None
    if difference == 0:
        return "proved", f"{how}: the sides are equal", None
    at = {s: CONVENTIONAL[s.name] for s in difference.free_symbols}
    if difference.xreplace(at) == 0:
        return None
    witness = {str(s): str(v) for s, v in at.items()}
    witness.update(lhs=str(sp.nsimplify(lhs.xreplace(at))), rhs=str(sp.nsimplify(rhs.xreplace(at))))
    return "refuted", f"{how}: the sides differ at the conventional levels", witness
