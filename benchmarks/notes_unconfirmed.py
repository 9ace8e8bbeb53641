r"""The right-labelled claims of the notes corpus that ``formulary check`` does not confirm, grouped by cause.

.. code-block:: sh

    python3 benchmarks/notes_unconfirmed.py [--jobs N] [--missed] [--save reports.pickle | --load reports.pickle] [FILE.md ...]

With ``--missed``, the wrong-labelled blocks that are not refuted with a counterexample, grouped the same way.

A cause is the block's role when it is not read as a claim (``definition``, ``no claim``, ``example`` ...), else
the verdict and the reason of its first step that is not confirmed, with names and numbers masked
(``undecided: unknown function <F> in <X>``), so that one mechanism's failures fall into one class.
Classes are printed largest first, each with its blocks (file:line and the block's source).
"""
from __future__ import annotations

import argparse
import pickle
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.notes_corpus import CORPUS, _check, _labelled_block, labels  # noqa: E402
from derivations.parallel import process_pool

CONFIRMED = ("proved", "verified")


def cause(block) -> str:
    """The class of an unconfirmed block: its role, or its first unconfirmed step's verdict and masked reason."""
    if block is None:
        return "unmatched label"
    if not block.parsed:
        return "unparsed"
    if not block.steps:
        return f"role {block.role}"
    step = next((s for s in block.steps if s.verdict not in CONFIRMED), block.steps[0])
    return f"{step.verdict}: {mask(step.reason or step.method)}"


def mask(reason: str) -> str:
    r"""``reason`` with what varies from block to block blanked: quoted text, numbers, formulas after a colon."""
    text = re.sub(r"'[^']*'|\"[^\"]*\"|`[^`]*`", "<Q>", reason)
    text = re.sub(r"\d+(\.\d+)?", "<N>", text)
    text = re.sub(r"(:\s*)[^:;,()]{25,}", r"\1<...>", text)
    return " ".join(text.split())[:110]


def unconfirmed(reports: dict, missed: bool = False) -> dict:
    """``{cause: [(file, line, source)]}`` over the right-labelled claims not proved or verified; with ``missed``,
    over the wrong-labelled blocks not refuted with a counterexample (the mistakes ``check`` misses)."""
    out = defaultdict(list)
    for label in labels():
        if missed:
            if label["label"] != "wrong":
                continue
        elif label["label"] != "right" or label.get("role", "claim") == "not-a-claim":
            continue
        report = reports.get(label["file"])
        if report is None:
            continue
        blocks = [b for b in report.blocks if b.line == label["line"]]
        block = _labelled_block(blocks, label["latex"])
        if block is not None and (_caught(block) if missed else block.verdict in CONFIRMED):
            continue
        source = " ".join((block.source if block else label["latex"]).split())
        out[cause(block)].append((label["file"], label["line"], source))
    return dict(sorted(out.items(), key=lambda kv: -len(kv[1])))


def _caught(block) -> bool:
    """Refuted with a counterexample, as ``notes_corpus.score`` counts a mistake caught."""
    return block.verdict == "refuted" and bool(any(s.counterexample for s in block.steps)
                                                or block.catalog_counterexample)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", help="corpus files (default: every labelled file)")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--save", help="pickle the reports here (to group again without checking)")
    parser.add_argument("--load", help="group the reports pickled by --save")
    parser.add_argument("--missed", action="store_true",
                        help="group the wrong-labelled blocks not refuted (missed mistakes) instead")
    parser.add_argument("--width", type=int, default=110, help="characters of each block's source shown")
    args = parser.parse_args(argv)
    if args.load:
        reports = pickle.loads(Path(args.load).read_bytes())
    else:
        names = args.files or sorted({l["file"] for l in labels()})
        with process_pool(max(1, args.jobs)) as pool:
            results = list(pool.map(_check, [str(CORPUS / Path(n).name) for n in names]))
        reports = {Path(n).name: r for n, (r, _) in zip(names, results)}
        if args.save:
            Path(args.save).write_bytes(pickle.dumps(reports))
    groups = unconfirmed(reports, args.missed)
    what = "mistakes missed" if args.missed else "right claims unconfirmed"
    print(f"{sum(map(len, groups.values()))} {what}, {len(groups)} causes")
    for reason, rows in groups.items():
        print(f"\n[{len(rows)}] {reason}")
        for file, line, source in rows:
            print(f"    {file}:{line}  {source[:args.width]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
