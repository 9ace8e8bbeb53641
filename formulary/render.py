"""Rendering of library results as terminal text and JSON data."""
from __future__ import annotations

import inspect
import math

VERIFY_SCHEMA = "formulary.verify/1"


def table(rows: list[dict], columns: list[str]) -> str:
    widths = {c: max([len(c)] + [len(str(r[c])) for r in rows]) for c in columns}
    lines = ["  ".join(c.ljust(widths[c]) for c in columns)]
    lines.append("  ".join("-" * widths[c] for c in columns))
    lines += ["  ".join(str(r[c]).ljust(widths[c]) for c in columns) for r in rows]
    return "\n".join(lines)


def status(formula) -> str:
    """One word: ``corrected`` when the record differs from the seed, else ``ok``."""
    return "corrected" if any(d.kind != "notation" for d in formula.discrepancies) else "ok"


def list_row(f) -> dict:
    return {"id": f.id, "section": f.section, "title": f.title, "status": status(f)}


def _sympy_form(f) -> list[str]:
    return [f"{o.lhs} = {f.expanded(o)}" for o in f.outputs]


def numpy_code(f) -> str:
    from codegen.rules import stabilize
    from derivations.numeric.evaluate import Evaluator
    from derivations.numeric.printers import FormularyNumPyPrinter

    ev = Evaluator(f, stabilize)
    printer = FormularyNumPyPrinter()
    lines = []
    for o, (expr, fired) in zip(f.outputs, ev._stable):
        idx = ", ".join(str(i) for i, _, _ in o.indices)
        head = f"{o.name}[{idx}]" if idx else o.name
        note = f"  # rewrites: {', '.join(fired)}" if fired else ""
        lines.append(f"{head} = {printer.doprint(expr)}{note}")
    return "\n".join(lines)


def show(f) -> dict:
    from codegen.latex import domain_latex, formula_latex

    try:
        reference_source = inspect.getsource(f.reference)
    except (OSError, TypeError):
        reference_source = repr(f.reference)
    return {
        "id": f.id,
        "title": f.title,
        "section": f.section,
        "source": f.source,
        "latex": formula_latex(f),
        "sympy": _sympy_form(f),
        "variables": [
            {"name": v.name, "domain": v.domain.text, "shape": [str(s) for s in v.shape],
             "description": v.description}
            for v in f.variables
        ],
        "domains_latex": domain_latex(f),
        "conditions": [str(c) for c in f.conditions],
        "sizes": [{str(k): v for k, v in case.items()} for case in f.sizes],
        "discrepancies": [
            {"kind": d.kind, "seed": d.seed, "correction": d.correction, "claim": d.claim}
            for d in f.discrepancies
        ],
        "notes": f.notes,
        "reference": reference_source,
        "numpy": numpy_code(f),
    }


def show_text(r: dict) -> str:
    out = [f"{r['id']}: {r['title']}  [{r['section']}; seed: {r['source']}]", "", "LaTeX:",
           _indent(r["latex"]), "", "sympy:"]
    out += [_indent(s) for s in r["sympy"]]
    out += ["", "variables:"]
    for v in r["variables"]:
        shape = f" shape ({', '.join(v['shape'])})" if v["shape"] else ""
        out.append(f"  {v['name']}: {v['domain']}{shape}  {v['description']}".rstrip())
    if r["conditions"]:
        out += ["", "conditions:"] + [_indent(c) for c in r["conditions"]]
    if r["discrepancies"]:
        out += ["", "differences from the seed:"]
        for d in r["discrepancies"]:
            claim = f" (derivation {d['claim']})" if d["claim"] else ""
            out += [f"  [{d['kind']}] seed: {d['seed']}", f"      holds: {d['correction']}{claim}"]
    if r["notes"]:
        out += ["", "notes:", _indent(r["notes"])]
    out += ["", "reference implementation:", _indent(r["reference"].rstrip()),
            "", "generated NumPy (verification path):", _indent(r["numpy"])]
    return "\n".join(out)


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in str(text).splitlines())


def _err(x: float) -> str:
    return f"{x:.2e}" if math.isfinite(x) else str(x)


def verify_row(r) -> str:
    line = (f"{r.id:<28} {r.verdict.kind:<9} generated {_err(r.max_rel_error_generated):>9}  "
            f"reference {_err(r.max_rel_error_reference):>9}  {r.points:>4} pts  {r.verdict.seconds:6.2f} s")
    if not r.verdict.holds:
        line += f"\n    {r.verdict.reason}"
    return line


def verify_summary(results, wall: float) -> str:
    counts: dict[str, int] = {}
    for r in results:
        counts[r.verdict.kind] = counts.get(r.verdict.kind, 0) + 1
    total = sum(r.verdict.seconds for r in results)
    parts = ", ".join(f"{n} {k}" for k, n in sorted(counts.items()))
    return f"{len(results)} formulas: {parts}; {total:.1f} s of checks, {wall:.1f} s wall"


