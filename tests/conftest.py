"""One BLAS/OpenMP thread per test process.

``pytest -n 2`` already runs one worker per core; OpenBLAS's own thread per core on top then spins waiting for a
core the other worker holds (``tests/codegen/test_matmul_halves.py``: 7.1 s of CPU with the default threads, 2.5 s
with one, same results).  Set before any test module imports NumPy; a variable already set (a user's choice) wins.
"""
import os

for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")
