r"""Checking notes: Markdown with LaTeX in, a verdict on every formula block out.

.. code-block:: python

    report = check_notes(open("notes.md").read(), path="notes.md")
    print(render_text(report))        # or json.dumps(report.to_json())
    exit_code = 1 if report.refuted else 0

Blocks are ``$$...$$``, ``\[...\]``, bare ``\begin{env}...\end{env}`` and inline
``$...$`` (code spans and fences are skipped); each records the heading above it
(a Markdown heading or a short title-like line, as in the seed).  Each block is
parsed by :func:`~readers.latex.parse.parse_block`; then, row by row:

* a row ``name = expr`` (``\mu &= \frac{1}{H}\sum x_i``, ``f(x) = ...``,
  ``\sigma(z_i) = ...``, ``\frac{\partial L}{\partial x_i} = ...`` for an ``L``
  given nowhere, ``\min_G \max_D V(D, G) = ...`` for ``V``) *defines* ``name`` if
  it is not defined yet: the definition is substituted into later rows and later
  blocks of the same section (until the next heading), never checked;
* a lone expression under ``\min`` is an objective; the inequalities after it
  (``\text{s.t. } ...``, further rows) are its constraints
  (:mod:`readers.notes.objective`);
* every other consecutive pair of a chain ``a = b \le c`` is a claim, checked by
  :func:`~derivations.checker.ladder.check_step` after substitution, at sizes 2 and 3
  for symbolic sizes, with the notes' 1-based indices shifted to 0-based
  (counterexamples are shifted back);
* conditions: ``\text{where } \bar{x} = ...`` and ``\text{when } x = 0`` are
  substituted; index conditions (``\text{when } i = j``, ``(i \ne j)``) restrict
  the claim to those indices; ``\text{given } \sum_k y_k = 1`` makes ``y`` a
  probability vector (a narrower domain: a counterexample there is still one);
  other conditions (``x > 0``) are assumptions;
* a limit ``a \to b`` takes its variable from an inline ``$z_i \to \pm\infty$``
  earlier in the same paragraph (or the paragraph just before); each sign of
  $\pm$ is a separate claim, checked at one concrete size;
* ``P(A \mid B)`` claims are checked on random discrete joint distributions
  (:func:`_probability_steps`); ``\mathbb{E}_{x \sim \mathcal{N}(m, s^2)}[f]`` with
  ``f`` polynomial in ``x`` (after expanding logs) is evaluated by exact moments;
* claims with unknown functions, ellipses, opaque derivatives or relations
  ``\approx``, ``\sim``, ``\in``, ``\ne`` are ``undecided``, with the reason.

Symbols named ``sigma...`` or ``epsilon...`` are sampled positive (standard
deviations, numerical floors); all others are real.

A block's heading is matched against the catalog (:mod:`readers.notes.catalog`);
when the block states a catalog formula, its definition is written in the record's
variables, by name and by role (:mod:`readers.notes.roles`: the arguments of
``K(x_i, x_j)``, dot products, norms, expectations over a discrete instance), and
compared with the record over its domains (:mod:`readers.notes.compare`).
``catalog_agrees`` is null, with the reason, when it cannot be; names on the right
that are bound nowhere are warned about.  A block that states a catalog formula and
disagrees with it is *refuted*: the counterexample is ``catalog_counterexample``.
A block's ``verdict`` is the worst of its steps and that refutation, ``error`` when
it does not parse, and null when it has no claim.

Modules: :mod:`~readers.notes.blocks` (finding blocks), :mod:`~readers.notes.report`
(the report), :mod:`~readers.notes.symbols` (expression helpers),
:mod:`~readers.notes.probability` (``P`` and ``E``), :mod:`~readers.notes.objective`,
:mod:`~readers.notes.catalog`, :mod:`~readers.notes.compare`, :mod:`~readers.notes.roles`
and :mod:`~readers.notes.points` (the catalog comparison).
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

import sympy as sp
from sympy.core.function import AppliedUndef

from readers.latex.parse import (
    LatexParseError,
    PlusMinus,
    parse_block,
    sign_choices,
    to_zero_based,
)
from readers.notes.blocks import Fragment, find_blocks
from readers.notes.catalog import _CatalogMatch
from readers.notes.objective import (
    INEQUALITIES,
    Main,
    constraint,
    eliminate_slacks,
    objective,
    relational_constraint,
    strip_optimum,
)
from readers.notes.probability import _evaluate_expectations, _probability_steps
from readers.notes.report import SCHEMA, BlockReport, NotesReport, StepReport, render_text
from readers.notes.symbols import (
    MAX_EXPANSION_ROUNDS,
    _concrete_limit,
    _depends,
    _derivative_match,
    _domains,
    _freshen,
    _indices_and_sizes,
    _instantiate,
    _is_simplex_condition,
    _is_variable,
    _one_based,
    _propto_variable,
    _show,
    _unchecked,
)

__all__ = ["SCHEMA", "BlockReport", "Fragment", "NotesReport", "StepReport", "check_notes", "find_blocks",
           "render_text"]
from derivations.checker.step import Step

SIZES = (2, 3)
"""Concrete values given to every size symbol of a claim (``K = 2``, then ``K = 3``)."""


# ** checking **

def check_notes(text: str, *, path: str = "<string>", budget: float = 5.0) -> NotesReport:
    """Check every formula block of the Markdown ``text``; ``budget`` is seconds per claim."""
    from derivations.checker.ladder import check_step

    catalog, catalog_error = _catalog()
    names = _vocabulary(text, catalog)
    reader = _NotesReader(names, catalog, catalog_error, budget, check_step)
    return NotesReport(path, tuple(reader.fragment(f) for f in find_blocks(text)))


def _catalog():
    from symbolic import all_formulas

    return all_formulas(), ""


def _vocabulary(text: str, catalog) -> frozenset:
    """Multi-letter names: catalog symbols and outputs, and words the notes define (``ACC = ...``)."""
    words = set(re.findall(r"(?<![\\A-Za-z])([A-Za-z][A-Za-z0-9]+)\s*&?\s*(?:=|\\coloneqq)", text))
    for f in catalog:
        words.update(v.name for v in f.variables)
        words.update(o.name for o in f.outputs)
        words.update(str(d.lhs) for d in f.definitions if isinstance(d.lhs, sp.Symbol))
    return frozenset(w for w in words if re.fullmatch(r"[A-Za-z][A-Za-z0-9]+", w))


@dataclass
class _Section:
    """Definitions in force: reset at every heading."""

    number: int = -1
    symbols: dict = field(default_factory=dict)  # Symbol -> body
    arrays: dict = field(default_factory=dict)  # IndexedBase -> (index symbols, body)
    functions: dict = field(default_factory=dict)  # name -> [(params, body)]
    derivatives: dict = field(default_factory=dict)  # Derivative -> body
    limit: tuple | None = None  # (variable, points, paragraph)


@dataclass
class _Claim:
    lhs: sp.Basic
    rel: str
    rhs: sp.Basic
    conditions: tuple
    line: int
    zero_based: bool = False


class _NotesReader(_CatalogMatch):
    def __init__(self, names, catalog, catalog_error, budget, check_step):
        self.names, self.catalog, self.catalog_error = names, catalog, catalog_error
        self.budget, self.check_step = budget, check_step
        self.section = _Section()

    # ** one block **

    def fragment(self, frag: Fragment) -> BlockReport:
        if frag.section != self.section.number:
            self.section = _Section(frag.section)
        base = {"line": frag.line, "source": frag.source, "kind": frag.kind, "heading": frag.heading}
        try:
            block = parse_block(frag.content, names=self.names, functions=tuple(self.section.functions),
                                line=frag.content_line, column=frag.content_column)
        except LatexParseError as exc:
            return BlockReport(**base, parsed=False, error=str(exc))
        warnings = list(block.warnings)
        if self.section.limit is not None and self.section.limit[2] not in (frag.paragraph, frag.paragraph - 1):
            self.section.limit = None
        first = not (self.section.symbols or self.section.arrays or self.section.functions or self.section.derivatives)
        claims, defined, mains = self.rows(block, frag, warnings)
        steps = []
        for claim in claims:
            steps.extend(self.check_claim(claim, frag))
        catalog_id, comparison = self.match_catalog(frag, block, mains, claims, first=first)
        warnings += comparison.warnings
        return BlockReport(**base, parsed=True, catalog_id=catalog_id, catalog_agrees=comparison.agrees,
                           catalog_reason=comparison.reason, catalog_counterexample=comparison.counterexample,
                           steps=tuple(steps), warnings=tuple(dict.fromkeys(warnings)), definitions=tuple(defined))

    def rows(self, block, frag, warnings):
        """Definitions into the section, claims out; ``mains`` (:class:`Main`) are what this block defines.

        A lone expression under ``\\min`` is an objective; the inequalities after it (``s.t.``
        rows and their side conditions) are its constraints, not claims."""
        claims, defined, mains, previous = [], [], [], None
        givens, problem = [], None
        for row in block.rows:
            if problem is not None and self.constraint_row(row, problem):
                continue
            if row.kind in ("empty", "prose", "list", "constraint"):
                continue
            exprs, rels = list(row.chain.exprs), list(row.chain.rels)
            if row.continued:
                if previous is None:
                    line = frag.content_line + row.line - 1
                    warnings.append(f"line {line}: a row starting with {rels[0]} has nothing on its left")
                    continue
                exprs.insert(0, previous)
            if not exprs:
                continue
            previous = exprs[-1]
            if row.kind == "condition" and not row.continued:
                givens.extend(self.as_conditions(row, frag.content_line + row.line - 1, warnings))
                continue
            if len(exprs) == 1:  # a lone expression is not a claim
                found = objective(exprs[0]) if row.kind == "formula" and not row.continued \
                    and frag.kind == "display" else None  # an inline \min_w f is a mention
                if found is not None:  # \min_w f \text{ s.t. } g \ge 0: the side conditions constrain it
                    constraints = [g for g in map(relational_constraint, row.conditions) if g is not None]
                    problem = {"objective": found, "constraints": constraints}
                    mains.append(problem)
                continue
            start = 0
            name = strip_optimum(exprs[0])  # \min_G \max_D V(D, G) = ... defines V
            if not row.continued and rels[0] in ("=", ":=") and self.definable(name, exprs[1]):
                self.define(name, exprs[1])
                defined.append(f"{name}")
                mains.append(Main(name, exprs[1]))
                start = 1
            for k in range(start, len(rels)):
                claims.append(_Claim(exprs[k], rels[k], exprs[k + 1], tuple(row.conditions) + tuple(givens),
                                     frag.content_line + row.line - 1, block.zero_based))
        mains = [m if isinstance(m, Main) else self.problem(m) for m in mains]
        return claims, defined, mains

    def constraint_row(self, row, problem) -> bool:
        """Whether ``row`` constrains the objective above it (``s.t. g_i \\ge 1``, ``\\zeta_i \\ge 0``)."""
        pairs = row.chain.pairs()
        if row.kind not in ("constraint", "formula") or not pairs or row.continued \
                or not all(rel in INEQUALITIES for _, rel, _ in pairs):
            return False
        problem["constraints"] += [constraint(a, rel, b) for a, rel, b in pairs]
        problem["constraints"] += [g for g in map(relational_constraint, row.conditions) if g is not None]
        return True

    def problem(self, problem) -> Main:
        """An objective and its constraints as a :class:`Main`, slacks eliminated (not in a minimax)."""
        body, variables, minimax = problem["objective"]
        if minimax:
            return Main(None, self.expand(body), variables)
        return eliminate_slacks(self.expand(body), variables, [self.expand(g) for g in problem["constraints"]])

    def as_conditions(self, row, line, warnings):
        chain = row.chain
        out = []
        for a, rel, b in chain.pairs():
            built = {"=": sp.Eq, "!=": sp.Ne, "<": sp.Lt, ">": sp.Gt, "<=": sp.Le, ">=": sp.Ge}.get(rel)
            if built is None:
                warnings.append(f"line {line}: condition with {rel} not used")
                continue
            try:
                out.append(built(self.expand(a), self.expand(b)))
            except TypeError:
                warnings.append(f"line {line}: condition not comparable")
        return out

    # ** definitions **

    def definable(self, lhs, rhs) -> bool:
        """Whether ``lhs = rhs`` defines ``lhs``: a name not yet defined here, that ``rhs`` does not use."""
        if isinstance(lhs, sp.Symbol):
            return lhs not in rhs.free_symbols and lhs not in self.section.symbols
        if isinstance(lhs, sp.Pow) and isinstance(lhs.base, sp.Symbol) and lhs.exp == 2:
            return lhs.base not in rhs.free_symbols
        if isinstance(lhs, sp.Indexed):
            return lhs.base not in rhs.atoms(sp.IndexedBase) and all(isinstance(i, sp.Symbol) for i in lhs.indices)
        if isinstance(lhs, AppliedUndef):
            name = lhs.func.__name__
            cases = self.section.functions.get(name, [])
            if all(a.is_number for a in lhs.args) or (cases and _instantiate(lhs, cases) != lhs):
                return False  # f(3) = 9, or f(x) again: a claim about a known function
            return not any(isinstance(a, AppliedUndef) and a.func.__name__ == name for a in rhs.atoms(AppliedUndef))
        if isinstance(lhs, sp.Derivative):
            return isinstance(lhs.expr, sp.Symbol) and lhs.expr not in self.section.symbols \
                and not any(_depends(lhs.expr, v) for v, _ in lhs.variable_count)
        return False

    def define(self, lhs, rhs) -> None:
        body = _freshen(self.expand(rhs))
        s = self.section
        if isinstance(lhs, sp.Symbol):
            s.symbols[lhs] = body
        elif isinstance(lhs, sp.Pow):
            s.symbols[lhs.base] = sp.sqrt(body)  # sigma^2 = v defines the standard deviation sigma = sqrt(v)
        elif isinstance(lhs, sp.Indexed):
            s.arrays[lhs.base] = (lhs.indices, body)
        elif isinstance(lhs, AppliedUndef):
            s.functions.setdefault(lhs.func.__name__, []).insert(0, (lhs.args, body))
        else:
            s.derivatives[lhs] = body

    def expand(self, expr):
        """Substitute the section's definitions until nothing changes."""
        s = self.section
        for _ in range(MAX_EXPANSION_ROUNDS):
            new = expr.xreplace(s.symbols) if s.symbols else expr
            for base, (indices, body) in s.arrays.items():
                new = new.replace(lambda e, b=base: isinstance(e, sp.Indexed) and e.base == b,
                                  lambda e, i=indices, f=body: f.xreplace(dict(zip(i, e.indices))))
            for name, cases in s.functions.items():
                new = new.replace(lambda e, n=name: isinstance(e, AppliedUndef) and e.func.__name__ == n,
                                  lambda e, c=cases: _instantiate(e, c))
            for pattern, body in s.derivatives.items():
                new = new.replace(lambda e, p=pattern: _derivative_match(e, p) is not None,
                                  lambda e, p=pattern, f=body: f.xreplace(_derivative_match(e, p)))
            if new == expr:
                break
            expr = new
        return _evaluate_expectations(expr)

    # ** claims **

    def check_claim(self, claim: _Claim, frag: Fragment) -> list[StepReport]:
        lhs, rhs = self.expand(claim.lhs), self.expand(claim.rhs)
        shown = {"lhs": _show(claim.lhs), "rel": claim.rel, "rhs": _show(claim.rhs), "line": claim.line}
        if claim.rel == "->" and _is_variable(claim.lhs) and (
                frag.kind != "display" or claim.rhs.has(PlusMinus, sp.oo, -sp.oo)):
            self.section.limit = (lhs, sign_choices(rhs), frag.paragraph)
            return []
        if claim.rel in ("approx", "~", "in", "!=", "notin"):
            return [StepReport(**shown, verdict="undecided", reason=f"relation {claim.rel!r} is not checked")]
        if claim.rel == "->":
            return self.check_limit(lhs, rhs, claim, shown, frag)
        rel = {"equiv": "=", ":=": "="}.get(claim.rel, claim.rel)
        probability = _probability_steps(lhs, rel, rhs)
        if probability is not None:
            if isinstance(probability, str):
                return [StepReport(**shown, verdict="undecided", reason=probability)]
            return [self.run_labelled(step, shown, label) for label, step in probability]
        why = _unchecked(lhs, rhs)
        if why:
            return [StepReport(**shown, verdict="undecided", reason=why)]
        variable = None
        if rel == "propto":
            variable = _propto_variable(claim.lhs)
            if variable is None:
                return [StepReport(**shown, verdict="undecided", reason="cannot tell in which variable ∝ holds")]
        out = []
        for left, right in zip(sign_choices(lhs), sign_choices(rhs)) if lhs.has(PlusMinus) == rhs.has(PlusMinus) \
                else itertools.product(sign_choices(lhs), sign_choices(rhs)):
            step = self.step(left, rel, right, claim.conditions, variable, zero_based=claim.zero_based)
            if isinstance(step, str):
                out.append(StepReport(**shown, verdict="undecided", reason=step))
                continue
            out.append(self.run(step, shown))
        return out

    def step(self, lhs, rel, rhs, conditions, variable=None, *, zero_based=False) -> Step | str:
        """The :class:`Step` for a claim: 0-based indices, concrete sizes, conditions and domains.

        A condition ``name = expr`` (``\\text{where } \\bar{x} = ...``, ``\\text{when } x = 0``) is
        substituted; index conditions (``i \\ne j``) restrict the claim; the rest are assumptions."""
        conditions = [self.expand(c) for c in conditions]
        if sp.false in conditions:
            return "the conditions cannot hold together"
        values = {c.lhs: c.rhs for c in conditions if isinstance(c, sp.Eq) and isinstance(c.lhs, sp.Symbol)
                  and not c.lhs.is_integer and c.lhs not in c.rhs.free_symbols}
        conditions = [c for c in conditions if c is not sp.true
                      and not (isinstance(c, sp.Eq) and values.get(c.lhs) is c.rhs)]
        lhs, rhs = _freshen(lhs.xreplace(values)), _freshen(rhs.xreplace(values))
        parts = [lhs, rhs, *conditions]
        indices, sizes = _indices_and_sizes(parts, zero_based=zero_based)
        index_conditions = [c for c in conditions if c.free_symbols and c.free_symbols <= set(indices)]
        assumptions = [c for c in conditions if c not in index_conditions]
        domains = _domains(parts, assumptions)
        assumptions = [a for a in assumptions if not _is_simplex_condition(a)]
        if index_conditions:
            where = sp.And(*index_conditions)
            lhs, rhs = sp.Piecewise((lhs, where), (0, True)), sp.Piecewise((rhs, where), (0, True))
        free = list(indices)
        if not zero_based:
            lhs, rhs = to_zero_based(lhs, free), to_zero_based(rhs, free)
            assumptions = [to_zero_based(a, free) for a in assumptions]
        ranges = {i: (sp.Integer(0), hi - lo) for i, (lo, hi) in indices.items()}
        size_cases = tuple({s: sp.Integer(n) for s in sizes} for n in SIZES) if sizes else ()
        if variable is not None and variable not in (lhs.free_symbols | rhs.free_symbols):
            return f"the variable {variable} does not occur"
        try:
            return Step(lhs, rhs, rel, assumptions=tuple(assumptions), domains=domains, indices=ranges,
                        sizes=size_cases, variable=variable)
        except ValueError as exc:
            return str(exc)

    def run(self, step: Step, shown: dict, *, one_based: bool = True) -> StepReport:
        verdict = self.check_step(step, budget=self.budget)
        kind = verdict.kind
        reason = verdict.reason
        if kind == "error":
            kind, reason = "undecided", f"the checker failed: {verdict.reason}"[:300]
        counterexample = verdict.counterexample if kind == "refuted" else None
        if counterexample and one_based and step.indices:
            counterexample = _one_based(counterexample, step.indices)
        return StepReport(**shown, verdict=kind, method=verdict.method, reason=reason, counterexample=counterexample)

    def run_labelled(self, step: Step, shown: dict, label: dict) -> StepReport:
        report = self.run(step, shown)
        where = ", ".join(f"{k}={v}" for k, v in label.items())
        method = f"{report.method}; P over a random joint distribution at {where}"
        counterexample = {**label, **report.counterexample} if report.counterexample else None
        return StepReport(**{**report.__dict__, "method": method, "counterexample": counterexample})

    def check_limit(self, lhs, rhs, claim, shown, frag) -> list[StepReport]:
        context = self.section.limit
        if context is None:
            return [StepReport(**shown, verdict="undecided", reason="a limit without a stated variable "
                               "(write e.g. $z_i \\to \\infty$ before it)")]
        variable, points, _ = context
        out = []
        for point in points:
            concrete = _concrete_limit(lhs, rhs, variable, claim.conditions)
            label = {**shown, "lhs": f"{shown['lhs']} as {_show(variable)} -> {_show(point)}"}
            if isinstance(concrete, str):
                out.append(StepReport(**label, verdict="undecided", reason=concrete))
                continue
            left, right, var, values = concrete
            why = _unchecked(left, right)
            if why:
                out.append(StepReport(**label, verdict="undecided", reason=why))
                continue
            report = self.run(Step(left, right, "->", variable=var, point=point, domains=_domains([left, right], [])),
                              label)
            if report.counterexample is not None:
                report = StepReport(**{**report.__dict__, "counterexample": {**values, **report.counterexample}})
            out.append(report)
        return out
