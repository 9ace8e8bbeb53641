r"""Entries of a letter: a subscript holding a summed index, and conditions stated on the letter.

``\sum_{k=0}^{n-1} r_{t+k}`` sums ``n`` different rewards.  The reader kept ``r_{t+k}`` as one name (its subscript
holds ``t``, not an index letter), so the summand was one number for every ``k`` and the wrong
``\sum_{k=0}^{n-1} r_{t+k} = n\,r_{t+k}`` was **proved**.  And "Rewards are bounded, $|r| \le R$" said nothing of
the ``r_{t+k+1}`` of a later claim, whose correct bound was refuted at ``r_{t+k+1} = 1/2``, ``R = 0``
(readers.notes.entry_conditions).
"""
import sympy as sp

from readers.latex.parse import parse_latex
from readers.notes.entry_conditions import entry_subscript
from tests.readers.notes.checked import CONFIRMED, HOLDS, assert_block_verdicts, checked_blocks


def test_a_subscript_holding_the_summed_index_is_an_entry():
    chain = parse_latex(r"\sum_{k=0}^{n-1} r_{t+k} = n r_{t+k}")
    summand = chain.exprs[0].function
    assert isinstance(summand, sp.Indexed) and summand.base.name == "r", summand
    assert sp.Symbol("k", integer=True) in summand.free_symbols or "k" in {s.name for s in summand.free_symbols}


SUMMED = ("# Returns\n\n$$\\sum_{k=0}^{n-1} r_{t+k} = n r_{t+k}$$\n\n"
          "$$\\sum_{i=1}^{n} x_{n-i} = \\sum_{i=0}^{n-1} x_{i}$$\n")


def test_a_sum_of_shifted_entries_is_never_confirmed_as_one_value_repeated():
    blocks = checked_blocks(SUMMED)
    assert blocks[0].verdict not in CONFIRMED, [s.reason for s in blocks[0].steps]
    assert blocks[1].verdict != "refuted", [s.reason for s in blocks[1].steps]


ENTRIES = ("# Means\n\nLet $x > 0$. Then\n\n$$\\sqrt{x_1 x_2} \\le \\frac{x_1 + x_2}{2}$$\n\n"
           "and wrongly $$\\sqrt{x_1 x_2} \\ge \\frac{x_1 + x_2}{2}$$\n")


def test_a_condition_on_a_letter_governs_its_numbered_entries():
    """Read on a scalar x the claim never mentions, "Let $x > 0$" left x_1, x_2 free: the AM-GM line was only
    'undecided (holds where x_1, x_2 > 0)'.  The wrong direction stays refuted, at positive entries."""
    blocks = checked_blocks(ENTRIES)
    witnesses = assert_block_verdicts(blocks, [CONFIRMED, "refuted"])
    assert "x_1 > 0" in blocks[0].steps[0].assumptions and "x_2 > 0" in blocks[0].steps[0].assumptions
    w = witnesses[0]
    assert float(sp.sympify(w["x_1"])) > 0 and float(sp.sympify(w["x_2"])) > 0, w


BOUNDED = ("# Rewards\n\nRewards are bounded, $|r| \\le R$, and $0 \\le \\gamma \\le 1$.\n\n"
           "$$|\\gamma r_1 + \\gamma^2 r_2| \\le 2R$$\n")


def test_a_bound_on_a_letter_bounds_its_entries_in_a_claim_that_shares_other_names():
    blocks = checked_blocks(BOUNDED)
    assert_block_verdicts(blocks, [HOLDS])
    assert "Abs(r_1) <= R" in blocks[0].steps[0].assumptions, blocks[0].steps[0].assumptions


def test_a_word_subscript_is_another_quantity_not_an_entry():
    assert entry_subscript("r_{t+k}", "r") and entry_subscript("x_1", "x") and entry_subscript("x_{12}", "x")
    assert not entry_subscript("x_{max}", "x") and not entry_subscript("R_{train}", "R")
    assert not entry_subscript("xy_1", "x")


ONE_HOT = ("# Loss\n\nCross-entropy with a one-hot target $y$: $L = -\\sum_i y_i \\log s_i = -\\log s_c$.\n\n"
           "With a one-hot target $y$, wrongly: $-\\sum_i y_i \\log s_i = \\log s_c$.\n")


def test_a_one_hot_declared_before_the_claim_on_its_line_and_its_class_letter():
    r"""The declaration on the claim's own line was not in force (declarations counted from the next line), and the
    class c of ``-\\log s_c`` was sampled apart from the one-hot's 1: the correct line was refuted at y = (1, 1).
    It holds where y has its 1 at c, which the note leaves unsaid: undecided, never refuted.  The sign error fails
    at every class, so it stays refuted."""
    blocks = checked_blocks(ONE_HOT)
    assert_block_verdicts(blocks, ["undecided", "refuted"])
    assert "one-hot y has its 1 at c" in blocks[0].steps[0].reason, blocks[0].steps[0].reason


