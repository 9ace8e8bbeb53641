r"""Moments of random vectors in a matrix claim: $\mathrm{E}[X^\top A X] = \mu^\top A \mu + \operatorname{tr}(A\Sigma)$.

The random vectors of a matrix claim are the names that appear only inside ``E(.)`` or ``Cov(., .)``
(``X`` above; ``A``, ``\mu``, ``\Sigma`` also appear outside: constants), but for names the notes declare a matrix
or vector; where the prose calls some of them random ("Let $X$ be an $n \times 1$ random vector"), only those, read
as vectors.  Each is read on a random law
with :data:`ATOMS` outcomes $X_{(k)}$ (random vectors or matrices of its shape) and positive weights

.. math:: w_k = u_k^2 / \textstyle\sum_l u_l^2,\qquad \mathrm{E}[f(X)] = \sum_k w_k f(X_{(k)}),\qquad
          \operatorname{Cov}(Y, Z) = \mathrm{E}[Y Z^\top] - \mathrm{E}[Y]\,\mathrm{E}[Z]^\top,

so the claim becomes a matrix identity in the outcomes and the $u_k$, sampled as any other.  Every law on
:data:`ATOMS` outcomes is a law, so a claim stated for any random vector that fails on every sample fails
(refuted, the outcomes and weights shown); one that holds on every sample is verified on such laws, never proved.
A failure refutes only where no law could make it hold:

* the notes state no law for the vector (``x \sim \mathcal{N}(\mu, \Sigma)``, "follows a ... distribution"): a
  failure on discrete laws says nothing about a Gaussian;
* the prose calls every random vector random (an undeclared ``W`` inside the moments may be a constant, for which
  $\mathrm{E}[X^\top W^\top] = \mathrm{E}[X^\top]\,\mathrm{E}[W^\top]$ holds);
* every name outside the moments is declared, tied, also inside a moment (the ``t`` of an MGF) or called a vector,
  matrix or constant by the prose ("$b$ is an $m \times 1$ vector"): any other may be a moment or parameter of the
  law (``\operatorname{tr}(A\Lambda)``).

A vector the prose gives a Gaussian law (``x \sim \mathcal{N}(\mu, \Sigma)``, the covariance a capital) is read
with its moment-generating function instead, where every moment is of the exponential of an affine function of it
(:func:`gaussian_expand`): $\mathrm{E}[\exp(u^\top x + c)] = \exp(c + u^\top\mu + \tfrac12 u^\top\Sigma u)$,
$\Sigma = L L^\top$; other names inside the moments are constants there, and a failure refutes only where each is
the argument of the notes' ``M_x(t)`` or declared.

Otherwise a failure is undecided, saying why.  Prose that names the mean and covariance (``$X$ ... with mean
$\mu$ and covariance $\Sigma$``) ties them: $\mu = \mathrm{E}[X]$, $\Sigma = \operatorname{Cov}(X, X)$.
"""
from __future__ import annotations

import re

import sympy as sp
from sympy.core.function import AppliedUndef

ATOMS = 3
"""Outcomes of each random vector's law: enough to make its mean and covariance free."""
MOMENTS = frozenset({"E", "\\mathbb{E}", "Cov"})
"""Function names read as moments in the order-keeping reading."""
METHOD = (f"random vectors read on random laws with {ATOMS} outcomes (weights u_k^2 / sum u^2), "
          "then matrix samples in float64")
UNNAMED = ("fails on every discrete law sampled with {names} random, but the notes do not call {names} random (a "
           "constant inside the moments may make it hold)")
STATED_LAW = ("fails on every discrete law sampled, but the notes state the law of {names}, which is not read "
              "as such here")
PARAMETERS = ("fails on every discrete law sampled, but {names} (outside the moments, neither declared nor tied to "
              "them) may be parameters or moments of the law the notes mean, so no law is free")
_TRANSPOSE = sp.Function("transpose")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MEAN = re.compile(r"\b(?:mean|expectation|expected value)(?:\s+vector)?\s+\$\s*\\?([A-Za-z]+)\s*\$")
_COVARIANCE = re.compile(r"\bcovariance(?:\s+matrix)?\s+\$\s*\\?([A-Za-z]+)\s*\$")


def moments_in(*exprs) -> set:
    return {f for e in exprs for f in e.atoms(AppliedUndef) if f.func.__name__ in MOMENTS}


def random_vectors(lhs, rhs, ties=None, constants=frozenset(), prose="") -> list:
    r"""The names (order-keeping symbols) only inside moments, once ``ties`` (name -> moment) are substituted, but for
    ``constants`` (names the notes declare a matrix or vector: "$A$ is an $m \\times n$ matrix") unless the prose
    gives them a law (``x \\sim \\mathcal{N}(\\mu, \\Sigma)``); where ``prose`` calls some of them random, only those."""
    lhs, rhs = (e.xreplace(ties or {}) for e in (lhs, rhs))
    inside = {s for m in moments_in(lhs, rhs) for a in m.args for s in a.free_symbols if not s.is_commutative}
    outside = set()
    for e in (lhs, rhs):
        bare = e.replace(lambda f: isinstance(f, AppliedUndef) and f.func.__name__ in MOMENTS, lambda *a: sp.S.One)
        outside |= bare.free_symbols
    found = sorted((s for s in inside - outside if s.name not in constants or law_written(prose, s.name)), key=str)
    called = [s for s in found if called_random(prose, s.name)]
    return called or found


