r"""From a step to scalar instances: plain symbols, concrete sizes and indices, sampling groups.

A step over symbolic sizes, such as the softmax Jacobian diagonal

.. math:: \frac{\partial}{\partial z_i} \frac{e^{z_i}}{\sum_{j=0}^{K-1} e^{z_j}} = \sigma_i (1 - \sigma_i),
          \quad i \in [0, K-1],

becomes one :class:`Instance` per size (``K = 2, 3, 5`` by default) and per
value of each free index: sizes are substituted, ``doit()`` expands sums,
derivatives and Kronecker deltas, and each element ``z[0]`` becomes a scalar
symbol ``z[0]``.  Symbols are *refined*: they carry the assumptions implied by
their own declaration, by atomic step assumptions (``x > 0``) and by their
sampling domain, so that sympy may use them.  Elements of one array form one
:class:`Group`, sampled jointly (a simplex vector sums to one).
"""
from __future__ import annotations

import contextlib
import dataclasses
import functools
import itertools
import math
from dataclasses import dataclass

import numpy as np
import sympy as sp

from derivations.checker.step import Step
from symbolic.bound_variables import bound_apart
from symbolic.domains import Domain, Simplex, domain_for_assumptions
from symbolic.expr import as_expr
from symbolic.functions import ReduceMax
from symbolic.shared_subtrees import build, replace, xreplace

from derivations.checker.assumptions import numeric_bound, region_for

SCALAR_SIZES = tuple(range(-12, 13)) + (-20, 20, 37, -37, 64, 100, 250, 1000)
"""Sizes tried for a size symbol (a limit of a Sum or Product) when the step names none and has no arrays:
every integer from -12 to 12 and some larger ones, kept where the symbol's assumptions and the step's
side conditions hold."""
ARRAY_SIZES = (2, 3, 5)
"""Sizes tried for the length of arrays (each size writes out every element)."""
MULTI_SIZES = tuple(range(-3, 9))
"""Values per symbol when several size symbols vary together (all combinations, up to ``MAX_SIZE_COMBOS``)."""
MAX_SIZE_COMBOS = 160
MAX_INSTANCES = 400
"""More concrete instances than this is not checked (sizes times index values)."""
MAX_TERMS = 10_000
"""Longest sum or product written out term by term."""
MAX_NESTING = 10
"""Rounds of writing out nested sums (an inner sum's limits may depend on the outer index)."""

_EVALUATED = (sp.Derivative, sp.Sum, sp.Product, ReduceMax)
"""Unevaluated nodes that a concrete instance evaluates (``doit``)."""

_SIGN_WORDS = {sp.StrictGreaterThan: "positive", sp.GreaterThan: "nonnegative",
               sp.StrictLessThan: "negative", sp.LessThan: "nonpositive", sp.Unequality: "nonzero"}


class Unsupported(Exception):
    """The step uses a construct the checker cannot instantiate (the reason says which)."""


@dataclass(frozen=True)
class Group:
    """Symbols sampled together from one domain: a scalar (``shape == ()``) or an array's elements in C order."""

    domain: Domain
    shape: tuple[int, ...]
    symbols: tuple[sp.Symbol, ...]

    def assign(self, values: np.ndarray) -> dict:
        return dict(zip(self.symbols, np.asarray(values, dtype=float).reshape(-1).tolist()))


