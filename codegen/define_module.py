r"""A module of defined functions (and their derived VJPs), headed by a certificate.

``write_defined_module(functions, grad=True)`` returns the text of a Python module that
imports only NumPy (and ``scipy.special`` when a function needs erf, erfc, gammaln or
digamma).  Every function was run at ordinary and extreme points and compared with its
definition in mpmath (:mod:`codegen.define_check`); the certificate gives the worst
errors and, for every stability rule that fired, the worst error with that rule
disabled and enabled.
"""
from __future__ import annotations

import itertools
import math
import time
from dataclasses import dataclass

from codegen.define import DefinedFunction, derive_gradients, lower_forward, lower_vjp, vjp_docstring
from codegen.define_check import N_ORDINARY, TARGETS, check_function, finite_difference_check
from codegen.define_search import (ablated, derivative_of_costly_stable, each_vjp_candidate, forward_candidates,
                                   vjp_candidates, without_each_fired)
from codegen.load import load_generated
from codegen.lower_printer import NumPyLowering
from codegen.rules import RULES, stabilize


def _source(f: DefinedFunction, fwd_expr, grad_exprs, grad: bool) -> str:
    sig, body = lower_forward(f, fwd_expr)
    lines = [f"def {f.name}({sig}):", *_indent(_docstring(f))]
    lines += ["    " + b for b in body]
    if grad:
        vsig, vbody = lower_vjp(f, grad_exprs)
        lines += ["", "", f"def {f.name}_vjp({vsig}):", *_indent("\n".join(vjp_docstring(f)))]
        lines += ["    " + b for b in vbody]
    return "\n".join(lines) + "\n"


def _docstring(f: DefinedFunction) -> str:
    shapes = []
    for p in f.params:
        shapes.append(f"{p.name}: " + ("scalar or array (elementwise)" if not p.shape else
                                       f"array (..., {', '.join(str(s) for s in p.shape)})"))
    for k in f.keywords:
        shapes.append(f"{k.name}: keyword-only hyperparameter")
    text = [f"r\"\"\"{f.title}: ${f.latex}$" if f.latex else f"r\"\"\"{f.title}: {f.expr}", ""]
    text += ["Arguments: " + "; ".join(shapes) + "."]
    if f.domain or f.relations:
        text += ["Domain (as the note states it; the certificate samples inside it): " + stated_domain(f) + "."]
    if f.kinks:
        text += ["At points of non-differentiability: " + "; ".join(f.kinks) + "."]
    if f.rewrites.get("forward"):
        text += ["Stability rewrites: " + ", ".join(f.rewrites["forward"]) + "."]
    return "\n".join(text) + "\n\"\"\""


def stated_domain(f: DefinedFunction) -> str:
    """``0 < k; 0 < n; k < n``: the bounds and the relations between names the note states, as text."""
    return "; ".join([domain_text(*b) for b in f.domain] + [relation_text(*r) for r in f.relations])


def relation_text(left: str, right: str, strict: bool) -> str:
    """``k < n``: one relation between two names of a definition's domain, as text."""
    return f"{left} {'<' if strict else '<='} {right}"


def domain_text(name, lo, lo_open, hi, hi_open) -> str:
    """``0 < alpha < 1``, ``gamma >= 0``: one bound of a definition's domain, as text."""
    if hi is None:
        return f"{name} {'>' if lo_open else '>='} {lo:g}"
    left = f"{lo:g} {'<' if lo_open else '<='} " if lo is not None else ""
    return f"{left}{name} {'<' if hi_open else '<='} {hi:g}"


def _indent(text):
    return ["    " + line if line else "" for line in text.splitlines()]



def header_imports(code: str) -> str:
    lines = ["import numpy as np"]
    if "scipy.special." in code:
        lines.append("import scipy.special")
    return "\n".join(lines)


def compile_exprs(f: DefinedFunction, fwd, gexprs, grad: bool):
    """``(source, module)`` of one function computing ``fwd`` (and the VJP ``gexprs``)."""
    code = _source(f, fwd, gexprs, grad)
    helpers = NumPyLowering.helpers_source(code, grad=grad)
    text = header_imports(code) + "\n\n" + (helpers + "\n\n\n" if helpers else "") + code
    return code, load_generated(text, f"formulary_{f.name}")


