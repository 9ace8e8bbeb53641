r"""Formulary: derive, verify and export the formulas of deep learning.

The public Python API is :mod:`formulary.api`, re-exported here (loaded on first use, so that
``formulary --help`` starts fast)::

    import formulary as fy
    fy.verify("softmax").verdict.kind        # 'verified'
    fy.prove("sqrt(x**2)", "abs(x)").kind    # 'proved'
"""
from __future__ import annotations

import importlib


def __getattr__(name: str):
    api = importlib.import_module("formulary.api")
    if name in api.__all__:
        return getattr(api, name)
    raise AttributeError(f"module 'formulary' has no attribute {name!r}")


def __dir__():
    return sorted(importlib.import_module("formulary.api").__all__)
