r"""Refutations of facts stated about a density the notes define (readers.notes.density_facts, with the
rules of readers.notes.density_trust).

Every note here is made up (no corpus text).  For each path a fact can be refuted by (a statistic, a
function of an argument, a point of the support; support stated by conditions or by the section's
``F``; with or without shape parameters), the wrong note must be refuted with a counterexample naming
the parameters and both values, and the right note must not be refuted.  The adversarial notes are
correct mathematics that a careless refuter would flag: none may be refuted.
"""
from __future__ import annotations

import pytest
import sympy as sp

from readers.notes.check import check_notes
from readers.notes.density_trust import REFUTE_TOL, conditions_allow, far, stated_support, subject_change


def _block(text: str, needle: str):
    report = check_notes(text)
    found = [b for b in report.blocks if needle in b.source]
    assert found, f"no block with {needle!r}"
    return found[-1]


_RATE = """# Sheet

## Exponential waiting times

For $x \\geq 0$ and $\\lambda > 0$ the density is

$$
f\\left(x;\\lambda\\right) = \\lambda e^{{-\\lambda x}}
$$

$$
{fact}
$$
"""

_RAMP = """# Sheet

## A ramp on the unit interval

The support is $0 \\le x \\le 1$.

$$
f\\left(x\\right) = 2x
$$

$$
{fact}
$$
"""

_CUBIC = """# Sheet

## A cubic law

For $0 \\le x \\le 1$:

$$
\\begin{{eqnarray*}} f\\left(x\\right) & = & 3x^{{2}}\\\\
F\\left(x\\right) & = & {fact}\\end{{eqnarray*}}
$$
"""

_TAIL = """# Sheet

## A heavy tail

For $x \\geq 1$ and $b > 0$:

$$
\\begin{{eqnarray*}} f\\left(x;b\\right) & = & \\frac{{b}}{{x^{{b+1}}}}\\\\
G\\left(q;b\\right) & = & {fact}\\end{{eqnarray*}}
$$
"""

_HALF = """# Sheet

## Folded standard normal

The absolute value of a standard normal variable.

$$
\\begin{{eqnarray*}} f\\left(x\\right) & = & \\sqrt{{\\frac{{2}}{{\\pi}}}}e^{{-x^{{2}}/2}}\\\\
F\\left(x\\right) & = & 2\\Phi\\left(x\\right)-1\\end{{eqnarray*}}
$$

$$
{fact}
$$
"""

_WITH_CDF = """# Sheet

## Exponential with its distribution function

Here $c > 0$.

$$
\\begin{{eqnarray*}} f\\left(x;c\\right) & = & c e^{{-c x}}\\\\
F\\left(x;c\\right) & = & 1 - e^{{-c x}}\\end{{eqnarray*}}
$$

$$
{fact}
$$
"""

PATHS = {
    # name: (template, right fact, wrong fact, needle)
    "mean, shape parameter, support by condition": (_RATE, "\\mu = \\frac{1}{\\lambda}",
                                                    "\\mu = \\frac{2}{\\lambda}", "\\mu ="),
    "variance read centrally or raw (both fail)": (_RATE, "\\mu_{2} = \\frac{1}{\\lambda^{2}}",
                                                   "\\mu_{2} = \\frac{1}{\\lambda}", "\\mu_{2}"),
    "skewness": (_RATE, "\\gamma_{1} = 2", "\\gamma_{1} = 3", "\\gamma_{1}"),
    "kurtosis (excess and plain both fail)": (_RATE, "\\gamma_{2} = 6", "\\gamma_{2} = 4", "\\gamma_{2}"),
    "median": (_RATE, "m_{n} = \\frac{\\log 2}{\\lambda}", "m_{n} = \\frac{1}{2\\lambda}", "m_{n}"),
    "mode": (_RATE, "m_{d} = 0", "m_{d} = \\frac{1}{\\lambda}", "m_{d}"),
    "entropy without parameters, support by conditions": (_RAMP, "h\\left[X\\right] = \\frac{1}{2} - \\log 2",
                                                          "h\\left[X\\right] = \\log 2 - \\frac{1}{2}", "h\\left"),
    "distribution function, support by conditions": (_CUBIC, "x^{3}", "x^{2}", "3x^{2}"),
    "quantile with a shape parameter": (_TAIL, "\\left(1-q\\right)^{-1/b}", "\\left(1-q\\right)^{-b}", "G\\left"),
    "generating function, support by F": (_WITH_CDF, "M\\left(t\\right) = \\frac{c}{c - t}",
                                          "M\\left(t\\right) = \\frac{1}{c - t}", "M\\left"),
    "entropy approximated, support by F": (_HALF, "h\\left[X\\right] \\approx 0.7257913526",
                                           "h\\left[X\\right] \\approx 1.4189385332", "h\\left"),
}


