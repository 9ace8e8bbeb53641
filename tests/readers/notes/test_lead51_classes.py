r"""Classes found at stop 51 (the lead's probes).

* The scalar parse commutes and cancels capitals: :math:`(AB)^{-1} = A^{-1}B^{-1}` read as ``1/(AB) = 1/(AB)``
  was **proved** (false for matrices: the inverse of a product reverses the order).  A claim that holds in numbers
  only because numbers commute or cancel, while the order-keeping reading keeps its sides apart, is matrix algebra
  as much as arithmetic: both readings are checked (undecided, ambiguous).
* A projection written without any declaration, :math:`H = X(X^\top X)^{-1}X^\top`, was ``H = 1`` to the scalar
  parse: an *example value*, under which :math:`H^2 = I` (false) would be proved; and
  :math:`X(X^\top X)^{-1}X^\top = I` was ``1 = I``, a definition of ``I``, so the wrong line was lost.  A value
  cancelled out of written capitals is no example, a body that transposes a capital defines a matrix, and ``I``
  beside transposed or defined matrices is the identity.
* "For $h(u) = e^u$, $h''(u) = e^u > 0$" after :math:`h(u) = u^2`: a sentence that opens on a definition supposes
  it (readers.notes.definition_cues); it was an ambiguous claim about the old ``h``, and the derivative after it
  was compared with the old one's.
* A law claimed of a form of variables with stated laws (:math:`cX + d \sim \mathcal{N}(c\mu + d, c\sigma^2)`) was
  never checked ("relation '~' is not checked"): its mean and variance are now (readers.notes.law_relations).
* ``V^\pi(s)`` was the power :math:`V(s)^\pi`, and ``f^*(y)`` (a conjugate, ``Q^*``) the function ``f`` itself: a
  function's superscript that is a lower case Greek letter or a star labels another function (readers.latex.names).
* A false identity was **proved** at a point named at the end of a sentence three paragraphs above ("... equals
  $0.5$ at $u = 0$."): such a point evaluates its own paragraph only (readers.notes.passing_examples).
* A worked value of a standard name (``F_1 = \frac{2 \cdot 0.75 \cdot 0.5}{0.75 + 0.5} = 0.6``, right) was refuted as a
  definition of the F1 score that differs from the catalog's; "precision $= \frac{TP}{TP + FP} = 0.75$" (a word
  on the left) was never read.
* The ELBO decomposition was "unknown functions: D_KL, E_{q(w)}": an expectation under the law in its subscript and
  a divergence of two laws of one outcome are written out on finite laws (readers.notes.finite_laws).
* After an update ``v \leftarrow \dots``, an identity in every value of ``v`` was "about v, set by an update".
* The Huber derivative was refuted at a negative threshold (``|t| \le c`` with c = -1): a parameter of the cases is
  positive to its author.
* ``\mathbb{E} Y`` without brackets (a book's ``\E X`` macro) was a product of two names: it is the mean of Y.
"""
from __future__ import annotations

import sympy as sp

from tests.readers.notes.checked import CONFIRMED, assert_block_verdicts, checked_blocks

COMMUTED = r"""# Inverse of a product

$$(AB)^{-1} = A^{-1}B^{-1}$$

# Normal equations

$$(X^TX)^{-1}X^T X = I$$
"""


def test_a_claim_that_holds_only_because_numbers_commute_is_not_proved():
    blocks = checked_blocks(COMMUTED)
    assert_block_verdicts(blocks, ["undecided", CONFIRMED])
    assert "ambiguous" in blocks[0].steps[0].reason, blocks[0].steps[0].reason


PROJECTION = r"""# Projection

The hat matrix is $$P = Q(Q^\top Q)^{-1} Q^\top$$ and so $P^2 = P$, while $P^2 = I$ and $Q(Q^\top Q)^{-1}Q^\top = I$.
"""


def test_a_projection_cancelled_by_the_scalar_parse_is_a_matrix_not_an_example():
    blocks = checked_blocks(PROJECTION)
    assert_block_verdicts(blocks, [CONFIRMED, "undecided", "undecided"])
    assert all("matrix" in b.steps[0].reason for b in blocks[1:]), [b.steps[0].reason for b in blocks[1:]]


SUPPOSED = r"""# Convexity

For $h(u) = u^2$ we have $h''(u) = 2 > 0$.

For $h(u) = e^u$, $h''(u) = e^u > 0$, and with the same $h$, $h''(u) = 2e^u$.
"""


