r"""The position-wise feed-forward network as two convolutions of kernel size 1.

The derivation itself lives beside the FFN gradients (``derivations.gradients.feed_forward``),
which it makes valid for the convolutional reading too; registering it here puts it in the library.
"""
from derivations.gradients.feed_forward import FFN_AS_CONVOLUTIONS

from derivations.library import register

register(FFN_AS_CONVOLUTIONS)
