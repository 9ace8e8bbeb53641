r"""float32 accuracy of the generated kernels against PyTorch float32, both against float64.

For each kernel of :mod:`peers` (quick sizes by default), the inputs are drawn in float32; the
truth is the NumPy baseline (:mod:`numpy_baseline`) run in float64 on those same float32 values
upcast, so input rounding is not counted.  Printed per output: max |a - t| / max |t| for the
generated float32 kernel and for PyTorch float32 (forward, and backward from scratch); with
``--seeds N``, the worst of N draws of the inputs (one draw's maximum is a rounding of one element,
within about an ulp of another draw's), and in how many draws the generated kernel's error was at
most PyTorch's.  ``--generated FILE``: the kernels of that file (as :mod:`peers`); ``--numba``: the kernels of
``codegen --backend numba`` (those it writes).

    python benchmarks/float32_accuracy.py [--full] [--seeds N] [--generated FILE | --numba]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import numpy_baseline as nb  # noqa: E402
import peers  # noqa: E402


def worst(got, truth) -> float:
    return max(peers.rel_err(a, t) for a, t in zip(got, truth))


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--full", action="store_true", help="the benchmark's full sizes (default: quick sizes)")
    p.add_argument("--seeds", type=int, default=1, help="draws of the inputs; the worst is printed (default 1)")
    p.add_argument("--generated", help="a Python file with the generated kernels (default: today's codegen)")
    p.add_argument("--numba", action="store_true", help="the numba backend's kernels (codegen --backend numba)")
    args = p.parse_args(argv)
    gen, note = peers.load_numba() if args.numba else peers.load_generated(args.generated)
    if gen is None:
        print(note)
        return 1
    import torch

    tf = peers.torch_funcs()
    print(f"{'kernel':12} {'phase':5} {'generated f32':>14} {'torch f32':>10}"
          + (f" {'draws gen <= torch':>19}" if args.seeds > 1 else ""))
    for kernel in peers.KERNELS:
        if kernel not in gen:
            continue
        rows = {"fwd": [], "bwd": []}
        dtypes = set()
        for seed in range(args.seeds):
            rng = np.random.default_rng(seed)
            names, arrays, pidx = peers.make_inputs(kernel, not args.full, np.dtype("float32"), rng)
            wide = tuple(a.astype(np.float64) for a in arrays)
            out64 = peers._np_tuple(getattr(nb, kernel)(*wide))
            g = (np.asarray(1.0, dtype=np.float32) if kernel == "xent"
                 else rng.standard_normal(out64[0].shape).astype(np.float32))
            bwd64 = peers._np_tuple(getattr(nb, kernel + "_vjp")(*wide, g.astype(np.float64)))
            ts = [torch.from_numpy(a) for a in arrays]
            with torch.no_grad():
                t_fwd = (tf[kernel](*ts).numpy(),)
            leaves = [t.detach().requires_grad_(i in pidx) for i, t in enumerate(ts)]
            t_bwd = tuple(t.numpy() for t in torch.autograd.grad(tf[kernel](*leaves), [leaves[i] for i in pidx],
                                                                 torch.from_numpy(g)))
            g_fwd = peers._np_tuple(gen[kernel](*arrays))
            g_bwd = peers._np_tuple(gen[kernel + "_vjp"](*arrays, g))
            for phase, mine, theirs, truth in (("fwd", g_fwd, t_fwd, out64), ("bwd", g_bwd, t_bwd, bwd64)):
                dtypes.add(str(mine[0].dtype))
                rows[phase].append((worst(mine, truth), worst(theirs, truth)))
        for phase, errs in rows.items():
            mine, theirs = max(e[0] for e in errs), max(e[1] for e in errs)
            wins = sum(e[0] <= e[1] for e in errs)
            print(f"{kernel:12} {phase:5} {mine:14.2e} {theirs:10.2e}"
                  + (f" {wins:>12d} of {len(errs)}" if args.seeds > 1 else "")
                  + ("" if dtypes == {"float32"} else f"  (generated returned {sorted(dtypes)})"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
