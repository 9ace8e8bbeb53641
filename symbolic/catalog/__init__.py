"""The catalog: importing this package registers every formula record.

One module per section of the seed notes; each record is declared once.
"""
from . import (  # noqa: F401
    activations,
    attention,
    convolution,
    diffusion,
    feed_forward,
    gan,
    losses,
    metrics,
    normalization,
    positional,
    probability,
    regularization,
    softmax,
    svm,
)
