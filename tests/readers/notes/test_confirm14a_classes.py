r"""Classes of right claims left unconfirmed in linear algebra and probability sources (issue 12, confirm14a).

* A MyST ``::::{admonition} Proof of ...`` is a proof's scope, as ``{prf:proof}`` is (readers.notes.environments), and
  the matrix equations posed inside it end with it: TU Delft's SVD chapter poses $A^TA = (U\Sigma V^T)^T(U\Sigma V)$
  in a proof, and every later matrix claim of the chapter was "constrained by the equation" and undecided.
* A stated matrix equation ``A\mathbf{u} = \mathbf{0}`` is used by substituting it where a claim writes its left
  side (``A^T(A\mathbf{u}) = A^T\mathbf{0}``), never by solving it as ``\mathbf{u} = A^{-1}\mathbf{0} = \mathbf{0}``
  (under which every claim about ``\mathbf{u}`` held vacuously); the zero vector is never a name being defined (``u
  with $A\mathbf{u} = \mathbf{0}$`` defined ``\mathbf{0}`` as ``A\mathbf{u}`` and refuted ``A^T\mathbf{0} =
  \mathbf{0}``); a later link of a chain is read under the equation an earlier link posed.
* Entropies, mutual information and divergences written upright by macros (dit's ``\H[X]``, ``\I[X:Y]``,
  ``\DKL[p || q]``, ``\xH[p || q]``, all ``\operatorname{...}``) are Shannon's functionals, as ``H(X)`` is.
* ``M_X(t) = ...`` after ``X \sim D(\theta)`` states the law's moment generating function (statproofbook's theorems
  were read as definitions of ``M_X`` before their proofs); a line with a Markdown link is prose, not a heading.
"""

from readers.notes.check import check_notes

_PROOF_ADMONITION = r"""# Singular values

Let $A$ be an $m\times n$ matrix, $U$ an $m \times m$ matrix, $V$ an $n \times n$ matrix and $\Sigma$ an $m \times n$ matrix.

::::{admonition} Proof of&nbsp;{prf:ref}`Prop:one`
:class: tudproof, dropdown

Because of the properties of the matrices we have

$$
A^TA = (U\Sigma V^T)^T(U\Sigma V) = V(\Sigma^T\Sigma)V^T.
$$

::::

Let $\mathbf{u}$ be a vector with $A\mathbf{u} = \mathbf{0}$. Then

$$
A^TA \mathbf{u} = A^T(A\mathbf{u}) = A^T\mathbf{0} = \mathbf{0}.
$$

$$
A^TA \mathbf{u} = AA^T \mathbf{u} = A^T\mathbf{0} = \mathbf{0}.
$$

$$
A^TA \mathbf{u} = 5\mathbf{u}.
$$
"""


def test_an_equation_of_a_proof_admonition_ends_with_it_and_a_stated_equation_is_substituted():
    blocks = {b.line: b for b in check_notes(_PROOF_ADMONITION).blocks if b.steps}
    assert blocks[18].verdict == "proved", blocks[18].steps
    assert "substituted" in blocks[18].steps[1].reason, blocks[18].steps
    assert blocks[22].verdict not in ("proved", "verified"), blocks[22].steps  # A^T A u = A A^T u: wrong
    assert blocks[26].verdict not in ("proved", "verified"), blocks[26].steps  # never proved under u = 0


_SAME_CHAIN = r"""# Norms

Let $A$ be an $m\times n$ matrix. For each nonzero vector $\mathbf{x}$

$$
\dfrac{\|A\mathbf{x}\|}{\|\mathbf{x}\|} = \dfrac{\|A\hat{\mathbf{x}}\|}{\|\hat{\mathbf{x}}\|} = \|A\hat{\mathbf{x}}\|,
$$

where $\hat{\mathbf{x}}$ is the unit vector in the direction of $\mathbf{x}$.
"""


def test_a_later_link_is_read_under_the_equation_an_earlier_link_poses():
    (block,) = [b for b in check_notes(_SAME_CHAIN).blocks if b.line == 5]
    assert block.verdict != "refuted", block.steps


