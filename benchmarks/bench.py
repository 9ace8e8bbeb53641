r"""Benchmark of generated kernels: speed against hand-written NumPy, lambdify and PyTorch; accuracy.

    python benchmarks/bench.py [--quick] [--json PATH]

For each forward kernel and each VJP that the gradient records provide:

* median wall time of the generated function and of hand-written batched NumPy
  (the textbook forms of ``symbolic/references``, over the last axis), called
  alternately so that both see the same machine load; of plain
  ``sympy.lambdify`` of the formula (element by element, as the verifier does:
  only feasible at a small size, so it is timed there against generated code at
  the same size), and of PyTorch CPU eager (autograd for VJPs) when installed;
* accuracy at a small size: the largest error in ULPs (float64) against the
  mpmath value at 50 digits on ordinary inputs, and the count of inf/nan on
  extreme inputs (logits of 1e4, variances near 0) where the truth is finite,
  for generated code, for a naive transcription (the same lowering without
  stability rewrites) and for the hand-written form (at the same points, so that
  an error due to the output's own conditioning shows in all three).

Targets: generated / hand-written <= 1.10; >= 100x faster than lambdify on
reductions; <= 8 ULP; zero inf/nan on extreme inputs; codegen of the whole
catalog < 30 s.

Generated and hand-written code make the same BLAS calls, so the ratio measures
the code around them.  On a small shared machine multi-threaded OpenBLAS can be
bimodal (a 5 ms batched product taking 13 or 128 ms, measured on a 2-vCPU VM),
which swamps the ratio of BLAS-bound kernels: there, run with
``OPENBLAS_NUM_THREADS=1`` (recorded in the JSON's environment).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

import mpmath
import numpy as np
import sympy as sp
from numpy.lib.stride_tricks import sliding_window_view

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from codegen.lower import Target, formula_inputs, lower_function
from codegen.module import generate_all, load_generated
from symbolic import get
from derivations.numeric.evaluate import Evaluator, Point
from symbolic.expr import as_expr

TARGETS = {"vs_hand": 1.10, "vs_lambdify": 100.0, "ulp": 8.0, "codegen_seconds": 30.0}


# ** hand-written batched NumPy (the references' textbook forms over the last axis) **

def _softmax(z):
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def _norm(x, eps, axis):
    mu = np.mean(x, axis=axis, keepdims=True)
    var = np.mean((x - mu) ** 2, axis=axis, keepdims=True)
    return (x - mu) / np.sqrt(var + eps), var


def _attention_parts(Q, K, V):
    A = _softmax(Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1]))
    return A


HAND = {
    "softmax": lambda z: _softmax(z),
    "log_softmax": lambda z: (z - np.max(z, -1, keepdims=True))
    - np.log(np.sum(np.exp(z - np.max(z, -1, keepdims=True)), -1, keepdims=True)),
    "logsumexp": lambda z: np.max(z, -1) + np.log(np.sum(np.exp(z - np.max(z, -1, keepdims=True)), -1)),
    "cross_entropy": lambda y, p: -np.sum(y * np.log(p)) / y.shape[0],
    "layer_norm": lambda x, gamma, beta, epsilon: gamma * _norm(x, epsilon, -1)[0] + beta,
    "batch_norm": lambda x, gamma, beta, epsilon: gamma * _norm(x, epsilon, 0)[0] + beta,
    "attention": lambda Q, K, V: _attention_parts(Q, K, V) @ V,
    "conv2d": lambda x, k: np.einsum("...stmn,mn->...st", sliding_window_view(x, k.shape, axis=(-2, -1)),
                                     k[::-1, ::-1]),
    "softmax_vjp_z": lambda g, z: _softmax_vjp(g, _softmax(z)),
    "cross_entropy_softmax_vjp_z": lambda g, y, z: g * (_softmax(z) - y) / z.shape[0],
    "layer_norm_vjp_x": lambda g, x, gamma, beta, epsilon: _norm_vjp(g * gamma, x, epsilon, -1),
    "batch_norm_vjp_x": lambda g, x, gamma, beta, epsilon: _norm_vjp(g * gamma, x, epsilon, 0),
    "attention_vjp_Q": lambda g, Q, K, V: _attention_vjp(g, Q, K, V)[0],
    "attention_vjp_K": lambda g, Q, K, V: _attention_vjp(g, Q, K, V)[1],
    "attention_vjp_V": lambda g, Q, K, V: _attention_vjp(g, Q, K, V)[2],
    "conv2d_vjp_x": lambda g, x, k: np.einsum("...pqmn,mn->...pq", sliding_window_view(_pad_last2(g, k.shape), k.shape,
                                                                                     axis=(-2, -1)), k),
}


def _pad_last2(g, kernel_shape):
    """``g`` zero-padded by the kernel size - 1 on each side of its last two axes: the full convolution."""
    (m1, m2) = kernel_shape
    return np.pad(g, ((0, 0),) * (g.ndim - 2) + ((m1 - 1, m1 - 1), (m2 - 1, m2 - 1)))


def _softmax_vjp(g, s):
    return s * (g - np.sum(g * s, -1, keepdims=True))


def _norm_vjp(dxhat, x, eps, axis):
    xhat, var = _norm(x, eps, axis)
    return (dxhat - np.mean(dxhat, axis, keepdims=True)
            - xhat * np.mean(dxhat * xhat, axis, keepdims=True)) / np.sqrt(var + eps)


def _attention_vjp(g, Q, K, V):
    A = _attention_parts(Q, K, V)
    dA = g @ np.swapaxes(V, -1, -2)
    dS = A * (dA - np.sum(dA * A, -1, keepdims=True)) / np.sqrt(Q.shape[-1])
    return dS @ K, np.swapaxes(dS, -1, -2) @ Q, np.swapaxes(A, -1, -2) @ g


# ** inputs at realistic sizes **

def inputs(kernel: str, quick: bool, rng) -> dict:
    s = 8 if quick else 1
    if kernel in ("softmax", "log_softmax", "logsumexp", "softmax_vjp_z"):
        d = {"z": rng.standard_normal((256 // s, 32768 // s)) * 3}
    elif kernel in ("cross_entropy", "cross_entropy_softmax_vjp_z"):
        z = rng.standard_normal((256 // s, 32768 // s))
        d = {"y": _softmax(rng.standard_normal(z.shape)), "p": _softmax(z), "z": z}
    elif kernel.startswith("layer_norm"):
        d = {"x": rng.standard_normal((4096 // s, 1024 // s)), "gamma": rng.standard_normal(1024 // s),
             "beta": rng.standard_normal(1024 // s), "epsilon": np.float64(1e-5)}
    elif kernel.startswith("batch_norm"):  # batch 1024 x features 4096; the generated code reduces the last axis
        d = {"x": rng.standard_normal((1024 // s, 4096 // s)), "gamma": rng.standard_normal(4096 // s),
             "beta": rng.standard_normal(4096 // s), "epsilon": np.float64(1e-5)}
    elif kernel.startswith("attention"):
        d = {n: rng.standard_normal((8, 512 // s, 64)) for n in ("Q", "K", "V")}
    elif kernel.startswith("conv2d"):
        d = {"x": rng.standard_normal((8, 16, 64 // s, 64 // s)), "k": rng.standard_normal((3, 3))}
    else:
        raise KeyError(kernel)
    return d


def call_args(kernel: str, fn, d: dict, out_shape=None) -> dict:
    import inspect

    names = list(inspect.signature(fn).parameters)
    args = {n: d[n] for n in names if n in d}
    if "g" in names:
        args["g"] = d["g"]
    return args


def median_time(fn, kwargs, repeat: int) -> float:
    fn(**kwargs)  # warm up
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn(**kwargs)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def side_by_side(a, a_args: dict, b, b_args: dict, repeat: int) -> tuple[float, float, float]:
    """Median times of ``a`` and ``b``, called alternately, and the median ratio of adjacent calls.

    Adjacent calls see the same machine load, so the ratio of each pair drifts less than
    the ratio of the two medians when the load changes during the run (a shared machine);
    which of the two goes first alternates, so that neither always inherits the other's caches.
    """
    a(**a_args)
    b(**b_args)
    ta, tb = [], []
    for n in range(repeat):
        pair = ((a, a_args, ta), (b, b_args, tb))
        for fn, args, times in (pair if n % 2 == 0 else pair[::-1]):
            t = time.perf_counter()
            fn(**args)
            times.append(time.perf_counter() - t)
    return statistics.median(ta), statistics.median(tb), statistics.median(x / y for x, y in zip(ta, tb))


# ** PyTorch **

def torch_kernel(kernel: str):
    try:
        import torch
        import torch.nn.functional as F
    except ImportError:
        return None
    torch.set_num_threads(os.cpu_count() or 1)

    def fwd(name, t):
        if name in ("softmax", "softmax_vjp_z"):
            return torch.softmax(t["z"], -1)
        if name == "log_softmax":
            return torch.log_softmax(t["z"], -1)
        if name == "logsumexp":
            return torch.logsumexp(t["z"], -1)
        if name == "cross_entropy":
            return -(t["y"] * torch.log(t["p"])).sum() / t["y"].shape[0]
        if name == "cross_entropy_softmax_vjp_z":
            return -(t["y"] * torch.log_softmax(t["z"], -1)).sum() / t["y"].shape[0]
        if name.startswith("layer_norm"):
            return F.layer_norm(t["x"], t["x"].shape[-1:], t["gamma"], t["beta"], float(t["epsilon"]))
        if name.startswith("batch_norm"):
            return F.batch_norm(t["x"], None, None, t["gamma"], t["beta"], True, 0.0, float(t["epsilon"]))
        if name.startswith("attention"):
            s = t["Q"] @ t["K"].transpose(-1, -2) / t["Q"].shape[-1] ** 0.5
            return torch.softmax(s, -1) @ t["V"]
        if name.startswith("conv2d"):
            x = t["x"]
            out = F.conv2d(x.reshape(-1, 1, *x.shape[-2:]), t["k"].flip(0, 1)[None, None])
            return out.reshape(*x.shape[:-2], *out.shape[-2:])
        raise KeyError(name)

    def run(name, d):
        wrt = name.rsplit("_vjp_", 1)[1] if "_vjp_" in name else None
        t = {k: torch.tensor(np.asarray(v), requires_grad=(k == wrt)) for k, v in d.items() if k != "g"}
        if wrt is None:
            return lambda: fwd(name, t)
        out = fwd(name, t)
        g = torch.tensor(np.asarray(d["g"])) if np.ndim(d["g"]) else torch.tensor(float(d["g"]))
        return lambda: torch.autograd.grad(out, t[wrt], g, retain_graph=True)

    return run


# ** lambdify (the verifier's plain path) at a small size **

SMALL = {"softmax": {"K": 256}, "log_softmax": {"K": 256}, "logsumexp": {"K": 32768},
         "cross_entropy": {"n": 64, "K": 512}, "layer_norm": {"H": 256}, "batch_norm": {"m": 256},
         "attention": {"n_q": 16, "n_k": 16, "d_k": 8, "d_v": 8},
         "conv2d": {"N_1": 64, "N_2": 64, "M_1": 3, "M_2": 3}}
"""Sizes where plain lambdify is timed: vector outputs cost one call per element, each with a Python sum
over the reduced axis (quadratic), so they stay small; scalar outputs are one call, so they are larger."""


def lambdify_vs_generated(fid: str, module, rng, repeat: int) -> dict:
    """Plain ``sympy.lambdify`` of the formula, one output element per call (index arguments), at a small size."""
    f = get(fid)
    sizes = {s: SMALL[fid][str(s)] for s in f.size_symbols}
    values = {v.name: v.domain.sample(rng, tuple(_size(d, sizes) for d in v.shape)) for v in f.variables}
    (out,) = f.outputs
    args = [v.symbol for v in f.variables] + list(f.size_symbols) + [i for i, _, _ in out.indices]
    fn = sp.lambdify(args, f.expanded(out), modules="numpy")
    ranges = [range(_size(lo, sizes), _size(hi, sizes) + 1) for _, lo, hi in out.indices]
    import itertools

    def plain():
        with np.errstate(all="ignore"):
            return [fn(*values.values(), *sizes.values(), *idx) for idx in itertools.product(*ranges)]

    t_plain = median_time(lambda: plain(), {}, max(1, repeat // 3))
    t_gen = median_time(getattr(module, fid), values, repeat)
    return {"sizes": {str(k): v for k, v in sizes.items()}, "lambdify_s": t_plain, "generated_s": t_gen,
            "speedup": t_plain / t_gen}


# ** accuracy **

ACCURACY_SIZES = {"softmax": {"K": 64}, "log_softmax": {"K": 64}, "logsumexp": {"K": 64},
                  "cross_entropy": {"n": 2, "K": 16}, "layer_norm": {"H": 64}, "batch_norm": {"m": 64},
                  "attention": {"n_q": 3, "n_k": 4, "d_k": 4, "d_v": 2},
                  "conv2d": {"N_1": 6, "N_2": 6, "M_1": 3, "M_2": 3}}


def extreme(fid: str, shape_of, rng) -> dict:
    """Logits of 1e4, variances near 0 (a constant row plus 1e-9 noise, epsilon 1e-12), scores of 1e4."""
    if fid in ("softmax", "log_softmax", "logsumexp"):
        return {"z": rng.uniform(-1e4, 1e4, shape_of("z"))}
    if fid == "cross_entropy":
        p = _softmax(rng.uniform(-700, 700, shape_of("p")))
        return {"y": _softmax(rng.standard_normal(shape_of("y"))), "p": np.maximum(p, 1e-300)}
    if fid in ("layer_norm", "batch_norm"):
        x = 1e4 + 1e-9 * rng.standard_normal(shape_of("x"))
        return {"x": x, "gamma": np.ones(shape_of("gamma")), "beta": np.zeros(shape_of("beta")),
                "epsilon": np.float64(1e-12)}
    if fid == "attention":
        return {"Q": rng.uniform(-100, 100, shape_of("Q")), "K": rng.uniform(-100, 100, shape_of("K")),
                "V": rng.standard_normal(shape_of("V"))}
    if fid == "conv2d":
        return {"x": rng.uniform(-1e4, 1e4, shape_of("x")), "k": rng.uniform(-1e4, 1e4, shape_of("k"))}
    raise KeyError(fid)


def naive_function(fid: str):
    """The same lowering of the formula as written (no stability rewrites): a naive transcription."""
    f = get(fid)
    fn = lower_function(f"{fid}_naive", formula_inputs(f), tuple(Target(o.name, f.expanded(o), o.indices)
                                                                  for o in f.outputs), f.size_symbols)
    imports = "import numpy as np\nfrom numpy.lib.stride_tricks import sliding_window_view\n\n\n"
    return getattr(load_generated(imports + fn.source()), fn.name)


def _size(d, sizes) -> int:
    return int(as_expr(d).xreplace(sizes))


def ulps(got, truth) -> float:
    worst = 0.0
    for a, t in zip(np.ravel(got), np.ravel(truth)):
        if not mpmath.isfinite(t):
            continue
        tf = float(t)
        if not np.isfinite(a):
            return float("inf")
        worst = max(worst, float(abs(mpmath.mpf(float(a)) - t) / mpmath.mpf(float(np.spacing(abs(tf))))))
    return worst


def accuracy(fid: str, module, rng) -> dict:
    f = get(fid)
    sizes = {s: ACCURACY_SIZES[fid][str(s)] for s in f.size_symbols}

    def shape_of(name):
        return tuple(_size(d, sizes) for d in f.variable(name).shape)

    ordinary = {v.name: (rng.standard_normal(shape_of(v.name)) if v.domain.text == "real" else
                         v.domain.sample(rng, shape_of(v.name))) for v in f.variables}
    ev, naive, hand = Evaluator(f), naive_function(fid), HAND[fid]

    def hand_written(**values):
        return hand(**call_args(fid, hand, values))

    out = {}
    for label, values in (("ordinary", ordinary), ("extreme", extreme(fid, shape_of, rng))):
        truth = ev.mpmath(Point(sizes, values, label))[f.outputs[0].name]
        finite = np.vectorize(lambda t: bool(mpmath.isfinite(t)) and abs(t) < 1.7e308, otypes=[bool])(truth)
        for which, fn in (("generated", getattr(module, fid)), ("naive", naive), ("hand", hand_written)):
            with np.errstate(all="ignore"):
                got = np.broadcast_to(np.asarray(fn(**values), dtype=float), truth.shape)
            if label == "ordinary":
                out[f"ulp_{which}"] = ulps(got, truth)
            else:
                out[f"nonfinite_{which}"] = int(np.sum(~np.isfinite(got) & finite))
                out[f"ulp_extreme_{which}"] = ulps(np.where(finite, got, 0.0), np.where(finite, truth, 0))
    return out


# ** the run **

FORWARD = ("softmax", "log_softmax", "logsumexp", "cross_entropy", "layer_norm", "batch_norm", "attention", "conv2d")
BACKWARD = ("softmax_vjp_z", "cross_entropy_softmax_vjp_z", "layer_norm_vjp_x", "batch_norm_vjp_x",
            "attention_vjp_Q", "attention_vjp_K", "attention_vjp_V", "conv2d_vjp_x")


def environment() -> dict:
    env = {"python": sys.version.split()[0], "platform": platform.platform(), "cpu_count": os.cpu_count(),
           "numpy": np.__version__, "sympy": sp.__version__, "mpmath": mpmath.__version__,
           "OPENBLAS_CORETYPE": os.environ.get("OPENBLAS_CORETYPE"),
           "OPENBLAS_NUM_THREADS": os.environ.get("OPENBLAS_NUM_THREADS"),
           "OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS")}
    try:
        import torch

        env["torch"] = torch.__version__
        env["torch_threads"] = torch.get_num_threads()
    except ImportError:
        env["torch"] = None
    try:
        from threadpoolctl import threadpool_info

        env["threadpools"] = threadpool_info()
    except ImportError:
        env["threadpools"] = "threadpoolctl not installed"
    try:
        env["numpy_config"] = {k: v for k, v in np.show_config(mode="dicts").items() if k in ("Build Dependencies",)}
    except Exception:  # noqa: BLE001  (older NumPy: no dict mode)
        env["numpy_config"] = None
    return env


def kernel_inputs(kernel: str, quick: bool, rng) -> dict:
    """The inputs of ``kernel``, with an upstream gradient ``g`` shaped like the forward output for a VJP."""
    d = inputs(kernel, quick, rng)
    if "_vjp_" in kernel:
        fwd = {"softmax_vjp_z": "softmax", "cross_entropy_softmax_vjp_z": None}.get(kernel, kernel.split("_vjp_")[0])
        if fwd is None:
            d["g"] = np.float64(1.0)
        else:
            shape = HAND[fwd](**{k: d[k] for k in call_args(fwd, HAND[fwd], d)}).shape
            d["g"] = rng.standard_normal(shape)
    return d


def run(quick: bool) -> dict:
    """NumPy timings and accuracy first, PyTorch last: its idle threads spin for a while after each
    call and would slow the BLAS calls of whatever NumPy kernel is timed next."""
    rng = np.random.default_rng(0)
    start = time.perf_counter()
    text = generate_all(True)
    codegen_seconds = time.perf_counter() - start
    module = load_generated(text)
    repeat = 3 if quick else 9
    rows = []
    for kernel in FORWARD + BACKWARD:
        row = {"kernel": kernel}
        if not hasattr(module, kernel):
            row["note"] = "not generated (no gradient record or no lowering rule; see the module header)"
            rows.append(row)
            continue
        fn = getattr(module, kernel)
        d = kernel_inputs(kernel, quick, rng)
        gen_args = call_args(kernel, fn, d)
        if kernel.startswith("batch_norm"):  # generated: features x batch (reduces the last axis), a transposed view
            gen_args = {**gen_args, "x": d["x"].T}
            if "g" in gen_args:
                gen_args["g"] = d["g"].T
        hand = HAND[kernel]
        row["generated_s"], row["hand_s"], row["gen_over_hand"] = side_by_side(
            fn, gen_args, hand, call_args(kernel, hand, d), repeat)
        if kernel in FORWARD:
            row["lambdify"] = lambdify_vs_generated(kernel, module, rng, repeat)
            row["accuracy"] = accuracy(kernel, module, rng)
        rows.append(row)
    torch_run = torch_kernel("")
    if torch_run is not None:
        torch_rng = np.random.default_rng(1)
        for row in rows:
            if "generated_s" in row:
                row["torch_s"] = median_time(torch_run(row["kernel"], kernel_inputs(row["kernel"], quick, torch_rng)),
                                             {}, repeat)
    return {"environment": environment(), "quick": quick, "codegen_whole_catalog_s": codegen_seconds,
            "targets": TARGETS, "kernels": rows}


def table(result: dict) -> str:
    head = (f"{'kernel':28} {'gen ms':>9} {'hand ms':>9} {'gen/hand':>8} {'torch ms':>9} "
            f"{'lambdify x':>10} {'ulp gen':>8} {'ulp naive':>9} {'ulp hand':>8} {'inf/nan gen':>11} {'naive':>6}")
    lines = [head, "-" * len(head)]
    for r in result["kernels"]:
        if "generated_s" not in r:
            lines.append(f"{r['kernel']:28} {r['note']}")
            continue
        acc, lam = r.get("accuracy", {}), r.get("lambdify", {})
        torch_ms = f"{1e3 * r['torch_s']:9.2f}" if "torch_s" in r else f"{'-':>9}"
        lines.append(
            f"{r['kernel']:28} {1e3 * r['generated_s']:9.2f} {1e3 * r['hand_s']:9.2f} {r['gen_over_hand']:8.2f} "
            f"{torch_ms} {lam.get('speedup', float('nan')):10.0f} {acc.get('ulp_generated', float('nan')):8.1f} "
            f"{acc.get('ulp_naive', float('nan')):9.1f} {acc.get('ulp_hand', float('nan')):8.1f} "
            f"{acc.get('nonfinite_generated', '-'):>11} "
            f"{acc.get('nonfinite_naive', '-'):>6}")
    lines.append("")
    lines.append(f"codegen of the whole catalog (with --grad and its certificate): "
                 f"{result['codegen_whole_catalog_s']:.1f} s (target < {TARGETS['codegen_seconds']:.0f} s)")
    lines.append("gen/hand: median over adjacent pairs of calls of generated time / hand-written time")
    lines.append("lambdify x: plain sympy.lambdify time / generated time, both at the small sizes in the JSON")
    lines.append("ulp: worst error on ordinary inputs in units of the truth's last place; where an output cancels to")
    lines.append("near 0 (beta + gamma * xhat) any float64 code errs by many ulp: 'ulp hand' is the hand-written form")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes (a smoke run)")
    parser.add_argument("--json", default=str(Path(__file__).with_name("results.json")),
                        help="where to write the results (default: benchmarks/results.json)")
    args = parser.parse_args(argv)
    result = run(args.quick)
    print(table(result))
    Path(args.json).write_text(json.dumps(result, indent=2, default=str) + "\n")
    print(f"\nresults: {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
