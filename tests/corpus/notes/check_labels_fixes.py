r"""Corrections of hand labels in labels.json, each with an independent check (mpmath/sympy, nothing from Formulary).

A label is corrected here only when a check by hand shows the block's claim the other way than labelled; the block's
text is the source's (a slip in the source is a real mistake, and is labelled ``wrong``).

* d2l_single_variable_calculus.md:115 ``$\epsilon^{2}= 0.0000000000001$`` after ``$\epsilon = 0.0000001$``:
  0.0000001 is 1e-7, whose square is 1e-14, but 0.0000000000001 (twelve zeros after the point) is 1e-13.  The
  original label said "(1e-7)^2 = 1.0e-14" and marked the block right without comparing with the written 1e-13.
  The d2l source has the same digits (d2l-en, single-variable-calculus.md), so this is the book's slip.

    python3 tests/corpus/notes/check_labels_fixes.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_fixes.py --write   # also apply the corrections to labels.json
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import mpmath as mp

HERE = Path(__file__).resolve().parent
mp.mp.dps = 30


def _epsilon_squared() -> bool:
    eps, written = mp.mpf("0.0000001"), mp.mpf("0.0000000000001")
    return eps ** 2 == written  # False: 1e-14 against 1e-13


FIXES = [
    dict(file="d2l_single_variable_calculus.md", line=115, latex=r"\epsilon^{2}= 0.0000000000001", label="wrong",
         check="mpmath: 0.0000001^2 = 1e-14, but the text writes 0.0000000000001 = 1e-13 (the source's slip)",
         assumptions="epsilon = 0.0000001", fn=_epsilon_squared),
]


def main(argv) -> int:
    bad = 0
    for fix in FIXES:
        holds = bool(fix["fn"]())
        if holds != (fix["label"] == "right"):
            bad += 1
            print(f"DISAGREES {fix['file']}:{fix['line']} label {fix['label']} but check says {holds}")
    print(f"{len(FIXES)} corrections, {bad} disagree")
    if "--write" in argv and not bad:
        path = HERE / "labels.json"
        labels = json.loads(path.read_text(encoding="utf-8"))
        for fix in FIXES:
            found = [l for l in labels if l["file"] == fix["file"] and l["line"] == fix["line"]
                     and " ".join(l["latex"].split()) == " ".join(fix["latex"].split())]
            if len(found) != 1:
                raise SystemExit(f"{fix['file']}:{fix['line']}: {len(found)} labels match")
            found[0].update({k: fix[k] for k in ("label", "check", "assumptions")})
        path.write_text(json.dumps(labels, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
