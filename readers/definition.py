r"""Definitions read from notes and from the ASCII syntax of ``prove``.

A display block of the form

.. math:: \mathrm{Name}(p_1, \dots, p_k) = \text{body}  \qquad  \mathrm{Name}(p_1, \dots)_i = \text{body}

(``\operatorname{name}``, ``\text{Name}`` or a single letter such as ``\sigma`` or ``f``
naming the function) is a definition; the body is read by :mod:`readers.latex` (the
reader of ``check``), converted to 0-based indices.  The ASCII form is
``name(x, w)[i] = body`` with the body read by :func:`readers.expression.parse_expression`
(0-based already: ``sum(x[j]**2, j, 0, n-1)``).  Both give
:class:`codegen.define.UserDefinition` records; other blocks are skipped.
"""
from __future__ import annotations

import dataclasses
import re

import sympy as sp

from codegen.define import BUILTINS, DefinitionError, UserDefinition
from readers.domain import read_condition, read_domain
from readers.domain_relations import read_relations
from readers.expression import ParseError, parse_expression
from readers.latex.nodes import LatexParseError
from readers.latex.parse import parse_block, parse_latex, to_zero_based
from readers.local_definitions import local_definitions, substitute_local
from readers.notes.blocks import find_blocks
from symbolic.expr import as_expr

_NAME = (r"\s*(?:\\(?:mathrm|operatorname|text|textrm|mathit|mathsf)\s*\{\s*(?P<word>[A-Za-z][A-Za-z0-9]*)\s*\}"
         r"|\\(?P<macro>[A-Za-z]+)|(?P<letter>[A-Za-z]))\s*")
_LATEX_HEAD = re.compile(_NAME + r"(?:\\left\s*)?\((?P<params>[^()]*?)(?:\\right\s*)?\)"
                         r"\s*(?:_\s*(?:\{(?P<idx>[^{}]*)\}|(?P<idx1>[A-Za-z])))?\s*=(?![=])(?P<body>.*)$", re.S)
_ASCII_HEAD = re.compile(r"^\s*(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*\((?P<params>[^()]*)\)\s*"
                         r"(?:\[(?P<idx>[^\[\]]*)\])?\s*=(?![=])(?P<body>.*)$", re.S)
_NOT_NAMES = {"left", "right", "frac", "sum", "sqrt", "log", "exp", "ln", "min", "max"}
LATEX_FUNCTIONS = tuple(n for n in BUILTINS if n not in ("erf", "erfc", "sinh", "cosh", "atan", "arctan", "sign"))
"""Names read as calls when applied (``\\Phi(x)``, ``\\Gamma(x)``, ``\\sigma(z)``, ``H(x)``)."""


def read_definitions(text: str) -> list[UserDefinition]:
    r"""Every definition in the display blocks of a Markdown note, in order, each with the domain stated in its block
    (:func:`latex_condition`), by the prose right after it that continues its sentence ("$$ \ldots $$ where $x > 0$",
    :data:`_AFTER`) and by the inline formulas of the prose before it (since the previous display block:
    :mod:`readers.domain`), in that order where two bound one name."""
    out, names, prose, after, section = [], [], [], True, 0
    for frag in find_blocks(text):
        if frag.kind != "display":
            # a heading ends the definition's sentence: "### Beta NLL\n\nFor $0 < x < 1$ ..." opens the next one
            if out and after and frag.section == section and _AFTER.match(frag.sentence) \
                    and not frag.sentence.rstrip().endswith(":"):
                out[-1] = _with_domain(out[-1], read_domain([frag.content]), read_relations([frag.content]))
            else:
                after = False
                prose.append(frag.content)
            continue
        d = read_latex_definition(frag.content, functions=names, where=f"line {frag.content_line}")
        if d is not None:
            out.append(_with_domain(d, read_domain(prose), read_relations(prose)))
            names.append(d.name)
        prose, after, section = [], d is not None, frag.section
    return out


_AFTER = re.compile(r"^\s*(?:where|with|for|on)\b", re.I)
"""The prose after a definition's block that states its domain: a sentence going on with "where", "with", "for" or
"on" (one ending in a colon introduces the next block instead)."""


