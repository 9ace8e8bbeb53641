r"""The PyTorch backend: lowering to ``torch`` calls, and a module of ``torch.autograd.Function`` s.

For a definition ``gelu(x)`` with a derived VJP the module holds::

    class _GeluFunction(torch.autograd.Function):
        forward(ctx, x, *keywords):  saves x; returns _gelu_forward(x, ...)
        backward(ctx, g):            returns gelu_vjp(x, g, ...) (None for each keyword)

    def gelu(x, *, keywords): return _GeluFunction.apply(x, *keywords)

The dtype follows the inputs and no device is named.  Keywords (hyperparameters) get no gradient.
"""
from __future__ import annotations

import contextlib
from typing import ClassVar

import sympy as sp

from codegen.backends.table import ARRAY, ELEMENTWISE, TableLowering
from codegen.lower_nodes import ADD, ATOM, CMP, leaf

_RENAMED = {"amax": "torch.amax", "asarray": "torch.as_tensor", "broadcast_shapes": "torch.broadcast_shapes"}


class TorchLowering(TableLowering):
    AS_ARRAY = "torch.as_tensor"
    AXIS, KEEPDIMS = "dim", "keepdim"
    COPY = ".clone()"
    module = "torch"
    NAMES: ClassVar[dict[str, str]] = {**{n: f"torch.{n}" for n in ELEMENTWISE + ARRAY if n not in ("logaddexp2",)}, **_RENAMED}
    SPECIAL: ClassVar[dict[str, str]] = {"erf": "torch.special.erf", "erfc": "torch.special.erfc", "ndtr": "torch.special.ndtr",
               "log_ndtr": "torch.special.log_ndtr", "loggamma": "torch.lgamma",
               "digamma": "torch.special.digamma", "erfcx": "torch.special.erfcx",
               "polygamma": "torch.special.polygamma", "i0": "torch.special.i0", "i1": "torch.special.i1",
               "i0e": "torch.special.i0e", "i1e": "torch.special.i1e"}

    def _scalar_tensor(self, a):
        """A Python number as a 0-d tensor of the function's ``dtype`` (``torch.maximum``, ``torch.where``
        take tensors; a ``where`` of two Python numbers would be float32 whatever the inputs)."""
        if a.batched or a.labels:
            return a
        return self.elementwise("torch.as_tensor({0}, dtype=dtype)", [a])

    def call(self, fn, *args):
        return super().call(fn, *[self._scalar_tensor(a) for a in args])

    def prologue(self, inputs):
        r"""Inputs as tensors; ``dtype`` is the first input's floating dtype (float64 for a Python number or
        an integer tensor), and a Python-number argument (a keyword) becomes a 0-d tensor of it, so that
        float32 in is float32 computed and out, as NumPy's ``fast`` precision."""
        if not inputs:
            return ["dtype = torch.float64"]
        first = inputs[0].name
        lines = [(f"{first} = torch.as_tensor({first}, dtype=torch.float64) if isinstance({first}, (int, float)) "
                  f"else torch.as_tensor({first})"),
                 f"dtype = {first}.dtype if {first}.is_floating_point() else torch.float64"]
        lines += [f"{i.name} = torch.as_tensor({i.name}, dtype=dtype) if isinstance({i.name}, (int, float)) "
                  f"else torch.as_tensor({i.name})" for i in inputs[1:]]
        return lines

    def _print_Heaviside(self, expr):
        """``torch.heaviside`` wants its value at 0 as a tensor of the input's dtype: nested ``where`` instead,
        through :meth:`call`, so that its constants are tensors of the function's ``dtype``."""
        value_at_0 = expr.args[1] if len(expr.args) > 1 else sp.S.Half
        x, zero = self._print(expr.args[0]), leaf("0", batched=False)
        inner = self.call("torch.where", self.binop("<", CMP, x, zero), leaf("0.0", batched=False),
                          self._print(value_at_0))
        return self.call("torch.where", self.binop(">", CMP, x, zero), leaf("1.0", batched=False), inner)

    def _print_ndtr(self, expr):
        r"""$\Phi(x) = \tfrac12 \operatorname{erfc}(-x/\sqrt2)$, not ``torch.special.ndtr``: torch 2.13 evaluates that one
        as $(1 + \operatorname{erf}(x/\sqrt2))/2$, which is 0 from x = -8.3 down, where $\Phi$ stays a normal float64
        to x = -37 (found by the certificate of the torch module's own code)."""
        x = expr.args[0]
        half_erfc = sp.Mul(sp.Rational(1, 2), sp.erfc(sp.Mul(-1, x, 1 / sp.sqrt(2), evaluate=False), evaluate=False),
                           evaluate=False)
        return self._print(half_erfc)

    def _print_RisingFactorial(self, expr):
        r"""$(b)_h = e^{\log\Gamma(b + h) - \log\Gamma(b)}$: torch has no ``poch``, so the difference of log-gammas
        that the ``log_gamma_difference`` rule avoids comes back here (it loses digits for $b > 10^{6}$; the
        certificate of the torch module measures its own code)."""
        b, h = expr.args
        return self._print(sp.exp(sp.loggamma(b + h) - sp.loggamma(b), evaluate=False))

    def _print_betaln(self, expr):
        r"""$\log B(a, b) = \log\Gamma(a) + \log\Gamma(b) - \log\Gamma(a + b)$: torch has no ``betaln``, so the difference
        of log-gammas that the ``log_beta`` rule avoids comes back here (the certificate of the torch module measures
        its own code)."""
        a, b = expr.args
        return self._print(sp.Add(sp.loggamma(a), sp.loggamma(b), -sp.loggamma(a + b), evaluate=False))

    def _print_polygamma(self, expr):
        """``torch.special.polygamma(n, x)`` takes its order as a Python int, not a tensor (:meth:`call` makes every
        number one); the digamma function of order 0 goes through :meth:`call` as usual."""
        order, arg = expr.args
        if order.is_Integer and order > 0:
            return self.elementwise(f"torch.special.polygamma({int(order)}, {{0}})", [self._print(arg)])
        return super()._print_polygamma(expr)

    def _print_KroneckerDelta(self, expr):
        """An integer 0/1 (torch has no arithmetic on bool tensors)."""
        a, b = (self._print(x) for x in expr.args)
        return self.elementwise("({0} == {1}).to(torch.int64)", [a, b], ATOM, (ADD, ADD))



