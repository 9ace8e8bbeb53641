r"""Classes of false alarms that round 16's held-out textbook chapters (Lebl's Basic Analysis and Notes on Diffy Qs,
LaTeX, tests/corpus/notes/lebl_*.tex) exposed, each shown by a few lines of one small note (one check, to keep CI
cheap).

* A signature declares a function afresh (readers.notes.signatures): after an example's $f(x) := |x|$, "Let
  $f \colon I \to \mathbb{R}$ be differentiable" makes the proposition's claims about an arbitrary $f$; they were
  refuted with the kinked example.  A signature the prose points back with ("we write") keeps the definition.
* An unknown function under a limit is not one value (check._opaque): $\lim_{x\to c}(f(x) - f(c))$ was read with
  $f(x)$ a constant and refuted.
* A formula the prose mentions as a wish ("who hasn't wanted to write") is no claim (readers.notes.mentions).
* Names the prose calls mappings are not numbers (readers.notes.mappings): "$D$ is a mapping that doubles things,
  $Dx = 2x$ ... $(D+T)x = 5x$" was refuted at $D = T = 1/2$.
* Spellings the reader did not know: ``\nicefrac``, a matrix column left empty for spacing, amsthm's ``\qedhere``.
"""
import functools

import pytest
import sympy as sp

from readers.latex.parse import parse_block
from readers.notes.check import _opaque, check_notes

_NOTE = r"""# The derivative

The function $f(x) := |x|$ is not differentiable at the origin.

Let $f \colon I \to \mathbb{R}$ be differentiable at $c \in I$. For $x \neq c$ we know the limit

$$\lim_{x\to c}\frac{f(x)-f(c)}{x-c} = f'(c)$$

exists.

# Mappings

A scaling $F(x) = 2x$ takes the real line to itself, and for it we write $F \colon \mathbb{R} \to \mathbb{R}$.
So $F(3) = 6$.

After all, who hasn't wanted to write $\sqrt{x+y} = \sqrt{x} + \sqrt{y}$ at some point.
But in fact $(x+1)^2 = x^2 + 1$ for every $x$.

If $D$ is a mapping that doubles things, $Dx = 2x$, and $T$ is a mapping that triples, $Tx = 3x$, then
$D+T$ is a mapping that multiplies by $5$, $(D+T)x = 5x$.  If $a$ is a number, then $(a+1)x = 5x$.
"""


pytestmark = pytest.mark.xdist_group("held_out_textbook_classes")
"""The module's tests run in one xdist worker (``--dist loadgroup``): the note (``_blocks``, 1.7 s of CPU) is then
checked once, not once in each worker its three tests are sent to."""


@functools.lru_cache(maxsize=1)
def _blocks():
    report = check_notes(_NOTE, path="<test>", budget=2.0)
    return {b.source.strip("$ \n"): b for b in report.blocks}


def _block(start):
    (block,) = [b for source, b in _blocks().items() if source.startswith(start)]
    return block


def test_a_signature_declares_the_function_afresh():
    claim = _block(r"\lim_{x\to c}\frac")  # every differentiable f: the example's |x| is no longer substituted
    assert claim.verdict in ("undecided", "verified", "proved"), claim.steps  # proved: f'(c) read as that limit
    assert _block("F(3) = 6").verdict == "proved"  # "we write F : R -> R" points back: F stays 2x


def test_an_unknown_function_under_a_limit_is_not_one_value():
    """The opaque reading (one value per application) leaves f(x) alone when x is a limit's or an integral's
    variable: lim_{x -> c} (f(x) - f(c)) = (lim q)(lim (x - c)) was refuted with f(x) = 2, f(c) = 1."""
    x, c = sp.symbols("x c", real=True)
    f = sp.Function("f")
    for bound in (sp.Limit(f(x) - f(c), x, c), sp.Integral(f(x), (x, 0, c))):
        assert _opaque(bound, sp.Integer(0))[2] == {}, bound
    assert set(_opaque(f(x) - f(c), sp.Integer(0))[2]) == {f(x), f(c)}  # free applications stay opaque values


def test_a_wished_formula_is_no_claim_and_a_stated_one_is_checked():
    assert _block(r"\sqrt{x+y}").role == "no claim"
    assert _block("(x+1)^2").verdict == "refuted"  # a false statement still is refuted


def test_names_called_mappings_are_not_numbers():
    claim = _block("(D+T)x")
    assert claim.verdict == "undecided" and "mapping" in claim.steps[0].reason, claim.steps
    assert _block("(a+1)x").verdict == "refuted"  # a number stays a number


@pytest.mark.parametrize("content, expected", [
    (r"(\nicefrac{1}{\sqrt{2}})^2 = \frac{1}{2}", None),
    (r"\begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix} \begin{bmatrix} 1 \\ 1 \end{bmatrix} = "
     r"\begin{bmatrix} 1 \cdot 1 + 2 \cdot 1 & & 0 \\ 3 + 4 & & 0 \end{bmatrix}", "MatrixLiteral((3, 0), (7, 0))"),
    (r"0 \geq \lim_{n\to\infty} \frac{1}{n} = 0.  \qedhere", None),
])
def test_textbook_spellings_parse(content, expected):
    exprs = parse_block(content).rows[0].chain.exprs
    assert len(exprs) >= 2, exprs
    if expected is not None:
        assert str(exprs[-1]) == expected, exprs
