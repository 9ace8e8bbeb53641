r"""Formulary's public Python API: every command of the CLI is one call here.

.. code-block:: python

    import formulary as fy

    f = fy.formula("softmax")                  # a catalog record (symbolic.Formula)
    fy.verify(f).verdict.kind                  # 'verified': generated NumPy and reference vs mpmath
    [v.kind for v in fy.derive("sigmoid_derivative").verdicts]   # ['proved', ...]
    fy.prove("1/(1+exp(-x))", "(tanh(x/2)+1)/2").kind            # 'proved'
    fy.prove("x - 1 - log(x)", "0", rel=">=", assume={"x": "positive"}).kind
    report = fy.check_notes("examples/common_formulas.md")       # a NotesReport, one verdict per block
    source = fy.codegen(["softmax"], grad=True)                  # a standalone NumPy module, as text
    tex = fy.latex([f])                                          # a LaTeX document, as text

Every function takes formula objects or ids; nothing here prints, exits or ``eval``\ s user text.
Errors a user can cause raise :class:`FormularyError` subclasses with a readable message
(``UnknownId`` for an id, ``ParseError`` for an expression).  The calls that check or generate run with room on
CPython's frame stack (:func:`derivations.stack_room.stack_roomy`), as the CLI's commands do.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from codegen.rules import stabilize
from derivations.checker.ladder import check_derivation, check_step
from derivations.checker.report import CheckedDerivation
from derivations.checker.step import Step
from derivations.checker.verdict import Verdict
from derivations.numeric.verify import CatalogCheck, verify_formula
from derivations.stack_room import stack_roomy
from readers.expression import ParseError, parse_expression
from symbolic import Formula, all_formulas, get
from symbolic.registry import UnknownId


class FormularyError(Exception):
    """An error in what the caller asked for (an unknown id, an expression that does not parse)."""


__all__ = [
    "CatalogCheck", "CheckedDerivation", "Formula", "FormularyError", "ParseError", "UnknownId", "Verdict",
    "check_notes", "codegen", "define", "derivation", "derivations", "derivations_about", "derive", "formula", "formulas",
    "gradient_check", "gradients_about", "latex", "prove", "verify",
]


# ** formulas **


def formula(f: Formula | str) -> Formula:
    """The catalog record with id ``f`` (a record is returned as it is)."""
    return f if isinstance(f, Formula) else get(f)


def formulas(section: str | None = None) -> list[Formula]:
    """Every catalog record, in catalog order, or those of one section."""
    return [f for f in all_formulas() if section in (None, f.section)]


@stack_roomy
def verify(f: Formula | str, *, points: int = 100, seed: int = 0) -> CatalogCheck:
    r"""Evaluate ``f`` three ways at ``points`` random points plus every domain edge: the generated float64
    code (the definition after the stability rules), the hand-written reference, and mpmath at 50+ digits."""
    return verify_formula(formula(f), n_random=points, seed=seed, transform=stabilize)


# ** derivations and single steps **


def derivation(d):
    """The library derivation with id ``d`` (a :class:`~derivations.checker.step.Derivation` as it is)."""
    from derivations.library import get as get_derivation

    return get_derivation(d) if isinstance(d, str) else d


def derivations():
    """Every derivation of the library."""
    from derivations.library import all_derivations

    return all_derivations()


def derivations_about(formula_id: str) -> list:
    """The derivations whose subject is the catalog formula ``formula_id``."""
    return [d for d in derivations() if d.catalog_id == formula_id]


@stack_roomy
def derive(d, *, timeout: float = 10.0) -> CheckedDerivation:
    """Check every step of a derivation; ``timeout`` is the budget of each symbolic rung in seconds."""
    d = derivation(d)
    return CheckedDerivation(d, tuple(check_derivation(d, budget=timeout)))


@stack_roomy
def prove(lhs, rhs, *, rel: str = "=", assume=None, timeout: float = 10.0) -> Verdict:
    r"""Check one claim ``lhs rel rhs``.  Sides are sympy expressions or text in the ASCII syntax of
    ``formulary prove`` (parsed by a whitelist, never evaluated).  ``assume`` maps names to words
    (``{"x": "positive"}``) or lists assumption texts (``["0 < p < 1", "n integer"]``).

    Text claims are checked as ``formulary prove`` checks them: symbols real unless assumed otherwise,
    and a point inside the assumptions where one side is defined and the other is not refutes an equality.
    """
    from readers.claim import claim_step

    if isinstance(assume, Mapping):
        texts = [f"{name}={word}" for name, words in assume.items()
                 for word in ([words] if isinstance(words, str) else words)]
    else:
        texts = list(assume or [])
    if isinstance(lhs, str) and isinstance(rhs, str):
        return check_step(claim_step(lhs, rel, rhs, texts), budget=timeout)
    words = {t.split("=")[0]: t.split("=")[1] for t in texts if "=" in t}
    sides = [parse_expression(s, assume=words) if isinstance(s, str) else s for s in (lhs, rhs)]
    lhs, rhs = unify_symbols(*sides)
    return check_step(Step(lhs, rhs, rel), budget=timeout)


def unify_symbols(lhs, rhs):
    """Sides parsed separately: make equal names the same Symbol (the left side's)."""
    by_name = {s.name: s for s in lhs.free_symbols}
    return lhs, rhs.xreplace({s: by_name[s.name] for s in rhs.free_symbols if s.name in by_name})


# ** gradients **


def gradients_about(formula_id: str) -> list:
    """The gradient (VJP) records of a catalog formula."""
    from derivations.gradients import all_gradients

    return [g for g in all_gradients() if g.formula_id == formula_id]


@stack_roomy
def gradient_check(g, *, points: int = 20) -> dict:
    """Check a gradient record three ways: symbolically, against the hand-written backward pass, and
    against mpmath central differences."""
    from derivations.gradients import get_gradient
    from derivations.gradients.check import check_gradient

    g = get_gradient(g) if isinstance(g, str) else g
    return check_gradient(g, n_random=points, max_points=max(10, 2 * points))


# ** notes, code and LaTeX **


@stack_roomy
def check_notes(notes: str | Path, *, budget: float = 5.0, path: str | None = None):
    """Check every formula block of Markdown/LaTeX notes: ``notes`` is a path, or the text itself when
    ``path`` names where it came from."""
    from readers.notes.check import check_notes as check

    if path is None:
        path = str(notes)
        notes = Path(notes).read_text(encoding="utf-8")
    return check(str(notes), path=path, budget=budget)


@stack_roomy
def define(source: str | Path):
    r"""Function records (``codegen.define.DefinedFunction``) from notes or one ASCII definition.

    ``source``: a path to Markdown notes, the text of notes (definitions in display blocks,
    ``\mathrm{GELU}(x) = x \Phi(x)``), or one definition in the syntax of ``prove``
    (``rmsnorm(x, w)[i] = w[i]*x[i]/sqrt(sum(x[j]**2, j, 0, n-1)/n + epsilon)``).
    """
    from codegen.define import DefinitionError, build
    from readers.definition import read_ascii_definition, read_definitions

    try:
        if isinstance(source, Path) or (isinstance(source, str) and source.endswith((".md", ".tex"))
                                         and Path(source).is_file()):
            return build(read_definitions(Path(source).read_text(encoding="utf-8")))
        if "$$" in source or "\\[" in source or "\\begin" in source:
            return build(read_definitions(source))
        return build([read_ascii_definition(source)])
    except (DefinitionError, ParseError) as exc:
        raise FormularyError(str(exc)) from None


@stack_roomy
def verify_definitions(definitions, *, grad: bool = True) -> list[dict]:
    """The certificate rows of the definitions (records from :func:`define`, or a source it accepts): each against
    its own definition in mpmath, the very run ``codegen`` heads its module with (one verification, shared within a
    process: :func:`codegen.define_module.verification`)."""
    from codegen.define_module import verifications

    records = define(definitions) if isinstance(definitions, (str, Path)) else list(definitions)
    return [row for _, _, _, row in verifications(records, grad)]


@stack_roomy
def codegen(fs: Iterable[Formula | str] | None = None, *, grad: bool = False, definitions=None,
            precision: str = "fast", backend: str = "numpy") -> str:
    """A standalone NumPy module for the formulas ``fs`` (every catalog formula when None), with their
    vector-Jacobian products when ``grad``, headed by a certificate of its accuracy against mpmath.

    ``definitions``: records from :func:`define` (or a source it accepts) instead of catalog formulas;
    each is verified against its own definition in mpmath (no hand-written reference needed).
    ``precision`` (catalog formulas): ``fast`` computes in the inputs' dtype (float32 stays float32),
    ``accurate`` in float64.  ``backend``: ``numpy``; for definitions ``torch`` (a
    ``torch.autograd.Function`` per definition) or ``jax`` (a ``jax.custom_vjp``); for catalog formulas
    ``numba`` (compiled row loops, :mod:`codegen.backends.numba`; needs numba installed)."""
    from codegen.module import generate_all, write_module

    if definitions is not None:
        from codegen.define_module import write_defined_module

        records = define(definitions) if isinstance(definitions, (str, Path)) else list(definitions)
        if backend != "numpy":
            from codegen.backends import backend as find_backend

            try:
                writer = find_backend(backend).write_module
            except ValueError as exc:
                raise FormularyError(str(exc)) from None
            if writer is None:
                raise FormularyError(f"backend {backend!r} writes catalog formulas only, not definitions")
            return writer(records, grad=grad)
        return write_defined_module(records, grad=grad)
    if backend != "numpy":
        from codegen.backends import backend as find_backend

        try:
            writer = find_backend(backend).write_catalog
        except ValueError as exc:
            raise FormularyError(str(exc)) from None
        if writer is None:
            raise FormularyError(f"backend {backend!r} is for definitions; catalog formulas are NumPy or numba")
        if precision != "fast":
            raise FormularyError(f"backend {backend!r}: --precision accurate is NumPy's (numba sums in float64 anyway)")
        ids = [f.id for f in all_formulas()] if fs is None else [formula(f).id for f in fs]
        try:
            return writer(ids, grad=grad)
        except ImportError as exc:
            raise FormularyError(str(exc)) from None
    if fs is None:
        return generate_all(grad, precision=precision)
    return write_module([formula(f).id for f in fs], grad=grad, precision=precision)


def latex(fs: Iterable[Formula | str] | None = None, checked: Iterable[CheckedDerivation] = (), *,
          code: bool = False) -> str:
    """A LaTeX document of the formulas (every catalog formula when None) and checked derivations."""
    from codegen.latex_document import document

    chosen = all_formulas() if fs is None else [formula(f) for f in fs]
    listings = None
    if code:
        from formulary.render import numpy_code

        listings = {f.id: numpy_code(f) for f in chosen}
    return document(chosen, list(checked), code=listings)
