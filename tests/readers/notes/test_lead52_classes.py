r"""Classes found at stop 52 (the lead's probes).

* :math:`\hat p = \sigma(\theta^\top u + c)` in notes on logistic regression: any claim on it has a transpose, so it
  went to the matrix reading, which did not know the sigmoid ("matrix claim: the function sigma"): the right
  :math:`\partial \ell / \partial c = \hat p - t` was undecided and its sign slip was not caught.  The matrix
  reading now reads an undefined ``\sigma`` as the scalar reading does (the logistic sigmoid, where the notes speak
  of it).
* The same :math:`\hat p`, restated in a later section as :math:`\sigma(s)` with :math:`s = \theta^\top u + c`,
  agrees with the earlier one and so is a claim that holds; it kept the earlier body, and
  :math:`\partial \ell / \partial s` was "not given as a function of s".  A confirmed restatement written in names
  defined since is also the body later claims use.
* :math:`\nabla_v R(v) = \nabla_v G(v) + \mu v` for :math:`R(v) = G(v) + \frac{\mu}{2}\|v\|^2` with the loss ``G``
  never defined was "unknown functions" (undecided), and its factor-2 slip too: the gradient of a body with an
  unknown function of the scalar is its derivative, and a claim whose unknown parts cancel from ``lhs - rhs``
  fails whatever they are.
* :math:`\arg\max_x f(x) = \arg\max_x \log f(x)` was read as an *update* of ``f`` (the optimum stripped off as for a
  minimax's defined function), and :math:`\arg\max_\theta q(\theta) = \arg\min_\theta \log q(\theta)` as a
  *definition* of the arg max: two arg optima set equal are a claim, proved when one objective is a strictly
  monotone map of the other (readers.notes.monotone_optima), undecided otherwise.
* "Setting $\frac{\partial \ell}{\partial \theta} = 0$ gives $\hat\theta = \bar y$": a value solving an equation that
  differentiates by the unknown was never checked (a value put in place of the variable of a derivative means
  nothing); the derivative is now taken there (an evaluation bar), with an estimate the value writes
  (:math:`\hat\tau^2 = \frac1k\sum_j (y_j - \hat\theta)^2`) as the joint solution's other coordinate, and a bar at
  :math:`\tau^2 = v` reads at the scale :math:`\tau = \sqrt v`.
"""
from __future__ import annotations

from readers.notes.check import check_notes
from tests.readers.notes.checked import CONFIRMED, assert_block_verdicts, checked_blocks

LOGISTIC = r"""# A logistic unit

With $\hat p = \sigma(\theta^\top u + c)$ and the loss $\ell = -t\log\hat p - (1-t)\log(1-\hat p)$,
$$\frac{\partial \ell}{\partial c} = \hat p - t.$$

A sign slip: $\frac{\partial \ell}{\partial c} = t - \hat p$.

# The same unit through its logit

Let $s = \theta^\top u + c$ and $\hat p = \sigma(s)$, with $\ell = -t\log\hat p - (1-t)\log(1-\hat p)$. Then
$$\frac{\partial \ell}{\partial s} = \hat p - t.$$
"""


def test_the_sigmoid_of_an_inner_product_is_read_in_the_matrix_reading():
    blocks = checked_blocks(LOGISTIC)
    assert_block_verdicts(blocks, [CONFIRMED, "refuted", CONFIRMED, CONFIRMED])


DECAYED = r"""# Decayed objective

The objective with decay is $R(v) = G(v) + \frac{\mu}{2}\|v\|^2$, so
$$\nabla_v R(v) = \nabla_v G(v) + \mu v.$$

# Its slip

With $R(v) = G(v) + \frac{\mu}{2}\|v\|^2$ one gets $$\nabla R(v) = \nabla G(v) + 2\mu v.$$

# An optimum

At a minimiser, $R'(v) = 0$.
"""


def test_the_gradient_of_a_decayed_objective_holds_whatever_the_loss_is():
    """The loss ``G`` is never defined: the claim holds (and its slip fails) for every function, since ``G``'s
    gradient cancels from the difference of the sides.  A condition on the unknown loss is no identity to refute."""
    blocks = checked_blocks(DECAYED)
    assert_block_verdicts(blocks, [CONFIRMED, CONFIRMED, "refuted", "undecided"])


OPTIMA = r"""# Optimisers

Taking logs keeps the maximiser: $$\arg\max_u q(u) = \arg\max_u \log q(u).$$

Averaging keeps the minimiser: $$\operatorname{arg\,min}_c \frac{1}{m}\sum_{j=1}^m (z_j - c)^2 = \operatorname{arg\,min}_c \sum_{j=1}^m (z_j - c)^2.$$

Flipping the sign: $$\arg\min_c \sum_{j=1}^m (z_j - c)^2 = \arg\max_c -3\sum_{j=1}^m (z_j - c)^2.$$

Not a monotone map: $$\arg\max_u q(u) = \arg\max_u q(u)^2.$$

Nor the same sense: $$\arg\max_u q(u) = \arg\min_u 2q(u).$$
"""


def test_two_arg_optima_set_equal_are_a_claim_proved_by_a_monotone_map():
    blocks = checked_blocks(OPTIMA)
    assert_block_verdicts(blocks, ["proved", "proved", "proved", "undecided", "undecided"])


