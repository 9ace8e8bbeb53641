r"""Everyday notes read as their authors mean them (issue 12, scope48), by class, each failing on main.

**Iterates written with a superscript step are a sequence** (readers.notes.recurrences ``subscript``): after
``w^{k+1} = w^k - \eta a w^k`` the closed form ``w^k = (1 - \eta a)^k w^0`` was a new definition of ``w^{(k)}``
(nothing checked), and so was the slipped ``(1 - \eta a)^{k+1} w^0``.  The step label ``w^{(k)}`` that
readers.notes.iterates writes (and ``x^{(t)}`` as authors write it) is the step ``k`` of ``w`` as ``w_k`` is: the
update is the sequence's recurrence, the closed form is proved by induction, the slip refuted with a run of the
recurrence.  A sum's index on an iterate is a step too (``\theta^t - \theta^0 = -\eta c \sum_{s=0}^{t-1}
\theta^s``, readers.notes.iterates ``summed_steps``), and a claim tying steps of a sequence the section's recurrence
sets is run with it (readers.notes.recurrences ``unrolled_sum``, ``sequences_apart``): the subscript form
``\theta_t - \theta_0 = \dots \theta_s`` was *refuted* with the steps as free values.  ``\theta^{t+1} = \theta
\cdot \theta^t`` beside the update stays a power identity (it writes theta bare).

**A derivative by an entry of an array defined entry by entry is taken of the definition as written**
(readers.notes.named_intermediates): after ``y_i = \gamma\hat x_i + \beta`` and ``L = \frac12\sum_i (y_i -
t_i)^2``, ``\partial L/\partial y_j = y_j - t_j`` was undecided ("not given as a function of y[j]": L was stored with
y put in).  L as written, in y, is differentiated by ``y_j`` with y held; ``\partial L/\partial \gamma`` still
chains through y; the sums' indices of the written form are fresh (``\partial E/\partial h_k`` after ``E =
\sum_k (h_k - y_k)^2`` is not a derivative of a sum over the claim's own k); the other defined arrays are written
out as written (``\partial \ell/\partial z_j`` after ``a_j = \tanh(z_j)``: through a, held at z).

**An unrolled recurrence is read at the example in force** (readers.notes.recurrence_examples): after ``w_{k+1} =
(1 - \eta a) w_k``, "At $\eta = 2/a$ the iterates just flip sign: $$w_k = (-1)^k w_0$$" was undecided (it differs
for other eta); at the example it is proved and ``(-1)^{k+1}`` refuted there.  A section's condition that sets a
name ("When $\alpha = 1/(2c)$") is read the same way.
"""
from tests.readers.notes.checked import CONFIRMED, assert_block_verdicts, checked_blocks

ITERATES = r"""# A

Gradient descent on the quadratic is
$$w^{k+1} = w^k - \eta a w^k$$
Unrolled,
$$w^k = (1 - \eta a)^k w^0$$

# B

Gradient descent on the quadratic is
$$w^{k+1} = w^k - \eta a w^k$$
Unrolled,
$$w^k = (1 - \eta a)^{k+1} w^0$$

# C

The damped iteration is
$$x^{(t+1)} = \rho\, x^{(t)} + c$$
so that
$$x^{(t)} = \rho^t x^{(0)} + c\,\frac{1 - \rho^t}{1 - \rho}$$

# D

The damped iteration is
$$x^{(t+1)} = \rho\, x^{(t)} + c$$
so that
$$x^{(t)} = \rho^{t+1} x^{(0)} + c\,\frac{1 - \rho^t}{1 - \rho}$$

# E

The iteration is
$$\theta^{t+1} = \theta^{t} - \eta c\,\theta^{t}$$
so the total movement is
$$\theta^{t} - \theta^{0} = -\eta c \sum_{s=0}^{t-1} \theta^{s}$$
and, in the same letter, a power:
$$\theta^{t+1} = \theta \cdot \theta^{t}$$

# F

The iteration is
$$\theta_{t+1} = \theta_{t} - \eta c\,\theta_{t}$$
so the total movement is
$$\theta_{t} - \theta_{0} = -\eta c \sum_{s=0}^{t-1} \theta_{s}$$

# G

The iteration is
$$u_{t+1} = u_{t} - \eta c\,u_{t}$$
so the total movement is
$$u_{t} - u_{0} = -\eta c \sum_{s=0}^{t} u_{s}$$
"""


