r"""Classes of correct claims in published notes that ``check`` left unconfirmed (issue 12, confirm51), each with
wrong variants that must not be confirmed:

* a name applied to several arguments somewhere (``R(s_t, a_t)``), or defined at a subscripted Greek argument
  (``J(\pi_{\theta}) = ...``), is a function everywhere: ``R(\tau)`` is R at tau and ``J(\pi_\theta)`` J at
  pi_theta, never products (spinningup_policy_gradient.rst:29, :83, :154, :222 read them as ``J*pi_theta`` and
  ``R*tau``); read as products, a wrong claim ``2 L(\phi_k) = \phi_k^3 C(2z)`` after ``L(\phi_k) = \phi_k^3 C(z)``
  was proved (readers.notes.applied_names, readers.notes.reading.defined_functions);
* a vector written out with the note's own macro (``\bs{x} = [2; 5; 3]`` under ``\newcommand\bs[1]{\boldsymbol{#1}}``)
  gave the claims' ``\boldsymbol{x}`` no value (hadrienj_norms_notes.md:180, :187, :331 undecided, "MatrixLiteral in
  a matrix claim"): the written-out values are read from the blocks with the macros expanded
  (readers.notes.matrix_literals).
"""
import pytest

from tests.readers.notes.checked import CONFIRMED, assert_block_verdicts, checked_blocks

APPLIED = r"""# Objective

We maximize ${J}({pi}_{{{theta}}}) = {pi}_{{{theta}}}^2 + {R}({tau})$ where the reward of a step is ${R}(s_t, a_t)$.

$${J}({pi}_{{{theta}}}) - {R}({tau}) = {pi}_{{{theta}}}^2$$

Wrong:

$${J}({pi}_{{{theta}}}) + {R}({tau}) = {pi}_{{{theta}}}^2$$

The loss is ${L}(\phi_k) = \phi_k^3 {C}(z)$ for a cost ${C}(u, v)$ of two inputs.

Wrong:

$$2 {L}(\phi_k) = \phi_k^{{3}} {C}(2 z)$$
"""


@pytest.mark.parametrize("names", [
    dict(J="J", pi=r"\pi", theta=r"\theta", R="R", tau=r"\tau", L="L", C="C"),
    dict(J="F", pi=r"\mu", theta="k", R="G", tau=r"\xi", L="Q", C=r"\kappa"),
])
def test_names_applied_to_several_arguments_are_functions(names):
    blocks = checked_blocks(APPLIED.format(**names))
    assert_block_verdicts(blocks, [CONFIRMED, ("undecided", "refuted"), ("undecided", "refuted")])


MACROS = r"""$$
\newcommand{{{mac}}}[1]{{{bold}{{#1}}}}
$$

# Example

$$
{mac}{{{x}}}=
\begin{{{env}}}
    2 \\
    5 \\
    3
\end{{{env}}}
$$

$$
{mac}{{{x}}}^\text{{T}}=
\begin{{{env}}}
    2 & 5 & 3
\end{{{env}}}
$$

$$
{mac}{{{x}}}^\text{{T}}{mac}{{{x}}} = 2\times 2 + 5\times 5 + 3\times 3 = 38
$$

Wrong:

$$
{mac}{{{x}}}^\text{{T}}{mac}{{{x}}} = 39
$$
"""


@pytest.mark.parametrize("names", [
    dict(mac=r"\bs", bold=r"\boldsymbol", x="x", env="bmatrix"),
    dict(mac=r"\V", bold=r"\mathbf", x="u", env="pmatrix"),
])
def test_vectors_written_out_with_the_notes_macros(names):
    # hadrienj_norms_notes.md:180, :187, :331: \bs{x} = [...] wrote out nothing the claims' \boldsymbol{x} could use
    blocks = checked_blocks(MACROS.format(**names))
    assert_block_verdicts(blocks, ["proved", "proved", ("undecided", "refuted")])
