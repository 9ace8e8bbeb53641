r"""Classes found at stop 50 (the landing CI's seed test, then the lead's probes).

* A later section that normalises again with statistics of its own (Batch Norm's :math:`\mu_B, \sigma_B^2`, then
  :math:`\hat x_i = (x_i - \mu_B)/\sqrt{\sigma_B^2 + \epsilon}` and :math:`y_i = \gamma\hat x_i + \beta`, after Layer
  Norm's :math:`\hat x_i` and :math:`y_i`) was read as claims about the earlier section's :math:`\hat x` and
  :math:`y`: its rows build on names the same block has just defined, so they are a chain of new definitions.  The
  block lost its agreement with the catalog's batch norm (a wrong match is a trust defect; the claim reading was
  "verified" only at sizes where the two means coincide).
* A bound on the derivative of a defined function written with a prime (``so the gradient is bounded: $|g'(u)| \le
  c$`` after :math:`g(u) = \dots`) was read as a condition (a function the notes do not define is a name there), and
  then assumed by every later claim of the section.  It is a claim.
* An estimate found by setting a derivative to zero (``setting it to zero gives $\hat\sigma^2 = \frac1n\sum_i (x_i -
  \mu)^2$`` after :math:`\partial\ell/\partial\sigma^2 = -\frac{n}{2\sigma^2} + \dots`) stayed a definition: the hat
  and the square hid the unknown of the equation.  The value is put in for the unhatted name (for a square, its
  positive root) and the equation checked.
"""
from __future__ import annotations


from readers.notes.check import check_notes

from tests.readers.notes.checked import CONFIRMED, assert_block_verdicts, checked_blocks

NORMS = r"""# Layer norm

$$
\mu = \frac{1}{H}\sum_{i=1}^{H} x_i \\
\sigma^2 = \frac{1}{H}\sum_{i=1}^{H} (x_i - \mu)^2 \\
\hat{x}_i = \frac{x_i - \mu}{\sqrt{\sigma^2 + \epsilon}} \\
y_i = \gamma \hat{x}_i + \beta
$$

# Batch norm

$$
\mu_B = \frac{1}{m}\sum_{i=1}^{m} x_i \\
\sigma_B^2 = \frac{1}{m}\sum_{i=1}^{m} (x_i - \mu_B)^2 \\
\hat{x}_i = \frac{x_i - \mu_B}{\sqrt{\sigma_B^2 + \epsilon}} \\
y_i = \gamma \hat{x}_i + \beta
$$
"""


def test_a_later_section_that_defines_with_new_names_of_its_own_block_defines_anew():
    blocks = [b for b in check_notes(NORMS, path="<test>", budget=5.0).blocks if b.kind == "display"]
    assert len(blocks) == 2
    later = blocks[1]
    assert later.role == "definition", [(s.lhs, s.method) for s in later.steps]
    assert not any("earlier section" in s.method for s in later.steps), [s.method for s in later.steps]
    assert later.catalog_id == "batch_norm" and later.catalog_agrees is True, later.catalog_reason


BOUNDED_DERIVATIVE = r"""# Clipped loss

Let $c > 0$. We use
$$
g(u) = \begin{cases} \frac{1}{2} u^2 & |u| \le c \\ c|u| - \frac{1}{2}c^2 & |u| > c \end{cases}
$$
whose derivative is
$$
g'(u) = \begin{cases} u & |u| \le c \\ c\,\mathrm{sign}(u) & |u| > c \end{cases}
$$
so the gradient is bounded: $|g'(u)| \le c$. A tighter bound would be $|g'(u)| \le c/2$.
"""


def test_a_bound_on_a_primed_defined_function_is_a_claim():
    blocks = checked_blocks(BOUNDED_DERIVATIVE)
    assert [b.line for b in blocks] == [8, 11, 11]
    assert_block_verdicts(blocks, [CONFIRMED, CONFIRMED, "refuted"])


ESTIMATES = r"""# Exponential rate

For $t_1, \dots, t_m > 0$ the log-likelihood of a rate $\lambda$ is
$$
\ell(\lambda) = m\log\lambda - \lambda\sum_{j=1}^m t_j .
$$
Its derivative is
$$
\ell'(\lambda) = \frac{m}{\lambda} - \sum_{j=1}^m t_j
$$
and setting it to zero gives $\hat\lambda = \frac{m}{\sum_{j=1}^m t_j}$.

# Scale

With $s^2$ the variance of $m$ zero-mean draws $y_j$,
$$
\frac{\partial \ell}{\partial s^2} = -\frac{m}{2 s^2} + \frac{1}{2 s^4}\sum_{j=1}^m y_j^2
$$
and setting it to zero gives $\hat s^2 = \frac{1}{m}\sum_{j=1}^m y_j^2$.
"""