def test_a_sentence_that_opens_on_a_definition_sets_the_name_anew():
    r"""``For $h(u) = e^u$, $h''(u) = e^u$`` after :math:`h(u) = u^2`: the sentence supposes the new ``h`` (it was
    an ambiguous claim about the old one, and the derivative after it was compared with the old one's)."""
    blocks = checked_blocks(SUPPOSED)
    assert_block_verdicts(blocks, [CONFIRMED, CONFIRMED, "refuted"])


LAWS = r"""# Affine maps of normal variables

Let $X \sim \mathcal{N}(\mu, \sigma^2)$. Then $cX + d \sim \mathcal{N}(c\mu + d, c^2\sigma^2)$, but not
$cX + d \sim \mathcal{N}(c\mu + d, c\sigma^2)$.

# Scale unknown

Let $W \sim \mathcal{N}(0, s)$. Then $3W \sim \mathcal{N}(0, 3s)$.
"""


def test_a_law_claimed_of_a_form_is_checked_by_its_mean_and_variance():
    r"""``cX + d \sim \mathcal{N}(c\mu + d, c\sigma^2)`` was "relation '~' is not checked"; its variance is
    :math:`c^2\sigma^2`.  Where the stated law's second parameter may be a standard deviation (``\mathcal{N}(0, s)``)
    a mismatch refutes nothing."""
    blocks = checked_blocks(LAWS)
    assert_block_verdicts(blocks, ["proved", "refuted", "undecided"])
    assert "variance" in blocks[1].steps[0].reason and "standard deviation" in blocks[2].steps[0].reason


NESTED_SIGMOID = r"""# A two-layer logistic network

With the sigmoid $\sigma$: $h = \sigma(v t + c)$, $s = u h + e_0$, $q = \sigma(s)$ and
$\ell = -r\log q - (1 - r)\log(1 - q)$.

Then $\frac{\partial \ell}{\partial s} = q - r$.
"""


def test_a_sigmoid_inside_a_sigmoid_is_read_as_the_sigmoid():
    r"""In notes on the sigmoid, :math:`\sigma(u\,\sigma(vt + c) + e_0)` (what the definitions make of ``q``) kept its
    inner :math:`\sigma` unknown ("unknown functions: sigma"): the reading replaced the outer application only."""
    blocks = checked_blocks(NESTED_SIGMOID)
    assert_block_verdicts(blocks, [CONFIRMED])


LABELLED_FUNCTIONS = r"""# Value functions

Let $V^{\pi}(s) = 2s$ and $g(y) = y + 1$ with its conjugate $g^*(y) = y^2$. Then $V^\pi(3) = 6$ and $g^{\star}(3) = 9$,
while $V^\pi(1) = 3$. The clipped $K^{clip}(s) = s + 1$ has $K^{clip}(2) = 3$.
"""


def test_a_function_labelled_by_a_greek_letter_or_a_star_is_its_own_function():
    r"""``V^\pi(s)`` was read as the power :math:`V(s)^\pi` of an unknown ``V`` (``K^{clip}(s)`` as a power too), and
    ``g^*(y)`` as ``g(y)``: the conjugate (or ``Q^*``) conflated with the function it is built from."""
    blocks = checked_blocks(LABELLED_FUNCTIONS)
    assert_block_verdicts(blocks, ["proved", "proved", "refuted", "proved"])


POINT_AT_THE_END = r"""# Activations

The hard sigmoid $\mathrm{clip}(0.2u + 0.5, 0, 1)$ equals $0.5$ at $u = 0$.

$\tanh(u) = 2\sigma(2u) - 1$.

$\tanh(u) = 2\sigma(u) - 1$.
"""


def test_a_point_that_ends_its_sentence_is_no_example_for_later_paragraphs():
    r""""... equals $0.5$ at $u = 0$." set u = 0 for the six paragraphs after it, and the slip
    :math:`\tanh u = 2\sigma(u) - 1` (true at u = 0 only) was proved "at u = 0"."""
    blocks = checked_blocks(POINT_AT_THE_END)
    assert_block_verdicts(blocks, [CONFIRMED, "refuted"])


