r"""Checking notes: Markdown with LaTeX in, a verdict on every formula block out.

.. code-block:: python

    report = check_notes(open("notes.md").read(), path="notes.md")
    print(render_text(report))        # or json.dumps(report.to_json())
    exit_code = 1 if report.refuted else 0

Blocks are ``$$...$$``, ``\[...\]``, bare ``\begin{env}...\end{env}`` and inline
``$...$`` (code spans and fences are skipped); each records the heading above it
(a Markdown heading or a short title-like line, as in the seed).  Each block is
parsed by :func:`~derivations.latex_parse.parse_block`; then, row by row:

* a row ``name = expr`` (``\mu &= \frac{1}{H}\sum x_i``, ``f(x) = ...``,
  ``\sigma(z_i) = ...``, ``\frac{\partial L}{\partial x_i} = ...`` for an ``L``
  given nowhere) *defines* ``name`` if it is not defined yet: the definition is
  substituted into later rows and later blocks of the same section (until the
  next heading), never checked;
* every other consecutive pair of a chain ``a = b \le c`` is a claim, checked by
  :func:`~derivations.checker.check_step` after substitution, at sizes 2 and 3
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
deviations, numerical floors); all others are real.  A block's heading is
matched against the catalog; when the block defines the catalog formula, the
two are compared numerically with the catalog's domains
(:func:`compare_with_catalog`), and ``catalog_agrees`` is null with a reason
when the symbols cannot be mapped by name.  A block's ``verdict`` is the worst
of its steps, ``error`` when it does not parse, and null when it has no claim.
"""
from __future__ import annotations

import difflib
import itertools
import re
from dataclasses import dataclass, field

import sympy as sp
from sympy.core.function import AppliedUndef

from .latex_parse import (
    Expectation,
    Given,
    LatexParseError,
    PlusMinus,
    parse_block,
    sign_choices,
    to_zero_based,
)
from .step import Step
from .verdict import worst

SCHEMA = "formulary.check/1"
SIZES = (2, 3)
"""Concrete values given to every size symbol of a claim (``K = 2``, then ``K = 3``)."""
LIMIT_SIZE = 3
"""Size used for limits, which are checked at one concrete instance per sign."""
MATCH_CUTOFF = 0.8
"""Least heading similarity (difflib ratio of normalized words) for a catalog match."""
POSITIVE_NAMES = ("sigma", "epsilon")
"""Base names sampled positive: standard deviations and numerical floors."""
MAX_EXPANSION_ROUNDS = 8
TITLE_WORDS = 8
PROSE_MARKERS = frozenset(("is are was were can could will would be been this that these here we our "
                           "it its see note http https www").split())

_DELIMITER = re.compile(r"\$\$|\\\[|\\begin\{([A-Za-z]+\*?)\}|(?<!\\)\$|`+")


# ** finding blocks **

@dataclass(frozen=True)
class Fragment:
    """A formula block found in the Markdown text."""

    kind: str  # "display" ($$, \[, \begin) or "inline" ($)
    line: int
    column: int
    source: str
    content: str
    content_line: int
    content_column: int
    heading: str | None = None
    headings: tuple[str, ...] = ()
    section: int = 0
    paragraph: int = 0


def find_blocks(text: str) -> list[Fragment]:
    """Every formula block of ``text`` in order, with the heading and paragraph it sits in."""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def where(pos):
        line = _bisect(starts, pos)
        return line + 1, pos - starts[line] + 1

    out, headings, section, paragraph, pos = [], [], 0, 0, 0
    while pos < len(text):
        line_no = _bisect(starts, pos)
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
        if pos == starts[line_no]:
            stripped = text[pos:line_end].strip()
            if stripped.startswith(("```", "~~~")):
                close = text.find("\n" + stripped[:3], line_end)
                pos = len(text) if close < 0 else text.find("\n", close + 1) + 1 or len(text)
                paragraph += 1
                continue
            heading = _heading(stripped) if not _DELIMITER.search(stripped) else None
            if heading is not None or not stripped:
                if heading is not None:
                    headings.append(heading)
                    section += 1
                paragraph += 1
                pos = line_end + 1
                continue
        match = _DELIMITER.search(text, pos)
        if match is None or match.start() > line_end:
            pos = line_end + 1
            continue
        token = match.group()
        if token.startswith("`"):
            close = text.find(token, match.end())
            pos = match.end() if close < 0 else close + len(token)
            continue
        if token == "$$" or token == "\\[":
            closer = "$$" if token == "$$" else "\\]"
            close = text.find(closer, match.end())
            if close < 0:
                pos = match.end()
                continue
            content_start, end, kind = match.end(), close + len(closer), "display"
        elif token.startswith("\\begin"):
            close_match = re.compile(r"\\end\{" + re.escape(match.group(1)) + r"\}").search(text, match.end())
            if close_match is None:
                pos = match.end()
                continue
            content_start, close, end, kind = match.start(), close_match.end(), close_match.end(), "display"
        else:
            close = _inline_close(text, match.end())
            if close is None:
                pos = match.end()
                continue
            content_start, end, kind = match.end(), close + 1, "inline"
        if kind == "display":
            paragraph += 1
        line, column = where(match.start())
        content_line, content_column = where(content_start)
        out.append(Fragment(kind, line, column, text[match.start():end], text[content_start:close], content_line,
                            content_column, headings[-1] if headings else None, tuple(headings[-3:][::-1]),
                            section, paragraph))
        if kind == "display":
            paragraph += 1
        pos = end
    return out


