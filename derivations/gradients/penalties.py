r"""L1 and L2 penalties with respect to the parameters $\theta$."""
from sympy import IndexedBase, Symbol, sign, symbols

from symbolic.catalog import regularization as R
from symbolic.record import Output
from symbolic.references import backward as ref

from . import Gradient, register

a = symbols("a", integer=True, nonnegative=True)
g = Symbol("g", real=True)
THETA = ((a, 0, R.n - 1),)

register(Gradient(
    id="l1_penalty_vjp_theta",
    formula_id="l1_penalty",
    wrt="theta",
    upstream=g,
    vjp=Output(IndexedBase("dtheta")[a], g * R.lam * sign(R.theta[a]), THETA),
    kinks=(Output(IndexedBase("kink")[a], R.theta[a], THETA),),
    reference=ref.l1_penalty_vjp,
    notes="|theta| is not differentiable at 0; the subgradient used is lambda sign(theta) with "
          "sign(0) = 0 (sympy's, NumPy's and PyTorch's convention, and the central difference of |theta| "
          "at 0). Finite differences skip points where theta_a +- h v_a reaches 0.",
))

register(Gradient(
    id="l2_penalty_vjp_theta",
    formula_id="l2_penalty",
    wrt="theta",
    upstream=g,
    vjp=Output(IndexedBase("dtheta")[a], 2 * g * R.lam * R.theta[a], THETA),
    reference=ref.l2_penalty_vjp,
))
