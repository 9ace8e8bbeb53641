r"""Classes of published notes' mistakes (issue 12, caught51 and caught52), each with right twins that must stand:

* a never-zero factor both sides of a moment claim share (readers.notes.common_factors): statproofbook's
  ``\exp[t^\top b] \cdot \mathrm{E}(\exp[t^\top A x]) = \exp[t^\top b] \cdot M_x(At)`` was undecided ("b may be a
  parameter of the law"); ``\exp[t^\top b]`` is cancelled, so ``b`` no longer stands in the way, and ``M_x(At)`` for
  ``M_x(A^\top t)`` is refuted.  A factor that may be zero (``s^\top c``) is not cancelled.
* an equation that only says what a name the claim does not use is (readers.notes.free_equations): d2l's minimiser
  ``\mathbf{x}^* = -Q^{-1}\mathbf{c}`` (d2l_momentum.md:69) held every later matrix claim of its section "under the equation", never
  refuted; ``h(\mathbf{x}) = \frac12(\mathbf{x} - Q^{-1}\mathbf{c})^\top Q (\dots) + \dots`` (the sign of the
  shift wrong) is refuted.  A claim in the equation's own name is still read under it.
* a moment claim that fails whatever its moments are (readers.notes.any_moments): a Fisher information written with
  the sign of both terms flipped, ``-\mathbb{E}[Y_j]/q^2 - (1 - \mathbb{E}[Y_j])/(1-q)^2 = 1/(q(1-q))``, was
  undecided ("their joint law is not read"); at ``q = 1/2`` the left side is -8 and the right side 4 whatever
  ``\mathbb{E}[Y_j]`` is, so no law makes it hold.  The right form holds at ``\mathbb{E}[Y_j] = q`` and stands; a
  name a stated condition restricts (``q > 2``) is given no value, so the wrong form is not refuted there.
"""
from fractions import Fraction

import pytest

from readers.notes.check import check_notes
from tests.readers.notes.checked import HOLDS, assert_block_verdicts

GAUSSIAN = ("## Linear transformation\n\nLet $A$ be an $m \\times n$ matrix and let $x$ follow a normal distribution:"
            "\n\n$$x \\sim \\mathcal{N}(\\mu, \\Sigma)$$\n\nThe moment-generating function of a random vector $x$ is\n\n"
            "$$M_x(t) = \\mathbb{E} \\left( \\exp \\left[ t^\\mathrm{T} x \\right] \\right)$$\n\n")
OTHER = (GAUSSIAN.replace("$A$", "$B$").replace("m \\times n", "k \\times k").replace("x \\sim", "z \\sim")
         .replace("$x$", "$z$").replace("\\mu, \\Sigma", "m, S")
         .replace("M_x(t) = \\mathbb{E} \\left( \\exp \\left[ t^\\mathrm{T} x \\right] \\right)",
                  "M_z(s) = \\mathbb{E} \\left[ e^{s^\\top z} \\right]"))
COMMON = {
    "statproofbook's exp(t^T b) on both sides, M_x(At) for M_x(A^T t)": (
        GAUSSIAN,
        [r"\exp \left[ t^\mathrm{T} b \right] \cdot \mathbb{E} \left( \exp \left[ t^\mathrm{T} A x \right] \right) = "
         r"\exp \left[ t^\mathrm{T} b \right] \cdot M_x(At)",
         r"\exp \left[ t^\mathrm{T} b \right] \cdot \mathbb{E} \left( \exp \left[ t^\mathrm{T} A x \right] \right) = "
         r"\exp \left[ t^\mathrm{T} b \right] \cdot M_x(A^\mathrm{T} t)"],
        ["refuted", HOLDS]),
    "other letters, the factor after the moment, e^{2 s^T c}": (
        OTHER,
        [r"\mathbb{E}\left[ e^{s^\top B z} \right] e^{2 s^\top c} = M_z(B s) \, e^{2 s^\top c}",
         r"\mathbb{E}\left[ e^{s^\top B z} \right] e^{2 s^\top c} = M_z(B^\top s) \, e^{2 s^\top c}"],
        ["refuted", HOLDS]),
    "a common factor that may be zero is not cancelled": (
        OTHER,
        [r"\mathbb{E}\left[ e^{s^\top B z} \right] (s^\top c) = M_z(B s) \, (s^\top c)"],
        ["undecided"]),
}