def _inline_close(text: str, start: int) -> int | None:
    r"""The closing ``$`` of an inline formula: same paragraph, not ``\$``, not followed by a digit."""
    if start >= len(text) or text[start] in " \n":
        return None
    k = start
    while k < len(text):
        if text[k] == "\\":
            k += 2
            continue
        if text.startswith("\n\n", k) or text.startswith("$$", k):
            return None
        if text[k] == "$" and text[k - 1] not in " \n" and not text[k + 1:k + 2].isdigit():
            return k
        k += 1
    return None


def _heading(line: str) -> str | None:
    """A Markdown heading's text, or a short title-like line (``Layer Normalization``), else None."""
    if line.startswith("#"):
        return line.lstrip("#").strip() or None
    words = line.split()
    if not words or len(words) > TITLE_WORDS or line[-1] in ".,;:!?" or not (line[0].isupper() or line[0].isdigit()):
        return None
    if any(w.lower().strip("(),") in PROSE_MARKERS for w in words) or "http" in line:
        return None
    return line


def _bisect(starts, pos):
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= pos:
            lo = mid
        else:
            hi = mid - 1
    return lo


# ** reports **

@dataclass(frozen=True)
class StepReport:
    lhs: str
    rel: str
    rhs: str
    verdict: str
    method: str = ""
    reason: str = ""
    counterexample: dict | None = None
    line: int = 0

    def to_json(self) -> dict:
        out = {"lhs": self.lhs, "rel": self.rel, "rhs": self.rhs, "verdict": self.verdict,
               "method": self.method, "reason": self.reason, "line": self.line}
        if self.counterexample is not None:
            out["counterexample"] = self.counterexample
        return out


@dataclass(frozen=True)
class BlockReport:
    line: int
    source: str
    kind: str
    heading: str | None
    parsed: bool
    error: str | None = None
    catalog_id: str | None = None
    catalog_agrees: bool | None = None
    catalog_reason: str = ""
    steps: tuple[StepReport, ...] = ()
    warnings: tuple[str, ...] = ()
    definitions: tuple[str, ...] = ()

    @property
    def verdict(self) -> str | None:
        """The worst of the steps' verdicts; ``error`` when unparsed; None for a block with no claim."""
        if not self.parsed:
            return "error"
        return worst(s.verdict for s in self.steps) if self.steps else None

    def to_json(self) -> dict:
        return {"line": self.line, "kind": self.kind, "heading": self.heading, "source": self.source,
                "parsed": self.parsed, "error": self.error, "catalog_id": self.catalog_id,
                "catalog_agrees": self.catalog_agrees, "catalog_reason": self.catalog_reason,
                "verdict": self.verdict, "definitions": list(self.definitions),
                "steps": [s.to_json() for s in self.steps], "warnings": list(self.warnings)}


@dataclass(frozen=True)
class NotesReport:
    path: str
    blocks: tuple[BlockReport, ...]

    @property
    def refuted(self) -> bool:
        """Whether any block is refuted (the CLI exits non-zero then)."""
        return any(b.verdict == "refuted" for b in self.blocks)

    def summary(self) -> dict:
        verdicts = [b.verdict for b in self.blocks]
        return {
            "blocks": len(self.blocks),
            "parsed": sum(b.parsed for b in self.blocks),
            "claims": sum(len(b.steps) for b in self.blocks),
            **{kind: verdicts.count(kind) for kind in ("proved", "verified", "undecided", "refuted", "error")},
            "no_claim": verdicts.count(None),
            "catalog_matches": sum(b.catalog_id is not None for b in self.blocks),
            "catalog_disagreements": sum(b.catalog_agrees is False for b in self.blocks),
            "warnings": sum(len(b.warnings) for b in self.blocks),
        }

    def to_json(self) -> dict:
        return {"schema": SCHEMA, "path": self.path, "blocks": [b.to_json() for b in self.blocks],
                "summary": self.summary()}


