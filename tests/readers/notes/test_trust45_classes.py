r"""Trust leftovers of stop 44 (issues 12, 13), by class, each failing on main before its fix.

**A finite set on the entries of a letter** (readers.notes.finite_entries).  "Let $x_1, \dots, x_n \in \{0, 1\}$ and
$k = \sum_i x_i$" before $-k/p^2 - (n - k)/(1 - p)^2 < 0$ (tests/corpus/notes/everyday_mle_homework.tex): the
membership on a run of entries was dropped and the correct claim refuted at x = (-1, 0); so was $x_1^2 = x_1$ after
"for all $i$, $x_i \in \{0, 1\}$" (refuted at x_1 = 1/2), and a sum over the entries.  Entries written as symbols
are now checked at each value, arrays sampled from the set; a wrong claim stays refuted at a point inside the set.
An interval on a run or on ``y_i`` governs the symbol entries (``y_2``) as well (readers.notes.entry_conditions).

**A name bounded in a sentence stays a value after the sentence** (``Reader.assume``).  "For $-1 \le \theta \le 1$ the
copula $C(u, v) = uv(1 + \theta(1 - u)(1 - v))$ ... has density" (planted_mistakes_17.md:223): the condition ends with
its sentence, and a later wrong $12\int\int uv(1 + \theta(1 - u)(1 - v)) - 3 = 2\theta/9$ became ``undecided
(ambiguous)`` by a reading of ``\theta(...)`` as an unknown function; a name the section bounds by numbers is a value.

**Transposes** (readers.latex.names).  ``w^{\mathsf T} x = x^{\mathsf T} w`` was read as powers ``w^{\mathsf{T}}`` and
refuted (a font command on an unbraced ``T`` lost its argument's braces); ``\theta^\top x`` and ``\theta^T x`` on a
lower-case Greek name were powers (``\beta^T``, Adam after T steps, stays one, and so does ``\gamma^T r_T``); ``(ABCDE)^T``
was one name ``ABCDE`` beside ``E^T D^T C^T B^T A^T``.

**A condition in a sentence that claims nothing holds for the section** (readers.notes.condition_scope).  "The model is
$y = wx + \varepsilon$ with the prior ..., where $\alpha > 0$ and $\beta > 0$, and one observation $(x, y)$ with
$x \ne 0$." (planted_mistakes_12.md:119): the conditions ended with that sentence as if they were a claim's, and the
later $1/(\alpha + \beta x^2) \le 1/\alpha$ was no longer proved.  A sentence condition ends with its sentence only
where the sentence makes a claim; "$$\sqrt{x^2} = x$$ where $x > 0$." still ends there.  A count with what it counts
("For $n \ge 2$ independent draws with variance ... the estimator ... has bias $$...$$", planted_mistakes_15.md:155)
declares the count for the section too.
"""
from fractions import Fraction

import pytest
import sympy as sp

from readers.latex.parse import parse_latex
from tests.readers.notes.checked import CONFIRMED, HOLDS, assert_block_verdicts, checked_blocks

ENTRIES = r"""# Bernoulli

Let $x_1, \dots, x_n \in \{0, 1\}$ and $k = \sum_i x_i$. Then $-\frac{k}{p^2} - \frac{n-k}{(1-p)^2} < 0$.

# Runs

Let $b_1, \ldots, b_m \in \{0, 1\}$ and $s = \sum_{j=1}^m b_j$.

$$\sum_{j=1}^m b_j^2 = s$$

# Every entry

For all $i$, $z_i \in \{0,1\}$. Then

$$z_1^3 = z_1$$

# Signs

Let $u_j \in \{-1, 1\}$.

$$u_1^2 u_2^2 = 1$$

# Interval on a run

Let $y_1, \ldots, y_m \in [0, 1]$.

$$y_2^2 \le y_2$$

# Wrong

Let $w_1, w_2 \in \{0, 1\}$.

$$w_1^2 = 2 w_1$$

# Scope

For $0 < a < 1$ the density $f(t) = 1 + a(1 - 2t)$ on the unit interval integrates to one, and its mean is

$$\int_0^1 t\left(1 + a(1 - 2t)\right) dt = \frac{1}{2} - \frac{a}{6}$$

The second moment, which I wrote down as

$$\int_0^1 t^2\left(1 + a(1 - 2t)\right) dt = \frac{1}{3} - \frac{a}{3}$$

# Scope in an interval

For $c \in (0, 2)$ the weight $w(s) = 2 + c(1 - 2s)$ on the unit interval has mass two, since

$$\int_0^1 \left(2 + c(1 - 2s)\right) ds = 2$$

Its first moment I wrote down as

$$\int_0^1 s\left(2 + c(1 - 2s)\right) ds = 1 + c$$

# Transposes

$$w^{\mathsf T} x = x^{\mathsf T} w$$

$$(ABCDE)^T = E^T D^T C^T B^T A^T$$

# Model

The model is $y = a z$ with a slope $a$, where $a > 0$ and $z > 0$, and one sample $(z, y)$ with $y \ne 0$. Later:

$$\sqrt{a^2 z^2} = a z$$

# Claim's own

$$\sqrt{q^2} = q$$ where $q > 0$.

$$\sqrt{q^2} = q$$

# Count

For $n \ge 2$ independent draws the mean has variance $\sigma^2/n$, so that

$$\frac{\sigma^2}{n} - \frac{\sigma^2}{n + 1} = \frac{\sigma^2}{n(n + 1)}$$

Later the unbiased estimator:

$$\frac{2n - 1}{n^2} < \frac{2}{n - 1}$$

# Wrong sum

Let $v_i \in \{0, 1\}$ for every $i$.

$$\sum_{i=1}^n v_i^2 = 2\sum_{i=1}^n v_i$$
"""


