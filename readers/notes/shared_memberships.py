r"""One interval stated in prose for several names at once: "a frequency $p$ and a forecast $q$, both in $(0, 1)$".

The inline block is the bare interval; the names it constrains are the bare names listed right before it in the
same sentence (:func:`_listed_names`): the last two after *both*, every one after *all*, *each* or *all of them*.  Each name gets the interval's
bounds, strict or not as its brackets say,

.. math:: p \in (0, 1),\ q \in (0, 1) \quad\Longrightarrow\quad 0 < p < 1,\ 0 < q < 1,

a condition in force like "$0 < p < 1$" written out, so a refutation of a later claim in ``p`` and ``q`` has to
find its counterexample inside it.  Nothing is read when the interval is not one pair of numbers or names between
two brackets, or when the sentence holds fewer names than *both* asks for.
"""
from __future__ import annotations

import re

import sympy as sp

_SHARED = re.compile(r"\b(?P<which>both|all|each)(?:\s+of\s+them)?\s+(?:(?:lie|lying|lies|taken|strictly)\s+)?"
                     r"(?:in|inside|within|from)\s*$", re.IGNORECASE)
_INTERVAL = re.compile(r"^\s*(?:\\left\s*)?([(\[])\s*([^,()\[\]]+?)\s*,\s*([^,()\[\]]+?)\s*(?:\\right\s*)?([)\]])\s*$")
_FORMULA = re.compile(r"\$([^$]+)\$")
_BARE = re.compile(r"\\?([A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?)")
_SENTENCE_END = re.compile(r"[.;:!?](?:\s|$)")


def _bound(text: str):
    """A number or a name as an interval's end (``0``, ``1``, ``-1``, ``\\infty``), or None."""
    text = text.strip()
    if re.fullmatch(r"[+-]?\d+(?:\.\d+)?", text):
        return sp.Rational(text)
    if text in (r"\infty", r"+\infty"):
        return sp.oo
    if text == r"-\infty":
        return -sp.oo
    return None


def _listed_names(sentence: str) -> list:
    r"""The bare names listed at the end of ``sentence``, last first read back to the first: each formula a bare name,
    and between two of them (and after the last) at most ``_GAP_WORDS`` words ("$p$ and a forecast $q$,").  A longer gap
    or a formula that is not a bare name ends the list: in "for $n$ draws $x_1, \dots, x_n$, each in" no name is
    listed, so the size ``n`` is not put in the interval."""
    out, end = [], len(sentence)
    for m in reversed(list(_FORMULA.finditer(sentence))):
        gap = sentence[m.end():end]
        bare = _BARE.fullmatch(m.group(1).strip())
        if bare is None or len(re.findall(r"[A-Za-z]+", gap)) > _GAP_WORDS:
            break
        out.append(bare.group(1))
        end = m.start()
    return list(dict.fromkeys(reversed(out)))


_GAP_WORDS = 3
"""Most words between two listed names, or after the last: "and a forecast"."""


def shared_interval(content: str, before: str) -> list | None:
    r"""``[(name, rel, bound), ...]``, two bounds per name, when the inline block ``content`` is an interval and the
    text ``before`` it ends "both in", "all in", "each in" after the names it constrains; else None."""
    interval = _INTERVAL.match(content.strip().strip("$"))
    cue = _SHARED.search(before.rstrip(" ,"))
    if interval is None or cue is None:
        return None
    opening, low, high, closing = interval.groups()
    low, high = _bound(low), _bound(high)
    if low is None or high is None or not low < high:
        return None
    names = _listed_names(_SENTENCE_END.split(before[:cue.start()])[-1])
    if cue.group("which").lower() == "both":
        if len(names) < 2:
            return None
        names = names[-2:]
    elif not names:
        return None
    out = []
    for name in names:
        x = sp.Symbol(name, real=True)
        if low.is_finite:
            out.append((x, ">" if opening == "(" else ">=", low))
        if high.is_finite:
            out.append((x, "<" if closing == ")" else "<=", high))
    return out or None
