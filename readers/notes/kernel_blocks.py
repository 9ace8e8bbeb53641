r"""Kernel and covariance blocks: ``\mathbf K_{fu}`` and ``\mathbf K_{uf}``, ``\Sigma_{12}`` and ``\Sigma_{21}``.

A Gram matrix of a kernel between two sets of points, ``K_{ab} = [k(a_i, b_j)]``, and a cross-covariance
``\Sigma_{ab} = \operatorname{Cov}(a, b)`` are written with the two sets as a two-letter subscript; swapping the
letters transposes the block (kernels and covariances are symmetric), and a block of one set with itself
(``K_{uu}``, ``\Sigma_{11}``) is symmetric positive semi-definite.  A matrix sample keeps both facts
(:func:`tie`: ``K_{uf}`` is drawn as ``K_{fu}^\top``, ``K_{uu}`` as ``M M^\top``), so Woodbury's identity with
``Q = K_{fu} K_{uu}^{-1} K_{uf}`` rewritten through ``A = L^{-1} K_{uf}`` is checked as its author means it; the
verdict says so (:func:`stated`).  Only the letters ``K`` and ``\Sigma`` (plain or bold) name such blocks, and the
subscript is exactly two one-letter (or starred) set names.
"""
from __future__ import annotations

import re

import numpy as np

BLOCK = re.compile(r"(?P<base>\\mathbf\{K\}|\\boldsymbol\{K\}|K|\\Sigma|\\mathbf\{\\Sigma\}|\\boldsymbol\{\\Sigma\}|Sigma)"
                   r"_\{?(?P<a>[A-Za-z0-9*])(?P<b>[A-Za-z0-9*])\}?")
"""A block's name as the reader writes it: ``\\mathbf{K}_fu``, ``\\mathbf{K}_*u``, ``Sigma_12``."""


def _parts(name: str):
    m = BLOCK.fullmatch(name)
    return (m.group("base"), m.group("a"), m.group("b")) if m else None


def tie(values: dict) -> dict:
    """``values`` with every swapped block the transpose of its partner and every diagonal block ``M M^T``."""
    by_name = {str(s): s for s in values}
    for s, v in list(values.items()):
        parts = _parts(str(s))
        if parts is None or not isinstance(v, np.ndarray):
            continue
        base, a, b = parts
        if a == b:
            if v.shape[0] == v.shape[1]:
                values[s] = v @ v.T
            continue
        partner = by_name.get(f"{base}_{b}{a}")
        if partner is not None and str(s) < str(partner) and isinstance(values[partner], np.ndarray) \
                and values[partner].shape == v.T.shape:
            values[partner] = v.T.copy()
    return values


def stated(symbols) -> str | None:
    """What a check of the claim over ``symbols`` assumed about its blocks, or None when it has none."""
    names = {str(s) for s in symbols}
    swapped = sorted(n for n in names if (p := _parts(n)) and p[1] < p[2] and f"{p[0]}_{p[2]}{p[1]}" in names)
    diagonal = sorted(n for n in names if (p := _parts(n)) and p[1] == p[2])
    said = [f"{n} and its swap transposes of each other" for n in swapped]
    said += [f"{n} symmetric positive semi-definite" for n in diagonal]
    return "kernel and covariance blocks: " + ", ".join(said) if said else None