@dataclass(frozen=True)
class Instance:
    """A scalar claim ``lhs REL rhs`` over plain, refined symbols; ``label`` names the sizes and indices."""

    lhs: sp.Expr
    rhs: sp.Expr
    rel: str
    assumptions: tuple[sp.Basic, ...]
    groups: tuple[Group, ...]
    variable: sp.Symbol | None = None
    point: sp.Expr | None = None
    label: str = ""
    complex_names: tuple[str, ...] = ()
    undefined: str = "skipped"
    written_divisors: tuple = ()
    """``(side, v)`` pairs in the instance's symbols: the side as written divides by $v$ (``Step.written_divisors``)."""
    derivatives: tuple = ()
    """``(side, D, f, x, n)`` in the instance's symbols: the side holds $D = f^{(n)}$ (``Step.derivatives``)."""

    @functools.cached_property
    def is_complex(self) -> bool:
        """Whether values are compared as complex numbers: a symbol was assumed complex (written as ``x.re +
        I*x.im``), or the step writes the imaginary unit itself (``(1 + i)^2 = 2i`` after ``i^2 = -1``), so a side
        with an imaginary part is a value, not a point outside the domain.  Remembered (a walk of both sides, asked
        at every sampled point): the fields of a frozen instance do not change."""
        return bool(self.complex_names) or self.lhs.has(sp.I) or self.rhs.has(sp.I)

    @functools.cached_property
    def symbols(self) -> tuple[sp.Symbol, ...]:
        return tuple(s for g in self.groups for s in g.symbols)

    def labelled(self, counterexample: dict) -> dict:
        """``counterexample`` with the sizes and indices it was found at (``"at": label``), when there are any."""
        return counterexample | ({"at": self.label} if self.label else {})

    @property
    def simplex_substitution(self) -> dict:
        r"""For each simplex group $p$: $p_{K-1} \mapsto 1 - \sum_{k<K-1} p_k$ (empty when there is none)."""
        out = {}
        for g in self.groups:
            if isinstance(g.domain, Simplex) and len(g.shape) == 1 and len(g.symbols) > 1:
                out[g.symbols[-1]] = 1 - sp.Add(*g.symbols[:-1])
        return out

    def on_simplex(self) -> Instance:
        r"""The instance with each simplex's last entry written as $1 - \sum$ of the others.

        Float samples of a simplex sum to one only up to rounding, and a claim
        that rests on $\sum_k p_k = 1$ would fail by that rounding; written this
        way it is evaluated on the simplex exactly.  The sampled last entry is
        then unused (but see ``sampling.respects_domains``).
        """
        substitution = self.simplex_substitution
        if not substitution:
            return self
        return dataclasses.replace(self, lhs=self.lhs.xreplace(substitution), rhs=self.rhs.xreplace(substitution),
                                   assumptions=tuple(a.xreplace(substitution) for a in self.assumptions))

    def assumption_texts(self) -> tuple[str, ...]:
        """What a proof about this instance rests on: the step's side conditions and each symbol's domain."""
        texts = [str(a) for a in self.assumptions]
        texts += [f"{name} complex" for name in self.complex_names]
        for g in self.groups:
            if self.complex_names and g.symbols[0].name.endswith((".re", ".im")):
                continue
            name = g.symbols[0].name.split("[")[0] if g.shape else g.symbols[0].name
            texts.append(f"{name} {g.domain.text}")
        return tuple(dict.fromkeys(texts))


REMEMBERED_STEPS = 16
"""Steps whose instances :func:`instances` keeps, the latest ones: every step of a derivation (the longest in the
library has 14) is built before the one child its rungs share is forked (``ladder.check_derivation``)."""
_remembered: dict[int, tuple[Step, tuple]] = {}
"""``id(step) -> (step, instances(step))`` of the last :data:`REMEMBERED_STEPS` steps (the step is held, so its id
is not reused while it is here): the probe (``strategies.probe``) and the rungs run on one step in one worker, and
building the instances was most of the probe's time."""


def instances(step: Step) -> tuple[tuple[Instance, ...], str]:
    """All scalar instances of ``step`` and a label of the sizes used (``'K∈{2,3,5}'``, or ``''``); the last
    steps' are kept (steps and instances are frozen)."""
    kept = _remembered.get(id(step))
    if kept is not None and kept[0] is step:
        return kept[1]
    found = _instances(step)
    _remembered.pop(id(step), None)
    _remembered[id(step)] = (step, found)
    while len(_remembered) > REMEMBERED_STEPS:
        del _remembered[next(iter(_remembered))]
    return found


def build_before_fork(step: Step, *, seconds: float) -> None:
    """Build ``instances(step)`` in this process, within ``seconds`` of its CPU time, so that the rungs' forked
    children (probe, exact, numeric, each in its own worker) inherit them instead of each building them again.

    Only a saving: when the time runs out, the construction raises, or this is not the main thread (where no
    CPU limit can be set), nothing is kept and each child builds the instances itself as before.
    """
    import threading  # noqa: PLC0415

    from derivations.checker.budget import within_cpu_seconds  # noqa: PLC0415

    if threading.current_thread() is not threading.main_thread():
        return
    try:
        within_cpu_seconds(instances, step, seconds=seconds)
    except Exception:  # noqa: BLE001, S110 - the children meet the same failure and report it
        pass


