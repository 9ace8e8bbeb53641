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
from symbolic.record import Output
from symbolic.references import backward as ref

from . import Gradient, register

q = symbols("q", integer=True, nonnegative=True)
g = IndexedBase("g", real=True)
i = N.i


def _parts(fid):
    """``(size, sigma^2, xhat)`` of a normalization record."""
    mu, var, xhat = (d.lhs for d in get(fid).definitions)
    return mu, var, xhat.base


H, (_, var, xhat) = N.H, _parts("layer_norm")
FEATURES = ((q, 0, H - 1),)
register(Gradient(
    id="layer_norm_vjp_x",
    formula_id="layer_norm",
    wrt="x",
    upstream=g,
    vjp=Output(IndexedBase("dx")[q],
               (N.gamma[q] * g[q] - Sum(N.gamma[i] * g[i], (i, 0, H - 1)) / H
                - xhat[q] * Sum(N.gamma[i] * g[i] * xhat[i], (i, 0, H - 1)) / H) / sqrt(var + N.eps),
               FEATURES),
    reference=ref.layer_norm_vjp_x,
    notes="dx = (1/sigma_hat)(gamma g - mean(gamma g) - xhat mean(gamma g xhat)): the batch-norm form "
          "with the per-feature gain folded into the upstream gradient.",
))
register(Gradient(
    id="layer_norm_vjp_gamma", formula_id="layer_norm", wrt="gamma", upstream=g,
    vjp=Output(IndexedBase("dgamma")[q], g[q] * xhat[q], FEATURES),
    reference=ref.layer_norm_vjp_gamma,
    notes="Per example; a layer sums this over the examples of a batch.",
))
register(Gradient(
    id="layer_norm_vjp_beta", formula_id="layer_norm", wrt="beta", upstream=g,
    vjp=Output(IndexedBase("dbeta")[q], g[q], FEATURES),
    reference=ref.layer_norm_vjp_beta,
))

m, (_, var_b, xhat_b) = N.m, _parts("batch_norm")
gamma_b = Symbol("gamma", real=True)
register(Gradient(
    id="batch_norm_vjp_x",
    formula_id="batch_norm",
    wrt="x",
    upstream=g,
    vjp=Output(IndexedBase("dx")[q],
               gamma_b / sqrt(var_b + N.eps) * (g[q] - Sum(g[i], (i, 0, m - 1)) / m
                                                 - xhat_b[q] * Sum(g[i] * xhat_b[i], (i, 0, m - 1)) / m),
               ((q, 0, m - 1),)),
    reference=ref.batch_norm_vjp_x,
    notes="dx = (gamma/sigma_hat)(g - mean(g) - xhat mean(g xhat)), with the batch statistics "
          "differentiated too (training mode).",
))
register(Gradient(
    id="batch_norm_vjp_gamma", formula_id="batch_norm", wrt="gamma", upstream=g,
    vjp=Output(Symbol("dgamma"), Sum(g[i] * xhat_b[i], (i, 0, m - 1))),
    reference=ref.batch_norm_vjp_gamma,
))
register(Gradient(
    id="batch_norm_vjp_beta", formula_id="batch_norm", wrt="beta", upstream=g,
    vjp=Output(Symbol("dbeta"), Sum(g[i], (i, 0, m - 1))),
    reference=ref.batch_norm_vjp_beta,
))
