r"""LaTeX as people write it in Markdown notes, read into sympy; nothing is ever evaluated as code.

.. math:: \texttt{\textbackslash frac\{1\}\{H\}\textbackslash sum\_\{i=1\}\^\{H\} x\_i}
          \mapsto \frac{1}{H} \sum_{i=1}^{H} x_i

A hand-written tokenizer (:func:`tokenize`) turns the text into tokens: it
knows LaTeX commands, Unicode symbols typed directly (``∑``, ``μ``, ``≤``),
and which bare ``|`` opens or closes $|x|$ and which separates
$P(A \mid B)$.  A lark LALR grammar (``latex_grammar.lark``) builds the tree;
:class:`_Reader` turns the tree into sympy, deciding what the grammar cannot:
whether ``f(x)`` is a call or a product, whether ``x_i`` is an element of an
array or a name, what a derivative fraction is.  Unknown commands
(``\input``, ``\def``) are errors, never expanded.

Conventions (1-based, as written):

* ``x_i`` with ``i`` an index letter (``i j k l``) or bound by a sum is the
  element ``x[i]`` of ``IndexedBase('x')``; indices are kept **1-based as
  written**: $\sum_{i=1}^{n} x_i$ is ``Sum(x[i], (i, 1, n))``, and
  :func:`to_zero_based` shifts a block to the catalog's 0-based arrays.  Other
  subscripts are part of the name: ``x_t`` is the symbol ``x_t``, ``L_{origin}`` is
  ``L_{origin}``.
* Symbols are real; bound indices are integers; symbols in the upper limit of
  a sum or product are positive integers (sizes).
* A name followed by ``(...)`` is a function application when the name is a
  known function (``\log``, ``exp``, ``max``, ...), a word (``ReLU``), a letter
  conventionally used for functions (:data:`FUNCTION_LETTERS`), a name in
  ``functions``, or when the parentheses hold several arguments or a ``|``;
  otherwise it is a product (``y_i(w x_i - b)``).
* A run of letters is one name when it is in ``names``, is three letters or
  more, or ends in digits (``F1``); a two-letter run is a product (``ab``).
* ``\text{...}`` is a name (``\text{argmax}``), a function, or prose (``when``).
* A name directly followed by a brace group (``\mu{\mathcal{B}}``), or an
  accented name by an index letter (``\hat{x}i``), reads as a lost ``_``,
  with a warning.

Bounds: :data:`MAX_LENGTH` characters, :data:`MAX_TOKENS` tokens,
:data:`MAX_DEPTH` nested brackets, numeric powers up to :data:`MAX_POWER_DIGITS`
digits.  Every failure is a :class:`LatexParseError` with a line and column.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import lark
import sympy as sp

MAX_LENGTH = 20_000
"""Longest accepted formula, in characters."""
MAX_TOKENS = 4_000
MAX_DEPTH = 40
"""Deepest accepted nesting of brackets, braces, bars and environments."""
MAX_NUMBER_DIGITS = 100
MAX_EXPONENT = 10**4
"""Largest magnitude of an exponent applied to a number (``2^{2^{100}}`` is rejected)."""
MAX_POWER_DIGITS = 4000
"""Most decimal digits a numeric power may have (below Python's 4,300-digit printing limit)."""

INDEX_LETTERS = frozenset("ijkl")
"""Subscripts that are array indices even when no sum binds them (``z_i``, ``\\partial z_j``)."""
FUNCTION_LETTERS = frozenset({"f", "g", "h", "p", "q", "P", "Q", "D", "G", "K", "L", "N", "V", "F", "E",
                              "sigma", "phi", "psi", r"\mathcal{N}", r"\mathcal{L}", r"\mathbb{E}", r"\mathbb{P}"})
"""Single names read as functions when followed by one parenthesized argument."""

GREEK = {g: g for g in ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi pi "
                        "rho sigma tau upsilon phi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma "
                        "Upsilon Phi Psi Omega ell").split()}
GREEK.update(varepsilon="epsilon", varphi="phi", vartheta="theta", varrho="rho", varsigma="sigma", varpi="pi")
UNICODE_GREEK = dict(zip("αβγδεϵζηθϑικλμµνξπρσςτυφϕχψωΓΔΘΛΞΠΣΥΦΨΩ", (
    "alpha beta gamma delta epsilon epsilon zeta eta theta theta iota kappa lambda mu mu nu xi pi rho "
    "sigma sigma tau upsilon phi phi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi "
    "Omega").split()))
RELATIONS = {
    "=": "=", "==": "=", "<": "<", ">": ">", "<=": "<=", ">=": ">=", ":=": ":=",
    "ne": "!=", "neq": "!=", "le": "<=", "leq": "<=", "leqslant": "<=", "ge": ">=", "geq": ">=",
    "geqslant": ">=", "lt": "<", "gt": ">", "approx": "approx", "simeq": "approx", "propto": "propto",
    "to": "->", "rightarrow": "->", "longrightarrow": "->", "sim": "~", "in": "in", "equiv": "equiv",
    "triangleq": ":=", "coloneqq": ":=", "doteq": ":=",
    "≤": "<=", "≥": ">=", "≠": "!=", "≈": "approx", "∝": "propto", "→": "->", "∈": "in", "∼": "~", "≡": "equiv",
    "≔": ":=",
}
"""Relation spellings -> canonical text: ``= != < > <= >= approx propto -> ~ in equiv :=``."""
FUNCTIONS = {
    "log": sp.log, "ln": sp.log, "exp": sp.exp, "sin": sp.sin, "cos": sp.cos, "tan": sp.tan, "cot": sp.cot,
    "sec": sp.sec, "csc": sp.csc, "sinh": sp.sinh, "cosh": sp.cosh, "tanh": sp.tanh, "coth": sp.coth,
    "arcsin": sp.asin, "arccos": sp.acos, "arctan": sp.atan, "sqrt": sp.sqrt, "abs": sp.Abs,
    "sign": sp.sign, "sgn": sp.sign, "sigmoid": lambda x: 1 / (1 + sp.exp(-x)),
    "softplus": lambda x: sp.log(1 + sp.exp(x)), "lg": lambda x: sp.log(x, 10),
}
"""Known functions of one argument (``\\log_b x`` takes its base from the subscript)."""
OPAQUE_FUNCTIONS = frozenset({"det", "tr", "Tr", "erf", "softmax", "Softmax"})
MAXMIN = {"max": sp.Max, "min": sp.Min, "argmax": None, "argmin": None, "sup": sp.Max, "inf": sp.Min}
PROSE_WORDS = frozenset(
    ("when if otherwise else where for and or given with then since iff let all any each such that is "
     "are s.t. i.e. e.g. subject").split())
STYLES = frozenset("mathbf mathcal mathbb mathit mathsf mathscr mathfrak boldsymbol bm pmb mathbfit".split())
ACCENTS = frozenset(("hat widehat bar overline tilde widetilde vec dot ddot check breve acute grave "
                     "mathring").split())
TEXTS = frozenset(["text", "textrm", "textit", "textbf", "textsf", "mathrm", "operatorname", "mbox", "textnormal"])
SKIPPED = frozenset(("displaystyle textstyle scriptstyle limits nolimits big Big bigg Bigg bigl bigr "
                     "Bigl Bigr biggl biggr Biggl Biggr middle nonumber notag quad qquad left.").split())
SKIPPED_WITH_ARG = frozenset(["hspace", "vspace", "label", "tag", "phantom", "hphantom", "vphantom"])
ENVIRONMENTS = frozenset(("aligned align align* alignat alignat* equation equation* gather gather* "
                          "gathered split multline multline* cases dcases rcases matrix pmatrix "
                          "bmatrix vmatrix Vmatrix array eqnarray eqnarray*").split())
ALIGNED = frozenset(e for e in ENVIRONMENTS if not e.endswith("cases") and "matrix" not in e and e != "array")
SIMPLE_COMMANDS = {
    "frac": "FRAC", "dfrac": "FRAC", "tfrac": "FRAC", "cfrac": "FRAC", "binom": "BINOM", "dbinom": "BINOM",
    "tbinom": "BINOM", "sqrt": "SQRT", "sum": "SUMOP", "prod": "SUMOP", "int": "INT", "iint": "INT",
    "oint": "INT", "lim": "LIM", "partial": "PARTIAL", "nabla": "NABLA", "infty": "INFTY",
    "cdot": "MUL", "times": "MUL", "bullet": "MUL", "odot": "MUL", "circ": "MUL", "otimes": "MUL",
    "ast": "AST", "star": "AST", "div": "DIV", "pm": "PM", "mp": "MP", "newline": "ROWSEP", "cr": "ROWSEP",
    "ldots": "DOTS", "cdots": "DOTS", "dots": "DOTS", "vdots": "DOTS", "ddots": "DOTS", "mid": "BAR",
    "colon": "COLON", "langle": "LANGLE", "rangle": "RANGLE", "lbrace": "LSET", "rbrace": "RSET",
    "prime": "PRIME", "implies": "PROSE", "Rightarrow": "PROSE", "iff": "PROSE", "Leftrightarrow": "PROSE",
    "forall": "PROSE", "quad": None,
}
UNICODE_TOKENS = {
    "∑": ("SUMOP", "sum"), "∏": ("SUMOP", "prod"), "∫": ("INT", "int"), "∞": ("INFTY", "infty"),
    "∂": ("PARTIAL", "partial"), "∇": ("NABLA", "nabla"), "·": ("MUL", "cdot"), "⋅": ("MUL", "cdot"),
    "×": ("MUL", "times"), "⊙": ("MUL", "odot"), "∘": ("MUL", "circ"), "−": ("SUB", "-"), "±": ("PM", "pm"),
    "∓": ("MP", "mp"), "…": ("DOTS", "ldots"), "⋯": ("DOTS", "cdots"), "√": ("SQRT", "sqrt"),
    "′": ("PRIME", "'"), "÷": ("DIV", "div"), "∗": ("AST", "ast"),
}
ASCII_TOKENS = {"+": "ADD", "-": "SUB", "*": "AST", "/": "DIV", "^": "POW", "_": "USCORE", "&": "AMP",
                ",": "COMMA", ";": "SEMI", ":": "COLON", "'": "PRIME", "(": "LPAR", ")": "RPAR",
                "[": "LBRACK", "]": "RBRACK", "{": "LBRACE", "}": "RBRACE"}