def tied(prose: str, lhs, rhs, constants=frozenset()) -> dict:
    r"""``{mu: E(X), Sigma: Cov(X, X)}`` where a sentence of ``prose`` calls $X$ random and then ``$\mu$`` its mean and
    ``$\Sigma$`` its covariance, $X$ being the claim's one random vector and $\mu$, $\Sigma$ names of the claim."""
    names = {s.name: s for e in (lhs, rhs) for s in e.free_symbols}
    moment = sp.Function("E")
    out = {}
    for sentence in re.split(r"(?<=[.:;])\s+", _LINK.sub(r"\1", prose)):
        for pattern, kind in ((_MEAN, "mean"), (_COVARIANCE, "cov")):
            for m in pattern.finditer(sentence):
                name = names.get(m.group(1))
                if name is None:
                    continue
                before = re.findall(r"\$\s*\\?([A-Za-z])\s*\$", sentence[:m.start()])
                owners = [names[n] for n in before if n in names and called_random(sentence, n)]
                if len(set(owners)) != 1:
                    continue
                x = owners[0]
                out[name] = moment(x) if kind == "mean" else sp.Function("Cov")(x, x)
    randoms = random_vectors(lhs, rhs, out, constants, prose)
    if len(randoms) != 1 or any(str(v.args[0]) != str(randoms[0]) for v in out.values()):
        return {}
    return out


def expand(lhs, rhs, randoms, ties=None):
    """``(lhs, rhs, atoms, weights)``: every moment written out over the random laws (see the module docstring);
    ``atoms``: random vector -> its outcomes."""
    atoms = {x: [sp.Symbol(f"{x.name}_({k + 1})", commutative=False) for k in range(ATOMS)] for x in randoms}
    u = sp.symbols(f"u_1:{ATOMS + 1}", commutative=False)  # scalars the matrix sampler draws (kind fixed by the caller)
    total = sp.Add(*[v ** 2 for v in u])
    weights = [v ** 2 / total for v in u]

    def mean(body):
        return sp.Add(*[w * body.xreplace({x: atoms[x][k] for x in randoms}) for k, w in enumerate(weights)])

    def rewrite(f):
        if f.func.__name__ in ("E", "\\mathbb{E}") and len(f.args) == 1:
            return mean(f.args[0])
        if f.func.__name__ == "Cov" and len(f.args) == 2:
            y, z = f.args
            return mean(y * _TRANSPOSE(z)) - mean(y) * _TRANSPOSE(mean(z))
        return f

    def walk(e):
        e = e.xreplace(ties or {})
        return e.replace(lambda f: isinstance(f, AppliedUndef) and f.func.__name__ in MOMENTS, rewrite)

    return walk(lhs), walk(rhs), atoms, u


def called_vector(prose: str, name: str, what: str = "vectors?") -> bool:
    """Whether ``prose`` calls ``$name$`` a random vector ("Let $X$ be an $n$-dimensional random vector"), or with
    ``what``, another random thing."""
    for m in re.finditer(rf"\$\s*{re.escape(name)}\s*\$(?P<mid>[^,;.]*?)\brandom {what}\b", _LINK.sub(r"\1", prose)):
        if not re.search(r"\band\b", m.group("mid")):  # not "$A$ and $x$ a random vector"
            return True
    return False


def called_random(prose: str, name: str) -> bool:
    """Whether ``prose`` calls ``$name$`` a random vector, variable or matrix: only then may a failure refute (a name
    inside the moments the notes may mean as a constant, ``E[AX] = E[A] E[X]``, holds for a constant ``A``)."""
    return called_vector(prose, name, "(?:vectors?|variables?|matri(?:x|ces))")


def law_written(prose: str, name: str) -> bool:
    r"""Whether ``prose`` writes a law for ``name`` as a formula, ``x \sim \mathcal{N}(\mu, \Sigma)``."""
    return re.search(rf"(?<![A-Za-z\\]){re.escape(name)}\s*(?:\\sim|~)", _LINK.sub(r"\1", prose)) is not None


def law_stated(prose: str, name: str) -> bool:
    r"""Whether ``prose`` gives ``name`` a law: ``X \sim ...``, "$x$ follows a ... distribution", "$X$ is normally
    distributed"."""
    text = _LINK.sub(r"\1", prose)
    if re.search(rf"(?<![A-Za-z\\]){re.escape(name)}\s*(?:\\sim|~)", text):
        return True
    return any(re.search(rf"\$\s*{re.escape(name)}\s*\$", s) and re.search(r"\bfollow|\bdistributed\b|\bdistribution\b", s)
               for s in re.split(r"(?<=[.:;])\s+", text))


