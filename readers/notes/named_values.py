r"""A value stated in prose for a standard quantity the sentence names: a claim about that quantity.

.. code-block:: latex

    The derivative of tanh is $1 + \tanh^2(x)$.
    The variance of a Bernoulli random variable is $p(1 + p)$.
    A Poisson distribution with rate $\lambda$ has variance $\lambda^2$.

The words fix what the formula is the value of, so the block is a claim, checked as one:

==============================================  ==================================================================
the sentence names, right before the block      the claim
==============================================  ==================================================================
"the derivative of" a standard function         :math:`\frac{d}{dx} f(x) = G`: tanh, the (logistic) sigmoid, softplus,
(:data:`FUNCTIONS`), then "is"                  exp, sin, cos, the natural log; ``G`` in one letter ``x``, written
                                                with the function itself where its derivative is (tanh, sigmoid, exp:
                                                ``1 - \tanh^2(x)``, ``\sigma(x)(1-\sigma(x))`` or ``\sigma(1-\sigma)``)
"the mean / variance / standard deviation of"   the family's value (readers.notes.laws) ``= G``, under its parameter
a Bernoulli, Poisson, binomial, exponential     domain; the parameters are ``G``'s letters (one letter for a family of
or geometric law, then "is"; or "... law        one parameter; ``n`` and ``p`` for the binomial).  Exponential (rate
(with rate $\lambda$) has variance"             or scale) and geometric (trials or failures) laws are read both ways:
                                                refuted only when every reading fails
==============================================  ==================================================================

Anything else is no reading (the block keeps its own): a value with other letters (``1 - y^2``, where a later
``y = \tanh x`` may give them meaning), a sentence that goes on after the block with a qualifier ("where", "with",
"times", "for", "when", "at"), a block that is not one bare expression.
"""
from __future__ import annotations

import re
from dataclasses import replace as dataclass_replace

import sympy as sp
from sympy.core.function import AppliedUndef

from readers.notes.laws import law

_X = sp.Symbol("x", real=True)
_SIGMOID_NAMES = ("sigma", "sigmoid", "logistic", r"\sigma", "S")


def _sigmoid(u):
    return 1 / (1 + sp.exp(-u))


FUNCTIONS = (
    (r"(?:the\s+)?(?:hyperbolic\s+tangent|\\?tanh)(?:\s+function)?", "tanh", sp.tanh, True),
    (r"(?:the\s+)?(?:logistic\s+)?(?:sigmoid|logistic)(?:\s+function)?", "sigmoid", _sigmoid, True),
    (r"(?:the\s+)?(?:softplus|soft\s*plus)(?:\s+function)?", "softplus", lambda u: sp.log(1 + sp.exp(u)), False),
    (r"(?:the\s+)?(?:exponential\s+function|\\?exp|e\^x)", "exp", sp.exp, True),
    (r"(?:the\s+)?(?:sine|\\?sin)(?:\s+function)?", "sin", sp.sin, False),
    (r"(?:the\s+)?(?:cosine|\\?cos)(?:\s+function)?", "cos", sp.cos, False),
    (r"(?:the\s+)?(?:natural\s+(?:log|logarithm)|\\?ln)(?:\s+function)?", "log", sp.log, False),
)
r"""``(words, name, f, written with itself)``: the standard functions whose derivative a sentence may state.  With
``written with itself`` the value must write the function (``1 - \tanh^2(x)``), so that a value in another letter
(``1 - y^2``, with ``y = \tanh x`` to come) is never read."""

_IS = r"\s*,?\s*(?:is|equals|is\s+given\s+by|is\s+simply|is\s+just)\s*:?\s*$"
_QUANTITY = {"mean": "mean", "expected value": "mean", "expectation": "mean", "variance": "variance",
             "standard deviation": "std"}
_FAMILIES = {"bernoulli": "Bernoulli", "poisson": "Poisson", "binomial": "Binomial", "exponential": "Exponential",
             "geometric": "Geometric"}
_QUANTITY_WORDS = r"(?P<q>mean|expected\s+value|expectation|variance|standard\s+deviation)"
_FAMILY_WORDS = r"(?P<f>bernoulli|poisson|binomial|exponential|geometric)"
_NOUN = r"(?:\s+(?:distribution|random\s+variable|variable|law|r\.v\.|trial|count|variate))?"
_MOMENT_OF = re.compile(rf"\b(?:the\s+)?{_QUANTITY_WORDS}\s+of\s+(?:a|an|the|any)?\s*{_FAMILY_WORDS}{_NOUN}"
                        rf"(?:\s*\$[^$]*\$)?{_IS}", re.IGNORECASE)
