r"""``\mathbb{E}[X]``, ``\operatorname{Var}(X)``, ``\mathrm{Cov}(X, Y)`` read over a random discrete distribution.

The random variables of a claim are the capital names inside ``E``, ``Var`` and ``Cov`` (``X``, ``Y``,
``\bar{X}``).  They are read as jointly distributed on ``ATOMS`` outcomes with positive weights
$u_k$ (the probabilities are $w_k = u_k / \sum_l u_l$) and values $x_k, y_k$:

.. math:: \mathbb{E}[f(X, Y)] = \sum_k w_k f(x_k, y_k),\quad
          \operatorname{Cov}(Z, W) = \sum_{k<l} w_k w_l (z_k - z_l)(w_k - w_l)
          = \mathbb{E}[ZW] - \mathbb{E}[Z]\,\mathbb{E}[W],\quad \operatorname{Var}(Z) = \operatorname{Cov}(Z, Z)

Every distribution on ``ATOMS`` outcomes is in this family, so a claim stated for *any* random
variable that fails here fails in general (a counterexample), and a polynomial moment identity that
holds for every such distribution holds for all of them.  ``\mu_X``, ``\sigma_X`` and ``\sigma_{XY}``
are read as the mean, standard deviation and covariance of ``X`` (and ``Y``).

The reading is only a refutation when nothing in the claim may depend on the distribution: names
that are not constants (``p``, ``\sigma``, ``\lambda``: parameters of a distribution the notes may
state in prose) or a distribution stated for the variables (``X \sim \mathrm{Bernoulli}(p)``) make a
failure ``undecided``; :func:`refutable` decides.
"""
from __future__ import annotations

import itertools
import re

import sympy as sp
from sympy.core.function import AppliedUndef

ATOMS = 3
"""Outcomes of the random discrete joint distribution: enough to separate E[X^2] from E[X]^2 and to
make covariances of two variables free."""
MAX_INDEPENDENT = 3
"""Most independent variables read by their product law (``ATOMS`` to that power outcomes)."""
OPERATORS = {"E": "E", r"\mathbb{E}": "E", "Var": "Var", r"\mathbb{V}": "Var", "Cov": "Cov", "Corr": "Corr"}
"""Function names read as moments (the parser gives ``\\operatorname{Var}`` and ``\\textrm{Var}`` as ``Var``)."""
CONSTANT = re.compile(r"[a-dk](_\{?\w+\}?)?")
"""Names read as constants, free of the distribution (``a``, ``b``, ``c_1``): the letters
conventionally used for constants; sizes and parameters (``n``, ``p``, ``q``, ``t``...) are not.  Any other name in a
failing claim may be a parameter of the distribution (``p``, ``\\mu``, ``\\sigma``, ``\\lambda``)."""
_TIED = re.compile(r"^(mu|sigma)_\{?([A-Z]{1,2})\}?$")


def operators_in(*exprs) -> set:
    return {f for e in exprs for f in e.atoms(AppliedUndef) if f.func.__name__ in OPERATORS}


def random_variables(exprs) -> set | str:
    """The random variables: capital symbols inside a moment operator; a reason when they cannot be read."""
    found = set()
    for app in operators_in(*exprs):
        for arg in app.args:
            if arg.atoms(sp.Indexed):
                return "moments of indexed random variables (X_i): their joint law (independence) is not read"
            found |= {s for s in arg.free_symbols if isinstance(s, sp.Symbol) and _capital(s.name)}
    return found


def _capital(name: str) -> bool:
    bare = re.sub(r"\\(?:bar|hat|tilde|overline)\{([^{}]*)\}", r"\1", name)
    return bool(re.fullmatch(r"[A-Z]+(_\{?\w+\}?)?", bare))


NO_RANDOM_VARIABLE = "a moment of no random variable (capital letters are read as random variables)"


def only_inside(lhs, rhs) -> set:
    r"""The names that appear only inside moments (``\hat{\theta}_n`` in ``E(\hat{\theta}_n - \theta) =
    E(\hat{\theta}_n) - \theta``, ``x^{(k)}`` in ``Var[x^{(k)}] = E[(x^{(k)})^2] - E[x^{(k)}]^2``): read as random
    variables when no capital is; a name also outside a moment (``\theta``) is a constant."""
    inside = {s for app in operators_in(lhs, rhs) for a in app.args for s in a.free_symbols
              if isinstance(s, sp.Symbol)}
    outside = _outside(lhs) | _outside(rhs)
    if any(a.atoms(sp.Indexed) for app in operators_in(lhs, rhs) for a in app.args):
        return set()
    return inside - outside