@pytest.mark.parametrize("name", list(COMMON))
def test_common_never_zero_factor(name):
    prose, rows, expected = COMMON[name]
    text = prose + "".join(f"$$\n{r}\n$$\n\n" for r in rows)
    blocks = [b for b in check_notes(text, path="<test>", budget=5.0).blocks
              if b.steps and "sim" not in b.source and "M_" not in b.source.split("=")[0]]
    assert_block_verdicts(blocks, expected)


QUADRATIC = ("### Quadratic functions\n\nConsider the function\n\n"
             "$$g(\\mathbf{w}) = \\frac{1}{2} \\mathbf{w}^\\top A \\mathbf{w} + \\mathbf{w}^\\top \\mathbf{d} + e.$$\n\n"
             "For a positive definite $A$ this has a minimizer at $\\mathbf{w}^\\star = -A^{-1} \\mathbf{d}$. "
             "Hence we can rewrite $g$ as\n\n")
SHIFTED = (r"g(\mathbf{w}) = \frac{1}{2} (\mathbf{w} {sign} A^{-1} \mathbf{d})^\top A (\mathbf{w} {sign} A^{-1} "
           r"\mathbf{d}) + e - \frac{1}{2} \mathbf{d}^\top A^{-1} \mathbf{d}")
OTHER_LETTERS = (QUADRATIC.replace("\\mathbf{w}", "\\mathbf{v}").replace("\\mathbf{d}", "\\mathbf{q}").replace("$A", "$B")
             .replace("A \\mathbf", "B \\mathbf").replace("A^{-1}", "B^{-1}").replace("g(", "f(").replace("$g$", "$f$")
             .replace("^\\star", "^{*}").replace("minimizer at", "minimum at"))
FREE = {
    "the completed square with the shift's sign wrong after the minimiser w^star, and its right twin": (
        QUADRATIC, [SHIFTED.replace("{sign}", "-"), SHIFTED.replace("{sign}", "+")], ["refuted", HOLDS]),
    "other letters, the minimiser written v^{*}": (
        OTHER_LETTERS, [SHIFTED.replace("{sign}", "-").replace("\\mathbf{w}", "\\mathbf{v}").replace("\\mathbf{d}",
                    "\\mathbf{q}").replace("A", "B").replace("g(", "f(")], ["refuted"]),
    "a claim in the equation's own name is still read under it": (
        QUADRATIC, [r"g(\mathbf{w}^\star) = e + \frac{1}{2} \mathbf{d}^\top A^{-1} \mathbf{d}"], ["undecided"]),
}


@pytest.mark.parametrize("name", list(FREE))
def test_equation_on_a_name_the_claim_does_not_use(name):
    prose, rows, expected = FREE[name]
    text = prose + "".join(f"$$\n{r}\n$$\n\n" for r in rows)
    blocks = [b for b in check_notes(text, path="<test>", budget=5.0).blocks
              if b.steps and b.kind == "display"]
    assert_block_verdicts(blocks, expected)


# caught52
PROSE = ("## Curvature of a coin's log-likelihood\n\nLet $Y_1, \\ldots, Y_m$ be draws of a coin with unknown bias."
         "{condition}\n\nThe expected curvature at $q$ is\n\n")
WRONG = r"-\frac{\mathbb{E}[Y_j]}{q^2} - \frac{1 - \mathbb{E}[Y_j]}{(1-q)^2} = \frac{1}{q(1-q)}"
RIGHT = r"\frac{\mathbb{E}[Y_j]}{q^2} + \frac{1 - \mathbb{E}[Y_j]}{(1-q)^2} = \frac{1}{q(1-q)}"
CASES = {
    "the sign of both terms flipped, and the right form": ("", [WRONG, RIGHT], ["refuted", HOLDS]),
    "a stated condition on q: no value is chosen for it": (" We only look at $q > 2$.", [WRONG], [HOLDS]),
}


@pytest.mark.parametrize("name", list(CASES))
def test_fails_whatever_the_moments(name):
    condition, rows, expected = CASES[name]
    text = PROSE.format(condition=condition) + "".join(f"$$\n{r}\n$$\n\n" for r in rows)
    blocks = [b for b in check_notes(text, path="<test>", budget=5.0).blocks if b.steps and b.kind == "display"]
    witnesses = assert_block_verdicts(blocks, expected)
    for witness in witnesses:  # the point fails for every mean of Y_j: checked in exact fractions, not by the reader
        q = Fraction(witness["q"])
        for mean in (Fraction(0), Fraction(1, 3), q, Fraction(1), Fraction(-7, 2)):
            assert -mean / q ** 2 - (1 - mean) / (1 - q) ** 2 != 1 / (q * (1 - q)), (witness, mean)
