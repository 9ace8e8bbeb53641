"""Classes of correct blocks that were refuted (false alarms), each with a hand-written example unlike the
corpus block that revealed it (tests/corpus/notes/FALSE_ALARMS.md), and a wrong block the fix still refutes."""
import sympy as sp

import derivations.checker.ladder as ladder
from derivations.checker.verdict import Verdict
from readers.notes.check import check_notes


def check(text):
    return check_notes(text, path="<test>", budget=5.0)


def verdicts(text):
    return [b.verdict for b in check(text).blocks if b.steps]


def test_the_differential_of_an_integral_is_not_a_defined_name():
    # ``\;dt = ...`` once read as a definition of the word dt, which made d/dt a product d*v*t/dt
    text = ("$$\\int_0^1 g(t) \\;dt = G(1) - G(0)$$\n\nLet $v(t) = t^3 + t$. Then\n\n"
            "$$\\frac{dv}{dt}(t) = 3t^2 + 1$$\n\nand not\n\n$$\\frac{dv}{dt}(t) = 3t^2$$")
    *_, right, wrong = check(text).blocks
    assert right.verdict == "proved", right.steps
    assert wrong.verdict == "refuted" and wrong.steps[0].counterexample


def test_two_bare_names_set_equal_are_not_an_identity():
    # a chain of names for one quantity with its value: ``\kappa = q_m`` is not an identity of two variables
    (block,) = check("$$\\kappa = q_{m} = \\tilde{s} = 4$$").blocks
    assert block.verdict != "refuted", block.steps
    assert verdicts("$$(\\kappa + q_{m})^2 = \\kappa^2 + q_{m}^2$$") == ["refuted"]  # expressions are still checked


def test_a_narrower_domain_that_is_not_decided_leaves_the_claim_undecided(monkeypatch):
    # ``a b < a + b + 1`` fails for some reals; on a, b in (0, 1) it holds: when that second check cannot finish (a
    # timeout under load), the claim is undecided, not refuted
    real = ladder.check_step

    def slow_on_narrow_domains(step, budget):
        if step.assumptions:
            return Verdict("undecided", method="timeout after 5.0 s", reason="numeric: timeout after 5.0 s")
        return real(step, budget=budget)

    monkeypatch.setattr(ladder, "check_step", slow_on_narrow_domains)
    (block,) = check("One can show that $$a b < a + b + 1$$").blocks
    assert block.verdict == "undecided" and "ran out of budget" in block.steps[0].reason
    monkeypatch.setattr(ladder, "check_step", real)
    (block,) = check("One can show that $$a b < a + b + 1$$").blocks
    assert block.verdict == "undecided"  # holds where a, b in (0, 1) (or, under load, not decided there)
    assert verdicts("One can show that $$a^2 + b^2 < a b$$") == ["refuted"]  # fails on every narrower domain too


def test_a_repeated_index_is_read_with_einstein_summation_when_the_literal_reading_fails():
    # literally c_ij x_j = c_il x_l fails (j and l are different free indices); summed over j and l it holds
    claim = "$$c_{ij} x_{j} = x_{l} c_{il}$$"
    (stated,) = check("With the summation convention (Einstein notation):\n\n" + claim).blocks
    assert stated.verdict in ("proved", "verified"), stated.steps
    assert any("Einstein" in a for a in stated.steps[0].assumptions)
    (silent,) = check(claim).blocks
    assert silent.verdict == "undecided" and "ambiguous" in silent.steps[0].reason
    wrong = "$$c_{ij} x_{j} = 2 x_{l} c_{il}$$"  # fails on both readings
    assert verdicts("Using the Einstein convention, we get\n\n" + wrong) == ["refuted"]


def test_a_property_declared_for_a_plain_letter_holds_for_its_bold_form():
    # "take $Q$ to be an *orthogonal matrix*" (emphasis, "to be"), then the formulas write \mathbf{Q}
    claim = "$$\\mathbf{Q}^\\top \\mathbf{Q} \\mathbf{v} = \\mathbf{v}$$"
    (_, block) = check("Here we take $Q$ to be an *orthogonal matrix*. Then\n\n" + claim).blocks
    assert block.verdict in ("proved", "verified"), block.steps
    (free,) = check(claim).blocks
    assert free.verdict not in ("proved", "verified")  # an arbitrary Q: not an identity


def test_one_letter_in_two_typefaces_is_ambiguous_not_two_matrices():
    # M and \mathbf{M} in one claim: as two matrices the gradient fails, as one matrix it holds
    right = "$$\\frac{d}{d\\mathbf{y}}(\\mathbf{c}^\\top M \\mathbf{y}) = \\mathbf{M}^\\top \\mathbf{c}$$"
    (block,) = check(right).blocks
    assert block.verdict == "undecided" and "ambiguous" in block.steps[0].reason, block.steps
    wrong = "$$\\frac{d}{d\\mathbf{y}}(\\mathbf{c}^\\top M \\mathbf{y}) = \\mathbf{M} \\mathbf{c}$$"  # fails both ways
    assert verdicts(wrong) == ["refuted"]


