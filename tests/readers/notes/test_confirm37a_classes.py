r"""Classes of correct linear-algebra claims that ``check`` left unconfirmed (issue 12, confirm37a), each with a
wrong variant that must not be confirmed:

* a bold run of letters each written alone in bold (``\bs{Dc}`` beside ``\bs{D}`` and ``\bs{c}``) was one name
  ``Dc``, and ``\bs{dd}^\text{T}`` the transpose of one name (readers.notes.bold_groups);
* an arg min written again after a definition made with the note's own macros (``\argmin{d}``, ``\norm``) was
  "defined, but not as matrix algebra": the definition was looked up in the text before its macros were expanded;
  a link ``\arg\min_d F = \arg\min_d G`` of a chain was not checked at all (readers.notes.matrices);
* a run of capitals (``QDQ^T``, ``PDP^{-1}``) is one name to the scalar reader and a product of declared or
  written-out matrices to the order-keeping one: the two readings of a chain were not aligned;
* ``P = [...], \hspace{24pt} D = [...]`` wrote out ``P`` only (``\hspace`` was no statement break, as ``\quad`` is);
* "$A$ is orthogonally diagonalizable" declared $A$ orthogonal, so a symmetric matrix written out later was no
  longer in force (readers.notes.matrix_declarations);
* ``A\wvec`` with ``\newcommand{\wvec}{{\mathbf w}}`` was read as ``A`` with the subscript ``w`` (readers.notes.macros);
* a claim under ``A^TA\mathbf{v} = \mathbf{0}`` was "constrained by an equation this check cannot solve": ``v`` is
  now drawn from the null space of ``A^TA`` in each sample (readers.notes.null_spaces).
"""
from readers.notes.check import check_notes
from readers.notes.matrix_declarations import declarations

CONFIRMED = ("proved", "verified")


def _verdicts(text):
    return {b.line: b.verdict for b in check_notes(text, path="<test>", budget=5.0).blocks if b.role == "claim"}


BOLD_RUNS = r"""# Decoding

$$\newcommand\bs[1]{\boldsymbol{#1}}$$

Let $\bs{D} \in \mathbb{R}^{n \times l}$, $\bs{c} \in \mathbb{R}^{l}$ and $\bs{d} \in \mathbb{R}^{n}$.

$$(\bs{Dc})^\text{T}=\bs{c}^\text{T}\bs{D}^\text{T}$$

$$(\bs{dd}^\text{T})^\text{T}=\bs{dd}^\text{T}$$

Wrong:

$$(\bs{Dc})^\text{T}=\bs{D}^\text{T}\bs{c}^\text{T}$$

$$(\bs{dd}^\text{T})^\text{T}=\bs{d}^\text{T}\bs{d}$$
"""


def test_a_bold_run_of_letters_written_alone_in_bold_is_their_product():
    verdicts = _verdicts(BOLD_RUNS)
    assert verdicts[7] in CONFIRMED, verdicts  # "Dc would be a vector" before
    assert verdicts[9] in CONFIRMED, verdicts
    assert verdicts[13] not in CONFIRMED, verdicts  # the shapes do not fit
    assert verdicts[15] not in CONFIRMED, verdicts  # a matrix is no number


ARG_MIN = r"""# Principal direction

$$\newcommand\bs[1]{\boldsymbol{#1}}
\newcommand\norm[1]{\left\lVert#1\right\rVert}
\newcommand\argmin[1]{\underset{\bs{#1}}{\arg\min}}
\newcommand\argmax[1]{\underset{\bs{#1}}{\arg\max}}$$

Let $\bs{X} \in \mathbb{R}^{m \times n}$ and $\bs{d} \in \mathbb{R}^{n}$. We look for

$$\bs{d}^* = \argmin{d} \norm{\bs{X}-\bs{X}\bs{d}\bs{d}^\text{T}}_F^2$$

$$\bs{d}^* = \argmin{d} \norm{\bs{X}\bs{d}\bs{d}^\text{T}-\bs{X}}_F^2$$

$$\bs{d}^* = \argmin{d} -2\mathrm{tr}(\bs{X}^\text{T}\bs{Xdd}^\text{T}) + \mathrm{tr}(\bs{X}^\text{T}\bs{Xdd}^\text{T}\bs{dd}^\text{T})$$

$$\argmin{d} -\mathrm{tr}(\bs{d}^\text{T}\bs{X}^\text{T}\bs{Xd}) = \argmax{d} \mathrm{tr}(\bs{d}^\text{T}\bs{X}^\text{T}\bs{Xd})$$

Wrong:

$$\bs{d}^* = \argmin{d} -\mathrm{tr}(\bs{X}^\text{T}\bs{Xdd}^\text{T}) + \mathrm{tr}(\bs{X}^\text{T}\bs{Xdd}^\text{T}\bs{dd}^\text{T})$$

$$\argmin{d} -\mathrm{tr}(\bs{d}^\text{T}\bs{X}^\text{T}\bs{Xd}) = \argmin{d} \mathrm{tr}(\bs{d}^\text{T}\bs{X}^\text{T}\bs{Xd})$$
"""


