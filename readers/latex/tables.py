r"""The LaTeX reader's tables: bounds, names, commands, relations and functions it knows."""
from __future__ import annotations

import re

import sympy as sp

from readers.latex.nodes import HugePower

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

GREEK = {g: g for g in ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega", "ell"]}
GREEK.update(varepsilon="epsilon", varphi="phi", vartheta="theta", varrho="rho", varsigma="sigma", varpi="pi")
UNICODE_GREEK = dict(zip("αβγδεϵζηθϑικλμµνξπρσςτυφϕχψωΓΔΘΛΞΠΣΥΦΨΩ", ["alpha", "beta", "gamma", "delta", "epsilon", "epsilon", "zeta", "eta", "theta", "theta", "iota", "kappa", "lambda", "mu", "mu", "nu", "xi", "pi", "rho", "sigma", "sigma", "tau", "upsilon", "phi", "phi", "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega"]))
RELATIONS = {
    "=": "=", "==": "=", "<": "<", ">": ">", "<=": "<=", ">=": ">=", ":=": ":=",
    "ne": "!=", "neq": "!=", "le": "<=", "leq": "<=", "leqslant": "<=", "ge": ">=", "geq": ">=",
    "geqslant": ">=", "lt": "<", "gt": ">", "approx": "approx", "simeq": "approx", "propto": "propto",
    "to": "->", "rightarrow": "->", "longrightarrow": "->", "sim": "~", "in": "in", "equiv": "equiv",
    "triangleq": ":=", "coloneqq": ":=", "doteq": ":=", "leftarrow": ":=", "gets": ":=", "longleftarrow": ":=",
    "≤": "<=", "≥": ">=", "≠": "!=", "≈": "approx", "∝": "propto", "→": "->", "∈": "in", "∼": "~", "≡": "equiv",
    "≔": ":=", "notin": "notin", "ll": "ll", "gg": "gg", "subset": "subset", "subseteq": "subset",
    "supset": "supset", "supseteq": "supset", "mapsto": "mapsto", "perp": "perp", "ni": "ni", "leftrightarrow": "<->", "↔": "<->",
    "lessapprox": "lessapprox", "lesssim": "lessapprox", "gtrapprox": "gtrapprox", "gtrsim": "gtrapprox",
    "⊆": "subset", "⊂": "subset", "⊇": "supset", "⊃": "supset", "∉": "notin", "∋": "ni", "⟶": "->",
}
"""Relation spellings -> canonical text: ``= != < > <= >= approx propto -> ~ in equiv :=``."""
def real_log(x, base=None):
    r"""The real logarithm, with ``\log 0 = -\infty`` (its limit from the right, as notes write it: ``-\log 0 = \infty``);
    sympy's ``log(0)`` is complex infinity, which no real claim can equal.  ``\log(b^n)`` of a power too large
    to evaluate (:class:`HugePower`, ``b > 0``) is ``n \log b`` exactly."""
    if isinstance(x, HugePower):
        b, n = x.args
        return n * real_log(b, base)
    if x == 0:
        return sp.oo if base is not None and base.is_number and 0 < base < 1 else -sp.oo
    return sp.log(x) if base is None else sp.log(x, base)


FUNCTIONS = {
    "log": real_log, "ln": real_log, "exp": sp.exp, "sin": sp.sin, "cos": sp.cos, "tan": sp.tan, "cot": sp.cot,
    "sec": sp.sec, "csc": sp.csc, "sinh": sp.sinh, "cosh": sp.cosh, "tanh": sp.tanh, "coth": sp.coth,
    "arcsin": sp.asin, "arccos": sp.acos, "arctan": sp.atan, "sqrt": sp.sqrt, "abs": sp.Abs,
    "sign": sp.sign, "sgn": sp.sign, "sigmoid": lambda x: 1 / (1 + sp.exp(-x)),
    "softplus": lambda x: sp.log(1 + sp.exp(x)), "lg": lambda x: sp.log(x, 10), "factorial": sp.factorial,
    "floor": sp.floor, "ceil": sp.ceiling,
    **dict.fromkeys(("arsinh", "arcsinh", "asinh"), sp.asinh), **dict.fromkeys(("arcosh", "arccosh", "acosh"), sp.acosh),
    **dict.fromkeys(("artanh", "arctanh", "atanh"), sp.atanh),
}
"""Known functions of one argument (``\\log_b x`` takes its base from the subscript); the inverse hyperbolic functions
by their ISO names (``\\operatorname{arsinh} x``), their arc- names and their programming names."""
SPECIAL_FUNCTIONS = {("Gamma", 1): sp.gamma, ("Gamma", 2): sp.uppergamma, ("zeta", 1): sp.zeta,
                     ("Beta", 2): sp.beta, ("erfc", 1): sp.erfc, ("digamma", 1): sp.digamma,
                     ("clip", 3): lambda x, lo, hi: sp.Min(sp.Max(x, lo), hi)}
r"""Special functions written by their usual letter and applied: ``\Gamma(\tfrac32)`` is
:math:`\Gamma(3/2) = \sqrt{\pi}/2`, not a product ``\Gamma \cdot 3/2``; ``\Gamma(s, x)`` the upper incomplete gamma,
``\zeta(s)`` Riemann's zeta, ``\operatorname{Beta}(a, b)`` the beta function, ``\mathrm{clip}(x, a, b)``
:math:`\min(\max(x, a), b)` (PPO's clipped ratio, the Huber loss's derivative).  Keyed by (name, number of arguments);
a note that defines the name (``\Gamma(z) = \int ...``: a function to the reader) or uses it as a value (a name to
the reader) keeps its own meaning."""
NUMERIC_ONLY_SPECIAL = frozenset({"zeta"})
r"""``\zeta`` is often a plain variable or an unnamed function: only at a number (``\zeta(3)``) is it Riemann's zeta."""
OPERATOR_WORDS = frozenset({"rank", "Rank", "span", "Span", "Col", "Nul", "Null", "Row", "nullity", "diag", "proj"})
r"""Upright words that linear algebra applies to what follows them without parentheses, as ``\det A``:
``\operatorname{rank} A``, ``{\rm Col}\, A``, ``\mathrm{diag}(d)``; never a name multiplied by it."""
MOMENT_SPELLINGS = {
    **dict.fromkeys(("E", r"\operatorname{E}", r"\mathbb{E}"), "E"),
    **dict.fromkeys(("Var", "var", "VAR", "Variance", "variance", r"\mathbb{V}", r"\mathbb{Var}"), "Var"),
    **dict.fromkeys(("Cov", "cov", "COV", "Covariance", "covariance", r"\mathbb{Cov}"), "Cov"),
    **dict.fromkeys(("Corr", "corr", "CORR", "Cor", "cor"), "Corr"),
    **dict.fromkeys(("SD", "sd", "Sd", "std", "Std", "STD", "stdev", "Stdev", "StDev"), "SD"),
}
r"""The spellings of the moment operators, each read as one operator when it is applied (``(`` or ``[`` follows):
``\mbox{var}(X)``, ``\text{Var}``, ``\operatorname{Cov}``, ``\mathrm{E}``, ``\mathbb{V}[X]``, ``\operatorname{sd}(X)``.
``E``, ``Var``, ``Cov`` and ``Corr`` are the operators the notes' moment readers know (readers.notes.moments);
``SD(X)`` is read as :math:`\sqrt{\operatorname{Var}(X)}` (readers.latex.names)."""
OPAQUE_FUNCTIONS = frozenset({"det", "tr", "Tr", "erf", "softmax", "Softmax", "dim", "ker"}) | OPERATOR_WORDS
MAXMIN = {"max": sp.Max, "min": sp.Min, "argmax": None, "argmin": None, "sup": sp.Max, "inf": sp.Min}
PROSE_WORDS = frozenset(
    ["when", "if", "otherwise", "else", "where", "for", "and", "or", "given", "with", "then", "since", "iff", "let", "all", "any", "each", "such", "that", "is", "are", "s.t.", "i.e.", "e.g.", "subject", "whenever"])
STYLES = frozenset(["mathbf", "mathcal", "mathbb", "mathit", "mathsf", "mathscr", "mathfrak", "boldsymbol", "bm", "pmb", "mathbfit"])
ACCENTS = frozenset(["hat", "widehat", "bar", "overline", "underline", "tilde", "widetilde", "vec", "dot", "ddot", "check", "breve", "acute", "grave", "mathring"])
TEXTS = frozenset(["text", "textrm", "textit", "textbf", "textsf", "mathrm", "operatorname", "mbox", "textnormal", "hbox",
                   "mathtt", "texttt"])
SKIPPED = frozenset(["displaystyle", "textstyle", "scriptstyle", "limits", "nolimits", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr", "Biggl", "Biggr", "middle", "nonumber", "notag", "quad", "qquad", "enspace", "thinspace", "medspace", "thickspace", "negthinspace", "negmedspace", "negthickspace", "enskip", "left.", "qedhere", "square", "blacksquare"])
SKIPPED_WITH_ARG = frozenset(["hspace", "vspace", "label", "tag", "phantom", "hphantom", "vphantom", "color",
                              "textcolor", "eqref", "ref"])
ENVIRONMENTS = frozenset(["aligned", "align", "align*", "alignat", "alignat*", "equation", "equation*", "gather", "gather*", "gathered", "split", "multline", "multline*", "cases", "dcases", "rcases", "matrix", "pmatrix", "bmatrix", "vmatrix", "Vmatrix", "Bmatrix", "smallmatrix", "array", "eqnarray", "eqnarray*"])
ALIGNED = frozenset(e for e in ENVIRONMENTS if not e.endswith("cases") and "matrix" not in e and e != "array")
SIMPLE_COMMANDS = {
    "frac": "FRAC", "dfrac": "FRAC", "tfrac": "FRAC", "cfrac": "FRAC", "nicefrac": "FRAC", "sfrac": "FRAC", "binom": "BINOM", "dbinom": "BINOM",
    "tbinom": "BINOM", "sqrt": "SQRT", "sum": "SUMOP", "prod": "SUMOP", "int": "INT", "iint": "INT",
    "iiint": "INT", "oint": "INT", "lim": "LIM", "partial": "PARTIAL", "nabla": "NABLA", "triangledown": "NABLA", "infty": "INFTY",
    "cdot": "MUL", "cdotp": "MUL", "times": "MUL", "bullet": "MUL", "odot": "MUL", "circ": "MUL", "otimes": "MUL",
    "ast": "AST", "star": "AST", "div": "DIV", "pm": "PM", "mp": "MP", "newline": "ROWSEP", "cr": "ROWSEP",
    "ldots": "DOTS", "cdots": "DOTS", "dots": "DOTS", "vdots": "DOTS", "ddots": "DOTS", "mid": "BAR",
    "colon": "COLON", "langle": "LANGLE", "rangle": "RANGLE", "lbrace": "LSET", "rbrace": "RSET",
    "prime": "PRIME", "implies": "PROSE", "Rightarrow": "PROSE", "iff": "PROSE", "Leftrightarrow": "PROSE",
    "forall": "PROSE", "exists": "PROSE", "therefore": "PROSE", "Longrightarrow": "PROSE",
    "Longleftrightarrow": "PROSE", "Downarrow": "PROSE", "Longdownarrow": "PROSE", "cap": "MUL", "cup": "MUL", "setminus": "MUL", "backslash": "MUL", "quad": None, "oslash": "DIV",
}
UNICODE_TOKENS = {
    "∑": ("SUMOP", "sum"), "∏": ("SUMOP", "prod"), "∫": ("INT", "int"), "∞": ("INFTY", "infty"),
    "∂": ("PARTIAL", "partial"), "∇": ("NABLA", "nabla"), "·": ("MUL", "cdot"), "⋅": ("MUL", "cdot"),
    "×": ("MUL", "times"), "⊙": ("MUL", "odot"), "∘": ("MUL", "circ"), "−": ("SUB", "-"), "±": ("PM", "pm"),
    "∓": ("MP", "mp"), "…": ("DOTS", "ldots"), "⋯": ("DOTS", "cdots"), "√": ("SQRT", "sqrt"),
    "′": ("PRIME", "'"), "÷": ("DIV", "div"), "∗": ("AST", "ast"), "∩": ("MUL", "cap"), "∪": ("MUL", "cup"),
    "⇒": ("PROSE", "Rightarrow"), "⟹": ("PROSE", "implies"), "⇔": ("PROSE", "iff"), "∀": ("PROSE", "forall"),
    "∃": ("PROSE", "exists"), "∅": ("NAME", "emptyset"), "⇓": ("PROSE", "Downarrow"),
}
r"""Unicode symbols typed directly; ``∩``/``∪`` between sets as ``\cap``/``\cup``, before a script (``∪_i A_i``)
as ``\bigcup``/``\bigcap`` (:data:`BIG_SET_OPERATORS`)."""
BIG_SET_OPERATORS = {"bigcup": "bigcup", "bigcap": "bigcap", "∪": "bigcup", "∩": "bigcap"}
r"""Unions and intersections over an index (``\bigcup_{i=1}^k A_i``): an opaque function of the body and its range,
never a sum."""
ASCII_TOKENS = {"+": "ADD", "-": "SUB", "*": "AST", "/": "DIV", "^": "POW", "_": "USCORE", "&": "AMP",
                ",": "COMMA", ";": "SEMI", ":": "COLON", "'": "PRIME", "(": "LPAR", ")": "RPAR",
                "[": "LBRACK", "]": "RBRACK", "{": "LBRACE", "}": "RBRACE"}
OPENERS = {"LPAR": "RPAR", "LBRACK": "RBRACK", "LBRACE": "RBRACE", "LVERT": "RVERT", "LNORM": "RNORM",
           "LCASES": ("RDOT", "RSET"), "LSET": "RSET", "LANGLE": "RANGLE", "BEGIN": "END"}
OPERAND_END = frozenset(["NUMBER", "NAME", "WORD", "RPAR", "RBRACK", "RBRACE", "RVERT", "RNORM", "RSET", "RANGLE", "INFTY", "DOTS", "PRIME", "END", "RDOT"])
DIGITS = frozenset("0123456789")
_SPACE = re.compile(r"(?:\s|~|\\[,;:!> \t\n]|%[^\n]*)+")
_WORD = re.compile(r"[A-Za-z]+[0-9]*")
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?|\.[0-9]+")
_COMMAND = re.compile(r"\\([A-Za-z]+\*?|.)", re.DOTALL)
_ABBREVIATION = re.compile(r"(s\.\s*t\.|i\.\s*e\.|e\.\s*g\.)")