def render_text(report: NotesReport) -> str:
    """The report for a terminal: one line per block, then its steps, warnings and catalog comparison."""
    lines = [f"{report.path}"]
    for b in report.blocks:
        verdict = b.verdict or "no claim"
        head = f"  line {b.line:>4}  {verdict:<10}"
        if b.catalog_id:
            agree = {True: "agrees", False: "DISAGREES", None: "not compared"}[b.catalog_agrees]
            head += f" [{b.catalog_id}: {agree}]"
        lines.append(head + "  " + " ".join(b.source.split())[:70])
        if b.error:
            lines.append(f"        error: {b.error}")
        for s in b.steps:
            lines.append(f"        {s.verdict:<10} {s.lhs[:50]} {s.rel} {s.rhs[:50]}")
            if s.verdict in ("refuted", "undecided", "error") and (s.reason or s.method):
                lines.append(f"                   {(s.reason or s.method)[:150]}")
            if s.counterexample:
                shown = ", ".join(f"{k}={v}" for k, v in list(s.counterexample.items())[:8])
                lines.append(f"                   counterexample: {shown[:200]}")
        if b.catalog_agrees is not True and b.catalog_reason:
            lines.append(f"        catalog: {b.catalog_reason[:150]}")
        for w in b.warnings:
            lines.append(f"        warning: {w}")
    s = report.summary()
    lines.append(f"{s['blocks']} blocks, {s['parsed']} parsed, {s['claims']} claims: {s['proved']} proved, "
                 f"{s['verified']} verified, {s['undecided']} undecided, {s['refuted']} refuted, "
                 f"{s['error']} errors; {s['catalog_matches']} catalog matches, "
                 f"{s['catalog_disagreements']} disagreements")
    return "\n".join(lines)


# ** checking **

def check_notes(text: str, *, path: str = "<string>", budget: float = 5.0) -> NotesReport:
    """Check every formula block of the Markdown ``text``; ``budget`` is seconds per claim."""
    from .checker import check_step

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


class _NotesReader:
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
        claims, defined, mains = self.rows(block, frag, warnings)
        steps = []
        for claim in claims:
            steps.extend(self.check_claim(claim, frag))
        catalog_id, agrees, reason = self.match_catalog(frag, block, mains, claims)
        return BlockReport(**base, parsed=True, catalog_id=catalog_id, catalog_agrees=agrees,
                           catalog_reason=reason, steps=tuple(steps), warnings=tuple(dict.fromkeys(warnings)),
                           definitions=tuple(defined))

    def rows(self, block, frag, warnings):
        """Definitions into the section, claims out; ``mains`` are the (name, body) pairs defined here."""
        claims, defined, mains, previous = [], [], [], None
        givens = []
        for row in block.rows:
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
                continue
            start = 0
            if not row.continued and rels[0] in ("=", ":=") and self.definable(exprs[0], exprs[1]):
                self.define(exprs[0], exprs[1])
                defined.append(f"{exprs[0]}")
                mains.append((exprs[0], exprs[1]))
                start = 1
            for k in range(start, len(rels)):
                claims.append(_Claim(exprs[k], rels[k], exprs[k + 1], tuple(row.conditions) + tuple(givens),
                                     frag.content_line + row.line - 1, block.zero_based))
        return claims, defined, mains

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

    # ** the catalog **

    def match_catalog(self, frag, block, mains, claims):
        """``(catalog_id, agrees, reason)`` for the formula this block states, if any.

        Under a heading that matches catalog formulas, a block states one when it defines
        a name of its outputs, or its definition can be compared with it, or the heading is
        the formula's whole title; a block of claims states one when a claim's left side has
        the shape of its output (``\\tanh(x) = ...``).  Without a heading match, a block states
        a formula whose output name it defines and with which it agrees."""
        if not self.catalog:
            return None, None, self.catalog_error
        matches = _heading_matches(frag.headings[:1], self.catalog)
        if not mains:
            pairs = [(c.lhs, c.rhs) for c in claims if c.rel == "="]
            for formula, _ in matches:
                shaped = [p for p in pairs if _same_shape_any(formula, p[0])]
                if shaped:
                    return (formula.id, *self.compare_all(formula, shaped, block.zero_based))
            return None, None, ""
        last = _name_of(mains[-1][0])
        for formula, exact in matches:
            named = [m for m in mains if _named(formula, m[0])] or [m for m in mains if _name_of(m[0]) == last]
            agrees, reason = self.compare_all(formula, named, block.zero_based)
            if exact or agrees is not None or any(_named(formula, lhs) for lhs, _ in mains):
                return formula.id, agrees, reason
        for formula in self.catalog:
            named = [m for m in mains if _named(formula, m[0])]
            if named:
                agrees, reason = self.compare_all(formula, named, block.zero_based)
                if agrees:
                    return formula.id, agrees, reason
        return None, None, ""

    def compare_all(self, formula, pairs, zero_based=False):
        """Every definition against the catalog outputs: False if one disagrees with all of them."""
        results = []
        for lhs, body in pairs:
            outputs = sorted(formula.outputs, key=lambda o: _norm(o.name) != _norm(_name_of(lhs)))
            best = (None, "")
            for output in outputs:
                agrees, reason = compare_with_catalog(formula, lhs, self.expand(body), self.check_step, self.budget,
                                                      output=output, zero_based=zero_based)
                if agrees:
                    best = (True, reason)
                    break
                if agrees is False or best[0] is None and not best[1]:
                    best = (agrees, reason) if best[0] is not False else best
            results.append(best)
        if not results:
            return None, "nothing to compare"
        if any(a is False for a, _ in results) and not any(a for a, _ in results):
            return False, next(r for a, r in results if a is False)
        if all(a for a, _ in results):
            return True, results[0][1]
        if any(a is False for a, _ in results):
            return False, next(r for a, r in results if a is False)
        return None, next(r for a, r in results if a is None)


