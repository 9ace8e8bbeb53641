r"""A sign stated in words right after an inline name: "when $x$ is negative", "if $t$ is strictly positive",
"assume $a$ is nonzero", "let $X$ be a non-negative random variable" (a Markdown link's text is read as plain words).  The name is then bounded as ``x < 0``, ``t > 0``, ``a \ne 0``: a condition of the section,
as ``$x < 0$`` written out would be.  Read without it, $\sqrt{x^2} = -x$ after "when $x$ is negative" was refuted
at $x = 1/2$.  "$n$ is an integer" (:func:`stated_integer`) makes the name an integer to the next heading: read as a
real, $\lfloor n/2 \rfloor + \lceil n/2 \rceil = n$ after "Here $n$ is an integer" was refuted at $n = 1/2$."""
from __future__ import annotations

import re

import sympy as sp

from readers.notes.reading import is_name

SIGN = re.compile(r"^\s*(?:is|are)\s+(?:strictly\s+|always\s+)?(non-?negative|non-?positive|non-?zero|negative|positive)"
                  r"\b(?!\s+(?:definite|semi)|-|\s*$)", re.IGNORECASE)
"""The words after the name: "is negative", "is non-negative" (not "is positive definite", a matrix's property, nor
"is positive" at the end of a line, which the next line may go on as "semi-definite")."""
SIGNED_NOUN = re.compile(r"^\s*(?:is|are|be|being)\s+(?:an?\s+)?(?:strictly\s+)?"
                         r"(non-?negative|non-?positive|non-?zero|negative|positive)\s+(?:real\s+|integer\s+)?"
                         r"(?:random\s+variables?|real\s+numbers?|numbers?|integers?|scalars?|constants?|reals?"
                         r"|variables?|quantit(?:y|ies))\b", re.IGNORECASE)
"""The words after the name as a noun phrase: "be a non-negative random variable", "is a positive real number" (a
sign of a number or a random variable; not of a matrix, where "positive" is entrywise or definite)."""
INTEGER_NOUN = re.compile(r"^\s*(?:(?:is|are|be|being)\s+(?:an?\s+)?|an?\s+)(?:(?:strictly\s+)?(?:non-?negative|positive|"
                          r"negative|non-?zero)\s+)?integers?\b(?!\s*(?:-|multiples?|parts?|valued|matri|vectors?))",
                          re.IGNORECASE)
"""The words after the name that make it an integer: "is an integer", "be a positive integer", "and $m$ a non-negative
integer", "be an integer index" (not "an integer multiple of", "integer-valued")."""
INTEGER_BEFORE = re.compile(r"\b(?:an?|every|each|any|all|some|for|two|three)\s+(?:(?:strictly\s+)?(?:non-?negative|positive|"
                            r"negative|non-?zero)\s+)?integers?\s+(?:\$[^$]*\$\s*(?:,\s*and|,|and)\s+)*$", re.IGNORECASE)
"""The words before the name that make it an integer: "for an integer $n$", "for every positive integer $k \\ge 2$",
"for all integers $m$ and $n$" (the second name too), not "an integer multiple of $x$" (the name does not follow)."""
_SIGN = r"(?:strictly\s+)?(?P<sign>non-?negative|non-?positive|non-?zero|negative|positive)\s+"
_NOUN = (r"(?!(?:semi-?)?definite\b|semi|matri|vectors?\b|functions?\b|operators?\b|kernels?\b|measures?\b|parts?\b|"
         r"sets?\b|log|sampl|class|exampl|label|pair|instance|word|document|review|sentence|token|item|entr|feedback|"
         r"phase|half|(?:and|or|between|of|in|on|at|to|with|for|from|by|over|than|that|which)\b)[A-Za-z][\w-]*\s+")
SIGN_BEFORE = re.compile(r"\b(?:(?P<article>an?)|every|each|any|all|some|for|two|three)\s+" + _SIGN
                         + r"(?(article)" + _NOUN + ")(?:" + _NOUN + r"){0,2}(?:\$[^$]*\$\s*(?:,\s*and|,|and)\s+)*$",
                         re.IGNORECASE)
