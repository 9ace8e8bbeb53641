"""The ``formulary`` command: a thin layer over the library.

Exit codes: 0 every check holds; 1 something was refuted or failed;
2 usage or input error; 3 internal error (rerun with ``--debug``).
"""
from __future__ import annotations

import argparse
import contextlib
import functools
import json
import math
import sys
import textwrap
import time

from derivations.stack_room import with_stack_room
from formulary import render
from formulary.parallel import (
    Forked,
    Pool,
    Progress,
    available_cpus,
    collect,
    in_worker,
    run_ordered,
)

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
              formulary derive softmax_jacobian
              formulary prove 'x - 1 - log(x)' 0 --rel '>=' --assume x=positive
              formulary codegen softmax --grad -o kernels.py
              formulary check notes.md
              formulary latex -o formulary.tex --pdf

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
    _formulas_arguments(c)
    c.add_argument("--all", action="store_true", help="every catalog formula")
    c.add_argument("--points", type=int, default=100, help="random points per formula (default 100)")
    c.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    c.add_argument("--json", action="store_true", help="write results as JSON (schema formulary.verify/1)")
    c.add_argument("--no-derivations", action="store_true", help="with --all: skip the derivations")
    _timeout_option(c)
    _jobs_option(c)

    c = command("derive", "check derivations step by step: verdict, method and time per step",
                "formulary derive softmax_jacobian\n"
                "  formulary derive softmax          # every derivation about a catalog formula\n"
                "  formulary derive --all --json")
    c.add_argument("ids", nargs="*", metavar="ID", help="derivation ids or catalog formula ids")
    c.add_argument("--all", action="store_true", help="every derivation")
    _timeout_option(c)
    _jobs_option(c)
    c.add_argument("--json", action="store_true", help="write results as JSON (schema formulary.derive/1)")

    c = command("prove", "check one step LHS REL RHS typed by you (parsed safely, never eval'd)",
                "formulary prove '1/(1+exp(-x))' '(tanh(x/2)+1)/2'\n"
                "  formulary prove 'x - 1 - log(x)' 0 --rel '>=' --assume x=positive\n"
                "  formulary prove -- '-x**2' '-(x**2)'      # '--' before a side that starts with '-'")
    c.add_argument("lhs")
    c.add_argument("rhs")
    c.add_argument("--rel", default="=", choices=["=", "<=", ">=", "<", ">"], help="relation (default =)")
    c.add_argument("--assume", action="append", default=[], metavar="ASSUMPTION",
                   help="x=positive, 'n integer', '0 < p < 1', 'x != 0', 'a < b' (repeatable); "
                        "symbols are real unless assumed otherwise")
    _timeout_option(c)
    c.add_argument("--json", action="store_true", help="write the verdict as JSON (schema formulary.prove/1)")

    c = command("gradients", "check symbolic gradients (VJPs) three ways: symbolic, vs hand-written backward, vs mpmath finite differences",
                "formulary gradients softmax_vjp_z\n"
                "  formulary gradients layer_norm         # every gradient of a catalog formula\n"
                "  formulary gradients --all --json")
    c.add_argument("ids", nargs="*", metavar="ID", help="gradient ids or catalog formula ids (none: every gradient)")
    c.add_argument("--all", action="store_true", help="every gradient (the default when no id is given)")
    c.add_argument("--points", type=int, default=20, help="random points per gradient (default 20)")
    _jobs_option(c)
    c.add_argument("--json", action="store_true", help="write results as JSON (schema formulary.gradients/1)")

    c = command("codegen", "write a standalone NumPy module (vectorized, stable) with a certificate header",
                "formulary codegen softmax layer_norm --grad -o kernels.py\n"
                "  formulary codegen --all --grad -o catalog_kernels.py\n"
                "  formulary codegen --define 'barrier(x) = -log(x) for x > 0' --grad   # sampled for x > 0 only")
    _formulas_arguments(c)
    c.add_argument("--all", action="store_true", help="every catalog formula")
    c.add_argument("--grad", action="store_true", help="also the vector-Jacobian products")
    c.add_argument("--backend", choices=("numpy", "torch", "jax", "numba"), default="numpy",
                   help="array library of the generated code (torch, jax: definitions only; numba: catalog "
                        "ids only, compiled row loops, needs numba)")
    c.add_argument("--precision", choices=("fast", "accurate"), default="fast",
                   help="fast: computed in the inputs' dtype (float32 stays float32); accurate: in float64")
    c.add_argument("-o", "--output", metavar="FILE.py", help="write here instead of standard output")
    c.add_argument("--force", action="store_true", help="overwrite a file formulary did not write")

    c = command("check", "read Markdown/LaTeX notes and check every formula block in them",
                "formulary check notes.md\n"
                "  formulary check ../shared/seed/formulas.md --json")
    c.add_argument("notes", metavar="NOTES", nargs="+",
                   help="Markdown (.md) or LaTeX (.tex) files or folders ('-' reads standard input)")
    c.add_argument("--timeout", type=float, default=5.0, help="seconds per claim (default 5)")
    c.add_argument("--json", action="store_true", help="write the report as JSON (schema formulary.check/1)")
    c.add_argument("--explain", action="store_true", help="show how each symbol of a block was read")
    c.add_argument("--jobs", type=int, default=1, help="check N files at once (same results, same order)")

    c = command("latex", "export the catalog and the checked derivations as a LaTeX document",
                "formulary latex -o formulary.tex --pdf   # writes formulary.tex and formulary.pdf")
    c.add_argument("-o", "--output", metavar="FILE.tex", help="write here instead of standard output")
    c.add_argument("--pdf", action="store_true", help="also compile FILE.pdf with pdflatex (needs -o)")
    c.add_argument("--code", action="store_true", help="include each formula's NumPy code as a listing")
    c.add_argument("--no-derivations", action="store_true", help="catalog only (no checking, faster)")
    _timeout_option(c)
    _jobs_option(c)
    c.add_argument("--force", action="store_true", help="overwrite files formulary did not write")
    return p