_UPRIGHT_ENTROPIES = r"""# Shannon measures

The entropy of $X$ decomposes:

$$\operatorname{H}[X] = \operatorname{I}[X:Y] + \operatorname{H}[X|Y]$$

$$\operatorname{I}[X:Y] = \operatorname{I}[Y:X]$$

$$\operatorname{D_{KL}}[p || q] = \operatorname{xH}[p || q] - \operatorname{H}[p]$$

Wrong:

$$\operatorname{H}[X] = \operatorname{I}[X:Y] - \operatorname{H}[X|Y]$$

$$\operatorname{D_{KL}}[p || q] = \operatorname{xH}[p || q] + \operatorname{H}[p]$$
"""


def test_upright_entropies_and_divergences_are_shannons_functionals():
    blocks = {b.line: b for b in check_notes(_UPRIGHT_ENTROPIES).blocks if b.steps}
    assert blocks[5].verdict == "verified", blocks[5].steps
    assert blocks[7].verdict == "verified", blocks[7].steps
    assert blocks[9].verdict == "verified", blocks[9].steps
    assert blocks[13].verdict not in ("proved", "verified"), blocks[13].steps
    assert blocks[15].verdict not in ("proved", "verified"), blocks[15].steps


_MGF = r"""# Moment-generating function of the exponential distribution

**Theorem:** Let $X$ be a random variable following an exponential distribution:

$$ X \sim \mathrm{Exp}(\lambda) \; . $$

Then, the moment generating function of $X$ is

$$ M_X(t) = \frac{\lambda}{\lambda - t} $$

which is well-defined for $t < \lambda$.

# Moment-generating function of the normal distribution

**Theorem:** Let $X \sim \mathcal{N}(\mu, \sigma^2)$. Then, the moment-generating function of $X$ is

$$ M_X(t) = \exp\left[ \mu t + \frac{1}{2} \sigma^2 t^2 \right] \; . $$

**Proof:** The moment-generating function is defined as

$$ M_X(t) = \mathrm{E} \left[ e^{tX} \right] \; . $$

With the [Gaussian integral](/P/norm-gi)

$$ M_X(t) = \exp\left[ \mu t + \frac{1}{2} \sigma^2 t^2 \right] \; . $$

# Wrong

Let $Y \sim \mathrm{Bern}(p)$. Then

$$ M_Y(t) = p + (1 - p) e^t $$

and for $Z \sim \mathrm{Exp}(\lambda)$

$$ M_Z(t) = \frac{\lambda}{t - \lambda} $$
"""


def test_m_x_of_a_stated_law_is_its_moment_generating_function():
    blocks = {b.line: b for b in check_notes(_MGF).blocks if b.kind == "display"}
    assert blocks[9].verdict == "proved" and blocks[9].role == "claim", blocks[9]
    assert blocks[17].verdict == "proved", blocks[17]
    assert blocks[21].verdict == "proved", blocks[21]  # E[e^{tX}] of the normal law
    assert blocks[25].verdict == "proved", blocks[25]  # the law is still in force after the linked line
    assert blocks[31].verdict == "refuted", blocks[31]  # Bernoulli: one parametrisation, a slip is refuted
    assert blocks[35].verdict not in ("proved", "verified"), blocks[35]


_GIVEN_PROBABILITIES = r"""# Coins and cards

Flipping the coin once, there are only two outcomes. Therefore: $$ P(H) = \frac{1}{2} = 0.5 $$

$$ P(\text{ace}) = \frac{4}{52} \approx 0.077 $$

$$ P(\text{spade}) = \frac{13}{52} = 0.3 $$

Let $X \sim \mathrm{Bin}(4, 0.5)$.

$$ P(X = 2) = \frac{1}{4} = 0.25 $$
"""


def test_a_probability_given_a_value_then_arithmetic():
    blocks = {b.line: b for b in check_notes(_GIVEN_PROBABILITIES).blocks if b.kind == "display"}
    assert blocks[3].verdict == "proved" and "as the notes give it" in blocks[3].assumptions[0], blocks[3]
    assert blocks[5].verdict == "verified", blocks[5]
    assert blocks[7].verdict == "refuted", blocks[7]  # 13/52 is not 0.3
    assert blocks[11].verdict not in ("proved", "verified"), blocks[11]  # the law decides P(X = 2): not given
