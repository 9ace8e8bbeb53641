"""The ``formulary`` command: a thin layer over the library.

Exit codes: 0 every check holds; 1 something was refuted or failed;
2 usage or input error; 3 internal error (rerun with ``--debug``).
"""
from __future__ import annotations

import argparse
import json
import sys
import textwrap

from . import render

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


class UsageError(Exception):
    """Bad input from the user: reported with exit code 2 and no traceback."""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="formulary",
        description="Formulary: derive, verify and export the formulas of deep learning.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=textwrap.dedent("""\
            examples:
              formulary list
              formulary show softmax
              formulary verify --all
              formulary verify softmax layer_norm --json

            exit codes: 0 all checks hold, 1 something refuted or failed,
                        2 usage or input error, 3 internal error"""),
    )
    p.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    def command(name, help, example):
        c = sub.add_parser(name, help=help, description=help,
                           formatter_class=argparse.RawDescriptionHelpFormatter,
                           epilog="example:\n  " + example)
        c.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
        return c

    c = command("list", "list the catalog: id, section, title, status",
                "formulary list --section losses")
    c.add_argument("--section", help="only this section")
    c.add_argument("--json", action="store_true", help="write the list as JSON")

    c = command("show", "show one formula: LaTeX, sympy form, domains, reference, generated code",
                "formulary show layer_norm")
    c.add_argument("id")
    c.add_argument("--json", action="store_true", help="write the record as JSON")

    c = command("verify", "verify formulas: generated NumPy and reference against mpmath",
                "formulary verify --all          # the whole catalog\n"
                "  formulary verify softmax --points 500 --json")
    c.add_argument("ids", nargs="*", metavar="ID")
    c.add_argument("--all", action="store_true", help="every catalog formula")
    c.add_argument("--points", type=int, default=100, help="random points per formula (default 100)")
    c.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    c.add_argument("--json", action="store_true", help="write results as JSON (schema formulary.verify/1)")
    return p


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        return _COMMANDS[args.command](args)
    except UsageError as exc:
        print(f"formulary {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("formulary: interrupted", file=sys.stderr)
        return EXIT_FAILED
    except Exception as exc:  # internal error: short message unless --debug
        if args.debug:
            raise
        print(f"formulary {args.command}: internal error: {type(exc).__name__}: {exc}\n"
              "rerun with --debug for the traceback", file=sys.stderr)
        return EXIT_INTERNAL


def _lookup(fid: str):
    from symbolic import UnknownFormula, get

    try:
        return get(fid)
    except UnknownFormula as exc:
        raise UsageError(str(exc)) from None


def cmd_list(args) -> int:
    from symbolic import all_formulas

    formulas = [f for f in all_formulas() if args.section in (None, f.section)]
    if args.section and not formulas:
        sections = sorted({f.section for f in all_formulas()})
        raise UsageError(f"no section {args.section!r}; sections: {', '.join(sections)}")
    rows = [render.list_row(f) for f in formulas]
    if args.json:
        print(json.dumps({"schema": "formulary.list/1", "formulas": rows}, indent=2))
    else:
        print(render.table(rows, ["id", "section", "title", "status"]))
    return EXIT_OK


def cmd_show(args) -> int:
    f = _lookup(args.id)
    record = render.show(f)
    if args.json:
        print(json.dumps({"schema": "formulary.show/1", **record}, indent=2))
    else:
        print(render.show_text(record))
    return EXIT_OK


def cmd_verify(args) -> int:
    from derivations.verify_catalog import verify_formula
    from symbolic import all_formulas

    if args.all and args.ids:
        raise UsageError("give formula ids or --all, not both")
    if not args.all and not args.ids:
        raise UsageError("name formula ids to verify, or --all (see formulary verify --help)")
    if args.points < 1:
        raise UsageError("--points must be at least 1")
    formulas = all_formulas() if args.all else [_lookup(i) for i in args.ids]
    results = []
    for f in formulas:
        r = verify_formula(f, n_random=args.points, seed=args.seed)
        results.append(r)
        if not args.json:
            print(render.verify_row(r), flush=True)
    failed = [r for r in results if not r.verdict.holds]
    if args.json:
        print(json.dumps(render.verify_json(results), indent=2))
    else:
        print(render.verify_summary(results))
    return EXIT_FAILED if failed else EXIT_OK


_COMMANDS = {"list": cmd_list, "show": cmd_show, "verify": cmd_verify}


if __name__ == "__main__":
    sys.exit(main())
