"""A displayed counterexample must reproduce the failure: its values, plugged into the claim as the notes write
it (1-based indices, the stated condition), give the displayed sides and break the relation.

Two display bugs this guards: a probability vector's last entry is not sampled but written as
$1 - \\sum$ of the others (``Instance.on_simplex``), so showing the sampled entry (or shortening the others
afterwards) showed a vector that does not sum to one and does not give the displayed value; and arrays inside a
sum were shown 0-based (``y[0]``) when the claim has no free index."""
import mpmath
import pytest
import sympy as sp

from readers.notes.check import check_notes

DIGITS = 15
"""Displayed sides are given to 20 significant digits; re-evaluated at 30, they must agree to 15 (far above float
noise, far below any real difference)."""


def _step(note):
    (block,) = [b for b in check_notes(note, path="<test>", budget=5.0).blocks if b.steps]
    (step,) = [s for s in block.steps if s.verdict == "refuted"]
    return step


def _entries(counterexample, base):
    """``{k: value}`` for the displayed entries ``base[k]``, exactly."""
    out = {}
    for key, value in counterexample.items():
        if key.startswith(base + "["):
            out[int(key[len(base) + 1:-1])] = sp.Rational(value.replace("(rounded)", "").strip())
    return out


def _close(a, b):
    return abs(a - b) <= mpmath.mpf(10) ** -DIGITS * max(1, abs(a), abs(b))


@pytest.mark.parametrize("size_word", ["K"])
def test_a_probability_vector_counterexample_sums_to_one_and_reproduces_the_entropy(size_word):
    # \ln, not a bare \log: a bare log may be read in base 2 or 10 (readers.notes.check.log_base_reading), and in
    # base 10 the bound holds at the small sizes sampled, which makes the step ambiguous rather than refuted
    note = (f"## Entropy bound\n\n$$-\\sum_{{k=1}}^{{{size_word}}} q_k \\ln q_k \\le 1 "
            f"\\quad \\text{{given }} \\sum_k q_k = 1$$\n")
    step = _step(note)
    q = _entries(step.counterexample, "q")
    assert sorted(q) == list(range(1, len(q) + 1)), step.counterexample  # 1-based, every entry shown
    assert sum(q.values()) == 1 and all(v > 0 for v in q.values()), q  # the stated condition holds
    mpmath.mp.dps = 30
    entropy = -sum(mpmath.mpf(v.p) / v.q * mpmath.log(mpmath.mpf(v.p) / v.q) for v in q.values())
    assert _close(entropy, mpmath.mpf(step.counterexample["lhs"].split()[0])), (entropy, step.counterexample)
    assert entropy > 1  # the relation fails at the displayed point


def test_a_sum_over_an_index_shows_the_entries_as_the_notes_number_them():
    # sum_k k y_k <= 3/2 weighs the entries unequally: 0-based keys would not reproduce the displayed value
    step = _step("## Weighted\n\n$$\\sum_{k=1}^{K} k\\, y_k \\le \\frac{3}{2} \\quad \\text{given } \\sum_k y_k = 1$$\n")
    y = _entries(step.counterexample, "y")
    assert sorted(y) == list(range(1, len(y) + 1)), step.counterexample
    assert sum(y.values()) == 1
    weighted = sum(k * v for k, v in y.items())
    shown = sp.Rational(step.counterexample["lhs"].replace("(rounded)", "").strip())
    assert abs(weighted - shown) <= sp.Rational(1, 10**DIGITS), (weighted, step.counterexample)
    assert weighted > sp.Rational(3, 2)


def test_a_correct_bound_on_a_probability_vector_is_not_refuted():
    note = "## Entropy bound\n\n$$-\\sum_{k=1}^{K} q_k \\log q_k \\ge 0 \\quad \\text{given } \\sum_k q_k = 1$$\n"
    blocks = [b for b in check_notes(note, path="<test>", budget=5.0).blocks if b.steps]
    assert all(s.verdict != "refuted" for b in blocks for s in b.steps), [s for b in blocks for s in b.steps]
