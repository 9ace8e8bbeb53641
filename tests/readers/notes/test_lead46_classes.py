r"""Classes found by checking hand-written everyday notes at stop 46 (the lead's probes).

* A condition on every entry, stated after the claim in its sentence ("… for $a_i, b_i > 0$", the log-sum
  inequality): the entry's index is the claim's summation index, so the condition was dropped as one on names the
  claim does not have, and the inequality was refuted at a = (-1, -2).
* A one-sided bound on every entry other than ``0 <`` (``x_j \le 0``, ``y_i < 0``, ``z_k \ge 1``) was kept as a side
  condition on the single entry ``x[j]``, with ``j`` a free value: :math:`\sum_j x_j \le 0` was refuted at
  x = (0, 1), j = 1.
"""
from __future__ import annotations

import pytest

from tests.readers.notes.checked import CONFIRMED, assert_block_verdicts, checked_blocks

LOG_SUM = (r"\sum_{i} a_{i} \log\frac{a_{i}}{b_{i}} \ge \left(\sum_{i} a_{i}\right)"
           r"\log\frac{\sum_{i} a_{i}}{\sum_{i} b_{i}}")


@pytest.mark.parametrize("letters, condition", [(("a", "b", "i"), "${a}_{i}, {b}_{i} > 0$"),
                                                (("p", "q", "k"), "${a}_{i} > 0$ and ${b}_{i} > 0$")])
def test_a_condition_on_entries_after_the_claim_governs_it(letters, condition):
    a, b, i = letters
    claim = LOG_SUM.replace("a_{i}", f"{a}_{{{i}}}").replace("b_{i}", f"{b}_{{{i}}}").replace("_{i}", f"_{{{i}}}")
    cond = condition.replace("{a}", a).replace("{b}", b).replace("_{i}", f"_{{{i}}}")
    wrong = claim.replace(r"\ge", r"\le")
    text = f"The log-sum inequality: ${claim}$ for {cond}.\n\nWrong: ${wrong}$ for {cond}.\n"
    witnesses = assert_block_verdicts(checked_blocks(text), [CONFIRMED, "refuted"])
    assert all(float(v) > 0 for w in witnesses for k, v in w.items() if k.startswith((f"{a}[", f"{b}[")))


AFTER, BEFORE = "We have ${claim}$ for ${cond}$.", "For ${cond}$ we have $${claim}.$$"


@pytest.mark.parametrize("layout, cond, right, wrong", [
    (AFTER, r"x_j \le 0", r"\sum_j x_j \le 0", r"\sum_j x_j < 0"),
    (BEFORE, r"y_i < 0", r"\sum_i y_i^3 < 0", r"\sum_i y_i^2 < 0"),
    (AFTER, r"z_k \ge 1", r"\prod_k z_k \ge 1", r"\prod_k z_k > 1"),
])
def test_a_one_sided_bound_holds_for_every_entry(layout, cond, right, wrong):
    text = "\n\n".join(layout.replace("{claim}", c).replace("{cond}", cond) for c in (right, wrong)) + "\n"
    witnesses = assert_block_verdicts(checked_blocks(text), [CONFIRMED, "refuted"])
    letter = cond[0]
    bound = -0.0 if "\\le 0" in cond or "< 0" in cond else 1.0
    entries = [float(v) for w in witnesses for k, v in w.items() if k.startswith(f"{letter}[")]
    assert entries and all(v <= bound if bound <= 0 else v >= bound for v in entries), witnesses


