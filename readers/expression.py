r"""A safe parser for user-typed formulas: text in, sympy expression out.

.. math:: \texttt{"exp(x)/(1+exp(x))"} \mapsto \frac{e^x}{1 + e^x}

Built on Python's :mod:`ast` with a whitelist of node types; nothing is ever
evaluated as Python (no ``eval``, ``exec``, ``sympify`` or ``parse_expr``).
Every node outside the whitelist raises :class:`ParseError` with its 1-based
``(line, column)``.  Input length, nesting depth and numeric exponents are
bounded so that parsing neither hangs nor exhausts memory.

Accepted: numbers, names (real symbols unless ``assume`` says otherwise),
``+ - * / **`` (``^`` is power too), unary ``-``/``+``, calls of the functions
in :data:`FUNCTIONS`, ``sum(expr, j, lo, hi)`` for $\sum_{j=lo}^{hi}$, simple
subscripts ``z[i]`` (an ``IndexedBase``) and, in :func:`parse_relation`, one
comparison ``= == <= >= < >``.
"""
from __future__ import annotations

import ast
import fractions
import math
import re
import unicodedata
from dataclasses import dataclass

import sympy as sp

import symbolic.integer_part  # noqa: F401 - floor/ceiling of a number certified before a claim is built
from symbolic.kinks import cut_divisors, derivative_poles
from readers.special_calls import SPECIAL_CALLS, SPECIAL_DOMAINS, SPECIAL_POLES
from symbolic.real_domain import REAL_DOMAINS, outside_divisors, power_condition

MAX_LENGTH = 10_000
"""Longest accepted input, in characters."""
MAX_DEPTH = 200
"""Deepest accepted nesting of brackets and non-chained operators."""
MAX_EXPONENT = 10**4
"""Largest accepted magnitude of a numeric exponent (``2**2**2**40`` is rejected)."""
MAX_POWER_DIGITS = 4000
"""Largest number of decimal digits a numeric power may produce (``(10**4)**(10**4)``, with
40,001, is rejected); below Python's 4,300-digit limit for printing an integer."""

ASSUMPTION_WORDS = {
    "real": {"real": True},
    "positive": {"real": True, "positive": True},
    "nonnegative": {"real": True, "nonnegative": True},
    "negative": {"real": True, "negative": True},
    "nonpositive": {"real": True, "nonpositive": True},
    "nonzero": {"real": True, "nonzero": True},
    "integer": {"integer": True},
    "positive_integer": {"integer": True, "positive": True},
    "nonnegative_integer": {"integer": True, "nonnegative": True},
    "negative_integer": {"integer": True, "negative": True},
    "complex": {"complex": True},
}
"""Words accepted in the ``assume`` mapping, e.g. ``{"x": "positive"}``."""


def _sigmoid(x):
    return 1 / (1 + sp.exp(-x))


def _softplus(x):
    return sp.log(1 + sp.exp(x))


def _relu(x):
    return sp.Max(0, x)


def _normal_cdf(x):
    r"""$\Phi(x) = \tfrac12 (1 + \operatorname{erf}(x / \sqrt 2))$, the standard normal CDF."""
    return (1 + sp.erf(x / sp.sqrt(2))) / 2


def _log(x, base=None):
    r"""$\log x$, or $\log_b x = \log x / \log b$."""
    return sp.log(x) if base is None else sp.log(x) / sp.log(base)


