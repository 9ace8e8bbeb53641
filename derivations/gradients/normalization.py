r"""Layer and batch normalization with respect to $x$, $\gamma$ and $\beta$: the compact closed forms.

With $\hat{x}_i = (x_i - \mu) / \hat\sigma$, $\hat\sigma = \sqrt{\sigma^2 + \epsilon}$ and
$\operatorname{mean}$ over the $H$ (or $m$) normalized entries:

.. math::
    \bar{x} = \frac{1}{\hat\sigma}\left(\hat{g} - \operatorname{mean}(\hat{g})
              - \hat{x} \operatorname{mean}(\hat{g} \hat{x})\right),
    \qquad \hat{g} = \gamma g,

$\bar\gamma = g \hat{x}$ and $\bar\beta = g$ per feature (layer norm), summed over the
batch for the scalar $\gamma, \beta$ of batch norm.
"""
from sympy import IndexedBase, Sum, Symbol, sqrt, symbols

from symbolic import get
from symbolic.catalog import normalization as N

from derivations.gradients import register_vjp

q = symbols("q", integer=True, nonnegative=True)
g = IndexedBase("g", real=True)
i = N.i


def _statistics(fid):
    """``(sigma^2, xhat)`` of a normalization record."""
    _, var, xhat = (d.lhs for d in get(fid).definitions)
    return var, xhat.base


H, (var, xhat) = N.H, _statistics("layer_norm")
FEATURES = ((q, 0, H - 1),)
register_vjp("layer_norm", "x", "dx",
             (N.gamma[q] * g[q] - Sum(N.gamma[i] * g[i], (i, 0, H - 1)) / H
              - xhat[q] * Sum(N.gamma[i] * g[i] * xhat[i], (i, 0, H - 1)) / H) / sqrt(var + N.eps),
             FEATURES, upstream=g,
             notes="dx = (1/sigma_hat)(gamma g - mean(gamma g) - xhat mean(gamma g xhat)): the batch-norm form "
                   "with the per-feature gain folded into the upstream gradient.")
register_vjp("layer_norm", "gamma", "dgamma", g[q] * xhat[q], FEATURES, upstream=g,
             notes="Per example; a layer sums this over the examples of a batch.")
register_vjp("layer_norm", "beta", "dbeta", g[q], FEATURES, upstream=g)

m, (var_b, xhat_b) = N.m, _statistics("batch_norm")
gamma_b = Symbol("gamma", real=True)
register_vjp("batch_norm", "x", "dx",
             gamma_b / sqrt(var_b + N.eps) * (g[q] - Sum(g[i], (i, 0, m - 1)) / m
                                               - xhat_b[q] * Sum(g[i] * xhat_b[i], (i, 0, m - 1)) / m),
             ((q, 0, m - 1),), upstream=g,
             notes="dx = (gamma/sigma_hat)(g - mean(g) - xhat mean(g xhat)), with the batch statistics "
                   "differentiated too (training mode).")
register_vjp("batch_norm", "gamma", "dgamma", Sum(g[i] * xhat_b[i], (i, 0, m - 1)), upstream=g)
register_vjp("batch_norm", "beta", "dbeta", Sum(g[i], (i, 0, m - 1)), upstream=g)