def _section(title):
    lines = ENTRIES.split("\n")
    start = lines.index(f"# {title}") + 1
    end = next((k for k in range(start, len(lines)) if lines[k].startswith("# ")), len(lines)) + 1
    return [b for b in checked_blocks(ENTRIES) if start <= b.line <= end]


def test_a_finite_set_on_a_run_of_entries_governs_a_sum_over_them():
    assert_block_verdicts(_section("Bernoulli"), [CONFIRMED])
    assert_block_verdicts(_section("Runs"), [CONFIRMED])


def test_a_finite_set_on_an_indexed_entry_governs_the_numbered_entries():
    for title in ("Every entry", "Signs"):
        blocks = _section(title)
        assert_block_verdicts(blocks, [CONFIRMED])
        assert any(" in {" in a for s in blocks[0].steps for a in s.assumptions), blocks[0].steps


def test_an_interval_on_a_run_governs_a_numbered_entry():
    assert_block_verdicts(_section("Interval on a run"), [CONFIRMED])


def test_a_wrong_claim_is_refuted_inside_the_set():
    for title, letter in (("Wrong", "w"), ("Wrong sum", "v")):
        witnesses = assert_block_verdicts(_section(title), ["refuted"])
        values = [Fraction(v) for w in witnesses for k, v in w.items() if k.startswith(letter)]
        assert values and all(v in (0, 1) for v in values), witnesses


def test_a_name_bounded_in_an_ended_sentence_is_no_function():
    for title, letter in (("Scope", "a"), ("Scope in an interval", "c")):
        witnesses = assert_block_verdicts(_section(title), [CONFIRMED, "refuted"])
        assert any(letter in w for w in witnesses), witnesses


@pytest.mark.parametrize("text, transposed", [
    (r"w^{\mathsf T} x", "w"), (r"x^{\rm T} y", "x"), (r"\theta^\top x", "theta"), (r"\theta^T x", "theta"),
    (r"\mu^{T} \Sigma^{-1} \mu", "mu"), (r"\phi^{\intercal} v", "phi"), (r"\theta^T \phi(x)", "theta"),
])
def test_a_transpose_mark_transposes(text, transposed):
    expr = parse_latex(text)
    assert any(str(f.args[0]) == transposed for f in expr.atoms(sp.Function) if f.func.__name__ == "transpose"), expr


@pytest.mark.parametrize("text, power", [
    (r"\frac{m}{1 - \beta^T}", "beta**T"), (r"\gamma^T r_T", "gamma**T"), (r"\beta^T (1 - \beta)", "beta**T"),
    (r"\sum_{t=1}^{T} \gamma^T x", "gamma**T"),
])
def test_a_bare_T_on_a_greek_value_stays_a_power(text, power):
    assert power in str(parse_latex(text)), parse_latex(text)


def test_a_run_of_capitals_written_alone_is_their_product():
    for text, names in ((r"(ABCDE)^T = E^T D^T C^T B^T A^T", "ABCDE"), (r"(XYZ)^{-1} = Z^{-1} Y^{-1} X^{-1}", "XYZ")):
        chain = parse_latex(text)
        assert {s.name for e in chain.exprs for s in e.free_symbols} == set(names), chain
    blocks = _section("Transposes")
    assert_block_verdicts(blocks, [HOLDS, CONFIRMED])


def test_a_condition_in_a_sentence_without_a_claim_holds_for_the_section():
    assert_block_verdicts(_section("Model"), [CONFIRMED])
    assert_block_verdicts(_section("Claim's own"), [CONFIRMED, "undecided"])


def test_a_count_with_what_it_counts_holds_for_the_section():
    assert_block_verdicts(_section("Count"), [CONFIRMED, CONFIRMED])