def test_two_sides_in_disjoint_names_are_a_change_of_variables():
    # u = log t, v = t^2 are stated in a form the checker does not read; the two sides share no name
    text = ("Write the parameters as $\\begin{bmatrix} u \\\\ v \\end{bmatrix} = "
            "\\begin{bmatrix} \\log t \\\\ t^2 \\end{bmatrix}$, so that\n\n$$2\\log t + t^2 = 2 u + v$$")
    block = check(text).blocks[-1]
    assert block.verdict == "undecided" and "share no name" in block.steps[0].reason, block.steps
    assert verdicts("$$2\\log t + t^2 = 2 \\log t + t$$") == ["refuted"]  # shared names: still checked


def test_the_gradient_of_a_defined_function_is_a_claim_about_it():
    # R(v) defined in prose; \nabla_v R(v) = ... is then a claim (read in matrix algebra), not a new definition
    text = "We write $R(v) = \\|A v - b\\|^2$.\n\n$$\\nabla_v R(v) = {}$$"
    right = check(text.replace("{}", "2 A^\\top (A v - b)")).blocks[-1]
    assert right.role == "claim" and right.verdict in ("proved", "verified"), right.steps
    wrong = check(text.replace("{}", "A^\\top (A v - b)")).blocks[-1]
    assert wrong.verdict == "refuted" and wrong.steps[0].counterexample


def test_the_norm_of_a_matrix_is_checked_in_both_readings():
    # ||B||^2 of a matrix: its gradient is 2B for the Frobenius norm, not for the spectral norm: ambiguous
    (both,) = check("$$\\frac{d}{d\\mathbf{B}} \\|\\mathbf{B}\\|^2 = 2\\mathbf{B}$$").blocks
    assert both.verdict == "undecided" and "ambiguous" in both.steps[0].reason, both.steps
    wrong = "$$\\frac{d}{d\\mathbf{B}} \\|\\mathbf{C} - \\mathbf{B}\\|^2 = 2(\\mathbf{C} - \\mathbf{B})$$"  # sign lost
    (block,) = check(wrong).blocks
    assert block.verdict == "refuted" and block.steps[0].counterexample and "both readings" in block.steps[0].reason


def test_a_recurrence_sets_its_steps_not_the_plain_name():
    # z_t = z_{t-1} - eta g_t sets z_1, z_2, ...; a later q(z) in the plain z is an ordinary claim
    text = ("$$\\mathbf{z}_t = \\mathbf{z}_{t-1} - \\eta \\mathbf{g}_t$$\n\nConsider\n\n"
            "$$q(\\mathbf{z}) = \\mathbf{z}^\\top \\mathbf{z} + 2\\mathbf{a}^\\top \\mathbf{z}$$\n\nso that\n\n"
            "$$q(\\mathbf{z}) = (\\mathbf{z} {} \\mathbf{a})^\\top (\\mathbf{z} {} \\mathbf{a}) - \\mathbf{a}^\\top \\mathbf{a}$$")
    right = check(text.replace("{}", "+")).blocks[-1]
    assert right.verdict in ("proved", "verified"), right.steps
    wrong = check(text.replace("{}", "-")).blocks[-1]
    assert wrong.verdict == "refuted" and wrong.steps[0].counterexample
    in_place = check("$$W = W - \\alpha G$$\n\n$$W = 2 W$$").blocks[-1]  # an update in place: W is assigned
    assert in_place.verdict != "refuted"


def test_a_local_example_stands_for_its_value_in_the_displays_that_follow():
    # "take $V = cU - d$" after V was used: V is the example's value in the next displays, inside functions too
    # (Cov(U, cU - d) = c Var(U) by bilinearity; by hand)
    text = ("# Linear maps\n\nLet $U$ and $V$ be random variables.\n\n"
            "As an example, take $V = cU - d$ for constants $c, d$. Then\n\n"
            "$$\\mathrm{Var}(V) = c^2 \\mathrm{Var}(U),$$\n\n"
            "$$\\mathrm{Cov}(U, V) = \\mathrm{Cov}(U, cU - d) = c\\,\\mathrm{Var}(U).$$\n")
    blocks = check(text).blocks
    assert [b.verdict for b in blocks if b.kind == "display"][-1] == "proved", blocks[-1].steps
    assert not any(b.verdict == "refuted" for b in blocks)


def test_a_name_first_written_inside_a_chain_is_not_refuted():
    # tau_{2U} appears here for the first time: as a claim "tau_{2U} = 2 tau_U" has nothing to refute
    (block,) = check("# S\n\n$$\\tau_{W} = \\tau_{2U} = 2\\tau_{U}$$\n").blocks
    assert block.verdict != "refuted", block.steps
    # a name defined before is still checked: after tau_U = 2s, "tau_U = 3s" is refuted (s = 1)
    *_, wrong = check("# S\n\n$$\\tau_U = 2s$$\n\n$$\\tau_{W} = \\tau_{U} = 3s$$\n").blocks
    assert wrong.verdict == "refuted"


def test_a_derivative_applied_to_a_derivative_may_be_the_operator():
    # "the derivative of dg/dt is d^2g/dt^2 = dg/dt (dg/dt)": operator notation, or g' composed with g'
    text = ("# A\n\n$$g(t) = t^3$$\n\n# D\n\nDifferentiate $g$ once more: the rate of change of $\\frac{dg}{dt}$ is "
            "$\\frac{d^2g}{dt^2} = \\frac{dg}{dt}\\left(\\frac{dg}{dt}\\right)$, the second derivative.\n")
    *_, block = check(text).blocks
    assert block.verdict == "undecided" and "ambiguous" in block.steps[0].reason, block.steps
