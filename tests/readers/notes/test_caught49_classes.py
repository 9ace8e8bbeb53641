r"""Classes of published notes' claims (issue 12, caught49), each with a wrong twin:

* moments of random vectors in matrix algebra (statproofbook's ``\mathrm{E}[X^\mathrm{T} A X] = \mu^\mathrm{T} A\mu +
  \mathrm{tr}(A\Sigma)`` and the linear transformation of a moment-generating function) were "unknown functions:
  transpose": ``E(.)`` of a matrix expression is read over random laws on a few outcomes, then sampled as matrix
  algebra (readers.notes.vector_moments).  A failure refutes only where no law is stated for the vector, the prose
  calls it random, and every name outside the moments is declared, tied to them or called a constant.
"""
import pytest

from tests.readers.notes.checked import CONFIRMED, assert_block_verdicts, checked_blocks

QUADRATIC = ("Let $X$ be an $n$-dimensional random vector with mean $\\mu$ and covariance $\\Sigma$ and let $A$ be an "
             "$n \\times n$ matrix.")
TRANSFORM = ("Let $X$ be an $n \\times 1$ random vector with moment-generating function $M_X$, where $A$ is an "
             "$m \\times n$ matrix and $b$ is an $m \\times 1$ vector.")
VECTORS = {
    "statproofbook's quadratic form, and a wrong trace": (
        QUADRATIC,
        [r"\mathrm{E}\left[ X^\mathrm{T} A X \right] = \mu^\mathrm{T} A \mu + \mathrm{tr}(A \Sigma)",
         r"\mathrm{E}\left[ X^\mathrm{T} A X \right] = \mathrm{tr}(A \Sigma)"],
        [CONFIRMED, "refuted"]),
    "other letters, a covariance split, the mean's transpose dropped": (
        QUADRATIC.replace("X", "Z").replace("\\mu", "m").replace("\\Sigma", "S").replace("$A$", "$B$"),
        [r"\mathrm{Cov}(Z, Z) = \mathrm{E}(Z Z^\top) - \mathrm{E}(Z) \mathrm{E}(Z)^\top",
         r"\mathrm{E}\left[ Z^\top B Z \right] = m^\top B m + \mathrm{tr}(B S)",
         r"\mathrm{E}\left[ Z^\top B Z \right] = m^\top B m + \mathrm{tr}(B) \mathrm{tr}(S)"],
        [CONFIRMED, CONFIRMED, "refuted"]),
    "the linear transformation of an MGF: (At)^T X for t^T A X": (
        TRANSFORM,
        [r"\mathrm{E}\left( \exp\left[ t^\mathrm{T} (A X + b) \right] \right) = \exp\left[ t^\mathrm{T} b \right] "
         r"\mathrm{E}\left( \exp\left[ (A^\mathrm{T} t)^\mathrm{T} X \right] \right)",
         r"\mathrm{E}\left( \exp\left[ t^\mathrm{T} A X \right] \right) = "
         r"\mathrm{E}\left( \exp\left[ (A t)^\mathrm{T} X \right] \right)"],
        [CONFIRMED, "refuted"]),
    "a stated Gaussian law is not a discrete one: not refuted": (
        "Let $x \\sim \\mathcal{N}(m, S)$ be a random vector, where $A$ is an $n \\times n$ matrix.",
        [r"\mathbb{E}\left( \exp\left[ t^\mathrm{T} A x \right] \right) = "
         r"\mathbb{E}\left( \exp\left[ (A t)^\mathrm{T} x \right] \right)"],
        [("undecided",)]),
    "a name outside the moments, neither declared nor tied, may be a law's parameter: not refuted": (
        "Let $X$ be a random vector and $A$ an $n \\times n$ matrix.",
        [r"\mathrm{E}\left[ X^\mathrm{T} A X \right] = \mathrm{tr}(A \Lambda)"],
        [("undecided",)]),
    "a name the prose does not call random may be a constant: not refuted": (
        "The moments of the data:",
        [r"\mathrm{E}\left[ X^\mathrm{T} W^\mathrm{T} \right] = \mathrm{E}\left[ X^\mathrm{T} \right] "
         r"\mathrm{E}\left[ W^\mathrm{T} \right]"],
        [("undecided",)]),
}


@pytest.mark.parametrize("name", VECTORS)
def test_moments_of_random_vectors_are_read_over_random_laws(name):
    prose, claims, expected = VECTORS[name]
    text = f"# Moments\n\n{prose}\n\n" + "".join(f"$$\n{c}\n$$\n\n" for c in claims)
    blocks = [b for b in checked_blocks(text) if b.line > 3]
    witnesses = assert_block_verdicts(blocks, expected)
    assert all(any(k.endswith("_(1)") for k in w) for w in witnesses), witnesses  # the law's outcomes are shown