"""The words before the name that give its sign: "a nonzero gradient $g$", "a positive learning rate $\\eta$", "for
negative $x$", "two positive numbers $a$ and $b$" (the second name too); after "a" a noun must follow the sign word
("a positive $p$" is a positive sample, not a sign); not "a positive definite matrix $A$" nor "a
positive vector $v$" (entrywise or definite: a matrix's property, not a number's sign), nor a category named by a
sign word ("a negative log-likelihood $L$", "the negative samples $w_k$", "a positive example $x$")."""
RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
"""Signs given to a list of names in order: the first sign word is not the last name's."""
RELATIONS = {"negative": "<", "positive": ">", "nonnegative": ">=", "nonpositive": "<=", "nonzero": "!="}
_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
"""A Markdown link, read as its text: "be a [non-negative](/P/mean-nnrvar) [random variable](/D/rvar)"."""


def bare_name(block):
    """The one name ``block`` writes when it is nothing else (an inline ``$x$``: one row, no relation, no condition);
    else None."""
    rows = [r for r in block.rows if r.kind not in ("empty", "prose")]
    if len(rows) != 1 or rows[0].chain.rels or rows[0].conditions or len(rows[0].chain.exprs) != 1:
        return None
    (name,) = rows[0].chain.exprs
    return name if is_name(name) else None


def stated_integer(block, after: str):
    """The name ``block`` is (one bare inline name) when ``after``, the text after it on its line, calls it an integer;
    else None.  Its sign, if the words give one, is :func:`stated_signs`' to read."""
    after = _LINK.sub(r"\1", after)
    if INTEGER_NOUN.match(after) is None or RESPECTIVELY.search(re.split(r"[.;:!?](?:\s|$)", after)[0]):
        return None
    name = bare_name(block)
    return name if isinstance(name, sp.Symbol) else None


def integers_named_before(block, before: str) -> list:
    """The names ``block`` (an inline ``$n$`` or a condition ``$k \\ge 1$``) writes when ``before``, the text before it,
    ends by calling what follows an integer ("for every positive integer"); else []."""
    if INTEGER_BEFORE.search(_LINK.sub(r"\1", before)) is None:
        return []
    rows = [r for r in block.rows if r.kind not in ("empty", "prose")]
    if len(rows) != 1 or rows[0].conditions:
        return []
    exprs = rows[0].chain.exprs
    if len(exprs) == 1:
        return [exprs[0]] if isinstance(exprs[0], sp.Symbol) and is_name(exprs[0]) else []
    named = [e for e in exprs if isinstance(e, sp.Symbol) and is_name(e)]  # k in 1 \le k \le n (and n)
    return named if named and all(e.is_number or e in named for e in exprs) else []


def signs_named_before(block, before: str) -> list | None:
    r"""``[(name, rel, 0)]`` when ``block`` is one bare name (an inline ``$g$``) and ``before``, the text right before
    it, ends with a sign word and at most two nouns ("a nonzero gradient", "for any nonzero"); else None.  As a
    condition it replaces the section's earlier ones on the name (``assume``): after "On $0 < x < 1$ ...", "For any
    nonzero $x$, $\ln(x^2) = 2 \ln x$" is claimed for x < 0 too, and "for every positive $t$, $\sqrt{t^2} = t$"
    after "On $t < 0$" holds."""
    match = SIGN_BEFORE.search(_LINK.sub(r"\1", before)[-120:])
    if match is None:
        return None
    name = bare_name(block)
    if name is None:
        return None
    return [(name, RELATIONS[match.group("sign").lower().replace("-", "")], sp.Integer(0))]


def stated_signs(block, after: str) -> list | None:
    """``[(name, rel, 0)]`` when ``block`` is one bare name (an inline ``$x$``) and ``after``, the text that follows
    it on its line, starts with a sign word; else None."""
    after = _LINK.sub(r"\1", after)
    match = SIGN.match(after) or SIGNED_NOUN.match(after)
    if match is None or RESPECTIVELY.search(re.split(r"[.;:!?](?:\s|$)", after)[0]):
        return None  # "$x$ and $y$ are negative and positive, respectively": not y < 0
    name = bare_name(block)
    if name is None:
        return None
    return [(name, RELATIONS[match.group(1).lower().replace("-", "")], sp.Integer(0))]
