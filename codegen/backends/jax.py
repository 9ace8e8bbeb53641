r"""The JAX backend: lowering to ``jax.numpy`` and ``jax.scipy.special``, and a ``jax.custom_vjp`` per definition.

For ``gelu(x)`` with a derived VJP the module holds ``_gelu = jax.custom_vjp(...)`` whose
fwd saves the inputs and whose bwd is ``gelu_vjp`` (zero cotangents for keywords), and the
public ``gelu(x, *, keywords)`` calling it positionally.
"""
from __future__ import annotations

import contextlib
from typing import ClassVar

from codegen.backends.table import ARRAY, ELEMENTWISE, TableLowering


class JaxLowering(TableLowering):
    AS_ARRAY = "jnp.asarray"
    COPY = ""
    module = "jnp"
    NAMES: ClassVar[dict[str, str]] = {**{n: f"jnp.{n}" for n in ELEMENTWISE + ARRAY + ("amax", "asarray", "broadcast_shapes", "heaviside")}}
    SPECIAL: ClassVar[dict[str, str]] = {"erf": "jax.scipy.special.erf", "erfc": "jax.scipy.special.erfc", "ndtr": "jax.scipy.special.ndtr",
               "log_ndtr": "jax.scipy.special.log_ndtr", "loggamma": "jax.scipy.special.gammaln",
               "digamma": "jax.scipy.special.digamma", "RisingFactorial": "jax.scipy.special.poch",
               "betaln": "jax.scipy.special.betaln", "erfcx": "jax.scipy.special.erfcx",
               "polygamma": "jax.scipy.special.polygamma", "i0": "jax.scipy.special.i0", "i1": "jax.scipy.special.i1",
               "i0e": "jax.scipy.special.i0e", "i1e": "jax.scipy.special.i1e"}
    shape_of = "jnp.shape({})"



def _wrapper(name: str, params: list[str], keywords: list[str], grad: bool) -> str:
    args = ", ".join(params + keywords)
    kw_sig = (", *, " + ", ".join(keywords)) if keywords else ""
    kw_call = "".join(f", {k}={k}" for k in keywords)
    zeros = "".join(f", jnp.zeros_like({k})" for k in keywords)
    lines = []
    if grad:
        lines += ["@jax.custom_vjp", f"def _{name}({args}):", f"    return _{name}_forward({', '.join(params)}{kw_call})",
                  "", "", f"def _{name}_fwd({args}):",
                  f"    return _{name}_forward({', '.join(params)}{kw_call}), ({args},)", "", "",
                  f"def _{name}_bwd(saved, g):", f"    {args}, = saved",
                  f"    return {name}_vjp({', '.join(params)}, g{kw_call}){' + (' + zeros[2:] + ',)' if keywords else ''}",
                  "", "", f"_{name}.defvjp(_{name}_fwd, _{name}_bwd)", "", ""]
    target = f"_{name}({args})" if grad else f"_{name}_forward({', '.join(params)}{kw_call})"
    lines += [f"def {name}({', '.join(params)}{kw_sig}):",
              f'    """{name}: see _{name}_forward; its gradient is the derived VJP ({name}_vjp)"""' if grad else
              f'    """{name}: see _{name}_forward"""', f"    return {target}"]
    return "\n".join(lines)


@contextlib.contextmanager
def float64_arrays():
    """``(to_backend, to_numpy)`` for certifying the written module, inside ``jax.enable_x64`` (JAX computes in
    float32 otherwise; the setting is restored on exit, so the caller's configuration is left as it was)."""
    import jax
    import numpy as np

    with jax.enable_x64(True):
        yield (lambda x: jax.numpy.asarray(np.asarray(x, dtype=np.float64))), (lambda y: np.asarray(y, dtype=np.float64))


def write_module(functions, *, grad: bool = False, title: str = "") -> str:
    """The JAX module for defined ``functions`` (certified and chosen by the NumPy search)."""
    from codegen.backends.module import write_backend_module

    return write_backend_module(functions, JaxLowering, "import jax\nimport jax.numpy as jnp\nimport jax.scipy.special",
                                _wrapper, grad=grad, title=title, arrays=float64_arrays)
