r"""Everyday notes read as their authors mean them (issue 12, scope47), by class, each failing on main.

**An equation that names a locus, or that the prose poses to be solved, is an equation** (readers.notes.loci).
"Problem 2. The curve $$x^2 + y^2 = 5y^2 - 20y + 25$$ is a hyperbola." was refuted at x = y = 1/2: the relation holds
at the curve's points, not for all x, y.  The same for the circle, the plane, the line, the level set, "the set of
points with", "the points that satisfy", "the solutions of", "Find $x$ with", and a block followed by "is a
hyperbola" / "has two real roots".  A step after it is checked as following from it; words that make the noun no
locus ("the next line", "the area under the curve", "$f$ satisfies" about a defined f) leave a wrong claim refuted.

**A value named in passing holds in its sentence only** (readers.notes.passing_examples): "at $z = 0$ both labels
give $\log 2$. One more identity I used: $$\frac{d}{dz}\log\sigma(z) = \sigma(z)$$" was *proved* at the example
z = 0, where the slip happens to hold.  An example after "at"/"when" whose sentence goes on is its sentence's; a
block the prose calls an identity is read at no example.  "At $q = 2$, $$\frac{d}{dq} q^2 = 4$$" still holds there.
"For $t = 1$ this becomes $$L(u) = -\log(1 - u)$$" with ``t \in \{0, 1\}`` was undecided (it holds at t = 0, and
"as a new definition of L"): the example picks its case of the finite set, and "this becomes / reduces to" says
the block restates the loss above, so the slip is refuted at t = 1.  "Setting $h'(a) = 0$ gives $$a^* = \frac{c}{1 + \mu}$$" was a definition of a new name
``a^*``: the star names the solution of the equation in ``a`` (readers.notes.solved_values ``unstarred``), proved;
a wrong one is never confirmed.

**A closed form of a recurrence whose sequence the chain defines** (``w_k = (1 - \eta a)^k w_0`` after ``w_{k+1} =
w_k - \eta a w_k = (1 - \eta a) w_k``) was refuted with ``w_0, w_1`` free: it is checked with the recurrence, and the
slipped ``(1 - \eta a)^{k+1} w_0`` is refuted with a counterexample the recurrence satisfies; a closed form from the
first step is proved by induction (readers.notes.induction), and a slipped unrolled sum with the start given is
refuted with the inputs given values (constant, else ``g_1 = 1, g_2 = 2, ...``), which left it undecided before.  The
sum ``G_t = \sum_{k=0}^\infty \gamma^k r_{t+k+1}`` after ``G_t = r_{t+1} + \gamma G_{t+1}`` (ambiguous: "as a new
definition of G_t") solves that backward recurrence: proved, with the vanishing tail as its stated assumption.

**Events of a variable with a stated law** (``P(N = 0) = e^{-2}`` after ``N \sim \mathrm{Poisson}(2)``: "unknown
functions: event_eq"; ``P(X > t) = e^{-\lambda t}`` after ``X \sim \mathrm{Exp}(\lambda)`` read as a definition of P)
are the law's mass summed or its density integrated over the event (readers.notes.law_densities ``probability``),
a tail's threshold inside the support (``t \ge 0``), a conditional event the ratio of two: the memoryless
``P(X > s + t \mid X > s) = P(X > t)`` is proved, the slipped ``P(X > t) = 1 - e^{-\lambda t}`` refuted.

**A limit whose value depends on the sign of a parameter** (``\lim_{t\to\infty} g\frac{1-\beta^t}{1-\beta}``, sympy:
"depends on the sign of sign(log(beta))") failed inside the checker: under ``0 < \beta < 1`` it is taken with the
interval built in (derivations.checker.strategies.interval_limits) and proved; a slipped one is refuted.
"""
import pytest
import sympy as sp

from derivations.checker.strategies.interval_limits import limit_within
from derivations.checker.ladder import prepare
from derivations.checker.step import Step
from derivations.checker.strategies.limit import two_sided_limit
from derivations.checker.strategies.symbolic import prove_symbolically
from readers.notes.definition_cues import RESTATEMENT
from readers.notes.loci import locus_cue
from tests.readers.notes.checked import CONFIRMED, HOLDS, assert_block_verdicts, checked_blocks

B = sp.Symbol("b", real=True)

LOCI = r"""# A

Problem 2. The curve $$x^2 + y^2 = 5y^2 - 20y + 25$$ is a hyperbola.

# B

Consider the circle $$a^2 + b^2 = 6b - 5$$ of radius 2. Completing the square,
$$a^2 + (b - 3)^2 = 4$$

# L

The area under the curve $$\int_0^h t^2 \, dt = \frac{h^3}{2}$$ is easy.

# M

Let $$f(x) = e^{x}$$ Then $f$ satisfies $$f(x + y) = f(x) + f(y)$$
"""


