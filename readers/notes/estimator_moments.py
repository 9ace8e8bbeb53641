r"""The moments of an estimator under their standard names, written out as the moments they are.

.. math:: \operatorname{MSE}(\hat\theta) = \mathbb{E}[(\hat\theta - \theta)^2], \qquad
          \operatorname{Bias}(\hat\theta, \theta) = \mathbb{E}[\hat\theta] - \theta, \qquad
          \mathbb{E}_{\hat\theta}[f(\hat\theta)] = \mathbb{E}[f(\hat\theta)]

``MSE`` and ``Bias`` of an estimate (a name under a hat, tilde or bar: ``\hat{\theta}``) are standard quantities, not
names a block defines: ``\mathrm{MSE}(\hat\theta) = \mathrm{Var}(\hat\theta) - \mathrm{Bias}(\hat\theta)^2`` is a
claim about them. Their second argument, when written, is the estimated parameter; without it the parameter is the
estimate's bare name (``\theta`` for ``\hat{\theta}``). An expectation subscripted by the random variable it averages
over (``\mathbb{E}_{\hat\theta}``, ``\mathrm{E}_X``: a capital or an estimate that its argument uses, and no other
random variable) is the plain expectation (``\mathbb{E}_X[XY]``, an average over ``X`` alone, is not). Anything else
(``\mathrm{MSE}(\mathbf{X}, h)``, a loss over a data set; ``\mathbb{E}_x``, a lower-case dummy) is left as written.

A claim whose every side holds a moment of the estimate and whose parameter enters only through ``MSE`` and ``Bias``
relates moments that every estimator of every parameter has (:func:`about_any_estimator`): a failure at one law of the
estimate and one value of the parameter is a counterexample, as the constant estimator already shows (its variance is
0 and its bias anything).  ``Bias(\hat\mu) = 0`` or ``\mathbb{E}[\hat\mu] = \mu`` (a side with no moment, a property of
a particular estimator) are not.
"""
from __future__ import annotations

import re

import sympy as sp
from sympy.core.function import AppliedUndef

from readers.notes.moments import _capital

ESTIMATOR_OPERATORS = ("MSE", "Bias", "bias", "mse")
ESTIMATE = re.compile(r"\\(?:hat|widehat|tilde|widetilde|bar|overline)\{(.+)\}(?:_\{?\w+\}?)?")
r"""The decorations that mark an estimate, around the estimated parameter's name, and an optional subscript (the
sample size: ``\hat{\theta}_n`` estimates ``\theta``)."""
EXPECTATION = re.compile(r"(?:\\mathbb\{E\}|\\mathrm\{E\}|\\operatorname\{E\}|E)_(.+)")
"""An expectation with a subscript: the subscript is matched against the names its argument uses."""
ANY_ESTIMATOR = ("MSE and Bias are moments every estimator has: a failing law of the estimate and value of the "
                 "parameter is a counterexample")


def parameter(estimate):
    r"""The parameter an estimate estimates: ``\theta`` for ``\hat{\theta}``; None for a name with no decoration."""
    from readers.latex.nodes import LatexParseError
    from readers.latex.parse import parse_latex

    m = ESTIMATE.fullmatch(estimate.name) if isinstance(estimate, sp.Symbol) else None
    if m is None:
        return None
    try:
        bare = parse_latex(m.group(1))
    except LatexParseError:
        return None
    return bare if isinstance(bare, sp.Symbol) else None


def estimator_operator(app) -> bool:
    r"""Whether ``app`` is ``MSE`` or ``Bias`` of an estimate, with the parameter as the optional second argument."""
    if not isinstance(app, AppliedUndef) or app.func.__name__ not in ESTIMATOR_OPERATORS or len(app.args) not in (1, 2):
        return False
    theta = parameter(app.args[0])
    return theta is not None and (len(app.args) == 1 or app.args[1] == theta)


def _plain_expectation(app) -> bool:
    m = EXPECTATION.fullmatch(app.func.__name__) if isinstance(app, AppliedUndef) else None
    if m is None or len(app.args) != 1:
        return False
    used = {s.name: s for s in app.args[0].free_symbols if isinstance(s, sp.Symbol)}
    sub = m.group(1)
    sub = sub[1:-1] if sub.startswith("{") and sub.endswith("}") and sub[1:-1] not in used else sub
    if sub not in used or not (_capital(sub) or parameter(used[sub]) is not None):
        return False
    others = [n for n in used if n != sub and (_capital(n) or parameter(used[n]) is not None)]
    return not others  # E_X[XY]: an average over X alone, a function of Y, not the expectation E[XY]


def written_out(expr):
    r"""``expr`` with ``MSE``, ``Bias`` of an estimate and ``\mathbb{E}_{\hat\theta}`` written as plain moments."""
    if not isinstance(expr, sp.Basic):
        return expr
    E = sp.Function("E")

    def rewrite(app):
        if _plain_expectation(app):
            return E(app.args[0])
        estimate = app.args[0]
        theta = parameter(estimate)
        return E((estimate - theta) ** 2) if app.func.__name__.lower() == "mse" else E(estimate) - theta

    return expr.replace(lambda e: estimator_operator(e) or _plain_expectation(e), rewrite)


def has_estimator_operator(*exprs) -> bool:
    return any(estimator_operator(a) for e in exprs if isinstance(e, sp.Basic) for a in e.atoms(AppliedUndef))


RESTRICTED = re.compile(r"\b(?:unbiased|consistent|efficient|biased|bias\s+(?:is|of|equal|vanish|tends)|zero\s+bias|"
                        r"minimum[\s-]+variance|UMVUE?|BLUE|sample\s+mean|maximum\s+likelihood|MLE)\b", re.IGNORECASE)
"""Words that restrict the estimate to a kind (unbiased, the sample mean, the MLE): a claim may hold for it alone."""


def about_any_estimator(lhs, rhs, prose: str = "") -> set:
    r"""The parameters that a failure may take any value of: those of ``MSE`` and ``Bias`` in a claim that names them
    and whose every side holds a moment of the estimate (``MSE = Var - Bias^2``), the parameter written nowhere else,
    where ``prose`` (the block's sentence, introduction and heading) does not restrict the estimate
    (:data:`RESTRICTED`: "for an unbiased estimator, MSE = Var"); empty otherwise (``Bias(\hat\mu) = 0``: a
    property of one estimator)."""
    if RESTRICTED.search(prose):
        return set()
    apps = [a for e in (lhs, rhs) for a in e.atoms(AppliedUndef) if estimator_operator(a)]
    if not apps:
        return set()
    estimates = {a.args[0] for a in apps}
    thetas = {parameter(x) for x in estimates}
    moments = ("E", "Var", *ESTIMATOR_OPERATORS)
    for side in (lhs, rhs):
        held = [a for a in side.atoms(AppliedUndef) if (a.func.__name__ in moments or _plain_expectation(a))
                and a.args[0].free_symbols & estimates]
        if not held:
            return set()
        bare = side.replace(lambda e: estimator_operator(e), lambda e: sp.Integer(1))
        if bare.free_symbols & thetas:
            return set()
    return thetas
