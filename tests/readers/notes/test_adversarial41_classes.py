"""Wrong verdicts that adversarial_round19.md (adversarial round 19 of the step checker, branch adversary41) found in
notes, by class, each with blocks unlike the corpus ones that revealed them."""
import sympy as sp

from tests.readers.notes.checked import CONFIRMED, assert_block_verdicts, checked_blocks

# The solutions of an implication's premise (x^2 = 4 => x = 2 is checked at x = -2 and x = 2) ignored the conditions
# the prose states: after "For $x > 0$" the case x = -2 refuted a right claim with a counterexample outside them.
PREMISE_UNDER_PROSE = r"""
# Roots

For $t > 0$ the square root is the only root:

$$
t^2 = 9 \implies t = 3
$$

Let $s < 0$.

$$
s^2 = 1 \iff s = -1
$$

## Without a condition

$$
u^2 = 9 \implies u = 3
$$
"""


def test_a_premise_is_solved_under_the_conditions_the_prose_states():
    witnesses = assert_block_verdicts(checked_blocks(PREMISE_UNDER_PROSE), [CONFIRMED, CONFIRMED, "refuted"])
    assert any("-3" in str(w) for w in witnesses), witnesses


# A condition restated with one of its bounds left out ("For $x > 0$:" after "For $0 < x < 1$") kept the old bound,
# so a claim that holds on (0, 1) only was verified as the author's claim for every x > 0; the restatement may mean
# the wider domain, and a confirmation must now hold there too
RESTATED_WIDER = r"""
# Powers

For $0 < r < 1$ the cube is smaller:

$$
r^3 \le r
$$

For $r > 0$:

$$
r^3 \le r
$$

$$
r \le r^2 + 1
$$
"""


def test_a_confirmation_holds_in_the_wider_domain_a_restated_condition_may_mean():
    """Never confirmed under the narrower 0 < r < 1 after "For $r > 0$:".  Since stop 44 a condition whose sentence
    says more ("For $0 < r < 1$ the cube is smaller:") ends with that sentence (readers.notes.condition_scope), so the
    restatement is read alone: r^3 <= r for r > 0 is refuted, at an r > 1 that the stated r > 0 admits."""
    blocks = checked_blocks(RESTATED_WIDER)
    witnesses = assert_block_verdicts(blocks, [CONFIRMED, ("undecided", "refuted"), CONFIRMED])
    assert all(float(sp.sympify(w["r"])) > 1 for w in witnesses), witnesses


# A name defined in prose ("With $u = x^2$") was substituted into the variable an integral binds, so
# \int_0^4 e^u du became an integral over x^2 (an internal error: every substitution step was left unchecked); a bound
# variable shadows the definition of its name
BOUND_SHADOWS = r"""
# Substitution

Put $v = t^3$, so $dv = 3t^2 \, dt$:

$$
\int_0^1 3t^2 \cos(t^3) \, dt = \int_0^1 \cos(v) \, dv = \sin 1
$$

$$
\int_0^2 3t^2 \cos(t^3) \, dt = \int_0^2 \cos(v) \, dv
$$

$$
\sum_{v=1}^{3} v = 6
$$
"""


def test_a_variable_an_integral_or_sum_binds_shadows_a_definition_of_its_name():
    assert_block_verdicts(checked_blocks(BOUND_SHADOWS), [CONFIRMED, "refuted", CONFIRMED])


# \begin{theorem} and \begin{proof} in Markdown were read as one unparsable display, so every formula inside was lost;
# and a short sentence that runs into a display ("The induction step reads") was taken for a title, which ended the
# section and dropped its conditions (the step was refuted at n = 1/2 after "for every integer n >= 1")
THEOREM_IN_MARKDOWN = r"""
# Induction

\begin{theorem}
For every integer $m \ge 1$,
$$
\sum_{k=1}^{m} (2k - 1) = m^2
$$
\end{theorem}

\begin{proof}
The step reads
$$
m^2 + (2m + 1) = (m + 1)^2
$$
and a careless one
$$
m^2 + 2m = (m + 1)^2 - 2
$$
\end{proof}
"""


def test_theorem_and_proof_environments_in_markdown_are_prose_around_their_formulas():
    witnesses = assert_block_verdicts(checked_blocks(THEOREM_IN_MARKDOWN), [CONFIRMED, CONFIRMED, "refuted"])
    assert all(float(w.get("m", 1)) >= 1 for w in witnesses), witnesses