def verify_json(results) -> dict:
    import mpmath
    import numpy as np
    import sympy as sp

    return {
        "schema": VERIFY_SCHEMA,
        "mpmath_dps": 50,
        "versions": {"sympy": sp.__version__, "numpy": np.__version__, "mpmath": mpmath.__version__},
        "results": [r.to_json() for r in results],
    }


def cpu_seconds_json(parts: dict) -> dict:
    """``{part: {id: CPU seconds}}``, each part's costliest items first (rounded to the millisecond)."""
    return {part: {item: round(seconds, 3) for item, seconds in sorted(timings.items(), key=lambda kv: -kv[1])}
            for part, timings in parts.items()}


DERIVE_SCHEMA = "formulary.derive/1"
GRADIENTS_SCHEMA = "formulary.gradients/1"
PROVE_SCHEMA = "formulary.prove/1"
_REL_TEXT = {"=": "=", "<=": "<=", ">=": ">=", "<": "<", ">": ">", "propto": "∝", "->": "→"}


def _step_text(step) -> str:
    rel = _REL_TEXT[step.rel]
    if step.rel == "->":
        return f"{step.lhs}  →  {step.rhs}   as {step.variable} → {step.point}"
    if step.rel == "propto":
        return f"{step.lhs}  ∝  {step.rhs}   in {step.variable}"
    return f"{step.lhs}  {rel}  {step.rhs}"


def _verdict_detail(v) -> list[str]:
    out = []
    if v.reason:
        out.append(f"reason: {v.reason}")
    if v.counterexample:
        out.append("counterexample: " + ", ".join(f"{k} = {val}" for k, val in v.counterexample.items()))
    return out


def derivation_text(c) -> str:
    d = c.derivation
    about = f"  [formula {d.catalog_id}]" if d.catalog_id else ""
    lines = [f"{d.id}: {d.title}{about}"]
    from derivations.checker.report import as_expected

    for n, (s, v) in enumerate(zip(d.steps, c.verdicts), start=1):
        mark = "" if as_expected(s, v) else "   <-- UNEXPECTED"
        tag = "  (seed mistake, must be refuted)" if s.expect == "fails" else ""
        lines.append(f"  {n}. {_step_text(s)}{tag}")
        lines.append(f"     {v.kind} by {v.method or '-'} in {v.seconds:.2f} s{mark}")
        if s.justification:
            lines.append(f"     because: {s.justification}")
        lines += [f"     {x}" for x in _verdict_detail(v)]
    return "\n".join(lines)


def derivation_line(c) -> str:
    counts: dict[str, int] = {}
    for v in c.verdicts:
        counts[v.kind] = counts.get(v.kind, 0) + 1
    parts = ", ".join(f"{n} {k}" for k, n in sorted(counts.items()))
    flag = "ok" if c.ok else "UNEXPECTED"
    return f"{c.derivation.id:<40} {flag:<10} {parts}"


def derivations_summary(checked) -> str:
    steps = sum(len(c.verdicts) for c in checked)
    bad = [c.derivation.id for c in checked if not c.ok]
    tail = f"; unexpected verdicts in: {', '.join(bad)}" if bad else "; every verdict as expected"
    return f"{len(checked)} derivations, {steps} steps{tail}"


def prove_text(lhs, rel, rhs, v) -> str:
    lines = [f"{lhs}  {rel}  {rhs}", f"{v.kind} by {v.method or '-'} in {v.seconds:.2f} s"]
    if v.assumptions:
        lines.append("assumptions: " + ", ".join(v.assumptions))
    lines += _verdict_detail(v)
    return "\n".join(lines)


def load_schema(name: str) -> dict:
    """The JSON Schema of a command's ``--json`` output (``verify``, ``derive``, ...)."""
    import importlib.resources
    import json

    return json.loads(importlib.resources.files("formulary").joinpath(f"schemas/{name}.json").read_text())


def gradient_line(r: dict) -> str:
    ref, fd = r["reference"], r["finite_differences"]
    flag = "ok" if r["holds"] else "FAILED"
    return (f"{r['id']:<36} {flag:<7} symbolic {r['symbolic']['verdict']:<9} "
            f"backward {_err(ref.get('max_rel_error', math.inf)):>9}  fin.diff {_err(fd.get('max_rel_error', math.inf)):>9}")


def gradients_summary(results) -> str:
    bad = [r["id"] for r in results if not r["holds"]]
    proved = sum(r["symbolic"]["verdict"] == "proved" for r in results)
    tail = f"; failed: {', '.join(bad)}" if bad else "; all three checks hold for every gradient"
    return f"{len(results)} gradients, {proved} proved symbolically{tail}"