@pytest.mark.parametrize("right, wrong", [
    (r"\int x e^{2x}\,dx = \frac{x}{2}e^{2x} - \frac{1}{4}e^{2x} + C", r"\int x e^{2x}\,dx = \frac{x}{2}e^{2x} + C"),
    (r"\int t\cos t\,dt = t\sin t + \cos t + K", r"\int t\cos t\,dt = t\sin t - \cos t + K"),
    (r"\int x\log x\,dx = \frac{x^2}{2}\log x - \frac{x^2}{4} + C", r"\int x\log x\,dx = \frac{x^2}{2}\log x + C"),
])
def test_an_antiderivative_is_checked_by_its_derivative(right, wrong):
    """An indefinite integral has no value at a point, so the constant test (the difference the same at two points)
    could not evaluate it and a wrong antiderivative stayed undecided; its derivative decides it."""
    text = f"By parts:\n\n$${right}$$\n\nWrong:\n\n$${wrong}$$\n"
    blocks = checked_blocks(text)
    witnesses = assert_block_verdicts(blocks, [CONFIRMED, "refuted"])
    assert witnesses and "no constant fits" in blocks[1].steps[0].reason


@pytest.mark.parametrize("intro, right, wrong", [
    ("So {claim} for small $x$.", r"\sqrt{1+x} \approx 1 + \frac{x}{2} - \frac{x^2}{8}", r"\sqrt{1+x} \approx 1 + \frac{x}{2} + \frac{x^2}{8}"),
    ("When $z$ is small, {claim}.", r"e^z \approx 1 + z + \frac{z^2}{2}", r"e^z \approx 1 + z + z^2"),
    (r"As $u \to 0$, {claim}.", r"\sin u \approx u - \frac{u^3}{6}", r"\sin u \approx u - \frac{u^3}{3}"),
])
def test_a_small_quantity_named_in_words_scales_the_approximation(intro, right, wrong):
    """"for small $x$" names the scale: the approximation was undecided ("without a stated small quantity"); now an
    expansion in that letter, and a wrong coefficient is refuted by the exact Maclaurin series."""
    text = "\n\n".join(intro.replace("{claim}", f"${c}$") for c in (right, wrong)) + "\n"
    assert_block_verdicts(checked_blocks(text), ["verified", "refuted"])


def test_an_approximation_without_a_named_scale_stays_undecided():
    blocks = checked_blocks("Then $\\sin x \\approx x - \\frac{x^3}{3}$ and the rest follows.\n")
    assert [b.verdict for b in blocks] == ["undecided"]


@pytest.mark.parametrize("right, wrong", [
    (r"\log(1+x) = x - \frac{x^2}{2} + \frac{x^3}{3} - \dots", r"\log(1+x) = x + \frac{x^2}{2} + \frac{x^3}{3} + \dots"),
    (r"\frac{1}{1-t} = 1 + t + t^2 + \cdots", r"\frac{1}{1-t} = 1 + t + 2t^2 + \cdots"),
    (r"\log u = (u-1) - \frac{(u-1)^2}{2} + \ldots", r"\log u = (u-1) + \frac{(u-1)^2}{2} + \ldots"),
])
def test_the_first_terms_of_a_taylor_series_are_checked(right, wrong):
    r"""A series written with its first terms and a trailing ``- \dots``, or in powers of ``u - 1``, was undecided ("the
    formula contains an ellipsis"), and a wrong coefficient was never refuted: the written terms are compared with the
    exact Taylor series at 0 (at 1 for powers of u - 1)."""
    blocks = checked_blocks(f"$${right}$$\n\n$${wrong}$$\n")
    assert_block_verdicts(blocks, [CONFIRMED, "refuted"])
    assert "the ellipsis stands for are not checked" in blocks[0].steps[0].method


@pytest.mark.parametrize("series", [
    r"\sqrt{x^2 + 1} = x + \frac{1}{2x} - \dots",  # at infinity: not a polynomial
    r"(1 + x)^n = 1 + nx + \frac{n(n-1)}{2}x^2 + \dots",  # two letters
    r"\log x = 1 + x + \dots",  # no Taylor series at 0
])
def test_series_out_of_reach_are_not_refuted(series):
    assert [b.verdict for b in checked_blocks(f"$${series}$$\n")] != ["refuted"]