def compile_function(f: DefinedFunction, grad: bool, rules=RULES):
    """``(source, module)`` of one function with the given rules (no search)."""
    fwd, fired = stabilize(f.expr, rules)
    gexprs, gfired = [], set()
    for _, e, _ in f.gradients:
        s, names = stabilize(e, rules)
        gexprs.append(s)
        gfired.update(names)
    f.rewrites = {"forward": fired, "vjp": tuple(sorted(gfired))}
    return compile_exprs(f, fwd, gexprs, grad)


ROUNDING_TIE = 2e-14
"""Worst errors at or below this (about 100 ulps, 50 times below the ordinary target of 1e-12) count as
equal when candidates are ranked: a rewrite whose rounding differs on ordinary points (cosine similarity
of nearly orthogonal vectors is ill-conditioned, any two orders of summation differ by 1e-15) is not
dropped for it; the first candidate (all rules on) stays."""


def _worst(*xs) -> float:
    return max(xs)


def _meets(e, *kinds) -> bool:
    """The errors ``e`` are within the targets of ``kinds`` (:data:`codegen.define_check.TARGETS`)."""
    return all(getattr(e, k) <= TARGETS[k] for k in kinds)


def _rank(score: float) -> float:
    return 0.0 if score <= ROUNDING_TIE else score


SEARCH_CANDIDATES = 64
"""VJP candidates the search measures at most (the first is always measured, every point of each measured candidate
counted): the forward's few candidates, then the VJP's in their order, the costliest forms last.  A count, not a clock,
so that the same definition gives the same code and certificate on any machine, however fast or busy: of the 188
definitions of ``examples/own_formulas.md`` and the held-out notes of ``benchmarks/`` (rounds 1-8), the most any builds is
17 (an asymmetric loss); LogCoshDice's 12 cost it 27 CPU seconds, nearly all in building them (the checks took about 1 s).  The candidates after the limit are neither
built nor measured (building them only to count them once cost LogCoshDice as much as a third of its search); the row
says the search stopped (``stopped``: how many VJP candidates it had measured) and the certificate prints it."""

SEARCH_SECONDS = 300.0
"""A safety net in CPU seconds for a definition whose candidates are pathologically costly to build (sympy on a huge
expression): past it no further VJP candidate is tried, and the certificate says so and that the choice then
depended on the machine's speed.  Five times the slowest search of the held-out sets (the Jensen-Shannon divergence
between two softmaxes, about 30 s; LogCoshDice 27 s), so that no known definition comes near it."""


