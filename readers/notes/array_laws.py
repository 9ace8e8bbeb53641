r"""A moment claim whose other side writes the law out as arrays:

.. math:: \mathbb{E}[X] = \sum_i x_i p_i, \qquad
          \operatorname{Cov}(X, Y) = \sum_{i, j} (x_i - \mu_X)(y_j - \mu_Y)\, p_{ij}

The arrays name the law ("X takes the values x_i with probabilities p_i"): the lowercase array of
each random variable (``x`` for ``X``) holds its values, and the one other array, with one index per
random variable and a name probabilities go by (:data:`WEIGHT_NAMES`), holds the probabilities.  Both sides are written out over one law on :data:`SIZE`
values per variable (the sizes of the sums set to :data:`SIZE`): values free reals, probabilities
:math:`p_{ij} = u_{ij} / \sum u` with free positive weights :math:`u`.  Every finite law of that
size is in this family, so a failure is a counterexample, and agreement at random draws is
evidence.

A condition on moments (``\mu_X = \mu_Y = 0``) is written out over the same law and solved for one
value it is linear in (``x_1``), so that every point sampled satisfies it; a condition that cannot be
solved so leaves the claim to the caller (None).
"""
from __future__ import annotations

import itertools

import sympy as sp

from readers.notes.moments import _tie, random_variables, read_moments

SIZE = 3
"""Values per random variable: enough to make a mean, a variance and a covariance free of each other."""
METHOD = "the law the arrays name"
"""How a report read over such a law starts (the caller keeps its failures: the arrays are the law's)."""
WEIGHT_NAMES = frozenset({"p", "P", "q", "w", "pi", r"\pi"})
"""Names an array of probabilities goes by (``f_i`` may be counts, which a law would normalise)."""
MAX_VARIABLES = 2
"""Joint laws of at most two variables (``p_{ij}``) are written out."""


class ArrayLaw:
    """The law the arrays of a claim name, written out at :data:`SIZE` values per variable."""

    def __init__(self, variables, value_arrays, weight, sizes):
        self.variables = variables  # the random variables in order: X, Y
        self.value_arrays = value_arrays  # {X: x}
        self.weight = weight  # the probabilities' array p
        self.sizes = sizes  # the sums' size symbols (N), set to SIZE
        supports = [range(1, SIZE + 1)] * len(variables)
        self.points = list(itertools.product(*supports))
        self.values = {v: [sp.Symbol(f"{value_arrays[v].label}{k}", real=True) for k in range(1, SIZE + 1)]
                       for v in variables}
        self.raw = {point: sp.Symbol(f"u_{''.join(map(str, point))}", positive=True) for point in self.points}
        total = sp.Add(*self.raw.values())
        self.probability = {point: u / total for point, u in self.raw.items()}

    def moments(self):
        r"""``(values, weights)`` for :func:`readers.notes.moments.read_moments`: the outcome at each point."""
        values = {v: [self.values[v][point[k] - 1] for point in self.points] for k, v in enumerate(self.variables)}
        return values, [self.probability[point] for point in self.points]

    def write_out(self, expr):
        """``expr`` with its sums over the arrays carried out at :data:`SIZE` and the entries replaced by the
        law's values and probabilities; None when an entry falls outside the law."""
        expr = expr.xreplace({s: sp.Integer(SIZE) for s in self.sizes})
        expr = expr.replace(lambda e: isinstance(e, sp.Sum), _unrolled)
        mapping = {}
        for entry in expr.atoms(sp.Indexed):
            if not all(i.is_Integer and 1 <= i <= SIZE for i in entry.indices):
                return None
            position = tuple(int(i) for i in entry.indices)
            if entry.base == self.weight:
                mapping[entry] = self.probability[position]
                continue
            owner = next(v for v, a in self.value_arrays.items() if a == entry.base)
            mapping[entry] = self.values[owner][position[0] - 1]
        return expr.xreplace(mapping)

    def describe(self) -> str:
        named = ", ".join(f"{v} takes {self.value_arrays[v].label}_1..{self.value_arrays[v].label}_{SIZE}"
                          for v in self.variables)
        return (f"{METHOD}: {named} with probabilities {self.weight.label} "
                f"(positive weights u / sum u, sums at size {SIZE})")


