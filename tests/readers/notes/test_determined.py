r"""A name set to a number where the note has already fixed its value (readers.notes.determined): a claim, checked.

Expected values by hand (and by numpy below): for the written-out matrix
B = [[2, -1, 0], [0.5, 4, 1], [0, 3, 7]] the off-diagonal absolute row sums are s_1 = 1, s_2 = 1.5, s_3 = 3, so
the intervals [b_11 - s_1, b_11 + s_1] = [1, 3] and [b_33 - s_3, b_33 + s_3] = [4, 10]; with h = 10^{-3},
h^2 = 10^{-6} and h^3 = 10^{-9} (not 10^{-3}).
"""
import numpy as np

from readers.notes.check import check_notes

BUDGET = 30.0
"""Seconds per claim: far above what these take."""

MATRIX = r"""# Row sums

Let $\mathbf{B} = (b_{ij})$ be a square matrix and define $s_i = \sum_{j \neq i} |b_{ij}|$.
For example, take the matrix:

$$
\mathbf{B} = \begin{bmatrix}
2 & -1 & 0 \\
0.5 & 4 & 1 \\
0 & 3 & 7
\end{bmatrix}.
$$

"""
B = np.array([[2, -1, 0], [0.5, 4, 1], [0, 3, 7]])


def blocks(text):
    return {b.source.strip("$ \n"): b for b in check_notes(text, budget=BUDGET).blocks}


def row_sums():
    return [sum(abs(B[i, j]) for j in range(3) if j != i) for i in range(3)]


def test_elements_of_a_defined_array_at_a_written_out_matrix_are_claims():
    assert row_sums() == [1.0, 1.5, 3.0]  # independent: numpy
    found = blocks(MATRIX + "Then $s_1 = 1$, $s_2 = 1.5$ and $s_3 = 3$.\n")
    for name in ("s_1 = 1", "s_2 = 1.5", "s_3 = 3"):
        assert found[name].role == "claim" and found[name].verdict == "proved", name
        assert any("written out above" in a for a in found[name].assumptions)


def test_a_wrong_value_is_refuted_with_the_value_the_note_fixes():
    found = blocks(MATRIX + "Then $s_3 = 2.5$.\n")["s_3 = 2.5"]
    assert found.verdict == "refuted"
    assert found.steps[0].counterexample is not None


def test_intervals_end_by_end():
    s = row_sums()
    assert (B[0, 0] - s[0], B[0, 0] + s[0]) == (1.0, 3.0) and (B[2, 2] - s[2], B[2, 2] + s[2]) == (4.0, 10.0)
    found = blocks(MATRIX + "The discs are\n\n$$[b_{11}-s_1, b_{11}+s_1] = [1, 3],$$\n\n"
                            "$$[b_{33}-s_3, b_{33}+s_3] = [4, 10].$$\n")
    assert [s.verdict for s in found["[b_{11}-s_1, b_{11}+s_1] = [1, 3],"].steps] == ["proved", "proved"]
    assert found["[b_{33}-s_3, b_{33}+s_3] = [4, 10]."].verdict == "proved"
    wrong = blocks(MATRIX + "The disc is\n\n$$[b_{33}-s_3, b_{33}+s_3] = [4, 9].$$\n")
    assert wrong["[b_{33}-s_3, b_{33}+s_3] = [4, 9]."].verdict == "refuted"


def test_entries_need_the_stated_link():
    # without "B = (b_{ij})" the letter b is not read as B's entries: s_1 is not fixed, an example as before
    text = MATRIX.replace(r"Let $\mathbf{B} = (b_{ij})$ be a square matrix and define", "Define") + \
        "Then $s_1 = 1$.\n"
    assert blocks(text)["s_1 = 1"].role == "example"


def test_a_power_of_an_example_in_the_same_sentence():
    assert 1e-3 ** 2 == 1e-6 and abs(1e-3 ** 3 - 1e-9) < 1e-24  # independent: floats
    found = blocks("# Small steps\n\nIf $h = 10^{-3}$, then $h^2 = 0.000001$, which is small.\n")
    assert found["h^2 = 0.000001"].verdict == "proved"
    wrong = blocks("# Small steps\n\nIf $h = 10^{-3}$, then $h^{3} = 0.001$, which is small.\n")
    assert wrong["h^{3} = 0.001"].verdict == "refuted"


def test_setting_an_example_afresh_is_no_claim():
    found = blocks("# Two examples\n\nTake $x = 2$. Now take $x = 3$ instead.\n")
    assert found["x = 3"].role == "example"


def test_a_rounded_value_is_confirmed_not_refuted():
    # 1/3 + 1/3 = 2/3 = 0.6667 to four decimals
    text = MATRIX.replace("0.5 & 4 & 1", r"\frac{1}{3} & 4 & \frac{1}{3}") + "Then $s_2 = 0.6667$.\n"
    assert blocks(text)["s_2 = 0.6667"].verdict in ("proved", "verified")


def test_a_defined_plain_name_set_to_a_number_is_set_afresh():
    found = blocks("# Sizes\n\n$$n = 10.$$\n\nNow let $n = 20$ instead.\n")
    assert found["n = 20"].role == "example"