def search(f: DefinedFunction, grad: bool):
    """The most accurate candidate forward (and VJP): ``(code, module, errors, row)``.

    See :mod:`codegen.define_search`; the row records each candidate's worst error, the choice,
    and for every rule that fired in the choice the worst error without it and with it.
    """
    started = time.process_time()
    fwd_scores, failure = [], None

    def forward_stream():
        yield from forward_candidates(f)
        if not any(_meets(e, "ordinary", "extreme") for _, _, e in fwd_scores):
            yield from without_each_fired([c for _, c, _ in fwd_scores])

    for c in forward_stream():
        try:
            _, m = compile_exprs(f, c.exprs[0], (), False)
            e = check_function(f, getattr(m, f.name))
        except Exception as exc:  # noqa: BLE001  (a candidate that fails to lower or run is not chosen)
            if c.label == "all rules":  # the plain stabilized form must lower: its failure is a bug, reported
                raise
            failure = failure or exc  # a costly or exact-product form the lowering rejects (LogCoshDice's scaled
            continue  # quotient inside a sinh, once): the others are still measured
        fwd_scores.append((_worst(e.ordinary, e.extreme), c, e))
    if not fwd_scores:
        raise failure
    # min keeps the first of equals (all rules on); between equal worst errors (inf for all, at a point no candidate
    # computes) the candidate failing at fewer points wins, then the one off its target at fewer ill-conditioned points
    # (exact products get 1 - t y right at t y = 1 + 1e-16, where one ulp of t moves the truth by 100 %)
    best_fwd = min(fwd_scores, key=lambda t: (_rank(t[0]), t[2].failed, t[2].ill_conditioned))
    fwd = best_fwd[1]
    vjp_scores, stopped, stopped_by = [], 0, None
    if grad:
        def vjp_stream():
            yield from each_vjp_candidate(f)
            if not any(_meets(e, "vjp", "vjp_extreme") for _, _, e in vjp_scores):
                yield from derivative_of_costly_stable(f)
            if not any(_meets(e, "vjp", "vjp_extreme") for _, _, e in vjp_scores):
                yield from without_each_fired([c for _, c, _ in vjp_scores])

        for tried, c in enumerate(vjp_stream()):
            if vjp_scores and tried >= SEARCH_CANDIDATES:
                stopped, stopped_by = len(vjp_scores), "candidates"
                break
            if vjp_scores and time.process_time() - started > SEARCH_SECONDS:
                stopped, stopped_by = len(vjp_scores), "seconds"
                break
            try:
                _, m = compile_exprs(f, fwd.exprs[0], c.exprs, True)
            except Exception:  # noqa: BLE001  (a candidate the lowering rejects is not chosen)
                continue
            try:
                e = check_function(f, getattr(m, f.name), getattr(m, f.name + "_vjp"))
            except Exception:  # noqa: BLE001  (a candidate that fails to run is not chosen)
                continue
            vjp_scores.append((_worst(e.vjp, e.vjp_extreme), c, e))
        best_vjp = min(vjp_scores, key=lambda t: (_rank(t[0]), t[2].vjp_failed, t[2].vjp_ill_conditioned))
        vjp = best_vjp[1]
        f.rewrites = {"forward": fwd.fired, "vjp": vjp.fired}
        code, module = compile_exprs(f, fwd.exprs[0], vjp.exprs, True)
        err = best_vjp[2]
        f.chosen = (fwd.exprs[0], tuple(vjp.exprs))
    else:
        vjp = None
        f.rewrites = {"forward": fwd.fired, "vjp": ()}
        code, module = compile_exprs(f, fwd.exprs[0], (), False)
        err = best_fwd[2]
        f.chosen = (fwd.exprs[0], ())
    ablation = _ablation(f, fwd, best_fwd[2], fwd_scores, lambda exprs: _forward_score(f, exprs), _every_forward)
    if vjp is not None:
        vjp_ablation = _ablation(f, vjp, best_vjp[2], vjp_scores, lambda exprs: _vjp_score(f, fwd.exprs[0], exprs),
                                 _every_vjp)
        ablation.update({k: v for k, v in vjp_ablation.items() if k not in ablation})
    row = {"name": f.name, "ordinary": err.ordinary, "extreme": err.extreme, "vjp": err.vjp,
           "vjp_extreme": err.vjp_extreme, "points": err.n_ordinary + err.n_extreme, "vjp_points": err.n_vjp,
           "rules": tuple(dict.fromkeys(f.rewrites["forward"] + f.rewrites["vjp"])), "ablation": ablation,
           "skipped": (err.skipped, err.vjp_skipped), "ill_conditioned": (err.ill_conditioned, err.vjp_ill_conditioned),
           "ill_spread": err.ill_spread, "ill_ratio": err.ill_ratio,
           "forward_choice": fwd.label, "vjp_choice": vjp.label if vjp else "-",
           "domain": stated_domain(f), "stopped": stopped, "stopped_by": stopped_by,
           "candidates": [(c.label, s) for s, c, _ in fwd_scores] + [(c.label, s) for s, c, _ in vjp_scores]}
    return code, module, err, row


def _every_forward(e) -> float:
    """The worst forward error over every counted point, the ill-conditioned ones included."""
    return _worst(e.ordinary, e.extreme, e.ill_worst)


def _every_vjp(e) -> float:
    return _worst(e.vjp, e.vjp_extreme, e.vjp_ill_worst)


def _forward_score(f: DefinedFunction, exprs) -> float:
    _, m = compile_exprs(f, exprs[0], (), False)
    return _every_forward(check_function(f, getattr(m, f.name)))


def _vjp_score(f: DefinedFunction, fwd_expr, exprs) -> float:
    _, m = compile_exprs(f, fwd_expr, exprs, True)
    return _every_vjp(check_function(f, getattr(m, f.name), getattr(m, f.name + "_vjp")))


def _ablation(f: DefinedFunction, chosen, errors, scores, measure, every) -> dict:
    r"""For every rule that fired in the ``chosen`` candidate: ``(worst error without it, worst error with it)``, the
    "without" being the chosen candidate's own construction with that rule left out of its rules
    (:func:`codegen.define_search.ablated`), measured on the same points (a candidate already measured is not measured
    again), both over every point the certificate checks, ill-conditioned ones included (``every``: an exact product
    gains where $1 - t y$ cancels, which is where one ulp of $t$ moves the truth).  A rule whose removal leaves the
    same expressions (another rule rewrites the same pattern) has equal errors; one whose construction fails without
    it, or that does not run, is left out."""
    score = every(errors)
    known = {c.exprs: every(e) for _, c, e in scores}
    out = {}
    for name in chosen.fired:
        built = ablated(chosen, name)
        if built is None:
            continue
        exprs = tuple(built[0])
        if exprs == chosen.exprs:
            out[name] = (score, score)
            continue
        if exprs not in known:
            try:
                known[exprs] = measure(exprs)
            except Exception:  # noqa: BLE001  (a form the lowering rejects without the rule: no entry)
                continue
        out[name] = (known[exprs], score)
    return out