def test_an_equation_naming_a_locus_is_no_identity_and_a_slip_near_such_words_stays_refuted():
    blocks = checked_blocks(LOCI)
    assert_block_verdicts(blocks, [HOLDS, HOLDS, CONFIRMED, "refuted", "refuted"])
    for b in blocks[:3]:
        if b.line != 8:  # the step after the circle: it follows from it
            assert b.role == "equation" and b.verdict == "undecided", (b.line, b.role, [s.reason for s in b.steps])


PASSING = r"""# N

The cube is easy: at $s = 1$ it equals one. Its slope:

$$\frac{d}{ds} s^3 = 3s$$

# O

At $q = 2$, $$\frac{d}{dq} q^2 = 4$$

# P2

Take $m = 2$. The identity

$$\frac{d}{dm} m^2 = 2 m^2 - 4$$

# Q

With label $t \in \{0, 1\}$ the loss is
$$L(u) = -t\log u - (1 - t)\log(1 - u)$$
For $t = 1$ this becomes
$$L(u) = -\log(1 - u)$$
and for $t = 0$ it reduces to
$$L(u) = -\log(1 - u)$$

# R

Minimise $$h(a) = (a - c)^2 + \mu a^2$$
$$h'(a) = 2(a - c) + 2\mu a$$
Setting $h'(a) = 0$ gives
$$a^* = \frac{c}{1 + \mu}$$

# S

Minimise $$k(b) = (b - c)^2 + \mu b^2$$
$$k'(b) = 2(b - c) + 2\mu b$$
Setting $k'(b) = 0$ gives
$$b^\star = \frac{c}{1 - \mu}$$
"""


def test_a_value_named_in_passing_or_before_an_identity_does_not_confirm_a_slip():
    """Each slip holds at the example's value only (3 s^2 = 3s at s = 1, 2m = 2m^2 - 4 at m = 2)."""
    witnesses = assert_block_verdicts(checked_blocks(PASSING), ["refuted", HOLDS, "refuted", "refuted", CONFIRMED,
                                                                CONFIRMED, HOLDS, CONFIRMED, CONFIRMED, HOLDS])
    assert witnesses[-1]["t"] == "1"  # the case the example picks of t in {0, 1}, read as a restatement
    assert blocks_at(PASSING, r"b^\star")[0].verdict not in CONFIRMED  # a wrong solution is never confirmed


def blocks_at(text, snippet):
    line = next(k + 1 for k, row in enumerate(text.splitlines()) if snippet in row)
    return [b for b in checked_blocks(text) if b.line == line] or [type("Unread", (), {"verdict": "no claim"})]


@pytest.mark.parametrize("before, restates", [
    ("For $y = 1$ this becomes", True), ("and for $t = 0$ it reduces to", True), ("which simplifies to:", True),
    ("we see that this is", True), ("the loss becomes large when", False), ("Define", False),
])
def test_words_that_restate_what_was_just_discussed(before, restates):
    assert (RESTATEMENT.search(before) is not None) == restates


@pytest.mark.parametrize("before, after, names, cued", [
    ("Problem 2. The curve", "", "xy", True),
    ("Consider the circle", "of radius 2", "ab", True),
    ("The set of points $(u, v)$ with", "", "uv", True),
    ("The solutions of", "", "t", True),
    ("the level set", "", "xy", True),
    ("the decision boundary given by", "", "wb", True),
    ("the equation of the ellipse", "", "xy", True),
    ("Find all $x$ such that", "", "x", True),
    ("where $x$ and $y$ satisfy", "", "xy", True),
    ("", "is a parabola with vertex at 0", "rs", True),
    ("", ", which is the equation of a plane", "pqr", True),
    ("In the next line,", "", "cd", False),
    ("the area under the curve", "", "h", False),
    ("The radius of the circle", "", "r", False),
    ("Then $f$ satisfies", "", "xy", False),  # f is no name of the relation: a property of f
    ("The sigmoid satisfies", "", "z", False),
    ("", "is the first line of the proof", "ab", False),
])
def test_the_words_that_name_a_locus(before, after, names, cued):
    assert (locus_cue(before, after, set(names)) is not None) == cued


RECURRENCES = r"""# Gradient descent on a quadratic

Gradient descent on $f(w) = \frac{a}{2} w^2$ gives
$$w_{k+1} = w_k - \eta a w_k = (1 - \eta a) w_k$$
so
$$w_k = (1 - \eta a)^k w_0$$

# The same with a slip

On $g(u) = \frac{\lambda}{2} u^2$ the iterates are
$$u_{t+1} = u_t - \alpha \lambda u_t = (1 - \alpha\lambda) u_t$$
hence
$$u_t = (1 - \alpha \lambda)^{t+1} u_0$$

# Momentum with a slip

Start at $s_0 = 0$ and average
$$s_n = \rho s_{n-1} + (1-\rho) x_n$$
so that
$$s_n = (1-\rho)\sum_{j=1}^n \rho^{j} x_j$$

# Returns

The return satisfies
$$G_t = r_{t+1} + \gamma G_{t+1}$$
Unrolling,
$$G_t = \sum_{k=0}^\infty \gamma^k r_{t+k+1}$$
"""


