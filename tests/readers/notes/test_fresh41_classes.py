r"""The classes of misreading that round 51's held-out sources exposed (tests/corpus/notes/fuyh_rl_*.md, fnc_*.md,
lippe_*.md: study notes on reinforcement learning, a numerical-analysis book in MyST, a deep-learning tutorial), one
case each.  Every case was refuted or misread before its fix (main at 15c5011); the planted slips show that the
checks around the new readings still refute.

* a relation on the values of a function stated after "if" was a definition when one side was a lone value
  ("$x$ is a fixed point of $f$ if $$f(x) = x$$" made ``f`` the identity) and a claim otherwise: "$f$ is a
  contraction mapping if $$\|f(x_1)-f(x_2)\| \le \gamma \|x_1-x_2\|$$" was then refuted; both are properties
  supposed of ``f``, conditions (nothing assumed from them: a claim on an undefined ``f`` stays undecided, and the
  points ``x``, ``x_1``, ``x_2`` are not constrained, so the slip after them is refuted) (readers.notes.hypotheses);
* a MyST ```` ```{math} ```` directive indented in a list item (an exercise) was closed only by an unindented fence:
  it swallowed the exercises after it, their formulas lost (readers.notes.blocks);
* a MyST comment line (``% $$x=({\rm sign}\;d_{kk})\,e_k$.$``, a book's hidden solution) was read as the page's
  text, and its unbalanced ``$$`` swallowed the next section; comment lines of a MyST page are skipped, as HTML
  comments are (readers.notes.blocks);
* an arrow with a label over it (``S_t \xrightarrow{A_t} R_{t+1}``, a transition) was an unsupported command and
  its display unparsed; it is read as its arrow, the label dropped as ``\overset``'s is (readers.latex.tokens);
* two series listed term by term with a trailing ellipsis (the return unrolled, ``R_{t+1} + \gamma R_{t+2} +
  \gamma^2 R_{t+3} + \dots = R_{t+1} + \gamma (R_{t+2} + R_{t+3} + \dots)``, the notes' slip) were undecided ("the
  formula contains an ellipsis"); an element written out on both sides must have the same coefficient on both, and a
  mismatch refutes with the sequence that is 1 there as the witness (readers.notes.listed_series); and after "can
  be written as" the ellipsis was a name "chosen to fit", which withdrew that refutation: an ellipsis is no name
  (readers.notes.decompositions).
"""
from readers.notes.blocks import find_blocks
from tests.readers.notes.checked import HOLDS, assert_block_verdicts, checked_blocks

CONTRACTION = r"""# Contraction mappings

* Fixed point: $x\in X$ is a fixed point of $f: X \to X$ if

$$
f(x) = x
$$

* Contraction mapping: $f$ is a contraction mapping if

$$
\|f(x_1)-f(x_2)\| \le \gamma \|x_1-x_2\|
$$

where $\gamma\in(0,1)$.

$$
(x + 1)^2 = x^2 + 1
$$
"""


def test_a_property_of_a_function_after_if_is_a_condition():
    blocks = checked_blocks(CONTRACTION)  # the two properties are conditions: no steps; the planted slip refuted
    assert_block_verdicts(blocks, ["refuted"])
    assert blocks[0].line == 17


INDENTED_DIRECTIVE = """# Exercises

(problem-one)=
1. Show that

    ```{math}
    (a + b)^2 = a^2 + 2ab + b^2
    ```

    for all real $a$, $b$.

2. Show that $(a - b)^2 = a^2 + b^2$ fails.
"""


def test_an_indented_math_directive_ends_at_its_indented_fence():
    blocks = find_blocks(INDENTED_DIRECTIVE)
    assert [(b.kind, b.line, b.content.strip()) for b in blocks] == [
        ("display", 6, "(a + b)^2 = a^2 + 2ab + b^2"), ("inline", 10, "a"), ("inline", 10, "b"),
        ("inline", 12, "(a - b)^2 = a^2 + b^2")]


MYST_COMMENT = r"""# Norms

```{math}
\| x \|_\infty \le \| x \|_2
```

% Hidden solution: let $$x=({\rm sign}\;d_{kk})\,e_k$.$ be the vector
% with $\|x\|_2 = 1$.

## Next

$$
(x + 1)^2 = x^2 + 2x + 1
$$
"""


def test_a_myst_comment_line_is_not_read():
    blocks = find_blocks(MYST_COMMENT)
    assert [(b.line, b.content.strip()) for b in blocks] == [
        (3, r"\| x \|_\infty \le \| x \|_2"), (12, "(x + 1)^2 = x^2 + 2x + 1")]
    plain = MYST_COMMENT.replace("```{math}", "$$").replace("```", "$$")
    assert any(b.content.startswith("x=") for b in find_blocks(plain))  # without a MyST mark a % line is text


TRANSITION = r"""# One step

$$
S_t\xrightarrow{A_t}R_{t+1}, S_{t+1}
$$
"""


def test_a_labelled_arrow_is_read_as_its_arrow():
    assert_block_verdicts(checked_blocks(TRANSITION), ["undecided"])  # was: unsupported command \xrightarrow


RETURN = r"""# Returns

With rewards $R_{t+1}, R_{t+2}, R_{t+3}$ and a discount $\gamma$, the return can be written as:

$$
R_{t+1} + \gamma R_{t+2} + \gamma^2 R_{t+3} + \dots = R_{t+1} + \gamma (R_{t+2} + R_{t+3} + \dots)
$$

$$
R_{t+1} + \gamma R_{t+2} + \gamma^2 R_{t+3} + \dots = R_{t+1} + \gamma (R_{t+2} + \gamma R_{t+3} + \dots)
$$
"""


def test_two_listed_series_differ_in_a_coefficient_written_out_on_both_sides():
    (witness,) = assert_block_verdicts(checked_blocks(RETURN), ["refuted", HOLDS])
    assert witness["R_{t+3}"] == 1 and witness["the other elements"] == 0