FUNCTIONS: dict[str, tuple[int, int | None, object]] = {
    "exp": (1, 1, sp.exp),
    "log": (1, 2, _log),
    "sqrt": (1, 1, sp.sqrt),
    "sin": (1, 1, sp.sin),
    "cos": (1, 1, sp.cos),
    "tan": (1, 1, sp.tan),
    "tanh": (1, 1, sp.tanh),
    "sigmoid": (1, 1, _sigmoid),
    "softplus": (1, 1, _softplus),
    "relu": (1, 1, _relu),
    "abs": (1, 1, sp.Abs),
    "Abs": (1, 1, sp.Abs),
    "max": (1, None, sp.Max),
    "Max": (1, None, sp.Max),
    "min": (1, None, sp.Min),
    "Min": (1, None, sp.Min),
    "sign": (1, 1, sp.sign),
    "sinh": (1, 1, sp.sinh),
    "cosh": (1, 1, sp.cosh),
    "asinh": (1, 1, sp.asinh),
    "acosh": (1, 1, sp.acosh),
    "atanh": (1, 1, sp.atanh),
    "asin": (1, 1, sp.asin),
    "acos": (1, 1, sp.acos),
    "atan": (1, 1, sp.atan),
    "atan2": (2, 2, sp.atan2),
    "erf": (1, 1, sp.erf),
    "erfc": (1, 1, sp.erfc),
    "Phi": (1, 1, _normal_cdf),
    "gamma": (1, 1, sp.gamma),
    "lgamma": (1, 1, sp.loggamma),
    "digamma": (1, 1, sp.digamma),
    "beta": (2, 2, sp.beta),
    "floor": (1, 1, sp.floor),
    "ceiling": (1, 1, sp.ceiling),
    "Heaviside": (1, 1, sp.Heaviside),
    **SPECIAL_CALLS,
}
"""Whitelisted functions: name -> (fewest arguments, most arguments or None, builder)."""

SUM_NAMES = ("sum", "Sum")
"""``sum(expr, j, lo, hi)`` builds ``Sum(expr, (j, lo, hi))``; ``j`` is an integer symbol."""
PRODUCT_NAMES = ("product", "Product")
"""``product(expr, j, lo, hi)`` builds ``Product(expr, (j, lo, hi))``."""
CALCULUS_NAMES = ("diff", "integrate", "limit")
r"""``diff(f, x)`` or ``diff(f, x, k)`` ($\partial^k f / \partial x^k$, evaluated: differentiation is exact);
``integrate(f, (x, a, b))`` (a definite ``Integral``, left for the checker to evaluate);
``limit(f, x, a)`` (two-sided), ``limit(f, x, a, '+')`` or ``'-'`` (one-sided), ``'±'`` (two-sided):
a ``Limit`` node with ``dir`` ``'+-'``, ``'+'`` or ``'-'``."""
BOUND_NAMES = SUM_NAMES + PRODUCT_NAMES + CALCULUS_NAMES
"""Calls whose second argument names a bound variable."""
LETTER_FUNCTIONS = ("gamma", "beta")
r"""Functions named by a Greek letter: called, the function ($\Gamma$, $B$); not called, a symbol (Swish's
$\beta$ in ``log(1 + exp(beta*x))/beta``, a focal loss's $\gamma$), as ``\beta`` is in LaTeX."""
LIMIT_DIRECTIONS = {"+": "+", "-": "-", "±": "+-", "+-": "+-"}

CONSTANTS = {"pi": sp.pi, "E": sp.E, "oo": sp.oo}

RELATIONS = {ast.Eq: "=", ast.LtE: "<=", ast.GtE: ">=", ast.Lt: "<", ast.Gt: ">"}
_CONDITIONS = {ast.NotEq: sp.Ne, ast.LtE: sp.Le, ast.GtE: sp.Ge, ast.Lt: sp.Lt, ast.Gt: sp.Gt}
"""Relations an assumption may state (``0 < p < 1`` is two of them)."""

_BINARY_OPS = (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow)
"""Accepted binary operators (``^`` in the text was rewritten to ``**``)."""

def _gamma_poles(*args):
    r"""$1/\Gamma(u)$ for each argument: zero exactly at the poles $u = 0, -1, -2, \dots$ of $\Gamma$, $\psi$,
    $\log\Gamma$ and of $B(a, b)$ in either argument."""
    return [1 / sp.gamma(u) for u in args]


WRITTEN_POLES = {"tan": lambda u: [sp.cos(u)], "log": lambda u, base=None: [u] + ([] if base is None else [base, sp.log(base)]),
                 "atanh": lambda u: [1 - u**2],
                 "gamma": _gamma_poles, "digamma": _gamma_poles, "lgamma": _gamma_poles, "beta": _gamma_poles,
                 **SPECIAL_POLES}
r"""Per function, the expressions whose zero makes the call undefined as written ($\tan u$ at $\cos u = 0$,
$\log u$ at $u = 0$, $\log_b u$ also at $b = 0$ and $b = 1$, $\operatorname{artanh} u$ at $u = \pm 1$, $\Gamma(u)$ at
$1/\Gamma(u) = 0$); with every divisor $v$ of ``u / v`` and every base of a negative numeric power, they are the
*written divisors* of a formula (with the real domains of ``symbolic.real_domain``).  sympy simplifies
$\Gamma(n + 1)/\Gamma(n - 1)$ to $n(n - 1)$, which has a value at $n = 1$ where $\Gamma(0)$ has none."""

