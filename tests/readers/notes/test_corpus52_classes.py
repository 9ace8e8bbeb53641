r"""False alarms found in the documentation sources added at stop 52 (tests/corpus/notes/scipy_optimize_tutorial.rst,
xgboost_boosted_trees.rst, sklearn_regression_metrics.rst), one class per test:

* a relation the prose calls a constraint by name is a condition, not a claim (readers.notes.hypotheses), unless the
  prose works from it ("Squaring the constraint ..."): "The
  constraints $x_0 + 2 x_1 \leq 1$ and $2 x_0 + x_1 = 1$ can be written in ..." had its inequality refuted at
  x_0 = x_1 = 1/2.  (The empty group of scikit-learn's MAPE, ``\frac{{}\left| ...``, is a case of
  tests/readers/latex/test_parse.py.)
"""
from readers.notes.check import check_notes

from tests.readers.notes.checked import assert_block_verdicts

NAMED_CONSTRAINTS = r"""## A small design problem

We pick a width $w$ and a height $h$ that make $w h$ as large as possible.
The constraints $w + 4h \le 12$ and $3w - h \ge 2$ come from the budget and the look.
Later the linear constraint $5h - w \le 1$ is added, and both inequality constraints: $w \le 9$, $h - 2w \le 0$.

The nonlinear constraint:

$$w^2 + h^2 \le 50$$

## Plain algebra

Unlike those, $$(w + h)^2 \le w^2 + h^2$$ is stated for every $w$ and $h$.
Squaring the constraint $w - h \le 3$ is no help. Squaring the constraint:

$$(w - h)^2 \le 9$$
"""


def test_relations_named_constraints_are_conditions():
    report = check_notes(NAMED_CONSTRAINTS, path="<test>", budget=5.0)
    named = [b for b in report.blocks if any(op in b.source for op in (r"\le", r"\ge"))
             and (b.line < 12 or b.line == 14)]
    assert len(named) == 7, [(b.line, b.source) for b in named]
    assert all(b.role == "condition" and b.verdict != "refuted" for b in named), \
        [(b.line, b.source, b.role, b.verdict) for b in named]
    # a wrong inequality the prose does not call a constraint is still refuted, with its counterexample; one worked
    # from a constraint ("Squaring the constraint:" before a display) is a claim again (undecided here: the section's
    # constraint withholds w and h), never a condition
    worked = [b for b in report.blocks if b.steps]
    assert_block_verdicts(worked, ["refuted", ("undecided", "refuted")])
    assert "(w - h)^2" in worked[1].source and worked[1].role == "claim"
