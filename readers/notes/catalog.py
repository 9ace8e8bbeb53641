r"""Which catalog formula a block states, and whether it agrees: a disagreement refutes the block.

A block under a heading that matches a catalog record (``Polynomial(homogeneous)``
and ``poly_kernel``) *states* that formula when it defines one of its outputs, or
its definition can be compared with it, or the heading is the record's whole
title (a trailing remark in parentheses is ignored).  Each definition is compared
with :func:`~readers.notes.compare.compare_with_catalog`.  An objective
(``\min_{w,b} ...``, :mod:`readers.notes.objective`) is compared with the
record's unindexed output, up to a positive factor on each term and the sign of
each decision variable (the same problem), and its remaining constraints with the
record's indexed outputs.
"""
from __future__ import annotations

import difflib
import re

import sympy as sp

from readers.notes import loss_shapes
from readers.notes.compare import Comparison, _name_of, _sign_flips, compare_with_catalog
from readers.notes.objective import Main
from readers.notes.roles import Mismatch, lower
from readers.notes.symbols import _norm, _show

MATCH_CUTOFF = 0.8
"""Least heading similarity (difflib ratio of normalized words) for a catalog match."""


class _CatalogMatch:
    """Mixin of the notes reader: which catalog formula a block states, and whether it agrees."""

    def match_catalog(self, frag, block, mains, claims, *, first=True) -> tuple[str | None, Comparison]:
        """``(catalog_id, comparison)`` for the formula this block states, if any.

        Under a heading that matches catalog formulas, a block states one when it defines
        a name of its outputs, or its definition can be compared with it, or the heading is
        the formula's whole title (the nearest such formula; one that agrees is preferred to
        one that disagrees); a block of claims states one when a claim's left side has the
        shape of its output (``\\tanh(x) = ...``).  Without a heading match, a block states
        a formula whose output name it defines and with which it agrees.

        A disagreement refutes the block only when the block claims to be the formula: it
        names one of its outputs (``K(x_i, x_j) = ...`` for ``K``), states an objective, or
        holds the first and only definition (``first``: nothing is defined before it in the
        section) under a heading that is the formula's whole title; a helper defined after
        it (``g(x) = f(x)(1 - f(x))`` under *Sigmoid*) is merely not compared."""
        if not self.catalog:
            return None, Comparison(None, self.catalog_error)
        matches = _heading_matches(frag.headings[:1], self.catalog)
        if not mains:
            pairs = [Main(c.lhs, c.rhs) for c in claims if c.rel == "="]
            for formula, _ in matches:
                shaped = [p for p in pairs if _same_shape_any(formula, p.lhs)]
                if shaped:
                    return formula.id, self.compare_all(formula, shaped, block.zero_based)
            return None, Comparison(None)
        definitions = [m for m in mains if m.lhs is not None]
        last = _name_of(definitions[-1].lhs) if definitions else None
        stated = None
        for formula, exact in matches:
            named = [m for m in definitions if _named(formula, m.lhs)] \
                or [m for m in definitions if _name_of(m.lhs) == last]
            comparison = self.compare_all(formula, named + [m for m in mains if m.lhs is None], block.zero_based)
            if comparison.agrees:
                return formula.id, comparison
            if comparison.agrees is False and not _claims_to_be(formula, mains, exact and first):
                comparison = Comparison(None, f"differs, but the block need not state {formula.id}: "
                                        f"{comparison.reason}", warnings=comparison.warnings)
            if stated is None and (exact or comparison.agrees is not None
                                   or any(_named(formula, m.lhs) for m in definitions)):
                stated = formula.id, comparison
                if comparison.agrees is None:
                    return stated
        if stated is not None:
            return stated
        differing = None
        for formula in self.catalog:
            named = [m for m in definitions if _named(formula, m.lhs)]
            if named:
                comparison = self.compare_all(formula, named, block.zero_based)
                if comparison.agrees:
                    return formula.id, comparison
                if comparison.agrees is False and differing is None \
                        and all(self.expand(m.body).free_symbols  # F_1 = 2(0.8)(0.667)/(0.8 + 0.667): a value
                                and _standard_name(m.lhs, frag) and _means(formula, m.lhs, frag)
                                and _binds_its_arguments(m.lhs) and self.undefined_arguments(m.lhs)
                                for m in named):
                    differing = formula, comparison
        if differing is not None:  # a standard name defined otherwise: it differs from the standard
            formula, comparison = differing
            return formula.id, Comparison(False, f"differs from the standard {formula.title}: {comparison.reason}",
                                          comparison.counterexample, comparison.warnings)
        prose = " ".join(frag.headings[:1]) + " " + self.section_prose(frag.line)
        for m in definitions:  # J = -1/m sum[y log yhat + (1 - y)(...)] under "Loss": readers.notes.loss_shapes
            found = loss_shapes.compare(self.catalog, self.expand(m.body), prose)
            if found is not None:
                return loss_shapes.CATALOG_ID, Comparison(False, found[0], found[1])
        return None, Comparison(None)

    def undefined_arguments(self, lhs) -> bool:
        r"""Whether the notes leave every argument of ``lhs`` free: after $p = \mathcal{N}(\mu_1, \sigma^2)$,
        $q = \mathcal{N}(\mu_2, \sigma^2)$ the block $D_{\mathrm{KL}}(p \| q) = \dots$ is the divergence of those
        two laws, a value at arguments the notes fixed, not a definition of the (categorical) record."""
        return all(self.expand(a) == a for a in getattr(lhs, "args", ()))

    def compare_all(self, formula, mains, zero_based=False) -> Comparison:
        """Every definition against the catalog outputs: False if one disagrees with all of them."""
        results = []
        for main in mains:
            if main.lhs is None:
                results.append(self.compare_objective(formula, main, zero_based))
                continue
            outputs = sorted(formula.outputs, key=lambda o: _norm(o.name) != _norm(_name_of(main.lhs)))
            best = Comparison(None)
            for output in outputs:
                found = compare_with_catalog(formula, main.lhs, self.expand(main.body), self.check_step,
                                             self.budget, output=output, zero_based=zero_based)
                if found.agrees:
                    best = found
                    break
                if found.agrees is False or best.agrees is None and not best.reason:
                    best = found if best.agrees is not False else best
            results.append(best)
        if not results:
            return Comparison(None, "nothing to compare")
        if all(r.agrees for r in results):
            return results[0]
        disagreeing = [r for r in results if r.agrees is False]
        return disagreeing[0] if disagreeing else next(r for r in results if r.agrees is None)

    def compare_objective(self, formula, main, zero_based=False) -> Comparison:
        """An objective against the record's unindexed output; its constraints against the indexed ones."""
        totals = [o for o in formula.outputs if not o.indices]
        if len(totals) != 1:
            return Comparison(None, "the catalog formula has no single objective")
        output = totals[0]
        placeholder = sp.Symbol(output.name)
        try:
            rates = [lower(formula, output, placeholder, self.expand(g), zero_based=zero_based).expr.doit()
                     for g in main.growth]
        except Mismatch as exc:
            return Comparison(None, str(exc))
        if not all(r.is_positive for r in rates):
            return Comparison(None, f"cannot tell that the objective grows with the slack {', '.join(main.slacks)}")
        first, unmatched = None, None
        for flip in _sign_flips(formula, main.variables):
            found = compare_with_catalog(formula, placeholder, self.expand(main.body), self.check_step, self.budget,
                                         output=output, zero_based=zero_based, up_to_factors=True, flip=flip,
                                         decided=main.variables)
            first = first or found
            if found.agrees is None and not flip:
                break
            if not found.agrees:
                continue
            unmatched = next((g for g in main.constraints if not any(
                compare_with_catalog(formula, None, self.expand(g), self.check_step, self.budget, output=o,
                                     zero_based=zero_based, flip=flip).agrees
                for o in formula.outputs if o.indices)), None)
            if unmatched is not None:
                continue
            if flip:
                found = Comparison(True, f"{found.reason}, with {', '.join(f'-{s}' for s in flip)} for "
                                   f"{', '.join(map(str, flip))} (a sign convention)", warnings=found.warnings)
            return found
        if unmatched is not None:
            return Comparison(None, f"the objective agrees, but the constraint {_show(unmatched)} >= 0 matches no "
                              f"output of {formula.id}")
        if first.agrees is False and not self.same_constraints(formula, main, zero_based):
            return Comparison(None, f"the notes' constraints are not {formula.id}'s (hard margin against soft): "
                              f"another problem, not compared ({first.reason[:80]})")
        if main.slacks and first.agrees is False:
            first = Comparison(False, f"with the slack {', '.join(main.slacks)} at its least feasible value (the "
                               f"constraints bound it below; the objective grows with it): {first.reason}",
                               first.counterexample, first.warnings)
        return first

    def same_constraints(self, formula, main, zero_based=False) -> bool:
        r"""Whether the problem ``main`` and the record have the same constraints, under one sign convention: each of
        the notes' constraints is one of the record's indexed outputs and each of those is one of the notes'.  A
        hard-margin problem (``s.t. y_i w^\top x_i \ge 1``) against the soft-margin record (none) is another problem;
        only the same problem can be refuted by a differing objective."""
        outputs = [o for o in formula.outputs if o.indices]
        if not outputs and not main.constraints:
            return True
        for flip in _sign_flips(formula, main.variables):
            matched = [[compare_with_catalog(formula, None, self.expand(g), self.check_step, self.budget, output=o,
                                             zero_based=zero_based, flip=flip).agrees for o in outputs]
                       for g in main.constraints]
            if all(any(row) for row in matched) and all(any(row[k] for row in matched) for k in range(len(outputs))):
                return True
        return False