def _unrolled(total):
    """A sum with whole-number limits written out term by term (what ``doit`` gives, without its search for a closed
    form)."""
    limits = [(v, lo, hi) for v, lo, hi in total.limits]
    if not all(lo.is_Integer and hi.is_Integer for _, lo, hi in limits):
        return total.doit()
    ranges = [range(int(lo), int(hi) + 1) for _, lo, hi in limits]
    return sp.Add(*[total.function.xreplace({v: sp.Integer(k) for (v, _, _), k in zip(limits, point)})
                    for point in itertools.product(*ranges)])


def array_law(lhs, rhs) -> ArrayLaw | None:
    r"""The law written out by the arrays of ``lhs = rhs`` (module docstring), or None when the claim has
    no moment, or its arrays are not one value array per random variable and one array of probabilities."""
    variables = random_variables((lhs, rhs))
    if isinstance(variables, str) or not variables or len(variables) > MAX_VARIABLES:
        return None
    ordered = sorted(variables, key=lambda v: v.name)
    bases = {b.label.name: b for e in (lhs, rhs) for b in e.atoms(sp.IndexedBase)}
    value_arrays = {v: bases.get(v.name.lower()) for v in ordered}
    if any(a is None for a in value_arrays.values()):
        return None
    others = [b for b in bases.values() if b not in value_arrays.values()]
    if len(others) != 1:
        return None
    (weight,) = others
    if weight.label.name not in WEIGHT_NAMES:
        return None
    for entry in (x for e in (lhs, rhs) for x in e.atoms(sp.Indexed)):
        if len(entry.indices) != (len(ordered) if entry.base == weight else 1):
            return None
    sums = [s for e in (lhs, rhs) for s in e.atoms(sp.Sum)]
    if not sums or any(lo != 1 or not isinstance(hi, sp.Symbol) for s in sums for _, lo, hi in s.limits):
        return None
    sizes = {hi for s in sums for _, _, hi in s.limits}
    return ArrayLaw(ordered, value_arrays, weight, sizes)


def written_out(law: ArrayLaw, lhs, rhs, conditions):
    """``(left, right, rest, solved)``: both sides over the law, the conditions not about moments (``rest``)
    and the values the moment conditions fix (``solved``); None when a side or a condition cannot be
    written out or solved."""
    variables = set(law.variables)
    read = read_moments(lhs, rhs, variables, law=law.moments())
    if not isinstance(read, tuple):
        return None
    left, right = (law.write_out(e) for e in read[:2])
    if left is None or right is None:
        return None
    rest, solved = [], {}
    for condition in conditions:
        tied = _tie(condition, variables) if isinstance(condition, sp.Eq) else condition
        if not isinstance(tied, sp.Eq) or tied == condition and not tied.has(*law.variables):
            rest.append(condition)
            continue
        over = read_moments(tied.lhs, tied.rhs, variables, law=law.moments())
        if not isinstance(over, tuple):
            return None
        gap = (law.write_out(over[0] - over[1]))
        if gap is None:
            return None
        gap = sp.together(gap.xreplace(solved))
        value = _solve_linear(sp.numer(gap), [s for v in law.variables for s in law.values[v]
                                                if s not in solved])
        if value is None:
            return None
        symbol, found = value
        solved = {k: v.xreplace({symbol: found}) for k, v in solved.items()}
        solved[symbol] = found
    if solved:  # the solved values are fractions: one denominator keeps the sides small for the checker
        left, right = (sp.together(e.xreplace(solved)) for e in (left, right))
    return left, right, rest, solved


def _solve_linear(expr, candidates):
    """``(symbol, value)`` for the first candidate ``expr`` is linear in with a coefficient that cannot vanish
    (a product of positive weights), or None."""
    for symbol in candidates:
        if symbol not in expr.free_symbols:
            continue
        poly = sp.Poly(sp.expand(expr), symbol)
        if poly.degree() != 1:
            continue
        slope, rest = poly.all_coeffs()
        if not slope.is_positive and not (-slope).is_positive:
            continue
        return symbol, sp.together(-rest / slope)
    return None
