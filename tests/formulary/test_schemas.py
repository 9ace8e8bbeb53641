"""Every --json output validates against its versioned, documented schema."""
import json

import jsonschema
import pytest

from formulary.cli import main
from formulary.render import load_schema


def run_json(capsys, *argv):
    main(list(argv))
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("name", ["verify", "derive", "prove", "list", "gradients", "check"])
def test_schemas_are_valid_json_schema(name):
    jsonschema.Draft202012Validator.check_schema(load_schema(name))


def test_list_output_validates(capsys):
    jsonschema.validate(run_json(capsys, "list", "--json"), load_schema("list"))


def test_verify_output_validates(capsys):
    data = run_json(capsys, "verify", "softmax", "--points", "5", "--json")
    jsonschema.validate(data, load_schema("verify"))


def test_verify_schema_rejects_a_malformed_result(capsys):
    data = run_json(capsys, "verify", "softmax", "--points", "5", "--json")
    data["results"][0]["verdict"] = "probably"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, load_schema("verify"))


def test_derive_output_validates(capsys):
    data = run_json(capsys, "derive", "tanh_derivative", "kernel_symmetry", "--json")
    jsonschema.validate(data, load_schema("derive"))
    steps = [s for d in data["derivations"] for s in d["steps"]]
    assert any(s["verdict"] == "refuted" and s["counterexample"] for s in steps)


def test_prove_output_validates(capsys):
    data = run_json(capsys, "prove", "(x+1)**2", "x**2 + 2*x + 1", "--json")
    jsonschema.validate(data, load_schema("prove"))
    assert data["verdict"]["kind"] == "proved"


def test_gradients_output_validates(capsys):
    data = run_json(capsys, "gradients", "softmax_vjp_z", "--points", "3", "--json")
    jsonschema.validate(data, load_schema("gradients"))
    assert data["gradients"][0]["holds"] is True


def test_check_output_validates(capsys, tmp_path):
    notes = tmp_path / "notes.md"
    notes.write_text("# Tanh\n$$\\tanh(x) = 2\\sigma(2x) - 1$$\n\n# Wrong\n$$(x+1)^2 = x^2 + 1$$\n")
    data = run_json(capsys, "check", str(notes), "--json")
    jsonschema.validate(data, load_schema("check"))
    assert [b["verdict"] for b in data["blocks"]][-1] == "refuted"
