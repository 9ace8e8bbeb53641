r"""The report of ``formulary check``: per-step and per-block verdicts, JSON and text."""
from __future__ import annotations

from dataclasses import dataclass

from derivations.checker.verdict import worst

SCHEMA = "formulary.check/1"

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
    role: str = "claim"  # claim, equation, equation step, approximation
    assumptions: tuple[str, ...] = ()  # the conditions and examples in force that the check used

    def to_json(self) -> dict:
        out = {"lhs": self.lhs, "rel": self.rel, "rhs": self.rhs, "verdict": self.verdict,
               "method": self.method, "reason": self.reason, "line": self.line, "role": self.role,
               "assumptions": list(self.assumptions)}
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
    catalog_counterexample: dict | None = None
    steps: tuple[StepReport, ...] = ()
    warnings: tuple[str, ...] = ()
    definitions: tuple[str, ...] = ()
    role: str = "no claim"  # definition, claim, condition, example, equation, update, no claim, unparsed
    parsed_form: tuple[str, ...] = ()
    assumptions: tuple[str, ...] = ()  # conditions and examples used (or, for a condition/example, stated)
    symbols: tuple[str, ...] = ()  # how each symbol was read (--explain)

    @property
    def verdict(self) -> str | None:
        r"""The worst of the steps' verdicts; ``error`` when unparsed; ``refuted`` when the block states a
        catalog formula and disagrees with it; None for a block with no claim.

        An equation the block poses (role ``equation``, ``undecided``: it holds for some values of its
        unknowns) is not a claim when the block also makes claims: ``0 = (2-\lambda)(3-\lambda) - 2 =
        (4-\lambda)(1-\lambda)`` poses an equation and claims one rewriting of it, so its verdict is the
        rewriting's.  A block that only poses equations stays ``undecided``."""
        if not self.parsed:
            return "error"
        steps = [s for s in self.steps if not (s.role == "equation" and s.verdict == "undecided")] or self.steps
        kinds = [s.verdict for s in steps] + ["refuted"] * (self.catalog_agrees is False)
        return worst(kinds) if kinds else None

    def to_json(self) -> dict:
        return {"line": self.line, "kind": self.kind, "heading": self.heading, "source": self.source,
                "parsed": self.parsed, "error": self.error, "catalog_id": self.catalog_id,
                "catalog_agrees": self.catalog_agrees, "catalog_reason": self.catalog_reason,
                "catalog_counterexample": self.catalog_counterexample,
                "verdict": self.verdict, "role": self.role, "parsed_form": list(self.parsed_form),
                "assumptions": list(self.assumptions), "symbols": list(self.symbols),
                "definitions": list(self.definitions),
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
        roles = [b.role for b in self.blocks]
        return {
            "blocks": len(self.blocks),
            "parsed": sum(b.parsed for b in self.blocks),
            "claims": sum(len(b.steps) for b in self.blocks),
            **{kind: verdicts.count(kind) for kind in ("proved", "verified", "undecided", "refuted", "error")},
            "no_claim": verdicts.count(None),
            **{f"role_{r.replace(' ', '_')}": roles.count(r) for r in sorted(set(roles))},
            "catalog_matches": sum(b.catalog_id is not None for b in self.blocks),
            "catalog_disagreements": sum(b.catalog_agrees is False for b in self.blocks),
            "warnings": sum(len(b.warnings) for b in self.blocks),
        }

    def to_json(self) -> dict:
        return {"schema": SCHEMA, "path": self.path, "blocks": [b.to_json() for b in self.blocks],
                "summary": self.summary()}


def render_text(report: NotesReport, *, explain: bool = False) -> str:
    """The report for a terminal: one line per block (verdict, role), its parsed form and the assumptions
    used, then its steps, warnings and catalog comparison; ``explain``: how each symbol was read."""
    lines = [f"{report.path}"]
    for b in report.blocks:
        verdict = b.verdict or "no claim"
        head = f"  line {b.line:>4}  {verdict:<10} {b.role:<11}"
        if b.catalog_id:
            agree = {True: "agrees", False: "DISAGREES", None: "not compared"}[b.catalog_agrees]
            head += f" [{b.catalog_id}: {agree}]"
        lines.append(head + "  " + " ".join(b.source.split())[:70])
        if b.error:
            lines.append(f"        error: {b.error}")
        if b.parsed_form and (b.steps or explain):
            lines.append(f"        read as: {' ; '.join(b.parsed_form)[:200]}")
        if b.assumptions:
            lines.append(f"        assuming: {', '.join(b.assumptions)[:200]}")
        if explain and b.symbols:
            lines.append(f"        symbols: {'; '.join(b.symbols)[:400]}")
        for s in b.steps:
            lines.append(f"        {s.verdict:<10} {s.lhs[:50]} {s.rel} {s.rhs[:50]}")
            if s.verdict in ("refuted", "undecided", "error") and (s.reason or s.method):
                lines.append(f"                   {(s.reason or s.method)[:150]}")
            at = [a[:-len(" (example)")] for a in s.assumptions if a.endswith(" (example)")]
            if s.verdict in ("proved", "verified") and at:  # confirmed at a worked example's values only
                lines.append(f"                   holds at {', '.join(at)[:120]} (values the notes set above), "
                             "not shown as an identity")
            if s.counterexample:
                shown = ", ".join(f"{k}={v}" for k, v in list(s.counterexample.items())[:8])
                lines.append(f"                   counterexample: {shown[:200]}")
        if b.catalog_agrees is not True and b.catalog_reason:
            lines.append(f"        catalog: {b.catalog_reason[:300]}")
        if b.catalog_counterexample:
            shown = ", ".join(f"{k}={v}" for k, v in list(b.catalog_counterexample.items())[:16])
            lines.append(f"                 counterexample: {shown[:400]}")
        for w in b.warnings:
            lines.append(f"        warning: {w}")
    s = report.summary()
    lines.append(f"{s['blocks']} blocks, {s['parsed']} parsed, {s['claims']} claims: {s['proved']} proved, "
                 f"{s['verified']} verified, {s['undecided']} undecided, {s['refuted']} refuted, "
                 f"{s['error']} errors; {s['catalog_matches']} catalog matches, "
                 f"{s['catalog_disagreements']} disagreements")
    return "\n".join(lines)

