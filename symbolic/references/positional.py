"""Sinusoidal positional encoding: features 2i (sine) and 2i + 1 (cosine) at a position."""
import numpy as np


def positional_encoding(pos, i, d_model):
    angle = pos / 10000.0 ** (2.0 * i / d_model)
    return {"PE_even": np.sin(angle), "PE_odd": np.cos(angle)}