def decorated(names) -> set:
    r"""Of ``names``, the estimates and samples: ``\hat{\theta}_n``, ``\bar{x}``, ``x^{(k)}`` (the plain
    ``\theta`` beside them in ``E[(\hat{\theta}_n - \theta)^2]`` is the parameter they estimate)."""
    return {s for s in names if re.search(r"\\(?:hat|bar|tilde|overline|widehat)\{|\^\{?\(", s.name)}


def read_moments(lhs, rhs, variables=None, *, independent=False, law=None):
    r"""``(lhs, rhs, variables, names)`` (``names``: the other free names) with every moment written out over the random discrete distribution,
    None when the claim has no moment, or a reason why it cannot be read.  ``variables``: the random variables,
    when not the capitals inside the moments (:func:`only_inside`).  ``independent``: the variables are
    independent (the prose says so): each has its own ``ATOMS`` outcomes and weights, and the joint
    distribution is their product, $P(X = x_k, Y = y_l) = w^X_k w^Y_l$.  ``law``: ``(values, weights)``, the
    outcomes to read over instead (each variable's value at each outcome, and probabilities that sum to one:
    readers.notes.array_laws)."""
    if not operators_in(lhs, rhs):
        return None
    variables = random_variables((lhs, rhs)) if variables is None else set(variables)
    if isinstance(variables, str):
        return variables
    if not variables:
        return NO_RANDOM_VARIABLE
    others = {f.func.__name__ for e in (lhs, rhs) for f in e.atoms(AppliedUndef)} - set(OPERATORS)
    if others:
        return f"unknown functions: {', '.join(sorted(others))}"
    lhs, rhs = (_tie(e, variables) for e in (lhs, rhs))
    outside = {v for e in (lhs, rhs) for v in _outside(e)} & variables
    if outside:
        return f"the random variable {', '.join(sorted(map(str, outside)))} appears outside a moment"
    values = {v: sp.symbols(f"{_plain(v.name)}0:{ATOMS}", real=True) for v in sorted(variables, key=str)}
    if any(len(vals) != ATOMS for vals in values.values()):  # X_1: sympy reads "X_10:3" as a range from 10
        return "moments of numbered random variables (X_1, X_2): their joint law (independence) is not read"
    if independent and len(values) > MAX_INDEPENDENT:
        return f"more than {MAX_INDEPENDENT} independent random variables: their product law is not written out"
    if independent:  # the outcomes are tuples of each variable's outcomes, weighted by the product
        own = {v: sp.symbols(f"u_{_plain(v.name)}0:{ATOMS}", positive=True) for v in values}
        tuples = list(itertools.product(range(ATOMS), repeat=len(values)))
        weights = [sp.Mul(*[own[v][k] / sum(own[v]) for v, k in zip(values, t)]) for t in tuples]
        values = {v: [values[v][t[j]] for t in tuples] for j, v in enumerate(values)}
    else:
        weights = sp.symbols(f"u0:{ATOMS}", positive=True)
    if law is not None:
        values, weights = law
    total = sp.Integer(1) if independent or law is not None else sum(weights)
    outcomes = len(weights)

    def expect(body):
        return sp.Add(*[w / total * body.xreplace({v: vals[k] for v, vals in values.items()})
                        for k, w in enumerate(weights)])

    def at(body, k):
        return body.xreplace({v: vals[k] for v, vals in values.items()})

    def spread(a, b):
        r"""$\operatorname{Cov}(A, B) = \sum_{k<l} w_k w_l (a_k - a_l)(b_k - b_l)$: equal to
        $\mathbb{E}[AB] - \mathbb{E}[A]\mathbb{E}[B]$, without its cancellation (cheaper to evaluate)."""
        return sp.Add(*[weights[k] * weights[m] * (at(a, k) - at(a, m)) * (at(b, k) - at(b, m))
                        for k in range(outcomes) for m in range(k + 1, outcomes)]) / total ** 2

    def evaluate(app):
        kind, args = OPERATORS[app.func.__name__], app.args
        if kind == "E" and len(args) == 1:
            return expect(args[0])
        if kind == "Var" and len(args) == 1:
            return spread(args[0], args[0])
        if kind == "Cov" and len(args) == 2:
            return spread(*args)
        if kind == "Corr" and len(args) == 2:
            return spread(*args) / sp.sqrt(spread(args[0], args[0]) * spread(args[1], args[1]))
        raise ValueError(f"{app.func.__name__} with {len(args)} arguments")

    try:
        out = [e.replace(lambda f: isinstance(f, AppliedUndef) and f.func.__name__ in OPERATORS, evaluate)
               for e in (lhs, rhs)]
    except ValueError as exc:
        return str(exc)
    names = (lhs.free_symbols | rhs.free_symbols) - variables
    return out[0], out[1], variables, names


