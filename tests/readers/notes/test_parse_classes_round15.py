r"""Classes of display blocks the reader could not parse in the notes corpus after round 14 (the PyTorch and NumPy
documentation files, hadrienj's PCA notes, a planted file), each with a hand-written example unlike the corpus block
that revealed it.  Every case was a parse error before."""
import pytest
import sympy as sp

from readers.latex.parse import parse_block
from readers.notes.check import check_notes


def _expr(text):
    (row,) = [r for r in parse_block(text).rows if r.kind != "empty"]
    return row.chain.exprs[-1]


@pytest.mark.parametrize("latex, expected", [
    # \left\lceil ... \right\rceil: "unsupported delimiter" (bare \lceil was read already)
    (r"y = \left\lceil \frac{n}{2} \right\rceil - \left\lfloor x \right\rfloor", "ceiling(n/2) - floor(x)"),
    # \cdotp, the punctuation dot: "unsupported command"
    (r"y = 3 \cdotp k", "3*k"),
    # a bare max or min in braces after _ or ^ labels its base: "unexpected '}'" (\max was read as the operator)
    (r"y = \eta_{min} + v^{max}", "eta_min + v^{max}"),
    # a dotted code name in \text: one name, "expected one expression in braces"
    (r"y = \text{w.grad} + 1", "w.grad + 1"),
    # Python's matrix product: an opaque matmul(A, B), never a product that commutes ("unsupported \mathbin")
    (r"y = A \mathbin{@} B", "matmul(A, B)"),
    # the sentence's period inside \mathrlap: "unexpected character '.'"
    (r"y = x\mathrlap{\qquad x \in \mathbb{R}.}", "x"),
    # an arg min whose objective opens with a sign takes the whole objective: "unexpected '-'"
    (r"y = \underset{t}{\arg\min} -2t + t^2", "argmin_t(t**2 - 2*t)"),
    (r"y = \arg\max_t -t^2 - 1 \text{ subject to } t > 0", "argmax_t(-t**2 - 1)"),
    # \parallel as a norm's bars, \triangledown as the gradient, \digamma: "unsupported command"
    (r"y = \parallel a - b \parallel^2", "(a - b)**2"),
    (r"y = \triangledown_w \log w", "nabla_w(log(w))"),
    (r"y = \digamma(x + 1)", "polygamma(0, x + 1)"),
    # a superscript \frac without braces around it (TeX's one-command script): "unexpected 'frac'"
    (r"y = e^\frac{-u}{2}", "exp(-u/2)"),
    # the sentence's period inside the formula's last \text: "unexpected 'const.'"
    (r"y = u^2 + \text{const.}", "const + u**2"),
])
def test_constructs_parse_with_their_reading(latex, expected):
    assert sp.sstr(_expr(latex)) == expected


def test_a_case_condition_in_words_around_a_relation_is_prose_not_a_dangling_relation():
    r"""PyTorch's ``\text{if reduction} = \text{`mean'}``: "a condition with a dangling relation" before."""
    block = parse_block(r"L = \begin{cases} \max_i x_i, & \text{if mode} = \text{`max';} \\ "
                        r"\min_i x_i, & \text{if mode} = \text{`min'.} \end{cases}")
    assert isinstance(block.rows[0].chain.exprs[1], sp.Piecewise)


def test_matmul_claims_and_algorithm_listings():
    r"""A claim in ``\mathbin{@}`` is never confirmed as if the product commuted; an algorithm listing (rules, bold
    control words, ``\leftarrow``) is read as its assignments and makes no claim and no definition."""
    text = ("# Products\n\n$$A \\mathbin{@} B = B \\mathbin{@} A$$\n\n"
            "# Procedure\n\n$$\\begin{aligned}\n&\\rule{50mm}{0.4pt} \\\\\n"
            "&\\textbf{input} : \\eta \\text{ (step)}, w_0 \\\\\n"
            "&\\textbf{for} \\: t=1 \\: \\textbf{to} \\: \\ldots \\: \\textbf{do} \\\\\n"
            "&\\hspace{5mm} w_t \\leftarrow w_{t-1} - \\eta g_t \\\\\n"
            "&\\hspace{5mm}\\textbf{if} \\: w_t < 0 \\\\\n"
            "&\\hspace{10mm} w_t \\leftarrow 0 \\\\\n"
            "&\\bf{return} \\: w_t\n\\end{aligned}$$\n\n"
            "Then $$w_t + 1 = w_t + 1$$\n")
    blocks = check_notes(text, path="<test>", budget=5.0).blocks
    assert blocks[0].parsed and blocks[0].verdict not in ("proved", "verified", "refuted")
    listing = blocks[1]
    assert listing.parsed and listing.role == "no claim" and listing.verdict is None
    assert listing.parsed_form == ("w_t := -eta*g_t + w_{t-1}", "w_t := 0")
    assert blocks[2].verdict == "proved"


def test_a_problem_statement_with_rows_of_words_is_read_without_an_internal_error():
    r"""A row of words before its cases (``\text{where } & \begin{cases} ...``) once parsed (the condition in words,
    above) ended in an IndexError while the values the block names were recorded."""
    text = ("# Problem\n\n$$\\begin{split} \\underset{u}{\\text{Minimize}} \\quad & u^2 + 1 \\\\\n"
            "\\text{subject to} \\quad & u \\ge 2 \\\\\n\\text{where } & \\begin{cases} u & \\text{ is the step, }\\\\ "
            "c & \\text{ is } 2 \\end{cases} \\end{split}$$\n")
    (block,) = check_notes(text, path="<test>", budget=5.0).blocks
    assert block.parsed and not any("internal error" in s.reason for s in block.steps)
