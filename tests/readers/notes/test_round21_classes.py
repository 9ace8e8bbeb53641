r"""The classes of false alarm that round 21's held-out sources exposed (tests/corpus/notes/statproofbook_probability.md
and tudelft_svd.md, The Book of Statistical Proofs and TU Delft's *Linear Algebra*), each fixed in general:

* Knuth's factorial powers ``m^{\overline{n}}`` (rising) and ``x^{\underline{k}}`` (falling) were read as a power with
  the exponent a name ``\overline{n}``, and the rising factorial's definition was refuted (readers.latex.names);
* "let $X$ be a non-negative random variable" bounds ``X`` as "$X$ is non-negative" does, also when the words are
  Markdown links, ``[non-negative](/P/mean-nnrvar) [random variable](/D/rvar)`` (readers.notes.sign_words);
* a bound on a random variable holds at every outcome of the discrete laws its moments are checked over: without it
  the step of Markov's inequality ``E(a I_{X >= a}) <= E(X)`` was refuted at an outcome X0 = -1 (readers.notes.moments);
* "every symmetric matrix $A$ can be written as $A = QDQ^{-1} = QDQ^T$": the names a block brings in after "can be
  written as" are chosen to fit, so a counterexample at one choice of them refutes nothing; a form whose names were
  all written before is still checked (readers.notes.decompositions).

And three causes of its parse failures: a Jupyter Book's macros live in its ``_config.yml`` (MathJax's table, read as
a Sphinx ``conf.py``'s are: readers.notes.folder_macros); the book's dot product ``\ip`` is a bold product sign
``\mathbf{\cdot}``; and its ``\Rank{A}`` is ``{\rm rank}\, A``, an operator word applied as ``\det A`` is, which was
read as a product ``rank * A`` (and then refuted with a constraint solved for ``A``); and Kummer's function
``{}_1F_1(a, b, z)`` (an empty group before a subscript) is the generalized hypergeometric function.

Each case's first block was refuted (or, for the sign words, left undecided) before the fix; the controls hold the
rules to their cases.  Verdicts are exact (no tolerance): each claim is decided symbolically or by exact evaluation.
"""
import pytest
import sympy as sp

from readers.notes.check import check_notes
from readers.notes.files import check_file
from readers.notes.special import standard_functions

CASES = {
    "rising factorial": (r"""# Factorial powers

where $m^{\overline{n}}$ is the rising factorial

$$
m^{\overline{n}} = \prod_{i=0}^{n-1} (m+i)
$$
""", ("proved", "verified")),
    "falling factorial, a slip (control)": (r"""# Factorial powers

$$
x^{\underline{2}} = x^2 + x
$$
""", ("refuted",)),
    "sign words through Markdown links": (r"""# Signs

Let $X$ be a [non-negative](/P/mean-nnrvar) [random variable](/D/rvar).

$$
\sqrt{X^2} = X
$$
""", ("proved",)),
    "a bound on a random variable at each outcome": (r"""# Moments

Let $X$ be a random variable with $X \geq 0$. Then

$$
\mathrm{E}\left( \sqrt{X^2} \right) = \mathrm{E}(X)
$$
""", ("proved", "verified")),
    "a decomposition stated to exist": (r"""# Decompositions

We showed that every symmetric (square) matrix $A$ can be written as  $A = QDQ^{-1} = QDQ^T$.
""", ("undecided",)),
    "a form whose names are all known (control)": (r"""# Forms

Then $(x+1)^2$ can be written as $(x+1)^2 = x^2 + 1$.
""", ("refuted",)),
    "a bold product sign": (r"""# Products

$$
(2x)\mathbf{\cdot}(3x) = 6x^2
$$
""", ("proved",)),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_round21_class(name):
    text, expected = CASES[name]
    claims = [b for b in check_notes(text, budget=5.0).blocks if b.steps]
    assert claims, name
    verdicts = [s.verdict for s in claims[-1].steps]
    assert verdicts and all(v in expected for v in verdicts), (name, verdicts, [s.reason for s in claims[-1].steps])


def test_an_operator_word_applies_to_what_follows_it():
    [block] = [b for b in check_notes(r"$$\operatorname{rank} A^T = \mathrm{rank}\, A$$", budget=5.0).blocks if b.steps]
    assert block.parsed_form == ("rank(transpose(A)) = rank(A)",), block.parsed_form


def test_a_jupyter_books_config_gives_its_macros(tmp_path):
    (tmp_path / "_config.yml").write_text(
        'sphinx:\n  config:\n    mathjax3_config:\n      tex:\n        macros:\n'
        '          "norm": ["\\\\left\\\\Vert #1 \\\\right\\\\Vert",1]\n          "R": "\\\\mathbb{R}"\n'
        'latex:\n  latex_engine: pdflatex\n', encoding="utf-8")
    notes = tmp_path / "page.md"
    notes.write_text("# Norms\n\n$$\n\\norm{3} = 3\n$$\n", encoding="utf-8")
    [block] = check_file(str(notes), 5.0).blocks
    assert block.parsed and [s.verdict for s in block.steps] == ["proved"], block


def test_kummers_function_is_the_hypergeometric_function():
    [block] = check_notes(r"$${}_1 F_1(1,2,z) = \frac{e^z - 1}{z}$$", budget=5.0).blocks
    assert block.parsed_form == ("hyp1F1(1, 2, z) = (exp(z) - 1)/z",), block.parsed_form
    z = sp.Symbol("z")
    read, names = standard_functions(sp.Function("hyp1F1")(1, 2, z))
    assert read == sp.hyper([1], [2], z) and names == {"hyp1F1"}
