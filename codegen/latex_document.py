r"""A complete LaTeX document of the catalog and the checked derivations.

Compiles with pdflatex from ``texlive-latex-base`` in the default OT1 encoding
(Type 1 Computer Modern, whose ligatures pdftotext reads back as letters) (only ``amsmath``,
``amssymb`` and ``geometry``, plus ``listings`` when code is included).
Free text from records is escaped; Unicode symbols are mapped to math.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from codegen.latex import LINE_WIDTH, ranges_latex, domain_latex, latex, wrapped

MARKS = {
    "proved": r"$\checkmark$\ \textbf{proved}",
    "verified": r"$\approx$\ \textbf{verified}",
    "refuted": r"$\times$\ \textbf{refuted}",
    "undecided": r"\textbf{?}\ \textbf{undecided}",
    "error": r"\textbf{!}\ \textbf{error}",
}
_REL = {"=": "=", "<=": r"\le", ">=": r"\ge", "<": "<", ">": ">", "propto": r"\propto", "->": r"\to"}
_UNICODE = {
    "α": r"\alpha", "β": r"\beta", "γ": r"\gamma", "δ": r"\delta", "ε": r"\varepsilon", "ϵ": r"\epsilon",
    "ζ": r"\zeta", "θ": r"\theta", "λ": r"\lambda", "μ": r"\mu", "π": r"\pi", "σ": r"\sigma", "τ": r"\tau",
    "φ": r"\phi", "ω": r"\omega", "Σ": r"\Sigma", "∑": r"\sum", "∏": r"\prod", "≤": r"\le", "≥": r"\ge",
    "≠": r"\ne", "→": r"\to", "∞": r"\infty", "∝": r"\propto", "·": r"\cdot", "√": r"\surd", "‖": r"\|",
    "∈": r"\in", "×": r"\times", "−": "-", "δ_": r"\delta_", "ᵀ": r"^{T}", "²": r"^{2}",
}
_SPECIAL = {"&": r"\&", "%": r"\%", "#": r"\#", "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}",
            "^": r"\textasciicircum{}", "\\": r"\textbackslash{}", "$": r"\$", "|": r"\textbar{}",
            "<": r"\textless{}", ">": r"\textgreater{}"}


def escape_text(text: str) -> str:
    """Plain text for LaTeX: specials escaped, Unicode math symbols as inline math."""
    out = []
    for ch in text:
        if ch in _SPECIAL:
            out.append(_SPECIAL[ch])
        elif ch in _UNICODE:
            out.append(rf"\ensuremath{{{_UNICODE[ch]}}}")
        elif ord(ch) < 128:
            out.append(ch)
        else:
            out.append("?")
    return "".join(out)


def tt(name: str) -> str:
    r"""An identifier in typewriter type; ``\char95`` is cmtt's real underscore glyph (reads back as ``_``)."""
    return r"\texttt{" + escape_text(name).replace(r"\_", r"\char95 ") + "}"


def mixed_text(text: str) -> str:
    """Text that may contain ``$...$`` math (record discrepancies): math kept, the rest escaped."""
    parts = re.split(r"(\$[^$]+\$)", text)
    out = []
    for part in parts:
        if part.startswith("$") and part.endswith("$") and len(part) > 1:
            out.append("$" + "".join(_UNICODE.get(c, c) if ord(c) >= 128 else c for c in part[1:-1]) + "$")
        else:
            out.append(escape_text(part))
    return "".join(out)


def _preamble(with_code: bool) -> str:
    lines = [
        r"\documentclass[10pt]{article}",
        r"\usepackage[margin=2cm]{geometry}",
        r"\usepackage{amsmath,amssymb}",
        r"\pdfinfo{/Creator (formulary)}",
        r"\input{glyphtounicode}\pdfgentounicode=1",  # ligatures read back as letters
    ]
    if with_code:
        lines.append(r"\usepackage{listings}")
        lines.append(r"\lstset{basicstyle=\ttfamily\footnotesize,breaklines=true,columns=fullflexible}")
    lines += [r"\allowdisplaybreaks", r"\title{Formulary: the catalog and its derivations}",
              r"\date{}", r"\begin{document}", r"\maketitle"]
    return "\n".join(lines)


def _formula_block(f, code: str | None) -> str:
    out = [rf"\subsection*{{{escape_text(f.title)} ({tt(f.id)})}}",
           rf"From the seed's heading: \emph{{{escape_text(f.source)}}}.",
           r"\begin{equation*}", _formula_display(f), r"\end{equation*}",
           r"\noindent Variables: $" + r"$, $".join(domain_latex(f)) + "$."]
    if f.conditions:
        out.append(r"\quad Conditions: $" + r"$, $".join(latex(c) for c in f.conditions) + "$.")
    if f.discrepancies:
        out.append(r"\begin{itemize}")
        for d in f.discrepancies:
            claim = f" (derivation {tt(d.claim)})" if d.claim else ""
            out.append(rf"\item[{escape_text(d.kind)}] The seed: {mixed_text(d.seed)}. "
                       rf"What holds: {mixed_text(d.correction)}{claim}.")
        out.append(r"\end{itemize}")
    if f.notes:
        out.append(r"\par\noindent\textit{Note:} " + escape_text(f.notes))
    if code:
        out += [r"\begin{lstlisting}[language=Python]", code.replace(r"\end{lstlisting}", ""), r"\end{lstlisting}"]
    return "\n".join(out)