def test_an_estimate_set_by_a_zero_derivative_solves_the_equation_in_the_unhatted_name():
    blocks = [b for b in checked_blocks(ESTIMATES) if b.line in (11, 19)]
    assert len(blocks) == 2 and all(b.verdict in CONFIRMED for b in blocks), [
        (b.line, b.verdict, [s.reason for s in b.steps]) for b in blocks]
    assert all("solves the equation" in b.steps[0].method for b in blocks), [b.steps[0].method for b in blocks]


EVERY_ENTRY = r"""# Entropy

For a distribution $p$ over $M$ outcomes, $H(p) = -\sum_{m=1}^M p_m \log p_m$.
If $p_m = 1/M$ for every $m$ then $H(p) = \log M$.
If $p_m = 1/M$ for all $m$ then $H(p) = \log(2M)$.
"""


def test_a_condition_on_an_entry_for_every_index_sets_every_entry():
    r"""``If $p_m = 1/M$ for every $m$``: the condition sets every entry (the claim's sum holds them at its own index).
    Before, the quantifier's ``$m$`` took the clause's condition, and the claim was refuted at p = (1 - 1e-12,
    1e-12), a point the condition excludes; the K of 1/K and the size K of the sum were two symbols."""
    blocks = checked_blocks(EVERY_ENTRY)
    witnesses = assert_block_verdicts(blocks, [CONFIRMED, "refuted"])
    assert "every entry" in blocks[0].steps[0].method and "every entry" in blocks[1].steps[0].method
    assert all(not any(k.startswith("p[") for k in w) for w in witnesses), witnesses  # no free entries shown


STATED_DERIVATIVES = r"""# Derivatives in words

The derivative of $u^4$ is $4u^3$.

The derivative of $u^4$ is $4u^4$.

The derivative of $u^4$ is $0$ at the origin, and so is the second.
"""


def test_a_wrong_derivative_stated_in_a_sentence_of_its_own_is_refuted():
    r""""The derivative of $F$ is $G$." was only ever confirmed: a wrong $G$ was no claim.  A sentence that goes on
    after $G$ ("is $0$ at the origin") may state it at a point, so it is still never refuted."""
    blocks = checked_blocks(STATED_DERIVATIVES)
    assert_block_verdicts(blocks, [CONFIRMED, "refuted"])
    assert [b.line for b in blocks] == [3, 5]


INVERSES = r"""# Inverses

Let $g(t) = \frac{1}{1 + e^{-t}}$. Its inverse is $g^{-1}(s) = \log\frac{s}{1 - s}$.

# Wrong inverse

Let $h(t) = e^{3t}$. Its inverse is $h^{-1}(s) = \log(3s)$.
"""


def test_an_inverse_of_a_defined_function_is_the_claim_that_it_undoes_it():
    r"""``g^{-1}(s) = \log\frac{s}{1-s}`` after ``g`` is defined was a definition of a new name: a wrong inverse
    passed.  It claims ``g(g^{-1}(s)) = s``."""
    blocks = checked_blocks(INVERSES)
    assert_block_verdicts(blocks, [CONFIRMED, "refuted"])


POSTERIOR = r"""# Screening

$$
P(D \mid T) = \frac{P(T \mid D) P(D)}{P(T)}
$$
With $P(D) = 0.02$, $P(T \mid D) = 0.95$ and $P(T) = 0.068$ the posterior is $P(D \mid T) \approx 0.279$.

With the same numbers one might say $P(D \mid T) \approx 0.95$.
"""


def test_a_value_of_a_quantity_set_by_an_identity_above_is_read_through_it():
    r"""``P(D | T)`` has no definition; Bayes' rule, proved just above, says what it is, and the values the notes
    give (0.95 * 0.02 / 0.068 = 0.2794) decide the stated posterior.  Before, both values were "an approximation
    without a stated small quantity", and the stated probabilities were examples no claim could use."""
    blocks = checked_blocks(POSTERIOR)
    assert_block_verdicts(blocks, ["proved", CONFIRMED, "refuted"])


WORDED_PROPERTY = r"""# A quadratic

Take $g(u) = \frac{c}{2}u^2$ with $c > 0$.

# Smoothness

If $g$ is $\beta$-smooth then $g(v) \le g(u) + g'(u)(v - u) + \frac{\beta}{2}(v - u)^2$.

# Descent

Take $\beta > 0$. With $v = u - \frac{1}{\beta} g'(u)$ we get $g(v) \le g(u) - \frac{1}{2\beta} g'(u)^2$.
"""


def test_a_property_stated_in_words_binds_its_parameter():
    r""""If $g$ is $\beta$-smooth then ..." was refuted at beta = -1 with the earlier section's g(u) = c u^2/2: a
    point where g is not beta-smooth; the property in words binds beta as one stated with its formula does.  Without
    the words, the descent bound fails where beta < c: refuted."""
    blocks = checked_blocks(WORDED_PROPERTY)
    assert_block_verdicts(blocks, ["undecided", "refuted"])
    assert "bound by a property" in blocks[0].steps[0].reason


