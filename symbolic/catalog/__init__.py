"""The catalog: importing this package registers every formula record.

One module per section of the seed notes; each record is declared once.
"""
from . import (  # noqa: F401
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