def _instances(step: Step) -> tuple[tuple[Instance, ...], str]:
    sizes = _size_assignments(step)
    return _instances_at(step, sizes), _sizes_label(sizes)


def smallest_instances(step: Step, count: int) -> tuple[Instance, ...]:
    r"""The instances at the ``count`` smallest admissible sizes (by the largest $|n|$ among a size's symbols).

    sympy's closed form of a sum over a symbolic range can miss its smallest sizes: ``Sum((-1)**j*binomial(n, j),
    (j, 0, n)).doit()`` is 0 for every $n \ge 0$, while at $n = 0$ the sum is its one term 1; the edge cases of a
    closed form sit at the smallest sizes.

    Where those are all of the step's sizes, in their own order (arrays at lengths 2, 3 and 5), they are the step's
    instances, taken from :func:`instances` (built before the rungs' child was forked) rather than built again: the
    same call on the same sizes, once."""
    assignments = _size_assignments(step)
    sizes = tuple(sorted(assignments, key=lambda size: max((abs(int(v)) for v in size.values()), default=0))[:count])
    if sizes == tuple(assignments):
        return instances(step)[0]
    return _instances_at(step, sizes)


def _instances_at(step: Step, sizes: tuple[dict, ...]) -> tuple[Instance, ...]:
    with _writing_remembered():
        return _instances_at_sizes(step, sizes)


def _instances_at_sizes(step: Step, sizes: tuple[dict, ...]) -> tuple[Instance, ...]:
    set_here = set(step.indices).union(*(size.keys() for size in sizes))  # the names each instance gives a value
    step = dataclasses.replace(step, lhs=bound_apart(as_expr(step.lhs), set_here),
                               rhs=bound_apart(as_expr(step.rhs), set_here),
                               assumptions=tuple(bound_apart(as_expr(a), set_here) for a in step.assumptions))
    out = []
    for size in sizes:
        ranges = []
        for index, (lo, hi) in step.indices.items():
            lo, hi = as_expr(lo).subs(size), as_expr(hi).subs(size)
            if not (lo.is_Integer and hi.is_Integer):
                raise Unsupported(f"index {index} has no concrete range ({lo}..{hi}) at {size}")
            ranges.append([(index, sp.Integer(v)) for v in range(int(lo), int(hi) + 1)])
        if len(out) + math.prod(len(r) for r in ranges) > MAX_INSTANCES:  # counted before, not after, building them
            raise Unsupported(f"more than {MAX_INSTANCES} concrete instances")
        for combo in itertools.product(*ranges):
            out.append(_instance(step, {**size, **dict(combo)}))
    return tuple(out)


def has_sizes(step: Step) -> bool:
    """Whether the step has symbolic sizes or free indices (so it is checked at concrete sizes)."""
    return bool(step.indices or step.sizes or _size_symbols(step))


def refined_symbolic(step: Step) -> Instance:
    """The step itself with refined scalar symbols and no concretization (for symbolic-size proofs)."""
    return _instance(step, {}, concretize=False)


# ** building one instance **

def _instance(step: Step, values: dict, *, concretize: bool = True) -> Instance:
    parts = [xreplace(as_expr(p), values) for p in (step.lhs, step.rhs, *step.assumptions)]
    if concretize:
        parts = [_expand_concrete(p) for p in parts]
    elements = _element_symbols(step, parts, values) if concretize else {}
    parts = [xreplace(p, {e: s for e, (s, _) in elements.items()}) for p in parts]
    labels = {b.label for p in parts for b in p.atoms(sp.IndexedBase)}
    scalars = sorted({s for p in parts for s in p.free_symbols if isinstance(s, sp.Symbol)}
                     - labels - {s for s, _ in elements.values()}, key=lambda s: s.name)
    if concretize:
        _reject_free_indices(parts)
    parts, scalars, complex_names = _split_complex(parts, scalars)
    refined, groups = _refine_scalars(step, scalars, parts[2:])
    groups += _array_groups(step, elements, values)
    parts = [xreplace(p, refined) for p in parts]
    parts[2:] = [a for a in parts[2:] if a != sp.true]  # side conditions the refined symbols already imply
    variable = refined.get(step.variable, step.variable) if step.variable is not None else None
    point = as_expr(step.point).xreplace(refined) if step.point is not None else None
    label = ", ".join(f"{k}={v}" for k, v in values.items())
    written = () if complex_names else tuple((side, as_expr(d).xreplace(values).xreplace(refined))
                                              for side, d in step.written_divisors)
    derived = () if complex_names or elements else tuple(
        (side, *(as_expr(e).xreplace(values).xreplace(refined) for e in (d, f, x)), n)
        for side, d, f, x, n in step.derivatives)
    return Instance(parts[0], parts[1], step.rel, tuple(parts[2:]), tuple(groups), variable, point, label,
                    complex_names, step.undefined, written, derived)


