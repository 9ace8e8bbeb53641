"""Known wrong ``check`` readings (branch defects44), by class: each note below was misread on main (a false
``proved`` among them), and carries the near miss that must keep its verdict."""
from readers.notes.check import check_notes
from readers.notes.files import latex_as_notes
from tests.readers.notes.checked import CONFIRMED, assert_block_verdicts, checked_blocks

# A condition in the sentence of one claim ("For $x < 0$ we have", "where $x > 0$." after the display, "for positive
# $x$") stayed in force to the next heading: the later display of the section, which states no condition, was
# proved under it.  It fails at x = -1 (x = 1 for |x| = -x), and holds on the part of the line the earlier sentence
# named: undecided (holds where ...), never proved.  Two claims of one sentence each keep their own (main checked the
# second under both, x > 0 and x < 0).  A condition stated on its own ("Let $x > 0$.", "For $x > 0$:") or declaring a
# parameter of a definition ("where $s > 0$ is the scale") still governs every block after it up to the next heading.
# "Also" alone on a line started a new section.
SENTENCE_SCOPE = r"""## Before the display

For $x < 0$ we have
$$|x| = -x$$

Later:

$$|x| = -x$$

## After the display

$$\sqrt{y^2} = y$$
where $y > 0$.

Later:

$$\sqrt{y^2} = y$$

## Sign in words

$$\sqrt{t^2} = t$$
for positive $t$.

Later:

$$\sqrt{t^2} = t$$

## Inline, one sentence each

We have $\sqrt{u^2} = u$ for $u > 0$. Later $\sqrt{u^2} = u$ again.

## Two in one sentence

The identity $$\sqrt{r^2} = r$$ holds for $r > 0$, and the reverse $$\sqrt{r^2} = -r$$ holds for $r < 0$.

## A parameter declared after a definition

$$q(s) = \frac{1}{s} e^{-1/s}$$
where $s > 0$ is the scale.

$$\sqrt{s^2} = s$$

## Stated on its own

Let $v > 0$.

$$\sqrt{v^2} = v$$

Also

$$|v| = v$$

## Introducing what follows

For $w > 0$:

$$\sqrt{w^2} = w$$

and

$$|w| = w$$
"""


def test_a_condition_of_one_sentence_ends_with_it():
    blocks = [b for b in checked_blocks(SENTENCE_SCOPE) if b.role == "claim"]
    assert_block_verdicts(blocks, [CONFIRMED, "undecided", CONFIRMED, "undecided", CONFIRMED, "undecided",
                                   CONFIRMED, "undecided", CONFIRMED, CONFIRMED, CONFIRMED, CONFIRMED, CONFIRMED,
                                   CONFIRMED, CONFIRMED])
    later = [b for b in blocks if b.verdict == "undecided"]
    assert all("holds where" in s.reason and not b.assumptions for b in later for s in b.steps), \
        [(b.line, [s.reason for s in b.steps]) for b in later]


LATEX_SCOPE = r"""\documentclass{article}
\begin{document}
\section{Roots}
For $x < 0$ we have
\begin{equation}
\sqrt{x^2} = -x
\end{equation}
Later,
\begin{equation}
\sqrt{x^2} = -x
\end{equation}
\end{document}
"""


def test_a_condition_of_one_sentence_ends_with_it_in_latex():
    blocks = [b for b in check_notes(latex_as_notes(LATEX_SCOPE), path="<t>.tex", budget=5.0).blocks if b.steps]
    assert_block_verdicts(blocks, [CONFIRMED, "undecided"])


# "for $k = 1, 2, \ldots$" was read as the example k = 1, which proved k^2 = k; a range written out is a set of
# integers (here from 1), "i = 1, \ldots, n" one up to n.  A name in N, Z_{\ge 0}, Z^+ is an integer from 1 or 0.
INTEGER_RANGES = r"""## Ranges

For $k = 1, 2, \ldots$ we have
$$k^2 = k$$

For $j = 1, 2, \dots$ we have
$$\sqrt{j^2} = j$$

For $m = 0, 1, 2, \ldots$ we have
$$m! \ge 1$$

## Sets

Let $a, b \in \mathbb{Z}_{\ge 0}$.

$$a^2 \ge a$$

$$b^2 > b$$
"""


def test_a_range_written_out_is_a_set_of_integers():
    blocks = [b for b in checked_blocks(INTEGER_RANGES) if b.role == "claim"]
    witnesses = assert_block_verdicts(blocks, ["refuted", CONFIRMED, CONFIRMED, CONFIRMED, "refuted"])
    k, b = (float(w[name]) for w, name in zip(witnesses, "kb"))
    assert k == int(k) and k >= 2 and b in (0.0, 1.0), witnesses  # k^2 = k fails at k >= 2 only; b^2 > b at 0, 1


# A sum with no stated range runs over the count the claim names (readers.notes.unstated_counts), bound once after
# the definitions are brought in: as written, with the block's own condition (undecided when unbound), and where the
# count comes in through a definition (mu = (1/m) sum_i z_i; refuted at m = 1/2, N = 2 when unbound).
UNSTATED_COUNTS = r"""## Counts

$$\sum_i \frac{1}{n} = 1 \quad \text{for } n \ge 2$$

The mean is

$$\mu = \frac{1}{m}\sum_i z_i$$

and

$$\sum_i \mu = \sum_i z_i$$
"""


def test_an_unstated_range_runs_over_the_named_count_as_written_and_through_a_definition():
    blocks = [b for b in checked_blocks(UNSTATED_COUNTS) if b.role == "claim"]
    assert_block_verdicts(blocks, [CONFIRMED, CONFIRMED])
    assert all(any("runs over" in a for a in b.assumptions) for b in blocks), [b.assumptions for b in blocks]


# A definition inside a proof fenced with backticks (```{prf:proof}, MyST's other fence) outlived the proof: a later
# claim about g was refuted with the proof's g.  "\text{Let } h(x) = ..." read "Let" as a factor of h(x), so the
# display defined nothing and a later claim about h was not checked.
DEFINITION_SCOPE = r"""## Proof

```{prf:proof}
Let $$g(x) = x + 1$$ so that $$g(1) = 2$$
```

$$g(1) = 5$$

## Let in a display

$$\text{Let } h(x) = x^2$$

$$h(3) = 9$$

$$h(2) = 5$$
"""


def test_a_definition_ends_with_its_proof_and_let_in_a_display_defines():
    blocks = [b for b in checked_blocks(DEFINITION_SCOPE) if b.role == "claim"]
    assert_block_verdicts(blocks, [CONFIRMED, "undecided", CONFIRMED, "refuted"])
    assert "unknown functions" in blocks[1].steps[0].reason, blocks[1].steps[0].reason
