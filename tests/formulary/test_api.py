"""The public API: each call gives what the CLI prints, for formula objects and ids alike."""
import pytest

import formulary as fy
from formulary import api


def test_package_reexports_the_api():
    assert fy.verify is api.verify and set(api.__all__) <= set(dir(fy))
    with pytest.raises(AttributeError):
        fy.no_such_function  # noqa: B018


def test_verify_takes_ids_and_records():
    assert fy.verify("sigmoid", points=10).verdict.kind == "verified"
    assert fy.verify(fy.formula("relu"), points=10).verdict.kind == "verified"


def test_prove_parses_text_and_refutes_with_a_counterexample():
    # 120 s: the proof takes about 1 s of CPU, but the default 10 s budget is wall time (busy machine)
    assert fy.prove("1/(1+exp(-x))", "(tanh(x/2)+1)/2", timeout=120).kind == "proved"
    wrong = fy.prove("1/(1+exp(-x))", "(tanh(x)+1)/2", timeout=120)
    assert wrong.kind == "refuted" and wrong.counterexample


def test_prove_reports_parse_errors():
    with pytest.raises(fy.ParseError):
        fy.prove("exp(", "1")


def test_unknown_ids_are_errors_with_suggestions():
    with pytest.raises(fy.UnknownId, match="closest"):
        fy.formula("softmaxx")


def test_derive_and_codegen_and_latex():
    checked = fy.derive("sigmoid_derivative", timeout=60)
    assert checked.ok and all(v.kind == "proved" for v in checked.verdicts)
    source = fy.codegen(["sigmoid"])
    namespace = {}
    exec(compile(source, "<generated>", "exec"), namespace)  # our own generated code, not user text
    assert abs(namespace["sigmoid"](0.0) - 0.5) < 1e-15
    assert r"\begin{document}" in fy.latex(["sigmoid"])


def test_check_notes_from_a_path(tmp_path):
    notes = tmp_path / "n.md"
    notes.write_text("# Sigmoid\n\n$$\\frac{1}{1+e^{-x}} = \\frac{e^{x}}{1+e^{x}}$$\n", encoding="utf-8")
    report = fy.check_notes(notes)
    assert [b.verdict for b in report.blocks] == ["proved"]
