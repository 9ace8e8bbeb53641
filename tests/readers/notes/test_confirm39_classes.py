r"""Classes of correct claims in published notes that ``check`` left unconfirmed (issue 12, confirm39), each with
a wrong variant that must not be confirmed:

* derivatives by a defined intermediate of a defined name, as backpropagation writes them
  (:math:`\partial L/\partial z = \hat y - y` after :math:`z = wx + b`, :math:`\hat y = \sigma(z)` and the
  cross-entropy :math:`L`; the chain :math:`\frac{\partial L}{\partial \hat y}\frac{\partial \hat y}{\partial z}
  \frac{\partial z}{\partial w}`): taken before the names were written out the derivative was 0, and the claim
  'an equation in b, w, x, y' (readers.notes.named_intermediates).
"""
from tests.readers.notes.checked import CONFIRMED, assert_block_verdicts, checked_blocks

BACKPROP = r"""# Logistic regression by backpropagation

Here $\sigma(z) = 1/(1+e^{-z})$.

$$z = w x + b$$

$$\hat y = \sigma(z)$$

$$L = -y \log \hat y - (1-y)\log(1-\hat y)$$

$$\frac{\partial L}{\partial z} = \hat y - y$$

$$\frac{\partial L}{\partial w} = \frac{\partial L}{\partial \hat y}\frac{\partial \hat y}{\partial z}\frac{\partial z}{\partial w} = (\hat y - y) x$$

$$\frac{\partial L}{\partial z} = y - \hat y$$

$$\frac{\partial L}{\partial b} = \frac{\partial L}{\partial \hat y}\frac{\partial \hat y}{\partial z} = (\hat y - y) x$$
"""


def test_derivatives_by_defined_intermediates_are_proved_and_wrong_ones_are_not_confirmed():
    blocks = [b for b in checked_blocks(BACKPROP) if b.role == "claim"]
    assert_block_verdicts(blocks, [
        "proved",  # was 'an equation in b, w, x, y' (dL/dz taken as 0)
        "proved",  # the chain dL/dy^ dy^/dz dz/dw, each factor of a defined name by a defined name
        "refuted",  # the sign of the error turned
        ("refuted", "undecided"),  # the chain of b with a factor x too many
    ])
    assert blocks[3].steps[-1].verdict not in CONFIRMED


def test_a_variable_reached_directly_and_through_a_name_is_left_alone():
    import sympy as sp

    from readers.notes.named_intermediates import through_written

    y, a, L, z, w, x, b = sp.symbols("y a L z w x b")
    bodies = {z: w * x + b, y: 1 / (1 + sp.exp(-z)), a: y ** 2, L: y + a}
    written = {name: (body, body) for name, body in bodies.items()}
    assert through_written(sp.Derivative(L, y), bodies, written) is None  # y + a with a = y^2: partial or total?
    assert through_written(sp.Derivative(L, z), bodies, written) is not None  # z (defined) only through y and a
    assert through_written(sp.Derivative(L, y), bodies, {}) is None  # no right side on record: as before
