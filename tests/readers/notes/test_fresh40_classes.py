r"""The classes of misreading that round 47's held-out lectures exposed (tests/corpus/notes/quantecon_*.md, Sargent
and Stachurski's QuantEcon lectures in MyST), one case each.  Every case was refuted or not found before its fix
(main at 2ef2106); the planted slips show that the new readings still refute.

* a MyST ```` ```{math} ```` directive (with a ``:label:`` option line) was fenced off as code, and a
  ```` ````{prf:theorem} ```` fence of four backticks was read as a code fence that the first ```` ``` ```` inside it
  closed: the theorem's formulas were lost; the directive's content is now a display, named by its fence's line, and
  a text directive's fence is closed by the same run of backticks (readers.notes.blocks);
* the letter i outside an exponent of e, after the note has declared "$i$ denotes the imaginary unit, satisfying
  $i^2 = -1$" in an earlier section, was a real name: De Moivre's $(\cos\theta + i\sin\theta)^2 = \cos 2\theta +
  i\sin 2\theta$ was refuted at $i = 1/2$; it gets the imaginary unit's second reading, as i in an exponent of e does
  (readers.notes.imaginary_unit ``declared_from``);
* an expectation written without brackets, ``\mathbb E X_{t+1} = \alpha + \beta \mathbb E X_t``, made
  ``\mathbb{E}`` a real factor, and the AR(1) mean recursion was refuted at ``\mathbb{E} = 1/2``; an operator is never
  a number, so a refutation resting on one read as a factor is withdrawn (readers.notes.operator_factors).
"""
from readers.notes.blocks import find_blocks
from tests.readers.notes.checked import HOLDS, assert_block_verdicts, checked_blocks

MYST_MATH = """# A theorem

````{prf:theorem}
If $x > 0$, then

```{math}
:label: two
1 + 1 = 3
```
````

```{math}
:label: four
2 + 2 = 4
```
"""


def test_a_myst_math_directive_is_a_display_named_by_its_fence():
    blocks = [b for b in find_blocks(MYST_MATH) if b.kind == "display"]
    assert [(b.line, b.content.strip()) for b in blocks] == [(6, "1 + 1 = 3"), (12, "2 + 2 = 4")]
    assert [b.content.strip() for b in find_blocks(MYST_MATH) if b.kind == "inline"] == ["x > 0"]
    assert_block_verdicts(checked_blocks(MYST_MATH), ["refuted", "proved"])


DECLARED_UNIT = r"""# Complex numbers

Here, $i$ denotes the imaginary unit, satisfying $i^2 = -1$.

# Exercises

$$
(\cos\theta + i\sin\theta)^2 = \cos 2\theta + i\sin 2\theta
$$

$$
(\cos\theta + i\sin\theta)^2 = \cos 2\theta - i\sin 2\theta
$$
"""


def test_a_declared_imaginary_unit_is_read_in_later_sections():
    assert_block_verdicts(checked_blocks(DECLARED_UNIT), [HOLDS, "refuted"])


EXPECTATION_WITHOUT_BRACKETS = r"""# AR(1)

Let $X_{t+1} = \alpha + \beta X_t + \epsilon_{t+1}$ with $\mathbb E X_t = \frac{\alpha}{1-\beta}$. Then

$$
\begin{aligned}
    \mathbb E X_{t+1} &= \alpha + \beta \mathbb E X_t \\
    &= \alpha + \beta \frac{\alpha}{1-\beta} \\
    &= \frac{\alpha}{1-\beta}
\end{aligned}
$$

# A slip

$$
\frac{a}{2} + \frac{a}{3} = \frac{a}{5}
$$
"""


def test_an_expectation_without_brackets_is_not_a_factor():
    blocks = checked_blocks(EXPECTATION_WITHOUT_BRACKETS)
    assert blocks[-1].verdict == "refuted" and blocks[-1].line == 15  # a slip beside it is still caught
    assert all(b.verdict != "refuted" for b in blocks[:-1]), [(b.line, b.verdict) for b in blocks]