# ** comparing with the catalog **

def compare_with_catalog(formula, lhs, body, check_step, budget, *, output=None,
                         zero_based=False) -> tuple[bool | None, str]:
    """Whether ``lhs = body`` (a block's definition, 1-based) agrees with ``formula`` (its ``output``, by
    default the one named like ``lhs``); None when the symbols cannot be mapped by name (the reason says which)."""
    from symbolic.record import expand_definitions

    output = output or _pick_output(formula, lhs)
    targets = {}
    for v in formula.variables:
        targets[_norm(v.name)] = v.symbol
    for d in formula.definitions:
        if isinstance(d.lhs, sp.Symbol):
            targets[_norm(str(d.lhs))] = d.lhs
    for s in formula.size_symbols:
        targets[_norm(str(s))] = s
    out_indices = [i for i, _, _ in output.indices]
    block_indices, _ = _indices_and_sizes([lhs, body])
    lhs_indices = list(lhs.indices) if isinstance(lhs, sp.Indexed) else []
    if isinstance(lhs, AppliedUndef):
        lhs_indices = [a.indices[0] for a in lhs.args if isinstance(a, sp.Indexed) and len(a.indices) == 1]
    free = [i for i in block_indices]
    mapping, index_map = {}, {}
    for k, i in enumerate(lhs_indices or free):
        if k < len(out_indices) and isinstance(i, sp.Symbol):
            index_map[i] = out_indices[k]
    if set(free) - set(index_map):
        return None, f"free indices {sorted(map(str, set(free) - set(index_map)))} have no catalog counterpart"
    body0 = (_freshen(body) if zero_based else to_zero_based(_freshen(body), free)).xreplace(index_map)
    for f in sorted(body0.atoms(AppliedUndef), key=str):
        target = _lookup(targets, f.func.__name__)
        if not isinstance(target, sp.Symbol):
            return None, f"no catalog variable for the function {f.func.__name__}"
        mapping[f] = target
    body0 = body0.xreplace(mapping)
    mapping = {}
    for base in body0.atoms(sp.IndexedBase):
        target = _lookup(targets, str(base.label))
        if not isinstance(target, sp.IndexedBase):
            return None, f"no catalog array for {base.label}"
        mapping[base] = target
    body0 = body0.replace(lambda e: isinstance(e, sp.Indexed) and e.base in mapping,
                          lambda e: mapping[e.base][e.indices])
    mapping = {}
    bound = {v for n in body0.atoms(sp.Sum, sp.Product) for v, *_ in n.limits}
    labels = {b.label for b in body0.atoms(sp.IndexedBase)}
    for s in body0.free_symbols - set(out_indices) - bound - labels:
        if isinstance(s, sp.Symbol) and not isinstance(s, sp.Dummy):
            target = _lookup(targets, s.name)
            if target is None:
                return None, f"no catalog variable for {s.name}"
            if isinstance(target, sp.IndexedBase):
                if len(out_indices) < 1:
                    return None, f"{s.name} is a scalar here but an array in the catalog"
                target = target[tuple(out_indices[:1])]
            mapping[s] = target
    mine = expand_definitions(body0.xreplace(mapping), formula.definitions)
    theirs = formula.expanded(output)
    leftover = {s for s in mine.free_symbols - theirs.free_symbols if isinstance(s, sp.Symbol)} \
        - set(out_indices) - set(formula.size_symbols) - {b.label for b in mine.atoms(sp.IndexedBase)}
    if leftover:
        return None, f"symbols {sorted(map(str, leftover))} are not in the catalog formula"
    step = Step(mine, theirs, "=", assumptions=tuple(formula.conditions),
                domains={v.symbol: v.domain for v in formula.variables},
                indices={i: (lo, hi) for i, lo, hi in output.indices},
                sizes=tuple(c for c in formula.sizes if all(int(n) <= 4 for n in c.values()))[:3] or formula.sizes[:1])
    try:
        verdict = check_step(step, budget=budget)
    except Exception as exc:  # noqa: BLE001 - a checker failure leaves the comparison undecided
        return None, f"comparison failed: {type(exc).__name__}"
    if verdict.kind in ("proved", "verified"):
        return True, verdict.method
    if verdict.kind == "refuted":
        shown = ", ".join(f"{k}={v}" for k, v in list((verdict.counterexample or {}).items())[:6])
        return False, f"differs from the catalog at {shown}"
    return None, f"comparison undecided: {verdict.reason[:150]}"