def test_a_closed_form_of_a_defined_recurrence_is_checked_with_it():
    blocks = checked_blocks(RECURRENCES)
    witnesses = assert_block_verdicts(blocks, ["proved", "proved", "proved", "refuted", "refuted", "proved"])
    assert any("tends to 0" in a for a in blocks[5].steps[0].assumptions)  # the solution of G's recurrence meant
    assert "u[1]" not in witnesses[0]  # the sequence run by its recurrence, not its steps as free values
    assert blocks[1].steps[0].method.startswith("by induction")
    rho, x, step = float(witnesses[1]["rho"]), witnesses[1], int(witnesses[1]["at"].split()[-1])
    s_n = 0.0  # the recurrence run by hand from s_0 = 0 with the inputs the witness gives
    for j in range(1, step + 1):
        s_n = rho * s_n + (1 - rho) * float(x[f"x[{j}]"])
    claimed = (1 - rho) * sum(rho ** j * float(x[f"x[{j}]"]) for j in range(1, step + 1))
    assert abs(s_n - claimed) > 1e-9


def test_a_limit_under_an_interval_condition_is_resolved_before_the_rungs():
    r"""``prepare`` takes ``\lim_{t\to\infty} g(1-\beta^t)/(1-\beta)`` under 0 < beta < 1 and 0 <= beta < 1 (sympy
    alone: "depends on the sign of sign(log(beta))"); beta <= 1 leaves the limit to the rungs, whose symbolic rung
    says why it is undecided instead of failing."""
    g, t = sp.symbols("g t", real=True)
    limit = sp.Limit(g * (1 - B ** t) / (1 - B), t, sp.oo)
    taken = prepare(Step(limit, g / (1 - B), assumptions=(B > 0, B < 1)))
    assert not taken.lhs.has(sp.Limit) and sp.simplify(taken.lhs - g / (1 - B)) == 0
    taken = prepare(Step(limit, g / (1 - B), assumptions=(B >= 0, B < 1)))  # at beta = 0 the same value, g
    assert not taken.lhs.has(sp.Limit) and sp.simplify(taken.lhs - g / (1 - B)) == 0
    assert prepare(Step(limit, g / (1 - B), assumptions=(B > 0, B <= 1))).lhs.has(sp.Limit)
    verdict = prove_symbolically(Step(limit, g / (1 - B), assumptions=(B > 0, B <= 1)), 5.0)
    assert verdict is None or verdict.kind == "undecided"


LAWS = r"""# Counts

Let $N \sim \mathrm{Poisson}(2)$. Then
$$P(N = 0) = e^{-2} \approx 0.135$$
and
$$P(N = 1) = e^{-2}$$

# Waiting times

Let $X \sim \mathrm{Exp}(\lambda)$. Then
$$P(X > t) = e^{-\lambda t}$$
and it is memoryless:
$$P(X > s + t \mid X > s) = P(X > t)$$

# A slip

Let $Y \sim \mathrm{Exp}(\mu)$. Then
$$P(Y > u) = 1 - e^{-\mu u}$$
"""


def test_an_event_of_a_variable_with_a_stated_law_is_its_mass_or_its_integral():
    blocks = checked_blocks(LAWS)
    witnesses = assert_block_verdicts(blocks, [CONFIRMED, "refuted", CONFIRMED, CONFIRMED, "refuted"])
    assert float(witnesses[1]["u"]) >= 0 and float(witnesses[1]["mu"]) > 0  # inside the support and the domain


@pytest.mark.parametrize("f, bounds, value", [
    ("g*(1 - b**t)/(1 - b)", (sp.Integer(0) < B, B < 1), "g/(1 - b)"),
    ("b**(-t)", (B > 1,), "0"),
    ("t*b**t", (B > 0, B < 1), "0"),
    ("(1 + b)**t / 2**t", (B < 1, B > -1), "0"),
    ("g*(1 - b**t)/(1 - b)", (B >= 0, B < 1), "g/(1 - b)"),  # a closed end where the value inside holds too
])
def test_a_limit_that_depends_on_the_sign_of_a_parameter_is_taken_inside_its_stated_interval(f, bounds, value):
    t = sp.Symbol("t")
    found = limit_within(sp.sympify(f, locals={"b": B}), t, sp.oo, "-", bounds, two_sided_limit)
    assert found is not None and sp.simplify(found - sp.sympify(value, locals={"b": B})) == 0, found


def test_a_closed_end_is_not_built_in_where_the_limit_there_is_another():
    """At beta = 1 the limit is another (g t grows): a bound that admits it decides nothing."""
    t = sp.Symbol("t")
    f = sp.sympify("g*(1 - b**t)/(1 - b)", locals={"b": B})
    assert limit_within(f, t, sp.oo, "-", (B >= 0, B <= 1), two_sided_limit) is None
