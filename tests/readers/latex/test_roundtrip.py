r"""Exported LaTeX reads back: ``codegen.latex`` -> ``readers.latex.parse`` -> the step checker.

For every catalog output, ``latex(f.expanded(o))`` is parsed with what a reader
of the record legitimately knows (its variable, size and index names, via
``names=``); the parsed symbols and arrays are mapped to the record's by name
(the name the reader gives each one exported alone), and the step checker must
find the two expressions equal.  Every output that reads back is ``proved``
(structurally, for symbolic sizes): the reader rebuilds the very expression.
"""
import pytest
import sympy as sp

from codegen.latex import formula_latex, latex
from derivations.checker.ladder import check_step
from readers.latex.parse import parse_block, parse_latex
from derivations.checker.step import Step
from symbolic import all_formulas

BUDGET = 120.0
"""Seconds per step; a round trip that holds is proved in well under one."""

CASES = [(f, o) for f in all_formulas() for o in f.outputs]


def case_id(f, o) -> str:
    return f"{f.id}/{o.name}"


def reader_indices(f) -> tuple[str, ...]:
    """What a reader of the record knows are indices: its free output indices and its sizes."""
    return tuple(sorted({str(i) for o in f.outputs for i, _, _ in o.indices} | {str(s) for s in f.size_symbols}))


def reader_names(f) -> tuple[str, ...]:
    names = {v.name for v in f.variables} | {str(s) for s in f.size_symbols}
    return tuple(sorted(names | {str(i) for o in f.outputs for i, _, _ in o.indices}))


def reader_name(atom, names) -> str | None:
    """The name the reader gives the exported ``atom`` (an array: one of its elements)."""
    if isinstance(atom, sp.IndexedBase):
        read = parse_latex(latex(atom[sp.Symbol("i", integer=True)]), names=names)
        return read.base.name if isinstance(read, sp.Indexed) else None
    read = parse_latex(latex(atom), names=names)
    return read.name if isinstance(read, sp.Symbol) else None


def read_back(text: str, original: sp.Expr, names, indices=()) -> sp.Expr:
    """``text`` parsed, its symbols and arrays replaced by the ``original``'s of the same name."""
    arrays = original.atoms(sp.IndexedBase)
    scalars = original.atoms(sp.Symbol) - {a.label for a in arrays}
    by_name = {(isinstance(a, sp.IndexedBase), reader_name(a, names)): a for a in arrays | scalars}
    parsed = parse_latex(text, names=names, indices=indices)
    keys = {a: (isinstance(a, sp.IndexedBase), a.name) for a in parsed.atoms(sp.IndexedBase, sp.Symbol)}
    return parsed.xreplace({a: by_name[key] for a, key in keys.items() if key in by_name})


def round_trip(f, o, text=None):
    original = f.expanded(o)
    names = reader_names(f)
    parsed = read_back(latex(original) if text is None else text, original, names, reader_indices(f))
    step = Step(original, parsed, sizes=f.sizes, indices={i: (lo, hi) for i, lo, hi in o.indices})
    return check_step(step, budget=BUDGET)


@pytest.mark.parametrize("f, o", [pytest.param(f, o, id=case_id(f, o)) for f, o in CASES])
def test_exported_latex_reads_back_equal(f, o):
    verdict = round_trip(f, o)
    assert verdict.kind == "proved", (latex(f.expanded(o)), verdict.summary())


def test_a_flipped_sign_in_the_text_is_refuted():
    f = next(f for f in all_formulas() if f.id == "kl_divergence_gaussian")
    text = latex(f.expanded(f.outputs[0]))
    flipped = text.replace(r"- \frac{1}{2}", r"+ \frac{1}{2}")
    assert flipped != text
    assert round_trip(f, f.outputs[0]).kind == "proved"
    assert round_trip(f, f.outputs[0], flipped).kind == "refuted"


def test_labels_and_indices_print_apart():
    x_prev, d = sp.IndexedBase("x_prev"), sp.IndexedBase("d")
    k = sp.Symbol("k", integer=True)
    assert latex(sp.Symbol("d_k")) == r"d_{\mathit{k}}"  # the size d_k, not the element d[k]
    assert latex(d[k]) == "d_{k}"
    assert latex(sp.Symbol("d_model")) == r"d_{\mathrm{model}}"
    assert latex(x_prev[k]) == r"x_{\mathrm{prev}}\,_{k}"
    assert str(parse_latex(latex(x_prev[k] ** 2))) == "x_prev[k]**2"
    assert latex(sp.Symbol("mu_1")) == r"\mu_{1}"


def test_index_ranges_read_as_conditions():
    """A row ending in an element (``V_{j,v}``) keeps its ranges apart, not as a call ``V_{j,v}(...)``."""
    f = next(f for f in all_formulas() if f.id == "attention")
    row = parse_block(formula_latex(f), names=reader_names(f)).rows[-1]
    assert row.chain.rels == ("=",) and len(row.conditions) == len(f.outputs[0].indices)
