r"""The classes of misreading that round 33's held-out sources exposed (tests/corpus/notes/austin_ula_symmetric_variance.md,
nma_dl_gradient_descent_autograd.md, pyro_svi_part1.md: a published linear-algebra textbook, a deep-learning course,
a probabilistic-programming tutorial), each fixed in general:

Parse failures (readers.latex.tokens):

* an accent over a styled letter written as TeX allows, ``\widetilde{\mathbf d}`` (an argument of one letter) or
  ``\overline{{\mathbf d}}`` (a macro's body in braces of its own);
* old-style font switches written as commands of one argument or bare: ``\rm{KL}``, ``\bf{x}``, ``$\bf z$``, and the
  label ``\theta_{\rm{max}}`` (also ``_{\rm max}``, ``_\text{min}``);
* ``\lVert`` between the two laws of a divergence, ``\rm{KL}(q \lVert p)``, as ``\|`` is;
* an angle in degrees, ``45^\circ``: the number times pi/180;
* a repeating decimal, ``0.5\bar{3}`` and ``0.\overline{142857}``: the exact fraction.

Misreadings that read a correct block wrongly (and the two classes of refutation they uncovered):

* a brace group holding one styled letter, ``{\mathbf u}_1`` (a book's macro ``\uvec = {\mathbf u}``), lost its
  subscript: ``u_1`` and ``u_2`` were the same name;
* ``e`` in ``\partial e`` is a variable (a node of a computational graph), not Euler's number;
* ``3 v_1 . v_2 = 10 v_1 . v_2`` is a constraint an argument draws (so ``v_1 . v_2 = 0``), not an identity
  (readers.notes.proportional_sides);
* a name the notes write out as a vector, read in a claim as a number: its scalar refutation is a misreading's
  (readers.notes.vector_values).

Each case's block was unparsed, refuted or misread before the fix (checked against the code of main); the controls
hold the rules to their cases.  Verdicts are exact (no tolerance): every claim here is decided symbolically or by exact
evaluation.
"""
import pytest
import sympy as sp

from readers.latex.parse import parse_block
from readers.notes.check import check_notes


def _read(latex):
    (row,) = parse_block(latex).rows
    return row.chain.exprs


@pytest.mark.parametrize("latex", [r"\widetilde{\mathbf d}_j = x_j", r"\overline{{\mathbf d}} = y",
                                   r"\log p(x) - {\rm ELBO} = \rm{KL}\!\left( q(z) \lVert p(z) \right)",
                                   r"\bf z", r"\theta_{\rm{max}} = \theta_{\rm max}", r"-45^\circ"])
def test_parses(latex):
    assert _read(latex)


def test_a_styled_letter_in_braces_keeps_its_subscript():
    difference = _read(r"{\mathbf u}_1 - {\mathbf u}_2")[0]
    assert sorted(s.name for s in difference.free_symbols) == [r"\mathbf{u}_1", r"\mathbf{u}_2"]
    assert [s.name for s in _read(r"\frac{{\mathbf u}_1}{2}")[0].free_symbols] == [r"\mathbf{u}_1"]  # an argument


def test_old_style_labels_are_names_not_operators():
    assert _read(r"\theta_{\rm{max}}") == _read(r"\theta_{\max}")


def test_degrees_and_repeating_decimals_are_exact_numbers():
    assert _read(r"-45^\circ") == (-sp.pi / 4,)
    assert _read(r"0.5\bar{3}") == (sp.Rational(8, 15),)
    assert _read(r"0.\overline{142857}") == (sp.Rational(1, 7),)
    assert _read(r"0.5 \bar{x}")[0].free_symbols  # control: a bar over a letter is a name


CASES = {
    "degrees": (r"$$\cos 60^\circ = \frac{1}{2}$$", ("proved",)),
    "repeating decimal": (r"This is to be compared with $16/30 = 0.5\bar{3}$.", ("proved",)),
    "repeating decimal, a slip (control)": (r"Compare $16/30 = 0.\overline{3}$.", ("refuted",)),
    "partial e is a variable": (r"""# The error node

$$
\frac{\partial}{\partial e}\left(\frac{1}{2} e^2\right) = e
$$
""", ("proved",)),
    "e^x under a partial is Euler's number (control)": (r"$$\frac{\partial e^{x}}{\partial x} = e^{x}$$", ("proved",)),
    "c X = c' X is a constraint": (r"""# Orthogonal eigenvectors

Since $A$ is symmetric, we have

$$
3\mathbf{v}_1\cdot\mathbf{v}_2 = 10 \mathbf{v}_1\cdot\mathbf{v}_2,
$$

which can only happen if $\mathbf{v}_1\cdot\mathbf{v}_2 = 0$.
""", ("undecided",)),
    "a chain that drops a factor (control)": (r"""# A chain

$$
f = \frac{1}{2} x^2 y = x^2 y
$$
""", ("refuted",)),
    "a vector read as a number": (r"""# Variance

The demeaned points are $\tilde{d}_j = d_j - m$. Suppose that the demeaned points are
$\tilde{d}_j=\begin{bmatrix}x_j \\ y_j\end{bmatrix}$.

$$
\frac1N \sum_j |\tilde{d}_j|^2 = \frac1N \sum_j x_j^2 + \frac1N \sum_j y_j^2
$$
""", ("undecided", "proved", "verified")),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_fresh36_class(name):
    text, expected = CASES[name]
    claims = [b for b in check_notes(text, budget=5.0).blocks if b.steps]
    assert claims, name
    verdicts = [s.verdict for s in claims[-1].steps]
    assert verdicts and all(v in expected for v in verdicts), (name, verdicts, [s.reason for s in claims[-1].steps])
