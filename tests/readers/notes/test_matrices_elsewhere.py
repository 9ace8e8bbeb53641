r"""Letters declared matrices in one section and used in another, and matrix properties said in words.

A false ``proved`` found by checking a homework-style linear-algebra note: ``$(A+B)^2 = A^2 + 2AB + B^2$`` in a
section after the one that declares ``$A, B \in \mathbb{R}^{n\times n}$`` was read in numbers and proved.  It is
ambiguous (it holds in numbers, fails for matrices), so undecided with both readings; a claim that holds both ways
keeps its verdict, and a section that declares its own scalars is read in them.  Also: "Let $A \in \mathbb{R}^{n
\times n}$ be symmetric", "for invertible $A$ and $B$", "orthogonal $Q$" declare properties (before, the first
made a correct $\nabla_x(x^\top A x) = 2Ax$ refuted at a non-symmetric $A$, and the last a correct
$\|Qx\|_2 = \|x\|_2$ refuted at $Q = 1/2$).
"""
from __future__ import annotations

import pytest

from readers.notes.matrix_declarations import declarations
from tests.readers.notes.checked import CONFIRMED, assert_block_verdicts, checked_blocks

ACROSS_SECTIONS = r"""# Setup

Let ${P}, {Q} \in \mathbb{R}^{n\times n}$.

# Identities

Expanding: $({P}+{Q})^2 = {P}^2 + 2{P}{Q} + {Q}^2$.

Inverse of a product: $({P}{Q})^{-1} = {P}^{-1}{Q}^{-1}$.

Both ways: $({P}+{Q})^\top = {P}^\top + {Q}^\top$ and $({P}+{Q})^2 = {P}^2 + {P}{Q} + {Q}{P} + {Q}^2$.

# Scalars

Let ${P}, {Q} \in \mathbb{{R}}$. Then $({P}+{Q})^2 = {P}^2 + 2{P}{Q} + {Q}^2$.
"""


@pytest.mark.parametrize("p, q", [("A", "B"), ("M", "N")])
def test_matrices_of_another_section_make_a_numbers_only_identity_ambiguous(p, q):
    blocks = checked_blocks(ACROSS_SECTIONS.replace("{P}", p).replace("{Q}", q).replace("{{R}}", "{R}"))
    assert_block_verdicts(blocks, ["undecided", "undecided", CONFIRMED, CONFIRMED, "proved"])
    for b in blocks[:2]:
        assert "ambiguous" in b.steps[0].reason and f"{p} (line 3)" in b.steps[0].reason


PROPERTY_WORDS = r"""# Quadratic forms

Let $S \in \mathbb{R}^{n\times n}$ be symmetric and $x \in \mathbb{R}^n$. Then $\nabla_x (x^\top S x) = 2Sx$.

# Products

For invertible $A$ and $B$, $(AB)^{-1} = A^{-1}B^{-1}$.

For invertible $C$ and $D$, $(CD)^{-1} = D^{-1}C^{-1}$.

# Rotations

For orthogonal $Q$ ($Q^\top Q = I$) we have $\|Qx\|_2 = \|x\|_2$.
"""


def test_property_words_declare_matrices():
    # Q^T Q = I beside the orthogonal Q: I is the identity (a claim, confirmed), not a name it defines
    assert_block_verdicts(checked_blocks(PROPERTY_WORDS), [CONFIRMED, "refuted", CONFIRMED, CONFIRMED, CONFIRMED])


def test_a_property_word_before_lower_case_letters_declares_no_matrix():
    notes = declarations(r"For orthogonal $u$ and $v$ we have $u^\top v = 0$. For symmetric $\Sigma$, ...")
    assert set(notes.at(1).kinds) == {"Sigma"}


SAID_IN_PASSING = r"""Vectors $x$, matrices ${A}$.

$$\nabla_x x^\top {A} x = ({A} + {A}^\top)x$$

and {cue} we get $\nabla_x x^\top {A} x = 2{A}x$. For any ${A}$ (careful!):

$$\nabla_x x^\top {A} x = 2{A}x$$
"""


@pytest.mark.parametrize("cue", ["for symmetric ${A}$", "if ${A}$ is symmetric", "when ${A}$ is symmetric"])
@pytest.mark.parametrize("letter", ["A", "M"])
def test_a_property_said_in_passing_holds_for_its_sentence(cue, letter):
    """The property is in force for the sentence that says it, not for the claim that follows "for any A"."""
    text = SAID_IN_PASSING.replace("{cue}", cue).replace("{A}", letter)
    assert_block_verdicts(checked_blocks(text), [CONFIRMED, CONFIRMED, "refuted"])
