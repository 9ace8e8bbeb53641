r"""A small quantity named in words: "for small $x$", "when $h$ is small", "as $x \to 0$", "$|x| \ll 1$".

An approximation names its small quantity by letter (:mod:`readers.notes.approximation`: ``\epsilon``, ``\delta``,
``x - x_0``) or, as often, in the sentence around it:

    So $\sqrt{1 + x} \approx 1 + \frac{x}{2} - \frac{x^2}{8}$ for small $x$.

Read without it, the approximation had no scale and stayed undecided.  The letters the prose calls small (or sends
to 0, or bounds by ``\ll 1``) are the small quantities, and the claim is checked as an expansion in them:

.. math:: \text{lhs}(t x) - \text{rhs}(t x) = o(t^K), \quad t \to 0,

``K`` the degree of its polynomial terms.  With the scale stated, a wrong coefficient is a mistake at any scale:
where one letter is called small and is the claim's only letter, both sides' exact Maclaurin series are compared up
to :math:`x^K` (:func:`wrong_coefficient`), and a term that does not vanish refutes the claim ("$\sin x \approx x -
\frac{x^3}{3}$ for small $x$": the difference is :math:`x^3/6 + \dots`).  Only a single letter counts (``small $x$``, ``$x$ small``), and only a
letter the claim writes; "near $x = a$" (``a`` a number other than 0) names ``x - a`` instead.
"""
from __future__ import annotations

import re

_LETTER = r"\$\s*\\?(?P<{name}>[A-Za-z]+(?:_\{{?[A-Za-z0-9]+\}}?)?)\s*\$"
_PATTERNS = (
    re.compile(r"\bsmall(?:\s+(?:values?|magnitudes?)\s+of)?\s+" + _LETTER.format(name="a"), re.IGNORECASE),
    re.compile(_LETTER.format(name="a") + r"\s+(?:is\s+|are\s+)?(?:very\s+|sufficiently\s+)?small\b", re.IGNORECASE),
    re.compile(r"\$\s*\\?(?P<a>[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?)\s*\\to\s*0\s*\$"),
    re.compile(r"\$\s*\|?\s*\\?(?P<a>[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?)\s*\|?\s*\\ll\s*1\s*\$"),
    re.compile(r"\b(?:near|around|close\s+to)\s+\$\s*\\?(?P<a>[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?)\s*=\s*0\s*\$",
               re.IGNORECASE),
    re.compile(_LETTER.format(name="a") + r"\s+(?:near|close\s+to)\s+(?:0|zero)\b", re.IGNORECASE),
)
_SHIFTED = re.compile(r"\b(?:near|around|close\s+to)\s+\$\s*\\?(?P<a>[A-Za-z]+)\s*=\s*(?P<c>-?\d+(?:\.\d+)?)\s*\$",
                      re.IGNORECASE)


def _plain(letter: str) -> str:
    return letter.replace("{", "").replace("}", "")


_LARGE = (
    re.compile(r"\blarge(?:\s+(?:values?|magnitudes?)\s+of)?\s+" + _LETTER.format(name="a"), re.IGNORECASE),
    re.compile(_LETTER.format(name="a") + r"\s+(?:is\s+|are\s+)?(?:very\s+|sufficiently\s+)?large\b", re.IGNORECASE),
    re.compile(r"\$\s*\\?(?P<a>[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?)\s*\\to\s*\\?(?:infty|\+\s*\\infty)\s*\$"),
    re.compile(r"\$\s*\|?\s*\\?(?P<a>[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?)\s*\|?\s*\\gg\s*1\s*\$"),
)
"""The same letter called large in the same prose ("For large $x$ the softplus is nearly the identity, and for small
$x$ ..."): which display each phrase is about is not decided, so neither scale is used."""


def small_letters(prose: str) -> set[str]:
    """The letters the prose calls small (as written, without braces: ``x``, ``h``, ``epsilon``, ``x_1``), leaving out
    any it also calls large."""
    large = {_plain(m.group("a")) for p in _LARGE for m in p.finditer(prose)}
    return {_plain(m.group("a")) for p in _PATTERNS for m in p.finditer(prose)} - large


def shifted_letters(prose: str) -> dict[str, str]:
    """``{letter: centre}`` for "near $x = 1$" with a number other than 0."""
    return {m.group("a"): m.group("c") for m in _SHIFTED.finditer(prose) if float(m.group("c")) != 0}


def wrong_coefficient(lhs, rhs, small, degree: int):
    r"""``(order, coefficient)`` of the lowest term of :math:`\text{lhs} - \text{rhs}` in powers of the one small
    letter ``small`` below ``degree + 1``, where both sides have a Maclaurin series in it with number coefficients
    and nothing else free; None when every term up to ``degree`` vanishes, or where the expansion is out of reach.

    "For small $x$, $\sin x \approx x - \frac{x^3}{3}$": the written terms go to :math:`x^3`, and
    :math:`\sin x - x + x^3/3 = x^3/6 + O(x^5)`, so the claim fails at the order it is written to, whatever the scale.
    """
    import sympy as sp

    difference = lhs - rhs
    if difference.free_symbols != {small}:
        return None
    try:
        expansion = sp.series(difference, small, 0, degree + 1).removeO()
        poly = sp.Poly(sp.expand(expansion), small)
    except Exception:  # noqa: BLE001 - no Maclaurin series (a pole, a log, a branch point): no verdict
        return None
    for (order,), coefficient in sorted(poly.terms()):
        if order <= degree and coefficient.is_number and coefficient != 0:
            return order, coefficient
    return None