_EXP_TAKERS = ("exp", "sigmoid", "softplus")
"""Functions whose builder applies ``exp`` to the argument (see ``_check_exp``)."""


class ParseError(ValueError):
    """A formula that was rejected, with the 1-based ``(line, column)`` where."""

    def __init__(self, message: str, position: tuple[int, int]):
        super().__init__(f"{message} (line {position[0]}, column {position[1]})")
        self.message = message
        self.position = position


def parse_expression(text: str, *, symbols: dict | None = None, assume: dict | None = None,
                     divisors: list | None = None, derivatives: list | None = None) -> sp.Expr:
    """Parse ``text`` into a sympy expression.

    ``symbols`` maps names to sympy objects to use for them (a ``Symbol`` or an
    ``IndexedBase``); ``assume`` maps names to a word of :data:`ASSUMPTION_WORDS`.
    When ``divisors`` is a list, the written divisors are appended to it (see :data:`WRITTEN_POLES`):
    sympy cancels ``(x - 1)/(x - 1)`` to 1 as it builds it, and the text's domain would be lost.
    When ``derivatives`` is a list, each ``diff`` is appended to it as ``(closed form, body, variable, order)``:
    a closed form can be 0/0 where the derivative exists (``d|x|^p/dx = p|x|^p sign(x)/|x|`` at 0).
    """
    source = _Source(text)
    tree = source.parse()
    if isinstance(tree.body, ast.Compare):
        raise source.error(f"a relation ({_op_text(tree.body.ops[0])}) where an expression was expected; "
                           "use parse_relation", tree.body)
    converter = _Converter(source, symbols, assume, tree)
    expr = converter.expression(tree.body)
    if divisors is not None:
        divisors.extend(dict.fromkeys(d for d in converter.divisors if d.free_symbols and not d.is_nonzero))
    if derivatives is not None:
        derivatives.extend(converter.derivatives)
    return expr


def parse_relation(text: str, *, symbols: dict | None = None, assume: dict | None = None) -> tuple[sp.Expr, str, sp.Expr]:
    """Parse ``lhs REL rhs`` (REL one of ``= == <= >= < >``) into ``(lhs, rel, rhs)``; ``==`` gives ``'='``."""
    source = _Source(text, single_equals=True)
    tree = source.parse()
    body = tree.body
    if not isinstance(body, ast.Compare):
        raise source.error("no relation found; expected lhs REL rhs with REL one of = <= >= < >", body)
    if len(body.ops) != 1:
        raise source.error("a chained comparison; write one relation at a time", body)
    op = type(body.ops[0])
    if op not in RELATIONS:
        raise source.error(f"relation {_op_text(body.ops[0])!r} is not supported", body)
    converter = _Converter(source, symbols, assume, tree)
    return converter.expression(body.left), RELATIONS[op], converter.expression(body.comparators[0])


class UnknownAssumption(ValueError):
    """An ``--assume`` word that is not in :data:`ASSUMPTION_WORDS`."""


@dataclass(frozen=True)
class Assumptions:
    r"""What a user assumed: sign/type words per name and relations between expressions.

    ``words``: ``{"x": ("positive",)}`` from ``x=positive``, ``x positive`` or ``x is positive``;
    ``relations``: sympy relations from ``0 < p < 1`` (two of them), ``n > 1``, ``x != 0``, ``a < b``,
    over symbols built with the same words (so they are the symbols the formulas use).
    """

    words: dict
    relations: tuple

    @property
    def assume(self) -> dict:
        """The ``assume`` mapping for :func:`parse_expression`."""
        return {name: list(words) for name, words in self.words.items()}


