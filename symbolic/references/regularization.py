"""L1 and L2 penalties: the loss plus lambda times a norm of the parameters."""
import numpy as np


def l1_penalty(theta, lamda, L_origin):
    return L_origin + lamda * np.sum(np.abs(theta))


def l2_penalty(theta, lamda, L_origin):
    return L_origin + lamda * np.sum(theta ** 2)
