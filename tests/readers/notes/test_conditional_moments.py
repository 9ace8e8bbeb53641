r"""Moments given a random variable (readers.notes.conditional_moments): the law of total variance and its steps.

Independent check of the right claims (plain NumPy, no sympy): a random joint law of (X, Y) on a 3 x 4 grid of
values, E(Y | X) and Var(Y | X) computed from their definitions, the tower law and the law of total variance
compared to 1e-12.  The wrong claim squares E[E(Y | X)] where Var[E(Y | X)] belongs: on that law it differs by O(1).
"""
from __future__ import annotations

import numpy as np

from readers.notes.check import check_notes

RIGHT = [
    r"\mathrm{Var}(Y) = \mathrm{E}[\mathrm{Var}(Y \vert X)] + \mathrm{Var}[\mathrm{E}(Y \vert X)]",
    r"\mathrm{E}(X) = \mathrm{E}[\mathrm{E}(X \vert Y)]",
    r"\mathrm{E}(Y^2) = \mathrm{E}\left[ \mathrm{Var}(Y \vert X) + \mathrm{E}(Y \vert X)^2 \right]",
]
WRONG = r"\mathrm{Var}(Y) = \mathrm{E}[\mathrm{Var}(Y \vert X)] + \mathrm{E}[\mathrm{E}(Y \vert X)]^2"


def _law():
    rng = np.random.default_rng(7)
    p = rng.random((3, 4))
    p /= p.sum()
    y = rng.normal(size=4)
    px = p.sum(axis=1)
    mean_y_given_x = p @ y / px
    var_y_given_x = p @ y**2 / px - mean_y_given_x**2
    mean_y = px @ mean_y_given_x
    var_y = p.sum(axis=0) @ y**2 - mean_y**2
    return var_y, px @ var_y_given_x, px @ mean_y_given_x**2 - mean_y**2, mean_y, p.sum(axis=0) @ y


def test_the_independent_check_separates_right_from_wrong():
    var_y, mean_of_var, var_of_mean, tower, mean_y = _law()
    assert abs(var_y - (mean_of_var + var_of_mean)) < 1e-12 and abs(tower - mean_y) < 1e-12
    assert abs(var_y - (mean_of_var + tower**2)) > 1e-3


def test_conditional_moment_identities_are_verified_and_a_wrong_one_is_not():
    blocks = "\n\n".join(f"$$\n{latex}\n$$" for latex in (*RIGHT, WRONG))
    text = f"# Total variance\n\nLet $X$ and $Y$ be random variables.\n\n{blocks}\n"
    *right, wrong = (b.steps[0] for b in check_notes(text, path="moments.md").blocks if b.steps)
    assert len(right) == len(RIGHT)
    for step in right:
        assert step.verdict == "verified" and "conditional moments" in step.method, (step.verdict, step.reason)
    assert wrong.verdict not in ("proved", "verified")