@pytest.mark.parametrize("sentence", [
    r"ReLU: $\mathrm{ReLU}(z) = \max(0, z)$, with derivative $1$ for $z > 0$ and $0$ for $z < 0$.",
    r"The step function is $1$ when $z > 0$ and $0$ when $z < 0$.",
    r"Also $e^z$ is convex and $-\log z$ is convex on $z > 0$.",  # "on": the domain of that statement only
])
def test_the_cases_of_a_value_in_words_end_with_their_sentence(sentence):
    """"derivative $1$ for $z > 0$ and $0$ for $z < 0$": each condition is a case of the value before it, not a
    declaration; ``z < 0`` was kept for the rest of the section and every later claim was read under it."""
    text = f"## Activations\n\n{sentence}\n\nThe sigmoid has $\\sigma(-z) = 1 - \\sigma(z)$.\n"
    block = checked_blocks(text)[-1]
    assert block.line == 5 and block.verdict in CONFIRMED and not any("z <" in a or "z >" in a for s in block.steps for a in s.assumptions)


@pytest.mark.parametrize("letter, sizes", [("X", r"n \times d"), ("Z", r"m \times k")])
def test_a_declared_matrix_the_scalar_parse_cancels_is_read_as_a_matrix(letter, sizes):
    """After "Let $X \\in \\mathbb{R}^{n \\times d}$", :math:`X(X^\\top X)^{-1}X^\\top = I` was *proved* ("1 = I": in numbers
    the product cancels), and the hat matrix H, set by it in the sentence, was an example H = 1 under which any
    claim about H held.  A block that writes a declared matrix is read in matrices, a name it defines is one, and
    ``I`` beside it is the identity (a projection onto d < n columns is not)."""
    hat = r"X(X^\top X)^{-1}X^\top".replace("X", letter)
    text = (f"## Least squares\n\nLet ${letter} \\in \\mathbb{{R}}^{{{sizes}}}$.\n\n$${hat} = I$$\n\n"
            f"$$(X^\\top X)^{{-1}}X^\\top X = I$$\n\n".replace("X", letter)
            + f"The hat matrix $H = {hat}$ satisfies $H^2 = H$ and $H^\\top = H$, not $H^2 = 2H$.\n")
    blocks = checked_blocks(text)
    assert_block_verdicts(blocks, [("undecided",), CONFIRMED, CONFIRMED, CONFIRMED, "refuted"])


@pytest.mark.parametrize("sentence", [
    "It converges when {cond}, since then {claim}.",
    "If {cond} then {claim}.",
    "Whenever {cond}, we get {claim}.",
])
def test_a_clause_condition_governs_the_formula_after_it_in_its_sentence(sentence):
    r""""It converges when $0 < \eta < \frac{2}{a}$, since then $|1 - \eta a| < 1$" was refuted at eta = 1/2, a = 10,
    outside the clause: a relation between two names after *if*/*when* was a case named in passing, kept from the
    formula that follows it in the sentence.  A wrong variant is refuted at a point inside the clause."""
    cond = r"$0 < \eta < \frac{2}{a}$"
    text = "\n\n".join(sentence.replace("{cond}", cond).replace("{claim}", c)
                       for c in (r"$|1 - \eta a| < 1$", r"$|1 - \eta a| < \frac{1}{2}$")) + "\n"
    witnesses = assert_block_verdicts(checked_blocks(text), [CONFIRMED, "refuted"])
    for w in witnesses:
        eta, a = float(w["eta"]), float(w["a"])
        assert 0 < eta < 2 / a, w


def test_a_case_among_several_does_not_govern_what_follows():
    """After *or* the clause is one case of several: not imposed alone (the claim is not refuted either way)."""
    blocks = checked_blocks("If $x > 1$ or $x < -1$, then $x^2 > 1$.\n")
    assert [b.verdict for b in blocks] == ["undecided"]