_VERIFIED: dict = {}
"""Verifications already run in this process, by definition (name, expression, ``grad``): ``codegen`` and
``verify`` of the same definition share one (the certificate and ``verify`` agree because they are the same run)."""


def verification(f: DefinedFunction, grad: bool):
    """``(code, module, errors, row)`` of the definition ``f``: the search (:func:`search`) and the derived gradient
    against central differences of the definition in mpmath (``row["fd"]``), run once per definition and process;
    the record gets the chosen expressions and rewrites (``f.chosen``, ``f.rewrites``) as the search gives them."""
    return verifications([f], grad, jobs=1)[0]


def _key(f: DefinedFunction, grad: bool) -> tuple:
    return (f.name, f.expr, tuple(p.name for p in f.params), tuple(k.name for k in f.keywords), f.domain, f.relations,
            grad)


def _searched(f: DefinedFunction, grad: bool) -> tuple:
    """``(code, module, errors, row, chosen, rewrites)``: the search and the finite-difference check of ``f``."""
    code, module, err, row = search(f, grad)
    row["fd"] = finite_difference_check(f) if grad else None
    return code, module, err, row, f.chosen, f.rewrites


def _portable(f: DefinedFunction, result: tuple, grad: bool):
    r"""``result`` as it crosses back from a worker: without its module (rebuilt from the code by :func:`_restored`),
    and with the chosen expressions as their positions among the candidates (:func:`_chosen_positions`), since
    sympy re-evaluates an unpickled expression ($(\epsilon/M)^2$ comes back as $\epsilon^2 M^{-2}$) and the
    backends lower ``f.chosen``."""
    code, _, err, row, chosen, rewrites = result
    return code, None, err, row, _chosen_positions(f, chosen, grad), rewrites


def _chosen_positions(f: DefinedFunction, chosen: tuple, grad: bool) -> tuple[int, int | None] | None:
    """Where the chosen forward and VJP expressions are among :func:`forward_candidates` and
    :func:`vjp_candidates` (built again: the rules' results are remembered), or None where not found."""
    fwd = [i for i, c in enumerate(forward_candidates(f)) if c.exprs[0] == chosen[0]]
    vjp = [i for i, c in enumerate(vjp_candidates(f)) if tuple(c.exprs) == tuple(chosen[1])] if grad else [None]
    return (fwd[0], vjp[0]) if fwd and vjp else None


@dataclass(frozen=True)
class ChosenAt:
    """The chosen candidates of a search run in a worker, by position (built again only when asked for:
    :func:`chosen_expressions`)."""

    forward: int
    vjp: int | None
    code: str
    grad: bool


def _restored(f: DefinedFunction, result: tuple, grad: bool) -> tuple:
    """A result of :func:`_portable` with its module loaded from its code, as :func:`compile_exprs` loads it; the
    chosen expressions stay positions (:class:`ChosenAt`) until :func:`chosen_expressions` is asked for them."""
    code, _, err, row, positions, rewrites = result
    helpers = NumPyLowering.helpers_source(code, grad=grad)
    text = header_imports(code) + "\n\n" + (helpers + "\n\n\n" if helpers else "") + code
    chosen = ChosenAt(*positions, code, grad) if positions is not None else None
    return code, load_generated(text, f"formulary_{f.name}"), err, row, chosen, rewrites


