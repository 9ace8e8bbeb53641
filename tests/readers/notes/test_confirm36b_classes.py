r"""Classes of correct calculus claims that ``check`` left unconfirmed (issue 12, confirm36b), each with a wrong
variant that must not be confirmed, and one false proof found on the way:

* applications read as opaque values were named by squeezing their text, so ``P_N(x_{n+1})`` and
  ``P_N(x_{n-1})`` became one value and a wrong step of Mandli's finite differences was proved;
* a witness stated with its interval in the sentence that leads into a block ("there exists a point
  $c \in (a,b)$ such that", Lebl's mean value theorem) or in the sentence after it that refers back ("This holds
  for some $\xi_k \in [x_k - e_k, x_k]$", d2l's Newton analysis) was not read: 'unknown functions: f''';
* a limit of a difference quotient of an unknown function, :math:`\lim_{x\to c}\frac{h(x)-h(c)}{x-c}` for
  ``h(x) := \alpha f(x)``, was 'unknown functions: f' (it is read as the derivative it defines).
"""
import sympy as sp

from readers.notes.check import check_notes
from readers.notes.value_names import value_symbols

CONFIRMED = ("proved", "verified")


def _verdicts(text):
    return {b.line: b.verdict for b in check_notes(text, path="<test>", budget=5.0).blocks if b.role == "claim"}


def test_applications_squeezed_to_one_spelling_stay_two_values():
    x_up, x_down = sp.Symbol("x_{n+1}"), sp.Symbol("x_{n-1}")
    f = sp.Function("P_N")
    names = value_symbols([f(x_up), f(x_down)], str, suffix="_")
    assert len(set(names.values())) == 2, names  # both squeeze to P_N_x_n_1_


FINITE_DIFFERENCE = r"""# Centred difference

$$f(x) = P_N(x) + R_N(x)$$

$$R_N(x) = (x - x_0)(x - x_1)\cdots (x - x_{N}) \frac{f^{(N+1)}(c)}{(N+1)!}$$

$$D = \frac{f(x_{n+1}) - f(x_n)}{\Delta x} - \frac{f(x_{n+1}) - 2f(x_n) + f(x_{n-1})}{2\Delta x}$$

$$=\frac{f(x_{n+1}) - f(x_{n-1})}{2 \Delta x}$$

$$=\frac{f(x_{n+1}) - f(x_{n-1})}{3 \Delta x}$$
"""


def test_a_wrong_step_between_two_applications_of_one_function_is_not_proved():
    verdicts = _verdicts(FINITE_DIFFERENCE)
    assert verdicts[9] in CONFIRMED, verdicts
    assert verdicts[11] not in CONFIRMED, verdicts  # proved before: P_N(x_{n+1}) and P_N(x_{n-1}) were one value


WITNESSES = r"""# Mean value theorem

Let $f$ be differentiable on $(a,b)$.  Then there exists a point $c \in (a,b)$
such that
$$f(b)-f(a) = f'(c)(b-a) .$$

Take $x < y$.  Then there is some $c \in (x,y)$ such that
$$f(y)-f(x) = 2 f'(c)(y-x) .$$

Let $e_k := x_k - x^*$.  By Taylor series expansion we have

$$f'(x_k - e_k) = f'(x_k) - e_k f''(x_k) + \frac{1}{2} e_k^2 f'''(\xi_k).$$

This holds for some $\xi_k \in [x_k - e_k, x_k]$. Recall the update.

$$f'(x_k - e_k) = f'(x_k) - e_k f''(x_k) + e_k^2 f'''(\xi_k).$$

This holds for some $\xi_k \in [x_k - e_k, x_k]$. Recall the update.
"""


def test_a_witness_stated_in_the_prose_around_a_block_makes_it_existential():
    verdicts = _verdicts(WITNESSES)
    assert verdicts[5] in CONFIRMED, verdicts  # the mean value theorem: 'unknown functions: f'' before
    assert verdicts[8] not in CONFIRMED, verdicts
    assert verdicts[12] in CONFIRMED, verdicts  # the Lagrange remainder, its witness in the sentence after
    assert verdicts[16] not in CONFIRMED, verdicts  # without its 1/2: a root on wide intervals, none on short ones


DIFFERENCE_QUOTIENTS = r"""# Linearity

Let $h(x) := \alpha f(x)$.  We get
$$\lim_{x\to c}\frac{h(x)-h(c)}{x-c} = \alpha \lim_{x\to c} \frac{f(x) - f(c)}{x-c} .$$

Wrong:
$$\lim_{x\to c}\frac{h(x)-h(c)}{x-c} = \alpha^2 \lim_{x\to c} \frac{f(x) - f(c)}{x-c} .$$
"""


def test_a_limit_of_a_difference_quotient_is_the_derivative_it_defines():
    verdicts = _verdicts(DIFFERENCE_QUOTIENTS)
    assert verdicts[4] in CONFIRMED, verdicts  # 'unknown functions: f' before
    assert verdicts[7] not in CONFIRMED, verdicts
