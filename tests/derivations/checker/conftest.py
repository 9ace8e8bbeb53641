"""Collects corpus verdicts from every worker and prints the tally at the end of the run."""
import json
import os
import pathlib
import tempfile

ENV = "FORMULARY_CORPUS_RESULTS"


def pytest_configure(config):
    if ENV not in os.environ:  # the controller; xdist workers inherit the directory
        os.environ[ENV] = tempfile.mkdtemp(prefix="formulary-corpus-")


def record(claim_id: str, truth: bool, kind: str, seconds: float, detail: str) -> None:
    path = pathlib.Path(os.environ[ENV]) / f"{os.getpid()}.jsonl"
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(json.dumps([claim_id, truth, kind, seconds, detail]) + "\n")


def pytest_terminal_summary(terminalreporter, config):
    if hasattr(config, "workerinput"):
        return
    from derivations.checker.corpus import Tally

    tally = Tally()
    for path in pathlib.Path(os.environ[ENV]).glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            tally.add(*json.loads(line))
    if tally.cases:
        terminalreporter.write_line("corpus: " + tally.text())
