"""The catalog: importing this package registers every formula record.

One module per section of the seed notes, imported in the seed's order (the
order of ``formulary list`` and of the LaTeX document); each record is
declared once.
"""
# isort: off
from symbolic.catalog import (  # noqa: F401
    normalization,
    metrics,
    regularization,
    probability,
    softmax,
    convolution,
    activations,
    losses,
    svm,
    attention,
    positional,
    feed_forward,
    gan,
    diffusion,
)
# isort: on