def _wrapper(name: str, params: list[str], keywords: list[str], grad: bool) -> str:
    cls = "_" + name.title().replace("_", "") + "Function"
    args = ", ".join(params + keywords)
    kw_sig = (", *, " + ", ".join(keywords)) if keywords else ""
    kw_call = "".join(f", {k}={k}" for k in keywords)
    lines = [f"class {cls}(torch.autograd.Function):",
             f'    """{name}: forward by the lowered definition, backward by its derived VJP."""', "",
             "    @staticmethod", f"    def forward(ctx, {args}):"]
    if grad:
        lines += [f"        ctx.save_for_backward({', '.join(params)})",
                  f"        ctx.keywords = ({''.join(k + ', ' for k in keywords)})"]
    lines += [f"        return _{name}_forward({', '.join(params)}{kw_call})"]
    if grad:
        unpack = "".join(k + ", " for k in keywords)
        lines += ["", "    @staticmethod", "    @torch.autograd.function.once_differentiable",
                  "    def backward(ctx, g):",
                  f"        {', '.join(params)}, = ctx.saved_tensors",
                  *([f"        {unpack}= ctx.keywords"] if keywords else []),
                  f"        return {name}_vjp({', '.join(params)}, g{kw_call}) + (None,) * {len(keywords)}"]
    tensors = ", ".join(f"torch.as_tensor({p})" for p in params)
    lines += ["", "", f"def {name}({', '.join(params)}{kw_sig}):",
              f'    """{name}: see _{name}_forward; differentiable by torch.autograd (backward: {name}_vjp)"""' if grad else
              f'    """{name}: see _{name}_forward"""',
              f"    return {cls}.apply({tensors}{''.join(', ' + k for k in keywords)})"]
    return "\n".join(lines)


@contextlib.contextmanager
def float64_arrays():
    """``(to_backend, to_numpy)`` for certifying the written module: NumPy float64 arrays as tensors and back."""
    import numpy as np
    import torch

    def to_numpy(y):
        return y.detach().numpy() if isinstance(y, torch.Tensor) else np.asarray(y, dtype=np.float64)

    yield (lambda x: torch.as_tensor(np.asarray(x, dtype=np.float64))), to_numpy


def write_module(functions, *, grad: bool = False, title: str = "") -> str:
    """The torch module for defined ``functions`` (certified and chosen by the NumPy search)."""
    from codegen.backends.module import write_backend_module

    return write_backend_module(functions, TorchLowering, "import torch", _wrapper, grad=grad, title=title,
                                arrays=float64_arrays)
