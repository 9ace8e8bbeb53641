r"""Formulary: derive, verify and export the formulas of deep learning.

The public Python API is :mod:`formulary.api`, re-exported here (loaded on first use, so that
``formulary --help`` starts fast)::

    import formulary as fy
    fy.verify("softmax").verdict.kind        # 'verified'
    fy.prove("sqrt(x**2)", "abs(x)").kind    # 'proved'
"""
from __future__ import annotations

import importlib
import importlib.util


def __getattr__(name: str):
    if name.startswith("__"):
        raise AttributeError(name)
    if importlib.util.find_spec(f"{__name__}.{name}") is not None:
        # ``from formulary import render`` asks for the attribute before importing the submodule:
        # answer with the submodule, without loading the API (and sympy) behind it.
        return importlib.import_module(f"{__name__}.{name}")
    api = importlib.import_module("formulary.api")
    if name in api.__all__:
        return getattr(api, name)
    raise AttributeError(f"module 'formulary' has no attribute {name!r}")


def __dir__():
    return sorted(importlib.import_module("formulary.api").__all__)