def unbound(prose: str, lhs, rhs, ties, constants) -> list:
    r"""The names outside the moments that may depend on the law: all but those the notes declare (``constants``),
    those also inside a moment (the argument ``t`` of :math:`\mathrm{E}[\exp(t^\top X)]`), the tied ones, and those
    the prose calls a vector, matrix or constant ("$b$ is an $m \times 1$ vector", not "the mean vector $m$")."""
    inside = {s for m in moments_in(lhs, rhs) for a in m.args for s in a.free_symbols}
    out = set()
    for e in (lhs, rhs):
        bare = e.replace(lambda f: isinstance(f, AppliedUndef) and f.func.__name__ in MOMENTS, lambda *a: sp.S.One)
        out |= {s for s in bare.free_symbols if s not in inside and s not in ties and s.name not in constants}
    return sorted(s.name for s in out if not _called_constant(prose, s.name))


def _called_constant(prose: str, name: str) -> bool:
    for m in re.finditer(rf"\$\s*{re.escape(name)}\s*\$\s*(?:is|be)?\s*an?\s+([^.,;]*?)\b(?:vector|matrix|constant)\b",
                         _LINK.sub(r"\1", prose)):
        if not re.search(r"mean|covariance|expect|variance|moment|random", m.group(1)):
            return True
    return False


_NORMAL = (r"\s*(?:\\sim|~)\s*\\mathcal\s*\{?\s*N\s*\}?\s*(?:\\left)?\(\s*(\\?[A-Za-z]+)\s*,\s*(\\?[A-Za-z]+)\s*"
           r"(?:\\right)?\)")
GAUSSIAN_METHOD = ("E[exp(u^T x + c)] = exp(c + u^T mu + u^T Sigma u / 2) for x ~ N(mu, Sigma) (its moment-generating "
                   "function), Sigma = L L^T, then matrix samples in float64")


def gaussian_law(prose: str, name: str) -> tuple[str, str] | None:
    r"""``(mean, covariance)`` names where ``prose`` states ``name \sim \mathcal{N}(\mu, \Sigma)``; None unless the
    covariance is a capital (a matrix: $\mathcal{N}(0, \sigma)$ may mean a standard deviation)."""
    found = {m.groups() for m in re.finditer(rf"(?<![A-Za-z\\]){re.escape(name)}{_NORMAL}", _LINK.sub(r"\1", prose))}
    if len(found) != 1:
        return None
    mean, cov = (g.lstrip("\\") for g in found.pop())
    return (mean, cov) if cov[:1].isupper() else None


def mgf_argument(prose: str, x: str, t: str) -> bool:
    """Whether ``prose`` writes ``t`` as the argument of ``x``'s moment-generating function, ``M_x(t)``: a constant."""
    return re.search(rf"M_\{{?{re.escape(x)}\}}?\s*(?:\\left)?\(\s*{re.escape(t)}\s*(?:\\right)?\)", prose) is not None


def gaussian_expand(lhs, rhs, x, mean, cov):
    r"""``(lhs, rhs)`` with every moment $\mathrm{E}[\exp(u^\top x + c)\,k]$ ($k$ free of ``x``) written as
    $k \exp(c + u^\top \mu + \tfrac12 u^\top \Sigma u)$ and ``cov`` as $L L^\top$ (any covariance is one); None where a
    moment is of another form or ``x`` appears outside the moments."""
    root = sp.Symbol(f"L_{cov.name}", commutative=False)
    square = root * _TRANSPOSE(root)

    def exponent(e):
        """``(u^T, c)`` of an exponent linear in ``x``, or None."""
        row, rest = sp.S.Zero, sp.S.Zero
        for term in sp.Add.make_args(sp.expand(e)):
            if not term.has(x):
                rest += term
                continue
            factors = list(term.args) if isinstance(term, sp.Mul) else [term]
            if factors[-1] == x and not sp.Mul(*factors[:-1]).has(x):
                row += sp.Mul(*factors[:-1])
            elif factors[0] == _TRANSPOSE(x) and not sp.Mul(*factors[1:]).has(x):
                row += _TRANSPOSE(sp.Mul(*factors[1:]))
            else:
                return None
        return row, rest

    def rewrite(f):
        if f.func.__name__ not in ("E", "\\mathbb{E}") or len(f.args) != 1:
            raise ValueError(f)
        factors = list(f.args[0].args) if isinstance(f.args[0], sp.Mul) else [f.args[0]]
        kept, total, exp = [], sp.S.Zero, None
        for g in factors:
            if not g.has(x):
                kept.append(g)
            elif getattr(g.func, "__name__", "") == "exp":
                total, exp = total + g.args[0], g.func
            else:
                raise ValueError(f)
        found = exponent(total)
        if found is None:
            raise ValueError(f)
        row, rest = found
        if exp is None:
            raise ValueError(f)
        return sp.Mul(*kept) * exp(rest + row * mean + row * square * _TRANSPOSE(row) / 2)

    try:
        out = [e.replace(lambda f: isinstance(f, AppliedUndef) and f.func.__name__ in MOMENTS, rewrite)
               for e in (lhs, rhs)]
    except ValueError:
        return None
    if any(e.has(x) for e in out):
        return None
    return tuple(e.xreplace({cov: square}) for e in out)
