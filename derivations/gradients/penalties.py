r"""L1 and L2 penalties with respect to the parameters $\theta$."""
from sympy import IndexedBase, Symbol, sign, symbols

from symbolic.catalog import regularization as R
from symbolic.record import Output

from derivations.gradients import register_vjp

a = symbols("a", integer=True, nonnegative=True)
g = Symbol("g", real=True)
THETA = ((a, 0, R.n - 1),)

register_vjp("l1_penalty", "theta", "dtheta", g * R.lam * sign(R.theta[a]), THETA, upstream=g,
             kinks=(Output(IndexedBase("kink")[a], R.theta[a], THETA),),
             notes="|theta| is not differentiable at 0; the subgradient used is lambda sign(theta) with "
                   "sign(0) = 0 (sympy's, NumPy's and PyTorch's convention, and the central difference of "
                   "|theta| at 0). Finite differences skip points where theta_a +- h v_a reaches 0.")
register_vjp("l2_penalty", "theta", "dtheta", 2 * g * R.lam * R.theta[a], THETA, upstream=g)