def _split_complex(parts, scalars):
    r"""Each symbol assumed complex (and not known real), $z$, written $z_{re} + i z_{im}$ with two real symbols."""
    complex_symbols = [s for s in scalars if s.assumptions0.get("complex") and s.is_real is None]
    if not complex_symbols:
        return parts, scalars, ()
    substitution, names = {}, []
    for s in complex_symbols:
        re, im = sp.Symbol(f"{s.name}.re", real=True), sp.Symbol(f"{s.name}.im", real=True)
        substitution[s] = re + sp.I * im
        names.append(s.name)
    parts = [p.xreplace(substitution) for p in parts]
    rest = [s for s in scalars if s not in substitution]
    rest += [sym for s in complex_symbols for sym in sp.Add.make_args(substitution[s]) for sym in sym.free_symbols]
    return parts, sorted(set(rest), key=lambda s: s.name), tuple(names)


def _expand_concrete(expr):
    r"""Write out sums and products with integer limits ($\sum_{k=0}^{1} a_k = a_0 + a_1$), then ``doit()`` the rest.

    Writing out is much faster than ``Sum.doit()``, which first looks for a closed form.
    Integrals are left alone: integrating may take forever, and the numeric
    rung evaluates them by quadrature.
    """
    expr = written_out(expr)
    if expr.has(*_EVALUATED):
        expr = replace(expr, lambda node: isinstance(node, _EVALUATED), _closed_form)
    return expr


def _closed_form(node):
    r"""``node.doit()``, and for a sum or a product its closed form cancelled where that removes a division sympy's
    closed form wrote and the summand never did: $\sum_{j \ge 1} x^j / j! = x\,(e^x/x - 1/x)$ as sympy writes it is
    undefined at $x = 0$, where the sum is 0, and a claim $= e^x - 1$ was refuted there.  Divisions the claim writes
    are kept apart (``Instance.written_divisors``), so cancelling the closed form hides none of them."""
    value = node.doit()
    if not isinstance(node, (sp.Sum, sp.Product)) or value.has(sp.Piecewise, *_EVALUATED) \
            or not value.free_symbols or sp.count_ops(value) > CANCEL_MAX_OPS:
        return value
    try:
        cancelled = sp.cancel(value)
    except Exception:  # noqa: BLE001 - sympy's cancel fails on some generators: the closed form as it is
        return value
    return cancelled if sp.denom(cancelled) == 1 or sp.count_ops(sp.denom(cancelled)) < sp.count_ops(sp.denom(
        sp.together(value))) else value


CANCEL_MAX_OPS = 60
"""Largest closed form (sympy's ``count_ops``) that is cancelled: cancelling is polynomial arithmetic, cheap at this size."""


def written_out(expr):
    r"""``expr`` with every sum, product and maximum over integer limits written out term by term, outermost
    limits first, until none is left ($\sum_{i=0}^{2} \prod_{j=0, j \ne i}^{2} (x - x_j)$: three products of two
    factors each); the rest as it is."""
    for _ in range(MAX_NESTING):
        written = replace(expr, _has_integer_limits, _write_out)
        if written == expr:
            break
        expr = written
    return expr


def _has_integer_limits(node) -> bool:
    return isinstance(node, (sp.Sum, sp.Product, ReduceMax)) and bool(_outer_integer_limits(node))