def chosen_expressions(f: DefinedFunction) -> tuple:
    """``(forward, vjp expressions)`` the search chose for ``f`` (after :func:`verifications`): where the search ran in
    a worker, built again from the candidates at the positions it found (once: the next :func:`verifications` hands out
    the expressions, so a second backend's module does not build them again), and checked to lower to the worker's
    code; searched again here where they are not."""
    chosen = getattr(f, "chosen", None)
    if not isinstance(chosen, ChosenAt) and chosen is not None:
        return chosen
    grad = chosen.grad if chosen is not None else bool(f.gradients)
    if chosen is not None:
        fwd = forward_candidates(f)[chosen.forward].exprs[0]
        vjp = tuple(_vjp_candidate_at(f, chosen.vjp).exprs) if chosen.grad else ()
        if _source(f, fwd, vjp, chosen.grad) == chosen.code:
            f.chosen = (fwd, vjp)
            key = _key(f, grad)
            if key in _VERIFIED and _VERIFIED[key][4] == chosen:  # the next verifications() hands out the expressions
                _VERIFIED[key] = (*_VERIFIED[key][:4], f.chosen, *_VERIFIED[key][5:])
            return f.chosen
    result = _searched(f, grad)
    _VERIFIED[_key(f, grad)] = result
    return f.chosen


def _vjp_candidate_at(f: DefinedFunction, position: int):
    """The candidate VJP at ``position`` of :func:`vjp_candidates`, without building those after it
    (:func:`each_vjp_candidate` builds them one at a time, each a stabilization of every gradient)."""
    return next(itertools.islice(each_vjp_candidate(f), position, None))


def search_cost(f: DefinedFunction) -> int:
    """The extreme points of ``f`` (:func:`codegen.define_check.extreme_points`), a proxy for its search's cost: the
    costly definitions go to the workers first (:func:`derivations.parallel.fork_map` hands items out in order)."""
    import numpy as np

    from codegen.define_check import extreme_points

    return len(extreme_points(f, np.random.default_rng(0)))


def verifications(functions: list[DefinedFunction], grad: bool, *, jobs: int | None = None) -> list[tuple]:
    """:func:`verification` of every definition of ``functions``, the searches of those not yet verified in this
    process run across ``jobs`` processes (default: the CPUs available; :func:`derivations.parallel.fork_map`).
    Each search is deterministic (its points and truths depend on the definition only), so the results are those
    of a serial run, in the order of ``functions``."""
    from derivations.parallel import fork_map

    if grad:
        for f in functions:
            derive_gradients(f)
    pending: dict = {}
    for f in functions:
        if _key(f, grad) not in _VERIFIED:
            pending.setdefault(_key(f, grad), f)  # a definition given twice is searched once
    todo = list(pending.values())
    order = sorted(range(len(todo)), key=lambda i: -search_cost(todo[i])) if len(todo) > 1 else range(len(todo))
    ranked = [todo[i] for i in order]
    results = fork_map(lambda f: _portable(f, _searched(f, grad), grad), ranked, jobs) if len(ranked) > 1 else \
        [_searched(f, grad) for f in ranked]
    for f, result in zip(ranked, results):
        if result[1] is None:  # from a worker
            result = _restored(f, result, grad)
        _VERIFIED[_key(f, grad)] = result
    out = []
    for f in functions:
        code, module, err, row, f.chosen, f.rewrites = _VERIFIED[_key(f, grad)]
        out.append((code, module, err, row))
    return out


def holds(row: dict, grad: bool) -> bool:
    """Every worst error of ``row`` within its target (:data:`codegen.define_check.TARGETS`; the VJP's only with ``grad``),
    measured at :data:`codegen.define_check.N_ORDINARY` points at least (forward and, with ``grad``, VJP): a row whose
    truths all failed has worst errors of 0 at no point, which certifies nothing."""
    kinds = ("ordinary", "extreme", "vjp", "vjp_extreme") if grad else ("ordinary", "extreme")
    enough = row["points"] >= N_ORDINARY and (not grad or row["vjp_points"] >= N_ORDINARY)
    return enough and all(row[k] <= TARGETS[k] for k in kinds)


TABLE_HEADER = ("function            ordinary  extreme   vjp       vjp(ext)  fd        points  choice; rules (worst error "
                "without -> with)")


def table_line(r: dict, grad: bool) -> str:
    """The certificate's line for the row ``r`` (``formulary verify`` of a definition prints the same)."""
    ab = ", ".join(f"{k} ({format_error(a)} -> {format_error(b)})" for k, (a, b) in r["ablation"].items()) or "-"
    choice = r["forward_choice"] + (f" / vjp: {r['vjp_choice']}" if grad else "")
    return (f"{r['name']:<19} {format_error(r['ordinary']):<9} {format_error(r['extreme']):<9} "
            f"{format_error(r['vjp']) if grad else '-':<9} {format_error(r['vjp_extreme']) if grad else '-':<9} "
            f"{format_error(r['fd']) if grad else '-':<9} {r['points']:<7} {choice}; {ab}")