_HAS_MOMENT = re.compile(rf"\b{_FAMILY_WORDS}{_NOUN}(?:\s*\$[^$]*\$)?(?:\s+with\s+(?:rate|parameter|success\s+"
                         rf"probability)\s*\$[^$]*\$)?\s*,?\s+has\s+(?:a\s+)?{_QUANTITY_WORDS}\s*(?:of\s*)?:?\s*$",
                         re.IGNORECASE)
QUALIFIER = re.compile(r"^\s*[,;:]?\s*(?:where|with|times|for|when|if|at|in\s+terms|evaluated|multiplied|divided|"
                       r"plus|minus|and\s+(?:its|the)|which\s+(?:is|we)\s+(?:write|call))\b", re.IGNORECASE)
"""Words after the block that make it part of something larger ("$1 - y^2$ where $y = \\tanh x$")."""
COUNT_LETTERS = ("n", "N", "m")
PROBABILITY_LETTERS = ("p", "theta", "q", "pi")


def derivative_claim(before: str, after: str, value):
    """``(what, [(lhs, rhs, conditions)])``: the claim a sentence "the derivative of tanh is" makes of ``value``,
    or None (module docstring)."""
    if QUALIFIER.match(after):
        return None
    for words, name, f, with_itself in FUNCTIONS:
        found = re.search(rf"\bderivative\s+of\s+(?:{words}|\$\s*\\{name}\s*(?:\(\s*(?P<x>[a-z])\s*\)|(?P<y>[a-z]))?"
                          rf"\s*\$){_IS}", before, re.IGNORECASE) if name not in ("sigmoid", "softplus") else \
            re.search(rf"\bderivative\s+of\s+{words}{_IS}", before, re.IGNORECASE)
        if not found:
            continue
        named = found.groupdict().get("x") or found.groupdict().get("y")
        value = _sigmoid_written(value)
        if value is None:
            return None
        letters = [s for s in value.free_symbols if isinstance(s, sp.Symbol)]
        if value.atoms(AppliedUndef, sp.Indexed) or len(letters) > 1:
            return None
        x = letters[0] if letters else _X
        if named and x.name != named:
            return None  # "the derivative of $\tanh(z)$ is $1 - \tanh^2(x)$": another letter
        if with_itself and not _writes(value, f(x)):
            return None
        if not with_itself and not letters:
            return None
        conditions = (sp.Gt(x, 0),) if name == "log" else ()
        return f"the derivative of {name}", [(sp.Derivative(f(x), x), value, conditions)]
    return None


def _sigmoid_written(value):
    r"""``value`` with the sigmoid written out: ``\sigma(x)`` and a bare ``\sigma`` (of the one variable)."""
    value = value.replace(lambda e: isinstance(e, AppliedUndef) and e.func.__name__ in _SIGMOID_NAMES
                          and len(e.args) == 1, lambda e: _sigmoid(e.args[0]))
    bare = [s for s in value.free_symbols if isinstance(s, sp.Symbol) and s.name in _SIGMOID_NAMES]
    if bare:
        others = [s for s in value.free_symbols if s not in bare]
        if others:
            return None
        value = value.xreplace({bare[0]: _sigmoid(_X)})
    return value


def _writes(value, fx) -> bool:
    """Whether ``value`` writes ``fx`` (``tanh(x)``; the sigmoid in the form :func:`_sigmoid_written` gave it)."""
    return value.has(fx)


def moment_claims(before: str, after: str, value):
    """``(what, [(lhs, rhs, conditions), ...])`` for "the variance of a Bernoulli is": one claim per reading of the
    family's parametrisation, or None (module docstring)."""
    if QUALIFIER.match(after):
        return None
    found = _MOMENT_OF.search(before) or _HAS_MOMENT.search(before)
    if found is None:
        return None
    kind = _QUANTITY[" ".join(found.group("q").lower().split())]
    family = _FAMILIES[found.group("f").lower()]
    if value.atoms(AppliedUndef, sp.Indexed, sp.Sum, sp.Integral, sp.Derivative):
        return None
    letters = sorted((s for s in value.free_symbols if isinstance(s, sp.Symbol)), key=str)
    laws = _readings(family, letters)
    if not laws:
        return None
    claims = []
    for reading in laws:
        count = {s.name: s for s in reading.fact(kind).free_symbols if s.is_integer}
        written = value.xreplace({s: count[s.name] for s in value.free_symbols if s.name in count})
        claims.append((reading.fact(kind), written, tuple(c for c in reading.domain if c is not sp.true)))
    return f"the {kind} of the {family} law", claims