def parse_assumptions(texts) -> Assumptions:
    """Parse assumption texts such as ``x=positive``, ``n integer``, ``0 < p < 1``, ``x != 0``, ``a < b``.

    An unknown word raises :class:`UnknownAssumption` naming it; anything else that is not
    an assumption raises :class:`ParseError`.
    """
    words: dict = {}
    pending = []
    for text in texts:
        if not isinstance(text, str):
            raise ParseError(f"expected text, got {type(text).__name__}", (1, 1))
        match = _WORD_FORM.match(text)
        if match:
            name, word = match.group(1), match.group(2)
            if word not in ASSUMPTION_WORDS:
                raise UnknownAssumption(f"unknown assumption word {word!r} in {text!r}; "
                                        f"known words: {', '.join(ASSUMPTION_WORDS)}")
            words.setdefault(name, []).append(word)
        else:
            pending.append(text)
    relations = []
    for text in pending:
        relations += _parse_condition(text, {name: list(w) for name, w in words.items()})
    return Assumptions({k: tuple(v) for k, v in words.items()}, tuple(relations))


_WORD_FORM = re.compile(r"^\s*([A-Za-z][A-Za-z0-9_]*)\s*(?:=|\s+is\s+|\s+)\s*([A-Za-z_]+)\s*$")


def _parse_condition(text: str, assume: dict) -> list:
    source = _Source(text)
    tree = source.parse()
    body = tree.body
    if not isinstance(body, ast.Compare):
        raise source.error("an assumption is NAME=WORD (x=positive), 'NAME WORD' (n integer) "
                           "or a relation such as 0 < p < 1, n > 1, x != 0, a < b", body)
    converter = _Converter(source, None, assume, tree)
    operands = [converter.expression(body.left)] + [converter.expression(c) for c in body.comparators]
    out = []
    for op, left, right in zip(body.ops, operands, operands[1:]):
        if type(op) not in _CONDITIONS:
            raise source.error(f"relation {_op_text(op)!r} is not allowed in an assumption", body)
        relation = _CONDITIONS[type(op)](left, right)
        if relation == sp.false:
            raise source.error(f"assumption {text!r} can never hold", body)
        if relation != sp.true:
            out.append(relation)
    return out


def _confusable(c: str) -> bool:
    """Characters Python would silently fold into others (full-width ``ｅ``, ligatures),
    surrogates, and non-Greek, non-Latin letters (Cyrillic ``а`` looks like Latin ``a``)."""
    if c.isascii():
        return False
    if unicodedata.normalize("NFKC", c) != c or unicodedata.category(c) == "Cs":
        return True
    name = unicodedata.name(c, "")
    return c.isalpha() and not name.startswith(("GREEK", "LATIN"))


class _Source:
    """The text and its positions; ``^`` is read as ``**`` and, with ``single_equals``, a lone ``=`` as ``==``."""

    def __init__(self, text: str, *, single_equals: bool = False):
        if not isinstance(text, str):
            raise ParseError(f"expected text, got {type(text).__name__}", (1, 1))
        self.original = text
        self._check_raw(text)
        self.text, self.origin = _rewrite_tokens(text, single_equals=single_equals)
        self.line_starts = [0] + [k + 1 for k, c in enumerate(self.text) if c == "\n"]

    def _check_raw(self, text: str) -> None:
        if len(text) > MAX_LENGTH:
            raise ParseError(f"input of {len(text)} characters is longer than the limit of {MAX_LENGTH}", (1, MAX_LENGTH + 1))
        if "\0" in text:
            raise ParseError("a NUL byte", self._position_of(text.index("\0"), text))
        for k, c in enumerate(text):
            if _confusable(c):
                raise ParseError(f"character {c!r} (U+{ord(c):04X}) looks like another one; type it plainly",
                                 self._position_of(k, text))
        depth = 0
        for k, c in enumerate(text):
            depth += c in "([{"
            depth -= c in ")]}"
            if depth > MAX_DEPTH:
                raise ParseError(f"brackets nested deeper than {MAX_DEPTH}", self._position_of(k, text))

    def parse(self) -> ast.Expression:
        try:
            return ast.parse(self.text, mode="eval")
        except SyntaxError as exc:
            line, col = exc.lineno or 1, max(exc.offset or 1, 1)
            raise ParseError(f"syntax error: {exc.msg}", self._map(line, col)) from None
        except (MemoryError, RecursionError):
            raise ParseError("expression too deeply nested for the parser", (1, 1)) from None
        except ValueError as exc:
            raise ParseError(f"unreadable input: {exc}", (1, 1)) from None

    def error(self, message: str, node: ast.AST) -> ParseError:
        line = getattr(node, "lineno", 1)
        lines = self.text.split("\n")
        row = lines[line - 1] if 0 < line <= len(lines) else ""
        col = len(row.encode("utf-8")[: getattr(node, "col_offset", 0)].decode("utf-8", "ignore")) + 1
        return ParseError(message, self._map(line, col))

    def _map(self, line: int, col: int) -> tuple[int, int]:
        """A (line, col) in the rewritten text, as a (line, col) in the original."""
        line = min(max(line, 1), len(self.line_starts))
        index = min(self.line_starts[line - 1] + col - 1, len(self.origin) - 1)
        return self._position_of(self.origin[index], self.original)

    @staticmethod
    def _position_of(index: int, text: str) -> tuple[int, int]:
        line = text.count("\n", 0, index) + 1
        return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _rewrite_tokens(text: str, *, single_equals: bool) -> tuple[str, list[int]]:
    """Rewrite ``^`` as ``**`` (and a lone ``=`` as ``==``); also return, per new character, its index in ``text``."""
    out, origin = [], []
    for k, c in enumerate(text):
        lone = c == "=" and (k == 0 or text[k - 1] not in "<>=!") and (k + 1 == len(text) or text[k + 1] != "=")
        doubled = c == "^" or (single_equals and lone)
        out.append("**" if c == "^" else "==" if doubled else c)
        origin.extend([k, k] if doubled else [k])
    origin.append(len(text))
    return "".join(out), origin


