r"""The classes of misreading that round 39's held-out textbooks exposed (tests/corpus/notes/friedman_mlbook_*.md,
Friedman's *Machine Learning from Scratch*; blais_*.tex, Blais's *Statistical Inference for Everyone*), one case
each.  Every case was refuted, unparsed or not found before its fix (main at dcdc7c2); the planted slips show that
the new readings still refute.

* an arrow between two equations, ``f(x) = x^a \rightarrow f'(x) = a x^{a-1}`` (a table of derivative rules), was a
  limit arrow, and each row's ``f(x) = ...`` a claim about the first row's ``f``; the arrow reads "gives", as
  ``\Rightarrow`` does, and a premise that defines a function defines it for its row only (readers.latex.tokens
  ``_equation_ahead``, readers.notes.premises ``local_function``);
* a negated sum, ``-\left(\sum_n a_n - b_n\right)``, kept the term after it outside the sum though that term names
  the sum's index; the wide reading covers it, as for a sum not negated (readers.notes.operator_scopes);
* ``\bar{x}`` beside the sample ``x_n`` of a sum was a number of its own, so the two forms of the least-squares slope
  were refuted at a "mean" that is not the mean; it is read as the sample's mean (readers.notes.sample_means);
* a book's display macros, ``\def\beqn{\begin{eqnarray*}}``, hid every display of a ``.tex`` chapter
  (readers.notes.files ``environment_shorthands``);
* one unit in brackets after numbers, ``4.92\,[\rm cm]``, was an unsupported command (readers.latex.units);
* a sum wrapped onto the next row of an ``eqnarray`` (``... + \right.\\ && \left. ...``) was a parse error
  (readers.latex.tokens ``_BINARY``/``_GROUPING``);
* a link between two numbers after an equation in unknowns (``= \frac{0.088}{4} = 0.024``) was an "equation step"
  and undecided; numbers alone hold or fail whatever the unknowns are (readers.notes.check ``_numbers_alone``);
* a result with its irrational part rounded, ``15 \pm \sqrt{200} = 15 \pm 14``, was refuted; it is ambiguous at the
  units and verified at written decimals (readers.notes.rounded_parts);
* a MyST note's fences, ```` ```{admonition} ````, hid its formulas as code does (readers.notes.blocks);
* a matrix with a row of ellipses and empty places (``& & \vdots & \\``), an ellipsis typed ``..`` or a row vector
  written with commas (``\begin{bmatrix} \lambda_1, \dots, \lambda_N \end{bmatrix}``) was unparsed
  (readers.latex.atoms ``matrix``, readers.latex.tokens ``_TWO_DOTS``).
"""
from functools import lru_cache

import pytest

from readers.notes.check import check_notes
from readers.notes.files import check_file

ARROW_RULES = r"""# Derivatives

$$
\begin{align*}
f(x) &= x^3 \rightarrow f'(x) = 3x^2 \\
f(x) &= \exp(x) \rightarrow f'(x) = \exp(x)
\end{align*}
$$

and a slip

$$
f(x) = \sin(x) \rightarrow f'(x) = -\cos(x)
$$
"""
NEGATED_SUM = r"""# A loss

$$
-\left(\sum_{n=1}^N y_n \eta_n - \exp(\eta_n)\right) = \sum_{n=1}^N \left(\exp(\eta_n) - y_n \eta_n\right)
$$
"""
SAMPLE_MEANS = r"""# Least squares

where $\bar{x}$ and $\bar{y}$ are the sample means,

$$
b = \frac{\sum_{n=1}^N x_n (y_n - \bar{y})}{\sum_{n=1}^N x_n (x_n - \bar{x})}
$$

and so

$$
b = \frac{\sum_{n=1}^N (x_n - \bar{x})(y_n - \bar{y})}{\sum_{n=1}^N (x_n - \bar{x})^2}
$$

but not

$$
\sum_{n=1}^N (x_n - \bar{x})^2 = \sum_{n=1}^N x_n^2 - \bar{x}^2
$$
"""
UNITS = r"""# Lengths

$$
\frac{5.1\,[\rm cm] + 4.9\,[\rm cm]}{2} = 5.0\,[\rm cm]
$$

$$
\sqrt{0.25\,[\rm cm]^{2}} = 0.6\,[\rm cm]
$$
"""
NUMBERS_AFTER_EQUATION = r"""# A variance

$$
S^2 = \frac{1}{N-1}\sum_{i=1}^N (x_i - m)^2 = \frac{0.088}{4} = 0.024
$$
"""
ROUNDED_PARTS = r"""# Differences

$$
(25-10) \pm \sqrt{10^{2}+10^{2}} = 15\pm 14
$$

$$
15 \pm \sqrt{2} = 15 \pm 1.41
$$

$$
15 \pm \sqrt{2} = 15 \pm 1.5
$$
"""
MYST_NOTE = r"""# Notes

```{admonition} Math Note
For a number $a$,

$$
(a + 1)^2 = a^2 + 1
$$
```
"""
ELIDED_MATRICES = r"""# Matrices

$$
\mathbf{A} = \begin{pmatrix} A_{11} & \cdots & A_{1D} \\ & \vdots & \\ A_{N1} & \cdots & A_{ND} \end{pmatrix}
$$

$$
\mathbf{u} = \begin{pmatrix} u_1 & .. & u_I \end{pmatrix}
$$

$$
\begin{bmatrix} 1, 2\end{bmatrix} + \begin{bmatrix} 3, 4\end{bmatrix} = \begin{bmatrix} 4, 6\end{bmatrix}
$$
"""
WRAPPED = r"""\documentclass{book}
\def\beqn{\begin{eqnarray*}}
\def\eeqn{\end{eqnarray*}}
\begin{document}
\section{Sums}
\beqn
S&=&(1+2)^{2}+\left(3+\right.\\
&&\left.4\right)^{2} \\
&=&58
\eeqn
and
\beqn
T&=&1+\\
&&2 \\
&=&4
\eeqn
\end{document}
"""


@lru_cache(maxsize=None)
def _report(text):
    return check_notes(text, budget=2.0)


def _verdicts(text) -> list:
    return [b.verdict for b in _report(text).blocks if b.verdict is not None]


@pytest.mark.parametrize("text, expected", [
    (ARROW_RULES, ["proved", "refuted"]),
    (NEGATED_SUM, ["verified"]),  # read strictly the index is free: the wide reading decides (caught45)
    (SAMPLE_MEANS, ["verified", "refuted"]),
    (UNITS, ["proved", "refuted"]),
    (NUMBERS_AFTER_EQUATION, ["refuted"]),
    (ROUNDED_PARTS, ["undecided", "verified", "refuted"]),
    (MYST_NOTE, ["refuted"]),
])
def test_round39_reading_classes(text, expected):
    assert _verdicts(text) == expected


def test_elided_matrices_parse():
    assert [(b.parsed, b.verdict) for b in _report(ELIDED_MATRICES).blocks] == [(True, None), (True, None),
                                                                                 (True, "proved")]


def test_a_wrong_numeric_link_is_refuted_with_its_numbers():
    (block,) = [b for b in _report(NUMBERS_AFTER_EQUATION).blocks if b.verdict]
    assert any(s.verdict == "refuted" and s.counterexample for s in block.steps)


def test_display_macros_and_wrapped_rows_of_a_tex_chapter(tmp_path):
    path = tmp_path / "chapter.tex"
    path.write_text(WRAPPED, encoding="utf-8")
    report = check_file(str(path), 2.0)
    assert [(b.kind, b.parsed, b.verdict) for b in report.blocks] == [("display", True, "proved"),
                                                                      ("display", True, "refuted")]
