r"""Classes of real mistakes read past until round 23 (issue 12), one case each from the corpus miss that revealed
it, with the correct twin that must not be refuted."""
import pytest

from tests.readers.notes.checked import checked_blocks

CASES = {
    # adversarial_round11 99: "\exists x > 0" above made x a witness to the next heading, so a later block quantifying
    # x itself ("\forall x > -1") could not be refuted; the block's own quantifier binds x for every value
    "forall after exists": (("## Q\n\n$$\\exists x > 0: \\; e^{x} = 2$$\n\n"
                             "$$\\forall x > -1: \\; \\log(1 + x) \\ge x - \\frac{x^2}{2}$$\n"), ["refuted"]),
    # planted_mistakes_8 179 (a false alarm, held out): M's definition did not parse (\operatorname{diag} with two
    # arguments), so M was read as a free number and the correct ratio refuted at M = 1/2
    "unreadable definition": (("## P\n\nThe method looks at the growth of $M^k u_0$. For $M = \\operatorname{diag}(2, 1)$ "
                               "and $u_0 = (1, 1)$, the ratio after $k$ steps is\n\n$$\\frac{\\|M^{k+1} u_0\\|}"
                               "{\\|M^{k} u_0\\|} = \\sqrt{\\frac{4^{k+1} + 1}{4^{k} + 1}}.$$\n"), ["undecided"]),
    # tudelft_svd 686: B = A^T = [...] written out in a chain, A written out after "any symmetric matrix A" in an
    # earlier remark (which made A's non-symmetric value not in force), and lambda in B^T B - lambda I read as
    # possibly a vector: the characteristic polynomial with the wrong sign was undecided
    "written-out chain": (("## A\n\nFor any symmetric matrix $C$ the eigenvalues are real.\n\n## B\n\n"
                           "Take $C = \\begin{bmatrix}1 & 2\\\\ 0 & 3\\end{bmatrix}$.\n\n"
                           "Then $D = C^T = \\begin{bmatrix}1 & 0\\\\ 2 & 3\\end{bmatrix}$.\n\n"
                           "$$\\det(D^T D - \\lambda I) = \\lambda^2 - 14\\lambda + 9$$\n\n"
                           "$$\\det(D^T D - \\lambda I) = -\\lambda^2 + 14\\lambda - 9$$\n\n"
                           "$$D I = \\begin{bmatrix}1 & 0\\\\ 2 & 3\\end{bmatrix}$$\n"),
                          ["proved", "proved", "refuted", "proved"]),  # D before I stays a matrix
    # adversarial_round11 221 (and 209): with the recurrence and its first step both stated, a closed form of the
    # sequence was read as a new definition of it (the wrong one then only "ambiguous" against the right one); it
    # is a claim about the sequence, checked by unrolling, and one that differs at a step is refuted
    "recurrence with its start": (("## R\n\nA running average with decay $\\rho$ of a constant input $c$ is\n\n"
                                   "$$a_t = \\rho a_{t-1} + (1 - \\rho) c$$\n\nstarted from\n\n$$a_0 = 0$$\n\n"
                                   "Unrolled,\n\n$$a_t = (1 - \\rho^{t}) c$$\n\n$$\\frac{a_t}{1 - \\rho^{t}} = c$$\n\n"
                                   "and not\n\n$$a_t = (1 - \\rho^{t - 1}) c$$\n"),
                                  ["proved", "verified", "refuted"]),  # proved by induction since stop 47
    # adversarial_round11 185 and 189: a property stated in words after the expression was no claim
    "property in words": (("## W\n\n$$x^2 + 1 \\text{ is at least } 2x$$\n\n$$\\cosh x \\text{ is concave}$$\n"),
                          ["proved", "refuted"]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_round23_class(name):
    text, expected = CASES[name]
    blocks = list(checked_blocks(text))
    assert [b.verdict for b in blocks] == expected, [(b.verdict, [s.reason for s in b.steps]) for b in blocks]
    for b in blocks:
        if b.verdict == "refuted":
            assert any(s.counterexample for s in b.steps)