OPENERS = {"LPAR": "RPAR", "LBRACK": "RBRACK", "LBRACE": "RBRACE", "LVERT": "RVERT", "LNORM": "RNORM",
           "LCASES": ("RDOT", "RSET"), "LSET": "RSET", "LANGLE": "RANGLE", "BEGIN": "END"}
OPERAND_END = frozenset(("NUMBER NAME WORD RPAR RBRACK RBRACE RVERT RNORM RSET RANGLE INFTY DOTS PRIME "
                         "END RDOT").split())
DIGITS = frozenset("0123456789")
_SPACE = re.compile(r"(?:\s|~|\\[,;:!> ]|%[^\n]*)+")
_WORD = re.compile(r"[A-Za-z]+[0-9]*")
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?|\.[0-9]+")
_COMMAND = re.compile(r"\\([A-Za-z]+\*?|.)", re.DOTALL)
_ABBREVIATION = re.compile(r"(s\.\s*t\.|i\.\s*e\.|e\.\s*g\.)")


class LatexParseError(ValueError):
    """Text that could not be read, with the 1-based ``line`` and ``column`` where."""

    def __init__(self, message: str, line: int, column: int):
        super().__init__(f"{message} (line {line}, column {column})")
        self.message, self.line, self.column = message, line, column

    def shifted(self, line: int, column: int) -> LatexParseError:
        """The same error in a file where the text starts at ``(line, column)``."""
        col = self.column + column - 1 if self.line == 1 else self.column
        return LatexParseError(self.message, self.line + line - 1, col)


class Given(sp.Function):
    r"""The conditioning part of $P(A \mid B)$: ``P(A, Given(B))``; never evaluates."""


class PlusMinus(sp.Function):
    r"""$\pm a$: a claim holds for both signs (:func:`sign_choices` writes out each)."""


class Expectation(sp.Function):
    r"""$\mathbb{E}_{x \sim D}[f]$ as ``Expectation(f, x, D)``; never evaluates by itself."""

    nargs = 3


PARTIAL = sp.Symbol("∂")
"""Marker for ``\\partial`` inside a fraction; never left in a result."""


# ** tokens **

def tokenize(text: str) -> list[lark.Token]:
    """The tokens of ``text`` (lark tokens with block-relative positions)."""
    return _Tokenizer(text).run()


