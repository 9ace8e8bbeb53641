r"""Peer benchmark: generated NumPy kernels against NumPy, PyTorch, JAX and PyTensor on CPU, in one process.

Kernels (forward, and backward = VJP given an upstream gradient g, all parameter gradients):

    softmax      z (4096, 1024)                           -> dz
    xent         softmax cross-entropy from logits, mean over rows: y (4096, 1024) probabilities, z logits -> dz
    layer_norm   x (4096, 1024) over the last axis, gamma, beta, eps 1e-5       -> dx, dgamma, dbeta
    batch_norm   x (1024, 4096) over the batch axis (training statistics)       -> dx, dgamma, dbeta
    attention    softmax(Q K^T / sqrt(d)) V, Q, K, V (8, 512, 64)               -> dQ, dK, dV
    conv2d       x (8, 16, 64, 64), w (16, 16, 3, 3), valid cross-correlation   -> dx, dw

Columns: numpy (hand-written, benchmarks/numpy_baseline.py, the correctness reference), generated
(the candidate, through the plug-in ``load_generated``), numba (``formulary codegen --backend numba`` of the
same catalog formulas: compiled row loops, where the backend writes the formula; compilation excluded: it
happens in the correctness call before the warm-up; the kernels are serial, NUMBA_NUM_THREADS as the
others), torch (eager; forward under no_grad; backward
"from scratch" = forward + backward each call), torch-graph (backward only, on a graph built once,
retain_graph=True), jax (jit; compile and host->device transfer excluded; block_until_ready) and
pytensor (compiled function, default mode).  Every non-torch backward recomputes what it needs of the
forward, so it compares with "torch" (from scratch); "torch-graph" is the lower bound that a framework
with a stored graph pays.

Method.  Each thread setting runs in a fresh child process whose OMP/MKL/OPENBLAS/NUMBA thread variables
and XLA_FLAGS are set before any import; torch.set_num_threads and threadpoolctl pin the rest, and the
process is bound to that many CPUs (``os.sched_setaffinity``): XLA's CPU runtime runs parts of a jitted
program on threads of its own whatever the flags say (measured: JAX's CPU time 1.6-1.9x its wall time at
"one thread"), so without the binding JAX's column was a two-core time beside one-core ones.  Per
kernel and phase every library is warmed up (2 calls), then timed in ROUNDS rounds (default 11); a round
calls each library once, in an order rotated each round (round robin), so all see the same machine load;
the reported time is the median.  The timing child's glibc keeps freed blocks (``--heap warm``, the default:
every library's outputs come from memory already touched, none pays page faults that another does not;
``--heap glibc`` for glibc's defaults; the faults per call are in the JSON).  The "floor" is the median time of np.copyto of every input and output
array into preallocated arrays (timed in the same rounds): a memory-bandwidth lower bound; every time is
also shown as a multiple of it.  The CPU-time/wall-time ratio of every cell is kept in the JSON
(``cpu_over_wall``; about 1.0 when a library really ran on one thread), and its median CPU time
(``cpu_s``): the tables give the generated / best peer ratio on both, the CPU one being steadier when
other processes load the machine.

Correctness, before timing: every output of every peer against the NumPy baseline,
max|a - b| / max|b| per output <= 1e-9 (float64) or 1e-4 (float32); a failing cell is marked "WRONG".

Peak extra memory (a separate child at one thread, MALLOC_MMAP_THRESHOLD_=65536 so that freed large
blocks go back to the OS): for every library, the resident-set high-water mark during one call (after
a warm call; /proc/self/clear_refs resets VmHWM) minus the resident set before it, outputs included.
For numpy and generated code also tracemalloc's peak minus its baseline (NumPy reports its data
allocations to tracemalloc).  PyTorch has no CPU allocator statistics (torch.cpu has none), so its
number is the RSS one; the RSS numbers are the ones comparable across libraries.

Plugging in the generated code: ``load_generated`` returns a dict of callables with these names and
signatures (float64 or float32 NumPy arrays in, arrays out, gradients as a tuple in this order):

    softmax(z) -> s                         softmax_vjp(z, g) -> (dz,)
    xent(y, z) -> loss (0-d)                xent_vjp(y, z, g) -> (dz,)            g is a 0-d array
    layer_norm(x, gamma, beta) -> y         layer_norm_vjp(x, gamma, beta, g) -> (dx, dgamma, dbeta)
    batch_norm(x, gamma, beta) -> y         batch_norm_vjp(x, gamma, beta, g) -> (dx, dgamma, dbeta)
    attention(Q, K, V) -> O                 attention_vjp(Q, K, V, g) -> (dQ, dK, dV)
    conv2d(x, w) -> y                       conv2d_vjp(x, w, g) -> (dx, dw)

(eps is 1e-5, fixed.)  It looks, in order, at: ``--generated FILE`` (a Python file defining those
names, or the catalog names below), ``formulary.api.peer_kernels()`` (a dict as above), and the codegen
of today's repository (``codegen.module.write_module``), whose catalog functions are adapted (see
``adapt_catalog``: e.g. batch_norm gets x.T because the catalog reduces the last axis; conv2d is
the catalog's multi-channel conv2d_multichannel, batch N a leading axis).  If
nothing loads, the column is skipped with a message.

Example (a smoke run, then the full run with a second table at two threads):

    python benchmarks/peers.py --quick
    python benchmarks/peers.py --dtype float64,float32 --threads 1,2 --json benchmarks/peers.json \
        --markdown benchmarks/peers_results.md
"""
from __future__ import annotations