def _with_domain(d: UserDefinition, bounds: tuple, related: tuple = ((), ())) -> UserDefinition:
    """``d`` with the ``bounds`` of names it does not bound yet, then those that chains of two names imply
    (``related``: :func:`readers.domain_relations.read_relations`) and their relations between names."""
    domain = d.domain + tuple(b for b in bounds if all(b[0] != o[0] for o in d.domain))
    domain += tuple(b for b in related[0] if all(b[0] != o[0] for o in domain))
    relations = d.relations + tuple(r for r in related[1] if r not in d.relations)
    return dataclasses.replace(d, domain=domain, relations=relations)


def read_latex_definition(text: str, *, functions=(), where: str = "") -> UserDefinition | None:
    """The definition in one LaTeX block, or None when the block is not a definition."""
    body_text = text.strip().rstrip(".,;").strip()
    m = _LATEX_HEAD.match(body_text)
    if m is None:
        return None
    name = m.group("word") or m.group("macro") or m.group("letter")
    if name in _NOT_NAMES:
        return None
    try:
        params = tuple(_latex_param(p) for p in m.group("params").split(",") if p.strip())
    except DefinitionError as exc:
        if name in functions:  # \sigma(-z) = 1 - \sigma(z) after \sigma is defined: a property of it, no definition
            return None
        raise DefinitionError(f"{where}: {name}: {exc}" if where else f"{name}: {exc}") from None
    idx = m.group("idx") or m.group("idx1") or ""
    out_indices = [s.strip() for s in idx.split(",") if s.strip()]
    body_text, domain = latex_condition(m.group("body").strip())
    try:
        block = parse_block(body_text, functions=tuple(functions) + LATEX_FUNCTIONS + (name,),
                            indices=tuple(out_indices), factors=tuple(p for p in params if p not in functions))
    except LatexParseError as exc:
        raise DefinitionError(f"{where}: {name}: cannot read the body: {exc}") from None
    rows = [r for r in block.rows if r.kind != "empty"]
    if len(rows) != 1 or rows[0].chain.rels:
        return None
    here = f"{where}: {name}" if where else name
    body = substitute_local(rows[0].chain.exprs[0], local_definitions(rows[0].conditions, params, here), here)
    body = _indicators(body, here)
    body = _subscripted_params(body, params, out_indices)
    free = [sp.Symbol(i, integer=True) for i in out_indices]
    by_name = {str(s): s for s in body.free_symbols}
    free = [by_name.get(str(i), i) for i in free]
    body = to_zero_based(body, free=free)
    ranges = []
    for i in free:
        lo_hi = next((v for k, v in block.indices.items() if str(k) == str(i)), None)
        if lo_hi is not None:
            lo, hi = lo_hi
            ranges.append((i, lo - 1, hi - 1))
        else:
            ranges.append(_range_from_reads(body, i, name))
    _check_domain_names(domain, params, body, f"{where}: {name}" if where else name)
    latex = text.strip() if not domain else text.strip()[:len(text.strip()) - len(m.group("body").strip())] + body_text
    return UserDefinition(name, params, body, tuple(ranges), tuple(block.sizes), latex=latex, where=where,
                          domain=domain)


_INDICATOR = re.compile(r"^\s*(?:\\(?:mathbb|mathbf|mathrm|bm|mathds)\s*\{\s*1\s*\}|\\mathbb\s*1|1)\s*_\s*\{(?P<cond>.*)\}\s*$", re.DOTALL)
_BARE_ONE = re.compile(r"^\\(?:mathbb|mathbf|mathrm|bm|mathds)\s*\{\s*1\s*\}$")
_RELATIONS = {"<": sp.Lt, "<=": sp.Le, ">": sp.Gt, ">=": sp.Ge, "!=": sp.Ne}
_CONDITION_IN_NAME = re.compile(r"[<>=]|\\(?:le|ge|leq|geq|neq|ne|in|lt|gt)(?![A-Za-z])")