def _pick_output(formula, lhs):
    name = _norm(_name_of(lhs))
    for o in formula.outputs:
        if _norm(o.name) == name:
            return o
    return formula.outputs[0]


def _lookup(targets: dict, name: str):
    key = _norm(name)
    if key in targets:
        return targets[key]
    lowered = {k.lower(): v for k, v in targets.items()}
    return lowered.get(key.lower())


def _heading_matches(headings, catalog) -> list:
    """``(formula, exact)`` for catalog formulas whose title, id or source matches a heading (nearest first);
    ``exact`` when the heading is the formula's whole title or source."""
    out, seen = [], set()
    for heading in headings:
        scored = []
        for f in catalog:
            names = {f.title, f.id.replace("_", " "), f.source, *re.split(r"[:/]", f.source)}
            score = max(_similarity(heading, n) for n in names if n.strip())
            if score >= MATCH_CUTOFF and f.id not in seen:
                exact = max(_similarity(heading, f.title), _similarity(heading, f.source)) == 1.0
                scored.append((score, f, exact))
        scored.sort(key=lambda p: -p[0])
        for _, f, exact in scored:
            seen.add(f.id)
            out.append((f, exact))
    return out


def _named(formula, lhs) -> bool:
    name = _norm(_name_of(lhs)).lower()
    return any(_norm(o.name).lower() == name for o in formula.outputs)


def _same_shape_any(formula, expr) -> bool:
    return any(_same_shape(expr, o.expr) for o in formula.outputs)


def _similarity(a: str, b: str) -> float:
    def words(s):
        return " ".join(re.findall(r"[a-z0-9]+", s.lower().replace("’", "'")))

    return difflib.SequenceMatcher(None, words(a), words(b)).ratio()


def _same_shape(a, b) -> bool:
    """Same tree up to the names of symbols (``tanh(x)`` and ``tanh(x)``)."""
    if isinstance(a, sp.Symbol) and isinstance(b, sp.Symbol):
        return True
    if type(a) is not type(b) or len(a.args) != len(b.args):
        return False
    return all(_same_shape(x, y) for x, y in zip(a.args, b.args))


def _name_of(expr) -> str:
    if isinstance(expr, AppliedUndef):
        return expr.func.__name__
    if isinstance(expr, sp.Indexed):
        return str(expr.base.label)
    if isinstance(expr, sp.Pow):
        return str(expr.base)
    return str(expr)


def _norm(name: str) -> str:
    r"""A name for matching: ``\hat{y}`` and ``yhat``, ``L_{origin}`` and ``L_origin``, ``lamda`` and ``lambda``."""
    s = re.sub(r"\\(?:hat|widehat)\{([^{}]*)\}", r"\1hat", name)
    s = re.sub(r"\\(?:mathcal|mathbf|mathbb|boldsymbol|mathrm|bm|operatorname|text)\{([^{}]*)\}", r"\1", s)
    s = re.sub(r"[\\{}_\s]", "", s)
    return s.replace("lamda", "lambda").replace("varepsilon", "epsilon")


# ** helpers **

def _show(expr) -> str:
    return sp.sstr(expr) if isinstance(expr, sp.Basic) else str(expr)


def _is_variable(expr) -> bool:
    return isinstance(expr, (sp.Symbol, sp.Indexed))


_FRESH = itertools.count(1)


def _freshen(expr):
    """Rename every bound sum/product index to a fresh name, so that substitutions never capture it."""

    def rename(node):
        limits, body = [], node.function
        for v, *bounds in node.limits:
            fresh = sp.Symbol(f"{v.name}_{next(_FRESH)}'", integer=True)
            body = body.xreplace({v: fresh})
            limits.append((fresh, *bounds))
        return node.func(body, *limits)

    if not isinstance(expr, sp.Basic):
        return expr
    return expr.replace(lambda e: isinstance(e, (sp.Sum, sp.Product)) and not any(
        v.name.endswith("'") for v, *_ in e.limits), rename)