def _claims_to_be(formula, mains, titled: bool) -> bool:
    """Whether the block claims to be ``formula`` (see :meth:`_CatalogMatch.match_catalog`)."""
    definitions = [m for m in mains if m.lhs is not None]
    return len(definitions) < len(mains) or any(_named(formula, m.lhs) for m in definitions) \
        or (titled and len(definitions) == 1)


def _heading_matches(headings, catalog) -> list:
    """``(formula, exact)`` for catalog formulas whose title, id or source matches a heading (nearest first);
    ``exact`` when the heading is the formula's whole title or source."""
    out, seen = [], set()
    for heading in headings:
        scored = []
        forms = _heading_forms(heading)
        for f in catalog:
            names = {f.title, f.id.replace("_", " "), f.source, *re.split(r"[:/]", f.source)}
            score = max(_similarity(h, n) for n in names if n.strip() for h in forms)
            if score >= MATCH_CUTOFF and f.id not in seen:
                exact = max(_similarity(heading, f.title), _similarity(heading, f.source)) == 1.0
                scored.append((score, f, exact))
        scored.sort(key=lambda p: -p[0])
        for _, f, exact in scored:
            seen.add(f.id)
            out.append((f, exact))
    return out


STANDARD_NAMES = frozenset({"relu", "leakyrelu", "tanh", "softplus", "mse", "bce", "hingeloss", "dkl", "lse",
                            "logsumexp", "f1", "precision", "recall", "accuracy", "acc"})