@pytest.mark.parametrize("name", sorted(PATHS))
def test_a_wrong_fact_is_refuted_with_parameters_and_both_values(name):
    template, _, wrong, needle = PATHS[name]
    block = _block(template.format(fact=wrong), needle)
    assert block.verdict == "refuted", block.steps
    step = next(s for s in block.steps if s.verdict == "refuted")
    witness = step.counterexample
    assert witness and "stated" in witness and "computed" in witness, step
    stated, computed = float(witness["stated"]), float(witness["computed"])
    assert abs(stated - computed) > REFUTE_TOL * max(1.0, abs(stated), abs(computed))
    parameter = {_RATE: "lambda", _TAIL: "b", _WITH_CDF: "c"}.get(template)
    if parameter is not None:  # every shape parameter here is stated positive
        assert float(witness[parameter]) > 0, witness


@pytest.mark.parametrize("name", sorted(PATHS))
def test_the_right_fact_is_not_refuted(name):
    template, right, _, needle = PATHS[name]
    block = _block(template.format(fact=right), needle)
    assert block.verdict in ("proved", "verified"), block.steps


def test_plain_kurtosis_written_as_gamma_2_is_not_refuted():
    block = _block(_RATE.format(fact="\\gamma_{2} = 9"), "\\gamma_{2}")  # 6 excess, 9 plain
    assert block.verdict != "refuted", block.steps


def test_an_entropy_in_bits_is_not_refuted():
    bits = "h\\left[X\\right] = \\frac{1}{2\\log 2} - 1"  # (1/2 - ln 2) / ln 2
    assert _block(_RAMP.format(fact=bits), "h\\left").verdict != "refuted"


# ** correct notes a careless refuter would flag **

ADVERSARIAL = {
    "unnormalised density, its normaliser in the prose": """# Sheet

## Bell curve

Up to its normaliser $Z = \\sqrt{2\\pi}$, the density is

$$
f\\left(x\\right) = e^{-x^{2}/2}
$$

$$
\\begin{eqnarray*} \\mu_{2} & = & 1\\\\ h\\left[X\\right] & = & \\frac{1}{2}\\log\\left(2\\pi e\\right)\\end{eqnarray*}
$$
""",
    "support only the prose names (an interval in words)": """# Sheet

## Uniform between two and three

The variable is uniform on the interval from two to three, so

$$
f\\left(x\\right) = 1
$$

$$
\\begin{eqnarray*} \\mu & = & \\frac{5}{2}\\\\ \\mu_{2} & = & \\frac{1}{12}\\end{eqnarray*}
$$
""",
    "support only the prose names (an interval in a formula)": """# Sheet

## Uniform on a shifted interval

On $[2, 3]$ the density is

$$
f\\left(x\\right) = 1
$$

$$
\\mu = \\frac{5}{2}
$$
""",
    "parameterised by a scale": """# Sheet

## Exponential with a scale

For $x \\geq 0$ and scale $s > 0$:

$$
f\\left(x;s\\right) = \\frac{1}{s}e^{-x/s}
$$

$$
\\begin{eqnarray*} \\mu & = & s\\\\ \\mu_{2} & = & s^{2}\\\\ m_{n} & = & s\\log 2\\end{eqnarray*}
$$
""",
    "parameterised by a rate": """# Sheet

## Exponential with a rate

For $x \\geq 0$ and rate $r > 0$:

$$
f\\left(x;r\\right) = r e^{-r x}
$$

$$
\\begin{eqnarray*} \\mu & = & \\frac{1}{r}\\\\ \\mu_{2} & = & \\frac{1}{r^{2}}\\end{eqnarray*}
$$
""",
    "a fact about another law in the same section": """# Sheet

## Exponential

For $x \\geq 0$:

$$
f\\left(x\\right) = 2e^{-2x}
$$

The standard normal law, for comparison, has

$$
\\mu_{2} = 1
$$
""",
    "a fact about a sample of the law": """# Sheet

## Exponential

For $x \\geq 0$:

$$
f\\left(x\\right) = 2e^{-2x}
$$

The sum of four independent draws has

$$
\\mu = 2
$$
""",
    "a name with other meanings": """# Sheet

## Exponential

For $x \\geq 0$:

$$
f\\left(x\\right) = 2e^{-2x}
$$

$$
m = 7
$$
""",
}


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_correct_notes_that_look_wrong_are_not_refuted(name):
    report = check_notes(ADVERSARIAL[name])
    refuted = [b for b in report.blocks if b.verdict == "refuted"]
    assert not refuted, [(b.line, b.steps) for b in refuted]


def test_a_fact_stopped_by_a_rule_says_which_rule():
    # 2x integrates to 1 on [0, 1], a support no condition and no F states: the mean there is 2/3,
    # but the notes may mean another support, so a stated 5 is undecided, saying why
    block = _block("# Sheet\n\n## Ramp\n\n$$\nf\\left(x\\right) = 2x\n$$\n\n$$\n\\mu = 5\n$$\n", "\\mu =")
    assert block.verdict == "undecided", block.steps
    step = next(s for s in block.steps if s.lhs == "mu")
    assert "support" in step.reason, step