import argparse
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
LIBS = ("numpy", "generated", "numba", "torch", "torch-graph", "jax", "pytensor")
KERNELS = ("softmax", "xent", "layer_norm", "batch_norm", "attention", "conv2d")
EPS = 1e-5
TOL = {"float64": 1e-9, "float32": 1e-4}


def thread_env(n: int) -> dict:
    env = {k: str(n) for k in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS",
                               "NUMEXPR_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "NUMBA_NUM_THREADS")}
    if n == 1:
        env["XLA_FLAGS"] = "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1"
    return env


# ** inputs **

def shapes(kernel: str, quick: bool) -> dict:
    s = 8 if quick else 1
    if kernel in ("softmax", "xent"):
        return {"n": 4096 // s, "K": 1024}
    if kernel == "layer_norm":
        return {"n": 4096 // s, "H": 1024}
    if kernel == "batch_norm":
        return {"m": 1024 // s, "F": 4096}
    if kernel == "attention":
        return {"b": 8, "n": 512 // s, "d": 64}
    if kernel == "conv2d":
        return {"N": 8 // (2 if quick else 1), "C": 16, "H": 64 // (2 if quick else 1), "O": 16, "k": 3}
    raise KeyError(kernel)


def make_inputs(kernel: str, quick: bool, dtype, rng):
    """(names, arrays, indices of the differentiated inputs)."""
    import numpy as np

    sh = shapes(kernel, quick)

    def r(*shape, scale=1.0):
        return (rng.standard_normal(shape) * scale).astype(dtype)

    if kernel == "softmax":
        return ("z",), (r(sh["n"], sh["K"], scale=3.0),), (0,)
    if kernel == "xent":
        e = np.exp(rng.standard_normal((sh["n"], sh["K"])))
        return ("y", "z"), ((e / e.sum(-1, keepdims=True)).astype(dtype), r(sh["n"], sh["K"], scale=3.0)), (1,)
    if kernel == "layer_norm":
        return ("x", "gamma", "beta"), (r(sh["n"], sh["H"]), r(sh["H"]), r(sh["H"])), (0, 1, 2)
    if kernel == "batch_norm":
        return ("x", "gamma", "beta"), (r(sh["m"], sh["F"]), r(sh["F"]), r(sh["F"])), (0, 1, 2)
    if kernel == "attention":
        return ("Q", "K", "V"), tuple(r(sh["b"], sh["n"], sh["d"]) for _ in range(3)), (0, 1, 2)
    if kernel == "conv2d":
        return ("x", "w"), (r(sh["N"], sh["C"], sh["H"], sh["H"]), r(sh["O"], sh["C"], sh["k"], sh["k"])), (0, 1)
    raise KeyError(kernel)


# ** the generated candidate: the plug-in **

CANONICAL = tuple(n for k in KERNELS for n in (k, k + "_vjp"))
CATALOG_IDS = ["softmax", "softmax_cross_entropy", "layer_norm", "batch_norm", "attention", "conv2d_multichannel"]


def adapt_catalog(m) -> dict:
    """Canonical kernels from the catalog's generated functions (one joint VJP per formula:
    ``<formula>_vjp(params..., g)`` returning a tuple of every gradient, in the record order)."""

    E = EPS

    def layer_norm_vjp(x, gamma, beta, g):
        # gamma, beta (H,) broadcast over the batch: their gradients come back summed to (H,)
        return m.layer_norm_vjp(x, gamma, beta, E, g)

    def batch_norm_vjp(x, gamma, beta, g):
        # the catalog's batch_norm reduces the last axis: features x batch, a transposed view
        dx, dgamma, dbeta = m.batch_norm_vjp(x.T, gamma, beta, E, g.T)
        return dx.T, dgamma, dbeta

    def conv2d_vjp(x, w, g):
        # the batch N is a leading axis of the catalog's conv2d_multichannel; w broadcast over it: dw summed
        return m.conv2d_multichannel_vjp(x, w, g)

    return {
        "softmax": m.softmax,
        "softmax_vjp": m.softmax_vjp,
        # the catalog's record of cross-entropy from logits (log-softmax in the generated code)
        "xent": m.softmax_cross_entropy,
        "xent_vjp": m.softmax_cross_entropy_vjp,
        "layer_norm": lambda x, gamma, beta: m.layer_norm(x, gamma, beta, E),
        "layer_norm_vjp": layer_norm_vjp,
        "batch_norm": lambda x, gamma, beta: m.batch_norm(x.T, gamma, beta, E).T,
        "batch_norm_vjp": batch_norm_vjp,
        "attention": m.attention,
        "attention_vjp": m.attention_vjp,
        "conv2d": m.conv2d_multichannel,
        "conv2d_vjp": conv2d_vjp,
    }


def _module_from_text(text: str, name: str = "formulary_generated_peers"):
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from codegen.load import load_generated

    return load_generated(text, name)


def _from_module(m, source: str):
    if all(hasattr(m, n) for n in CANONICAL):
        return {n: getattr(m, n) for n in CANONICAL}, f"{source}: canonical functions"
    return adapt_catalog(m), f"{source}: catalog functions, adapted (adapt_catalog)"


def load_generated(path: str | None = None):
    """(dict of canonical callables, note) or (None, reason).  Never raises: a package move skips the column."""
    errors = []
    if path:
        try:
            return _from_module(_module_from_text(Path(path).read_text(encoding="utf-8")), path)
        except Exception as e:  # noqa: BLE001
            errors.append(f"--generated {path}: {e!r}")
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    try:
        import formulary.api as api  # the future public API, if it offers the hook

        if hasattr(api, "peer_kernels"):
            return dict(api.peer_kernels()), "formulary.api.peer_kernels()"
        if hasattr(api, "write_module"):
            return _from_module(_module_from_text(api.write_module(CATALOG_IDS, grad=True)),
                                "formulary.api.write_module")
        errors.append("formulary.api: no peer_kernels or write_module")
    except Exception as e:  # noqa: BLE001
        errors.append(f"formulary.api: {e!r}")
    try:
        from codegen.module import write_module  # today's layout (as benchmarks/bench.py)

        return _from_module(_module_from_text(write_module(CATALOG_IDS, grad=True)), "codegen.module.write_module")
    except Exception as e:  # noqa: BLE001
        errors.append(f"codegen.module: {e!r}")
    return None, "generated column skipped: " + "; ".join(errors)


# ** peers **

def numpy_peer(kernel):
    import numpy_baseline as nb

    return getattr(nb, kernel), getattr(nb, kernel + "_vjp")


def torch_funcs():
    import torch
    import torch.nn.functional as F

    return {
        "softmax": lambda z: torch.softmax(z, -1),
        "xent": lambda y, z: F.cross_entropy(z, y),  # probability targets, mean over rows
        "layer_norm": lambda x, gamma, beta: F.layer_norm(x, x.shape[-1:], gamma, beta, EPS),
        "batch_norm": lambda x, gamma, beta: F.batch_norm(x, None, None, gamma, beta, True, 0.0, EPS),
        "attention": lambda Q, K, V: F.scaled_dot_product_attention(Q, K, V),
        "conv2d": lambda x, w: F.conv2d(x, w),
    }


def jax_funcs():
    import jax
    import jax.numpy as jnp

    def ln(x, gamma, beta):
        mu = jnp.mean(x, -1, keepdims=True)
        xc = x - mu
        var = jnp.mean(xc * xc, -1, keepdims=True)
        return xc * jax.lax.rsqrt(var + EPS) * gamma + beta

    def bn(x, gamma, beta):
        mu = jnp.mean(x, 0)
        xc = x - mu
        var = jnp.mean(xc * xc, 0)
        return xc * (jax.lax.rsqrt(var + EPS) * gamma) + beta

    def att(Q, K, V):
        S = jnp.einsum("bid,bjd->bij", Q, K) / math.sqrt(Q.shape[-1])
        return jnp.einsum("bij,bjd->bid", jax.nn.softmax(S, -1), V)

    return {
        "softmax": lambda z: jax.nn.softmax(z, -1),
        "xent": lambda y, z: -jnp.sum(y * jax.nn.log_softmax(z, -1)) / z.shape[0],
        "layer_norm": ln, "batch_norm": bn, "attention": att,
        "conv2d": lambda x, w: jax.lax.conv_general_dilated(x, w, (1, 1), "VALID",
                                                            dimension_numbers=("NCHW", "OIHW", "NCHW")),
    }


def pytensor_build(kernel, arrays, pidx, mode):
    import pytensor
    import pytensor.tensor as pt

    dt = str(arrays[0].dtype)
    xs = [pt.tensor(f"a{i}", dtype=dt, shape=(None,) * a.ndim) for i, a in enumerate(arrays)]
    sm = pt.special.softmax
    if kernel == "softmax":
        out = sm(xs[0], axis=-1)
    elif kernel == "xent":
        y, z = xs
        out = -pt.sum(y * pt.special.log_softmax(z, axis=-1)) / z.shape[0]
    elif kernel in ("layer_norm", "batch_norm"):
        x, gamma, beta = xs
        ax = -1 if kernel == "layer_norm" else 0
        xc = x - pt.mean(x, axis=ax, keepdims=True)
        var = pt.mean(xc * xc, axis=ax, keepdims=True)
        out = xc / pt.sqrt(var + EPS) * gamma + beta
    elif kernel == "attention":
        Q, K, V = xs
        S = pt.matmul(Q, K.transpose(0, 2, 1)) * (1.0 / math.sqrt(arrays[0].shape[-1]))
        out = pt.matmul(sm(S, axis=-1), V)
    elif kernel == "conv2d":  # sum over the kh*kw shifts of a channel contraction (tensordot: BLAS)
        x, w = xs
        kh, kw = arrays[1].shape[-2:]
        Ho, Wo = x.shape[2] - kh + 1, x.shape[3] - kw + 1
        out = 0
        for a in range(kh):
            for b in range(kw):
                out = out + pt.tensordot(w[:, :, a, b], x[:, :, a:a + Ho, b:b + Wo], axes=[[1], [1]])
        out = out.dimshuffle(1, 0, 2, 3)
    else:
        raise KeyError(kernel)
    fwd = pytensor.function(xs, out, mode=mode)
    g = pt.tensor("g", dtype=dt, shape=(None,) * (0 if kernel == "xent" else arrays[0].ndim))
    cost = pt.sum(out * g)
    grads = pytensor.grad(cost, [xs[i] for i in pidx])
    bwd = pytensor.function(xs + [g], grads, mode=mode)
    return fwd, bwd


# ** measuring **

def rel_err(got, ref) -> float:
    import numpy as np

    got, ref = np.asarray(got, dtype=np.float64), np.asarray(ref, dtype=np.float64)
    if got.shape != ref.shape:
        return float("inf")
    scale = float(np.max(np.abs(ref))) or 1.0
    return float(np.max(np.abs(got - ref))) / scale


def cpu_model() -> str:
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def _status(key: str) -> int:
    for line in open("/proc/self/status"):
        if line.startswith(key):
            return int(line.split()[1]) * 1024
    return -1


def rss_peak_extra(fn) -> float:
    """Bytes: the RSS high-water mark during fn() minus the RSS before it (outputs included)."""
    import gc

    gc.collect()
    before = _status("VmRSS")
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")
    out = fn()
    peak = _status("VmHWM")
    del out
    return float(max(0, peak - before))


def tracemalloc_peak_extra(fn) -> float:
    import gc
    import tracemalloc

    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    tracemalloc.reset_peak()
    out = fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del out
    return float(peak - base)


class Cell:
    """One (library, kernel, phase): a zero-argument call and a converter of its result to NumPy arrays."""

    def __init__(self, lib, call, to_numpy, note=""):
        self.lib, self.call, self.to_numpy, self.note = lib, call, to_numpy, note


def load_numba():
    """(dict of canonical callables for the kernels the numba backend writes, note) or (None, reason)."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    try:
        from codegen.backends.numba import write_module

        m = _module_from_text(write_module(CATALOG_IDS, grad=True), "formulary_generated_numba_peers")
    except Exception as e:  # noqa: BLE001
        return None, f"numba column skipped: {e!r}"
    adapted = adapt_catalog(_Partial(m))
    found = {n: f for n, f in adapted.items() if n.split("_vjp")[0] in _Partial.kernels_of(m)}
    return found, "codegen.backends.numba.write_module: catalog functions, adapted; kernels: " + \
        ", ".join(sorted({n.split("_vjp")[0] for n in found}))


class _Partial:
    """A generated module whose missing functions raise when called (adapt_catalog binds them all)."""

    NAMES = {"softmax": "softmax", "xent": "softmax_cross_entropy", "layer_norm": "layer_norm",
             "batch_norm": "batch_norm", "attention": "attention", "conv2d": "conv2d_multichannel"}

    def __init__(self, m):
        self._m = m

    def __getattr__(self, name):
        return getattr(self._m, name, None)

    @classmethod
    def kernels_of(cls, m) -> set:
        return {k for k, catalog in cls.NAMES.items()
                if hasattr(m, catalog) and hasattr(m, catalog + "_vjp")}


def build_cells(kernel, phase, names, arrays, pidx, g, gen, libs, pytensor_mode, log, compiled=None):
    """Cells for every available library."""
    import numpy as np

    cells = []
    def call(fn, *args):  # binds fn now: a lambda over a reassigned local would call the last one
        return lambda: fn(*args)

    if "numpy" in libs:
        f, fv = numpy_peer(kernel)
        cells.append(Cell("numpy", call(f, *arrays) if phase == "fwd" else call(fv, *arrays, g), _np_tuple))
    if "generated" in libs and gen is not None:
        f, fv = gen[kernel], gen[kernel + "_vjp"]
        cells.append(Cell("generated", call(f, *arrays) if phase == "fwd" else call(fv, *arrays, g), _np_tuple))
    if "numba" in libs and compiled is not None and kernel in compiled:
        f, fv = compiled[kernel], compiled[kernel + "_vjp"]
        cells.append(Cell("numba", call(f, *arrays) if phase == "fwd" else call(fv, *arrays, g), _np_tuple))
    if ("torch" in libs or "torch-graph" in libs) and _have("torch"):
        import torch

        tf = torch_funcs()[kernel]
        ts = [torch.from_numpy(a) for a in arrays]
        tg = torch.from_numpy(np.asarray(g))

        def t2n(r):
            return tuple(t.detach().numpy() for t in (r if isinstance(r, (tuple, list)) else (r,)))

        if phase == "fwd":
            if "torch" in libs:
                def tfwd():
                    with torch.no_grad():
                        return tf(*ts)
                cells.append(Cell("torch", tfwd, t2n))
        else:
            if "torch" in libs:
                def tscratch():
                    leaves = [t.detach().requires_grad_(i in pidx) for i, t in enumerate(ts)]
                    out = tf(*leaves)
                    return torch.autograd.grad(out, [leaves[i] for i in pidx], tg)
                cells.append(Cell("torch", tscratch, t2n))
            if "torch-graph" in libs:
                leaves = [t.detach().requires_grad_(i in pidx) for i, t in enumerate(ts)]
                out = tf(*leaves)
                wrt = [leaves[i] for i in pidx]
                cells.append(Cell("torch-graph", lambda: torch.autograd.grad(out, wrt, tg, retain_graph=True), t2n))
    if "jax" in libs and _have("jax"):
        import jax

        jf = jax_funcs()[kernel]
        js = [jax.device_put(a) for a in arrays]
        jg = jax.device_put(np.asarray(g))
        if phase == "fwd":
            fn = jax.jit(jf)
            cells.append(Cell("jax", lambda: jax.block_until_ready(fn(*js)), _np_tuple))
        else:
            def vjp(*args):
                *arr, gg = args

                def fp(*ps):
                    full = list(arr)
                    for i, p in zip(pidx, ps):
                        full[i] = p
                    return jf(*full)
                return jax.vjp(fp, *[arr[i] for i in pidx])[1](gg)
            fn = jax.jit(vjp)
            cells.append(Cell("jax", lambda: jax.block_until_ready(fn(*js, jg)), _np_tuple))
    if "pytensor" in libs and _have("pytensor"):
        try:
            t0 = time.perf_counter()
            key = (kernel, str(arrays[0].dtype), tuple(a.shape for a in arrays))
            if key not in _PT_CACHE:
                _PT_CACHE[key] = pytensor_build(kernel, arrays, pidx, pytensor_mode)
            fwd, bwd = _PT_CACHE[key]
            if time.perf_counter() - t0 > 1:
                log(f"    pytensor compile {kernel}: {time.perf_counter() - t0:.1f} s")
            gg = np.asarray(g)
            cells.append(Cell("pytensor", (lambda: fwd(*arrays)) if phase == "fwd" else (lambda: bwd(*arrays, gg)),
                              _np_tuple))
        except Exception as e:  # noqa: BLE001
            log(f"    pytensor {kernel}: {e!r}")
    return cells


_PT_CACHE: dict = {}
_HAVE: dict = {}


def _have(mod: str) -> bool:
    if mod not in _HAVE:
        try:
            __import__(mod)
            _HAVE[mod] = True
        except Exception:  # noqa: BLE001
            _HAVE[mod] = False
    return _HAVE[mod]


def _np_tuple(r):
    import numpy as np

    return tuple(np.asarray(t) for t in (r if isinstance(r, (tuple, list)) else (r,)))


def timed_rounds(cells, floor_call, rounds: int, warmup: int = 2):
    """Median wall time, CPU/wall ratio and median CPU time per cell (plus the floor), over round-robin
    rounds.  The CPU time (``time.process_time``, every thread of the process) counts the work a call
    did and not the time it waited for a core: on a loaded machine it is the steadier measure."""
    import resource

    entries = [("floor", floor_call)] + [(c.lib, c.call) for c in cells]
    for _ in range(warmup):
        for _, call in entries:
            call()
    wall = {n: [] for n, _ in entries}
    cpu = {n: [] for n, _ in entries}
    faults = {n: [] for n, _ in entries}
    for r in range(rounds):
        k = r % len(entries)
        for name, call in entries[k:] + entries[:k]:
            f0 = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
            c0, t0 = time.process_time(), time.perf_counter()
            out = call()
            t1, c1 = time.perf_counter(), time.process_time()
            faults[name].append(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - f0)
            del out
            wall[name].append(t1 - t0)
            cpu[name].append(c1 - c0)
    TIMED_FAULTS.update({n: statistics.median(f) for n, f in faults.items()})
    return {n: (statistics.median(wall[n]), sum(cpu[n]) / max(sum(wall[n]), 1e-12), statistics.median(cpu[n]))
            for n in wall}


TIMED_FAULTS: dict = {}
"""Median minor page faults per call of each cell of the last :func:`timed_rounds` (``ru_minflt``: the first touch
of memory the call obtained from the OS).  Every library allocates its outputs through the same glibc heap, whose
mmap threshold moves with what was freed before: an output that comes back from the OS each call (4096 faults per
16 MiB) costs the call several ms, one from the warm heap none; the JSON keeps the count (``faults``) so that a
time can be read with it."""


def bind_to_cpus(n: int) -> list | None:
    """Bind this process (and the threads it starts later) to ``n`` of the CPUs it may run on; the CPUs, or
    None where the platform has no affinity call.  Thread-count settings bound the threads a library starts
    for its own parallel loops, not every runtime's helper threads (XLA's); the binding bounds the cores."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    cpus = sorted(os.sched_getaffinity(0))[:n]
    os.sched_setaffinity(0, cpus)
    return cpus


def child(args) -> dict:
    """Run in a process whose thread environment was set before any import."""
    n = args.threads_one
    cpus = bind_to_cpus(n)  # before any import starts a thread: they inherit the binding
    import numpy as np

    sys.path.insert(0, str(HERE))
    try:
        from threadpoolctl import threadpool_info, threadpool_limits

        limiter = threadpool_limits(n)  # noqa: F841  (kept alive for the run)
    except ImportError:
        threadpool_info = None
    versions = {"python": sys.version.split()[0], "numpy": np.__version__}
    if _have("torch"):
        import torch

        torch.set_num_threads(n)
        versions["torch"] = torch.__version__
    if _have("jax"):
        import jax

        jax.config.update("jax_enable_x64", True)
        versions["jax"] = jax.__version__
        versions["jaxlib"] = __import__("jaxlib").__version__
    if _have("pytensor"):
        import warnings

        warnings.filterwarnings("ignore", module="pytensor")
        import pytensor

        versions["pytensor"] = pytensor.__version__
        versions["pytensor_mode"] = args.pytensor_mode or str(pytensor.config.mode)

    def log(msg):
        print(msg, file=sys.stderr, flush=True)

    libs = [lib for lib in args.libs.split(",")]
    gen, gen_note = (None, "not requested")
    if "generated" in libs:
        t0 = time.perf_counter()
        gen, gen_note = load_generated(args.generated)
        log(f"generated: {gen_note} ({time.perf_counter() - t0:.1f} s)")
    compiled, nb_note = (None, "not requested")
    if "numba" in libs:
        t0 = time.perf_counter()
        compiled, nb_note = load_numba()
        if _have("numba"):
            import numba

            numba.set_num_threads(min(n, numba.config.NUMBA_NUM_THREADS))
            versions["numba"] = numba.__version__
        log(f"numba: {nb_note} ({time.perf_counter() - t0:.1f} s)")
    missing = [m for m in ("torch", "jax", "pytensor") if not _have(m)]
    result = {"threads": n, "mode": args.child, "generated": gen_note, "numba": nb_note, "missing": missing, "versions": versions,
              "cpus": cpus, "env": {k: os.environ.get(k) for k in list(thread_env(1)) + list(WARM_HEAP)},
              "rows": []}
    if _have("torch"):
        import torch

        result["torch_threads"] = torch.get_num_threads()
    for dtype in args.dtype.split(","):
        rng = np.random.default_rng(0)
        for kernel in args.kernels.split(","):
            names, arrays, pidx = make_inputs(kernel, args.quick, np.dtype(dtype), rng)
            import numpy_baseline as nb

            ref_fwd = _np_tuple(getattr(nb, kernel)(*arrays))
            g = (np.asarray(1.0, dtype=dtype) if kernel == "xent"
                 else rng.standard_normal(ref_fwd[0].shape).astype(dtype))
            ref_bwd = _np_tuple(getattr(nb, kernel + "_vjp")(*arrays, g))
            for phase, ref in (("fwd", ref_fwd), ("bwd", ref_bwd)):
                log(f"{dtype} {kernel} {phase}")
                cells = build_cells(kernel, phase, names, arrays, pidx, g, gen, libs, args.pytensor_mode, log, compiled)
                row = {"dtype": dtype, "kernel": kernel, "phase": phase,
                       "shapes": {nm: list(a.shape) for nm, a in zip(names, arrays)}, "cells": {}}
                for c in cells:
                    cell = row["cells"].setdefault(c.lib, {})
                    try:
                        got = c.to_numpy(c.call())
                        errs = [rel_err(a, b) for a, b in zip(got, ref)] if len(got) == len(ref) else [float("inf")]
                        cell["rel_err"] = max(errs)
                        cell["ok"] = cell["rel_err"] <= TOL[dtype]
                        cell["out_dtype"] = str(got[0].dtype)
                    except Exception as e:  # noqa: BLE001
                        cell.update(ok=False, error=repr(e)[:300])
                        log(f"    {c.lib}: {e!r}")
                cells = [c for c in cells if "error" not in row["cells"][c.lib]]
                if args.child == "time":
                    srcs = [a for a in arrays] + list(ref) + ([g] if phase == "bwd" else [])
                    srcs = [np.asarray(a) for a in srcs if np.ndim(a) > 0]
                    dsts = [np.empty_like(a) for a in srcs]

                    def floor():
                        for d, s in zip(dsts, srcs):
                            np.copyto(d, s)
                    times = timed_rounds(cells, floor, args.rounds)
                    row["floor_s"], _, row["floor_cpu_s"] = times.pop("floor")
                    row["floor_bytes"] = int(sum(a.nbytes for a in srcs))
                    for lib, (t, ratio, c) in times.items():
                        row["cells"][lib].update(time_s=t, cpu_over_wall=ratio, x_floor=t / row["floor_s"], cpu_s=c,
                                                 faults=TIMED_FAULTS.get(lib))
                else:
                    for c in cells:
                        c.call()  # warm
                        cell = row["cells"][c.lib]
                        cell["rss_peak_extra_bytes"] = rss_peak_extra(c.call)
                        if c.lib in ("numpy", "generated"):  # numba's NRT allocations are not traced
                            cell["tracemalloc_peak_extra_bytes"] = tracemalloc_peak_extra(c.call)
                result["rows"].append(row)
    if threadpool_info is not None:
        result["threadpools"] = threadpool_info()
    return result


# ** parent: children, merge, tables **

def run_child(mode: str, threads: int, args) -> dict:
    env = dict(os.environ)
    env.update(thread_env(threads))
    if threads != 1:
        env.pop("XLA_FLAGS", None)
    if mode == "memory":
        env["MALLOC_MMAP_THRESHOLD_"] = "65536"
        env["MALLOC_TRIM_THRESHOLD_"] = "65536"
    elif args.heap == "warm":
        env.update(WARM_HEAP)
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as tmp:
        out = tmp.name
    cmd = [sys.executable, str(Path(__file__).resolve()), "--_child", mode, "--_threads-one", str(threads),
           "--_out", out, "--dtype", args.dtype, "--kernels", args.kernels, "--libs", args.libs,
           "--rounds", str(args.rounds)]
    if args.quick:
        cmd.append("--quick")
    if args.generated:
        cmd += ["--generated", args.generated]
    if args.pytensor_mode:
        cmd += ["--pytensor-mode", args.pytensor_mode]
    print(f"# child: {mode}, {threads} thread(s)", file=sys.stderr, flush=True)
    subprocess.run(cmd, env=env, check=True)
    result = json.loads(Path(out).read_text())
    os.unlink(out)
    return result


WARM_HEAP = {"MALLOC_MMAP_THRESHOLD_": str(1 << 30), "MALLOC_TRIM_THRESHOLD_": str(1 << 32)}
"""glibc settings of the timing child (``--heap warm``, the default): large blocks from the heap, and freed ones kept,
so that every library's outputs and temporaries come from memory the process already touched.  With glibc's
dynamic mmap threshold (``--heap glibc``) whether a block of 16 or 32 MiB comes back from the OS, and pays a page
fault per 4 KiB on its first touch, depends on what was freed before and on its size (blocks above 32 MiB, the
float64 outputs here, always do): measured in one process, PyTorch's float32 layer-norm forward 9.2 ms with 4096
faults per call and 2.2 ms with none, its float64 one 18.6 ms (8193 faults) and 4.4 ms, while NumPy's large
allocations, advised to huge pages, faulted 528 times per 32 MiB.  The fault counts are in the JSON (``faults``)."""


def fmt_ms(cell) -> str:
    if not cell:
        return "-"
    if "error" in cell:
        return "error"
    if "time_s" not in cell:
        return "-"
    s = f"{1e3 * cell['time_s']:.2f} ({cell['x_floor']:.1f}x)"
    if not cell.get("ok", True):
        s += " WRONG"
    elif cell.get("out_dtype") and cell.get("_want") and cell["out_dtype"] != cell["_want"]:
        s += f" [{cell['out_dtype']}]"
    return s


def _ratios(r: dict, lib: str) -> list[str]:
    """``lib`` / fastest correct peer (torch from scratch, jax, pytensor), on median wall and on median CPU time,
    with the peers' names."""
    out = []
    for key in ("time_s", "cpu_s"):
        peers = {p: c[key] for p, c in r["cells"].items()
                 if p in ("torch", "jax", "pytensor") and c.get("ok") and key in c}
        mine = r["cells"].get(lib, {})
        best = min(peers, key=peers.get) if peers else "-"
        ratio = f"{mine[key] / max(peers[best], 1e-12):.2f}" if peers and mine.get("ok") and key in mine else "-"
        out += [ratio, best]
    return out


def time_table(res: dict, dtype: str) -> str:
    libs = [lib for lib in LIBS if any(lib in r["cells"] for r in res["rows"])]
    head = (["kernel", "floor ms"] + [f"{lib} ms (x floor)" for lib in libs]
            + ["gen / best peer", "best peer", "gen / best peer, CPU time", "best peer, CPU time"])
    numba = "numba" in libs
    if numba:
        head += ["numba / best peer", "numba / best peer, CPU time"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in res["rows"]:
        if r["dtype"] != dtype:
            continue
        for c in r["cells"].values():
            c["_want"] = dtype
        cells = [fmt_ms(r["cells"].get(lib)) for lib in libs]
        extra = _ratios(r, "numba")[0::2] if numba else []
        lines.append("| " + " | ".join([f"{r['kernel']} {r['phase']}", f"{1e3 * r['floor_s']:.2f}"] + cells
                                       + _ratios(r, "generated") + extra) + " |")
        for c in r["cells"].values():
            c.pop("_want", None)
    return "\n".join(lines)


def memory_table(res: dict, dtype: str) -> str:
    libs = [lib for lib in LIBS if any(lib in r["cells"] for r in res["rows"])]
    head = ["kernel"] + [f"{lib} MB" for lib in libs] + ["numpy tracemalloc MB", "generated tracemalloc MB"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in res["rows"]:
        if r["dtype"] != dtype:
            continue
        cells = [(f"{r['cells'][lib]['rss_peak_extra_bytes'] / 2**20:.1f}"
                  if "rss_peak_extra_bytes" in r["cells"].get(lib, {}) else "-") for lib in libs]
        tm = [(f"{r['cells'][lib]['tracemalloc_peak_extra_bytes'] / 2**20:.1f}"
               if "tracemalloc_peak_extra_bytes" in r["cells"].get(lib, {}) else "-") for lib in ("numpy", "generated")]
        lines.append("| " + " | ".join([f"{r['kernel']} {r['phase']}"] + cells + tm) + " |")
    return "\n".join(lines)


def machine(results: list) -> dict:
    info = {"cpu_model": cpu_model(), "cores": os.cpu_count(), "platform": platform.platform()}
    if results:
        info["versions"] = results[0]["versions"]
    return info


def report(out: dict, args) -> str:
    parts = [f"# Peer benchmark ({'quick' if args.quick else 'full'} sizes)", "",
             f"Machine: {out['machine']['cpu_model']}, {out['machine']['cores']} cores; "
             + ", ".join(f"{k} {v}" for k, v in out["machine"].get("versions", {}).items()), ""]
    for res in out["timing"]:
        parts.append(f"Generated: {res['generated']}" + (f"; missing peers: {res['missing']}" if res["missing"] else ""))
        if res.get("numba", "not requested") != "not requested":
            parts.append(f"numba: {res['numba']}")
        parts.append(f"Heap of the timing child: {args.heap} (--heap; see WARM_HEAP)")
        break
    for res in out["timing"]:
        for dtype in args.dtype.split(","):
            parts += ["", f"## Time, {dtype}, {res['threads']} thread(s) (median of {args.rounds} interleaved rounds)",
                      "", time_table(res, dtype)]
    if out.get("memory"):
        for dtype in args.dtype.split(","):
            parts += ["", f"## Peak extra memory, {dtype} (RSS high-water mark during one call minus RSS before; "
                          "outputs included)", "", memory_table(out["memory"], dtype)]
    parts += ["", "Cells: median ms (multiple of the copy floor). WRONG: failed the correctness check against "
                  "numpy_baseline; [float64]: output dtype differs from the input dtype. Backward of numpy, "
                  "generated, jax, pytensor and torch = forward + VJP in one call; torch-graph = backward "
                  "only on a prebuilt graph. gen / best peer: generated time / fastest correct of torch "
                  "(from scratch), jax, pytensor. gen / best peer, CPU time: the same ratio on median CPU time "
                  "(time.process_time of the process, every thread counted): the work a call did, without the "
                  "time it waited for a core on a loaded machine."]
    return "\n".join(parts)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0], epilog=__doc__.split("\n", 1)[1],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true", help="small sizes, 3 rounds, no memory child: a smoke run")
    p.add_argument("--dtype", default="float64,float32", help="comma list (default float64,float32)")
    p.add_argument("--threads", default="1", help="comma list of thread counts, one table each (default 1); "
                                                   "e.g. 1,2 for a second table at the machine's core count")
    p.add_argument("--rounds", type=int, default=None, help="interleaved timing rounds (default 11; 3 with --quick)")
    p.add_argument("--kernels", default=",".join(KERNELS), help=f"comma list (default {','.join(KERNELS)})")
    p.add_argument("--libs", default=",".join(LIBS), help=f"comma list (default {','.join(LIBS)})")
    p.add_argument("--generated", help="a Python file with the generated kernels (canonical or catalog names)")
    p.add_argument("--pytensor-mode", default=None, help="PyTensor compile mode (default: its configured default)")
    p.add_argument("--heap", choices=("warm", "glibc"), default="warm",
                   help="timing child's allocator: warm (default: glibc keeps freed blocks, every library's outputs "
                        "come from touched memory) or glibc (its defaults: dynamic mmap threshold)")
    p.add_argument("--no-memory", action="store_true", help="skip the peak-memory child")
    p.add_argument("--memory", action="store_true", help="with --quick: run the peak-memory child too")
    p.add_argument("--json", default=str(HERE / "peers.json"), help="results JSON (default benchmarks/peers.json)")
    p.add_argument("--markdown", help="also append the report to this markdown file")
    p.add_argument("--_child", help=argparse.SUPPRESS)
    p.add_argument("--_threads-one", dest="threads_one", type=int, default=1, help=argparse.SUPPRESS)
    p.add_argument("--_out", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.__dict__["_child"]:
        args.child = args.__dict__["_child"]
        Path(args.__dict__["_out"]).write_text(json.dumps(child(args), default=str))
        return 0
    if args.rounds is None:
        args.rounds = 3 if args.quick else 11
    t0 = time.perf_counter()
    timing = [run_child("time", int(n), args) for n in args.threads.split(",")]
    memory = None if (args.no_memory or (args.quick and not args.memory)) else run_child("memory", 1, args)
    out = {"machine": machine(timing), "args": vars(args), "tolerance": TOL, "timing": timing, "memory": memory,
           "method": __doc__.split("Method.", 1)[1].split("Plugging in", 1)[0].strip(),
           "wall_seconds": time.perf_counter() - t0}
    text = report(out, args)
    print(text)
    Path(args.json).write_text(json.dumps(out, indent=1, default=str) + "\n")
    if args.markdown:
        with open(args.markdown, "a", encoding="utf-8") as f:
            f.write(text + "\n\n")
    print(f"\nresults: {args.json} ({out['wall_seconds']:.0f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