def _instantiate(application, cases):
    """``f(a)`` with ``f(x) = body`` known: ``body`` with ``x -> a`` (``sigma(z_j)`` from ``sigma(z_i)``)."""
    for params, body in cases:
        if len(params) != len(application.args):
            continue
        mapping = {}
        for p, a in zip(params, application.args):
            if isinstance(p, sp.Symbol):
                mapping[p] = a
            elif isinstance(p, sp.Indexed) and isinstance(a, sp.Indexed) and p.base == a.base \
                    and len(p.indices) == len(a.indices) and all(isinstance(i, sp.Symbol) for i in p.indices):
                mapping.update(zip(p.indices, a.indices))
            elif p != a:
                mapping = None
                break
        if mapping is not None:
            return body.xreplace(mapping)
    return application


def _derivative_match(expr, pattern):
    """The index substitution making ``expr`` equal to the defined derivative ``pattern``, or None."""
    if not isinstance(expr, sp.Derivative) or expr.expr != pattern.expr:
        return None
    if len(expr.variable_count) != len(pattern.variable_count):
        return None
    mapping = {}
    for (v, n), (pv, pn) in zip(expr.variable_count, pattern.variable_count):
        if n != pn:
            return None
        if v == pv:
            continue
        if isinstance(v, sp.Indexed) and isinstance(pv, sp.Indexed) and v.base == pv.base \
                and all(isinstance(i, sp.Symbol) for i in pv.indices):
            mapping.update(zip(pv.indices, v.indices))
        else:
            return None
    return mapping


def _one_based(counterexample: dict, indices) -> dict:
    """A checker counterexample (0-based) as the notes write it: ``y[0]`` is ``y[1]``, ``i=0`` is ``i=1``."""
    names = {str(i) for i in indices}

    def shift(match):
        return str(int(match.group(1)) + 1)

    out = {}
    for key, value in counterexample.items():
        key = re.sub(r"(?<=[\[ ,])(\d+)(?=[\],])", shift, key) if key.endswith("]") else key
        if key == "at":
            value = re.sub(r"\b(" + "|".join(map(re.escape, names)) + r")=(\d+)",
                           lambda m: f"{m.group(1)}={int(m.group(2)) + 1}", value)
        out[key] = value
    return out


def _indices_and_sizes(parts, *, zero_based: bool = False) -> tuple[dict, list]:
    """Free indices with ranges (1-based, or 0-based) from the arrays' lengths, and the size symbols."""
    lengths, sizes, bound = {}, set(), set()
    for part in parts:
        for node in part.atoms(sp.Sum, sp.Product):
            for v, lo, hi in node.limits:
                bound.add(v)
                sizes |= {s for s in (hi.free_symbols | lo.free_symbols) if s.is_integer and s.is_positive}
                for element in node.function.atoms(sp.Indexed):
                    for position, i in enumerate(element.indices):
                        if i == v:
                            lengths.setdefault((element.base, position), hi - lo + 1)
    free = set()
    for part in parts:
        for element in part.atoms(sp.Indexed):
            for i in element.indices:
                free |= {s for s in i.free_symbols if s.is_integer and s not in sizes}
        for delta in part.atoms(sp.KroneckerDelta):
            free |= {s for s in delta.free_symbols if s.is_integer and s not in sizes}
    free = {i for i in free if any(i in part.free_symbols for part in parts)}
    indices = {}
    for index in sorted(free, key=str):
        length = None
        for part in parts:
            for element in part.atoms(sp.Indexed):
                for position, i in enumerate(element.indices):
                    if i == index and (element.base, position) in lengths:
                        length = length or lengths[(element.base, position)]
        if length is None:
            length = sp.Symbol("N", integer=True, positive=True)
        sizes |= length.free_symbols
        indices[index] = (sp.Integer(0), length - 1) if zero_based else (sp.Integer(1), length)
    return indices, sorted(sizes, key=str)


def _domains(parts, assumptions) -> dict:
    """Positive standard deviations and floors (by name); probability vectors from ``sum_k y_k = 1``."""
    from symbolic.domains import Positive, Simplex

    domains = {}
    for part in parts:
        for s in part.free_symbols:
            if isinstance(s, sp.Symbol) and s.name.startswith(POSITIVE_NAMES) and not s.is_integer:
                domains[s] = Positive()
        for base in part.atoms(sp.IndexedBase):
            if str(base.label).startswith(POSITIVE_NAMES):
                domains[base] = Positive()
    for a in assumptions:
        if _is_simplex_condition(a):
            domains[a.lhs.function.base] = Simplex()
    return domains


def _is_simplex_condition(condition) -> bool:
    r"""``\sum_k y_k = 1`` over a whole array."""
    return isinstance(condition, sp.Eq) and condition.rhs == 1 and isinstance(condition.lhs, sp.Sum) \
        and isinstance(condition.lhs.function, sp.Indexed) and len(condition.lhs.limits) == 1 \
        and condition.lhs.function.indices == (condition.lhs.limits[0][0],)