def _op_text(op: ast.cmpop) -> str:
    return {ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=",
            ast.Is: "is", ast.IsNot: "is not", ast.In: "in", ast.NotIn: "not in"}.get(type(op), type(op).__name__)


class _Converter:
    """Whitelisted AST nodes to sympy; one ``_<NodeType>`` method per accepted node."""

    def __init__(self, source: _Source, symbols: dict | None, assume: dict | None, tree: ast.AST):
        self.source = source
        self.given = dict(symbols or {})
        self.assume = {name: _assumptions(word) for name, word in (assume or {}).items()}
        self.index_names = _index_names(tree)
        self.scalars: dict[str, sp.Symbol] = {}
        self.arrays: dict[str, sp.IndexedBase] = {}
        self.divisors: list[sp.Expr] = []
        self.derivatives: list[tuple] = []
        """Written divisors outside sums, products, integrals and limits (whose bodies bind a variable); a derivative's
        body's are the derivative's (see ``_divides_by``)."""
        self.binding = 0
        self.binders: list[str] = []  # the calls that bind a variable around the node being read, outermost first

    def expression(self, node: ast.AST, depth: int = 0) -> sp.Expr:
        if depth > MAX_DEPTH:
            raise self.source.error(f"expression nested deeper than {MAX_DEPTH}", node)
        method = getattr(self, "_" + type(node).__name__, None)
        if method is None:
            raise self.source.error(f"{_describe(node)} is not allowed", node)
        return method(node, depth + 1)

    def _build(self, node: ast.AST, build, *args):
        """Call a sympy constructor; anything it raises becomes a ParseError at ``node``."""
        try:
            return build(*args)
        except ParseError:
            raise
        except Exception as exc:  # noqa: BLE001 - sympy's refusal of a user formula is a parse error
            raise self.source.error(f"sympy could not build this ({type(exc).__name__}: {exc})"[:300], node) from None

    # ** leaves **

    def _Constant(self, node: ast.Constant, depth: int) -> sp.Expr:
        value = node.value
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.source.error(f"constant {type(value).__name__} {value!r:.40} is not allowed; only numbers", node)
        if isinstance(value, float):
            return self._decimal(node)
        return sp.Integer(value)

    def _decimal(self, node: ast.Constant) -> sp.Rational:
        r"""The exact rational of a decimal literal, read from its digits (never through ``float``):
        ``1.00000000000000000001`` is $1 + 10^{-20}$ and ``1e-400`` is $10^{-400}$."""
        text = (ast.get_source_segment(self.source.text, node) or "").replace("_", "")
        _, _, exponent = text.lower().partition("e")
        if exponent.lstrip("+-").isdigit() and abs(int(exponent)) > MAX_POWER_DIGITS:
            raise self.source.error(f"decimal exponent above {MAX_POWER_DIGITS} is not allowed", node)
        try:
            value = fractions.Fraction(text)
        except (ValueError, ZeroDivisionError):
            raise self.source.error(f"unreadable number {text!r}", node) from None
        return sp.Rational(value.numerator, value.denominator)

    def _Name(self, node: ast.Name, depth: int) -> sp.Expr:
        return self._scalar(node.id, node)

    def _scalar(self, name: str, node: ast.AST) -> sp.Expr:
        self._check_name(name, node)
        if name in self.given:
            return self.given[name]
        if name in CONSTANTS and name not in self.assume:
            return CONSTANTS[name]
        if name in self.arrays:
            raise self.source.error(f"name {name!r} is used both as an array and as a scalar", node)
        if name not in self.scalars:
            self.scalars[name] = sp.Symbol(name, **self._assumptions_of(name))
        return self.scalars[name]

    def _check_name(self, name: str, node: ast.AST) -> None:
        if name.startswith("_"):
            raise self.source.error(f"name {name!r} is not allowed (names may not start with '_')", node)
        if (name in FUNCTIONS and name not in LETTER_FUNCTIONS) or name in BOUND_NAMES:
            raise self.source.error(f"function {name!r} used without a call", node)

    def _assumptions_of(self, name: str) -> dict:
        if name in self.assume:
            return self.assume[name]
        return {"integer": True} if name in self.index_names else {"real": True}

    def _Subscript(self, node: ast.Subscript, depth: int) -> sp.Expr:
        if not isinstance(node.value, ast.Name):
            raise self.source.error("only a name may be subscripted, as in z[i]", node)
        name = node.value.id
        self._check_name(name, node.value)
        keys = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        indices = [self.expression(key, depth) for key in keys]
        base = self.given.get(name)
        if base is None:
            if name in self.scalars:
                raise self.source.error(f"name {name!r} is used both as a scalar and as an array", node)
            base = self.arrays.setdefault(name, sp.IndexedBase(name, **self._assumptions_of(name)))
        if not isinstance(base, sp.IndexedBase):
            raise self.source.error(f"{name!r} is not an array and cannot be subscripted", node)
        return self._build(node, lambda: base[tuple(indices)])

    # ** operators **

    def _UnaryOp(self, node: ast.UnaryOp, depth: int) -> sp.Expr:
        if not isinstance(node.op, (ast.USub, ast.UAdd)):
            raise self.source.error(f"unary operator {type(node.op).__name__} is not allowed", node)
        operand = self.expression(node.operand, depth)
        return self._build(node, lambda: -operand) if isinstance(node.op, ast.USub) else operand

    def _BinOp(self, node: ast.BinOp, depth: int) -> sp.Expr:
        op = type(node.op)
        if op not in _BINARY_OPS:
            raise self.source.error(f"operator {op.__name__} is not allowed", node)
        if op is ast.Pow:
            base = self.expression(node.left, depth)
            exponent = self.expression(node.right, depth)
            self._check_power(node, base, exponent)
            if exponent.is_number and exponent.is_negative:
                self._divides_by(base)
            for divisor in outside_divisors(power_condition(base, exponent)):
                self._divides_by(divisor)
            return self._build(node, sp.Pow, base, exponent)
        additive = op in (ast.Add, ast.Sub)
        operands = _chain(node, ast.Add, ast.Sub) if additive else _chain(node, ast.Mult, ast.Div)
        items = []
        for sign, operand in operands:
            value = self.expression(operand, depth)
            if sign == -1 and not additive:
                self._divides_by(value)
            if sign == -1:
                value = self._build(operand, (lambda v: -v) if additive else (lambda v: 1 / v), value)
            items.append(value)
        return self._build(node, sp.Add if additive else sp.Mul, *items)

    def _check_power(self, node: ast.AST, base: sp.Expr, exponent: sp.Expr) -> None:
        if not (exponent.is_Rational or exponent.is_Float):
            return
        magnitude = abs(float(exponent)) if exponent.is_Float else abs(exponent)
        if magnitude > MAX_EXPONENT:
            raise self.source.error(f"numeric exponent of magnitude above {MAX_EXPONENT} is not allowed", node)
        if base.is_Rational and base != 0:
            digits = max(_digits(base.p), _digits(base.q)) * float(magnitude)
            if digits > MAX_POWER_DIGITS:
                raise self.source.error(f"power with about {digits:.0f} digits is not allowed (limit {MAX_POWER_DIGITS})", node)

    # ** calls **

    def _Call(self, node: ast.Call, depth: int) -> sp.Expr:
        if not isinstance(node.func, ast.Name):
            raise self.source.error(f"call of {_describe(node.func)} is not allowed; only named functions", node)
        name = node.func.id
        if node.keywords:
            raise self.source.error(f"keyword argument in call of {name!r} is not allowed", node.keywords[0].value)
        for arg in node.args:
            if isinstance(arg, ast.Starred):
                raise self.source.error("starred argument is not allowed", arg)
        if name in SUM_NAMES + PRODUCT_NAMES + CALCULUS_NAMES:
            self.binding += 1
            self.binders.append(name)
            try:
                if name in CALCULUS_NAMES:
                    return getattr(self, "_" + name)(node, depth)
                return self._sum(node, depth, sp.Sum if name in SUM_NAMES else sp.Product)
            finally:
                self.binding -= 1
                self.binders.pop()
        if name not in FUNCTIONS:
            allowed = ", ".join(sorted(FUNCTIONS) + ["sum", "product"] + list(CALCULUS_NAMES))
            raise self.source.error(f"function {name!r} is not allowed; allowed: {allowed}", node.func)
        fewest, most, build = FUNCTIONS[name]
        if len(node.args) < fewest or (most is not None and len(node.args) > most):
            wanted = f"{fewest}" if fewest == most else f"{fewest} or more" if most is None else f"{fewest} to {most}"
            raise self.source.error(f"{name} takes {wanted} argument(s), got {len(node.args)}", node)
        args = [self.expression(arg, depth) for arg in node.args]
        if name in WRITTEN_POLES:
            for pole in WRITTEN_POLES[name](*args):
                self._divides_by(pole)
        for divisor in outside_divisors({**REAL_DOMAINS, **SPECIAL_DOMAINS}.get(name, lambda *_: [])(*args)):
            self._divides_by(divisor)  # sqrt(x)**2 is built as x: x < 0 is kept here
        if name in _EXP_TAKERS:
            self._check_exp(node, args[0] if name == "exp" else -args[0])
            self._check_exp(node, args[0])
        return self._build(node, build, *args)

    def _divides_by(self, value: sp.Expr) -> None:
        """Record a written divisor outside every binder, or inside derivatives only: ``diff(f, x)`` at a point needs
        ``f`` there (``diff(digamma(x), x) > 0`` fails at x = -1, where psi has a pole and polygamma(1, x), the
        closed form, keeps no trace of it)."""
        if all(b == "diff" for b in self.binders):
            self.divisors.append(value)

    def _check_exp(self, node: ast.AST, argument: sp.Expr) -> None:
        r"""sympy rewrites $e^{c \log b}$ as $b^c$: bound $c$ like any exponent."""
        for term in sp.Add.make_args(argument):
            coeff, rest = term.as_coeff_Mul()
            if rest.has(sp.log) and abs(coeff) > MAX_EXPONENT:
                raise self.source.error(f"exp(c*log(...)) with |c| above {MAX_EXPONENT} is not allowed", node)

    def _sum(self, node: ast.Call, depth: int, kind=sp.Sum) -> sp.Expr:
        word = "sum" if kind is sp.Sum else "product"
        if len(node.args) != 4 or not isinstance(node.args[1], ast.Name):
            raise self.source.error(f"{word} takes (expression, index name, lower, upper)", node)
        body = self.expression(node.args[0], depth)
        index = self._scalar(node.args[1].id, node.args[1])
        lower, upper = (self.expression(arg, depth) for arg in node.args[2:])
        return self._build(node, kind, body, (index, lower, upper))

    def _variable(self, node: ast.AST, word: str) -> sp.Symbol:
        if not isinstance(node, ast.Name):
            raise self.source.error(f"{word}: the variable must be a plain name", node)
        symbol = self._scalar(node.id, node)
        if not isinstance(symbol, sp.Symbol):
            raise self.source.error(f"{word}: {node.id!r} is not a variable", node)
        return symbol

    def _diff(self, node: ast.Call, depth: int) -> sp.Expr:
        if len(node.args) not in (2, 3):
            raise self.source.error("diff takes (expression, variable) or (expression, variable, order)", node)
        body = self.expression(node.args[0], depth)
        variable = self._variable(node.args[1], "diff")
        order = self.expression(node.args[2], depth) if len(node.args) == 3 else sp.Integer(1)
        if not (order.is_Integer and 0 <= order <= 20):
            raise self.source.error("diff: the order must be an integer from 0 to 20", node)
        derivative = self._build(node, lambda: sp.Derivative(body, (variable, int(order))).doit())
        if self.binding == 1:  # d|x|/dx is sign(x), 0 at 0: the derivative does not exist there (symbolic.kinks)
            self.divisors.extend(derivative_poles(body, variable, int(order)))
            self.divisors.extend(cut_divisors(body, variable, int(order)))  # atan2's jump across its cut
            if int(order) > 0 and derivative.has(variable):
                self.derivatives.append((derivative, body, variable, int(order)))
        return derivative

    def _integrate(self, node: ast.Call, depth: int) -> sp.Expr:
        bounds = node.args[1] if len(node.args) == 2 else None
        if not (isinstance(bounds, ast.Tuple) and len(bounds.elts) == 3):
            raise self.source.error("integrate takes (expression, (variable, lower, upper)): a definite integral", node)
        body = self.expression(node.args[0], depth)
        variable = self._variable(bounds.elts[0], "integrate")
        lower, upper = (self.expression(arg, depth) for arg in bounds.elts[1:])
        return self._build(node, sp.Integral, body, (variable, lower, upper))

    def _limit(self, node: ast.Call, depth: int) -> sp.Expr:
        if len(node.args) not in (3, 4):
            raise self.source.error("limit takes (expression, variable, point) or (..., '+' | '-' | '±')", node)
        body = self.expression(node.args[0], depth)
        variable = self._variable(node.args[1], "limit")
        point = self.expression(node.args[2], depth)
        direction = "+-"
        if len(node.args) == 4:
            given = node.args[3]
            if not (isinstance(given, ast.Constant) and isinstance(given.value, str)
                    and given.value in LIMIT_DIRECTIONS):
                raise self.source.error("limit: the direction is '+', '-' or '±' (two-sided)", given)
            direction = LIMIT_DIRECTIONS[given.value]
        if point.is_infinite:
            direction = "-" if point == sp.oo else "+"
        return self._build(node, sp.Limit, body, variable, point, direction)