def _formula_display(f) -> str:
    r"""The record as :func:`~codegen.latex.formula_latex` typesets it, with right sides broken before their
    top-level $+$ and $-$ where a row would pass the margin."""
    if f.latex:
        return f.latex
    rows = [(latex(d.lhs), d.expr, "") for d in f.definitions]
    rows += [(latex(o.lhs), o.expr, ranges_latex(o.indices)) for o in f.outputs]
    lines = []
    for lhs, expr, ranges in rows:
        parts = wrapped(expr)
        parts[-1] += ranges
        lines.append(f"{lhs} &= {parts[0]}")
        lines += [rf"&\qquad {p}" for p in parts[1:]]
    return "\\begin{aligned}\n" + " \\\\\n".join(lines) + "\n\\end{aligned}"


def step_latex(step) -> str:
    rel = _REL[step.rel]
    if step.rel == "->":
        return rf"\lim_{{{latex(step.variable)} \to {latex(step.point)}}} {latex(step.lhs)} = {latex(step.rhs)}"
    return f"{latex(step.lhs)} {rel} {latex(step.rhs)}"


def _step_display(step) -> str:
    r"""A step on one line, or, when it would pass the margin, as ``align*`` rows: the left side, then the
    relation and the right side broken before its top-level $+$ and $-$ (:func:`~codegen.latex.wrapped`)."""
    one = step_latex(step)
    if len(one) <= LINE_WIDTH or step.rel == "->":
        return r"$\displaystyle " + one + "$"
    lhs = wrapped(step.lhs)
    rows = [f"& {lhs[0]}"] + [rf"& \qquad {line}" for line in lhs[1:]]
    rhs = wrapped(step.rhs)
    rows.append(rf"& {{}} {_REL[step.rel]} {rhs[0]}")
    rows += [rf"& \qquad {line}" for line in rhs[1:]]
    return r"\leavevmode\vspace{-\baselineskip}\begin{align*}" + " \\\\\n".join(rows) + r"\end{align*}"


def _derivation_block(checked) -> str:
    d = checked.derivation
    about = f" --- about {tt(d.catalog_id)}" if d.catalog_id else ""
    out = [rf"\subsection*{{{mixed_text(d.title)} ({tt(d.id)}){about}}}",
           r"\begin{enumerate}"]
    for step, v in zip(d.steps, checked.verdicts):
        out.append(r"\item " + _step_display(step))
        seed = r" \emph{(a claim from the seed, expected to be refuted)}" if step.expect == "fails" else ""
        out.append(r"\\ " + MARKS[v.kind] + rf" by {escape_text(v.method or '-')}{seed}.")
        if step.justification:
            out.append(r"\\ \textit{Because:} " + escape_text(step.justification))
        if v.reason:
            out.append(r"\\ " + escape_text(v.reason))
        if v.counterexample:
            pairs = ", ".join(f"{k} = {val}" for k, val in v.counterexample.items())
            out.append(r"\\ \textit{Counterexample:} " + escape_text(pairs))
    out.append(r"\end{enumerate}")
    return "\n".join(out)


def document(formulas, checked_derivations, *, code: dict[str, str] | None = None) -> str:
    """The whole ``.tex`` source."""
    parts = [_preamble(bool(code)), r"\section{Catalog}",
             r"Every formula is a sympy expression verified against a hand-written NumPy reference "
             r"and mpmath at 50 digits. Marks: " + ", ".join(MARKS.values()) + "."]
    section = None
    for f in formulas:
        if f.section != section:
            section = f.section
            parts.append(rf"\subsection{{{escape_text(section.capitalize())}}}")
        parts.append(_formula_block(f, (code or {}).get(f.id)))
    if checked_derivations:
        parts.append(r"\section{Derivations}")
        parts += [_derivation_block(c) for c in checked_derivations]
    parts.append(r"\end{document}")
    return "\n\n".join(parts) + "\n"


class LatexError(Exception):
    """pdflatex is missing or failed; the message holds the log's first error."""


def compile_pdf(tex_source: str) -> bytes:
    """Run pdflatex twice in a temporary folder and return the PDF's bytes."""
    exe = shutil.which("pdflatex")
    if exe is None:
        raise LatexError("pdflatex not found: install texlive-latex-base (see README)")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "formulary.tex"
        src.write_text(tex_source, encoding="utf-8")
        for _ in range(2):
            run = subprocess.run([exe, "-interaction=nonstopmode", "-halt-on-error", src.name],
                                 cwd=tmp, capture_output=True, text=True, errors="replace", timeout=300)
            if run.returncode != 0:
                errors = [ln for ln in run.stdout.splitlines() if ln.startswith("!")]
                raise LatexError("pdflatex failed: " + ("; ".join(errors[:3]) or run.stdout[-500:]))
        return (Path(tmp) / "formulary.pdf").read_bytes()