def test_a_condition_tying_a_parameter_to_an_unsampled_name_forbids_refuting():
    lam, k, x = sp.symbols("lambda k x")
    usable, stop = conditions_allow([sp.Gt(lam, k), sp.Ge(x, 0)], x, [lam], {lam: 2.5})
    assert not usable and "k" in stop
    usable, stop = conditions_allow([sp.Gt(lam, 0), sp.Ge(x, 0)], x, [lam], {lam: 2.5})
    assert usable and stop is None
    usable, stop = conditions_allow([sp.Gt(lam, 3)], x, [lam], {lam: 2.5})  # this point is skipped
    assert not usable and stop is None


def test_a_support_is_stated_by_bounds_on_the_variable_or_by_f():
    x = sp.Symbol("x")
    unit = (sp.Integer(0), sp.Integer(1))
    assert stated_support(x, unit, [sp.Le(0, x), sp.Le(x, 1)], False)
    assert stated_support(x, unit, [sp.Ge(x, 0)], False) is None  # [0, oo) stated, [0, 1] found
    assert stated_support(x, unit, [], False) is None
    assert stated_support(x, unit, [], True)  # the section's F was checked on [0, 1]
    assert stated_support(x, (sp.Integer(1), sp.oo), [sp.Ge(x, 1)], False)


def test_far_needs_a_gap_beyond_rounding_and_the_written_digits():
    assert far(2.0, 1.0, None) and not far(1.0, 1.0 + REFUTE_TOL / 2, None)
    assert not far(1.5772156649, 1.5772, 4)  # a truncated constant is never refuted
    assert far(1.5772156649, 1.0608, 4)


def test_a_change_of_subject_in_the_prose_is_seen():
    assert subject_change("The normal law, by contrast, has", "Exponential") is not None
    assert subject_change("where $\\psi_m$ is the polygamma function $\\psi_m(z)$.", "Logistic") is None
    assert subject_change("", "Gamma") is None


# ** a function called a density that is none (readers.notes.density_facts.unnormalised) **

_CALLED = """# Sheet

## Heavy tails

Here is a law with tails heavier than any exponential. It has p.d.f. given by

$$
p(x) = {body}
$$

Its quartiles are at minus one and one.
"""


def test_a_function_called_a_density_that_integrates_to_pi_is_refuted():
    block = _block(_CALLED.format(body="\\frac{1}{1+x^2}"), "p(x)")
    assert block.verdict == "refuted", block.steps
    witness = block.steps[0].counterexample
    assert abs(float(witness["computed"]) - 3.141592653589793) < 1e-9 and witness["stated"] == "1"


def test_the_normalised_function_called_a_density_is_not_refuted():
    assert _block(_CALLED.format(body="\\frac{1}{\\pi(1+x^2)}"), "p(x)").verdict != "refuted"


@pytest.mark.parametrize("text", [
    # a normaliser named in the prose
    "Up to a constant, the p.d.f. is\n\n$$\np(x) = e^{-x^2/2}\n$$\n",
    "The density is proportional to\n\n$$\np(x) = e^{-x^2/2}\n$$\n",
    "The density is\n\n$$\np(x) = e^{-x^2/2}\n$$\n\ndivided by its integral $\\sqrt{2\\pi}$.\n",
    # a support left implicit: the half-line, where it is a density
    "The absolute value of a standard normal variable has density\n\n$$\np(x) = \\sqrt{\\frac{2}{\\pi}}e^{-x^2/2}\n$$\n",
    # a support named in words
    "Above two the density is\n\n$$\np(x) = \\frac{2.157}{1+x^2}\n$$\n",  # 1 / (pi/2 - atan 2): on [2, oo)
    # not called a density at all
    "The bump function is\n\n$$\np(x) = \\frac{1}{1+x^2}\n$$\n",
])
def test_a_function_called_a_density_with_a_hedge_or_an_implicit_support_is_not_refuted(text):
    block = _block("# Sheet\n\n## A law\n\n" + text, "p(x)")
    assert block.verdict != "refuted", block.steps


def test_a_later_function_of_the_same_name_that_is_no_density_ends_the_old_one():
    text = ("# Sheet\n\n## Two functions\n\nFor $x \\geq 0$:\n\n$$\nf\\left(x\\right) = e^{-x}\n$$\n\n"
            "Now a different curve:\n\n$$\nf\\left(x\\right) = x^{2}\n$$\n\n$$\n\\mu = 3\n$$\n")
    block = _block(text, "\\mu = 3")
    assert block.verdict != "refuted", block.steps  # the mean of e^{-x} is 1, but f is no longer it