CLAUSE_FOR_EVERY_FORMULA = r"""# Ties

If $s = w$, then $s - w = 0$ and $(s - w)^3 = 0$.

If $s = w$, then $s - w = 0$ and $(s - w)^2 > 0$.
"""


def test_a_conditional_clause_governs_every_formula_of_its_sentence():
    r""""If $g_t = g$, then $m_t = \dots$ and $\hat m_t = g$": the clause reached only the first formula after it;
    the second was read without it ("an equation in u, v", or a claim about a free g_t)."""
    blocks = [b for b in checked_blocks(CLAUSE_FOR_EVERY_FORMULA) if b.role != "condition"]
    assert_block_verdicts(blocks, [CONFIRMED, CONFIRMED, CONFIRMED, "refuted"])


LAYOUT_IN_FORCE = r"""# Matrix derivatives

For a square $W$ with $\det W > 0$ and a fixed matrix $C$,

$$
\frac{\partial}{\partial W} \log \det W = W^{-T}
$$

$$
\frac{\partial}{\partial W} \mathrm{tr}(W C) = C^T
$$

$$
\frac{\partial}{\partial W} \mathrm{tr}(W^T C) = C^T
$$
"""


def test_a_derivative_claim_that_holds_only_in_the_other_layout_is_not_confirmed():
    r"""The first two fix the denominator layout (and ``W^{-T}`` on a capital is the inverse transpose, not a power
    -T); the third holds only in the numerator layout, so under the notes' own layout it fails: it was verified
    (planted_mistakes_19:196)."""
    blocks = checked_blocks(LAYOUT_IN_FORCE)
    assert_block_verdicts(blocks, [CONFIRMED, CONFIRMED, "undecided"])
    assert "numerator layout" in blocks[2].steps[0].reason and "denominator layout" in blocks[2].steps[0].reason


EXTREMA = r"""# Extreme values

The maximum of $u e^{-u}$ is $e^{-1}$, attained at $u = 1$.

The maximum of $u e^{-u}$ is $\frac{1}{2}$, attained at $u = 1$.

The maximum of $\sin u \cos u$ is $\frac{1}{4}$.

The maximum of $u e^{-u}$ is $1$.
"""


def test_an_extreme_value_stated_in_words_is_a_bound_and_a_point():
    r""""The maximum of $F$ is $v$, attained at $u = c$": F <= v everywhere and F(c) = v.  Without the point a bound
    that holds shows nothing (the last line: u e^{-u} <= 1 holds, the maximum is 1/e), so it is no claim."""
    blocks = checked_blocks(EXTREMA)
    assert_block_verdicts(blocks, [CONFIRMED, "refuted", "refuted"])
    assert [b.line for b in blocks] == [3, 5, 7]


TEMPERATURE_COUNT = r"""# Temperature

For scores $s_1, \dots, s_K$ and a temperature $T > 0$ let $q_i = \frac{e^{s_i/T}}{\sum_j e^{s_j/T}}$.
For $K = 2$, $q_1 = \frac{1}{1 + e^{-(s_1 - s_2)/T}}$.

For $K = 2$, $q_1 = \frac{1}{1 + e^{-(s_1 - s_2) T}}$.
"""


def test_a_sum_without_a_range_runs_over_the_count_an_example_sets_not_the_temperature():
    r"""``\sum_j`` with no range was read over T terms, the claim's only count letter, though T is the temperature
    and "For $K = 2$" sets the count: the two-class softmax as a sigmoid was refuted at T = 3."""
    blocks = checked_blocks(TEMPERATURE_COUNT)
    assert_block_verdicts(blocks, [CONFIRMED, "refuted"])


EXAMPLE_THEN_PROOF = r"""# Example

A decomposition $B = P D Q^T$ where

$$
P = \begin{bmatrix} 0 & 1 \\ 1 & 0 \end{bmatrix}, \quad D = \begin{bmatrix} 3 & 0 \\ 0 & 1 \end{bmatrix}, \quad
Q = \begin{bmatrix}\dfrac1{\sqrt{2}} & \dfrac1{\sqrt{2}} \\ \dfrac1{\sqrt{2}} & -\dfrac1{\sqrt{2}} \end{bmatrix}.
$$

# A general step

Because of the properties of the matrices $P$, $D$ and $Q$ we have

$$
B^T B = (P D Q^T)^T (P D Q) = Q D^T (P^T P) D Q^T
$$
"""


def test_a_written_out_matrix_of_an_earlier_section_is_not_in_force_in_a_later_general_claim():
    r"""tudelft_svd:260 proved a step false in general (``(U\Sigma V)^T``, a typo for ``V^T``) with the example
    matrices written out under another heading; a plain letter is declared for its section."""
    (block,) = checked_blocks(EXAMPLE_THEN_PROOF)
    assert not any(s.verdict in CONFIRMED for s in block.steps), [(s.verdict, s.method) for s in block.steps]