HESSIANS = ("# Second derivatives\n\nThe Hessian: $\\nabla^2_x (x^3) = 6x$.\n\n"
            "Also $\\nabla_x^2 (x^3) = 6x$, and for $f(x) = x^4$ we get $\\nabla^2 f(x) = 12x^2$.\n\n"
            "Partials: $\\partial_x^2 (x^3) = 6x$.\n\nWrong: $\\nabla^2_x (x^3) = 3x^2$.\n")


def test_nabla_squared_is_the_second_derivative_never_the_gradient():
    """The superscript of \\nabla^2 was dropped: every correct Hessian of one variable was refuted as a gradient
    (lhs 3/4, rhs 3 at x = 1/2), and the gradient written as a Hessian would have been confirmed."""
    blocks = checked_blocks(HESSIANS)
    assert_block_verdicts(blocks, [CONFIRMED, CONFIRMED, CONFIRMED, CONFIRMED, "refuted"])


def test_nabla_with_another_superscript_stays_an_operator_of_its_own():
    """\nabla^\top f is not the gradient \nabla f with its superscript dropped."""
    for text in (r"\nabla^\top f", r"\nabla^2 f", r"\nabla_x^2 f"):
        expr = parse_latex(text)
        assert expr.func.__name__ not in ("nabla", "nabla_x"), (text, expr)


PAIRS = ("# Pairs\n\n$\\sum_{i \\ne j} x_i x_j = (\\sum_i x_i)^2 - \\sum_i x_i^2$.\n\n"
         "$\\sum_{1 \\le i < j \\le n} a_i a_j = \\frac{(\\sum_{i=1}^n a_i)^2 - \\sum_{i=1}^n a_i^2}{2}$.\n\n"
         "$\\sum_{i<j} (x_i - x_j)^2 = N\\sum_i x_i^2 - (\\sum_i x_i)^2$.\n\n"
         "Wrong: $\\sum_{i \\ne j} x_i x_j = (\\sum_i x_i)^2$ and $\\sum_{1 \\le i < j \\le n} a_i a_j = (\\sum_{i=1}^n a_i)^2/2$.\n")


def test_a_sum_over_a_relation_of_two_indices_runs_over_pairs():
    """\\sum_{i \\ne j} x_i x_j with j bound nowhere else is the sum over pairs: read with j free, the identity was
    refuted at j = 1; \\sum_{i<j} was an opaque function, never checked.  The wrong lines are refuted at whole sizes."""
    blocks = checked_blocks(PAIRS)
    witnesses = assert_block_verdicts(blocks, [HOLDS, HOLDS, HOLDS, "refuted", "refuted"])
    assert all(str(w.get("n", w.get("N", 2))).isdigit() for w in witnesses), witnesses


def test_the_second_index_stays_free_where_the_formula_uses_it_outside_the_sum():
    chain = parse_latex(r"\sum_{k \ne i} p_k = 1 - p_i")
    assert len(chain.exprs[0].limits) == 1, chain.exprs[0]
    chain = parse_latex(r"\sum_{i < j} x_i x_j = T")
    assert [lim[0].name for lim in chain.exprs[0].limits] == ["i", "j"], chain.exprs[0]
    assert not parse_latex(r"\sum_{i < j} x_i = x_j").exprs[0].has(sp.Sum)  # over i up to the formula's j
    assert not parse_latex(r"\sum_{m \le k} \binom{n}{m}").has(sp.Sum)  # from where it does not say


UNREAD = ("# Masses\n\n$\\sum_{k \\ne i} p_k^2 = 1 - p_i^2$ when $\\sum_k p_k^2 = 1$.\n\n"
          "And then $x^2 \\ge x$ here.\n")


def test_a_condition_in_the_claims_sentence_that_cannot_be_imposed_blocks_a_refutation_on_its_names():
    """The stated condition \\sum_k p_k^2 = 1 is no bound the sampler can impose, and the correct line was refuted at
    p = (1, 1), a point the sentence excludes.  A later claim on other names is still refuted.  (A sum to one,
    \\sum_k p_k = 1, is imposed now: the simplex, test_lead47_classes.)"""
    blocks = checked_blocks(UNREAD)
    assert_block_verdicts(blocks, ["undecided", "refuted"])
    assert "cannot impose" in blocks[0].steps[0].reason, blocks[0].steps[0].reason


PI_BOUND = ("# Bounds\n\nFor $x > 0$:\n\n$$\\frac{x}{1+x} \\le \\log(1+x)$$\n\n"
            "For $0 < x < \\pi/2$:\n\n$$\\sin x \\le x \\le \\tan x$$\n")


def test_a_condition_bounded_by_a_multiple_of_pi_is_in_force():
    """x < \\pi/2 has a product (pi/2) on one side and was taken for a regime named in passing, never assumed: after
    "For $x > 0$:" the correct x <= tan x was refuted at x = 2."""
    blocks = checked_blocks(PI_BOUND)
    assert_block_verdicts(blocks, [HOLDS, CONFIRMED])
    assert "x < pi/2" in blocks[1].steps[-1].assumptions, blocks[1].steps[-1].assumptions