MAXIMUM_LIKELIHOOD = r"""# A normal sample

With $\bar y = \frac{1}{k}\sum_{j=1}^k y_j$, the log-likelihood is
$$\ell(\theta, \tau^2) = -\frac{k}{2}\log(2\pi\tau^2) - \frac{1}{2\tau^2}\sum_{j=1}^k (y_j - \theta)^2.$$

Setting $\frac{\partial \ell}{\partial \theta} = 0$ gives $\hat\theta = \bar y$, and setting $\frac{\partial \ell}{\partial \tau^2} = 0$ gives
$$\hat\tau^2 = \frac{1}{k}\sum_{j=1}^k (y_j - \hat\theta)^2.$$

# Another sample, solved wrongly

With $\bar z = \frac{1}{k}\sum_{j=1}^k z_j$, the log-likelihood is
$$\lambda(\phi) = -\frac{1}{2}\sum_{j=1}^k (z_j - \phi)^2.$$

Setting $\frac{\partial \lambda}{\partial \phi} = 0$ gives $\hat\phi = 2\bar z$.
"""


def test_a_value_solving_a_derivative_set_to_zero_is_checked_where_the_derivative_is_taken():
    report = check_notes(MAXIMUM_LIKELIHOOD, path="<test>", budget=5.0)
    verdicts = {b.source.strip().strip("$").split("=")[0].strip(): b.verdict for b in report.blocks
                if b.source.lstrip("$").startswith(("\\hat", "\n\\hat"))}
    assert verdicts == {"\\hat\\theta": "verified", "\\hat\\tau^2": "verified", "\\hat\\phi": None}, verdicts


QUANTIFIED = r"""# Bounds

The bound $$(u + v)^2 \le u^2 + v^2$$ fails at $u = v = 1$. Then $u - v \le 3$ for every $u$ and $v$.

# Squares

For $c = 3$ the sum is $c + 1 = 4$. For all $c$, $c^2 \ge 9$.
"""


def test_names_the_sentence_quantifies_take_no_example_value():
    blocks = checked_blocks(QUANTIFIED)
    assert_block_verdicts(blocks, ["refuted", "refuted", "proved", "refuted"])


DENSITY_LETTER = r"""# A density

$$p(y) = (\tau/2\pi)^{0.5} \exp(-0.5\tau y^2)$$

# A coin

For a coin with bias $p$ and tosses $Y_j$: $$\frac{p^2 + (1-p)^2}{p(1-p)} + 2 = \frac{1}{p(1-p)}.$$

A slip: $$\frac{1}{p^2} + \frac{1}{(1-p)^2} = \frac{1}{p(1-p)}.$$

Its information, sign slipped: $$-\frac{E[Y_j]}{p^2} - \frac{(1-E[Y_j])}{(1-p)^2} = \frac{1}{p(1-p)}.$$
"""


def test_a_letter_squared_beside_its_own_bracket_is_a_number_not_the_density():
    blocks = checked_blocks(DENSITY_LETTER)
    assert_block_verdicts(blocks, [CONFIRMED, "refuted", "refuted"])


MOMENT_POLE = r"""# Counts

Let $Y_1, \dots, Y_n$ count the trials before the first success, each success having probability $q$.

Then $$q\,\mathbb{E}[Y_j] = 1 - q.$$
"""


def test_a_moment_claim_is_not_refuted_where_the_moment_may_not_exist():
    blocks = checked_blocks(MOMENT_POLE)
    assert_block_verdicts(blocks, ["undecided"])


ROUNDED_WHOLE = r"""# Returns

The return satisfies $V = r + \gamma V$, so $V = \frac{r}{1-\gamma}$. With $r = 0.951$ and $\gamma = 0.95$ this gives $V = 19$.
"""


def test_a_derived_whole_number_that_may_be_rounded_is_no_slip():
    assert all(b.verdict != "refuted" for b in checked_blocks(ROUNDED_WHOLE))


STOP52_READINGS = r"""# Inverse cosine

Take $t$ in $[0, \pi]$. Then, for every $t$ in $[0, \pi]$,

$$\arccos(\cos t) = t$$

# Two widths

A layer gives $w = \frac{m - f}{r} + 1$.

Its transpose gives back $w = (m - 1)r + f$; with $m = 16$, $r = 2$ and $f = 4$ it gives $w = 34$.

# Steps of seven

If we call the first term $c$, then $u_0 = c$. The difference between successive terms is some constant, say $g$. So """ \
    r"""$u_j - u_{j-1} = g$, or in other words,

$$
u_0 = c \qquad u_j=u_{j-1}+g
$$

Now a list.

1. Each step adds seven, so $g = 7$. The recursive definition is therefore $u_j = u_{j-1} + 7$ with $u_0 = 1$. """ \
    r"""The closed formula is $u_j = 1 + 7j$.
"""


def test_this_stops_new_readings_raise_no_false_alarm_on_restricted_or_restated_names():
    blocks = checked_blocks(STOP52_READINGS)
    assert not [(b.line, b.verdict) for b in blocks if b.verdict == "refuted"]


CHAINED_UNDER_A_CONDITION = r"""# Shrinking iterates

Let $0 < \rho < 1$. The iterates satisfy $$u_{j+1} = (1 - \rho) u_j = (1 - \rho)^{j+2} u_0.$$
"""


def test_a_chained_recurrence_refuted_under_a_condition_names_it():
    """The refutation of a chain opening with a recurrence listed the section's conditions on an undefined name
    (a NameError, reported as an internal error and left undecided)."""
    (block,) = checked_blocks(CHAINED_UNDER_A_CONDITION)
    assert block.verdict == "refuted", [s.reason for s in block.steps]
    assert any("rho" in a for s in block.steps for a in s.assumptions), [s.assumptions for s in block.steps]