class _Tokenizer:
    def __init__(self, text: str):
        if len(text) > MAX_LENGTH:
            raise LatexParseError(f"formula longer than {MAX_LENGTH} characters", 1, 1)
        self.text, self.pos, self.tokens, self.stack = text, 0, [], []
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.single = 0  # how many following arguments are one character (after _ ^ \frac \sqrt)

    def where(self, pos: int) -> tuple[int, int]:
        line = max(k for k, start in enumerate(self.line_starts) if start <= pos) if pos else 0
        return line + 1, pos - self.line_starts[line] + 1

    def error(self, message: str, pos: int):
        return LatexParseError(message, *self.where(pos))

    def emit(self, kind: str, value: str, start: int, end: int):
        if len(self.tokens) >= MAX_TOKENS:
            raise self.error(f"more than {MAX_TOKENS} tokens", start)
        line, column = self.where(start)
        end_line, end_column = self.where(end)
        self.tokens.append(lark.Token(kind, value, start, line, column, end_line, end_column, end))
        self.track(kind, start)

    def track(self, kind: str, start: int):
        if kind in OPENERS:
            self.stack.append(kind)
            if len(self.stack) > MAX_DEPTH:
                raise self.error(f"nesting deeper than {MAX_DEPTH}", start)
        elif kind in ("RPAR", "RBRACK", "RBRACE", "RVERT", "RNORM", "RDOT", "RSET", "RANGLE", "END"):
            if not self.stack:
                raise self.error(f"unbalanced {self.tokens[-1].value!r}", start)
            want = OPENERS[self.stack[-1]]
            if kind != want and kind not in (want if isinstance(want, tuple) else ()):
                raise self.error(f"{self.tokens[-1].value!r} closes {self.stack[-1].lower()}", start)
            self.stack.pop()

    def previous_is_operand(self) -> bool:
        return bool(self.tokens) and self.tokens[-1].type in OPERAND_END

    def run(self) -> list[lark.Token]:
        text = self.text
        while True:
            space = _SPACE.match(text, self.pos)
            if space:
                self.pos = space.end()
            if self.pos >= len(text):
                break
            self.step()
        if self.stack:
            raise self.error(f"unclosed {self.stack[-1].lower()}", len(text))
        return self.tokens

    def step(self):
        text, start = self.text, self.pos
        char = text[start]
        if self.single:
            self.single -= 1
            if char.isalnum() and char.isascii():
                self.pos += 1
                return self.emit("NUMBER" if char in DIGITS else "NAME", char, start, self.pos)
        if char == "\\":
            return self.command()
        if char in DIGITS or (char == "." and text[start + 1:start + 2] in DIGITS and text[start + 1:start + 2]):
            match = _NUMBER.match(text, start)
            if len(match.group()) > MAX_NUMBER_DIGITS:
                raise self.error(f"number longer than {MAX_NUMBER_DIGITS} digits", start)
            self.pos = match.end()
            return self.emit("NUMBER", match.group(), start, self.pos)
        if char.isascii() and char.isalpha():
            abbreviation = _ABBREVIATION.match(text, start)
            if abbreviation:
                self.pos = abbreviation.end()
                return self.emit("PROSE", re.sub(r"\s", "", abbreviation.group()), start, self.pos)
            match = _WORD.match(text, start)
            self.pos = match.end()
            return self.word(match.group(), start)
        if char in UNICODE_GREEK:
            self.pos += 1
            return self.emit("NAME", UNICODE_GREEK[char], start, self.pos)
        if char in RELATIONS and char not in "=<>:":
            self.pos += 1
            return self.emit("REL", RELATIONS[char], start, self.pos)
        if char in UNICODE_TOKENS:
            kind, value = UNICODE_TOKENS[char]
            self.pos += 1
            return self.emit(kind, value, start, self.pos)
        two = text[start:start + 2]
        if two in (":=", "<=", ">=", "=="):
            self.pos += 2
            return self.emit("REL", RELATIONS[two], start, self.pos)
        if char in "=<>":
            self.pos += 1
            return self.emit("REL", char, start, self.pos)
        if char == "|":
            double = re.match(r"\|\s*\|", text[start:])
            self.pos += double.end() if double else 1
            return self.bar("norm" if double else "vert", start)
        if char in ASCII_TOKENS:
            self.pos += 1
            kind = ASCII_TOKENS[char]
            if kind in ("USCORE", "POW"):
                self.single = 1
            return self.emit(kind, char, start, self.pos)
        if char == "." and not text[start + 1:].strip(" \t\n$"):
            self.pos = len(text)  # a sentence's final period
            return None
        if char == "!":
            raise self.error("factorial (!) is not supported", start)
        if ord(char) < 32 or ord(char) == 127:
            raise self.error(f"control character {char!r}", start)
        raise self.error(f"unexpected character {char!r}", start)

    def word(self, word: str, start: int):
        if word in FUNCTIONS and word not in ("abs", "sqrt", "lg"):
            return self.emit("FUNC", word, start, self.pos)
        if word in ("max", "min", "argmax", "argmin"):
            return self.emit("MAXMIN", word, start, self.pos)
        if word in PROSE_WORDS:
            return self.emit("PROSE", word, start, self.pos)
        return self.emit("NAME" if len(word) == 1 else "WORD", word, start, self.pos)

    def bar(self, kind: str, start: int):
        """A bare ``|`` (``kind='vert'``) or ``||`` / ``\\|`` (``'norm'``): opener, closer or separator."""
        opener, closer, separator = ("LVERT", "RVERT", "BAR") if kind == "vert" else ("LNORM", "RNORM", "DBAR")
        if self.previous_is_operand():
            if self.stack and self.stack[-1] == opener:
                return self.emit(closer, "|", start, self.pos)
            if self.stack and self.stack[-1] in ("LPAR", "LBRACK"):
                return self.emit(separator, "|", start, self.pos)
        return self.emit(opener, "|", start, self.pos)

    def group(self, pos: int, what: str) -> tuple[str, int]:
        """The text of the brace group at ``pos`` (after spaces) and the position after it."""
        space = _SPACE.match(self.text, pos)
        pos = space.end() if space else pos
        if self.text[pos:pos + 1] != "{":
            raise self.error(f"{what} needs a {{...}} argument", pos)
        depth, k = 0, pos
        while k < len(self.text):
            depth += {"{": 1, "}": -1}.get(self.text[k], 0)
            if self.text[k] == "\\":
                k += 1
            elif depth == 0:
                return self.text[pos + 1:k], k + 1
            k += 1
        raise self.error(f"unclosed {{ after {what}", pos)

    def command(self):
        text, start = self.text, self.pos
        match = _COMMAND.match(text, start)
        if not match:
            raise self.error("a lone backslash", start)
        name = match.group(1)
        self.pos = match.end()
        if name == "\\":
            spacing = re.match(r"\s*\[[^\]]{0,20}\]", text[self.pos:])
            self.pos += spacing.end() if spacing else 0
            return self.emit("ROWSEP", "\\\\", start, self.pos)
        if name in ("{", "}"):
            return self.emit("LSET" if name == "{" else "RSET", name, start, self.pos)
        if name == "|":
            return self.bar("norm", start)
        if name in SKIPPED or name == "quad" or name == "qquad":
            return None
        if name in SKIPPED_WITH_ARG:
            _, self.pos = self.group(self.pos, "\\" + name)
            return None
        if name in GREEK:
            return self.emit("NAME", GREEK[name], start, self.pos)
        if name in RELATIONS:
            return self.emit("REL", RELATIONS[name], start, self.pos)
        if name == "not":
            rel = re.match(r"\s*(=|\\in)", text[self.pos:])
            if rel:
                self.pos += rel.end()
                return self.emit("REL", "!=" if rel.group(1) == "=" else "notin", start, self.pos)
        if name in ("vert", "lvert", "rvert"):
            if name == "vert":
                return self.bar("vert", start)
            return self.emit("LVERT" if name == "lvert" else "RVERT", "|", start, self.pos)
        if name in ("Vert", "lVert", "rVert"):
            if name == "Vert":
                return self.bar("norm", start)
            return self.emit("LNORM" if name == "lVert" else "RNORM", "||", start, self.pos)
        if name in ("left", "right"):
            return self.delimiter(name, start)
        if name in ("begin", "end"):
            env, self.pos = self.group(self.pos, "\\" + name)
            env = env.strip()
            if env not in ENVIRONMENTS:
                raise self.error(f"unsupported environment {env!r}", start)
            if name == "begin" and env in ("array", "alignat", "alignat*"):
                _, self.pos = self.group(self.pos, f"\\begin{{{env}}}")
            return self.emit("BEGIN" if name == "begin" else "END", env, start, self.pos)
        if name in STYLES or name in ACCENTS:
            return self.emit("NAME", self.styled(name, start), start, self.pos)
        if name.rstrip("*") in TEXTS:
            content, self.pos = self.group(self.pos, "\\" + name)
            return self.text_command(content.strip(), start)
        if name == "arg":
            follow = re.match(r"\s*\\(max|min)(?![A-Za-z])", text[self.pos:])
            if follow:
                self.pos += follow.end()
                return self.emit("MAXMIN", "arg" + follow.group(1), start, self.pos)
        if (name in FUNCTIONS and name != "sqrt") or name in ("det", "Pr"):
            return self.emit("NAME" if name == "Pr" else "FUNC", "P" if name == "Pr" else name, start, self.pos)
        if name in MAXMIN:
            return self.emit("MAXMIN", name, start, self.pos)
        if name == "top":
            return self.emit("NAME", "T", start, self.pos)
        if SIMPLE_COMMANDS.get(name):
            kind = SIMPLE_COMMANDS[name]
            if kind in ("FRAC", "BINOM"):
                self.single = 2 if re.match(r"\s*[0-9]", text[self.pos:]) else 0
            elif kind == "SQRT":
                self.single = 1 if re.match(r"\s*[0-9A-Za-z]", text[self.pos:]) else 0
            return self.emit(kind, name, start, self.pos)
        raise self.error(f"unsupported command \\{name}", start)

    def delimiter(self, which: str, start: int):
        match = re.match(r"\s*(\\[A-Za-z]+|\\[{}|.]|[()\[\]{}|.])", self.text[self.pos:])
        if not match:
            raise self.error(f"\\{which} needs a delimiter", start)
        self.pos += match.end()
        delim = match.group(1)
        table = {
            "left": {"(": "LPAR", "[": "LBRACK", "\\{": "LCASES", "{": "LCASES", "\\lbrace": "LCASES",
                     "|": "LVERT", "\\vert": "LVERT", "\\lvert": "LVERT", "\\|": "LNORM", "\\Vert": "LNORM",
                     "\\lVert": "LNORM", "\\langle": "LANGLE", ".": None},
            "right": {")": "RPAR", "]": "RBRACK", "\\}": "RSET", "}": "RSET", "\\rbrace": "RSET",
                      "|": "RVERT", "\\vert": "RVERT", "\\rvert": "RVERT", "\\|": "RNORM", "\\Vert": "RNORM",
                      "\\rVert": "RNORM", "\\rangle": "RANGLE", ".": "RDOT"},
        }[which]
        if delim not in table:
            raise self.error(f"unsupported delimiter \\{which}{delim}", start)
        if table[delim] is None:
            return None
        return self.emit(table[delim], delim, start, self.pos)

    def styled(self, command: str, start: int) -> str:
        """``\\mathbf{w}``, ``\\hat x``, ``\\hat{\\mu}``: a name, canonical as ``\\hat{\\mu}``."""
        rest = self.text[self.pos:]
        inner = re.match(r"\s*(?:\{\s*(\\[A-Za-z]+|[A-Za-z0-9]+|[^\x00-\x7f])\s*\}|(\\[A-Za-z]+|[A-Za-z0-9]))",
                         rest)
        nested = re.match(r"\s*\{\s*\\([A-Za-z]+)\s*\{\s*(\\[A-Za-z]+|[A-Za-z0-9]+)\s*\}\s*\}", rest)
        if nested and (nested.group(1) in STYLES or nested.group(1) in ACCENTS):
            self.pos += nested.end()
            return f"\\{command}{{\\{nested.group(1)}{{{self.canonical(nested.group(2), start)}}}}}"
        if not inner:
            raise self.error(f"\\{command} needs a letter or a name in braces", start)
        self.pos += inner.end()
        return f"\\{command}{{{self.canonical(inner.group(1) or inner.group(2), start)}}}"

    def canonical(self, inner: str, start: int) -> str:
        if inner.startswith("\\"):
            if inner[1:] not in GREEK:
                raise self.error(f"unsupported command {inner} in a styled name", start)
            return "\\" + GREEK[inner[1:]]
        if inner in UNICODE_GREEK:
            return "\\" + UNICODE_GREEK[inner]
        if not (inner.isascii() and inner.isalnum()):
            raise self.error(f"unexpected {inner!r} in a styled name", start)
        return inner

    def text_command(self, content: str, start: int):
        word = content.strip()
        if not word:
            return None
        if word in FUNCTIONS or word in ("argmax", "argmin", "max", "min") or word in PROSE_WORDS:
            return self.word(word, start)
        if re.fullmatch(r"[A-Za-z][A-Za-z0-9]*", word):
            return self.emit("NAME", word, start, self.pos)  # a NAME is never split into letters
        return self.emit("PROSE", " ".join(word.split()), start, self.pos)


class _Lexer(lark.lexer.Lexer):
    """Hands lark the tokens of :func:`tokenize`."""

    def __init__(self, conf):
        pass

    def lex(self, text):
        yield from tokenize(text)


@lru_cache(maxsize=1)
def _parser() -> lark.Lark:
    grammar = (Path(__file__).with_name("latex_grammar.lark")).read_text(encoding="utf-8")
    return lark.Lark(grammar, parser="lalr", lexer=_Lexer, propagate_positions=True, maybe_placeholders=False)


# ** results **

@dataclass(frozen=True)
class Chain:
    """``exprs[0] rels[0] exprs[1] rels[1] ...``: an expression when there are no relations."""

    exprs: tuple[sp.Basic, ...]
    rels: tuple[str, ...] = ()

    def pairs(self):
        """Consecutive ``(lhs, rel, rhs)`` claims."""
        return [(self.exprs[k], self.rels[k], self.exprs[k + 1]) for k in range(len(self.rels))]