def _outer_integer_limits(node) -> tuple:
    r"""The outermost limits of ``node`` with integer bounds and fewer than ``MAX_TERMS`` terms.

    In $\sum_{j=1}^{n} \sum_{i=1}^{j} f$ (one node, limits ``((i, 1, j), (j, 1, n))``, innermost first) at
    $n = -2$ that is ``(j, 1, -2)`` alone: written out first, the range is empty and the sum 0, and the inner
    bound $j$ becomes an integer in each term.  Left to ``doit``, the reversed range would be summed by Karr's
    convention ($\sum_{j=1}^{-2} j = 1$).
    """
    outer = []
    for limit in reversed(node.limits):
        _, lo, hi = limit
        if not (lo.is_Integer and hi.is_Integer and int(hi) - int(lo) < MAX_TERMS):
            break
        outer.append(limit)
    return tuple(reversed(outer))


_written_nodes: dict | None = None
r"""Within :func:`_writing_remembered`: ``node -> _write_out(node)``.  The instances of one step at one size differ in
their free indices only, and a sum that does not mention them ($\sum_{j=0}^{K-1} e^{z_j}$ in the softmax Jacobian's
$K^2$ entries) is the same node in each: written out once, not once per instance (``one_minus_top`` at $K = 11$: 11
instances, each writing out the same sums and their ``Max``)."""


@contextlib.contextmanager
def _writing_remembered():
    """Remember :func:`_write_out` by its node (sympy's equality) until the block ends; nested blocks share one."""
    global _written_nodes
    outer = _written_nodes
    _written_nodes = {} if outer is None else outer
    try:
        yield
    finally:
        _written_nodes = outer


def _write_out(node):
    if _written_nodes is None:
        return _write_out_now(node)
    try:
        return _written_nodes[node]
    except KeyError:
        written = _written_nodes[node] = _write_out_now(node)
        return written


def _write_out_now(node):
    combine = sp.Add if isinstance(node, sp.Sum) else sp.Max if isinstance(node, ReduceMax) else sp.Mul
    outer = _outer_integer_limits(node)
    inner = node.limits[:len(node.limits) - len(outer)]
    terms = [node.func(node.function, *inner) if inner else node.function]
    for index, lo, hi in reversed(outer):
        terms = [xreplace(t, {index: sp.Integer(v)}) for t in terms for v in range(int(lo), int(hi) + 1)]
    return build(combine, terms)


def _refine_scalars(step: Step, scalars, assumptions) -> tuple[dict, list[Group]]:
    signs = _atomic_signs(assumptions)
    refined, groups = {}, []
    for s in scalars:
        declared = {k: v for k, v in s.assumptions0.items() if v is not None}
        for word in signs.get(s, ()):
            declared[word] = True
        declared_symbol = _symbol(s.name, declared) or s
        bounds = [a.xreplace({s: declared_symbol}) for a in assumptions]
        domain = _declared_domain(step, s.name) or _region(declared_symbol, bounds, wide=step.undefined == "refutes")
        new = _symbol(s.name, {**declared, **domain.assumptions}) or declared_symbol
        refined[s] = new
        groups.append(Group(domain, (), (new,)))
    return refined, groups


def _region(symbol: sp.Symbol, relations, *, wide: bool) -> Domain:
    """The symbol's :class:`~derivations.checker.assumptions.Region` (its assumptions and numeric bounds).

    Only for claims that must hold wherever their assumptions do (``prove``); a derivation step whose
    domain is left implicit keeps the unit-scale domain of its symbols' assumptions.
    """
    if not wide or (symbol.is_real is not True and not symbol.is_integer):
        return domain_for_assumptions(symbol)
    return region_for(symbol, relations)


def _atomic_signs(assumptions) -> dict:
    """``x > 0`` gives ``{x: ['positive']}``; compound side conditions are left to the sampler."""
    out: dict = {}
    for a in assumptions:
        word = _SIGN_WORDS.get(type(a))
        if word is None:
            continue
        if isinstance(a.lhs, sp.Symbol) and a.rhs == 0:
            out.setdefault(a.lhs, []).append(word)
        elif isinstance(a.rhs, sp.Symbol) and a.lhs == 0 and word != "nonzero":
            flipped = {"positive": "negative", "nonnegative": "nonpositive",
                       "negative": "positive", "nonpositive": "nonnegative"}[word]
            out.setdefault(a.rhs, []).append(flipped)
    return out


def _symbol(name: str, assumptions: dict) -> sp.Symbol | None:
    try:
        return sp.Symbol(name, **assumptions)
    except Exception:  # noqa: BLE001 - inconsistent assumptions: the caller falls back
        return None


