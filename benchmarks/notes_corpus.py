r"""Score ``formulary check`` on the labelled notes corpus (``tests/corpus/notes``): per source and in total.

.. code-block:: sh

    python3 benchmarks/notes_corpus.py [--jobs N] [--json OUT.json] [FILE.md ...]

With no files it scores the whole corpus and writes ``benchmarks/notes_corpus.json`` (the committed figures); with
files it writes JSON only where ``--json`` says, so a run on a few files never replaces the whole corpus's figures.

Each label (``labels.json``: file, line, latex, role, label right/wrong/not-a-claim) is matched to the
block that starts on its line.  Figures:

* ``correct_refuted``: blocks labelled right or not-a-claim that ``check`` refutes (target 0);
* ``mistakes_caught``: blocks labelled wrong that are refuted with a counterexample (target >= 90 %);
* ``confirmed``: share of right-labelled claim blocks proved or verified;
* ``parsed``: share of display blocks that parse (target >= 97 %);
* ``blocks_per_second``: blocks per second per core (one file per process, CPU time of the checks).

The totals are also given by origin: ``published`` (textbook chapters, course and study notes, documentation: other
people's mathematics, the issue's measure) and ``written`` (planted mistakes and adversarial rounds written for this
corpus; their header says so), so that the files written to exercise the checker do not flatter its figures.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from derivations.parallel import process_pool

CORPUS = ROOT / "tests" / "corpus" / "notes"
BUDGET = 5.0
"""Seconds per claim, as ``formulary check`` uses by default."""


def _check(path: str):
    sys.path.insert(0, str(ROOT))
    from readers.notes.files import check_file

    start = time.process_time()
    report = check_file(path, BUDGET)
    return report, time.process_time() - start


def origin(path: Path) -> str:
    """``written`` for a file written for this corpus (its header comment says "written for" or "original text"),
    ``published`` for other people's notes."""
    head = path.read_text(encoding="utf-8")[:3000].lower()
    return "written" if "written for" in head or "original text" in head else "published"


def labels(corpus: Path = CORPUS) -> list[dict]:
    return json.loads((corpus / "labels.json").read_text(encoding="utf-8"))


def score(report, file_labels) -> dict:
    """The figures of one file's report against its labels."""
    by_line = {}
    for b in report.blocks:
        by_line.setdefault(b.line, []).append(b)
    out = {"blocks": len(report.blocks), "labelled": len(file_labels), "right": 0, "wrong": 0,
           "correct_refuted": 0, "mistakes_caught": 0, "confirmed": 0, "unmatched": 0,
           "display": sum(b.kind == "display" for b in report.blocks),
           "display_parsed": sum(b.kind == "display" and b.parsed for b in report.blocks),
           "false_alarms": [], "missed": []}
    for label in file_labels:
        block = _labelled_block(by_line.get(label["line"], []), label["latex"])
        if block is None:
            out["unmatched"] += 1
            continue
        verdict = block.verdict
        if label["label"] in ("right", "not-a-claim") and verdict == "refuted":
            out["correct_refuted"] += 1
            out["false_alarms"].append(label["line"])
        if label["label"] == "right" and label.get("role", "claim") != "not-a-claim":
            out["right"] += 1
            out["confirmed"] += verdict in ("proved", "verified")
        if label["label"] == "wrong":
            out["wrong"] += 1
            caught = verdict == "refuted" and (any(s.counterexample for s in block.steps)
                                               or block.catalog_counterexample)
            out["mistakes_caught"] += bool(caught)
            if not caught:
                out["missed"].append(label["line"])
    return out


def _labelled_block(blocks, latex: str):
    """The block a label names: on its line, the one whose text is the label's (a line may hold several
    inline formulas); the only block there when none matches exactly."""
    def plain(text):
        return " ".join(text.split())

    for b in blocks:
        inner = b.source.strip()
        for opener, closer in (("$$", "$$"), ("\\[", "\\]"), ("$", "$")):
            if inner.startswith(opener) and inner.endswith(closer) and len(inner) >= len(opener) + len(closer):
                inner = inner[len(opener):len(inner) - len(closer)]
                break
        if plain(inner) == plain(latex):
            return b
    return blocks[0] if len(blocks) == 1 else None


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", help="corpus files (default: every labelled file)")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--json", default=None,
                        help="where to write the figures (default: benchmarks/notes_corpus.json for the whole "
                             "corpus, nowhere for chosen files)")
    args = parser.parse_args(argv)
    if args.json is None and not args.files:
        args.json = str(ROOT / "benchmarks" / "notes_corpus.json")
    all_labels = labels()
    names = args.files or sorted({l["file"] for l in all_labels})
    paths = [str(CORPUS / Path(n).name) for n in names]
    with process_pool(max(1, args.jobs)) as pool:
        results = list(pool.map(_check, paths))
    rows, total, by_origin = [], {}, {}
    for name, path, (report, seconds) in zip(names, paths, results):
        row = score(report, [l for l in all_labels if l["file"] == Path(name).name])
        row["file"], row["seconds"], row["origin"] = Path(name).name, round(seconds, 2), origin(Path(path))
        rows.append(row)
        for sums in (total, by_origin.setdefault(row["origin"], {"file": f"total, {row['origin']}"})):
            for k, v in row.items():
                if isinstance(v, (int, float)) and not isinstance(v, bool):
                    sums[k] = sums.get(k, 0) + v
    total["file"] = "total"
    header = f"{'file':<34} {'blocks':>6} {'parsed%':>7} {'right':>5} {'conf%':>6} {'FALSE':>5} {'wrong':>5} " \
             f"{'caught':>6} {'blk/s':>6}"
    print(header)
    for row in rows + [by_origin[o] for o in sorted(by_origin)] + [total]:
        parsed = 100 * row["display_parsed"] / row["display"] if row["display"] else 100.0
        confirmed = 100 * row["confirmed"] / row["right"] if row["right"] else 0.0
        rate = row["blocks"] / row["seconds"] if row["seconds"] else 0.0
        caught = 100 * row["mistakes_caught"] / row["wrong"] if row["wrong"] else 0.0
        row.update(parsed_percent=round(parsed, 1), confirmed_percent=round(confirmed, 1),
                   caught_percent=round(caught, 1), blocks_per_second=round(rate, 1))
        print(f"{row['file']:<34} {row['blocks']:>6} {parsed:>7.1f} {row['right']:>5} {confirmed:>6.1f} "
              f"{row['correct_refuted']:>5} {row['wrong']:>5} {row['mistakes_caught']:>6} {rate:>6.1f}")
    for row in rows:
        if row["false_alarms"] or row["missed"]:
            print(f"{row['file']}: false alarms at lines {row['false_alarms']}; missed mistakes at {row['missed']}")
    if args.json:
        Path(args.json).write_text(json.dumps({"files": rows, "total": total, "by_origin": by_origin}, indent=2) + "\n",
                                   encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