def _indicators(body: sp.Expr, where: str) -> sp.Expr:
    r"""``body`` with every indicator $\mathbb{1}_{u < 0}$ (``\mathbf{1}``, ``\mathrm{1}``, ``\bm{1}``) read as
    ``Piecewise((1, u < 0), (0, True))``, its condition's names those of the body.  The LaTeX reader takes such a
    subscripted 1 for one symbol, which the definition would have made a keyword argument (``mathbb_1___u___0``): a
    symbol whose name still holds a condition after this is an error, never a parameter."""
    by_name = {str(s): s for s in body.free_symbols}
    swap = {}
    for s in body.free_symbols:
        if not isinstance(s, sp.Symbol):
            continue
        m = _INDICATOR.match(str(s))
        if m is not None:
            try:
                chain = parse_latex(m.group("cond").strip().strip("{}").strip())
            except LatexParseError:
                chain = None
            pairs = chain.pairs() if chain is not None and getattr(chain, "rels", ()) else []
            if pairs and all(rel in _RELATIONS for _, rel, _ in pairs):
                cond = sp.And(*[_RELATIONS[rel](a, b) for a, rel, b in pairs])
                cond = cond.xreplace({a: by_name.get(str(a), a) for a in cond.free_symbols})
                swap[s] = sp.Piecewise((sp.S.One, cond), (sp.S.Zero, True))
                continue
        if _BARE_ONE.match(str(s)):  # \mathbb{1}[u < 0], \mathbf{1}(u < 0): the reader drops the condition
            raise DefinitionError(f"{where}: {s} without a condition the reader kept: write the indicator as "
                                  "\\mathbb{1}_{u < 0}, or as cases")
        if _CONDITION_IN_NAME.search(str(s)):
            raise DefinitionError(f"{where}: cannot read {s}: a condition in a subscript is no name (an indicator "
                                  "is read as \\mathbb{1}_{u < 0} with one inequality or a chain of them; or write cases)")
    return body.xreplace(swap) if swap else body


_LATEX_MARKER = re.compile(r"\\text\s*\{\s*(?:for|where|with|if)\s*\}|\\q?quad\b|,")
_TRAILING = re.compile(r"(?:\s|,|\\[;,:! ]|\\q?quad\b)+$")


def latex_condition(body: str) -> tuple[str, tuple]:
    r"""``(body, domain)``: a domain stated after the body in the block (``\log x \quad \text{for } x > 0``,
    ``\frac{1}{x}, \; x \in (0, 1)``, ``\ldots \text{ where } 0 < p < 1, \gamma \ge 0``) taken off it and read by
    :func:`readers.domain.read_condition`; the body unchanged and no domain where no such clause ends it.  Markers: ``\text{for}``
    (``where``, ``with``, ``if``), ``\quad`` or a comma outside brackets and after the last ``\end{...}``."""
    ends = [m.end() for m in re.finditer(r"\\end\s*\{[^{}]*\}", body)]
    start, depth = (ends[-1] if ends else 0), 0
    for pos in range(len(body)):
        ch = body[pos]
        depth += ch in "([{"
        depth -= ch in ")]}"
        if pos < start or depth != 0:
            continue
        m = _LATEX_MARKER.match(body, pos)
        if m is None or (m.group(0) == "," and body[pos - 1:pos] == "\\"):
            continue
        domain = read_condition(body[m.end():])
        head = _TRAILING.sub("", body[:pos])
        if domain and head:
            return head, domain
    return body, ()


def _check_domain_names(domain, params, body, where: str) -> None:
    """Every name a stated domain bounds is a parameter or a symbol of the body (a clause naming something else is a
    mistake, not a bound to drop)."""
    known = set(params) | {str(s) for s in body.free_symbols} | {str(a.base.label) for a in body.atoms(sp.Indexed)}
    unknown = [b[0] for b in domain if b[0] not in known]
    if unknown:
        raise DefinitionError(f"{where}: the domain bounds {', '.join(unknown)}, not a parameter or symbol of the body")