def _unchecked(lhs, rhs) -> str:
    """Why a claim cannot be checked (unknown functions, opaque derivatives, ellipses), or ''."""
    both = [lhs, rhs]
    unknown = sorted({f.func.__name__ for e in both for f in e.atoms(AppliedUndef)
                      if not isinstance(f, (Given, PlusMinus))})
    if unknown:
        return f"unknown functions: {', '.join(unknown)}"
    for e in both:
        if any(s.name == r"\ldots" for s in e.free_symbols if isinstance(s, sp.Symbol)):
            return "the formula contains an ellipsis"
        for d in e.atoms(sp.Derivative):
            for v, _ in d.variable_count:
                if not _depends(d.expr, v) and not d.expr.is_number:
                    return f"{_show(d.expr)} is not given as a function of {_show(v)}"
        if e.has(Expectation):
            return "an expectation that cannot be evaluated"
    return ""


def _depends(expr, variable) -> bool:
    """Whether ``expr`` mentions ``variable`` (for an element ``z[j]``: any element of ``z``)."""
    if variable in expr.free_symbols:
        return True
    return isinstance(variable, sp.Indexed) and any(e.base == variable.base for e in expr.atoms(sp.Indexed))


def _propto_variable(lhs):
    if isinstance(lhs, AppliedUndef):
        for a in lhs.args:
            if isinstance(a, sp.Symbol):
                return a
    return None


# ** probabilities **

PROBABILITY_SIZE = 2
"""Concrete number of components of a vector random variable (``X = (x_1, x_2)``)."""


def _probability_steps(lhs, rel, rhs):
    r"""Claims about $P(\cdot)$ as claims about a random discrete joint distribution, or None.

    Every random variable (an argument of ``P``: ``A``, ``C``, ``x_i``; ``X`` stands for all
    ``x_i``) is binary.  The joint is $P(c) \prod_k P(v_k \mid c)$ with ``c`` the first variable
    of the left side, parametrized by probabilities in $(0, 1)$: a family of joints, so a
    counterexample there is a counterexample in general.  $P(S \mid T) = P(S, T) / P(T)$ by
    marginal sums.  ``=`` is checked at two value assignments; ``\propto`` in ``c`` compares
    the ratio lhs/rhs at ``c = 0`` and ``c = 1`` (cross-multiplied)."""
    apps = [a for e in (lhs, rhs) for a in e.atoms(AppliedUndef) if a.func.__name__ in ("P", r"\mathbb{P}")]
    if not apps:
        return None
    others = {a.func.__name__ for e in (lhs, rhs) for a in e.atoms(AppliedUndef)} - {"P", r"\mathbb{P}", "Given"}
    if others:
        return f"unknown functions: {', '.join(sorted(others))}"
    _, sizes = _indices_and_sizes([lhs, rhs])
    values = {s: sp.Integer(PROBABILITY_SIZE) for s in sizes}
    lhs, rhs = (_write_out(e.xreplace(values)) for e in (lhs, rhs))
    events = []
    for app in sorted(lhs.atoms(AppliedUndef), key=str) + sorted(rhs.atoms(AppliedUndef), key=str):
        for arg in app.args:
            for a in (arg.args if isinstance(arg, Given) else (arg,)):
                if a not in events:
                    events.append(a)
    if not all(isinstance(e, (sp.Symbol, sp.Indexed)) for e in events):
        return "P of something that is not a random variable"
    elements = [e for e in events if isinstance(e, sp.Indexed)]
    vectors = {e: [x for x in elements if str(x.base.label) == e.name.lower()]
               for e in events if isinstance(e, sp.Symbol) and e.name.isupper()}
    variables = [e for e in events if not vectors.get(e)]
    first = next((a for app in [lhs] for a in app.atoms(AppliedUndef)), None)
    root = first.args[0] if first is not None and first.args and first.args[0] in variables else variables[0]
    variables.remove(root)
    variables.insert(0, root)
    prior = sp.Symbol("p_root", positive=True)
    theta = {(v, c): sp.Symbol(f"p({_show(v)}=1|{_show(root)}={c})", positive=True)
             for v in variables[1:] for c in (0, 1)}

    def joint(values):
        c = values[root]
        out = prior if c else 1 - prior
        for v in variables[1:]:
            t = theta[(v, c)]
            out *= t if values[v] else 1 - t
        return out

    def marginal(fixed):
        free = [v for v in variables if v not in fixed]
        return sp.Add(*[joint({**fixed, **dict(zip(free, bits))})
                        for bits in itertools.product((0, 1), repeat=len(free))])

    def evaluate(expr, assignment):
        def probability(app):
            parts = [a for a in app.args if not isinstance(a, Given)]
            given = [a for g in app.args if isinstance(g, Given) for a in g.args]

            def fix(items):
                out = {}
                for item in items:
                    for v in vectors.get(item) or [item]:
                        out[v] = assignment[v]
                return out

            both, condition = fix(parts + given), fix(given)
            return marginal(both) / marginal(condition) if condition else marginal(both)

        return expr.replace(lambda e: isinstance(e, AppliedUndef) and e.func.__name__ != "Given", probability)

    domains = {prior: _open_unit(), **{t: _open_unit() for t in theta.values()}}
    patterns = [{v: 0 for v in variables}, {v: k % 2 for k, v in enumerate(variables)}]
    steps = []
    for assignment in patterns:
        label = {_show(v): str(assignment[v]) for v in variables}
        if rel == "propto":
            at = [{**assignment, root: c} for c in (0, 1)]
            left = evaluate(lhs, at[0]) * evaluate(rhs, at[1])
            right = evaluate(lhs, at[1]) * evaluate(rhs, at[0])
            label[_show(root)] = "0 vs 1"
            steps.append((label, Step(left, right, "=", domains=domains)))
        elif rel in ("=", "<", ">", "<=", ">="):
            steps.append((label, Step(evaluate(lhs, assignment), evaluate(rhs, assignment), rel, domains=domains)))
        else:
            return f"relation {rel!r} between probabilities is not checked"
    return steps