@pytest.mark.parametrize("law, right, wrong", [
    (r"V \sim \text{Uniform}(0, 1)", r"\mathbb{E}[-\log V] = 1", r"\mathbb{E}[V^3] = \frac{1}{3}"),
])
def test_an_expectation_under_a_stated_law_is_its_integral(law, right, wrong):
    """Beyond the law's table (mean, variance, m.g.f.), E[g(X)] of one variable with a stated law was undecided ("a
    distribution is stated ... the claim may hold for it"), a wrong one an "equation in V": it is the integral (sum)
    of g against the density.  Hand checks: int_0^1 -log v dv = 1, int_0^1 v^3 dv = 1/4 (one law here: each
    case costs seconds of integration; the Poisson sum and the normal are checked by hand in the stop's note)."""
    text = f"Let ${law}$.\n\nThen $${right}$$\n\nWrong: $${wrong}$$\n"
    blocks = [b for b in checked_blocks(text) if "sim" not in b.source]
    assert_block_verdicts(blocks, [CONFIRMED, "refuted"])


@pytest.mark.parametrize("function", ["x^3", r"\sin x"])
def test_a_wrong_remainder_is_refuted_by_its_series_not_with_O_as_a_value(function):
    """The series refutation of :math:`(f(x+h) - f(x-h))/h = f'(x) + O(h^2)` (the h^0 coefficient is f'(x), not 0)
    was replaced by a narrower reading that set the letter O to 1/2 and showed that as the counterexample."""
    text = f"Let $f(x) = {function}$.\n\nWrong: $\\frac{{f(x+h) - f(x-h)}}{{h}} = f'(x) + O(h^2)$.\n"
    blocks = checked_blocks(text)
    witnesses = assert_block_verdicts(blocks, ["refuted"])
    assert witnesses and not any("O" in w for w in witnesses), witnesses
    assert "coefficient of h" in blocks[0].steps[0].reason


@pytest.mark.parametrize("letter", [r"\beta_1", "r"])
def test_an_approximation_is_read_at_the_example_values_of_its_sentence(letter):
    """"With $\\beta_1 = 0.9$, $1 - \\beta_1^{10} \\approx 0.651$" was undecided ("an approximation without a stated
    small quantity"): the example is read only after a refutation, and an approximation fails as undecided.  By hand:
    1 - 0.9^10 = 0.6513215599."""
    text = "\n\n".join(f"With ${letter} = 0.9$, we get ${{1 - {letter}^{{10}}}} \\approx {v}$." for v in ("0.651", "0.35"))
    assert_block_verdicts(checked_blocks(text + "\n"), ["verified", "refuted"])


@pytest.mark.parametrize("power, then", [(r"\frac{1}{\tau_n^2}", r"\tau_n^2 = \frac{\tau^2\sigma^2}{\sigma^2 + n\tau^2}"),
                                         (r"\frac{1}{s_n}", r"s_n = \frac{\tau^2\sigma^2}{\sigma^2 + n\tau^2}")])
def test_a_new_name_set_through_its_reciprocal_is_defined(power, then):
    """"the posterior precision is $\\frac{1}{\\tau_n^2} = \\frac{1}{\\tau^2} + \\frac{n}{\\sigma^2}$" was refuted at
    tau_n = 1/2: a name never written before, set through its reciprocal (square), is named there, and the next
    line, solved for it, is a claim (proved by hand: 1/(1/t + n/s) = ts/(s + nt))."""
    text = (f"With prior variance $\\tau^2$ and known $\\sigma^2$, the posterior precision is "
            f"${power} = \\frac{{1}}{{\\tau^2}} + \\frac{{n}}{{\\sigma^2}}$.\n\nSo ${then}$.\n")
    assert_block_verdicts(checked_blocks(text), [CONFIRMED])


@pytest.mark.parametrize("claim, verdict", [(r"\mathrm{Var}(X) = \frac{1}{\lambda}", "refuted"),
                                            (r"\mathrm{Var}(X) = \lambda^2", "undecided"),
                                            (r"\mathbb{E}[X] = \frac{1}{\lambda}", "proved")])
