r"""Position-wise feed-forward network of the Transformer, over a sequence of positions.

.. math::
    \mathrm{FFN}(x)_{p,o} = \sum_{f} \max\!\Big(0, \sum_{c} x_{p,c} W^{(1)}_{c,f} + b^{(1)}_f\Big) W^{(2)}_{f,o} + b^{(2)}_o

i.e. $\max(0, xW_1 + b_1)W_2 + b_2$ applied to each of the $n$ positions (rows of $x$) alike.
"""
from sympy import IndexedBase, Max, Sum, symbols

from symbolic.domains import Real
from symbolic.record import Definition, Formula, Output, Var
from symbolic.references import feed_forward as ref
from symbolic.registry import register

n, d_model, d_ff = symbols("n d_model d_ff", integer=True, positive=True)
p, c, f, o = symbols("p c f o", integer=True, nonnegative=True)
x = IndexedBase("x", real=True)
W1, b1, W2, b2 = (IndexedBase(name, real=True) for name in ("W_1", "b_1", "W_2", "b_2"))
hidden = IndexedBase("a")

register(Formula(
    id="feed_forward",
    title="Position-wise feed-forward network",
    section="feed_forward",
    source="Position-wise Feed-Forward Networks",
    outputs=(Output(IndexedBase("y")[p, o], Sum(hidden[p, f] * W2[f, o], (f, 0, d_ff - 1)) + b2[o],
                    ((p, 0, n - 1), (o, 0, d_model - 1))),),
    definitions=(Definition(hidden[p, f], Max(0, Sum(x[p, c] * W1[c, f], (c, 0, d_model - 1)) + b1[f])),),
    variables=(
        Var(x, Real(), (n, d_model), "the n positions of the sequence, one per row"),
        Var(W1, Real(), (d_model, d_ff), "first layer weights"),
        Var(b1, Real(), (d_ff,), "first layer bias"),
        Var(W2, Real(), (d_ff, d_model), "second layer weights"),
        Var(b2, Real(), (d_model,), "second layer bias"),
    ),
    sizes=({n: 1, d_model: 1, d_ff: 1}, {n: 2, d_model: 3, d_ff: 4}, {n: 3, d_model: 2, d_ff: 5},
           {n: 1, d_model: 4, d_ff: 2}),
    reference=ref.feed_forward,
    notes="a[p, f] is the ReLU hidden layer (width d_ff, 4 d_model in the Transformer); the same weights "
          "act on every position p. The seed's remark that FFN is two convolutions with kernel size 1 "
          "(along positions, channels d_model -> d_ff -> d_model) is an equality left to a later claim.",
))