def _readings(family: str, letters: list):
    """The laws a family's value in ``letters`` may be of: each parametrisation in use."""
    if family in ("Bernoulli", "Poisson", "Exponential", "Geometric"):
        if len(letters) != 1:
            return []
        (a,) = letters
        if family == "Geometric":
            trials = law(sp.Function("Bernoulli")(a))
            return [dataclass_replace(trials, mean=1 / a, variance=(1 - a) / a ** 2),
                    dataclass_replace(trials, mean=(1 - a) / a, variance=(1 - a) / a ** 2)]
        found = law(sp.Function(family)(a))
        if family == "Exponential":
            return [found, dataclass_replace(found, mean=a, variance=a ** 2)]
        return [found]
    if family == "Binomial":
        counts = [s for s in letters if s.name in COUNT_LETTERS]
        probabilities = [s for s in letters if s.name in PROBABILITY_LETTERS]
        if len(letters) != 2 or len(counts) != 1 or len(probabilities) != 1:
            return []
        count = sp.Symbol(counts[0].name, integer=True, positive=True)  # a number of trials
        return [law(sp.Function("Binomial")(count, probabilities[0]))]
    return []


def text_after(lines: list[str], line: int, column: int, source: str) -> str:
    """The words right after a block that starts at ``line``, ``column`` and writes ``source``: the rest of its last
    line and the next line."""
    last = line + source.count("\n")
    if not 0 < last <= len(lines):
        return ""
    end = column - 1 + len(source) if last == line else len(source.rsplit("\n", 1)[-1])
    return lines[last - 1][end:] + " " + (lines[last] if last < len(lines) else "")


_LAW_FAMILY = r"(?P<f>bernoulli|poisson|binomial|exponential|geometric)"
_LAW_PARAMETERS = (r"(?:\s*,?\s*with\s+(?:(?P<word>rate|scale|parameter|success\s+probability|mean)\s+)?"
                   r"\$(?P<p>[^$]+)\$|\s*,?\s*with\s+parameters\s+\$(?P<n>[^$]+)\$\s*(?:and|,)\s*\$(?P<q>[^$]+)\$)")
_LAW_NOUN = r"(?:random\s+variable|variable|r\.v\.|variate)"
PROSE_LAWS = (
    re.compile(rf"\$(?P<v>[A-Z])\$\s+(?:be|is|denotes|follows)\s+(?:a|an)\s+{_LAW_FAMILY}\s+(?:distributed\s+)?"
               rf"{_LAW_NOUN}{_LAW_PARAMETERS}", re.IGNORECASE),
    re.compile(rf"\b(?:a|an)\s+{_LAW_FAMILY}\s+{_LAW_NOUN}\s+\$(?P<v>[A-Z])\${_LAW_PARAMETERS}", re.IGNORECASE),
)
r"""A law stated in words: "Let $X$ be a Poisson random variable with rate $\lambda$", "a Bernoulli variable $X$ with
parameter $p$", "$N$ is a binomial random variable with parameters $n$ and $p$"."""
_UNAMBIGUOUS_WORDS = {"Exponential": ("rate", "scale"), "Poisson": ("rate", "parameter", "mean"),
                      "Bernoulli": ("parameter", "success probability", "mean"), "Binomial": (None,),
                      "Geometric": ()}
"""The words that fix a family's parametrisation (an exponential "with parameter $\\lambda$" may be a rate or a
scale, and a geometric law counts trials or failures: no reading)."""


def prose_law(line: str, column: int):
    """``(variable, family, parameter texts, word)`` when an inline block at ``column`` (1-based) of ``line`` is the
    last formula of a sentence that states a law in words (:data:`PROSE_LAWS`), else None."""
    for pattern in PROSE_LAWS:
        for found in pattern.finditer(line):
            last = found.start("q") if found.group("q") is not None else found.start("p")
            if last != column:  # the block is the parameter's (its $ is at 1-based column ``last``)
                continue
            family = _FAMILIES[found.group("f").lower()]
            word = " ".join(found.group("word").lower().split()) if found.group("word") else None
            if word not in _UNAMBIGUOUS_WORDS[family]:
                return None
            texts = (found.group("n"), found.group("q")) if found.group("q") is not None else (found.group("p"),)
            if (family == "Binomial") != (len(texts) == 2):
                return None
            return found.group("v"), family, texts, word
    return None


def stated_law(family: str, parameters: tuple, word):
    """The :class:`~readers.notes.laws.Law` of a law stated in words, marked unambiguous (the words fixed its
    parametrisation), or None."""
    if family == "Exponential" and word == "scale":
        (scale,) = parameters
        found = law(sp.Function("Exponential")(1 / scale))
        return None if found is None else dataclass_replace(found, mean=scale, variance=scale ** 2, unambiguous=True,
                                                            args=(scale,), entropy=1 + sp.log(scale), mgf=None)
    found = law(sp.Function(family)(*parameters))
    return None if found is None else dataclass_replace(found, unambiguous=True)