def _declared_domain(step: Step, name: str) -> Domain | None:
    """The domain ``step.domains`` gives a name, keyed by Symbol, IndexedBase or string.

    Looked up by name: substituting a size rebuilds an ``IndexedBase`` whose shape
    mentions it, so the object itself no longer matches the key.
    """
    for key, domain in step.domains.items():
        key_name = str(key.label) if isinstance(key, sp.IndexedBase) else str(key)
        if key_name == name:
            return domain
    return None


def _element_symbols(step: Step, parts, values) -> dict:
    """Every concrete element ``z[0]`` -> (scalar symbol, its base)."""
    out = {}
    for part in parts:
        for element in part.atoms(sp.Indexed):
            if all(i.is_Integer for i in element.indices):
                out[element] = None
    bases = {e.base for e in out}
    for base in bases:
        _, assumptions = _array_domain(step, base)
        for element in [e for e in out if e.base == base]:
            out[element] = (_symbol(str(element), assumptions) or sp.Symbol(str(element)), base)
    return out


def _array_domain(step: Step, base: sp.IndexedBase) -> tuple[Domain, dict]:
    declared = {k: v for k, v in base.assumptions0.items() if v is not None}
    domain = _declared_domain(step, str(base.label))
    if domain is None:
        domain = domain_for_assumptions(_symbol("e", declared) or sp.Symbol("e"))
    merged = {**declared, **domain.assumptions}
    return domain, merged if _symbol("e", merged) is not None else declared


def _array_groups(step: Step, elements: dict, values: dict) -> list[Group]:
    groups = []
    for base in sorted({b for _, b in elements.values()}, key=str):
        domain, assumptions = _array_domain(step, base)
        seen = [e for e in elements if e.base == base]
        shape = _shape(base, seen, values)
        symbols = []
        for position in itertools.product(*(range(n) for n in shape)):
            element = base[position]
            known = elements.get(element)
            symbols.append(known[0] if known else _symbol(str(element), assumptions) or sp.Symbol(str(element)))
        groups.append(Group(domain, shape, tuple(symbols)))
    return groups


def _shape(base: sp.IndexedBase, seen, values: dict) -> tuple[int, ...]:
    """The declared shape at these sizes, else one past the largest index used."""
    if base.shape is not None:
        shape = tuple(as_expr(n).subs(values) for n in base.shape)
        if all(n.is_Integer for n in shape):
            return tuple(int(n) for n in shape)
    rank = len(seen[0].indices)
    if any(int(i) < 0 for e in seen for i in e.indices):
        raise Unsupported(f"negative index into {base}")
    return tuple(max(int(e.indices[k]) for e in seen) + 1 for k in range(rank))


def _reject_free_indices(parts) -> None:
    for part in parts:
        for element in part.atoms(sp.Indexed):
            if not all(i.is_Integer for i in element.indices):
                raise Unsupported(f"{element} has an index without a range in step.indices")
        for node in part.atoms(*_EVALUATED):
            raise Unsupported(f"{type(node).__name__} left unevaluated: {str(node)[:80]}")


# ** sizes **

def _size_symbols(step: Step) -> set:
    r"""The symbols that size a sum, product or array: free in the step (in $\sum_{j=1}^{n} \sum_{i=1}^{j} 1$ the
    inner bound $j$ is the outer sum's index, not a size)."""
    sizes = set()
    for part in (step.lhs, step.rhs, *step.assumptions):
        free = as_expr(part).free_symbols
        for node in as_expr(part).atoms(sp.Sum, sp.Product):
            for _, lo, hi in node.limits:
                sizes |= (as_expr(lo).free_symbols | as_expr(hi).free_symbols) & free
        for base in as_expr(part).atoms(sp.IndexedBase):
            for n in base.shape or ():
                sizes |= as_expr(n).free_symbols
    for lo, hi in step.indices.values():
        sizes |= as_expr(lo).free_symbols | as_expr(hi).free_symbols
    return sizes - set(step.indices)


