r"""The classes of misreading that round 54's held-out sources exposed (tests/corpus/notes/gpflow_sgpr_derivation.md,
lelarge_dataflowr_ebm_vae.md, tensorflow_cvae.md: a sparse-GP derivation, score matching, the ELBO), one case each.
Every case was refuted or unparsed before its fix (main at ece8a06); the planted slips show that the checks around the
new readings still refute.

* a number times the identity in a matrix claim (``[\mathbf Q + \sigma^2 \mathbf I]^{-1}``, Woodbury's identity) was
  sampled as the bare number, which the sum then added to every entry: the correct identity was refuted; ``c I``
  stays the identity scaled (readers.notes.matrix_numeric);
* ``\mathbf L^{-\top}`` was the power ``L^{-T}`` of a symbol ``T`` (undecided at best); it is the transpose of the
  inverse (readers.latex.names);
* a row whose left side is written invisibly to align it (``\phantom{[\mathbf Q + \sigma^2 \mathbf I]^{-1}} = ...``)
  had no left side and asserted nothing; the phantom's text is read as the left side (readers.latex.tokens);
* swapped kernel or covariance blocks (``\mathbf K_{fu}``, ``\mathbf K_{uf}``) were sampled as unrelated matrices, so
  ``\mathbf Q = \mathbf A^\top \mathbf A`` with ``\mathbf A = \mathbf L^{-1} \mathbf K_{uf}`` could not be confirmed; a block of
  ``K`` or ``\Sigma`` with its two set letters swapped is its transpose, one with a repeated letter symmetric, and the
  verdict names it (readers.notes.kernel_blocks);
* a parenthesis after a value that opens with ``=`` (``\mathbb{E}_{p_\theta}[-\nabla_\theta E_\theta] \left(= \int p_\theta
  [-\nabla_\theta E_\theta] dx \right)``, a restatement) did not parse; it is read as one more link of the chain
  (readers.latex.tokens);
* three notations did not parse: a subscript of stars and letters (``\mathbf K_{\star u}``, ``\mathbf K_{u\star}``,
  the kernel between test and inducing points), bold over letters apart (``{\mathbf {L L}^\top}``, a product), and
  two absolute values side by side (``|\mathbf B||\sigma^2 \mathbf I|``, read as a norm opening)
  (readers.latex.tokens, readers.notes.bold_groups).
"""
from readers.notes.blocks import find_blocks
from readers.notes.check import check_notes
from tests.readers.notes.checked import CONFIRMED, assert_block_verdicts, checked_blocks

WOODBURY = r"""# Sparse GP

\begin{equation}
\mathbf Q = \mathbf U \mathbf C^{-1} \mathbf V
\end{equation}

\begin{equation}
[\mathbf Q + \sigma^2 \mathbf I ]^{-1} = \sigma^{-2} \mathbf I - \sigma^{-4} \mathbf U[\mathbf C + \mathbf V\mathbf U\sigma^{-2}]^{-1}\mathbf V
\end{equation}

\begin{equation}
[\mathbf Q + \sigma^2 \mathbf I ]^{-1} = \sigma^{-2} \mathbf I + \sigma^{-4} \mathbf U[\mathbf C + \mathbf V\mathbf U\sigma^{-2}]^{-1}\mathbf V
\end{equation}
"""


def test_a_number_times_the_identity_stays_on_the_diagonal():
    assert_block_verdicts(checked_blocks(WOODBURY), [CONFIRMED, "refuted"])


INVERSE_TRANSPOSE = r"""# Cholesky

\begin{equation}
(\mathbf L \mathbf L^\top)^{-1} = \mathbf L^{-\top} \mathbf L^{-1}
\end{equation}

\begin{equation}
(\mathbf L \mathbf L^\top)^{-1} = \mathbf L^{-1} \mathbf L^{-\top}
\end{equation}
"""


def test_a_superscript_minus_top_is_the_inverse_transpose():
    blocks = checked_blocks(INVERSE_TRANSPOSE)
    assert_block_verdicts(blocks, [CONFIRMED, "refuted"])
    assert "transpose(L**(-1))" in blocks[0].parsed_form[0]


PHANTOM = r"""# Expanding

$$
(x + 1)^2 = x^2 + 2x + 1
$$

$$
\phantom{(x + 1)^2} = 1 + 2x + x^2
$$

$$
\phantom{(x + 1)^2} = x^2 + 1
$$
"""


def test_a_phantom_left_side_is_read():
    assert_block_verdicts(checked_blocks(PHANTOM), [CONFIRMED, CONFIRMED, "refuted"])


NOTATIONS = r"""# Notation

$$\mathbf K_{\star u} \mathbf K_{u\star} = \mathbf K_{\star u} \mathbf K_{u \star}$$

$$|{\mathbf A}| = |{\mathbf {L L}^\top}|$$

$$\log(|a||b|) = \log|a| + \log|b|$$
"""


def test_starred_subscripts_bold_letters_apart_and_adjacent_bars_parse():
    report = check_notes(NOTATIONS, path="<test>", budget=5.0)
    assert [b.line for b in report.blocks if b.error] == []
    assert len(find_blocks(NOTATIONS)) == 3


KERNEL_BLOCKS = r"""# Blocks

\begin{equation}
\mathbf Q_{ff} = \mathbf K_{fu}\mathbf K_{uu}^{-1}\mathbf K_{uf}
\end{equation}

We define $\mathbf L^{-1}\mathbf K_{uf} \triangleq \mathbf A$, where $\mathbf L\mathbf L^\top = \mathbf K_{uu}$.

\begin{equation}
\mathbf Q_{ff} = \mathbf A^\top \mathbf A
\end{equation}

\begin{equation}
\mathbf Q_{ff} = \mathbf A \mathbf A^\top
\end{equation}
"""


def test_swapped_kernel_blocks_are_transposes():
    blocks = checked_blocks(KERNEL_BLOCKS)  # L L^T = K_uu states a relation; A A^T (u x u) is not Q_ff: not confirmed
    assert_block_verdicts(blocks, ["undecided", CONFIRMED, "undecided"])
    assert any("transposes of each other" in a for s in blocks[1].steps for a in s.assumptions)


RESTATEMENT = r"""# Restating

$$
(x + 1)^2 = x^2 + 2x + 1 \left(= 1 + 2x + x^2 \right).
$$

$$
(x + 1)^2 = x^2 + 2x + 1 \ (= 1 + x^2)
$$
"""


def test_a_parenthesis_opening_with_equals_restates_the_value():
    assert_block_verdicts(checked_blocks(RESTATEMENT), [CONFIRMED, "refuted"])
