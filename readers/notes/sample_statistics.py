r"""A sample statistic the prose names, compared with its standard formula.

When the prose just before a block names a sample statistic ("... and the variance", "the sample standard
deviation") and the block writes it as a formula in one indexed sample :math:`x_1, \dots, x_n`

.. code-block:: latex

    \sigma_B^2 = \frac{1}{m}\sum_{i=1}^m (x_i - \mu_B)^2

the formula must be that statistic in one of the conventions in common use:

=============================  =====================================================================
named                          standard formulas (either)
=============================  =====================================================================
variance (left side ``s^2``)   :math:`\frac1n\sum_i (x_i-\bar x)^2`, :math:`\frac1{n-1}\sum_i (x_i-\bar x)^2`
standard deviation (``s``)     the square roots of those
=============================  =====================================================================

with :math:`\bar x = \frac1n\sum_i x_i`.  The body is evaluated exactly (rationals) after the section's
definitions are substituted, on ``SAMPLES`` (sizes and values fixed below); when it equals one convention on
every sample it stands, and when it differs from both on one it is refuted with that sample as the
counterexample.  The check stays silent unless every name of the body is the sample, its size or the
summation index (a population mean :math:`\mu` the notes leave free may be meant), there is one indexed
sample, the body holds the sample's mean (two sums or more: :math:`\frac{1}{n^2}\sum_i \sigma_i^2` is the variance
of a mean, not of the sample), the left side is a name (squared for a variance), the statistic word is not
followed by ``of``
("the variance of the mean" names another statistic), and no condition in force mentions the sample.
"""
from __future__ import annotations

import dataclasses
import re

import sympy as sp
from sympy.core.function import AppliedUndef

from readers.notes.report import BlockReport, StepReport
from readers.notes.symbols import _show

OTHER_WORDS = re.compile(r"\b(?:variance|standard deviation|mean|average|covariance|moment|median|error|"
                         r"loss|deviation|norm)\b", re.I)
SAMPLES = (
    (3, (1, 2, 6)),
    (4, (sp.Rational(1, 2), -3, 2, 5)),
)
"""Sizes and values the body is evaluated at (distinct values, so no convention coincides by chance)."""


def named_statistic(prose: str) -> str | None:
    """The statistic the prose names last before the block ("variance", "standard deviation"), or None when
    the last statistic-like word is another one or it is followed by ``of``."""
    text = re.sub(r"\$\$.*?\$\$|\$[^$]*\$", " $ ", prose, flags=re.S)
    words = list(OTHER_WORDS.finditer(text))
    if not words:
        return None
    last = words[-1]
    if last.group(0).lower() not in ("variance", "standard deviation"):
        return None
    tail = text[last.end():]
    if re.match(r"\s*(?:\$\s*)?of\b", tail) or re.match(r"\s+(?:term|terms|ratio|matrix|estimate|estimator|"
                                                         r"explained|component|reduction)\b", tail, re.I):
        return None
    return last.group(0).lower()


IMPLICIT_SIZE = "N"
"""The size the reader gives a sum written without limits (``\\sum_i x_i``)."""


def _size(lower, upper):
    if lower == 1 and isinstance(upper, sp.Symbol):
        return upper
    if lower == 0 and isinstance(upper, sp.Add) and len(upper.free_symbols) == 1 and \
            upper - next(iter(upper.free_symbols)) == -1:
        return next(iter(upper.free_symbols))
    return None


def _sample(body):
    """``(body, base, lower, size)``: the body with one size, and the one indexed sample it sums over;
    None when there is not exactly one sample, one lower limit and one size.  A sum written without limits
    (size ``N``) inside a body whose size is written is over the same sample: its size is that one."""
    indexed = body.atoms(sp.Indexed)
    bases = {i.base for i in indexed}
    sums = body.atoms(sp.Sum)
    if len(bases) != 1 or not sums or any(len(i.indices) != 1 for i in indexed):
        return None
    limits = [lim for s in sums for lim in s.limits]
    if len(limits) != len(sums) or len({lo for _, lo, _ in limits}) != 1:
        return None
    sizes = {_size(lo, hi) for _, lo, hi in limits}
    if None in sizes:
        return None
    written = {x for x in sizes if x.name != IMPLICIT_SIZE}
    if len(written) > 1 or (not written and len(sizes) != 1):
        return None
    size = next(iter(written or sizes))
    for implicit in sizes - {size}:
        outside = body.replace(lambda e: isinstance(e, sp.Sum), lambda e: sp.Integer(1)).free_symbols
        if implicit in outside:
            return None
        body = body.xreplace({implicit: size})
    # the size as a bound of a sum and as a factor (1/n) may be read as two symbols of one name
    body = body.xreplace({x: size for x in body.free_symbols if isinstance(x, sp.Symbol) and x.name == size.name})
    indices = {index for index, _, _ in limits}
    if any(i.indices[0] not in indices for i in indexed):
        return None
    return body, next(iter(bases)), limits[0][1], size


