r"""Classes of real mistakes in notes on iterations and quadrature read past until stop 41 (issue 12), one case each,
with the near-misses that must not be refuted.  Each case fails on main (15c5011): the comment says how; each
refutation carries a counterexample."""
import pytest

from tests.readers.notes.checked import CONFIRMED, HOLDS, assert_block_verdicts, checked_blocks

CASES = {
    # planted_mistakes_18 168: a closed form that names the first step x_0, after the recurrence the prose states, was
    # left undecided ("the notes may start the sequence elsewhere"), though naming x_0 says where it starts.  Run
    # from any x_0 it differs at every step tried: refuted; the right closed form is verified
    "a closed form from the first step it names": (
        "## Affine iterations\n\nThe iteration $x_{k+1} = c x_k + b$ with $|c| < 1$ unrolls to\n\n"
        "$$\nx_k = c^k x_0 + b \\frac{1 - c^{k+1}}{1 - c}\n$$\n\nor rather\n\n"
        "$$\nx_k = c^k x_0 + b \\frac{1 - c^{k}}{1 - c}\n$$\n",
        ["refuted", CONFIRMED]),
    # planted_mistakes_18 25: a claim about the sequence through a function the section defines was unrolled with
    # the function unknown (f((1 - eta a)^3 x_0) against f(x_0)), nothing decided.  With f's body it is: the power k
    # is refuted, 2k verified
    "a sequence seen through a defined function": (
        "## Descent\n\nTake $f(x) = \\frac{a}{2} x^2$ with $a > 0$; gradient descent gives "
        "$x_{k+1} = (1 - \\eta a) x_k$, and the value decays as\n\n"
        "$$\nf(x_k) = (1 - \\eta a)^k f(x_0)\n$$\n\nno, as\n\n$$\nf(x_k) = (1 - \\eta a)^{2k} f(x_0)\n$$\n",
        ["refuted", CONFIRMED]),
    # planted_mistakes_18 122: a display setting e_{k+1}, after e_k = x_k - sqrt(a) and Newton's recurrence for x,
    # was read as a new update of e and nothing was checked.  It is a claim about x: with x_{k+1} put in once and x_k
    # free, the lost 2 is refuted at a start value, the right relation verified
    "a relation between neighbouring steps of a defined family": (
        "## Newton\n\nFor $f(x) = x^2 - a$ with $a > 0$,\n\n$$\nx_{k+1} = \\frac{1}{2}\\left(x_k + \\frac{a}{x_k}"
        "\\right)\n$$\n\nand the error $e_k = x_k - \\sqrt{a}$ is squared at every step:\n\n"
        "$$\ne_{k+1} = \\frac{e_k^2}{x_k}\n$$\n\n$$\ne_{k+1} = \\frac{e_k^2}{2 x_k}\n$$\n",
        ["refuted", CONFIRMED]),
    # planted_mistakes_18 207: the rounding allowed a closed integral claim came from every terminating decimal it
    # holds, so the exact 1/2 beside the integral (read as "0.5", one unit 0.1) spared a claim off by 1/12.  Near
    # miss: a value rounded to two places (0.2532 as 0.25) is still not refuted
    "a fraction beside an integral is not a rounded decimal": (
        "## Trapezoid\n\n$$\n\\frac{1}{2}(0 + 1) - \\int_0^1 x^2\\, dx = \\frac{1}{12}\n$$\n\n"
        "$$\n1 - \\int_0^1 e^{-x^2}\\, dx = 0.25\n$$\n",
        ["refuted", HOLDS]),
    # planted_mistakes_18 201 (with 189): f defined as a quadratic in section 1, then "with $f$ smooth" in section 2:
    # the definition held on, and Simpson's rule with the constant 1/90 was *proved* for the quadratic (f'''' = 0).
    # Now f is generic there, and a remainder at an unknown point xi is checked on a polynomial of its order, where
    # the derivative is one constant: the wrong constant is refuted, the trapezoid remainder is not
    "a remainder at an unknown point, after 'with f smooth'": (
        "## 1. A quadratic\n\nTake $f(x) = \\frac{a}{2} x^2$ with $a > 0$.\n\n"
        "## 2. Quadrature\n\nOn $[\\alpha, \\beta]$ with $H = \\beta - \\alpha$ and $f$ smooth there is a $\\xi$ with\n\n"
        "$$\n\\int_{\\alpha}^{\\beta} f(x)\\, dx = \\frac{H}{6}\\left(f(\\alpha) + 4 f\\left(\\frac{\\alpha + \\beta}{2}"
        "\\right) + f(\\beta)\\right) - \\frac{H^5}{90} f''''(\\xi)\n$$\n\nand for the trapezoid rule\n\n"
        "$$\n\\int_{\\alpha}^{\\beta} f(x)\\, dx = \\frac{H}{2}\\left(f(\\alpha) + f(\\beta)\\right) - \\frac{H^3}{12} "
        "f''(\\xi)\n$$\n",
        ["refuted", HOLDS]),
    # d2l_gradient_descent 97, the near-miss of the class above: x^* appears only inside f', but it is the optimum the
    # notes state facts about (f'(x^*) = 0, f''(x^*) > 0), not an unknown point; the chain must not be refuted
    "an optimum is not an unknown intermediate point": (
        "## Newton\n\nWe only analyze convex and three times differentiable $f$, where $f''(x^*) > 0$. Let "
        "$e_k := x_k - x^*$. By Taylor series expansion the condition $f'(x^*) = 0$ can be written as\n\n"
        "$$0 = f'(x_k - e_k) = f'(x_k) - e_k f''(x_k) + \\frac{1}{2} e_k^2 f'''(\\xi_k).$$\n\n"
        "This holds for some $\\xi_k \\in [x_k - e_k, x_k]$.\n",
        [HOLDS, HOLDS]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_caught41b_class(name):
    text, expected = CASES[name]
    assert_block_verdicts(checked_blocks(text), expected)