def test_an_arg_min_restated_after_a_definition_in_macros_and_a_chain_of_arg_mins():
    verdicts = _verdicts(ARG_MIN)
    assert verdicts[12] in CONFIRMED, verdicts  # the same objective, its difference in the other order
    assert verdicts[14] in CONFIRMED, verdicts  # differs from the definition by tr(X^T X), free of d
    assert verdicts[16] == "proved", verdicts  # arg min of -F is arg max of F
    assert verdicts[20] == "undecided", verdicts  # the factor 2 matters only under d^T d = 1: no refutation
    assert verdicts[22] == "undecided", verdicts


CAPITAL_RUNS = r"""# Orthogonal diagonalization

Let $Q$ be an orthogonal matrix and let $D$ be a diagonal matrix. When $A$ is orthogonally diagonalizable, $A = QDQ^T$, and

$$A^T=(QDQ^T)^T = (Q^T)^TD^TQ^T = QDQ^T = A.$$

Wrong:

$$A^T=(QDQ^T)^T = Q^TD^TQ = A.$$

## Example

If $A = \begin{bmatrix} 1 & 2 \\ 2 & 1 \end{bmatrix}$, we form the matrices

$$P = \begin{bmatrix} 1 & -1 \\ 1 & 1 \end{bmatrix}, \hspace{24pt} D = \begin{bmatrix} 3 & 0 \\ 0 & -1 \end{bmatrix}$$

which tells us that $A=PDP^{-1}$, and not that $A=P^{-1}DP$.
"""


def test_a_run_of_capitals_is_a_product_of_declared_or_written_out_matrices():
    report = check_notes(CAPITAL_RUNS, path="<test>", budget=5.0)
    verdicts = {b.line: b.verdict for b in report.blocks if b.role == "claim"}
    assert verdicts[5] in CONFIRMED, verdicts  # (Q^T)^T D^T Q^T = Q D Q^T: D diagonal
    assert verdicts[9] not in CONFIRMED, verdicts  # Q^T D Q is not (QDQ^T)^T for an orthogonal Q
    assert "orthogonal" not in declarations(CAPITAL_RUNS).at(5).props.get("A", ())  # orthogonally diagonalizable
    assert "orthogonal" in declarations(CAPITAL_RUNS).at(5).props.get("Q", ())
    examples = {b.source: b.verdict for b in report.blocks if b.line == 17}
    assert examples["$A=PDP^{-1}$"] == "proved", examples  # D written out after \hspace, not only P
    assert examples["$A=P^{-1}DP$"] not in CONFIRMED, examples


MACRO_VECTORS = r"""# Symmetric matrices

$$\newcommand{\vvec}{{\mathbf v}}
\newcommand{\wvec}{{\mathbf w}}$$

For a matrix $A$ and vectors $\vvec$, $\wvec$:

$$\vvec\cdot(A\wvec) = (A^T\vvec)\cdot\wvec.$$

Wrong for a general matrix:

$$\vvec\cdot(A\wvec) = (A\vvec)\cdot\wvec.$$
"""


def test_a_macro_whose_body_is_a_group_multiplies_the_letter_before_it():
    verdicts = _verdicts(MACRO_VECTORS)
    assert verdicts[8] in CONFIRMED, verdicts  # A{\mathbf w} was A with the subscript w
    assert verdicts[12] not in CONFIRMED, verdicts


NULL_SPACE = r"""# Null space

Let $A$ be an $m \times n$ matrix and $\mathbf{v} \in \mathbb{R}^n$. Suppose that

$$A^TA\mathbf{v} = \mathbf{0}.$$

Then

$$\mathbf{v}^TA^TA\mathbf{v} = \|A\mathbf{v}\|^2 = 0.$$

Wrong:

$$\mathbf{v}^T\mathbf{v} = \|A\mathbf{v}\|^2.$$
"""


def test_a_claim_under_a_homogeneous_equation_is_sampled_in_its_null_space():
    report = check_notes(NULL_SPACE, path="<test>", budget=5.0)
    steps = {b.line: [s.verdict for s in b.steps] for b in report.blocks if b.role == "claim"}
    assert steps[9] == ["verified", "verified"], steps  # ||Av||^2 = 0 only for v in the null space of A^T A
    assert steps[13] == ["undecided"], steps  # |v|^2 > 0: fails there, but the equation is only sampled, never solved
