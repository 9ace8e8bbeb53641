r"""What an environment or a sentence governs (issue 12, false alarms of tests/corpus/notes/scope_round1.md):
a definition made inside an example, exercise or proof ends with it (readers.notes.environments); a relation after
"Suppose that" is a hypothesis, not a claim (readers.notes.hypotheses); "Then" alone on a line is prose, not a heading
(readers.notes.blocks); a name the prose calls an operator is not a factor whose failure refutes
(readers.notes.mappings).  Each case was refuted before these modules; the planted slips stay refuted."""
import pytest

from readers.notes.blocks import _heading
from readers.notes.check import check_notes
from readers.notes.environments import environments
from readers.notes.files import check_file

EXAMPLE_SHADOWS = r"""# Exponentials

Throughout, $f(x) = e^{2x}$.

:::{prf:example}
Let $f(x) = x^3 - x$. Then $f(1) = 0$.
:::

**Example 2.** Let $f(x) = x^2$. Then $f(3) = 9$. $\square$

Back to the chapter's function: $f(0) = 1$, and $f(1) = 3$.
"""
HYPOTHESIS = r"""# Hypotheses

Suppose that

$$\alpha + \beta = 1.$$

It follows that

$$\alpha^2 - \beta^2 = \alpha - \beta.$$

and, a slip,

$$\alpha^2 - \beta^2 = \alpha + \beta.$$

Let $d := \alpha - \beta$. Then $d + \beta = \alpha$.
"""
OPERATOR = r"""# Differences

For a sequence $a_n$ the forward difference operator $\Delta$ is defined by $\Delta a_n = a_{n+1} - a_n$.

$$\Delta(a_n b_n) = a_{n+1} \Delta b_n + b_n \Delta a_n.$$

A slip without the operator: $(a_n + b_n)^2 = a_n^2 + b_n^2$.
"""
LATEX = r"""\documentclass{article}
\newtheorem{thm}{Theorem}
\begin{document}
\section{Roots}
Let $g(x) = \cos x$.
\begin{thm}
Suppose $x > 0$.
\end{thm}
\begin{proof}
Then $\sqrt{x^2} = x$.
\end{proof}
\begin{example}
Let $g(x) = \sin x$. Then $g(0) = 0$.
\end{example}
Now $g(0) = 1$, and $\sqrt{x^2} = x$ is false in general.
\end{document}
"""


def _verdicts(report) -> dict:
    return {(b.line, b.source.strip("$")): b.verdict for b in report.blocks}


@pytest.mark.parametrize("text, expected", [
    (EXAMPLE_SHADOWS, {(6, "f(1) = 0"): "proved", (9, "f(3) = 9"): "proved", (11, "f(0) = 1"): "proved",
                       (11, "f(1) = 3"): "refuted"}),
    (HYPOTHESIS, {(9, r"\alpha^2 - \beta^2 = \alpha - \beta."): "proved",
                  (13, r"\alpha^2 - \beta^2 = \alpha + \beta."): "refuted",
                  (15, r"d + \beta = \alpha"): "proved"}),  # a definition after "Let" stays one
    (OPERATOR, {(3, r"\Delta a_n = a_{n+1} - a_n"): None, (5, r"\Delta(a_n b_n) = a_{n+1} \Delta b_n + b_n \Delta a_n."): "undecided",
                (7, "(a_n + b_n)^2 = a_n^2 + b_n^2"): "refuted"}),
], ids=["example-ends", "hypothesis", "operator"])
def test_what_a_scope_or_a_sentence_governs(text, expected):
    found = _verdicts(check_notes(text, budget=2.0))
    assert {k: found.get(k, "missing") for k in expected} == expected


def test_a_latex_example_ends_with_its_environment_and_a_theorem_governs_its_proof(tmp_path):
    path = tmp_path / "roots.tex"
    path.write_text(LATEX, encoding="utf-8")
    found = _verdicts(check_file(str(path), 2.0))
    assert found[(13, "g(0) = 0")] == "proved"  # the example's g
    assert found[(10, r"\sqrt{x^2} = x")] == "proved"  # the theorem's x > 0 holds in its proof
    assert found[(15, "g(0) = 1")] == "proved"  # the document's g again
    assert found[(15, r"\sqrt{x^2} = x")] != "proved"  # x > 0 ended with the proof (it was a false proved)


def test_environment_spans():
    latex = environments(LATEX, latex=True)
    assert [(e.kind, e.start, e.end) for e in latex] == [("proof", 6, 11), ("local", 12, 14)]
    md = environments(EXAMPLE_SHADOWS)
    assert [(e.kind, e.start, e.end) for e in md] == [("local", 5, 7), ("local", 9, 9)]
    statement = environments("**Lemma 1.** If $x > 0$ then\n$$x^2 > 0$$\nwhere $x$ is real.\n\n*Proof.* Clear.")
    assert [(e.start, e.end) for e in statement] == [(1, 5)]  # its paragraph, the display it introduces, its proof
    assert environments("**Lemma 1.** Let $f(x) = x$.\n\nMore: $f(1) = 1$.") == []  # alone: not scoped


@pytest.mark.parametrize("line", ["Then", "Hence", "Consider"])
def test_a_connective_alone_on_a_line_is_no_heading(line):
    assert _heading(line) is None
    assert _heading("Layer Normalization") == "Layer Normalization"
