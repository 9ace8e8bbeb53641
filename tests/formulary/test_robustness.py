"""Robustness: parallel runs match serial ones, exit codes hold, random input never crashes."""
import json

import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from formulary.cli import EXIT_FAILED, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _strip_times(data):
    """Everything but the clock fields (wall and CPU seconds), which legitimately differ between runs."""
    if isinstance(data, dict):
        return {k: _strip_times(v) for k, v in data.items()
                if k not in ("seconds", "wall_seconds", "cpu_seconds", "jobs")}
    if isinstance(data, list):
        return [_strip_times(v) for v in data]
    return data


def test_jobs_give_identical_results_in_the_same_order(capsys):
    ids = ["softmax", "layer_norm", "sigmoid", "kl_divergence", "attention"]
    _, one, _ = run(capsys, "verify", *ids, "--points", "15", "--json", "--jobs", "1")
    _, two, _ = run(capsys, "verify", *ids, "--points", "15", "--json", "--jobs", "2")
    assert _strip_times(json.loads(one)) == _strip_times(json.loads(two))
    assert [r["id"] for r in json.loads(two)["results"]] == ids


def test_derive_jobs_identical(capsys):
    ids = ["tanh_derivative", "kernel_symmetry", "f1_forms", "bayes_theorem_from_conditional"]  # last: an rhs that
    # sympy would re-evaluate if the derivation itself crossed the process boundary
    # --timeout 120: far above need, so that a busy machine cannot turn one run's verdict and not the other's
    _, one, _ = run(capsys, "derive", *ids, "--json", "--jobs", "1", "--timeout", "120")
    _, two, _ = run(capsys, "derive", *ids, "--json", "--jobs", "2", "--timeout", "120")
    assert _strip_times(json.loads(one)) == _strip_times(json.loads(two))


def test_internal_error_is_exit_3_with_hint_and_no_traceback(capsys, monkeypatch):
    from formulary import cli

    def boom(args):
        raise RuntimeError("simulated bug")

    monkeypatch.setitem(cli._COMMANDS, "list", boom)
    code, _, err = run(capsys, "list")
    assert code == EXIT_INTERNAL
    assert "simulated bug" in err and "--debug" in err and "Traceback" not in err


def test_exit_codes_of_prove(capsys):
    assert run(capsys, "prove", "(x+1)**2", "x**2+2*x+1", "--timeout", "120")[0] == EXIT_OK
    code, out, _ = run(capsys, "prove", "(x+1)**2", "x**2+1", "--timeout", "120")
    assert code == EXIT_FAILED and "counterexample" in out
    assert run(capsys, "prove", "x +* 2", "0")[0] == EXIT_USAGE
    assert run(capsys, "prove", "x", "0", "--assume", "x=bogus")[0] == EXIT_USAGE


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=60))
def test_prove_never_crashes_on_random_text(capsys, text):
    code = main(["prove", text, "x", "--timeout", "2"])
    _, err = capsys.readouterr()
    assert code in (EXIT_OK, EXIT_FAILED, EXIT_USAGE), err
    assert "Traceback" not in err and "internal error" not in err


ALPHABET = st.sampled_from(list(["x", "y", "z", "0", "1", "2", "+", "-", "*", "/", "**", "(", ")", "exp", "log", "sqrt", "sin", "tanh", "sigmoid", ",", ".", "e", "1e308"]))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(ALPHABET, max_size=25).map("".join))
def test_prove_never_crashes_on_formula_like_text(capsys, text):
    code = main(["prove", text, "x", "--timeout", "2"])
    _, err = capsys.readouterr()
    assert code in (EXIT_OK, EXIT_FAILED, EXIT_USAGE), err
    assert "internal error" not in err


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300))
def test_check_never_crashes_on_random_bytes(capsys, tmp_path_factory, data):
    path = tmp_path_factory.mktemp("notes") / "notes.md"
    path.write_bytes(data)
    code = main(["check", str(path), "--timeout", "1"])
    _, err = capsys.readouterr()
    assert code in (EXIT_OK, EXIT_FAILED, EXIT_USAGE), err
    assert "internal error" not in err and "Traceback" not in err


MARKDOWN = st.lists(st.sampled_from(["# H\n", "$$", "$", "\\frac{", "}", "{", "x_i", "\\sum_{i=1}^{n}", "=", "\\le",
                                     "\\left(", "\\right.", "\\begin{aligned}", "\\end{aligned}", "&", "\\\\", "e^{",
                                     "\\sigma(z_i)", "\\to", "\\infty", " ", "\n", "\\text{ when }", "2"]),
                    max_size=30).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(MARKDOWN)
def test_check_never_crashes_on_mutated_notes(capsys, tmp_path_factory, text):
    path = tmp_path_factory.mktemp("notes") / "notes.md"
    path.write_text(text, encoding="utf-8")
    code = main(["check", str(path), "--timeout", "1"])
    _, err = capsys.readouterr()
    assert code in (EXIT_OK, EXIT_FAILED, EXIT_USAGE), err
    assert "internal error" not in err


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=40))
def test_ids_never_crash_show_verify_derive_gradients(capsys, text):
    for command in ("show", "verify", "derive", "gradients"):
        code = main([command, "--", text])
        _, err = capsys.readouterr()
        assert code in (EXIT_OK, EXIT_FAILED, EXIT_USAGE), (command, err)
        assert "internal error" not in err


@pytest.mark.parametrize("timeout", ["0", "-1", "nan", "inf", "-inf", "ten"])
def test_prove_rejects_a_timeout_that_is_not_positive_and_finite(capsys, timeout):
    assert main(["prove", "x", "x", "--timeout", timeout]) == 2
    assert "timeout" in capsys.readouterr().err


def test_prove_accepts_a_huge_finite_timeout(capsys):
    assert main(["prove", "x", "x", "--timeout", "1e12"]) == 0


def test_prove_reports_an_unknown_assumption_word_as_such(capsys):
    assert main(["prove", "x", "x", "--assume", "x=postive"]) == 2
    err = capsys.readouterr().err
    assert "unknown assumption word 'postive'" in err and "LHS" not in err