def test_an_exponential_law_is_read_with_its_rate_and_with_its_scale(claim, verdict):
    """Exp(lambda) has two parametrisations in use (rate: variance 1/lambda^2; scale: variance lambda^2).  A claim
    that fails under both is a mistake whichever the notes mean (it was undecided); one that holds under the scale
    reading only stays undecided."""
    blocks = checked_blocks(f"Let $X \\sim \\mathrm{{Exp}}(\\lambda)$.\n\n$${claim}$$\n")
    assert_block_verdicts(blocks, [verdict])


@pytest.mark.parametrize("size", ["n", "k"])
def test_a_declared_size_in_a_scalar_power_is_the_matrix_size(size):
    """After "Let $A \\in \\mathbb{R}^{n \\times n}$", :math:`\\det(cA) = c^n \\det(A)` was undecided (c^n taken for a
    matrix power with a free exponent, checked at n = 1 with a 2 x 2 A), and a wrong c^{n-1} "a matrix equation in n":
    n is A's size, set with each sample."""
    text = (f"Let $A \\in \\mathbb{{R}}^{{{size} \\times {size}}}$ and $c \\in \\mathbb{{R}}$.\n\n"
            f"$$\\det(cA) = c^{size} \\det(A)$$\n\n$$\\det(cA) = c^{{{size}-1}} \\det(A)$$\n")
    witnesses = assert_block_verdicts(checked_blocks(text), [CONFIRMED, "refuted"])
    assert all(w[size] == "2" or float(w[size]) == 2 for w in witnesses), witnesses


@pytest.mark.parametrize("sentence, verdict", [
    (r"$\arctan x + \arctan\frac1x = \frac\pi2$ for all $x \ne 0$.", "refuted"),
    (r"$\arctan x + \arctan\frac1x = \frac\pi2$ for every positive $x$.", CONFIRMED),
    (r"We need $x^2 - 5x + 6 = 0$ for all $x$ in the set of solutions.", "undecided"),
    (r"We require $x + y = 1$ for all $t$.", "undecided"),
])
def test_an_equation_said_to_hold_for_all_values_is_an_identity(sentence, verdict):
    """"... $= \\frac{\\pi}{2}$ for all $x \\ne 0$" was "an equation in x" (undecided): the words say it holds for every
    value, so one value where it fails (x = -1: -pi/2) refutes it; a requirement ("need", "must") stays an equation."""
    assert_block_verdicts(checked_blocks(sentence + "\n"), [verdict if isinstance(verdict, tuple) else (verdict,)])


def test_a_scale_named_in_the_next_sentence_is_not_the_approximations():
    """"For large $z$: $$\\operatorname{softplus}(z) \\approx z$$ Near $z = 0$, ..." read the next sentence's "near
    $z = 0$" as this display's scale and refuted a correct large-z approximation (adversarial_round20.md:169)."""
    text = ("For large $z$:\n\n$$\\operatorname{softplus}(z) \\approx z$$\n\n"
            "Near $z = 0$, to first order:\n\n$$\\frac{1}{1 + e^{-z}} \\approx \\frac{1}{2} + \\frac{z}{4}$$\n")
    blocks = checked_blocks(text)
    assert blocks[0].verdict != "refuted" and blocks[-1].verdict == "verified", [(b.line, b.verdict) for b in blocks]


@pytest.mark.parametrize("text", [
    # both scales of one letter in the sentence: neither is the display's (adversarial_round11.md:123)
    "For large $x$ the softplus is nearly the identity, and for small $x$ the exponential is nearly its Taylor "
    "polynomial:\n\n$$\\log\\left(1 + e^{x}\\right) \\approx x$$\n",
])
def test_corpus_lines_the_first_versions_of_these_classes_refuted(text):
    """Found by the corpus run before merging (the other two such lines, austin_ula_symmetric_variance.md:155 and
    planted_mistakes_8.md:83, did not reduce to a short note; the corpus benchmark covers them)."""
    assert all(b.verdict != "refuted" for b in checked_blocks(text)), [(b.line, b.verdict) for b in checked_blocks(text)]