r"""Normalized names that mean one standard function wherever they appear: a definition of one of them
that differs from the catalog's is a mistake, not a new name.  Short or overloaded names (``K``, ``L``,
``CE``, ``f``) are not here; ``\sigma`` is the sigmoid only where the prose says so (:data:`SIGMOID_CUE`)."""
SIGMOID_CUE = re.compile(r"\b(sigmoid|logistic)\b", re.I)
r"""Prose (heading or sentence) that says ``\sigma`` is the logistic sigmoid."""


def _standard_name(lhs, frag) -> bool:
    r"""Whether a definition's left side is an unambiguous standard name (``\mathrm{softplus}(x)``,
    ``D_{KL}(P\|Q)``), or ``\sigma(x)`` of one argument where the prose calls it the sigmoid."""
    name = _norm(_name_of(lhs)).lower()
    if name in STANDARD_NAMES:
        return True
    if name == "sigma" and len(getattr(lhs, "args", ())) == 1:
        return bool(SIGMOID_CUE.search(" ".join(filter(None, (frag.heading, frag.sentence)))))
    return False


def _means(formula, lhs, frag) -> bool:
    r"""Whether the standard name on ``lhs`` means ``formula``: ``\sigma`` called the sigmoid in the prose
    means the sigmoid record, not the softmax record whose output is also named ``sigma``."""
    if _norm(_name_of(lhs)).lower() != "sigma":
        return True
    return bool(SIGMOID_CUE.search(formula.title))


def _binds_its_arguments(lhs) -> bool:
    r"""Whether ``lhs`` names a function of free arguments (``D_{KL}(P\|Q)``, ``\sigma(z)``), so that its body
    defines the function; ``D_{KL}(\mathrm{Ber}(a)\|\mathrm{Ber}(a)) = 0`` is a value at particular arguments,
    which the comparison with the record's general formula does not place."""
    args = getattr(lhs, "args", ()) if isinstance(lhs, sp.Function) else ()
    return all(isinstance(a, (sp.Symbol, sp.Indexed, sp.IndexedBase)) for a in args) and len(set(args)) == len(args)


def _heading_forms(heading: str) -> set[str]:
    r"""The heading and its bare forms: without a trailing remark in parentheses ("Soft margin (For data
    ...)"), without a section number ("19. KL divergence"), and before a comma, colon or dash that adds a
    remark ("KL divergence between two Gaussians, from my notes")."""
    bare = re.sub(r"\s*\([^()]*\)\s*$", "", heading)
    unnumbered = re.sub(r"^\s*(?:\d+(?:\.\d+)*\.?|[IVX]+\.)\s+", "", bare)
    head = re.split(r"\s*(?:,|:|\s[-\u2013\u2014]\s)\s*", unnumbered, maxsplit=1)[0]
    return {h for h in (heading, bare, unnumbered, head) if h.strip()}


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
