r"""Classes of correct claims in published notes that ``check`` left unconfirmed (issue 12, confirm41), each with a
wrong variant that must not be confirmed:

* a name set to the value that solves an equation of the display above, as the prose says ("set that derivative
  equal to 0 and solve for $b_0$", "Solve for $\mathbf{w}$"): read only as a definition of the name, no claim
  (readers.notes.solved_values).  The value put in the equation is checked, in matrix algebra where the value writes
  matrices; a wrong value stays a definition, and so does any value of an equation that holds whatever the name is.
"""
from tests.readers.notes.checked import CONFIRMED, checked_blocks

SCALAR = r"""# Intercept

Its derivative in $b_0$ is

$$
\frac{\partial L}{\partial b_0} = -N \cdot (\bar{y} - b_0 - b_1\bar{x}).
$$

Then set that derivative equal to 0 and solve for $b_0$:

$$
b_0 = \bar{y} - b_1\bar{x}.
$$
"""

MATRIX = r"""# Ridge

$$
(\mathbf{X}^\top\mathbf{X} + \lambda \mathbf{I})\mathbf{w} = \mathbf{X}^\top\mathbf{y}
$$

**Solve for $\mathbf{w}$**

$$
\boxed{\mathbf{w} = (\mathbf{X}^\top\mathbf{X} + \lambda \mathbf{I})^{-1}\mathbf{X}^\top\mathbf{y}}
$$
"""

IDENTITY = r"""# An identity is no equation

$$
(u + v)^2 = u^2 + 2uv + v^2
$$

Solving for $u$ we get

$$
u = 3v
$$
"""


def _solved(text):
    return [b for b in checked_blocks(text) if b.role != "equation" and any("solves the equation" in s.method
                                                                            for s in b.steps)]


def test_a_value_solved_from_the_equation_above_is_confirmed():
    for text in (SCALAR, MATRIX):
        (block,) = _solved(text)
        assert block.verdict in CONFIRMED, (block.line, [s.reason for s in block.steps])


def test_a_wrong_solved_value_stays_a_definition():
    wrong_scalar = SCALAR.replace(r"b_0 = \bar{y} - b_1\bar{x}.", r"b_0 = \bar{y} + b_1\bar{x}.")
    wrong_order = MATRIX.replace(r"(\mathbf{X}^\top\mathbf{X} + \lambda \mathbf{I})^{-1}\mathbf{X}^\top\mathbf{y}}",
                                 r"\mathbf{X}^\top\mathbf{y}(\mathbf{X}^\top\mathbf{X} + \lambda \mathbf{I})^{-1}}")
    for text in (wrong_scalar, wrong_order, IDENTITY):
        assert not _solved(text)
        assert not any(b.verdict == "refuted" for b in checked_blocks(text) if "= " in b.source and b.line > 6)
