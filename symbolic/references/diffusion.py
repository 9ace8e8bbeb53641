"""Gaussian log-densities of the DDPM forward and reverse steps, and the VLB integrand."""
import numpy as np


def log_normal(x, mean, var):
    """Elementwise log N(x; mean, var)."""
    return -((x - mean) ** 2) / (2.0 * var) - 0.5 * np.log(2.0 * np.pi * var)


def diffusion_forward(x_t, x_prev, beta):
    mean = np.sqrt(1.0 - beta) * x_prev
    r2 = np.sum((x_t - mean) ** 2)
    return {"log_q": np.sum(log_normal(x_t, mean, beta)),
            "q": (2.0 * np.pi * beta) ** (-x_t.size / 2.0) * np.exp(-r2 / (2.0 * beta))}


def diffusion_reverse(x_prev, mu, Sigma):
    return np.sum(log_normal(x_prev, mu, Sigma))


def diffusion_vlb(x, beta, a, s):
    prev, nxt = x[:-1], x[1:]  # step t takes x_{t-1} to x_t, for t = 1..T
    log_q = np.sum(log_normal(nxt, np.sqrt(1.0 - beta) * prev, beta))
    log_p = log_normal(x[-1], 0.0, 1.0) + np.sum(log_normal(prev, a * nxt, s**2))
    return log_q - log_p
