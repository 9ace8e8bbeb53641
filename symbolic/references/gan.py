"""GAN value function with finitely many data and noise points."""
import numpy as np


def gan_value(p_data, D, p_z, D_G):
    return np.sum(p_data * np.log(D)) + np.sum(p_z * np.log1p(-D_G))