_MOMENT_OF = re.compile(r"^(mu|sigma)_\{(.+)\}$")


def compound_moments(expr):
    r"""``\mu_{aX+b}`` as ``E(aX+b)``, ``\sigma_{X+Y}`` as ``\sqrt{Var(X+Y)}``: a mean or standard deviation
    subscripted by a sum or product with a random variable (a capital) in it names the moment of that
    expression, not a new quantity.  A plain subscript (``\mu_X``, ``\sigma_{X^{(\infty)}}``) is left alone."""
    from readers.latex.nodes import LatexParseError
    from readers.latex.parse import parse_latex

    mapping = {}
    for s in expr.free_symbols:
        m = _MOMENT_OF.match(s.name) if isinstance(s, sp.Symbol) else None
        if m is None:
            continue
        try:
            inner = parse_latex(m.group(2))
        except LatexParseError:
            continue
        if not isinstance(inner, (sp.Add, sp.Mul)) or inner.atoms(AppliedUndef, sp.Indexed) \
                or not any(isinstance(v, sp.Symbol) and _capital(v.name) for v in inner.free_symbols):
            continue
        mapping[s] = sp.Function("E")(inner) if m.group(1) == "mu" else sp.sqrt(sp.Function("Var")(inner))
    return expr.xreplace(mapping) if mapping else expr


def _outside(expr) -> set:
    """Symbols of ``expr`` outside every moment operator."""
    stripped = expr.replace(lambda f: isinstance(f, AppliedUndef) and f.func.__name__ in OPERATORS,
                            lambda f: sp.Integer(1))
    return stripped.free_symbols


def _tie(expr, variables):
    r"""``\mu_X`` as ``E[X]``, ``\sigma_X`` as ``\sqrt{Var(X)}``, ``\sigma_{XY}`` as ``Cov(X, Y)``."""
    names = {v.name: v for v in variables}
    mapping = {}
    for s in expr.free_symbols:
        m = _TIED.match(s.name) if isinstance(s, sp.Symbol) else None
        if not m:
            continue
        kind, sub = m.groups()
        if len(sub) == 1 and sub in names:
            mapping[s] = sp.Function("E")(names[sub]) if kind == "mu" else sp.sqrt(sp.Function("Var")(names[sub]))
        elif len(sub) == 2 and kind == "sigma" and all(c in names for c in sub):
            mapping[s] = sp.Function("Cov")(names[sub[0]], names[sub[1]])
    return expr.xreplace(mapping) if mapping else expr


def _plain(name: str) -> str:
    return re.sub(r"\W+", "", name.replace("bar", "bar_")) or "v"


def atom_conditions(conditions, variables) -> tuple:
    r"""The conditions on one random variable alone (``X \ge 0``, ``0 < Y < 1``: "let $X$ be a non-negative random
    variable") as conditions on each of its outcomes ``X0, X1, X2``: a bound on a random variable holds at every
    outcome of its law (with it the claim's other symbols, constants such as ``a``, may appear)."""
    out = []
    for c in conditions:
        if not isinstance(c, sp.Rel):
            continue
        touched = c.free_symbols & set(variables)
        if len(touched) != 1:
            continue
        (v,) = touched
        out += [c.xreplace({v: atom}) for atom in sp.symbols(f"{_plain(v.name)}0:{ATOMS}", real=True)]
    return tuple(out)


def refutable(names, variables, distributed) -> str:
    """Why a failure of the discrete reading does not refute the claim, or '' when it does: the claim
    mentions a name that may be a parameter of the distribution, or a distribution is stated for one of
    its random variables."""
    stated = sorted(str(v) for v in variables if v in distributed)
    if stated:
        return f"a distribution is stated for {', '.join(stated)}: the claim may hold for it"
    tied = sorted(str(s) for s in names if not (isinstance(s, sp.Symbol) and CONSTANT.fullmatch(s.name)))
    if tied:
        return f"{', '.join(tied)} may be parameters of the distribution the notes mean"
    return ""