def _size_assignments(step: Step) -> tuple[dict, ...]:
    if step.sizes:  # a size the reader did not set (the range 0..N-1 of a free index i) is set small
        unset = {s for s in _size_symbols(step) if not any(s in size for size in step.sizes)}
        return tuple({**{s: sp.Integer(UNSET_SIZE) for s in unset}, **size} for size in step.sizes)
    symbols = sorted(_size_symbols(step), key=str)
    if not symbols:
        return ({},)
    arrays = step.indices or any(as_expr(p).has(sp.Indexed, sp.IndexedBase) for p in (step.lhs, step.rhs))
    if arrays:
        combos = [(n,) * len(symbols) for n in ARRAY_SIZES]
    elif len(symbols) == 1:
        combos = [(n,) for n in dict.fromkeys(SCALAR_SIZES + bound_sizes(step, symbols[0]))]
    else:
        combos = list(itertools.product(MULTI_SIZES, repeat=len(symbols)))[:MAX_SIZE_COMBOS]
        combos += [(n,) * len(symbols) for n in SCALAR_SIZES if n not in MULTI_SIZES]
        combos += [(n,) * len(symbols) for s in symbols for n in bound_sizes(step, s) if (n,) * len(symbols) not in combos]
    out = []
    for combo in combos:
        size = {s: sp.Integer(n) for s, n in zip(symbols, combo)}
        if _admissible(step, size):
            out.append(size)
    if not out:
        raise Unsupported(f"no size of {', '.join(map(str, symbols))} satisfies the assumptions among those tried")
    return tuple(out)


UNSET_SIZE = 2
"""The value of a size the step's given sizes leave unset: the length of a free index's range, whose instances are
checked one value of the index at a time (each its own claim), so two values show the claim is not about one."""
BOUND_REACH = 3
"""Sizes tried next to each numeric bound of a size symbol: ``n >= 13`` adds 13, 14, 15."""
MAX_BOUND_SIZE = 1000
"""Bounds beyond this size add no sizes (a sum of more terms is not written out)."""


def bound_sizes(step: Step, symbol: sp.Symbol) -> tuple[int, ...]:
    r"""The integers at and next to each numeric bound the step's assumptions put on ``symbol``.

    The fixed sizes skip most integers: a claim that fails only at its smallest admissible size
    ($\sum_{j=1}^{n} j > 100$ for $n \ge 13$ fails at $n = 13$ alone) must be tried there."""
    out = []
    for relation in step.assumptions:
        bound = numeric_bound(symbol, as_expr(relation))
        if bound is None:
            continue
        side, value, _ = bound
        start = math.ceil(value) if side == "lo" else math.floor(value)
        step_by = 1 if side == "lo" else -1
        out += [start + step_by * k for k in range(BOUND_REACH) if abs(start + step_by * k) <= MAX_BOUND_SIZE]
    return tuple(dict.fromkeys(out))


def _admissible(step: Step, size: dict) -> bool:
    """Whether each size fits its symbol's assumptions and no side condition is false there."""
    for symbol, value in size.items():
        checks = ((symbol.is_positive, value > 0), (symbol.is_nonnegative, value >= 0), (symbol.is_negative, value < 0),
                  (symbol.is_nonpositive, value <= 0), (symbol.is_nonzero, value != 0))
        if not all(bool(ok) for required, ok in checks if required):
            return False
    for condition in step.assumptions:
        if not set(as_expr(condition).free_symbols) <= set(size):
            continue
        if as_expr(condition).xreplace(size) == sp.false:
            return False
    return True


def _sizes_label(sizes: tuple[dict, ...]) -> str:
    symbols = sorted({k for size in sizes for k in size}, key=str)
    if len(symbols) > 1 and len(sizes) > 8:
        return f"{len(sizes)} combinations of {', '.join(map(str, symbols))} in " + ", ".join(
            f"{k}∈{{{_range_text(sorted({int(size[k]) for size in sizes}))}}}" for k in symbols)
    return ", ".join(f"{k}∈{{{_range_text([int(size[k]) for size in sizes if k in size])}}}" for k in symbols)


def _range_text(values: list[int]) -> str:
    """``0..12,37,100`` for a list of integers (runs of three or more written as a range)."""
    values = sorted(dict.fromkeys(values))
    parts, k = [], 0
    while k < len(values):
        j = k
        while j + 1 < len(values) and values[j + 1] == values[j] + 1:
            j += 1
        parts.append(f"{values[k]}..{values[j]}" if j - k >= 2 else ",".join(map(str, values[k:j + 1])))
        k = j + 1
    return ",".join(parts)