WORKED_SCORES = r"""# Scores

With $TP = 30$, $FP = 10$ and $FN = 30$: precision $= \frac{TP}{TP + FP} = 0.75$, recall $= \frac{TP}{TP + FN} = 0.6$.

$F_1 = \frac{2 \cdot 0.75 \cdot 0.5}{0.75 + 0.5} = 0.6$.
"""


def test_a_worked_value_is_no_definition_to_compare_with_the_catalog():
    r"""``F_1 = \frac{2 \cdot 0.75 \cdot 0.5}{0.75 + 0.5} = 0.6`` (a value, right) was refuted as a definition of the
    F1 score that "differs from the standard"; and "precision $= \dots$" (a word on the left) was never read."""
    blocks = checked_blocks(WORKED_SCORES)
    assert_block_verdicts(blocks, [CONFIRMED, "refuted", CONFIRMED])
    assert blocks[2].catalog_agrees is not False, blocks[2].catalog_reason


EVIDENCE = r"""# Evidence lower bound

For any $q(w)$,
$$\log p(y) = \mathbb{E}_{q(w)}\left[\log\frac{p(y, w)}{q(w)}\right] + D_{KL}(q(w) \,\|\, p(w \mid y))$$
"""


def test_an_expectation_under_a_subscripted_law_and_a_divergence_of_two_laws_are_read_on_finite_laws():
    r"""The ELBO decomposition was "unknown functions: D_KL, \mathbb{E}_{q(w)}": the expectation under the law in
    the subscript and the divergence of two laws of one outcome are now written out (readers.notes.finite_laws)."""
    blocks = checked_blocks(EVIDENCE)
    assert_block_verdicts(blocks, ["verified"])
    assert "finite laws" in blocks[0].steps[0].method, blocks[0].steps[0].method


UPDATES = r"""# Decoupled decay

Step: $v \leftarrow v - \alpha(g + \mu v)$.

Rewritten: $v \leftarrow v - \alpha(g + \mu v) = (1 - \alpha\mu)v - \alpha g$.

Misread: $v \leftarrow v - \alpha(g + \mu v) = (1 - \mu)v - \alpha g$.
"""


def test_an_identity_in_every_value_of_an_updated_name_is_proved():
    r"""After ``v \leftarrow \dots``, the link :math:`v - \alpha(g + \mu v) = (1 - \alpha\mu)v - \alpha g` was "about v,
    set by an update": an identity in every value of ``v`` holds for its steps too.  A link that fails stays
    undecided (the update may give v a value where it holds)."""
    blocks = checked_blocks(UPDATES)
    assert_block_verdicts(blocks, ["proved", "undecided"])


THRESHOLD = r"""# A robust loss

$$H_c(t) = \begin{cases} \frac{1}{2}t^2 & |t| \le c \\ c|t| - \frac{1}{2}c^2 & \text{otherwise} \end{cases}$$

Its derivative is $H_c'(t) = \mathrm{clip}(t, -c, c)$, not $H_c'(t) = \min(t, c)$.
"""


def test_a_threshold_of_cases_is_positive_to_its_author():
    r"""The Huber derivative :math:`\mathrm{clip}(t, -c, c)` (or the same with max and min) was refuted at c = -1, where
    the cases' :math:`|t| \le c` is empty; it holds for every c > 0.  The wrong one fails with c > 0 too."""
    blocks = checked_blocks(THRESHOLD)
    witnesses = assert_block_verdicts(blocks, ["undecided", "refuted"])
    assert all(sp.sympify(w["c"]) > 0 for w in witnesses if "c" in w), witnesses
    assert "c > 0" in blocks[0].steps[0].reason, blocks[0].steps[0].reason


BARE_MEAN = r"""# Variance

For a random variable $Y$, $\operatorname{Var}(Y) = \mathbb{E}[(Y - \mathbb{E} Y)^2] = \mathbb{E}[Y^2] - (\mathbb{E}\, Y)^2$,
and $\mathbb{E}[(Y - \mathbb{E} Y)^2] = \mathbb{E}[Y^2] + (\mathbb{E} Y)^2$ is a slip.
"""


def test_an_expectation_applied_without_brackets_is_the_mean():
    r"""``\mathbb{E} Y`` (a book's ``\E Y``) was the product of a name ``\mathbb{E}`` and ``Y`` ("\mathbb{E} may be
    parameters of the distribution"): an expectation before one capital, without brackets, is its mean."""
    blocks = checked_blocks(BARE_MEAN)
    assert_block_verdicts(blocks, [CONFIRMED, "refuted"])