def _subscripted_params(body: sp.Expr, params: tuple, out_indices) -> sp.Expr:
    r"""Each read $\pi_l$ of ``body`` that names a parameter written as such in the head ($\mathrm{DPO}(\pi_w, \pi_l)$)
    as that parameter's symbol: the body's reader takes a letter subscript for an index ($\pi_l$ became ``pi[l]``, so
    the definition stopped at "pi carries an index but is not a parameter").  A subscript that is an output index
    or is bound by a sum or product of the body stays an index.  So does a read $\beta_l$ of a name that is no
    parameter at all, whose subscript no sum binds (the left scale of an asymmetric generalised Gaussian beside
    $\beta_r$): the keyword ``beta_l``, as $\beta_1$ is ``beta_1`` (it stopped the definition at "beta carries an
    index but is not a parameter")."""
    names = set(params)
    bound = {str(k) for s in body.atoms(sp.Sum, sp.Product) for k, _, _ in s.limits} | set(out_indices)

    def query(e):
        if not (isinstance(e, sp.Indexed) and len(e.indices) == 1 and isinstance(e.indices[0], sp.Symbol)
                and str(e.indices[0]) not in bound):
            return False
        return f"{e.base.label}_{e.indices[0]}" in names or str(e.base.label) not in names

    return body.replace(query, lambda e: sp.Symbol(f"{e.base.label}_{e.indices[0]}"))


def _latex_param(text: str) -> str:
    text = text.strip()
    try:
        e = parse_latex(text)
    except LatexParseError:
        raise DefinitionError(f"cannot read the parameter {text!r}") from None
    if isinstance(e, sp.Indexed):  # \beta_1
        return f"{e.base.label}_{'_'.join(str(i) for i in e.indices)}"
    if isinstance(e, sp.Symbol):
        return str(e)
    raise DefinitionError(f"parameter {text!r} is not a name")


def read_ascii_definition(text: str) -> UserDefinition:
    """``name(x, w)[i] = body`` in the syntax of ``prove`` (indices 0-based, sums ``sum(f, j, lo, hi)``)."""
    m = _ASCII_HEAD.match(text)
    if m is None:
        raise DefinitionError("expected name(p1, ..., pk) = body or name(p1, ...)[i] = body")
    params = tuple(p.strip() for p in m.group("params").split(",") if p.strip())
    for p in params:
        if not p.isidentifier():
            raise DefinitionError(f"parameter {p!r} is not a name")
    body_text, domain = m.group("body").strip(), ()
    stated = _ASCII_CONDITION.match(body_text)
    if stated is not None:
        domain = read_condition(stated.group("condition"), ascii=True)
        if domain is None:
            raise DefinitionError(f"cannot read the domain {stated.group('condition').strip()!r}: expected bounds such as "
                                  "'x > 0', '0 < p < 1' or 'x in (0, 1)', separated by commas")
        body_text = stated.group("body")
    try:
        body = parse_expression(body_text)
    except ParseError as exc:  # its position in the body, as a position in the whole definition
        raise ParseError(exc.message, _shifted(exc.position, text[:text.index(body_text, m.start("body"))])) from None
    _check_domain_names(domain, params, body, m.group("name"))
    out_indices = [s.strip() for s in (m.group("idx") or "").split(",") if s.strip()]
    by_name = {str(s): s for s in body.free_symbols}
    ranges = tuple(_range_from_reads(body, by_name.get(i, sp.Symbol(i, integer=True)), m.group("name"))
                   for i in out_indices)
    sizes = tuple(sorted({s for _, lo, hi in ranges for s in (as_expr(hi).free_symbols)}, key=str))
    return UserDefinition(m.group("name"), params, body, ranges, sizes, latex="", where="--define", domain=domain)


def _shifted(position: tuple[int, int], before: str) -> tuple[int, int]:
    """A 1-based ``(line, column)`` in a text that follows ``before``, as one in the whole text."""
    line, column = position
    if line > 1:
        return before.count("\n") + line, column
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + column


_ASCII_CONDITION = re.compile(r"^(?P<body>.*?)\s+for\s+(?P<condition>.*)$", re.S)
"""``body for x > 0, 0 < p < 1``: the domain stated after the body (``for`` is no name of the ASCII syntax)."""


def _range_from_reads(body: sp.Expr, index: sp.Symbol, name: str):
    """``(i, lo, hi)`` of an output index from an array it reads whose length a sum gives."""
    bases = {r.base for r in body.atoms(sp.Indexed) if index in r.indices}
    for s in body.atoms(sp.Sum):
        for k, lo, hi in s.limits:
            for r in s.function.atoms(sp.Indexed):
                if r.base in bases and k in r.indices:
                    return (index, lo, hi)
    raise DefinitionError(f"{name}: the range of the index {index} is not given by any sum over the same array")
