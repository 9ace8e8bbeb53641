r"""Classes of published notes' claims (issue 12, caught48), each with a wrong twin:

* the columns of a written-out matrix named by its bold lower-case letter (TU Delft's
  ``\begin{bmatrix}-1\\0\\1\end{bmatrix} = \frac12\vect{a}_2 - \frac12\vect{a}_1`` after ``A`` was written out) were
  "MatrixLiteral in a matrix claim": ``\mathbf{a}_j`` is column j of ``A``, with row j as the other reading where
  the shapes allow it (readers.notes.matrix_columns);
* a claim refuted where its law or conditions leave no unknown stayed "the equation above", so the same claim
  restated after it was proved as following from it (``$$Y \sim \mathcal{N}(0,1) \Rightarrow \mathrm{E}[Y^2] = 5$$``
  refuted, then "So $\mathrm{E}[Y^2] = 5$." proved): a refuted claim is no equation that later claims follow from;
* a rule row ``f(x) = g(x)/h(x) \rightarrow f'(x) = \frac{h g' + g h'}{h^2}`` (Friedman's quotient rule with the
  wrong sign) was "unknown functions: g, g', h, h'": its premise builds f from functions the note leaves free, so the
  row is a rule for every g and h, and a failure with them drawn at random refutes it (readers.notes.rule_rows).
"""
import pytest

from tests.readers.notes.checked import CONFIRMED, assert_block_verdicts, checked_blocks

COLUMNS = {
    "TU Delft's columns (3 x 2: a row is no 3-vector)": (
        r"$$A = \begin{bmatrix}1&3\\2&2\\3&1\end{bmatrix}$$",
        [r"$\begin{bmatrix}1\\1\\1\end{bmatrix} = \frac14\mathbf{a}_1 + \frac14\mathbf{a}_2$",
         r"$\begin{bmatrix}-1\\0\\1\end{bmatrix} = \frac12\mathbf{a}_2 - \frac12\mathbf{a}_1$"],
        [CONFIRMED, "refuted"]),
    "other letter, pmatrix, 2 x 3": (
        r"$$W = \begin{pmatrix}1&0&2\\0&1&5\end{pmatrix}$$",
        [r"$\mathbf{w}_3 - 2\mathbf{w}_1 = \begin{pmatrix}0\\5\end{pmatrix}$",
         r"$\mathbf{w}_1 + \mathbf{w}_2 = \begin{pmatrix}1\\1\end{pmatrix}$",
         r"$\mathbf{w}_1 + \mathbf{w}_3 = \begin{pmatrix}3\\6\end{pmatrix}$"],
        [CONFIRMED, CONFIRMED, "refuted"]),
    "square: the row reading disagrees, so not decided": (
        r"$$B = \begin{pmatrix}1&2\\3&4\end{pmatrix}$$",
        [r"$\boldsymbol{b}_1 + \boldsymbol{b}_2 = \begin{pmatrix}3\\7\end{pmatrix}$",
         r"$\boldsymbol{b}_1 + \boldsymbol{b}_2 = \begin{pmatrix}0\\0\end{pmatrix}$"],
        [("undecided",), "refuted"]),
    "a later remark about any symmetric matrix of that letter governs no earlier claim": (
        r"$$A = \begin{bmatrix}1&3\\2&2\\3&1\end{bmatrix}$$",
        [r"$\begin{bmatrix}-1\\0\\1\end{bmatrix} = \frac12\mathbf{a}_2 - \frac12\mathbf{a}_1$"
         "\n\nAny symmetric matrix $A$ has real eigenvalues"],
        ["refuted"]),
}


@pytest.mark.parametrize("name", COLUMNS)
def test_bold_letter_with_a_number_is_a_column_of_the_written_out_capital(name):
    matrix, claims, expected = COLUMNS[name]
    text = f"# Columns\n\n{matrix}\n\n" + "".join(f"Then {c}.\n\n" for c in claims)
    blocks = [b for b in checked_blocks(text) if b.line > 3]
    witnesses = assert_block_verdicts(blocks, expected)
    assert all(any("_" in k for k in w) for w in witnesses), witnesses  # the column read is shown


RESTATED = {
    "a law in the premise": (r"$$Y \sim \mathcal{N}(0,1) \Rightarrow \mathrm{E}[Y^2] = 5$$",
                             r"So $\mathrm{E}[Y^2] = 5$."),
    "another letter and value": (r"$$Z \sim \mathcal{N}(0,1) \implies \mathbb{E}[Z^2] = 4$$",
                                 r"Hence $\mathbb{E}[Z^2] = 4$, as claimed."),
}


@pytest.mark.parametrize("name", RESTATED)
def test_a_refuted_claim_is_no_equation_a_restatement_follows_from(name):
    first, again = RESTATED[name]
    blocks = checked_blocks(f"# Moments\n\n{first}\n\n{again}\n")
    assert_block_verdicts(blocks, ["refuted", "refuted"])


RULE_ROWS = {
    "Friedman's quotient rule with the wrong sign": (
        r"f(x) &= g(x)/h(x) \rightarrow f'(x) = \frac{h(x)g'(x) + g(x)h'(x)}{h(x)^2}", "refuted"),
    "the right quotient rule, other letters": (
        r"u(t) &= a(t)/b(t) \rightarrow u'(t) = \frac{b(t)a'(t) - a(t)b'(t)}{b(t)^2}", ("verified", "undecided")),
    "Leibniz notation, derivatives multiplied": (
        r"f(x) &= g(x) h(x) \Rightarrow \frac{d}{dx} f(x) = \frac{d g(x)}{dx} \frac{d h(x)}{dx}", "refuted"),
    "Leibniz notation, the right product rule": (
        r"F(z) &= g(z) h(z) \implies \frac{d}{dz} F(z) = g(z) \frac{d h(z)}{dz} + h(z) \frac{d g(z)}{dz}",
        ("proved", "verified", "undecided")),
}


@pytest.mark.parametrize("name", RULE_ROWS)
def test_a_row_whose_premise_builds_a_function_from_free_ones_is_a_rule_for_every_function(name):
    row, expected = RULE_ROWS[name]
    blocks = checked_blocks(f"# Rules\n\nWe will use the rules:\n\n$$\n\\begin{{align*}}\n{row}\n\\end{{align*}}\n$$\n")
    witnesses = assert_block_verdicts(blocks, [expected])
    assert all(any("(t" in k for k in w) for w in witnesses), witnesses  # the functions drawn are shown
