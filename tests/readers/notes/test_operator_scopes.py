r"""How far a sum or a limit reaches (readers.notes.operator_scopes): a term after it that names its bound variable
is a second reading, covered by the operator; a step true only in that reading is ambiguous, never refuted, unless the
strict reading leaves the variable free with nothing else naming it (then the wide reading decides)."""
import sympy as sp

from readers.notes.operator_scopes import widened
from tests.readers.notes.checked import checked_blocks

i, n, h, x = sp.symbols("i n h x")
a, b = sp.IndexedBase("a"), sp.IndexedBase("b")


def _verdicts(text):
    return [b.verdict for b in checked_blocks(text)]


def test_a_term_naming_the_bound_variable_goes_inside_and_others_stay_out():
    assert widened(b[i] + sp.Sum(a[i], (i, 1, n)) + x) == sp.Sum(a[i] + b[i], (i, 1, n)) + x
    assert widened(h + sp.Limit(2 * x, h, 0)) == sp.Limit(2 * x + h, h, 0)
    assert widened(x + sp.Sum(a[i], (i, 1, n))) == x + sp.Sum(a[i], (i, 1, n))  # nothing names i: unchanged


def test_a_step_true_only_with_the_wider_scope_is_decided_by_it_and_one_false_in_both_is_refuted():
    # strictly (sum_i a_i) + b_i and (lim_h 3x) + h: both fail at some point, and were refuted; read widely,
    # sum_i (a_i + b_i) and lim_h (3x + h) = 3x hold.  Read strictly, i and h are left free with nothing else in the
    # row naming them: no reading (operator_scopes.dangling), so the wide one decides (they were "ambiguous").
    # Subtracting b_i is wrong in either reading.
    text = ("$$\\sum_{i=1}^{n} a_i + b_i = \\sum_{i=1}^{n} (a_i + b_i)$$\n\n"
            "$$\\lim_{h \\to 0} 3x + h = 3x$$\n\n"
            "$$\\sum_{i=1}^{n} a_i + b_i = \\sum_{i=1}^{n} (a_i - b_i)$$\n")
    assert _verdicts(text) == ["proved", "proved", "refuted"]


def test_a_short_run_of_letters_each_written_alone_is_their_product():
    # 2bxh beside b, x and h written alone is 2 b x h (readers.latex.names: splits): proved; read as one name
    # "bxh" it failed and was refuted.  A run whose letters are not all written alone stays a name.
    text = "$$b(x + h)^2 - b x^2 = 2bxh + bh^2$$\n\n$$b(x + h)^2 - b x^2 = 2bxh + 2bh^2$$\n"
    assert _verdicts(text) == ["proved", "refuted"]