def test_superscript_iterates_are_a_sequence_and_powers_stay_powers():
    """Hand check: w^k = (1 - eta a)^k w^0 solves w^{k+1} = (1 - eta a) w^k (base k = 0, step multiplies by 1 - eta a);
    the ^{k+1} slip is off by one factor (1 - eta a), nonzero at eta = a = 1/2; x^{(t)} = rho^t x^{(0)} + c(1 -
    rho^t)/(1 - rho) solves x^{(t+1)} = rho x^{(t)} + c; theta_t - theta_0 = sum_{s<t} (theta_{s+1} - theta_s) =
    -eta c sum_{s=0}^{t-1} theta_s (telescoping), and the sum to t adds -eta c theta_t (27/512 at eta = c = theta_0 =
    1/2, t = 3: by hand, theta_3 = 27/128, lhs = -37/128, rhs = -175/512).  theta^{t+1} = theta theta^t (theta
    written bare beside its powers) keeps its powers beside the update of theta.  The subscript telescoping sum (F)
    was refuted with theta_t, theta_0, theta_s as free values.  The restated updates of B and D are claims (A's and
    C's definitions are in force: the same update)."""
    blocks = checked_blocks(ITERATES)
    assert_block_verdicts(blocks, [CONFIRMED, CONFIRMED, "refuted", CONFIRMED, CONFIRMED, "refuted",
                                   CONFIRMED, CONFIRMED, CONFIRMED, "refuted"])
    assert [b.line for b in blocks] == [6, 11, 13, 20, 25, 27, 34, 36, 43, 50]
    assert blocks[7].parsed_form == ("theta**(t + 1) = theta*theta**t",)  # powers, not the steps t, t + 1


INTERMEDIATES = r"""# A

The forward pass normalises and then scales:
$$y_i = \gamma\hat x_i + \beta$$
and the loss is
$$L = \frac12\sum_i (y_i - t_i)^2$$
The gradient of the loss with respect to the output is
$$\frac{\partial L}{\partial y_j} = y_j - t_j$$
A wrong one:
$$\frac{\partial L}{\partial y_j} = 2(y_j - t_j)$$

# B

Each unit computes
$$h_k = w_k x_k + c$$
and the error is
$$E = \sum_k (h_k - y_k)^2$$
so that
$$\frac{\partial E}{\partial h_k} = 2(h_k - y_k)$$

# C

Output unit $j$ computes
$$z_j = w_j h_j + b_j$$
$$a_j = \tanh(z_j)$$
and its loss is
$$\ell = \frac12 (a_j - y_j)^2$$
Backwards:
$$\frac{\partial \ell}{\partial z_j} = (a_j - y_j)(1 - a_j^2)$$
"""


def test_a_derivative_by_a_defined_entry_is_taken_of_the_definition_as_written():
    """Hand check: d/dy_j (1/2) sum_i (y_i - t_i)^2 = y_j - t_j (not twice it); d/dh_k sum_m (h_m - y_m)^2 = 2 (h_k -
    y_k) (the sum's m is not the claim's k: read with the claim's k it was refuted, lhs 4 at N = 2); after z_j = w_j
    h_j + b_j, a_j = tanh(z_j), l = (a_j - y_j)^2 / 2: dl/dz_j = (a_j - y_j) tanh'(z_j) = (a_j - y_j)(1 - a_j^2), with
    a_j's definition as written (tanh of z_j).  A slip of B or C is refuted as A's is (left out for the CI's CPU)."""
    assert_block_verdicts(checked_blocks(INTERMEDIATES), [CONFIRMED, "refuted", CONFIRMED, CONFIRMED])


EXAMPLES = r"""# A

Gradient descent on $f(w) = \frac{a}{2} w^2$ gives
$$w_{k+1} = (1 - \eta a) w_k$$
At $\eta = 2/a$ the iterates just flip sign:
$$w_k = (-1)^k w_0$$

# B

Gradient descent on $f(w) = \frac{a}{2} w^2$ gives
$$w_{k+1} = (1 - \eta a) w_k$$
At $\eta = 2/a$ the iterates just flip sign:
$$w_k = (-1)^{k+1} w_0$$

# C

The update is
$$x_{n+1} = x_n - \alpha c\, x_n$$
When $\alpha = 1/(2c)$ each step halves the iterate:
$$x_n = 2^{-n} x_0$$

# D

The update is
$$x_{n+1} = x_n - \alpha c\, x_n$$
When $\alpha = 1/(2c)$ each step halves the iterate:
$$x_n = 2^{-n-1} x_0$$
"""


def test_an_unrolled_recurrence_is_read_at_the_example_in_force():
    """Hand check: at eta = 2/a, 1 - eta a = -1, so w_k = (-1)^k w_0 and the ^{k+1} slip has the wrong sign at every
    k; at alpha = 1/(2c), 1 - alpha c = 1/2, so x_n = 2^{-n} x_0, and 2^{-n-1} x_0 is half of it.  The restated
    f(w) and updates of B and D are claims (A's and C's definitions are in force); the verdicts name the value."""
    blocks = checked_blocks(EXAMPLES)
    by_line = {b.line: b for b in blocks}
    assert_block_verdicts([by_line[n] for n in (6, 13, 20, 27)], [CONFIRMED, "refuted", CONFIRMED, "refuted"])
    assert any("eta = 2/a" in a for a in by_line[6].assumptions), by_line[6].assumptions
    assert any("alpha = 1/(2*c)" in a for a in by_line[20].assumptions), by_line[20].assumptions