@dataclass(frozen=True)
class Row:
    r"""One row of a block: a chain, its conditions (``\text{when } i = j``) and what kind of row it is.

    ``kind``: ``"formula"``; ``"constraint"`` (after ``s.t.``); ``"where"``
    (after ``where``: definitions); ``"list"`` (``\alpha, b``); ``"prose"``;
    ``"empty"``.  ``continued``: the row starts with a relation (``&= ...``), its
    left side is the previous row's last expression.
    """

    chain: Chain
    text: str
    line: int
    column: int
    kind: str = "formula"
    continued: bool = False
    conditions: tuple[sp.Basic, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Block:
    """A parsed formula block: rows, warnings, and what the symbols are.

    ``indices`` maps each free index symbol to its inclusive 1-based range;
    ``arrays`` each ``IndexedBase`` to its length (when a sum tells);
    ``sizes`` are the size symbols; ``zero_based`` is true when a sum starts at 0.
    """

    rows: tuple[Row, ...]
    warnings: tuple[str, ...] = ()
    indices: dict = field(default_factory=dict)
    arrays: dict = field(default_factory=dict)
    sizes: tuple[sp.Symbol, ...] = ()
    functions: frozenset = frozenset()
    zero_based: bool = False


def parse_block(text: str, *, names=(), functions=(), line: int = 1, column: int = 1) -> Block:
    r"""Parse a formula block (rows split by ``\\`` or ``\newline``, environments unwrapped).

    ``names``: multi-letter words to read as one name (``TP``); ``functions``:
    names to read as functions when applied; ``(line, column)``: where the text
    starts in its file, for error positions.
    """
    try:
        return _parse_block(text, names, functions)
    except LatexParseError as exc:
        raise exc.shifted(line, column) from None


def parse_latex(text: str, *, names=(), functions=(), line: int = 1, column: int = 1) -> sp.Expr | Chain:
    """Parse one formula: an expression, or a :class:`Chain` when it has relations (``a = b \\le c``)."""
    block = parse_block(text, names=names, functions=functions, line=line, column=column)
    rows = [r for r in block.rows if r.kind != "empty"]
    if len(rows) != 1:
        raise LatexParseError(f"{len(rows)} rows where one formula was expected; use parse_block", line, column)
    chain = rows[0].chain
    return chain.exprs[0] if not chain.rels else chain


def _parse_block(text: str, names, functions) -> Block:
    if "\x00" in text:
        k = text.index("\x00")
        raise LatexParseError("NUL byte", text.count("\n", 0, k) + 1, k - text.rfind("\n", 0, k))
    try:
        tree = _parser().parse(text)
    except LatexParseError:
        raise
    except lark.exceptions.UnexpectedToken as exc:
        token = exc.token
        if token.type == "$END":
            raise _at_end(text, "unexpected end of formula") from None
        expected = ", ".join(sorted(exc.expected)[:6])
        raise LatexParseError(f"unexpected {token.value!r} (expected one of {expected})", token.line,
                              token.column) from None
    except lark.exceptions.LarkError as exc:
        raise LatexParseError(f"cannot parse: {type(exc).__name__}", 1, 1) from None
    _check_depth(tree)
    return _Reader(text, frozenset(names), frozenset(functions)).block(tree)


def _at_end(text: str, message: str) -> LatexParseError:
    return LatexParseError(message, text.count("\n") + 1, len(text) - text.rfind("\n"))


def _check_depth(tree, limit: int = 12 * MAX_DEPTH + 50) -> None:
    """Reject trees too deep for the recursive reader (``- - - - x`` nests without brackets)."""
    stack = [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            meta = node.meta
            raise LatexParseError("formula nested too deeply", getattr(meta, "line", 1), getattr(meta, "column", 1))
        stack.extend((child, depth + 1) for child in node.children if isinstance(child, lark.Tree))


def to_zero_based(expr: sp.Basic, free=()) -> sp.Basic:
    r"""Shift a 1-based expression to 0-based arrays: ``x[i]`` -> ``x[i - 1]``, then every
    sum $\sum_{i=lo}^{hi} f(i)$ -> $\sum_{i=lo-1}^{hi-1} f(i + 1)$ and every free index ``i`` -> ``i + 1``.

    ``x_1`` becomes ``x[0]``; $\sum_{i=1}^{n} x_i$ becomes ``Sum(x[i], (i, 0, n - 1))``;
    an index used as a number keeps its value ($\sum_{i=1}^{n} i = \sum_{i=0}^{n-1} (i + 1)$).
    """
    expr = expr.replace(lambda e: isinstance(e, sp.Indexed), lambda e: e.base[tuple(i - 1 for i in e.indices)])

    def shift(node):
        body, limits = node.function, []
        for index, lo, hi in node.limits:
            body = body.xreplace({index: index + 1})
            limits.append((index, lo - 1, hi - 1))
        return node.func(body, *limits)

    expr = expr.replace(lambda e: isinstance(e, (sp.Sum, sp.Product)), shift)
    return expr.xreplace({i: i + 1 for i in free})


def sign_choices(expr: sp.Basic) -> list[sp.Basic]:
    r"""Both readings of $\pm$: every ``PlusMinus(a)`` as ``a``, then as ``-a`` (one element without $\pm$)."""
    if not expr.has(PlusMinus):
        return [expr]
    return [expr.replace(lambda e: isinstance(e, PlusMinus), lambda e, s=s: s * e.args[0]) for s in (1, -1)]


# ** the tree -> sympy **

@dataclass
class _NamePiece:
    """A name with its scripts and call, resolved only after the whole product is seen."""

    token: lark.Token
    scripts: list  # ("sub" | "sup" | "prime", node)
    call: lark.Tree | None
    start: int
    end: int


@dataclass
class _Annotation:
    r"""A parenthesized side condition such as ``(i \ne j)``: not a factor."""

    text: str
    conditions: tuple


@dataclass
class _DerivativeOperator:
    r"""$\frac{\partial}{\partial x}$: applies to the rest of the product."""

    variables: tuple


@dataclass
class _Env:
    name: str
    rows: list


class _Reader:
    r"""Walks the lark tree of one block; see the module docstring for the conventions."""

    def __init__(self, text: str, names: frozenset, functions: frozenset):
        self.text, self.names, self.functions = text, names, functions
        self.warnings: list[str] = []
        self.symbols: dict[str, sp.Symbol] = {}
        self.arrays: dict[str, sp.IndexedBase] = {}
        self.lengths: dict[tuple, sp.Expr] = {}
        self.literals: dict[sp.Symbol, tuple[str, int]] = {}
        self.pending: list[_Annotation] = []
        self.integrals: list[dict] = []
        self.used_functions: set[str] = set()
        self.zero_based = False
        self.bound: set[str] = set()
        self.size_names: set[str] = set()
        self.index_names: set[str] = set()

    # ** entry **

    def block(self, tree) -> Block:
        self.prescan(tree)
        try:
            rows = self.rows(tree.children[0])
        except RecursionError:
            raise LatexParseError("formula nested too deeply", 1, 1) from None
        except LatexParseError:
            raise
        except (TypeError, ValueError, ArithmeticError, AttributeError, IndexError, KeyError) as exc:
            raise LatexParseError(f"cannot build the expression: {type(exc).__name__}: {str(exc)[:120]}",
                                  1, 1) from None
        rows = self.finish_literals(rows)
        for row in rows:
            for e in (*row.chain.exprs, *row.conditions):
                if isinstance(e, sp.Basic) and e.has(PARTIAL):
                    raise LatexParseError("\\partial outside a derivative fraction", row.line, row.column)
        indices = self.free_indices(rows)
        sizes = tuple(sorted({s for s in self.symbols.values() if s.name in self.size_names}
                             | {s for r in indices.values() for s in r[1].free_symbols}, key=str))
        arrays = {}
        for (base, position), n in self.lengths.items():
            if position == 0:
                arrays.setdefault(base, n)
        return Block(tuple(rows), tuple(dict.fromkeys(self.warnings)), indices, arrays, sizes,
                     frozenset(self.used_functions), self.zero_based)

    def prescan(self, tree) -> None:
        """Which names are bound indices (``\\sum_{i=...}``), sizes (upper limits) and index subscripts."""
        for node in tree.iter_subtrees():
            if node.data == "bigop":
                for script in node.children[1:]:
                    if not isinstance(script, lark.Tree) or script.data != "script":
                        continue
                    names = [t.value for t in script.scan_values(lambda v: isinstance(v, lark.Token))
                             if t.type in ("NAME", "WORD")]
                    if script.children[0].type == "USCORE" and names:
                        self.bound.add(names[0])
                        rel = [t for t in script.scan_values(lambda v: isinstance(v, lark.Token)) if t.type == "REL"]
                        if len(names) > 1 and not rel:
                            self.bound.update(names[1:])
                    elif script.children[0].type == "POW":
                        self.size_names.update(names)
            if node.data == "script" and node.children[0].type == "USCORE":
                value = node.children[1].children[0]
                value = value if isinstance(value, lark.Token) else _only_token(value.children[1])
                if isinstance(value, lark.Token) and value.type in ("NAME", "WORD") \
                        and set(value.value) <= INDEX_LETTERS:
                    self.index_names.update(value.value)
        self.index_names |= self.bound
        if self.index_names:  # i, j in "(i \ne j)" are the indices of z_i, z_j
            self.index_names |= {t.value for t in tree.scan_values(lambda v: isinstance(v, lark.Token))
                                 if t.type == "NAME" and t.value in INDEX_LETTERS}
        self.size_names -= self.index_names

    # ** rows **

    def rows(self, tree) -> list[Row]:
        out = []
        for child in tree.children:
            if isinstance(child, lark.Tree) and child.data == "row":
                out.extend(self.row(child))
        return out

    def row(self, tree) -> list[Row]:
        saved, self.pending = self.pending, []
        items = []
        for child in tree.children:
            if isinstance(child, lark.Token):
                items.append(child)
            else:
                items.append((self.expr(child), child))
        annotations, self.pending = self.pending, saved
        if len(items) == 1 and isinstance(items[0], tuple) and isinstance(items[0][0], _Env):
            env = items[0][0]
            if env.name in ALIGNED:
                return env.rows
            raise self.error(f"a bare {env.name} environment", items[0][1])
        return [self.interpret(items, tree, annotations)]

    def interpret(self, items, tree, annotations) -> Row:
        line, column, text = self.position(tree)
        conditions = [c for a in annotations for c in a.conditions]
        notes = [a.text for a in annotations]
        if not items:
            return Row(Chain(()), text, line, column, kind="empty")
        for item in items:
            if isinstance(item, tuple) and isinstance(item[0], _Env):
                raise self.error(f"{item[0].name} environment inside a row", item[1])
        kind, k = "formula", 0
        while k < len(items) and _is_token(items[k], "AMP"):
            k += 1
        if k < len(items) and _is_token(items[k], "PROSE"):
            word = items[k].value
            kind = ("constraint" if word in ("s.t.", "subject") else "where" if word in ("where", "with", "let")
                    else "condition" if word in ("when", "if", "for", "given") else "prose")
            notes.append(word)
            k += 1
        exprs, rels, continued, expect = [], [], False, "expr"
        if k < len(items) and _is_token(items[k], "REL"):
            continued, expect = True, "rel"
        while k < len(items):
            item = items[k]
            if isinstance(item, tuple):
                if expect != "expr":
                    break
                exprs.append(item[0])
                expect = "rel"
            elif item.type == "REL":
                if expect != "rel":
                    raise self.error("two relations in a row", item)
                rels.append(item.value)
                expect = "expr"
            elif not (item.type == "AMP" and (_is_token(_get(items, k + 1), "REL")
                                              or _is_token(_get(items, k - 1), "REL"))):
                break
            k += 1
        if rels and expect == "expr":
            raise self.error("a relation without a right side", items[k - 1])
        tail = items[k:]
        more, listed, extra_notes = self.conditions(tail)
        conditions += more
        notes += extra_notes
        if kind == "formula" and listed and not rels:
            kind = "list"
        if kind == "formula" and not exprs:
            kind = "prose"
        return Row(Chain(tuple(exprs), tuple(rels)), text, line, column, kind, continued,
                   tuple(conditions), tuple(notes))

    def conditions(self, items) -> tuple[list, bool, list[str]]:
        """Side conditions after a formula: ``, x > 0``, ``\\text{ when } i = j``, ``& \\text{otherwise}``."""
        conditions, listed, notes, segment = [], False, [], []

        def close():
            nonlocal listed
            if not segment:
                return
            exprs = [s for s in segment if isinstance(s, tuple)]
            rels = [s for s in segment if not isinstance(s, tuple)]
            if rels:
                built = self.relation_chain(exprs, rels)
                if built is not None:
                    conditions.append(built)
                else:
                    notes.append(" ".join(r.value for r in rels))
            elif conditions and isinstance(conditions[-1], (sp.Eq, sp.Or)) and len(exprs) == 1:
                last = conditions[-1]
                target = (last.args[0] if isinstance(last, sp.Or) else last).lhs
                conditions[-1] = sp.Or(last, sp.Eq(target, exprs[0][0]))
            else:
                listed = True
            segment.clear()

        for item in items:
            if isinstance(item, tuple) or item.type == "REL":
                segment.append(item)
                continue
            close()
            if item.type == "PROSE":
                notes.append(item.value)
                if item.value in ("otherwise", "else"):
                    conditions.append(sp.true)
        close()
        return conditions, listed, notes

    def relation_chain(self, exprs, rels):
        if len(exprs) != len(rels) + 1:
            raise self.error("a condition with a dangling relation", rels[-1])
        parts = [_condition(exprs[k][0], rels[k].value, exprs[k + 1][0], rels[k]) for k in range(len(rels))]
        if any(p is None for p in parts):
            return None
        return sp.And(*parts)

    # ** arithmetic **

    def expr(self, tree):
        children = tree.children
        value = self.term(children[0])
        if len(children) == 1:
            return value
        value = self.plain(value, children[0])
        for op, term in zip(children[1::2], children[2::2]):
            right = self.plain(self.term(term), term)
            if op.type == "ADD":
                value = value + right
            elif op.type == "SUB":
                value = value - right
            else:
                value = value + (PlusMinus(right) if op.type == "PM" else -PlusMinus(right))
        return value

    def term(self, tree):
        children = tree.children
        value = self.factor(children[0])
        if len(children) == 1:
            return value
        value = self.plain(value, children[0])
        for op, factor in zip(children[1::2], children[2::2]):
            right = self.plain(self.factor(factor), factor)
            if op.type == "DIV":
                derivative = self.derivative(value, right, factor)
                value = value / right if derivative is None else self.plain(derivative, factor)
            elif op.type == "AST" and op.value in ("ast", "star", "∗"):
                value = sp.Function("conv")(value, right)
                self.used_functions.add("conv")
            else:
                value = value * right
        return value

    def factor(self, tree):
        if tree.data == "signed":
            op, inner = tree.children
            value = self.plain(self.factor(inner), inner)
            return {"ADD": value, "SUB": -value, "PM": PlusMinus(value), "MP": -PlusMinus(value)}[op.type]
        return self.product(tree.children)

    def plain(self, value, node):
        """``value`` as a sympy expression (an environment or annotation there is an error)."""
        if isinstance(value, sp.Basic):
            return value
        if isinstance(value, _Env):
            raise self.error(f"{value.name} environment inside an expression", node)
        if isinstance(value, _Annotation):
            raise self.error("a side condition where a value was expected", node)
        raise self.error("misplaced derivative operator", node)

    def product(self, posts):
        pieces = [self.piece(p) for p in posts]
        pieces = self.repair(pieces)
        if self.integrals and self.integrals[-1].get("variable") is None:
            pieces = self.take_differential(pieces)
        values = []
        for piece in pieces:
            value = self.resolve(piece) if isinstance(piece, _NamePiece) else self.post(piece)
            if isinstance(value, _Annotation):
                self.pending.append(value)
            else:
                values.append(value)
        if not values:
            raise self.error("a side condition where a value was expected", posts[0])
        if len(values) == 1 and isinstance(values[0], _Env):
            return values[0]
        result = sp.Integer(1)
        for value in reversed(values):
            if isinstance(value, _DerivativeOperator):
                if result == 1:
                    raise self.error("a derivative operator with nothing to act on", posts[-1])
                result = sp.Derivative(result, *value.variables, evaluate=False)
            else:
                result = self.plain(value, posts[0]) * result
        return result

    def piece(self, post):
        if post.data != "name_post":
            return post
        name = post.children[0].children[0]
        scripts, call = [], None
        for child in post.children[1:]:
            if child.data == "call":
                call = child
            else:
                scripts.append(_script(child))
        end = (call or (post.children[-1] if len(post.children) > 1 else name))
        return _NamePiece(name, scripts, call, name.start_pos, _end(end))

    def repair(self, pieces):
        """Lost underscores: ``\\mu{\\mathcal{B}}`` -> ``\\mu_{\\mathcal{B}}``, ``\\hat{x}i`` -> ``\\hat{x}_i``."""
        out, k = [], 0
        while k < len(pieces):
            piece = pieces[k]
            nxt = pieces[k + 1] if k + 1 < len(pieces) else None
            if isinstance(piece, _NamePiece) and not piece.scripts and piece.call is None and nxt is not None:
                if _bare(nxt, "group") and _start(nxt) == piece.end:
                    piece.scripts.append(("sub", nxt.children[0]))
                    piece.end = _end(nxt)
                    k += 1
                    after = pieces[k + 1] if k + 1 < len(pieces) else None
                    if after is not None and (_bare(after, "paren") or _bare(after, "bracket")) \
                            and _start(after) == piece.end:
                        piece.call = after.children[0]
                        piece.end = _end(after)
                        k += 1
                    self.warn_underscore(piece)
                elif piece.token.value.endswith("}") and isinstance(nxt, _NamePiece) and nxt.start == piece.end \
                        and nxt.token.type == "NAME" and nxt.token.value in self.index_names and not nxt.scripts:
                    piece.scripts.append(("sub", nxt.token))
                    piece.call, piece.end = nxt.call, nxt.end
                    k += 1
                    self.warn_underscore(piece)
            out.append(piece)
            k += 1
        return out

    def warn_underscore(self, piece: _NamePiece) -> None:
        raw = self.text[piece.start:piece.end]
        self.warnings.append(f"read {raw!r} as a subscript (a missing '_'?)")

    def take_differential(self, pieces):
        r"""An integrand's trailing ``dx``, ``d\tau``, ``\mathrm{d}x``: the integration variable."""
        last = pieces[-1] if pieces else None
        if isinstance(last, _NamePiece) and last.token.type == "WORD" and re.fullmatch(r"d[A-Za-z]", last.token.value) \
                and not last.scripts and last.call is None:
            self.integrals[-1]["variable"] = self.symbol(last.token.value[1])
            return pieces[:-1]
        if len(pieces) >= 2 and isinstance(pieces[-2], _NamePiece) and pieces[-2].token.value == "d" \
                and not pieces[-2].scripts and isinstance(last, _NamePiece) and last.call is None:
            variable = self.resolve(last)
            if isinstance(variable, (sp.Symbol, sp.Indexed)):
                self.integrals[-1]["variable"] = variable
                return pieces[:-2]
        return pieces

    # ** names **

    def resolve(self, piece: _NamePiece):
        token = piece.token
        if token.type == "WORD" and self.splits(token.value) and piece.call is None:
            letters = [_NamePiece(lark.Token("NAME", ch, token.start_pos + n), [], None, 0, 0)
                       for n, ch in enumerate(token.value)]
            letters[-1].scripts = piece.scripts
            value = sp.Integer(1)
            for letter in letters:
                value *= self.resolve(letter)
            return value
        if token.value in (r"\mathbb{E}", "E") and piece.call is not None:
            expectation = self.expectation(piece)
            if expectation is not None:
                return expectation
        name, index = token.value, None
        for kind, node in piece.scripts:
            if kind == "sub":
                found = self.index_of(node) if index is None else None
                if found is not None:
                    index = found
                else:
                    name = f"{name}_{self.subtext(node)}"
            elif kind == "prime":
                name += "'"
        call = piece.call
        if call is not None and self.is_function(name, token.value, call, index):
            value = self.apply(name if index is None else f"{name}_{self.subtext_of_index(piece)}", call)
        else:
            if index is not None and name == "delta" and len(index) == 2:
                value = sp.KroneckerDelta(*index)
            elif index is not None:
                value = self.array(name)[index]
            else:
                value = self.name_value(name)
                if re.fullmatch(r".+_[0-9]+", name) and isinstance(value, sp.Symbol):
                    base, k = name.rsplit("_", 1)
                    self.literals[value] = (base, int(k))
            if call is not None:
                inner = self.paren(call)
                if isinstance(inner, _Annotation):
                    self.pending.append(inner)
                else:
                    value = value * inner
        for kind, node in piece.scripts:
            if kind == "sup":
                value = self.superscript(value, node, base_name=name if index is None else None)
        return value

    def expectation(self, piece: _NamePiece):
        r"""``\mathbb{E}_{x \sim D}[f]`` -> ``Expectation(f, x, D)``; None for other subscripts."""
        subs = [node for kind, node in piece.scripts if kind == "sub"]
        if len(subs) != 1 or isinstance(subs[0], lark.Token) or len(piece.scripts) != 1:
            return None
        rows = [c for c in subs[0].children[1].children if isinstance(c, lark.Tree)]
        items = rows[0].children if len(rows) == 1 else []
        if len(items) != 3 or not _is_token(items[1], "REL") or items[1].value != "~":
            return None
        variable = self.plain(self.expr(items[0]), items[0])
        body = self.paren(piece.call)
        return Expectation(self.plain(body, piece.call), variable, self.plain(self.expr(items[2]), items[2]))

    def splits(self, word: str) -> bool:
        """A two-letter run not known as a name is a product (``ab``); longer runs are names."""
        return word not in self.names and len(word) == 2 and word.isalpha()

    def subtext_of_index(self, piece) -> str:
        return ",".join(self.subtext(node) for kind, node in piece.scripts if kind == "sub")

    def is_function(self, name: str, base: str, call, index) -> bool:
        args = call.children[1]
        if any(isinstance(c, lark.Token) and c.type in ("COMMA", "SEMI", "BAR", "DBAR") for c in args.children):
            return True
        if name in self.functions or base in self.functions:
            return True
        if index is None and base in FUNCTION_LETTERS:
            return True
        return len(base) > 1 and base not in GREEK.values() and not base.startswith("\\")  # a word: ReLU(x)

    def apply(self, name: str, call):
        args, given = [], []
        target = args
        for child in call.children[1].children:
            if isinstance(child, lark.Token):
                if child.type == "BAR":
                    target = given
                continue
            items = child.children
            if len(items) > 1:
                raise self.error("a relation inside a function's arguments", child)
            target.append(self.plain(self.expr(items[0]), items[0]))
        if given:
            args.append(Given(*given))
        if not args:
            raise self.error(f"{name}() without arguments", call)
        self.used_functions.add(name)
        return sp.Function(name)(*args)

    def name_value(self, name: str):
        if name == "e":
            return sp.E
        if name == "pi":
            return sp.pi
        return self.symbol(name)

    def symbol(self, name: str) -> sp.Symbol:
        if name not in self.symbols:
            if name in self.size_names:
                self.symbols[name] = sp.Symbol(name, integer=True, positive=True)
            elif name in self.index_names:
                self.symbols[name] = sp.Symbol(name, integer=True)
            else:
                self.symbols[name] = sp.Symbol(name, real=True)
        return self.symbols[name]

    def array(self, name: str) -> sp.IndexedBase:
        if name not in self.arrays:
            self.arrays[name] = sp.IndexedBase(name, real=True)
        return self.arrays[name]

    def index_of(self, node):
        """The index tuple a subscript denotes (``_i``, ``_{i+1}``, ``_{i,j}``), or None for a name part."""
        indexish = self.index_names
        if isinstance(node, lark.Token):
            if node.type == "NAME" and node.value in indexish:
                return (self.symbol(node.value),)
            return None
        rows = [c for c in node.children[1].children if isinstance(c, lark.Tree)]
        if len(rows) != 1:
            return None
        items = rows[0].children
        if len(items) == 1 and isinstance(items[0], lark.Tree):
            token = _only_token(items[0])
            if token is not None and token.type == "WORD" and all(ch in indexish for ch in token.value):
                return tuple(self.symbol(ch) for ch in token.value)
        exprs = [c for c in items if isinstance(c, lark.Tree)]
        if any(isinstance(c, lark.Token) and c.type != "COMMA" for c in items) or not exprs:
            return None
        if not all(_names_in(e) and _names_in(e) <= indexish for e in exprs):
            return None
        return tuple(self.plain(self.expr(e), e) for e in exprs)

    def subtext(self, node) -> str:
        if isinstance(node, lark.Token):
            return node.value
        inner = node.children[1]
        token = _only_token(inner)
        if token is not None and token.type in ("NAME", "WORD", "NUMBER"):
            return token.value
        raw = self.text[_start(node) + 1:_end(node) - 1]
        for char, name in UNICODE_GREEK.items():
            raw = raw.replace(char, "\\" + name + " ")
        return "{" + " ".join(raw.split()) + "}"

    def superscript(self, value, node, base_name=None):
        if isinstance(node, lark.Token) and node.type in ("AST", "ADD", "SUB", "PRIME"):
            return value  # x^*, 0^+: a marker, not a power
        if isinstance(node, lark.Token) and node.type == "NAME" and node.value == "T" \
                and not (base_name in GREEK.values() or isinstance(value, sp.Number)):
            self.used_functions.add("transpose")
            return sp.Function("transpose")(value)
        exponent = self.sarg(node)
        if base_name == "e" or value == sp.E:
            return sp.exp(exponent)
        return _power(value, exponent, node)

    # ** atoms **

    def post(self, tree):
        first, scripts = tree.children[0], [_script(s) for s in tree.children[1:]]
        value = self.atom(first)
        for kind, node in scripts:
            if kind == "sup":
                value = self.superscript(self.plain(value, tree), node)
            elif kind == "sub" and not (isinstance(first, lark.Tree) and first.data in ("abs", "norm")):
                self.warnings.append(f"ignored the subscript of {self.text[_start(first):_end(first)][:40]!r}")
            elif kind == "prime":
                raise self.error("a prime on an expression", tree)
        return value

    def atom(self, node):
        if isinstance(node, lark.Token):
            if node.type == "NUMBER":
                return sp.Rational(node.value)
            if node.type == "INFTY":
                return sp.oo
            if node.type == "DOTS":
                return sp.Symbol(r"\ldots")
            if node.type == "PARTIAL":
                return PARTIAL
            raise self.error(f"unexpected {node.value!r}", node)
        return getattr(self, "atom_" + node.data)(node)

    def sarg(self, node):
        if isinstance(node, lark.Tree) and node.data == "sarg":
            node = node.children[0]
        if isinstance(node, lark.Token):
            if node.type == "NAME":
                return self.resolve(_NamePiece(node, [], None, node.start_pos, node.end_pos))
            return self.atom(node)
        return self.atom_group(node)

    def atom_group(self, tree):
        rows = [c for c in tree.children[1].children if isinstance(c, lark.Tree)]
        if len(rows) != 1 or len(rows[0].children) != 1 or not isinstance(rows[0].children[0], lark.Tree):
            raise self.error("expected one expression in braces", tree)
        return self.expr(rows[0].children[0])

    def paren(self, call):
        """The value of ``( ... )`` or ``[ ... ]``: an expression, a side condition, or a tuple."""
        args = [c for c in call.children[1].children if isinstance(c, lark.Tree)]
        seps = [c for c in call.children[1].children if isinstance(c, lark.Token)]
        if not args:
            raise self.error("empty parentheses", call)
        if any(len(a.children) > 1 for a in args):
            text = self.text[_start(call):_end(call)]
            conditions = []
            for a in args:
                exprs = [(self.plain(self.expr(e), e), e) for e in a.children[0::2]]
                if len(exprs) == 1 and conditions and isinstance(conditions[-1], sp.Eq):
                    conditions[-1] = sp.Or(conditions[-1], sp.Eq(conditions[-1].lhs, exprs[0][0]))
                    continue
                built = self.relation_chain(exprs, a.children[1::2]) if len(exprs) > 1 else None
                if built is not None:
                    conditions.append(built)
            return _Annotation(text, tuple(conditions))
        values = [self.plain(self.expr(a.children[0]), a) for a in args]
        if len(values) == 1 and not seps:
            return values[0]
        self.used_functions.add("tuple")
        return sp.Function("tuple")(*values)

    atom_paren = paren
    atom_bracket = paren

    def atom_frac(self, tree):
        num, den = self.sarg(tree.children[1]), self.sarg(tree.children[2])
        derivative = self.derivative(num, den, tree)
        if derivative is not None:
            return derivative
        return self.plain(num, tree) / self.plain(den, tree)

    def derivative(self, num, den, tree):
        r"""$\frac{\partial f}{\partial x}$, $\frac{d f}{d x}$, $\frac{\partial^2 f}{\partial x^2}$, $\frac{\partial}{\partial x}$."""
        d = self.symbols.get("d")
        for marker in (PARTIAL, d):
            if marker is None:
                continue
            order_num, f = _split_marker(num, marker)
            order_den, rest = _split_marker(den, marker)
            if order_num == 0 or order_den == 0:
                continue
            variables = []
            for base, power in rest.as_powers_dict().items():
                if not isinstance(base, (sp.Symbol, sp.Indexed)) or not (power.is_Integer and power > 0):
                    if marker is PARTIAL:
                        raise self.error("cannot read the denominator of a derivative", tree)
                    return None
                variables.append((base, int(power)))
            if not variables or (marker is d and len(variables) != 1):
                return None
            if f == 1:
                return _DerivativeOperator(tuple(variables))
            return sp.Derivative(f, *variables, evaluate=False)
        return None

    def atom_binom(self, tree):
        n, k = self.sarg(tree.children[1]), self.sarg(tree.children[2])
        if n.is_number and abs(n) > 1000:
            raise self.error("binomial coefficient too large", tree)
        return sp.binomial(n, k)

    def atom_sqrt(self, tree):
        children = tree.children
        value = self.plain(self.sarg(children[-1]), tree)
        if len(children) == 5:
            degree = self.plain(self.expr(children[2]), tree)
            return _power(value, 1 / degree, tree)
        return sp.sqrt(value)

    def scripts_of(self, children):
        subs = [c.children[1].children[0] for c in children if isinstance(c, lark.Tree) and c.data == "script"
                and c.children[0].type == "USCORE"]
        sups = [c.children[1].children[0] for c in children if isinstance(c, lark.Tree) and c.data == "script"
                and c.children[0].type == "POW"]
        return subs, sups

    def operand(self, node):
        """The argument of ``\\log``, ``\\max_D``, ``\\nabla``: a call, a brace group or a bare product."""
        if node.data == "call":
            return self.paren(node)
        if node.data == "group":
            return self.atom_group(node)
        return self.product(node.children)

    def atom_func(self, tree):
        name = tree.children[0].value
        subs, sups = self.scripts_of(tree.children[1:-1])
        last, tail = tree.children[-1], sp.Integer(1)
        if last.data == "fbare":  # \sin x \cos x: the bare argument stops at the next function
            posts = last.children
            cut = next((k for k, p in enumerate(posts) if k and p.data == "post" and isinstance(p.children[0], lark.Tree)
                        and p.children[0].data in ("func", "maxmin")), len(posts))
            if cut < len(posts):
                tail = self.plain(self.product(posts[cut:]), last)
                last = lark.Tree("fbare", posts[:cut], last.meta)
        arg = self.plain(self.operand(last), tree)
        if isinstance(arg, sp.core.function.AppliedUndef) and arg.func.__name__ == "tuple":
            raise self.error(f"\\{name} takes one argument", tree)
        if name in OPAQUE_FUNCTIONS or name == "det":
            self.used_functions.add(name)
            value = sp.Function(name)(arg)
        elif name in ("log", "lg") and subs:
            value = sp.log(arg, self.plain(self.sarg(subs[0]), tree))
        else:
            value = FUNCTIONS[name](arg)
        for sup in sups:
            value = self.superscript(value, sup)
        return value * tail

    def atom_maxmin(self, tree):
        name = tree.children[0].value
        subs, _ = self.scripts_of(tree.children[1:-1])
        last = tree.children[-1]
        if not subs and last.data == "call" and MAXMIN.get(name) is not None:
            args = [c for c in last.children[1].children if isinstance(c, lark.Tree)]
            values = [self.plain(self.expr(a.children[0]), a) for a in args if len(a.children) == 1]
            if len(values) != len(args):
                raise self.error(f"a relation inside \\{name}(...)", last)
            return MAXMIN[name](*values)
        label = name + ("_" + self.subtext(subs[0]) if subs else "")
        self.used_functions.add(label)
        return sp.Function(label)(self.plain(self.operand(last), tree))

    def atom_nabla(self, tree):
        subs, _ = self.scripts_of(tree.children[1:-1])
        label = "nabla" + ("_" + self.subtext(subs[0]) if subs else "")
        self.used_functions.add(label)
        return sp.Function(label)(self.plain(self.product(tree.children[-1].children), tree))

    def atom_bigop(self, tree):
        op = tree.children[0].value
        subs, sups = self.scripts_of(tree.children[1:-1])
        index, lo, exclude = self.sum_index(subs[0] if subs else None, tree)
        hi = self.plain(self.sarg(sups[0]), tree) if sups else self.default_size()
        if lo == 0:
            self.zero_based = True
        body = self.plain(self.term(tree.children[-1]), tree)
        if index is None:
            free = sorted(body.free_symbols & {self.symbols.get(n) for n in self.index_names}, key=str)
            if len(free) != 1:
                raise self.error(f"\\{op} without an index", tree)
            index = free[0]
        if exclude is not None:
            body = body * (1 - sp.KroneckerDelta(index, exclude))
        for element in body.atoms(sp.Indexed):
            for position, i in enumerate(element.indices):
                if i == index:
                    self.lengths.setdefault((element.base, position), hi - lo + 1)
        return (sp.Sum if op == "sum" else sp.Product)(body, (index, lo, hi))

    def sum_index(self, node, tree):
        r"""``_{i=1}`` -> (i, 1, None); ``_i`` -> (i, 1, None); ``_{k \ne i}`` -> (k, 1, i)."""
        if node is None:
            return None, sp.Integer(1), None
        if isinstance(node, lark.Token):
            if node.type != "NAME":
                raise self.error("a sum's index must be a name", node)
            return self.symbol(node.value), sp.Integer(1), None
        rows = [c for c in node.children[1].children if isinstance(c, lark.Tree)]
        items = rows[0].children if len(rows) == 1 else []
        exprs = [c for c in items if isinstance(c, lark.Tree)]
        rels = [c for c in items if isinstance(c, lark.Token) and c.type == "REL"]
        if not exprs:
            raise self.error("cannot read the range of a sum", tree)
        index = self.plain(self.expr(exprs[0]), exprs[0])
        if not isinstance(index, sp.Symbol):
            raise self.error("a sum's index must be a name", exprs[0])
        if len(exprs) == 2 and len(rels) == 1 and rels[0].value == "=":
            return index, self.plain(self.expr(exprs[1]), exprs[1]), None
        if len(exprs) == 2 and len(rels) == 1 and rels[0].value == "!=":
            return index, sp.Integer(1), self.plain(self.expr(exprs[1]), exprs[1])
        if len(exprs) == 1 and not rels:
            return index, sp.Integer(1), None
        raise self.error("cannot read the range of a sum", tree)

    def default_size(self) -> sp.Symbol:
        """The size of a range no sum states (``\\sum_i``, a free index of an unsized array)."""
        self.size_names.add("N")
        return self.symbol("N")

    def atom_integral(self, tree):
        subs, sups = self.scripts_of(tree.children[1:-1])
        self.integrals.append({})
        body = self.plain(self.term(tree.children[-1]), tree)
        variable = self.integrals.pop().get("variable")
        bounds = [self.plain(self.sarg(s[0]), tree) for s in (subs, sups) if s]
        if variable is None:
            self.warnings.append(f"integral without its differential: {self.text[_start(tree):_end(tree)][:60]!r}")
            self.used_functions.add("integral")
            return sp.Function("integral")(body, *bounds)
        if len(bounds) == 2:
            return sp.Integral(body, (variable, *bounds))
        return sp.Integral(body, variable)

    def atom_lim(self, tree):
        subs, _ = self.scripts_of(tree.children[1:-1])
        body = self.plain(self.term(tree.children[-1]), tree)
        if not subs or isinstance(subs[0], lark.Token):
            raise self.error("\\lim needs _{x \\to a}", tree)
        row = next((c for c in subs[0].children[1].children if isinstance(c, lark.Tree)), None)
        items = row.children if row is not None else []
        if len(items) != 3 or not _is_token(items[1], "REL") or items[1].value != "->":
            raise self.error("\\lim needs _{x \\to a}", tree)
        variable, point = self.expr(items[0]), self.expr(items[2])
        return sp.Limit(body, variable, point, "+-" if point.is_finite else "+")

    def atom_env(self, tree):
        begin, rows, end = tree.children
        if begin.value != end.value:
            raise self.error(f"\\begin{{{begin.value}}} closed by \\end{{{end.value}}}", end)
        inner = self.rows(rows)
        if begin.value in ALIGNED:
            return _Env(begin.value, inner)
        if begin.value.endswith("cases") or begin.value in ("matrix", "array"):
            return self.piecewise(inner, tree)
        raise self.error(f"{begin.value} (a matrix) is not supported", tree)

    def atom_cases(self, tree):
        return self.piecewise(self.rows(tree.children[1]), tree)

    def piecewise(self, rows, tree):
        rows = [r for r in rows if r.kind != "empty"]
        if len(rows) == 1 and not rows[0].conditions and len(rows[0].chain.exprs) == 1 \
                and isinstance(rows[0].chain.exprs[0], sp.Piecewise):
            return rows[0].chain.exprs[0]
        pieces = []
        for k, row in enumerate(rows):
            if len(row.chain.exprs) != 1 or row.chain.rels:
                raise self.error("a case must be a value and a condition", tree)
            condition = sp.And(*row.conditions) if row.conditions else None
            if condition is None:
                if k != len(rows) - 1:
                    raise self.error("a case without a condition", tree)
                condition = sp.true
            pieces.append((row.chain.exprs[0], condition))
        self.warn_gaps([c for _, c in pieces], tree)
        return sp.Piecewise(*pieces)

    def warn_gaps(self, conditions, tree) -> None:
        """A case split that leaves points undefined (``x > 0`` and ``x < 0`` leave ``x = 0``)."""
        union = sp.Or(*conditions)
        if union is sp.true:
            return
        reals = [s for s in union.free_symbols if s.is_real and not s.is_integer]
        if len(reals) != 1 or any(s.is_integer for s in union.free_symbols):
            return
        try:
            missing = sp.S.Reals - union.as_set()
        except (NotImplementedError, TypeError, ValueError):
            return
        if missing is not sp.S.EmptySet:
            where = ", ".join(f"{reals[0]} = {p}" for p in missing) if missing.is_FiniteSet else f"{reals[0]} in {missing}"
            self.warnings.append(f"the cases leave {where} undefined")

    def atom_abs(self, tree):
        return sp.Abs(self.plain(self.expr(tree.children[1]), tree))

    atom_norm = atom_abs

    def atom_angle(self, tree):
        self.used_functions.add("inner")
        value = self.paren(tree)
        return sp.Function("inner")(*(value.args if isinstance(value, sp.Function) else (value,)))

    def atom_set(self, tree):
        self.used_functions.add("set")
        value = self.paren(tree)
        return sp.Function("set")(*(value.args if isinstance(value, sp.Function) else (value,)))

    # ** finishing **

    def finish_literals(self, rows):
        """``x_1`` is the element ``x[1]`` when ``x`` is an array in this block, else a name."""
        swap = {s: self.arrays[b][k] for s, (b, k) in self.literals.items() if b in self.arrays}
        if not swap:
            return rows
        return [Row(Chain(tuple(e.xreplace(swap) for e in r.chain.exprs), r.chain.rels), r.text, r.line, r.column,
                    r.kind, r.continued, tuple(c.xreplace(swap) for c in r.conditions), r.notes) for r in rows]

    def free_indices(self, rows) -> dict:
        candidates = {s for n, s in self.symbols.items() if n in self.index_names}
        free = set()
        for row in rows:
            for e in (*row.chain.exprs, *row.conditions):
                free |= e.free_symbols & candidates
        out = {}
        for index in sorted(free, key=str):
            length = None
            for row in rows:
                for e in row.chain.exprs:
                    for element in e.atoms(sp.Indexed):
                        for position, i in enumerate(element.indices):
                            if i == index and (element.base, position) in self.lengths:
                                length = length or self.lengths[(element.base, position)]
            length = length if length is not None else self.default_size()
            out[index] = (sp.Integer(0), length - 1) if self.zero_based else (sp.Integer(1), length)
        return out

    # ** positions **

    def position(self, tree) -> tuple[int, int, str]:
        meta = tree.meta
        if getattr(meta, "empty", True):
            return 1, 1, ""
        return meta.line, meta.column, self.text[meta.start_pos:meta.end_pos]

    def error(self, message: str, node) -> LatexParseError:
        if isinstance(node, lark.Token):
            return LatexParseError(message, node.line or 1, node.column or 1)
        meta = getattr(node, "meta", None)
        if meta is None or getattr(meta, "empty", True):
            return LatexParseError(message, 1, 1)
        return LatexParseError(message, meta.line, meta.column)


def _condition(a, rel: str, b, token):
    """A side condition as a sympy boolean (``None`` for relations that are not conditions)."""
    build = {"=": sp.Eq, "!=": sp.Ne, "<": sp.Lt, ">": sp.Gt, "<=": sp.Le, ">=": sp.Ge}.get(rel)
    if build is None:
        return None
    try:
        return build(a, b)
    except TypeError as exc:
        raise LatexParseError(f"cannot compare: {exc}", token.line or 1, token.column or 1) from None


def _power(base, exponent, node):
    """``base ** exponent``, refusing numeric powers too large to hold."""
    if isinstance(base, sp.Basic) and base.is_Rational and isinstance(exponent, sp.Basic) and exponent.is_number:
        if exponent.is_Rational and abs(exponent) > MAX_EXPONENT and abs(base) not in (0, 1):
            raise _node_error("exponent too large", node)
        if base.is_Rational and exponent.is_Rational and abs(base) not in (0, 1):
            digits = abs(float(exponent)) * math.log10(max(abs(base.p), abs(base.q)))
            if digits > MAX_POWER_DIGITS:
                raise _node_error("power too large", node)
    return sp.Pow(base, exponent)


def _node_error(message, node):
    if isinstance(node, lark.Token):
        return LatexParseError(message, node.line or 1, node.column or 1)
    meta = getattr(node, "meta", None)
    if meta is None or getattr(meta, "empty", True):
        return LatexParseError(message, 1, 1)
    return LatexParseError(message, meta.line, meta.column)


def _split_marker(expr, marker):
    """``marker**k * rest`` -> ``(k, rest)``."""
    if not isinstance(expr, sp.Basic) or not expr.has(marker):
        return 0, expr
    powers = expr.as_powers_dict() if isinstance(expr, (sp.Mul, sp.Pow, sp.Symbol)) else {}
    order = powers.get(marker, 0)
    if not (isinstance(order, sp.Integer) and order > 0):
        return 0, expr
    return int(order), sp.Mul(*[b ** p for b, p in powers.items() if b != marker])


def _script(tree):
    op = tree.children[0]
    if op.type == "PRIME":
        return ("prime", op)
    return ("sub" if op.type == "USCORE" else "sup", tree.children[1].children[0])


def _is_token(item, kind: str) -> bool:
    return isinstance(item, lark.Token) and item.type == kind


def _get(items, k):
    return items[k] if 0 <= k < len(items) else None


def _start(node) -> int:
    if isinstance(node, lark.Token):
        return node.start_pos
    return node.meta.start_pos


def _end(node) -> int:
    if isinstance(node, lark.Token):
        return node.end_pos
    return node.meta.end_pos


def _bare(node, kind: str) -> bool:
    """A ``post`` that is just a ``kind`` atom (a group, paren or bracket) without scripts."""
    return isinstance(node, lark.Tree) and node.data == "post" and len(node.children) == 1 \
        and isinstance(node.children[0], lark.Tree) and node.children[0].data == kind


def _only_token(tree):
    """The single token under a chain of one-child trees, else None."""
    node = tree
    while isinstance(node, lark.Tree):
        kids = [c for c in node.children if not (isinstance(c, lark.Token) and c.type in ("LBRACE", "RBRACE"))]
        if len(kids) != 1:
            return None
        node = kids[0]
    return node


def _names_in(tree) -> set[str]:
    return {t.value for t in tree.scan_values(lambda v: isinstance(v, lark.Token)) if t.type in ("NAME", "WORD")}