def _chain(node: ast.BinOp, plus, minus) -> list[tuple[int, ast.AST]]:
    """Flatten a left-nested chain ``a + b - c`` into ``[(1, a), (1, b), (-1, c)]`` without recursion."""
    items = []
    while isinstance(node, ast.BinOp) and isinstance(node.op, (plus, minus)):
        items.append((1 if isinstance(node.op, plus) else -1, node.right))
        node = node.left
    items.append((1, node))
    return items[::-1]


def _index_names(tree: ast.AST) -> set[str]:
    """Names used as subscripts or as summation indices: these become integer symbols."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript):
            names |= {n.id for n in ast.walk(node.slice) if isinstance(n, ast.Name)}
        is_sum = isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in SUM_NAMES + PRODUCT_NAMES
        if is_sum and len(node.args) > 1 and isinstance(node.args[1], ast.Name):
            names.add(node.args[1].id)
    return names


def _assumptions(word) -> dict:
    words = [word] if isinstance(word, str) else list(word)
    merged: dict = {}
    for w in words:
        if w not in ASSUMPTION_WORDS:
            raise UnknownAssumption(f"unknown assumption word {w!r}; known words: {', '.join(ASSUMPTION_WORDS)}")
        merged |= ASSUMPTION_WORDS[w]
    return merged


def _digits(n: int) -> float:
    return math.log10(abs(n)) + 1 if n else 1.0


def _describe(node: ast.AST) -> str:
    if isinstance(node, ast.Attribute):
        return f"attribute access '.{node.attr}'"
    if isinstance(node, ast.Constant):
        return f"constant {node.value!r:.40}"
    names = {ast.Lambda: "lambda", ast.ListComp: "list comprehension", ast.GeneratorExp: "generator expression",
             ast.SetComp: "set comprehension", ast.DictComp: "dict comprehension", ast.JoinedStr: "f-string",
             ast.NamedExpr: "assignment expression (:=)", ast.IfExp: "conditional expression",
             ast.BoolOp: "boolean operator", ast.Starred: "starred expression"}
    return names.get(type(node), f"{type(node).__name__} node")