def _formulas_arguments(c) -> None:
    """What verify and codegen work on: catalog ids or notes, and definitions typed on the command line."""
    c.add_argument("ids", nargs="*", metavar="ID", help="catalog ids, or notes (.md) whose definitions to generate")
    c.add_argument("--define", action="append", default=[], metavar="DEF",
                   help="a definition in the syntax of prove: 'name(x, w)[i] = body' (repeatable); a domain "
                        "after 'for' is where the certificate samples: 'barrier(x) = -log(x) for x > 0', "
                        "'odds(p, w) = w*p/(1 - p) for p in (0, 1), w >= 0'")


def _timeout_option(c) -> None:
    c.add_argument("--timeout", type=_seconds, default=10.0, help="seconds per symbolic rung (default 10)")


def _seconds(text: str) -> float:
    """A positive, finite number of seconds (argparse reports anything else and exits 2)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not (math.isfinite(value) and value > 0):
        raise argparse.ArgumentTypeError(f"{text!r}: the timeout must be a positive, finite number of seconds")
    return value


def _jobs_option(c) -> None:
    c.add_argument("--jobs", type=int, default=None,
                   help="check in N processes (same results, same order; default: the CPUs available)")


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help (0) or a usage error (2), already printed by argparse
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        return with_stack_room(_COMMANDS[args.command], args)  # deep sympy recursion: see derivations.stack_room
    except UsageError as exc:
        print(f"formulary {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("formulary: interrupted", file=sys.stderr)
        return EXIT_FAILED
    except BrokenPipeError:  # output piped into head: not an error of ours
        sys.stderr.close()
        return EXIT_OK
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


def _verify_definitions(args, notes) -> int:
    from codegen.define_module import TABLE_HEADER, holds, notes_lines, table_line

    rows = _definition_rows(args, notes)
    if args.json:
        print(json.dumps({"schema": "formulary.verify_definitions/1", "rows": rows}, indent=2, default=str))
    else:
        print("\n".join([TABLE_HEADER] + [table_line(r, True) for r in rows] + notes_lines(rows, True)))
    return EXIT_OK if all(holds(r, True) for r in rows) else EXIT_FAILED


def _definition_rows(args, notes) -> list[dict]:
    from pathlib import Path

    from formulary import api

    records = []
    try:
        for n in notes:
            records += api.define(Path(n))
        for d in args.define:
            records += api.define(d)
    except (api.FormularyError, OSError) as exc:
        raise UsageError(str(exc)) from None
    return api.verify_definitions(records)


def cmd_verify(args) -> int:
    from symbolic import all_formulas

    notes = [i for i in args.ids if i.endswith((".md", ".tex"))]
    if notes or args.define:
        return _verify_definitions(args, notes)
    if args.all and args.ids:
        raise UsageError("give formula ids or --all, not both")
    if not args.all and not args.ids:
        raise UsageError("name formula ids to verify, or --all (see formulary verify --help)")
    if args.points < 1:
        raise UsageError("--points must be at least 1")
    formulas = all_formulas() if args.all else [_lookup(i) for i in args.ids]
    _check_jobs(args)
    start = time.perf_counter()
    everything = args.all and not args.no_derivations
    checked, grads = [], []
    verify_one = functools.partial(_verify_one, points=args.points, seed=args.seed)
    with contextlib.ExitStack() as stack:
        early = everything and args.jobs > 1 and not in_worker()
        if early:  # the formulas start at once, on the CPU that the imports below leave idle
            batch = stack.enter_context(Forked(verify_one, [f.id for f in formulas])).batch
        if everything:  # imported before the workers fork, so that they share it rather than each import it
            from derivations.checker.budget import import_rung_modules
            from derivations.gradients import all_gradients
            from derivations.gradients.check import check_gradient  # noqa: F401
            from derivations.library import all_derivations
            from formulary import api  # noqa: F401

            derivations, gradients = all_derivations(), all_gradients()
            import_rung_modules()
        pool = stack.enter_context(Pool(args.jobs))  # the other parts all queued at once: no worker idles between them
        if not early:
            batch = pool.submit(verify_one, [f.id for f in formulas])
        if everything:
            derivation_batch = pool.submit(functools.partial(_derive_keyed, timeout=args.timeout),
                                           [d.id for d in derivations], cost=_budget_weights(derivations))
            gradient_batch = pool.submit(functools.partial(_gradient_one, points=GRADIENT_POINTS_IN_VERIFY),
                                         [g.id for g in gradients])
        _header(args, f"formulas ({len(formulas)})", everything)
        results = collect(batch, progress=Progress(len(formulas), enabled=not args.json, part="formulas"),
                          on_result=None if args.json else lambda r: print(render.verify_row(r), flush=True))
        failed = [r for r in results if not r.verdict.holds]
        if everything:
            _header(args, f"derivations ({len(derivation_batch)})", True)
            checked = _collect_derivations(derivation_batch, derivations, args, quiet=True)
            failed += [c for c in checked if not c.ok]
            _header(args, f"gradients ({len(gradient_batch)})", True)
            grads = _collect_gradients(gradient_batch, args)
            failed += [g for g in grads if not g["holds"]]
    wall = time.perf_counter() - start
    if args.json:
        data = render.verify_json(results) | {"wall_seconds": round(wall, 3), "jobs": args.jobs}
        parts = {"formulas": batch} | ({"derivations": derivation_batch, "gradients": gradient_batch} if everything else {})
        data["cpu_seconds"] = render.cpu_seconds_json({part: b.cpu_seconds for part, b in parts.items()})
        if checked:
            data["derivations"] = [c.to_json() for c in checked]
            data["gradients"] = grads
        print(json.dumps(data, indent=2))
    else:
        print(render.verify_summary(results, wall))
        if checked:
            print(render.derivations_summary(checked))
            print(render.gradients_summary(grads))
    return EXIT_FAILED if failed else EXIT_OK


def _header(args, title: str, shown: bool) -> None:
    """A header line per part of ``verify --all`` (formulas, derivations, gradients), not in JSON."""
    if shown and not args.json:
        print(f"== {title} ==", flush=True)


GRADIENT_POINTS_IN_VERIFY = 4
"""Random points per gradient in ``verify --all`` (plus thinned edge points); ``gradients`` takes more."""


def _gradient_one(gid: str, *, points: int):
    from formulary import api

    return api.gradient_check(gid, points=points)


def _check_gradients(ids, args, *, points: int):
    _check_jobs(args)
    with Pool(args.jobs) as pool:
        return _collect_gradients(pool.submit(functools.partial(_gradient_one, points=points), ids), args)


def _collect_gradients(batch, args):
    show = None if args.json else (lambda r: print(render.gradient_line(r), flush=True))
    return collect(batch, progress=Progress(len(batch), enabled=not args.json, part="gradients"), on_result=show)


def cmd_gradients(args) -> int:
    from derivations.gradients import all_gradients

    if args.all and args.ids:
        raise UsageError("name gradient ids (or catalog ids), or --all, not both")
    if args.points < 1:
        raise UsageError("--points must be at least 1")
    known = all_gradients()
    ids = []
    for i in args.ids:
        about = [g.id for g in known if g.formula_id == i]
        if not about and i not in {g.id for g in known}:
            import difflib

            close = difflib.get_close_matches(i, [g.id for g in known] + sorted({g.formula_id for g in known}), n=5)
            raise UsageError(f"unknown gradient or formula id {i!r}" + (f"; closest: {', '.join(close)}" if close else ""))
        ids += about or [i]
    results = _check_gradients(ids or [g.id for g in known], args, points=args.points)
    if args.json:
        print(json.dumps({"schema": render.GRADIENTS_SCHEMA, "gradients": results}, indent=2))
    else:
        print(render.gradients_summary(results))
    return EXIT_OK if all(r["holds"] for r in results) else EXIT_FAILED


def _verify_one(fid: str, *, points: int, seed: int):
    from formulary import api

    return api.verify(fid, points=points, seed=seed)


def _derive_one(did: str, *, timeout: float):
    """The verdicts only: a Derivation that crossed a process boundary would be rebuilt by
    unpickling, and sympy re-evaluates its expressions (P_A*(P_AB/P_A) comes back as P_AB)."""
    from derivations.checker.ladder import check_derivation
    from derivations.library import get

    return tuple(check_derivation(get(did), budget=timeout))


def _check_jobs(args) -> None:
    if args.jobs is None:
        args.jobs = available_cpus()
    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if getattr(args, "timeout", 1.0) <= 0:
        raise UsageError("--timeout must be positive")


def _check_derivations(derivations, args, *, quiet: bool, progress: bool | None = None):
    from derivations.checker.budget import import_rung_modules

    _check_jobs(args)
    if args.jobs > 1 and len(derivations) > 1:
        import_rung_modules()  # before the workers fork, so that they share them (see RUNG_IMPORTS)
    with Pool(args.jobs) as pool:
        batch = pool.submit(functools.partial(_derive_keyed, timeout=args.timeout), [d.id for d in derivations],
                            cost=_budget_weights(derivations))
        return _collect_derivations(batch, derivations, args, quiet=quiet, progress=progress)


def _collect_derivations(batch, derivations, args, *, quiet: bool, progress: bool | None = None):
    from derivations.checker.report import CheckedDerivation

    by_id = {d.id: d for d in derivations}
    checked = []

    def add(item):
        did, verdicts = item
        checked.append(CheckedDerivation(by_id[did], verdicts))
        if not args.json:
            print(render.derivation_line(checked[-1]) if quiet else render.derivation_text(checked[-1]), flush=True)

    collect(batch, progress=Progress(len(derivations), enabled=not args.json if progress is None else progress,
                                     part="derivations"), on_result=add)
    return checked


def _budget_weights(derivations):
    """``id -> `` the sum of its steps' weights, the budget its author gave it: the pool starts the costliest first
    (a long item started last would run alone at the end while the other worker idles)."""
    weights = {d.id: sum(step.weight for step in d.steps) for d in derivations}
    return weights.__getitem__


def _derive_keyed(did: str, *, timeout: float):
    return did, _derive_one(did, timeout=timeout)


def _derivations_for(ids):
    from derivations.library import all_derivations, get
    from symbolic.registry import _load

    _load()
    chosen = []
    for i in ids:
        about = [d for d in all_derivations() if d.catalog_id == i]
        if about:
            chosen += about
            continue
        try:
            chosen.append(get(i))
        except KeyError as exc:
            raise UsageError(str(exc).strip("'\"")) from None
    return chosen


def cmd_derive(args) -> int:
    from derivations.library import all_derivations

    if args.all == bool(args.ids):
        raise UsageError("name derivation ids (or catalog ids), or --all")
    chosen = all_derivations() if args.all else _derivations_for(args.ids)
    checked = _check_derivations(chosen, args, quiet=False)
    if args.json:
        print(json.dumps({"schema": render.DERIVE_SCHEMA, "derivations": [c.to_json() for c in checked]}, indent=2))
    else:
        print(render.derivations_summary(checked))
    return EXIT_OK if all(c.ok for c in checked) else EXIT_FAILED


def cmd_prove(args) -> int:
    from derivations.checker.ladder import check_step
    from readers.claim import claim_step
    from readers.expression import parse_assumptions, parse_expression

    try:
        assumed = parse_assumptions(args.assume)
    except ValueError as exc:  # ParseError or UnknownAssumption
        raise UsageError(f"--assume: {exc}") from None
    for which, text in (("LHS", args.lhs), ("RHS", args.rhs)):
        try:
            parse_expression(text, assume=assumed.assume)
        except ValueError as exc:
            raise UsageError(f"{which}: {exc}") from None
    step = claim_step(args.lhs, args.rel, args.rhs, args.assume)
    lhs, rhs = step.lhs, step.rhs
    verdict = check_step(step, budget=args.timeout)
    if args.json:
        print(json.dumps({"schema": render.PROVE_SCHEMA, "lhs": str(lhs), "rel": args.rel, "rhs": str(rhs),
                          "verdict": verdict.to_json()}, indent=2))
    else:
        print(render.prove_text(lhs, args.rel, rhs, verdict))
    return EXIT_OK if verdict.holds else EXIT_FAILED


def cmd_latex(args) -> int:
    from pathlib import Path

    from codegen.latex_document import LatexError, compile_pdf
    from formulary import api
    from formulary.files import RefusedOverwrite, check_writable, write_atomic, write_text_output

    if args.pdf and not args.output:
        raise UsageError("--pdf needs -o FILE.tex (the PDF is written beside it)")
    out = Path(args.output) if args.output else None
    if out is not None and out.suffix != ".tex":
        raise UsageError(f"{out}: the output file must end in .tex")
    pdf = out.with_suffix(".pdf") if args.pdf else None
    try:
        for target, ours in ((out, None), (pdf, _is_our_pdf)):
            if target is not None:
                check_writable(target, force=args.force, **({"ours": ours} if ours else {}))
    except RefusedOverwrite as exc:
        raise UsageError(str(exc)) from None
    checked = []
    if not args.no_derivations:
        from derivations.library import all_derivations

        args.json = True  # no result lines: the document is the output; progress only when it goes to a file
        checked = _check_derivations(all_derivations(), args, quiet=True, progress=out is not None)
    body = api.latex(None, checked, code=args.code)
    if out is None:
        sys.stdout.write(body)
        return EXIT_OK
    write_text_output(out, body, comment="%", force=args.force)
    print(f"wrote {out}")
    if pdf is not None:
        if sys.stderr.isatty():
            print("compiling the PDF with pdflatex (twice) ...", file=sys.stderr, flush=True)
        try:
            write_atomic(pdf, compile_pdf(out.read_text(encoding="utf-8")))
        except LatexError as exc:
            print(f"formulary latex: {exc}", file=sys.stderr)
            return EXIT_FAILED
        print(f"wrote {pdf}")
    return EXIT_OK


def _codegen_definitions(args, notes) -> int:
    from pathlib import Path

    from formulary import api
    from formulary.files import write_text_output

    out = _code_output(args)
    records = []
    try:
        for n in notes:
            records += api.define(Path(n))
        for d in args.define:
            records += api.define(d)
    except (api.FormularyError, OSError) as exc:
        raise UsageError(str(exc)) from None
    try:
        source = api.codegen(grad=args.grad, definitions=records, backend=args.backend)
    except api.FormularyError as exc:
        raise UsageError(str(exc)) from None
    if out is None:
        sys.stdout.write(source)
    else:
        write_text_output(out, source, comment="#", force=args.force)
        print(f"wrote {out}")
    return EXIT_OK


def _code_output(args):
    """The ``-o`` file of ``codegen`` (a ``.py`` file we may write: absent, or our own unedited output, or
    ``--force``), checked before any work; None for standard output."""
    from pathlib import Path

    from formulary.files import RefusedOverwrite, check_writable

    if not args.output:
        return None
    out = Path(args.output)
    if out.suffix != ".py":
        raise UsageError(f"{out}: the output file must end in .py")
    try:
        check_writable(out, force=args.force)
    except RefusedOverwrite as exc:
        raise UsageError(str(exc)) from None
    return out


def cmd_codegen(args) -> int:
    from formulary import api
    from formulary.files import write_text_output

    notes = [i for i in args.ids if i.endswith((".md", ".tex"))]
    if notes or args.define:
        return _codegen_definitions(args, notes)
    if args.all == bool(args.ids):
        raise UsageError("name formula ids, or --all")
    if args.backend not in ("numpy", "numba"):
        raise UsageError(f"--backend {args.backend} is for definitions (notes or --define); catalog ids are NumPy "
                         "or numba")
    ids = [_lookup(i).id for i in args.ids]
    out = _code_output(args)
    try:
        source = api.codegen(None if args.all else ids, grad=args.grad, precision=args.precision,
                             backend=args.backend)
    except api.FormularyError as exc:
        raise UsageError(str(exc)) from None
    if out is None:
        sys.stdout.write(source)
    else:
        write_text_output(out, source, comment="#", force=args.force)
        print(f"wrote {out}")
    return EXIT_OK


NOTES_SUFFIXES = (".md", ".markdown", ".mdown", ".tex", ".txt", ".rst")
MAX_NOTES_BYTES = 4 * 1024 * 1024


def read_notes(name: str) -> str:
    """The notes as text, or a UsageError saying where they are not Markdown/LaTeX text."""
    from pathlib import Path

    if name == "-":
        data = sys.stdin.buffer.read(MAX_NOTES_BYTES + 1)
    else:
        path = Path(name)
        if path.suffix.lower() not in NOTES_SUFFIXES:
            raise UsageError(f"{name}: not a Markdown or LaTeX file (expected one of {', '.join(NOTES_SUFFIXES)})")
        try:
            with path.open("rb") as fh:
                data = fh.read(MAX_NOTES_BYTES + 1)
        except OSError as exc:
            raise UsageError(f"{name}: cannot read: {exc.strerror}") from None
    if len(data) > MAX_NOTES_BYTES:
        raise UsageError(f"{name}: larger than {MAX_NOTES_BYTES // (1024 * 1024)} MiB; not a notes file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise UsageError(f"{name}:{line}:{column}: not valid UTF-8 (byte 0x{data[exc.start]:02x})") from None
    if "\0" in text:
        k = text.index("\0")
        line = text.count("\n", 0, k) + 1
        raise UsageError(f"{name}:{line}: a NUL byte: this is not a text file")
    return text


def cmd_check(args) -> int:
    from readers.notes.files import check_file, collect, summary_line, total
    from readers.notes.report import render_text

    if args.timeout <= 0:
        raise UsageError("--timeout must be positive")
    _check_jobs(args)
    paths = collect(args.notes)
    if not paths:
        raise UsageError("no notes found (.md, .markdown, .txt or .tex)")
    progress = Progress(len(paths), enabled=not args.json)
    reports = run_ordered(functools.partial(check_file, budget=args.timeout, read=read_notes), paths,
                          jobs=args.jobs, progress=progress)
    if args.json:
        data = reports[0].to_json() if len(reports) == 1 else {
            "schema": "formulary.check-many/1", "files": [r.to_json() for r in reports], "total": total(reports)}
        print(json.dumps(data, indent=2))
    else:
        for r in reports:
            print(render_text(r, explain=args.explain))
        if len(reports) > 1:
            for r in reports:
                print(summary_line(r.path, r.summary()))
            print(summary_line(f"total ({len(reports)} files)", total(reports)))
    return EXIT_FAILED if any(r.refuted for r in reports) else EXIT_OK


def _is_our_pdf(path) -> bool:
    try:
        return b"/Creator (formulary)" in path.read_bytes()
    except OSError:
        return False


_COMMANDS = {"list": cmd_list, "show": cmd_show, "verify": cmd_verify, "derive": cmd_derive, "prove": cmd_prove,
             "latex": cmd_latex, "codegen": cmd_codegen,
             "gradients": cmd_gradients, "check": cmd_check}


if __name__ == "__main__":
    sys.exit(main())