def _evaluate(body, base, lower, size, n, values):
    expr = body.xreplace({size: sp.Integer(n)}).doit()
    table = {base[sp.Integer(lower + k)]: sp.nsimplify(v) for k, v in enumerate(values)}
    expr = expr.xreplace(table)
    expr = sp.nsimplify(expr) if expr.free_symbols else sp.simplify(expr)
    return expr if expr.is_number else None


def _conventions(statistic, values):
    n = len(values)
    mean = sp.Add(*values) / n
    squares = sp.Add(*[(sp.nsimplify(v) - mean) ** 2 for v in values])
    out = {"1/n": squares / n, "1/(n-1)": squares / (n - 1)}
    if statistic == "standard deviation":
        out = {k: sp.sqrt(v) for k, v in out.items()}
    return out


@dataclasses.dataclass(frozen=True)
class Comparison:
    outcome: str  # "standard", "differs", "not compared"
    why: str = ""
    counterexample: dict = dataclasses.field(default_factory=dict)


def compare(statistic, lhs, body, conditions) -> Comparison:
    """``body`` against the standard formulas of ``statistic`` (see the module docstring)."""
    if statistic == "variance":
        if not (isinstance(lhs, sp.Pow) and lhs.exp == 2 and isinstance(lhs.base, sp.Symbol)):
            return Comparison("not compared", "the left side is no squared name")
    elif not isinstance(lhs, sp.Symbol):
        return Comparison("not compared", "the left side is no name")
    if body.atoms(AppliedUndef) or body.has(sp.Integral, sp.Derivative, sp.Product):
        return Comparison("not compared", "the body has functions")
    found = _sample(body)
    if found is None:
        return Comparison("not compared", "no one indexed sample summed over")
    body, base, lower, size = found
    if len(body.atoms(sp.Sum)) < 2:
        return Comparison("not compared", "no mean of the sample inside (one sum): another statistic may be meant")
    loose = {x for x in body.free_symbols - {size, base.label, base} if not isinstance(x, sp.Indexed)}
    if loose:
        return Comparison("not compared", f"{', '.join(sorted(map(str, loose)))} named nowhere")
    if any(c.free_symbols & {size} or any(str(x).startswith(str(base.label)) for x in c.free_symbols)
           for c in conditions):
        return Comparison("not compared", "a condition in force mentions the sample")
    for n, values in SAMPLES:
        value = _evaluate(body, base, lower, size, n, values)
        if value is None:
            return Comparison("not compared", "the body does not evaluate on a sample")
        standard = _conventions(statistic, values)
        if any(sp.simplify(value - v) == 0 for v in standard.values()):
            continue
        witness = {str(size): n, **{f"{base.label}_{lower + k}": str(sp.nsimplify(v)) for k, v in enumerate(values)},
                   "written": str(value), **{f"{statistic} ({k})": str(v) for k, v in standard.items()}}
        return Comparison("differs", "", witness)
    return Comparison("standard", f"the {statistic} of the sample, on {len(SAMPLES)} samples")


def review(block, frag, report: BlockReport, conditions, prose: str, expand) -> BlockReport:
    """``report`` refuted when ``block`` writes the statistic the prose names as a formula that is neither
    convention of it; else ``report`` unchanged."""
    if report.verdict is not None:
        return report
    statistic = named_statistic(prose)
    if statistic is None:
        return report
    rows = [r for r in block.rows if r.kind not in ("empty", "prose", "list")]
    if len(rows) != 1 or len(rows[0].chain.exprs) != 2 or rows[0].chain.rels[0] not in ("=", ":="):
        return report
    row = rows[0]
    lhs, rhs = row.chain.exprs
    try:
        body = expand(rhs)
    except Exception:  # noqa: BLE001 - a definition we cannot substitute: no reading
        return report
    found = compare(statistic, lhs, body, list(conditions) + list(row.conditions))
    if found.outcome != "differs":
        return report
    step = StepReport(lhs=_show(lhs), rel="=", rhs=_show(rhs), line=frag.content_line + row.line - 1,
                      verdict="refuted", method="sample statistic (exact rationals)",
                      reason=f"the prose calls this the {statistic} of the sample, but on the sample of the "
                             f"counterexample it is {found.counterexample['written']}, neither the 1/n nor the "
                             f"1/(n-1) {statistic}",
                      counterexample=found.counterexample)
    return dataclasses.replace(report, steps=(step,), role="claim")
