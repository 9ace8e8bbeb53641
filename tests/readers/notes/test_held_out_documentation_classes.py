"""Classes of wrong verdicts found on the held-out round-14 sources of tests/corpus/notes (library documentation:
PyTorch's and NumPy's docstrings, Sphinx reStructuredText), each with a hand-written example unlike the corpus block
that revealed it, and a wrong or product reading the fix keeps."""
import pytest
from sympy.core.function import AppliedUndef

from readers.latex.parse import parse_latex
from readers.notes.check import check_notes


def _verdicts(text):
    return {b.line: b.verdict for b in check_notes(text, path="<test>", budget=5.0).blocks}


@pytest.mark.parametrize("latex, applied", [
    # a name with a subscript of its own before a parenthesis holding one name is applied: T_n(x) was T_n * x
    (r"T_{m}(t)", True),
    (r"J_\nu(\mathbf{z})", True),
    (r"\Gamma_{d}(s)", True),
    (r"B_2(\text{time}_{j})", True),
    # a factor in parentheses stays a factor: a sum, a sign, a number; an indexed name keeps its reading
    (r"c_1(u + v)", False),
    (r"\lambda_2(1 - \lambda_1)", False),
    (r"c_1(-1)", False),
    (r"c_3(4)", False),
    (r"z_j(t)", False),
])
def test_a_family_member_applied_to_a_name_is_a_function(latex, applied):
    assert isinstance(parse_latex(latex), AppliedUndef) is applied


def test_a_chain_through_a_named_special_function_is_not_refuted_as_a_product():
    """torch.special.i0's ``out_i = I_0(input_i) = sum ...`` read ``I_0`` times ``input_i`` and was refuted at
    I_0 = 1; read as a function the notes do not define it is a definition, and a product the notes do write is
    still checked."""
    text = ("# Bessel\n\n$$\\text{result}_{j} = B_0(\\text{value}_{j}) = \\sum_{m=0}^{\\infty} "
            "\\frac{\\text{value}_{j}^{2m}}{4^m (m!)^2}$$\n\n"
            "Also $$c_1(u + v) = c_1 u + c_1 v + 1$$\n")
    verdicts = _verdicts(text)
    assert verdicts[3] != "refuted"
    assert verdicts[5] == "refuted"


def test_relations_in_an_if_clause_are_cases_not_claims():
    """PyTorch's BCELoss note ("if either $y_n = 0$ or $(1 - y_n) = 0$") and torch.special's "If $n < 6$ or
    $|\\text{input}| > 1$": the second relation of each clause was refuted (y_n = 0 substituted into it as an
    example); a relation the prose asserts outside a clause is still checked, and a name set to a number after 'if'
    stays a local example ("if $\\epsilon = 10^{-7}$, then $\\epsilon^2 = 10^{-13}$" is still refuted)."""
    text = ("# Cases\n\nThe step is skipped whenever $k \\cdot m > 4$ or $(b - a)^2 = 1$, and the bound is exact "
            "if either $u = 1$ or $|u + 2| < 1$.\n\nWe have $(t - 1)^2 = t^2 + 1$, and if $h = 0.001$, then "
            "$h^2 = 0.0001$.\n")
    verdicts = [(b.line, b.verdict, b.role) for b in check_notes(text, path="<test>", budget=5.0).blocks]
    assert [v for v in verdicts if v[1] == "refuted"] == [(5, "refuted", "claim")] * 2, verdicts
    assert [v[2] for v in verdicts if v[0] == 3] == ["condition", "condition", "example", "condition"], verdicts


def test_a_limit_of_a_function_with_one_sided_domain_is_taken_from_that_side():
    """BCELoss's note: $\\lim_{x\\to 0} \\frac{d}{dx} \\log (x) = \\infty$ was refuted because 1/x tends to -oo from
    the left, where log has no real values; a limit of a function defined on both sides still needs both."""
    text = ("# Limits\n\nThe slope blows up: $\\lim_{t \\to 0} \\frac{d}{dt} \\sqrt{t} = \\infty$.\n\n"
            "But not this one: $\\lim_{t \\to 0} \\frac{1}{t} = \\infty$.\n")
    verdicts = {b.line: b.verdict for b in check_notes(text, path="<test>", budget=5.0).blocks}
    assert verdicts[3] == "proved" and verdicts[5] == "refuted", verdicts


@pytest.mark.parametrize("latex", [r"(u + v)_k", r"(P Q)_{m}", r"\left(s - t\right)_{j}"])
def test_a_subscript_on_a_parenthesis_is_an_entry_not_dropped(latex):
    """torch.kron's ``(\\text{input} \\otimes \\text{other})_{k_0, \\dots}`` was read as the whole product (the
    subscript dropped with a warning) and refuted against the entry's formula; the entry is an opaque component."""
    value = parse_latex(latex)
    assert isinstance(value, AppliedUndef) and value.func.__name__ == "component", value


@pytest.mark.parametrize("latex, shown", [
    # \mathrlap overlaps its content with what follows (zero width): torch.linalg's side conditions (15 displays)
    (r"M = R^{T} R \mathrlap{\qquad R \in \mathbb{R}^{k \times k}}", "Chain(exprs=(M, R*transpose(R)), rels=('=',))"),
    (r"c = a + b\rlap{\quad a, b > 0}", "Chain(exprs=(c, a + b), rels=('=',))"),
    # \text{{name}}: a brace group inside text renders as its letters (str.format's escaped braces)
    (r"\text{{res}}_j = \text{{lhs}}_j \times \text{{rhs}}_j", "Chain(exprs=(res[j], lhs[j]*rhs[j]), rels=('=',))"),    # \text{upper\_bound}: text mode escapes a name's underscore (PyTorch's max\_val, negative\_slope, ignore\_index)
    (r"y = \min(x, \text{upper\_bound})", "Chain(exprs=(y, Min(upper_bound, x)), rels=('=',))"),
])
def test_documentation_typesetting_is_read(latex, shown):
    assert str(parse_latex(latex)) == shown


TAPS = """# Windows

$$v(k) = 1 - \\left| \\frac{2k}{M-1} - 1 \\right| = \\begin{cases} \\frac{2k}{M - 1} & \\text{if } 0 \\leq k \\leq
\\frac{M - 1}{2} \\\\ %s - \\frac{2k}{M - 1} & \\text{if } \\frac{M - 1}{2} < k < M \\end{cases},$$

where $M$ is the number of taps.
"""


@pytest.mark.parametrize("constant, verdict", [("2", "undecided"), ("1", "refuted")])
def test_a_size_the_prose_names_after_cases_bounds_the_claim(constant, verdict):
    """torch.bartlett_window's cases were refuted at N = 1/2, where N - 1 < 0 turns them around; the sentence after
    the display calls N the window size, and the cases say where the claim is made.  A wrong branch is refuted at a
    size inside the cases."""
    blocks = [b for b in check_notes(TAPS % constant, path="<test>", budget=5.0).blocks if b.line == 3]
    assert [b.verdict for b in blocks] == [verdict], blocks
    if verdict == "refuted":
        point = blocks[0].steps[-1].counterexample
        assert float(point["M"]) == int(float(point["M"])) >= 2, point
