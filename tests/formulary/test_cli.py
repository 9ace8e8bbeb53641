"""The command line: output, JSON schema, exit codes, errors without tracebacks."""
import json

import pytest

from formulary.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_has_every_formula(capsys):
    from symbolic import all_formulas

    code, out, _ = run(capsys, "list", "--json")
    assert code == EXIT_OK
    data = json.loads(out)
    assert {r["id"] for r in data["formulas"]} == {f.id for f in all_formulas()}
    assert all(r["status"] in ("ok", "corrected") for r in data["formulas"])


def test_show_prints_latex_reference_and_code(capsys):
    code, out, _ = run(capsys, "show", "softmax")
    assert code == EXIT_OK
    for part in (r"\frac{e^{z_{i}}}", "def softmax(z)", "numpy.exp", "exp_normalize"):
        assert part in out


def test_unknown_id_is_usage_error_with_suggestion(capsys):
    code, _, err = run(capsys, "show", "layernorm")
    assert code == EXIT_USAGE
    assert "layer_norm" in err and "Traceback" not in err


def test_verify_json_schema(capsys):
    code, out, _ = run(capsys, "verify", "softmax", "logsumexp", "--points", "20", "--json")
    assert code == EXIT_OK
    data = json.loads(out)
    assert data["schema"] == "formulary.verify/1"
    assert [r["id"] for r in data["results"]] == ["softmax", "logsumexp"]
    for r in data["results"]:
        assert r["verdict"] == "verified"
        assert 0 <= r["max_rel_error"] <= r["tolerance"]
        assert r["seconds"] > 0 and r["points"] >= 20


def test_verify_exit_status_on_refutation(capsys, monkeypatch):
    import dataclasses

    import numpy as np

    from symbolic import registry

    bad = dataclasses.replace(registry.get("softmax"), reference=lambda z: np.exp(z) / np.exp(z).sum() + 1e-6)
    monkeypatch.setitem(registry._FORMULAS, "softmax", bad)
    code, out, _ = run(capsys, "verify", "softmax", "--points", "10")
    assert code == EXIT_FAILED
    assert "refuted" in out


@pytest.mark.parametrize("argv", [["verify"], ["verify", "--all", "softmax"], ["verify", "softmax", "--points", "0"],
                                  ["list", "--section", "nope"]])
def test_usage_errors(capsys, argv):
    code, _, err = run(capsys, *argv)
    assert code == EXIT_USAGE and "error" in err and "Traceback" not in err


def test_help_has_worked_examples(capsys):
    for cmd in ("list", "show", "verify", "derive", "prove", "gradients", "codegen", "latex", "check"):
        code = main([cmd, "--help"])
        out = capsys.readouterr().out
        assert code == 0 and "example" in out and f"formulary {cmd}" in out, cmd


def test_help_starts_without_the_math_libraries():
    """``--help`` builds only the parser: sympy, numpy and mpmath (about a second to import) stay unloaded."""
    import subprocess
    import sys

    probe = ("import sys; from formulary.cli import main\n"
             "for cmd in ([], ['prove'], ['check'], ['codegen']):\n"
             "    try: main([*cmd, '--help'])\n"
             "    except SystemExit: pass\n"
             "print(sorted(m for m in ('sympy', 'numpy', 'mpmath') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_check_rejects_files_that_are_not_notes(capsys, tmp_path):
    binary = tmp_path / "notes.md"
    binary.write_bytes(b"# Title\n$$x = 1$$\n\xff\xfe broken\n")
    code, _, err = run(capsys, "check", str(binary))
    assert code == EXIT_USAGE and "notes.md:3:1: not valid UTF-8" in err
    nul = tmp_path / "nul.md"
    nul.write_bytes(b"ok\n\x00\n")
    code, _, err = run(capsys, "check", str(nul))
    assert code == EXIT_USAGE and "NUL" in err
    image = tmp_path / "picture.png"
    image.write_bytes(b"\x89PNG")
    code, _, err = run(capsys, "check", str(image))
    assert code == EXIT_USAGE and "not a Markdown or LaTeX file" in err
    code, _, err = run(capsys, "check", str(tmp_path / "missing.md"))
    assert code == EXIT_USAGE and "cannot read" in err and "Traceback" not in err


def test_check_exit_status_follows_refutation(capsys, tmp_path):
    good = tmp_path / "good.md"
    good.write_text("# Tanh\n$$\\tanh(x) = \\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}$$\n")
    code, out, _ = run(capsys, "check", str(good))
    assert code == EXIT_OK and "proved" in out
    bad = tmp_path / "bad.md"
    bad.write_text("# Square\n$$(x + 1)^2 = x^2 + 1$$\n")
    code, out, _ = run(capsys, "check", str(bad), "--json")
    assert code == EXIT_FAILED
    block = json.loads(out)["blocks"][0]
    assert block["line"] == 2 and block["verdict"] == "refuted"
    assert block["steps"][0]["counterexample"]


def test_verify_of_a_definition_prints_the_line_of_the_codegen_certificate(capsys, tmp_path):
    # one verification, not two: verify --define and codegen --define --grad show the same row
    definition = "softsign(x) = x/(1 + Abs(x))"
    code, out, _ = run(capsys, "verify", "--define", definition)
    assert code == EXIT_OK
    line = next(s for s in out.splitlines() if s.startswith("softsign "))
    assert "%" not in line and "inf" not in line.split()[1:5]
    target = tmp_path / "softsign.py"
    assert run(capsys, "codegen", "--define", definition, "--grad", "-o", str(target))[0] == EXIT_OK
    assert line in target.read_text(encoding="utf-8")
    code, out, _ = run(capsys, "verify", "--define", definition, "--json")
    assert json.loads(out)["rows"][0]["name"] == "softsign"


def test_verify_of_a_definition_off_target_exits_failed(capsys, monkeypatch):
    from codegen import define_module

    monkeypatch.setattr(define_module, "holds", lambda row, grad: False)
    code, _, _ = run(capsys, "verify", "--define", "softsign(x) = x/(1 + Abs(x))")
    assert code == EXIT_FAILED