def _open_unit():
    from symbolic.domains import Interval

    return Interval(0.0, 1.0, (False, False))


def _concrete_limit(lhs, rhs, variable, conditions):
    """The limit at one concrete instance: sizes ``LIMIT_SIZE``, indices satisfying the conditions,
    elements as plain symbols; ``(lhs, rhs, variable, values)`` or a reason."""
    parts = [lhs, rhs, variable, *conditions]
    indices, sizes = _indices_and_sizes([_freshen(p) for p in parts])
    values = {s: sp.Integer(LIMIT_SIZE) for s in sizes}
    free = sorted(set(indices) | {s for c in conditions for s in c.free_symbols if s.is_integer}, key=str)
    fixed = {}
    if isinstance(variable, sp.Indexed):
        for i in variable.indices:
            if isinstance(i, sp.Symbol):
                fixed[i] = sp.Integer(1)
    choice = None
    for combo in itertools.product(range(1, LIMIT_SIZE + 1), repeat=len(free)):
        assign = dict(zip(free, map(sp.Integer, combo)))
        if any(assign[i] != v for i, v in fixed.items() if i in assign):
            continue
        if all(sp.sympify(c).xreplace({**assign, **values}) == sp.true for c in conditions):
            choice = assign
            break
    if choice is None:
        return "no concrete indices satisfy the conditions"
    values.update(choice)
    concrete = [_write_out(sp.sympify(p).xreplace(values)) for p in (lhs, rhs, variable)]
    elements = {e: sp.Symbol(str(e), real=True) for p in concrete for e in p.atoms(sp.Indexed)}
    left, right, var = (p.xreplace(elements) for p in concrete)
    if not isinstance(var, sp.Symbol):
        return f"the limit variable {variable} is not a single symbol"
    return left, right, var, {str(k): str(v) for k, v in values.items()}


def _write_out(expr):
    for _ in range(MAX_EXPANSION_ROUNDS):
        new = expr.replace(lambda e: isinstance(e, (sp.Sum, sp.Product)) and all(
            lo.is_Integer and hi.is_Integer for _, lo, hi in e.limits), lambda e: e.doit())
        if new == expr:
            break
        expr = new
    if expr.has(sp.Derivative):
        expr = expr.doit()
    return expr


def _evaluate_expectations(expr):
    r"""$\mathbb{E}_{x \sim \mathcal{N}(m, v)}[f]$ for $f$ polynomial in $x$ (after expanding logs): exact moments."""
    if not expr.has(Expectation):
        return expr

    def evaluate(node):
        body, x, dist = node.args
        if not (isinstance(dist, AppliedUndef) and _norm(dist.func.__name__) in ("N", "mathcalN")
                and len(dist.args) == 2):
            return node
        mean, variance = dist.args
        z = sp.Dummy("z", real=True)
        poly_body = sp.expand(sp.expand_log(body, force=True).xreplace({x: mean + sp.sqrt(variance) * z}))
        poly = sp.Poly(poly_body, z) if poly_body.is_polynomial(z) else None
        if poly is None:
            return node
        return sum(c * _normal_moment(k) for (k,), c in poly.terms())

    return expr.replace(lambda e: isinstance(e, Expectation), evaluate)


def _normal_moment(k: int):
    """$E[Z^k]$ for a standard normal: $(k-1)!!$ for even $k$, 0 for odd."""
    return sp.Integer(0) if k % 2 else sp.factorial2(k - 1)