def format_error(x: float) -> str:
    return "inf" if math.isinf(x) else f"{x:.1e}"


def domain_line(row: dict) -> str:
    """The domain the definition states, inside which every point was drawn (empty where it states none)."""
    return f"  {row['name']}: every point drawn inside the stated domain, {row['domain']}" if row.get("domain") else ""


def budget_line(row: dict) -> str:
    """That the search stopped at one of its limits (:data:`SEARCH_CANDIDATES`, or the safety net
    :data:`SEARCH_SECONDS`) and after how many VJP candidates, said; empty where it measured them all."""
    n = row.get("stopped", 0)
    if not n:
        return ""
    measured = f"after measuring {n} VJP candidate{'s' if n > 1 else ''}"
    if row.get("stopped_by") == "seconds":
        limit = (f"the search stopped at its safety net of {SEARCH_SECONDS:g} CPU seconds {measured} (on a faster"
                 " machine it may have measured more and chosen another)")
    else:
        limit = f"the search stopped at its limit of {SEARCH_CANDIDATES} VJP candidates {measured}"
    return f"  {row['name']}: {limit}; the rest were not tried (the chosen one was measured at every point)"


def notes_lines(rows: list[dict], grad: bool) -> list[str]:
    """The lines under the certificate's table: each row's stated domain, search budget and uncounted points."""
    return [line for r in rows for line in (domain_line(r), budget_line(r), uncounted_line(r, grad)) if line]


def uncounted_line(row: dict, grad: bool) -> str:
    """The points of ``row`` not in its worst errors, said (empty where every point counted)."""
    (skip, vskip), (ill, vill) = row["skipped"], row["ill_conditioned"]
    parts = []
    if ill or (grad and vill):
        parts.append(f"{ill} forward and {vill} VJP points ill-conditioned beyond float64 (one ulp of the inputs moves the "
                     f"truth by up to {format_error(row['ill_spread'])}; the error there is at most "
                     f"{row['ill_ratio']:.1f} times that)" if grad else
                     f"{ill} points ill-conditioned beyond float64 (one ulp of the inputs moves the truth by up to "
                     f"{format_error(row['ill_spread'])}; the error there is at most {row['ill_ratio']:.1f} times that)")
    if skip:
        parts.append(f"{skip} points skipped (truth not a finite real, or at an extreme point not a normal float64)")
    if grad and vskip:
        parts.append(f"{vskip} skipped for the VJP (its own truth not a finite real float64, or at an extreme point "
                     f"not a normal one)")
    return f"  {row['name']}: " + "; ".join(parts) if parts else ""


def write_defined_module(functions: list[DefinedFunction], *, grad: bool = False, title: str = "") -> str:
    """The module text: certificate docstring, imports, one function (and VJP) per definition."""
    verified = verifications(list(functions), grad)
    codes, rows = [code for code, _, _, _ in verified], [row for _, _, _, row in verified]
    table = [TABLE_HEADER] + [table_line(r, grad) for r in rows]
    table += notes_lines(rows, grad)
    body = "\n\n\n".join(codes)
    doc = ["r\"\"\"Generated by formulary codegen" + (f" from {title}" if title else "") + ".", "",
           "Calling contract: name(p1, ..., pk, *, keywords); name_vjp(p1, ..., pk, g, *, keywords) returns",
           "one gradient per parameter, shaped like it.  Leading axes are batch axes.", "",
           "Certificate: each function against its own definition evaluated in mpmath at 60+ digits,",
           "at ordinary points and at extreme ones (inputs to 1e+-300, counted where the truth is a normal",
           "float64); worst normwise relative errors (a VJP's over all its gradients at once); fd: the derived",
           "gradient against central differences of the definition in mpmath.  Choice: the candidate",
           "rewriting kept by the search (codegen.define_search), the most accurate on these points.",
           "A point whose error exceeds its target (1e-12 ordinary, 1e-10 extreme, 1e-8 VJP) where one ulp of",
           "the inputs alone moves the truth by more than the target, and the error is within 100 times that",
           "spread, is ill-conditioned beyond float64: counted below the table, not in the worst errors.", "",
           *table, '"""']
    pieces = ["\n".join(doc), header_imports(body)]
    helpers = NumPyLowering.helpers_source(body, grad=grad)
    if helpers:
        pieces.append(helpers)
    pieces.append(body)
    return "\n\n\n".join(pieces)
